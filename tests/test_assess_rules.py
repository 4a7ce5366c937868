"""The assessment's building blocks, each against a value worked out by hand or by a closed formula:
status rules, dated evidence, detectability, the delivery and MOU models, calibration and forecasts."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.assess import calibration, detectability, evidence, forecast, mou, outside_view, rules
from analysis.assess.assumptions import defaults


# -- the status scale -------------------------------------------------------------------------------
@pytest.mark.parametrize(("probability", "expected"), [
    (0.99, rules.ON_TRACK), (0.5, rules.ON_TRACK), (0.4999, rules.DELAYED), (0.1, rules.DELAYED),
    (0.0999, rules.UNLIKELY), (0.0, rules.UNLIKELY)])
def test_probability_thresholds_are_inclusive_at_the_lower_bound(probability, expected):
    a = defaults().with_overrides(on_track_probability=0.5, unlikely_probability=0.1)
    assert rules.from_probability(probability, a) == expected


def test_the_scale_prints_the_thresholds_it_is_given():
    rules_text = rules.scale(defaults().with_overrides(on_track_probability=0.7, unlikely_probability=0.2))
    assert "70%" in rules_text[rules.ON_TRACK].rule and "20%" in rules_text[rules.UNLIKELY].rule
    assert "50%" not in rules_text[rules.ON_TRACK].rule


def test_worst_orders_statuses_and_leaves_unmeasurable_out():
    assert rules.worst([rules.ACHIEVED, rules.ON_TRACK]) == rules.ON_TRACK
    assert rules.worst([rules.ACHIEVED, rules.NO_DATA, rules.ON_TRACK]) == rules.NO_DATA
    assert rules.worst([rules.NO_DATA, rules.DELAYED]) == rules.DELAYED
    assert rules.worst([rules.DELAYED, rules.UNLIKELY, rules.ACHIEVED]) == rules.UNLIKELY
    assert rules.worst([rules.UNMEASURABLE, rules.ACHIEVED]) == rules.ACHIEVED
    assert rules.worst([rules.UNMEASURABLE]) == rules.UNMEASURABLE
    assert rules.cap(rules.ACHIEVED, rules.DELAYED) == rules.DELAYED
    assert rules.cap(rules.UNLIKELY, rules.DELAYED) == rules.UNLIKELY


# -- dated evidence ---------------------------------------------------------------------------------
def link(means, day, due=None):
    return evidence.Link(means, "why", f"fact-{day}", pd.Timestamp(day), due, "claim", "outlet", day)


def test_any_achieved_link_wins_over_later_setbacks():
    found = [link("achieved", "2023-01-01"), link("setback", "2024-01-01")]
    result = evidence.status_of(found, 2030)
    assert result.status == rules.ACHIEVED and result.deciding.published == pd.Timestamp("2023-01-01")


def test_the_latest_decisive_link_decides_and_context_does_not():
    found = [link("progress", "2022-01-01"), link("setback", "2023-01-01"), link("context", "2025-01-01")]
    assert evidence.status_of(found, 2030).status == rules.DELAYED
    found.append(link("progress", "2024-06-01"))
    assert evidence.status_of(sorted(found, key=lambda item: item.published), 2030).status == rules.ON_TRACK
    assert evidence.status_of([link("failed", "2024-01-01")], 2030).status == rules.UNLIKELY


def test_the_status_and_its_deciding_link_agree_on_a_same_day_tie():
    """The reason quotes the deciding link: it must be the one that gave the status."""
    for order in (("progress", "setback"), ("setback", "progress")):
        result = evidence.status_of([link(order[0], "2024-01-01"), link(order[1], "2024-01-01")], 2030)
        assert result.status == rules.BY_MEANING[result.deciding.means]


def test_no_decisive_link_is_no_data():
    result = evidence.status_of([link("context", "2024-01-01")], 2030)
    assert result.status == rules.NO_DATA and result.deciding is None


@pytest.mark.parametrize(("due", "expected"), [(2031, rules.DELAYED), (2030, rules.ON_TRACK), (None, rules.ON_TRACK)])
def test_completion_scheduled_after_the_deadline_caps_at_delayed(due, expected):
    result = evidence.status_of([link("progress", "2024-01-01", due)], 2030)
    assert result.status == expected
    assert (result.late is not None) == (due == 2031)


def test_a_late_schedule_does_not_improve_a_failed_pledge():
    assert evidence.status_of([link("failed", "2024-01-01", 2035)], 2030).status == rules.UNLIKELY


# -- detectability ----------------------------------------------------------------------------------
def test_power_matches_the_normal_formula():
    # one-sided test at 5%: power = Φ(δ/σ − 1.645); δ = σ·(1.645 + 0.842) gives 80%
    sd = 0.02
    assert detectability.power(sd * (1.6449 + 0.8416), sd, 0.05) == pytest.approx(0.8, abs=1e-3)
    assert detectability.power(0.0, sd, 0.05) == pytest.approx(0.05, abs=1e-6)
    assert detectability.minimum_detectable(sd, 0.05, 0.8) == pytest.approx(sd * 2.4865, rel=1e-3)
    assert math.isnan(detectability.power(0.01, 0.0, 0.05)) and math.isnan(detectability.power(0.01, math.nan, 0.05))


def test_an_undetectable_pledge_does_not_decide():
    assert not detectability.decides(math.nan, 0.8)
    assert not detectability.decides(0.79, 0.8) and detectability.decides(0.8, 0.8)


def test_error_summary_is_the_cbo_table():
    summary = calibration.error_summary(np.array([-0.2, 0.0, 0.2, 0.4]))
    assert summary["mean_error"] == pytest.approx(0.1)
    assert summary["mae"] == pytest.approx(0.2)
    assert summary["rmse"] == pytest.approx(math.sqrt((0.04 + 0 + 0.04 + 0.16) / 4))


# -- MOUs as a count process ------------------------------------------------------------------------------
def mou_frame(points):
    return pd.DataFrame({"fact_id": [f"f{i}" for i in range(len(points))],
                         "as_of_date": [pd.Timestamp(day) for day, _ in points],
                         "value": [float(v) for _, v in points], "unit": "MOUs", "source_url": ""})


def test_exposure_splits_months_between_regimes():
    start, end, cut = pd.Timestamp("2022-01-01"), pd.Timestamp("2023-01-01"), pd.Timestamp("2022-07-01")
    before, after = mou._exposure(start, end, [cut])
    assert before == pytest.approx(181 / mou.DAYS_PER_MONTH) and after == pytest.approx(184 / mou.DAYS_PER_MONTH)


def test_poisson_rates_per_regime_are_counts_over_months():
    series = mou_frame([("2020-01-01", 0), ("2021-01-01", 24), ("2022-01-01", 48), ("2023-01-01", 54),
                        ("2024-01-01", 60)])
    fit = mou.fit_counts(series, [pd.Timestamp("2022-01-01")])
    months_per_year = 365 / mou.DAYS_PER_MONTH
    assert fit.rates[0] * months_per_year == pytest.approx(24, rel=0.02)
    assert fit.rates[1] * (730 / mou.DAYS_PER_MONTH) == pytest.approx(12, rel=0.02)
    assert fit.dispersion >= 1.0


def test_jeffreys_interval_of_the_presence_share():
    share = mou.presence_share(30, 100)
    low, high = stats.beta(30.5, 70.5).ppf([0.025, 0.975])
    assert share["share"] == 0.3 and share["lower"] == pytest.approx(low) and share["upper"] == pytest.approx(high)


def test_projection_without_time_left_is_the_last_count_times_presence():
    series = mou_frame([("2020-01-01", 0), ("2021-01-01", 10), ("2022-01-01", 20), ("2023-01-01", 30)])
    fit = mou.fit_counts(series, [])
    share = mou.presence_share(50, 100)
    result = mou.project(fit, 30, 0.0, share, target=10, draws=4000, seed=1)
    assert result["mou_mean"] == 30
    assert result["present_mean"] == pytest.approx(15, rel=0.03)
    assert result["probability"] > 0.99


# -- forecasts and their calibration ------------------------------------------------------------------
def test_drift_model_is_last_value_plus_mean_change():
    series = pd.Series([10.0, 12.0, 13.0, 15.0, 16.0, 18.0], index=range(2015, 2021))
    result = forecast.forecast(series, "ARIMA(0,1,0)+drift", 2022)
    changes = np.diff(series.to_numpy())
    maximum_likelihood_sd = math.sqrt(np.mean((changes - changes.mean()) ** 2))  # divides by n, as the MLE does
    assert list(result.years) == [2021, 2022]
    assert result.mean == pytest.approx([18 + 1.6, 18 + 3.2])
    assert result.sd == pytest.approx([maximum_likelihood_sd, maximum_likelihood_sd * math.sqrt(2)])


def test_ols_trend_extends_a_straight_line_exactly():
    series = pd.Series([100.0 + 5 * i for i in range(8)], index=range(2010, 2018))
    result = forecast.forecast(series, "OLS trend", 2020)
    assert result.mean == pytest.approx([140, 145, 150])


def test_forecast_refuses_too_short_or_backward_horizons():
    series = pd.Series([1.0, 2, 3, 4, 5, 6], index=range(2015, 2021))
    with pytest.raises(ValueError, match="not after the last year"):
        forecast.forecast(series, "OLS trend", 2020)
    with pytest.raises(ValueError, match="too few"):
        forecast.forecast(series.iloc[:4], "OLS trend", 2025)


def test_ets_is_flagged_degenerate_when_both_smoothing_parameters_are_below_the_threshold(monkeypatch):
    rng = np.random.default_rng(0)
    series = pd.Series(100 + 5 * np.arange(20) + rng.normal(0, 1, 20), index=range(2000, 2020))
    assert not forecast.forecast(series, "ETS(A,Ad,N)", 2022).degenerate  # fitted smoothing ≈ 0.3
    monkeypatch.setattr(forecast, "DEGENERATE_SMOOTHING", 1.0)
    assert forecast.forecast(series, "ETS(A,Ad,N)", 2022).degenerate


def backtests(rows):
    return pd.DataFrame(rows, columns=["region", "model", "origin", "horizon", "actual", "forecast", "sd", "error"])


def test_calibration_table_bias_spread_and_coverage():
    frame = backtests([("A", "m", 2010, 1, 100, 90, 5, 0.1), ("B", "m", 2010, 1, 100, 110, 5, -0.1),
                       ("C", "m", 2011, 1, 100, 80, 5, 0.2), ("D", "m", 2011, 1, 100, 100, 5, 0.0)])
    row = calibration.calibration_table(frame).iloc[0]
    assert row["mean_error"] == pytest.approx(0.05) and row["mae"] == pytest.approx(0.1)
    assert row["sd"] == pytest.approx(math.sqrt(np.mean(np.square([0.05, -0.15, 0.15, -0.05]))))
    # a model's own 80% band is ±1.28 × 5% = ±6.4%: only the zero error is inside
    assert row["coverage_80_model"] == pytest.approx(0.25)
    assert row["regions"] == 4 and row["forecasts"] == 4


def test_select_model_takes_the_smallest_spread_at_the_nearest_reachable_horizon():
    table = pd.DataFrame([{"model": "a", "horizon": 3, "sd": 0.02}, {"model": "b", "horizon": 3, "sd": 0.03},
                          {"model": "a", "horizon": 5, "sd": 0.06}, {"model": "b", "horizon": 5, "sd": 0.04}])
    assert calibration.select_model(table, 3) == "a"
    assert calibration.select_model(table, 9) == "b"      # beyond the backtest: its longest horizon
    assert calibration.select_model(table, 9, {"b"}) == "a"
    with pytest.raises(ValueError, match="no usable model"):
        calibration.select_model(table, 9, {"a", "b"})


def test_backtest_leaves_out_spans_across_a_declared_break():
    years = range(2000, 2016)
    panel = pd.DataFrame([{"region": region, "year": y, "value": 100.0 + y - 2000 + (y % 3)}
                          for region in ("세종", "서울") for y in years])
    rows = calibration.pooled_backtest(panel, 2000, 2007, 3, breaks=(("세종", 2012),))
    sejong = rows[rows["region"] == "세종"]
    assert not sejong.empty
    # the training span starts in 2000, so any forecast reaching 2012 or later crosses the break
    assert (sejong["origin"] + sejong["horizon"] < 2012).all()
    assert (rows[rows["region"] == "서울"]["origin"] + rows[rows["region"] == "서울"]["horizon"]).max() == 2015


# -- the outside view --------------------------------------------------------------------------------
def test_growth_above_trend_is_measured_against_the_prior_trend():
    # steady +2 a year, then +6 a year from 2010: over 2010–2013 the deviation is 12 above trend
    values = {year: 100 + 2 * (year - 2000) for year in range(2000, 2011)}
    values |= {year: values[2010] + 6 * (year - 2010) for year in range(2011, 2014)}
    panel = pd.DataFrame([{"region": "X", "year": y, "value": float(v)} for y, v in values.items()])
    spans = outside_view.above_trend(panel, window=3, trend_years=5)
    row = spans[spans["start"] == 2010].iloc[0]
    assert row["above_trend"] == pytest.approx(12 / values[2010])
    view = outside_view.outside_view(panel, 0.1, window=3, trend_years=5)
    assert view["spans"] == len(spans) and 0 < view["share_at_least"] < 1


def test_scale_counts_years_at_the_recent_pace():
    series = pd.Series([100.0, 110, 120, 125, 130], index=range(2019, 2024))
    result = outside_view.scale(20, series, recent_years=2)
    assert result["mean_change_all"] == pytest.approx(7.5) and result["mean_change_recent"] == pytest.approx(5)
    assert result["years_recent"] == pytest.approx(4) and result["share_of_latest_level"] == pytest.approx(20 / 130)
    assert outside_view.scale(20, pd.Series([5.0, 4, 3], index=[2020, 2021, 2022]), 2)["years_recent"] == math.inf
