"""The sensitivity grid (config/sensitivity.yaml): every verdict recomputed with each declared
alternative assumption in turn. A verdict is 견고 when at least `robust_share` of all scenarios
(the default included) give its status, else 취약; the scenarios that flip it are listed."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict

from .. import paths
from ..ingest import yamlfile
from .assumptions import Assumptions
from .verdict import assess_all

ROBUST, FRAGILE = "견고", "취약"


class _Grid(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    robust_share: float
    grid: dict[str, list[Any]]


@lru_cache(maxsize=1)
def declared() -> _Grid:
    path = paths.CONFIG / "sensitivity.yaml"
    grid = yamlfile.load(path, _Grid)
    unknown = sorted(set(grid.grid) - set(Assumptions.model_fields))
    if unknown:
        raise yamlfile.ConfigError.at(path, f"unknown assumption(s) {unknown} in the grid",
                                      expected=f"names from config/assumptions.yaml: {sorted(Assumptions.model_fields)}")
    return grid


def scenarios(base: Assumptions) -> list[tuple[str, str, Any, Assumptions]]:
    """(scenario name, varied assumption, value, assumptions): the default first, then one change each."""
    out = [("기본값", "", None, base)]
    for name, values in declared().grid.items():
        for value in values:
            out.append((f"{name}={value}", name, value, base.with_overrides(**{name: value})))
    return out


def run(ctx, base: Assumptions, base_verdicts: dict | None = None) -> pd.DataFrame:
    """One row per pledge and scenario: the assumption varied, its value, and the status (the
    default scenario's verdicts are reused when given)."""
    rows = []
    for scenario, name, value, assumptions in scenarios(base):
        verdicts = base_verdicts if name == "" and base_verdicts is not None else assess_all(ctx, assumptions)
        for pledge_id, verdict in verdicts.items():
            rows.append({"pledge_id": pledge_id, "scenario": scenario, "assumption": name,
                         "value": "" if value is None else str(value), "status": verdict.status})
    return pd.DataFrame(rows)


def robustness(grid: pd.DataFrame, statuses: dict[str, str]) -> pd.DataFrame:
    """Per pledge: the share of scenarios giving its status, 견고/취약, and the flipping scenarios."""
    share = declared().robust_share
    rows = []
    for pledge_id, group in grid.groupby("pledge_id", sort=False):
        same = group["status"] == statuses[pledge_id]
        flips = group[~same]
        rows.append({"pledge_id": pledge_id, "robustness": float(same.mean()),
                     "robustness_label": ROBUST if same.mean() >= share else FRAGILE,
                     "flips": "; ".join(f"{s} → {st}" for s, st in zip(flips["scenario"], flips["status"]))})
    return pd.DataFrame(rows)


def wide(grid: pd.DataFrame) -> pd.DataFrame:
    """The interface table: pledge_id, scenario, one column per varied assumption, status."""
    names = list(declared().grid)
    frame = grid[["pledge_id", "scenario"]].copy()
    for name in names:
        frame[name] = [value if assumption == name else "" for assumption, value in zip(grid["assumption"], grid["value"])]
    frame["status"] = grid["status"]
    return frame
