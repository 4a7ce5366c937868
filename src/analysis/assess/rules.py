"""The status scale reports use, and the rules that assign it. The README repeats this table.

Modelled on promise trackers (PolitiFact's Obameter, Polimeter): a pledge is quoted verbatim,
its status comes with the evidence behind it, and "not enough data" is a status of its own.
"""
from __future__ import annotations

from dataclasses import dataclass

from .assumptions import DEFAULT, Assumptions

ACHIEVED, ON_TRACK, DELAYED, UNLIKELY, UNKNOWN = "달성", "정상 추진", "지연", "실현 어려움", "판단 불가"


@dataclass(frozen=True)
class Level:
    label: str
    english: str
    colour: str
    statistical_rule: str
    evidence_rule: str


SCALE = {
    ACHIEVED: Level(ACHIEVED, "achieved", "#1a7f37",
                    "최신 관측값이 이미 목표 수준에 이름 (공약보다 넓은 대리지표는 제외)",
                    "날짜가 있는 사실(또는 공약 기사 자체)이 약속한 일이 이루어졌다고 보도"),
    ON_TRACK: Level(ON_TRACK, "on track", "#2f6fb3",
                    "백테스트로 고른 모형에서 기한까지 목표에 이를 확률 P ≥ on_track_probability (0.5)",
                    "가장 최근의 판단 근거 사실이 진전이고, 실패 보도가 그 뒤에 없음"),
    DELAYED: Level(DELAYED, "delayed", "#b7791f",
                   "unlikely_probability (0.1) ≤ P < on_track_probability (0.5)",
                   "가장 최근의 판단 근거 사실이 최종적이지 않은 차질"),
    UNLIKELY: Level(UNLIKELY, "unlikely", "#c0392b",
                    "P < unlikely_probability (0.1)",
                    "결정적 사건이 불리하게 끝남 (예: 지정 공모 탈락 후 다른 진전 없음)"),
    UNKNOWN: Level(UNKNOWN, "not enough data", "#6b7280",
                   "공약을 재는 공개 통계가 없거나 공약에 수치가 없음",
                   "어느 쪽으로도 판단할 사실이 없음 (맥락 사실은 세지 않음)"),
}

DECISIVE = ("achieved", "failed", "setback", "progress")
_BY_MEANING = {"failed": UNLIKELY, "setback": DELAYED, "progress": ON_TRACK, "achieved": ACHIEVED}


def from_probability(probability: float, already_reached: bool, assumptions: Assumptions = DEFAULT) -> str:
    if already_reached:
        return ACHIEVED
    if probability >= assumptions.on_track_probability:
        return ON_TRACK
    if probability >= assumptions.unlikely_probability:
        return DELAYED
    return UNLIKELY


def from_evidence(evidence: list[tuple[str, object]]) -> str:
    """Status from (meaning, date) pairs: any 'achieved' wins; else the latest decisive meaning."""
    meanings = [(m, d) for m, d in evidence if m in DECISIVE]
    if any(m == "achieved" for m, _ in meanings):
        return ACHIEVED
    if not meanings:
        return UNKNOWN
    latest = max(meanings, key=lambda pair: pair[1])
    return _BY_MEANING[latest[0]]


def markdown_table() -> str:
    """The scale as a Markdown table, for the README and the reports."""
    lines = ["| 상태 | meaning | 통계 지표의 규칙 | 사실 자료의 규칙 |", "|---|---|---|---|"]
    for level in SCALE.values():
        lines.append(f"| {level.label} | {level.english} | {level.statistical_rule} | {level.evidence_rule} |")
    return "\n".join(lines)
