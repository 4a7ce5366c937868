"""The scale of a pledge against its series, and the outside view: how often any 시도 grew above
its own prior trend by as much as the pledge asks, over a window as long as the pledge's.

A pledge of jobs on top of what would have happened anyway is growth *above trend*, so the
reference class is each region's deviation from the trend of its previous `trend_years`, not
its total growth.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .calibration import crosses_break


def yearly_changes(series: pd.Series) -> pd.Series:
    """Year-on-year net change of an annual series indexed by year (consecutive years only)."""
    series = series.sort_index()
    changes = series.diff()
    consecutive = pd.Series(series.index, index=series.index).diff() == 1
    return changes[consecutive]


def scale(increment: float, series: pd.Series, recent_years: int) -> dict:
    """A pledged increment against the latest level and the yearly net change, over the whole
    series and over its last `recent_years` (the pace the pledge would have to beat today)."""
    changes = yearly_changes(series)
    recent = changes[changes.index > series.index.max() - recent_years]
    latest_year = int(series.index.max())

    def years_of(mean: float) -> float:  # with no mean growth the pledge is never reached at that pace
        return increment / mean if mean > 0 else float("inf")
    return {"latest_year": latest_year, "latest_level": float(series[latest_year]),
            "share_of_latest_level": increment / float(series[latest_year]),
            "mean_change_all": float(changes.mean()), "mean_change_recent": float(recent.mean()),
            "sd_change": float(changes.std(ddof=1)), "first_year": int(series.index.min()),
            "recent_from": int(recent.index.min()), "years_all": years_of(float(changes.mean())),
            "years_recent": years_of(float(recent.mean()))}


def above_trend(panel: pd.DataFrame, window: int, trend_years: int, breaks=()) -> pd.DataFrame:
    """Growth above each region's own prior trend over every `window`-year span.

    For a span starting at year s: the trend is the mean yearly change over the `trend_years`
    before s, projected `window` years; the deviation is (actual − projected) / level at s.
    Spans whose trend period or window crosses a declared break are left out.
    """
    broken = dict(breaks)
    rows = []
    for region, group in panel.groupby("region"):
        values = group.dropna(subset=["value"]).set_index("year")["value"].sort_index()
        for start in values.index:
            first, end = start - trend_years, start + window
            if first not in values.index or end not in values.index:
                continue
            if crosses_break(region, first, end, broken):
                continue
            drift = (values[start] - values[first]) / trend_years
            projected = values[start] + drift * window
            rows.append({"region": region, "start": int(start), "end": int(end),
                         "above_trend": (values[end] - projected) / values[start]})
    return pd.DataFrame(rows, columns=["region", "start", "end", "above_trend"])


def outside_view(panel: pd.DataFrame, relative_increment: float, window: int, trend_years: int, breaks=()) -> dict:
    """Where a pledge's relative increment falls among regions' growth above their own trend."""
    spans = above_trend(panel, window, trend_years, breaks)
    all_regions = sorted(panel["region"].unique())
    if spans.empty:
        return {"window": window, "spans": 0, "share_at_least": float("nan"), "regions": 0,
                "left_out": all_regions}
    growth = spans["above_trend"].to_numpy()
    return {"window": window, "spans": len(growth), "regions": spans["region"].nunique(),
            "share_at_least": float((growth >= relative_increment).mean()),
            "median": float(np.median(growth)), "p90": float(np.quantile(growth, 0.9)),
            "left_out": sorted(set(all_regions) - set(spans["region"]))}
