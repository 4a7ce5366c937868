"""Manifest hashes, tidy facts, processed-table schemas and cross-file checks."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from analysis import crosscheck, facts, manifest, paths, pipeline
from analysis.schema import Column, Schema, SchemaError, validate


def test_every_raw_file_matches_its_manifest_entry():
    assert manifest.check_all() == []


def test_manifest_entries_carry_provenance():
    for entry in manifest.load().values():
        assert entry.origin and entry.table_id and entry.downloaded and entry.caveats
        assert len(entry.sha256) == 64


def test_a_raw_file_edited_after_hashing_stops_the_build(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    shutil.copytree(paths.RAW, raw)
    monkeypatch.setattr(paths, "RAW", raw)
    edited = raw / pipeline.EAPS_ANNUAL
    edited.write_text(edited.read_text(encoding="utf-8").replace("1280", "1281", 1), encoding="utf-8")
    with pytest.raises(manifest.ManifestError, match="eaps_sido_annual_2000_2023.csv: content changed"):
        manifest.verified(pipeline.EAPS_ANNUAL)


def test_manifest_missing_field_names_entry_and_field(tmp_path):
    bad = tmp_path / "manifest.yaml"
    bad.write_text("files:\n  - path: kosis/x.csv\n    sha256: abc\n", encoding="utf-8")
    with pytest.raises(manifest.ManifestError, match="kosis/x.csv lacks title"):
        manifest.load(bad)


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


def test_facts_with_mismatched_values_and_units_are_refused(tmp_path):
    path = tmp_path / "facts.csv"
    path.write_text(",".join(facts.COLUMNS) + "\npledge,x,1;2,jobs;jobs;KRW,2022,https://a.b,2022,q\n", encoding="utf-8")
    with pytest.raises(facts.FactsError, match="line 2: 2 values"):
        facts.tidy(path)


def test_schema_rejects_bad_tables():
    schema = Schema({"region": Column("str", "r", allowed=("광주광역시",)), "value": Column("float", "v", minimum=0)},
                    key=("region",))
    validate(pd.DataFrame({"region": ["광주광역시"], "value": [1.0]}), schema, "t")
    with pytest.raises(SchemaError, match="'서울' not allowed"):
        validate(pd.DataFrame({"region": ["서울"], "value": [1.0]}), schema, "t")
    with pytest.raises(SchemaError, match="outside the range"):
        validate(pd.DataFrame({"region": ["광주광역시"], "value": [-1.0]}), schema, "t")
    with pytest.raises(SchemaError, match="duplicate key"):
        validate(pd.DataFrame({"region": ["광주광역시"] * 2, "value": [1.0, 2.0]}), schema, "t")
    with pytest.raises(SchemaError, match="columns"):
        validate(pd.DataFrame({"value": [1.0]}), schema, "t")


def test_processed_tables_meet_their_schemas(processed):
    for name, table in pipeline.TABLES.items():
        validate(pipeline.load(name), table.schema, name)


def test_derived_employment_is_flagged(processed):
    table = pipeline.load("employment_sido_annual")
    employed = table[(table["item"] == pipeline.EMPLOYED) & (table["region"] == "광주광역시")].set_index("year")
    assert employed.loc[2010, "derived"] and not employed.loc[2015, "derived"]
    assert "× 고용률" in employed.loc[2010, "source"]
    assert employed.loc[2025, "value"] == 776


def test_cross_file_checks_pass(processed):
    results = crosscheck.run()
    assert results["passed"].all(), results.to_string()


def test_makefile_rules_come_from_the_declarations(processed):
    from analysis.makegen import render
    rules = render()
    for table in pipeline.TABLES.values():
        assert f"data/processed/{table.name}.csv:" in rules
        for raw in table.inputs:
            assert f"data/raw/{raw}" in rules
    assert "reports/pledge-jobs-13000.html: notebooks/pledge.ipynb build/params/pledge-jobs-13000.json" in rules
