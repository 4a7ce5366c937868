"""The build: rules generated from the dependency graph, content hashes deciding what is stale,
outputs make can trust (a deleted, edited or hand-rebuilt one is rebuilt), nothing touched before
every parameter set is checked, a lock between two makes, and an analyst adding and accepting raw
files without Python. Everything that writes works on a copy (`workspace`, `checkout`)."""
from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest

from analysis import build_rules, paths
from analysis.errors import InputError
from analysis.graph import declaration
from analysis.ingest import intake, manifest
from analysis.ingest.kosis import read_kosis
from analysis.report.execution.specs import load_specs

built = pytest.mark.skipif(not (paths.CODE / "reports" / "index.html").exists(),
                           reason="reports not built: run make reports")
OUTSIDE_MAKE = ("GWANGJU_MAKE_LOCKED", "MAKEFLAGS", "MAKELEVEL", "MFLAGS")


@pytest.fixture
def checkout(tmp_path):
    """A copy of the built checkout (timestamps kept, the same .venv) to run make in."""
    root = tmp_path / "checkout"
    ignore = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", ".pytest_cache", "bench", "cache")
    shutil.copytree(paths.CODE, root, ignore=ignore, symlinks=True, copy_function=shutil.copy2)
    (root / ".venv").symlink_to(paths.CODE / ".venv")
    return root


def make(root, *args) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in OUTSIDE_MAKE} | {"GWANGJU_WORKSPACE": str(root)}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=root, capture_output=True, text=True, env=env)


def pages(root) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (root / "reports").glob("*.html")}


def rebuilt(before: dict, after: dict) -> set[str]:
    return {name for name in before if after.get(name) != before[name]}


# -- rules --------------------------------------------------------------------------------------------

def test_rules_come_from_the_graph(workspace):
    rules = build_rules.render()
    for name, table in declaration.catalog().items():
        assert f"data/processed/{name}.csv: $(STAMP)/table/{name} ;" in rules
        for raw in table.inputs:
            assert f"$(HASH)/data/raw/{raw}" in rules and f"build/manifest/{raw}.json" in rules
    for name in load_specs():
        assert f"echo {name} >> $(QUEUE)" in rules and f"reports/{name}.html: $(STAMP)/report/{name}" in rules


def _prerequisites(rules: str, stamp: str) -> str:
    return next(line for line in rules.splitlines() if line.startswith(f"$(STAMP)/{stamp}:"))


def test_a_page_depends_only_on_what_it_reads(workspace):
    """The mold-institute page reads no employment figure: a revised one does not rebuild it."""
    rules = build_rules.render()
    mold = _prerequisites(rules, "report/pledge-mold-institute")
    assert "employment" not in mold and "forecasts.csv" not in mold and "vintage" not in mold
    jobs = _prerequisites(rules, "report/pledge-jobs-13000")
    assert "employment_sido_annual.csv" in jobs and "forecasts.csv" in jobs


def test_editing_one_catalog_entry_changes_only_its_stamp(workspace):
    before = build_rules.stamp_files()
    catalog_file = paths.CATALOG
    catalog_file.write_text(catalog_file.read_text(encoding="utf-8").replace(
        "description: 시도별 인구이동률", "description: 시도별 인구 이동률"), encoding="utf-8")
    from tests.conftest import clear_caches
    clear_caches()
    after, rules = build_rules.stamp_files(), build_rules.render()
    changed = {path for path, content in after.items() if before.get(path) != content}
    assert changed == {"build/catalog/population_movement_sido_quarterly.json"}
    users = {line.split(":")[0] for line in rules.splitlines()
             if line.startswith("$(STAMP)/") and "build/catalog/population_movement_sido_quarterly.json" in line}
    assert users == {"$(STAMP)/table/population_movement_sido_quarterly", "$(STAMP)/checks", "$(STAMP)/report/region-24"}


