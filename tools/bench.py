"""Build-speed benchmark (`make bench`): the cost curve of the report build, as ratios to the floor.

The floor is what one report would cost if it only started the project kernel, imported the stack
and shut down. Measured in the same run: the floor; clean builds (the report stage: notebooks and
pages, data and results already built) of 1, 5, 25 reports and of all reports with the 17-region
sweep on (into build/bench/, so reports/ is untouched), each against (N × floor ÷ cores); the
marginal cost per report (slope of the curve); the rebuild after a one-value revision of one raw
file (what make rebuilt, and how long); no-op `make reports`; and the peak memory (summed PSS of
the build's process tree). Writes build/bench/bench.json with the keys it prints.

    python tools/bench.py [RUNS]     (make bench runs it after make reports)
"""
from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
OUT = ROOT / "build" / "bench"
STACK = ("import pandas, numpy, statsmodels.api, seaborn, matplotlib.pyplot, papermill, nbconvert, "
         "analysis.report.pages")
# Gwangju's 2025 employed persons (776 천명): feeds two tables, the assessment and the pages that read them
REVISED = "data/raw/kosis/eaps_sido_industry_employed_annual_2015_2025.csv"
REVISED_ROW = '"광주광역시","계",'.encode()
CORES = os.cpu_count() or 1


def floor_once() -> float:
    code = ("import time; from jupyter_client.manager import start_new_kernel; t = time.perf_counter(); "
            "km, kc = start_new_kernel(kernel_name='gwangju-pledges'); "
            f"kc.execute_interactive({STACK!r}, timeout=180); kc.stop_channels(); km.shutdown_kernel(now=True); "
            "print(time.perf_counter() - t)")
    return float(subprocess.run([PY, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()[-1])


def _pss(pid: int) -> int:
    """Summed proportional set size (kB) of a process and all its descendants."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            text = Path(f"/proc/{current}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+)", text, re.M).group(1))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total


def run(command: list[str], env: dict | None = None) -> tuple[float, str, float]:
    """(seconds, output, peak MiB of the process tree) of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    peak = [0]

    def sample():
        while process.poll() is None:
            peak[0] = max(peak[0], _pss(process.pid))
            time.sleep(0.05)
    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    output, _ = process.communicate()
    watcher.join()
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{output[-3000:]}")
    return time.perf_counter() - started, output, peak[0] / 1024


def sweep_config() -> Path:
    config = OUT / "reports-sweep.yaml"
    text = (ROOT / "config" / "reports.yaml").read_text(encoding="utf-8")
    config.write_text(re.sub(r"regions: \[[^\]]*\]", "regions: all", text), encoding="utf-8")
    return config


def report_names(config: Path) -> list[str]:
    code = "from analysis.report.execution.specs import load_specs; print('\\n'.join(load_specs()))"
    env = {**os.environ, "GWANGJU_REPORTS_CONFIG": str(config)}
    return subprocess.run([PY, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True,
                          text=True).stdout.split()


def clean_build(names: list[str], config: Path) -> tuple[float, float]:
    target = OUT / "reports"
    shutil.rmtree(target, ignore_errors=True)
    seconds, _, peak = run([PY, "-m", "analysis", "report", *names],
                           {"GWANGJU_REPORTS": str(target), "GWANGJU_REPORTS_CONFIG": str(config)})
    return seconds, peak


def revision() -> dict:
    """Change one value of one raw file, accept it (as an analyst would), time `make reports`, list
    what it rebuilt; restore the file, the manifest and the accepted vintages."""
    raw, manifest, accepted = ROOT / REVISED, ROOT / "data" / "raw" / "manifest.yaml", ROOT / "data" / "raw" / "accepted"
    saved = {raw: raw.read_bytes(), manifest: manifest.read_bytes(),
             **{path: path.read_bytes() for path in accepted.rglob("*") if path.is_file()}}
    try:
        lines = saved[raw].split(b"\n")
        row = next(i for i, line in enumerate(lines) if line.startswith(REVISED_ROW))
        last = re.search(rb",(\d+)(\r?)$", lines[row])  # the latest value of Gwangju's row: 776 → 777
        revised = f",{int(last.group(1)) + 1}".encode() + last.group(2)
        lines[row] = lines[row][:last.start()] + revised
        raw.write_bytes(b"\n".join(lines))
        subprocess.run([PY, "-m", "analysis", "accept", str(raw), "--downloaded", "not stated"], cwd=ROOT, check=True,
                       capture_output=True)
        seconds, output, _ = run(["make", "reports"])
    finally:
        for path in accepted.rglob("*"):
            if path.is_file() and path not in saved:
                path.unlink()
        for path, content in saved.items():
            path.write_bytes(content)
        run(["make", "reports"])
    return {"seconds": round(seconds, 2), "tables_rebuilt": re.findall(r"-m analysis data (\S+)", output),
            "results_recomputed": "-m analysis results" in output,
            "reports_rebuilt": re.findall(r"^\[\d+/\d+\] ok\s+(\S+)", output, re.MULTILINE)}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    OUT.mkdir(parents=True, exist_ok=True)
    run(["make", "reports"])
    floor = statistics.median(floor_once() for _ in range(runs))
    config = sweep_config()
    everything = report_names(config)
    regular = report_names(ROOT / "config" / "reports.yaml")
    results = {"floor_seconds": round(floor, 2), "cores": CORES}
    points = {}
    for label, names in (("1", regular[:1]), ("5", regular[:5]), (str(len(regular)), regular), ("all+sweep", everything)):
        seconds, peak = min((clean_build(names, config) for _ in range(max(1, runs - 1))), key=lambda r: r[0])
        points[len(names)] = seconds
        budget = len(names) * floor / CORES
        results[f"clean_{label}"] = {"reports": len(names), "seconds": round(seconds, 2),
                                     "ratio_to_floor": round(seconds / floor, 2),
                                     "ratio_to_n_floor_per_core": round(seconds / budget, 3), "peak_mib": round(peak)}
    sizes = sorted(points)
    slope = (points[sizes[-1]] - points[sizes[1]]) / (sizes[-1] - sizes[1])
    results["marginal_per_report"] = {"seconds": round(slope, 3), "ratio_to_floor": round(slope / floor, 3)}
    results["noop_make"] = {"seconds": round(min(run(["make", "reports"])[0] for _ in range(3)), 2)}
    results["noop_make"]["ratio_to_floor"] = round(results["noop_make"]["seconds"] / floor, 3)
    results["revision"] = revision()
    results["revision"]["ratio_to_floor"] = round(results["revision"]["seconds"] / floor, 2)
    results["peak_mib"] = max(v["peak_mib"] for k, v in results.items() if k.startswith("clean_"))
    (OUT / "bench.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    shutil.rmtree(OUT / "reports", ignore_errors=True)
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
