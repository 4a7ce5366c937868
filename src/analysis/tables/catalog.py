"""The data catalog (config/catalog.yaml): which raw files feed each processed table, how it is
built, and its schema. The Makefile's per-table rules and the data dictionary come from here."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .. import paths
from ..ingest import yamlfile

ColumnType = Literal["str", "int", "float", "bool", "date"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ColumnSpec(_Strict):
    type: ColumnType
    description: str
    allowed: list[str] | Literal["regions", "markers"] | None = None
    min: int | float | None = None
    max: int | float | None = None
    nullable: bool = False


class Latest(_Strict):
    """A period a page's 재현 정보 prints for a table: the latest `column` among rows matching `where`."""
    label: str
    column: str
    where: dict[str, str | bool] = {}


class TableSpec(_Strict):
    description: str
    inputs: list[str]
    builder: str | None = None
    select: dict[str, list[str]] | None = None
    unit: str | None = None
    key: list[str] | None = None
    columns: dict[str, ColumnSpec] | None = None
    value_missing_only_with_marker: bool = False
    show_in_region_report: bool = False
    latest: list[Latest] = []


class CatalogFile(_Strict):
    shared_columns: dict[str, ColumnSpec] = {}
    tables: dict[str, TableSpec]


@dataclass(frozen=True)
class Table:
    """One processed table: its declaration and where it is written."""

    name: str
    spec: TableSpec

    @property
    def path(self) -> Path:
        return paths.PROCESSED / f"{self.name}.csv"

    @property
    def inputs(self) -> tuple[str, ...]:
        return tuple(self.spec.inputs)

    @property
    def description(self) -> str:
        return self.spec.description


def read_catalog(path: Path | None = None) -> dict[str, Table]:
    """Every table of the catalog by name, validated (unknown keys and builders refused)."""
    from .builders import BUILDERS, check_selection

    path = path or paths.CATALOG
    document = yamlfile.load(path, CatalogFile)
    tables = {}
    for name, spec in document.tables.items():
        if spec.builder is not None and spec.builder not in BUILDERS:
            raise yamlfile.ConfigError.at(path, f"table {name!r}: unknown builder {spec.builder!r}",
                                          expected=f"one of {', '.join(BUILDERS)} or a `select:` table")
        if spec.builder is None:
            check_selection(path, name, spec)
        tables[name] = Table(name, spec)
    return tables


@lru_cache(maxsize=1)
def catalog() -> dict[str, Table]:
    """The project's catalog, read once per process."""
    return read_catalog()


def table(name: str) -> Table:
    """One declared table, or an error listing the declared ones."""
    tables = catalog()
    if name not in tables:
        raise KeyError(f"unknown table {name!r}; declared in {paths.CATALOG.name}: {', '.join(tables)}")
    return tables[name]
