"""The pledge report's sections, rendered from a PledgeView: summary box, the pledge quoted,
the evidence and parts its status rests on, the status timeline, robustness, SMART check,
the assumptions it depends on, and 재현 정보. The numbers and charts are in pledge_numbers.py."""
from __future__ import annotations

import pandas as pd

from ..assess import assumptions as assumption_values
from ..assess import rules
from ..assess.measures import ASSUMPTIONS_BY_MEASURE
from ..ingest.registry import NOT_STATED, SMART
from . import prose, views
from .markup import badge, esc, heading, key_values, link, missing, number, percent, quoted
from .page import Output, Page, join


class PledgePage:
    """One pledge's report: its view and the page it is rendered on."""

    def __init__(self, pledge_id: str, overrides: dict | None = None):
        self.view = views.pledge_view(pledge_id, overrides)
        self.page = Page(f"pledge-{pledge_id}")
        self.pledge = self.view.pledge


def deadline_text(status: dict) -> str:
    return f"{int(status['deadline'])}년" + (" (가정)" if status["deadline_assumed"] else "")


def robustness_text(status: dict) -> str:
    if status.get("robustness") is None:
        return ""
    return (f"{prose.ROBUSTNESS_KO[status['robustness']]} (가정 {status['scenarios_entering']}개 중 "
            f"{status['scenarios_differing']}개에서 달라짐)")


def header(report: PledgePage) -> Output:
    view, page = report.view, report.page
    status = view.status
    page.use(prose.ROBUSTNESS_KO[status["robustness"]])
    changes = views.flips(view.sensitivity)
    flipped = "; ".join(f"{f['assumption']} → {f['status']}" for f in changes)
    would_change = prose.WHAT_WOULD_CHANGE[status["method"].split("+")[0]]
    if flipped:
        would_change += f" 가정을 바꾸면: {flipped}."
    overridden = ""
    if view.overrides:
        names = ", ".join(views.scenario_text(k, v) for k, v in view.overrides.items())
        overridden = (f"<p class=muted>이 보고서는 가정을 바꿔 상태를 다시 계산했습니다({esc(names)}). 아래 수치·이력·민감도는 "
                      "기본 가정의 것입니다.</p>")
    rows = [
        f'<p class="status-line">{badge(status["status"])} 기한 {esc(deadline_text(status))} · '
        f'<span class="robust">{esc(robustness_text(status))}</span></p>',
        f"<p><strong>판단 근거</strong>: {esc(status['reason_ko'])}</p>",
        f"<p><strong>무엇이 바뀌면 판정이 바뀌나</strong>: {esc(would_change)}</p>",
        f"<p class=muted>자료 기준일 {esc(status['as_of'] or '없음')} · 최종 확인일 {esc(status['checked'])} · "
        f"판단 방법: {esc(prose.METHOD_KO[status['method'].split('+')[0]])}</p>",
    ]
    return join(f"<h1>{esc(report.pledge.title)}</h1>{overridden}"
                f'<section class="summary" aria-label="요약">{"".join(rows)}</section>')


