"""The pledge report's numbers: the chart of what decided the status first, then the measures
table (the deciding row marked, every other statistic labelled as context), what official
statistics can and cannot detect, and the context charts and tables. Every number cites its
source; every chart's alt text states its conclusion, which agrees with the badge."""
from __future__ import annotations

import pandas as pd

from ...vocab.units import thousands
from ..figures import charts, svg
from ..views import lead as leads
from ..views import pledge as views
from ..wording import numbers, phrases, sentences, terms, texts
from .base import Col, Page, cell
from .ledger import ledger_tables


def numbers_section(view: views.PledgeView, page: Page) -> list[dict]:
    return [deciding_chart(view, page), detectability(view), measures(view, page), forecast_chart(view, page),
            delivery_cases(view, page), investment(view, page), ggm(view, page),
            ledger_tables(view.ledger, page) if view.ledger is not None else None]


def section(view: views.PledgeView, page: Page) -> dict:
    blocks = []
    for made in numbers_section(view, page):
        blocks += made if isinstance(made, list) else [made] if made else []
    return {"id": "numbers", "blocks": blocks}


def level_of(row: dict) -> float | None:
    found = leads.LEVEL.search(f"{row['method']} {row['note']}")
    return int(found.group(1)) / 100 if found else None


def measures(view: views.PledgeView, page: Page) -> dict | None:
    rows = views.measure_rows(view)
    if not rows:
        return None
    for row in rows:
        page.use(*terms.TERMS_BY_MEASURE.get(row["key"], ()))
    statistic_context = {"probability", "power", "minimum_detectable", "baseline", "outside_view", "nowcast",
                         "shift_share", "synthetic_gap", "share_of_level", "years_recent"}
    use = {True: texts.UI["deciding"]}
    return page.table(rows, [
        Col("label", texts.COLUMNS["measure"], lambda r: cell(r["label"], cites=page.cite(r["sources"] or None)),
            card="name"),
        Col("value", texts.COLUMNS["value"], lambda r: cell(sentences.measure_value(r, level_of(r))), card="badge"),
        Col("deciding", texts.COLUMNS["use"], lambda r: cell(use.get(r["deciding"]) or (
            texts.UI["statistic_context"] if r["key"] in statistic_context else texts.UI["context_only"]),
            strong=r["deciding"]), card="reason")],
        caption=texts.CAPTIONS["measures"], file="measures", row_sources="sources")


def detectability(view: views.PledgeView) -> dict | None:
    power = view.measure("power")
    if power is None:
        return None
    threshold = view.assumptions.power_threshold
    smallest = view.measure("minimum_detectable")
    return {"type": "p", "label": texts.DETECT_LABEL, "text": phrases.detectability(
        power["value"], threshold, view.pledge.target_value, smallest["value"] if smallest else None)}


def deciding_chart(view: views.PledgeView, page: Page) -> dict | None:
    """The chart of what decided the status, drawn against the pledge; alt = what it shows + the lead."""
    decided = views.deciding_estimate(view)
    if decided is not None and view.chart.get("parts"):
        return parts_chart(view, page, decided)
    if decided is not None:
        what = texts.CHART_WHAT[decided.decided_by].format(deadline=int(view.status["deadline"]))
        data = pd.DataFrame([{"estimate": decided.value, "low": decided.low, "high": decided.high,
                              "level": decided.level, "target": decided.target}])
        return page.figure(svg.inline(charts.estimate_against_target(decided), "deciding"),
                           alt=f"{sentences.chart_estimate(decided, what)} {view.lead.sentence}",
                           caption=phrases.deciding_caption(what), file="deciding", data=data,
                           labels=texts.DECIDING_LABELS, sources=_measure_sources(view, "delivered"))
    if view.deciding.decided_by == "mou":
        return mou_chart(view, page)
    if view.deciding.decided_by == "stage":
        return stage_chart(view, page)
    return None


