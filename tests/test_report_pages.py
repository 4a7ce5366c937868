"""The report layer without Jupyter: the lead of every page says one thing (its number is the
deciding quantity, no other probability, no jargon), numbers print honestly, particles fit, text
from data is escaped, sources merge, downloads open in Korean Excel, and no Python builds markup."""
from __future__ import annotations

import ast
import io
import json
import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from analysis import paths
from analysis.assess import results as stored
from analysis.assess import rules
from analysis.ingest.registry import registry
from analysis.report import pages, render
from analysis.report.exports import csv, feed, package
from analysis.report.pages import base
from analysis.report.views import common, lead, region, sources
from analysis.report.views import pledge as views
from analysis.report.wording import josa, numbers, sentences, terms

HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> *별표* _밑줄_ <b>굵게</b>'
# Python reprs, English code names and template particles a reader must never see
LEAKS = re.compile(r"\bTrue\b|\bFalse\b|\bNone\b|\bnan\b|\(\('|\{\}|\b[a-z]+_[a-z_]+\b|\byears\b|direct\+indirect|"
                   r"ETS\(|ARIMA\(|OLS trend|Jeffreys|은\(는\)|이\(가\)|을\(를\)|\(표 ID 추정\)|\(원문 주소 미확보\)")
PERCENT = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)%( 확률 범위| 구간| 미만| 초과)?")
REPORT = paths.ROOT / "src" / "analysis" / "report"


@pytest.fixture(autouse=True, scope="module")
def korean_figures():
    from analysis.report import figures
    figures.setup()


def reader_text(html: str) -> str:
    """What a reader sees: no tags, no collapsed 재현 정보, no code, no quotes of sources' own words."""
    html = re.sub(r'<details class="repro">.*?</details>', "", html, flags=re.S)
    html = re.sub(r"<(script|style|code|svg)[^>]*>.*?</\1>", "", html, flags=re.S)
    html = re.sub(r'<q class="verbatim"[^>]*>.*?</q>', "", html, flags=re.S)
    html = re.sub(r"<a [^>]*>[^<]*(?:\.kr|\.com|\.net|\.co|/)[^<]*</a>", "", html)  # addresses shown as links
    return re.sub(r"<[^>]+>", " ", html)


# -- wording ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("word", "pair", "expected"), [
    ("지연", "은/는", "지연은"), ("달성", "이/가", "달성이"), ("미래차", "을/를", "미래차를"), ("기업", "과/와", "기업과"),
    ("파운드리", "과/와", "파운드리와"), ("서울", "으로/로", "서울로"), ("지연", "으로/로", "지연으로"),
    ("광주", "으로/로", "광주로"), ("13,000개", "을/를", "13,000개를"), ("776,000명", "으로/로", "776,000명으로"),
    ("‘정상 추진’", "으로/로", "‘정상 추진’으로"), ("'미래차 특화단지(국가산단)'", "이/가", "'미래차 특화단지(국가산단)'가"),
    ("광주광역시(시장 강기정)", "이/가", "광주광역시(시장 강기정)가"), ("김영록(전남지사)", "이/가", "김영록(전남지사)이"),
    ("(가정)", "은/는", "(가정)은"),
    ("2030", "은/는", "2030은"), ("2027", "으로/로", "2027로"), ("AI", "이/가", "AI가"), ("15%", "이/가", "15%가"),
])
def test_particles_fit_the_last_syllable(word, pair, expected):
    assert josa.josa(word, pair) == expected


@pytest.mark.parametrize(("value", "text"), [(0.0, "1% 미만"), (0.004, "1% 미만"), (1.0, "99% 초과"), (0.995, "99% 초과"),
                                             (0.1492, "15%"), (0.5, "50%"), (None, numbers.MISSING)])
def test_probabilities_never_print_0_or_100_percent(value, text):
    assert numbers.probability(value) == text


def test_estimates_keep_only_the_digits_their_interval_supports():
    assert numbers.estimate(9788.47, "명", 1791, 13000) == "9,800명"
    assert numbers.span(1791, 13000, "명", 9788.47) == "1,800~13,000명"
    assert numbers.estimate(150785.8, "명") == "151,000명"  # no interval: three significant digits
    assert numbers.estimate(393.4, "개", 329.9, 463.0) == "393개"
    assert numbers.interval(1791, 13000, 0.8, "개", 9788) == "80% 확률 범위 1,800~13,000개"
    assert numbers.count(361, "건") == "361건" and numbers.year(2030.0) == "2030년"


