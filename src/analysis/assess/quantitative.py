"""The measures that can decide a pledge with a number or a named facility, each as an Outcome: an
official series (only where it can detect the pledge), the stage of a named facility, the MOU count
process (AI firms), firms × jobs per firm (AI jobs) and the delivery model of a reference class.
Every input is the value known on the day judged (`as_of`)."""
from __future__ import annotations

import math

import pandas as pd

from . import delivery, mou, reasons, reference, rules, statistic
from .context import Context, statistical_spec
from .outcome import INTERVAL_LEVEL, Deciding, Outcome
from .stage import project_of, stage_outcome

DAYS_PER_YEAR = 365.25


def known_regimes(series: pd.DataFrame, starts: list[pd.Timestamp]) -> list[pd.Timestamp]:
    """The regime breaks a count series can show: a regime enters once a count dated after its start is known."""
    return [s for s in starts if (series["as_of_date"] > s).any()]


def mou_projection(ctx: Context, pledge, a, deadline: int, as_of) -> dict:
    """Projection of present AI firms at the deadline, with the count fit and its inputs as known by `as_of`."""
    chosen = a.mou_presence_fact
    presence = reference.presence_report(ctx, chosen, as_of) or chosen

    def compute():
        series = mou.mou_series(ctx.facts_frame(), as_of)
        starts = known_regimes(series, [pd.Timestamp(s) for s in a.mou_regime_starts] if a.mou_regimes == "breaks" else [])
        fit = mou.fit_counts(series, starts)
        trials, successes = ctx.fact(f"{presence}.1")["value"], ctx.fact(f"{presence}.2")["value"]
        share = mou.presence_share(successes, trials)
        months = mou.months_between(series["as_of_date"].max(), pd.Timestamp(deadline, 12, 31))
        result = mou.project(fit, series["value"].iloc[-1], months, share, pledge.target_value, a.simulation_draws, a.seed)
        return {"series": series, "fit": fit, "share": share, "result": result, "last": series.iloc[-1],
                "presence": presence, "presence_held": as_of is not None and
                ctx.fact(f"{presence}.1")["published_date"] > as_of}
    key = ("mou", a.mou_regimes, a.mou_regime_starts, presence, deadline, pledge.target_value,
           a.simulation_draws, a.seed, as_of)
    projection = ctx.cached(key, compute)
    a.used(*projection["series"]["fact_id"], *(f"{r}.{k}" for r in {presence, *ctx.references.presence_reports}
                                                  if as_of is None or ctx.fact(f"{r}.1")["published_date"] <= as_of
                                                  for k in (1, 2)))
    return projection


def statistic_outcome(ctx: Context, pledge, a, deadline: int, as_of) -> tuple[Outcome | None, float]:
    """(the series' outcome where it can detect the pledge, else None; its power either way)."""
    spec = statistical_spec(pledge)
    if spec is None:
        return None, math.nan
    measure = statistic.measure(ctx, pledge, spec, a, deadline, None if as_of is None else as_of.year - 1)
    if not measure.decides:
        return None, measure.power
    status = rules.ACHIEVED if measure.reached else rules.from_probability(measure.probability, a)
    deciding = Deciding(reasons.statistic_label(measure, deadline), measure.probability, unit="확률",
                        target=measure.target)
    chart = {"kind": "statistic", "target": measure.target, "expected": measure.expected,
             "expected_sd": measure.expected_sd, "deadline": deadline, "level": INTERVAL_LEVEL}
    return Outcome(status, "statistic", reasons.statistic(measure, deadline, status), str(measure.series.index.max()),
                   measure.probability, measure.power, deciding, chart), measure.power


