"""Whose promise a pledge is, who took it on, and who owes it now.

The registry names the actors (candidates and governments, each dated by facts) and, per pledge,
the dated events of its lineage: a government adopts a candidate's pledge, continues or changes
its predecessor's programme, or drops it; a candidate promises to carry it on (`promised`), or a
later, separate promise of the same kind is linked as `similar` (neither moves the holding).
Who holds a pledge on a day is computed from these events and from succession: a government
that `succeeds` another (a new mayor of the same city, or the merged 전남광주특별시) takes
over the programmes its predecessor held on the day it starts. A candidate's pledge is held by
nobody until a government adopts it. Nothing here is typed into pages; they print what this
module computes.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SPOKEN = ("promised", "similar")  # events that are words, not acts: they move no holding


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _iso(value):
    """A day written YYYY-MM-DD (YAML may hand it over as a date)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    dt.date.fromisoformat(str(value))
    return str(value)


class Actor(_Strict):
    """A candidate or a government that can make, adopt or drop a pledge."""
    kind: Literal["candidate", "government"]
    name: str = Field(min_length=1)  # as a reader should see it: 광주광역시(시장 강기정)
    body: str | None = None  # the government's body (광주광역시, 전남광주특별시); None for a candidate
    start: str | None = None
    end: str | None = None
    succeeds: tuple[str, ...] = ()  # governments whose programmes pass to this one when it starts
    succession: Literal["same_body", "merger"] | None = None
    basis: tuple[str, ...] = Field(min_length=1)  # facts that date the actor (election result, merger act)
    note: str = ""

    _days = field_validator("start", "end", mode="before")(classmethod(lambda cls, v: v if v is None else _iso(v)))


class Event(_Strict):
    """One dated step of a pledge's lineage, resting on a fact."""
    date: str
    event: Literal["adopted", "continued", "changed", "dropped", "promised", "similar"]
    by: str
    fact: str
    note: str = Field(min_length=5)  # what was adopted, changed or promised, in Korean

    _day = field_validator("date", mode="before")(classmethod(lambda cls, v: _iso(v)))


@dataclass(frozen=True)
class Holding:
    """Who held a pledge from `since` (None: nobody owes it), and why."""
    since: str
    holder: str | None
    cause: str  # made | candidate_lost | adopted | continued | changed | dropped | succession
    fact: str = ""


@dataclass(frozen=True)
class Accountability:
    """A pledge's lineage up to a day: every holding in order, the holder then, and the promises said about it."""
    steps: tuple[Holding, ...]
    spoken: tuple[Event, ...]  # promises to carry it on, and similar promises: shown, but they oblige nobody

    @property
    def holder(self) -> str | None:
        return self.steps[-1].holder

    @property
    def state(self) -> str:
        """held (a government owes it), not_adopted (a candidate's pledge nobody took on) or dropped."""
        if self.holder is not None:
            return "held"
        return "dropped" if any(s.cause == "dropped" for s in self.steps) else "not_adopted"

    @property
    def last_act(self) -> Holding:
        """The latest holding that rests on an act (made, adopted, continued, changed, dropped), not on succession."""
        return [s for s in self.steps if s.cause != "succession"][-1]


def check(actors: dict[str, Actor], made_by: str, events: tuple[Event, ...]) -> list[str]:
    """Problems with a lineage: unknown actors, events out of order, a candidate that adopts."""
    problems = [f"made_by {made_by!r} is not an actor"] if made_by not in actors else []
    for name, actor in actors.items():
        problems += [f"actor {name!r}: succeeds {s!r}, which is not an actor" for s in actor.succeeds if s not in actors]
    for event in events:
        if event.by not in actors:
            problems.append(f"lineage event of {event.date}: by {event.by!r} is not an actor")
        elif event.event not in SPOKEN and actors[event.by].kind != "government":
            problems.append(f"lineage event of {event.date}: only a government can have {event.event} a pledge")
    dates = [e.date for e in events]
    if dates != sorted(dates):
        problems.append("lineage events are not in date order")
    return problems


def _changes(actors: dict[str, Actor], made_by: str, made_on: str, events, until: str) -> list[tuple]:
    """(day, order, change) of everything that can move a holding, in the order it applies."""
    maker = actors[made_by]
    changes = [(e.date, 1, e) for e in events if e.event not in SPOKEN and e.date <= until]
    changes += [(a.start, 2, name) for name, a in actors.items() if a.succeeds and a.start and made_on < a.start <= until]
    if maker.kind == "candidate" and maker.end and maker.end <= until:
        changes.append((maker.end, 0, "candidate_lost"))
    return sorted(changes, key=lambda c: (c[0], c[1]))


def accountability(actors: dict[str, Actor], made_by: str, made_on: str, events: tuple[Event, ...],
                   until: str) -> Accountability:
    """Who held the pledge, step by step from the day it was made up to `until` (inclusive)."""
    government = actors[made_by].kind == "government"
    steps = [Holding(made_on, made_by if government else None, "made")]
    for _, _, change in _changes(actors, made_by, made_on, events, until):
        holder = steps[-1].holder
        if isinstance(change, Event):
            steps.append(Holding(change.date, None if change.event == "dropped" else change.by, change.event,
                                 change.fact))
        elif change == "candidate_lost":
            if holder is None:
                steps.append(Holding(actors[made_by].end, None, "candidate_lost", actors[made_by].basis[0]))
        elif holder is not None and holder in actors[change].succeeds:
            steps.append(Holding(actors[change].start, change, "succession", actors[change].basis[0]))
    return Accountability(tuple(steps), tuple(e for e in events if e.event in SPOKEN and e.date <= until))
