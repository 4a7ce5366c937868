"""Where things are in a KOSIS grid: the header rows, the label columns, the value columns, and
whether periods run across the columns (the viewer's default) or down the rows (a 시점 column)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...vocab.periods import looks_like_period, parse_period_label
from .cells import is_numeric_like
from .grid import Grid
from .labels import clean_label, dimension_name, header_role

MAX_HEADER_ROWS = 6


@dataclass
class Layout:
    kind: str                       # "wide" (periods in columns) or "long" (periods in rows)
    header_rows: int                # rows at the top that are headers
    label_columns: list[int]        # columns of row labels (classifications, period, item, unit, marker)
    value_columns: list[int]        # columns holding numbers
    period_row: int | None = None   # wide: the header row holding the periods
    roles: dict[int, str] = field(default_factory=dict)  # label column -> period/item/unit/marker/value
    names: dict[int, str] = field(default_factory=dict)  # label column -> its dimension name


def _period_start(row: list[str]) -> int | None:
    """First column from which every non-blank cell of a header row is a period (or looks like one:
    `2017.13` is refused later, not made a label), if there is one."""
    for start in range(1, len(row)):
        cells = [c for c in row[start:] if c.strip()]
        if parse_period_label(row[start]) and cells and all(parse_period_label(c) or looks_like_period(c)
                                                            for c in cells):
            return start
    return None


def _refuse_lookalikes(grid: Grid, row: int, start: int) -> None:
    for j in range(start, grid.width):
        cell = grid.rows[row][j]
        if cell.strip() and not parse_period_label(cell):
            raise grid.fail("a header that looks like a period but is not one", line=row, column=j + 1, value=cell,
                            expected="a period such as 2024, 2024.01, 2024.1/4, 2024.1/2 or 2021 p) (months 1–12, "
                                     "quarters 1–4, halves 1–2)")


_WORD = re.compile(r"[^\W\d_]{2,}")  # two letters in a row, in any script: 취업자, Total (not 12a)


def _is_header_cell(cell: str) -> bool:
    return bool(_WORD.search(cell)) or parse_period_label(cell) is not None


def _is_data_row(row: list[str], value_columns: list[int]) -> bool:
    """Most value cells are numbers or markers (a stray word is an error for later, not a header)."""
    cells = [row[j] for j in value_columns if row[j].strip()]
    headers = sum(1 for c in cells if _is_header_cell(c) and not is_numeric_like(c))
    return 2 * headers < len(cells) or not cells


def _names(grid: Grid, label_columns: list[int], header_rows: int) -> dict[int, str]:
    names = {}
    for j in label_columns:
        heads = [clean_label(grid.rows[k][j]) for k in range(header_rows) if clean_label(grid.rows[k][j])]
        names[j] = dimension_name(heads[0]) if heads else f"분류{j + 1}"
    return names


def _header_rows_below(grid: Grid, first: int, value_columns: list[int], label_columns: list[int]) -> int:
    """Rows from the top up to the first data row at or after `first`."""
    top_labels = [clean_label(grid.rows[0][j]) for j in label_columns]
    for k in range(first, min(len(grid.rows), MAX_HEADER_ROWS + 1)):
        row = grid.rows[k]
        repeats_header = k > 0 and [clean_label(row[j]) for j in label_columns] == top_labels
        if _is_data_row(row, value_columns) and not repeats_header:
            return k
    raise grid.fail(f"no data row within the first {MAX_HEADER_ROWS + 1} records",
                    expected="header rows followed by rows of numbers")


def _header_like(grid: Grid, row: int, start: int) -> bool:
    """A header row below the first repeats its label cells (KOSIS prints 시도별 in each) or leaves
    them blank; a row naming a region there (`부산광역시,2000,1900`) is data, whatever its numbers."""
    labels = [clean_label(c) for c in grid.rows[row][:start]]
    return row == 0 or all(not c or c == clean_label(top) for c, top in zip(labels, grid.rows[0][:start]))


def _wide(grid: Grid) -> Layout | None:
    if any(header_role(cell) == "period" for cell in grid.rows[0]):
        return None  # a column named 시점/연도: periods run down the rows
    for r in range(min(MAX_HEADER_ROWS, len(grid.rows) - 1)):
        start = _period_start(grid.rows[r])
        if start is None or not _header_like(grid, r, start):
            continue
        _refuse_lookalikes(grid, r, start)
        labels, values = list(range(start)), list(range(start, grid.width))
        header_rows = _header_rows_below(grid, r + 1, values, labels)
        return Layout("wide", header_rows, labels, values, period_row=r, names=_names(grid, labels, header_rows))
    return None


def _period_column(grid: Grid, roles: dict[int, str]) -> int | None:
    named = [j for j, role in roles.items() if role == "period"]
    if named:
        return named[0]
    for j in range(grid.width):
        cells = [row[j] for row in grid.rows[1:] if row[j].strip()]
        decimals = all(is_numeric_like(c) and "." in c for c in cells)  # 2021.5 is a value, not a period
        if cells and all(parse_period_label(c) for c in cells) and not decimals:
            return j
    return None


def _one_period(grid: Grid) -> Layout:
    """A file of one period that prints none (its columns are items: 명목, 실질): label columns up to
    the first column of numbers, one header row; the period comes from the reader hint."""
    body = grid.rows[1:]
    values = [j for j in range(1, grid.width) if all(is_numeric_like(r[j]) for r in body)]
    if not values:
        raise grid.fail("no value column found", expected="columns of numbers")
    labels = list(range(values[0]))
    return Layout("wide", 1, labels, values[:] if values == list(range(values[0], grid.width)) else
                  _refuse_gaps(grid, values), names=_names(grid, labels, 1))


def _refuse_gaps(grid: Grid, values: list[int]) -> list[int]:
    raise grid.fail("text columns between the value columns", column=values[0] + 1,
                    expected="label columns first, then columns of numbers")


def _long(grid: Grid, period_hint: str | None = None) -> Layout:
    roles = {j: role for j, cell in enumerate(grid.rows[0]) if (role := header_role(cell))}
    period = _period_column(grid, roles)
    if period is None and period_hint:
        return _one_period(grid)
    if period is None:
        raise grid.fail("no period found in the header or in any column",
                        expected="period columns such as 2024, 'Y2024 2024', '2024.01 월', '2024.1/2', '2021 p)' "
                                 "or a period column named 시점/연도/연월, or the file's one period given as a reader "
                                 "hint (manifest `reader: {period: …}`)")
    roles[period] = "period"
    header_rows = next((k for k, row in enumerate(grid.rows) if parse_period_label(row[period])), None)
    if not header_rows:
        raise grid.fail("the period column has no header", column=grid.rows[0][period])
    body = grid.rows[header_rows:]
    if "value" in roles.values():
        values = [j for j, role in roles.items() if role == "value"]
    else:
        values = [j for j in range(grid.width) if j not in roles and all(is_numeric_like(r[j]) for r in body)]
    if not values:
        raise grid.fail("no value column found", expected="a column named 값/데이터 or columns of numbers")
    labels = [j for j in range(grid.width) if j not in values]
    return Layout("long", header_rows, labels, values, roles={j: r for j, r in roles.items() if j in labels},
                  names=_names(grid, labels, header_rows))


def detect(grid: Grid, period_hint: str | None = None) -> Layout:
    """The layout of a grid: wide when a header row holds periods, else long with a period column
    (or, for a file of one period that prints none, wide with the period hint)."""
    layout = _wide(grid) or _long(grid, period_hint)
    if layout.kind == "wide":
        layout.roles = {j: role for j in layout.label_columns if (role := header_role(grid.rows[0][j]))
                        and role in ("item", "unit", "marker")}
    if layout.header_rows >= len(grid.rows):
        raise grid.fail("header rows but no data rows", expected="rows of numbers below the header")
    return layout
