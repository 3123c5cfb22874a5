"""Evaluation: ``python -m quotex.evaluate GOLD... [--verbose] [--split test]``.

GOLD is a folder (or files) of annotated pages in the news gold format (``NAME.txt`` with
``NAME.json``: quotes with type, content, speaker, cue; boilerplate lines; persons; organisations),
or the aads_french folder / its ``aggregated_corpus.json`` (direct-speech spans in novels).

Scores (news):
* quotes: precision, recall, F1 where a prediction matches a gold quote when their content word
  tokens overlap with F1 >= 0.5 (one-to-one, best overlap first); the same at >= 0.8 (near-exact);
  per type (recall by gold type, precision by predicted type); ``optional_quotes`` neither count as
  misses nor make a matching prediction spurious;
* speaker accuracy on matched quotes with a gold speaker (the predicted entity's name or an alias
  names the gold speaker; a surname match counts), and end-to-end quote-with-right-speaker recall;
* boilerplate: share of gold boilerplate lines removed (no kept paragraph or title overlaps them),
  share of article lines kept;
* organisations: share of gold organisations found among ORG entities (name, alias or mention with
  token F1 >= 0.6).
aads: direct-speech span precision, recall and F1 at overlap 0.5 (character overlap F1).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import regex

from .model import Document, Entity

__all__ = ["token_f1", "match", "score_news", "score_aads", "main", "NewsScores", "load_news"]

_TOKEN = regex.compile(r"\w+")
_DETS = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "m", "mme", "me"}


def tokens(s: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(s.replace("’", "'"))]


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    inter = sum((ta & tb).values())
    if not inter:
        return 0.0
    p = inter / sum(ta.values())
    r = inter / sum(tb.values())
    return 2 * p * r / (p + r)


def match(preds: Sequence[str], golds: Sequence[str], threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one matching, best overlap first: (pred index, gold index, overlap)."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            f = token_f1(p, g)
            if f >= threshold:
                pairs.append((f, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p, used_g = set(), set()
    out = []
    for f, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j, f))
    return out


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def _name_tokens(s: str) -> list[str]:
    return [t for t in tokens(_strip_accents(s)) if t not in _DETS]


def names_match(gold: str, entity: Optional[Entity]) -> bool:
    """The entity names the gold speaker: same name, an alias, a surname, or token F1 >= 0.6."""
    if entity is None:
        return False
    g = _name_tokens(gold)
    if not g:
        return False
    for name in (entity.name, *entity.aliases, *(m.text for m in entity.mentions)):
        p = _name_tokens(name)
        if not p:
            continue
        if p == g or g[-1] in p or (len(p[-1]) > 2 and p[-1] in g):
            return True
        if token_f1(" ".join(p), " ".join(g)) >= 0.6:
            return True
    return False


@dataclass
class NewsScores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp8: int = 0
    fp8: int = 0
    fn8: int = 0
    by_type_gold: Counter[str] = field(default_factory=Counter)
    by_type_found: Counter[str] = field(default_factory=Counter)
    by_type_pred: Counter[str] = field(default_factory=Counter)
    by_type_pred_ok: Counter[str] = field(default_factory=Counter)
    speaker_total: int = 0
    speaker_ok: int = 0
    e2e_ok: int = 0
    gold_total: int = 0
    bp_total: int = 0
    bp_removed: int = 0
    art_total: int = 0
    art_kept: int = 0
    org_total: int = 0
    org_found: int = 0
    log: list[str] = field(default_factory=list)

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f

    def summary(self) -> dict[str, float]:
        p, r, f = self.prf(self.tp, self.fp, self.fn)
        p8, r8, f8 = self.prf(self.tp8, self.fp8, self.fn8)
        out = {
            "quote_precision": p,
            "quote_recall": r,
            "quote_f1": f,
            "near_exact_precision": p8,
            "near_exact_recall": r8,
            "near_exact_f1": f8,
            "speaker_accuracy": 100 * self.speaker_ok / self.speaker_total if self.speaker_total else 0.0,
            "quote_with_speaker_recall": 100 * self.e2e_ok / self.gold_total if self.gold_total else 0.0,
            "boilerplate_removed": 100 * self.bp_removed / self.bp_total if self.bp_total else 100.0,
            "article_lines_kept": 100 * self.art_kept / self.art_total if self.art_total else 100.0,
            "organisations_found": 100 * self.org_found / self.org_total if self.org_total else 100.0,
        }
        for t in ("direct", "indirect", "mixed"):
            g = self.by_type_gold[t]
            pr = self.by_type_pred[t]
            out[f"{t}_recall"] = 100 * self.by_type_found[t] / g if g else 0.0
            out[f"{t}_precision"] = 100 * self.by_type_pred_ok[t] / pr if pr else 0.0
        return out


def load_news(paths: Iterable[Path]) -> list[tuple[str, str, dict[str, Any]]]:
    """(name, text, gold) for every NAME.json with its NAME.txt under the given paths."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(p.glob("*.json")))
        elif p.suffix == ".json":
            files.append(p)
    out = []
    for f in files:
        gold = json.loads(f.read_text(encoding="utf-8"))
        if not isinstance(gold, dict) or "quotes" not in gold:
            continue
        txt = f.with_name(gold.get("file") or f.with_suffix(".txt").name)
        if not txt.exists():
            txt = f.with_suffix(".txt")
        out.append((f.stem, txt.read_text(encoding="utf-8"), gold))
    return out


