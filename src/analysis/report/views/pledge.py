"""What a pledge page shows, as plain data a test can build without Jupyter: the lead, the
evidence in date order, every dated update of its status, its parts, the measures (the deciding
one marked, the others context) and the sensitivity scenarios that change it."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ...assess import results
from ...assess.assumptions import Assumptions
from ...assess.context import statistical_spec
from ...ingest.registry import Pledge, registry
from ...tables import queries, store
from ..wording import numbers
from . import lead as leads
from .accountability import Owner, owner
from .common import chosen_assumptions, override_status, recomputed_statuses, scenario_text


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
    deciding: leads.Deciding
    lead: leads.Lead
    owner: Owner
    overrides: dict = field(default_factory=dict)
    series: tuple[str, pd.DataFrame] | None = None
    forecasts: pd.DataFrame | None = None
    mou: pd.DataFrame | None = None
    investment: pd.DataFrame | None = None
    ggm: pd.DataFrame | None = None

    def measure(self, key: str) -> dict | None:
        return next((m for m in self.measures if m["key"] == key), None)


def pledge_view(pledge_id: str, overrides: dict | None = None) -> PledgeView:
    """Everything a pledge page shows, the tables behind its charts included."""
    view = core_view(pledge_id, overrides)
    _attach_tables(view)
    return view


def core_view(pledge_id: str, overrides: dict | None = None) -> PledgeView:
    """A pledge's status, lead, evidence, history and scenarios (what the scorecard needs too)."""
    pledge = registry()[pledge_id]
    bundle = results.load_pledge(pledge_id)
    status = bundle["status"]
    if overrides:
        status = override_status(status, recomputed_statuses(overrides)[pledge_id])
    chosen = chosen_assumptions(overrides)
    decided = leads.deciding(status, bundle["measures"], pledge)
    event = deciding_event(status, bundle["evidence"])
    firmness = leads.robustness(status, bundle["sensitivity"])
    return PledgeView(pledge, status, bundle["parts"], bundle["measures"], evidence_in_order(bundle["evidence"]),
                      bundle["history"], bundle["sensitivity"], chosen, decided,
                      leads.lead(status, decided, firmness, event, worst_part(bundle["parts"])), owner(pledge),
                      dict(overrides or {}))


def _attach_tables(view: PledgeView) -> None:
    spec = statistical_spec(view.pledge)
    if spec is not None and view.measure("probability") is not None:
        label, rows = queries.series(spec)
        view.series = (label, rows)
        forecasts = results.load_table("forecasts")
        view.forecasts = forecasts[forecasts["series"] == label]
    if view.measure("present_firms") is not None:
        view.mou = results.load_table("mou").assign(as_of_date=lambda d: pd.to_datetime(d["as_of_date"]))
    if view.measure("jobs_per_trillion") is not None:
        view.investment = results.load_table("investment")
    if "ggm" in view.pledge.measured_facts:
        view.ggm = results.load_table("ggm")


def evidence_in_order(rows: list[dict]) -> list[dict]:
    """Evidence by full date, same-day rows in a stable order (fact id, then the article)."""
    return sorted(rows, key=lambda r: (numbers.sort_key(r["date"]), r["fact_id"] or "", r["component"] or ""))


def deciding_event(status: dict, evidence: list[dict]) -> dict | None:
    """The dated report that decided a fact-decided status (date, outlet, claim), or None."""
    if str(status["method"]).split("+")[0] != "facts":
        return None
    fact = status.get("deciding_fact") or ""
    decisive = [r for r in evidence if r["means"] != "context" and (r["fact_id"] == fact or not fact)]
    if not decisive:
        return None
    row = evidence_in_order(decisive)[-1]
    return {"date": numbers.date_label(row["date"]), "outlet": row["outlet"], "claim": row["claim_ko"]}


