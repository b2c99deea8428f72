"""Reported-speech forms that have no clause-taking reporting verb as their cue.

What belongs here: "according to X" statements (before, after or inside the statement, or
opening a quotation), passive questions ("X was asked whether ...", "When asked about ...":
the content is the question, the speaker the asker when the sentence names one), and the
small span helpers they share with :mod:`.indirect` (trimming, counting unquoted words,
ending a statement before a later statement's speaker in the same sentence).
"""

from __future__ import annotations

import re

from .. import resources as _resources
from ..text.mentions import is_past_form
from .article import _Article
from .lexicon import (
    _ACCORDING_RE,
    _CLAUSE_VERBS,
    _FORM2LEMMA,
    _LEAD_FLUFF_RE,
    _NEED_THAT,
    _RX39,
    _RX40,
    _RX41,
    _RX52,
    _RX53,
    _RX54,
)
from .phrases import _PREP_START_RE, _subject
from .segment import _Stmt

#: Heads of "according to" phrases that name no source of a statement ("according to the
#: rules", "according to plan").
_NOT_SOURCES = frozenset(_resources.word_list("according_to_not_sources"))
_DOCUMENT_NP_RE = re.compile(
    r"(?:the\s+|an?\s+)?(?:\w+\s+)?(?:report|statement|transcript|study|survey|"
    r"release|filing|document|letter|post|posting|memo)\b(?:[^,]*?\b(?:by|from|of)\s+)?"
)


_RECORD_WORDS = _resources.word_set("record_words")
#: A record made or released by someone ("audio provided by X", "a recent poll by X", "data
#: from X"): its maker is the source (never "of": "an analysis of her calendar" names what
#: was analysed).
_RECORD_BY_RE = re.compile(
    r"(?:the\s+|an?\s+)?(?:\w+\s+){0,2}?(?:"
    + "|".join(sorted(_resources.word_set("record_words"), key=lambda w: (-len(w), w)))
    + r")\b[^,]{0,60}?\b(?:provided\s+by|released\s+by|compiled\s+by|conducted\s+by|by|from)\s+"
)


#: The finite forms (past and third person) of the clause-taking reporting verbs: "..., but
#: conceded ...", "... and insists ..." open a coordinated statement of their own.
_CLAUSE_VERB_SET = frozenset(_CLAUSE_VERBS) - frozenset(_NEED_THAT)
_FINITE_CUES = sorted(
    (
        f
        for f, lemma in _FORM2LEMMA.items()
        if f != lemma and not f.endswith("ing") and lemma in _CLAUSE_VERB_SET
    ),
    key=lambda w: (-len(w), w),
)
_CUT_AND_CUE = r"(?:and|but)\s+(?:also\s+)?(?:" + "|".join(_FINITE_CUES) + r"|underlined)\b"
_CUT_SAID = r"(?:said|says|told|added)\s+(?=[a-z])"
#: Where a statement's content ends: a cut before a new clause or an attribution. Written
#: after its first character, which the opening class consumes (a pattern that opens with a
#: plain class is scanned for fast) and a look-behind tells apart: a comma, a blank or a
#: quotation mark, each with the alternatives that open with it, in their order (the matches
#: are those of the plain alternation ``,?\s+(?:and|but)...|,\s*(?:adding|...)|...``; after
#: a blank every alternative goes on with ``\s*`` and a letter, so that is read once).
_CUT_RE = re.compile(
    r"[,\"”_\s](?:(?<=,)(?:"
    r"\s+" + _CUT_AND_CUE + r"|"
    r"\s*(?:adding|saying|noting|stressing|insisting|warning|explaining|arguing)\b|"
    r"\s*(?:according\s+to|as\s+quoted\s+by|as\s+reported\s+by|citing)\b|"
    r"\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:reports|reported)\b|"
    r"\s+and\s+(?:was|were|is|are|has|have|had|will|would|did|does)\b|"
    r"\s+(?:he|she|they|it|we|I)\s+(?:said|says|added|told)\b|"
    # "X, alleging that Y wanted to admit 250,000 Syrians, said he would ...": a finite cue
    # right after a comma, with no subject of its own, is the outer clause's verb
    r"\s+(?:for\s+(?:instance|example)|in\s+fact|however|too|also),\s+" + _CUT_SAID + "|"
    r"\s+"
    + _CUT_SAID
    + r")|(?<=\s)\s*(?:"
    + _CUT_AND_CUE
    + r"|in\s+an?\s+interview\s+with\b|(?:on|under)\s+condition\s+of\s+anonymity\b)|"
    r"(?<=[\"”_])\s*(?:according\s+to|as\s+quoted\s+by|as\s+reported\s+by|citing)\b)"
)
_FINITE_RE = re.compile(
    r"\b(?:that|was|were|is|are|had|has|have|would|will|could|should|can|may|might|did)\b"
    # a negated auxiliary ("couldn’t recall", "wasn't"), straight or curly apostrophe
    r"|\b(?:could|would|should|did|does|do|is|was|are|were|has|have|had|wo|ca|must)n[’']t\b"
)


