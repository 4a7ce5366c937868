"""config/graph.yaml read strictly and resolved into each step's `Reads`.

The catalog says which raw files feed each table; graph.yaml says which tables, raw files, results
and configuration the checks, the assessment, the index and each kind of report read. Special
table names resolve against the catalog and registry: `all`, `show_in_region_report` (the
catalog's flag) and `measured_series` (the tables of a pledge's official series).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .. import paths
from ..assess.ledger import in_ledger
from ..ingest import yamlfile
from ..ingest.registry import Pledge, registry
from ..reads import Reads
from ..tables.catalog import catalog

ANY_TABLES = ("all", "show_in_region_report", "measured_series")
# A name make can use as a target or prerequisite and a shell recipe can quote.
SAFE_NAME = re.compile(r"[\w.()+,/-]+")
SAFE_EXPECTED = "letters, digits and - _ . ( ) + , / only (no space or shell or make character)"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StepReads(_Strict):
    tables: list[str] | Literal["all"] = []
    raw: list[str] = []
    results: list[str] = []
    config: list[str] = []
    code: list[str] = []


class KindReads(StepReads):
    when: dict[str, StepReads] = {}


class GraphFile(_Strict):
    steps: dict[Literal["table", "checks", "results", "index"], StepReads]
    reports: dict[str, KindReads]


# The conditions `reports.pledge.when` may name: what the registry records of a pledge.
CONDITIONS: dict[str, Callable[[Pledge], bool]] = {
    "official_series": lambda pledge: bool(_series_tables(pledge)),
    "ai_mou": lambda pledge: "ai_mou" in pledge.measured_facts,
    "investment": lambda pledge: pledge.investment is not None,
    "ggm": lambda pledge: "ggm" in pledge.measured_facts,
    "ledger": in_ledger,
}


def _series_tables(pledge: Pledge) -> list[str]:
    return [spec["table"] for spec in pledge.measured_series if spec["table"] in catalog()]


def check_name(file, what: str, name: str, line: int | None = None) -> str:
    """Refuse a file or table name that would break the generated make rules."""
    if not SAFE_NAME.fullmatch(name) or ".." in name.split("/"):
        raise yamlfile.ConfigError.at(file, f"{what} {name!r} cannot be used in make rules", line=line,
                                      expected=SAFE_EXPECTED)
    return name


def _check(path, document: GraphFile, lines: dict) -> None:
    tables = catalog()
    for section, entries in (("steps", document.steps), ("reports", document.reports)):
        for name, declared in entries.items():
            for part in (declared, *getattr(declared, "when", {}).values()):
                for table in () if part.tables == "all" else part.tables:
                    if table not in tables and table not in ANY_TABLES:
                        raise yamlfile.ConfigError.at(path, f"{section}.{name}: unknown table {table!r}",
                                                      line=yamlfile.line_of(lines, (section, name, "tables")),
                                                      expected=f"a table of config/catalog.yaml or one of {ANY_TABLES}")
                for raw in part.raw:
                    check_name(path, f"{section}.{name}: raw file", raw, yamlfile.line_of(lines, (section, name)))
            unknown = set(getattr(declared, "when", {})) - set(CONDITIONS)
            if unknown:
                raise yamlfile.ConfigError.at(path, f"reports.{name}.when: unknown condition {sorted(unknown)[0]!r}",
                                              line=yamlfile.line_of(lines, (section, name, "when")),
                                              expected=f"one of {', '.join(CONDITIONS)}")
    for name in tables:
        check_name(paths.CATALOG, "table", name)
        for raw in tables[name].inputs:
            check_name(paths.CATALOG, f"table {name!r}: input", raw)


def graph() -> GraphFile:
    """The workspace's declaration, validated against its catalog (unknown tables, conditions and
    unsafe names refused)."""
    return read_graph(paths.CONFIG / "graph.yaml")


@lru_cache(maxsize=4)
def read_graph(path) -> GraphFile:
    document = yamlfile.load(path, GraphFile)
    _check(path, document, yamlfile.read(path)[1])
    return document


def _tables(declared: StepReads, pledge: Pledge | None = None) -> tuple[str, ...]:
    if declared.tables == "all":
        return tuple(catalog())
    names: list[str] = []
    for name in declared.tables:
        if name == "show_in_region_report":
            names += [t for t, table in catalog().items() if table.spec.show_in_region_report]
        elif name == "measured_series":
            names += _series_tables(pledge) if pledge else []
        else:
            names.append(name)
    return tuple(dict.fromkeys(names))


def _resolve(step: str, declared: StepReads, parameters: dict | None = None, pledge: Pledge | None = None) -> Reads:
    tables = _tables(declared, pledge)
    return Reads(step, tables=tables, raw=tuple(declared.raw),
                 results=tuple(r.format(**(parameters or {})) for r in declared.results),
                 config=tuple(declared.config), code=tuple(declared.code), catalog=tables)


def table_reads(name: str) -> Reads:
    """A table's step: its raw inputs and its own catalog entry."""
    code = graph().steps["table"]
    return Reads(f"table/{name}", raw=catalog()[name].inputs, config=tuple(code.config), code=tuple(code.code),
                 catalog=(name,))


def step_reads(name: Literal["checks", "results", "index"]) -> Reads:
    return _resolve(name, graph().steps[name])


def report_reads(name: str, kind: str, parameters: dict) -> Reads:
    """What one report reads: what every report reads, its kind's reads, the pledge's conditional
    reads, and, when it overrides assumptions, what the assessment reads."""
    declared = graph().reports
    pledge = registry().get(parameters.get("pledge_id", ""))
    reads = _resolve(f"report/{name}", declared["every"])
    if kind in declared:
        reads = reads | _resolve(reads.step, declared[kind], parameters, pledge)
        for condition, extra in declared[kind].when.items():
            if pledge is not None and CONDITIONS[condition](pledge):
                reads = reads | _resolve(reads.step, extra, parameters, pledge)
    if parameters.get("assumptions"):
        reads = reads | step_reads("results")
    return reads


def upstream(reads: Reads) -> list[Reads]:
    """The steps that write what `reads` reads, and theirs, producers first."""
    steps: dict[str, Reads] = {}
    if reads.results:
        results = step_reads("results")
        for table in results.tables:
            steps.setdefault(f"table/{table}", table_reads(table))
        steps["results"] = results
    for table in reads.tables:
        steps.setdefault(f"table/{table}", table_reads(table))
    return list(steps.values())
