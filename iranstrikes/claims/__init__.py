"""Claims and stances: who affirmed or denied which proposition, and on what evidence.

What belongs here: the claims codebook (propositions and curated codings, read from a YAML
file), anchoring each coding's evidence in the article text, the ``stances`` frame, automatic
stance suggestions from general negation/affirmation rules (and their honest scoring against
the codebook), contradictions between speakers, whether headlines are supported by their
bodies, and export of coded claims as schema.org ClaimReview JSON-LD. Nothing about
particular articles or people lives here: those facts are in the codebook file.

A *stance* is a position toward a proposition ("Iran carried out the strikes"): ``affirms``,
``denies`` or ``neither`` (the statement addresses the proposition but takes no side, e.g.
"could not confirm"). The distinction this module exists to teach is scope: denying
*coordination* with someone is not denying the *act*, and "did not deny X" is not a denial
of X.

All offsets are Python string indices into ``articles.body`` (or into ``articles.headline``
when ``evidence_in`` says so). Outputs are sorted; nothing depends on dict or set order.

The subpackage's modules:

- :mod:`.codebook`: vocabularies, :func:`load_codebook`, :func:`load_coding_rules`, :func:`load_context`;
- :mod:`.coding`: evidence anchoring (:func:`find_span`, :func:`locate_evidence`) and
  :func:`code_stances`;
- :mod:`.suggest`: automatic suggestions (:func:`detect_stances`, :func:`suggest_stances`,
  :func:`score_suggestions`, :func:`combine_stances`);
- :mod:`.compare`: :func:`find_contradictions`, :func:`headline_support`;
- :mod:`.claimreview`: :func:`to_claimreview`, :func:`write_claimreview`.

Every name is importable from ``iranstrikes.claims`` as before the split.
"""

from __future__ import annotations

from .claimreview import to_claimreview, write_claimreview
from .codebook import (
    FORMS,
    ON_RECORD_TYPES,
    SOURCE_TYPES,
    SPEAKER_TYPES,
    STANCES,
    CodebookError,
    load_codebook,
    load_coding_rules,
    load_context,
)
from .coding import canonicalise, code_stances, find_span, locate_evidence
from .compare import find_contradictions, headline_support
from .suggest import combine_stances, detect_stances, score_suggestions, suggest_stances

__all__ = [
    "CodebookError",
    "SPEAKER_TYPES",
    "FORMS",
    "STANCES",
    "load_codebook",
    "load_coding_rules",
    "load_context",
    "canonicalise",
    "find_span",
    "locate_evidence",
    "code_stances",
    "detect_stances",
    "suggest_stances",
    "score_suggestions",
    "combine_stances",
    "find_contradictions",
    "headline_support",
    "to_claimreview",
    "write_claimreview",
]

# Also importable from ``iranstrikes.claims`` (as before the split).
_REEXPORTED = (ON_RECORD_TYPES, SOURCE_TYPES)
