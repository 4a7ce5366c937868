"""The environment is what pyproject.toml says: every package the code imports is declared (the
runtime's in `dependencies`, the tests' and tools' in extras), every declared one is locked with
hashes, conda installs the same lock, and CI runs exactly the README's test command."""
from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

import yaml

from analysis import paths

LOCK = paths.CODE / "requirements.txt"
PYPROJECT = tomllib.loads((paths.CODE / "pyproject.toml").read_text(encoding="utf-8"))
OWN = {"analysis", "tests", "test_execution"}  # the package, and the test module a subprocess imports


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pins() -> dict[str, list[str]]:
    """name → hashes of each pinned package of the lock."""
    pins: dict[str, list[str]] = {}
    current = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            current = _name(line)
            pins[current] = []
        elif "--hash=sha256:" in line and current:
            pins[current].append(line.split("sha256:")[1].strip(" \\"))
    return pins


def _imports(folders: tuple[str, ...]) -> set[str]:
    """Top-level modules imported anywhere under `folders` that are neither the standard library nor ours."""
    found = set()
    for folder in folders:
        for source in (paths.CODE / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m not in OWN and m != "__future__"}


def _distributions(modules: set[str]) -> set[str]:
    installed = packages_distributions()
    missing = modules - set(installed)
    assert not missing, f"imported but not installed: {sorted(missing)}"
    return {_name(installed[m][0]) for m in modules}


def test_what_the_code_imports_is_declared():
    runtime = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    extras = {_name(r) for group in PYPROJECT["project"]["optional-dependencies"].values() for r in group}
    assert _distributions(_imports(("src",))) <= runtime, _distributions(_imports(("src",))) - runtime
    everything = _distributions(_imports(("src", "tests", "tools")))
    assert everything <= runtime | extras, everything - runtime - extras


def test_every_declared_package_is_locked_with_hashes():
    pins = _pins()
    declared = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    declared |= {_name(r) for group in PYPROJECT["project"]["optional-dependencies"].values() for r in group}
    assert declared <= set(pins), declared - set(pins)
    assert all(pins.values()), [name for name, hashes in pins.items() if not hashes]


def test_conda_installs_the_same_lock():
    environment = yaml.safe_load((paths.CODE / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))
    assert pip_section == ["-r requirements.txt"] and "python=3.11" in environment["dependencies"]


def test_ci_runs_the_readme_test_command():
    readme = (paths.CODE / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```(?:sh|bash)\n(.*?)```", readme, re.S)
    first_two = [line for block in commands for line in block.splitlines() if line and not line.startswith("#")][:2]
    ci = [line for line in (paths.CODE / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line and not line.startswith("#") and not line.startswith("set ")]
    assert ci == [first_two[1]], (ci, first_two)
