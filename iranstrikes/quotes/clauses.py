"""Where a reported clause ends when its cue sits inside a smaller clause.

What belongs here: the rules that end an indirect statement's content at the boundary of the
clause its cue belongs to, so that the main clause after it is not read as part of what was
said. A cue in a fronted subordinate clause ("After X said A, Y ...") ends at the clause's
comma; a cue that is the verb of a relative clause ("The judges who ruled that A, ... said B",
"A woman who has accused X of Y said Z") ends at its comma or before the main clause's cue.
Any content ends before a later clause with its own subject and reporting verb ("X said A,
and Y vowed B", "..., a point Y acknowledged"). Finding the cues and their content is
:mod:`.indirect`; this module only moves the end. It also holds the two tests of a
sentence-initial -ing cue that look at the main clause after it: whether the -ing phrase is
the sentence's subject ("Saying so was a mistake"), and whose the fronted participle is when
no cue follows ("Having announced that X, Judge Y proceeded ..."), and whose clause a
participle after a coordinated clause is ("..., and the ACLU has sued the city, saying B").
"""

from __future__ import annotations

import bisect
import re

from .. import resources as _resources
from .article import _Article
from .cue_context import _INVERTIBLE, _SENT_SUBJ_RE
from .cues import _cue_ok, _progressive
from .forms import _trim
from .lexicon import _FORM2LEMMA, first_letter_alternation
from .phrases import _subject, open_paren
from .segment import _Stmt

#: A sentence that opens with a subordinate clause ("When", "After", "Not long after", "Even
#: as", "Asked whether" ...) up to the clause's subject.
_SUB_OPEN_RE = re.compile(
    r"\s*(?:(?:(?:Not\s+long|Shortly|Soon|Just|Only|Long|Right|Even|Moments|Minutes|Hours|Days)\s+"
    r"(?=after\b|before\b|as\b|when\b|since\b|though\b|if\b)"
    r"|(?=When|While|After|Before|Although|Though|Because|Since|If|As|Once|Until|Whereas)"
    r"|Asked\s+(?:by\s+[\w.'’-]+\s+(?:[\w.'’-]+\s+)?)?(?=if\b|whether\b|why\b|how\b|what\b))"
    r"(?i:when|while|after|before|although|though|because|since|if|as|once|until|whereas|"
    r"whether|why|how|what)\s+"
    r"|(?:By\s+the\s+time|The\s+moment|Now\s+that|Every\s+time|Each\s+time|Ever\s+since)\s+)"
    r"(?:[\w.'’-]+\s+){0,4}?(?=\S)"
)
#: The same after a fronted adjunct's comma, where the subordinator is lower case ("Later in
#: the show, after X concluded, Y ...").
_SUB_AFTER_COMMA_RE = re.compile(
    r"\s*(?i:" + _resources.conjunction_pattern("contrast", "cause", "time") + r")\s+"
    r"(?:[\w.'’-]+\s+){0,4}?(?=\S)"
)
#: At most this many words before a comma are a fronted adjunct ("Later in the show,").
_FRONTED_ADJUNCT_WORDS = 6
#: A cue that is the verb of a relative clause ("who ruled", "which has long argued").
_RELATIVE_BEFORE_CUE_RE = re.compile(  # \b(?:who|which)\s+..., grouped by first letter
    first_letter_alternation(
        [
            (
                ("who", "which"),
                r"\s+(?:(?:has|have|had|is|was|were|are|also|not|never|[a-z]+ly)\s+){0,3}$",
            )
        ],
        word_start=True,
    )
)
#: A cue that is the verb of an object relative clause set off by a comma, its subject a few
#: words ("..., which friends described as ...", "..., whom aides called ...").
_OBJECT_RELATIVE_BEFORE_CUE_RE = re.compile(
    r",\s*(?:which|whom)\s+(?:(?:the|a|an|some|many|most|his|her|their|its)\s+)?"
    r"[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:(?:also|often|have|had|has|once|later|[a-z]+ly)\s+)?$"
)
#: A later cue that opens an adjunct clause ("when asked"), not the main clause.
_SUBORDINATE_CUE_RE = re.compile(r"\b(?:when|if|as|after|before|while|once|unless)\s+$")


