"""The pledge report's numbers: the measures table, what official statistics can and cannot
detect, the forecast chart, the delivery model's reference cases, the MOU projection, jobs per
investment and GGM's headcount. Every number cites its source; every chart says its conclusion."""
from __future__ import annotations

import re

import pandas as pd

from ..vocab.units import thousands
from . import figures, prose
from .markup import esc, heading, number, percent
from .page import Output, join
from .pledge_page import PledgePage, quantity

TERMS_BY_MEASURE = {
    "share_of_level": ("순증과 총 창출",), "baseline": ("백테스트", "예측구간"), "probability": ("백테스트", "예측구간"),
    "power": ("검정력",), "minimum_detectable": ("최소 검출 규모",), "outside_view": ("외부 관점",),
    "delivered": ("전달 모형",), "mou_rate": ("업무협약 계수 모형", "업무협약"), "mou_dispersion": ("과산포",),
    "presence_share": ("제프리스 구간",), "shift_share": ("변이-할당 분석",), "synthetic_gap": ("합성통제",),
    "nowcast": ("현재 추정",),
}
GGM_UNITS = {"hired": "채용 누계", "employees": "직원", "jobs": "일자리"}


def numbers(report: PledgePage) -> Output:
    view, page = report.view, report.page
    rows = [m for m in view.measures if m["key"] != "case"]
    if not rows and view.ggm is None:
        return join()
    for row in rows:
        page.use(*TERMS_BY_MEASURE.get(row["key"], ()))
    parts = [heading(2, "수치로 본 점검", "numbers"), detectability(report)]
    if rows:
        frame = pd.DataFrame(rows)
        frame["shown"] = frame.apply(quantity, axis=1)
        frame["cited"] = [f"{esc(label)}{page.cite(src) if src else ''}" for label, src in
                          zip(frame["label"], frame["sources"])]
        parts.append(page.table(frame, {"cited": "측정", "shown": "값", "method": "방법", "note": "유의사항"},
                                caption="측정과 구간", markup=("cited",), data=pd.DataFrame(rows)))
    parts += [forecast_chart(report), delivery_cases(report), mou_chart(report), investment(report), ggm(report)]
    return join(*parts)


def detectability(report: PledgePage) -> str:
    power = report.view.measure("power")
    if power is None:
        return ""
    threshold = report.view.assumptions.power_threshold
    smallest = report.view.measure("minimum_detectable")
    target = report.pledge.target_value
    if power["value"] is None:
        text = ("백테스트가 기한까지의 거리에 닿지 않아, 공식 통계가 이 공약 규모를 가려낼 수 있는지 알 수 없습니다. "
                "통계는 참고로만 보여 줍니다.")
    elif power["value"] < threshold:
        text = (f"공식 통계로는 이 공약의 이행 여부를 알 수 없습니다. 공약 {target:,.0f}명을 모두 이행해도 취업자 통계가 이를 "
                f"가려낼 확률(검정력)은 {power['value']:.0%}로 기준 {threshold:.0%}에 못 미치고, 통계가 알아챌 수 있는 "
                f"최소 규모는 약 {number(smallest['value'])}명입니다. 아래의 도달 확률은 참고로만 봅니다.")
    else:
        text = f"취업자 통계가 공약 규모를 가려낼 검정력이 {power['value']:.0%}로 기준 {threshold:.0%} 이상이라 판정에 씁니다."
    return f'<p class="detect"><strong>통계로 보이는가</strong>: {esc(text)}</p>'


def forecast_chart(report: PledgePage) -> str:
    view, page = report.view, report.page
    if view.series is None or view.forecasts is None or view.forecasts.empty:
        return ""
    label, rows = view.series
    deadline = int(view.status["deadline"])
    baseline = view.measure("baseline")["value"]
    level = baseline + thousands(report.pledge.target_value)
    chosen = view.forecasts[view.forecasts["selected"]]
    at = chosen[chosen["year"] == deadline].iloc[0]
    where = "안에" if at["lower_80"] <= level <= at["upper_80"] else ("위에" if level > at["upper_80"] else "아래에")
    name = prose.MODEL_KO[at["model"]]
    alt = (f"{label}의 {int(rows['year'].max())}년까지 실적과 {deadline}년까지의 전망. 선택한 모형({name})의 {deadline}년 "
           f"80% 예측구간은 {at['lower_80']:,.0f}–{at['upper_80']:,.0f}천 명이고, 목표 수준 {level:,.0f}천 명은 그 구간 "
           f"{where} 있습니다.")
    page.use(name)
    fig = figures.forecast_fan(rows, view.forecasts, f"{label}: 전망과 목표 수준",
                               {"year": deadline, "level": level, "label": f"목표 수준 ({deadline}년)"})
    data = pd.concat([rows[["year", "value", "source"]].assign(kind="실적"),
                      view.forecasts.assign(kind="전망")], ignore_index=True)
    return page.figure(fig, alt=alt, caption=f"{label} 실적, 세 모형의 전망(선택한 모형 굵게, 80% 예측구간)과 "
                       f"{deadline}년 목표 수준(별표)", data=data, sources=list(rows["source"]))


