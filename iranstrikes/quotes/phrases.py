"""Noun-phrase helpers: finding the subject before a cue or the noun phrase after it.

What belongs here: trimming adverbial tails, splitting at commas and the subject finder
:func:`_subject` with its rules. The noun phrase after a cue, groups, content words and title
stripping are in :mod:`.noun_phrases`. Pure string functions on the masked text.
"""

from __future__ import annotations

import re

from .. import resources as _resources
from ..text.mentions import is_past_form
from .chunks import (
    _clause_colon_end,
    _closing_aside,
    _drop_place_appositions,
    _last_chunks,
    _last_finite_cue_end,
    _noun_not_verb,
)
from .lexicon import (
    _ADVERB_TAIL_RE,
    _AUTHORSHIP_PARTICIPLES,
    _LEAD_FLUFF_RE,
    _NOT_ADVERB_LY,
    _PREPOSITIONS,
    _PRONOUNS,
    _RX7,
    _RX8,
    _RX9,
    _RX10,
    _RX11,
    _RX12,
    _STOP,
    _TITLE_WORDS,
    first_letter_alternation,
    word_before,
)
from .noun_phrases import _relative_np_start
from .np_shapes import (
    _AUXILIARIES,
    _BARE_SUBJECT_PRONOUNS,
    _DAYS_MONTHS,
    _DETERMINERS,
    _FOCUS_WORDS,
    _PREP_START_RE,
    _RELATIVE_CLAUSE_RE,
    _SUBJECT_TAIL,
    _TRAILING_PARENS_RE,
    _bare_plural,
    _content_clause_subject,
    _looks_name,
    _object_relative_subject,
    _person_like,
    _plausible_np,
    _relative_head,
)
from .outlets import (
    _WORD_OR_HYPHEN_RE,
)

# ---------------------------------------------------------------------------------------------
# Noun-phrase helpers
# ---------------------------------------------------------------------------------------------
# Words an :data:`_ADVERB_TAIL_RE` match can end with (besides "[a-z]{3,}ly").
_ADVERB_LAST_WORDS = _resources.word_set("adverb_tail_words", lower=False)
_LY_WORD_RE = re.compile(r"[a-z]{3,}ly")


def _may_end_with_adverb(seg: str) -> bool:
    """Cheap necessary condition for ``_ADVERB_TAIL_RE.search(seg)``.

    The regex is anchored at the end but searched from the start, so it is tried at every
    space or comma of the segment. A match ends with one of a few words, preceded by a space
    or comma and followed only by whitespace: check that last token instead.
    """
    tokens = seg.rsplit(None, 1)
    if not tokens:
        return False
    last = tokens[-1].rsplit(",", 1)[-1]
    return last in _ADVERB_LAST_WORDS or _LY_WORD_RE.fullmatch(last) is not None


def _rstrip_space_commas(seg: str) -> str:
    """``seg`` without its trailing run of whitespace and commas (what ``_RX6`` finds)."""
    t = seg.rstrip()
    while t.endswith(","):
        t = t[:-1].rstrip()
    return t


def _strip_tail_adverbs(seg: str) -> str:
    """Remove auxiliaries, adverbs and time expressions at the end of a subject segment."""
    while True:
        mt = _ADVERB_TAIL_RE.search(seg) if _may_end_with_adverb(seg) else None
        if not mt or mt.start() == 0:
            return _rstrip_space_commas(seg)
        words = mt.group(0).split()
        if any(w.lower().strip(",") in _NOT_ADVERB_LY for w in words):
            # Keep nouns like "family"; drop only what follows them.
            keep = seg[: mt.start()] + mt.group(0)
            idx = max(keep.lower().rfind(w) for w in _NOT_ADVERB_LY if w in keep.lower())
            end = idx + len(_RX7.match(keep[idx:]).group(0))
            return seg[:end]
        seg = seg[: mt.start()]


#: Up to a dash or comma and "something" (greedy), for :func:`_subject`.
_DASH_OBJECT_RE = re.compile(r".*(?:\s[-—–]+|,)\s+something\s+", re.S)
#: Up to the last colon followed by a blank (greedy), for :func:`_subject`.


#: (a hyphen ends a dateline only before a blank: "KING-TV reported" is a name)
_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*"
    r"(?:[-—–:]*[—–:]|-+(?=\s))\s*"
)
_CLAUSE_VERB_IN_NP_RE = re.compile(
    r"\b(?:came|comes|come|was|were|is|are|followed|follows|after|before|when|while|because|"
    r"amid|following)\s+"
)


