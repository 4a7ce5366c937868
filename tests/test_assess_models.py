"""The delivery model, the stage model and sums of pledges, each on small inputs with a known answer:
no point mass at the promise, a smooth probability, a deadline that moves it, sizes that do not,
stages that can give 실현 어려움, and a whole never above its parts' joint chance."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.assess import delivery, rules, stage
from analysis.assess.reference import Case

DAY = pd.Timestamp("2020-01-01")


def case(ratio: float, years: float, promised: float = 1000.0, name: str = "c") -> Case:
    counted = DAY + pd.Timedelta(days=round(years * 365.25))
    return Case(name, name, promised, ratio * promised, DAY, counted, counted, ("p", "d"), "direct", "광주광역시", "")


CASES = [case(0.21, 2.2, 7676, "mous"), case(0.75, 4.4, 908, "ggm"), case(1.00, 4.8, 1000, "ai")]


def chance(cases, years=8.7, growth=0.5, overshoot="keep", target=5000.0) -> dict:
    return delivery.predict(delivery.posterior(cases, growth, overshoot), years, target, 1.0)


def test_exact_delivery_is_no_point_mass_a_recoding_from_1_00_to_0_99_moves_under_two_points():
    exact = chance(CASES)["probability"]
    recoded = chance([*CASES[:2], case(0.99, 4.8, 1000, "ai")])["probability"]
    assert abs(exact - recoded) < 0.02
    assert 0 < recoded < exact < 1


def test_a_case_ten_times_larger_changes_the_probability_by_less_than_the_interval_shown():
    shown = chance(CASES)
    for k in range(len(CASES)):
        scaled = [case(c.ratio, c.years, c.promised * (10 if j == k else 1), c.id) for j, c in enumerate(CASES)]
        assert abs(chance(scaled)["probability"] - shown["probability"]) < shown["probability_high"] - shown["probability_low"]


def test_the_interval_of_the_delivered_amount_can_exceed_the_pledge_and_does_not_end_at_it():
    result = chance(CASES)
    assert result["low"] < 5000 < result["high"]
    assert not math.isclose(result["high"], 5000) and not math.isclose(result["low"], 5000)


def test_a_later_deadline_raises_the_chance_when_delivery_grows_with_time():
    assert chance(CASES, years=6.0)["probability"] < chance(CASES, years=10.0)["probability"]
    flat = chance(CASES, growth=0.0)["growth"]
    assert abs(flat) < chance(CASES, growth=1.0)["growth"]


def test_over_delivery_censored_at_the_promise_counts_only_as_at_least_the_promise():
    def with_ai(ratio):
        return [*CASES[:2], case(ratio, 4.8, 1000, "ai")]
    assert chance(with_ai(1.5), overshoot="censor")["probability"] == pytest.approx(
        chance(with_ai(3.0), overshoot="censor")["probability"])
    assert chance(with_ai(1.5))["probability"] < chance(with_ai(3.0))["probability"]


def test_leaving_a_case_out_gives_one_answer_per_case():
    rows = delivery.leave_one_out(CASES, 0.5, "keep", 8.7, 5000, 1.0)
    assert [r["left_out"] for r in rows] == ["mous", "ggm", "ai"]
    assert rows[0]["probability"] > chance(CASES)["probability"] > rows[2]["probability"]


# -- stages -----------------------------------------------------------------------------------------
def spans(**years) -> dict:
    """Reference durations keyed by (from stage, to stage) index, one project each."""
    return {(stage.STAGES.index(a), stage.STAGES.index(b)): [(y, "p")] for (a, b), y in
            ((tuple(k.split("__")), v) for k, v in years.items())}


def test_the_fastest_chain_of_precedents_reaches_operation():
    found = spans(investor_named__construction=0.5, construction__operating=2.0, investor_named__operating=3.0)
    assert stage.remaining(found, stage.STAGES.index("investor_named"), min) == pytest.approx(2.5)
    assert stage.remaining(found, stage.STAGES.index("announced"), min) is None


@pytest.mark.parametrize(("years_left", "expected"), [(4.0, rules.UNLIKELY), (6.5, rules.DELAYED)])
def test_no_investor_named_in_year_4_of_8_can_be_unlikely(years_left, expected):
    found = spans(investor_named__construction=2.0, construction__operating=3.0)
    announced = stage.Step("announced", pd.Timestamp("2022-01-01"), "", False, "")
    today = pd.Timestamp("2026-01-01")
    earliest, _, _ = stage._finish(found, announced, today, min)
    typical, covered, _ = stage._finish(found, announced, today, np.median)
    end = today + pd.Timedelta(days=round(years_left * 365.25))
    assert stage._status(earliest, typical, covered, end) == expected  # no precedent for announced → investor: 지연 at best


def test_a_candidate_does_not_count_as_the_stage_reached():
    steps = [stage.Step("announced", pd.Timestamp("2022-01-01"), "", False, ""),
             stage.Step("site_secured", pd.Timestamp("2025-01-01"), "f", True, "후보지")]
    assert stage.reached(steps).stage == "announced"
    steps.append(stage.Step("investor_named", pd.Timestamp("2025-06-01"), "g", False, ""))
    assert stage.reached(steps).stage == "investor_named"