def delivery_cases(report: PledgePage) -> str:
    page = report.page
    cases = [m for m in report.view.measures if m["key"] == "case"]
    if not cases:
        return ""
    frame = pd.DataFrame(cases)
    frame["share"] = frame["value"].map(percent)
    frame["cited"] = [f"{esc(label)}{page.cite(src)}" for label, src in zip(frame["label"], frame["sources"])]
    return page.table(frame, {"cited": "과거 사례", "method": "실제 ÷ 계획", "share": "전달 비율", "note": "유의사항"},
                      caption="전달 모형의 과거 사례 (광주에서 발표된 계획과 실제)", markup=("cited",), numeric=("share",),
                      data=frame[["label", "method", "value", "note", "sources"]])


def mou_chart(report: PledgePage) -> str:
    view, page = report.view, report.page
    present = view.measure("present_firms")
    if view.mou is None or present is None:
        return ""
    deadline = int(view.status["deadline"])
    last = view.mou.iloc[-1]
    projection = {"date": pd.Timestamp(deadline, 12, 31), "present_mean": present["value"],
                  "present_lower": present["lower"], "present_upper": present["upper"],
                  "target": report.pledge.target_value}
    alt = (f"누적 AI 업무협약은 {last['as_of_date']:%Y-%m-%d} {last['value']:,.0f}건입니다. {deadline}년 말 광주에 실제로 "
           f"자리 잡은 협약 기업은 {present['value']:,.0f}개(95% 구간 {present['lower']:,.0f}–{present['upper']:,.0f})로 "
           f"전망되어 목표 {report.pledge.target_value:,.0f}개에 못 미칩니다." if present["upper"] < report.pledge.target_value
           else f"{deadline}년 말 입주 기업 전망 구간이 목표 {report.pledge.target_value:,.0f}개를 포함합니다.")
    fig = figures.mou_projection(view.mou, projection, "광주시 누적 AI 업무협약 수와 기한의 입주 기업 전망")
    page.use("업무협약")
    return page.figure(fig, alt=alt, caption="누적 AI 업무협약 수(발표 시점별)와 기한 말의 입주 기업 전망, 공약 목표(별표)",
                       data=view.mou, sources=[f"fact:{f}" for f in view.mou["fact_id"]]) + \
        f"<p class=muted>{esc(prose.MOU_CAVEAT)}</p>"


def _year_of(text: str) -> str:
    match = re.search(r"\d{4}(-\d{2}(-\d{2})?)?", str(text))
    return match.group(0) if match else "연도 미상"


def investment(report: PledgePage) -> str:
    view, page = report.view, report.page
    ratio = view.measure("jobs_per_trillion")
    if view.investment is None or ratio is None:
        return ""
    table = view.investment.assign(year=lambda d: d["as_of"].map(_year_of),
                                   covers_ko=lambda d: d["covers"].map(lambda c: figures.COVERS_KO[c][0]))
    project = table[(table["kind"] == "project") & (table["covers"] == "direct")]["jobs_per_trillion_krw"]
    alt = (f"공약이 함축하는 1조원당 일자리는 {ratio['value']:,.0f}명으로, 실제 사업의 직접 고용 "
           f"{project.min():,.0f}–{project.max():,.0f}명/조원과 비교됩니다(로그 척도 막대).")
    fig = figures.investment_per_job(table, ratio["value"], "1조원당 일자리: 공약과 비교 대상")
    table["cited"] = [f"{esc(c)}{page.cite(src)}" for c, src in zip(table["comparison"], table["sources"])]
    return (page.figure(fig, alt=alt, caption="1조원당 일자리: 공약(점선)과 비교 사업·계수", data=view.investment,
                        sources=list(view.investment["sources"])) +
            page.table(table, {"cited": "비교 대상", "jobs_per_trillion_krw": "1조원당 일자리", "covers_ko": "포함 범위",
                               "year": "기준"}, {"jobs_per_trillion_krw": number},
                       caption="비교 대상", markup=("cited",), numeric=("jobs_per_trillion_krw",), data=view.investment) +
            f"<p class=muted>{esc(prose.INVESTMENT_CAVEAT)}</p>")


def ggm(report: PledgePage) -> str:
    view, page = report.view, report.page
    if view.ggm is None:
        return ""
    frame = view.ggm.copy()
    plan = frame["plan"].iloc[0]
    frame["kind"] = frame["unit"].map(GGM_UNITS).fillna("인원")
    frame["cited"] = [f"{esc(o)}{page.cite('fact:' + f)}" for o, f in zip(frame["outlet"], frame["fact_id"])]
    return page.table(frame, {"as_of": "시점", "value": "인원", "kind": "구분", "share_of_plan": f"계획 {plan:,.0f}명 대비",
                              "cited": "보도"}, {"value": number, "share_of_plan": percent},
                      caption="광주글로벌모터스 고용 인원과 정규직 채용 계획 (광주형 일자리 1호)", markup=("cited",),
                      numeric=("value", "share_of_plan"), data=view.ggm)
