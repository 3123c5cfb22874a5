"""The pipeline: raw page text in, ``Document`` out; one text or a stream of many."""

from __future__ import annotations

import multiprocessing
import os
import sys
import traceback
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any, Optional, Union

from .attribution import attribute
from .boilerplate import LineAnalysis, analyse_lines
from .entities import build_entities
from .model import Document, Paragraph
from .nlp import Segment, get_nlp, parse_many, parse_spans
from .paragraphs import paragraphs
from .quotes import TokenIndex, find_candidates

__all__ = ["Options", "extract", "extract_many", "analyse", "prepare"]

_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True)
class Options:
    """Settings of one extraction run (the defaults are what ``extract`` uses)."""

    remove_boilerplate: bool = True
    batch_size: int = 32


def _check(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(f"quotex.extract expects the page text as str, not {type(text).__name__}")
    return text


def prepare(
    text: str, options: Options = Options()
) -> tuple[LineAnalysis, tuple[Paragraph, ...], list[tuple[int, int, Optional[int]]]]:
    """Stages 1 and 2: line verdicts, paragraphs, and the stretches to parse (title first)."""
    analysis = analyse_lines(text)
    if not options.remove_boilerplate:
        analysis = LineAnalysis(analysis.lines, None, {})
    paras = paragraphs(text, analysis)
    stretches: list[tuple[int, int, Optional[int]]] = []
    title = analysis.title_span(text)
    if title is not None:
        stretches.append((title.start, title.end, None))
    stretches.extend((p.span.start, p.span.end, p.index) for p in paras)
    return analysis, paras, stretches


def analyse(
    text: str,
    analysis: LineAnalysis,
    paras: tuple[Paragraph, ...],
    segments: Sequence[Segment],
    stretches: Sequence[tuple[int, int, Optional[int]]],
) -> Document:
    """Stages 3 to 5 over parsed segments (shared by ``extract`` and the spaCy component)."""
    table = build_entities(text, segments)
    ix = TokenIndex(segments)
    cands = find_candidates(text, segments, stretches, ix)
    title = analysis.title_span(text)
    quotes = attribute(text, ix, table, cands, (title.start, title.end) if title is not None else None)
    return Document(
        text=text,
        title=title,
        paragraphs=paras,
        boilerplate=analysis.boilerplate(text),
        entities=table.freeze(),
        quotes=quotes,
    )


def extract(text: str, options: Options = Options()) -> Document:
    """Extract title, paragraphs, boilerplate, entities and quotations from one page's raw text.

    Raises ``TypeError`` when ``text`` is not a ``str``; empty or blank text gives an empty
    Document. The spaCy model is loaded on the first call and reused.
    """
    _check(text)
    if not text.strip():
        return Document(text=text)
    analysis, paras, stretches = prepare(text, options)
    segments = parse_spans(text, stretches, batch_size=options.batch_size)
    return analyse(text, analysis, paras, segments, stretches)


def _safe_extract(text: Any, options: Options) -> Document:
    try:
        return extract(text, options)
    except Exception as exc:  # one bad item must not stop the stream
        shown = text if isinstance(text, str) else ""
        return Document(text=shown, error=f"{type(exc).__name__}: {exc}")


def _extract_batch(texts: Sequence[Any], options: Options) -> list[Document]:
    """Extract a batch, parsing all its paragraphs in one ``nlp.pipe`` stream."""
    prepared = []
    out: list[Optional[Document]] = [None] * len(texts)
    for n, text in enumerate(texts):
        try:
            _check(text)
            if not text.strip():
                out[n] = Document(text=text)
                continue
            prepared.append((n, text, prepare(text, options)))
        except Exception as exc:
            shown = text if isinstance(text, str) else ""
            out[n] = Document(text=shown, error=f"{type(exc).__name__}: {exc}")
    try:
        parsed = parse_many([(text, st) for _, text, (_, _, st) in prepared], batch_size=options.batch_size)
    except Exception:
        parsed = None  # parse one by one below, so that one bad text cannot sink the batch
    for m, (n, text, (analysis, paras, stretches)) in enumerate(prepared):
        try:
            if parsed is not None:
                segments, parsed[m] = parsed[m], []  # a finished text's parse is not kept alive
            else:
                segments = parse_spans(text, stretches, batch_size=options.batch_size)
            out[n] = analyse(text, analysis, paras, segments, stretches)
        except Exception as exc:
            out[n] = Document(text=text, error=f"{type(exc).__name__}: {exc}")
    return [d if d is not None else Document(text="", error="internal: no result") for d in out]


def _worker_init() -> None:
    get_nlp()


def _worker_ready() -> None:
    """A no-op task: done once a worker has started and loaded the model."""


def _worker(args: tuple[list[Any], Options]) -> list[Document]:
    texts, options = args
    try:
        return _extract_batch(texts, options)
    except Exception:  # pragma: no cover - last guard, keeps the stream going
        err = traceback.format_exc(limit=1).strip().splitlines()[-1]
        return [Document(text=t if isinstance(t, str) else "", error=err) for t in texts]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


def _extract_serial(texts: Iterable[Any], batch_size: int, options: Options) -> Iterator[Document]:
    for chunk in _chunks(texts, batch_size):
        yield from _extract_batch(chunk, options)


def _spawn_problem() -> Optional[str]:
    """Why spawned workers cannot start from this process, or None.

    A spawned worker re-imports the parent's main module from its file; a script read from
    standard input (``python - < script.py``) or typed at a prompt named ``<stdin>`` has none.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if path is None or os.path.isfile(path):
        return None
    return f"the main module ({path}) is not a file that worker processes can import"


@contextmanager
def _one_thread_per_worker() -> Iterator[None]:
    """Workers started inside inherit one math-library thread each (n workers share the cores)."""
    saved = {k: os.environ.get(k) for k in _THREAD_VARS}
    for k in _THREAD_VARS:
        os.environ.setdefault(k, "1")
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _fallback_warning(reason: str) -> None:
    warnings.warn(
        f"quotex.extract_many: {reason}; continuing in this process (n_process=1). "
        'Run it from a script file whose entry point is guarded by `if __name__ == "__main__":`.',
        RuntimeWarning,
        stacklevel=2,
    )


def _extract_parallel(
    texts: Iterable[Any],
    batch_size: int,
    n_process: int,
    options: Options,
    wait_for_workers: bool = False,
    tally: Optional[dict[str, int]] = None,
) -> Iterator[Document]:
    """``n_process`` processes extract: this one and ``n_process - 1`` spawned workers.

    This process takes a batch itself whenever the workers have enough queued or are still starting
    (each loads spaCy and the model, a few seconds), so a short stream never waits for them and no
    core waits on a feeder. ``wait_for_workers`` waits for them to start first; ``tally`` counts
    the batches done by ``"workers"`` and by ``"here"`` (both for tests).
    """
    tally = {} if tally is None else tally
    problem = _spawn_problem()
    if problem is not None:
        _fallback_warning(problem)
        yield from _extract_serial(texts, batch_size, options)
        return
    workers = n_process - 1
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_worker_init)
    try:
        with _one_thread_per_worker():
            # start every worker now, while the thread settings are in the environment
            started = [pool.submit(_worker_ready) for _ in range(workers)]
        if wait_for_workers:
            wait(started)
        plan = _Schedule(pool, started, options, tally)
        for chunk in _chunks(texts, batch_size):
            plan.add(chunk)
            while plan.ready() or len(plan.pending) > 4 * _QUEUED_PER_WORKER * n_process:
                yield from plan.collect()
        while plan.pending:
            yield from plan.collect()
    finally:
        # every result has been handed over (or the consumer stopped early): stop the workers now
        # rather than let one still loading the model finish it for nothing
        procs = list((getattr(pool, "_processes", None) or {}).values())  # no public handle before 3.14
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


_QUEUED_PER_WORKER = 2  # batches a started worker may hold


class _Schedule:
    """Batches in input order, each done by a worker (a future) or here (the documents).

    A batch goes to the workers while they hold fewer than ``_QUEUED_PER_WORKER`` each (none before
    one has loaded the model), else this process extracts it at once. A pool that breaks (a worker
    died or could not start) gets nothing more; the batches it held are redone here.
    """

    def __init__(
        self, pool: ProcessPoolExecutor, started: list[Future[None]], options: Options, tally: dict[str, int]
    ) -> None:
        self.pool = pool
        self.started = started
        self.options = options
        self.tally = tally
        self.pending: deque[tuple[list[Any], Union[Future[list[Document]], list[Document]]]] = deque()
        self.in_flight = 0
        self.broken = False

    def _break(self, reason: str) -> None:
        if not self.broken:
            _fallback_warning(reason)
        self.broken = True

    def capacity(self) -> int:
        """Batches the workers may hold: none until one has loaded the model."""
        up = 0
        for f in self.started:
            if f.done():
                if f.exception() is not None:
                    self._break("worker processes could not start")
                    return 0
                up += 1
        return _QUEUED_PER_WORKER * up

    def add(self, chunk: list[Any]) -> None:
        if not self.broken and self.in_flight < self.capacity():
            self.pending.append((chunk, self.pool.submit(_worker, (chunk, self.options))))
            self.in_flight += 1
        else:
            self.pending.append((chunk, _extract_batch(chunk, self.options)))

    def ready(self) -> bool:
        return bool(self.pending) and (isinstance(self.pending[0][1], list) or self.pending[0][1].done())

    def _count(self, who: str) -> None:
        self.tally[who] = self.tally.get(who, 0) + 1

    def collect(self) -> list[Document]:
        """The first pending batch's documents (waiting for its worker if need be)."""
        batch, result = self.pending.popleft()
        if isinstance(result, list):
            self._count("here")
            return result
        self.in_flight -= 1
        try:
            docs = result.result()
            self._count("workers")
            return docs
        except BrokenProcessPool:
            # a worker died (killed, out of memory): redo its batch here, never lose a record
            self._break("a worker process died or could not start")
            self._count("here")
            return _extract_batch(batch, self.options)


def extract_many(
    texts: Iterable[Any], batch_size: int = 16, n_process: int = 1, options: Options = Options()
) -> Iterator[Document]:
    """Extract from many texts lazily, results in input order, memory flat.

    An item that is not a str, or that fails, yields a Document whose ``error`` says why; the
    stream goes on. With ``n_process > 1``, ``n_process`` processes extract: this one and
    ``n_process - 1`` spawned workers (each loads the model once, a few seconds); a bounded number
    of batches is in flight. If the workers cannot start (a main module without a file, e.g. a
    script piped to ``python -``, or no ``if __name__ == "__main__":`` guard) or one dies, a
    ``RuntimeWarning`` says so and the remaining batches are extracted in this process.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if n_process is None or n_process < 1:
        raise ValueError("n_process must be at least 1")
    if n_process == 1:
        yield from _extract_serial(texts, batch_size, options)
    else:
        yield from _extract_parallel(texts, batch_size, n_process, options)
