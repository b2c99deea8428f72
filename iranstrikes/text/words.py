"""The word knowledge the mention finder reads: lexicons, head words, pronoun forms.

What belongs here: the tables built once from ``iranstrikes/resources/`` (:func:`_lex`), the
word tests and tries over them (:func:`is_nationality`, :func:`is_past_form`, head words,
pronoun forms) that :mod:`.mentions` and the other readers of the text share. No text is
read here.
"""

from __future__ import annotations

import functools
import re

from .. import resources as _resources


# -- lexicons ----------------------------------------------------------------------------------
@functools.cache
def _lex() -> dict:
    r = _resources
    titles = set(r.word_list("titles")) - {"of", "the", "and", "for"}
    stop = set(r.word_list("stopwords"))
    gender = {row["word"]: row["gender"] for row in r.table("gendered_words")}
    pron = {row["form"]: row for row in r.table("pronoun_forms")}
    months = set(r.months()) | set(r.weekdays())
    return {
        "titles": frozenset(titles),
        "stop": frozenset(stop),
        "org": frozenset(r.word_list("organisation_words")),
        "anon": frozenset(r.word_list("anonymity_heads")),
        "anon_titles": frozenset(r.word_list("anonymity_heads")) | frozenset(titles),
        "groups": frozenset(r.word_list("group_plurals")),
        "countries": frozenset(r.word_list("countries") + r.word_list("regions")),
        "nationalities": frozenset(w.casefold() for w in r.word_list("nationalities")),
        "gender": gender,
        "pronouns": pron,
        "dets": frozenset(r.word_list("determiners")),
        "months": frozenset(months),
        "cues": frozenset(r.word_list("reporting_verbs")),
        "openers": frozenset(r.word_list("sentence_openers")),
        "group_names": frozenset(r.word_list("group_names")),
    }


_NOT_MODIFIER = frozenset(
    [
        "said",
        "says",
        "told",
        "tells",
        "added",
        "adds",
        "that",
        "who",
        "which",
        "whose",
        "when",
        "while",
        "and",
        "but",
        "or",
        "if",
        "as",
        "than",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "his",
        "her",
        "its",
        "their",
        "them",
        "him",
    ]
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_PREPOSITIONS = _resources.word_set("prepositions")


def _bare_modifier(tok: str) -> bool:
    """A word that can modify a bare plural head ("U.S.", "Iranian", "senior", "intelligence")."""
    low = tok.casefold().strip(",")
    if tok[:1].isupper():
        return True
    lx = _lex()
    return not (
        low in lx["stop"]
        or low in lx["dets"]
        or low in _NOT_MODIFIER
        or low.endswith(("ed", "ing", "ly"))
        or not low.isalpha()
    )


def is_nationality(tok: str) -> bool:
    """A nationality or bloc adjective ("Iranian", "U.S.", "Western")."""
    low = tok.casefold()
    if low in _lex()["nationalities"]:
        return True
    return (
        tok[:1].isupper()
        and low.endswith(("ian", "ean", "ese", "ish", "ican"))
        and len(low) > 5
        and low not in _resources.first_name_genders()  # "Julian", "Christian": a first name
    )


@functools.cache
def _head_re() -> re.Pattern[str]:
    """Head words of descriptions, as one trie-shaped regex on lower-cased text."""
    from ..quotes.lexicon import _trie_regex

    return re.compile(r"(?<![\w-])(?:" + _trie_regex(sorted(_head_words())) + r")(?![\w-])")


@functools.cache
def _head_words() -> frozenset[str]:
    """The head words :func:`_head_re` matches."""
    lx = _lex()
    heads = lx["titles"] | lx["anon"] | lx["groups"] | lx["org"]
    return frozenset(h for h in heads if h not in lx["stop"] and h.isascii() and "'" not in h)


@functools.cache
def _description_stops() -> frozenset[str]:
    """Words that end a description's modifiers read backwards from its head."""
    return _lex()["stop"] | _NOT_MODIFIER


_PAST_FORMS = _resources.word_set("past_verbs")
#: Lower-case words that never modify a noun (``description_stop_words.txt``).
_CLAUSE_WORDS = frozenset(_resources.word_list("description_stop_words"))


def is_past_form(word: str) -> bool:
    """A lower-case regular (-ed) or irregular (``past_verbs.txt``) past form."""
    return word.islower() and (word.endswith("ed") or word in _PAST_FORMS)


@functools.cache
def _pronoun_re() -> re.Pattern[str]:
    """Pronoun forms, matched on lower-cased text (same offsets)."""
    from ..quotes.lexicon import _trie_regex

    # a trie takes, like the longest-first alternation it replaces, the longest form that
    # ends a word (and is faster)
    return re.compile(r"(?<![\w-])(?:" + _trie_regex(sorted(_lex()["pronouns"])) + r")(?![\w-])")


@functools.cache
def _pronoun_info() -> dict[str, tuple[str, str, frozenset[str]]]:
    """Pronoun form -> (gender, number, frozenset({case})), from ``pronoun_forms.csv``."""
    return {
        form: (
            row["gender"] if row["gender"] != "x" else "",
            row["number"],
            frozenset({row["case"]}),
        )
        for form, row in _lex()["pronouns"].items()
    }


@functools.cache
def _pronoun_ci_re() -> re.Pattern[str]:
    return re.compile(_pronoun_re().pattern, re.IGNORECASE)


#: A lower-case title or anonymity head, then a capitalised word ("[Band] member Flea").
_TITLE_THEN_NAME_RE = re.compile(r"[ \u00a0]+([a-z]+)[ \u00a0]+[A-Z]")


@functools.cache
def _head_or_pronoun_re():
    """:func:`_head_re` and :func:`_pronoun_re` in one trie (one pass over the text).

    Every head word and pronoun form is a run of word characters and hyphens, so a match of
    either is a whole maximal such run: the matches of the union are the matches of the two,
    told apart by the word. A :class:`~iranstrikes.quotes.lexicon.WordStartRegex` (faster
    than the look-behind pattern; every word is a run of word characters and "-").
    """
    from ..quotes.lexicon import WordStartRegex, _trie_regex

    words = set(_head_words()) | set(_lex()["pronouns"])
    assert all(re.fullmatch(r"[\w-]+", w) for w in words)
    return WordStartRegex(r"(?:" + _trie_regex(sorted(words)) + r")(?![\w-])")


@functools.cache
def _weekdays() -> frozenset[str]:
    return frozenset(w.lower() for w in _resources.weekday_names())


@functools.cache
def _skip_first() -> frozenset[str]:
    lx = _lex()
    # a weekday opening a run is a time word, never part of a name ("Tuesday Dan Hoyt said")
    return frozenset(
        lx["stop"] | lx["dets"] | set(lx["pronouns"]) | _NOT_MODIFIER | lx["openers"] | _weekdays()
    )
