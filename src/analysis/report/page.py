"""The HTML page around a notebook's output: template, table of contents, embedded font and the
provenance footer (data vintage, raw-file hashes, git revision, package versions)."""
from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from .. import paths
from ..ingest import manifest
from . import fonts

TEMPLATES = Path(__file__).parent / "templates"
VINTAGE = paths.PROCESSED / "vintage.json"
KEY_PACKAGES = ("pandas", "numpy", "statsmodels", "matplotlib", "seaborn", "papermill", "nbconvert")
KST = dt.timezone(dt.timedelta(hours=9))


def git_revision() -> str:
    try:
        revision = subprocess.run(["git", "rev-parse", "--short=10", "HEAD"], cwd=paths.ROOT, capture_output=True,
                                  text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=paths.ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return revision + (" (uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"


def provenance() -> dict:
    """What every footer shows besides the report's own name: vintage, raw hashes, revision, versions."""
    return {
        "vintage": json.loads(VINTAGE.read_text(encoding="utf-8")) if VINTAGE.exists() else {},
        "raw": [(e.path, e.short_hash, e.downloaded) for e in manifest.read_manifest().values()],
        "revision": git_revision(),
        "versions": ", ".join(f"{p} {metadata.version(p)}" for p in KEY_PACKAGES),
    }


def footer(spec, built: dt.datetime, facts: dict) -> str:
    vintage_rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(str(v))}</td></tr>"
                           for k, v in facts["vintage"].items())
    raw_rows = "".join(f"<tr><td><code>data/raw/{html.escape(path)}</code></td><td><code>{short}</code></td>"
                       f"<td>{html.escape(downloaded)}</td></tr>" for path, short, downloaded in facts["raw"])
    return (
        "<footer class='provenance'><h2 id='build-provenance'>자료 시점과 빌드 정보</h2>"
        f"<p>보고서 <code>{html.escape(spec.name)}</code> · 노트북 <code>notebooks/{spec.notebook.name}</code> · "
        f"매개변수 <code>{html.escape(json.dumps(spec.parameters, ensure_ascii=False))}</code></p>"
        f"<p>빌드 git 리비전 <code>{html.escape(facts['revision'])}</code> · 빌드 시각 {built:%Y-%m-%d %H:%M} KST · "
        f"Python {sys.version.split()[0]} · {html.escape(facts['versions'])}</p>"
        f"<table><thead><tr><th>입력</th><th>최신 시점</th></tr></thead><tbody>{vintage_rows}</tbody></table>"
        f"<table><thead><tr><th>원자료</th><th>sha256 (앞 10자)</th><th>내려받은 날</th></tr></thead>"
        f"<tbody>{raw_rows}</tbody></table></footer>")


def with_font(page: str, font=None) -> str:
    """Insert the embedded font (a subset of `font`, loaded if not given) before </head>."""
    return page.replace("</head>", fonts.font_face_css(re.sub(r"<[^>]+>", "", page), font) + "</head>", 1)


def table_of_contents(body: str) -> str:
    headings = re.findall(r'<h([23]) id="([^"]+)">(.*?)<a class="anchor-link"', body)
    if not headings:
        return ""
    items = "".join(f'<li class="h{level}"><a href="#{anchor}">{re.sub("<[^>]+>", "", text)}</a></li>'
                    for level, anchor, text in headings)
    return f"<nav class='toc'><strong>목차</strong><ol>{items}</ol></nav>"


def exporter():
    """The HTML exporter with the project's offline template and no code cells."""
    from nbconvert import HTMLExporter
    return HTMLExporter(template_name="offline", extra_template_basedirs=[str(TEMPLATES)],
                        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                        language_code="ko")
