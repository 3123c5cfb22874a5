"""Noun-phrase mentions (names and descriptions) to entities.

* a name or a phrase holding one: the person named in it (``la porte-parole du Pentagone
  Michelle Baldanza``), else the organisation, else a place used for its government (``Berne``);
* a definite description headed by a role noun (``le ministre``, ``la porte-parole``): the person
  it designates (the sieves of ``roles``); an indefinite one (``un habitant``) somebody new;
* ``le syndicat``, ``la préfecture``: the organisation that noun introduced or heads;
* ``ce dernier`` / ``cette dernière``: the person mentioned last;
* other descriptions (``le site``, ``l'ambassade de Russie``): the entity last described with the
  same head noun, else a new entity for that description.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Optional

import regex

from .. import nouns, resources
from ..entities.gazetteer import canonical
from ..entities.table import _key
from ..quotes import TokenIndex
from ..quotes.lexicon import _DE_FORMS, _DETERMINERS, _POSSESSIVES, _PRE_ADJECTIVES, _PRONOUNS
from . import pronouns, roles
from .context import Context

_LAST_WORDS = resources.words("last_words")
# the endings of French demonyms (Fribourgeois, Lyonnaise, Italien, Américaine, Espagnol)
_DEMONYM = regex.compile(r"^\p{Lu}[\p{Ll}-]+(?:ois|oise|ais|aise|ien|ienne|ain|aine|ol|ole)$")
# what may stand between a role phrase and the name it introduces: a comma and a civil title, or
# the rest of the phrase (no verb-like punctuation) closed by a comma
_APPOSED = regex.compile(
    r"[\s,]*(?:(?:M\.|Mme|Me|Mlle|Dr|Pr|Maître|docteure?)\s+)?\Z"
    # the role's complement, then the name ("une responsable du Haut-Commissariat, Maria Costa");
    # not a phrase set off by a comma ("la ministre, ciblant la patronne des Verts, Marine Roux")
    # unless it goes on with the role's complements ("le ministre de l'Économie, de l'Énergie, X")
    r"|(?!\s*,(?!\s*(?:de|du|des|d['’])))[^.;:!?«»\"()]{0,70},\s*(?:(?:M\.|Mme|Me|Mlle|Dr|Pr|Maître|docteure?)\s+)?\Z"
    # "le porte-parole de la gendarmerie, le colonel Paul Sow": a rank or title after the comma
    r"|,\s*(?:le|la|l['’])\s*\p{Ll}[\p{Ll}-]{1,20}\s+\Z"
)


def resolve_np(ctx: Context, a: int, b: int, create: bool = True, loose: bool = True) -> Optional[str]:
    """The entity a noun phrase at ``a:b`` names (``create``: a new one for a description that
    names nobody known; ``loose``: a role description may go to the salient person of its gender).
    One phrase resolves to one entity: a later look at the same phrase gets the same answer."""
    if (a, b) in ctx.np_memo:
        return ctx.np_memo[(a, b)]
    eid = _resolve_np(ctx, a, b, create, loose)
    if loose and create:
        ctx.np_memo[(a, b)] = eid
    return eid


def _resolve_np(ctx: Context, a: int, b: int, create: bool, loose: bool) -> Optional[str]:
    ix = ctx.ix
    toks = ctx.tokens(a, b)
    if not toks:
        return None
    if len(toks) == 1 and ix.low(toks[0]) in _PRONOUNS:
        return pronouns.resolve_pronoun(ctx, toks[0])
    lows = [ix.low(k) for k in toks]
    if len(lows) >= 2 and lows[0] in ("l'", "l’") and lows[1] in ("un", "une"):
        # "lance l'une d'entre eux", "l'un des habitants": one of a group, somebody new
        if not create:
            return None
        head_word = nouns.singular(ix.low(toks[-1])) if len(lows) > 2 else lows[1]
        j = toks[-1] + 1
        if len(lows) == 2 and j + 2 < len(ix) and ix.low(j) in ("d'", "d’") and ix.low(j + 1) == "entre":
            toks = [*toks, j, j + 1, j + 2]  # "l'une d'entre eux"
        return describe(ctx, toks, head_word, "PERSON", "f" if lows[1] == "une" else "m")
    if any(w in _LAST_WORDS for w in lows) and lows[0] in ("ce", "cette"):
        return last_person(ctx, a, "f" if lows[0] == "cette" else "m")
    if len(lows) >= 2 and lows[0] in ("celui", "celle") and lows[-1] in ("ci", "là"):
        return last_person(ctx, a, "f" if lows[0] == "celle" else "m")  # "celui-ci", like "ce dernier"
    if len(lows) > 2 and lows[0] in ("le", "la") and lows[1] == "même":
        # "ajoute la même source": who was just quoted
        eid = ctx.last_speaker(a, any_=True, within=ctx.recent(a))
        if eid is not None:
            return eid
    table = ctx.table
    mentions = table.mentions_in(a, b)
    if not mentions:
        # the phrase is part of a longer name ("Le Maire" of "Bruno Le Maire"), not the complement
        # of a description ("Leonarda" of "la sœur de Leonarda")
        mentions = [
            m
            for m in table.mentions
            if m.start < b and a < m.end and (ent := ctx.ent(m.entity)) is not None and ent.head is None
        ]
    roles = resources.role_nouns()
    content = [k for k in toks if ix.toks[k].pos_ not in ("DET",) and ix.low(k) not in ("l'", "d'")]
    while len(content) > 1 and content[0] == toks[0] and ix.low(content[0]) in _DETERMINERS:
        content = content[1:]  # "le" tagged as a pronoun
    # (a noun of a person in -ant may be tagged as a participle: "cet enseignant de latin"; "autre"
    # is no head: "une autre source")
    head = next(
        (
            k
            for k in content
            if (ix.toks[k].pos_ in ("NOUN", "PROPN", "ADJ") and ix.low(k) not in _PRE_ADJECTIVES)
            or (ix.text(k).islower() and nouns.noun_class(ix.low(k)) == "person")
        ),
        content[0] if content else toks[0],
    )
    head_word = ix.low(head)
    two = " ".join(ix.low(k) for k in content[:2])
    is_role = head_word in roles or two in roles or head_word.rstrip("s") in roles
    first = next((k for k in toks if ix.toks[k].pos_ not in ("DET", "ADP") and ix.low(k) not in ("l'", "d'")), toks[0])
    # a plural head is a group of people or things ("les infirmières du centre hospitalier"),
    # not the organisation named in its complement
    plural_head = "Plur" in ix.toks[head].morph.get("Number") or head_word.endswith(("s", "x"))
    if (
        len(content) == 1
        and lows[0] in ("le", "la", "l'", "l’")
        and ix.text(toks[0]).islower()  # "Le Parisien" with a capital is a newspaper
        and _DEMONYM.match(ix.text(head))
        and not any(m.label == "ORG" for m in ctx.table.mentions_in(a, b))
    ):
        # "le Fribourgeois", "l'Espagnole": someone from a place, the person the passage is about
        feminine = lows[0] == "la" or head_word.endswith(("oise", "aise", "ienne", "aine", "ole"))
        return _person_description(ctx, toks, lows, head, "f" if feminine else "m", create, loose)
    # a person noun heads a description of someone, not the organisation in its complement
    # ("la membre du gouvernement", "un salarié de l'usine")
    person_head = ix.text(head)[:1].islower() and nouns.noun_class(head_word) == "person"
    if not is_role:
        for m in mentions:
            if m.label in ("ORG", "LOC") and m.start <= ix.starts[first] < m.end:
                name = ctx.text[m.start : m.end]
                if m.label == "ORG" and " " not in name and name.islower():
                    # "le parquet" after "le parquet de Nanterre": the organisation named before
                    return _named_org_with(ctx, name.lower(), m.start) or m.entity
                return m.entity
        orgs_inside = [] if plural_head or person_head else [m for m in mentions if m.label == "ORG"]
        if orgs_inside and not any(m.label == "PERSON" for m in mentions):
            # "le site internet de la chaîne Press TV": later "le site" means Press TV
            ctx.heads.append((a, head_word, orgs_inside[-1].entity))
            return orgs_inside[-1].entity
    persons = [m for m in mentions if m.label == "PERSON"]
    others: frozenset[str] = frozenset()
    if persons and _person_noun(ix, first) and all(_complement(ix, m.start, a) for m in persons):
        # "la fille de Paul Roux", "le maire de <a town the model takes for a person>": the phrase
        # names someone else than the people in its complement
        others = frozenset(m.entity for m in persons)
        persons = []
    if persons:
        return persons[-1].entity
    if is_role or person_head:
        # "le ministre de l'Intérieur | Gérald Masson", "Son avocate, Me Claire Fabre",
        # "une responsable du Haut-Commissariat aux réfugiés, Maria Costa": the apposed name
        for m in table.mentions:
            if m.label == "PERSON" and b <= m.start <= b + 80 and _APPOSED.match(ctx.text, b, m.start):
                return m.entity
    orgs = [m for m in mentions if m.label in ("ORG",)]
    if orgs and not is_role and not plural_head and not person_head:
        return orgs[-1].entity
    locs = [m for m in mentions if m.label in ("LOC", "MISC")]
    covered = sum(m.end - m.start for m in locs)
    span_len = ix.ends[content[-1]] - ix.starts[content[0]] if content else 0
    if locs and not is_role and span_len and covered >= 0.8 * span_len:
        return locs[-1].entity
    gender = np_gender(ctx, toks, head)
    # a role noun after a determiner is a description even when capitalised (``Le Secrétaire
    # d'État a affirmé``, ``La Ministre``), as many papers write titles
    if (is_role and ix.toks[toks[0]].pos_ == "DET") or (ix.toks[head].pos_ != "PROPN" and ix.text(head)[:1].islower()):
        kind = "person" if is_role else nouns.noun_class(head_word)
        if kind == "person":
            return _person_description(ctx, toks, lows, head, gender, create, loose, others)
        if kind == "org" and len(content) == 1:
            # "la police", "le ministère": the organisation named before with that noun
            eid = _named_org_with(ctx, head_word, a)
            if eid is not None:
                return eid
        if kind == "org_anaphor" and len(content) == 1:
            # "le syndicat" after "le syndicat Force ouvrière": the organisation it introduced
            eid = _named_org_with(ctx, head_word, a)
            if eid is not None:
                return eid
        if kind in ("org_anaphor", "document"):
            eid = issuer(ctx, a, kind, head_word if kind == "org_anaphor" else "")
            if eid is not None:
                return eid
        elif kind == "other" and not orgs and not locs and not plural_head and lows[0] in ("un", "une"):
            # "a raconté un fidèle": whoever an indefinite noun names is somebody new, not the
            # speaker before
            return _person_description(ctx, toks, lows, head, gender, create, loose, others)
        elif kind == "other" and not orgs and not locs and not plural_head:
            # a thing cannot speak ("la voiture", "quelques piques"): the speaker of the passage
            return ctx.last_speaker(a, within=ctx.recent(a), any_=True) if loose else None
    plural = "Plur" in ix.toks[head].morph.get("Number")
    if len(content) <= 2:
        for pos, h, eid in reversed(ctx.heads):
            if h == head_word and pos < a:
                return eid
    found = table.by_head(head_word, a)
    if found is not None and (len(content) <= 2 or _key(ctx.text[ix.starts[content[0]] : b]) == _key(found.name)):
        return found.id
    if not create:
        return None
    names = resources.first_names()
    proper = [k for k in toks if ix.text(k)[:1].isupper()]
    if len(proper) == len(toks) == 1:
        # "Leonarda" the model did not tag, after "Leonarda Dibrani": the one person named so
        word = ix.text(toks[0])
        same = [
            e
            for e in table.entities()
            if e.label == "PERSON" and e.head is None and any(word in n.split() for n in e.names) and e.mentions
        ]
        if len(same) == 1 and min(s for s, _ in same[0].mentions) < a:
            return same[0].id
    if (
        len(proper) == len(toks)
        and ix.toks[toks[0]].pos_ != "DET"
        and (ix.low(toks[0]) in names or 2 <= len(toks) <= 4)
    ):
        g = names.get(ix.low(toks[0]))
        return describe(ctx, toks, head_word, "PERSON", g if g in ("m", "f") else None, named=True)
    if len(toks) == 1 and _lone_surname(ix.text(toks[0])):
        # "Deschamps : « … »": one capitalised word no one knows, speaking, is a surname
        return describe(ctx, toks, head_word, "PERSON", None, named=True)
    return describe(ctx, toks, head_word, "ORG", gender, plural)


def _lone_surname(word: str) -> bool:
    """A word shaped like a surname (``Deschamps``, ``Le Pen`` aside): capitalised, the rest in lower
    case (an acronym is an organisation), and not the name of a known organisation."""
    return (
        len(word) > 2
        and word[:1].isupper()
        and word[1:].replace("-", "").isalpha()
        and word[1:].replace("-", "").islower()
        and canonical(word) is None
        and nouns.noun_class(word.lower()) == "other"
        and word.lower() not in resources.stopwords()
    )


def _person_noun(ix: TokenIndex, k: int) -> bool:
    """Token ``k`` is a lower-case noun of a role or of a person (``fille``, ``maire``)."""
    return ix.text(k)[:1].islower() and nouns.noun_class(ix.low(k)) == "person"


def _complement(ix: TokenIndex, start: int, a: int) -> bool:
    """The mention at ``start`` is the complement of a noun (after ``de``) in the phrase at ``a``:
    ``la fille de Paul Roux``, ``l'avocat de M. Roux``, ``un proche de l'ancien maire Paul Roux``."""
    titles = resources.person_titles()
    j = ix.before(start)
    while j >= 0 and ix.starts[j] >= a and ix.low(j) in titles:
        j -= 1
    if j < 0 or ix.starts[j] < a:
        return False
    if ix.low(j) in _DE_FORMS:
        return True
    # a name apposed to a person noun that itself stands in a de-complement
    while j >= 0 and ix.starts[j] >= a and ix.toks[j].pos_ == "ADJ":
        j -= 1
    if j < 0 or ix.starts[j] < a or not _person_noun(ix, j):
        return False
    k = j - 1
    while k >= 0 and ix.starts[k] >= a and ix.toks[k].pos_ in ("DET", "ADJ"):
        k -= 1
    return k >= 0 and ix.starts[k] >= a and ix.low(k) in _DE_FORMS


def last_person(ctx: Context, before: int, gender: Optional[str]) -> Optional[str]:
    """``ce dernier``: the person named or described last before ``before``."""
    ix = ctx.ix
    roles = resources.role_nouns()
    named = ctx.last_mention(before, ("PERSON",), gender)
    named_pos = max((m.start for m in ctx.table.mentions if m.entity == named and m.end <= before), default=-1)
    k = ix.before(before)
    sa = ix.sentence(k)[0] if k >= 0 else 0
    lo = ix.sentence(sa - 1)[0] if sa > 0 else 0
    org = _last_org(ctx, before, gender, max(named_pos, ix.starts[lo] if lo < len(ix) else 0))
    if org is not None:
        return org  # "... écrit le Conseil d'État. Quelques heures plus tard, ce dernier annonçait"
    for j in range(k - 1, lo - 1, -1):
        if ix.starts[j] <= named_pos:
            break
        low = ix.low(j)
        person = low in roles or (nouns.noun_class(low) == "person" and "Plur" not in ix.toks[j].morph.get("Number"))
        if person and ix.toks[j].pos_ == "NOUN" and j > 0 and ix.toks[j - 1].pos_ == "DET":
            end = j + 1
            while end < len(ix) and ix.toks[end].pos_ in ("ADJ",):
                end += 1
            found = ctx.table.by_head(ix.low(j), before)
            if found is not None:
                return found.id
            return describe(ctx, list(range(j - 1, end)), ix.low(j), "PERSON", np_gender(ctx, [j - 1], j))
    return named


def _last_org(ctx: Context, before: int, gender: Optional[str], after: int) -> Optional[str]:
    """The organisation named last between ``after`` and ``before``, outside quotations, when the
    article before its name agrees with ``gender`` (``le Conseil d'État`` for ``ce dernier``)."""
    ix = ctx.ix
    for m in reversed(ctx.table.mentions_in(after, before)):
        if m.label != "ORG" or m.start <= after or ctx.in_quote(m.start, m.end):
            continue
        k = ix.at(m.start)
        det = ix.low(k - 1) if 0 < k < len(ix) and ix.starts[k] == m.start else ""
        det_gender = "m" if det in ("le", "du", "au") else "f" if det == "la" else None
        return m.entity if det_gender is not None and det_gender == gender else None
    return None


def np_gender(ctx: Context, toks: list[int], head: int) -> Optional[str]:
    ix = ctx.ix
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


def describe(
    ctx: Context,
    toks: list[int],
    head: str,
    label: str,
    gender: Optional[str],
    plural: bool = False,
    named: bool = False,
) -> str:
    """A new entity for a description (or an unknown name) at ``toks``."""
    ix = ctx.ix
    k0 = 0
    while (
        k0 < len(toks) - 1
        and (ix.toks[toks[k0]].pos_ == "DET" or (k0 == 0 and ix.low(toks[0]) == "des"))  # "des" as ADP
        and not (ix.low(toks[k0]) in ("un", "une") and ix.low(toks[k0 + 1]) in ("des", "de", "d'", "du"))
    ):
        k0 += 1
    a, b = ix.starts[toks[k0]], ix.ends[toks[-1]]
    e = ctx.table.new(label)
    e.head = None if named else head
    e.gender = gender
    if label == "PERSON" and not named:
        e.role = ctx.text[a:b]
    ctx.table.add_mention(e, a, b)
    if label == "PERSON" and not named and not plural:
        fuller = roles.fuller_description(ctx, toks[k0], head)
        if fuller is not None:
            e.names.append(fuller)  # "le maire" after "le maire de Saint-Aubin": its fullest form
    return e.id


def _person_description(
    ctx: Context,
    toks: list[int],
    lows: list[str],
    head: int,
    gender: Optional[str],
    create: bool,
    loose: bool,
    others: frozenset[str] = frozenset(),
) -> Optional[str]:
    """A description of a person or of people: ``un habitant`` is somebody new; ``des
    habitants``, ``les juges`` a group; ``le bourgmestre`` the person introduced with that role,
    or the salient person it agrees with."""
    ix = ctx.ix
    a = ix.starts[toks[0]]
    head_word = ix.low(head)
    det = lows[0]
    one_of = (det in ("un", "une") and len(lows) > 1 and lows[1] in ("des", "de", "d'")) or (
        det == "l'" and len(lows) > 1 and lows[1] in ("un", "une")
    )
    plural = not one_of and (
        "Plur" in ix.toks[head].morph.get("Number") or det in ("les", "des", "ces", "leurs", "ses")
    )
    sing = nouns.singular(head_word) if (plural or one_of) else head_word
    if one_of or (nouns.is_indefinite(det) and not plural):
        if not create:
            return None
        return describe(ctx, _until_addressee(ix, toks), sing, "PERSON", gender)
    if plural:
        found = ctx.table.by_head(sing, a)
        if found is not None and found.group:
            return found.id
        if not create:
            return None
        group = describe(ctx, _until_addressee(ix, toks), sing, "PERSON", None)
        ent = ctx.ent(group)
        if ent is not None:
            ent.group = True
        return group
    eid = roles.periphrasis(ctx, toks, a)
    if eid is None:
        # "leur père", "son avocat": someone related to the person the passage is about, never
        # that person; only a role or a description met before names them
        # "le patron d'une brasserie": a complement with an indefinite article introduces
        # somebody new, never the salient person
        # "souffle cette institutrice": a demonstrative with a noun of no office presents
        # somebody, as an indefinite does, unless a person was described so before
        presents = det in ("ce", "cet", "cette") and head_word not in resources.role_nouns()
        loose = loose and det not in _POSSESSIVES and not _indefinite_complement(ix, toks, head)
        after = " ".join(ix.text(k) for k in toks if k > head)
        complement = roles.role_complement(f"{head_word} {after}", head_word)
        eid = roles.resolve_role(ctx, sing, gender, a, loose, complement, salient=not presents)
    if eid in others:
        eid = None  # "l'avocat de Paul Roux" is not Paul Roux
    if eid or not create:
        return eid
    return describe(ctx, _until_addressee(ix, toks), sing, "PERSON", gender)


def _indefinite_complement(ix: TokenIndex, toks: list[int], head: int) -> bool:
    """The description's head takes a complement with an indefinite article (``d'une brasserie``)."""
    return any(ix.low(k) in ("de", "d'", "d’") and ix.low(k + 1) in ("un", "une") for k in toks if head < k < toks[-1])


def _until_addressee(ix: TokenIndex, toks: list[int]) -> list[int]:
    """The phrase without a trailing addressee or place (``un porte-parole du groupe à l'AFP``)."""
    for n, k in enumerate(toks[1:], 1):
        if ix.low(k) in ("à", "au", "aux", "auprès", "sur", "dans", "lors") and ix.toks[k].pos_ == "ADP":
            return toks[:n]
    return toks


def _other_body(ctx: Context, eid: str, noun: str) -> bool:
    """The organisation ``eid`` is named after an institution of another kind than ``noun`` (``le
    syndicat`` is not ``la mairie de Lyon``; ``Vallourec``, ``le groupe Velmora`` may be
    ``l'entreprise``)."""
    ent = ctx.ent(eid)
    words = ent.name.split() if ent is not None else []
    if not noun or not words or not words[0].islower():
        return False
    first = words[0].lower()
    return first != noun and nouns.noun_class(first) == "org"


def issuer(ctx: Context, before: int, kind: str, noun: str = "") -> Optional[str]:
    """``le groupe``, ``l'enseigne`` (``noun``): the organisation named last (speaking or mentioned
    in the last two paragraphs), unless a body of another kind; ``le communiqué``: likewise, or
    the speaker of the passage."""
    within = ctx.recent(before)
    eid = ctx.last_speaker(before - 1, any_=True, within=within, named="ORG")
    if eid is not None and not _other_body(ctx, eid, noun):
        return eid
    eid = ctx.last_mention(before, ("ORG",), after=within, check=False)
    if eid is not None and _other_body(ctx, eid, noun):
        return None
    ent = ctx.ent(eid)
    if kind == "document" and eid is not None:
        # "« ... », poursuit-il. « ... », poursuit le communiqué": the text of who spoke since
        speaker = ctx.last_speaker(before, within=within, any_=True)
        org_at = max((s for s, e in (ent.mentions if ent else []) if e <= before), default=-1)
        if speaker is not None and speaker != eid and ctx.latest.get(speaker, -1) > org_at:
            return speaker
    if eid is not None and ent is not None and ent.head is None:
        return eid
    if kind == "document":
        return ctx.last_speaker(before, within=within, any_=True)
    return None


def _named_org_with(ctx: Context, noun: str, before: int) -> Optional[str]:
    """The organisation mentioned last before ``before`` whose name holds ``noun``
    (``le parquet`` after ``le parquet de Nanterre``)."""
    found = ctx.org_with(noun)
    k = bisect_left(found, (before, "")) - 1
    return found[k][1] if k >= 0 else None
