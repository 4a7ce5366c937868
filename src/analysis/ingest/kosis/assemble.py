"""From a grid whose layout is known to the long table: periods, regions, items and units decided
per row or per column, then combined cell by cell."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ...vocab import regions
from ...vocab.periods import parse_period_label
from .columns import Column
from .frame import CellAttributes, item_from_parts
from .geo import RegionProblem, Resolver, is_region_label
from .grid import Grid
from .labels import names_region, names_sido_only, parse_item
from .layout import Layout

COLUMN_CLASSIFICATION = "구분"  # header levels above the values when the rows carry the items


@dataclass
class Hints:
    """What a file may not say itself, from the manifest's `reader:` or the command line."""

    item: str | None = None
    unit: str | None = None
    sido: str | None = None


@dataclass
class Parts:
    """A read in progress: the grid, where things are, and what has been decided so far."""

    grid: Grid
    layout: Layout
    columns: list[Column]
    labels: dict[int, list[str]]
    hints: Hints
    notes: list[str] = field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.grid.rows) - self.layout.header_rows

    def line(self, row: int) -> int:
        """The grid record index of data row `row` (for errors)."""
        return self.layout.header_rows + row

    def classification_columns(self) -> list[int]:
        return [j for j in self.layout.label_columns if j not in self.layout.roles]


def _mostly_regions(labels: set[str]) -> bool:
    """At least half the distinct labels are regions (then the others are errors, not a classification)."""
    resolvable = [label for label in labels if is_region_label(label)]
    return bool(labels) and 2 * len(resolvable) >= len(labels)


def region_columns(parts: Parts) -> list[int]:
    """The one or two label columns that hold regions: named so (시도, 행정구역, 지역, 시군구 …) or
    holding only region labels. A region-named column whose labels are mostly not regions (sea
    areas, groups of 시도) is a classification, and the read says so."""
    candidates = parts.classification_columns()
    named = [j for j in candidates if names_region(parts.layout.names[j])]
    for j in named:
        labels = {label for label in parts.labels[j] if label}
        if j == named[0] and not _mostly_regions(labels) and len(named) == 1:
            parts.notes.append(f"column {parts.layout.names[j]!r} holds areas that are not 시도 or 시군구 "
                               f"({', '.join(sorted(labels)[:4])} …): kept as a classification")
            return []
    if named:
        return named[:2]
    for j in candidates:
        labels = {label for label in parts.labels[j] if label}
        if labels and all(is_region_label(label) for label in labels) and any(
                regions.sido_name(x) not in (None, regions.NATIONAL) for x in labels):
            return [j]
    return []


def _resolve(parts: Parts, resolver: Resolver, place, row: int | None, column: str, value: str):
    """`place()` with a region problem turned into an error naming the line, column and value."""
    try:
        return place()
    except RegionProblem as problem:
        raise parts.grid.fail(problem.problem, line=None if row is None else parts.line(row), column=column,
                              value=value, expected=problem.expected) from None


def _regions_by_row(parts: Parts, columns: list[int], scheme: str) -> tuple[np.ndarray, ...]:
    sido_only = len(columns) == 1 and names_sido_only(parts.layout.names[columns[0]])
    resolver = Resolver(scheme, parts.hints.sido, sido_only=sido_only)
    sido, sigungu, written = [], [], []
    first = parts.labels[columns[0]]
    second = parts.labels[columns[1]] if len(columns) > 1 else None
    for row, label in enumerate(first):
        if second is None:
            if not label:
                raise parts.grid.fail("missing region", line=parts.line(row), column=parts.layout.names[columns[0]],
                                      value=label, expected="a region name")
            place = _resolve(parts, resolver, lambda label=label: resolver.one_column(label), row,
                             parts.layout.names[columns[0]], label)
        else:
            value = f"{label} / {second[row]}" if second[row] else label
            column = parts.layout.names[columns[-1] if label else columns[0]]
            place = _resolve(parts, resolver, lambda label=label, row=row: resolver.two_columns(label, second[row]),
                             row, column, value)
        sido.append(place[0])
        sigungu.append(place[1])
        written.append(label if second is None or not second[row] else f"{label} {second[row]}")
    parts.notes.extend(resolver.notes())
    return tuple(np.array(values, dtype=object) for values in (sido, sigungu, written))


def _regions_by_column(parts: Parts, scheme: str) -> np.ndarray:
    resolver = Resolver(scheme, parts.hints.sido)
    out = [_resolve(parts, resolver, lambda c=column: resolver.one_column(c.region)[0], None, column.header,
                    column.region) for column in parts.columns]
    parts.notes.extend(resolver.notes())
    return np.array(out, dtype=object)


