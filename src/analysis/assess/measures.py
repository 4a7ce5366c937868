"""The numbers a pledge report shows beside its verdict, each with its method and sources: scale,
outside view, detectability, calibrated forecasts, the delivery model, the MOU count process,
counterfactual benchmarks and investment per job. Computed once, at the default assumptions."""
from __future__ import annotations

import math

import pandas as pd

from ..vocab.regions import NATIONAL
from ..vocab.sources import compact
from ..vocab.units import persons
from . import counterfactual, nowcast, outside_view, statistic
from .context import Context, statistical_spec
from .forecast import MODEL_NAMES_KO
from .investment import jobs_per_trillion
from .quantitative import ai_jobs_prediction, class_for, delivery_prediction, mou_projection
from .trace import traced
from .verdict import Verdict

# The assumptions each measure row reads: a report's appendix lists only those of its own rows.
ASSUMPTIONS_BY_MEASURE = {
    "years_recent": ("recent_years",),
    "outside_view": ("trend_years", "outside_view_breaks"),
    "baseline": ("base_year", "baseline", "train_start", "backtest_first_origin", "selection_horizon", "model"),
    "power": ("power_threshold", "detect_alpha"),
    "minimum_detectable": ("power_threshold", "detect_alpha"),
    "probability": ("on_track_probability", "unlikely_probability", "interval_levels"),
    "delivered": ("delivery_growth", "delivery_overshoot", "reference_cases", "reference_target", "reference_min_years",
                  "excluded_reference_case"),
    "delivery_probability": ("full_delivery_share", "on_track_probability", "unlikely_probability"),
    "mou_rate": ("mou_regimes", "mou_regime_starts"),
    "presence_share": ("mou_presence_fact",),
    "present_firms": ("simulation_draws", "seed", "on_track_probability", "unlikely_probability"),
    "shift_share": ("base_year",),
    "synthetic_gap": ("base_year",),
}


class Rows:
    """The measure rows of one pledge, in the order its report shows them."""

    def __init__(self, pledge_id: str):
        self.pledge_id, self.items = pledge_id, []

    def add(self, key: str, label: str, value, unit: str = "", *, lower=math.nan, upper=math.nan, method: str = "",
            sources: str = "", note: str = "") -> None:
        self.items.append({"pledge_id": self.pledge_id, "key": key, "label": label, "value": value, "lower": lower,
                           "upper": upper, "unit": unit, "method": method, "sources": sources, "note": note})


def _facts(*fact_ids: str) -> str:
    return "; ".join(f"fact:{f}" for f in fact_ids)


def series_rows(ctx: Context, pledge, spec: dict, verdict: Verdict, out: Rows) -> statistic.SeriesMeasure:
    a = ctx.defaults
    measure = statistic.measure(ctx, pledge, spec, a, verdict.deadline)
    sources = compact(measure.sources)
    _scale_rows(measure, a, sources, out)
    _outside_view_row(ctx, spec, measure, a, sources, out)
    _detectability_rows(measure, a, sources, out)
    out.add("probability", f"{verdict.deadline}년 목표 수준(기준선 + 공약)에 이를 확률", measure.probability, "probability",
            method=f"{MODEL_NAMES_KO[measure.model]}, {measure.regions}개 시도 백테스트로 편향·폭 보정", sources=sources,
            note="순증 검정: 취업자 수가 이 수준에 이르러도 공약 사업이 일자리를 만들었다는 증거가 아님.")
    return measure


def _scale_rows(measure, a, sources: str, out: Rows) -> None:
    size = outside_view.scale(measure.increment, measure.series, a.recent_years)
    out.add("share_of_level", f"규모: {size['latest_year']}년 {measure.label} 대비 공약", size["share_of_latest_level"],
            "ratio", method="공약 ÷ 최신 수준", sources=sources, note="공약(총 창출)을 취업자 수(순 저량)에 견준 값.")
    recent = persons(size["mean_change_recent"])
    label = f"규모: 최근 {a.recent_years}년({size['recent_from']}~{size['latest_year']}) 평균 연간 순증의 몇 년치"
    if recent <= 0:
        out.add("years_recent", label, math.nan, "years", method=f"평균 순증 {recent:,.0f}명/년", sources=sources,
                note="최근 평균 순증이 0 이하라 공약을 '몇 년치'로 잴 수 없음: 이 산업의 취업자는 줄고 있음.")
        return
    out.add("years_recent", label, size["years_recent"], "years", method=f"평균 순증 {recent:,.0f}명/년",
            sources=sources, note=f"{size['first_year']}년 이후 전체 평균({persons(size['mean_change_all']):,.0f}명/년)으로는 "
                                  f"{size['years_all']:.1f}년치.")


