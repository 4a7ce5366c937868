"""The KOSIS reader on every layout variant KOSIS prints (written here, small enough to read by
eye), on the project's own raw files, on generated layouts (Hypothesis), and on bad input."""
from __future__ import annotations

import csv
import io
import resource
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import paths
from analysis.ingest.kosis import KosisFormatError, parse_item, read_kosis
from analysis.vocab.periods import parse_period, parse_period_label
from analysis.vocab.regions import UnknownRegionError, canonical

RAW = paths.RAW / "kosis"


def value_at(data, line, **labels):
    rows = data[data["source_line"] == line]
    for name, label in labels.items():
        rows = rows[rows[name] == label]
    assert len(rows) == 1, rows
    return rows.iloc[0]


# -- the project's raw files ----------------------------------------------------------------------------

def test_two_header_rows_with_codes_and_units():
    table = read_kosis(RAW / "eaps_sido_annual_2000_2023.csv")
    data = table.data
    assert table.detected["header_rows"] == 2
    row = value_at(data, 8, item="15세이상인구", period="2023")
    assert row.value == 1280 and row.unit == "천명" and row.region == "광주광역시"
    sejong = data[(data.region == "세종특별자치시") & (data.period == "2016")]
    assert sejong["value"].isna().all() and set(sejong["marker"]) == {"-"}
    assert {"강원특별자치도", "전북특별자치도", "제주특별자치도"} <= set(data["region"])


def test_blank_labels_repeat_the_row_above_and_inner_spaces_are_removed():
    table = read_kosis(RAW / "census_establishments_sido_industry_2021_2024.csv")
    data = table.data
    assert "행정구역별 ×" in table.detected["blank labels filled from the row above"]
    gwangju = data[(data.region == "광주광역시") & (data["산업별"] == "전체 산업") & (data["사업체구분별"] == "계")]
    assert len(gwangju) == 8  # 4 years × 2 items
    assert data.loc[data.marker == "X", "value"].isna().all()


def test_period_in_rows_layout_with_bom_and_a_value_column():
    table = read_kosis(RAW / "census_establishments_sido_industry_sales_2021_2024_processed.csv")
    assert table.detected["encoding"] == "utf-8-sig" and table.detected["layout"].startswith("long")
    assert {"사업체수", "종사자수", "매출액"} == set(table.data["item"])


# -- layout variants -----------------------------------------------------------------------------------

def test_trailing_separator_on_every_line(write_csv):
    data = read_kosis(write_csv("시도별,2023,2024,\n광주,1,2,\n부산,3,4,\n"), item="x", unit="개").data
    assert list(data["value"]) == [1, 2, 3, 4] and list(data["period"]) == ["2023", "2024"] * 2


def test_a_header_cell_spanning_columns_is_blank_after_its_first(write_csv):
    text = ("시도별,2024.01,,,2024.02,,\n"
            "시도별,취업자 (천명),실업자 (천명),고용률 (%),취업자 (천명),실업자 (천명),고용률 (%)\n"
            "광주,770,20,60.1,771,21,60.2\n")
    data = read_kosis(write_csv(text)).data
    assert value_at(data, 3, period="2024-02", item="실업자").value == 21
    assert set(data["period"]) == {"2024-01", "2024-02"}


def test_sigungu_in_every_form(write_csv):
    text = ("행정구역별,2024\n2401 광주 동구,1\n서울 종로구,2\n31250 광주시,3\n경기도,4\n여주시,5\n"
            "광주광역시,6\n남구,7\n광주광역시 서구,8\n")
    data = read_kosis(write_csv(text), item="사업체수", unit="개").data
    assert data[["region", "sigungu"]].values.tolist() == [
        ["광주광역시", "동구"], ["서울특별시", "종로구"], ["경기도", "광주시"], ["경기도", ""], ["경기도", "여주시"],
        ["광주광역시", ""], ["광주광역시", "남구"], ["광주광역시", "서구"]]


def test_administrative_codes_are_told_from_kosis_codes(write_csv):
    text = "행정구역별,2024\n29 광주광역시,1\n29110 동구,2\n41 경기도,3\n41610 광주시,4\n"
    data = read_kosis(write_csv(text), item="x", unit="개").data
    assert data[["region", "sigungu"]].values.tolist()[1::2] == [["광주광역시", "동구"], ["경기도", "광주시"]]


