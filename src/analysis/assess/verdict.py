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

Every verdict records what its computation read (assumptions and facts): robustness counts only
the scenarios that enter it, and its history lists every dated update it rests on.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from . import evidence, reasons, rules
from .context import Context
from .outcome import Deciding, Outcome
from .quantitative import measured_outcome
from .stage import stage_outcome
from .sums import sum_outcome
from .trace import Traced


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
    decided_by: str = ""
    deciding: Deciding | None = None
    chart: dict | None = None
    context_only: tuple[str, ...] = ()
    reads: frozenset[str] = frozenset()  # assumptions (and fact recodings) the computation read
    facts: frozenset[str] = frozenset()  # facts the computation rests on
    deciding_links: tuple[tuple[str, str], ...] = ()  # (fact, meaning) of each link that decided it or a component
    model: dict | None = None  # the delivery model's prediction (a sum of pledges simulates its parts from it)
    jobs_kind: str = ""  # direct | induced: the jobs a jobs verdict judges
    accountability: str = ""  # held | not_adopted | dropped on the day judged (registry lineage)
    crossings: tuple = ()  # later days on which time alone can change the status (a facility's lead time runs out)
    held: tuple[str, ...] = ()  # inputs a verdict of a past day takes at today's value, said in Korean


def deadline_of(pledge, assumptions) -> tuple[int, bool]:
    """The deadline year and whether it is assumed (the pledge states none)."""
    if pledge.deadline_year:
        return pledge.deadline_year, False
    return assumptions.undated_deadline, True


def _facts_only(outcome: Outcome, status: str, reason: str, deciding_fact: str) -> Outcome:
    """The dated facts decide: the measure is kept as context only."""
    return Outcome(status, "facts", reason, outcome.as_of, outcome.probability, outcome.power,
                   context_only=(outcome.decided_by, *outcome.context_only), deciding_fact=deciding_fact)


def _combine(measured: Outcome | None, facts: evidence.EvidenceStatus, pledge, deadline, assumed, ctx,
             as_of, missing: str) -> Outcome:
    """Measure and dated facts together (see the module's rule 3): achieved wins, failed is final,
    a setback or a completion scheduled after the deadline caps the measure's status at 지연."""
    deciding_fact = (facts.deciding.fact_id or "") if facts.deciding is not None else ""
    if measured is None:
        searches, date = ctx.searches(pledge.id, as_of)
        method = "facts" if facts.deciding or facts.late else "none"
        return Outcome(facts.status, method, reasons.facts(facts, facts.status, deadline, assumed, missing,
                                                           date if searches else ""),
                       deciding_fact=deciding_fact if method == "facts" else "")
    if facts.status == rules.ACHIEVED or (facts.deciding is not None and facts.deciding.means == "failed"):
        return _facts_only(measured, facts.status, reasons.facts(facts, facts.status, deadline, assumed, missing, ""),
                           deciding_fact)
    setback = facts.deciding is not None and facts.deciding.means == "setback"
    if setback or facts.late is not None:
        capped = rules.cap(measured.status, rules.DELAYED)
        note = (reasons.capped_by_evidence(facts.deciding) if setback
                else reasons.late(facts.late, deadline, assumed))
        if capped != measured.status:
            return _facts_only(measured, capped, f"{measured.reason}{note} → {capped}",
                               deciding_fact if setback else facts.late.fact_id or "")
        measured.reason += note
    elif facts.deciding is not None:
        measured.reason += reasons.latest_progress(facts.deciding)
    return measured


def _stamp(links) -> str:
    """The latest publication day among `links` ('' when there are none)."""
    return max((f"{link.published:%Y-%m-%d}" for link in links), default="")


def _deciding_links(*statuses: evidence.EvidenceStatus) -> tuple[tuple[str, str], ...]:
    return tuple((s.deciding.fact_id, s.deciding.means) for s in statuses if s.deciding is not None and s.deciding.fact_id)


def _verdict(pledge, outcome: Outcome, deadline: int, assumed: bool, stamp: str, a: Traced, links, parts=(),
             state: str = "", crossings: tuple = ()) -> Verdict:
    prediction = outcome.extra.get("prediction")
    kind = prediction["kind"] if prediction else outcome.extra.get("jobs_kind", "")
    return Verdict(pledge.id, outcome.status, deadline, assumed, outcome.decided_by,
                   reasons.ownership(state) + outcome.reason, outcome.as_of or stamp, outcome.probability,
                   outcome.power, outcome.deciding_fact, list(parts), outcome.decided_by, outcome.deciding,
                   outcome.chart, outcome.context_only, frozenset(a.reads), frozenset(a.facts), links, prediction,
                   kind if pledge.metric == "jobs" else "", state,
                   tuple(sorted({*crossings, *outcome.extra.get("crossings", ())})), outcome.extra.get("held", ()))


