"""Building, writing and reading processed tables. Tables are written only when their content
changes, so an unchanged rebuild leaves every downstream step up to date."""
from __future__ import annotations

import pandas as pd

from .. import reads
from ..files import write_csv_if_changed
from .catalog import Table, catalog, table


def build(name: str) -> pd.DataFrame:
    """Build one table, validate it against its schema and write it (if its content changed)."""
    from .builders import BUILDERS, selection
    from .schemas import validate

    declared = table(name)
    builder = BUILDERS[declared.spec.builder] if declared.spec.builder else selection
    frame = validate(builder(declared).reset_index(drop=True), declared)
    write_csv_if_changed(frame, declared.path)
    return frame


def declared_columns(declared: Table) -> dict:
    """The table's columns: from the catalog, or for a selection table from its written header."""
    from .schemas import columns_of
    header = pd.read_csv(declared.path, nrows=0) if declared.spec.columns is None else None
    return columns_of(declared, header)


def _read_types(declared: Table) -> tuple[dict, dict, list]:
    kinds = {name: column.type for name, column in declared_columns(declared).items()}
    dtypes = {c: "string" if k == "str" else "float64" for c, k in kinds.items() if k in ("str", "float")}
    missing = {c: [""] for c, k in kinds.items() if k in ("float", "date")}
    return dtypes, missing, [c for c, k in kinds.items() if k == "date"]


def load(name: str) -> pd.DataFrame:
    """A processed table with its declared types; a missing table names the command that builds it.
    Only a table the running step declared (config/graph.yaml) is loaded."""
    reads.check("table", name)
    declared = table(name)
    if not declared.path.exists():
        raise FileNotFoundError(f"{declared.path} is missing: run `make data`")
    dtypes, missing, dates = _read_types(declared)
    frame = pd.read_csv(declared.path, dtype=dtypes, keep_default_na=False, na_values=missing, parse_dates=dates)
    for column, spec in declared_columns(declared).items():
        if spec.type == "str":
            frame[column] = frame[column].astype(object)
    return frame


def names() -> list[str]:
    return list(catalog())
