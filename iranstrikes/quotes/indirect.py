"""Speaker typing and reported (indirect) speech.

What belongs here: classifying a speaker mention as person / anonymous / institution / media /
unknown, and :func:`_indirect`, which finds the reported statements of one article ("X said
(that)", "according to X", object verbs). Whether a verb is a cue in its context is
:mod:`.cues`.
"""

from __future__ import annotations

import bisect
import re

from .. import resources as _resources
from .article import (
    _Article,
)
from .clauses import clause_content_end
from .cues import (
    _ASK_WH_RE,
    _QUESTION_VERBS,
    _clause_like,
    _complement_cue,
    _cue_ok,
    _needs_no_that,
    _noun_use,
    _progressive,
    with_absolute,
)
from .forms import (
    _CUT_RE,
    _FINITE_RE,
    _THATLESS_CLAUSE_RE,
    _THATLESS_PAST_RE,
    _according_to,
    _asked_questions,
    _citing_source,
    _cut_before_later_speakers,
    _parenthetical_cue,
    _trim,
)
from .lexicon import (
    _ACCORDING_RE,
    _ANON_HEADS,
    _COUNTRIES,
    _FORM2LEMMA,
    _GROUP_PLURALS,
    _INFINITIVE_VERBS,
    _INSTITUTION_PLURALS,
    _LEAD_FLUFF_RE,
    _OBJECT_SET,
    _ORG_WORDS,
    _QUOTED_AS_RE,
    _RX1,
    _RX27,
    _RX28,
    _RX29,
    _RX30,
    _RX31,
    _RX39,
    _RX41,
    _RX42,
    _RX43,
    _RX44,
    _RX45,
    _RX46,
    _RX47,
    _RX48,
    _RX49,
    _RX50,
    _RX51,
    _RX52,
    _STOP,
    _TITLE_WORDS,
    _TO_INF_RE,
    _may_quote_as,
)
from .outlets import (
    _GENERIC_OUTLET_RE,
)
from .phrases import (
    _PREP_START_RE,
    _content_words,
    _np_after,
    _postposed_apposition,
    _quantity_group,
    _strip_titles,
    _subject,
)
from .segment import (
    _Stmt,
)

# ---------------------------------------------------------------------------------------------
# Speaker typing
# ---------------------------------------------------------------------------------------------
_DESC_DET_RE = re.compile(
    r"^(?i:the|a|an|one|two|three|four|five|several|some|many|other|another|both|all|"
    r"its|his|her|their|our)\s+"
)


def _clean_desc(s: str) -> str:
    s = _RX1.sub(" ", s).strip(" ,.:;")
    pn = _RX27.search(s)
    if pn and pn.group(1)[:1].isupper() and s[:1].isupper() and not s.lower().startswith("the "):
        s = pn.group(1)
    for strip in (_DESC_DET_RE, _RX28):
        rest = strip.sub("", s)
        if rest.split(" ", 1)[0].lower() in _PREPOSITION_WORDS:
            break  # the number is the head: "Two in three voters", "Three of the councillors"
        s = rest
    s = _RX29.split(s)[0]
    return s.strip()


_PREPOSITION_WORDS = _resources.word_set("prepositions")


_BARE_OUTLET_NOUN_RE = re.compile(
    r"(?:the\s+)?(?:news\s+agency|newspaper|agency|daily|paper|broadcaster|channel)"
)
_ANON_MARKER_RE = re.compile(
    r"\b(?:unnamed|anonymous|senior|familiar|unidentified|source|sources|insiders?|aides?|"
    r"a\s+\w*\s*(?:official|spokes\w+|diplomat|person)|people|someone)\b"
)


def _classify(art: _Article, mention: str, ms: int, me: int) -> tuple[str, str, str]:
    """Return (canonical speaker, speaker_type, gender) for a mention (no pronoun handling)."""
    raw = " ".join(mention.split()).strip(" ,.")  # (_RX1.sub(" ", mention): same after strip)
    low = raw.lower()
    words = _content_words(raw)
    o = art.outlet_at(ms, me)
    if o and (
        (o[1] - o[0]) >= 0.6 * (me - ms - (4 if low.startswith("the ") else 0)) or o[1] >= me - 1
    ):
        return o[2], "media", ""
    gm = _GENERIC_OUTLET_RE.fullmatch(low) or _BARE_OUTLET_NOUN_RE.fullmatch(low)
    if gm:
        name = art.resolve_generic_outlet(low, ms)
        return (name or _clean_desc(raw)), "media", ""
    # The rest depends only on the cleaned mention and the article's people, which are fixed
    # once the article is built: computed once per distinct mention in the article.
    found = art.classify_cache.get(raw)
    if found is None:
        found = art.classify_cache[raw] = _classify_name(art, raw, low, words)
    return found