def _component(ctx: Context, pledge, a: Traced, name: str, facts: evidence.EvidenceStatus, deadline: int,
               assumed: bool, as_of) -> tuple[tuple[str, str, str, str], tuple]:
    """((name, status, reason, ''), days time alone can change it) of one named component: its dated
    facts, and the stage of its facility where config/stages.yaml declares one (the same rules as a
    whole pledge's)."""
    staged = stage_outcome(ctx, pledge, a, deadline, assumed, as_of, component=name)
    outcome = _combine(staged, facts, pledge, deadline, assumed, ctx, as_of, reasons.component_missing(name))
    return (name, outcome.status, outcome.reason, ""), (staged.extra["crossings"] if staged else ())


def _own(ctx: Context, pledge, a: Traced, as_of, parts: list[Verdict]) -> Verdict:
    deadline, assumed = deadline_of(pledge, a)
    own, components = evidence.of_pledge(ctx, pledge, deadline, a, as_of)
    a.used(*(link.fact_id for link in own.links), *(link.fact_id for _, part in components for link in part.links))
    state = pledge.accountability(f"{(ctx.today() if as_of is None else as_of):%Y-%m-%d}").state
    if not pledge.measurable:
        context = own.links[-1] if own.links else None
        outcome = Outcome(rules.UNMEASURABLE, "unmeasurable", reasons.unmeasurable(context))
        a.reads.clear()  # nothing can move an unrated verdict: no scenario enters it
        return _verdict(pledge, outcome, deadline, assumed, _stamp(own.links), a, (), state=state)
    if components:
        judged = [_component(ctx, pledge, a, name, part, deadline, assumed, as_of) for name, part in components]
        named = [part for part, _ in judged]
        status = rules.worst([part[1] for part in named])
        outcome = Outcome(status, "components", reasons.components(named, status))
        return _verdict(pledge, outcome, deadline, assumed, _stamp([link for _, part in components for link in part.links]),
                        a, _deciding_links(*(part for _, part in components)), named, state,
                        tuple(day for _, days in judged for day in days))
    quantitative = (sum_outcome(ctx, pledge, parts, a, deadline, assumed) if parts
                    else measured_outcome(ctx, pledge, a, deadline, assumed, as_of))
    outcome = _combine(quantitative, own, pledge, deadline, assumed, ctx, as_of, reasons.pledge_missing(pledge))
    return _verdict(pledge, outcome, deadline, assumed, _stamp(own.links), a, _deciding_links(own), state=state)


def _cap_by_parts(ctx: Context, verdict: Verdict, parts: list[Verdict]) -> None:
    """A sum of pledges is no better than its worst part (rule 5)."""
    verdict.parts = [(ctx.pledges[p.pledge_id].title, p.status, p.reason, p.pledge_id) for p in parts]
    verdict.reads = verdict.reads.union(*(p.reads for p in parts))
    verdict.facts = verdict.facts.union(*(p.facts for p in parts))
    verdict.deciding_links = tuple(dict.fromkeys((*verdict.deciding_links, *(link for p in parts for link in p.deciding_links))))
    verdict.crossings = tuple(sorted({*verdict.crossings, *(day for p in parts for day in p.crossings)}))
    verdict.held = tuple(dict.fromkeys((*verdict.held, *(h for p in parts for h in p.held))))
    ceiling = rules.worst([p.status for p in parts])
    capped = rules.cap(verdict.status, ceiling)
    if capped != verdict.status:
        limiting = next(p for p in parts if p.status == ceiling)
        verdict.reason += reasons.capped_by_parts(ctx.pledges[limiting.pledge_id].title, ceiling)
        verdict.status = capped
        verdict.context_only = tuple(dict.fromkeys((*verdict.context_only, verdict.decided_by)))
        verdict.method = f"{verdict.decided_by}+parts"
        verdict.decided_by, verdict.deciding, verdict.chart = "parts", None, None


def assess_pledge(ctx: Context, pledge_id: str, a, as_of: pd.Timestamp | None = None,
                  memo: dict | None = None) -> Verdict:
    """The verdict of one pledge under assumptions `a`, knowing only what was published by `as_of`."""
    memo = {} if memo is None else memo
    if pledge_id in memo:
        return memo[pledge_id]
    pledge = ctx.pledges[pledge_id]
    parts = [assess_pledge(ctx, part, a, as_of, memo) for part in pledge.parts]
    verdict = _own(ctx, pledge, Traced(a), as_of, parts)
    if parts:
        _cap_by_parts(ctx, verdict, parts)
    memo[pledge_id] = verdict
    return verdict


def assess_all(ctx: Context, a, as_of: pd.Timestamp | None = None) -> dict[str, Verdict]:
    """Every pledge's verdict under one set of assumptions."""
    memo: dict = {}
    return {pledge_id: assess_pledge(ctx, pledge_id, a, as_of, memo) for pledge_id in ctx.pledges}
