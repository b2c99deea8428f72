"""Widening speaker spans to the whole mention a reader needs.

What belongs here: the steps after the speakers are found that widen a description's span
over the phrases saying whose it is ("A spokesman for Platte River", "Several candidates,
including Trump,", "A woman who has accused the mayor of fraud") and a list's span over its
first items ("Friends, lobbyists and former foes say"). The speaker itself is not read
again, except for a list of unnamed groups, which speaks as the whole list.
"""

from __future__ import annotations

import re

from .. import resources as _resources
from .article import _Article
from .chunks import _last_chunks, _list_start
from .clauses import _RELATIVE_BEFORE_CUE_RE
from .forms import _FINITE_RE
from .lexicon import _PRONOUNS
from .noun_phrases import _bare_share
from .segment import _Stmt

_DESCRIPTION_LEADS = _resources.word_set("determiners") | {"most", "few", "other", "both"}
_CAP_RUN = r"[A-Z][\w.&'’-]*(?:\s+(?:(?:of|the|and|de|for)\s+)*[A-Z][\w.&'’-]*)*"
#: "A spokesman for Platte River", "The attorney general of the state of New York": a
#: prepositional phrase naming whom a description speaks for (its object a name)
_NAMED_PP_RE = re.compile(
    r"\s+(?:for|of|at|from|with|in)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:of\s+(?:the\s+)?)?"
    + _CAP_RUN
    # (then a lower-case word, a comma, or the sentence's end: "... Decision Making.")
    + r"(?=\s+[a-z]|\s*,|(?<=[.])(?:\s|$))"
)
_INITIALS_END_RE = re.compile(r"(?:^|\s)(?:[A-Z]\.)+$")
#: What sets a description's post-modifier off before its cue: ", including X,", ", led by
#: X,", ", a registered Republican who ...,", " who has ... " (the clause ends at the cue).
_POST_MODIFIER_RE = re.compile(
    r"(?:\s*,\s*(?:including|led\s+by|among\s+them|such\s+as|like|who|whose|a|an)\s"
    r"[^;:\"“”_()]{1,160}?,\s*"
    # "insiders in the next two states — Nevada and South Carolina —": an aside between dashes
    r"|\s*[—–]\s*[^;:\"“”_()—–]{1,160}?\s*[—–]\s*"
    r"|\s+--?\s+[^;:\"“”_()—–]{1,160}?\s+--?\s+"
    r"|\s+(?:who|whose)\s[^,;:\"“”_()]{1,120}?\s+)"
    # an adverb between the set-off phrase and the cue ("..., also criticized")
    r"(?P<adverb>(?:also|still|now|later|then|[a-z]{3,}ly)\s+)?"
)


#: A short prepositional phrase up to a comma ("of nearly four years,").
_PLAIN_PP_RE = re.compile(r"\s+(?:of|from|in|at|with|for|on)\s+[^,;:\"“”_()]{1,60}?(?=\s*,)")

#: After an inverted subject: a relative clause set off by a comma up to the sentence end.
_INVERTED_RELATIVE_RE = re.compile(
    r"\s*,\s*(?:who|whose)\s[^,;:\"“”_()\n]{1,160}?(?=[.!?](?:\s|$|[\"“”]))"
)
_EXAMPLES_ASIDE_RE = re.compile(r"\s*,\s*(?:including|like|such\s+as|among\s+them)\s")
_COORDINATED_END_RE = re.compile(r"\s(?:and|but|or)\s+(?:[a-z]+ly\s+)?$")
#: auxiliaries and adverbs that stand between a subject and its verb ("who has long")
_VERB_LEAD_WORDS = _resources.word_set("subject_tail_words")


def _cue_in_clause(gap: str) -> bool:
    """The cue is the verb of the relative clause itself ("A woman who has [accused]")."""
    words = gap.strip(" ,").split()
    if not words or words[0].lower() not in ("who", "whose"):
        return False
    rest = words[1:]
    return len(rest) < 2 or rest[-1].lower() in _VERB_LEAD_WORDS or rest[-1].endswith("ly")


