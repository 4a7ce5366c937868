"""What each step read and wrote, recorded when it finished (build/stamps/<step>).

A record is in `sha256sum` format: one `<sha256>  <path>` line per output, which make checks before
it plans (a deleted, hand-edited or hand-rebuilt output makes its step run again), then one
`# read <sha256> <input>` line per input, which the notebooks' freshness guard compares with the
inputs as they are now. Only the build writes records, so an output a hand-run command rewrote
matches no record and is never taken for current.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .. import paths
from ..files import atomic_write
from ..reads import Reads

MISSING = "missing"
READ_PREFIX = "# read "


def file_hash(path: Path) -> str:
    if not path.is_file():
        return MISSING
    return hashlib.sha256(path.read_bytes()).hexdigest()


def code_hash(folder: str) -> str:
    """One hash of a code folder of src/analysis/ (`.` is the package's own modules, not its folders)."""
    package = paths.CODE / "src" / "analysis"
    base = package / folder
    files = sorted(base.glob("*.py")) if folder == "." else sorted(p for p in base.rglob("*")
                                                                    if p.is_file() and "__pycache__" not in p.parts)
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.relative_to(package).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def catalog_entry(name: str) -> str:
    """A table's catalog entry as canonical JSON: its make stamp and its fingerprint."""
    from ..tables.catalog import catalog
    return json.dumps(catalog()[name].spec.model_dump(), ensure_ascii=False, sort_keys=True) + "\n"


def manifest_entry(entry) -> str:
    """A raw file's manifest entry as canonical JSON (what its 출처 line prints)."""
    return json.dumps(entry.model_dump(), ensure_ascii=False, sort_keys=True) + "\n"


def result_files(patterns: tuple[str, ...]) -> list[Path]:
    return sorted({p for pattern in patterns for p in paths.RESULTS.glob(pattern)})


def fingerprint(reads: Reads) -> dict[str, str]:
    """sha256 of everything a step reads, by a name a person can find."""
    digest = {f"data/raw/{raw}": file_hash(paths.RAW / raw) for raw in reads.raw}
    for table in reads.tables:
        digest[f"data/processed/{table}.csv"] = file_hash(paths.PROCESSED / f"{table}.csv")
    for table in reads.catalog:
        digest[f"config/catalog.yaml:{table}"] = hashlib.sha256(catalog_entry(table).encode()).hexdigest()
    for result in result_files(reads.results):
        digest[relative(result)] = file_hash(result)
    for config in reads.config:
        digest[config] = file_hash(paths.ROOT / config)
    for folder in reads.code:
        digest[f"src/analysis/{folder}".rstrip("/.") + "/"] = code_hash(folder)
    return digest


def relative(path: Path) -> str:
    return Path(path).resolve().relative_to(paths.ROOT.resolve()).as_posix()


def stamp_path(step: str) -> Path:
    return paths.BUILD / "stamps" / step


def write(reads: Reads, outputs: list[Path]) -> Path:
    """Record a finished step: the hash of each output, then of each input."""
    lines = [f"{file_hash(Path(p))}  {relative(p)}" for p in sorted(outputs)]
    lines += [f"{READ_PREFIX}{sha} {name}" for name, sha in fingerprint(reads).items()]
    target = stamp_path(reads.step)
    atomic_write(target, "\n".join(lines) + "\n")
    return target


def read(step: str) -> tuple[dict[str, str], dict[str, str]] | None:
    """(outputs, inputs) as recorded, each name → sha256; None when the step never finished."""
    target = stamp_path(step)
    if not target.exists():
        return None
    outputs, inputs = {}, {}
    for line in target.read_text(encoding="utf-8").splitlines():
        if line.startswith(READ_PREFIX):
            sha, name = line.removeprefix(READ_PREFIX).split(" ", 1)
            inputs[name] = sha
        elif line:
            sha, name = line.split("  ", 1)
            outputs[name] = sha
    return outputs, inputs


def stale(reads: Reads) -> list[str]:
    """What changed since the step was recorded: its outputs, then its inputs (empty: current)."""
    recorded = read(reads.step)
    if recorded is None:
        return [f"{reads.step} (never built)"]
    outputs, inputs = recorded
    changed = [name for name, sha in outputs.items() if file_hash(paths.ROOT / name) != sha]
    changed += [name for name, sha in fingerprint(reads).items() if inputs.get(name) != sha]
    return changed