def _outside_view_row(ctx: Context, spec: dict, measure, a, sources: str, out: Rows) -> None:
    view = outside_view.outside_view(ctx.panel(spec), measure.increment / measure.baseline, measure.horizon,
                                      a.trend_years, a.outside_view_breaks)
    label = f"다른 시도 사례: {view['window']}년 동안 자기 추세보다 공약 규모 이상 더 늘어난 비율"
    if not view["spans"]:
        out.add("outside_view", label, math.nan, "ratio", sources=sources,
                note=f"자료가 {measure.series.index.min()}년부터라 직전 {a.trend_years}년 추세와 {view['window']}년 구간을 "
                     "함께 잴 수 있는 시도가 없음.")
        return
    left_out = ("제외: " + ", ".join(view["left_out"]) + "(시도 분리·신설로 추세를 잴 수 없음). ") if view["left_out"] else ""
    out.add("outside_view", label, view["share_at_least"], "ratio",
            method=f"{view['regions']}개 시도, 구간 {view['spans']}개; 추세는 직전 {a.trend_years}년 평균 증가",
            sources=sources, note=left_out + "구간이 겹쳐 서로 독립이 아님.")


def _detectability_rows(measure, a, sources: str, out: Rows) -> None:
    out.add("baseline", f"공약 없을 때의 기준선 ({measure.horizon}년 뒤)", measure.baseline, "천명",
            method=f"{a.base_year}년까지의 자료로 {MODEL_NAMES_KO[measure.model]} 전망(편향 보정)" if a.baseline == "trend"
            else f"{a.base_year}년 수준", sources=sources)
    out.add("power", "검정력: 공약을 모두 이행했을 때 통계가 이를 가려낼 확률", measure.power, "probability",
            method=f"{measure.regions}개 시도 {measure.horizon}년 앞 예측오차의 퍼짐, 유의수준 {a.detect_alpha:.0%}"
            if measure.regions else f"유의수준 {a.detect_alpha:.0%}",
            sources=sources, note="계산 불가: 백테스트가 이 거리까지 닿지 않음." if math.isnan(measure.power) else "")
    if measure.regions:
        out.add("own_bias", f"광주 자체의 {measure.horizon}년 앞 예측 치우침(실제 대비)", measure.own_bias, "ratio",
                method=f"광주의 과거 예측만의 평균 오차; {measure.regions}개 시도를 모은 치우침은 "
                       f"{measure.pooled_bias:+.1%}", sources=sources,
                note="광주 하나의 오차는 몇 개뿐이라 판정에는 모은 값을 씀.")
    out.add("minimum_detectable", "최소 검출 규모(검정력 80%)", persons(measure.minimum_detectable), "명",
            method="(유의수준의 정규분위수 + 검정력의 정규분위수) × 예측오차 퍼짐 × 기준선", sources=sources)
    if measure.refused:
        out.add("refused", "계산이 제대로 되지 않아 뺀 전망 방법 수", len(measure.refused), "개",
                method=", ".join(MODEL_NAMES_KO[m] for m in measure.refused),
                note="두 평활 계수가 하한(0.0001)에 붙어 결정적 추세와 같음.")


