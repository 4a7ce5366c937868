"""What a verdict's computation read: the assumptions (so robustness counts only the scenarios that
enter it) and the facts (so its history lists every dated update it rests on).

A `Traced` stands in for the assumptions: reading an attribute records its name. Every cached
computation puts the assumptions it reads into its cache key, so a cached result is recorded too.
"""
from __future__ import annotations

from .assumptions import Assumptions


def recode_key(fact_id: str, means: str) -> str:
    """The name a recoding of one deciding fact is recorded under (a scenario of the grid)."""
    return f"recode:{fact_id}:{means}"


class Traced:
    """Assumptions that record which of them a computation reads."""

    def __init__(self, assumptions: Assumptions, reads: set[str] | None = None, facts: set[str] | None = None):
        object.__setattr__(self, "_assumptions", getattr(assumptions, "_assumptions", assumptions))
        object.__setattr__(self, "reads", set() if reads is None else reads)
        object.__setattr__(self, "facts", set() if facts is None else facts)

    def __getattr__(self, name: str):
        value = getattr(self._assumptions, name)
        if name in type(self._assumptions).model_fields:
            self.reads.add(name)
        return value

    def __setattr__(self, name, value):
        raise AttributeError("assumptions are frozen")

    def meaning(self, fact_id: str | None, means: str) -> str:
        """How a linked fact is read: as registered, or recoded by a scenario of the grid."""
        if fact_id is None:
            return means
        self.reads.add(recode_key(fact_id, means))
        return {(f, m): to for f, m, to in self._assumptions.recoded_evidence}.get((fact_id, means), means)

    def used(self, *fact_ids: str) -> None:
        """Record facts a computation rests on (the dated updates of its history)."""
        self.facts.update(f for f in fact_ids if f)

    @property
    def plain(self) -> Assumptions:
        return self._assumptions


def traced(assumptions) -> Traced:
    """A fresh tracer over `assumptions` (or over the plain values of a tracer)."""
    return Traced(assumptions)
