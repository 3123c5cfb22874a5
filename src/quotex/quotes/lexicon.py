"""Closed word classes the quotation rules read (from ``data/``), and dash and space sets
(quotation marks: ``quotex.marks``)."""

from __future__ import annotations

from .. import resources

_DASHES = ("—", "–", "―")
_SPACES = " \t\u00a0\u202f\u2009\u2007\ufeff\r"
# closed classes of words, from data/function_words.tsv and data/pronouns.tsv
_PRONOUNS = resources.pronouns()
_NEGATORS = resources.words("negators")
_MODALS = resources.words("modals")
_SPEECH_LEADERS = resources.words("speech_leaders")
_QUE = resources.words("que")
_OBJ_CLITICS = resources.words("object_clitics")
_NP_INNER = resources.words("np_inner")
_SKIP_PREPS = resources.words("skip_preps")
_TIME_WORDS = resources.words("time_words")
_MONTHS = resources.words("months")
_DETERMINERS = resources.words("determiners")
_POSSESSIVES = resources.words("possessives")
_ARTICLES = resources.words("articles")
_PLURAL_DETERMINERS = resources.words("plural_determiners")
_PRE_ADJECTIVES = resources.words("pre_adjectives")
_ASIDE_NOUNS = resources.words("aside_nouns")
_CLAUSE_LINKERS = resources.words("clause_linkers")
_SUBORDINATORS = resources.words("subordinators")
_CAUSATIVE_SPEECH = resources.words("causative_speech")
_DE_ADVERBS = resources.words("de_adverbs")
_DE_FORMS = resources.words("de_forms")
_SUBJ_CLITICS = resources.words("subject_clitics")
_MARKER_PRONOUNS = resources.words("marker_pronouns")
_VERB_ASIDES = resources.words("verb_asides")
_REACH_PARTICIPLES = resources.words("reach_participles")
