"""Stage 3: entities: people, organisations and places, one per real-world referent.

Mentions come from the model's NER, corrected and completed by a gazetteer of organisations and
places common in French news (``data/organisations.jsonl``: names with their aliases and acronyms),
and by civil titles (``Mme X``, ``M. X``, ``Me X``). Mentions of one person are merged by surname
(``Michelle Baldanza`` / ``Mme Baldanza`` / ``Baldanza``); an acronym in brackets after a name is
an alias of it. Roles and affiliations are read from appositions on either side of a name
(``la porte-parole du Pentagone Michelle Baldanza``, ``Yassine Bouzrou, l'avocat de la famille``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Optional

import regex

from . import resources
from .model import Entity, Span
from .nlp import Segment

__all__ = ["Mention", "EntityTable", "build_entities", "gazetteer_matches", "role_of"]

_LABELS = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}
_ELISION = regex.compile(r"^(?:l|d|n|qu|s|j|c|m|t)['’]$", regex.I)
_DETS = resources.words("determiners")
_ACRONYM = regex.compile(r"^\s*\(\s*(\p{Lu}[\p{Lu}\d&.-]{1,9})\s*\)")


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


_KEY_ARTICLES = tuple(a if a.endswith("'") else a + " " for a in sorted(resources.words("key_articles")))


def _key(s: str) -> str:
    """A name's lookup key: lower case, one space between words, no leading article."""
    s = " ".join(s.replace("’", "'").replace("-", " ").lower().split())
    for article in _KEY_ARTICLES:
        if s.startswith(article):
            return s[len(article) :]
    return s


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

    def by_head(self, head: str, before: int) -> Optional[_Ent]:
        """The most recently mentioned entity described with this head noun before ``before``."""
        best: Optional[tuple[int, _Ent]] = None
        for e in self._ents:
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


def _clean_ent(seg: Segment, ent: Any) -> Optional[tuple[int, int, Optional[str]]]:
    """Trim determiners, titles and stray elisions off an NER span; return offsets and title gender."""
    toks = list(ent)
    titles = resources.person_titles()
    gender = None
    while toks and (toks[0].lower_ in _DETS or toks[0].is_punct or _ELISION.match(toks[0].text)):
        if _particle(toks, ent):
            break  # "Le Pen", "Le Drian": a surname's particle, not an article
        toks.pop(0)
    while toks and toks[0].lower_ in titles:
        gender = titles[toks[0].lower_] if titles[toks[0].lower_] != "-" else gender
        toks.pop(0)
    while toks and (toks[-1].is_punct or _ELISION.match(toks[-1].text) or toks[-1].is_space):
        toks.pop()
    if not toks:
        return None
    start, end = seg.start(toks[0]), seg.end(toks[-1])
    return start, end, gender


# the capitalised particles French surnames open with ("Le Pen", "La Fontaine", "Le Drian")
_PARTICLES = frozenset(("Le", "La"))


def _particle(toks: list[Any], ent: Any) -> bool:
    """``toks[0]`` is the particle of a person's surname: a capitalised ``Le`` / ``La`` inside the
    sentence, before a capitalised word that is no title or role noun, in a span the model calls
    a person."""
    t = toks[0]
    if ent.label_ != "PER" or t.text not in _PARTICLES or len(toks) < 2 or t.is_sent_start:
        return False
    nxt = toks[1]
    low = nxt.lower_
    return (
        nxt.text[:1].isupper()
        and nxt.is_alpha
        and low not in resources.person_titles()
        and low not in resources.role_nouns()
    )


def _title_mentions(seg: Segment) -> list[tuple[int, int, Optional[str]]]:
    """``Mme Baldanza``, ``M. Legault``, ``Me Blot``: a civil title and capitalised words after it."""
    titles = resources.person_titles()
    out = []
    toks = seg.token_list
    lows = seg.lowers
    for i in [i for i, low in enumerate(lows) if low in titles]:
        t = toks[i]
        low = lows[i]
        if not t.text[:1].isupper() and low not in ("m.", "mme", "me"):
            continue
        if low == "me" and not t.text.startswith("Me"):
            continue
        j = i + 1
        while (
            j < len(toks)
            and toks[j].text[:1].isupper()
            and toks[j].is_alpha
            or (j < len(toks) and toks[j].text[:1].isupper() and "-" in toks[j].text)
        ):
            j += 1
        if j > i + 1:
            g = titles[low] if titles[low] in ("m", "f") else None
            out.append((seg.start(toks[i + 1]), seg.end(toks[j - 1]), g))
    return out


