"""The region report's sections, rendered from a RegionView: summary, employment with any
pledge targets, employment rate, rank among the 17 시도, calibrated forecasts with their track
record, firms, and the catalog tables marked for region reports."""
from __future__ import annotations

import pandas as pd

from ..vocab import periods
from ..vocab.units import persons
from . import figures, prose, region_view
from .execution.specs import region_slug
from .markup import badge, esc, heading, link, number, percent
from .page import Output, Page, join

COLUMN_KO = {"item": "항목", "unit": "단위", "region": "지역", "industry": "산업", "sex": "성별", "age": "연령"}


class RegionPage:
    def __init__(self, region: str, first_year: int, last_year: int, target_year: int, overrides: dict | None = None):
        self.view = region_view.region_view(region, first_year, last_year, target_year, overrides)
        self.page = Page(region_slug(region))


def _selected(view) -> pd.Series:
    chosen = view.forecasts[view.forecasts["selected"]]
    return chosen[chosen["year"] == view.target_year].iloc[0]


def header(report: RegionPage) -> Output:
    view, page = report.view, report.page
    history, rates, changes = view.history, view.rates, view.changes
    first, last, rate = history.iloc[0], history.iloc[-1], rates.iloc[-1]
    row = view.ranking[view.ranking["region"] == view.region].iloc[0]
    at = _selected(view)
    page.use("예측구간", prose.MODEL_KO[at["model"]])
    derived = history.loc[history["derived"], "year"]
    lines = [
        f"취업자는 {int(first['year'])}년 {first['value']:,.0f}천 명에서 {int(last['year'])}년 {last['value']:,.0f}천 명으로 "
        f"{last['value'] - first['value']:+,.0f}천 명 변했습니다(한 해 순증 평균 {changes['mean']:,.0f}명, 가장 컸던 해 "
        f"{changes['max_year']}년 {changes['max']:+,.0f}명, 가장 작았던 해 {changes['min_year']}년 {changes['min']:+,.0f}명).",
        f"고용률은 {int(rate['year'])}년 {rate['value']:.1f}%({rate['basis']})이고, {view.ranking.attrs['rate_year']}년 "
        f"17개 시도 중 {int(row['rate_rank'])}위입니다.",
        f"{view.target_year}년 취업자 전망은 {at['mean']:,.0f}천 명(80% 예측구간 {at['lower_80']:,.0f}–{at['upper_80']:,.0f}, "
        f"{prose.MODEL_KO[at['model']]} 모형)입니다.",
    ]
    if len(derived):
        lines.append(f"{derived.min()}–{derived.max()}년 취업자는 15세이상인구×고용률로 산출한 값입니다.")
    marks = page.cite(list(history["source"]) + list(rates["source"]))
    return join(f"<h1>{esc(view.region)} 고용과 사업체, {view.first_year}–{view.last_year}</h1>"
                f'<section class="summary" aria-label="요약"><p>{esc(" ".join(lines))}{marks}</p></section>')