def test_dates_read_in_korean_and_sort_by_full_date():
    assert numbers.date_label("2024-H2") == "2024년 하반기" and numbers.date_label("2022-07") == "2022년 7월"
    labels = ["2025-09-08", "2024-H2", "2024-06-25", "2025", "2025-01-02"]
    assert sorted(labels, key=numbers.sort_key) == ["2024-06-25", "2024-H2", "2025-01-02", "2025-09-08", "2025"]


# -- the lead of every pledge page ------------------------------------------------------------------

@pytest.mark.parametrize("pledge_id", list(registry()))
def test_the_lead_states_the_deciding_number_and_nothing_else(results, pledge_id):
    view = views.core_view(pledge_id)
    status = results_bundle(pledge_id)["status"]
    unit, value = status.get("deciding_unit") or "", status.get("deciding_value")
    text = view.lead.sentence
    if value is None:
        assert view.lead.number == "" and "확률" not in text
    elif unit == "확률":
        assert view.lead.number == numbers.probability(value) and view.lead.number in text
    elif unit == "연월":
        assert view.lead.number == numbers.year_month(value) and view.lead.number in text
    else:
        assert view.lead.number in text
        if status.get("deciding_level"):  # an interval says its level
            assert view.lead.number == numbers.estimate(value, unit, view.deciding.low, view.deciding.high)
            assert "%" in text.replace(view.lead.number, "")
    others = [m.group(0) for m in PERCENT.finditer(text) if m.group(2) not in (" 구간", " 확률 범위") and m.group(0) != view.lead.number]
    if value is not None:
        assert others == [], f"another probability in the lead: {others}"
    jargon = [word for word in terms.JARGON if word in text + view.lead.robustness]
    assert jargon == [], jargon
    assert view.lead.status in text and view.lead.deadline.startswith(f"기한 {int(status['deadline'])}년")


def test_every_kind_of_verdict_has_its_wording():
    """Each value the assessment can put in `decided_by` is worded for the reader (a new kind of
    verdict without wording fails here, not as a KeyError in a build)."""
    from analysis.assess.outcome import DECIDERS
    from analysis.report.wording import texts
    assert set(DECIDERS) <= set(texts.WHAT_WOULD_CHANGE) and set(DECIDERS) <= set(terms.DECIDED_BY)


def test_every_choice_of_an_assumption_is_worded():
    """An assumption with named choices shows each choice in Korean, never its code ('class', 'keep')."""
    import typing

    from analysis.assess.assumptions import Assumptions
    from analysis.report.wording import texts
    for name, field in Assumptions.model_fields.items():
        if typing.get_origin(field.annotation) is typing.Literal:
            assert set(typing.get_args(field.annotation)) <= set(texts.SCENARIO_VALUES.get(name, {})), name


def test_no_two_pledges_without_data_read_alike(results):
    """A 자료 미확보 lead says what is missing and the nearest dated report, in the pledge's own words."""
    leads = [views.core_view(p).lead.sentence for p in registry()
             if results_bundle(p)["status"]["status"] == rules.NO_DATA]
    assert len(leads) > 1 and len(set(leads)) == len(leads)
    statuses = stored.load_table("statuses")
    reasons = statuses[statuses["status"] == rules.NO_DATA]["reason_ko"]
    assert reasons.is_unique and not reasons.str.contains("검색어").any()


def results_bundle(pledge_id: str) -> dict:
    return stored.load_pledge(pledge_id)


def test_robustness_reads_as_words_and_unrated_pledges_are_not_applicable(results):
    for pledge_id in registry():
        view = views.core_view(pledge_id)
        text = view.lead.robustness
        assert re.fullmatch(r"판정이 바뀔 수 있음: 가정 \d+개 중 \d+개에서 달라짐|안정적|해당 없음", text), text
        if view.status["status"] in (rules.NO_DATA, rules.UNMEASURABLE):
            assert text == "해당 없음"


def test_a_changed_input_changes_the_lead():
    """The lead follows the deciding quantity: a higher probability reads as on track."""
    status = {**results_bundle("jobs-13000")["status"], "status": rules.ON_TRACK, "deciding_value": 0.62,
              "deciding_low": 0.4, "deciding_high": 0.8}
    made = lead.lead(status, lead.deciding(status), lead.Robustness("stable"), None, None)
    assert made.number == "62%" and made.sentence.endswith("그래서 판정은 ‘정상 추진’입니다.")
    assert "80% 확률 범위 40%~80%" in made.sentence


