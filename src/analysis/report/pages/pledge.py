"""The pledge report, rendered from a PledgeView: the lead box (verdict, the number that decided
it, deadline), the pledge quoted, the evidence in date order, every dated update, robustness,
SMART check and the assumptions it depends on. The numbers and charts are in pledge_numbers.py."""
from __future__ import annotations

import dataclasses

import pandas as pd

from ...assess import assumptions as assumption_values
from ...assess.measures import ASSUMPTIONS_BY_MEASURE
from ...ingest.registry import NOT_STATED, SMART
from ..views import pledge as views
from ..views.common import scenario_text
from ..wording import numbers, owners, phrases, terms, texts
from . import pledge_numbers
from .base import Col, Page, Rendered, cell


def pledge_page(pledge_id: str, overrides: dict | None = None) -> Rendered:
    """The whole page of one pledge (the notebook's second cell)."""
    from .. import figures
    figures.setup()
    view = views.pledge_view(pledge_id, overrides)
    page = Page(f"pledge-{pledge_id}", view.pledge.title)
    sections = [quote(view, page), whose(view, page), evidence(view, page), timeline(view, page), pledge_numbers.section(view, page),
                robustness(view, page), smart(view, page), assumptions(view, page)]
    notes = [texts.OVERRIDDEN.format(names=", ".join(scenario_text(k, v) for k, v in view.overrides.items()))
             ] if view.overrides else []
    if view.lead.robustness.startswith(texts.FRAGILE_PREFIX):
        page.use(*terms.USES["fragile"])
    return page.render(view.pledge.title, {**dataclasses.asdict(view.lead), "owner": view.owner.badge,
                                           "owner_state": view.owner.shown}, sections,
                       {"pledge_id": pledge_id, "assumptions": dict(overrides or {})}, notes,
                       analyst=[(texts.UI["reason"], view.status["reason_ko"])])


def quote(view: views.PledgeView, page: Page) -> dict:
    pledge = view.pledge
    source = pledge.source_info
    article = page.cite(f"registry:{pledge.id}")
    target = terms.NOT_STATED if pledge.target_value is None else numbers.count(pledge.target_value, pledge.target_unit)
    deadline = (texts.ASSUMED_DEADLINE.format(year=view.status["deadline"]) if pledge.deadline == NOT_STATED
                else numbers.date_words(pledge.deadline))
    fields = [
        (texts.FIELDS["role"], cell(f"{terms.ROLE[source.role]} — {source.role_ko}")),
        (texts.FIELDS["metric"], cell(terms.METRIC[pledge.metric])),
        (texts.FIELDS["target"], cell(target)),
        (texts.FIELDS["investment"], cell(phrases.trillion(pledge.investment_trillion_krw) if pledge.investment_trillion_krw
                                          else terms.NOT_STATED)),
        (texts.FIELDS["deadline"], cell(deadline)),
        (texts.FIELDS["geography"], cell(terms.NOT_STATED if pledge.geography == NOT_STATED else pledge.geography)),
        (texts.FIELDS["jobs_kind"], cell(terms.JOBS_KIND[pledge.jobs_kind]
                                         + (f" — {pledge.jobs_kind_note}" if pledge.jobs_kind_note else ""))),
    ]
    by = f"{source.speaker}, {source.role_ko} · {source.outlet} {source.date}"
    return {"id": "quote", "blocks": [
        {"type": "quote", "text": pledge.quote, "lang": "", "by": by, "cites": article},
        {"type": "kv", "label": texts.SECTIONS["quote"], "rows": fields}]}


def whose(view: views.PledgeView, page: Page) -> dict:
    """Made by → adopted, changed or dropped by → held now by, each step dated and cited."""
    items = [{"label": step["date"], "text": step["text"], "cites": page.cite(f"fact:{step['fact']}" if step["fact"]
                                                                          else f"registry:{view.pledge.id}")}
             for step in view.owner.steps]
    items += [{"label": said["date"], "text": said["text"], "cites": page.cite(f"fact:{said['fact']}")}
              for said in view.owner.spoken]
    notes = [{"type": "p", "text": owners.merged_note(view.owner.merged)}] if view.owner.merged else []
    if view.owner.state == "not_adopted":  # nobody took it on: say so, and where the searches are listed
        notes.append({"type": "p", "text": owners.not_adopted_note(len(view.searches))})
    return {"id": "whose", "blocks": [{"type": "p", "label": texts.UI["owner_scale"], "text": view.owner.badge},
                                      {"type": "list", "items": sorted(items, key=lambda i: i["label"])}, *notes,
                                      {"type": "p", "css": "muted", "text": texts.OWNER_NOTE}]}


