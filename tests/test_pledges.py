"""The pledge registry: completeness, quotes against the articles, schema errors."""
from __future__ import annotations

import pytest
import yaml

from analysis import paths
from analysis.ingest import registry as pledges
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
    assert QUALITATIVE <= set(registry)
    assert registry["ai-foundry"].investment_trillion_krw == 10
    assert registry["season2-investment"].deadline == "2030"


def test_relations():
    registry = pledges.read_registry()
    assert registry["jobs-13000"].parts == ("future-car-cluster-jobs", "ai-foundry")
    assert "season2-investment" in registry["future-car-cluster-jobs"].same_programme_as


def test_roles_distinguish_candidate_from_city():
    registry = pledges.read_registry()
    assert registry["jobs-13000"].source.role == "candidate"
    assert registry["season2-investment"].source.role == "city"


@pytest.mark.skipif(not seeds_available(), reason="the articles (../shared/seeds) are not beside the project")
def test_every_quote_is_verbatim_in_its_article():
    for pledge in pledges.read_registry().values():
        text = (paths.SEEDS / pledge.source.file).read_text(encoding="utf-8")
        assert pledge.quote in text, pledge.id


def _registry_with(tmp_path, change):
    document = yaml.safe_load(paths.PLEDGES.read_text(encoding="utf-8"))
    change(document["pledges"][0])
    path = tmp_path / "pledges.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, message", [
    (lambda p: p.pop("quote"), "pledge 'jobs-13000', field 'quote': missing"),
    (lambda p: p.update(metric="vibes"), "field 'metric': 'vibes'"),
    (lambda p: p.update(deadline="soon"), "field 'deadline'"),
    (lambda p: p.update(colour="red"), "field 'colour': unknown field"),
    (lambda p: p["target"].update(value="many"), "field 'target.value'"),
    (lambda p: p["smart"].pop("relevant"), "field 'smart'"),
    (lambda p: p.update(quote="첫 문장이다. 둘째 문장이다."), "more than one sentence"),
    (lambda p: p["target"].update(value=14000), "parts add up to 13000"),
])
def test_malformed_records_name_record_and_field(tmp_path, change, message):
    with pytest.raises(pledges.RegistryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        pledges.read_registry(_registry_with(tmp_path, change))


def test_unknown_pledge_id_lists_valid_ones():
    with pytest.raises(KeyError, match="jobs-13000"):
        pledges.get_pledge("jobs-99999")


def test_evidence_points_at_existing_facts(processed):
    fact_ids = set(processed.load("facts")["fact_id"])
    pledges.check_fact_references(pledges.read_registry(), fact_ids)
    with pytest.raises(pledges.RegistryError, match="not a fact_id"):
        pledges.check_fact_references(pledges.read_registry(), fact_ids - {"special_zone-f8fa17"})
