"""Every assumption that can move a verdict: a name, a default and the reason for it.

Reports print this table. To try another value, pass it by name (a report's `assumptions`
parameter, or `Assumptions.with_overrides`); an unknown name is refused.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Assumptions:
    base_year: int = 2021
    undated_deadline: int = 2030
    baseline: str = "trend"
    on_track_probability: float = 0.5
    unlikely_probability: float = 0.1
    interval_levels: tuple[float, float] = (0.8, 0.95)
    backtest_first_origin: int = 2010
    backtest_horizon: int = 5
    selection_horizon: int = 5
    mou_presence_fact: str = "ai_mou-069f5b"
    mou_presence_alternative_fact: str = "ai_mou-b18530"
    simulation_draws: int = 20000
    seed: int = 20220405
    outside_view_breaks: tuple[tuple[str, int], ...] = (("충청남도", 2017), ("세종특별자치시", 2017))

    def with_overrides(self, **overrides) -> "Assumptions":
        names = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - names)
        if unknown:
            raise ValueError(f"unknown assumption(s) {unknown}; expected one of {sorted(names)}")
        if overrides.get("baseline", self.baseline) not in ("trend", "level"):
            raise ValueError(f"baseline {overrides['baseline']!r}; expected 'trend' or 'level'")
        return replace(self, **overrides)


REASONS = {
    "base_year": "Last full year before both articles (2022-02-10 and 2022-04-05): the pledges start from it.",
    "undated_deadline": "Job pledges without a date are read against the season-2 programme's end (2022–2030, "
                        "전자신문 2022-02-10).",
    "baseline": "'trend': pledged jobs come on top of the pre-pledge trend, fitted on years up to base_year; "
                "'level': on top of the base-year level, which credits the pledge with ordinary growth.",
    "on_track_probability": "정상 추진 when the selected model gives at least this probability of reaching the target.",
    "unlikely_probability": "실현 어려움 when the probability is below this; 지연 in between.",
    "interval_levels": "Prediction intervals shown: 80% (the status band) and 95%.",
    "backtest_first_origin": "First forecast origin of the rolling backtest: leaves at least ten years to fit.",
    "backtest_horizon": "Backtest forecasts up to this many years ahead.",
    "selection_horizon": "Models are ranked by mean absolute error up to this horizon (the pledges' distance "
                         "from the data).",
    "mou_presence_fact": "Share of MOU firms with a real presence: the city's 2025-11-24 count (about 160 of 349).",
    "mou_presence_alternative_fact": "Sensitivity: a council member's 2024-11 count (142 of 244 actually invested).",
    "simulation_draws": "Monte Carlo draws for the MOU projection: enough for a stable second decimal.",
    "seed": "Fixed seed, so a rebuild on the same data gives the same numbers.",
    "outside_view_breaks": "Windows spanning these breaks are dropped: 세종 was split off 충남 in 2012 and is "
                           "published from 2017, so 충남 drops and 세종 starts from nothing.",
}

DEFAULT = Assumptions()


def table(assumptions: Assumptions = DEFAULT) -> list[dict]:
    """Rows of name, value, default and reason, for reports."""
    return [{"name": f.name, "value": getattr(assumptions, f.name), "default": getattr(DEFAULT, f.name),
             "reason": REASONS[f.name]} for f in fields(assumptions)]