def test_generating_the_rules_writes_nothing_but_write_does(workspace):
    build_rules.render()
    assert not (paths.BUILD / "params").exists() and not (paths.BUILD / "catalog").exists()
    build_rules.write(paths.BUILD / "rules.mk")
    assert (paths.BUILD / "rules.mk").exists() and (paths.BUILD / "params" / "overview.json").exists()


@pytest.mark.parametrize("name", ["kosis/two words.csv", "kosis/$(shell rm -rf x).csv", "kosis/a;b.csv", "kosis/a#b.csv"])
def test_a_file_name_make_cannot_use_is_refused_with_the_reason(workspace, name):
    catalog_file = paths.CATALOG
    catalog_file.write_text(catalog_file.read_text(encoding="utf-8").replace(
        "inputs: [kosis/인구이동률_월__분기__년__20250120211642.csv]", f'inputs: ["{name}"]'), encoding="utf-8")
    from tests.conftest import clear_caches
    clear_caches()
    with pytest.raises(InputError, match=r"catalog.yaml: table 'population_movement_sido_quarterly': input .* cannot "
                                         r"be used in make rules; expected letters, digits"):
        declaration.graph()


def test_a_failed_rule_generation_leaves_no_temporary_file(workspace, monkeypatch):
    target = paths.BUILD / "rules.mk"
    monkeypatch.setattr(build_rules, "render", lambda: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        build_rules.write(target)
    assert not target.exists() and not list(paths.BUILD.glob("*.tmp")) if paths.BUILD.exists() else True


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    from analysis import files
    monkeypatch.setattr(files.os, "replace", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        files.atomic_write(tmp_path / "page.html", "<p>half</p>")
    assert list(tmp_path.iterdir()) == []


# -- make ---------------------------------------------------------------------------------------------

@built
def test_nothing_changed_means_nothing_to_do(checkout):
    """(`make -q` cannot say so: outputs written only when they change are relinked silently.)"""
    started = time.perf_counter()
    again = make(checkout, "reports")
    assert again.returncode == 0 and "Nothing to be done" in again.stdout and "-m analysis" not in again.stdout
    assert time.perf_counter() - started < 5


@built
def test_a_checkout_that_leaves_contents_the_same_rebuilds_nothing(checkout):
    before = pages(checkout)
    for folder in ("data/raw", "config", "notebooks", "src"):
        for path in (checkout / folder).rglob("*"):
            os.utime(path)
    again = make(checkout, "reports")
    assert again.returncode == 0 and "-m analysis" not in again.stdout, again.stdout[-2000:]
    assert pages(checkout) == before


@pytest.mark.slow
@built
def test_a_changed_notebook_rebuilds_only_its_reports(checkout):
    before = pages(checkout)
    notebook = checkout / "notebooks" / "region.py"
    notebook.write_bytes(notebook.read_bytes() + b"\n# a comment that changes the file's content\n")
    changed = make(checkout, "reports")
    assert changed.returncode == 0, changed.stdout[-2000:] + changed.stderr[-2000:]
    regions = {f"{name}.html" for name in load_specs() if name.startswith("region-")}
    assert rebuilt(before, pages(checkout)) == regions | {"index.html", "analyst.html"}


@pytest.mark.slow
@built
def test_a_deleted_or_edited_output_is_rebuilt(checkout):
    """Pages and processed tables: deleted, edited by hand, or rewritten by a hand-run command."""
    page, edited = checkout / "reports" / "pledge-mold-institute.html", checkout / "reports" / "overview.html"
    table = checkout / "data" / "processed" / "employment_monthly.csv"
    kept = {path: path.read_bytes() for path in (page, edited, table)}
    page.unlink()
    table.unlink()
    edited.write_text("<p>edited by hand</p>", encoding="utf-8")
    before = pages(checkout)
    again = make(checkout, "reports")
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
    assert table.read_bytes() == kept[table] and page.exists() and "edited by hand" not in edited.read_text("utf-8")
    assert rebuilt(before, pages(checkout)) == {"overview.html", "index.html", "analyst.html"}


@pytest.mark.slow
@built
def test_a_table_rebuilt_by_hand_from_another_vintage_is_not_taken_for_current(checkout):
    raw = checkout / "data/raw/kosis/eaps_gwangju_monthly_2011_2026_excerpt.csv"
    original, manifest_text = raw.read_bytes(), (checkout / "data/raw/manifest.yaml").read_bytes()
    table = checkout / "data/processed/employment_monthly.csv"
    built_table = table.read_bytes()
    lines = original.decode("utf-8").splitlines(keepends=True)
    fields = lines[-1].rstrip("\n").split(",")
    lines[-1] = ",".join([*fields[:-2], "799.9", fields[-1]]) + "\n"  # the latest month's value, revised
    raw.write_text("".join(lines), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in OUTSIDE_MAKE} | {"GWANGJU_WORKSPACE": str(checkout)}
    python = str(checkout / ".venv" / "bin" / "python")
    for command in (["accept", str(raw), "--downloaded", "2026-11-30"], ["data", "employment_monthly"]):
        subprocess.run([python, "-m", "analysis", *command], cwd=checkout, env=env, check=True, capture_output=True)
    assert table.read_bytes() != built_table
    raw.write_bytes(original)
    (checkout / "data/raw/manifest.yaml").write_bytes(manifest_text)
    again = make(checkout, "data")
    assert again.returncode == 0 and "-m analysis data employment_monthly" in again.stdout, again.stdout[-2000:]
    assert table.read_bytes() == built_table


@pytest.mark.slow
@built
def test_a_typo_in_an_assumptions_override_deletes_nothing(checkout):
    config = checkout / "config" / "reports.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      first_year: 2000\n", "      first_year: 2000\n      assumptions: {on_track_probabilty: 0.6}\n"),
        encoding="utf-8")
    before = pages(checkout)
    failed = make(checkout, "reports")
    assert failed.returncode != 0 and "on_track_probabilty" in failed.stderr, failed.stdout[-2000:] + failed.stderr
    assert "Traceback" not in failed.stderr and pages(checkout) == before