def _line_spans(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def score_news(
    items: Sequence[tuple[str, str, dict[str, Any]]], docs: Sequence[Document], verbose: bool = False
) -> NewsScores:
    sc = NewsScores()
    for (name, text, gold), doc in zip(items, docs):
        _score_one(sc, name, text, gold, doc, verbose)
    return sc


def _score_one(sc: NewsScores, name: str, text: str, gold: dict[str, Any], doc: Document, verbose: bool) -> None:
    golds = [q for q in gold.get("quotes", []) if q.get("content")]
    optional = [q for q in gold.get("optional_quotes", []) if q.get("content")]
    preds = list(doc.quotes)
    pc = [q.content.text for q in preds]
    gc = [q["content"] for q in golds]
    for threshold in (0.5, 0.8):
        pairs = match(pc, gc, threshold)
        matched_p = {i for i, _, _ in pairs}
        rest = [i for i in range(len(preds)) if i not in matched_p]
        opt_pairs = match([pc[i] for i in rest], [q["content"] for q in optional], threshold)
        spurious = len(rest) - len(opt_pairs)
        if threshold == 0.5:
            sc.tp += len(pairs)
            sc.fn += len(golds) - len(pairs)
            sc.fp += spurious
            sc.gold_total += len(golds)
            for q in golds:
                sc.by_type_gold[q["type"]] += 1
            for q in preds:
                sc.by_type_pred[q.type] += 1
            opt_ok = {rest[i] for i, _, _ in opt_pairs}
            for i in opt_ok:
                sc.by_type_pred_ok[preds[i].type] += 1
            gmatched = {j: i for i, j, _ in pairs}
            for j, q in enumerate(golds):
                if j not in gmatched:
                    sc.log.append(
                        f"{name}: MISS {q['type']} «{q['content'][:90]}» ({q.get('speaker')}, cue {q.get('cue')!r})"
                    )
                    continue
                i = gmatched[j]
                pred = preds[i]
                sc.by_type_found[q["type"]] += 1
                sc.by_type_pred_ok[pred.type] += 1
                if q.get("speaker"):
                    sc.speaker_total += 1
                    ent = doc.speaker_of(pred)
                    if names_match(q["speaker"], ent):
                        sc.speaker_ok += 1
                        sc.e2e_ok += 1
                    else:
                        sc.log.append(
                            f"{name}: SPEAKER «{q['content'][:60]}» gold {q['speaker']!r}, got {ent.name if ent else None!r}"
                            f" (mention {pred.speaker_mention.text if pred.speaker_mention else None!r}, cue {pred.cue.text if pred.cue else None!r})"
                        )
                else:
                    sc.e2e_ok += 1
            opt_matched = {rest[i] for i, _, _ in opt_pairs}
            for i in rest:
                if i not in opt_matched:
                    q = preds[i]
                    sc.log.append(
                        f"{name}: SPURIOUS {q.type} «{q.content.text[:90]}» (cue {q.cue.text if q.cue else None!r})"
                    )
        else:
            sc.tp8 += len(pairs)
            sc.fn8 += len(golds) - len(pairs)
            sc.fp8 += spurious
    # boilerplate and kept lines
    kept = [p.span for p in doc.paragraphs] + ([doc.title] if doc.title else [])
    bp = set(gold.get("boilerplate_lines", []))
    for n, (s, e) in enumerate(_line_spans(text)):
        if not text[s:e].strip():
            continue
        overlapped = any(k.start < e and s < k.end for k in kept)
        if n in bp:
            sc.bp_total += 1
            sc.bp_removed += not overlapped
            if overlapped:
                sc.log.append(f"{name}: BOILERPLATE KEPT line {n}: {text[s:e][:80]!r}")
        else:
            sc.art_total += 1
            sc.art_kept += overlapped
            if not overlapped:
                sc.log.append(f"{name}: ARTICLE LINE REMOVED line {n}: {text[s:e][:80]!r}")
    # organisations
    orgs = [e for e in doc.entities if e.label == "ORG"]
    for o in gold.get("organisations", []):
        sc.org_total += 1
        names = [n for e in orgs for n in (e.name, *e.aliases, *(m.text for m in e.mentions))]
        if any(token_f1(o, n) >= 0.6 for n in names):
            sc.org_found += 1
        else:
            sc.log.append(f"{name}: ORG MISSED {o!r}")


def _spans_f1(
    pred: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]], threshold: float = 0.5
) -> tuple[int, int, int]:
    pairs = []
    gs = sorted(gold)
    import bisect

    starts = [g[0] for g in gs]
    for i, (ps, pe) in enumerate(pred):
        lo = bisect.bisect_left(starts, ps - 5000)
        for j in range(lo, len(gs)):
            gs_, ge = gs[j]
            if gs_ >= pe:
                break
            inter = min(pe, ge) - max(ps, gs_)
            if inter <= 0:
                continue
            f = 2 * inter / ((pe - ps) + (ge - gs_))
            if f >= threshold:
                pairs.append((f, i, j))
    pairs.sort(key=lambda x: -x[0])
    up, ug = set(), set()
    tp = 0
    for _f, i, j in pairs:
        if i in up or j in ug:
            continue
        up.add(i)
        ug.add(j)
        tp += 1
    return tp, len(pred) - tp, len(gold) - tp


