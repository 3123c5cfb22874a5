"""The entity table: mentions, entities under construction, and the frozen result."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, Optional

from .. import resources
from ..model import Entity, Span
from ._lexicon import _DE_FORMS


@dataclass
class Mention:
    start: int
    end: int
    label: str
    entity: str = ""
    gender: Optional[str] = None


@dataclass
class _Ent:
    id: str
    label: str
    names: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    canonical: Optional[str] = None
    role: Optional[str] = None
    affiliation: Optional[str] = None
    gender: Optional[str] = None
    head: Optional[str] = None  # head noun of a description entity ("site", "ambassade")
    group: bool = False  # a plural description of people ("les juges", "des habitants")

    @property
    def name(self) -> str:
        """The gazetteer's form when the text uses it, else the fullest form the text uses
        (``PCF`` when the article never spells the party out)."""
        if self.canonical:
            used = [n for n in self.names if _key(n) == _key(self.canonical)]
            if used or not self.names:
                return used[0] if used else self.canonical
        if self.names:
            return max(self.names, key=lambda n: (len(n.split()), len(n)))
        return ""


# -- gazetteer --------------------------------------------------------------------------


_KEY_ARTICLES = tuple(a if a.endswith("'") else a + " " for a in sorted(resources.words("key_articles")))


def _key(s: str) -> str:
    """A name's lookup key: lower case, one space between words, no leading article."""
    s = " ".join(s.replace("’", "'").replace("-", " ").lower().split())
    for article in _KEY_ARTICLES:
        if s.startswith(article):
            return s[len(article) :]
    return s


class _Intervals:
    """Disjoint-or-not intervals with an overlap test in logarithmic time (sorted by start)."""

    def __init__(self, items: Any = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.max_len = 0
        for s, e in items:
            self.add(s, e)

    def add(self, s: int, e: int) -> None:
        k = bisect_right(self.starts, s)
        self.starts.insert(k, s)
        self.ends.insert(k, e)
        self.max_len = max(self.max_len, e - s)

    def discard(self, s: int, e: int) -> None:
        """Remove one interval [s, e) if it is there."""
        for k in range(bisect_left(self.starts, s), bisect_right(self.starts, s)):
            if self.ends[k] == e:
                del self.starts[k]
                del self.ends[k]
                return

    def overlaps(self, s: int, e: int) -> bool:
        # any interval starting before e and ending after s
        lo = bisect_left(self.starts, s - self.max_len)
        hi = bisect_left(self.starts, e)
        return any(self.ends[k] > s for k in range(lo, hi))


# -- the table --------------------------------------------------------------------------


def _role_heads(role: str) -> list[str]:
    """The words of a role before its complement: ``porte-parole`` of ``porte-parole du
    gouvernement``, ``ancien ministre`` of ``ancien ministre de l'Intérieur``, never a name in the
    complement (``Leonarda`` of ``sœur de Leonarda``)."""
    words = []
    for w in role.lower().replace("’", "'").split():
        if w in _DE_FORMS or w in ("à", "au", "aux") or w.startswith(("d'", "d’")):
            break
        words.append(w)
    return words


class EntityTable:
    """Entities under construction, with every mention, for the attribution stage to extend."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ents: list[_Ent] = []
        self.mentions: list[Mention] = []
        self.mention_starts: list[int] = []

    def new(self, label: str) -> _Ent:
        e = _Ent(id=f"E{len(self._ents) + 1}", label=label)
        self._ents.append(e)
        return e

    def get(self, entity_id: Optional[str]) -> Optional[_Ent]:
        if not entity_id:
            return None
        n = int(entity_id[1:]) - 1
        return self._ents[n] if 0 <= n < len(self._ents) else None

    def add_mention(self, ent: _Ent, start: int, end: int, gender: Optional[str] = None) -> None:
        text = self.text[start:end]
        if (start, end) not in ent.mentions:
            ent.mentions.append((start, end))
            k = bisect_right(self.mention_starts, start)
            self.mentions.insert(k, Mention(start, end, ent.label, ent.id, gender))
            self.mention_starts.insert(k, start)
        if text not in ent.names:
            ent.names.append(text)

    def entities(self) -> list[_Ent]:
        return list(self._ents)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        lo = bisect_left(self.mention_starts, start)
        hi = bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def by_head(self, head: str, before: int, single: bool = False) -> Optional[_Ent]:
        """The most recently mentioned entity described with this head noun before ``before``
        (``single``: never a group, ``les policiers`` for ``le policier``)."""
        best: Optional[tuple[int, _Ent]] = None
        for e in self._ents:
            if single and e.group:
                continue
            if e.head == head or (e.role and head in _role_heads(e.role)):
                pos = max((s for s, _ in e.mentions if s < before), default=-1)
                if pos >= 0 and (best is None or pos > best[0]):
                    best = (pos, e)
        return best[1] if best else None

    def freeze(self) -> tuple[Entity, ...]:
        out = []
        for e in self._ents:
            if not e.mentions:
                continue
            spans = tuple(Span.of(self.text, s, t) for s, t in sorted(e.mentions))
            name = e.name
            canon = [e.canonical] if e.canonical else []
            aliases = tuple(a for a in dict.fromkeys(e.names + canon + e.aliases) if a != name)
            out.append(
                Entity(
                    id=e.id,
                    name=name,
                    label=e.label,
                    mentions=spans,
                    aliases=aliases,
                    role=e.role,
                    affiliation=e.affiliation,
                    gender=e.gender,
                    canonical=e.canonical,
                )
            )
        return tuple(out)


# -- mentions from the parse ------------------------------------------------------------
