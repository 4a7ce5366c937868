"""Dated facts as evidence for a pledge: each registry link's meaning, date and citation."""
from __future__ import annotations

import pandas as pd

MEANING_KO = {"achieved": "달성", "progress": "진전", "setback": "차질", "failed": "실패", "context": "맥락"}
GGM_PLAN = "ggm-0117e7.1"
GGM_HEADCOUNT_UNITS = {"hired", "employees", "jobs"}
TRACK_RECORD = ("comparable-ed5dff.3", "comparable-ed5dff.4")  # jobs expected vs actual, 2016–2020.09


def collect(inputs, pledge) -> tuple[list[tuple[str, pd.Timestamp]], list[str]]:
    """(meaning, date) pairs for the status rules, and the Korean evidence lines a report shows."""
    pairs, lines = [], []
    for item in pledge.evidence:
        if item.fact:
            fact = inputs.fact(item.fact)
            pairs.append((item.means, fact["as_of_date"]))
            lines.append(f"{MEANING_KO[item.means]}: {fact['as_of_date']:%Y-%m-%d} “{fact['quote']}” "
                         f"({inputs.cite(item.fact)})")
        else:
            pairs.append((item.means, pd.Timestamp(pledge.source.date)))
            lines.append(f"{MEANING_KO[item.means]}: 공약 기사 자체가 완료를 보도 ({pledge.source.citation})")
    return pairs, lines


def track_record_row(inputs, out) -> None:
    """How much of the jobs the city's past investment agreements announced were actually created."""
    expected, actual = (inputs.fact(f)["value"] for f in TRACK_RECORD)
    out.add("track_record", "과거 실적: 광주 투자협약(2016–2020.09)의 예상 고용 대비 실제 고용",
            actual / expected, "ratio", method=f"실제 {actual:,.0f}명 ÷ 예상 {expected:,.0f}명",
            vintage="2020-09", evidence="; ".join(inputs.cite(f) for f in TRACK_RECORD),
            note="시가 과거에 발표한 고용 예상이 얼마나 실현됐는지.")


def ggm_table(inputs) -> pd.DataFrame:
    """광주글로벌모터스 headcount over time against the plan."""
    facts = inputs.facts_frame()
    rows = facts[(facts["topic"] == "ggm") & facts["unit"].isin(GGM_HEADCOUNT_UNITS)].sort_values("as_of_date")
    plan = inputs.fact(GGM_PLAN)["value"]
    return rows.assign(plan=plan, share_of_plan=rows["value"] / plan)[
        ["fact_id", "as_of", "as_of_date", "value", "unit", "plan", "share_of_plan", "source", "source_url"]]
