"""Pairs of people a plural description stands for: "the two leaders", "both men".

What belongs here: :func:`named_pair`, the reading of a definite plural that counts two people
("the two leaders", "both men", "the two presidents") as the two people the nearest earlier
sentence joins with "and" ("Yeltsin and Kuchma called for ..."). Only a pair of named people
joined by "and" is evidence; anything else leaves the description unnamed. Pure functions of
one article.
"""

from __future__ import annotations

import bisect
import re

from .. import resources as _resources
from .segment import sentences_back

#: "the two leaders", "both men", "the two former presidents": two people, counted.
_PAIR_RE = re.compile(r"(?:the\s+two|both(?:\s+the)?)\s+(?:[a-z-]+\s+){0,2}(?P<head>[a-z]+)")
_PEOPLE_HEADS = (
    _resources.word_set("titles")
    | _resources.word_set("anonymity_heads")
    | {"men", "women", "leaders", "sides", "candidates", "rivals"}
)
#: How many sentences back the pair is looked for.
_SENTENCES_BACK = 4


def named_pair(art, low: str, pos: int) -> str | None:
    """The pair ("A and B") a description counting two people at ``pos`` stands for, or None."""
    pm = _PAIR_RE.fullmatch(low.strip(" ,."))
    if pm is None:
        return None
    head = pm.group("head")
    if head not in _PEOPLE_HEADS and head.rstrip("s") not in _PEOPLE_HEADS:
        return None
    mentions = art.person_mentions  # (start, end, canonical), sorted
    for lo, hi, _end in sentences_back(art.sents, art.sent_starts, pos, _SENTENCES_BACK):
        i = bisect.bisect_left(mentions, (lo, -1, ""))
        inside = []
        while i < len(mentions) and mentions[i][1] <= hi:
            inside.append(mentions[i])
            i += 1
        for a, b in zip(inside, inside[1:], strict=False):
            if a[2] != b[2] and art.masked[a[1] : b[0]].strip() == "and":
                return f"{a[2]} and {b[2]}"
    return None
