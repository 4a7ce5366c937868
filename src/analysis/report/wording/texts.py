"""Fixed Korean of the reports: section titles, captions, notes, caveats, interface words, and
short phrases built from codes. Sentences that carry numbers are in sentences.py."""
from __future__ import annotations

from .terms import MODEL

UI = {"skip": "본문 바로가기", "toc": "목차", "download": "CSV 내려받기", "nav": "보고서 이동", "index": "점검표",
      "overview": "종합", "back": "점검표로 돌아가기", "analyst": "분석가용 자료(실행된 노트북)", "no_sources": "이 페이지는 외부 출처를 인용하지 않습니다.",
      "archive": "보관본", "companion": "같은 기자회견을 보도한 기사", "empty": "해당 공약 없음",
      "all": "전체", "status": "상태", "role": "구분", "shown": "개 표시", "lead": "요약", "context": "참고",
      "table_id_unconfirmed": "표 ID 미확인: 까닭은 재현 정보에",
      "sorted_up": "오름차순으로 정렬됨", "sorted_down": "내림차순으로 정렬됨", "sort_hint": "눌러서 정렬",
      "feed": "상태 변화 피드(Atom)", "package": "전체 점검 자료(데이터 패키지)", "deciding": "판정을 정함",
      "context_only": "참고: 판정에 쓰지 않음", "statistic_context": "통계로는 가려낼 수 없어 판정에 쓰지 않음",
      "changed": "상태가 바뀐 날", "what_would_change": "무엇이 바뀌면 판정이 바뀌나", "reason": "판단 근거",
      "robustness": "판정 안정성", "as_of": "자료 기준일", "checked": "최종 확인일", "decided_by": "판단 근거의 종류",
      "print_date": "지면 표기일", "kosis_table": "KOSIS 표", "source_column": "출처"}
SECTIONS = {"quote": "공약 원문", "evidence": "판단 근거가 된 보도", "timeline": "날짜별 경과",
            "numbers": "수치로 본 점검", "robustness": "가정을 바꿔도 판정이 같은가", "smart": "공약의 점검 가능성",
            "assumptions": "부록: 이 판정이 기대는 가정", "glossary": "용어·방법", "sources": "출처",
            "articles": "두 기사와 그 뒤", "ledger": "같은 대상, 여러 숫자", "tally": "상태 분포", "events": "주요 경과", "track-record": "과거 약속과 실제",
            "scale": "상태 척도", "reading": "일자리 수치 읽는 법", "employment": "취업자 추이", "rate": "고용률",
            "ranking": "17개 시도 가운데", "forecast": "전망과 검증", "firms": "사업체와 종사자",
            "catalog": "카탈로그의 다른 표", "pledges": "공약별 상태", "downloads": "내려받기",
            "data": "자료와 읽는 법"}
UI_SOURCE = UI["source_column"]
CITATION = "{site}, {page}: {title}. 출처를 밝히면 자유롭게 다시 쓸 수 있습니다."
CHART = {"interval": "{level} 구간", "estimate": "가장 그럴듯한 값", "pledge": "약속 {target}", "published": "공표값",
         "derived": "산출값 (15세 이상 인구 × 고용률)", "persons": "명", "actual": "실적", "chosen": " (고른 방법)",
         "band": "고른 방법의 80% 예측구간", "mou": "누적 AI 업무협약 수", "present": "기한 말 입주 기업 전망 ({level} 구간)",
         "count": "개", "pledge_ratio": "공약 {value}명/조원", "per_trillion": "1조원당 일자리 (명, 로그 눈금)",
         "pledges": "공약 수", "rate": "고용률 (%)", "growth": "취업자 증가율 (%)", "deadline": "기한 {year}년 말",
         "candidate": " 후보", "fastest": "가동: 가장 빠른 선례대로", "typical": "가동: 보통의 선례대로"}
COVERS = {"direct": "직접 고용", "induced": "유발 고용", "direct+indirect": "직·간접 고용", "supplier": "협력사",
          "not stated": "밝히지 않음"}
