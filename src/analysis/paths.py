"""Every path the project uses, defined once relative to the repository root. Two can be moved by
the environment (the benchmark builds the 17-region sweep elsewhere): GWANGJU_REPORTS_CONFIG (which
reports to build) and GWANGJU_REPORTS (where to write them)."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DATA = ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
RESULTS = PROCESSED / "results"
MANIFEST = RAW / "manifest.yaml"
PLEDGES = RAW / "pledges.yaml"
FACTS = RAW / "facts" / "facts.csv"

CONFIG = ROOT / "config"
CATALOG = CONFIG / "catalog.yaml"
REPORTS_CONFIG = Path(os.environ.get("GWANGJU_REPORTS_CONFIG") or CONFIG / "reports.yaml")
FETCH_CONFIG = CONFIG / "fetch.yaml"

NOTEBOOKS = ROOT / "notebooks"
REPORTS = Path(os.environ.get("GWANGJU_REPORTS") or ROOT / "reports")
BUILD = ROOT / "build"

# The articles are not part of the project; the build checks quotes against them when present.
SEEDS = ROOT.parent / "shared" / "seeds"

KERNEL_NAME = "gwangju-pledges"
