"""Whether a name the text model found can be a person that "he" or "she" refers to.

What belongs here: the tests the pronoun rule of :mod:`.entities` applies to a candidate
antecedent's name before a gendered pronoun may refer to it, and so make it a person:

* :func:`after_the`: a name right after "the" that names a thing ("the Great Debate
  Debate", "The Internet has ...");
* :func:`no_person_evidence`: a one-word name the story gives no sign of being a person (a
  hashtag, a state's abbreviation, a group word, a word the story also writes in lower
  case, a name seen only after a preposition or as a possessive: "in Clarkston", "on
  Facebook").

Pure functions of the article's text and its mentions; the word lists are resources.
"""

from __future__ import annotations

import re

from .. import resources as _resources
from .mentions import Mention, _lex, is_nationality
from .words import is_past_form

#: The word (or punctuation) after a mention.
_NEXT_WORD_RE = re.compile(r"[ \u00a0]*(?:([,.;:!?)])|([a-z]+)\b)")
_AUXILIARIES = _resources.word_set("auxiliaries")
_REGION_ABBREVIATIONS = _resources.word_set("region_abbreviations", lower=False)
#: A party and state after a lawmaker's name ("R-Tex.", "D-Calif.").
_PARTY_STATE_RE = re.compile(r"[RDI]-([A-Z][a-z]+)")


def after_the(text: str, mk: Mention) -> bool:
    """A name right after "the" that names a thing ("the Great Debate Debate").

    A name of two words or more is then the title of a thing ("the Pacific Command", "the
    Common Core"), never a person a "he" or "she" refers to (a person's full name takes no
    article), unless a party or nationality word ends it after a place ("the Wisconsin
    Republican": a person's description). One word is a thing only when it heads its phrase
    (punctuation, an auxiliary or a past form follows: "The Internet has made ...");
    before a noun it is often a person's surname as a modifier ("the Sanders campaign", the
    person still in view).
    """
    if mk.kind != "name":
        return False
    if " " not in mk.name:
        nm = _NEXT_WORD_RE.match(text, mk.end)
        if nm is None or (
            nm.group(1) is None and not (nm.group(2) in _AUXILIARIES or is_past_form(nm.group(2)))
        ):
            return False
        # (not a first name: "the Donald has said" is a nickname)
        if mk.name.casefold() in _resources.first_name_genders():
            return False
    elif is_nationality(mk.name.rsplit(" ", 1)[1]):
        return False
    j = mk.start
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    return (
        j < mk.start
        and j >= 3
        and text[j - 3 : j].casefold() == "the"
        and (j == 3 or not text[j - 4].isalnum())
    )


def no_person_evidence(
    name: str, mentions: list[Mention], idx: list[int], text: str, no_subject
) -> bool:
    """True when a one-word name is no person a "he" or "she" may refer to.

    ``idx``: the indices of the entity's mentions so far; ``no_subject(k)``: whether mention
    ``k`` cannot be its sentence's subject (after a preposition, a possessive). Only an
    entity named by one word and by names alone (no title, no fuller name) is tested. The name
    is no person when it is a hashtag ("#PrayForParis") or a state's abbreviation ("Tex.",
    "R-Kans."); else a known first name ("Bob") is one; else it is none when it is a group or
    nationality word ("Salafist", "Democrat"), a word the story also writes in lower case
    ("Part", "Progress": a capitalised common word), or when none of its mentions can be a
    subject ("in Clarkston", "on Facebook").
    """
    if " " in name:
        return False
    names = [k for k in idx if mentions[k].kind != "pronoun"]
    if not names or any(mentions[k].kind != "name" for k in names):
        return False
    if any(mentions[k].start > 0 and text[mentions[k].start - 1] == "#" for k in names):
        return True
    pm = _PARTY_STATE_RE.fullmatch(name)
    if name + "." in _REGION_ABBREVIATIONS or pm and pm.group(1) + "." in _REGION_ABBREVIATIONS:
        return True
    low = name.casefold()
    if low in _resources.first_name_genders():
        return False
    if is_nationality(name) or low in _lex()["groups"] or low.rstrip("s") + "s" in _lex()["groups"]:
        return True
    if all(no_subject(k) for k in names):
        return True
    return _has_word(text, low)


def _has_word(text: str, word: str) -> bool:
    """``word`` occurs in ``text`` as a whole word, in that very case (string search)."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        j = i + n
        if (i == 0 or not _word_char(text[i - 1])) and (j == len(text) or not _word_char(text[j])):
            return True
        i = text.find(word, i + 1)
    return False


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_’'-"
