"""What a notebook checks first, in the cell after its parameters: every name its run was given is
a parameter it declares (papermill's `-p pledge_idd X` is an error, not a warning), the values are
valid as the build checks them, and every step upstream of the report (config/graph.yaml) is
current: its outputs are what it recorded and its inputs have not changed since.

The build's own workers skip only the freshness part (make has just decided what is stale), by a
flag set in the worker process itself, never by an environment variable a test could inherit.
"""
from __future__ import annotations

import types

from ... import paths, reads
from ...errors import InputError
from ...graph import records
from ...graph.declaration import report_reads, upstream
from .specs import ReportSpec, validate

IPYTHON_NAMES = frozenset({"In", "Out"})  # IPython's own history in the user namespace
LITERALS = (str, int, float, bool, list, dict, tuple, type(None))  # what a parameters cell holds

_checked_by_build = False


class StaleError(InputError, RuntimeError):
    """Processed data or results older than the inputs they come from."""


def trust_build() -> None:
    """In a build worker: make has decided what is stale, so the freshness check is skipped."""
    global _checked_by_build
    _checked_by_build = True


def given_parameters(namespace: dict) -> dict:
    """The names a run of the notebook defined before the guard: its parameters cell and any that
    papermill injected (modules, functions and IPython's own names left out)."""
    return {name: value for name, value in namespace.items()
            if not name.startswith("_") and name not in IPYTHON_NAMES and isinstance(value, LITERALS)
            and not isinstance(value, types.ModuleType)}


def stale_inputs(report: reads.Reads) -> list[str]:
    """What changed since each step upstream of the report was built (empty: all current)."""
    return [f"{step.step}: {change}" for step in upstream(report) for change in records.stale(step)]


def check_fresh(report: reads.Reads) -> None:
    if _checked_by_build:
        return
    changed = stale_inputs(report)
    if changed:
        raise StaleError(f"processed data or results are stale ({'; '.join(changed[:4])}"
                         f"{f' and {len(changed) - 4} more' if len(changed) > 4 else ''}): "
                         "run `make reports`, then run the notebook again")


def check(kind: str, namespace: dict) -> dict:
    """Validate the notebook's parameters as the build does, declare its reads, refuse stale inputs;
    returns the parameters."""
    parameters = given_parameters(namespace)
    spec = ReportSpec(f"{kind} (run by hand)", kind, paths.NOTEBOOKS / f"{kind}.py", kind, parameters)
    validate(spec)
    declared = report_reads(spec.name, kind, parameters)
    if reads.active() is None:
        reads.declare(declared)
    check_fresh(declared)
    return parameters
