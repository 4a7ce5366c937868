"""Investment per job: the jobs a pledge implies per 1조원, against real projects and Bank of Korea
coefficients (which count economy-wide induced jobs per output, not jobs per investment), both
declared in config/reference_classes.yaml."""
from __future__ import annotations

import pandas as pd

from .reference import per_trillion

BILLIONS_PER_TRILLION = 1000  # coefficients are per 10억원; shown per 1조원


def jobs_per_trillion(jobs: float, trillion_krw: float) -> float:
    return jobs / trillion_krw


def investment_table(ctx) -> pd.DataFrame:
    """Every comparison with its jobs per 1조원 and the facts it comes from."""
    rows = [{"comparison": b.label, "jobs_per_trillion_krw": per_trillion(ctx, b.jobs, b.investment),
             "covers": b.covers, "kind": "project", "as_of": ctx.fact(b.jobs[0])["as_of"],
             "sources": "; ".join(f"fact:{f}" for f in (*b.investment, *b.jobs))} for b in ctx.references.jobs_per_trillion]
    for c in ctx.references.coefficients:
        row = ctx.fact(c.fact)
        rows.append({"comparison": c.label, "jobs_per_trillion_krw": row["value"] * BILLIONS_PER_TRILLION,
                     "covers": c.covers, "kind": "coefficient", "as_of": row["as_of"], "sources": f"fact:{c.fact}"})
    return pd.DataFrame(rows)
