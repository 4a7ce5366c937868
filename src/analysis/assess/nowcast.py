"""The current year's annual level from the months published so far: the mean of the available
months plus the usual difference between a full-year mean and the same months' mean, with an
interval from how much that difference varied in past years (t distribution)."""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats


def nowcast(monthly: pd.DataFrame, item: str, level: float = 0.8) -> dict | None:
    """Nowcast of the latest incomplete year of `item` (`month` YYYY-MM, `value`), or None."""
    rows = monthly[monthly["item"] == item].assign(year=lambda d: d["month"].str[:4].astype(int),
                                                   m=lambda d: d["month"].str[5:7].astype(int))
    counts = rows.groupby("year").size()
    current = int(rows["year"].max())
    if counts[current] >= 12:
        return None
    months = sorted(rows.loc[rows["year"] == current, "m"])
    complete = [y for y, n in counts.items() if n == 12]
    gaps = []
    for year in complete:
        year_rows = rows[rows["year"] == year]
        gaps.append(year_rows["value"].mean() - year_rows[year_rows["m"].isin(months)]["value"].mean())
    gaps = np.array(gaps)
    partial = float(rows.loc[rows["year"] == current, "value"].mean())
    estimate = partial + float(gaps.mean())
    spread = float(gaps.std(ddof=1) * np.sqrt(1 + 1 / len(gaps)))
    half = float(stats.t.ppf(0.5 + level / 2, len(gaps) - 1) * spread)
    return {"year": current, "months": len(months), "last_month": f"{current}-{months[-1]:02d}",
            "partial_mean": partial, "estimate": estimate, "lower": estimate - half, "upper": estimate + half,
            "reference_years": len(gaps), "sources": list(rows.loc[rows["year"] == current, "source"])}