# That-less clauses after a reporting verb of reporting_verbs_thatless.txt: a short subject,
# then a finite verb or modal ("noted the plan would fail") ...
_THATLESS_OK = frozenset(_resources.word_list("reporting_verbs_thatless"))
_THATLESS_CLAUSE_RE = re.compile(
    r"\s+(?:(?:the|a|an|his|her|its|their|this|these|those|he|she|it|they|we|I|[A-Z][\w.’'-]*|"
    r"[a-z]+)(?:\s+[\w.’'-]+){0,4}?)\s+(?:would|will|should|could|can|cannot|may|might|must|was|"
    r"were|is|are|had|has|have|did|does|do|wants?|needs?|(?:wo|ca|could|would|should|do|does|"
    r"did|is|was|are|were|has|have|had)n[’']t)\b"
)
# ... or a past-tense verb after a subject that cannot be the verb's own modifier: a determiner
# and at least one word ("reported the email arrived late"; never "noted the increased
# demand"), a subject pronoun, or a capitalised name ("noted Orwell resigned").
_THATLESS_PAST_RE = re.compile(
    r"\s+(?:(?:the|a|an|his|her|its|their|this|these|those)\s+[\w.’'-]+(?:\s+[\w.’'-]+){0,3}?"
    r"|he|she|it|they|we|I|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})"
    r"\s+(?P<verb>[a-z]{2,}ed|"
    + "|".join(sorted(_resources.word_set("past_verbs"), key=lambda w: (-len(w), w)))
    + r")\b"
)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:—–-"):
        e -= 1
    return s, e


def _unquoted_words(art: _Article, s: int, e: int) -> int:
    seg = art.masked[s:e]
    return len(_RX39.findall(_RX40.sub(" ", seg)))


_ABBREVIATIONS = _resources.word_set("abbreviations")
_THAT_END_RE = re.compile(r"\bthat$")
#: After a source: a relative clause that runs to the sentence end ("..., according to the
#: SITE group, which monitors extremist statements.").
_RELATIVE_TAIL_RE = re.compile(r",\s*(?:which|who)\s[^,;:\"“”_]*[.!?]?\s*$")
_NP_MORE_RE = re.compile(r"[^,.;:\"“”_]{1,100}")
#: A clause-opening conjunction ending the text before "according to X," (a subordinator, or
#: "and"/"but"/"so" after a comma; not "that": "X said that according to Y ..." is inside X's
#: clause; not "X did A and, according to Y, B": one clause, two verbs).
_CONJUNCTION_END_RE = re.compile(
    r"(?:[\s,](?:"
    + _resources.conjunction_pattern("contrast", "cause")
    + r")|,\s*(?:and|but|so))\s*,?\s*$"
)
_LAST_WORD_RE = re.compile(r"(\w+)$")


def _abbreviation_before(m: str, lo: int, dot: int) -> bool:
    """The dot at ``dot`` ends an abbreviation ("Mr.") or an initial ("U.", "F.")."""
    w = _LAST_WORD_RE.search(m, max(lo, dot - 6), dot)
    if w is None:
        return False
    w = w.group(1)
    return (len(w) == 1 and w.isupper()) or w.casefold() in _ABBREVIATIONS


