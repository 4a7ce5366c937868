"""Presentation helpers for the notebooks: Korean tables, status badges, source notes.

Everything here formats numbers the package computed; nothing here computes a result.
"""
from __future__ import annotations

import html
import math

import pandas as pd
from IPython.display import HTML, Markdown

from ..assess import assumptions as assumptions_module
from ..assess import rules
from ..assess.results import Assessment
from ..ingest import manifest
from ..ingest.registry import SMART, Pledge, registry
from ..vocab.sources import files
from .prose import JOBS_KIND_KO, METRIC_KO, ROLE_KO, SMART_KO
from .views import result_row


def number(value, digits: int = 0, unit: str = "") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "자료 없음"
    text = f"{value:,.{digits}f}"
    return f"{text}{unit}"


def percent(value, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "자료 없음"
    return f"{value * 100:.{digits}f}%"


def badge(label: str) -> str:
    colour = rules.SCALE[label].colour
    return (f'<span class="status-badge" style="background:{colour};color:#fff;padding:2px 8px;'
            f'border-radius:10px;font-weight:600;white-space:nowrap">{html.escape(label)}</span>')


HTML_COLUMNS = ("badge", "link")  # columns this module fills with markup; everything else is escaped


def table(frame: pd.DataFrame, columns: dict[str, str], formats: dict | None = None, caption: str = "",
          css_class: str = "data-table") -> HTML:
    """An HTML table with Korean headers; `formats` maps a column to a function of the value."""
    formats = formats or {}
    shown = frame[list(columns)].copy()
    for column, formatter in formats.items():
        shown[column] = shown[column].map(formatter)
    for column in shown.columns:
        if column not in HTML_COLUMNS:
            shown[column] = shown[column].map(lambda v: v if pd.isna(v) or not isinstance(v, str) else html.escape(v))
    shown = shown.rename(columns=columns)
    body = shown.to_html(index=False, escape=False, classes=css_class, na_rep="자료 없음", border=0)
    if caption:
        body = f"<p class='caption'>{html.escape(caption)}</p>{body}"
    return HTML(body)


def source_note(*references: str) -> Markdown:
    """A 'source' line under a figure or table."""
    items = "; ".join(f"`{r}`" for r in references if r)
    return Markdown(f"<small>출처: {items}</small>")


def source_files(*columns: pd.Series) -> Markdown:
    """A 'source' line naming the raw files behind `source` columns (`file:line` values)."""
    return source_note(*files(value for column in columns for value in column))


def raw_sources(paths: list[str]) -> HTML:
    """Provenance of raw files from the manifest: origin, table, download date, hash, caveats."""
    rows = []
    for path in paths:
        entry = manifest.entry(path)
        caveats = "<br>".join(html.escape(c) for c in entry.caveats)
        rows.append(f"<tr><td><code>data/raw/{html.escape(path)}</code><br>{html.escape(entry.title)}</td>"
                    f"<td>{html.escape(entry.table_id)}</td><td>{html.escape(entry.origin)}</td>"
                    f"<td>{html.escape(entry.downloaded)}</td><td><code>{entry.short_hash}</code></td>"
                    f"<td>{caveats}</td></tr>")
    return HTML("<table class='data-table'><thead><tr><th>파일</th><th>KOSIS 표</th><th>출처</th><th>내려받은 날</th>"
                "<th>sha256</th><th>유의사항</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def pledge_quote(pledge: Pledge) -> Markdown:
    source = pledge.source
    printed = f" (지면 표기일 {source.printed_date})" if source.printed_date else ""
    return Markdown(
        f"> “{pledge.quote}”\n>\n> — {source.speaker}, {source.role_ko} · {source.outlet} {source.date}{printed}, "
        f"「{source.title}」")


def pledge_facts(pledge: Pledge) -> HTML:
    target = "명시되지 않음" if pledge.target_value is None else f"{pledge.target_value:,.0f} {pledge.target_unit}"
    fields = [
        ("공약 ID", f"<code>{pledge.id}</code>"),
        ("구분", f"{ROLE_KO[pledge.source.role]} ({html.escape(pledge.source.role_ko)})"),
        ("지표", METRIC_KO[pledge.metric]), ("목표", html.escape(target)),
        ("투자 규모", f"{pledge.investment_trillion_krw:g}조원" if pledge.investment_trillion_krw else "명시되지 않음"),
        ("기한", "명시되지 않음" if pledge.deadline == "not stated" else pledge.deadline),
        ("지역", html.escape(pledge.geography)),
        ("일자리 구분", JOBS_KIND_KO[pledge.jobs_kind] +
         (f" — {html.escape(pledge.jobs_kind_note)}" if pledge.jobs_kind_note else "")),
        ("측정 방법", html.escape(pledge.measurement_note) or "아래 통계·사실 참조"),
        ("이후 경과", html.escape(pledge.source.aftermath)),
    ]
    if pledge.parts:
        fields.append(("구성", " + ".join(f"<code>{p}</code>" for p in pledge.parts)))
    if pledge.part_of:
        fields.append(("상위 공약", f"<code>{pledge.part_of}</code>"))
    if pledge.same_programme_as:
        fields.append(("같은 사업", ", ".join(f"<code>{p}</code>" for p in pledge.same_programme_as)))
    rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in fields)
    return HTML(f"<table class='data-table kv'>{rows}</table>")


def smart_table(pledge: Pledge) -> HTML:
    rows = "".join(f"<tr><td>{SMART_KO[k]}</td><td>{'예' if pledge.smart[k][0] else '아니오'}</td>"
                   f"<td>{html.escape(pledge.smart[k][1])}</td></tr>" for k in SMART)
    return HTML("<table class='data-table'><thead><tr><th>기준</th><th>판정</th><th>이유</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>")


def status_scale() -> HTML:
    rows = "".join(f"<tr><td>{badge(level.label)}</td><td>{html.escape(level.statistical_rule)}</td>"
                   f"<td>{html.escape(level.evidence_rule)}</td></tr>" for level in rules.SCALE.values())
    return HTML("<table class='data-table'><thead><tr><th>상태</th><th>통계 지표의 규칙</th><th>사실 자료의 규칙</th>"
                f"</tr></thead><tbody>{rows}</tbody></table>")


def assumptions_table(values: assumptions_module.Assumptions) -> HTML:
    rows = "".join(
        f"<tr><td><code>{r['name']}</code></td><td>{html.escape(str(r['value']))}</td>"
        f"<td>{'' if r['value'] == r['default'] else '기본값 ' + html.escape(str(r['default']))}</td>"
        f"<td>{html.escape(r['reason'])}</td></tr>" for r in assumptions_module.table(values))
    return HTML("<table class='data-table'><thead><tr><th>가정</th><th>값</th><th>변경</th><th>이유</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>")


def evidence_list(evidence: str) -> Markdown:
    items = [e.strip() for e in str(evidence).split(" | ") if e.strip() and e.strip() != "nan"]
    if not items:
        return Markdown("_근거 자료 없음: 이 공약을 측정하는 공개 통계나 사실 자료가 없습니다._")
    return Markdown("\n".join(f"- {item}" for item in items))


def result_value(row: pd.Series) -> str:
    unit = row["unit"]
    if unit in ("ratio", "probability", "percentile"):
        text = percent(row["value"], 1)
        bounds = (percent(row["lower"], 1), percent(row["upper"], 1))
    elif unit == "bool":
        return "예" if str(row["value"]).lower() in ("true", "1", "1.0") else "아니오"
    else:
        digits = 1 if unit in ("천명", "years") else 0
        text = number(row["value"], digits, f" {unit}")
        bounds = (number(row["lower"], digits), number(row["upper"], digits))
    if not (isinstance(row["lower"], float) and math.isnan(row["lower"])):
        text += f" [{bounds[0]} – {bounds[1]}]"
    return text


def results_table(results: pd.DataFrame) -> HTML:
    frame = results.assign(shown=results.apply(result_value, axis=1), note=results["note"].fillna(""))
    return table(frame, {"measure": "측정", "shown": "값 [구간]", "method": "방법", "vintage": "자료 시점",
                         "note": "유의사항", "evidence": "근거 (원자료:행 또는 사실 ID)"})


def key_number(results: pd.DataFrame, status_row: pd.Series) -> str:
    """The one number a scorecard shows for a pledge, with its interval."""
    for key, label in (("probability", "목표 도달 확률"), ("present_firms", "2030 입주 기업 환산"),
                       ("jobs_per_trillion", "1조원당 일자리")):
        model = status_row["model"] if key == "probability" else None
        row = result_row(results, key, model)
        if row is not None:
            return f"{label}: {result_value(row)}"
    return "수치 측정 없음"


def scorecard(assessment: Assessment) -> pd.DataFrame:
    """One row per pledge: title, source role, quote, status badge, key number, reason, link."""
    rows = []
    statuses = assessment.statuses.set_index("pledge_id")
    for pledge in registry().values():
        status_row = statuses.loc[pledge.id]
        results = assessment.results[assessment.results["pledge_id"] == pledge.id]
        quote = pledge.quote if len(pledge.quote) <= 70 else pledge.quote[:68] + "…"
        rows.append({"pledge_id": pledge.id, "title": pledge.title,
                     "role": f"{ROLE_KO[pledge.source.role]} ({pledge.source.outlet} {pledge.source.date})",
                     "quote": f"“{quote}”", "status": status_row["status"], "badge": badge(status_row["status"]),
                     "key_number": key_number(results, status_row), "reason": status_row["reason"],
                     "link": f"<a href='pledge-{pledge.id}.html'>보고서</a>"})
    return pd.DataFrame(rows)


def forecast_table(frame: pd.DataFrame, until: int) -> HTML:
    """The region report's model table: numbers formatted only here, after sorting by CRPS."""
    shown = frame.assign(interval=[f"{lo:,.1f} – {hi:,.1f}" for lo, hi in zip(frame["lower_80"], frame["upper_80"])])
    return table(shown, {"model": "모형", "assumption": "가정", "mean": f"{until} 전망 (천명)", "interval": "80% 구간",
                         "crps": "백테스트 CRPS (천명)", "mae": "백테스트 MAE (천명)", "coverage_80": "80% 구간 적중률",
                         "coverage_95": "95% 구간 적중률"},
                 {"mean": lambda v: f"{v:,.1f}", "crps": lambda v: number(v, 1), "mae": lambda v: number(v, 1),
                  "coverage_80": percent, "coverage_95": percent})


def ggm_table(ggm: pd.DataFrame) -> HTML:
    """광주글로벌모터스 headcount against its plan (the plan's size comes from the facts table)."""
    plan = ggm["plan"].iloc[0]
    return table(ggm, {"as_of": "시점", "value": "인원", "unit": "구분", "share_of_plan": f"계획({plan:,.0f}명) 대비",
                       "source": "근거"}, {"share_of_plan": percent, "value": number},
                 caption="광주글로벌모터스 고용 인원과 계획 (시즌1 실적)")
