"""The numbered 출처 list of a page, as data. Numbers, tables and figures cite their sources by
reference (`kosis/x.csv:12`, `data/raw/x.csv:3,4`, `fact:<id>`, `registry:<pledge id>`); the page
turns each distinct source into one numbered entry: facts from one article merge into one entry,
a KOSIS table says how its file was obtained, a pledge article without an address links the
report of the same press conference. Raw-file lines and fact ids go to 재현 정보."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...ingest import manifest
from ...ingest.registry import registry
from ...tables import store
from ...vocab.sources import split
from ..wording import numbers, phrases

ORG_NAMES = {"101": "통계청"}
_TOKEN = re.compile(r"\s*;\s*")


@dataclass
class Source:
    key: str
    kind: str  # fact | article | kosis
    fields: dict
    ids: list[str] = field(default_factory=list)  # fact ids, pledge ids or the raw file
    lines: set[str] = field(default_factory=set)


def tokens(references) -> list[str]:
    """Single references from strings like `data/raw/a.csv:3,4; fact:x` or iterables of them."""
    if references is None:
        return []
    if isinstance(references, str):
        references = [references]
    out = []
    for reference in references:
        out += [t for t in _TOKEN.split(str(reference)) if t and t != "nan"]
    return out


class Citations:
    """The sources one page cites, numbered in the order first cited."""

    def __init__(self):
        self.sources: dict[str, Source] = {}
        self._facts = None
        self._linked: dict[str, str] | None = None

    def cite(self, references) -> list[int]:
        """Register references; their entry numbers (one per distinct source), in order."""
        numbers_ = []
        for token in tokens(references):
            key, ident, lines = self._key(token)
            if key not in self.sources:
                self.sources[key] = self._describe(token, key)
            source = self.sources[key]
            source.lines |= lines
            if ident not in source.ids:
                source.ids.append(ident)
            number = list(self.sources).index(key) + 1
            if number not in numbers_:
                numbers_.append(number)
        return numbers_

    def _fact_rows(self):
        if self._facts is None:
            self._facts = store.load("facts").set_index("fact_id")
        return self._facts

    def _key(self, token: str) -> tuple[str, str, set[str]]:
        kind, _, ident = token.partition(":")
        if kind == "fact":
            url = str(self._fact_rows().loc[ident, "source_url"] or "")
            if url in self._companions():  # the report a pledge article without an address links to
                return f"article:{self._companions()[url]}", ident, set()
            return (f"url:{url}" if url else token), ident, set()
        if kind in ("registry", "article"):
            source = registry()[ident].source if kind == "registry" else ident
            return f"article:{source}", ident, set()
        file, line = split(token.removeprefix("data/raw/"))
        return f"raw:{file}", f"data/raw/{file}", {part for part in line.split(",") if part}

    def _describe(self, token: str, key: str) -> Source:
        kind, _, ident = token.partition(":")
        if key.startswith("article:"):
            pledge = next(p for p in registry().values() if f"article:{p.source}" == key)
            return Source(key, "article", self._article_fields(pledge.source_info))
        if kind == "fact":
            return Source(key, "fact", fact_fields(self._fact_rows().loc[ident]))
        return Source(key, "kosis", kosis_fields(manifest.entry(key.removeprefix("raw:"))))

    def _companions(self) -> dict[str, str]:
        """The address of the report each pledge article without one links to, by the article's key."""
        if self._linked is None:
            self._linked = {}
            for pledge in registry().values():
                companion = self._companion(pledge.source_info)
                if companion is not None:
                    self._linked[companion["url"]] = pledge.source
        return self._linked

    def _article_fields(self, source) -> dict:
        """A pledge's article; without an address, the report of the same press conference."""
        return {"outlet": source.outlet, "date": source.date, "title": source.title, "url": source.url or "",
                "note": source.date_note or "", "companion": self._companion(source)}

    def _companion(self, source) -> dict | None:
        """Another outlet's report of the same event (the registry's `same_event_fact`), for an article
        whose own address is unknown."""
        if source.url or not source.same_event_fact:
            return None
        return fact_fields(self._fact_rows().loc[source.same_event_fact])

    def entries(self) -> list[dict]:
        """The numbered entries for the 출처 list (template `sources`)."""
        return [{"number": n, "kind": s.kind, **s.fields} for n, s in enumerate(self.sources.values(), 1)]

    def reproduction_rows(self) -> list[tuple[str, str]]:
        """(entry number, what exactly was read: file and lines, or fact ids) for 재현 정보."""
        rows = []
        for n, source in enumerate(self.sources.values(), 1):
            rows.append((f"[{n}]", phrases.read_detail(source.kind, source.ids, sorted(
                source.lines, key=lambda s: int(s) if s.isdigit() else 0))))
        return rows

    def raw_files(self) -> list[manifest.RawFile]:
        return [manifest.entry(key.removeprefix("raw:")) for key in self.sources if key.startswith("raw:")]


def fact_fields(row) -> dict:
    """A dated report as a source: outlet, date, its real headline if recorded, address and archive."""
    title = row.get("title", "") if hasattr(row, "get") else ""
    archive = row.get("archive_url", "") if hasattr(row, "get") else ""
    return {"outlet": row["outlet"], "date": numbers.date_label(row["published_label"]),
            "title": "" if numbers.missing(title) else str(title), "url": str(row["source_url"] or ""),
            "archive_url": "" if numbers.missing(archive) else str(archive)}


def kosis_fields(entry: manifest.RawFile) -> dict:
    """A raw file as a reader's source: 기관 「표 이름」, its KOSIS table and how the file was obtained."""
    return {"org": ORG_NAMES.get(entry.org_id or "", ""), "title": entry.title, "table": entry.kosis_table or "",
            "url": entry.kosis_url or "", "confirmed": not entry.table_id_probable,
            "obtained": entry.obtained or phrases.obtained(entry.origin, entry.downloaded),
            "origin_url": entry.origin_url or ""}