def _according_to(art: _Article, ss: int, se: int, sent_stmts: list[_Stmt]) -> None:
    """Add the "according to X" statements of the sentence [ss, se) to ``sent_stmts``.

    When the sentence already holds a statement, "according to <outlet>" only becomes its
    ``via``.
    """
    m = art.masked
    for ac in _ACCORDING_RE.finditer(m, ss, se):
        npm = _RX52.match(m[ac.end() : se])
        if not npm:
            continue
        ns, ne = ac.end(), ac.end() + npm.end()
        while ne + 1 < se and m[ne] == "." and _abbreviation_before(m, ns, ne):
            # "according to Mr. Rhodes", "the U.S. Senate", "the F.A.A.": the dot is no end
            more = _NP_MORE_RE.match(m, ne + 1, se)
            if more is None:
                break
            ne = more.end()
        np_txt = m[ns:ne]
        sub = _DOCUMENT_NP_RE.match(np_txt)
        o = art.outlet_at(ns, ne)
        src = (ns, ne)
        rec = _RECORD_BY_RE.match(np_txt)
        record_np = None
        if rec and rec.end() < len(np_txt):
            # "audio provided by Wyoming Public Radio", "a poll by X": X is the source (the
            # whole phrase, the record included, is the mention a reader needs)
            src, record_np = (ns + rec.end(), ne), (ns, ne)
        elif sub and sub.end() < len(np_txt) and _RX53.search(sub.group(0)):
            src = (ns + sub.end(), ne)
        elif sub and _RX54.search(np_txt):
            continue
        head = _RX41.sub("", np_txt).split()
        if head and head[-1].lower() in _NOT_SOURCES:
            continue
        if (
            o
            and o[1] < ne
            and any(w.strip(".,’'").lower() in _RECORD_WORDS for w in m[o[1] : ne].split()[:3])
        ):
            # "according to a Washington Post-ABC News survey", "an AP-GfK poll released
            # Thursday": the outlet's record is the source of the sentence's statements, not
            # the channel they came through
            o = None
        targets = [s2 for s2 in sent_stmts if not s2.extra.get("quoted_as")]
        if targets and o:
            for s2 in targets:
                if s2.via is None:
                    s2.via = (o[0], o[1])
            continue
        # statement = rest of sentence
        pre = m[ss : ac.start()]
        k = ne
        while k < se and m[k] == " ":
            k += 1
        after_np = m[k : k + 1]
        lead = (
            ac.start() - ss < 3
            or _LEAD_FLUFF_RE.fullmatch(pre.rstrip(" ,") + " ")
            # "..., because, according to Trump, the media would ...": the phrase opens the
            # clause after a conjunction, as it would open a sentence
            or _CONJUNCTION_END_RE.search(pre) is not None
        )
        if targets:
            # The sentence's statements are themselves X's report when "according to X" (X not
            # an outlet: a poll, a document, an official, "two people familiar with ...")
            # opens the sentence before them or trails after them: "Some 55 percent said ...,
            # according to a poll". X's statement is the rest of the sentence; the inner ones
            # are kept. An "according to" inside a statement, or between a statement and its
            # cue, is no outer source.
            if lead:
                if any(t.start < k for t in targets):
                    continue
            elif (after_np == "," and se - k > 12 and not _RELATIVE_TAIL_RE.match(m, k, se)) or any(
                t.cue[0] >= ac.start() or t.start <= ac.start() < t.end for t in targets
            ):
                continue
        if lead:
            # "(But) according to X, ...", "According to X: “...”"
            if after_np not in (",", ":", "“", '"', "_"):
                continue
            cs_, ce_ = _trim(art.text, k, se)
        elif pre.rstrip().endswith(",") and after_np == "," and se - k > 12 and not targets:
            # "The plan, according to X, was ...": the whole sentence is the statement
            cs_, ce_ = _trim(art.text, ss, se)
        else:
            cs_, ce_ = _trim(art.text, ss, ac.start())
        if ce_ - cs_ < 3 or (
            _unquoted_words(art, cs_, ce_) < 3 and m[cs_ : cs_ + 1] not in ('"', "“")
        ):
            continue
        if _THAT_END_RE.search(m, cs_, ce_):
            continue  # "X said that according to Y, ...": the phrase sits inside X's clause
        cue_end = ac.end() - len(ac.group(0)) + len(ac.group(0).rstrip())
        st = _Stmt("indirect", cs_, ce_, (ac.start(), cue_end), src, (ss, se), "according_to", 0.7)
        if record_np is not None:
            st.extra["record_np"] = record_np  # (widened to it once the speaker is read)
        sent_stmts.append(st)