def parts_chart(view: views.PledgeView, page: Page, decided) -> dict:
    """A sum of pledges: what each part adds (as its own verdict counts it) against the whole pledge."""
    titles = {p["part_id"]: p["name"] for p in view.parts}
    rows = [{"part": titles.get(r["pledge_id"], r["pledge_id"]), "amount": r["expected"],
             "how": texts.PART_COUNTED[r["counted"]]} for r in view.chart["parts"]]
    bars = [(f"{r['part']}: {numbers.estimate(r['amount'], terms.PIECES)} ({r['how']})", r["amount"]) for r in rows]
    what = texts.CHART_WHAT["delivery"].format(deadline=int(view.status["deadline"]))
    return page.figure(svg.inline(charts.parts_against_target(bars, decided.target, terms.PIECES), "deciding"),
                       alt=f"{sentences.chart_estimate(decided, what)} {view.lead.sentence}",
                       caption=phrases.deciding_caption(what), file="deciding", data=pd.DataFrame(rows),
                       labels=texts.PARTS_LABELS, sources=[f"registry:{p}" for p in titles])


def stage_chart(view: views.PledgeView, page: Page) -> dict:
    """The facility's dated steps and its precedents' operating dates against the deadline."""
    chart = view.chart
    steps = pd.DataFrame(chart["steps"])
    data = steps.assign(candidate=steps["candidate"].map(terms.YES_NO))
    return page.figure(svg.inline(charts.stage_timeline(chart), "deciding"),
                       alt=f"{phrases.stage_alt(chart)} {view.lead.sentence}",
                       caption=texts.CAPTIONS["stage"].format(project=chart["project"]), file="deciding",
                       data=data, labels=texts.STAGE_LABELS, sources=[f"fact:{f}" for f in steps["fact_id"] if f])


def _measure_sources(view: views.PledgeView, key: str):
    row = view.measure(key)
    return row["sources"] if row else None


def forecast_chart(view: views.PledgeView, page: Page) -> dict | None:
    """Official statistics' forecast: with the target only when the statistic decided the status,
    otherwise as context, without a target that could read as met."""
    if view.series is None or view.forecasts is None or view.forecasts.empty:
        return None
    label, rows = view.series
    deadline = int(view.status["deadline"])
    deciding = view.deciding.decided_by == "statistic"
    target = None
    if deciding:
        level = view.measure("baseline")["value"] + thousands(view.pledge.target_value)
        target = {"year": deadline, "level": level, "label": texts.CHART["pledge"].format(
            target=numbers.count(level * 1000, terms.PERSONS))}
    chosen = view.forecasts[view.forecasts["selected"]]
    at = chosen[chosen["year"] == deadline].iloc[0]
    page.use(terms.MODEL[at["model"]])
    alt = phrases.forecast_alt(label, int(rows["year"].max()), deadline, at, deciding, view.lead.sentence)
    data = pd.concat([rows[["year", "value"]].assign(kind=texts.CHART["actual"]),
                      chosen[["year", "mean", "lower_80", "upper_80"]].assign(kind=texts.CHART["band"])],
                     ignore_index=True)
    caption = texts.CAPTIONS["forecast" if deciding else "forecast_context"].format(label=label)
    return page.figure(svg.inline(charts.forecast_fan(rows, view.forecasts, target), "forecast"), alt=alt,
                       caption=caption, file="forecast", data=data, labels=texts.FORECAST_LABELS,
                       sources=list(rows["source"]), unit=texts.CHART["persons"])


def delivery_cases(view: views.PledgeView, page: Page) -> dict | None:
    cases = [m for m in view.measures if m["key"] == "case"]
    if not cases:
        return None
    return page.table(cases, [
        Col("label", texts.COLUMNS["case"], lambda r: cell(r["label"], cites=page.cite(r["sources"])), card="name"),
        Col("method", texts.COLUMNS["actual_over_plan"], css="nowrap"),
        Col("value", texts.COLUMNS["delivered_share"], lambda r: cell(numbers.share(r["value"])),
            value=lambda r: round(r["value"], 2), css="num")],
        caption=texts.CAPTIONS["cases"], file="cases", row_sources="sources")