def _particle_names(seg: Segment) -> list[tuple[int, int, Optional[str]]]:
    """``Marine Le Pen``, ``Jean-Yves Le Drian``: a known first name, a particle and a capitalised
    word, whatever the model tags them (it reads ``Marine`` as a noun and ``Le`` as an article)."""
    names = resources.first_names()
    toks = seg.token_list
    out = []
    for i in range(len(toks) - 2):
        t, p, w = toks[i], toks[i + 1], toks[i + 2]
        if not (t.text[:1].isupper() and seg.lowers[i] in names and p.text in _PARTICLES):
            continue
        if w.text[:1].isupper() and w.is_alpha and w.lower_ not in resources.role_nouns():
            g = names[seg.lowers[i]]
            out.append((seg.start(t), seg.end(w), g if g in ("m", "f") else None))
    return out


def _hyphen_joins(doc: Any, e: int) -> bool:
    """Token ``e`` is a hyphen written without spaces between two capitalised words."""
    return (
        doc[e].text in ("-", "‑")
        and e > 0
        and not doc[e - 1].whitespace_
        and not doc[e].whitespace_
        and e + 1 < len(doc)
        and doc[e + 1].text[:1].isupper()
    )


def _fix_person(seg: Segment, ent: Any) -> Any:
    """``Commerce Olivia`` / ``Éducation national Pap Ndiaye``: a name starts at its first name,
    and runs on over the capitalised words after it (``Olivia Grégoire``)."""
    names = resources.first_names()
    toks = list(ent)
    doc = ent.doc
    if (
        ent.label_ == "PER"
        and toks[0].text in _PARTICLES
        and len(toks) > 1
        and toks[1].text[:1].isupper()
        and ent.start > 0
        and doc[ent.start - 1].lower_ in names
        and doc[ent.start - 1].text[:1].isupper()
    ):
        # "Marine [Le Pen]": the first name the model left out, before a surname with its particle
        span = doc[ent.start - 1 : ent.end]
        span.label_ = "PER"
        return span
    start = None
    for k, t in enumerate(toks):
        if t.lower_ in names and t.text[:1].isupper():
            start = k
            break
    if start is None:
        return ent
    if start == 0 and ent.label_ != "PER" and ent.start > 0 and doc[ent.start - 1].lower_ in _DEFINITE:
        return ent  # "la Marine nationale": people take no article
    s = ent.start + start
    e = ent.end
    while e < len(doc) and e - s < 6:
        if doc[e].text[:1].isupper() and (doc[e].is_alpha or "-" in doc[e].text):
            e += 1
        elif _hyphen_joins(doc, e):
            e += 2  # "Vallaud" "-" "Belkacem": one compound surname
        else:
            break
    if start > 0 and e - s == 1:
        return ent  # "Dyane Adam": a first name closing the name is its surname
    span = doc[s:e]
    span.label_ = "PER"
    return span


def _role_names(seg: Segment) -> list[tuple[int, int, Optional[str]]]:
    """A name right after a role phrase (``le ministre de l'Économie Bruno Le Maire``), even when
    the model missed it: the capitalised words closing the phrase, from a first name if one is
    known, else the last two."""
    roles = resources.role_nouns()
    names = resources.first_names()
    toks = seg.token_list
    out: list[tuple[int, int, Optional[str]]] = []
    for i in [i for i, low in enumerate(seg.lowers) if low in roles]:
        t = toks[i]
        if t.text[:1].isupper():
            continue
        j = i + 1
        while j < len(toks) and j - i < 14:
            u = toks[j]
            if u.pos_ in ("VERB", "AUX", "SCONJ", "PRON") or (u.is_punct and u.text not in ("-",)) or u.is_space:
                break
            j += 1
        run_end = j
        run_start = j
        while run_start - 1 > i and (
            toks[run_start - 1].text[:1].isupper()
            or (
                toks[run_start - 1].lower_ in ("le", "la", "de", "du")
                and run_start < run_end
                and toks[run_start].text[:1].isupper()
                and run_start - 2 > i
                and toks[run_start - 2].text[:1].isupper()
            )
        ):
            run_start -= 1
        if run_end - run_start == 1 and run_start == i + 1 and _lone_titled_surname(toks, i):
            # "le maire Marchand a admis", "la juge Boulanger": a surname alone after the role, whatever
            # common noun it also is
            out.append((seg.start(toks[run_start]), seg.end(toks[run_start]), None))
            continue
        if run_end - run_start < 2:
            continue
        first = next((k for k in range(run_start, run_end) if toks[k].lower_ in names), None)
        if first is None:
            if toks[run_start - 1].pos_ in ("ADP", "DET") or toks[run_start - 1].lower_ in ("l'", "d'"):
                if run_end - run_start < 3:
                    continue
                first = run_end - 2
            else:
                first = run_start
        if run_end - first < 2 or not toks[first].text[:1].isupper():
            continue  # "le procureur de la République de Lyon": a place, no name
        g = names.get(toks[first].lower_)
        out.append((seg.start(toks[first]), seg.end(toks[run_end - 1]), g if g in ("m", "f") else None))
    return out