def mou_outcome(ctx: Context, pledge, a, deadline: int, as_of) -> Outcome:
    projection = mou_projection(ctx, pledge, a, deadline, as_of)
    result, last = projection["result"], projection["last"]
    status = rules.from_probability(result["probability"], a)
    low, high = result["present_lower"], result["present_upper"]
    deciding = Deciding(reasons.mou_label(deadline), result["present_mean"], low, high, INTERVAL_LEVEL, "개",
                        pledge.target_value)
    chart = {"kind": "mou", "target": pledge.target_value, "level": INTERVAL_LEVEL, "deadline": deadline,
             "projected": result["present_mean"], "low": low, "high": high, "probability": result["probability"],
             "counts": [{"date": f"{r.as_of_date:%Y-%m-%d}", "mous": float(r.value), "fact_id": r.fact_id}
                        for r in projection["series"].itertuples()]}
    reason = reasons.mou(last, result, (low, high), deadline, pledge.target_value, status, projection["presence_held"])
    return Outcome(status, "mou", reason, f"{last['as_of_date']:%Y-%m-%d}", result["probability"], deciding=deciding,
                   chart=chart, context_only=("delivery",) if class_for(ctx, pledge) else (),
                   extra={"held": (reasons.HELD_PRESENCE,) if projection["presence_held"] else ()})


def ai_jobs_prediction(ctx: Context, pledge, a, deadline: int, as_of) -> tuple[dict, dict]:
    """(jobs of AI firms: the MOU projection of present firms × jobs per present firm, that projection)."""
    projection = mou_projection(ctx, ctx.pledges[ctx.references.ai_jobs.firms_pledge], a, deadline, as_of)
    known = reference.jobs_per_firm(ctx, as_of)
    rates = known or reference.jobs_per_firm(ctx)  # none known yet: today's, and the history says so
    a.used(*(f for _, jobs, firms in rates for f in (jobs, firms)))
    result = delivery.ai_jobs(projection["result"]["present_draws"], [r for r, _, _ in rates], pledge.target_value,
                              a.full_delivery_share, a.seed)
    held = ((reasons.HELD_PRESENCE,) if projection["presence_held"] else ()) + (() if known else (reasons.HELD_JOBS_PER_FIRM,))
    return {**result, "held": held}, projection


def ai_jobs_outcome(ctx: Context, pledge, a, deadline: int, as_of) -> Outcome:
    result, projection = ai_jobs_prediction(ctx, pledge, a, deadline, as_of)
    last = projection["last"]
    status = rules.from_probability(result["probability"], a)
    deciding = Deciding(reasons.ai_jobs_label(deadline), result["mean"], result["low"], result["high"], INTERVAL_LEVEL,
                        "개", pledge.target_value)
    chart = {"kind": "ai_jobs", "target": pledge.target_value, "level": INTERVAL_LEVEL, "deadline": deadline,
             "expected": result["mean"], "low": result["low"], "high": result["high"],
             "firms": projection["result"]["present_mean"], "jobs_per_firm_low": result["rate_low"],
             "jobs_per_firm_high": result["rate_high"]}
    return Outcome(status, "ai_jobs", reasons.ai_jobs(last, result, deadline, pledge.target_value, status),
                   f"{last['as_of_date']:%Y-%m-%d}", result["probability"], deciding=deciding, chart=chart,
                   extra={"held": result["held"], "jobs_kind": "direct"})


def class_for(ctx: Context, pledge) -> str | None:
    """The reference class of a pledge: its registry `delivery`, or a class shown beside its own measure."""
    if pledge.delivery and pledge.delivery in ctx.references.classes:
        return pledge.delivery
    return next((name for name, spec in ctx.references.classes.items() if pledge.id in spec.context_for), None)


def horizon(pledge, deadline: int) -> float:
    """Years from the pledge's announcement to the end of its deadline year."""
    return (pd.Timestamp(deadline, 12, 31) - pd.Timestamp(pledge.source_info.date)).days / DAYS_PER_YEAR


def delivery_prediction(ctx: Context, pledge, a, deadline: int, as_of, name: str | None = None) -> dict | None:
    """What the pledge's reference class says will be delivered by its deadline, the cases it rests
    on, and the answer with each case left out."""
    name = name or class_for(ctx, pledge)
    cases = reference.cases(ctx, name, a, as_of)
    if len(cases) < 2:
        return None
    years, share = horizon(pledge, deadline), a.full_delivery_share
    key = ("delivery", tuple((c.id, c.log_ratio, c.years) for c in cases), a.delivery_growth, a.delivery_overshoot)
    post = ctx.cached(key, lambda: delivery.posterior(cases, a.delivery_growth, a.delivery_overshoot))
    result = delivery.predict(post, years, pledge.target_value, share)
    loo = ctx.cached((*key, "loo", years, pledge.target_value, share), lambda: delivery.leave_one_out(
        cases, a.delivery_growth, a.delivery_overshoot, years, pledge.target_value, share))
    return {"result": result, "cases": cases, "posterior": post, "loo": loo, "class": name,
            "kind": ctx.references.classes[name].kind, "known": max(c.known for c in cases)}


