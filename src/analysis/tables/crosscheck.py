"""Checks across processed tables: independent sources must agree before a report uses them."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..vocab.units import thousands
from . import queries, raw
from .catalog import table
from .queries import EMPLOYED
from .store import load

# Tolerances, with why they are this size.
MONTHLY_VS_ANNUAL = 0.01   # the rule: 12-month means within 1% of the annual figure
RATE_RECONSTRUCTION = 0.006  # 고용률 has one decimal: ±0.05 pt on a ~60% rate is ±0.1%; 천명 rounding adds more for small 시도
FACTS_VS_KOSIS = 0.002     # news rounds to the thousand: 776,000 vs 776 천명


@dataclass
class Check:
    name: str
    detail: str
    worst: float
    tolerance: float

    @property
    def passed(self) -> bool:
        return self.worst <= self.tolerance


def _years(index: pd.MultiIndex) -> str:
    """'광주광역시 2015–2025' for a (region, year) index."""
    regions, years = index.get_level_values(0).unique(), index.get_level_values(1)
    return f"{', '.join(regions)} {int(years.min())}–{int(years.max())}"


def monthly_vs_annual() -> Check:
    means = queries.annual_means(load("employment_monthly"), EMPLOYED).set_index(["region", "year"])["value"]
    annual = load("employment_sido_annual")
    annual = annual[(annual["item"] == EMPLOYED) & ~annual["derived"]].set_index(["region", "year"])["value"]
    joined = pd.concat({"monthly": means, "annual": annual}, axis=1).dropna()
    gap = (joined["monthly"] / joined["annual"] - 1).abs()
    return Check("취업자: 12-month mean of the monthly file vs the annual industry file",
                 f"{len(gap)} region-years ({_years(joined.index)})",
                 float(gap.max()), MONTHLY_VS_ANNUAL)


def rate_reconstruction() -> Check:
    annual = load("employment_sido_annual")
    wide = annual.pivot_table(index=["region", "year"], columns=["item", "derived"], values="value")
    both = wide[[("15세이상인구", False), ("고용률", False), (EMPLOYED, False)]].dropna()
    rebuilt = both[("15세이상인구", False)] * both[("고용률", False)] / 100
    gap = (rebuilt / both[(EMPLOYED, False)] - 1).abs()
    region, year = gap.idxmax()
    return Check("15세이상인구 × 고용률 reproduces published 취업자",
                 f"{len(gap)} region-years; worst {region} {int(year)}", float(gap.max()), RATE_RECONSTRUCTION)


def facts_vs_kosis() -> Check:
    facts = load("facts")
    official = facts[(facts["topic"] == "employment") & (facts["unit"] == "persons")
                     & (facts["as_of_note"] == "annual")]
    official = official[official["claim_en"].str.contains("employed persons")]
    annual = load("employment_sido_annual")
    gwangju = annual[(annual["region"] == "광주광역시") & (annual["item"] == EMPLOYED)].set_index("year")["value"]
    gaps = [abs(thousands(row.value) / gwangju[row.as_of_date.year] - 1) for row in official.itertuples()]
    return Check("Gwangju 취업자 in news releases (facts) vs KOSIS", f"{len(gaps)} years",
                 max(gaps), FACTS_VS_KOSIS)


def census_raw_vs_processed() -> Check:
    """The processed sales table re-states the raw census counts; they must be identical."""
    census_file, sales_file = table("establishments_sido_industry").inputs
    counts = load("establishments_sido_industry")
    counts = counts[(counts["business_type"] == "계") & counts["item"].isin(["사업체수", "종사자수"])
                    & counts["source"].str.startswith(census_file + ":")]
    counts = counts.assign(ksic=counts["ksic"].replace("", "0")).set_index(["region", "year", "ksic", "item"])["value"]
    other = raw.read(sales_file).data
    other = other[other["item"].isin(["사업체수", "종사자수"])].assign(year=lambda d: d["period"].astype(int))
    other = other.set_index(["region", "year", "산업코드", "item"])["value"]
    other.index = other.index.set_names(counts.index.names)
    joined = pd.concat({"raw": counts, "other": other}, axis=1).dropna()
    gap = (joined["raw"] - joined["other"]).abs() / joined["raw"].clip(lower=1)
    return Check("census counts: raw export vs processed sales table", f"{len(joined)} cells",
                 float(gap.max()), 0.0)


CHECKS = (monthly_vs_annual, rate_reconstruction, facts_vs_kosis, census_raw_vs_processed)


def run() -> pd.DataFrame:
    results = [check() for check in CHECKS]
    return pd.DataFrame([{"check": c.name, "detail": c.detail, "worst_relative_gap": round(c.worst, 5),
                          "tolerance": c.tolerance, "passed": c.passed} for c in results])