def _lone_titled_surname(toks: Sequence[Any], i: int) -> bool:
    """The word after the role noun at ``i`` is a surname standing alone: capitalised (not an
    acronym, as a party's ``le député LR``), after ``le``/``la`` and the role, before a verb or
    punctuation."""
    w = toks[i + 1]
    if i == 0 or toks[i - 1].lower_ not in ("le", "la", "l'", "l’") or not w.is_alpha or w.text.isupper():
        return False
    if not w.text[:1].isupper() or len(w.text) < 3:
        return False
    nxt = toks[i + 2] if i + 2 < len(toks) else None
    return nxt is None or nxt.is_punct or nxt.pos_ in ("VERB", "AUX")


_REL_ADJ = regex.compile(
    r"^\p{Ll}+(?:ais|aise|ois|oise|ien|ienne|al|ale|aux|ique|aire|el|elle|ain|aine|é|ée|if|ive|iste)s?$"
)
_ARTICLES = frozenset(
    ("le", "la", "l'", "l’", "les", "un", "une", "des", "du", "son", "sa", "ses", "leur", "leurs", "ceux", "celles")
)
_LINK_BEFORE = regex.compile(r"\b(?:de|du|des|d['’]|aux?)\s*$")
_ORG_LINKS = resources.words("org_links")
_ORG_DETERMINERS = resources.words("org_determiners")
_DEFINITE = resources.words("definite_articles")
_DE_FORMS = resources.words("de_forms")
_REACH_PARTICIPLES = resources.words("reach_participles")


def _org_phrases(seg: Segment) -> list[tuple[int, int, Optional[str]]]:
    """``le parquet de Lyon``, ``l'agence régionale de santé``, ``le Stade rennais``: a noun that heads
    organisation names (``data/org_nouns.txt``) with an adjective, a name or a ``de``-complement.
    The small model's tags are unreliable on such phrases, so capitalisation and adjective endings
    count as much as the tags."""
    nouns = resources.org_nouns()
    institutions = resources.institution_nouns()
    toks = seg.token_list
    lows = seg.lowers
    out = []
    n = len(toks)
    resume = 0
    for i in [i for i, low in enumerate(lows) if low in nouns or (low.endswith("s") and low[:-1] in nouns)]:
        if i < resume:
            continue
        t = toks[i]
        prev = lows[i - 1] if i > 0 else ""
        if t.pos_ in ("VERB", "AUX", "PUNCT", "SPACE"):
            continue
        # a capitalised head inside a sentence names an organisation without an article
        # ("en Fédération Wallonie-Bruxelles", "selon Santé publique France")
        named_head = (
            t.text[:1].isupper()
            and i > 0
            and not toks[i - 1].is_sent_end
            and toks[i - 1].text not in (".", "!", "?", "«", '"', ":")
        )
        if prev not in _ORG_DETERMINERS and not named_head:
            continue
        j = i + 1
        last_good = i
        state = "noun"  # noun: after the head or an adjective; name: after a capitalised word; link: after de/du/...
        while j < n and j - i < 8:
            u = toks[j]
            low = u.lower_
            if state == "name" and j + 1 < n and _hyphen_joins(u.doc, u.i):
                last_good = j + 1  # "Wallonie-Bruxelles"
                j += 2
                continue
            if u.is_punct or u.is_space:
                break
            capital = u.text[:1].isupper()
            # a verb is no adjective, whatever its ending ("Force ouvrière appelle à", "Pierre
            # Fabre ferme une usine": the clause's finite verb, or a word before an article or a
            # demonstrative ("la métropole méprise ceux qui");
            # "les Nations unies", "le Syndicat mixte" keep their participle and adjective)
            verb_like = (
                u.pos_ in ("VERB", "AUX")
                and "Fin" in u.morph.get("VerbForm")
                and u.dep_ == "ROOT"
                and j + 1 < n
                and not toks[j + 1].is_punct
                and toks[j + 1].pos_ not in ("AUX", "VERB")
            ) or (j + 1 < n and toks[j + 1].lower_ in _ARTICLES and toks[j + 1].pos_ in ("DET", "PRON"))
            adjective = (u.pos_ == "ADJ" or bool(_REL_ADJ.match(u.text))) and not capital and not verb_like
            if (
                low == "et"
                and state == "name"
                and j + 2 < n
                and toks[j + 1].lower_ in _ORG_LINKS
                and (
                    toks[j + 2].text[:1].isupper()
                    or (toks[j + 2].lower_ in _ORG_LINKS and j + 3 < n and toks[j + 3].text[:1].isupper())
                )
            ):
                # "ministère de la Santé et des Services sociaux": a second capitalised complement
                state = "link"
                j += 1
                continue
            if low in ("la", "l'", "l’", "les") and toks[j - 1].lower_ not in _ORG_LINKS:
                break  # an article links only after "de", "à": "l'entreprise | l'an dernier"
            if low in _ORG_LINKS:
                if j + 1 < n and (
                    toks[j + 1].pos_ in ("NOUN", "PROPN", "DET")
                    or toks[j + 1].text[:1].isupper()
                    or toks[j + 1].lower_ in _ORG_LINKS
                ):
                    state = "link"
                    j += 1
                    continue
                break
            if (
                capital
                and j > i + 1
                and toks[j - 1].text[:1].islower()
                and toks[j - 1].lower_ not in _ORG_LINKS
                and j + 1 < n
                and toks[j + 1].text[:1].isupper()
                and toks[j + 1].is_alpha
            ):
                break  # a person's name after the organisation: "du ministère des Affaires étrangères | Ramin Roux"
            if capital:
                state = "name"
            elif adjective and (
                state == "noun" or (state == "name" and toks[j - 1].text[:1].isupper() and toks[j - 1].is_alpha)
            ):
                pass  # "agence régionale", "ministère des Affaires étrangères"
            elif state == "link" and u.pos_ in ("NOUN", "ADJ"):
                state = "noun"
            else:
                break
            last_good = j
            j += 1
        plural_head = lows[i] not in nouns
        if plural_head and not any(lows[m] == "et" for m in range(i + 1, last_good)):
            continue  # plural: several offices named jointly only ("les ministères de la Défense et de l'Intérieur")
        if last_good > i or (lows[i] in institutions and prev in _INSTITUTION_DETERMINERS):
            g = t.morph.get("Gender")
            out.append((seg.start(t), seg.end(toks[last_good]), "f" if "Fem" in g else "m" if "Masc" in g else None))
            resume = last_good + 1
    return out


