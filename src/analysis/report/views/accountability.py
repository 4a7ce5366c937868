"""Whose promise a pledge is and who owes it on the audit's day, as a reader should see it first:
computed by ingest.lineage from the registry's actors and dated events, never typed into pages.
The outcome status (did the promised thing happen, by anyone) is shown second."""
from __future__ import annotations

from dataclasses import dataclass

from ...ingest.registry import Pledge, registry
from ..wording import phrases


@dataclass(frozen=True)
class Owner:
    state: str  # held | not_adopted | dropped
    badge: str  # what the page shows before the status: 채택 안 됨, 책임: …, 철회됨
    maker: str
    holder: str
    steps: list[dict]  # {date, text, fact}: made by → adopted/changed/dropped by → held now by
    spoken: list[dict]  # promises to carry it on and similar promises: words that oblige nobody
    merged: str  # the merged government now holding it ("" if none)


def audit_date() -> str:
    from .. import chrome
    return chrome.site().audit_date


def owner(pledge: Pledge, until: str | None = None) -> Owner:
    """The pledge's lineage up to the audit's day, in a reader's words."""
    until = until or audit_date()
    record = pledge.accountability(until=until)
    actors = pledge.actors_record
    maker = actors[pledge.source_info.made_by]
    notes = {(e.date, e.fact): e.note for e in pledge.lineage}
    steps = []
    for step in record.steps:
        holder = actors[step.holder] if step.holder else None
        cause = step.cause
        if cause == "succession" and holder is not None and holder.succession == "merger":
            cause = "merger"
        text = phrases.lineage_step(cause, maker.name, holder.name if holder else "")
        note = notes.get((step.since, step.fact), "")
        steps.append({"date": step.since, "fact": step.fact, "text": phrases.labelled(text, note) if note else text})
    spoken = [{"date": e.date, "fact": e.fact, "text": phrases.spoken(e.event, actors[e.by].name, e.note)}
              for e in record.spoken]
    holder = actors[record.holder] if record.holder else None
    merged = holder.name if holder is not None and holder.succession == "merger" else ""
    return Owner(record.state, phrases.owner_badge(record.state, holder.name if holder else ""), maker.name,
                 holder.name if holder else "", steps, spoken, merged)


def mergers() -> list[dict]:
    """The mergers that abolished a government a pledge was owed by (for the index and overview)."""
    actors = next(iter(registry().values())).actors_record
    return [{"name": a.name, "start": a.start or "", "note": a.note, "basis": a.basis[0],
             "predecessors": [actors[s].body or actors[s].name for s in a.succeeds]}
            for a in actors.values() if a.succession == "merger"]


def current_government(pledge: Pledge, until: str | None = None) -> str:
    """The government in office on the audit's day (the latest one to start, if none is dated to it)."""
    until = until or audit_date()
    governments = [a for a in pledge.actors_record.values() if a.kind == "government"]
    current = [a for a in governments if (a.start or "") <= until and (a.end is None or a.end >= until)]
    return max(current or governments, key=lambda a: a.start or "").name


def whose(pledges: list[Pledge]) -> dict:
    """Counts for the index's opening sentence: how many pledges nobody owes, and who owes the rest."""
    owners = [owner(p) for p in pledges]
    held: dict[str, int] = {}
    for made in owners:
        if made.state == "held":
            held[made.holder] = held.get(made.holder, 0) + 1
    return {"total": len(owners), "not_adopted": sum(o.state == "not_adopted" for o in owners),
            "dropped": sum(o.state == "dropped" for o in owners), "held": held}
