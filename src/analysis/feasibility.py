"""Feasibility of every pledge: one tidy result table (pledge × measure) plus a status per pledge.

Reports only display what this module returns. Each result row names its method, the data
vintage and the evidence it used (raw file and line, or facts row and URL).
"""
from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np
import pandas as pd

from . import models, paths, pipeline, status
from .assumptions import DEFAULT, Assumptions
from .pledges import Pledge, registry

GWANGJU = "광주광역시"
RESULTS_DIR = paths.PROCESSED / "results"

# Investment-per-job comparisons: (label, investment fact, jobs fact, what the jobs count covers).
COMPARABLES = (
    ("SK하이닉스 M15 (청주) 직접고용", "comparable-003130.1", "comparable-003130.2", "direct"),
    ("SK하이닉스 M15 직간접 (서울대 추정)", "comparable-003130.1", "comparable-68eb22", "direct+indirect"),
    ("SK하이닉스 용인 클러스터 (경기도 추정)", "comparable-b5c7f1.1", "comparable-b5c7f1.2", "not stated"),
    ("용인 반도체 국가산단 직접고용", "comparable-14aaf2.1", "comparable-14aaf2.2", "direct"),
    ("용인 반도체 국가산단 협력사", "comparable-14aaf2.1", "comparable-14aaf2.3", "supplier"),
    ("삼성 평택 1라인 (한은 계수 기반)", "comparable-764394.1", "comparable-764394.2", "direct+indirect"),
    ("광주글로벌모터스 계획 (2021)", "ggm-d2d526", "ggm-0117e7.1", "direct"),
    ("광주글로벌모터스 실제 (2025-09)", "ggm-d2d526", "ggm-1ddf42.2", "direct"),
)
# Bank of Korea coefficients (persons per 10억원 of final demand or output), shown per 1조원.
COEFFICIENTS = (
    ("전산업 취업유발계수 (2020 고용표)", "bok_coef-7b8acc", "induced"),
    ("공산품 취업유발계수 (2020 고용표)", "bok_coef-690f09.2", "induced"),
    ("자동차 취업유발계수 (표 연도 미상)", "bok_coef-53ee9d.1", "induced"),
    ("반도체 취업유발계수 (표 연도 미상)", "bok_coef-53ee9d.4", "induced"),
    ("공산품 취업계수 (2020 고용표)", "bok_coef-7224ec", "direct"),
    ("반도체 취업계수 (2014 산업연관표)", "bok_coef-bc0f93.1", "direct"),
)
MOU_TRACK_RECORD = ("comparable-ed5dff.3", "comparable-ed5dff.4")  # jobs expected vs actual, 2016–2020.09
GGM_PLAN = "ggm-0117e7.1"
MEANING_KO = {"achieved": "달성", "progress": "진전", "setback": "차질", "failed": "실패", "context": "맥락"}
GGM_HEADCOUNT_UNITS = {"hired", "employees", "jobs"}
TRILLION = {"trillion KRW": 1.0, "100 million KRW": 1e-4}
SERIES_TABLES = ("employment_sido_annual", "employment_sido_industry_annual")  # annual series in 천명


@dataclass
class Assessment:
    results: pd.DataFrame
    statuses: pd.DataFrame
    forecasts: pd.DataFrame
    backtests: pd.DataFrame
    investment: pd.DataFrame
    mou: pd.DataFrame
    ggm: pd.DataFrame


class _Context:
    """Processed tables, loaded once per assessment."""

    def __init__(self, assumptions: Assumptions):
        self.a = assumptions
        self.facts = pipeline.load("facts").set_index("fact_id", drop=False)
        self.employment = pipeline.load("employment_sido_annual")
        self.industry = pipeline.load("employment_sido_industry_annual")
        self.establishments = pipeline.load("establishments_sido_industry")
        self.ksic2 = pipeline.load("manufacturing_ksic2_2024")
        self.backtests: dict[str, pd.DataFrame] = {}

    def fact(self, fact_id: str) -> pd.Series:
        return self.facts.loc[fact_id]

    def cite(self, fact_id: str) -> str:
        row = self.fact(fact_id)
        return f"{row['source']} [{fact_id}] {row['source_url']}"


