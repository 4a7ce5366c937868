"""Korean words the reports print, in one place: labels of codes, the names of methods and their
용어 설명, caveats, and what would change each kind of verdict."""
from __future__ import annotations

from ..assess import rules
from ..assess.forecast import MODEL_NAMES_KO

ROLE_KO = {"candidate": "후보 공약", "city": "시 계획"}
METRIC_KO = {"jobs": "일자리", "firms": "기업 수", "investment": "투자액", "designation": "지정", "facility": "시설",
             "policy": "정책 방향", "agreement": "업무협약"}
JOBS_KIND_KO = {"gross": "총 창출", "net": "순증", "not stated": "명시되지 않음", "not applicable": "해당 없음"}
SMART_KO = {"specific": "구체성", "measurable": "측정 가능성", "achievable": "달성 가능성", "relevant": "관련성",
            "time_bound": "기한"}
MODEL_KO = MODEL_NAMES_KO
METHOD_KO = {"statistic": "공식 통계", "delivery": "과거 사례로 본 전달 모형", "mou": "업무협약 계수 모형",
             "facts": "날짜 있는 보도", "components": "구성 부분", "none": "판단 근거 없음", "unmeasurable": "측정 불가",
             "ai_jobs": "AI 기업 수 × 기업당 일자리", "stage": "사업 단계와 준비 기간", "parts": "부분 공약"}
ROBUSTNESS_KO = {"stable": "안정적", "fragile": "판정이 바뀔 수 있음", "not_applicable": "해당 없음"}
UNIT_KO = {"ratio": "", "probability": "", "years": "년치", "천명": "천 명"}
NOT_STATED_KO = "명시되지 않음"

# What each meaning of an evidence link says (pledge reports and docs/evidence-review.md).
MEANINGS_NOTE = ("의미: 달성(약속한 일이 이루어짐), 진전(한 걸음 나아감), 차질(최종적이지 않은 후퇴), "
                 "실패(결정적 사건이 불리하게 끝남), 맥락(판정에 쓰지 않는 관련 정보).")
GLOSSARY = {
    "검정력": "공약을 모두 이행했다면 통계가 그 차이를 알아챌 확률. 낮으면 통계가 이행 여부를 가려내지 못하므로 "
             "상태를 정하는 데 쓰지 않습니다.",
    "최소 검출 규모": "통계가 80% 확률로 알아챌 수 있는 가장 작은 일자리 증가. 공약이 이보다 작으면 통계로는 보이지 않습니다.",
    "백테스트": "과거의 한 해를 기점으로 그때까지의 자료만으로 예측하고, 실제 값과 비교해 예측이 얼마나 틀렸는지 재는 방법. "
              "17개 시도의 오차를 모아 예측구간의 폭과 치우침을 보정합니다.",
    "예측구간": "전망이 이 범위에 들 확률이 표시된 만큼(예: 80%)이라는 구간. 백테스트 오차로 폭을 정합니다.",
    "감쇠 추세 지수평활": "최근 값에 더 큰 무게를 두고 추세가 점차 약해진다고 보는 전망 모형(ETS).",
    "표류 있는 확률보행": "해마다 과거 평균 증가분만큼 늘고 그 위에 예측할 수 없는 변동이 더해진다고 보는 모형(ARIMA).",
    "선형 추세": "해마다 같은 양만큼 늘어난다고 보는 직선 모형(최소제곱 회귀).",
    "전달 모형": "광주가 과거에 발표한 투자·일자리 약속이 실제로 몇 %나 이행됐는지(과거 사례)를 모아, 이번 공약이 "
              "같은 부류의 한 사례라면 얼마나 이행될지를 구간과 함께 추정하는 모형(베타-이항 모형).",
    "업무협약 계수 모형": "누적 업무협약 수가 구간마다 일정한 월평균 속도로 늘어난다고 보고(포아송 계수 모형), 과산포와 "
                     "속도가 바뀐 시점을 반영해 기한까지의 협약 수와 실제 입주 기업 수를 모의실험으로 전망합니다.",
    "과산포": "자료가 단순한 무작위 발생(포아송)보다 더 들쭉날쭉한 정도. 1보다 크면 전망 구간을 그만큼 넓힙니다.",
    "제프리스 구간": "비율(예: 협약 기업 중 실제 입주 비율)의 불확실성을 나타내는 표준적인 신뢰구간.",
    "외부 관점": "이 공약만 보지 않고, 17개 시도가 과거에 자기 추세보다 공약만큼 더 성장한 적이 얼마나 흔했는지를 보는 방법.",
    "변이-할당 분석": "각 산업이 전국과 같은 속도로 자랐다면 광주의 취업자가 얼마였을지를 계산해, 산업 구성의 몫과 "
                  "지역 고유의 몫을 나누는 방법.",
    "합성통제": "광주와 과거 흐름이 비슷하도록 다른 시도를 가중 평균한 '합성 광주'를 만들어, 기준 연도 뒤 둘의 차이를 "
              "보는 방법. 다른 시도에 같은 계산을 해 보는 위약 검정으로 우연한 차이의 크기를 잽니다.",
    "현재 추정": "올해의 월별 자료로 올해 연평균을 미리 추정한 값. 남은 달의 계절 차이는 과거 해들로 보정합니다.",
    "안정적": "이 판정에 들어가는 가정을 하나씩 바꿔 다시 계산해도 정해진 비율 이상이 같은 상태를 주는 판정.",
    "판정이 바뀔 수 있음": "이 판정에 들어가는 가정 하나만 바꿔도 상태가 바뀌는 경우가 정해진 비율보다 많은 판정. "
                     "아래 표가 바뀌는 가정을 보여 줍니다.",
    "해당 없음": "상태를 매기지 않았거나(측정 불가, 자료 미확보) 판정에 들어가는 가정이 없어 견줄 것이 없음.",
    "순증과 총 창출": "공약의 '일자리 창출'은 새로 생긴 일자리의 총량이고, 취업자 수 변화는 생긴 일자리에서 사라진 "
                "일자리를 뺀 순증입니다. 거주지 기준 조사라 전남에서 출퇴근하는 사람의 일자리는 광주 취업자에 잡히지 않습니다.",
    "업무협약": "기업·기관이 광주에 투자하거나 들어오겠다고 맺은 협약. 협약은 이전이 아니며, 실제 입주 비율은 시 발표로 따로 봅니다.",
}

