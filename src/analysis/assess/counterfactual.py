"""Where would Gwangju be without the pledges? Two counterfactual benchmarks, both context:

- shift-share: Gwangju's employment had each industry grown at its national rate since the base
  year (national growth, industry mix, and the regional remainder);
- synthetic control for manufacturing employment: a weighted mix of other 시도 that tracks
  Gwangju before the pledges, the gap after them, placebo runs for every donor, and the gap a
  placebo reaches by chance (what the method could detect).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import optimize

from ..vocab.regions import NATIONAL

# The labour-force survey's industry rows that partition 계 (제조업 C sits inside 광공업 B,C, and
# 사회간접자본 및 기타서비스업 D~U is the total of the last four): checked against 계 below.
PARTITION = ("A", "B,C", "F", "G,I", "E,L~U", "D,H,J,K")
ROUNDING = 3.0  # 천명: six rows each rounded to the thousand


def shift_share(industry: pd.DataFrame, region: str, base_year: int, last_year: int) -> dict:
    """Employment by industry (the industry table, 천명): expected at national growth rates."""
    sections = industry[industry["section"].isin(PARTITION)]
    wide = sections.pivot_table(index=["region", "section"], columns="year", values="value", aggfunc="first")
    local, national = wide.loc[region], wide.loc[NATIONAL]
    total = industry[(industry["section"] == "ALL")].pivot_table(index="region", columns="year", values="value")
    growth_all = total.loc[NATIONAL, last_year] / total.loc[NATIONAL, base_year] - 1
    growth_by = national[last_year] / national[base_year] - 1
    base = local[base_year]
    if abs(base.sum() - total.loc[region, base_year]) > ROUNDING:
        raise ValueError(f"industry rows {PARTITION} sum to {base.sum()}, not 계 {total.loc[region, base_year]}")
    national_effect = float(base.sum() * growth_all)
    mix_effect = float((base * (growth_by - growth_all)).sum())
    actual = float(local[last_year].sum() - base.sum())
    return {"base_year": base_year, "last_year": last_year, "base": float(base.sum()),
            "expected_change": national_effect + mix_effect, "national_effect": national_effect,
            "mix_effect": mix_effect, "regional_effect": actual - national_effect - mix_effect,
            "actual_change": actual}


def _weights(treated: np.ndarray, donors: np.ndarray) -> np.ndarray:
    """Non-negative donor weights summing to one that best reproduce the treated pre-period."""
    k = donors.shape[1]
    result = optimize.minimize(lambda w: float(np.sum((treated - donors @ w) ** 2)), np.full(k, 1 / k),
                               method="SLSQP", bounds=[(0, 1)] * k,
                               constraints=[{"type": "eq", "fun": lambda w: w.sum() - 1}])
    return result.x


def _gap(index: pd.DataFrame, treated: str, donors: list[str], last_pre: int) -> dict:
    pre = index.index <= last_pre
    w = _weights(index.loc[pre, treated].to_numpy(), index.loc[pre, donors].to_numpy())
    synthetic = index[donors].to_numpy() @ w
    gap = index[treated].to_numpy() - synthetic
    pre_rmspe = float(np.sqrt(np.mean(gap[pre] ** 2)))
    post = gap[~pre]
    return {"weights": dict(zip(donors, w)), "gap": pd.Series(gap, index=index.index),
            "synthetic": pd.Series(synthetic, index=index.index), "pre_rmspe": pre_rmspe,
            "post_mean": float(post.mean()), "ratio": float(np.sqrt(np.mean(post ** 2)) / max(pre_rmspe, 1e-12))}


def synthetic_control(panel: pd.DataFrame, treated: str, base_year: int) -> dict:
    """Synthetic control of a series indexed to its mean over the pre-period (the years up to
    `base_year`, so no single year's level sets the scale and 시도 of any size compare), with a
    placebo run for every donor. `detectable` is the 95th percentile of the placebos' post-period
    mean gaps (relative): the effect a gap must exceed to stand out from chance. The treated unit's
    pre-period fit (RMSE) is returned beside the placebos' (a poor fit makes the gap meaningless)."""
    wide = panel.pivot_table(index="year", columns="region", values="value").dropna(axis=1)
    pre = wide.index <= base_year
    index = wide / wide[pre].mean()
    donors = [r for r in index.columns if r != treated]
    result = _gap(index, treated, donors, base_year)
    placebos = {r: _gap(index, r, [d for d in index.columns if d not in (r, treated)], base_year) for r in donors}
    ratios = np.array([p["ratio"] for p in placebos.values()])
    post = np.array([abs(p["post_mean"]) for p in placebos.values()])
    placebo_fit = np.array([p["pre_rmspe"] for p in placebos.values()])
    return {**result, "placebos": placebos, "level": float(wide.loc[pre, treated].mean()),
            "p_value": float((np.sum(ratios >= result["ratio"]) + 1) / (len(ratios) + 1)),
            "detectable": float(np.quantile(post, 0.95)), "pre_years": int(pre.sum()),
            "post_years": int((~pre).sum()), "placebo_pre_rmspe": float(np.median(placebo_fit)),
            "pre_fit_rank": float(np.mean(placebo_fit <= result["pre_rmspe"]))}