NAV = {"previous": "← 이전: {title}", "next": "다음: {title} →", "related": "관련: {title}"}
REPRODUCTION = "재현 정보 (분석가용: 원자료 행, 해시, 버전)"
MEANINGS_NOTE = ("의미: 달성(약속한 일이 이루어짐), 진전(한 걸음 나아감), 차질(최종적이지 않은 후퇴), "
                 "실패(결정적 사건이 불리하게 끝남), 완공 예정(그 해에 완공을 예정함: 기한보다 늦으면 지연), "
                 "맥락(판정에 쓰지 않는 관련 정보).")
TIMELINE_HELD = "지난 날짜의 상태를 다시 계산할 때 그날 값 대신 지금 값을 쓴 자료: {held}."
TIMELINE_NOTE = ("보도가 나온 날마다, 그날까지 알려진 사실만으로 규칙을 다시 적용한 상태입니다(손으로 적지 않음). "
                 "상태가 바뀐 날은 굵게 표시합니다.")
NET_VERSUS_GROSS = (
    "공약의 '일자리 창출'은 총량이고, 경제활동인구조사의 취업자 수는 거주지 기준 순증입니다. 빛그린산단은 전남 함평에 "
    "걸쳐 있어 전남에서 출퇴근하는 사람의 일자리는 광주 취업자에 잡히지 않고, 다른 곳의 일자리가 줄면 순증은 작아집니다. "
    "그래서 취업자 수가 목표 수준에 이르는 것은 공약 이행의 필요조건도 충분조건도 아니며, 통계로 공약 규모만큼의 "
    "변화를 충분히 알아볼 수 있을 때만 상태를 정하는 데 씁니다.")
MOU_CAVEAT = (
    "업무협약 수는 협약 건수일 뿐 이전한 기업 수가 아닙니다. 초기에는 기업과 기관이 섞여 있고, 2025년 9월부터는 "
    "'AI·반도체' 기업을 셉니다. 'AI 전문기업' 수를 세는 공식 통계는 없습니다.")
INVESTMENT_CAVEAT = (
    "한국은행 계수는 최종수요 10억 원당 경제 전체에서 생기는 취업자 수로, 투자액 대비 직접 고용과 다릅니다. 2020년 "
    "고용표는 전업환산 기준을 주 40시간에서 36시간으로 바꿔 2015년 값과 엄밀히 비교할 수 없습니다. 반도체 공장의 직접 "
    "고용은 투자액에 비해 매우 적습니다.")
FIRMS_CAVEAT = ("2020년부터 등록부 기반 집계라 2019년 이전 조사와 비교할 수 없습니다. 'AI 기업' 수를 세는 공식 통계는 "
                "없습니다.")
REGION_DATA = ("취업자 수는 통계청 경제활동인구조사의 연간 값입니다. 2015년부터는 산업별 취업자 표의 공표값(계)이고, "
               "2000–2014년은 같은 조사의 15세 이상 인구 × 고용률로 계산한 값입니다(그림에서 속이 빈 점). 이 값들은 거주지 "
               "기준 순변화(취업자 수의 증감)이며, 공약이 말하는 일자리 창출(새로 생긴 일자리의 총량)과 같지 않습니다.")
REGION_TARGETS = ("이 시도의 일자리 공약은 통계가 아닌 다른 근거로 판정하므로, 취업자 그림에 공약 목표를 그리지 않습니다. "
                  "판정과 그 근거는 각 공약 보고서에 있습니다.")
OVERVIEW_INTRO = ("두 기사(아래 '두 기사와 그 뒤')의 광주 일자리·산업 공약을 모두 기록하고, 공식 통계와 날짜가 있는 보도에 "
                  "비추어 공약의 숫자가 맞는지, 아직 이룰 수 있는지를 점검합니다. 상태는 손으로 매기지 않고 문서화된 "
                  "규칙으로 계산하며, 가정을 바꾸면 무엇이 달라지는지도 함께 보입니다.")
ARTICLES_NOTE = ("후보 공약은 시의 정책이 되지 않았어도 약속으로서 점검합니다. 시 계획은 2022년 7월 시장이 바뀐 뒤에도 "
                 "사업이 이어졌는지를 봅니다.")
