"""Dated facts as evidence: the status a pledge's (or a component's) links give, as of a date.

A link's date is the day its fact was published: the status history asks what was known when.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import rules


@dataclass
class Link:
    means: str
    why: str
    fact_id: str | None
    published: pd.Timestamp
    due: int | None
    claim: str
    outlet: str
    date: str  # the publication date as precise as the source gives it


@dataclass
class EvidenceStatus:
    status: str
    deciding: Link | None       # the link the status rests on (None when nothing decides)
    late: Link | None           # a link scheduling completion after the deadline
    links: list[Link]


def links(ctx, pledge, items, a=None, as_of: pd.Timestamp | None = None) -> list[Link]:
    """The links of `items` (registry evidence) known by `as_of`, oldest first; with assumptions `a`,
    each fact is read as they code it (a scenario may recode a deciding fact)."""
    out = []
    for item in items:
        means = item.means if a is None else a.meaning(item.fact, item.means)
        if item.fact:
            fact = ctx.fact(item.fact)
            link = Link(means, item.why, item.fact, fact["published_date"], item.due, fact["claim_ko"],
                        fact["outlet"], fact["published_label"])
        else:
            source = pledge.source_info
            link = Link(means, item.why, None, pd.Timestamp(source.date), item.due,
                        "공약을 전한 기사가 이미 이행됐다고 보도함", source.outlet, source.date)
        if as_of is None or link.published <= as_of:
            out.append(link)
    return sorted(out, key=lambda link: link.published)


def _chronology(link: Link) -> tuple:
    meaning = rules.BY_MEANING.get(link.means)
    worse_later = -rules.ORDER.index(meaning) if meaning else 0
    return link.published, worse_later, link.fact_id or ""


def status_of(found: list[Link], deadline: int) -> EvidenceStatus:
    """Any 'achieved' wins; else the latest decisive link; a completion scheduled after the
    deadline caps the status at 지연. The order the links are listed in never matters: on the same
    day the worse meaning is taken as the later one, then the fact id decides."""
    ordered = sorted(found, key=_chronology)
    decisive = [link for link in ordered if link.means in rules.DECISIVE]
    achieved = [link for link in decisive if link.means == "achieved"]
    deciding = achieved[-1] if achieved else (decisive[-1] if decisive else None)
    status = rules.BY_MEANING[deciding.means] if deciding is not None else rules.NO_DATA
    late = next((link for link in ordered if link.due and link.due > deadline), None)
    if late is not None and status in (rules.ON_TRACK, rules.ACHIEVED, rules.NO_DATA):
        status = rules.DELAYED
    return EvidenceStatus(status, deciding, late, found)


# How a lineage event bears on the promised outcome: a government that drops the pledge sets it back
# (a scenario reads it as a failure); adopting, continuing or changing it, and candidates' words,
# are dated context: whose duty it is, not what happened.
LINEAGE_MEANING = {"dropped": "setback"}


def lineage_links(ctx, pledge, a, as_of=None) -> list[Link]:
    out = []
    for event in pledge.lineage:
        fact = ctx.fact(event.fact)
        link = Link(a.meaning(event.fact, LINEAGE_MEANING.get(event.event, "context")), event.note, event.fact,
                    fact["published_date"], None, fact["claim_ko"], fact["outlet"], fact["published_label"])
        if as_of is None or link.published <= as_of:
            out.append(link)
    return out


def of_pledge(ctx, pledge, deadline: int, a, as_of=None) -> tuple[EvidenceStatus, list[tuple[str, EvidenceStatus]]]:
    """The pledge's own evidence status (its links and its lineage) and, for a composite one, each
    component's."""
    found = links(ctx, pledge, pledge.evidence, a, as_of) + lineage_links(ctx, pledge, a, as_of)
    own = status_of(sorted(found, key=lambda link: link.published), deadline)
    parts = [(c.name, status_of(links(ctx, pledge, c.evidence, a, as_of), deadline)) for c in pledge.components]
    return own, parts
