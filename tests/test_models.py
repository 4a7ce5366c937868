"""Each model against values computed by hand on small inputs."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.assess import backtest as models_bt, forecast as models, mou as models_mou, outside_view as models_ov, rules as status
from analysis.assess.assumptions import DEFAULT


def series(values, start=2000):
    return pd.Series(values, index=range(start, start + len(values)), dtype=float)


def test_scale_by_hand():
    s = models_ov.scale(3, series([100, 102, 104, 110]))  # changes 2, 2, 6: mean 10/3
    assert s["share_of_latest_level"] == pytest.approx(3 / 110)
    assert s["mean_yearly_change"] == pytest.approx(10 / 3)
    assert s["years_of_mean_growth"] == pytest.approx(0.9)
    assert s["sd_yearly_change"] == pytest.approx(np.std([2, 2, 6], ddof=1))


def test_yearly_changes_skip_gaps():
    changes = models_ov.yearly_changes(pd.Series([1.0, 2.0, 5.0], index=[2000, 2001, 2003]))
    assert list(changes.index) == [2001]


def test_outside_view_by_hand():
    panel = pd.DataFrame({"region": ["a"] * 3 + ["b"] * 3, "year": [1, 2, 3] * 2,
                          "value": [100, 110, 121, 100, 100, 90]})
    spans = models_ov.window_growth(panel, 1)
    assert sorted(spans["growth"].round(3)) == [-0.1, 0.0, 0.1, 0.1]
    view = models_ov.outside_view(panel, 0.05, 1)
    assert view["percentile"] == 0.5 and view["share_at_least"] == 0.5 and view["spans"] == 4
    assert models_ov.outside_view(panel, 0.05, 1, breaks=(("b", 3),))["spans"] == 3


def test_ols_trend_forecast_matches_numpy():
    y = series([1.0, 2.1, 2.9, 4.2, 5.0, 5.8, 7.1])
    fc = models.forecast(y, "OLS trend", 2008)
    slope, intercept = np.polyfit(np.arange(7), y.to_numpy(), 1)
    assert fc.mean[-1] == pytest.approx(intercept + slope * 8)
    residual_sd = np.sqrt(np.sum((y.to_numpy() - (intercept + slope * np.arange(7))) ** 2) / 5)
    x = np.arange(7)
    se = residual_sd * np.sqrt(1 + 1 / 7 + (8 - x.mean()) ** 2 / np.sum((x - x.mean()) ** 2))
    t_width = stats.t.ppf(0.975, 5) * se
    assert fc.sd[-1] * stats.norm.ppf(0.975) == pytest.approx(t_width, rel=1e-6)


def test_random_walk_with_drift_by_hand():
    y = series([10.0, 12.0, 13.0, 16.0, 17.0, 20.0, 21.0])
    diffs = np.diff(y.to_numpy())
    fc = models.forecast(y, "ARIMA(0,1,0)+drift", 2009)
    assert fc.mean == pytest.approx(y.iloc[-1] + diffs.mean() * np.arange(1, 4), rel=1e-3)
    sigma = np.sqrt(np.mean((diffs - diffs.mean()) ** 2))
    assert fc.sd == pytest.approx(sigma * np.sqrt(np.arange(1, 4)), rel=0.05)


def test_probability_from_forecast():
    fc = models.Forecast("x", np.array([2030]), np.array([100.0]), np.array([10.0]))
    assert fc.probability_at_least(2030, 100) == pytest.approx(0.5)
    assert fc.probability_at_least(2030, 112.8155) == pytest.approx(0.1, abs=1e-4)
    low, high = fc.interval(0.8)
    assert high[0] - 100 == pytest.approx(12.8155, abs=1e-3)


def test_backtest_on_a_straight_line_is_perfect_for_ols():
    y = series([2.0 * i + 1 for i in range(16)])
    results = models_bt.backtest(y, 2008, 3)
    ols = results[results["model"] == "OLS trend"]
    assert ols["error"].abs().max() < 1e-6
    assert set(results["horizon"]) == {1, 2, 3}
    summary = models_bt.backtest_summary(results, 3).set_index("model")
    assert summary.loc["OLS trend", "mae"] < 1e-6 and summary.loc["ARIMA(0,1,0)+drift", "mae"] < 1e-6
    assert summary["crps"].idxmin() in ("OLS trend", "ARIMA(0,1,0)+drift")  # both exact on a line


def test_target_level_baselines():
    y = series([10.0 + i for i in range(30)])  # 2000..2029, +1 a year
    a = DEFAULT.with_overrides(base_year=2021)
    level, target = models.target_level(y, 5, 2030, "OLS trend", a.with_overrides(baseline="level"))
    assert (level, target) == (31.0, 36.0)
    trend, target = models.target_level(y, 5, 2030, "OLS trend", a)
    assert trend == pytest.approx(40.0) and target == pytest.approx(45.0)


def test_presence_share_is_a_jeffreys_interval():
    share = models_mou.presence_share(160, 349)
    assert share["share"] == pytest.approx(160 / 349)
    assert share["lower"] == pytest.approx(stats.beta(160.5, 189.5).ppf(0.025))


def test_mou_projection_is_deterministic_and_sensible():
    data = pd.DataFrame({"as_of_date": pd.to_datetime(["2020-01-01", "2022-01-01", "2024-01-01", "2026-01-01"]),
                         "value": [0.0, 100.0, 200.0, 300.0]})
    share = models_mou.presence_share(50, 100)
    first = models_mou.project_mou(data, pd.Timestamp("2030-01-01"), share, 1000)
    again = models_mou.project_mou(data, pd.Timestamp("2030-01-01"), share, 1000)
    assert first == again
    assert first["slope_per_year"] == pytest.approx(50, rel=1e-3)
    assert first["mou_mean"] == pytest.approx(500, rel=1e-3)
    assert first["present_mean"] == pytest.approx(250, rel=0.02)
    assert first["probability"] == 0


def test_status_rules():
    assert status.from_probability(0.7, False) == status.ON_TRACK
    assert status.from_probability(0.3, False) == status.DELAYED
    assert status.from_probability(0.05, False) == status.UNLIKELY
    assert status.from_probability(0.05, True) == status.ACHIEVED
    day = pd.Timestamp
    assert status.from_evidence([]) == status.UNKNOWN
    assert status.from_evidence([("context", day("2024-01-01"))]) == status.UNKNOWN
    assert status.from_evidence([("progress", day("2023-01-01")), ("failed", day("2024-01-01"))]) == status.UNLIKELY
    assert status.from_evidence([("failed", day("2023-01-01")), ("progress", day("2024-01-01"))]) == status.ON_TRACK
    assert status.from_evidence([("setback", day("2025-01-01")), ("achieved", day("2024-01-01"))]) == status.ACHIEVED


def test_unknown_assumption_is_refused():
    with pytest.raises(ValueError, match="unknown assumption"):
        DEFAULT.with_overrides(base_yaer=2020)


def test_readme_states_the_same_status_scale():
    from analysis import paths
    assert status.markdown_table() in (paths.ROOT / "README.md").read_text(encoding="utf-8")


def test_crps_of_a_gaussian_by_hand():
    # at the mean, CRPS = sd * (2 phi(0) - 1/sqrt(pi)) = sd * (sqrt(2/pi) - 1/sqrt(pi))
    assert models_bt.crps_normal(0.0, 0.0, 2.0) == pytest.approx(2 * (np.sqrt(2 / np.pi) - 1 / np.sqrt(np.pi)))
    assert models_bt.crps_normal(3.0, 0.0, 0.0) == 3.0
    assert models_bt.crps_normal(5.0, 0.0, 1.0) > models_bt.crps_normal(1.0, 0.0, 1.0)


def test_calibration_widens_overconfident_intervals_only():
    rows = pd.DataFrame({"model": "m", "horizon": 1, "error": [1.0, -2.0, 3.0, -4.0, 5.0], "sd": 1.0})
    factor = models_bt.calibration_factor(rows, "m", 5, 0.8)
    assert factor == pytest.approx(np.quantile([1, 2, 3, 4, 5], 0.8) / stats.norm.ppf(0.9))
    honest = rows.assign(error=rows["error"] / 100)
    assert models_bt.calibration_factor(honest, "m", 5, 0.8) == 1.0