def test_a_stage_lead_follows_the_operating_date():
    """A facility whose fastest precedent operates after the deadline reads as beyond reach; one
    that fits reads by the typical precedent; each lead prints the date that decided."""
    bundle = results_bundle("future-car-cluster-jobs")
    late = lead.lead(bundle["status"], lead.deciding(bundle["status"]), lead.Robustness("stable"), None, None,
                     bundle["chart"])
    assert "2033년 9월" in late.sentence and "넘기므로 ‘실현 어려움’" in late.sentence
    fits = {**bundle["status"], "status": rules.ON_TRACK, "deciding_value": 2029.5}
    chart = {**bundle["chart"], "typical": "2029-07"}
    made = lead.lead(fits, lead.deciding(fits), lead.Robustness("stable"), None, None, chart)
    assert made.number == "2029년 7월" and "안에 들므로 ‘정상 추진’" in made.sentence


def test_the_lead_reads_the_contract_fields():
    status = {"status": rules.UNLIKELY, "deadline": 2030, "deadline_assumed": False, "method": "mou", "reason_ko": "",
              "decided_by": "mou", "deciding_label": "2030년 말 광주에 자리 잡은 AI 기업 수", "deciding_value": 401.2,
              "deciding_low": 331.0, "deciding_high": 470.0, "deciding_level": 0.95, "deciding_unit": "개",
              "deciding_target": 1000, "robustness": "stable", "scenarios_entering": 6, "scenarios_differing": 0}
    decided = lead.deciding(status)
    assert (decided.value, decided.level, decided.target) == (401.2, 0.95, 1000)
    assert lead.robustness(status) == lead.Robustness("stable", 6, 0)


# -- timeline and evidence --------------------------------------------------------------------------

@pytest.mark.parametrize("pledge_id", ["jobs-13000", "ai-firms-1000", "medical-cluster"])
def test_the_timeline_shows_every_dated_update_in_date_order(results, pledge_id):
    view = views.core_view(pledge_id)
    rows = views.timeline(view)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert {r["date"] for r in rows} == {h["date"] for h in view.history}
    assert sum(r["changed"] for r in rows) == sum(h["status_changed"] for h in view.history)
    seen = [(r["date"], r["event"], r["status"]) for r in rows]
    assert len(seen) == len(set(seen)), "one update per day, event and status"
    cited = {f for r in rows for f in r["fact_ids"]}
    assert cited == {h["fact_id"] for h in view.history if h.get("fact_id")}, "every fact still cited"
    assert all(r["event"] or not r["fact_ids"] for r in rows)
    dates = [numbers.sort_key(r["date"]) for r in view.evidence]
    assert dates == sorted(dates)


def test_jobs_13000_lists_the_samsung_report(results):
    rows = views.timeline(views.core_view("jobs-13000"))
    assert any("삼성전자" in r["event"] for r in rows) and len(rows) > 2


# -- whole pages -----------------------------------------------------------------------------------

@pytest.mark.parametrize("pledge_id", list(registry()))
def test_every_pledge_page_speaks_korean_and_cites_its_sources(results, pledge_id):
    html = str(pages.pledge(pledge_id))
    text = reader_text(html)
    assert not LEAKS.search(text), LEAKS.search(text).group(0)
    assert "자료 없음–자료 없음" not in text and "「" not in re.sub(r"<ol class=\"sources\">.*?</ol>", "", html, flags=re.S)
    assert '<ol class="sources">' in html and "날짜별 경과" in html
    for alt in re.findall(r'role="img" aria-label="([^"]*)"', html):
        assert re.search(r"[가-힣]", alt)
    view = views.core_view(pledge_id)
    if views.deciding_estimate(view) is not None or view.deciding.decided_by in ("mou", "stage"):
        deciding = re.search(r'<figure class="chart">\s*<div class="chart-svg" role="img" aria-label="([^"]*)"', html)
        assert deciding and f"‘{view.lead.status}’" in deciding.group(1), "the deciding chart's alt agrees with the badge"


def test_a_context_chart_draws_no_target(results):
    html = str(pages.pledge("jobs-13000"))
    assert "참고(판정에 쓰지 않음)" in html and "목표 수준 (" not in html