def _classify_name(
    art: _Article, raw: str, low: str, words: frozenset[str]
) -> tuple[str, str, str]:
    """The part of :func:`_classify` after the outlet tests (a function of the mention only)."""
    if " " in low and low.strip(".") in _COUNTRIES:
        return _clean_desc(raw), "institution", ""  # "South Africa said": no two-word name
    person = art.canonical_person(raw)
    first = low.split()[0] if low.split() else ""
    toks = raw.split()
    if person and not (first in {"a", "an", "the"} and not toks[-1][:1].isupper()):
        ent = art.persons[person]
        if ent.kind == "person" or len(person.split()) >= 2:
            return person, "person", ent.gender
    last = low.split()[-1].strip(".") if low.split() else ""
    if low.strip(".") in _COUNTRIES or (len(toks) <= 2 and last in _COUNTRIES and first == "the"):
        return _clean_desc(raw), "institution", ""
    anon_marker = _ANON_MARKER_RE.search(low)
    head = ""
    hm = _RX30.match(low)
    if hm:
        hw = hm.group(1).split()
        head = hw[-1].strip(".,'’") if hw else ""
    cap_words = [t for t in toks if t[:1].isupper() and t.lower() not in {"the", "a", "an"}]
    if head in _GROUP_PLURALS:  # "U.S. officials said": an unnamed group is an anonymous source
        return _clean_desc(raw), "anonymous", ""
    if head in _INSTITUTION_PLURALS and not _RX31.search(low):
        return _clean_desc(raw), "institution", ""
    indefinite = first in {"a", "an", "one", "two", "three", "several", "some"}
    if anon_marker or (head in _ANON_HEADS and indefinite):
        return _clean_desc(raw), "anonymous", ""
    if words & _ORG_WORDS or head in _ORG_WORDS:
        return _clean_desc(raw), "institution", ""
    if head in _ANON_HEADS or (
        head in _TITLE_WORDS
        and head not in _STOP
        # "Iran's foreign minister": a possessive before a title is no name
        and all(t.endswith(("'s", "’s")) for t in cap_words)
    ):
        return _clean_desc(raw), "anonymous", ""
    if cap_words and len(cap_words) == len(toks) and 1 <= len(toks) <= 4:
        if len(toks) >= 2:
            return _strip_titles(raw) or raw, "person", ""
        if last in _COUNTRIES:
            return raw, "institution", ""
        return raw, "unknown", ""
    if _quantity_group(raw):  # "About half of the dock workers said": an unnamed group
        return _clean_desc(raw), "anonymous", ""
    return _clean_desc(raw), "unknown", ""


# ---------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------
def _words_after_quote(art: _Article, p: int, hi: int) -> int:
    """Unquoted words of the clause right after a quotation that opens at ``p``.

    "said “X” every time he ...": with five or more, the clause is reported speech holding a
    partial quote.
    """
    m = art.masked
    q = m.find("_", p, min(hi, p + 5))
    if q < 0:
        return 0
    e = q
    while e < hi and (m[e] == "_" or m[e].isspace()):
        e += 1
    if e < hi and m[e] in "\"”’'":
        if art.text[e - 1] in ",;:":
            return 0  # '“..., ” the agency reported': the quotation closes a clause
        e += 1  # the closing mark
    while e < hi and m[e].isspace():
        e += 1
    if e < hi and not m[e].isalnum():
        return 0  # '“...,” adding': the quotation ends the clause
    end = hi
    for ch in ".;,":
        k = m.find(ch, e, hi)
        if 0 <= k < end:
            end = k
    return len(_RX39.findall(m[e:end]))


