"""reports/index.html: every report with its status badge and build date, self-contained."""
from __future__ import annotations

import html
import json
from pathlib import Path

from .. import paths
from ..assess import rules
from ..files import atomic_write
from . import page
from .specs import ReportSpec


def write_index(specs: dict[str, ReportSpec]) -> Path:
    """reports/index.html: every report with its status badge and build date, self-contained."""
    entries = []
    for spec in specs.values():
        info = json.loads(spec.sidecar.read_text(encoding="utf-8")) if spec.sidecar.exists() else None
        entries.append((spec, info))
    sections = []
    for kind, heading in (("overview", "종합 보고서"), ("pledge", "공약별 보고서"), ("region", "지역 보고서")):
        rows = []
        for spec, info in entries:
            if spec.kind != kind:
                continue
            label = (info or {}).get("status")
            badge = (f"<span class='badge' style='background:{rules.SCALE[label].colour}'>{html.escape(label)}</span>"
                     if label else "")
            when = html.escape(info["built"][:16].replace("T", " ")) if info else "빌드되지 않음"
            link = f"<a href='{spec.name}.html'>{html.escape(spec.title)}</a>" if info else html.escape(spec.title)
            rows.append(f"<tr><td>{link}</td><td>{badge}</td><td>{when}</td>"
                        f"<td><a href='{spec.name}.ipynb'>노트북</a></td></tr>")
        if rows:
            sections.append(f"<h2>{heading}</h2><table><thead><tr><th>보고서</th><th>상태</th><th>빌드 시각 (KST)</th>"
                            f"<th>실행된 노트북</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    document = f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>광주 일자리·산업 공약 점검 보고서</title>
<style>
body {{ font-family: "NanumGothic", "Noto Sans KR", "Malgun Gothic", sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #222; }}
table {{ border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }}
th, td {{ border: 1px solid #d0d7de; padding: 5px 8px; text-align: left; }}
thead th {{ background: #f6f8fa; }}
.badge {{ color: #fff; padding: 2px 8px; border-radius: 10px; font-weight: 600; white-space: nowrap; }}
</style></head><body>
<h1>광주 일자리·산업 공약 점검 보고서</h1>
<p>2022년 두 기사(매일일보 2022-04-05, 전자신문 2022-02-10)의 광주 일자리·산업 공약을 공식 통계와 날짜가 있는 사실 자료에 비추어
점검합니다. 상태는 문서화된 규칙으로 계산됩니다(종합 보고서 참조). 빌드 git 리비전 <code>{html.escape(page.git_revision())}</code>.</p>
{''.join(sections)}
</body></html>
"""
    path = paths.REPORTS / "index.html"
    atomic_write(path, page.with_font(document))
    return path
