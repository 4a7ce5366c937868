"""The smaller defects found when the results were re-derived, each pinned by a test that failed
before its fix: the ETS guard at statsmodels' bound, a synthetic control set by one base year, an
MOU rate fitted negative and clipped, coverage measured in sample, '17' printed where fewer enter,
and Gwangju's own forecast bias left out."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.assess import calibration, counterfactual, forecast, mou, statistic
from analysis.assess.context import Context, statistical_spec


def test_the_ets_guard_fires_at_statsmodels_bound():
    assert forecast.is_degenerate(1e-4, 1e-4)  # ETSModel's lower bound is exactly 1e-4
    assert not forecast.is_degenerate(1.1e-4, 1e-4)


def test_the_gwangju_manufacturing_baseline_fit_on_the_bound_is_refused(processed):
    ctx = Context()
    pledge = ctx.pledges["future-car-cluster-jobs"]
    _, _, series = statistic._series(ctx, statistical_spec(pledge), ctx.defaults)
    assert forecast.forecast(series[series.index <= ctx.defaults.base_year], "ETS(A,Ad,N)", 2030).degenerate


def _panel(blip: float) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    years = np.arange(2000, 2026)
    rows = []
    for k, region in enumerate(["A", "B", "C", "D", "E"]):
        path = (100 + 10 * k) * (1 + 0.01 * (years - 2000)) * (1 + rng.normal(0, 0.002, len(years)))
        rows += [{"region": region, "year": int(y), "value": float(v)} for y, v in zip(years, path)]
    treated = [dict(r) for r in rows if r["region"] == "B"]
    for r in treated:
        r["region"] = "T"
        r["value"] *= 1 + (blip if r["year"] == 2021 else 0.0)
    return pd.DataFrame(rows + treated)


def test_the_synthetic_control_is_not_set_by_one_base_year():
    """A treated series identical to a donor but for one blip in the base year shows no gap."""
    result = counterfactual.synthetic_control(_panel(blip=0.05), "T", 2021)
    assert abs(result["post_mean"]) < 0.01
    assert result["pre_rmspe"] >= 0 and result["placebo_pre_rmspe"] >= 0 and 0 <= result["pre_fit_rank"] <= 1


def test_mou_rates_are_fitted_non_negative_not_clipped_after():
    """Counts that an unconstrained fit explains with a negative middle rate: the constrained fit
    re-estimates the other rates (their score is zero), where a clip would leave them as they were."""
    days = pd.to_datetime(["2020-01-01", "2021-01-01", "2022-06-01", "2023-06-01", "2024-06-01"])
    series = pd.DataFrame({"as_of_date": days, "value": [0.0, 120.0, 170.0, 172.0, 300.0], "fact_id": list("abcde")})
    starts = [pd.Timestamp("2021-06-01"), pd.Timestamp("2023-01-01")]
    fit = mou.fit_counts(series, starts)
    assert (fit.rates >= 0).all() and fit.rates[1] == pytest.approx(0.0, abs=1e-6)
    data = fit.intervals
    exposure = data[[c for c in data.columns if c.startswith("months_")]].to_numpy()
    score = exposure.T @ (data["new"].to_numpy() / (exposure @ fit.rates) - 1)
    assert score[0] == pytest.approx(0, abs=1e-4) and score[2] == pytest.approx(0, abs=1e-4) and score[1] <= 1e-6


def test_coverage_is_also_measured_out_of_sample():
    rows = [("A", "m", 2010 + k, 1, 100, 100, 5, e) for k, e in enumerate([0.01, -0.01, 0.0, 0.02])]
    rows += [("B", "m", 2010 + k, 1, 100, 100, 5, e) for k, e in enumerate([0.0, 0.01, -0.02, 0.01])]
    rows += [("C", "m", 2010 + k, 1, 100, 100, 5, e) for k, e in enumerate([0.09, 0.1, 0.08, 0.11])]  # an outlier region
    frame = pd.DataFrame(rows, columns=["region", "model", "origin", "horizon", "actual", "forecast", "sd", "error"])
    row = calibration.calibration_table(frame, region="C").iloc[0]
    assert row["coverage_80_out_of_sample"] < row["coverage_80_calibrated"]
    assert row["own_mean_error"] == pytest.approx(0.095) and row["own_forecasts"] == 4


def test_the_pages_say_how_many_regions_enter_and_show_gwangjus_own_bias(processed):
    ctx = Context()
    pledge = ctx.pledges["jobs-13000"]
    spec = statistical_spec(pledge)
    measure = statistic.measure(ctx, pledge, spec, ctx.defaults, 2030)
    table = statistic.calibration(ctx, spec, ctx.defaults)
    row = calibration.at_horizon(table, measure.model, measure.horizon)
    assert measure.regions == row["regions"] < 17
    backtests = calibration.pooled_backtest(ctx.panel(spec), ctx.defaults.train_start, ctx.defaults.backtest_first_origin,
                                            statistic.MAX_HORIZON, ctx.defaults.outside_view_breaks)
    own = backtests[(backtests["region"] == "광주광역시") & (backtests["model"] == measure.model)
                    & (backtests["horizon"] == measure.horizon)]["error"]
    assert measure.own_bias == pytest.approx(own.mean())
