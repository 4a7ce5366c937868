"""Each pledge's status after every dated update it rests on, computed with only what was known
that day: facts, MOU counts, reference cases, lead times and presence reports published by then,
annual statistics up to the year before and their calibration on the errors known by then. An
input that has no value of its own for a past day is taken at today's and the row says which
(`held`). Never typed.

The updates of a pledge are the publication days of the facts its verdict reads (`kind`: evidence
for its own, its components' and its lineage's links; input for what its models read), the day it
was announced, and the days on which time alone changes the status (`time`: a facility's remaining
lead time no longer fits before the deadline). One row per update, in date order and, on one day,
by fact id; a day's status is the verdict with all of that day's facts, and `status_changed` marks
the row of the update that decided the change (else the day's first row)."""
from __future__ import annotations

import heapq

import pandas as pd

from .verdict import Verdict, assess_pledge

COLUMNS = ["pledge_id", "date", "status", "status_changed", "event", "fact_id", "kind", "held", "reason"]
ANNOUNCED, TIME = "공약 발표", "선례의 준비 기간으로 보아 남은 기간이 모자라게 된 날"


def updates(ctx, pledge, today: Verdict) -> list[tuple[pd.Timestamp, str, str]]:
    """(day, fact id, kind) of every update of a pledge since it was announced, in order."""
    announced = pd.Timestamp(pledge.source_info.date)
    own = {link.fact for _, link in pledge.all_evidence() if link.fact} | {e.fact for e in pledge.lineage}
    rows = {(ctx.fact(f)["published_date"], f, "evidence" if f in own else "input") for f in today.facts}
    return [(announced, "", "evidence"), *sorted((d, f, k) for d, f, k in rows if pd.notna(d) and d >= announced)]


def _row(ctx, pledge_id: str, day, fact_id: str, kind: str, verdict: Verdict, changed: bool) -> dict:
    event = ctx.fact(fact_id)["claim_ko"] if fact_id else (ANNOUNCED if kind == "evidence" else TIME)
    return {"pledge_id": pledge_id, "date": f"{day:%Y-%m-%d}", "status": verdict.status, "status_changed": changed,
            "event": event, "fact_id": fact_id, "kind": kind, "held": "; ".join(verdict.held), "reason": verdict.reason}


def pledge_history(ctx, pledge, today: Verdict, assumptions, memos: dict) -> list[dict]:
    """Rows of one pledge; a day on which time alone may change the verdict is added as it is found."""
    queue = updates(ctx, pledge, today)
    heapq.heapify(queue)
    rows, previous, seen = [], None, set()
    while queue:
        day = queue[0][0]
        todays = []
        while queue and queue[0][0] == day:
            todays.append(heapq.heappop(queue))
        verdict = assess_pledge(ctx, pledge.id, assumptions, as_of=day, memo=memos.setdefault(day, {}))
        for later in verdict.crossings:
            if later not in seen and later <= ctx.today():
                seen.add(later)
                heapq.heappush(queue, (later, "", "time"))
        changed = verdict.status != previous
        ids = [f for _, f, _ in todays]
        marked = verdict.deciding_fact if verdict.deciding_fact in ids else ids[0]
        rows += [_row(ctx, pledge.id, day, f, kind, verdict, changed and f == marked) for _, f, kind in todays]
        previous = verdict.status
    return rows


def history(ctx, assumptions, today: dict[str, Verdict]) -> pd.DataFrame:
    """Every pledge's dated updates (CONTRACT.md `history`), one memo per day so that a composite
    pledge's parts are assessed once a day."""
    memos: dict = {}
    rows = [row for pledge_id, verdict in today.items()
            for row in pledge_history(ctx, ctx.pledges[pledge_id], verdict, assumptions, memos)]
    return pd.DataFrame(rows, columns=COLUMNS)
