"""Chunks of a subject segment: the stretches between its commas, semicolons and dashes.

What belongs here: :func:`_split_commas` and :func:`_last_chunks`, which the subject finder
(:func:`.phrases._subject`) reads a segment with, and :func:`_list_start`, the start of a
list of three or more that the last chunk ends; :func:`_closing_aside`, a bracketed or dashed
aside that ends the text before a cue; where a clause ends inside a segment (a colon's,
:func:`_clause_colon_end`; a finite "said"'s, :func:`_last_finite_cue_end`). Pure string
functions.
"""

from __future__ import annotations

import re

from .. import resources as _resources
from ..text.segment import strip_blanks
from .lexicon import _COUNTRIES, _FORM2LEMMA

#: Chunk cuts: commas, semicolons, dashes (also a spaced ASCII "-" or "--", as typed
#: for a dash: "or DFA - which was founded ... - said") and brackets.
_SPLIT_CHARS_RE = re.compile(r"[,;—–()\[\]]|(?<=\s)--?(?=\s)")


def _split_commas(seg: str, base: int) -> list[tuple[int, int]]:
    """Split a segment on commas outside parentheses; returns absolute (start, end) chunks."""
    chunks = []
    depth = 0
    s = 0
    for mt in _SPLIT_CHARS_RE.finditer(seg):
        ch = mt.group(0)
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            i = mt.start()
            chunks.append((s, i))
            s = mt.end()
    chunks.append((s, len(seg)))
    out = []
    for a, b in chunks:
        a, b = strip_blanks(seg, a, b)
        out.append((base + a, base + b))
    return out


def _last_cut(seg: str, end: int) -> tuple[int, int] | None:
    r"""The last cut of ``seg[:end]`` outside brackets, as (start, end), or None.

    The last match of ``[,;—–]|(?<=\s)--?(?=\s)`` (the cuts of :data:`_SPLIT_CHARS_RE` but
    brackets) that ends by ``end``, as the greedy ``.*(cut)`` matched on ``seg[:end]`` finds
    it (``.*`` backs off one character at a time: the largest start wins, a "--" before a
    "-"); found with ``str.rfind`` instead of that backtracking. (``str.isspace`` is the
    regex's ``\s``.)
    """
    j = max(
        seg.rfind(",", 0, end),
        seg.rfind(";", 0, end),
        seg.rfind("—", 0, end),
        seg.rfind("–", 0, end),
    )
    # a spaced ASCII dash after that: a blank before its first "-", one after the dash
    k = end
    while True:
        k = seg.rfind("-", j + 1, k)
        if k < 1:
            break  # (none, or at 0: no blank before it)
        if seg[k - 1].isspace():
            if k + 2 < end and seg[k + 1] == "-" and seg[k + 2].isspace():
                return k, k + 2
            if k + 1 < end and seg[k + 1].isspace():
                return k, k + 1
    return (j, j + 1) if j >= 0 else None


def _last_chunks(seg: str, base: int, n: int = 3) -> list[tuple[int, int]]:
    """The last ``n`` non-empty chunks of :func:`_split_commas` (all :func:`_subject` needs).

    Without brackets every comma, semicolon or dash splits, so the chunks can be cut from the
    right with string methods instead of trimming every chunk of the segment character by
    character.
    """
    if "(" in seg or "[" in seg:  # nesting: the general left-to-right pass
        return [c for c in _split_commas(seg, base) if c[1] > c[0]][-n:]
    out: list[tuple[int, int]] = []
    end = len(seg)
    while True:
        # the last cut before ``end``, found from the right (only the last chunks are needed)
        cut = _last_cut(seg, end)
        start = cut[1] if cut else 0
        piece = seg[start:end]
        core = piece.strip()
        if core:
            a = base + start + len(piece) - len(piece.lstrip())
            out.append((a, a + len(core)))
            if len(out) == n:
                break
        if cut is None:
            break
        end = cut[0]
    out.reverse()
    return out


#: One item of a list of speakers: a name of up to four capitalised words, or up to three
#: lower-case words (after an optional determiner) ending in a plural ("former foes").
_LIST_ITEM = (
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"|(?:(?:the|their|his|her|its|other|some|many)\s+)?(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*s)"
)
_LIST_ITEM_RE = re.compile(_LIST_ITEM + r"\Z")
#: The last chunk of a list: an item, "and"/"or", then the last item.
_LIST_END_RE = re.compile(_LIST_ITEM + r"\s+(?:and|or)\s+\S")
#: First words that open an adjunct, not a list item ("In Paris, X and Y said", "Still, ...").
_NOT_ITEM_FIRST = (
    _resources.word_set("prepositions")
    | _resources.word_set("sentence_openers")
    | _resources.word_set("subordinators")
    | _resources.word_set("stopwords")
    | frozenset(_resources.months())
    | frozenset(_resources.weekdays())
)