# -- series ---------------------------------------------------------------------------------------


def series_for(ctx, spec: dict) -> tuple[str, pd.DataFrame]:
    """(label, rows with year, value in 천명, source) for a registry series spec; `ctx` holds the
    employment and industry tables."""
    if spec["table"] == "employment_sido_annual":
        return f"취업자 ({spec['region']})", pipeline.employed(ctx.employment, spec["region"])
    if spec["table"] == "employment_sido_industry_annual":
        rows = ctx.industry[(ctx.industry["region"] == spec["region"]) & (ctx.industry["section"] == spec["section"])]
        name = rows["industry"].iloc[0]
        return f"{name} 취업자 ({spec['region']})", rows.dropna(subset=["value"]).sort_values("year")
    raise KeyError(spec["table"])


def _lines(rows: pd.DataFrame) -> str:
    """Compact citation of the raw lines behind a set of rows."""
    by_file: dict[str, list[str]] = {}
    for source in rows["source"]:
        file, _, line = str(source).partition(":")
        by_file.setdefault(file, []).append(line.split(" ")[0])
    return "; ".join(f"data/raw/{file}:{','.join(sorted(set(lines), key=lambda s: int(s) if s.isdigit() else 0))}"
                     for file, lines in by_file.items())


def panel(ctx: _Context, spec: dict) -> pd.DataFrame:
    """The same indicator for all 17 시도, for the outside view."""
    if spec["table"] == "employment_sido_annual":
        rows = ctx.employment[ctx.employment["item"] == pipeline.EMPLOYED]
    else:
        rows = ctx.industry[ctx.industry["section"] == spec["section"]]
    return rows[rows["region"] != "전국"][["region", "year", "value"]]


# -- per-method assessments ---------------------------------------------------------------------------


class _Rows:
    def __init__(self, pledge: Pledge):
        self.pledge, self.items = pledge, []

    def add(self, key, measure, value, unit="", *, lower=np.nan, upper=np.nan, method="", vintage="",
            evidence="", note="", model=""):
        """One result row; `key` names the measure for code, `measure` describes it for readers."""
        self.items.append({"pledge_id": self.pledge.id, "key": key, "model": model, "measure": measure,
                           "value": value, "lower": lower, "upper": upper, "unit": unit, "method": method,
                           "vintage": str(vintage), "evidence": evidence, "note": note})


def deadline_of(pledge: Pledge, a: Assumptions) -> tuple[int, str]:
    if pledge.deadline_year:
        return pledge.deadline_year, f"{pledge.deadline_year}년 (공약)"
    return a.undated_deadline, f"{a.undated_deadline}년 (가정 undated_deadline: 공약에 기한 없음)"


