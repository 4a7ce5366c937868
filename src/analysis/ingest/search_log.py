"""The search log (data/raw/facts/search_log.csv): every search made for evidence a pledge lacks,
so that "자료 미확보" can say what was searched. Each row is typed: an ISO date, a corpus from the
declared list, the pledge ids it was for (which must exist) and what it found."""
from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path
from typing import Annotated

import pandas as pd
from pydantic import AfterValidator, BaseModel, ConfigDict

from ..errors import InputError
from .csv_rows import FieldProblem, Required, declared, records, refused, typed
from .fact_terms import CORPORA

COLUMNS = ["date", "corpus", "query", "pledge_id", "found"]
EVERY_PLEDGE = "all"  # a search about the audit as a whole (the merger, the election), not one pledge


class SearchLogError(InputError, ValueError):
    """A search-log row that cannot be typed, naming the file, line, column and value."""


def _day(text: str) -> str:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise FieldProblem(f"{text!r} is not a date", "the day of the search as YYYY-MM-DD") from None
    if len(text) != 10 or day > dt.date.today():
        raise FieldProblem(f"{text!r} is not a past day written YYYY-MM-DD", "the day of the search as YYYY-MM-DD")
    return text


def _corpus(text: str) -> str:
    return declared("corpus", text, CORPORA, f"one of {', '.join(CORPORA)}")


class Search(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    date: Annotated[str, AfterValidator(_day)]
    corpus: Annotated[str, AfterValidator(_corpus)]
    query: Required
    pledge_id: Required
    found: Required


def _check_pledges(search: Search, pledge_ids: Collection[str]) -> None:
    for pledge_id in search.pledge_id.split(";"):
        try:
            declared("pledge id", pledge_id.strip(), {*pledge_ids, EVERY_PLEDGE},
                     f"ids of data/raw/pledges.yaml separated by ';', or {EVERY_PLEDGE!r}")
        except FieldProblem as exc:
            raise FieldProblem(exc.problem, exc.expected, column="pledge_id") from None


def read(path: Path, pledge_ids: Collection[str] | None = None) -> pd.DataFrame:
    """The log as text columns, every row typed; pledge ids are checked against the registry."""
    if pledge_ids is None:
        from .registry import registry
        pledge_ids = set(registry())
    rows = []
    for line, record in records(path, COLUMNS, SearchLogError):
        search = typed(path, line, record, Search, SearchLogError)
        try:
            _check_pledges(search, pledge_ids)
        except FieldProblem as exc:
            raise refused(path, line, record, exc, SearchLogError) from None
        rows.append(search.model_dump())
    return pd.DataFrame(rows, columns=COLUMNS)
