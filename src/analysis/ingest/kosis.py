"""One reader for KOSIS exports, whatever their layout, returning a validated long table.

The reader detects rather than configures: encoding (utf-8 with or without BOM, cp949),
header rows (one or two), periods in columns or in rows, codes and units inside labels,
blank label cells meaning "same as above", and the markers KOSIS uses for missing values.
Anything it cannot understand stops with a `KosisFormatError` naming the file, the line and
the column or value, so a wrong number never slips through as a silently missing one.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..vocab import regions
from ..errors import InputError
from ..vocab.periods import frequency, parse_period

# Values KOSIS prints instead of a number: '-' nothing to count, 'X' suppressed for
# confidentiality, '…' / '...' not available. The marker is kept beside the empty value.
MARKERS = {"-": "-", "X": "X", "x": "X", "…": "…", "...": "…", "..": "…"}
BLANK_MARKER = "(blank)"

KNOWN_UNITS = {
    "천명", "명", "개", "%", "%p", "백만원", "천원", "원", "억원", "십억원", "조원", "천개",
    "개소", "개사", "대", "건", "가구", "천가구", "세", "시간", "배", "달러", "천달러",
}

# Header names that give a column its role in period-in-rows (long) exports.
PERIOD_HEADERS = {"시점", "시점별", "연도", "년도", "연월", "년월", "기간", "PRD_DE", "period", "year"}
VALUE_HEADERS = {"값", "데이터", "수치", "DT", "value"}
ITEM_HEADERS = {"항목", "항목명", "항목별", "지표", "ITM_NM", "item"}
UNIT_HEADERS = {"단위", "UNIT_NM", "unit"}
MARKER_HEADERS = {"비고"}
REGION_HEADER_WORDS = ("시도", "행정구역", "지역", "시군구", "광역지자체", "region")

_ITEM = re.compile(r"^(?:(?P<code>[A-Z]{1,3}\d{1,5})\s+)?(?P<name>.*?)\s*(?:\((?P<paren>[^()]*)\))?$")
_DIM_HEADER = re.compile(r"^(?:[A-Z]\s+)?(?P<name>.*?)(?:\(\d+\))?$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


class KosisFormatError(InputError, ValueError):
    """A KOSIS export the reader cannot turn into numbers, with where and why."""

    def __init__(self, path: Path | str, problem: str, *, line: int | None = None,
                 column: str | None = None, value: str | None = None, expected: str | None = None):
        self.path, self.line, self.column, self.value = str(path), line, column, value
        where = [f"{path}"]
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column!r}")
        message = ", ".join(where) + f": {problem}"
        if value is not None:
            message += f" (value {value!r})"
        if expected:
            message += f"; expected {expected}"
        super().__init__(message)


@dataclass
class KosisTable:
    """The long table and what the reader detected, for the analyst to check."""

    data: pd.DataFrame
    detected: dict = field(default_factory=dict)

    def summary(self) -> str:
        lines = [f"{k}: {v}" for k, v in self.detected.items()]
        return "\n".join(lines)


def clean_label(text: str) -> str:
    """Collapse inner whitespace and line breaks, as KOSIS wraps long labels."""
    return re.sub(r"\s+", " ", text).strip()


def parse_item(label: str) -> tuple[str | None, str, str | None]:
    """`T10 15세이상인구 (14STD06156 천명)` -> ("T10", "15세이상인구", "천명")."""
    match = _ITEM.match(clean_label(label))
    code, name, paren = match.group("code"), match.group("name"), match.group("paren")
    if paren is not None:
        unit = paren.split()[-1] if paren.split() else ""
        if unit in KNOWN_UNITS:
            return code, name, unit
        name = f"{name}({paren})"
    return code, name, None


def dimension_name(header: str) -> str:
    """`A 시도별(1)` -> `시도별`: the classification's name without KOSIS codes."""
    return _DIM_HEADER.match(clean_label(header)).group("name") or clean_label(header)


def parse_number(cell: str) -> tuple[float | None, str | None] | None:
    """(value, marker) for a numeric or marker cell; None if the cell is text."""
    text = cell.strip()
    if text == "":
        return None, BLANK_MARKER
    if text in MARKERS:
        return None, MARKERS[text]
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    try:
        return float(text), ""
    except ValueError:
        return None