SEARCHES_SHOWN = 5  # the latest searches on the page; all of them in its CSV
EVIDENCE_COLUMNS = [
    Col("date", texts.COLUMNS["date"], lambda r: cell(f"{numbers.date_label(r['date'])} · {r['outlet']}"),
        css="nowrap", card="date"),
    Col("claim_ko", texts.COLUMNS["event"], lambda r: cell(r["claim_ko"], cites=r["_cites"]), card="name"),
    Col("means", texts.COLUMNS["meaning"], lambda r: cell(terms.MEANING[r["means"]], strong=True), css="nowrap",
        card="badge"),
    Col("why", texts.COLUMNS["why"], card="reason"),
    Col("quote", texts.COLUMNS["quote"], lambda r: cell(r["quote"], quote=True), card="extra"),
]


def _evidence_table(rows: list[dict], page: Page, caption: str, file: str) -> dict:
    rows = [{**r, "_cites": page.cite(f"fact:{r['fact_id']}" if r["fact_id"] else f"registry:{r['pledge_id']}")}
            for r in rows]
    full = pd.DataFrame(rows).drop(columns="_cites")
    return page.table(rows, EVIDENCE_COLUMNS, caption=caption, file=file, cards="evidence", full=full)


def evidence(view: views.PledgeView, page: Page) -> dict:
    status = view.status
    kind = view.deciding.decided_by
    would_change = texts.WHAT_WOULD_CHANGE[kind]
    changes = views.flips(view)
    if changes:
        would_change += " " + texts.FLIPPED.format(flips="; ".join(f"{f['assumption']} → {f['status']}" for f in changes))
    # A number-decided status is said by the lead (rounded once); the assessment's own reason, with
    # its unrounded figures and method names, is for analysts (재현 정보).
    reason = [] if view.lead.number else [{"type": "p", "label": texts.UI["reason"], "text": status["reason_ko"]}]
    blocks = [*reason, {"type": "p", "label": texts.UI["what_would_change"], "text": would_change},
              {"type": "p", "css": "muted", "text": texts.META.format(
                  as_of=status["as_of"] or texts.NONE, checked=status["checked"], kind=terms.DECIDED_BY[kind])}]
    if view.parts:
        blocks.append(page.table(view.parts, [
            Col("name", texts.COLUMNS["part"], lambda r: cell(r["name"], href=f"pledge-{r['part_id']}.html"
                                                                 if r["part_id"] else ""), card="name"),
            Col("status", texts.COLUMNS["status"], lambda r: cell(status=r["status"]), card="badge"),
            Col("reason", texts.COLUMNS["reason"], card="reason")],
            caption=texts.CAPTIONS["parts"], file="parts", cards="evidence"))
    components = list(dict.fromkeys(r["component"] for r in view.evidence))
    for k, component in enumerate(components, 1):
        chosen = [r for r in view.evidence if r["component"] == component]
        caption = texts.CAPTIONS["component"].format(name=component) if component else texts.CAPTIONS["evidence"]
        blocks.append(_evidence_table(chosen, page, caption, "evidence" if len(components) == 1 else f"evidence-{k}"))
    if not view.evidence:
        blocks.append({"type": "p", "text": texts.NO_EVIDENCE})
    if view.searches:  # what was searched, found or not: a gap is never filled silently
        recent = sorted(view.searches, key=lambda s: s["date"], reverse=True)[:SEARCHES_SHOWN]
        href = page.download("searches", pd.DataFrame(view.searches), texts.SEARCH_LABELS, texts.UI["searches"])
        blocks += [{"type": "p", "label": texts.UI["searches"], "download": href,
                    "text": texts.SEARCHES_NOTE.format(n=len(view.searches), shown=len(recent))},
                   {"type": "list", "items": [{"label": s["date"], "text": owners.search_line(s["query"]),
                                               "cites": []} for s in recent]}]
    blocks.append({"type": "p", "css": "muted", "text": texts.MEANINGS_NOTE})
    return {"id": "evidence", "blocks": blocks}


