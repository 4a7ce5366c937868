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


def facts(evidence, status: str, deadline: int, assumed: bool, missing: str, search_date: str) -> str:
    if evidence.deciding is not None:
        text = from_link(evidence.deciding, status)
    elif evidence.late is not None:
        text = f"판단할 진전·차질 보도는 없음{late(evidence.late, deadline, assumed)} → {status}"
        return text
    else:
        return no_data(missing, evidence.links, search_date)
    if evidence.late is not None and status == rules.DELAYED and evidence.deciding.means != "setback":
        text = text.rsplit(" → ", 1)[0] + late(evidence.late, deadline, assumed) + f" → {status}"
    return text


def no_data(missing: str, links, search_date: str) -> str:
    """What is missing to decide the pledge (its own words, from the registry) and the nearest dated
    report found; how many queries were run stays in the search log."""
    text = f"{search_date + '까지 ' if search_date else ''}{missing.rstrip('. ')}"
    dated = [link for link in links if link.fact_id]
    if dated:
        nearest = max(dated, key=lambda link: (link.published, link.fact_id))
        text += f"; 가장 가까운 보도: {nearest.date} {nearest.outlet}, {nearest.why.rstrip('. ')}"
    return f"{text} → {rules.NO_DATA}"


def component_missing(name: str) -> str:
    return f"‘{name}’의 진척을 보도한 기사를 찾지 못함"


def pledge_missing(pledge) -> str:
    return pledge.measured_by.note or "판단할 진전·차질 보도를 찾지 못함"


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


def percent(p: float) -> str:
    """A probability as a reader reads it: never 0% or 100% (1% 미만, 99% 초과)."""
    if p < 0.01:
        return "1% 미만"
    if p > 0.99:
        return "99% 초과"
    return f"{p:.0%}"


def rounded(n: float) -> str:
    """A count to three significant digits (its interval is wide)."""
    digits = max(len(str(int(abs(n)))) - 3, 0)
    return f"{round(n, -digits):,.0f}"


def delivery(cases: int, deadline: int, assumed: bool, pledge, result: dict, loo: list[float], kind: str,
             status: str, as_of: str) -> str:
    counted = "직접 고용" if kind == "direct" else "유발 고용"
    return (f"{as_of}까지 알려진 과거 사례 {cases}건(약속 대비 실적, {counted})로 보면 {deadline_text(deadline, assumed)}까지 "
            f"{pledge.target_value:,.0f}개 중 {rounded(result['median'])}개 안팎(80% 확률 범위 {rounded(result['low'])}~"
            f"{rounded(result['high'])}), 목표를 달성할 확률 {percent(result['probability'])}(80% 확률 범위 "
            f"{percent(result['probability_low'])}~{percent(result['probability_high'])}); 사례 하나를 빼면 "
            f"{percent(min(loo))}~{percent(max(loo))} → {status}")


def mou(last, result: dict, interval, deadline: int, target: float, status: str, held: bool = False) -> str:
    note = "(입주 비율은 그날 발표된 것이 없어 오늘 값으로 둠)" if held else ""
    return (f"{last['as_of_date']:%Y-%m-%d} 누적 AI 업무협약 {last['value']:,.0f}건: 최근 속도와 실제 입주 비율{note}로 "
            f"{deadline}년 말 입주 기업 {rounded(result['present_mean'])}개(80% 확률 범위 {rounded(interval[0])}~"
            f"{rounded(interval[1])}) 전망, {target:,.0f}개 이를 확률 {percent(result['probability'])} → {status}")


def ai_jobs(last, result: dict, deadline: int, target: float, status: str) -> str:
    return (f"{last['as_of_date']:%Y-%m-%d} 기준 AI 입주 기업 전망 × 기업당 일자리 {result['rate_low']:.1f}~"
            f"{result['rate_high']:.1f}명(직접 고용): {deadline}년 AI 기업 일자리 {rounded(result['mean'])}개(80% 확률 범위 "
            f"{rounded(result['low'])}~{rounded(result['high'])}), {target:,.0f}개 이를 확률 "
            f"{percent(result['probability'])} → {status}")


def statistic(measure, deadline: int, status: str) -> str:
    year = int(measure.series.index.max())
    return (f"{year}년 {measure.label} {measure.series.iloc[-1]:,.0f}천 명: {deadline}년 목표 수준(기준선+공약) "
            f"{measure.target:,.0f}천 명에 이를 확률 {percent(measure.probability)} → {status}")


def latest_progress(link) -> str:
    return f"; 최근 진전 {link.date} {link.outlet}: {link.claim}"


def capped_by_evidence(link) -> str:
    return f"; 최근 보도 {link.date} {link.outlet}: {link.claim}(차질)"


def capped_by_parts(title: str, status: str) -> str:
    return f"; 부분 공약 ‘{title}’의 판정이 {status}이므로 전체도 그보다 나을 수 없음"


# -- the deciding quantity, as a reader names it (CONTRACT.md deciding_label) ----------------------
NOUNS = {"jobs": "일자리", "firms": "기업"}