def delivery_outcome(ctx: Context, pledge, a, deadline: int, assumed: bool, as_of) -> Outcome | None:
    prediction = delivery_prediction(ctx, pledge, a, deadline, as_of)
    if prediction is None:
        return None
    result, cases, loo = prediction["result"], prediction["cases"], prediction["loo"]
    status = rules.from_probability(result["probability"], a)
    deciding = Deciding(reasons.delivery_label(pledge, deadline), result["probability"], result["probability_low"],
                        result["probability_high"], result["level"], "확률", pledge.target_value)
    chart = {"kind": "delivery", "target": pledge.target_value, "level": result["level"], "deadline": deadline,
             "expected": result["median"], "low": result["low"], "high": result["high"],
             "probability": result["probability"], "probability_low": result["probability_low"],
             "probability_high": result["probability_high"], "years": result["years"],
             "jobs_kind": prediction["kind"],
             "cases": [{"id": c.id, "label": c.label, "region": c.region, "promised": c.promised,
                        "delivered": c.delivered, "ratio": c.ratio, "years": round(c.years, 2),
                        "sources": list(c.sources)} for c in cases],
             "leave_one_out": [{"left_out": r["left_out"], "probability": r["probability"], "expected": r["median"]}
                               for r in loo]}
    reason = reasons.delivery(len(cases), deadline, assumed, pledge, result, [r["probability"] for r in loo],
                              prediction["kind"], status, f"{prediction['known']:%Y-%m-%d}")
    return Outcome(status, "delivery", reason, f"{prediction['known']:%Y-%m-%d}", result["probability"],
                   deciding=deciding, chart=chart, extra={"prediction": prediction})


def _facility_outcome(ctx: Context, pledge, a, deadline: int, assumed: bool, as_of) -> Outcome | None:
    """A pledge with a named facility: its stage, and for jobs of the kind its reference class counts,
    the delivery model too (the worse of the two decides)."""
    staged = stage_outcome(ctx, pledge, a, deadline, assumed, as_of)
    cls = class_for(ctx, pledge) if pledge.quantitative else None
    if cls is None or ctx.references.classes[cls].kind != project_of(ctx, pledge.id).jobs_reading:
        return staged
    delivered = delivery_outcome(ctx, pledge, a, deadline, assumed, as_of)
    if delivered is None:
        return staged
    if rules.ORDER.index(staged.status) < rules.ORDER.index(delivered.status):
        staged.context_only += ("delivery",)
        staged.extra["prediction"] = None  # its jobs cannot be there before the facility is
        return staged
    delivered.context_only += ("stage",)
    delivered.extra["crossings"] = staged.extra["crossings"]  # the stage can still overtake it with time
    return delivered


def measured_outcome(ctx: Context, pledge, a, deadline: int, assumed: bool, as_of) -> Outcome | None:
    """The deciding measure of a pledge, or None (the statistic's power is kept beside it)."""
    outcome, power = statistic_outcome(ctx, pledge, a, deadline, as_of) if pledge.quantitative else (None, math.nan)
    if outcome is None:
        if project_of(ctx, pledge.id) is not None:
            outcome = _facility_outcome(ctx, pledge, a, deadline, assumed, as_of)
        elif not pledge.quantitative:
            return None
        elif pledge.metric == "firms" and "ai_mou" in pledge.measured_facts:
            outcome = mou_outcome(ctx, pledge, a, deadline, as_of)
        elif pledge.delivery == "ai_jobs":
            outcome = ai_jobs_outcome(ctx, pledge, a, deadline, as_of)
        elif pledge.delivery:
            outcome = delivery_outcome(ctx, pledge, a, deadline, assumed, as_of)
    if outcome is not None:
        outcome.power = power
        if outcome.decided_by != "statistic" and not math.isnan(power):
            outcome.context_only += ("statistic",)
        if as_of is not None and statistical_spec(pledge) is not None and pledge.quantitative:
            outcome.extra["held"] = (*outcome.extra.get("held", ()), reasons.HELD_SERIES)
    return outcome
