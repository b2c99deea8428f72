"""Language knowledge the quote extractor reads, and the patterns compiled from it.

What belongs here: the word lists loaded from ``iranstrikes/resources/`` (reporting verbs and
their inflections, titles, organisation words, anonymity heads, countries, nationalities,
pronouns, gendered words, abbreviations) and the precompiled regular expressions built from
them (cue words, name runs, adverb tails). No article logic: only data and patterns.
"""

from __future__ import annotations

import re

from .. import resources as _resources


def alternation(parts: list[tuple[tuple[str, ...], str]]) -> str:
    """``(?:w1|w2|...)rest|...``: each part is alternative words, then the rest of a pattern."""
    return "|".join("(?:" + "|".join(map(re.escape, words)) + ")" + rest for words, rest in parts)


def first_letter_alternation(
    parts: list[tuple[tuple[str, ...], str]], word_start: bool = False
) -> str:
    r""":func:`alternation` of ``parts`` grouped by first letter: the same matches, faster.

    ``(?:a(?:...)|b(?:...)|...)``: one branch per first letter of a word, holding, in order,
    the parts with a word of that letter (those words without it). At any position only the
    branch of its letter can match, and it tries what the plain alternation would try there,
    in the same order. A pattern whose every branch opens with a letter lets the engine skip
    to those letters (a plain alternation of groups is tried at every position).

    ``word_start``: the same for ``\b(?:...)``; the boundary is checked by a look-behind after
    the letter (no word character before it).
    """
    letters = sorted({w[0] for words, _rest in parts for w in words})
    branches = []
    for c in letters:
        alts = [
            "(?:" + "|".join(re.escape(w[1:]) for w in words if w[0] == c) + ")" + rest
            for words, rest in parts
            if any(w[0] == c for w in words)
        ]
        lead = re.escape(c) + (r"(?<!\w" + re.escape(c) + ")" if word_start else "")
        branches.append(lead + "(?:" + "|".join(alts) + ")")
    return "(?:" + "|".join(branches) + ")"


# ---------------------------------------------------------------------------------------------
# Lexicons (general language knowledge)
# ---------------------------------------------------------------------------------------------

# Reporting verbs that take a clause ("X said (that) ...").
_CLAUSE_VERBS = list(_resources.word_list("reporting_verbs"))
# Verbs whose object is the reported content ("X denied the reports", "X blamed Y for Z").
_OBJECT_VERBS = list(_resources.word_list("reporting_verbs_object"))
# Forms that only count when followed by "that" (cognition/finding verbs).
_NEED_THAT = set(_resources.word_list("reporting_verbs_need_that"))
# Third-person -s forms that are too often nouns ("reports", "claims", "notes") are not cues.
_NOUNISH_S = set(_resources.word_list("reporting_verbs_nounish"))
_IRREGULAR = {r["lemma"]: r["forms"].split("|") for r in _resources.table("irregular_verbs")}


