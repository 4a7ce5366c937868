"""Feasibility of every pledge: one tidy result table (pledge × measure) plus a status per pledge.

Reports only display what this module returns. Each result row names its method, the data
vintage and the evidence it used (raw file and line, or facts row and URL).
"""
from __future__ import annotations

from dataclasses import dataclass

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
GGM_HEADCOUNT_UNITS = {"hired", "employees", "jobs"}
TRILLION = {"trillion KRW": 1.0, "100 million KRW": 1e-4}


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

    def fact(self, fact_id: str) -> pd.Series:
        return self.facts.loc[fact_id]

    def cite(self, fact_id: str) -> str:
        row = self.fact(fact_id)
        return f"{row['source']} [{fact_id}] {row['source_url']}"


# -- series ---------------------------------------------------------------------------------------


def employed_series(employment: pd.DataFrame, region: str) -> pd.DataFrame:
    rows = employment[(employment["region"] == region) & (employment["item"] == pipeline.EMPLOYED)]
    return rows.dropna(subset=["value"]).sort_values("year")


def series_for(ctx: _Context, spec: dict) -> tuple[str, pd.DataFrame]:
    """(label, rows with year, value in 천명, source) for a registry series spec."""
    if spec["table"] == "employment_sido_annual":
        return f"취업자 ({spec['region']})", employed_series(ctx.employment, spec["region"])
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
    return "; ".join(f"data/raw/{f}:{','.join(sorted(set(l), key=lambda s: int(s) if s.isdigit() else 0))}"
                     for f, l in by_file.items())


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

    def add(self, measure, value, unit="", *, lower=np.nan, upper=np.nan, method="", vintage="", evidence="",
            note=""):
        self.items.append({"pledge_id": self.pledge.id, "measure": measure, "value": value, "lower": lower,
                           "upper": upper, "unit": unit, "method": method, "vintage": str(vintage),
                           "evidence": evidence, "note": note})


