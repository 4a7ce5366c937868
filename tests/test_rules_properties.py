"""Properties of the status rules (assess/rules.py, assess/evidence.py) over generated inputs:
monotone in probability, a whole never better than its parts, and evidence order independence."""
from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from analysis.assess import evidence, rules
from analysis.assess.assumptions import defaults

RATED = st.sampled_from(rules.ORDER)
ANY_STATUS = st.sampled_from((*rules.ORDER, rules.UNMEASURABLE))
PROBABILITY = st.floats(min_value=0, max_value=1, allow_nan=False)


def rank(status: str) -> int:
    return rules.ORDER.index(status)


@given(PROBABILITY, PROBABILITY)
def test_a_higher_probability_never_gives_a_worse_status(p, q):
    low, high = sorted((p, q))
    a = defaults()
    assert rank(rules.from_probability(low, a)) <= rank(rules.from_probability(high, a))


@given(st.floats(min_value=0.01, max_value=0.5, exclude_max=True), st.floats(min_value=0.5, max_value=0.99), PROBABILITY,
       PROBABILITY)
def test_monotone_under_any_thresholds(unlikely, on_track, p, q):
    a = defaults().with_overrides(unlikely_probability=unlikely, on_track_probability=on_track)
    low, high = sorted((p, q))
    assert rank(rules.from_probability(low, a)) <= rank(rules.from_probability(high, a))


@given(st.lists(ANY_STATUS, min_size=1))
def test_a_whole_is_never_better_than_any_of_its_parts(parts):
    whole = rules.worst(parts)
    rated = [part for part in parts if part != rules.UNMEASURABLE]
    if rated:
        assert all(rank(whole) <= rank(part) for part in rated)
    else:
        assert whole == rules.UNMEASURABLE


@given(RATED, RATED)
def test_a_cap_is_never_exceeded(status, ceiling):
    capped = rules.cap(status, ceiling)
    assert rank(capped) <= rank(ceiling) and rank(capped) <= rank(status)


LINK = st.builds(
    lambda means, day, due, k: evidence.Link(means, "why", f"fact-{k}", pd.Timestamp("2022-01-01") + pd.Timedelta(days=day),
                                             due, "claim", "outlet", str(day)),
    st.sampled_from((*rules.DECISIVE, "context")), st.integers(0, 6), st.none() | st.integers(2025, 2035),
    st.integers(0, 10**6))


@given(st.lists(LINK, max_size=8, unique_by=lambda link: link.fact_id), st.randoms(use_true_random=False))
def test_the_order_evidence_is_listed_in_does_not_change_the_status(links, random):
    shuffled = list(links)
    random.shuffle(shuffled)
    first, second = evidence.status_of(links, 2030), evidence.status_of(shuffled, 2030)
    assert first.status == second.status
    assert (first.deciding and first.deciding.fact_id) == (second.deciding and second.deciding.fact_id)
