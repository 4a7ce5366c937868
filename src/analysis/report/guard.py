"""What a notebook checks first when run by hand (papermill, `jupyter nbconvert --execute`, Lab):
its parameters, as the build checks them, and that the processed data and results are not stale.

The build's own runs skip the freshness check: make has just decided what is stale.
"""
from __future__ import annotations

import hashlib
import json
import os

from .. import paths
from ..errors import InputError
from ..ingest import manifest
from .specs import ReportSpec, validate

RESULTS_CONFIG = ("config/assumptions.yaml", "config/sensitivity.yaml", "config/reference_classes.yaml")

FINGERPRINT = paths.RESULTS / "inputs.json"
CODE = ("vocab", "ingest", "tables", "assess")


class StaleError(InputError, RuntimeError):
    """Processed data or results older than the inputs they come from."""


def fingerprint() -> dict[str, str]:
    """sha256 of every raw file, the registry, the catalog and the code that turns them into results."""
    digest = {f"data/raw/{name}": manifest.sha256_of(entry.location)
              for name, entry in manifest.read_manifest().items() if entry.location.exists()}
    for path in (paths.PLEDGES, paths.CATALOG, *(paths.ROOT / c for c in RESULTS_CONFIG)):
        digest[path.relative_to(paths.ROOT).as_posix()] = manifest.sha256_of(path)
    code = hashlib.sha256()
    package = paths.ROOT / "src" / "analysis"
    for source in sorted(p for layer in CODE for p in (package / layer).rglob("*.py")):
        code.update(source.read_bytes())
    digest["code (src/analysis: vocab, ingest, tables, assess)"] = code.hexdigest()
    return digest


def record_fingerprint() -> None:
    """Written with the results: what they were computed from."""
    from ..files import write_if_changed
    write_if_changed(FINGERPRINT, json.dumps(fingerprint(), ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def check_fresh() -> None:
    if os.environ.get("GWANGJU_MAKE_LOCKED") or os.environ.get("GWANGJU_BUILD"):
        return
    if not FINGERPRINT.exists():
        raise StaleError("no results yet: run `make reports` (or `make results`) before running a notebook by hand")
    recorded = json.loads(FINGERPRINT.read_text(encoding="utf-8"))
    changed = [name for name, value in fingerprint().items() if recorded.get(name) != value]
    if changed:
        raise StaleError(f"processed data and results are stale ({', '.join(changed[:4])} changed since they were "
                         f"built): run `make reports` (or `make results`), then run the notebook again")


def check(kind: str, **parameters) -> None:
    """Validate a notebook's parameters as the build does, then refuse stale results."""
    validate(ReportSpec(f"{kind} (run by hand)", kind, paths.NOTEBOOKS / f"{kind}.py", kind, parameters))
    check_fresh()
