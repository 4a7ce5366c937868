"""Verdicts on the real registry and data: each rule of assess/verdict.py, the regressions found in
review (a whole rated better than its parts, an undetectable statistic deciding, a deadline that
moved nothing) and the stored interface the reports read."""
from __future__ import annotations

import math
import os
import re
import subprocess
import sys

import pandas as pd
import pytest

from analysis.assess import forecast, rules, statistic
from analysis.assess.assumptions import defaults
from analysis.assess.context import Context, statistical_spec
from analysis.assess.forecast import MODELS
from analysis.assess.history import history
from analysis.assess.results import load_pledge, load_table, result_files
from analysis.assess.verdict import assess_all, assess_pledge


@pytest.fixture(scope="module")
def ctx(processed):
    return Context()


@pytest.fixture(scope="module")
def verdicts(ctx):
    return assess_all(ctx, ctx.defaults)


def test_every_pledge_gets_a_status_of_the_scale(verdicts, ctx):
    assert set(verdicts) == set(ctx.pledges)
    assert {v.status for v in verdicts.values()} <= {*rules.ORDER, rules.UNMEASURABLE}


def test_a_whole_is_never_better_than_its_parts(verdicts, ctx):
    for pledge_id, verdict in verdicts.items():
        parts = [verdicts[p].status for p in ctx.pledges[pledge_id].parts] + [p[1] for p in verdict.parts]
        if parts:
            assert rules.ORDER.index(verdict.status) <= rules.ORDER.index(rules.worst(parts)), pledge_id


def test_the_13000_sum_is_not_decided_by_an_undetectable_statistic(verdicts, ctx):
    verdict = verdicts["jobs-13000"]
    spec = statistical_spec(ctx.pledges["jobs-13000"])
    measure = statistic.measure(ctx, ctx.pledges["jobs-13000"], spec, ctx.defaults, verdict.deadline)
    assert not measure.decides and measure.power < ctx.defaults.power_threshold
    assert not verdict.method.startswith("statistic")
    # the baseline assumption only moves a statistic that cannot decide: the status stays
    level = assess_all(ctx, ctx.defaults.with_overrides(baseline="level"))["jobs-13000"]
    assert level.status == verdict.status


def test_a_statistic_decides_only_with_enough_power(ctx, verdicts):
    threshold = ctx.defaults.power_threshold
    checked = 0
    for pledge_id, verdict in verdicts.items():
        pledge = ctx.pledges[pledge_id]
        spec = statistical_spec(pledge)
        if spec is None or not pledge.quantitative or pledge.metric != "jobs":
            continue
        measure = statistic.measure(ctx, pledge, spec, ctx.defaults, verdict.deadline)
        assert measure.decides == (measure.power >= threshold), pledge_id
        assert verdict.method.startswith("statistic") == measure.decides, pledge_id
        checked += 1
    assert checked >= 3  # 13,000, 5,000 (manufacturing proxy) and 30,000


@pytest.mark.parametrize("overrides", [
    {"train_start": 2010}, {"train_start": 2015}, {"backtest_first_origin": 2005}, {"selection_horizon": 1},
    *({"model": model} for model in MODELS), {"undated_deadline": 2028}, {"mou_regimes": "single"}])
def test_every_declared_alternative_gives_a_verdict_with_a_dated_reason(ctx, overrides):
    for pledge_id, verdict in assess_all(ctx, ctx.defaults.with_overrides(**overrides)).items():
        assert verdict.status in (*rules.ORDER, rules.UNMEASURABLE), (pledge_id, overrides)
        assert re.search(r"\d{4}", verdict.reason), (pledge_id, verdict.reason)


def test_a_later_undated_deadline_does_not_make_the_cluster_on_track(ctx):
    later = assess_pledge(ctx, "future-car-cluster-jobs", ctx.defaults.with_overrides(undated_deadline=2032))
    assert later.status != rules.ON_TRACK