EVENTS_NOTE = "상태를 정한 날짜 있는 보도를 날짜순으로 모았습니다(맥락 보도는 빼고)."
TRACK_NOTE = ("미국 의회예산처가 자기 전망을 실제와 견주듯, 광주에서 발표된 계획·목표를 실제와 견줍니다. "
              "과거 약속의 이행 기록이 이 사례들에서 출발합니다.")
SCALE_NOTE = ("공약 추적 사이트(폴리티팩트의 '오바미터', '폴리미터')처럼 공약을 원문 그대로 인용하고, 상태마다 날짜 있는 "
              "근거를 붙이며, 판단하지 못한 공약은 '측정 불가'와 '자료 미확보'로 나눠 밝힙니다.")
FORECAST_NOTE = ("세 가지 방법으로 전망하고, 여러 시도의 과거 연도를 기점으로 실제 값과 비교한 오차로 구간의 폭과 "
                 "치우침을 보정합니다. 오차가 가장 작은 방법을 고릅니다(방법의 이름은 용어·방법에).")
SMART_NOTE = ("공약 문장이 점검할 수 있게 쓰였는지 발표 당시 기준으로 다섯 가지(구체성, 측정 가능성, 목표의 현실성, 관련성, "
              "기한)를 봅니다. 지금의 판정과 다를 수 있습니다.")
NO_EVIDENCE = "이 공약에 연결된 날짜 있는 보도가 없습니다."
SEARCHES_NOTE = ("이 공약에 대해 기록된 검색은 {n}건입니다. 최근 {shown}건의 검색어를 아래에 적고, 검색마다 찾은 것(찾지 못한 것까지)은 "
                 "CSV에 있습니다.")
SEARCH_LABELS = {"date": "날짜", "corpus": "자료 모음", "query": "검색어", "found": "찾은 것"}
INDEX_HELP = ("열 제목을 누르면 정렬하고, 상태·구분으로 거를 수 있습니다. 공약 이름을 누르면 근거와 출처가 있는 보고서가 "
              "열립니다.")
ANALYST_INTRO = ("보고서마다 실행된 노트북(.ipynb)과, 표·그림의 자료가 든 폴더입니다. 폴더의 CSV는 화면에 보이는 대로 "
                 "반올림한 한국어 표이고, '-full.csv'는 영어 열 이름과 전체 자릿수의 분석가용 표, '-metadata.json'은 "
                 "제목·단위·출처·라이선스·인용 방법을 담은 설명 파일(CSVW)입니다. 노트북은 JupyterLab(make lab)에서 "
                 "열 수 있습니다.")
OVERRIDDEN = "이 보고서는 가정을 바꿔 상태를 다시 계산했습니다({names}). 아래 수치·이력·민감도는 기본 가정의 것입니다."

WHAT_WOULD_CHANGE = {
    "delivery": "부분 공약의 판정이나, 실제 채용·착공 인원의 보도가 바뀌면 합계 전망과 판정이 함께 바뀝니다.",
    "stage": "시설이 다음 단계(투자자 확정·협약·지정·부지 확보·착공)에 이르렀다는 날짜 있는 보도가 나오거나, 더 빠른 "
             "선례가 확인되면 가동 시점 전망과 판정이 바뀝니다. 새 보도가 없어도 기한이 다가오면 판정이 나빠질 수 있습니다.",
    "ai_jobs": "시가 발표하는 AI 기업 수나 기업당 일자리가 전망 범위를 크게 벗어나면 상태가 바뀝니다.",
    "mou": "시가 발표하는 실제 입주 기업 수가 전망 범위를 벗어나거나 협약 속도가 크게 바뀌면 상태가 바뀝니다.",
    "statistic": "취업자 수가 목표 수준 위나 아래로 뚜렷이 벗어나면 상태가 바뀝니다.",
    "facts": "판단 근거보다 새로운 진전·차질·완료 보도가 나오면 그 보도가 상태를 정합니다.",
    "components": "가장 나쁜 부분에 대한 새 보도가 나와야 전체 상태가 나아질 수 있습니다.",
    "parts": "가장 나쁜 부분의 상태가 바뀌어야 전체 상태가 나아질 수 있습니다.",
    "none": "지정·착공·예산·개소 같은 날짜 있는 보도가 나오면 그 보도로 상태를 정합니다.",
    "unmeasurable": "공약에 수치나 관찰할 결과가 없어 상태를 매기지 않습니다. 구체적 목표가 발표되면 측정할 수 있습니다.",
}
FLIPPED = "가정을 바꾸면: {flips}."
SCENARIO_VALUES = {
    "baseline": {"trend": "추세", "level": "기준 연도 수준"},
    "model": {"selected": "백테스트 선택", **MODEL},
    "mou_regimes": {"breaks": "구간 나눔", "single": "한 구간"},
    "reference_cases": {"class": "같은 부류", "pooled": "모두"},
    "reference_target": {"matched": "맞는 목표", "other": "다른 목표"},
    "delivery_overshoot": {"keep": "그대로", "censor": "약속 이상으로만"},
    "jobs_reading": {"stated": "사업별 읽기", "direct": "직접 고용"},
}
PERCENT_ASSUMPTIONS = ("on_track_probability", "unlikely_probability", "power_threshold", "detect_alpha",
                       "full_delivery_share")
