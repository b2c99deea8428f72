"""What stands around a reporting cue: the tests that read the words before and after it.

What belongs here: small readers of a cue's context that :func:`.indirect._indirect` asks
while it decides whether and how a cue attributes a statement: the adjuncts after a cue, the
hearer of "told", a coordinated or post-posed cue, a quotation's own cue, the noun phrases of
"according to". Each is a pure function of the masked text (or the article's reading) and
offsets; none builds a statement.
"""

from __future__ import annotations

import bisect
import re

from .. import resources as _resources
from .article import (
    _Article,
)
from .forms import (
    _FINITE_RE,
    _THATLESS_CLAUSE_RE,
    _THATLESS_PAST_RE,
)
from .lexicon import (
    _ACCORDING_RE,
    _RX39,
    _RX42,
    _RX46,
    _RX48,
    _RX52,
)
from .phrases import _subject

_PREPOSITION_WORDS = _resources.word_set("prepositions")


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
    r"((?:[\w'’.&-]+\s+){0,7}?[\w'’.&-]+)"
    # an aside set off by commas ("Business groups, including the Chamber of Commerce, have")
    r"(?:,\s+(?:including|like|such\s+as|among\s+them)\s[^,;:\"“”]{1,80},)?"
    r"\s+(?:on\s+\w+\s+|also\s+|later\s+)?"
    r"(?:has\s+|have\s+|had\s+)?(?:(?:already|just|since|now)\s+)?(?:[a-z]+ed|struck|won|lost|took|gave|made|began|ran|set|put|"
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
    cm = coordination(before)
    return None if cm is None or _after_relative(before, cm) else cm


def coordination(before: str) -> re.Match[str] | None:
    """The coordination ("..., and (also) ") that ends ``before``, relative clause or not."""
    return _RX42.search(before) if _may_end_coordinated(before) else None


def _after_relative(before: str, cm: re.Match[str]) -> bool:
    """The coordinated verb before ``cm`` is a relative clause's ("X, who backs Y, but")."""
    return _RELATIVE_OPEN_RE.search(before, max(0, cm.start() - 120), cm.start()) is not None


#: "... a former official who oversaw the port and <cue>": a relative clause with no comma
#: or quotation mark in it ends right before the coordination.
_RELATIVE_BEFORE_COORD_RE = re.compile(r"[^\W\d],?\s+who\s+[a-z][^,;:()“”\"]*$")
#: The antecedent before "who": a phrase opened by a determiner or a possessive pronoun
#: ("a former U.S. law enforcement official"), or a capitalised name ("Kari Vik").
_POSSESSIVE_DETERMINERS = "his|her|their|its|our"
_ANTECEDENT_DET = (
    r"(?<![\w'’-])(?i:"
    + "|".join(sorted(_resources.word_set("determiners")))
    + "|"
    + _POSSESSIVE_DETERMINERS
    + r")\s+"
)
_ANTECEDENT_RE = re.compile(
    r".*(?P<np>"
    + _ANTECEDENT_DET
    + r"(?:[\w.'’-]+\s+){0,5}[\w'’-]*[a-z]"
    + r"|(?<![\w.'’-])(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*[a-z])$",
    re.S,
)
#: "the head of the port authority": one "of" phrase inside
_OF_ANTECEDENT_RE = re.compile(
    r".*(?P<np>"
    + _ANTECEDENT_DET
    + r"(?:[\w.'’-]+\s+){1,3}of\s+"
    + _ANTECEDENT_DET
    + r"(?:[\w.'’-]+\s+){0,4}[\w'’-]*[a-z])$",
    re.S,
)
_NOT_NAME_WORDS = _resources.word_set("determiners") | {"and", "but", "yet", "so", "or"}
_PREP_IN_NP_RE = re.compile(r"\s(?:with|for|at|from|in|on|by)\s")
_CAP_WORD_BEFORE_RE = re.compile(r"(?<![\w.'’-])[A-Z][\w.'’-]*\s+$")


