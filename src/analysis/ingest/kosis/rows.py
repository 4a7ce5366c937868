"""Row labels of the data rows: blank cells repeat the label above within the same block."""
from __future__ import annotations

from .grid import Grid
from .labels import clean_label
from .layout import Layout


def row_labels(grid: Grid, layout: Layout, fill: bool) -> tuple[dict[int, list[str]], int]:
    """Labels per label column for every data row, and how many blanks were filled from above.

    An explicit label starts a new block: the columns to its right no longer carry over. With
    `fill` off (periods in rows: every row is complete) blanks stay blank.
    """
    columns = layout.label_columns
    labels: dict[int, list[str]] = {j: [] for j in columns}
    previous: list[str | None] = [None] * len(columns)
    filled = 0
    for index in range(layout.header_rows, len(grid.rows)):
        row = grid.rows[index]
        for k, j in enumerate(columns):
            label = clean_label(row[j])
            if label:
                previous[k + 1:] = [None] * (len(columns) - k - 1)
            elif fill and layout.roles.get(j) is None:
                if previous[k] is None:
                    raise grid.fail("blank label with nothing above it to repeat", line=index,
                                    column=layout.names[j], expected=f"a {layout.names[j]} label")
                label = previous[k]
                filled += 1
            previous[k] = label
            labels[j].append(label)
    return labels, filled
