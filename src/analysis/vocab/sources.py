"""Where a number comes from: `file:line` references to raw files, written and read in one place."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pandas as pd


def reference(relative_path: str, line) -> str:
    """`kosis/x.csv:12`: a raw file under data/raw/ and the line the value is on."""
    return f"{relative_path}:{line}"


def references(relative_path: str, lines: pd.Series) -> pd.Series:
    """`reference` for a column of line numbers."""
    return relative_path + ":" + lines.astype(str)


def split(source: str) -> tuple[str, str]:
    """`kosis/x.csv:12 × 고용률/100` -> ("kosis/x.csv", "12"); a reference without a line gives ""."""
    file, _, rest = str(source).partition(":")
    return file, rest.split(" ")[0]


def files(sources: Iterable[str]) -> list[str]:
    """The distinct raw files behind a set of references, sorted."""
    return sorted({split(source)[0] for source in sources})


def compact(sources: Iterable[str]) -> str:
    """`data/raw/a.csv:3,4; data/raw/b.csv:9`: every line behind a set of references, by file."""
    by_file: dict[str, set[str]] = defaultdict(set)
    for source in sources:
        file, line = split(source)
        by_file[file].add(line)
    return "; ".join(f"data/raw/{file}:{','.join(sorted(lines, key=lambda s: int(s) if s.isdigit() else 0))}"
                     for file, lines in by_file.items())
