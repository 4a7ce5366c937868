"""Generated variants (Hypothesis) of the layouts the issue found, and the corpus-wide promises: no
output row has a region the file does not name, no value cell is lost, an ambiguous 시군구 is
refused with its candidates, and the README's list names every class."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import paths
from analysis.ingest.kosis import KosisFormatError, read_kosis
from analysis.vocab import regions, sigungu

CORPUS = Path(__file__).parent / "fixtures" / "kosis_real"
ENTRIES = yaml.safe_load((CORPUS / "corpus.yaml").read_text(encoding="utf-8"))
HINTS = {entry["file"]: entry.get("reader_hints", {}) for entry in ENTRIES}
HINTS["08_seoul_traffic_accidents_weekday_3hdr.csv"] = {"sido": "서울특별시"}
UNIQUE = sorted(name for name, places in sigungu.index().items()
                if len({p.sido for p in places}) == 1 and " " not in places[0].name and name not in sigungu.SPOKEN_SIDO
                and all(not p.until for p in places))
AMBIGUOUS = sorted(name for name, places in sigungu.index().items() if len({p.sido for p in places}) > 1)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def named_by(label: str, sidos_in_file: set[str]) -> set[str]:
    """The regions a written label can stand for: a 시도 it names, the 시도 of a code or a prefix, the
    시도 the list holds the name under, or a 시도 the file names in a row of its own."""
    found = set(sidos_in_file)
    for part in [label, *label.split(" ")]:
        code, name = regions.split_code(part)
        found |= {regions.sido_name(part), regions.sido_of_code(code, "kosis"), regions.sido_of_code(code, "admin")}
        found |= {place.sido for place in sigungu.lookup(name)}
    return found - {None}


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["file"] for entry in ENTRIES])
def test_no_row_of_the_corpus_has_a_region_the_file_does_not_name(entry):
    table = read_kosis(CORPUS / entry["file"], **HINTS[entry["file"]])
    data = table.data
    if "region" not in data:
        return
    hint = {regions.canonical(HINTS[entry["file"]]["sido"])} if "sido" in HINTS[entry["file"]] else set()
    in_file = {regions.sido_name(label) for label in data["region_label"].astype(str)} | hint
    for label, region in data[["region_label", "region"]].drop_duplicates().itertuples(index=False):
        assert region in named_by(str(label), in_file), (entry["file"], label, region)


def _write(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


@st.composite
def sigungu_files(draw, ambiguous: bool):
    """A 시군구 export: bare unique names, names with their 시도 before them, and (when asked) one
    ambiguous bare name somewhere among them."""
    names = draw(st.lists(st.sampled_from(UNIQUE), min_size=1, max_size=8, unique=True))
    labels = []
    for name in names:
        place = sigungu.lookup(name)[0]
        short = next(s for s, full in regions.ALIASES.items() if full == place.sido and len(s) == 2)
        labels.append((draw(st.sampled_from([name, f"{short} {name}"])), place.sido))
    if ambiguous:
        labels.insert(draw(st.integers(0, len(labels))), (draw(st.sampled_from(AMBIGUOUS)), None))
    periods = draw(st.sampled_from([["2023"], ["2022", "2023"], ["2024.1/2", "2024.2/2"]]))
    rows = [["행정구역별", *periods]] + [[label, *(str(draw(st.integers(0, 10**6))) for _ in periods)]
                                     for label, _ in labels]
    return _write(rows), labels, periods


@SETTINGS
@given(sigungu_files(ambiguous=False))
def test_generated_sigungu_files_resolve_every_unique_name(write_csv, generated):
    text, labels, periods = generated
    table = read_kosis(write_csv(text), item="x", unit="명")
    placed = table.data.drop_duplicates("source_line")[["region", "region_label"]].values.tolist()
    assert placed == [[sido, label] for label, sido in labels]
    assert len(table.data) == len(labels) * len(periods)  # no value cell lost


@SETTINGS
@given(sigungu_files(ambiguous=True))
def test_a_generated_file_with_one_ambiguous_sigungu_is_refused_with_its_candidates(write_csv, generated):
    text, labels, _ = generated
    line, name = next((k, label) for k, (label, sido) in enumerate(labels, 2) if sido is None)
    with pytest.raises(KosisFormatError, match="ambiguous 시군구") as error:
        read_kosis(write_csv(text), item="x", unit="명")
    message = str(error.value)
    assert f"line {line}," in message and f"'{name}'" in message
    assert all(place.describe() in message for place in sigungu.lookup(name))


@st.composite
def block_files(draw):
    """Periods down the rows, the region written on the first row of its block only, CSV or XLSX."""
    sidos = draw(st.lists(st.sampled_from(regions.SIDO), min_size=1, max_size=5, unique=True))
    years = draw(st.lists(st.integers(2000, 2030).map(str), min_size=1, max_size=4, unique=True))
    rows, expected = [["구분(1)", "시점", "취업자 (천명)"]], []
    for sido in sidos:
        for k, year in enumerate(years):
            value = draw(st.integers(0, 10**5))
            rows.append([sido if k == 0 else "", year, str(value)])
            expected.append([sido, year, value])
    return rows, expected, draw(st.sampled_from(["csv", "xlsx"]))


@SETTINGS
@given(block_files())
def test_generated_blocks_are_filled_in_every_layout(write_csv, tmp_path, generated):
    rows, expected, kind = generated
    if kind == "csv":
        path = write_csv(_write(rows))
    else:
        openpyxl = pytest.importorskip("openpyxl")
        workbook = openpyxl.Workbook()
        for row in rows:
            workbook.active.append([cell or None for cell in row])
        path = tmp_path / "blocks.xlsx"
        workbook.save(path)
    table = read_kosis(path)
    assert table.data[["region", "period", "value"]].values.tolist() == expected
    blanks = sum(1 for row in rows[1:] if not row[0])
    assert table.detected["blank labels filled from the row above"] == (f"구분 ×{blanks}" if blanks else "none")


def test_the_readme_names_every_class():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### What the reader understands", 1)[1].split("\n## ", 1)[0]
    for word in ("column of years", "looks like a period", "footer", "세종시", "수원시", "광주시", "region_label",
                 "sigungu.yaml", "전남광주특별시", "국가데이터처", "once per block", "collision", "full-width",
                 "`단위` column", "메타정보", "(월)", "1e400", "U+3000", "KSIC", "`*` aggregates", "_level"):
        assert word in section, word


FULL = str.maketrans("0123456789.,-", "０１２３４５６７８９．，－")


@SETTINGS
@given(st.lists(st.decimals(-10**7, 10**7, places=2), min_size=1, max_size=6), st.booleans())
def test_generated_full_width_numbers_read_as_their_ascii_and_overflow_is_refused(write_csv, numbers, overflow):
    cells = [f"{n:,.2f}".translate(FULL) for n in numbers]
    periods = [str(2000 + k) for k in range(len(cells))]
    if overflow:
        cells[-1] = "1e400"
    text = _write([["시도별", *periods], ["광주광역시", *cells]])
    if overflow:
        with pytest.raises(KosisFormatError, match="'1e400'"):
            read_kosis(write_csv(text), item="x", unit="명")
        return
    data = read_kosis(write_csv(text), item="x", unit="명").data
    assert list(data["value"]) == [float(n) for n in numbers] and set(data["marker"]) == {""}
