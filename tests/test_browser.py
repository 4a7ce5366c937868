"""A real browser (Debian's chromium) opens every report from disk with the network off: at 390 px
nothing scrolls sideways (tables included), chart text is at least 11 CSS px, no probability reads
0% or 100%, the lead's number is the deciding quantity, downloads open in Korean Excel; the
scorecard sorts by full date and says what it shows; printed pages have Hangul in the embedded
font (header included) and no crushed columns; hostile text shows as written and runs nothing.
The whole file is the slow `browser` tier."""
from __future__ import annotations

import os
import re
import shutil

import pytest

from analysis import paths

CHROMIUM = shutil.which("chromium")
ARTEFACTS = paths.BUILD / "test-artifacts"
PAGES = sorted(p for p in paths.REPORTS.glob("*.html"))
READER_PAGES = [p for p in PAGES if p.name != "analyst.html"]
PHONE = 390

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (paths.REPORTS / "index.html").exists(), reason="reports not built: run make reports"),
]

# Every element whose content is wider than its box, or that reaches past the viewport
OVERFLOW = """() => Array.from(document.querySelectorAll('body *')).filter(e => {
  const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  if (s.display === 'none' || s.visibility === 'hidden' || r.width === 0 || e.closest('details:not([open])')) return false;
  const clipped = ['auto', 'scroll'].includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
  return clipped || r.right > window.innerWidth + 1;
}).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 40))"""
# The smallest rendered size of chart text (SVG text scaled with its chart)
CHART_TEXT = """() => Array.from(document.querySelectorAll('.chart-svg svg text')).map(t => {
  const m = t.getScreenCTM(); return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
})"""
EXTREME = re.compile(r"(?<![\d.,])(0|100)%")


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: `make browser` (part of `make test`) installs it")
        pytest.skip("chromium is not installed (make browser)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield launched
        launched.close()


def _open(browser, width: int):
    context = browser.new_context(offline=True, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.failed, page.errors = [], []
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else page.failed.append(r.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: (page.errors.append("dialog"), dialog.dismiss()))
    return context, page


@pytest.fixture(scope="module")
def phone(browser):
    context, page = _open(browser, PHONE)
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_page_works_offline_on_a_phone(phone, path):
    from axe_playwright_python.sync_playwright import Axe
    phone.failed.clear()
    phone.errors.clear()
    phone.goto(path.as_uri(), wait_until="load")
    assert phone.failed == [] and phone.errors == []
    assert phone.evaluate("document.fonts.check('16px NanumGothic', '광주')")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE, "the page scrolls sideways"
    assert phone.evaluate(OVERFLOW) == [], "an element (a table, a cell) is wider than the phone"
    sizes = phone.evaluate(CHART_TEXT)
    assert not sizes or min(sizes) >= 11, f"chart text of {min(sizes):.1f} CSS px"
    assert phone.locator('a[href="index.html"]').count() >= 1
    violations = Axe().run(phone).response["violations"]
    serious = [(v["id"], v["nodes"][0]["target"]) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(ARTEFACTS / f"{path.stem}-{PHONE}.png"), full_page=True)


@pytest.mark.parametrize("path", READER_PAGES, ids=[p.name for p in READER_PAGES])
def test_no_probability_reads_0_or_100_percent_and_downloads_have_a_bom(phone, path):
    phone.goto(path.as_uri(), wait_until="load")
    for text in phone.locator("p, li, tr, figcaption, [role=img]").evaluate_all(
            "nodes => nodes.map(n => n.getAttribute('aria-label') || n.innerText)"):
        if "확률" in text:
            assert not EXTREME.search(text), text[:120]
    for href in phone.locator("a[download]").evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert (paths.REPORTS / href).read_bytes().startswith(b"\xef\xbb\xbf"), href


@pytest.mark.parametrize("pledge_id", ["jobs-13000", "ai-firms-1000", "ai-jobs-30000", "ggm-ev-conversion"])
def test_the_lead_shows_the_deciding_number(phone, results, pledge_id):
    from analysis.report.views.pledge import core_view
    view = core_view(pledge_id)
    phone.goto((paths.REPORTS / f"pledge-{pledge_id}.html").as_uri(), wait_until="load")
    lead = phone.locator(".lead .lead-sentence").inner_text()
    assert lead == view.lead.sentence and view.lead.number in lead
    assert phone.locator(".lead .badge").inner_text() == view.status["status"]


def test_scorecard_sorts_filters_and_says_what_it_shows(browser):
    context, page = _open(browser, 1280)
    page.goto((paths.REPORTS / "index.html").as_uri(), wait_until="load")
    rows = page.locator("#scorecard tbody tr")
    total = rows.count()
    page.select_option("#filter-status", "지연")
    shown = int(page.locator("#shown").inner_text())
    assert 0 < shown < total and page.locator("#scorecard tbody tr:not([hidden])").count() == shown
    assert page.locator("#row-count").get_attribute("aria-live") == "polite" and page.locator("#empty").is_hidden()
    roles = page.locator("#filter-role option").evaluate_all("o => o.map(x => x.value).filter(Boolean)")
    statuses = page.locator("#filter-status option").evaluate_all("o => o.map(x => x.value).filter(Boolean)")
    empty = next(((s, r) for s in statuses for r in roles
                  if page.locator(f'#scorecard tbody tr[data-status="{s}"][data-role="{r}"]').count() == 0), None)
    if empty:
        page.select_option("#filter-status", empty[0])
        page.select_option("#filter-role", empty[1])
        assert page.locator("#empty").is_visible() and page.locator("#shown").inner_text() == "0"
    page.select_option("#filter-status", "")
    page.select_option("#filter-role", "")
    header = page.locator("#scorecard th", has_text="기준일")
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert "▲" in header.locator("button").evaluate("b => getComputedStyle(b, '::after').content")
    dates = page.locator("#scorecard tbody tr td:last-child").evaluate_all("cells => cells.map(c => c.dataset.sort)")
    assert dates == sorted(dates, key=lambda d: (d == "", d)), "by full date, undated last"
    assert len({d[:4] for d in dates if d}) < len({d[:7] for d in dates if d})
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    context.close()


def _hangul_fonts(pdf) -> set[str]:
    """The fonts that draw Hangul anywhere in the PDF (the running header included). Chromium
    draws synthetic bold of the embedded regular face as Type3 glyphs; any other named font would
    be a fallback, and a fallback without Hangul is tofu."""
    from pypdf import PdfReader
    fonts: set[str] = set()

    def visit(text, cm, tm, font, size):
        if font is not None and re.search(r"[가-힣]", text or ""):
            fonts.add("synthetic bold" if font.get("/Subtype") == "/Type3" else str(font.get("/BaseFont", "")))
    for page in PdfReader(str(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return fonts


@pytest.mark.parametrize("name", ["pledge-jobs-13000.html", "index.html"])
def test_printed_pages_draw_hangul_in_the_embedded_font_with_the_running_header(browser, tmp_path, name):
    from pypdf import PdfReader
    context, page = _open(browser, 1280)
    page.goto((paths.REPORTS / name).as_uri(), wait_until="load")
    title = page.title()
    page.emulate_media(media="print")
    crushed = page.evaluate("""() => Array.from(document.querySelectorAll('td, th')).filter(c =>
        c.offsetParent && c.scrollWidth > c.clientWidth + 1).map(c => c.innerText.slice(0, 30))""")
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4", display_header_footer=False, print_background=True)
    context.close()
    fonts = _hangul_fonts(pdf)
    assert fonts and all("NanumGothic" in f or f == "synthetic bold" for f in fonts), fonts
    pages = [re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(str(pdf)).pages]
    header = re.sub(r"\s+", "", title)
    assert all(text.startswith(header) for text in pages), "the running header prints the title on every page"
    assert crushed == [], f"a column is narrower than its content: {crushed[:3]}"
    footer = sum(len(re.sub(r"\s+", "", text)) for text in footer_texts())
    assert len(pages[-1]) - len(header) > footer + 100, "the last page holds more than the footer"
    if name == "index.html":
        assert len(pages) <= 5


def footer_texts() -> list[str]:
    from analysis.report import chrome
    site = chrome.site()
    return [site.title, site.corrections, site.licence]


def test_a_pledge_report_prints_without_stranded_headings(browser, tmp_path):
    from pypdf import PdfReader
    context, page = _open(browser, 1280)
    page.goto((paths.REPORTS / "pledge-jobs-13000.html").as_uri(), wait_until="load")
    headings = {h.strip() for h in page.locator("h2").all_inner_texts()}
    title = page.title()
    pdf = tmp_path / "pledge.pdf"
    page.pdf(path=str(pdf), format="A4", display_header_footer=False, print_background=True)
    context.close()
    pages = [p.extract_text() or "" for p in PdfReader(str(pdf)).pages]
    assert len(pages) <= 16
    for number, text in enumerate(pages, 1):
        body = [line for line in text.splitlines() if line.strip() and not re.fullmatch(r"\s*\d+ / \d+\s*", line)
                and title[:10] not in line]
        assert not (len(body) <= 1 and body and body[0].strip() in headings), f"page {number} holds only a heading"


def test_hostile_text_from_the_data_shows_as_written_and_runs_nothing(browser, results, tmp_path, monkeypatch):
    """A pledge title, a quote and a claim holding markup, rendered by the page code into a full page."""
    from analysis.ingest.registry import registry
    from analysis.report import chrome, pages
    from analysis.report.views import pledge as views
    hostile = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> *별표* _밑줄_'
    real = registry()
    pledge = real["ggm-ev-conversion"].model_copy(update={"title": hostile, "quote": hostile})
    monkeypatch.setattr(views, "registry", lambda: {**real, pledge.id: pledge})
    original = views.evidence_in_order
    monkeypatch.setattr(views, "evidence_in_order", lambda rows: [{**r, "quote": hostile, "claim_ko": hostile}
                                                                   for r in original(rows)])
    page_file = tmp_path / "hostile.html"
    page_file.write_text(chrome.standalone(hostile, "pledge", str(pages.pledge("ggm-ev-conversion"))), encoding="utf-8")
    context, page = _open(browser, 1280)
    page.goto(page_file.as_uri(), wait_until="load")
    assert page.evaluate("window.pwned") is None and page.errors == []
    assert hostile in page.locator("h1").inner_text() and page.title() == hostile
    assert page.get_by_text("*별표* _밑줄_").count() >= 3
    context.close()
