"""Command line: `python -m analysis COMMAND`. The Makefile calls these; analysts can too.

  ingest PATH [--out FILE.csv] [--item I --unit U --sido S]   read a KOSIS export, say what was detected
  add PATH [--origin O --table-id T --title …]       record a new raw file; print the catalog entry to paste
  accept PATH [--downloaded DAY]                     take a changed raw file's new vintage, after showing the changes
  check-raw                                          verify data/raw against the manifest
  data [TABLE ...]                                   build processed tables (all of them: + checks)
  checks                                             data dictionary, registry references, cross-file checks
  results                                            compute the feasibility assessment
  review                                             write docs/evidence-review.md (every evidence link, one page)
  makefile [--out FILE]                              print (or write) the generated make rules
  report NAME [NAME ...]                             build reports (names from config/reports.yaml)
  index                                              write reports/index.html
  notebooks                                          write notebooks/*.ipynb from their text form
  fetch [--dry-run]                                  pull configured tables from the KOSIS OpenAPI
"""
from __future__ import annotations

import argparse
import signal
import sys

from .errors import InputError

DEFAULT_REPORT_TIMEOUT = 900.0  # seconds for one report: a page takes about 5 s, the slowest sweep page about 30 s


def _ingest(args) -> int:
    from .ingest.kosis import read_kosis
    table = read_kosis(args.path, item=args.item, unit=args.unit, sido=args.sido, period=args.period)
    print(table.summary(), file=sys.stderr)
    if args.out:
        table.data.to_csv(args.out, index=False)
        print(f"wrote {len(table.data)} rows to {args.out}", file=sys.stderr)
    else:
        table.data.to_csv(sys.stdout, index=False)
    return 0


def _add(args) -> int:
    from .ingest import intake
    ask = input if sys.stdin.isatty() else None
    intake.add(args.path, origin=args.origin, table_id=args.table_id, title=args.title, downloaded=args.downloaded,
               hints={"item": args.item, "unit": args.unit, "sido": args.sido}, ask=ask)
    return 0


def _accept(args) -> int:
    from .ingest import intake
    intake.accept(args.path, downloaded=args.downloaded, ask=input if sys.stdin.isatty() else None)
    return 0


def _check_raw(_args) -> int:
    from .ingest import manifest
    problems = manifest.check_all()
    for problem in problems:
        print(f"data/raw/{problem}", file=sys.stderr)
    if not problems:
        print("data/raw: every file matches its manifest entry")
    return 1 if problems else 0


def _step(name: str):
    """A build step of analysis.steps, imported only when it runs."""
    def run(args) -> int:
        from . import steps
        return getattr(steps, name)(args)
    return run


def _review(_args) -> int:
    from .report import review
    changed = review.write()
    print(f"[review] {review.PATH.relative_to(review.paths.ROOT)} {'written' if changed else 'unchanged'}")
    return 0


def _notebooks(_args) -> int:
    from . import paths
    from .report.execution.notebooks import write_ipynb
    for source in sorted(paths.NOTEBOOKS.glob("*.py")):
        print(f"[notebooks] {write_ipynb(source).relative_to(paths.ROOT)}")
    return 0


def _fetch(args) -> int:
    from .ingest import fetch
    return fetch.main(dry_run=args.dry_run)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    _analyst_commands(commands)
    _build_commands(commands)
    return parser


