"""광주광역시 after the 2026-07-01 merger: small files shaped like real exports, each with its own
expected values. A file naming 전남광주특별시 for 2026 gives a stated stop; one naming only 광주's
five 자치구 gives a series continued from their sum, said so; one printing 광주광역시 under the
merged city continues from that row, said so."""
from __future__ import annotations

from analysis.ingest.kosis import read_kosis
from analysis.tables.builders.succession import gwangju_series


def series(write_csv, text, **hints):
    return gwangju_series(read_kosis(write_csv(text), **hints).data, "kosis/x.csv")


def test_a_file_naming_the_merged_city_stops_gwangju_and_says_so(write_csv):
    """Monthly 시도 employment (the viewer's wide layout): from 2026.07 the file has 전남광주특별시 and
    no 광주광역시 figure."""
    text = ("시도별,2026.05,2026.06,2026.07,2026.08\n시도별,취업자 (천명),취업자 (천명),취업자 (천명),취업자 (천명)\n"
            "광주광역시,774,776,-,-\n전라남도,985,987,-,-\n전남광주특별시,-,-,1765,1768\n")
    out = series(write_csv, text)
    assert out[["period", "value", "basis"]].values.tolist() == [
        ["2026-05", 774, "광주광역시 (공표)"], ["2026-06", 776, "광주광역시 (공표)"]]
    assert list(out["source"]) == ["kosis/x.csv:3", "kosis/x.csv:3"]
    note = out["note"].iloc[-1]
    assert note.startswith("광주광역시 계열은 2026-06에서 멈춤: 2026-07부터 이 파일에는 전남광주특별시만 있음")
    assert "추정하지 않음" in note and 1765 not in list(out["value"])


def test_a_sigungu_file_naming_only_the_five_districts_continues_from_their_sum(write_csv):
    """Annual 시군구 counts: 광주광역시 published for 2025, only its 자치구 (with the 시도 before the
    name, as 지역별고용조사 prints them) for 2026."""
    text = ("행정구역별,2025,2026\n광주광역시,1440,-\n광주 동구,100,101\n광주 서구,290,288\n광주 남구,210,209\n"
            "광주 북구,420,418\n광주 광산구,400,405\n")
    out = series(write_csv, text, item="인구", unit="천명")
    assert out[["period", "value", "basis"]].values.tolist() == [
        ["2025", 1440, "광주광역시 (공표)"], ["2026", 1421, "5개 자치구의 합"]]
    assert out["source"].iloc[1] == "kosis/x.csv:3,4,5,6,7" and out["note"].iloc[-1] == ""


def test_districts_under_the_merged_city_continue_gwangju_and_a_missing_one_stops_it(write_csv):
    text = ("행정구역별,2026.06,2026.07,2026.08\n광주광역시,1400,-,-\n전남광주특별시,-,3160,3158\n"
            "동구,98,98,97\n서구,285,284,283\n남구,207,207,206\n북구,415,414,-\n광산구,395,396,397\n")
    out = series(write_csv, text, item="인구", unit="천명")
    assert out[["period", "value", "basis"]].values.tolist() == [
        ["2026-06", 1400, "광주광역시 (공표)"], ["2026-07", 1399, "5개 자치구의 합"]]
    assert "2026-07에서 멈춤: 2026-08부터" in out["note"].iloc[-1] and "빠진 자치구 2026-08: 북구" in out["note"].iloc[-1]


def test_gwangju_printed_under_the_merged_city_continues_and_says_where_it_came_from(write_csv):
    text = ("시도별(1),시도별(2),2025,2026\n전남광주통합특별시,소계,1730,1740\n"
            "전남광주통합특별시,광주광역시,770,772\n전남광주통합특별시,전라남도,960,968\n")
    out = series(write_csv, text, item="취업자", unit="천명")
    assert out[["period", "value"]].values.tolist() == [["2025", 770], ["2026", 772]]
    assert set(out["basis"]) == {"광주광역시 (전남광주특별시 아래에 표시된 옛 광주 지역)"}


def test_a_real_sigungu_export_with_only_the_districts_gives_gwangju_from_their_sum():
    """Corpus file 21 (지역별고용조사, 2024.1/2) has no 시도 rows: 광주광역시's 취업자 is the sum of its
    five 자치구 as printed (58 + 150 + 110 + 228 + 226), and says so."""
    from pathlib import Path
    path = Path(__file__).parent / "fixtures" / "kosis_real" / "21_sigungu_labour_force_halfyear_bare_and_prefixed_fullwidth_pct.csv"
    out = gwangju_series(read_kosis(path).data, "x.csv")
    employed = out[out["item"] == "취업자"]
    assert employed[["period", "value", "basis"]].values.tolist() == [["2024-H1", 772, "5개 자치구의 합"]]
    assert employed["source"].iloc[0] == "x.csv:63,64,65,66,67"


def test_the_read_says_when_old_areas_reach_past_the_merger(write_csv):
    table = read_kosis(write_csv("시도별,2026.06,2026.07\n광주광역시,776,777\n부산광역시,1,2\n"), item="x", unit="천명")
    assert "광주광역시 rows for 2026-07 reach past 2026-07-01, when they merged into 전남광주특별시" in table.detected["notes"]
    annual = read_kosis(write_csv("시도별,2025,2026\n광주광역시,776,777\n"), item="x", unit="천명").detected["notes"]
    assert "광주광역시 rows for 2026 reach past" in annual
    assert "merged" not in read_kosis(write_csv("시도별,2025\n광주광역시,776\n"), item="x", unit="천명").detected["notes"]
