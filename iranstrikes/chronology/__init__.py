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
    * A past-tense weekday is the most recent such day on or before the anchor (the same day
      when the weekdays agree); a future-tense weekday is the next one on or after it.
    * Statements without any date expression are kept with ``NaT`` dates and basis ``none``
      (so that "not dated" can be counted). They inherit the publication date only when
      ``extract_events(..., default_to_publication=True)`` is asked for, and then with method
      ``publication-default`` and confidence 0.2: a report dates the statement no later than
      the publication, not on it.
    * Nothing is guessed silently: ``basis`` says what a date rests on, ``anchor`` names it,
      ``method`` names the rule, and conflicting dates are listed, never resolved.

Modules: :mod:`.expressions` (the rule engine), :mod:`.resolve` (intervals, anchors, tense),
:mod:`.actors` (sentences, cues, actors), :mod:`.events` (per article), :mod:`.grouping`,
:mod:`.timeline` (conflicts, timeline) and :mod:`.inference` (undated articles). This package
re-exports every name other modules use.
"""

from __future__ import annotations

from .events import _event_records, _events_from_records, extract_events
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
    "extract_events",
    "find_conflicts",
    "group_events",
    "infer_publication_dates",
    "merge_timeline",
    "resolve_expression",
    "resolve_weekday",
]
