"""Relative pronouns read against the text model: whom a "who" or "which" before a cue stands for.

What belongs here: :func:`_relative_antecedent`, the mention a relative pronoun refers back to
("X, who lives nearby, said"), going back over a place or body that only describes someone
("X, a gynecologist from Englewood, New Jersey, who said"). The checks that call it are in
:mod:`.speakers`. Pure functions of an article and its text model.
"""

from __future__ import annotations

import re

from .article import _Article
from .speaker_types import _TYPE_OF_KIND

#: What may stand between a person and a place or body in the phrase that describes them
#: ("X of Y", "X, a gynecologist from Y", "X, 24, from Y", "X, the leader of the opposition
#: in Y", "Englewood, Y"): commas, an age, a determiner phrase, a closing preposition.
_DESCRIBING_GAP_RE = re.compile(
    r"(?:\s*,)?(?:\s*\d{1,3}\s*,)?"
    r"(?:\s*\b(?:a|an|the|of|from|in|at|for|with|on|near)\b"
    r"(?:(?!\b(?:who|whom|whose|which|that|and|or|but)\b)[^,;:.!?\"“”()])*)?"
    r"(?:,\s*)?\s*"
)
_PERSON_RELATIVES = frozenset({"who", "whose"})
#: A person's relative right after a speaker span (", who said").
_PERSON_RELATIVE_AFTER_RE = re.compile(r",\s*(who|whose)\b")


def _relative_antecedent(art: _Article, tm, at: int):
    """(span, name, type, note) of the mention right before a relative pronoun at ``at``.

    "X, who lives nearby, said": X, when a mention ends just before the comma; else None.
    A person's relative ("who", "whose") after a place or body that only describes someone
    ("Alan Berger, a gynecologist from Englewood, New Jersey, who said", "the leader of the
    opposition in North-Rhine Westphalia, who suggested") goes back to that someone.
    """
    m = art.masked
    before = tm.mentions_in(max(0, at - 200), at)
    for i in range(len(before) - 1, -1, -1):
        x = before[i]
        if x.end <= at and not m[x.end : at].strip(" ,") and x.entity >= 0:
            e = tm.entities[x.entity]
            rel = m[at : at + 6].split()[:1]
            if (
                e.kind not in {"person", "anonymous"}
                and rel
                and rel[0].casefold() in _PERSON_RELATIVES
            ):
                head = _described_person(tm, m, before[:i], x.start)
                if head is not None:
                    e = tm.entities[head.entity]
                    return (
                        (head.start, head.end),
                        e.name,
                        _TYPE_OF_KIND[e.kind],
                        ("+entity:relative"),
                    )
            return (x.start, x.end), e.name, _TYPE_OF_KIND[e.kind], "+entity:relative"
    return None


def _described_person(tm, m: str, earlier: list, start: int):
    """The person or group that the phrase ending in a place or body at ``start`` describes.

    Back over ``earlier`` mentions while only a describing gap (:data:`_DESCRIBING_GAP_RE`)
    separates each from the next: the phrase's head, the first person or unnamed group of
    that chain ("Sen. X of California, the ranking Democrat on the Y Committee, who" -> X),
    or None.
    """
    found = None
    for y in reversed(earlier):
        if y.end > start or y.entity < 0 or not _DESCRIBING_GAP_RE.fullmatch(m, y.end, start):
            break
        if y.kind != "pronoun" and tm.entities[y.entity].kind in {"person", "anonymous"}:
            found = y
        start = y.start
    return found
