"""The sensitivity grid (config/sensitivity.yaml): every verdict recomputed with each declared
alternative assumption in turn, and with each fact that decided a verdict read the other way it
could be read. A scenario counts for a verdict only when it enters that verdict's computation (the
verdict read the assumption, or the recoded fact); the verdict is stable when at least
`robust_share` of those scenarios keep its status, else fragile; an unrated verdict, or one that no
scenario enters, is not_applicable."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict

from .. import paths
from ..ingest import yamlfile
from . import rules
from .assumptions import Assumptions, data_years
from .trace import recode_key
from .verdict import Verdict, assess_pledge

STABLE, FRAGILE, NOT_APPLICABLE = "stable", "fragile", "not_applicable"
UNRATED = (rules.UNMEASURABLE, rules.NO_DATA)
RECODE = "recoded_evidence"


class _Grid(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    robust_share: float
    grid: dict[str, list[Any]]
    alternative_meanings: dict[str, str]


@lru_cache(maxsize=1)
def declared() -> _Grid:
    path = paths.CONFIG / "sensitivity.yaml"
    grid = yamlfile.load(path, _Grid)
    unknown = sorted(set(grid.grid) - set(Assumptions.model_fields))
    if unknown:
        raise yamlfile.ConfigError.at(path, f"unknown assumption(s) {unknown} in the grid",
                                      expected=f"names from config/assumptions.yaml: {sorted(Assumptions.model_fields)}")
    return grid


@dataclass(frozen=True)
class Scenario:
    name: str         # "assumption=value" (the reports print it)
    assumption: str   # the assumption varied
    value: Any
    key: str          # what a verdict must have read for this scenario to enter it
    assumptions: Assumptions


def _recodings(base_verdicts: dict[str, Verdict]) -> list[tuple[str, str, str]]:
    """(fact, registered meaning, alternative meaning) of every fact that decided a verdict."""
    alternatives = declared().alternative_meanings
    found = {link for v in base_verdicts.values() for link in v.deciding_links if link[1] in alternatives}
    return [(fact, means, alternatives[means]) for fact, means in sorted(found)]


def scenarios(ctx, base: Assumptions, base_verdicts: dict[str, Verdict]) -> list[Scenario]:
    """The declared alternatives one at a time, then each deciding fact recoded (its value says, in
    Korean, which report is read how)."""
    years = data_years()
    out = [Scenario(f"{name}={value}", name, value, name, base.with_overrides(**{name: value}).within(years))
           for name, values in declared().grid.items() for value in values]
    for fact_id, means, other in _recodings(base_verdicts):
        fact = ctx.fact(fact_id)
        value = f"{fact['outlet']} {fact['published_label']} 보도를 {rules.MEANING_KO[means]} 대신 {rules.MEANING_KO[other]}로"
        out.append(Scenario(f"{RECODE}={fact_id}:{other}", RECODE, value, recode_key(fact_id, means),
                            base.with_overrides(**{RECODE: ((fact_id, means, other),)})))
    return out


def run(ctx, base: Assumptions, base_verdicts: dict[str, Verdict]) -> pd.DataFrame:
    """One row per pledge and scenario that enters its verdict (the default scenario first)."""
    rows = [{"pledge_id": p, "scenario": "기본값", "assumption": "", "value": "", "status": v.status}
            for p, v in base_verdicts.items()]
    for scenario in scenarios(ctx, base, base_verdicts):
        memo: dict = {}
        for pledge_id, verdict in base_verdicts.items():
            if scenario.key in verdict.reads:
                status = assess_pledge(ctx, pledge_id, scenario.assumptions, memo=memo).status
                rows.append({"pledge_id": pledge_id, "scenario": scenario.name, "assumption": scenario.assumption,
                             "value": str(scenario.value), "status": status})
    order = {p: k for k, p in enumerate(base_verdicts)}
    frame = pd.DataFrame(rows)
    return frame.sort_values("pledge_id", key=lambda ids: ids.map(order), kind="stable").reset_index(drop=True)


def robustness(grid: pd.DataFrame, statuses: dict[str, str]) -> pd.DataFrame:
    """Per pledge: how many scenarios enter its verdict, how many of them give another status, the
    label (stable / fragile / not_applicable) and the flipping scenarios."""
    share = declared().robust_share
    rows = []
    for pledge_id, group in grid.groupby("pledge_id", sort=False):
        entering = group[group["scenario"] != "기본값"]
        flips = entering[entering["status"] != statuses[pledge_id]]
        if statuses[pledge_id] in UNRATED or entering.empty:
            label = NOT_APPLICABLE
        else:
            label = STABLE if 1 - len(flips) / len(entering) >= share else FRAGILE
        rows.append({"pledge_id": pledge_id, "robustness": label, "scenarios_entering": len(entering),
                     "scenarios_differing": len(flips),
                     "flips": "; ".join(f"{s} → {st}" for s, st in zip(flips["scenario"], flips["status"]))})
    return pd.DataFrame(rows)


def wide(grid: pd.DataFrame) -> pd.DataFrame:
    """The interface table: pledge_id, scenario, one column per varied assumption, status."""
    names = [*declared().grid, RECODE]
    frame = grid[["pledge_id", "scenario"]].copy()
    for name in names:
        frame[name] = [value if assumption == name else "" for assumption, value in zip(grid["assumption"], grid["value"])]
    frame["status"] = grid["status"]
    return frame
