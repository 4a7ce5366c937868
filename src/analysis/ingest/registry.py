"""The pledge registry (data/raw/pledges.yaml): every pledge of the two articles as a sourced,
validated record. Errors name the file, line, pledge and field."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    ValidationError,
    field_validator,
    model_validator,
)

from .. import paths
from . import yamlfile
from .lineage import Accountability, Actor, Event, accountability, check

NOT_STATED = "not stated"
SMART = ("specific", "measurable", "achievable", "relevant", "time_bound")
MAX_QUOTE_SENTENCES = 1
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class RegistryError(yamlfile.ConfigError):
    """A malformed pledge record, naming the record and the field."""


def _text(value):
    return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


Text = Annotated[str, BeforeValidator(_text)]


def _date(value: str) -> str:
    """YYYY or YYYY-MM-DD that exists (a month 13 or day 99 is an error, not a guess)."""
    if value == NOT_STATED:
        return value
    if re.fullmatch(r"\d{4}", value):
        return value
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"expected YYYY or YYYY-MM-DD, got {value!r}")
    dt.date.fromisoformat(value)
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    key: str = ""
    outlet: str
    date: Text
    printed_date: Text | None = None
    date_note: str | None = None
    speaker: str
    role: Literal["candidate", "city"]
    role_ko: str
    title: str
    url: str | None = None  # the article's address, when known (a reader's link)
    same_event_fact: str | None = None  # another outlet's report of the same event: the link when `url` is unknown
    file: str
    aftermath: str
    aftermath_facts: tuple[str, ...] = ()
    made_by: str  # an actor of `actors:` (the candidate, or the government that announced it)

    @field_validator("date", "printed_date")
    @classmethod
    def _dates(cls, value):
        return value if value is None else _date(value)


class Evidence(_Strict):
    means: Literal["achieved", "progress", "setback", "failed", "schedule", "context"]
    why: str = Field(min_length=5)
    fact: str | None = None
    article: bool = False
    due: int | None = None

    @model_validator(mode="after")
    def _one_source(self):
        if bool(self.fact) == self.article:
            raise ValueError("give either fact: <fact_id> or article: true")
        if (self.means == "schedule") != (self.due is not None):
            raise ValueError("a link that schedules completion is `means: schedule` with `due: YEAR`, and only it")
        return self


class Component(_Strict):
    name: str
    evidence: tuple[Evidence, ...] = ()


class Target(_Strict):
    value: float | Literal["not stated"]
    unit: str


class Investment(_Strict):
    value: float
    unit: Literal["조원"]


class Measures(_Strict):
    series: tuple[dict, ...] = ()
    facts: tuple[str, ...] = ()
    note: str = ""

    @model_validator(mode="after")
    def _something(self):
        if not (self.series or self.facts or self.note):
            raise ValueError("measured_by names no series, no facts and no note; expected at least one")
        return self


SmartEntry = tuple[StrictBool, Annotated[str, Field(min_length=1)]]


class Pledge(_Strict):
    id: str
    title: str
    source: str
    quote: str
    metric: Literal["jobs", "firms", "investment", "designation", "facility", "policy", "agreement"]
    target: Target
    investment: Investment | None = None
    deadline: Text
    geography: str
    jobs_kind: Literal["gross", "net", "not stated", "not applicable"]
    jobs_kind_note: str = ""
    measurable: bool = True
    delivery: str | None = None
    parts: tuple[str, ...] = ()
    part_of: str | None = None
    same_programme_as: tuple[str, ...] = ()
    measured_by: Measures
    context_measures: tuple[dict, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    components: tuple[Component, ...] = ()
    smart: dict[Literal["specific", "measurable", "achievable", "relevant", "time_bound"], SmartEntry]
    lineage: tuple[Event, ...] = ()
    source_record: Source | None = None  # filled from `sources:` when the registry is read
    actors_record: dict[str, Actor] | None = None  # filled from `actors:` when the registry is read

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"{value!r}: expected lower-case words joined by '-'")
        return value

    @field_validator("quote")
    @classmethod
    def _one_sentence(cls, value: str) -> str:
        value = value.strip()
        if len(re.findall(r"[.!?](?=\s|$)", value.rstrip(".!?"))) >= MAX_QUOTE_SENTENCES:
            raise ValueError("more than one sentence; quote at most one")
        return value

    @field_validator("deadline")
    @classmethod
    def _deadline(cls, value: str) -> str:
        return _date(value)

    @field_validator("smart")
    @classmethod
    def _smart(cls, value: dict) -> dict:
        if set(value) != set(SMART):
            raise ValueError(f"expected exactly the keys {SMART}")
        return value

    # -- what the rest of the package reads --------------------------------------------------------
    @property
    def source_info(self) -> Source:
        return self.source_record

    @property
    def target_value(self) -> float | None:
        return None if self.target.value == NOT_STATED else float(self.target.value)

    @property
    def target_unit(self) -> str:
        return self.target.unit

    @property
    def quantitative(self) -> bool:
        return self.target_value is not None

    @property
    def deadline_year(self) -> int | None:
        return int(self.deadline[:4]) if self.deadline != NOT_STATED else None

    @property
    def investment_trillion_krw(self) -> float | None:
        return self.investment.value if self.investment else None

    @property
    def measured_series(self) -> tuple[dict, ...]:
        return self.measured_by.series

    @property
    def measured_facts(self) -> tuple[str, ...]:
        return self.measured_by.facts

    def accountability(self, until: str) -> Accountability:
        """Who made the pledge, who took it on or dropped it, and who holds it on `until` (YYYY-MM-DD)."""
        return accountability(self.actors_record, self.source_info.made_by, self.source_info.date,
                                      self.lineage, until)

    def all_evidence(self) -> list[tuple[str, Evidence]]:
        """(component name or '', link) for the pledge's own links and those of its components."""
        return [("", e) for e in self.evidence] + [(c.name, e) for c in self.components for e in c.evidence]


