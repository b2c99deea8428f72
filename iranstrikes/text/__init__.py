"""The shared text model: one per article, pure and fast ("who is this?").

What belongs here: everything about the structure of one article that several readers need —
quotes (speakers), people (canonical names) and chronology (event actors):

* :mod:`.segment` — masks, paragraphs, quotation pairing and sentences, with offsets;
* :mod:`.mentions` — names, titles + names, descriptions, pronouns, organisations, states and
  outlets, with head word, gender and number;
* :mod:`.entities` — mention clusters through the story (names, apposition, descriptions,
  pronouns with salience, lede cataphora), each tie recorded as a rule;
* :mod:`.model` — :class:`TextModel` and :func:`model`, with headline, dateline and byline
  regions marked.

Usage::

    from iranstrikes import text
    tm = text.model(article_text)
    ent = tm.entity_at(offset)            # who is the mention at this offset?
    actor = tm.subject_entity(i, verb_start)  # who does the verb at verb_start?
    ent.name, ent.kind                     # canonical name within the article, its kind

All word knowledge lives in ``iranstrikes/resources/``.
"""

from __future__ import annotations

from .entities import ENTITY_KINDS, Entity
from .mentions import Mention
from .model import REGIONS, Span, TextModel, model

__all__ = ["model", "TextModel", "Entity", "Mention", "Span", "ENTITY_KINDS", "REGIONS"]
