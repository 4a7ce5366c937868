"""What each report shows, selected from the stored assessment: plain objects a test can build
without Jupyter, which the notebooks only render."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..assess.assumptions import DEFAULT, Assumptions
from ..assess.results import Assessment
from ..assess.series import pledge_history
from ..ingest.registry import registry
from ..tables import store
from ..tables.catalog import catalog

TIMELINE_TOPICS = ("election", "special_zone", "semiconductor", "future_car_park", "ai_outcome")


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
    ggm: pd.DataFrame | None = None


def result_row(results: pd.DataFrame, key: str, model: str | None = None) -> pd.Series | None:
    """The first result row with this key (and model), or None."""
    rows = results[results["key"] == key]
    if model:
        rows = rows[rows["model"] == model]
    return rows.iloc[0] if len(rows) else None


def _mou_projection(results: pd.DataFrame, status_row: pd.Series) -> dict | None:
    trend = result_row(results, "mou_trend")
    if trend is None:
        return None
    present = result_row(results, "present_firms")
    return {"date": pd.Timestamp(int(status_row["deadline"]), 12, 31), "mou_mean": trend["value"],
            "mou_lower": trend["lower"], "mou_upper": trend["upper"], "present_mean": present["value"],
            "present_lower": present["lower"], "present_upper": present["upper"]}


def pledge_view(assessment: Assessment, pledge_id: str, overrides: dict | None = None) -> PledgeView:
    """What a pledge report shows, selected from the assessment."""
    pledge = registry()[pledge_id]
    status_row = assessment.statuses.set_index("pledge_id").loc[pledge_id]
    results = assessment.results[assessment.results["pledge_id"] == pledge_id].reset_index(drop=True)
    series = status_row["series"] if isinstance(status_row["series"], str) else ""
    forecasts = assessment.forecasts[assessment.forecasts["series"] == series] if series else pd.DataFrame()
    backtest = assessment.backtests[assessment.backtests["series"] == series] if series else pd.DataFrame()
    history = pledge_history(pledge) if series else pd.Series(dtype=float)
    projection = _mou_projection(results, status_row)
    mou = assessment.mou.assign(as_of_date=pd.to_datetime(assessment.mou["as_of_date"])) if projection else None
    ratio = result_row(results, "jobs_per_trillion")
    investment = assessment.investment if ratio is not None else None
    return PledgeView(status_row, results, history, forecasts, backtest, mou, projection, investment,
                      None if ratio is None else float(ratio["value"]), DEFAULT.with_overrides(**(overrides or {})),
                      assessment.ggm if "ggm" in pledge.measured_facts else None)


def raw_inputs() -> list[str]:
    """Every raw file the catalog reads, in catalog order (the overview's source table)."""
    return list(dict.fromkeys(path for declared in catalog().values() for path in declared.inputs))


def timeline() -> pd.DataFrame:
    """Dated events after the pledges (election, designations, bids), each with its source."""
    facts = store.load("facts")
    rows = facts[facts["topic"].isin(TIMELINE_TOPICS)].drop_duplicates("source_url").sort_values("as_of_date")
    return pd.DataFrame({"as_of": rows["as_of_date"].dt.strftime("%Y-%m-%d"), "event": rows["quote"],
                         "source": rows["source"] + " " + rows["source_url"]})
