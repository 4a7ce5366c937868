"""Hand-kept CSV tables (facts, the search log) read as typed rows: the header must name the
declared columns, every line must have as many fields, and each row is validated by its pydantic
model; the first problem stops with the file, line, column, value and what was expected."""
from __future__ import annotations

import csv
import difflib
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ValidationError

from ..errors import InputError


class FieldProblem(ValueError):
    """A field that does not take its declared form: what is wrong, what was expected, and (for a
    problem found across fields) which column to name."""

    def __init__(self, problem: str, expected: str | None = None, column: str | None = None):
        super().__init__(problem)
        self.problem, self.expected, self.column = problem, expected, column


def required(text: str) -> str:
    """A field that must not be empty (whitespace is stripped first)."""
    if not text:
        raise FieldProblem("is empty", "a value")
    return text


Required = Annotated[str, AfterValidator(required)]


def declared(what: str, text: str, choices: Collection[str], expected: str) -> str:
    """`text` if it is one of `choices`; else a problem naming the nearest choice (a typo)."""
    if text in choices:
        return text
    close = difflib.get_close_matches(text, list(choices), n=1, cutoff=0.75)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise FieldProblem(f"{what} {text!r} is not declared{hint}", expected)


def _header(path: Path, names: list[str], columns: list[str], error: type[InputError]) -> None:
    missing, unknown = [c for c in columns if c not in names], [c for c in names if c not in columns]
    if missing or unknown or len(set(names)) != len(names):
        raise error.at(path, f"header has {names}: missing {missing}, unknown {unknown}", line=1,
                       expected=f"the columns {', '.join(columns)}")


def records(path: Path, columns: list[str], error: type[InputError]) -> Iterator[tuple[int, dict]]:
    """(line, record) for each row of a UTF-8 CSV file (a BOM is allowed) with exactly `columns`."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            _header(path, list(reader.fieldnames or []), columns, error)
            start = 2
            for record in reader:
                line, start = start, reader.line_num + 1
                if None in record or None in record.values():
                    raise error.at(path, "the line has a different number of fields than the header", line=line,
                                   expected=f"{len(columns)} comma-separated fields (quote a field holding a comma)")
                yield line, record
    except UnicodeDecodeError as exc:
        raise error.at(path, f"not UTF-8 text (byte offset {exc.start})", expected="a UTF-8 CSV file") from None
    except OSError as exc:
        raise error.at(path, f"cannot read the file ({exc.strerror})") from None


def typed(path: Path, line: int, record: dict, model: type[BaseModel], error: type[InputError]):
    """The record as `model`, or `error` naming the first field that does not validate."""
    try:
        return model.model_validate(record)
    except ValidationError as exc:
        first = exc.errors()[0]
        column, cause = first["loc"][0] if first["loc"] else None, first.get("ctx", {}).get("error")
        problem = cause.problem if isinstance(cause, FieldProblem) else first["msg"]
        column = getattr(cause, "column", None) or column
        raise error.at(path, problem, line=line, column=column, value=record.get(column, first["input"]),
                       expected=getattr(cause, "expected", None)) from None


def refused(path: Path, line: int, record: dict, problem: FieldProblem, error: type[InputError]) -> InputError:
    """A problem found across the fields of a typed row, as `error` naming its column."""
    return error.at(path, problem.problem, line=line, column=problem.column, value=record.get(problem.column),
                    expected=problem.expected)
