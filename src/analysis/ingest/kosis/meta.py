"""What an export says about itself outside its table: the 메타정보 sheet of an XLSX download
(`○ 단위 명 : 명`, `○ 출처 : 국가데이터처, …`) and footer lines of a CSV (`출처: 통계청 …`)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...vocab.agencies import statistics_office
from .grid import Grid
from .labels import clean_label, is_unit

_FIELD = re.compile(r"^○\s*(?P<key>[^:：]+?)\s*(?:[:：]\s*(?P<value>.*))?$")


@dataclass
class Meta:
    unit: str | None = None       # the one unit the metadata states
    source: str | None = None     # the publisher, when it is the statistics office (either name)
    notes: tuple[str, ...] = ()


def _fields(rows: list[list[str]]) -> dict[str, str]:
    """`○ key : value` cells, the value in the same cell or in the next non-blank cell to its right."""
    fields = {}
    for row in rows:
        cells = [clean_label(cell) for cell in row]
        for k, cell in enumerate(cells):
            match = _FIELD.match(cell)
            if match:
                value = match.group("value") or next((c for c in cells[k + 1:] if c), "")
                fields[re.sub(r"\s+", "", match.group("key"))] = value.strip()
    return fields


def _meta(fields: dict[str, str], where: str) -> Meta:
    units = [u.strip() for u in re.split(r"[,;]", fields.get("단위명", fields.get("단위", ""))) if u.strip()]
    unit = units[0] if len(units) == 1 and is_unit(units[0]) else None
    notes = (f"unit {unit!r} from {where} (○ 단위 명)",) if unit else ()
    if len(units) > 1:
        notes = (f"{where} states several units ({', '.join(units)}): not applied to the items",)
    return Meta(unit, statistics_office(fields.get("출처", "")), notes)


def workbook_meta(sheets: dict[str, list[list[str]]]) -> Meta:
    """The 메타정보 sheet's unit and source (the first sheet besides the data whose cells start with ○)."""
    for name, rows in sheets.items():
        fields = _fields(rows)
        if fields:
            return _meta(fields, f"the {name} sheet")
    return Meta()


def footer_meta(grid: Grid) -> Meta:
    """What the footer lines below a table name (the grid keeps them apart from the rows)."""
    if not grid.footer:
        return Meta()
    text = " ".join(cell for _, cell in grid.footer)
    return Meta(None, statistics_office(text),
                (f"footer lines {', '.join(str(line) for line, _ in grid.footer)} kept as notes, not data: "
                 f"{text[:120]!r}",))


def meta_of(grid: Grid) -> Meta:
    sheet, footer = workbook_meta(grid.sheets), footer_meta(grid)
    return Meta(sheet.unit, sheet.source or footer.source, sheet.notes + footer.notes)
