"""The per-article resolution context: cues, people, descriptions and outlets in one article.

What belongs here: ``_Article`` (built once per text: masked text, sentences, cue matches,
name runs, people and their genders, outlets), ``_Cue`` and ``_Entity``, and the fast cue
and word finders it uses.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import resources as _resources
from ..text.entities import first_name_gender
from ..text.mentions import _split_at_sentences
from .lexicon import (
    _FEMALE,
    _FORM2LEMMA,
    _MALE,
    _NAME_RUN2_NB_RE,
    _PREPOSITIONS,
    _RX19,
    _RX20,
    _RX22,
    _RX23,
    _RX24,
    _RX25,
    _RX26,
    _STOP,
    _TITLE_WORDS,
    _VIA_CUE_NB_RE,
    WordStartRegex,
    _lower_same_offsets,
    _name_runs,
    _phrase_cue_parts,
    _trie_regex,
    alternation,
    first_letter_alternation,
    word_before,
)
from .noun_phrases import (
    _content_words,
    _strip_titles,
)
from .outlets import (
    _GENERIC_OUTLET_NB_RE,
    _WORD_CHAR_RE,
    _iter_outlet_patterns,
    _outlet_first_hits,
    _outlet_index,
    canonical_outlet,
)
from .person_names import _TITLE_FOR_BEFORE_RE, _name_after_domain, _person_name
from .segment import (
    _find_quotes,
    _is_headline,
    _mask,
    _paragraphs,
    _sentences,
)


# ---------------------------------------------------------------------------------------------
# Article-level resolution context
# ---------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Entity:
    name: str
    kind: str  # person|anonymous|institution|media|unknown
    context: set[str]
    gender: str = ""
    positions: list[int] = field(default_factory=list)

    @property
    def name_gender(self) -> str:
        """The gender a first name of two or more words is strongly tied to, else "".

        A soft hint for pronoun agreement only ("Hillary Clinton ... She"); the text's own
        evidence (``gender``: titles, "his"/"her") always wins.
        """
        return first_name_gender(self.name)


_GENDER_AFTER_RE = re.compile(r"[^.;\"“”]{0,40}?\b(his|her|he|she|His|Her|He|She)\b")
_AFTER_VERB_RE = re.compile(r"\s+(?:who\s+|[a-z]+ly\s+)?([a-z]+)\b")
_AFTER_APPOS_RE = re.compile(r"\s*(?:,\s*(?:a|an|the|who|\d)|[’']s\b)")


class _Cue:
    """Minimal match-like object for a reporting-verb cue."""

    __slots__ = ("_s", "_e", "_t")

    def __init__(self, s: int, e: int, t: str) -> None:
        self._s, self._e, self._t = s, e, t

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self, _i: int = 0) -> str:
        return self._t


_WORD_RE = re.compile(r"[A-Za-z]+")
_NONSPACE_RE = re.compile(r"\S")


class _BlankNonSpace(dict):
    r"""``str.translate`` table: ``s.translate(_BLANK_NONSPACE) == _NONSPACE_RE.sub("_", s)``.

    Every character that is not whitespace (``\s``: ``str.isspace``) becomes "_"; about twice
    as fast as the regex, which replaces one character per match. Filled as characters are
    met (at most a few thousand kept, so hostile text cannot grow it without bound).
    """

    def __missing__(self, code: int) -> int:
        out = code if chr(code).isspace() else 95  # "_"
        if len(self) < 4096:
            self[code] = out
        return out


_BLANK_NONSPACE = _BlankNonSpace()
# Multi-word cues, as (word forms, the rest of the phrase) alternatives, in order.
_MULTI_CUE_PARTS = [
    (("went", "go", "goes", "going"), r"\s+on\s+to\s+(?:say|add|stress|insist|note|warn|explain)"),
    # '“...,” he went on.': going on speaking (only before a comma or a full stop)
    (("went", "goes"), r"\s+on(?=[,.])"),
    (("pointed", "points", "pointing"), r"\s+out"),
    (("shot", "shoots", "shooting", "fired", "fires", "firing"), r"\s+back"),
    (("put",), r"\s+it(?=(?:\s+[a-z]+ly)?\s*[,:])"),
    (("make", "makes", "made", "making"), r"\s+(?:it\s+)?clear(?=\s+that\b)"),
    # resources/reporting_phrases.txt ("called for", "made the case")
    *((forms, rest + r"(?![\w-])") for forms, rest in _phrase_cue_parts()),
]
_MULTI_CUE_RE = re.compile(alternation(_MULTI_CUE_PARTS), re.IGNORECASE)
#: A closing quotation mark, then a capitalised name (and no more) before a cue.
_NAME_AFTER_QUOTE_RE = re.compile(r"[”\"],?\s+(?:[A-Z][\w.’'-]*\s+){1,3}$")
# The same, matched case-sensitively on the lower-cased text (same offsets) and grouped by
# first letter, which lets the engine skip ahead to those letters instead of trying every
# position under (?i) (see first_letter_alternation).
_MULTI_CUE_LOWER_RE = re.compile(first_letter_alternation(_MULTI_CUE_PARTS))

_CUE_WORDS = sorted(_FORM2LEMMA)
_CUE_FORMS = frozenset(_CUE_WORDS)
_CUE_WORD_RE = re.compile(
    r"(?<![\w-])(?:"
    + _trie_regex(_CUE_WORDS + [w[:1].upper() + w[1:] for w in _CUE_WORDS])
    + r")(?![\w-])"
)


@lru_cache(maxsize=1)
def _cue_or_outlet_first_re() -> WordStartRegex:
    r"""The cue words (lower-cased) and the outlets' first tokens in one trie, on lower case.

    ``(?<![\w-])(?:trie)(?![a-z0-9])`` (every token is a run of letters and digits, as
    :class:`WordStartRegex` needs). :func:`_scan_cue_words_and_outlets` reads both finders'
    matches off its matches.
    """
    toks = set(_CUE_WORDS) | {k.lower() for k in _outlet_index()[0]}
    assert all(re.fullmatch(r"[a-z0-9]+", t) for t in toks)
    assert all(re.fullmatch(r"[a-z]+", w) for w in _CUE_WORDS)
    return WordStartRegex(r"(?:" + _trie_regex(sorted(toks)) + r")(?![a-z0-9])")


def _scan_cue_words_and_outlets(m: str):
    """``(list(_CUE_WORD_RE.finditer(m)), outlet scan)`` from one pass over the text, or None.

    The outlet scan is what :func:`~.outlets._outlet_first_hits` takes as ``scanned``: the
    lower-cased text and the matches of ``_outlet_first_lower_re`` in it. None when lower
    casing moves offsets (the callers then scan as before).

    Why one pass finds both: every cue form is a run of ASCII letters, every first token
    a run of ASCII letters and digits. A match of the union trie at a word start is the
    longest entry there that no letter or digit follows: a cue form followed by no word
    character is the whole word, so it is that match, and a first token ``t`` that matches
    there cannot be a proper prefix of a longer entry (a letter would follow ``t``). Inside
    a match no other match of either can start (its look-behind fails). So the outlet
    matches are the union's matches that are first tokens, and the cue matches are among
    those that are cue forms: ``_CUE_WORD_RE.match`` at each one keeps exactly them.
    """
    low = _lower_same_offsets(m)
    if low is None:
        return None
    forms = _CUE_FORMS
    firsts = _outlet_index()[0]
    cue_match = _CUE_WORD_RE.match
    cues = []
    spans = []
    for a, b in _cue_or_outlet_first_re().spans(low):
        tok = low[a:b]
        if tok in forms:
            c = cue_match(m, a)
            if c is not None:
                cues.append(c)
        if tok in firsts:
            spans.append((a, b, tok))
    return cues, (low, spans)


def _all_cues(
    m: str, words: list[re.Match[str]] | None = None, low: str | None = None
) -> list[re.Match[str]]:
    """Reporting-verb cue candidates of a text, in order (the regex matches themselves).

    ``words``: ``list(_CUE_WORD_RE.finditer(m))`` when the caller has it; ``low``:
    ``_lower_same_offsets(m)`` when the caller has it (and it is not None).
    """
    out = list(_CUE_WORD_RE.finditer(m)) if words is None else words
    if low is None:
        low = _lower_same_offsets(m)
    multi = [
        (mm.start(), mm.end())
        for mm in (
            _MULTI_CUE_LOWER_RE.finditer(low) if low is not None else _MULTI_CUE_RE.finditer(m)
        )
        if not (mm.start() and _WORD_CHAR_RE.match(m, mm.start() - 1))  # a word start only
        # ("went on" only right after a quotation and its speaker's name: '“...,” Vik went on')
        and (
            m[mm.end() - 3 : mm.end()] != " on"
            or m[mm.start() : mm.start() + 2].lower() not in ("we", "go")
            or _NAME_AFTER_QUOTE_RE.search(m, max(0, mm.start() - 60), mm.start())
        )
    ]
    if multi:
        # a word cue inside a phrase cue ("called" in "called for") gives way to the phrase;
        # the phrase matches do not overlap, so one bisection per word cue finds its phrase
        starts = [s for s, _e in multi]
        kept: list = []
        for c in out:
            i = bisect.bisect_right(starts, c.start()) - 1
            if i < 0 or c.start() >= multi[i][1]:
                kept.append(c)
        kept.extend(_Cue(s, e, m[s:e]) for s, e in multi)
        kept.sort(key=lambda c: c.start())
        return kept
    return out


def _word_spans(m: str, word: str) -> list[tuple[int, int]]:
    r"""Spans of ``re.finditer(r"\b" + re.escape(word) + r"\b", m)``.

    Found with ``str.find`` and the two word boundaries checked by hand: no regex is compiled
    per word (the words are an article's surnames, new in nearly every article).
    """
    n = len(word)
    if not n:
        return []
    # (a character is ``\w`` when it is alphanumeric or "_": the regex's own definition)
    first_is_word = word[0].isalnum() or word[0] == "_"
    last_is_word = word[-1].isalnum() or word[-1] == "_"
    size = len(m)
    out = []
    i = m.find(word)
    while i >= 0:
        j = i + n
        if (i > 0 and (m[i - 1].isalnum() or m[i - 1] == "_")) == first_is_word or (
            j < size and (m[j].isalnum() or m[j] == "_")
        ) == last_is_word:
            i = m.find(word, i + 1)  # no word boundary before or after the match
            continue
        out.append((i, j))
        i = m.find(word, j)
    return out


def _alternation_hits(m: str, words: list[str]) -> dict[str, list[tuple[int, int]]]:
    r"""Spans of ``re.finditer(r"\b(?:w1|w2|...)\b", m)`` grouped by word.

    Without compiling that per-article alternation: one cached regex per word instead.

    The alternation takes, at the leftmost position where any word matches, the first word in
    list order, then continues after it; the merge below does the same.
    """
    cands = []
    for order, w in enumerate(words):
        cands.extend((a, order, b) for a, b in _word_spans(m, w))
    cands.sort()
    hits: dict[str, list[tuple[int, int]]] = {}
    pos = -1
    for start, order, end in cands:
        if start < pos:
            continue
        hits.setdefault(words[order], []).append((start, end))
        pos = end
    return hits


_TITLE_WORDS_NO_LINKS = frozenset(_TITLE_WORDS - {"of", "the", "and", "for"})
_TITLE_WORDS_NOT_STOP = frozenset(_TITLE_WORDS - _STOP)
_LOWER_RUN_RE = re.compile(r"[a-z]+")


def _word_start_matches(rx: re.Pattern[str], text: str, lo: int, hi: int, floor: int):
    r"""Matches of ``rx`` in ``text[lo:hi]`` that start at a word boundary, in order.

    ``rx`` is a pattern written without its leading ``\b`` (so the engine can skip ahead to
    candidate letters); the boundary is checked by hand: no word character just before the
    match, looking no further back than ``floor`` (``lo``: as a slice of the text would see
    it; 0: as the whole text does). Non-overlapping, like ``finditer``.
    """
    pos = lo
    while True:
        mt = rx.search(text, pos, hi)
        if mt is None:
            return
        i = mt.start()
        if i > floor and _WORD_CHAR_RE.match(text, i - 1):  # no word boundary before it
            pos = i + 1
            continue
        yield mt
        pos = mt.end()


#: How many earlier candidates a backward search looks at (outlets, speakers) at most: far
#: more than any real article holds, and a bound that keeps hostile input linear.
_SCAN_LIMIT = 200
#: A bare surname counts as a mention of at most this many people sharing it.
_MAX_SAME_SURNAME = 12


_CAP_WORD_AFTER_RE = re.compile(r"[ \t\u00a0]+[A-Z][a-z]")


def _reading(text: str):
    """(raw mask, paragraphs, headline paragraph indices, body quotations, mask, all quotes).

    All quotes are ``_find_quotes(raw, paragraphs)``, headlines included (the text model's
    quotations). The mask is the raw mask with the interior of every body quotation blanked
    (its terminal punctuation kept, so sentences still split there): what the extractor reads
    cues and outlets in.
    """
    raw = _mask(text)
    paras = _paragraphs(text)
    headline_paras = {i for i, (s, e) in enumerate(paras) if _is_headline(raw, s, e)}
    all_quotes = _find_quotes(raw, paras)  # (the text model's quotations: headlines too)
    quotes = [q for q in all_quotes if q.para not in headline_paras]
    parts = []
    pos = 0
    for q in quotes:
        inner_end = q.end
        # keep terminal punctuation at the very end so sentences can still split there
        if q.closed and inner_end > q.start and raw[inner_end - 1] in ".!?":
            inner_end -= 1
        start = max(q.start, pos)
        if inner_end <= start:
            continue
        parts.append(raw[pos:start])
        parts.append(raw[start:inner_end].translate(_BLANK_NONSPACE))
        pos = inner_end
    parts.append(raw[pos:])
    return raw, paras, headline_paras, quotes, "".join(parts), all_quotes


#: Capitalised words right after an outlet's name (not a day or a month), linked by "of",
#: "for", "the": the name may go on (not "and": "CNN and The New York Times" are two).
_NAME_GOES_ON_RE = re.compile(
    r"(?: (?:(?:of|for|the) )*(?!(?:"
    + "|".join(_resources.weekday_names() + _resources.month_names())
    + r")\b)[A-Z][\w&'’-]*)+"
)
#: A name that goes on to one of these is another organisation or outlet ("the National
#: Association of Realtors", "the Independent Journal Review", "the National Post"), not the
#: gazetteer outlet its first words spell.
_OTHER_NAME_HEADS = _resources.word_set("organisation_words") | _resources.word_set(
    "name_continuations"
)


def find_outlets(masked: str, scanned=None) -> list[tuple[int, int, str, str]]:
    """(start, end, canonical name, kind) of every outlet named in the masked text, sorted.

    The gazetteer's outlets (``reference/outlets.csv``), then names shaped like one ("the
    Harbour Gazette", "Radio Kaya") that no gazetteer outlet covers; a title before a name
    ("Senate Majority Leader X") is none. Read on the extractor's mask, with quotation
    interiors blanked (see :func:`_reading`); shared by the quote extractor and the text model.
    ``scanned``: the first-token scan of this text, when the caller has it (see
    :func:`_scan_cue_words_and_outlets`).
    """
    rxs, lookup = _outlet_index()
    found: dict[int, tuple[int, int, str, str]] = {}
    m = masked
    hits = []
    for start, tok in _outlet_first_hits(m, scanned):
        rx = rxs.get(tok)
        if rx is None or (start > 0 and (m[start - 1].isalnum() or m[start - 1] == "-")):
            continue
        mt = rx.match(m, start)
        if mt:
            go = _NAME_GOES_ON_RE.match(m, mt.end())
            if go is not None and any(w.lower() in _OTHER_NAME_HEADS for w in go.group(0).split()):
                continue
            hits.append(mt)
    for mt in hits:
        name = canonical_outlet(mt.group(0))
        kind = lookup.get(name.lower(), lookup.get(name, ("", "agency")))[1]
        found[mt.start()] = (mt.start(), mt.end(), name, kind or "agency")
    # Is a pattern's start inside an outlet found already? Gazetteer outlets by bisection
    # over their starts with a running greatest end; pattern outlets come in order of
    # their (increasing) ends, so only the last few added can cover a later start.
    known = sorted((s, e) for s, e, _, _ in found.values())
    known_starts = [s for s, _ in known]
    known_reach = list(itertools.accumulate((e for _, e in known), max))
    added: list[tuple[int, int]] = []

    def covered(x: int) -> bool:
        i = bisect.bisect_right(known_starts, x)
        if i and known_reach[i - 1] > x:
            return True
        for s, e in reversed(added):
            if e <= x:
                return False
            if s <= x:
                return True
        return False

    for mt in _iter_outlet_patterns(masked):
        if covered(mt.start(1)):
            continue
        words = mt.group(1).split()
        if len(words) < 2 and not _RX19.search(masked[: mt.start(1)][-5:]):
            continue
        if any(w.lower() in {"in", "of"} for w in words[:1]):
            continue
        if words[-1].lower() in _TITLE_WORDS and _CAP_WORD_AFTER_RE.match(m, mt.end(1)):
            continue  # "Senate Majority Leader Mitch McConnell": a title before a name
        name = canonical_outlet(mt.group(1))
        lname = name.lower()
        kind = "agency" if "agency" in lname or "news" in lname else "newspaper"
        if _RX20.search(name):
            kind = "broadcaster"
        found[mt.start(1)] = (mt.start(1), mt.end(1), name, kind)
        added.append((mt.start(1), mt.end(1)))
    return sorted(found.values())


class _Article:
    def cues(self, lo: int, hi: int) -> list[re.Match[str]]:
        """Cue candidates inside [lo, hi) (starting there and ending by ``hi``)."""
        i = bisect.bisect_left(self._cue_starts, lo)
        j = bisect.bisect_left(self._cue_starts, hi)
        out = self._cues[i:j]
        # The cues are disjoint and sorted, so their ends are sorted too: only the last one
        # can end after ``hi``.
        if out and out[-1].end() > hi:
            out.pop()
        return out

    def __init__(self, text: str) -> None:
        self.text = text
        self.raw_masked, self.paras, self.headline_paras, self.quotes, self.masked, all_q = (
            _reading(text)
        )
        self.all_quotes = all_q
        self.sents = _sentences(self.masked, self.paras)
        self.sent_starts = [s[0] for s in self.sents]
        scan = _scan_cue_words_and_outlets(self.masked)
        self._cues = _all_cues(self.masked, *((scan[0], scan[1][0]) if scan else ()))
        self._cue_starts = [c.start() for c in self._cues]
        self.outlets = find_outlets(self.masked, scan[1] if scan else None)
        # Sorted starts and the running maximum of ends: overlap look-ups by bisection.
        self._outlet_starts = [o[0] for o in self.outlets]
        self._outlet_max_end = []
        hi = -1
        for o in self.outlets:
            hi = max(hi, o[1])
            self._outlet_max_end.append(hi)
        self.persons: dict[str, _Entity] = {}
        self.person_mentions: list[tuple[int, int, str]] = []  # (start, end, canonical)
        self._find_people()
        # Per-article caches of pure functions of the masked text (never shared across articles).
        self._by_last: dict[str, list[tuple[str, str]]] | None = None
        self._via_cue_ends: dict[tuple[int, int], list[int]] = {}
        self._generic_outlets: dict[tuple[int, int], list[re.Match[str]]] = {}
        self.classify_cache: dict[str, tuple[str, str, str]] = {}  # see _classify
        self.company_index = None  # see companies.companies

    def via_cue_ends(self, ss: int, se: int) -> list[int]:
        r"""Absolute end offsets of ``_VIA_CUE_RE.finditer(masked[ss:se])`` (cached per span).

        Found with the regex minus its leading ``\b`` (so the engine can skip to candidate
        letters); the word boundary is checked by hand, as the slice would see it.
        """
        key = (ss, se)
        ends = self._via_cue_ends.get(key)
        if ends is None:
            ends = self._via_cue_ends[key] = [
                mt.end() for mt in _word_start_matches(_VIA_CUE_NB_RE, self.masked, ss, se, ss)
            ]
        return ends

    def generic_outlets(self, ss: int, se: int) -> list[re.Match[str]]:
        r"""``list(_GENERIC_OUTLET_RE.finditer(masked, ss, se))`` (cached per span).

        Found like :meth:`via_cue_ends`: ``_GENERIC_OUTLET_RE`` minus its leading ``\b``
        starts with the literal "th", which the engine finds with a fast string search.
        """
        key = (ss, se)
        found = self._generic_outlets.get(key)
        if found is None:
            found = self._generic_outlets[key] = list(
                _word_start_matches(_GENERIC_OUTLET_NB_RE, self.masked, ss, se, 0)
            )
        return found

    def outlet_at(self, s: int, e: int) -> tuple[int, int, str, str] | None:
        """The first outlet (in start order) overlapping [s, e), found by bisection."""
        j = bisect.bisect_left(self._outlet_starts, e)  # outlets[:j] start before e
        i = bisect.bisect_right(self._outlet_max_end, s)  # first outlet ending after s
        return self.outlets[i] if i < j else None

    def outlets_between(self, lo: int, hi: int) -> list[tuple[int, int, str, str]]:
        """Outlets starting inside [lo, hi], in order."""
        i = bisect.bisect_left(self._outlet_starts, lo)
        j = bisect.bisect_right(self._outlet_starts, hi)
        return self.outlets[i:j]

    def persons_first_upto(self, pos: int, limit: int) -> list[str]:
        """People first mentioned at or before ``pos`` (the last ``limit``), in that order."""
        j = bisect.bisect_right(self._person_first, pos)
        return self._person_order[max(0, j - limit) : j]

    def persons_first_between(self, lo: int, hi: int) -> list[str]:
        """People first mentioned inside [lo, hi], in order of first mention."""
        i = bisect.bisect_left(self._person_first, lo)
        j = bisect.bisect_right(self._person_first, hi)
        return self._person_order[i:j]

    def person_mentions_upto(self, pos: int) -> int:
        """Number of person mentions starting at or before ``pos`` (they are sorted)."""
        return bisect.bisect_right(self._pm_starts, pos)

    def resolve_generic_outlet(self, noun: str, pos: int) -> str:
        """'the news agency' / 'the newspaper' -> most recent outlet of a compatible kind."""
        want = {
            "newspaper": {"newspaper"},
            "paper": {"newspaper"},
            "daily": {"newspaper"},
            "tabloid": {"newspaper"},
            "weekly": {"newspaper", "magazine"},
            "magazine": {"magazine"},
            "website": {"website"},
            "broadcaster": {"broadcaster"},
            "channel": {"broadcaster"},
            "network": {"broadcaster"},
            "television": {"broadcaster"},
            "radio": {"broadcaster"},
            "station": {"broadcaster"},
        }.get(noun.split()[-1].lower(), {"agency"})
        j = bisect.bisect_left(self._outlet_starts, pos)
        last = ""
        for k in range(j - 1, max(-1, j - 1 - _SCAN_LIMIT), -1):
            o = self.outlets[k]
            if o[1] > pos:
                continue
            if not last:
                last = o[2]
            if o[3] in want:
                return o[2]
        return last

    # -- people ----------------------------------------------------------------------------
    def _find_people(self) -> None:
        m = self.masked
        # Only runs of two or more tokens: a one-token run (no space inside) strips to at most
        # one name token, and one-token names are skipped below before anything is recorded.
        # a run crossing a sentence end ("on Tuesday. Mara Velden") is cut there
        runs = _split_at_sentences(
            _name_runs(m, _NAME_RUN2_NB_RE), m, self.sent_starts, _NAME_RUN2_NB_RE
        )
        for mt in runs:
            raw = mt.group(0)
            if raw.count(" ") >= 2 and _TITLE_FOR_BEFORE_RE.search(
                m, max(0, mt.start() - 40), mt.start()
            ):
                # "Commissioner for [Competition Neelie Kroes]": the run opens with the title's
                # domain (the name is the run's end: its offsets and titles read as before)
                name = _person_name(_name_after_domain(raw))
            else:
                name = _person_name(raw)
            if name is None or self.outlet_at(mt.start(), mt.end()):
                continue
            titles = raw[: len(raw) - len(name)].lower()
            has_title = bool(titles) and any(
                w.strip(".") in _TITLE_WORDS_NO_LINKS for w in titles.split()
            )
            end = mt.start() + raw.rfind(name) + len(name)
            after = m[end : end + 80]
            before = ""  # (read only while no title is found)
            if not has_title:
                before = m[max(0, mt.start() - 60) : mt.start()].lower()
                # _RX21.search(before).group(1), found from the right: the letters that end
                # ``before`` once trailing whitespace is off (read back to front).
                prev_word = _LOWER_RUN_RE.match(before.rstrip()[::-1])
                has_title = bool(prev_word and prev_word.group(0)[::-1] in _TITLE_WORDS_NOT_STOP)
            vm = _AFTER_VERB_RE.match(after)
            confirmed = has_title or bool(
                (vm and vm.group(1) in _FORM2LEMMA)
                or _AFTER_APPOS_RE.match(after)
                or _RX22.search(before)
            )
            ent = self.persons.get(name)
            ctx = _content_words(titles)
            am = _RX23.match(after)
            if am and not (
                # "At a rally in Fox Harbour, a young woman asked ...": after a preposition's
                # object, a description no comma closes is the clause's subject, not an
                # apposition of the name
                not after.startswith(",", am.end())
                and word_before(m, mt.start(), 0) in _PREPOSITIONS
            ):
                ctx |= _content_words(am.group(1))
            if ent is None:
                # a later fuller/shorter form of an existing person?
                ent = _Entity(name, "person" if confirmed else "unknown", ctx)
                self.persons[name] = ent
            else:
                ent.context |= ctx
                if confirmed:
                    ent.kind = "person"
            if not ent.gender:  # (the first gender found stays: no need to look again)
                g = ""
                tw = {w.strip(".").lower() for w in titles.split()} if titles else set()
                if tw & _MALE:
                    g = "m"
                elif tw & _FEMALE:
                    g = "f"
                pm = None if g else _RX24.match(after)
                if pm:
                    g = "m" if pm.group(1) in {"his", "he"} else "f"
                if g:
                    ent.gender = g
            ent.positions.append(mt.start())
            self.person_mentions.append((mt.start() + raw.rfind(name), end, name))
        # single surnames of confirmed people elsewhere confirm them
        lasts: dict[str, list[str]] = {}
        for name in self.persons:
            lasts.setdefault(name.split()[-1], []).append(name)
        if lasts:
            hits = _alternation_hits(m, sorted(lasts, key=len, reverse=True))
            for last, names in sorted(lasts.items()):
                spans = hits.get(last, [])
                for k, name in enumerate(names):
                    ent = self.persons[name]
                    if ent.kind != "person" and len(spans) > 1:
                        ent.kind = "person"
                    if k >= _MAX_SAME_SURNAME:
                        continue  # a list of namesakes, not a story: keep the work linear
                    self.person_mentions.extend((a, b, name) for a, b in spans)
                    if not ent.gender:
                        for _a, b in spans:
                            gm = _GENDER_AFTER_RE.match(m, b)
                            if gm:
                                ent.gender = "m" if gm.group(1).lower() in {"his", "he"} else "f"
                                break
        self.person_mentions.sort()
        self._pm_starts = [pm[0] for pm in self.person_mentions]
        self.first_pos = {n: e.positions[0] for n, e in self.persons.items() if e.positions}
        # people in order of first mention (the dict's insertion order), for bisection
        self._person_order = list(self.first_pos)
        self._person_first = [self.first_pos[n] for n in self._person_order]

    def _names_by_last(self) -> dict[str, list[tuple[str, str]]]:
        """Last name token -> [(name, first token)] of the article's people (built once).

        The people are fixed once :meth:`_find_people` has run; only their context grows.
        """
        if self._by_last is None:
            self._by_last = {}
            for n in self.persons:
                toks = n.split()
                self._by_last.setdefault(toks[-1], []).append((n, toks[0]))
        return self._by_last

    def canonical_person(self, mention: str) -> str | None:
        """Fullest person name in the article compatible with a mention."""
        short = _RX25.split(mention)[0]
        name = _strip_titles(mention)
        by_last = self._names_by_last()
        if short != mention:
            sname = _strip_titles(short)
            if sname and sname.split()[-1] in by_last:
                name = sname
        name = _RX26.sub("", name)
        if not name:
            return None
        toks = name.split()
        if name in self.persons:
            cands = [name]
        else:
            same_last = by_last.get(toks[-1], [])
            cands = [n for n, first in same_last if len(toks) == 1 or first == toks[0]]
            if not cands and len(toks) >= 2:
                cands = [n for n, _first in same_last]
        if not cands:
            return None
        if len(toks) == 1:
            # "Mr. Clinton" after "Hillary Clinton" and "Bill Clinton": a gendered title
            # keeps the person of the other gender out (the text's gender, else a first
            # name's)
            tw = {w.casefold().rstrip(".") for w in mention.split()[:-1]}
            g = "m" if tw & _MALE else "f" if tw & _FEMALE else ""
            if g:
                kept = [
                    n
                    for n in cands
                    if (self.persons[n].gender or self.persons[n].name_gender) in ("", g)
                ]
                if not kept:
                    return None  # "Bill Clinton ... Mrs. Clinton": someone else
                cands = kept
        # the fullest name, the most often named, then the first introduced (a bare surname
        # shared by two people is the one the story brought in first)
        return max(
            cands,
            key=lambda n: (len(n.split()), len(self.persons[n].positions), -self.first_pos[n], n),
        )
