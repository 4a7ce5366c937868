"""The charts, drawn for a phone first: 5 inches wide (360 SVG units) with no text under 11.5
units, so that shown at 358 CSS px (a 390 px phone) chart text is at least 11 px, and on a
laptop at most 36rem. Titles live in the figure caption; the unit sits above the axis."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import font_manager
from matplotlib.dates import DateFormatter, YearLocator
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from ...assess import rules
from ..fonts import FONT_FAMILY, font_directory
from ..wording import numbers
from ..wording.terms import MODEL, PIECES
from ..wording.texts import CHART

INK, TARGET, GREY, BLUE, BROWN = "#1f2328", "#b42318", "#8c959f", "#1f5fa8", "#8a4b00"
MODEL_COLOURS = {"ETS(A,Ad,N)": BLUE, "ARIMA(0,1,0)+drift": BROWN, "OLS trend": "#6e40aa"}
COVERS_COLOURS = {"direct": BLUE, "induced": BROWN, "direct+indirect": "#c9a227", "supplier": GREY, "not stated": "#57606a"}
TEXT_SIZE = 11.5
WIDTH = 5.0
MAX_YEAR_TICKS = 5  # year labels that fit side by side on a phone-width axis
LEGEND_CHARS = 26  # a legend line at 11.5 units that fits the 360-unit chart


def setup() -> None:
    """Register NanumGothic and make it the default; call after any seaborn theme change."""
    import seaborn as sns
    for path in sorted(font_directory().glob("NanumGothic*.ttf")):  # all weights, for bold titles
        font_manager.fontManager.addfont(str(path))
    sns.set_theme(style="whitegrid", context="notebook")
    # seaborn's theme resets the family: set it again, or Hangul turns into boxes
    plt.rcParams.update({"font.family": FONT_FAMILY, "axes.unicode_minus": False, "figure.dpi": 72,
                         "figure.figsize": (WIDTH, 3.6), "svg.fonttype": "none", "svg.hashsalt": "gwangju",
                         "font.size": TEXT_SIZE, "axes.labelsize": TEXT_SIZE, "axes.titlesize": TEXT_SIZE,
                         "xtick.labelsize": TEXT_SIZE, "ytick.labelsize": TEXT_SIZE, "legend.fontsize": TEXT_SIZE,
                         "figure.constrained_layout.use": True})


def _plain(axis) -> None:
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))


def _finish(fig, ax, unit: str, legend: bool = True):
    """The unit above the axis, the legend below the chart (it never covers data)."""
    if unit:
        ax.set_title(unit, loc="left")
    if legend and ax.get_legend_handles_labels()[0]:
        fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncols=1, frameon=False)
    return fig


def estimate_against_target(decided):
    """The deciding estimate with its interval as a bar, and the pledge as a vertical line."""
    fig, ax = plt.subplots(figsize=(WIDTH, 2.6))
    low, high = decided.low if decided.low is not None else decided.value, decided.high or decided.value
    ax.barh([0], [high - low], left=[low], height=0.4, color=BLUE, alpha=0.3,
            label=CHART["interval"].format(level=numbers.level(decided.level or 0)) if decided.level else None)
    ax.scatter([decided.value], [0], color=BLUE, s=60, zorder=3, label=CHART["estimate"])
    ax.axvline(decided.target, color=TARGET, lw=2, ls="--", label=CHART["pledge"].format(
        target=numbers.count(decided.target, decided.unit)))
    ax.set_yticks([])
    ax.set_xlim(0, max(decided.target, high) * 1.08)
    _plain(ax.xaxis)
    return _finish(fig, ax, decided.unit)


def parts_against_target(parts: list[tuple[str, float]], target: float, unit: str):
    """A sum of pledges: each part's amount as one segment of a stacked bar, the pledge as a line."""
    fig, ax = plt.subplots(figsize=(WIDTH, 0.35 * len(parts) + 2.4))
    left = 0.0
    for (label, amount), colour in zip(parts, (BLUE, BROWN, GREY, INK)):
        ax.barh([0], [amount], left=[left], height=0.4, color=colour, label=textwrap.fill(label, LEGEND_CHARS))
        left += amount
    ax.axvline(target, color=TARGET, lw=2, ls="--", label=CHART["pledge"].format(target=numbers.count(target, unit)))
    ax.set_yticks([])
    ax.set_xlim(0, max(target, left) * 1.08)
    _plain(ax.xaxis)
    return _finish(fig, ax, unit)


