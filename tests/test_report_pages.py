"""The report layer without Jupyter: escaping, downloads, citations, views and every section of
every pledge, overview and region page, rendered from the stored results."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.assess import rules
from analysis.ingest.registry import registry
from analysis.report import (
    chrome,
    index,
    markup,
    overview_page,
    pledge_numbers,
    pledge_page,
    prose,
    region_page,
    views,
)
from analysis.report.citations import Citations
from analysis.report.execution import runner
from analysis.report.page import CSV_MIME, Output, Page, join

HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> *별표* _밑줄_ <b>굵게</b>'
# Python reprs, English code names and unexplained method names a reader must never see
LEAKS = re.compile(r"\bTrue\b|\bFalse\b|\bNone\b|\bnan\b|\(\('|\{\}|\bon_track_probability\b|\b[a-z]+_[a-z_]+\b|"
                   r"\byears\b|direct\+indirect|\bCRPS\b|\bMAPE\b|ETS\(|ARIMA\(|OLS trend|Jeffreys")


@pytest.fixture(autouse=True, scope="module")
def korean_figures():
    from analysis.report import figures
    figures.setup()


def reader_text(html: str) -> str:
    """What a reader sees: no tags, no collapsed 재현 정보, no <code>, no URLs shown as text."""
    html = re.sub(r'<details class="repro">.*?</details>', "", html, flags=re.S)
    html = re.sub(r"<(script|style|code)[^>]*>.*?</\1>", "", html, flags=re.S)
    html = re.sub(r'<span class="?url"?>.*?</span>', "", html, flags=re.S)
    html = re.sub(r'<q class="verbatim"[^>]*>.*?</q>', "", html, flags=re.S)  # sources' own words
    return re.sub(r"<[^>]+>", " ", html)


# -- markup ----------------------------------------------------------------------------------------

def test_table_escapes_every_cell_but_declared_markup_columns():
    frame = pd.DataFrame({"text": [HOSTILE], "badge": [markup.badge(rules.DELAYED)]})
    html = markup.table(frame, {"text": "글", "badge": "상태"}, caption=HOSTILE, markup=("badge",))
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert '<span class="badge"' in html


def test_links_are_only_http_or_relative():
    assert "href" not in markup.link("javascript:alert(1)", "x")
    assert 'href="https://a.kr/%EA%B4%91"' in markup.link("https://a.kr/%EA%B4%91", "x")
    assert markup.readable_url("https://a.kr/%EA%B4%91%EC%A3%BC/") == "a.kr/광주"


def test_verbatim_quotes_are_escaped_and_marked_by_language():
    assert 'lang="en"' in markup.quoted("Samsung will build a fab")
    assert "lang" not in markup.quoted("광주에 AI 기업 1000개") and "&lt;" in markup.quoted("<b>")


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("status", list(rules.COLOURS))
def test_white_text_on_every_status_colour_meets_wcag_aa(status):
    ratio = (1.05) / (_luminance(rules.COLOURS[status]) + 0.05)
    assert ratio >= 4.5, f"{status} {rules.COLOURS[status]}: {ratio:.2f}:1"


def test_the_stylesheet_link_and_muted_colours_meet_wcag_aa():
    css = chrome.stylesheet()
    for name in ("ink", "muted", "link"):
        colour = re.search(rf"--{name}: (#[0-9a-f]{{6}})", css).group(1)
        assert 1.05 / (_luminance(colour) + 0.05) >= 4.5, name


# -- downloads and citations -----------------------------------------------------------------------

def test_tables_and_figures_carry_their_data_through_joins(processed):
    import matplotlib.pyplot as plt
    page = Page("test-report")
    table = page.table(pd.DataFrame({"a": [1]}), {"a": "값"}, caption="표 하나")
    fig, _ = plt.subplots()
    figure = page.figure(fig, alt="대체 글", caption="그림 하나", data=pd.DataFrame({"x": [1]}))
    joined = markup.heading(2, "절") + table + "<p>글</p>" + figure
    assert isinstance(joined, Output) and set(joined.downloads) == {"표-하나.csv", "그림-하나.csv"}
    assert set(join(joined, "끝").downloads) == set(joined.downloads)
    assert 'href="test-report/표-하나.csv"' in joined and 'alt="대체 글"' in joined
    assert joined._repr_mimebundle_()[CSV_MIME]["표-하나.csv"].startswith("값")


def test_citations_number_each_source_once_and_link_it(processed):
    citations = Citations()
    assert citations.cite("kosis/eaps_sido_annual_2000_2023.csv:8; fact:pledge-3e75c6") == [1, 2]
    assert citations.cite(["data/raw/kosis/eaps_sido_annual_2000_2023.csv:9", "registry:jobs-13000"]) == [1, 3]
    html = citations.render()
    assert "orgId=101&amp;tblId=DT_1DA7004S" in html and "https://ir.newspim.com/news/view/20220405000377" in html
    assert 'id="src-3"' in html and "매일일보" in html
    assert citations.reproduction_rows()[0] == ("[1]", "data/raw/kosis/eaps_sido_annual_2000_2023.csv 행 8, 9")


def test_an_output_without_html_fails_the_report():
    import nbformat
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "True"}, execution_count=1)]
    notebook.cells.append(cell)
    spec = type("Spec", (), {"name": "t", "notebook": type("N", (), {"name": "t.py"})()})()
    with pytest.raises(runner.ReportError, match="text/plain without HTML"):
        runner.check_outputs(spec, notebook)


# -- every page, rendered without Jupyter -----------------------------------------------------------

def _pledge_html(pledge_id: str) -> tuple[str, Page]:
    report = pledge_page.PledgePage(pledge_id)
    parts = [pledge_page.header(report), pledge_page.quote(report), pledge_page.evidence(report),
             pledge_page.timeline(report), pledge_numbers.numbers(report), pledge_page.robustness(report),
             pledge_page.smart(report), pledge_page.assumptions(report), report.page.glossary(), report.page.sources()]
    return str(join(*parts)), report.page


@pytest.mark.parametrize("pledge_id", list(registry()))
def test_every_pledge_page_speaks_korean_and_cites_its_sources(results, pledge_id):
    html, page = _pledge_html(pledge_id)
    text = reader_text(html)
    assert not LEAKS.search(text), LEAKS.search(text).group(0)
    assert "자료 없음–자료 없음" not in text
    status = views.status_rows().set_index("pledge_id").loc[pledge_id]
    assert markup.esc(status["reason_ko"]) in html and f"기한 {int(status['deadline'])}년" in html
    assert page.citations.sources, "a pledge page cites at least its article"
    for term in page.terms:
        assert f"<dt>{term}</dt>" in html
    if status["status"] not in (rules.UNMEASURABLE,):
        assert "상태 이력" in html


def test_assumptions_appendix_lists_only_what_the_page_depends_on(results):
    mold = pledge_page.relevant_assumptions(pledge_page.PledgePage("mold-institute").view)
    jobs = pledge_page.relevant_assumptions(pledge_page.PledgePage("jobs-13000").view)
    assert "power_threshold" not in mold and "undated_deadline" in mold
    assert {"full_delivery_share", "power_threshold", "base_year"} <= set(jobs)


def test_a_hostile_title_quote_and_claim_are_escaped_everywhere(results, monkeypatch):
    real = registry()
    pledge = real["ggm-ev-conversion"].model_copy(update={"title": HOSTILE, "quote": HOSTILE})
    monkeypatch.setattr(views, "registry", lambda: {**real, pledge.id: pledge})
    monkeypatch.setattr(pledge_page, "views", views)
    view = views.pledge_view("ggm-ev-conversion")
    view.evidence = [{**row, "quote": HOSTILE, "claim_ko": HOSTILE, "why": HOSTILE} for row in view.evidence]
    report = pledge_page.PledgePage.__new__(pledge_page.PledgePage)
    report.view, report.page, report.pledge = view, Page("x"), pledge
    html = str(join(pledge_page.header(report), pledge_page.quote(report), pledge_page.evidence(report)))
    assert "<script>" not in html and "<img src=x" not in html and "<b>굵게" not in html
    assert html.count("&lt;script&gt;window.pwned=1&lt;/script&gt;") >= 3 and "*별표* _밑줄_" in html


def test_overview_sections_render(results):
    report = overview_page.OverviewPage()
    html = str(join(overview_page.header(report), overview_page.articles(report), overview_page.status_chart(report),
                    overview_page.events(report), overview_page.track_record(report), overview_page.scale(report),
                    overview_page.reading(report)))
    assert not LEAKS.search(reader_text(html)), LEAKS.search(reader_text(html)).group(0)
    assert "과거 약속과 실제" in html and html.count('class="badge"') >= len(rules.COLOURS)


def test_the_scorecard_shows_every_pledge_with_key_number_and_deadline(results):
    statuses = views.status_rows()
    html = index.scorecard(statuses)
    for row in statuses.itertuples():
        assert f'href="pledge-{row.pledge_id}.html"' in html
    assert html.count("년 (가정)</td>") == int(statuses["deadline_assumed"].sum())
    assert "data-status=" in html and "<button" in html


@pytest.mark.parametrize("region", ["광주광역시", "세종특별자치시", "서울특별시"])
def test_region_pages_render_for_any_region(results, region):
    report = region_page.RegionPage(region, 2000, 2025, 2030)
    html = str(join(region_page.header(report), region_page.employment(report), region_page.employment_rate(report),
                    region_page.ranking(report), region_page.forecast(report), region_page.firms(report),
                    region_page.catalog_tables(report)))
    assert not LEAKS.search(reader_text(html)), LEAKS.search(reader_text(html)).group(0)
    assert ("이 시도의 일자리 공약" in html) == (region == "광주광역시")
    assert "선택" in html and "가운데 3분의 2" in html


def test_every_printed_scenario_and_assumption_value_is_korean(results):
    for pledge_id in registry():
        for flip in views.flips(views.pledge_view(pledge_id).sensitivity):
            assert "=" not in flip["assumption"] and not re.search(r"[a-z]_[a-z]", flip["assumption"])
    assert views.assumption_value("excluded_reference_case", "ggm-plan-1000").startswith("광주글로벌모터스")
    assert "발표" in views.assumption_value("mou_presence_fact", "ai_mou-069f5b")
    assert prose.value_ko("selection_horizon", None) == "판단 거리와 같게"