def worst_part(parts: list[dict]) -> dict | None:
    """The part that caps a composite status (the first of the worst), with the number of parts."""
    from ...assess import rules
    ranked = [p for p in parts if p["status"] in rules.ORDER]
    if not ranked:
        return None
    worst = min(ranked, key=lambda p: rules.ORDER.index(p["status"]))
    return {**worst, "count": len(parts)}


def flips(view: PledgeView) -> list[dict]:
    """The scenarios whose status differs from the default's, each named in Korean."""
    base = next(row["status"] for row in view.sensitivity if row["scenario"] == "기본값")
    out = []
    for row in view.sensitivity:
        if row["scenario"] != "기본값" and row["status"] != base:
            name, _, value = row["scenario"].partition("=")
            out.append({"name": name, "assumption": scenario_text(name, row.get(name) or value),
                        "status": row["status"]})
    return out


def measure_rows(view: PledgeView) -> list[dict]:
    """Measure rows with `deciding` set on the one that decided the status (the rest are context)."""
    key = leads.deciding_measure_key(view.deciding)
    return [{**m, "deciding": m["key"] == key} for m in view.measures if m["key"] != "case"]


def timeline(view: PledgeView) -> list[dict]:
    """Every dated update: day, status then, whether it changed, what happened and its source."""
    if view.history and "event" in view.history[0]:  # CONTRACT.md: the assessment names each update
        return [{"date": row["date"], "status": row["status"], "changed": bool(row["status_changed"]),
                 "event": row["event"], "fact_id": row.get("fact_id") or "", "reason": row["reason"]}
                for row in view.history]
    return _today_timeline(view)


def _today_timeline(view: PledgeView) -> list[dict]:
    """Today's history has one row a day; the day's facts are found among the pledge's own."""
    published = _facts_by_day(view.pledge)
    rows = []
    for row in view.history:
        day = row["as_of"]
        facts = published.get(day, [])
        base = {"date": day, "status": row["status"], "changed": bool(row["changed"]), "reason": row["reason"]}
        if not facts:
            rows.append({**base, "event": "", "fact_id": ""})
        for k, (fact_id, claim) in enumerate(facts):
            rows.append({**base, "changed": base["changed"] and k == 0, "event": claim, "fact_id": fact_id})
    return rows


def _facts_by_day(pledge: Pledge) -> dict[str, list[tuple[str, str]]]:
    """(fact id, claim) of each day's facts that a pledge's history reads: its evidence, its parts'
    evidence and the facts of the series its models count; in fact-id order within a day."""
    pledges = registry()
    ids, todo, topics = set(), [pledge.id], set(pledge.measured_facts)
    while todo:
        current = pledges[todo.pop()]
        ids |= {item.fact for _, item in current.all_evidence() if item.fact}
        todo += list(current.parts)
    if pledge.metric == "firms" or pledge.delivery == "ai_jobs":
        topics.add("ai_mou")
    facts = store.load("facts")
    chosen = facts[facts["fact_id"].isin(ids) | facts["topic"].isin(topics)].dropna(subset=["published_date"])
    days: dict[str, list[tuple[str, str]]] = {}
    for row in chosen.sort_values(["published_date", "fact_id"]).itertuples():
        days.setdefault(f"{row.published_date:%Y-%m-%d}", []).append((row.fact_id, row.claim_ko))
    return days


def deciding_estimate(view: PledgeView) -> leads.Deciding | None:
    """The estimate a chart of the deciding quantity draws against the pledge: the delivered amount
    for the delivery record (whose probability decided), the deciding count itself for AI jobs.
    (Where the assessment writes its `chart` object, CONTRACT.md, this is where it is read.)"""
    decided = view.deciding
    if decided.decided_by == "ai_jobs":
        return decided
    if decided.decided_by != "delivery" or view.measure("delivered") is None:
        return None
    row = view.measure("delivered")
    found = leads.LEVEL.search(row["method"])
    return leads.Deciding("delivery", decided.label, row["value"], row["lower"], row["upper"],
                          int(found.group(1)) / 100 if found else None, "개", view.pledge.target_value)