def _analyst_commands(commands) -> None:
    """What an analyst runs by hand: reading, adding, accepting and fetching raw files."""
    ingest = commands.add_parser("ingest", help="read a KOSIS export and report what was detected")
    ingest.add_argument("path")
    ingest.add_argument("--out")
    ingest.add_argument("--item", help="item name, for exports without an item row")
    ingest.add_argument("--unit", help="unit, for exports that do not state one")
    ingest.add_argument("--sido", help="the 시도 of a file of 시군구 that does not name it")
    ingest.add_argument("--period", help="the one period of a file that prints none")
    ingest.set_defaults(run=_ingest)
    add = commands.add_parser("add", help="record a new raw file in the manifest and print its catalog entry")
    add.add_argument("path")
    for flag, text in (("--origin", "where the file came from"), ("--table-id", "KOSIS table id (DT_…)"),
                       ("--title", "what the table is"), ("--downloaded", "download date YYYY-MM-DD"),
                       ("--item", "item name, if the file states none"), ("--unit", "unit, if the file states none"),
                       ("--sido", "the 시도 of a file of 시군구 that does not name it")):
        add.add_argument(flag, help=text)
    add.set_defaults(run=_add)
    accept = commands.add_parser("accept", help="take a changed raw file's new hash after showing what changed")
    accept.add_argument("path")
    accept.add_argument("--downloaded", help="the day this vintage was downloaded, YYYY-MM-DD (or 'not stated')")
    accept.set_defaults(run=_accept)
    commands.add_parser("check-raw", help="verify data/raw against the manifest").set_defaults(run=_check_raw)
    fetch = commands.add_parser("fetch", help="pull configured KOSIS tables (needs KOSIS_API_KEY)")
    fetch.add_argument("--dry-run", action="store_true")
    fetch.set_defaults(run=_fetch)


def _build_commands(commands) -> None:
    """The steps make runs (each can be run by hand too)."""
    record = {"action": "store_true", "help": "record what the step read and wrote (make passes it; see graph/records.py)"}
    data = commands.add_parser("data", help="build processed tables")
    data.add_argument("tables", nargs="*")
    data.add_argument("--record", **record)
    data.set_defaults(run=_step("data"))
    checks = commands.add_parser("checks", help="data dictionary, registry references, cross-file checks")
    checks.add_argument("--record", **record)
    checks.set_defaults(run=_step("checks"))
    results = commands.add_parser("results", help="compute the feasibility assessment")
    results.add_argument("--record", **record)
    results.set_defaults(run=_step("results"))
    commands.add_parser("review", help="write docs/evidence-review.md from the registry").set_defaults(run=_review)
    makefile = commands.add_parser("makefile", help="print (or --out FILE: write) the generated make rules")
    makefile.add_argument("--out", help="write the rules to this file, atomically")
    makefile.set_defaults(run=_step("makefile"))
    build = commands.add_parser("report", help="build reports by name (all at once, one per core)")
    build.add_argument("names", nargs="*")
    build.add_argument("--queue", help="also build the names listed in this file (written by make)")
    build.add_argument("--jobs", type=int, help="reports at once (default: the number of cores)")
    build.add_argument("--timeout", type=float, default=DEFAULT_REPORT_TIMEOUT,
                       help=f"seconds one report may take before it is stopped (default {DEFAULT_REPORT_TIMEOUT:g})")
    build.add_argument("--kernel", action="store_true",
                       help="run each notebook in its own project kernel, one after another (slow; for checks)")
    build.add_argument("--record", **record)
    build.set_defaults(run=_step("report"))
    index = commands.add_parser("index", help="write reports/index.html")
    index.add_argument("--record", **record)
    index.set_defaults(run=_step("index"))
    commands.add_parser("notebooks", help="write notebooks/*.ipynb from notebooks/*.py").set_defaults(run=_notebooks)


def _stop_on_sigterm() -> None:
    """SIGTERM (make stopping, a CI timeout) unwinds like Ctrl-C: temporary files are removed and
    report workers stopped on the way out."""
    def stop(signum, _frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, stop)


def _out_of_memory(exc: BaseException) -> bool:
    """A MemoryError, or a library that could not be loaded for want of memory (under `ulimit -v`)."""
    return isinstance(exc, MemoryError) or (isinstance(exc, ImportError) and "failed to map segment" in str(exc))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _stop_on_sigterm()
    try:
        return args.run(args)
    except (InputError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (MemoryError, ImportError) as exc:
        if not _out_of_memory(exc):
            raise
        print(f"error: `python -m analysis {args.command}` ran out of memory ({type(exc).__name__}); no file was "
              f"left half-written. Expected more memory than its limit (`ulimit -v`): raise it, or close other "
              f"programs, and run it again", file=sys.stderr)
        return 1
