"""Where the speaker is named before a cue: the verb's subject from the parse (cut at relative
clauses, asides and brackets), a phrase before ``qui``, a noun phrase or a name right before the
cue when the parse has none."""

from __future__ import annotations

from typing import Optional

from .. import resources
from .lexicon import (
    _DE_FORMS,
    _DETERMINERS,
    _OBJ_CLITICS,
    _QUE,
    _REACH_PARTICIPLES,
)
from .nounphrases import _np_after
from .tokens import TokenIndex

# object clitics the parse may take for a subject ("Le ministre l'a répété")
_NOT_SUBJECTS = _OBJ_CLITICS - resources.words("speaker_words")


def _subject_before(ix: TokenIndex, k: int) -> Optional[tuple[int, int]]:
    """The subject of verb k from the dependency parse (nsubj), as token range of its phrase."""
    tok = ix.toks[k]
    cands = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not cands:
        # the parse may hang the subject on the auxiliary ("Son mari a par ailleurs estimé")
        cands = [c for a in tok.children if a.dep_.startswith("aux") for c in a.children if c.dep_ == "nsubj"]
    if not cands and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
        cands = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    # an object clitic is never a subject ("Le ministre l'a répété": the parse may say so); the
    # noun phrase opening the sentence right before it is
    clitics = [c for c in cands if c.pos_ == "PRON" and c.lower_ in _NOT_SUBJECTS]
    cands = [c for c in cands if c not in clitics]
    if not cands and clitics:
        ci = ix.index(clitics[0])
        sa = ix.sentence(ci)[0] if ci >= 0 else -1
        np = _np_after(ix, sa, ci) if 0 <= sa < ci else None
        return np if np is not None and np[1] == ci else None
    if not cands:
        return None
    # the parse may give a verb two subjects: the one nearest before it is the right one
    before = [c for c in cands if c.i < tok.i]
    c = max(before, key=lambda t: t.i) if before else cands[0]
    if c.lower_ == "qui" and c.head.head.i != c.head.i:
        ante = c.head.head
        a = ix.index(ante)
        q = ix.index(c)
        if a < 0 or q < 0 or a >= q:
            return None
        s = a
        while s > 0 and ix.toks[s - 1].pos_ == "DET" and s - 1 >= a - 2:
            s -= 1
        e = q
        while e > a + 1 and ix.toks[e - 1].is_punct:
            e -= 1
        if ante.pos_ not in ("NOUN", "PROPN") or e - s > 8 or any(ix.text(m) in '"«»“”' for m in range(s, e)):
            return _np_before_relative(ix, q)  # the parse's antecedent is too far: the phrase before qui
        return s, e
    left = [t for t in c.subtree if t.i <= c.i or ix.index(t) < k]
    ks = [ix.index(t) for t in left if ix.index(t) >= 0 and not t.is_punct]
    # stop a subject phrase at a comma that is followed by a relative or a participle clause
    if not ks:
        return None
    a, b = min(ks), max(ks) + 1
    ci = ix.index(c)
    if ci < 0:
        return None
    # keep the part around the head noun, cutting relative clauses ("qui participent ...")
    for j in range(ci + 1, b):
        if ix.low(j) in ("qui", "que", "dont", "lequel", "laquelle") and ix.text(j - 1) == ",":
            b = j - 1
            break
        if ix.text(j - 1) == "," and ix.toks[j].pos_ == "ADP" and ix.low(j) not in _DE_FORMS:
            b = j - 1  # "Le syndicat, par la voix de son secrétaire, a affirmé": a phrase set off by commas
            break
    while a < b and (ix.toks[a].is_punct or ix.low(a) in _QUE):
        a += 1  # (and "que" the parse left in it: "c'est que l'expert a considéré")
    # "Marie Le Goff (PS) a estimé": the party in brackets is no part of the speaker's name,
    # and the first name the parse left out of the subject is
    bracket = next((j for j in range(a + 1, b) if ix.text(j) == "("), None)
    if bracket is not None:
        b = bracket
    while (
        a > 0
        and ix.toks[a - 1].ent_type_ == "PER"
        and ix.toks[a - 1].pos_ == "PROPN"
        and ix.toks[a].pos_ in ("DET", "PROPN")
    ):
        a -= 1
    if b <= a or b > k:
        b = min(b, k)
    if b - a > 2 and ix.low(b - 1) in ("eux", "elles", "lui", "elle") and ix.text(b - 2) == ",":
        b -= 2  # "Les riverains, eux, estiment": the stressed pronoun only repeats the subject
    while b > a + 1 and ix.toks[b - 1].pos_ == "PRON" and ix.low(b - 1) in _OBJ_CLITICS:
        b -= 1  # "Le maire lui a répondu": the object pronoun before the verb is no part of the subject
    if b - 1 >= 0 and ix.low(b - 1) in ("ci", "là"):
        # "Celui-ci se dit": the demonstrative the tokenizer split
        j = b - 2 if b >= 2 and ix.text(b - 2) == "-" else b - 1
        if j >= 1 and ix.low(j - 1) in ("celui", "celle"):
            a = min(a, j - 1)
    return (a, b) if a < b else None


