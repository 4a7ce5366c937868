"""Everything around a page's content: the template and stylesheet, the navigation bar (점검표 ·
종합 · 이전/다음 공약 · 관련 공약), the table of contents, the footer (corrections and licence), the
embedded font, and the build facts the 재현 정보 section prints."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .. import paths
from ..ingest import yamlfile
from ..ingest.registry import registry
from . import fonts
from .markup import attr, esc

TEMPLATES = Path(__file__).parent / "templates"
STYLESHEET = TEMPLATES / "gwangju" / "report.css"
KEY_PACKAGES = ("pandas", "numpy", "statsmodels", "matplotlib", "seaborn", "papermill", "nbconvert")
KST = dt.timezone(dt.timedelta(hours=9))
INDEX, OVERVIEW, ANALYST = "index.html", "overview.html", "analyst.html"


class Site(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
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


def css(title: str) -> str:
    """The stylesheet, with the report's title in the printed page header."""
    printed = title.replace("\\", "").replace('"', "'").replace("<", "").replace(">", "")
    return stylesheet() + f'@page {{ @top-center {{ content: "{printed}"; font-size: 9pt; color: #4d5561; }} }}'


def git_revision() -> str:
    try:
        revision = subprocess.run(["git", "rev-parse", "--short=10", "HEAD"], cwd=paths.ROOT, capture_output=True,
                                  text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=paths.ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return revision + (" (커밋하지 않은 변경 포함)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "알 수 없음 (git 저장소가 아님)"


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
def _item(href: str, text: str, here: bool = False) -> str:
    klass = ' class="here" aria-current="page"' if here else ""
    return f'<li><a href="{attr(href)}"{klass}>{esc(text)}</a></li>'


def pledge_links(pledge_id: str) -> list[tuple[str, str]]:
    """(label, href) of the previous and next pledge in registry order and of related pledges."""
    pledges = registry()
    order = list(pledges)
    k = order.index(pledge_id)
    pledge = pledges[pledge_id]
    links = []
    if k > 0:
        links.append((f"← 이전: {pledges[order[k - 1]].title}", f"pledge-{order[k - 1]}.html"))
    if k + 1 < len(order):
        links.append((f"다음: {pledges[order[k + 1]].title} →", f"pledge-{order[k + 1]}.html"))
    related = [*pledge.parts, *([pledge.part_of] if pledge.part_of else []), *pledge.same_programme_as]
    for other in dict.fromkeys(related):
        links.append((f"관련: {pledges[other].title}", f"pledge-{other}.html"))
    return links


def nav(kind: str, pledge_id: str | None = None) -> str:
    items = [_item(INDEX, "점검표", kind == "index"), _item(OVERVIEW, "종합", kind == "overview")]
    if kind == "pledge" and pledge_id:
        items += [_item(href, text) for text, href in pledge_links(pledge_id)]
    return f'<nav class="site" aria-label="보고서 이동"><ul>{"".join(items)}</ul></nav>'


def footer() -> str:
    info = site()
    return (f'<footer class="site"><p>{esc(info.title)} · <a href="{INDEX}">점검표로 돌아가기</a> · '
            f'<a href="{ANALYST}">분석가용 자료(실행된 노트북)</a></p>'
            f"<p>{esc(info.corrections)}</p><p>{esc(info.licence)}</p></footer>")


def table_of_contents(body: str) -> str:
    headings = re.findall(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', body, flags=re.DOTALL)
    if len(headings) < 3:
        return ""
    items = "".join(f'<li><a href="#{anchor}">{re.sub("<[^>]+>", "", text).replace("¶", "").strip()}</a></li>'
                    for anchor, text in headings)
    return f'<nav class="toc" aria-label="목차"><strong>목차</strong><ol>{items}</ol></nav>'


def with_toc(page: str) -> str:
    """The table of contents before the first section heading."""
    toc = table_of_contents(page)
    at = page.find("<h2 ")
    return page if not toc or at < 0 else page[:at] + toc + page[at:]


def with_font(page: str, font=None) -> str:
    """Insert the embedded font (a subset of `font`, loaded if not given) before </head>."""
    return page.replace("</head>", fonts.font_face_css(re.sub(r"<[^>]+>", "", page), font) + "</head>", 1)


def resources(title: str, kind: str, pledge_id: str | None = None) -> dict:
    return {"chrome": {"title": title, "css": css(title), "nav": nav(kind, pledge_id), "footer": footer()}}


def standalone(title: str, kind: str, body: str, font=None) -> str:
    """A page written by Python rather than a notebook (the index, the analysts' page)."""
    chrome = resources(title, kind)["chrome"]
    page = (f'<!DOCTYPE html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{esc(title)}</title>\n'
            f"<style>{chrome['css']}</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#content\">본문 바로가기</a>\n"
            f"{chrome['nav']}\n<main id=\"content\">\n{body}\n</main>\n{chrome['footer']}\n</body>\n</html>\n")
    return with_font(page, font)


def exporter():
    """The HTML exporter with the project's template and no code cells."""
    from nbconvert import HTMLExporter
    return HTMLExporter(template_name="gwangju", extra_template_basedirs=[str(TEMPLATES)],
                        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)

