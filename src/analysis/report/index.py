"""reports/index.html, the scorecard a reviewer opens first: the tally by status and by source,
then one row per pledge (status, robustness, reason, key number with its interval, deadline,
기준일), sortable and filterable by a small inline script; links to the overview and the region
reports. reports/analyst.html lists the executed notebooks and downloads for analysts."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .. import paths
from ..assess import results, rules
from ..files import atomic_write
from . import chrome, prose, views
from .execution.specs import ReportSpec
from .markup import attr, badge, esc, link
from .pledge_page import deadline_text, quantity

SCRIPT = """<script>
(function () {
  var table = document.getElementById('scorecard'), rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var status = document.getElementById('filter-status'), role = document.getElementById('filter-role');
  function filter() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!status.value || row.dataset.status === status.value) && (!role.value || row.dataset.role === role.value);
      row.hidden = !ok; if (ok) { shown++; }
    });
    document.getElementById('shown').textContent = shown;
  }
  status.addEventListener('change', filter); role.addEventListener('change', filter);
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, index) {
    var button = cell.querySelector('button'); if (!button) { return; }
    button.addEventListener('click', function () {
      var up = cell.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
      cell.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      rows.sort(function (a, b) {
        var x = a.cells[index].dataset.sort, y = b.cells[index].dataset.sort;
        var n = parseFloat(x) - parseFloat(y), d = isNaN(n) ? x.localeCompare(y, 'ko') : n;
        return up ? d : -d;
      });
      rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
    });
  });
})();
</script>"""
COLUMNS = (("title", "공약"), ("role", "구분"), ("status", "상태"), ("robust", "견고성"), ("reason", "판단 근거"),
           ("key", "핵심 수치 (구간)"), ("deadline", "기한"), ("as_of", "기준일"))


CELL_CLASS = {"reason": ' class="reason"', "deadline": ' class="nowrap"', "as_of": ' class="nowrap"',
              "robust": ' class="nowrap"'}


def _key_text(pledge_id: str) -> tuple[str, float]:
    row = views.key_number(results.load_pledge(pledge_id)["measures"])
    if row is None:
        return "수치 측정 없음", float("nan")
    return f"{row['short_label']}: {quantity(row)}", float(row["value"])


def _cells(row: pd.Series) -> list[tuple[str, str]]:
    """(sort key, cell HTML) of one scorecard row."""
    key, value = _key_text(row["pledge_id"])
    robust = prose.ROBUSTNESS_KO[row["robustness"]]
    return [(row["title"], str(link(f"pledge-{row['pledge_id']}.html", row["title"]))),
            (row["role_ko"], esc(row["role_ko"])),
            (str(list(rules.COLOURS).index(row["status"])), badge(row["status"])),
            (f"{row['scenarios_differing']}", esc(robust)), (row["reason_ko"], esc(row["reason_ko"])),
            ("" if value != value else f"{value}", esc(key)),
            (str(int(row["deadline"])), esc(deadline_text(row))), (str(row["as_of"] or ""), esc(row["as_of"] or "없음"))]


def scorecard(statuses: pd.DataFrame) -> str:
    head = "".join(f'<th scope="col"><button type="button">{esc(label)}</button></th>' for _, label in COLUMNS)
    body = []
    for _, row in statuses.iterrows():
        cells = "".join(f'<td data-sort="{attr(sort)}"{CELL_CLASS.get(name, "")}>{cell}</td>'
                        for (name, _), (sort, cell) in zip(COLUMNS, _cells(row)))
        body.append(f'<tr data-status="{attr(row["status"])}" data-role="{attr(row["role_ko"])}">{cells}</tr>')
    return (f'<div class="table-scroll" role="region" tabindex="0" aria-label="공약 점검표"><table id="scorecard" '
            f'class="scorecard"><caption>공약 점검표 (<span id="shown">{len(body)}</span>개 표시)</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>")


def tally(statuses: pd.DataFrame) -> str:
    counts = pd.crosstab(statuses["status"], statuses["role_ko"]).reindex(list(rules.COLOURS), fill_value=0)
    roles = list(counts.columns)
    head = "".join(f'<th scope="col" class="num">{esc(r)}</th>' for r in roles)
    rows = "".join(f"<tr><th scope=\"row\">{badge(status)}</th>" + "".join(
        f'<td class="num">{counts.loc[status, r]}</td>' for r in roles) + f'<td class="num">{counts.loc[status].sum()}</td></tr>'
        for status in counts.index)
    return (f'<div class="table-scroll" role="region" tabindex="0" aria-label="상태별 공약 수"><table><caption>상태별 공약 수'
            f'</caption><thead><tr><th scope="col">상태</th>{head}<th scope="col" class="num">계</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div>")


def filters(statuses: pd.DataFrame) -> str:
    status_options = "".join(f'<option value="{attr(s)}">{esc(s)}</option>' for s in rules.COLOURS
                             if s in set(statuses["status"]))
    role_options = "".join(f'<option value="{attr(r)}">{esc(r)}</option>' for r in dict.fromkeys(statuses["role_ko"]))
    return ('<div class="filters"><label>상태 <select id="filter-status"><option value="">전체</option>'
            f'{status_options}</select></label><label>구분 <select id="filter-role"><option value="">전체</option>'
            f"{role_options}</select></label></div>")


def region_links(specs: dict[str, ReportSpec]) -> str:
    items = [str(link(f"{spec.name}.html", spec.title.removeprefix("지역: "))) for spec in specs.values()
             if spec.kind == "region" and spec.html.exists()]
    return ", ".join(items) if items else "없음"


def write_index(specs: dict[str, ReportSpec]) -> Path:
    statuses = views.status_rows()
    checked = max(str(c) for c in statuses["checked"])
    scale = "".join(f"<li>{badge(label)} {esc(rule)}</li>" for label, rule in prose.status_rule_rows(
        views.chosen_assumptions(None)))
    sources = [p.source_info for p in views.source_articles()]
    articles = f"기사 {len(sources)}건(" + ", ".join(f"{s.outlet} {s.date} {prose.ROLE_KO[s.role]}" for s in sources) + ")"
    body = (f"<h1>{esc(chrome.site().title)}: 공약 점검표</h1>"
            f'<section class="summary" aria-label="요약"><p>{esc(articles)}의 '
            "광주 일자리·산업 공약을 공식 통계와 날짜 있는 보도에 비추어 문서화된 규칙으로 판정합니다. 기한이 없는 공약은 "
            f"가정한 기한을 '(가정)'으로 표시합니다. 최종 확인일 {esc(checked)}.</p>"
            f'<p><a href="{chrome.OVERVIEW}">종합 보고서</a> · 지역 보고서: {region_links(specs)}</p></section>'
            f"<h2 id=\"tally\">한눈에</h2>{tally(statuses)}<h2 id=\"pledges\">공약별 상태</h2>"
            "<p>열 제목을 누르면 정렬하고, 상태·구분으로 거를 수 있습니다. 공약 이름을 누르면 근거와 출처가 있는 보고서가 "
            f"열립니다.</p>{filters(statuses)}{scorecard(statuses)}"
            f'<h2 id="scale">상태 척도</h2><ul class="scale">{scale}</ul>{SCRIPT}')
    path = paths.REPORTS / chrome.INDEX
    atomic_write(path, chrome.standalone(f"{chrome.site().title}: 공약 점검표", "index", body))
    write_analyst_page(specs)
    return path


def write_analyst_page(specs: dict[str, ReportSpec]) -> Path:
    """reports/analyst.html: each report's executed notebook, downloads folder and build facts."""
    rows = []
    for spec in specs.values():
        info = json.loads(spec.sidecar.read_text(encoding="utf-8")) if spec.sidecar.exists() else None
        built = f"{info['built'][:16].replace('T', ' ')} · {info['seconds']}초" if info else "빌드되지 않음"
        rows.append(f"<tr><td>{link(spec.name + '.html', spec.title)}</td><td>{link(spec.name + '.ipynb', '실행된 노트북')}"
                    f"</td><td><code>{esc(spec.name)}/</code></td><td>{esc(built)}</td></tr>")
    body = ("<h1>분석가용 자료</h1><p>보고서마다 실행된 노트북(.ipynb)과 표·그림의 CSV가 든 폴더입니다. 읽는 분은 "
            f'<a href="{chrome.INDEX}">점검표</a>에서 시작하세요. 노트북은 JupyterLab(<code>make lab</code>)에서 열 수 '
            "있습니다.</p>"
            '<div class="table-scroll" role="region" tabindex="0"><table><thead><tr><th scope="col">보고서</th>'
            '<th scope="col">노트북</th><th scope="col">CSV 폴더</th><th scope="col">빌드 (KST)</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div><p>빌드 git 리비전 <code>{esc(chrome.git_revision())}</code>.</p>")
    path = paths.REPORTS / chrome.ANALYST
    atomic_write(path, chrome.standalone("분석가용 자료", "analyst", body))
    return path
