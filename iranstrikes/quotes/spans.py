"""The last tidy step of speaker spans: no verb, dash or lone determiner is part of a speaker.

What belongs here: rules that end a speaker span, read by the rules and the text model, where
its noun phrase ends — after every other speaker step has run, so that no other rule sees a
different span. "The American Legion has twice [warned]" speaks as "The American Legion";
"GOP front-runner Donald Trump - who ... -" as "GOP front-runner Donald Trump"; a span that is
only "The" or "An" is no speaker at all (``unknown``, with the statement kept). Finding the
speaker is :mod:`.indirect`, :mod:`.direct` and :mod:`.speakers`; this module only cuts.
"""

from __future__ import annotations

import re

from .article import _Article
from .segment import _Stmt
from .speaker_types import _WHO_AFTER_RE, _classify

#: An auxiliary and the adverbs that stand between a subject and its verb, at the end of a
#: span ("has twice", "have in the past", "will not yet", "has been", "has nevertheless").
_AUX_TAIL_RE = re.compile(
    r"\s\s*(?:has|have|had|will|would|is|was|are|were|could|should|can|may|might|must|did|does|"
    r"do)(?:\s+(?:not|never|also|still|yet|twice|once|been|both|long|since|now|already|often|"
    r"sometimes|nevertheless|in\s+(?:the\s+past|fact|particular)|[a-z]+ly))*\s*$"
)  # (lower case only: "Theresa May", "George Will" end in names, not auxiliaries)
# (both tails open with "\s\s*", not "\s+": a pattern that opens with a class is scanned for
# fast, one that opens with a repeat is tried at every position)
#: A dash that dangles at the end of a span, or opens a relative clause set off after the
#: speaker ("X - who has said ... -"). (A noun phrase after a dash is left: "... left office
#: - the State Department" speaks as the phrase after it, which the rules read.)
_DASH_TAIL_RE = re.compile(
    r"\s\s*(?:--?|–|—)(?:\s+(?:who|whose|which|including)\b.*)?\s*(?:--?|–|—)?\s*$", re.S
)
#: Words that are no speaker on their own.
_LONE_RE = re.compile(r"(?i)(?:the|an?|this|that|these|those)")


def trim_speaker_tails(art: _Article, stmts: list[_Stmt]) -> None:
    """Cut each speaker span at the end of its noun phrase (in place; see the module doc)."""
    text = art.text
    for st in stmts:
        if not st.subj:
            continue
        ms, me = st.subj
        span = text[ms:me]
        # (a description widened over its aside keeps it: "Many speakers — including X —")
        new = span if st.extra.get("widened") else _DASH_TAIL_RE.sub("", span)
        new = _AUX_TAIL_RE.sub("", new).rstrip(" ,(")
        if new == span:
            if _LONE_RE.fullmatch(span.strip()) and not (
                st.speaker_type == "anonymous" and _WHO_AFTER_RE.match(art.masked, me)
            ):
                # (but "among those who say": the relative says who they are)
                st.subj, st.speaker, st.speaker_type = None, "", "unknown"
            continue
        if not new.strip() or _LONE_RE.fullmatch(new.strip()):
            st.subj, st.speaker, st.speaker_type = None, "", "unknown"
            continue
        st.subj = (ms, ms + len(new))
        if st.speaker and st.speaker.casefold() not in new.casefold():
            # the speaker was read from the words cut off: read it again from the new span
            spk, typ, _g = _classify(art, new, ms, ms + len(new))
            st.speaker, st.speaker_type = spk, typ
