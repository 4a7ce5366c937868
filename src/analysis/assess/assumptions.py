"""Every assumption that can move a verdict. The types and ranges live here; the defaults and the
Korean reason for each live in config/assumptions.yaml (reports print them). Another value is given
by name (a report's `assumptions` parameter, or `with_overrides`); an unknown name, a wrong type or a
value out of its range (a probability in [0, 1], a count of at least 1, a year within the data) is
refused naming the assumption, its value and the range, before anything is computed or written."""
from __future__ import annotations

import datetime as dt
import difflib
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, model_validator

from .. import paths
from ..ingest import yamlfile

LAST_DEADLINE = 2100  # the latest deadline a pledge (or an assumed one) may have
DATA_YEARS = ("base_year", "train_start", "backtest_first_origin", "first_year", "last_year")
DEADLINE_YEARS = ("undated_deadline", "target_year")


def _between(low: float, high: float, what: str, *, open_low: bool = False, open_high: bool = False):
    """A range check whose message states the range: `1.5 is not a probability in [0, 1]`."""
    def check(value):
        if (value <= low if open_low else value < low) or (value >= high if open_high else value > high):
            raise ValueError(f"{value!r} is not {what} in {'(' if open_low else '['}{low:g}, {high:g}"
                             f"{')' if open_high else ']'}")
        return value
    return AfterValidator(check)


def _at_least(low: int, what: str):
    def check(value):
        if value is not None and value < low:
            raise ValueError(f"{value!r} is not {what} (at least {low})")
        return value
    return AfterValidator(check)


