"""The one place a verdict is assembled, from evidence that could have come out the other way:

1. A pledge with no number and no observable outcome is 측정 불가.
2. A pledge of named parts is no better than its worst part (a part with no evidence caps the
   whole at 자료 미확보; a delayed part at 지연).
3. A quantitative pledge takes its status from the first measure that can decide it: an official
   series only where it can detect the pledge (power ≥ threshold), the MOU count process, or the
   delivery model of its reference class. Dated facts still rule where decisive: achieved wins,
   failed is final, and a setback caps the status at 지연.
4. Any other pledge takes the status its dated facts give (any 'achieved', else the latest
   decisive link; a completion scheduled after the deadline caps it at 지연).
5. A sum of pledges (13,000 = 5,000 + 8,000) is no better than its worst part.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from . import delivery, evidence, mou, reasons, rules, statistic
from .context import Context, statistical_spec

AI_FIRMS_PLEDGE = "ai-firms-1000"  # the firms whose MOU projection the `ai_jobs` class multiplies by jobs per firm


@dataclass
class Verdict:
    pledge_id: str
    status: str
    deadline: int
    deadline_assumed: bool
    method: str
    reason: str
    as_of: str
    probability: float = math.nan
    power: float = math.nan
    deciding_fact: str = ""
    parts: list[tuple[str, str, str, str]] = field(default_factory=list)  # (name, status, reason, pledge id or '')


def deadline_of(pledge, assumptions) -> tuple[int, bool]:
    """The deadline year and whether it is assumed (the pledge states none)."""
    if pledge.deadline_year:
        return pledge.deadline_year, False
    return assumptions.undated_deadline, True


def mou_outcome(ctx: Context, pledge, a, deadline: int, as_of) -> dict:
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
    return ctx.cached(key, compute)


def _quantitative(ctx: Context, pledge, a, deadline: int, assumed: bool, as_of) -> dict | None:
    """The deciding quantitative measure of a pledge (status, method, reason, …), or None."""
    spec = statistical_spec(pledge)
    power = math.nan
    if spec is not None:
        last_year = None if as_of is None else as_of.year - 1
        measure = statistic.measure(ctx, pledge, spec, a, deadline, last_year)
        if measure.decides:
            status = rules.ACHIEVED if measure.reached else rules.from_probability(measure.probability, a)
            return {"status": status, "method": "statistic", "probability": measure.probability, "power": measure.power,
                    "reason": reasons.statistic(measure, deadline, status), "as_of": str(measure.series.index.max())}
        power = measure.power  # shown beside the verdict: the statistic could not decide
    outcome = _delivery_or_mou(ctx, pledge, a, deadline, assumed, as_of)
    if outcome is not None:
        outcome["power"] = power
    return outcome


def delivery_outcome(ctx: Context, pledge, a, deadline: int, as_of=None) -> dict | None:
    """What a pledge's reference class says will be delivered: the prediction, the cases it rests
    on (or the MOU projection it multiplies), and the day its latest input was published."""
    if pledge.delivery == "ai_jobs":
        projection = mou_outcome(ctx, ctx.pledges[AI_FIRMS_PLEDGE], a, deadline, as_of)
        result = delivery.ai_jobs(ctx, projection["result"]["present_draws"], pledge.target_value,
                                  a.full_delivery_share, a.seed)
        return {"result": result, "cases": [], "last": projection["last"],
                "known": projection["last"]["as_of_date"]}
    cases = delivery.cases(ctx, pledge.delivery, a.excluded_reference_case, as_of)
    if len(cases) < 2:
        return None
    alpha, beta = ctx.cached(("delivery", pledge.delivery, tuple(c.id for c in cases)), lambda: delivery.fit(cases))
    return {"result": delivery.predict(alpha, beta, pledge.target_value, a.full_delivery_share), "cases": cases,
            "last": None, "known": max(c.known for c in cases)}


def _delivery_or_mou(ctx, pledge, a, deadline, assumed, as_of) -> dict | None:
    if pledge.metric == "firms" and "ai_mou" in pledge.measured_facts:
        projection = mou_outcome(ctx, pledge, a, deadline, as_of)
        status = rules.from_probability(projection["result"]["probability"], a)
        return {"status": status, "method": "mou", "probability": projection["result"]["probability"],
                "reason": reasons.mou(projection["last"], projection["result"], deadline, pledge.target_value, status),
                "as_of": f"{projection['last']['as_of_date']:%Y-%m-%d}"}
    outcome = delivery_outcome(ctx, pledge, a, deadline, as_of) if pledge.delivery else None
    if outcome is None:
        return None
    result = outcome["result"]
    status = rules.from_probability(result["probability"], a)
    if outcome["last"] is not None:
        reason = reasons.ai_jobs(outcome["last"], result, deadline, pledge.target_value, status)
    else:
        unit = delivery.declared().classes[pledge.delivery].unit
        reason = reasons.delivery(len(outcome["cases"]), result["mean_share"], deadline, assumed, pledge.target_value,
                                  unit, result, status, f"{outcome['known']:%Y-%m-%d}")
    return {"status": status, "method": "delivery", "probability": result["probability"], "reason": reason,
            "as_of": f"{outcome['known']:%Y-%m-%d}"}


def _combine(quantitative: dict | None, facts: evidence.EvidenceStatus, pledge, deadline, assumed, ctx) -> dict:
    """Quantitative measure and dated facts together (see the module's rule 3)."""
    if quantitative is None:
        searches, date = ctx.searches(pledge.id)
        return {"status": facts.status, "method": "facts" if facts.deciding or facts.late else "none",
                "reason": reasons.facts(facts, facts.status, deadline, assumed, searches, date)}
    if facts.status == rules.ACHIEVED or (facts.deciding is not None and facts.deciding.means == "failed"):
        return {**quantitative, "status": facts.status, "method": "facts",
                "reason": reasons.facts(facts, facts.status, deadline, assumed, 0, "")}
    combined = dict(quantitative)
    if facts.deciding is not None and facts.deciding.means == "setback":
        combined["status"] = rules.cap(combined["status"], rules.DELAYED)
        combined["reason"] += reasons.capped_by_evidence(facts.deciding)
    elif facts.deciding is not None:
        combined["reason"] += reasons.latest_progress(facts.deciding)
    return combined


def _stamp(links) -> str:
    """The latest publication day among `links` ('' when there are none)."""
    return max((f"{link.published:%Y-%m-%d}" for link in links), default="")


def _own(ctx: Context, pledge, a, as_of) -> Verdict:
    deadline, assumed = deadline_of(pledge, a)
    own, components = evidence.of_pledge(ctx, pledge, deadline, as_of)
    if not pledge.measurable:
        context = own.links[-1] if own.links else None
        return Verdict(pledge.id, rules.UNMEASURABLE, deadline, assumed, "unmeasurable",
                       reasons.unmeasurable(context), _stamp(own.links))
    if components:
        searches = ctx.searches(pledge.id)
        parts = [(name, part.status, reasons.facts(part, part.status, deadline, assumed, *searches), "")
                 for name, part in components]
        status = rules.worst([part[1] for part in parts])
        return Verdict(pledge.id, status, deadline, assumed, "components", reasons.components(parts, status),
                       _stamp([link for _, part in components for link in part.links]), parts=parts)
    quantitative = _quantitative(ctx, pledge, a, deadline, assumed, as_of) if pledge.quantitative else None
    result = _combine(quantitative, own, pledge, deadline, assumed, ctx)
    deciding = own.deciding.fact_id if own.deciding is not None and result["method"] == "facts" else ""
    return Verdict(pledge.id, result["status"], deadline, assumed, result["method"], result["reason"],
                   result.get("as_of") or _stamp(own.links), result.get("probability", math.nan),
                   result.get("power", math.nan), deciding or "")


def assess_pledge(ctx: Context, pledge_id: str, a, as_of: pd.Timestamp | None = None,
                  memo: dict | None = None) -> Verdict:
    """The verdict of one pledge under assumptions `a`, knowing only what was published by `as_of`."""
    memo = {} if memo is None else memo
    if pledge_id in memo:
        return memo[pledge_id]
    pledge = ctx.pledges[pledge_id]
    verdict = _own(ctx, pledge, a, as_of)
    if pledge.parts:
        parts = [assess_pledge(ctx, part, a, as_of, memo) for part in pledge.parts]
        verdict.parts = [(ctx.pledges[p.pledge_id].title, p.status, p.reason, p.pledge_id) for p in parts]
        ceiling = rules.worst([p.status for p in parts])
        capped = rules.cap(verdict.status, ceiling)
        if capped != verdict.status:
            limiting = next(p for p in parts if p.status == ceiling)
            verdict.reason += reasons.capped_by_parts(ctx.pledges[limiting.pledge_id].title, ceiling)
            verdict.status = capped
            verdict.method += "+parts"
    memo[pledge_id] = verdict
    return verdict


def assess_all(ctx: Context, a, as_of: pd.Timestamp | None = None) -> dict[str, Verdict]:
    """Every pledge's verdict under one set of assumptions."""
    memo: dict = {}
    return {pledge_id: assess_pledge(ctx, pledge_id, a, as_of, memo) for pledge_id in ctx.pledges}
