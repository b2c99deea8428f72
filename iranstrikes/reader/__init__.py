"""The reader-facing display layer: tables in words, for students and teachers.

What belongs here: the public names of the layer. :mod:`.words` holds the table object and
the words, dates and labels; :mod:`.tables` the tables built from a corpus's frames. Every
table shows words, not internal ids: articles as "Outlet, 3 Dec 2014", dates without times,
claims numbered and in full, stances as "says yes / says no", the basis and confidence of each
date explained, full text wrapped and left-aligned, no index. The raw frame stays one call
away (``table.data``, or the frame on the corpus).
"""

from __future__ import annotations

from .tables import (
    articles_table,
    chains_table,
    close_reading_table,
    conflicts_table,
    context_table,
    contradictions_table,
    date_reasons_table,
    dated_statements_table,
    dating_table,
    finding,
    finding_sentences,
    headline_exhibit,
    omissions_table,
    problems_table,
    quotes_table,
    rules_score_table,
    source_mix_table,
    stances_table,
    summary,
    travelling_table,
)
from .words import (
    SOURCE_TYPES,
    UNKNOWN_DATE,
    UNKNOWN_OUTLET,
    Table,
    article_labels,
    article_refs_in_words,
    claim_names,
    claims_key,
    confidence_words,
    day,
    day_range,
    glossary,
    proposition_labels,
    sentence_around,
    speaker_names,
    words,
)

__all__ = [
    "articles_table",
    "chains_table",
    "close_reading_table",
    "conflicts_table",
    "context_table",
    "contradictions_table",
    "date_reasons_table",
    "dated_statements_table",
    "dating_table",
    "finding",
    "finding_sentences",
    "headline_exhibit",
    "omissions_table",
    "problems_table",
    "quotes_table",
    "rules_score_table",
    "source_mix_table",
    "stances_table",
    "summary",
    "travelling_table",
    "SOURCE_TYPES",
    "UNKNOWN_DATE",
    "UNKNOWN_OUTLET",
    "Table",
    "article_labels",
    "article_refs_in_words",
    "claim_names",
    "claims_key",
    "confidence_words",
    "day",
    "day_range",
    "glossary",
    "proposition_labels",
    "sentence_around",
    "speaker_names",
    "words",
]