def assess_series(ctx: _Context, pledge: Pledge, spec: dict, out: _Rows, forecasts: list, backtests: list):
    """Scale, outside view, forecasts with backtest, and a probability-based status."""
    a = ctx.a
    label, rows = series_for(ctx, spec)
    series = rows.set_index("year")["value"].astype(float)
    increment = pledge.target_value / 1000  # series are in 천명
    deadline, deadline_note = deadline_of(pledge, a)
    latest = int(series.index.max())
    evidence = _lines(rows)
    derived = rows["derived"].any() if "derived" in rows else False
    note_derived = " 2015년 이전 값은 15세이상인구 × 고용률로 산출." if derived else ""

    s = models.scale(increment, series)
    out.add("share_of_level", f"규모: {latest}년 {label} 대비 공약", s["share_of_latest_level"], "ratio",
            method="공약 ÷ 최신 수준", vintage=latest, evidence=evidence,
            note=f"공약(총 창출)을 취업자 수준(순 저량)에 견준 값.{note_derived}")
    out.add("years_of_growth", f"규모: 공약 = {label} 평균 연간 순증의 몇 년치",
            s["years_of_mean_growth"] if np.isfinite(s["years_of_mean_growth"]) else np.nan, "years",
            method=f"공약 ÷ {int(series.index.min())}–{latest} 평균 연간 순증 "
                   f"({s['mean_yearly_change'] * 1000:,.0f}명/년, 표준편차 {s['sd_yearly_change'] * 1000:,.0f}명)",
            vintage=latest, evidence=evidence,
            note="순증이지 총 창출이 아님." + (" 평균 순증이 0 이하라 계산 불가." if not np.isfinite(s["years_of_mean_growth"]) else ""))
    if spec.get("section") == "C":
        c30 = ctx.ksic2[(ctx.ksic2["ksic2"] == "C30") & (ctx.ksic2["item"] == "employees")].iloc[0]
        out.add("c30_share", "규모: 2024년 광주 자동차·트레일러 제조업(C30) 종사자 대비 공약",
                pledge.target_value / c30["value"], "ratio", method=f"공약 ÷ C30 종사자 {c30['value']:,.0f}명",
                vintage=2024, evidence=f"data/raw/{c30['source']}",
                note="광업제조업조사는 종사자 10인 이상 사업체만 집계. 한 해 값이라 추세는 없음.")

    window = deadline - a.base_year
    base_level = float(series.get(a.base_year, np.nan))
    view = models.outside_view(panel(ctx, spec), increment / base_level, window, a.outside_view_breaks)
    out.add("outside_view", f"외부 관점: 17개 시도의 {window}년 순증률 분포에서 공약의 백분위", view["percentile"],
            "percentile", method=f"{view.get('regions', 0)}개 시도의 겹치는 {window}년 구간 {view['spans']}개; "
                                 f"공약 = {a.base_year}년 수준의 {increment / base_level:.2%}",
            vintage=latest, evidence=evidence,
            note=f"이만큼 이상 순증한 구간의 비율 {view['share_at_least']:.0%}. 구간이 겹쳐 독립이 아니며, "
                 f"순증에는 다른 모든 일자리의 증감이 섞여 있음.")

    if label not in ctx.backtests:  # two pledges share the employment series: backtest it once
        ctx.backtests[label] = models.backtest(series, a.backtest_first_origin, a.backtest_horizon, a.interval_levels)
    bt = ctx.backtests[label]
    summary = models.backtest_summary(bt, a.selection_horizon)
    if summary.empty:
        out.add("forecast", "전망", np.nan, method="백테스트할 연도가 부족", vintage=latest, evidence=evidence,
                note="판단 불가: 롤링 기점 백테스트를 하기에 시계열이 짧음.")
        return None
    selected = summary.iloc[0]["model"]
    if label not in {b["series"].iloc[0] for b in backtests}:
        backtests.append(summary.assign(series=label, selected=summary["model"] == selected))
    baseline, target = models.target_level(series, increment, deadline, selected, a)
    level80 = a.interval_levels[0]
    probabilities = {}
    new_series = label not in {f["series"].iloc[0] for f in forecasts}
    for name, (fc, factor) in models.calibrated_forecasts(series, deadline, bt, a).items():
        table = models.interval_frame(fc, a.interval_levels)
        if new_series:
            forecasts.append(table.assign(series=label))
        probabilities[name] = fc.probability_at_least(deadline, target)
        mean, lower, upper = table.iloc[-1][["mean", "lower_80", "upper_80"]]
        chosen = " (백테스트로 선택)" if name == selected else ""
        out.add("forecast", f"전망 {deadline}: {label}, {name}{chosen}", mean, "천명", lower=lower, upper=upper,
                method=f"{name}; {int(level80 * 100)}% 예측구간"
                       + (f", 백테스트 보정 ×{factor:.2f}" if a.calibrate_intervals and factor > 1 else ""),
                vintage=latest, evidence=evidence, note=models.MODELS[name][1], model=name)
        out.add("probability", f"목표 수준 도달 확률 {deadline}: {name}{chosen}", probabilities[name], "probability",
                method=f"{name}; {deadline}년 예측분포(정규) 기준", vintage=latest, evidence=evidence, model=name)
    baseline_text = (f"{a.base_year}년 수준" if a.baseline == "level"
                     else f"{a.base_year}년까지의 자료로 적합한 {selected}의 {deadline}년 전망")
    out.add("target_level", f"목표 수준 {deadline}: 기준선({a.baseline}) + 공약", target, "천명",
            method=f"기준선 {baseline:,.1f} = {baseline_text}; + {increment:g}", vintage=latest, evidence=evidence,
            note=f"기한 {deadline_note}. 순증 점검: 공약은 총 창출이므로 이 수준 도달은 공약이 통계에 드러나기 위한 "
                 f"필요조건일 뿐, 사업이 일자리를 만들었다는 증거는 아님.")
    sel = summary.iloc[0]
    out.add("backtest_mae", f"백테스트: {selected} 평균절대오차 (h ≤ {a.selection_horizon})", sel["mae"], "천명",
            method=f"{a.backtest_first_origin}년부터 롤링 기점, 예측 {int(sel['forecasts'])}개", vintage=latest,
            evidence=evidence, note=f"80% 구간 적중률 {sel['coverage_80']:.0%}, 95% 구간 적중률 {sel['coverage_95']:.0%}",
            model=selected)
    # A proxy (a broader series than the pledge) reaching the level does not show the pledged jobs exist.
    reached = float(series[latest]) >= target and not spec.get("proxy", False)
    if spec.get("proxy"):
        out.add("proxy", "대리지표: 목표 수준을 이미 넘었나 (달성 판정에는 쓰지 않음)", float(float(series[latest]) >= target),
                "bool", method="상태 규칙", vintage=latest, evidence=evidence,
                note=f"{label}은 공약보다 넓은 지표라, 상태는 확률로만 정함.")
    return {"probability": probabilities[selected], "reached": reached, "model": selected,
            "latest": float(series[latest]), "target": target, "deadline": deadline, "label": label}


