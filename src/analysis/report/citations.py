"""The numbered 출처 list of a page. Numbers, tables and figures cite their sources by reference
(`kosis/x.csv:12`, `data/raw/x.csv:3,4`, `fact:<id>`, `registry:<pledge id>`); the page turns each
distinct source into one numbered, clickable entry: a KOSIS table linked to its KOSIS page, a dated
report linked to the article, a pledge to its source article. Raw-file lines, fact ids and hashes
go to the collapsed 재현 정보 section, not the reader's text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ingest import manifest
from ..ingest.registry import registry
from ..tables import store
from ..vocab.sources import split
from .markup import Html, esc, link, readable_url

ORG_NAMES = {"101": "통계청"}
_TOKEN = re.compile(r"\s*;\s*")


@dataclass
class Source:
    key: str
    html: str
    lines: set[str] = field(default_factory=set)
    detail: str = ""


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

    def cite(self, references) -> list[int]:
        """Register references; their entry numbers (one per distinct source), in order."""
        numbers = []
        for token in tokens(references):
            key, lines = self._key(token)
            if key not in self.sources:
                self.sources[key] = self._describe(key)
            self.sources[key].lines |= lines
            number = list(self.sources).index(key) + 1
            if number not in numbers:
                numbers.append(number)
        return numbers

    def marks(self, references) -> Html:
        """Superscript links [1][2] to the entries of the 출처 list."""
        numbers = self.cite(references)
        return Html("".join(f'<sup class="cite"><a href="#src-{n}">[{n}]</a></sup>' for n in numbers))

    @staticmethod
    def _key(token: str) -> tuple[str, set[str]]:
        if token.startswith(("fact:", "registry:", "article:")):
            return token, set()
        file, line = split(token.removeprefix("data/raw/"))
        return f"raw:{file}", {part for part in line.split(",") if part}

    def _fact_rows(self):
        if self._facts is None:
            self._facts = store.load("facts").set_index("fact_id")
        return self._facts

    def _describe(self, key: str) -> Source:
        kind, _, ident = key.partition(":")
        if kind == "fact":
            row = self._fact_rows().loc[ident]
            text = (f"{esc(row['outlet'])}, {esc(row['published_label'])}, "
                    f"{link(row['source_url'], '「' + row['claim_ko'] + '」')} "
                    f"<span class=url>{esc(readable_url(row['source_url']))}</span>")
            return Source(key, text, detail=f"사실 {ident}")
        if kind in ("registry", "article"):
            return Source(key, article(registry()[ident].source_info if kind == "registry" else ident), detail=ident)
        entry = manifest.entry(ident)
        return Source(key, kosis_source(entry), detail=f"data/raw/{ident}")

    def render(self) -> Html:
        """The numbered 출처 list (ids `src-N`)."""
        if not self.sources:
            return Html("<p>이 페이지는 외부 출처를 인용하지 않습니다.</p>")
        items = "".join(f'<li id="src-{n}">{source.html}</li>' for n, source in enumerate(self.sources.values(), 1))
        return Html(f'<ol class="sources">{items}</ol>')

    def reproduction_rows(self) -> list[tuple[str, str]]:
        """(entry number, what exactly was read: file and lines, or fact id) for 재현 정보."""
        rows = []
        for n, source in enumerate(self.sources.values(), 1):
            text = source.detail
            if source.lines:
                text += " 행 " + ", ".join(sorted(source.lines, key=lambda s: int(s) if s.isdigit() else 0))
            rows.append((f"[{n}]", text))
        return rows


def kosis_source(entry: manifest.RawFile) -> str:
    """A raw file as a reader's source: 기관 「표 이름」, KOSIS 표 ID (linked), 내려받은 날."""
    org = ORG_NAMES.get(entry.org_id or "", "")
    title = f"{esc(org)} 「{esc(entry.title)}」" if org else f"「{esc(entry.title)}」"
    if entry.kosis_url:
        probable = " (표 ID 추정)" if entry.table_id_probable else ""
        where = f", KOSIS 표 {link(entry.kosis_url, entry.kosis_table)}{probable}"
    elif entry.origin_url:
        where = f", {link(entry.origin_url, '공개 저장소의 KOSIS 내려받기 사본')}"
    else:
        where = ""
    downloaded = "" if entry.downloaded == "not stated" else f", {esc(entry.downloaded)} 내려받음"
    return f"{title}{where}{downloaded}"


def article(source) -> str:
    """A source article of the pledges: 매체, 날짜, 「제목」, linked when its address is known."""
    title = f"「{source.title}」"
    shown = link(source.url, title) if source.url else esc(title) + " (원문 주소 미확보)"
    return f"{esc(source.outlet)}, {esc(source.date)}, {shown}"

