"""Stage 3: entities: people, organisations and places, one per real-world referent.

Mentions come from the model's NER, corrected and completed by a gazetteer of organisations and
places common in French news (``data/organisations.jsonl``: names with their aliases and acronyms),
and by civil titles (``Mme X``, ``M. X``, ``Me X``). Mentions of one person are merged by surname
(``Michelle Baldanza`` / ``Mme Baldanza`` / ``Baldanza``); an acronym in brackets after a name is
an alias of it. Roles and affiliations are read from appositions on either side of a name
(``la porte-parole du Pentagone Michelle Baldanza``, ``Yassine Bouzrou, l'avocat de la famille``).

Modules: ``build`` (the mentions of a text, merged into entities), ``people`` (names of people),
``organisations`` (organisations the model misses), ``gazetteer`` (known organisations and
places), ``roles`` (roles, affiliations, genders), ``table`` (the entity table), ``_lexicon``
(the word classes they share).
"""

from __future__ import annotations

from .build import build_entities
from .gazetteer import gazetteer_matches
from .roles import role_of
from .table import EntityTable, Mention

__all__ = ["Mention", "EntityTable", "build_entities", "gazetteer_matches", "role_of"]