def relative_antecedent(before: str, coord: re.Match[str]) -> tuple[int, int] | None:
    """The antecedent of a relative clause coordinated with the cue, as offsets into ``before``.

    In "said a former official who oversaw the port and described the dispute as ...", the
    cue "described" shares its subject with "oversaw", the relative pronoun, whose antecedent
    ("a former official") is the speaker, not the sentence's subject. ``coord``: the
    coordination that ends ``before`` (:func:`coordination`). None when no relative clause
    ends at it or no noun phrase ends right before its "who".
    """
    if before[coord.start()] == ",":
        return None  # "They called him a man who ..., and urged": the main verbs coordinate
    rm = _RELATIVE_BEFORE_COORD_RE.search(before, 0, coord.start())
    if rm is None:
        return None
    end = rm.start() + 1
    lo = max(0, end - 90)
    am = _OF_ANTECEDENT_RE.search(before, lo, end) or _ANTECEDENT_RE.search(before, lo, end)
    if am is None:
        return None
    start = am.start("np")
    if before[start].isupper():
        # a name's first words ("Lars Berg", not "Berg")
        while (wm := _CAP_WORD_BEFORE_RE.search(before, lo, start)) is not None:
            if wm.group().strip().lower() in _NOT_NAME_WORDS:
                break
            start = wm.start()
    else:
        # "a pollster with the party": the head before its prepositional phrase
        pm = _PREP_IN_NP_RE.search(before, start, end)
        end = pm.start() if pm is not None else end
    return start, end


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
    r"\s+(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){1,3}?(?:[a-z]{2,}ed\s+"
    r"(?:to|that|the|a|an|his|her|its|their|it|him|them|better|more|less|on|in|at|for|with|by|"
    r"from|\d)\b"
    # ... or a past verb ending the sentence ("said the plan failed.", "said the deal fell
    # through."): no name is inverted
    r"|(?:[a-z]{2,}ed|"
    + "|".join(sorted(_resources.word_set("past_verbs"), key=lambda w: (-len(w), w)))
    + r")(?:\s+(?:through|apart|short|off|down|out|up))?\s*[.!?]?\s*$)"
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
    # or a name after a preposition, then an adverb: "what do you think of Carson
    # privately saying ..."
    r"|\b(?:of|about|for|without)\s+((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*[a-z])\s+(?:[a-z]+ly\s+)?$"
)


def gerund_agent(m: str, pos: int, floor: int) -> tuple[int, int] | None:
    """The span of the agent of an "-ing" cue at ``pos`` ("X's calling", "of X saying")."""
    gm = _GERUND_AGENT_RE.search(m, max(floor, pos - 60), pos)
    if gm is None:
        return None
    k = 1 if gm.group(1) is not None else 2
    return gm.start(k), gm.end(k)


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


def _passive_quoted_by(m: str, lo: int, qa: re.Match[str], np_s: int, np_e: int):
    """A passive "quoted by" in ``m[lo:]`` ("Holm was quoted by the Gazette as saying").

    ``qa`` is the :data:`~.lexicon._QUOTED_AS_RE` match, its noun phrase ``[np_s, np_e)``.
    Returns None for an active one ("The Gazette quoted Holm as saying"); else (the
    subject before the auxiliary, or None when there is none, the agent after "by"): the
    subject speaks, the agent is the channel.
    """
    if not m.startswith("by ", np_s):
        return None
    pv = _PASSIVE_QUOTED_RE.search(m, lo, qa.start())
    if pv is None:
        return None
    subj = _subject(m, lo, pv.start())[0] if m[lo : pv.start()].strip() else None
    return subj, (np_s + 3, np_e)


#: A comma and a subordinator after a cue: an adjunct clause follows ('“...,” X said, after Y
#: said ...'), not the rest of the statement ('“Only you,” she said, would use ...').
_SUBORDINATE_AFTER_RE = re.compile(
    r",\s+(?:" + _resources.conjunction_pattern("time", "contrast", "cause", "as") + r")\b"
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
