"""Noun phrases other than a cue's subject: after an inverted cue, groups, names, appositions.

What belongs here: the noun phrase right after an inverted cue (:func:`_np_after`), shares of
a plural group (:func:`_quantity_group`, :func:`_bare_share`), the noun phrase a relative
clause modifies (:func:`_relative_np_start`), content words of a phrase, title stripping of a name
mention and the post-posed "name, description" pair. The subject finder is in
:mod:`.phrases`. Pure string functions on the masked text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import resources as _resources
from ..text.mentions import is_past_form
from .lexicon import (
    _ABBREV,
    _ANON_HEADS,
    _CAP_TOKEN,
    _COUNTRIES,
    _GROUP_PLURALS,
    _NATIONALITY,
    _PREPOSITIONS,
    _PRONOUNS,
    _RX13,
    _RX14,
    _RX15,
    _RX16,
    _RX17,
    _RX18,
    _STOP,
    _TITLE_WORDS,
)

#: Words a phrase after an inverted cue does not end with ("wrote the authors of the ...").
_DANGLING = _resources.word_set("determiners") | _resources.word_set("prepositions")

_GROUP_QUANTITIES = _resources.word_set("group_quantities")
_APPROXIMATORS = _resources.word_set("quantity_words")
_SHARE_RE = re.compile(r"\d[\d.,]*%?|(?:\w+)(?:-in-|\s+in\s+)(?:\w+)", re.I)


def _quantity_group(span: str) -> str:
    """The phrase when it is a share or number of a plural group, else "".

    "about half of Democratic primary voters", "75 percent of Democrats", "Three-in-five GOP
    insiders", "most residents": an optional approximator ("about", "nearly",
    ``quantity_words.txt``), a share (``group_quantities.txt``, a number, "N in M"), optionally
    "of (the)", and a plural noun last; at most ten words.
    """
    text = " ".join(span.split()).strip(" ,")
    words = text.split()
    if not 2 <= len(words) <= 10:
        return ""
    low = [w.casefold().strip(",") for w in words]
    k = 3 if low[:3] in (["as", "many", "as"], ["as", "few", "as"]) and len(low) > 4 else 0
    while k < len(low) - 1 and (
        low[k] in _APPROXIMATORS or low[k] in {"more", "less", "fewer", "a"}
    ):
        k += 1
    first = low[k]
    share = first in _GROUP_QUANTITIES or _SHARE_RE.fullmatch(first) is not None
    if not share and k + 2 < len(low) and low[k + 1] == "in":
        share = _SHARE_RE.fullmatch(" ".join(low[k : k + 3])) is not None
    if not share:
        return ""
    last = low[-1].strip(".’'")
    if not (last.endswith("s") and not last.endswith("ss")) and last not in _GROUP_PLURALS:
        return ""
    return text


_PARTITIVE_WORDS = _resources.word_set("partitive_words")
_NUMBER_RE = re.compile(r"\d[\d.,]*%?")
_NUMBER_WORDS = frozenset(r["word"] for r in _resources.table("spelled_numbers"))


def _bare_share(span: str) -> str:
    """The phrase when it is a share of a group with the group left out, else "".

    "three-quarters", "nine in 10", "more than 4 in 10", "one in four", "two out of three",
    "29 percent", "a third", "others": what a coordinated clause's subject often is when the
    group was named in the clause before ("Six in 10 voters said ..., and three-quarters said
    ..."). An optional approximator (``quantity_words.txt``, "more", "fewer"), then a share
    word (``group_quantities.txt``, ``partitive_words.txt``, hyphenated fractions), a number
    with "percent" or "%", or "N in M" / "N out of M"; at most six words.
    """
    text = " ".join(span.split()).strip(" ,")
    low = [w.casefold() for w in text.split()]
    if not 1 <= len(low) <= 6:
        return ""
    k = 0
    while k < len(low) - 1:
        if low[k] in _APPROXIMATORS or low[k] in {"more", "less", "fewer"}:
            k += 1
        elif low[k] == "shy" and low[k + 1] == "of" and k + 2 < len(low):
            k += 2  # "just shy of half"
        else:
            break
    rest = low[k:]
    if rest[:1] == ["a"] and len(rest) == 2:
        rest = rest[1:]  # "a third", "a majority"
    if len(rest) == 1:
        w = rest[0]
        part = w.rsplit("-", 1)[-1]
        ok = (
            w in _GROUP_QUANTITIES
            or w in _PARTITIVE_WORDS
            or w != part
            and (part in _GROUP_QUANTITIES)
        )
        if w.endswith("%") and _NUMBER_RE.fullmatch(w):
            return text  # "49%"
        return text if ok and w not in {"%", "percent"} else ""
    if len(rest) == 2 and _NUMBER_RE.fullmatch(rest[0]) and rest[1] in {"percent", "%"}:
        return text
    if len(rest) in (3, 4) and rest[1:-1] in (["in"], ["out", "of"]):
        ends = (rest[0], rest[-1])
        return text if all(_NUMBER_RE.fullmatch(w) or w in _NUMBER_WORDS for w in ends) else ""
    return ""


#: Words that open a noun phrase: the head of a relative clause starts with one at the latest.
_NP_OPENERS = (
    _resources.word_set("determiners")
    | frozenset(("his", "her", "their", "its", "our", "my", "your"))
    | _resources.word_set("quantifiers")
    | frozenset(("both", "all", "most"))
)
_WORD_TOKEN_RE = re.compile(r"[\w’'.%-]+")
_PLACES = frozenset(w.casefold() for w in _COUNTRIES)
#: Heads of a phrase that names people by role ("aides to X", "a spokesman for X").
_PERSON_HEADS = frozenset(w.casefold() for w in (*_ANON_HEADS, *_TITLE_WORDS, *_GROUP_PLURALS))


def _relative_np_start(head: str) -> int:
    """Where the noun phrase that a relative clause right after ``head`` modifies starts.

    Back from the end over the phrase's words, through "of", "and"/"or", a share's "in" or
    "out of" ("6 in 10 voters") and a preposition before a place ("Democrats in Iowa"); a
    determiner, possessive or quantifier is its first word (unless "of" is before it: "Many
    of the leaders"), with the approximators before a number ("more than 6 in 10"); another
    preposition, an -ing or past form before it ends it: "The party offered fresh ammunition
    to [Republicans] who say", "echoing [security experts] who say", "Among [those] who said",
    "takes into account [both Democrats and independent voters] who". 0 when the phrase is
    all of ``head``.
    """
    toks = list(_WORD_TOKEN_RE.finditer(head))
    words = [t.group(0).casefold() for t in toks]
    for i in range(len(toks) - 1, -1, -1):
        low = words[i]
        nxt = words[i + 1] if i + 1 < len(toks) else ""
        if low in _NP_OPENERS and not (
            i
            and (
                words[i - 1] == "of"
                or words[i - 1] in _PREPOSITIONS
                and i > 1
                and words[i - 2].strip(".,’'") in _PERSON_HEADS
            )
        ):
            return toks[i].start()
        if low in {"of", "and", "or"} and nxt:
            continue
        if (
            low in {"in", "of", "out"}
            and _is_number(nxt)
            and i
            and (words[i - 1] == "out" or _is_number(words[i - 1]))
        ):
            continue  # "6 in 10", "four out of 10"
        if (low in _APPROXIMATORS or low in {"more", "fewer", "less"}) and (
            _is_number(nxt) or nxt in _APPROXIMATORS
        ):
            while i and (words[i - 1] in _APPROXIMATORS or words[i - 1] in {"more", "fewer"}):
                i -= 1
            return toks[i].start()
        if low in _PREPOSITIONS and i and " ".join(words[i + 1 :]) in _PLACES:
            continue  # "Democrats in Iowa who said": a place, the group before it
        if low in _PREPOSITIONS and i and words[i - 1].strip(".,’'") in _PERSON_HEADS:
            continue  # "aides to Clinton who said": the phrase's head is before it
        if low == "at" and nxt in {"least", "most"}:
            continue  # "at least half of voters"
        if (
            low in _PREPOSITIONS
            or low == "that"
            or (
                toks[i].group(0)[:1].islower()
                and (low.endswith(("ing", "ed")) or is_past_form(low))
                # (not inside a phrase: "a hearing officer", "the elected officials")
                and not (i and words[i - 1] in _NP_OPENERS)
            )
        ):
            return toks[i + 1].start() if nxt else 0
    return 0


def _is_number(word: str) -> bool:
    return bool(word) and (_NUMBER_RE.fullmatch(word) is not None or word in _NUMBER_WORDS)


#: A name of up to four capitalised words ending the sentence (after a title and a comma).
_NAME_TO_END_RE = re.compile(
    r"\s*((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*[a-z][\w’'-]*)\s*[.!?]?\s*$"
)


def _np_after(masked: str, pos: int, limit: int) -> tuple[tuple[int, int] | None, str]:
    """Noun phrase right after an inverted cue ("said Okafor, who ...")."""
    seg = masked[pos:limit]
    mt = _RX13.match(seg)
    s = pos + mt.end()
    end_m = None
    for em in _RX14.finditer(masked[s:limit]):
        if em.group(0) == ".":
            wm = _RX15.search(masked[s : s + em.start()])
            if wm and (wm.group(1).lower() in _ABBREV or len(wm.group(1)) == 1):
                continue
        end_m = em
        break
    e = s + (end_m.start() if end_m else len(masked[s:limit]))
    while e > s and masked[e - 1].isspace():
        e -= 1
    if e <= s or len(masked[s:e].split()) > 10:
        return None, ""
    words = masked[s:e].split()
    k = len(words)
    while k > 1 and words[k - 1].lower() in _DANGLING:
        k -= 1
    if 0 < k < len(words):
        # "wrote the authors of the “Harbour Plan”" (the quotation is not read): the phrase
        # does not end in "of the"
        for _ in range(len(words) - k):
            e = masked.rfind(" ", s, e)
            while e > s and masked[e - 1].isspace():
                e -= 1
    appos = ""
    if (
        end_m
        and masked[s + end_m.start()] == ","
        and (
            words[-1].lower().strip(".") in _TITLE_WORDS
            and all(w[:1].isupper() or w in {"and", "of", "&"} for w in words)
            # "said Bell Curve Trading chief strategist, Bill Strazzullo.": an organisation's
            # name, then a person's role in lower case
            or words[0][:1].isupper()
            and words[-1].islower()
            and words[-1].strip(".") in _ANON_HEADS
            and words[-1].strip(".") not in _GROUP_PLURALS
        )
    ):
        # "..., said Airbus President and Chief Executive Officer, Tom Enders.": a title
        # set off before the name that ends the sentence; the name speaks
        nm = _NAME_TO_END_RE.match(masked, s + end_m.end(), limit)
        if nm is not None:
            return nm.span(1), masked[s:e]
    if end_m and masked[s + end_m.start()] == ",":
        rest = masked[s + end_m.end() : limit]
        am = _RX16.match(rest)
        if am:
            appos = am.group(1).split(",")[0]
    return (s, e), appos


@lru_cache(maxsize=32768)
def _content_words(s: str) -> frozenset[str]:
    """Lower-cased content words of a phrase, crude plurals folded (cached: it is pure)."""
    return frozenset(_content_words_uncached(s))


_TITLE_ABBREVIATIONS = _resources.title_abbreviations()


def _content_words_uncached(s: str) -> set[str]:
    out = set()
    for w in _RX17.findall(s.lower()):
        if w in _STOP:
            continue
        full = _TITLE_ABBREVIATIONS.get(w)
        if full is not None:
            out.add(full)  # "Sen." is a senator too
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return out


@lru_cache(maxsize=16384)
def _strip_titles(mention: str) -> str:
    """Reduce a name mention to the personal name (titles, nationalities, possessives off)."""
    s = " ".join(mention.split()).strip(" ,.")  # (_RX1.sub(" ", mention): same after strip)
    if "'" in s or "’" in s:  # (every _RX18 match holds an apostrophe)
        s = _RX18.sub("", s)  # "Iraq's Prime Minister X" -> "Prime Minister X"
    toks = s.split(" ")
    k = len(toks)
    while k > 0:
        t = toks[k - 1]
        tl = t.lower().rstrip(".")
        if tl in _TITLE_WORDS or not (t[:1].isupper() or _CAP_TOKEN.fullmatch(t)):
            break
        if k < len(toks) and tl.endswith("s") and tl[:-1] in _TITLE_WORDS and k == 1:
            break  # a plural title opening a name: "Presidents Boris Yeltsin and ..."
        if k < len(toks) and _NATIONALITY.match(t) and not _NATIONALITY.match(toks[k].rstrip("s")):
            break  # (not before another nationality: "Iranian Americans" is one group's name)
        k -= 1
    return " ".join(toks[k:])


#: A name in an apposition pair: up to five capitalised words (titles included).
_APPOS_NAME_RE = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*")
#: A description in an apposition pair: "a spokesman for ...", "his top aide", "the mayor".
_APPOS_DESC_RE = re.compile(
    r"(?:(?:a|an|the|his|her|its|their|our)\s+)?[a-z][\w’'-]*(?:\s+[\w.’'&-]+){0,11}"
)


def _postposed_apposition(masked: str, lo: int, cue_start: int, finite_re):
    """A post-posed speaker given as a name and a description: "..., X, a spokesman, said".

    The text before the cue ends in two comma-delimited segments, one a name and the other a
    description ("the plan will fail, Tad Berg, a spokesman for the ministry, said" /
    "..., his top aide, Tad Berg, told Y"), after a clause of at least four words. Returns
    ((name start, name end), description, content end) or None. ``finite_re`` is
    ``forms._FINITE_RE`` (a description holds no finite verb), passed in because ``forms``
    imports this module.
    """
    end = masked[lo:cue_start].rstrip()
    if not end.endswith(","):
        return None
    p2 = end.rfind(",", 0, len(end) - 1)
    p1 = end.rfind(",", 0, p2) if p2 > 0 else -1
    if p1 <= 0:
        return None
    a, b = end[p1 + 1 : p2], end[p2 + 1 : -1]
    content = end[:p1]
    if len(content.split()) < 4 or not a.strip() or not b.strip():
        return None
    for name, desc, off in ((a, b, p1 + 1), (b, a, p2 + 1)):
        ns = name.strip()
        if (
            _APPOS_NAME_RE.fullmatch(ns)
            and ns.split()[0].lower() not in _PRONOUNS
            and _APPOS_DESC_RE.fullmatch(desc.strip())
            and not finite_re.search(desc)
        ):
            s = lo + off + (len(name) - len(name.lstrip()))
            return (s, s + len(ns)), desc.strip(), lo + p1
    return None
