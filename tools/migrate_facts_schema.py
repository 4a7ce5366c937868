"""One-off migration of data/raw/facts/facts.csv to the typed schema (run once, kept in this commit only).

- `fact_id` first: exactly the id the loader used to compute (topic + sha1(source_url|claim_en)[:6]).
- `title`, `archive_url`: new, empty.
- `as_of`, `published`: the date as written, in a declared form; any other text moves, verbatim, to
  `as_of_note` / `published_note` (the whole original text where the date had to be rewritten).
- One unit: a date-valued `designation` becomes `designation date` (the unit of the other such row).
Prints every rewritten field and every derived date that differs from what the old parser read.
"""
from __future__ import annotations

import csv
import hashlib
import re
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from analysis.ingest.fact_fields import parse_date

FACTS = Path(__file__).resolve().parents[1] / "data" / "raw" / "facts" / "facts.csv"
OLD = ["topic", "claim_en", "claim_ko", "value", "unit", "as_of", "source_url", "published", "outlet", "quote"]
NEW = ["fact_id", "topic", "claim_en", "claim_ko", "value", "unit", "as_of", "as_of_note", "source_url", "title",
       "archive_url", "published", "published_note", "outlet", "quote"]

# Periods and per-value dates the old parser read as their first date only.
REWRITTEN = {
    "2004-2024": "2004/2024", "2016-2020.09": "2016/2020-09", "2021-2023": "2021/2023", "2023-2024": "2023/2024",
    "2024-2025": "2024/2025", "2026-2030": "2026/2030", "2024-09~2025-06": "2024-09/2025-06",
    "2024Q2-2025Q1": "2024-Q2/2025-Q1", "c. 2022-2023": "2022/2023",
    "2022-Q2 / 2022-10": "2022-Q2;2022-07/2022-10", "2022 / 2023-01": "2022;2023-01", "2022 / 2023-10": "2022;2023-10",
}
_OLD_DATE = re.compile(r"(?<!\d)(\d{4})(?:-(\d{2}|Q[1-4]|H[12])(?!\d))?(?:-(\d{2})(?!\d))?")
_FORM = r"\d{4}(?:-\d{2}(?:-\d{2})?|-Q[1-4]|-H[12])?"


def old_date(text: str):
    """What the old loader read: the first date in the text, a month or year at its midpoint."""
    match = _OLD_DATE.search(text)
    if not match:
        return None
    year, part, day = match.groups()
    year = int(year)
    if part is None:
        return pd.Timestamp(year, 7, 1)
    if part.startswith("Q"):
        return pd.Timestamp(year, 3 * int(part[1]) - 1, 15)
    if part.startswith("H"):
        return pd.Timestamp(year, 4 if part == "H1" else 10, 1)
    return pd.Timestamp(year, int(part), 15 if day is None else int(day))


def _closes_at_end(text: str) -> bool:
    """True when the parenthesis that opens `text` is the one that ends it."""
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return index == len(text) - 1
    return False


def clean(text: str) -> tuple[str, str]:
    """(date in a declared form, note) for a free-text date field."""
    text = text.strip()
    if text in REWRITTEN:
        return REWRITTEN[text], text
    if re.fullmatch(rf"{_FORM}(?:;{_FORM})*", text):
        return text, ""
    leading = re.match(rf"({_FORM})(?![\d/~-]) (.*)$", text)
    if leading:
        rest = leading[2]
        return leading[1], rest[1:-1] if rest.startswith("(") and _closes_at_end(rest) else rest
    return _OLD_DATE.search(text)[0], text  # 'c. …', 'undated (…)': the date the old loader read, and the text


def migrate(record: dict) -> dict:
    row = {name: record.get(name, "") for name in NEW}
    digest = hashlib.sha1(f"{record['source_url']}|{record['claim_en']}".encode()).hexdigest()[:6]
    row["fact_id"] = f"{record['topic']}-{digest}"
    for field in ("as_of", "published"):
        row[field], row[f"{field}_note"] = clean(record[field])
        if row[field] != record[field]:
            print(f"{row['fact_id']}: {field} {record[field]!r} -> {row[field]!r} + note {row[f'{field}_note']!r}")
        old = old_date(record[field])
        for part in row[field].split(";"):
            new = parse_date(part, period=True).date
            if new != old:
                print(f"  ! {row['fact_id']}: {field}_date {old} -> {new} ({part!r})")
    if record["unit"] == "designation" and not re.fullmatch(r"-?\d+", record["value"]):
        row["unit"] = "designation date"
        print(f"{row['fact_id']}: unit 'designation' -> 'designation date' (value {record['value']!r})")
    return row


def main() -> None:
    with open(FACTS, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == OLD, reader.fieldnames
        rows = [migrate(record) for record in reader]
    with open(FACTS, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, NEW)
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows migrated")


if __name__ == "__main__":
    main()
