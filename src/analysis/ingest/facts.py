"""The facts table: dated figures from news reports, one value per row, each with its URL and quote."""
from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pandas as pd

from ..errors import InputError

COLUMNS = ["topic", "claim_en", "value", "unit", "as_of", "source_url", "published", "quote"]

_DATE = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2]|Q[1-4]|H[12])(?!\d))?(?:-(\d{2})(?!\d))?")
_NUMBER = re.compile(r"^(~)?([+-]?\d+(?:\.\d+)?)$")
_SUM = re.compile(r"^(\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?)$")


class FactsError(InputError, ValueError):
    """A facts row that cannot be made tidy, naming the file, line and field."""


def fact_id(topic: str, source_url: str, claim: str) -> str:
    """Stable across reordering of the file: topic plus a short hash of source and claim."""
    digest = hashlib.sha1(f"{source_url}|{claim}".encode("utf-8")).hexdigest()[:6]
    return f"{topic}-{digest}"


def parse_date(text: str) -> pd.Timestamp | None:
    """First date in a free-text date field; a month or year alone means its midpoint."""
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
    return pd.Timestamp(year, month, int(day)) if day else pd.Timestamp(year, month, 15)


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


def tidy(path: Path) -> pd.DataFrame:
    """One row per value: `5000;8000;10` with `jobs;jobs;trillion KRW` becomes three rows."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != COLUMNS:
            raise FactsError(f"{path}: header is {reader.fieldnames}; expected {COLUMNS}")
        rows, start = [], 2
        for record in reader:
            line = start
            start = reader.line_num + 1
            for name in ("topic", "claim_en", "value", "unit", "source_url", "quote"):
                if not (record.get(name) or "").strip():
                    raise FactsError(f"{path}, line {line}: field {name!r} is empty")
            if not record["source_url"].startswith(("http://", "https://")):
                raise FactsError(f"{path}, line {line}: source_url {record['source_url']!r} is not a URL")
            values = record["value"].split(";")
            units = record["unit"].split(";")
            if len(units) == 1:
                units = units * len(values)
            if len(units) != len(values):
                raise FactsError(f"{path}, line {line}: {len(values)} values ({record['value']!r}) but "
                                 f"{len(units)} units ({record['unit']!r}); expected one unit or one per value")
            as_of = record["as_of"].split(";")
            as_of = as_of if len(as_of) == len(values) else [record["as_of"]] * len(values)
            published = parse_date(record["published"])
            base_id = fact_id(record["topic"], record["source_url"], record["claim_en"])
            for part, (value, unit, when) in enumerate(zip(values, units, as_of), 1):
                number, approximate = parse_value(value)
                rows.append({
                    "fact_id": base_id if len(values) == 1 else f"{base_id}.{part}",
                    "topic": record["topic"].strip(),
                    "claim_en": record["claim_en"].strip(),
                    "value": number,
                    "value_text": value.strip(),
                    "approximate": approximate,
                    "unit": unit.strip(),
                    "as_of": when.strip(),
                    "as_of_date": parse_date(when),
                    "published": record["published"].strip(),
                    "published_date": published,
                    "source_url": record["source_url"].strip(),
                    "quote": record["quote"].strip(),
                    "source_line": line,
                })
    frame = pd.DataFrame(rows)
    if frame.empty:
        raise FactsError(f"{path}: no facts")
    return frame