_PLACE_AFTER = regex.compile(r"\s+(?:de\s+la|de|du|des|d['’])\s*\p{Lu}")  # "... de Privas", "... du Nord"
_INSTITUTION_DETERMINERS = frozenset(("le", "la", "l'", "l’", "du", "au", "les", "des", "aux"))
_ACRONYM_TOKEN = regex.compile(r"^\p{Lu}[\p{Lu}\d&]{1,5}\+?$")


def _role_opening(surface: str) -> Optional[list[str]]:
    """The words of a span that opens on a lower-case role noun followed by more words, else None."""
    words = surface.replace("’", "'").split()
    if len(words) < 2 or not words[0][:1].islower() or _key(words[0]) not in resources.role_nouns():
        return None
    return words


def _described(surface: str) -> bool:
    """The span opens on a lower-case role noun and its complement (``ministre de la
    Formation``): a description of someone, not a name."""
    words = _role_opening(surface)
    if words is None:
        return False
    second = words[1].lower()
    return second in _DE_FORMS or second.startswith("d'")


def _capitalised_role(seg: Segment, ent: Any, surface: str) -> bool:
    """A role written with capitals, as many papers write titles: the role alone (``Premier
    ministre``), with its complement (``Président de la République``), or its first word before the
    rest of it in lower case (``La Première | ministre``)."""
    roles = resources.role_nouns()
    words = _key(surface).split()
    if not words or " ".join(words) in roles:
        return bool(words)
    n = 2 if len(words) > 2 and " ".join(words[:2]) in roles else 1
    if (words[0] in roles or n == 2) and len(words) > n and (words[n] in _DE_FORMS or words[n].startswith("d'")):
        return True
    after = ent.end - seg.token_list[0].i
    return (
        len(words) == 1
        and after < len(seg.lowers)
        and f"{words[0]} {seg.lowers[after]}" in roles
        and seg.texts[after][:1].islower()
    )


def _titled_name(surface: str) -> Optional[int]:
    """``ministre Merad``, ``général Diallo``, ``Président Macron``: a role noun, then capitalised
    words only; the offset of the name in ``surface``, else None."""
    words = surface.replace("’", "'").split()
    if len(words) < 2 or _key(words[0]) not in resources.role_nouns():
        return None
    if not all(w[:1].isupper() for w in words[1:]):
        return None
    first, second = surface.split()[:2]
    return surface.index(second, len(first))


def _common_word(text: str, ent: Any, surface: str) -> bool:
    """One capitalised word opening a sentence, no known first name, written in lower case
    elsewhere in the text and never capitalised inside a sentence: a common noun the model took
    for a name (``Dette`` of ``Dette cachée : ...`` beside ``la dette``)."""
    if len(ent) != 1 or not ent[0].is_sent_start or ent[0].lower_ in resources.first_names() or canonical(surface):
        return False
    word = regex.escape(surface)
    if regex.search(r"(?<![\w-])" + word.lower() + r"(?![\w-])", text) is None:
        return False
    # capitalised elsewhere after a word (not opening a sentence): a name after all
    return regex.search(r"[\w,;’'] +" + word + r"(?![\w-])", text) is None


