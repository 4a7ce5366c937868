"""An analyst's way in for a new KOSIS download, without Python: `add` records a new raw file in
the manifest and prints the catalog entry to paste; `accept` takes a new vintage of a recorded
file after showing what changed (new periods, revised values old → new, removed rows)."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import InputError
from . import manifest, outlets, search_log
from .facts import tidy
from .kosis import KosisTable, read_kosis

FACTS = "facts/facts.csv"
OUTLETS = "facts/outlets.csv"  # the hosts a fact may cite (read with the facts)
SEARCH_LOG = "facts/search_log.csv"

_TIMESTAMP = re.compile(r"_(\d{8})\d{6}\.(csv|xlsx)$")  # KOSIS names downloads NAME_YYYYMMDDhhmmss.csv
QUESTIONS = {"origin": "Where did the file come from (a URL, or 'KOSIS download by <who>')?",
             "table_id": "KOSIS table id (DT_…), or 'not stated'?"}


def _inside_raw(path: Path) -> Path:
    """The file's place under data/raw/ (a file elsewhere is copied to data/raw/kosis/)."""
    path = path.resolve()
    if paths.RAW.resolve() in path.parents:
        return path
    target = paths.RAW / "kosis" / path.name
    if target.exists():
        raise InputError(f"{target} already exists: give the new file another name, or `accept` it as a new "
                         f"vintage of that file")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, target)
    return target


def _download_date(path: Path, given: str | None) -> str:
    if given:
        dt.date.fromisoformat(given)
        return given
    stamp = _TIMESTAMP.search(path.name)
    if stamp:
        day = stamp.group(1)
        return dt.date(int(day[:4]), int(day[4:6]), int(day[6:])).isoformat()
    return dt.date.today().isoformat()


def _answer(name: str, given: str | None, ask) -> str:
    if given:
        return given
    if ask is None:
        raise InputError(f"--{name.replace('_', '-')} is required: {QUESTIONS[name]}")
    answer = ask(QUESTIONS[name] + " ").strip()
    if not answer:
        raise InputError(f"{name} is required: {QUESTIONS[name]}")
    return answer


def entry_for(path: Path, table: KosisTable, *, origin: str, table_id: str, title: str | None,
              downloaded: str, hints: dict) -> dict:
    """A manifest entry for `path` from what the reader detected."""
    relative = path.resolve().relative_to(paths.RAW.resolve()).as_posix()
    notes = table.detected["notes"]
    return {
        "path": relative, "sha256": manifest.sha256_of(path), "title": title or path.stem,
        "origin": origin, "table_id": table_id, "kosis_file_name": path.name, "downloaded": downloaded,
        "units": table.detected["units"], "period": table.detected["periods"],
        "caveats": [f"Read by the project's reader: {table.detected['layout']}, {table.detected['header_rows']} "
                    f"header row(s)."] + ([f"Reader notes: {notes}"] if notes != "none" else []),
        **({"reader": hints} if hints else {}),
    }


def table_name(path: Path) -> str:
    """A catalog name from a file name, without KOSIS's download timestamp."""
    stem = _TIMESTAMP.sub("", path.name) if _TIMESTAMP.search(path.name) else path.stem
    return re.sub(r"\W+", "_", Path(stem).stem).strip("_").lower()


def _select_line(column: str, labels: list[str]) -> str:
    if len(labels) <= 20:
        return f"      {column}: [{', '.join(labels)}]"
    return f"      # {column}: [{', '.join(labels[:8])}, …]   ({len(labels)} labels: list the ones to keep)"


def catalog_snippet(relative: str, table: KosisTable, name: str) -> str:
    """The catalog entry an analyst pastes into config/catalog.yaml, with the labels to choose from."""
    data = table.data
    lines = [f"  {name}:", f"    description: {relative} (edit: what the table holds)",
             f"    inputs: [{relative}]", "    select:            # keep only these labels (delete a line to keep all)"]
    for column in [c for c in data.columns if c not in ("unit", "period", "value", "marker", "flag",
                                                        "source_line", "source_column")]:
        lines.append(_select_line(column, [str(v) for v in data[column].unique()]))
    units = sorted(str(u) for u in data["unit"].unique() if str(u))
    lines.append(f'    unit: "{units[0]}"' if len(units) == 1 else '    unit: "<the unit, where the file states none>"')
    if "region" in data:
        lines.append("    show_in_region_report: true")
    return "\n".join(lines)


def add(path: Path, *, origin: str | None = None, table_id: str | None = None, title: str | None = None,
        downloaded: str | None = None, hints: dict | None = None, ask=None, out=None) -> dict:
    """Record a new raw file: read it, write its manifest entry, print the catalog entry to paste."""
    out = out or sys.stdout
    hints = {k: v for k, v in (hints or {}).items() if v}
    source = Path(path)
    table = read_kosis(source, **hints)  # refuse what cannot be read before copying anything
    target = _inside_raw(source)
    relative = target.resolve().relative_to(paths.RAW.resolve()).as_posix()
    if relative in manifest.read_manifest():
        raise InputError(f"data/raw/{relative} is already in the manifest: use `python -m analysis accept` for a "
                         f"new vintage")
    new = entry_for(target, table, origin=_answer("origin", origin, ask), table_id=_answer("table_id", table_id, ask),
                    title=title, downloaded=_download_date(target, downloaded), hints=hints)
    manifest.write_entries([new])
    print(table.summary(), file=out)
    print(f"\nrecorded data/raw/{relative} in the manifest ({paths.MANIFEST.name}).\n"
          f"To use it, paste this under `tables:` in config/catalog.yaml, then run `make reports`:\n", file=out)
    print(catalog_snippet(relative, table, table_name(target)), file=out)
    return new


