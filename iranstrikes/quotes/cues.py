"""Is this verb a reporting cue here? The context tests of one cue candidate.

What belongs here: the checks that accept or reject a reporting-verb candidate from the words
around it (a noun use, an infinitive, a negation, a passive, an adjective such as "so
called"), whether a participle is a progressive, whether a cue needs a that-clause and has
one, and whether what follows reads as a reported clause. Finding the statements is
:mod:`.indirect`; the word lists are in :mod:`.lexicon` and ``iranstrikes/resources``.
"""

from __future__ import annotations

import re

from .. import resources as _resources
from ..text.mentions import is_past_form
from .forms import _FINITE_RE, _THATLESS_CLAUSE_RE, _THATLESS_OK, _THATLESS_PAST_RE
from .lexicon import (
    _AS_VERBS,
    _AUTHORSHIP_PARTICIPLES,
    _FORM2LEMMA,
    _INFINITIVE_VERBS,
    _IRREGULAR,
    _NEED_THAT,
    _NOT_ADVERB_LY,
    _NOUNISH_S,
    _OBJ_AS_RE,
    _OBJ_TO_INF_RE,
    _OBJECT_INF_VERBS,
    _OBJECT_SET,
    _PLURALS_WITHOUT_S,
    _PREPOSITIONS,
    _QUOTE_ONLY_VERBS,
    _RX32,
    _RX33,
    _RX34,
    _RX35,
    _RX36,
    _RX37,
    _RX38,
    _TO_INF_RE,
    first_letter_alternation,
    word_before,
)

_GO_ON_TO_RE = re.compile(
    r"(?:went|go|goes|going|continued)\s+on\s+to\s+$|\b(?:went|continued)\s+to\s+$|"
    r"\b(?:tried|tries|trying|sought|seeks|moved|wanted|wants|was\s+keen|were\s+keen)\s+to\s+$|"
    # "took to Twitter to call it ...": the medium, then the statement (on lower-cased text)
    r"\b(?:took|take|takes|taking)\s+to\s+(?:the\s+)?[a-z]+(?:\s+media)?\s+to\s+$"
)


#: A passive auxiliary and an adverb in -ly before a participle ("was repeatedly criticized",
#: "were widely reported"): _RX34 with the adverb between.
_PASSIVE_ADVERB_RE = re.compile(r"\b(?:been|be|being|was|were|is|are)\s+[a-z]+ly\s+$")


#: Subordinators before which a bare participle is a reduced passive clause ("when asked
#: what ...", "if pressed", "after being told"): the clause's subject was asked, it did not
#: speak. Not "as" ("as noted by X" is left to the according-to rules), nor "since" and
#: "once", adverbs in a perfect ("has since said", "had once concluded").
_PASSIVE_SUBORDINATORS = _resources.word_set("subordinators") - {"as", "since", "once"}


#: Verbs that also mean "withhold" and, with two objects, report an act.
_WITHHOLD_VERBS = frozenset(_resources.word_list("reporting_verbs_withhold"))
#: Two objects: a pronoun (not "her", also a possessive: "denied her claims") and a noun
#: phrase ("him bail", "them access"), or a determiner and a noun, then "a"/"an"/"any" ("the
#: rebels an opportunity"; not "the report a day later", "the notion that a ...").
_DOUBLE_OBJECT_RE = re.compile(
    r"\s+(?:(?:him|them|us|me)\s+(?!(?:and|or|but|nor|that|to|in|on|at|as|for|with|of|by|from|"
    r"because|when|after|before|all|both|again|outright|repeatedly|flatly|[a-z]+ly)\b)[a-z]"
    r"|(?:the|his|its|their|our|my|your)\s+[a-z][\w-]*\s+(?:an?|any)\s+"
    r"(?!(?:day|week|month|year|time|few|second|moment|lot|number)\b)[a-z])"
)
_THAT_AFTER_RE = re.compile(r"\s+that\b")
#: "by" and a gerund (after an optional adverb) right after a cue: how the subject acted.
_BY_GERUND_RE = re.compile(r"\s+by\s+(?:(?:[a-z]+ly|first|again|simply)\s+)?([a-z]{2,}ing)\b")


#: "no" and at most one word (not "no longer") right before a base form: a noun.
_NO_BEFORE_RE = re.compile(r"\bno\s+(?:(?!longer\b)[a-z]+\s+)?$")
#: A negative subject right before the cue, with its auxiliaries and adverbs ("No one has",
#: "nobody would", "None of the three", "police said no rebel group has yet"); not "no matter
#: what they", "No doubt he", "they no longer".
#: (the words of a negative subject's noun phrase are no conjunction or preposition: not
#: "with no clear explanation and [acknowledged]")
_NO_FUNCTION_WORD = r"(?!(?:and|or|but|nor|then|who|which|that|to|of|with|for|in|on|at|by|from)\b)"
_NEGATIVE_SUBJECT_RE = re.compile(
    r"\b(?:[Nn]o\s+one|[Nn]obody|(?:[Nn]one|[Nn]either)(?:\s+of\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+)?"
    r"|[Nn]o\s+(?!(?:matter|doubt|longer|wonder|he|she|it|they|we|you|i)\b)(?:"
    + _NO_FUNCTION_WORD
    + r"[a-z][\w’'-]*\s+){0,2}"
    + _NO_FUNCTION_WORD
    + r"[a-z][\w’'-]*)\s+"
    r"(?:(?:has|have|had|was|were|is|are|will|would|could|can|did|does|do|yet|ever|so\s+far|"
    r"immediately|publicly|officially)\s+){0,3}$"
)


