"""All mentions of a parsed text, merged into entities (one per real-world referent)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional

import regex

from .. import resources
from ..nlp import Segment
from ._lexicon import _LABELS, _LINK_BEFORE, _PLACE_AFTER, _REACH_PARTICIPLES
from .gazetteer import canonical, gazetteer_matches
from .organisations import _acronym_mentions, _acronyms, _bare_heads, _is_acronym, _org_phrases, _org_words_in
from .people import (
    _after_article,
    _aged_names,
    _capitalised_role,
    _clean_ent,
    _common_word,
    _described,
    _fix_person,
    _particle_names,
    _role_names,
    _surname_mentions,
    _surname_tokens,
    _title_mentions,
    _titled_name,
)
from .roles import _genders, _roles
from .table import EntityTable, _Ent, _Intervals, _key


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
            if not _surname_of(text, s, e)
        ]
        taken = _Intervals((s, e) for s, e, *_ in gaz)
        for s, e, g in _title_mentions(seg) + _particle_names(seg) + _aged_names(seg):
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
            if ent[0].lower_ in _REACH_PARTICIPLES and (len(ent) == 1 or ent[1].lower_ in ("de", "d'", "du", "par")):
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


# a capitalised first name (or a civil title), perhaps a particle, right before a word
_BEFORE_SURNAME = regex.compile(
    r"(?:^|[^\w'’-])(\p{Lu}[\p{Ll}]+(?:-\p{Lu}[\p{Ll}]+)?|M\.|Mme|Me|Dr)\s+(?:(?:de|d['’]|du|van|von|Le|La)\s*)?\Z"
)


def _surname_of(text: str, s: int, e: int) -> bool:
    """The gazetteer's one-word name at ``s:e`` is a person's surname (``Martin Bouygues``,
    ``Léonard de Vinci``, ``M. Renault``): a known first name or a civil title comes right before."""
    if " " in text[s:e] or text[s:e].isupper():
        return False
    m = _BEFORE_SURNAME.search(text, max(0, s - 40), s)
    if m is None:
        return False
    word = m.group(1)
    return word in ("M.", "Mme", "Me", "Dr") or word.lower() in resources.first_names()


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

    # a name written once as an organisation is one everywhere ("Hôpital de Lannion" in the
    # headline, which the model calls a place, and "l'hôpital de Lannion" in the body)
    org_keys = {canon or _key(text[s:e]) for s, e, label, canon, _g in raw if label == "ORG"}

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
            if label in ("LOC", "MISC") and (canon or _key(surface)) in org_keys:
                label = "ORG"
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
