"""Quotes and entities as tables: rows, pandas frames, CSV and Parquet on the command line, runs that
resume after the process was killed."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DATA, SEED

import quotex
from quotex.tables import ENTITY_COLUMNS, QUOTE_COLUMNS, quote_rows

pytestmark = pytest.mark.filterwarnings("ignore")


def corpus() -> list[str]:
    """A few dozen texts of our own: the test articles, and each of their paragraphs on its own."""
    texts = [SEED.read_text(encoding="utf-8")] + [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
    paragraphs = [para for t in texts[1:] for para in t.split("\n\n") if len(para) > 80]
    return texts + paragraphs


def test_quote_rows_of_the_seed(seed_doc) -> None:
    rows = seed_doc.quote_rows("seed")
    assert len(rows) == len(seed_doc.quotes) == 8
    assert [r["quote_index"] for r in rows] == list(range(8))
    for r, q in zip(rows, seed_doc.quotes):
        assert list(r) == [c[0] for c in QUOTE_COLUMNS]
        assert r["article_id"] == "seed" and r["error"] is None
        assert seed_doc.text[r["content_start"] : r["content_end"]] == r["content"] == q.content.text
    baldanza = [r for r in rows if r["speaker_name"] == "Michelle Baldanza"]
    assert baldanza and baldanza[0]["speaker_role"] == "porte-parole du Pentagone"
    assert baldanza[0]["speaker_affiliation"] == "Pentagone" and baldanza[0]["speaker_label"] == "PERSON"


def test_entity_rows_count_quotes(seed_doc) -> None:
    rows = seed_doc.entity_rows()
    assert [list(r) for r in rows[:1]] == [[c[0] for c in ENTITY_COLUMNS]]
    said = {r["name"]: r["quotes"] for r in rows}
    assert sum(said.values()) == sum(1 for q in seed_doc.quotes if q.speaker)
    assert said["Michelle Baldanza"] >= 1


def test_a_failed_document_is_one_error_row() -> None:
    doc = next(quotex.extract_many([12]))
    rows = doc.quote_rows("x")
    assert len(rows) == 1 and rows[0]["article_id"] == "x" and "TypeError" in rows[0]["error"]
    assert rows[0]["quote_index"] is None


def test_rows_of_something_else_raise_type_error() -> None:
    with pytest.raises(TypeError):
        quote_rows("« Oui », a dit Anne Roy.")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        quotex.quotes_frame([{"quotes": []}])


def test_frames_have_the_documented_columns_and_types() -> None:
    pd = pytest.importorskip("pandas")
    texts = corpus()[:6]
    docs = list(quotex.extract_many(texts + [None]))
    ids = [f"t{i}" for i in range(len(docs))]
    frame = quotex.quotes_frame(docs, ids=ids)
    assert list(frame.columns) == [c[0] for c in QUOTE_COLUMNS]
    assert str(frame["content_start"].dtype) == "Int64" and str(frame["content"].dtype) == "string"
    assert len(frame) == sum(len(d.quotes) for d in docs[:-1]) + 1
    last = frame.iloc[-1]
    assert last["article_id"] == ids[-1] and "TypeError" in last["error"] and pd.isna(last["quote_index"])
    ents = quotex.entities_frame(docs, ids=ids)
    assert list(ents.columns) == [c[0] for c in ENTITY_COLUMNS]
    assert len(ents) == sum(len(d.entities) for d in docs[:-1]) + 1
    with pytest.raises(ValueError):
        quotex.quotes_frame(docs, ids=ids[:-1])


# -- the command line -------------------------------------------------------------------------


def run(args, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quotex", "--no-progress", *args], capture_output=True, timeout=timeout
    )


def _write_articles(folder: Path, texts: list[str]) -> None:
    folder.mkdir()
    for n, t in enumerate(texts):
        (folder / f"{n:03d}.txt").write_text(t, encoding="utf-8")


def test_cli_parquet_in_parquet_out(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    texts = corpus()[:8]
    pd.DataFrame({"doc": [f"d{i}" for i in range(len(texts))] + ["nothing"], "body": texts + [None]}).to_parquet(
        tmp_path / "in.parquet"
    )
    r = run(
        [
            str(tmp_path / "in.parquet"),
            "--text-column",
            "body",
            "--id-column",
            "doc",
            "--format",
            "parquet",
            "-o",
            str(tmp_path / "q.parquet"),
            "--part-size",
            "3",
        ]
    )
    assert r.returncode == 1, r.stderr  # the row without text is an error row
    got = pd.read_parquet(tmp_path / "q.parquet")
    docs = list(quotex.extract_many(texts))
    want = [row for d, i in zip(docs, [f"d{i}" for i in range(len(texts))]) for row in quote_rows(d, i)]
    assert got[got["error"].isna()]["content"].tolist() == [w["content"] for w in want]
    assert got[got["error"].isna()]["speaker_name"].fillna("").tolist() == [w["speaker_name"] or "" for w in want]
    errors = got[got["error"].notna()]
    assert errors["article_id"].tolist() == ["nothing"]
    assert len(list((tmp_path / "q.parquet").glob("part-*.parquet"))) == 3  # 9 records, 3 a part


def test_cli_csv_rows(tmp_path: Path) -> None:
    r = run([str(SEED), "--format", "csv"])
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(r.stdout.decode().splitlines()))
    assert len(rows) == 8 and list(rows[0]) == [c[0] for c in QUOTE_COLUMNS]
    assert any(row["speaker_name"] == "Michelle Baldanza" for row in rows)


def _kill_midway(args: list[str], progress, least: int) -> None:
    """Start quotex with ``args``, SIGKILL it once ``progress()`` reaches ``least``."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotex", "--no-progress", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.time() + 300
        while progress() < least and proc.poll() is None and time.time() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be killed: give it more work"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()