def delivery_rows(ctx: Context, pledge, verdict: Verdict, out: Rows) -> None:
    a = traced(ctx.defaults)
    if pledge.delivery == "ai_jobs":
        result, _ = ai_jobs_prediction(ctx, pledge, a, verdict.deadline, None)
        rates = [f"fact:{r.jobs}; fact:{r.firms}" for r in ctx.references.ai_jobs.per_firm]
        out.add("delivered", f"{verdict.deadline}년 AI 기업 일자리 전망", result["mean"], "개", lower=result["low"],
                upper=result["high"], method=f"입주 기업 전망 × 기업당 일자리 {result['rate_low']:.1f}–"
                                              f"{result['rate_high']:.1f}명(보도된 비율 사이 균등); 80% 구간",
                sources="; ".join(rates), note="협약 기업 밖의 AI 일자리는 세지 않음(세는 통계가 없음).")
        return
    prediction = delivery_prediction(ctx, pledge, a, verdict.deadline, None)
    if prediction is None:
        return
    result, cases = prediction["result"], prediction["cases"]
    sources = _facts(*[f for c in cases for f in c.sources])
    kind = "직접 고용" if prediction["kind"] == "direct" else "유발 고용"
    unit = ctx.references.classes[prediction["class"]].unit
    # a class shown beside another measure (or beside the sum of its parts): never the key number
    context = "" if pledge.delivery and not pledge.parts else "context_"
    out.add(f"{context}delivered", "과거 사례만으로 본 기한까지의 이행 예상(가운데 값)", result["median"], unit, lower=result["low"],
            upper=result["high"], sources=sources,
            method=f"과거 사례 {len(cases)}건의 약속 대비 실적과 발표 뒤 경과 연수({result['years']:.1f}년)로 본 예상; 80% 구간",
            note=f"{kind} 기준. 공약이 과거 사례와 같은 부류라고 가정; 사례가 적어 불확실함.")
    out.add(f"{context}delivery_probability", f"과거 사례만으로 본 {verdict.deadline}년까지 {pledge.target_value:,.0f}개 목표를 달성할 확률",
            result["probability"], "probability", lower=result["probability_low"], upper=result["probability_high"],
            method="같은 과거 사례로 본 확률; 80% 구간", sources=sources)
    for case in cases:
        out.add("case", case.label, case.ratio, "ratio", sources=_facts(*case.sources), note=case.note,
                method=f"{case.delivered:,.0f} ÷ {case.promised:,.0f}, 발표 {case.years:.1f}년 뒤")
    labels = {c.id: c.label for c in cases}
    for row in prediction["loo"]:
        out.add("case_left_out", f"'{labels[row['left_out']]}' 사례를 빼고 계산한 확률", row["probability"], "probability",
                method="나머지 사례로 다시 계산한 확률", sources=sources)


def mou_rows(ctx: Context, pledge, verdict: Verdict, out: Rows) -> None:
    a = ctx.defaults
    p = mou_projection(ctx, pledge, traced(a), verdict.deadline, None)
    fit, result, last = p["fit"], p["result"], p["last"]
    mou_sources = _facts(*p["series"]["fact_id"])
    presence_sources = f"fact:{a.mou_presence_fact}.1; fact:{a.mou_presence_fact}.2"
    out.add("mou_latest", "최신 누적 AI 업무협약 수", last["value"], "건", sources=f"fact:{last['fact_id']}",
            note="업무협약은 협약일 뿐 이전한 기업 수가 아님.")
    for k, rate in enumerate(fit.rates):
        out.add("mou_rate", f"월평균 새 협약 (구간 {k + 1})", rate, "건/월",
                method="포아송 계수 모형(구간마다 월평균 속도)", sources=mou_sources)
    out.add("mou_dispersion", "과산포 (피어슨 카이제곱 ÷ 자유도)", fit.dispersion, "", sources=mou_sources,
            note=f"1보다 크면 단순 무작위 발생보다 퍼짐: 전망 구간에 반영. 잔차 자기상관 검정(륭-박스) 유의확률 "
                 f"{fit.ljung_box_p:.2f}(구간이 적어 검정력이 낮음).")
    share = p["share"]
    out.add("presence_share", "협약 기업 중 광주에 실제 입주한 비율", share["share"], "ratio", lower=share["lower"],
            upper=share["upper"], method="95% 구간", sources=presence_sources)
    out.add("present_firms", f"{verdict.deadline}년 말 광주 입주 협약 기업 전망", result["present_mean"], "개",
            lower=result["present_lower"], upper=result["present_upper"],
            method=f"최근 구간 속도 × 입주 비율, 속도의 불확실성과 들쭉날쭉함 포함, 모의실험 {a.simulation_draws:,}회; 80% 구간",
            sources=f"{mou_sources}; {presence_sources}",
            note="협약 기업이 모두 AI 전문기업은 아니므로 AI 전문기업 수는 이보다 적을 수 있음.")
    gap = pledge.target_value - result["present_mean"]
    out.add("mou_gap", "목표까지 남은 차이 ÷ 전망의 표준편차", gap / result["present_sd"], "",
            sources=f"{mou_sources}; {presence_sources}", note="클수록 전망이 목표와 뚜렷이 갈림(검출 가능).")