def test_a_hostile_title_quote_and_claim_are_escaped_everywhere(results, monkeypatch):
    real = registry()
    pledge = real["ggm-ev-conversion"].model_copy(update={"title": HOSTILE, "quote": HOSTILE})
    monkeypatch.setattr(views, "registry", lambda: {**real, pledge.id: pledge})
    original = views.evidence_in_order
    monkeypatch.setattr(views, "evidence_in_order", lambda rows: [
        {**r, "quote": HOSTILE, "claim_ko": HOSTILE, "why": HOSTILE} for r in original(rows)])
    html = str(pages.pledge("ggm-ev-conversion"))
    assert "<script>" not in html and "<img src=x" not in html and "<b>굵게" not in html
    assert html.count("&lt;script&gt;window.pwned=1&lt;/script&gt;") >= 3 and "*별표* _밑줄_" in html


def test_links_are_only_http_or_relative():
    assert render.safe_href("javascript:alert(1)") == "" and render.safe_href("pledge-x.html") == "pledge-x.html"
    assert render.readable_url("https://a.kr/%EA%B4%91%EC%A3%BC/") == "a.kr/광주"
    assert base.cell("Samsung will build a fab", quote=True)["lang"] == "en"


def test_overview_renders_with_badges_and_counts_together(results):
    html = str(pages.overview())
    assert not LEAKS.search(reader_text(html)), LEAKS.search(reader_text(html)).group(0)
    assert re.search(r'<span class="tally"><span class="badge"[^>]*>[^<]+</span> \d+개</span>', html)
    assert "과거 약속과 실제" in html


@pytest.mark.parametrize("region_name", ["광주광역시", "세종특별자치시"])
def test_region_pages_render_and_draw_no_target_the_verdict_does_not_use(results, region_name):
    html = str(pages.region(region_name, 2000, 2025, 2030, slug="region-x"))
    assert not LEAKS.search(reader_text(html)), LEAKS.search(reader_text(html)).group(0)
    assert ("이 시도의 일자리 공약" in html) == (region_name == "광주광역시")
    targets = region.pledge_targets(region_name, region.employment_history(region_name, 2000, 2025),
                                    common.chosen_assumptions(None))
    statuses = stored.load_table("statuses").set_index("pledge_id")
    assert all(t["drawn"] == (statuses.loc[t["pledge_id"], "method"] == "statistic") for t in targets)


def test_region_catalog_pivots_show_only_present_combinations_and_their_own_sources(processed):
    from analysis.tables import store
    from analysis.vocab.sources import compact
    for shown in region.catalog_tables("광주광역시"):
        table = shown["table"]
        assert not table[shown["periods"]].isna().all(axis=1).any(), shown["name"]
        data = store.load(shown["name"])
        data = data[(data["region"] == "광주광역시") & data["period"].isin(shown["periods"])]
        for row in table.to_dict("records"):
            own = data[(data["item"] == row["item"]) & (data["unit"] == row["unit"])]["source"]
            assert row["sources"] == compact(own), "a row cites its own source lines, not every row's"


# -- sources ---------------------------------------------------------------------------------------

def test_facts_of_one_article_are_one_entry_and_the_article_links_its_press_conference(processed):
    citations = sources.Citations()
    assert citations.cite("fact:election-76b22a.1; fact:election-76b22a.2; registry:jobs-13000") == [1, 2]
    same_event = registry()["jobs-13000"].source_info.same_event_fact
    assert citations.cite(f"fact:{same_event}") == [2], "the same event's report is the article's own entry"
    entries = citations.entries()
    assert entries[0]["title"] == ""  # no headline recorded: outlet and date, no 「」
    assert entries[1]["url"] == "" and entries[1]["companion"]["url"].startswith("https://")
    assert citations.reproduction_rows()[0] == ("[1]", "사실 election-76b22a.1, election-76b22a.2")


def test_kosis_sources_say_how_the_file_was_obtained(processed):
    citations = sources.Citations()
    citations.cite("kosis/eaps_sido_industry_employed_annual_2015_2025.csv:65")
    entry = citations.entries()[0]
    from analysis.ingest import manifest
    recorded = manifest.entry("kosis/eaps_sido_industry_employed_annual_2015_2025.csv")
    assert entry["obtained"] == recorded.obtained and "KOSIS 내려받기 파일" in entry["obtained"]
    assert entry["confirmed"] == (not recorded.table_id_probable)


def test_an_archived_copy_is_shown_beside_the_source(processed):
    fields = sources.fact_fields(pd.Series({"outlet": "뉴스1", "published_label": "2025-02-24", "title": "제목",
                                            "source_url": "https://www.news1.kr/x", "archive_url": "https://mirror/x"}))
    html = str(render.environment().get_template("components.html.j2").module.source({"kind": "fact", **fields}))
    assert 'href="https://www.news1.kr/x"' in html and ">보관본</a>" in html and "「제목」" in html


