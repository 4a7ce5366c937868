"""Korean names of codes, and the 용어·방법 appendix: method names and formulas live here and on
the analysts' pages, never in a page's lead box (JARGON lists what a lead may not say)."""
from __future__ import annotations

from ...assess import rules
from ...assess.forecast import MODEL_NAMES_KO

ROLE = {"candidate": "후보 공약", "city": "시 계획"}
METRIC = {"jobs": "일자리", "firms": "기업 수", "investment": "투자액", "designation": "지정", "facility": "시설",
          "policy": "정책 방향", "agreement": "업무협약"}
JOBS_KIND = {"gross": "총 창출", "net": "순증", "not stated": "명시되지 않음", "not applicable": "해당 없음"}
SMART = {"specific": "구체성", "measurable": "측정 가능성", "achievable": "목표의 현실성(발표 당시)", "relevant": "관련성",
         "time_bound": "기한"}
MODEL = MODEL_NAMES_KO
# What decided a status, in a reader's words (CONTRACT.md decided_by; today's `method` codes)
DECIDED_BY = {"statistic": "공식 통계", "delivery": "과거 약속의 이행 기록", "mou": "업무협약 수와 실제 입주 비율",
              "ai_jobs": "AI 기업 수와 기업당 일자리", "stage": "사업의 현재 단계", "facts": "날짜 있는 보도",
              "components": "부분별 상태", "parts": "부분별 상태", "none": "판정할 보도 없음", "unmeasurable": "측정 불가"}
MEANING = rules.MEANING_KO
NOT_STATED = "명시되지 않음"
YES_NO = {True: "예", False: "아니오"}

# Words a non-statistician does not know: never in a lead box (tests/test_report_pages.py checks).
JARGON = ("모형", "베타", "이항", "포아송", "과산포", "륭-박스", "제프리스", "변이-할당", "확률보행", "표류",
          "검정력", "백테스트", "민감도", "견고", "취약", "유의수준", "분위수", "ETS", "ARIMA", "OLS", "구간 보정",
          "합성통제", "위약", "외부 관점", "시나리오")

