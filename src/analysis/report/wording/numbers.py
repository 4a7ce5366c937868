"""Numbers as a reader reads them, one function per kind so that one number has one value on a page.

- Probabilities: whole per cent, never "0%" or "100%" ("1% 미만", "99% 초과").
- Estimates: two significant digits when their interval is wider than half the value, three when
  wider than a tenth (an estimate without an interval gets three); counts from data stay exact.
- Units follow 국립국어원 spacing with Arabic numerals: 13,000개, 2030년, 836,000명.
"""
from __future__ import annotations

import math
import re

MISSING = "자료 없음"
LOW_PROBABILITY, HIGH_PROBABILITY = 0.01, 0.99


def missing(value) -> bool:
    """None, NaN or an empty string (pandas turns None into NaN in a frame)."""
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def probability(value) -> str:
    """A probability as whole per cent: 15%, 1% 미만, 99% 초과."""
    if missing(value):
        return MISSING
    if value < LOW_PROBABILITY:
        return "1% 미만"
    if value > HIGH_PROBABILITY:
        return "99% 초과"
    return f"{round(value * 100):.0f}%"


def share(value, digits: int = 0, signed: bool = False) -> str:
    """A share or rate (not a probability) as per cent: 75%, 1.7%, +3.1%."""
    if missing(value):
        return MISSING
    return f"{value * 100:{'+' if signed else ''}.{digits}f}%"


def count(value, unit: str = "") -> str:
    """A count from data, exact: 13,000개, 361건."""
    if missing(value):
        return MISSING
    return f"{value:,.0f}{unit}"


def decimal(value, digits: int = 1, unit: str = "") -> str:
    if missing(value):
        return MISSING
    return f"{value:,.{digits}f}{unit}"


def step_of(value: float, low=None, high=None) -> float:
    """The rounding step of a model's estimate: 2 or 3 significant digits (see the module doc)."""
    if missing(value) or value == 0:
        return 1.0
    width = None if missing(low) or missing(high) else (high - low) / abs(value)
    digits = 3 if width is None or width <= 0.5 else 2
    if width is not None and width <= 0.1:
        digits = 4
    return max(1.0, 10.0 ** (math.floor(math.log10(abs(value))) - digits + 1))


def rounded(value, step: float):
    return value if missing(value) else round(value / step) * step


def estimate(value, unit: str = "", low=None, high=None) -> str:
    """A model's estimate rounded to what its interval supports: 9,800명."""
    if missing(value):
        return MISSING
    return count(rounded(value, step_of(value, low, high)), unit)


def span(low, high, unit: str = "", value=None) -> str:
    """An interval's bounds, rounded like its estimate: 1,800~13,000명 (국립국어원: a range takes ~)."""
    step = step_of(value if not missing(value) else high, low, high)
    return f"{count(rounded(low, step))}~{count(rounded(high, step), unit)}"


RANGE_WORD = "확률 범위"  # an interval as a reader names it: '80% 확률 범위' (in 열에 여덟 cases it holds)


def level(value) -> str:
    """An interval's level: 80%."""
    return f"{round(float(value) * 100):.0f}%"


def interval(low, high, level_share, unit: str = "", value=None) -> str:
    """'80% 확률 범위 1,800~13,000명': every interval says its level; none where both ends are one
    value (a sum whose parts nobody counts has no spread to show)."""
    if missing(low) or missing(high) or low == high:
        return ""
    return f"{level(level_share)} {RANGE_WORD} {span(low, high, unit, value)}"


def thousands_to_persons(value):
    """A value in 천 명 as persons (KOSIS publishes employed persons in thousands)."""
    return value if missing(value) else value * 1000


def year_month(value) -> str:
    """A month given as a number (2033.667, assess.stage.month_value) in Korean: 2033년 9월."""
    if missing(value):
        return MISSING
    whole = int(float(value))
    return f"{whole}년 {round((float(value) - whole) * 12) + 1}월"


def year(value) -> str:
    return MISSING if missing(value) else f"{int(float(value))}년"


HALVES = {"H1": "상반기", "H2": "하반기"}


def date_words(day: str) -> str:
    """A day in a sentence, as a newspaper writes it: 2022-04-26 → 2022년 4월 26일 (tables keep ISO dates)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(day))
    return f"{match.group(1)}년 {int(match.group(2))}월 {int(match.group(3))}일" if match else date_label(day)


def date_label(label) -> str:
    """A fact's date as written in Korean: 2025-09-08 stays; 2024-H2 → 2024년 하반기, 2022-07 → 2022년 7월."""
    text = str(label or "").strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    if match := re.fullmatch(r"(?:c\. )?(\d{4})-(H[12])", text):
        return f"{match.group(1)}년 {HALVES[match.group(2)]}"
    if match := re.fullmatch(r"(?:c\. )?(\d{4})-(\d{2})", text):
        return f"{match.group(1)}년 {int(match.group(2))}월"
    if match := re.fullmatch(r"(?:c\. )?(\d{4})", text):
        return f"{match.group(1)}년"
    return text or MISSING


def sort_key(label) -> str:
    """A date label as a string that sorts by full date (2024-H2 after 2024-06, before 2025)."""
    text = str(label or "")
    if match := re.search(r"(\d{4})(?:-(H[12]|\d{2}))?(?:-(\d{2}))?", text):
        y, middle, day = match.groups()
        month = {"H1": "06", "H2": "12"}.get(middle or "", middle or "12")
        return f"{y}-{month}-{day or '31'}"
    return ""