def delivery_label(pledge, deadline: int) -> str:
    return f"{deadline}년까지 약속한 {NOUNS.get(pledge.metric, '목표')} {pledge.target_value:,.0f}개 목표를 달성할 확률"


def statistic_label(measure, deadline: int) -> str:
    return f"{deadline}년 {measure.label}가 목표 수준에 이를 확률"


def mou_label(deadline: int) -> str:
    return f"{deadline}년 말 광주에 자리 잡은 AI 기업 수"


def ai_jobs_label(deadline: int) -> str:
    return f"{deadline}년 말 광주 AI 기업의 일자리 수"


STAGE_PRECEDENT = {"fastest": "가장 빠른 선례대로 본", "typical": "보통의 선례대로 본", "operating": "실제"}


def stage_label(project: str, which: str) -> str:
    """The deciding date of a stage verdict, named by the precedent it comes from."""
    return f"{STAGE_PRECEDENT[which]} {project} 가동 시점"


def stage_jobs_label(investment: float, reading: str) -> str:
    kind = "유발 고용" if reading == "induced" else "직접 고용"
    return f"{investment:g}조원 규모 시설의 {kind}(선례 범위)"


def _jobs_reading(jobs, pledge) -> str:
    if jobs is None:
        return ""
    kind = "유발 고용" if jobs[0] == "induced" else "직접 고용"
    if jobs[1] is None:
        return f"; 일자리는 {kind}으로 읽음"
    low, high = jobs[1]
    short = f"으로 {pledge.target_value:,.0f}개에 못 미침" if pledge.target_value > high else ""
    span = f"약 {rounded(low)}" if rounded(low) == rounded(high) else f"{rounded(low)}~{rounded(high)}"
    return f"; {kind}으로 읽음: {pledge.investment_trillion_krw:g}조원 공장이면 {span}명{short}"


def stage(names: dict, project: str, now, found, finish, deadline, jobs, pledge, status: str, today) -> str:
    """'[day] 현재 [project]: [stage] 단계 …: 가장 빠른 선례로도 [date] 가동 … → [status]'."""
    earliest, typical = finish
    later = [s for s in found if s.candidate and s.day >= now.day]
    candidates = "".join(f", {names[s.stage]} 후보({s.day:%Y-%m-%d})" for s in later)
    text = f"{today:%Y-%m-%d} 현재 {project}: {names[now.stage]} 단계({now.day:%Y-%m-%d}){candidates}"
    if now.stage != "operating":
        text += f"; 가장 빠른 선례대로라도 {earliest:%Y-%m} 가동"
        text += (f", 보통의 선례대로면 {typical:%Y-%m}" if typical is not None
                 else ", 다음 단계까지 걸린 기간은 선례가 없어 일정대로인지 알 수 없음")
        text += f"; 기한 {deadline_text(*deadline)}"
    return text + _jobs_reading(jobs, pledge) + f" → {status}"


def sum_of_parts(rows, deadline: int, assumed: bool, pledge, chart: dict, kinds: list[str], status: str) -> str:
    def part(title, row):
        return {"estimated": f"'{title}' {rounded(row['expected'])}개",
                "unreachable": f"'{title}' 0개(기한까지 이룰 수 없음)",
                "as_promised": f"'{title}' 약속한 {row['target']:,.0f}개로 셈(세는 자료가 없어 이뤄진다고 봄)"}[row["counted"]]
    mixed = "; 직접 고용과 유발 고용을 더한 합계임" if len(kinds) > 1 else ""
    return (f"부분 공약을 함께 계산: {', '.join(part(t, r) for t, r in rows)}; 합계 {rounded(chart['expected'])}개(80% 확률 범위 "
            f"{rounded(chart['low'])}~{rounded(chart['high'])}), {deadline_text(deadline, assumed)}까지 "
            f"{pledge.target_value:,.0f}개 목표를 달성할 확률 {percent(chart['probability'])}(부분이 모두 목표를 달성할 확률 "
            f"{percent(chart['probability_all_parts'])}){mixed} → {status}")


OWNERSHIP = {"not_adopted": "받아들인 시 정부 없음: 누가 하든 약속한 결과가 이뤄졌는지로 판단함. ",
             "dropped": "받아들였던 시 정부가 그만둠: 누가 하든 약속한 결과가 이뤄졌는지로 판단함. "}


def ownership(state: str) -> str:
    """The frame a verdict is judged in, when nobody (any longer) owes the pledge."""
    return OWNERSHIP.get(state, "")


# Inputs a verdict of a past day takes at today's value (its history row says so).
HELD_PRESENCE = "협약 기업의 입주 비율(그날까지 발표된 비율이 없어 나중에 발표된 비율을 씀)"
HELD_JOBS_PER_FIRM = "기업당 일자리(그날까지 발표된 보고가 없어 나중에 발표된 보고를 씀)"
HELD_SERIES = "공식 통계(개정 전 값을 구할 수 없어 그날 이전 연도까지 지금 공표된 값을 씀)"
