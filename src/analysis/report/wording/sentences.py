"""Sentences built from data: the lead box, deadlines, robustness, and the conclusions charts
state in their alt text. Each takes plain values and returns plain Korean (templates escape it)."""
from __future__ import annotations

from ...assess import rules
from ...assess.outcome import MONTH
from .josa import josa
from .numbers import RANGE_WORD, count, decimal, estimate, interval, level, probability, share, span, year_month


def deciding_number(decided) -> str:
    """The deciding value as the lead prints it: one value, rounded as its interval allows."""
    if not decided.has_number:
        return ""
    if decided.is_probability:
        return probability(decided.value)
    if decided.unit == MONTH:
        return year_month(decided.value)
    if decided.level is None and decided.low is not None:  # a range of precedents, not an interval
        return span(decided.low, decided.high, decided.unit, decided.value)
    return estimate(decided.value, decided.unit, decided.low, decided.high)


def probability_interval(low, high, level_share) -> str:
    """'80% 확률 범위 5%~31%', or nothing where both ends print alike ('1% 미만~1% 미만' says nothing)."""
    if low is None or high is None or level_share is None or probability(low) == probability(high):
        return ""
    return f"{level(level_share)} {RANGE_WORD} {probability(low)}~{probability(high)}"


def as_status(status: str) -> str:
    """‘지연’으로, ‘정상 추진’으로: a status in quotes with its particle."""
    return josa(f"‘{status}’", "으로/로")


def _compared(decided, status: str) -> str:
    target = count(decided.target, decided.unit)
    if decided.high is not None and decided.high < decided.target:
        where = f"약속한 {target}에 못 미쳐"
    elif decided.low is not None and decided.low > decided.target:
        where = f"약속한 {josa(target, '을/를')} 넘어"
    else:
        where = f"약속한 {josa(target, '이/가')} 이 범위 안에 있어"
    return f"{where} {as_status(status)} 봅니다."


def lead(status: str, decided, number: str, event: dict | None, worst_part: dict | None, missing: str = "") -> str:
    """The lead sentence: the verdict and the one number (or event) that decided it."""
    if decided.has_number and decided.is_probability:
        bounds = probability_interval(decided.low, decided.high, decided.level)
        return (f"{josa(decided.label, '은/는')} {number}{f'({bounds})' if bounds else ''}입니다. "
                + f"그래서 판정은 ‘{status}’입니다.")
    if decided.has_number:
        bounds = interval(decided.low, decided.high, decided.level or 0, decided.unit, decided.value) \
            if decided.level else ""
        return (f"{josa(decided.label, '은/는')} {josa(number, '으로/로')} 전망됩니다{f'({bounds})' if bounds else ''}. "
                + _compared(decided, status))
    if worst_part is not None:
        quoted = f"‘{worst_part['name']}’"
        return (f"{worst_part['count']}개 부분 가운데 가장 나쁜 {josa(quoted, '이/가')} ‘{worst_part['status']}’이므로 "
                f"전체 판정도 ‘{status}’입니다(전체는 가장 나쁜 부분보다 나을 수 없음).")
    if event is not None:
        return f"판정은 ‘{status}’입니다. 근거가 된 보도: {event['date']} {event['outlet']}, {event['claim']}."
    if status == rules.UNMEASURABLE:
        return "공약에 수치도 관찰할 결과도 없어 상태를 매기지 않습니다(‘측정 불가’)."
    return f"판정에 쓸 보도나 통계를 아직 찾지 못해 ‘자료 미확보’입니다. {missing}".rstrip()


def nearest_report(row: dict) -> str:
    """The nearest dated report of a pledge without a deciding one: 가장 가까운 보도는 … 입니다."""
    return f"가장 가까운 보도는 {row['date']} {row['outlet']} 기사입니다({row['why'].rstrip('. ')})."


