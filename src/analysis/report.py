"""The report runner: parameter sets from config/reports.yaml -> executed notebooks -> HTML.

Notebooks run with papermill and export with nbconvert in this one process (no command-line
start-up per step). Parameters are checked before a kernel starts. Each HTML is written to a
temporary file and renamed, so a failed run leaves the previous report in place.
"""
from __future__ import annotations

import ast
import csv
import datetime as dt
import html
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

from . import fonts, manifest, paths, regions
from .errors import InputError

TEMPLATES = Path(__file__).parent / "templates"
VINTAGE = paths.PROCESSED / "vintage.json"
KEY_PACKAGES = ("pandas", "numpy", "statsmodels", "matplotlib", "seaborn", "papermill", "nbconvert")
GLYPH_WARNING = re.compile(r"Glyph \d+ .*missing from (current )?font", re.IGNORECASE)
KST = dt.timezone(dt.timedelta(hours=9))


class ReportError(InputError, RuntimeError):
    """A report that cannot be built: bad parameters, or a notebook cell that failed."""


@dataclass(frozen=True)
class ReportSpec:
    name: str
    kind: str
    notebook: Path
    title: str
    parameters: dict = field(default_factory=dict)

    @property
    def html(self) -> Path:
        return paths.REPORTS / f"{self.name}.html"

    @property
    def executed(self) -> Path:
        return paths.REPORTS / f"{self.name}.ipynb"

    @property
    def sidecar(self) -> Path:
        return paths.REPORTS / f"{self.name}.json"


# -- parameter sets -------------------------------------------------------------------------------


def _registry_ids() -> tuple[list[str], dict[str, str]]:
    document = yaml.safe_load(paths.PLEDGES.read_text(encoding="utf-8"))
    return [p["id"] for p in document["pledges"]], {p["id"]: p["title"] for p in document["pledges"]}


def region_slug(region: str) -> str:
    code = next(c for c, name in regions.SIDO_BY_CODE.items() if name == region)
    return f"region-{code}"


def load_specs(config: Path = paths.REPORTS_CONFIG) -> dict[str, ReportSpec]:
    """Every report the build makes, by name. `each: registry` means one report per pledge."""
    document = yaml.safe_load(config.read_text(encoding="utf-8"))
    specs: dict[str, ReportSpec] = {}
    for kind, entry in document["reports"].items():
        notebook = paths.NOTEBOOKS / entry["notebook"]
        common = dict(entry.get("parameters", {}))
        if kind == "pledge":
            ids, titles = _registry_ids()
            for pledge_id in ids:
                specs[f"pledge-{pledge_id}"] = ReportSpec(f"pledge-{pledge_id}", kind, notebook,
                                                          f"공약: {titles[pledge_id]}", {**common, "pledge_id": pledge_id})
        elif kind == "region":
            for region in (regions.SIDO if entry["regions"] == "all" else entry["regions"]):
                canonical = regions.canonical(region)
                specs[region_slug(canonical)] = ReportSpec(region_slug(canonical), kind, notebook,
                                                           f"지역: {canonical} 고용과 사업체", {**common, "region": canonical})
        else:
            specs[kind] = ReportSpec(kind, kind, notebook, entry["title"], common)
    return specs


def notebook_parameters(notebook: Path) -> dict:
    """Names and default values of the notebook's cell tagged `parameters` (plain `name = value`)."""
    document = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in document["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"])
            values = {}
            for node in ast.parse(source).body:
                if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
                    raise ReportError(f"{notebook}: the parameters cell must hold only `name = value` lines")
                values[node.targets[0].id] = ast.literal_eval(node.value)
            return values
    raise ReportError(f"{notebook}: no cell tagged 'parameters'")


def validate(spec: ReportSpec) -> None:
    """Refuse unknown parameters, pledge ids, regions and assumptions before any kernel starts."""
    if not spec.notebook.exists():
        raise ReportError(f"{spec.name}: notebook {spec.notebook} does not exist")
    declared = notebook_parameters(spec.notebook)
    unknown = sorted(set(spec.parameters) - set(declared))
    if unknown:
        raise ReportError(f"{spec.name}: unknown parameter(s) {unknown} for {spec.notebook.name}; "
                          f"valid: {sorted(declared)}")
    for name, value in spec.parameters.items():
        if type(value) is not type(declared[name]) and not (isinstance(value, int) and isinstance(declared[name], float)):
            raise ReportError(f"{spec.name}: parameter {name}={value!r} should be a {type(declared[name]).__name__}")
    if "pledge_id" in spec.parameters:
        ids, _ = _registry_ids()
        if spec.parameters["pledge_id"] not in ids:
            raise ReportError(f"{spec.name}: unknown pledge id {spec.parameters['pledge_id']!r}; valid: {', '.join(ids)}")
    if "region" in spec.parameters and spec.parameters["region"] not in regions.SIDO:
        raise ReportError(f"{spec.name}: unknown region {spec.parameters['region']!r}; valid: {', '.join(regions.SIDO)}")
    if spec.parameters.get("assumptions"):
        from .assumptions import DEFAULT
        try:
            DEFAULT.with_overrides(**spec.parameters["assumptions"])
        except (ValueError, TypeError) as exc:
            raise ReportError(f"{spec.name}: {exc}") from exc


# -- provenance footer ----------------------------------------------------------------------------


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
        "raw": [(e.path, e.short_hash, e.downloaded) for e in manifest.load().values()],
        "revision": git_revision(),
        "versions": ", ".join(f"{p} {metadata.version(p)}" for p in KEY_PACKAGES),
    }


def footer(spec: ReportSpec, built: dt.datetime, facts: dict) -> str:
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


# -- build ----------------------------------------------------------------------------------------