# Precompiled inline patterns (speed: avoid re's cache lookup on hot paths).
_RX0 = re.compile(r"[A-Za-z0-9]+")
_RX1 = re.compile(r"[\s\u00a0]+")
_RX2 = re.compile(r"^(?i:the)\s+")
_RX3 = re.compile(r"\s+(?i:news\s+agency|agency)$")
_RX4 = re.compile(r"[^\n]+")
_RX5 = re.compile(r"([\w.]+)$")
_RX6 = re.compile(r"(?:[\s,]+)$")
_RX7 = re.compile(r"\w+")
_RX8 = re.compile(r"(?i)(?:and|but|or|then|however)\b")
_RX9 = re.compile(r"\s(?:who|which|that)$")
_RX10 = re.compile(r"\S+")
_RX11 = re.compile(r"\b(?:that|if|whether|because)\b")
_RX12 = re.compile(r"[A-Za-z]")
_RX13 = re.compile(r"\s*")
_RX14 = re.compile(r"[,.;:!?\"“”(]|\s(?:who|which|in|at|on|after|before|during|when)\s")
_RX15 = re.compile(r"(\w+)$")
_RX16 = re.compile(r"\s*((?:a|an|the|who)\b[^.;\"“”]*)")
_RX17 = re.compile(r"[A-Za-z][\w-]*")
_RX18 = re.compile(r"^.*?[’']s\s+(?=[A-Z])")
_RX19 = re.compile(r"\b[Tt]he\s+$")
_RX20 = re.compile(r"\b(?:TV|Television|Radio|Broadcasting|Network)\b")
_RX21 = re.compile(r"([a-z]+)\s*$")
# \b(?:mr|mrs|ms|dr|by|said|says)\.?\s*$ (grouped by first letter: faster)
_RX22 = re.compile(
    first_letter_alternation(
        [(("mr", "mrs", "ms", "dr", "by", "said", "says"), r"\.?\s*$")], word_start=True
    )
)
_RX23 = re.compile(r"\s*,\s*((?:a|an|the)\s[^,.;]{2,80})")
_RX24 = re.compile(r"[^.;\"“”]{0,60}?\b(his|her|he|she)\b")
_RX25 = re.compile(r"\s+(?:of|at|from|with|for)\s+(?=[A-Z]|the\s)")
_RX26 = re.compile(r"[’']s$")
_RX27 = re.compile(
    r"(?i)^[a-z][\w\s-]*?\bthe\s+([A-Z][\w&'’-]*(?:\s+(?:of|for|and|on|[A-Z][\w&'’-]*))*)$"
)
_RX28 = re.compile(r"^(?i:two|three|four|five|several|some|many|other|of the)\s+")
_RX29 = re.compile(r",|\s(?:who|which|whose|speaking|declined|asked)\s")
_RX30 = re.compile(r"^(.*?)(?:\s+(?:of|at|in|for|from|with|familiar|close|who|on)\b.*)?$")
_RX31 = re.compile(r"\b(?:unnamed|anonymous|senior)\b")
# (a negation ends in "not", "never" or "n't" after any auxiliary: "wouldn't", "doesn’t")
_RX32 = re.compile(r"(?:\b(?:not|never)|n[’']t)\s+\w+\s+(?:or|nor)\s+$")
_RX33 = re.compile(r"(?:\b(?:to|not|never|cannot|could\s+not|to\s+be)|n[’']t)\s+$")
_RX34 = re.compile(r"\b(?:been|be|being|was|were|is|are)\s+$")
_RX35 = re.compile(r"\b(?:the|a|an|his|her|its|their|this|that|these|those|of|any|every)\s+$")
_RX36 = re.compile(r"[,;(”\"—–]\s*$|^\s*$")
_RX37 = re.compile(r"\s*(?:[\w'’-]+\s+){0,5}?that\b")
_RX38 = re.compile(r"[^.;]{0,80}?[\"“]")
_RX39 = re.compile(r"[A-Za-z0-9][\w'’-]*")
_RX40 = re.compile(r"__*")  # (not "_+": a literal first is found fast)
_RX41 = re.compile(r"^(?:the|a|an)\s+")
# "..., and (also) said", "but now said", "and quickly added", "and has called for",
# "..., then says": a cue coordinated with the sentence's first verb
_RX42 = re.compile(
    r"(?:(?:,\s*|\s)(?:and|but)\s+(?:(?:also|even|later|then|now|still|again|instead|[a-z]{3,}ly)\s+){0,2}"
    # a time adjunct between: "and on Monday announced", "but last week said"
    r"(?:(?:on|last|this|earlier|later)\s+[\w]+(?:\s+(?:morning|afternoon|evening|night))?,?\s+)?"
    r"(?:ha(?:s|ve|d)\s+(?:(?:also|since|now|repeatedly|[a-z]{3,}ly)\s+)?)?|,\s*then\s+)$"
)
_RX43 = re.compile(r",\s*(?:adding|saying|noting|according|as\s+quoted|citing)\b")
_RX44 = re.compile(r"[\"“”_]{3,}")
# "..., said the minister" / "said several observers" / "..., say officials,": an inverted
# subject opens with a capital, a determiner (resources/determiners.txt) or the plural head of
# an unnamed group or person (anonymity_heads.txt, group_plurals.txt)
_RX45 = re.compile(
    r"\s+(?:[A-Z]|(?:"
    # a title opening the inverted subject ("said lobbyist and strategist Charlie Black")
    + "|".join(
        sorted(
            {w for w in _resources.word_list("titles") if len(w) > 3 and w.isalpha()},
            key=len,
            reverse=True,
        )
    )
    + r")\s|(?:"
    + "|".join(sorted(map(re.escape, _resources.word_list("determiners")), key=len, reverse=True))
    + r")\s|(?:"
    + "|".join(
        sorted(
            {
                w
                for w in _resources.word_list("anonymity_heads")
                + _resources.word_list("group_plurals")
                # plural heads and indefinite pronouns ("say officials", "said someone")
                if w.endswith(("s", "one", "body")) and " " not in w
            },
            key=len,
            reverse=True,
        )
    )
    + r")\b)"
)
_RX46 = re.compile(r"(?:who|which|whose|a|an|the)\b")
_RX47 = re.compile(r"\bthat\b")
_RX48 = re.compile(r"\s+(?:the\s+|a\s+)?(?:[\w'’&.-]+\s+){0,4}?[\w'’&.-]+")
_RX49 = re.compile(r"\s*(?:that\b(?![’']s\b))?")  # not "that's"
_RX50 = re.compile(r"[\s,]*(?:according\s+to|as\s+quoted|citing)\b|[\s,:]*[\"“]")
_RX51 = re.compile(r"\s*(?:for|on)\b")
#: Participles of authorship: "written by X" names an author, and the participle is no cue
#: (read by cues._cue_ok and phrases._subject).
_AUTHORSHIP_PARTICIPLES = ("written", "authored", "penned", "signed", "co-written")
_RX52 = re.compile(r"(?:the\s+|a\s+|an\s+)?(?:[A-Z]\.)*[^,.;:\"“”_]{2,100}")
_RX53 = re.compile(r"\b(?:by|from|of)\s+$")
_RX54 = re.compile(r"(?i)transcript")
_RX55 = re.compile(r"[\s,;—–-]*")
_RX56 = re.compile(r"[A-Za-z][\w'’-]*")
_RX57 = re.compile(r"\bthat\b.+")
_RX58 = re.compile(r"[a-z]+\s+(?:said|says|added)")
_RX60 = re.compile(
    r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])(?<!Brig)(?<!Capt)(?<!Prof)[.!?]\s"
)
_RX61 = re.compile(r"[,.;:\"“”_]|\b(?:and|said|who|that)\b")
_RX62 = re.compile(
    r"\s+(?:news\s+agency\s+|agency\s+)?(?:reported|reports|said|quoted|cited|adds|added)\b"
)
_RX63 = re.compile(r"\s+(?:reported|reports|quoted|cited)\b")
_RX64 = re.compile(r"\s(?:who|which)\s")
_RX65 = re.compile(r"\s(?:of|at|in|for|from|with|on)\s")
_RX66 = re.compile(r"[a-z][\w-]*")