def _sentence_of(art: _Article, pos: int) -> tuple[int, int, int]:
    lo, hi = 0, len(art.sents) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if art.sents[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return art.sents[lo]


# cues that can come before their speaker ("..., said X"); not "tell", whose hearer follows
# it ("..., his aide, X, told The Post")
_INVERTIBLE = _resources.word_set("reporting_verbs_invertible")
_ADJ_TAIL_RE = re.compile(
    r"\s*(?:(?:on|in|at|during|after|before|to|from|with|over|late|early|earlier|later|last|"
    r"this|yesterday|today|tonight|via|by|through|under|when|while|as|outside|inside|following|"
    r"ahead|without|recently|previously|again|also|separately|privately|publicly|"
    + "|".join(_resources.weekday_names())
    + r")\b[^\"“”_,]*?)?\s*"
    r"(?:,\s*(?:according\s+to|as\s+quoted\s+by|as\s+reported\s+by|citing|adding|saying|noting|"
    r"stressing|in\s+an?\s+|as\s+|who|which|speaking|referring|when|after|before|while|"
    r"although|though|but|and|[a-z]{3,}ing)\b.*|\s*[—–]\s.*|\s+-\s.*)?[.!?]?\s*",
    re.S,
)
_WEEKDAYS = sorted(
    (r["name"] for r in _resources.table("weekdays") if len(r["name"]) > 3), key=len, reverse=True
)
#: A time word right after the cue, then a clause: "said Wednesday he agrees", "said on
#: Friday the plan is dead". Group ``c`` is where the clause starts.
_TIME_THEN_CLAUSE_RE = re.compile(
    r"\s*(?:on\s+)?(?i:"
    + "|".join(_WEEKDAYS)
    + r"|yesterday|today|tonight|earlier|later|last\s+(?:week|month|year|night)|"
    r"this\s+(?:week|month|year|morning|afternoon|evening))\s+(?:that\s+)?"
    r"(?P<c>(?:he|she|they|we|I|it|there|[A-Z][\w'’.-]*)\s+[a-z])"
)
_VERBISH_RE = re.compile(
    r"\b(?:that|was|were|is|are|had|has|have|would|will|could|should|did|does|can|may|might|"
    r"must)\b"
)


_ADJUNCT_CUT_RE = re.compile(
    r",\s*(?:according\s+to|as\s+quoted|as\s+reported|citing|adding|saying|noting|stressing|"
    r"who|which|speaking|referring|when|while|although|though|[a-z]{3,}ing)\b"
)


_DASH_CUT_RE = re.compile(r"\s*[—–]\s|\s+-\s")


def _adjunct_only(t: str) -> bool:
    """True when a cue's tail holds only adjuncts ("on Friday", "in a statement", ", adding")."""
    core = _ADJUNCT_CUT_RE.split(t, 1)[0] if "," in t else t
    if "-" in core or "—" in core or "–" in core:  # (every _DASH_CUT_RE match holds a dash)
        core = _DASH_CUT_RE.split(core, 1)[0]
    if len(core.split()) > 8 or _VERBISH_RE.search(core) or _TIME_THEN_CLAUSE_RE.match(core):
        return False
    return bool(_ADJ_TAIL_RE.fullmatch(t))


_SENT_SUBJ_RE = re.compile(
    r"((?:[\w'’.&-]+\s+){0,7}?[\w'’.&-]+)\s+(?:on\s+\w+\s+|also\s+|later\s+)?"
    r"(?:has\s+|have\s+|had\s+)?(?:[a-z]+ed|struck|won|lost|took|gave|made|began|ran|set|put|"
    r"cut|held|fell|rose|sent|brought|left|led|met|threw|upheld|overturned|sought)\b"
)


#: A perfect participle that opens a sentence before its cue ("Having announced", "Having
#: earlier said", "After having told").
_PERFECT_LEAD_RE = re.compile(
    r"(?:(?:After|Not|Never)\s+)?[Hh]aving(?:\s+[a-z]+ly|\s+(?:just|already|earlier|first|also|previously))?"
)
#: A fronted prepositional phrase up to its comma ("In a letter released Monday, X did Y"):
#: the sentence's subject comes after it.
_FRONTED_PP_RE = re.compile(
    r"(?i:"
    + "|".join(sorted(_PREPOSITION_WORDS, key=len, reverse=True))
    + r")\s[^,;:\"“”]{1,120},\s+"
)


_TOLD_OBJECT_RE = re.compile(
    r"\s+((?:the\s+|a\s+)?(?:[\w'’&.-]+\s+){0,5}?[\w'’&.-]+?)"
    r"(?=\s+(?:that|in|on|at|during|after|,|:)|\s*[,.:]|\s+(?=[\"“_])"
    # "told reporters he would run": a subject pronoun opens the clause after the hearer
    r"|\s+(?:he|she|they|we|I)\s)"
)


#: A short hearer ("reporters", "the committee", "CNN", "The Associated Press") before a
#: that-less clause.
_HEARER_RE = re.compile(
    r"\s+(?:(?:the|The)\s+)?(?:[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}(?![\w.'’&-])"
    r"|[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?(?=\s+(?:the|a|an|his|her|its|their|[A-Z])\b))"
)


def _hearer_then_clause(m: str, p: int, hi: int) -> re.Match[str] | None:
    """The hearer after "told" at ``p`` when a that-less clause follows it, else None."""
    hm = _HEARER_RE.match(m, p, hi)
    if hm is None or _VERBISH_RE.search(hm.group(0)):
        return None
    rest = m[hm.end() : hi]
    if _THATLESS_CLAUSE_RE.match(rest) or _THATLESS_PAST_RE.match(rest):
        return _HEARER_RE.match(m[p:hi])
    return None


_CONJUNCTION_OPEN_RE = re.compile(r"(?:but|and)\s+(?:(?:also|then|later|[a-z]{3,}ly)\s+)?")
_RELATIVE_OPEN_RE = re.compile(r",\s+(?:who|which)\s[^,;:]*,?\s*$")


def _coordinated(before: str) -> re.Match[str] | None:
    """A cue coordinated with an earlier verb ("..., and (also) <cue>") ends ``before``.

    Not when the earlier verb is a relative clause's ("X, who backs Y, but has dismissed
    ..."): that verb's subject is the relative pronoun, and the rules read its antecedent.
    """
    if not _may_end_coordinated(before):
        return None
    cm = _RX42.search(before)
    if cm is None or _RELATIVE_OPEN_RE.search(before, max(0, cm.start() - 120), cm.start()):
        return None
    return cm


def _may_end_coordinated(before: str) -> bool:
    """Cheap necessary condition for ``_RX42.search(before)`` ("..., and (also) <cue>")."""
    t = before.rstrip()
    if len(t) == len(before):
        return False
    tail = t[-50:]
    return "and" in tail or "but" in tail or "then" in tail


#: After an inverting cue: a noun phrase, then a past-tense verb ("said the family deserved"):
#: a reported clause, not "said the former minister".
_PAST_AFTER_NP_RE = re.compile(
    r"\s+(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){1,3}?[a-z]{2,}ed\s+"
    r"(?:to|that|the|a|an|his|her|its|their|it|him|them|better|more|less|on|in|at|for|with|by|"
    r"from|\d)\b"
)
#: A lower-cased chunk that is a short clause ending in its past-tense verb ("the plan
#: failed", "the harbour plan failed badly"), not an appositive ("the embattled minister").
_CLAUSE_CHUNK_RE = re.compile(
    r"(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){1,3}?[a-z]{2,}ed"
    r"(?:\s+(?:[a-z]+ly|to|on|in|at|for|by|with|from|after|before)\b.*)?$"
)
_CAP_OBJECT_RE = re.compile(r"\s+(?:[Tt]he\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4}")
_HEARER_VERBS = frozenset({"tell", "inform", "brief", "assure"})


def _adjuncts_after_hearer(tail: str, lemma: str) -> bool:
    """A post-posed cue's tail holds only adjuncts, past the hearer of "told The X Post"."""
    if lemma in _HEARER_VERBS:
        om = _CAP_OBJECT_RE.match(tail) or _RX48.match(tail)
        tail = tail[om.end() :] if om else tail
    return _adjunct_only(tail)


_APPOS_SUBJECT_RE = re.compile(
    r"\s*(?P<name>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)(?:\s*\([^()]{1,24}\))?\s*,"
    r"\s*(?:who|whose|a|an|the|\d|[a-z])[^;]*,\s*$"
)
#: A name in the possessive right before a gerund cue: its agent ("Jeb Bush's calling ...").
_GERUND_AGENT_RE = re.compile(
    r"(?<![\w’'])((?:Mr\.|Mrs\.|Ms\.|Dr\.)?\s?[A-Z][\w.’'-]*?(?:\s+[A-Z][\w.’'-]*?){0,3})[’']s\s+$"
)
#: Characters either side of a cue that its subject and content are looked for in.
_CUE_WINDOW = 800
#: After an inverted cue's subject: its appositive (if any) and the comma that ends it, then
#: a verb that goes on with the statement ("..., say experts like X, a Y, is the ground").
_REST_AFTER_SET_OFF_RE = re.compile(r"(?:,[^,;:]{1,80})?,\s+(?=[a-z])")


def _quote_then_speaker(art: _Article, cs: int, ce: int) -> bool:
    """The span opens with a closed quotation followed by a speaker ("“...,” X, the mayor").

    Such a front part is a direct quote and its speaker, not reported speech of a cue after it.
    """
    qs = art.quotes
    i = bisect.bisect_left(qs, cs - 1, key=lambda q: q.open_pos)
    if i >= len(qs) or qs[i].open_pos > cs + 1 or not qs[i].closed or qs[i].close_pos >= ce - 2:
        return False
    rest = art.masked[qs[i].close_pos + 1 : ce].lstrip(" ,'’”\"")
    first = rest.split(None, 1)[0] if rest.strip() else ""
    return first[:1].isupper() or first.casefold() in {"the", "a", "an"}


#: The passive before "quoted by X as saying" ("was quoted", "has been quoted").
_PASSIVE_QUOTED_RE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:[a-z]+ly\s+)?$")
#: A comma and a subordinator after a cue: an adjunct clause follows ('“...,” X said, after Y
#: said ...'), not the rest of the statement ('“Only you,” she said, would use ...').
_SUBORDINATE_AFTER_RE = re.compile(
    r",\s+(?:after|before|when|while|as|because|since|until|once|though|although)\b"
)


