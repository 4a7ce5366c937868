"""The layout a newcomer reads: folders are the layers, modules and functions stay small, the
README's map matches the tree, and the status scale it prints is the one the code applies."""
from __future__ import annotations

import ast
import re

from analysis import paths
from analysis.assess import rules
from analysis.assess.assumptions import defaults

PACKAGE = paths.ROOT / "src" / "analysis"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_MODULE_LINES, MAX_FUNCTION_LINES = 300, 50
LAYERS = ("vocab", "ingest", "tables", "assess", "graph", "report")


def test_modules_and_functions_stay_small():
    """One check over the whole package (ruff has no rule for length): every offender at once."""
    too_long = []
    for module in MODULES:
        text = module.read_text(encoding="utf-8")
        name = module.relative_to(PACKAGE).as_posix()
        if len(text.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}: {node.name} is {length} lines")
    assert too_long == []


def _imported_layers(text: str, package: tuple[str, ...]) -> set[str]:
    """The top-level folders of src/analysis/ a module in `package` imports, relatively or absolutely."""
    targets = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            resolved = package[:len(package) - (node.level - 1)] + tuple((node.module or "").split("."))
            names = [resolved] if node.module else [resolved[:-1] + (alias.name,) for alias in node.names]
            targets |= {parts[0] for parts in names if parts and parts[0]}
        elif isinstance(node, ast.ImportFrom) and node.module == "analysis":
            targets |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("analysis."):
            targets.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            targets |= {alias.name.split(".")[1] for alias in node.names if alias.name.startswith("analysis.")}
    return targets


def test_layers_import_only_downwards():
    """vocab < ingest < tables < assess < graph < report: a layer never imports one above it,
    whether the import is relative or absolute."""
    rank = {layer: k for k, layer in enumerate(LAYERS)}
    for module in MODULES:
        parts = module.relative_to(PACKAGE).parts
        if parts[0] not in rank:
            continue
        for target in _imported_layers(module.read_text(encoding="utf-8"), parts[:-1]) & set(rank):
            assert rank[target] <= rank[parts[0]], f"{module.relative_to(PACKAGE)} ({parts[0]}) imports {target}"


def test_the_layering_check_sees_absolute_and_relative_imports():
    text = "import analysis.report.chrome\nfrom analysis.assess import rules\nfrom analysis import graph\nfrom .. import tables\n"
    assert _imported_layers(text, ("vocab", "sub")) == {"report", "assess", "graph", "vocab"}
    assert _imported_layers("from ... import tables\n", ("vocab", "sub")) == {"tables"}


def test_readme_maps_every_folder_and_prints_the_scale_in_force():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    for layer in LAYERS:
        assert f"`src/analysis/{layer}/`" in readme
    for path in re.findall(r"\| `([\w./-]+/)` \|", readme):
        assert (paths.ROOT / path).is_dir(), path
    assert rules.markdown_table(defaults()) in readme, "paste rules.markdown_table(defaults()) into the README"
    assert "make reports\nmake test-all" in readme
    assert (paths.ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("make test-all")