def _after_article(seg: Segment, ent: Any) -> bool:
    """The name ``ent`` follows a definite article (or ``du``, ``des``, ``au``, ``aux``) and
    does not begin with a known first name: an organisation, not a person."""
    first = ent.start - seg.token_list[0].i  # the segment may be a span of a larger Doc
    if first <= 0 or first >= len(seg.lowers) or seg.lowers[first - 1] not in _DEFINITE:
        return False
    return seg.lowers[first] not in resources.first_names()


def _org_words_in(name: str) -> bool:
    """A word of ``name`` is one that only organisations' names hold (``Productions``)."""
    words = resources.org_name_words()
    return any(w.lower() in words for w in name.replace("-", " ").split())


def _is_acronym(text: str) -> bool:
    """Two to six capitals or digits with a letter (``LNR``, ``M23``), not a listed non-organisation."""
    return (
        len(text) >= 2
        and bool(_ACRONYM_TOKEN.match(text))
        and any(ch.isalpha() for ch in text)
        and text.rstrip("+") not in resources.not_acronyms()
    )


def _acronym_mentions(seg: Segment) -> list[tuple[int, int]]:
    """``la LNR``, ``le CSV``, ``le M23``: a token in capitals, not a word of a line in capitals."""
    toks = seg.token_list
    out = []
    for k, text in enumerate(seg.texts):
        if not text[:1].isupper() or not _is_acronym(text):  # (an acronym starts with a capital)
            continue
        t = toks[k]
        caps_around = sum(
            1
            for j in (k - 1, k + 1)
            if 0 <= j < len(toks) and toks[j].is_alpha and len(toks[j].text) > 1 and toks[j].text.isupper()
        )
        if caps_around:
            continue
        out.append((seg.start(t), seg.end(t)))
    return out


def _surname_mentions(
    segments: Sequence[Segment], raw: list[tuple[int, int, str, Optional[str], Optional[str]]], text: str
) -> list[tuple[int, int, str, Optional[str], Optional[str]]]:
    """A lone surname the model did not tag (``Dubois est reparti``) is a mention of that person."""
    surnames = set()
    for s, e, label, _, _ in raw:
        words = text[s:e].split()
        if label == "PERSON" and len(words) >= 2 and len(words[-1]) > 2:
            surnames.add(words[-1])
    if not surnames:
        return raw
    raw = [
        (s, e, "PERSON", None, g)
        if label != "PERSON" and canon is None and text[s:e] in surnames
        else (s, e, label, canon, g)
        for s, e, label, canon, g in raw
    ]
    taken = _Intervals((s, e) for s, e, _, _, _ in raw)
    extra: list[tuple[int, int, str, Optional[str], Optional[str]]] = []
    for seg in segments:
        for k in [k for k, word in enumerate(seg.texts) if word in surnames and word[:1].isupper()]:
            t = seg.token_list[k]
            s, e = seg.start(t), seg.end(t)
            if k > 0 and seg.texts[k - 1] in _PARTICLES:
                s = seg.start(seg.token_list[k - 1])  # "Le Pen" after "Marine Le Pen"
            if not taken.overlaps(s, e):
                extra.append((s, e, "PERSON", None, None))
    return sorted(raw + extra, key=lambda r: r[0])


def _surname_tokens(name: str) -> list[str]:
    return name.split()


