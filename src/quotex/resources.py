"""Word lists and gazetteers shipped as package data, loaded once and cached.

Every list lives in ``quotex/data/`` as plain text (``#`` starts a comment line), TSV or JSONL, so
that the rules read evidence from data rather than from literals in code.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Optional

__all__ = [
    "read_lines",
    "read_table",
    "reporting_verbs",
    "verb_forms",
    "source_markers",
    "role_nouns",
    "person_titles",
    "first_names",
    "organisations",
    "boilerplate_rules",
    "date_words",
    "org_nouns",
    "words",
    "pronouns",
]


def _read_text(name: str) -> str:
    return resources.files("quotex").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def read_lines(name: str) -> list[str]:
    """The non-empty, non-comment lines of a data file, stripped."""
    out = []
    for line in _read_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def read_table(name: str) -> list[tuple[str, ...]]:
    """A TSV data file as tuples of fields."""
    return [tuple(f.strip() for f in line.split("\t")) for line in read_lines(name)]


@cache
def reporting_verbs() -> dict[str, str]:
    """lemma (or multi-word cue) -> class (``speech`` or ``cue``)."""
    return {row[0].replace("’", "'"): row[1] for row in read_table("reporting_verbs.tsv")}


_ER_ENDINGS = ("e", "es", "ent", "a", "èrent", "ait", "aient", "é", "ée", "és", "ées", "ant", "ons", "ez")


@cache
def verb_forms() -> dict[str, str]:
    """Inflected form -> lemma for the reporting verbs: the listed irregular forms
    (``data/verb_forms.tsv``) and the regular forms of every ``-er`` verb of the list (present,
    passé simple, imparfait, participles), for when the model mis-tags or mis-lemmatises a verb
    (the small model often tags a passé simple such as ``demanda`` as an adverb)."""
    out: dict[str, str] = {}
    for lemma in reporting_verbs():
        base = lemma.split()[0] if " " in lemma else lemma
        for prefix in ("se ", "s'"):
            if base.startswith(prefix):
                base = base[len(prefix) :]
        if base.endswith("er") and len(base) > 3:
            stem = base[:-2]
            if stem.endswith("g"):
                endings = tuple(("e" + e) if e[:1] in ("a", "o") else e for e in _ER_ENDINGS)
            elif stem.endswith("c"):
                endings = _ER_ENDINGS
                stem_c = stem[:-1] + "ç"
                for e in ("a", "ait", "aient", "ant", "ons"):
                    out.setdefault(stem_c + e, base)
            else:
                endings = _ER_ENDINGS
            for e in endings:
                out.setdefault(stem + e, base)
    for row in read_table("verb_forms.tsv"):
        out[row[0]] = row[1]
    return out


@cache
def verb_prefixes() -> frozenset[str]:
    """First three letters of every reporting verb's lemma and listed forms: a token that starts
    otherwise cannot be a reporting verb, and its lemma need not be computed."""
    out = set()
    for lemma in reporting_verbs():
        word = lemma.split()[0]
        for prefix in ("se ", "s'"):
            if lemma.startswith(prefix):
                word = lemma[len(prefix) :].split()[0]
        out.add(word[:3])
    out.update(form[:3] for form in verb_forms())
    return frozenset(out)


@cache
def role_synonyms() -> dict[str, tuple[str, ...]]:
    """Periphrasis of a role (``chef de l'état``) -> the words the role must hold
    (``data/role_synonyms.tsv``)."""
    return {row[0].replace("’", "'"): tuple(row[1].split()) for row in read_table("role_synonyms.tsv")}


@cache
def role_groups() -> dict[str, frozenset[str]]:
    """Each role noun of ``data/role_groups.txt`` to the nouns of its group (itself included)."""
    out: dict[str, frozenset[str]] = {}
    for line in read_lines("role_groups.txt"):
        group = frozenset(line.split())
        for word in group:
            out[word] = out.get(word, frozenset()) | group
    return out


@cache
def stopwords() -> frozenset[str]:
    """French function words (``data/stopwords.txt``)."""
    return frozenset(read_lines("stopwords.txt"))


@cache
def source_markers() -> tuple[str, ...]:
    return tuple(m.replace("’", "'") for m in read_lines("source_markers.txt"))


@cache
def role_nouns() -> dict[str, str]:
    """role noun (lower case, may be several words) -> gender ``m``, ``f`` or ``-``."""
    return {row[0].replace("’", "'"): row[1] for row in read_table("titles.tsv")}


@cache
def person_titles() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("person_titles.tsv")}


@cache
def first_names() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("first_names.tsv")}


@cache
def org_nouns() -> frozenset[str]:
    return frozenset(read_lines("org_nouns.txt"))


@cache
def speaker_nouns() -> dict[str, frozenset[str]]:
    """Classes of nouns heading a speaker mention (``data/speaker_nouns.tsv``): ``person``,
    ``person_suffix``, ``document``, ``indefinite`` (determiners), ``org_anaphor``."""
    return {row[0]: frozenset(w.replace("’", "'") for w in row[1].split()) for row in read_table("speaker_nouns.tsv")}


@cache
def org_name_words() -> frozenset[str]:
    """Words that make a name an organisation's (``data/org_name_words.txt``)."""
    return frozenset(read_lines("org_name_words.txt"))


@cache
def institution_nouns() -> frozenset[str]:
    return frozenset(read_lines("institution_nouns.txt"))


@cache
def not_acronyms() -> frozenset[str]:
    return frozenset(read_lines("not_acronyms.txt"))


@cache
def date_words() -> frozenset[str]:
    return frozenset(w.replace("’", "'") for w in read_lines("date_words.txt"))


@cache
def _function_words() -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(row[1].split()) for row in read_table("function_words.tsv")}


def words(name: str) -> frozenset[str]:
    """A closed class of French words from ``data/function_words.tsv`` (``negators``,
    ``subject_clitics``, ``org_links``, ...); KeyError for an unknown class."""
    return _function_words()[name]


@cache
def pronouns() -> dict[str, tuple[Optional[str], str]]:
    """Pronoun form -> (gender ``m``/``f`` or None, number ``s``/``p``)."""
    return {row[0]: (row[1] if row[1] in ("m", "f") else None, row[2]) for row in read_table("pronouns.tsv")}


@cache
def organisations() -> tuple[dict[str, object], ...]:
    """The gazetteer: dicts with ``name``, ``label`` and ``aliases``."""
    out = []
    for line in read_lines("organisations.jsonl"):
        item = json.loads(line)
        if "name" in item:
            item.setdefault("aliases", [])
            item.setdefault("label", "ORG")
            out.append(item)
    return tuple(out)


@cache
def boilerplate_rules() -> tuple[tuple[str, str, str], ...]:
    """(reason, mode, pattern) rows of the boilerplate phrase list."""
    return tuple((r[0], r[1], r[2]) for r in read_table("boilerplate.tsv"))