def stage_timeline(chart: dict):
    """A facility's dated steps (candidates hollow) and the operating dates its precedents give,
    one row each, against the deadline (a dashed line at its year's end)."""
    rows = [(s["label"] + (CHART["candidate"] if s["candidate"] else ""), pd.Timestamp(s["date"]), s["candidate"])
            for s in chart["steps"]]
    rows += [(CHART[label], pd.Timestamp(chart[key]), False)
             for label, key in (("fastest", "earliest"), ("typical", "typical")) if chart.get(key)]
    fig, ax = plt.subplots(figsize=(WIDTH, 0.45 * len(rows) + 1.9))
    for y, (_, day, candidate) in enumerate(rows):
        ax.scatter([day], [y], s=60, zorder=3, color=GREY if candidate else BLUE, facecolor="white" if candidate else BLUE)
    end = pd.Timestamp(int(chart["deadline"]), 12, 31)
    ax.axvline(end, color=TARGET, lw=2, ls="--", label=CHART["deadline"].format(year=chart["deadline"]))
    ax.set_yticks(range(len(rows)), [label for label, _, _ in rows])
    ax.invert_yaxis()
    years = max(day.year for _, day, _ in rows) - min(day.year for _, day, _ in rows) + 1
    ax.xaxis.set_major_locator(YearLocator(max(1, -(-years // MAX_YEAR_TICKS))))
    ax.xaxis.set_major_formatter(DateFormatter("%Y"))
    return _finish(fig, ax, "")


def history(rows: pd.DataFrame):
    """Employed persons over time (derived years hollow)."""
    fig, ax = plt.subplots()
    published, derived = rows[~rows["derived"]], rows[rows["derived"]]
    ax.plot(rows["year"], rows["value"] * 1000, color=INK, lw=1.2)
    ax.scatter(published["year"], published["value"] * 1000, color=INK, s=16, zorder=3, label=CHART["published"])
    if len(derived):
        ax.scatter(derived["year"], derived["value"] * 1000, facecolor="white", edgecolor=INK, s=16, zorder=3,
                   label=CHART["derived"])
    _plain(ax.yaxis)
    return _finish(fig, ax, CHART["persons"])


def forecast_fan(rows: pd.DataFrame, forecasts: pd.DataFrame, target: dict | None = None):
    """History, each model's calibrated forecast with its 80% interval (the selected model bold,
    the others faint), and the target level marked at the deadline year only."""
    fig, ax = plt.subplots(figsize=(WIDTH, 4.2))
    ax.plot(rows["year"], rows["value"] * 1000, color=INK, lw=1.5, marker="o", ms=3, label=CHART["actual"])
    for model, group in forecasts.groupby("model", sort=False):
        chosen = bool(group["selected"].iloc[0])
        name = MODEL[model] + (CHART["chosen"] if chosen else "")
        ax.plot(group["year"], group["mean"] * 1000, color=MODEL_COLOURS[model], lw=2.4 if chosen else 1,
                ls="-" if chosen else ":", label=name, alpha=1 if chosen else 0.8)
        if chosen:
            ax.fill_between(group["year"], group["lower_80"] * 1000, group["upper_80"] * 1000,
                            color=MODEL_COLOURS[model], alpha=0.18, label=CHART["band"])
    if target is not None:
        ax.scatter([target["year"]], [target["level"] * 1000], marker="*", s=160, color=TARGET, zorder=5,
                   label=target["label"])
    _plain(ax.yaxis)
    return _finish(fig, ax, CHART["persons"])


def mou_projection(series: pd.DataFrame, projection: dict):
    """Cumulative MOU counts, and at the end of the deadline year the projected present firms
    (with its interval) against the target, both labelled with their date."""
    fig, ax = plt.subplots(figsize=(WIDTH, 4.0))
    ax.plot(series["as_of_date"], series["value"], marker="o", ms=3, color=BLUE, label=CHART["mou"])
    when = projection["date"]
    ax.errorbar([when], [projection["present_mean"]],
                yerr=[[projection["present_mean"] - projection["present_lower"]],
                      [projection["present_upper"] - projection["present_mean"]]],
                fmt="o", color=INK, capsize=4, label=CHART["present"].format(level=numbers.level(projection["level"])))
    ax.axhline(projection["target"], color=TARGET, lw=2, ls="--",
               label=CHART["pledge"].format(target=numbers.count(projection["target"], PIECES)))
    ax.xaxis.set_major_formatter(DateFormatter("%Y"))
    _plain(ax.yaxis)
    return _finish(fig, ax, CHART["count"])


def investment_per_job(table: pd.DataFrame, pledge_ratio: float | None, labels: dict[str, str]):
    """Jobs per 1조원 of comparable projects and coefficients (log scale), the pledge as a line;
    one legend swatch per colour actually drawn."""
    frame = table.sort_values("jobs_per_trillion_krw")
    fig, ax = plt.subplots(figsize=(WIDTH, 0.42 * len(frame) + 2.2))
    ax.barh(frame["comparison"], frame["jobs_per_trillion_krw"], color=[COVERS_COLOURS[c] for c in frame["covers"]])
    handles = {labels[c]: Patch(color=COVERS_COLOURS[c], label=labels[c]) for c in dict.fromkeys(frame["covers"])}
    if pledge_ratio:
        handles["pledge"] = ax.axvline(pledge_ratio, color=TARGET, ls="--", label=CHART["pledge_ratio"].format(
            value=numbers.count(pledge_ratio)))
    ax.set_xscale("log")
    _plain(ax.xaxis)
    fig.legend(handles=list(handles.values()), loc="outside lower center", frameon=False)
    ax.set_xlabel(CHART["per_trillion"])  # under the axis: a title over the long bar labels is cut off
    return _finish(fig, ax, "", legend=False)


def ranking(frame: pd.DataFrame, value: str, highlight: str, unit: str):
    """Horizontal bars of the 17 시도, the highlighted region in colour."""
    frame = frame.sort_values(value)
    fig, ax = plt.subplots(figsize=(WIDTH, 5.6))
    ax.barh(frame["region"], frame[value], color=[TARGET if r == highlight else GREY for r in frame["region"]])
    return _finish(fig, ax, unit, legend=False)


def status_counts(counts: pd.Series):
    """Pledges by status, in the scale's order and colours."""
    fig, ax = plt.subplots(figsize=(WIDTH, 2.8))
    order = [s for s in rules.COLOURS if s in counts.index][::-1]
    ax.barh(order, [counts[s] for s in order], color=[rules.COLOURS[s] for s in order])
    return _finish(fig, ax, CHART["pledges"], legend=False)
