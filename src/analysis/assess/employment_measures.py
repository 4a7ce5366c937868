"""Measures of a job pledge against an employment series: scale, outside view, forecasts and the
probability of reaching the pre-pledge baseline plus the pledged increment."""
from __future__ import annotations

import numpy as np

from ..vocab.sources import compact
from ..vocab.units import thousands
from . import backtest as backtesting
from .forecast import MODELS, interval_frame, target_level
from .outside_view import outside_view, scale
from .rows import deadline_of
from .series import panel, series_for


def _scale_rows(inputs, pledge, rows, series, label, evidence, out, increment) -> None:
    latest = int(series.index.max())
    derived = " 2015년 이전 값은 15세이상인구 × 고용률로 산출." if "derived" in rows and rows["derived"].any() else ""
    pledge_scale = scale(increment, series)
    out.add("share_of_level", f"규모: {latest}년 {label} 대비 공약", pledge_scale["share_of_latest_level"], "ratio",
            method="공약 ÷ 최신 수준", vintage=latest, evidence=evidence,
            note=f"공약(총 창출)을 취업자 수준(순 저량)에 견준 값.{derived}")
    years = pledge_scale["years_of_mean_growth"]
    out.add("years_of_growth", f"규모: 공약 = {label} 평균 연간 순증의 몇 년치", years if np.isfinite(years) else np.nan,
            "years", method=f"공약 ÷ {int(series.index.min())}–{latest} 평균 연간 순증 "
                            f"({pledge_scale['mean_yearly_change'] * 1000:,.0f}명/년, "
                            f"표준편차 {pledge_scale['sd_yearly_change'] * 1000:,.0f}명)",
            vintage=latest, evidence=evidence,
            note="순증이지 총 창출이 아님." + ("" if np.isfinite(years) else " 평균 순증이 0 이하라 계산 불가."))
    for context in pledge.context_measures:
        row = inputs.manufacturing[(inputs.manufacturing["ksic2"] == context["ksic2"])
                                   & (inputs.manufacturing["item"] == context["item"])].iloc[0]
        out.add(f"{context['ksic2'].lower()}_share", context["label"].format(year=int(row["year"])),
                pledge.target_value / row["value"], "ratio", method=f"공약 ÷ {context['ksic2']} 종사자 {row['value']:,.0f}명",
                vintage=int(row["year"]), evidence=f"data/raw/{row['source']}", note=context["note"])


def _outside_view_row(inputs, spec, series, evidence, out, increment, deadline) -> None:
    a = inputs.assumptions
    window = deadline - a.base_year
    base_level = float(series.get(a.base_year, np.nan))
    view = outside_view(panel(inputs, spec), increment / base_level, window, a.outside_view_breaks)
    out.add("outside_view", f"외부 관점: 17개 시도의 {window}년 순증률 분포에서 공약의 백분위", view["percentile"],
            "percentile", method=f"{view.get('regions', 0)}개 시도의 겹치는 {window}년 구간 {view['spans']}개; "
                                 f"공약 = {a.base_year}년 수준의 {increment / base_level:.2%}",
            vintage=int(series.index.max()), evidence=evidence,
            note=f"이만큼 이상 순증한 구간의 비율 {view['share_at_least']:.0%}. 구간이 겹쳐 독립이 아니며, "
                 f"순증에는 다른 모든 일자리의 증감이 섞여 있음.")


def _backtest_of(inputs, label, series):
    """The rolling-origin backtest of a series, run once per assessment (pledges share series)."""
    a = inputs.assumptions
    if label not in inputs.backtests:
        inputs.backtests[label] = backtesting.backtest(series, a.backtest_first_origin, a.backtest_horizon,
                                                       a.interval_levels)
    return inputs.backtests[label]


