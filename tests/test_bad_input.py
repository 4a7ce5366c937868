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
import errno
import hashlib
import io
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from analysis import cli, paths
from analysis.ingest import facts, intake, manifest, search_log
from analysis.ingest.registry import registry
from analysis.tables import catalog

FACTS = "data/raw/facts/facts.csv"
REPORTS = "config/reports.yaml"
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


def first_pledge(change: Callable[[dict], None]) -> Callable[[str], str]:
    """Change the first record of the registry (read and written as YAML)."""
    def edit(text: str) -> str:
        document = yaml.safe_load(text)
        change(document["pledges"][0])
        return yaml.safe_dump(document, allow_unicode=True)
    return edit


def replaced(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return edit


def line_of(text: str, fact_id: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(fact_id + ","))


GOOD_EXPORT = "시도별_고용률_20260101120000.csv"
EXPORT = "시도별,2024,2025\n광주광역시,60.6,60.8\n부산광역시,58.0,58.2\n"
EAPS = "data/raw/kosis/eaps_sido_annual_2000_2023.csv"


def export(text: str = EXPORT) -> Callable[[str], str]:
    """Write an analyst's KOSIS download (outside data/raw/)."""
    return lambda _: text


def add_command(name: str, *more: str) -> tuple[str, ...]:
    return ("add", "{root}/outside/" + name, "--origin", "test download", "--table-id", "DT_TEST", "--item", "고용률",
            "--unit", "%", *more)


def read_only_kosis_folder(sandbox, monkeypatch):
    """data/raw/kosis/ cannot be written (root is not stopped by the mode, so refuse as the kernel would)."""
    folder = sandbox.root / "data" / "raw" / "kosis"
    if os.geteuid() != 0:
        folder.chmod(0o555)
        monkeypatch.setattr(sandbox, "restore", lambda: folder.chmod(0o755), raising=False)
        return

    def refuse(source, target, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(target))
    monkeypatch.setattr(shutil, "copyfile", refuse)


def no_memory_to_load_a_library(sandbox, monkeypatch):
    """Under `ulimit -v` a compiled library may fail to load instead of raising MemoryError."""
    def fail(*args, **kwargs):
        raise ImportError("/x/_libs/index.cpython-311-x86_64-linux-gnu.so: failed to map segment from shared object")
    monkeypatch.setattr(intake, "read_kosis", fail)


def out_of_memory_when_the_manifest_is_written(sandbox, monkeypatch):
    """The file is copied and its values kept, then memory runs out: both must be taken back."""
    def fail(*args, **kwargs):
        raise MemoryError
    monkeypatch.setattr(manifest, "write_entries", fail)


@dataclass(frozen=True)
class Case:
    id: str
    file: str | None                            # the file the bad input is written into (sandbox-relative)
    edit: Callable[[str], str]                  # its text ('' for a new file) -> the bad text
    command: tuple[str, ...]                    # `python -m analysis` arguments ({root} = the sandbox)
    refusal: str                                # pattern of the error line; LINE = the line of `line_of` in
    #                                             `file`, else its last line; FIRST = the line of extra["first"]
    accepted: bool = False                      # record the edit in the manifest first (a hand-accepted edit)
    encoding: str = "utf-8"
    line_of: str | None = None
    setup: Callable | None = None               # setup(sandbox, monkeypatch): a condition beyond the input
    extra: dict = field(default_factory=dict)


ACCEPT_FACTS = ("accept", "{root}/" + FACTS)
BUILD_FACTS = ("data", "facts")
ACCEPT_LOG = ("accept", "{root}/" + SEARCH_LOG)
BUILD_REPORT = ("report", "pledge-jobs-13000")
PLEDGES = "data/raw/pledges.yaml"
PLEDGES_AT = r"pledges\.yaml, (line \d+: )?.*"
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
    Case("facts: an MOU count under another topic", FACTS, fact(topic="ai_jobs"), ACCEPT_FACTS,
         FACTS_AT + r"'topic': unit 'cumulative MOU number' is a unit of the ai_mou series, whose topic is 'ai_mou': "
         r"topic 'ai_jobs' would leave the row out of it \(value 'ai_jobs'\)"),
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
    # -- add: names make cannot take, and failures half-way ------------------------------------------------
    Case("add: a name with a space", "outside/시도별 고용률_20260101120000.csv", export(),
         add_command("시도별 고용률_20260101120000.csv"),
         r"data/raw/kosis/시도별 고용률_20260101120000\.csv: the name '시도별 고용률_20260101120000\.csv' has "
         r"characters that make and the shell cannot take as they are \(' '\); expected letters, digits, '_', '-' "
         r"and '\.' only: rename it, e\.g\. to '시도별_고용률_20260101120000\.csv'"),
    Case("add: a name the shell would run", "outside/x$(touch pwned)_20260101120000.csv", export(),
         add_command("x$(touch pwned)_20260101120000.csv"),
         r"the name 'x\$\(touch pwned\)_20260101120000\.csv' has characters .* \(' ', '\$', '\(', '\)'\)"),
    Case("add: a read-only folder", "outside/" + GOOD_EXPORT, export(), add_command(GOOD_EXPORT),
         r"kosis/시도별_고용률_20260101120000\.csv: cannot write here \(Permission denied\); nothing was changed",
         setup=read_only_kosis_folder),
    Case("add: out of memory half-way", "outside/" + GOOD_EXPORT, export(), add_command(GOOD_EXPORT),
         r"`python -m analysis add` ran out of memory \(MemoryError\); no file was left half-written",
         setup=out_of_memory_when_the_manifest_is_written),
    Case("add: a library that cannot be loaded for want of memory", "outside/" + GOOD_EXPORT, export(),
         add_command(GOOD_EXPORT), r"`python -m analysis add` ran out of memory \(ImportError\)",
         setup=no_memory_to_load_a_library),
    Case("add: a file already recorded", None, export(), add_command("../data/raw/kosis/eaps_sido_annual_2000_2023.csv"),
         r"data/raw/kosis/eaps_sido_annual_2000_2023\.csv is already in the manifest: use `python -m analysis accept`"),
    Case("add: a name already taken", "outside/eaps_sido_annual_2000_2023.csv", export(),
         add_command("eaps_sido_annual_2000_2023.csv"), r"eaps_sido_annual_2000_2023\.csv already exists: give the new "),
    Case("add: no origin", "outside/" + GOOD_EXPORT, export(),
         ("add", "{root}/outside/" + GOOD_EXPORT, "--item", "고용률", "--unit", "%"),
         r"--origin is required: Where did the file come from"),
    Case("add: no download day and no stamp", "outside/고용률.csv", export(), add_command("고용률.csv"),
         r"고용률\.csv: --downloaded is required \(the name has no KOSIS stamp _YYYYMMDDhhmmss\)"),
    Case("add: a download day that does not exist", "outside/고용률.csv", export(),
         add_command("고용률.csv", "--downloaded", "2025-13-01"),
         r"--downloaded '2025-13-01' is not a day; expected YYYY-MM-DD, or 'not stated'"),
    Case("add: a download day after today", "outside/고용률.csv", export(),
         add_command("고용률.csv", "--downloaded", "2099-01-01"), r"--downloaded '2099-01-01' is not a past day"),
    Case("add: a file that states no unit", "outside/" + GOOD_EXPORT, export(),
         ("add", "{root}/outside/" + GOOD_EXPORT, "--origin", "x", "--table-id", "x"),
         r"시도별_고용률_20260101120000\.csv: the file states no unit for its 4 values; expected --unit U"),
    Case("add: not a KOSIS export", "outside/" + GOOD_EXPORT, export("hello\n"), add_command(GOOD_EXPORT),
         r"시도별_고용률_20260101120000\.csv: only one column; expected label columns and value columns"),
    Case("add: no such file", None, export(), add_command("nowhere.csv"), r"nowhere\.csv"),
    # -- accept ---------------------------------------------------------------------------------------------
    Case("accept: a file outside data/raw", "outside/" + GOOD_EXPORT, export(), ("accept", "{root}/outside/" + GOOD_EXPORT),
         r"outside/시도별_고용률_20260101120000\.csv: not a file under .*data/raw; expected the recorded file"),
    Case("accept: a file never recorded", "data/raw/kosis/new.csv", export(), ("accept", "{root}/data/raw/kosis/new.csv"),
         r"manifest\.yaml: no entry for kosis/new\.csv; record it with `python -m analysis add data/raw/kosis/new\.csv`"),
    Case("accept: no download day", EAPS, replaced("1280", "1281"), ("accept", "{root}/" + EAPS),
         r"eaps_sido_annual_2000_2023\.csv: --downloaded is required"),
    Case("accept: a download day that does not exist", EAPS, replaced("1280", "1281"),
         ("accept", "{root}/" + EAPS, "--downloaded", "2025/11/30"), r"--downloaded '2025/11/30' is not a day"),
    Case("accept: a vintage the reader refuses", EAPS, export("hello\n"), ("accept", "{root}/" + EAPS),
         r"eaps_sido_annual_2000_2023\.csv: only one column"),
    # -- the raw-file guard and the manifest ---------------------------------------------------------------
    Case("build: a raw file edited but not accepted", EAPS, replaced("1280", "1281"), ("data", "employment_sido_annual"),
         r"eaps_sido_annual_2000_2023\.csv: content changed since it was recorded .* `python -m analysis accept "
         r"data/raw/kosis/eaps_sido_annual_2000_2023\.csv` .* `python -m analysis add FILE`"),
    Case("manifest: not a sha256", "data/raw/manifest.yaml", lambda t: re.sub(r"sha256: \w+", "sha256: abc", t, count=1),
         ("check-raw",), r"manifest\.yaml, line LINE: files\.0\.sha256: Value error, 'abc' is not a sha256",
         line_of="sha256: abc"),
    Case("manifest: a misspelt key", "data/raw/manifest.yaml", replaced("  title:", "  titel:"), ("check-raw",),
         r"manifest\.yaml, line LINE: unknown key 'titel' at files\.0\.titel; expected one of path, sha256",
         line_of="titel:"),
    Case("manifest: a field missing", "data/raw/manifest.yaml", lambda t: re.sub(r"\n  title: [^\n]*", "", t, count=1),
         ("check-raw",), r"manifest\.yaml, line LINE: files\.0\.title: Field required", line_of="- path:"),
    Case("manifest: a download day that does not exist", "data/raw/manifest.yaml",
         lambda t: re.sub(r"downloaded: '?[\d-]+'?", "downloaded: '2025-13-01'", t, count=1), ("check-raw",),
         r"manifest\.yaml, line LINE: files\.0\.downloaded: Value error, month must be in 1\.\.12",
         line_of="2025-13-01"),
    # -- assumptions and report parameters, refused before any page is touched -------------------------------
    Case("report: a probability of 1.5", "config/reports.yaml",
         replaced("    title: \"종합: 광주 일자리·산업 공약 점검표\"\n",
                  "    title: \"종합: 광주 일자리·산업 공약 점검표\"\n    parameters: {assumptions: {on_track_probability: 1.5}}\n"),
         ("report", "overview"), r"overview: assumption on_track_probability: 1\.5 is not a probability in \[0, 1\]"),
    Case("report: no simulation draws", "config/reports.yaml",
         replaced("      first_year: 2000\n", "      first_year: 2000\n      assumptions: {simulation_draws: 0}\n"),
         ("report", "region-24"), r"region-24: assumption simulation_draws: 0 is not a count \(at least 1\)"),
    Case("report: a first year outside the data", "config/reports.yaml", replaced("first_year: 2000", "first_year: 3000"),
         ("report", "region-24"), r"region-24: parameter first_year: 3000 is not a year within the data \[2000, \d{4}\]"),
    Case("report: a deadline beyond any plan", "config/reports.yaml", replaced("target_year: 2030", "target_year: 3030"),
         ("report", "region-24"), r"region-24: parameter target_year: 3030 is not a deadline year in \[2000, 2100\]"),
    Case("report: an assumption typo", "config/reports.yaml",
         replaced("      first_year: 2000\n", "      first_year: 2000\n      assumptions: {on_track_probabilty: 0.6}\n"),
         ("report", "region-24"), r"region-24: unknown assumption\(s\) \['on_track_probabilty'\] \(did you mean 'on_track_probability'\?\)"),
    # -- the pledge registry (earlier turns' cases), refused before any report is built ---------------------
    Case("registry: no quote", PLEDGES,
         first_pledge(lambda p: p.pop("quote")), BUILD_REPORT,
         PLEDGES_AT + r"line \d+: pledges.0.quote \(pledge 'jobs-13000'\): Field required"),
    Case("registry: an undeclared metric", PLEDGES,
         first_pledge(lambda p: p.update(metric="vibes")), BUILD_REPORT,
         PLEDGES_AT + r"line \d+: pledges.0.metric \(pledge 'jobs-13000'\): .*\(value 'vibes'\)"),
    Case("registry: a deadline that is not a date", PLEDGES,
         first_pledge(lambda p: p.update(deadline="soon")), BUILD_REPORT,
         PLEDGES_AT + r"pledges.0.deadline .*'soon'"),
    Case("registry: a misspelt key", PLEDGES,
         first_pledge(lambda p: p.update(colour="red")), BUILD_REPORT,
         PLEDGES_AT + r"unknown key 'colour' at pledges.0.colour \(pledge 'jobs-13000'\)"),
    Case("registry: a target that is not a number", PLEDGES,
         first_pledge(lambda p: p["target"].update(value="many")), BUILD_REPORT,
         PLEDGES_AT + r"pledges.0.target.value.*\(value 'many'\)"),
    Case("registry: a SMART question missing", PLEDGES,
         first_pledge(lambda p: p["smart"].pop("relevant")), BUILD_REPORT,
         PLEDGES_AT + r"pledges.0.smart .*expected exactly the keys"),
    Case("registry: a quote of two sentences", PLEDGES,
         first_pledge(lambda p: p.update(quote="첫 문장이다. 둘째 문장이다.")), BUILD_REPORT,
         PLEDGES_AT + "more than one sentence"),
    Case("registry: parts that do not add up", PLEDGES,
         first_pledge(lambda p: p["target"].update(value=14000)), BUILD_REPORT,
         r"pledges\.yaml, line LINE: pledge 'jobs-13000', field 'parts': parts add up to 13000, not 14000",
         line_of="parts:"),
    Case("registry: a deadline in month 13", PLEDGES,
         first_pledge(lambda p: p.update(deadline="2030-13-01")), BUILD_REPORT,
         PLEDGES_AT + r"pledges.0.deadline .*month must be in 1..12 \(value '2030-13-01'\)"),
    Case("registry: a deadline on day 99", PLEDGES,
         first_pledge(lambda p: p.update(deadline="2030-02-99")), BUILD_REPORT,
         PLEDGES_AT + r"pledges.0.deadline .*day is out of range .*'2030-02-99'"),
    Case("registry: a reason too short", PLEDGES,
         first_pledge(lambda p: p["evidence"][0].update(why="짧음")), BUILD_REPORT,
         PLEDGES_AT + r"pledges.0.evidence.0.why .*at least 5 characters"),
    Case("registry: an undeclared meaning of evidence", PLEDGES,
         first_pledge(lambda p: p["evidence"][0].update(means="maybe")), BUILD_REPORT,
         PLEDGES_AT + r"pledges.0.evidence.0.means .*\(value 'maybe'\)"),
    Case("registry: a deadline without dashes", PLEDGES,
         first_pledge(lambda p: p.update(deadline="20301231")), BUILD_REPORT,
         PLEDGES_AT + r"pledges.0.deadline .*expected YYYY or YYYY-MM-DD"),
    Case("registry: measured by nothing", PLEDGES,
         first_pledge(lambda p: p.update(measured_by={})), BUILD_REPORT,
         PLEDGES_AT + r"pledges.0.measured_by .*no series, no facts and no note"),
    Case("registry: a SMART answer without its reason", PLEDGES,
         first_pledge(lambda p: p["smart"].update(relevant=[True, ""])), BUILD_REPORT,
         PLEDGES_AT + r"pledges.0.smart.relevant.1 .*at least 1 character"),
    Case("registry: a SMART answer that is not yes or no", PLEDGES,
         first_pledge(lambda p: p["smart"].update(relevant=["maybe", "이유"])), BUILD_REPORT,
         PLEDGES_AT + r"pledges.0.smart.relevant.0 .*valid boolean"),
    Case("ingest: no such file", None, export(), ("ingest", "{root}/outside/nowhere.csv"), r"nowhere\.csv"),
    # -- issue 24: report parameters, checked before any page is touched (the build's cases) ---------
    Case("reports: a typo in an assumptions override deletes no page", REPORTS,
         replaced("      first_year: 2000\n", "      first_year: 2000\n      assumptions: {on_track_probabilty: 0.6}\n"),
         ("report", "overview"), r"reports\.yaml, line \d+: region-24: unknown assumption\(s\) \['on_track_probabilty'\] "
         r"\(did you mean 'on_track_probability'\?\); expected one of"),
    Case("reports: the same typo stops the make rules", REPORTS,
         replaced("      first_year: 2000\n", "      first_year: 2000\n      assumptions: {on_track_probabilty: 0.6}\n"),
         ("makefile",), r"reports\.yaml, line \d+: region-24: unknown assumption"),
    Case("reports: an extra entry with no declared reads (was KeyError: 'custom')", REPORTS,
         lambda text: text + "  custom:\n    notebook: pledge.py\n", ("report", "overview"),
         r"reports\.yaml, line LINE: report 'custom' has no reads declared in config/graph\.yaml; expected one of "
         r"overview, pledge, region", line_of="  custom:"),
]