def assess_mou(ctx: _Context, pledge: Pledge, out: _Rows) -> dict:
    """Projection of the city's AI MOU count, discounted by the share that set up in Gwangju."""
    a = ctx.a
    series = models.mou_series(ctx.facts.reset_index(drop=True))
    deadline, _ = deadline_of(pledge, a)
    until = pd.Timestamp(deadline, 12, 31)
    presence = {}
    for key, fact_id in (("main", a.mou_presence_fact), ("alternative", a.mou_presence_alternative_fact)):
        trials, successes = ctx.fact(f"{fact_id}.1")["value"], ctx.fact(f"{fact_id}.2")["value"]
        presence[key] = models.presence_share(successes, trials)
        presence[key]["cite"] = f"{ctx.cite(fact_id + '.1')}; {ctx.cite(fact_id + '.2')}"
    projection = models.project_mou(series, until, presence["main"], pledge.target_value, a)
    evidence = "; ".join(f"{ctx.fact(f)['source']} [{f}]" for f in series["fact_id"])
    vintage = series["as_of_date"].max().date()
    latest = series.iloc[-1]
    out.add("mou_latest", "최신 누적 AI 업무협약 수", latest["value"], "건", method="사실 자료", vintage=vintage,
            evidence=ctx.cite(latest["fact_id"]), note="업무협약은 협약일 뿐, 이전한 기업 수가 아님.")
    out.add("mou_trend", f"업무협약 추세 전망 {deadline}", projection["mou_mean"], "건", lower=projection["mou_lower"],
            upper=projection["mou_upper"], method=f"날짜가 있는 누적 건수 {projection['points']}개의 시간 추세 OLS "
            f"(연 {projection['slope_per_year']:.1f} ± {projection['slope_se']:.1f}건); 95% 예측구간",
            vintage=vintage, evidence=evidence, note="누적 건수는 자기상관이 있어 OLS 구간은 불확실성을 과소평가함.")
    share = presence["main"]
    out.add("presence_share", "협약 기업 중 광주에 실제 입주한 비율", share["share"], "ratio", lower=share["lower"],
            upper=share["upper"], method="Jeffreys 95% 구간", vintage=vintage, evidence=share["cite"])
    alt = presence["alternative"]
    out.add("presence_alt", "민감도: 실투자 비율 (시의회, 2024-11)", alt["share"], "ratio", lower=alt["lower"],
            upper=alt["upper"], method="Jeffreys 95% 구간", vintage="2024-11", evidence=alt["cite"],
            note="같은 발언을 다룬 다른 보도는 142개가 아니라 132개라고 전함.")
    out.add("present_firms", f"{deadline}년 광주 입주 협약 기업 (환산)", projection["present_mean"], "개",
            lower=projection["present_lower"], upper=projection["present_upper"],
            method=f"모의실험 {a.simulation_draws}회, seed {a.seed}; 95% 구간", vintage=vintage, evidence=evidence,
            note="'AI전문기업'의 상한: 협약 기업이 모두 AI 전문기업은 아님.")
    out.add("probability", f"{deadline}년까지 입주 기업 {pledge.target_value:,.0f}개 이상일 확률", projection["probability"],
            "probability", method="모의실험 (협약 추세 × 입주 비율)", vintage=vintage, evidence=evidence,
            model="업무협약 추세 × 입주 비율")
    ict = ctx.establishments[(ctx.establishments["region"] == GWANGJU) & (ctx.establishments["ksic"] == "58~63")
                             & (ctx.establishments["business_type"] == "계") & (ctx.establishments["item"] == "사업체수")]
    ict = ict.sort_values("year").iloc[-1]
    out.add("ict_share", f"규모: {ict['year']}년 광주 정보통신업 사업체 대비 공약", pledge.target_value / ict["value"],
            "ratio", method="공약 ÷ 전국사업체조사 사업체수", vintage=ict["year"], evidence=f"data/raw/{ict['source']}",
            note=f"정보통신업(J) 전체 사업체 {ict['value']:,.0f}개.")
    return {"probability": projection["probability"], "reached": latest["value"] * share["share"] >= pledge.target_value,
            "model": "업무협약 추세 × 입주 비율", "mou": series}


