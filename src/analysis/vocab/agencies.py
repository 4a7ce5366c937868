"""The statistics office under both its names: 통계청 became 국가데이터처 on 2025-10-01 (issue 19,
the public record). Either name in an export is the same publisher, KOSIS organisation 101."""
from __future__ import annotations

import re

NAMES = {"통계청": "통계청 (국가데이터처 since 2025-10-01; KOSIS org 101)",
         "국가데이터처": "국가데이터처 (통계청 until 2025-09-30; KOSIS org 101)"}
_NAME = re.compile("|".join(NAMES))


def statistics_office(text: str) -> str | None:
    """`국가데이터처 (통계청 until 2025-09-30)` when a source line names the office by either name."""
    match = _NAME.search(text)
    return NAMES[match.group(0)] if match else None
