"""The report runner: a parameter set -> an executed notebook -> its HTML page.

Parameters are checked before a kernel starts. Each output is written to a temporary file and
renamed, so a failed run leaves the previous report in place.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

from .. import paths
from ..assess.results import status_of
from ..files import atomic_write
from . import fonts, page
from .notebooks import read_notebook
from .specs import ReportError, ReportSpec, validate

GLYPH_WARNING = re.compile(r"Glyph \d+ .*missing from (current )?font", re.IGNORECASE)


def export_tools() -> tuple:
    """The HTML exporter, the font and the footer facts, prepared once per build."""
    return page.exporter(), fonts.load_font(), page.provenance()


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


def _check_glyphs(spec: ReportSpec, executed) -> None:
    glyphs = [output.get("text", "") for cell in executed.cells for output in cell.get("outputs", [])
              if output.get("name") == "stderr" and GLYPH_WARNING.search(output.get("text", ""))]
    if glyphs:
        raise ReportError(f"{spec.name}: a figure has characters missing from the font: {glyphs[0].strip()[:200]}")


def publish(spec: ReportSpec, executed, tools: tuple, started: float) -> Path:
    """Write the executed notebook, the HTML page and the index entry of one report."""
    import nbformat

    exporter, font, facts = tools
    _check_glyphs(spec, executed)
    _deterministic_ids(executed)
    atomic_write(spec.executed, nbformat.writes(executed))
    for cell in executed.cells:  # warnings stay in the executed notebook, not in the reviewer's page
        if cell.cell_type == "code":
            cell["outputs"] = [o for o in cell["outputs"] if o.get("name") != "stderr"]
    executed.metadata["title"] = spec.title
    body, _ = exporter.from_notebook_node(executed)
    built = dt.datetime.now(page.KST)
    body = body.replace("<main>", "<main>" + page.table_of_contents(body), 1)
    body = page.with_font(body.replace("</main>", page.footer(spec, built, facts) + "</main>", 1), font)
    atomic_write(spec.html, body)
    status = status_of(spec.parameters["pledge_id"]) if spec.kind == "pledge" else None
    atomic_write(spec.sidecar, json.dumps({
        "name": spec.name, "kind": spec.kind, "title": spec.title, "status": status,
        "parameters": spec.parameters, "built": built.isoformat(timespec="seconds"), "git": facts["revision"],
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
