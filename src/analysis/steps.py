"""The build's steps as the command line runs them (`python -m analysis data|checks|results|report|
index`): each under the reads config/graph.yaml declares for it, and, when make passes --record,
recording what it read and wrote (graph/records.py) so make can trust its outputs."""
from __future__ import annotations

import os
import sys
import time

from .errors import InputError


def record(reads, outputs) -> None:
    """Record a step the build ran (make passes --record): what it read and wrote."""
    from .graph import records
    records.write(reads, outputs)


def data(args) -> int:
    from .graph.declaration import table_reads
    from .reads import reading
    from .tables import store
    names = args.tables or store.names()
    unknown = sorted(set(names) - set(store.names()))
    if unknown:
        print(f"unknown table(s) {unknown}; expected {store.names()}", file=sys.stderr)
        return 2
    for name in names:
        started = time.perf_counter()
        with reading(table_reads(name)) as reads:
            frame = store.build(name)
        if args.record:
            record(reads, [store.table(name).path])
        print(f"[data] {name}: {len(frame)} rows ({time.perf_counter() - started:.1f}s)")
    return 0 if args.tables else checks(args)


def checks(args) -> int:
    """After the tables: data dictionary, registry references, cross-file checks."""
    from . import paths
    from .files import write_csv_if_changed
    from .graph.declaration import step_reads
    from .ingest.registry import registry
    from .ingest.registry_checks import check_fact_references, check_quotes
    from .reads import reading
    from .tables import crosscheck, dictionary, store
    with reading(step_reads("checks")) as reads:
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
    write_csv_if_changed(checks, paths.PROCESSED / "checks.csv")
    if args.record:
        record(reads, [paths.PROCESSED / "checks.csv", paths.PROCESSED / "README.md"])
    return 0


def results(args) -> int:
    from .assess.results import assess, result_files, write_assessment
    from .graph.declaration import step_reads
    from .reads import reading
    started = time.perf_counter()
    with reading(step_reads("results")) as reads:
        assessment = assess()
    write_assessment(assessment)
    if args.record:
        record(reads, result_files())
    statuses = assessment.tables["statuses"]
    print(f"[results] {len(statuses)} pledges in {time.perf_counter() - started:.0f}s: "
          f"{statuses['status'].value_counts().to_dict()}")
    return 0


def makefile(args) -> int:
    from . import build_rules
    if args.out:
        build_rules.write(args.out)
    else:
        sys.stdout.write(build_rules.render())
    return 0


def report(args) -> int:
    """Build the named reports (or those queued by make) in one process, several at a time. Every
    parameter set is checked before any page is touched."""
    from . import paths
    from .report.execution import specs
    declared = specs.load_specs()
    names = list(args.names)
    if args.queue:
        names += _read_queue(args.queue)
    names = list(dict.fromkeys(names))
    unknown = [n for n in names if n not in declared]
    if unknown:
        print(f"unknown report(s) {unknown}; valid: {', '.join(declared)}", file=sys.stderr)
        return 2
    specs.validate_all(declared)
    if not names:
        print("[report] nothing to build")
        return 0
    _check_writable(paths.REPORTS)
    if args.kernel:
        return _report_in_kernels([declared[n] for n in names])
    from .report.execution.batch import build_all
    started = time.perf_counter()
    outcomes = build_all([declared[n] for n in names], jobs=args.jobs, timeout=args.timeout,
                         on_done=_record_report if args.record else None)
    failed = [o for o in outcomes if not o.ok]
    for outcome in failed:
        print(f"[report] FAILED {outcome.message}", file=sys.stderr)
    print(f"[report] {len(outcomes) - len(failed)} built, {len(failed)} failed in {time.perf_counter() - started:.1f}s")
    return 1 if failed else 0


def _record_report(spec, outcome) -> None:
    from .graph.declaration import report_reads
    if outcome.ok:
        record(report_reads(spec.name, spec.kind, spec.parameters), spec.outputs())


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
    from .report.execution import runner, specs
    failed = 0
    for spec in selected:
        try:
            runner.build(spec)
            print(f"[report] ok {spec.name}")
        except specs.ReportError as exc:
            print(f"[report] FAILED {exc}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def index(args) -> int:
    from . import paths
    from .graph.declaration import step_reads
    from .reads import reading
    from .report import chrome, index
    from .report.execution import specs
    with reading(step_reads("index")) as reads:
        path = index.write_index(specs.load_specs())
    if args.record:
        record(reads, [path, paths.REPORTS / chrome.ANALYST])
    print(f"[report] index -> {path.relative_to(paths.ROOT)}")
    return 0
