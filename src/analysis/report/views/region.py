"""What a region report shows for any 시도: employment history, employment rate, its rank among
the 17 시도, calibrated forecasts (stored by `make results`), firms, catalog tables, and for a
시도 that has job pledges their stored verdicts. A pledge's target is drawn only where official
statistics decided its verdict, and then against the same baseline the verdict used."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ...assess import results
from ...assess.assumptions import Assumptions
from ...assess.outside_view import yearly_changes
from ...ingest.registry import registry
from ...tables import queries, store
from ...tables.catalog import catalog
from ...vocab import regions
from ...vocab.sources import compact
from ...vocab.units import persons, thousands
from .accountability import owner
from .common import chosen_assumptions

RATE = "고용률"
# Columns of a long table that are not labels of its rows (a `basis` column, e.g. 광주 after the
# merger: published or the sum of its 자치구, stays a label; its `note` is printed under the table)
NOT_LABELS = ("region", "region_label", "unit", "period", "value", "marker", "flag", "source", "note")
EMPLOYED_SPEC = {"table": "employment_sido_annual", "item": "취업자"}


@dataclass
class RegionView:
    region: str
    first_year: int
    last_year: int
    target_year: int
    assumptions: Assumptions
    history: pd.DataFrame
    rates: pd.DataFrame
    changes: dict
    ranking: pd.DataFrame
    forecasts: pd.DataFrame
    calibration: pd.DataFrame
    targets: list[dict] = field(default_factory=list)
    overrides: dict = field(default_factory=dict)


def region_view(region: str, first_year: int, last_year: int, target_year: int, overrides: dict | None = None
                ) -> RegionView:
    chosen = chosen_assumptions(overrides)
    history = employment_history(region, first_year, last_year)
    forecasts, calibration = region_forecasts(region, target_year, chosen, bool(overrides))
    return RegionView(region, first_year, last_year, target_year, chosen, history,
                      rate_history(region, first_year, last_year), yearly_change_summary(history), ranks(),
                      forecasts, calibration, pledge_targets(region, history, chosen), dict(overrides or {}))


def employment_history(region: str, first_year: int, last_year: int) -> pd.DataFrame:
    """취업자 (천명) by year with `derived` and `source` kept, between the given years."""
    rows = queries.employed(store.load("employment_sido_annual"), region)
    rows = rows[(rows["year"] >= first_year) & (rows["year"] <= last_year)]
    return rows[["year", "value", "derived", "source"]].sort_values("year").reset_index(drop=True)


def rate_history(region: str, first_year: int, last_year: int) -> pd.DataFrame:
    """고용률 (%) by year: the annual file, then 12-month means of the monthly file where it goes further."""
    table = store.load("employment_sido_annual")
    rows = table[(table["region"] == region) & (table["item"] == RATE)].dropna(subset=["value"])
    annual = rows[["year", "value", "source"]].assign(basis="연간 공표값")
    monthly = store.load("employment_monthly")
    means = queries.annual_means(monthly[monthly["region"] == region], RATE)
    means = means[means["year"] > annual["year"].max()][["year", "value", "source"]].assign(basis="월별 12개월 평균")
    annual = pd.concat([annual, means], ignore_index=True)
    annual = annual[(annual["year"] >= first_year) & (annual["year"] <= last_year)]
    return annual.sort_values("year").reset_index(drop=True)


def ranks(year: int | None = None) -> pd.DataFrame:
    """The 17 시도 by employment rate (latest annual year) and by growth of published employed persons
    from the first year all 17 are published."""
    table = store.load("employment_sido_annual")
    sido = table[table["region"].isin(regions.SIDO)]
    rate = sido[sido["item"] == RATE].dropna(subset=["value"])
    rate_year = year or int(rate["year"].max())
    rate = rate[rate["year"] == rate_year][["region", "value", "source"]].rename(
        columns={"value": "employment_rate", "source": "rate_source"})
    employed = sido[(sido["item"] == queries.EMPLOYED) & ~sido["derived"]].dropna(subset=["value"])
    wide = employed.pivot_table(index="region", columns="year", values="value")
    complete = wide.dropna(axis=1).columns  # 세종 is published from 2017: start where all 17 are
    first, last = int(complete.min()), int(wide.columns.max())
    growth = (wide[last] / wide[first] - 1).rename("employed_growth").reset_index()
    growth["employed_latest"] = wide[last].to_numpy()
    frame = rate.merge(growth, on="region", how="outer")
    frame["rate_rank"] = frame["employment_rate"].rank(ascending=False, method="min")
    frame["growth_rank"] = frame["employed_growth"].rank(ascending=False, method="min")
    frame.attrs.update(rate_year=rate_year, growth_span=(first, last),
                       sources=list(rate["rate_source"]) + list(employed[employed["year"].isin([first, last])]["source"]))
    return frame.sort_values("rate_rank").reset_index(drop=True)


def region_forecasts(region: str, until: int, chosen: Assumptions, recompute: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Calibrated forecasts of the region's employed persons (the whole series, whatever years the
    report shows) to `until` and the pooled calibration they rest on; stored ones when they match,
    else computed now (other assumptions or another target year)."""
    stored = results.load_table("region_forecasts")
    stored = stored[stored["region"] == region]
    if not recompute and not stored.empty and int(stored["year"].max()) == until:
        calibration = results.load_table("calibration")
        return (stored.drop(columns="region").reset_index(drop=True),
                calibration[calibration["panel"] == EMPLOYED_SPEC["table"]].reset_index(drop=True))
    from ...assess import statistic
    from ...assess.context import Context
    ctx = Context()
    spec = {**EMPLOYED_SPEC, "region": region}
    return statistic.series_band(ctx, spec, chosen, until), statistic.calibration(ctx, spec, chosen)


