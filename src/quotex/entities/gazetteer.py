"""The gazetteer of organisations and places (``data/organisations.jsonl``): names, aliases and
acronyms found in a text by a word-indexed scan."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import Optional

import regex

from .. import resources
from .table import _key


def _alias_pattern(alias: str) -> str:
    parts = []
    for ch in alias:
        if ch in "'’":
            parts.append("['’]")
        elif ch == " ":
            parts.append(r"\s+")
        elif ch == "-":
            parts.append(r"[-\s]")
        else:
            parts.append(regex.escape(ch))
    return "".join(parts)


_WORD_START = regex.compile(r"(?<![\w-])\w+")


class _AliasSet:
    """Aliases compiled into one alternation (longest first), tried only where a word that
    begins one of them starts: the same matches as scanning the text with the alternation, at a
    fraction of the cost (an alternation of hundreds of literals is tried at every position)."""

    def __init__(self, aliases: list[str], fold: bool) -> None:
        alts = sorted(set(aliases), key=len, reverse=True)
        self.fold = fold
        self.flags = regex.I if fold else 0
        self.scan = regex.compile(
            r"(?<![\w-])(?:" + ("|".join(_alias_pattern(a) for a in alts) or "(?!)") + r")(?![\w-])", self.flags
        )
        # the aliases by their first word, longest first (None when one does not begin with a
        # word character: then the whole text is scanned). At a word start only the aliases that
        # begin with that very word can match, as the next character of an alias is not a word's.
        self.firsts: Optional[dict[str, list[str]]] = {}
        for alias in alts:
            m = _WORD_START.match(alias)
            if m is None:
                self.firsts = None
                break
            self.firsts.setdefault(self._norm(m.group(0)), []).append(alias)
        self._compiled: dict[str, regex.Pattern[str]] = {}

    def _norm(self, word: str) -> str:
        return word.lower() if self.fold else word

    def match_at(self, text: str, pos: int, end: int, key: str) -> Optional[tuple[int, int, str]]:
        """The longest alias beginning with the word ``key`` that matches at ``pos``."""
        rx = self._compiled.get(key)
        if rx is None:
            assert self.firsts is not None
            body = "|".join(_alias_pattern(a) for a in self.firsts[key])
            rx = self._compiled[key] = regex.compile(r"(?:" + body + r")(?![\w-])", self.flags)
        m = rx.match(text, pos, end)
        return (m.start(), m.end(), m.group(0)) if m else None


@cache
def _first_words(sets: tuple[_AliasSet, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The words that begin an alias of ``sets``: as written (case-sensitive sets) and in lower
    case (case-folding sets)."""
    exact = frozenset(w for a in sets if not a.fold for w in a.firsts or ())
    folded = frozenset(w for a in sets if a.fold for w in a.firsts or ())
    return exact, folded


def _scan(sets: Sequence[_AliasSet], text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """The matches of several alias sets, reading the words of the text once."""
    if any(a.firsts is None for a in sets):
        for a in sets:
            for m in a.scan.finditer(text, start, end):
                yield m.start(), m.end(), m.group(0)
        return
    after = [start] * len(sets)
    exact_keys, folded_keys = _first_words(tuple(sets))
    for w in _WORD_START.finditer(text, start, end):
        word = w.group(0)
        if word not in exact_keys and word.lower() not in folded_keys:
            continue  # most words begin no alias: one look in each of two sets
        lower = None
        for n, a in enumerate(sets):
            if w.start() < after[n]:
                continue
            if a.fold:
                lower = word.lower() if lower is None else lower
            key = lower if a.fold else word
            if key in a.firsts:  # type: ignore[operator]
                hit = a.match_at(text, w.start(), end, key)  # type: ignore[arg-type]
                if hit:
                    after[n] = hit[1]
                    yield hit


@cache
def _gazetteer() -> tuple[_AliasSet, _AliasSet, dict[str, tuple[str, str]]]:
    exact: list[str] = []
    folded: list[str] = []
    lookup: dict[str, tuple[str, str]] = {}
    for item in resources.organisations():
        name = str(item["name"])
        label = str(item.get("label", "ORG"))
        for alias in [name, *item.get("aliases", [])]:  # type: ignore[misc]
            alias = str(alias)
            key = _key(alias)
            lookup.setdefault(key, (name, label))
            if len(alias.split()) < 3:
                exact.append(alias)
            else:
                folded.append(alias)
    return _AliasSet(exact, False), _AliasSet(folded, True), lookup


def gazetteer_matches(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int, str, str]]:
    """(start, end, canonical name, label) of every gazetteer name in ``text[start:end]``."""
    exact, folded, lookup = _gazetteer()
    end = len(text) if end is None else end
    out = []
    for a, b, surface in _scan((exact, folded), text, start, end):  # alternations of literals: linear
        hit = lookup.get(_key(surface))
        if hit:
            out.append((a, b, hit[0], hit[1]))
    out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[tuple[int, int, str, str]] = []
    for m in out:
        if kept and m[0] < kept[-1][1]:
            continue
        kept.append(m)
    return kept


def canonical(name: str) -> Optional[tuple[str, str]]:
    """The gazetteer's (canonical name, label) for a name or alias, if it knows it."""
    return _gazetteer()[2].get(_key(name))
