"""Raw files as the table builders see them: hash-checked against the manifest, then read."""
from __future__ import annotations

from pathlib import Path

from ..ingest import manifest
from ..ingest.kosis import KosisTable, read_kosis


def verified(relative_path: str) -> Path:
    """The raw file's path after checking its content against the manifest's sha256."""
    return manifest.verified(relative_path)


def read(relative_path: str, plain: bool = True) -> KosisTable:
    """A KOSIS export after its hash check, with the manifest's reader hints (item, unit, sido).

    The reader's label columns are categorical (a large export stays small); `plain` turns them
    into ordinary text columns for the builders of small tables.
    """
    table = read_kosis(verified(relative_path), **manifest.entry(relative_path).hints)
    if plain:
        categorical = table.data.select_dtypes("category").columns
        table.data = table.data.astype(dict.fromkeys(categorical, object))
    return table