def _negative_subject(m: str, pos: int, floor: int) -> bool:
    """The cue at ``pos`` has a negative subject ("No one has [claimed]", "nobody [said]")."""
    return _NEGATIVE_SUBJECT_RE.search(m, max(floor, pos - 80), pos) is not None


#: Belief verbs whose negation still reports a view ("doesn't think the plan will work").
_NEG_RAISING = frozenset(_resources.word_list("reporting_verbs_neg_raising"))
#: A negation right before the cue ("not", "never", "cannot", "wouldn't", "doesn’t").
_NEGATION_END_RE = re.compile(r"(?:\b(?:not|never|cannot)|n[’']t)\s+$")


# The last words of _RX32 ("or", "nor"), _RX33, _RX34 and _RX35 (as plain suffixes).
_CUE_BLOCKER_ENDINGS = (
    "or",
    "to",
    "not",
    "never",
    "n't",
    "n’t",
    "cannot",
    "be",
    "been",
    "being",
    "was",
    "were",
    "is",
    "are",
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "this",
    "that",
    "these",
    "those",
    "of",
    "any",
    "every",
)


# "Pew notes that ...": a third-person -s form followed by "that" and a clause is a verb
_SUBJECT_BEFORE_RE = re.compile(r"(?:\b[A-Z][\w.’'-]*|\b(?:he|she|it|they|we))\s+$")
#: The word before a noun-like phrase cue ("calls for") that makes it a noun: a verb in -ed
#: or -ing, a determiner, possessive or preposition.
_NOUN_BEFORE_PHRASE_RE = re.compile(
    r"(?:\b[a-z]+(?:ed|ing)|\b(?:the|a|an|his|her|its|their|our|my|your|this|that|these|"
    r"those|of|for|to|with|by|from|on|in|amid|despite|against|after|before|new|renewed)"
    r"|\b(?:a|an|the|his|her|its|their)\s+[a-z]+-[a-z]+|[’']s)\s+$"
)
_CONTRACTED_CLAUSE_RE = re.compile(r"\s+(?:he|she|it|they|we|I|there)[’'](?:s|re|ll|d|ve|m)\s")
_NOUNISH_TO_RE = re.compile(r"\s+(?:not\s+|never\s+)?to\s+[\"“]?[a-z]{2,}(?<!ing)\s")
#: "Trump's promises to build": a possessive makes the word before the cue a determiner.
_POSSESSIVE_BEFORE_RE = re.compile(r"[’']s?\s+$")
_NOUNISH_INTRODUCES_QUOTE_RE = re.compile(
    r"(?:\s+(?:back|again))?(?:\s+(?:to|with)\s+[\w.’' -]{1,40}?)?\s*[,:]\s*[“\"]"
)
_NOUNISH_AS_VERB_RE = re.compile(r"\s+that\s+(?:the|a|an|he|she|it|they|we|[A-Z])")
#: A determiner or possessive, then up to two words: what makes a base form such as "tweet"
#: or "report" a noun ("In a subsequent tweet", "the National Academies report").
_DET_CHAIN_RE = re.compile(
    r"(?P<lead>\b[\w’'-]+)\s+(?:a|an|the|another|his|her|its|their|our|my|your|this|each|every)"
    r"\s+(?:[\w’'-]+\s+){0,2}$"
)
#: A determiner, then at most one adjective (by its suffix), right before a word: that word
#: is a noun ("a declarative answer", "the final report"). Not a plural noun between them
#: ("the groups say": a verb after its subject).
_DET_BEFORE_RE = re.compile(  # \b(?:[Aa]n?|[Tt]he|...)\s+..., grouped by first letter
    first_letter_alternation(
        [(("An", "an", "A", "a"), "")]  # ([Aa]n?)
        + [
            ((w.capitalize(), w), "")
            for w in ("the", "another", "his", "her", "its", "their", "our", "my", "your", "each")
            + ("every",)
        ],
        word_start=True,
    )
    + r"\s+(?:[a-z][\w’'-]*(?:ive|al|ful|ous|ic|able|ible|ary|ory|less|est)\s+)?$"
)
#: A determiner or a possessive, then one word that is no plural ("the most telling", "a
#: Facebook", "Murphy’s conference"), right before a base-form cue.
_DET_WORD_BEFORE_RE = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|[Aa]nother|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our|"
    r"[Ee]ach|[Ee]very|[Tt]his|[Tt]hat)|[A-Z][\w.’'-]*[’']s)\s+(?:(?:most|more|least)\s+)?"
    r"(?:(?P<first>[\w’'-]+)\s+)?(?P<word>[\w’'-]+)\s+$"
)
#: Before an -ing word, what makes it a noun: a determiner or a pronoun form ("the
#: meeting", "her thinking", "their polling").
_GERUND_NOUN_DETS = _resources.word_set("determiners") | {
    r["form"] for r in _resources.table("pronoun_forms")
}
#: Words that are no modifier of a noun: function words, pronouns, auxiliaries and modals,
#: conjunctions ("her voice and [say]", "her campaign would [continue]").
_DET_WORDS_ALL = (
    _resources.word_set("determiners")
    | _resources.word_set("prepositions")
    | _resources.word_set("stopwords")
    | {r["form"] for r in _resources.table("pronoun_forms")}
    | {"would", "will", "could", "should", "can", "may", "might", "must", "shall", "do"}
    | {"does", "did", "are", "but", "nor", "yet", "so", "not", "never", "then", "now"}
)
_NATIONALITY_WORDS = {w.lower() for w in _resources.word_list("nationalities")}
#: A relative clause open before the phrase (no comma, colon or dash since "who").
_OPEN_RELATIVE_RE = re.compile(r"\b(?:who|which|that)\s[^,;:—–]*$")
_WORD_AFTER_RE = re.compile(r"\s+([a-z]+)\b")
_ADJECTIVE_RE = re.compile(r"[a-z]+(?:al|ive|ous|ful|ic|ent|ant|ier|est)$")