YEAR_ASSUMPTIONS = ("base_year", "undated_deadline", "train_start", "backtest_first_origin", "selection_horizon",
                    "trend_years", "recent_years")


FRAGILE_PREFIX = "판정이 바뀔 수 있음"
NONE = "없음"
NO_NUMBER = "수치로 판정하지 않음"
ARTICLE_EVENT = "공약 발표"
ASSUMED_DEADLINE = "명시되지 않음 (판정은 {year}년으로 가정)"
META = "자료 기준일 {as_of} · 최종 확인일 {checked} · 판단 근거의 종류: {kind}"
ROBUSTNESS_NOTE = ("기본 가정 대신 다른 그럴듯한 가정을 하나씩 넣어 다시 계산해 본 결과입니다. 상태를 바꾸는 가정이 "
                   "있으면 아래 표에 적습니다.")
DETECT_LABEL = "통계로 보이는가"
FIELDS = {"role": "구분", "metric": "지표", "target": "목표", "investment": "투자 규모", "deadline": "기한",
          "geography": "지역", "jobs_kind": "일자리 구분"}
COLUMNS = {"date": "날짜", "event": "무슨 일", "meaning": "의미", "why": "이 공약에 대한 뜻", "quote": "원문 인용",
           "part": "부분", "status": "상태", "reason": "근거", "status_then": "그때의 상태", "changed": "상태가 바뀜",
           "assumption_changed": "바꾼 가정", "criterion": "기준", "met": "충족", "why_short": "이유",
           "assumption": "가정", "value": "값", "measure": "측정", "use": "판정에 쓰였나", "case": "과거 약속",
           "actual_over_plan": "실제 ÷ 계획", "delivered_share": "이행 비율", "comparison": "비교 대상",
           "per_trillion": "1조원당 일자리", "covers": "포함 범위", "as_of": "기준", "persons": "인원", "kind": "구분", "plan_or_count": "계획·실적",
           "of_plan": "계획 {plan} 대비", "report": "보도", "pledge": "공약", "scale": "규모 (기한)",
           "share_of_employed": "{year}년 취업자 대비", "year": "연도", "rate": "고용률 (%)", "basis": "근거",
           "model": "방법", "forecast": "{year}년 전망", "interval80": "80% 예측구간", "horizon": "몇 년 앞",
           "forecasts": "예측 수", "mean_error": "평균 오차", "mae": "평균 절대 오차", "rmse": "평균 제곱근 오차",
           "two_thirds": "가운데 3분의 2", "coverage": "보정 뒤 80% 구간 적중", "industry": "산업",
           "establishments": "사업체 수 {year}년", "workers": "종사자 수 {year}년", "workers_change": "종사자 증감 {span}",
           "outlet": "매체", "projected": "약속한 수", "actual": "실제", "relative_error": "상대 오차", "rule": "규칙",
           "count": "공약 수", "title": "공약", "robust": "판정 안정성", "key": "핵심 수치", "deadline": "기한",
           "checked": "기준일", "region": "지역", "unit": "단위", "item": "항목", "sex": "성별", "age": "연령",
           "notebook": "노트북", "folder": "자료 폴더", "built": "빌드 (KST)", "report_name": "보고서", "total": "계"}
