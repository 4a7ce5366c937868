"""Executing notebooks: each report in a clean fork of one preloaded process (pebble's pool), its
result returned whole, a timeout that names it, no worker outliving the parent, no side effect at
import, the notebooks' guard (unknown parameters, stale inputs), and the same page as one kernel
per report."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from analysis import paths
from analysis.report.execution import guard, runner
from analysis.report.execution.batch import build_all
from analysis.report.execution.specs import ReportError, ReportSpec, load_specs

HANGUL_200_KB = "가나다라마바사" * 10_000  # 70,000 syllables: 210,000 bytes of UTF-8, over three pipe buffers


def _notebook(folder, name: str, code: str) -> ReportSpec:
    path = folder / f"{name}.py"
    path.write_text('# %% tags=["parameters"]\nlabel = "x"\n\n# %%\n' + code + "\n", encoding="utf-8")
    return ReportSpec(name, "test", path, name, {"label": name})


def large_message(spec: ReportSpec) -> dict:
    return {"ok": False, "seconds": 0.0, "message": f"{spec.name}: {HANGUL_200_KB}"}


def sleep_if_told(spec: ReportSpec) -> dict:
    time.sleep(float(spec.parameters.get("sleep", 0)))
    return {"ok": True, "seconds": 0.0}


def test_a_200_kb_hangul_message_arrives_whole(workspace):
    spec = ReportSpec("big", "test", paths.NOTEBOOKS / "overview.py", "big", {})
    [outcome] = build_all([spec], jobs=1, task=large_message, prepare=tuple)
    assert outcome.message == f"big: {HANGUL_200_KB}"


def test_a_report_past_its_timeout_fails_alone_by_name(workspace):
    slow = ReportSpec("slow-one", "test", paths.NOTEBOOKS / "overview.py", "slow", {"sleep": 60})
    quick = ReportSpec("quick-one", "test", paths.NOTEBOOKS / "overview.py", "quick", {})
    started = time.perf_counter()
    outcomes = {o.name: o for o in build_all([slow, quick], jobs=2, timeout=3, task=sleep_if_told, prepare=tuple)}
    assert time.perf_counter() - started < 30
    assert outcomes["quick-one"].ok and not outcomes["slow-one"].ok
    assert re.match(r"slow-one: did not finish within its timeout of 3 s", outcomes["slow-one"].message)


PARENT = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from analysis.report.execution.batch import build_all
    from analysis.report.execution.specs import ReportSpec
    sys.path.insert(0, {tests!r})
    from test_execution import write_pid_then_page
    folder = Path({folder!r})
    specs = [ReportSpec(f"r{{k}}", "test", folder / "x.py", "x", {{"folder": str(folder)}}) for k in range(2)]
    build_all(specs, jobs=2, task=write_pid_then_page, prepare=tuple)
""")