def _list_start(seg: str, base: int, chunks: list[tuple[int, int]]) -> int | None:
    """Where a list of three or more speakers starts, when the last chunk ends one.

    "Friends, lobbyists and former foes say", "Dahl, Vik and Berg said": the chunks before
    the last ("Friends") are items of the list its "and" closes, when every one of them is a
    short name or plural noun phrase and the first opens the segment ``seg`` (at ``base``).
    None otherwise ("In Paris, Vik and Berg said": an adjunct, not an item). ``chunks``: the
    segment's last chunks (:func:`_last_chunks`, absolute offsets).
    """
    if len(chunks) < 2 or not _LIST_END_RE.match(seg, chunks[-1][0] - base):
        return None
    items = chunks[:-1]
    if seg[: items[0][0] - base].strip():
        return None  # more chunks before these: no list from the segment start
    for a, b in items:
        item = seg[a - base : b - base]
        if not _LIST_ITEM_RE.match(item):
            return None
        first = item.split()[0].casefold()
        if first in _NOT_ITEM_FIRST or first.endswith(("ing", "ly")):
            return None
    return items[0][0]


def _aside_close(t: str) -> int:
    r"""Where a dash closing an aside right before the cue starts in ``t``, or -1.

    An em or en dash, or a spaced "-"/"--", ending ``t`` (which has no trailing blank): where
    ``(?:[—–]|(?<=\s)--?)\s*$`` matches (``str.isspace`` is the regex's ``\s``).
    """
    n = len(t)
    if n >= 3 and t.endswith("--") and t[-3].isspace():
        return n - 2
    if n and t[-1] in "—–" or n >= 2 and t[-1] == "-" and t[-2].isspace():
        return n - 1
    return -1


def _closing_aside(masked: str, lo: int, hi: int) -> tuple[int, int, int] | None:
    """An aside set off on both sides that ends the text before a cue, or None.

    Returns (opening mark, aside start, aside end).

    A bracketed aside, or one between two dashes of the same kind, of three words or more
    (shorter tags, "(R-Utah)", are the chunk rules' to read), with a word before it.
    """
    t = masked[lo:hi].rstrip()
    if t.endswith(")"):
        op = t.rfind("(")
        if op <= 0 or ")" in t[op:-1]:
            return None
        a, b = op + 1, len(t) - 1
    else:
        close = _aside_close(t)
        if close < 0:
            return None
        dash = t[close:]
        op = t.rfind(dash if dash in "—–" else " " + dash + " ", 0, close)
        if op <= 0:
            return None
        a, b = op + len(dash) + (0 if dash in "—–" else 1), close
    inner = t[a:b]
    if len(inner.split()) < 3 or not t[:op].rstrip()[-1:].isalnum():
        return None
    a += len(inner) - len(inner.lstrip())
    return lo + op, lo + a, lo + b


_LAST_COLON_RE = re.compile(r".*:(?=\s)", re.S)
_DASH_OR_PAREN_RE = re.compile(r"[—–()]|\s-\s")


def _clause_colon_end(s: str, capital: bool) -> int | None:
    """Where a clause that a colon ends stops in ``s`` (just after the last colon), or None.

    The colon is followed by a blank (not a clock time's "10:30") and by words (capitalised
    ones when ``capital``), and is not inside a parenthetical ("An article - headlined A: B -
    accuses").
    """
    cm = _LAST_COLON_RE.match(s)
    if cm is None or _DASH_OR_PAREN_RE.search(s, cm.end()):
        return None
    rest = s[cm.end() :].lstrip()
    if not rest or (capital and not rest[:1].isupper()):
        return None
    return cm.end()


def _last_word_end(s: str, word: str) -> int:
    r"""The end of the last ``\bword\b`` in ``s`` (a word of word characters), or 0."""
    n = len(word)
    i = s.rfind(word)
    while i >= 0:
        j = i + n
        if not (i and (s[i - 1].isalnum() or s[i - 1] == "_")) and not (
            j < len(s) and (s[j].isalnum() or s[j] == "_")
        ):
            return j
        i = s.rfind(word, 0, j - 1)
    return 0


