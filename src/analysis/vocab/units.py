"""Units and the one place they are converted: labour-force series are in 천명, pledges in persons."""
from __future__ import annotations

PERSONS_PER_THOUSAND = 1000.0

# Money units that appear in the facts table, as multiples of 1조원 (trillion KRW).
TRILLION_KRW = {"trillion KRW": 1.0, "100 million KRW": 1e-4}


def thousands(persons: float) -> float:
    """Persons → 천명 (the unit of the labour-force survey)."""
    return persons / PERSONS_PER_THOUSAND


def persons(thousand_persons: float) -> float:
    """천명 → persons."""
    return thousand_persons * PERSONS_PER_THOUSAND


def in_trillion_krw(value: float, unit: str) -> float:
    """A money figure of the facts table in 조원; an unknown unit is an error, never a guess."""
    if unit not in TRILLION_KRW:
        raise KeyError(f"unknown money unit {unit!r}; expected one of {sorted(TRILLION_KRW)}")
    return value * TRILLION_KRW[unit]