NET_VERSUS_GROSS = (
    "공약의 '일자리 창출'은 총량이고, 경제활동인구조사의 취업자 수는 거주지 기준 순증입니다. 빛그린산단은 전남 함평에 "
    "걸쳐 있어 전남에서 출퇴근하는 사람의 일자리는 광주 취업자에 잡히지 않고, 다른 곳의 일자리가 줄면 순증은 작아집니다. "
    "그래서 취업자 수가 목표 수준에 이르는 것은 공약 이행의 필요조건도 충분조건도 아니며, 통계가 공약 규모를 가려낼 "
    "검정력이 충분할 때만 상태를 정하는 데 씁니다.")
MOU_CAVEAT = (
    "업무협약 수는 협약 건수일 뿐 이전한 기업 수가 아닙니다. 초기에는 기업과 기관이 섞여 있고, 2025년 9월부터는 "
    "'AI·반도체' 기업을 셉니다. 'AI 전문기업' 수를 세는 공식 통계는 없습니다.")
INVESTMENT_CAVEAT = (
    "한국은행 계수는 최종수요 10억 원당 경제 전체에서 생기는 취업자 수로, 투자액 대비 직접 고용과 다릅니다. 2020년 "
    "고용표는 전업환산 기준을 주 40시간에서 36시간으로 바꿔 2015년 값과 엄밀히 비교할 수 없습니다. 반도체 공장의 직접 "
    "고용은 투자액에 비해 매우 적습니다.")

WHAT_WOULD_CHANGE = {
    "delivery": "실제 채용·착공 인원이 과거 사례의 이행 비율보다 높게 보도되면 전망이 올라가고, 사업 무산 보도가 나오면 "
                "실현 어려움으로 바뀝니다.",
    "mou": "시가 발표하는 실제 입주 기업 수가 전망 구간을 벗어나거나 협약 속도가 크게 바뀌면 상태가 바뀝니다.",
    "statistic": "취업자 수가 목표 수준 위나 아래로 뚜렷이 벗어나면 상태가 바뀝니다.",
    "facts": "판단 근거보다 새로운 진전·차질·완료 보도가 나오면 그 보도가 상태를 정합니다.",
    "components": "가장 나쁜 부분에 대한 새 보도가 나와야 전체 상태가 나아질 수 있습니다.",
    "none": "지정·착공·예산·개소 같은 날짜 있는 보도가 나오면 그 보도로 상태를 정합니다.",
    "unmeasurable": "공약에 수치나 관찰할 결과가 없어 상태를 매기지 않습니다. 구체적 목표가 발표되면 측정할 수 있습니다.",
    "ai_jobs": "입주 기업 수나 기업당 일자리가 새로 보도되면 전망이 바뀝니다.",
    "stage": "투자자 확정·부지 확보·착공 같은 다음 단계가 보도되면 판단이 바뀝니다.",
    "parts": "가장 나쁜 부분 공약의 판단이 바뀌어야 전체가 나아질 수 있습니다.",
}

SCENARIO_VALUES = {
    "baseline": {"trend": "추세", "level": "기준 연도 수준"},
    "model": {"selected": "백테스트 선택", **MODEL_KO},
    "mou_regimes": {"breaks": "구간 나눔", "single": "한 구간"},
}


def value_ko(name: str, value) -> str:
    """An assumption's value as a reader reads it (no Python reprs, no English codes)."""
    if value in (None, "") or (isinstance(value, float) and value != value):
        return {"selection_horizon": "판단 거리와 같게", "excluded_reference_case": "없음"}.get(name, "없음")
    if name in SCENARIO_VALUES:
        return SCENARIO_VALUES[name].get(str(value), str(value))
    if name in ("on_track_probability", "unlikely_probability", "power_threshold", "detect_alpha",
                "full_delivery_share"):
        return f"{float(value):.0%}"
    if name == "interval_levels":
        return ", ".join(f"{float(v):.0%}" for v in value)
    if name == "outside_view_breaks":
        return ", ".join(f"{region} {year}년" for region, year in value)
    if name == "mou_regime_starts":
        return ", ".join(str(v) for v in value)
    if name in ("base_year", "undated_deadline", "train_start", "backtest_first_origin"):
        return f"{int(float(value))}년"
    if name in ("selection_horizon", "trend_years", "recent_years"):
        return f"{int(float(value))}년"
    return str(value)


def status_rule_rows(assumptions) -> list[tuple[str, str]]:
    return [(level.label, level.rule) for level in rules.scale(assumptions).values()]
