"""What an assessment reads, loaded once, and the costly computations it shares between pledges,
scenarios of the sensitivity grid and dates of the status history (cached by their inputs)."""
from __future__ import annotations

import pandas as pd

from ..ingest import search_log, yamlfile
from ..ingest.registry import registry
from ..tables import queries, raw, store
from ..vocab.regions import NATIONAL
from .assumptions import Assumptions, data_years, defaults

SERIES_TABLES = ("employment_sido_annual", "employment_sido_industry_annual")  # annual series in 천명


class Context:
    """Processed tables, facts, the registry and the declarations (reference classes, stages), with
    caches for backtests and model fits. Tests inject small tables or declarations by name; what is
    not given is read from the store and config/. (The tables it loads are the `results` step's reads
    in config/graph.yaml: a load not declared there fails, so the build reruns the assessment exactly
    when one of them changes.)"""

    def __init__(self, tables: dict[str, pd.DataFrame] | None = None, pledges: dict | None = None,
                 references=None, stages=None):
        from . import reference, stage
        given = tables or {}

        def table(name: str) -> pd.DataFrame:
            return given[name] if name in given else store.load(name)
        self.facts = table("facts").set_index("fact_id", drop=False)
        self.employment = table("employment_sido_annual")
        self.industry = table("employment_sido_industry_annual")
        self.monthly = table("employment_monthly")
        self.establishments = table("establishments_sido_industry")
        self.manufacturing = table("manufacturing_ksic2_2024")
        self.pledges = registry() if pledges is None else pledges
        self.references = reference.declared() if references is None else references
        self.stages = stage.declared() if stages is None else stages
        self.defaults: Assumptions = defaults().within(data_years())
        self.search_log = search_log.read(raw.verified("facts/search_log.csv"))
        self._cache: dict = {}

    def cached(self, key: tuple, compute):
        """`compute()` once per key: backtests and fits shared across pledges and scenarios."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def fact(self, fact_id: str) -> pd.Series:
        if fact_id not in self.facts.index:
            raise yamlfile.ConfigError(f"fact {fact_id!r} is not in the facts table (data/raw/facts/facts.csv)")
        return self.facts.loc[fact_id]

    def facts_frame(self) -> pd.DataFrame:
        return self.facts.reset_index(drop=True)

    def pledge_searches(self) -> pd.DataFrame:
        """The search log with one row per pledge a search was made for (a search for several pledges
        is theirs each; one for `all` is the whole audit's)."""
        log = self.search_log.assign(pledge_id=self.search_log["pledge_id"].str.split(r"[;, ]+")).explode("pledge_id")
        return log[log["pledge_id"] != ""].reset_index(drop=True)

    def searches(self, pledge_id: str, as_of: pd.Timestamp | None = None) -> tuple[int, str]:
        """(distinct queries logged for a pledge by `as_of`, date of the last of them): a verdict of a
        past day never cites a search made later."""
        log = self.pledge_searches()
        rows = log[log["pledge_id"] == pledge_id]
        if as_of is not None:
            rows = rows[rows["date"] <= f"{as_of:%Y-%m-%d}"]
        return rows["query"].nunique(), (rows["date"].max() if len(rows) else "")

    def last_search(self) -> str:
        """The day of the latest logged search (when a pledge has none of its own)."""
        return str(self.search_log["date"].max())

    def today(self) -> pd.Timestamp:
        """The day the record ends: the latest logged search or published fact (a verdict 'as of
        today' is judged on this day)."""
        return self.cached(("today",), lambda: max(pd.Timestamp(self.last_search()), self.facts["published_date"].max()))

    # -- series ------------------------------------------------------------------------------------
    def series_rows(self, spec: dict) -> tuple[str, pd.DataFrame]:
        """(label, rows with year, value in 천명, source) for a registry series spec."""
        return queries.series(spec, self.employment, self.industry)

    def panel(self, spec: dict) -> pd.DataFrame:
        """The same indicator for every 시도 (region, year, value)."""
        if spec["table"] == "employment_sido_annual":
            rows = self.employment[self.employment["item"] == queries.EMPLOYED]
        else:
            rows = self.industry[self.industry["section"] == spec["section"]]
        return rows[rows["region"] != NATIONAL][["region", "year", "value"]].dropna(subset=["value"])


def statistical_spec(pledge) -> dict | None:
    """The first series spec of a pledge that the forecasting methods can use, or None."""
    return next((s for s in pledge.measured_series if s["table"] in SERIES_TABLES), None)


def series_key(spec: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in spec.items() if k != "proxy"))


def panel_key(spec: dict) -> tuple:
    """What identifies a spec's panel of 시도 (its region does not)."""
    return spec["table"], spec.get("section", "")
