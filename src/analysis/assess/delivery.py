"""How much of an announced number gets delivered: reference classes of Gwangju's own past
announcements (config/reference_classes.yaml), each a pair of facts (promised, delivered).

The model is a beta-binomial: each announced unit is delivered with a probability that varies
between programmes as Beta(α, β), fitted by maximum likelihood over the cases (statsmodels-free
but scipy's betabinom). It assumes the pledge is one more draw from the same class; a delivered
count above the promise counts as full delivery. With three or four cases it is uncertain, and
the sensitivity grid leaves each case out in turn.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict
from scipy import optimize, stats

from .. import paths
from ..ingest import yamlfile


class _Case(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    label: str
    promised: str
    delivered: str
    note: str = ""


class _Class(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: str
    unit: str
    cases: tuple[_Case, ...]


class _PerFirm(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: str
    jobs: str
    firms: str


class _Projection(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: str
    projected: str
    actual: tuple[str, ...]


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    classes: dict[str, _Class]
    ai_jobs_per_firm: tuple[_PerFirm, ...]
    official_projections: tuple[_Projection, ...]


@lru_cache(maxsize=1)
def declared() -> _File:
    return yamlfile.load(paths.CONFIG / "reference_classes.yaml", _File)


@dataclass
class Case:
    id: str
    label: str
    promised: float
    delivered: float
    known: object  # the date the delivered figure was published
    sources: tuple[str, str]
    note: str

    @property
    def ratio(self) -> float:
        return self.delivered / self.promised


def cases(ctx, name: str, excluded: str = "", as_of=None) -> list[Case]:
    """The cases of a class as numbers from the facts table (known by `as_of`, one left out)."""
    out = []
    for case in declared().classes[name].cases:
        promised, delivered = ctx.fact(case.promised), ctx.fact(case.delivered)
        if case.id == excluded or (as_of is not None and delivered["published_date"] > as_of):
            continue
        out.append(Case(case.id, case.label, float(promised["value"]), float(delivered["value"]),
                        delivered["published_date"], (case.promised, case.delivered), case.note))
    return out


def fit(observed: list[Case]) -> tuple[float, float]:
    """Maximum-likelihood Beta(α, β) of the beta-binomial over the cases (deliveries capped at the promise)."""
    n = np.array([round(c.promised) for c in observed])
    k = np.minimum(np.array([round(c.delivered) for c in observed]), n)

    def negative_log_likelihood(log_params):
        a, b = np.exp(log_params)
        return -float(np.sum(stats.betabinom.logpmf(k, n, a, b)))

    start = np.log([1.0, 1.0])
    result = optimize.minimize(negative_log_likelihood, start, method="Nelder-Mead",
                               options={"xatol": 1e-6, "fatol": 1e-9, "maxiter": 4000})
    a, b = np.exp(result.x)
    return float(a), float(b)


def predict(alpha: float, beta: float, target: float, share: float, levels=(0.8, 0.95)) -> dict:
    """Delivered units of a pledge of `target`: mean, intervals, and P(delivered ≥ share × target)."""
    n = round(target)
    distribution = stats.betabinom(n, alpha, beta)
    out = {"mean": float(distribution.mean()), "probability": float(distribution.sf(math.ceil(share * n) - 1)),
           "alpha": alpha, "beta": beta, "mean_share": alpha / (alpha + beta)}
    for level in levels:
        low, high = distribution.ppf([(1 - level) / 2, (1 + level) / 2])
        out[f"lower_{int(level * 100)}"], out[f"upper_{int(level * 100)}"] = float(low), float(high)
    return out


def ai_jobs(ctx, present_draws: np.ndarray, target: float, share: float, seed: int, levels=(0.8, 0.95)) -> dict:
    """Jobs from AI firms: present firms (simulated) × jobs per present firm, drawn uniformly between
    the lowest and highest rates reported (config/reference_classes.yaml, ai_jobs_per_firm)."""
    rates = [float(ctx.fact(r.jobs)["value"]) / float(ctx.fact(r.firms)["value"]) for r in declared().ai_jobs_per_firm]
    rng = np.random.default_rng(seed)
    jobs = present_draws * rng.uniform(min(rates), max(rates), len(present_draws))
    out = {"mean": float(jobs.mean()), "probability": float((jobs >= share * target).mean()),
           "rate_low": min(rates), "rate_high": max(rates)}
    for level in levels:
        out[f"lower_{int(level * 100)}"], out[f"upper_{int(level * 100)}"] = (
            float(np.quantile(jobs, (1 - level) / 2)), float(np.quantile(jobs, (1 + level) / 2)))
    return out


def official_projections(ctx) -> pd.DataFrame:
    """Past official projections against what happened: the error, relative and absolute."""
    rows = []
    for item in declared().official_projections:
        projected = float(ctx.fact(item.projected)["value"])
        actual = sum(float(ctx.fact(f)["value"]) for f in item.actual)
        rows.append({"label": item.label, "projected": projected, "actual": actual, "error": actual - projected,
                     "relative_error": actual / projected - 1,
                     "sources": "; ".join(f"fact:{f}" for f in (item.projected, *item.actual))})
    return pd.DataFrame(rows)
