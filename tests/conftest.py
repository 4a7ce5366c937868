"""Shared fixtures. Processed tables are built once per session if `make data` has not run."""
from __future__ import annotations

import pytest

from analysis import paths
from analysis.tables import catalog, store


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