#: "..., citing two officials," / "Citing a senior official, ...": the source an outlet cites,
#: up to the phrase's comma or the sentence's end.
_CITING_RE = re.compile(
    r"(?:^|[,;—–]\s*|\s)[Cc]iting\s+(?P<np>(?!(?:a|an|the)\s+(?:report|statement)s?\b)"
    r"[^,.;:\"“”_]{2,80}?)\s*(?=[,.;:—–]|$)"
)


#: Heads of noun phrases that name people: unnamed sources, groups, titles.
_PEOPLE_HEADS = (
    _resources.word_set("anonymity_heads")
    | _resources.word_set("group_plurals")
    | _resources.word_set("titles")
)
_HEAD_CUT_RE = re.compile(r"\s+(?:of|at|in|for|from|with|familiar|close|who|on)\b")


def _citing_source(art: _Article, ss: int, se: int, sent_stmts: list[_Stmt]) -> None:
    """An outlet that speaks "citing" someone reports that someone's statement (in place).

    "The Gazette, citing two officials, reported that ...": the officials speak, through the
    Gazette (its ``via``). Only a statement whose speaker span is an outlet changes.
    """
    m = art.masked
    for cm in _CITING_RE.finditer(m, ss, se):
        ns, ne = cm.span("np")
        words = _HEAD_CUT_RE.split(m[ns:ne], 1)[0].split()
        if not words or not (words[-1].lower() in _PEOPLE_HEADS or m[ns].isupper()):
            continue  # "citing internal documents": no one who speaks; the outlet stays
        for st in sent_stmts:
            if (
                st.subj is None
                or st.via is not None
                or st.extra.get("quoted_as")
                or st.start <= ns < st.end
                or art.outlet_at(*st.subj) is None
                or art.outlet_at(ns, ne) is not None
            ):
                continue
            st.via, st.subj = st.subj, (ns, ne)
            st.method += "+citing"


#: A passive or reduced "asked" ("was asked", "When asked", sentence-initial "Asked"), an
#: optional "by <asker>" and adjunct, then the question ("whether ...", "about ...", "to ...").
_ASKED_RE = re.compile(
    r"(?:(?P<lead>\b(?:[Ww]hen|[Ii]f|[Aa]fter|[Bb]efore|[Ww]hile|[Oo]nce|[Uu]nless)\s+"
    r"(?:being\s+)?|\b(?:was|were|is|are|been|being|be|get|gets|got|getting)\s+"
    r"(?:(?:[a-z]+ly|also|then|again|later|never|not|yet\s+again)\s+)?))?"
    r"(?P<cue>\b[Aa]sked)"
    r"(?:\s+by\s+(?P<by>(?:[\w.'’&-]+\s+){0,5}?[\w.'’&-]+?))?"
    r"(?:,?\s+(?:(?:on|in|at|during|after|before|this|last|earlier|later|again|yet|repeatedly|"
    r"recently|directly|specifically|once|twice|separately|privately|publicly|"
    + "|".join(_resources.weekday_names())
    + r")\b"
    r"[^,.;:\"“”_]{0,60}?))?"
    r",?\s+(?P<q>(?:about|whether|if|why|how|what|when|where|who|whom|which)\b"
    r"|to\s+(?=[a-z]{2,}\b)(?!be\b))"
)


#: A passive question's asker after it: "by", a capitalised name (after "the" at most), to
#: the end of the question.
_TRAILING_ASKER_RE = re.compile(
    r"\s+by\s+(?P<by>(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+(?:of|on|for|the|[A-Z][\w.'’&-]*))*)\s*\Z"
)

#: A comma that closes a quotation (the comma inside the quote marks).
_COMMA_CLOSE_RE = re.compile(r",[\"”]")


