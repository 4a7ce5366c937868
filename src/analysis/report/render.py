"""The reports' one Jinja2 environment, autoescape on. Every element of markup is written in
templates/; Python hands templates plain data (views, wording) and text from data is escaped by
the template. A fragment a template made is `Html`, which is not escaped twice."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..assess import rules
from .wording import texts

TEMPLATES = Path(__file__).parent / "templates"


class Html(Markup):
    """Markup a template made: notebooks display it as HTML, templates insert it as it is."""

    def _repr_html_(self) -> str:
        return str(self)


def css_string(text) -> Markup:
    """Text for a CSS string in a stylesheet (the printed page header): no quotes, backslashes or tags."""
    return Markup("".join(c for c in str(text) if c not in '\\"<>\n'))


def safe_href(url) -> str:
    """An http(s), relative or in-page address fit for href, else "" (a `javascript:` link is never written)."""
    text = str(url or "").strip()
    scheme = urlsplit(text).scheme.lower()
    return "" if not text or (scheme and scheme not in ("http", "https")) else text


def readable_url(url) -> str:
    """The host and path of a URL, percent-decoded, for a reader (the link keeps the exact URL)."""
    parts = urlsplit(str(url))
    path = unquote(parts.path).rstrip("/")
    return f"{parts.netloc}{path}" if len(path) <= 40 else f"{parts.netloc}{path[:38]}…"


FILTERS = {"css_string": css_string, "safe_href": safe_href, "readable_url": readable_url}


def configure(environment: Environment) -> Environment:
    """The globals and filters every template may use (the nbconvert page template too)."""
    environment.globals.update(ui=texts.UI, titles=texts.SECTIONS, colours=rules.COLOURS)
    environment.filters.update(FILTERS)
    return environment


@cache
def environment() -> Environment:
    return configure(Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                                 trim_blocks=True, lstrip_blocks=True))


def render(template: str, **data) -> Html:
    """Render one template of templates/ with plain data."""
    return Html(environment().get_template(template).render(**data))
