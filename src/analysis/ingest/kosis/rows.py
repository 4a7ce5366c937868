"""Row labels of the data rows: blank cells repeat the label above within the same block, in every
layout (periods across the columns or down the rows, CSV or XLSX), and the read says where."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .grid import Grid
from .labels import clean_label
from .layout import Layout


@dataclass
class RowLabels:
    labels: dict[int, list[str]]                          # label column -> one label per data row
    filled: set[tuple[int, int]] = field(default_factory=set)  # (data row, label column) filled from above
    indents: dict[int, list[int]] = field(default_factory=dict)  # label column -> leading blanks per row

    def summary(self, names: dict[int, str]) -> str:
        """`구분 ×323, 산업별 ×12`: the columns whose blanks repeat the label above, or `none`."""
        counts = Counter(names[j] for _, j in sorted(self.filled))
        return ", ".join(f"{name} ×{n}" for name, n in counts.items()) or "none"

    def filled_in(self, row: int) -> list[int]:
        return sorted(j for r, j in self.filled if r == row)


def row_labels(grid: Grid, layout: Layout) -> RowLabels:
    """Labels per label column for every data row, blanks of classification columns filled.

    An explicit label starts a new block: the columns to its right no longer carry over, so a blank
    beside it stays blank (`광주,,2011-01`: the 시도 itself, no 자치구). Columns with a role (period,
    item, unit, marker) are never filled: a blank there is the file's own.
    """
    columns = layout.label_columns
    out = RowLabels({j: [] for j in columns}, indents={j: [] for j in columns})
    previous: list[str | None] = [None] * len(columns)
    for index in range(layout.header_rows, len(grid.rows)):
        row = grid.rows[index]
        fresh = False  # an explicit label to the left in this row
        for k, j in enumerate(columns):
            label = clean_label(row[j])
            indent = len(row[j]) - len(row[j].lstrip(" \u3000")) if label else (out.indents[j] or [0])[-1]
            if label:
                previous[k + 1:] = [None] * (len(columns) - k - 1)
                fresh = fresh or layout.roles.get(j) is None
            elif layout.roles.get(j) is None and previous[k] is not None:
                label = previous[k]
                out.filled.add((index - layout.header_rows, j))
            elif layout.roles.get(j) is None and not fresh:
                raise grid.fail("blank label with nothing above it to repeat", line=index,
                                column=layout.names[j], expected=f"a {layout.names[j]} label")
            previous[k] = label or None
            out.labels[j].append(label)
            out.indents[j].append(indent)
    return out
