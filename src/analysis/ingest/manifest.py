"""The raw-data manifest (data/raw/manifest.yaml): where each raw file came from, and a hash
that pins its content. A raw file whose content differs from its entry stops the build."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, field_validator

from .. import paths, reads
from . import yamlfile

HEADER = """# Provenance of every raw input. The build refuses a raw file whose sha256 differs from
# its entry here. Record a new file with `python -m analysis add FILE`, and take a new vintage of
# a recorded file with `python -m analysis accept FILE` (it shows what changed first).
# Fields: path (relative to data/raw), sha256, title, origin, table_id, table_id_check (확인/미확인 and why),
# obtained (how the file was obtained, in Korean, for the visible source line),
# org_id (KOSIS organisation, 101 = 통계청: with table_id it gives the table's KOSIS page), kosis_file_name,
# downloaded (the day the analyst gave, or the file name's KOSIS stamp), accepted (the day this vintage
# was taken; its values are kept in data/raw/accepted/ for the next `accept` to compare with), units,
# period, caveats; `reader` gives what the file itself does not say (item, unit, or the 시도 of a file
# of 시군구 without one).
"""


KOSIS_TABLE_PAGE = "https://kosis.kr/statHtml/statHtml.do"
ORIGIN = re.compile(r"(?P<repo>[\w.-]+/[\w.-]+) @ (?P<commit>[0-9a-f]{40})(?: : (?P<path>[^\n]+?))?(?: \(|$)")


class ManifestError(yamlfile.ConfigError):
    """The manifest is malformed, or a raw file does not match its entry."""


class ReaderHints(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    item: str | None = None
    unit: str | None = None
    sido: str | None = None
    period: str | None = None  # the one period of a file that prints none


Text = Annotated[str, BeforeValidator(lambda value: str(value) if isinstance(value, (int, float)) else value)]


class RawFile(BaseModel):
    """One manifest entry."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    path: str
    sha256: str
    title: Text
    origin: Text
    table_id: Text
    downloaded: Text
    units: Text
    period: Text
    caveats: tuple[str, ...]
    org_id: Text | None = None
    table_id_check: Text = ""  # in Korean: how the table id was confirmed (확인: …) or why it could not be (미확인: …)
    obtained: Text = ""  # in Korean: how the project got the file, as the visible source line says it
    kosis_file_name: Text = "not stated"
    accepted: Text | None = None
    reader: ReaderHints = ReaderHints()
    request: dict = {}

    @field_validator("sha256")
    @classmethod
    def _hex(cls, value: str) -> str:
        if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
            raise ValueError(f"{value!r} is not a sha256 (64 lower-case hex digits)")
        return value

    @field_validator("downloaded", "accepted")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        if value not in ("not stated", None):
            dt.date.fromisoformat(value)  # month 13 or day 99 is an error, not a guess
        return value

    @property
    def location(self) -> Path:
        return paths.RAW / self.path

    @property
    def short_hash(self) -> str:
        return self.sha256[:10]

    @property
    def kosis_table(self) -> str | None:
        """The KOSIS table id (DT_…) without its annotations, or None when the file names none."""
        token = self.table_id.split(" ")[0]
        return token if token.startswith("DT_") else None

    @property
    def table_id_probable(self) -> bool:
        """A table id that was not confirmed against a second source naming the same table."""
        return bool(self.kosis_table) and not self.table_id_check.startswith("확인")

    @property
    def kosis_url(self) -> str | None:
        """The table's page on KOSIS (organisation and table id), when both are known."""
        if not (self.org_id and self.kosis_table):
            return None
        return f"{KOSIS_TABLE_PAGE}?orgId={self.org_id}&tblId={self.kosis_table}"

    @property
    def origin_url(self) -> str | None:
        """`owner/repo @ commit : path` origins as a link to that file at that commit on GitHub."""
        match = ORIGIN.search(self.origin)
        if not match:
            return None
        owner_repo, commit, path = match.group("repo"), match.group("commit"), (match.group("path") or "").strip()
        if not path:
            return f"https://github.com/{owner_repo}/tree/{commit}"
        return f"https://github.com/{owner_repo}/blob/{commit}/{quote(path)}"

    @property
    def hints(self) -> dict:
        return self.reader.model_dump(exclude_none=True)


