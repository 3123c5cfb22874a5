"""quotex on a Dask cluster: two worker processes give the rows serial extraction gives, keep error
rows, and lose or repeat nothing when a worker is killed mid-run."""

from __future__ import annotations

import os
import signal
import time

import pytest
from test_tables import corpus

import quotex

pytestmark = pytest.mark.filterwarnings("ignore")

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def articles(texts):
    return pd.DataFrame({"id": [f"a{i:03d}" for i in range(len(texts))], "text": pd.array(texts, dtype="object")})


def serial_rows(frame):
    docs = list(quotex.extract_many(frame["text"].tolist()))
    return quotex.quotes_frame(docs, ids=frame["id"].tolist())


def test_extract_frame_on_two_workers_equals_serial(client) -> None:
    from quotex.dask import extract_frame

    frame = articles(corpus() * 2)
    got = extract_frame(dd.from_pandas(frame, npartitions=6)).compute().reset_index(drop=True)
    want = serial_rows(frame)
    assert len(got) > 50
    pd.testing.assert_frame_equal(got, want)
    assert set(client.run(os.getpid).values()) and len(client.scheduler_info()["workers"]) == 2


def test_a_failing_text_gives_an_error_row_and_its_partition_survives(client) -> None:
    from quotex.dask import extract_frame

    texts = corpus()[:6]
    frame = articles(texts[:3] + [None] + texts[3:])
    got = extract_frame(dd.from_pandas(frame, npartitions=2)).compute().reset_index(drop=True)
    errors = got[got["error"].notna()]
    assert errors["article_id"].tolist() == ["a003"]
    good = frame[frame["text"].map(lambda t: isinstance(t, str))]
    want = serial_rows(good)
    pd.testing.assert_frame_equal(got[got["error"].isna()].reset_index(drop=True), want)


def test_a_frame_without_the_text_column_is_refused_at_once() -> None:
    from quotex.dask import extract_frame

    frame = dd.from_pandas(pd.DataFrame({"id": ["a"], "body": ["« Oui », a dit Anne Roy."]}), npartitions=1)
    with pytest.raises(KeyError, match="body"):
        extract_frame(frame)
    assert len(extract_frame(frame, text="body").compute(scheduler="synchronous")) == 1
    with pytest.raises(TypeError):
        extract_frame(["pas un DataFrame"])


def test_extract_bag_keeps_order_and_ids(client) -> None:
    import dask.bag as db

    from quotex.dask import extract_bag

    texts = corpus()[:10]
    recs = extract_bag(
        db.from_sequence([{"id": str(i), "text": t} for i, t in enumerate(texts)], npartitions=3)
    ).compute()
    assert [r["id"] for r in recs] == [str(i) for i in range(len(texts))]
    assert [len(r["quotes"]) for r in recs] == [len(d.quotes) for d in quotex.extract_many(texts)]


def test_a_worker_killed_mid_run_loses_and_repeats_nothing(client) -> None:
    from quotex.dask import extract_frame

    frame = articles(corpus() * 8)
    future = client.compute(extract_frame(dd.from_pandas(frame, npartitions=56)))
    pids = client.run(os.getpid)
    # wait until the cluster is busy, then kill one worker process (its nanny starts a new one)
    deadline = time.time() + 120
    while not any(client.processing().values()) and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    assert not future.done(), "the run ended before a worker could be killed: give it more work"
    os.kill(next(iter(pids.values())), signal.SIGKILL)
    got = future.result(timeout=600).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, serial_rows(frame))
    assert got.groupby(["article_id", "quote_index"]).size().max() == 1


def _cli_same_as_local(tmp_path, texts, fmt: str, dask_args) -> bytes:
    """Run the command line over ``texts`` locally and on Dask; both must write the same bytes."""
    import subprocess
    import sys

    from test_tables import _write_articles

    _write_articles(tmp_path / "in", texts)
    base = [sys.executable, "-m", "quotex", "--no-progress", str(tmp_path / "in"), "--format", fmt, "--batch-size", "3"]
    local = subprocess.run(base, capture_output=True, timeout=600)
    on_dask = subprocess.run(base + dask_args, capture_output=True, timeout=600)
    assert on_dask.returncode == local.returncode == 0, on_dask.stderr[-2000:]
    assert on_dask.stdout == local.stdout
    return local.stdout


def test_cli_on_a_local_dask_cluster_writes_what_a_local_run_writes(tmp_path) -> None:
    out = _cli_same_as_local(tmp_path, corpus(), "jsonl", ["--dask-workers", "2"])
    assert out.count(b"\n") == len(corpus())


def test_cli_joins_a_running_scheduler(tmp_path, client) -> None:
    """``--scheduler ADDRESS``: the workers of a cluster started elsewhere (here the fixture's)."""
    out = _cli_same_as_local(tmp_path, corpus()[:8], "csv", ["--scheduler", client.scheduler.address])
    assert out.count(b"\n") > 8