# The last match of _CLAUSE_VERB_IN_NP_RE.finditer, without building the others: the greedy
# ".*" backtracks from the end, so the match found starts where the rightmost one does. (Its
# matches cannot overlap: each starts at a word boundary before a letter, which no earlier
# match's "word + whitespace" can contain.)
#: "and"/"but" and a capitalised name ending a subject chunk; a verb before it (a past
#: form or an auxiliary) makes the part before a clause of its own.
_AND_THEN_NAME_RE = re.compile(r"\s(?:and|but)\s+((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)$")
_VERB_BEFORE_RE = re.compile(r"\b(?:[a-z]{2,}ed|was|were|is|are|has|had|have|did|does)\b")
_LAST_CLAUSE_VERB_IN_NP_RE = re.compile(r".*" + _CLAUSE_VERB_IN_NP_RE.pattern, re.S)


_TRY_TO_RE = re.compile(
    r"\s+(?:tried|tries|trying|sought|seeks|moved|wanted|wants|was\s+keen|were\s+keen)\s+to\s*$"
)


#: A subordinator (``resources/clause_conjunctions.csv``: contrast, cause, time) or "but".
_SUBORDINATOR_NB_RE = re.compile(
    r"(?:" + _resources.conjunction_pattern("contrast", "cause", "time") + r"|but)\s+"
)
_SUBORDINATOR_RE = re.compile(r"(?<![\w-])" + _SUBORDINATOR_NB_RE.pattern)
# (the _NB form has no look-behind, so the engine can skip ahead to candidate first letters)
#: Subject pronouns that take no modifier before their verb ("He appeared to ...").
#: A capitalised plural opening a chunk ("Majorities of ...", "Voters in ...").
_PLURAL_OPENER_RE = re.compile(r"[A-Z][a-z]+s\s+(?:of|in|at|from|across)\s")
_OBJECT_ONLY = frozenset({"him", "them", "us", "me"})
_PRONOUN_FOLLOWERS = frozenset({"and", "or", "himself", "herself", "themselves", "alone", "too"})
_RX9_ENDINGS = ("who", "which", "that", "who\n", "which\n", "that\n")


_THAT_BEFORE_NAME_RE = re.compile(r"(?<![\w-])that\s+(?=[A-Z])")


def _last_that_before_name(chunk: str) -> re.Match[str] | None:
    """The last "that" followed by a capitalised word ("years ago that Ana Berman")."""
    last = None
    for last in _THAT_BEFORE_NAME_RE.finditer(chunk):  # noqa: B007 - the last one is kept
        pass
    return last


def _last_subordinator(chunk: str) -> re.Match[str] | None:
    """The last match of ``_SUBORDINATOR_RE.finditer(chunk)``, found without the look-behind."""
    last = None
    pos = 0
    search = _SUBORDINATOR_NB_RE.search
    while True:
        mt = search(chunk, pos)
        if mt is None:
            return last
        i = mt.start()
        if i and _WORD_OR_HYPHEN_RE.match(chunk, i - 1):  # the look-behind fails here
            pos = i + 1
            continue
        last = mt
        pos = mt.end()


_QUESTION_WORDS = "|".join(sorted(_resources.word_set("question_words")))
#: The last question word of a chunk and the blanks after it ("what [his supporters]").
_QUESTION_WORD_RE = re.compile(
    r"(?i)\b(?:" + _QUESTION_WORDS + r")\s+(?!.*\b(?:" + _QUESTION_WORDS + r")\b)"
)
_PARENTHETICAL_OPENERS = _resources.word_set("parenthetical_openers")
_SET_OFF_RE = re.compile(r"[,—–)]|\s--?\s")
#: A name of two or more capitalised words (after titles), a parenthesised tag at most:
#: the head of an apposition left open ("Sen. Kristen Gillibrand (D-NY), a supporter ...").
_UNCLOSED_APPOS_NAME_RE = re.compile(
    r"(?<![\w.’'-])((?:[A-Z][\w.’'-]*\s+){1,4}[A-Z][\w’'-]*[a-z])(?:\s+\([^()\s]{1,12}\))?\s*$"
)
_LEAD_RELATIVE_RE = re.compile(
    r"(?:which|whom)\s+(?=[A-Z]|(?:the|a|an|some|many|most|it|he|she|they|we|you)\s)"
)
#: "that" opening a relative clause: a verb after it, not a subject ("groups that back him",
#: "organizations that have endorsed him"; never "that the", "that Trump", "that he").
_THAT_RELATIVE_RE = re.compile(
    r"\s(?:that)\s(?!(?:the|a|an|his|her|its|their|this|these|those|he|she|it|they|we|I|you)\b)"
    r"(?=(?:have|has|had|are|were|is|was|would|will|could|can|[a-z]+s|[a-z]+ed)\b)"
)
#: A participle phrase of a document's handling inside a subject ("obtained by AP"); not
#: of its making ("an article written by X accuses": the author speaks).
_PARTICIPLE_BY_RE = re.compile(
    r",?\s(?:and\s+)?(?:obtained|provided|released|seen|reviewed|published|posted|filed|"
    r"sent|issued|leaked|shared|forwarded)\s+(?:by|to)\s"
)
#: An author inside a subject ("an op-ed written by X", "a letter signed by X").
_AUTHOR_BY_RE = re.compile(r"\s(?:" + "|".join(_AUTHORSHIP_PARTICIPLES) + r")\s+by\s")
_AMONG_THOSE_RE = re.compile(r"\b(?:is|are|was|were)\s+(?:one\s+)?(?:among|of)\s+those\s*$")
_TRAILING_WHO_RE = re.compile(r"\s(?:who|who[’'](?:s|d|ve))\s*$")


