"""The one message of a pledge page: its status, the one quantity that decided it (with its
interval and level), the deadline, and how firmly the status holds.

The deciding quantity and robustness come from the CONTRACT.md fields of statuses.csv
(`decided_by`, `deciding_*`, `scenarios_entering`/`scenarios_differing`) when the assessment
writes them; until then they are read from today's fields (status, probability, method and the
measure rows), in `_today` and `_today_robustness` only.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ...assess import rules
from ..wording import numbers, sentences

PROBABILITY, UNRATED = "확률", (rules.UNMEASURABLE, rules.NO_DATA)
# Today's method codes whose deciding quantity is a measure row: (decided_by, measure key, unit)
MEASURED = {"mou": ("mou", "present_firms", "개"), "ai_jobs": ("ai_jobs", "delivered", "개")}
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


def deciding(status: dict, measures: list[dict], pledge) -> Deciding:
    """What decided `status`: the CONTRACT fields when present, else today's fields."""
    if status.get("decided_by"):
        unit = status.get("deciding_unit") or ""
        return Deciding(status["decided_by"], status.get("deciding_label") or "",
                        *(_number(status.get(f"deciding_{k}")) for k in ("value", "low", "high", "level")),
                        "" if numbers.missing(unit) else unit, _number(status.get("deciding_target")))
    return _today(status, measures, pledge)


def _today(status: dict, measures: list[dict], pledge) -> Deciding:
    method = str(status["method"])
    base = "ai_jobs" if method == "delivery" and pledge.delivery == "ai_jobs" else method.split("+")[0]
    if method.endswith("+parts"):
        return Deciding("parts")
    deadline = int(status["deadline"])
    if base in MEASURED:
        decided_by, key, unit = MEASURED[base]
        row = next(m for m in measures if m["key"] == key)
        found = LEVEL.search(f"{row['method']} {status['reason_ko']}")
        return Deciding(decided_by, sentences.deciding_label(decided_by, deadline, pledge), _number(row["value"]),
                        _number(row["lower"]), _number(row["upper"]), int(found.group(1)) / 100 if found else None,
                        unit, pledge.target_value)
    if base in ("delivery", "statistic"):
        return Deciding(base, sentences.deciding_label(base, deadline, pledge), _number(status["probability"]),
                        unit=PROBABILITY, target=pledge.target_value)
    return Deciding(base)


def deciding_measure_key(decided: Deciding) -> str | None:
    """The measure row that shows the deciding quantity (the others are context)."""
    return {"delivery": "delivered", "statistic": "probability", "mou": "present_firms",
            "ai_jobs": "delivered"}.get(decided.decided_by)


def robustness(status: dict, sensitivity: list[dict]) -> Robustness:
    """How firmly the status holds over the assumptions that enter its computation."""
    if status["status"] in UNRATED:
        return Robustness("not_applicable")
    if "scenarios_entering" in status:
        entering = int(status["scenarios_entering"] or 0)
        kind = status.get("robustness") if entering else "not_applicable"
        return Robustness(kind if kind in ("stable", "fragile") else "not_applicable", entering,
                          int(status.get("scenarios_differing") or 0))
    return _today_robustness(status, sensitivity)


def _today_robustness(status: dict, sensitivity: list[dict]) -> Robustness:
    others = [row for row in sensitivity if row["scenario"] != "기본값"]
    differing = sum(row["status"] != status["status"] for row in others)
    return Robustness("fragile" if differing else "stable", len(others), differing)


def lead(status: dict, decided: Deciding, firmness: Robustness, event: dict | None, worst_part: dict | None) -> Lead:
    """The lead box: one sentence a newspaper reader follows, and nothing else numeric."""
    number = sentences.deciding_number(decided)
    sentence = sentences.lead(status["status"], decided, number, event, worst_part)
    return Lead(status["status"], sentence, number,
                sentences.deadline(int(status["deadline"]), bool(status["deadline_assumed"])),
                sentences.robustness(firmness.kind, firmness.entering, firmness.differing), decided)