# -- downloads -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1+2", "'+1+2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("-3.5", "-3.5"), ("+12%", "+12%"), ("-", "'-"), ("광주", "광주"), (7, 7),
])
def test_formula_cells_are_neutralised_but_numbers_are_not(value, expected):
    assert csv.neutralise(value) == expected


def test_page_downloads_open_in_korean_excel_with_metadata(results):
    rendered = pages.pledge("jobs-13000")
    files = rendered.downloads
    assert all(text.startswith("\ufeff") for name, text in files.items() if name.endswith(".csv"))
    assert len(max(files, key=len)) <= 40, "short, stable file names"
    reader = pd.read_csv(io.StringIO(files["measures.csv"].lstrip("\ufeff")))
    assert list(reader.columns)[:2] == ["측정", "값"] and "출처" in reader.columns
    delivered = next(m for m in stored.load_pledge("jobs-13000")["measures"] if m["key"] == "context_delivered")
    shown = sentences.measure_value(delivered, 0.8)
    assert shown in set(reader["값"]) and re.fullmatch(r"[\d,]+명 \(80% 확률 범위 [\d,]+~[\d,]+명\)", shown)
    full = pd.read_csv(io.StringIO(files["measures-full.csv"].lstrip("\ufeff")))
    assert "value" in full.columns and full["value"].max() > 150_000  # full precision for analysts
    meta = json.loads(files["measures.csv-metadata.json"])
    assert meta["dc:title"] and meta["dc:license"] and meta["dc:source"] and meta["dc:created"]
    assert meta["tableSchema"]["columns"][0] == {"name": "label", "titles": "측정"}
    assert rendered._repr_mimebundle_()[base.CSV_MIME] == files


def test_the_audit_is_a_data_package_and_status_changes_a_feed(results, tmp_path):
    descriptor = json.loads(package.write(tmp_path).read_text(encoding="utf-8"))
    names = {r["name"] for r in descriptor["resources"]}
    assert names == {"statuses", "evidence", "history", "facts", "sources"} and descriptor["licenses"]
    for resource in descriptor["resources"]:
        path = tmp_path / package.FOLDER / resource["path"]
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        header = pd.read_csv(path, encoding="utf-8-sig", nrows=0).columns
        assert [f["name"] for f in resource["schema"]["fields"]] == list(header)
    root = ET.parse(feed.write(tmp_path)).getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    history = stored.load_table("history")
    assert len(entries) == int(history["status_changed"].sum())
    assert len({e.find("a:id", ns).text for e in entries}) == len(entries)


# -- markup lives in templates ---------------------------------------------------------------------

MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*[\s>/]")


def test_no_f_string_in_src_builds_an_html_element():
    offenders = []
    for module in sorted((paths.ROOT / "src").rglob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if MARKUP.search(text):
                    offenders.append(f"{module.relative_to(paths.ROOT)}:{node.lineno}")
    assert offenders == []


def test_reader_facing_korean_lives_in_wording():
    """Templates and the page code take every Korean word from report/wording (data codes aside)."""
    hangul = re.compile(r"[가-힣]")
    for template in (REPORT / "templates").rglob("*.j2"):
        text = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.S)
        assert not hangul.search(text), template.name
    for module in [*(REPORT / "pages").glob("*.py"), *(REPORT / "figures").glob("*.py"), *(REPORT / "exports").glob("*.py"),
                   REPORT / "render.py", REPORT / "chrome.py"]:
        tree = ast.parse(module.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree) if isinstance(
            n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body and isinstance(n.body[0], ast.Expr)}
        strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                   and id(n) not in docstrings]
        assert not [s for s in strings if hangul.search(s)], module.name


@pytest.mark.parametrize("pledge_id", [p for p, pledge in registry().items() if pledge.source_info.role == "candidate"])
def test_every_candidate_pledge_states_its_adoption_by_a_dated_fact_or_a_logged_search(results, pledge_id):
    view = views.core_view(pledge_id)
    if view.owner.state == "held":
        taken = [s for s in view.owner.steps if s["fact"] and s["date"] > view.pledge.source_info.date]
        assert view.owner.adopters and taken, "a held candidate pledge names who took it on, with a dated fact"
    else:
        html = str(pages.pledge(pledge_id))
        assert view.searches and "받아들였다는 보도는 찾지 못했습니다" in html and "찾아본 검색" in html