def mou_chart(view: views.PledgeView, page: Page) -> dict | None:
    """Cumulative MOUs by date and, at the deadline year's end, the firms projected present (the
    deciding interval) against the pledge."""
    chart = view.chart
    if view.mou is None or chart is None:
        return None
    last = view.mou.iloc[-1]
    projection = {"date": pd.Timestamp(int(chart["deadline"]), 12, 31), "present_mean": chart["projected"],
                  "present_lower": chart["low"], "present_upper": chart["high"], "level": chart["level"],
                  "target": chart["target"]}
    page.use(*terms.USES["mou"])
    alt = f"{phrases.mou_alt(last['as_of_date'], last['value'])} {view.lead.sentence}"
    return page.figure(svg.inline(charts.mou_projection(view.mou, projection), "mou"), alt=alt,
                       caption=texts.CAPTIONS["mou"], file="mou", data=view.mou, labels=texts.MOU_LABELS,
                       sources=[f"fact:{f}" for f in view.mou["fact_id"]])


def investment(view: views.PledgeView, page: Page) -> list[dict] | None:
    ratio = view.measure("jobs_per_trillion")
    if view.investment is None or ratio is None:
        return None
    table = view.investment
    project = table[(table["kind"] == "project") & (table["covers"] == "direct")]["jobs_per_trillion_krw"]
    alt = phrases.investment_alt(ratio["value"], project.min(), project.max())
    fig = charts.investment_per_job(table, ratio["value"], texts.COVERS)
    rows = table.to_dict("records")
    return [
        page.figure(svg.inline(fig, "investment"), alt=alt, caption=texts.CAPTIONS["investment"], file="investment",
                    data=table, labels=texts.INVESTMENT_LABELS, sources=list(table["sources"])),
        page.table(rows, [
            Col("comparison", texts.COLUMNS["comparison"], lambda r: cell(r["comparison"], cites=page.cite(r["sources"])),
                card="name"),
            Col("jobs_per_trillion_krw", texts.COLUMNS["per_trillion"],
                lambda r: cell(numbers.count(r["jobs_per_trillion_krw"])), value=lambda r: round(r["jobs_per_trillion_krw"]),
                css="num"),
            Col("covers", texts.COLUMNS["covers"], lambda r: cell(texts.COVERS[r["covers"]])),
            Col("as_of", texts.COLUMNS["as_of"], lambda r: cell(numbers.date_label(phrases.year_of(r["as_of"]))),
                css="nowrap")], caption=texts.CAPTIONS["comparisons"], file="comparisons", row_sources="sources"),
        {"type": "p", "css": "muted", "text": texts.INVESTMENT_CAVEAT}]


def ggm(view: views.PledgeView, page: Page) -> dict | None:
    if view.ggm is None:
        return None
    plan = view.ggm["plan"].iloc[0]
    return page.table(view.ggm.to_dict("records"), [
        Col("as_of", texts.COLUMNS["as_of"], lambda r: cell(numbers.date_label(r["as_of"])), css="nowrap"),
        Col("value", texts.COLUMNS["persons"], lambda r: cell(numbers.count(r["value"], terms.PERSONS)), value=lambda r: r["value"],
            css="num"),
        Col("unit", texts.COLUMNS["kind"], lambda r: cell(texts.GGM_UNITS.get(r["unit"], texts.COLUMNS["persons"]))),
        Col("share_of_plan", texts.COLUMNS["of_plan"].format(plan=numbers.count(plan, terms.PERSONS)),
            lambda r: cell(numbers.share(r["share_of_plan"])), value=lambda r: round(r["share_of_plan"], 3), css="num"),
        Col("outlet", texts.COLUMNS["report"], lambda r: cell(r["outlet"], cites=page.cite(f"fact:{r['fact_id']}")))],
        caption=texts.CAPTIONS["ggm"], file="ggm")

