"""Manifest hashes, tidy facts, processed-table schemas and cross-file checks."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import paths
from analysis.ingest import facts, manifest
from analysis.tables import crosscheck, store
from analysis.tables.catalog import catalog, table
from analysis.tables.schemas import SchemaError, validate

EAPS_ANNUAL = table("employment_sido_annual").inputs[0]


def test_every_raw_file_matches_its_manifest_entry():
    assert manifest.check_all() == []


def test_manifest_entries_carry_provenance():
    for entry in manifest.read_manifest().values():
        assert entry.origin and entry.table_id and entry.downloaded and entry.caveats
        assert len(entry.sha256) == 64


def test_a_raw_file_edited_after_hashing_stops_the_build(workspace):
    edited = paths.RAW / EAPS_ANNUAL
    edited.write_text(edited.read_text(encoding="utf-8").replace("1280", "1281", 1), encoding="utf-8")
    with pytest.raises(manifest.ManifestError, match=r"eaps_sido_annual_2000_2023\.csv: content changed"):
        manifest.verified(EAPS_ANNUAL)


def test_manifest_missing_field_names_entry_and_field(tmp_path):
    bad = tmp_path / "manifest.yaml"
    bad.write_text("files:\n  - path: kosis/x.csv\n    sha256: abc\n", encoding="utf-8")
    with pytest.raises(manifest.ManifestError, match=r"manifest.yaml, line 3: files.0.sha256: Value error, 'abc' is not a sha256"):
        manifest.read_manifest(bad)
    bad.write_text("files:\n  - path: kosis/x.csv\n    sha256: " + "a" * 64 + "\n", encoding="utf-8")
    with pytest.raises(manifest.ManifestError, match=r"line 2: files.0.title: Field required"):
        manifest.read_manifest(bad)
    bad.write_text(paths.MANIFEST.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    with pytest.raises(manifest.ManifestError, match=r"unknown key 'titel' at files.0.titel; expected one of path, "):
        manifest.read_manifest(bad)


def test_facts_become_one_value_per_row():
    table = facts.tidy(paths.FACTS)
    split = table[table["fact_id"].str.startswith("pledge-2391c1")]
    assert list(split["value"]) == [5000, 8000, 10]
    assert list(split["unit"]) == ["jobs", "jobs", "trillion KRW"]
    assert split["quote"].nunique() == 1 and split["source_url"].str.startswith("http").all()
    assert table["fact_id"].is_unique
    approx = table[table["value_text"] == "~2"].iloc[0]
    assert approx["value"] == 2 and approx["approximate"]


@pytest.mark.parametrize("text, expected", [
    ("2022-04-05", "2022-04-05"), ("2024-11 (244 count)", "2024-11-15"), ("2020 (BoK table)", "2020-07-01"),
    ("2022-Q2 / 2022-10", "2022-05-15"), ("c. 2024-H2", "2024-10-01"),
])
def test_fact_dates(text, expected):
    assert facts.parse_date(text) == pd.Timestamp(expected)


FACT = {"topic": "pledge", "claim_en": "x", "claim_ko": "한 줄", "value": "1", "unit": "jobs", "as_of": "2022",
        "source_url": "https://a.b/c", "published": "2022-04-05", "outlet": "매체", "quote": "인용"}


def _facts_file(tmp_path, *changes: dict):
    path = tmp_path / "facts.csv"
    rows = [",".join(facts.COLUMNS)] + [",".join({**FACT, **change}[c] for c in facts.COLUMNS) for change in changes]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("change, message", [
    ({"value": "1;2", "unit": "jobs;jobs;KRW"}, "line 2: 2 values"),
    ({"published": "2022-13-01"}, r"line 2: field 'published': month 13 in '2022-13-01' does not exist"),
    ({"published": "2022-02-99"}, r"line 2: field 'published': day 99 in '2022-02-99' does not exist"),
    ({"outlet": ""}, "line 2: field 'outlet' is empty"),
    ({"source_url": "not a url"}, "line 2: source_url is not a URL"),
])
def test_malformed_facts_name_the_line_and_value(tmp_path, change, message):
    with pytest.raises(facts.FactsError, match=message):
        facts.tidy(_facts_file(tmp_path, change))


def test_a_duplicated_fact_names_both_lines(tmp_path):
    with pytest.raises(facts.FactsError, match="lines 2 and 3"):
        facts.tidy(_facts_file(tmp_path, {}, {}))


def test_schema_rejects_bad_tables(processed):
    good = store.load("employment_monthly")
    declared = table("employment_monthly")
    validate(good, declared)
    with pytest.raises(SchemaError, match="employment_monthly: column 'region', row 0: value '서울'"):
        validate(good.assign(region=["서울"] + list(good["region"][1:])), declared)
    with pytest.raises(SchemaError, match=r"column 'value', row 1: value -1\.0"):
        validate(good.assign(value=[good["value"][0], -1.0] + list(good["value"][2:])), declared)
    with pytest.raises(SchemaError, match=r"duplicate key \['region', 'month', 'item'\] in rows \[0, 1\]"):
        validate(pd.concat([good.iloc[:1], good.iloc[:1], good.iloc[2:]], ignore_index=True), declared)
    with pytest.raises(SchemaError, match="columns"):
        validate(good.drop(columns="unit"), declared)


def test_processed_tables_meet_their_schemas(processed):
    for name, declared in catalog().items():
        validate(store.load(name), declared)


def test_derived_employment_is_flagged(processed):
    annual = store.load("employment_sido_annual")
    employed = annual[(annual["item"] == "취업자") & (annual["region"] == "광주광역시")].set_index("year")
    assert employed.loc[2010, "derived"] and not employed.loc[2015, "derived"]
    assert "× 고용률" in employed.loc[2010, "source"]
    assert employed.loc[2025, "value"] == 776


def test_cross_file_checks_pass(processed):
    results = crosscheck.run()
    assert results["passed"].all(), results.to_string()
