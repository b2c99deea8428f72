"""The date-expression rule engine.

The date-expression rule engine: the regular-expression rules that find date expressions
in prose ("on Tuesday", "December 3", "October 2007", "in 2016", "three years ago"), the cheap
gates that skip spans holding no date, and :func:`_find_dates`, which returns the
non-overlapping matches of a span. Language knowledge (month, weekday, season and number words,
qualifiers) comes from :mod:`iranstrikes.resources`; resolving a match is :mod:`.resolve`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress

from .. import resources as _resources
from .holidays import HOLIDAY_HEADS, HOLIDAY_NAMES

# --------------------------------------------------------------------------------------
# Date expressions
# --------------------------------------------------------------------------------------

_MONTH_NUM = {k: v for k, v in _resources.months().items() if len(k) == 3}
_WEEKDAY_NUM = {k: v for k, v in _resources.weekdays().items() if k.endswith("day")}
_NUMBER_WORDS = {r["word"].lower(): int(r["value"]) for r in _resources.table("number_words")}
#: qualifier phrase (lower case) -> (part, start fraction, end fraction) of the period
_QUALIFIERS = {
    r["phrase"].lower(): (r["part"], float(r["start"]), float(r["end"]))
    for r in _resources.table("temporal_qualifiers")
}
#: season -> (first month, last month)
_SEASONS = {
    r["season"].lower(): (int(r["first_month"]), int(r["last_month"]))
    for r in _resources.table("seasons")
}
_QUANTITY_WORDS = _resources.word_set("quantity_words")
_ORDINALS = {r["word"].lower(): int(r["value"]) for r in _resources.table("ordinal_words")}
#: holiday names (lower case, straight apostrophe; their days: :mod:`.holidays`)
_HOLIDAYS = HOLIDAY_NAMES


def _alternation(words) -> str:
    """A regex alternation of ``words`` (longest first, spaces as whitespace runs)."""
    return "|".join(
        re.escape(w).replace("\\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w))
    )


_NUMW = _alternation(_NUMBER_WORDS)
_ORD = _alternation(w for w, v in _ORDINALS.items() if 1 <= v <= 4)
_SPELLED = {r["word"].lower(): int(r["value"]) for r in _resources.table("spelled_numbers")}
_SP_UNIT = _alternation(w for w, v in _SPELLED.items() if 1 <= v <= 9)
_SP_TEEN = _alternation(w for w, v in _SPELLED.items() if 10 <= v <= 19)
_SP_TENS = _alternation(w for w, v in _SPELLED.items() if v >= 20 and v % 10 == 0)
# two digits in words: "ninety-eight", "fourteen" (and, after "thousand", "five")
_SP_TWO = rf"(?:{_SP_TENS})(?:[\s-](?:{_SP_UNIT}))?|{_SP_TEEN}"
_SP_CENTURY = _alternation(w for w, v in _SPELLED.items() if v in (18, 19, 20))


def _spelled_value(text: str) -> int:
    """The number a run of exact number words stands for ("ninety-eight" = 98)."""
    return sum(_SPELLED[w] for w in re.split(r"[\s-]+", text.lower()) if w in _SPELLED)


_QUAL = _alternation(_QUALIFIERS)
_SEASON = _alternation(_SEASONS)
_HOLIDAY = _alternation(_HOLIDAYS).replace("'", "['’]")
# names also found in lower case ("on new year's day"): all but the common phrases
_CAPITAL_ONLY = frozenset(
    " ".join(w.replace("’", "'").split()) for w in _resources.word_set("holidays_capital_only")
)
_HOLIDAY_LOWER = _alternation(h for h in _HOLIDAYS if h not in _CAPITAL_ONLY).replace("'", "['’]")

# Month names (resources/months.csv): a full name ends at a word end; an abbreviation may take
# its dot ("Aug.", "Sept."), a full name never does ("August." ends a sentence).
_FULL_MONTHS = _resources.month_names()
_MONTH_ABBREVS = sorted(
    {n.capitalize() for n in _resources.months()} - set(_FULL_MONTHS), key=lambda w: (-len(w), w)
)
_MONTH = r"(?:(?:" + "|".join(_FULL_MONTHS) + r")\b|(?:" + "|".join(_MONTH_ABBREVS) + r")\b\.?)"
_WD = r"(?:" + "|".join(_resources.weekday_names()) + r")"
# a month alone: not the names that are also common words ("may", "march"), abbreviations
# only with their dot
_AMBIGUOUS = {_resources.months()[w] for w in _resources.word_set("month_words_ambiguous")}
_MONTH_ALONE = "|".join(
    [m for m in _FULL_MONTHS if _resources.months()[m.lower()] not in _AMBIGUOUS]
    + [a + r"\." for a in _MONTH_ABBREVS if _resources.months()[a.lower()] not in _AMBIGUOUS]
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d{2}"
_ON = r"(?:(?i:on)\s+)?"
# "on", or a preposition that makes a day an interval bound ("since March 3", "until Friday")
_ON_PREP = r"(?:(?i:on)\s+|(?P<prep>(?i:since|until|till|by|from|before|after|through))\s+)?"
_UNIT = r"(?i:day|week|weekend|month|year|quarter)"
# how every match of the rule "ago" ends ("... days ago", "... years or so earlier")
_AGO_TAIL = r"(?P<unit>(?i:days?|weeks?|months?|years?))(?:\s+(?i:or so))?\s+(?P<dir>(?i:ago|earlier))(?!\w)"

# (rule, regex) in order of preference when matches start at the same place.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        (
            "iso",
            rf"(?<![\w-])(?P<y>{_YEAR})-(?P<m>1[0-2]|0?[1-9])-(?P<d>3[01]|[12]\d|0?[1-9])(?![\w-])",
        ),
        ("numeric", r"(?<![\w/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?![\w/.])"),
        (
            "weekday-date",
            rf"(?<!\w){_ON}(?P<wd>{_WD}),?\s+(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})|(?P<d2>{_DAY})\s+"
            rf"(?:of\s+)?(?P<m2>{_MONTH}))(?:,?\s+(?P<y>{_YEAR}))?(?!\w)",
        ),
        (
            "month-day",
            rf"(?<!\w){_ON_PREP}(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?![\w%])(?:,?\s+(?P<y>{_YEAR})(?!\w))?",
        ),
        (
            "day-month",
            rf"(?<![\w/]){_ON_PREP}(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR})(?!\w))?",
        ),
        (
            "month-year",
            rf"(?<!\w)(?:(?P<prep>(?i:since|in|during|by|until|from|early|late|mid|earlier in|later in))"
            rf"[\s-]+)?(?P<m>{_MONTH})\s+(?P<y>{_YEAR})(?!\w)",
        ),
        (
            "year",
            # the year itself; its preposition and qualifier are read backwards from it
            # (:data:`_YEAR_PREFIX`): a leading optional alternation is tried at every position
            rf"(?<![\w$£€#.,/-])(?P<y>{_YEAR})(?![\w%/-])(?![.,]\d)(?!\s*(?i:percent|per cent))",
        ),
        (
            "quarter",
            # "the third quarter", "the 2nd quarter of 2015", "third-quarter", "Q3 2015"
            rf"(?<![\w-])(?:(?P<ord>(?i:{_ORD}))[\s-]+(?:(?P<fiscal>(?i:fiscal|calendar))\s+)?"
            rf"(?i:quarter)(?:,?\s+(?:(?i:of)\s+)?(?P<y>{_YEAR}))?"
            rf"|(?P<qn>Q[1-4])\s+(?P<y2>{_YEAR}))(?![\w-])",
        ),
        (
            "spelled-year",
            # "nineteen ninety-eight", "twenty fourteen", "two thousand and three"; read as a
            # year (rule "year") by :func:`_find_dates`
            rf"(?<![\w-])(?i:(?P<c>{_SP_CENTURY})\s+(?P<r>{_SP_TWO})"
            rf"|two\s+thousand(?:\s+and)?\s+(?P<r2>{_SP_TWO}|{_SP_UNIT}))(?![\w-])",
        ),
        (
            "month",
            rf"(?<!\w)(?P<prep>(?i:since|in|during|by|until|from|early|late|mid|earlier in|later in"
            rf"|last|this|next))[\s-]+(?P<m>{_MONTH})(?!\.?\s*\d)",
        ),
        (
            "qualified",
            rf"(?<!\w)(?P<q>(?i:{_QUAL}))[\s-]+(?:(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?(?!\.?\s*\d)"
            rf"|(?P<y2>{_YEAR})(?![\w/-])"
            rf"|(?P<det>(?i:this|last|next|the|the current|the same))\s+"
            rf"(?:(?P<fiscal>(?i:fiscal|calendar))\s+)?(?P<unit>{_UNIT}))(?!\w)",
        ),
        (
            "month-bare",
            rf"(?<![\w-])(?P<m>{_MONTH_ALONE})(?![\w-])(?!\.?\s*\d)(?!\s+[A-Z])",
        ),
        (
            "relative",
            r"(?<!\w)(?P<rel>(?i:earlier this week|later this week|this week|last week|next week"
            r"|earlier this month|later this month|this month|last month|next month"
            r"|earlier this year|this year|last year|next year"
            r"|in recent days|in recent weeks|in recent months"
            r"|(?:in|over|during) the (?:past|last) (?:several|few|couple of|two|three|four|five) days"
            r"|(?:in|over|during) the (?:past|last) (?:several|few|couple of|two|three) weeks"
            r"|(?:in|over|during) the (?:past|last) (?:day|week|month)"
            r"|earlier today|later today|today|yesterday|tomorrow|tonight|last night"
            r"|this morning|this afternoon|this evening))(?!\w)",
        ),
        (
            "ago",
            r"(?<!\w)(?:(?P<approx>(?i:nearly|almost|about|some|roughly|more than|less than|just over"
            rf"|just under|over))\s+)?(?P<n>\d+|(?i:{_NUMW}))\s+{_AGO_TAIL}",
        ),
        (
            "unit-ago",
            r"(?<![\w-])(?:(?P<unit>(?i:year|month|week|day))-(?i:earlier|ago)"
            r"|(?i:the)\s+(?P<unit2>(?i:year|month|week|day))\s+(?i:before|previous|earlier))(?![\w-])",
        ),
        (
            "period",
            r"(?<!\w)(?P<det>(?i:this|last|next|the past|the previous|the coming|the current|the same"
            r"|the latest|the next|the prior|the last|the preceding))\s+(?:(?P<fiscal>(?i:fiscal"
            rf"|calendar))\s+)?(?P<unit>{_UNIT})(?!\w)(?!\s+(?i:of|ago|earlier|before|after))",
        ),
        (
            "season",
            r"(?<!\w)(?:(?P<det>(?i:this past|this coming|this|last|next|early|late|mid|the))[\s-]+)?"
            rf"(?P<season>(?i:{_SEASON}))(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?(?!\w)",
        ),
        (
            "holiday",
            r"(?<!\w)(?:(?P<det>(?i:last|next|this|on|by|until|since))\s+)?"
            rf"(?P<h>(?=[A-Z])(?i:{_HOLIDAY})|(?i:{_HOLIDAY_LOWER}))(?!\w)",
        ),
        (
            "anaphoric",
            r"(?<!\w)(?:(?P<adv>(?i:earlier|later))\s+)?(?P<det>(?i:that|the same|the next"
            r"|the following))\s+(?P<unit>(?i:day|week|month|year|morning|afternoon|evening|night))"
            r"(?!\w)",
        ),
        ("at-the-time", r"(?<!\w)(?P<rel>(?i:at the time|at that time))(?!\w)"),
        (
            "weekday",
            rf"(?<!\w)(?:(?P<mod>(?i:earlier|later|late|early))\s+(?:(?i:on)\s+)?"
            rf"|(?P<mod2>(?i:on|last|next|this|coming|by|until|since|from))\s+)?(?P<wd>{_WD})"
            rf"(?:'s|’s)?(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?(?!\w)",
        ),
    )
)
_RULE_ORDER = {name: i for i, (name, _) in enumerate(_RULES)}
_DATE_WORDS = {
    *_WEEKDAY_NUM,
    *(m.lower() for m in _FULL_MONTHS),
    *_resources.word_list("date_words"),
}


@dataclass(frozen=True)
class _Match:
    rule: str
    start: int
    end: int
    text: str
    groups: dict[str, str | None]


# Literal pieces that every match of a rule contains (same case rules as the rule itself): a
# rule is only run on a span that holds all of its pieces. Most sentences hold no date, so
# this skips most of the twelve scans without changing any result.
_G_DIGIT = re.compile(r"\d")
_G_DIGIT_ASCII = re.compile("[0-9]")
_G_MONTH = re.compile("|".join(k.capitalize() for k in _MONTH_NUM))
_G_REL = re.compile(r"(?i:day|week|month|year|tomorrow|night|morning|afternoon|evening|quarter)")
_G_QUAL = re.compile(r"(?i:early|mid|late|beginning|start|end\s+of|half|close\s+of)")
_G_YEAR4 = re.compile(r"(?:1[89]|20)\d\d")
_G_SEASON = re.compile(r"(?i:spring|summer|autumn|fall|winter)")
_G_AGO = re.compile(r"(?i:ago)")
# (pieces of some matches only: each is looked for only where the span holds the others)
_G_NUM_SEP = re.compile(r"\d[/.]\d")  # what every match of "numeric" holds
_G_AGO_TAIL = re.compile(_AGO_TAIL)
_G_TIME = re.compile(r"(?i:time)")
_REL_WORDS = (
    "day",
    "week",
    "month",
    "year",
    "tomorrow",
    "night",
    "morning",
    "afternoon",
    "evening",
    "quarter",
)
_QUAL_WORDS = ("early", "mid", "late", "beginning", "start", "end of", "half", "close of")
_ANA_WORDS = ("that", "same", "next", "following")
_RELD_WORDS = (
    "this",
    "last",
    "next",
    "recent",
    "past",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
)
_HOLIDAY_HEADS = HOLIDAY_HEADS
# (one search for any of them: faster than a containment test per word)
_G_HOLIDAY = re.compile("|".join(map(re.escape, _HOLIDAY_HEADS)))
# a name in another case ("Eid Al-Fitr", "new year's day"; not one of _CAPITAL_ONLY), looked
# for once per text, lower-cased ("’" also for "'")
_L_HOLIDAY_WORDS = tuple(
    sorted({v for n in set(_HOLIDAYS) - _CAPITAL_ONLY for v in (n, n.replace("'", "’"))})
)
_G_HOLIDAY_ANY_CASE = re.compile(f"(?i:{_HOLIDAY})")
# (on lower-cased text) what every match of "anaphoric" and of "period" holds
_L_ANA = re.compile(
    r"(?:that|same|next|following)\s+(?:day|week|month|year|morning|afternoon|evening|night)"
)
_L_PERIOD = re.compile(
    r"(?:this|last|next|past|previous|coming|current|same|latest|prior|preceding)\s+"
    r"(?:(?:fiscal|calendar)\s+)?(?:week|month|year|quarter|day)"
)
# words every "this/last/next/the past ... week" (rule "period") holds one of
_DET_WORDS = ("this", "last", "next", "past", "previous", "coming", "current", "same", "latest",
              "prior", "preceding")  # fmt: skip
_SEASON_WORDS = tuple(_SEASONS)
# The only characters that a case-insensitive pattern matches to one of the (ASCII) letters
# of the words above but that ``str.lower`` does not turn into that letter. Without them,
# ``word in text.lower()`` is the same test as ``(?i:word)``, and ~5x cheaper.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"  # İ, ı, ſ, K (Kelvin)
_FOLD_ODD = re.compile(f"[{_FOLDS_TO_ASCII}]")
# The pieces each rule needs: digit, month (abbreviation), wd ("day", case-sensitive),
# rel (a relative-date word), ago, time; dash, numsep and agotail are parts of the matches
# of one rule each, found only where the span holds year4, digit, rel and agoe (each implies
# another piece: which spans hold no piece at all is unchanged).
_RULE_GATES: dict[str, tuple[str, ...]] = {
    "iso": ("year4", "dash"),
    "numeric": ("numsep",),
    "weekday-date": ("wd", "month", "digit"),
    "month-day": ("month", "digit"),
    "day-month": ("month", "digit"),
    "month-year": ("month", "digit"),
    "year": ("year4",),
    "qualified": ("qual",),
    "month-bare": ("month",),
    "unit-ago": ("rel", "ua"),
    "period": ("rel", "det"),
    "season": ("season",),
    "anaphoric": ("rel", "ana"),
    "holiday": ("holiday",),
    "month": ("month",),
    "quarter": ("qtr",),
    "spelled-year": ("spelled",),
    "relative": ("rel", "reld"),
    "ago": ("agotail",),
    "at-the-time": ("time",),
    "weekday": ("wd",),
}
# Rules whose every match holds a weekday name (case as written) after at most two words
# (its modifiers: "early on", "last"): the scan starts at the second word before the first
# weekday name of the span, or is skipped when it holds none. The same matches: none can
# start earlier (its modifiers would have to hold a weekday name), and the scan reads the
# same text from there.
_G_WEEKDAY = re.compile(_WD)
_WEEKDAY_ANCHORED = {"weekday": 2}
_GATED_RULES = tuple(
    (name, rx, frozenset(_RULE_GATES[name]), _WEEKDAY_ANCHORED.get(name)) for name, rx in _RULES
)


class _TextWords:
    """What :func:`_date_pieces` reads once per text rather than once per sentence of it.

    ``holidays``: the names of :data:`_L_HOLIDAY_WORDS` the lower-cased text holds (a
    lower-cased sentence holds only those: ``str.lower`` lower-cases each character on its
    own, but Σ, which no name holds). ``low``: the lower-cased text, when the text holds
    none of :data:`_FOLD_ODD` (then no sentence of it does, and every character lower-cases
    to one character: ``low[lo:hi]`` is ``text[lo:hi].lower()``, up to the σ/ς of a Σ, which
    no word or pattern looked for in it holds); else None.
    """

    __slots__ = ("low", "holidays")

    def __init__(self, text: str):
        low = text.lower()
        self.holidays = _holiday_words(low)
        self.low = None if any(map(text.__contains__, _FOLDS_TO_ASCII)) else low


def _holiday_groups() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...] | None], ...]:
    """:data:`_L_HOLIDAY_WORDS` grouped by a lower-cased holiday head each holds.

    (head, names, prefixes): a name is in no text that lacks its head; ``prefixes`` (when
    every name of the group ends with the head, else None): each name without its head.
    A name holding "day" and another head goes with the other (most texts hold "day");
    one holding none is a group of its own (its head: the name).
    """
    heads = sorted({h.lower() for h in _HOLIDAY_HEADS}, key=lambda h: (h == "day", h))
    groups: dict[str, list[str]] = {}
    for name in _L_HOLIDAY_WORDS:
        head = next((h for h in heads if h in name), name)
        groups.setdefault(head, []).append(name)
    out = []
    for head, names in groups.items():
        ends = len(names) > 2 and all(n.endswith(head) for n in names)
        out.append((head, tuple(names), tuple(n[: -len(head)] for n in names) if ends else None))
    return tuple(out)


def _holiday_words(low: str) -> tuple[str, ...]:
    """``tuple(filter(low.__contains__, _L_HOLIDAY_WORDS))``, read by the names' heads.

    A group whose head ``low`` lacks is skipped; in a group of names ending with its head, a
    name is in ``low`` when some place of the head there follows the rest of the name.
    """
    found = set()
    for head, names, prefixes in _HOLIDAY_GROUPS:
        if head not in low:
            continue
        if prefixes is None:
            found.update(filter(low.__contains__, names))
            continue
        i = low.find(head)
        while i >= 0:
            if low.endswith(prefixes, 0, i):
                found.update(
                    n for n, p in zip(names, prefixes, strict=True) if low.endswith(p, 0, i)
                )
            i = low.find(head, i + 1)
    return tuple(n for n in _L_HOLIDAY_WORDS if n in found) if found else ()


_HOLIDAY_GROUPS = _holiday_groups()

# the pieces of :data:`_RULE_GATES`, in the order _date_pieces tests them
_PIECES = ("digit", "month", "wd", "rel", "ago", "time", "qual", "season", "year4", "dash",
           "numsep", "agotail", "agoe", "ua", "ana", "det", "holiday", "qtr", "spelled", "reld")  # fmt: skip


def _date_pieces(
    text: str, lo: int = 0, hi: int | None = None, words: _TextWords | None = None
) -> frozenset[str] | None:
    """Which pieces of date expressions ``text[lo:hi]`` holds (see :data:`_RULE_GATES`).

    None when it holds none: then neither it nor any part of it holds a date expression.
    ``words``: the :class:`_TextWords` of ``text``, when its sentences are read one by one.
    """
    hi = len(text) if hi is None else hi
    span = text[lo:hi]
    text_low = None if words is None else words.low
    if text_low is not None or span.isascii() or not _FOLD_ODD.search(span):
        low = span.lower() if text_low is None else text_low[lo:hi]
        has_word = low.__contains__
        rel = any(map(has_word, _REL_WORDS))
        ago, time_ = "ago" in low, "time" in low
        qual = any(map(has_word, _QUAL_WORDS))
        # (every match of _L_PERIOD and _L_ANA holds a relative-date word)
        det = rel and any(map(has_word, _DET_WORDS)) and _L_PERIOD.search(low) is not None
        season = any(map(has_word, _SEASON_WORDS))
        agoe = ago or "earlier" in low
        spelled = "teen" in low or "twenty" in low or "thousand" in low
        ua = agoe or "before" in low or "previous" in low
        ana = rel and any(map(has_word, _ANA_WORDS)) and _L_ANA.search(low) is not None
        # every match of "relative" holds one of _RELD_WORDS; of "quarter", "quarter" or "Q"
        reld = rel and any(map(has_word, _RELD_WORDS))
        qtr = "quarter" in low
        # (a sentence of a text read with its _TextWords: only the names the text holds are
        # looked for; a name the text lacks is in none of its spans)
        names = words.holidays if words is not None else _L_HOLIDAY_WORDS
        holiday = _G_HOLIDAY.search(span) is not None or any(map(has_word, names))
    else:
        rel = _G_REL.search(span) is not None
        ago, time_ = _G_AGO.search(span) is not None, _G_TIME.search(span) is not None
        qual = _G_QUAL.search(span) is not None or "end" in span.lower()
        season = _G_SEASON.search(span) is not None
        agoe = ua = ana = det = spelled = reld = True  # (rare text: no shortcut)
        qtr = rel
        holiday = _G_HOLIDAY_ANY_CASE.search(span) is not None
    # (in ASCII text \d is [0-9], which the regex engine reads faster)
    digit = (_G_DIGIT_ASCII if span.isascii() else _G_DIGIT).search(span) is not None
    year4 = digit and _G_YEAR4.search(span) is not None
    held = compress(
        _PIECES,
        (
            digit,
            _G_MONTH.search(span) is not None,
            "day" in span,
            rel,
            ago,
            time_,
            qual,
            season,
            year4,
            year4 and "-" in span,  # (iso: "2024-05-03")
            digit and _G_NUM_SEP.search(span) is not None,
            rel and agoe and _G_AGO_TAIL.search(span) is not None,
            agoe,
            ua,
            ana,
            det,
            holiday,  # (any case: "Eid Al-Fitr", "new year's day")
            qtr or (digit and "Q" in span),  # "quarter" (any case) or "Q1".."Q4" with a year
            spelled,
            reld,
        ),
    )
    return frozenset(held) or None


_FILTERED = frozenset({"year", "season"})
# what may precede a year: "in 2016", "fiscal 1989", "since FY2010" (searched up to the year)
_YEAR_PREFIX = re.compile(
    r"(?<![\w$£€#.,/-])(?:(?P<prep>(?i:since|in|during|until|till|by|from|throughout|before"
    r"|after|through))\s+)?(?:(?P<fiscal>(?i:fiscal|calendar)|FY)[\s-]*)?\Z"
)
_PREV_WORD = re.compile(r"([A-Za-z]+(?:\s+[A-Za-z]+)?)\s*$")


def _plausible(rule: str, g: dict, text: str, start: int) -> bool:
    """Whether a match of a permissive rule is a date and not something else.

    A bare four-digit number after a quantity word ("about 2000 people") is a quantity, not a
    year; a season word alone ("the fall of the city", "prices fall") is not a date unless a
    determiner such as "last"/"this" or a year goes with it.
    """
    if rule == "year":
        if g.get("prep") or g.get("fiscal"):
            return True
        w = _PREV_WORD.search(text, max(0, start - 30), start)
        if w:
            words = w.group(1).lower().split()
            if words[-1] in _QUANTITY_WORDS or " ".join(words[-2:]) in _QUANTITY_WORDS:
                return False
        return True
    if rule == "season":
        det = (g.get("det") or "").lower()
        return bool(g.get("y")) or (bool(det) and det != "the")
    return True


# pieces (a :func:`_date_pieces` set) -> the (name, regex, words_before) of the rules of
# :data:`_GATED_RULES` run on a span holding them, in order (few distinct sets: remembered)
_RULES_FOR: dict[frozenset, tuple] = {}
_RULES_FOR_MAX = 4096


def _find_dates(
    text: str, lo: int = 0, hi: int | None = None, pieces: frozenset | None | bool = True
) -> list[_Match]:
    """Return non-overlapping date expressions in ``text[lo:hi]`` (absolute offsets).

    ``pieces``: the :func:`_date_pieces` of the span when already known.
    """
    hi = len(text) if hi is None else hi
    on = _date_pieces(text, lo, hi) if pieces is True else pieces
    if on is None:  # (most sentences)
        return []
    rules = _RULES_FOR.get(on)
    if rules is None:  # (the rules whose pieces the span holds: one dict look per span)
        rules = tuple((name, rx, wb) for name, rx, gates, wb in _GATED_RULES if gates <= on)
        if len(_RULES_FOR) < _RULES_FOR_MAX:
            _RULES_FOR[on] = rules
    found: list[_Match] = []
    for name, rx, words_before in rules:
        start = lo
        if words_before is not None:
            wd = _G_WEEKDAY.search(text, lo, hi)
            if wd is None:
                continue
            head = text[lo : wd.start()].rsplit(None, words_before)
            if len(head) > words_before:  # (head[0]: the text before those words)
                start = lo + len(head[0])
        for m in rx.finditer(text, start, hi):
            g = m.groupdict()
            rule = name
            start = m.start()
            if rule == "spelled-year":  # a year written in words: the rule "year"
                if g.get("c"):
                    y = 100 * _SPELLED[g["c"].lower()] + _spelled_value(g["r"])
                else:
                    y = 2000 + _spelled_value(g["r2"])
                g = {"y": str(y)}
                rule = "year"
            if rule == "year":
                px = _YEAR_PREFIX.search(text, max(lo, start - 40), start)
                g = {"prep": px.group("prep"), "fiscal": px.group("fiscal"), "y": g["y"]}
                start = px.start()
            if rule in _FILTERED and not _plausible(rule, g, text, start):
                continue
            found.append(_Match(rule, start, m.end(), text[start : m.end()], g))
    if not found:
        return []
    found.sort(key=lambda x: (x.start, -(x.end - x.start), _RULE_ORDER[x.rule]))
    chosen: list[_Match] = []
    for m in found:
        if chosen and m.start < chosen[-1].end:
            continue
        if (
            m.rule == "month"
            and (m.groups.get("m") or "").startswith("May")
            and not m.groups.get("prep")
        ):
            continue
        chosen.append(m)
    return chosen
