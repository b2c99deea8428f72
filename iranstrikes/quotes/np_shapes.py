"""Shapes of short noun phrases: is this chunk a name, a plausible subject, a bare plural?

What belongs here: the tests the subject finder (:func:`.phrases._subject`) asks of a chunk
of words before a cue (:func:`_looks_name`, :func:`_person_like`, :func:`_plausible_np`,
:func:`_bare_plural`, :func:`_relative_head`, :func:`_object_relative_subject`,
:func:`_content_clause_subject`) and the word lists and patterns they read. Pure string
functions, no positions in an article.
"""

from __future__ import annotations

import re

from .. import resources as _resources
from ..text.mentions import is_past_form
from ..text.words import _CLAUSE_WORDS
from .lexicon import (
    _FORM2LEMMA,
    _LEAD_FLUFF_RE,
    _ORG_WORDS,
    _RELATIVE_HEADS,
    _STOP,
    _TITLE_WORDS,
)

#: A chunk opening with a preposition or a time word: an adjunct, no subject.
_PREP_START_RE = re.compile(
    r"(?i)^(?:in|on|at|after|before|during|following|earlier|later|last|this|since|from|with|"
    r"without|by|for|under|amid|despite|as|when|while|meanwhile|speaking|asked)\b"
)
_DAYS_MONTHS = frozenset(
    k
    for k in (*_resources.months(), *_resources.weekdays())
    if len(k) > 5 or k in ("may", "june", "july", "march", "april")
)


def _person_like(name: str) -> bool:
    """A capitalised run that reads as a person's name.

    A title in it ("Sen. Kari Vik"), or a known first name (``resources/first_names.csv``)
    first and no organisation word last ("Bob Mulholland", not "Fox News" or "Ho Chi Minh
    City").
    """
    toks = name.split()
    if len(toks) < 2:
        return False
    if any(t.lower().strip(".") in _TITLE_WORDS for t in toks[:-1]):
        return True
    return toks[0].lower() in _resources.first_name_genders() and toks[-1].lower() not in _ORG_WORDS


def _looks_name(s: str) -> bool:
    """A phrase that ends in a name: its last word capitalised, no stop word, day or month."""
    toks = s.split()
    if toks and toks[-1][:3] in ("al-", "el-"):
        toks[-1] = toks[-1][3:]  # "Abdul Amir al-Anbari": the article of an Arabic name
    return (
        bool(toks)
        and toks[-1][:1].isupper()
        and toks[-1].lower() not in _STOP
        and toks[-1].lower().strip(".,") not in _DAYS_MONTHS
    )


_BARE_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})

_SUBJECT_TAIL = _resources.word_set("subject_tail_words")

_DETERMINERS = _resources.word_set("determiners")

_RELATIVE_CLAUSE_RE = re.compile(r"\s(?:who|who[’'](?:s|d|ve|ll|re))\s")

_TRAILING_PARENS_RE = re.compile(r"\s*\([^()]{1,40}\)\s*$")


def _object_relative_subject(np: str) -> bool:
    """The words after a relative pronoun are a subject: a pronoun or a short noun phrase.

    Not a verb or an auxiliary ("who have listened to X", "who backed him", "who favor").
    """
    words = np.split()
    if not 1 <= len(words) <= 4:
        return False
    first = words[0].casefold()
    if first in _SUBJECT_TAIL or first in _CLAUSE_WORDS:
        return False
    if len(words) == 1 and first in _BARE_SUBJECT_PRONOUNS:
        return True
    # (a determiner or a capital opens it: a bare lower-case word may be a verb, "who favor")
    return _plausible_np(np) and (words[0][:1].isupper() or first in _DETERMINERS)


def _bare_plural(cand: str) -> bool:
    """A short plural noun phrase with no determiner ("critics", "union leaders")."""
    words = cand.split()
    return (
        1 <= len(words) <= 3
        and all(w.isalpha() and w.islower() for w in words)
        and words[-1].endswith("s")
        and not words[-1].endswith("ss")
    )


def _plausible_np(cand: str) -> bool:
    """A short phrase that can be a subject: a name, or a determiner or capital-led phrase."""
    cand = _LEAD_FLUFF_RE.sub("", cand).strip()
    rc = _RELATIVE_CLAUSE_RE.search(cand)
    if rc and rc.start() > 0:
        cand = cand[: rc.start()]  # "some voters who have listened to ...": up to "who"
    words = cand.split()
    if not words or len(words) > 9 or _PREP_START_RE.match(cand):
        return False
    first = words[0]
    if _looks_name(_TRAILING_PARENS_RE.sub("", cand)):
        return True
    return (first[:1].isupper() or first.lower() in _DETERMINERS) and words[-1].lower().strip(
        ".,"
    ) not in _STOP


_AUXILIARIES = frozenset({"is", "was", "are", "were", "has", "had", "have", "be", "been"})


def _content_clause_subject(after: str) -> bool:
    """True when ``after`` (the words after "that", before a cue) is a subject of its own.

    A name or capitalised phrase, a determiner phrase or a bare plural, of up to six words,
    with no verb among its lower-case words ("that the mayor", "that Pentagon officials"; not
    "that night Ex-CIA chief X", a demonstrative; not "that his campaign had misread a CNN",
    a clause).
    """
    words = after.split()
    if not 1 <= len(words) <= 6:
        return False
    if not (words[0][:1].isupper() or words[0].lower() in _DETERMINERS or _bare_plural(after)):
        return False
    for w in words:
        if w[:1].islower() and (
            is_past_form(w) or w in _AUXILIARIES or w in _CLAUSE_WORDS or w in _FORM2LEMMA
        ):
            return False
    return _plausible_np(after) or _bare_plural(after)


def _relative_head(head: str) -> bool:
    """True when ``head`` can be the noun a relative clause after it modifies.

    A plausible noun phrase ("some voters who ..."), or a pronoun head of the resource list,
    also after a focus word ("Even those who have ...").
    """
    if _plausible_np(head):
        return True
    words = _LEAD_FLUFF_RE.sub("", head).lower().split()
    if words[:1] and words[0] in _FOCUS_WORDS:
        words = words[1:]
    return len(words) == 1 and words[0] in _RELATIVE_HEADS


_FOCUS_WORDS = frozenset({"even", "only", "just", "especially", "particularly"})
