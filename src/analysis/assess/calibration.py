"""Forecast errors pooled over the 시도 by model and horizon: the calibration every statistical
verdict rests on (bias and spread of relative errors), and a CBO-style error table.

One region's 25 years cannot say how wrong a 9-year-ahead forecast is; 17 regions' rolling-origin
backtests can. Errors are relative to the actual level, so small and large 시도 pool together.
"""
from __future__ import annotations

import sys

import numpy as np
import pandas as pd

from .forecast import MIN_FIT_YEARS, MODELS, forecast, two_sided_z

TWO_THIRDS = (1 / 6, 5 / 6)


def crosses_break(region: str, start: int, end: int, breaks: dict) -> bool:
    """Whether [start, end] spans the year a region's boundaries changed (세종's split from 충남)."""
    year = breaks.get(region)
    return year is not None and start < year <= end


def backtest_region(series: pd.Series, region: str, first_origin: int, max_horizon: int, breaks: dict) -> list[dict]:
    """Rolling-origin forecasts of one region's series: one row per model, origin and horizon."""
    rows = []
    last = int(series.index.max())
    for origin in range(first_origin, last):
        train = series[series.index <= origin]
        if len(train) < MIN_FIT_YEARS:
            continue
        until = min(origin + max_horizon, last)
        if crosses_break(region, int(train.index.min()), until, breaks):
            continue
        for model in MODELS:
            result = forecast(train, model, until)
            for year, mean, sd in zip(result.years, result.mean, result.sd):
                actual = float(series[year])
                rows.append({"region": region, "model": model, "origin": origin, "horizon": int(year - origin),
                             "actual": actual, "forecast": float(mean), "sd": float(sd),
                             "error": (actual - mean) / actual, "degenerate": result.degenerate})
    return rows


def pooled_backtest(panel: pd.DataFrame, train_start: int, first_origin: int, max_horizon: int,
                    breaks: tuple = ()) -> pd.DataFrame:
    """Rolling-origin backtests of every region of `panel` (region, year, value) from `train_start`.

    Spans crossing a declared break (세종's split from 충남) are left out. Several hundred model fits:
    kept on disk by the content of the panel, the settings and the models' code (analysis.cache).
    """
    from .. import cache
    from . import forecast as models
    content = cache.key(panel.to_csv(index=False), repr((train_start, first_origin, max_horizon, tuple(breaks))),
                        cache.source_of(models, sys.modules[__name__]))
    return cache.cached("pooled-backtest", content,
                        lambda: _pooled_backtest(panel, train_start, first_origin, max_horizon, breaks))


def _pooled_backtest(panel: pd.DataFrame, train_start: int, first_origin: int, max_horizon: int,
                     breaks: tuple) -> pd.DataFrame:
    rows = []
    broken = dict(breaks)
    for region, group in panel.groupby("region", sort=True):
        series = group.dropna(subset=["value"]).set_index("year")["value"].astype(float).sort_index()
        series = series[series.index >= train_start]
        rows += backtest_region(series, region, first_origin, max_horizon, broken)
    return pd.DataFrame(rows, columns=["region", "model", "origin", "horizon", "actual", "forecast", "sd", "error",
                                       "degenerate"])


def error_summary(errors: np.ndarray) -> dict:
    """CBO-style summary of relative errors: count, mean, mean absolute, root mean square, central two-thirds."""
    low, high = np.quantile(errors, TWO_THIRDS)
    return {"n": len(errors), "mean_error": float(errors.mean()), "mae": float(np.abs(errors).mean()),
            "rmse": float(np.sqrt(np.mean(errors ** 2))), "two_thirds_low": float(low), "two_thirds_high": float(high)}


def _out_of_sample(group: pd.DataFrame, z: float) -> float:
    """Coverage of the calibrated interval for each region's errors when its bias and spread come
    from the other regions only (leave one region out)."""
    errors = group["error"].to_numpy()
    by_region = group.groupby("region")["error"].agg(["count", "sum", lambda e: float(np.sum(e ** 2))])
    by_region.columns = ["n", "s", "s2"]
    n, s, s2 = len(errors), errors.sum(), float(np.sum(errors ** 2))
    others = by_region.assign(n=n - by_region["n"], s=s - by_region["s"], s2=s2 - by_region["s2"])
    if (others["n"] < 2).any():
        return float("nan")
    bias = others["s"] / others["n"]
    spread = np.sqrt(np.maximum(others["s2"] / others["n"] - bias ** 2, 0.0))
    rows = group["region"].map(bias), group["region"].map(spread)
    return float(np.mean(np.abs(errors - rows[0].to_numpy()) <= z * rows[1].to_numpy()))


def calibration_table(backtests: pd.DataFrame, level: float = 0.8, region: str | None = None) -> pd.DataFrame:
    """Per model and horizon: count, bias (mean relative error), MAE, RMSE, the central two-thirds of
    errors, the spread after bias (sd), the coverage of the models' own 80% intervals and of the
    calibrated ones, in sample and out of sample (leave one region out), and, for `region`, its own
    bias and count beside the pooled one."""
    z = two_sided_z(level)
    rows = []
    for (model, horizon), group in backtests.groupby(["model", "horizon"], sort=True):
        errors = group["error"].to_numpy()
        raw_sd = (group["sd"] / group["actual"]).to_numpy()
        summary = error_summary(errors)
        bias = summary["mean_error"]
        spread = float(np.sqrt(np.mean((errors - bias) ** 2)))
        own = group.loc[group["region"] == region, "error"]
        rows.append({"model": model, "horizon": int(horizon), "forecasts": summary.pop("n"),
                     "regions": group["region"].nunique(), **summary, "sd": spread,
                     "coverage_80_model": float(np.mean(np.abs(errors) <= z * raw_sd)),
                     "coverage_80_calibrated": float(np.mean(np.abs(errors - bias) <= z * spread)),
                     "coverage_80_out_of_sample": _out_of_sample(group, z), "own_region": region or "",
                     "own_forecasts": len(own), "own_mean_error": float(own.mean()) if len(own) else float("nan")})
    return pd.DataFrame(rows)


def at_horizon(table: pd.DataFrame, model: str, horizon: int) -> pd.Series | None:
    """The calibration row of a model at a horizon, or None when the backtest cannot reach it."""
    rows = table[(table["model"] == model) & (table["horizon"] == horizon)]
    return rows.iloc[0] if len(rows) else None


def select_model(table: pd.DataFrame, horizon: int, refused: set[str] = frozenset()) -> str:
    """The model with the smallest spread of errors at `horizon`, or at the longest horizon the
    backtest reaches below it (among the models not refused)."""
    usable = table[~table["model"].isin(refused)]
    reachable = usable[usable["horizon"] <= horizon]
    if reachable.empty:
        raise ValueError(f"no usable model: every model is refused ({sorted(refused)}) or the backtest is empty")
    rows = reachable[reachable["horizon"] == reachable["horizon"].max()]
    return str(rows.sort_values(["sd", "model"]).iloc[0]["model"])
