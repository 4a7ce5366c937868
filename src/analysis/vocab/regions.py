"""Region names: one canonical name per 시도, across KOSIS codes, short labels and renamings.

Canonical names are the current official ones (강원특별자치도 since 2023-06, 전북특별자치도
since 2024-01, 제주특별자치도 since 2006), so series from before and after a renaming join. A merger
is not a renaming: 전남광주특별시 (from 2026-07-01) is a region of its own, its predecessors'
series stop, and nothing reads it as 광주광역시. `광주시` is deliberately absent: in 시군구 tables it
is Gwangju-si in Gyeonggi-do (vocab/sigungu.py refuses it bare, naming both).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..errors import InputError

NATIONAL = "전국"

# Old KOSIS region codes as they appear in the raw labels (`24 광주광역시`), in KOSIS order.
SIDO_BY_CODE = {
    "11": "서울특별시",
    "21": "부산광역시",
    "22": "대구광역시",
    "23": "인천광역시",
    "24": "광주광역시",
    "25": "대전광역시",
    "26": "울산광역시",
    "29": "세종특별자치시",
    "31": "경기도",
    "32": "강원특별자치도",
    "33": "충청북도",
    "34": "충청남도",
    "35": "전북특별자치도",
    "36": "전라남도",
    "37": "경상북도",
    "38": "경상남도",
    "39": "제주특별자치도",
}
SIDO = tuple(SIDO_BY_CODE.values())

_SHORT = {
    "서울": "서울특별시",
    "부산": "부산광역시",
    "대구": "대구광역시",
    "인천": "인천광역시",
    "광주": "광주광역시",
    "대전": "대전광역시",
    "울산": "울산광역시",
    "세종": "세종특별자치시",
    "경기": "경기도",
    "강원": "강원특별자치도",
    "충북": "충청북도",
    "충남": "충청남도",
    "전북": "전북특별자치도",
    "전남": "전라남도",
    "경북": "경상북도",
    "경남": "경상남도",
    "제주": "제주특별자치도",
}
_RENAMED = {
    "강원도": "강원특별자치도",
    "전라북도": "전북특별자치도",
    "제주도": "제주특별자치도",
}
_TOTALS = {"전국", "계", "합계", "총계", "전체"}
# How a metropolitan city is often written in a 시도 column; `광주시` is not among them (see above).
_SPOKEN = {"서울시": "서울특별시", "부산시": "부산광역시", "대구시": "대구광역시", "인천시": "인천광역시",
           "대전시": "대전광역시", "울산시": "울산광역시", "세종시": "세종특별자치시"}


class Merger(NamedTuple):
    predecessors: tuple[str, ...]
    since: str          # first day of the merged 시도
    short: str


# 시도 that merged into a new one (vocab/data/sigungu.yaml gives the source).
MERGED = {"전남광주특별시": Merger(("광주광역시", "전라남도"), "2026-07-01", "광주특별시")}
# Other names exports print for a merged 시도: KOSIS's DT_1DA7E33S_NEW (2025) writes 전남광주통합특별시.
_MERGED_WRITTEN = {"전남광주통합특별시": "전남광주특별시"}

ALIASES: dict[str, str] = {name: name for name in SIDO}
ALIASES.update(_SHORT)
ALIASES.update(_RENAMED)
ALIASES.update(dict.fromkeys(_TOTALS, NATIONAL))
ALIASES.update(_SPOKEN)
ALIASES.update({name: name for name in MERGED} | {merger.short: name for name, merger in MERGED.items()})
ALIASES.update(_MERGED_WRITTEN)

_CODE_PREFIX = re.compile(r"^(\d{2,10})\s+(.*)$")


class UnknownRegionError(InputError, ValueError):
    """A label that names no 시도 (and no 시군구 whose 시도 is known)."""


def split_code(label: str) -> tuple[str | None, str]:
    """`24 광주광역시` -> ("24", "광주광역시"); labels without a code keep code None."""
    match = _CODE_PREFIX.match(label.strip())
    if match:
        return match.group(1), match.group(2)
    return None, label.strip()


def squeeze(label: str) -> str:
    """KOSIS pads short labels with inner spaces (`광  주`); 시도 names have none."""
    return re.sub(r"\s+", "", label)


def tidy(label: str) -> str:
    """A 시군구 name as printed, without KOSIS's padding: `동  구` -> `동구`, `천안시 동남구` unchanged."""
    tokens = label.split()
    return "".join(tokens) if all(len(token) == 1 for token in tokens) else " ".join(tokens)


