"""No silent misread: what the reader infers it proves from the file or states in its notes, and
what it cannot prove it refuses. One test per class of misread the issue found, on a copy of the
real file's shape (written here, small enough to read by eye)."""
from __future__ import annotations

import pytest

from analysis.ingest.kosis import KosisFormatError, parse_item, read_kosis
from analysis.vocab.agencies import statistics_office


def test_a_column_of_years_is_a_period_column_not_values(write_csv):
    """A processed long file, one row a region-year, the year last (`계,51000,2021`)."""
    text = "지역,인구,연도\n계,51000,2021\n계,51100,2022\n광주,1440,2021\n광주,1430,2022\n"
    table = read_kosis(write_csv(text), unit="천명")
    data = table.data
    assert table.detected["layout"].startswith("long") and table.detected["header_rows"] == 1
    assert data[["region", "period", "value"]].values.tolist() == [
        ["전국", "2021", 51000], ["전국", "2022", 51100], ["광주광역시", "2021", 1440], ["광주광역시", "2022", 1430]]


@pytest.mark.parametrize("header", ["2017.5/4", "2017.13", "2017.0"])
def test_a_header_that_looks_like_a_period_but_is_not_one_is_refused(write_csv, header):
    with pytest.raises(KosisFormatError, match="looks like a period but is not one") as error:
        read_kosis(write_csv(f"시도별,2017.3/4,2017.4/4,{header}\n광주,1,2,3\n"), item="x", unit="명")
    assert f"'{header}'" in str(error.value) and "column 4" in str(error.value)


def test_full_width_digits_are_numbers_and_a_number_no_float_holds_is_refused(write_csv):
    data = read_kosis(write_csv("시도별,2023,2024\n광주,\"１，２３４\",５．５\n"), item="x", unit="명").data
    assert list(data["value"]) == [1234, 5.5] and set(data["marker"]) == {""}
    with pytest.raises(KosisFormatError, match=r"line 2, column '2024'.*'1e400'"):
        read_kosis(write_csv("시도별,2023,2024\n광주,1,1e400\n"), item="x", unit="명")
    with pytest.raises(KosisFormatError, match=r"text in a numeric cell .value 'nan'"):
        read_kosis(write_csv("시도별,2022,2023,2024\n광주,nan,1,2\n"), item="x", unit="명")


def test_no_value_is_nan_without_a_marker(write_csv):
    data = read_kosis(write_csv("시도별,2023,2024,2025\n광주,,-,X\n부산,1,…,2\n"), item="x", unit="명").data
    assert (data["value"].notna() | (data["marker"] != "")).all()


@pytest.mark.parametrize("label, expected", [
    ("취득자수(월)", (None, "취득자수(월)", None)), ("취득자수(연간)", (None, "취득자수(연간)", None)),
    ("사업체수(계)", (None, "사업체수(계)", None)), ("구직기간 (개월)", (None, "구직기간", "개월")),
    ("경제활동참가율 (％)", (None, "경제활동참가율", "%")), ("재원일수(일)", (None, "재원일수", "일")),
])
def test_a_parenthesised_word_that_is_not_a_unit_is_not_a_unit(label, expected):
    assert parse_item(label) == expected


def test_full_width_percent_in_a_header_is_the_unit(write_csv):
    data = read_kosis(write_csv("시도별,2024,2024\n시도별,경제활동참가율 (％),취업자 (천명)\n광주,61.2,770\n")).data
    assert data[["item", "unit"]].values.tolist() == [["경제활동참가율", "%"], ["취업자", "천명"]]


def test_a_unit_column_gives_each_row_its_unit(write_csv):
    text = "시점,항목,단위,값\n2023,취업자,천명,770\n2023,고용률,%,60.1\n"
    data = read_kosis(write_csv(text)).data
    assert data[["item", "unit", "value"]].values.tolist() == [["취업자", "천명", 770], ["고용률", "%", 60.1]]


