"""Real KOSIS downloads from public repositories (tests/fixtures/kosis_real, provenance in its
corpus.yaml): every value read by eye from the raw text must come out of the reader exactly."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from analysis.ingest.kosis import read_kosis
from analysis.ingest.kosis.cells import FULL_WIDTH

CORPUS = Path(__file__).parent / "fixtures" / "kosis_real"
ENTRIES = yaml.safe_load((CORPUS / "corpus.yaml").read_text(encoding="utf-8"))
# What a file does not say itself, as an analyst would give it (`add --sido`, manifest `reader:`).
HINTS = {entry["file"]: entry["reader_hints"] for entry in ENTRIES if "reader_hints" in entry}
HINTS["08_seoul_traffic_accidents_weekday_3hdr.csv"] = {"sido": "서울특별시"}
MARKERS = {"-": "-", "...": "…", "…": "…", "X": "X", "x": "X", "*": "*", "": "(blank)"}


@pytest.fixture(scope="module")
def tables():
    return {entry["file"]: read_kosis(CORPUS / entry["file"], **HINTS.get(entry["file"], {})) for entry in ENTRIES}


def test_the_corpus_is_large_and_varied():
    assert len(ENTRIES) >= 15
    tags = {tag for entry in ENTRIES for tag in entry["layout"]}
    assert len(tags) >= 25
    for entry in ENTRIES:
        assert entry["repo"] and len(entry["commit"]) == 40 and entry["path"] and len(entry["values"]) >= 2


def _same_header(a: str, b: str) -> bool:
    """Headers as printed and as the reader reports them (line breaks and `<br>` become spaces,
    full-width forms ASCII)."""
    def tidy(text):
        return re.sub(r"\s+", " ", re.sub(r"<br\s*/?>", " ", text.translate(FULL_WIDTH))).strip()
    return tidy(a) == tidy(b)


def _cells(table, value):
    column = next(number for number, header in table.columns.items() if _same_header(header, value["column"]))
    data = table.data
    return data[(data["source_line"] == value["line"]) & (data["source_column"] == column)]


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["file"] for entry in ENTRIES])
def test_every_value_read_by_eye_comes_out_exactly(tables, entry):
    table = tables[entry["file"]]
    for value in entry["values"]:
        cells = _cells(table, value)
        printed = str(value["printed"])
        if "/" in printed:  # a composite unit such as 세대/명: two rows, one per figure
            assert sorted(cells["value"]) == sorted(float(p) for p in printed.split("/")), value
        elif printed.strip() in MARKERS:
            assert len(cells) == 1 and cells["value"].isna().all(), value
            assert cells["marker"].iloc[0] == MARKERS[printed.strip()], value
        else:
            assert len(cells) == 1 and cells["value"].iloc[0] == float(printed.replace(",", "")), value


def test_no_row_is_lost(tables):
    """Every value cell of the grid becomes one row (two under a composite unit)."""
    for name, table in tables.items():
        cells = table.data.groupby(["source_line", "source_column"]).size()
        assert cells.isin([1, 2]).all(), name
        assert (cells == 2).sum() == table.data["unit"].str.contains("/").sum() // 2 or "05_" in name


def test_gyeonggi_gwangju_keeps_its_sido(tables):
    data = tables["09_sigungu_births_tfr_coded_5digit.csv"].data
    row = data[data["source_line"] == 130].iloc[0]
    assert (row["region"], row["sigungu"]) == ("경기도", "광주시")
    assert set(data.loc[data["sigungu"] == "", "region"]) >= {"전국", "광주광역시"}


def test_sigungu_in_a_column_of_their_own_with_subtotals(tables):
    data = tables["13_registered_disabled_sigungu_3hdr.csv"].data
    assert data[data["source_line"] == 168]["sigungu"].iloc[0] == "천안시 동남구"
    assert data[data["source_line"] == 168]["region"].iloc[0] == "충청남도"
    total = data[data["source_line"] == 5]
    assert (total["region"] == "서울특별시").all() and (total["sigungu"] == "").all()


def test_provisional_periods_are_flagged(tables):
    data = tables["14_grdp_per_capita_items_rows_p_mark.csv"].data
    assert set(data.loc[data["period"] == "2023", "flag"]) == {"p"}
    assert set(data.loc[data["period"] == "2022", "flag"]) == {""}
    assert set(tables["17_power_trading_region_p_mark_2hdr.csv"].data.query("period == '2022'")["flag"]) == {"p"}


def test_spreadsheet_october_is_october(tables):
    table = tables["18_employed_by_occupation_chungbuk_monthly_excel_resaved.csv"]
    assert sorted(table.data["period"].unique())[:3] == ["2025-10", "2025-11", "2025-12"]
    assert "2025.1 → 2025.10" in table.detected["notes"]


def test_periods_down_the_rows_with_regions_across_the_columns(tables):
    table = tables["07_chemical_release_by_region_period_rows.csv"]
    assert table.detected["layout"].startswith("long")
    assert {"전국", "광주광역시", "강원특별자치도"} <= set(table.data["region"])


def test_tables_without_a_region_are_read_as_they_are(tables):
    for name in ("02_unemployment_rate_sex_age_annual.csv", "19_power_generation_monthly_4hdr_no_region_excerpt.csv"):
        assert "region" not in tables[name].data
    earthquakes = tables["06_earthquake_count_region_magnitude.csv"]
    assert "지역별" in earthquakes.data and "kept as a classification" in earthquakes.detected["notes"]


def test_units_in_row_labels_and_composite_units(tables):
    data = tables["05_natural_disaster_damage_by_cause.csv"].data
    displaced = data[(data["source_line"] == 4) & (data["item"] == "총계")]
    assert sorted(zip(displaced["unit"], displaced["value"])) == [("명", 8332.0), ("세대", 4397.0)]
    assert set(data.loc[data["source_line"] == 3, "피해현황별"]) == {"총피해액"}


def test_indentation_of_a_real_grdp_export_is_kept(tables):
    """File 20: U+3000-indented sub-industries get a level and a parent; one level under a parent sums
    to it (명목, exactly, as printed); chain-linked 실질 does not, and the read says so."""
    table = tables["20_grdp_by_industry_sido_u3000_indent_no_period_excerpt.csv"]
    data = table.data[table.data["item"] == "명목"]
    seoul = data[data["region"] == "서울특별시"].set_index("경제활동별")
    assert seoul.loc["광업", ["경제활동별_level", "경제활동별_parent"]].tolist() == ["1", "광제조업"]
    assert seoul.loc["음식료품 및 담배제조업", "경제활동별_parent"] == "제조업"
    for parent in ("광제조업", "제조업", "서비스업"):
        assert seoul.loc[seoul["경제활동별_parent"] == parent, "value"].sum() == seoul.loc[parent, "value"]
    assert "children do not sum to their parent in 6 of 18 cases (items 실질)" in table.detected["notes"]
    assert set(table.data["period"]) == {"2021"}


def test_a_sigungu_export_without_sido_rows_places_every_name(tables):
    """File 21: bare cities behind 4-digit codes, 광역시 districts with their 시도, 고성군 twice."""
    data = tables["21_sigungu_labour_force_halfyear_bare_and_prefixed_fullwidth_pct.csv"].data
    by_line = data.drop_duplicates("source_line").set_index("source_line")
    assert by_line.loc[78, ["region", "sigungu"]].tolist() == ["경기도", "수원시"]
    assert by_line.loc[102, ["region", "sigungu"]].tolist() == ["경기도", "광주시"]
    assert by_line.loc[125, "region"] == "강원특별자치도" and by_line.loc[222, "region"] == "경상남도"
    assert by_line.loc[52, ["region", "sigungu"]].tolist() == ["대구광역시", "군위군"]
    assert by_line.loc[63, ["region", "sigungu", "region_label"]].tolist() == ["광주광역시", "동구", "2401 광주 동구"]
    assert set(data.loc[data["item"] == "경제활동참가율", "unit"]) == {"%"}
    assert len(data) == 228 * 9 and set(data["period"]) == {"2024-H1"}
    gwangju = data[(data["region"] == "광주광역시") & (data["item"] == "취업자")]
    assert gwangju["value"].sum() == 58 + 150 + 110 + 228 + 226
