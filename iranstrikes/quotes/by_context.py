"""Quotations attributed by their context, with no reporting verb of their own.

What belongs here: a partial quote whose sentence refers back to the previous paragraph's
speaker by a pronoun ("... for “X” who he defined as ..."), and a quotation that opens a
sentence right after its speaker's gesture ("He smiled. “I cannot comment.”"). Each is a pure
function of the article's reading; :func:`.direct._direct` tries them when no cue attributes
the quotation.
"""

from __future__ import annotations

import re

from .. import resources as _resources
from .article import _Article
from .indirect import _CONTEXT_PRONOUN_RE
from .lexicon import _PRONOUNS
from .segment import _Quote, _Stmt

#: A sentence that is a person and a gesture: "He smiled.", "Vik shrugged.", ", she laughed."
#: (after a fronted clause's comma at most), right before a quotation.
_ACTION_BEAT_RE = re.compile(
    r"(?:^|,\s+)(?P<np>[Hh]e|[Ss]he|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+"
    r"(?:[a-z]+ly\s+)?(?P<verb>"
    + "|".join(sorted(_resources.word_set("gesture_verbs"), key=len, reverse=True))
    + r")\.\s*$"
)


def _action_beat(art: _Article, q: _Quote, qs: int, qe: int, sent: tuple[int, int]):
    """A quotation opening a sentence right after a gesture of its speaker ("He smiled. “...”").

    The previous sentence of the paragraph ends in a person and a gesture verb
    (``gesture_verbs.txt``); that person speaks. None otherwise.
    """
    ps = art.paras[q.para][0]
    prev_end = q.open_pos
    prev_start = max(ps, q.open_pos - 200)
    for st in reversed(art.sents):
        if st[1] <= q.open_pos and st[0] >= ps:
            prev_start = max(prev_start, st[0])
            break
    bm = _ACTION_BEAT_RE.search(art.masked, prev_start, prev_end)
    if bm is None or bm.start("np") < ps:
        return None
    return _Stmt("direct", qs, qe, bm.span("verb"), bm.span("np"), sent, "action_beat", 0.5)


def _partial_context(
    art: _Article,
    q: _Quote,
    qs: int,
    qe: int,
    sent: tuple[int, int],
    last_direct: _Stmt,
) -> _Stmt | None:
    """A partial quote attributed by context ("... for "X" who he defined as ...").

    The previous paragraph quotes the speaker and the quote's own sentence refers to them
    only by a personal pronoun with a verb.

    The sentence must have no reporting cue, no person name and no outlet outside the quote, so
    that the pronoun can only point back to the surrounding speaker.

    Returns:
        The partial statement, or None when the context does not support it.
    """
    ss, se = sent
    m = art.masked
    if art.cues(ss, se) or any(ss <= a < se for a, _b, _n in art.person_mentions):
        return None
    if any(o[0] < se and o[1] > ss for o in art.outlets):
        return None
    pm = None
    for mt in _CONTEXT_PRONOUN_RE.finditer(m, ss, se):
        if mt.start() >= q.close_pos:  # the pronoun speaks about the quoted fragment
            pm = mt
            break
    if pm is None or len(m[ss : q.open_pos].split()) < 2:
        return None
    prev = last_direct.subj
    if prev is not None:
        want = _PRONOUNS.get(m[prev[0] : prev[1]].strip().lower())
        got = _PRONOUNS.get(pm.group(0).split()[0].lower())
        if want in {"m", "f"} and want != got:
            return None
    stmt = _Stmt(
        "partial",
        qs,
        qe,
        (pm.start(1), pm.end(1)),
        last_direct.subj,
        sent,
        "partial-context",
        0.5,
        apposition=last_direct.apposition,
    )
    stmt.extra["prev"] = last_direct
    stmt.subj_from = -2
    return stmt
