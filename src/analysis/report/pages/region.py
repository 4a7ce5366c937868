"""The region report's sections, rendered from a RegionView: summary, employment (with a pledge
target only where official statistics decided its verdict), employment rate, rank among the 17
시도, calibrated forecasts with their track record, firms, and the catalog tables marked for
region reports."""
from __future__ import annotations

import pandas as pd

from ...vocab import periods
from ..figures import charts, svg
from ..views import region as region_view
from ..views.accountability import mergers
from ..wording import numbers, owners, phrases, sentences, terms, texts
from .base import Col, Page, Rendered, cell
from .overview import error_columns


def region_page(region: str, first_year: int, last_year: int, target_year: int, overrides: dict | None = None,
                slug: str = "") -> Rendered:
    from .. import figures
    from ..execution.specs import region_slug
    figures.setup()
    view = region_view.region_view(region, first_year, last_year, target_year, overrides)
    title = phrases.region_title(region, first_year, last_year)
    page = Page(slug or region_slug(region), title)
    sections = [summary(view, page), {"id": "data", "blocks": [{"type": "p", "text": texts.REGION_DATA}]},
                employment(view, page), rate(view, page), ranking(view, page), forecast(view, page), firms(view, page),
                catalog(view, page)]
    return page.render(title, None, sections, {"region": region, "first_year": first_year, "last_year": last_year,
                                                "target_year": target_year, "assumptions": dict(overrides or {})})


def _selected(view) -> pd.Series:
    chosen = view.forecasts[view.forecasts["selected"]]
    return chosen[chosen["year"] == view.target_year].iloc[0]


def summary(view, page: Page) -> dict:
    history, rates = view.history, view.rates
    row = view.ranking[view.ranking["region"] == view.region].iloc[0]
    at = _selected(view)
    page.use(*terms.USES["region_summary"], terms.MODEL[at["model"]])
    derived = history.loc[history["derived"], "year"]
    text = phrases.region_summary(history.iloc[0], history.iloc[-1], view.changes, rates.iloc[-1],
                                view.ranking.attrs["rate_year"], int(row["rate_rank"]), view.target_year, at,
                                (int(derived.min()), int(derived.max())) if len(derived) else None)
    return {"id": "", "blocks": [{"type": "p", "css": "summary", "text": text,
                                  "cites": page.cite(list(history["source"]) + list(rates["source"]))}]}


def employment(view, page: Page) -> dict:
    page.use(*terms.USES["employment"])
    last = view.history.iloc[-1]
    alt = phrases.history_alt(view.region, view.history.iloc[0], last)
    blocks = [page.figure(svg.inline(charts.history(view.history), "employment"), alt=alt,
                          caption=texts.CAPTIONS_REGION["employment"].format(region=view.region), file="employment",
                          data=view.history, labels=texts.HISTORY_LABELS, sources=list(view.history["source"]),
                          unit=texts.CHART["persons"])]
    if view.targets:
        employed = numbers.thousands_to_persons(last["value"])
        blocks.append(page.table(view.targets, [
            Col("title", texts.COLUMNS["pledge"], lambda r: cell(r["title"], href=f"pledge-{r['pledge_id']}.html",
                                                                 muted=r["owner"]), card="name"),
            Col("jobs", texts.COLUMNS["scale"], lambda r: cell(
                f"{numbers.count(r['jobs'], terms.PIECES)} ({sentences.deadline_short(r['deadline'], r['assumed'])})"),
                value=lambda r: r["jobs"], card="reason"),
            Col("share", texts.COLUMNS["share_of_employed"].format(year=int(last["year"])),
                lambda r: cell(numbers.share(r["jobs"] / employed, 1)), value=lambda r: round(r["jobs"] / employed, 4),
                css="num"),
            Col("status", texts.COLUMNS["status"], lambda r: cell(status=r["status"]), value=lambda r: r["status"],
                card="badge")], caption=texts.CAPTIONS_REGION["pledges"], file="pledges", cards="evidence"))
        blocks.append({"type": "p", "css": "muted", "text": texts.REGION_TARGETS})
    blocks += [{"type": "p", "text": owners.merged_region_note(view.region, m), "cites": page.cite(f"fact:{m['basis']}")}
               for m in mergers() if view.region in m["predecessors"]]
    return {"id": "employment", "blocks": blocks}


def rate(view, page: Page) -> dict:
    rates = view.rates.tail(12)
    return {"id": "rate", "blocks": [page.table(rates.to_dict("records"), [
        Col("year", texts.COLUMNS["year"], lambda r: cell(numbers.year(r["year"])), value=lambda r: int(r["year"])),
        Col("value", texts.COLUMNS["rate"], lambda r: cell(numbers.decimal(r["value"])), value=lambda r: round(r["value"], 1),
            css="num"),
        Col("basis", texts.COLUMNS["basis"])], caption=texts.CAPTIONS_REGION["rate"].format(region=view.region),
        file="rate", row_sources="source", sources=list(rates["source"]))]}


