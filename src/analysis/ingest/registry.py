"""The pledge registry: every pledge of the two articles as a sourced, validated record."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .. import paths
from ..errors import InputError

NOT_STATED = "not stated"
METRICS = ("jobs", "firms", "investment", "designation", "facility", "policy", "agreement")
JOBS_KINDS = ("gross", "net", NOT_STATED, "not applicable")
ROLES = ("candidate", "city")
EVIDENCE_MEANINGS = ("achieved", "progress", "setback", "failed", "context")
SMART = ("specific", "measurable", "achievable", "relevant", "time_bound")
MAX_QUOTE_SENTENCES = 1

_FIELDS = {"id", "title", "source", "quote", "metric", "target", "investment", "deadline", "geography",
           "jobs_kind", "jobs_kind_note", "parts", "part_of", "same_programme_as", "measured_by",
           "context_measures", "evidence", "smart"}
_REQUIRED = ("id", "title", "source", "quote", "metric", "target", "deadline", "geography", "jobs_kind",
             "measured_by", "smart")
_SOURCE_FIELDS = {"outlet", "date", "printed_date", "date_note", "speaker", "role", "role_ko", "title",
                  "file", "aftermath", "aftermath_facts"}
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_DEADLINE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


class RegistryError(InputError, ValueError):
    """A malformed pledge record, naming the record and the field."""


@dataclass(frozen=True)
class Source:
    key: str
    outlet: str
    date: str
    speaker: str
    role: str
    role_ko: str
    title: str
    file: str
    aftermath: str
    aftermath_facts: tuple[str, ...] = ()
    printed_date: str | None = None
    date_note: str | None = None

    @property
    def citation(self) -> str:
        return f"{self.outlet}, {self.date}, 「{self.title}」"


@dataclass(frozen=True)
class Evidence:
    means: str
    fact: str | None = None  # a fact_id of the facts table; None where the article itself is the evidence


@dataclass(frozen=True)
class Pledge:
    id: str
    title: str
    source: Source
    quote: str
    metric: str
    target_value: float | None
    target_unit: str
    deadline: str
    geography: str
    jobs_kind: str
    measured_series: tuple[dict, ...]
    measured_facts: tuple[str, ...]
    measurement_note: str
    smart: dict[str, tuple[bool, str]]
    evidence: tuple[Evidence, ...] = ()
    investment_trillion_krw: float | None = None
    jobs_kind_note: str = ""
    parts: tuple[str, ...] = ()
    part_of: str | None = None
    same_programme_as: tuple[str, ...] = ()
    context_measures: tuple[dict, ...] = ()

    @property
    def quantitative(self) -> bool:
        return self.target_value is not None

    @property
    def deadline_year(self) -> int | None:
        return int(self.deadline[:4]) if self.deadline != NOT_STATED else None


def _error(record: str, field_name: str, problem: str) -> RegistryError:
    return RegistryError(f"{paths.PLEDGES.name}: pledge {record!r}, field {field_name!r}: {problem}")


def _source(key: str, raw: dict) -> Source:
    unknown = set(raw) - _SOURCE_FIELDS
    if unknown:
        raise RegistryError(f"{paths.PLEDGES.name}: source {key!r} has unknown fields {sorted(unknown)}")
    if raw.get("role") not in ROLES:
        raise RegistryError(f"{paths.PLEDGES.name}: source {key!r}, field 'role': {raw.get('role')!r}; "
                            f"expected one of {ROLES}")
    values = dict(raw, aftermath_facts=tuple(raw.get("aftermath_facts", ())), date=str(raw["date"]))
    try:
        return Source(key=key, **values)
    except TypeError as exc:
        raise RegistryError(f"{paths.PLEDGES.name}: source {key!r}: {exc}") from exc


def _number_or_none(record: str, name: str, value) -> float | None:
    if value == NOT_STATED:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _error(record, name, f"{value!r} is neither a number nor {NOT_STATED!r}")
    return float(value)


def _pledge(raw: dict, sources: dict[str, Source]) -> Pledge:
    record = raw.get("id", "<no id>") if isinstance(raw, dict) else repr(raw)
    if not isinstance(raw, dict):
        raise RegistryError(f"{paths.PLEDGES.name}: pledge {record} is not a mapping")
    unknown = set(raw) - _FIELDS
    if unknown:
        raise _error(record, sorted(unknown)[0], f"unknown field; expected one of {sorted(_FIELDS)}")
    for name in _REQUIRED:
        if name not in raw or raw[name] in (None, ""):
            raise _error(record, name, "missing (write 'not stated' where the article leaves it out)")
    if not _ID.match(str(raw["id"])):
        raise _error(record, "id", "expected lower-case words joined by '-'")
    if raw["source"] not in sources:
        raise _error(record, "source", f"{raw['source']!r} is not one of {sorted(sources)}")
    quote = str(raw["quote"]).strip()
    if len(re.findall(r"[.!?](?=\s|$)", quote.rstrip(".!?"))) >= MAX_QUOTE_SENTENCES:
        raise _error(record, "quote", "more than one sentence; quote at most one")
    if raw["metric"] not in METRICS:
        raise _error(record, "metric", f"{raw['metric']!r}; expected one of {METRICS}")
    if raw["jobs_kind"] not in JOBS_KINDS:
        raise _error(record, "jobs_kind", f"{raw['jobs_kind']!r}; expected one of {JOBS_KINDS}")
    deadline = str(raw["deadline"])
    if deadline != NOT_STATED and not _DEADLINE.match(deadline):
        raise _error(record, "deadline", f"{deadline!r}; expected YYYY, YYYY-MM-DD or {NOT_STATED!r}")
    target = raw["target"]
    if not isinstance(target, dict) or set(target) != {"value", "unit"}:
        raise _error(record, "target", "expected {value: …, unit: …}")
    investment = raw.get("investment")
    if investment is not None and (not isinstance(investment, dict) or investment.get("unit") != "조원"):
        raise _error(record, "investment", "expected {value: N, unit: 조원}")
    smart = raw["smart"]
    if not isinstance(smart, dict) or set(smart) != set(SMART):
        raise _error(record, "smart", f"expected exactly the keys {SMART}")
    screen = {}
    for key in SMART:
        entry = smart[key]
        if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], bool) and entry[1]):
            raise _error(record, f"smart.{key}", "expected [yes|no, one-line reason]")
        screen[key] = (entry[0], str(entry[1]))
    measured = raw["measured_by"]
    if not isinstance(measured, dict) or not (measured.get("series") or measured.get("facts") or measured.get("note")):
        raise _error(record, "measured_by", "name series, fact topics, or say in a note that nothing measures it")
    evidence = []
    for number, item in enumerate(raw.get("evidence", ()), 1):
        if not isinstance(item, dict) or item.get("means") not in EVIDENCE_MEANINGS:
            raise _error(record, f"evidence[{number}].means", f"expected one of {EVIDENCE_MEANINGS}")
        if bool(item.get("fact")) == bool(item.get("article")):
            raise _error(record, f"evidence[{number}]", "give either fact: <fact_id> or article: true")
        evidence.append(Evidence(means=item["means"], fact=item.get("fact")))
    return Pledge(
        id=raw["id"], title=str(raw["title"]), source=sources[raw["source"]], quote=quote, metric=raw["metric"],
        target_value=_number_or_none(record, "target.value", target["value"]), target_unit=str(target["unit"]),
        deadline=deadline, geography=str(raw["geography"]), jobs_kind=raw["jobs_kind"],
        measured_series=tuple(measured.get("series", ())), measured_facts=tuple(measured.get("facts", ())),
        measurement_note=str(measured.get("note", "")), smart=screen, evidence=tuple(evidence),
        investment_trillion_krw=_number_or_none(record, "investment.value", investment["value"]) if investment else None,
        jobs_kind_note=str(raw.get("jobs_kind_note", "")), parts=tuple(raw.get("parts", ())),
        part_of=raw.get("part_of"), same_programme_as=tuple(raw.get("same_programme_as", ())),
        context_measures=tuple(raw.get("context_measures", ())))


def _check_relations(registry: dict[str, Pledge]) -> None:
    for pledge in registry.values():
        for name, ids in (("parts", pledge.parts), ("part_of", (pledge.part_of,) if pledge.part_of else ()),
                          ("same_programme_as", pledge.same_programme_as)):
            for other in ids:
                if other not in registry:
                    raise _error(pledge.id, name, f"{other!r} is not a pledge id")
        if pledge.parts:
            parts = [registry[p] for p in pledge.parts]
            if any(p.metric != pledge.metric or p.target_value is None for p in parts):
                raise _error(pledge.id, "parts", "parts must share the metric and state a number")
            total = sum(p.target_value for p in parts)
            if total != pledge.target_value:
                raise _error(pledge.id, "parts", f"parts add up to {total:g}, not {pledge.target_value:g}")
            for p in parts:
                if p.part_of != pledge.id:
                    raise _error(p.id, "part_of", f"expected {pledge.id!r}, which lists it as a part")


def read_registry(path: Path | None = None) -> dict[str, Pledge]:
    """All pledges by id, validated; the one entry point for the registry."""
    path = path or paths.PLEDGES
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"{path}: cannot read the registry: {exc}") from exc
    if not isinstance(document, dict) or "sources" not in document or "pledges" not in document:
        raise RegistryError(f"{path}: expected top-level 'sources:' and 'pledges:'")
    sources = {key: _source(key, raw) for key, raw in document["sources"].items()}
    registry: dict[str, Pledge] = {}
    for raw in document["pledges"]:
        pledge = _pledge(raw, sources)
        if pledge.id in registry:
            raise _error(pledge.id, "id", "used twice")
        registry[pledge.id] = pledge
    _check_relations(registry)
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


def check_fact_references(pledges: dict[str, Pledge], fact_ids: set[str]) -> None:
    """Every evidence row must point at an existing fact: a status without evidence is a bug."""
    for pledge in pledges.values():
        for item in pledge.evidence:
            if item.fact and item.fact not in fact_ids:
                raise _error(pledge.id, "evidence.fact", f"{item.fact!r} is not a fact_id of the facts table")
        for fact in pledge.source.aftermath_facts:
            if fact not in fact_ids:
                raise RegistryError(f"source {pledge.source.key!r}: aftermath fact {fact!r} is not a fact_id")
