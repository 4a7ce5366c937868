"""HTML building blocks of the reports. Markup is written only here and in the page modules;
every text that comes from data (the registry, the facts table, KOSIS labels) goes through
`esc`, never through Markdown, so a `<script>`, `*` or `_` in a quote shows as written."""
from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Iterable
from urllib.parse import unquote, urlsplit

import pandas as pd

from ..assess import rules

MISSING = "자료 없음"


class Html(str):
    """A fragment of trusted markup: notebooks display it as HTML, f-strings keep it as it is."""

    def _repr_html_(self) -> str:
        return str(self)


def missing(value) -> bool:
    """None or NaN (pandas turns None into NaN in a frame)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def esc(value) -> str:
    """Text from data, escaped for HTML; a missing value reads 자료 없음."""
    return MISSING if missing(value) else html.escape(str(value))


def attr(value) -> str:
    """Text for an attribute value (quotes escaped too)."""
    return html.escape(str(value), quote=True)


def slug(text: str) -> str:
    """An id from Korean or Latin text: letters, digits and hyphens."""
    return re.sub(r"[^\w]+", "-", text).strip("-").lower() or "section"


def number(value, digits: int = 0, unit: str = "") -> str:
    if missing(value):
        return MISSING
    return f"{value:,.{digits}f}{unit}"


def percent(value, digits: int = 0) -> str:
    if missing(value):
        return MISSING
    return f"{value * 100:.{digits}f}%"


def safe_url(url: str) -> str | None:
    """An http(s) or relative URL fit for href, or None (a `javascript:` link is never written)."""
    text = str(url or "").strip()
    scheme = urlsplit(text).scheme.lower()
    if not text or (scheme and scheme not in ("http", "https")):
        return None
    return text


def readable_url(url: str) -> str:
    """The host and path of a URL, percent-decoded, for a reader (the link keeps the exact URL)."""
    parts = urlsplit(url)
    path = unquote(parts.path).rstrip("/")
    return f"{parts.netloc}{path}" if len(path) <= 40 else f"{parts.netloc}{path[:38]}…"


def link(url: str, text: str, *, escaped: bool = False) -> Html:
    """<a> to an external page (opens in the same tab; works offline only when online)."""
    target = safe_url(url)
    body = text if escaped else esc(text)
    if target is None:
        return Html(body)
    return Html(f'<a href="{attr(target)}" rel="noopener noreferrer">{body}</a>')


def badge(status: str) -> Html:
    """A status in its colour (white text meets WCAG AA on every colour of the scale)."""
    return Html(f'<span class="badge" style="background:{rules.COLOURS[status]}">{esc(status)}</span>')


def quoted(text: str) -> Html:
    """A verbatim quote in quotation marks, marked as such (and as English when it is): reports
    never translate or trim a source's words; the Korean claim beside it says what it means."""
    letters = [c for c in str(text) if c.isalpha()]
    english = letters and sum(c.isascii() for c in letters) > 0.6 * len(letters)
    lang = ' lang="en"' if english else ""
    return Html(f'<q class="verbatim"{lang}>{esc(text)}</q>')


def heading(level: int, text: str, anchor: str | None = None) -> Html:
    return Html(f'<h{level} id="{attr(anchor or slug(text))}">{esc(text)}</h{level}>')


def details(summary: str, body: str, css: str = "") -> Html:
    klass = f' class="{css}"' if css else ""
    return Html(f"<details{klass}><summary>{esc(summary)}</summary>{body}</details>")


def table(frame: pd.DataFrame, columns: dict[str, str], formats: dict[str, Callable] | None = None, *,
          caption: str = "", markup: Iterable[str] = (), numeric: Iterable[str] = (), nowrap: Iterable[str] = (),
          after: str = "") -> Html:
    """A table with Korean headers in its own scrolling box. Columns named in `markup` hold HTML
    made by this module; every other cell is escaped. `numeric` columns align right, `nowrap`
    ones (dates, names) never break; `after` (trusted) goes after the caption."""
    formats, markup = formats or {}, set(markup)
    classes = {c: "num" if c in set(numeric) else "nowrap" if c in set(nowrap) else "" for c in columns}
    head = "".join(f'<th scope="col"{_klass(classes[c])}>{esc(label)}</th>' for c, label in columns.items())
    body = []
    for record in frame.to_dict("records"):
        cells = []
        for column in columns:
            value = record[column]
            shown = formats[column](value) if column in formats else value
            text = shown if column in markup else esc(shown)
            cells.append(f"<td{_klass(classes[column])}>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    label = f' aria-label="{attr(caption)}"' if caption else ""
    top = f"<caption>{esc(caption)}{after}</caption>" if caption or after else ""
    return Html(f'<div class="table-scroll" role="region" tabindex="0"{label}><table>{top}<thead><tr>{head}</tr>'
                f'</thead><tbody>{"".join(body)}</tbody></table></div>')


def _klass(name: str) -> str:
    return f' class="{name}"' if name else ""


def key_values(rows: list[tuple[str, str]]) -> Html:
    """A two-column table of label and (trusted) value."""
    body = "".join(f'<tr><th scope="row">{esc(k)}</th><td>{v}</td></tr>' for k, v in rows)
    return Html(f'<div class="table-scroll" role="region" tabindex="0"><table class="kv"><tbody>{body}'
                "</tbody></table></div>")