def test_markers_star_and_rse_columns(write_csv):
    text = ("시도별,2023,2023,2023\n"
            "시도별,취업자 (천명),취업자 상대표준오차 (%),실업자 (천명)\n"
            "광주,770,1.2,*\n부산,X,x,…\n대구,...,-,\n울산,12.5*,3.0,\"1,234\"\n")
    data = read_kosis(write_csv(text)).data
    assert set(data["measure"]) == {"", "취업자 상대표준오차"}
    rse = value_at(data, 3, measure="취업자 상대표준오차")
    assert rse.value == 1.2 and rse.unit == "%"
    assert list(data[data["source_line"] == 4]["marker"]) == ["X", "X", "…"]
    assert list(data[data["source_line"] == 5]["marker"]) == ["…", "-", "(blank)"]
    assert value_at(data, 3, item="실업자").marker == "*"
    flagged = value_at(data, 6, item="취업자", measure="")
    assert flagged.value == 12.5 and flagged.flag == "*"
    assert value_at(data, 6, item="실업자").value == 1234


def test_tables_without_a_region(write_csv):
    text = "성별,연령계층별,2023,2024\n계,계,2.7,2.8\n계,15 - 29세,5.9,5.9\n"
    table = read_kosis(write_csv(text), item="실업률", unit="%")
    assert "region" not in table.data and table.detected["regions"].startswith("none")
    assert value_at(table.data, 3, period="2024")["연령계층별"] == "15 - 29세"


def test_periods_down_the_rows_with_industries_as_columns(write_csv):
    text = "시점,광업 (천명),제조업 (천명),건설업 (천명)\n2023,1,450,200\n2024 p),1,448,199\n"
    data = read_kosis(write_csv(text)).data
    row = value_at(data, 3, item="제조업")
    assert row.period == "2024" and row.flag == "p" and row.value == 448


def test_a_header_row_mixing_monthly_and_annual_periods(write_csv):
    data = read_kosis(write_csv("시도별,2024.11,2024.12,2024\n광주,1,2,3\n"), item="x", unit="명").data
    assert list(data["period"]) == ["2024-11", "2024-12", "2024"]


def test_provisional_and_revised_marks_are_kept_as_flags(write_csv):
    data = read_kosis(write_csv("시도별,2021 r),2022 p),2023\n광주,1,2,3\n"), item="x", unit="명").data
    assert list(zip(data["period"], data["flag"])) == [("2021", "r"), ("2022", "p"), ("2023", "")]


def test_three_header_rows(write_csv):
    text = ("시도별,2022,2022,2022\n시도별,의사,의사,간호사\n시도별,소계,전문의 (명),소계 (명)\n"
            "광주광역시,100,80,300\n")
    data = read_kosis(write_csv(text), unit="명").data
    assert list(data["item"]) == ["의사 / 소계", "의사 / 전문의", "간호사 / 소계"]
    assert list(data["unit"]) == ["명"] * 3


