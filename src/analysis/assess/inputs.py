"""What an assessment reads: the processed tables and facts, loaded once, with fact citations."""
from __future__ import annotations

import pandas as pd

from ..tables import store
from .assumptions import Assumptions


class Inputs:
    """Processed tables and facts for one assessment, and the backtests it has already run."""

    def __init__(self, assumptions: Assumptions):
        self.assumptions = assumptions
        self.facts = store.load("facts").set_index("fact_id", drop=False)
        self.employment = store.load("employment_sido_annual")
        self.industry = store.load("employment_sido_industry_annual")
        self.establishments = store.load("establishments_sido_industry")
        self.manufacturing = store.load("manufacturing_ksic2_2024")
        self.backtests: dict[str, pd.DataFrame] = {}

    def fact(self, fact_id: str) -> pd.Series:
        return self.facts.loc[fact_id]

    def cite(self, fact_id: str) -> str:
        """`facts/facts.csv:12 [fact-id] URL`: the raw line, the id and the article."""
        row = self.fact(fact_id)
        return f"{row['source']} [{fact_id}] {row['source_url']}"

    def facts_frame(self) -> pd.DataFrame:
        return self.facts.reset_index(drop=True)
