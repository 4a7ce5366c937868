"""Each pledge's status after every dated update it rests on, computed with only what was known
that day (facts, MOU counts, reference cases and lead times published by then; annual statistics up
to the year before, calibrated on the errors known by then), never typed.

The updates of a pledge are the publication days of the facts its verdict reads (its links, its
components' and parts' links, the inputs of its models) and the day it was announced. One row per
fact, in date order and, on one day, by fact id; a day's status is the verdict with all of that
day's facts, and `status_changed` marks the row of the fact that decided the change (else the
day's first row)."""
from __future__ import annotations

import pandas as pd

from .verdict import Verdict, assess_pledge

COLUMNS = ["pledge_id", "date", "status", "status_changed", "event", "fact_id", "reason"]
ANNOUNCED = "공약 발표"


def updates(ctx, pledge, today: Verdict) -> list[tuple[pd.Timestamp, str]]:
    """(publication day, fact id) of every update of a pledge since it was announced, in order."""
    announced = pd.Timestamp(pledge.source_info.date)
    rows = [(ctx.fact(f)["published_date"], f) for f in today.facts]
    rows = [(day, f) for day, f in rows if pd.notna(day) and day >= announced]
    return [(announced, ""), *sorted(set(rows))]


def _event(ctx, fact_id: str) -> str:
    return ctx.fact(fact_id)["claim_ko"] if fact_id else ANNOUNCED


def pledge_history(ctx, pledge, today: Verdict, assumptions, memos: dict) -> list[dict]:
    rows, previous = [], None
    by_day: dict[pd.Timestamp, list[str]] = {}
    for day, fact_id in updates(ctx, pledge, today):
        by_day.setdefault(day, []).append(fact_id)
    for day, fact_ids in by_day.items():
        verdict = assess_pledge(ctx, pledge.id, assumptions, as_of=day, memo=memos.setdefault(day, {}))
        changed = verdict.status != previous
        marked = verdict.deciding_fact if verdict.deciding_fact in fact_ids else fact_ids[0]
        for fact_id in fact_ids:
            rows.append({"pledge_id": pledge.id, "date": f"{day:%Y-%m-%d}", "status": verdict.status,
                         "status_changed": changed and fact_id == marked, "event": _event(ctx, fact_id),
                         "fact_id": fact_id, "reason": verdict.reason})
        previous = verdict.status
    return rows


def history(ctx, assumptions, today: dict[str, Verdict]) -> pd.DataFrame:
    """Every pledge's dated updates (CONTRACT.md `history`), one memo per day so that a composite
    pledge's parts are assessed once a day."""
    memos: dict = {}
    rows = [row for pledge_id, verdict in today.items()
            for row in pledge_history(ctx, ctx.pledges[pledge_id], verdict, assumptions, memos)]
    return pd.DataFrame(rows, columns=COLUMNS)
