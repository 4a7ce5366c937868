"""The projection ledger as a table: every official number of one object side by side, by date
and source, each marked direct, induced or unstated and plan or count (a pledge page shows its
own objects', the overview all of them)."""
from __future__ import annotations

import pandas as pd

from ..wording import numbers, terms, texts
from .base import Col, Page, cell


def ledger_tables(ledger: pd.DataFrame, page: Page, *, claims: bool = True) -> list[dict]:
    """One table per object, oldest number first; without `claims` (the overview, which lists every
    object), only the numbers, their kind and their sources."""
    blocks = []
    for k, (name, rows) in enumerate(ledger.groupby("object", sort=False), 1):
        records = [{**r, "_cites": page.cite(f"fact:{r['fact_id']}")} for r in rows.to_dict("records")]
        blocks.append(page.table(records, [
            Col("date", texts.COLUMNS["date"], lambda r: cell(f"{numbers.date_label(r['date'])} · {r['outlet']}"),
                css="nowrap", card="date"),
            Col("value", texts.COLUMNS["persons"], lambda r: cell(numbers.count(r["value"], terms.PERSONS),
                                                                  cites=r["_cites"]),
                value=lambda r: r["value"], css="num", card="name"),
            Col("kind", texts.COLUMNS["kind"], lambda r: cell(texts.LEDGER_KIND[r["kind"]]), card="badge"),
            Col("plan", texts.COLUMNS["plan_or_count"], lambda r: cell(texts.LEDGER_PLAN[bool(r["plan"])]),
                card="extra"),
            *([Col("claim_ko", texts.COLUMNS["event"], card="reason")] if claims else [])],
            caption=texts.CAPTIONS["ledger"].format(name=name), file=f"ledger-{k}", cards="evidence",
            full=rows))
    if blocks:
        blocks.append({"type": "p", "css": "muted", "text": texts.LEDGER_NOTE})
    return blocks
