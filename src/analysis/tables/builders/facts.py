"""The facts table as a processed table: one value per row, dates parsed, URL and quote kept."""
from __future__ import annotations

import pandas as pd

from ...ingest import facts as facts_file
from ...ingest import outlets
from ...vocab.sources import references
from .. import raw


def facts(table) -> pd.DataFrame:
    """Inputs: [facts CSV, outlet list CSV]."""
    facts_path, outlets_path = table.inputs
    frame = facts_file.tidy(raw.verified(facts_path), outlets.read(raw.verified(outlets_path)))
    frame["source"] = references(facts_path, frame.pop("source_line"))
    return frame
