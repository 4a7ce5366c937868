"""The hierarchy of a classification column, kept: a level and a parent per row, from the file's
U+3000 (or space) indentation, from KSIC/KSCO code structure (`C 제조업`, `C10 …`, `1 관리자`, `11 …`),
and `*`-marked aggregates (`* 광공업(B,C)`), which stand beside the tree, not in it. A table can then
select one level and never sum a parent with its children; children are checked to sum to their
parent within the file's rounding where the file has both."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

TOTALS = {"계", "합계", "총계", "전체", "전산업", "전체 산업", "전 산업"}
AGGREGATE = "*"  # the level of a `*`-marked aggregate: beside the tree, never summed with it
_CODE = re.compile(r"^(?P<code>[A-U]\d{0,5}|\d{1,5})\s+(?=[가-힣])")
_RANGE = re.compile(r"\((?P<a>\d{2})\s*~\s*(?P<b>\d{2})\)$|\((?P<one>\d{2})\)$")


@dataclass
class Tree:
    levels: list[str]
    parents: list[str]
    source: str           # indentation, codes


def _level(code: str) -> int:
    """KSIC: a section letter is level 1, a division (10, C10) 2, each further digit one more; KSCO:
    the number of digits (1 관리자, 11 …)."""
    return max(1, len(code.lstrip("ABCDEFGHIJKLMNOPQRSTU")))


def _is_parent(parent: tuple[str, str], code: str) -> bool:
    """`C 제조업(10~34)` is the parent of 10 and C10; `1 관리자` of 11; `10` of 101."""
    other, label = parent
    digits, other_digits = code.lstrip("ABCDEFGHIJKLMNOPQRSTU"), other.lstrip("ABCDEFGHIJKLMNOPQRSTU")
    if _level(other) != _level(code) - 1:
        return False
    if not other_digits:  # a section: by its letter (C10) or by the range it names (10 in 10~34)
        return code.startswith(other) or _contains(label, digits)
    return digits.startswith(other_digits)


def _contains(section: str, code: str) -> bool:
    match = _RANGE.search(section)
    if not match or not code.isdigit():
        return False
    low, high = (match.group("a"), match.group("b")) if match.group("a") else (match.group("one"),) * 2
    return int(low) <= int(code[:2]) <= int(high)


def _by_codes(labels: list[str]) -> Tree | None:
    matches = [_CODE.match(label) for label in labels]
    codes = [m.group("code") if m else "" for m in matches]
    members = [label for label in labels if label not in TOTALS and not label.startswith(AGGREGATE)]
    if len(set(filter(None, codes))) < 2 or 2 * sum(1 for c in codes if c) < len(members):
        return None
    total = next((label for label in labels if label in TOTALS), "")
    levels, parents, seen = [], [], []
    for label, code in zip(labels, codes):
        if not code:
            levels.append("0" if label in TOTALS else AGGREGATE if label.startswith(AGGREGATE) else "")
            parents.append("")
            continue
        level = _level(code)
        parent = next((text for other, text in reversed(seen) if _is_parent((other, text), code)), "")
        levels.append(str(level))
        parents.append(parent or (total if level == 1 else ""))
        seen.append((code, label))
    return Tree(levels, parents, "codes")


def _by_indent(labels: list[str], indents: list[int]) -> Tree | None:
    if len(set(indents)) < 2:
        return None
    rank = {size: k for k, size in enumerate(sorted(set(indents)))}
    levels, parents, stack = [], [], []  # stack: (level, label) of the open ancestors
    for label, indent in zip(labels, indents):
        level = rank[indent]
        while stack and stack[-1][0] >= level:
            stack.pop()
        levels.append(str(level))
        parents.append(stack[-1][1] if stack else "")
        stack.append((level, label))
    return Tree(levels, parents, "indentation")


def tree_of(labels: list[str], indents: list[int]) -> Tree | None:
    """The hierarchy of one classification column (labels per data row, in file order), or None."""
    return _by_indent(labels, indents) or _by_codes(labels)


def _decimals(values: pd.Series) -> int:
    """Decimal places the file prints (a rounding unit of 10^-d)."""
    places = values.dropna().map(lambda v: len(f"{v:.6f}".rstrip("0").split(".")[1]))
    return int(places.max()) if len(places) else 0


def check_sums(frame: pd.DataFrame, column: str, others: list[str]) -> str:
    """`children sum to their parent within rounding (120 of 120)`, or the first mismatches. Only a
    parent with every child the file lists for it anywhere is checked (an excerpt may drop some)."""
    level, parent = f"{column}_level", f"{column}_parent"
    nodes = frame[frame[level].astype(str).str.fullmatch(r"\d+") & frame["value"].notna()]
    keys = [c for c in others if c in frame] + ["period"]
    children = nodes[nodes[parent].astype(str) != ""]
    every = children.groupby(parent, observed=True)[column].agg(lambda s: frozenset(s.astype(str)))
    groups = children.groupby(keys + [parent], observed=True).agg(
        sum=("value", "sum"), size=("value", "size"), members=(column, lambda s: frozenset(s.astype(str))))
    groups = groups[[members == every[key[-1]] for key, members in groups["members"].items()]]
    parents = nodes.set_index(keys + [column])["value"]
    parents.index = parents.index.set_names(groups.index.names)
    joined = groups.join(parents.rename("parent"), how="inner")
    if joined.empty:
        return ""
    tolerance = 0.5 * 10.0 ** -_decimals(frame["value"]) * (joined["size"] + 1)
    bad = joined[(joined["sum"] - joined["parent"]).abs() > tolerance + 1e-9]
    if bad.empty:
        return f"{column}: children sum to their parent within rounding ({len(joined)} of {len(joined)})"
    where = [k for k in keys if k in ("item", "region", "period")]
    first = "; ".join(f"{key[-1]} ({', '.join(str(key[keys.index(k)]) for k in where)}): children {row['sum']:.10g} "
                      f"vs {row['parent']:.10g}" for key, row in bad.head(3).iterrows())
    items = sorted({str(key[keys.index("item")]) for key in bad.index}) if "item" in keys else []
    return (f"{column}: children do not sum to their parent in {len(bad)} of {len(joined)} cases"
            + (f" (items {', '.join(items)})" if items else "") + f": {first} …")
