"""Declared schemas for processed tables, and the check that a table meets its schema."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .errors import InputError


class SchemaError(InputError, ValueError):
    """A processed table that breaks its schema, naming the table, column, row and value."""


@dataclass(frozen=True)
class Column:
    kind: str  # "str", "int", "float", "bool", "date"
    description: str
    nullable: bool = False
    allowed: tuple | None = None
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class Schema:
    columns: dict[str, Column]
    key: tuple[str, ...]
    # (column, condition column): nulls in `column` are allowed only where the condition is truthy
    null_only_if: tuple[tuple[str, str], ...] = field(default_factory=tuple)


_KIND_CHECK = {
    "str": lambda s: s.map(lambda v: isinstance(v, str)).all(),
    "int": pd.api.types.is_integer_dtype,
    "float": pd.api.types.is_numeric_dtype,
    "bool": pd.api.types.is_bool_dtype,
    "date": pd.api.types.is_datetime64_any_dtype,
}


def validate(frame: pd.DataFrame, schema: Schema, table: str) -> pd.DataFrame:
    """Return the frame if it meets the schema; otherwise raise naming the first problem."""
    expected = list(schema.columns)
    if list(frame.columns) != expected:
        raise SchemaError(f"{table}: columns {list(frame.columns)}; expected {expected}")
    if frame.empty:
        raise SchemaError(f"{table}: no rows")
    for name, column in schema.columns.items():
        series = frame[name]
        present = series.dropna() if column.kind != "str" else series[series.notna()]
        if not column.nullable and series.isna().any():
            conditions = [cond for col, cond in schema.null_only_if if col == name]
            bad = series.isna()
            for cond in conditions:
                bad &= ~frame[cond].astype(bool)
            if bad.any():
                row = bad.idxmax()
                raise SchemaError(f"{table}: column {name!r} is empty in row {row} "
                                  f"({frame.loc[row].to_dict()}); expected a {column.kind}")
        if len(present) and not _KIND_CHECK[column.kind](present if column.kind == "str" else series):
            raise SchemaError(f"{table}: column {name!r} has dtype {series.dtype}; expected {column.kind}")
        if column.allowed is not None:
            bad = ~present.isin(column.allowed)
            if bad.any():
                row = bad[bad].index[0]
                raise SchemaError(f"{table}: column {name!r}, row {row}: value {present[row]!r} not allowed; "
                                  f"expected one of {', '.join(map(str, column.allowed))}")
        for bound, op in ((column.minimum, "lt"), (column.maximum, "gt")):
            if bound is not None:
                bad = getattr(present, op)(bound)
                if bad.any():
                    row = bad[bad].index[0]
                    raise SchemaError(f"{table}: column {name!r}, row {row}: value {present[row]!r} outside "
                                      f"the range [{column.minimum}, {column.maximum}]")
    duplicated = frame.duplicated(list(schema.key), keep=False)
    if duplicated.any():
        rows = frame[duplicated].head(2)
        raise SchemaError(f"{table}: duplicate key {list(schema.key)} in rows {list(rows.index)}: "
                          f"{rows[list(schema.key)].iloc[0].to_dict()}")
    return frame


def dictionary(schema: Schema, table: str, description: str, inputs: tuple[str, ...]) -> str:
    """Markdown section of the data dictionary for one table."""
    lines = [f"## `{table}.csv`", "", description, "",
             f"Built from: {', '.join(f'`data/raw/{i}`' for i in inputs)}. Key: {', '.join(schema.key)}.", "",
             "| column | type | meaning |", "|---|---|---|"]
    for name, column in schema.columns.items():
        extra = []
        if column.allowed is not None and len(column.allowed) <= 8:
            extra.append("one of " + ", ".join(map(str, column.allowed)))
        if column.minimum is not None or column.maximum is not None:
            extra.append(f"range [{column.minimum}, {column.maximum}]")
        if column.nullable:
            extra.append("may be empty")
        meaning = column.description + (f" ({'; '.join(extra)})" if extra else "")
        lines.append(f"| {name} | {column.kind} | {meaning} |")
    return "\n".join(lines) + "\n"
