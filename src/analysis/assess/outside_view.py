"""The scale of a pledge against its series, and the outside view: how often any 시도 grew that much."""
from __future__ import annotations

import numpy as np
import pandas as pd


def yearly_changes(series: pd.Series) -> pd.Series:
    """Year-on-year net change of an annual series indexed by year (consecutive years only)."""
    series = series.sort_index()
    changes = series.diff()
    consecutive = pd.Series(series.index, index=series.index).diff() == 1
    return changes[consecutive]


def scale(increment: float, series: pd.Series) -> dict:
    """A pledged increment against the level and the usual yearly net change of its base series."""
    changes = yearly_changes(series)
    latest_year = int(series.index.max())
    return {
        "latest_year": latest_year,
        "latest_level": float(series[latest_year]),
        "share_of_latest_level": increment / float(series[latest_year]),
        "mean_yearly_change": float(changes.mean()),
        "mean_abs_yearly_change": float(changes.abs().mean()),
        "sd_yearly_change": float(changes.std(ddof=1)),
        # with no mean growth, the pledge is never reached at the historical pace
        "years_of_mean_growth": increment / float(changes.mean()) if changes.mean() > 0 else float("inf"),
    }


def window_growth(panel: pd.DataFrame, window: int, breaks=()) -> pd.DataFrame:
    """Relative net change over every `window`-year span of every region (rows: region, start, growth).

    `panel` has columns region, year, value. Spans that cross a listed (region, year) break are dropped.
    """
    broken = dict(breaks)
    rows = []
    for region, group in panel.groupby("region"):
        values = group.dropna(subset=["value"]).set_index("year")["value"]
        for start in values.index:
            end = start + window
            if end not in values.index:
                continue
            if region in broken and start < broken[region] <= end:
                continue
            rows.append({"region": region, "start": int(start), "end": int(end),
                         "growth": values[end] / values[start] - 1})
    return pd.DataFrame(rows, columns=["region", "start", "end", "growth"])


def outside_view(panel: pd.DataFrame, relative_increment: float, window: int, breaks=()) -> dict:
    """Where a pledged relative increment falls among all regions' net growth over equal windows."""
    spans = window_growth(panel, window, breaks)
    if spans.empty:
        return {"window": window, "spans": 0, "percentile": float("nan"), "share_at_least": float("nan")}
    growth = spans["growth"].to_numpy()
    return {
        "window": window,
        "spans": len(growth),
        "regions": spans["region"].nunique(),
        "percentile": float((growth < relative_increment).mean()),
        "share_at_least": float((growth >= relative_increment).mean()),
        "median_growth": float(np.median(growth)),
    }
