"""The registry checked against the other inputs: every evidence link names an existing fact, and
every pledge quote is verbatim in its source article (when the articles are beside the project)."""
from __future__ import annotations

from pathlib import Path

from .. import paths
from .registry import Pledge, RegistryError


def check_fact_references(pledges: dict[str, Pledge], fact_ids: set[str]) -> None:
    """Every evidence link must point at an existing fact: a status without evidence is a bug."""
    for pledge in pledges.values():
        for component, item in pledge.all_evidence():
            if item.fact and item.fact not in fact_ids:
                where = f", component {component!r}" if component else ""
                raise RegistryError(f"{paths.PLEDGES.name}: pledge {pledge.id!r}{where}: evidence fact "
                                    f"{item.fact!r} is not a fact_id of the facts table")
        for fact in (*pledge.source_info.aftermath_facts, *filter(None, [pledge.source_info.same_event_fact])):
            if fact not in fact_ids:
                raise RegistryError(f"source {pledge.source!r}: fact {fact!r} is not a fact_id")
        for event in pledge.lineage:
            if event.fact not in fact_ids:
                raise RegistryError(f"{paths.PLEDGES.name}: pledge {pledge.id!r}: lineage event of {event.date} "
                                    f"cites {event.fact!r}, which is not a fact_id of the facts table")
    for name, actor in next(iter(pledges.values())).actors_record.items() if pledges else ():
        for fact in actor.basis:
            if fact not in fact_ids:
                raise RegistryError(f"{paths.PLEDGES.name}: actor {name!r}: basis {fact!r} is not a fact_id")


def check_quotes(pledges: dict[str, Pledge], seeds: Path | None = None) -> list[str]:
    """Pledges whose quote is not verbatim in its article (when the articles are beside the project)."""
    seeds = seeds or paths.SEEDS
    if not seeds.is_dir():
        return []
    wrong = []
    for pledge in pledges.values():
        article = seeds / pledge.source_info.file
        if not article.exists() or pledge.quote not in article.read_text(encoding="utf-8"):
            wrong.append(f"{pledge.id}: quote not found verbatim in {article.name}")
    return wrong