def score_aads(path: Path, split: str, verbose: bool = False, limit: Optional[int] = None) -> dict[str, Any]:
    from .pipeline import extract_many

    f = path / "aggregated_corpus.json" if path.is_dir() else path
    data = json.loads(f.read_text(encoding="utf-8"))
    names = [k for k, v in data.items() if split in ("all", v.get("split"))]
    if limit:
        names = names[:limit]
    groups: dict[str, list[int]] = {}
    docs = extract_many((data[n]["text"] for n in names), batch_size=1)
    for n, doc in zip(names, docs):
        gold = [tuple(x) for x in data[n]["labels"]]
        pred = [(q.content.start, q.content.end) for q in doc.quotes if q.type == "direct"]
        tp, fp, fn = _spans_f1(pred, gold)
        group = "noisy" if data[n].get("original_corpus") == "straight_talk" else "main"
        for key in (group, "all"):
            g = groups.setdefault(key, [0, 0, 0])
            g[0] += tp
            g[1] += fp
            g[2] += fn
        if verbose:
            print(f"  {n}: tp {tp} fp {fp} fn {fn}", file=sys.stderr)
    out: dict[str, Any] = {}
    for key, (tp, fp, fn) in groups.items():
        p, r, f1 = NewsScores.prf(tp, fp, fn)
        out[key] = {"precision": p, "recall": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn}
    out["documents"] = len(names)
    return out


