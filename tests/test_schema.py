"""The promises of a library: the JSON output follows the shipped schema, one version everywhere."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import DATA, SEED

import quotex

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def validator():
    schema = quotex.schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _articles():
    return [SEED] + sorted(DATA.glob("*.txt"))


@pytest.mark.parametrize("path", _articles(), ids=lambda p: p.name)
def test_output_of_every_test_article_follows_the_schema(validator, path) -> None:
    doc = quotex.extract(path.read_text(encoding="utf-8"))
    record = json.loads(doc.to_json())
    assert not list(validator.iter_errors(record))
    # the command line's record: the same with its id
    assert not list(validator.iter_errors({"id": str(path), **record}))


def test_error_documents_and_records_follow_the_schema(validator) -> None:
    failed = next(quotex.extract_many([None]))
    assert not list(validator.iter_errors(failed.to_dict()))
    assert not list(validator.iter_errors({"id": "x.txt", "error": "no such file or folder"}))
    assert not list(validator.iter_errors(quotex.extract("").to_dict()))


def test_the_schema_rejects_what_is_not_quotex_output(validator) -> None:
    record = quotex.extract("« Oui », a dit Anne Roy.").to_dict()
    bad_type = json.loads(json.dumps(record))
    bad_type["quotes"][0]["type"] = "rumour"
    missing = {k: v for k, v in record.items() if k != "quotes"}
    for wrong in (bad_type, missing, {"id": "x"}, {"text": 3}):
        assert list(validator.iter_errors(wrong)), wrong


def test_cli_schema_jsonl_and_version(tmp_path, validator) -> None:
    out = subprocess.run([sys.executable, "-m", "quotex", "--schema"], capture_output=True, timeout=120)
    assert out.returncode == 0 and json.loads(out.stdout) == quotex.schema()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe")
    r = subprocess.run(
        [sys.executable, "-m", "quotex", str(SEED), str(bad), "--format", "jsonl"], capture_output=True, timeout=600
    )
    lines = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert len(lines) == 2 and "error" in lines[1]
    for line in lines:
        assert not list(validator.iter_errors(line))
    v = subprocess.run([sys.executable, "-m", "quotex", "--version"], capture_output=True, timeout=120)
    assert v.stdout.decode().strip() == f"quotex {quotex.__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", quotex.__version__)


def test_version_comes_from_the_package_metadata() -> None:
    from importlib.metadata import version

    assert quotex.__version__ == version("quotex")
