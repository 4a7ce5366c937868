"""Pandera schemas generated from the catalog's column declarations, and the check that a table
meets its schema, reported as one message naming the table, column, row and value."""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from ..errors import InputError
from ..vocab import regions
from .catalog import ColumnSpec, Table

MARKERS = ("", "-", "X", "…", "(blank)")
REGIONS = (regions.NATIONAL, *regions.SIDO)
_DTYPES = {"str": object, "int": "int64", "float": "float64", "bool": "bool", "date": "datetime64[ns]"}


class SchemaError(InputError, ValueError):
    """A processed table that breaks its schema."""


def allowed_values(column: ColumnSpec) -> tuple | None:
    if column.allowed == "regions":
        return REGIONS
    if column.allowed == "markers":
        return MARKERS
    return tuple(column.allowed) if column.allowed is not None else None


def _checks(column: ColumnSpec) -> list[pa.Check]:
    checks = []
    allowed = allowed_values(column)
    if allowed is not None:
        checks.append(pa.Check.isin(list(allowed), error=f"one of {', '.join(map(str, allowed))}"))
    if column.min is not None:
        checks.append(pa.Check.ge(column.min, error=f"at least {column.min}"))
    if column.max is not None:
        checks.append(pa.Check.le(column.max, error=f"at most {column.max}"))
    if column.type == "str":
        checks.append(pa.Check(lambda s: s.astype(object).map(lambda v: isinstance(v, str)), element_wise=False,
                               error="text", ignore_na=True))
    return checks


def _missing_only_with_marker(frame: pd.DataFrame) -> pd.Series:
    """A value may be empty only where KOSIS printed a marker instead of a number."""
    return frame["value"].notna() | frame["marker"].astype(bool)


def schema_of(table: Table) -> pa.DataFrameSchema:
    """The pandera schema of a table declared with `columns:`."""
    spec = table.spec
    columns = {
        name: pa.Column(None if column.type == "str" else _DTYPES[column.type], checks=_checks(column),
                        nullable=column.nullable or (name == "value" and spec.value_missing_only_with_marker),
                        description=column.description)
        for name, column in spec.columns.items()}
    checks = [pa.Check(_missing_only_with_marker, error="value empty without a marker")] \
        if spec.value_missing_only_with_marker else []
    return pa.DataFrameSchema(columns, checks=checks, unique=spec.key, strict=True, ordered=True, name=table.name)


def _first_problem(table: Table, frame: pd.DataFrame, errors: pa.errors.SchemaErrors) -> str:
    cases = errors.failure_cases
    row = cases.iloc[0]
    if row["check"] == "multiple_fields_uniqueness":
        rows = sorted(int(i) for i in cases[cases["check"] == row["check"]]["index"].dropna().unique())[:2]
        key = frame.loc[rows[0], table.spec.key].to_dict()
        return f"duplicate key {table.spec.key} in rows {rows}: {key}"
    if row["check"] in ("column_in_dataframe", "column_in_schema", "column_ordered"):
        return f"columns {list(frame.columns)}; expected {list(table.spec.columns)}"
    where = f"column {row['column']!r}, row {int(row['index'])}" if pd.notna(row["index"]) else f"column {row['column']!r}"
    value = row["failure_case"].item() if hasattr(row["failure_case"], "item") else row["failure_case"]
    return f"{where}: value {value!r} fails the check ({row['check']})"


def validate(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    """The frame if it meets the table's schema; otherwise a SchemaError naming the first problem."""
    if frame.empty:
        raise SchemaError(f"{table.name}: no rows")
    try:
        return schema_of(table).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise SchemaError(f"{table.name}: {_first_problem(table, frame, exc)}") from None
