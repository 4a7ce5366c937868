"""Build many reports in one process: import the stack once, then fork a worker per report.

Each worker is a copy of a process that has imported pandas, statsmodels, matplotlib, the
project and the exporters but has run no notebook: it executes its notebook in a fresh shell
(papermill's in-process engine, see engine.py), writes the report and exits, so no notebook sees
another's globals or monkey-patches. As many workers run at once as the machine has cores; each
report prints a progress line, a failure is reported without stopping the others, and a failed
report leaves no page that looks valid.
"""
from __future__ import annotations

import gc
import json
import os
import sys
import time
import traceback
from dataclasses import dataclass

from .specs import ReportError, ReportSpec

# Numerical libraries start thread pools at import; forked children must not inherit busy ones.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
os.environ["GWANGJU_BUILD"] = "1"  # the notebooks' freshness check: the build decided what is stale


@dataclass
class Outcome:
    name: str
    ok: bool
    seconds: float
    message: str = ""


def preload() -> tuple:
    """Import everything a report needs and prepare the exporter, font and footer facts once."""
    sys.modules.setdefault("rfc3987_syntax", None)  # see runner.build
    import matplotlib
    matplotlib.use("agg")
    import jupytext  # noqa: F401  (reads the notebooks)
    import matplotlib.pyplot
    import pandera  # noqa: F401  (validates the tables a report loads)
    import papermill  # noqa: F401
    import seaborn  # noqa: F401
    import statsmodels.api  # noqa: F401
    from fontTools import subset  # noqa: F401  (subsets the page font)
    from IPython.core.interactiveshell import InteractiveShell  # noqa: F401

    from ..assess import results, verdict  # noqa: F401
    from . import engine, figures, pages  # noqa: F401
    from .runner import export_tools
    tools = export_tools()
    _warm_exporter(tools[0])
    return tools


def _warm_exporter(exporter) -> None:
    """Compile the page template once here, not once per forked worker."""
    import nbformat
    exporter.from_notebook_node(nbformat.v4.new_notebook())


def _work(spec: ReportSpec, tools: tuple, report) -> int:
    """In the forked worker: build one report, tell the parent how it went, return the exit code."""
    from . import runner
    from .engine import ENGINE_NAME
    started = time.perf_counter()
    try:
        runner.build(spec, ENGINE_NAME, tools)
        report({"ok": True, "seconds": time.perf_counter() - started})
        return 0
    except ReportError as exc:
        message = str(exc)
    except Exception as exc:  # noqa: BLE001  (a bug in the project: keep its traceback for the build log)
        message = f"{spec.name}: {type(exc).__name__}: {exc}\n{traceback.format_exc()}"
    spec.html.unlink(missing_ok=True)  # a stale page must not pass for this build's
    report({"ok": False, "seconds": time.perf_counter() - started, "message": message})
    return 1


def _fork(spec: ReportSpec, tools: tuple) -> tuple[int, int]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read)
        code = 1
        try:
            def report(message: dict) -> None:  # small enough for the pipe: the parent reads after exit
                message["message"] = message.get("message", "")[:30000]
                os.write(write, json.dumps(message, ensure_ascii=False).encode("utf-8"))
            code = _work(spec, tools, report)
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _collect(read: int) -> dict:
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    return json.loads(b"".join(chunks) or b"{}")


def _outcome(spec: ReportSpec, status: int, message: dict, started: float) -> Outcome:
    if message.get("ok") and status == 0:
        return Outcome(spec.name, True, message["seconds"])
    text = message.get("message") or f"{spec.name}: the worker died ({_status_text(status)})"
    spec.html.unlink(missing_ok=True)
    return Outcome(spec.name, False, time.perf_counter() - started, text)


def _status_text(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit code {os.WEXITSTATUS(status)}"


def build_all(specs: list[ReportSpec], jobs: int | None = None, out=sys.stdout) -> list[Outcome]:
    """Build every report in `specs`, `jobs` at a time; one progress line per finished report."""
    tools = preload()
    gc.collect()
    gc.freeze()  # objects of the template stay out of the workers' collections: less copy-on-write
    jobs = max(1, jobs or os.cpu_count() or 1)
    pending, running, outcomes = list(specs), {}, []
    total = len(specs)
    while pending or running:
        while pending and len(running) < jobs:
            spec = pending.pop(0)
            pid, read = _fork(spec, tools)
            running[pid] = (spec, read, time.perf_counter())
        pid, status = os.wait()
        spec, read, started = running.pop(pid)
        outcome = _outcome(spec, status, _collect(read), started)
        outcomes.append(outcome)
        state = "ok" if outcome.ok else "FAILED"
        print(f"[{len(outcomes)}/{total}] {state:6} {spec.name} ({outcome.seconds:.1f}s)", file=out, flush=True)
    return outcomes
