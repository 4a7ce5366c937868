"""The latest period of the tables a page reads, as its 재현 정보 prints it (`latest:` in the catalog).

Computed from the tables themselves, so a page depends on no summary of every input: a new period
of a table it does not read changes nothing on it.
"""
from __future__ import annotations

import pandas as pd

from .catalog import table
from .store import load


def _latest_value(frame: pd.DataFrame, column: str, where: dict) -> str:
    rows = frame
    for name, value in where.items():
        rows = rows[rows[name] == value]
    latest = rows[column].max()
    return str(latest.date()) if isinstance(latest, pd.Timestamp) else str(latest)


def latest(tables) -> dict[str, str]:
    """label → latest period, for each `latest:` declaration of `tables` (in their order)."""
    out = {}
    for name in tables:
        declared = table(name).spec.latest
        if declared:
            frame = load(name)
            out.update({spec.label: _latest_value(frame, spec.column, spec.where) for spec in declared})
    return out