def quote(report: PledgePage) -> Output:
    pledge, page = report.pledge, report.page
    source = pledge.source_info
    article = page.cite(f"registry:{pledge.id}")
    printed = f" (지면 표기일 {esc(source.printed_date)})" if source.printed_date else ""
    aftermath = page.cite(";".join(f"fact:{f}" for f in source.aftermath_facts))
    target = NOT_STATED if pledge.target_value is None else f"{pledge.target_value:,.0f} {pledge.target_unit}"
    fields = [
        ("구분", esc(f"{prose.ROLE_KO[source.role]} — {source.role_ko}")),
        ("지표", esc(prose.METRIC_KO[pledge.metric])),
        ("목표", esc(target.replace(NOT_STATED, prose.NOT_STATED_KO))),
        ("투자 규모", esc(f"{pledge.investment_trillion_krw:g}조원" if pledge.investment_trillion_krw
                       else prose.NOT_STATED_KO)),
        ("기한", esc(prose.NOT_STATED_KO + f" (판정은 {report.view.status['deadline']}년 가정)"
                   if pledge.deadline == NOT_STATED else pledge.deadline)),
        ("지역", esc(prose.NOT_STATED_KO if pledge.geography == NOT_STATED else pledge.geography)),
        ("일자리 구분", esc(prose.JOBS_KIND_KO[pledge.jobs_kind] +
                        (f" — {pledge.jobs_kind_note}" if pledge.jobs_kind_note else ""))),
        ("그 뒤", f"{esc(source.aftermath)}{aftermath}"),
    ]
    return join(heading(2, "공약 원문", "quote") +
                f"<blockquote><p>{quoted(pledge.quote)}</p><footer>— {esc(source.speaker)}, {esc(source.role_ko)} · "
                f"{esc(source.outlet)} {esc(source.date)}{printed}{article}</footer></blockquote>" + key_values(fields))


def _meaning(means: str) -> str:
    return f'<span class="meaning">{esc(rules.MEANING_KO[means])}</span>'


def _evidence_table(rows: list[dict], page: Page, caption: str) -> Output:
    frame = pd.DataFrame(rows)
    frame["meaning"] = frame["means"].map(_meaning)
    frame["cited"] = [f"{esc(c)}{page.cite('fact:' + f if f else 'registry:' + p)}"
                      for c, f, p in zip(frame["claim_ko"], frame["fact_id"], frame["pledge_id"])]
    frame["quoted"] = frame["quote"].map(quoted)
    return page.table(frame, {"date": "날짜", "outlet": "매체", "cited": "무슨 일", "quoted": "원문 인용",
                              "meaning": "의미", "why": "이 공약에 대한 뜻"},
                      caption=caption, markup=("meaning", "cited", "quoted"), nowrap=("date", "outlet"),
                      data=frame[["date", "outlet", "claim_ko", "quote", "means", "why", "url"]].rename(columns={
                          "date": "날짜", "outlet": "매체", "claim_ko": "무슨 일", "quote": "원문 인용",
                          "means": "의미", "why": "이 공약에 대한 뜻", "url": "주소"}))


def evidence(report: PledgePage) -> Output:
    view, page = report.view, report.page
    parts = [heading(2, "판단 근거", "evidence")]
    if view.parts:
        frame = pd.DataFrame(view.parts)
        frame["badge"] = frame["status"].map(badge)
        frame["name_link"] = [link(f"pledge-{p}.html", n) if p else esc(n) for n, p in zip(frame["name"], frame["part_id"])]
        parts.append(page.table(frame, {"name_link": "부분", "badge": "상태", "reason": "근거"}, caption=(
            "부분별 상태: 전체는 가장 나쁜 부분보다 나을 수 없음"), markup=("badge", "name_link"),
            data=frame[["name", "status", "reason"]].rename(columns={"name": "부분", "status": "상태", "reason": "근거"})))
    rows = view.evidence
    for component in dict.fromkeys(r["component"] for r in rows):
        chosen = [r for r in rows if r["component"] == component]
        caption = f"부분 '{component}'의 보도" if component else "날짜 있는 보도와 공약 기사"
        parts.append(_evidence_table(chosen, page, caption))
    if not rows:
        parts.append("<p>이 공약에 연결된 날짜 있는 보도가 없습니다. 판단 근거 문단이 검색 기록을 밝힙니다.</p>")
    parts.append(f"<p class=muted>{esc(prose.MEANINGS_NOTE)}</p>")
    return join(*parts)


