"""One result row per measure of a pledge: value, interval, method, vintage, evidence, note."""
from __future__ import annotations

import numpy as np


class ResultRows:
    """The result rows of one pledge, in the order its report shows them."""

    def __init__(self, pledge):
        self.pledge, self.items = pledge, []

    def add(self, key, measure, value, unit="", *, lower=np.nan, upper=np.nan, method="", vintage="",
            evidence="", note="", model=""):
        """One result row; `key` names the measure for code, `measure` describes it for readers."""
        self.items.append({"pledge_id": self.pledge.id, "key": key, "model": model, "measure": measure,
                           "value": value, "lower": lower, "upper": upper, "unit": unit, "method": method,
                           "vintage": str(vintage), "evidence": evidence, "note": note})


def deadline_of(pledge, assumptions) -> tuple[int, str]:
    """The pledge's deadline year and how it was set (stated, or the named assumption)."""
    if pledge.deadline_year:
        return pledge.deadline_year, f"{pledge.deadline_year}년 (공약)"
    return assumptions.undated_deadline, f"{assumptions.undated_deadline}년 (가정 undated_deadline: 공약에 기한 없음)"
