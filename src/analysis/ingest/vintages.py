"""What was accepted of each raw file, kept beside the manifest so that `accept` compares a new
vintage with the last accepted one (not with whatever git last committed).

The manifest keeps the accepted vintage's sha256 and the day it was accepted; its values (the rows
the build read from it, every column as text) are kept in data/raw/accepted/<path>.<sha256 prefix>.csv.
A file recorded before these snapshots existed is compared with its committed version only when
that version is the accepted one (same sha256); otherwise there is nothing honest to compare with.
"""
from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from .. import paths
from ..files import atomic_write
from .manifest import accepted_folder

READER_ONLY = ("source_line", "source_column")


def snapshot_path(relative: str, sha256: str) -> Path:
    return accepted_folder() / f"{relative}.{sha256[:12]}.csv"


def comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of a read as text (a number in its shortest exact form, a missing one as '')."""
    frame = frame.drop(columns=[c for c in READER_ONLY if c in frame])
    return frame.apply(lambda column: column.map(_text)).reset_index(drop=True)


def _text(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return repr(value) if isinstance(value, float) else str(value)


def write_snapshot(relative: str, sha256: str, frame: pd.DataFrame) -> Path:
    """Keep the values of an accepted vintage (atomically); returns where."""
    target = snapshot_path(relative, sha256)
    atomic_write(target, comparable(frame).to_csv(index=False, lineterminator="\n"))
    return target


def forget_others(relative: str, sha256: str) -> None:
    """Remove the snapshots of earlier vintages of a file, once a new one is accepted."""
    keep = snapshot_path(relative, sha256)
    for path in keep.parent.glob(f"{Path(relative).name}.*.csv"):
        if path != keep and len(path.name) == len(keep.name):
            path.unlink()


def _committed(relative: str, sha256: str) -> bytes | None:
    """The committed version of the file, if its sha256 is the accepted one."""
    shown = subprocess.run(["git", "show", f"HEAD:data/raw/{relative}"], cwd=paths.ROOT, capture_output=True)
    if shown.returncode != 0 or hashlib.sha256(shown.stdout).hexdigest() != sha256:
        return None
    return shown.stdout


def accepted_values(relative: str, sha256: str, read) -> pd.DataFrame | None:
    """The values of the accepted vintage (`sha256`): its snapshot, else its committed version read
    with `read(path)`, else None."""
    snapshot = snapshot_path(relative, sha256)
    if snapshot.exists():
        return pd.read_csv(snapshot, dtype=str, keep_default_na=False)
    committed = _committed(relative, sha256)
    if committed is None:
        return None
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / Path(relative).name
        copy.write_bytes(committed)
        return comparable(read(copy))


def changes(old: pd.DataFrame, new: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """New rows, removed rows and revised values between two comparable reads of a file."""
    keys = [c for c in new.columns if c not in ("value", "marker", "flag")]
    merged = old.merge(new, on=keys, how="outer", suffixes=("_old", "_new"), indicator=True)
    both = merged[merged["_merge"] == "both"]
    revised = both[(both["value_old"] != both["value_new"]) | (both["marker_old"] != both["marker_new"])]
    return {"added": merged[merged["_merge"] == "right_only"][keys + ["value_new"]],
            "removed": merged[merged["_merge"] == "left_only"][keys + ["value_old"]],
            "revised": revised[keys + ["value_old", "value_new", "marker_old", "marker_new"]]}


def show(diff: dict[str, pd.DataFrame], out=None) -> None:
    """The changes as an analyst reads them: counts, new periods, each revision old → new."""
    out = out or sys.stdout
    added = diff["added"]
    periods = sorted(set(added["period"])) if len(added) else []
    print(f"new rows: {len(added)}" + (f" (periods {', '.join(periods[:8])}{' …' if len(periods) > 8 else ''})"
                                       if periods else ""), file=out)
    print(f"removed rows: {len(diff['removed'])}", file=out)
    print(f"revised values: {len(diff['revised'])}", file=out)
    for row in diff["revised"].head(20).itertuples(index=False):
        labels = ", ".join(str(v) for v in row[:-4] if v != "")
        print(f"  {labels}: {row.value_old or row.marker_old} → {row.value_new or row.marker_new}", file=out)
    for row in diff["removed"].head(10).itertuples(index=False):
        print(f"  removed: {', '.join(str(v) for v in row[:-1] if v != '')} (was {row[-1]})", file=out)

