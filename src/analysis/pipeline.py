"""The processed tables: which raw files feed each one, how it is built, and its schema.

This module is the one place that declares the data graph. The Makefile's per-table rules
are generated from `TABLES` (`python -m analysis makefile`), so a new table needs no edit
anywhere else. Every row keeps `source` (raw file and line) so a number can be traced back.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from . import facts as facts_module
from . import manifest, paths, regions
from .kosis import read_kosis
from .schema import Column, Schema, dictionary, validate

EAPS_ANNUAL = "kosis/eaps_sido_annual_2000_2023.csv"
EAPS_INDUSTRY = "kosis/eaps_sido_industry_employed_annual_2015_2025.csv"
EAPS_MONTHLY = "kosis/eaps_gwangju_monthly_2011_2026_excerpt.csv"
CENSUS = "kosis/census_establishments_sido_industry_2021_2024.csv"
CENSUS_SALES = "kosis/census_establishments_sido_industry_sales_2021_2024_processed.csv"
MFG_KSIC2 = "kosis/mining_mfg_2024_gwangju_ksic2_excerpt.json"
FACTS = "facts/facts.csv"

REGIONS = (regions.NATIONAL, *regions.SIDO)
EMPLOYED = "취업자"

_INDUSTRY = re.compile(r"^(?:(?P<section>[A-U])\s+|\*\s+)?(?P<name>.*?)\s*(?:\((?P<range>[^()]*)\))?$")


def read(relative_path: str):
    """Read a raw KOSIS file after checking its hash, with the manifest's reader hints."""
    path = manifest.verified(relative_path)
    return read_kosis(path, **manifest.entry(relative_path).reader)


def _source(relative_path: str, lines: pd.Series) -> pd.Series:
    return relative_path + ":" + lines.astype(str)


def split_industry(label: str) -> tuple[str, str, str]:
    """`C 제조업(10~34)` -> ("제조업", "C", "10~34"); `* 광공업(B,C)` -> ("광공업", "B,C", "")."""
    match = _INDUSTRY.match(label)
    name, section, code_range = match.group("name"), match.group("section") or "", match.group("range") or ""
    code_range = code_range.replace(" ", "")
    if code_range and not re.match(r"^\d", code_range):  # an aggregate lists sections, not KSIC codes
        section, code_range = code_range, ""
    if name in ("계", "전체 산업"):
        section = "ALL"
    return name, section, code_range


# -- builders -------------------------------------------------------------------------------------

def build_employment_annual() -> pd.DataFrame:
    """Labour-force indicators by 시도 and year, with 취업자 published from 2015 and derived before."""
    annual = read(EAPS_ANNUAL).data
    annual = annual.assign(year=annual["period"].astype(int), derived=False,
                           source=_source(EAPS_ANNUAL, annual["source_line"]))
    industry = read(EAPS_INDUSTRY).data
    total = industry[industry["산업별"] == "계"]
    published = total.assign(year=total["period"].astype(int), item=EMPLOYED, derived=False,
                             source=_source(EAPS_INDUSTRY, total["source_line"]))
    columns = ["region", "year", "item", "value", "unit", "derived", "marker", "source"]
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
    derived = pd.DataFrame(rows, columns=columns)
    table = pd.concat([annual[columns], published[columns], derived], ignore_index=True)
    return table.sort_values(["region", "item", "year"], key=_region_key).reset_index(drop=True)


def build_employment_industry() -> pd.DataFrame:
    """Employed persons by 시도, industry section and year (천명)."""
    data = read(EAPS_INDUSTRY).data
    parts = data["산업별"].map(split_industry)
    table = pd.DataFrame({
        "region": data["region"],
        "year": data["period"].astype(int),
        "industry": parts.str[0],
        "section": parts.str[1],
        "ksic": parts.str[2],
        "value": data["value"],
        "unit": data["unit"],
        "marker": data["marker"],
        "source": _source(EAPS_INDUSTRY, data["source_line"]),
    })
    return table


def build_employment_monthly() -> pd.DataFrame:
    """Monthly 취업자 and 고용률 (Gwangju excerpt)."""
    data = read(EAPS_MONTHLY).data
    return pd.DataFrame({
        "region": data["region"], "month": data["period"], "item": data["item"], "value": data["value"],
        "unit": data["unit"], "source": _source(EAPS_MONTHLY, data["source_line"])})


def build_establishments() -> pd.DataFrame:
    """Establishments and workers by 시도, industry section, business type and year (census)."""
    census = read(CENSUS).data
    parts = census["산업별"].map(split_industry)
    counts = pd.DataFrame({
        "region": census["region"], "year": census["period"].astype(int), "industry": parts.str[0],
        "ksic": parts.str[2], "business_type": census["사업체구분별"], "item": census["item"],
        "value": census["value"], "unit": census["unit"], "marker": census["marker"],
        "source": _source(CENSUS, census["source_line"])})
    sales = read(CENSUS_SALES).data
    sales = sales[sales["item"] == "매출액"]
    revenue = pd.DataFrame({
        "region": sales["region"], "year": sales["period"].astype(int),
        "industry": sales["산업별"].str.replace(" /", ","), "ksic": sales["산업코드"].replace("0", ""),
        "business_type": "계", "item": sales["item"], "value": sales["value"], "unit": sales["unit"],
        "marker": sales["marker"], "source": _source(CENSUS_SALES, sales["source_line"])})
    return pd.concat([counts, revenue], ignore_index=True)