def write_pid_then_page(spec: ReportSpec) -> dict:
    from pathlib import Path
    folder = Path(spec.parameters["folder"])
    (folder / f"{os.getpid()}.pid").write_text("", encoding="utf-8")
    time.sleep(2.5)
    (folder / f"{spec.name}.html").write_text("a page written late", encoding="utf-8")
    return {"ok": True, "seconds": 2.5}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split()[2] != "Z"  # a zombie has ended


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM], ids=["kill", "ctrl-c", "term"])
def test_no_worker_outlives_the_parent_and_no_page_comes_after_it(tmp_path, stop):
    code = PARENT.format(tests=str(paths.CODE / "tests"), folder=str(tmp_path))
    parent = subprocess.Popen([sys.executable, "-c", code], start_new_session=True,
                              env={**os.environ, "GWANGJU_WORKSPACE": str(paths.CODE)})
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("*.pid"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = [int(p.stem) for p in tmp_path.glob("*.pid")]
    assert len(workers) == 2
    os.killpg(parent.pid, stop) if stop == signal.SIGINT else parent.send_signal(stop)  # Ctrl-C reaches the group
    parent.wait(timeout=30)
    time.sleep(3)  # longer than a worker would take to write its page
    assert not [pid for pid in workers if _alive(pid)] and not list(tmp_path.glob("*.html"))


def test_importing_the_executor_changes_no_environment_variable():
    code = ("import os; before = dict(os.environ); import analysis.report.execution.batch, analysis.cli; "
            "assert dict(os.environ) == before, set(os.environ) ^ set(before)")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.slow
def test_each_notebook_starts_clean(workspace, results):
    first = _notebook(workspace, "first", "import pandas as pd\nLEAK = 1\npd.DataFrame.leak = lambda self: 1\n"
                                          "import analysis.paths\nanalysis.paths.ROOT = None")
    second = _notebook(workspace, "second", "import pandas as pd\nimport analysis.paths\n"
                                            "assert 'LEAK' not in globals()\nassert not hasattr(pd.DataFrame, 'leak')\n"
                                            "assert analysis.paths.ROOT is not None")
    outcomes = build_all([first, second], jobs=1)
    assert [o.ok for o in outcomes] == [True, True], [o.message for o in outcomes]


@pytest.mark.slow
def test_a_failure_is_reported_and_the_others_still_build(workspace, results):
    good = _notebook(workspace, "good", "x = 1")
    bad = _notebook(workspace, "bad", "raise ValueError('broken on purpose')")
    paths.REPORTS.mkdir(parents=True, exist_ok=True)
    bad.html.write_text("an old page", encoding="utf-8")
    outcomes = {o.name: o for o in build_all([bad, good], jobs=2)}
    assert outcomes["good"].ok and good.html.exists()
    assert not outcomes["bad"].ok and "ValueError: broken on purpose" in outcomes["bad"].message
    assert "bad.py failed in cell" in outcomes["bad"].message
    assert not bad.html.exists()  # no stale page that looks like this build's


@pytest.mark.slow
def test_the_one_process_build_matches_one_kernel_per_report(workspace, results):
    spec = load_specs()["pledge-ai-firms-1000"]
    build_all([spec], jobs=1)
    fast = spec.html.read_text(encoding="utf-8")
    runner.build(spec)  # papermill's own engine, one kernel process
    slow = spec.html.read_text(encoding="utf-8")
    stamp = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} KST")  # the build time in 재현 정보
    assert stamp.search(fast) and stamp.search(slow)  # else the page changed format and this test went blind
    assert stamp.sub("", fast) == stamp.sub("", slow)


# -- the guard ----------------------------------------------------------------------------------------

def test_an_unknown_parameter_papermill_passes_is_an_error_in_the_guard(workspace, results):
    """`papermill pledge.ipynb out.ipynb -p pledge_idd X` injects `pledge_idd`; the guard refuses it."""
    spec = ReportSpec("pledge-typo", "pledge", paths.NOTEBOOKS / "pledge.py", "typo", {"pledge_idd": "X"})
    with pytest.raises(ReportError, match=r"failed in cell \d+ \(cell index 2, `from analysis\.report\.execution import "
                                         r"guard`\): ReportError: .*unknown parameter\(s\) \['pledge_idd'\]"):
        runner.execute(spec, "gwangju-inprocess")


def test_a_stale_result_is_refused_by_the_guard(workspace, results):
    """Fails if the guard is off: the results' inputs changed after they were built."""
    namespace = {"pledge_id": "mold-institute", "assumptions": {}}
    guard.check("pledge", namespace)
    assumptions = paths.CONFIG / "assumptions.yaml"
    assumptions.write_text(assumptions.read_text(encoding="utf-8") + "\n# changed after the build\n", encoding="utf-8")
    with pytest.raises(guard.StaleError, match=r"results: config/assumptions.yaml.*run `make reports`"):
        guard.check("pledge", namespace)


def test_a_hand_edited_table_is_refused_by_the_guard(workspace, results):
    guard.check("region", {"region": "광주광역시"})
    table = paths.PROCESSED / "employment_monthly.csv"
    table.write_text(table.read_text(encoding="utf-8") + "광주광역시,2099-01,취업자,1,천명,x\n", encoding="utf-8")
    with pytest.raises(guard.StaleError, match=r"table/employment_monthly: data/processed/employment_monthly.csv"):
        guard.check("region", {"region": "광주광역시"})
