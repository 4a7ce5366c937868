"""Every assumption that can move a verdict: a name, a default and the reason for it.

Reports print this table. To try another value, pass it by name (a report's `assumptions`
parameter, or `Assumptions.with_overrides`); an unknown name is refused.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Assumptions:
    base_year: int = 2021
    undated_deadline: int = 2030
    baseline: str = "trend"
    on_track_probability: float = 0.5
    unlikely_probability: float = 0.1
    interval_levels: tuple[float, float] = (0.8, 0.95)
    backtest_first_origin: int = 2010
    backtest_horizon: int = 5
    selection_horizon: int = 5
    calibrate_intervals: bool = True
    mou_presence_fact: str = "ai_mou-069f5b"
    mou_presence_alternative_fact: str = "ai_mou-b18530"
    simulation_draws: int = 20000
    seed: int = 20220405
    outside_view_breaks: tuple[tuple[str, int], ...] = (("충청남도", 2017), ("세종특별자치시", 2017))

    def with_overrides(self, **overrides) -> "Assumptions":
        names = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - names)
        if unknown:
            raise ValueError(f"unknown assumption(s) {unknown}; expected one of {sorted(names)}")
        if overrides.get("baseline", self.baseline) not in ("trend", "level"):
            raise ValueError(f"baseline {overrides['baseline']!r}; expected 'trend' or 'level'")
        return replace(self, **overrides)


REASONS = {
    "base_year": "두 기사(2022-02-10, 2022-04-05) 직전의 마지막 완결 연도: 공약은 이 해에서 출발한다고 봄.",
    "undated_deadline": "기한 없는 일자리 공약은 시즌2 사업 종료 연도(2022–2030, 전자신문 2022-02-10)에 비춰 봄.",
    "baseline": "'trend': 공약 일자리는 base_year까지의 자료로 적합한 추세 위에 더해진다고 봄; 'level': base_year "
                "수준 위에 더함(보통의 추세 성장을 공약 덕으로 돌리게 됨).",
    "on_track_probability": "선택된 모형에서 목표 도달 확률이 이 값 이상이면 정상 추진.",
    "unlikely_probability": "이 값 미만이면 실현 어려움, 그 사이는 지연.",
    "interval_levels": "보여 주는 예측구간: 80%(상태 판단 구간)와 95%.",
    "backtest_first_origin": "롤링 백테스트의 첫 예측 기점: 적합에 최소 10년을 남김.",
    "backtest_horizon": "백테스트는 이 연수 앞까지 예측.",
    "selection_horizon": "이 연수까지의 평균 CRPS(정확도와 예측구간의 정직함을 함께 재는 점수)로 모형 순위를 매김 "
                         "(자료 끝에서 공약 기한까지의 거리).",
    "calibrate_intervals": "모형의 예측구간이 백테스트에서 명목보다 적게 적중하면, 80% 구간이 실제로 80% 적중하도록 "
                           "넓힌 뒤 확률을 계산(좁히지는 않음).",
    "mou_presence_fact": "협약 기업 중 실제 입주 비율: 시의 2025-11-24 발표(349개 중 약 160개).",
    "mou_presence_alternative_fact": "민감도: 시의원의 2024-11 발언(244개 중 142개 실투자).",
    "simulation_draws": "업무협약 전망 모의실험 횟수: 소수 둘째 자리가 안정될 만큼.",
    "seed": "고정 난수 시드: 같은 자료로 다시 빌드하면 같은 숫자.",
    "outside_view_breaks": "이 단절을 걸치는 구간은 제외: 세종은 2012년 충남에서 분리되어 2017년부터 공표되므로 "
                           "충남은 줄고 세종은 0에서 시작.",
}

DEFAULT = Assumptions()


def table(assumptions: Assumptions = DEFAULT) -> list[dict]:
    """Rows of name, value, default and reason, for reports."""
    return [{"name": f.name, "value": getattr(assumptions, f.name), "default": getattr(DEFAULT, f.name),
             "reason": REASONS[f.name]} for f in fields(assumptions)]
