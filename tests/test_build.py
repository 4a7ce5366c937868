"""The build: rules generated from the declarations, content hashes deciding what is stale, a lock
between two makes, the one-process report runner (isolation, failures, identical output), and an
analyst adding and accepting raw files without Python."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import time

import pytest

from analysis import paths
from analysis.ingest import intake, manifest
from analysis.ingest.kosis import read_kosis
from analysis.report import runner
from analysis.report.batch import build_all
from analysis.report.specs import ReportSpec, load_specs
from analysis.tables.catalog import catalog

built = pytest.mark.skipif(not (paths.REPORTS / "index.html").exists(), reason="reports not built: run make reports")


def make(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=paths.ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


# -- rules --------------------------------------------------------------------------------------------

def test_rules_come_from_the_declarations(processed):
    from analysis.build_rules import render
    rules = render()
    for declared in catalog().values():
        assert f"data/processed/{declared.name}.csv: $(STAMP)/table/{declared.name} ;" in rules
        for raw in declared.inputs:
            assert f"$(HASH)/data/raw/{raw} build/manifest/{raw}.json" in rules
    for name in load_specs():
        assert f"echo {name} >> $(QUEUE)" in rules


@built
@pytest.mark.slow
def test_nothing_changed_means_nothing_to_do():
    """(`make -q` cannot say so: outputs written only when they change are relinked silently.)"""
    started = time.perf_counter()
    again = make("reports")
    assert again.returncode == 0 and "Nothing to be done" in again.stdout and "-m analysis" not in again.stdout
    assert time.perf_counter() - started < 5


@built
@pytest.mark.slow
def test_a_checkout_that_leaves_contents_the_same_rebuilds_nothing():
    tracked = subprocess.run(["git", "ls-files", "-z", "data/raw", "config", "notebooks", "src"], cwd=paths.ROOT,
                             capture_output=True, text=True, check=True).stdout.split("\0")
    tracked = [path for path in tracked if path and (paths.ROOT / path).exists()]
    before = {p: p.stat().st_mtime_ns for p in paths.REPORTS.glob("*.html")}
    subprocess.run(["touch", *tracked], cwd=paths.ROOT, check=True)
    again = make("reports")
    assert again.returncode == 0 and "-m analysis" not in again.stdout, again.stdout[-2000:]
    assert {p: p.stat().st_mtime_ns for p in paths.REPORTS.glob("*.html")} == before


@built
@pytest.mark.slow
def test_a_changed_input_rebuilds_only_the_reports_that_read_it():
    """One make run: the changed notebook's reports and the index, no other page (make rebuilds the
    index only when a prerequisite's file changed, so a queued report's stale page is removed)."""
    notebook = paths.NOTEBOOKS / "region.py"
    original = notebook.read_bytes()
    before = {p.name: p.stat().st_mtime_ns for p in paths.REPORTS.glob("*.html")}
    try:
        notebook.write_bytes(original + b"\n# a comment that changes the file's content\n")
        changed = make("reports")
        assert changed.returncode == 0, changed.stdout[-2000:] + changed.stderr[-2000:]
        after = {p.name: p.stat().st_mtime_ns for p in paths.REPORTS.glob("*.html")}
        rebuilt = {name for name in before if after.get(name) != before[name]}
        regions = {f"{name}.html" for name in load_specs() if name.startswith("region-")}
        assert rebuilt == regions | {"index.html", "analyst.html"}  # the scorecard and the analysts' page
        assert set(after) == set(before)
    finally:
        notebook.write_bytes(original)
        assert make("reports").returncode == 0


@pytest.mark.slow
def test_a_second_make_waits_for_the_first():
    """On a lock of its own: under `make test` the checkout's lock is held by the make running us."""
    (paths.BUILD).mkdir(exist_ok=True)
    lock = paths.BUILD / "test-make.lock"
    holder = subprocess.Popen(["flock", str(lock), "sleep", "2"])
    time.sleep(0.3)
    started = time.perf_counter()
    outside_make = {k: v for k, v in os.environ.items() if k not in ("GWANGJU_MAKE_LOCKED", "MAKEFLAGS", "MAKELEVEL")}
    second = subprocess.run(["make", "--no-print-directory", f"LOCK={lock.relative_to(paths.ROOT)}", "help"],
                            cwd=paths.ROOT, capture_output=True, text=True, env=outside_make)
    holder.wait()
    assert "another make is running in this checkout" in second.stdout
    assert time.perf_counter() - started > 1.2 and second.returncode == 0


# -- the runner ---------------------------------------------------------------------------------------