def test_unmeasurable_and_no_data_say_why(verdicts, ctx):
    for pledge_id, verdict in verdicts.items():
        if verdict.status == rules.UNMEASURABLE:
            assert not ctx.pledges[pledge_id].measurable and "수치도" in verdict.reason
        if verdict.status == rules.NO_DATA and verdict.method == "none":
            searches, day = ctx.searches(pledge_id)
            assert searches >= 1 and day in verdict.reason and "검색어" not in verdict.reason


def test_no_reason_is_the_rule_itself(verdicts):
    rule_texts = {level.rule for level in rules.scale(defaults()).values()}
    for verdict in verdicts.values():
        assert verdict.reason not in rule_texts
        assert f"→ {verdict.status}" in verdict.reason


def test_the_deadline_is_shown_and_marked_when_assumed(verdicts, ctx):
    for pledge_id, verdict in verdicts.items():
        pledge = ctx.pledges[pledge_id]
        assert verdict.deadline_assumed == (not pledge.deadline_year)
        assert verdict.deadline == (pledge.deadline_year or ctx.defaults.undated_deadline)


def test_a_degenerate_ets_fit_is_never_selected(processed, monkeypatch):
    monkeypatch.setattr(forecast, "DEGENERATE_SMOOTHING", 1.0)  # every ETS fit counts as degenerate
    fresh = Context()
    pledge = fresh.pledges["jobs-13000"]
    for model in ("selected", "ETS(A,Ad,N)"):
        a = fresh.defaults.with_overrides(model=model)
        measure = statistic.measure(fresh, pledge, statistical_spec(pledge), a, 2030)
        assert "ETS(A,Ad,N)" in measure.refused
        if model == "selected":
            assert measure.model != "ETS(A,Ad,N)"


def test_history_ends_at_todays_status(ctx, verdicts):
    frame = history(ctx, ctx.defaults, verdicts)
    last = frame.groupby("pledge_id").tail(1).set_index("pledge_id")["status"]
    for pledge_id, status in last.items():
        assert status == verdicts[pledge_id].status, pledge_id
    assert frame.groupby("pledge_id")["date"].apply(lambda days: days.is_monotonic_increasing).all()


def test_stored_interface_columns(results):
    statuses = load_table("statuses")
    assert {"pledge_id", "status", "deadline", "deadline_assumed", "robustness", "power", "reason_ko", "as_of",
            "checked", "flips", "decided_by", "deciding_label", "deciding_value", "deciding_low", "deciding_high",
            "deciding_level", "deciding_unit", "deciding_target", "scenarios_entering", "scenarios_differing",
            "context_only"} <= set(statuses.columns)
    sensitivity = load_table("sensitivity")
    assert {"pledge_id", "scenario", "status"} <= set(sensitivity.columns)
    assert (sensitivity.groupby("pledge_id")["scenario"].first() == "기본값").all()
    calibration = load_table("calibration")
    assert {"panel", "model", "horizon", "mean_error", "mae", "rmse", "sd", "coverage_80_model"} <= set(calibration.columns)
    assert set(statuses["robustness"]) <= {"stable", "fragile", "not_applicable"}


def test_robustness_counts_only_the_scenarios_that_enter_the_verdict(results):
    statuses = load_table("statuses").set_index("pledge_id")
    grid = load_table("sensitivity")
    for pledge_id, group in grid.groupby("pledge_id"):
        row = statuses.loc[pledge_id]
        entering = group[group["scenario"] != "기본값"]
        assert row["scenarios_entering"] == len(entering)
        assert row["scenarios_differing"] == (entering["status"] != row["status"]).sum()
        flips = row["flips"]
        assert (isinstance(flips, float) and math.isnan(flips)) == (row["scenarios_differing"] == 0)
        if row["status"] in (rules.UNMEASURABLE, rules.NO_DATA) or row["scenarios_entering"] == 0:
            assert row["robustness"] == "not_applicable", pledge_id


