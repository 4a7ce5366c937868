"""Report parameter sets (config/reports.yaml): which notebook with which parameters makes which
report, checked before any kernel starts (unknown keys, parameters, pledge ids and regions refused)."""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from ... import paths
from ...errors import InputError
from ...ingest import yamlfile
from ...ingest.registry import registry
from ...vocab import regions


class ReportError(InputError, RuntimeError):
    """A report that cannot be built: bad parameters, or a notebook cell that failed."""


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    notebook: str
    title: str | None = None
    parameters: dict[str, Any] = {}
    each: Literal["registry"] | None = None
    regions: list[str] | Literal["all"] | None = None

    @field_validator("regions", mode="before")
    @classmethod
    def _regions_list(cls, value):
        if isinstance(value, str) and value != "all":
            raise ValueError(f"regions must be a list of 시도 such as [광주광역시] or `all`, not the single value "
                             f"{value!r} (write [{value}])")
        return value


class _ReportsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    reports: dict[str, _Entry]


@dataclass(frozen=True)
class ReportSpec:
    name: str
    kind: str
    notebook: Path
    title: str
    parameters: dict = field(default_factory=dict)

    @property
    def html(self) -> Path:
        return paths.REPORTS / f"{self.name}.html"

    @property
    def executed(self) -> Path:
        return paths.REPORTS / f"{self.name}.ipynb"

    @property
    def sidecar(self) -> Path:
        return paths.REPORTS / f"{self.name}.json"

    @property
    def downloads(self) -> Path:
        return paths.REPORTS / self.name

    def outputs(self) -> list[Path]:
        """Every file a build of this report writes (what its record lists)."""
        return [self.html, self.executed, self.sidecar, *sorted(self.downloads.glob("*"))]


def region_slug(region: str) -> str:
    code = next(c for c, name in regions.SIDO_BY_CODE.items() if name == region)
    return f"region-{code}"


def _region_specs(config: Path, entry: _Entry, notebook: Path) -> dict[str, ReportSpec]:
    specs = {}
    for region in (regions.SIDO if entry.regions == "all" else entry.regions or ()):
        if region == regions.NATIONAL or regions.sido_name(region) == regions.NATIONAL:
            raise yamlfile.ConfigError.at(config, f"region report for {region!r}: the region report is per 시도",
                                          expected=f"one or more of {', '.join(regions.SIDO)}, or `all`")
        try:
            canonical = regions.canonical(region)
        except regions.UnknownRegionError as exc:
            raise yamlfile.ConfigError.at(config, str(exc)) from None
        slug = region_slug(canonical)
        specs[slug] = ReportSpec(slug, "region", notebook, f"지역: {canonical} 고용과 사업체",
                                 {**entry.parameters, "region": canonical})
    return specs


def load_specs(config: Path | None = None) -> dict[str, ReportSpec]:
    """Every report the build makes, by name. `each: registry` means one report per pledge."""
    from ...graph.declaration import graph
    config = config or paths.REPORTS_CONFIG
    document = yamlfile.load(config, _ReportsFile)
    kinds = sorted(set(graph().reports) - {"every"})
    specs: dict[str, ReportSpec] = {}
    for kind, entry in document.reports.items():
        if kind not in kinds:
            raise yamlfile.ConfigError.at(config, f"report {kind!r} has no reads declared in config/graph.yaml",
                                          line=yamlfile.line_of(yamlfile.read(config)[1], ("reports", kind)),
                                          expected=f"one of {', '.join(kinds)}, or its reads declared under "
                                                   "`reports:` in config/graph.yaml")
        notebook = paths.NOTEBOOKS / entry.notebook
        if kind == "pledge":
            for pledge in registry().values():
                specs[f"pledge-{pledge.id}"] = ReportSpec(f"pledge-{pledge.id}", kind, notebook,
                                                          f"공약: {pledge.title}",
                                                          {**entry.parameters, "pledge_id": pledge.id})
        elif kind == "region":
            specs.update(_region_specs(config, entry, notebook))
        else:
            specs[kind] = ReportSpec(kind, kind, notebook, entry.title or kind, dict(entry.parameters))
    return specs


def notebook_parameters(notebook: Path) -> dict:
    """Names and default values of the notebook's parameters cell (plain `name = value` lines)."""
    from .notebooks import parameters_source
    source = parameters_source(notebook)
    if source is None:
        raise ReportError(f"{notebook}: no cell tagged 'parameters'; expected one cell of `name = value` lines")
    values = {}
    for node in ast.parse(source).body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            raise ReportError(f"{notebook}: the parameters cell must hold only `name = value` lines")
        values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


def _check_types(spec: ReportSpec, declared: dict) -> None:
    for name, value in spec.parameters.items():
        if type(value) is not type(declared[name]) and not (isinstance(value, int) and isinstance(declared[name], float)):
            raise ReportError(f"{spec.name}: parameter {name}={value!r} should be a {type(declared[name]).__name__}")


def validate_all(specs: dict[str, ReportSpec], config: Path | None = None, *, against_data: bool = True) -> None:
    """Every parameter set checked before any page is touched; an error names the file and the line
    of the report's entry. `against_data=False`: only what the configuration decides (see
    `check_parameters`)."""
    config = config or paths.REPORTS_CONFIG
    for spec in specs.values():
        try:
            validate(spec, against_data=against_data)
        except ReportError as exc:
            line = yamlfile.line_of(yamlfile.read(config)[1], ("reports", spec.kind))
            raise ReportError.at(config, str(exc), line=line) from None


def validate(spec: ReportSpec, *, against_data: bool = True) -> None:
    """Refuse unknown parameters, pledge ids, regions and assumptions before any kernel starts."""
    if not spec.notebook.exists():
        raise ReportError(f"{spec.name}: notebook {spec.notebook} does not exist")
    declared = notebook_parameters(spec.notebook)
    unknown = sorted(set(spec.parameters) - set(declared))
    if unknown:
        raise ReportError(f"{spec.name}: unknown parameter(s) {unknown} for {spec.notebook.name}; "
                          f"valid: {sorted(declared)}")
    _check_types(spec, declared)
    if "pledge_id" in spec.parameters and spec.parameters["pledge_id"] not in registry():
        raise ReportError(f"{spec.name}: unknown pledge id {spec.parameters['pledge_id']!r}; "
                          f"valid: {', '.join(registry())}")
    if "region" in spec.parameters and spec.parameters["region"] not in regions.SIDO:
        raise ReportError(f"{spec.name}: unknown region {spec.parameters['region']!r}; valid: {', '.join(regions.SIDO)}")
    from ...assess.assumptions import check_parameters
    try:
        check_parameters(spec.parameters, against_data=against_data)  # years within their ranges, assumption overrides valid
    except (ValueError, TypeError) as exc:
        raise ReportError(f"{spec.name}: {exc}") from None