def _last_finite_cue_end(chunk: str) -> int:
    """Where the words after the last "said" or "says" of ``chunk`` start, or 0.

    Only these finite forms of "say", which no noun shares ("told" takes a hearer first;
    other inflected forms are also participles or nouns: "a poll released Monday",
    "claims"), and only when a capitalised word follows.
    """
    end = max(_last_word_end(chunk, "said"), _last_word_end(chunk, "says"))
    if not end:
        return 0
    rest = chunk[end:]
    k = len(rest) - len(rest.lstrip())
    # (or a pronoun coordinated with another subject: "said he and Hollande [agreed]")
    return end + k if rest[k : k + 1].isupper() or _PRONOUN_AND_RE.match(rest, k) else 0


_PRONOUN_AND_RE = re.compile(r"(?:he|she|they|we)\s+and\s")


def _noun_not_verb(w: str) -> bool:
    """A singular noun before "that" ("charge", "claim"), not a verb form ("predicts")."""
    w = w.lower()
    return not w.endswith(("s", "ed")) and _FORM2LEMMA.get(w, w) == w


_REGION_ABBREVIATIONS = _resources.word_set("region_abbreviations", lower=False)
#: A city's name before a region: one to three capitalised words ("Hasbrouck Heights", "of
#: Raleigh" in "Harry Bond, 30, of Raleigh, N.C., who ...").
_CITY_RE = re.compile(r"(?:(?:of|from|in)\s+)?(?:The\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}")
#: A name or noun phrase a place apposition can follow (no preposition opens it).
_PLACE_HOLDER_RE = re.compile(r"(?!(?i:in|at|on|from|for|to|by|with|after|before|during)\b)\S")


_LEGAL_FORMS = frozenset(f.rstrip(".").casefold() for f in _resources.word_list("company_suffixes"))


def _ends_in_legal_form(text: str) -> bool:
    """A company's name with its legal form ("Healthdyne Inc.", "ORKEM S.A.")."""
    words = text.split()
    return len(words) >= 2 and words[-1].rstrip(".,").casefold() in _LEGAL_FORMS


def _is_region(text: str) -> bool:
    """A state, province, region or country named alone ("Norway", "N.J.", "New Jersey")."""
    return text in _REGION_ABBREVIATIONS or text.rstrip(".").casefold() in _COUNTRIES


def _drop_place_appositions(
    masked: str, chunks: list[tuple[int, int]], hi: int
) -> list[tuple[int, int]]:
    """The chunks without the places that describe the chunk before them.

    "RMS International Inc., Hasbrouck Heights, N.J., facing a squeeze, said", "Mayor Kari Vik
    of Bergen, Norway, said", "Officials in Austin, Texas, said": a region set off by commas
    after a name or a noun phrase (with the city before it, when a name comes before the
    city) is no speaker; a last chunk counts only when a comma ends it before the cue (at
    ``hi``). A region after a prepositional phrase ("In a statement, Texas said")
    or first is kept. "The El Paso, Texas, maker of boots" is one chunk, a description.
    """
    out = list(chunks)
    i = len(out) - 1
    while i >= 1:
        if (
            _CITY_RE.fullmatch(masked, *out[i])
            and "," in masked[out[i][1] : hi]
            and _ends_in_legal_form(masked[out[i - 1][0] : out[i - 1][1]])
        ):
            # "HEALTHDYNE Inc., Atlanta, said": a city set off after a company's name
            del out[i]
            i -= 1
            continue
        if not _is_region(masked[out[i][0] : out[i][1]]) or (
            # (a region that runs into the cue is its subject: "..., Germany pledged")
            i == len(out) - 1 and "," not in masked[out[i][1] : hi]
        ):
            i -= 1
            continue
        if (
            i + 1 < len(out)
            and masked.startswith("The ", out[i - 1][0])
            and masked[out[i + 1][0]].islower()
        ):
            # "The El Paso, Texas, maker of Western boots said": one description around it
            out[i - 1 : i + 2] = [(out[i - 1][0], out[i + 1][1])]
            i -= 1
            continue
        j = i
        if i >= 2 and _CITY_RE.fullmatch(masked, *out[i - 1]):
            j = i - 1  # "X Inc., Peoria, Ill.": the city goes with its region
        if not _PLACE_HOLDER_RE.match(masked, out[j - 1][0]):
            i -= 1
            continue
        del out[j : i + 1]
        i = j - 1
    return out