def _asked_questions(art: _Article, ss: int, se: int, sent_stmts: list[_Stmt]) -> None:
    """Add the passive questions of the sentence [ss, se) to ``sent_stmts``.

    "X was asked whether the plan would fail": the question is the content and the asker
    (unnamed here) its speaker, so the speaker is left unknown unless "by <asker>" names one;
    X, who was asked, never becomes the speaker.
    """
    m = art.masked
    taken = {s2.cue[0] for s2 in sent_stmts}
    for mt in _ASKED_RE.finditer(m, ss, se):
        cs = mt.start("cue")
        if cs in taken:
            continue
        if not mt.group("lead") and cs != ss and m[ss:cs].rstrip()[-1:] not in (",", ";", "—", "("):
            continue  # a bare "Asked" must open the sentence or a clause
        qs = mt.start("q")
        end = se
        for ch in ",;":
            k = m.find(ch, qs, end)
            if k >= 0:
                end = k
        # a quotation closed by its own comma ('on "CBS This Morning," Sanders said') ends the
        # question too: the main clause follows it
        qc = _COMMA_CLOSE_RE.search(art.text, qs, end)
        if qc:
            end = qc.end()
            for s2 in sent_stmts:
                if s2.subj is not None and s2.subj[0] < end < s2.subj[1]:
                    # '..., “___ ___,” 61 percent of voters said': the answer's subject
                    # starts after the question
                    rest = m[end : s2.subj[1]]
                    s2.subj = (s2.subj[1] - len(rest.lstrip()), s2.subj[1])
        cs_, ce_ = _trim(art.text, qs, end)
        if "_" not in m[cs_:ce_] and _unquoted_words(art, cs_, ce_) < 3:
            continue
        by = mt.span("by") if mt.group("by") else None
        if by is None:
            am = _TRAILING_ASKER_RE.search(m, cs_, ce_)
            if am is not None and not any(map(is_past_form, m[cs_ : am.start()].split())):
                # "he had been asked to preserve them by the House Select Committee": the
                # asker is named after the question (not "about it in an interview published
                # by the Daily News": a participle's agent)
                by = am.span("by")
                cs_, ce_ = _trim(art.text, cs_, am.start())
        st = _Stmt(
            "indirect",
            cs_,
            ce_,
            (cs, mt.end("cue")),
            by,
            (ss, se),
            "asked_question",
            0.6 if by else 0.4,
        )
        sent_stmts.append(st)


#: "…, X said, …" / "As X noted, …": after the cue, optional adjunct words and a comma.
_PAREN_AFTER_RE = re.compile(r"(?:\s+(?:by\s+)?(?:[\w.'’&-]+\s+){0,5}?[\w.'’&-]+)?\s*,\s*(?=\S)")
_AS_BEFORE_RE = re.compile(
    r"(?:^|[,;—–]\s*|\b(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)\s+)[Aa]s\s+(?P<s>(?:[\w.'’&-]+\s+){0,7}?)$"
)


#: A closing "as" clause before its cue: a comma or dash after a clause, "as", its subject
#: ("..., as Rubio has [said].", "... - as Rubio has [said] - ...").
_AS_AFTER_CLAUSE_RE = re.compile(r"(?P<sep>,|[—–]|\s--?)\s*as\s+(?P<s>(?:[\w.'’&-]+\s+){1,6}?)$")
#: After an "as" clause's cue: an optional "by" agent or short adjunct, then the end of the
#: sentence or the closing dash of the aside.
_AS_CLAUSE_END_RE = re.compile(
    r"(?P<adj>(?:\s+(?!(?:he|she|they|it|we|I|that)\b)[\w.'’&-]+){0,5}?)\s*"
    r"(?P<end>[.!?;]|[—–]|\s--?\s|\Z)"
)


