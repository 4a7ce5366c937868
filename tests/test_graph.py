"""The dependency graph is enforced when data is loaded: a step that reads a table, results file
or raw file it did not declare (config/graph.yaml, the catalog's `inputs:`) fails."""
from __future__ import annotations

import pytest

from analysis import paths
from analysis.assess import results as stored
from analysis.errors import InputError
from analysis.graph.declaration import report_reads, step_reads, table_reads, upstream
from analysis.ingest import manifest
from analysis.reads import UndeclaredRead, reading
from analysis.tables import store

MOLD = report_reads("pledge-mold-institute", "pledge", {"pledge_id": "mold-institute"})


def test_a_report_that_loads_an_undeclared_table_fails(processed):
    with reading(MOLD), pytest.raises(UndeclaredRead, match=r"report/pledge-mold-institute: read table "
                                                            r"'employment_monthly', which config/graph.yaml does not"):
        store.load("employment_monthly")


def test_a_report_that_loads_an_undeclared_result_fails(results):
    with reading(MOLD), pytest.raises(UndeclaredRead, match=r"read result 'forecasts.csv'"):
        stored.load_table("forecasts")


def test_a_table_that_reads_a_raw_file_not_in_its_inputs_fails():
    with reading(table_reads("facts")), pytest.raises(UndeclaredRead, match=r"the catalog's `inputs:`"):
        manifest.verified("kosis/eaps_sido_annual_2000_2023.csv")


def test_declared_reads_load(processed, results):
    with reading(MOLD):
        assert len(store.load("facts")) and stored.load_pledge("mold-institute")["status"]
    with reading(step_reads("results")):
        assert len(store.load("employment_monthly"))


def test_outside_a_step_nothing_is_checked(processed):
    assert len(store.load("employment_monthly"))


def test_a_pledge_reads_its_series_only_when_the_registry_measures_it_by_one():
    jobs = report_reads("pledge-jobs-13000", "pledge", {"pledge_id": "jobs-13000"})
    assert "employment_sido_annual" in jobs.tables and "forecasts.csv" in jobs.results
    assert MOLD.tables == ("facts",) and MOLD.results == ("pledges/mold-institute.json",)


def test_an_assumptions_override_reads_what_the_assessment_reads():
    overridden = report_reads("pledge-x", "pledge", {"pledge_id": "mold-institute", "assumptions": {"seed": 2}})
    assert set(step_reads("results").tables) <= set(overridden.tables)


def test_upstream_of_a_report_lists_the_producers_of_its_inputs():
    steps = [step.step for step in upstream(MOLD)]
    assert "results" in steps and "table/facts" in steps and "table/population_movement_sido_quarterly" not in steps


@pytest.mark.parametrize("old, new, message", [
    ("tables: [facts, employment_sido_annual,", "tables: [facts, employment_anual,",
     r"graph.yaml, line \d+: steps.results: unknown table 'employment_anual'; expected a table of config/catalog"),
    ("      ggm: {results", "      gmm: {results",
     r"graph.yaml, line \d+: reports.pledge.when: unknown condition 'gmm'; expected one of official_series"),
])
def test_a_graph_mistake_names_the_file_line_and_what_was_expected(workspace, old, new, message):
    from analysis.graph.declaration import graph
    declared = paths.CONFIG / "graph.yaml"
    text = declared.read_text(encoding="utf-8")
    assert old in text
    declared.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError, match=message):
        graph()
