"""광주광역시 after the merger (2026-07-01): its series go on only where a file still shows its area —
a 광주광역시 row (also one printed under 전남광주특별시) or the sum of its five 자치구 — and stop, said
so, where the file shows only the merged city. Nothing is extrapolated and nothing is read from
전남광주특별시, which is another, larger region."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...vocab import regions
from ...vocab.sources import reference
from .. import raw

GWANGJU = "광주광역시"
DISTRICTS = ("동구", "서구", "남구", "북구", "광산구")
READER = ("region", "sigungu", "region_label", "value", "marker", "flag", "source_line", "source_column", "period")
COLUMNS = ["period", "value", "basis", "source", "note"]


def _published(rows: pd.DataFrame) -> pd.DataFrame:
    own = rows[(rows["region"] == GWANGJU) & (rows.get("sigungu", "") == "") & rows["value"].notna()]
    written = own["region_label"].astype(str) if "region_label" in own else pd.Series("", index=own.index)
    merged = written.map(lambda label: regions.sido_name(label.split(" ")[0]) in regions.MERGED if label else False)
    basis = np.where(merged, "광주광역시 (전남광주특별시 아래에 표시된 옛 광주 지역)", "광주광역시 (공표)")
    return own.assign(basis=basis)[["period", "value", "basis", "source_line"]]


def _district_sums(rows: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Periods with all five 자치구 (under 광주광역시 or 전남광주특별시): their sum; and what is missing."""
    if "sigungu" not in rows:
        return pd.DataFrame(columns=["period", "value", "basis", "source_line"]), []
    within = rows[rows["region"].isin([GWANGJU, *regions.MERGED]) & rows["sigungu"].isin(DISTRICTS)]
    sums, missing = [], []
    for period, group in within.groupby("period", sort=True):
        present = group.dropna(subset=["value"])
        absent = sorted(set(DISTRICTS) - set(present["sigungu"]), key=DISTRICTS.index)
        if absent:
            missing.append(f"{period}: {', '.join(absent)}")
            continue
        sums.append({"period": period, "value": float(present["value"].sum()), "basis": "5개 자치구의 합",
                     "source_line": ",".join(str(line) for line in present["source_line"])})
    return pd.DataFrame(sums, columns=["period", "value", "basis", "source_line"]), missing


def _stop_note(series: pd.DataFrame, rows: pd.DataFrame, missing: list[str]) -> str:
    last = series["period"].max() if len(series) else None
    later = sorted(p for p in rows.loc[rows["value"].notna(), "period"].unique() if last is None or p > last)
    if not later:
        return ""
    shown = sorted(set(rows.loc[rows["period"].isin(later) & rows["value"].notna(), "region"]), key=regions.order)
    note = (f"광주광역시 계열은 {last or '처음부터'}에서 멈춤: {later[0]}부터 이 파일에는 {', '.join(shown)}만 있음 "
            f"(광주광역시·전라남도는 2026-07-01 전남광주특별시로 통합). 추정하지 않음.")
    return note + (f" 빠진 자치구 {'; '.join(missing)}." if missing else "")


def gwangju_series(data: pd.DataFrame, relative: str) -> pd.DataFrame:
    """광주광역시's series of one reader table, one series per item (and classification): period,
    value, basis (공표 / 5개 자치구의 합), source, and on the last row a note where the series stops."""
    keys = [c for c in data.columns if c not in READER]
    out = []
    for key, rows in data.groupby(keys, observed=True, sort=False) if keys else [((), data)]:
        published = _published(rows)
        sums, missing = _district_sums(rows[~rows["period"].isin(published["period"])])
        series = pd.concat([published, sums]).sort_values("period").reset_index(drop=True)
        series["source"] = [reference(relative, line) for line in series["source_line"]]
        series["note"] = ""
        if len(series):
            series.loc[len(series) - 1, "note"] = _stop_note(series, rows, missing)
        labels = dict(zip(keys, key if isinstance(key, tuple) else (key,)))
        out.append(series[COLUMNS].assign(**labels))
    frame = pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=COLUMNS)
    return frame[[*keys, *COLUMNS]]


def gwangju_continued(table) -> pd.DataFrame:
    """Inputs: [one KOSIS export with 광주광역시 or its 자치구]. 광주광역시's series, continued past
    2026-06 from its area where the file has it, and stopped (with a note) where it has not."""
    (relative,) = table.inputs
    return gwangju_series(raw.read(relative).data, relative)
