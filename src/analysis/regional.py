"""Employment and firm analysis for any 시도: the region report's numbers."""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import models, pipeline, regions
from .assumptions import DEFAULT, Assumptions

RATE = "고용률"


def employment_history(region: str, first_year: int, last_year: int) -> pd.DataFrame:
    """취업자 (천명) by year with `derived` and `source` kept, between the given years."""
    rows = pipeline.employed(pipeline.load("employment_sido_annual"), region)
    rows = rows[(rows["year"] >= first_year) & (rows["year"] <= last_year)]
    return rows[["year", "value", "derived", "source"]].sort_values("year").reset_index(drop=True)


def rate_history(region: str, first_year: int, last_year: int) -> pd.DataFrame:
    """고용률 (%) by year: the annual file, then 12-month means of the monthly file where it goes further."""
    table = pipeline.load("employment_sido_annual")
    rows = table[(table["region"] == region) & (table["item"] == RATE)].dropna(subset=["value"])
    annual = rows[["year", "value", "source"]].assign(basis="연간 공표값")
    monthly = pipeline.load("employment_monthly")
    monthly = monthly[(monthly["region"] == region) & (monthly["item"] == RATE)]
    if len(monthly):
        monthly = monthly.assign(year=monthly["month"].str[:4].astype(int))
        full = monthly.groupby("year").filter(lambda g: len(g) == 12)
        means = full.groupby("year").agg(value=("value", "mean"), source=("source", lambda s: f"{s.iloc[0]} … {s.iloc[-1]}"))
        means = means[means.index > annual["year"].max()].reset_index().assign(basis="월별 12개월 평균")
        annual = pd.concat([annual, means], ignore_index=True)
    annual = annual[(annual["year"] >= first_year) & (annual["year"] <= last_year)]
    return annual.sort_values("year").reset_index(drop=True)


def ranks(year: int | None = None) -> pd.DataFrame:
    """The 17 시도 by employment rate (latest annual year) and by growth of published employed persons
    from the first year all 17 are published."""
    table = pipeline.load("employment_sido_annual")
    sido = table[table["region"].isin(regions.SIDO)]
    rate = sido[sido["item"] == RATE].dropna(subset=["value"])
    rate_year = year or int(rate["year"].max())
    rate = rate[rate["year"] == rate_year][["region", "value"]].rename(columns={"value": "employment_rate"})
    employed = sido[(sido["item"] == pipeline.EMPLOYED) & ~sido["derived"]].dropna(subset=["value"])
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


def pledge_paths(history: pd.DataFrame, pledges: list[tuple[str, float, int]], base_year: int) -> pd.DataFrame:
    """Straight paths from the base-year level to base + pledged jobs at each deadline (for drawing)."""
    base = float(history.loc[history["year"] == base_year, "value"].iloc[0])
    rows = []
    for label, jobs, deadline in pledges:
        for year in range(base_year, deadline + 1):
            rows.append({"label": label, "year": year,
                         "value": base + jobs / 1000 * (year - base_year) / (deadline - base_year)})
    return pd.DataFrame(rows)


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
    results = models.backtest(series, assumptions.backtest_first_origin, assumptions.backtest_horizon,
                              assumptions.interval_levels)
    forecasts = models.calibrated_forecasts(series, until, results, assumptions)
    table = pd.concat([models.interval_frame(fc, assumptions.interval_levels) for fc, _ in forecasts.values()],
                      ignore_index=True)
    return table, models.backtest_summary(results, assumptions.selection_horizon)


def _stored_forecasts(history: pd.DataFrame, until: int, region: str, assumptions: Assumptions):
    from . import feasibility
    label = f"{pipeline.EMPLOYED} ({region})"
    full = pipeline.employed(pipeline.load("employment_sido_annual"), region)
    if assumptions != DEFAULT or list(history["year"]) != list(full["year"]):
        return None
    try:
        stored = feasibility.load()
    except FileNotFoundError:
        return None
    forecasts = stored.forecasts[stored.forecasts["series"] == label]
    if forecasts.empty or int(forecasts["year"].max()) != until:
        return None
    backtest = stored.backtests[stored.backtests["series"] == label]
    return forecasts.drop(columns="series").reset_index(drop=True), backtest.drop(columns=["series", "selected"])


