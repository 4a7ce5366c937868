"""Korean particles chosen from the word they follow, so no page shows "은(는)" or "이(가)".

The choice depends on whether the last spoken syllable ends in a consonant (받침). Digits and Latin
letters are read as Korean reads them (3 삼, 7 칠; "AI" 에이아이); quotes after a word are skipped,
and a closing parenthesis with what it holds, since a particle fits the word the parenthesis explains
(국립국어원): "'미래차 부품 클러스터'는", "광주광역시(시장 강기정)가".
"""
from __future__ import annotations

import re

PAIRS = {"은/는": ("은", "는"), "이/가": ("이", "가"), "을/를": ("을", "를"), "과/와": ("과", "와"),
         "으로/로": ("으로", "로"), "이어서/여서": ("이어서", "여서"), "이지만/지만": ("이지만", "지만")}
# 받침 of each digit as read (영 일 이 삼 사 오 육 칠 팔 구): "" none, "ㄹ" rieul, "c" another consonant
DIGIT_FINALS = {"0": "c", "1": "ㄹ", "2": "", "3": "c", "4": "", "5": "", "6": "c", "7": "ㄹ", "8": "ㄹ", "9": ""}
# Latin letters whose Korean name ends in a consonant: 엘 (ㄹ), 엠, 엔, 알 (ㄹ)
LATIN_FINALS = {"l": "ㄹ", "m": "c", "n": "c", "r": "ㄹ"}
TRAILING = "'\"’”」』]》〉 ·.,"
PARENTHESIS = re.compile(r"\s*\([^()]*\)$")
RIEUL = 8


def final_sound(word: str) -> str:
    """The last syllable's 받침 as "" (none), "ㄹ" or "c" (another consonant)."""
    text = str(word).rstrip(TRAILING)
    while PARENTHESIS.search(text) and PARENTHESIS.sub("", text).strip():
        text = PARENTHESIS.sub("", text).rstrip(TRAILING)
    text = text.rstrip(")")
    if not text:
        return ""
    last = text[-1]
    if "가" <= last <= "힣":
        final = (ord(last) - ord("가")) % 28
        return "" if final == 0 else "ㄹ" if final == RIEUL else "c"
    if last.isdigit():
        return DIGIT_FINALS[last]
    return LATIN_FINALS.get(last.lower(), "")


def particle(word: str, pair: str) -> str:
    """The particle of `pair` ("은/는", "이/가", "을/를", "과/와", "으로/로") that fits after `word`."""
    with_final, without = PAIRS[pair]
    sound = final_sound(word)
    if pair == "으로/로":
        return without if sound in ("", "ㄹ") else with_final
    return with_final if sound else without


def josa(word, pair: str) -> str:
    """`word` followed by its particle: josa("지연", "으로/로") == "지연으로"."""
    return f"{word}{particle(word, pair)}"
