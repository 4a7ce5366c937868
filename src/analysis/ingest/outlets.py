"""Which hosts are outlets (data/raw/facts/outlets.csv): a fact's source_url must be the page of a
declared outlet, named by its own 제호, and a mirror may only ever be an archived copy.

Kinds, from strongest to weakest: `outlet` (a news outlet's own site), `official` (a government,
council, party or institute site publishing its own release), `portal` (a portal's copy of an
outlet's article whose own address was not found), `unconfirmed` (a site whose 제호 or ownership
could not be confirmed), and `mirror` (a copy site: never a source). Only the first two can decide
a verdict alone (`DECIDING_KINDS`).
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlparse

from pydantic import AfterValidator, BaseModel, ConfigDict, model_validator

from ..errors import InputError
from .csv_rows import FieldProblem, records, typed

COLUMNS = ["host", "outlet", "kind", "note"]
DECIDING_KINDS = ("outlet", "official")


class OutletsError(InputError, ValueError):
    """A row of the outlet list that cannot be read, naming the file, line and column."""


def _host(text: str) -> str:
    if not text or "/" in text or " " in text:
        raise FieldProblem(f"{text!r} is not a host name", "a host such as www.kwangju.co.kr")
    return text


class Outlet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    host: Annotated[str, AfterValidator(_host)]
    outlet: str
    kind: Literal["outlet", "official", "portal", "unconfirmed", "mirror"]
    note: str

    @model_validator(mode="after")
    def _named(self):
        if self.kind != "mirror" and not self.outlet:
            raise ValueError("a host that can be a source names its outlet (its 제호)")
        return self


def read(path: Path) -> dict[str, Outlet]:
    """The declared hosts, each once."""
    outlets: dict[str, Outlet] = {}
    for line, record in records(path, COLUMNS, OutletsError):
        outlet = typed(path, line, record, Outlet, OutletsError)
        if outlet.host in outlets:
            raise OutletsError.at(path, f"host {outlet.host!r} is listed twice", line=line, expected="each host once")
        outlets[outlet.host] = outlet
    return outlets


def source_kind(outlets: dict[str, Outlet], url: str, outlet_text: str) -> str:
    """The kind of a fact's source, refusing an undeclared host, a mirror or an outlet named otherwise."""
    host = urlparse(url).netloc
    declared = outlets.get(host)
    if declared is None:
        raise FieldProblem(f"host {host!r} is not a declared outlet", "a host listed in data/raw/facts/outlets.csv "
                           "(add it with its 제호 and kind)", column="source_url")
    if declared.kind == "mirror":
        raise FieldProblem(f"host {host!r} is a mirror ({declared.note})", "the outlet's own page; put the copy in "
                           "archive_url", column="source_url")
    if declared.outlet not in outlet_text:
        raise FieldProblem(f"outlet {outlet_text!r} does not name {declared.outlet!r}, the 제호 of {host}",
                           f"the outlet as {declared.outlet!r} (or '다른 매체({declared.outlet} 게재)')", column="outlet")
    return declared.kind
