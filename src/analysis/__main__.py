"""Command line: `python -m analysis COMMAND`. The Makefile calls these; analysts can too.

  ingest PATH [--out FILE.csv] [--item I --unit U]   read a KOSIS export and say what was detected
  check-raw                                          verify data/raw against the manifest
  data [TABLE ...]                                   build processed tables (all of them: + checks)
  checks                                             data dictionary, registry references, cross-file checks
  results                                            compute the feasibility assessment
  makefile                                           print the generated per-table / per-report rules
  report NAME [NAME ...]                             build reports (names from config/reports.yaml)
  index                                              write reports/index.html
  fetch [--dry-run]                                  pull configured tables from the KOSIS OpenAPI
"""
from __future__ import annotations

import argparse
import json
import sys
import time


def _ingest(args) -> int:
    from .kosis import read_kosis
    table = read_kosis(args.path, item=args.item, unit=args.unit)
    print(table.summary(), file=sys.stderr)
    if args.out:
        table.data.to_csv(args.out, index=False)
        print(f"wrote {len(table.data)} rows to {args.out}", file=sys.stderr)
    else:
        table.data.to_csv(sys.stdout, index=False)
    return 0


def _check_raw(_args) -> int:
    from . import manifest
    problems = manifest.check_all()
    for problem in problems:
        print(f"data/raw/{problem}", file=sys.stderr)
    if not problems:
        print("data/raw: every file matches its manifest entry")
    return 1 if problems else 0


def write_vintage() -> None:
    """Latest period of each input, for report footers."""
    from . import paths, pipeline
    annual = pipeline.load("employment_sido_annual")
    monthly = pipeline.load("employment_monthly")
    census = pipeline.load("establishments_sido_industry")
    manufacturing = pipeline.load("manufacturing_ksic2_2024")
    facts = pipeline.load("facts")
    vintage = {
        "경제활동인구조사 시도별 연간 (고용률 등)": int(annual.loc[annual["item"] == "고용률", "year"].max()),
        "경제활동인구조사 시도·산업별 취업자": int(annual.loc[(annual["item"] == "취업자") & ~annual["derived"], "year"].max()),
        "경제활동인구조사 월별 (광주)": str(monthly["month"].max()),
        "전국사업체조사": int(census["year"].max()),
        "광업제조업조사 중분류 (광주)": int(manufacturing["year"].max()),
        "사실 자료 facts.csv (최신 보도일)": str(facts["published_date"].max().date()),
    }
    (paths.PROCESSED / "vintage.json").write_text(json.dumps(vintage, ensure_ascii=False, indent=1), encoding="utf-8")


def _data(args) -> int:
    from . import pipeline
    names = args.tables or list(pipeline.TABLES)
    unknown = sorted(set(names) - set(pipeline.TABLES))
    if unknown:
        print(f"unknown table(s) {unknown}; expected {sorted(pipeline.TABLES)}", file=sys.stderr)
        return 2
    for name in names:
        started = time.perf_counter()
        frame = pipeline.build(name)
        print(f"[data] {name}: {len(frame)} rows ({time.perf_counter() - started:.1f}s)")
    return 0 if args.tables else _checks(args)


def _checks(_args) -> int:
    """After the tables: data dictionary, registry references, cross-file checks, vintage."""
    from . import crosscheck, pipeline, pledges
    pipeline.write_dictionary()
    pledges.check_fact_references(pledges.registry(), set(pipeline.load("facts")["fact_id"]))
    checks = crosscheck.run()
    for row in checks.itertuples():
        print(f"[check] {'ok ' if row.passed else 'FAIL'} {row.check}: worst gap {row.worst_relative_gap:.4%} "
              f"(tolerance {row.tolerance:.2%}; {row.detail})")
    if not checks["passed"].all():
        return 1
    write_vintage()
    checks.to_csv(pipeline.paths.PROCESSED / "checks.csv", index=False)
    return 0


def _results(_args) -> int:
    from . import feasibility
    assessment = feasibility.assess()
    feasibility.write(assessment)
    counts = assessment.statuses["status"].value_counts().to_dict()
    print(f"[results] {len(assessment.statuses)} pledges: {counts}")
    return 0


def _makefile(_args) -> int:
    from .makegen import render
    sys.stdout.write(render())
    return 0


def _report(args) -> int:
    from . import report
    specs = report.load_specs()
    unknown = [n for n in args.names if n not in specs]
    if unknown:
        print(f"unknown report(s) {unknown}; valid: {', '.join(specs)}", file=sys.stderr)
        return 2
    for spec in (specs[n] for n in args.names):
        report.validate(spec)
    failed = 0
    for name in args.names:
        started = time.perf_counter()
        print(f"[report] {name} …", flush=True)
        try:
            path = report.build(specs[name])
        except report.ReportError as exc:
            print(f"[report] FAILED {exc}", file=sys.stderr)
            failed += 1
            continue
        print(f"[report] {name} done in {time.perf_counter() - started:.1f}s -> {path.relative_to(report.paths.ROOT)}")
    return 1 if failed else 0


def _index(_args) -> int:
    from . import report
    path = report.write_index(report.load_specs())
    print(f"[report] index -> {path.relative_to(report.paths.ROOT)}")
    return 0


def _fetch(args) -> int:
    from . import fetch
    return fetch.main(dry_run=args.dry_run)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="read a KOSIS export and report what was detected")
    ingest.add_argument("path")
    ingest.add_argument("--out")
    ingest.add_argument("--item", help="item name, for exports without an item row")
    ingest.add_argument("--unit", help="unit, for exports that do not state one")
    ingest.set_defaults(run=_ingest)
    commands.add_parser("check-raw", help="verify data/raw against the manifest").set_defaults(run=_check_raw)
    data = commands.add_parser("data", help="build processed tables")
    data.add_argument("tables", nargs="*")
    data.set_defaults(run=_data)
    commands.add_parser("checks", help="data dictionary, cross-file checks, vintage").set_defaults(run=_checks)
    commands.add_parser("results", help="compute the feasibility assessment").set_defaults(run=_results)
    commands.add_parser("makefile", help="print generated make rules").set_defaults(run=_makefile)
    build = commands.add_parser("report", help="build reports by name")
    build.add_argument("names", nargs="+")
    build.set_defaults(run=_report)
    commands.add_parser("index", help="write reports/index.html").set_defaults(run=_index)
    fetch = commands.add_parser("fetch", help="pull configured KOSIS tables (needs KOSIS_API_KEY)")
    fetch.add_argument("--dry-run", action="store_true")
    fetch.set_defaults(run=_fetch)
    args = parser.parse_args(argv)
    from .errors import InputError
    try:
        return args.run(args)
    except (InputError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
