"""Reading the tense that governs a date expression: future, past or neutral (present).

What belongs here: the tense cues (``resources/tense_cues.csv``, ``past_verbs.txt``) as fast
matchers (:class:`_PastCues`, the future pattern) and :func:`_tense_of`, which reads them in
the date's clause. The tense decides the side of the anchor a year-less date falls on ("on
September 12" written on 8 September: the coming one when the verb is future). The calendar
arithmetic itself is :mod:`.resolve`.
"""

from __future__ import annotations

import heapq
import re
from operator import itemgetter

from .. import resources as _resources
from .actors import _VERBISH, _SentIndex
from .expressions import _FOLDS_TO_ASCII, _Match

# (= [,;:“”"]|\bthat\b|\bwho\b|\bwhich\b, opening with one character set, which the regex
# engine skips to: faster)
_CLAUSE_BREAK = re.compile(
    r"[,;:“”\"tw](?:(?<=[,;:“”\"])|(?<=t)hat\b(?<!\wthat)|(?<=w)ho\b(?<!\wwho)|(?<=w)hich\b(?<!\wwhich))"
)


def _cue_regex(tense: str) -> re.Pattern[str]:
    cues = [r["cue"] for r in _resources.table("tense_cues") if r["tense"] == tense]
    if tense == "past":  # single words are looked up in a set by :class:`_PastCues`
        cues = [c for c in cues if not _PLAIN_WORD.fullmatch(c)] or ["(?!x)x"]
    alts = "|".join(sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?i:{alts})(?![\w-])")