def _compound_noun_cue(m: str, start: int, end: int, sent_start: int) -> bool:
    """A base-form cue that ends a noun phrase opened by a determiner or a possessive.

    "The most telling promise", "sharing a Facebook post", "Murphy’s conference call": the
    word between is no plural (it does not end in -s, and is no plural noun without one,
    such as "people", "staff", "majority"), so the cue cannot be its verb; it is a noun.
    """
    dm = _DET_WORD_BEFORE_RE.search(m, max(sent_start, start - 50), start)
    if dm is None:
        return False
    w = dm.group("word")
    wl = w.lower()
    if word_before(m, dm.start(), sent_start) in _PREPOSITIONS or _OPEN_RELATIVE_RE.search(
        m, max(sent_start, dm.start() - 120), dm.start()
    ):
        # "people familiar with her thinking say", "officials at the Pentagon say",
        # "supporters who came to protest the vote say": the phrase is the object inside a
        # longer subject; a noun only when a verb follows
        # ("after Murphy’s conference call ended")
        nm = _WORD_AFTER_RE.match(m, end)
        if nm is None or not is_past_form(nm.group(1)):
            return False
    possessive = "’" in dm.group() or "'" in dm.group()
    if possessive and (
        dm.group().split()[-2] in ("most", "more", "least") or _ADJECTIVE_RE.match(wl)
    ):
        return False  # "Podliska’s most explosive claim": the possessor's claim (quotes.indirect)
    words = [x for x in (dm.group("first"), w) if x]
    return all(_no_plural(x) for x in words) and (
        len(words) == 2 or wl.endswith("ing") or w[0].isupper() or possessive or w.islower()
    )


def _no_plural(w: str) -> bool:
    """A word that cannot head a plural subject ("home", "turning"; not "voters", "people")."""
    wl = w.lower()
    return (
        not wl.endswith(("s", "’", "'"))
        and wl not in _PLURALS_WITHOUT_S
        # "The Chinese say", "the British say": nationalities whose plurals take no -s
        and not (w[0].isupper() and (wl in _NATIONALITY_WORDS or wl.endswith(("ese", "ish", "ch"))))
        and not wl.isdigit()
        and wl not in _DET_WORDS_ALL
        and not wl.endswith("ly")
        and not (is_past_form(wl) and not wl.endswith("ed"))  # ("his staff said", "a man who")
    )


#: Irregular verbs whose base form is also their past ("the editorial read"): a verb after a
#: determiner's noun, never read as a noun by its determiner.
_BASE_IS_PAST = frozenset(
    lemma
    for lemma, forms in _IRREGULAR.items()
    if all(f == lemma or f.endswith(("s", "ing")) for f in forms)
)
#: Prepositions but "to" (which also marks an infinitive): no base-form verb follows one.
_ADJUNCT_PREPOSITIONS = _resources.word_set("prepositions") - {"to"}


def _after_adjunct_word(m: str, pos: int, floor: int) -> bool:
    """The word before ``pos`` is a preposition other than "to".

    No base-form verb follows one ("filed by state attorney X", "for comment"), so a
    base-form cue there is a noun or a modifier. (An "-ing" word is no such sign: "a passing
    promise that ..." is an attribution in its own right.)
    """
    return word_before(m, pos, floor) in _ADJUNCT_PREPOSITIONS