def test_jsonl_run_resumes_after_sigkill(tmp_path: Path) -> None:
    texts = corpus() * 2
    _write_articles(tmp_path / "in", texts)
    full = tmp_path / "full.jsonl"
    assert run([str(tmp_path / "in"), "--format", "jsonl", "-o", str(full)]).returncode == 0
    out = tmp_path / "out.jsonl"
    size = lambda: out.stat().st_size if out.exists() else 0  # noqa: E731
    lines = lambda: out.read_bytes().count(b"\n") if out.exists() else 0  # noqa: E731
    _kill_midway([str(tmp_path / "in"), "--format", "jsonl", "-o", str(out), "--batch-size", "2"], lines, 5)
    done = lines()
    assert 0 < done < len(texts) and size() > 0
    # a torn last line, as a kill in the middle of a write leaves it
    with out.open("ab") as fh:
        fh.write(b'{"id": "torn", "quo')
    r = run([str(tmp_path / "in"), "--format", "jsonl", "-o", str(out), "--resume", "--batch-size", "2"])
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == full.read_bytes()  # same records, same order, no duplicate, no torn line
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == len(texts)


def test_parquet_run_resumes_after_sigkill(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    texts = corpus() * 2
    _write_articles(tmp_path / "in", texts)
    full, out = tmp_path / "full.parquet", tmp_path / "out.parquet"
    assert run([str(tmp_path / "in"), "--format", "parquet", "-o", str(full), "--part-size", "4"]).returncode == 0
    parts = lambda: len(list(out.glob("part-*.parquet"))) if out.exists() else 0  # noqa: E731
    _kill_midway(
        [str(tmp_path / "in"), "--format", "parquet", "-o", str(out), "--part-size", "4", "--batch-size", "2"], parts, 2
    )
    assert 0 < parts() < len(texts) / 4
    r = run([str(tmp_path / "in"), "--format", "parquet", "-o", str(out), "--resume", "--batch-size", "2"])
    assert r.returncode == 0, r.stderr
    a, b = pd.read_parquet(out), pd.read_parquet(full)
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))
    assert not list(out.glob("*.tmp"))


def test_resume_needs_an_output_it_can_continue() -> None:
    r = run([str(SEED), "--format", "csv", "--resume"])
    assert r.returncode == 2 and b"--resume" in r.stderr