def build_entities(text: str, segments: Sequence[Segment]) -> EntityTable:
    """All entity mentions of the parsed segments, merged into entities."""
    table = EntityTable(text)
    raw: list[tuple[int, int, str, Optional[str], Optional[str]]] = []  # start, end, label, canonical, gender
    for seg in segments:
        if not len(seg.tokens):
            continue
        gaz = [
            (s, e, label, name, None)
            for a, b, _ in seg.stretches()
            for s, e, name, label in gazetteer_matches(text, a, b)
        ]
        taken = _Intervals((s, e) for s, e, *_ in gaz)
        for s, e, g in _title_mentions(seg) + _particle_names(seg):
            if not taken.overlaps(s, e):
                raw.append((s, e, "PERSON", None, g))
                taken.add(s, e)
        for s, e, g in _role_names(seg):
            if not taken.overlaps(s, e):
                raw.append((s, e, "PERSON", None, g))
                taken.add(s, e)
        for s, e, g in _org_phrases(seg):
            # "la brigade de [gendarmerie]": the phrase wins over a gazetteer name in its complement
            # and over a name the gazetteer knows at its head ("la [gendarmerie] de Privas", "l'[Agence
            # régionale de santé] d'Occitanie": a local unit, not the national body)
            for r in [
                r
                for r in gaz
                if (s < r[0] and r[1] <= e and _LINK_BEFORE.search(text, s, r[0]))
                or (r[0] == s and r[1] < e and _PLACE_AFTER.match(text, r[1], e))
            ]:
                gaz.remove(r)
                taken.discard(r[0], r[1])
            if not taken.overlaps(s, e):
                raw.append((s, e, "ORG", None, g))
                taken.add(s, e)
        raw.extend(gaz)
        for ent in seg.tokens.ents:
            label = _LABELS.get(ent.label_)
            if label is None:
                continue
            ent = _fix_person(seg, ent)
            label = _LABELS.get(ent.label_, label)
            cleaned = _clean_ent(seg, ent)
            if cleaned is None:
                continue
            s, e, g = cleaned
            surface = text[s:e]
            if not any(ch.isupper() for ch in surface):
                continue
            if label == "PERSON" and len(ent) == 1 and _key(surface) in resources.role_nouns():
                continue
            if label == "PERSON" and all(t.lower_ in resources.date_words() for t in ent if t.is_alpha):
                continue  # "Dimanche soir, ...": a day opening a sentence
            if len(ent) == 1 and ent[0].lower_ in _REACH_PARTICIPLES:
                continue  # "Contactée, la direction dément": how the paper reached its source
            if taken.overlaps(s, e):
                continue
            if _described(surface) or _capitalised_role(seg, ent, surface):
                continue  # "le ministre de la Formation", "le Premier ministre": a description, not a name
            titled = _titled_name(surface)
            if titled is not None and not canonical(surface):
                # "ministre Merad" (tagged as an organisation): the name after the role
                s += titled
                surface = text[s:e]
                label = "PERSON"
            if label == "PERSON" and _common_word(text, ent, surface):
                continue  # "Dette cachée : ...": a noun capitalised because it opens a sentence
            known = canonical(surface)
            if not known and label in ("LOC", "MISC") and _is_acronym(surface):
                label = "ORG"  # "la LNR", "le CSV": the small model calls many acronyms places
            if (
                not known
                and label == "PERSON"
                and titled is None
                and (_after_article(seg, ent) or _org_words_in(surface))
            ):
                # "la Brasserie Meteor" (people take no article), "Martin Productions"
                label = "ORG"
            raw.append((s, e, known[1] if known else label, known[0] if known else None, g))
            taken.add(s, e)
        for s, e in _acronym_mentions(seg):
            if not taken.overlaps(s, e):
                raw.append((s, e, "ORG", None, None))
                taken.add(s, e)
    raw.sort(key=lambda r: r[0])
    raw = _surname_mentions(segments, raw, text)
    _merge(table, raw)
    _acronyms(table)
    for seg in segments:
        _roles(table, seg)
    _genders(table)
    return table


def _merge(table: EntityTable, raw: Sequence[tuple[int, int, str, Optional[str], Optional[str]]]) -> None:
    text = table.text
    by_key: dict[tuple[str, str], _Ent] = {}
    people: list[_Ent] = []
    # full names first, so that a lone surname finds its person wherever it stands
    order = sorted(range(len(raw)), key=lambda k: (-len(text[raw[k][0] : raw[k][1]].split()), raw[k][0]))
    assigned: dict[int, _Ent] = {}
    name_words: dict[str, list[str]] = {}

    def words_of(name: str) -> list[str]:
        if name not in name_words:
            name_words[name] = _surname_tokens(name)
        return name_words[name]

    for k in order:
        s, e, label, canon, gender = raw[k]
        surface = text[s:e]
        if label == "PERSON":
            words = _surname_tokens(surface)
            match = None
            for p in people:
                for n in p.names:
                    pw = words_of(n)
                    if (
                        words == pw
                        or (len(words) < len(pw) and pw[-len(words) :] == words)
                        or (len(words) == 1 and words[0] in pw[1:])
                    ):
                        match = p
                        break
                if match:
                    break
            if match is None and len(words) == 1:
                # "Jamel" after "Jamel Debbouze", "Leonarda" beside "Leonarda Dibrani": a first name
                # alone is the one person named so
                same = [p for p in people if any(len(w) > 1 and w[0] == words[0] for w in map(words_of, p.names))]
                if len(same) == 1:
                    match = same[0]
            if match is None:
                match = table.new("PERSON")
                people.append(match)
            assigned[k] = match
            if surface not in match.names:
                match.names.append(surface)
            if gender and not match.gender:
                match.gender = gender
        else:
            key = (label, canon or _key(surface))
            ent = by_key.get(key)
            if ent is None:
                ent = table.new(label)
                ent.canonical = canon
                if canon:
                    for item in resources.organisations():
                        if item["name"] == canon:
                            aliases: Any = item.get("aliases", [])
                            ent.aliases.extend(str(a) for a in aliases)
                by_key[key] = ent
            if gender and not ent.gender:
                ent.gender = gender
            assigned[k] = ent
    _bare_heads(text, raw, assigned)
    for k, (s, e, _label, _canon, gender) in enumerate(raw):
        table.add_mention(assigned[k], s, e, gender)
    # ids in order of first mention
    ents = sorted((x for x in table._ents if x.mentions), key=lambda x: min(x.mentions))
    remap = {x.id: f"E{i + 1}" for i, x in enumerate(ents)}
    for x in ents:
        x.id = remap[x.id]
    table._ents = ents
    for m in table.mentions:
        m.entity = remap.get(m.entity, m.entity)
    table.mentions.sort(key=lambda m: (m.start, m.end))
    table.mention_starts = [m.start for m in table.mentions]