class _ManifestFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    files: list[RawFile]


def accepted_folder() -> Path:
    """Where the values of each accepted vintage are kept (see ingest/vintages.py)."""
    return paths.RAW / "accepted"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(manifest_path: Path | None = None) -> dict[str, RawFile]:
    """Manifest entries by path; a malformed entry names the file, line and field."""
    manifest_path = manifest_path or paths.MANIFEST
    try:
        document = yamlfile.load(manifest_path, _ManifestFile)
    except yamlfile.ConfigError as exc:
        raise ManifestError(str(exc)) from None
    files: dict[str, RawFile] = {}
    _, lines = yamlfile.read(manifest_path)
    for number, entry in enumerate(document.files):
        if entry.path in files:
            raise ManifestError.at(manifest_path, f"{entry.path} is listed twice",
                                   line=yamlfile.line_of(lines, ("files", number)))
        files[entry.path] = entry
    return files


@cache
def _cached() -> dict[str, RawFile]:
    return read_manifest()


def entry(relative_path: str) -> RawFile:
    files = _cached()
    if relative_path not in files:
        raise ManifestError(f"{paths.MANIFEST}: no entry for {relative_path}; record it with "
                            f"`python -m analysis add data/raw/{relative_path}`")
    return files[relative_path]


def verified(relative_path: str) -> Path:
    """The raw file's path, after checking its content against the manifest's sha256 (and that the
    running step declared it)."""
    reads.check("raw", relative_path)
    raw = entry(relative_path)
    if not raw.location.exists():
        raise ManifestError(f"{raw.location}: listed in the manifest but missing from data/raw/")
    actual = sha256_of(raw.location)
    if actual != raw.sha256:
        raise ManifestError(
            f"{raw.location}: content changed since it was recorded (sha256 {actual[:12]}…, manifest says "
            f"{raw.sha256[:12]}…). Raw files are immutable: restore it (`git checkout -- {raw.location}`), or take "
            f"the new vintage with `python -m analysis accept data/raw/{relative_path}` (it shows what changed); "
            f"a new file of its own is recorded with `python -m analysis add FILE`.")
    return raw.location


def check_all(manifest_path: Path | None = None) -> list[str]:
    """Every problem with the raw folder: hash mismatches, missing files, unlisted files (a folder's
    README.md documents its files, and data/raw/accepted/ keeps accepted values: neither is an input)."""
    files = read_manifest(manifest_path)
    problems = []
    for name, raw in files.items():
        if not raw.location.exists():
            problems.append(f"{name}: listed in the manifest but missing")
        elif sha256_of(raw.location) != raw.sha256:
            problems.append(f"{name}: sha256 differs from the manifest (`python -m analysis accept data/raw/{name}`)")
    listed = {paths.RAW / name for name in files} | {paths.MANIFEST, paths.PLEDGES}
    kept = accepted_folder()  # the values of accepted vintages, not inputs
    for path in sorted(paths.RAW.rglob("*")):
        if (path.is_file() and path not in listed and not path.name.startswith(".") and path.name != "README.md"
                and kept not in path.parents):
            problems.append(f"{path.relative_to(paths.RAW)}: not in the manifest (`python -m analysis add {path}`)")
    return problems


def write_entries(entries: list[dict], manifest_path: Path | None = None) -> None:
    """Add or replace entries (by path), keeping the order of the others; validated before writing."""
    from ..files import atomic_write

    manifest_path = manifest_path or paths.MANIFEST
    document = yaml.safe_load(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {"files": []}
    by_path = {e["path"]: e for e in document["files"]}
    for new in entries:
        RawFile.model_validate(new)
        by_path[new["path"]] = new
    text = HEADER + yaml.safe_dump({"files": list(by_path.values())}, allow_unicode=True, sort_keys=False, width=110)
    atomic_write(manifest_path, text)
    _cached.cache_clear()
