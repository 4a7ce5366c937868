"""Can an official statistic see the pledge at all? The minimum detectable effect and the power to
detect the pledged increment, from the spread of pooled forecast errors at the deadline's horizon.

The eventual test compares the actual level at the deadline with the pre-pledge forecast; its
noise is the forecast error at that horizon. A pledge smaller than that noise cannot be told
apart from no pledge, whatever the level turns out to be.
"""
from __future__ import annotations

import math

from scipy import stats


def power(relative_increment: float, relative_sd: float, alpha: float) -> float:
    """P(the one-sided test at level `alpha` detects the increment | it was fully delivered)."""
    if not relative_sd > 0:  # also NaN
        return float("nan")
    return float(stats.norm.cdf(relative_increment / relative_sd - stats.norm.ppf(1 - alpha)))


def minimum_detectable(relative_sd: float, alpha: float, target_power: float) -> float:
    """The smallest relative increment detected with probability `target_power`."""
    if not relative_sd > 0:  # also NaN
        return float("nan")
    return float((stats.norm.ppf(1 - alpha) + stats.norm.ppf(target_power)) * relative_sd)


def decides(power_: float, threshold: float) -> bool:
    """A statistic decides a status only when it can detect the pledge (power at least `threshold`)."""
    return not math.isnan(power_) and power_ >= threshold
