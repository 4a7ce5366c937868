"""Investment per job: the jobs a pledge implies per 1조원, against real projects (the precedents of
config/stages.yaml) and Bank of Korea coefficients (which count economy-wide induced jobs per
output, not jobs per investment)."""
from __future__ import annotations

import pandas as pd

from .stage import per_trillion

# Comparisons shown as context only (no verdict rests on them): (label, jobs facts, investment facts, what the
# jobs count covers). The precedents a verdict uses are in config/stages.yaml.
CONTEXT = (
    ("용인 반도체 국가산단 직접고용", ("comparable-14aaf2.2",), ("comparable-14aaf2.1",), "direct"),
    ("용인 반도체 국가산단 협력사", ("comparable-14aaf2.3",), ("comparable-14aaf2.1",), "supplier"),
    ("SK하이닉스 용인 클러스터 (경기도 추정)", ("comparable-b5c7f1.2",), ("comparable-b5c7f1.1",), "not stated"),
    ("삼성 평택 1라인 (한은 계수 기반)", ("comparable-764394.2",), ("comparable-764394.1",), "direct+indirect"),
    ("광주글로벌모터스 계획 (2021)", ("ggm-42cb8c",), ("ggm-d2d526",), "direct"),
    ("광주글로벌모터스 실제 (2025-09)", ("ggm-1ddf42.2",), ("ggm-d2d526",), "direct"),
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


def investment_table(ctx) -> pd.DataFrame:
    """Every comparison with its jobs per 1조원 and the facts it comes from."""
    precedents = [(b.label, b.jobs, b.investment, covers) for facility in ctx.stages.facilities.values()
                  for covers, benches in facility.jobs_per_trillion.items() for b in benches]
    rows = [{"comparison": label, "jobs_per_trillion_krw": per_trillion(ctx, jobs, investment), "covers": covers,
             "kind": "project", "as_of": ctx.fact(jobs[0])["as_of"],
             "sources": "; ".join(f"fact:{f}" for f in (*investment, *jobs))}
            for label, jobs, investment, covers in (*precedents, *CONTEXT)]
    for label, fact_id, kind in COEFFICIENTS:
        row = ctx.fact(fact_id)
        rows.append({"comparison": label, "jobs_per_trillion_krw": row["value"] * BILLIONS_PER_TRILLION, "covers": kind,
                     "kind": "coefficient", "as_of": row["as_of"], "sources": f"fact:{fact_id}"})
    return pd.DataFrame(rows)