def full_descriptions(art: _Article, stmts: list[_Stmt]) -> None:
    """Widen a description's speaker span over the phrases that say whose it is.

    (And a record's maker over the record: "according to data released Friday by state
    regulators" -> the whole phrase is the mention, the regulators still speak.)

    "A spokesman for Platte River", "Several candidates, including Trump,", "A woman who has
    accused the mayor of fraud": an unnamed source is known by its description, and its
    whole noun phrase is the mention a reader needs. Only descriptions are widened (not
    names, pronouns or persons the text model names), over a prepositional phrase whose
    object is a name, and over a post-modifier that runs on to the statement's cue (one not
    set off by commas holds no other cue: "a woman who had been a student asked X what he
    [thought]"); the speaker itself is not read again.
    """
    m = art.masked
    for st in stmts:
        rec = st.extra.get("record_np")
        if rec is not None and st.subj and st.speaker and rec[1] == st.subj[1]:
            # "according to data released Friday by state regulators": the regulators speak,
            # the record they released is part of the mention
            st.subj = rec
            st.extra["widened"] = True
            continue
        if not st.subj or st.speaker_type in ("person", "media") or not st.speaker:
            continue
        ms, me = st.subj
        words = m[ms:me].split()
        if not words or words[0].lower() in _PRONOUNS:
            continue
        if not (words[0].lower() in _DESCRIPTION_LEADS or words[0][:1].islower()):
            continue
        cue = st.cue[0] if st.cue and st.cue[0] >= me else -1
        if cue < 0 and st.cue and st.cue[1] <= ms:
            rm = _INVERTED_RELATIVE_RE.match(m, me, min(len(m), me + 200))
            if rm is not None:
                # '“...,” said the designer, who works for another brand.': an inverted
                # description's relative clause runs to the sentence end; it says who it is
                st.subj = (ms, rm.end())
                st.extra["widened"] = True
                continue
        # (within the statement's sentence: a name run never crosses into the next one)
        pp = _NAMED_PP_RE.match(m, me, cue if cue >= 0 else min(st.sent[1], me + 120))
        if pp is not None:
            me = pp.end()
            if m[me - 1] == "." and not _INITIALS_END_RE.search(m, pp.start(), me):
                me -= 1  # (the sentence's full stop: "... in The Des Moines Register.")
        if cue >= 0:
            pm = _POST_MODIFIER_RE.fullmatch(m, me, cue)
            if pm is None and (ppm := _PLAIN_PP_RE.match(m, me, cue)) is not None:
                # "The employee of nearly four years, a registered Republican who ..., said":
                # a short phrase of the description before its set-off post-modifier
                pm = _POST_MODIFIER_RE.fullmatch(m, ppm.end(), cue)
                if pm is not None:
                    me = ppm.end()
            gap = m[me:cue]
            if (
                pm is not None
                and not _cue_in_clause(gap)
                # (a list of examples holds no clause of its own: not ", including X, have
                # followed Y's lead, saying")
                and not (_EXAMPLES_ASIDE_RE.match(gap) and _FINITE_RE.search(gap))
                # "an official who oversaw X and described": the clause's verb and the cue
                # are coordinated, the clause is no part of the name
                and not _COORDINATED_END_RE.search(gap)
                # a relative clause not set off by commas must end before the cue
                and (
                    gap.lstrip().startswith(",")
                    or all(
                        _RELATIVE_BEFORE_CUE_RE.search(m, max(me, c.start() - 60), c.start())
                        for c in art.cues(me, cue)
                    )
                )
            ):
                me += len(
                    gap[: pm.start("adverb") - me if pm.group("adverb") else None].rstrip(" ,")
                )
                st.extra["widened"] = True  # (quotes.spans keeps a set-off aside it holds)
        if me != st.subj[1]:
            st.subj = (ms, me)


def list_subjects(art: _Article, stmts: list[_Stmt]) -> None:
    """Widen a speaker span that ends a list of three or more over the list's first items.

    "Friends, lobbyists and former foes say", "Dahl, Vik and Berg said": the rules read the
    last chunk ("lobbyists and former foes"); the whole list is the mention. A list of
    unnamed groups speaks as the list; a list of names keeps the person the rules named (the
    last one, as for "X and Y said"). Only a list that opens its sentence (see
    :func:`.chunks._list_start`).
    """
    m = art.masked
    for st in stmts:
        if not st.subj or not st.cue or st.cue[0] < st.subj[1]:
            continue
        ms, me = st.subj
        if " and " not in m[ms:me] and " or " not in m[ms:me]:
            continue
        ss = st.sent[0]
        chunks = _last_chunks(m[ss:me], ss)
        if not chunks or chunks[-1][0] != ms:
            continue
        ls = _list_start(m[ss:me], ss, chunks)
        if ls is None:
            continue
        st.subj = (ls, me)
        if st.speaker_type != "person":
            st.speaker = " ".join(art.text[ls:me].split())


#: A number with its unit: the restatement of a share ("26 percent", "49%").
_PERCENT_RE = re.compile(r"\d[\d.,]*\s*(?:%|percent|per\s+cent)")
#: What may stand before such a number in its sentence: a share set off by a comma, and
#: before it a fronted "Among <group>," naming whose share it is.
_RESTATED_SHARE_RE = re.compile(
    r"(?P<among>(?:(?:And|But)\s+)?Among\s[^,;:()“”\"]{1,80},\s*)?"
    r"(?P<share>[A-Za-z][^,;:()“”\"]{0,40}?),\s*"
)


def share_restatements(art: _Article, stmts: list[_Stmt]) -> None:
    """Widen a percentage that restates the share before it over that share (and its group).

    "Just over a quarter, 26 percent, say ...", "Among likely voters, about two-thirds, 67
    percent, say ...": the number is an apposition of the share, and the share of a group a
    fronted "Among ..." names; the whole phrase is the mention a reader needs. Only when the
    phrase opens its sentence and the share is one (:func:`.noun_phrases._bare_share`); the
    speaker itself is not read again.
    """
    m = art.masked
    for st in stmts:
        if not st.subj or not st.cue or st.cue[0] < st.subj[1]:
            continue
        ms, me = st.subj
        if not _PERCENT_RE.fullmatch(m, ms, me):
            continue
        ss = st.sent[0]
        while ss < ms and m[ss].isspace():
            ss += 1
        rm = _RESTATED_SHARE_RE.fullmatch(m, ss, ms)
        if rm is None or not _bare_share(rm.group("share")):
            continue
        st.subj = (ss, me)
        st.extra["widened"] = True