#: A sentence-initial preposition before a cue's possessor subject ("Despite X's call").
_FRONTED_PP_POSSESSOR_RE = re.compile(
    r"\s*(?:Despite|Amid|After|Before|Since|Following|Given|Upon|With|Without|In\s+spite\s+of)"
    r"\s+(?:(?:the|a|an)\s+)?(?=\S)"
)
#: A free relative's "what" before its subject ("what the board called ...").
_WHAT_BEFORE_RE = re.compile(r"\b[Ww]hat\s+(?:(?:the|a|an|his|her|their|its|some|many)\s+)?$")
#: A copula right after a free relative's cue ("what she said is ...", "what X said was").
_COPULA_AFTER_RE = re.compile(r"\s+(?:is|was|are|were|would\s+be|will\s+be)\b")


def _clause_comma(art: _Article, lo: int, hi: int) -> int:
    """The first comma in [lo, hi) outside a quotation, or ending one ('"... schools," X').

    The extractor's mask blanks the inside of quotations, so a comma that closes a quotation
    is read from the text at the quotation's end. -1 when there is none.
    """
    com = art.masked.find(",", lo, hi)
    hi_q = com if com >= 0 else hi
    qs = art.quotes
    for i in range(bisect.bisect_left(qs, lo, key=lambda q: q.open_pos), len(qs)):
        q = qs[i]
        if q.open_pos >= hi_q:
            break
        if q.closed and art.text[q.close_pos - 1] == ",":
            return q.close_pos + 1
    return com


def clause_content_end(
    art: _Article,
    ss: int,
    lo_c: int,
    cue: re.Match[str],
    subj: tuple[int, int] | None,
    cs: int,
    ce: int,
) -> int:
    """The end of the content [cs, ce) of ``cue`` (sentence from ``ss``; its window ``lo_c``).

    ``subj`` is the cue's subject span as the subject finder read it (it may still hold the
    subordinator or a title: "After former Gov. X"). Returns ``ce`` when no rule applies.
    """
    m = art.masked
    if subj and (
        # "Amid what X called a “rough week” for Y, and with ...": the cue is the verb of a
        # free relative clause, whose content (the object) ends at the clause's comma (not
        # "what she said is growing demand for A, B and C": a copula opens what was said)
        (
            "hat " in m[max(ss, subj[0] - 16) : subj[0]]
            and _WHAT_BEFORE_RE.search(m, max(ss, subj[0] - 16), subj[0])
            and not _COPULA_AFTER_RE.match(m, cue.end())
        )
        # "Despite X's call to abandon the pier, the council ...": a possessor's noun cue in
        # a fronted phrase reports up to the phrase's comma, not the main clause after it
        or (_FRONTED_PP_POSSESSOR_RE.match(m, ss, subj[0] + 1) and m.startswith("s ", subj[1] + 1))
    ):
        com = _clause_comma(art, cue.end(), ce)
        if com > cs:
            return _trim(art.text, cs, com)[1]
    if subj:
        # the clause of the subject: the sentence, or what follows a fronted adjunct's comma
        # ("Later in the show, after X concluded, Y ...")
        open_at = m.rfind(",", ss, subj[0]) + 1 or ss
        if open_at > ss and len(m[ss:open_at].split()) > _FRONTED_ADJUNCT_WORDS:
            open_at = -1  # a main clause before the comma: "..., when she claimed that A, B"
        sub_re = _SUB_OPEN_RE if open_at == ss else _SUB_AFTER_COMMA_RE
        if open_at >= 0 and sub_re.match(m, open_at, subj[1]):
            # "When X said A, Y ...": the subordinate clause (and its content) ends at the
            # first comma; the main clause after it is not X's. A comma straight after the
            # cue ("after the interview concluded, Y stated") leaves it no content.
            com = _clause_comma(art, cue.end(), ce)
            if com >= 0 and com <= cs:
                return cs
            if com > cs:
                ce = _trim(art.text, cs, com)[1]
    if _OBJECT_RELATIVE_BEFORE_CUE_RE.search(m, max(lo_c, cue.start() - 60), cue.start()):
        # "..., which friends described as miserable, contributed ...": the cue is the verb of
        # an object relative clause set off by commas, which ends at its comma
        com = _clause_comma(art, cue.end(), ce)
        if com >= 0 and com <= cs:
            return cs
        if com > cs:
            return _trim(art.text, cs, com)[1]
    if _RELATIVE_BEFORE_CUE_RE.search(m, max(lo_c, cue.start() - 60), cue.start()):
        # "The judges who ruled that A, said B", "A woman who has accused X of Y said Z": the
        # relative clause ends at its comma or before the main clause's cue
        later = [
            c2
            for c2 in art.cues(cs, ce)
            if _cue_ok(m, c2, ss)
            and not c2.group(0).lower().endswith("ing")
            and not _SUBORDINATE_CUE_RE.search(m, max(cs, c2.start() - 12), c2.start())
        ]
        if later:
            com = _clause_comma(art, cs, ce)
            end = min(com if com > cs else ce, later[0].start())
            ce = _trim(art.text, cs, end)[1]
    po = open_paren(m, max(ss, lo_c), cue.start())
    if po >= 0:
        pc = m.find(")", cue.end(), ce)
        if pc > cs:
            # "(like X, who called Y “a liar” over the weekend), has ...": a cue inside a
            # parenthesis reports up to its closing parenthesis
            ce = _trim(art.text, cs, pc)[1]
    return _next_speaker_end(art, ss, cs, ce)


