"""Hangul renders: the bundled font covers every character the reports and figures use."""
from __future__ import annotations

import re
import warnings

import matplotlib
import pytest
from fontTools.ttLib import TTFont

from analysis import paths
from analysis.report import figures as plotting
from analysis.report import fonts

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def cmaps():
    return {weight: set(TTFont(str(path)).getBestCmap()) for weight, path in fonts.font_files().items()}


def korean_characters(text: str) -> set[str]:
    return set(re.findall(r"[\uac00-\ud7a3\u3131-\u318e]", text))


def test_font_covers_the_notebooks_registry_and_package_text(cmaps):
    text = "".join(p.read_text(encoding="utf-8") for p in paths.NOTEBOOKS.glob("*.py"))
    text += paths.PLEDGES.read_text(encoding="utf-8")
    text += "".join(p.read_text(encoding="utf-8") for p in (paths.ROOT / "src/analysis").rglob("*.py"))
    missing = {c for c in korean_characters(text) if ord(c) not in cmaps["normal"]}
    assert not missing, "".join(sorted(missing))


def test_figure_text_uses_only_characters_the_font_has(cmaps):
    """Figure titles and labels live in report/figures.py and the notebooks' code cells."""
    from analysis.report.execution.notebooks import read_notebook
    text = (paths.ROOT / "src/analysis/report/figures.py").read_text(encoding="utf-8")
    for notebook in paths.NOTEBOOKS.glob("*.py"):
        text += "".join(c["source"] for c in read_notebook(notebook).cells if c["cell_type"] == "code")
    missing = {c for c in text if ord(c) > 127 and ord(c) not in cmaps["normal"]}
    assert not missing, "".join(sorted(missing))


def test_a_korean_figure_draws_without_missing_glyph_warnings():
    import matplotlib.pyplot as plt
    plotting.setup()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plt.subplots()
        ax.set_title("광주광역시 취업자 (천명) — 목표 수준 1만3000개")
        ax.plot([1, 2], [-1, 1], label="실적")  # negative ticks: unicode_minus is off, NanumGothic has no U+2212
        ax.legend()
        fig.canvas.draw()
        plt.close(fig)
    assert plt.rcParams["font.family"] == [fonts.FONT_FAMILY]


@pytest.mark.skipif(not (paths.REPORTS / "index.html").exists(), reason="reports not built")
def test_built_pages_use_only_characters_the_embedded_font_has(cmaps):
    for page in paths.REPORTS.glob("*.html"):
        text = re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))
        missing = {c for c in korean_characters(text) if ord(c) not in cmaps["normal"]}
        assert not missing, (page.name, "".join(sorted(missing)))
