"""The overview report: the tally, the two source articles and what happened to them, the dated
events that decided statuses, the track record of past Gwangju promises and of the forecast
models (CBO-style error tables), the status scale, and how to read job numbers."""
from __future__ import annotations

import pandas as pd

from ...assess import results, rules
from ...ingest.registry import registry
from ..figures import charts, svg
from ..views import common
from ..views.accountability import mergers as mergers_of
from ..views.accountability import owner
from ..views.pledge import evidence_in_order
from ..wording import numbers, owners, phrases, sentences, terms, texts
from .base import Col, Page, Rendered, cell
from .ledger import ledger_tables


def tally(statuses: pd.DataFrame) -> pd.Series:
    """Pledges by status, in the scale's order (every status listed, zeros included)."""
    return statuses["status"].value_counts().reindex(list(rules.COLOURS), fill_value=0)


def overview_page(overrides: dict | None = None) -> Rendered:
    from .. import figures
    figures.setup()
    statuses = common.status_rows(overrides)
    page = Page("overview", texts.OVERVIEW_TITLE)
    sections = [{"id": "", "blocks": [{"type": "p", "text": texts.OVERVIEW_INTRO}]}, articles(page),
                status_chart(statuses, page), events(page), track_record(page),
                {"id": "ledger", "blocks": ledger_tables(results.load_table("ledger"), page, claims=False)}, scale(overrides, page), reading(page)]
    notes = [texts.OVERRIDDEN.format(names=", ".join(common.scenario_text(k, v) for k, v in overrides.items()))
             ] if overrides else []
    return page.render(texts.OVERVIEW_TITLE, None, [summary(statuses), *sections],
                       {"assumptions": dict(overrides or {})}, notes)


def summary(statuses: pd.DataFrame) -> dict:
    """The tally with its badges and counts kept together, and how each sum of pledges comes out."""
    pledges = registry()
    by_id = statuses.set_index("pledge_id")
    sentences_ = [phrases.sum_sentence(whole.title, [(pledges[p].title, by_id.loc[p, "status"]) for p in whole.parts],
                                     by_id.loc[whole.id, "status"]) for whole in pledges.values() if whole.parts]
    items = [{"status": s, "count": sentences.count_pledges(n)} for s, n in tally(statuses).items() if n]
    return {"id": "", "blocks": [{"type": "p", "css": "status-line", "text": texts.TALLY_LEAD.format(n=len(statuses))},
                                 {"type": "badges", "items": items}, {"type": "p", "text": " ".join(sentences_)},
                                 {"type": "p", "text": texts.SEE_INDEX}]}


def articles(page: Page) -> dict:
    """Each source article: who spoke, in what role, what happened to all its pledges alike, and who
    owes how many of them now (from the lineage)."""
    items = []
    pledges = list(registry().values())
    for first in common.source_articles():
        source = first.source_info
        made = [owner(p) for p in pledges if p.source == first.source]
        shared = [step for step in made[0].steps if all(step in o.steps for o in made)]
        badges = pd.Series([o.badge for o in made]).value_counts(sort=False)
        facts = [f"fact:{step['fact']}" for step in shared if step["fact"]]
        items.append({"label": f"{source.outlet} {source.date}",
                      "text": owners.article_line(source.speaker, terms.ROLE[source.role], source.role_ko,
                                                 " → ".join(step["text"] for step in shared),
                                                 [(badge, int(n)) for badge, n in badges.items()]),
                      "cites": page.cite([f"registry:{first.id}", *facts])})
    mergers = [{"type": "p", "text": owners.merger_sentence(m), "cites": page.cite(f"fact:{m['basis']}")}
               for m in mergers_of()]
    return {"id": "articles", "blocks": [{"type": "list", "items": items}, *mergers,
                                         {"type": "p", "text": texts.ARTICLES_NOTE}]}


def status_chart(statuses: pd.DataFrame, page: Page) -> dict:
    counts = tally(statuses)
    alt = phrases.tally_alt([(s, n) for s, n in counts.items() if n])
    by_role = pd.crosstab(statuses["status"], statuses["role_ko"]).reindex(list(rules.COLOURS), fill_value=0)
    by_role = by_role[by_role.sum(axis=1) > 0].reset_index()
    roles = [c for c in by_role.columns if c in terms.ROLE.values()]
    columns = [Col("status", texts.COLUMNS["status"], lambda r: cell(status=r["status"]), value=lambda r: r["status"])]
    columns += [Col(r, r, lambda row, r=r: cell(numbers.count(row[r])), value=lambda row, r=r: int(row[r]), css="num")
                for r in roles]
    data = counts.rename_axis("status").reset_index(name="count")
    return {"id": "tally", "blocks": [
        page.figure(svg.inline(charts.status_counts(counts), "tally"), alt=alt, caption=texts.CAPTIONS_OVERVIEW["tally"],
                    file="tally", data=data, labels={"status": texts.COLUMNS["status"], "count": texts.COLUMNS["count"]}),
        page.table(by_role.to_dict("records"), columns, caption=texts.CAPTIONS_OVERVIEW["by_role"], file="by-role")]}


