"""Where a sentence's own words start and where a fronted phrase opening it ends.

What belongs here: :func:`words_start` (after a dateline) and :func:`_fronted_ends` (a
fronted prepositional or participle phrase: "In Washington, ...", "Speaking to reporters,
..."), which the pronoun rules of :mod:`.entities` and the text model read. Pure functions
of the text and its sentence spans.
"""

from __future__ import annotations

import re

from .. import resources as _resources
from .mentions import _PREPOSITIONS, is_past_form

_FIRST_WORD_RE = re.compile(r"\W*([A-Za-z]+)")
#: Prepositions that also open a clause ("After X met Y, he ..."): their phrase may hold the
#: sentence's salient subject, so it is not skipped.
_CLAUSE_PREPOSITIONS = frozenset({"after", "before", "since", "until", "as", "like"})


#: A capitalised word and a past verb after it ("Mr. Trump made", "X has demonized"): a
#: clause, not a prepositional phrase.
_NAME_THEN_PAST_RE = re.compile(
    r"[A-Z][\w.’'-]*\s+(?:has\s+|had\s+|have\s+)?(?:[a-z]+ed|"
    + "|".join(sorted(_resources.word_set("past_verbs"), key=lambda w: (-len(w), w)))
    + r")\b"
)


def words_start(ss: int, hi: int, openings: tuple[int, ...]) -> int:
    """Where a sentence starting at ``ss`` has its own words, looked for before ``hi``.

    The last dateline end (``openings``) in [ss, hi), else ``ss``: "OSLO (AP) — In response to
    ..." opens with "In".
    """
    if not openings:
        return ss
    return max([ss, *(o for o in openings if ss <= o < hi)])


def _fronted_ends(
    text: str, sent_spans: list[tuple[int, int]], openings: tuple[int, ...] = ()
) -> list[int]:
    """Per sentence, where a fronted prepositional phrase ends, else the sentence start.

    A sentence opening with a preposition ("In response to X's plan to bar Y, ...") has its
    fronted phrase up to its first comma; not when a name and its past verb come before
    that comma ("On Sunday X made a third attempt ..., writing ..."): a clause ends there.
    ``openings`` are dateline ends: the sentence's words start there ("OSLO (AP) — In
    response to ..., X said").
    """
    return [_fronted_end(text, ss, se, openings) for ss, se in sent_spans]


def _fronted_end(text: str, ss: int, se: int, openings: tuple[int, ...]) -> int:
    """:func:`_fronted_ends` of the one sentence ``text[ss:se]``."""
    ws = words_start(ss, se, openings)
    fm = _FIRST_WORD_RE.match(text, ws, se)
    w = fm.group(1).casefold() if fm else ""
    com = text.find(",", ws, se) if w in _PREPOSITIONS and w not in _CLAUSE_PREPOSITIONS else -1
    if com < 0 and fm is not None:
        com = _fronted_participle_end(text, fm, se)
    if com >= 0 and _NAME_THEN_PAST_RE.search(text, fm.end(), com):
        com = -1
    return com if com >= 0 else ss


class _LazyFronted(dict):
    """``_fronted_ends(text, sent_spans, openings)[i]``, each sentence read on first need."""

    def __init__(self, text: str, sent_spans: list[tuple[int, int]], openings: tuple) -> None:
        super().__init__()
        self.args = (text, sent_spans, openings)

    def __missing__(self, i: int) -> int:
        text, spans, openings = self.args
        v = self[i] = _fronted_end(text, *spans[i], openings)
        return v


#: A sentence-opening participle and the word after it: "Speaking to reporters, X said",
#: "Hastily politicizing the tragedy — much like he did ... — X cast", not a name that
#: ends in -ing ("Manning said", "Manning, who ..."): a lower-case complement follows.
_PARTICIPLE_OPEN_RE = re.compile(r"(?:[A-Z][a-z]+ly\s+)?([A-Za-z]+ing)\s+([a-z]+)\b")
_DASH_CHARS = ("—", "–", "―", " - ", " -- ")


def _fronted_participle_end(text: str, fm: re.Match[str], se: int) -> int:
    """Where a fronted participle phrase ends (its comma, or a closing dash before it), or -1.

    The phrase is the sentence's first words: a participle (after an adverb at most) and a
    lower-case word that is no verb; it runs to its first comma, unless a pair of dashes
    closes earlier ("Hastily politicizing X ― much like he did ... ― Trump cast").
    """
    pm = _PARTICIPLE_OPEN_RE.match(text, fm.start(1), se)
    if pm is None or not pm.group(1)[:1].isupper() and pm.start() == pm.start(1):
        return -1
    nxt = pm.group(2)
    if is_past_form(nxt) or nxt in _NOT_COMPLEMENT:
        return -1
    com = text.find(",", pm.end(), se)
    end = com if com >= 0 else se
    dashes = sorted(i for d in _DASH_CHARS for i in _find_all(text, d, pm.end(), end))
    if len(dashes) >= 2:
        return dashes[1] + 1
    return com


def _find_all(text: str, sub: str, lo: int, hi: int) -> list[int]:
    out = []
    i = text.find(sub, lo, hi)
    while i >= 0:
        out.append(i)
        i = text.find(sub, i + len(sub), hi)
    return out


#: Words after a capitalised -ing word that make it a subject with its verb ("Manning says").
_NOT_COMPLEMENT = frozenset(
    {"says", "said", "is", "was", "has", "had", "will", "would", "can", "could", "and", "or"}
    | _resources.word_set("past_verbs")
)
