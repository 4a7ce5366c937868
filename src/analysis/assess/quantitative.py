"""The measures that can decide a quantitative pledge, each as an Outcome: an official series (only
where it can detect the pledge), the MOU count process (AI firms), firms × jobs per firm (AI jobs)
and the delivery model of a reference class."""
from __future__ import annotations

import math

import pandas as pd

from . import delivery, mou, reasons, rules, statistic
from .context import Context, statistical_spec
from .outcome import INTERVAL_LEVEL, Deciding, Outcome, interval

AI_FIRMS_PLEDGE = "ai-firms-1000"  # the firms whose MOU projection the `ai_jobs` class multiplies by jobs per firm


def mou_projection(ctx: Context, pledge, a, deadline: int, as_of) -> dict:
    """Projection of present AI firms at the deadline, with the count fit and its inputs."""
    def compute():
        series = mou.mou_series(ctx.facts_frame(), as_of)
        starts = [pd.Timestamp(s) for s in a.mou_regime_starts] if a.mou_regimes == "breaks" else []
        fit = mou.fit_counts(series, starts)
        trials, successes = ctx.fact(f"{a.mou_presence_fact}.1")["value"], ctx.fact(f"{a.mou_presence_fact}.2")["value"]
        share = mou.presence_share(successes, trials)
        end = pd.Timestamp(deadline, 12, 31)
        months = mou.months_between(series["as_of_date"].max(), end)
        result = mou.project(fit, series["value"].iloc[-1], months, share, pledge.target_value, a.simulation_draws, a.seed)
        return {"series": series, "fit": fit, "share": share, "result": result, "last": series.iloc[-1]}
    key = ("mou", a.mou_regimes, a.mou_regime_starts, a.mou_presence_fact, deadline, pledge.target_value,
           a.simulation_draws, a.seed, as_of)
    projection = ctx.cached(key, compute)
    a.used(*projection["series"]["fact_id"], f"{a.mou_presence_fact}.1", f"{a.mou_presence_fact}.2")
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
    low, high = interval(result["present_draws"])
    deciding = Deciding(reasons.mou_label(deadline), result["present_mean"], low, high, INTERVAL_LEVEL, "개",
                        pledge.target_value)
    chart = {"kind": "mou", "target": pledge.target_value, "level": INTERVAL_LEVEL, "deadline": deadline,
             "projected": result["present_mean"], "low": low, "high": high, "probability": result["probability"],
             "counts": [{"date": f"{r.as_of_date:%Y-%m-%d}", "mous": float(r.value), "fact_id": r.fact_id}
                        for r in projection["series"].itertuples()]}
    return Outcome(status, "mou", reasons.mou(last, result, deadline, pledge.target_value, status),
                   f"{last['as_of_date']:%Y-%m-%d}", result["probability"], deciding=deciding, chart=chart)


def ai_jobs_prediction(ctx: Context, pledge, a, deadline: int, as_of) -> tuple[dict, dict]:
    """(jobs of AI firms: the MOU projection of present firms × jobs per present firm, that projection)."""
    projection = mou_projection(ctx, ctx.pledges[AI_FIRMS_PLEDGE], a, deadline, as_of)
    result = delivery.ai_jobs(ctx, projection["result"]["present_draws"], pledge.target_value, a.full_delivery_share,
                              a.seed)
    a.used(*(f for r in delivery.declared().ai_jobs_per_firm for f in (r.jobs, r.firms)))
    return result, projection


def ai_jobs_outcome(ctx: Context, pledge, a, deadline: int, as_of) -> Outcome:
    result, projection = ai_jobs_prediction(ctx, pledge, a, deadline, as_of)
    last = projection["last"]
    status = rules.from_probability(result["probability"], a)
    low, high = result["lower_80"], result["upper_80"]
    deciding = Deciding(reasons.ai_jobs_label(deadline), result["mean"], low, high, INTERVAL_LEVEL, "명",
                        pledge.target_value)
    chart = {"kind": "ai_jobs", "target": pledge.target_value, "level": INTERVAL_LEVEL, "deadline": deadline,
             "expected": result["mean"], "low": low, "high": high, "firms": projection["result"]["present_mean"],
             "jobs_per_firm_low": result["rate_low"], "jobs_per_firm_high": result["rate_high"]}
    return Outcome(status, "ai_jobs", reasons.ai_jobs(last, result, deadline, pledge.target_value, status),
                   f"{last['as_of_date']:%Y-%m-%d}", result["probability"], deciding=deciding, chart=chart)


def delivery_prediction(ctx: Context, pledge, a, deadline: int, as_of) -> dict | None:
    """What the pledge's reference class says will be delivered, with the cases it rests on."""
    cases = delivery.cases(ctx, pledge.delivery, a.excluded_reference_case, as_of)
    if len(cases) < 2:
        return None
    a.used(*(f for c in cases for f in c.sources))
    alpha, beta = ctx.cached(("delivery", pledge.delivery, tuple(c.id for c in cases)), lambda: delivery.fit(cases))
    return {"result": delivery.predict(alpha, beta, pledge.target_value, a.full_delivery_share), "cases": cases,
            "known": max(c.known for c in cases)}


def delivery_outcome(ctx: Context, pledge, a, deadline: int, assumed: bool, as_of) -> Outcome | None:
    prediction = delivery_prediction(ctx, pledge, a, deadline, as_of)
    if prediction is None:
        return None
    result, cases = prediction["result"], prediction["cases"]
    status = rules.from_probability(result["probability"], a)
    unit = delivery.declared().classes[pledge.delivery].unit
    known = f"{prediction['known']:%Y-%m-%d}"
    deciding = Deciding(reasons.delivery_label(pledge, deadline), result["probability"], unit="확률",
                        target=pledge.target_value)
    chart = {"kind": "delivery", "target": pledge.target_value, "level": INTERVAL_LEVEL, "deadline": deadline,
             "expected": result["mean"], "low": result["lower_80"], "high": result["upper_80"],
             "probability": result["probability"],
             "cases": [{"id": c.id, "label": c.label, "promised": c.promised, "delivered": c.delivered} for c in cases]}
    reason = reasons.delivery(len(cases), result["mean_share"], deadline, assumed, pledge.target_value, unit, result,
                              status, known)
    return Outcome(status, "delivery", reason, known, result["probability"], deciding=deciding, chart=chart)


def measured_outcome(ctx: Context, pledge, a, deadline: int, assumed: bool, as_of) -> Outcome | None:
    """The deciding quantitative measure of a pledge, or None (the statistic's power is kept beside it)."""
    outcome, power = statistic_outcome(ctx, pledge, a, deadline, as_of)
    if outcome is None:
        if pledge.metric == "firms" and "ai_mou" in pledge.measured_facts:
            outcome = mou_outcome(ctx, pledge, a, deadline, as_of)
        elif pledge.delivery == "ai_jobs":
            outcome = ai_jobs_outcome(ctx, pledge, a, deadline, as_of)
        elif pledge.delivery:
            outcome = delivery_outcome(ctx, pledge, a, deadline, assumed, as_of)
    if outcome is not None:
        outcome.power = power
        if outcome.decided_by != "statistic" and not math.isnan(power):
            outcome.context_only += ("statistic",)
    return outcome