def pledge_targets(region: str, history: pd.DataFrame, chosen: Assumptions) -> list[dict]:
    """Each job pledge measured by this region's employed persons, with its stored verdict; `drawn`
    (and `level`, the verdict's baseline plus the pledge) only where the statistic decided it."""
    statuses = results.load_table("statuses").set_index("pledge_id")
    targets = []
    for pledge in registry().values():
        spec = next((s for s in pledge.measured_series if s["table"] == EMPLOYED_SPEC["table"]), None)
        if spec is None or spec["region"] != region or pledge.metric != "jobs" or not pledge.quantitative:
            continue
        row = statuses.loc[pledge.id]
        decided_by = row["decided_by"]
        baseline = next((m["value"] for m in results.load_pledge(pledge.id)["measures"] if m["key"] == "baseline"), None)
        drawn = decided_by == "statistic" and baseline is not None
        targets.append({"pledge_id": pledge.id, "title": pledge.title, "jobs": pledge.target_value,
                        "owner": owner(pledge).badge,
                        "deadline": int(row["deadline"]), "assumed": bool(row["deadline_assumed"]),
                        "status": row["status"], "drawn": drawn,
                        "level": baseline + thousands(pledge.target_value) if drawn else None})
    return targets


def yearly_change_summary(history: pd.DataFrame) -> dict:
    changes = yearly_changes(history.set_index("year")["value"])
    return {"mean": persons(float(changes.mean())), "max": persons(float(changes.max())), "max_year": int(changes.idxmax()),
            "min": persons(float(changes.min())), "min_year": int(changes.idxmin())}


def establishments(region: str) -> pd.DataFrame:
    """Census establishments and workers by industry section, first and latest year, with change."""
    census = store.load("establishments_sido_industry")
    rows = census[(census["region"] == region) & (census["business_type"] == "계")
                  & census["item"].isin(["사업체수", "종사자수"])]
    first, last = int(rows["year"].min()), int(rows["year"].max())
    wide = rows[rows["year"].isin([first, last])].pivot_table(
        index=["industry", "ksic"], columns=["item", "year"], values="value", aggfunc="first")
    frame = pd.DataFrame({
        "establishments_last": wide[("사업체수", last)], "workers_first": wide[("종사자수", first)],
        "workers_last": wide[("종사자수", last)]}).reset_index()
    frame["workers_change"] = frame["workers_last"] - frame["workers_first"]
    frame = frame.sort_values("workers_last", ascending=False).reset_index(drop=True)
    frame.attrs.update(first=first, last=last, sources=list(rows[rows["year"].isin([first, last])]["source"]))
    return frame


def catalog_tables(region: str, periods: int = 8) -> list[dict]:
    """Every catalog table marked `show_in_region_report`, for this 시도: its latest periods by item,
    only the label combinations the data has, each row with its own source lines."""
    shown = []
    for declared in catalog().values():
        if not declared.spec.show_in_region_report:
            continue
        frame = store.load(declared.name)
        if "region" in frame:
            frame = frame[frame["region"] == region]
        labels = [c for c in frame.columns if c not in NOT_LABELS and not c.endswith(("_level", "_parent"))]
        latest = sorted(frame["period"].unique())[-periods:]
        recent = frame[frame["period"].isin(latest)]
        keys = labels + ["unit"]
        wide = recent.pivot_table(index=keys, columns="period", values="value", aggfunc="first", observed=True)
        sources = recent.groupby(keys, observed=True)["source"].agg(lambda s: compact(s.dropna()))
        table = wide.join(sources.rename("sources")).reset_index()
        notes = list(dict.fromkeys(n for n in recent.get("note", pd.Series(dtype=str)).dropna() if n))
        shown.append({"name": declared.name, "description": " ".join(declared.description.split()),
                      "table": table, "periods": [str(p) for p in wide.columns], "notes": notes})
    return shown