def _noun_use(m: str, mt: re.Match[str], sent_start: int) -> bool:
    """The cue is the base form of a word that is also a noun, used as one.

    After a preposition or participle and a determiner ("in a subsequent tweet", "during
    their phone call", "discussing a controversial tweet"), with no complement of its own
    ("their aides report that ...", "his vow to build"). Its sentence's verb cue, if any, is
    the attribution.
    """
    wl = mt.group(0).lower().split()[0]  # (of a phrase cue, its noun: "call on")
    if wl + "s" not in _NOUNISH_S:
        return False
    before = m[max(sent_start, mt.start() - 50) : mt.start()].lower()
    dm = _DET_CHAIN_RE.search(before)
    if dm is None or _NOUN_COMPLEMENT_RE.match(m, mt.end()):
        return False
    lead = dm.group("lead")  # the noun phrase is an adjunct: "In a tweet", "discussing a post"
    return lead in _ADJUNCT_PREPOSITIONS or (lead.endswith("ing") and len(lead) > 4)


# what makes a noun cue an attribution of its own: "his vow to build", "the claim that ...",
# "counter to ...", "her promise: ..."
_NOUN_COMPLEMENT_RE = re.compile(r"\s*:|\s+(?:to|that|of|about|on|against)\b")
_NOUN_COMPLEMENT_NOT_OF_RE = re.compile(r"\s*:|\s+(?:to|that|about|on|against)\b")


_BY_AFTER_RE = re.compile(r"\s+by\s+(?![a-z]+ing\b)")
_AUTHORED = frozenset(_AUTHORSHIP_PARTICIPLES)


#: A fronted prepositional phrase, up to a name, at the sentence start or after a comma
#: ("Alongside BLM [calls for]"; not "an email relating to Benghazi [finds]").
_PREP_NAME_BEFORE_RE = re.compile(
    r"(?:^|[,;]\s*|\n\s*)(?i:"
    + "|".join(sorted(_resources.word_set("prepositions") - _resources.word_set("subordinators")))
    + r")\s+(?:the\s+)?(?:[A-Z][\w.&’'-]*\s+){1,3}$"
)
#: (lemma, words after it) that make a reporting verb no statement ("pleaded guilty")
_NOT_SPEECH_OBJECTS = frozenset(
    (r["lemma"], " ".join(r["words"].split())) for r in _resources.table("cue_objects_not_speech")
)
_NOT_SPEECH_OBJECT_RE = re.compile(
    r"\s+("
    + "|".join(
        sorted({re.escape(w).replace(r"\ ", r"\s+") for _l, w in _NOT_SPEECH_OBJECTS}, key=len)[
            ::-1
        ]
    )
    + r")\b",
    re.I,
)


