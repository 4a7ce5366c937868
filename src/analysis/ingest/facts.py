"""The facts table: dated figures and events from news reports, one value per row, each with its
URL, outlet, verbatim quote and a Korean one-line claim a reader sees beside the quote.

Every column is typed (data/raw/facts/README.md): a row is validated as a pydantic model, and a
field that does not take its declared form stops the build with the file, line, column, value and
what was expected; nothing becomes NaN or another date on the way.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Annotated

import pandas as pd
from pydantic import AfterValidator, BaseModel, ConfigDict

from ..errors import InputError
from .csv_rows import FieldProblem, Required, declared, records, refused, required, typed
from .fact_fields import DATE_FORMS, PERIOD_FORMS, When, parse_date, parse_value
from .fact_terms import SERIES, TOPICS, UNITS
from .outlets import Outlet, source_kind

COLUMNS = ["fact_id", "topic", "claim_en", "claim_ko", "value", "unit", "as_of", "as_of_note", "source_url", "title",
           "archive_url", "published", "published_note", "outlet", "quote"]
_FACT_ID = re.compile(r"[a-z][a-z0-9_]*-[0-9a-f]{6}")
_SERIES_PRECISION = ("day", "month")


class FactsError(InputError, ValueError):
    """A facts row that cannot be typed, naming the file, line, column and value."""


def suggested_id(topic: str, source_url: str, claim: str) -> str:
    """An id for a new row (topic and a short hash of source and claim), offered when it has none."""
    return f"{topic}-{hashlib.sha1(f'{source_url}|{claim}'.encode()).hexdigest()[:6]}"


def _fact_id(text: str) -> str:
    if text and not _FACT_ID.fullmatch(text):
        raise FieldProblem(f"{text!r} is not a fact id", "topic, '-', 6 hex digits (ai_mou-3f9a1c); "
                           "the .1, .2 of a row of several values are added when it is read")
    return text


def _topic(text: str) -> str:
    return declared("topic", text, TOPICS, f"one of {', '.join(TOPICS)} (a new topic is declared in "
                    "src/analysis/ingest/fact_terms.py)")


def _units(text: str) -> str:
    for unit in text.split(";"):
        declared("unit", unit.strip(), UNITS, "a unit of src/analysis/ingest/fact_terms.py (NUMBER_UNITS or "
                 "DATE_UNITS), or one per value separated by ';'")
    return text


def _url(text: str) -> str:
    if not text.startswith(("http://", "https://")):
        raise FieldProblem(f"{text!r} is not a URL", "an address starting with http:// or https://")
    return text


def _optional_url(text: str) -> str:
    return _url(text) if text else text


def _published(text: str) -> str:
    when = parse_date(required(text))
    if when.date.date() > dt.date.today():
        raise FieldProblem(f"{text!r} is after today", "the day the report was published (" + DATE_FORMS + ")")
    return text


class FactRow(BaseModel):
    """One line of facts.csv as written (a row may hold several `;`-separated values)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    fact_id: Annotated[str, AfterValidator(_fact_id)]
    topic: Annotated[str, AfterValidator(_topic)]
    claim_en: Required
    claim_ko: Required
    value: Required
    unit: Annotated[str, AfterValidator(required), AfterValidator(_units)]
    as_of: Required
    as_of_note: str
    source_url: Annotated[str, AfterValidator(_url)]
    title: str
    archive_url: Annotated[str, AfterValidator(_optional_url)]
    published: Annotated[str, AfterValidator(_published)]
    published_note: str
    outlet: Required
    quote: Required


def _spread(text: str, count: int, column: str, what: str) -> list[str]:
    """One part per value: a `;` list as long as the values, or one part for all of them."""
    parts = [part.strip() for part in text.split(";")]
    if len(parts) == 1:
        return parts * count
    if len(parts) != count:
        raise FieldProblem(f"{count} values but {len(parts)} {what} ({text!r})", f"one {what[:-1]}, or one per "
                           "value", column=column)
    return parts


