"""Regions as the reader places them: the 시군구 list resolves unique bare names and refuses
ambiguous ones with their candidates, a 시도 name is never a 시군구, codes and 시도 rows win, what
the file wrote is kept, and 전남광주특별시 is a region of its own."""
from __future__ import annotations

import pytest

from analysis.ingest.kosis import KosisFormatError, read_kosis
from analysis.vocab import regions, sigungu


def places(data):
    return data[["region", "sigungu"]].values.tolist() if "sigungu" in data else data[["region"]].values.tolist()


def test_the_list_is_sourced_and_dated():
    listed = sigungu.source()["list"]
    assert "@" in listed["origin"] and len(listed["origin"].split("@")[1].split()[0]) == 40
    assert "2014-07-01" in listed["reference_date"] and "2023-06-30" in listed["reference_date"]
    assert all(change["source"] and change["date"] for change in sigungu.source()["changes"])
    assert len(sigungu.index()) > 250


def test_unique_bare_names_resolve_and_the_read_says_so(write_csv):
    text = "행정구역별,2023\n울산 울주군,1\n수원시,2\n거제시,3\n권선구,4\n"
    table = read_kosis(write_csv(text), item="x", unit="명")
    assert places(table.data) == [["울산광역시", "울주군"], ["경기도", "수원시"], ["경상남도", "거제시"],
                                  ["경기도", "권선구"]]
    assert "placed by the list of 시군구 (거제시 → 경상남도, 권선구 → 경기도, 수원시 → 경기도" in table.detected["notes"]


def test_a_single_city_export_reads(write_csv):
    data = read_kosis(write_csv("행정구역별,2022,2023\n거제시,1,2\n"), item="x", unit="명").data
    assert set(data["region"]) == {"경상남도"} and set(data["sigungu"]) == {"거제시"}


@pytest.mark.parametrize("label, candidates", [
    ("광주시", ["경기도 광주시 (31250)", "광주광역시 (the 시도, written short)"]),
    ("동구", ["부산광역시 동구", "대구광역시 동구", "인천광역시 동구", "광주광역시 동구", "대전광역시 동구", "울산광역시 동구"]),
    ("고성군", ["강원특별자치도 고성군 (32600)", "경상남도 고성군 (38540)"]),
    ("중구", ["서울특별시 중구", "부산광역시 중구", "울산광역시 중구"]),
])
def test_ambiguous_bare_names_are_refused_with_their_candidates(write_csv, label, candidates):
    with pytest.raises(KosisFormatError, match="ambiguous 시군구") as error:
        read_kosis(write_csv(f"행정구역별,2023\n수원시,1\n{label},2\n"), item="x", unit="명")
    message = str(error.value)
    assert "line 3" in message and f"'{label}'" in message
    assert all(candidate in message for candidate in candidates), message


def test_sejong_written_as_a_city_is_the_sido_not_a_sigungu_of_the_row_above(write_csv):
    text = "행정구역별,2023\n울산광역시,5\n울주군,1\n세종시,2\n경기도,3\n"
    data = read_kosis(write_csv(text), item="x", unit="명").data
    assert places(data) == [["울산광역시", ""], ["울산광역시", "울주군"], ["세종특별자치시", ""], ["경기도", ""]]


def test_a_sigungu_in_a_sido_column_is_refused(write_csv):
    with pytest.raises(KosisFormatError, match=r"unknown region in a 시도 column .'광주시' is a 시군구: 경기도 광주시"):
        read_kosis(write_csv("시도별,2023\n전라남도,1\n광주시,2\n"), item="x", unit="명")


def test_a_sigungu_under_the_wrong_sido_row_is_refused(write_csv):
    with pytest.raises(KosisFormatError, match=r"'수원시' is not a 시군구 of 울산광역시 .* 경기도 수원시") as error:
        read_kosis(write_csv("행정구역별,2023\n울산광역시,1\n수원시,2\n"), item="x", unit="명")
    assert "line 3" in str(error.value)


def test_codes_and_sido_rows_win_over_the_list(write_csv):
    text = "행정구역별,2023\n31060 광명시,1\n2401 광주 동구,2\n경기도,3\n광주시,4\n29 세종특별자치시,5\n29010 세종시,6\n"
    data = read_kosis(write_csv(text), item="x", unit="명").data
    assert places(data) == [["경기도", "광명시"], ["광주광역시", "동구"], ["경기도", ""], ["경기도", "광주시"],
                            ["세종특별자치시", ""], ["세종특별자치시", "세종시"]]


def test_a_name_the_list_does_not_know_is_kept_under_the_file_s_sido_with_a_note(write_csv):
    table = read_kosis(write_csv("행정구역별,2012\n경기도,3\n여주군,1\n"), item="x", unit="명")
    assert places(table.data)[1] == ["경기도", "여주군"]
    assert "1 시군구 not in the list of 시군구 kept under the 시도 the file names (경기도 여주군)" in table.detected["notes"]


def test_what_the_file_wrote_is_kept_beside_the_canonical_name(write_csv):
    data = read_kosis(write_csv("시도별,2023\n계,1\n광  주,2\n강원도,3\n"), item="x", unit="명").data
    assert list(data["region"]) == ["전국", "광주광역시", "강원특별자치도"]
    assert list(data["region_label"]) == ["계", "광 주", "강원도"]


@pytest.mark.parametrize("label", ["전남광주특별시", "광주특별시"])
def test_the_merged_city_is_a_region_of_its_own(write_csv, label):
    data = read_kosis(write_csv(f"시도별,2026.07\n{label},1\n광주광역시,2\n"), item="x", unit="명").data
    assert list(data["region"]) == ["전남광주특별시", "광주광역시"] and list(data["region_label"]) == [label, "광주광역시"]
    assert regions.merged_into("광주광역시") == ("전남광주특별시", "2026-07-01")
    assert regions.canonical("광주특별시") == "전남광주특별시" != regions.canonical("광주")


def test_districts_of_the_merged_city_are_its_own(write_csv):
    data = read_kosis(write_csv("행정구역별,2026.08\n전남광주특별시,9\n동구,1\n담양군,2\n"), item="x", unit="명").data
    assert places(data) == [["전남광주특별시", ""], ["전남광주특별시", "동구"], ["전남광주특별시", "담양군"]]


def test_the_merged_city_with_its_predecessors_beneath_it(write_csv):
    """The shape of KOSIS DT_1DA7E33S_NEW (2025): 시도별(1) and 시도별(2), the merged city written
    전남광주통합특별시 with 소계 (its total) and 광주광역시 / 전라남도 (the old areas) beneath it."""
    text = ("시도별(1),시도별(2),산업별(1),2025\n계,소계,계,28800\n서울특별시,소계,계,5100\n"
            "전남광주통합특별시,소계,계,1730\n전남광주통합특별시,광주광역시,계,770\n전남광주통합특별시,전라남도,계,960\n")
    table = read_kosis(write_csv(text), item="취업자", unit="천명")
    data = table.data
    assert list(data["region"]) == ["전국", "서울특별시", "전남광주특별시", "광주광역시", "전라남도"]
    assert list(data["value"]) == [28800, 5100, 1730, 770, 960]
    assert list(data["region_label"])[3] == "전남광주통합특별시 광주광역시"
    assert "read from under its successor, as the old area: 광주광역시 (written '전남광주통합특별시' / '광주광역시')" \
        in table.detected["notes"]
