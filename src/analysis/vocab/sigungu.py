"""시군구 names and the 시도 they belong to, from a sourced list kept as data (data/sigungu.yaml names
its origin, its date and the changes since 2000 it knows).

A bare name the list holds under one 시도 resolves to it (수원시 → 경기도); a name it holds under
several is refused with every candidate (동구, 고성군, and 광주시: 경기도 광주시 or 광주광역시 written
short); a name is placed under a 시도 that the file names only if the list agrees or does not know
the name (then the read says so).
"""
from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from . import regions

DATA = Path(__file__).parent / "data"
SEJONG_CODE = "29"  # 세종특별자치시 has no 시군구: the list's `29010 세종시` is the 시도 itself
# A 시군구 whose name is also the short, spoken name of a metropolitan city (광주시 for 광주광역시).
SPOKEN_SIDO = {"광주시": "광주광역시"}


class PlaceProblem(ValueError):
    """A 시군구 label the list cannot place; the reader turns it into an error with file and line."""

    def __init__(self, problem: str, expected: str):
        super().__init__(problem)
        self.problem, self.expected = problem, expected


@dataclass(frozen=True)
class Place:
    sido: str
    name: str
    code: str = ""
    since: str = ""   # first day under this 시도 and name ('' = as in the list)
    until: str = ""   # last day ('' = still so)

    def describe(self) -> str:
        details = [self.code, f"{self.since}~" if self.since else "", f"~{self.until}" if self.until else ""]
        details = [detail for detail in details if detail]
        return f"{self.sido} {self.name}" + (f" ({', '.join(details)})" if details else "")


@cache
def source() -> dict:
    """The list's origin, date and changes (data/sigungu.yaml)."""
    return yaml.safe_load((DATA / "sigungu.yaml").read_text(encoding="utf-8"))


def _listed() -> list[Place]:
    with (DATA / source()["list"]["file"]).open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["sido_code"] != SEJONG_CODE]
    places = [Place(regions.SIDO_BY_CODE[row["sido_code"]], row["name"], row["code"]) for row in rows]
    cities = {(p.sido, p.name.split()[0]): p.code[:4] + "0" for p in places if " " in p.name}
    return places + [Place(sido, city, code) for (sido, city), code in cities.items()]


def _changed(places: list[Place]) -> list[Place]:
    """The list with the dated changes applied: a name that ended gets `until`, a new one `since`."""
    by_key = {(p.sido, p.name): p for p in places}
    for change in source()["changes"]:
        sido, target = change["sido"], change.get("becomes", change["sido"])
        if target in regions.MERGED:
            continue  # a merger of 시도: the 시군구 keep their names (regions.MERGED says under whom)
        day = dt.date.fromisoformat(str(change["date"]))
        moved = target != sido
        for name in (n for n in change["from"] if moved or n not in change["to"]):
            old = by_key.get((sido, name), Place(sido, name))
            by_key[(sido, name)] = Place(sido, name, old.code, old.since, str(day - dt.timedelta(days=1)))
        for name in (n for n in change["to"] if moved or n not in change["from"]):
            by_key[(target, name)] = Place(target, name, since=str(day))
    return list(by_key.values())


@cache
def index() -> dict[str, tuple[Place, ...]]:
    """Places by squeezed name, and the 일반구 of a city also by the 구 alone (`권선구`)."""
    found: dict[str, list[Place]] = defaultdict(list)
    for place in _changed(_listed()):
        found[regions.squeeze(place.name)].append(place)
        if " " in place.name:
            found[regions.squeeze(place.name.split()[-1])].append(place)
    return {name: tuple(places) for name, places in found.items()}


def lookup(name: str) -> tuple[Place, ...]:
    return index().get(regions.squeeze(name), ())


def is_known(name: str) -> bool:
    return bool(lookup(name)) or regions.squeeze(name) in SPOKEN_SIDO


def _candidates(name: str) -> list[str]:
    described = [place.describe() for place in lookup(name)]
    spoken = SPOKEN_SIDO.get(regions.squeeze(name))
    return described + ([f"{spoken} (the 시도, written short)"] if spoken else [])


def sido_of(name: str) -> str:
    """The one 시도 the list holds a bare 시군구 name under, or a PlaceProblem naming the candidates."""
    sidos = {place.sido for place in lookup(name)}
    if len(sidos) == 1 and regions.squeeze(name) not in SPOKEN_SIDO:
        return sidos.pop()
    if not sidos:
        raise PlaceProblem("unknown 시군구 (not in the list of 시군구, and no 시도 above it)",
                           f"a 시군구 of the list, or a 시도 before it: {ORPHAN}")
    raise PlaceProblem(f"ambiguous 시군구: {name!r} may be {'; '.join(_candidates(name))}",
                       f"the 시도 written before it (경기 광주시, 광주 동구), a 5-digit code, or a 시도 row above: {ORPHAN}")


ORPHAN = ("a 시도 row above it, a 5-digit region code (31250 광주시), a 시도 name before it (경기 광주시), "
          "or the file's 시도 given as a reader hint (manifest `reader: {sido: …}` or `--sido`)")


def listed_under(name: str, sido: str) -> bool:
    """True when the list holds `name` under `sido` (or under a 시도 merged into it), False when the
    list does not know the name; a PlaceProblem when it holds the name only under other 시도."""
    places = lookup(name)
    if not places:
        return False
    within = {sido, *regions.MERGED.get(sido, regions.Merger((), "", "")).predecessors}
    if any(place.sido in within for place in places):
        return True
    raise PlaceProblem(f"{name!r} is not a 시군구 of {sido} (the 시도 the file places it under): the list has "
                       f"{'; '.join(_candidates(name))}", f"a 시군구 of {sido}, or the right 시도 before the name")


def describe_source() -> str:
    """One line for notes and the README: the list's origin and date."""
    listed = source()["list"]
    return f"{listed['origin']} (KOSIS codes; {listed['reference_date'].split('.')[0]})"
