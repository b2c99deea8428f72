"""Sentences, reporting cues and actors.

Sentences, reporting cues and actors: sentence splitting that never cuts a quotation,
quoted regions, reporting-verb cues, and the rules that name who a statement or an event is
about (:func:`choose_actor` is the one place where an event's actor is chosen).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd  # (loaded with the package anyway: events needs it)

from .. import resources as _resources
from ..text.segment import strip_blanks
from .expressions import _find_dates, _Match
from .frames import DESCRIPTION_MAX

# --------------------------------------------------------------------------------------
# Sentences, cues and actors
# --------------------------------------------------------------------------------------

_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep",
    "gov", "pres", "prof", "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "brig", "cmdr", "rev", "fr", "mt",
}  # fmt: skip
_OPEN_Q, _CLOSE_Q = "“‘", "”’"


_SPAN_CHARS = re.compile(r'[“”".!?]')
_QUOTE_CHARS = re.compile(r'[“”"]')
_LINES = re.compile(r"[^\n]+")


def _sentence_spans(body: str) -> list[tuple[int, int]]:
    """Split ``body`` into sentence spans; never across a newline or inside a quotation."""
    spans: list[tuple[int, int]] = []
    for pm in _LINES.finditer(body):
        p_lo, p_hi = pm.start(), pm.end()
        depth = 0
        straight = False
        s = p_lo
        skip_to = p_lo
        # only these characters change the state: jump from one to the next
        for cm in _SPAN_CHARS.finditer(body, p_lo, p_hi):
            i = cm.start()
            if i < skip_to:
                continue
            ch = body[i]
            if ch == "“":
                depth += 1
            elif ch == "”":
                depth = max(0, depth - 1)
            elif ch == '"':
                straight = not straight
            elif ch in ".!?":
                j = i + 1
                while j < p_hi and body[j] in '”’")]':
                    if body[j] == "”":
                        depth = max(0, depth - 1)
                    elif body[j] == '"':
                        straight = not straight
                    j += 1
                # (at the line's end always a boundary: no call)
                if depth == 0 and not straight and (j >= p_hi or _is_boundary(body, i, j, p_hi)):
                    spans.append((s, j))
                    s = j
                    skip_to = j
        spans.append((s, p_hi))
    out = []
    for lo, hi in spans:
        lo, hi = strip_blanks(body, lo, hi)
        if hi > lo:
            out.append((lo, hi))
    return out


_TAIL_WORD = re.compile(r"([A-Za-z.]+)$")


def _is_boundary(body: str, i: int, j: int, p_hi: int) -> bool:
    k = j
    while k < p_hi and body[k] == " ":
        k += 1
    if k >= p_hi:
        return True
    if k == j:  # no space after the period (U.S., 3.5)
        return False
    nxt = body[k]
    if not (nxt.isupper() or nxt.isdigit() or nxt in '“"‘(['):
        return False
    if body[i] == ".":
        w = _TAIL_WORD.search(body[max(0, i - 12) : i])
        word = w.group(1).lower().rstrip(".") if w else ""
        if word in _ABBREV or (len(word) == 1 and body[i - 1].isupper()):
            return False
    return True


def _quoted_regions(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    open_at = None
    straight_at = None
    for qm in _QUOTE_CHARS.finditer(text, lo, hi):
        i = qm.start()
        ch = qm.group()
        if ch == "“" and open_at is None:
            open_at = i
        elif ch == "”" and open_at is not None:
            regions.append((open_at, i + 1))
            open_at = None
        elif ch == '"' and open_at is None:
            if straight_at is None:
                straight_at = i
            else:
                regions.append((straight_at, i + 1))
                straight_at = None
    for start in (open_at, straight_at):
        if start is not None:
            regions.append((start, hi))
    return sorted(regions)


def _inside(pos: int, regions: Iterable[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in regions)


def _by_first_letter(alternation: str) -> str:
    """A regex alternation ("said|says|told") with its branches grouped by first letter.

    "s(?:aid|ays)|t(?:old)": the same matches (at any one place only the branches opening
    with the letter there can match, and each group keeps the order of its branches), but
    the regex engine tries one group per letter at a word start instead of every branch.
    Each branch must open with a letter and hold no group or alternation of its own.
    """
    groups: dict[str, list[str]] = {}
    for branch in alternation.split("|"):
        if not branch[:1].isalpha() or "(" in branch:
            raise ValueError(f"not a plain branch: {branch!r}")
        groups.setdefault(branch[0], []).append(branch[1:])
    return "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items())


_CUE_VERBS = (
    r"said|says|told|added|adds|stated|announced|confirmed|denied|denies|rejected"
    r"|dismissed|claimed|reported|stressed|underlined|reiterated|insisted|noted|explained|warned"
    r"|blamed|complained|acknowledged|admitted|declared|repeated|wrote|argued|urged|accused"
    r"|asserted|emphasi[sz]ed|revealed|disclosed|alleged|maintained|refused to confirm"
    r"|could not confirm|declined to confirm|went on to say|quoted"
)
_CUE = re.compile(rf"(?<![\w-])(?:{_by_first_letter(_CUE_VERBS)})(?![\w-])")
_PASSIVE = re.compile(r"(?:been|be|being|was|were|is|are)\s+(?:\w+ly\s+)?$")


def _ends_passive(text: str, lo: int, hi: int) -> bool:
    """Whether :data:`_PASSIVE` finds a passive auxiliary ending ``text[lo:hi]`` ("was ").

    Only the last two words are searched: a match is an auxiliary ending a word, blanks, at
    most one more word (the adverb) and blanks up to the end, so it starts inside the
    second-to-last word or after it (the same answer as searching all of ``text[lo:hi]``).
    """
    window = text[lo:hi]
    head = window.rsplit(None, 2)  # (head[0]: the window up to its third-to-last word's end)
    return _PASSIVE.search(window, len(head[0]) if len(head) == 3 else 0) is not None


_MEDIA = re.compile(
    r"(?i)\b(?:agency|news|newspaper|daily|media|television|tv|radio|website|outlet|wire"
    r"|broadcaster|press)\b"
)
_ADVERBIAL_START = re.compile(
    r"(?i)^(?:in|on|at|after|following|earlier|later|however|meanwhile|according|since|during"
    r"|while|when|as|but|and|also|then|separately|reiterating|speaking|responding|asked)\b"
)
_TRAILING_JUNK = {
    "who", "which", "that", "has", "have", "had", "also", "is", "was", "were", "are", "did",
    "does", "do", "not", "never", "then", "later", "earlier", "however", "would",
    "could", "will", "and", "but", "it", "today",
}  # fmt: skip
_BREAK_WORDS = {
    "from", "by", "with", "and", "or", "to", "followed", "after", "before", "than", "as",
    "about", "against", "that", "which", "for", "at",
}  # fmt: skip
_SUBORDINATORS = {
    "since",
    "because",
    "after",
    "before",
    "when",
    "while",
    "though",
    "although",
    "if",
}
_BREAK_WORDS |= _SUBORDINATORS
_PRONOUNS = {"he", "she", "they", "it"}
_CONNECTORS = {"of", "the", "al", "bin", "de", "van", "von", "la", "le", "and", "for"}


_LINK_TARGET = re.compile(r"\]\([^)]*\)")
# (= [\[\]“”"#*]|(?<!\w)[‘’']|[‘’'](?!\w), one character either way, but opening with one
# character set, which the regex engine skips to: ~4x faster)
_ACTOR_PUNCT = re.compile(r"[\[\]“”\"#*‘’'](?:(?<=[\[\]“”\"#*])|(?<!\w[‘’'])|(?!\w))")


def _clean_actor(text: str) -> str:
    if "](" in text:
        text = _LINK_TARGET.sub("", text)
    text = _ACTOR_PUNCT.sub(" ", text)
    # (= _SPACES.sub(" ", text).strip(" ,.;:-—–"): the same whitespace, and the spaces that
    # the split drops at either end are stripped anyway)
    return " ".join(text.split()).strip(" ,.;:-—–")


def _strip_dates(text: str) -> str:
    for m in reversed(_find_dates(text)):
        text = text[: m.start] + " " + text[m.end :]
    return text


def _name_like(piece: str) -> bool:
    toks = piece.split()  # (= the non-empty pieces of re.split(r"\s+", piece.strip()))
    if not toks or len(toks) > 7:
        return False
    return all(t[0].isupper() or t.lower() in _CONNECTORS or t[0].isdigit() for t in toks)


_DASH_BREAK = re.compile(r"\s[—–]\s|\)\s*[-—–]\s*")
_LY = re.compile(r"[a-z]+ly")


def _subject_before(segment: str, dateless: bool = False) -> str:
    """The noun phrase that ends ``segment`` (the subject of a following verb).

    ``dateless``: the segment is known to hold no date expression (it is part of a text
    without any of the pieces every date expression needs), so none is stripped.
    """
    if "—" in segment or "–" in segment or ")" in segment:  # (else no dash break: one piece)
        segment = _DASH_BREAK.split(segment)[-1]
    seg = _clean_actor(segment if dateless else _strip_dates(segment))
    words = seg.split()
    while words and (words[-1].lower() in _TRAILING_JUNK or _LY.fullmatch(words[-1])):
        words.pop()
    seg = " ".join(words).strip(" ,")
    if "," not in seg:  # (one piece at most, kept whether adverbial or not: no pieces to pick)
        chosen = seg.strip()
        if not chosen:
            return ""
    else:
        pieces = [p.strip() for p in seg.split(",") if p.strip()]
        pieces = [p for p in pieces if not _ADVERBIAL_START.match(p)] or pieces[-1:]
        if not pieces:
            return ""
        if len(pieces) > 1 and _name_like(pieces[0]) and not pieces[1][0].isupper():
            chosen = pieces[0]
        else:
            chosen = pieces[-1]
    toks = chosen.split()
    k = len(toks)
    breaks = _BREAK_WORDS if len(toks) > 8 else _SUBORDINATORS
    while k > 0 and toks[k - 1].lower() not in breaks:
        k -= 1
    return " ".join(toks[k:]).strip(" ,")


_VERBS_BEFORE_ED = "has|have|had|is|are|was|were|will|would|could|can|may|might|should|did|does|do"
_VERBS_AFTER_ED = (
    "told|met|came|went|took|made|gave|sent|flew|struck|began|fell|rose|won|lost"
    "|held|left|saw|found|spoke|wrote|brought|built|bought|fought|kept|led|paid|ran|sold|shot"
    "|stood|thought|threw|hit|put|quit|shut|spread|sank|swore|drove|broke|chose|grew|knew"
)


def _verbish_by_letter() -> str:
    """(?:{_VERBS_BEFORE_ED}|[a-z]{3,}ed|{_VERBS_AFTER_ED}), its branches grouped by letter.

    Per first letter: its words before the -ed branch, the -ed branch, its words after (the
    same order at any one place, so the same matches); the regex engine then tries one group
    at a word start instead of every branch (see :func:`_by_first_letter`).
    """
    before, after = _VERBS_BEFORE_ED.split("|"), _VERBS_AFTER_ED.split("|")
    groups = []
    for c in "abcdefghijklmnopqrstuvwxyz":
        rest = [w[1:] for w in before if w[0] == c] + ["[a-z]{2,}ed"]
        rest += [w[1:] for w in after if w[0] == c]
        groups.append(f"{c}(?:{'|'.join(rest)})")
    return "|".join(groups)


# a verb-like word: an auxiliary, a word in -ed, a common irregular past
_VERBISH = re.compile(rf"(?<![\w-])(?:{_verbish_by_letter()})(?![\w-])")


# (these patterns open with one character set, which the regex engine skips to: the same
# matches as the plainer forms in their comments, faster; a look-behind after the first
# character stands for the word boundary before it)
_THAT_QUOTE_SEMI = re.compile(r"[t“\";](?:(?<=t)(?<!\wt)hat\b|(?<=[“\";]))")  # \bthat\b|[“"]|;
_LEAD_ADVERBIAL = re.compile(r"\s*([^,]{0,40}),\s+")
_QUOTE_OR_THAT = re.compile(r"[“”\"t](?:(?<=[“”\"])|(?<=t)(?<!\wt)hat\b)")  # [“”"]|\bthat\b


def _clause_subject(
    text: str, sent_lo: int, sent_hi: int, m: _Match, sx: _SentIndex | None = None
) -> tuple[str, int]:
    """Return (subject, clause_start) of the clause containing the date expression ``m``.

    The subject runs from the clause start (after the last "that", quote mark or semicolon
    before the date, and after a leading adverbial) to the first verb or comma, with the date
    itself left out. A run longer than :data:`_SUBJECT_MAX` characters is not a noun phrase:
    no subject. ``sx``: the sentence's :class:`_SentIndex` (built when not given); every look
    is a bisection in it, so the cost per date does not grow with the sentence.
    """
    sx = sx if sx is not None else _SentIndex(text, sent_lo, sent_hi)
    cut_abs = sx.last_end(_THAT_QUOTE_SEMI, m.start)
    cut = 0 if cut_abs is None else cut_abs - sent_lo
    clause_lo = sent_lo + cut
    # drop a leading adverbial ("Since August, ", "In June 2014, ")
    head = _blank(text, clause_lo, min(sent_hi, clause_lo + 120), m)
    lead = _LEAD_ADVERBIAL.match(head)
    if lead and (
        not lead.group(1).strip()
        or _ADVERBIAL_START.match(lead.group(1).strip())  # (the cheap test first)
        or _find_dates(lead.group(1))
    ):
        clause_lo += lead.end()
    v = sx.first_outside(_VERBISH, clause_lo, m.start, m.end)
    subj = ""
    if v is not None:
        # (= sx.first_outside(_COMMA, clause_lo, m.start, m.end): the first comma from the
        # clause start that is not inside the date, found by str.find)
        c = text.find(",", max(clause_lo, sx.lo), sx.hi)
        if m.start <= c < m.end:
            c = text.find(",", max(m.end, sx.lo), sx.hi)
        hi = v if c < 0 else min(v, c)
        if hi - clause_lo <= _SUBJECT_MAX:
            subj = _clean_actor(_blank(text, clause_lo, hi, m))
    if not subj and cut:
        end = sent_lo + cut - 1
        if end - sent_lo <= _SUBJECT_MAX:
            prev = text[sent_lo:end]
            bits = _QUOTE_OR_THAT.split(prev)
            cand = bits[-1]
        else:
            q = sx.last_end(_QUOTE_OR_THAT, end)
            cand = text[q if q is not None else sent_lo : end]
        cand = _clean_actor(cand) if len(cand) <= _SUBJECT_MAX else ""
        if 0 < len(cand.split()) <= 6:
            subj = cand
    return subj, clause_lo


def _actor_key(actor: str) -> str:
    """Normalise an actor for grouping: surname for names, the phrase for descriptions."""
    toks = [t for t in re.split(r"[\s]+", _clean_actor(actor)) if t]
    toks = [t for t in toks if t.lower() not in ("the", "a", "an")]
    if not toks:
        return ""
    last = toks[-1].strip("’'s") if toks[-1].endswith(("’s", "'s")) else toks[-1]
    if last[:1].isupper():
        return last.casefold()
    return " ".join(toks).casefold()


@dataclass
class _Row:
    start: int
    end: int
    kind: str
    actor: str
    match: _Match | None
    tense: str = "past"
    cue_pos: int = -1
    parent: int | None = None  # index of the statement row this date is relative to
    method_suffix: str = ""
    extra: dict = field(default_factory=dict)


_SUBJECT_MAX = 400  # characters: a longer run before the verb is not a noun phrase
_SEGMENT_MAX = 400  # characters before a cue searched for its speaker
_COMMA = re.compile(",")


def _blank(text: str, lo: int, hi: int, m: _Match) -> str:
    """``text[lo:hi]`` with the date expression ``m`` blanked out (same length)."""
    if m.end <= lo or m.start >= hi:
        return text[lo:hi]
    a, b = max(lo, m.start), min(hi, m.end)
    return text[lo:a] + " " * (b - a) + text[b:hi]


class _SentIndex:
    """Match positions of a few patterns in one sentence, found once and bisected per look.

    Every per-date or per-cue question about the sentence ("the last clause break before this
    date", "the first verb after the clause start") is answered in O(log n) instead of
    rescanning the sentence, which made long sentences full of dates quadratic.
    """

    def __init__(self, text: str, lo: int, hi: int, regions=None):
        self.text, self.lo, self.hi = text, lo, hi
        self.regions = regions
        self._spans: dict[re.Pattern, tuple] = {}
        self._cuts: list[int] | None = None  # the subject cuts read so far (see last_subject_cut)
        self._cut_scan = self._cut_next = self._cut_inner = None
        self.dates: list[_Match] | None = None  # the sentence's date expressions, when known
        self.flags: dict[str, bool] = {}  # cheap per-sentence tests, remembered
        self.date_starts: list[int] = []
        self._in_regions: _Regions | None = None

    def spans(self, rx: re.Pattern, upto: int | None = None) -> tuple[list[int], list[int]]:
        """(starts, ends) of the matches of ``rx`` in the sentence, found lazily.

        The scan goes on only until a match starts at or after ``upto`` (None: to the end), so
        a question about the start of a long sentence does not scan all of it, and the whole
        sentence is scanned at most once per pattern.
        """
        got = self._spans.get(rx)
        if got is None:
            eager = getattr(rx, "all_spans", None)
            found = eager(self.text, self.lo, self.hi) if eager is not None else None
            if found is not None:  # (read at once: no generator to step through)
                got = self._spans[rx] = (found[0], found[1], None, [True])
                return found
            got = self._spans[rx] = ([], [], rx.finditer(self.text, self.lo, self.hi), [False])
        starts, ends, it, done = got
        while not done[0] and (upto is None or not starts or starts[-1] < upto):
            x = next(it, None)
            if x is None:
                done[0] = True
            else:
                starts.append(x.start())
                ends.append(x.end())
        return starts, ends

    def last_end(self, rx: re.Pattern, pos: int) -> int | None:
        """End of the last match of ``rx`` that ends at or before ``pos``."""
        _, ends = self.spans(rx, pos + 1)
        i = bisect.bisect_right(ends, pos)
        return ends[i - 1] if i else None

    def first_after(self, rx: re.Pattern, pos: int, limit: int | None = None) -> int | None:
        """Start of the first match of ``rx`` at or after ``pos`` (ending by ``limit``)."""
        starts, ends = self.spans(rx, pos)
        i = bisect.bisect_left(starts, pos)
        if i < len(starts) and (limit is None or ends[i] <= limit):
            return starts[i]
        return None

    def first_outside(self, rx: re.Pattern, pos: int, a: int, b: int) -> int | None:
        """Start of the first match of ``rx`` at or after ``pos`` not overlapping [a, b)."""
        starts, ends = self.spans(rx, max(pos, b))
        i = bisect.bisect_left(starts, pos)
        while i < len(starts) and starts[i] < b and ends[i] > a:
            i += 1
        return starts[i] if i < len(starts) else None

    def any_within(self, rx: re.Pattern, lo: int, hi: int) -> bool:
        """Whether a match of ``rx`` lies wholly inside [lo, hi)."""
        starts, ends = self.spans(rx, lo)
        i = bisect.bisect_left(starts, lo)
        return i < len(starts) and ends[i] <= hi

    def last_subject_cut(self, pos: int) -> int | None:
        """End of the last subject cut at or before ``pos``.

        A cut is a closing quote, "that" or ";" outside a quotation (see
        :func:`_statement_actor`).
        """
        cuts = self._cuts
        if cuts is None:
            cuts = self._cuts = []
            regions = self.regions
            # outside every quotation, except one that this very mark closes
            self._cut_inner = _Regions([(a, b - 1) for a, b in regions]) if regions else None
            self._cut_scan = _SUBJECT_CUT.finditer(self.text, self.lo, self.hi)
        # read only up to ``pos``: the matches come in order, so those ending after it (the
        # one read last and kept in _cut_next, and all later ones) answer no look before it
        x, inner = self._cut_next, self._cut_inner
        while True:
            if x is None:
                x = next(self._cut_scan, None)
                if x is None:
                    break
            if x.end() > pos:
                break
            if inner is None or not inner.inside(x.start()):
                cuts.append(x.end())
            x = None
        self._cut_next = x
        i = bisect.bisect_right(cuts, pos)
        return cuts[i - 1] if i else None


class _Regions:
    """Quoted regions (start, end) with O(log n) membership (see :func:`_inside`)."""

    def __init__(self, regions):
        if not regions:  # (most sentences: no quotation)
            self.starts = self.max_end = ()
            return
        regs = sorted(regions)
        self.starts = [a for a, _ in regs]
        self.max_end = list(itertools.accumulate((b for _, b in regs), max))

    def inside(self, pos: int) -> bool:
        """Whether ``pos`` lies in some region."""
        if not self.starts:
            return False
        i = bisect.bisect_right(self.starts, pos)
        return bool(i) and self.max_end[i - 1] > pos


_QUOTED_AS = re.compile(r"\s+(.+?)\s+as\s+say")
_ENDS_QUOTE = re.compile(r"[”\"],?\s*$")
_INVERTED = re.compile(r"\s+((?:[A-Z][\w.’'-]*\s*){1,6})")
# (= [”]|\bthat\b|"(?=[,\s])|; written to open with one character set: faster)
_SUBJECT_CUT = re.compile(r"[”;\"t](?:(?<=[”;])|(?<=\")(?=[,\s])|(?<=t)hat\b(?<!\wthat))")


def _statement_actor(
    text: str,
    sent_lo: int,
    cue: re.Match,
    regions,
    dateless: bool = False,
    sx: _SentIndex | None = None,
) -> str:
    """Name the speaker of a reporting cue (``dateless``: see :func:`_subject_before`).

    ``sx``: the sentence's :class:`_SentIndex`; the subject is looked for in at most the last
    :data:`_SEGMENT_MAX` characters before the cue (a speaker is a short noun phrase).
    """
    if cue.group(0) == "quoted":
        qm = _QUOTED_AS.match(text[cue.end() : cue.end() + 80])
        if qm:
            return _clean_actor(qm.group(1))
    if sx is None:
        sx = _SentIndex(text, sent_lo, max(cue.end(), sent_lo), regions)
    # inverted: ..." said X
    if _ends_quote(text, max(sent_lo, cue.start() - _SEGMENT_MAX), cue.start()):
        inv = _INVERTED.match(text[cue.end() : cue.end() + 80])
        if inv and cue.group(0) in ("said", "added", "says", "adds", "wrote"):
            return _clean_actor(inv.group(1))
    # subject before the cue, from the last closing quote / "that" outside a quotation
    cut = sx.last_subject_cut(cue.start())
    lo = sent_lo if cut is None else cut
    if cue.start() - lo > _SEGMENT_MAX:
        lo = cue.start() - _SEGMENT_MAX
        space = text.find(" ", lo, cue.start())
        lo = space + 1 if space >= 0 else lo
    if sx.dates is not None and not dateless:  # the sentence's dates, blanked (not re-found)
        return _subject_before(_without_dates(text, lo, cue.start(), sx), True)
    return _subject_before(text[lo : cue.start()], dateless)


def _ends_quote(text: str, lo: int, hi: int) -> bool:
    r"""Whether :data:`_ENDS_QUOTE` finds a closing quote ending ``text[lo:hi]`` ('", ').

    Read backwards from ``hi``: the blanks (``str.isspace``, the regex's ``\s``), at most one
    comma, then the quote mark; no slice of the text.
    """
    j = hi
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j > lo and text[j - 1] == ",":
        j -= 1
    return j > lo and text[j - 1] in _CLOSING_MARKS


_CLOSING_MARKS = frozenset('”"')


def _without_dates(text: str, lo: int, hi: int, sx: _SentIndex) -> str:
    """``text[lo:hi]`` with each date expression of the sentence inside it replaced by " "."""
    i = bisect.bisect_left(sx.date_starts, lo)
    out, pos = [], lo
    while i < len(sx.dates) and sx.dates[i].end <= hi:
        m = sx.dates[i]
        out += [text[pos : m.start], " "]
        pos = m.end
        i += 1
    out.append(text[pos:hi])
    return "".join(out)


# --------------------------------------------------------------------------------------
# Per article
# --------------------------------------------------------------------------------------


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SPACES = re.compile(r"\s+")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z’'-]+")
_DATELINE_LEAD = re.compile(r"\s*[A-Z][A-Z .,'’-]{2,40},\s*$")
_COMMA_START = re.compile(r"\s*,")
_THAT_OR_QUOTE = re.compile(r"\bthat\b|[“”\"]")


def _describe(text: str) -> str:
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    text = " ".join(text.split())  # (= _SPACES.sub(" ", text).strip(): the same whitespace)
    if len(text) > DESCRIPTION_MAX:
        text = text[: DESCRIPTION_MAX - 1].rstrip() + "…"
    return text


# --------------------------------------------------------------------------------------
# The actor of an event
# --------------------------------------------------------------------------------------

_FRAGMENT_END = {"but", "and", "or", "nor", "yet", "so", "as", "than", "of", "to", "with"}
_TRAILING_ADVERBS = {
    "initially", "reportedly", "also", "then", "still", "now", "later", "earlier", "first",
    "again", "allegedly", "apparently", "already", "only", "even", "just", "too",
}  # fmt: skip
_NO_ACTOR_PRONOUNS = {"it", "we", "i", "you", "they", "us", "them", "this", "these", "those",
                      "there"}  # fmt: skip
# a phrase opening with a preposition ("For the nine months", "of voters") is no subject; one
# ending with a determiner or a relative pronoun ("The", "officers who") is cut short
_NO_OPENING = _resources.word_set("prepositions")
_NO_ENDING = _resources.word_set("determiners")
_RELATIVE = _resources.word_set("relative_pronouns")  # dropped at the end ("A nurse who")
_PARTICIPLE = re.compile(r"(?<![\w-])[a-z]{3,}ing\b")
_ACTOR_MAX_WORDS = 8


def _noun_phrase_actor(phrase: str) -> str:
    """The phrase when it is a plausible noun phrase for an actor, else "" (no actor).

    A fragment is no actor: a phrase cut after a conjunction ("strikes but"), one holding a
    verb or a participle ("Images appearing to show ..."), a bare pronoun that is not a person
    ("it", "we", "there"), a phrase opening with a preposition ("For the year", "of voters")
    or ending with a determiner ("The", "Calling for an"), the tail of a possessive ("s
    results"), a sentence ("The struggle must go on!"), a dateline place in capitals
    ("CAIRO"), or a run of more than
    :data:`_ACTOR_MAX_WORDS` words. After a reporting verb ("X said the council"), the actor
    is what follows it. Trailing adverbs are dropped ("Iranian officials initially"), and a
    trailing relative pronoun ("A nurse who").
    """
    phrase = _clean_actor(phrase or "")
    cues = list(_CUE.finditer(phrase))
    if cues:
        phrase = phrase[cues[-1].end() :].strip()
        phrase = re.sub(r"^(?i:that)\s+", "", phrase)
    words = phrase.split()
    while words and (words[-1].lower() in _TRAILING_ADVERBS or _LY.fullmatch(words[-1])):
        words.pop()
    if len(words) > 1 and words[-1].lower() in _RELATIVE:
        words.pop()
    if not words or words[-1].lower() in _FRAGMENT_END:
        return ""
    counted = len(words) > 1 and (words[1] == "least" or words[1][:1].isdigit())
    if (words[0].lower() in _NO_OPENING and not counted) or words[-1].lower() in _NO_ENDING:
        return ""  # (a count opens with one: "At least 51 people", "About 100 protesters")
    if words[0] == "s" or any(ch in phrase for ch in "!?"):
        return ""  # the tail of a possessive ("s results"), or a sentence ("... stop!")
    if len(words) > _ACTOR_MAX_WORDS:
        return ""
    text = " ".join(words)
    if len(words) == 1 and words[0].lower() in _NO_ACTOR_PRONOUNS:
        return ""
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 5:
        return ""  # a dateline place ("MOSCOW")
    if _VERBISH.search(text) or _PARTICIPLE.search(" ".join(words[1:])):
        return ""
    if _clause_fragment(words):
        return ""
    return text


def choose_actor(
    phrase: str,
    *,
    quote_speaker: str = "",
    quote_person_id=None,
    entity_name: str = "",
    entity_person_id=None,
) -> tuple[str, object]:
    """Choose the actor of one event: the one place where this is decided.

    In order: an event that dates a quote takes the quote's speaker (and its ``person_id``);
    else the entity of the subject in the shared text model (``iranstrikes.text``), named as
    the article's quotes name that entity when one of them has it as speaker (so that the
    actor and the speaker of one person are the same string), else by its canonical name
    within the article; else the subject phrase of the clause when it is a plausible noun
    phrase (:func:`_noun_phrase_actor`); else no actor ("", never a fragment).

    Args:
        phrase: The subject phrase the clause rules found.
        quote_speaker: The speaker of the quote the event dates, if any.
        quote_person_id: That speaker's ``person_id``, if known.
        entity_name: The name of the subject's entity in the text model, if any.
        entity_person_id: That entity's ``person_id``, if known (from a quote of it).

    Returns:
        ``(actor, person_id)``; ``person_id`` is ``pd.NA`` when unknown (the cross-article
        step assigns it from the people table).
    """
    if quote_speaker:
        return quote_speaker, _pid_of(quote_person_id)
    if entity_name:
        return entity_name, _pid_of(entity_person_id)
    return _noun_phrase_actor(phrase), pd.NA


def _pid_of(pid):
    """``pid``, or ``pd.NA`` when it is missing (None, NA or "")."""
    if pid is None or (not isinstance(pid, str) and pd.isna(pid)) or pid == "":
        return pd.NA
    return pid


# Word classes of :func:`_clause_fragment` (all from the shared resources)
_SUBJECT_PRONOUNS = frozenset(
    r["form"] for r in _resources.table("pronoun_forms") if r["case"] == "subject"
)
_NP_OPENERS_OK = frozenset({"first", "second", "third", "next", "last"})
_CLAUSE_OPENERS = _resources.word_set("sentence_openers") - _NP_OPENERS_OK
_TIME_UNITS = _resources.word_set("time_units")
_NUMBER_WORDS = frozenset(r["word"] for r in _resources.table("spelled_numbers"))
_DETERMINERS = _resources.word_set("determiners")
_WORD_CHARS = re.compile(r"[\w'’.&()/-]+")


def _clause_fragment(words: list[str]) -> bool:
    """True when a subject phrase is a piece of a clause, not a noun phrase.

    - it opens with a clause opener or adverbial ("Despite the turmoil", "However the
      board"; :file:`sentence_openers.txt`), or with a participle that heads a phrase
      ("Having", "speaking to the station");
    - it holds a negated verb ("Weaver didn’t seem") or a subject pronoun after its first
      word ("The clear impression we", "the tweets he"): the phrase runs into the next clause
      (one after "and"/"or" belongs to it: "My husband and I");
    - it is a time phrase: a number and a unit of time ("10 days after the vote");
    - it holds a token that is no word ("datetime=").
    """
    low = [w.lower().strip(",.;:") for w in words]
    first = low[0]
    if first in _CLAUSE_OPENERS:
        return True
    if (
        first.endswith("ing")
        and len(first) > 4
        and (len(words) == 1 or low[1] in _PREPOSITIONS_OR_DETS)
    ):
        return True
    if any(w.endswith(("n't", "n’t")) for w in low):
        return True
    if any(w in _SUBJECT_PRONOUNS and low[i] not in ("and", "or") for i, w in enumerate(low[1:])):
        return True  # (a coordinated one is part of the phrase: "My husband and I")
    if len(low) > 1 and (first.isdigit() or first in _NUMBER_WORDS) and low[1] in _TIME_UNITS:
        return True
    return any(not _WORD_CHARS.fullmatch(w) for w in words)


_PREPOSITIONS_OR_DETS = _NO_OPENING | _DETERMINERS