def _bare_heads(
    text: str, raw: Sequence[tuple[int, int, str, Optional[str], Optional[str]]], assigned: dict[int, _Ent]
) -> None:
    """``la préfecture`` after ``la préfecture du Rhône``, ``l'agence régionale`` after ``l'Agence
    régionale de santé``: a body's name cut short, in lower case, joins the one organisation of the
    article named before it whose name it begins (none when two do: ``le ministère`` after those of
    the Santé and of the Intérieur)."""
    orgs = [
        (s, text[s:e].lower().split(), assigned[k]) for k, (s, e, label, _c, _g) in enumerate(raw) if label == "ORG"
    ]
    for k, (s, e, label, _canon, _gender) in enumerate(raw):
        surface = text[s:e]
        words = surface.split()
        if label != "ORG" or not surface.islower() or len(words) > 3 or not all(w.isalpha() for w in words):
            continue
        named = {
            id(ent): ent
            for start, full, ent in orgs
            if start < s and len(full) > len(words) and full[: len(words)] == words
        }
        if len(named) == 1:
            assigned[k] = next(iter(named.values()))


def _acronyms(table: EntityTable) -> None:
    """``Département fédéral des affaires étrangères (DFAE)``: the bracketed acronym is an alias."""
    text = table.text
    ents = table.entities()
    for ent in ents:
        if ent.label not in ("ORG", "MISC"):
            continue
        for _s, e in list(ent.mentions):
            m = _ACRONYM.match(text, e, min(len(text), e + 16))
            if not m:
                continue
            acro = m.group(1)
            if acro not in ent.aliases:
                ent.aliases.append(acro)
            for other in ents:
                if other is not ent and other.mentions and all(text[a:b] == acro for a, b in other.mentions):
                    for a, b in other.mentions:
                        table.add_mention(ent, a, b)
                        for mm in table.mentions:
                            if mm.start == a and mm.end == b and mm.entity == other.id:
                                mm.entity = ent.id
                    other.mentions.clear()


# -- roles and affiliations -------------------------------------------------------------

_ROLE_STOP_POS = frozenset({"VERB", "AUX", "SCONJ", "CCONJ", "PRON", "NUM"})


def _role_stop(t: Any) -> bool:
    """A word that ends a role phrase: a verb, conjunction, number, real pronoun or punctuation
    (a capitalised word the tagger calls a pronoun, as ``Outre-mer``, is part of a name)."""
    if t.pos_ == "PRON" and t.text[:1].isupper() and t.lower_ not in resources.pronouns():
        return False
    if t.pos_ in ("VERB", "ADJ") and _is_role_word(t.lower_, resources.role_nouns()):
        return False  # a role noun the tagger takes for a participle: "délégué", "élue"
    return t.pos_ in _ROLE_STOP_POS or (t.is_punct and t.text not in ("-", "'", "’")) or t.is_space


def _is_role_word(low: str, roles: dict[str, str]) -> bool:
    """A role noun, singular or plural (``ministre``, ``ministres``)."""
    return low in roles or low.rstrip("s") in roles


