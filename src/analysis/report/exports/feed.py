"""An Atom feed of status changes (reports/feed.atom), generated from the stored history, so a
reader can follow a pledge: one entry per day a pledge's status changed, newest first, with ids
and dates that stay the same from build to build."""
from __future__ import annotations

from pathlib import Path

from ...assess import results
from ...files import write_if_changed
from ...ingest.registry import registry
from ..render import render
from ..wording import phrases

FILE = "feed.atom"
TAG = "tag:gwangju-pledges,2026"


def entries() -> list[dict]:
    """Status changes from the history, each with the status before it."""
    history = results.load_table("history")
    pledges = registry()
    out = []
    for pledge_id, rows in history.groupby("pledge_id", sort=False):
        previous = None
        for row in rows.to_dict("records"):
            if row["status_changed"] and pledge_id in pledges:
                out.append({"id": f"{TAG}:{pledge_id}/{row['date']}", "pledge_id": pledge_id, "date": row["date"],
                            "title": phrases.feed_title(pledges[pledge_id].title, previous, row["status"]),
                            "summary": row["reason"]})
            previous = row["status"]
    return sorted(out, key=lambda e: (e["date"], e["id"]), reverse=True)


def write(reports: Path) -> Path:
    from .. import chrome
    items = entries()
    path = reports / FILE
    write_if_changed(path, render("feed.atom.j2", title=phrases.feed_name(chrome.site().title), tag=TAG,
                                  updated=items[0]["date"] if items else "2026-01-01", entries=items))
    return path
