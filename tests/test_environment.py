"""The environment files agree, and CI runs exactly the README's test command."""
from __future__ import annotations

import re

import yaml

from analysis import paths


def pins(lines):
    return {line.split("==")[0].lower(): line.split("==")[1] for line in lines if "==" in line}


def test_environment_yml_and_lock_file_name_the_same_packages_and_versions():
    lock = pins((paths.ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines())
    environment = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))
    assert pins(pip_section) == lock
    assert "python=3.11" in environment["dependencies"]
    assert "-e ." in pip_section


def test_every_direct_dependency_is_locked():
    lock = pins((paths.ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines())
    direct = [re.split(r"[\s#<>=]", line.strip())[0].lower() for line in
              (paths.ROOT / "requirements.in").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    assert direct and all(name in lock for name in direct), set(direct) - set(lock)


def test_ci_runs_the_readme_test_command():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```(?:sh|bash)\n(.*?)```", readme, re.S)
    first_two = [line for block in commands for line in block.splitlines() if line and not line.startswith("#")][:2]
    ci = [line for line in (paths.ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line and not line.startswith("#") and not line.startswith("set ")]
    assert ci == [first_two[1]], (ci, first_two)
