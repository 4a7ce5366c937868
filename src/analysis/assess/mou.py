"""The city's AI business MOUs as a count process, and the firms they are likely to leave in Gwangju.

New MOUs arrive at a rate that changed with the city's administration (fast, then a pause after
July 2022, then resumed in 2024): a Poisson model of the counts between dated reports with one
rate per regime (identity link, exposure in months per regime, rates constrained to be
non-negative in the fit), its overdispersion estimated from the Pearson residuals, projected to the
deadline at the latest regime's rate. A regime enters only once a count dated after its start is
known (a verdict of a past day never uses a break it could not see). An MOU
is an agreement, not a relocation: the projection is discounted by the share of MOU firms that set
up in Gwangju (a Beta posterior), simulated with a fixed seed.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from ..ingest.fact_terms import MOU_SERIES

# Units that mark a cumulative count of the city's AI business MOUs, declared with the facts' words.
MOU_COUNT_UNITS = MOU_SERIES.units
DAYS_PER_MONTH = 30.4375


def mou_series(facts: pd.DataFrame, as_of: pd.Timestamp | None = None) -> pd.DataFrame:
    """Cumulative MOU counts by date (one row per date and count), known by `as_of`."""
    rows = facts[(facts["topic"] == "ai_mou") & facts["unit"].isin(MOU_COUNT_UNITS) & facts["value"].notna()]
    if as_of is not None:
        rows = rows[rows["published_date"] <= as_of]
    rows = rows.sort_values(["as_of_date", "fact_id"]).drop_duplicates(["as_of_date", "value"])
    rows = rows.drop_duplicates("value", keep="first")
    return rows[["fact_id", "as_of_date", "value", "unit", "source_url"]].reset_index(drop=True)


def months_between(start: pd.Timestamp, end: pd.Timestamp) -> float:
    return max((end - start).days, 0) / DAYS_PER_MONTH


def _exposure(start: pd.Timestamp, end: pd.Timestamp, starts: list[pd.Timestamp]) -> list[float]:
    """Months of [start, end) spent in each regime (regime k runs from starts[k] to starts[k+1])."""
    bounds = [pd.Timestamp.min, *starts, pd.Timestamp.max]
    return [months_between(max(start, bounds[k]), min(end, bounds[k + 1])) if start < bounds[k + 1] and end > bounds[k]
            else 0.0 for k in range(len(bounds) - 1)]


def intervals(series: pd.DataFrame, starts: list[pd.Timestamp]) -> pd.DataFrame:
    """New MOUs between consecutive reports, with months of exposure in each regime."""
    rows = []
    for (_, a), (_, b) in zip(series.iterrows(), series.iloc[1:].iterrows()):
        rows.append({"start": a["as_of_date"], "end": b["as_of_date"], "new": max(b["value"] - a["value"], 0.0),
                     **{f"months_{k}": m for k, m in enumerate(_exposure(a["as_of_date"], b["as_of_date"], starts))}})
    return pd.DataFrame(rows)


@dataclass
class CountFit:
    rates: np.ndarray          # MOUs a month, per regime
    covariance: np.ndarray
    dispersion: float          # Pearson chi-square / residual df (1 = Poisson)
    ljung_box_p: float         # autocorrelation of Pearson residuals (lag 1)
    intervals: pd.DataFrame


def _poisson_fit(counts: np.ndarray, exposure: np.ndarray) -> np.ndarray:
    """Maximum-likelihood rates ≥ 0 of a Poisson model with an identity link (expected count =
    exposure · rates), the constraint in the fit (L-BFGS-B bounds), never a clip afterwards."""
    from scipy import optimize

    def negative_log_likelihood(rates):
        mean = exposure @ rates + 1e-12
        return float(np.sum(mean - counts * np.log(mean))), exposure.T @ (1 - counts / mean)

    start = np.full(exposure.shape[1], max(counts.sum() / exposure.sum(), 0.1))
    result = optimize.minimize(negative_log_likelihood, start, jac=True, method="L-BFGS-B",
                               bounds=[(0, None)] * exposure.shape[1], options={"ftol": 1e-14, "gtol": 1e-10})
    return result.x


def fit_counts(series: pd.DataFrame, starts: list[pd.Timestamp]) -> CountFit:
    """Poisson rates per regime (identity link: expected new MOUs = Σ rate × months), constrained
    to be non-negative, with the Pearson dispersion and the covariance of the free rates."""
    from statsmodels.stats.diagnostic import acorr_ljungbox

    data = intervals(series, starts)
    exog = data[[c for c in data.columns if c.startswith("months_")]].to_numpy()
    counts = data["new"].to_numpy(dtype=float)
    used = exog.sum(axis=0) > 0
    rates = np.zeros(len(used))
    rates[used] = _poisson_fit(counts, exog[:, used])
    mean = exog @ rates
    residuals = (counts - mean) / np.sqrt(np.maximum(mean, 1e-12))
    free = used & (rates > 1e-9)
    dispersion = float(np.sum(residuals ** 2) / max(len(counts) - free.sum(), 1))
    information = (exog[:, free] / np.maximum(mean, 1e-12)[:, None]).T @ exog[:, free]
    covariance = np.zeros((len(used), len(used)))
    covariance[np.ix_(free, free)] = np.linalg.pinv(information) * max(dispersion, 1.0)
    lb = acorr_ljungbox(residuals, lags=[1]).iloc[0]["lb_pvalue"] if len(residuals) > 3 else np.nan
    return CountFit(rates, covariance, float(max(dispersion, 1.0)), float(lb), data)


def presence_share(successes: float, trials: float, level: float = 0.95) -> dict:
    """Share of MOU firms with a real presence, with a Jeffreys interval (Beta(s+½, n−s+½))."""
    posterior = stats.beta(successes + 0.5, trials - successes + 0.5)
    low, high = posterior.ppf([(1 - level) / 2, (1 + level) / 2])
    return {"share": successes / trials, "lower": float(low), "upper": float(high),
            "alpha": successes + 0.5, "beta": trials - successes + 0.5}


def project(fit: CountFit, last_count: float, months: float, share: dict, target: float, draws: int,
            seed: int, level: float = 0.8) -> dict:
    """MOUs and present firms at the deadline: rate uncertainty, overdispersed arrivals, presence share."""
    rng = np.random.default_rng(seed)
    rate_sd = float(np.sqrt(max(fit.covariance[-1, -1], 0.0)))
    rates = np.clip(rng.normal(fit.rates[-1], rate_sd, draws), 0, None)
    mean_new = rates * months
    # negative binomial with variance dispersion × mean (gamma–Poisson mixture; no arrivals at rate 0)
    if fit.dispersion > 1:
        excess = fit.dispersion - 1
        mean_new = np.where(mean_new > 0, rng.gamma(np.maximum(mean_new / excess, 1e-12), excess), 0.0)
    new = rng.poisson(mean_new)
    counts = last_count + new
    present = counts * rng.beta(share["alpha"], share["beta"], draws)
    low, high = (1 - level) / 2, (1 + level) / 2
    return {"mou_mean": float(counts.mean()), "mou_lower": float(np.quantile(counts, low)),
            "mou_upper": float(np.quantile(counts, high)), "present_mean": float(present.mean()),
            "present_sd": float(present.std()), "present_lower": float(np.quantile(present, low)),
            "present_upper": float(np.quantile(present, high)),
            "probability": float((present >= target).mean()), "present_draws": present}
