"""Labour-force tables: annual indicators by 시도 (with derived 취업자 before 2015), employed
persons by industry, and the monthly Gwangju excerpt."""
from __future__ import annotations

import pandas as pd

from ...vocab import regions
from ...vocab.industries import split_industry
from ...vocab.sources import references
from .. import raw

EMPLOYED = "취업자"
COLUMNS = ["region", "year", "item", "value", "unit", "derived", "marker", "source"]


def _derived_employed(annual: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """취업자 = 15세이상인구 × 고용률 / 100 for the region-years the industry file does not publish."""
    wide = annual.pivot_table(index=["region", "year"], columns="item", values="value", aggfunc="first")
    sources = annual.pivot_table(index=["region", "year"], columns="item", values="source", aggfunc="first")
    have = set(zip(published["region"], published["year"]))
    rows = []
    for (region, year), row in wide.iterrows():
        if (region, year) in have or pd.isna(row["15세이상인구"]) or pd.isna(row["고용률"]):
            continue
        rows.append({"region": region, "year": year, "item": EMPLOYED,
                     "value": round(row["15세이상인구"] * row["고용률"] / 100, 1), "unit": "천명",
                     "derived": True, "marker": "",
                     "source": f"{sources.loc[(region, year), '15세이상인구']} × 고용률/100"})
    return pd.DataFrame(rows, columns=COLUMNS)


def employment_sido_annual(table) -> pd.DataFrame:
    """Inputs: [annual indicators export, industry export]. 취업자 published from the industry
    file's row 계; derived before that and flagged."""
    annual_file, industry_file = table.inputs
    annual = raw.read(annual_file).data
    annual = annual.assign(year=annual["period"].astype(int), derived=False,
                           source=references(annual_file, annual["source_line"]))
    industry = raw.read(industry_file).data
    total = industry[industry["산업별"] == "계"]
    published = total.assign(year=total["period"].astype(int), item=EMPLOYED, derived=False,
                             source=references(industry_file, total["source_line"]))
    frame = pd.concat([annual[COLUMNS], published[COLUMNS], _derived_employed(annual, published)],
                      ignore_index=True)
    return frame.sort_values(["region", "item", "year"], key=regions.sort_key).reset_index(drop=True)


def employment_sido_industry_annual(table) -> pd.DataFrame:
    """Inputs: [industry export]. Employed persons by 시도, industry section and year."""
    (industry_file,) = table.inputs
    data = raw.read(industry_file).data
    parts = data["산업별"].map(split_industry)
    return pd.DataFrame({
        "region": data["region"], "year": data["period"].astype(int), "industry": parts.str[0],
        "section": parts.str[1], "ksic": parts.str[2], "value": data["value"], "unit": data["unit"],
        "marker": data["marker"], "source": references(industry_file, data["source_line"])})


def employment_monthly(table) -> pd.DataFrame:
    """Inputs: [monthly excerpt]. Monthly 취업자 and 고용률."""
    (monthly_file,) = table.inputs
    data = raw.read(monthly_file).data
    return pd.DataFrame({
        "region": data["region"], "month": data["period"], "item": data["item"], "value": data["value"],
        "unit": data["unit"], "source": references(monthly_file, data["source_line"])})


def employed(employment: pd.DataFrame, region: str) -> pd.DataFrame:
    """One region's 취업자 rows (published and derived) of `employment_sido_annual`, by year."""
    rows = employment[(employment["region"] == region) & (employment["item"] == EMPLOYED)]
    return rows.dropna(subset=["value"]).sort_values("year")
