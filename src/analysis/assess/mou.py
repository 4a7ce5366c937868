"""The city's AI business MOUs: a dated cumulative count, projected and discounted by the share
of MOU firms that actually set up in Gwangju (an MOU is an agreement, not a relocation)."""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from .assumptions import DEFAULT, Assumptions

# Units that mark a cumulative count of the city's AI business MOUs in the facts table. Rows in
# other units (firms present, hires, yearly counts, money) are different quantities.
MOU_COUNT_UNITS = {
    "MOUs (43 firms+7 institutions)", "MOU firms", "cumulative MOU number", "MOUs (92 firms+8 institutions)",
    "MOUs", "MOUs (firms+institutions)", "firms with MOU (AI+semiconductor)", "firms with MOU",
}


def mou_series(facts: pd.DataFrame) -> pd.DataFrame:
    """Cumulative AI MOU counts by date, one row per date (the same count twice is kept once)."""
    rows = facts[(facts["topic"] == "ai_mou") & facts["unit"].isin(MOU_COUNT_UNITS) & facts["value"].notna()]
    rows = rows.sort_values(["as_of_date", "fact_id"]).drop_duplicates(["as_of_date", "value"])
    rows = rows.drop_duplicates("value", keep="first")
    return rows[["fact_id", "as_of_date", "value", "unit", "source_url"]].reset_index(drop=True)


def decimal_year(dates: pd.Series) -> np.ndarray:
    dates = pd.to_datetime(dates)
    return (dates.dt.year + (dates.dt.day_of_year - 1) / 365.25).to_numpy()


def presence_share(successes: float, trials: float, level: float = 0.95) -> dict:
    """Share of MOU firms with a real presence, with a Jeffreys interval (Beta(s+½, n−s+½))."""
    posterior = stats.beta(successes + 0.5, trials - successes + 0.5)
    low, high = posterior.ppf([(1 - level) / 2, (1 + level) / 2])
    return {"share": successes / trials, "lower": float(low), "upper": float(high),
            "alpha": successes + 0.5, "beta": trials - successes + 0.5}


def project_mou(series: pd.DataFrame, until: pd.Timestamp, share: dict, target: float,
                assumptions: Assumptions = DEFAULT) -> dict:
    """Linear trend of cumulative MOUs projected to `until`, times the presence share.

    Returns the projected MOUs and present firms with intervals, and P(present firms ≥ target),
    by simulation: the MOU count from the trend's predictive t distribution, the share from its
    Beta posterior, drawn independently with a fixed seed.
    """
    import statsmodels.api as sm
    x = decimal_year(series["as_of_date"])
    y = series["value"].to_numpy(dtype=float)
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    x_new = np.array([[1.0, decimal_year(pd.Series([until]))[0]]])
    prediction = fit.get_prediction(x_new)
    mean = float(prediction.predicted_mean[0])
    sd = float(np.sqrt(prediction.var_pred_mean[0] + fit.scale))
    rng = np.random.default_rng(assumptions.seed)
    counts = mean + sd * rng.standard_t(fit.df_resid, assumptions.simulation_draws)
    shares = rng.beta(share["alpha"], share["beta"], assumptions.simulation_draws)
    present = counts * shares
    low, high = (1 - assumptions.interval_levels[1]) / 2, (1 + assumptions.interval_levels[1]) / 2
    return {
        "slope_per_year": float(fit.params[1]), "slope_se": float(fit.bse[1]), "points": len(y),
        "mou_mean": mean, "mou_lower": float(np.quantile(counts, low)), "mou_upper": float(np.quantile(counts, high)),
        "present_mean": float(present.mean()), "present_lower": float(np.quantile(present, low)),
        "present_upper": float(np.quantile(present, high)), "probability": float((present >= target).mean()),
    }


def _presence(inputs, fact_id: str) -> dict:
    trials, successes = inputs.fact(f"{fact_id}.1")["value"], inputs.fact(f"{fact_id}.2")["value"]
    share = presence_share(successes, trials)
    share["cite"] = f"{inputs.cite(fact_id + '.1')}; {inputs.cite(fact_id + '.2')}"
    return share