CAPTIONS = {"parts": "부분별 상태: 전체는 가장 나쁜 부분보다 나을 수 없음", "component": "부분 ‘{name}’의 보도",
            "evidence": "날짜 있는 보도와 공약 기사", "timeline": "날짜별 경과: 그날의 상태와 일어난 일",
            "flips": "상태를 바꾸는 가정", "smart": "공약 문장 점검", "assumptions": "가정과 그 이유",
            "measures": "측정과 구간: 판정을 정한 값과 참고 값",
            "forecast": "{label}: 실적, 전망(80% 예측구간)과 목표 수준",
            "forecast_context": "참고(판정에 쓰지 않음): {label}의 실적과 전망, 80% 예측구간",
            "cases": "과거 약속의 이행 기록 (광주에서 발표된 계획과 실제)",
            "mou": "판정을 정한 값: 누적 AI 업무협약 수(발표 시점별)와 기한 말 입주 기업 전망, 약속(점선)",
            "investment": "1조원당 일자리: 공약(점선)과 비교 사업·계수", "comparisons": "비교 대상",
            "ledger": "같은 대상의 여러 공식 숫자: {name}",
            "stage": "판정을 정한 값: {project}의 단계(날짜별)와 선례대로 본 가동 시점, 기한(점선)",
            "ggm": "광주글로벌모터스 고용 인원과 정규직 채용 계획 (광주형 일자리 1호)"}
CHART_WHAT = {"delivery": "{deadline}년까지 채울 것으로 보는 일자리", "ai_jobs": "{deadline}년 광주 AI 기업의 일자리"}
LEDGER_KIND = {"direct": "직접 고용", "induced": "유발 고용", "unstated": "밝히지 않음"}
LEDGER_PLAN = {True: "계획·전망", False: "실적"}
LEDGER_NOTE = ("같은 대상을 두고 나온 공식 숫자들입니다. 유발 고용(다른 산업에 생길 것으로 추정한 일자리)과 계획·전망은 "
               "실제로 생긴 일자리가 아니므로, 일자리 공약의 달성 여부를 재는 데 쓰지 않습니다.")
PART_COUNTED = {"estimated": "과거 이행 기록으로 추정", "unreachable": "기한까지 이룰 수 없음",
                "as_promised": "세는 자료가 없어 약속한 만큼 셈"}
PARTS_LABELS = {"part": "부분 공약", "amount": "셈한 일자리 (개)", "how": "어떻게 셌나"}
STAGE_LABELS = {"label": "단계", "date": "날짜", "candidate": "후보 단계", "note": "설명"}
DECIDING_LABELS = {"estimate": "추정값", "low": "구간 아래", "high": "구간 위", "level": "구간 수준", "target": "약속"}
FORECAST_LABELS = {"year": "연도", "value": "실적 (천 명)", "mean": "전망 (천 명)", "lower_80": "80% 구간 아래 (천 명)",
                   "upper_80": "80% 구간 위 (천 명)", "kind": "구분"}
MOU_LABELS = {"as_of_date": "기준일", "value": "누적 업무협약 (건)"}
INVESTMENT_LABELS = {"comparison": "비교 대상", "jobs_per_trillion_krw": "1조원당 일자리 (명)"}
GGM_UNITS = {"hired": "채용 누계", "employees": "직원", "jobs": "일자리"}


OVERVIEW_TITLE = "종합: 광주 일자리·산업 공약 점검"
TALLY_LEAD = "공약 {n}개의 상태:"
SEE_INDEX = "공약마다의 상태·근거·핵심 수치는 점검표(index.html)에 있습니다."
CAPTIONS_OVERVIEW = {"tally": "상태별 공약 수", "by_role": "상태별·구분별 공약 수", "events": "판단에 쓰인 보도",
                     "track": "과거 약속과 실제", "errors": "취업자 전망 방법의 과거 오차 ({regions}개 시도, 실제 값 대비)",
                     "scale": "상태와 규칙", "owners": "누가 지켜야 하나: 표시와 뜻"}


