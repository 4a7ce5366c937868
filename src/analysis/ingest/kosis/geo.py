"""Region labels in every form KOSIS prints, resolved to (시도, 시군구).

Forms: `광주광역시`, `광  주`, `24 광주광역시`, `전국`/`계`, `세종시`; 시군구 under a 시도 row (`동구`), in a
column of its own (`시군구별(2)`, with `소계` for the 시도 total), with a 5-digit code (`31250 광주시`,
whose first two digits name the 시도), with a 4-digit code and a short 시도 name (`2401 광주 동구`),
with a 시도 name and no code (`서울 종로구`), or bare (`수원시`). Codes and 시도 written in the label
win, then the 시도 row above (checked against the list of 시군구), then the list itself for a name it
holds under one 시도; an ambiguous bare name (`광주시`, `동구`) is refused with its candidates.
"""
from __future__ import annotations

from ...vocab import regions, sigungu
from ...vocab.sigungu import ORPHAN, PlaceProblem

RegionProblem = PlaceProblem  # the reader turns either into an error with file and line
__all__ = ["ORPHAN", "RegionProblem", "Resolver", "is_region_label"]
UNKNOWN = f"one of {', '.join(regions.SIDO)}, 계/전국, or a 시군구 with its 시도"


def is_region_label(label: str) -> bool:
    """True for labels a region column holds: 시도, totals, 시군구 in any form."""
    _code, name = regions.split_code(label)
    squeezed = regions.squeeze(name)
    return bool(regions.sido_name(label) or squeezed in regions.SUBTOTALS or regions.is_sigungu(label)
                or regions.split_sido_prefix(name) or sigungu.is_known(name))


class Resolver:
    """Resolves the labels of one file in order, remembering the 시도 of the rows above, and what it
    inferred that the file does not say itself (for the read's notes)."""

    def __init__(self, scheme: str = "kosis", hint: str | None = None, sido_only: bool = False):
        self.scheme, self.hint, self.sido_only, self.current = scheme, hint, sido_only, None
        self.from_list: dict[str, str] = {}   # bare 시군구 -> the 시도 the list gave it
        self.unlisted: set[str] = set()       # 시군구 the list does not know, kept under the file's 시도
        self.within: set[str] = set()         # predecessor 시도 read from under their merged 시도

    def one_column(self, label: str) -> tuple[str, str]:
        """A label of a single region column: a 시도 (or 전국), or a 시군구 under the 시도 above."""
        code, name = regions.split_code(label)
        named = regions.sido_name(name)
        if code and len(code) >= 4 and named is not None and named == regions.sido_of_code(code, self.scheme):
            return named, regions.tidy(name)  # `29010 세종시`: 세종's one 시군구, as its code says
        sido = regions.sido_name(label)
        if sido == regions.NATIONAL and self.hint:  # a file of one 시도: its total row is that 시도
            sido = self.hint
        if sido is not None:
            self.current = sido
            return sido, ""
        if regions.squeeze(regions.split_code(label)[1]) in regions.SUBTOTALS and self.current:
            return self.current, ""
        if self.sido_only:
            raise RegionProblem(f"unknown region in a 시도 column{self._maybe(label)}", f"one of {', '.join(regions.SIDO)}")
        above = self.current if self.current not in (None, regions.NATIONAL) else None
        return self._sigungu(label, above)

    def two_columns(self, sido_label: str, sigungu_label: str) -> tuple[str, str]:
        """A 시도 column and a 시군구 column (`소계`, `계` or blank there mean the 시도 itself)."""
        sido, _ = self.one_column(sido_label)
        name = regions.squeeze(regions.split_code(sigungu_label)[1])
        if not name or name in regions.SUBTOTALS:
            return sido, ""
        inner = regions.sido_name(sigungu_label)
        if inner is not None and inner in regions.MERGED.get(sido, regions.Merger((), "", "")).predecessors:
            self.within.add(f"{inner} (written {sido_label!r} / {sigungu_label!r})")
            return inner, ""  # the old 광주광역시 area, printed under the merged 시도
        self.current = sido
        return self._sigungu(sigungu_label, sido if sido != regions.NATIONAL else None)

    @staticmethod
    def _maybe(label: str) -> str:
        name = regions.split_code(label)[1]
        places = sigungu.lookup(name)
        return f" ({name!r} is a 시군구: {'; '.join(p.describe() for p in places)})" if places else ""

    def _sigungu(self, label: str, above: str | None) -> tuple[str, str]:
        code, name = regions.split_code(label)
        prefixed = regions.split_sido_prefix(name)
        if prefixed:
            self._check(prefixed[1], prefixed[0])
            return prefixed
        if not (regions.is_sigungu(label) or sigungu.is_known(name)):
            raise RegionProblem("unknown region", UNKNOWN)
        parent = regions.sido_of_code(code, self.scheme) or above or self.hint
        name = regions.tidy(name)
        if parent is not None:
            self._check(name, parent)
            return parent, name
        self.from_list[name] = sigungu.sido_of(name)
        return self.from_list[name], name

    def _check(self, name: str, sido: str) -> None:
        if not sigungu.listed_under(name, sido):
            self.unlisted.add(f"{sido} {name}")

    def notes(self) -> list[str]:
        """What the file did not say and the list did, or what the list does not know."""
        notes = []
        if self.from_list:
            pairs = ", ".join(f"{name} → {sido}" for name, sido in sorted(self.from_list.items())[:6])
            notes.append(f"{len(self.from_list)} 시군구 written without their 시도 placed by the list of 시군구 "
                         f"({pairs}{' …' if len(self.from_list) > 6 else ''}; list: {sigungu.describe_source()})")
        if self.unlisted:
            names = ", ".join(sorted(self.unlisted)[:6])
            notes.append(f"{len(self.unlisted)} 시군구 not in the list of 시군구 kept under the 시도 the file names "
                         f"({names}{' …' if len(self.unlisted) > 6 else ''})")
        if self.within:
            notes.append("rows of a 시도 that merged read from under its successor, as the old area: "
                         + ", ".join(sorted(self.within)))
        return notes
