"""Tables declared by a selection of one KOSIS export (no builder): the analyst's way in.

The catalog names the raw file, the labels to keep per column and, where the file states none,
the unit. The table has the reader's columns (region, classifications, item, unit, period, value,
marker, flag) and `source` (raw file and line); its schema is generated from them.
"""
from __future__ import annotations

import pandas as pd

from ... import paths
from ...ingest.yamlfile import ConfigError
from ...vocab.sources import references
from .. import raw

READER_ONLY = ("source_line", "source_column")


def check_selection(path, name: str, spec) -> None:
    """A selection table reads exactly one raw file."""
    if len(spec.inputs) != 1:
        raise ConfigError.at(path, f"table {name!r}: a table without a builder selects from one raw file",
                             value=spec.inputs, expected="inputs: [one path under data/raw/]")


def _select(name: str, data: pd.DataFrame, select: dict[str, list[str]]) -> pd.DataFrame:
    for column, labels in select.items():
        if column not in data:
            raise ConfigError.at(paths.CATALOG, f"table {name!r}: select names column {column!r}, which the file "
                                 "does not have", expected=f"one of {', '.join(map(str, data.columns[:-2]))}")
        present = set(map(str, data[column].unique()))
        unknown = [label for label in labels if label not in present]
        if unknown:
            raise ConfigError.at(paths.CATALOG, f"table {name!r}: select {column}: {unknown} not in the file",
                                 expected=f"labels such as {', '.join(sorted(present)[:10])}")
        data = data[data[column].isin(labels)]
    return data


def _units(name: str, data: pd.DataFrame, unit: str | None) -> pd.Series:
    units = data["unit"].astype(str)
    if unit:
        stated = set(units) - {"", unit}
        if stated:
            raise ConfigError.at(paths.CATALOG, f"table {name!r}: unit {unit!r} declared, but the file states "
                                 f"{sorted(stated)}", expected="the unit the file states, or no `unit:`")
        return units.where(units != "", unit)
    if (units == "").any():
        raise ConfigError.at(paths.CATALOG, f"table {name!r}: the file states no unit for "
                             f"{sorted(set(data.loc[units == '', 'item'].astype(str)))[:3]}",
                             expected="`unit:` in the table's catalog entry")
    return units


def selection(table) -> pd.DataFrame:
    """The rows of the one input that the catalog selects, with the declared unit."""
    (relative,) = table.inputs
    data = _select(table.name, raw.read(relative, plain=False).data, table.spec.select or {})
    data = data.astype(dict.fromkeys(data.select_dtypes("category").columns, object))
    data = data.assign(unit=_units(table.name, data, table.spec.unit),
                       source=references(relative, data["source_line"]))
    return data.drop(columns=list(READER_ONLY)).reset_index(drop=True)
