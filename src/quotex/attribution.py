"""Stage 5: attribution: turn each candidate's speaker reference into an entity.

* a name or noun phrase: the person named in it (``la porte-parole du Pentagone Michelle
  Baldanza``), else the organisation, else a place used for its government (``Berne``);
* a definite description headed by a role noun (``le ministre``, ``la porte-parole``, ``le chef de
  l'Etat``): the person with that role, else the latest compatible speaker, else the latest
  compatible person;
* ``ce dernier`` / ``cette dernière``: the person mentioned last;
* a pronoun (``il``, ``elle``, ``-t-il``, ``Selon elle``): the subject of the sentence before when
  it agrees, else the latest agreeing speaker, else the latest agreeing person (gender from titles,
  role determiners, first names and the noun's morphology; number from the pronoun);
* a participial cue (``ajoutant que``): the speaker of its sentence's main clause;
* no cue (a floating quote): the entity named last before it in its paragraph, else the previous
  speaker;
* other descriptions (``le site``, ``l'ambassade de Russie``): the entity last described with the
  same head noun, else a new entity for that description.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Dict, List, Optional, Sequence, Tuple

import regex

from . import resources
from .entities import EntityTable, _Ent, _key
from .model import Quote, Span
from .quotes import _PRONOUNS, Candidate, TokenIndex, _subject_before

__all__ = ["attribute"]

_LAST_WORDS = resources.words("last_words")
# what may stand between a role phrase and the name it introduces: a comma and a civil title, or
# the rest of the phrase (no verb-like punctuation) closed by a comma
_APPOSED = regex.compile(
    r"[\s,]*(?:(?:M\.|Mme|Me|Mlle|Dr|Pr|Maître|docteure?)\s+)?\Z"
    r"|[^.;:!?«»\"()]{0,70},\s*(?:(?:M\.|Mme|Me|Mlle|Dr|Pr|Maître|docteure?)\s+)?\Z"
)


class _Resolver:
    def __init__(self, text: str, ix: TokenIndex, table: EntityTable, regions: Sequence[Tuple[int, int]]) -> None:
        self.text = text
        self.ix = ix
        self.table = table
        self.regions = sorted(regions)
        self._region_starts = [s for s, _ in self.regions]
        self.latest: Dict[str, int] = {}  # entity id -> offset of its latest quote, oldest first
        self.pronoun_memo: Dict[int, Optional[str]] = {}
        self.heads: List[Tuple[int, str, str]] = []  # (offset, head noun, entity) of resolved descriptions

    # -- helpers ----------------------------------------------------------------------
    def in_quote(self, a: int, b: int) -> bool:
        k = bisect_right(self._region_starts, a) - 1
        # regions do not nest: only the last one starting at or before a can hold [a, b)
        return k >= 0 and self.regions[k][1] >= b

    def ent(self, eid: Optional[str]) -> Optional[_Ent]:
        return self.table.get(eid)

    def compatible(self, eid: Optional[str], gender: Optional[str], number: str) -> bool:
        e = self.ent(eid)
        if e is None:
            return False
        if number == "p":
            return e.label != "PERSON"
        if e.label == "PERSON":
            return gender is None or e.gender in (None, gender)
        return gender is not None and e.gender == gender

    def _recent(self, offset: int) -> int:
        """Start of the paragraph before the one holding ``offset``: how far a pronoun looks back."""
        k = self.ix.at(offset)
        if k >= len(self.ix):
            return 0
        ix = self.ix
        n = ix.stretch_of[k]
        return ix.stretch_starts[n - 1] if n > 0 else 0

    def strict(self, eid: Optional[str], gender: Optional[str], number: str) -> bool:
        """Agreement that rests on a known gender (or plural), not on the lack of one."""
        e = self.ent(eid)
        if e is None or not self.compatible(eid, gender, number):
            return False
        return number == "p" or gender is None or e.gender == gender

    def add_speaker(self, pos: int, eid: str) -> None:
        self.latest.pop(eid, None)
        self.latest[eid] = pos  # insertion order = recency: one entry per speaker

    def last_speaker(self, before: int, gender: Optional[str] = None, number: str = "s", any_: bool = False, within: int = 0, strict: bool = False) -> Optional[str]:
        for eid, pos in reversed(self.latest.items()):
            if pos < within:
                break
            if strict and not self.strict(eid, gender, number):
                continue
            if pos <= before and (any_ or self.compatible(eid, gender, number)):
                return eid
        return None

    def last_mention(self, before: int, labels: Tuple[str, ...], gender: Optional[str] = None, number: str = "s", after: int = -1, check: bool = True) -> Optional[str]:
        mentions = self.table.mentions
        for k in range(bisect_left(self.table.mention_starts, before) - 1, -1, -1):
            m = mentions[k]
            if m.end > before or m.start < after:
                continue
            if m.label not in labels or self.in_quote(m.start, m.end):
                continue
            if not check or self.compatible(m.entity, gender, number):
                return m.entity
        return None

    # -- noun phrases -----------------------------------------------------------------
    def tokens(self, a: int, b: int) -> List[int]:
        ix = self.ix
        k = ix.at(a)
        out = []
        while k < len(ix) and ix.starts[k] < b:
            out.append(k)
            k += 1
        return out

    def resolve_np(self, a: int, b: int, create: bool = True, loose: bool = True) -> Optional[str]:
        ix = self.ix
        toks = self.tokens(a, b)
        if not toks:
            return None
        if len(toks) == 1 and ix.low(toks[0]) in _PRONOUNS:
            return self.resolve_pronoun(toks[0])
        lows = [ix.low(k) for k in toks]
        if any(w in _LAST_WORDS for w in lows) and lows[0] in ("ce", "cette"):
            return self.last_person(a, "f" if lows[0] == "cette" else "m")
        mentions = self.table.mentions_in(a, b)
        if not mentions:
            # the phrase is part of a longer name ("Le Maire" of "Bruno Le Maire")
            mentions = [m for m in self.table.mentions if m.start < b and a < m.end]
        roles = resources.role_nouns()
        content = [k for k in toks if ix.toks[k].pos_ not in ("DET",) and ix.low(k) not in ("l'", "d'")]
        head = next((k for k in content if ix.toks[k].pos_ in ("NOUN", "PROPN", "ADJ")), content[0] if content else toks[0])
        head_word = ix.low(head)
        two = " ".join(ix.low(k) for k in content[:2])
        is_role = head_word in roles or two in roles or head_word.rstrip("s") in roles
        first = next((k for k in toks if ix.toks[k].pos_ not in ("DET", "ADP") and ix.low(k) not in ("l'", "d'")), toks[0])
        # a plural head is a group of people or things ("les infirmières du centre hospitalier"),
        # not the organisation named in its complement
        plural_head = "Plur" in ix.toks[head].morph.get("Number") or head_word.endswith(("s", "x"))
        if not is_role:
            for m in mentions:
                if m.label in ("ORG", "LOC") and m.start <= ix.starts[first] < m.end:
                    return m.entity
            orgs_inside = [] if plural_head else [m for m in mentions if m.label == "ORG"]
            if orgs_inside and not any(m.label == "PERSON" for m in mentions):
                # "le site internet de la chaîne Press TV": later "le site" means Press TV
                self.heads.append((a, head_word, orgs_inside[-1].entity))
                return orgs_inside[-1].entity
        persons = [m for m in mentions if m.label == "PERSON"]
        if persons:
            return persons[-1].entity
        if is_role:
            # "le ministre de l'Intérieur | Gérald Masson", "Son avocate, Me Claire Fabre",
            # "une responsable du Haut-Commissariat aux réfugiés, Maria Costa": the apposed name
            for m in self.table.mentions:
                if m.label == "PERSON" and b <= m.start <= b + 80 and _APPOSED.match(self.text, b, m.start):
                    return m.entity
        orgs = [m for m in mentions if m.label in ("ORG",)]
        if orgs and not is_role and not plural_head:
            return orgs[-1].entity
        locs = [m for m in mentions if m.label in ("LOC", "MISC")]
        covered = sum(m.end - m.start for m in locs)
        span_len = ix.ends[content[-1]] - ix.starts[content[0]] if content else 0
        if locs and not is_role and span_len and covered >= 0.8 * span_len:
            return locs[-1].entity
        gender = self.np_gender(toks, head)
        if is_role:
            eid = self.resolve_role(head_word, gender, a, loose)
            if eid:
                return eid
            if not create:
                return None
            return self.describe(toks, head_word, "PERSON", gender)
        plural = "Plur" in ix.toks[head].morph.get("Number")
        if len(content) <= 2:
            for pos, h, eid in reversed(self.heads):
                if h == head_word and pos < a:
                    return eid
        found = self.table.by_head(head_word, a)
        if found is not None and (len(content) <= 2 or _key(self.text[ix.starts[content[0]]:b]) == _key(found.name)):
            return found.id
        if not create:
            return None
        names = resources.first_names()
        proper = [k for k in toks if ix.text(k)[:1].isupper()]
        if len(proper) == len(toks) and ix.toks[toks[0]].pos_ != "DET" and (ix.low(toks[0]) in names or 2 <= len(toks) <= 4):
            g = names.get(ix.low(toks[0]))
            return self.describe(toks, head_word, "PERSON", g if g in ("m", "f") else None, named=True)
        return self.describe(toks, head_word, "ORG", gender, plural)

    def last_person(self, before: int, gender: Optional[str]) -> Optional[str]:
        """``ce dernier``: the person named or described last before ``before``."""
        ix = self.ix
        roles = resources.role_nouns()
        named = self.last_mention(before, ("PERSON",), gender)
        named_pos = max((m.start for m in self.table.mentions if m.entity == named and m.end <= before), default=-1)
        k = ix.before(before)
        sa = ix.sentence(k)[0] if k >= 0 else 0
        lo = ix.sentence(sa - 1)[0] if sa > 0 else 0
        for j in range(k - 1, lo - 1, -1):
            if ix.starts[j] <= named_pos:
                break
            if ix.low(j) in roles and ix.toks[j].pos_ == "NOUN" and j > 0 and ix.toks[j - 1].pos_ == "DET":
                end = j + 1
                while end < len(ix) and ix.toks[end].pos_ in ("ADJ",):
                    end += 1
                found = self.table.by_head(ix.low(j), before)
                if found is not None:
                    return found.id
                return self.describe(list(range(j - 1, end)), ix.low(j), "PERSON", self.np_gender([j - 1], j))
        return named

    def np_gender(self, toks: List[int], head: int) -> Optional[str]:
        ix = self.ix
        det = ix.low(toks[0])
        if det in ("la", "une", "cette", "sa"):
            return "f"
        if det in ("le", "un", "ce", "cet", "du", "au"):
            return "m"
        g = ix.toks[head].morph.get("Gender")
        if "Fem" in g:
            return "f"
        if "Masc" in g:
            return "m"
        return None

    def describe(self, toks: List[int], head: str, label: str, gender: Optional[str], plural: bool = False, named: bool = False) -> str:
        ix = self.ix
        k0 = 0
        while k0 < len(toks) - 1 and ix.toks[toks[k0]].pos_ == "DET":
            k0 += 1
        a, b = ix.starts[toks[k0]], ix.ends[toks[-1]]
        e = self.table.new(label)
        e.head = None if named else head
        e.gender = gender
        if label == "PERSON" and not named:
            e.role = self.text[a:b]
        self.table.add_mention(e, a, b)
        return e.id

    def resolve_role(self, head: str, gender: Optional[str], before: int, loose: bool = True) -> Optional[str]:
        named = [e for e in self.table.entities() if e.label == "PERSON" and e.head is None]
        # 1. a named person whose role has this noun, latest first
        best: Optional[Tuple[int, str]] = None
        for e in named:
            if e.role and head in _key(e.role).split():
                pos = max((s for s, _ in e.mentions if s < before), default=-1)
                spoke = self.latest.get(e.id, -1)
                if spoke < before:
                    pos = max(pos, spoke)
                if pos >= 0 and (best is None or pos > best[0]):
                    best = (pos, e.id)
        if best:
            return best[1]
        if not loose:
            found = self.table.by_head(head, before)
            return found.id if found else None
        # 2. the latest named speaker that agrees, 3. the latest named person that agrees
        for eid, pos in reversed(self.latest.items()):
            e = self.ent(eid)
            if pos < before and e is not None and e.label == "PERSON" and e.head is None and self.compatible(eid, gender, "s"):
                return eid
        eid = self.last_mention(before, ("PERSON",), gender)
        if eid and (self.ent(eid) is not None and self.ent(eid).head is None):  # type: ignore[union-attr]
            return eid
        # 4. a description with the same head
        found = self.table.by_head(head, before)
        return found.id if found else None

    # -- pronouns ---------------------------------------------------------------------
    def resolve_pronoun(self, k: int) -> Optional[str]:
        ix = self.ix
        start = ix.starts[k]
        if start in self.pronoun_memo:
            return self.pronoun_memo[start]
        low = ix.low(k).replace("-t-", "-")
        gender, number = _PRONOUNS.get(low, _PRONOUNS.get(low.lstrip("-"), (None, "s")))
        recent = self._recent(start)
        eid = self.previous_subject(k, gender, number, strict=True, named=True)
        if eid is None:
            eid = self.last_speaker(start, gender, number, within=recent, strict=True)
        if eid is None:
            eid = self.previous_subject(k, gender, number, strict=True)
        if eid is None:
            eid = self.last_speaker(start, gender, number, within=recent)
        if eid is None:
            eid = self.previous_subject(k, gender, number)
        if eid is None:
            labels: Tuple[str, ...] = ("PERSON",) if number == "s" else ("ORG", "MISC")
            eid = self.last_mention(start, labels, gender, number)
        if eid is None and number == "s":
            eid = self.last_speaker(start, any_=True)
        self.pronoun_memo[start] = eid
        return eid

    def previous_subject(self, k: int, gender: Optional[str], number: str, strict: bool = False, named: bool = False) -> Optional[str]:
        ix = self.ix
        sa, _ = ix.sentence(k)
        # the subject of an earlier clause of the same sentence, then of the sentence before
        ranges = [(sa, k)]
        if sa > 0:
            ranges.append(ix.sentence(sa - 1))
        for a, b in ranges:
            subj = self._subject_in(a, b)
            if subj is None:
                continue
            s, e = subj
            if e - s == 1 and ix.low(s) in _PRONOUNS:
                eid = self.pronoun_memo.get(ix.starts[s])
            else:
                if self.in_quote(ix.starts[s], ix.ends[e - 1]):
                    continue
                eid = self.resolve_np(ix.starts[s], ix.ends[e - 1], create=True, loose=False)
            if named:
                e = self.ent(eid)
                if e is None or e.label != "PERSON" or e.head is not None:
                    continue
                if self.compatible(eid, gender, number):
                    return eid
                continue
            if eid and (self.strict(eid, gender, number) if strict else self.compatible(eid, gender, number)):
                return eid
        return None

    def _subject_in(self, a: int, b: int) -> Optional[Tuple[int, int]]:
        ix = self.ix
        for k in range(a, b):
            t = ix.toks[k]
            if t.dep_ in ("nsubj", "nsubj:pass") and t.head.dep_ in ("ROOT", "conj") and t.pos_ in ("NOUN", "PROPN", "PRON") and t.lower_ not in ("qui", "que"):
                hk = ix.index(t.head)
                if hk < 0:
                    continue
                sub = _subject_before(ix, hk)
                if sub and a <= sub[0] and sub[1] <= b:
                    return sub
        return None


def attribute(text: str, ix: TokenIndex, table: EntityTable, cands: Sequence[Candidate]) -> Tuple[Quote, ...]:
    """Resolve every candidate's speaker, in text order; returns the quotes."""
    regions = [(r.start, r.end) for c in cands for r in c.regions]
    res = _Resolver(text, ix, table, regions)
    out: List[Quote] = []
    last: Optional[str] = None
    last_sentence: Tuple[int, int] = (-1, -1)
    for c in cands:
        ref = c.ref
        eid: Optional[str] = None
        mention: Optional[Span] = None
        if ref.kind == "np" and ref.start >= 0:
            eid = res.resolve_np(ref.start, ref.end)
            mention = Span.of(text, ref.start, ref.end)
        elif ref.kind == "pronoun" and ref.start >= 0:
            k = ix.at(ref.start)
            eid = res.resolve_pronoun(k) if k < len(ix) else None
            mention = Span.of(text, ref.start, ref.end)
        elif ref.kind == "participle":
            eid = last if c.sentence == last_sentence or last is not None else None
        elif ref.kind == "float":
            para_start = _para_start(ix, ref.start)
            eid = res.last_mention(ref.start, ("PERSON", "ORG", "MISC"), after=para_start, check=False)
            if eid is None:
                eid = last
        else:
            eid = last
            if eid is None:
                eid = res.last_mention(c.start, ("PERSON",), check=False)
        if eid is not None:
            res.add_speaker(c.start, eid)
            last = eid
        last_sentence = c.sentence
        cue = Span.of(text, c.cue[0], c.cue[1]) if c.cue else None
        out.append(Quote(c.type, Span.of(text, c.start, c.end), cue, eid, mention, c.paragraph))
    return tuple(out)


def _para_start(ix: TokenIndex, offset: int) -> int:
    n = bisect_left(ix.stretch_starts, offset + 1) - 1
    return ix.stretch_starts[n] if n >= 0 else offset
