"""The :class:`TextModel` of one article and its constructor :func:`model`.

What belongs here: putting segmentation, regions, mentions and entities together, and the
look-ups other readers use (quotes for speakers, chronology for event actors):
:meth:`TextModel.entity_at`, :meth:`TextModel.subject_entity`, :meth:`TextModel.region_at`,
:meth:`TextModel.sentence_at`. The model is a pure function of the text, built once per
article; offsets always index the original text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from .. import resources as _resources
from .entities import Entity, cluster
from .fronted import _FIRST_WORD_RE, _fronted_end, words_start
from .mentions import _PREPOSITIONS, Mention, _lex, find_mentions
from .segment import _is_headline, _sentences, _sentences_sharing

#: Region names.
REGIONS = ("headline", "dateline", "byline", "body")

_DATELINE_RE = re.compile(
    r"(?:[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][A-Za-z]+\.?(?:\s+\d{1,2})?(?:,\s*\d{4})?)?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*[-—–:]+\s*"
    r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s*(?:\([^)\n]{1,40}\))?\s*[:—–]\s+(?=[A-Z]))"
)
_BYLINE_RE = re.compile(
    r"(?:By|BY|From)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|in|,))*\s*(?:\([^)]*\))?\s*$"
)
_TOKEN_RE = re.compile(r"\w+(?:[’'.-]\w+)*|\S")
_SUBJECT_LEAD = _resources.word_set("subject_lead_words")
_SUBORDINATORS = _resources.word_set("subordinators")
#: "All of the candidates oppose ...", "Two of the aides said ...": a share or number of a
#: group and "of" (``group_quantities.txt``, ``quantifiers.txt``, number words, digits) open
#: the subject's phrase; the group after "of" is the subject, not a preposition's object.
_QUANTITY_OF_WORDS = (
    (_resources.word_set("group_quantities") - {"%"})
    | {r["word"] for r in _resources.table("spelled_numbers") if " " not in r["word"]}
    | _resources.word_set("quantifiers")
) - {"one"}  # "One of the aides, Ola Dahl, said": one person speaks, not the group
_QUANTITY_OF_RE = re.compile(
    r"(?:\b(?:"
    + "|".join(sorted(_QUANTITY_OF_WORDS, key=lambda w: (-len(w), w)))
    + r")|\d[\d,.]*%?)[ \t\u00a0]+of[ \t\u00a0]+\Z",
    re.IGNORECASE,
)
_THE_A = frozenset({"the", "a", "an"})
#: Between a clause's comma and the main clause's subject: blanks and a determiner at most.
_MAIN_SUBJECT_GAP_RE = re.compile(r"\s*(?:(?:the|a|an)\s+)?")
_POSSESSIVE_AT_RE = re.compile(r"[’']s?\b")
_PREV_TOKEN_RE = re.compile(r"(\S+)\s*\Z")
_BE_RE = re.compile(r"\s+(?:is|was|'s|’s|seems|seemed|appears|appeared)\b")
_OF_PLACE_RE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*")
_AGE_RE = re.compile(r"\d+-(?:year|month)-old")
_BRACKETS_RE = re.compile(r"\s*\([^()\n]{1,40}\)")
#: A description's prepositional complement ("a spokesman for the company", "the head of
#: the agency"): read past it, to the verb of the whole phrase.
#: (blanks within a line: no-break spaces too, as the model's text is the original)
_COMPLEMENT_PREP_RE = re.compile(r"[ \t\u00a0]+(?:of|for|at|with|from)[ \t\u00a0]+")
_NEXT_WORD_RE = re.compile(r"[ \t\u00a0]+([A-Za-z]+)(?![A-Za-z-])")
#: Words after a mention that show it is not the subject of a verb ("X and Y", "X of Z").
_NOT_VERB_AFTER_SUBJECT = (
    frozenset(_resources.word_list("prepositions"))
    | frozenset(_resources.word_list("determiners"))
    | frozenset(_resources.word_list("relative_pronouns"))
    | {"and", "or", "but", "nor", "than", "as", "if"}
)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the text: ``text[start:end]``, with its index and kind."""

    start: int
    end: int
    index: int
    kind: str = ""


