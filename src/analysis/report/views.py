"""What each report shows, selected from the stored assessment (data/processed/results/): plain
objects that tests build without Jupyter and the page modules render.

A report run with other assumptions (its `assumptions` parameter) recomputes only the verdicts;
the page says so, and its numbers, history and sensitivity stay those of the default assumptions.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..assess import assumptions as assumption_values
from ..assess import delivery, results
from ..assess.assumptions import Assumptions, defaults
from ..assess.context import statistical_spec
from ..ingest.registry import Pledge, registry
from ..tables import queries, store
from . import prose

KEY_MEASURES = (("delivered", "전달 예상"), ("present_firms", "입주 기업 전망"), ("probability", "목표 수준 도달 확률"))


@dataclass
class PledgeView:
    pledge: Pledge
    status: dict
    parts: list[dict]
    measures: list[dict]
    evidence: list[dict]
    history: list[dict]
    sensitivity: list[dict]
    assumptions: Assumptions
    overrides: dict = field(default_factory=dict)
    series: tuple[str, pd.DataFrame] | None = None
    forecasts: pd.DataFrame | None = None
    mou: pd.DataFrame | None = None
    investment: pd.DataFrame | None = None
    ggm: pd.DataFrame | None = None

    def measure(self, key: str) -> dict | None:
        return next((m for m in self.measures if m["key"] == key), None)


def chosen_assumptions(overrides: dict | None) -> Assumptions:
    """The defaults with a report's overrides (an unknown name or a wrong type is refused)."""
    return defaults().with_overrides(**(overrides or {}))


def recomputed_statuses(overrides: dict) -> dict:
    """Every verdict under other assumptions (the same rules; no grid, no history)."""
    from ..assess.context import Context
    from ..assess.verdict import assess_all
    return assess_all(Context(), chosen_assumptions(overrides))


def _override_status(status: dict, verdict) -> dict:
    return {**status, "status": verdict.status, "reason_ko": verdict.reason, "deadline": verdict.deadline,
            "deadline_assumed": verdict.deadline_assumed, "method": verdict.method, "probability": verdict.probability}


def pledge_view(pledge_id: str, overrides: dict | None = None) -> PledgeView:
    pledge = registry()[pledge_id]
    bundle = results.load_pledge(pledge_id)
    status = bundle["status"]
    if overrides:
        status = _override_status(status, recomputed_statuses(overrides)[pledge_id])
    view = PledgeView(pledge, status, bundle["parts"], bundle["measures"], bundle["evidence"], bundle["history"],
                      bundle["sensitivity"], chosen_assumptions(overrides), dict(overrides or {}))
    spec = statistical_spec(pledge)
    if spec is not None and view.measure("probability") is not None:
        label, rows = queries.series(spec)
        view.series = (label, rows)
        forecasts = results.load_table("forecasts")
        view.forecasts = forecasts[forecasts["series"] == label]
    if view.measure("present_firms") is not None:
        view.mou = results.load_table("mou").assign(as_of_date=lambda d: pd.to_datetime(d["as_of_date"]))
    if view.measure("jobs_per_trillion") is not None:
        view.investment = results.load_table("investment")
    if "ggm" in pledge.measured_facts:
        view.ggm = results.load_table("ggm")
    return view


def key_number(measures: list[dict]) -> dict | None:
    """The one number a scorecard row shows for a pledge (with its interval), or None."""
    for key, label in KEY_MEASURES:
        row = next((m for m in measures if m["key"] == key), None)
        if row is not None and row["value"] is not None:
            return {**row, "short_label": label}
    return None


def status_rows(overrides: dict | None = None) -> pd.DataFrame:
    """statuses.csv joined with the registry: one row per pledge in registry order."""
    statuses = results.load_table("statuses").set_index("pledge_id")
    if overrides:
        for pledge_id, verdict in recomputed_statuses(overrides).items():
            for key, value in _override_status({}, verdict).items():
                statuses.loc[pledge_id, key] = value
    pledges = registry()
    frame = statuses.loc[list(pledges)].reset_index()
    frame["title"] = [pledges[p].title for p in frame["pledge_id"]]
    frame["role_ko"] = frame["role"].map(prose.ROLE_KO)
    return frame


def assumption_value(name: str, value) -> str:
    """An assumption's value as a reader reads it: a reference case by its label, a fact by its
    outlet and date, anything else as report.prose words it."""
    if name == "excluded_reference_case" and value:
        cases = {case.id: case.label for spec in delivery.declared().classes.values() for case in spec.cases}
        return cases.get(value, value)
    if name == "mou_presence_fact" and value:
        fact = store.load("facts").set_index("fact_id").loc[f"{value}.1"]
        return f"{fact['outlet']} {fact['published_label']} 발표 ({fact['claim_ko']})"
    return prose.value_ko(name, value)


def scenario_text(name: str, value) -> str:
    """A sensitivity scenario as a reader reads it ('전달 모형에서 뺀 과거 사례: 광주글로벌모터스 …')."""
    return f"{assumption_values.label(name)}: {assumption_value(name, value)}"


def flipping(sensitivity: list[dict]) -> list[tuple[str, str, str]]:
    """(assumption, value, status) of each scenario whose status differs from the default's."""
    base = next(row["status"] for row in sensitivity if row["scenario"] == "기본값")
    out = []
    for row in sensitivity:
        if row["scenario"] != "기본값" and row["status"] != base:
            name, _, value = row["scenario"].partition("=")
            out.append((name, row.get(name) or value, row["status"]))
    return out


def flips(sensitivity: list[dict]) -> list[dict]:
    """The scenarios whose status differs from the default's, each named in Korean."""
    return [{"assumption": scenario_text(name, value), "status": status}
            for name, value, status in flipping(sensitivity)]


def source_articles() -> list[Pledge]:
    """The first pledge of each source article, in registry order (its `source_info` names the article)."""
    first: dict[str, Pledge] = {}
    for pledge in registry().values():
        first.setdefault(pledge.source, pledge)
    return list(first.values())
