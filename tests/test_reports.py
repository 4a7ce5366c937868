"""Reports: parameters refused before a kernel starts, notebooks execute, HTML is self-contained."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from analysis import paths
from analysis.errors import InputError
from analysis.ingest.yamlfile import ConfigError
from analysis.report.execution import runner
from analysis.report.execution import specs as report

BUILT = sorted(paths.REPORTS.glob("*.html"))
needs_reports = pytest.mark.skipif(not (paths.REPORTS / "index.html").exists(),
                                   reason="reports not built: run `make reports` (make test does)")


@pytest.fixture(scope="module")
def specs():
    return report.load_specs()


# -- parameters ------------------------------------------------------------------------------------

@pytest.fixture
def no_kernel(monkeypatch):
    import papermill

    def refuse(*args, **kwargs):
        raise AssertionError("a kernel was started")
    monkeypatch.setattr(papermill, "execute_notebook", refuse)


@pytest.mark.parametrize("parameters, message", [
    ({"pledge_id": "jobs-13000", "colour": "red"}, r"unknown parameter\(s\) \['colour'\]"),
    ({"pledge_id": "jobs-99999"}, "unknown pledge id 'jobs-99999'; valid: jobs-13000"),
    ({"pledge_id": 13000}, "should be a str"),
    ({"pledge_id": "jobs-13000", "assumptions": {"baseline": "vibes"}}, r"assumption baseline: .*'trend' or 'level' \(value 'vibes'\)"),
])
def test_bad_parameters_are_refused_before_a_kernel_starts(no_kernel, parameters, message):
    spec = report.ReportSpec("x", "pledge", paths.NOTEBOOKS / "pledge.py", "x", parameters)
    with pytest.raises(report.ReportError, match=message):
        runner.build(spec)


def test_unknown_region_lists_the_valid_ones(no_kernel):
    spec = report.ReportSpec("x", "region", paths.NOTEBOOKS / "region.py", "x", {"region": "광주시"})
    with pytest.raises(report.ReportError, match="unknown region '광주시'; valid: 서울특별시"):
        runner.build(spec)


def test_every_registry_pledge_gets_a_report(specs):
    from analysis.ingest.registry import read_registry
    assert {f"pledge-{p}" for p in read_registry()} <= set(specs)
    assert "overview" in specs and "region-24" in specs


def test_committed_notebooks_are_thin_and_clean():
    from analysis.report.execution.notebooks import read_notebook
    for notebook in paths.NOTEBOOKS.glob("*.py"):
        document = read_notebook(notebook)
        assert document["metadata"]["kernelspec"]["name"] == paths.KERNEL_NAME
        code = [c for c in document["cells"] if c["cell_type"] == "code"]
        assert all(not c["outputs"] and c["execution_count"] is None for c in code), notebook
        assert "parameters" in code[0]["metadata"].get("tags", [])
        assert not any("def " in "".join(c["source"]) or "class " in "".join(c["source"]) for c in code), notebook
        report.notebook_parameters(notebook)


# -- execution -------------------------------------------------------------------------------------

@pytest.mark.slow
def test_each_notebook_executes_on_the_real_data(specs, results, workspace):
    """One batch, as the build runs them (the kernel path: test_execution's one-kernel comparison)."""
    from analysis.report.execution.batch import build_all
    names = ["overview", "pledge-ai-firms-1000", "region-24"]
    outcomes = build_all([specs[name] for name in names], jobs=2)
    assert [o.message for o in outcomes if not o.ok] == []
    for name in names:
        html = specs[name].html.read_text(encoding="utf-8")
        assert "재현 정보" in html and "<svg" in html
        assert (paths.REPORTS / f"{name}.ipynb").exists() and (paths.REPORTS / f"{name}.json").exists()
        downloads = [d for d in (paths.REPORTS / name).glob("*.csv") if not d.name.endswith("-full.csv")]
        assert downloads and all(f'href="{name}/{d.name}"' in html for d in downloads)
        for reader in downloads:  # each reader's CSV has its analyst file and CSVW metadata beside it
            assert reader.with_name(reader.stem + "-full.csv").exists()
            assert reader.with_name(reader.name + "-metadata.json").exists()


@pytest.mark.slow
def test_a_failed_run_keeps_the_previous_report_and_names_the_cell(results, workspace, tmp_path):
    paths.REPORTS.mkdir(exist_ok=True)
    text = (paths.NOTEBOOKS / "overview.py").read_text(encoding="utf-8")
    broken = tmp_path / "broken.py"
    broken.write_text(text.replace("# %%\nfrom analysis", "# %%\nraise ValueError('broken on purpose')\n\n# %%\n"
                                   "from analysis", 1), encoding="utf-8")
    spec = report.ReportSpec("broken", "overview", broken, "broken", {})
    spec.html.write_text("previous report", encoding="utf-8")
    with pytest.raises(report.ReportError, match=r"broken.py failed in cell \d+ \(cell index \d+, `raise ValueError"
                                                 r".*ValueError: broken on purpose"):
        runner.build(spec)
    assert spec.html.read_text(encoding="utf-8") == "previous report"
    assert not list(paths.REPORTS.glob(".*.tmp")) and not (paths.REPORTS / "broken").exists()


# -- the built HTML --------------------------------------------------------------------------------

EXTERNAL = re.compile(r"<(?:script|img|link|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*[\"'](?:https?:)?//", re.I)
CSS_URL = re.compile(r"url\(\s*[\"']?(?:https?:)?//", re.I)
DATA_URI = re.compile(r"data:[a-z/+-]+;base64,[A-Za-z0-9+/=]+|<svg\b.*?</svg>", re.S)  # images and the font
READER_PAGES = [p for p in BUILT if p.name != "analyst.html"]


@needs_reports
@pytest.mark.parametrize("page", BUILT, ids=[p.name for p in BUILT])
def test_pages_are_self_contained_lean_and_fit_a_phone(page):
    html = page.read_text(encoding="utf-8")
    assert not EXTERNAL.search(html), EXTERNAL.search(html).group(0)
    assert not CSS_URL.search(html)
    assert "require.js" not in html and "mathjax" not in html.lower() and "jp-" not in html
    assert "@font-face" in html and "data:font/woff;base64" in html
    assert re.search(r'<meta (?=[^>]*name="viewport")(?=[^>]*content="width=device-width, initial-scale=1")', html)
    # every table cell carries its column's name for the phone layout (data-label): 80 KB, not 60
    assert len(DATA_URI.sub("", html).encode("utf-8")) <= 80_000, "HTML+CSS over 80 KB without images and font"
    assert 'href="index.html"' in html and "Traceback" not in html


@needs_reports
@pytest.mark.parametrize("page", READER_PAGES, ids=[p.name for p in READER_PAGES])
def test_every_chart_has_korean_alt_text_and_every_download_exists(page):
    html = page.read_text(encoding="utf-8")
    charts = re.findall(r'<div (?=[^>]*role="img")[^>]*aria-label="([^"]*)"', html)
    assert all(re.search(r"[가-힣]", alt) and "No description" not in alt for alt in charts)
    assert html.count("<svg") == len(charts) and "<img" not in html
    for href in re.findall(r'href="(?!https?:)([^"]+\.csv)"', html):
        assert (paths.REPORTS / href).exists(), href


@needs_reports
def test_index_is_the_scorecard_and_links_every_report(specs):
    html = (paths.REPORTS / "index.html").read_text(encoding="utf-8")
    for spec in specs.values():
        if spec.kind != "overview":
            assert f'href="{spec.name}.html"' in html
        assert spec.executed.exists()
    assert ".ipynb" not in html, "notebook JSON belongs on the analysts' page"
    analyst = (paths.REPORTS / "analyst.html").read_text(encoding="utf-8")
    assert all(f'href="{spec.name}.ipynb"' in analyst for spec in specs.values())
    assert "상태별 공약 수" in html and 'id="filter-status"' in html


@needs_reports
def test_pledge_pages_navigate_to_neighbours_and_related_pledges():
    html = (paths.REPORTS / "pledge-jobs-13000.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav [^>]*class="site".*?</nav>', html, flags=re.S).group(0)
    assert 'href="index.html"' in nav and 'href="overview.html"' in nav
    assert 'href="pledge-future-car-cluster-jobs.html"' in nav and 'href="pledge-ai-foundry.html"' in nav
    assert "관련:" in nav and "다음:" in nav


def test_region_sweep_declares_all_17(tmp_path):
    config = tmp_path / "reports.yaml"
    config.write_text((paths.REPORTS_CONFIG).read_text(encoding="utf-8").replace(
        "regions: [광주광역시]", "regions: all"), encoding="utf-8")
    regions = [s for s in report.load_specs(config).values() if s.kind == "region"]
    assert len(regions) == 17 and {s.name for s in regions} >= {"region-24", "region-11", "region-39"}


@pytest.mark.parametrize(("change", "message"), [
    (("parameters:", "paramters:"), r"reports\.yaml, line \d+: unknown key 'paramters' at reports\.region\.paramters"),
    (("regions: [광주광역시]", "regions: 광주광역시"), r"line \d+: .*not the single value '광주광역시' \(write \[광주광역시\]\)"),
    (("regions: [광주광역시]", "regions: [전국]"), r"region report for '전국': the region report is per 시도; expected"),
    (("regions: [광주광역시]", "regions: [광주광역시"), r"reports\.yaml, line \d+: YAML syntax error"),
])
def test_report_config_mistakes_name_the_file_line_and_what_was_expected(tmp_path, change, message):
    """A typo must not silently drop every parameter; a scalar or 전국 gets a message, not a traceback."""
    config = tmp_path / "reports.yaml"
    config.write_text(paths.REPORTS_CONFIG.read_text(encoding="utf-8").replace(*change, 1), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        report.load_specs(config)


@pytest.mark.slow
def test_a_reports_path_that_is_a_file_stops_the_build_in_one_line(tmp_path):
    target = tmp_path / "reports"
    target.write_text("not a folder")
    run = subprocess.run([sys.executable, "-m", "analysis", "report", "overview"], capture_output=True, text=True,
                         env={**os.environ, "GWANGJU_REPORTS": str(target)}, cwd=paths.ROOT)
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert run.returncode != 0 and len(lines) == 1 and str(target) in lines[0], run.stderr


def test_a_read_only_reports_folder_is_named_with_what_was_expected(tmp_path, monkeypatch):
    """(Root writes into a read-only folder regardless of its mode, so the permission answer is faked.)"""
    from analysis import steps
    monkeypatch.setattr(steps.os, "access", lambda path, mode: False)
    with pytest.raises(InputError, match=r"reports: not writable; expected a folder the build can write"):
        steps._check_writable(tmp_path / "reports")


@pytest.mark.slow
def test_the_17_region_sweep_builds_and_passes_the_page_checks(results, workspace, tmp_path):
    """Every 시도 report, built in one batch as `regions: all` declares them."""
    from analysis.report.execution.batch import build_all
    config = tmp_path / "reports.yaml"
    config.write_text(paths.REPORTS_CONFIG.read_text(encoding="utf-8").replace("regions: [광주광역시]", "regions: all"),
                      encoding="utf-8")
    regions = [s for s in report.load_specs(config).values() if s.kind == "region"]
    outcomes = build_all(regions)
    assert [o.message for o in outcomes if not o.ok] == []
    for spec in regions:
        html = spec.html.read_text(encoding="utf-8")
        assert len(DATA_URI.sub("", html).encode("utf-8")) <= 80_000 and "<svg" in html
        assert all(re.search(r"[가-힣]", alt) for alt in re.findall(r'aria-label="([^"]*)"', html))
