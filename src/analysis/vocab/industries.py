"""Industry labels of the labour-force survey and the establishment census (KSIC sections)."""
from __future__ import annotations

import re

_INDUSTRY = re.compile(r"^(?:(?P<section>[A-U])\s+|\*\s+)?(?P<name>.*?)\s*(?:\((?P<range>[^()]*)\))?$")
TOTALS = ("계", "전체 산업")


def split_industry(label: str) -> tuple[str, str, str]:
    """`C 제조업(10~34)` -> ("제조업", "C", "10~34"); `* 광공업(B,C)` -> ("광공업", "B,C", "")."""
    match = _INDUSTRY.match(label)
    name, section, code_range = match.group("name"), match.group("section") or "", match.group("range") or ""
    code_range = code_range.replace(" ", "")
    if code_range and not re.match(r"^\d", code_range):  # an aggregate lists sections, not KSIC codes
        section, code_range = code_range, ""
    if name in TOTALS:
        section = "ALL"
    return name, section, code_range
