"""docs/evidence-review.md: every evidence link of the registry on one page, for a reviewer to
check that each quote says what its meaning claims for that pledge (`python -m analysis review`
writes it; a test fails when it is out of date)."""
from __future__ import annotations

from .. import paths
from ..assess import rules
from ..ingest.registry import registry
from ..tables import store
from .wording.texts import MEANINGS_NOTE

PATH = paths.ROOT / "docs" / "evidence-review.md"
HEADER = f"""# 근거 검토표 (evidence review)

공약마다 판정에 연결된 보도와 그 의미를 한 곳에 모은 표입니다. `data/raw/pledges.yaml`에서 만들어지며
(`python -m analysis review`), 손으로 고치지 않습니다. 검토할 것: **인용문 자체가 '의미' 칸이 말하는 것을 그
공약에 대해 말하는가.** 아니면 의미를 고치거나, 그것을 말하는 인용을 고르거나, 연결을 지웁니다.

{MEANINGS_NOTE}
"""


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render() -> str:
    facts = store.load("facts").set_index("fact_id")
    lines = [HEADER]
    for pledge in registry().values():
        links = pledge.all_evidence()
        lines.append(f"\n## {pledge.title} (`{pledge.id}`)\n")
        if not pledge.measurable:
            lines.append("측정 불가로 표시된 공약(수치도 관찰할 결과도 없음): 아래 보도는 맥락입니다.\n")
        if not links:
            lines.append("연결된 보도 없음: 검색 기록(`data/raw/facts/search_log.csv`)이 무엇을 찾았는지 밝힙니다.\n")
            continue
        lines.append("| 부분 | 보도 | 의미 | 인용 | 이 공약에 대한 뜻 |\n|---|---|---|---|---|")
        for component, item in links:
            if item.fact:
                fact = facts.loc[item.fact]
                where = f"{fact['published_label']} {fact['outlet']} (`{item.fact}`)"
                quote = fact["quote"]
            else:
                where, quote = f"공약 기사 {pledge.source_info.outlet} {pledge.source_info.date}", pledge.quote
            meaning = rules.MEANING_KO[item.means] + (f", 완공 예정 {item.due}" if item.due else "")
            lines.append(f"| {_cell(component or '—')} | {_cell(where)} | {meaning} | “{_cell(quote)}” | {_cell(item.why)} |")
    return "\n".join(lines) + "\n"


def write() -> bool:
    from ..files import write_if_changed
    return write_if_changed(PATH, render())
