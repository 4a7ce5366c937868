"""Forecasts of annual series with three statsmodels models, as Gaussian predictive distributions.

Net change in employment (what the statistics measure) is never called "jobs created" (what
the pledges promise): functions that compare the two say so in their output.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from .assumptions import DEFAULT, Assumptions

MIN_FIT_YEARS = 6


def two_sided_z(level: float) -> float:
    """The Gaussian quantile of a central interval: 1.2816 for 80%, 1.96 for 95%."""
    return float(stats.norm.ppf(0.5 + level / 2))


@dataclass(frozen=True)
class Forecast:
    model: str
    years: np.ndarray
    mean: np.ndarray
    sd: np.ndarray

    def interval(self, level: float) -> tuple[np.ndarray, np.ndarray]:
        z = two_sided_z(level)
        return self.mean - z * self.sd, self.mean + z * self.sd

    def at(self, year: int) -> tuple[float, float]:
        index = int(np.where(self.years == year)[0][0])
        return float(self.mean[index]), float(self.sd[index])

    def probability_at_least(self, year: int, threshold: float) -> float:
        mean, sd = self.at(year)
        return float(stats.norm.sf(threshold, loc=mean, scale=sd)) if sd > 0 else float(mean >= threshold)

    def widened(self, factor: float) -> Forecast:
        return Forecast(self.model, self.years, self.mean, self.sd * factor)


def _annual_periods(series: pd.Series) -> pd.Series:
    values = series.sort_index().astype(float)
    values.index = pd.PeriodIndex([str(int(y)) for y in values.index], freq="Y")
    return values


def _ets(values: pd.Series, steps: int) -> tuple[np.ndarray, np.ndarray]:
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel
    fit = ETSModel(values, error="add", trend="add", damped_trend=True).fit(disp=False)
    frame = fit.get_prediction(start=len(values), end=len(values) + steps - 1).summary_frame(alpha=0.05)
    sd = (frame["pi_upper"] - frame["pi_lower"]).to_numpy() / (2 * two_sided_z(0.95))
    return frame["mean"].to_numpy(), sd


def _drift(values: pd.Series, steps: int) -> tuple[np.ndarray, np.ndarray]:
    """ARIMA(0,1,0) with drift, fitted as statsmodels OLS of the yearly changes on a constant.

    That is the model's maximum-likelihood fit in closed form (drift = mean change, variance =
    mean squared deviation), without the numerical optimiser ARIMA would run.
    """
    import statsmodels.api as sm
    changes = np.diff(values.to_numpy())
    fit = sm.OLS(changes, np.ones_like(changes)).fit()
    sigma2 = fit.ssr / fit.nobs
    horizon = np.arange(1, steps + 1)
    return values.iloc[-1] + fit.params[0] * horizon, np.sqrt(sigma2 * horizon)


def _ols_trend(values: pd.Series, steps: int) -> tuple[np.ndarray, np.ndarray]:
    import statsmodels.api as sm
    t = np.arange(len(values), dtype=float)
    fit = sm.OLS(values.to_numpy(), sm.add_constant(t)).fit()
    future = sm.add_constant(np.arange(len(values), len(values) + steps, dtype=float), has_constant="add")
    frame = fit.get_prediction(future).summary_frame(alpha=0.05)
    # obs_ci comes from a t distribution; express it as a normal sd with the same 95% width
    sd = (frame["obs_ci_upper"] - frame["obs_ci_lower"]).to_numpy() / (2 * two_sided_z(0.95))
    return frame["mean"].to_numpy(), sd


MODELS = {
    "ETS(A,Ad,N)": (_ets, "가법 오차와 감쇠 가법 추세의 지수평활(상태공간 모형); 구간은 정규 오차를 가정."),
    "ARIMA(0,1,0)+drift": (_drift, "표류가 있는 확률보행: 해마다의 변화가 일정한 평균 둘레에서 독립적으로 나온다고 가정."),
    "OLS trend": (_ols_trend, "시간에 대한 직선과 독립 오차; 오차에 자기상관이 있으면 구간이 너무 좁음."),
}


def forecast(series: pd.Series, model: str, until: int) -> Forecast:
    """Forecast an annual series (indexed by year) to `until` with the named model."""
    last = int(series.index.max())
    steps = until - last
    if steps < 1:
        raise ValueError(f"forecast horizon {until} is not after the last year {last}")
    if len(series) < MIN_FIT_YEARS:
        raise ValueError(f"{len(series)} years are too few to fit {model}; need {MIN_FIT_YEARS}")
    fit, _ = MODELS[model]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mean, sd = fit(_annual_periods(series), steps)
    return Forecast(model, np.arange(last + 1, until + 1), np.asarray(mean), np.asarray(sd))


def interval_frame(forecast_: Forecast, levels) -> pd.DataFrame:
    """Years, means and the two intervals of a forecast as a table."""
    lo80, hi80 = forecast_.interval(levels[0])
    lo95, hi95 = forecast_.interval(levels[1])
    return pd.DataFrame({"model": forecast_.model, "year": forecast_.years, "mean": forecast_.mean,
                         "lower_80": lo80, "upper_80": hi80, "lower_95": lo95, "upper_95": hi95})


def target_level(series: pd.Series, increment: float, deadline: int, model: str,
                 assumptions: Assumptions = DEFAULT) -> tuple[float, float]:
    """(baseline at the deadline, baseline + increment). The baseline is what the series would
    have reached without the pledge: the base-year level, or the selected model's forecast from
    the years up to the base year."""
    before = series[series.index <= assumptions.base_year]
    if assumptions.baseline == "level":
        baseline = float(before[assumptions.base_year])
    else:
        baseline = forecast(before, model, deadline).at(deadline)[0]
    return baseline, baseline + increment
