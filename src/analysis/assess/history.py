"""Each pledge's status as of every date something new was published about it: computed with
only what was known then (facts, MOU counts and delivery cases published by that day; annual
statistics up to the year before), never typed. The pooled forecast calibration is held at
today's (a simplification the reports state)."""
from __future__ import annotations

import pandas as pd

from .verdict import assess_pledge


def dates_of(ctx, pledge) -> list[pd.Timestamp]:
    """The days new evidence about a pledge appeared: its facts, and the facts its models read."""
    days = {ctx.fact(item.fact)["published_date"] for _, item in pledge.all_evidence() if item.fact}
    days.add(pd.Timestamp(pledge.source_info.date))
    if (pledge.metric == "firms" and "ai_mou" in pledge.measured_facts) or pledge.delivery == "ai_jobs":
        mou = ctx.facts[(ctx.facts["topic"] == "ai_mou")]
        days |= set(mou["published_date"].dropna())
    for part in pledge.parts:
        days |= set(dates_of(ctx, ctx.pledges[part]))
    return sorted(d for d in days if pd.notna(d) and d >= pd.Timestamp(pledge.source_info.date))


def history(ctx, assumptions) -> pd.DataFrame:
    """pledge_id, as_of, status, changed (from the previous date), reason."""
    rows, memos = [], {}  # one memo per day: a composite pledge's parts are assessed once a day
    for pledge_id, pledge in ctx.pledges.items():
        previous = None
        for day in dates_of(ctx, pledge):
            verdict = assess_pledge(ctx, pledge_id, assumptions, as_of=day, memo=memos.setdefault(day, {}))
            rows.append({"pledge_id": pledge_id, "as_of": f"{day:%Y-%m-%d}", "status": verdict.status,
                         "changed": verdict.status != previous, "reason": verdict.reason})
            previous = verdict.status
    return pd.DataFrame(rows)