def _check_series(row: FactRow, unit: str, value, when: When) -> None:
    """A fact in a unit of a model series has the series' topic, a number and a dated as_of."""
    for series in SERIES:
        if unit not in series.units:
            continue
        if row.topic != series.topic:
            if row.topic in series.shared.get(unit, ()):
                continue
            raise FieldProblem(f"unit {unit!r} is a unit of the {series.name} series, whose topic is "
                               f"{series.topic!r}: topic {row.topic!r} would leave the row out of it",
                               f"topic {series.topic!r}, or another unit", column="topic")
        if value.number is None:
            raise FieldProblem(f"feeds the {series.name} series (topic {series.topic!r}, unit {unit!r}) but "
                               f"{value.text!r} is not a count", "a number", column="value")
        if when.precision not in _SERIES_PRECISION:
            raise FieldProblem(f"feeds the {series.name} series (topic {series.topic!r}, unit {unit!r}) but as_of "
                               f"{when.text!r} is not a day or month", "YYYY-MM-DD or YYYY-MM", column="as_of")


def _parts(row: FactRow, outlets: dict[str, Outlet]) -> list[dict]:
    """The row's values, one dict each, typed against their unit and dated."""
    if not row.fact_id:
        raise FieldProblem("is empty: a new row's id is written, not computed", "an id of its own such as "
                           f"{suggested_id(row.topic, row.source_url, row.claim_en)} (topic, '-', 6 hex digits)",
                           column="fact_id")
    count = len(row.value.split(";"))
    units = _spread(row.unit, count, "unit", "units")
    as_of = _spread(row.as_of, count, "as_of", "dates")
    published = parse_date(row.published)
    kind = source_kind(outlets, row.source_url, row.outlet)
    parts = []
    for number, (text, unit, when_text) in enumerate(zip(row.value.split(";"), units, as_of), 1):
        try:
            value = parse_value(text, unit)
        except FieldProblem as exc:
            raise FieldProblem(exc.problem, exc.expected, column="value") from None
        try:
            when = parse_date(when_text, period=True)
        except FieldProblem as exc:
            raise FieldProblem(exc.problem, PERIOD_FORMS, column="as_of") from None
        _check_series(row, unit, value, when)
        parts.append({
            "fact_id": row.fact_id if count == 1 else f"{row.fact_id}.{number}", "topic": row.topic,
            "claim_en": row.claim_en, "claim_ko": row.claim_ko, "value": value.number, "value_text": value.text,
            "value_kind": value.kind, "value_date": value.date, "approximate": value.approximate, "unit": unit,
            "as_of": when.text, "as_of_note": row.as_of_note, "as_of_date": when.date,
            "published": row.published, "published_note": row.published_note, "published_date": published.date,
            "published_label": row.published, "title": row.title, "source_url": row.source_url,
            "archive_url": row.archive_url, "outlet": row.outlet, "source_kind": kind, "quote": row.quote})
    return parts


def _rows(path: Path, line: int, record: dict, outlets: dict[str, Outlet]) -> list[dict]:
    row = typed(path, line, record, FactRow, FactsError)
    try:
        return [{**part, "source_line": line} for part in _parts(row, outlets)]
    except FieldProblem as exc:
        raise refused(path, line, record, exc, FactsError) from None


def _check_unique(path: Path, line: int, row: dict, seen: dict) -> None:
    """Each id once, and each fact (source and claim) once."""
    written = row["fact_id"].split(".")[0]
    for key, what in ((written, f"fact id {written!r}"),
                      ((row["source_url"], row["claim_en"]), "the same fact (source and claim)")):
        first = seen.setdefault(key, line)
        if first != line:
            raise FactsError.at(path, f"{what} appears twice, on lines {first} and {line}", line=line,
                                expected="each fact once, with an id of its own")


def tidy(path: Path, outlets: dict[str, Outlet]) -> pd.DataFrame:
    """One row per value: `5000;8000;10` with `jobs;jobs;trillion KRW` becomes three rows. Each source's
    host must be a declared outlet (`outlets`, from data/raw/facts/outlets.csv)."""
    rows, seen = [], {}
    for line, record in records(path, COLUMNS, FactsError):
        for row in _rows(path, line, record, outlets):
            _check_unique(path, line, row, seen)
            rows.append(row)
    if not rows:
        raise FactsError.at(path, "no facts")
    return pd.DataFrame(rows)