@built
def test_a_killed_step_leaves_no_temporary_file_behind(checkout):
    leftovers = [checkout / "data/processed/.facts.csv.x1.tmp", checkout / "reports/.index.html.x2.tmp",
                 checkout / "build/.rules.mk.x3.tmp"]
    for path in leftovers:
        path.write_text("half", encoding="utf-8")
    assert make(checkout, "reports").returncode == 0
    assert not any(path.exists() for path in leftovers)


@pytest.mark.slow
@built
def test_make_of_one_page_builds_it_when_stale(checkout):
    page = checkout / "reports" / "pledge-ai-foundry.html"
    page.unlink()
    built_once = make(checkout, "reports/pledge-ai-foundry.html")
    assert built_once.returncode == 0 and page.exists(), built_once.stdout[-2000:] + built_once.stderr[-2000:]
    assert "-m analysis" not in make(checkout, "reports/pledge-ai-foundry.html").stdout


def test_a_second_make_waits_for_the_first(tmp_path):
    """On a lock of its own: under `make test` the checkout's lock is held by the make running us."""
    lock = tmp_path / "test-make.lock"
    holder = subprocess.Popen(["flock", str(lock), "sleep", "2"])
    time.sleep(0.3)
    started = time.perf_counter()
    outside_make = {k: v for k, v in os.environ.items() if k not in OUTSIDE_MAKE}
    second = subprocess.run(["make", "--no-print-directory", f"LOCK={lock}", "help"],
                            cwd=paths.CODE, capture_output=True, text=True, env=outside_make)
    holder.wait()
    assert "another make is running in this checkout" in second.stdout
    assert time.perf_counter() - started > 1.2 and second.returncode == 0


# -- an analyst's raw file --------------------------------------------------------------------------

@pytest.fixture
def raw_copy(workspace):
    return paths.RAW


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
    kept = list((raw_copy / "accepted").rglob(EAPS.split("/")[-1] + ".*.csv"))
    assert len(kept) == 1  # the earlier vintage's values are let go


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
