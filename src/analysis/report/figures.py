"""Figures for the reports, in Korean, with the bundled NanumGothic font (see fonts.py)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import font_manager

from ..assess import rules
from .fonts import FONT_FAMILY, font_directory


def setup() -> None:
    """Register NanumGothic and make it the default; call after any seaborn theme change."""
    import seaborn as sns
    for path in sorted(font_directory().glob("NanumGothic*.ttf")):  # all weights, for bold titles
        font_manager.fontManager.addfont(str(path))
    sns.set_theme(style="whitegrid", context="notebook")
    # seaborn's theme resets the family: set it again, or Hangul turns into boxes
    plt.rcParams.update({"font.family": FONT_FAMILY, "axes.unicode_minus": False, "figure.dpi": 100,
                         "savefig.dpi": 100, "figure.figsize": (8, 4.2)})


def history_with_pledges(history: pd.DataFrame, title: str, pledge_paths: pd.DataFrame | None = None):
    """Employed persons over time; derived years hollow; pledge paths drawn from their base year."""
    fig, ax = plt.subplots()
    published = history[~history["derived"]]
    derived = history[history["derived"]]
    ax.plot(history["year"], history["value"], color="#444", lw=1.2)
    ax.scatter(published["year"], published["value"], color="#222", s=18, zorder=3, label="공표값")
    if len(derived):
        ax.scatter(derived["year"], derived["value"], facecolor="white", edgecolor="#222", s=18, zorder=3,
                   label="산출값 (15세이상인구×고용률)")
    if pledge_paths is not None:
        for (label, group), colour in zip(pledge_paths.groupby("label", sort=False), ("#c0392b", "#2f6fb3", "#b7791f")):
            ax.plot(group["year"], group["value"], ls="--", color=colour, lw=1.5, label=label)
    ax.set_title(title)
    ax.set_xlabel("연도")
    ax.set_ylabel("취업자 (천명)")
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return fig


def forecast_fan(history: pd.Series, forecasts: pd.DataFrame, target: float | None, deadline: int, title: str,
                 unit: str = "천명"):
    """History, each model's forecast with its 80% interval, and the target level."""
    fig, ax = plt.subplots()
    ax.plot(history.index, history.values, color="#222", lw=1.5, marker="o", ms=3, label="실적")
    colours = ("#2f6fb3", "#b7791f", "#6b7280")
    for (model, group), colour in zip(forecasts.groupby("model", sort=False), colours):
        ax.plot(group["year"], group["mean"], color=colour, lw=1.3, label=f"{model} 예측")
        ax.fill_between(group["year"], group["lower_80"], group["upper_80"], color=colour, alpha=0.15)
    if target is not None and np.isfinite(target):
        ax.axhline(target, color="#c0392b", ls="--", lw=1.2, label=f"목표 수준 ({deadline})")
    ax.set_title(title)
    ax.set_xlabel("연도")
    ax.set_ylabel(unit)
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return fig


def ranking(frame: pd.DataFrame, value: str, highlight: str, title: str, xlabel: str):
    """Horizontal bars of the 17 시도, the highlighted region in colour."""
    frame = frame.sort_values(value)
    fig, ax = plt.subplots(figsize=(8, 5))
    colours = ["#c0392b" if r == highlight else "#9ca3af" for r in frame["region"]]
    ax.barh(frame["region"], frame[value], color=colours)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    fig.tight_layout()
    return fig


def mou_projection(series: pd.DataFrame, projection: dict | None, target: float, title: str):
    """Cumulative MOU counts over time and the projected band, against the firm target."""
    fig, ax = plt.subplots()
    ax.plot(series["as_of_date"], series["value"], marker="o", color="#2f6fb3", label="누적 AI 업무협약 수")
    if projection is not None:
        ax.errorbar([projection["date"]], [projection["mou_mean"]],
                    yerr=[[projection["mou_mean"] - projection["mou_lower"]],
                          [projection["mou_upper"] - projection["mou_mean"]]],
                    fmt="s", color="#2f6fb3", capsize=4, label="2030 추세 전망 (95%)")
        ax.errorbar([projection["date"]], [projection["present_mean"]],
                    yerr=[[projection["present_mean"] - projection["present_lower"]],
                          [projection["present_upper"] - projection["present_mean"]]],
                    fmt="D", color="#1a7f37", capsize=4, label="실제 입주 기업 환산 (95%)")
    ax.axhline(target, color="#c0392b", ls="--", label=f"공약 목표 {target:,.0f}개")
    ax.set_title(title)
    ax.set_ylabel("개")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return fig


def investment_per_job(table: pd.DataFrame, pledge_ratio: float | None, title: str):
    """Jobs per 1조원: comparable projects and coefficients (log scale), the pledge as a line."""
    frame = table.sort_values("jobs_per_trillion_krw")
    fig, ax = plt.subplots(figsize=(8, 5))
    colours = {"direct": "#2f6fb3", "induced": "#b7791f", "direct+indirect": "#b7791f", "supplier": "#6b7280",
               "not stated": "#6b7280"}
    ax.barh(frame["comparison"], frame["jobs_per_trillion_krw"], color=[colours[c] for c in frame["covers"]])
    if pledge_ratio:
        ax.axvline(pledge_ratio, color="#c0392b", ls="--", label=f"공약 {pledge_ratio:,.0f}명/조원")
        ax.legend(loc="lower right", fontsize=9)
    ax.set_xscale("log")
    ax.set_xlabel("1조원당 일자리 (명, 로그 척도) — 파랑: 직접, 주황: 유발·직간접, 회색: 기타")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def status_counts(statuses: pd.DataFrame, title: str):
    order = list(rules.SCALE)
    counts = statuses["status"].value_counts().reindex(order, fill_value=0)
    fig, ax = plt.subplots(figsize=(8, 2.6))
    ax.barh(counts.index[::-1], counts.values[::-1], color=[rules.SCALE[s].colour for s in order[::-1]])
    ax.set_title(title)
    ax.set_xlabel("공약 수")
    fig.tight_layout()
    return fig
