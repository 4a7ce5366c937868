"""Command line: `python -m analysis COMMAND`. The Makefile calls these; analysts can too.

  ingest PATH [--out FILE.csv] [--item I --unit U --sido S]   read a KOSIS export, say what was detected
  add PATH [--origin O --table-id T --title …]       record a new raw file; print the catalog entry to paste
  accept PATH                                        take a changed raw file's new hash, after showing the changes
  check-raw                                          verify data/raw against the manifest
  data [TABLE ...]                                   build processed tables (all of them: + checks)
  checks                                             data dictionary, registry references, cross-file checks
  results                                            compute the feasibility assessment
  review                                             write docs/evidence-review.md (every evidence link, one page)
  makefile                                           print the generated per-table / per-report rules
  report NAME [NAME ...]                             build reports (names from config/reports.yaml)
  index                                              write reports/index.html
  notebooks                                          write notebooks/*.ipynb from their text form
  fetch [--dry-run]                                  pull configured tables from the KOSIS OpenAPI
"""
from __future__ import annotations

import argparse
import os
import sys
import time

from .errors import InputError


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
    intake.accept(args.path)
    return 0


def _check_raw(_args) -> int:
    from .ingest import manifest
    problems = manifest.check_all()
    for problem in problems:
        print(f"data/raw/{problem}", file=sys.stderr)
    if not problems:
        print("data/raw: every file matches its manifest entry")
    return 1 if problems else 0


def _data(args) -> int:
    from .tables import store
    names = args.tables or store.names()
    unknown = sorted(set(names) - set(store.names()))
    if unknown:
        print(f"unknown table(s) {unknown}; expected {store.names()}", file=sys.stderr)
        return 2
    for name in names:
        started = time.perf_counter()
        frame = store.build(name)
        print(f"[data] {name}: {len(frame)} rows ({time.perf_counter() - started:.1f}s)")
    return 0 if args.tables else _checks(args)


def _checks(_args) -> int:
    """After the tables: data dictionary, registry references, cross-file checks, vintage."""
    from . import paths
    from .files import write_csv_if_changed
    from .ingest.registry import registry
    from .ingest.registry_checks import check_fact_references, check_quotes
    from .tables import crosscheck, dictionary, store
    from .tables.vintage import write_vintage
    dictionary.write()
    check_fact_references(registry(), set(store.load("facts")["fact_id"]))
    misquoted = check_quotes(registry())
    for line in misquoted:
        print(f"[check] FAIL {paths.PLEDGES.name}: {line}", file=sys.stderr)
    if misquoted:
        return 1
    checks = crosscheck.run()
    for row in checks.itertuples():
        print(f"[check] {'ok ' if row.passed else 'FAIL'} {row.check}: worst gap {row.worst_relative_gap:.4%} "
              f"(tolerance {row.tolerance:.2%}; {row.detail})")
    if not checks["passed"].all():
        return 1
    write_vintage()
    write_csv_if_changed(checks, paths.PROCESSED / "checks.csv")
    return 0


def _results(_args) -> int:
    from .assess.results import assess, write_assessment
    from .report.guard import record_fingerprint
    started = time.perf_counter()
    assessment = assess()
    write_assessment(assessment)
    record_fingerprint()
    statuses = assessment.tables["statuses"]
    print(f"[results] {len(statuses)} pledges in {time.perf_counter() - started:.0f}s: "
          f"{statuses['status'].value_counts().to_dict()}")
    return 0


def _makefile(_args) -> int:
    from .build_rules import render
    sys.stdout.write(render())
    return 0


