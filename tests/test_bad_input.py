"""The bad-input catalogue: every way an analyst has fed the project a wrong input, as one table.

Each case writes its bad input into a sandbox copy of data/raw/ and config/, runs one command as
`python -m analysis …` would (cli.main), and checks that the command exits non-zero with one line
naming the file, line, column and value (the `refusal` pattern; LINE stands for the line the case
wrote), that no traceback escaped, and that every file of the sandbox is as it was before the
command (raw files, manifest, config, the processed tables, the analyst's own file).

To add a case, append a Case to CASES: an id, how to write the bad input (`edit`), the command,
the refusal, and `accepted=True` when the edit is to be recorded in the manifest first, as if
accepted by hand, so that the reader itself (not the raw-file guard) must refuse it.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from analysis import cli, paths
from analysis.ingest import facts, manifest, search_log
from analysis.ingest.registry import registry
from analysis.tables import catalog

FACTS = "data/raw/facts/facts.csv"
SEARCH_LOG = "data/raw/facts/search_log.csv"
# A row that every rule accepts; each facts case changes one thing about it.
NEW_FACT = {"fact_id": "ai_mou-0c0ffe", "topic": "ai_mou", "claim_en": "the 400th AI business MOU (test row)",
            "claim_ko": "400번째 AI 업무협약 (시험 행)", "value": "400", "unit": "cumulative MOU number",
            "as_of": "2026-03-01", "as_of_note": "", "source_url": "http://www.kwangju.co.kr/article.php?aid=1", "title": "",
            "archive_url": "", "published": "2026-03-02", "published_note": "", "outlet": "광주일보",
            "quote": "400번째 업무협약을 맺었다"}
NEW_SEARCH = {"date": "2026-11-30", "corpus": "pages", "query": "광주 시험 검색어", "pledge_id": "medical-cluster",
              "found": "관련 보도 없음"}


def _csv_line(columns: list[str], row: dict) -> str:
    out = io.StringIO()
    csv.DictWriter(out, columns, lineterminator="\r\n").writerow(row)
    return out.getvalue()


def fact(**changes) -> Callable[[str], str]:
    """Append the test row with `changes` to facts.csv."""
    return lambda text: text + _csv_line(facts.COLUMNS, {**NEW_FACT, **changes})


def search(**changes) -> Callable[[str], str]:
    """Append a search with `changes` to the search log."""
    return lambda text: text + _csv_line(search_log.COLUMNS, {**NEW_SEARCH, **changes})


def copy_of(original: str, **changes) -> Callable[[str], str]:
    """Append a copy of an existing row of facts.csv, with `changes`."""
    def edit(text: str) -> str:
        row = next(r for r in csv.DictReader(io.StringIO(text)) if r["fact_id"] == original)
        return text + _csv_line(facts.COLUMNS, {**row, **changes})
    return edit


def replaced(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return edit


def line_of(text: str, fact_id: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(fact_id + ","))


@dataclass(frozen=True)
class Case:
    id: str
    file: str                                   # the file the bad input is written into (project-relative)
    edit: Callable[[str], str]                  # its text -> the bad text
    command: tuple[str, ...]                    # `python -m analysis` arguments ({root} = the sandbox)
    refusal: str                                # pattern of the error line; LINE = the last line of `file`
    accepted: bool = False                      # record the edit in the manifest first (a hand-accepted edit)
    encoding: str = "utf-8"
    extra: dict = field(default_factory=dict)


ACCEPT_FACTS = ("accept", "{root}/" + FACTS)
BUILD_FACTS = ("data", "facts")
ACCEPT_LOG = ("accept", "{root}/" + SEARCH_LOG)
FACTS_AT = r"facts\.csv, line LINE, column "
LOG_AT = r"search_log\.csv, line LINE, column "

CASES = [
    # -- issue 24: facts that changed the MOU series without an error (accepted, then built) ----------
    Case("facts: a source on a mirror host", FACTS, fact(source_url="https://dqdt.shop/news/5700275"), ACCEPT_FACTS,
         FACTS_AT + r"'source_url': host 'dqdt.shop' is a mirror .*; expected the outlet's own page; put the copy in "
         r"archive_url"),
    Case("facts: a source on an undeclared host", FACTS, fact(source_url="http://3.37.37.98/article/1"), ACCEPT_FACTS,
         FACTS_AT + r"'source_url': host '3.37.37.98' is not a declared outlet"),
    Case("facts: an outlet named otherwise than its host", FACTS, fact(outlet="KJBN (국문 제호 미확인)"), ACCEPT_FACTS,
         FACTS_AT + r"'outlet': outlet 'KJBN \(국문 제호 미확인\)' does not name '광주일보'"),
    Case("facts: 1,050 is not NaN", FACTS, fact(value="1,050"), BUILD_FACTS,
         FACTS_AT + r"'value': '1,050' is not a number \(write 1050: no thousands separators\) \(value '1,050'\); "
         r"expected a plain number", accepted=True),
    Case("facts: fifty is not NaN", FACTS, fact(value="fifty"), BUILD_FACTS,
         FACTS_AT + r"'value': 'fifty' is not a number \(value 'fifty'\)", accepted=True),
    Case("facts: a topic typo does not leave the MOU series", FACTS, fact(topic="ai_mu"), BUILD_FACTS,
         FACTS_AT + r"'topic': topic 'ai_mu' is not declared \(did you mean 'ai_mou'\?\) \(value 'ai_mu'\); "
         r"expected one of pledge, ",
         accepted=True),
    Case("facts: 2020/11/06 is not 2020-07-01", FACTS, fact(published="2020/11/06"), BUILD_FACTS,
         FACTS_AT + r"'published': '2020/11/06' is not a date \(write 2020-11-06\) \(value '2020/11/06'\)",
         accepted=True),
    # -- the same, and every other rule of the facts table, refused by `accept` --------------------------
    Case("facts accept: 1,050", FACTS, fact(value="1,050"), ACCEPT_FACTS, FACTS_AT + r"'value': '1,050' is not"),
    Case("facts accept: topic typo", FACTS, fact(topic="ai-mou"), ACCEPT_FACTS, FACTS_AT + r"'topic': topic 'ai-mou'"),
    Case("facts: as_of 2020/11/06", FACTS, fact(as_of="2020/11/06"), ACCEPT_FACTS,
         FACTS_AT + r"'as_of': '2020/11/06' is not a date \(write 2020-11-06\)"),
    Case("facts: a note inside as_of", FACTS, fact(as_of="2022-03-31 (inferred)"), ACCEPT_FACTS,
         FACTS_AT + r"'as_of': '2022-03-31 \(inferred\)' is not a date \(write 2022-03-31; words about the date go "
         r"in the note column\)"),
    Case("facts: a note inside published", FACTS, fact(published="2024 (statement dated 29일)"), ACCEPT_FACTS,
         FACTS_AT + r"'published': '2024 \(statement dated 29일\)' is not a date \(write 2024;"),
    Case("facts: month 13", FACTS, fact(published="2022-13-01"), ACCEPT_FACTS,
         FACTS_AT + r"'published': month 13 in '2022-13-01' does not exist"),
    Case("facts: 30 February", FACTS, fact(as_of="2022-02-30"), ACCEPT_FACTS,
         FACTS_AT + r"'as_of': day 30 in '2022-02-30' does not exist in 2022-02"),
    Case("facts: published after today", FACTS, fact(published="2099-01-05"), ACCEPT_FACTS,
         FACTS_AT + r"'published': '2099-01-05' is after today"),
    Case("facts: a period that ends before it starts", FACTS, fact(topic="youth", unit="persons", as_of="2024/2020"),
         ACCEPT_FACTS, FACTS_AT + r"'as_of': period '2024/2020' ends before it starts"),
    Case("facts: undeclared unit", FACTS, fact(unit="MOU"), ACCEPT_FACTS,
         FACTS_AT + r"'unit': unit 'MOU' is not declared \(did you mean 'MOUs'\?\) \(value 'MOU'\)"),
    Case("facts: a date in a number unit", FACTS, fact(value="2024-11-12"), ACCEPT_FACTS,
         FACTS_AT + r"'value': '2024-11-12' is not a number \(a date: unit 'cumulative MOU number' takes numbers"),
    Case("facts: a number in a date unit", FACTS, fact(topic="medical", unit="event", value="5"), ACCEPT_FACTS,
         FACTS_AT + r"'value': '5' is not a date \(value '5'\)"),
    Case("facts: two values, three units", FACTS, fact(topic="pledge", value="1;2", unit="jobs;jobs;jobs"),
         ACCEPT_FACTS, FACTS_AT + r"'unit': 2 values but 3 units \('jobs;jobs;jobs'\) \(value 'jobs;jobs;jobs'\)"),
    Case("facts: two values, three dates", FACTS, fact(topic="pledge", value="1;2", unit="jobs", as_of="2020;2021;2022"),
         ACCEPT_FACTS, FACTS_AT + r"'as_of': 2 values but 3 dates"),
    Case("facts: an MOU count that is a change", FACTS, fact(value="390->400"), ACCEPT_FACTS,
         FACTS_AT + r"'value': feeds the ai_mou series \(topic 'ai_mou', unit 'cumulative MOU number'\) but "
         r"'390->400' is not a count"),
    Case("facts: an MOU count dated by its year", FACTS, fact(as_of="2026"), ACCEPT_FACTS,
         FACTS_AT + r"'as_of': feeds the ai_mou series .* but as_of '2026' is not a day or month"),
    Case("facts: a new row without its id", FACTS, fact(fact_id=""), ACCEPT_FACTS,
         FACTS_AT + r"'fact_id': is empty: a new row's id is written, not computed \(value ''\); expected an id of "
         r"its own such as ai_mou-[0-9a-f]{6}"),
    Case("facts: an id that is not one", FACTS, fact(fact_id="ai_mou-b18530.1"), ACCEPT_FACTS,
         FACTS_AT + r"'fact_id': 'ai_mou-b18530\.1' is not a fact id"),
    Case("facts: an id used twice", FACTS, fact(fact_id="ai_mou-b18530"), ACCEPT_FACTS,
         r"facts\.csv, line LINE: fact id 'ai_mou-b18530' appears twice, on lines FIRST and LINE",
         extra={"first": "ai_mou-b18530"}),
    Case("facts: the same fact twice", FACTS, copy_of("ai_mou-b18530", fact_id="ai_mou-0c0ffe"), ACCEPT_FACTS,
         r"facts\.csv, line LINE: the same fact \(source and claim\) appears twice, on lines FIRST and LINE",
         extra={"first": "ai_mou-b18530"}),
    Case("facts: empty outlet", FACTS, fact(outlet=""), ACCEPT_FACTS, FACTS_AT + r"'outlet': is empty"),
    Case("facts: empty quote", FACTS, fact(quote=" "), ACCEPT_FACTS, FACTS_AT + r"'quote': is empty"),
    Case("facts: a source that is not a URL", FACTS, fact(source_url="not a url"), ACCEPT_FACTS,
         FACTS_AT + r"'source_url': 'not a url' is not a URL"),
    Case("facts: an archive that is not a URL", FACTS, fact(archive_url="archive.org/x"), ACCEPT_FACTS,
         FACTS_AT + r"'archive_url': 'archive.org/x' is not a URL"),
    Case("facts: a column missing", FACTS, replaced("as_of,as_of_note,", "as_of,"), ACCEPT_FACTS,
         r"facts\.csv, line 1: header has .*missing \['as_of_note'\]"),
    Case("facts: an unquoted comma", FACTS, lambda t: t + "ai_mou-0c0ffe,ai_mou,a, b,c,1,MOUs" + ",x" * 9 + "\r\n",
         ACCEPT_FACTS, r"facts\.csv, line LINE: the line has a different number of fields than the header"),
    Case("facts: not UTF-8", FACTS, fact(claim_ko="광주 시험"), ACCEPT_FACTS,
         r"facts\.csv: not UTF-8 text \(byte offset \d+\); expected a UTF-8 CSV file", encoding="cp949"),
    # -- the search log ---------------------------------------------------------------------------------
    Case("search log: a date that is not ISO", SEARCH_LOG, search(date="2026/11/30"), ACCEPT_LOG,
         LOG_AT + r"'date': '2026/11/30' is not a date \(value '2026/11/30'\); expected the day of the search"),
    Case("search log: an undeclared corpus", SEARCH_LOG, search(corpus="web"), ACCEPT_LOG,
         LOG_AT + r"'corpus': corpus 'web' is not declared \(value 'web'\); expected one of pages, docs"),
    Case("search log: an unknown pledge", SEARCH_LOG, search(pledge_id="medical-clustre"), ACCEPT_LOG,
         LOG_AT + r"'pledge_id': pledge id 'medical-clustre' is not declared \(did you mean 'medical-cluster'\?\)"),
    Case("search log: nothing said of what was found", SEARCH_LOG, search(found=""), ACCEPT_LOG,
         LOG_AT + r"'found': is empty"),
]


class Sandbox:
    """A copy of data/raw/ and config/ (and a processed folder) that the paths point to."""

    def __init__(self, root: Path, monkeypatch):
        self.root = root
        shutil.copytree(paths.RAW, root / "data" / "raw")
        shutil.copytree(paths.CONFIG, root / "config")
        (root / "data" / "processed").mkdir()
        (root / "data" / "processed" / "facts.csv").write_text("the table as the last good build left it\n")
        (root / "outside").mkdir()
        for name, path in {"RAW": "data/raw", "MANIFEST": "data/raw/manifest.yaml", "PLEDGES": "data/raw/pledges.yaml",
                           "FACTS": FACTS, "PROCESSED": "data/processed", "RESULTS": "data/processed/results",
                           "CONFIG": "config", "CATALOG": "config/catalog.yaml",
                           "REPORTS_CONFIG": "config/reports.yaml", "REPORTS": "reports"}.items():
            monkeypatch.setattr(paths, name, root / path)

    def files(self) -> dict[str, str]:
        return {p.relative_to(self.root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(self.root.rglob("*")) if p.is_file()}

    def write(self, case: Case) -> str:
        path = self.root / case.file
        text = case.edit(path.read_text(encoding="utf-8"))
        path.write_bytes(text.encode(case.encoding, errors="replace"))
        if case.accepted:
            relative = path.relative_to(paths.RAW).as_posix()
            entry = manifest.read_manifest()[relative].model_dump(exclude_defaults=True)
            manifest.write_entries([entry | {"sha256": manifest.sha256_of(path)}])
        return text


def _clear_caches():
    manifest._cached.cache_clear()
    catalog.catalog.cache_clear()
    registry.cache_clear()


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    _clear_caches()
    yield Sandbox(tmp_path, monkeypatch)
    _clear_caches()


def expected_refusal(case: Case, text: str) -> str:
    pattern = case.refusal.replace("LINE", str(len(text.splitlines())))
    if "first" in case.extra:
        pattern = pattern.replace("FIRST", str(line_of(text, case.extra["first"])))
    return pattern


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_bad_input_is_refused_with_its_place_and_nothing_is_touched(case, sandbox, capsys):
    text = sandbox.write(case)
    before = sandbox.files()
    code = cli.main([part.format(root=sandbox.root) for part in case.command])
    out, err = capsys.readouterr()
    assert code != 0, out
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert re.search(expected_refusal(case, text), err), err
    assert sandbox.files() == before


@pytest.mark.parametrize("file, edit", [(FACTS, fact()), (SEARCH_LOG, search())], ids=["facts", "search log"])
def test_the_rows_the_cases_start_from_are_accepted(sandbox, capsys, file, edit):
    """Each case changes one thing of a good row, so it is refused for that one thing."""
    sandbox.write(Case("good", file, edit, (), ""))
    assert cli.main(["accept", str(sandbox.root / file)]) == 0, capsys.readouterr().err