_PLAIN_WORD = re.compile(r"[A-Za-z]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# a regular past form after these is a participle or an infinitive ("is based", "remain closed")
_LINKING = frozenset(
    [
        "is",
        "are",
        "be",
        "been",
        "being",
        "to",
        "will",
        "remain",
        "remains",
        "stay",
        "stays",
        "seem",
        "seems",
        "get",
        "gets",
        "become",
        "becomes",
        "look",
        "looks",
    ]
)


class _Pos(tuple):
    """A (start, end) read like a match (``start()``, ``end()``)."""

    __slots__ = ()

    def __new__(cls, a: int, b: int):
        return tuple.__new__(cls, (a, b))

    def start(self) -> int:
        return self[0]

    def end(self) -> int:
        return self[1]


_WORD_LOWER = re.compile(r"[a-z][a-z'-]*")


class _PastCues:
    """The past-tense cues as a pattern (its ``finditer``): a word scan with set lookups.

    A cue is a single past word of ``tense_cues.csv`` or ``past_verbs.txt``, a regular past
    form (``-ed``) not after a linking verb or auxiliary, or a multi-word cue of the table.
    One pass over the words, instead of a long alternation tried at every word.
    """

    def __init__(self):
        rows = _resources.table("tense_cues")
        self.words = frozenset(
            r["cue"].lower()
            for r in rows
            if r["tense"] == "past" and _PLAIN_WORD.fullmatch(r["cue"])
        ) | _resources.word_set("past_verbs")
        self.multi = _cue_regex("past")
        # the table's multi-word past cues all open with "has " or "have " (matched case-
        # insensitively): an ASCII text holding neither, lower-cased, holds no such cue (a
        # table with other ones: None, the pattern is always searched)
        multi = [
            r["cue"] for r in rows if r["tense"] == "past" and not _PLAIN_WORD.fullmatch(r["cue"])
        ]
        opening = "(?:has|have) "
        self.multi_gate = ("has ", "have ") if all(c.startswith(opening) for c in multi) else None

    def _words(self, text: str, lo: int, hi: int):
        words = self.words
        seg = text[lo:hi]
        if seg.isascii():  # lower-case once (same offsets), then read the words as strings
            low = seg.lower()
            toks = _WORD_LOWER.findall(low)
            prev, pos = "", 0
            for w in toks:
                pos = low.find(w, pos)  # (only non-letters lie between two words)
                if w in words or (len(w) >= 4 and w.endswith("ed") and prev not in _LINKING):
                    yield _Pos(lo + pos, lo + pos + len(w))
                pos += len(w)
                prev = w
            return
        prev = ""
        for w in _WORD.finditer(text, lo, hi):
            low = w.group().lower()
            if low in words or (len(low) >= 4 and low.endswith("ed") and prev not in _LINKING):
                yield w
            prev = low

    def all_spans(self, text: str, lo: int, hi: int) -> tuple[list[int], list[int]]:
        """(starts, ends) of every cue in ``text[lo:hi]``, read at once.

        The same cues, in the same order, as :meth:`finditer` (for
        :class:`~.actors._SentIndex`: one pass, no generator per sentence).
        """
        seg = text[lo:hi]
        words = self.words
        starts: list[int] = []
        ends: list[int] = []
        prev = ""
        if seg.isascii():  # (as :meth:`_words`: lower-case once, read the words as strings)
            low = seg.lower()
            pos = 0
            find = low.find
            for w in _WORD_LOWER.findall(low):
                pos = find(w, pos)  # (only non-letters lie between two words)
                if w in words or (len(w) >= 4 and w.endswith("ed") and prev not in _LINKING):
                    starts.append(lo + pos)
                    ends.append(lo + pos + len(w))
                pos += len(w)
                prev = w
            gate = self.multi_gate
            multi = gate is None or any(map(low.__contains__, gate))
        else:
            for m in _WORD.finditer(text, lo, hi):
                w = m.group().lower()
                if w in words or (len(w) >= 4 and w.endswith("ed") and prev not in _LINKING):
                    starts.append(m.start())
                    ends.append(m.end())
                prev = w
            multi = True
        # (found in one pass: no search first and then a second scan)
        found = [m.span() for m in self.multi.finditer(text, lo, hi)] if multi else None
        if found:
            # merged by start, a word cue first on a tie (as heapq.merge in finditer)
            spans = sorted([*zip(starts, ends, strict=True), *found], key=itemgetter(0))
            starts, ends = [a for a, _ in spans], [b for _, b in spans]
        return starts, ends

    def finditer(self, text: str, lo: int, hi: int):
        """The cues in ``text[lo:hi]``, in order (as ``re.Pattern.finditer``)."""
        if self.multi.search(text, lo, hi) is None:  # (the usual case: words only)
            return self._words(text, lo, hi)
        return heapq.merge(
            self._words(text, lo, hi), self.multi.finditer(text, lo, hi), key=lambda x: x.start()
        )


_FUTURE = _cue_regex("future")
# literal pieces, one of which every future cue of tense_cues.csv holds (lower case; "to"
# with the word before it, as the cues have it: a bare " to" is in most sentences, a cue in few)
_FUTURE_TRIGGERS = ("will", "would", "shall", "won't", "'ll", "’ll", "may", "might", "must",
                    "should", "scheduled", "plan", "intend", "expect", "is to", "are to",
                    "was to", "were to", "due to", "set to", "going to", "slated to", "likely to",
                    "poised to", "supposed to", "aim to", "aims to", "hope to", "hopes to",
                    "has to", "have to", "had to", "need to", "needs to")  # fmt: skip
# (the triggers tested one by one, and the words before " to" of the others: a sentence holds
# "X to" when the text before one of its " to" ends with X; a test per " to", few per sentence)
_FUTURE_WORDS = tuple(t for t in _FUTURE_TRIGGERS if not t.endswith(" to"))
_BEFORE_TO = tuple(t[: -len(" to")] for t in _FUTURE_TRIGGERS if t.endswith(" to"))
# (a sentence holding a character of _FOLDS_TO_ASCII, which matches an ASCII letter of a cue
# case-insensitively but lower-cases to none, is always searched)
_CLAUSES_READ = 4  # the date's clause and up to three after it, until one holds a tense cue
_PAST = _PastCues()


def _future_cued(text: str, sent_lo: int, sent_hi: int, sx) -> bool:
    """Whether the sentence may hold a future cue (False: surely none), remembered on ``sx``.

    A cheap test: every future cue holds one of ``_FUTURE_TRIGGERS`` (or a character of
    ``_FOLDS_TO_ASCII``, always searched).
    """
    future = sx.flags.get("future")
    if future is None:
        seg = text[sent_lo:sent_hi]
        low = seg.lower()
        future = any(map(low.__contains__, _FUTURE_WORDS))
        i = -1 if future else low.find(" to")
        while i >= 0 and not future:
            future = low.endswith(_BEFORE_TO, 0, i)
            i = low.find(" to", i + 1)
        # (an ASCII sentence holds no character of _FOLDS_TO_ASCII)
        future = future or (not seg.isascii() and any(map(seg.__contains__, _FOLDS_TO_ASCII)))
        sx.flags["future"] = future
    return future


def _may_be_future(text: str, sent_lo: int, sent_hi: int, m: _Match, sx) -> bool:
    """Whether :func:`_tense_of` can answer "future" for ``m`` (False: surely not).

    Without a future modifier ("next", "coming") and without a future cue in the sentence
    the answer is past or neutral, read without scanning the clause for past cues.
    """
    mod = ((m.groups.get("mod") or "") + (m.groups.get("mod2") or "")).lower()
    return mod in ("next", "coming") or _future_cued(text, sent_lo, sent_hi, sx)


def _tense_of(text: str, sent_lo: int, sent_hi: int, m: _Match, sx=None) -> str:
    """The tense governing a date expression, from its clause: future, past or neutral.

    The clause runs from the last clause break before the expression to the next one after
    it (when it holds no tense cue, the next clauses are read too: "In December, the company
    said ..."). A future cue (``resources/tense_cues.csv``: "will", "is due to", "may be",
    ...) makes it future; else a past cue (was, had, a past-tense verb) past; else (present
    tense) neutral. ``sx``: the sentence's :class:`~iranstrikes.chronology.actors._SentIndex`
    (each look is a bisection, so long sentences stay linear).
    """
    mod = ((m.groups.get("mod") or "") + (m.groups.get("mod2") or "")).lower()
    if mod in ("next", "coming"):
        return "future"
    if mod in ("last", "earlier", "since"):
        return "past"
    if sx is None:
        sx = _SentIndex(text, sent_lo, sent_hi)
    lo = sx.last_end(_CLAUSE_BREAK, m.start)
    lo = sent_lo if lo is None else lo
    hi = sx.first_after(_CLAUSE_BREAK, m.end, sent_hi)
    hi = sent_hi if hi is None else hi
    future = _future_cued(text, sent_lo, sent_hi, sx)
    for _ in range(_CLAUSES_READ):
        if future and (sx.any_within(_FUTURE, lo, m.start) or sx.any_within(_FUTURE, m.end, hi)):
            return "future"
        if sx.any_within(_PAST, lo, m.start) or sx.any_within(_PAST, m.end, hi):
            return "past"
        verb = sx.first_outside(_VERBISH, lo, m.start, m.end)
        if hi >= sent_hi or (verb is not None and verb < hi):
            break  # the clause has a verb of its own: the next clause's tense is not its own
        nxt = sx.first_after(_CLAUSE_BREAK, hi + 1, sent_hi)
        hi = sent_hi if nxt is None else nxt
    return "neutral"


# rules resolved (date and method) alike in the past and the neutral tense: only whether the
# tense is future matters (see resolve._relative, resolve_weekday, resolve._method); a weekday
# after one of _PREP_NEUTRAL_AHEAD looks ahead in the neutral tense (resolve._prep_tense)
_FUTURE_OR_NOT_RULES = frozenset({"relative", "weekday"})
_PREP_NEUTRAL_AHEAD = frozenset({"until", "till", "by"})


def _future_decides(m) -> bool:
    """Whether only "future or not" of ``m``'s tense changes its date and method."""
    if m.rule in ("at-the-time", "anaphoric"):  # (dated from the previous event: no tense)
        return True
    if m.rule not in _FUTURE_OR_NOT_RULES:
        return False
    return m.rule != "weekday" or (m.groups.get("mod2") or "").lower() not in _PREP_NEUTRAL_AHEAD
