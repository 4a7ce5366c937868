"""The facts table: dated figures and events from news reports, one value per row, each with its
URL, outlet, verbatim quote and a Korean one-line claim a reader sees beside the quote."""
from __future__ import annotations

import calendar
import csv
import hashlib
import re
from pathlib import Path

import pandas as pd

from ..errors import InputError

COLUMNS = ["topic", "claim_en", "claim_ko", "value", "unit", "as_of", "source_url", "published", "outlet", "quote"]
REQUIRED = ("topic", "claim_en", "claim_ko", "value", "unit", "source_url", "outlet", "quote")

_DATE = re.compile(r"(?<!\d)(\d{4})(?:-(\d{2}|Q[1-4]|H[12])(?!\d))?(?:-(\d{2})(?!\d))?")
_NUMBER = re.compile(r"^(~)?([+-]?\d+(?:\.\d+)?)$")
_SUM = re.compile(r"^(\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?)$")


class FactsError(InputError, ValueError):
    """A facts row that cannot be made tidy, naming the file, line and field."""


def fact_id(topic: str, source_url: str, claim: str) -> str:
    """Stable across reordering of the file: topic plus a short hash of source and claim."""
    digest = hashlib.sha1(f"{source_url}|{claim}".encode()).hexdigest()[:6]
    return f"{topic}-{digest}"


def parse_date(text: str) -> pd.Timestamp | None:
    """First date in a free-text date field; a month or year alone means its midpoint.

    A date that does not exist (month 13, 2 February 30) raises ValueError rather than
    silently becoming another day."""
    match = _DATE.search(text)
    if not match:
        return None
    year, part, day = match.groups()
    year = int(year)
    if part is None:
        return pd.Timestamp(year, 7, 1)
    if part.startswith("Q"):
        return pd.Timestamp(year, 3 * int(part[1]) - 1, 15)
    if part.startswith("H"):
        return pd.Timestamp(year, 4 if part == "H1" else 10, 1)
    month = int(part)
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} in {text!r} does not exist")
    if day is None:
        return pd.Timestamp(year, month, 15)
    if not 1 <= int(day) <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"day {int(day)} in {text!r} does not exist in {year}-{month:02d}")
    return pd.Timestamp(year, month, int(day))


def date_label(text: str) -> str:
    """The first date of a free-text date field as written (`2024`, `2024-11`, `2024-11-25`)."""
    match = _DATE.search(text)
    return match.group(0) if match else text.strip()


def parse_value(text: str) -> tuple[float | None, bool]:
    """(number, approximate) for `5000`, `~2`, `101+10`; (None, False) for dates and ratios."""
    text = text.strip()
    match = _NUMBER.match(text)
    if match:
        return float(match.group(2)), bool(match.group(1))
    match = _SUM.match(text)
    if match:
        return float(match.group(1)) + float(match.group(2)), False
    return None, False


def _check(path: Path, line: int, record: dict) -> None:
    for name in REQUIRED:
        if not (record.get(name) or "").strip():
            raise FactsError.at(path, f"field {name!r} is empty", line=line, expected=f"a {name}")
    if not record["source_url"].startswith(("http://", "https://")):
        raise FactsError.at(path, "source_url is not a URL", line=line, value=record["source_url"])


def _date(path: Path, line: int, field: str, text: str) -> pd.Timestamp | None:
    try:
        return parse_date(text)
    except ValueError as exc:
        raise FactsError.at(path, f"field {field!r}: {exc}", line=line, value=text,
                            expected="a real date such as 2024-11-25, 2024-11, 2024-Q2 or 2024") from None


def _values(path: Path, line: int, record: dict) -> list[tuple[str, str, str]]:
    """(value, unit, as_of) for each of the `;`-separated values of a row."""
    values, units = record["value"].split(";"), record["unit"].split(";")
    units = units * len(values) if len(units) == 1 else units
    if len(units) != len(values):
        raise FactsError.at(path, f"{len(values)} values ({record['value']!r}) but {len(units)} units "
                            f"({record['unit']!r})", line=line, expected="one unit, or one per value")
    as_of = record["as_of"].split(";")
    as_of = as_of if len(as_of) == len(values) else [record["as_of"]] * len(values)
    return list(zip(values, units, as_of))


def _rows(path: Path, line: int, record: dict) -> list[dict]:
    published = _date(path, line, "published", record["published"])
    base_id = fact_id(record["topic"], record["source_url"], record["claim_en"])
    parts = _values(path, line, record)
    rows = []
    for part, (value, unit, when) in enumerate(parts, 1):
        number, approximate = parse_value(value)
        rows.append({
            "fact_id": base_id if len(parts) == 1 else f"{base_id}.{part}",
            "topic": record["topic"].strip(), "claim_en": record["claim_en"].strip(),
            "claim_ko": record["claim_ko"].strip(), "value": number, "value_text": value.strip(),
            "approximate": approximate, "unit": unit.strip(), "as_of": when.strip(),
            "as_of_date": _date(path, line, "as_of", when), "published": record["published"].strip(),
            "published_date": published, "published_label": date_label(record["published"]),
            "source_url": record["source_url"].strip(),
            "outlet": record["outlet"].strip(), "quote": record["quote"].strip(), "source_line": line})
    return rows


def tidy(path: Path) -> pd.DataFrame:
    """One row per value: `5000;8000;10` with `jobs;jobs;trillion KRW` becomes three rows."""
    rows, lines_by_id = [], {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != COLUMNS:
            raise FactsError.at(path, f"header is {reader.fieldnames}", line=1, expected=f"{COLUMNS}")
        start = 2
        for record in reader:
            line, start = start, reader.line_num + 1
            _check(path, line, record)
            for row in _rows(path, line, record):
                if row["fact_id"] in lines_by_id:
                    raise FactsError.at(path, f"the same fact (source and claim) appears twice, on lines "
                                        f"{lines_by_id[row['fact_id']]} and {line}", line=line,
                                        expected="each fact once")
                lines_by_id[row["fact_id"]] = line
                rows.append(row)
    if not rows:
        raise FactsError.at(path, "no facts")
    return pd.DataFrame(rows)