def _np_before_relative(ix: TokenIndex, q: int) -> Optional[tuple[int, int]]:
    """The noun phrase right before the relative pronoun at ``q`` (``dans ce communiqué, qui
    rappelle ...``, ``du compte « L'Œil gauche », qui estimait ...``), at most eight tokens."""
    e = q
    while e > 0 and ix.text(e - 1) == ",":
        e -= 1
    s = e
    while (
        s > 0
        and e - s < 8
        and (
            ix.toks[s - 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET")
            or ix.low(s - 1) in _DE_FORMS
            or ix.text(s - 1) in ("«", "»", "“", "”", '"')
        )
    ):
        s -= 1
    while s < e and ix.low(s) in _DE_FORMS:
        s += 1
    return (s, e) if any(ix.toks[m].pos_ in ("NOUN", "PROPN") for m in range(s, e)) else None


def _opening_np(ix: TokenIndex, a: int) -> Optional[tuple[int, int]]:
    """The noun phrase opening the sentence right before the cue at token ``a`` (``Un lycéen
    ajoute : « … »``), or closed by a comma when an aside set off by commas stands between it and
    the cue (``Une habitante, venue avec ses enfants, résume …``): its subject, which the parse
    lost."""
    sa, _ = ix.sentence(a)
    if a - 1 <= sa or ix.low(sa) not in _DETERMINERS:
        return None
    np = _np_after(ix, sa, a)
    if np is not None and np[1] == a and a - sa <= 8:
        return np  # "Un lycéen ajoute : « … »": the phrase right before the cue opens the sentence
    if ix.text(a - 1) != ",":
        return None
    if np is None or np[1] >= a - 2 or ix.text(np[1]) != ",":
        return None
    if any(ix.text(m) == "," for m in range(np[1] + 1, a - 1)) or a - np[1] > 12:
        return None
    return np


def _np_before_cue(ix: TokenIndex, a: int) -> Optional[tuple[int, int]]:
    """A noun phrase after a comma right up to the cue at token ``a``, when the parse found no
    subject (``Joint au téléphone, le syndicaliste estime que ...``: the article tagged as an object)."""
    sa, _ = ix.sentence(a)
    for c in range(a - 2, max(sa, a - 8) - 1, -1):
        if ix.text(c) == ",":
            break
    else:
        return None
    if ix.low(c + 1) not in _DETERMINERS:
        return None
    np = _np_after(ix, c + 1, a)
    return np if np is not None and np[1] == a and np[1] - np[0] >= 2 else None


def _name_before(ix: TokenIndex, a: int) -> Optional[tuple[int, int]]:
    """The nearest name before token a in its sentence that stands in subject position
    (not inside a prepositional phrase or a coordination): the parse's fallback."""
    sa, _ = ix.sentence(a)
    j = a - 1
    while j >= sa:
        if ix.toks[j].pos_ == "PROPN" and not ix.toks[j].is_punct and ix.low(j) not in _REACH_PARTICIPLES:
            e = j + 1
            s = j
            while s - 1 >= sa and ix.toks[s - 1].pos_ == "PROPN":
                s -= 1
            prev = ix.toks[s - 1] if s - 1 >= sa else None
            if prev is not None and prev.text == "(" and e < len(ix) and ix.text(e) == ")":
                j = s - 1  # "Marie Le Goff (PS) a estimé": a party in brackets, not the speaker
                continue
            if (
                prev is None
                or prev.is_punct
                or (prev.pos_ == "DET" and (s - 2 < sa or ix.toks[s - 2].pos_ not in ("ADP",)))
                or prev.pos_ == "NOUN"
            ):
                if not any(ix.text(m) in '"«»“”' for m in range(s, e)):
                    return s, e
            j = s - 1
            continue
        j -= 1
    return None
