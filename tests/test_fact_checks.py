"""Every fact a verdict rests on passed the desk's five checks (data/raw/facts/fact_checks.csv), sits on
an outlet's or an official page, and its Korean claim states no number its quote does not."""
from __future__ import annotations

import csv
import re

import pytest

from analysis import paths
from analysis.ingest import outlets
from analysis.ingest.registry import read_registry

CHECKS = ("found", "verbatim", "date_outlet", "claim_within_quote", "quote_carries_meaning")
DECISIVE = ("achieved", "progress", "setback", "failed", "schedule")
WITHDRAWN = ("drop", "demote", "replace")  # a fact the check took out of the deciding set
SCALE = {"조": 10**12, "억": 10**8, "만": 10**4, "천": 10**3}
# A number starts where a word starts (after a space, a bracket or the start), never inside a word: the 만
# of 했지만 or 인력만 is a particle. It runs on through digits and the units 조·억·만·천, a space allowed between.
_NUMBER = re.compile(r"(?<![가-힣A-Za-z\d.])(?:\d+(?:\.\d+)?|[조억만천])(?:\s?(?:\d+(?:\.\d+)?|[조억만천]))*")


def _value(chunk: str) -> float:
    """1조9천376억 → 1.9376e12, 만 6천 → 16000, 2천310 → 2310: 조·억·만 close a section, 천 counts within it."""
    total, section = 0.0, 0.0
    for digits, unit in re.findall(r"(\d+(?:\.\d+)?)?([조억만천]?)", chunk.replace(" ", "")):
        number = float(digits) if digits else 1.0
        if unit == "천":
            section += number * SCALE[unit]
        elif unit:
            total += (section + (number if digits else (0.0 if section else 1.0))) * SCALE[unit]
            section = 0.0
        elif digits:
            section += number
    return round(total + section, 6)


def stated_numbers(text: str) -> set[float]:
    """The numbers a Korean sentence states, as values: 1만3000 and 1만 3000 → 13000, 만7천 → 17000, 6,281 → 6281;
    a unit alone is a number only as a bare 만 before a space (일자리 만 개), not in 천년 or 억지."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    numbers = set()
    for match in _NUMBER.finditer(text):
        chunk = match.group(0).rstrip()
        if not re.search(r"\d", chunk) and not (chunk == "만" and text[match.end():match.end() + 1] == " "):
            continue
        numbers.add(_value(chunk))
    return numbers


@pytest.mark.parametrize(("text", "numbers"), [
    ("1만3000개", {13000}), ("1만 3000개", {13000}), ("만7천 개", {17000}), ("만 6천여 명", {16000}),
    ("6,281명", {6281}), ("153억원", {153 * 10**8}), ("2.3조원", {2.3 * 10**12}), ("천년의 도시", set()),
    ("일자리 만 개", {10000}), ("5천17명을 채용하기로 했지만 2천310명만 뽑았다", {5017, 2310}),
    ("인력만 3만명", {30000}), ("1조9천376억원", {1.9376 * 10**12}), ("10조4,301억", {10.4301 * 10**12}),
    ("1조9천376억원", {1.9376 * 10**12}), ("2조 2,000억원", {2.2 * 10**12}), ("인력만 3만명", {30000}),
    ("비용으로만 2조 2,000억원", {2.2 * 10**12}),
])
def test_korean_numbers_are_read_as_values(text, numbers):
    assert stated_numbers(text) == numbers


def _base(fact_id: str) -> str:
    return re.sub(r"\.\d+$", "", fact_id)


def deciding_facts() -> dict[str, list[str]]:
    """Facts a verdict or an owner rests on, with what uses them: decisive evidence, lineage events, the
    actors' dates, the pledge article's clickable report, and every fact the configuration names."""
    uses: dict[str, list[str]] = {}
    registry = read_registry()
    for pledge in registry.values():
        for _component, link in pledge.all_evidence():
            if link.fact and link.means in DECISIVE:
                uses.setdefault(_base(link.fact), []).append(f"{pledge.id} {link.means}")
        for event in pledge.lineage:
            uses.setdefault(_base(event.fact), []).append(f"{pledge.id} {event.event}")
        if pledge.source_info.same_event_fact:
            uses.setdefault(_base(pledge.source_info.same_event_fact), []).append(f"{pledge.source} article")
    for name, actor in next(iter(registry.values())).actors_record.items():
        for fact in actor.basis:
            uses.setdefault(_base(fact), []).append(f"actor {name}")
    for config in paths.CONFIG.glob("*.yaml"):
        for fact in re.findall(r"\b[a-z][a-z0-9_]*-[0-9a-f]{6}\b", config.read_text(encoding="utf-8")):
            uses.setdefault(fact, []).append(config.name)
    return uses


def test_every_deciding_fact_passed_the_five_checks():
    checks: dict[str, list[dict]] = {}
    with (paths.RAW / "facts" / "fact_checks.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            checks.setdefault(_base(row["fact_id"]), []).append(row)
    problems = []
    for fact, uses in sorted(deciding_facts().items()):
        rows = checks.get(fact)
        if not rows:
            problems.append(f"{fact} ({', '.join(uses)}): no row in fact_checks.csv")
            continue
        for row in rows:
            failed = [c for c in CHECKS if row[c] == "no"]
            if row["action"] in WITHDRAWN or failed:
                problems.append(f"{row['fact_id']} ({', '.join(uses)}): {row['action']}, failed {failed}")
    assert not problems, "\n".join(problems)


def test_a_deciding_fact_rests_on_an_outlet_or_an_official_page(processed):
    facts = processed.load("facts").assign(base=lambda f: f["fact_id"].map(_base)).set_index("base")
    weak = {fact: facts.loc[[fact], "source_kind"].iloc[0] for fact in deciding_facts() if fact in facts.index}
    assert {f: k for f, k in weak.items() if k not in outlets.DECIDING_KINDS} == {}


def test_every_number_of_a_deciding_claim_is_in_its_quote(processed):
    facts = processed.load("facts").drop_duplicates("source")
    deciding = set(deciding_facts())
    extra = {}
    for row in facts[facts["fact_id"].map(_base).isin(deciding)].itertuples():
        missing = stated_numbers(row.claim_ko) - stated_numbers(row.quote)
        if missing:
            extra[row.fact_id] = sorted(missing)
    assert extra == {}, "claim_ko states numbers its quote does not (rewrite the claim or quote the sentence)"


def test_no_source_is_a_mirror(tmp_path):
    declared = outlets.read(paths.RAW / "facts" / "outlets.csv")
    with pytest.raises(outlets.FieldProblem, match="is a mirror"):
        outlets.source_kind(declared, "http://3.37.37.99/article/view/kbc202101280003", "KBC광주방송")
    with pytest.raises(outlets.FieldProblem, match="not a declared outlet"):
        outlets.source_kind(declared, "https://unknown.example/news/1", "어느 신문")
    with pytest.raises(outlets.FieldProblem, match="does not name '광주일보'"):
        outlets.source_kind(declared, "http://m.kwangju.co.kr/article.php?aid=1", "KJBN (국문 제호 미확인)")