def employment(report: RegionPage) -> Output:
    view, page = report.view, report.page
    page.use("순증과 총 창출")
    last = view.history.iloc[-1]
    alt = (f"{view.region} 취업자는 {int(view.history['year'].min())}년 {view.history['value'].iloc[0]:,.0f}천 명에서 "
           f"{int(last['year'])}년 {last['value']:,.0f}천 명이 되었습니다.")
    for target in view.targets:
        alt += (f" 공약 {target['jobs']:,.0f}개를 {target['base_year']}년 수준에 더한 {target['deadline']}년 목표는 "
                f"{target['level']:,.0f}천 명입니다.")
    fig = figures.history_with_targets(view.history, f"{view.region} 취업자", view.targets)
    body = heading(2, "취업자 추이", "employment") + page.figure(
        fig, alt=alt, caption=f"{view.region} 취업자 (속이 빈 점은 산출값)" + (", 공약 목표(별표)" if view.targets else ""),
        data=view.history, sources=list(view.history["source"]))
    if view.targets:
        frame = pd.DataFrame(view.targets)
        frame["badge"] = frame["status"].map(badge)
        frame["pledge"] = [link(f"pledge-{p}.html", t) for p, t in zip(frame["pledge_id"], frame["title"])]
        frame["share"] = frame["jobs"] / persons(last["value"])
        body += page.table(frame, {"pledge": "공약", "label": "규모 (기한)", "share": f"{int(last['year'])}년 취업자 대비",
                                   "badge": "상태"}, {"share": lambda v: percent(v, 1)}, caption="이 시도의 일자리 공약",
                           markup=("pledge", "badge"), numeric=("share",),
                           data=frame[["pledge_id", "title", "jobs", "deadline", "level", "status"]])
        body += ("<p class=muted>별표는 기준 연도 수준에 공약 규모를 더한 수준으로, 추세에 따른 증가를 빼지 않았습니다. "
                 "추세와 검정력을 따진 점검은 각 공약 보고서에 있습니다.</p>")
    return join(body)


def employment_rate(report: RegionPage) -> Output:
    view, page = report.view, report.page
    rates = view.rates.tail(12)
    return join(heading(2, "고용률", "rate") + page.table(
        rates, {"year": "연도", "value": "고용률 (%)", "basis": "근거"}, {"value": lambda v: f"{v:.1f}"},
        caption=f"{view.region} 고용률 (최근 12년)", sources=list(rates["source"]), numeric=("value",)))


def ranking(report: RegionPage) -> Output:
    view, page = report.view, report.page
    frame, region = view.ranking, view.region
    row = frame[frame["region"] == region].iloc[0]
    first, last = frame.attrs["growth_span"]
    rate_year = frame.attrs["rate_year"]
    rate_fig = figures.ranking(frame, "employment_rate", region, f"시도별 고용률 ({rate_year}년)", "고용률 (%)")
    growth = frame.assign(growth_percent=frame["employed_growth"] * 100)
    growth_fig = figures.ranking(growth, "growth_percent", region, f"시도별 취업자 증가율 ({first}–{last}년)", "증가율 (%)")
    text = (f"{region}의 고용률은 {rate_year}년 {row['employment_rate']:.1f}%로 17개 시도 중 {int(row['rate_rank'])}위, "
            f"취업자 증가율은 {first}–{last}년 {row['employed_growth']:.1%}로 {int(row['growth_rank'])}위입니다.")
    columns = ["region", "employment_rate", "rate_rank", "employed_growth", "growth_rank"]
    return join(heading(2, "17개 시도 가운데 위치", "rank") + f"<p>{esc(text)} 세종은 2012년 출범한 도시라 증가율이 "
                "예외적으로 큽니다(2017년부터 공표).</p>" +
                page.figure(rate_fig, alt=text, caption=f"시도별 고용률 ({rate_year}년, {region} 강조)",
                            data=frame[columns], sources=frame.attrs["sources"]) +
                page.figure(growth_fig, alt=text, caption=f"시도별 취업자 증가율 ({first}–{last}년, {region} 강조)",
                            data=frame[columns], sources=frame.attrs["sources"]))