def _strip_subject_tail(seg: str) -> str:
    """:func:`_strip_tail_adverbs`, then auxiliaries and adverbs of the subject-tail list.

    "X has long", "X wouldn't", "X has since": the words between a subject and its verb.
    Stops before the segment would be emptied or a comma reached.
    """
    seg = _strip_tail_adverbs(seg)
    while True:
        head, _sp, last = seg.rstrip().rpartition(" ")
        if not head.strip() or last[:1].isupper() or last.lower() not in _SUBJECT_TAIL:
            return seg  # (a capitalised word is a name: "George Will", "Theresa May")
        seg = _strip_tail_adverbs(head)


#: A relative pronoun and the words after it to the end of the chunk (the cue follows).
_OBJECT_RELATIVE_RE = re.compile(r"\b(?:who|whom|which)\s+(?P<np>[^,;:]+?)\s*$")


#: A chunk that ends in a name of two or more capitalised words ("aide Huma Abedin").
_ENDS_IN_FULL_NAME_RE = re.compile(r"\b[A-Z][\w.’'-]+\s+[A-Z][\w’'-]*[a-z][\w’'-]*\s*$")
#: A singular description: a determiner or possessive, then lower-case words ("his wife").
_DESCRIPTION_RE = re.compile(
    # (a coordinating conjunction first: "But the other candidate, X, said"; a short phrase
    # after: "the other candidate on the stage, X, said")
    r"(?:(?:[Bb]ut|[Aa]nd|[Yy]et)\s+)?"
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y)(?:\s+[a-z][\w’'-]*){1,4}"
    r"(?:\s+(?:on|at|in|from|of)\s+(?:the\s+)?[a-z][\w’'-]*)?\s*$"
)
_COORDINATION_RE = re.compile(r"\s(?:and|or)\s|&")


#: A participle and its agent opening a chunk ("run by X", "led by X"): no apposition.
_BY_PHRASE_RE = re.compile(r"[a-z]+\s+by\s")
_DASHES = "—–"


def _between_dashes(masked: str, cs: int, ce: int) -> bool:
    """The chunk [cs, ce) is set off by a dash on both sides ("X — and Y — said")."""
    before = masked[max(0, cs - 3) : cs]
    after = masked[ce : ce + 3]
    return any(d in before for d in _DASHES) and any(d in after for d in _DASHES)


def _before_parentheticals(masked: str, chunks: list[tuple[int, int]]):
    """The chunk before a run of parenthetical chunks, when it can be the subject, or None.

    The last chunk must open with a parenthetical word ("for", "like", "both", "another" ...,
    see ``resources/parenthetical_openers.txt``) or be lower case (a description: "treasurer
    and strategist"); up to two such chunks are stepped over.
    """
    k = len(chunks) - 1
    steps = 0
    while k >= 1 and steps < 2:
        cur = masked[chunks[k][0] : chunks[k][1]]
        w = cur.split()[0] if cur.split() else ""
        if not (w.lower() in _PARENTHETICAL_OPENERS or w[:1].islower()):
            return None
        if w.lower() in {"and", "or", "but"} and not _between_dashes(masked, *chunks[k]):
            return None  # (but "X — and Y in Oslo — said": a parenthetical addition)
        prev = masked[chunks[k - 1][0] : chunks[k - 1][1]]
        pw = prev.split()[0] if prev.split() else ""
        if (
            steps == 0
            and _DESCRIPTION_RE.match(prev)
            and _ENDS_IN_FULL_NAME_RE.search(cur)
            and w.lower() not in _PARENTHETICAL_OPENERS
            and len(cur.split()) <= 6
            and not _PREP_START_RE.match(cur)
            and not _COORDINATION_RE.search(cur)
            and not _BY_PHRASE_RE.match(cur)
        ):
            # "His wife, longtime aide Huma Abedin, announced": the apposition names the one
            # the description describes; the name speaks (not for examples, "including X",
            # or several names, "X and Y")
            return None
        if _plausible_np(prev) and not (pw[:1].islower() and pw.lower() not in _DETERMINERS):
            if pw[:1].islower() and k >= 2:
                # "X, the fund's lawyer, treasurer and strategist,": the name before both
                p2 = masked[chunks[k - 2][0] : chunks[k - 2][1]]
                if _looks_name(_TRAILING_PARENS_RE.sub("", p2)) and not _PREP_START_RE.match(p2):
                    return chunks[k - 2]
            return chunks[k - 1]
        k -= 1
        steps += 1
    return None


#: "or" and a short name or acronym: an alias of the phrase before its comma.
_ALIAS_CHUNK_RE = re.compile(r"or\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2}")
#: How far before a cue (in characters) its subject is looked for.
_SUBJECT_WINDOW = 600


#: A capitalised possessive, then a lower-case word ("Norway's ambassador", "Obama’s chief").
_POSSESSIVE_DESCRIPTION_RE = re.compile(r"[A-Z][\w.-]*[’']s\s+[a-z]")
_APPOS_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "our"})
#: A name opening an aside, then a comma or the aside's end ("-- John McCain, who lost --").
_ASIDE_NAME_RE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w'’-]*[a-z])\s*(?:,|$)")