#: A name of two to four capitalised words (an apposition set off before a cue).
_ENDS_IN_NAME_RE = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}")


def _plausible_subject_before(before: str, name: str) -> bool:
    """The chunk before ``name`` (up to its comma) is a short noun phrase ("His deputy")."""
    head = before.rstrip()[:-1].rstrip()
    head = head[: len(head) - len(name)].rstrip().rstrip(",")
    head = head[head.rfind(",") + 1 :].strip()
    return (
        0 < len(head.split()) <= 5
        and _RX46.match(head.lower()) is not None
        or (head[:1].isupper() and len(head.split()) <= 4 and not _FINITE_RE.search(head))
    )


def _cue_of_quotation(art: _Article, ss: int, subj: tuple[int, int], cue: int) -> bool:
    """The cue and its subject follow a closed quotation of their sentence ("“...,” X said").

    The quotation opens the sentence, and only the subject (a few words, no comma inside)
    stands between its end and the cue.
    """
    qs = art.quotes
    i = bisect.bisect_right(qs, cue, key=lambda q: q.open_pos) - 1
    if i < 0 or qs[i].open_pos < ss or not qs[i].closed or qs[i].close_pos >= cue:
        return False
    if subj[0] > qs[i].close_pos + 3:
        return False  # the subject is not the words right after the quotation
    m = art.masked
    if m[ss : qs[i].open_pos].strip(" \n—–-(["):
        return False  # a quoted phrase inside the sentence ('On “Sunday Morning Futures,” X said')
    gap = m[qs[i].close_pos + 1 : cue].strip(" ,")
    return (
        bool(gap)
        and "," not in gap
        and len(gap.split()) <= 6
        and subj[1] <= cue
        and not m[subj[1] : cue].strip()
    )