def _cue_ok(m: str, mt: re.Match[str], sent_start: int, need_that: bool = False) -> bool:
    """Reject cue candidates that are nouns, infinitives, negated, passive or adjectival."""
    w = mt.group(0)
    wl = w.lower()
    if w[:1].isupper() and mt.start() != sent_start:
        return False
    lemma = _FORM2LEMMA.get(wl)
    base = lemma == wl  # the base form ("call", "claim"): may be a noun
    nsm = _NOT_SPEECH_OBJECT_RE.match(m, mt.end())
    if nsm is not None and (lemma, " ".join(nsm.group(1).lower().split())) in (_NOT_SPEECH_OBJECTS):
        return False  # "pleaded guilty", "answered the phone"
    if lemma in _WITHHOLD_VERBS and _DOUBLE_OBJECT_RE.match(m, mt.end()):
        return False  # "denied the rebels an opportunity", "denied him bail": withheld
    bm = _BY_GERUND_RE.match(m, mt.end())
    if (
        bm is not None
        and bm.group(1).lower() not in _FORM2LEMMA
        and not _THAT_AFTER_RE.match(m, bm.end())
    ):
        return False  # "responded by offering a loan": an act (not "by saying", "by implying that")
    before = m[max(sent_start, mt.start() - 30) : mt.start()].lower()
    if base and _NO_BEFORE_RE.search(before):
        return False  # "had no comment", "no immediate comment": a noun after "no"
    if _negative_subject(m, mt.start(), sent_start):
        return False  # "No one has claimed responsibility": no one made a statement
    if base and before.endswith(" one "):
        return False  # "who claimed at one point that": a noun after "one"
    if base and before.endswith("ing ") and wl + "s" in _NOUNISH_S:
        bw = before.split()
        if len(bw[-1]) > 5 and not (len(bw) > 1 and bw[-2] in _GERUND_NOUN_DETS):
            # "including eliminating state money", "the last fundraising report": a
            # noun-like base form after a gerund is its object or head (not "those at the
            # meeting call it", "people familiar with her thinking say")
            return False
    if " " in wl and _NOUN_BEFORE_PHRASE_RE.search(before):
        first = wl.split()[0]
        if first in _NOUNISH_S or first + "s" in _NOUNISH_S:
            return False  # "dismissed calls for a recount", "her call for calm": a noun
    if (wl in _NOUNISH_S or wl.split()[0] in _NOUNISH_S) and _PREP_NAME_BEFORE_RE.search(
        m[max(sent_start, mt.start() - 40) : mt.start()]
    ):
        # "Alongside BLM calls for action", "amid Trump claims of fraud": a noun after a
        # preposition and a name (not a subordinator: "After Trump calls for ...")
        return False
    if wl in _NOUNISH_S and not (
        (
            _NOUNISH_AS_VERB_RE.match(m, mt.end())
            # "The Heritage Foundation notes the minimum wage is ...": a that-less clause
            or _THATLESS_CLAUSE_RE.match(m, mt.end(), mt.end() + 80)
            # "Trump claims he's worth ...": a subject pronoun with a contracted auxiliary
            or _CONTRACTED_CLAUSE_RE.match(m, mt.end())
            # "Clinton responds to Mills with, “...”", "Trump tweets: “...”": a quotation
            or _NOUNISH_INTRODUCES_QUOTE_RE.match(m, mt.end())
            # "Mr. Trump vows (not) to impose ...": an infinitive after an infinitive verb
            or (lemma in _INFINITIVE_VERBS and _NOUNISH_TO_RE.match(m, mt.end()))
        )
        and _SUBJECT_BEFORE_RE.search(m, sent_start, mt.start())
        and not _POSSESSIVE_BEFORE_RE.search(m, sent_start, mt.start())
    ):
        return False
    if (
        base
        and _after_adjunct_word(m, mt.start(), sent_start)
        and not _NOUN_COMPLEMENT_NOT_OF_RE.match(m, mt.end())
    ):
        return False  # "filed by state attorney X", "in praise of segregation": no verb
        # (a noun with a complement is a nominal attribution: "a passing promise that ...";
        # not one with "of", whose object is a noun phrase: "in praise of X")
    if (
        base
        and wl not in _BASE_IS_PAST
        and _DET_BEFORE_RE.search(m, max(sent_start, mt.start() - 40), mt.start())
        and not _NOUN_COMPLEMENT_RE.match(m, mt.end())
    ):
        return False  # "avoided a declarative answer.": a noun (no verb follows a determiner)
    if (
        base
        and wl not in _BASE_IS_PAST
        and _compound_noun_cue(m, mt.start(), mt.end(), sent_start)
        and not _NOUN_COMPLEMENT_RE.match(m, mt.end())
    ):
        return False  # "The most telling promise X made", "a Facebook post", "X's conference call"
    if wl.endswith("ed") and _ADJECTIVE_SLOT_RE.search(
        m, max(sent_start, mt.start() - 12), mt.start()
    ):
        return False  # "a story about alleged fraud", "the reported attack": an adjective
    if wl.endswith("ed") and before.endswith("ly "):
        am = _ADVERB_ADJECTIVE_SLOT_RE.search(m, max(sent_start, mt.start() - 40), mt.start())
        if am is not None and am.group(1).lower() not in _NOT_ADVERB_LY:
            return False  # "Acme's previously announced plan", "the recently revealed phone"
    if (
        base
        and _BETWEEN_RE.match(m, mt.end())
        and _no_plural(word_before(m, mt.start(), sent_start) or "s")
    ):
        return False  # "a trade dispute between Acme and Zenith": a noun
    if wl in _AUTHORED and _BY_AFTER_RE.match(m, mt.end()):
        return False  # "an article written by X": the author is named, no one writes here
    if wl == "wonder" and before.endswith(("no ", "small ")):
        return False  # "No wonder X said ...": an idiom, no one wonders
    if (
        base
        and before[-1:].isspace()
        and before.rstrip().endswith(_NATIONALITY_ENDINGS)
        and _NATIONALITY_BEFORE_RE.search(before)
    ):
        return False  # "Iranian state TV quoted ...": a noun modifier after a nationality
    if (
        base
        and (mt.start() == sent_start or before.rstrip()[-1:] in ",;:(")
        and _MODIFIER_OF_SUBJECT_RE.match(m, mt.end())
    ):
        # "..., state security forces have killed ...": a modifier opening a clause's
        # subject, no verb (not "Officials say taxes will rise": a subject before it)
        return False
    if wl == "called" and _naming_object_before(m, mt.start(), sent_start):
        return False  # "announced a book called “Women Who Work”": a name, no one speaks
    if wl == "called" and before.endswith(("so ", "so-")):
        return False  # "the so called initiative": an adjective, no one speaks
    # _RX32.._RX35 all end in "<word>\s+$": none can match unless ``before`` ends with
    # whitespace after one of their last words (a cheap test that rejects most cues' context).
    t = before.rstrip()
    if len(t) < len(before) and t.endswith(_CUE_BLOCKER_ENDINGS):
        if _RX32.search(before):
            return False
        if (
            _RX33.search(before)
            and not _GO_ON_TO_RE.search(before)
            and not (lemma in _NEG_RAISING and _NEGATION_END_RE.search(before))
        ):
            return False  # "to say", "wouldn't say whether" (not "doesn't think it will")
        if wl.endswith(("ed", "d", "en", "ld")) and _RX34.search(before):
            return False
        if _RX35.search(before):
            return False
    if len(t) < len(before) and wl.endswith(("ed", "d", "en", "ld")):
        w_last = t.rsplit(None, 1)[-1] if t else ""
        if w_last == "being":
            w_last = t[: -len(w_last)].rstrip().rsplit(None, 1)[-1] if " " in t else ""
        if w_last in _PASSIVE_SUBORDINATORS:
            return False  # "Mrs. Clinton said ... when asked what ...": a passive
    if (
        t.endswith("ly")
        and wl.endswith(("ed", "d", "en", "ld"))
        and _PASSIVE_ADVERB_RE.search(before)
    ):
        return False  # "has been repeatedly criticized by ...": a passive, its subject no speaker
    # participles count only as ", adding that..." or sentence-initially, in a progressive
    # ("they are saying ...") or as "saying" + a clause ("a statement saying the plan failed")
    if (
        wl.endswith("ing")
        and not (
            _RX36.search(m[max(sent_start, mt.start() - 6) : mt.start()] or " ")
            or mt.start() == sent_start
            # an adverbial participle clause: "by saying that", ", before insisting he ..."
            or _ADVERBIAL_ING_RE.search(m, max(sent_start, mt.start() - 9), mt.start())
        )
        and not _progressive(m, mt.start(), sent_start)
        and not (wl == "saying" and _clause_like(m, mt.end() + 1, min(len(m), mt.end() + 81)))
        and with_absolute(m, mt.start(), sent_start) is None
        # "X replied on Facebook writing, “...”", "X tweeted saying “...”": a participle that
        # opens a quotation after a name or a past verb, its comma left out (not "her press
        # briefing, “...”", "signs reading “...”": nouns)
        and not (
            _QUOTE_AFTER_ING_RE.match(m, mt.end())
            and _NAME_OR_PAST_BEFORE_RE.search(m, max(sent_start, mt.start() - 40), mt.start())
        )
        # ", addressing her as “X” and telling her, “...”": coordinated with a participle
        # after a comma, introducing a quotation
        and not (
            m.endswith(" and ", 0, mt.start())
            and _ING_INTRODUCES_QUOTE_RE.match(m, mt.end())
            and _COMMA_PARTICIPLE_RE.search(m, sent_start, mt.start() - 5)
        )
    ):
        return False
    return not need_that or _needs_no_that(m, mt)


