"""The base of every error that reports bad input (a file, a record, a parameter) rather than a bug.

The command line prints these as one clear line and exits 1; anything else keeps its traceback.
Kept free of imports so the command line can catch it without loading pandas.
"""
from __future__ import annotations

_UNSET = object()


def where(file, problem: str, *, line: int | None = None, column: str | None = None, value=_UNSET,
          expected: str | None = None) -> str:
    """One message format for every input error: `file, line N, column 'C': problem (value 'v'); expected E`."""
    parts = [str(file)]
    if line is not None:
        parts.append(f"line {line}")
    if column is not None:
        parts.append(f"column {column!r}")
    message = ", ".join(parts) + f": {problem}"
    if value is not _UNSET:
        message += f" (value {value!r})"
    if expected:
        message += f"; expected {expected}"
    return message


class InputError(Exception):
    """Bad input: the message names the file, row, field or value and what was expected."""

    @classmethod
    def at(cls, file, problem: str, **location) -> InputError:
        """An error whose message says where: see `where` for the keywords."""
        error = cls(where(file, problem, **location))
        error.file, error.line = str(file), location.get("line")
        return error