class _RegistryFile(_Strict):
    actors: dict[str, Actor]
    sources: dict[str, Source]
    pledges: tuple[Pledge, ...]


def _check_relations(path: Path, registry: dict[str, Pledge], lines: dict) -> None:
    """Parts, part_of and same_programme_as name pledges, and parts add up; errors give the line."""
    numbers = {pledge_id: number for number, pledge_id in enumerate(registry)}

    def refuse(pledge: Pledge, field: str, problem: str) -> RegistryError:
        return RegistryError.at(path, f"pledge {pledge.id!r}, field {field!r}: {problem}",
                                line=yamlfile.line_of(lines, ("pledges", numbers[pledge.id], field)))
    for pledge in registry.values():
        for name, ids in (("parts", pledge.parts), ("part_of", (pledge.part_of,) if pledge.part_of else ()),
                          ("same_programme_as", pledge.same_programme_as)):
            for other in ids:
                if other not in registry:
                    raise refuse(pledge, name, f"{other!r} is not a pledge id")
        if pledge.parts:
            parts = [registry[p] for p in pledge.parts]
            if any(p.metric != pledge.metric or p.target_value is None for p in parts):
                raise refuse(pledge, "parts", "parts must share the metric and state a number")
            total = sum(p.target_value for p in parts)
            if total != pledge.target_value:
                raise refuse(pledge, "parts", f"parts add up to {total:g}, not {pledge.target_value:g}")
            for part in parts:
                if part.part_of != pledge.id:
                    raise refuse(part, "part_of", f"expected {pledge.id!r}, which lists it as a part")


def _with_pledge_id(message: str, raw) -> str:
    """`pledges.3.target` becomes `pledges.3.target (pledge 'ai-foundry')`: the record by its id."""
    match = re.search(r"\bpledges\.(\d+)(?:\.\w+)*", message)
    entries = raw.get("pledges") if isinstance(raw, dict) else None
    if not match or not isinstance(entries, list) or int(match.group(1)) >= len(entries):
        return message
    pledge_id = entries[int(match.group(1))].get("id") if isinstance(entries[int(match.group(1))], dict) else None
    return message.replace(match.group(0), f"{match.group(0)} (pledge {pledge_id!r})", 1) if pledge_id else message


def read_registry(path: Path | None = None) -> dict[str, Pledge]:
    """All pledges by id, validated; the one entry point for the registry."""
    path = path or paths.PLEDGES
    raw, lines = yamlfile.read(path)
    try:
        document = _RegistryFile.model_validate(raw if raw is not None else {})
    except ValidationError as exc:
        raise RegistryError(_with_pledge_id(str(yamlfile.explain(path, lines, exc, _RegistryFile)), raw)) from None
    registry: dict[str, Pledge] = {}
    for number, pledge in enumerate(document.pledges):
        line = yamlfile.line_of(lines, ("pledges", number))
        if pledge.id in registry:
            raise RegistryError.at(path, f"pledge {pledge.id!r} is listed twice", line=line)
        if pledge.source not in document.sources:
            raise RegistryError.at(path, f"pledge {pledge.id!r}, field 'source': {pledge.source!r} is not one of "
                                         f"{sorted(document.sources)}", line=line)
        source = document.sources[pledge.source].model_copy(update={"key": pledge.source})
        problems = check(document.actors, source.made_by, pledge.lineage)
        if problems:
            raise RegistryError.at(path, f"pledge {pledge.id!r}, lineage: {'; '.join(problems)}", line=line)
        registry[pledge.id] = pledge.model_copy(update={"source_record": source, "actors_record": document.actors})
    _check_relations(path, registry, lines)
    return registry


@lru_cache(maxsize=1)
def registry() -> dict[str, Pledge]:
    return read_registry()


def get_pledge(pledge_id: str) -> Pledge:
    """One pledge, or an error listing the valid ids."""
    pledges = registry()
    if pledge_id not in pledges:
        raise KeyError(f"unknown pledge id {pledge_id!r}; expected one of: {', '.join(pledges)}")
    return pledges[pledge_id]
