"""Reports: parameters refused before a kernel starts, notebooks execute, HTML is self-contained."""
from __future__ import annotations

import re

import pytest

from analysis import paths
from analysis.report import runner, specs as report

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
    ({"pledge_id": "jobs-13000", "assumptions": {"baseline": "vibes"}}, "baseline 'vibes'"),
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
    from analysis.report.notebooks import read_notebook
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
@pytest.mark.parametrize("name", ["overview", "pledge-ai-firms-1000", "region-24"])
def test_each_notebook_executes_on_the_real_data(specs, results, tmp_path, monkeypatch, name):
    monkeypatch.setattr(paths, "REPORTS", tmp_path)
    spec = specs[name]
    spec = report.ReportSpec(spec.name, spec.kind, spec.notebook, spec.title, spec.parameters)
    html = runner.build(spec).read_text(encoding="utf-8")
    assert "자료 시점과 빌드 정보" in html and "<img" in html
    assert (tmp_path / f"{name}.ipynb").exists() and (tmp_path / f"{name}.json").exists()


@pytest.mark.slow
def test_a_failed_run_keeps_the_previous_report_and_names_the_cell(results, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "REPORTS", tmp_path)
    text = (paths.NOTEBOOKS / "overview.py").read_text(encoding="utf-8")
    broken = tmp_path / "broken.py"
    broken.write_text(text.replace("# %%\nfrom IPython", "# %%\nraise ValueError('broken on purpose')\n\n# %%\nfrom IPython", 1),
                      encoding="utf-8")
    spec = report.ReportSpec("broken", "overview", broken, "broken", {})
    spec.html.write_text("previous report", encoding="utf-8")
    with pytest.raises(report.ReportError, match=r"broken.py failed in cell \d+ \(cell index \d+, `raise ValueError.*ValueError: broken on purpose"):
        runner.build(spec)
    assert spec.html.read_text(encoding="utf-8") == "previous report"
    assert not list(tmp_path.glob(".*.tmp"))


# -- the built HTML --------------------------------------------------------------------------------

EXTERNAL = re.compile(r"<(?:script|img|link|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*[\"'](?:https?:)?//", re.I)
CSS_URL = re.compile(r"url\(\s*[\"']?(?:https?:)?//", re.I)


@needs_reports
@pytest.mark.parametrize("page", BUILT, ids=[p.name for p in BUILT])
def test_pages_fetch_nothing_from_the_network(page):
    html = page.read_text(encoding="utf-8")
    assert not EXTERNAL.search(html), EXTERNAL.search(html).group(0)
    assert not CSS_URL.search(html)
    assert "require.js" not in html and "mathjax" not in html.lower()
    assert "@font-face" in html and "data:font/woff;base64" in html
    assert "<pre" not in html or "class=\"highlight" not in html  # no code cells shown


@needs_reports
@pytest.mark.parametrize("page", [p for p in BUILT if p.name != "index.html"], ids=lambda p: p.name)
def test_pages_have_toc_footer_and_no_code(page):
    html = page.read_text(encoding="utf-8")
    assert "class='toc'" in html and "class='provenance'" in html
    assert "빌드 git 리비전" in html and "sha256" in html and "pandas" in html
    assert not re.search(r'class="[^"]*jp-InputArea-editor', html) and "plotting.setup()" not in html
    assert "Traceback" not in html


@needs_reports
def test_overview_shows_the_verdict_table_with_images(specs):
    html = (paths.REPORTS / "overview.html").read_text(encoding="utf-8")
    assert "status-badge" in html and html.count("status-badge") >= len([s for s in specs.values() if s.kind == "pledge"])
    assert "data:image/png;base64" in html
    for spec in specs.values():
        if spec.kind == "pledge":
            assert f"{spec.name}.html" in html


@needs_reports
def test_index_lists_every_report_with_status_and_date(specs):
    html = (paths.REPORTS / "index.html").read_text(encoding="utf-8")
    for spec in specs.values():
        assert f"href='{spec.name}.html'" in html
        assert spec.executed.exists()
    assert html.count("class='badge'") == len([s for s in specs.values() if s.kind == "pledge"])


@needs_reports
def test_every_number_has_a_source_line(specs):
    html = (paths.REPORTS / "pledge-jobs-13000.html").read_text(encoding="utf-8")
    assert "data/raw/kosis/eaps_sido_industry_employed_annual_2015_2025.csv:65" in html
    assert "facts/facts.csv:" in html and "https://" in html


def test_region_sweep_declares_all_17(tmp_path):
    config = tmp_path / "reports.yaml"
    config.write_text((paths.REPORTS_CONFIG).read_text(encoding="utf-8").replace(
        "regions: [광주광역시]", "regions: all"), encoding="utf-8")
    regions = [s for s in report.load_specs(config).values() if s.kind == "region"]
    assert len(regions) == 17 and {s.name for s in regions} >= {"region-24", "region-11", "region-39"}
