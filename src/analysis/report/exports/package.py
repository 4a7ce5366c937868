"""The whole audit as a Frictionless data package (reports/data/): statuses, evidence links,
history, facts and raw-file sources as CSVs (UTF-8 with BOM, formula cells neutralised) and a
datapackage.json describing each resource's fields, licence and sources."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ...assess import results
from ...files import write_if_changed
from ...ingest import manifest
from ...tables import store
from . import csv

FOLDER = "data"
TYPES = {"i": "integer", "u": "integer", "f": "number", "b": "boolean"}
SOURCE_FIELDS = ("path", "title", "origin", "table_id", "org_id", "downloaded", "units", "period", "sha256")


def tables() -> dict[str, tuple[str, pd.DataFrame]]:
    """Each resource of the package: (what it is, its rows)."""
    raw = [entry.model_dump() for entry in manifest.read_manifest().values()]
    facts = store.load("facts").drop(columns=["as_of_date", "published_date"], errors="ignore")
    return {
        "statuses": ("Status of every pledge, with what decided it and how firmly it holds",
                     results.load_table("statuses")),
        "evidence": ("Every evidence link: pledge, fact, meaning and why", results.load_table("evidence")),
        "history": ("The status of each pledge on every date something new was published", results.load_table("history")),
        "facts": ("Dated reports with their verbatim quotes and Korean claims", facts),
        "sources": ("Raw input files: origin, KOSIS table, download date and sha256",
                    pd.DataFrame(raw)[list(SOURCE_FIELDS)]),
    }


def schema(frame: pd.DataFrame) -> dict:
    return {"fields": [{"name": str(c), "type": TYPES.get(frame[c].dtype.kind, "string")} for c in frame.columns]}


def descriptor(resources: dict[str, tuple[str, pd.DataFrame]]) -> dict:
    from .. import chrome
    info = chrome.site()
    return {
        "name": "gwangju-pledges-audit", "title": info.title, "profile": "tabular-data-package",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Creative Commons Attribution 4.0"}],
        "sources": [{"title": "KOSIS (Statistics Korea)", "path": "https://kosis.kr"},
                    {"title": "Dated news reports listed in facts.csv"}],
        "resources": [{"name": name, "path": f"{name}.csv", "description": text, "profile": "tabular-data-resource",
                       "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig", "schema": schema(frame)}
                      for name, (text, frame) in resources.items()],
    }


def write(reports: Path) -> Path:
    """reports/data/: every resource and datapackage.json (rewritten only when they change)."""
    folder = reports / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    resources = tables()
    for name, (_, frame) in resources.items():
        write_if_changed(folder / f"{name}.csv", csv.csv_text(frame))
    path = folder / "datapackage.json"
    write_if_changed(path, json.dumps(descriptor(resources), ensure_ascii=False, indent=1) + "\n")
    return path
