"""KOSIS OpenAPI fetching, offline, against recorded answers (see fixtures/README.md)."""
from __future__ import annotations

import io
import shutil
import urllib.error
from pathlib import Path

import pytest
import yaml

from analysis import paths
from analysis.ingest import fetch, manifest

FIXTURES = Path(__file__).parent / "fixtures"
SECRET = "TEST-KEY-never-written"
ENTRY = {"path": "kosis/api/test.csv", "title": "test table",
         "request": {"orgId": 101, "tblId": "DT_1DA7004S", "itmId": "T10+T90+", "objL1": "ALL", "prdSe": "Y",
                     "startPrdDe": 2023, "endPrdDe": 2023}}


class Answer(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def opener_returning(*answers):
    calls = []

    def opener(url, timeout):
        calls.append((url, timeout))
        answer = answers[min(len(calls), len(answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return Answer(answer)
    opener.calls = calls
    return opener


@pytest.fixture
def raw(workspace):
    return paths.RAW


def test_fetch_writes_a_readable_file_and_a_manifest_entry_without_the_key(raw, tmp_path):
    opener = opener_returning((FIXTURES / "kosis_api_rows.json").read_bytes())
    entry = fetch.fetch_table(ENTRY, SECRET, opener=opener, sleep=lambda s: None)
    assert opener.calls[0][0].startswith("https://kosis.kr/") and opener.calls[0][1] == fetch.TIMEOUT_SECONDS
    written = raw / ENTRY["path"]
    assert entry["sha256"] == manifest.sha256_of(written)
    assert entry["request"]["tblId"] == "DT_1DA7004S" and "apiKey" not in entry["request"]
    target = tmp_path / "manifest.yaml"
    shutil.copy(paths.MANIFEST, target)
    manifest.write_entries([entry], target)
    document = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert document["files"][-1]["path"] == ENTRY["path"]
    assert target.read_text(encoding="utf-8").startswith("# Provenance")
    for path in [written, target]:
        assert SECRET not in path.read_text(encoding="utf-8")
    from analysis.ingest.kosis import read_kosis
    data = read_kosis(written).data
    gwangju = data[(data.region == "광주광역시") & (data.item == "15세이상인구")]
    assert gwangju["value"].iloc[0] == 1280 and gwangju["period"].iloc[0] == "2023"


def test_api_error_becomes_a_clear_exception(raw):
    opener = opener_returning((FIXTURES / "kosis_api_error.json").read_bytes())
    with pytest.raises(fetch.KosisApiError, match="KOSIS API error 20 for DT_1DA7004S: 필수요청변수값") as error:
        fetch.fetch_table(ENTRY, SECRET, opener=opener, sleep=lambda s: None)
    assert SECRET not in str(error.value)


def test_retries_are_bounded_and_do_not_leak_the_key(raw):
    problem = urllib.error.URLError("timed out")
    opener = opener_returning(problem, problem, problem, problem)
    slept = []
    with pytest.raises(fetch.KosisApiError, match="after 3 tries") as error:
        fetch.fetch_table(ENTRY, SECRET, opener=opener, sleep=slept.append)
    assert len(opener.calls) == fetch.RETRIES and len(slept) == fetch.RETRIES - 1
    assert SECRET not in str(error.value)


def test_client_errors_are_not_retried(raw):
    refused = urllib.error.HTTPError("https://kosis.kr", 403, "Forbidden", {}, None)
    opener = opener_returning(refused)
    with pytest.raises(fetch.KosisApiError, match="HTTP 403"):
        fetch.fetch_table(ENTRY, SECRET, opener=opener, sleep=lambda s: None)
    assert len(opener.calls) == 1


def test_key_comes_only_from_the_environment(monkeypatch):
    monkeypatch.delenv("KOSIS_API_KEY", raising=False)
    with pytest.raises(fetch.KosisApiError, match="KOSIS_API_KEY is not set"):
        fetch.api_key()
    monkeypatch.setenv("KOSIS_API_KEY", SECRET)
    assert fetch.api_key() == SECRET


def test_tls_verification_is_not_turned_off():
    source = Path(fetch.__file__).read_text(encoding="utf-8")
    assert "CERT_NONE" not in source and "_create_unverified_context" not in source