def open_paren(m: str, lo: int, hi: int) -> int:
    """Offset of the last "(" in ``m[lo:hi]`` that no ")" closes before ``hi``, else -1."""
    po = m.rfind("(", lo, hi)
    return po if po >= 0 and m.find(")", po, hi) < 0 else -1


def _subject(masked: str, lo: int, hi: int) -> tuple[tuple[int, int] | None, str]:
    """Find the subject noun phrase of a cue in masked[lo:hi] (hi = cue start).

    Returns:
        ((start, end) of the mention, appositive text) or (None, "").
    """
    if hi - lo > _SUBJECT_WINDOW:
        # A subject sits close before its cue: look back a bounded window (from a word start)
        # so that a long run-on sentence costs linear time, not time per cue x sentence length.
        cut = masked.find(" ", hi - _SUBJECT_WINDOW, hi)
        lo = cut + 1 if cut >= 0 else hi - _SUBJECT_WINDOW
    po = open_paren(masked, lo, hi)
    if po >= 0 and masked[po + 1 : hi].strip():
        # "... her server (the existence of which, many Democrats say, ...": the cue is inside
        # a parenthesis still open, so its subject is too (no aside to step over; not "X
        # (repeated to me) was": a cue that opens the parenthesis has its subject before it)
        lo = po + 1
    aside = _closing_aside(masked, lo, hi)
    if aside is not None:
        # "the board - before, during and after her time as chair - criticized", "Sen. X (a
        # Democrat so young he has been mistaken for an intern) says": the subject is
        # before the aside
        got = _subject(masked, lo, aside[0])
        if got[0] is not None:
            nm = _ASIDE_NAME_RE.match(masked, aside[1], aside[2])
            desc = masked[got[0][0] : got[0][1]].split()
            if (
                nm is not None
                and len(desc) >= 2
                and desc[0].lower() in _APPOS_DETERMINERS
                and desc[-1][:1].islower()
            ):
                # "A former candidate -- John McCain, who lost in 2008 -- said": the aside
                # names the one the description describes; the name speaks
                return nm.span(1), ""
            return got
    seg = _strip_subject_tail(masked[lo:hi])
    fa = _FIRST_ADVERB_RE.match(seg)
    if fa is not None:
        lo += fa.end()  # "First his wife, X, announced": an adverb before the subject
        seg = seg[fa.end() :]
    k = _clause_colon_end(seg, capital=True) if ":" in seg else None
    if k is not None:
        # "The plan drew doubts: Former Rep. Jane Harman called it ...": a colon before a
        # capitalised word ends the clause before the subject (see also the end)
        lo += k
        seg = seg[k:]
    if "something " in seg:
        dm = _DASH_OBJECT_RE.match(seg)
        if dm is not None and seg[dm.end() :].strip():
            # "... a strong winning streak - something Sanders aides argue is possible": a
            # dash (or comma) and an object relative's "something"; its subject follows
            lo += dm.end()
            seg = seg[dm.end() :]
    tm = _TRY_TO_RE.search(seg) if seg.rstrip().endswith("to") else None
    if tm:  # "The minister tried to make it clear that ..."
        seg = seg[: tm.start()]
    if not seg.strip():
        return None, ""
    chunks = _last_chunks(seg, lo, 5)
    if len(chunks) >= 2:
        chunks = _drop_place_appositions(masked, chunks, hi)  # "X Inc., Peoria, Ill., said"
    chunks = chunks[-3:]
    if not chunks:
        return None, ""
    appos = ""
    if len(chunks) >= 2 and _ALIAS_CHUNK_RE.fullmatch(masked, *chunks[-1]):
        chunks = chunks[:-1]  # "Democracy for America, or DFA - ... - said": an alias
    cs, ce = chunks[-1]
    last = masked[cs:ce]
    first = last.split()[0] if last.split() else ""
    if first[3:4] in ("'", "’") and first[:3].lower() == "who":
        first = first[:3]  # "who's", "who’d", "who've": the relative pronoun
    # An appositive is set off on both sides ("X, the spokeswoman, said"): a last chunk that
    # runs straight into the cue ("Regardless, the State Department said") is the subject.
    set_off = _SET_OFF_RE.search(masked, ce, hi) is not None
    orl = _OBJECT_RELATIVE_RE.match(last) if first.lower() in {"who", "whom"} else None
    if orl is not None and not set_off and _object_relative_subject(orl.group("np")):
        # "Per Dahl, who many analysts say will win": the relative is the object of the
        # cue's clause, its subject the words after it (read below)
        first = ""
    if len(chunks) >= 2 and (set_off or first.lower() in {"who", "whose", "which"}):
        ps, pe = chunks[-2]
        prev = masked[ps:pe]
        is_appos = (
            first.lower() in {"a", "an", "the", "who", "whose", "which", "its", "his", "her"}
            or first[:1].islower()
            or first[:1].isdigit()
            # "Karl Vik, Norway's ambassador to the U.N., said": a possessive description
            or _POSSESSIVE_DESCRIPTION_RE.match(last) is not None
        )
        if _LEAD_RELATIVE_RE.match(last):
            is_appos = False  # "..., which Democrats say": a relative object, then the subject
        words = last.split()
        # "A legal opinion drafted for X in May 2012, and obtained by AP, concluded": a
        # coordinated participle set off by commas describes the phrase before it
        coord_part = len(words) > 1 and first in ("and", "or") and words[1].endswith("ed")
        if is_appos and (coord_part or not _RX8.match(first)):
            sub = _last_subordinator(prev)
            if sub is None:
                sub = _last_that_before_name(prev)
            if sub and prev[sub.end() :].strip():
                # "It was years ago that X, who ..., said": the subject follows "that"
                ps += sub.end()
                prev = masked[ps:pe]
            if first.lower() in {"who", "whose"} and "," not in masked[pe:cs]:
                # "offered fresh ammunition to Republicans who say": the relative's antecedent
                # is the noun phrase right before it, not the clause that phrase ends
                ps += _relative_np_start(prev)
                prev = masked[ps:pe]
            elif last.strip().lower() in {"who", "which"}:
                # (the relative is the subject: not "which he added", an object relative)
                k = _relative_np_start(prev)
                if (
                    k
                    and any(w in _AUXILIARIES or is_past_form(w) for w in prev[:k].split())
                    # (only a name: a description's antecedent may be inside it, "no mention
                    # of Jeb Bush, who", which the text model reads; "..., which" may take
                    # the whole clause)
                    and prev[k : k + 1].isupper()
                ):
                    # "The plan was backed by Karl Vik, who said": after a clause, the noun
                    # phrase before the comma (not "a Democrat from the district, who")
                    ps += k
                    prev = masked[ps:pe]
            cand = _LEAD_FLUFF_RE.sub("", prev)
            described = bool(cand.split()) and cand.split()[0].lower() in {"a", "an", "the"}
            participle = coord_part or (
                first[:1].islower()
                and (first.lower().endswith(("ing", "ed")) or is_past_form(first))
            )
            # (longer: a determiner phrase before a coordinated participle, or two titled
            # names before "who": "Former Mayor X and former Gov. Y, who are ..., have")
            longer = (coord_part and described) or (
                first.lower() == "who" and " and " in cand and _looks_name(cand.split(" and ")[-1])
            )
            okprev = len(cand.split()) <= (12 if longer else 7) and not _PREP_START_RE.match(cand)
            if okprev and (
                _looks_name(cand)
                or first.lower() in {"who", "whose", "which"}
                or (described and participle)
            ):
                appos = last
                cs, ce = ps, pe
                # a three-part appositive chain "X, a Y, who Z," -> take X
                if len(chunks) >= 3 and first.lower() in {"who", "which"}:
                    p2s, p2e = chunks[-3]
                    p2 = masked[p2s:p2e]
                    if _looks_name(p2) and masked[ps:pe].split()[0].lower() in {"a", "an", "the"}:
                        appos = masked[ps:pe] + ", " + last
                        cs, ce = p2s, p2e
        if not appos and set_off:
            # "X, for example, said", "X (R-Ohio), another incumbent, said", "X, the fund's
            # lawyer, treasurer and strategist, said": back over the parentheticals to X
            found = _before_parentheticals(masked, chunks)
            if found is not None:
                (cs, ce), appos = found, masked[found[1] : chunks[-1][1]].strip(" ,")
    if (
        not appos
        and not set_off
        and len(chunks) >= 2
        and first.lower() in {"a", "an"}
        # not "..., an honor Donald said he hoped": a name ending the chunk is the subject of
        # an object relative
        and not last.split()[-1][:1].isupper()
    ):
        ps, pe = chunks[-2]
        nm = _UNCLOSED_APPOS_NAME_RE.search(masked, ps, pe)
        if (
            nm is not None
            and (w0 := nm.group(1).split()[0].lower().strip(".,")) not in _STOP
            and w0 not in _DAYS_MONTHS
            and _looks_name(nm.group(1))
            and _person_like(nm.group(1))
            and (
                word_before(masked, nm.start(1), ps) not in _PREPOSITIONS
                # "the research of Emmanuel Saez, an economics professor ... who had once
                # concluded": a person's relative makes the object the antecedent
                or " who " in masked[cs:hi]
            )
        ):
            # "Friday on CNN, Sen. Kristen Gillibrand (D-NY), a supporter of Hillary Clinton's
            # bid told host ...": an apposition its writer did not close; the name before it
            # speaks
            appos = last
            cs, ce = nm.span(1)
    chunk = masked[cs:ce]
    dl = _DATELINE_RE.match(chunk)
    if dl:
        cs += dl.end()
        chunk = masked[cs:ce]
    tw = _TRAILING_WHO_RE.search(chunk)
    if (
        tw is not None
        and tw.start() > 0
        and not chunk[: tw.start()].rstrip().endswith(",")
        # (not a second relative: "hackers who officials say is tied to X and who claimed")
        and chunk[: tw.start()].split()[-1].casefold() not in {"and", "or", "but"}
        # (not "X is among those who say": X says it, the clause's subject)
        and not _AMONG_THOSE_RE.search(masked, cs, cs + tw.start())
    ):
        # "offered fresh ammunition to Republicans who say": the relative right before the
        # cue; its antecedent, the noun phrase before it, speaks
        ce = cs + tw.start()
        cs += _relative_np_start(masked[cs:ce])
        chunk = masked[cs:ce]
    orl = _OBJECT_RELATIVE_RE.search(chunk) if " wh" in chunk else None
    if orl is not None and _object_relative_subject(orl.group("np")):
        # "hackers who U.S. officials say is tied to X", "Dahl, who many analysts say will
        # win", "his daughters, who he said were living": the relative is the object of the
        # cue's clause; its subject follows it
        cs += orl.start("np")
        chunk = masked[cs:ce]
    rc = _RELATIVE_CLAUSE_RE.search(chunk)
    if (
        rc
        and rc.start() > 0
        and _relative_head(chunk[: rc.start()])
        and not (masked[:cs].rstrip().endswith(",") and len(chunk[: rc.start()].split()) == 1)
    ):
        focus = _FOCUS_RE.match(chunk)
        if focus and focus.end() < rc.start():
            cs += focus.end()  # "Even those who ...": the focus word is no part of the subject
        # "many supporters who came to X say": the head before "who" (read before the cut
        # at a clause verb, which would leave "to X"); not one word after a comma ("residents
        # in Jupiter, Florida who were voting ...": a place)
        ce = cs + rc.start()
        cs += _relative_np_start(masked[cs:ce])
        chunk = masked[cs:ce]
    vb = _LAST_CLAUSE_VERB_IN_NP_RE.match(chunk) if len(chunk.split()) >= 4 else None
    if vb:  # ends where the last _CLAUSE_VERB_IN_NP_RE match ends
        cs += vb.end()
        chunk = masked[cs:ce]
    an = _AND_THEN_NAME_RE.search(chunk) if " and " in chunk or " but " in chunk else None
    if an is not None and _VERB_BEFORE_RE.search(chunk, 0, an.start()):
        # "a woman asked for a photo and Clinton said": a clause, "and", then the subject
        cs += an.start(1)
        chunk = masked[cs:ce]
    fin = _last_finite_cue_end(chunk) if len(chunk) > 8 else 0
    if fin:
        # "Berg said Holm [claimed that ...]": a reporting verb's that-less clause opens with
        # this cue's subject
        cs += fin
        chunk = masked[cs:ce]
    sub = _last_subordinator(chunk)
    if sub and chunk[sub.end() :].strip():
        # "... the first confirmation since officials claimed": the subject follows the subordinator
        cs += sub.end()
        chunk = masked[cs:ce]
    qw = _QUESTION_WORD_RE.search(chunk) if len(chunk.split()) > 1 else None
    after_qw = chunk[qw.end() :] if qw is not None else ""
    if 1 <= len(after_qw.split()) <= 4 and (_plausible_np(after_qw) or _bare_plural(after_qw)):
        # "displaying what many analysts call", "why critics say": the subject follows the
        # (last) question word
        cs += qw.end()
        chunk = masked[cs:ce]
    lead = None if _AS_MANY_AS_RE.match(chunk) else _LEAD_FLUFF_RE.match(chunk)
    if lead:
        cs += lead.end()
        chunk = masked[cs:ce]
    rel = _LEAD_RELATIVE_RE.match(chunk)
    if rel and chunk[rel.end() :].strip():
        # "..., which Democrats say could ...": the relative word is the object, not the subject
        cs += rel.end()
        chunk = masked[cs:ce]
    au = _AUTHOR_BY_RE.search(chunk)
    if au and chunk[au.end() :].strip() and _plausible_np(chunk[au.end() :]):
        # "An article written by Kari Vik warns": the author speaks
        cs += au.end()
        chunk = masked[cs:ce]
    pb = _PARTICIPLE_BY_RE.search(chunk)
    if pb and pb.start() > 0 and _plausible_np(chunk[: pb.start()]):
        # "A letter from the Legion obtained by The Associated Press warns": the letter
        # speaks, not whoever obtained or released it
        ce = cs + pb.start()
        chunk = masked[cs:ce]
    rc = _RELATIVE_CLAUSE_RE.search(chunk) or _THAT_RELATIVE_RE.search(chunk)
    if (
        rc
        and rc.start() > 0
        and _relative_head(chunk[: rc.start()])
        # (not a past verb before "that": "X said that officials [said]" opens a clause)
        and not (rc.group(0).strip() == "that" and is_past_form(chunk[: rc.start()].split()[-1]))
    ):
        # "some voters who have listened to X said", "groups that back him say": the subject
        # is the head before the relative clause
        ce = cs + rc.start()
        cs += _relative_np_start(masked[cs:ce])
        chunk = masked[cs:ce]
    if chunk.endswith(_RX9_ENDINGS) and _RX9.search(chunk):
        ce -= len(chunk) - chunk.rstrip().rfind(" ")
        chunk = masked[cs:ce].rstrip()
        ce = cs + len(chunk)
    words = chunk.split()
    if not words:
        return None, ""
    if len(words) > 1 and words[-1].lower() in _PRONOUNS and words[-1].lower() not in _OBJECT_ONLY:
        cs = ce - len(words[-1])
        return (cs, ce), ""
    if (
        len(words) > 1
        and words[0].lower() in _BARE_SUBJECT_PRONOUNS
        and words[1].islower()
        and words[1] not in _PRONOUN_FOLLOWERS
    ):
        # "He appeared to make an off-color joke": a subject pronoun takes no modifier; the
        # words after it are its verb phrase
        return (cs, cs + len(words[0])), ""
    if words[0].lower() in {"there", "this"} and len(words) == 1:
        return None, ""
    cc = _CONTACT_CLAUSE_RE.match(chunk) if len(words) > 3 else None
    if cc is not None:
        # "Several people I've spoken with over the weeks said": a relative clause without
        # "who" (its subject pronoun follows the head); the head noun phrase speaks
        ce = cs + cc.end("np")
        chunk = masked[cs:ce]
        words = chunk.split()
    if len(words) > 9:
        # take the trailing noun phrase: a run of capitalised tokens (with title words)
        toks = list(_RX10.finditer(chunk))
        k = len(toks)
        while k > 0 and (
            toks[k - 1].group(0)[:1].isupper() or toks[k - 1].group(0).lower() in _TITLE_WORDS
        ):
            k -= 1
        while k < len(toks) and toks[k].group(0).lower() in {"of", "the", "and", "for"}:
            k += 1
        if k < len(toks):
            cs = cs + toks[k].start()
        else:
            dets = [
                t for t in toks if t.group(0).lower() in {"the", "a", "an", "his", "her", "its"}
            ]
            if not dets:
                return None, ""
            head = dets[-1]
            k = toks.index(head)
            if k > 0 and toks[k - 1].group(0).lower() in _PREPOSITIONS and len(words) <= 12:
                # "a supporter of X's bid for the presidency told": "the presidency" is the
                # object of a preposition, not the subject; the phrase's head opens it
                if dets[0].start() == 0:
                    head = dets[0]
                elif _PLURAL_OPENER_RE.match(chunk) and words[0].lower() not in _STOP:
                    # "Majorities of farmers in five towns going to the polls say": a plural
                    # opening the sentence heads the phrase
                    head = toks[0]
            cs = cs + head.start()
        chunk = masked[cs:ce]
        if len(chunk.split()) > 12:
            return None, ""
    ob = _THAT_OBJECT_RELATIVE_RE.match(chunk) if "that" in chunk else None
    if ob is not None and _noun_not_verb(ob.group(1)):
        # "..., a charge that Colorado Republican leaders denied": an object relative after
        # a noun (no verb form: not "the report said that"); its subject speaks
        cs += ob.end()
        chunk = masked[cs:ce]
    k = chunk.rfind(" that ") if "that" in chunk else -1
    if k > 0:
        after = chunk[k + 6 :].strip()
        if _content_clause_subject(after):
            # "Karl Smith said that officials [said]", "The report found that the mayor
            # [had claimed]": the clause "that" opens has a subject of its own, which speaks
            cs += len(chunk) - len(chunk[k + 6 :].lstrip())
            chunk = masked[cs:ce]
    # reject subjects that are clauses
    if (
        ("that" in chunk or "if" in chunk or "whether" in chunk or "because" in chunk)
        and _RX11.search(chunk)
        and not chunk.lower().startswith("that")
    ):
        return None, ""
    if chunk[-1:] in '"”' or not (_RX12.search(chunk) or _PERCENT_RE.fullmatch(chunk)):
        return None, ""
    if _COPULA_OPEN_RE.match(chunk):
        # "It's a dynamic Greenberg [said could ...]": the object relative's subject is the
        # name ending the chunk; "That's why there's ...": a clause, no subject
        tn = _TRAILING_NAME_RE.search(chunk)
        if tn is None:
            return None, ""
        cs += tn.start()
        chunk = masked[cs:ce]
    if _MODAL_VERB_END_RE.search(chunk):
        return None, ""  # "This plan would run [counter to]": a clause, no subject
    k = _clause_colon_end(chunk, capital=False) if ":" in chunk else None
    if k is not None:
        # "... holds liberal views: 53% describe ...": the subject starts after the colon
        cs += k + len(chunk[k:]) - len(chunk[k:].lstrip())
    return (cs, ce), appos


