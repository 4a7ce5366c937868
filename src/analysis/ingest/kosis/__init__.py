"""One reader for KOSIS downloads (CSV or XLSX), whatever their layout, into a validated long table.

The reader detects rather than configures: encoding, 1–4 header rows with spanning cells,
periods across the columns or down the rows (with `p)`/`r)` marks kept as flags), any number of
classification columns with or without a region, 시군구 in every form KOSIS prints, codes and
units inside labels, RSE-type measures, markers and composite values. Whatever it cannot read
stops with a `KosisFormatError` naming the file, the line and the column or value.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ...vocab import regions
from ...vocab.periods import frequency, last_month, parse_period_label
from .assemble import (
    COLUMN_CLASSIFICATION,
    Hints,
    Parts,
    items_of,
    markers_of,
    periods_of,
    regions_of,
)
from .columns import describe
from .frame import CellAttributes, combine, fill_empty, parse_values, split_pairs
from .grid import KosisFormatError, read_grid
from .hierarchy import AGGREGATE, check_sums, tree_of
from .labels import parse_item
from .layout import detect
from .meta import meta_of
from .rows import RowLabels, row_labels

__all__ = ["KosisFormatError", "KosisTable", "parse_item", "read_kosis"]
TAIL = ("item", "unit", "measure", "period", "value", "marker", "flag", "source_line", "source_column")


@dataclass
class KosisTable:
    """The long table and what the reader detected, for the analyst to check."""

    data: pd.DataFrame
    detected: dict = field(default_factory=dict)
    columns: dict[int, str] = field(default_factory=dict)  # value column number (1-based) -> its header

    def summary(self) -> str:
        return "\n".join(f"{key}: {value}" for key, value in self.detected.items())


def _column_names(parts: Parts, classification: list[int]) -> dict[int, str]:
    names, seen = {}, Counter()
    for j in classification:
        name = parts.layout.names[j]
        seen[name] += 1
        names[j] = name if seen[name] == 1 and name not in TAIL else f"{name} ({seen[name]})"
    return names


def _check_cells(parts: Parts, values: pd.DataFrame, cells: np.ndarray, units: pd.Categorical) -> None:
    """Every value cell is a number or a marker (cells under a composite unit are checked later)."""
    composite = np.isin(units.codes, [i for i, unit in enumerate(units.categories) if "/" in unit])
    bad = np.flatnonzero(values["text"].to_numpy() & ~composite)
    if len(bad):
        row, column = divmod(int(bad[0]), len(parts.columns))
        raise parts.grid.fail("text in a numeric cell", line=parts.line(row), column=parts.columns[column].header,
                              value=cells[bad[0]], expected="a number, or one of the markers - X x * … ...")


def _units(parts: Parts, attributes: CellAttributes, items: pd.Categorical, n: int, m: int) -> pd.Categorical:
    """Units per cell; where the file states none (and no hint gives one) the unit stays empty and
    the read says so: a table built from the file must then declare it."""
    units = combine(attributes, "unit", n, m)
    if parts.hints.unit:
        units = fill_empty(units, parts.hints.unit)
    if "" in items.categories and (np.asarray(items.codes) == items.categories.get_loc("")).any():
        parts.notes.append("the file names no item (one header row of periods): give it with --item or the "
                           "manifest's `reader: {item: …}`")
    pairs = pd.DataFrame({"item": items, "unit": units}).drop_duplicates()
    missing = sorted(pairs.loc[pairs["unit"] == "", "item"].astype(str))
    if missing:
        parts.notes.append(f"no unit stated for {', '.join(repr(i) for i in missing[:5])}"
                           f"{' …' if len(missing) > 5 else ''}: give it with --unit or the manifest's "
                           "`reader: {unit: …}`")
    return units


def _markers_and_flags(parts: Parts, attributes: CellAttributes, values: pd.DataFrame, n: int, m: int):
    markers = values["marker"].to_numpy(dtype=object)
    side = markers_of(parts)
    if side is not None:
        side = np.repeat(side, m)
        markers = np.where(np.isnan(values["value"].to_numpy()) & (side != ""), side, markers)
    period_flag = combine(attributes, "flag", n, m)
    value_flag = values["flag"].to_numpy(dtype=object)
    if not (value_flag != "").any():
        return pd.Categorical(markers), period_flag
    period_flag = np.asarray(period_flag, dtype=object)
    flags = np.where(value_flag == "", period_flag, np.where(period_flag == "", value_flag,
                                                             period_flag + "," + value_flag))
    return pd.Categorical(markers), pd.Categorical(flags)


def _hierarchy(parts: Parts, rows: RowLabels, j: int, name: str, labels: list[str], data: dict) -> str | None:
    """`name_level` and `name_parent` for a classification column with a hierarchy; its column name."""
    tree = tree_of(labels, rows.indents[j])
    if tree is None:
        return None
    n, m = parts.n_rows, len(parts.columns)
    for suffix, values in (("level", tree.levels), ("parent", tree.parents)):
        data[f"{name}_{suffix}"] = combine(CellAttributes({suffix: np.array(values, dtype=object)}, {}), suffix, n, m)
    parts.notes.append(f"{name}: hierarchy kept from its {tree.source} ({name}_level, {name}_parent; "
                       f"level {AGGREGATE} marks aggregates beside the tree)")
    return name


def _frame(parts: Parts, rows: RowLabels, attributes: CellAttributes, classification: list[int],
           kept: dict) -> pd.DataFrame:
    n, m = parts.n_rows, len(parts.columns)
    values, cells = parse_values(parts.grid, parts.layout, parts.columns)
    items = fill_empty(combine(attributes, "item", n, m), parts.hints.item) if parts.hints.item else \
        combine(attributes, "item", n, m)
    units = _units(parts, attributes, items, n, m)
    _check_cells(parts, values, cells, units)
    data: dict[str, object] = {}
    for name in ("region", "sigungu", "region_label"):
        if name in attributes.rows or name in attributes.columns:
            data[name] = combine(attributes, name, n, m)
    trees = []
    for j, name in _column_names(parts, classification).items():
        if any(kept[j]):  # a classification column blank in every row says nothing
            data[name] = combine(CellAttributes({name: np.array(kept[j], dtype=object)}, {}), name, n, m)
            trees.append(_hierarchy(parts, rows, j, name, kept[j], data))
    if COLUMN_CLASSIFICATION in attributes.columns:
        data[COLUMN_CLASSIFICATION] = combine(attributes, COLUMN_CLASSIFICATION, n, m)
    data["item"], data["unit"] = items, units
    measure = combine(attributes, "measure", n, m)
    if list(measure.categories) != [""]:
        data["measure"] = measure
    data["period"] = combine(attributes, "period", n, m)
    data["value"] = values["value"].to_numpy()
    data["marker"], data["flag"] = _markers_and_flags(parts, attributes, values, n, m)
    data["source_line"] = np.repeat(np.array(parts.grid.lines[parts.layout.header_rows:], dtype=np.int64), m)
    data["source_column"] = np.tile(np.array([c.index + 1 for c in parts.columns], dtype=np.int64), n)
    frame = split_pairs(pd.DataFrame(data), cells, parts.grid, lambda p: (parts.line(p // m), parts.columns[p % m].header))
    others = [c for c in frame.columns if c not in TAIL or c in ("item", "unit", "measure")]
    for name in filter(None, trees):
        check = check_sums(frame, name, [c for c in others if not c.startswith(name)])
        if check:
            parts.notes.append(check)
    return frame


def _collision(parts: Parts, rows: RowLabels, frame: pd.DataFrame, keys: list[str]) -> str:
    """Why two cells got the same labels: what each line wrote in the label columns that are equal,
    which of them were filled from the row above, and which were normalised (광주 → 광주광역시)."""
    duplicated = frame[frame.duplicated(keys, keep=False)]
    first = duplicated.iloc[0]
    same = duplicated[(duplicated[keys] == first[keys]).all(axis=1)]
    a, b = same.iloc[0], same.iloc[-1]
    lines = [int(a["source_line"]), int(b["source_line"])]
    causes = []
    for line in lines:
        row = parts.grid.lines.index(line) - parts.layout.header_rows
        filled = [parts.layout.names[j] for j in rows.filled_in(row)]
        if filled:
            causes.append(f"line {line}: {', '.join(filled)} blank, filled from the row above")
    if "region_label" in frame and a["region_label"] != b["region_label"]:
        causes.append(f"region written {a['region_label']!r} on line {lines[0]} and {b['region_label']!r} on line "
                      f"{lines[1]}, both {a['region']}")
    equal = ", ".join(f"{k}={first[k]}" for k in keys if str(first[k]))
    return (f"the same observation appears twice on lines {lines[0]} and {lines[1]} (equal: {equal})"
            + (f"; {'; '.join(causes)}" if causes else ""))


def _check_duplicates(parts: Parts, rows: RowLabels, frame: pd.DataFrame) -> None:
    keys = [c for c in frame.columns if c not in ("value", "marker", "flag", "source_line", "source_column",
                                                  "region_label")]
    if frame.duplicated(keys).any():
        raise KosisFormatError.at(parts.grid.path, _collision(parts, rows, frame, keys),
                                  expected="one value per region, classification, item and period")


def _merger_notes(frame: pd.DataFrame) -> list[str]:
    """Rows of a 시도 that merged away, for periods reaching past the merger: kept as the file wrote
    them (the old area), never folded into the successor, and said."""
    if "region" not in frame:
        return []
    notes = []
    for successor, merger in regions.MERGED.items():
        old = frame[frame["region"].isin(merger.predecessors)]
        later = sorted({p for p in old["period"].astype(str).unique() if last_month(p) >= merger.since[:7]})
        if later:
            notes.append(f"{', '.join(sorted(set(old['region'])))} rows for {', '.join(later[:4])}"
                         f"{' …' if len(later) > 4 else ''} reach past {merger.since}, when they merged into {successor}: "
                         "read as the old area, as the file wrote them")
    return notes


def _detected(parts: Parts, frame: pd.DataFrame, filled: str) -> dict:
    periods = sorted(str(p) for p in frame["period"].unique())
    frequencies = Counter(frequency(p) for p in periods)
    items = frame.drop_duplicates(["item", "unit"])
    markers = frame["marker"].value_counts(sort=False)
    markers = markers[(markers.index != "") & (markers > 0)]
    flags = frame["flag"].value_counts(sort=False)
    flags = flags[(flags.index != "") & (flags > 0)]
    fixed = {"region", "sigungu", "region_label", *TAIL, COLUMN_CLASSIFICATION,
             *(c for c in frame.columns if c.endswith(("_level", "_parent")))}
    layout = parts.layout
    return {
        "file": str(parts.grid.path),
        "encoding": parts.grid.encoding,
        "layout": "wide (periods in columns)" if layout.kind == "wide" else "long (periods in rows)",
        "header_rows": layout.header_rows,
        "rows": len(frame),
        "items": "; ".join(f"{i} ({u})" for i, u in zip(items["item"], items["unit"])),
        "units": ", ".join(sorted(str(u) for u in frame["unit"].unique())) or "none stated",
        "periods": f"{periods[0]} … {periods[-1]} ({len(periods)}: "
                   + ", ".join(f"{n} {kind}" for kind, n in frequencies.items()) + ")",
        "regions": (", ".join(sorted(frame["region"].unique(), key=regions.order)) if "region" in frame
                    else "none (no region column: read as it is)"),
        "classifications": ", ".join(c for c in frame.columns if c not in fixed) or "none",
        "markers": ", ".join(f"{m}×{n}" for m, n in markers.items()) or "none",
        "flags": ", ".join(f"{f}×{n}" for f, n in flags.items()) or "none",
        "blank labels filled from the row above": filled,
        "notes": "; ".join(parts.notes) or "none",
    }


def read_kosis(path: Path | str, *, item: str | None = None, unit: str | None = None,
               sido: str | None = None, period: str | None = None) -> KosisTable:
    """Read any KOSIS export into a long table (region, sigungu, …classifications, item, unit,
    [measure], period, value, marker, flag, source_line). `item`, `unit` and `sido` fill in what
    a file does not state; `period`, the one period of a file that prints none."""
    grid = read_grid(Path(path))
    if period is not None and parse_period_label(period) is None:
        raise KosisFormatError.at(grid.path, "the period hint is not a period", value=period,
                                  expected="a period such as 2021, 2024.01 or 2024.1/4")
    layout = detect(grid, period)
    meta = meta_of(grid)
    notes: list[str] = list(meta.notes)
    columns = describe(grid, layout, notes, period)
    rows = row_labels(grid, layout)
    hints = Hints(item, unit or meta.unit, regions.canonical(sido) if sido else None)
    parts = Parts(grid, layout, columns, rows.labels, hints, notes)
    attributes = CellAttributes({}, {})
    periods_of(parts, attributes)
    used = regions_of(parts, attributes)
    classification = [j for j in parts.classification_columns() if j not in used]
    kept = items_of(parts, attributes, classification)
    frame = _frame(parts, rows, attributes, classification, kept)
    _check_duplicates(parts, rows, frame)
    parts.notes.extend(_merger_notes(frame))
    detected = _detected(parts, frame, rows.summary(layout.names)) | {"source": meta.source or "not stated"}
    return KosisTable(frame.reset_index(drop=True), detected,
                      {c.index + 1: c.header for c in columns})
