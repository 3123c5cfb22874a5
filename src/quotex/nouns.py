"""What kind of referent a common noun heading a speaker mention names.

``person`` (``le bourgmestre``, ``l'actrice``, ``un habitant``: role nouns, nouns of people, and
agent endings such as ``-euse``, ``-iste``), ``org`` (an institution named by its noun: ``le
parquet``, ``la police``, or a collective of people: ``la défense``, ``la famille``),
``org_anaphor`` (a noun that refers back to an organisation already
named: ``l'enseigne``, ``le groupe``), ``document`` (``le communiqué``: its words are its issuer's)
or ``other`` (a thing, which cannot speak).
"""

from __future__ import annotations

from functools import lru_cache

from . import resources


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith(("s", "x")) and not word.endswith(("ss",)):
        return word[:-1]
    return word


@lru_cache(maxsize=4096)
def noun_class(word: str) -> str:
    """The class of a lower-case noun (singular or plural)."""
    classes = resources.speaker_nouns()
    roles = resources.role_nouns()
    orgs = resources.org_nouns()
    w = word.replace("’", "'")
    for form in dict.fromkeys((w, _singular(w))):
        if form in classes["document"]:
            return "document"
        if form in classes["org_anaphor"]:
            return "org_anaphor"
        if form in roles or form in classes["person"]:
            return "person"
        if form in orgs or form in classes["collective"]:
            return "org"
    base = _singular(w)
    if len(base) >= 5 and base.endswith(tuple(classes["person_suffix"])):
        return "person"
    if "-" in w.strip("-"):
        # a compound is what its last part is: "sous-préfet", "sapeur-pompier", "lieutenant-colonel"
        # are people ("chef-lieu" is a place)
        last = _singular(w.rsplit("-", 1)[1])
        if last in roles or last in classes["person"]:
            return "person"
    return "other"


def singular(word: str) -> str:
    """The singular of a plural noun of people (``policiers`` -> ``policier``)."""
    return _singular(word)


def is_indefinite(det: str) -> bool:
    return det in resources.speaker_nouns()["indefinite"]