def _according_sources(m: str, ss: int, se: int) -> list[tuple[int, int]]:
    """Spans of the noun phrases after "according to" in the sentence [ss, se)."""
    out = []
    for ac in _ACCORDING_RE.finditer(m, ss, se):
        npm = _RX52.match(m, ac.end(), se)
        if npm is not None:
            out.append((ac.end(), npm.end()))
    return out


def _indirect(art: _Article) -> list[_Stmt]:
    """Reported-speech statements found from reporting-verb cues in each sentence."""
    m = art.masked
    out: list[_Stmt] = []
    for ss, se, pi in art.sents:
        if pi in art.headline_paras:
            continue
        sent_stmts: list[_Stmt] = []
        cues = [c for c in art.cues(ss, se) if _cue_ok(m, c, ss)]
        if cues and m.find("ccording", ss, se) >= 0:
            # "according to a recent report from X", "according to exit polls reported by
            # CNN": a cue word inside the source of "according to" is part of that source
            inside = _according_sources(m, ss, se)
            cues = [c for c in cues if not any(a <= c.start() < b for a, b in inside)]
        if len(cues) > 1:  # a noun among verb cues is no cue ("In a tweet, X said ...")
            verbs = [c for c in cues if not _noun_use(m, c, ss)]
            cues = verbs or cues
        strict = {c.start() for c in cues if _needs_no_that(m, c)}
        # cues that need no complement rule (infinitive, object, "as") to count
        strict_clause = {
            c.start()
            for c in cues
            if c.start() in strict
            and not _complement_cue(m, _FORM2LEMMA.get(c.group(0).lower(), "say"), c.end())
        }
        # "X quoted Y as saying ..."
        quoted_as = list(_QUOTED_AS_RE.finditer(m, ss, se)) if _may_quote_as(m, ss, se) else []
        has_according = m.find("ccording", ss, se) >= 0
        has_asked = m.find("sked", ss, se) >= 0
        if not cues and not quoted_as and not has_according and not has_asked:
            continue  # nothing below can produce a statement
        taken = set()
        for qa in quoted_as:
            np_s, np_e = qa.start("np"), qa.end("np")
            npm = _RX41.sub("", m[np_s:np_e])
            np_s = np_e - len(npm) if npm else np_s
            cs, ce = _trim(art.text, qa.end(), se)
            cut = _CUT_RE.search(m, cs, ce)
            if cut:
                ce = _trim(art.text, cs, cut.start())[1]
            via_span = None
            pre = m[ss : qa.start()]
            pv = _PASSIVE_QUOTED_RE.search(pre) if m.startswith("by ", np_s) else None
            if pv is not None:
                # "Holm was quoted by the Harbour Gazette as saying ...": the subject
                # speaks, the agent after "by" is the channel
                vs = _subject(m, ss, ss + pv.start())[0] if pre[: pv.start()].strip() else None
                if vs is None:
                    continue
                via_span, (np_s, np_e) = (np_s + 3, np_e), vs
            else:
                vs = _subject(m, ss, qa.start())[0] if pre.strip() else None
                if vs:
                    via_span = vs
            st = _Stmt(
                "indirect",
                cs,
                ce,
                (qa.start("cue"), qa.end("cue")),
                (np_s, np_e),
                (ss, se),
                "quoted_as_saying",
                0.8,
                via=via_span,
            )
            st.extra["quoted_as"] = True
            sent_stmts.append(st)
            for c in cues:
                if qa.start() <= c.start() < qa.end():
                    taken.add(c.start())
        prev_subj: tuple[int, int] | None = None
        sent_subjs: list[tuple[int, int, int]] = []  # (cue start, subject span)
        for c in cues:
            if c.start() in taken:
                continue
            # Work on a bounded window around the cue, so that a run-on sentence costs time
            # linear in its length (a real sentence is far shorter than the window).
            lo_c = ss if c.start() - ss <= _CUE_WINDOW else c.start() - _CUE_WINDOW
            hi_c = se if se - c.end() <= _CUE_WINDOW else c.end() + _CUE_WINDOW
            lemma = _FORM2LEMMA.get(c.group(0).lower(), "say")
            wl = c.group(0).lower()
            before_txt = m[lo_c : c.start()]
            subj, appos = _subject(m, lo_c, c.start()) if before_txt.strip() else (None, "")
            participle = wl.endswith("ing") and not _progressive(m, c.start(), lo_c)
            if wl.endswith("ing"):
                gm = _GERUND_AGENT_RE.search(m, max(lo_c, c.start() - 60), c.start())
                if gm is not None:
                    # "respond to Jeb Bush's calling him a jerk": the possessive is the agent
                    participle, subj, appos = False, (gm.start(1), gm.end(1)), ""
            wabs = with_absolute(m, c.start(), lo_c) if participle else None
            if wabs is not None:
                # "..., with Senator X telling reporters ...": X is the participle's subject
                participle, subj, appos = False, wabs, ""
            # "Having announced that X, the judge ...": a perfect participle opening the
            # sentence is fronted like "Reiterating that X, ..." (its subject comes after)
            perfect = c.start() - ss < 20 and _PERFECT_LEAD_RE.fullmatch(before_txt.strip())
            participle = participle or bool(perfect)
            if subj and not participle:
                sent_subjs.append((c.start(), subj[0], subj[1]))
            coord = _coordinated(before_txt)
            if participle or coord or (subj and m[subj[0] : subj[1]].lower() in {"and", "but"}):
                subj = None
            if not participle and not coord and not sent_stmts:
                # "The delay, she noted, was ...", "As X noted, ...", "As reported by X, ..."
                pst = _parenthetical_cue(art, c, lo_c, hi_c, (ss, se))
                if pst is not None:
                    sent_stmts.append(pst)
                    prev_subj = pst.subj
                    continue
            # post-posed attribution: "..., X said." / "..., said X."
            tail = m[c.end() : hi_c]
            post = False
            inverted = False
            comma_before = before_txt.rstrip().endswith(",")
            seg_before = before_txt.rfind(",")
            tail_core = _RX43.split(tail, 1)[0] if "," in tail else tail
            if (
                not participle
                and not coord
                and seg_before >= 0
                and not _RX44.search(tail_core.split(",", 1)[0])
            ):
                between = m[lo_c + seg_before + 1 : c.start()]
                prev_orig = before_txt[: before_txt.rstrip().rfind(",")]
                prev_orig = prev_orig[prev_orig.rfind(",") + 1 :].strip()
                prev_chunk = prev_orig.lower()
                if (
                    comma_before
                    and lemma in _INVERTIBLE
                    and _RX45.match(tail)
                    and not (
                        _RX46.match(prev_chunk)
                        and len(prev_chunk.split()) <= 6
                        and not _FINITE_RE.search(prev_chunk)
                        and not _CLAUSE_CHUNK_RE.match(prev_chunk)
                    )
                    # "His deputy, Anna Berg, said the opposite": a name set off by commas
                    # right before the cue is its subject's apposition, nothing is inverted
                    and not (
                        "," in before_txt.rstrip()[:-1]
                        and _ENDS_IN_NAME_RE.fullmatch(prev_orig)
                        and _plausible_subject_before(before_txt, prev_orig)
                    )
                ):
                    first = tail.split(",", 1)[0]
                    # "said the Khan family deserved better" is a clause, no inverted name
                    inverted = not _FINITE_RE.search(first) and not _PAST_AFTER_NP_RE.match(first)
                    post = inverted
                elif (
                    0 < len(between.split()) <= 9
                    and not _RX47.search(between)
                    and not (lemma in _INFINITIVE_VERBS and _TO_INF_RE.match(tail))
                ):
                    # (not "In a turn that recalled X, Y pledged to oppose Z": the infinitive
                    # is the content, no adjunct)
                    post = _adjuncts_after_hearer(tail, lemma)
            pap = None
            if not post and comma_before and not participle and not coord and not sent_stmts:
                # "..., Tad Berg, a spokesman, said." / "..., his aide, Tad Berg, told Y."
                pap = _postposed_apposition(m, lo_c, c.start(), _FINITE_RE)
                if pap is not None:
                    post = _adjuncts_after_hearer(tail, lemma)
                    pap = pap if post else None
            am_ = _APPOS_SUBJECT_RE.match(m, lo_c, c.start()) if comma_before else None
            if am_ and (
                _PREP_START_RE.match(am_.group("name")) or _LEAD_FLUFF_RE.match(am_.group("name"))
            ):
                am_ = None  # "In Paris, the minister, said": a fronted adjunct, not a name
            if am_ and not participle and not coord:
                # "X, who ..., said the plan failed": the cue is X's main verb, X its subject
                post = inverted = False
                subj = (am_.start("name"), am_.end("name"))
            if post:
                if pap is not None:
                    subj, appos = pap[0], pap[1]
                    cs_, ce_ = lo_c, pap[2]
                elif inverted:
                    subj, appos = _np_after(m, c.end(), hi_c)
                    cs_, ce_ = lo_c, lo_c + seg_before
                    rest = _REST_AFTER_SET_OFF_RE.match(m, subj[1], hi_c) if subj else None
                    if (
                        rest is not None
                        and not _FINITE_RE.search(m[cs_:ce_])
                        and hi_c - rest.end() > 3
                    ):
                        # "Part of the trouble, say experts like X, a Y, is the ground": the
                        # cue is set off inside its statement, which is the whole sentence
                        ce_ = hi_c
                else:
                    subj, appos = _subject(m, lo_c + seg_before + 1, c.start())
                    cs_, ce_ = lo_c, lo_c + seg_before
                    front = m[cs_:ce_]
                    com_after = m.find(",", c.end(), min(hi_c, c.end() + 3))
                    if (
                        com_after >= 0
                        and _PREP_START_RE.match(front.lstrip())
                        and not _FINITE_RE.search(front)
                        and hi_c - com_after > 12
                    ):
                        # "In the early 1990s, X said, when ...": the fronted phrase is an
                        # adjunct; the reported clause follows the parenthetical cue
                        cs_, ce_ = com_after + 1, hi_c
                        cut = _CUT_RE.search(m, cs_, ce_)
                        if cut and cut.start() > cs_:
                            ce_ = cut.start()
                # the content must not itself hold an attributed statement
                cs_, ce_ = _trim(art.text, cs_, ce_)
                ac = _ACCORDING_RE.match(m, cs_)
                if ac:
                    com = m.find(",", ac.end(), ce_)
                    if com > 0:
                        cs_ = _trim(art.text, com, ce_)[0]
                if _quote_then_speaker(art, cs_, ce_):
                    continue  # "“...,” X, the mayor, told Y": the direct quote's own cue
                if (
                    sent_stmts
                    or sum(1 for x in sent_subjs if x[0] in strict or x[0] == c.start()) > 1
                    or any(
                        _cue_ok(m, c2, ss, need_that=True)
                        for c2 in art.cues(cs_, ce_)
                        if c2.start() > cs_ and c2.start() != c.start()
                    )
                ):
                    # an earlier statement in the sentence: this is a via / second attribution
                    if subj:
                        for st in sent_stmts:
                            o = art.outlet_at(*subj)
                            if o and st.via is None:
                                st.via = subj
                    continue
                if subj is None:
                    continue
                st = _Stmt(
                    "indirect",
                    cs_,
                    ce_,
                    (c.start(), c.end()),
                    subj,
                    (ss, se),
                    "postposed_cue",
                    0.75,
                    apposition=appos,
                )
                sent_stmts.append(st)
                prev_subj = subj
                continue
            if c.start() not in strict:
                if subj:
                    prev_subj = subj
                continue
            # content after the cue
            p = c.end()
            if lemma in _QUESTION_VERBS:
                wm = _ASK_WH_RE.match(m, p, hi_c)
                if wm:
                    # the question: "whether ...", "if ...", "how ...", "about ..."
                    p = wm.start("wh") if wm.group("wh") else wm.start("about")
            elif lemma == "tell" or (
                lemma in {"inform", "brief", "assure", "warn"} and not wl.startswith("warn")
            ):
                om = _TOLD_OBJECT_RE.match(m[p:hi_c])
                if om is None or _VERBISH_RE.search(om.group(1)):
                    # "told reporters the budget was balanced": the hearer, then a that-less
                    # clause (not a hearer that runs on to the sentence's end)
                    om = _hearer_then_clause(m, p, hi_c)
                if om:
                    p += om.end()
            if lemma in _INFINITIVE_VERBS and _TO_INF_RE.match(m, p, hi_c):
                # "pledged to oppose X “today, tomorrow, forever”": the infinitive is the
                # content, not an adjunct before a that-clause or a quotation
                am = am_q = None
            else:
                am = _ADJ_THAT_RE.match(m, p, hi_c)
                am_q = None if am else _ADJ_QUOTE_RE.match(m, p, hi_c)
            if am:
                p = am.end()
            elif am_q:
                p = am_q.end()
            elif lemma in _OBJECT_SET:
                pass
            else:
                am2 = _RX49.match(m[p:hi_c])
                p += am2.end() if am2 else 0
            tm = _TIME_THEN_CLAUSE_RE.match(m, p, hi_c)
            if tm:
                p = tm.start("c")  # "said Wednesday he agrees": the clause after the time word
            r50 = _RX50.match(m[p:hi_c])
            if (
                r50
                and not (
                    r50.group(0).rstrip()[-1:] in '"“' and _words_after_quote(art, p, hi_c) >= 3
                )
                # ("said Tuesday that according to its count, X won": "that" opened the clause)
                and not (am and r50.group(0).rstrip()[-1:] not in '"“')
            ):
                continue  # the quotation is the statement (read as a direct quote)
            if _adjunct_only(m[p:hi_c]) and not _complement_cue(m, lemma, c.end()):
                continue
            if (
                not am
                and subj
                and (m[c.end() : c.end() + 1] != "," or _SUBORDINATE_AFTER_RE.match(m, c.end()))
                # (a that-less clause goes on with a statement: '“...,” X told reporters he
                # would appeal')
                and not (
                    _THATLESS_CLAUSE_RE.match(m, p - 1, hi_c)
                    or _THATLESS_PAST_RE.match(m, p - 1, hi_c)
                )
                and _cue_of_quotation(art, ss, subj, c.start())
            ):
                # "“I love Oreos,” Trump said in August after Nabisco announced ...": the
                # quotation is the statement; what follows its cue is an adjunct (a comma after
                # the cue may go on with the statement: '“Only you,” she said, would ...')
                prev_subj = subj
                continue
            cs_, ce_ = _trim(art.text, p, hi_c)
            cj = _CONJUNCTION_OPEN_RE.match(m, cs_, ce_)
            if cj and any(c2.start() == cj.end() for c2 in art.cues(cj.end(), cj.end() + 30)):
                # "discussed the Holm report but said ...": a conjunction and a cue open the
                # next statement of the sentence, not the content of a cue before it
                if subj:
                    prev_subj = subj
                continue
            cut = _CUT_RE.search(m, cs_, ce_)
            if cut and cut.start() > cs_:
                ce_ = _trim(art.text, cs_, cut.start())[1]
            ce_ = clause_content_end(art, ss, lo_c, c, subj, cs_, ce_)
            if lemma == "call" and not _RX51.match(m[c.end() : c.end() + 5]):
                pass
            if (
                ce_ - cs_ < 3
                or (
                    # "he is saying goodbye": a progressive cue needs a reported clause
                    wl.endswith("ing")
                    and not participle
                    and not (am or _clause_like(m, cs_, ce_) or _complement_cue(m, lemma, c.end()))
                )
                or (
                    c.start() not in strict_clause
                    and not coord
                    and any(s2.start <= c.start() < s2.end for s2 in sent_stmts)
                )
            ):
                # (an object/infinitive cue inside another statement's content is part of it:
                # "X said Y chose Z because it had promised to ...")
                if subj:
                    prev_subj = subj
                continue
            stmt = _Stmt(
                "indirect",
                cs_,
                ce_,
                (c.start(), c.end()),
                subj,
                (ss, se),
                "participle_cue" if participle else ("coordinated_cue" if coord else "subject_cue"),
                0.7 if subj else 0.55,
                apposition=appos,
            )
            if subj is None:
                if prev_subj is not None or sent_stmts:
                    stmt.subj_from = -1  # reuse previous statement's speaker in this sentence
                elif participle and (c.start() - lo_c < 3 or perfect):
                    stmt.extra["fronted"] = True
                elif participle:
                    fm = _FRONTED_PP_RE.match(m, lo_c, c.start())
                    sm = _SENT_SUBJ_RE.match(m, fm.end() if fm else lo_c, c.start())
                    stmt.subj = _subject(m, sm.start(1), sm.end(1))[0] if sm else None
                    if (
                        fm is not None
                        and stmt.subj is not None
                        and not (am or _clause_like(m, cs_, ce_))
                    ):
                        # "In June, X extended its attacks, declaring a caliphate": read past
                        # a fronted phrase, the subject speaks only a reported clause
                        continue
                    if stmt.subj is not None:
                        stmt.method = "participle_sentence_subject"
                        stmt.conf = 0.5
                    elif (
                        am
                        or _clause_like(m, cs_, ce_)
                        or (lemma in _INFINITIVE_VERBS and _TO_INF_RE.match(m, c.end(), hi_c))
                    ):
                        # "X did Y, saying Z", "X told reporters, vowing to appeal": the
                        # sentence subject (read by the text model in quotes.speakers) speaks;
                        # unknown when there is none
                        stmt.conf = 0.45
                    else:
                        continue  # "declaring a caliphate": an object, not a reported clause
                elif (
                    coord
                    and c.start() - lo_c > 3
                    and (
                        am
                        or _clause_like(m, cs_, ce_)
                        or _complement_cue(m, lemma, c.end())
                        or len(m[cs_:ce_].split()) >= 3
                    )
                ):
                    # "X did Y and says Z": the speaker is the sentence's subject, which the
                    # text model reads (quotes.speakers); unknown when it finds none
                    stmt.conf = 0.45
                else:
                    continue
            sent_stmts.append(stmt)
            if subj:
                prev_subj = subj
        # fronted participle ("Reiterating that X, the official said, ...")
        for _i, st in enumerate(sent_stmts):
            if st.extra.get("fronted"):
                nxt = [x for x in sent_subjs if x[0] > st.cue[1]]
                if nxt:
                    st.subj = (nxt[0][1], nxt[0][2])
                    com = m.rfind(",", st.start, nxt[0][1])
                    if com > st.start:
                        st.end = _trim(art.text, st.start, com)[1]
                    st.extra.pop("fronted")
                else:
                    _main_clause_subject(m, st)
        # according to X; passive questions ("was asked whether ...")
        if has_according:
            _according_to(art, ss, se, sent_stmts)
        if has_asked:
            _asked_questions(art, ss, se, sent_stmts)
        if sent_stmts and m.find("iting ", ss, se) >= 0:
            _citing_source(art, ss, se, sent_stmts)
        if len(sent_stmts) > 1:
            _cut_before_later_speakers(art, sent_stmts)
        out.extend(sent_stmts)
    return out


_DET_WORDS = _resources.word_set("determiners")


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


#: Adjuncts between a cue and its "that" or quotation: time words and adverbs ("Tuesday
#: morning", "later", "again", "repeatedly"), then a prepositional or time phrase ("on
#: Tuesday", "in a statement", "last week").
_ADJ = (
    r"(?:\s+(?:later|earlier|afterwards?|again|also|yesterday|today|tonight|[a-z]{2,}ly|(?:"
    + "|".join(_resources.weekday_names())
    + r")(?:\s+(?:morning|afternoon|evening|night))?)\b)*"
    r"(?:\s+(?:on|in|at|during|after|before|to|with|from|over|late|early|last|this)\b"
    r"[^,.;\"“”_]{0,60}?)?"
)
_ADJ_THAT_RE = re.compile(_ADJ + r"\s*,?\s*that\b(?![’']s\b)")
_ADJ_QUOTE_RE = re.compile(_ADJ + r"\s*[,:]?\s*(?=[\"“])")
_CONTEXT_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:[a-z]+ly\s+)?([a-z]+ed|[a-z]+s)\b")
