"""Organisations the model misses or mislabels: phrases headed by an organisation noun, acronyms,
a body's name cut short."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from .. import resources
from ..nlp import Segment
from ._lexicon import (
    _ACRONYM,
    _ACRONYM_TOKEN,
    _INSTITUTION_DETERMINERS,
    _OBJECT_OPENERS,
    _ORG_DETERMINERS,
    _ORG_LINKS,
    _REL_ADJ,
)
from .people import _hyphen_joins
from .table import EntityTable, _Ent


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
            ) or (j + 1 < n and toks[j + 1].lower_ in _OBJECT_OPENERS and toks[j + 1].pos_ in ("DET", "PRON"))
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
                if low == "en" and not (j + 1 < n and toks[j + 1].text[:1].isupper()):
                    break  # "le département en vigilance orange": only a place goes after "en"
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


def _bare_heads(
    text: str, raw: Sequence[tuple[int, int, str, Optional[str], Optional[str]]], assigned: dict[int, _Ent]
) -> None:
    """``la préfecture`` after ``la préfecture du Rhône``, ``l'agence régionale`` after ``l'Agence
    régionale de santé``: a body's name cut short, in lower case, joins the one organisation of the
    article named before it whose name it begins (none when two do: ``le ministère`` after those of
    the Santé and of the Intérieur)."""
    # every name's first one to three words, with the earliest start of each entity named so
    prefixes: dict[tuple[str, ...], dict[int, tuple[int, _Ent]]] = {}
    for k, (s, e, label, _c, _g) in enumerate(raw):
        if label != "ORG":
            continue
        full = text[s:e].lower().split()
        ent = assigned[k]
        for n in range(1, min(3, len(full) - 1) + 1):
            seen = prefixes.setdefault(tuple(full[:n]), {})
            if id(ent) not in seen or s < seen[id(ent)][0]:
                seen[id(ent)] = (s, ent)
    for k, (s, e, label, _canon, _gender) in enumerate(raw):
        surface = text[s:e]
        words = surface.split()
        if label != "ORG" or not surface.islower() or len(words) > 3 or not all(w.isalpha() for w in words):
            continue
        named = [ent for start, ent in prefixes.get(tuple(words), {}).values() if start < s]
        if len(named) == 1:
            assigned[k] = named[0]


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