def forecast(report: RegionPage) -> Output:
    view, page = report.view, report.page
    at = _selected(view)
    page.use("백테스트", *prose.MODEL_KO.values())
    alt = (f"{view.region} 취업자 실적과 {view.target_year}년까지 세 모형의 전망. 선택한 {prose.MODEL_KO[at['model']]} 모형은 "
           f"{view.target_year}년 {at['mean']:,.0f}천 명(80% 예측구간 {at['lower_80']:,.0f}–{at['upper_80']:,.0f})을 "
           "전망합니다.")
    fig = figures.forecast_fan(view.history, view.forecasts, f"{view.region} 취업자 전망 (80% 예측구간)")
    at_year = view.forecasts[view.forecasts["year"] == view.target_year].copy()
    at_year["name"] = at_year["model"].map(prose.MODEL_KO) + at_year["selected"].map({True: " (선택)", False: ""})
    at_year["interval"] = [f"{lo:,.0f}–{hi:,.0f}" for lo, hi in zip(at_year["lower_80"], at_year["upper_80"])]
    body = (heading(2, "전망과 검증", "forecast") +
            "<p>세 모형으로 전망하고, 17개 시도의 과거 연도를 기점으로 실제 값과 비교한 오차(백테스트)로 구간의 폭과 "
            "치우침을 보정합니다. 오차가 가장 작은 모형을 선택합니다(공약 보고서와 같은 방법).</p>" +
            page.figure(fig, alt=alt, caption=f"{view.region} 취업자 실적과 전망 (선택한 모형 굵게)",
                        data=pd.concat([view.history.assign(kind="실적"), view.forecasts.assign(kind="전망")]),
                        sources=list(view.history["source"])) +
            page.table(at_year, {"name": "모형", "mean": f"{view.target_year}년 전망 (천 명)", "interval": "80% 예측구간"},
                       {"mean": number}, caption=f"{view.target_year}년 전망", numeric=("mean",)))
    return join(body + track_record(report, at["model"]))


def track_record(report: RegionPage, model: str) -> str:
    """The CBO-style error table of the selected model, by horizon, from the pooled backtest."""
    rows = report.view.calibration
    rows = rows[rows["model"] == model]
    if rows.empty:
        return ""
    shown = rows.assign(spread=[f"{lo:+.1%} ~ {hi:+.1%}" for lo, hi in zip(rows["two_thirds_low"],
                                                                        rows["two_thirds_high"])])
    return report.page.table(
        shown, {"horizon": "몇 년 앞", "forecasts": "예측 수", "mean_error": "평균 오차", "mae": "평균 절대 오차",
                "rmse": "제곱근 평균 제곱 오차", "spread": "가운데 3분의 2", "coverage_80_calibrated": "보정 뒤 80% 구간 적중"},
        {"mean_error": lambda v: f"{v:+.1%}", "mae": lambda v: percent(v, 1), "rmse": lambda v: percent(v, 1),
         "coverage_80_calibrated": percent},
        caption=f"{prose.MODEL_KO[model]} 모형의 과거 예측 성적 (17개 시도, 실제 값 대비 상대 오차)",
        numeric=("horizon", "forecasts", "mean_error", "mae", "rmse", "coverage_80_calibrated"))


def firms(report: RegionPage) -> Output:
    view, page = report.view, report.page
    frame = region_view.establishments(view.region)
    first, last = frame.attrs["first"], frame.attrs["last"]
    return join(heading(2, "사업체와 종사자", "firms") + page.table(
        frame.head(12), {"industry": "산업", "establishments_last": f"사업체 수 {last}", "workers_last": f"종사자 수 {last}",
                         "workers_change": f"종사자 증감 {first}–{last}"},
        dict.fromkeys(("establishments_last", "workers_last", "workers_change"), number),
        caption=f"전국사업체조사: 종사자가 많은 12개 산업 ({view.region})", sources=frame.attrs["sources"],
        numeric=("establishments_last", "workers_last", "workers_change")) +
        "<p class=muted>2020년부터 등록부 기반 집계라 2019년 이전 조사와 비교할 수 없습니다. 'AI 기업' 수를 세는 공식 통계는 "
        "없습니다.</p>")


def catalog_tables(report: RegionPage) -> Output:
    page, parts = report.page, []
    for extra in region_view.catalog_tables(report.view.region):
        frame = extra["table"]
        columns = {c: COLUMN_KO.get(str(c), periods.label_ko(str(c))) for c in frame.columns}
        parts.append(page.table(frame, columns, caption=extra["description"], sources=extra["sources"]))
    if not parts:
        return join()
    return join(heading(2, "카탈로그의 다른 표", "catalog"), "<p>자료 카탈로그에서 지역 보고서에 보이도록 표시한 표입니다"
                "(최근 8개 시점).</p>", *parts)
