"""An analyst's way in for a new KOSIS download, without Python: `add` records a new raw file in
the manifest and prints the catalog entry to paste; `accept` takes a new vintage of a recorded
file after showing what changed since the last accepted vintage (new periods, revised values
old → new, removed rows).

Both check everything before they write anything, and a command that fails half-way (a read-only
folder, a full disk, no memory) removes what it wrote: the manifest and data/raw/ stay as they were.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import InputError
from . import catalog_entry, manifest, outlets, search_log, vintages
from .facts import tidy
from .kosis import KosisTable, read_kosis

FACTS = "facts/facts.csv"
OUTLETS = "facts/outlets.csv"  # the hosts a fact may cite (read with the facts)
SEARCH_LOG = "facts/search_log.csv"
QUESTIONS = {"origin": "Where did the file come from (a URL, or 'KOSIS download by <who>')?",
             "table_id": "KOSIS table id (DT_…), or 'not stated'?",
             "downloaded": "On what day was it downloaded (YYYY-MM-DD, or 'not stated')?"}
# A name make and the shell take as it is: letters (Hangul too), digits, '_', '-' and '.'.
_SAFE_PART = re.compile(r"\w[\w.-]*")


def _safe(relative: str) -> str:
    """The path under data/raw/, or an error saying which characters make cannot handle."""
    for part in relative.split("/"):
        if not _SAFE_PART.fullmatch(part):
            bad = sorted({c for c in part if not re.fullmatch(r"[\w.-]", c)}) or [part[:1]]
            better = re.sub(r"_+", "_", re.sub(r"[^\w.-]", "_", part)).strip("_.-") or "file"
            raise InputError(f"data/raw/{relative}: the name {part!r} has characters that make and the shell "
                             f"cannot take as they are ({', '.join(map(repr, bad))}); expected letters, digits, "
                             f"'_', '-' and '.' only: rename it, e.g. to {better!r}")
    return relative


def _place(source: Path) -> tuple[Path, str]:
    """Where the file is (or will be copied to) under data/raw/, and that path relative to it."""
    source = source.resolve()
    raw = paths.RAW.resolve()
    target = source if raw in source.parents else raw / "kosis" / source.name
    relative = _safe(target.relative_to(raw).as_posix())
    if target != source and target.exists():
        raise InputError(f"{target} already exists: give the new file another name, or `accept` it as a new "
                         f"vintage of that file")
    return target, relative


def _day(text: str, origin: str) -> str:
    if text == "not stated":
        return text
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{origin} {text!r} is not a day; expected YYYY-MM-DD, or 'not stated'") from None
    if len(text) != 10 or day > dt.date.today():
        raise InputError(f"{origin} {text!r} is not a past day written YYYY-MM-DD; expected the day of the download")
    return text


def download_day(path: Path, given: str | None, ask) -> tuple[str, str]:
    """(day, where it comes from): the day the analyst gives, else the stamp KOSIS put in the file's
    name, else the answer to a question; never today by default."""
    if given:
        return _day(given, "--downloaded"), "as given"
    stamp = catalog_entry.download_stamp(path)
    if stamp:
        return _day(f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:]}", f"the stamp in {path.name}"), "from the file name's stamp"
    if ask is None:
        raise InputError(f"{path.name}: --downloaded is required (the name has no KOSIS stamp _YYYYMMDDhhmmss): "
                         f"{QUESTIONS['downloaded']}")
    return _day(ask(QUESTIONS["downloaded"] + " ").strip(), "the download day"), "as answered"


def _answer(name: str, given: str | None, ask) -> str:
    if given:
        return given
    if ask is None:
        raise InputError(f"--{name.replace('_', '-')} is required: {QUESTIONS[name]}")
    answer = ask(QUESTIONS[name] + " ").strip()
    if not answer:
        raise InputError(f"{name} is required: {QUESTIONS[name]}")
    return answer


@contextmanager
def _undone_on_failure(created: list[Path]) -> Iterator[None]:
    """Remove every file in `created` if the block fails; an OSError becomes one clear error."""
    try:
        yield
    except BaseException as exc:
        for path in created:
            path.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(f"{exc.filename or paths.RAW}: cannot write here ({exc.strerror}); nothing was "
                             f"changed: expected a writable data/raw/ folder") from None
        raise


def entry_for(path: Path, relative: str, table: KosisTable, *, origin: str, table_id: str, title: str | None,
              downloaded: str, hints: dict) -> dict:
    """A manifest entry for `path` (to be placed at `relative`) from what the reader detected."""
    notes = table.detected["notes"]
    return {
        "path": relative, "sha256": manifest.sha256_of(path), "title": title or path.stem,
        "origin": origin, "table_id": table_id, "kosis_file_name": path.name, "downloaded": downloaded,
        "accepted": dt.date.today().isoformat(), "units": table.detected["units"], "period": table.detected["periods"],
        "caveats": [f"Read by the project's reader: {table.detected['layout']}, {table.detected['header_rows']} "
                    f"header row(s)."] + ([f"Reader notes: {notes}"] if notes != "none" else []),
        **({"reader": hints} if hints else {}),
    }


def _check_units(source: Path, table: KosisTable) -> None:
    """A table builds only with a unit on every row: where the file states none, say how to give one."""
    unstated = table.data[table.data["unit"].astype(str) == ""]
    if len(unstated):
        items = sorted({str(i) for i in unstated.get("item", [])} - {""})
        where = f"items {items[:3]}" if items else f"its {len(unstated)} values"
        raise InputError(f"{source.name}: the file states no unit for {where}; expected --unit U (recorded in the "
                         f"manifest's reader hints)")


def add(path: Path, *, origin: str | None = None, table_id: str | None = None, title: str | None = None,
        downloaded: str | None = None, hints: dict | None = None, ask=None, out=None) -> dict:
    """Record a new raw file: read it, write its manifest entry, print the catalog entry to paste.
    Everything is checked before the file is copied or the manifest written."""
    out = out or sys.stdout
    hints = {k: v for k, v in (hints or {}).items() if v}
    source = Path(path)
    target, relative = _place(source)
    if relative in manifest.read_manifest():
        raise InputError(f"data/raw/{relative} is already in the manifest: use `python -m analysis accept` for a "
                         f"new vintage")
    table = read_kosis(source, **hints)
    _check_units(source, table)
    origin, table_id = _answer("origin", origin, ask), _answer("table_id", table_id, ask)
    day, day_source = download_day(target, downloaded, ask)
    new = entry_for(source, relative, table, origin=origin, table_id=table_id, title=title, downloaded=day,
                    hints=hints)
    snippet = catalog_entry.entry(relative, table, catalog_entry.table_name(target, catalog_entry.declared_names()),
                                  new["title"])
    created = [] if target == source.resolve() else [target]
    with _undone_on_failure(created):
        if created:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        created.append(vintages.write_snapshot(relative, new["sha256"], table.data))
        manifest.write_entries([new])
    print(table.summary(), file=out)
    print(f"\nrecorded data/raw/{relative} in the manifest ({paths.MANIFEST.name}), downloaded {day} ({day_source}).\n"
          f"To use it, paste this under `tables:` in config/catalog.yaml, then run `make reports`:\n", file=out)
    print(snippet, file=out)
    return new


def _read(path: Path, recorded) -> tuple[pd.DataFrame | None, dict | None]:
    """A raw file as comparable rows (KOSIS exports by their labels, facts by fact id, the search
    log by search), validated as the build validates it, and for a KOSIS export what the reader
    detected."""
    if path.suffix == ".json":
        return None, None
    if recorded.path == FACTS:
        facts = tidy(path, outlets.read(paths.RAW / OUTLETS))[["fact_id", "claim_ko", "unit", "as_of", "value_text"]]
        return vintages.comparable(facts.rename(columns={"as_of": "period", "value_text": "value"})
                                   .assign(marker="", flag="")), None
    if recorded.path == SEARCH_LOG:  # one row per search, what it found as its value
        log = search_log.read(path).rename(columns={"date": "period", "found": "value"})
        return vintages.comparable(log.assign(marker="", flag="")), None
    if recorded.path.startswith("facts/"):  # the outlet list and the fact-check table: a row per host or check
        rows = pd.read_csv(path, dtype=str, keep_default_na=False)
        first = rows.columns[0]
        return rows.assign(period="", value=rows.drop(columns=first).agg(" | ".join, axis=1), marker="", flag="")[
            [first, "period", "value", "marker", "flag"]], None
    table = read_kosis(path, **recorded.hints)
    return vintages.comparable(table.data), table.detected


def _relative_in_raw(path: Path) -> str:
    raw = paths.RAW.resolve()
    if raw not in path.parents:
        raise InputError(f"{path}: not a file under {raw}; expected the recorded file that was replaced by its "
                         f"new vintage (`add` records a new file)")
    return path.relative_to(raw).as_posix()


def _compare(relative: str, recorded, new: pd.DataFrame | None, out) -> None:
    """Print what changed since the accepted vintage, or why there is nothing to compare with."""
    try:
        old = vintages.accepted_values(relative, recorded.sha256, lambda p: _read(p, recorded)[0])
    except InputError as exc:  # a format the reader no longer takes: say so, compare nothing
        print(f"the accepted vintage cannot be read for a comparison ({exc})", file=out)
        return
    if old is None or new is None:
        print(f"data/raw/{relative}: the values of the accepted vintage (sha256 {recorded.sha256[:12]}…) were not "
              f"kept, so there is nothing to compare with", file=out)
        return
    print(f"changes since the vintage accepted {recorded.accepted or 'before accepted values were kept'} "
          f"(sha256 {recorded.sha256[:12]}…):", file=out)
    vintages.show(vintages.changes(old, new), out)


def accept(path: Path, *, downloaded: str | None = None, ask=None, out=None) -> dict:
    """Show what changed in a recorded raw file since its last accepted vintage, then take the new
    vintage: its hash, values and download day (given, or from the file name's KOSIS stamp)."""
    out = out or sys.stdout
    target = Path(path).resolve()
    relative = _relative_in_raw(target)
    recorded = manifest.entry(relative)
    new, detected = _read(target, recorded)  # a vintage the build would refuse is refused here
    sha = manifest.sha256_of(target)
    if sha == recorded.sha256:
        print(f"data/raw/{relative}: content matches the manifest; nothing to accept", file=out)
        return recorded.model_dump(exclude_defaults=True)
    _compare(relative, recorded, new, out)
    day, day_source = download_day(target, downloaded, ask)
    updated = recorded.model_dump(exclude_defaults=True) | {"sha256": sha, "downloaded": day,
                                                           "accepted": dt.date.today().isoformat()}
    if detected is not None:
        updated |= {"units": detected["units"], "period": detected["periods"]}
    created: list[Path] = []
    with _undone_on_failure(created):
        if new is not None:
            created.append(vintages.write_snapshot(relative, sha, new))
        manifest.write_entries([updated])
    vintages.forget_others(relative, sha)
    print(f"accepted data/raw/{relative} (sha256 {sha[:12]}…, downloaded {day}, {day_source}); `make reports` "
          f"rebuilds what uses it", file=out)
    return updated
