"""Labels: KOSIS codes and units inside labels, dimension names, and the role a header names."""
from __future__ import annotations

import re

from .cells import FULL_WIDTH

UNITS = {
    "천명", "명", "개", "%", "%p", "‰", "백만원", "천원", "원", "억원", "십억원", "조원", "천개", "개소", "개사",
    "대", "건", "가구", "천가구", "세대", "세", "시간", "일", "년", "배", "달러", "천달러", "백만달러", "동", "호",
    "척", "톤", "천톤", "kg", "m", "t", "g", "ha", "㏊", "㎢", "㎡", "천㎡", "km", "GWh", "MWh", "kWh", "인", "점", "회", "병상",
    "개월",
}
# Parenthesised words that say how a figure is counted, not its unit: 취득자수(월) is monthly, in 명.
NOT_UNITS = {"월", "월별", "월간", "연", "연간", "년간", "연평균", "분기", "반기", "계", "누계", "합계", "소계", "전체"}
_ASCII_UNIT = re.compile(r"^(?=.*[a-z])[A-Za-z²³]{2,5}$")  # GWh, ha, km: letters with a lower case
_ITEM = re.compile(r"^(?:(?P<code>[A-Z]{1,3}\d{1,5})\s+)?(?P<name>.*?)\s*(?:\((?P<paren>[^()]*)\))?$")
_DIMENSION = re.compile(r"^(?:[A-Z]\s+)?(?P<name>.*?)(?:\(\d+\))?$")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)

PERIOD_HEADERS = {"시점", "시점별", "연도", "년도", "연월", "년월", "기간", "prd_de", "period", "year"}
VALUE_HEADERS = {"값", "데이터", "수치", "dt", "value"}
ITEM_HEADERS = {"항목", "항목명", "항목별", "지표", "itm_nm", "item"}
UNIT_HEADERS = {"단위", "unit_nm", "unit"}
MARKER_HEADERS = {"비고"}
REGION_WORDS = ("시도", "행정구역", "지역", "시군구", "광역지자체", "자치구", "region")
# Measures published beside a value: the relative standard error and its relatives.
MEASURE_WORDS = ("상대표준오차", "표준오차", "변동계수", "RSE", "CV", "신뢰구간")


def clean_label(text: str) -> str:
    """Collapse inner whitespace, line breaks and `<br>`, as KOSIS wraps long labels; full-width
    forms (％, （）, ＞) become the ASCII they stand for."""
    return re.sub(r"\s+", " ", _BREAK.sub(" ", str(text).translate(FULL_WIDTH))).strip()


# Korean counters end a unit: 마리, 필지, 개소 … (short, so `제조업(경공업)` keeps its parenthesis).
_COUNTER = re.compile(r"^[가-힣]{0,2}[명개리척동대건호톤원회곳편권종점병석지분일년세배인주장실상통쌍벌채필봉㎡㏊]$")


def is_unit(text: str) -> bool:
    """A unit KOSIS prints in parentheses: 천명, %, GWh, 마리, 세대/명 (a pair of units)."""
    parts = text.split("/")
    return len(parts) <= 2 and not set(parts) & NOT_UNITS and all(part in UNITS or _ASCII_UNIT.match(part) or _COUNTER.match(part)
                                   for part in parts)


def parse_item(label: str) -> tuple[str | None, str, str | None]:
    """`T10 15세이상인구 (14STD06156 천명)` -> ("T10", "15세이상인구", "천명"); no unit -> None."""
    match = _ITEM.match(clean_label(label))
    code, name, paren = match.group("code"), match.group("name"), match.group("paren")
    if paren is not None:
        tokens = paren.split()
        unit = tokens[-1] if tokens else ""
        if unit and is_unit(unit):
            return code, name, unit
        name = f"{name}({paren})"
    return code, name, None


def dimension_name(header: str) -> str:
    """`A 시도별(1)` -> `시도별`: the classification's name without KOSIS codes."""
    cleaned = clean_label(header)
    return _DIMENSION.match(cleaned).group("name") or cleaned


def header_role(header: str) -> str | None:
    """period, value, item, unit or marker when a column header names that role, else None."""
    name = dimension_name(header).lower()
    for role, names in (("period", PERIOD_HEADERS), ("value", VALUE_HEADERS), ("item", ITEM_HEADERS),
                        ("unit", UNIT_HEADERS), ("marker", MARKER_HEADERS)):
        if name in names:
            return role
    return None


def names_region(header: str) -> bool:
    return any(word in clean_label(header) for word in REGION_WORDS)


def names_sido_only(header: str) -> bool:
    """A column named for 시도 alone (시도별, 행정구역(시도)별), where a 시군구 is a typo, not a row."""
    name = clean_label(header)
    return "시도" in name and not any(word in name for word in ("시군구", "시군", "구군", "시·군", "자치구"))


def is_measure(part: str) -> bool:
    """A header part naming a measure such as 상대표준오차 rather than an item."""
    return any(word.lower() in part.lower() for word in MEASURE_WORDS)