class Sandbox:
    """A copy of data/raw/ and config/ (and of the processed tables the commands read), pages of a
    last good build, and a folder `outside` for the analyst's own files; the paths point here."""

    def __init__(self, root: Path, monkeypatch):
        self.root = root
        shutil.copytree(paths.RAW, root / "data" / "raw")
        shutil.copytree(paths.CONFIG, root / "config")
        processed = root / "data" / "processed"
        processed.mkdir()
        shutil.copy(paths.PROCESSED / "employment_sido_annual.csv", processed)  # the data's years
        (processed / "facts.csv").write_text("the facts table as the last good build left it\n")
        (root / "reports").mkdir()
        for page in ("index.html", "overview.html", "pledge-jobs-13000.html", "region-24.html"):
            (root / "reports" / page).write_text("a page of the last good build\n")  # no failed check deletes it
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
        if case.file is None:
            return ""
        path = self.root / case.file
        text = case.edit(path.read_text(encoding="utf-8") if path.exists() else "")
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
def sandbox(tmp_path, monkeypatch, processed):
    _clear_caches()
    yield Sandbox(tmp_path, monkeypatch)
    _clear_caches()


def expected_refusal(case: Case, text: str) -> str:
    lines = text.splitlines()
    line = next(n for n, t in enumerate(lines, 1) if case.line_of in t) if case.line_of else len(lines)
    pattern = case.refusal.replace("LINE", str(line))
    if "first" in case.extra:
        pattern = pattern.replace("FIRST", str(line_of(text, case.extra["first"])))
    return pattern


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_bad_input_is_refused_with_its_place_and_nothing_is_touched(case, sandbox, capsys, monkeypatch):
    text = sandbox.write(case)
    if case.setup:
        case.setup(sandbox, monkeypatch)
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
    assert cli.main(["accept", str(sandbox.root / file), "--downloaded", "2026-11-30"]) == 0, capsys.readouterr().err


def test_the_file_the_add_cases_start_from_is_added(sandbox, capsys):
    sandbox.write(Case("good", "outside/" + GOOD_EXPORT, export(), (), ""))
    assert cli.main([part.format(root=sandbox.root) for part in add_command(GOOD_EXPORT)]) == 0, capsys.readouterr().err


def test_a_default_out_of_its_range_names_the_file_and_line(sandbox):
    from analysis.assess import assumptions
    from analysis.ingest.yamlfile import ConfigError
    path = sandbox.root / "config" / "assumptions.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value: 0.5", "value: 1.5", 1), encoding="utf-8")
    line = next(n for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "value: 1.5" in t)
    assumptions._declared.cache_clear()
    assumptions.defaults.cache_clear()
    try:
        with pytest.raises(ConfigError, match=rf"assumptions\.yaml, line {line}: assumption on_track_probability: "
                                              r"1\.5 is not a probability in \[0, 1\]"):
            assumptions.defaults()
    finally:
        assumptions._declared.cache_clear()
        assumptions.defaults.cache_clear()
