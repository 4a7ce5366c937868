"""The assessment as tidy tables in data/processed/results/, plus one JSON per pledge (what its
report shows): written only when their content changes, read in one place.

Interface (kept stable for checks): statuses.csv (pledge_id, status, deadline, deadline_assumed,
robustness, power, reason_ko, …), sensitivity.csv (pledge_id, scenario, one column per varied
assumption, status), calibration.csv (errors by series, model and horizon from the pooled backtest).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .. import paths, reads
from ..files import write_csv_if_changed, write_if_changed
from . import evidence, history, measures, reference, sensitivity, statistic
from .calibration import error_summary
from .context import Context, panel_key, statistical_spec
from .investment import investment_table
from .ledger import ledger
from .quantitative import mou_projection
from .trace import traced
from .verdict import Verdict, assess_all

TABLES = ("statuses", "parts", "sensitivity", "calibration", "history", "measures", "evidence", "forecasts",
          "region_forecasts", "projections", "investment", "mou", "ggm", "ledger", "searches")
PER_PLEDGE = ("parts", "measures", "evidence", "history", "sensitivity", "searches")


@dataclass
class Assessment:
    tables: dict[str, pd.DataFrame]
    pledges: dict[str, dict]


def deciding_fields(v: Verdict) -> dict:
    """CONTRACT.md's deciding_* fields (empty where nothing numeric decided)."""
    d = v.deciding
    if d is None:
        return {"deciding_label": "", "deciding_value": math.nan, "deciding_low": math.nan, "deciding_high": math.nan,
                "deciding_level": math.nan, "deciding_unit": "", "deciding_target": math.nan}
    return {"deciding_label": d.label, "deciding_value": d.value, "deciding_low": d.low, "deciding_high": d.high,
            "deciding_level": d.level, "deciding_unit": d.unit, "deciding_target": d.target}