def investment_table(ctx: _Context) -> pd.DataFrame:
    rows = []
    for label, investment_fact, jobs_fact, kind in COMPARABLES:
        inv, jobs = ctx.fact(investment_fact), ctx.fact(jobs_fact)
        trillion = inv["value"] * TRILLION[inv["unit"]]
        rows.append({"comparison": label, "jobs_per_trillion_krw": models.jobs_per_trillion(jobs["value"], trillion),
                     "covers": kind, "kind": "project", "as_of": jobs["as_of"],
                     "evidence": f"{ctx.cite(investment_fact)}; {ctx.cite(jobs_fact)}"})
    for label, fact_id, kind in COEFFICIENTS:
        row = ctx.fact(fact_id)
        rows.append({"comparison": label, "jobs_per_trillion_krw": row["value"] * 1000, "covers": kind,
                     "kind": "coefficient", "as_of": row["as_of"], "evidence": ctx.cite(fact_id)})
    return pd.DataFrame(rows)


def assess_investment(ctx: _Context, pledge: Pledge, registry_: dict, out: _Rows, table: pd.DataFrame):
    jobs_pledge = pledge if pledge.metric == "jobs" else next(
        (registry_[p] for p in pledge.same_programme_as if registry_[p].metric == "jobs"), None)
    if jobs_pledge is None or not jobs_pledge.target_value:
        return
    ratio = models.jobs_per_trillion(jobs_pledge.target_value, pledge.investment_trillion_krw)
    projects = table[(table["kind"] == "project") & (table["covers"] == "direct")]
    out.add("jobs_per_trillion", "공약이 함축하는 1조원당 일자리", ratio, "명/조원",
            method=f"{jobs_pledge.target_value:,.0f}개 ÷ {pledge.investment_trillion_krw:g}조원",
            vintage=pledge.source.date, evidence=f"data/raw/pledges.yaml: {pledge.id}, {jobs_pledge.id}",
            note=f"비교 사업의 직접 고용은 1조원당 {projects['jobs_per_trillion_krw'].min():,.0f}–"
                 f"{projects['jobs_per_trillion_krw'].max():,.0f}명. 한국은행 계수는 투자액이 아니라 최종수요·산출 "
                 f"기준이며 경제 전체의 유발 고용을 셈.")


