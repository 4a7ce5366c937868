"""reports/index.html, the scorecard a reviewer opens first: the tally by status and by source,
then one row per pledge (status, how firmly it holds, the number that decided it, reason,
deadline, 기준일), sortable and filterable, a card per pledge on a phone; links to the overview,
the region reports, the data package and the feed. reports/analyst.html lists the executed
notebooks and downloads for analysts."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ... import paths
from ...assess import rules
from ...files import atomic_write
from ...ingest.registry import registry
from .. import chrome
from ..execution.specs import ReportSpec
from ..exports import feed, package
from ..render import render
from ..views import accountability, common
from ..views.pledge import core_view
from ..wording import numbers, owners, phrases, sentences, texts


def scorecard_rows(statuses: pd.DataFrame) -> list[dict]:
    """One plain row per pledge, with the sort key of each column."""
    rows = []
    for row in statuses.to_dict("records"):
        view = core_view(row["pledge_id"])
        lead = view.lead
        key = phrases.key_number(lead.deciding.label, lead.number) if lead.number else texts.NO_NUMBER
        rows.append({"pledge_id": row["pledge_id"], "title": row["title"], "role": row["role_ko"], "status": row["status"],
                     "owner": view.owner.badge, "owner_state": view.owner.shown,
                     "status_rank": list(rules.COLOURS).index(row["status"]), "robust": lead.robustness,
                     "reason": lead.sentence, "key": key, "key_value": lead.deciding.value,
                     "deadline": sentences.deadline_short(int(row["deadline"]), bool(row["deadline_assumed"])),
                     "deadline_year": int(row["deadline"]), "as_of": "" if numbers.missing(row["as_of"]) else str(row["as_of"]),
                     "as_of_shown": texts.NONE if numbers.missing(row["as_of"]) else numbers.date_label(row["as_of"])})
    return rows


def tally(statuses: pd.DataFrame) -> dict:
    """Pledges by status and by who owes them now (the split the opening sentences give)."""
    made = [core_view(p).owner for p in statuses["pledge_id"]]
    owners = [o.shown for o in made]
    holders = list(dict.fromkeys(o.holder for o in made if o.holder))
    kinds = [state for state, _, _ in texts.OWNER_SCALE if state in owners]
    counts = pd.crosstab(statuses["status"], pd.Series(owners, index=statuses.index, name="owner")
                         ).reindex(index=list(rules.COLOURS), columns=kinds, fill_value=0)
    return {"owners": [texts.OWNER_SHORT[k] for k in kinds], "caption": phrases.tally_caption(holders),
            "rows": [{"status": s, "counts": [int(counts.loc[s, r]) for r in counts.columns],
                      "total": int(counts.loc[s].sum())} for s in counts.index]}


def description(statuses: pd.DataFrame) -> str:
    """The meta description and og:description: the tally a shared link shows."""
    counts = statuses["status"].value_counts().reindex(list(rules.COLOURS), fill_value=0)
    return phrases.share_description(len(statuses), [(s, int(n)) for s, n in counts.items() if n])


def whose_sentences() -> list[str]:
    """Whose pledges these are, who owes them now, and the merger that abolished the city and the province."""
    pledges = list(registry().values())
    candidate = next(p for p in pledges if p.source_info.role == "candidate")
    return [*owners.whose_sentences(accountability.whose(pledges), accountability.current_government(candidate)),
            *(owners.merger_sentence(m) for m in accountability.mergers())]


def write_index(specs: dict[str, ReportSpec]) -> Path:
    statuses = common.status_rows()
    checked = max(str(c) for c in statuses["checked"])
    sources = [p.source_info for p in common.source_articles()]
    regions = [{"href": f"{s.name}.html", "text": phrases.region_link(s.title)} for s in specs.values()
               if s.kind == "region" and s.html.exists()]
    scale = [{"status": label, "rule": rule} for label, rule in phrases.status_rule_rows(common.chosen_assumptions(None))]
    body = render("scorecard.html.j2", title=phrases.index_title(chrome.site().title), whose=whose_sentences(),
                  intro=phrases.index_intro(sources, checked), regions=regions, tally=tally(statuses),
                  owner_scale=texts.OWNER_SCALE,
                  rows=scorecard_rows(statuses), statuses=[s for s in rules.COLOURS if s in set(statuses["status"])],
                  roles=list(dict.fromkeys(statuses["role_ko"])), scale=scale, words=texts.INDEX_WORDS,
                  columns=texts.SCORECARD_COLUMNS)
    path = paths.REPORTS / chrome.INDEX
    feeds = [{"title": texts.UI["feed"], "href": feed.FILE}]
    atomic_write(path, chrome.standalone(phrases.index_title(chrome.site().title), "index", body,
                                         description=description(statuses), feeds=feeds))
    package.write(paths.REPORTS)
    feed.write(paths.REPORTS)
    write_analyst_page(specs)
    return path


def write_analyst_page(specs: dict[str, ReportSpec]) -> Path:
    """reports/analyst.html: each report's executed notebook, downloads folder and build facts."""
    rows = []
    for spec in specs.values():
        info = json.loads(spec.sidecar.read_text(encoding="utf-8")) if spec.sidecar.exists() else None
        rows.append({"name": spec.name, "title": spec.title,
                     "built": phrases.built(info["built"][:16].replace("T", " "), info["seconds"]) if info
                     else texts.NOT_BUILT})
    body = render("analyst.html.j2", rows=rows, revision=chrome.git_revision(), words=texts.ANALYST_WORDS,
                  package=package.FOLDER, feed=feed.FILE)
    path = paths.REPORTS / chrome.ANALYST
    atomic_write(path, chrome.standalone(texts.ANALYST_WORDS["title"], "analyst", body))
    return path
