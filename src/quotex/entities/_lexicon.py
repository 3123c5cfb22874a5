"""Word classes and patterns the entity rules share (most from ``data/function_words.tsv``)."""

from __future__ import annotations

import regex

from .. import resources

_LABELS = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}
_ELISION = regex.compile(r"^(?:l|d|n|qu|s|j|c|m|t)['’]$", regex.I)
_DETS = resources.words("determiners")
_ACRONYM = regex.compile(r"\s*\(\s*(\p{Lu}[\p{Lu}\d&.-]{1,9})\s*\)")


_REL_ADJ = regex.compile(
    r"^\p{Ll}+(?:ais|aise|ois|oise|ien|ienne|al|ale|aux|ique|aire|el|elle|ain|aine|é|ée|if|ive|iste)s?$"
)
# what opens a verb's object ("… ferme | une usine", "méprise | ceux qui"): a word before one
# ends an organisation's name
_OBJECT_OPENERS = resources.words("object_openers")
_LINK_BEFORE = regex.compile(r"\b(?:de|du|des|d['’]|aux?)\s*$")
_ORG_LINKS = resources.words("org_links")
_ORG_DETERMINERS = resources.words("org_determiners")
_DEFINITE = resources.words("definite_articles")
_DE_FORMS = resources.words("de_forms")
_REACH_PARTICIPLES = resources.words("reach_participles")


_PLACE_AFTER = regex.compile(r"\s+(?:de\s+la|de|du|des|d['’])\s*\p{Lu}")  # "... de Privas", "... du Nord"
_INSTITUTION_DETERMINERS = frozenset(("le", "la", "l'", "l’", "du", "au", "les", "des", "aux"))
_ACRONYM_TOKEN = regex.compile(r"^\p{Lu}[\p{Lu}\d&]{1,5}\+?$")