def _ict_scale_row(inputs, pledge, out) -> None:
    firms = inputs.establishments
    ict = firms[(firms["region"] == pledge.geography) & (firms["ksic"] == "58~63")
                & (firms["business_type"] == "계") & (firms["item"] == "사업체수")]
    ict = ict.sort_values("year").iloc[-1]
    out.add("ict_share", f"규모: {ict['year']}년 광주 정보통신업 사업체 대비 공약", pledge.target_value / ict["value"],
            "ratio", method="공약 ÷ 전국사업체조사 사업체수", vintage=ict["year"], evidence=f"data/raw/{ict['source']}",
            note=f"정보통신업(J) 전체 사업체 {ict['value']:,.0f}개.")


def assess_mou(inputs, pledge, out, deadline: int) -> dict:
    """Projection of the city's AI MOU count to the deadline, discounted by the share that set up in Gwangju."""
    a = inputs.assumptions
    series = mou_series(inputs.facts_frame())
    presence = {"main": _presence(inputs, a.mou_presence_fact),
                "alternative": _presence(inputs, a.mou_presence_alternative_fact)}
    projection = project_mou(series, pd.Timestamp(deadline, 12, 31), presence["main"], pledge.target_value, a)
    evidence = "; ".join(f"{inputs.fact(f)['source']} [{f}]" for f in series["fact_id"])
    vintage = series["as_of_date"].max().date()
    latest = series.iloc[-1]
    out.add("mou_latest", "최신 누적 AI 업무협약 수", latest["value"], "건", method="사실 자료", vintage=vintage,
            evidence=inputs.cite(latest["fact_id"]), note="업무협약은 협약일 뿐, 이전한 기업 수가 아님.")
    out.add("mou_trend", f"업무협약 추세 전망 {deadline}", projection["mou_mean"], "건", lower=projection["mou_lower"],
            upper=projection["mou_upper"], method=f"날짜가 있는 누적 건수 {projection['points']}개의 시간 추세 OLS "
            f"(연 {projection['slope_per_year']:.1f} ± {projection['slope_se']:.1f}건); 95% 예측구간",
            vintage=vintage, evidence=evidence, note="누적 건수는 자기상관이 있어 OLS 구간은 불확실성을 과소평가함.")
    share, alternative = presence["main"], presence["alternative"]
    out.add("presence_share", "협약 기업 중 광주에 실제 입주한 비율", share["share"], "ratio", lower=share["lower"],
            upper=share["upper"], method="Jeffreys 95% 구간", vintage=vintage, evidence=share["cite"])
    out.add("presence_alt", "민감도: 실투자 비율 (시의회, 2024-11)", alternative["share"], "ratio",
            lower=alternative["lower"], upper=alternative["upper"], method="Jeffreys 95% 구간", vintage="2024-11",
            evidence=alternative["cite"], note="같은 발언을 다룬 다른 보도는 142개가 아니라 132개라고 전함.")
    out.add("present_firms", f"{deadline}년 광주 입주 협약 기업 (환산)", projection["present_mean"], "개",
            lower=projection["present_lower"], upper=projection["present_upper"],
            method=f"모의실험 {a.simulation_draws}회, seed {a.seed}; 95% 구간", vintage=vintage, evidence=evidence,
            note="'AI전문기업'의 상한: 협약 기업이 모두 AI 전문기업은 아님.")
    out.add("probability", f"{deadline}년까지 입주 기업 {pledge.target_value:,.0f}개 이상일 확률", projection["probability"],
            "probability", method="모의실험 (협약 추세 × 입주 비율)", vintage=vintage, evidence=evidence,
            model="업무협약 추세 × 입주 비율")
    _ict_scale_row(inputs, pledge, out)
    return {"probability": projection["probability"], "reached": latest["value"] * share["share"] >= pledge.target_value,
            "model": "업무협약 추세 × 입주 비율", "mou": series, "deadline": deadline}