def _print_news(sc: NewsScores, n_docs: int) -> None:
    s = sc.summary()
    print(f"news: {n_docs} articles, {sc.gold_total} gold quotes")
    print(f"quotes (overlap>=0.5):  P {s['quote_precision']:.1f}  R {s['quote_recall']:.1f}  F1 {s['quote_f1']:.1f}")
    print(
        f"quotes (overlap>=0.8):  P {s['near_exact_precision']:.1f}  R {s['near_exact_recall']:.1f}  F1 {s['near_exact_f1']:.1f}"
    )
    for t in ("direct", "indirect", "mixed"):
        print(
            f"  {t:9s} recall {s[t + '_recall']:.1f} ({sc.by_type_found[t]}/{sc.by_type_gold[t]})  precision {s[t + '_precision']:.1f} ({sc.by_type_pred_ok[t]}/{sc.by_type_pred[t]})"
        )
    print(f"speaker accuracy (matched): {s['speaker_accuracy']:.1f} % ({sc.speaker_ok}/{sc.speaker_total})")
    print(f"quote-with-speaker recall:  {s['quote_with_speaker_recall']:.1f} % ({sc.e2e_ok}/{sc.gold_total})")
    print(
        f"boilerplate removed: {s['boilerplate_removed']:.1f} % ({sc.bp_removed}/{sc.bp_total});  article lines kept: {s['article_lines_kept']:.1f} % ({sc.art_kept}/{sc.art_total})"
    )
    print(f"organisations found: {s['organisations_found']:.1f} % ({sc.org_found}/{sc.org_total})")


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m quotex.evaluate", description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+", type=Path, help="gold folders or files (news format, or aads_french)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every miss, spurious quote and wrong speaker")
    ap.add_argument("--split", default="test", help="aads_french split: train, val, test or all (default test)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    from .pipeline import extract_many

    news_paths = []
    results: dict[str, Any] = {}
    for p in args.gold:
        if not p.exists():
            print(f"error: {p}: no such file or folder", file=sys.stderr)
            return 2
        if (p / "aggregated_corpus.json").exists() or p.name == "aggregated_corpus.json":
            res = score_aads(p, args.split, args.verbose)
            results["aads_french"] = res
            if not args.json:
                print(
                    f"aads_french ({args.split} split, {res['documents']} documents): direct-speech spans at overlap 0.5"
                )
                for key in ("main", "noisy", "all"):
                    if key in res:
                        r = res[key]
                        print(
                            f"  {key:5s}  P {r['precision']:.1f}  R {r['recall']:.1f}  F1 {r['f1']:.1f}  (tp {r['tp']}, fp {r['fp']}, fn {r['fn']})"
                        )
        else:
            news_paths.append(p)
    failed: list[tuple[str, str]] = []
    if news_paths:
        items = load_news(news_paths)
        docs = list(extract_many((t for _, t, _ in items)))
        failed = [(name, d.error) for (name, _, _), d in zip(items, docs) if d.error]
        for name, err in failed:
            print(f"error: {name}: extraction failed ({err}); scored as an empty document", file=sys.stderr)
        sc = score_news(items, docs, args.verbose)
        results["news"] = sc.summary()
        if not args.json:
            _print_news(sc, len(items))
            if args.verbose:
                print()
                for line in sc.log:
                    print(line)
    if args.json:
        print(json.dumps(results, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
