"""Scaling out: one process, ``extract_many(n_process=2)`` and a 2-worker Dask LocalCluster, end to end.

    python bench/scale.py [--corpora ../shared/corpora] [--repeat 32] [--workers 2] [--partitions 64]

Texts: the 64 news-dev pages, ``--repeat`` times (2,048 pages by default). Each set-up extracts every
page and counts the quotation rows; the figures are pages/s end to end (worker start-up and model
loading included, as a user pays them) and the peak RSS of each process that extracts. One BLAS
thread per process everywhere; the Dask workers with ``quotex.dask.WORKER_CONFIG``. Needs ``quotex[dask]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import news_texts, peak_rss_mb  # noqa: E402


def _worker_rss() -> float:
    return peak_rss_mb()


def one_process(texts: list[str]) -> dict[str, Any]:
    import quotex

    t0 = time.perf_counter()
    rows = sum(len(d.quotes) for d in quotex.extract_many(texts, batch_size=32))
    return {"seconds": time.perf_counter() - t0, "rows": rows, "rss": [peak_rss_mb()]}


def n_process(texts: list[str], n: int) -> dict[str, Any]:
    import resource

    import quotex

    t0 = time.perf_counter()
    rows = sum(len(d.quotes) for d in quotex.extract_many(texts, batch_size=32, n_process=n))
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    return {"seconds": time.perf_counter() - t0, "rows": rows, "rss": [peak_rss_mb(), children]}


def dask_cluster(texts: list[str], workers: int, partitions: int) -> dict[str, Any]:
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client

    from quotex.dask import extract_frame, local_cluster

    frame = pd.DataFrame({"id": [str(i) for i in range(len(texts))], "text": texts})
    t0 = time.perf_counter()
    with local_cluster(workers) as cluster, Client(cluster) as client:
        rows = len(extract_frame(dd.from_pandas(frame, npartitions=partitions)).compute())
        seconds = time.perf_counter() - t0
        rss = sorted(client.run(_worker_rss).values())
    return {"seconds": seconds, "rows": rows, "rss": rss}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--corpora", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
    )
    ap.add_argument("--repeat", type=int, default=32)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=64)
    args = ap.parse_args()
    texts = news_texts(args.corpora, args.repeat)
    print(f"{len(texts)} pages ({sum(map(len, texts)):,} characters); machine: {os.cpu_count()} cores")
    results = {}
    results["1 process"] = one_process(texts)
    results[f"extract_many(n_process={args.workers})"] = n_process(texts, args.workers)
    results[f"Dask LocalCluster, {args.workers} workers"] = dask_cluster(texts, args.workers, args.partitions)
    base = results["1 process"]["seconds"]
    print("| set-up | pages/s | speed-up | quotation rows | peak RSS per process (MB) |")
    print("|---|---|---|---|---|")
    for name, r in results.items():
        rss = ", ".join(f"{x:.0f}" for x in r["rss"])
        print(f"| {name} | {len(texts) / r['seconds']:.1f} | {base / r['seconds']:.2f}x | {r['rows']} | {rss} |")
    rows = {r["rows"] for r in results.values()}
    if len(rows) != 1:
        print(f"ROWS DIFFER: {rows}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
