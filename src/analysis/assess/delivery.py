"""How much of an announced number gets delivered, from the cases of a reference class
(assess/reference.py), on a continuous scale with no cap and no point mass.

Each case gives y = log(delivered / promised): 0 is exact delivery, above 0 over-delivery, below 0 a
shortfall (a count of zero is read as half a unit). With t the years from announcement to the count,

    y = a + b·log(t / 4) + e,   e ~ Normal(0, s²)

so a is the log share delivered four years after an announcement and b how the share grows with
time (b = 0: not at all; b = 1: in proportion to time). The posterior of (a, b, s) is computed on a
grid under weak priors: a ~ N(0, 1.5²), b ~ N(`delivery_growth`, 0.25²) (three or four cases cannot
tell b on their own), s ~ half-normal(1). A pledge is one more draw at its own horizon (announcement
to deadline): the probability of reaching the pledge is a smooth function of every case, a later
deadline changes it, and intervals can exceed the pledge. With `delivery_overshoot: censor` a case
above its promise counts only as "at least the promise" (censored at 0) instead of its reported
over-delivery. Leaving each case out in turn shows how much of the answer is the choice of cases.
"""
from __future__ import annotations

import math

import numpy as np
from scipy import stats

from .outcome import INTERVAL_LEVEL
from .reference import Case, declared  # noqa: F401  (declared: the reports read the classes from here)

REFERENCE_YEARS = 4.0
PRIOR_A_SD, PRIOR_B_SD, PRIOR_S_SCALE = 1.5, 0.25, 1.0
_A = np.linspace(-6.0, 3.0, 73)
_B_SPAN = np.linspace(-4.0, 4.0, 33)  # prior standard deviations either side of the prior mean
_S = np.exp(np.linspace(math.log(0.05), math.log(5.0), 49))


def _grid(growth: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    a, b, s = np.meshgrid(_A, growth + PRIOR_B_SD * _B_SPAN, _S, indexing="ij")
    a, b, s = a.ravel(), b.ravel(), s.ravel()
    # priors on the grid (s on a log grid: its density times s)
    log_prior = (stats.norm.logpdf(a, 0, PRIOR_A_SD) + stats.norm.logpdf(b, growth, PRIOR_B_SD)
                 + stats.halfnorm.logpdf(s, scale=PRIOR_S_SCALE) + np.log(s))
    return a, b, s, log_prior


def posterior(cases: list[Case], growth: float, overshoot: str = "keep") -> dict:
    """Grid posterior of (a, b, s): the points with non-negligible weight and their weights."""
    a, b, s, log_weight = _grid(growth)
    for case in cases:
        mean = a + b * math.log(case.years / REFERENCE_YEARS)
        if overshoot == "censor" and case.log_ratio >= 0:
            log_weight = log_weight + stats.norm.logsf(0.0, mean, s)
        else:
            log_weight = log_weight + stats.norm.logpdf(case.log_ratio, mean, s)
    weight = np.exp(log_weight - log_weight.max())
    keep = weight > weight.sum() * 1e-9
    weight = weight[keep] / weight[keep].sum()
    return {"a": a[keep], "b": b[keep], "s": s[keep], "w": weight}


def _weighted_quantiles(values: np.ndarray, weights: np.ndarray, qs) -> np.ndarray:
    order = np.argsort(values)
    cumulative = np.cumsum(weights[order])
    return np.interp(qs, cumulative - weights[order] / 2, values[order])


def _amount_quantiles(mean: np.ndarray, s: np.ndarray, w: np.ndarray, qs) -> np.ndarray:
    """Quantiles of the log delivered share under the posterior predictive (a mixture of normals),
    by bisection on its distribution function (to 0.001 in log share)."""
    qs = np.asarray(qs, dtype=float)
    low, high = np.full(qs.shape, float((mean - 6 * s).min())), np.full(qs.shape, float((mean + 6 * s).max()))
    while np.max(high - low) > 1e-3:
        middle = (low + high) / 2
        below = (stats.norm.cdf((middle[:, None] - mean[None, :]) / s[None, :]) * w[None, :]).sum(axis=1) < qs
        low, high = np.where(below, middle, low), np.where(below, high, middle)
    return (low + high) / 2


def predict(post: dict, years: float, target: float, share: float, level: float = INTERVAL_LEVEL) -> dict:
    """Delivered amount of a pledge of `target` counted `years` after its announcement: median and
    mean with a central `level` interval, and P(delivered ≥ share × target) with the `level`
    interval of that probability over the posterior."""
    mean = post["a"] + post["b"] * math.log(years / REFERENCE_YEARS)
    threshold = math.log(share)
    chance = stats.norm.sf(threshold, mean, post["s"])
    tails = ((1 - level) / 2, (1 + level) / 2)
    low_y, median_y, high_y = _amount_quantiles(mean, post["s"], post["w"], (tails[0], 0.5, tails[1]))
    low_p, high_p = _weighted_quantiles(chance, post["w"], tails)

    return {"probability": float(np.sum(post["w"] * chance)), "probability_low": float(low_p),
            "probability_high": float(high_p), "median": target * math.exp(median_y), "low": target * math.exp(low_y),
            "high": target * math.exp(high_y), "mean": float(np.sum(post["w"] * target * np.exp(mean + post["s"] ** 2 / 2))),
            "growth": float(np.sum(post["w"] * post["b"])), "level": level, "years": years}


def leave_one_out(cases: list[Case], growth: float, overshoot: str, years: float, target: float,
                  share: float) -> list[dict]:
    """The prediction with each case left out in turn (how much the answer owes to one case)."""
    return [{"left_out": case.id, **predict(posterior([c for c in cases if c is not case], growth, overshoot),
                                            years, target, share)} for case in cases]


def ai_jobs(present_draws: np.ndarray, rates: list[float], target: float, share: float, seed: int,
            level: float = INTERVAL_LEVEL) -> dict:
    """Jobs from AI firms: present firms (simulated) × jobs per present firm, drawn uniformly between
    the lowest and highest rates reported (config/reference_classes.yaml, ai_jobs.per_firm)."""
    rng = np.random.default_rng(seed)
    jobs = present_draws * rng.uniform(min(rates), max(rates), len(present_draws))
    low, high = np.quantile(jobs, [(1 - level) / 2, (1 + level) / 2])
    return {"mean": float(jobs.mean()), "probability": float((jobs >= share * target).mean()),
            "rate_low": min(rates), "rate_high": max(rates), "low": float(low), "high": float(high), "level": level}
