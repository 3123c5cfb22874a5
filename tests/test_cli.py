"""The command line: formats, many inputs, errors as records, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED

pytestmark = pytest.mark.filterwarnings("ignore")


def run(args, stdin: bytes = b"", cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "quotex", *args], input=stdin, capture_output=True, cwd=cwd, timeout=600
    )


def test_text_account_of_the_seed() -> None:
    r = run([str(SEED)])
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "Michelle Baldanza (person; porte-parole du Pentagone; affiliation: Pentagone)" in out
    assert "Sergueï Lavrov" in out


def test_jsonl_many_inputs_with_errors(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("« Nous partirons demain », a déclaré le capitaine Louis Garnier.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe invalide")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "deep.txt").write_text("Selon la mairie, la route rouvrira lundi.", encoding="utf-8")
    r = run([str(good), str(bad), str(tmp_path / "missing.txt"), str(sub)])
    assert r.returncode == 1
    lines = r.stdout.decode().splitlines()
    recs = [json.loads(line) for line in lines]
    assert [Path(x["id"]).name for x in recs] == ["good.txt", "bad.txt", "missing.txt", "deep.txt"]
    assert recs[0]["quotes"][0]["speaker_name"] == "Louis Garnier"
    assert "UTF-8" in recs[1]["error"]
    assert "no such file" in recs[2]["error"]
    assert recs[3]["quotes"][0]["type"] == "indirect"


def test_jsonl_on_stdin_keeps_order_and_reports_broken_lines() -> None:
    data = "\n".join(
        [
            json.dumps({"id": "a", "text": "« Oui », a dit Anne Roy."}),
            "{broken",
            json.dumps({"id": "c", "text": ""}),
            json.dumps({"id": "d"}),
        ]
    ).encode()
    r = run(["--format", "jsonl"], stdin=data)
    assert r.returncode == 1
    recs = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [x["id"] for x in recs] == ["a", "stdin:2", "c", "d"]
    assert "error" in recs[1] and "error" in recs[3]
    assert recs[2]["quotes"] == []


def test_json_format_of_plain_stdin() -> None:
    r = run(["--format", "json", "-"], stdin="Il a déclaré que la séance était levée.".encode())
    assert r.returncode == 0
    rec = json.loads(r.stdout.decode())
    assert rec["id"] == "stdin" and rec["quotes"][0]["type"] == "indirect"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_folder_without_permission(tmp_path: Path) -> None:  # pragma: no cover - CI runs as root
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text("texte", encoding="utf-8")
    locked.chmod(0)
    try:
        r = run([str(locked)])
        assert r.returncode == 1
    finally:
        locked.chmod(0o755)


def test_processes_flag_gives_the_same_records(tmp_path: Path) -> None:
    for n in range(5):
        (tmp_path / f"{n}.txt").write_text(f"« Phrase numéro {n} », a dit Paul Martin.", encoding="utf-8")
    one = run(["--format", "jsonl", str(tmp_path)])
    two = run(["--format", "jsonl", "--processes", "2", "--batch-size", "2", str(tmp_path)])
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
