"""What a pledge page shows, as plain data a test can build without Jupyter: the lead, the
evidence in date order, every dated update of its status, its parts, the measures (the deciding
one marked, the others context) and the sensitivity scenarios that change it."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ...assess import results
from ...assess.assumptions import Assumptions
from ...assess.context import statistical_spec
from ...assess.ledger import in_ledger
from ...ingest.registry import Pledge, registry
from ...tables import queries
from ..wording import numbers, sentences, terms
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
    ledger: pd.DataFrame | None = None
    searches: list[dict] = field(default_factory=list)  # the logged searches made for this pledge
    chart: dict | None = None  # the data of the chart of what decided (the pledge JSON's `chart`)

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
    status, chart = bundle["status"], bundle["chart"]
    if overrides:
        verdict = recomputed_statuses(overrides)[pledge_id]
        status, chart = override_status(status, verdict), results.plain(verdict.chart)
    chosen = chosen_assumptions(overrides)
    decided = leads.deciding(status)
    event = deciding_event(status, bundle["evidence"])
    ordered = evidence_in_order(bundle["evidence"])
    lead = leads.lead(status, decided, leads.robustness(status), event, worst_part(bundle["parts"]), chart,
                      missing_note(pledge, ordered))
    return PledgeView(pledge, status, bundle["parts"], bundle["measures"], ordered,
                      bundle["history"], bundle["sensitivity"], chosen, decided, lead, owner(pledge),
                      dict(overrides or {}), chart=chart, searches=bundle["searches"])


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
    if in_ledger(view.pledge):
        table = results.load_table("ledger")
        view.ledger = table[table["pledge_id"] == view.pledge.id]


def evidence_in_order(rows: list[dict]) -> list[dict]:
    """Evidence by full date, same-day rows in a stable order (fact id, then the article)."""
    return sorted(rows, key=lambda r: (numbers.sort_key(r["date"]), r["fact_id"] or "", r["component"] or ""))


def missing_note(pledge: Pledge, evidence: list[dict]) -> str:
    """What a pledge without a deciding report lacks (the registry's words) and the nearest dated
    report found, so no two 자료 미확보 leads read alike."""
    from ...assess.reasons import pledge_missing
    dated = [r for r in evidence if r["fact_id"]]
    nearest = f" {sentences.nearest_report(dated[-1])}" if dated else ""
    return f"{pledge_missing(pledge).rstrip('. ')}.{nearest}"


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
    """Every dated update: day, status then, whether it changed, what happened and its sources. Facts
    of one article that say the same thing on the same day are one row citing each of them."""
    rows: list[dict] = []
    for row in view.history:
        fact = row.get("fact_id") or ""
        last = rows[-1] if rows else None
        if last and (last["date"], last["event"], last["status"]) == (row["date"], row["event"], row["status"]):
            last["changed"] = last["changed"] or bool(row["status_changed"])
            last["fact_ids"] += [fact] if fact else []
            continue
        rows.append({"date": row["date"], "status": row["status"], "changed": bool(row["status_changed"]),
                     "event": row["event"], "fact_ids": [fact] if fact else [], "reason": row["reason"]})
    return rows


def deciding_estimate(view: PledgeView) -> leads.Deciding | None:
    """The amount a chart of the deciding quantity draws against the pledge, from the chart data
    the assessment wrote: the jobs a delivery record or a sum of parts gives, AI firms' jobs."""
    chart = view.chart
    if chart is None or chart["kind"] not in ("delivery", "ai_jobs"):
        return None
    unit = terms.PIECES if view.deciding.is_probability else view.deciding.unit  # a sum's jobs count as its pledge does
    return leads.Deciding(chart["kind"], view.deciding.label, chart["expected"], chart["low"], chart["high"],
                          chart["level"], unit, chart["target"])
