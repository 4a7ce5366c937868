"""A real browser opens the reports from disk with the network off (Debian's chromium)."""
from __future__ import annotations

import os
import shutil

import pytest

from analysis import paths

CHROMIUM = shutil.which("chromium")
ARTEFACTS = paths.BUILD / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (paths.REPORTS / "index.html").exists(), reason="reports not built: run make reports"),
]


@pytest.fixture(scope="module")
def page():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: `make browser` (part of `make test`) installs it")
        pytest.skip("chromium is not installed (make browser)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        context = browser.new_context(offline=True, viewport={"width": 1200, "height": 900})
        page = context.new_page()
        page.failed = []
        page.on("requestfailed", lambda request: page.failed.append(request.url))
        page.on("request", lambda request: None if request.url.startswith(("file:", "data:")) else page.failed.append(request.url))
        yield page
        browser.close()


@pytest.mark.parametrize("name, heading", [("index", "광주 일자리·산업 공약 점검 보고서"),
                                           ("pledge-jobs-13000", "광주형 일자리 시즌2·AI반도체로 일자리 1만3000개")])
def test_page_loads_offline_with_no_failed_requests(page, name, heading):
    page.failed.clear()
    page.goto((paths.REPORTS / f"{name}.html").as_uri(), wait_until="load")
    assert page.locator("h1").first.inner_text().strip().rstrip("¶") == heading
    assert page.failed == []
    assert page.evaluate("document.fonts.check('16px NanumGothic', '광주')")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def test_pledge_report_shows_its_sections(page):
    page.goto((paths.REPORTS / "pledge-jobs-13000.html").as_uri(), wait_until="load")
    headings = [h.inner_text().strip().rstrip("¶") for h in page.locator("h2").all()]
    for expected in ("공약 원문", "SMART 점검", "통계와 사실에 비춘 결과", "상태와 근거", "자료 시점과 빌드 정보"):
        assert expected in headings
    assert page.locator("img").count() >= 1