def _as_clause_after(
    art: _Article, c: re.Match[str], lo: int, hi: int, sent: tuple[int, int], sent_stmts=()
) -> _Stmt | None:
    """An "as" clause that closes or interrupts the statement it attributes.

    "He assured the crowd he doesn't have small hands - as Rubio has said - and ...", "The
    plan failed, as Vik predicted.": the clause before the "as" is what the subject of the
    cue said (from the sentence start). Not "As X noted, ..." at the start of a sentence
    (:func:`_parenthetical_cue`), nor an "as" clause with its own clause after the cue ("as
    Trump said he would"), nor one whose clause before has no finite verb.
    """
    m = art.masked
    before = m[lo : c.start()]
    if "as " not in before[-60:]:
        return None  # (cheap test first)
    am = _AS_AFTER_CLAUSE_RE.search(before)
    if am is None:
        return None
    em = _AS_CLAUSE_END_RE.match(m, c.end(), hi)
    if em is None or _FINITE_RE.search(em.group("adj")):
        return None
    if am.group("sep").strip() in ("—", "–", "-", "--") and em.group("end") in ".!?;":
        return None  # an aside opened by a dash closes with one
    sep = lo + am.start("sep")
    start = lo
    for s2 in sent_stmts:
        if s2.start < sep <= s2.end + 2 and s2.cue[1] <= s2.start:
            start = max(start, s2.start)  # "assured the crowd that A - as X has said -"
    cs, ce = _trim(art.text, start, sep)
    if (
        ce - cs < 12
        or "_" in m[cs:ce]
        or start == lo
        and not (_FINITE_RE.search(m, cs, ce) or any(map(is_past_form, m[cs:ce].split())))
    ):
        return None
    subj = _subject(m, lo + am.start("s"), c.start())[0]
    if subj is None:
        return None
    return _Stmt("indirect", cs, ce, (c.start(), c.end()), subj, sent, "as_clause_cue", 0.6)


#: Relative pronouns ("that" aside): a cue after one is in a relative clause.
_RELATIVE_WORDS = _resources.word_set("relative_pronouns") - {"that"}


#: The name after an inverted parenthetical cue, up to its comma ("says Carl Anthony,", "said
#: Doyle and others,": Doyle speaks).
_INVERTED_NAME_RE = re.compile(
    r"\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*[a-z])(?:\s+and\s+others)?\s*,"
)


#: Cues that invert before their subject inside a statement ("..., says X, ..."), by lemma.
_INVERTIBLE = _resources.word_set("reporting_verbs_invertible")
_DATE_WORDS = frozenset(w.lower() for w in _resources.weekday_names() + _resources.month_names())


