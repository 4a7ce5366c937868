"""Every assumption that can move a verdict. The types live here; the defaults and the Korean
reason for each live in config/assumptions.yaml (reports print them). Another value is given by
name (a report's `assumptions` parameter, or `with_overrides`); an unknown name is refused."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from .. import paths
from ..ingest import yamlfile


class Assumptions(BaseModel):
    """One set of assumptions; frozen and hashable so computations can be cached by it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    base_year: int
    undated_deadline: int
    baseline: Literal["trend", "level"]
    train_start: int
    backtest_first_origin: int
    selection_horizon: int | None
    model: Literal["selected", "ETS(A,Ad,N)", "ARIMA(0,1,0)+drift", "OLS trend"]
    on_track_probability: float
    unlikely_probability: float
    power_threshold: float
    detect_alpha: float
    full_delivery_share: float
    interval_levels: tuple[float, float]
    mou_presence_fact: str
    mou_regimes: Literal["breaks", "single"]
    mou_regime_starts: tuple[str, ...]
    simulation_draws: int
    seed: int
    outside_view_breaks: tuple[tuple[str, int], ...]
    trend_years: int
    recent_years: int
    excluded_reference_case: str
    reference_cases: Literal["class", "pooled"]
    reference_target: Literal["matched", "other"]
    reference_min_years: float
    delivery_growth: float
    delivery_overshoot: Literal["keep", "censor"]
    jobs_reading: Literal["stated", "direct"]
    parts_dependence: float
    recoded_evidence: tuple[tuple[str, str, str], ...]

    def with_overrides(self, **overrides: Any) -> Assumptions:
        """A copy with other values, validated (an unknown name or a wrong type is an error)."""
        unknown = sorted(set(overrides) - set(type(self).model_fields))
        if unknown:
            raise ValueError(f"unknown assumption(s) {unknown}; expected one of {sorted(type(self).model_fields)}")
        try:
            return type(self).model_validate(self.model_dump() | overrides)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ValueError(f"assumption {'.'.join(map(str, first['loc']))}: {first['msg']} "
                             f"(value {first.get('input')!r})") from None


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: str
    value: Any
    reason: str


class _AssumptionsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    assumptions: dict[str, _Entry]


@lru_cache(maxsize=1)
def _declared() -> dict[str, _Entry]:
    path = paths.CONFIG / "assumptions.yaml"
    entries = yamlfile.load(path, _AssumptionsFile).assumptions
    missing = sorted(set(Assumptions.model_fields) - set(entries))
    extra = sorted(set(entries) - set(Assumptions.model_fields))
    if missing or extra:
        raise yamlfile.ConfigError.at(path, f"assumptions missing {missing} / unknown {extra}",
                                      expected=f"exactly {sorted(Assumptions.model_fields)}")
    return entries


@lru_cache(maxsize=1)
def defaults() -> Assumptions:
    """The declared defaults, validated against the types above."""
    try:
        return Assumptions.model_validate({name: entry.value for name, entry in _declared().items()})
    except ValidationError as exc:
        first = exc.errors()[0]
        raise yamlfile.ConfigError.at(paths.CONFIG / "assumptions.yaml",
                                      f"assumption {first['loc'][0]}: {first['msg']}") from None


def reason(name: str) -> str:
    return _declared()[name].reason


def label(name: str) -> str:
    """The assumption's name as the reports print it (Korean)."""
    return _declared()[name].label