def test_xlsx_downloads(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (["시도별", "2023", "2024"], ["시도별", "취업자 (천명)", "취업자 (천명)"], ["광주광역시", 770, 774.5],
                ["부산광역시", "-", 1600]):
        sheet.append(row)
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    table = read_kosis(path)
    assert table.detected["encoding"] == "xlsx"
    assert value_at(table.data, 3, period="2024").value == 774.5
    assert value_at(table.data, 4, period="2023").marker == "-"


def test_cp949_quoted_line_break_thousands_and_markers(write_csv):
    text = '시도별,산업별,2023 년,2024 년\n광주광역시,"정보통신업\n(58~63)",1,"2,345"\n,제조업,X,…\n'
    data = read_kosis(write_csv(text, encoding="cp949"), item="사업체수", unit="개").data
    assert list(data["value"][:2]) == [1, 2345] and data["산업별"][0] == "정보통신업 (58~63)"
    assert list(data["marker"][2:]) == ["X", "…"] and list(data["source_line"]) == [2, 2, 4, 4]


@pytest.mark.parametrize("label, expected", [
    ("2024", "2024"), ("Y2024 2024", "2024"), ("2024 년", "2024"), ("2024.01 월", "2024-01"),
    ("2024년01월", "2024-01"), ("M202401 2024.01", "2024-01"), ("202401", "2024-01"), ("2024-01", "2024-01"),
    ("2024.1/2", "2024-H1"), ("H202401 2024.1/2", "2024-H1"), ("2024.2/2", "2024-H2"),
    ("2024.1/4", "2024-Q1"), ("Q202403 2024.3/4", "2024-Q3"), ("2024 4/4 분기", "2024-Q4"),
    ("계", None), ("T10 15세이상인구", None), ("2024.13", None),
])
def test_periods(label, expected):
    assert parse_period(label) == expected


def test_period_marks():
    assert parse_period_label("2023 p)") == ("2023", "p") and parse_period_label("2023.1/4 (r)") == ("2023-Q1", "r")
    assert parse_period_label("합계") is None


@pytest.mark.parametrize("label, expected", [
    ("T20 경제활동인구 (14STD06156 천명)", ("T20", "경제활동인구", "천명")),
    ("사업체수 (개)", (None, "사업체수", "개")), ("고용률(%)", (None, "고용률", "%")),
    ("제조업(10~34)", (None, "제조업(10~34)", None)), ("가축 (마리/천원)", (None, "가축", "마리/천원")),
    ("제조업(경공업)", (None, "제조업(경공업)", None)), ("발생건수 (A)", (None, "발생건수(A)", None)),
])
def test_items_split_code_name_and_unit(label, expected):
    assert parse_item(label) == expected


def test_canonical_region_names():
    assert canonical("24 광주광역시") == "광주광역시" and canonical("광  주") == "광주광역시"
    assert canonical("전라북도") == "전북특별자치도"
    with pytest.raises(UnknownRegionError, match="광주시"):
        canonical("광주시")


def test_a_file_that_names_no_item_or_unit_is_read_and_says_so(write_csv):
    table = read_kosis(write_csv("시도별,2023\n광주,1\n"))
    assert "names no item" in table.detected["notes"] and "no unit stated" in table.detected["notes"]


# -- generated layouts ---------------------------------------------------------------------------------

PERIODS = st.sampled_from([["2022", "2023", "2024"], ["2024.01", "2024.02"], ["2023.1/4", "2023.2/4"],
                           ["2021 p)", "2022"], ["Y2020 2020", "Y2021 2021"]])
CELLS = st.one_of(st.integers(-10**9, 10**9).map(str), st.decimals(-10**6, 10**6, places=2).map(str),
                  st.sampled_from(["-", "X", "x", "*", "…", "...", ""]))


@st.composite
def exports(draw):
    """A wide export: 0–2 label columns (regions or not), periods, 1–2 items with units, cells."""
    periods = draw(PERIODS)
    items = draw(st.sampled_from([["취업자 (천명)"], ["사업체수 (개)", "종사자수 (명)"]]))
    labels = draw(st.sampled_from([[], ["시도별"], ["시도별", "산업별"], ["성별"]]))
    rows = {"시도별": ["광주광역시", "부산광역시", "전국"], "산업별": ["계", "제조업"], "성별": ["남자", "여자"]}
    keys = [[]]
    for label in labels:
        keys = [key + [value] for key in keys for value in rows[label]]
    head = labels or ["구분"]
    keys = keys if labels else [["값"]]
    columns = [(p, i) for p in periods for i in items]
    body = [key + [draw(CELLS) for _ in columns] for key in keys]
    header = [head + [p for p, _ in columns], head + [i for _, i in columns]]
    return header, body, len(head), draw(st.booleans()), draw(st.sampled_from(["utf-8", "utf-8-sig", "cp949"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(exports())
def test_generated_exports_are_read_exactly(write_csv, export):
    header, body, n_labels, trailing, encoding = export
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    for row in header + body:
        writer.writerow(row + ([""] if trailing else []))
    table = read_kosis(write_csv(buffer.getvalue(), encoding=encoding))
    assert len(table.data) == len(body) * (len(header[0]) - n_labels)  # no row lost, none invented
    for line, row in enumerate(body, 3):
        for column, cell in enumerate(row, 1):
            if column <= n_labels:
                continue
            read = table.data[(table.data["source_line"] == line) & (table.data["source_column"] == column)]
            assert len(read) == 1
            if cell.strip() and cell not in ("-", "X", "x", "*", "…", "..."):
                assert read["value"].iloc[0] == float(cell), (cell, read)
            else:
                assert read["value"].isna().all() and read["marker"].iloc[0] != ""


# -- bad input -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("content, message", [
    ("", "empty"),
    ("시도별,2023,2024\n광주,1,2\n부산,3", "truncated"),
    ("name,age\nbob,3\n", "no period"),
    ("시도별,2023,2023\n광주,1,2\n", "appears twice"),
    ("시도별,2023\n광주,12a\n", "text in a numeric cell"),
    ("시도별,산업별,2023\n,계,1\n", "blank label with nothing above"),
    ("시도별,2023\n광주,1\n부산,2\n화성,1\n", "line 4, column '시도별': unknown region"),
    ("행정구역별,2023\n동구,1\n", "ambiguous 시군구: .동구. may be 부산광역시 동구"),
    ("시도별,2023,소계\n광주,1,2\n", "no period"),
])
def test_bad_input_names_file_and_problem(write_csv, content, message):
    path = write_csv(content)
    with pytest.raises(KosisFormatError, match=message) as error:
        read_kosis(path, item="x", unit="개")
    assert str(path) in str(error.value)


def test_errors_name_the_line_column_and_value(write_csv):
    with pytest.raises(KosisFormatError) as error:
        read_kosis(write_csv("시도별,2023,2024\n광주,1,2\n부산,3,없음\n"), item="x", unit="개")
    assert "line 3" in str(error.value) and "'없음'" in str(error.value) and "'2024'" in str(error.value)
    with pytest.raises(KosisFormatError, match=r"appears twice on lines 2 and 3 .*written .광주. on line 2 and .광주광역시. on line 3"):
        read_kosis(write_csv("시도별,2023\n광주,1\n광주광역시,2\n"), item="x", unit="개")


def test_unexpected_encodings_are_refused(write_csv):
    with pytest.raises(KosisFormatError, match="UTF-16"):
        read_kosis(write_csv("시도별,2023\n광주,1\n".encode("utf-16")))
    with pytest.raises(KosisFormatError, match="cannot decode"):
        read_kosis(write_csv(b"\xff\xfe\xfa,2023\n\x80\x81,1\n"))


def test_a_broken_workbook_is_refused(write_csv):
    with pytest.raises(KosisFormatError, match="cannot read the workbook"):
        read_kosis(write_csv(b"PK\x03\x04 not really a zip", name="export.xlsx"))


def test_an_orphan_sigungu_can_be_given_its_sido(write_csv):
    data = read_kosis(write_csv("자치구별,2023\n합계,10\n종로구,1\n"), item="x", unit="건", sido="서울특별시").data
    assert data[["region", "sigungu"]].values.tolist() == [["서울특별시", ""], ["서울특별시", "종로구"]]


@pytest.mark.slow
def test_a_large_export_with_duplicates_stays_small_in_memory(tmp_path):
    """About 45 MB, every row twice: refused with both lines named, in well under 4 GB."""
    years = ",".join(str(y) for y in range(1990, 2025))
    values = ",".join(str(1000 + i) for i in range(35))
    rows = [f"광주광역시,산업{i % 105000}," + values for i in range(210000)]
    path = tmp_path / "big.csv"
    path.write_text("행정구역별,산업별," + years + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    code = ("import resource, sys\nfrom analysis.ingest.kosis import read_kosis, KosisFormatError\n"
            f"try:\n    read_kosis({str(path)!r}, item='x', unit='개')\nexcept KosisFormatError as e:\n    print(e)\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert "appears twice" in out[0] and "on lines 2 and 105002" in out[0]
    assert int(out[-1]) / 1024 < 2500, f"peak {int(out[-1]) / 1024:.0f} MB"
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 < 4096
