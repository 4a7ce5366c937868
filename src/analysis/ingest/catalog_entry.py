"""The catalog entry `add` prints for a new KOSIS file: YAML written by the YAML library (so any label,
an empty one, a colon or a bracket included, parses as printed), naming only labels the file has
(so the table builds as printed), with what to choose from in comments."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .. import paths
from . import yamlfile
from .kosis import KosisTable

MAX_LISTED = 20  # a column with more labels keeps all of them; the comment lists the first few
NOT_LABELS = ("unit", "period", "value", "marker", "flag", "source_line", "source_column")
_TIMESTAMP = re.compile(r"_(\d{8})\d{6}\.(csv|xlsx)$")  # KOSIS names downloads NAME_YYYYMMDDhhmmss.csv


def download_stamp(path: Path) -> str | None:
    """YYYYMMDD of the stamp KOSIS puts in a download's name, or None."""
    stamp = _TIMESTAMP.search(path.name)
    return stamp.group(1) if stamp else None


def table_name(path: Path, taken: set[str]) -> str:
    """A catalog name from a file name, without KOSIS's download stamp, unlike any name in `taken`."""
    stem = _TIMESTAMP.sub("", path.name) if download_stamp(path) else path.stem
    base = re.sub(r"\W+", "_", Path(stem).stem).strip("_").lower() or "table"
    name, number = base, 2
    while name in taken:
        name, number = f"{base}_{number}", number + 1
    return name


def declared_names(catalog: Path | None = None) -> set[str]:
    """The table names config/catalog.yaml already declares (read as YAML, without building anything)."""
    document, _ = yamlfile.read(catalog or paths.CATALOG)
    return set((document or {}).get("tables") or {})


def _comment(text: str) -> str:
    return "  # " + " ".join(text.split())


def entry(relative: str, table: KosisTable, name: str, title: str) -> str:
    """The entry to paste under `tables:` in config/catalog.yaml, indented for it."""
    data = table.data
    select, notes = {}, []
    for column in [c for c in data.columns if c not in NOT_LABELS]:
        labels = [str(label) for label in data[column].unique()]
        if len(labels) <= MAX_LISTED:
            select[column] = labels
        else:
            notes.append(_comment(f"{column}: all {len(labels)} labels kept; to keep fewer, list them under select "
                                  f"(labels such as {', '.join(labels[:6])})"))
    spec: dict = {"description": title, "inputs": [relative]}
    if select:
        spec["select"] = select
        notes.insert(0, _comment("select: every label of the file is listed; delete the ones not to keep"))
    units = sorted({str(unit) for unit in data["unit"]})
    if len(units) == 1:
        spec["unit"] = units[0]
    if "region" in data:
        spec["show_in_region_report"] = True
    body = yaml.safe_dump({name: spec}, allow_unicode=True, sort_keys=False, default_flow_style=None, width=10_000)
    return "\n".join(notes + ["  " + line for line in body.splitlines()])