def ggm_table(ctx: _Context) -> pd.DataFrame:
    facts = ctx.facts.reset_index(drop=True)
    rows = facts[(facts["topic"] == "ggm") & facts["unit"].isin(GGM_HEADCOUNT_UNITS)].sort_values("as_of_date")
    plan = ctx.fact(GGM_PLAN)["value"]
    return rows.assign(plan=plan, share_of_plan=rows["value"] / plan)[
        ["fact_id", "as_of", "as_of_date", "value", "unit", "plan", "share_of_plan", "source", "source_url"]]


def assess(assumptions: Assumptions = DEFAULT) -> Assessment:
    """The full assessment of every pledge in the registry."""
    ctx = _Context(assumptions)
    pledges = registry()
    results, statuses, forecasts, backtests = [], [], [], []
    investment = investment_table(ctx)
    mou = pd.DataFrame()
    for pledge in pledges.values():
        out = _Rows(pledge)
        outcome, method, evidence_used = None, "", []
        specs = [s for s in pledge.measured_series if s["table"] in SERIES_TABLES]
        if pledge.metric == "jobs" and pledge.quantitative and specs:
            outcome = assess_series(ctx, pledge, specs[0], out, forecasts, backtests)
            method = "통계: 취업자 순증 전망"
        elif pledge.metric == "firms" and pledge.quantitative and "ai_mou" in pledge.measured_facts:
            outcome = assess_mou(ctx, pledge, out)
            mou = outcome["mou"]
            method = "통계: 업무협약 추세 × 입주 비율"
        if pledge.investment_trillion_krw:
            assess_investment(ctx, pledge, pledges, out, investment)
        if pledge.metric == "jobs" and pledge.quantitative:
            expected, actual = (ctx.fact(f)["value"] for f in MOU_TRACK_RECORD)
            out.add("track_record", "과거 실적: 광주 투자협약(2016–2020.09)의 예상 고용 대비 실제 고용",
                    actual / expected, "ratio", method=f"실제 {actual:,.0f}명 ÷ 예상 {expected:,.0f}명",
                    vintage="2020-09", evidence="; ".join(ctx.cite(f) for f in MOU_TRACK_RECORD),
                    note="시가 과거에 발표한 고용 예상이 얼마나 실현됐는지.")
        evidence_rows = []
        for item in pledge.evidence:
            if item.fact:
                fact = ctx.fact(item.fact)
                evidence_rows.append((item.means, fact["as_of_date"]))
                evidence_used.append(f"{MEANING_KO[item.means]}: {fact['as_of_date']:%Y-%m-%d} “{fact['quote']}” "
                                     f"({ctx.cite(item.fact)})")
            else:
                evidence_rows.append((item.means, pd.Timestamp(pledge.source.date)))
                evidence_used.append(f"{MEANING_KO[item.means]}: 공약 기사 자체가 완료를 보도 ({pledge.source.citation})")
        if outcome is not None:
            label = status.from_probability(outcome["probability"], outcome["reached"], assumptions)
            reason = (f"{outcome['model']} 기준 {outcome.get('deadline', pledge.deadline)}년까지 목표 수준에 이를 확률 "
                      f"{outcome['probability']:.0%}")
            evidence_used.insert(0, f"통계: 이 공약의 결과 표 ({pledge.id})")
            probability = outcome["probability"]
        else:
            label = status.from_evidence(evidence_rows)
            probability = np.nan
            decisive = [item for item in pledge.evidence if item.means in status.DECISIVE]
            if label == status.UNKNOWN:
                method = "측정 수단 없음"
                reason = ("공약에 수치가 없거나 이를 재는 통계가 없고, 관련 사실 자료도 없음" if not pledge.evidence else
                          "관련 사실은 맥락일 뿐 판단 근거가 되지 않음")
            else:
                method = "날짜가 있는 사실"
                reason = f"판단 근거 사실 {len(decisive)}건: '달성' 보도가 있으면 달성, 없으면 가장 최근 사실이 결정"
        if label != status.UNKNOWN and not evidence_used:
            raise AssertionError(f"{pledge.id}: status {label} without evidence")
        statuses.append({"pledge_id": pledge.id, "status": label, "method": method, "probability": probability,
                         "reason": reason, "evidence": " | ".join(evidence_used),
                         "series": (outcome or {}).get("label", ""), "model": (outcome or {}).get("model", ""), "target_level": (outcome or {}).get("target", np.nan),
                         "deadline": (outcome or {}).get("deadline", pledge.deadline_year or np.nan)})
        results.extend(out.items)
    return Assessment(
        results=pd.DataFrame(results), statuses=pd.DataFrame(statuses),
        forecasts=pd.concat(forecasts, ignore_index=True) if forecasts else pd.DataFrame(),
        backtests=pd.concat(backtests, ignore_index=True) if backtests else pd.DataFrame(),
        investment=investment, mou=mou, ggm=ggm_table(ctx))


