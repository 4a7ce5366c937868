"""Who owes a pledge, in a reader's words: owner badges, dated lineage steps, promises that oblige
nobody, the index's opening on whose pledges these are, and the merger that abolished the city."""
from __future__ import annotations

from .josa import josa
from .numbers import date_words
from .texts import OWNER_BADGES


def article_line(speaker: str, role: str, role_ko: str, lineage: str, badges: list[tuple[str, int]]) -> str:
    """One source article on the overview: who spoke as what, what befell all its pledges, and who
    owes how many of them now."""
    now = ", ".join(f"{badge} {n}개" for badge, n in badges)
    return f"{speaker}, {role}({role_ko}). 그 뒤: {lineage}. 지금 이 기사의 공약: {now}."

def owner_badge(state: str, holder: str) -> str:
    return OWNER_BADGES[state].format(holder=holder)

def lineage_step(cause: str, maker: str, holder: str) -> str:
    """One dated step of who owes a pledge, in a sentence."""
    return {
        "made": f"{josa(maker, '이/가')} {'발표함' if holder else '후보로서 약속함'}",
        "candidate_lost": f"{josa(maker, '이/가')} 경선에서 져, 이때부터 이 공약을 지킬 곳이 없어짐",
        "adopted": f"{josa(holder, '이/가')} 이 공약을 받아들임",
        "continued": f"{josa(holder, '이/가')} 이 사업을 이어 감",
        "changed": f"{josa(holder, '이/가')} 이 공약과 비슷한 사업을 내용을 바꿔 추진함(원래 공약의 규모·수치까지 "
                   "받아들인 것은 아님)",
        "dropped": "책임지던 정부가 이 사업을 그만둠",
        "succession": f"{josa(holder, '이/가')} 시정을 이어받아 이 사업도 넘겨받음",
        "merger": f"통합으로 {josa(holder, '이/가')} 이 사업을 넘겨받음",
    }[cause]

def spoken(event: str, by: str, note: str) -> str:
    said = "이어 가겠다고 말함" if event == "promised" else "비슷한 약속을 따로 함"
    return f"{josa(by, '이/가')} {said}(말로 한 약속이라 책임의 근거로 삼지 않음): {note}"

def whose_sentences(story: dict, current: str) -> list[str]:
    """The index's opening: whose pledges these are, who beat the candidate, which of the candidate's
    pledges nobody owes and which a city government took on, who owes them now, and what is not here."""
    first = (f"공약 {story['total']}개 가운데 {story['candidate']}개는 {story['speaker']} {story['candidate_role']}의 "
             f"후보 공약이고, {story['city']}개는 {story['city_maker']}의 계획입니다. "
             f"{josa(story['speaker'], '은/는')} {date_words(story['lost'])} 경선에서 {story['winner']}에게 졌고, "
             f"{date_words(story['successor_start'])}부터 {josa(story['successor'], '이/가')} 시정을 맡았습니다.")
    second = (f"후보 공약 가운데 {story['not_adopted']}개는 어느 시 정부도 받아들이지 않아 지금 지킬 의무가 있는 곳이 "
              "없습니다(‘채택 안 됨’).")
    if story["adopted"]:
        second += (f" 나머지 {story['adopted']}개는 {josa(' · '.join(story['adopters']), '이/가')} 받아들이거나 "
                   "이어 간 사업이어서, 지금은 그 사업을 넘겨받은 곳이 책임집니다.")
    if story["changed"]:
        second += (f" 그 가운데 {story['changed']}개는 내용을 바꿔 이어 간 사업이라 바뀐 사업만 책임지며, 후보가 내건 "
                   "규모·수치까지 약속한 것은 아닙니다(‘바뀐 사업만 책임’).")
    holders = " ".join(f"지금 {josa(holder, '이/가')} 책임지는 공약은 {n}개입니다." for holder, n in story["held"].items())
    dropped = f" {story['dropped']}개는 책임지던 시 정부가 그만두었습니다." if story["dropped"] else ""
    return [first, f"{second} {holders}{dropped} 지금의 시 정부인 {josa(current, '이/가')} 스스로 내건 공약은 이 "
                   "점검에 들어 있지 않습니다."]


def merger_sentence(merger: dict) -> str:
    """광주광역시와 전라남도는 2026-07-01에 폐지되어 … 으로 통합되었습니다."""
    bodies = josa("와 ".join(merger["predecessors"]) if len(merger["predecessors"]) == 2
                  else ", ".join(merger["predecessors"]), "은/는")
    text = f"{bodies} {date_words(merger['start'])}에 폐지되어 {josa(merger['name'], '으로/로')} 통합되었습니다."
    return f"{text} {merger['note']}".strip()

def merged_region_note(region: str, merger: dict) -> str:
    """The region report of a government that a merger abolished: who holds its programmes now."""
    return (f"{josa(region, '은/는')} {date_words(merger['start'])}에 폐지되어 {josa(merger['name'], '으로/로')} "
            f"통합되었습니다. 책임질 곳이 있던 공약은 이제 {josa(merger['name'], '이/가')} 넘겨받았습니다. 이 보고서의 통계는 통합 전 "
            f"{region}의 것입니다.")


def not_adopted_note(searches: int) -> str:
    """A candidate's pledge nobody took on: say so, and where the searches for an adoption are."""
    if not searches:
        return "이 공약을 받아들인 시 정부를 찾을 검색은 아직 기록되지 않았습니다."
    return ("경선 뒤 어느 시 정부가 이 공약을 받아들였다는 보도는 찾지 못했습니다. 찾아본 검색과 그 결과는 아래 "
            "‘판단 근거가 된 보도’ 끝에 있습니다.")


def search_line(query: str) -> str:
    """One logged search as the page lists it (what it found, in the analyst's words, is in the CSV)."""
    return f"검색어 ‘{query}’"


def merged_note(holder: str) -> str:
    return f"이 사업은 지금 통합으로 생긴 {josa(holder, '이/가')} 맡고 있습니다. 통합 전의 시·도는 폐지되었습니다."
