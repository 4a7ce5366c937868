"""The projection ledger: for each object with more than one official number (the national
industrial complex's jobs, GGM's hires, the AI programme's jobs), every number the facts table
holds side by side, by date and source, each marked direct, induced or unstated from its fact's own
unit words, and plan or count. A reader then sees why 270,237 induced jobs is not a jobs pledge."""
from __future__ import annotations

import pandas as pd

# (object, fact topics, pledges it belongs to): the facts of those topics whose unit counts people.
OBJECTS = (
    ("미래차 국가산단의 일자리", ("future_car_park",), "future-car-cluster-jobs"),
    ("광주글로벌모터스의 고용", ("ggm",), "ggm-ev-conversion"),
    ("AI 사업의 일자리", ("ai_jobs", "ai_target"), "ai-jobs-30000"),
)
def in_ledger(pledge) -> bool:
    """Whether the pledge's object has several official numbers (its page shows them; a sum's page
    links its parts' pages instead)."""
    return pledge.id in {pledge_id for _, _, pledge_id in OBJECTS}


PEOPLE = r"\bjobs\b|employees|hires|hired"
PLANS = ("target", "plan", "expected", "est.", "estimate", "effect", "negotiation", "forgone")


def kind_of(unit: str) -> str:
    """direct | induced | unstated, as the fact's unit says (never guessed from the number)."""
    words = unit.lower()
    if "induced" in words or "indirect" in words:
        return "induced"
    if "direct" in words or words.startswith(("employees", "hired", "new hires")):
        return "direct"
    return "unstated"


def ledger(ctx) -> pd.DataFrame:
    rows = []
    facts = ctx.facts_frame()
    for label, topics, pledge_id in OBJECTS:
        found = facts[facts["topic"].isin(topics) & facts["unit"].str.contains(PEOPLE, case=False, regex=True)
                      & ~facts["unit"].str.contains("per firm", case=False)]
        for row in found.sort_values(["published_date", "fact_id"]).itertuples():
            rows.append({"object": label, "pledge_id": pledge_id, "fact_id": row.fact_id, "date": row.published_label,
                         "value": row.value, "unit": row.unit, "kind": kind_of(row.unit),
                         "plan": row.topic.endswith("target") or any(w in row.unit.lower() for w in PLANS),
                         "as_of": row.as_of, "outlet": row.outlet,
                         "claim_ko": row.claim_ko, "url": row.source_url})
    return pd.DataFrame(rows)
