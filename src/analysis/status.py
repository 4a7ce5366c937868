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
                    "the latest observation already reaches the target level",
                    "a dated fact (or the pledge article itself) reports the promised thing done"),
    ON_TRACK: Level(ON_TRACK, "on track", "#2f6fb3",
                    "P(target reached by the deadline) ≥ on_track_probability under the backtest-selected model",
                    "the latest decisive fact is a step towards it, and none reports failure"),
    DELAYED: Level(DELAYED, "delayed", "#b7791f",
                   "unlikely_probability ≤ P < on_track_probability",
                   "the latest decisive fact is a setback that is not final"),
    UNLIKELY: Level(UNLIKELY, "unlikely", "#c0392b",
                    "P < unlikely_probability",
                    "the decisive event went against it (e.g. a designation round lost, nothing since)"),
    UNKNOWN: Level(UNKNOWN, "not enough data", "#6b7280",
                   "no public series measures the pledge, or it states no number",
                   "no fact bears on it either way (context facts do not count)"),
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
    lines = ["| 상태 | meaning | rule for statistical measures | rule for dated facts |", "|---|---|---|---|"]
    for level in SCALE.values():
        lines.append(f"| {level.label} | {level.english} | {level.statistical_rule} | {level.evidence_rule} |")
    return "\n".join(lines)
