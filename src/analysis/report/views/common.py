"""What every page reads from the stored assessment (data/processed/results/): statuses joined
with the registry, the assumptions a report runs with, and assumption values in a reader's words.

A report run with other assumptions (its `assumptions` parameter) recomputes only the verdicts;
the page says so, and its numbers, history and sensitivity stay those of the default assumptions.
"""
from __future__ import annotations

import pandas as pd

from ...assess import assumptions as assumption_values
from ...assess import delivery, results
from ...assess.assumptions import Assumptions, defaults
from ...ingest.registry import Pledge, registry
from ...tables import store
from ..wording import phrases, terms


def chosen_assumptions(overrides: dict | None) -> Assumptions:
    """The defaults with a report's overrides (an unknown name or a wrong type is refused)."""
    return defaults().with_overrides(**(overrides or {}))


def recomputed_statuses(overrides: dict) -> dict:
    """Every verdict under other assumptions (the same rules; no grid, no history)."""
    from ...assess.context import Context
    from ...assess.verdict import assess_all
    return assess_all(Context(), chosen_assumptions(overrides))


def override_status(status: dict, verdict) -> dict:
    """A stored status row with the fields a recomputed verdict replaces: its status, reason,
    deadline and what decided it (the lead must not print the default's number beside another status)."""
    return {**status, "status": verdict.status, "reason_ko": verdict.reason, "deadline": verdict.deadline,
            "deadline_assumed": verdict.deadline_assumed, "method": verdict.method, "probability": verdict.probability,
            "decided_by": verdict.decided_by, **results.deciding_fields(verdict)}


def status_rows(overrides: dict | None = None) -> pd.DataFrame:
    """statuses.csv joined with the registry: one row per pledge in registry order."""
    statuses = results.load_table("statuses").set_index("pledge_id")
    if overrides:
        for pledge_id, verdict in recomputed_statuses(overrides).items():
            for key, value in override_status({}, verdict).items():
                statuses.loc[pledge_id, key] = value
    pledges = registry()
    frame = statuses.loc[list(pledges)].reset_index()
    frame["title"] = [pledges[p].title for p in frame["pledge_id"]]
    frame["role_ko"] = frame["role"].map(terms.ROLE)
    return frame


def assumption_value(name: str, value) -> str:
    """An assumption's value as a reader reads it: a reference case by its label, a fact by its
    outlet and date, anything else as the wording words it."""
    if name == "excluded_reference_case" and value:
        cases = {case.id: case.label for spec in delivery.declared().classes.values() for case in spec.cases}
        return cases.get(value, value)
    if name == "mou_presence_fact" and value:
        fact = store.load("facts").set_index("fact_id").loc[f"{value}.1"]
        return phrases.presence_fact(fact["outlet"], fact["published_label"], fact["claim_ko"])
    return phrases.assumption_value(name, value)


def scenario_text(name: str, value) -> str:
    """A sensitivity scenario as a reader reads it ('전달 모형에서 뺀 과거 사례: 광주글로벌모터스 …')."""
    return phrases.labelled(assumption_values.label(name), assumption_value(name, value))


def source_articles() -> list[Pledge]:
    """The first pledge of each source article, in registry order (its `source_info` names the article)."""
    first: dict[str, Pledge] = {}
    for pledge in registry().values():
        first.setdefault(pledge.source, pledge)
    return list(first.values())
