"""The ``quotex`` command line (also ``python -m quotex``).

    quotex [INPUT ...] [--format text|json|jsonl] [--processes N] [--batch-size N]

INPUT is a text file, a folder (every ``*.txt`` below it, in sorted order) or ``-`` for standard
input; with no INPUT, standard input is read. Standard input holding JSON Lines
(``{"id": ..., "text": ...}`` a line) is read record by record (``--stdin jsonl`` forces it,
``--stdin text`` reads it as one page).

Output: ``text`` is a readable account (who said what, with roles and affiliations); ``json`` one
indented JSON document per input; ``jsonl`` one line per input, in input order, with the input's
``id`` (its path, its JSONL id, or ``stdin``). The default is ``text`` for one page and ``jsonl`` for
several. An input that cannot be read or decoded, or a broken JSONL line, gives a record with
``error`` (and ``id``) in its place, the others are processed, and the exit code is 1.
Interrupted (Ctrl-C), it finishes the line it is writing and stops with exit code 130.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections import deque
from pathlib import Path
from typing import Any, Deque, Dict, Iterator, List, Optional, Sequence, TextIO, Tuple

from .model import Document

__all__ = ["main", "render_text"]


class _Item:
    __slots__ = ("id", "text", "error")

    def __init__(self, id: str, text: Optional[str] = None, error: Optional[str] = None) -> None:
        self.id = id
        self.text = text
        self.error = error


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
    errors: List[OSError] = []
    found: List[Path] = []
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


def _inputs(paths: Sequence[str], stdin_mode: str) -> Iterator[_Item]:
    if not paths:
        paths = ["-"]
    for p in paths:
        if p == "-":
            yield from _stdin_items(sys.stdin, stdin_mode)
            continue
        path = Path(p)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield _read_file(path)
        else:
            yield _Item(p, error="no such file or folder")


def render_text(doc: Document, name: Optional[str] = None) -> str:
    """A readable account of one document: speakers with role and affiliation, and their quotes."""
    out: List[str] = []
    if name:
        out.append(f"== {name}")
    if doc.error:
        out.append(f"error: {doc.error}")
        return "\n".join(out)
    if doc.title:
        out.append(f"Title: {doc.title.text}")
    out.append(f"{len(doc.paragraphs)} paragraphs, {len(doc.boilerplate)} boilerplate lines removed, "
               f"{len(doc.entities)} entities, {len(doc.quotes)} quotations")
    order: List[Optional[str]] = []
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


def _record(item: _Item, doc: Optional[Document]) -> Dict[str, Any]:
    if item.error is not None:
        return {"id": item.id, "error": item.error}
    assert doc is not None
    rec: Dict[str, Any] = {"id": item.id}
    rec.update(doc.to_dict())
    if doc.error is None:
        rec.pop("error", None)
    return rec


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="quotex", description="Who said what in French news pages.",
                                 epilog="With no INPUT, standard input is read.")
    ap.add_argument("inputs", nargs="*", metavar="INPUT", help="text files, folders (*.txt, recursively) or - for stdin")
    ap.add_argument("--format", "-f", choices=("text", "json", "jsonl"), default=None,
                    help="output format (default: text for one page, jsonl for several)")
    ap.add_argument("--processes", "-p", type=int, default=1,
                    help="processes that extract: this one and N-1 spawned workers (default 1)")
    ap.add_argument("--batch-size", type=int, default=16, help="texts per batch (default 16)")
    ap.add_argument("--stdin", choices=("auto", "text", "jsonl"), default="auto", help="how to read standard input")
    ap.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    args = ap.parse_args(argv)
    if args.processes < 1 or args.batch_size < 1:
        ap.error("--processes and --batch-size must be at least 1")

    many = len(args.inputs) > 1 or any(Path(p).is_dir() for p in args.inputs if p != "-")
    fmt = args.format

    stop = {"now": False}

    def _interrupt(signum: int, frame: Any) -> None:
        stop["now"] = True

    previous = signal.signal(signal.SIGINT, _interrupt)
    pending: Deque[_Item] = deque()

    def texts() -> Iterator[Optional[str]]:
        for item in _inputs(args.inputs, args.stdin):
            if stop["now"]:
                return
            pending.append(item)
            yield item.text if item.error is None else ""

    from .pipeline import extract_many

    failed = False
    written = 0
    bar = None
    if not args.no_progress and sys.stderr.isatty():
        try:
            from tqdm import tqdm

            bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True)
        except ImportError:  # pragma: no cover - tqdm is a dependency
            bar = None
    out = sys.stdout
    try:
        for doc in extract_many(texts(), batch_size=args.batch_size, n_process=args.processes):
            item = pending.popleft()
            if fmt is None:
                fmt = "jsonl" if (many or len(pending) or item.id.startswith("stdin:")) else "text"
            if item.error is not None or doc.error is not None:
                failed = True
            if fmt == "jsonl":
                out.write(json.dumps(_record(item, doc), ensure_ascii=False) + "\n")
            elif fmt == "json":
                out.write(json.dumps(_record(item, doc), ensure_ascii=False, indent=2) + "\n")
            else:
                block = f"== {item.id}\nerror: {item.error}" if item.error else render_text(doc, item.id if many or written else None)
                out.write(block + "\n\n")
            out.flush()
            written += 1
            if bar is not None:
                bar.update(1)
            if stop["now"]:
                break
    except BrokenPipeError:  # pragma: no cover - reader went away
        return 1
    finally:
        signal.signal(signal.SIGINT, previous)
        if bar is not None:
            bar.close()
    if stop["now"]:
        print("quotex: interrupted", file=sys.stderr)
        return 130
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
