"""Pledges that need a named facility, judged by the stage it has reached (config/stages.yaml).

A facility moves through announced → investor named → agreement → site secured → construction →
operating. Its stage is the latest one a dated fact shows it reached (a candidate, such as a
candidate site, does not count). Reference projects give the years each step has taken. From the
stage reached on day d, as of day t, the facility cannot operate before

    max(d + F(stage), t + F(next stage))

where F is the fastest the remaining steps have been done by precedents (chained where no single
project covers them); with the typical (median) precedents instead it is on schedule or not. Not
possible even at the fastest: 실현 어려움; behind the typical schedule, or a remaining step no
precedent covers: 지연; else 정상 추진. A jobs pledge is also read as direct or induced jobs and set
against the jobs per 1조원 of that kind: a pledge larger than any precedent allows is 실현 어려움.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, model_validator

from .. import paths
from ..ingest import yamlfile
from . import reasons, rules
from .outcome import MONTH, Deciding, Outcome
from .reference import per_trillion

STAGES = ("announced", "investor_named", "agreement", "site_secured", "construction", "operating")
Stage = Literal["announced", "investor_named", "agreement", "site_secured", "construction", "operating"]
OPERATING = len(STAGES) - 1
DAYS_PER_YEAR = 365.25


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Event(_Strict):
    fact: str
    stage: Stage
    candidate: bool = False
    note: str = ""


class _Reference(_Strict):
    project: str
    stages: dict[Stage, str]
    note: str = ""


class _Facility(_Strict):
    label: str
    references: tuple[_Reference, ...]


class _Project(_Strict):
    label: str
    facility: str
    pledges: tuple[str, ...]
    components: dict[str, str] = {}  # pledge id → the name of its component that is this facility
    jobs_reading: Literal["direct", "induced"]
    jobs_reading_note: str
    events: tuple[_Event, ...]


class _File(_Strict):
    stages: dict[Stage, str]
    facilities: dict[str, _Facility]
    projects: dict[str, _Project]

    @model_validator(mode="after")
    def _known_facilities(self):
        if tuple(self.stages) != STAGES:
            raise ValueError(f"stages must be, in order: {', '.join(STAGES)}")
        unknown = {p.facility for p in self.projects.values()} - set(self.facilities)
        if unknown:
            raise ValueError(f"projects name facilities {sorted(unknown)} that `facilities` does not declare")
        return self


@lru_cache(maxsize=1)
def declared() -> _File:
    return yamlfile.load(paths.CONFIG / "stages.yaml", _File)


def project_of(ctx, pledge_id: str, component: str = "") -> _Project | None:
    """The facility a pledge (or one named component of it) needs, if config/stages.yaml declares one."""
    if component:
        return next((p for p in ctx.stages.projects.values() if p.components.get(pledge_id) == component), None)
    return next((p for p in ctx.stages.projects.values() if pledge_id in p.pledges), None)


def fact_day(fact: pd.Series) -> pd.Timestamp:
    """The day a fact dates: its date value, else the day its figure refers to."""
    return fact["value_date"] if fact.get("value_kind") == "date" and pd.notna(fact["value_date"]) else fact["as_of_date"]


def _known(ctx, fact_id: str, as_of) -> bool:
    return as_of is None or ctx.fact(fact_id)["published_date"] <= as_of


@dataclass(frozen=True)
class Step:
    stage: str
    day: pd.Timestamp
    fact_id: str  # '' for the pledge's own announcement
    candidate: bool
    note: str


def steps(ctx, pledge, project: _Project, a, as_of) -> list[Step]:
    """The dated steps known by `as_of`, the announcement first, in date order."""
    found = [Step("announced", pd.Timestamp(pledge.source_info.date), "", False, "공약 발표")]
    for event in project.events:
        if _known(ctx, event.fact, as_of):
            a.used(event.fact)
            found.append(Step(event.stage, fact_day(ctx.fact(event.fact)), event.fact, event.candidate, event.note))
    return sorted(found, key=lambda s: (s.day, s.fact_id))


def reached(found: list[Step]) -> Step:
    """The furthest stage a fact shows reached (candidates do not count; the earliest day it was)."""
    firm = [s for s in found if not s.candidate]
    furthest = max(STAGES.index(s.stage) for s in firm)
    return min((s for s in firm if STAGES.index(s.stage) == furthest), key=lambda s: s.day)


def durations(ctx, facility: _Facility, a, as_of) -> dict[tuple[int, int], list[tuple[float, str]]]:
    """Years between every two stages of each reference project known by `as_of`."""
    out: dict[tuple[int, int], list[tuple[float, str]]] = {}
    for ref in facility.references:
        known = {STAGES.index(stage): fact_day(ctx.fact(f)) for stage, f in ref.stages.items() if _known(ctx, f, as_of)}
        a.used(*(f for f in ref.stages.values() if _known(ctx, f, as_of)))
        for i in known:
            for j in known:
                if i < j:
                    out.setdefault((i, j), []).append(((known[j] - known[i]).days / DAYS_PER_YEAR, ref.project))
    return out


def remaining(spans: dict, start: int, pick) -> float | None:
    """Years from stage `start` to operating along the shortest chain of precedents (each step's
    years chosen by `pick`: the fastest or the median), or None when no chain reaches operating."""
    best: dict[int, float] = {OPERATING: 0.0}
    for i in range(OPERATING - 1, start - 1, -1):
        options = [pick([d for d, _ in spans[(i, j)]]) + best[j] for j in range(i + 1, OPERATING + 1)
                   if (i, j) in spans and j in best]
        if options:
            best[i] = min(options)
    return best.get(start)


def _years(years: float) -> pd.Timedelta:
    return pd.Timedelta(days=years * DAYS_PER_YEAR)


def _finish(spans, step: Step, today: pd.Timestamp, pick) -> tuple[pd.Timestamp, bool, float | None]:
    """(the earliest day it can operate with `pick` precedents, whether every remaining step is
    covered: a chain of precedents leads from the stage reached to operation, the years the steps
    still ahead take at least). Every stage after the one reached is still ahead on `today`: from the
    first of them that precedents cover, the rest takes at least what they took."""
    index = STAGES.index(step.stage)
    if index == OPERATING:
        return step.day, True, None
    whole = remaining(spans, index, pick)
    ahead = next((r for r in (remaining(spans, k, pick) for k in range(index + 1, OPERATING)) if r is not None), None)
    by_whole = step.day + _years(whole or 0.0)
    return max(by_whole, today + _years(ahead or 0.0)), whole is not None, ahead


def crossings(end: pd.Timestamp, today: pd.Timestamp, *aheads: float | None) -> tuple[pd.Timestamp, ...]:
    """The days after `today` on which the steps still ahead stop fitting before `end` (with no new
    fact the status can change then: the history dates it on that day)."""
    days = {(end - _years(ahead)).normalize() + pd.Timedelta(days=1) for ahead in aheads if ahead is not None}
    return tuple(sorted(d for d in days if d > today))


COVERS = {"direct": "direct", "induced": "direct+indirect"}  # what a reading's jobs-per-조원 precedents count


def jobs_range(ctx, facility: str, reading: str, investment: float, a, as_of) -> tuple[float, float] | None:
    """Jobs a facility of `investment` 조원 gives at the lowest and highest precedent of its kind
    whose jobs count what `reading` counts (config/reference_classes.yaml, jobs_per_trillion)."""
    rates = []
    for bench in ctx.references.jobs_per_trillion:
        if (bench.facility == facility and bench.covers == COVERS[reading]
                and all(_known(ctx, f, as_of) for f in (*bench.jobs, *bench.investment))):
            a.used(*bench.jobs, *bench.investment)
            rates.append(per_trillion(ctx, bench.jobs, bench.investment))
    return (min(rates) * investment, max(rates) * investment) if rates else None


def _status(earliest, typical, covered: bool, end: pd.Timestamp) -> str:
    if earliest > end:
        return rules.UNLIKELY
    return rules.DELAYED if not covered or typical > end else rules.ON_TRACK


def month_value(day: pd.Timestamp) -> float:
    """A month as a number (2033-09 → 2033.667), so a date can be a deciding value."""
    return day.year + (day.month - 1) / 12


def _deciding(project: str, now: Step, finish, end: pd.Timestamp, jobs, pledge) -> Deciding:
    """What decided a stage verdict: the jobs a facility of its size gives, when they fall short
    of the pledge; else the operating date that decides (the fastest precedent's when it is past the
    deadline or no precedent covers the next step, else the typical one's), against the deadline."""
    earliest, typical, covered = finish
    if jobs and jobs[1] is not None and pledge.target_value > jobs[1][1]:
        low, high = jobs[1]
        return Deciding(reasons.stage_jobs_label(pledge.investment_trillion_krw, jobs[0]), high, low, high,
                        unit="명", target=pledge.target_value)
    if now.stage == "operating":
        return Deciding(reasons.stage_label(project, "operating"), month_value(now.day), unit=MONTH,
                        target=float(end.year))
    which = "fastest" if earliest > end or not covered else "typical"
    day = earliest if which == "fastest" else typical
    return Deciding(reasons.stage_label(project, which), month_value(day), unit=MONTH, target=float(end.year))


def stage_outcome(ctx, pledge, a, deadline: int, assumed: bool, as_of, component: str = "") -> Outcome | None:
    """The stage verdict of a pledge (or a component) whose project config/stages.yaml declares, else None."""
    project = project_of(ctx, pledge.id, component)
    if project is None:
        return None
    facility = ctx.stages.facilities[project.facility]
    today = ctx.today() if as_of is None else as_of
    found = steps(ctx, pledge, project, a, as_of)
    now, spans = reached(found), durations(ctx, facility, a, as_of)
    earliest, _, fastest_ahead = _finish(spans, now, today, min)
    typical, covered, typical_ahead = _finish(spans, now, today, statistics.median)
    end = pd.Timestamp(deadline, 12, 31)
    if now.stage == "operating":
        status = rules.ON_TRACK if pledge.metric == "jobs" else rules.ACHIEVED
    else:
        status = _status(earliest, typical, covered, end)
    jobs = None
    if pledge.metric == "jobs":
        reading = project.jobs_reading if a.jobs_reading == "stated" else "direct"
        money = pledge.investment_trillion_krw
        jobs = (reading, jobs_range(ctx, project.facility, reading, money, a, as_of) if money else None)
        if jobs[1] is not None and pledge.target_value > jobs[1][1]:
            status = rules.UNLIKELY
    chart = {"kind": "stage", "deadline": deadline, "target": STAGES[OPERATING], "level": None,
             "project": project.label, "reached": now.stage, "reached_label": ctx.stages.stages[now.stage],
             "reached_date": f"{now.day:%Y-%m-%d}",
             "earliest": f"{earliest:%Y-%m}", "typical": f"{typical:%Y-%m}" if covered else None,
             "jobs": None if not jobs or jobs[1] is None else
             {"reading": jobs[0], "low": jobs[1][0], "high": jobs[1][1], "investment": pledge.investment_trillion_krw},
             "steps": [{"stage": s.stage, "label": ctx.stages.stages[s.stage], "date": f"{s.day:%Y-%m-%d}",
                        "fact_id": s.fact_id, "candidate": s.candidate, "note": s.note} for s in found],
             "references": [{"from": STAGES[i], "to": STAGES[j], "years": round(d, 2), "project": p}
                            for (i, j), items in sorted(spans.items()) for d, p in items]}
    deciding = _deciding(project.label, now, (earliest, typical, covered), end, jobs, pledge)
    reason = reasons.stage(ctx.stages.stages, project.label, now, found, (earliest, typical if covered else None),
                           (deadline, assumed), jobs, pledge, status, today)
    return Outcome(status, "stage", reason, f"{max(s.day for s in found):%Y-%m-%d}", deciding=deciding, chart=chart,
                   extra={"jobs": jobs, "project": project.label, "jobs_kind": jobs[0] if jobs else "",
                          "crossings": crossings(end, today, fastest_ahead, typical_ahead if covered else None)})