def ranking(view, page: Page) -> dict:
    frame, region = view.ranking, view.region
    row = frame[frame["region"] == region].iloc[0]
    first, last = frame.attrs["growth_span"]
    rate_year = frame.attrs["rate_year"]
    text = phrases.rank_sentence(region, rate_year, row, first, last)
    columns = ["region", "employment_rate", "rate_rank", "employed_growth", "growth_rank"]
    growth = frame.assign(employed_growth=frame["employed_growth"] * 100)
    return {"id": "ranking", "blocks": [
        {"type": "p", "text": f"{text} {texts.SEJONG_NOTE}"},
        page.figure(svg.inline(charts.ranking(frame, "employment_rate", region, texts.CHART["rate"]), "rate-rank"),
                    alt=text, caption=texts.CAPTIONS_REGION["rate_rank"].format(year=rate_year, region=region),
                    file="rate-rank", data=frame[columns], labels=texts.RANK_LABELS, sources=frame.attrs["sources"]),
        page.figure(svg.inline(charts.ranking(growth, "employed_growth", region, texts.CHART["growth"]), "growth-rank"),
                    alt=text, caption=texts.CAPTIONS_REGION["growth_rank"].format(first=first, last=last, region=region),
                    file="growth-rank", data=growth[columns], labels=texts.RANK_LABELS, sources=frame.attrs["sources"])]}


def forecast(view, page: Page) -> dict:
    at = _selected(view)
    page.use(*terms.USES["forecast"], *terms.MODEL.values())
    alt = phrases.region_forecast_alt(view.region, view.target_year, at)
    at_year = view.forecasts[view.forecasts["year"] == view.target_year]
    data = pd.concat([view.history.assign(kind=texts.CHART["actual"]), view.forecasts.assign(kind=texts.CHART["band"])])
    calibration = view.calibration[view.calibration["model"] == at["model"]]
    blocks = [{"type": "p", "text": texts.FORECAST_NOTE},
              page.figure(svg.inline(charts.forecast_fan(view.history, view.forecasts), "forecast"), alt=alt,
                          caption=texts.CAPTIONS_REGION["forecast"].format(region=view.region), file="forecast",
                          data=data, labels=texts.FORECAST_LABELS, sources=list(view.history["source"])),
              page.table(at_year.to_dict("records"), [
                  Col("model", texts.COLUMNS["model"], lambda r: cell(terms.MODEL[r["model"]], strong=r["selected"])),
                  Col("mean", texts.COLUMNS["forecast"].format(year=view.target_year), lambda r: cell(
                      numbers.estimate(r["mean"] * 1000, terms.PERSONS, r["lower_80"] * 1000, r["upper_80"] * 1000)),
                      value=lambda r: round(r["mean"], 1), css="num"),
                  Col("interval", texts.COLUMNS["interval80"], lambda r: cell(numbers.span(
                      r["lower_80"] * 1000, r["upper_80"] * 1000, terms.PERSONS, r["mean"] * 1000)))],
                  caption=texts.CAPTIONS_REGION["at_year"].format(year=view.target_year), file="forecast-at-year")]
    if not calibration.empty:
        blocks.append(page.table(calibration.to_dict("records"), [*error_columns(), Col(
            "coverage_80_calibrated", texts.COLUMNS["coverage"], lambda r: cell(numbers.share(r["coverage_80_calibrated"])),
            value=lambda r: round(r["coverage_80_calibrated"], 3), css="num")],
            caption=texts.CAPTIONS_REGION["errors"].format(model=terms.MODEL[at["model"]],
                                                           regions=phrases.region_count(calibration["regions"])),
            file="model-errors",
            full=calibration))
    return {"id": "forecast", "blocks": blocks}


def _count(key: str):
    return lambda r: cell(numbers.count(r[key]))


def firms(view, page: Page) -> dict:
    frame = region_view.establishments(view.region)
    first, last = frame.attrs["first"], frame.attrs["last"]
    return {"id": "firms", "blocks": [page.table(frame.head(12).to_dict("records"), [
        Col("industry", texts.COLUMNS["industry"], card="name"),
        Col("establishments_last", texts.COLUMNS["establishments"].format(year=last), _count("establishments_last"),
            css="num"),
        Col("workers_last", texts.COLUMNS["workers"].format(year=last), _count("workers_last"), css="num"),
        Col("workers_change", texts.COLUMNS["workers_change"].format(span=f"{first}–{last}"), _count("workers_change"),
            css="num")],
        caption=texts.CAPTIONS_REGION["firms"].format(region=view.region), file="firms",
        sources=frame.attrs["sources"]), {"type": "p", "css": "muted", "text": texts.FIRMS_CAVEAT}]}


def catalog(view, page: Page) -> dict:
    blocks = []
    for k, extra in enumerate(region_view.catalog_tables(view.region), 1):
        frame = extra["table"]
        labels = [c for c in frame.columns if c not in (*extra["periods"], "sources")]
        columns = [Col(c, texts.COLUMNS.get(c, c), card="name" if c == labels[0] else "") for c in labels]
        columns += [Col(p, periods.label_ko(p), lambda r, p=p: cell(numbers.decimal(r[p], 2) if not numbers.missing(r[p])
                                                                    else numbers.MISSING), value=lambda r, p=p: r[p],
                        css="num") for p in extra["periods"]]
        columns.append(Col("sources", texts.UI["source_column"], lambda r: cell(cites=page.cite(r["sources"])),
                           value=lambda r: r["sources"]))
        blocks.append(page.table(frame.to_dict("records"), columns, caption=extra["description"], file=f"catalog-{k}"))
        blocks += [{"type": "p", "css": "muted", "text": note} for note in extra["notes"]]
    if blocks:
        blocks.insert(0, {"type": "p", "text": texts.CATALOG_NOTE})
    return {"id": "catalog", "blocks": blocks}
