"""Manufacturing by 2-digit KSIC from a JSON excerpt of 광업제조업조사 (one year, one region block each)."""
from __future__ import annotations

import json
import re

import pandas as pd

from ...errors import InputError
from ...vocab import regions
from ...vocab.sources import reference
from .. import raw

ITEMS = (("establishments", "개"), ("employees", "명"), ("shipments_million_krw", "백만원"))
_YEAR = re.compile(r"(20\d\d)")


def _line_of_code(lines: list[str], region_code: str, code: str) -> int:
    """The line of `"code"` inside the block of `region_code` (codes repeat in every region block)."""
    start = next(i for i, text in enumerate(lines) if f'"{region_code}"' in text)
    return next(i for i, text in enumerate(lines[start:], start + 1) if f'"{code}"' in text)


def manufacturing_ksic2(table) -> pd.DataFrame:
    """Inputs: [JSON excerpt {region code: {KSIC code: {sector, establishments, employees, shipments}}}].
    The year is the one in the file name (the excerpt holds a single year)."""
    (excerpt_file,) = table.inputs
    path = raw.verified(excerpt_file)
    text = path.read_text(encoding="utf-8")
    year = int(_YEAR.search(path.name).group(1))
    lines = text.splitlines()
    rows = []
    for region_code, sectors in json.loads(text).items():
        region = regions.SIDO_BY_CODE.get(region_code)
        if region is None:
            raise InputError.at(path, "unknown region code", value=region_code,
                                expected=f"one of {', '.join(regions.SIDO_BY_CODE)}")
        for code, record in sectors.items():
            source = reference(excerpt_file, _line_of_code(lines, region_code, code))
            for item, unit in ITEMS:
                value = record[item]
                rows.append({"region": region, "year": year, "ksic2": code, "sector": record["sector"],
                             "item": item, "value": value, "unit": unit,
                             "marker": "" if value is not None else "X", "source": source})
    return pd.DataFrame(rows).astype({"value": float})
