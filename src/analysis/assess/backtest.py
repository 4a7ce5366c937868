"""Rolling-origin backtests of the forecast models, their scores, and interval calibration."""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from .assumptions import DEFAULT, Assumptions
from .forecast import MIN_FIT_YEARS, MODELS, Forecast, forecast, two_sided_z


def crps_normal(actual: float, mean: float, sd: float) -> float:
    """Continuous ranked probability score of a Gaussian forecast (lower is better).

    It rewards accuracy and honest intervals together: an overconfident model with a small
    error but intervals that miss scores worse than its mean absolute error suggests.
    """
    if sd <= 0:
        return abs(actual - mean)
    z = (actual - mean) / sd
    return float(sd * (z * (2 * stats.norm.cdf(z) - 1) + 2 * stats.norm.pdf(z) - 1 / np.sqrt(np.pi)))


def _scored(model: str, origin: int, year: int, actual: float, mean: float, sd: float, levels) -> dict:
    row = {"model": model, "origin": origin, "horizon": int(year - origin), "year": int(year),
           "actual": actual, "forecast": float(mean), "error": float(actual - mean),
           "sd": float(sd), "crps": crps_normal(actual, float(mean), float(sd))}
    for level in levels:
        row[f"covered_{int(level * 100)}"] = bool(abs(actual - mean) <= two_sided_z(level) * sd)
    return row


def backtest(series: pd.Series, first_origin: int, horizon: int, levels=(0.8, 0.95)) -> pd.DataFrame:
    """Rolling-origin backtest: fit on years up to each origin, forecast 1..horizon years ahead.

    Returns one row per model, origin and horizon with the error and whether each interval covered.
    """
    series = series.sort_index()
    last = int(series.index.max())
    rows = []
    for origin in range(first_origin, last):
        train = series[series.index <= origin]
        if len(train) < MIN_FIT_YEARS:
            continue
        until = min(origin + horizon, last)
        for model in MODELS:
            result = forecast(train, model, until)
            for year, mean, sd in zip(result.years, result.mean, result.sd):
                actual = float(series.get(year, np.nan))
                if not np.isnan(actual):
                    rows.append(_scored(model, origin, year, actual, mean, sd, levels))
    return pd.DataFrame(rows)


def backtest_summary(results: pd.DataFrame, selection_horizon: int) -> pd.DataFrame:
    """Errors, CRPS and interval coverage per model, best model (lowest mean CRPS) first."""
    columns = ["model", "forecasts", "crps", "mae", "mape", "coverage_80", "coverage_95"]
    if results.empty:
        return pd.DataFrame(columns=columns)
    kept = results[results["horizon"] <= selection_horizon]
    summary = kept.groupby("model").agg(
        forecasts=("error", "size"), crps=("crps", "mean"), mae=("error", lambda e: e.abs().mean()),
        mape=("error", lambda e: (e.abs() / kept.loc[e.index, "actual"]).mean()),
        coverage_80=("covered_80", "mean"), coverage_95=("covered_95", "mean"))
    return summary.sort_values("crps").reset_index()[columns]


def calibration_factor(results: pd.DataFrame, model: str, horizon: int, level: float = 0.8) -> float:
    """How much to widen a model's intervals so that, in the backtest, they cover as often as stated.

    The factor is the `level` quantile of |error| / sd over backtest forecasts up to `horizon`,
    divided by the Gaussian quantile; never below 1 (intervals are widened, never narrowed).
    """
    kept = results[(results["model"] == model) & (results["horizon"] <= horizon) & (results["sd"] > 0)]
    if kept.empty:
        return 1.0
    z = (kept["error"].abs() / kept["sd"]).to_numpy()
    return max(1.0, float(np.quantile(z, level)) / two_sided_z(level))


def calibrated_forecasts(series: pd.Series, until: int, backtest_results: pd.DataFrame,
                         assumptions: Assumptions = DEFAULT) -> dict[str, tuple[Forecast, float]]:
    """Every model's forecast to `until`, widened by its backtest calibration factor when the
    assumptions ask for it: {model: (forecast, factor)}."""
    out = {}
    for name in MODELS:
        factor = calibration_factor(backtest_results, name, assumptions.selection_horizon,
                                    assumptions.interval_levels[0])
        result = forecast(series, name, until)
        out[name] = (result.widened(factor) if assumptions.calibrate_intervals else result, factor)
    return out
