"""CSV files for readers: UTF-8 with a BOM (Korean Excel), Korean headers, values rounded as the
page shows them, and no cell a spreadsheet would run as a formula (OWASP CSV injection). Each
comes with a W3C CSVW metadata file: title, unit, source, licence, how to cite, build date, and
the English key of every column."""
from __future__ import annotations

import json
import re

import pandas as pd

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d[\d,]*)?(\.\d+)?%?")


def neutralise(value):
    """A text cell a spreadsheet would read as a formula, prefixed with ' (numbers stay as they are)."""
    if not isinstance(value, str) or not value.startswith(FORMULA_START):
        return value
    if NUMBER.fullmatch(value) and any(c.isdigit() for c in value):
        return value
    return "'" + value


def csv_text(frame: pd.DataFrame) -> str:
    """The frame as a reader's CSV: BOM, neutralised text cells, one line per row."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object:
            safe[column] = safe[column].map(neutralise)
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    return BOM + safe.to_csv(index=False, lineterminator="\n")


def metadata(file: str, *, title: str, columns: list[tuple[str, str]], unit: str, sources: list[str],
             licence: str, citation: str, built: str) -> str:
    """The CSVW metadata of `file` (its `file-metadata.json`): what a reader needs to reuse it."""
    return json.dumps({
        "@context": "http://www.w3.org/ns/csvw", "url": file, "dc:title": title, "dc:license": licence,
        "dc:source": sources, "dc:created": built, "dc:bibliographicCitation": citation, "unit": unit,
        "dialect": {"encoding": "utf-8", "header": True},
        "tableSchema": {"columns": [{"name": key, "titles": title_ko} for key, title_ko in columns]},
    }, ensure_ascii=False, indent=1) + "\n"