def _forecast_rows(inputs, series, label, evidence, out, deadline, backtest_results, selected, target, forecasts):
    a = inputs.assumptions
    level80 = a.interval_levels[0]
    probabilities = {}
    new_series = label not in {f["series"].iloc[0] for f in forecasts}
    for name, (forecast_, factor) in backtesting.calibrated_forecasts(series, deadline, backtest_results, a).items():
        table = interval_frame(forecast_, a.interval_levels)
        if new_series:
            forecasts.append(table.assign(series=label))
        probabilities[name] = forecast_.probability_at_least(deadline, target)
        mean, lower, upper = table.iloc[-1][["mean", "lower_80", "upper_80"]]
        chosen = " (백테스트로 선택)" if name == selected else ""
        out.add("forecast", f"전망 {deadline}: {label}, {name}{chosen}", mean, "천명", lower=lower, upper=upper,
                method=f"{name}; {int(level80 * 100)}% 예측구간"
                       + (f", 백테스트 보정 ×{factor:.2f}" if a.calibrate_intervals and factor > 1 else ""),
                vintage=int(series.index.max()), evidence=evidence, note=MODELS[name][1], model=name)
        out.add("probability", f"목표 수준 도달 확률 {deadline}: {name}{chosen}", probabilities[name], "probability",
                method=f"{name}; {deadline}년 예측분포(정규) 기준", vintage=int(series.index.max()),
                evidence=evidence, model=name)
    return probabilities


def assess_series(inputs, pledge, spec: dict, out, forecasts: list, backtests: list):
    """Scale, outside view, forecasts with backtest, and a probability-based outcome."""
    a = inputs.assumptions
    label, rows = series_for(inputs, spec)
    series = rows.set_index("year")["value"].astype(float)
    increment = thousands(pledge.target_value)
    deadline, deadline_note = deadline_of(pledge, a)
    latest = int(series.index.max())
    evidence = compact(rows["source"])
    _scale_rows(inputs, pledge, rows, series, label, evidence, out, increment)
    _outside_view_row(inputs, spec, series, evidence, out, increment, deadline)
    backtest_results = _backtest_of(inputs, label, series)
    summary = backtesting.backtest_summary(backtest_results, a.selection_horizon)
    if summary.empty:
        out.add("forecast", "전망", np.nan, method="백테스트할 연도가 부족", vintage=latest, evidence=evidence,
                note="판단 불가: 롤링 기점 백테스트를 하기에 시계열이 짧음.")
        return None
    best = summary.iloc[0]
    selected = best["model"]
    if label not in {b["series"].iloc[0] for b in backtests}:
        backtests.append(summary.assign(series=label, selected=summary["model"] == selected))
    baseline, target = target_level(series, increment, deadline, selected, a)
    probabilities = _forecast_rows(inputs, series, label, evidence, out, deadline, backtest_results, selected,
                                   target, forecasts)
    baseline_text = (f"{a.base_year}년 수준" if a.baseline == "level"
                     else f"{a.base_year}년까지의 자료로 적합한 {selected}의 {deadline}년 전망")
    out.add("target_level", f"목표 수준 {deadline}: 기준선({a.baseline}) + 공약", target, "천명",
            method=f"기준선 {baseline:,.1f} = {baseline_text}; + {increment:g}", vintage=latest, evidence=evidence,
            note=f"기한 {deadline_note}. 순증 점검: 공약은 총 창출이므로 이 수준 도달은 공약이 통계에 드러나기 위한 "
                 f"필요조건일 뿐, 사업이 일자리를 만들었다는 증거는 아님.")
    out.add("backtest_mae", f"백테스트: {selected} 평균절대오차 (h ≤ {a.selection_horizon})", best["mae"], "천명",
            method=f"{a.backtest_first_origin}년부터 롤링 기점, 예측 {int(best['forecasts'])}개", vintage=latest,
            evidence=evidence, note=f"80% 구간 적중률 {best['coverage_80']:.0%}, 95% 구간 적중률 {best['coverage_95']:.0%}",
            model=selected)
    # A proxy (a broader series than the pledge) reaching the level does not show the pledged jobs exist.
    reached = float(series[latest]) >= target and not spec.get("proxy", False)
    if spec.get("proxy"):
        out.add("proxy", "대리지표: 목표 수준을 이미 넘었나 (달성 판정에는 쓰지 않음)", float(float(series[latest]) >= target),
                "bool", method="상태 규칙", vintage=latest, evidence=evidence,
                note=f"{label}은 공약보다 넓은 지표라, 상태는 확률로만 정함.")
    return {"probability": probabilities[selected], "reached": reached, "model": selected,
            "latest": float(series[latest]), "target": target, "deadline": deadline, "label": label}