CAPTIONS_REGION = {"employment": "{region} 취업자 (속이 빈 점은 산출값)", "pledges": "이 시도의 일자리 공약과 판정",
                   "rate": "{region} 고용률 (최근 12년)", "rate_rank": "시도별 고용률 ({year}년, {region} 강조)",
                   "growth_rank": "시도별 취업자 증가율 ({first}–{last}년, {region} 강조)",
                   "forecast": "{region} 취업자 실적과 전망 (고른 방법 굵게, 80% 예측구간)",
                   "at_year": "{year}년 전망", "errors": "{model}의 과거 예측 성적 ({regions}개 시도, 실제 값 대비 상대 오차)",
                   "firms": "전국사업체조사: 종사자가 많은 12개 산업 ({region})"}
HISTORY_LABELS = {"year": "연도", "value": "취업자 (천 명)", "derived": "산출값 여부"}
RANK_LABELS = {"region": "시도", "employment_rate": "고용률 (%)", "rate_rank": "고용률 순위",
               "employed_growth": "취업자 증가율", "growth_rank": "증가율 순위"}
SEJONG_NOTE = "세종은 2012년 출범한 도시라 증가율이 예외적으로 큽니다(2017년부터 공표)."
CATALOG_NOTE = "자료 카탈로그에서 지역 보고서에 보이도록 표시한 표입니다(최근 8개 시점, 자료에 있는 조합만)."


UI["none"] = NONE
INDEX_WORDS = {"overview": "종합 보고서", "regions": "지역 보고서", "tally": "한눈에", "tally_caption": "상태별 공약 수: 지금 누가 책임지는가에 따라",
               "total": "계", "help": INDEX_HELP, "caption": "공약 점검표"}
SCORECARD_COLUMNS = [{"title": "공약", "css": ""}, {"title": "구분", "css": ""}, {"title": "누가 지켜야 하나", "css": ""},
                     {"title": "상태", "css": ""},
                     {"title": "판정 안정성", "css": ""}, {"title": "판정을 정한 값", "css": ""},
                     {"title": "판단 근거", "css": ""}, {"title": "기한", "css": ""}, {"title": "기준일", "css": ""}]
ANALYST_WORDS = {"title": "분석가용 자료", "intro": ANALYST_INTRO, "notebook": "실행된 노트북",
                 "columns": ["보고서", "노트북", "자료 폴더", "빌드 (KST)"], "revision": "빌드 git 리비전"}
NOT_BUILT = "빌드되지 않음"


BUILD = {"dirty": " (커밋하지 않은 변경 포함)", "no_git": "알 수 없음 (git 저장소가 아님)", "report": "보고서",
         "parameters": "매개변수", "build": "빌드", "packages": "패키지", "vintage": "자료 시점"}


SUMMARY_ROW = "요약(상대오차)"  # the projections table's summary row (assess/results.py)


OWNER_BADGES = {"not_adopted": "채택 안 됨", "dropped": "철회됨", "held": "책임: {holder}",
                "changed": "바뀐 사업만 책임: {holder}"}
OWNER_SCALE = [("not_adopted", "채택 안 됨", "후보의 공약인데 어느 시 정부도 받아들이지 않음: 지금 이 약속을 지킬 의무가 있는 곳이 없음"),
               ("held", "책임: (시 정부)", "그 시 정부가 공약·계획을 발표했거나 받아들였거나 앞 시 정부로부터 넘겨받아, 지금 지킬 의무가 있음"),
               ("changed", "바뀐 사업만 책임: (시 정부)", "시 정부가 공약과 비슷한 사업을 내용을 바꿔 추진함: 바뀐 사업은 책임지지만, "
                "후보가 내건 규모·수치까지 약속한 것은 아님"),
               ("dropped", "철회됨", "책임지던 시 정부가 사업을 그만둠")]
OWNER_SHORT = {"not_adopted": "채택 안 됨", "held": "책임", "changed": "바뀐 사업만 책임", "dropped": "철회됨"}
OWNER_NOTE = ("상태 배지 앞의 표시는 누가 이 약속을 지금 지켜야 하는지를, 상태 배지는 약속한 일이 (누가 하든) 이루어졌거나 "
              "이루어지고 있는지를 말합니다.")
SECTIONS["whose"] = "누구의 약속인가"
UI["owner_scale"] = "누가 지켜야 하나"
UI["searches"] = "찾아본 검색"


