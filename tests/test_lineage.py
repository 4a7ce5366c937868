"""Whose promise a pledge is and who owes it now, computed from dated events and succession."""
from __future__ import annotations

import pytest

from analysis.ingest.lineage import Actor, Event, accountability, check

ACTORS = {
    "candidate": Actor(kind="candidate", name="이용섭 (예비후보)", end="2022-04-26", basis=("election-a",)),
    "city-lee": Actor(kind="government", name="광주광역시 (시장 이용섭)", body="광주광역시", end="2022-06-30",
                      basis=("pledge-a",)),
    "city-kang": Actor(kind="government", name="광주광역시 (시장 강기정)", body="광주광역시", start="2022-07-01",
                       end="2026-06-30", succeeds=("city-lee",), succession="same_body", basis=("election-b",)),
    "merged": Actor(kind="government", name="전남광주특별시", body="전남광주특별시", start="2026-07-01",
                    succeeds=("city-kang",), succession="merger", basis=("merger-a",)),
}
TODAY = "2026-12-01"


def event(date, kind, by="city-kang", fact="fact-x"):
    return Event(date=date, event=kind, by=by, fact=fact, note="무엇을 했는지")


def test_a_candidate_pledge_nobody_adopted_is_owed_by_nobody_and_says_the_candidate_lost():
    lineage = accountability(ACTORS, "candidate", "2022-04-05", (), TODAY)
    assert lineage.state == "not_adopted" and lineage.holder is None
    assert [s.cause for s in lineage.steps] == ["made", "candidate_lost"]


def test_an_adopted_candidate_pledge_passes_to_the_merged_city():
    lineage = accountability(ACTORS, "candidate", "2022-04-05", (event("2023-03-15", "adopted"),), TODAY)
    assert lineage.holder == "merged" and lineage.state == "held"
    assert [s.cause for s in lineage.steps] == ["made", "candidate_lost", "adopted", "succession"]
    assert lineage.last_act.cause == "adopted"


def test_a_city_programme_passes_from_mayor_to_mayor_to_the_merged_city_unless_dropped():
    kept = accountability(ACTORS, "city-lee", "2022-02-10", (), TODAY)
    assert [(s.holder, s.cause) for s in kept.steps] == [
        ("city-lee", "made"), ("city-kang", "succession"), ("merged", "succession")]
    dropped = accountability(ACTORS, "city-lee", "2022-02-10", (event("2024-01-05", "dropped"),), TODAY)
    assert dropped.state == "dropped" and dropped.holder is None
    assert dropped.steps[-1].cause == "dropped"  # nothing passes to the merged city


def test_a_day_before_the_merger_the_holder_is_the_old_city():
    assert accountability(ACTORS, "city-lee", "2022-02-10", (), "2026-06-30").holder == "city-kang"
    assert accountability(ACTORS, "city-lee", "2022-02-10", (), "2026-07-01").holder == "merged"


def test_promises_and_similar_pledges_are_shown_but_oblige_nobody():
    words = (event("2022-04-26", "promised", by="candidate"), event("2022-05-01", "similar", by="candidate"))
    lineage = accountability(ACTORS, "candidate", "2022-04-05", words, TODAY)
    assert lineage.state == "not_adopted" and len(lineage.spoken) == 2


@pytest.mark.parametrize(("made_by", "events", "problem"), [
    ("nobody", (), "made_by 'nobody' is not an actor"),
    ("candidate", (event("2023-01-01", "adopted", by="ghost"),), "'ghost' is not an actor"),
    ("candidate", (event("2023-01-01", "adopted", by="candidate"),), "only a government"),
    ("candidate", (event("2024-01-01", "adopted"), event("2023-01-01", "changed")), "not in date order"),
])
def test_a_lineage_that_cannot_be_followed_is_refused(made_by, events, problem):
    assert any(problem in p for p in check(ACTORS, made_by, events))