def _report(args) -> int:
    """Build the named reports (or those queued by make) in one process, several at a time."""
    from . import paths
    from .report import specs
    declared = specs.load_specs()
    names = list(args.names)
    if args.queue:
        names += _read_queue(args.queue)
    names = list(dict.fromkeys(names))
    unknown = [n for n in names if n not in declared]
    if unknown:
        print(f"unknown report(s) {unknown}; valid: {', '.join(declared)}", file=sys.stderr)
        return 2
    for name in names:
        specs.validate(declared[name])
    if not names:
        print("[report] nothing to build")
        return 0
    _check_writable(paths.REPORTS)
    os.environ["GWANGJU_BUILD"] = "1"  # the notebooks' freshness check: this build decided what is stale
    if args.kernel:
        return _report_in_kernels([declared[n] for n in names])
    from .report.batch import build_all
    started = time.perf_counter()
    outcomes = build_all([declared[n] for n in names], jobs=args.jobs)
    failed = [o for o in outcomes if not o.ok]
    for outcome in failed:
        print(f"[report] FAILED {outcome.message}", file=sys.stderr)
    print(f"[report] {len(outcomes) - len(failed)} built, {len(failed)} failed in {time.perf_counter() - started:.1f}s")
    return 1 if failed else 0


def _check_writable(folder) -> None:
    """One clear line instead of a traceback per report when reports/ cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{folder}: cannot create the folder ({exc.strerror})") from None
    if not os.access(folder, os.W_OK):
        raise InputError(f"{folder}: not writable; expected a folder the build can write reports into")


def _read_queue(path: str) -> list[str]:
    """Names make queued (one per line); the queue is emptied once read."""
    from pathlib import Path
    queue = Path(path)
    if not queue.exists():
        return []
    names = [line.strip() for line in queue.read_text(encoding="utf-8").splitlines() if line.strip()]
    queue.unlink()
    return names


def _report_in_kernels(selected) -> int:
    """One project kernel per report, one after another: the reference the fast path is tested against."""
    from .report import runner, specs
    failed = 0
    for spec in selected:
        try:
            runner.build(spec)
            print(f"[report] ok {spec.name}")
        except specs.ReportError as exc:
            print(f"[report] FAILED {exc}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def _index(_args) -> int:
    from . import paths
    from .report import index, specs
    path = index.write_index(specs.load_specs())
    print(f"[report] index -> {path.relative_to(paths.ROOT)}")
    return 0


def _review(_args) -> int:
    from .report import review
    changed = review.write()
    print(f"[review] {review.PATH.relative_to(review.paths.ROOT)} {'written' if changed else 'unchanged'}")
    return 0


def _notebooks(_args) -> int:
    from . import paths
    from .report.notebooks import write_ipynb
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
    accept.set_defaults(run=_accept)
    commands.add_parser("check-raw", help="verify data/raw against the manifest").set_defaults(run=_check_raw)
    data = commands.add_parser("data", help="build processed tables")
    data.add_argument("tables", nargs="*")
    data.set_defaults(run=_data)
    commands.add_parser("checks", help="data dictionary, cross-file checks, vintage").set_defaults(run=_checks)
    commands.add_parser("results", help="compute the feasibility assessment").set_defaults(run=_results)
    commands.add_parser("review", help="write docs/evidence-review.md from the registry").set_defaults(run=_review)
    commands.add_parser("makefile", help="print generated make rules").set_defaults(run=_makefile)
    build = commands.add_parser("report", help="build reports by name (all at once, one per core)")
    build.add_argument("names", nargs="*")
    build.add_argument("--queue", help="also build the names listed in this file (written by make)")
    build.add_argument("--jobs", type=int, help="reports at once (default: the number of cores)")
    build.add_argument("--kernel", action="store_true",
                       help="run each notebook in its own project kernel, one after another (slow; for checks)")
    build.set_defaults(run=_report)
    commands.add_parser("index", help="write reports/index.html").set_defaults(run=_index)
    commands.add_parser("notebooks", help="write notebooks/*.ipynb from notebooks/*.py").set_defaults(run=_notebooks)
    fetch = commands.add_parser("fetch", help="pull configured KOSIS tables (needs KOSIS_API_KEY)")
    fetch.add_argument("--dry-run", action="store_true")
    fetch.set_defaults(run=_fetch)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except (InputError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
