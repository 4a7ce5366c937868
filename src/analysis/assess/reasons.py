"""The Korean reason of each verdict, "[날짜] [매체]: [무슨 일] → [상태]", written from the data
that decided it (never the rule itself). The reports print these sentences as they are."""
from __future__ import annotations

from . import rules


def deadline_text(deadline: int, assumed: bool) -> str:
    return f"{deadline}년{'(가정)' if assumed else ''}"


def from_link(link, status: str) -> str:
    return f"{link.date} {link.outlet}: {link.claim} → {status}"


def late(link, deadline: int, assumed: bool) -> str:
    return f"; {link.date} {link.outlet}: 완공 예정 {link.due}년이 기한 {deadline_text(deadline, assumed)}보다 늦음"


def facts(evidence, status: str, deadline: int, assumed: bool, searches: int, search_date: str) -> str:
    if evidence.deciding is not None:
        text = from_link(evidence.deciding, status)
    elif evidence.late is not None:
        text = f"판단할 진전·차질 보도는 없음{late(evidence.late, deadline, assumed)} → {status}"
        return text
    else:
        return no_data(searches, search_date)
    if evidence.late is not None and status == rules.DELAYED and evidence.deciding.means != "setback":
        text = text.rsplit(" → ", 1)[0] + late(evidence.late, deadline, assumed) + f" → {status}"
    return text


def no_data(searches: int, search_date: str) -> str:
    if not searches:
        return f"이날까지 판단할 보도 없음 → {rules.NO_DATA}"
    return f"{search_date}까지 찾은 판단할 보도 없음 → {rules.NO_DATA}"


def unmeasurable(latest_context) -> str:
    text = "공약에 수치도 관찰할 결과도 없음(방향 제시) → " + rules.UNMEASURABLE
    if latest_context is not None:
        text += f"; 참고: {latest_context.date} {latest_context.outlet}: {latest_context.claim}"
    return text


def components(parts: list[tuple[str, str, str, str]], status: str) -> str:
    counts = {}
    for _, part_status, _, _ in parts:
        counts[part_status] = counts.get(part_status, 0) + 1
    summary = ", ".join(f"{label} {counts[label]}" for label in (*rules.ORDER[::-1], rules.UNMEASURABLE) if label in counts)
    worst_name, _, worst_reason, _ = next(p for p in parts if p[1] == status)
    return f"{len(parts)}개 부분({summary}) 중 가장 나쁜 '{worst_name}': {worst_reason}"


def delivery(cases: int, share: float, deadline: int, assumed: bool, target: float, unit: str, result: dict,
             status: str, as_of: str) -> str:
    return (f"{as_of} 광주의 과거 발표 {cases}건으로 맞춘 전달 모형(평균 전달 비율 {share:.0%}): 기한 "
            f"{deadline_text(deadline, assumed)}까지 {result['mean']:,.0f}{unit} 예상(80% 구간 {result['lower_80']:,.0f}–"
            f"{result['upper_80']:,.0f}), {target:,.0f}{unit} 전부 이행 확률 {result['probability']:.0%} → {status}")


def mou(last, result: dict, deadline: int, target: float, status: str) -> str:
    return (f"{last['as_of_date']:%Y-%m-%d} 누적 AI 업무협약 {last['value']:,.0f}건: 최근 속도와 실제 입주 비율로 "
            f"{deadline}년 말 입주 기업 {result['present_mean']:,.0f}개(95% 구간 {result['present_lower']:,.0f}–"
            f"{result['present_upper']:,.0f}) 전망, {target:,.0f}개 이를 확률 {result['probability']:.0%} → {status}")


def ai_jobs(last, result: dict, deadline: int, target: float, status: str) -> str:
    return (f"{last['as_of_date']:%Y-%m-%d} 기준 AI 입주 기업 전망 × 기업당 일자리 {result['rate_low']:.1f}–"
            f"{result['rate_high']:.1f}명: {deadline}년 AI 기업 일자리 {result['mean']:,.0f}개(95% 구간 "
            f"{result['lower_95']:,.0f}–{result['upper_95']:,.0f}), {target:,.0f}개 확률 {result['probability']:.0%} → {status}")


def statistic(measure, deadline: int, status: str) -> str:
    year = int(measure.series.index.max())
    return (f"{year}년 {measure.label} {measure.series.iloc[-1]:,.0f}천 명: {deadline}년 목표 수준(기준선+공약) "
            f"{measure.target:,.0f}천 명에 이를 확률 {measure.probability:.0%} → {status}")


def latest_progress(link) -> str:
    return f"; 최근 진전 {link.date} {link.outlet}: {link.claim}"


def capped_by_evidence(link) -> str:
    return f"; 최근 보도 {link.date} {link.outlet}: {link.claim}(차질)"


def capped_by_parts(title: str, status: str) -> str:
    return f"; 부분 공약 '{title}'이(가) {status}이므로 전체도 그보다 나을 수 없음"


# -- the deciding quantity, as a reader names it (CONTRACT.md deciding_label) ----------------------
NOUNS = {"jobs": "일자리", "firms": "기업"}


def delivery_label(pledge, deadline: int) -> str:
    return f"{deadline}년까지 약속한 {NOUNS.get(pledge.metric, '목표')} {pledge.target_value:,.0f}개를 모두 채울 확률"


def statistic_label(measure, deadline: int) -> str:
    return f"{deadline}년 {measure.label}가 목표 수준에 이를 확률"


def mou_label(deadline: int) -> str:
    return f"{deadline}년 말 광주에 자리 잡은 AI 기업 수"


def ai_jobs_label(deadline: int) -> str:
    return f"{deadline}년까지 광주에 자리 잡은 AI 기업의 일자리 수"
