"""Each date's basis in plain words, for readers (students, teachers) rather than programmers.

What belongs here: turning an event's ``basis``, ``method``, ``anchor`` and ``confidence`` and
an article's ``published_basis`` into one sentence that says what the date rests on. No date
arithmetic (that is :mod:`.resolve`) and no display layout (that is the notebooks' display
layer).
"""

from __future__ import annotations

import pandas as pd

__all__ = ["explain_date", "explain_publication"]

_PUBLISHED = {
    "manifest": "the publication date given in the corpus's manifest",
    "url": "the date printed in the article's web address",
    "html": "the date in the web page's markup",
    "dateline": "the date in the article's dateline",
    "text": "a date stamp printed with the article",
    "inferred": "a publication range worked out from other articles of the same story",
    "unknown": "an unknown publication date",
}

_RULES = {
    "weekday": "a weekday",
    "month-day": "a day and month",
    "day-month": "a day and month",
    "weekday-date": "a weekday with its date",
    "month": "a month",
    "month-bare": "a month",
    "relative": "a word such as 'yesterday' or 'last week'",
    "period": "a phrase such as 'this year' or 'last month'",
    "ago": "a phrase such as 'three days ago'",
    "qualified": "a part of a period, such as 'early 2009'",
    "season": "a season",
    "year": "a year",
    "month-year": "a month and year",
    "iso": "a full date",
    "numeric": "a date written in numbers",
    "dateline": "the dateline",
    "holiday": "a holiday",
    "quarter": "a quarter of a year",
    "anaphoric": "a phrase such as 'that day' or 'later that year'",
    "at-the-time": "the phrase 'at the time'",
}

#: Why a date expression could not be placed, by the end of its method name.
_NOT_PLACED = {
    "holiday-ambiguous": (
        "the holiday falls on different days in different countries, and the article does "
        "not say which country it means"
    ),
    "holiday-moving": (
        "the holiday follows a lunar calendar, so its day changes every year and is not "
        "worked out here"
    ),
}


def _rule_of(method: str) -> str:
    for key in sorted(_RULES, key=len, reverse=True):
        if method.startswith(key):
            return _RULES[key]
    return "a date expression"


def _level(conf) -> str:
    if conf is None or pd.isna(conf):
        return "unknown"
    conf = float(conf)
    return "high" if conf >= 0.8 else "medium" if conf >= 0.5 else "low"


def explain_date(row) -> str:
    """One sentence on what an event's date rests on (``row``: a row of ``events``).

    Example: "Dated from a weekday ('on Tuesday') counted back from the date in the article's
    web address (past tense); confidence medium."
    """
    get = row.get if hasattr(row, "get") else lambda k, d=None: getattr(row, k, d)
    basis = str(get("basis", "none") or "none")
    method = str(get("method", "") or "")
    text = str(get("date_text", "") or "")
    quoted = f" ('{text}')" if text else ""
    conf = f"; confidence {_level(get('confidence'))}"
    if basis == "none":
        if method == "undated":
            return "Not dated: the sentence has no date expression."
        why = next((w for k, w in _NOT_PLACED.items() if method.startswith(k)), "")
        if why:
            return f"Not dated: {_rule_of(method)}{quoted} could not be placed: {why}."
        return f"Not dated: {_rule_of(method)}{quoted} could not be placed on the calendar."
    if basis == "explicit":
        return f"Dated by the text itself{quoted}: it gives the year{conf}."
    if basis.startswith("event:"):
        return (
            f"Dated from {_rule_of(method)}{quoted} counted from the date of the statement it "
            f"sits in{conf}."
        )
    if basis.startswith("published:"):
        pub = _PUBLISHED.get(basis.split(":", 1)[1], "the publication date")
        if method == "publication-default":
            return f"No date in the sentence: the statement was made no later than {pub}{conf}."
        direction = (
            " (future tense: the next such day)"
            if "future" in method
            else " (past tense: the last such day)"
            if method.startswith("weekday")
            else ""
        )
        return f"Dated from {_rule_of(method)}{quoted} counted from {pub}{direction}{conf}."
    return f"Dated from {basis}{quoted}{conf}."


def explain_publication(published_basis: str, evidence: str | None = None) -> str:
    """One sentence on what an article's publication date rests on."""
    what = _PUBLISHED.get(str(published_basis or "unknown"), str(published_basis))
    if published_basis in (None, "unknown"):
        return "Publication date unknown: nothing in the article or its story gives one."
    out = f"Published: from {what}."
    if evidence:
        out += f" Evidence: {evidence}"
    return out
