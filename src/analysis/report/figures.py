"""Charts for the reports, in Korean, with the bundled NanumGothic font (see fonts.py). Each
function returns a matplotlib figure; `Page.figure` draws it at 2× with its alt text and data."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import font_manager

from ..assess import rules
from .fonts import FONT_FAMILY, font_directory
from .prose import MODEL_KO

INK, TARGET, GREY = "#1f2328", "#b42318", "#8c959f"
MODEL_COLOURS = {"ETS(A,Ad,N)": "#1f5fa8", "ARIMA(0,1,0)+drift": "#8a4b00", "OLS trend": "#6e40aa"}
COVERS_KO = {"direct": ("직접 고용", "#1f5fa8"), "induced": ("유발 고용", "#8a4b00"),
             "direct+indirect": ("직·간접 고용", "#8a4b00"), "supplier": ("협력사", GREY), "not stated": ("밝히지 않음", GREY)}


def setup() -> None:
    """Register NanumGothic and make it the default; call after any seaborn theme change."""
    import seaborn as sns
    for path in sorted(font_directory().glob("NanumGothic*.ttf")):  # all weights, for bold titles
        font_manager.fontManager.addfont(str(path))
    sns.set_theme(style="whitegrid", context="notebook")
    # seaborn's theme resets the family: set it again, or Hangul turns into boxes
    plt.rcParams.update({"font.family": FONT_FAMILY, "axes.unicode_minus": False, "figure.dpi": 100,
                         "savefig.dpi": 100, "figure.figsize": (8, 4.2)})


def _finish(fig, ax, title: str, unit: str, legend: str | None = "upper left"):
    """Title with the unit in it (a rotated Korean axis label reads badly), legend, tight layout."""
    ax.set_title(f"{title} ({unit})" if unit and unit not in title else title)
    if legend:
        ax.legend(loc=legend, fontsize=8.5)
    fig.tight_layout()
    return fig


def history_with_targets(history: pd.DataFrame, title: str, targets: list[dict] | None = None):
    """Employed persons over time (derived years hollow) and each pledge's path from its base year
    to its target at the deadline, the target marked at its year."""
    fig, ax = plt.subplots()
    published, derived = history[~history["derived"]], history[history["derived"]]
    ax.plot(history["year"], history["value"], color=INK, lw=1.2)
    ax.scatter(published["year"], published["value"], color=INK, s=16, zorder=3, label="공표값")
    if len(derived):
        ax.scatter(derived["year"], derived["value"], facecolor="white", edgecolor=INK, s=16, zorder=3,
                   label="산출값 (15세이상인구×고용률)")
    for target, colour in zip(targets or [], (TARGET, "#1f5fa8", "#8a4b00")):
        ax.plot([target["base_year"], target["deadline"]], [target["base"], target["level"]], ls="--", color=colour,
                lw=1.3)
        ax.scatter([target["deadline"]], [target["level"]], marker="*", s=120, color=colour, zorder=4,
                   label=target["label"])
    ax.set_xlabel("연도")
    return _finish(fig, ax, title, "천 명")


def forecast_fan(history: pd.DataFrame, forecasts: pd.DataFrame, title: str, target: dict | None = None,
                 unit: str = "천 명"):
    """History, each model's calibrated forecast with its 80% interval (the selected model bold,
    the others faint), and the target level marked at the deadline year only."""
    fig, ax = plt.subplots()
    ax.plot(history["year"], history["value"], color=INK, lw=1.5, marker="o", ms=3, label="실적")
    for model, group in forecasts.groupby("model", sort=False):
        chosen = bool(group["selected"].iloc[0])
        colour = MODEL_COLOURS[model]
        name = MODEL_KO[model] + (" (선택한 모형)" if chosen else "")
        ax.plot(group["year"], group["mean"], color=colour, lw=2.4 if chosen else 1, ls="-" if chosen else ":",
                label=name, alpha=1 if chosen else 0.8)
        if chosen:
            ax.fill_between(group["year"], group["lower_80"], group["upper_80"], color=colour, alpha=0.18,
                            label="선택한 모형의 80% 예측구간")
    if target is not None:
        ax.scatter([target["year"]], [target["level"]], marker="*", s=160, color=TARGET, zorder=5,
                   label=target["label"])
    ax.set_xlabel("연도")
    return _finish(fig, ax, title, unit)


def mou_projection(series: pd.DataFrame, projection: dict, title: str):
    """Cumulative MOU counts, and at the end of the deadline year the projected present firms
    (95% interval) against the target, both labelled with their date."""
    fig, ax = plt.subplots()
    ax.plot(series["as_of_date"], series["value"], marker="o", ms=3, color="#1f5fa8", label="누적 AI 업무협약 수")
    when = projection["date"]
    ax.errorbar([when], [projection["present_mean"]],
                yerr=[[projection["present_mean"] - projection["present_lower"]],
                      [projection["present_upper"] - projection["present_mean"]]],
                fmt="D", color="#1a7f37", capsize=4, label=f"{when:%Y}년 말 입주 기업 전망 (95% 구간)")
    ax.scatter([when], [projection["target"]], marker="*", s=160, color=TARGET, zorder=5,
               label=f"공약 목표 {projection['target']:,.0f}개 ({when:%Y}년 말)")
    ax.annotate(f"{when:%Y}년 말", (when, projection["target"]), textcoords="offset points", xytext=(-40, 8),
                fontsize=8.5)
    ax.set_xlabel("발표 시점")
    return _finish(fig, ax, title, "개")


def investment_per_job(table: pd.DataFrame, pledge_ratio: float | None, title: str):
    """Jobs per 1조원 of comparable projects and coefficients (log scale), the pledge as a line."""
    frame = table.sort_values("jobs_per_trillion_krw")
    fig, ax = plt.subplots(figsize=(8, 5))
    ax.barh(frame["comparison"], frame["jobs_per_trillion_krw"], color=[COVERS_KO[c][1] for c in frame["covers"]])
    if pledge_ratio:
        ax.axvline(pledge_ratio, color=TARGET, ls="--", label=f"공약 {pledge_ratio:,.0f}명/조원")
    for covers in dict.fromkeys(frame["covers"]):
        label, colour = COVERS_KO[covers]
        ax.barh([], [], color=colour, label=label)
    ax.set_xscale("log")
    ax.set_xlabel("1조원당 일자리 (명, 로그 척도)")
    return _finish(fig, ax, title, "", legend="lower right")


def ranking(frame: pd.DataFrame, value: str, highlight: str, title: str, xlabel: str):
    """Horizontal bars of the 17 시도, the highlighted region in colour."""
    frame = frame.sort_values(value)
    fig, ax = plt.subplots(figsize=(8, 5))
    ax.barh(frame["region"], frame[value], color=[TARGET if r == highlight else GREY for r in frame["region"]])
    ax.set_xlabel(xlabel)
    return _finish(fig, ax, title, "", legend=None)


def status_counts(counts: pd.Series, title: str):
    """Pledges by status, in the scale's order and colours."""
    fig, ax = plt.subplots(figsize=(8, 2.8))
    order = [s for s in rules.COLOURS if s in counts.index][::-1]
    ax.barh(order, [counts[s] for s in order], color=[rules.COLOURS[s] for s in order])
    ax.set_xlabel("공약 수")
    return _finish(fig, ax, title, "", legend=None)