TABLES = ("results", "statuses", "forecasts", "backtests", "investment", "mou", "ggm")


def write(assessment: Assessment) -> None:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        path = RESULTS_DIR / f"{name}.csv"
        temporary = path.with_suffix(".csv.tmp")
        getattr(assessment, name).to_csv(temporary, index=False)
        temporary.replace(path)


def current(overrides: dict | None = None) -> Assessment:
    """The stored assessment, or a fresh one when a report overrides an assumption."""
    if overrides:
        return assess(DEFAULT.with_overrides(**overrides))
    return load()


def pledge_history(pledge: Pledge) -> pd.Series:
    """The annual series a pledge is measured by (천명, indexed by year), or an empty series."""
    tables = SimpleNamespace(employment=pipeline.load("employment_sido_annual"),
                             industry=pipeline.load("employment_sido_industry_annual"))
    for spec in pledge.measured_series:
        if spec["table"] in SERIES_TABLES:
            _, rows = series_for(tables, spec)
            return rows.set_index("year")["value"].astype(float)
    return pd.Series(dtype=float)


def load() -> Assessment:
    """The stored assessment (built by `make results`)."""
    missing = [n for n in TABLES if not (RESULTS_DIR / f"{n}.csv").exists()]
    if missing:
        raise FileNotFoundError(f"{RESULTS_DIR}: {', '.join(missing)} missing: run `make results`")
    frames = {n: pd.read_csv(RESULTS_DIR / f"{n}.csv", keep_default_na=False, na_values=[""]) for n in TABLES}
    return Assessment(**frames)


# -- views for the reports --------------------------------------------------------------------------

RAW_INPUTS = [pipeline.EAPS_ANNUAL, pipeline.EAPS_INDUSTRY, pipeline.EAPS_MONTHLY, pipeline.CENSUS,
              pipeline.CENSUS_SALES, pipeline.MFG_KSIC2, pipeline.FACTS]
TIMELINE_TOPICS = ("election", "special_zone", "semiconductor", "future_car_park", "ai_outcome")

NET_VERSUS_GROSS = (
    "**순증과 창출을 구분합니다.** 공약의 '일자리 창출'은 총량(gross)이고, 경제활동인구조사의 취업자 수 변화는 "
    "순증(net)입니다. 사업이 일자리를 만들어도 다른 곳에서 일자리가 줄면 순증은 작습니다. 그래서 이 보고서는 "
    "'추세 기준선 + 공약 규모'에 취업자 수가 이르는지를 **필요조건**으로 봅니다: 이르지 못하면 공약이 통계에 드러나지 "
    "않은 것이고, 이르더라도 그 일자리를 공약 사업이 만들었다는 증거는 아닙니다. 지역 표본조사의 연간 오차도 "
    "수천 명 규모라 작은 공약은 통계로 구별하기 어렵습니다.")
