"""Writing outputs: atomically (a failed build never leaves a half-written file) and only when the
content changed (so `make` and content-hash stamps see no change when nothing changed)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InputError

TEMPORARY_SUFFIX = ".tmp"  # the Makefile sweeps `.*.tmp` left by a killed step


def atomic_write(path: Path, content: str | bytes) -> None:
    """Write through a temporary file in the same folder and rename it over `path`; the temporary
    file is removed whatever stops the write (an error, Ctrl-C, SIGTERM raised as SystemExit)."""
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX)
    except PermissionError as exc:
        raise InputError(f"{path.parent}: cannot write {path.name} here ({exc.strerror}); "
                         f"expected a writable folder") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Atomically write `content` unless the file already holds exactly it; True when written."""
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.exists() and path.read_bytes() == data:
        return False
    atomic_write(path, data)
    return True


def write_csv_if_changed(frame, path: Path) -> bool:
    """A DataFrame as CSV (no index), written only when its text changed."""
    return write_if_changed(path, frame.to_csv(index=False, lineterminator="\n"))
