"""What a measure says about a pledge: its status, the quantity that decided it (CONTRACT.md's
`deciding_*` fields), the data of the chart that shows that quantity, and the facts it rests on."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

MONTH = "연월"  # the unit of a deciding date (stage verdicts)
INTERVAL_LEVEL = 0.8  # every deciding interval is an 80% interval (one level on a page)
# What can decide a status (statuses.csv `decided_by`); the report words each one.
DECIDERS = ("statistic", "delivery", "mou", "ai_jobs", "stage", "facts", "components", "parts", "none", "unmeasurable")


@dataclass(frozen=True)
class Deciding:
    """The number a status rests on, as a reader would name it, with its interval and target."""
    label: str
    value: float
    low: float = math.nan
    high: float = math.nan
    level: float = math.nan
    unit: str = ""  # 확률 | 명 | 개 | MONTH ('연월', a month as year + (month - 1) / 12) | ''
    target: float = math.nan


@dataclass
class Outcome:
    status: str
    decided_by: str  # one of DECIDERS
    reason: str
    as_of: str = ""
    probability: float = math.nan
    power: float = math.nan
    deciding: Deciding | None = None
    chart: dict | None = None
    context_only: tuple[str, ...] = ()
    deciding_fact: str = ""
    extra: dict = field(default_factory=dict)  # model results other steps combine (draws of a sum's parts)

    def __post_init__(self):
        if self.decided_by not in DECIDERS:
            raise ValueError(f"decided_by {self.decided_by!r}: expected one of {', '.join(DECIDERS)}")