MOU_CAVEAT = (
    "**업무협약(MOU)은 이전이 아닙니다.** 광주시의 누적 AI 업무협약 수는 협약 건수이며, 초기에는 기업과 기관이 "
    "섞여 있고(50건 = 기업 43 + 기관 7), 2025-09부터는 'AI·반도체' 기업을 셉니다. 시는 2025-11-24에 349개 중 약 160개가 "
    "실제로 광주에 본사·지사를 두었다고 밝혔습니다. 'AI전문기업' 수를 세는 공식 통계는 없습니다.")
INVESTMENT_CAVEAT = (
    "**비교의 한계.** 한국은행 계수는 최종수요(또는 산출) 10억원당 경제 전체에서 유발되는 취업자 수로, 투자액 대비 "
    "직접 고용과 다릅니다. 2020년 고용표는 전업환산 기준을 주 40→36시간으로 바꿔 2015년 값과 엄밀히 비교할 수 "
    "없고, 자동차 8.4·반도체 2.4는 표 연도를 밝히지 않은 업계 자료입니다. 반도체 공장의 직접 고용은 투자액에 비해 "
    "매우 적습니다.")


@dataclass
class PledgeView:
    status: pd.Series
    results: pd.DataFrame
    history: pd.Series
    forecasts: pd.DataFrame
    backtest: pd.DataFrame
    mou: pd.DataFrame | None
    mou_projection: dict | None
    investment: pd.DataFrame | None
    jobs_per_trillion: float | None
    assumptions: Assumptions


def result_row(results: pd.DataFrame, key: str, model: str | None = None) -> pd.Series | None:
    """The first result row with this key (and model), or None."""
    rows = results[results["key"] == key]
    if model:
        rows = rows[rows["model"] == model]
    return rows.iloc[0] if len(rows) else None


def view(assessment: Assessment, pledge_id: str, overrides: dict | None = None) -> PledgeView:
    """What a pledge report shows, selected from the assessment."""
    pledge = registry()[pledge_id]
    status_row = assessment.statuses.set_index("pledge_id").loc[pledge_id]
    results = assessment.results[assessment.results["pledge_id"] == pledge_id].reset_index(drop=True)
    series = status_row["series"] if isinstance(status_row["series"], str) else ""
    forecasts = assessment.forecasts[assessment.forecasts["series"] == series] if series else pd.DataFrame()
    backtest = assessment.backtests[assessment.backtests["series"] == series] if series else pd.DataFrame()
    history = pledge_history(pledge) if series else pd.Series(dtype=float)
    mou = projection = None
    trend = result_row(results, "mou_trend")
    if trend is not None:
        present = result_row(results, "present_firms")
        mou = assessment.mou.assign(as_of_date=pd.to_datetime(assessment.mou["as_of_date"]))
        projection = {"date": pd.Timestamp(int(status_row["deadline"]), 12, 31), "mou_mean": trend["value"],
                      "mou_lower": trend["lower"], "mou_upper": trend["upper"], "present_mean": present["value"],
                      "present_lower": present["lower"], "present_upper": present["upper"]}
    ratio = result_row(results, "jobs_per_trillion")
    investment = assessment.investment if ratio is not None else None
    return PledgeView(status_row, results, history, forecasts, backtest, mou, projection, investment,
                      None if ratio is None else float(ratio["value"]), DEFAULT.with_overrides(**(overrides or {})))


def timeline() -> pd.DataFrame:
    """Dated events after the pledges (election, designations, bids), each with its source."""
    facts = pipeline.load("facts")
    rows = facts[facts["topic"].isin(TIMELINE_TOPICS)].drop_duplicates("source_url").sort_values("as_of_date")
    return pd.DataFrame({"as_of": rows["as_of_date"].dt.strftime("%Y-%m-%d"), "event": rows["quote"],
                         "source": rows["source"] + " " + rows["source_url"]})
