"""One report page as its notebook builds it: the sources it cites, the terms it uses, and the
tables and figures it shows, each with its data as a CSV beside the page.

A table or figure displays as HTML plus a CSV in a project MIME type; the build writes the CSVs
to reports/<report>/ only when the whole report succeeded (runner.publish), so a failed report
leaves no file behind, and the executed notebook keeps them for analysts.
"""
from __future__ import annotations

import base64
import io
from collections.abc import Callable, Iterable

import pandas as pd

from . import prose
from .citations import Citations, tokens
from .markup import Html, attr, details, esc, key_values, link, slug, table

CSV_MIME = "application/vnd.gwangju.download+json"


class Output(Html):
    """HTML with downloads attached: IPython displays both, the page shows the HTML."""

    downloads: dict[str, str]

    def __new__(cls, markup: str, downloads: dict[str, str]):
        made = super().__new__(cls, markup)
        made.downloads = downloads
        return made

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": str(self), CSV_MIME: self.downloads}

    # `html + table` keeps the table's downloads (a str subclass's reflected add runs first)
    def __add__(self, other):
        return join(self, other)

    def __radd__(self, other):
        return join(other, self)


def join(*parts) -> Output:
    """Fragments joined into one output, keeping the downloads of every part."""
    downloads: dict[str, str] = {}
    for part in parts:
        downloads.update(getattr(part, "downloads", {}))
    return Output("".join(str(p) for p in parts if p), downloads)


class Page:
    """What one notebook run puts on its page besides prose: citations, terms, downloads."""

    def __init__(self, report: str):
        self.report = report
        self.citations = Citations()
        self.terms: list[str] = []
        self._slugs: set[str] = set()

    # -- references --------------------------------------------------------------------------------
    def cite(self, references) -> Html:
        """Superscript [n] links for `references`, registered in the page's 출처 list."""
        return self.citations.marks(references)

    def use(self, *terms: str) -> None:
        """Terms the page prints that its 용어 설명 must explain (unknown terms are an error)."""
        for term in terms:
            if term not in prose.GLOSSARY:
                raise KeyError(f"term {term!r} has no entry in report.prose.GLOSSARY")
            if term not in self.terms:
                self.terms.append(term)

    # -- downloads ---------------------------------------------------------------------------------
    def _file(self, name: str) -> str:
        base = slug(name)
        chosen, k = base, 2
        while chosen in self._slugs:
            chosen, k = f"{base}-{k}", k + 1
        self._slugs.add(chosen)
        return f"{chosen}.csv"

    def _download(self, frame: pd.DataFrame, name: str, references) -> tuple[str, dict[str, str]]:
        file = self._file(name)
        data = frame.copy()
        if references is not None and "출처" not in data.columns:
            data["출처"] = "; ".join(tokens(references))
        href = f"{self.report}/{file}"
        anchor = f' <a class="download" href="{attr(href)}" download>CSV 내려받기</a>'
        return anchor, {file: data.to_csv(index=False, lineterminator="\n")}

    def table(self, frame: pd.DataFrame, columns: dict[str, str], formats: dict[str, Callable] | None = None, *,
              caption: str, sources=None, markup: Iterable[str] = (), numeric: Iterable[str] = (),
              nowrap: Iterable[str] = (), data: pd.DataFrame | None = None) -> Output:
        """A table with its caption, source marks and a CSV of its data (`data`, or the shown columns
        under their Korean names)."""
        exported = data if data is not None else frame[list(columns)].rename(columns=columns)
        anchor, files = self._download(exported, caption, sources)
        marks = self.cite(sources) if sources is not None else ""
        return Output(table(frame, columns, formats, caption=caption, markup=markup, numeric=numeric, nowrap=nowrap,
                            after=f"{marks}{anchor}"), files)

    def figure(self, fig, *, alt: str, caption: str, data: pd.DataFrame, sources=None) -> Output:
        """A chart drawn at twice its display size, with Korean alt text saying what it shows, its
        caption with source marks, and its data as CSV. Closes the figure."""
        import matplotlib.pyplot as plt

        buffer = io.BytesIO()
        width = fig.get_figwidth() * fig.dpi
        fig.savefig(buffer, format="png", dpi=fig.dpi * 2, metadata={"Software": None})
        plt.close(fig)
        encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
        anchor, files = self._download(data, caption, sources)
        marks = self.cite(sources) if sources is not None else ""
        return Output(f'<figure><img src="data:image/png;base64,{encoded}" alt="{attr(alt)}" width="{int(width)}">'
                      f"<figcaption>{esc(caption)}{marks}{anchor}</figcaption></figure>", files)

    # -- closing sections --------------------------------------------------------------------------
    def sources(self) -> Html:
        return self.citations.render()

    def reproduction(self, parameters: dict) -> Html:
        """The collapsed 재현 정보: parameters, exactly which rows and facts each source number
        stands for, raw-file hashes and origins, the data vintage, revision and package versions."""
        import json

        from ..ingest import manifest
        from . import chrome
        rows = [("보고서", esc(self.report)),
                ("매개변수", f"<code>{esc(json.dumps(parameters, ensure_ascii=False, sort_keys=True))}</code>"),
                ("빌드", esc(f"git {chrome.git_revision()} · {chrome.now():%Y-%m-%d %H:%M} KST")),
                ("패키지", esc(chrome.versions()))]
        rows += [(number, f"<code>{esc(detail)}</code>") for number, detail in self.citations.reproduction_rows()]
        for key in self.citations.sources:
            if key.startswith("raw:"):
                entry = manifest.entry(key.removeprefix("raw:"))
                origin = link(entry.origin_url, entry.origin) if entry.origin_url else esc(entry.origin)
                rows.append((f"data/raw/{entry.path}", f"sha256 <code>{entry.short_hash}</code> · 사본 출처 {origin} · "
                                                       f"원 파일명 {esc(entry.kosis_file_name)}"))
        vintage = chrome.vintage()
        rows += [(f"자료 시점: {name}", esc(latest)) for name, latest in vintage.items()]
        return details("재현 정보 (분석가용: 원자료 행, 해시, 버전)", key_values(rows), css="repro")

    def glossary(self) -> Html:
        if not self.terms:
            return Html("")
        items = "".join(f"<dt>{esc(term)}</dt><dd>{esc(prose.GLOSSARY[term])}</dd>" for term in self.terms)
        return Html(f'<dl class="glossary">{items}</dl>')

