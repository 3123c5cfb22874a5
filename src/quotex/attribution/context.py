"""What every attribution sieve reads: the token index, the entity table, where the quotations
are, and who has spoken so far (recency, one entry per speaker)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Optional

import regex

from ..entities.table import EntityTable, _Ent, _key
from ..quotes import TokenIndex

# the noun right before a name, after its article: "le syndicat | Force ouvrière", "l'association
# Les | Amis de la Terre"
_NOUN_BEFORE = regex.compile(
    r"\b(?i:le|la|l['’]|du|au|les|des)\s*(\p{Ll}[\p{Ll}-]{2,})\s+(?:(?:Les|Le|La|L['’])\s*)?\Z"
)

# how many mentions a backward search reads at most: far enough for any article, and a bound on
# the work per quotation on hostile input (a page of thousands of quotations)
LOOKBACK = 2000


class Context:
    """State shared by the sieves of one document, filled in text order."""

    def __init__(self, text: str, ix: TokenIndex, table: EntityTable, regions: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.ix = ix
        self.table = table
        self.regions = sorted(regions)
        self._region_starts = [s for s, _ in self.regions]
        self.latest: dict[str, int] = {}  # entity id -> offset of its latest quote, oldest first
        self.pronoun_memo: dict[int, Optional[str]] = {}
        self.np_memo: dict[tuple[int, int], Optional[str]] = {}
        self.chain = 0  # how deep a pronoun is being resolved through the subject pronouns before it
        self.heads: list[tuple[int, str, str]] = []  # (offset, head noun, entity) of resolved descriptions
        self._org_words: Optional[dict[str, list[tuple[int, str]]]] = None

    def in_quote(self, a: int, b: int) -> bool:
        k = bisect_right(self._region_starts, a) - 1
        # regions do not nest: only the last one starting at or before a can hold [a, b)
        return k >= 0 and self.regions[k][1] >= b

    def quote_before(self, pos: int, lo: int) -> Optional[int]:
        """Where the quotation that ends between ``lo`` and ``pos`` opened, if one does."""
        k = bisect_right(self._region_starts, pos) - 1
        while k >= 0 and self.regions[k][1] > pos:
            k -= 1  # a quotation still open at pos holds it
        if k >= 0 and lo <= self.regions[k][1] <= pos:
            return self.regions[k][0]
        return None

    def ent(self, eid: Optional[str]) -> Optional[_Ent]:
        return self.table.get(eid)

    def compatible(self, eid: Optional[str], gender: Optional[str], number: str) -> bool:
        e = self.ent(eid)
        if e is None:
            return False
        if number == "p":
            return e.label != "PERSON" or bool(e.group)
        if e.group:
            return False
        if e.label == "PERSON":
            return gender is None or e.gender in (None, gender)
        return gender is not None and e.gender == gender

    def strict(self, eid: Optional[str], gender: Optional[str], number: str) -> bool:
        """Agreement that rests on a known gender (or plural), not on the lack of one."""
        e = self.ent(eid)
        if e is None or not self.compatible(eid, gender, number):
            return False
        return number == "p" or gender is None or e.gender == gender

    def recent(self, offset: int) -> int:
        """Start of the paragraph before the one holding ``offset``: how far a pronoun looks back."""
        ix = self.ix
        k = ix.at(offset)
        if k >= len(ix):
            return 0
        n = ix.stretch_of[k]
        return ix.stretch_starts[n - 1] if n > 0 else 0

    def add_speaker(self, pos: int, eid: str) -> None:
        self.latest.pop(eid, None)
        self.latest[eid] = pos  # insertion order = recency: one entry per speaker

    def last_speaker(
        self,
        before: int,
        gender: Optional[str] = None,
        number: str = "s",
        any_: bool = False,
        within: int = 0,
        strict: bool = False,
        named: Optional[str] = None,
    ) -> Optional[str]:
        """The latest speaker whose quote starts at or before ``before`` (and not before
        ``within``) who agrees (``strict``: on a known gender; ``any_``: whoever it is; ``named``:
        an entity of that label with a name, not a description)."""
        for eid, pos in reversed(self.latest.items()):
            if pos < within:
                break
            if pos > before or (strict and not self.strict(eid, gender, number)):
                continue
            if named is not None:
                ent = self.ent(eid)
                if ent is None or ent.label != named or ent.head is not None:
                    continue
            if any_ or self.compatible(eid, gender, number):
                return eid
        return None

    def last_mention(
        self,
        before: int,
        labels: tuple[str, ...],
        gender: Optional[str] = None,
        number: str = "s",
        after: int = -1,
        check: bool = True,
        strict: bool = False,
        named: bool = False,
    ) -> Optional[str]:
        """The entity of the latest mention ending before ``before`` (and starting at or after
        ``after``), outside quotations, with one of ``labels``, that agrees (``check``; ``strict``:
        on a known gender) and, with ``named``, has a name rather than a description. Reads at
        most ``LOOKBACK`` mentions back."""
        mentions = self.table.mentions
        last = bisect_left(self.table.mention_starts, before) - 1
        for k in range(last, max(-1, last - LOOKBACK), -1):
            m = mentions[k]
            if m.start < after:
                break
            if m.end > before or m.label not in labels or self.in_quote(m.start, m.end):
                continue
            if named:
                ent = self.ent(m.entity)
                if ent is None or ent.head is not None:
                    continue
            if strict:
                if self.strict(m.entity, gender, number):
                    return m.entity
            elif not check or self.compatible(m.entity, gender, number):
                return m.entity
        return None

    def tokens(self, a: int, b: int) -> list[int]:
        ix = self.ix
        k = ix.at(a)
        out = []
        while k < len(ix) and ix.starts[k] < b:
            out.append(k)
            k += 1
        return out

    def org_with(self, word: str) -> list[tuple[int, str]]:
        """(end offset, entity) of every mention of a named organisation of several words whose
        name holds ``word`` (``parquet de Nanterre`` for ``parquet``), or that the noun ``word``
        introduces (``le syndicat Force ouvrière``, ``le groupe Vallourec``), in text order. Built once."""
        if self._org_words is None:
            index: dict[str, list[tuple[int, str]]] = {}
            for m in self.table.mentions:
                ent = self.table.get(m.entity)
                if m.label != "ORG" or ent is None or ent.head is not None:
                    continue
                words = set(_key(ent.name).split()) if len(ent.name.split()) >= 2 else set()
                before = _NOUN_BEFORE.search(self.text, max(0, m.start - 40), m.start)
                if before is not None:
                    words.add(before.group(1).lower())
                for w in words:
                    index.setdefault(w, []).append((m.end, m.entity))
            for found in index.values():
                found.sort()
            self._org_words = index
        return self._org_words.get(word, [])

    def para_start(self, offset: int) -> int:
        ix = self.ix
        n = bisect_left(ix.stretch_starts, offset + 1) - 1
        return ix.stretch_starts[n] if n >= 0 else offset
