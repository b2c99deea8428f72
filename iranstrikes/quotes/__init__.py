"""Rule-based extraction of attributed statements (quotes) from English news text.

This subpackage owns everything about finding *who said what* in one article:

* **direct** quotes (quotation-marked speech with an attribution before, after or around it,
  or continuing the previous speaker),
* **indirect** (reported) speech (``X said (that) ...``, ``..., X told reporters``,
  ``according to X, ...``, ``X denied/rejected/blamed ...``),
* **partial** quotes (a quoted fragment inside reported speech).

Speakers are resolved to the fullest name seen in the article (titles stripped), through
pronouns (with gender cues) and descriptive noun phrases ("the senior official"), and typed as
person / anonymous / institution / media / unknown. Intermediary outlets ("told Reuters",
"as quoted by AFP", "the newspaper quoted X as saying", "<Outlet> reports:" blocks) are put in
``via``, canonicalised through the gazetteer ``reference/outlets.csv``.

Everything here is general English/news-language knowledge (reporting verbs, titles,
anonymous-source patterns); no article-specific facts. The entry point is the pure function
:func:`extract_quotes`.

Layout (each module says what belongs in it): :mod:`.lexicon` (word lists from
``iranstrikes/resources/`` and the patterns built from them), :mod:`.outlets` (the outlet
gazetteer), :mod:`.segment` (paragraphs, quotation spans, sentences), :mod:`.phrases`
(subject and noun-phrase finders), :mod:`.article` (the per-article context), :mod:`.cues`
(whether a verb is a reporting cue in its context), :mod:`.cue_context` (readers of the words
around a cue), :mod:`.clauses` (where a clause's content ends), :mod:`.speaker_types` (what
kind of source a speaker is), :mod:`.indirect` (reported speech), :mod:`.forms` ("according to
X", "citing X", passive questions), :mod:`.direct` (quotation-marked speech), :mod:`.resolve`
(speakers and intermediaries through the story), :mod:`.speakers` (speakers checked against the
shared text model :mod:`iranstrikes.text`), :mod:`.spans` (the last cut of speaker spans) and
:mod:`.frame` (the public entry points).
"""

from __future__ import annotations

from .frame import (
    QUOTE_COLUMNS,
    extract_quotes,
    quote_columns,
)
from .frame import (
    _frame_from_columns as _frame_from_columns,
)
from .frame import (
    _str_array as _str_array,
)
from .outlets import canonical_outlet, load_outlets

__all__ = ["QUOTE_COLUMNS", "extract_quotes", "quote_columns", "canonical_outlet", "load_outlets"]
