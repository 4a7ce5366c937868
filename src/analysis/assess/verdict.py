"""The one place a verdict is assembled: every pledge's measures and its status with evidence.

Reports only display what this module returns. Each result row names its method, the data
vintage and the evidence it used (raw file and line, or facts row and URL).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..ingest.registry import registry
from . import rules
from .assumptions import DEFAULT, Assumptions
from .employment_measures import assess_series
from .evidence import collect, ggm_table, track_record_row
from .inputs import Inputs
from .investment import assess_investment, investment_table
from .mou import assess_mou
from .results import Assessment
from .rows import ResultRows, deadline_of
from .series import statistical_spec


def _measure(inputs, pledge, out, forecasts, backtests) -> tuple[dict | None, str]:
    """The statistical outcome of a quantitative pledge (or None) and how it was measured."""
    spec = statistical_spec(pledge)
    if pledge.metric == "jobs" and pledge.quantitative and spec:
        return assess_series(inputs, pledge, spec, out, forecasts, backtests), "통계: 취업자 순증 전망"
    if pledge.metric == "firms" and pledge.quantitative and "ai_mou" in pledge.measured_facts:
        return assess_mou(inputs, pledge, out, deadline_of(pledge, inputs.assumptions)[0]), \
            "통계: 업무협약 추세 × 입주 비율"
    return None, ""


def _from_facts(pledge, pairs) -> tuple[str, str, str]:
    """(status, method, reason) from dated facts alone."""
    label = rules.from_evidence(pairs)
    if label != rules.UNKNOWN:
        decisive = [item for item in pledge.evidence if item.means in rules.DECISIVE]
        return label, "날짜가 있는 사실", (f"판단 근거 사실 {len(decisive)}건: '달성' 보도가 있으면 달성, "
                                          f"없으면 가장 최근 사실이 결정")
    reason = ("공약에 수치가 없거나 이를 재는 통계가 없고, 관련 사실 자료도 없음" if not pledge.evidence else
              "관련 사실은 맥락일 뿐 판단 근거가 되지 않음")
    return label, "측정 수단 없음", reason


def _status_row(inputs, pledge, outcome, method, pairs, lines) -> dict:
    if outcome is not None:
        label = rules.from_probability(outcome["probability"], outcome["reached"], inputs.assumptions)
        reason = f"{outcome['model']} 기준 {outcome['deadline']}년까지 목표 수준에 이를 확률 {outcome['probability']:.0%}"
        lines = [f"통계: 이 공약의 결과 표 ({pledge.id})", *lines]
        probability = outcome["probability"]
    else:
        label, method, reason = _from_facts(pledge, pairs)
        probability = np.nan
    if label != rules.UNKNOWN and not lines:
        raise AssertionError(f"{pledge.id}: status {label} without evidence")
    outcome = outcome or {}
    return {"pledge_id": pledge.id, "status": label, "method": method, "probability": probability,
            "reason": reason, "evidence": " | ".join(lines), "series": outcome.get("label", ""),
            "model": outcome.get("model", ""), "target_level": outcome.get("target", np.nan),
            "deadline": outcome.get("deadline", pledge.deadline_year or np.nan)}


def assess(assumptions: Assumptions = DEFAULT) -> Assessment:
    """The full assessment of every pledge in the registry."""
    inputs = Inputs(assumptions)
    pledges = registry()
    results, statuses, forecasts, backtests = [], [], [], []
    investment = investment_table(inputs)
    mou = pd.DataFrame()
    for pledge in pledges.values():
        out = ResultRows(pledge)
        outcome, method = _measure(inputs, pledge, out, forecasts, backtests)
        if outcome is not None and "mou" in outcome:
            mou = outcome["mou"]
        if pledge.investment_trillion_krw:
            assess_investment(pledge, pledges, out, investment)
        if pledge.metric == "jobs" and pledge.quantitative:
            track_record_row(inputs, out)
        pairs, lines = collect(inputs, pledge)
        statuses.append(_status_row(inputs, pledge, outcome, method, pairs, lines))
        results.extend(out.items)
    return Assessment(
        results=pd.DataFrame(results), statuses=pd.DataFrame(statuses),
        forecasts=pd.concat(forecasts, ignore_index=True) if forecasts else pd.DataFrame(),
        backtests=pd.concat(backtests, ignore_index=True) if backtests else pd.DataFrame(),
        investment=investment, mou=mou, ggm=ggm_table(inputs))
