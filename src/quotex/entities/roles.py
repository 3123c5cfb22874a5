"""Roles and affiliations read from appositions on either side of a name, and genders."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any, Optional

import regex

from .. import nouns, resources
from ..nlp import Segment
from ._lexicon import _DE_FORMS, _DETS
from .table import EntityTable, _Ent

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
    opening = _opening_role(seg, first)
    if opening is not None:
        return opening
    # right: "Name, [det] <role ...>" up to the next comma or stop
    j = last + 1
    if j < offset + n and toks[j - offset].text == ",":
        j += 1
        if (
            j + 3 < offset + n
            and toks[j - offset].like_num
            and toks[j + 1 - offset].lower_ == "ans"
            and toks[j + 2 - offset].text == ","
        ):
            j += 3  # "Marie Roux, 34 ans, infirmière": the role after the age
        det_gender = None
        if j < offset + n and toks[j - offset].lower_ in _DETS:
            det_gender = {"la": "f", "le": "m", "une": "f", "un": "m"}.get(toks[j - offset].lower_)
            j += 1
        if j < offset + n and (
            _is_role_word(toks[j - offset].lower_, roles)
            or (toks[j - offset].pos_ == "NOUN" and nouns.noun_class(toks[j - offset].lower_) == "person")
        ):
            # "Jean-Marc Duval, viticulteur à Pomerol": a trade, as well as an office
            role_start = j
            while j < offset + n and len(range(role_start, j)) < 12:
                if _role_stop(toks[j - offset]):
                    break
                j += 1
            if j < offset + n and toks[j - offset].pos_ in ("VERB", "AUX") and not toks[first - offset].is_sent_start:
                # "Interrogé par France Bleu, le président du département a expliqué": the role
                # phrase is the subject of the next verb, no apposition to the name before it
                # (unless the name opens the sentence: a closing comma left out)
                return None
            return role_start, j, det_gender or _noun_gender(toks[role_start - offset].lower_)
    return None


def _opening_role(seg: Segment, first: int) -> Optional[tuple[int, int, Optional[str]]]:
    """The phrase opening the sentence up to the comma before the name at token ``first``, when
    a noun of a role or a trade heads it without an article (``Éleveur laitier à Villers depuis
    vingt ans, Thomas Girard a …``, ``Maire de Dole depuis 2020, Anne Roy …``)."""
    toks = seg.tokens
    offset = toks[0].i
    comma = first - 1
    if comma <= offset or toks[comma - offset].text != ",":
        return None
    # the sentence start: after a full stop or a line break, or the segment's start (the model's
    # own sentence starts are unreliable here)
    start = comma - 1
    while start > offset and comma - start < 16:
        prev = toks[start - 1 - offset]
        if prev.text in (".", "!", "?", "…") or prev.is_space or prev.text == ",":
            break
        start -= 1
    t = toks[start - offset]
    before = toks[start - 1 - offset] if start > offset else None
    if (before is not None and before.text == ",") or comma - start < 1 or comma - start >= 16:
        return None
    if not t.text[:1].isupper():
        return None
    low = t.lower_
    if not (_is_role_word(low, resources.role_nouns()) or nouns.noun_class(low) == "person"):
        return None
    if any(
        toks[j - offset].pos_ in ("VERB", "AUX") and not _is_role_word(toks[j - offset].lower_, resources.role_nouns())
        for j in range(start + 1, comma)
    ):
        return None  # a clause, not an apposition
    return start, comma, _noun_gender(low)


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
