"""Forecasts of annual series with three statsmodels models, as Gaussian predictive distributions.

Net change in employment (what the statistics measure) is never called "jobs created" (what
the pledges promise). A fit whose smoothing parameters are both zero is a deterministic trend in
disguise: it is flagged `degenerate` and never selected.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

MIN_FIT_YEARS = 6
DEGENERATE_SMOOTHING = 1e-4  # statsmodels' ETSModel bounds the smoothing parameters below by exactly this


def two_sided_z(level: float) -> float:
    """The Gaussian quantile of a central interval: 1.2816 for 80%, 1.96 for 95%."""
    return float(stats.norm.ppf(0.5 + level / 2))


@dataclass(frozen=True)
class Forecast:
    model: str
    years: np.ndarray
    mean: np.ndarray
    sd: np.ndarray
    degenerate: bool = False

    def at(self, year: int) -> tuple[float, float]:
        index = int(np.where(self.years == year)[0][0])
        return float(self.mean[index]), float(self.sd[index])



def is_degenerate(smoothing_level: float, smoothing_trend: float) -> bool:
    """Both smoothing parameters at (or below) statsmodels' lower bound, which is exactly
    DEGENERATE_SMOOTHING: the fit is a deterministic trend in disguise."""
    return bool(smoothing_level <= DEGENERATE_SMOOTHING and smoothing_trend <= DEGENERATE_SMOOTHING)


def _annual_periods(series: pd.Series) -> pd.Series:
    values = series.sort_index().astype(float)
    values.index = pd.PeriodIndex([str(int(y)) for y in values.index], freq="Y")
    return values


def _ets(values: pd.Series, steps: int) -> tuple[np.ndarray, np.ndarray, bool]:
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel
    fit = ETSModel(values, error="add", trend="add", damped_trend=True).fit(disp=False)
    frame = fit.get_prediction(start=len(values), end=len(values) + steps - 1).summary_frame(alpha=0.05)
    sd = (frame["pi_upper"] - frame["pi_lower"]).to_numpy() / (2 * two_sided_z(0.95))
    return frame["mean"].to_numpy(), sd, is_degenerate(fit.smoothing_level, fit.smoothing_trend)


def _drift(values: pd.Series, steps: int) -> tuple[np.ndarray, np.ndarray, bool]:
    """ARIMA(0,1,0) with drift, fitted as statsmodels OLS of the yearly changes on a constant:
    the model's maximum-likelihood fit in closed form (drift = mean change)."""
    import statsmodels.api as sm
    changes = np.diff(values.to_numpy())
    fit = sm.OLS(changes, np.ones_like(changes)).fit()
    horizon = np.arange(1, steps + 1)
    return values.iloc[-1] + fit.params[0] * horizon, np.sqrt(fit.ssr / fit.nobs * horizon), False


def _ols_trend(values: pd.Series, steps: int) -> tuple[np.ndarray, np.ndarray, bool]:
    import statsmodels.api as sm
    t = np.arange(len(values), dtype=float)
    fit = sm.OLS(values.to_numpy(), sm.add_constant(t)).fit()
    future = sm.add_constant(np.arange(len(values), len(values) + steps, dtype=float), has_constant="add")
    frame = fit.get_prediction(future).summary_frame(alpha=0.05)
    # obs_ci comes from a t distribution; express it as a normal sd with the same 95% width
    sd = (frame["obs_ci_upper"] - frame["obs_ci_lower"]).to_numpy() / (2 * two_sided_z(0.95))
    return frame["mean"].to_numpy(), sd, False


MODELS = {
    "ETS(A,Ad,N)": _ets,
    "ARIMA(0,1,0)+drift": _drift,
    "OLS trend": _ols_trend,
}
# The names the reports print (the glossary of report/prose.py explains each).
MODEL_NAMES_KO = {"ETS(A,Ad,N)": "점점 약해지는 추세(지수평활)", "ARIMA(0,1,0)+drift": "평균 증가분 연장(랜덤워크)",
                  "OLS trend": "선형 추세"}


def forecast(series: pd.Series, model: str, until: int) -> Forecast:
    """Forecast an annual series (indexed by year) to `until` with the named model."""
    last = int(series.index.max())
    steps = until - last
    if steps < 1:
        raise ValueError(f"forecast horizon {until} is not after the last year {last}")
    if len(series) < MIN_FIT_YEARS:
        raise ValueError(f"{len(series)} years are too few to fit {model}; need {MIN_FIT_YEARS}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mean, sd, degenerate = MODELS[model](_annual_periods(series), steps)
    return Forecast(model, np.arange(last + 1, until + 1), np.asarray(mean), np.asarray(sd), degenerate)
