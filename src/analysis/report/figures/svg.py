"""A figure as inline SVG for a page: text stays text (drawn with the page's embedded font, so
the browser can measure it), ids are prefixed so several charts share a page, and the size is
left to the stylesheet (the viewBox keeps the proportions)."""
from __future__ import annotations

import io
import re

import matplotlib.pyplot as plt

_HEADER = re.compile(r"^.*?(?=<svg)", re.S)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_SIZE = re.compile(r'(<svg[^>]*?) width="[^"]*" height="[^"]*"')


def inline(fig, prefix: str) -> str:
    """The figure's SVG (closed afterwards), its ids prefixed with `prefix`."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    text = _METADATA.sub("", _HEADER.sub("", buffer.getvalue(), count=1))
    text = _SIZE.sub(r"\1", text, count=1)
    text = text.replace(' id="', f' id="{prefix}-').replace("url(#", f"url(#{prefix}-")
    return text.replace('href="#', f'href="#{prefix}-')
