"""What each value column is: its period (wide layout), the header parts above it (items, or a
classification when rows carry the items), a measure such as 상대표준오차, or a region.

KOSIS prints a header cell that spans several columns either repeated over each of them or only
above the first, blank above the rest; blanks are filled from the left within the same parent.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...vocab import regions
from ...vocab.periods import parse_period_label
from .grid import Grid
from .labels import clean_label, is_measure
from .layout import Layout

_UNPADDED_OCTOBER = re.compile(r"^(\d{4})\.1$")
_PADDED_MONTH = re.compile(r"^\d{4}\.\d\d(\s*월)?$")


@dataclass
class Column:
    index: int                       # 0-based column in the grid
    header: str                      # the raw header cells joined with " / " (what a reader sees)
    period: str | None = None
    flag: str = ""
    parts: list[str] = field(default_factory=list)
    measure: str = ""
    region: str | None = None        # the region label, when regions run across the columns


def _filled(grid: Grid, layout: Layout) -> list[list[str]]:
    """Header cells above the value columns, spanning blanks filled from the left within a parent."""
    filled: list[list[str]] = []
    for k in range(layout.header_rows):
        row = []
        for i, j in enumerate(layout.value_columns):
            cell = clean_label(grid.rows[k][j])
            same_parent = i > 0 and all(filled[q][i] == filled[q][i - 1] for q in range(k))
            row.append(cell if cell or not same_parent else row[i - 1])
        filled.append(row)
    return filled


def _excel_months(labels: list[str]) -> dict[str, str]:
    """`2025.1` among zero-padded months is October whose trailing zero a spreadsheet dropped."""
    if not any(_PADDED_MONTH.match(label) for label in labels):
        return {}
    return {label: f"{_UNPADDED_OCTOBER.match(label).group(1)}.10"
            for label in labels if _UNPADDED_OCTOBER.match(label)}


def _region_levels(filled: list[list[str]], skip: set[int]) -> set[int]:
    """Header rows whose labels are all regions (regions across the columns)."""
    found = set()
    for k, row in enumerate(filled):
        labels = {cell for cell in row if cell}
        if k not in skip and labels and all(regions.sido_name(label) for label in labels) \
                and any(regions.sido_name(label) != regions.NATIONAL for label in labels):
            found.add(k)
    return found


def describe(grid: Grid, layout: Layout, notes: list[str], period_hint: str | None = None) -> list[Column]:
    """One `Column` per value column; a wide column without exactly one period stops the read. A file
    that prints no period at all takes the hint's (and the read says so)."""
    filled = _filled(grid, layout)
    period_row = layout.period_row
    fixes = _excel_months(filled[period_row]) if period_row is not None else {}
    if fixes:
        notes.append("spreadsheet month labels read as October: " + ", ".join(f"{a} → {b}" for a, b in fixes.items()))
    region_rows = _region_levels(filled, {period_row} if period_row is not None else set())
    columns = []
    for i, j in enumerate(layout.value_columns):
        cells = [filled[k][i] for k in range(layout.header_rows)]
        column = Column(j, " / ".join(clean_label(grid.rows[k][j]) or cells[k] for k in range(layout.header_rows)))
        for k, cell in enumerate(cells):
            if k == period_row:
                parsed = parse_period_label(fixes.get(cell, cell))
                if parsed is None:
                    raise grid.fail(f"value column {j + 1} has no period label in its header", column=column.header,
                                    expected="a period such as 2024, 2024.01, 2024.1/4 or 2021 p) above every value")
                column.period, column.flag = parsed
            elif k in region_rows:
                column.region = cell
            elif cell and is_measure(cell):
                column.measure = cell
            elif cell and cell not in column.parts:
                column.parts.append(cell)
        if layout.kind == "wide" and period_row is None:
            column.period = parse_period_label(period_hint)[0]
        columns.append(column)
    if layout.kind == "wide" and period_row is None:
        notes.append(f"the file prints no period: every value is of {columns[0].period}, as the reader hint says")
    return columns