def _status_rows(verdicts: dict[str, Verdict], robust: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    frame = pd.DataFrame([{"pledge_id": v.pledge_id, "status": v.status, "deadline": v.deadline,
                           "deadline_assumed": v.deadline_assumed, "power": v.power, "probability": v.probability,
                           "method": v.method, "reason_ko": v.reason, "as_of": v.as_of, "deciding_fact": v.deciding_fact,
                           "role": ctx.pledges[v.pledge_id].source_info.role,
                           "checked": ctx.searches(v.pledge_id)[1] or ctx.last_search(),
                           "decided_by": v.decided_by, **deciding_fields(v), "context_only": ";".join(v.context_only),
                           "jobs_kind": v.jobs_kind, "accountability": v.accountability,
                           "assumptions_read": ";".join(sorted(r for r in v.reads if not r.startswith("recode:")))}
                          for v in verdicts.values()])
    return frame.merge(robust, on="pledge_id", how="left")


def _part_rows(verdicts: dict[str, Verdict]) -> pd.DataFrame:
    """The parts each composite verdict was capped by: named components or pledges it sums."""
    return pd.DataFrame([{"pledge_id": v.pledge_id, "part_id": part_id, "name": name, "status": status, "reason": reason}
                         for v in verdicts.values() for name, status, reason, part_id in v.parts],
                        columns=["pledge_id", "part_id", "name", "status", "reason"])


def _region_forecasts(ctx: Context) -> pd.DataFrame:
    """Calibrated forecasts of every 시도's employed persons to the undated deadline (region reports)."""
    a = ctx.defaults
    frames = [statistic.series_band(ctx, {"table": "employment_sido_annual", "item": "취업자", "region": region}, a,
                                    a.undated_deadline).assign(region=region)
              for region in sorted(ctx.panel({"table": "employment_sido_annual"})["region"].unique())]
    return pd.concat(frames, ignore_index=True)


def _evidence_rows(ctx: Context) -> pd.DataFrame:
    rows = []
    for pledge_id, pledge in ctx.pledges.items():
        for component, item in pledge.all_evidence():
            link = evidence.links(ctx, pledge, [item])[0]
            fact = ctx.fact(item.fact) if item.fact else None
            rows.append({"pledge_id": pledge_id, "component": component, "fact_id": item.fact or "",
                         "means": item.means, "why": item.why, "date": link.date, "outlet": link.outlet,
                         "claim_ko": link.claim, "quote": fact["quote"] if fact is not None else pledge.quote,
                         "url": fact["source_url"] if fact is not None else "", "due": item.due or ""})
    return pd.DataFrame(rows)


def _statistical(ctx: Context) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The pooled calibration of every panel a pledge is measured against (keyed by `panel`), and
    the calibrated forecast bands of each pledge series (keyed by `series`)."""
    calibrations, bands, seen = {}, [], set()
    a = ctx.defaults
    for pledge in ctx.pledges.values():
        spec = statistical_spec(pledge)
        if spec is None or not pledge.quantitative or pledge.metric != "jobs":
            continue
        panel = ":".join(p for p in panel_key(spec) if p)
        if panel not in calibrations:
            calibrations[panel] = statistic.calibration(ctx, spec, a).assign(panel=panel)
        label, _ = ctx.series_rows(spec)
        if label not in seen:
            seen.add(label)
            measure = statistic.measure(ctx, pledge, spec, a, a.undated_deadline)
            bands.append(statistic.band(ctx, spec, measure, a, a.interval_levels).assign(series=label))
    return pd.concat(calibrations.values(), ignore_index=True), pd.concat(bands, ignore_index=True)


def _mou_table(ctx: Context) -> pd.DataFrame:
    pledge = ctx.pledges[ctx.references.ai_jobs.firms_pledge]
    projection = mou_projection(ctx, pledge, traced(ctx.defaults), pledge.deadline_year, None)
    series = projection["series"]
    return series.assign(as_of_date=series["as_of_date"].dt.strftime("%Y-%m-%d"))


def _ggm_table(ctx: Context) -> pd.DataFrame:
    facts = ctx.facts_frame()
    headcount = ctx.references.ggm_headcount
    rows = facts[(facts["topic"] == "ggm") & facts["unit"].isin(headcount.units)].sort_values("as_of_date")
    plan = ctx.fact(headcount.plan)["value"]
    return rows.assign(plan=plan, share_of_plan=rows["value"] / plan)[
        ["fact_id", "as_of", "value", "unit", "plan", "share_of_plan", "outlet", "source_url"]]


def _projections(ctx: Context) -> pd.DataFrame:
    table = reference.official_projections(ctx)
    summary = error_summary(table["relative_error"].to_numpy())
    return pd.concat([table, pd.DataFrame([{"label": "요약(상대오차)", **summary}])], ignore_index=True)


def _clean(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (np.floating, np.integer, np.bool_)):
        return value.item()
    return value


def plain(value):
    """A chart's data as JSON-ready values (numbers, strings, lists, dicts; NaN as null)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return _clean(value)


def _bundles(tables: dict[str, pd.DataFrame], verdicts: dict[str, Verdict]) -> dict[str, dict]:
    """One JSON-ready dict per pledge: everything its report shows, the data of the chart of what
    decided it and every dated update (CONTRACT.md)."""
    bundles = {}
    for row in tables["statuses"].to_dict("records"):
        pledge_id = row["pledge_id"]
        bundles[pledge_id] = {name: [{k: _clean(v) for k, v in r.items() if not (name == "history" and k == "pledge_id")}
                                     for r in tables[name][tables[name]["pledge_id"] == pledge_id].to_dict("records")]
                              for name in PER_PLEDGE}
        bundles[pledge_id]["status"] = {k: _clean(v) for k, v in row.items()}
        bundles[pledge_id]["chart"] = plain(verdicts[pledge_id].chart)
    return bundles


def assess() -> Assessment:
    """The full assessment: verdicts, robustness, history, measures and the tables behind them."""
    ctx = Context()
    a = ctx.defaults
    verdicts = assess_all(ctx, a)
    grid = sensitivity.run(ctx, a, verdicts)
    robust = sensitivity.robustness(grid, {k: v.status for k, v in verdicts.items()})
    investment = investment_table(ctx)
    calibration, forecasts = _statistical(ctx)
    tables = {
        "statuses": _status_rows(verdicts, robust, ctx), "parts": _part_rows(verdicts),
        "sensitivity": sensitivity.wide(grid), "region_forecasts": _region_forecasts(ctx),
        "calibration": calibration, "history": history.history(ctx, a, verdicts),
        "measures": pd.DataFrame([row for pledge_id, v in verdicts.items()
                                  for row in measures.pledge_rows(ctx, ctx.pledges[pledge_id], v, investment)]),
        "evidence": _evidence_rows(ctx), "forecasts": forecasts, "projections": _projections(ctx),
        "investment": investment, "mou": _mou_table(ctx), "ggm": _ggm_table(ctx), "ledger": ledger(ctx),
        "searches": (lambda log: log[log["pledge_id"].isin(list(ctx.pledges))])(ctx.pledge_searches()),
    }
    return Assessment(tables, _bundles(tables, verdicts))


def result_files() -> list[Path]:
    """Every file `write_assessment` writes (what the build records for the results step)."""
    from ..ingest.registry import registry
    return [*(paths.RESULTS / f"{name}.csv" for name in TABLES),
            *(paths.RESULTS / "pledges" / f"{pledge_id}.json" for pledge_id in registry())]


def write_assessment(assessment: Assessment) -> None:
    """Every table and per-pledge JSON, each rewritten only when its content changed."""
    for name, frame in assessment.tables.items():
        write_csv_if_changed(frame, paths.RESULTS / f"{name}.csv")
    for pledge_id, bundle in assessment.pledges.items():
        write_if_changed(paths.RESULTS / "pledges" / f"{pledge_id}.json",
                         json.dumps(bundle, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def load_table(name: str) -> pd.DataFrame:
    """One stored results table (built by `make results`), if the running step declared it."""
    reads.check("result", f"{name}.csv")
    path = paths.RESULTS / f"{name}.csv"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make results`")
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def load_pledge(pledge_id: str) -> dict:
    """What one pledge report shows (results/pledges/<id>.json), if the running step declared it."""
    reads.check("result", f"pledges/{pledge_id}.json")
    path = paths.RESULTS / "pledges" / f"{pledge_id}.json"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make results`")
    return json.loads(path.read_text(encoding="utf-8"))

