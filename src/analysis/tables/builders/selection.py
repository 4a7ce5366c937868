"""Tables declared by a selection of one KOSIS export (no builder): the analyst's way in."""
from __future__ import annotations

from ...ingest.yamlfile import ConfigError


def check_selection(path, name: str, spec) -> None:
    """A selection table reads exactly one raw file."""
    if len(spec.inputs) != 1:
        raise ConfigError.at(path, f"table {name!r}: a table without a builder selects from one raw file",
                             value=spec.inputs, expected="inputs: [one path under data/raw/]")


def selection(table):
    raise NotImplementedError("selection tables arrive with the new reader")
