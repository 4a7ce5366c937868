"""Build many reports in one process: import the stack once, then fork a clean worker per report.

The pool is pebble's ProcessPool on the fork start method with one task per worker: each worker
is a copy of a process that has imported pandas, statsmodels, matplotlib, the project and the
exporters but has run no notebook, so every notebook starts clean and starts fast. The pool returns
each result whole (whatever its size), stops a report that runs past its timeout and names it, and
its workers die with the parent however the parent ends (Ctrl-C, SIGTERM, SIGKILL). As many
reports run at once as the machine has cores; a failure is reported without stopping the others,
and a failed report leaves no page that looks valid.
"""
from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures import as_completed
from dataclasses import dataclass

from ... import reads
from .specs import ReportError, ReportSpec

PR_SET_PDEATHSIG = 1  # Linux prctl(2): the signal a process receives when its parent dies
# Numerical libraries start thread pools at import; a forked worker must not inherit busy ones.
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass
class Outcome:
    name: str
    ok: bool
    seconds: float
    message: str = ""


def preload() -> tuple:
    """Import everything a report needs and prepare the exporter, font and footer facts once."""
    sys.modules.setdefault("rfc3987_syntax", None)  # see runner.build
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
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

    from ...assess import results, verdict  # noqa: F401
    from .. import figures, pledge_numbers, pledge_page, region_view, views  # noqa: F401
    from . import engine  # noqa: F401
    from .runner import export_tools
    tools = export_tools()
    _warm_exporter(tools[0])
    return tools


def _warm_exporter(exporter) -> None:
    """Compile the page template once here, not once per forked worker."""
    import nbformat
    exporter.from_notebook_node(nbformat.v4.new_notebook())


_tools: tuple | None = None  # in a worker: the exporter and font the parent prepared (inherited by fork)


def _start_worker(tools: tuple) -> None:
    """In a new worker: die with the parent, die at once on Ctrl-C, keep the parent's tools."""
    global _tools
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before the line above took effect
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _tools = tools


def work(spec: ReportSpec) -> dict:
    """In a worker: build one report under its declared reads; how it went, as plain data."""
    from ...graph.declaration import report_reads
    from . import guard, runner
    from .engine import ENGINE_NAME
    started = time.perf_counter()
    reads.declare(report_reads(spec.name, spec.kind, spec.parameters))
    guard.trust_build()
    try:
        runner.build(spec, ENGINE_NAME, _tools)
        return {"ok": True, "seconds": time.perf_counter() - started}
    except ReportError as exc:
        message = str(exc)
    except Exception as exc:  # noqa: BLE001  (a bug in the project: keep its traceback for the build log)
        message = f"{spec.name}: {type(exc).__name__}: {exc}\n{traceback.format_exc()}"
    return {"ok": False, "seconds": time.perf_counter() - started, "message": message}


def _outcome(spec: ReportSpec, future, timeout: float, started: float) -> Outcome:
    from pebble import ProcessExpired
    try:
        result = future.result()
    except FutureTimeout:
        result = {"ok": False, "message": f"{spec.name}: did not finish within its timeout of {timeout:g} s; "
                                          "its worker was stopped"}
    except ProcessExpired as exc:
        result = {"ok": False, "message": f"{spec.name}: the worker died ({_exit_text(exc.exitcode)})"}
    if not result["ok"]:
        spec.html.unlink(missing_ok=True)  # a stale page must not pass for this build's
    return Outcome(spec.name, result["ok"], result.get("seconds", time.perf_counter() - started),
                   result.get("message", ""))


def _exit_text(code: int) -> str:
    return f"signal {-code}" if code < 0 else f"exit code {code}"


def build_all(specs: list[ReportSpec], jobs: int | None = None, out=sys.stdout, timeout: float = 900.0,
              task: Callable[[ReportSpec], dict] = work, prepare: Callable[[], tuple] = preload,
              on_done: Callable[[ReportSpec, Outcome], None] | None = None) -> list[Outcome]:
    """Build every report in `specs`, `jobs` at a time, each in a fresh fork of this process after
    `prepare()`; one progress line per finished report. `on_done` is called in this process as
    each one finishes. (Tests of the pool pass a `task` and a `prepare` of their own.)"""
    from pebble import ProcessPool
    tools = prepare()
    gc.collect()
    gc.freeze()  # objects of the template stay out of the workers' collections: less copy-on-write
    jobs = max(1, jobs or os.cpu_count() or 1)
    outcomes: list[Outcome] = []
    pool = ProcessPool(max_workers=jobs, max_tasks=1, initializer=_start_worker, initargs=(tools,),
                       context=multiprocessing.get_context("fork"))
    try:
        started = time.perf_counter()
        futures = {pool.schedule(task, args=(spec,), timeout=timeout): spec for spec in specs}
        for future in as_completed(futures):
            spec = futures[future]
            outcome = _outcome(spec, future, timeout, started)
            outcomes.append(outcome)
            if on_done:
                on_done(spec, outcome)
            state = "ok" if outcome.ok else "FAILED"
            print(f"[{len(outcomes)}/{len(specs)}] {state:6} {spec.name} ({outcome.seconds:.1f}s)", file=out, flush=True)
        pool.close()
    except BaseException:
        pool.stop()  # Ctrl-C, SIGTERM or an error here: no worker outlives the build
        raise
    finally:
        pool.join()
    return outcomes
