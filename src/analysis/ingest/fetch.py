"""Fetch configured tables from the KOSIS OpenAPI into data/raw/, recording them in the manifest.

The key comes from the KOSIS_API_KEY environment variable only; it is sent in the request and
never written to a file, a log line or an error message. TLS verification stays on (the
default context); the timeout and the number of retries are bounded.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

import yaml

from .. import paths
from ..errors import InputError
from . import manifest
from .kosis import read_kosis

ENDPOINT = "https://kosis.kr/openapi/Param/statisticsParameterData.do"
TIMEOUT_SECONDS = 30
RETRIES = 3
BACKOFF_SECONDS = 2.0
REQUEST_KEYS = ("orgId", "tblId", "itmId", "objL1", "objL2", "objL3", "prdSe", "startPrdDe", "endPrdDe")


class KosisApiError(InputError, RuntimeError):
    """The API answered with an error, or not at all within the retries."""


def api_key() -> str:
    key = os.environ.get("KOSIS_API_KEY", "").strip()
    if not key:
        raise KosisApiError("KOSIS_API_KEY is not set: get a key at kosis.kr/openapi and export it")
    return key


def request_url(params: dict, key: str) -> str:
    query = {"method": "getList", "apiKey": key, "format": "json", "jsonVD": "Y", **params}
    return f"{ENDPOINT}?{urllib.parse.urlencode(query, safe='+')}"


def get_rows(params: dict, key: str, opener: Callable = urllib.request.urlopen, sleep: Callable = time.sleep) -> list[dict]:
    """Rows of one request, retrying network errors and 5xx answers a bounded number of times."""
    url = request_url(params, key)
    last_problem = ""
    for attempt in range(1, RETRIES + 1):
        try:
            with opener(url, timeout=TIMEOUT_SECONDS) as response:
                payload = response.read()
            break
        except urllib.error.HTTPError as exc:
            last_problem = f"HTTP {exc.code}"
            if exc.code < 500:
                raise KosisApiError(f"KOSIS API refused the request for {params.get('tblId')}: {last_problem}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            last_problem = type(exc).__name__ + (f": {exc.reason}" if hasattr(exc, "reason") else "")
        if attempt < RETRIES:
            sleep(BACKOFF_SECONDS * attempt)
    else:
        raise KosisApiError(f"KOSIS API did not answer for {params.get('tblId')} after {RETRIES} tries ({last_problem})")
    try:
        document = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KosisApiError(f"KOSIS API answered {params.get('tblId')} with something that is not JSON: {exc}") from None
    if isinstance(document, dict) and "err" in document:
        raise KosisApiError(f"KOSIS API error {document['err']} for {params.get('tblId')}: {document.get('errMsg', '')}")
    if not isinstance(document, list) or not document:
        raise KosisApiError(f"KOSIS API returned no rows for {params.get('tblId')}")
    return document


def period_label(row: dict) -> str:
    """PRD_DE in a form the reader understands: 2024, 202401, '2024.1/4' for quarters, '2024.1/2' for halves."""
    period, kind = str(row["PRD_DE"]), row.get("PRD_SE", "")
    if kind == "Q" and len(period) == 5:
        return f"{period[:4]}.{period[4]}/4"
    if kind == "H" and len(period) == 5:
        return f"{period[:4]}.{period[4]}/2"
    return period


def rows_to_csv(rows: list[dict]) -> str:
    """The API's rows as a period-in-rows KOSIS table: classifications, 시점, 항목, 단위, 값."""
    levels = sorted({int(k[1]) for row in rows for k in row if k.startswith("C") and k.endswith("_NM") and k[1:-3].isdigit()})
    names = [rows[0].get(f"C{level}_OBJ_NM", f"분류{level}") for level in levels]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*names, "시점", "항목", "단위", "값"])
    for row in rows:
        writer.writerow([*(row.get(f"C{level}_NM", "") for level in levels), period_label(row), row.get("ITM_NM", ""),
                         row.get("UNIT_NM", ""), row.get("DT", "")])
    return buffer.getvalue()


def fetch_table(entry: dict, key: str, opener: Callable = urllib.request.urlopen, sleep: Callable = time.sleep,
                today: dt.date | None = None) -> dict:
    """Fetch one configured table, write it under data/raw/, and return its manifest entry."""
    params = {k: str(entry["request"][k]) for k in REQUEST_KEYS if k in entry["request"]}
    rows = get_rows(params, key, opener, sleep)
    target = paths.RAW / entry["path"]
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(rows_to_csv(rows), encoding="utf-8")
    table = read_kosis(temporary)  # refuse to keep what the reader cannot understand
    temporary.replace(target)
    detected = table.detected
    return {
        "path": entry["path"], "sha256": manifest.sha256_of(target), "title": entry["title"],
        "origin": f"KOSIS OpenAPI {ENDPOINT} (make fetch)", "table_id": params["tblId"],
        "kosis_file_name": "not applicable (API)", "downloaded": (today or dt.date.today()).isoformat(),
        "units": detected["units"], "period": detected["periods"], "caveats": list(entry.get("caveats", [])),
        "request": params,
    }


def main(dry_run: bool = False) -> int:
    config = yaml.safe_load(paths.FETCH_CONFIG.read_text(encoding="utf-8"))
    if dry_run:
        for entry in config["tables"]:
            print(f"would fetch {entry['request']['tblId']} -> data/raw/{entry['path']}")
        return 0
    try:
        key = api_key()
        entries = [fetch_table(entry, key) for entry in config["tables"]]
    except KosisApiError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    manifest.write_entries(entries)
    for entry in entries:
        print(f"fetched {entry['table_id']} -> data/raw/{entry['path']} ({entry['period']}); manifest updated")
    return 0
