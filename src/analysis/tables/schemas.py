"""Pandera schemas generated from the catalog's column declarations, and the check that a table
meets its schema, reported as one message naming the table, column, row and value."""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from ..errors import InputError
from ..vocab import regions
from .catalog import ColumnSpec, Table

MARKERS = ("", "-", "X", "…", "(blank)")
SELECTION_MARKERS = ("", "-", "X", "*", "…", "(blank)")
REGIONS = regions.REGIONS
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


def generated_columns(frame: pd.DataFrame) -> dict[str, ColumnSpec]:
    """Column declarations of a selection table, from the reader's columns it kept."""
    known = {
        "region": ColumnSpec(type="str", description="시도 (canonical current name) or 전국", allowed="regions"),
        "sigungu": ColumnSpec(type="str", description="시군구 as printed ('' for a 시도 row)"),
        "item": ColumnSpec(type="str", description="item (codes and unit removed)"),
        "unit": ColumnSpec(type="str", description="unit"),
        "measure": ColumnSpec(type="str", description="'' for the value, or a measure such as 상대표준오차"),
        "period": ColumnSpec(type="str", description="period: 2024, 2024-01, 2024-Q1 or 2024-H1"),
        "value": ColumnSpec(type="float", description="the number as published"),
        "marker": ColumnSpec(type="str", description="KOSIS marker in place of a number ('' for a number)",
                             allowed=list(SELECTION_MARKERS)),
        "flag": ColumnSpec(type="str", description="p (잠정), r (수정), e (추정) or * beside the number"),
        "source": ColumnSpec(type="str", description="raw file and line the value comes from (`file:line`)"),
    }
    return {name: known.get(name, ColumnSpec(type="str", description=f"classification {name} as printed"))
            for name in frame.columns}


def columns_of(table: Table, frame: pd.DataFrame | None = None) -> dict[str, ColumnSpec]:
    """Declared columns, or for a selection table those its frame has."""
    if table.spec.columns is not None:
        return table.spec.columns
    return generated_columns(frame) if frame is not None else {}


def schema_of(table: Table, frame: pd.DataFrame | None = None) -> pa.DataFrameSchema:
    """The pandera schema of a table: declared with `columns:`, or generated for a selection."""
    spec = table.spec
    declared = columns_of(table, frame)
    key = spec.key or [c for c in declared if c not in ("value", "marker", "flag", "source")]
    missing_with_marker = spec.value_missing_only_with_marker or spec.columns is None
    columns = {
        name: pa.Column(None if column.type == "str" else _DTYPES[column.type], checks=_checks(column),
                        nullable=column.nullable or (name == "value" and missing_with_marker),
                        description=column.description)
        for name, column in declared.items()}
    checks = [pa.Check(_missing_only_with_marker, error="value empty without a marker")] if missing_with_marker else []
    return pa.DataFrameSchema(columns, checks=checks, unique=key, strict=True, ordered=True, name=table.name)


def _first_problem(table: Table, frame: pd.DataFrame, errors: pa.errors.SchemaErrors) -> str:
    cases = errors.failure_cases
    row = cases.iloc[0]
    if row["check"] == "multiple_fields_uniqueness":
        key_columns = table.spec.key or [c for c in frame.columns if c not in ("value", "marker", "flag", "source")]
        rows = sorted(int(i) for i in cases[cases["check"] == row["check"]]["index"].dropna().unique())[:2]
        key = frame.loc[rows[0], key_columns].to_dict()
        return f"duplicate key {key_columns} in rows {rows}: {key}"
    if row["check"] in ("column_in_dataframe", "column_in_schema", "column_ordered"):
        return f"columns {list(frame.columns)}; expected {list(columns_of(table, frame))}"
    where = f"column {row['column']!r}, row {int(row['index'])}" if pd.notna(row["index"]) else f"column {row['column']!r}"
    value = row["failure_case"].item() if hasattr(row["failure_case"], "item") else row["failure_case"]
    return f"{where}: value {value!r} fails the check ({row['check']})"


def validate(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    """The frame if it meets the table's schema; otherwise a SchemaError naming the first problem."""
    if frame.empty:
        raise SchemaError(f"{table.name}: no rows")
    try:
        return schema_of(table, frame).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise SchemaError(f"{table.name}: {_first_problem(table, frame, exc)}") from None
