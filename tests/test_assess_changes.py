"""Every decided verdict could have come out otherwise: for each one a context built from the real
tables plus one changed input (a new dated fact, a reference report, a removed link) gives another
status. Contexts are injected (Context(tables=…, pledges=…, stages=…)), never patched; the injected
pledges drop their official series, which no verdict here rests on, so no backtest runs."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.assess import rules
from analysis.assess.context import Context
from analysis.assess.verdict import assess_all, assess_pledge

UNRATED = (rules.UNMEASURABLE, rules.NO_DATA)


def without_series(pledge):
    return pledge.model_copy(update={"measured_by": pledge.measured_by.model_copy(update={"series": ()})})


@pytest.fixture(scope="module")
def base(processed):
    ctx = Context()
    return Context(tables={"facts": ctx.facts_frame()}, pledges={k: without_series(p) for k, p in ctx.pledges.items()})


@pytest.fixture(scope="module")
def today(base):
    return {k: v.status for k, v in assess_all(base, base.defaults).items()}


def new_fact(base, fact_id: str, like: str, day: str, **fields) -> dict:
    """A fact shaped like an existing one, published on `day` (dates it as well)."""
    row = base.fact(like).to_dict()
    stamp = pd.Timestamp(day)
    row.update({"fact_id": fact_id, "source": f"test:{fact_id}", "published_date": stamp, "published_label": day,
                "as_of_date": stamp, "value_date": stamp if row.get("value_kind") == "date" else row["value_date"],
                **fields})
    return row


def changed(base, facts=(), pledges=None, stages=None, references=None) -> Context:
    frame = pd.concat([base.facts_frame(), pd.DataFrame(list(facts))], ignore_index=True)
    return Context(tables={"facts": frame}, pledges={**base.pledges, **(pledges or {})},
                   stages=stages or base.stages, references=references or base.references)


def with_events(base, project: str, *events) -> object:
    """The stage declarations with dated events added to one project."""
    spec = base.stages.projects[project]
    added = spec.model_copy(update={"events": (*spec.events, *(type(spec.events[0])(**e) for e in events))})
    return base.stages.model_copy(update={"projects": {**base.stages.projects, project: added}})


def with_link(base, pledge_id: str, fact_id: str, means: str, component: str | None = None):
    pledge = base.pledges[pledge_id]
    link = type(pledge.evidence[0] if pledge.evidence else pledge.components[0].evidence[0])(
        fact=fact_id, means=means, why="시험용으로 더한 날짜 있는 보도.")
    if component is None:
        return pledge.model_copy(update={"evidence": (*pledge.evidence, link)})
    parts = tuple(c.model_copy(update={"evidence": (*c.evidence, link)}) if c.name == component else c
                  for c in pledge.components)
    return pledge.model_copy(update={"components": parts})


def with_steps(base, project: str, like: str, *steps: tuple[str, str, str]) -> Context:
    """The facility of `project` reaching each (fact id, day, stage) of `steps`, each a new dated fact."""
    facts = [new_fact(base, fact_id, like, day) for fact_id, day, _ in steps]
    stages = with_events(base, project, *({"fact": fact_id, "stage": stage} for fact_id, _, stage in steps))
    return changed(base, facts, stages=stages)


def complex_built(base) -> Context:
    """The future-car national complex designated in 2023 and under construction since 2024."""
    return with_steps(base, "future-car-complex", "green_park-5ddc04", ("test-designation", "2023-06-01", "agreement"),
                      ("test-works", "2024-06-01", "construction"))


def fab_under_construction(base) -> Context:
    return with_steps(base, "gwangju-foundry", "semiconductor-e62d06", ("test-investor", "2027-01-15", "investor_named"),
                      ("test-groundbreaking", "2027-06-01", "construction"))


def many_mous(base) -> Context:
    return changed(base, [new_fact(base, "test-mous", "ai_mou-4a2999", "2026-11-30", value=2600.0)])


def many_jobs_per_firm(base) -> Context:
    facts = [new_fact(base, "test-jobs", "ai_jobs-ded4c5.2", "2026-11-30", value=40000.0),
             new_fact(base, "test-firms", "ai_jobs-ded4c5.1", "2026-11-30", value=200.0)]
    ai_jobs = base.references.ai_jobs
    rates = (*ai_jobs.per_firm, type(ai_jobs.per_firm[0])(label="시험", jobs="test-jobs", firms="test-firms"))
    return changed(base, facts, references=base.references.model_copy(
        update={"ai_jobs": ai_jobs.model_copy(update={"per_firm": rates})}))


def later_link(means: str, pledge_id: str, component: str | None = None):
    def change(base) -> Context:
        fact = new_fact(base, f"test-{means}", "special_zone-ec7d90", "2026-11-30")
        return changed(base, [fact], pledges={pledge_id: with_link(base, pledge_id, fact["fact_id"], means, component)})
    return change


def no_article(pledge_id: str):
    def change(base) -> Context:
        return changed(base, pledges={pledge_id: base.pledges[pledge_id].model_copy(update={"evidence": ()})})
    return change


CHANGES = {
    "jobs-13000": complex_built,
    "future-car-cluster-jobs": complex_built,
    "future-car-special-zone": complex_built,
    "green-smart-park": complex_built,
    "ai-foundry": fab_under_construction,
    "ai-firms-1000": many_mous,
    "ai-jobs-30000": many_jobs_per_firm,
    "ggm-ev-conversion": later_link("setback", "ggm-ev-conversion"),
    "fez-extension": later_link("progress", "fez-extension"),
    "ai-chip-special-zone": later_link("failed", "ai-chip-special-zone", "AI반도체 특화단지 지정"),
    "institute-mous": no_article("institute-mous"),
    "epic-mou": no_article("epic-mou"),
}


def test_every_decided_verdict_has_a_change_that_moves_it(today):
    decided = {p for p, status in today.items() if status not in UNRATED}
    assert decided == set(CHANGES)


@pytest.mark.parametrize("pledge_id", sorted(CHANGES))
def test_one_changed_input_gives_another_status(base, today, pledge_id):
    ctx = CHANGES[pledge_id](base)
    after = assess_pledge(ctx, pledge_id, ctx.defaults)
    assert after.status != today[pledge_id], (pledge_id, after.reason)


def test_an_investor_and_a_groundbreaking_put_the_foundry_on_track(base, today):
    ctx = fab_under_construction(base)
    after = assess_pledge(ctx, "ai-foundry", ctx.defaults)
    assert (today["ai-foundry"], after.status) == (rules.DELAYED, rules.ON_TRACK)
    assert after.chart["reached"] == "construction" and after.decided_by == "stage"


def test_read_as_direct_jobs_the_foundry_cannot_reach_8000(base):
    verdict = assess_pledge(base, "ai-foundry", base.defaults.with_overrides(jobs_reading="direct"))
    assert verdict.status == rules.UNLIKELY and "직접 고용" in verdict.reason


def test_a_candidate_site_is_recorded_as_a_candidate(base):
    chart = assess_pledge(base, "ai-foundry", base.defaults).chart
    assert chart["reached"] == "announced"
    assert {(s["stage"], s["candidate"]) for s in chart["steps"] if s["fact_id"]} >= {("site_secured", True)}


def test_a_sum_is_never_above_its_parts_joint_chance_nor_better_than_its_worst_part(base):
    ctx = complex_built(base)
    verdicts = assess_all(ctx, ctx.defaults)
    whole = verdicts["jobs-13000"]
    assert whole.chart is None or whole.chart["probability"] <= whole.chart["probability_all_parts"] + 1e-12
    parts = [verdicts[p].status for p in ctx.pledges["jobs-13000"].parts]
    assert rules.ORDER.index(whole.status) <= rules.ORDER.index(rules.worst(parts))


def _cluster_chance(ctx) -> dict:
    from analysis.assess.quantitative import delivery_prediction
    from analysis.assess.trace import Traced
    return delivery_prediction(ctx, ctx.pledges["future-car-cluster-jobs"], Traced(ctx.defaults), 2030, None)["result"]


def _revalued(base, values: dict) -> Context:
    frame = base.facts_frame().copy()
    for fact_id, value in values.items():
        frame.loc[frame["fact_id"] == fact_id, "value"] = value
    return Context(tables={"facts": frame}, pledges=base.pledges)


def test_on_the_real_cases_a_recoding_from_1_00_to_0_99_moves_the_chance_by_under_two_points(base):
    exact = _cluster_chance(_revalued(base, {"ai_jobs-ded4c5.2": 1000.0}))["probability"]
    recoded = _cluster_chance(_revalued(base, {"ai_jobs-ded4c5.2": 990.0}))["probability"]
    assert abs(exact - recoded) < 0.02


def test_on_the_real_cases_any_case_ten_times_larger_moves_the_chance_less_than_its_interval(base):
    shown = _cluster_chance(base)
    width = shown["probability_high"] - shown["probability_low"]
    for case in base.references.classes["jobs"].cases:
        facts = [case.promised, *case.delivered]
        ten = _revalued(base, {f: float(base.fact(f)["value"]) * (1 if "percent" in base.fact(f)["unit"] else 10)
                               for f in facts})
        assert abs(_cluster_chance(ten)["probability"] - shown["probability"]) < width, case.id
