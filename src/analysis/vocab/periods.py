"""KOSIS period labels normalised to `2024`, `2024-01`, `2024-H1` and `2024-Q1`."""
from __future__ import annotations

import re

# KOSIS prefixes a period code to its label in some exports: `Y2024 2024`, `M202401 2024.01`.
_CODE = re.compile(r"^[YMHQ]\d{4,6}\s+(?=\d)")
_BARE_CODE = re.compile(r"^([YMHQ])(\d{4})(\d{2})?$")

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d{4})\s*년?$"), "Y"),
    (re.compile(r"^(\d{4})\s*[.\s]\s*([12])\s*/\s*2\s*(?:반기)?$"), "H"),
    (re.compile(r"^(\d{4})\s*-?\s*H([12])$"), "H"),
    (re.compile(r"^(\d{4})\s*년?\s*([12])\s*반기$"), "H"),
    (re.compile(r"^(\d{4})\s*[.\s]\s*([1-4])\s*/\s*4\s*(?:분기)?$"), "Q"),
    (re.compile(r"^(\d{4})\s*[.\s-]?\s*Q([1-4])$"), "Q"),
    (re.compile(r"^(\d{4})\s*[.년]?\s*([1-4])\s*분기$"), "Q"),
    (re.compile(r"^(\d{4})\s*[.\-/]\s*(\d{1,2})\s*월?$"), "M"),
    (re.compile(r"^(\d{4})\s*년\s*(\d{1,2})\s*월$"), "M"),
    (re.compile(r"^(\d{4})(\d{2})$"), "M"),
]


# Provisional, revised and estimated marks after a period: `2021 p)`, `2021p)`, `2021 (r)`, `2021 e`.
_FLAG = re.compile(r"^(?P<rest>.*\d)\s*(?:\(\s*(?P<a>[pre])\s*\)|(?P<b>[pre])\s*\)|\s(?P<c>[pre]))$")
FLAG_MEANING = {"p": "잠정", "r": "수정", "e": "추정"}


def split_flag(label: str) -> tuple[str, str]:
    """`2021 p)` -> ("2021", "p"); a label without a mark -> (label, "")."""
    text = str(label).strip()
    match = _FLAG.match(text)
    if not match:
        return text, ""
    return match.group("rest"), match.group("a") or match.group("b") or match.group("c")


def parse_period_label(label: str) -> tuple[str, str] | None:
    """(normalised period, flag) for a KOSIS period label with an optional mark, or None."""
    text, flag = split_flag(label)
    period = parse_period(text)
    return (period, flag) if period else None


def parse_period(label: str) -> str | None:
    """Normalised period for a KOSIS label, or None when the label is not a period."""
    text = _CODE.sub("", str(label).strip())
    bare = _BARE_CODE.match(text)
    if bare:
        kind, year, sub = bare.groups()
        if kind == "Y" and sub is None:
            return year
        text = f"{year}{sub}" if sub else text
    for pattern, kind in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        year = int(match.group(1))
        if not 1900 <= year <= 2100:
            return None
        if kind == "Y":
            return f"{year}"
        part = int(match.group(2))
        if kind == "M":
            return f"{year}-{part:02d}" if 1 <= part <= 12 else None
        return f"{year}-{kind}{part}"
    return None


# What a period label looks like, whether or not it is one: `2017.5/4` and `2017.13` look like periods
# but are none; a header like that is refused rather than read as a label.
_LOOKS = re.compile(r"^(?:[YMHQ]\d{4,6}\s+)?(?:19|20)\d\d\s*(?:[.\-/년]\s*\d{1,2}\s*(?:/\s*\d\s*)?(?:월|분기|반기)?)?$")


def looks_like_period(label: str) -> bool:
    return bool(_LOOKS.match(split_flag(label)[0].strip()))


def frequency(period: str) -> str:
    """`annual`, `monthly`, `half-yearly` or `quarterly` for a normalised period."""
    if len(period) == 4:
        return "annual"
    if "-H" in period:
        return "half-yearly"
    if "-Q" in period:
        return "quarterly"
    return "monthly"


def last_month(period: str) -> str:
    """`2026-09` for 2026-Q3, `2026-12` for 2026 or 2026-H2: the last month a normalised period covers."""
    year, _, part = str(period).partition("-")
    if not part:
        return f"{year}-12"
    kind, number = (part[0], int(part[1:])) if part[0] in "QH" else ("M", int(part))
    return f"{year}-{number * {'Q': 3, 'H': 6, 'M': 1}[kind]:02d}"


def year_of(period: str) -> int:
    return int(period[:4])


def label_ko(period: str) -> str:
    """A normalised period as a Korean reader writes it: `2024년 1분기`, `2024년 상반기`, `2024년 1월`."""
    text = str(period)
    if "-Q" in text:
        year, quarter = text.split("-Q")
        return f"{year}년 {quarter}분기"
    if "-H" in text:
        year, half = text.split("-H")
        return f"{year}년 {'상' if half == '1' else '하'}반기"
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return f"{text[:4]}년 {int(text[5:])}월"
    return f"{text}년" if re.fullmatch(r"\d{4}", text) else text
