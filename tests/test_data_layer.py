"""Manifest hashes, tidy facts, processed-table schemas and cross-file checks."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import paths
from analysis.ingest import fact_fields, fact_terms, facts, manifest, outlets
from analysis.tables import crosscheck, store
from analysis.tables.catalog import catalog, table
from analysis.tables.schemas import SchemaError, validate


def test_every_raw_file_matches_its_manifest_entry():
    assert manifest.check_all() == []


def test_manifest_entries_carry_provenance():
    for entry in manifest.read_manifest().values():
        assert entry.origin and entry.table_id and entry.downloaded and entry.caveats
        assert len(entry.sha256) == 64


def test_facts_become_one_value_per_row():
    table = facts.tidy(paths.FACTS, outlets.read(paths.FACTS.with_name("outlets.csv")))
    split = table[table["fact_id"].str.startswith("pledge-2391c1")]
    assert list(split["value"]) == [5000, 8000, 10]
    assert list(split["unit"]) == ["jobs", "jobs", "trillion KRW"]
    assert split["quote"].nunique() == 1 and split["source_url"].str.startswith("http").all()
    assert table["fact_id"].is_unique
    approx = table[table["value_text"] == "~2"].iloc[0]
    assert approx["value"] == 2 and approx["approximate"]


@pytest.mark.parametrize("text, expected, precision", [
    ("2022-04-05", "2022-04-05", "day"), ("2024-11", "2024-11-15", "month"), ("2020", "2020-07-01", "year"),
    ("2022-Q2", "2022-05-15", "quarter"), ("2024-H2", "2024-10-01", "half"), ("2016/2020-09", "2016-07-01", "period"),
])
def test_fact_dates_in_their_declared_forms(text, expected, precision):
    when = fact_fields.parse_date(text, period=True)
    assert (when.date, when.precision) == (pd.Timestamp(expected), precision)


@pytest.mark.parametrize("text, unit, number, kind", [
    ("1050", "jobs", 1050, "number"), ("-1.63", "percent", -1.63, "number"), ("101+10", "MOUs", 111, "sum"),
    ("40->36", "FTE weekly hours", None, "change"), ("2024-12-26", "law passed", None, "date"),
])
def test_fact_values_in_their_declared_forms(text, unit, number, kind):
    value = fact_fields.parse_value(text, unit)
    assert (value.number, value.kind) == (number, kind)


def test_processed_facts_are_typed(processed):
    """A number where the unit takes one, a date where it takes a date, never an untyped NaN."""
    table = store.load("facts")
    assert table["value"].isna().equals(table["value_kind"].isin(["date", "change"]))
    assert table["value_date"].notna().equals(table["value_kind"] == "date")
    assert table["as_of_date"].notna().all() and table["published_date"].notna().all()
    assert set(table["topic"]) <= set(fact_terms.TOPICS) and set(table["unit"]) <= fact_terms.UNITS
    series = table[(table["topic"] == "ai_mou") & table["unit"].isin(fact_terms.MOU_SERIES.units)]
    assert len(series) >= 15 and series["value"].notna().all()


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
