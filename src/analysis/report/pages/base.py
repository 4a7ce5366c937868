"""One page as its notebook builds it: the sources it cites, the terms it uses, and the tables and
figures it shows as plain blocks for the templates, each with its data beside the page (a reader's
CSV, its CSVW metadata and an analyst's full-precision CSV). The whole page displays once, as HTML
plus its downloads in a project MIME type; the build writes the downloads to reports/<report>/
only when the whole report succeeded, so a failed report leaves no file behind."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..exports import csv
from ..render import Html, render
from ..views.sources import Citations, tokens
from ..wording import numbers, phrases, terms, texts

CSV_MIME = "application/vnd.gwangju.download+json"
# Optional fields of each block (a template reads every field it may show)
BLOCK_DEFAULTS = {"p": {"css": "", "label": "", "cites": []}, "quote": {"lang": "", "cites": []},
                  "kv": {"label": ""}}


def cell(text="", *, href: str = "", cites=(), status: str = "", quote: bool = False, strong: bool = False,
         sort=None, muted: str = "") -> dict:
    """One table cell for the templates: text (escaped there), an optional link, citation marks,
    a status badge, a verbatim quote, bold, a sort key (the scorecard) and a muted second line."""
    return {"text": "" if numbers.missing(text) else str(text), "href": href, "cites": list(cites), "status": status,
            "quote": quote, "lang": "en" if quote and english(text) else "", "strong": strong,
            "sort": "" if sort is None else str(sort), "muted": muted}


def english(text) -> bool:
    letters = [c for c in str(text) if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) > 0.6 * len(letters)


def text_of(value) -> str:
    """A cell's text as the reader's CSV holds it (a badge by its status)."""
    if isinstance(value, dict):
        return value["status"] or value["text"]
    return "" if numbers.missing(value) else value


@dataclass(frozen=True)
class Col:
    """A table column: English key, Korean title, what a row shows, what the CSV holds, CSS, card role."""
    key: str
    title: str
    show: Callable[[dict], Any] | None = None
    value: Callable[[dict], Any] | None = None
    css: str = ""  # num | nowrap
    card: str = ""  # name | badge | reason | date | extra: the cell's place in a phone card

    def shown(self, row: dict):
        return self.show(row) if self.show else cell(row.get(self.key))

    def exported(self, row: dict):
        return self.value(row) if self.value else text_of(self.shown(row))


class Rendered(Html):
    """The whole page body: IPython displays its HTML and hands its downloads to the build."""

    downloads: dict[str, str]

    def __new__(cls, markup: str, downloads: dict[str, str]):
        made = super().__new__(cls, markup)
        made.downloads = downloads
        return made

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": str(self), CSV_MIME: self.downloads}


class Page:
    """What one notebook run puts on its page besides prose: citations, terms, downloads."""

    def __init__(self, report: str, title: str):
        self.report, self.title = report, title
        self.citations = Citations()
        self.terms: list[str] = []
        self.downloads: dict[str, str] = {}

    def cite(self, references) -> list[int]:
        """Entry numbers of `references` in the page's 출처 list."""
        return self.citations.cite(references)

    def use(self, *words: str) -> None:
        """Terms the page prints that its 용어·방법 must explain (unknown terms are an error)."""
        for term in words:
            if term not in terms.GLOSSARY:
                raise KeyError(f"term {term!r} has no entry in report.wording.terms.GLOSSARY")
            if term not in self.terms:
                self.terms.append(term)

    # -- downloads ---------------------------------------------------------------------------------
    def _files(self, file: str, reader: pd.DataFrame, keys: list[str], full: pd.DataFrame, caption: str, unit: str,
               references) -> str:
        if f"{file}.csv" in self.downloads:
            raise ValueError(f"{self.report}: download {file}.csv is written twice")
        from .. import chrome
        self.downloads[f"{file}.csv"] = csv.csv_text(reader)
        self.downloads[f"{file}-full.csv"] = csv.csv_text(full)
        sources = [entry["text"] for entry in self.source_lines(references)]
        info = chrome.site()
        self.downloads[f"{file}.csv-metadata.json"] = csv.metadata(
            f"{file}.csv", title=caption, columns=list(zip(keys, reader.columns)), unit=unit, sources=sources,
            licence=info.licence, citation=texts.CITATION.format(title=caption, site=info.title, page=self.title),
            built=f"{chrome.now():%Y-%m-%d}")
        return f"{self.report}/{file}.csv"

    def source_lines(self, references) -> list[dict]:
        numbers_ = self.cite(references) if references is not None else []
        entries = self.citations.entries()
        return [{"number": n, "text": phrases.source_text(entries[n - 1])} for n in numbers_]

    def table(self, rows: list[dict], columns: list[Col], *, caption: str, file: str, sources=None,
              row_sources: str | None = None, cards: str = "", unit: str = "", full: pd.DataFrame | None = None
              ) -> dict:
        """A table block: its cells, citation marks, and its CSVs (the reader's with Korean headers
        and each row's own sources; the analyst's with every field at full precision). A table whose
        columns name a card's parts becomes cards on a phone."""
        shown = [[c.shown(r) for c in columns] for r in rows]
        reader = pd.DataFrame([[c.exported(r) for c in columns] for r in rows], columns=[c.title for c in columns])
        if row_sources:
            reader[texts.UI_SOURCE] = ["; ".join(tokens(r.get(row_sources))) for r in rows]
        full = full if full is not None else pd.DataFrame(rows)
        cited = sources if sources is not None or not row_sources else [r.get(row_sources) for r in rows]
        keys = [c.key for c in columns] + ([row_sources] if row_sources else [])
        href = self._files(file, reader, keys, full, caption, unit, cited)
        cards = cards or ("evidence" if any(c.card == "name" for c in columns) else "")
        return {"type": "table", "caption": caption, "columns": columns, "rows": shown, "download": href,
                "cites": self.cite(sources) if sources is not None else [], "cards": cards}

    def download(self, file: str, rows: pd.DataFrame, labels: dict[str, str], caption: str) -> str:
        """A CSV (with its analyst copy and metadata) offered without a table on the page."""
        reader = rows[list(labels)].rename(columns=labels)
        return self._files(file, reader, list(labels), rows, caption, "", None)

    def figure(self, svg: str, *, alt: str, caption: str, file: str, data: pd.DataFrame,
               labels: dict[str, str], sources=None, unit: str = "") -> dict:
        """A chart block: inline SVG whose conclusion is its alt text, its caption, and its data."""
        reader = data[list(labels)].rename(columns=labels)
        numeric = reader.select_dtypes("number").columns
        reader[numeric] = reader[numeric].round(1)
        href = self._files(file, reader, list(labels), data, caption, unit, sources)
        return {"type": "figure", "svg": Html(svg), "alt": alt, "caption": caption, "download": href,
                "cites": self.cite(sources) if sources is not None else []}

    # -- closing sections ----------------------------------------------------------------------------
    def closing(self, parameters: dict, analyst: list[tuple[str, str]]) -> list[dict]:
        """용어·방법, 출처 and 재현 정보, as the last sections of every page."""
        from .. import chrome
        glossary = [{"term": t, "text": terms.GLOSSARY[t]} for t in self.terms]
        words = texts.BUILD
        rows = [(words["report"], self.report),
                (words["parameters"], json.dumps(parameters, ensure_ascii=False, sort_keys=True)),
                (words["build"], f"git {chrome.git_revision()} · {chrome.now():%Y-%m-%d %H:%M} KST"),
                (words["packages"], chrome.versions()), *analyst]
        rows += self.citations.reproduction_rows()
        rows += [(f"data/raw/{entry.path}", phrases.raw_file(entry)) for entry in self.citations.raw_files()]
        rows += [(phrases.labelled(words["vintage"], name), latest) for name, latest in chrome.vintage().items()]
        return [{"id": "glossary", "blocks": [{"type": "glossary", "terms": glossary}] if glossary else []},
                {"id": "sources", "blocks": [{"type": "sources", "entries": self.citations.entries()}]},
                {"id": "", "blocks": [{"type": "details", "summary": texts.REPRODUCTION, "rows": rows}]}]

    def render(self, heading: str, lead: dict | None, sections: list[dict], parameters: dict,
               notes: list[str] = (), analyst: list[tuple[str, str]] = ()) -> Rendered:
        """The page body: heading, lead box, table of contents (from the sections), sections."""
        sections = [{**s, "blocks": [{**BLOCK_DEFAULTS.get(b["type"], {}), **b} for b in s["blocks"]]}
                    for s in sections if s["blocks"]] + self.closing(parameters, list(analyst))
        toc = [{"id": s["id"], "title": texts.SECTIONS[s["id"]]} for s in sections if s["id"]]
        body = render("body.html.j2", heading=heading, lead=lead, notes=list(notes), toc=toc, sections=sections)
        return Rendered(body, dict(self.downloads))
