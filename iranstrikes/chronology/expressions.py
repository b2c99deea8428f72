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

from .. import resources as _resources

# --------------------------------------------------------------------------------------
# Date expressions
# --------------------------------------------------------------------------------------

_MONTH_NUM = {k: v for k, v in _resources.months().items() if len(k) == 3}
_WEEKDAY_NUM = {k: v for k, v in _resources.weekdays().items() if k.endswith("day")}
_NUMBER_WORDS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "couple of": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "few": 3,
    "several": 7,
}

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_WD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d{2}"
_ON = r"(?:(?i:on)\s+)?"

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
            rf"(?<!\w){_ON}(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?![\w%])(?:,?\s+(?P<y>{_YEAR})(?!\w))?",
        ),
        (
            "day-month",
            rf"(?<![\w/]){_ON}(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR})(?!\w))?",
        ),
        (
            "month-year",
            rf"(?<!\w)(?:(?P<prep>(?i:since|in|during|by|until|from|early|late|mid|earlier in|later in))"
            rf"[\s-]+)?(?P<m>{_MONTH})\s+(?P<y>{_YEAR})(?!\w)",
        ),
        (
            "year",
            rf"(?<!\w)(?P<prep>(?i:since|in|during|until|from|throughout))\s+(?P<y>{_YEAR})(?![\w/-])",
        ),
        (
            "month",
            rf"(?<!\w)(?P<prep>(?i:since|in|during|by|until|from|early|late|mid|earlier in|later in"
            rf"|last|this|next))[\s-]+(?P<m>{_MONTH})(?!\s*\d)",
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
            r"(?<!\w)(?P<n>\d+|(?i:a|one|two|three|four|five|six|seven|eight|nine|ten|few|several))"
            r"\s+(?P<unit>(?i:days?|weeks?))\s+(?i:ago)(?!\w)",
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
    *(k for k in _WEEKDAY_NUM),
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tomorrow",
    "week",
    "month",
    "year",
    "days",
    "recent",
    "past",
    "time",
}

_FUTURE = re.compile(
    r"(?<!\w)(?:will|would|shall|won't|'ll|(?:is|are|was|were) (?:due|set|scheduled|expected|going|"
    r"planning|slated) to|plans? to|intends? to|(?:is|are) to)(?!\w)",
    re.IGNORECASE,
)


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
_G_MONTH = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_G_REL = re.compile(r"(?i:day|week|month|year|tomorrow|night|morning|afternoon|evening)")
_G_AGO = re.compile(r"(?i:ago)")
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
)
# The only characters that a case-insensitive pattern matches to one of the (ASCII) letters
# of the words above but that ``str.lower`` does not turn into that letter. Without them,
# ``word in text.lower()`` is the same test as ``(?i:word)``, and ~5x cheaper.
_FOLD_ODD = re.compile("[\u0130\u0131\u212a]")
# The pieces each rule needs: digit, month (abbreviation), wd ("day", case-sensitive),
# rel (a relative-date word), ago, time.
_RULE_GATES: dict[str, tuple[str, ...]] = {
    "iso": ("digit",),
    "numeric": ("digit",),
    "weekday-date": ("wd", "month", "digit"),
    "month-day": ("month", "digit"),
    "day-month": ("month", "digit"),
    "month-year": ("month", "digit"),
    "year": ("digit",),
    "month": ("month",),
    "relative": ("rel",),
    "ago": ("ago", "rel"),
    "at-the-time": ("time",),
    "weekday": ("wd",),
}
_GATED_RULES = tuple((name, rx, _RULE_GATES[name]) for name, rx in _RULES)


def _date_pieces(text: str, lo: int = 0, hi: int | None = None) -> dict[str, bool] | None:
    """Which pieces of date expressions ``text[lo:hi]`` holds (see :data:`_RULE_GATES`).

    None when it holds none: then neither it nor any part of it holds a date expression.
    """
    hi = len(text) if hi is None else hi
    span = text[lo:hi]
    if span.isascii() or not _FOLD_ODD.search(span):
        low = span.lower()
        rel = any(w in low for w in _REL_WORDS)
        ago, time_ = "ago" in low, "time" in low
    else:
        rel = _G_REL.search(span) is not None
        ago, time_ = _G_AGO.search(span) is not None, _G_TIME.search(span) is not None
    has = {
        "digit": _G_DIGIT.search(span) is not None,
        "month": _G_MONTH.search(span) is not None,
        "wd": "day" in span,
        "rel": rel,
        "ago": ago,
        "time": time_,
    }
    return has if any(has.values()) else None


def _find_dates(
    text: str, lo: int = 0, hi: int | None = None, pieces: dict | None | bool = True
) -> list[_Match]:
    """Return non-overlapping date expressions in ``text[lo:hi]`` (absolute offsets).

    ``pieces``: the :func:`_date_pieces` of the span when already known.
    """
    hi = len(text) if hi is None else hi
    has = _date_pieces(text, lo, hi) if pieces is True else pieces
    if has is None:  # (most sentences)
        return []
    found: list[_Match] = []
    for name, rx, gates in _GATED_RULES:
        if all(has[g] for g in gates):
            for m in rx.finditer(text, lo, hi):
                found.append(_Match(name, m.start(), m.end(), m.group(0), m.groupdict()))
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
