"""A pledge that is the sum of other pledges (13,000 = 5,000 + 8,000), judged from the distribution
of the sum: the parts are simulated jointly and the whole's probability is never above the chance
that every part is met.

Dependence, stated: parts judged by the same reference class share its unknown parameters (one
posterior draw for all of them), and their own deviations from it are correlated with
`parts_dependence` (same announcer, same years). A part with no distribution of its own (judged by
the stage of its facility, or by dated facts) counts as its pledged amount unless its status is
실현 어려움, when it counts as nothing: a sum is never made better than its parts by a part whose
amount nobody counts.
"""
from __future__ import annotations

import math

import numpy as np

from . import reasons, rules
from .delivery import REFERENCE_YEARS
from .outcome import INTERVAL_LEVEL, Deciding, Outcome

BATCHES, PER_BATCH = 400, 50  # posterior draws × deviations per draw (the probability's interval comes from the batches)


def counted(verdict) -> str:
    """How a part enters the sum: estimated (its own distribution), unreachable (counts as nothing)
    or as_promised (its pledged amount; nobody counts it)."""
    if verdict.model is not None:
        return "estimated"
    return "unreachable" if verdict.status == rules.UNLIKELY else "as_promised"


def _part_draws(verdict, target: float, u: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Delivered amounts of one part under the shared draws (u picks the posterior point, z the deviation)."""
    prediction = verdict.model
    if prediction is None:
        return np.full(z.shape, 0.0 if counted(verdict) == "unreachable" else target)
    post = prediction["posterior"]
    index = np.searchsorted(np.cumsum(post["w"]), u).clip(0, len(post["w"]) - 1)
    x = math.log(prediction["result"]["years"] / REFERENCE_YEARS)
    mean = (post["a"][index] + post["b"][index] * x)[:, None]
    return target * np.exp(mean + post["s"][index][:, None] * z)


def sum_outcome(ctx, pledge, parts: list, a, deadline: int, assumed: bool) -> Outcome:
    rng = np.random.default_rng(a.seed)
    u = rng.uniform(size=BATCHES)
    common = rng.standard_normal((BATCHES, PER_BATCH))
    rho = a.parts_dependence
    targets = [ctx.pledges[p.pledge_id].target_value for p in parts]
    draws = [_part_draws(p, t, u, math.sqrt(rho) * common + math.sqrt(1 - rho) * rng.standard_normal(common.shape))
             for p, t in zip(parts, targets)]
    total = np.sum(draws, axis=0)
    share = a.full_delivery_share
    met_sum = total >= share * pledge.target_value
    met_all = np.all([d >= share * t for d, t in zip(draws, targets)], axis=0)
    by_batch = np.minimum(met_sum.mean(axis=1), met_all.mean(axis=1))
    probability = float(min(met_sum.mean(), met_all.mean()))
    tails = ((1 - INTERVAL_LEVEL) / 2, (1 + INTERVAL_LEVEL) / 2)
    low, high = np.quantile(total, tails)
    p_low, p_high = np.quantile(by_batch, tails)
    status = rules.from_probability(probability, a)
    kinds = sorted({p.jobs_kind for p in parts if p.jobs_kind})
    rows = [{"pledge_id": p.pledge_id, "target": t, "expected": float(np.median(d)), "counted": counted(p),
             "status": p.status, "jobs_kind": p.jobs_kind} for p, t, d in zip(parts, targets, draws)]
    chart = {"kind": "delivery", "target": pledge.target_value, "level": INTERVAL_LEVEL, "deadline": deadline,
             "expected": float(np.median(total)), "low": float(low), "high": float(high), "probability": probability,
             "probability_sum": float(met_sum.mean()), "probability_all_parts": float(met_all.mean()),
             "dependence": rho, "parts": rows}
    deciding = Deciding(reasons.delivery_label(pledge, deadline), probability, float(p_low), float(p_high),
                        INTERVAL_LEVEL, "확률", pledge.target_value)
    reason = reasons.sum_of_parts([(ctx.pledges[r["pledge_id"]].title, r) for r in rows], deadline, assumed, pledge,
                                  chart, kinds, status)
    return Outcome(status, "delivery", reason, max(p.as_of for p in parts), probability, deciding=deciding, chart=chart,
                   extra={"jobs_kind": "+".join(kinds)})
