"""A real browser (Debian's chromium) opens every report from disk with the network off, at phone
and desktop widths: nothing fetched, no horizontal scroll, no serious accessibility violation,
a way back to the scorecard, every source a link; a pledge page prints without stranded
headings; hostile text from the data shows as written and runs nothing."""
from __future__ import annotations

import os
import re
import shutil

import pytest

from analysis import paths

CHROMIUM = shutil.which("chromium")
ARTEFACTS = paths.BUILD / "test-artifacts"
PAGES = sorted(p for p in paths.REPORTS.glob("*.html"))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (paths.REPORTS / "index.html").exists(), reason="reports not built: run make reports"),
]


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
    context, page = _open(browser, 390)
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
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "the page body scrolls sideways"
    assert phone.locator('a[href="index.html"]').count() >= 1
    external = phone.locator("ol.sources a[href^='http']").count()
    assert external == phone.locator("ol.sources li a").count() - phone.locator("ol.sources li a[href^='#']").count()
    violations = Axe().run(phone).response["violations"]
    serious = [(v["id"], v["nodes"][0]["target"]) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(ARTEFACTS / f"{path.stem}-390.png"), full_page=True)


def test_scorecard_sorts_and_filters(browser):
    context, page = _open(browser, 1280)
    page.goto((paths.REPORTS / "index.html").as_uri(), wait_until="load")
    rows = page.locator("#scorecard tbody tr")
    total = rows.count()
    page.select_option("#filter-status", "지연")
    shown = int(page.locator("#shown").inner_text())
    assert 0 < shown < total and page.locator("#scorecard tbody tr:not([hidden])").count() == shown
    page.select_option("#filter-status", "")
    page.locator("#scorecard th button", has_text="기한").click()
    deadlines = [int(c) for c in page.locator("#scorecard tbody tr td:nth-child(7)").evaluate_all(
        "cells => cells.map(c => c.dataset.sort)")]
    assert deadlines == sorted(deadlines)
    context.close()


def test_a_pledge_report_prints_without_stranded_headings(browser, tmp_path):
    from pypdf import PdfReader
    context, page = _open(browser, 1280)
    page.goto((paths.REPORTS / "pledge-jobs-13000.html").as_uri(), wait_until="load")
    headings = {h.strip() for h in page.locator("h2").all_inner_texts()}
    pdf = tmp_path / "pledge.pdf"
    page.pdf(path=str(pdf), format="A4", display_header_footer=False, print_background=True)
    context.close()
    pages = [p.extract_text() or "" for p in PdfReader(str(pdf)).pages]
    assert len(pages) <= 12
    for number, text in enumerate(pages, 1):
        body = [line for line in text.splitlines() if line.strip() and not re.fullmatch(r"\s*\d+ / \d+\s*", line)
                and "광주형 일자리 시즌2" not in line]
        assert not (len(body) <= 1 and body and body[0].strip() in headings), f"page {number} holds only a heading"


def test_hostile_text_from_the_data_shows_as_written_and_runs_nothing(browser, results, tmp_path, monkeypatch):
    """A pledge title, a quote and a claim holding markup, rendered by the page code into a full page."""
    from analysis.report.page import join

    from analysis.ingest.registry import registry
    from analysis.report import chrome, pledge_page, views
    hostile = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> *별표* _밑줄_'
    real = registry()
    pledge = real["ggm-ev-conversion"].model_copy(update={"title": hostile, "quote": hostile})
    monkeypatch.setattr(views, "registry", lambda: {**real, pledge.id: pledge})
    report = pledge_page.PledgePage("ggm-ev-conversion")
    report.pledge = pledge
    report.view.evidence = [{**row, "quote": hostile, "claim_ko": hostile} for row in report.view.evidence]
    body = join(pledge_page.header(report), pledge_page.quote(report), pledge_page.evidence(report))
    page_file = tmp_path / "hostile.html"
    page_file.write_text(chrome.standalone("시험", "pledge", str(body)), encoding="utf-8")
    context, page = _open(browser, 1280)
    page.goto(page_file.as_uri(), wait_until="load")
    assert page.evaluate("window.pwned") is None and page.errors == []
    assert hostile in page.locator("h1").inner_text()
    assert page.get_by_text("*별표* _밑줄_").count() >= 3
    context.close()