def _parenthetical_cue(
    art: _Article, c: re.Match[str], lo: int, hi: int, sent: tuple[int, int]
) -> _Stmt | None:
    """A cue set off by commas inside its statement, or an "as" clause before it.

    "The delay, the treasurer noted, was the storm's fault" (a subject fragment before the
    cue: the whole sentence is the statement) and "As the treasurer noted, the delay was the
    storm's fault" / "As reported by the Herald, ..." (the statement follows the clause).
    Fronted prepositional phrases and discourse adverbs are left to the general rules.
    """
    m = art.masked
    k = m.find(",", c.end(), min(hi, c.end() + 60))
    if k < 0 or (m.find(",", lo, c.start()) < 0 and m.find("s ", lo, c.start()) < 0):
        return None  # cheap necessary conditions: a comma after the cue, a comma or "as" before
    pm = _PAREN_AFTER_RE.match(m, c.end(), hi)
    if pm is None or hi - pm.end() < 12 or m[pm.end()] in '"“_':
        return None  # (a quotation after the comma is read as a direct quote)
    tail_words = m[c.end() : pm.end()].split()
    before = m[lo : c.start()]
    am = _AS_BEFORE_RE.search(before)
    if am:
        subj_txt = am.group("s")
        if subj_txt.strip():
            subj = _subject(m, lo + am.start("s"), c.start())[0]
            if len(tail_words) > 6 or (tail_words and tail_words[0] == "by"):
                return None
        elif tail_words[:1] == ["by"]:
            subj = (c.end() + m[c.end() :].index("by") + 3, pm.end() - 1)
            subj = (subj[0], subj[0] + len(m[subj[0] : subj[1]].rstrip(" ,")))
        else:
            return None
        if subj is None:
            return None
        cs, ce = _trim(art.text, pm.end(), hi)
        method = "as_clause_cue"
    elif (
        before.rstrip().endswith(",")
        and _FORM2LEMMA.get(c.group(0).lower()) in _INVERTIBLE
        and not c.group(0).lower().endswith("ing")
        and _INVERTED_NAME_RE.match(m, c.end(), pm.end())
        and not _DATE_WORDS & set(m[c.end() : pm.end()].lower().split())
    ):
        # "The paradox of Nancy, says Carl Anthony, historian at X, is that ...": an inverted
        # cue set off inside its statement; the name after it speaks, the sentence is said
        front = before.rstrip()[:-1]
        if (
            not front.strip()
            or "," in front
            or _FINITE_RE.search(front)
            or _PREP_START_RE.match(front.lstrip())
            or _LEAD_FLUFF_RE.match(front.lstrip())
            or "_" in front
        ):
            return None
        nm = _INVERTED_NAME_RE.match(m, c.end(), pm.end())
        subj = nm.span(1)
        cs, ce = _trim(art.text, lo, hi)
        method = "parenthetical_cue"
    else:
        com = before.rstrip().rfind(",")
        if com < 0 or not before.rstrip().endswith(tuple("abcdefghijklmnopqrstuvwxyz.")):
            return None
        between = before[com + 1 :]
        front = before[:com]
        if (
            not 0 < len(between.split()) <= 6
            or len(tail_words) > 4
            or not front.strip()
            or "," in front
            or _FINITE_RE.search(front)
            or _PREP_START_RE.match(front.lstrip())
            or _LEAD_FLUFF_RE.match(front.lstrip())
            or "_" in front
            # "X, who is running for mayor, said": a relative clause, not a cue set off
            or between.split()[0].casefold().split("’")[0].split("'")[0] in _RELATIVE_WORDS
        ):
            return None
        if tail_words[:1] == ["by"] and c.group(0).lower().endswith("ed"):
            # "The campaign, first reported by The Washington Post, is ...": a passive cue
            # set off inside its statement; its agent reports the sentence
            subj = (c.end() + m[c.end() :].index("by") + 3, pm.end() - 1)
            subj = (subj[0], subj[0] + len(m[subj[0] : subj[1]].rstrip(" ,")))
        else:
            subj = _subject(m, lo + com + 1, c.start())[0]
        if subj is None:
            return None
        cs, ce = _trim(art.text, lo, hi)
        method = "parenthetical_cue"
    cut = _CUT_RE.search(m, pm.end(), ce)
    if cut:
        ce = _trim(art.text, cs, cut.start())[1]
    if ce - cs < 12:
        return None
    return _Stmt("indirect", cs, ce, (c.start(), c.end()), subj, sent, method, 0.7)


#: What may stand between a clause and the next one's subject: punctuation and a conjunction.
_CLAUSE_JOIN_RE = re.compile(
    r"(?:[,;:—–]\s*(?:(?:and|but|while|whereas|though|although|yet|or|which|whom)\s+)?|"
    r"\s(?:and|but|while|whereas|though|although)\s+)\Z"
)


def _cut_before_later_speakers(art: _Article, stmts: list[_Stmt]) -> None:
    """End a statement before a later statement's speaker inside its content (in place).

    "X said A, and Y said B" / "A, whereas Y acknowledged B" / "X criticised A, which Y said
    was B": X's content is A only (Y's statement holds B). Only a cut at a clause join (a comma, semicolon or conjunction before
    Y) is made.
    """
    m = art.masked
    for a in stmts:
        cut = None
        for b in stmts:
            if b is a or b.subj is None or b.start < b.subj[1]:
                continue
            bs = b.subj[0]
            if not (a.start < bs < a.end and (b.end <= a.end + 1 or b.cue[0] >= a.end)) or (
                cut is not None and bs > cut
            ):
                continue
            jm = _CLAUSE_JOIN_RE.search(m, max(a.start, bs - 12), bs)
            if jm is None:
                continue
            pre = m[a.start : jm.start()]
            if _PREP_START_RE.match(pre) and "," not in pre and not _FINITE_RE.search(pre):
                # "reported that during the visit, X reiterated ...": the comma ends a fronted
                # phrase of the reported clause, which holds X's statement
                continue
            ce = _trim(art.text, a.start, jm.start())[1]
            if len(m[a.start : ce].split()) >= 3:
                cut = bs
                a_end = ce
        if cut is not None:
            a.end = a_end
