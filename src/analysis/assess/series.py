"""The annual series a pledge is measured by, and the same indicator for all 17 시도."""
from __future__ import annotations

import pandas as pd

from ..tables import queries, store

SERIES_TABLES = ("employment_sido_annual", "employment_sido_industry_annual")  # annual series in 천명


def series_for(tables, spec: dict) -> tuple[str, pd.DataFrame]:
    """(label, rows with year, value in 천명, source) for a registry series spec; `tables` holds the
    employment and industry tables."""
    if spec["table"] == "employment_sido_annual":
        return f"취업자 ({spec['region']})", queries.employed(tables.employment, spec["region"])
    if spec["table"] == "employment_sido_industry_annual":
        rows = tables.industry[(tables.industry["region"] == spec["region"])
                               & (tables.industry["section"] == spec["section"])]
        name = rows["industry"].iloc[0]
        return f"{name} 취업자 ({spec['region']})", rows.dropna(subset=["value"]).sort_values("year")
    raise KeyError(spec["table"])


def panel(tables, spec: dict) -> pd.DataFrame:
    """The same indicator for all 17 시도, for the outside view."""
    if spec["table"] == "employment_sido_annual":
        rows = tables.employment[tables.employment["item"] == queries.EMPLOYED]
    else:
        rows = tables.industry[tables.industry["section"] == spec["section"]]
    return rows[rows["region"] != "전국"][["region", "year", "value"]]


def statistical_spec(pledge) -> dict | None:
    """The first series spec of a pledge that the forecasting methods can use, or None."""
    return next((s for s in pledge.measured_series if s["table"] in SERIES_TABLES), None)


class _Tables:
    def __init__(self):
        self.employment = store.load("employment_sido_annual")
        self.industry = store.load("employment_sido_industry_annual")


def pledge_history(pledge) -> pd.Series:
    """The annual series a pledge is measured by (천명, indexed by year), or an empty series."""
    spec = statistical_spec(pledge)
    if spec is None:
        return pd.Series(dtype=float)
    _, rows = series_for(_Tables(), spec)
    return rows.set_index("year")["value"].astype(float)