def _notebook(tmp_path, name: str, code: str):
    path = tmp_path / f"{name}.py"
    path.write_text('# %% tags=["parameters"]\nlabel = "x"\n\n# %%\n' + code + "\n", encoding="utf-8")
    return ReportSpec(name, "test", path, name, {"label": name})


@pytest.fixture
def reports_here(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "REPORTS", tmp_path / "reports")
    return tmp_path


@pytest.mark.slow
def test_each_notebook_starts_clean(reports_here, results):
    first = _notebook(reports_here, "first", "import pandas as pd\nLEAK = 1\npd.DataFrame.leak = lambda self: 1\n"
                                           "import analysis.paths\nanalysis.paths.ROOT = None")
    second = _notebook(reports_here, "second", "import pandas as pd\nimport analysis.paths\n"
                                             "assert 'LEAK' not in globals()\nassert not hasattr(pd.DataFrame, 'leak')\n"
                                             "assert analysis.paths.ROOT is not None")
    outcomes = build_all([first, second], jobs=1)
    assert [o.ok for o in outcomes] == [True, True], [o.message for o in outcomes]


@pytest.mark.slow
def test_a_failure_is_reported_and_the_others_still_build(reports_here, results):
    good = _notebook(reports_here, "good", "x = 1")
    bad = _notebook(reports_here, "bad", "raise ValueError('broken on purpose')")
    paths.REPORTS.mkdir(parents=True)
    bad.html.write_text("an old page", encoding="utf-8")
    outcomes = {o.name: o for o in build_all([bad, good], jobs=2)}
    assert outcomes["good"].ok and good.html.exists()
    assert not outcomes["bad"].ok and "ValueError: broken on purpose" in outcomes["bad"].message
    assert "bad.py failed in cell" in outcomes["bad"].message
    assert not bad.html.exists()  # no stale page that looks like this build's


@pytest.mark.slow
def test_the_one_process_build_matches_one_kernel_per_report(reports_here, results):
    spec = load_specs()["pledge-ai-firms-1000"]
    spec = ReportSpec(spec.name, spec.kind, spec.notebook, spec.title, spec.parameters)
    build_all([spec], jobs=1)
    fast = spec.html.read_text(encoding="utf-8")
    runner.build(spec)  # papermill's own engine, one kernel process
    slow = spec.html.read_text(encoding="utf-8")
    stamp = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} KST")  # the build time in 재현 정보
    assert stamp.search(fast) and stamp.search(slow)  # else the page changed format and this test went blind
    assert stamp.sub("", fast) == stamp.sub("", slow)


# -- an analyst's raw file --------------------------------------------------------------------------

