"""Selections of processed tables that several layers need, written once."""
from __future__ import annotations

import pandas as pd

from .builders.employment import EMPLOYED, employed

__all__ = ["EMPLOYED", "annual_means", "employed", "series"]


def annual_means(monthly: pd.DataFrame, item: str) -> pd.DataFrame:
    """12-month means of a monthly item by region and year, complete years only, with the first
    and last monthly source of each year (`region, year, value, source`)."""
    rows = monthly[monthly["item"] == item].assign(year=lambda d: d["month"].str[:4].astype(int))
    complete = rows.groupby(["region", "year"]).filter(lambda g: len(g) == 12)
    means = complete.groupby(["region", "year"]).agg(
        value=("value", "mean"), source=("source", lambda s: f"{s.iloc[0]} … {s.iloc[-1]}"))
    return means.reset_index()


def series(spec: dict, employment: pd.DataFrame | None = None,
           industry: pd.DataFrame | None = None) -> tuple[str, pd.DataFrame]:
    """(label, rows with year, value in 천명, source) of a registry series spec
    (`{table, region[, section]}`); the tables are loaded when not given."""
    from . import store
    if spec["table"] == "employment_sido_annual":
        employment = store.load("employment_sido_annual") if employment is None else employment
        return f"취업자 ({spec['region']})", employed(employment, spec["region"])
    if spec["table"] == "employment_sido_industry_annual":
        industry = store.load("employment_sido_industry_annual") if industry is None else industry
        rows = industry[(industry["region"] == spec["region"]) & (industry["section"] == spec["section"])]
        return f"{rows['industry'].iloc[0]} 취업자 ({spec['region']})", rows.dropna(subset=["value"]).sort_values("year")
    raise KeyError(f"series of table {spec['table']!r}: expected employment_sido_annual or "
                   "employment_sido_industry_annual")