#: A plural noun phrase (up to four words) and a subject pronoun opening a relative clause
#: without "who" ("Several people I've spoken with ...", "The voters we met ...").
_CONTACT_CLAUSE_RE = re.compile(
    r"(?P<np>(?:[A-Za-z][\w’'-]*\s+){0,3}(?:people|[a-z]{2,}s))\s+(?:I|we|you|they)"
    r"(?:[’'](?:ve|d|ll|re))?\s+[a-z]"
)
#: A noun phrase, "that" and a short subject of its own ending the chunk: an object relative
#: ("a charge that Colorado Republican leaders [denied]", "the claim that he [denied]").
_THAT_OBJECT_RELATIVE_RE = re.compile(
    r"(?:[Aa]n?|[Tt]he|[Tt]his)\s+(?:[a-z-]+\s+){0,2}([a-z]+)\s+that\s+"
    r"(?=(?:(?:the|his|her|their|its|some|many|most)\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}"
    r"(?:[A-Z][\w.’'-]*|[a-z]+s)$|(?:he|she|they|we|I)$)"
)


#: A modal and a bare verb ending a subject chunk, or a chunk opening with a copula clause.
_MODAL_VERB_END_RE = re.compile(  # \b(?:would|...)\s+[a-z]+$, grouped by first letter
    first_letter_alternation(
        [(("would", "will", "could", "should", "can", "may", "might", "must"), r"\s+[a-z]+$")],
        word_start=True,
    )
)
_COPULA_OPEN_RE = re.compile(r"(?:That|It|There|This|What)(?:[’']s|\s+is|\s+was)\b")
_TRAILING_NAME_RE = re.compile(r"(?<=\s)(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w’'-]*[a-z]$")
#: An adverb before a determiner or possessive opening a subject ("First his wife").
_FIRST_ADVERB_RE = re.compile(
    r"(?:First|Finally|Later|Then|Now)\s+(?=(?:his|her|their|its|the|a|an)\s)"
)
#: A share written with the percent sign ("47% say ..."): a subject without letters.
_PERCENT_RE = re.compile(r"\d[\d.,]*\s?%")


#: "as many as 40 percent of ...": an approximator, not the subordinator "as"
_AS_MANY_AS_RE = re.compile(r"[Aa]s\s+(?:many|few)\s+as\s")
_FOCUS_RE = re.compile(r"(?:" + "|".join(sorted(_FOCUS_WORDS)) + r")\s+", re.I)
