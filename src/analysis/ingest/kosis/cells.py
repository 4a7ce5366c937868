"""Value cells: numbers as KOSIS prints them, the markers it prints instead, and value flags.

Parsing is vectorised over whole columns so that a large export stays cheap in memory and time.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

# Values KOSIS prints instead of a number: '-' nothing to count, 'X'/'x' suppressed for
# confidentiality, '*' not published (too unreliable or confidential), '…'/'...' not available.
# An empty cell is kept as its own marker. The marker is kept beside the missing value.
MARKERS = {"-": "-", "X": "X", "x": "X", "*": "*", "…": "…", "...": "…", "..": "…", "": "(blank)"}
BLANK_MARKER = "(blank)"
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
# A number followed by a note mark: `12.3*` (RSE 25–50% in KOSIS survey tables) or `12.3 p)`.
_FLAGGED = re.compile(r"^(?P<number>[+-]?[\d,]*\.?\d+)\s*(?P<flag>\*|[pre]\)|\([pre]\))$")
_PAIR = re.compile(r"^(?P<a>[+-]?[\d,]*\.?\d+)/(?P<b>[+-]?[\d,]*\.?\d+)$")
# Full-width forms (１２３，４５６．７, －, ＊) as the ASCII KOSIS means by them; a number stays a number.
FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def parse_scalar(cell: str) -> tuple[float | None, str, str] | None:
    """(value, marker, flag) for one cell, or None when the cell is text."""
    text = cell.translate(FULL_WIDTH).strip().strip('"').strip()
    if text in MARKERS:
        return None, MARKERS[text], ""
    flag = ""
    flagged = _FLAGGED.match(text)
    if flagged:
        text, flag = flagged.group("number"), flagged.group("flag").strip("()")
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    if _NUMBER.match(text) and np.isfinite(float(text)):
        return float(text), "", flag
    return None  # text, or a number no float holds (1e400): refused, never inf


def _parse_slow(text: pd.Series) -> pd.DataFrame:
    """Markers, thousands separators and flagged numbers: the cells `pd.to_numeric` refuses."""
    text = text.str.translate(FULL_WIDTH).str.strip().str.strip('"').str.strip()
    is_marker = text.isin(list(MARKERS))
    flagged = text.str.extract(_FLAGGED)
    number = flagged["number"].where(flagged["number"].notna(), text)
    thousands = number.str.match(_THOUSANDS.pattern)
    number = number.where(~thousands, number.str.replace(",", "", regex=False))
    value = pd.to_numeric(number.where(number.str.match(_NUMBER.pattern) & ~is_marker), errors="coerce")
    numeric = pd.Series(np.isfinite(value.astype(float).to_numpy()), index=text.index)  # 1e400 is not a value
    return pd.DataFrame({"value": value.where(numeric).astype(float),
                         "marker": text.map(MARKERS).where(is_marker, "").fillna(""),
                         "flag": flagged["flag"].fillna("").str.strip("()").where(numeric, ""),
                         "text": ~(numeric | is_marker)}, index=text.index)


def parse_column(cells: pd.Series) -> pd.DataFrame:
    """Vectorised `parse_scalar`: columns value, marker, flag, and `text` (True where unreadable).

    Plain numbers (most cells) go through `pd.to_numeric` in C; only what it refuses is parsed
    with the slower rules for markers, thousands separators and flags.
    """
    cells = cells.astype(object).reset_index(drop=True)
    fast = pd.to_numeric(cells, errors="coerce").astype(float)
    plain = np.isfinite(fast.to_numpy())  # to_numeric refuses '', '1,234', '1_000' and markers
    out = pd.DataFrame({"value": fast.where(plain), "marker": "", "flag": "", "text": False})
    if (~plain).any():
        slow = _parse_slow(cells[~plain].astype(str))
        out.loc[~plain, ["value", "marker", "flag", "text"]] = slow[["value", "marker", "flag", "text"]].to_numpy()
    return out.astype({"value": float, "text": bool})


def split_pair(cell: str) -> tuple[float, float] | None:
    """`4397/8332` -> (4397, 8332): two figures with a composite unit such as 세대/명; a bare zero
    (`0`, `0.00`) means zero of both. None when the cell is neither."""
    text = cell.strip()
    pair = _PAIR.match(text)
    if pair:
        return float(pair.group("a").replace(",", "")), float(pair.group("b").replace(",", ""))
    scalar = parse_scalar(text)
    if scalar is not None and scalar[0] == 0:
        return 0.0, 0.0
    return None


def is_numeric_like(cell: str) -> bool:
    """True for numbers, markers and flagged numbers: what a data cell holds."""
    return parse_scalar(cell) is not None or _PAIR.match(cell.strip()) is not None


def first_text(cells: np.ndarray) -> int | None:
    """Index of the first cell that is not numeric-like, or None."""
    for index, cell in enumerate(cells):
        if not is_numeric_like(cell):
            return index
    return None