#: After a participle: up to three lower-case words, a comma or colon and a quotation.
_ING_INTRODUCES_QUOTE_RE = re.compile(r"(?:\s+[a-z]+){0,3}\s*[,:]\s*[\"“]")
#: A participle right after a comma (", addressing her ...").
_COMMA_PARTICIPLE_RE = re.compile(r",\s+[a-z]{3,}ing\b")


#: A nationality adjective (-ian, -ean, -ican or ``nationalities.txt``; not "-ese", "-ish",
#: whose plurals take no -s: "The Chinese say") right before a word.
_NATIONALITY_BEFORE_RE = re.compile(
    r"(?:\b[a-z]*(?:ian|ean|ican)|"
    + "|".join(re.escape(w.lower()) for w in _resources.word_list("nationalities"))
    + r")\s+$"
)
#: What a match of :data:`_NATIONALITY_BEFORE_RE` ends with before its blanks (a cheap
#: necessary condition: most contexts end with none of them).
_NATIONALITY_ENDINGS = ("ian", "ean", "ican") + tuple(
    w.lower() for w in _resources.word_list("nationalities")
)
#: After a base-form cue: one or two lower-case words (no determiner or pronoun) and a
#: finite verb; the cue word modifies that verb's subject ("state security forces have").
_MODIFIER_OF_SUBJECT_RE = re.compile(
    r"\s+(?!(?:the|a|an|this|that|these|those|his|her|its|their|our|it|he|she|they|we|you|"
    r"there)\b)[a-z]+(?:\s+[a-z]+)?\s+(?:have|has|had|are|were|is|was|will|would)\b"
)


def _naming_object_before(m: str, pos: int, floor: int) -> bool:
    """A verb's object noun phrase ends right before ``pos`` ("announced a book [called]")."""
    dm = _DET_CHAIN_RE.search(m, max(floor, pos - 50), pos)
    if dm is None:
        return False
    lead = dm.group("lead").lower()
    return is_past_form(lead) or lead in _FORM2LEMMA


