"""The one KOSIS reader: real exports, every layout variant the issue lists, and bad input."""
from __future__ import annotations

import pytest

from analysis import paths
from analysis.ingest.kosis import KosisFormatError, parse_item, read_kosis
from analysis.vocab.periods import parse_period
from analysis.vocab.regions import UnknownRegionError, canonical

RAW = paths.RAW / "kosis"


# -- real files ------------------------------------------------------------------------------------

def test_two_header_rows_with_codes_and_units():
    table = read_kosis(RAW / "eaps_sido_annual_2000_2023.csv")
    data = table.data
    assert table.detected["header_rows"] == 2
    row = data[(data.region == "광주광역시") & (data.item == "15세이상인구") & (data.period == "2023")].iloc[0]
    assert row.value == 1280 and row.unit == "천명" and row.source_line == 8
    assert set(data["unit"]) == {"천명", "%"}
    sejong = data[(data.region == "세종특별자치시") & (data.period == "2016")]
    assert sejong["value"].isna().all() and set(sejong["marker"]) == {"-"}


def test_renamed_regions_are_normalised():
    regions = set(read_kosis(RAW / "eaps_sido_annual_2000_2023.csv").data["region"])
    assert {"강원특별자치도", "전북특별자치도", "제주특별자치도"} <= regions
    assert not {"강원도", "전라북도", "제주도"} & regions


def test_one_header_row_needs_item_and_unit_from_the_manifest():
    path = RAW / "eaps_sido_industry_employed_annual_2015_2025.csv"
    with pytest.raises(KosisFormatError, match="names no item"):
        read_kosis(path)
    data = read_kosis(path, item="취업자", unit="천명").data
    gwangju = data[(data.region == "광주광역시") & (data["산업별"] == "계")].set_index("period")["value"]
    assert gwangju["2025"] == 776 and gwangju["2015"] == 733


def test_blank_labels_repeat_the_row_above_and_inner_spaces_are_removed():
    table = read_kosis(RAW / "census_establishments_sido_industry_2021_2024.csv")
    data = table.data
    assert table.detected["blank labels filled from the row above"] > 0
    gwangju = data[(data.region == "광주광역시") & (data["산업별"] == "전체 산업") & (data["사업체구분별"] == "계")]
    assert len(gwangju) == 8  # 4 years × 2 items
    assert set(data.loc[data.marker == "X", "value"].isna()) == {True}


def test_period_in_rows_layout_with_bom():
    table = read_kosis(RAW / "census_establishments_sido_industry_sales_2021_2024_processed.csv")
    assert table.detected["encoding"] == "utf-8-sig"
    assert table.detected["layout"].startswith("long")
    assert {"사업체수", "종사자수", "매출액"} == set(table.data["item"])


def test_monthly_long_file_normalises_periods():
    data = read_kosis(RAW / "eaps_gwangju_monthly_2011_2026_excerpt.csv").data
    assert data["period"].min() == "2011-01" and data["period"].max() == "2026-08"
    assert set(data["region"]) == {"광주광역시"}


# -- layout variants written here ----------------------------------------------------------------------

def test_cp949_quoted_line_break_thousands_and_markers(write_csv):
    text = ('시도별,산업별,2023 년,2024 년\n'
            '광주광역시,"정보통신업\n(58~63)",1,"2,345"\n'
            ',제조업,X,…\n')
    data = read_kosis(write_csv(text, encoding="cp949"), item="사업체수", unit="개").data
    assert list(data["value"][:2]) == [1, 2345]
    assert data["산업별"][0] == "정보통신업 (58~63)"
    assert list(data["marker"][2:]) == ["X", "…"] and data["value"][2:].isna().all()
    assert (data["region"] == "광주광역시").all()


@pytest.mark.parametrize("label, expected", [
    ("2024", "2024"), ("Y2024 2024", "2024"), ("2024 년", "2024"), ("2024.01 월", "2024-01"),
    ("2024년01월", "2024-01"), ("M202401 2024.01", "2024-01"), ("202401", "2024-01"), ("2024-01", "2024-01"),
    ("2024.1/2", "2024-H1"), ("H202401 2024.1/2", "2024-H1"), ("2024.2/2", "2024-H2"),
    ("2024.1/4", "2024-Q1"), ("Q202403 2024.3/4", "2024-Q3"), ("2024 4/4 분기", "2024-Q4"),
    ("계", None), ("T10 15세이상인구", None), ("2024.13", None),
])
def test_periods(label, expected):
    assert parse_period(label) == expected


