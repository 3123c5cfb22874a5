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

from collections.abc import Iterable, Sequence
from typing import Any, Optional

from .tables import ENTITY_COLUMNS, QUOTE_COLUMNS, entity_rows, quote_rows

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


def _meta(columns: Sequence[tuple[str, str, str]]) -> Any:
    import pandas as pd

    dtypes = {"string": "string", "int": "Int64"}
    return pd.DataFrame({name: pd.Series([], dtype=dtypes[kind]) for name, kind, _ in columns})


def quotes_meta() -> Any:
    """The empty DataFrame describing ``extract_frame``'s output (its Dask ``meta``)."""
    return _meta(QUOTE_COLUMNS)


def entities_meta() -> Any:
    return _meta(ENTITY_COLUMNS)


def _texts(values: Iterable[Any]) -> tuple[list[str], list[Optional[str]]]:
    """Texts to extract and, for values that are not text, the error their row gets."""
    texts: list[str] = []
    errors: list[Optional[str]] = []
    for v in values:
        if isinstance(v, str):
            texts.append(v)
            errors.append(None)
        else:
            texts.append("")
            errors.append(f"no text: expected a string, got {type(v).__name__}")
    return texts, errors


def _documents(values: Sequence[Any], batch_size: int) -> list[Any]:
    from .model import Document
    from .pipeline import extract_many

    texts, errors = _texts(values)
    docs = list(extract_many(texts, batch_size=batch_size))
    return [Document(text="", error=err) if err else doc for doc, err in zip(docs, errors)]


def _partition(pdf: Any, text: str, id: Optional[str], batch_size: int, entities: bool) -> Any:
    import pandas as pd

    columns = ENTITY_COLUMNS if entities else QUOTE_COLUMNS
    rows_of = entity_rows if entities else quote_rows
    ids = [None] * len(pdf) if id is None else [None if pd.isna(v) else str(v) for v in pdf[id]]
    docs = _documents(list(pdf[text]), batch_size)
    rows = [r for doc, i in zip(docs, ids) for r in rows_of(doc, i)]
    dtypes = {"string": "string", "int": "Int64"}
    return pd.DataFrame({name: pd.array([r[name] for r in rows], dtype=dtypes[kind]) for name, kind, _ in columns})


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
    """Texts, or records ``{"id": ..., "text": ...}``, to JSON-ready records (``Document.to_dict()``
    with the ``id`` when given; an error record for a failure): what ``extract_bag`` maps over
    each partition and what the command line sends to a cluster."""
    ids: list[Any] = []
    values: list[Any] = []
    for it in items:
        if isinstance(it, dict):
            ids.append(it.get("id"))
            values.append(it.get("text"))
        else:
            ids.append(None)
            values.append(it)
    out = []
    for i, doc in zip(ids, _documents(values, batch_size)):
        rec: dict[str, Any] = {} if i is None else {"id": i}
        if doc.error is not None:
            rec["error"] = doc.error
        else:
            rec.update(doc.to_dict())
            rec.pop("error", None)
        out.append(rec)
    return out


def extract_bag(bag: Any, batch_size: int = 32) -> Any:
    """A Dask Bag of texts or of ``{"id", "text"}`` records to a Bag of records (see
    ``extract_records``), one per input, in the same order."""
    return bag.map_partitions(extract_records, batch_size=batch_size)
