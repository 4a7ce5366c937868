"""The forms a field of the facts table may take, parsed strictly: a date in ISO form or as precise as
the source is, and a value as a number in one of four written forms or, for a date unit, a date.
Anything else is a FieldProblem saying what was expected; the facts reader adds file, line and column.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

import pandas as pd

from .csv_rows import FieldProblem
from .fact_terms import DATE_UNITS

DATE_FORMS = "an ISO date YYYY-MM-DD, or as precise as the source is: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY"
PERIOD_FORMS = DATE_FORMS + ", or a period START/END of two of these (2016/2020-09)"
NUMBER_FORMS = "a plain number (1050, -1.63), ~N (approximate), N+M (a sum) or A->B (a change)"

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4])|-H([12]))?")
_SLASHED = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_NUMBER = r"-?\d+(?:\.\d+)?"
_PLAIN = re.compile(rf"(~?)({_NUMBER})")
_SUM = re.compile(rf"({_NUMBER})\+({_NUMBER})")
_CHANGE = re.compile(rf"({_NUMBER})->({_NUMBER})")
_GROUPED = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")


@dataclass(frozen=True)
class When:
    """A date field: the text, the day it stands for (a period's midpoint; a START/END period's
    START), and how precise it is (day, month, quarter, half, year or period)."""

    text: str
    date: pd.Timestamp
    precision: str


@dataclass(frozen=True)
class Value:
    """One value: the number it is (None for a date or a change), its kind, whether the source
    gives it as approximate, and the date of a date-valued fact."""

    text: str
    number: float | None
    kind: str  # number, sum, change or date
    approximate: bool = False
    date: pd.Timestamp | None = None


def _date_hint(text: str) -> str:
    if slashed := _SLASHED.fullmatch(text):
        return f" (write {slashed[1]}-{int(slashed[2]):02d}-{int(slashed[3]):02d})"
    if (leading := _DATE.match(text)) and text[leading.end():].startswith(" "):
        return f" (write {leading[0]}; words about the date go in the note column)"
    return ""


def _one_date(text: str) -> When:
    match = _DATE.fullmatch(text)
    if not match:
        raise FieldProblem(f"{text!r} is not a date{_date_hint(text)}", DATE_FORMS)
    year, month, day, quarter, half = match.groups()
    year = int(year)
    if quarter:
        return When(text, pd.Timestamp(year, 3 * int(quarter) - 1, 15), "quarter")
    if half:
        return When(text, pd.Timestamp(year, 4 if half == "1" else 10, 1), "half")
    if month is None:
        return When(text, pd.Timestamp(year, 7, 1), "year")
    if not 1 <= int(month) <= 12:
        raise FieldProblem(f"month {int(month)} in {text!r} does not exist", DATE_FORMS)
    if day is None:
        return When(text, pd.Timestamp(year, int(month), 15), "month")
    if not 1 <= int(day) <= calendar.monthrange(year, int(month))[1]:
        raise FieldProblem(f"day {int(day)} in {text!r} does not exist in {year}-{month}", DATE_FORMS)
    return When(text, pd.Timestamp(year, int(month), int(day)), "day")


def parse_date(text: str, *, period: bool = False) -> When:
    """A date field; with `period`, also START/END (which stands for its start, as a period's
    figure is dated from when it begins)."""
    text = text.strip()
    if not period or "/" not in text or _SLASHED.fullmatch(text):
        return _one_date(text)
    start, _, end = text.partition("/")
    try:
        first, last = _one_date(start), _one_date(end)
    except FieldProblem as exc:
        raise FieldProblem(f"{text!r} is not a period START/END: {exc.problem}", PERIOD_FORMS) from None
    if last.date < first.date:
        raise FieldProblem(f"period {text!r} ends before it starts", PERIOD_FORMS)
    return When(text, first.date, "period")


def parse_value(text: str, unit: str) -> Value:
    """One value in the form its unit takes: a date for a date unit, else a number."""
    text = text.strip()
    if unit in DATE_UNITS:
        return Value(text, None, "date", date=parse_date(text).date)
    if match := _PLAIN.fullmatch(text):
        return Value(text, float(match[2]), "number", approximate=bool(match[1]))
    if match := _SUM.fullmatch(text):
        return Value(text, float(match[1]) + float(match[2]), "sum")
    if _CHANGE.fullmatch(text):
        return Value(text, None, "change")
    if _GROUPED.fullmatch(text):
        hint = f" (write {text.replace(',', '')}: no thousands separators)"
    elif _DATE.fullmatch(text) and "-" in text:
        hint = f" (a date: unit {unit!r} takes numbers; a date value needs a date unit)"
    else:
        hint = ""
    raise FieldProblem(f"{text!r} is not a number{hint}", NUMBER_FORMS + " in unit " + repr(unit))
