"""The long table: one row per value cell, its labels, item, unit, period, value, marker and flag.

Row attributes (labels, a period or item down the rows) and column attributes (period, items,
measure, region across the columns) are combined without a Python loop over cells, and label
columns are categorical, so a large export stays small in memory.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .cells import parse_column, split_pair
from .columns import Column
from .grid import Grid
from .labels import parse_item
from .layout import Layout

CHUNK = 400_000  # cells parsed at a time: bounds the temporary strings of a large file


@dataclass
class CellAttributes:
    """Per data row (`rows`) and per value column (`columns`) attributes, each an array of strings."""

    rows: dict[str, np.ndarray]
    columns: dict[str, np.ndarray]


def parse_values(grid: Grid, layout: Layout, columns: list[Column]) -> tuple[pd.DataFrame, np.ndarray]:
    """Values, markers and flags of every value cell (row-major), and the raw cell texts."""
    start = layout.header_rows
    cells = np.array([row[j] for row in grid.rows[start:] for j in layout.value_columns], dtype=object)
    parts = [parse_column(pd.Series(cells[i:i + CHUNK])) for i in range(0, len(cells), CHUNK)]
    parsed = pd.concat(parts, ignore_index=True) if parts else parse_column(pd.Series([], dtype=object))
    parsed["marker"] = parsed["marker"].astype("category")
    parsed["flag"] = parsed["flag"].astype("category")
    return parsed, cells


def _expand(values: np.ndarray, n_rows: int, n_columns: int, by: str) -> pd.Categorical:
    """Per-row (`by="row"`) or per-column values repeated to one per cell, as a categorical."""
    categorical = pd.Categorical(values)
    codes = np.repeat(categorical.codes, n_columns) if by == "row" else np.tile(categorical.codes, n_rows)
    return pd.Categorical.from_codes(codes, categorical.categories)


def combine(attributes: CellAttributes, name: str, n_rows: int, n_columns: int) -> pd.Categorical:
    """A per-cell attribute: the row's value where it has one, else the column's."""
    row = attributes.rows.get(name)
    column = attributes.columns.get(name)
    if row is None:
        return _expand(column, n_rows, n_columns, "column")
    if column is None:
        return _expand(row, n_rows, n_columns, "row")
    categories = pd.Index(sorted(set(row) | set(column)))
    by_row = np.repeat(categories.get_indexer(row), n_columns)
    by_column = np.tile(categories.get_indexer(column), n_rows)
    empty = categories.get_loc("") if "" in categories else -2
    return pd.Categorical.from_codes(np.where(by_row != empty, by_row, by_column), categories)


def fill_empty(values: pd.Categorical, filler: str) -> pd.Categorical:
    """Empty strings replaced by `filler`."""
    if "" not in values.categories:
        return values
    return values.rename_categories({"": filler}) if filler not in values.categories else \
        pd.Categorical(np.where(np.asarray(values) == "", filler, np.asarray(values)))


def split_pairs(frame: pd.DataFrame, cells: np.ndarray, grid: Grid, describe_cell) -> pd.DataFrame:
    """Cells under a composite unit such as 세대/명 hold two figures (`4397/8332`): one row each."""
    units = frame["unit"].cat
    if not any("/" in unit for unit in units.categories):
        return frame
    composite = np.isin(units.codes, [i for i, unit in enumerate(units.categories) if "/" in unit])
    for position in np.flatnonzero(composite):
        if split_pair(cells[position]) is None and frame["marker"].iat[position] == "":
            line, column = describe_cell(position)
            raise grid.fail("a composite unit needs two figures in each cell", line=line, column=column,
                            value=cells[position], expected="two numbers joined by '/' such as 4397/8332, or 0")
    pairs = [split_pair(cells[p]) or (np.nan, np.nan) for p in np.flatnonzero(composite)]
    first = frame[composite].astype({"unit": object})
    second = first.copy()
    halves = first["unit"].str.split("/")
    first["value"], second["value"] = [a for a, _ in pairs], [b for _, b in pairs]
    first["unit"], second["unit"] = halves.str[0], halves.str[1]
    merged = pd.concat([frame[~composite].astype({"unit": object}), first, second]).sort_index(kind="stable")
    return merged.astype({"unit": "category"}).reset_index(drop=True)


def item_from_parts(parts: list[str]) -> tuple[str, str | None]:
    """(item name, unit) from header parts: codes and units stripped, the innermost unit kept."""
    names, unit = [], None
    for part in parts:
        _, name, part_unit = parse_item(part)
        names.append(name)
        unit = part_unit or unit
    return " / ".join(n for n in names if n), unit
