"""Writing outputs: atomically (a failed build never leaves a half-written file) and only when the
content changed (so `make` and content-hash stamps see no change when nothing changed)."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import InputError


def atomic_write(path: Path, content: str | bytes) -> None:
    """Write through a temporary file in the same folder and rename it over `path`."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        if isinstance(content, str):
            temporary.write_text(content, encoding="utf-8")
        else:
            temporary.write_bytes(content)
        os.replace(temporary, path)
    except PermissionError as exc:
        raise InputError(f"{path.parent}: cannot write {path.name} here ({exc.strerror}); "
                         f"expected a writable folder") from None


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
