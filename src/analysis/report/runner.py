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


def _export_tools() -> tuple:
    """The HTML exporter, the font and the footer facts: prepared on a thread while the kernel runs."""
    return page.exporter(), fonts.load_font(), page.provenance()


def _execute(spec: ReportSpec):
    import papermill
    try:
        return papermill.execute_notebook(
            read_notebook(spec.notebook), None, parameters=spec.parameters, kernel_name=paths.KERNEL_NAME,
            progress_bar=False, cwd=str(paths.ROOT), log_output=False)
    except papermill.PapermillExecutionError as exc:
        first_line = (exc.source or "").strip().splitlines()[0][:80] if (exc.source or "").strip() else ""
        raise ReportError(f"{spec.name}: notebook {spec.notebook.name} failed in cell {exc.exec_count} "
                          f"(cell index {exc.cell_index}, `{first_line}`): {exc.ename}: {exc.evalue}") from None


def _check_glyphs(spec: ReportSpec, executed) -> None:
    glyphs = [output.get("text", "") for cell in executed.cells for output in cell.get("outputs", [])
              if output.get("name") == "stderr" and GLYPH_WARNING.search(output.get("text", ""))]
    if glyphs:
        raise ReportError(f"{spec.name}: a figure has characters missing from the font: {glyphs[0].strip()[:200]}")


def build(spec: ReportSpec) -> Path:
    """Execute one notebook and write its HTML, executed notebook and index entry."""
    from concurrent.futures import ThreadPoolExecutor

    # jsonschema (pulled in by nbformat) imports rfc3987_syntax when present, which compiles a
    # grammar for 2.6 s; notebooks never hold URI-formatted fields, so keep it out of this process.
    sys.modules.setdefault("rfc3987_syntax", None)
    import nbformat

    validate(spec)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=1) as pool:
        tools = pool.submit(_export_tools)
        executed = _execute(spec)
        exporter, font, facts = tools.result()
    _check_glyphs(spec, executed)
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
