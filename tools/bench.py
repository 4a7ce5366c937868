"""Build-speed benchmark (`make bench`): prints a table and writes build/bench/bench.json.

Measures, on the current checkout and a warm environment: the floor (start the project kernel,
import the stack, shut down), each sampled report's wall time (execute + HTML, one process),
clean builds of all reports with -j1 and -j2, and no-op `make reports` / `make data`.
"""
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
OUT = ROOT / "build" / "bench"
SAMPLE = ["overview", "region-24", "pledge-jobs-13000", "pledge-ai-firms-1000", "pledge-mold-institute"]
STACK = "import pandas, numpy, statsmodels.api, seaborn, matplotlib.pyplot, analysis.feasibility"


def timed(command, **kwargs) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - started


def floor_once() -> float:
    code = ("import time; from jupyter_client.manager import start_new_kernel; t = time.perf_counter(); "
            "km, kc = start_new_kernel(kernel_name='gwangju-pledges'); "
            f"kc.execute_interactive({STACK!r}, timeout=120); kc.stop_channels(); km.shutdown_kernel(now=True); "
            "print(time.perf_counter() - t)")
    return float(subprocess.run([PY, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()[-1])


def summary(values):
    return {"median": round(statistics.median(values), 2), "min": round(min(values), 2),
            "max": round(max(values), 2), "runs": len(values)}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    results = {}
    subprocess.run(["make", "reports"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    results["floor: kernel start + imports + shutdown"] = summary([floor_once() for _ in range(runs)])
    floor = results["floor: kernel start + imports + shutdown"]["median"]
    for name in SAMPLE:
        results[f"report {name}"] = summary([timed([PY, "-m", "analysis", "report", name]) for _ in range(runs)])
    for jobs in (1, 2):
        shutil.rmtree(ROOT / "reports", ignore_errors=True)
        results[f"clean build of all reports -j{jobs}"] = summary([timed(["make", "reports", f"-j{jobs}"])])
    results["make reports, nothing changed"] = summary([timed(["make", "reports"]) for _ in range(5)])
    results["make data, nothing changed"] = summary([timed(["make", "data"]) for _ in range(5)])
    for key, value in results.items():
        if key.startswith("report "):
            value["ratio_to_floor"] = round(value["median"] / floor, 2)
    speedup = (results["clean build of all reports -j1"]["median"] / results["clean build of all reports -j2"]["median"])
    results["speed-up -j2 over -j1"] = round(speedup, 2)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bench.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{'measure':48} {'median':>8} {'min':>8} {'max':>8} {'×floor':>7}")
    for key, value in results.items():
        if isinstance(value, dict):
            print(f"{key:48} {value['median']:8.2f} {value['min']:8.2f} {value['max']:8.2f} "
                  f"{value.get('ratio_to_floor', ''):>7}")
        else:
            print(f"{key:48} {value:8.2f}")


if __name__ == "__main__":
    main()