#: Before a later cue (anchored at its start): a clause boundary, the new clause's subject
#: (a name, or a plural noun phrase) and its adverbs. Boundaries: ", and"/", but"/", when"...,
#: a semicolon, a dash (and "something": "- something his aides argue"), an appositive noun's
#: object relative (", a point X acknowledged", ", a charge that X denied", ", to which X
#: replied") or a bare "and"/"but" before a capitalised name ("... and Clinton said").
#: The clause boundaries: a comma and a conjunction or subordinator, a semicolon, a dash.
_JOINER = r",\s*(?:and|but|while|whereas|when|as|after|before)"
_DASH = r"\s[-—–]+"
_NEW_CLAUSE_BEFORE_CUE_RE = re.compile(
    r"(?P<b>(?:" + _JOINER + "|;|" + _DASH + r")\s+"
    r"(?:something\s+)?"
    r"|,\s+(?:something|(?:a|an|the)\s+[a-z]+(?:\s+that)?|(?:to|in|at|with)\s+which)\s+"
    r"|\s(?:and|but)\s+(?=[A-Z]))"
    r"(?P<np>(?:(?:his|her|their|its|the|some|many|most)\s+)?"
    r"(?:(?:(?:[A-Z][\w.’'-]*|of)\s+){0,4}[A-Z][\w’'-]*|(?:[A-Za-z][\w’'-]*\s+){0,2}[a-z]+s))"
    r"(?:\s+(?:also|later|then|again|quickly|has|have|had|[a-z]{3,}ly))*\s+$"
)
#: Words the subject pattern may take that are no subject ("..., and it was", "and this").
_NOT_SUBJECTS = frozenset({"is", "was", "has", "this", "its", "his", "hers", "theirs"})


def _next_speaker_end(art: _Article, ss: int, cs: int, ce: int) -> int:
    """End the content before a later clause with its own subject and reporting verb.

    "X said he would fix the pier, and Anna Berg vowed to rebuild it", "... asked for a photo
    and Clinton said ...", "..., a point Feinstein acknowledged": the clause after the
    boundary is another attribution, not part of what the first speaker said.
    """
    m = art.masked
    for c2 in art.cues(cs, ce):
        if c2.start() <= cs:
            continue
        w = m[max(cs, c2.start() - 160) : c2.start()]
        if not (
            "," in w or ";" in w or "-" in w or "—" in w or "–" in w or " and " in w or " but " in w
        ):
            continue  # (no boundary before the cue: nothing below can match; cheap test first)
        if (
            # (a participle is no new clause; a progressive is: "and Y kept asking her why")
            c2.group(0).lower().endswith("ing")
            and not _progressive(m, c2.start(), cs)
            or not _cue_ok(m, c2, ss)
            # (a relative clause's verb is no new clause: ", and Y, who suggested ...")
            or _RELATIVE_BEFORE_CUE_RE.search(m, max(cs, c2.start() - 60), c2.start())
        ):
            continue
        nm = _NEW_CLAUSE_BEFORE_CUE_RE.search(m, max(cs, c2.start() - 100), c2.start())
        if (
            nm is not None
            and nm.start() > cs
            and nm.group("np").lower() not in _NOT_SUBJECTS
            # (one word before "and": a coordinated subject, "said he and Hollande agreed")
            and (nm.group("b").strip() not in ("and", "but") or len(m[cs : nm.start()].split()) > 1)
        ):
            return _trim(art.text, cs, nm.start())[1]
        # a subject set off by its apposition: ", when Mr. Holm, who had lost, called for"
        # (read only when such a boundary is near: the subject finder is the costly part)
        if not _ANY_BOUNDARY_RE.search(m, max(cs, c2.start() - 160), c2.start()):
            continue
        subj = _subject(m, cs, c2.start())[0]
        if subj is not None and subj[0] > cs and _NEW_SUBJECT_RE.match(m, subj[0]):
            bm = _BOUNDARY_BEFORE_SUBJECT_RE.search(m, max(cs, subj[0] - 20), subj[0])
            if bm is not None and bm.start() > cs:
                return _trim(art.text, cs, bm.start())[1]
    return ce