def stage_lead(status: str, decided, number: str, chart: dict) -> str:
    """A stage verdict's lead: the stage the facility has reached, then the operating date (or the
    jobs a facility of its size gives) that decided, against the deadline."""
    project = chart["project"]
    later = [s for s in chart["steps"] if s["candidate"] and s["date"] >= chart["reached_date"]]
    pending = f" 그 뒤 보도 {len(later)}건은 다음 단계로 나아갈 가능성을 전했을 뿐 확정된 것은 아닙니다." if later else ""
    now = f"{josa(project, '은/는')} 아직 ‘{chart['reached_label']}’ 단계입니다({chart['reached_date']}).{pending} "
    label = josa(decided.label, "은/는")
    deadline_year = f"기한 {chart['deadline']}년"
    if decided.unit != MONTH:
        return now + (f"{label} {josa(number, '으로/로')} 약속한 {count(decided.target, decided.unit)}에 못 미쳐 "
                      f"{as_status(status)} 봅니다.")
    if status == rules.DELAYED and chart["typical"] is None:
        return now + (f"{label} {josa(number, '이지만/지만')}, 다음 단계까지 걸리는 기간을 비교할 선례가 없어 일정대로인지 "
                      f"확인할 수 없으므로 규칙에 따라 {as_status(status)} 봅니다.")
    if status in (rules.UNLIKELY, rules.DELAYED):
        return now + f"{label} {josa(number, '이어서/여서')} {josa(deadline_year, '을/를')} 넘기므로 ‘{status}’입니다."
    return now + f"{label} {josa(number, '이어서/여서')} {deadline_year} 안에 들므로 ‘{status}’입니다."


def deadline(year: int, assumed: bool) -> str:
    return f"기한 {year}년" + (" (공약에 기한이 없어 가정한 해)" if assumed else "")


def deadline_short(year: int, assumed: bool) -> str:
    return f"{year}년" + (" (가정)" if assumed else "")


def robustness(kind: str, entering: int, differing: int) -> str:
    """How firmly a status holds, without 견고/취약 (read as 'weak 88%')."""
    if kind == "fragile":
        return f"판정이 바뀔 수 있음: 가정 {entering}개 중 {differing}개에서 달라짐"
    return {"stable": "안정적"}.get(kind, "해당 없음")


def chart_estimate(decided, what: str) -> str:
    """What a chart of the deciding estimate shows (its alt text starts with this, then the lead)."""
    bounds = interval(decided.low, decided.high, decided.level or 0, decided.unit, decided.value) \
        if decided.level else ""
    value = estimate(decided.value, decided.unit, decided.low, decided.high)
    return f"{what}: {value}{f'({bounds})' if bounds else ''}, 약속 {count(decided.target, decided.unit)}(세로 점선)."


MEASURE_UNITS = {"명": "명", "개": "개", "건": "건", "천명": "명", "건/월": "건/월", "명/조원": "명/조원"}


def measure_value(row: dict, level_share: float | None) -> str:
    """A measure row's value with its unit and interval (with its level), one rounding for the page."""
    unit, value, low, high = row["unit"], row["value"], row["lower"], row["upper"]
    if unit == "천명":
        value, low, high = (None if v is None else v * 1000 for v in (value, low, high))
    if unit == "probability":
        return probability(value)
    if unit == "ratio":
        text = share(value, 1 if value is not None and abs(value) < 0.1 else 0)
        bounds = f"{share(low, 1)}–{share(high, 1)}" if low is not None and level_share else ""
        return f"{text} ({level_share * 100:.0f}% 구간 {bounds})" if bounds else text
    if unit == "years":
        return decimal(value, 1, "년치")
    if unit in ("건/월", "명/조원", ""):
        return decimal(value, 1 if unit == "건/월" or not unit else 0, unit)
    suffix = MEASURE_UNITS.get(unit, unit)
    text = count(value, suffix) if unit == "건" else estimate(value, suffix, low, high)
    bounds = interval(low, high, level_share, suffix, value) if level_share and low is not None else ""
    return f"{text} ({bounds})" if bounds else text


def count_pledges(n: int) -> str:
    return f"{n}개"
