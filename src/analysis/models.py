"""Statistical models behind the verdicts: plain functions over DataFrames, testable without Jupyter.

Net change in employment (what the statistics measure) is never called "jobs created" (what
the pledges promise): functions that compare the two say so in their output's `measure`.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from .assumptions import DEFAULT, Assumptions

# -- scale ----------------------------------------------------------------------------------------


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


# -- outside view ---------------------------------------------------------------------------------


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


# -- forecasts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Forecast:
    model: str
    years: np.ndarray
    mean: np.ndarray
    sd: np.ndarray

    def interval(self, level: float) -> tuple[np.ndarray, np.ndarray]:
        z = stats.norm.ppf(0.5 + level / 2)
        return self.mean - z * self.sd, self.mean + z * self.sd

    def at(self, year: int) -> tuple[float, float]:
        index = int(np.where(self.years == year)[0][0])
        return float(self.mean[index]), float(self.sd[index])

    def probability_at_least(self, year: int, threshold: float) -> float:
        mean, sd = self.at(year)
        return float(stats.norm.sf(threshold, loc=mean, scale=sd)) if sd > 0 else float(mean >= threshold)


def _periods(series: pd.Series) -> pd.Series:
    values = series.sort_index().astype(float)
    values.index = pd.PeriodIndex([str(int(y)) for y in values.index], freq="Y")
    return values


def _ets(values: pd.Series, steps: int) -> tuple[np.ndarray, np.ndarray]:
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel
    fit = ETSModel(values, error="add", trend="add", damped_trend=True).fit(disp=False)
    frame = fit.get_prediction(start=len(values), end=len(values) + steps - 1).summary_frame(alpha=0.05)
    sd = (frame["pi_upper"] - frame["pi_lower"]).to_numpy() / (2 * stats.norm.ppf(0.975))
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
    sd = (frame["obs_ci_upper"] - frame["obs_ci_lower"]).to_numpy() / (2 * stats.norm.ppf(0.975))
    return frame["mean"].to_numpy(), sd


MODELS = {
    "ETS(A,Ad,N)": (_ets, "가법 오차와 감쇠 가법 추세의 지수평활(상태공간 모형); 구간은 정규 오차를 가정."),
    "ARIMA(0,1,0)+drift": (_drift, "표류가 있는 확률보행: 해마다의 변화가 일정한 평균 둘레에서 독립적으로 나온다고 가정."),
    "OLS trend": (_ols_trend, "시간에 대한 직선과 독립 오차; 오차에 자기상관이 있으면 구간이 너무 좁음."),
}
MIN_FIT_YEARS = 6


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
        mean, sd = fit(_periods(series), steps)
    return Forecast(model, np.arange(last + 1, until + 1), np.asarray(mean), np.asarray(sd))


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
                if np.isnan(actual):
                    continue
                row = {"model": model, "origin": origin, "horizon": int(year - origin), "year": int(year),
                       "actual": actual, "forecast": float(mean), "error": float(actual - mean),
                       "sd": float(sd), "crps": crps_normal(actual, float(mean), float(sd))}
                for level in levels:
                    z = stats.norm.ppf(0.5 + level / 2)
                    row[f"covered_{int(level * 100)}"] = bool(abs(actual - mean) <= z * sd)
                rows.append(row)
    return pd.DataFrame(rows)


def crps_normal(actual: float, mean: float, sd: float) -> float:
    """Continuous ranked probability score of a Gaussian forecast (lower is better).

    It rewards accuracy and honest intervals together: an overconfident model with a small
    error but intervals that miss scores worse than its mean absolute error suggests.
    """
    if sd <= 0:
        return abs(actual - mean)
    z = (actual - mean) / sd
    return float(sd * (z * (2 * stats.norm.cdf(z) - 1) + 2 * stats.norm.pdf(z) - 1 / np.sqrt(np.pi)))


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
    return max(1.0, float(np.quantile(z, level)) / float(stats.norm.ppf(0.5 + level / 2)))


def widened(forecast_: Forecast, factor: float) -> Forecast:
    return Forecast(forecast_.model, forecast_.years, forecast_.mean, forecast_.sd * factor)


def calibrated_forecasts(series: pd.Series, until: int, backtest_results: pd.DataFrame,
                         assumptions: Assumptions = DEFAULT) -> dict[str, tuple[Forecast, float]]:
    """Every model's forecast to `until`, widened by its backtest calibration factor when the
    assumptions ask for it: {model: (forecast, factor)}."""
    out = {}
    for name in MODELS:
        factor = calibration_factor(backtest_results, name, assumptions.selection_horizon,
                                    assumptions.interval_levels[0])
        result = forecast(series, name, until)
        out[name] = (widened(result, factor) if assumptions.calibrate_intervals else result, factor)
    return out


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


# -- MOU projection -------------------------------------------------------------------------------

# Units that mark a cumulative count of the city's AI business MOUs in the facts table. Rows in
# other units (firms present, hires, yearly counts, money) are different quantities.
MOU_COUNT_UNITS = {
    "MOUs (43 firms+7 institutions)", "MOU firms", "cumulative MOU number", "MOUs (92 firms+8 institutions)",
    "MOUs", "MOUs (firms+institutions)", "firms with MOU (AI+semiconductor)", "firms with MOU",
}


def mou_series(facts: pd.DataFrame) -> pd.DataFrame:
    """Cumulative AI MOU counts by date, one row per date (the same count twice is kept once)."""
    rows = facts[(facts["topic"] == "ai_mou") & facts["unit"].isin(MOU_COUNT_UNITS) & facts["value"].notna()]
    rows = rows.sort_values(["as_of_date", "fact_id"]).drop_duplicates(["as_of_date", "value"])
    rows = rows.drop_duplicates("value", keep="first")
    return rows[["fact_id", "as_of_date", "value", "unit", "source_url"]].reset_index(drop=True)


def decimal_year(dates: pd.Series) -> np.ndarray:
    dates = pd.to_datetime(dates)
    return (dates.dt.year + (dates.dt.day_of_year - 1) / 365.25).to_numpy()


def presence_share(successes: float, trials: float, level: float = 0.95) -> dict:
    """Share of MOU firms with a real presence, with a Jeffreys interval (Beta(s+½, n−s+½))."""
    posterior = stats.beta(successes + 0.5, trials - successes + 0.5)
    low, high = posterior.ppf([(1 - level) / 2, (1 + level) / 2])
    return {"share": successes / trials, "lower": float(low), "upper": float(high),
            "alpha": successes + 0.5, "beta": trials - successes + 0.5}


def project_mou(series: pd.DataFrame, until: pd.Timestamp, share: dict, target: float,
                assumptions: Assumptions = DEFAULT) -> dict:
    """Linear trend of cumulative MOUs projected to `until`, times the presence share.

    Returns the projected MOUs and present firms with intervals, and P(present firms ≥ target),
    by simulation: the MOU count from the trend's predictive t distribution, the share from its
    Beta posterior, drawn independently with a fixed seed.
    """
    import statsmodels.api as sm
    x = decimal_year(series["as_of_date"])
    y = series["value"].to_numpy(dtype=float)
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    x_new = np.array([[1.0, decimal_year(pd.Series([until]))[0]]])
    prediction = fit.get_prediction(x_new)
    mean = float(prediction.predicted_mean[0])
    sd = float(np.sqrt(prediction.var_pred_mean[0] + fit.scale))
    rng = np.random.default_rng(assumptions.seed)
    counts = mean + sd * rng.standard_t(fit.df_resid, assumptions.simulation_draws)
    shares = rng.beta(share["alpha"], share["beta"], assumptions.simulation_draws)
    present = counts * shares
    low, high = (1 - assumptions.interval_levels[1]) / 2, (1 + assumptions.interval_levels[1]) / 2
    return {
        "slope_per_year": float(fit.params[1]),
        "slope_se": float(fit.bse[1]),
        "points": len(y),
        "mou_mean": mean,
        "mou_lower": float(np.quantile(counts, low)),
        "mou_upper": float(np.quantile(counts, high)),
        "present_mean": float(present.mean()),
        "present_lower": float(np.quantile(present, low)),
        "present_upper": float(np.quantile(present, high)),
        "probability": float((present >= target).mean()),
    }


# -- investment per job ---------------------------------------------------------------------------


def jobs_per_trillion(jobs: float, trillion_krw: float) -> float:
    return jobs / trillion_krw