#: Any of the boundaries below, anywhere in a window (a cheap necessary condition).
_ANY_BOUNDARY_RE = re.compile(_JOINER + r"\s|;|" + _DASH + r"\s")
#: A clause boundary right before a set-off subject (", and", ", when" ..., ";", a dash).
_BOUNDARY_BEFORE_SUBJECT_RE = re.compile(r"(?:" + _JOINER + "|;|" + _DASH + r")\s+$")
#: What a new clause's subject opens with: a capitalised word or a possessive determiner.
_NEW_SUBJECT_RE = re.compile(r"(?:[A-Z]|(?:his|her|their|its|the)\s)")


_DET_WORDS = _resources.word_set("determiners")


#: After a fronted participle's clause: its comma and an inverted cue ("..., said a handful of
#: Democrats"); the clause was the subject of a sentence reported by a post-posed cue.
_COMMA_INVERTED_CUE_RE = re.compile(r",\s*(?P<cue>[a-z]+)\s+(?:[A-Z]|(?:the|a|an)\s)")


def _gerund_subject(art: _Article, c: re.Match[str], se: int) -> bool:
    """The sentence-initial -ing cue ``c`` heads the sentence's subject, not a participle.

    "Saying that X, the minister resigned": a fronted participle's clause ends at a comma and
    the main clause follows. With no comma to the sentence end and no later cue ("Saying so
    was a mistake.", not "Conceding X he warned: ...") or an inverted reporting verb right
    after that comma ("Defending that terrain is within his reach, said a handful of
    Democrats"), the -ing phrase is the subject of a verb.
    """
    m = art.masked
    com = m.find(",", c.end(), se)
    if com < 0:
        return not any(True for _c in art.cues(c.end() + 1, se))
    im = _COMMA_INVERTED_CUE_RE.match(m, com, se)
    return im is not None and _FORM2LEMMA.get(im.group("cue")) in _INVERTIBLE


def _main_clause_subject(m: str, st: _Stmt) -> None:
    """A fronted participle's speaker when no cue follows: the main clause's subject.

    "Having announced that X, Judge Y proceeded to ...": the first comma after the content
    that is followed by a subject and a past-tense verb ends the content, and that subject
    speaks. Nothing changes when there is none (the speaker stays unknown).
    """
    com = m.find(",", st.cue[1], st.end)
    while com != -1:
        k = com + 1
        while k < st.end and m[k] == " ":
            k += 1
        sm = _SENT_SUBJ_RE.match(m, k, st.end)
        if sm and (m[k : k + 1].isupper() or m[k : m.find(" ", k)].lower() in _DET_WORDS):
            subj = _subject(m, sm.start(1), sm.end(1))[0]
            if subj is not None:
                st.subj = subj
                st.end = _trim(m, st.start, com)[1]
                st.extra.pop("fronted")
                return
        com = m.find(",", com + 1, st.end)


#: A comma and a coordinating conjunction (or a semicolon) opening a clause.
_COORD_CLAUSE_RE = re.compile(r"(?:,\s*(?:but|and|yet|while)|;)\s+(?=[A-Z]|(?:the|his|her)\s)")


def _new_clause_subject(m: str, sent_stmts: list[_Stmt], c: re.Match[str]):
    """The subject of a coordinated clause between the last statement's cue and ``c``.

    "Protest groups say A, and the ACLU has already sued the city, saying B": a clause after
    ", and" (", but", ";") with its own subject and past verb stands between; the participle
    ``c`` is that clause's. None when there is no such clause.
    """
    found = None
    for bm in _COORD_CLAUSE_RE.finditer(m, sent_stmts[-1].cue[1], c.start()):
        # (or a perfect after a name set off by commas: "while her main rival, Karl Vik, has
        # risen in the polls by saying ...")
        sm = _SENT_SUBJ_RE.match(m, bm.end(), c.start()) or _PERFECT_CLAUSE_RE.match(
            m, bm.end(), c.start()
        )
        if sm is not None:
            found = sm
    return _subject(m, found.start(1), found.end(1))[0] if found is not None else None


#: A clause's subject (a name set off by commas may follow it) and a perfect tense verb.
_PERFECT_CLAUSE_RE = re.compile(
    r"((?:[\w'’.&-]+\s+){0,7}?[\w'’.&-]+(?:,\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*,)?)"
    r"\s+(?:has|have|had)\s+(?:(?:already|just|since|now|[a-z]+ly)\s+)?[a-z]+\b"
)
