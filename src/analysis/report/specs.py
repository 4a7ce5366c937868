"""Report parameter sets (config/reports.yaml): which notebook with which parameters makes which
report, checked before any kernel starts (unknown keys, parameters, pledge ids and regions refused)."""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from .. import paths
from ..errors import InputError
from ..ingest import yamlfile
from ..ingest.registry import registry
from ..vocab import regions

# What each kind of report reads: processed tables and files of data/processed/results/. The
# generated make rules rebuild a report only when one of these (or the code) changed.
READS = {
    "pledge": {"tables": ("employment_sido_annual", "employment_sido_industry_annual", "facts"),
               "results": ("pledges/{pledge_id}.json", "forecasts.csv", "mou.csv", "investment.csv", "ggm.csv")},
    "overview": {"tables": ("facts",),
                 "results": ("statuses.csv", "projections.csv", "calibration.csv", "evidence.csv")},
    "region": {"tables": ("employment_sido_annual", "employment_monthly", "establishments_sido_industry"),
               "results": ("region_forecasts.csv", "calibration.csv", "statuses.csv")},
}


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


def reads(spec: ReportSpec) -> tuple[list[str], list[str]]:
    """(processed table names, results files) a report reads; a region report also shows every
    catalog table marked `show_in_region_report`."""
    from ..tables.catalog import catalog
    declared = READS[spec.kind]
    tables = list(declared["tables"])
    if spec.kind == "region":
        tables += [name for name, table in catalog().items() if table.spec.show_in_region_report]
    return tables, [f.format(**spec.parameters) for f in declared["results"]]


def load_specs(config: Path | None = None) -> dict[str, ReportSpec]:
    """Every report the build makes, by name. `each: registry` means one report per pledge."""
    config = config or paths.REPORTS_CONFIG
    document = yamlfile.load(config, _ReportsFile)
    specs: dict[str, ReportSpec] = {}
    for kind, entry in document.reports.items():
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
    values = {}
    for node in ast.parse(parameters_source(notebook)).body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            raise ReportError(f"{notebook}: the parameters cell must hold only `name = value` lines")
        values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


def _check_types(spec: ReportSpec, declared: dict) -> None:
    for name, value in spec.parameters.items():
        if type(value) is not type(declared[name]) and not (isinstance(value, int) and isinstance(declared[name], float)):
            raise ReportError(f"{spec.name}: parameter {name}={value!r} should be a {type(declared[name]).__name__}")


def validate(spec: ReportSpec) -> None:
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
    from ..assess.assumptions import check_parameters
    try:
        check_parameters(spec.parameters)  # years within their ranges, assumption overrides valid
    except (ValueError, TypeError) as exc:
        raise ReportError(f"{spec.name}: {exc}") from None