def events(page: Page) -> dict:
    """Every decisive dated fact, in full-date order, with the pledge it bears on."""
    evidence = results.load_table("evidence")
    decisive = evidence[evidence["means"].isin(rules.DECISIVE) & (evidence["fact_id"].fillna("") != "")]
    titles = {p.id: p.title for p in registry().values()}
    rows = evidence_in_order([{**r, "fact_id": r["fact_id"], "component": ""} for r in decisive.to_dict("records")])
    return {"id": "events", "blocks": [{"type": "p", "text": texts.EVENTS_NOTE}, page.table(rows, [
        Col("date", texts.COLUMNS["date"], lambda r: cell(f"{numbers.date_label(r['date'])} · {r['outlet']}"),
            css="nowrap", card="date"),
        Col("claim_ko", texts.COLUMNS["event"], lambda r: cell(r["claim_ko"], cites=page.cite(f"fact:{r['fact_id']}")),
            card="name"),
        Col("means", texts.COLUMNS["meaning"], lambda r: cell(terms.MEANING[r["means"]], strong=True), css="nowrap",
            card="badge"),
        Col("pledge_id", texts.COLUMNS["pledge"], lambda r: cell(titles[r["pledge_id"]], href=f"pledge-{r['pledge_id']}.html"),
            value=lambda r: titles[r["pledge_id"]], card="reason")],
        caption=texts.CAPTIONS_OVERVIEW["events"], file="events", cards="evidence")]}


def track_record(page: Page) -> dict:
    """Past Gwangju promises against what happened, and the error of the forecast models."""
    table = results.load_table("projections")
    cases = table[table["label"] != texts.SUMMARY_ROW]
    summary_row = table[table["label"] == texts.SUMMARY_ROW].iloc[0]
    blocks = [{"type": "p", "text": texts.TRACK_NOTE}, page.table(cases.to_dict("records"), [
        Col("label", texts.COLUMNS["case"], lambda r: cell(r["label"], cites=page.cite(r["sources"])), card="name"),
        Col("projected", texts.COLUMNS["projected"], lambda r: cell(numbers.count(r["projected"])),
            value=lambda r: r["projected"], css="num"),
        Col("actual", texts.COLUMNS["actual"], lambda r: cell(numbers.count(r["actual"])), value=lambda r: r["actual"],
            css="num"),
        Col("relative_error", texts.COLUMNS["relative_error"], lambda r: cell(numbers.share(r["relative_error"], signed=True)),
            value=lambda r: round(r["relative_error"], 2), css="num")],
        caption=texts.CAPTIONS_OVERVIEW["track"], file="track-record", row_sources="sources", full=table),
        {"type": "p", "text": phrases.track_summary(summary_row)}, model_errors(page)]
    return {"id": "track-record", "blocks": blocks}


def _signed(key: str):
    return lambda r: cell(numbers.share(r[key], 1, signed=True))


def _percent(key: str):
    return lambda r: cell(numbers.share(r[key], 1))


def _rounded(key: str):
    return lambda r: round(r[key], 4)


def error_columns() -> list[Col]:
    """The columns of a CBO-style forecast error table (overview and region report)."""
    return [Col("horizon", texts.COLUMNS["horizon"], lambda r: cell(numbers.year(r["horizon"])), css="num"),
            Col("forecasts", texts.COLUMNS["forecasts"], css="num"),
            Col("mean_error", texts.COLUMNS["mean_error"], _signed("mean_error"), _rounded("mean_error"), css="num"),
            Col("mae", texts.COLUMNS["mae"], _percent("mae"), _rounded("mae"), css="num"),
            Col("rmse", texts.COLUMNS["rmse"], _percent("rmse"), _rounded("rmse"), css="num"),
            Col("spread", texts.COLUMNS["two_thirds"], lambda r: cell(phrases.between(
                numbers.share(r["two_thirds_low"], 1, signed=True), numbers.share(r["two_thirds_high"], 1, signed=True))))]


def model_errors(page: Page) -> dict:
    """The pooled backtest errors of the employed-persons forecasts, by model and horizon."""
    page.use(*terms.USES["forecast"], *terms.MODEL.values())
    table = results.load_table("calibration")
    rows = table[(table["panel"] == "employment_sido_annual") & table["horizon"].isin([1, 3, 5, 9])]
    columns = [Col("model", texts.COLUMNS["model"], lambda r: cell(terms.MODEL[r["model"]]), card="name"),
               *error_columns()]
    return page.table(rows.to_dict("records"), columns, caption=texts.CAPTIONS_OVERVIEW["errors"].format(regions=phrases.region_count(rows["regions"])),
                      file="model-errors",
                      full=rows)


def scale(overrides: dict | None, page: Page) -> dict:
    rows = [{"status": s, "rule": r} for s, r in phrases.status_rule_rows(common.chosen_assumptions(overrides))]
    owners = [{"owner": label, "rule": rule} for _, label, rule in texts.OWNER_SCALE]
    return {"id": "scale", "blocks": [{"type": "p", "text": texts.SCALE_NOTE}, {"type": "p", "text": texts.OWNER_NOTE},
                                      page.table(owners, [Col("owner", texts.UI["owner_scale"], css="nowrap"),
                                                          Col("rule", texts.COLUMNS["rule"])],
                                                 caption=texts.CAPTIONS_OVERVIEW["owners"], file="owners"),
                                      page.table(rows, [
        Col("status", texts.COLUMNS["status"], lambda r: cell(status=r["status"]), value=lambda r: r["status"],
            css="nowrap"),
        Col("rule", texts.COLUMNS["rule"])], caption=texts.CAPTIONS_OVERVIEW["scale"], file="scale")]}


def reading(page: Page) -> dict:
    page.use(*terms.USES["reading"])
    return {"id": "reading", "blocks": [{"type": "p", "text": texts.NET_VERSUS_GROSS},
                                        {"type": "p", "text": texts.MOU_CAVEAT}]}