def _decode(path: Path, raw: bytes) -> tuple[str, str]:
    if not raw.strip():
        raise KosisFormatError(path, "the file is empty", expected="a KOSIS CSV export")
    if b"\x00" in raw[:4096]:
        raise KosisFormatError(path, "NUL bytes found: the file is UTF-16 or binary",
                               expected="CSV text in utf-8 (with or without BOM) or cp949")
    if raw.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    else:
        encodings = ["utf-8", "cp949"]
    errors = []
    for encoding in encodings:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            errors.append(f"{encoding}: byte {raw[exc.start:exc.start + 1]!r} at offset {exc.start}")
    raise KosisFormatError(path, "cannot decode the file (" + "; ".join(errors) + ")",
                           expected="utf-8 (with or without BOM) or cp949")


def _records(path: Path, text: str) -> list[tuple[int, list[str]]]:
    """CSV records with the line each starts on; quoted line breaks stay inside a cell."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records, start = [], 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                records.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise KosisFormatError(path, f"malformed CSV: {exc}", line=reader.line_num) from exc
    if not records:
        raise KosisFormatError(path, "the file has no rows", expected="a KOSIS CSV export")
    width = len(records[0][1])
    for line, row in records[1:]:
        if len(row) != width:
            raise KosisFormatError(
                path, f"{len(row)} fields where the header has {width} (truncated or malformed file)",
                line=line)
    if width < 2:
        raise KosisFormatError(path, "only one column", expected="label columns and value columns")
    return records


class _Reader:
    """Holds one file's records while its layout is worked out."""

    def __init__(self, path: Path, records, encoding: str, item: str | None, unit: str | None):
        self.path, self.records, self.encoding = path, records, encoding
        self.default_item, self.default_unit = item, unit
        self.filled = 0

    def fail(self, problem, **where):
        raise KosisFormatError(self.path, problem, **where)

    # -- layout ---------------------------------------------------------------------------

    def read(self) -> KosisTable:
        header = [clean_label(c) for c in self.records[0][1]]
        period_columns = [j for j, cell in enumerate(header) if parse_period(cell)]
        if period_columns:
            frame, layout, header_rows = self._wide(period_columns)
        else:
            period_column = self._find_period_column(header)
            frame, layout, header_rows = self._long(header, period_column)
        frame = self._regions(frame)
        frame = self._finish(frame)
        return KosisTable(frame, self._detected(frame, layout, header_rows))

    def _find_period_column(self, header: list[str]) -> int:
        for j, name in enumerate(header):
            if name in PERIOD_HEADERS:
                return j
        body = self.records[1:]
        for j in range(len(header)):
            cells = [row[j] for _, row in body if row[j].strip()]
            decimals = all(parse_number(c) is not None and "." in c for c in cells)  # 2021.5 is a value
            if cells and all(parse_period(c) for c in cells) and not decimals:
                return j
        self.fail("no period found in the header or in any column",
                  expected="period columns such as 2024, 'Y2024 2024', '2024.01 월', '2024.1/2' "
                           "or a period column named 시점/연도/연월")

    # -- periods in columns (the shape of a raw KOSIS download) -----------------------------

    def _wide(self, period_columns: list[int]):
        first = period_columns[0]
        dims = list(range(first))
        if not dims:
            self.fail("period columns start at the first column", expected="label columns before the periods")
        header_rows = 1
        while header_rows < len(self.records) and self._is_header_row(self.records[header_rows][1], first):
            header_rows += 1
        headers = [[clean_label(c) for c in row] for _, row in self.records[:header_rows]]
        columns = []
        for j in range(first, len(headers[0])):
            cells = [h[j] for h in headers]
            periods = [p for p in map(parse_period, cells) if p]
            if len(periods) != 1:
                self.fail(f"value column {j + 1} has {len(periods)} period labels in its header",
                          column=" / ".join(cells), expected="exactly one period label per value column")
            item_text = " ".join(c for c in cells if c and not parse_period(c))
            columns.append((j, periods[0], item_text, " / ".join(cells)))
        dim_names = [dimension_name(self.records[0][1][j]) for j in dims]
        rows, previous = [], [None] * len(dims)
        for line, row in self.records[header_rows:]:
            labels = []
            for k, j in enumerate(dims):
                label = clean_label(row[j])
                if not label:
                    if previous[k] is None:
                        self.fail("blank label with nothing above it to repeat", line=line,
                                  column=dim_names[k], expected=f"a {dim_names[k]} label")
                    label = previous[k]
                    self.filled += 1
                else:
                    # an explicit label starts a new block: labels below it no longer carry over
                    previous[k + 1:] = [None] * (len(dims) - k - 1)
                previous[k] = label
                labels.append(label)
            for j, period, item_text, column_name in columns:
                value, marker = self._value(row[j], line, column_name)
                rows.append([*labels, item_text, period, value, marker, line])
        frame = pd.DataFrame(rows, columns=[*dim_names, "_item", "period", "value", "marker", "source_line"])
        layout = "wide (periods in columns)"
        return frame, layout, header_rows

    def _is_header_row(self, row: list[str], first_value_column: int) -> bool:
        """A second header row repeats (or leaves blank) the label headers and has text over the values."""
        header = self.records[0][1]
        labels_repeat = all(not c.strip() or clean_label(c) == clean_label(h)
                            for c, h in zip(row[:first_value_column], header[:first_value_column]))
        cells = [c.strip() for c in row[first_value_column:]]
        return labels_repeat and all(c and parse_number(c) is None for c in cells)

    # -- periods in rows (long tables, KOSIS 'period in rows' layout) ------------------------

    def _long(self, header: list[str], period_column: int):
        roles = {"period": period_column}
        for j, name in enumerate(header):
            for role, names in (("value", VALUE_HEADERS), ("item", ITEM_HEADERS),
                                ("unit", UNIT_HEADERS), ("marker", MARKER_HEADERS)):
                if name in names and role not in roles:
                    roles[role] = j
        body = self.records[1:]
        if "value" in roles:
            value_columns = [roles["value"]]
        else:
            # items in columns: every column holding only numbers and markers is a value column
            taken = set(roles.values())
            value_columns = [j for j in range(len(header)) if j not in taken and all(
                parse_number(row[j]) is not None for _, row in body)]
            if not value_columns:
                self.fail("no value column found", expected="a column named 값/데이터 or numeric item columns")
        taken = set(roles.values()) | set(value_columns)
        dims = [j for j in range(len(header)) if j not in taken]
        dim_names = [dimension_name(header[j]) for j in dims]
        rows = []
        for line, row in body:
            period = parse_period(row[period_column])
            if period is None:
                self.fail("not a period", line=line, column=header[period_column], value=row[period_column],
                          expected="a period such as 2024, 2024-01, '2024.01 월', '2024.1/2'")
            labels = [clean_label(row[j]) for j in dims]
            for j in value_columns:
                value, marker = self._value(row[j], line, header[j])
                if "marker" in roles and row[roles["marker"]].strip() and value is None:
                    marker = MARKERS.get(row[roles["marker"]].strip(), row[roles["marker"]].strip())
                if "item" in roles:
                    item_text = row[roles["item"]]
                    if "unit" in roles and row[roles["unit"]].strip():
                        item_text = f"{clean_label(item_text)} ({row[roles['unit']].strip()})"
                else:
                    item_text = header[j]
                rows.append([*labels, clean_label(item_text), period, value, marker, line])
        frame = pd.DataFrame(rows, columns=[*dim_names, "_item", "period", "value", "marker", "source_line"])
        return frame, "long (periods in rows)", 1

    # -- cells ----------------------------------------------------------------------------------

    def _value(self, cell: str, line: int, column: str) -> tuple[float | None, str | None]:
        parsed = parse_number(cell)
        if parsed is None:
            self.fail("text in a numeric cell", line=line, column=column, value=cell,
                      expected="a number, or one of the markers - X …")
        return parsed

    # -- regions ---------------------------------------------------------------------------------

    def _regions(self, frame: pd.DataFrame) -> pd.DataFrame:
        dims = [c for c in frame.columns if c not in ("_item", "period", "value", "marker", "source_line")]
        named = [c for c in dims if any(word in c for word in REGION_HEADER_WORDS)]
        with_regions = [c for c in dims if any(regions.sido_name(v) for v in frame[c].unique() if v)]
        region_column = (named or with_regions or [None])[0]
        if region_column is None:
            self.fail("no region column found", expected=f"a column of region names such as "
                                                          f"{', '.join(regions.SIDO[:3])} or 계")
        sido, sigungu, current = [], [], None
        for label, line in zip(frame[region_column], frame["source_line"]):
            if not label:
                self.fail("missing region", line=line, column=region_column, expected="a region name")
            name = regions.sido_name(label)
            if name is not None:
                current = name
                sido.append(name)
                sigungu.append("")
                continue
            if regions.is_sigungu(label):
                code, bare = regions.split_code(label)
                parent = regions.sido_of_sigungu_code(code) or (current if current != regions.NATIONAL else None)
                if parent is None:
                    self.fail("시군구 without its 시도", line=line, column=region_column, value=label,
                              expected="a 시도 row above it or a 5-digit region code (31250 광주시)")
                sido.append(parent)
                sigungu.append(regions.squeeze(bare))
                continue
            self.fail("unknown region", line=line, column=region_column, value=label,
                      expected=f"one of {', '.join(regions.SIDO)} or 계/전국")
        frame = frame.drop(columns=[region_column])
        frame.insert(0, "region", sido)
        if any(sigungu):
            frame.insert(1, "sigungu", sigungu)
        return frame

    # -- items, units, checks -------------------------------------------------------------------

    def _finish(self, frame: pd.DataFrame) -> pd.DataFrame:
        parsed = {text: parse_item(text) if text else (None, self.default_item, None)
                  for text in frame["_item"].unique()}
        for _, name, unit in parsed.values():
            if not name:
                self.fail("the file names no item", expected="an item row in the header, or pass item= "
                                                             "(manifest reader.item / --item)")
            if unit is None and self.default_unit is None:
                self.fail(f"no unit for item {name!r}",
                          expected="a unit in the item label such as '(천명)', or pass unit= "
                                   "(manifest reader.unit / --unit)")
        frame.insert(frame.columns.get_loc("_item"), "item", frame["_item"].map(lambda t: parsed[t][1]))
        frame.insert(frame.columns.get_loc("_item"), "unit",
                     frame["_item"].map(lambda t: parsed[t][2] or self.default_unit))
        frame = frame.drop(columns=["_item"])
        blank_dims = [c for c in frame.columns if c != "marker" and frame[c].astype(str).eq("").all()]
        frame = frame.drop(columns=blank_dims)
        keys = [c for c in frame.columns if c not in ("unit", "value", "marker", "source_line")]
        duplicated = frame.duplicated(keys, keep=False)
        if duplicated.any():
            dup = frame[duplicated].sort_values("source_line").iloc[:2]
            key = ", ".join(f"{k}={dup.iloc[0][k]}" for k in keys)
            self.fail(f"the same observation appears twice ({key}) on lines "
                      f"{dup.iloc[0]['source_line']} and {dup.iloc[1]['source_line']}",
                      expected="one value per region, classification, item and period")
        frame["value"] = frame["value"].astype(float)
        frame["marker"] = frame["marker"].fillna("").astype(str)
        return frame.reset_index(drop=True)

    def _detected(self, frame: pd.DataFrame, layout: str, header_rows: int) -> dict:
        periods = sorted(frame["period"].unique())
        classifications = [c for c in frame.columns if c not in
                           ("region", "sigungu", "item", "unit", "period", "value", "marker", "source_line")]
        items = frame.drop_duplicates(["item", "unit"])
        markers = Counter(m for m in frame["marker"] if m)
        return {
            "file": str(self.path),
            "encoding": self.encoding,
            "layout": layout,
            "header_rows": header_rows,
            "rows": len(frame),
            "items": "; ".join(f"{i} ({u})" for i, u in zip(items["item"], items["unit"])),
            "units": ", ".join(sorted(frame["unit"].unique())),
            "periods": f"{periods[0]} … {periods[-1]} ({len(periods)} {frequency(periods[0])})",
            "regions": ", ".join(sorted(frame["region"].unique(), key=regions.order)),
            "classifications": ", ".join(classifications) or "none",
            "markers": ", ".join(f"{m}×{n}" for m, n in markers.items()) or "none",
            "blank labels filled from the row above": self.filled,
        }


def read_kosis(path: Path | str, *, item: str | None = None, unit: str | None = None) -> KosisTable:
    """Read any KOSIS export into a long table (region, …classifications, item, unit, period,
    value, marker, source_line). `item` and `unit` fill in what a file does not state."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KosisFormatError(path, f"cannot read the file: {exc.strerror}") from exc
    text, encoding = _decode(path, raw)
    records = _records(path, text)
    return _Reader(path, records, encoding, item, unit).read()