#: A determiner or preposition right before a word: no finite verb stands there.
_ADJECTIVE_SLOT_RE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|his|her|its|their|our|my|your|these|those|of|for|with|from|at|in|on|"
    r"about|over|against|into|amid|despite)\s+$"
)
#: A determiner, preposition or possessive, then an adverb in -ly, right before a participle:
#: an adjective ("the recently announced phone", "Acme's previously announced plan").
_ADVERB_ADJECTIVE_SLOT_RE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|his|its|their|our|my|your|these|those|this|of|for|with|from|at|in|"
    r"on|about|over|against|into|amid|despite)|[A-Za-z][’']s?)\s+([a-z]{3,}ly)\s+$"
)
#: "between" after a base form that follows no plural: a noun's complement, no verb's ("a trade
#: dispute between X and Y"; not "economists predict between two and four rises").
_BETWEEN_RE = re.compile(r"\s+between\b")
#: A quotation opening right after a participle cue, with at most a comma or colon between.
_QUOTE_AFTER_ING_RE = re.compile(r"[,:]?\s*[“\"]")
_NAME_OR_PAST_BEFORE_RE = re.compile(r"(?:\b[A-Z][\w.’'-]*[a-z]|\b[a-z]{2,}ed)\s+$")


#: A preposition or subordinator that opens an adverbial participle clause ("by saying",
#: "after insisting", "before warning"): its subject is the clause's subject.
_ADVERBIAL_ING_RE = re.compile(r"\b(?:by|after|before|while|without|upon)\s+$")


#: "..., with Senator X telling reporters ...": an absolute phrase, "with" + its subject (a
#: capitalised name, possibly titled) + the participle cue.
_WITH_ABSOLUTE_RE = re.compile(
    r"\b[Ww]ith\s+((?:[A-Z][\w.’'-]*\s+){1,6}?[A-Z][\w’'-]*[a-z])\s+(?:[a-z]+ly\s+)?$"
)


def with_absolute(m: str, pos: int, floor: int) -> tuple[int, int] | None:
    """The subject span of "with <Name> <cue at pos>" (an absolute phrase), or None."""
    wm = _WITH_ABSOLUTE_RE.search(m, max(floor, pos - 80), pos)
    return wm.span(1) if wm else None


_PROGRESSIVE_RE = re.compile(
    r"\b(?:is|are|was|were|am|been|be|[’']s|[’']re"
    # an aspect verb before the -ing form ("X kept asking her why")
    r"|kept|keeps|keep)\s+(?:(?:also|still|now|not|already|"
    r"again|[a-z]{3,}ly)\s+)?$"
)


def _progressive(m: str, pos: int, floor: int) -> bool:
    """The "-ing" cue at ``pos`` is a progressive verb ("they are saying", "he's telling")."""
    return bool(_PROGRESSIVE_RE.search(m, max(floor, pos - 30), pos))


_SET_OFF_CUE_RE = re.compile(r"\s*[,:;—–]")
#: After a set-off cue, an absolute "with" phrase and no that-clause or quotation: the verb
#: is no cue ("The rally then continued, with the index up 150 points").
_SET_OFF_WITH_RE = re.compile(r"\s*,\s*with\b(?![^.;]*?(?:,\s*that\b|[“\"]))")


def _needs_no_that(m: str, mt: re.Match[str]) -> bool:
    """The that-clause test of :func:`_cue_ok` alone (for a cue that already passed it)."""
    wl = mt.group(0).lower()
    lemma = _FORM2LEMMA.get(wl.split()[0] if " " not in wl else "")
    if lemma in _QUOTE_ONLY_VERBS:
        return bool(_RX38.match(m, mt.end(), mt.end() + 80))
    if lemma in _QUESTION_VERBS:
        after = m[mt.end() : mt.end() + 80]
        return bool(
            _ASK_WH_RE.match(after)
            or _RX38.match(after)
            or (lemma in _OBJECT_INF_VERBS and _OBJ_TO_INF_RE.match(after))
        )
    if lemma in _NEED_THAT:
        after = m[mt.end() : mt.end() + 80]
        if wl != lemma and _SET_OFF_CUE_RE.match(after) and not _SET_OFF_WITH_RE.match(after):
            # "But, Carson added, he ...", "He noted: ...": an inflected verb that no object
            # follows (a base form before a comma is a noun: "at one point, ...")
            return True
        if lemma == "call" and _CALL_SMALL_CLAUSE_RE.match(after):
            return True  # "called him a liar", "called the actions lawful"
        if lemma == "report" and wl.startswith("report") and _REPORT_OBJECT_RE.match(after):
            return True  # "reported spending $6 million", "reported a profit of $1.78"
        if not _RX37.match(after) and not (lemma in {"call", "write"} and _RX38.match(after)):
            # "vowed to fight on", "urged Congress to act", "described the plan as a failure"
            if lemma in _INFINITIVE_VERBS and _TO_INF_RE.match(after):
                return True
            if lemma in _OBJECT_INF_VERBS and _OBJ_TO_INF_RE.match(after):
                return True
            if lemma in _AS_VERBS and _OBJ_AS_RE.match(after):
                return True
            # a that-less clause: a short subject, then a finite verb or modal ("noted the
            # plan would fail", "suggested the country should send more troops")
            return lemma in _THATLESS_OK and bool(
                _THATLESS_CLAUSE_RE.match(after) or _THATLESS_PAST_RE.match(after)
            )
    return True