def build_manufacturing_ksic2() -> pd.DataFrame:
    """Gwangju manufacturing by 2-digit KSIC, 2024, establishments with 10+ workers."""
    path = manifest.verified(MFG_KSIC2)
    document = json.loads(path.read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = []
    for region_code, sectors in document.items():
        region = regions.SIDO_BY_CODE.get(region_code)
        if region is None:
            raise ValueError(f"{path}: unknown region code {region_code!r}; expected one of {list(regions.SIDO_BY_CODE)}")
        for code, record in sectors.items():
            line = next(i for i, text in enumerate(lines, 1) if f'"{code}"' in text)
            for item, unit in (("establishments", "개"), ("employees", "명"), ("shipments_million_krw", "백만원")):
                value = record[item]
                rows.append({"region": region, "year": 2024, "ksic2": code, "sector": record["sector"],
                             "item": item, "value": value, "unit": unit,
                             "marker": "" if value is not None else "X",
                             "source": f"{MFG_KSIC2}:{line}"})
    return pd.DataFrame(rows).astype({"value": float})


def build_facts() -> pd.DataFrame:
    """The facts table, one value per row, dates parsed, URL and quote kept."""
    table = facts_module.tidy(manifest.verified(FACTS))
    table["source"] = FACTS + ":" + table.pop("source_line").astype(str)
    return table


def _region_key(series: pd.Series) -> pd.Series:
    if series.name == "region":
        return series.map(lambda r: REGIONS.index(r) if r in REGIONS else len(REGIONS))
    return series


# -- declarations ---------------------------------------------------------------------------------

_SOURCE = Column("str", "raw file and line the value comes from (`file:line`)")
_MARKER = Column("str", "KOSIS marker that replaced a missing value: '-' none, 'X' suppressed, '…' n/a, '' a number",
                 allowed=("", "-", "X", "…", "(blank)"))
_REGION = Column("str", "시도 (canonical current name) or 전국", allowed=REGIONS)


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    inputs: tuple[str, ...]
    build: Callable[[], pd.DataFrame]
    schema: Schema

    @property
    def path(self) -> Path:
        return paths.PROCESSED / f"{self.name}.csv"


TABLES = {t.name: t for t in [
    Table("employment_sido_annual",
          "Labour-force indicators by 시도 and year. 취업자 is published for 2015–2025 (industry file, row 계); "
          "for 2000–2014 it is derived as 15세이상인구 × 고용률 / 100 and flagged `derived`.",
          (EAPS_ANNUAL, EAPS_INDUSTRY), build_employment_annual,
          Schema({"region": _REGION,
                  "year": Column("int", "calendar year", minimum=1990, maximum=2100),
                  "item": Column("str", "indicator as named by KOSIS (취업자, 고용률, 15세이상인구, …)"),
                  "value": Column("float", "value in `unit`", minimum=0),
                  "unit": Column("str", "unit", allowed=("천명", "%")),
                  "derived": Column("bool", "True where computed by this project rather than published"),
                  "marker": _MARKER, "source": _SOURCE},
                 key=("region", "year", "item"), null_only_if=(("value", "marker"),))),
    Table("employment_sido_industry_annual",
          "Employed persons (천명) by 시도, industry section and year.",
          (EAPS_INDUSTRY,), build_employment_industry,
          Schema({"region": _REGION,
                  "year": Column("int", "calendar year", minimum=1990, maximum=2100),
                  "industry": Column("str", "industry name without its code"),
                  "section": Column("str", "KSIC section letter, sections of an aggregate (B,C), or ALL"),
                  "ksic": Column("str", "KSIC 2-digit range of the section (10~34), '' for aggregates"),
                  "value": Column("float", "employed persons", minimum=0),
                  "unit": Column("str", "unit", allowed=("천명",)),
                  "marker": _MARKER, "source": _SOURCE},
                 key=("region", "year", "industry"), null_only_if=(("value", "marker"),))),
    Table("employment_monthly",
          "Monthly 취업자 (천명) and 고용률 (%), Gwangju.",
          (EAPS_MONTHLY,), build_employment_monthly,
          Schema({"region": _REGION,
                  "month": Column("str", "YYYY-MM"),
                  "item": Column("str", "indicator", allowed=("취업자", "고용률")),
                  "value": Column("float", "value in `unit`", minimum=0),
                  "unit": Column("str", "unit", allowed=("천명", "%")),
                  "source": _SOURCE},
                 key=("region", "month", "item"))),
    Table("establishments_sido_industry",
          "Establishments (개), workers (명) by 시도, industry section, business type and year (전국사업체조사, "
          "register-based since 2020); revenue (백만원, business type 계) from the processed sales table.",
          (CENSUS, CENSUS_SALES), build_establishments,
          Schema({"region": _REGION,
                  "year": Column("int", "calendar year", minimum=2020, maximum=2100),
                  "industry": Column("str", "industry section name"),
                  "ksic": Column("str", "KSIC 2-digit range (58~63), '' for all industries"),
                  "business_type": Column("str", "계, 단독사업체, 본사·본점, 공장·지사"),
                  "item": Column("str", "indicator", allowed=("사업체수", "종사자수", "매출액")),
                  "value": Column("float", "value in `unit`", minimum=0),
                  "unit": Column("str", "unit", allowed=("개", "명", "백만원")),
                  "marker": _MARKER, "source": _SOURCE},
                 key=("region", "year", "ksic", "business_type", "item"), null_only_if=(("value", "marker"),))),
    Table("manufacturing_ksic2_2024",
          "Manufacturing by 2-digit KSIC (C10–C34), Gwangju, 2024, establishments with 10+ workers "
          "(광업제조업조사). Not comparable with census counts.",
          (MFG_KSIC2,), build_manufacturing_ksic2,
          Schema({"region": _REGION,
                  "year": Column("int", "calendar year", minimum=2020, maximum=2100),
                  "ksic2": Column("str", "KSIC code (C, C10 … C34)"),
                  "sector": Column("str", "sector name"),
                  "item": Column("str", "indicator", allowed=("establishments", "employees", "shipments_million_krw")),
                  "value": Column("float", "value in `unit`", minimum=0),
                  "unit": Column("str", "unit", allowed=("개", "명", "백만원")),
                  "marker": _MARKER, "source": _SOURCE},
                 key=("region", "ksic2", "item"), null_only_if=(("value", "marker"),))),
    Table("facts",
          "Dated facts from news reports, one value per row; each keeps its URL and verbatim quote.",
          (FACTS,), build_facts,
          Schema({"fact_id": Column("str", "stable id: topic and a hash of URL and claim; .N for the N-th value"),
                  "topic": Column("str", "topic (pledge, ai_mou, ggm, …)"),
                  "claim_en": Column("str", "what the row states, in English"),
                  "value": Column("float", "the number, where the value is one", nullable=True),
                  "value_text": Column("str", "the value as written"),
                  "approximate": Column("bool", "True where the source gives an approximate figure (~)"),
                  "unit": Column("str", "unit of this value"),
                  "as_of": Column("str", "date the figure refers to, as written"),
                  "as_of_date": Column("date", "as_of parsed (midpoint where only a month or year is given)",
                                       nullable=True),
                  "published": Column("str", "publication date as written (with inference notes)"),
                  "published_date": Column("date", "published parsed", nullable=True),
                  "source_url": Column("str", "article URL"),
                  "quote": Column("str", "verbatim quote holding the figure"),
                  "source": _SOURCE},
                 key=("fact_id",))),
]}


def build(name: str) -> pd.DataFrame:
    """Build one table, validate it and write it atomically."""
    table = TABLES[name]
    frame = validate(table.build().reset_index(drop=True), table.schema, name)
    table.path.parent.mkdir(parents=True, exist_ok=True)
    temporary = table.path.with_suffix(".csv.tmp")
    frame.to_csv(temporary, index=False)
    temporary.replace(table.path)
    return frame


def employed(employment: pd.DataFrame, region: str) -> pd.DataFrame:
    """One region's 취업자 rows (published and derived) of `employment_sido_annual`, by year."""
    rows = employment[(employment["region"] == region) & (employment["item"] == EMPLOYED)]
    return rows.dropna(subset=["value"]).sort_values("year")


def load(name: str) -> pd.DataFrame:
    """Read a processed table with its declared types."""
    table = TABLES[name]
    if not table.path.exists():
        raise FileNotFoundError(f"{table.path} is missing: run `make data`")
    kinds = {c: col.kind for c, col in table.schema.columns.items()}
    dtypes = {c: "string" if k == "str" else "float64" for c, k in kinds.items() if k in ("str", "float")}
    frame = pd.read_csv(table.path, dtype=dtypes, keep_default_na=False, na_values={
        c: [""] for c, k in kinds.items() if k in ("float", "date")},
        parse_dates=[c for c, k in kinds.items() if k == "date"])
    for column, kind in kinds.items():
        if kind == "str":
            frame[column] = frame[column].astype(object)
    return frame


def write_dictionary() -> Path:
    path = paths.PROCESSED / "README.md"
    sections = ["# Data dictionary", "",
                "Generated by `make data` from the declarations in `src/analysis/pipeline.py`; "
                "do not edit by hand. Provenance of each raw file: `data/raw/manifest.yaml`.", ""]
    sections += [dictionary(t.schema, t.name, t.description, t.inputs) for t in TABLES.values()]
    path.write_text("\n".join(sections), encoding="utf-8")
    return path
