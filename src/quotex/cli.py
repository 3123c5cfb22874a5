"""The ``quotex`` command line (also ``python -m quotex``).

    quotex [INPUT ...] [--format text|json|jsonl|csv|parquet|html] [-o OUTPUT] [--resume]
           [--processes N | --dask-workers N | --scheduler tcp://HOST:8786] [--batch-size N]

INPUT is a text file, a folder (every ``*.txt`` below it, in sorted order), a table of articles
(``.parquet`` or ``.csv``: one article a row, columns ``--text-column``, default ``text``, and
``--id-column``, default ``id``) or ``-`` for standard input; with no INPUT, standard input is read.
Standard input holding JSON Lines (``{"id": ..., "text": ...}`` a line) is read record by record
(``--stdin jsonl`` forces it, ``--stdin text`` reads it as one page).

Output (standard output, or ``-o OUTPUT``): ``text`` is a readable account (who said what, with roles
and affiliations); ``json`` one indented JSON document per input; ``jsonl`` one line per input, in
input order, with the input's ``id`` (its path, its record id, or ``stdin``); ``csv`` one row per
quotation (columns of ``quotex.tables.QUOTE_COLUMNS``); ``parquet`` the same rows in a folder of
Parquet part files (``-o quotes.parquet``; ``pandas.read_parquet`` reads the folder); ``html`` the
page with its quotations, cues and speakers marked (``quotex.render_html``), to standard output for
one input, or with ``-o FOLDER`` one page per input and an ``index.html``. The default
is ``text`` for one page and ``jsonl`` for several. An input that cannot be read or decoded, or a
broken record, gives an error record (an error row in csv and parquet) in its place, the others are
processed, and the exit code is 1. Interrupted (Ctrl-C), it finishes the record it is writing and
stops with exit code 130.

``--resume`` (jsonl and parquet, with ``-o``) continues a run that died: the records already
written completely are kept (a torn last line is cut off), their inputs skipped, and the run goes on
from the next one, so that the output ends as an uninterrupted run's would.

``--dask-workers N`` extracts on a local Dask cluster of N worker processes, ``--scheduler ADDRESS``
on a running one (``pip install "quotex[dask]"``).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Optional, TextIO

from . import _version
from .model import Document

__all__ = ["main", "render_text"]


class _Item:
    __slots__ = ("id", "text", "error")

    def __init__(self, id: str, text: Optional[str] = None, error: Optional[str] = None) -> None:
        self.id = id
        self.text = text
        self.error = error

    def payload(self) -> str:
        """What is extracted: the text, or nothing for an input that could not be read (its
        error record is written in its place)."""
        return self.text if self.error is None and self.text is not None else ""


def _read_file(path: Path) -> _Item:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _Item(str(path), error=f"cannot read: {exc.strerror or exc}")
    try:
        return _Item(str(path), data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return _Item(str(path), error=f"not valid UTF-8: {exc.reason} at byte {exc.start}")


def _walk(folder: Path) -> Iterator[_Item]:
    errors: list[OSError] = []
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".txt"):
                found.append(Path(root) / name)
    for err in errors:
        yield _Item(str(err.filename or folder), error=f"cannot read folder: {err.strerror or err}")
    for p in found:
        yield _read_file(p)


def _stdin_items(stream: TextIO, mode: str) -> Iterator[_Item]:
    buf = getattr(stream, "buffer", None)
    raw = buf.read() if buf is not None else stream.read().encode("utf-8", "surrogatepass")
    try:
        data = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        # JSONL is read line by line below, so only the bad lines fail
        if mode == "text":
            yield _Item("stdin", error=f"not valid UTF-8: {exc.reason} at byte {exc.start}")
            return
        data = None
    if mode == "auto":
        head = (data if data is not None else raw.decode("utf-8", "replace")).lstrip()
        mode = "jsonl" if head.startswith("{") else "text"
    if mode == "text":
        yield _Item("stdin", data)
        return
    for n, line in enumerate(raw.split(b"\n"), 1):
        if not line.strip():
            continue
        where = f"stdin:{n}"
        try:
            rec = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield _Item(where, error=f"not valid UTF-8: {exc.reason}")
            continue
        except json.JSONDecodeError as exc:
            yield _Item(where, error=f"broken JSON line: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            rid = rec.get("id", where) if isinstance(rec, dict) else where
            yield _Item(str(rid), error='a JSONL record needs a "text" string')
            continue
        yield _Item(str(rec.get("id", where)), rec["text"])


def _row_item(where: str, text: Any, rid: Any) -> _Item:
    ident = where if rid is None or rid == "" else str(rid)
    if not isinstance(text, str):
        return _Item(ident, error=f"no text in the row (column value {text!r})")
    return _Item(ident, text)


def _parquet_items(path: Path, columns: tuple[str, str]) -> Iterator[_Item]:
    try:
        import pyarrow.dataset as ds
    except ImportError:
        yield _Item(str(path), error='reading Parquet needs pyarrow: pip install "quotex[dataframe]"')
        return
    text_col, id_col = columns
    try:
        dataset = ds.dataset(str(path), format="parquet")
        names = dataset.schema.names
        if text_col not in names:
            yield _Item(str(path), error=f"no column {text_col!r} (columns: {', '.join(names)})")
            return
        wanted = [text_col] + ([id_col] if id_col in names else [])
        n = 0
        for batch in dataset.to_batches(columns=wanted, batch_size=1024):
            texts = batch.column(0).to_pylist()
            ids = batch.column(1).to_pylist() if len(wanted) > 1 else [None] * len(texts)
            for text, rid in zip(texts, ids):
                yield _row_item(f"{path}:{n}", text, rid)
                n += 1
    except (OSError, ValueError) as exc:  # pyarrow's errors derive from these
        yield _Item(str(path), error=f"cannot read Parquet: {exc}")


def _csv_items(path: Path, columns: tuple[str, str]) -> Iterator[_Item]:
    import csv

    text_col, id_col = columns
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if text_col not in (reader.fieldnames or []):
                yield _Item(str(path), error=f"no column {text_col!r} (columns: {', '.join(reader.fieldnames or [])})")
                return
            for n, row in enumerate(reader):
                yield _row_item(f"{path}:{n}", row.get(text_col), row.get(id_col))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        yield _Item(str(path), error=f"cannot read CSV: {exc}")


def _inputs(paths: Sequence[str], stdin_mode: str, columns: tuple[str, str] = ("text", "id")) -> Iterator[_Item]:
    if not paths:
        paths = ["-"]
    for p in paths:
        if p == "-":
            yield from _stdin_items(sys.stdin, stdin_mode)
            continue
        path = Path(p)
        if path.suffix.lower() == ".parquet" and path.exists():
            yield from _parquet_items(path, columns)
        elif path.suffix.lower() == ".csv" and path.is_file():
            yield from _csv_items(path, columns)
        elif path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield _read_file(path)
        else:
            yield _Item(p, error="no such file or folder")


def render_text(doc: Document, name: Optional[str] = None) -> str:
    """A readable account of one document: speakers with role and affiliation, and their quotes."""
    out: list[str] = []
    if name:
        out.append(f"== {name}")
    if doc.error:
        out.append(f"error: {doc.error}")
        return "\n".join(out)
    if doc.title:
        out.append(f"Title: {doc.title.text}")
    out.append(
        f"{len(doc.paragraphs)} paragraphs, {len(doc.boilerplate)} boilerplate lines removed, "
        f"{len(doc.entities)} entities, {len(doc.quotes)} quotations"
    )
    order: list[Optional[str]] = []
    for q in doc.quotes:
        if q.speaker not in order:
            order.append(q.speaker)
    for sid in order:
        ent = doc.entity(sid)
        if ent is None:
            out.append("\nUnattributed")
        else:
            bits = [ent.label.lower()]
            if ent.role:
                bits.append(ent.role)
            aff = doc.entity(ent.affiliation)
            if aff is not None:
                bits.append(f"affiliation: {aff.name}")
            out.append(f"\n{ent.name} ({'; '.join(bits)})")
        for q in doc.quotes:
            if q.speaker == sid:
                cue = f" [{q.cue.text}]" if q.cue else ""
                out.append(f"  - {q.type}{cue}: «{q.content.text}»")
    return "\n".join(out)


def _record(item: _Item, doc: Optional[Document]) -> dict[str, Any]:
    if item.error is not None:
        return {"id": item.id, "error": item.error}
    assert doc is not None
    return doc.to_record(item.id)


# -- writers ----------------------------------------------------------------------------

_PART = "part-{:06d}.parquet"
_META = "_quotex.json"


def _error_doc(item: _Item, doc: Optional[Document]) -> Document:
    if item.error is not None:
        return Document(text="", error=item.error)
    assert doc is not None
    return doc


class _StreamWriter:
    """text, json and jsonl: one block or line per record, flushed as it is written."""

    def __init__(self, out: TextIO, fmt: Optional[str], many: bool) -> None:
        self.out = out
        self.fmt = fmt
        self.many = many
        self.written = 0

    def write(self, item: _Item, doc: Optional[Document], more: bool) -> None:
        if self.fmt is None:
            self.fmt = "jsonl" if (self.many or more or item.id.startswith("stdin:")) else "text"
        if self.fmt == "jsonl":
            self.out.write(json.dumps(_record(item, doc), ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.out.write(json.dumps(_record(item, doc), ensure_ascii=False, indent=2) + "\n")
        else:
            if item.error:
                block = f"== {item.id}\nerror: {item.error}"
            else:
                assert doc is not None
                block = render_text(doc, item.id if self.many or self.written else None)
            self.out.write(block + "\n\n")
        self.out.flush()
        self.written += 1

    def close(self) -> None:
        pass


class _CsvWriter:
    """One row per quotation (and per failed record), header first."""

    def __init__(self, out: TextIO) -> None:
        import csv

        from .tables import QUOTE_FIELDS

        self.fields = QUOTE_FIELDS
        self.writer = csv.DictWriter(out, fieldnames=list(QUOTE_FIELDS), lineterminator="\n")
        self.writer.writeheader()
        self.out = out

    def write(self, item: _Item, doc: Optional[Document], more: bool) -> None:
        from .tables import quote_rows

        self.writer.writerows(quote_rows(_error_doc(item, doc), item.id))
        self.out.flush()

    def close(self) -> None:
        pass


class _ParquetWriter:
    """The quotation rows in a folder of part files, one per ``part_records`` input records, each
    written to a temporary name and renamed when complete (a run killed mid-part leaves the complete
    parts only)."""

    def __init__(self, folder: Path, part_records: int, first_part: int) -> None:
        import pyarrow as pa

        from .tables import QUOTE_COLUMNS

        self.pa = pa
        self.schema = pa.schema(
            [(name, pa.string() if kind == "string" else pa.int64()) for name, kind, _ in QUOTE_COLUMNS]
        )
        self.folder = folder
        self.part_records = part_records
        self.part = first_part
        self.rows: list[dict[str, Any]] = []
        self.records = 0

    def write(self, item: _Item, doc: Optional[Document], more: bool) -> None:
        from .tables import quote_rows

        self.rows.extend(quote_rows(_error_doc(item, doc), item.id))
        self.records += 1
        if self.records == self.part_records:
            self._flush()

    def _flush(self) -> None:
        import pyarrow.parquet as pq

        table = self.pa.Table.from_pylist(self.rows, schema=self.schema)
        final = self.folder / _PART.format(self.part)
        tmp = final.with_name(final.name + ".tmp")
        pq.write_table(table, tmp)
        os.replace(tmp, final)
        self.part += 1
        self.rows = []
        self.records = 0

    def close(self) -> None:
        if self.records:
            self._flush()


class _HtmlWriter:
    """``--format html``: one page to standard output, or with ``-o DIR`` one page per input and an
    ``index.html`` listing them with their counts."""

    def __init__(self, out: TextIO, folder: Optional[Path]) -> None:
        self.out = out
        self.folder = folder
        self.entries: list[tuple[str, str, Document]] = []
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)

    def write(self, item: _Item, doc: Optional[Document], more: bool) -> None:
        from .render import render_html

        page_doc = _error_doc(item, doc)
        page = render_html(page_doc, title=item.id)
        if self.folder is None:
            self.out.write(page)
            self.out.flush()
            return
        stem = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in Path(item.id).name)[:80] or "input"
        name = f"{len(self.entries):05d}-{stem}.html"
        (self.folder / name).write_text(page, encoding="utf-8")
        self.entries.append((name, item.id, page_doc))

    def close(self) -> None:
        from .render import render_index

        if self.folder is not None:
            (self.folder / "index.html").write_text(render_index(self.entries), encoding="utf-8")


def _resume_jsonl(path: Path) -> int:
    """Records completely written to ``path`` (a torn last line is cut off)."""
    if not path.exists():
        return 0
    with path.open("r+b") as fh:
        data = fh.read()
        keep = data.rfind(b"\n") + 1
        if keep < len(data):
            fh.truncate(keep)
    return data.count(b"\n", 0, keep)


def _prepare_parquet(folder: Path, part_records: int, resume: bool) -> tuple[int, int]:
    """(records to skip, number of the next part) for a Parquet output folder."""
    folder.mkdir(parents=True, exist_ok=True)
    meta = folder / _META
    for tmp in folder.glob("part-*.parquet.tmp"):
        tmp.unlink()
    if resume and meta.exists():
        part_records = int(json.loads(meta.read_text(encoding="utf-8"))["part_records"])
        done = 0
        while (folder / _PART.format(done)).exists():
            done += 1
        for stray in folder.glob("part-*.parquet"):
            if int(stray.stem.split("-")[1]) >= done:
                stray.unlink()
        return done * part_records, done
    for old in folder.glob("part-*.parquet"):
        old.unlink()
    meta.write_text(
        json.dumps({"part_records": part_records, "columns": "quotex.tables.QUOTE_COLUMNS"}), encoding="utf-8"
    )
    return 0, 0


# -- extraction back ends -----------------------------------------------------------------


def _local(items: Iterator[_Item], batch_size: int, processes: int) -> Iterator[tuple[_Item, Optional[Document]]]:
    from .pipeline import extract_many

    pending: deque[_Item] = deque()

    def texts() -> Iterator[str]:
        for item in items:
            pending.append(item)
            yield item.payload()

    for doc in extract_many(texts(), batch_size=batch_size, n_process=processes):
        yield pending.popleft(), doc


def _on_dask(
    items: Iterator[_Item], batch_size: int, scheduler: Optional[str], workers: int
) -> Iterator[tuple[_Item, Optional[Document]]]:
    """Batches of texts sent to a Dask cluster, a bounded number in flight, results in order."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise SystemExit('quotex: running on Dask needs pip install "quotex[dask]"') from exc
    from .dask import _documents, local_cluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = local_cluster(workers)
        client = Client(cluster)
    try:
        in_flight = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        queue: deque[tuple[list[_Item], Any]] = deque()
        batch: list[_Item] = []

        def send(group: list[_Item]) -> None:
            texts = [it.payload() for it in group]
            queue.append((group, client.submit(_documents, texts, batch_size, pure=False)))

        for item in items:
            batch.append(item)
            if len(batch) == batch_size:
                send(batch)
                batch = []
                while len(queue) >= in_flight:
                    group, fut = queue.popleft()
                    yield from zip(group, fut.result())
        if batch:
            send(batch)
        while queue:
            group, fut = queue.popleft()
            yield from zip(group, fut.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(
        prog="quotex",
        description="Who said what in French news pages.",
        epilog="With no INPUT, standard input is read.",
    )
    ap.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="text files, folders (*.txt, recursively), .parquet or .csv tables, or - for stdin",
    )
    ap.add_argument(
        "--format",
        "-f",
        choices=("text", "json", "jsonl", "csv", "parquet", "html"),
        default=None,
        help="output format (default: text for one page, jsonl for several)",
    )
    ap.add_argument("--output", "-o", default=None, help="output file (a folder for parquet); default standard output")
    ap.add_argument("--resume", action="store_true", help="continue a run that died (jsonl or parquet, with -o)")
    ap.add_argument("--text-column", default="text", help="column holding the article text in .parquet/.csv inputs")
    ap.add_argument("--id-column", default="id", help="column holding the article id in .parquet/.csv inputs")
    ap.add_argument(
        "--processes",
        "-p",
        type=int,
        default=1,
        help="processes that extract: this one and N-1 spawned workers (default 1)",
    )
    ap.add_argument("--dask-workers", type=int, default=0, help="extract on a local Dask cluster of N worker processes")
    ap.add_argument("--scheduler", default=None, help="extract on the Dask cluster of this scheduler (tcp://HOST:8786)")
    ap.add_argument("--batch-size", type=int, default=16, help="texts per batch (default 16)")
    ap.add_argument("--part-size", type=int, default=1000, help="input records per Parquet part file (default 1000)")
    ap.add_argument("--stdin", choices=("auto", "text", "jsonl"), default="auto", help="how to read standard input")
    ap.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    ap.add_argument("--schema", action="store_true", help="print the JSON Schema of the json/jsonl output and exit")
    ap.add_argument("--version", action="version", version=f"quotex {_version()}")
    args = ap.parse_args(argv)
    if args.schema:
        from . import schema

        sys.stdout.write(json.dumps(schema(), indent=2, ensure_ascii=False) + "\n")
        return 0
    if args.processes < 1 or args.batch_size < 1 or args.part_size < 1 or args.dask_workers < 0:
        ap.error("--processes, --batch-size and --part-size must be at least 1")
    if args.format == "parquet" and not args.output:
        ap.error("--format parquet writes a folder: give it with -o")
    if args.resume and (not args.output or args.format not in ("jsonl", "parquet")):
        ap.error("--resume needs -o and --format jsonl or parquet")
    if args.dask_workers and args.scheduler:
        ap.error("--dask-workers starts a local cluster, --scheduler joins one: not both")

    many = len(args.inputs) > 1 or any(
        Path(p).is_dir() or Path(p).suffix.lower() in (".csv", ".parquet") for p in args.inputs if p != "-"
    )
    skip = 0
    out: TextIO = sys.stdout
    opened: Optional[TextIO] = None
    writer: Any
    if args.format == "html":
        if many and not args.output:
            ap.error("--format html with several inputs writes one page each: give a folder with -o")
        writer = _HtmlWriter(out, Path(args.output) if args.output else None)
    elif args.format == "parquet":
        try:
            skip, first_part = _prepare_parquet(Path(args.output), args.part_size, args.resume)
            writer = _ParquetWriter(Path(args.output), args.part_size, first_part)
        except ImportError:
            ap.error('--format parquet needs pyarrow: pip install "quotex[dataframe]"')
    else:
        if args.output:
            if args.resume:
                skip = _resume_jsonl(Path(args.output))
            opened = out = open(args.output, "a" if args.resume else "w", encoding="utf-8", newline="\n")
        writer = _CsvWriter(out) if args.format == "csv" else _StreamWriter(out, args.format, many)

    stop = {"now": False}

    def _interrupt(signum: int, frame: Any) -> None:
        stop["now"] = True

    previous = signal.signal(signal.SIGINT, _interrupt)

    def items() -> Iterator[_Item]:
        source = _inputs(args.inputs, args.stdin, (args.text_column, args.id_column))
        for n, item in enumerate(source):
            if stop["now"]:
                return
            if n >= skip:
                yield item

    failed = False
    bar = None
    if not args.no_progress and sys.stderr.isatty():
        try:
            from tqdm import tqdm

            bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, initial=skip)
        except ImportError:  # pragma: no cover - tqdm is a dependency
            bar = None
    if args.dask_workers or args.scheduler:
        results = _on_dask(items(), args.batch_size, args.scheduler, args.dask_workers)
    else:
        results = _local(items(), args.batch_size, args.processes)
    try:
        stream = iter(results)
        current = next(stream, None)
        while current is not None:
            item, doc = current
            current = next(stream, None)
            if item.error is not None or (doc is not None and doc.error is not None):
                failed = True
            writer.write(item, doc, current is not None)
            if bar is not None:
                bar.update(1)
            if stop["now"]:
                break
        writer.close()
    except BrokenPipeError:  # pragma: no cover - reader went away
        return 1
    finally:
        signal.signal(signal.SIGINT, previous)
        if bar is not None:
            bar.close()
        if opened is not None:
            opened.close()
    if stop["now"]:
        print("quotex: interrupted", file=sys.stderr)
        return 130
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
