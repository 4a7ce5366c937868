"""The assessment: a status with evidence for every pledge, deterministic, gross kept apart from net."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.assess import rules as status, verdict as feasibility
from analysis.ingest import registry as pledges
from analysis.assess.assumptions import DEFAULT


@pytest.fixture(scope="module")
def assessment(processed):
    return feasibility.assess()


def test_every_pledge_has_a_status_from_the_scale(assessment):
    assert set(assessment.statuses["pledge_id"]) == set(pledges.read_registry())
    assert set(assessment.statuses["status"]) <= set(status.SCALE)


def test_no_status_without_evidence(assessment):
    decided = assessment.statuses[assessment.statuses["status"] != status.UNKNOWN]
    assert decided["evidence"].str.len().gt(0).all()


def test_rebuilding_gives_the_same_numbers(assessment):
    again = feasibility.assess()
    pd.testing.assert_frame_equal(assessment.results, again.results)
    pd.testing.assert_frame_equal(assessment.statuses, again.statuses)


def test_job_pledges_have_forecasts_with_intervals_and_a_backtest(assessment):
    rows = assessment.results[assessment.results["pledge_id"] == "jobs-13000"]
    forecasts = rows[rows["key"] == "forecast"]
    assert len(forecasts) == 3 and (forecasts["lower"] < forecasts["value"]).all()
    assert (forecasts["value"] < forecasts["upper"]).all()
    assert rows["key"].isin(["backtest_mae", "outside_view", "target_level", "track_record"]).sum() == 4
    backtests = assessment.backtests[assessment.backtests["series"] == "취업자 (광주광역시)"]
    assert backtests["selected"].sum() == 1 and backtests["coverage_80"].between(0, 1).all()


def test_net_change_is_never_called_jobs_created(assessment):
    rows = assessment.results[assessment.results["key"] == "target_level"]
    assert rows["note"].str.contains("순증 점검").all() and rows["note"].str.contains("총 창출").all()


def test_proxy_series_cannot_make_a_pledge_achieved(assessment):
    row = assessment.statuses.set_index("pledge_id").loc["future-car-cluster-jobs"]
    assert row["status"] != status.ACHIEVED


def test_undated_pledge_uses_the_named_assumption(assessment):
    row = assessment.statuses.set_index("pledge_id").loc["jobs-13000"]
    assert row["deadline"] == DEFAULT.undated_deadline


def test_investment_per_job_compares_with_direct_and_induced(assessment):
    table = assessment.investment
    assert {"direct", "induced"} <= set(table["covers"])
    ratio = assessment.results[(assessment.results["pledge_id"] == "ai-foundry")
                               & (assessment.results["key"] == "jobs_per_trillion")]["value"].iloc[0]
    assert ratio == 800


def test_mou_projection_discounts_by_presence(assessment):
    rows = assessment.results[assessment.results["pledge_id"] == "ai-firms-1000"].set_index("key")
    assert rows.loc["present_firms", "value"] < rows.loc["mou_trend", "value"]
    assert 0.40 < rows.loc["presence_share", "value"] < 0.5


def test_changing_an_assumption_can_move_a_verdict(processed):
    level = feasibility.assess(DEFAULT.with_overrides(baseline="level"))
    row = level.results[(level.results["pledge_id"] == "jobs-13000") & (level.results["key"] == "target_level")]
    assert "2021년 수준" in row["method"].iloc[0]


def test_missing_evidence_gives_not_enough_data(assessment):
    row = assessment.statuses.set_index("pledge_id").loc["mold-institute"]
    assert row["status"] == status.UNKNOWN
