"""Employment and firm analysis for any 시도: the region report's numbers."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..assess import backtest as backtesting
from ..assess.assumptions import DEFAULT, Assumptions
from ..assess.forecast import MODELS, interval_frame
from ..assess.outside_view import yearly_changes
from ..assess.results import load_assessment
from ..ingest.registry import registry
from ..tables import queries, store
from ..tables.catalog import table
from ..vocab import regions
from ..vocab.sources import files
from ..vocab.units import persons

RATE = "고용률"


def employment_history(region: str, first_year: int, last_year: int) -> pd.DataFrame:
    """취업자 (천명) by year with `derived` and `source` kept, between the given years."""
    rows = queries.employed(store.load("employment_sido_annual"), region)
    rows = rows[(rows["year"] >= first_year) & (rows["year"] <= last_year)]
    return rows[["year", "value", "derived", "source"]].sort_values("year").reset_index(drop=True)


def rate_history(region: str, first_year: int, last_year: int) -> pd.DataFrame:
    """고용률 (%) by year: the annual file, then 12-month means of the monthly file where it goes further."""
    table_ = store.load("employment_sido_annual")
    rows = table_[(table_["region"] == region) & (table_["item"] == RATE)].dropna(subset=["value"])
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
    table_ = store.load("employment_sido_annual")
    sido = table_[table_["region"].isin(regions.SIDO)]
    rate = sido[sido["item"] == RATE].dropna(subset=["value"])
    rate_year = year or int(rate["year"].max())
    rate = rate[rate["year"] == rate_year][["region", "value"]].rename(columns={"value": "employment_rate"})
    employed = sido[(sido["item"] == queries.EMPLOYED) & ~sido["derived"]].dropna(subset=["value"])
    wide = employed.pivot_table(index="region", columns="year", values="value")
    complete = wide.dropna(axis=1).columns  # 세종 is published from 2017: start where all 17 are
    first, last = int(complete.min()), int(wide.columns.max())
    growth = (wide[last] / wide[first] - 1).rename("employed_growth").reset_index()
    growth["employed_latest"] = wide[last].to_numpy()
    frame = rate.merge(growth, on="region", how="outer")
    frame["rate_rank"] = frame["employment_rate"].rank(ascending=False, method="min")
    frame["growth_rank"] = frame["employed_growth"].rank(ascending=False, method="min")
    frame.attrs.update(rate_year=rate_year, growth_span=(first, last))
    return frame.sort_values("rate_rank").reset_index(drop=True)


def pledge_lines(region: str, assumptions: Assumptions = DEFAULT) -> list[tuple[str, float, int]]:
    """(label, pledged jobs, deadline) of every job pledge for this region measured by its employed
    persons, from the registry: the paths the region chart draws."""
    lines = []
    for pledge in registry().values():
        spec = next((s for s in pledge.measured_series if s["table"] == "employment_sido_annual"), None)
        if spec is None or spec["region"] != region or pledge.metric != "jobs" or not pledge.quantitative:
            continue
        deadline = pledge.deadline_year or assumptions.undated_deadline
        assumed = "까지 가정" if pledge.deadline_year is None else ""
        lines.append((f"{assumptions.base_year} 수준 + {pledge.target_value:,.0f}개 ({deadline}{assumed})",
                      pledge.target_value, deadline))
    return lines


def pledge_paths(history: pd.DataFrame, pledges: list[tuple[str, float, int]], base_year: int) -> pd.DataFrame:
    """Straight paths from the base-year level to base + pledged jobs at each deadline (for drawing)."""
    base = float(history.loc[history["year"] == base_year, "value"].iloc[0])
    rows = []
    for label, jobs, deadline in pledges:
        for year in range(base_year, deadline + 1):
            rows.append({"label": label, "year": year,
                         "value": base + jobs / persons(1) * (year - base_year) / (deadline - base_year)})
    return pd.DataFrame(rows, columns=["label", "year", "value"])


def forecast_region(history: pd.DataFrame, until: int, region: str, assumptions: Assumptions = DEFAULT):
    """Each model's forecast to `until` (intervals calibrated as in the pledge assessment) and the
    rolling-origin backtest summary, for one region's employed persons.

    When the assessment (`make results`) already forecast the same full series to the same year
    with the same assumptions, its tables are reused rather than refitted.
    """
    stored = _stored_forecasts(history, until, region, assumptions)
    if stored is not None:
        return stored
    series = history.set_index("year")["value"].astype(float)
    results = backtesting.backtest(series, assumptions.backtest_first_origin, assumptions.backtest_horizon,
                                   assumptions.interval_levels)
    forecasts = backtesting.calibrated_forecasts(series, until, results, assumptions)
    frame = pd.concat([interval_frame(forecast_, assumptions.interval_levels) for forecast_, _ in forecasts.values()],
                      ignore_index=True)
    return frame, backtesting.backtest_summary(results, assumptions.selection_horizon)


def _stored_forecasts(history: pd.DataFrame, until: int, region: str, assumptions: Assumptions):
    label = f"{queries.EMPLOYED} ({region})"
    full = queries.employed(store.load("employment_sido_annual"), region)
    if assumptions != DEFAULT or list(history["year"]) != list(full["year"]):
        return None
    try:
        stored = load_assessment()
    except FileNotFoundError:
        return None
    forecasts = stored.forecasts[stored.forecasts["series"] == label]
    if forecasts.empty or int(forecasts["year"].max()) != until:
        return None
    backtest = stored.backtests[stored.backtests["series"] == label]
    return forecasts.drop(columns="series").reset_index(drop=True), backtest.drop(columns=["series", "selected"])


def establishments(region: str) -> pd.DataFrame:
    """Census establishments and workers by industry section, first and latest year, with change."""
    census = store.load("establishments_sido_industry")
    rows = census[(census["region"] == region) & (census["business_type"] == "계")
                  & census["item"].isin(["사업체수", "종사자수"])]
    first, last = int(rows["year"].min()), int(rows["year"].max())
    wide = rows[rows["year"].isin([first, last])].pivot_table(
        index=["industry", "ksic"], columns=["item", "year"], values="value", aggfunc="first")
    frame = pd.DataFrame({
        "establishments_first": wide[("사업체수", first)], "establishments_last": wide[("사업체수", last)],
        "workers_first": wide[("종사자수", first)], "workers_last": wide[("종사자수", last)]}).reset_index()
    frame["workers_change"] = frame["workers_last"] - frame["workers_first"]
    frame = frame.sort_values("workers_last", ascending=False).reset_index(drop=True)
    frame.attrs.update(first=first, last=last,
                       source=", ".join(files(rows["source"])))
    return frame


def yearly_change_summary(history: pd.DataFrame) -> dict:
    series = history.set_index("year")["value"]
    changes = yearly_changes(series)
    return {"mean": persons(float(changes.mean())), "sd": persons(float(changes.std(ddof=1))),
            "max": persons(float(changes.max())), "max_year": int(changes.idxmax()),
            "min": persons(float(changes.min())), "min_year": int(changes.idxmin()),
            "positive_share": float(np.mean(changes > 0))}


REGION_TABLES = ("employment_sido_annual", "employment_monthly", "establishments_sido_industry")


def raw_inputs() -> list[str]:
    """The raw files behind the tables a region report reads, in catalog order."""
    return list(dict.fromkeys(path for name in REGION_TABLES for path in table(name).inputs))


def summary_text(region: str, history: pd.DataFrame, rates: pd.DataFrame, changes: dict) -> str:
    """Opening paragraph of a region report, every number from the tables above it."""
    first, last = history.iloc[0], history.iloc[-1]
    rate = rates.iloc[-1]
    derived_years = history.loc[history["derived"], "year"]
    derived = (f" {derived_years.min()}–{derived_years.max()}년 값은 15세이상인구×고용률로 산출했습니다."
               if len(derived_years) else "")
    return (f"{region}의 취업자는 {int(first['year'])}년 {first['value']:,.0f}천 명에서 {int(last['year'])}년 "
            f"{last['value']:,.0f}천 명으로 {last['value'] - first['value']:+,.0f}천 명 변했습니다. 한 해 순증은 평균 "
            f"{changes['mean']:,.0f}명(표준편차 {changes['sd']:,.0f}명)이며, 가장 컸던 해는 {changes['max_year']}년 "
            f"({changes['max']:+,.0f}명), 가장 작았던 해는 {changes['min_year']}년({changes['min']:+,.0f}명)입니다. "
            f"고용률은 {int(rate['year'])}년 {rate['value']:.1f}%({rate['basis']})입니다.{derived}")


def pledge_scale_text(history: pd.DataFrame, jobs: list[float], changes: dict, base_year: int) -> str:
    last = history.iloc[-1]
    parts = [f"공약 {j:,.0f}개는 {int(last['year'])}년 취업자의 {j / persons(last['value']):.1%}, 평균 연간 순증의 "
             f"{j / changes['mean']:.1f}년치입니다" for j in jobs]
    return ("; ".join(parts) + f". 점선은 {base_year}년 수준에서 공약만큼 **순증**하는 경로를 그린 것으로, 추세에 따른 "
            "증가를 빼지 않았습니다. 추세를 뺀 점검은 각 공약 보고서에 있습니다.")


def rank_text(ranking: pd.DataFrame, region: str) -> str:
    row = ranking[ranking["region"] == region].iloc[0]
    first, last = ranking.attrs["growth_span"]
    return (f"{region}의 고용률은 {ranking.attrs['rate_year']}년 {row['employment_rate']:.1f}%로 17개 시도 중 "
            f"{int(row['rate_rank'])}위, 취업자 증가율은 {first}–{last}년 {row['employed_growth']:.1%}로 "
            f"{int(row['growth_rank'])}위입니다. 세종은 2012년 출범한 신도시라 증가율이 예외적으로 큽니다(2017년부터 공표).")


def forecast_table(forecasts: pd.DataFrame, backtest: pd.DataFrame, until: int) -> pd.DataFrame:
    """One row per model: its assumption, the forecast at `until` with its 80% interval, and its
    backtest scores; the model with the lowest CRPS (the one pledge reports select) first."""
    at = forecasts[forecasts["year"] == until].set_index("model")
    scores = backtest.set_index("model")
    rows = []
    for model, (_, assumption) in MODELS.items():
        fit = scores.loc[model] if model in scores.index else None
        rows.append({"model": model, "assumption": assumption, "mean": at.loc[model, "mean"],
                     "lower_80": at.loc[model, "lower_80"], "upper_80": at.loc[model, "upper_80"],
                     "crps": fit["crps"] if fit is not None else np.nan, "mae": fit["mae"] if fit is not None else np.nan,
                     "coverage_80": fit["coverage_80"] if fit is not None else np.nan,
                     "coverage_95": fit["coverage_95"] if fit is not None else np.nan})
    return pd.DataFrame(rows).sort_values("crps", na_position="last").reset_index(drop=True)


def catalog_tables(region: str, periods: int = 8) -> list[dict]:
    """Every catalog table marked `show_in_region_report`, for this 시도: its latest periods by item."""
    from ..tables.catalog import catalog
    shown = []
    for declared in catalog().values():
        if not declared.spec.show_in_region_report:
            continue
        frame = store.load(declared.name)
        if "region" in frame:
            frame = frame[frame["region"] == region]
        labels = [c for c in frame.columns if c not in ("region", "unit", "period", "value", "marker", "flag", "source")]
        latest = sorted(frame["period"].unique())[-periods:]
        wide = frame[frame["period"].isin(latest)].pivot_table(index=labels + ["unit"], columns="period", values="value",
                                                                aggfunc="first", dropna=False)
        shown.append({"name": declared.name, "description": " ".join(declared.description.split()),
                      "table": wide.reset_index(), "sources": files(frame["source"]), "rows": len(frame)})
    return shown