@pytest.mark.parametrize("label, expected", [
    ("T20 경제활동인구 (14STD06156 천명)", ("T20", "경제활동인구", "천명")),
    ("사업체수 (개)", (None, "사업체수", "개")),
    ("고용률(%)", (None, "고용률", "%")),
    ("제조업(10~34)", (None, "제조업(10~34)", None)),
])
def test_items_split_code_name_and_unit(label, expected):
    assert parse_item(label) == expected


def test_half_years_in_columns_and_periods_in_rows(write_csv):
    wide = read_kosis(write_csv("시도별,2024.1/2,2024.2/2\n광주,1,2\n"), item="x", unit="명").data
    assert list(wide["period"]) == ["2024-H1", "2024-H2"]
    long = read_kosis(write_csv("시도별,시점,취업자 (천명),고용률 (%)\n광주,2024.01 월,770,60.1\n")).data
    assert set(long["item"]) == {"취업자", "고용률"} and set(long["period"]) == {"2024-01"}


def test_sigungu_keep_their_sido_and_gyeonggi_gwangju_is_not_gwangju_city(write_csv):
    text = "행정구역별,2024\n경기도,100\n광주시,20\n광주광역시,50\n동구,5\n"
    data = read_kosis(write_csv(text), item="사업체수", unit="개").data
    assert data[["region", "sigungu"]].values.tolist() == [
        ["경기도", ""], ["경기도", "광주시"], ["광주광역시", ""], ["광주광역시", "동구"]]
    coded = read_kosis(write_csv("행정구역별,2024\n31250 광주시,20\n"), item="사업체수", unit="개").data
    assert coded[["region", "sigungu"]].values.tolist() == [["경기도", "광주시"]]
    with pytest.raises(KosisFormatError, match="시군구 without its 시도"):
        read_kosis(write_csv("행정구역별,2024\n광주시,20\n"), item="사업체수", unit="개")


def test_canonical_region_names():
    assert canonical("24 광주광역시") == "광주광역시"
    assert canonical("광  주") == "광주광역시"
    assert canonical("전라북도") == "전북특별자치도"
    with pytest.raises(UnknownRegionError, match="광주시"):
        canonical("광주시")


# -- bad input -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("content, message", [
    ("", "empty"),
    ("시도별,2023,2024\n광주,1,2\n부산,3", "truncated"),
    ("name,age\nbob,3\n", "no period"),
    ("시도별,2023,2023\n광주,1,2\n", "appears twice"),
    ("시도별,2023\n광주,12a\n", "text in a numeric cell"),
    ("시도별,산업별,2023\n,계,1\n", "blank label with nothing above"),
    ("시도별,2023\n화성,1\n", "unknown region"),
    ("산업별,2023\n제조업,1\n", "no region column"),
])
def test_bad_input_names_file_and_problem(write_csv, content, message):
    path = write_csv(content)
    with pytest.raises(KosisFormatError, match=message) as error:
        read_kosis(path, item="x", unit="개")
    assert str(path) in str(error.value)


def test_error_names_the_line_and_value(write_csv):
    path = write_csv("시도별,2023,2024\n광주,1,2\n부산,3,없음\n")
    with pytest.raises(KosisFormatError) as error:
        read_kosis(path, item="x", unit="개")
    assert "line 3" in str(error.value) and "'없음'" in str(error.value) and "'2024'" in str(error.value)


def test_unexpected_encodings_are_refused(write_csv):
    with pytest.raises(KosisFormatError, match="UTF-16"):
        read_kosis(write_csv("시도별,2023\n광주,1\n".encode("utf-16")))
    with pytest.raises(KosisFormatError, match="cannot decode"):
        read_kosis(write_csv(b"\xff\xfe\xfa,2023\n\x80\x81,1\n"))


def test_missing_unit_is_an_error_not_a_guess(write_csv):
    with pytest.raises(KosisFormatError, match="no unit"):
        read_kosis(write_csv("시도별,2023\n광주,1\n"), item="취업자")


def test_ingest_command_reports_what_it_detected(capsys):
    from analysis.cli import main
    assert main(["ingest", str(RAW / "eaps_sido_annual_2000_2023.csv")]) == 0
    captured = capsys.readouterr()
    assert "layout: wide (periods in columns)" in captured.err and "encoding: utf-8" in captured.err
    assert captured.out.startswith("region,item,unit,period,value,marker,source_line")


def test_ingest_command_fails_cleanly(write_csv, capsys):
    from analysis.cli import main
    assert main(["ingest", str(write_csv("name,age\nbob,3\n"))]) == 1
    assert "error:" in capsys.readouterr().err