def role_of(seg: Segment, first: int, last: int) -> Optional[tuple[int, int, Optional[str]]]:
    """The apposition naming the function of the name at token indexes ``first..last`` of ``seg``.

    Returns (start token, end token exclusive, gender from its determiner) or None.
    """
    toks = seg.tokens
    roles = resources.role_nouns()
    n = len(toks)
    offset = toks[0].i
    # left: "[det] <role ...> [,] Name"
    j = first - 1
    titles = resources.person_titles()
    while j >= offset and toks[j - offset].lower_ in titles:
        j -= 1
    comma = j >= offset and toks[j - offset].text == ","
    if comma:
        j -= 1
    window: list[int] = []
    while j >= offset and len(window) < 12:
        t = toks[j - offset]
        if _role_stop(t) and not (window and t.lower_ == "et" and toks[window[-1] - offset].lower_ in _DE_FORMS):
            break  # "et" goes on a role over two portfolios: "ministre du Commerce et du Tourisme"
        window.append(j)
        j -= 1
    window.reverse()
    if window and not comma and toks[window[-1] - offset].lower_ in _DE_FORMS:
        window = []  # "l'avocat de M. Roux": the name is the complement, not the role holder
    found = [k for k, idx in enumerate(window) if _is_role_word(toks[idx - offset].lower_, roles)]
    if found:
        # after a comma the name is apposed to the whole phrase, headed by its first role noun
        # ("le porte-parole du ministère, X"); without one, to the nearest, with the word before
        # it ("l'avocat de l'ancien maire X" is the mayor; "le secrétaire général de l'Otan X")
        start = 0 if comma else max(found[-1] - 1, 0)
        k = next(f for f in found if f >= start)
        if k > 0 and toks[window[k - 1] - offset].lower_ in ("premier", "première"):
            k -= 1  # "le Premier ministre X": the adjective is part of the role
        t = toks[window[k] - offset]
        det_gender = None
        if k > start:
            det = toks[window[k - 1] - offset].lower_
            det_gender = {"la": "f", "le": "m", "une": "f", "un": "m", "sa": "f", "son": None}.get(det)
        return window[k], window[-1] + 1, det_gender or _noun_gender(t.lower_)
    # right: "Name, [det] <role ...>" up to the next comma or stop
    j = last + 1
    if j < offset + n and toks[j - offset].text == ",":
        j += 1
        det_gender = None
        if j < offset + n and toks[j - offset].lower_ in _DETS:
            det_gender = {"la": "f", "le": "m", "une": "f", "un": "m"}.get(toks[j - offset].lower_)
            j += 1
        if j < offset + n and _is_role_word(toks[j - offset].lower_, roles):
            role_start = j
            while j < offset + n and len(range(role_start, j)) < 12:
                if _role_stop(toks[j - offset]):
                    break
                j += 1
            return role_start, j, det_gender or _noun_gender(toks[role_start - offset].lower_)
    return None


def _noun_gender(noun: str) -> Optional[str]:
    g = resources.role_nouns().get(noun)
    return g if g in ("m", "f") else None


def _roles(table: EntityTable, seg: Segment) -> None:
    toks = seg.token_list
    if not len(toks):
        return
    offset = toks[0].i
    lo, hi = seg.start(toks[0]), seg.end(toks[-1])
    first = bisect_left(table.mention_starts, lo)
    last = bisect_right(table.mention_starts, hi)
    by_start: dict[int, int] = {}
    by_end: dict[int, int] = {}
    for m in table.mentions[first:last]:
        if m.label != "PERSON":
            continue
        ent = table.get(m.entity)
        if ent is None or ent.role:
            continue
        if not by_start:  # built for the segments that hold a person without a role only
            by_start = {seg.start(t): t.i for t in toks}
            by_end = {seg.end(t): t.i for t in toks}
        if m.start not in by_start or m.end not in by_end:
            continue
        found = role_of(seg, by_start[m.start], by_end[m.end])
        if not found:
            continue
        a, b, g = found
        start, end = seg.start(toks[a - offset]), seg.end(toks[b - 1 - offset])
        if end <= start:
            continue
        ent.role = table.text[start:end]
        if g and not ent.gender:
            ent.gender = g
        for other in table.mentions_in(start, end):
            if other.label == "ORG":
                ent.affiliation = other.entity
                break


_ARTICLE_BEFORE = regex.compile(r"(?i)(?<![\w'’])(le|la|du|au)[ \u00a0]+$")


def _genders(table: EntityTable) -> None:
    names = resources.first_names()
    for e in table.entities():
        if e.gender == "m" and e.label == "PERSON" and e.role and _first_name_gender(e, names) == "f":
            # "Le maire de Pamiers, Frédérique Thiennot": French gives many offices a masculine
            # article whoever holds them; her first name tells her gender
            e.gender = "f"
        if e.gender:
            continue
        if e.label in ("LOC", "ORG"):
            # "la Russie", "du Mali": the article a place or a body takes is its gender, which a
            # pronoun agrees with ("…, a-t-elle averti")
            seen = set()
            for s, _ in e.mentions:
                m = _ARTICLE_BEFORE.search(table.text, max(0, s - 4), s)
                if m:
                    seen.add("f" if m.group(1).lower() == "la" else "m")
            if len(seen) == 1:
                e.gender = seen.pop()
            elif not seen and e.label == "LOC" and e.names and all(" " not in n for n in e.names):
                # no article: a country or a region ending in a mute e is feminine (l'Ukraine,
                # l'Algérie, Israël and le Niger are not)
                e.gender = "f" if e.name.lower().endswith("e") else "m"
            continue
        if e.label == "PERSON":
            e.gender = _first_name_gender(e, names)


def _first_name_gender(e: _Ent, names: dict[str, str]) -> Optional[str]:
    """The gender of the first name of one of the person's names, when it has only one."""
    for n in e.names:
        first = n.split()[0].lower() if n.split() else ""
        first = first.split("-")[0] if first not in names else first
        g = names.get(first)
        if g in ("m", "f"):
            return g
    return None
