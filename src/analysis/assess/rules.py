"""The status scale and the rules that assign it. Reports and the README print this scale.

Modelled on promise trackers (PolitiFact's Obameter, Polimeter): a pledge is quoted verbatim,
its status comes with the evidence behind it, and "not yet rated" is split in two: 측정 불가 (the
pledge names no number and no observable outcome) and 자료 미확보 (it does, but a documented
search found nothing decisive).
"""
from __future__ import annotations

from dataclasses import dataclass

ACHIEVED, ON_TRACK, DELAYED, UNLIKELY = "달성", "정상 추진", "지연", "실현 어려움"
UNMEASURABLE, NO_DATA = "측정 불가", "자료 미확보"

# Worst first: a whole is never better than its worst part.
ORDER = (UNLIKELY, DELAYED, NO_DATA, ON_TRACK, ACHIEVED)
DECISIVE = ("achieved", "failed", "setback", "progress")
BY_MEANING = {"failed": UNLIKELY, "setback": DELAYED, "progress": ON_TRACK, "achieved": ACHIEVED}
MEANING_KO = {"achieved": "달성", "progress": "진전", "setback": "차질", "failed": "실패", "schedule": "완공 예정",
              "context": "맥락"}


# White text on each colour meets WCAG AA (contrast at least 4.5:1; tests/test_reports.py checks).
COLOURS = {ACHIEVED: "#1a7f37", ON_TRACK: "#1f5fa8", DELAYED: "#8a4b00", UNLIKELY: "#b42318", NO_DATA: "#57606a",
           UNMEASURABLE: "#6e40aa"}


@dataclass(frozen=True)
class Level:
    label: str
    english: str
    colour: str
    rule: str


def scale(assumptions) -> dict[str, Level]:
    """The scale with the thresholds of the given assumptions written into its rules."""
    on, unlikely = assumptions.on_track_probability, assumptions.unlikely_probability
    return {
        ACHIEVED: Level(ACHIEVED, "achieved", COLOURS[ACHIEVED],
                        "날짜가 있는 보도(또는 공약 기사 자체)가 약속한 일이 이루어졌다고 전함; 여러 부분으로 된 공약은 모든 부분이 달성"),
        ON_TRACK: Level(ON_TRACK, "on track", COLOURS[ON_TRACK],
                        f"가장 최근의 판단 근거가 진전이고 그 뒤 차질·실패가 없음; 수치 공약은 기한까지 이를 확률 {on:.0%} 이상"),
        DELAYED: Level(DELAYED, "delayed", COLOURS[DELAYED],
                       f"가장 최근의 판단 근거가 최종적이지 않은 차질이거나 완공 예정이 기한보다 늦음; 수치 공약은 확률 "
                       f"{unlikely:.0%} 이상 {on:.0%} 미만"),
        UNLIKELY: Level(UNLIKELY, "unlikely", COLOURS[UNLIKELY],
                        f"결정적 사건이 불리하게 끝남; 수치 공약은 기한까지 이를 확률 {unlikely:.0%} 미만"),
        NO_DATA: Level(NO_DATA, "not yet rated: nothing decisive found", COLOURS[NO_DATA],
                       "관찰할 수 있는 결과를 약속했으나, 기록된 검색에서 판단할 보도·통계를 찾지 못함"),
        UNMEASURABLE: Level(UNMEASURABLE, "not measurable", COLOURS[UNMEASURABLE],
                            "수치도 관찰할 수 있는 결과도 없는 방향 제시(육성·추진 등): 관련 보도는 맥락으로만 보여 줌"),
    }


def from_probability(probability: float, assumptions) -> str:
    if probability >= assumptions.on_track_probability:
        return ON_TRACK
    if probability >= assumptions.unlikely_probability:
        return DELAYED
    return UNLIKELY


def worst(statuses: list[str]) -> str:
    """The worst of several statuses (측정 불가 ones are left out)."""
    ranked = [s for s in statuses if s in ORDER]
    return min(ranked, key=ORDER.index) if ranked else UNMEASURABLE


def cap(status: str, ceiling: str) -> str:
    """`status`, but no better than `ceiling`."""
    return worst([status, ceiling])


def markdown_table(assumptions) -> str:
    """The scale as a Markdown table, for the README."""
    lines = ["| 상태 | meaning | 규칙 |", "|---|---|---|"]
    for level in scale(assumptions).values():
        lines.append(f"| {level.label} | {level.english} | {level.rule} |")
    return "\n".join(lines)
