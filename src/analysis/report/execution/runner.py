"""The report runner: a parameter set -> an executed notebook -> its HTML page and downloads.

Parameters are checked before a kernel starts. A page may hold only what the package rendered:
an output that is not HTML (a bare Python value, a chart drawn without alt text) or a figure
with characters missing from the font fails the report. Each output is written to a temporary
file and renamed, so a failed run leaves no new page behind.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

from ... import paths
from ...assess.results import load_pledge
from ...files import atomic_write
from .. import chrome, fonts
from ..page import CSV_MIME
from .notebooks import read_notebook
from .specs import ReportError, ReportSpec, validate

GLYPH_WARNING = re.compile(r"Glyph \d+ .*missing from (current )?font", re.IGNORECASE)


def export_tools() -> tuple:
    """The HTML exporter and the font, prepared once per build."""
    font = fonts.load_font()
    # Read every table here, once, not in each forked worker (the glyphs stay lazy). A TTFont is not
    # iterable, hence keys().
    for tag in font.keys():  # noqa: SIM118
        font[tag]
    return chrome.exporter(), font


def execute(spec: ReportSpec, engine_name: str | None = None):
    """The executed notebook; `engine_name` None runs it in the project kernel (a process of its own)."""
    import papermill

    from . import engine  # noqa: F401  (registers the in-process engine with papermill)
    try:
        return papermill.execute_notebook(
            read_notebook(spec.notebook), None, parameters=spec.parameters, kernel_name=paths.KERNEL_NAME,
            engine_name=engine_name, progress_bar=False, log_output=False)
    except papermill.PapermillExecutionError as exc:
        first_line = (exc.source or "").strip().splitlines()[0][:80] if (exc.source or "").strip() else ""
        raise ReportError(f"{spec.name}: notebook {spec.notebook.name} failed in cell {exc.exec_count} "
                          f"(cell index {exc.cell_index}, `{first_line}`): {exc.ename}: {exc.evalue}") from None


def check_outputs(spec: ReportSpec, executed) -> dict[str, str]:
    """The page's downloads; refuses glyph warnings and outputs the reader should never see."""
    downloads: dict[str, str] = {}
    for index, cell in enumerate(executed.cells):
        for output in cell.get("outputs", []):
            if output.get("name") == "stderr" and GLYPH_WARNING.search(output.get("text", "")):
                raise ReportError(f"{spec.name}: a figure has characters missing from the font: "
                                  f"{output['text'].strip()[:200]}")
            data = output.get("data", {})
            if output.get("output_type") in ("display_data", "execute_result") and "text/html" not in data:
                kinds = ", ".join(sorted(data))
                raise ReportError(f"{spec.name}: cell {index} of {spec.notebook.name} shows {kinds} without HTML "
                                  "(a Python value or a chart without alt text); render it with analysis.report")
            duplicated = set(downloads) & set(data.get(CSV_MIME, {}))
            if duplicated:
                raise ReportError(f"{spec.name}: download {sorted(duplicated)[0]} is written twice")
            downloads.update(data.get(CSV_MIME, {}))
    return downloads


def _reader_copy(executed):
    """The notebook as the page shows it: no stream output (warnings stay for analysts)."""
    import copy
    shown = copy.deepcopy(executed)
    for cell in shown.cells:
        if cell.cell_type == "code":
            cell["outputs"] = [o for o in cell["outputs"] if o.get("output_type") != "stream"]
    return shown


def write_downloads(spec: ReportSpec, downloads: dict[str, str]) -> None:
    """reports/<name>/*.csv, replacing the previous set as a whole (a staging folder that nothing
    outlives: removed on any failure)."""
    folder = spec.downloads
    staging = paths.REPORTS / f".{spec.name}.downloads.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        for file, text in downloads.items():
            (staging / file).write_text(text, encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def page_html(spec: ReportSpec, executed, tools: tuple) -> str:
    exporter, font = tools
    pledge_id = spec.parameters.get("pledge_id") if spec.kind == "pledge" else None
    body, _ = exporter.from_notebook_node(_reader_copy(executed),
                                          resources=chrome.resources(spec.title, spec.kind, pledge_id))
    return chrome.with_font(chrome.with_toc(body), font)


def publish(spec: ReportSpec, executed, tools: tuple, started: float) -> Path:
    """Write the executed notebook, the downloads, the HTML page and the index entry of one report."""
    import nbformat

    downloads = check_outputs(spec, executed)
    _deterministic_ids(executed)
    body = page_html(spec, executed, tools)
    atomic_write(spec.executed, nbformat.writes(executed))
    write_downloads(spec, downloads)
    atomic_write(spec.html, body)
    status = load_pledge(spec.parameters["pledge_id"])["status"]["status"] if spec.kind == "pledge" else None
    atomic_write(spec.sidecar, json.dumps({
        "name": spec.name, "kind": spec.kind, "title": spec.title, "status": status,
        "parameters": spec.parameters, "built": chrome.now().isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 2)}, ensure_ascii=False, indent=1))
    return spec.html


def _deterministic_ids(executed) -> None:
    """Papermill gives its injected-parameters cell a random id; name it so two builds match."""
    for cell in executed.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = "injected-parameters"


def build(spec: ReportSpec, engine_name: str | None = None, tools: tuple | None = None) -> Path:
    """Validate, execute and publish one report (a failed run raises and writes nothing)."""
    # jsonschema (pulled in by nbformat) imports rfc3987_syntax when present, which compiles a
    # grammar for 2.6 s; notebooks never hold URI-formatted fields, so keep it out of this process.
    sys.modules.setdefault("rfc3987_syntax", None)
    validate(spec)
    started = time.perf_counter()
    executed = execute(spec, engine_name)
    return publish(spec, executed, tools or export_tools(), started)