def deadline_of(pledge: Pledge, a: Assumptions) -> tuple[int, str]:
    if pledge.deadline_year:
        return pledge.deadline_year, f"{pledge.deadline_year} (pledged)"
    return a.undated_deadline, f"{a.undated_deadline} (assumed: undated_deadline)"


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
    note_derived = " Years before 2015 are derived (15세이상인구 × 고용률)." if derived else ""

    s = models.scale(increment, series)
    out.add(f"scale: pledge as share of {label} {latest}", s["share_of_latest_level"], "ratio",
            method="pledge / latest level", vintage=latest, evidence=evidence,
            note=f"Pledged gross jobs against the level of employment (net stock).{note_derived}")
    out.add(f"scale: pledge in years of mean net growth of {label}",
            s["years_of_mean_growth"] if np.isfinite(s["years_of_mean_growth"]) else np.nan, "years",
            method=f"pledge / mean yearly net change {int(series.index.min())}–{latest} "
                   f"({s['mean_yearly_change'] * 1000:,.0f} persons/yr, sd {s['sd_yearly_change'] * 1000:,.0f})",
            vintage=latest, evidence=evidence, note="Net yearly change, not gross job creation.")
    if spec.get("section") == "C":
        c30 = ctx.ksic2[(ctx.ksic2["ksic2"] == "C30") & (ctx.ksic2["item"] == "employees")].iloc[0]
        out.add("scale: pledge as share of Gwangju motor-vehicle (C30) workforce 2024", pledge.target_value / c30["value"],
                "ratio", method="pledge / C30 employees (10+ worker establishments)", vintage=2024,
                evidence=f"data/raw/{c30['source']}",
                note="광업제조업조사 counts establishments with 10+ workers only; one year, no trend.")

    window = deadline - a.base_year
    base_level = float(series.get(a.base_year, np.nan))
    view = models.outside_view(panel(ctx, spec), increment / base_level, window, a.outside_view_breaks)
    out.add(f"outside view: percentile of pledge among {window}-year net growth of 17 시도", view["percentile"],
            "percentile", method=f"{view['spans']} overlapping {window}-year spans in {view.get('regions', 0)} 시도; "
                                 f"pledge = {increment / base_level:.2%} of {a.base_year} level",
            vintage=latest, evidence=evidence,
            note=f"Share of spans with at least this net growth: {view['share_at_least']:.0%}. Spans overlap, so "
                 f"they are not independent; net growth includes all other jobs gained and lost.")

    bt = models.backtest(series, a.backtest_first_origin, a.backtest_horizon, a.interval_levels)
    summary = models.backtest_summary(bt, a.selection_horizon)
    if summary.empty:
        out.add("forecast", np.nan, method="not enough years to backtest", vintage=latest, evidence=evidence,
                note="판단 불가: the series is too short for a rolling-origin backtest.")
        return None
    selected = summary.iloc[0]["model"]
    backtests.append(summary.assign(series=label, selected=summary["model"] == selected))
    baseline, target = models.target_level(series, increment, deadline, selected, a)
    level80 = a.interval_levels[0]
    probabilities = {}
    for name in models.MODELS:
        fc = models.forecast(series, name, deadline)
        lo80, hi80 = fc.interval(a.interval_levels[0])
        lo95, hi95 = fc.interval(a.interval_levels[1])
        forecasts.append(pd.DataFrame({"series": label, "model": name, "year": fc.years, "mean": fc.mean,
                                       "lower_80": lo80, "upper_80": hi80, "lower_95": lo95, "upper_95": hi95}))
        probabilities[name] = fc.probability_at_least(deadline, target)
        mean, sd = fc.at(deadline)
        out.add(f"forecast {deadline}: {label} ({name})", mean, "천명", lower=lo80[-1], upper=hi80[-1],
                method=f"{name}; {int(level80 * 100)}% prediction interval", vintage=latest, evidence=evidence,
                note=models.MODELS[name][1])
        out.add(f"P(reach baseline + pledge by {deadline}) ({name})", probabilities[name], "probability",
                method=f"{name}; Gaussian predictive at {deadline}", vintage=latest, evidence=evidence,
                note="selected by backtest" if name == selected else "")
    out.add(f"target level {deadline}: baseline ({a.baseline}) + pledge", target, "천명", method=(
        f"baseline {baseline:,.1f} = {'level in ' + str(a.base_year) if a.baseline == 'level' else selected + ' fitted to years ≤ ' + str(a.base_year)}"
        f" + {increment:g}"), vintage=latest, evidence=evidence,
        note=f"Deadline {deadline_note}. A net-employment test: pledged jobs are gross, so reaching the level is "
             f"necessary for the pledge to show in the statistics, not proof that the projects made the jobs.")
    sel = summary.iloc[0]
    out.add(f"backtest: {selected} mean absolute error (h ≤ {a.selection_horizon})", sel["mae"], "천명",
            method=f"rolling origin from {a.backtest_first_origin}, {int(sel['forecasts'])} forecasts",
            vintage=latest, evidence=evidence,
            note=f"80% interval coverage {sel['coverage_80']:.0%}, 95% coverage {sel['coverage_95']:.0%}")
    # A proxy (a broader series than the pledge) reaching the level does not show the pledged jobs exist.
    reached = float(series[latest]) >= target and not spec.get("proxy", False)
    if spec.get("proxy"):
        out.add("proxy: 달성 not assignable", float(float(series[latest]) >= target), "bool", method="status rule",
                vintage=latest, evidence=evidence,
                note=f"{label} is broader than the pledge; the status comes from the probability only.")
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
    out.add("latest cumulative AI MOU count", latest["value"], "MOUs", method="facts table", vintage=vintage,
            evidence=ctx.cite(latest["fact_id"]), note="MOUs are agreements, not firms that moved.")
    out.add(f"MOU trend to {deadline}", projection["mou_mean"], "MOUs", lower=projection["mou_lower"],
            upper=projection["mou_upper"], method=f"OLS of {projection['points']} dated cumulative counts on time "
            f"({projection['slope_per_year']:.1f} ± {projection['slope_se']:.1f} per year); 95% predictive interval",
            vintage=vintage, evidence=evidence,
            note="Cumulative counts are autocorrelated: OLS intervals understate the uncertainty.")
    share = presence["main"]
    out.add("share of MOU firms actually present in Gwangju", share["share"], "ratio", lower=share["lower"],
            upper=share["upper"], method="Jeffreys 95% interval", vintage=vintage, evidence=share["cite"])
    alt = presence["alternative"]
    out.add("sensitivity: share with real investment (council, 2024-11)", alt["share"], "ratio", lower=alt["lower"],
            upper=alt["upper"], method="Jeffreys 95% interval", vintage="2024-11", evidence=alt["cite"],
            note="Another report of the same remarks says 132, not 142.")
    out.add(f"MOU firms present in Gwangju by {deadline}", projection["present_mean"], "firms",
            lower=projection["present_lower"], upper=projection["present_upper"],
            method=f"simulation, {a.simulation_draws} draws, seed {a.seed}; 95% interval", vintage=vintage,
            evidence=evidence, note="An upper bound for 'AI전문기업': not every MOU firm is an AI specialist.")
    out.add(f"P(≥ {pledge.target_value:,.0f} firms present by {deadline})", projection["probability"],
            "probability", method="simulation (MOU trend × presence share)", vintage=vintage, evidence=evidence)
    ict = ctx.establishments[(ctx.establishments["region"] == GWANGJU) & (ctx.establishments["ksic"] == "58~63")
                             & (ctx.establishments["business_type"] == "계") & (ctx.establishments["item"] == "사업체수")]
    ict = ict.sort_values("year").iloc[-1]
    out.add(f"scale: pledge as share of Gwangju 정보통신업 establishments {ict['year']}",
            pledge.target_value / ict["value"], "ratio", method="pledge / census count", vintage=ict["year"],
            evidence=f"data/raw/{ict['source']}", note=f"{ict['value']:,.0f} establishments in all of 정보통신업 (J).")
    return {"probability": projection["probability"], "reached": latest["value"] * share["share"] >= pledge.target_value,
            "model": "MOU trend × presence share", "mou": series}


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
    projects = table[table["covers"] == "direct"]
    out.add("jobs per 1조원 implied by the pledge", ratio, "jobs per 1조원",
            method=f"{jobs_pledge.target_value:,.0f} jobs / {pledge.investment_trillion_krw:g}조원",
            vintage=pledge.source.date, evidence=f"pledges.yaml: {pledge.id}, {jobs_pledge.id}",
            note=f"Direct-job ratios of comparable projects range {projects['jobs_per_trillion_krw'].min():,.0f}–"
                 f"{projects['jobs_per_trillion_krw'].max():,.0f} per 1조원; Bank of Korea coefficients are per "
                 f"final demand or output, not investment, and count induced jobs across the economy.")


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
        specs = [s for s in pledge.measured_series if s["table"] in ("employment_sido_annual",
                                                                     "employment_sido_industry_annual")]
        if pledge.metric == "jobs" and pledge.quantitative and specs:
            outcome = assess_series(ctx, pledge, specs[0], out, forecasts, backtests)
            method = "statistical: net employment forecast"
        elif pledge.metric == "firms" and pledge.quantitative and "ai_mou" in pledge.measured_facts:
            outcome = assess_mou(ctx, pledge, out)
            mou = outcome["mou"]
            method = "statistical: MOU projection"
        if pledge.investment_trillion_krw:
            assess_investment(ctx, pledge, pledges, out, investment)
        if pledge.metric == "jobs" and pledge.quantitative:
            expected, actual = (ctx.fact(f)["value"] for f in MOU_TRACK_RECORD)
            out.add("track record: share of expected jobs realised in Gwangju investment MOUs 2016–2020.09",
                    actual / expected, "ratio", method=f"{actual:,.0f} actual / {expected:,.0f} expected",
                    vintage="2020-09", evidence="; ".join(ctx.cite(f) for f in MOU_TRACK_RECORD),
                    note="How far the city's past job announcements were realised.")
        evidence_rows = []
        for item in pledge.evidence:
            if item.fact:
                fact = ctx.fact(item.fact)
                evidence_rows.append((item.means, fact["as_of_date"]))
                evidence_used.append(f"{item.means}: {fact['claim_en']} ({ctx.cite(item.fact)})")
            else:
                evidence_rows.append((item.means, pd.Timestamp(pledge.source.date)))
                evidence_used.append(f"{item.means}: reported done in the pledge article ({pledge.source.citation})")
        if outcome is not None:
            label = status.from_probability(outcome["probability"], outcome["reached"], assumptions)
            reason = (f"P = {outcome['probability']:.0%} under {outcome['model']} of reaching the target by "
                      f"{outcome.get('deadline', pledge.deadline)}")
            evidence_used.insert(0, f"statistical: see result rows of {pledge.id}")
            probability = outcome["probability"]
        else:
            label = status.from_evidence(evidence_rows)
            probability = np.nan
            decisive = [e for e in evidence_used if e.split(":")[0] in status.DECISIVE]
            if label == status.UNKNOWN:
                method = "no measure"
                reason = ("the pledge states no number and no fact bears on it" if not pledge.evidence else
                          "only context facts bear on it") + (f"; {pledge.measurement_note}" if pledge.measurement_note else "")
            else:
                method = "dated facts"
                reason = f"{len(decisive)} decisive fact(s); the latest decides unless one reports it achieved"
        if label != status.UNKNOWN and not evidence_used:
            raise AssertionError(f"{pledge.id}: status {label} without evidence")
        statuses.append({"pledge_id": pledge.id, "status": label, "method": method, "probability": probability,
                         "reason": reason, "evidence": " | ".join(evidence_used),
                         "series": (outcome or {}).get("label", ""), "target_level": (outcome or {}).get("target", np.nan),
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
    ctx = _Context.__new__(_Context)
    ctx.employment = pipeline.load("employment_sido_annual")
    ctx.industry = pipeline.load("employment_sido_industry_annual")
    for spec in pledge.measured_series:
        if spec["table"] in ("employment_sido_annual", "employment_sido_industry_annual"):
            _, rows = series_for(ctx, spec)
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


def _result(results: pd.DataFrame, prefix: str) -> pd.Series | None:
    rows = results[results["measure"].str.startswith(prefix)]
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
    trend = _result(results, "MOU trend to")
    if trend is not None:
        present = _result(results, "MOU firms present")
        mou = assessment.mou.assign(as_of_date=pd.to_datetime(assessment.mou["as_of_date"]))
        projection = {"date": pd.Timestamp(int(status_row["deadline"]), 12, 31), "mou_mean": trend["value"],
                      "mou_lower": trend["lower"], "mou_upper": trend["upper"], "present_mean": present["value"],
                      "present_lower": present["lower"], "present_upper": present["upper"]}
    ratio = _result(results, "jobs per 1조원")
    investment = assessment.investment if ratio is not None else None
    return PledgeView(status_row, results, history, forecasts, backtest, mou, projection, investment,
                      None if ratio is None else float(ratio["value"]), DEFAULT.with_overrides(**(overrides or {})))


def timeline() -> pd.DataFrame:
    """Dated events after the pledges (election, designations, bids), each with its source."""
    facts = pipeline.load("facts")
    rows = facts[facts["topic"].isin(TIMELINE_TOPICS)].drop_duplicates("source_url").sort_values("as_of_date")
    return pd.DataFrame({"as_of": rows["as_of_date"].dt.strftime("%Y-%m-%d"), "event": rows["quote"],
                         "source": rows["source"] + " " + rows["source_url"]})


def key_number(results: pd.DataFrame, status_row: pd.Series) -> str:
    """The one number a scorecard shows for a pledge, with its interval."""
    from .present import result_value
    for prefix in ("P(", "MOU firms present", "jobs per 1조원"):
        row = _result(results, prefix)
        if row is not None:
            label = {"P(": "목표 도달 확률", "MOU firms present": "2030 입주 기업 환산",
                     "jobs per 1조원": "1조원당 일자리"}[prefix]
            if prefix == "P(":
                selected = results[results["measure"].str.startswith("P(") & (results["note"] == "selected by backtest")]
                row = selected.iloc[0] if len(selected) else row
            return f"{label}: {result_value(row)}"
    return "수치 측정 없음"


def scorecard(assessment: Assessment) -> pd.DataFrame:
    """One row per pledge: title, source role, quote, status badge, key number, reason, link."""
    from .present import ROLE_KO, badge
    rows = []
    statuses = assessment.statuses.set_index("pledge_id")
    for pledge in registry().values():
        status_row = statuses.loc[pledge.id]
        results = assessment.results[assessment.results["pledge_id"] == pledge.id]
        quote = pledge.quote if len(pledge.quote) <= 70 else pledge.quote[:68] + "…"
        rows.append({"pledge_id": pledge.id, "title": pledge.title,
                     "role": f"{ROLE_KO[pledge.source.role]} ({pledge.source.outlet} {pledge.source.date})",
                     "quote": f"“{quote}”", "status": status_row["status"], "badge": badge(status_row["status"]),
                     "key_number": key_number(results, status_row), "reason": status_row["reason"],
                     "link": f"<a href='pledge-{pledge.id}.html'>보고서</a>"})
    return pd.DataFrame(rows)
