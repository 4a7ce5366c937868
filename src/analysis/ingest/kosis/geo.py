"""Region labels in every form KOSIS prints, resolved to (시도, 시군구).

Forms: `광주광역시`, `광  주`, `24 광주광역시`, `전국`/`계`; 시군구 under a 시도 row (`동구`), in a column
of its own (`시군구별(2)`, with `소계` for the 시도 total), with a 5-digit code (`31250 광주시`, whose
first two digits name the 시도), with a 4-digit code and a short 시도 name (`2401 광주 동구`), or with a
시도 name and no code (`서울 종로구`). `광주시` alone is never 광주광역시: it needs its 시도.
"""
from __future__ import annotations

from ...vocab import regions


class RegionProblem(ValueError):
    """A label that resolves to no region; the reader turns it into an error with file and line."""

    def __init__(self, problem: str, expected: str):
        super().__init__(problem)
        self.problem, self.expected = problem, expected


UNKNOWN = f"one of {', '.join(regions.SIDO)}, 계/전국, or a 시군구 with its 시도"
ORPHAN = ("a 시도 row above it, a 5-digit region code (31250 광주시), a 시도 name before it (경기 광주시), "
          "or the file's 시도 given as a reader hint (manifest `reader: {sido: …}` or `--sido`)")


def is_region_label(label: str) -> bool:
    """True for labels a region column holds: 시도, totals, 시군구 in any form."""
    _code, name = regions.split_code(label)
    squeezed = regions.squeeze(name)
    return bool(regions.sido_name(label) or squeezed in regions.SUBTOTALS or regions.is_sigungu(label)
                or regions.split_sido_prefix(name))


def _sigungu(label: str, current: str | None, scheme: str, hint: str | None) -> tuple[str, str]:
    code, name = regions.split_code(label)
    prefixed = regions.split_sido_prefix(name)
    if prefixed:
        return prefixed
    if not regions.is_sigungu(label):
        raise RegionProblem("unknown region", UNKNOWN)
    coded = regions.sido_of_code(code, scheme)
    parent = coded or (current if current not in (None, regions.NATIONAL) else None) or hint
    if parent is None:
        raise RegionProblem("시군구 without its 시도", ORPHAN)
    return parent, regions.tidy(name)


class Resolver:
    """Resolves the labels of one file in order, remembering the 시도 of the rows above."""

    def __init__(self, scheme: str = "kosis", hint: str | None = None):
        self.scheme, self.hint, self.current = scheme, hint, None

    def one_column(self, label: str) -> tuple[str, str]:
        """A label of a single region column: a 시도 (or 전국), or a 시군구 under the 시도 above."""
        sido = regions.sido_name(label)
        if sido == regions.NATIONAL and self.hint:  # a file of one 시도: its total row is that 시도
            sido = self.hint
        if sido is not None:
            self.current = sido
            return sido, ""
        if regions.squeeze(regions.split_code(label)[1]) in regions.SUBTOTALS and self.current:
            return self.current, ""
        parent, sigungu = _sigungu(label, self.current, self.scheme, self.hint)
        return parent, sigungu

    def two_columns(self, sido_label: str, sigungu_label: str) -> tuple[str, str]:
        """A 시도 column and a 시군구 column (`소계`, `계` or blank there mean the 시도 itself)."""
        sido, _ = self.one_column(sido_label)
        name = regions.squeeze(regions.split_code(sigungu_label)[1])
        if not name or name in regions.SUBTOTALS:
            return sido, ""
        self.current = sido
        parent, sigungu = _sigungu(sigungu_label, sido, self.scheme, self.hint)
        return parent, sigungu
