"""The pledge registry: completeness, quotes against the articles (its schema errors are in the
bad-input catalogue, tests/test_bad_input.py)."""
from __future__ import annotations

import pytest

from analysis.ingest import registry as pledges
from analysis.ingest import registry_checks
from tests.conftest import seeds_available

REQUIRED = {
    "jobs-13000": 13000, "future-car-cluster-jobs": 5000, "ai-foundry": 8000, "ai-firms-1000": 1000,
    "ai-jobs-30000": 30000, "season2-investment": 7, "parts-firms-100": 100,
}
QUALITATIVE = {"medical-cluster", "mold-institute", "fez-extension", "ggm-ev-conversion", "three-plus-three"}


def test_registry_holds_every_required_pledge():
    registry = pledges.read_registry()
    for pledge_id, target in REQUIRED.items():
        assert registry[pledge_id].target_value == target
    assert set(registry) >= QUALITATIVE
    assert registry["ai-foundry"].investment_trillion_krw == 10
    assert registry["season2-investment"].deadline == "2030"


def test_relations():
    registry = pledges.read_registry()
    assert registry["jobs-13000"].parts == ("future-car-cluster-jobs", "ai-foundry")
    assert "season2-investment" in registry["future-car-cluster-jobs"].same_programme_as


def test_roles_distinguish_candidate_from_city():
    registry = pledges.read_registry()
    assert registry["jobs-13000"].source_info.role == "candidate"
    assert registry["season2-investment"].source_info.role == "city"


@pytest.mark.skipif(not seeds_available(), reason="the articles (../shared/seeds) are not beside the project")
def test_every_quote_is_verbatim_in_its_article():
    assert registry_checks.check_quotes(pledges.read_registry()) == []


def test_a_quote_not_in_its_article_is_named_when_the_articles_are_present(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    registry = pledges.read_registry()
    for source in {p.source_info.file for p in registry.values()}:
        (seeds / source).write_text("기사 본문이 바뀌었다", encoding="utf-8")
    wrong = registry_checks.check_quotes(registry, seeds)
    assert len(wrong) == len(registry) and wrong[0].startswith("jobs-13000: quote not found verbatim in 000_")
    assert registry_checks.check_quotes(registry, tmp_path / "absent") == []


def test_unknown_pledge_id_lists_valid_ones():
    with pytest.raises(KeyError, match="jobs-13000"):
        pledges.get_pledge("jobs-99999")


@pytest.mark.parametrize("cited", [
    lambda p: p["ai-chip-special-zone"].components[0].evidence[1].fact,  # an evidence link
    lambda p: p["ai-firms-1000"].lineage[0].fact,  # a lineage event
    lambda p: p["jobs-13000"].actors_record["jeonnam-gwangju"].basis[0],  # what dates an actor
    lambda p: p["jobs-13000"].source_info.same_event_fact,  # the pledge article's clickable report
])
def test_every_fact_the_registry_cites_exists(processed, cited):
    fact_ids = set(processed.load("facts")["fact_id"])
    registry = pledges.read_registry()
    registry_checks.check_fact_references(registry, fact_ids)
    with pytest.raises(pledges.RegistryError, match="not a fact_id"):
        registry_checks.check_fact_references(registry, fact_ids - {cited(registry)})


def test_the_evidence_review_table_is_current(processed):
    """docs/evidence-review.md is generated from the registry: regenerate it with `python -m analysis review`."""
    from analysis.report import review
    assert review.PATH.read_text(encoding="utf-8") == review.render(), "run `python -m analysis review`"
    text = review.PATH.read_text(encoding="utf-8")
    for pledge in pledges.read_registry().values():
        assert f"(`{pledge.id}`)" in text
        assert all(f"(`{item.fact}`)" in text for _, item in pledge.all_evidence() if item.fact)


def test_every_pledge_has_decisive_evidence_or_a_documented_search(processed):
    """No silent gaps: a pledge with no decisive dated fact has at least five distinct logged queries."""
    from analysis.assess import rules
    from analysis.assess.context import Context
    ctx = Context()
    assert list(ctx.search_log.columns) == ["date", "corpus", "query", "pledge_id", "found"]
    for pledge in ctx.pledges.values():
        decisive = [item for _, item in pledge.all_evidence() if item.means in rules.DECISIVE]
        assert decisive or ctx.searches(pledge.id)[0] >= 5, pledge.id
