"""Selections of processed tables that several layers need, written once."""
from __future__ import annotations

import pandas as pd

from .builders.employment import EMPLOYED, employed

__all__ = ["EMPLOYED", "employed", "annual_means"]


def annual_means(monthly: pd.DataFrame, item: str) -> pd.DataFrame:
    """12-month means of a monthly item by region and year, complete years only, with the first
    and last monthly source of each year (`region, year, value, source`)."""
    rows = monthly[monthly["item"] == item].assign(year=lambda d: d["month"].str[:4].astype(int))
    complete = rows.groupby(["region", "year"]).filter(lambda g: len(g) == 12)
    means = complete.groupby(["region", "year"]).agg(
        value=("value", "mean"), source=("source", lambda s: f"{s.iloc[0]} … {s.iloc[-1]}"))
    return means.reset_index()