# The 용어·방법 appendix: each term a page uses, in plain words; method names and formulas here only.
GLOSSARY = {
    "판정이 바뀔 수 있음": "기본 가정 대신 다른 그럴듯한 가정을 하나씩 넣어 다시 계산했을 때, 일부 계산에서 상태가 달라지는 "
                   "판정. 어떤 가정이 상태를 바꾸는지 '가정을 바꿔도 판정이 같은가'에 적습니다.",
    "안정적": "다른 그럴듯한 가정을 하나씩 넣어 다시 계산해도 상태가 그대로인 판정.",
    "구간": "값이 표시된 확률(예: 80%)로 들어갈 것으로 보는 범위. 80% 구간이면 열에 여덟은 그 안에 든다는 뜻입니다.",
    "검정력": "공약을 모두 이행했다면 통계가 그 차이를 알아챌 확률. 낮으면 통계가 이행 여부를 가려내지 못하므로 "
           "상태를 정하는 데 쓰지 않습니다.",
    "최소 검출 규모": "통계가 80% 확률로 알아챌 수 있는 가장 작은 일자리 증가. 공약이 이보다 작으면 통계로는 보이지 않습니다.",
    "백테스트": "과거의 한 해를 기점으로 그때까지의 자료만으로 예측하고, 실제 값과 비교해 예측이 얼마나 틀렸는지 재는 방법. "
             "여러 시도의 오차를 모아 예측구간의 폭과 치우침을 보정합니다(몇 곳이 들어갔는지는 오차 표에 적음).",
    "예측구간": "전망이 이 범위에 들 확률이 표시된 만큼(예: 80%)이라는 구간. 백테스트 오차로 폭을 정합니다.",
    "점점 약해지는 추세(지수평활)": "최근 값에 더 큰 무게를 두고 추세가 점차 약해진다고 보는 전망 모형(ETS).",
    "평균 증가분 연장(랜덤워크)": "해마다 과거 평균 증가분만큼 늘고 그 위에 예측할 수 없는 변동이 더해진다고 보는 모형(ARIMA).",
    "선형 추세": "해마다 같은 양만큼 늘어난다고 보는 직선 모형(최소제곱 회귀).",
    "과거 약속의 이행 기록": "광주가 과거에 발표한 투자·일자리 약속이 실제로 몇 %나 이행됐는지를 모아, 이번 공약이 같은 "
                    "부류의 한 사례라면 얼마나 이행될지를 구간과 함께 추정합니다(방법: 베타-이항 모형, '전달 모형').",
    "업무협약 수와 실제 입주 비율": "누적 업무협약 수가 구간마다 일정한 월평균 속도로 늘어난다고 보고, 협약 기업 중 실제로 "
                         "광주에 자리 잡은 비율을 곱해 기한까지의 입주 기업 수를 모의실험으로 전망합니다(방법: 포아송 "
                         "계수 모형, 과산포 보정, 비율은 제프리스 구간).",
    "AI 기업 수와 기업당 일자리": "기한 말 광주에 자리 잡은 AI 기업 수의 전망에, 시가 밝힌 기업당 일자리 수를 곱해 AI 기업 "
                        "일자리를 추정합니다.",
    "과산포": "자료가 단순한 무작위 발생(포아송)보다 더 들쭉날쭉한 정도. 1보다 크면 전망 구간을 그만큼 넓힙니다.",
    "외부 관점": "이 공약만 보지 않고, 다른 시도들이 과거에 자기 추세보다 공약만큼 더 성장한 적이 얼마나 흔했는지를 보는 방법.",
    "변이-할당 분석": "각 산업이 전국과 같은 속도로 자랐다면 광주의 취업자가 얼마였을지를 계산해, 산업 구성의 몫과 "
                 "지역 고유의 몫을 나누는 방법.",
    "합성통제": "광주와 과거 흐름이 비슷하도록 다른 시도를 가중 평균한 '합성 광주'를 만들어, 기준 연도 뒤 둘의 차이를 "
            "보는 방법. 다른 시도에 같은 계산을 해 보는 위약 검정으로 우연한 차이의 크기를 잽니다.",
    "현재 추정": "올해의 월별 자료로 올해 연평균을 미리 추정한 값. 남은 달의 계절 차이는 과거 해들로 보정합니다.",
    "순증과 총 창출": "공약의 '일자리 창출'은 새로 생긴 일자리의 총량이고, 취업자 수 변화는 생긴 일자리에서 사라진 "
                "일자리를 뺀 순증입니다. 거주지 기준 조사라 전남에서 출퇴근하는 사람의 일자리는 광주 취업자에 잡히지 않습니다.",
    "업무협약": "기업·기관이 광주에 투자하거나 들어오겠다고 맺은 협약. 협약은 이전이 아니며, 실제 입주 비율은 시 발표로 따로 봅니다.",
}

# The terms each measure row uses (its page's 용어·방법 explains them)
TERMS_BY_MEASURE = {
    "share_of_level": ("순증과 총 창출",), "baseline": ("백테스트", "예측구간"), "probability": ("백테스트", "예측구간"),
    "power": ("검정력",), "minimum_detectable": ("최소 검출 규모",), "outside_view": ("외부 관점",),
    "delivered": ("과거 약속의 이행 기록", "구간"), "mou_rate": ("업무협약 수와 실제 입주 비율", "업무협약"),
    "mou_dispersion": ("과산포",), "presence_share": ("구간",), "shift_share": ("변이-할당 분석",),
    "synthetic_gap": ("합성통제",), "nowcast": ("현재 추정", "구간"), "present_firms": ("구간",),
}

# The terms each part of a page uses (pages ask for them by these names)
USES = {"fragile": ("판정이 바뀔 수 있음",), "forecast": ("백테스트",), "reading": ("순증과 총 창출", "업무협약"),
        "mou": ("업무협약",), "region_summary": ("예측구간",), "employment": ("순증과 총 창출",)}
PERSONS, PIECES = "명", "개"  # units: people, things (jobs, firms)