def timeline(view: views.PledgeView, page: Page) -> dict:
    rows = views.timeline(view)
    for row in rows:
        row["_cites"] = page.cite([f"fact:{f}" for f in row["fact_ids"]] or f"registry:{view.pledge.id}")
    columns = [
        Col("date", texts.COLUMNS["date"], lambda r: cell(r["date"], strong=r["changed"]), css="nowrap", card="date"),
        Col("status", texts.COLUMNS["status_then"], lambda r: cell(status=r["status"],
                                                                    text=texts.UI["changed"] if r["changed"] else ""),
            value=lambda r: r["status"], card="badge"),
        Col("event", texts.COLUMNS["event"], lambda r: cell(r["event"] or texts.ARTICLE_EVENT, cites=r["_cites"],
                                                            strong=r["changed"]), card="name"),
        Col("changed", texts.COLUMNS["changed"], lambda r: cell(terms.YES_NO[r["changed"]]), card="extra")]
    full = pd.DataFrame(rows).drop(columns="_cites").assign(fact_ids=lambda d: d["fact_ids"].str.join(";"))
    held = list(dict.fromkeys(h["held"] for h in view.history if h.get("held")))
    return {"id": "timeline", "blocks": [
        {"type": "p", "text": texts.TIMELINE_NOTE},
        *([{"type": "p", "css": "muted", "text": texts.TIMELINE_HELD.format(held="; ".join(held))}] if held else []),
        page.table(rows, columns, caption=texts.CAPTIONS["timeline"], file="timeline", cards="evidence", full=full)]}


def robustness(view: views.PledgeView, page: Page) -> dict:
    if not view.sensitivity:
        return {"id": "robustness", "blocks": []}
    blocks = [{"type": "p", "text": view.lead.robustness + ". " + texts.ROBUSTNESS_NOTE}]
    changed = views.flips(view)
    if changed:
        blocks.append(page.table(changed, [
            Col("assumption", texts.COLUMNS["assumption_changed"], card="name"),
            Col("status", texts.COLUMNS["status_then"], lambda r: cell(status=r["status"]), card="badge")],
            caption=texts.CAPTIONS["flips"], file="flips", full=pd.DataFrame(view.sensitivity)))
    return {"id": "robustness", "blocks": blocks}


def smart(view: views.PledgeView, page: Page) -> dict:
    rows = [{"criterion": k, "met": view.pledge.smart[k][0], "why": view.pledge.smart[k][1]} for k in SMART]
    return {"id": "smart", "blocks": [{"type": "p", "text": texts.SMART_NOTE}, page.table(rows, [
        Col("criterion", texts.COLUMNS["criterion"], lambda r: cell(terms.SMART[r["criterion"]])),
        Col("met", texts.COLUMNS["met"], lambda r: cell(terms.YES_NO[r["met"]])),
        Col("why", texts.COLUMNS["why_short"])], caption=texts.CAPTIONS["smart"], file="smart")]}


def relevant_assumptions(view: views.PledgeView) -> list[str]:
    names = {name for m in view.measures for name in ASSUMPTIONS_BY_MEASURE.get(m["key"], ())}
    names |= {f["name"] for f in views.flips(view)}
    if view.status["deadline_assumed"]:
        names.add("undated_deadline")
    return [name for name in assumption_values.Assumptions.model_fields if name in names]


def assumptions(view: views.PledgeView, page: Page) -> dict:
    from ..views.common import assumption_value
    rows = [{"name": n, "label": assumption_values.label(n), "value": assumption_value(n, getattr(view.assumptions, n)),
             "reason": assumption_values.reason(n)} for n in relevant_assumptions(view)]
    if not rows:
        return {"id": "assumptions", "blocks": []}
    return {"id": "assumptions", "blocks": [page.table(rows, [
        Col("label", texts.COLUMNS["assumption"]), Col("value", texts.COLUMNS["value"]),
        Col("reason", texts.COLUMNS["why_short"])], caption=texts.CAPTIONS["assumptions"], file="assumptions")]}
