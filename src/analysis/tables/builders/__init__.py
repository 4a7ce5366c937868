"""Builders of the processed tables that need more than a selection of one export.

Each takes its `Table` (whose `inputs` list the raw files in the order the builder documents)
and returns a DataFrame in the column order the catalog declares.
"""
from __future__ import annotations

from .employment import (
    employment_monthly,
    employment_sido_annual,
    employment_sido_industry_annual,
)
from .establishments import establishments_sido_industry
from .facts import facts
from .manufacturing import manufacturing_ksic2
from .selection import check_selection, selection
from .succession import gwangju_continued

BUILDERS = {
    "employment_sido_annual": employment_sido_annual,
    "employment_sido_industry_annual": employment_sido_industry_annual,
    "employment_monthly": employment_monthly,
    "establishments_sido_industry": establishments_sido_industry,
    "manufacturing_ksic2": manufacturing_ksic2,
    "facts": facts,
    "gwangju_continued": gwangju_continued,
}

__all__ = ["BUILDERS", "check_selection", "selection"]
