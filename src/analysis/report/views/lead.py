"""The one message of a pledge page: its status, the one quantity that decided it (with its
interval and level), the deadline, and how firmly the status holds: statuses.csv's `decided_by`,
`deciding_*`, `robustness` and `scenarios_entering`/`scenarios_differing` fields, and for a stage
verdict the chart data of its pledge JSON (the stage reached, the precedents' operating dates).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ...assess import rules
from ..wording import numbers, sentences

PROBABILITY, UNRATED = "확률", (rules.UNMEASURABLE, rules.NO_DATA)
LEVEL = re.compile(r"(\d+)% 구간")


@dataclass(frozen=True)
class Deciding:
    decided_by: str
    label: str = ""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    level: float | None = None
    unit: str = ""
    target: float | None = None

    @property
    def is_probability(self) -> bool:
        return self.unit == PROBABILITY

    @property
    def has_number(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Robustness:
    kind: str  # stable | fragile | not_applicable
    entering: int = 0
    differing: int = 0


@dataclass(frozen=True)
class Lead:
    status: str
    sentence: str
    number: str  # the deciding number as printed in the sentence ("" when a fact or parts decided)
    deadline: str
    robustness: str
    deciding: Deciding


def _number(value) -> float | None:
    return None if numbers.missing(value) or (isinstance(value, float) and math.isnan(value)) else float(value)


def deciding(status: dict) -> Deciding:
    """What decided `status` (statuses.csv's CONTRACT fields)."""
    unit = status.get("deciding_unit") or ""
    return Deciding(status["decided_by"], status.get("deciding_label") or "",
                    *(_number(status.get(f"deciding_{k}")) for k in ("value", "low", "high", "level")),
                    "" if numbers.missing(unit) else unit, _number(status.get("deciding_target")))


def deciding_measure_key(decided: Deciding) -> str | None:
    """The measure row that shows the deciding quantity (the others are context)."""
    return {"delivery": "delivered", "statistic": "probability", "mou": "present_firms",
            "ai_jobs": "delivered"}.get(decided.decided_by)


def robustness(status: dict) -> Robustness:
    """How firmly the status holds over the assumptions that enter its computation."""
    entering = int(status.get("scenarios_entering") or 0)
    if status["status"] in UNRATED or not entering or status.get("robustness") not in ("stable", "fragile"):
        return Robustness("not_applicable", entering)
    return Robustness(status["robustness"], entering, int(status.get("scenarios_differing") or 0))


def lead(status: dict, decided: Deciding, firmness: Robustness, event: dict | None, worst_part: dict | None,
         chart: dict | None = None, missing: str = "") -> Lead:
    """The lead box: one sentence a newspaper reader follows, and nothing else numeric."""
    number = sentences.deciding_number(decided)
    if decided.decided_by == "stage":
        sentence = sentences.stage_lead(status["status"], decided, number, chart)
    else:
        sentence = sentences.lead(status["status"], decided, number, event, worst_part, missing)
    return Lead(status["status"], sentence, number,
                sentences.deadline(int(status["deadline"]), bool(status["deadline_assumed"])),
                sentences.robustness(firmness.kind, firmness.entering, firmness.differing), decided)
