"""The establishment census: counts and workers from the raw export, revenue from the processed copy."""
from __future__ import annotations

import pandas as pd

from ...vocab.industries import split_industry
from ...vocab.sources import references
from .. import raw


def establishments_sido_industry(table) -> pd.DataFrame:
    """Inputs: [raw census export (counts, workers), processed sales table (revenue)]."""
    census_file, sales_file = table.inputs
    census = raw.read(census_file).data
    parts = census["산업별"].map(split_industry)
    counts = pd.DataFrame({
        "region": census["region"], "year": census["period"].astype(int), "industry": parts.str[0],
        "ksic": parts.str[2], "business_type": census["사업체구분별"], "item": census["item"],
        "value": census["value"], "unit": census["unit"], "marker": census["marker"],
        "source": references(census_file, census["source_line"])})
    sales = raw.read(sales_file).data
    sales = sales[sales["item"] == "매출액"]
    revenue = pd.DataFrame({
        "region": sales["region"], "year": sales["period"].astype(int),
        "industry": sales["산업별"].str.replace(" /", ","), "ksic": sales["산업코드"].replace("0", ""),
        "business_type": "계", "item": sales["item"], "value": sales["value"], "unit": sales["unit"],
        "marker": sales["marker"], "source": references(sales_file, sales["source_line"])})
    return pd.concat([counts, revenue], ignore_index=True)