@pytest.fixture
def raw_copy(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    shutil.copytree(paths.RAW, raw)
    monkeypatch.setattr(paths, "RAW", raw)
    monkeypatch.setattr(paths, "MANIFEST", raw / "manifest.yaml")
    manifest._cached.cache_clear()
    yield raw
    manifest._cached.cache_clear()


def test_add_records_the_file_and_prints_a_catalog_entry(raw_copy, tmp_path, capsys):
    export = tmp_path / "시도별_고용률_20260101120000.csv"
    export.write_text("시도별,2024,2025\n광주광역시,60.6,60.8\n부산광역시,58.0,58.2\n", encoding="utf-8")
    entry = intake.add(export, origin="test download", table_id="DT_TEST", hints={"item": "고용률", "unit": "%"})
    assert entry["path"] == "kosis/시도별_고용률_20260101120000.csv" and entry["downloaded"] == "2026-01-01"
    assert manifest.read_manifest()[entry["path"]].sha256 == manifest.sha256_of(raw_copy / entry["path"])
    printed = capsys.readouterr().out
    assert "inputs: [kosis/시도별_고용률_20260101120000.csv]" in printed and "downloaded 2026-01-01 (from the file" in printed
    with pytest.raises(Exception, match="already in the manifest"):
        intake.add(raw_copy / entry["path"], origin="x", table_id="x")


@pytest.mark.parametrize("name, text, hints", [
    ("시도별_고용률_20260101120000.csv", "시도별,2024,2025\n광주광역시,60.6,60.8\n부산광역시,58.0,58.2\n",
     {"item": "고용률", "unit": "%"}),
    ("labels_20260101120000.csv",  # labels YAML reads otherwise: an empty 시군구, a colon, brackets, yes, a quote
     '"행정구역(시군구)별",항목,단위,2024\n광주광역시,a: b,명,1\n동구,[x],명,2\n서구,yes,명,3\n북구,\'q\' #1,명,4\n', {}),
])
def test_the_printed_catalog_entry_parses_and_builds_as_printed(raw_copy, tmp_path, capsys, monkeypatch,
                                                                name, text, hints):
    """Paste the entry `add` prints into a copy of the catalog, exactly as printed, and build it."""
    from analysis.tables import catalog as catalog_module
    from analysis.tables import store
    export = tmp_path / name
    export.write_text(text, encoding="utf-8")
    intake.add(export, origin="test download", table_id="DT_TEST", hints=hints)
    printed = capsys.readouterr().out
    entry = printed[printed.index("then run `make reports`:\n") + len("then run `make reports`:\n"):]
    pasted = tmp_path / "catalog.yaml"
    pasted.write_text(paths.CATALOG.read_text(encoding="utf-8").replace("tables:\n", "tables:\n" + entry, 1),
                      encoding="utf-8")
    before = set(catalog_module.read_catalog(paths.CATALOG))
    monkeypatch.setattr(paths, "CATALOG", pasted)
    monkeypatch.setattr(paths, "PROCESSED", tmp_path / "processed")
    catalog_module.catalog.cache_clear()
    try:
        (added,) = set(catalog_module.catalog()) - before
        frame = store.build(added)
    finally:
        catalog_module.catalog.cache_clear()
    assert len(frame) == len(read_kosis(export, **hints).data)  # every label listed: every row kept
    assert (tmp_path / "processed" / f"{added}.csv").exists()


EAPS = "kosis/eaps_sido_annual_2000_2023.csv"


def test_accept_shows_new_periods_and_revised_values(raw_copy, capsys):
    path = raw_copy / EAPS
    path.write_text(path.read_text(encoding="utf-8").replace("1280", "1281", 1), encoding="utf-8")
    updated = intake.accept(path, downloaded="2026-11-30")
    out = capsys.readouterr().out
    assert "revised values: 1" in out and "1280.0 → 1281.0" in out and "new rows: 0" in out
    assert manifest.read_manifest()[EAPS].sha256 == updated["sha256"] == manifest.sha256_of(path)
    assert updated["downloaded"] == "2026-11-30" and updated["accepted"]


def test_accept_compares_with_the_last_accepted_vintage_not_with_git(raw_copy, capsys):
    """Accept 1281, then 1282: the change shown is 1281 → 1282, although git still holds 1280."""
    path = raw_copy / EAPS
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("1280", "1281", 1), encoding="utf-8")
    intake.accept(path, downloaded="2026-11-29")
    path.write_text(original.replace("1280", "1282", 1), encoding="utf-8")
    capsys.readouterr()
    intake.accept(path, downloaded="2026-11-30")
    out = capsys.readouterr().out
    assert "1281.0 → 1282.0" in out and "1280" not in out
    assert len(list((raw_copy / "accepted").rglob("*.csv"))) == 1  # the earlier vintage's values are let go


def test_accept_compares_a_file_that_was_never_committed(raw_copy, tmp_path, capsys):
    export = tmp_path / "시도별_고용률_20260101120000.csv"
    export.write_text("시도별,2024,2025\n광주광역시,60.6,60.8\n", encoding="utf-8")
    entry = intake.add(export, origin="test", table_id="DT_TEST", hints={"item": "고용률", "unit": "%"})
    path = raw_copy / entry["path"]
    path.write_text("시도별,2024,2025,2026\n광주광역시,60.6,60.9,61.0\n", encoding="utf-8")
    capsys.readouterr()
    updated = intake.accept(path)
    out = capsys.readouterr().out
    assert "new rows: 1 (periods 2026)" in out and "60.8 → 60.9" in out
    assert updated["downloaded"] == "2026-01-01"  # the stamp of the file, said so, never today
    assert "from the file name's stamp" in out


def test_accept_takes_a_grown_search_log(raw_copy, capsys):
    """The search log grows as evidence is searched for; it is neither facts nor a KOSIS export."""
    relative = "facts/search_log.csv"
    path = raw_copy / relative
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "2026-11-30,pages,광주 새 검색어,medical-cluster,결정적 보도 없음\n", encoding="utf-8")
    updated = intake.accept(path, downloaded="2026-11-30")
    out = capsys.readouterr().out
    assert "new rows: 1 (periods 2026-11-30)" in out and "removed rows: 0" in out
    assert manifest.read_manifest()[relative].sha256 == updated["sha256"] == manifest.sha256_of(path)


def test_a_catalog_selection_reaches_the_region_report(processed):
    from analysis.report.views.region import catalog_tables
    shown = {t["name"]: t for t in catalog_tables("광주광역시")}
    table = shown["population_movement_sido_quarterly"]["table"]
    assert set(table["item"]) == {"총전입률", "총전출률", "순이동률"} and "2024-Q3" in table.columns
