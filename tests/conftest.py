"""Shared fixtures. Processed tables are built once per session if `make data` has not run.

A test that writes anything works in `workspace`: a copy of the checkout's inputs (and of what the
build made) in its temporary folder, with every path of the package pointed at it. No test writes
into the checkout.
"""
from __future__ import annotations

import shutil
import subprocess

import pytest

from analysis import paths
from analysis.tables import catalog, store

COPIED = ("config", "data/raw", "notebooks", "data/processed", "build/stamps")


def _tracked_state() -> str | None:
    """The checkout's tracked files as git sees them (None outside a git checkout)."""
    run = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=paths.CODE, capture_output=True,
                         text=True)
    if run.returncode:
        return None
    changed = [line[3:] for line in run.stdout.splitlines()]
    digest = subprocess.run(["git", "hash-object", "--", *changed], cwd=paths.CODE, capture_output=True, text=True)
    return run.stdout + digest.stdout


@pytest.fixture(scope="session", autouse=True)
def checkout_left_as_it_was():
    """No test edits a tracked file of the checkout (they work in copies)."""
    before = _tracked_state()
    yield
    assert _tracked_state() == before, "a test changed a tracked file of the checkout"


@pytest.fixture(autouse=True)
def no_step_outlives_its_test():
    """A test that runs a notebook's guard declares that notebook's reads: they end with the test."""
    from analysis.reads import reading
    with reading(None):
        yield


def clear_caches() -> None:
    """Forget every file the package read once per process (the workspace changed)."""
    from analysis.assess import assumptions, delivery, sensitivity
    from analysis.graph import declaration
    from analysis.ingest import manifest, registry
    from analysis.report import chrome
    for cached in (catalog.catalog, registry.registry, manifest._cached, declaration.read_graph, delivery.declared,
                   assumptions.defaults, chrome.site, *_cached_functions(assumptions), *_cached_functions(sensitivity)):
        cached.cache_clear()


def _cached_functions(module) -> list:
    return [value for value in vars(module).values() if callable(getattr(value, "cache_clear", None))]


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A copy of the checkout's inputs and processed data; every path (and every subprocess, through
    GWANGJU_WORKSPACE) points at it for the test."""
    root = tmp_path / "workspace"
    for folder in COPIED:
        if (paths.CODE / folder).exists():
            shutil.copytree(paths.CODE / folder, root / folder)
    saved = {name: getattr(paths, name) for name in paths.layout(root)}
    paths.use(root)
    monkeypatch.setenv("GWANGJU_WORKSPACE", str(root))
    monkeypatch.delenv("GWANGJU_REPORTS", raising=False)
    clear_caches()
    yield root
    vars(paths).update(saved)
    clear_caches()


@pytest.fixture(scope="session")
def processed():
    """Make sure every processed table exists (tests that read them depend on this)."""
    for name, declared in catalog.catalog().items():
        if not declared.path.exists():
            store.build(name)
    return store


@pytest.fixture(scope="session")
def results(processed):
    """The stored assessment (built here if `make results` has not run)."""
    from analysis.assess.results import assess, write_assessment
    if not (paths.RESULTS / "statuses.csv").exists():
        write_assessment(assess())


@pytest.fixture
def write_csv(tmp_path):
    """Write text (or bytes) to a CSV file in a temporary folder and return its path."""
    def write(text, name="export.csv", encoding="utf-8"):
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
        return path
    return write


def seeds_available() -> bool:
    return paths.SEEDS.is_dir()
