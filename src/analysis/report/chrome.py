"""Everything around a page's content, as data for the one page template (templates/gwangju):
the navigation (점검표 · 종합 · 이전/다음 공약 · 관련 공약), the footer (corrections and licence),
the stylesheet, the embedded font, the exporter that writes every page, and the build facts the
재현 정보 section prints."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from functools import lru_cache
from importlib import metadata

from pydantic import BaseModel, ConfigDict

from .. import paths
from ..ingest import yamlfile
from ..ingest.registry import registry
from . import fonts
from .render import FILTERS, TEMPLATES, configure
from .wording import texts

STYLESHEET = TEMPLATES / "gwangju" / "report.css"
FONT_SLOT = "/*FONT*/"
KEY_PACKAGES = ("pandas", "numpy", "statsmodels", "matplotlib", "seaborn", "papermill", "nbconvert")
KST = dt.timezone(dt.timedelta(hours=9))
INDEX, OVERVIEW, ANALYST = "index.html", "overview.html", "analyst.html"


class Site(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    audit_date: str
    corrections: str
    licence: str


class _SiteFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    site: Site


@lru_cache(maxsize=1)
def site() -> Site:
    return yamlfile.load(paths.CONFIG / "site.yaml", _SiteFile).site


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


def git_revision() -> str:
    try:
        revision = subprocess.run(["git", "rev-parse", "--short=10", "HEAD"], cwd=paths.ROOT, capture_output=True,
                                  text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=paths.ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return revision + (texts.BUILD["dirty"] if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return texts.BUILD["no_git"]


def versions() -> str:
    return ", ".join(f"{p} {metadata.version(p)}" for p in KEY_PACKAGES) + f", Python {sys.version.split()[0]}"


def vintage() -> dict:
    """The latest period of each processed table this page reads (its declared reads), no other."""
    from .. import reads
    from ..tables.vintage import latest
    active = reads.active()
    return latest(active.tables) if active else {}


def now() -> dt.datetime:
    return dt.datetime.now(KST)


# -- navigation ------------------------------------------------------------------------------------
def pledge_links(pledge_id: str) -> list[dict]:
    """The previous and next pledge in registry order and the related pledges, as nav items."""
    pledges = registry()
    order = list(pledges)
    k = order.index(pledge_id)
    pledge = pledges[pledge_id]
    links = []
    if k > 0:
        links.append({"text": texts.NAV["previous"].format(title=pledges[order[k - 1]].title),
                      "href": f"pledge-{order[k - 1]}.html"})
    if k + 1 < len(order):
        links.append({"text": texts.NAV["next"].format(title=pledges[order[k + 1]].title),
                      "href": f"pledge-{order[k + 1]}.html"})
    related = [*pledge.parts, *([pledge.part_of] if pledge.part_of else []), *pledge.same_programme_as]
    for other in dict.fromkeys(related):
        links.append({"text": texts.NAV["related"].format(title=pledges[other].title), "href": f"pledge-{other}.html"})
    return links


def nav(kind: str, pledge_id: str | None = None) -> list[dict]:
    items = [{"text": texts.UI["index"], "href": INDEX, "here": kind == "index"},
             {"text": texts.UI["overview"], "href": OVERVIEW, "here": kind == "overview"}]
    if kind == "pledge" and pledge_id:
        items += pledge_links(pledge_id)
    return items


def resources(title: str, kind: str, pledge_id: str | None = None, description: str = "",
              feeds: list[dict] | None = None) -> dict:
    """What the page template needs besides the content."""
    return {"chrome": {"title": title, "css": stylesheet(), "nav": nav(kind, pledge_id), "site": site(),
                       "description": description, "feeds": feeds or []}}


def with_font(page: str, font=None) -> str:
    """The embedded font (a subset of `font` to the page's characters, loaded if not given) in its slot."""
    return page.replace(FONT_SLOT, fonts.font_face_css(re.sub(r"<[^>]+>", "", page), font), 1)


def exporter():
    """nbconvert's HTML exporter with the project's page template, autoescape on, no code cells."""
    from nbconvert import HTMLExporter

    class PageExporter(HTMLExporter):
        def _create_environment(self):
            environment = configure(super()._create_environment())
            environment.autoescape = True
            return environment

    return PageExporter(template_name="gwangju", extra_template_basedirs=[str(TEMPLATES)], filters=FILTERS,
                        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)


def standalone(title: str, kind: str, body: str, font=None, description: str = "",
               feeds: list[dict] | None = None) -> str:
    """A page written by Python rather than a notebook (the scorecard, the analysts' page), exported
    through the same template as every report."""
    import nbformat
    notebook = nbformat.v4.new_notebook()
    code = nbformat.v4.new_code_cell("")
    code.outputs = [nbformat.v4.new_output("display_data", data={"text/html": str(body)})]
    notebook.cells.append(code)
    page, _ = exporter().from_notebook_node(notebook, resources=resources(title, kind, None, description, feeds))
    return with_font(page, font)
