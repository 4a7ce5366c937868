"""The layout a newcomer reads: folders are the layers, modules and functions stay small, the
README's map matches the tree, and the status scale it prints is the one the code applies."""
from __future__ import annotations

import ast
import re

import pytest

from analysis import paths
from analysis.assess import rules
from analysis.assess.assumptions import defaults

PACKAGE = paths.ROOT / "src" / "analysis"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_MODULE_LINES, MAX_FUNCTION_LINES = 300, 50
LAYERS = ("vocab", "ingest", "tables", "assess", "report")


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_modules_and_functions_stay_small(module):
    text = module.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            assert length <= MAX_FUNCTION_LINES, f"{node.name} is {length} lines"


def test_layers_import_only_downwards():
    """vocab < ingest < tables < assess < report: a layer never imports one above it."""
    rank = {layer: k for k, layer in enumerate(LAYERS)}
    for module in MODULES:
        layer = module.relative_to(PACKAGE).parts[0]
        if layer not in rank:
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level >= 1 and node.module:
                package = module.relative_to(PACKAGE).parts[:-1]  # ('tables', 'builders') for a builder
                resolved = package[:len(package) - (node.level - 1)] + tuple(node.module.split("."))
                target = resolved[0]
                if target in rank:
                    assert rank[target] <= rank[layer], f"{module.name} ({layer}) imports {target}"


def test_readme_maps_every_folder_and_prints_the_scale_in_force():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    for layer in LAYERS:
        assert f"`src/analysis/{layer}/`" in readme
    for path in re.findall(r"\| `([\w./-]+/)` \|", readme):
        assert (paths.ROOT / path).is_dir(), path
    assert rules.markdown_table(defaults()) in readme, "paste rules.markdown_table(defaults()) into the README"
    assert "make reports\nmake test" in readme
    assert (paths.ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("make test")
