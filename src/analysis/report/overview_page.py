"""The overview report: the tally, the two source articles and what happened to them, the dated
events that decided statuses, the track record of past Gwangju promises and of the forecast
models (CBO-style error tables), the status scale, and how to read job numbers."""
from __future__ import annotations

import pandas as pd

from ..assess import results, rules
from ..assess.assumptions import defaults
from ..ingest.registry import registry
from . import figures, prose, views
from .markup import badge, esc, heading, link, number, percent
from .page import Output, Page, join


class OverviewPage:
    def __init__(self, overrides: dict | None = None):
        self.statuses = views.status_rows(overrides)
        self.overrides = dict(overrides or {})
        self.page = Page("overview")


def tally(statuses: pd.DataFrame) -> pd.Series:
    """Pledges by status, in the scale's order (every status listed, zeros included)."""
    return statuses["status"].value_counts().reindex(list(rules.COLOURS), fill_value=0)


def header(report: OverviewPage) -> Output:
    counts = tally(report.statuses)
    items = " ".join(f"{badge(status)} {count}" for status, count in counts.items() if count)
    pledges = registry()
    sums = [p for p in pledges.values() if p.parts]
    sentences = []
    statuses = report.statuses.set_index("pledge_id")
    for whole in sums:
        parts = " + ".join(f"{pledges[p].title}({statuses.loc[p, 'status']})" for p in whole.parts)
        sentences.append(f"'{whole.title}'은(는) {parts}의 합이라 {statuses.loc[whole.id, 'status']}입니다.")
    overridden = ""
    if report.overrides:
        names = ", ".join(views.scenario_text(k, v) for k, v in report.overrides.items())
        overridden = f"<p class=muted>가정을 바꿔 다시 계산한 상태입니다: {esc(names)}.</p>"
    return join(f"<h1>종합: 광주 일자리·산업 공약 점검</h1>{overridden}<section class=\"summary\" aria-label=\"요약\">"
                f"<p class=\"status-line\">공약 {len(report.statuses)}개: {items}</p>"
                f"<p>{esc(' '.join(sentences))}</p><p>공약마다의 상태·근거·핵심 수치는 "
                f"<a href=\"index.html\">점검표</a>에 있습니다.</p></section>")


def articles(report: OverviewPage) -> Output:
    page, rows = report.page, []
    for pledge in views.source_articles():
        source = pledge.source_info
        marks = page.cite(f"registry:{pledge.id}") + page.cite([f"fact:{f}" for f in source.aftermath_facts])
        rows.append(f"<li><strong>{esc(source.outlet)} {esc(source.date)}</strong> — {esc(source.speaker)} "
                    f"({esc(prose.ROLE_KO[source.role])}): {esc(source.role_ko)}. 그 뒤: {esc(source.aftermath)}{marks}</li>")
    return join(heading(2, "두 기사와 그 뒤", "articles"), f"<ul>{''.join(rows)}</ul>",
                "<p>후보 공약은 시의 정책이 되지 않았어도 약속으로서 점검합니다. 시 계획은 2022년 7월 시장이 바뀐 뒤에도 "
                "사업이 이어졌는지를 봅니다.</p>")


def status_chart(report: OverviewPage) -> Output:
    page, statuses = report.page, report.statuses
    counts = tally(statuses)
    alt = "공약 상태 분포: " + ", ".join(f"{s} {n}개" for s, n in counts.items() if n) + "."
    by_role = pd.crosstab(statuses["status"], statuses["role_ko"]).reindex(list(rules.COLOURS), fill_value=0)
    by_role = by_role[by_role.sum(axis=1) > 0].reset_index()
    by_role["badge"] = by_role["status"].map(badge)
    roles = [c for c in by_role.columns if c in prose.ROLE_KO.values()]
    return join(heading(2, "상태 분포", "tally"),
                page.figure(figures.status_counts(counts, "공약 상태 분포"), alt=alt, caption="상태별 공약 수",
                            data=counts.rename_axis("상태").reset_index(name="공약 수")),
                page.table(by_role, {"badge": "상태", **{r: r for r in roles}}, caption="상태별·구분별 공약 수",
                           markup=("badge",), numeric=tuple(roles), data=by_role.drop(columns="badge")))


