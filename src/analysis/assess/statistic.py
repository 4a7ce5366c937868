"""A job pledge against an official series: the pre-pledge baseline, the calibrated forecast of
the level at the deadline, the probability of reaching baseline + pledge, and whether the series
can detect the pledge at all (power). Net employment is not gross job creation: a level reached
or missed says little about the pledged jobs, which is why power decides whether it counts."""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from scipy import stats

from ..vocab.units import thousands
from . import detectability
from .calibration import at_horizon, calibration_table, pooled_backtest, select_model
from .context import Context, panel_key, series_key
from .forecast import MODELS, Forecast, forecast, two_sided_z

MAX_HORIZON = 12


@dataclass
class SeriesMeasure:
    label: str
    series: pd.Series
    sources: list[str]
    model: str
    refused: list[str]
    horizon: int
    baseline: float
    increment: float
    target: float
    expected: float
    expected_sd: float
    probability: float
    power: float
    minimum_detectable: float
    decides: bool
    reached: bool
    proxy: bool
    deadline: int
    regions: int  # the 시도 whose errors enter the calibration at the pledge's horizon
    pooled_bias: float
    own_bias: float  # the region's own mean error at that horizon (beside the pooled one)


def calibration(ctx: Context, spec: dict, assumptions, last_year: int | None = None) -> pd.DataFrame:
    """The pooled calibration of a series' panel (every 시도 the backtest can use) for the training
    window of `assumptions`, with the spec's own region beside it. With `last_year`, only the errors
    known by then (forecasts of years up to `last_year`): the calibration a past day had."""
    key = ("calibration", panel_key(spec), spec.get("region"), assumptions.train_start,
           assumptions.backtest_first_origin, assumptions.outside_view_breaks, last_year)

    def compute():
        backtests = pooled_backtest(ctx.panel(spec), assumptions.train_start, assumptions.backtest_first_origin,
                                    MAX_HORIZON, assumptions.outside_view_breaks)
        if last_year is not None:
            backtests = backtests[backtests["origin"] + backtests["horizon"] <= last_year]
        return calibration_table(backtests, region=spec.get("region"))
    return ctx.cached(key, compute)


def _series(ctx: Context, spec: dict, assumptions, last_year: int | None = None) -> tuple[str, pd.DataFrame, pd.Series]:
    """(label, source rows, annual values from the training start to `last_year`) of a series spec."""
    label, rows = ctx.series_rows(spec)
    series = rows.set_index("year")["value"].astype(float)
    return label, rows, series[(series.index >= assumptions.train_start) & (series.index <= (last_year or 9999))]


def _fit(ctx: Context, spec: dict, series: pd.Series, model: str, until: int) -> Forecast:
    key = ("fit", series_key(spec), tuple(series.index), model, until)
    return ctx.cached(key, lambda: forecast(series, model, until))


def _calibrated(fit: Forecast, row: pd.Series | None, year: int) -> tuple[float, float]:
    """(mean, sd) at `year`, bias-corrected and with the pooled spread; the model's own where the
    backtest cannot reach that horizon."""
    mean, sd = fit.at(year)
    if row is None:
        return mean, sd
    return mean * (1 + row["mean_error"]), abs(mean) * row["sd"]


def _chosen_model(ctx, spec, table, assumptions, before: pd.Series, deadline: int, horizon: int):
    refused = [m for m in MODELS if _fit(ctx, spec, before, m, deadline).degenerate]
    if assumptions.model != "selected":
        return assumptions.model, refused
    return select_model(table, assumptions.selection_horizon or horizon, set(refused)), refused


def measure(ctx: Context, pledge, spec: dict, assumptions, deadline: int, last_year: int | None = None) -> SeriesMeasure:
    """The series measure of a pledge; `last_year` cuts the series (for the status history)."""
    label, rows, series = _series(ctx, spec, assumptions, last_year)
    before = series[series.index <= assumptions.base_year]
    horizon = deadline - assumptions.base_year
    table = calibration(ctx, spec, assumptions, last_year)
    model, refused = _chosen_model(ctx, spec, table, assumptions, before, deadline, horizon)
    base_row = at_horizon(table, model, horizon)
    if assumptions.baseline == "level":
        baseline = float(before.iloc[-1])
    else:
        baseline = _calibrated(_fit(ctx, spec, before, model, deadline), base_row, deadline)[0]
    increment = thousands(pledge.target_value)
    latest_year = int(series.index.max())
    latest_row = at_horizon(table, model, deadline - latest_year)
    expected, expected_sd = _calibrated(_fit(ctx, spec, series, model, deadline), latest_row, deadline)
    target = baseline + increment
    probability = float(stats.norm.sf(target, loc=expected, scale=expected_sd)) if expected_sd > 0 else \
        float(expected >= target)
    relative_sd = float(base_row["sd"]) if base_row is not None else math.nan
    power = detectability.power(increment / baseline, relative_sd, assumptions.detect_alpha)
    proxy = bool(spec.get("proxy", False))
    return SeriesMeasure(
        label=label, series=series, sources=list(rows["source"]), model=model, refused=refused, horizon=horizon,
        baseline=baseline, increment=increment, target=target, expected=expected, expected_sd=expected_sd,
        probability=probability, power=power,
        minimum_detectable=detectability.minimum_detectable(relative_sd, assumptions.detect_alpha,
                                                            assumptions.power_threshold) * baseline,
        decides=detectability.decides(power, assumptions.power_threshold),
        reached=bool(series.iloc[-1] >= target) and not proxy, proxy=proxy, deadline=deadline,
        regions=int(base_row["regions"]) if base_row is not None else 0,
        pooled_bias=float(base_row["mean_error"]) if base_row is not None else math.nan,
        own_bias=float(base_row["own_mean_error"]) if base_row is not None else math.nan)


def _band_rows(fits: dict[str, Forecast], table: pd.DataFrame, last: int, chosen: str, levels) -> pd.DataFrame:
    rows = []
    for model, fit in fits.items():
        for year in fit.years:
            mean, sd = _calibrated(fit, at_horizon(table, model, int(year) - last), int(year))
            row = {"model": model, "year": int(year), "mean": mean, "sd": sd, "selected": model == chosen,
                   "degenerate": fit.degenerate}
            for level in levels:
                z = two_sided_z(level)
                row[f"lower_{int(level * 100)}"], row[f"upper_{int(level * 100)}"] = mean - z * sd, mean + z * sd
            rows.append(row)
    return pd.DataFrame(rows)


def band(ctx: Context, spec: dict, measure_: SeriesMeasure, assumptions, levels=(0.8, 0.95)) -> pd.DataFrame:
    """Each model's calibrated forecast by year with its intervals, for the chart and its CSV."""
    table = calibration(ctx, spec, assumptions)
    fits = {m: _fit(ctx, spec, measure_.series, m, measure_.deadline) for m in MODELS}
    return _band_rows(fits, table, int(measure_.series.index.max()), measure_.model, levels)


def series_band(ctx: Context, spec: dict, assumptions, until: int) -> pd.DataFrame:
    """Each model's calibrated forecast of a whole series to `until`, the one the pooled backtest
    selects for that distance flagged (a region report's forecast)."""
    _, _, series = _series(ctx, spec, assumptions)
    table = calibration(ctx, spec, assumptions)
    last = int(series.index.max())
    chosen, _ = _chosen_model(ctx, spec, table, assumptions, series, until, until - last)
    fits = {m: _fit(ctx, spec, series, m, until) for m in MODELS}
    return _band_rows(fits, table, last, chosen, assumptions.interval_levels)


__all__ = ["SeriesMeasure", "band", "calibration", "measure", "series_band"]
