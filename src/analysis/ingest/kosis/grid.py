"""A KOSIS download as a grid of text cells with the line (CSV) or row (XLSX) each record starts on.

Decoding, CSV parsing and XLSX reading happen here; nothing here knows what the cells mean.
Columns empty in every record (a trailing separator on each line) are dropped; a record with
fewer fields than the header is a truncated file and stops with its line.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import InputError


class KosisFormatError(InputError, ValueError):
    """A KOSIS export the reader cannot turn into numbers, with where and why."""


@dataclass
class Grid:
    path: Path
    rows: list[list[str]]
    lines: list[int]
    encoding: str
    line_word: str = "line"  # "row" for spreadsheets
    footer: list[tuple[int, str]] = field(default_factory=list)         # (line, text) below the table
    sheets: dict[str, list[list[str]]] = field(default_factory=dict)    # a workbook's other sheets

    def fail(self, problem: str, **where) -> KosisFormatError:
        """An error for this file; `line=` is a record index into `rows`, reported as its line."""
        if "line" in where and where["line"] is not None:
            where["line"] = self.lines[where["line"]]
        error = KosisFormatError.at(self.path, problem, **where)
        if self.line_word != "line":
            error.args = (str(error).replace(", line ", f", {self.line_word} ", 1),)
        return error

    @property
    def width(self) -> int:
        return len(self.rows[0])


def _decode(path: Path, raw: bytes) -> tuple[str, str]:
    if not raw.strip():
        raise KosisFormatError.at(path, "the file is empty", expected="a KOSIS CSV or XLSX export")
    if b"\x00" in raw[:4096]:
        raise KosisFormatError.at(path, "NUL bytes found: the file is UTF-16 or binary",
                                  expected="CSV text in utf-8 (with or without BOM) or cp949, or an .xlsx file")
    encodings = ["utf-8-sig"] if raw.startswith(b"\xef\xbb\xbf") else ["utf-8", "cp949"]
    problems = []
    for encoding in encodings:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            problems.append(f"{encoding}: byte {raw[exc.start:exc.start + 1]!r} at offset {exc.start}")
    raise KosisFormatError.at(path, "cannot decode the file (" + "; ".join(problems) + ")",
                              expected="utf-8 (with or without BOM) or cp949")


def _csv_records(path: Path, text: str) -> tuple[list[list[str]], list[int]]:
    """Non-empty CSV records and the line each starts on; quoted line breaks stay inside a cell."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows, lines, start = [], [], 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append(row)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise KosisFormatError.at(path, f"malformed CSV: {exc}", line=reader.line_num) from None
    return rows, lines


def _cell_text(value) -> str:
    """A spreadsheet cell as the text KOSIS would have written: 1234.0 -> '1234', None -> ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _sheet_records(sheet) -> tuple[list[list[str]], list[int]]:
    rows, lines = [], []
    for number, row in enumerate(sheet, 1):
        cells = [_cell_text(value) for value in row]
        if any(cell.strip() for cell in cells):
            rows.append(cells)
            lines.append(number)
    return rows, lines


def _xlsx_sheets(path: Path) -> dict[str, tuple[list[list[str]], list[int]]]:
    """Every sheet's records, the data sheet first (a KOSIS download adds a 메타정보 sheet)."""
    from python_calamine import CalamineWorkbook
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        return {name: _sheet_records(workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
                for name in workbook.sheet_names}
    except Exception as exc:  # noqa: BLE001  (calamine raises its own types for every kind of broken workbook)
        raise KosisFormatError.at(path, f"cannot read the workbook ({type(exc).__name__}: {exc})",
                                  expected="a KOSIS .xlsx download") from None


_FOOTER = re.compile(r"^\s*(출처|자료|주\s*[:)]|※|\*\s*주)")


def _split_footer(grid: Grid) -> Grid:
    """Lines below the table with text in the first cell only (`출처: 통계청`, `주) …`, `※ …`) are a
    footer, kept apart: never a row of the table, never a truncated record."""
    while len(grid.rows) > 2 and _FOOTER.match(grid.rows[-1][0]) and not any(c.strip() for c in grid.rows[-1][1:]):
        grid.footer.insert(0, (grid.lines.pop(), grid.rows.pop()[0].strip()))
    return grid


def _trim_and_check(grid: Grid) -> Grid:
    """Drop columns empty in every record (trailing separators) and refuse truncated records."""
    width = max(len(row) for row in grid.rows)
    used = [j for j in range(width) if any(j < len(row) and row[j].strip() for row in grid.rows)]
    if not used:
        raise grid.fail("no cells with text", expected="a KOSIS export")
    keep = width
    while keep > 0 and keep - 1 not in used:
        keep -= 1
    header_width = len(grid.rows[0])
    rows = []
    for index, row in enumerate(grid.rows):
        if len(row) < min(keep, header_width):
            raise grid.fail(f"{len(row)} fields where the header has {header_width} (truncated or malformed file)",
                            line=index)
        rows.append((row + [""] * keep)[:keep])
    grid.rows = rows
    if keep < 2:
        raise grid.fail("only one column", expected="label columns and value columns")
    return grid


def read_grid(path: Path) -> Grid:
    """The cells of a CSV or XLSX download, trailing empty columns dropped."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KosisFormatError.at(path, f"cannot read the file ({exc.strerror})") from None
    if raw[:4] == b"PK\x03\x04":
        sheets = _xlsx_sheets(path)
        rows, lines = next(iter(sheets.values()))
        grid = Grid(path, rows, lines, "xlsx", line_word="row",
                    sheets={name: records for name, (records, _) in list(sheets.items())[1:]})
    else:
        text, encoding = _decode(path, raw)
        rows, lines = _csv_records(path, text)
        grid = Grid(path, rows, lines, encoding)
    if not grid.rows:
        raise KosisFormatError.at(path, "the file has no rows", expected="a KOSIS export")
    return _trim_and_check(_split_footer(grid))