def _workbook(tmp_path, meta_rows):
    """An XLSX download's shape: the data sheet, then a 메타정보 sheet of `○ key : value` lines (the
    shape the issue describes; written with openpyxl, as the tool cannot read a real workbook)."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    data = workbook.active
    data.title = "데이터"
    for row in (["시도별", "2023", "2024"], ["광주광역시", 1200, 1250], ["부산광역시", 2300, 2350]):
        data.append(row)
    meta = workbook.create_sheet("메타정보")
    for row in meta_rows:
        meta.append(row)
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    return path


@pytest.mark.parametrize("meta_rows", [
    [["○ 통계표명 : 시도별 고용보험 취득자수"], ["○ 단위 명 : 명"], ["○ 출처 : 국가데이터처, 「고용보험통계」"]],
    [["○ 통계표명", "시도별 고용보험 취득자수"], ["○ 단위 명", "명"], ["○ 출처", "통계청, 「고용보험통계」"]],
])
def test_the_unit_of_the_metadata_sheet_is_taken_and_said(tmp_path, meta_rows):
    table = read_kosis(_workbook(tmp_path, meta_rows), item="취득자수")
    assert set(table.data["unit"]) == {"명"} and list(table.data["value"]) == [1200, 1250, 2300, 2350]
    assert "unit '명' from the 메타정보 sheet (○ 단위 명)" in table.detected["notes"]
    assert table.detected["source"].endswith("KOSIS org 101)")


def test_several_units_in_the_metadata_are_not_applied(tmp_path):
    table = read_kosis(_workbook(tmp_path, [["○ 단위 명 : 명, %"]]), item="x")
    assert set(table.data["unit"]) == {""} and "states several units" in table.detected["notes"]


def test_a_footer_is_a_note_not_a_row(write_csv):
    table = read_kosis(write_csv("시도별,2023,2024\n광주,1,2\n부산,3,4\n출처: 국가데이터처 「지역별고용조사」\n"),
                       item="x", unit="명")
    assert len(table.data) == 4 and "footer lines 4 kept as notes" in table.detected["notes"]
    assert table.detected["source"].startswith("국가데이터처")


@pytest.mark.parametrize("text, expected", [
    ("자료: 통계청, 경제활동인구조사", "통계청 (국가데이터처 since 2025-10-01; KOSIS org 101)"),
    ("○ 출처 : 국가데이터처", "국가데이터처 (통계청 until 2025-09-30; KOSIS org 101)"),
    ("출처: 한국은행", None),
])
def test_both_names_of_the_statistics_office_are_the_same_publisher(text, expected):
    assert statistics_office(text) == expected


def test_labels_written_once_per_block_in_a_periods_in_rows_file_are_filled(tmp_path):
    """The xlsx of the issue: `구분(1)` written on the first row of its block, blank below."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    for row in (["구분(1)", "시점", "취업자 (천명)"], ["광주광역시", "2023", 770], [None, "2024", 774],
                ["부산광역시", "2023", 1600], [None, "2024", 1610]):
        workbook.active.append(row)
    path = tmp_path / "blocks.xlsx"
    workbook.save(path)
    table = read_kosis(path)
    assert table.data[["region", "period", "value"]].values.tolist() == [
        ["광주광역시", "2023", 770], ["광주광역시", "2024", 774], ["부산광역시", "2023", 1600], ["부산광역시", "2024", 1610]]
    assert table.detected["blank labels filled from the row above"] == "구분 ×2"


def test_a_collision_after_fill_down_names_both_lines_and_the_filled_columns(write_csv):
    text = "시도별,산업별,2023\n광주,계,1\n,제조업,2\n,제조업,3\n"
    with pytest.raises(KosisFormatError, match=r"appears twice on lines 3 and 4 \(equal: region=광주광역시, 산업별=제조업.*"
                                               r"line 3: 시도별 blank, filled from the row above; line 4: 시도별 blank"):
        read_kosis(write_csv(text), item="x", unit="명")


def test_a_blank_beside_a_label_of_its_row_stays_blank(write_csv):
    """The project's monthly excerpt: `광주,,2011-01` is the 시도 itself (no 자치구), not a fill-down."""
    text = "광역지자체,자치구,연월,항목명,값,단위\n광주,,2011-01,고용률,55,%\n광주,동구,2011-01,고용률,54,%\n광주,,2011-02,고용률,54.3,%\n"
    table = read_kosis(write_csv(text))
    assert table.data[["region", "period", "value"]].values.tolist()[::2] == [["광주광역시", "2011-01", 55],
                                                                            ["광주광역시", "2011-02", 54.3]]
    assert table.data["sigungu"].tolist() == ["", "동구", ""]
    assert table.detected["blank labels filled from the row above"] == "none"


def test_a_unit_column_and_sido_glued_to_the_sigungu(write_csv):
    """The shape of a 사업체노동력조사 download as a public repository's code describes it (`지역별,산업별,항목,
    단위,2022. 1/2,…` with `서울특별시종로구`); the figures here are this test's own."""
    text = ("지역별,산업별,항목,단위,2022. 1/2,2022. 2/2\n서울특별시종로구,\"광업.제조업(B,C)\",전체종사자,명,1234,1250\n"
            "서울특별시종로구,\"광업.제조업(B,C)\",빈일자리율,%,0.8,0.9\n경기도광주시,\"광업.제조업(B,C)\",전체종사자,명,900,910\n")
    data = read_kosis(write_csv(text)).data
    assert data[["region", "sigungu", "item", "unit", "period", "value"]].values.tolist()[:3] == [
        ["서울특별시", "종로구", "전체종사자", "명", "2022-H1", 1234], ["서울특별시", "종로구", "전체종사자", "명", "2022-H2", 1250],
        ["서울특별시", "종로구", "빈일자리율", "%", "2022-H1", 0.8]]
    assert data.iloc[-1][["region", "sigungu", "region_label"]].tolist() == ["경기도", "광주시", "경기도광주시"]