def events(report: OverviewPage) -> Output:
    """The election and every decisive dated fact, in date order, with the pledge it bears on."""
    page = report.page
    evidence = results.load_table("evidence")
    decisive = evidence[evidence["means"].isin(rules.DECISIVE) & (evidence["fact_id"].fillna("") != "")]
    titles = {p.id: p.title for p in registry().values()}
    rows = decisive.assign(pledge=decisive["pledge_id"].map(titles),
                           meaning=decisive["means"].map(rules.MEANING_KO)).sort_values(["date", "pledge_id"])
    rows["cited"] = [f"{esc(c)}{page.cite('fact:' + f)}" for c, f in zip(rows["claim_ko"], rows["fact_id"])]
    rows["pledge_link"] = [link(f"pledge-{p}.html", t) for p, t in zip(rows["pledge_id"], rows["pledge"])]
    return join(heading(2, "주요 경과", "events"),
                "<p>상태를 정한 날짜 있는 보도를 날짜순으로 모았습니다(맥락 보도는 빼고).</p>",
                page.table(rows, {"date": "날짜", "outlet": "매체", "cited": "무슨 일", "meaning": "의미",
                                  "pledge_link": "공약"}, caption="판단에 쓰인 보도", markup=("cited", "pledge_link"),
                           nowrap=("date", "outlet", "meaning"),
                           data=rows[["date", "outlet", "claim_ko", "means", "pledge_id", "url"]]))


def track_record(report: OverviewPage) -> Output:
    """Past Gwangju promises against what happened, and the error of the forecast models."""
    page = report.page
    table = results.load_table("projections")
    cases, summary = table[table["label"] != "요약(상대오차)"], table[table["label"] == "요약(상대오차)"].iloc[0]
    cases = cases.assign(cited=[f"{esc(label)}{page.cite(src)}" for label, src in zip(cases["label"], cases["sources"])])
    text = (f"과거 약속 {int(summary['n'])}건에서 실제는 약속보다 평균 {abs(summary['mean_error']):.0%} "
            f"{'적었고' if summary['mean_error'] < 0 else '많았고'}(평균 절대 오차 {summary['mae']:.0%}), 가운데 3분의 2는 "
            f"{summary['two_thirds_low']:+.0%}에서 {summary['two_thirds_high']:+.0%} 사이였습니다.")
    return join(heading(2, "과거 약속과 실제", "track-record"),
                "<p>미국 의회예산처가 자기 전망을 실제와 견주듯, 광주에서 발표된 계획·목표를 실제와 견줍니다. "
                "공약의 전달 모형이 이 사례들에서 출발합니다.</p>",
                page.table(cases, {"cited": "약속", "projected": "약속한 수", "actual": "실제", "relative_error": "상대 오차"},
                           {"projected": number, "actual": number,
                            "relative_error": lambda v: f"{v:+.0%}"}, caption="과거 약속과 실제",
                           markup=("cited",), numeric=("projected", "actual", "relative_error"), data=table),
                f"<p>{esc(text)}</p>", model_errors(report))


def model_errors(report: OverviewPage) -> Output:
    """The pooled backtest errors of the employed-persons forecasts, by model and horizon."""
    page = report.page
    page.use("백테스트", *prose.MODEL_KO.values())
    table = results.load_table("calibration")
    rows = table[(table["panel"] == "employment_sido_annual") & table["horizon"].isin([1, 3, 5, 9])]
    rows = rows.assign(name=rows["model"].map(prose.MODEL_KO),
                       spread=[f"{lo:+.1%} ~ {hi:+.1%}" for lo, hi in zip(rows["two_thirds_low"], rows["two_thirds_high"])])
    return page.table(rows, {"name": "모형", "horizon": "몇 년 앞", "forecasts": "예측 수", "mean_error": "평균 오차",
                             "mae": "평균 절대 오차", "rmse": "제곱근 평균 제곱 오차", "spread": "가운데 3분의 2"},
                      {"mean_error": lambda v: f"{v:+.1%}", "mae": lambda v: percent(v, 1), "rmse": lambda v: percent(v, 1)},
                      caption="취업자 전망 모형의 과거 오차 (17개 시도 백테스트, 실제 값 대비)",
                      numeric=("horizon", "forecasts", "mean_error", "mae", "rmse"), data=rows)


def scale(report: OverviewPage) -> Output:
    chosen = views.chosen_assumptions(report.overrides) if report.overrides else defaults()
    frame = pd.DataFrame(prose.status_rule_rows(chosen), columns=["status", "rule"])
    frame["badge"] = frame["status"].map(badge)
    return join(heading(2, "상태 척도", "scale"),
                "<p>공약 추적 사이트(폴리티팩트의 '오바미터', '폴리미터')처럼 공약을 원문 그대로 인용하고, 상태마다 날짜 있는 "
                "근거를 붙이며, 판단하지 못한 공약은 '측정 불가'와 '자료 미확보'로 나눠 밝힙니다.</p>",
                report.page.table(frame, {"badge": "상태", "rule": "규칙"}, caption="상태와 규칙", markup=("badge",),
                                  data=frame[["status", "rule"]]))


def reading(report: OverviewPage) -> Output:
    report.page.use("순증과 총 창출", "업무협약")
    return join(heading(2, "일자리 수치 읽는 법", "reading"), f"<p>{esc(prose.NET_VERSUS_GROSS)}</p>",
                f"<p>{esc(prose.MOU_CAVEAT)}</p>")
