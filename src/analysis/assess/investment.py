"""Investment per job: the jobs a pledge implies per 1조원, against real projects and Bank of Korea
coefficients (which count economy-wide induced jobs per output, not jobs per investment)."""
from __future__ import annotations

import pandas as pd

from ..vocab.units import in_trillion_krw

# Investment-per-job comparisons: (label, investment fact, jobs fact, what the jobs count covers).
COMPARABLES = (
    ("SK하이닉스 M15 (청주) 직접고용", "comparable-003130.1", "comparable-003130.2", "direct"),
    ("SK하이닉스 M15 직간접 (서울대 추정)", "comparable-003130.1", "comparable-68eb22", "direct+indirect"),
    ("SK하이닉스 용인 클러스터 (경기도 추정)", "comparable-b5c7f1.1", "comparable-b5c7f1.2", "not stated"),
    ("용인 반도체 국가산단 직접고용", "comparable-14aaf2.1", "comparable-14aaf2.2", "direct"),
    ("용인 반도체 국가산단 협력사", "comparable-14aaf2.1", "comparable-14aaf2.3", "supplier"),
    ("삼성 평택 1라인 (한은 계수 기반)", "comparable-764394.1", "comparable-764394.2", "direct+indirect"),
    ("광주글로벌모터스 계획 (2021)", "ggm-d2d526", "ggm-0117e7.1", "direct"),
    ("광주글로벌모터스 실제 (2025-09)", "ggm-d2d526", "ggm-1ddf42.2", "direct"),
)
# Bank of Korea coefficients (persons per 10억원 of final demand or output), shown per 1조원.
COEFFICIENTS = (
    ("전산업 취업유발계수 (2020 고용표)", "bok_coef-7b8acc", "induced"),
    ("공산품 취업유발계수 (2020 고용표)", "bok_coef-690f09.2", "induced"),
    ("자동차 취업유발계수 (표 연도 미상)", "bok_coef-53ee9d.1", "induced"),
    ("반도체 취업유발계수 (표 연도 미상)", "bok_coef-53ee9d.4", "induced"),
    ("공산품 취업계수 (2020 고용표)", "bok_coef-7224ec", "direct"),
    ("반도체 취업계수 (2014 산업연관표)", "bok_coef-bc0f93.1", "direct"),
)
BILLIONS_PER_TRILLION = 1000  # coefficients are per 10억원; shown per 1조원


def jobs_per_trillion(jobs: float, trillion_krw: float) -> float:
    return jobs / trillion_krw


def investment_table(evidence) -> pd.DataFrame:
    """Every comparison with its jobs per 1조원; `evidence` gives facts and their citations."""
    rows = []
    for label, investment_fact, jobs_fact, kind in COMPARABLES:
        inv, jobs = evidence.fact(investment_fact), evidence.fact(jobs_fact)
        rows.append({"comparison": label,
                     "jobs_per_trillion_krw": jobs_per_trillion(jobs["value"], in_trillion_krw(inv["value"], inv["unit"])),
                     "covers": kind, "kind": "project", "as_of": jobs["as_of"],
                     "evidence": f"{evidence.cite(investment_fact)}; {evidence.cite(jobs_fact)}"})
    for label, fact_id, kind in COEFFICIENTS:
        row = evidence.fact(fact_id)
        rows.append({"comparison": label, "jobs_per_trillion_krw": row["value"] * BILLIONS_PER_TRILLION,
                     "covers": kind, "kind": "coefficient", "as_of": row["as_of"], "evidence": evidence.cite(fact_id)})
    return pd.DataFrame(rows)


def assess_investment(pledge, registry: dict, out, table: pd.DataFrame) -> None:
    """Jobs per 1조원 the pledge implies (its own jobs, or those of the same programme)."""
    jobs_pledge = pledge if pledge.metric == "jobs" else next(
        (registry[p] for p in pledge.same_programme_as if registry[p].metric == "jobs"), None)
    if jobs_pledge is None or not jobs_pledge.target_value:
        return
    ratio = jobs_per_trillion(jobs_pledge.target_value, pledge.investment_trillion_krw)
    projects = table[(table["kind"] == "project") & (table["covers"] == "direct")]
    out.add("jobs_per_trillion", "공약이 함축하는 1조원당 일자리", ratio, "명/조원",
            method=f"{jobs_pledge.target_value:,.0f}개 ÷ {pledge.investment_trillion_krw:g}조원",
            vintage=pledge.source.date, evidence=f"data/raw/pledges.yaml: {pledge.id}, {jobs_pledge.id}",
            note=f"비교 사업의 직접 고용은 1조원당 {projects['jobs_per_trillion_krw'].min():,.0f}–"
                 f"{projects['jobs_per_trillion_krw'].max():,.0f}명. 한국은행 계수는 투자액이 아니라 최종수요·산출 "
                 f"기준이며 경제 전체의 유발 고용을 셈.")
