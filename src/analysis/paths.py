"""Every path the project uses, defined once relative to the repository root."""
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
REPORTS_CONFIG = CONFIG / "reports.yaml"
FETCH_CONFIG = CONFIG / "fetch.yaml"

NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"
BUILD = ROOT / "build"

# The articles are not part of the project; the build checks quotes against them when present.
SEEDS = ROOT.parent / "shared" / "seeds"

KERNEL_NAME = "gwangju-pledges"
