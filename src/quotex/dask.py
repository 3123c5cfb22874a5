"""quotex on a Dask cluster (optional extra ``quotex[dask]``: ``dask[dataframe]`` and ``distributed``).

    import dask.dataframe as dd
    from quotex.dask import extract_frame
    articles = dd.read_parquet("articles/")              # columns "id" and "text"
    quotes = extract_frame(articles)                     # one row per quotation, error rows kept
    quotes.to_parquet("quotes/")

Each partition is extracted in one worker process with ``quotex.extract_many``; the spaCy model is
loaded once per worker process and reused by every partition it runs. Run it on a local cluster
(``distributed.LocalCluster``) or on many machines (``dask scheduler`` on one, ``dask worker
tcp://HOST:8786`` on each, then ``distributed.Client("tcp://HOST:8786")``). A worker lost mid-run
only costs the partitions it held: Dask runs them again elsewhere, so no record is lost or repeated.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional

from .model import Document
from .tables import ENTITY_COLUMNS, QUOTE_COLUMNS, entity_rows, quote_rows, rows_frame

__all__ = [
    "extract_frame",
    "extract_entities_frame",
    "extract_bag",
    "extract_records",
    "quotes_meta",
    "entities_meta",
    "WORKER_CONFIG",
    "local_cluster",
]

# Dask settings for workers that run quotex. The nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536
# (glibc then returns freed memory at once), which costs quotex's many small allocations about a
# quarter of its CPU time (measured here: 5.6 s instead of 4.4 s of CPU on the same 128 pages); the
# statistical profiler samples every worker thread every 10 ms. On a cluster of your own, put these
# in the Dask configuration of the machines that run ``dask worker`` (e.g. ~/.config/dask/quotex.yaml).
WORKER_CONFIG: dict[str, Any] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
}


def local_cluster(n_workers: int = 2, **kwargs: Any) -> Any:
    """A ``distributed.LocalCluster`` of ``n_workers`` single-threaded worker processes, set up
    for quotex (``WORKER_CONFIG``)."""
    import dask
    from distributed import LocalCluster

    kwargs.setdefault("threads_per_worker", 1)
    kwargs.setdefault("processes", True)
    kwargs.setdefault("dashboard_address", None)
    with dask.config.set(WORKER_CONFIG):
        return LocalCluster(n_workers=n_workers, **kwargs)


def quotes_meta() -> Any:
    """The empty DataFrame describing ``extract_frame``'s output (its Dask ``meta``)."""
    return rows_frame([], QUOTE_COLUMNS)


def entities_meta() -> Any:
    return rows_frame([], ENTITY_COLUMNS)


def _documents(values: Sequence[Any], batch_size: int) -> list[Document]:
    """The documents of a partition's texts; a value that is not text gives an error document."""
    from .pipeline import extract_many

    return list(extract_many(values, batch_size=batch_size))


def _partition(pdf: Any, text: str, id: Optional[str], batch_size: int, entities: bool) -> Any:
    import pandas as pd

    rows_of = entity_rows if entities else quote_rows
    ids = [None] * len(pdf) if id is None else [None if pd.isna(v) else str(v) for v in pdf[id]]
    docs = _documents(list(pdf[text]), batch_size)
    return rows_frame(
        [r for doc, i in zip(docs, ids) for r in rows_of(doc, i)], ENTITY_COLUMNS if entities else QUOTE_COLUMNS
    )


def _columns(ddf: Any, text: str, id: Optional[str]) -> Optional[str]:
    """Check the text column now rather than in the workers; the id column is optional."""
    columns = getattr(ddf, "columns", None)
    if columns is None:
        raise TypeError(f"expected a Dask DataFrame, not {type(ddf).__name__}")
    if text not in columns:
        raise KeyError(f"no text column {text!r} (columns: {', '.join(map(str, columns))})")
    return id if id is not None and id in columns else None


def extract_frame(ddf: Any, text: str = "text", id: Optional[str] = "id", batch_size: int = 32) -> Any:
    """A Dask DataFrame of articles (columns ``text`` and ``id``) to a Dask DataFrame of quotations:
    one row per quotation, columns ``quotex.tables.QUOTE_COLUMNS``; an article that fails (or whose
    text is missing) gives an error row, and the rest of its partition is kept."""
    id = _columns(ddf, text, id)
    return ddf.map_partitions(_partition, text, id, batch_size, False, meta=quotes_meta())


def extract_entities_frame(ddf: Any, text: str = "text", id: Optional[str] = "id", batch_size: int = 32) -> Any:
    """As ``extract_frame``, one row per entity (``quotex.tables.ENTITY_COLUMNS``)."""
    id = _columns(ddf, text, id)
    return ddf.map_partitions(_partition, text, id, batch_size, True, meta=entities_meta())


def extract_records(items: Sequence[Any], batch_size: int = 32) -> list[dict[str, Any]]:
    """Texts, or records ``{"id": ..., "text": ...}``, to JSON-ready records
    (``Document.to_record(id)``, as the command line writes them): what ``extract_bag`` maps over
    each partition."""
    ids: list[Any] = []
    values: list[Any] = []
    for it in items:
        if isinstance(it, dict):
            ids.append(it.get("id"))
            values.append(it.get("text"))
        else:
            ids.append(None)
            values.append(it)
    return [doc.to_record(i) for i, doc in zip(ids, _documents(values, batch_size))]


def extract_bag(bag: Any, batch_size: int = 32) -> Any:
    """A Dask Bag of texts or of ``{"id", "text"}`` records to a Bag of records (see
    ``extract_records``), one per input, in the same order."""
    return bag.map_partitions(extract_records, batch_size=batch_size)