def _inflect(verb: str) -> list[str]:
    """Return the inflected forms of a regular English verb."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if verb.endswith(("ss", "sh", "ch", "x")):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    if verb in {"admit", "regret", "rebut", "quip"}:
        return [verb, verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


_FORM2LEMMA: dict[str, str] = {}
for _v in _CLAUSE_VERBS + _OBJECT_VERBS:
    for _f in _inflect(_v):
        _FORM2LEMMA.setdefault(_f, _v)
_OBJECT_SET = set(_OBJECT_VERBS)
#: Verbs whose "to"-infinitive is the content ("vowed to fight on").
_INFINITIVE_VERBS = frozenset(_resources.word_list("reporting_verbs_infinitive"))
#: Verbs whose object + "to"-infinitive is the content ("urged Congress to act").
_OBJECT_INF_VERBS = frozenset(_resources.word_list("reporting_verbs_object_infinitive"))
#: Verbs that attribute only a quotation ("The sign read: “...”").
_QUOTE_ONLY_VERBS = frozenset(_resources.word_list("reporting_verbs_quote_only"))
#: Verbs whose "Y as Z" object is the content ("described the plan as a failure").
_AS_VERBS = frozenset(_resources.word_list("reporting_verbs_as"))
_TO_INF_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:not\s+)?to\s+(?:(?!be\b)[a-z]|[\"“]_)")
_OBJ_TO_INF_RE = re.compile(
    r"\s+(?!(?:to|not|that|for|about|if|whether)\b)(?:[\w.'’-]+\s+){1,5}?(?:not\s+)?to\s+[a-z]"
)
_OBJ_AS_RE = re.compile(r"\s+(?!as\b)(?:[\w.'’“”\"-]+\s+){1,8}?as\s+(?:an?\s+|the\s+)?[\w“\"]")


def _phrase_cue_parts() -> list[tuple[tuple[str, ...], str]]:
    r"""The multi-word cues of ``resources/reporting_phrases.txt``: (verb forms, rest) pairs.

    ("called for": the forms of "call", then ``\s+for``.)
    """
    out = []
    for phrase in _resources.word_list("reporting_phrases"):
        verb, *rest = phrase.lower().split()
        out.append((tuple(_inflect(verb)), "".join(r"\s+" + re.escape(w) for w in rest)))
    return out


_TITLE_WORDS = set(_resources.word_list("titles"))
# Words whose presence marks an organisation rather than a person.
_ORG_WORDS = set(_resources.word_list("organisation_words"))
_PREPOSITIONS = _resources.word_set("prepositions")
_LAST_WORD_RE = re.compile(r"([A-Za-z]+)\s+$")


def ing_cue(wl: str) -> bool:
    """A cue (lower case) in its -ing form: "saying", or the verb of "calling for", "pointing out"."""
    return wl.endswith("ing") or (" " in wl and wl.split(None, 1)[0].endswith("ing"))


#: Words after which a phrase cue in -ing form is a participle ("..., and calling for").
_PARTICIPLE_LEADS = _resources.word_set("participle_lead_words")


def _phrase_participle(before: str) -> bool:
    """A phrase cue in -ing form after ``before`` is a participle, not a noun's reduced relative.

    After a comma, semicolon or dash, a lead word ("and", "also", "in") or an -ly adverb:
    "..., calling for a ban", "also calling on residents", "joined X in making the case".
    """
    b = before.rstrip()
    if not b or b[-1] in ",;:—–-":
        return True
    w = b.rsplit(None, 1)[-1].lower()
    return w in _PARTICIPLE_LEADS or w.endswith("ly")


def word_before(m: str, pos: int, floor: int) -> str:
    """The lower-cased word (letters only) right before ``pos``, or "".

    Read back at most 20 characters, never before ``floor``. (``word_before(...) in
    _PREPOSITIONS``: the text before ``pos`` ends with a preposition, "in [Fox Harbour]".)
    """
    w = _LAST_WORD_RE.search(m, max(floor, pos - 20), pos)
    return w.group(1).lower() if w is not None else ""


_ANON_HEADS = set(_resources.word_list("anonymity_heads"))
#: Pronoun heads of a relative clause ("those who ...", "someone who ...").
_RELATIVE_HEADS = _resources.word_set("relative_heads")
_GROUP_PLURALS = set(_resources.word_list("group_plurals"))
_INSTITUTION_PLURALS = set(_resources.word_list("institution_plurals"))
_MALE = {r["word"] for r in _resources.table("gendered_words") if r["gender"] == "m"}
_FEMALE = {r["word"] for r in _resources.table("gendered_words") if r["gender"] == "f"}
_PRONOUNS = {r["pronoun"]: r["agreement"] for r in _resources.table("pronouns")}
_STOP = set(_resources.word_list("stopwords"))
#: Plural nouns with no -s ("people", "staff"): ``plurals_without_s.txt``.
_PLURALS_WITHOUT_S = _resources.word_set("plurals_without_s")
_COUNTRIES = set(_resources.word_list("countries") + _resources.word_list("regions"))
_NATIONALITY_RE = re.compile(
    r"^(?:[A-Z][a-z]+(?:ian|ean|ese|ish|ican)|U\.?S\.?|"
    + "|".join(re.escape(w) for w in _resources.word_list("nationalities"))
    + ")$"
)
_LISTED_NATIONALITIES = frozenset(w.casefold() for w in _resources.word_list("nationalities"))


class _NationalityTest:
    """``_NATIONALITY.match(token)``: a nationality adjective ("Iranian", "U.S.", "Chinese").

    Shaped like one by its ending, or listed in ``nationalities.txt``; a first name of that
    shape is none ("Brian Rogers", "Julian", "Dean": ``first_names.csv``) unless listed.
    """

    __slots__ = ()

    def match(self, tok: str):
        mt = _NATIONALITY_RE.match(tok)
        if mt is None:
            return None
        low = tok.casefold()
        if low in _resources.first_name_genders() and low not in _LISTED_NATIONALITIES:
            return None
        return mt


_NATIONALITY = _NationalityTest()

_WS = r"[\s\u00a0]"
_FORMS_RE = "|".join(sorted(_FORM2LEMMA, key=len, reverse=True))
_CUE_RE = re.compile(
    r"(?<![-\w])(?:(?:went|go|goes|going)\s+on\s+to\s+(?:say|add|stress|insist|note|warn|explain)|"
    r"pointed\s+out|points\s+out|pointing\s+out|"
    r"(?:make|makes|made|making)\s+(?:it\s+)?clear|"
    rf"(?:{_FORMS_RE}))\b",
    re.IGNORECASE,
)
_QUOTED_AS_RE = re.compile(
    r"\b(?P<cue>quoted|quoting|quotes|cited|citing)\s+(?P<np>[^,.;:\"“”]{2,90}?)\s+as\s+"
    r"(?:saying|telling|stating|adding|confirming|denying|insisting|claiming|warning)\b"
    r"(?:\s+that)?\s*"
)


def _may_quote_as(m: str, lo: int, hi: int) -> bool:
    r"""Cheap necessary condition for a :data:`_QUOTED_AS_RE` match inside ``m[lo:hi]``.

    Every match holds "quot" or "cit" (its cue word); ``str.find`` with bounds is far cheaper
    than letting the regex (which starts with ``\b`` and so cannot skip ahead) scan the span.
    """
    return m.find("quot", lo, hi) >= 0 or m.find("cit", lo, hi) >= 0


_WAS_QUOTED_RE = re.compile(r"\b(?:was|were|is|are|been)\s+quoted\s+(?:\w+\s+){0,6}?as\s+saying\b")
_ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+")
#: A weekday that is part of a day's name ("Good Friday", "Super Tuesday"): no time word
#: after a subject.
_HOLIDAY_WEEKDAY_GUARDS = "".join(
    r"(?<!" + re.escape(w) + r"\s)"
    for w in sorted(
        {
            h["name"].rsplit(" ", 1)[0]
            for h in _resources.table("holidays")
            if h["name"].rsplit(" ", 1)[-1] in _resources.weekday_names()
        }
        | _resources.word_set("weekday_names_of_days", lower=False)
    )
)
_ADVERB_TAIL_RE = re.compile(
    r"(?:[\s,]+(?:also|later|then|further|again|once|only|just|now|has|have|had|would|will|"
    r"was|were|is|are|did|does|do|may|might|could|can|should|previously|earlier|subsequently|"
    r"separately|yesterday|today|tonight|reportedly|meanwhile|however|not|never|ever|both|each|"
    r"be|been|being|"
    r"(?:[a-z]{3,}ly)|on\s+(?:" + "|".join(_resources.weekday_names()) + r")"
    # a bare weekday between a subject and its verb (wire style: "Iran Saturday condemned",
    # "President Bill Clinton Thursday night said"); not after a participle, whose phrase it
    # ends ("a poll released Friday found")
    r"|(?:on\s+)?(?<![a-z]ed\s)"
    + _HOLIDAY_WEEKDAY_GUARDS
    + r"(?:"
    + "|".join(_resources.weekday_names())
    + r")"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)))+\s*$"
)
_NOT_ADVERB_LY = set(_resources.word_list("not_adverbs_ly"))
_LEAD_FLUFF_RE = re.compile(
    r"^(?:(?:and|but|so|yet|however|meanwhile|also|then|now|while|as|when|because|although|"
    r"though|since|if|instead|still|indeed|moreover|furthermore|separately|later|earlier|"
    r"rather|thus|hence|likewise|similarly|nonetheless|nevertheless|otherwise|"
    r"in\s+addition|in\s+turn|no\s+wonder|small\s+wonder)\b[\s,]*)+",
    re.IGNORECASE,
)
_CAP_TOKEN = re.compile(
    r"(?:[A-Z][\w'’.-]*|(?:al|el|bin|ibn|van|von|de|da|di|du|le|la|del|der|dos)(?:-[A-Z][\w'’-]*)?)"
)
_NAME_RUN_RE = re.compile(
    r"(?<![\w.])(?:[A-Z][a-zA-Z'’.-]*)(?:[ \u00a0]+(?:(?:al|el|bin|ibn|van|von|de|da|di|du|le|la|"
    r"del|der|dos)[ \u00a0-]+)?(?:al-|el-)?[A-Z][a-zA-Z'’.-]*)*"
)
# _NAME_RUN_RE without its look-behind: starting with [A-Z], the engine skips to capitals.
_NAME_RUN_NB_RE = re.compile(_NAME_RUN_RE.pattern.removeprefix(r"(?<![\w.])"))
_WORD_OR_DOT_RE = re.compile(r"[\w.]")


# _NAME_RUN_NB_RE with at least two tokens. A one-token run can never become a person (see
# :meth:`_Article._find_people`), and skipping it changes no other run: any later start inside
# that token reaches the same token end, so it cannot match two tokens either.
_NAME_RUN2_NB_RE = re.compile(_NAME_RUN_NB_RE.pattern.removesuffix("*") + "+")
assert _NAME_RUN2_NB_RE.pattern.endswith(")+")


def _name_runs(m: str, rx: re.Pattern[str] = _NAME_RUN_NB_RE) -> list[re.Match[str]]:
    """The matches of ``_NAME_RUN_RE.finditer(m)``, with its look-behind checked by hand.

    Args:
        m: text to search.
        rx: ``_NAME_RUN_NB_RE`` (all runs) or ``_NAME_RUN2_NB_RE`` (the runs of two or more
            tokens among them).
    """
    out = []
    pos = 0
    search = rx.search
    while True:
        mt = search(m, pos)
        if mt is None:
            return out
        i = mt.start()
        if i and _WORD_OR_DOT_RE.match(m, i - 1):  # the look-behind fails here
            pos = i + 1
            continue
        out.append(mt)
        pos = mt.end()


# ("[.!?][.!?]*", not "[.!?]+": a pattern that opens with a class is scanned for fast)
_TERM_RE = re.compile(r"[.!?][.!?]*[\"”’)\]]*[\s\u00a0]+")
_ABBREV = set(_resources.word_list("abbreviations"))
_MD_LINK_RE = re.compile(r"\[([^\]\n]{0,200})\]\([^)\n]{0,300}\)")


def _lower_same_offsets(m: str) -> str | None:
    """``m.lower()`` when case-sensitive matching on it is the same as ``re.IGNORECASE`` on ``m``.

    That holds when lower-casing keeps every offset and the text has none of the two letters
    that ``re.IGNORECASE`` also folds onto ASCII ones (dotless i, long s); else None.
    """
    low = m.lower()
    if len(low) != len(m) or "ı" in low or "ſ" in low:
        return None
    return low


def _trie_regex(words: list[str]) -> str:
    """Compile a word list into a compact trie-shaped regex (fast alternation)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


