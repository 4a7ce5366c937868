"""The raw-data manifest: where each raw file came from, and a hash that pins its content."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .. import paths
from ..errors import InputError

REQUIRED = ("path", "sha256", "title", "origin", "table_id", "downloaded", "units", "period", "caveats")


class ManifestError(InputError, ValueError):
    """The manifest is malformed, or a raw file does not match its entry."""


@dataclass(frozen=True)
class RawFile:
    path: str
    sha256: str
    title: str
    origin: str
    table_id: str
    downloaded: str
    units: str
    period: str
    caveats: tuple[str, ...]
    kosis_file_name: str = "not stated"
    reader: dict = field(default_factory=dict)
    request: dict = field(default_factory=dict)

    @property
    def location(self) -> Path:
        return paths.RAW / self.path

    @property
    def short_hash(self) -> str:
        return self.sha256[:10]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(manifest_path: Path | None = None) -> dict[str, RawFile]:
    """Manifest entries by path; a missing field is an error naming the entry and the field."""
    manifest_path = manifest_path or paths.MANIFEST
    try:
        document = yaml.safe_load(manifest_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ManifestError(f"{manifest_path}: cannot read the manifest: {exc}") from exc
    entries = (document or {}).get("files")
    if not isinstance(entries, list):
        raise ManifestError(f"{manifest_path}: expected a top-level 'files:' list")
    files = {}
    for number, entry in enumerate(entries, 1):
        name = entry.get("path", f"entry {number}") if isinstance(entry, dict) else f"entry {number}"
        if not isinstance(entry, dict):
            raise ManifestError(f"{manifest_path}: {name} is not a mapping")
        missing = [key for key in REQUIRED if not entry.get(key)]
        if missing:
            raise ManifestError(f"{manifest_path}: {name} lacks {', '.join(missing)}")
        unknown = set(entry) - set(RawFile.__dataclass_fields__)
        if unknown:
            raise ManifestError(f"{manifest_path}: {name} has unknown fields {sorted(unknown)}; "
                                f"expected {sorted(RawFile.__dataclass_fields__)}")
        if name in files:
            raise ManifestError(f"{manifest_path}: {name} is listed twice")
        values = dict(entry, caveats=tuple(entry["caveats"]))
        files[name] = RawFile(**{k: str(v) if k in REQUIRED[:-1] else v for k, v in values.items()})
    return files


@lru_cache(maxsize=None)
def _cached() -> dict[str, RawFile]:
    return read_manifest()


def entry(relative_path: str) -> RawFile:
    files = _cached()
    if relative_path not in files:
        raise ManifestError(f"{paths.MANIFEST}: no entry for {relative_path}; add one with its origin and sha256")
    return files[relative_path]


def verified(relative_path: str) -> Path:
    """The raw file's path, after checking its content against the manifest's sha256."""
    raw = entry(relative_path)
    if not raw.location.exists():
        raise ManifestError(f"{raw.location}: listed in the manifest but missing from data/raw/")
    actual = sha256_of(raw.location)
    if actual != raw.sha256:
        raise ManifestError(
            f"{raw.location}: content changed since it was recorded (sha256 {actual[:12]}…, manifest says "
            f"{raw.sha256[:12]}…). Raw files are immutable: restore it, or record the new file's origin, "
            f"download date and sha256 in {paths.MANIFEST.name}.")
    return raw.location


def check_all(manifest_path: Path | None = None) -> list[str]:
    """Every problem with the raw folder: hash mismatches, missing files, unlisted files."""
    files = read_manifest(manifest_path)
    problems = []
    for name, raw in files.items():
        if not raw.location.exists():
            problems.append(f"{name}: listed in the manifest but missing")
        elif sha256_of(raw.location) != raw.sha256:
            problems.append(f"{name}: sha256 differs from the manifest")
    listed = {paths.RAW / name for name in files} | {paths.MANIFEST, paths.PLEDGES}
    for path in sorted(paths.RAW.rglob("*")):
        if path.is_file() and path not in listed and not path.name.startswith("."):
            problems.append(f"{path.relative_to(paths.RAW)}: not in the manifest")
    return problems
