"""Charts for the reports: each function draws one matplotlib figure in Korean with the bundled
NanumGothic font; `svg.inline` writes it as SVG whose text the page's font draws, sized so that
chart text is at least 11 CSS px on a 390 px phone."""
from .charts import setup

__all__ = ["setup"]
