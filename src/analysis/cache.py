"""Results of costly pure computations kept on disk, keyed by the content of everything they depend
on (their inputs, settings and code), so a build and a test session each compute them once.

The folder is the checkout's build/cache/ (shared by the workspaces tests build in: an entry is
found only by its content) or GWANGJU_CACHE.
A key never names a file's path or time, only content: a stale entry can never be found.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from . import paths
from .files import atomic_write

Value = TypeVar("Value")


def folder() -> Path:
    return Path(os.environ.get("GWANGJU_CACHE") or paths.CODE / "build" / "cache")


def key(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def source_of(*modules) -> str:
    """The code of `modules`, as a key part: a changed model computes afresh."""
    return "".join(Path(module.__file__).read_text(encoding="utf-8") for module in modules)


def cached(kind: str, content_key: str, compute: Callable[[], Value]) -> Value:
    """`compute()`, or the value stored under `kind/content_key` by an earlier call."""
    path = folder() / kind / f"{content_key}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    value = compute()
    atomic_write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value