def sido_name(label: str) -> str | None:
    """Canonical 시도 (or 전국) for a label, or None if the label is not a 시도."""
    code, name = split_code(label)
    name = squeeze(name)
    if name in ALIASES:
        return ALIASES[name]
    if code in SIDO_BY_CODE and not name:
        return SIDO_BY_CODE[code]
    if code == "00":
        return NATIONAL
    return None


def is_sigungu(label: str) -> bool:
    """시군구 labels end in 시, 군 or 구 (광주시, 동구, 담양군)."""
    _, name = split_code(label)
    name = squeeze(name)
    return bool(name) and name[-1] in "시군구" and name not in ALIASES


# The administrative (행정표준) codes some KOSIS tables use instead: 29 is 광주 here, 24 there.
SIDO_BY_ADMIN_CODE = {
    "11": "서울특별시", "26": "부산광역시", "27": "대구광역시", "28": "인천광역시", "29": "광주광역시",
    "30": "대전광역시", "31": "울산광역시", "36": "세종특별자치시", "41": "경기도", "42": "강원특별자치도",
    "51": "강원특별자치도", "43": "충청북도", "44": "충청남도", "45": "전북특별자치도", "52": "전북특별자치도",
    "46": "전라남도", "47": "경상북도", "48": "경상남도", "50": "제주특별자치도",
}
CODE_SCHEMES = {"kosis": SIDO_BY_CODE, "admin": SIDO_BY_ADMIN_CODE}
SUBTOTALS = {"소계", "계", "합계", "전체"}


def sido_of_code(code: str | None, scheme: str = "kosis") -> str | None:
    """The 시도 a 4- or 5-digit 시군구 code starts with (`31250 광주시` is in 경기도 in KOSIS codes)."""
    if code and len(code) >= 4:
        return CODE_SCHEMES[scheme].get(code[:2])
    return None


def code_scheme(labels) -> str:
    """`kosis` or `admin`: which code list the coded 시도 labels of a file follow (`kosis` if none)."""
    votes = {"kosis": 0, "admin": 0}
    for label in labels:
        code, name = split_code(str(label))
        sido = ALIASES.get(squeeze(name)) if code and len(code) == 2 else None
        for scheme, codes in CODE_SCHEMES.items():
            votes[scheme] += sido is not None and codes.get(code) == sido
    return "admin" if votes["admin"] > votes["kosis"] else "kosis"


def split_sido_prefix(name: str) -> tuple[str, str] | None:
    """`광주 동구`, `광주광역시 동구` or glued `서울특별시종로구` -> (시도, 시군구); None without a leading
    시도 name (a glued one must be the full name: `광주시` is never 광주 + 시)."""
    first, _, rest = name.strip().partition(" ")
    sido = ALIASES.get(first)
    if rest and sido and sido != NATIONAL:
        return sido, tidy(rest)
    glued = next((full for full in (*SIDO, *_RENAMED, *MERGED) if first.startswith(full) and len(first) > len(full)), None)
    if glued and not rest:
        return ALIASES[glued], first[len(glued):]
    return None


def canonical(label: str) -> str:
    """Canonical 시도 name for a user-supplied region, or a clear error listing valid names."""
    name = sido_name(label)
    if name is None:
        raise UnknownRegionError(
            f"unknown region {label!r}: expected one of {', '.join(SIDO)} (or {NATIONAL})"
        )
    return name


ORDER = (NATIONAL, *SIDO, *MERGED)
REGIONS = ORDER  # every region a table may hold: 전국, the 17 시도, and the merged 시도


def merged_into(sido: str) -> tuple[str, str] | None:
    """(successor, first day) for a 시도 that merged into another, else None."""
    return next(((name, m.since) for name, m in MERGED.items() if sido in m.predecessors), None)


def order(name: str) -> int:
    """KOSIS order: 전국 first, then the 17 시도 by code; anything else last."""
    return ORDER.index(name) if name in ORDER else len(ORDER)


def sort_key(series):
    """A pandas sort key that puts a `region` column in KOSIS order and leaves other columns alone."""
    return series.map(order) if series.name == "region" else series
