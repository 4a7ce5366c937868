"""Reference classes (config/reference_classes.yaml): past announcements and what they delivered,
each case a pair of facts (promised, delivered) with its unit, its horizon (announcement to count),
whether it counts direct or induced jobs, and its region. Also the jobs per AI firm and the past
official projections the reports set against their outcomes.

Choosing a target (the rule the file states): a count is set against the target it measures, the
one of the same programme phase and the same quantity (`promised`); the other targets the facts
table holds for the same programme (`other_targets`) enter as a scenario (`reference_target:
other`, the first of them), never silently.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict

from .. import paths
from ..ingest import yamlfile
from ..vocab.units import in_trillion_krw

DAYS_PER_YEAR = 365.25
FLOOR = 0.5  # a delivered count of zero is read as half a unit (its log ratio stays finite)
PERCENT_FLOOR = 0.1  # likewise a delivered share of 0%
DECIDING_KINDS = ("outlet", "official")  # pages a case may rest on (ingest.outlets.DECIDING_KINDS)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Case(_Strict):
    id: str
    label: str
    promised: str
    delivered: tuple[str, ...]  # counts of the same promise at different days (the latest known is used)
    region: str
    kind: Literal["direct", "induced"]
    announced: str | None = None  # YYYY-MM-DD; default: the day the promised target was published
    announced_note: str = ""
    counted: str | None = None  # YYYY-MM-DD; default: the day the delivered fact's count refers to (its as_of)
    counted_note: str = ""
    other_targets: tuple[str, ...] = ()
    note: str = ""


class _Class(_Strict):
    label: str
    unit: str
    kind: Literal["direct", "induced"]
    cases: tuple[_Case, ...]
    context_for: tuple[str, ...] = ()  # pledges beside whose own measure this class is shown


class _PerFirm(_Strict):
    label: str
    jobs: str
    firms: str


class _AiJobs(_Strict):
    firms_pledge: str  # the pledge whose MOU projection of present firms the jobs multiply
    per_firm: tuple[_PerFirm, ...]


class _PerTrillion(_Strict):
    label: str
    facility: str
    covers: Literal["direct", "direct+indirect", "supplier", "not stated"]
    jobs: tuple[str, ...]
    investment: tuple[str, ...]


class _Coefficient(_Strict):
    label: str
    fact: str
    covers: Literal["direct", "induced"]


class _Headcount(_Strict):
    plan: str
    units: tuple[str, ...]


class _Projection(_Strict):
    label: str
    projected: str
    actual: tuple[str, ...]


class _File(_Strict):
    classes: dict[str, _Class]
    presence_reports: tuple[str, ...]
    ai_jobs: _AiJobs
    jobs_per_trillion: tuple[_PerTrillion, ...]
    coefficients: tuple[_Coefficient, ...]
    ggm_headcount: _Headcount
    official_projections: tuple[_Projection, ...]


@lru_cache(maxsize=1)
def declared() -> _File:
    return yamlfile.load(paths.CONFIG / "reference_classes.yaml", _File)


@dataclass(frozen=True)
class Case:
    id: str
    label: str
    promised: float
    delivered: float  # a count, or the delivered share of `promised` when the report gives a percent
    announced: pd.Timestamp
    counted: pd.Timestamp
    known: pd.Timestamp  # the day the later of its two facts was published
    sources: tuple[str, str]
    kind: str
    region: str
    note: str

    @property
    def ratio(self) -> float:
        return self.delivered / self.promised

    @property
    def log_ratio(self) -> float:
        return math.log(max(self.delivered, FLOOR) / self.promised)

    @property
    def years(self) -> float:
        """Years from the announcement to the count."""
        return max((self.counted - self.announced).days, 1) / DAYS_PER_YEAR


def _target(ctx, case: _Case, choice: str, as_of) -> str:
    """The target a case is measured against: the matched one, or its first other target known by then."""
    known = [f for f in (case.promised, *case.other_targets)
             if as_of is None or ctx.fact(f)["published_date"] <= as_of]
    if choice == "matched" or not set(known) - {case.promised}:
        return case.promised
    return next(f for f in known if f != case.promised)


def _delivered(promised: pd.Series, delivered: pd.Series) -> float:
    """The delivered count, or the promised count times a delivered percentage."""
    if str(delivered["unit"]).startswith("percent"):
        return float(promised["value"]) * max(float(delivered["value"]), PERCENT_FLOOR) / 100
    return float(delivered["value"])


def _count(ctx, case: _Case, as_of) -> str | None:
    """The latest count of a case published by `as_of` (None before the first)."""
    known = [f for f in case.delivered if _known(ctx, f, as_of)]
    return max(known, key=lambda f: (ctx.fact(f)["published_date"], ctx.fact(f)["as_of_date"]), default=None)


def _known(ctx, fact_id: str, as_of) -> bool:
    return as_of is None or ctx.fact(fact_id)["published_date"] <= as_of


def _case(ctx, case: _Case, promised_id: str, count: str) -> Case:
    promised, delivered = ctx.fact(promised_id), ctx.fact(count)
    announced = (pd.Timestamp(case.announced) if case.announced and promised_id == case.promised
                 else promised["published_date"])
    return Case(case.id, case.label, float(promised["value"]), _delivered(promised, delivered), announced,
                pd.Timestamp(case.counted) if case.counted else delivered["as_of_date"],
                max(promised["published_date"], delivered["published_date"]),
                (promised_id, count), case.kind, case.region, case.note)


def usable(ctx, case: _Case) -> bool:
    """A case rests on dated facts from an outlet's or an official page (never a mirror, nor a page
    whose outlet is unconfirmed)."""
    facts = [ctx.fact(f) for f in (case.promised, *case.delivered, *case.other_targets)]
    return all(pd.notna(f["published_date"]) and pd.notna(f["as_of_date"]) and f["source_kind"] in DECIDING_KINDS
               for f in facts)


def cases(ctx, name: str, a, as_of=None) -> list[Case]:
    """The cases a verdict under assumptions `a` rests on, as known by `as_of`: the class's (or all
    classes' when `reference_cases` is pooled) that are usable and were counted at least
    `reference_min_years` after their announcement, one left out by `excluded_reference_case`."""
    classes = ctx.references.classes
    chosen = classes.values() if a.reference_cases == "pooled" else [classes[name]]
    out = []
    for case in (c for spec in chosen for c in spec.cases):
        count = _count(ctx, case, as_of)
        if case.id == a.excluded_reference_case or not usable(ctx, case) or count is None:
            continue
        built = _case(ctx, case, _target(ctx, case, a.reference_target, as_of), count)
        if (as_of is None or built.known <= as_of) and built.years >= a.reference_min_years:
            a.used(*(f for f in (case.promised, *case.delivered, *case.other_targets) if _known(ctx, f, as_of)))
            out.append(built)
    return out


def jobs_per_firm(ctx, as_of=None) -> list[tuple[float, str, str]]:
    """(jobs per present firm, jobs fact, firms fact) of each report in `ai_jobs.per_firm` published
    by `as_of`."""
    rows = [(float(ctx.fact(r.jobs)["value"]) / float(ctx.fact(r.firms)["value"]), r.jobs, r.firms)
            for r in ctx.references.ai_jobs.per_firm]
    return [row for row in rows if as_of is None or ctx.fact(row[1])["published_date"] <= as_of]


def presence_report(ctx, chosen: str, as_of=None) -> str:
    """The MOU-presence report a verdict uses: the chosen one, or on a day before it was published
    the latest of the declared reports published by then (None when none was)."""
    reports = [chosen, *ctx.references.presence_reports]
    known = [r for r in reports if as_of is None or ctx.fact(f"{r}.1")["published_date"] <= as_of]
    if not known:
        return None
    return chosen if chosen in known else max(known, key=lambda r: ctx.fact(f"{r}.1")["published_date"])


def per_trillion(ctx, jobs: tuple[str, ...], investment: tuple[str, ...]) -> float:
    """Jobs per 1조원 of one project: its jobs facts over its investment facts, each summed."""
    money = sum(in_trillion_krw(ctx.fact(f)["value"], ctx.fact(f)["unit"].split(" (")[0]) for f in investment)
    return sum(float(ctx.fact(f)["value"]) for f in jobs) / money


def official_projections(ctx) -> pd.DataFrame:
    """Past official projections against what happened: the error, relative and absolute."""
    rows = []
    for item in ctx.references.official_projections:
        projected = float(ctx.fact(item.projected)["value"])
        actual = sum(float(ctx.fact(f)["value"]) for f in item.actual)
        rows.append({"label": item.label, "projected": projected, "actual": actual, "error": actual - projected,
                     "relative_error": actual / projected - 1,
                     "sources": "; ".join(f"fact:{f}" for f in (item.projected, *item.actual))})
    return pd.DataFrame(rows)
