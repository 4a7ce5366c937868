"""Every path the project uses, defined once relative to the workspace root.

The workspace is the checkout unless GWANGJU_WORKSPACE names another folder laid out the same way
(tests build in a copy, never in the checkout); the code is always the checkout's (CODE). Two can
be moved on their own (the benchmark builds the 17-region sweep elsewhere): GWANGJU_REPORTS_CONFIG
(which reports to build) and GWANGJU_REPORTS (where to write them). `use` points them all at
another workspace in this process.
"""
import os
from pathlib import Path

CODE = Path(__file__).resolve().parents[2]
KERNEL_NAME = "gwangju-pledges"


def layout(root: Path, reports: Path | None = None, reports_config: Path | None = None) -> dict[str, Path]:
    """Every path of a workspace rooted at `root`."""
    root = Path(root)
    raw, processed, config = root / "data" / "raw", root / "data" / "processed", root / "config"
    return {
        "ROOT": root, "DATA": root / "data", "RAW": raw, "PROCESSED": processed, "RESULTS": processed / "results",
        "MANIFEST": raw / "manifest.yaml", "PLEDGES": raw / "pledges.yaml", "FACTS": raw / "facts" / "facts.csv",
        "CONFIG": config, "CATALOG": config / "catalog.yaml", "REPORTS_CONFIG": Path(reports_config or config / "reports.yaml"),
        "FETCH_CONFIG": config / "fetch.yaml", "NOTEBOOKS": root / "notebooks", "REPORTS": Path(reports or root / "reports"),
        "BUILD": root / "build",
        # The articles are not part of the project; the build checks quotes against them when present.
        "SEEDS": CODE.parent / "shared" / "seeds",
    }


def use(root: Path, reports: Path | None = None, reports_config: Path | None = None) -> None:
    """Point every path of this process at the workspace `root`."""
    globals().update(layout(root, reports, reports_config))


use(Path(os.environ.get("GWANGJU_WORKSPACE") or CODE), os.environ.get("GWANGJU_REPORTS") or None,
    os.environ.get("GWANGJU_REPORTS_CONFIG") or None)