@pytest.mark.slow
def test_the_assessment_is_deterministic(results, workspace):
    """A separate process with another PYTHONHASHSEED writes byte-identical results: hash order,
    set order and random draws cannot move a verdict."""
    stored = {path.relative_to(workspace): path.read_bytes() for path in result_files()}
    for path in result_files():
        path.unlink()
    env = {**os.environ, "PYTHONHASHSEED": "20261201", "GWANGJU_WORKSPACE": str(workspace)}
    subprocess.run([sys.executable, "-m", "analysis", "results"], env=env, check=True, capture_output=True)
    again = {path.relative_to(workspace): path.read_bytes() for path in result_files()}
    assert [name for name in stored if again.get(name) != stored[name]] == []


def test_the_first_history_row_uses_only_facts_published_by_then(ctx, verdicts):
    frame = history(ctx, ctx.defaults, verdicts)
    for pledge_id, rows in frame.groupby("pledge_id", sort=False):
        day = pd.Timestamp(rows.iloc[0]["date"])
        first = assess_pledge(ctx, pledge_id, ctx.defaults, as_of=day)
        assert all(ctx.fact(f)["published_date"] <= day for f in first.facts), pledge_id
        cited = re.findall(r"(\d{4}-\d{2}-\d{2})까지 찾은", first.reason)
        assert all(pd.Timestamp(c) <= day for c in cited), (pledge_id, first.reason)


def test_the_history_lists_every_update_and_dates_a_change_on_its_cause(ctx, verdicts):
    frame = history(ctx, ctx.defaults, verdicts)
    for pledge_id, rows in frame.groupby("pledge_id", sort=False):
        published = {f for f in verdicts[pledge_id].facts
                     if ctx.fact(f)["published_date"] >= pd.Timestamp(ctx.pledges[pledge_id].source_info.date)}
        assert published <= set(rows["fact_id"].dropna()), pledge_id
        assert (rows.groupby("date")["status_changed"].sum() <= 1).all(), pledge_id
        assert list(rows["date"]) == sorted(rows["date"])
    cluster = frame[(frame["pledge_id"] == "future-car-cluster-jobs") & frame["status_changed"]]
    assert cluster.iloc[-1]["kind"] == "time"  # the lead time ran out: dated on that day, not on the next report


def test_a_past_day_uses_the_mou_regimes_and_presence_known_then(ctx):
    first = assess_pledge(ctx, "ai-firms-1000", ctx.defaults, as_of=pd.Timestamp("2022-04-05"))
    assert first.deciding.value > 200  # the fit of that day, not a future regime's zero rate
    assert first.held  # no presence report published yet: today's, said so


def test_no_interval_ends_exactly_at_its_pledge(results):
    statuses = load_table("statuses")
    counted = statuses[statuses["deciding_unit"].isin(["명", "개"])]
    for row in counted.itertuples():
        assert not math.isclose(row.deciding_high, row.deciding_target), row.pledge_id
        assert not math.isclose(row.deciding_low, row.deciding_target), row.pledge_id
    for pledge_id in statuses["pledge_id"]:
        chart = load_pledge(pledge_id)["chart"] or {}
        if chart.get("kind") in ("delivery", "ai_jobs", "mou") and chart.get("high") is not None:
            assert not math.isclose(chart["high"], chart["target"]), pledge_id


def test_every_robustness_figure_names_its_scenario_count(results):
    statuses = load_table("statuses")
    assert statuses["scenarios_entering"].notna().all() and statuses["scenarios_differing"].notna().all()
    rated = statuses[statuses["robustness"] != "not_applicable"]
    assert (rated["scenarios_entering"] > 0).all()


def test_every_rated_jobs_verdict_says_whether_it_judges_direct_or_induced_jobs(verdicts, ctx):
    for pledge_id, verdict in verdicts.items():
        if ctx.pledges[pledge_id].metric == "jobs" and verdict.decided_by in ("delivery", "stage", "ai_jobs", "parts"):
            assert set(verdict.jobs_kind.split("+")) <= {"direct", "induced"} and verdict.jobs_kind, pledge_id
            assert "직접 고용" in verdict.reason or "유발 고용" in verdict.reason, pledge_id
