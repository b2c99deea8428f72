"""Chronology: every statement and event dated, with its basis and its conflicts.

What belongs here: finding date expressions in article prose ("on Tuesday", "earlier this
week", "December 3", "since August"), resolving them to day-resolution intervals against an
anchor (the publication date, or another event), telling statements from events and naming
their actor, inferring the publication dates of undated articles from the corpus, listing
date conflicts, and merging reports of the same real-world event into a timeline. Nothing
about particular articles, people or outlets: only general rules of news prose.

Per-article (pure): :func:`extract_events`. Cross-article: :func:`infer_publication_dates`,
:func:`find_conflicts`, :func:`merge_timeline`, and the convenience :func:`build_chronology`
that chains them. Rule-level helpers :func:`resolve_expression` and :func:`resolve_weekday`
are public so that each rule can be tested on its own.

Conventions:
    * Every date is an interval ``[date_start, date_end]`` of whole days (equal for a single
      day). An anchor may itself be an interval (an inferred publication range); a rule is a
      monotone function of the anchor day, so the result is ``[f(lo).start, f(hi).end]``.
    * The tense of the clause a date sits in (``resources/tense_cues.csv``, ``past_verbs.txt``)
      decides past or future: a past-tense weekday is the most recent such day on or before
      the anchor (the same day when the weekdays agree), a future-tense one the next on or
      after it; a year-less date is the latest (past), the next (future) or, in the present
      tense, the nearest such date ("the contract may be signed on September 12" written on
      8 September is this year's; "markets remain closed until Friday" is the next Friday).
    * A bare year is the whole year ("in 2016" = 2016-01-01..2016-12-31), never 1 January; a
      month, a season, a week are their whole intervals; "early/mid/late X" and "the end of X"
      are parts of X (``resources/temporal_qualifiers.csv``).
    * Every date expression is kept: one that cannot be resolved has basis ``none``. A date
      printed on a line that is not prose (a page stamp, a dateline beside the lede's own
      date) is a row of kind ``stamp``, which the timeline and conflicts leave out.
    * Cross-article inference borrows days only from dated articles of the same story (they
      name the same people, directly or through other articles), never a year that the
      article's own dates or URL contradict, and no day from a bare year; otherwise
      ``unknown``. Its evidence names the link and a confidence.
    * Publication dates of one article (URL, HTML, dateline, stamp) are
      :mod:`.published`; the actor of an event is chosen in one place,
      :func:`.actors.choose_actor`.
    * Statements without any date expression are kept with ``NaT`` dates and basis ``none``
      (so that "not dated" can be counted). They inherit the publication date only when
      ``extract_events(..., default_to_publication=True)`` is asked for, and then with method
      ``publication-default`` and confidence 0.2: a report dates the statement no later than
      the publication, not on it.
    * Nothing is guessed silently: ``basis`` says what a date rests on, ``anchor`` names it,
      ``method`` names the rule, and conflicting dates are listed, never resolved.

Modules: :mod:`.expressions` (the rule engine), :mod:`.resolve` (intervals against anchors),
:mod:`.tense` (the tense of a date's clause), :mod:`.holidays` (named holidays and where they
apply), :mod:`.actors` (sentences, cues, actors), :mod:`.events` (per article),
:mod:`.quoteinput` (an article's quotes as the events read them), :mod:`.published`
(publication dates from URL, HTML, dateline), :mod:`.grouping`,
:mod:`.timeline` (conflicts, timeline) and :mod:`.inference` (undated articles). This package
re-exports every name other modules use.
"""

from __future__ import annotations

from .events import _event_records, _events_from_records, extract_events
from .explain import explain_date, explain_publication
from .frames import (
    BASIS_CONFIDENCE,
    CONFLICT_COLUMNS,
    DESCRIPTION_MAX,
    EVENT_COLUMNS,
    GENERIC_ACTOR_JACCARD,
    GROUP_WINDOW_DAYS,
    INFERRED_COLUMNS,
    SAME_EVENT_JACCARD,
    TIMELINE_COLUMNS,
)
from .grouping import group_events
from .inference import build_chronology, infer_publication_dates
from .resolve import resolve_expression, resolve_weekday
from .timeline import find_conflicts, merge_timeline

__all__ = [
    "BASIS_CONFIDENCE",
    "CONFLICT_COLUMNS",
    "DESCRIPTION_MAX",
    "EVENT_COLUMNS",
    "GENERIC_ACTOR_JACCARD",
    "GROUP_WINDOW_DAYS",
    "INFERRED_COLUMNS",
    "SAME_EVENT_JACCARD",
    "TIMELINE_COLUMNS",
    "_event_records",
    "_events_from_records",
    "build_chronology",
    "explain_date",
    "explain_publication",
    "extract_events",
    "find_conflicts",
    "group_events",
    "infer_publication_dates",
    "merge_timeline",
    "resolve_expression",
    "resolve_weekday",
]