def regions_of(parts: Parts, attributes: CellAttributes) -> list[int]:
    """Fill `region`, `region_label` (as the file wrote it) and `sigungu` in `attributes`; return the
    label columns they came from."""
    columns = region_columns(parts)
    if any(column.region for column in parts.columns):
        scheme = regions.code_scheme(column.region for column in parts.columns)
        attributes.columns["region"] = _regions_by_column(parts, scheme)
        attributes.columns["region_label"] = np.array([c.region for c in parts.columns], dtype=object)
        return columns if columns else []
    if not columns:
        return []
    scheme = regions.code_scheme(label for j in columns for label in set(parts.labels[j]))
    sido, sigungu, written = _regions_by_row(parts, columns, scheme)
    attributes.rows["region"] = sido
    attributes.rows["region_label"] = written
    if (sigungu != "").any():
        attributes.rows["sigungu"] = sigungu
    return columns


def periods_of(parts: Parts, attributes: CellAttributes) -> None:
    """`period` and `flag` per column (wide) or per row (long)."""
    if parts.layout.kind == "wide":
        attributes.columns["period"] = np.array([c.period for c in parts.columns], dtype=object)
        attributes.columns["flag"] = np.array([c.flag for c in parts.columns], dtype=object)
        return
    column = next(j for j, role in parts.layout.roles.items() if role == "period")
    periods, flags = [], []
    for row, label in enumerate(parts.labels[column]):
        parsed = parse_period_label(label)
        if parsed is None:
            raise parts.grid.fail("not a period", line=parts.line(row), column=parts.layout.names[column],
                                  value=label, expected="a period such as 2024, 2024-01, '2024.01 월', '2024.1/2'")
        periods.append(parsed[0])
        flags.append(parsed[1])
    attributes.rows["period"] = np.array(periods, dtype=object)
    attributes.rows["flag"] = np.array(flags, dtype=object)


def _role_column(parts: Parts, role: str) -> int | None:
    return next((j for j, r in parts.layout.roles.items() if r == role), None)


def _label_units(parts: Parts, classification: list[int]) -> tuple[np.ndarray, dict[int, list[str]]]:
    """Units printed in row labels (`총피해액 (천원)`), innermost first, stripped from those labels."""
    units = np.full(parts.n_rows, "", dtype=object)
    stripped = {j: list(parts.labels[j]) for j in classification}
    for j in reversed(classification):
        for row, label in enumerate(parts.labels[j]):
            _, name, unit = parse_item(label)
            if unit and not units[row]:
                units[row], stripped[j][row] = unit, name
    return units, stripped


def items_of(parts: Parts, attributes: CellAttributes, classification: list[int]) -> dict[int, list[str]]:
    """`item`, `unit`, `measure` and the column classification; returns the row labels to keep."""
    item_column, unit_column = _role_column(parts, "item"), _role_column(parts, "unit")
    named_value = _role_column(parts, "value") is not None or "value" in parts.layout.roles.values()
    from_columns = [item_from_parts(c.parts) if not named_value else ("", None) for c in parts.columns]
    measures = [parse_item(c.measure)[1:] if c.measure else ("", None) for c in parts.columns]
    attributes.columns["unit"] = np.array([m_unit or unit or "" for (_, unit), (_, m_unit) in zip(from_columns, measures)],
                                          dtype=object)
    attributes.columns["measure"] = np.array([name for name, _ in measures], dtype=object)
    if item_column is not None:
        row_items = [parse_item(label) for label in parts.labels[item_column]]
        attributes.rows["item"] = np.array([name for _, name, _ in row_items], dtype=object)
        attributes.rows["unit"] = np.array([unit or "" for _, _, unit in row_items], dtype=object)
        if any(name for name, _ in from_columns):
            attributes.columns[COLUMN_CLASSIFICATION] = np.array([name for name, _ in from_columns], dtype=object)
    else:
        attributes.columns["item"] = np.array([name or (parts.hints.item or "") for name, _ in from_columns],
                                              dtype=object)
    if unit_column is not None:
        attributes.rows["unit"] = np.array(parts.labels[unit_column], dtype=object)
    label_units, stripped = _label_units(parts, classification)
    if (label_units != "").any():
        existing = attributes.rows.get("unit")
        attributes.rows["unit"] = label_units if existing is None else np.where(existing != "", existing, label_units)
    return stripped


def markers_of(parts: Parts) -> np.ndarray | None:
    """A 비고 column's markers per row (long tables), or None."""
    column = _role_column(parts, "marker")
    return None if column is None else np.array(parts.labels[column], dtype=object)