def context_rows(ctx: Context, pledge, verdict: Verdict, measure, spec: dict | None, out: Rows) -> None:
    """Benchmarks beside a jobs series: the nowcast and shift-share for all employment, the synthetic
    control for a manufacturing (section C) series."""
    a = ctx.defaults
    if measure is None:
        return
    region = spec["region"]
    if spec["table"] == "employment_sido_annual":
        now = nowcast.nowcast(ctx.monthly, "취업자")
        if now:
            out.add("nowcast", f"{now['year']}년 취업자 현재 추정 ({now['last_month']}까지 {now['months']}개월)",
                    now["estimate"], "천명", lower=now["lower"], upper=now["upper"],
                    method=f"월평균 + 과거 {now['reference_years']}년의 연평균−같은 달 평균 차이; 80% 구간",
                    sources=compact(now["sources"]))
        shares = counterfactual.shift_share(ctx.industry, region, a.base_year, int(measure.series.index.max()))
        used = ctx.industry[ctx.industry["region"].isin([region, NATIONAL])
                            & ctx.industry["year"].isin([a.base_year, shares["last_year"]])]
        out.add("shift_share", f"산업마다 전국과 같은 속도로 늘었다면 예상되는 취업자 증감 ({a.base_year}~{shares['last_year']})",
                shares["expected_change"], "천명", method="변이-할당 분석", sources=compact(used["source"]),
                note=f"실제 증감 {shares['actual_change']:+,.0f}천 명, 지역 요인 {shares['regional_effect']:+,.1f}천 명.")
    if spec.get("section") == "C":
        panel = ctx.panel(spec)  # rows of ctx.industry: their index finds their sources
        sc = counterfactual.synthetic_control(panel, region, a.base_year)
        pledged = measure.increment / sc["level"]
        out.add("synthetic_gap", f"합성통제: {a.base_year}년 이후 광주 제조업 취업자와 합성 광주의 평균 차이",
                sc["post_mean"], "ratio", sources=compact(ctx.industry.loc[panel.index, "source"]),
                method=f"다른 시도의 가중합({a.base_year}년까지 {sc['pre_years']}년 평균을 1로 맞춰 적합), 위약 검정 "
                       f"유의확률 {sc['p_value']:.2f}; 적합 전 구간 오차 {sc['pre_rmspe']:.1%}(다른 시도 가운데 값 "
                       f"{sc['placebo_pre_rmspe']:.1%})",
                note=f"위약 검정으로 본 검출 한계 ±{sc['detectable']:.1%}(약 {persons(sc['detectable'] * sc['level']):,.0f}명): "
                     f"공약 {pledge.target_value:,.0f}명({pledged:.1%})보다 {'크다' if sc['detectable'] > pledged else '작다'}.")


def investment_rows(ctx: Context, pledge, out: Rows, table: pd.DataFrame) -> None:
    jobs_pledge = pledge if pledge.metric == "jobs" else next(
        (ctx.pledges[p] for p in pledge.same_programme_as if ctx.pledges[p].metric == "jobs"), None)
    if jobs_pledge is None or not jobs_pledge.target_value or not pledge.investment_trillion_krw:
        return
    ratio = jobs_per_trillion(jobs_pledge.target_value, pledge.investment_trillion_krw)
    direct = table[(table["kind"] == "project") & (table["covers"] == "direct")]["jobs_per_trillion_krw"]
    out.add("jobs_per_trillion", "공약이 함축하는 1조원당 일자리", ratio, "명/조원",
            method=f"{jobs_pledge.target_value:,.0f}개 ÷ {pledge.investment_trillion_krw:g}조원",
            sources=f"registry:{pledge.id}; registry:{jobs_pledge.id}",
            note=f"실제 사업의 직접 고용은 1조원당 {direct.min():,.0f}–{direct.max():,.0f}명.")


def pledge_rows(ctx: Context, pledge, verdict: Verdict, investment: pd.DataFrame) -> list[dict]:
    """Every measure row of one pledge."""
    out = Rows(pledge.id)
    spec = statistical_spec(pledge) if pledge.quantitative else None
    measure = series_rows(ctx, pledge, spec, verdict, out) if spec and pledge.metric == "jobs" else None
    if pledge.metric == "firms" and "ai_mou" in pledge.measured_facts and pledge.quantitative:
        mou_rows(ctx, pledge, verdict, out)
    if pledge.delivery or class_for(ctx, pledge):
        delivery_rows(ctx, pledge, verdict, out)
    context_rows(ctx, pledge, verdict, measure, spec, out)
    investment_rows(ctx, pledge, out, investment)
    return out.items
