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
_NUMBER = re.compile(r"(?:(?:\d+(?:\.\d+)?)?\s*[조억만천]\s*)+(?:\d+(?:\.\d+)?)?|\d+(?:\.\d+)?")


def stated_numbers(text: str) -> set[float]:
    """The numbers a Korean sentence states, as values: 1만3000 and 1만 3000 → 13000, 만7천 → 17000, 6,281 → 6281."""
    numbers = set()
    for match in _NUMBER.finditer(re.sub(r"(?<=\d),(?=\d{3})", "", text)):
        rest, total, section = match.group(0).replace(" ", ""), 0.0, 0.0
        if not re.search(r"\d", rest) and rest != "만":
            continue  # a word such as 천년 or 억지, not a number
        pairs = re.findall(r"(\d+(?:\.\d+)?)?([조억만천]?)", rest)
        if len(pairs) > 1 and not pairs[0][0] and pairs[1][1] and SCALE[pairs[1][1]] >= SCALE[pairs[0][1]]:
            pairs = pairs[1:]  # a bare unit before a larger one is a particle (인력만 3만명, 으로만 2조), not 1만
        for digits, unit in pairs:
            value = float(digits) if digits else (1.0 if unit else 0.0)
            if unit == "천":  # 9천376억: 천 counts within the 억 section
                section += value * SCALE["천"]
            elif unit:
                total, section = total + (section + (value if digits else 0) or 1) * SCALE[unit], 0.0
            else:
                section += value
        numbers.add(round(total + section, 6))
    return numbers


@pytest.mark.parametrize(("text", "numbers"), [
    ("1만3000개", {13000}), ("1만 3000개", {13000}), ("만7천 개", {17000}), ("만 6천여 명", {16000}),
    ("6,281명", {6281}), ("153억원", {153 * 10**8}), ("2.3조원", {2.3 * 10**12}), ("천년의 도시", set()),
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