#: "called him a liar", "call Pfizer unpatriotic", "called the incident a reason to ...": an
#: object (a pronoun, a name or a short noun phrase with a determiner), then what it is called
#: (a noun phrase with "a"/"an", or an adjective that ends the clause). Not "called a press
#: conference", "called an emergency session", "called it a day", "called him on Tuesday".
_CALL_SMALL_CLAUSE_RE = re.compile(
    r"\s+(?:him|her|them|it|himself|herself|themselves|itself|me|us"
    r"|(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){0,2}"
    r"|(?:the|this|that|his|their|its)\s+(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)"
    r"\s+(?:(?:a|an)\s+(?!(?:"
    + "|".join(sorted(_resources.word_set("call_not_small_clause")))
    + r")\b)"
    r"[\w'’-]+"
    r"|(?:very\s+|extremely\s+|too\s+)?[a-z]+(?:ous|ful|ive|ic|al|ent|ant|able|ible|less|ary|ist)"
    r"(?=\s*(?:[,.;]|and\b|but\b|$)))"
)


_REPORT_WORDS = _resources.table("report_objects")


def _alt(kind: str) -> str:
    """The words of ``report_objects.csv`` of one kind as a regex alternation, longest first."""
    return "|".join(sorted((r["word"] for r in _REPORT_WORDS if r["kind"] == kind), key=len)[::-1])


#: What a report's object can be without a clause: a gerund ("reported spending ..."), an
#: amount, or a figure's noun phrase ("reported a profit of", "reported its smallest profit").
_REPORT_OBJECT_RE = re.compile(
    r"\s+(?:(?:" + _alt("gerund") + r")\b|\$\s?\d|\d[\d,.]*\s+(?:" + _alt("count_noun") + r")\b"
    r"|(?:a|an|its|their|record|quarterly|annual)\s+(?:[\w-]+\s+){0,3}?(?:"
    + _alt("figure_noun")
    + r")s?\b|(?:"
    + _alt("figure_noun")
    + r")s?\s+of\b)"
)


def infinitive_follows(m: str, lemma: str, pos: int, hi: int) -> bool:
    """An infinitive verb's "to"-infinitive starts at ``pos`` ("vowed [to fight on]")."""
    return lemma in _INFINITIVE_VERBS and _TO_INF_RE.match(m, pos, hi) is not None


def _complement_cue(m: str, lemma: str, end: int) -> bool:
    """The cue ending at ``end`` takes its content as an object or infinitive, not a clause.

    "denied the reports", "vowed to fight on", "urged Congress to act", "described the plan
    as a failure": what follows is the content even when it reads like an adjunct ("to cut
    taxes") or is no clause (after "and": "... and called the system rotten").
    """
    after = m[end : end + 80]
    return (
        lemma in _OBJECT_SET
        or infinitive_follows(m, lemma, end, end + 80)
        or (lemma in _OBJECT_INF_VERBS and bool(_OBJ_TO_INF_RE.match(after)))
        or (lemma in _AS_VERBS and bool(_OBJ_AS_RE.match(after)))
    )


def _clause_like(m: str, cs: int, ce: int) -> bool:
    """Content that reads as a reported clause, not an object ("declaring a caliphate").

    "that ...", a quotation, a subject pronoun first, a past-tense verb after its subject, or a
    finite verb or modal within its first six words ("she would be", "the heist is key").
    """
    head = m[cs : min(ce, cs + 80)]
    if head[:1] in '"“_' or head.lower().startswith(("that ", "if ", "whether ")):
        return True
    words = head.split()[:6]
    if words and _CONTRACTION_RE.sub("", words[0].lower()) in _SUBJECT_PRONOUNS:
        return True  # "saying he voted", "adding they knew", "says he’ll welcome"
    if any(w.lower().endswith("ed") and len(w) > 4 for w in words[1:5]):
        return True  # "saying the party lacked ...": a past-tense verb after its subject
    return bool(_FINITE_RE.search(" ".join(words)))


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "there"})
_CONTRACTION_RE = re.compile(r"[’'](?:ll|d|s|re|ve|m)$")


_QUESTION_VERBS = frozenset(_resources.word_list("reporting_verbs_question"))
_ASK_WH_RE = re.compile(
    # (a longer object before "whether": "asked the U.S. attorney in D.C. whether")
    r"(?:\s+(?:(?:[\w.’'-]+\s+){0,4}?|(?:(?!(?:to|for|and|or|that)\b)[\w.’'-]+\s+){5,7}?(?=whether\b)))?"
    r"\s*(?P<wh>if|whether|why|how|what|when|where|who|which)\b"
    # "asked Trump about statements he had made": the topic of the question
    r"|\s+(?:(?!to\b|for\b|and\b)[\w.’'-]+\s+){1,3}?(?P<about>about)\b"
)