class WordStartRegex:
    r"""The matches of ``(?<![\w-])(?:body)``, found faster, as spans.

    A pattern that opens with a look-behind is tried at every position of the text. Here the
    character before the match is matched instead, by a plain character set (anything but an
    ASCII word character or "-"), which the engine scans for with one table test per
    character; a match after a non-ASCII word character the set lets through ("é") is
    dropped. A match at offset 0 (no character before it) is tried on its own.

    The same matches as ``finditer`` of the look-behind pattern, provided every match of
    ``body`` is a run of word characters and "-": the next match then cannot start right at
    the end of the last one (its look-behind would fail there), so the character before it
    lies after the last match, free to be consumed; and no true match starts inside a
    dropped one (every character there is a word character or "-").
    """

    __slots__ = ("_first", "_rest")

    def __init__(self, body: str) -> None:
        self._first = re.compile("(" + body + ")")
        self._rest = re.compile(r"[^\-0-9A-Z_a-z](" + body + ")")

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of every match in ``text``, in order."""
        out = []
        pos = 0
        mt = self._first.match(text)
        if mt is not None:
            out.append(mt.span())
            pos = mt.end()
        for mt in self._rest.finditer(text, pos):
            c = mt.group()[0]
            if c > "\x7f" and (c.isalnum() or c == "_"):
                continue  # a word character before it: no word start
            out.append(mt.span(1))
        return out


_VIA_CUE_PARTS = [
    (("told",), ""),
    (("telling",), ""),
    (("tells",), ""),
    (("Speaking", "speaking"), r"\s+to"),
    (("spoke",), r"\s+to"),
    (("Talking", "talking"), r"\s+to"),
    (("said",), r"\s+to"),
    (("interview",), r"\s+with"),
    (("comments", "remarks"), r"\s+to"),
    (("interviewed",), r"\s+by"),
    (("quoted",), r"\s+by"),
    (("reported",), r"\s+by"),
    (("according",), r"\s+to"),
    (("cited",), r"\s+by"),
    (("wrote",), r"\s+in"),
    (("writing",), r"\s+in"),
    (("published",), r"\s+by"),
    (("published",), r"\s+in"),
    (("statement",), r"\s+to"),
    (("carried",), r"\s+by"),
    (("broadcast",), r"\s+(?:by|on)"),
    (("aired",), r"\s+(?:by|on)"),
]
#: A channel cue before its outlet or hearer ("told", "speaking to", "quoted by").
_VIA_CUE_RE = re.compile(r"\b(?:" + alternation(_VIA_CUE_PARTS) + r")\s+")

_OUTLET_NOUN_RE = re.compile(r"\b(?:newspaper|agency|daily|paper|broadcaster|channel|website)\b")


# _VIA_CUE_RE without its \b, grouped by first letter (see first_letter_alternation)
_VIA_CUE_NB_RE = re.compile(first_letter_alternation(_VIA_CUE_PARTS) + r"\s+")