def _status_of(spec: ReportSpec) -> str | None:
    if spec.kind != "pledge":
        return None
    path = paths.PROCESSED / "results" / "statuses.csv"
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["pledge_id"] == spec.parameters["pledge_id"]:
                return row["status"]
    return None


def _atomic_write(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _export_tools() -> tuple:
    """The HTML exporter, the font and the footer facts: prepared on a thread while the kernel runs,
    so their imports and file reads cost no wall time."""
    from nbconvert import HTMLExporter
    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            language_code="ko")
    return exporter, fonts.load_font(), provenance()


def build(spec: ReportSpec) -> Path:
    """Execute one notebook and write its HTML, executed notebook and index entry."""
    from concurrent.futures import ThreadPoolExecutor

    # jsonschema (pulled in by nbformat) imports rfc3987_syntax when present, which compiles a
    # grammar for 2.6 s; notebooks never hold URI-formatted fields, so keep it out of this process.
    sys.modules.setdefault("rfc3987_syntax", None)
    import nbformat
    import papermill

    validate(spec)
    paths.REPORTS.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=1) as pool:
        tools = pool.submit(_export_tools)
        try:
            executed = papermill.execute_notebook(
                str(spec.notebook), None, parameters=spec.parameters, kernel_name=paths.KERNEL_NAME,
                progress_bar=False, cwd=str(paths.ROOT), log_output=False)
        except papermill.PapermillExecutionError as exc:
            first_line = (exc.source or "").strip().splitlines()[0][:80] if (exc.source or "").strip() else ""
            raise ReportError(f"{spec.name}: notebook {spec.notebook.name} failed in cell {exc.exec_count} "
                              f"(cell index {exc.cell_index}, `{first_line}`): {exc.ename}: {exc.evalue}") from None
        exporter, font, facts = tools.result()
    glyphs = [output.get("text", "") for cell in executed.cells for output in cell.get("outputs", [])
              if output.get("name") == "stderr" and GLYPH_WARNING.search(output.get("text", ""))]
    if glyphs:
        raise ReportError(f"{spec.name}: a figure has characters missing from the font: {glyphs[0].strip()[:200]}")
    _atomic_write(spec.executed, nbformat.writes(executed))
    for cell in executed.cells:  # warnings stay in the executed notebook, not in the reviewer's page
        if cell.cell_type == "code":
            cell["outputs"] = [o for o in cell["outputs"] if o.get("name") != "stderr"]
    executed.metadata["title"] = spec.title
    body, _ = exporter.from_notebook_node(executed)
    built = dt.datetime.now(KST)
    body = body.replace("<main>", "<main>" + table_of_contents(body), 1)
    body = with_font(body.replace("</main>", footer(spec, built, facts) + "</main>", 1), font)
    _atomic_write(spec.html, body)
    _atomic_write(spec.sidecar, json.dumps({
        "name": spec.name, "kind": spec.kind, "title": spec.title, "status": _status_of(spec),
        "parameters": spec.parameters, "built": built.isoformat(timespec="seconds"), "git": facts["revision"],
        "seconds": round(time.perf_counter() - started, 2)}, ensure_ascii=False, indent=1))
    return spec.html


def write_index(specs: dict[str, ReportSpec]) -> Path:
    """reports/index.html: every report with its status badge and build date, self-contained."""
    from .status import SCALE

    entries = []
    for spec in specs.values():
        info = json.loads(spec.sidecar.read_text(encoding="utf-8")) if spec.sidecar.exists() else None
        entries.append((spec, info))
    sections = []
    for kind, heading in (("overview", "종합 보고서"), ("pledge", "공약별 보고서"), ("region", "지역 보고서")):
        rows = []
        for spec, info in entries:
            if spec.kind != kind:
                continue
            label = (info or {}).get("status")
            badge = (f"<span class='badge' style='background:{SCALE[label].colour}'>{html.escape(label)}</span>"
                     if label else "")
            when = html.escape(info["built"][:16].replace("T", " ")) if info else "빌드되지 않음"
            link = f"<a href='{spec.name}.html'>{html.escape(spec.title)}</a>" if info else html.escape(spec.title)
            rows.append(f"<tr><td>{link}</td><td>{badge}</td><td>{when}</td>"
                        f"<td><a href='{spec.name}.ipynb'>노트북</a></td></tr>")
        if rows:
            sections.append(f"<h2>{heading}</h2><table><thead><tr><th>보고서</th><th>상태</th><th>빌드 시각 (KST)</th>"
                            f"<th>실행된 노트북</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    page = f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>광주 일자리·산업 공약 점검 보고서</title>
<style>
body {{ font-family: "NanumGothic", "Noto Sans KR", "Malgun Gothic", sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #222; }}
table {{ border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }}
th, td {{ border: 1px solid #d0d7de; padding: 5px 8px; text-align: left; }}
thead th {{ background: #f6f8fa; }}
.badge {{ color: #fff; padding: 2px 8px; border-radius: 10px; font-weight: 600; white-space: nowrap; }}
</style></head><body>
<h1>광주 일자리·산업 공약 점검 보고서</h1>
<p>2022년 두 기사(매일일보 2022-04-05, 전자신문 2022-02-10)의 광주 일자리·산업 공약을 공식 통계와 날짜가 있는 사실 자료에 비추어
점검합니다. 상태는 문서화된 규칙으로 계산됩니다(종합 보고서 참조). 빌드 git 리비전 <code>{html.escape(git_revision())}</code>.</p>
{''.join(sections)}
</body></html>
"""
    path = paths.REPORTS / "index.html"
    paths.REPORTS.mkdir(parents=True, exist_ok=True)
    _atomic_write(path, with_font(page))
    return path
