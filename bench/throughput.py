"""Throughput and memory of quotex against bare spaCy, on the same texts, in one run.

    python bench/throughput.py [--corpora ../shared/corpora] [--repeat 4] [--limit 600] [--news-only]
                               [--rounds 8] [--batch-size 32] [--no-scaling] [--no-adversarial]

Headline workload: the 64 real scraped pages of news-dev (53 sites, boilerplate and all), ``--repeat``
times. Second workload: article-sized pieces (300 to 1,300 characters, cut at paragraph or sentence
ends) of the aads_french novels. Bare spaCy is ``spacy.load("fr_core_news_sm")`` with its default
pipeline over ``nlp.pipe``; quotex is ``quotex.extract_many`` end to end; same batch size. Each
workload is split into ``--rounds`` chunks and the two are run alternately on each chunk (which one
goes first alternates too), so that machine noise falls on both. Prints articles/s and tokens/s of
both, the ratio quotex/spaCy in wall-clock and CPU time, import time of quotex (fresh interpreter),
peak RSS, the speed-up of ``n_process=2`` over one process on the news pages (run one, two, one,
two), and the slowest adversarial inputs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# one BLAS thread for both, as in quotex's worker processes: the figures are per core, and a second
# BLAS thread on a two-core machine only adds noise (``--blas-threads`` to change it)
if __name__ == "__main__":
    _threads = sys.argv[sys.argv.index("--blas-threads") + 1] if "--blas-threads" in sys.argv[:-1] else "1"
    for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[_var] = _threads

_SENTENCE_END = re.compile(r"(?<=[.!?…»])\s+(?=[«A-ZÀÂÉÈÊÎÔÛÇ—–-])")


def _units(text: str, longest: int = 700) -> Iterator[str]:
    """Paragraphs of a novel; a paragraph longer than ``longest`` is cut at sentence ends."""
    for para in text.split("\n"):
        if len(para) <= longest:
            yield para
            continue
        part = ""
        for sentence in _SENTENCE_END.split(para):
            if part and len(part) + len(sentence) > longest:
                yield part
                part = ""
            part = f"{part} {sentence}" if part else sentence
        if part:
            yield part


def news_texts(corpora: Path, repeat: int = 1) -> list[str]:
    """The real scraped pages of news-dev (64 pages of 53 sites), ``repeat`` times: the headline workload."""
    pages = [p.read_text(encoding="utf-8") for p in sorted((corpora / "news-dev").glob("*.txt"))]
    return pages * repeat


def novel_texts(corpora: Path, limit: int = 0) -> list[str]:
    """Article-sized pieces (300 to 1,300 characters, cut at paragraph or sentence ends) of the aads novels."""
    texts: list[str] = []
    aads = corpora / "aads_french" / "aggregated_corpus.json"
    if aads.exists():
        data = json.loads(aads.read_text(encoding="utf-8"))
        sizes = random.Random(7)
        for name in sorted(data):
            piece: list[str] = []
            size, target = 0, sizes.randint(300, 1300)
            for unit in _units(data[name]["text"]):
                piece.append(unit)
                size += len(unit) + 1
                if size >= target:
                    texts.append("\n".join(piece))
                    piece, size, target = [], 0, sizes.randint(300, 1300)
    texts.sort(key=lambda t: zlib.crc32(t.encode("utf-8")))
    return texts[:limit] if limit else texts


def load_texts(corpora: Path, workload: str, repeat: int = 1, limit: int = 0) -> list[str]:
    """The texts of one workload: ``news`` (the news-dev pages) or ``novels`` (pieces of novels)."""
    return news_texts(corpora, repeat) if workload == "news" else novel_texts(corpora, limit)


def peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM on Linux; ru_maxrss elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def quotex_alone_rss(corpora: Path, workload: str, repeat: int, limit: int) -> str:
    """Peak RSS of a fresh process that only imports quotex and extracts the texts of a workload."""
    here = str(Path(__file__).resolve().parent)
    code = (
        f"import sys; sys.path.insert(0, {here!r})\n"
        "from pathlib import Path\n"
        "from throughput import load_texts, peak_rss_mb\n"
        f"texts = load_texts(Path({str(corpora)!r}), {workload!r}, {repeat:d}, {limit:d})\n"
        "import quotex\n"
        "n = sum(len(d.quotes) for d in quotex.extract_many(texts))\n"
        "print(peak_rss_mb())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return out.stdout.strip() or out.stderr.strip()[-300:]


def compare(name: str, texts: list[str], nlp: Any, rounds: int, batch_size: int) -> float:
    """Bare spaCy and quotex on the same texts, alternated chunk by chunk; prints and returns the
    wall-clock ratio quotex/spaCy (above 1: quotex is faster)."""
    import quotex

    chars = sum(len(t) for t in texts)
    print(f"\n== {name}: {len(texts)} texts ({chars:,} characters), {rounds} rounds, batch {batch_size}")
    chunks = [texts[i::rounds] for i in range(rounds)]
    t_spacy = t_quotex = 0.0  # wall-clock seconds
    c_spacy = c_quotex = 0.0  # CPU seconds of this process (less sensitive to other load on the machine)
    tokens = 0
    quotes = 0
    for n, chunk in enumerate(chunks):
        # alternate which one runs first, so that neither always inherits a warm cache
        order = ("spacy", "quotex") if n % 2 == 0 else ("quotex", "spacy")
        for who in order:
            t0, c0 = time.perf_counter(), time.process_time()
            if who == "spacy":
                for doc in nlp.pipe(chunk, batch_size=batch_size):
                    tokens += len(doc)
                t_spacy += time.perf_counter() - t0
                c_spacy += time.process_time() - c0
            else:
                for d in quotex.extract_many(chunk, batch_size=batch_size):
                    quotes += len(d.quotes)
                t_quotex += time.perf_counter() - t0
                c_quotex += time.process_time() - c0
        print(f"  round {n + 1}/{len(chunks)}: spaCy {t_spacy:.1f} s, quotex {t_quotex:.1f} s so far", flush=True)
    a_s, a_q = len(texts) / t_spacy, len(texts) / t_quotex
    ratio = a_q / a_s
    print(f"bare spaCy : {a_s:7.1f} articles/s  {tokens / t_spacy:9.0f} tokens/s   (CPU {c_spacy:.1f} s)")
    print(
        f"quotex     : {a_q:7.1f} articles/s  {tokens / t_quotex:9.0f} tokens/s   (CPU {c_quotex:.1f} s)  "
        f"({quotes} quotations)  [tokens: spaCy's count of the same texts]"
    )
    print(f"ratio quotex/spaCy on {name}: {ratio:.2f} wall clock, {c_spacy / c_quotex:.2f} CPU time")
    return ratio


def import_time() -> float:
    code = "import time; t = time.perf_counter(); import quotex; print(time.perf_counter() - t)"
    best = min(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(3)
    )
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--corpora", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
    )
    ap.add_argument("--repeat", type=int, default=4, help="how many times the news pages are run (default 4)")
    ap.add_argument("--limit", type=int, default=600, help="how many pieces of novels (default 600; 0: all)")
    ap.add_argument("--news-only", action="store_true", help="only the news pages")
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument(
        "--blas-threads", default="1", help="BLAS threads of this process (default 1; set before numpy loads)"
    )
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--no-scaling", action="store_true", help="skip the two-process run")
    ap.add_argument("--no-adversarial", action="store_true")
    args = ap.parse_args()

    workloads = {
        f"news pages (the {len(news_texts(args.corpora))} news-dev pages x{args.repeat})": (
            "news",
            news_texts(args.corpora, args.repeat),
        ),
    }
    if not args.news_only:
        novels = novel_texts(args.corpora, args.limit)
        if novels:
            workloads["pieces of novels (aads_french)"] = ("novels", novels)
    print(f"import quotex: {import_time() * 1000:.0f} ms (best of 3, fresh interpreter)")
    print(f"BLAS threads: {os.environ.get('OPENBLAS_NUM_THREADS')}")

    import spacy

    import quotex

    t0 = time.perf_counter()
    nlp = spacy.load("fr_core_news_sm")
    print(f"spaCy model load: {time.perf_counter() - t0:.2f} s")
    quotex.extract("Chauffe.")  # load quotex's model outside the timings
    print(f"peak RSS after loading both: {peak_rss_mb():.0f} MB")

    ratios = {name: compare(name, texts, nlp, args.rounds, args.batch_size) for name, (_, texts) in workloads.items()}
    print(f"\npeak RSS of this process (bare spaCy and quotex models both loaded): {peak_rss_mb():.0f} MB")
    for name, (workload, _texts) in workloads.items():
        rss = quotex_alone_rss(args.corpora, workload, args.repeat, args.limit)
        print(f"peak RSS of a process running quotex alone on the {name}: {float(rss):.0f} MB")
    headline = next(iter(ratios))
    print(f"\nheadline: quotex/spaCy {ratios[headline]:.2f} on the {headline}")
    texts = workloads[headline][1]

    if not args.no_scaling:
        # one process against two on the same texts, alternated twice (one, two, one, two)
        sample = texts
        runs: dict[int, list[float]] = {1: [], 2: []}
        first = 0.0
        for n_process in (1, 2, 1, 2):
            t0 = time.perf_counter()
            for k, _ in enumerate(quotex.extract_many(sample, batch_size=args.batch_size, n_process=n_process)):
                if k == 0 and n_process == 2:
                    first = time.perf_counter() - t0
            runs[n_process].append(time.perf_counter() - t0)
            print(f"  n_process={n_process}: {runs[n_process][-1]:.1f} s", flush=True)
        one, two = sum(runs[1]), sum(runs[2])
        # what one worker pays before its first batch: a fresh interpreter imports quotex and loads the model
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import quotex.nlp as n; n.get_nlp()"], check=True)
        startup = time.perf_counter() - t0
        print(
            f"n_process=2 on {len(sample)} of these texts: {one / 2:.1f} s -> {two / 2:.1f} s (mean of two runs each), "
            f"speed-up {one / two:.2f}x end to end (first result after {first:.1f} s)"
        )
        print(
            f"  (this process and one spawned worker, which first loads spaCy and the model: {startup:.1f} s "
            f"in a fresh interpreter; this process extracts meanwhile)"
        )

    if not args.no_adversarial:
        cases = {
            "100,000 « without a close": "«" * 100_000,
            "alternating quote marks": '« " “ ” » ' * 20_000,
            "1 MB line without a space": "a" * 1_000_000,
            "50,000 tiny paragraphs": "Oui.\n\n" * 50_000,
            "deep nesting": "« “ " * 5_000 + "mot" + " ” »" * 5_000,
            "5 MB article": ("Le ministre a déclaré que la réforme serait votée. « Nous tiendrons », a-t-il ajouté.\n")
            * 60_000,
        }
        for name, text in cases.items():
            t0 = time.perf_counter()
            doc = quotex.extract(text)
            print(
                f"adversarial: {name:28s} {time.perf_counter() - t0:6.2f} s  ({len(doc.quotes)} quotations)", flush=True
            )
        print(f"peak RSS after adversarial inputs: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