def _iso_day(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a day written YYYY-MM-DD") from None
    return value


Probability = Annotated[float, _between(0, 1, "a probability")]
Level = Annotated[float, _between(0, 1, "a level", open_low=True, open_high=True)]  # an interval's, a test's
Share = Annotated[float, _between(0, 1, "a share", open_low=True)]
Count = Annotated[int, _at_least(1, "a count")]


class Assumptions(BaseModel):
    """One set of assumptions; frozen and hashable so computations can be cached by it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    base_year: int
    undated_deadline: int
    baseline: Literal["trend", "level"]
    train_start: int
    backtest_first_origin: int
    selection_horizon: Annotated[int | None, _at_least(1, "a horizon in years")]
    model: Literal["selected", "ETS(A,Ad,N)", "ARIMA(0,1,0)+drift", "OLS trend"]
    on_track_probability: Probability
    unlikely_probability: Probability
    power_threshold: Probability
    detect_alpha: Level
    full_delivery_share: Share
    interval_levels: tuple[Level, Level]
    mou_presence_fact: str
    mou_regimes: Literal["breaks", "single"]
    mou_regime_starts: tuple[Annotated[str, AfterValidator(_iso_day)], ...]
    simulation_draws: Count
    seed: Annotated[int, _at_least(0, "a seed")]
    outside_view_breaks: tuple[tuple[str, int], ...]
    trend_years: Count
    recent_years: Count
    excluded_reference_case: str
    reference_cases: Literal["class", "pooled"]
    reference_target: Literal["matched", "other"]
    reference_min_years: float
    delivery_growth: float
    delivery_overshoot: Literal["keep", "censor"]
    jobs_reading: Literal["stated", "direct"]
    parts_dependence: float
    recoded_evidence: tuple[tuple[str, str, str], ...]

    @model_validator(mode="after")
    def _ordered(self) -> Assumptions:
        if self.unlikely_probability >= self.on_track_probability:
            raise ValueError(f"unlikely_probability {self.unlikely_probability!r} is not below on_track_probability "
                             f"{self.on_track_probability!r}")
        if self.interval_levels[0] >= self.interval_levels[1]:
            raise ValueError(f"interval_levels {list(self.interval_levels)} are not increasing")
        return self

    def with_overrides(self, **overrides: Any) -> Assumptions:
        """A copy with other values, validated: an unknown name, a wrong type or a value out of its
        range is an error naming the assumption and its value. Years are checked against the data
        by `within`, where the data is read (the assessment, a report's parameter check)."""
        unknown = sorted(set(overrides) - set(type(self).model_fields))
        if unknown:
            close = difflib.get_close_matches(unknown[0], list(type(self).model_fields), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"unknown assumption(s) {unknown}{hint}; expected one of {sorted(type(self).model_fields)}")
        try:
            chosen = type(self).model_validate(self.model_dump() | overrides)
        except ValidationError as exc:
            raise ValueError(_problem(exc)) from None
        return chosen

    def within(self, years: range) -> Assumptions:
        """Itself, once every year it names is checked against the data's years."""
        check_years({name: getattr(self, name) for name in type(self).model_fields}, years, "assumption")
        for region, year in self.outside_view_breaks:
            check_years({f"outside_view_breaks ({region})": year}, years, "assumption", data=True)
        return self


def _problem(error: ValidationError) -> str:
    """The first problem as `assumption NAME: VALUE is not …`, or pydantic's words for a wrong type."""
    first = error.errors()[0]
    name = ".".join(map(str, first["loc"]))
    cause = first.get("ctx", {}).get("error")
    if isinstance(cause, ValueError):
        return f"assumption {name}: {cause}" if name else f"assumptions: {cause}"
    return f"assumption {name}: {first['msg']} (value {first.get('input')!r})"


@lru_cache(maxsize=1)
def data_years() -> range:
    """The years of the annual employment series the verdicts are computed from."""
    from ..tables import store
    years = store.load("employment_sido_annual")["year"]
    return range(int(years.min()), int(years.max()) + 1)


def check_years(values: dict[str, Any], years: range, what: str, *, data: bool = False) -> None:
    """Years within the data (base year, first and last year shown), and deadlines from the data's
    first year to LAST_DEADLINE; others are not years and pass."""
    for name, value in values.items():
        if data or name in DATA_YEARS:
            if value not in years:
                raise ValueError(f"{what} {name}: {value!r} is not a year within the data "
                                 f"[{years.start}, {years[-1]}]")
        elif name in DEADLINE_YEARS and not years.start <= value <= LAST_DEADLINE:
            raise ValueError(f"{what} {name}: {value!r} is not a deadline year in [{years.start}, {LAST_DEADLINE}]")


def check_parameters(parameters: dict[str, Any], years: range | None = None, *, against_data: bool = True) -> None:
    """A report's parameters: its years within their ranges, first_year before last_year, and its
    assumption overrides valid; ValueError naming the parameter, its value and the range.
    `against_data=False` checks only what the configuration decides: the build rules are written
    before the data exists (a fresh clone), and `analysis report` checks the years against the data
    before any page is touched."""
    named = {k: v for k, v in parameters.items() if k in DATA_YEARS + DEADLINE_YEARS}
    if named and against_data:
        check_years(named, years or data_years(), "parameter")
    if named.get("first_year", 0) > named.get("last_year", LAST_DEADLINE):
        raise ValueError(f"parameter first_year {named['first_year']!r} is after last_year {named['last_year']!r}")
    if parameters.get("assumptions"):
        chosen = defaults().with_overrides(**parameters["assumptions"])
        if against_data and set(parameters["assumptions"]) & {*DATA_YEARS, *DEADLINE_YEARS, "outside_view_breaks"}:
            chosen.within(years or data_years())


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
    """The declared defaults, validated against the types and ranges above."""
    path = paths.CONFIG / "assumptions.yaml"
    try:
        return Assumptions.model_validate({name: entry.value for name, entry in _declared().items()})
    except ValidationError as exc:
        name = exc.errors()[0]["loc"][0] if exc.errors()[0]["loc"] else None
        raise yamlfile.ConfigError.at(path, _problem(exc),
                                      line=yamlfile.line_of(yamlfile.read(path)[1], ("assumptions", name, "value"))
                                      ) from None


def reason(name: str) -> str:
    return _declared()[name].reason


def label(name: str) -> str:
    """The assumption's name as the reports print it (Korean)."""
    return _declared()[name].label
