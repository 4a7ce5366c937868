"""The latest period of each input (data/processed/vintage.json), for report footers."""
from __future__ import annotations

import json

from .. import paths
from ..files import write_if_changed
from .queries import EMPLOYED
from .store import load


def write_vintage() -> None:
    annual = load("employment_sido_annual")
    monthly = load("employment_monthly")
    census = load("establishments_sido_industry")
    manufacturing = load("manufacturing_ksic2_2024")
    facts = load("facts")
    vintage = {
        "경제활동인구조사 시도별 연간 (고용률 등)": int(annual.loc[annual["item"] == "고용률", "year"].max()),
        "경제활동인구조사 시도·산업별 취업자": int(annual.loc[(annual["item"] == EMPLOYED) & ~annual["derived"], "year"].max()),
        "경제활동인구조사 월별 (광주)": str(monthly["month"].max()),
        "전국사업체조사": int(census["year"].max()),
        "광업제조업조사 중분류 (광주)": int(manufacturing["year"].max()),
        "사실 자료 facts.csv (최신 보도일)": str(facts["published_date"].max().date()),
    }
    write_if_changed(paths.PROCESSED / "vintage.json", json.dumps(vintage, ensure_ascii=False, indent=1))