def establishments(region: str) -> pd.DataFrame:
    """Census establishments and workers by industry section, first and latest year, with change."""
    table = pipeline.load("establishments_sido_industry")
    rows = table[(table["region"] == region) & (table["business_type"] == "계")
                 & table["item"].isin(["사업체수", "종사자수"])]
    first, last = int(rows["year"].min()), int(rows["year"].max())
    wide = rows[rows["year"].isin([first, last])].pivot_table(
        index=["industry", "ksic"], columns=["item", "year"], values="value", aggfunc="first")
    frame = pd.DataFrame({
        "establishments_first": wide[("사업체수", first)], "establishments_last": wide[("사업체수", last)],
        "workers_first": wide[("종사자수", first)], "workers_last": wide[("종사자수", last)]}).reset_index()
    frame["workers_change"] = frame["workers_last"] - frame["workers_first"]
    frame = frame.sort_values("workers_last", ascending=False).reset_index(drop=True)
    frame.attrs.update(first=first, last=last,
                       source=", ".join(sorted({s.split(":")[0] for s in rows["source"]})))
    return frame


def yearly_change_summary(history: pd.DataFrame) -> dict:
    series = history.set_index("year")["value"]
    changes = models.yearly_changes(series)
    return {"mean": float(changes.mean()) * 1000, "sd": float(changes.std(ddof=1)) * 1000,
            "max": float(changes.max()) * 1000, "max_year": int(changes.idxmax()),
            "min": float(changes.min()) * 1000, "min_year": int(changes.idxmin()),
            "positive_share": float(np.mean(changes > 0))}


RAW_INPUTS = [pipeline.EAPS_ANNUAL, pipeline.EAPS_INDUSTRY, pipeline.EAPS_MONTHLY, pipeline.CENSUS, pipeline.CENSUS_SALES]


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


def pledge_scale_text(history: pd.DataFrame, jobs: list[int], changes: dict) -> str:
    last = history.iloc[-1]
    parts = [f"공약 {j:,}개는 {int(last['year'])}년 취업자의 {j / (last['value'] * 1000):.1%}, 평균 연간 순증의 "
             f"{j / changes['mean']:.1f}년치입니다" for j in jobs]
    return ("; ".join(parts) + ". 점선은 2021년 수준에서 공약만큼 **순증**하는 경로를 그린 것으로, 추세에 따른 증가를 "
            "빼지 않았습니다. 추세를 뺀 점검은 각 공약 보고서에 있습니다.")


def rank_text(ranking: pd.DataFrame, region: str) -> str:
    row = ranking[ranking["region"] == region].iloc[0]
    first, last = ranking.attrs["growth_span"]
    return (f"{region}의 고용률은 {ranking.attrs['rate_year']}년 {row['employment_rate']:.1f}%로 17개 시도 중 "
            f"{int(row['rate_rank'])}위, 취업자 증가율은 {first}–{last}년 {row['employed_growth']:.1%}로 "
            f"{int(row['growth_rank'])}위입니다. 세종은 2012년 출범한 신도시라 증가율이 예외적으로 큽니다(2017년부터 공표).")


def forecast_table(forecasts: pd.DataFrame, backtest: pd.DataFrame, until: int) -> pd.DataFrame:
    at = forecasts[forecasts["year"] == until].set_index("model")
    rows = []
    for model, (_, assumption) in models.MODELS.items():
        fit = backtest.set_index("model").loc[model] if model in set(backtest["model"]) else None
        rows.append({"model": model, "assumption": assumption, "mean": f"{at.loc[model, 'mean']:,.1f}",
                     "interval": f"{at.loc[model, 'lower_80']:,.1f} – {at.loc[model, 'upper_80']:,.1f}",
                     "mae": f"{fit['mae']:.1f}" if fit is not None else "자료 부족",
                     "coverage_80": f"{fit['coverage_80']:.0%}" if fit is not None else "",
                     "coverage_95": f"{fit['coverage_95']:.0%}" if fit is not None else ""})
    return pd.DataFrame(rows).sort_values("mae").reset_index(drop=True)