def _committed_version(relative: str) -> Path | None:
    """The file as last committed (git), in a temporary file; None when git has no version of it."""
    shown = subprocess.run(["git", "show", f"HEAD:data/raw/{relative}"], cwd=paths.ROOT, capture_output=True)
    if shown.returncode != 0:
        return None
    with tempfile.NamedTemporaryFile(delete=False, suffix=Path(relative).suffix) as handle:
        handle.write(shown.stdout)
    return Path(handle.name)


def _read(path: Path, recorded) -> tuple[pd.DataFrame | None, dict | None]:
    """A raw file as rows to compare (KOSIS exports by their labels, facts by fact id, the search
    log by search) and, for a KOSIS export, what the reader detected."""
    if path.suffix == ".json":
        return None, None
    if recorded.path == FACTS:
        facts = tidy(path, outlets.read(paths.RAW / OUTLETS))
        return facts.assign(marker="", flag="")[["fact_id", "claim_ko", "unit", "as_of", "value", "marker", "flag"]] \
            .rename(columns={"as_of": "period"}), None
    if recorded.path == SEARCH_LOG:  # one row per search, what it found as its value
        log = search_log.read(path)
        return log.rename(columns={"date": "period", "found": "value"}).assign(marker="", flag=""), None
    if recorded.path.startswith("facts/"):  # the outlet list and the fact-check table: a row per host or check
        rows = pd.read_csv(path, dtype=str, keep_default_na=False)
        first = rows.columns[0]
        return rows.assign(period="", value=rows.drop(columns=first).agg(" | ".join, axis=1), marker="", flag="")[
            [first, "period", "value", "marker", "flag"]], None
    table = read_kosis(path, **recorded.hints)
    return table.data, table.detected


def changes(old: pd.DataFrame, new: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """New rows, removed rows and revised values between two reads of a file."""
    keys = [c for c in new.columns if c not in ("value", "marker", "flag", "source_line", "source_column")]
    old = old.astype(dict.fromkeys(old.select_dtypes("category").columns, object))
    new = new.astype(dict.fromkeys(new.select_dtypes("category").columns, object))
    merged = old.merge(new, on=keys, how="outer", suffixes=("_old", "_new"), indicator=True)
    both = merged[merged["_merge"] == "both"]
    revised = both[~((both["value_old"] == both["value_new"]) | (both["value_old"].isna() & both["value_new"].isna()))
                   | (both["marker_old"] != both["marker_new"])]
    return {"added": merged[merged["_merge"] == "right_only"][keys + ["value_new"]],
            "removed": merged[merged["_merge"] == "left_only"][keys + ["value_old"]],
            "revised": revised[keys + ["value_old", "value_new", "marker_old", "marker_new"]]}


def _show(diff: dict[str, pd.DataFrame], out) -> None:
    added = diff["added"]
    periods = sorted(set(added["period"])) if len(added) else []
    print(f"new rows: {len(added)}" + (f" (periods {', '.join(periods[:8])}{' …' if len(periods) > 8 else ''})"
                                       if periods else ""), file=out)
    print(f"removed rows: {len(diff['removed'])}", file=out)
    print(f"revised values: {len(diff['revised'])}", file=out)
    for row in diff["revised"].head(20).itertuples(index=False):
        labels = ", ".join(str(v) for v in row[:-4])
        print(f"  {labels}: {row.value_old} → {row.value_new}", file=out)
    for row in diff["removed"].head(10).itertuples(index=False):
        print(f"  removed: {', '.join(str(v) for v in row[:-1])} (was {row[-1]})", file=out)


def accept(path: Path, out=None) -> dict:
    """Show what changed in a recorded raw file since its committed version, then take its new hash."""
    out = out or sys.stdout
    target = Path(path).resolve()
    relative = target.relative_to(paths.RAW.resolve()).as_posix()
    recorded = manifest.entry(relative)
    new, detected = _read(target, recorded)
    if manifest.sha256_of(target) == recorded.sha256:
        print(f"data/raw/{relative}: content matches the manifest; nothing to accept", file=out)
        return recorded.model_dump(exclude_defaults=True)
    old_file = _committed_version(relative)
    if old_file is None or new is None:
        print(f"data/raw/{relative}: no earlier version to compare with", file=out)
    else:
        try:
            _show(changes(_read(old_file, recorded)[0], new), out)
        except InputError as exc:  # a format the reader no longer takes: say so, compare nothing
            print(f"the committed version cannot be read for a comparison ({exc})", file=out)
    if old_file is not None:
        old_file.unlink()
    updated = recorded.model_dump(exclude_defaults=True) | {"sha256": manifest.sha256_of(target),
                                                           "downloaded": dt.date.today().isoformat()}
    if detected is not None:
        updated |= {"units": detected["units"], "period": detected["periods"]}
    manifest.write_entries([updated])
    print(f"accepted data/raw/{relative} (sha256 {updated['sha256'][:12]}…); `make reports` rebuilds what uses it",
          file=out)
    return updated
