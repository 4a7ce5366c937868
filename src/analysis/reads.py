"""What the running step may read (declared in config/graph.yaml), checked whenever data is loaded.

A step (a table, the checks, the assessment, one report) declares its reads before it starts;
loading a processed table, a results file or a raw file it did not declare is an error, so the
declaration that make and the freshness guard are generated from cannot silently fall behind the
code. Outside a step (a test, an interactive session) nothing is checked. Kept free of imports so
the lowest layers can call it.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, fields
from fnmatch import fnmatchcase

from .errors import InputError

GRAPH_FILE = "config/graph.yaml"


@dataclass(frozen=True)
class Reads:
    """One step's declared inputs: processed tables (and their catalog entries), raw files read
    directly (paths under data/raw/), results files (patterns under data/processed/results/),
    configuration files and code folders of src/analysis/."""

    step: str
    tables: tuple[str, ...] = ()
    raw: tuple[str, ...] = ()
    results: tuple[str, ...] = ()
    config: tuple[str, ...] = ()
    code: tuple[str, ...] = ()
    catalog: tuple[str, ...] = ()

    def __or__(self, other: Reads) -> Reads:
        """Both steps' reads, in order, each once (under this step's name)."""
        merged = {f.name: tuple(dict.fromkeys(getattr(self, f.name) + getattr(other, f.name)))
                  for f in fields(self) if f.name != "step"}
        return Reads(self.step, **merged)

    def allows(self, kind: str, name: str) -> bool:
        if kind == "result":
            return any(fnmatchcase(name, pattern) for pattern in self.results)
        return name in {"table": self.tables, "raw": self.raw}[kind]


class UndeclaredRead(InputError, RuntimeError):
    """A step loaded an input that config/graph.yaml (or the catalog's `inputs:`) does not give it."""


_active: Reads | None = None


@contextmanager
def reading(reads: Reads | None):
    """Run a step under its declared reads (None: nothing is checked)."""
    global _active
    previous, _active = _active, reads
    try:
        yield reads
    finally:
        _active = previous


def declare(reads: Reads | None) -> None:
    """Declare the reads of the rest of this process (a forked report worker, a notebook kernel)."""
    global _active
    _active = reads


def active() -> Reads | None:
    return _active


def check(kind: str, name: str) -> None:
    """Refuse a load the running step did not declare; `kind` is table, raw or result."""
    if _active is None or _active.allows(kind, name):
        return
    where = "the catalog's `inputs:` (config/catalog.yaml)" if _active.step.startswith("table/") else GRAPH_FILE
    raise UndeclaredRead(f"{_active.step}: read {kind} {name!r}, which {where} does not declare for this step; "
                         f"expected one of its declared {kind}s: {', '.join(_declared(kind)) or 'none'}")


def _declared(kind: str) -> tuple[str, ...]:
    return {"table": _active.tables, "raw": _active.raw, "result": _active.results}[kind]