def timeline(report: PledgePage) -> Output:
    view, page = report.view, report.page
    changed = [row for row in view.history if row["status_changed"]]
    frame = pd.DataFrame(changed or [{"date": "", "status": rules.NO_DATA, "reason": "기록 없음"}])
    frame["badge"] = frame["status"].map(badge)
    return join(heading(2, "상태 변화", "timeline") +
                "<p>보도가 나온 날마다, 그날까지 알려진 사실만으로 규칙을 다시 적용한 상태입니다(손으로 적지 않음). "
                "상태가 바뀐 날만 보입니다.</p>" +
                page.table(frame, {"date": "날짜", "badge": "상태", "reason": "그때의 근거"}, caption="상태 이력",
                           markup=("badge",), nowrap=("date",), data=pd.DataFrame(view.history)))


def robustness(report: PledgePage) -> Output:
    view, page = report.view, report.page
    grid = pd.DataFrame(view.sensitivity)
    if grid.empty:
        return join()
    base = grid.loc[grid["scenario"] == "기본값", "status"].iloc[0]
    changed = views.flips(view.sensitivity)
    text = (f"이 판정에 들어가는 가정을 하나씩 바꾼 {len(grid) - 1}가지 계산 중 {int((grid['status'] != base).sum())}가지가 "
            f"다른 상태를 줍니다: {prose.ROBUSTNESS_KO[view.status['robustness']]}.")
    body = heading(2, "판정의 견고성", "robustness") + f"<p>{esc(text)}</p>"
    if changed:
        frame = pd.DataFrame(changed)
        frame["badge"] = frame["status"].map(badge)
        body += page.table(frame, {"assumption": "바꾼 가정", "badge": "그때의 상태"}, caption="상태를 바꾸는 가정",
                           markup=("badge",), data=grid)
    return join(body)


def smart(report: PledgePage) -> Output:
    pledge = report.pledge
    frame = pd.DataFrame([{"criterion": prose.SMART_KO[k], "met": "예" if pledge.smart[k][0] else "아니오",
                           "why": pledge.smart[k][1]} for k in SMART])
    return join(heading(2, "공약의 점검 가능성", "smart") +
                "<p>공약이 점검할 수 있게 쓰였는지 다섯 기준(구체성, 측정 가능성, 달성 가능성, 관련성, 기한)으로 봅니다.</p>" +
                report.page.table(frame, {"criterion": "기준", "met": "충족", "why": "이유"}, caption="공약 문장 점검"))


def relevant_assumptions(view: views.PledgeView) -> list[str]:
    names = {name for m in view.measures for name in ASSUMPTIONS_BY_MEASURE.get(m["key"], ())}
    names |= {name for name, _, _ in views.flipping(view.sensitivity)}
    if view.status["deadline_assumed"]:
        names.add("undated_deadline")
    return [name for name in assumption_values.Assumptions.model_fields if name in names]


def assumptions(report: PledgePage) -> Output:
    names = relevant_assumptions(report.view)
    if not names:
        return join()
    chosen = report.view.assumptions
    frame = pd.DataFrame([{"label": assumption_values.label(n), "value": views.assumption_value(n, getattr(chosen, n)),
                           "reason": assumption_values.reason(n)} for n in names])
    return join(heading(2, "부록: 이 판정이 기대는 가정", "assumptions") +
                report.page.table(frame, {"label": "가정", "value": "값", "reason": "이유"}, caption="가정과 그 이유"))


def quantity(row: dict) -> str:
    """A measure's value with its unit and interval, as a reader reads it."""
    unit, value = row["unit"], row["value"]
    if unit in ("ratio", "probability"):
        text, bounds = percent(value, 1), (percent(row["lower"], 1), percent(row["upper"], 1))
    else:
        digits = 1 if unit in ("천명", "years") or (not missing(value) and abs(value) < 10) else 0
        suffix = prose.UNIT_KO.get(unit, unit)
        text = number(value, digits, f" {suffix}" if suffix else "")
        bounds = (number(row["lower"], digits), number(row["upper"], digits))
    if not (missing(row["lower"]) or missing(value)):
        text += f" (구간 {bounds[0]}–{bounds[1]})"
    return text
