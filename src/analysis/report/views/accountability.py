"""Whose promise a pledge is and who owes it on the audit's day, as a reader should see it first:
computed by ingest.lineage from the registry's actors and dated events, never typed into pages.
The outcome status (did the promised thing happen, by anyone) is shown second."""
from __future__ import annotations

from dataclasses import dataclass

from ...ingest.registry import Pledge, registry
from ..wording import owners, phrases


@dataclass(frozen=True)
class Owner:
    state: str  # held | not_adopted | dropped
    badge: str  # what the page shows before the status: 채택 안 됨, 책임: …, 바뀐 사업만 책임: …, 철회됨
    maker: str
    holder: str
    steps: list[dict]  # {date, text, fact}: made by → adopted/changed/dropped by → held now by
    spoken: list[dict]  # promises to carry it on and similar promises: words that oblige nobody
    merged: str  # the merged government now holding it ("" if none)
    adopters: tuple[str, ...] = ()  # governments that took on a candidate's pledge (adopted, continued, changed)
    changed: bool = False  # held, but as a changed project: the holder owes that project, not the pledge's numbers

    @property
    def shown(self) -> str:
        """The badge's kind (its style): held, changed, not_adopted or dropped."""
        return "changed" if self.changed else self.state


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
        text = owners.lineage_step(cause, maker.name, holder.name if holder else "")
        note = notes.get((step.since, step.fact), "")
        steps.append({"date": step.since, "fact": step.fact, "text": phrases.labelled(text, note) if note else text})
    spoken = [{"date": e.date, "fact": e.fact, "text": owners.spoken(e.event, actors[e.by].name, e.note)}
              for e in record.spoken]
    holder = actors[record.holder] if record.holder else None
    merged = holder.name if holder is not None and holder.succession == "merger" else ""
    adopters = tuple(dict.fromkeys(actors[s.holder].name for s in record.steps
                                   if s.cause in ("adopted", "continued", "changed") and s.holder))
    # A holder that carries on a changed project owes that project, not the pledge's own numbers.
    changed = record.state == "held" and record.last_act.cause == "changed"
    return Owner(record.state, owners.owner_badge("changed" if changed else record.state, holder.name if holder else ""),
                 maker.name, holder.name if holder else "", steps, spoken, merged, adopters, changed)


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
    """What the index's opening says: how many pledges are the candidate's and the city's, who beat
    the candidate and governed after, how many of the candidate's nobody owes, who took on the rest,
    and who holds what now (all from the registry's actors and lineage)."""
    made = {p.id: owner(p) for p in pledges}
    candidate = next(p for p in pledges if p.source_info.role == "candidate")
    actors = candidate.actors_record
    loser = actors[candidate.source_info.made_by]
    winner = next(a for a in actors.values() if a.kind == "candidate" and a.start == loser.end)
    successor = next(a for a in actors.values() if a.kind == "government" and a.succession == "same_body")
    city = next(p for p in pledges if p.source_info.role != "candidate")
    ours = [p for p in pledges if p.source_info.role == "candidate"]
    held: dict[str, int] = {}
    for o in made.values():
        if o.state == "held":
            held[o.holder] = held.get(o.holder, 0) + 1
    return {"total": len(pledges), "candidate": len(ours), "city": len(pledges) - len(ours),
            "speaker": candidate.source_info.speaker, "candidate_role": candidate.source_info.role_ko,
            "city_maker": actors[city.source_info.made_by].name, "lost": loser.end or "",
            "winner": winner.name.split("(")[0].strip(), "successor": successor.name, "successor_start": successor.start or "",
            "not_adopted": sum(made[p.id].state == "not_adopted" for p in ours),
            "adopted": sum(made[p.id].state == "held" for p in ours),
            "changed": sum(made[p.id].changed for p in ours),
            "adopters": list(dict.fromkeys(a for p in ours for a in made[p.id].adopters)),
            "dropped": sum(o.state == "dropped" for o in made.values()), "held": held}
