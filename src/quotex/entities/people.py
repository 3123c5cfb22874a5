"""People's names: the model's spans corrected (a first name left out, a surname's particle, a
title or an article kept out), names after civil titles and roles, lone surnames."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional

import regex

from .. import nouns, resources
from ..nlp import Segment
from ._lexicon import _DE_FORMS, _DEFINITE, _DETS, _ELISION
from .gazetteer import canonical
from .table import _Intervals, _key


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


def _aged_names(seg: Segment) -> list[tuple[int, int, Optional[str]]]:
    """``Léa, 19 ans, …``, ``Paul Sow, 52 ans, …``: a known first name (and a capitalised word
    after it) followed by an age, whatever the model tags them."""
    names = resources.first_names()
    toks = seg.token_list
    out = []
    for i in range(len(toks) - 3):
        t = toks[i]
        if not (t.text[:1].isupper() and seg.lowers[i] in names):
            continue
        e = i + 1
        if e < len(toks) and toks[e].text[:1].isupper() and toks[e].is_alpha:
            e += 1  # the surname
        if e + 2 < len(toks) and toks[e].text == "," and toks[e + 1].like_num and seg.lowers[e + 2] == "ans":
            g = names[seg.lowers[i]]
            out.append((seg.start(t), seg.end(toks[e - 1]), g if g in ("m", "f") else None))
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
    if (
        len(words) == 1
        and after < len(seg.lowers)
        and nouns.noun_class(words[0]) == "person"
        and words[0] not in resources.first_names()
        and seg.lowers[after] in _PHRASE_PREPOSITIONS
    ):
        return True  # "Infirmière à l'hôpital de Dole, Julie Marchal": a trade opening a phrase
    return (
        len(words) == 1
        and after < len(seg.lowers)
        and f"{words[0]} {seg.lowers[after]}" in roles
        and seg.texts[after][:1].islower()
    )


# prepositions that go on a noun of a person into its complement ("Infirmière à l'hôpital")
_PHRASE_PREPOSITIONS = frozenset({"à", "au", "aux", "de", "du", "des", "d'", "d’", "chez", "dans"})


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
