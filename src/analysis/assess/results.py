"""The assessment as tidy tables in data/processed/results/, written and read in one place."""
from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

from .. import paths
from ..files import write_csv_if_changed
from .assumptions import DEFAULT


@dataclass
class Assessment:
    results: pd.DataFrame
    statuses: pd.DataFrame
    forecasts: pd.DataFrame
    backtests: pd.DataFrame
    investment: pd.DataFrame
    mou: pd.DataFrame
    ggm: pd.DataFrame


RESULT_TABLES = tuple(f.name for f in fields(Assessment))


def write_assessment(assessment: Assessment) -> None:
    """Every result table, each rewritten only when its content changed."""
    for name in RESULT_TABLES:
        write_csv_if_changed(getattr(assessment, name), paths.RESULTS / f"{name}.csv")


def load_assessment() -> Assessment:
    """The stored assessment (built by `make results`)."""
    missing = [n for n in RESULT_TABLES if not (paths.RESULTS / f"{n}.csv").exists()]
    if missing:
        raise FileNotFoundError(f"{paths.RESULTS}: {', '.join(missing)} missing: run `make results`")
    frames = {n: pd.read_csv(paths.RESULTS / f"{n}.csv", keep_default_na=False, na_values=[""]) for n in RESULT_TABLES}
    return Assessment(**frames)


def assessment_for(overrides: dict | None = None) -> Assessment:
    """The stored assessment, or a fresh one when a report overrides an assumption."""
    if overrides:
        from .verdict import assess
        return assess(DEFAULT.with_overrides(**overrides))
    return load_assessment()


def status_of(pledge_id: str) -> str | None:
    """One pledge's stored status, or None before `make results`."""
    path = paths.RESULTS / "statuses.csv"
    if not path.exists():
        return None
    statuses = pd.read_csv(path, usecols=["pledge_id", "status"]).set_index("pledge_id")["status"]
    return statuses.get(pledge_id)