@dataclass
class TextModel:
    """Paragraphs, sentences, tokens, regions, mentions and entities of one article.

    Attributes:
        text: the article text (offsets index it).
        paragraphs: ``Span`` per paragraph (``kind`` = its region: headline or body).
        sentences: ``Span`` per sentence (``kind`` = paragraph index as text).
        regions: ``Span`` per headline, dateline and byline region (``kind`` = the region).
        quotes: (start, end) of each quotation's interior.
        mentions: :class:`~iranstrikes.text.mentions.Mention` records, sorted by start.
        entities: :class:`~iranstrikes.text.entities.Entity` clusters, in order of first
            mention.
    """

    text: str
    paragraphs: list[Span]
    sentences: list[Span]
    regions: list[Span]
    quotes: list[tuple[int, int]]
    mentions: list[Mention]
    entities: list[Entity]
    _m_starts: list[int] = field(default_factory=list, repr=False)
    _s_starts: list[int] = field(default_factory=list, repr=False)
    # per sentence index, what _fronted and _subordinate_commas read (each on first need;
    # plain dicts of numbers: no reference back to the model, so no cycle for the GC)
    _fronted_memo: dict[int, int] = field(default_factory=dict, repr=False, compare=False)
    _commas_memo: dict[int, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._m_starts = [m.start for m in self.mentions]
        self._s_starts = [s.start for s in self.sentences]

    # -- look-ups ------------------------------------------------------------------------
    def _fronted(self, i: int) -> int:
        """Where sentence ``i``'s fronted prepositional or participle phrase ends, else its start.

        "At the rally, ...", "Speaking to reporters, ...".

        The phrase runs to the first comma, past a place after it ("In Clairsville, Ohio,
        ..."); not when a mention before that comma has its verb ("On Sunday X made an
        attempt ..., writing ..."): then the comma closes a clause, not a phrase. Each
        sentence is read on first need (a few sentences are asked about per article).
        """
        v = self._fronted_memo.get(i)
        if v is None:
            v = self._fronted_memo[i] = self._fronted_at(i)
        return v

    def _fronted_at(self, i: int) -> int:
        """:meth:`_fronted` of sentence ``i``, computed."""
        t = self.text
        openings = self._dateline_ends
        s = self.sentences[i]
        com = _fronted_end(t, s.start, s.end, openings)
        if com == s.start:
            return com
        inside = self.mentions_in(s.start, com)
        ws = words_start(s.start, com, openings)
        participle = t[ws:com].split(None, 1)[0].casefold() not in _PREPOSITIONS
        if not participle and any(self._verb_follows(m, com) for m in inside):
            # (a participle's phrase holds no main verb: "Citing polls Trump leads, X")
            return s.start
        nxt = self.mentions_in(com, s.end)[:1]
        if (
            nxt
            and nxt[0].kind == "state"
            and t[com + 1 : nxt[0].start].isspace()
            and t.startswith(",", nxt[0].end)
        ):
            return nxt[0].end
        return com

    @cached_property
    def tokens(self) -> list[tuple[int, int, str]]:
        """(start, end, text) of every word and punctuation token (computed on first use)."""
        return [(t.start(), t.end(), t.group(0)) for t in _TOKEN_RE.finditer(self.text)]

    def region_at(self, offset: int) -> str:
        """The region holding ``offset``: headline, dateline, byline or body."""
        for r in self.regions:
            if r.start <= offset < r.end:
                return r.kind
        return "body"

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the last one starting before it)."""
        return max(0, bisect.bisect_right(self._s_starts, offset) - 1)

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        """Mentions starting inside [lo, hi), in order."""
        i = bisect.bisect_left(self._m_starts, lo)
        j = bisect.bisect_left(self._m_starts, hi)
        return self.mentions[i:j]

    def mention_at(self, offset: int) -> Mention | None:
        """The mention covering ``offset`` (the longest when several do), or None."""
        i = bisect.bisect_right(self._m_starts, offset)
        best = None
        for k in range(i - 1, max(-1, i - 6), -1):
            m = self.mentions[k]
            if m.start <= offset < m.end and (
                best is None or m.end - m.start > best.end - best.start
            ):
                best = m
        return best

    def entity_at(self, offset: int) -> Entity | None:
        """The entity of the mention covering ``offset``, or None."""
        m = self.mention_at(offset)
        if m is None or m.entity < 0:
            return None
        return self.entities[m.entity]

    def subject_entity(self, sentence_index: int, before_offset: int) -> Entity | None:
        """The entity of the subject of the clause that ends at ``before_offset``.

        The last mention of the sentence before ``before_offset`` (typically a verb's start)
        that is not inside quotation marks, not after a preposition ("the spokesman *for the
        ministry* said") and not a possessive or object pronoun. For event actors: the entity
        of ``"... the minister announced"`` is the minister's entity, with the person it was
        tied to by apposition, title or pronoun.
        """
        if not 0 <= sentence_index < len(self.sentences):
            return None
        s = self.sentences[sentence_index]
        for m in reversed(self.mentions_in(s.start, min(before_offset, s.end))):
            if m.end > before_offset or m.in_quote or m.entity < 0:
                continue
            if m.kind == "pronoun" and "subject" not in m.titles:
                continue
            prev = self.text[max(s.start, m.start - 12) : m.start].split()
            if prev and prev[-1].casefold() in _PREPOSITIONS:
                continue
            return self.entities[m.entity]
        return None

    def sentence_subject(
        self, sentence_index: int, before_offset: int, strict: bool = False, accept=None
    ) -> Entity | None:
        """The entity of :meth:`subject_mention` (same arguments), or None."""
        m = self.subject_mention(sentence_index, before_offset, strict, accept)
        return None if m is None else self.entities[m.entity]

    def subject_mention(
        self, sentence_index: int, before_offset: int, strict: bool = False, accept=None
    ) -> Mention | None:
        """The mention of the sentence's grammatical subject, read before ``before_offset``.

        The first mention of the sentence (outside quotation marks, not after a preposition,
        not an object or possessive pronoun, not in a headline or dateline). For a
        coordinated or participle verb ("X did Y and said ...", "..., saying ..."), whose
        subject is the sentence's. The first such mention that a verb follows wins, else
        (unless ``strict``) the first one. ``accept``: a test of the entity; a sentence-initial
        mention of unknown kind that fails it is an opener ("Hours later, X did ...") and the
        next candidate is read.
        """
        if not 0 <= sentence_index < len(self.sentences):
            return None
        s = self.sentences[sentence_index]
        hi = min(before_offset, s.end)
        lo = self._fronted(sentence_index)  # "At a Trump event in X, Y said": not X
        cands = []
        for m in self.mentions_in(s.start, hi):
            if m.in_quote or m.entity < 0 or m.region != "body" or m.start < lo:
                continue
            if m.kind == "pronoun" and "subject" not in m.titles:
                continue
            prev = self.text[max(s.start, m.start - 16) : m.start].split()
            if prev and prev[-1].casefold() in _THE_A:
                prev = prev[:-1]  # "his duties in the Garden State": the preposition before it
            if prev and prev[-1].casefold() in _PREPOSITIONS and self._quantity_of(m) is None:
                continue
            cands.append(m)
        # the first mention a verb follows ("In Paris, ... the minister urged ...") and that
        # opens a clause, else the first one; after a leading subordinate clause ("As voters
        # went to the polls, the campaign ... accused"), the main clause's first
        for com in self._subordinate_commas(sentence_index):
            if not lo <= com < hi:
                continue
            after = [c for c in cands if c.start > com][:1]
            if (
                after
                and _MAIN_SUBJECT_GAP_RE.fullmatch(self.text, com + 1, after[0].start)
                and not _POSSESSIVE_AT_RE.match(self.text, after[0].end)
                and self._clause_subject(after, s.start, hi, accept) is not None
            ):
                return after[0]
        m = self._clause_subject(cands, s.start, hi, accept)
        if m is not None:
            return m
        return cands[0] if cands and not strict else None

    def _clause_subject(self, cands: list[Mention], lo: int, hi: int, accept) -> Mention | None:
        """The first of ``cands`` that opens a clause and that a verb follows, or None."""
        for m in cands:
            if self._opens_clause(m, lo) and self._verb_follows(m, hi):
                e = self.entities[m.entity]
                if accept is not None and not accept(e) and m.initial and e.kind == "unknown":
                    continue
                return m
        return None

    @cached_property
    def _dateline_ends(self) -> tuple[int, ...]:
        """Where each dateline ends: its sentence's own words start there."""
        return tuple(r.end for r in self.regions if r.kind == "dateline")

    def _subordinate_commas(self, i: int) -> list[int]:
        """When sentence ``i`` opens with a subordinate clause, the commas that may end it.

        "As voters went to the polls earlier in the day, the campaign ...": the sentence's
        first word (after a dateline) is a subordinator (``resources/subordinators.txt``); the
        clause ends at the first of its commas that a subject right after it follows (not
        "When Robby Mook, Clinton’s campaign manager, was asked ..."). Each sentence is read
        on first need.
        """
        v = self._commas_memo.get(i)
        if v is None:
            v = self._commas_memo[i] = self._subordinate_commas_at(i)
        return v

    def _subordinate_commas_at(self, i: int) -> list[int]:
        """:meth:`_subordinate_commas` of sentence ``i``, computed."""
        t = self.text
        s = self.sentences[i]
        ws = words_start(s.start, s.end, self._dateline_ends)
        fm = _FIRST_WORD_RE.match(t, ws, s.end)
        commas = []
        if fm is not None and fm.group(1).casefold() in _SUBORDINATORS:
            com = t.find(",", fm.end(), s.end)
            while com >= 0:
                commas.append(com)
                com = t.find(",", com + 1, s.end)
        return commas

    def _opens_clause(self, m: Mention, lo: int) -> bool:
        """True when the mention can open a clause (not inside another phrase).

        After the sentence start, punctuation or a conjunction ("and", "that", "while" ...),
        not after another lower-case word.

        An expletive "it" ("It is clear that ...") opens no clause about anyone.
        """
        t = self.text
        if m.head == "it" and _BE_RE.match(t, m.end):
            return False
        # "All of the candidates": the phrase opens where its share does
        at = self._quantity_of(m)
        at = m.start if at is None else at
        pm = _PREV_TOKEN_RE.search(t, max(lo, at - 30), at)
        if pm is None:
            return True
        w = pm.group(1)
        if not w[-1:].isalpha():
            return True  # punctuation: a comma, a dash, a bracket, a quotation mark
        if _AGE_RE.fullmatch(w):
            return True  # "62-year-old X said"
        if not w.islower() or w in _SUBJECT_LEAD:
            return True
        # "all X", "band member X": a determiner or a title before a name is its own phrase
        lx = _lex()
        return m.kind in {"name", "title_name", "organisation", "state"} and (
            w in lx["dets"] or w in lx["titles"]
        )

    def _quantity_of(self, m: Mention) -> int | None:
        """Where a share and "of" before a group mention start ("*All of* the candidates")."""
        if m.kind not in ("description", "organisation", "name"):
            return None
        qm = _QUANTITY_OF_RE.search(self.text, max(0, m.start - 24), m.start)
        return None if qm is None else qm.start()

    def _verb_follows(self, m: Mention, hi: int) -> bool:
        """True when a verb-like word follows the mention (past brackets or a parenthesis).

        A subject is followed by its verb ("X pointed", "X recently urged"), possibly after
        brackets ("X (R-Utah) said") or a parenthesis set off by commas ("X, the minister,
        said", "X, clearly frustrated, replied"). A possessive, a conjunction, a preposition
        or punctuation after the mention means it is no subject.
        """
        t = self.text
        pos = m.end
        om = _OF_PLACE_RE.match(t, pos, hi)
        if om:
            pos = om.end()  # "Senator X of Vermont said"
        elif m.kind == "description":
            cm = _COMPLEMENT_PREP_RE.match(t, pos, hi)
            n = self.mention_at(cm.end()) if cm else None
            if n is not None and n.start == cm.end() and n.end <= hi:
                pos = n.end  # "A spokesman for the company declined ..."
        bm = _BRACKETS_RE.match(t, pos, hi)
        if bm:
            pos = bm.end()
        if t.startswith(",", pos):
            close = t.find(",", pos + 1, min(hi, pos + 160))
            if close < 0:
                return False
            pos = close + 1
        wm = _NEXT_WORD_RE.match(t, pos, hi)
        if wm is None:
            return False
        w = wm.group(1)
        if not w.islower() or w in _NOT_VERB_AFTER_SUBJECT:
            return False
        lx = _lex()
        return (
            w not in lx["titles"]
            and w not in lx["anon"]
            and w not in lx["groups"]
            and w not in lx["org"]  # "the Dahl campaign", "the Berg administration"
        )

    def entity_name(self, entity: Entity | int) -> str:
        """Canonical name of an entity (or entity index) within the article."""
        e = self.entities[entity] if isinstance(entity, int) else entity
        return e.name


def _regions(
    masked: str, paras: list[tuple[int, int]], heads: set[int] | None = None
) -> list[Span]:
    """Headline, byline and dateline regions of the paragraphs.

    ``heads``: the indices of the paragraphs that :func:`_is_headline` holds of, when the
    caller has them (the quote extractor's reading does), else they are read here.
    """
    out: list[Span] = []
    body_seen = 0
    for pi, (s, e) in enumerate(paras):
        byline = _BYLINE_RE.fullmatch(masked, s, e) is not None
        if not byline and (pi in heads if heads is not None else _is_headline(masked, s, e)):
            out.append(Span(s, e, len(out), "headline"))
            continue
        if byline and e - s <= 100:
            out.append(Span(s, e, len(out), "byline"))
            continue
        if body_seen < 3:
            dm = _DATELINE_RE.match(masked, s, e)
            if dm and dm.end() < e and dm.end() - s <= 60:
                out.append(Span(s, dm.end(), len(out), "dateline"))
        body_seen += 1
    return out


def model(text: str, _pre: tuple | None = None) -> TextModel:
    """Build the text model of one article (pure; no state shared between articles).

    Args:
        text: the article text.
        _pre: for the quote extractor only: ``(masked, paragraphs, outlets, quotations)`` it
            computed already from this very text with the same functions (saves recomputing
            them; without it they are computed here the same way, so the model is the same;
            the quotations are ``_find_quotes(masked, paragraphs)``, headlines included),
            optionally followed by its quote-blanked mask and ``_sentences`` of that mask
            (the paragraphs where both masks agree keep those sentences), and by the
            indices of its headline paragraphs (``_is_headline`` of the mask).

    Returns:
        The :class:`TextModel`.
    """
    if not isinstance(text, str):
        text = ""
    if _pre is not None:
        masked, paras, outlets, all_quotes = _pre[:4]
        heads = _pre[6] if len(_pre) > 6 else None
    else:  # the quote extractor's reading: the same outlets as it finds (see _pre)
        from ..quotes.article import _reading, find_outlets

        masked, paras, heads, _quotes, blanked, all_quotes = _reading(text)
        outlets = [(o[0], o[1], o[2]) for o in find_outlets(blanked)]
    regions = _regions(masked, paras, heads)
    head_spans = [r for r in regions if r.kind == "headline"]
    head_starts = {r.start for r in head_spans}
    paragraphs = [
        Span(s, e, i, "headline" if s in head_starts else "body") for i, (s, e) in enumerate(paras)
    ]
    quotes = [(q.start, q.end) for q in all_quotes]
    if _pre is not None and len(_pre) > 4:
        spans = _sentences_sharing(masked, paras, _pre[4], _pre[5])
    else:
        spans = _sentences(masked, paras)
    sents = [Span(s, e, i, str(pi)) for i, (s, e, pi) in enumerate(spans)]
    r_sorted = sorted(regions, key=lambda r: r.start)
    r_starts = [r.start for r in r_sorted]
    r_last_end = max((r.end for r in r_sorted), default=0)

    def region_of(pos: int) -> str:
        if pos >= r_last_end:
            return "body"  # after every region (most mentions)
        i = bisect.bisect_right(r_starts, pos) - 1
        if i >= 0 and r_sorted[i].start <= pos < r_sorted[i].end:
            return r_sorted[i].kind
        return "body"

    openings = tuple(r.end for r in regions if r.kind == "dateline")
    mentions = find_mentions(
        masked, [s.start for s in sents], quotes, region_of, outlets, r_last_end, openings
    )
    # a mention never crosses into a dateline/headline region: cut it at the region's end
    kept = []
    for m in mentions:
        if m.start >= r_last_end:  # after every region (most mentions): nothing to cut
            kept.append(m)
            continue
        i = bisect.bisect_right(r_starts, m.start) - 1
        if i >= 0 and r_sorted[i].start <= m.start < r_sorted[i].end < m.end:
            continue
        kept.append(m)
    entities = cluster(kept, masked, [(s.start, s.end) for s in sents], openings)
    return TextModel(text, paragraphs, sents, regions, quotes, kept, entities)
