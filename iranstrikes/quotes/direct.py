"""Direct and partial quotes: quotation-marked speech and its attribution.

What belongs here: attributing each quotation (cue before, after or around it, or the previous
speaker continuing), partial quotes inside reported speech, and trimming quote spans. The
attributions by context alone (a pronoun, a gesture) are in :mod:`.by_context`.
"""

from __future__ import annotations

import bisect
import re

from .. import resources as _resources
from ..text.segment import strip_blanks
from .article import (
    _Article,
)
from .by_context import _action_beat, _partial_context
from .cue_context import (
    _INVERTIBLE,
    _SENT_SUBJ_RE,
    _coordinated,
    _passive_quoted_by,
    _sentence_of,
    gerund_agent,
)
from .cues import _cue_ok
from .forms import _DATE_WORDS, _FINITE_RE
from .lexicon import (
    _FORM2LEMMA,
    _NOUNISH_S,
    _PRONOUNS,
    _QUOTED_AS_RE,
    _RX55,
    _RX56,
    _RX57,
    _RX58,
    _RX60,
    _may_quote_as,
    word_before,
)
from .noun_phrases import (
    _np_after,
)
from .phrases import (
    _PREP_START_RE,
    _subject,
)
from .segment import (
    _Quote,
    _Stmt,
)
from .speaker_types import _classify

#: After a closing quotation mark: a comma, then a capitalised word, maybe after "a/an/the"
#: and one modifier ('“...,” an angry Hollande retorted', '“...,” Trump went on').
_NAMED_LEAD = r"(?:(?:an?|the)\s+(?:[a-z]+\s+)?)?[A-Z][a-z]"
_NAMED_AFTER_RE = re.compile(r"[,\s]*" + _NAMED_LEAD)


#: '“...,” an angry Orr retaliated.' / '“...” Orr notes.': a name (or a description of one
#: name) and one lower-case verb ending the clause.
_NAMED_SPEAKER_AFTER_RE = re.compile(
    r"[,\s]*(?P<np>" + _NAMED_LEAD + r"[\w'’-]*(?:\s+[A-Z][\w'’.-]*)*)"
    r"\s+(?P<verb>[a-z]+)(?:\s+[a-z]+ly)?\s*[.,;]"
)


def _comma_closes(art: _Article, q: _Quote) -> bool:
    """A comma ends the (closed) quotation, just inside or just after its closing mark."""
    return q.closed and "," in art.text[q.close_pos - 1 : q.close_pos + 2]


def _named_after(art: _Article, q: _Quote, se: int) -> bool:
    """A comma ends the quotation and someone is named right after it, in its sentence."""
    return (
        _comma_closes(art, q) and _NAMED_AFTER_RE.match(art.masked, q.close_pos + 1, se) is not None
    )


#: Before a lead-in sentence's subject: a fronted phrase and its comma at most, then up to
#: three title words ("Following the reports, chairman [Dieter Zetsche]", "Sen. [X]").
_LEAD_IN_PREFIX_RE = re.compile(r"\s*(?:[^;:]{0,200},\s+)?(?:(?:[a-z]+|[A-Z][a-z]{1,4}\.)\s+){0,3}")
#: After it: its verb (a lower-case word; not a possessive, a name or a modifier's noun).
_LEAD_IN_VERB_RE = re.compile(r"\s+(?:also\s+|then\s+|later\s+)?[a-z]+(?:ed|s)\b")


def _lead_in(art: _Article, base: _Stmt, ss: int) -> tuple[int, int] | None:
    """The one person a narrative sentence between a speaker's quotation and ``ss`` names.

    The sentence right before ``ss``, after ``base``'s sentence, with no quotation mark: when
    it names exactly one person, who is not ``base``'s speaker, that person's mention (the
    first); else None (the previous speaker goes on).
    """
    k = bisect.bisect_left(art.sents, (ss,)) - 1
    if k < 0:
        return None
    ps, pe = art.sents[k][0], art.sents[k][1]
    m = art.masked
    if ps < base.sent[1] or pe > ss or any(c in m[ps:pe] for c in '"“”'):
        return None
    names = _people_in(art, ps, pe)
    if len(names) != 1 or base.subj is None:
        return None
    name, span = next(iter(names.items()))
    if not _LEAD_IN_PREFIX_RE.fullmatch(m, ps, span[0]) or not _LEAD_IN_VERB_RE.match(m, span[1]):
        return None  # the person is no subject ("And it threw Santilli", "the Trump face")
    said = art.canonical_person(art.masked[base.subj[0] : base.subj[1]])
    if said is None:
        # a description speaks ("said the strategist, Tim Ghriskey"): anyone its sentence
        # names may be the one it describes
        return None if name in _people_in(art, *base.sent) else span
    return None if said == name else span


def _people_in(art: _Article, lo: int, hi: int) -> dict[str, tuple[int, int]]:
    """The people named in ``masked[lo:hi]``: canonical name -> first mention's span."""
    pm = art.person_mentions
    i = bisect.bisect_left(pm, (lo, -1, ""))
    names: dict[str, tuple[int, int]] = {}
    while i < len(pm) and pm[i][0] < hi:
        names.setdefault(pm[i][2], (pm[i][0], pm[i][1]))
        i += 1
    return names


def _statement_before(
    art: _Article, indirect: list[_Stmt], last_direct: _Stmt | None, ss: int, para: int
) -> _Stmt | None:
    """The main statement of the last earlier sentence that has one (this or the last paragraph).

    Of that sentence's statements, the one with the first cue: a later one is often nested
    ("X stated that the IG's report “wasn't good.”").

    ``last_direct`` is the last direct quote so far; ``indirect`` the article's reported speech.
    """
    floor = art.paras[max(0, para - 1)][0]
    cands = [s2 for s2 in indirect if floor <= s2.sent[0] and s2.sent[1] <= ss]
    if last_direct is not None and floor <= last_direct.sent[0] < ss:
        cands.append(last_direct)
    if not cands:
        return None
    last = max(s2.sent[0] for s2 in cands)
    return min((s2 for s2 in cands if s2.sent[0] == last), key=lambda s2: s2.cue[0])


def _direct(art: _Article, indirect: list[_Stmt]) -> list[_Stmt]:
    """Attribute each quotation-marked span: direct quote, partial quote or skip."""
    m = art.masked
    out: list[_Stmt] = []
    by_para: dict[int, list[_Quote]] = {}
    k_in_para: list[int] = []  # position of each quote among its paragraph's quotes
    for q in art.quotes:
        lst = by_para.setdefault(q.para, [])
        k_in_para.append(len(lst))
        lst.append(q)
    # statements by sentence start: the look-ups below stay within one (bounded) sentence
    ind_by_sent: dict[int, list[_Stmt]] = {}
    for s2 in indirect:
        ind_by_sent.setdefault(s2.sent[0], []).append(s2)
    out_by_sent: dict[int, list[_Stmt]] = {}
    last_direct: _Stmt | None = None
    last_direct_para = -10
    # an unattributed quotation since last_direct, with someone named right after it
    # ('“...,” an angry Hollande retorted.'): another speaker may have taken over
    other_voice = False
    for qi, q in enumerate(art.quotes):
        ss, se, _ = _sentence_of(art, q.open_pos)
        para_quotes = by_para[q.para]
        k = k_in_para[qi]
        nxt_open = para_quotes[k + 1].open_pos if k + 1 < len(para_quotes) else art.paras[q.para][1]
        prv_close = para_quotes[k - 1].close_pos + 1 if k > 0 else art.paras[q.para][0]
        qs, qe = strip_blanks(art.text, q.start, q.end)
        if qe <= qs:
            continue
        stmt: _Stmt | None = None
        deferred: _Stmt | None = None
        # 1) attribution after the quote
        after_lo = q.close_pos + 1 if q.closed else q.end
        after_hi = min(nxt_open, max(se, after_lo))
        if q.closed and se <= after_lo + 1 and m[q.close_pos - 1 : q.close_pos] in ("?", "!", "."):
            # '“... ?” Mrs. X asked.': the quotation's last mark ended the sentence, so its
            # attribution is the next one (a cue at its start, checked in _after_attr)
            after_hi = _next_sentence_end(art, after_lo, q.para, nxt_open)
            new_sentence = after_hi > after_lo
        else:
            new_sentence = False
        frag = m[after_lo:after_hi]
        am = _RX55.match(frag)
        start_np = after_lo + am.end()
        if q.closed:
            stmt = _after_attr(art, q, qs, qe, start_np, after_hi, (ss, se), new_sentence)
            if (
                stmt is not None
                and new_sentence
                and stmt.method == "cue_after_quote"
                and m[q.close_pos - 1] == "."
                and last_direct_para == q.para
                and _CLAUSE_AFTER_CUE_RE.match(m, stmt.cue[1])
            ):
                # '“A,” X told reporters. “B.” Y said he would ...': the next sentence's cue
                # has its own clause; the quotation goes on with X's words (continuation)
                stmt = None
            if (
                stmt is not None
                and new_sentence
                and (
                    k + 1 < len(para_quotes)
                    and _INTRODUCES_NEXT_RE.fullmatch(m, stmt.cue[1], nxt_open)
                    or _INTRODUCED_RE.search(m, max(ss, prv_close, q.open_pos - 3), q.open_pos)
                )
                and any(True for _c in art.cues(max(ss, prv_close), q.open_pos))
            ):
                # 'X responds with, “Why now?” Mills then writes back, “You look cute.”',
                # 'telling her, “...!” She replied': the next sentence's cue introduces the
                # quotation after it, or this one is introduced by a comma or a colon after
                # a cue before it; that cue attributes it first
                deferred, stmt = stmt, None
            lead_txt = m[max(ss, prv_close) : q.open_pos].rstrip()
            if (
                stmt is not None
                and len(_RX56.findall(lead_txt)) >= 3
                and lead_txt[-1:] not in ",:—–"
            ):
                stmt.kind = "partial"
                stmt.method = "partial_before_cue"
                if (
                    new_sentence
                    or _NEW_CLAUSE_RE.match(m, after_lo, stmt.cue[0])
                    or _inside_earlier_statement(ind_by_sent.get(ss, []), q, stmt.cue)
                ):
                    # 'X called it “a disgrace.” Y said ...', 'X accused him of “lying” and Y
                    # says ...', 'After X said A at “B,” Y said ...': the cue after a partial
                    # quote opens a new statement (or the quote sits in the content of an
                    # earlier cue); it attributes the quote only when no host holds it
                    deferred, stmt = stmt, None
        # 2) attribution before the quote (same sentence)
        before = None
        lo = max(ss, prv_close)
        pre = m[lo : q.open_pos]
        for c in reversed(list(art.cues(lo, q.open_pos))):
            if not _cue_ok(m, c, lo if lo == ss else ss):
                continue
            tail = m[c.end() : q.open_pos]
            lemma = _FORM2LEMMA.get(c.group(0).lower(), "say")
            tl = tail.strip()
            ok = (
                # a tail ending in "that" may hold a hearer and an adjunct ("telling
                # supporters after his victory in the X primary that “...”")
                len(tail.split()) <= (14 if tl.endswith("that") else 9)
                and (
                    tl == ""
                    or tl.endswith((",", ":", "that", "—"))
                    or lemma == "tell"
                    and len(tail.split()) <= 4
                )
                and not _RX57.search(tl[:-4] if tl.endswith("that") else tl)
                # "Pollsters agree - Carl Bialik: “...”": the name the dash sets off before
                # the colon introduces the quotation (a colon intro), not the cue before it
                and not _DASH_NAME_COLON_RE.search(tail)
            )
            if not ok:
                break
            wl = c.group(0).lower()
            subj, appos = (None, "")
            lead = m[lo : c.start()]
            # "X said ... and added, “...”": a cue coordinated with an earlier verb has that
            # verb's subject, not the last noun before it
            coord = _coordinated(lead)
            if (
                lead.rstrip().endswith(",")
                and not wl.endswith("ing")
                and lemma in _INVERTIBLE
                and tl.endswith((",", ":"))
                and _INVERTED_NAME_RE.match(tl)
                and tl.split()[0].strip(",:").lower() not in _TIME_NAMES
            ):
                # "The schedule was set early, explained Rosenberg, “...”": an inverted cue
                # between a clause and the quotation; the name after it speaks
                subj, appos = _np_after(m, c.end(), q.open_pos)
            if subj is None and wl.endswith("ing"):
                # "What do you think of Carson privately saying “...”": the gerund's agent
                subj = gerund_agent(m, c.start(), lo)
            if subj is not None:
                pass
            elif lead.strip() and not wl.endswith("ing") and not coord:
                subj, appos = _subject(m, lo, c.start())
            elif not lead.strip() and c.group(0)[:1].isupper() and not wl.endswith("ing"):
                # 'Said Comey, “...”': a sentence-initial cue with its subject after it
                subj, appos = _np_after(m, c.end(), q.open_pos)
            before = _Stmt(
                "direct",
                qs,
                qe,
                (c.start(), c.end()),
                subj,
                (ss, se),
                "cue_before_quote",
                0.85,
                apposition=appos,
            )
            if tl.endswith("that") and subj is not None:
                before.extra["that_clause"] = True
            if subj is None:
                # participle/coordination: speaker of the previous statement in the sentence
                prev = [
                    s2
                    for s2 in out_by_sent.get(ss, []) + ind_by_sent.get(ss, [])
                    if s2.cue[0] < c.start()
                ]
                if prev:
                    before.subj_from = -2
                    before.extra["prev"] = max(prev, key=lambda s2: s2.cue[0])
                elif wl.endswith("ing") and not m[ss : c.start()].strip():
                    # "Adding, “...”" opens the sentence: the speaker of the statement just
                    # before it (same or previous paragraph) goes on speaking
                    ref = _statement_before(art, indirect, last_direct, ss, q.para)
                    if ref is None:
                        before = None
                    else:
                        before.subj_from = -2
                        before.extra["prev"] = ref
                elif (wl.endswith("ing") or coord) and pre.strip():
                    # "X laughed, saying, “...”", "X declined ... but said": the sentence
                    # subject speaks (quotes.speakers)
                    before.conf = 0.5
                else:
                    before = None
            break
        that_clause = before is not None and before.extra.pop("that_clause", False)
        if stmt is not None and that_clause and stmt.method == "partial_before_cue":
            # 'Even as X claimed that “...,” one of Y's lawyers said ...': the quotation is
            # the that-clause of the cue before it, not the later cue's object
            stmt = before
        elif stmt is not None and before is not None:
            sp_type = (
                _classify(art, m[stmt.subj[0] : stmt.subj[1]], *stmt.subj)[1] if stmt.subj else ""
            )
            if sp_type == "media":
                before.via = stmt.subj
                stmt = before
        elif stmt is None and before is not None:
            stmt = before
        if stmt is None:
            # 3) previous paragraph ends with "X said:" / colon intro in same paragraph
            ps = art.paras[q.para][0]
            if q.open_pos - ps < 3 and q.para > 0:
                pps, ppe = art.paras[q.para - 1]
                if m[ppe - 1] == ":":
                    c = None
                    for c2 in art.cues(pps, ppe):
                        if _cue_ok(m, c2, pps):
                            c = c2
                    if c is not None and len(m[c.end() : ppe].split()) <= 6:
                        subj, appos = _subject(m, _sentence_of(art, c.start())[0], c.start())
                        if subj:
                            stmt = _Stmt(
                                "direct",
                                qs,
                                qe,
                                (c.start(), c.end()),
                                subj,
                                (ss, se),
                                "cue_previous_paragraph",
                                0.75,
                                apposition=appos,
                            )
        if stmt is None and q.closed:
            # 3b) "NAME: “...”": a quotation introduced by a colon right after a name or a
            # description (roundups, interviews), no reporting verb
            stmt = _colon_intro(art, q, qs, qe, (ss, se), prv_close)
        if stmt is None:
            # 4) partial quote inside reported speech
            in_sent = ind_by_sent.get(ss, [])
            host = [s2 for s2 in in_sent if s2.start <= q.open_pos and q.end <= s2.end + 2]
            if not host:
                host = in_sent
            if host:
                h = host[0]
                stmt = _Stmt(
                    "partial",
                    qs,
                    qe,
                    h.cue,
                    h.subj,
                    (ss, se),
                    "partial_in_reported_speech",
                    0.7,
                    subj_from=h.subj_from,
                    apposition=h.apposition,
                )
                stmt.extra["host"] = h
                stmt.via = h.via
                if h.method == "according_to" and q.open_pos <= h.start + 1:
                    # "According to X: “...”": the quotation is the whole statement
                    stmt.kind, stmt.method = "direct", "according_to_quote"
        if stmt is None and deferred is not None:
            stmt = deferred
        starts_para = q.open_pos - art.paras[q.para][0] < 3
        handoff = None
        if stmt is None and starts_para and q.para > 0 and last_direct is not None:
            # 'Kerry said that 100,000 would be accepted.¶“That adds up ...”': a statement
            # reported in the paragraph before (after the last quotation) hands the floor to
            # its speaker; the quotation opening the next paragraph goes on with it
            ref = _statement_before(art, indirect, last_direct, ss, q.para)
            if (
                ref is not None
                and ref is not last_direct
                and ref.kind == "indirect"
                and ref.subj is not None
                and ref.sent[0] >= art.paras[q.para - 1][0]
                and ref.sent[0] > last_direct.end
            ):
                handoff = ref
        if stmt is None and last_direct is not None:
            # 5) continuation of the previous speaker: quote opens a paragraph/sentence
            prev_unclosed = qi > 0 and not art.quotes[qi - 1].closed
            same_para = last_direct_para == q.para
            if (starts_para and (q.para - last_direct_para <= 1 or prev_unclosed)) or (
                same_para and q.open_pos - ss < 3
            ):
                base = handoff or last_direct
                stmt = _Stmt(
                    "direct",
                    qs,
                    qe,
                    base.cue,
                    base.subj,
                    (ss, se),
                    "continuation",
                    0.6,
                    apposition=base.apposition,
                )
                stmt.extra["prev"] = base
                stmt.subj_from = -2
                lead = _lead_in(art, base, ss)
                if lead is not None:
                    # '“...,” said X. Chairman Dieter Zetsche denied the reports. “We do not
                    # ...”': the one person the sentence between them names speaks now
                    stmt.subj, stmt.subj_from, stmt.apposition = lead, None, ""
                    stmt.method = "lead_in"
                    del stmt.extra["prev"]
                named = (
                    _NAMED_SPEAKER_AFTER_RE.match(m, q.close_pos + 1, se)
                    if _comma_closes(art, q)
                    else None
                )
                if named is not None:
                    # '“...,” an angry Orr retaliated.': the one named after it speaks
                    stmt.subj, stmt.cue = named.span("np"), named.span("verb")
                    stmt.subj_from, stmt.apposition, stmt.method = None, "", "cue_after_quote"
                    del stmt.extra["prev"]
                    other_voice = False
                elif other_voice or _named_after(art, q, se):
                    # not necessarily the previous speaker any more: unknown, not a guess
                    other_voice = True
                    stmt.subj, stmt.subj_from, stmt.apposition = None, None, ""
                    del stmt.extra["prev"]
        if stmt is None and last_direct is not None and q.para - last_direct_para == 1:
            # 6) a quoted fragment in a sentence with no reporting verb but a personal pronoun
            # for the speaker of the previous paragraph's quote ("... for "X" who he defined
            # as ..."): a partial quote of that speaker, with lower confidence.
            stmt = _partial_context(art, q, qs, qe, (ss, se), last_direct)
        if stmt is None and q.closed and q.open_pos - ss < 3:
            stmt = _action_beat(art, q, qs, qe, (ss, se))
        qas = next(
            (
                s2
                for s2 in ind_by_sent.get(ss, ())
                if s2.method.startswith("quoted_as_saying") and s2.start == q.open_pos
            ),
            None,
        )
        if qas is not None:
            # "X was quoted by state media as saying: “...”", "Y quoted X as saying “...”":
            # the quotation is the whole statement, X its speaker, the quoting outlet the via
            stmt = _Stmt(
                "direct", qs, qe, qas.cue, qas.subj, (ss, se), "quoted_as_saying_quote", 0.8
            )
            stmt.via = qas.via
        if stmt is None:
            other_voice = other_voice or _named_after(art, q, se)
            continue
        if stmt.kind == "direct":
            # a short quote embedded mid-sentence without a comma/colon intro is partial
            intro = m[max(ss, q.open_pos - 3) : q.open_pos].strip()
            if (
                stmt.method == "cue_before_quote"
                and intro
                and intro[-1:] not in ",:—"
                and not intro.endswith("at")
            ):
                words_after = m[q.close_pos + 1 : se].strip(" .,")
                if len(words_after.split()) > 2 and not _RX58.match(words_after):
                    stmt.kind = "partial"
            last_direct = stmt
            last_direct_para = q.para
            if stmt.method != "continuation":
                other_voice = False
        elif stmt.method == "partial_before_cue" and stmt.subj is not None:
            # 'The plan is “dead,” X said. “...”': the next quotation continues X
            last_direct = stmt
            last_direct_para = q.para
            other_voice = False
        out.append(stmt)
        out_by_sent.setdefault(stmt.sent[0], []).append(stmt)
    return out


def _next_sentence_end(art: _Article, pos: int, para: int, hi: int) -> int:
    """End of the sentence that starts right after ``pos`` in paragraph ``para`` (<= ``hi``).

    ``pos`` itself when no sentence of that paragraph starts there.
    """
    m = art.masked
    p = pos
    while p < hi and m[p].isspace():
        p += 1
    if p >= hi:
        return pos
    ns, ne, npi = _sentence_of(art, p)
    if ns != p or npi != para:
        return pos
    return min(hi, ne)


_SUBORDINATOR_RE = re.compile(
    r"\b(?i:"
    + _resources.conjunction_pattern("time", "contrast", "cause", "condition", "as")
    + r")\b"
)
#: After a quotation: a contrast clause opening ("while X suggested ...").
_CONTRAST_OPEN_RE = re.compile(r"[\s,;]*(?:" + _resources.conjunction_pattern("contrast") + r")\s")
#: After a quotation: "and"/"but" and a subject of its own ("... and Donald Trump says").
_NEW_CLAUSE_RE = re.compile(r"[\s,]*(?:and|but)\s+(?:[A-Z]|(?:he|she|they|the|a|an|his|her)\s)")
#: A possessor right before a quotation: a name or a definite description, then "’s".
_POSSESSOR_BEFORE_RE = re.compile(
    r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*[a-z]|\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)(?:[’']s|(?<=s)[’'])\s*$"
)
#: What an inverted cue's subject opens with: a capitalised word or a determiner (not a
#: preposition: "X, who ..., said of Sanders: “...”" has its subject before the cue).
_INVERTED_NAME_RE = re.compile(r"(?:[A-Z]|(?:the|a|an)\s)")
_TIME_NAMES = _DATE_WORDS | {"today", "yesterday", "tonight"}
#: A comma or colon right before a quotation: it is introduced by what comes before it.
_INTRODUCED_RE = re.compile(r"[,:]\s*$")
#: After a cue, up to two words and a comma or colon: the cue introduces a quotation next.
_INTRODUCES_NEXT_RE = re.compile(r"(?:\s+[a-z]+){0,2}\s*[,:]\s*")
#: A reported clause right after a cue: "that", or a pronoun or determiner and a word.
_CLAUSE_AFTER_CUE_RE = re.compile(
    r"\s+(?:that\b|(?:he|she|it|they|we|I|there|the|a|an|his|her|their|its)\s+[a-z])"
)
_NAME_SAID_RE = re.compile(
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+(?:said|says|added|told|wrote)\b"
)


def _inside_earlier_statement(stmts: list[_Stmt], q, cue: tuple[int, int]) -> bool:
    """The quotation lies in the content of a statement whose cue and subject are before it.

    Not ``cue``'s own statement, nor a fronted participle whose subject comes after the quote
    ('..., calling Trump “an orange buffoon,” Susan said'). A passive question ('Asked whether
    she “has the integrity,” 75 percent said yes') holds its quotation whatever its asker.
    """
    return any(
        s2.start <= q.open_pos
        and q.end <= s2.end + 2
        and s2.cue[1] <= q.open_pos
        and s2.cue != cue
        and (s2.subj is not None and s2.subj[1] <= s2.cue[0] or s2.method == "asked_question")
        for s2 in stmts
    )


def _after_attr(
    art: _Article,
    q: _Quote,
    qs: int,
    qe: int,
    lo: int,
    hi: int,
    sent: tuple[int, int],
    new_sentence: bool = False,
) -> _Stmt | None:
    """Parse '..." X said' / '..." said X' / '..." the paper quoted X as saying'.

    ``new_sentence``: the quotation ended its sentence ('“...?” Mrs. X asked.'), so the cue
    must come within a short subject at the start of the next one, with no subordinate clause.
    """
    m = art.masked
    frag = m[lo:hi]
    if (
        not frag.strip()
        or frag[:1].isupper()
        and m[q.close_pos - 1] == "."
        and not _NAME_SAID_RE.match(frag)
    ):
        return None
    qa = _QUOTED_AS_RE.search(m, lo, hi) if _may_quote_as(m, lo, hi) else None
    if qa is not None and len(m[lo : qa.start()].split()) > 6:
        qa = None
    if qa is not None:
        np_s, np_e = qa.start("np"), qa.end("np")
        passive = _passive_quoted_by(m, lo, qa, np_s, np_e)
        if passive is not None:
            # '“...,” Holm was quoted by the Gazette as saying': Holm speaks through the Gazette
            if passive[0] is None:
                return None
            (np_s, np_e), via = passive
        else:
            via = _subject(m, lo, qa.start())[0] if m[lo : qa.start()].strip() else None
        st = _Stmt(
            "direct",
            qs,
            qe,
            (qa.start("cue"), qa.end("cue")),
            (np_s, np_e),
            sent,
            "quoted_as_saying",
            0.85,
            via=via,
        )
        return st
    for c in art.cues(lo, hi):
        if not _cue_ok(m, c, lo) and not (
            # '“It will fly,” claims writer X': right after a quotation its comma closes, a
            # form that is often a noun ("claims", "notes") is the quotation's inverted cue
            c.group(0) in _NOUNISH_S
            and art.text[q.close_pos - 1 : q.close_pos] in {",", "?", "!"}
            and not m[lo : c.start()].strip()
        ):
            continue
        pre = m[lo : c.start()]
        if not new_sentence and not pre.strip() and c.group(0)[:1].isupper():
            continue  # '“...,” Read said.': mid-sentence, a capitalised cue word is a name
        if len(pre.split()) > 12 or _RX60.search(pre):
            return None
        if new_sentence and _COLON_AFTER_RE.match(m, c.end()):
            return None  # '“...” Mr. Zahed said: “...”': the cue introduces the next quotation
        if new_sentence and (len(pre.split()) > 6 or _SUBORDINATOR_RE.search(pre)):
            return None
        if _CONTRAST_OPEN_RE.match(pre):
            # '... but “isn’t planning to endorse anyone,” while X suggested ...': a contrast
            # clause opens after the quotation; its cue is that clause's own
            return None
        wl = c.group(0).lower()
        if not pre.strip():
            if wl.endswith("ing"):
                return None
            pm = _POSSESSOR_BEFORE_RE.search(m, max(0, q.open_pos - 60), q.open_pos)
            if pm is not None and _FORM2LEMMA.get(wl) == wl:
                # "Karl Holm’s “bridge to nowhere” remark angered voters": the quotation
                # modifies the noun (a base form) after it, and the possessor said it (not
                # "Bloomberg's “looks like ...,” says X": a contraction, then a verb)
                st = _Stmt(
                    "partial", qs, qe, (c.start(), c.end()), pm.span(1), sent,
                    "possessive_quote", 0.7,
                )  # fmt: skip
                return st
            subj, appos = _np_after(m, c.end(), hi)
            if subj is None:
                return None
            st = _Stmt(
                "direct",
                qs,
                qe,
                (c.start(), c.end()),
                subj,
                sent,
                "cue_after_quote_inverted",
                0.85,
                apposition=appos,
            )
            if _FINITE_RE.search(m, subj[0], subj[1]):
                # 'X, citing “...,” said the bridge could be delayed': a clause follows the
                # cue, no inverted name; the speaker is looked for before the quote
                st.subj, st.extra["fragment_at"] = None, subj[0]
            return st
        subj = None
        if (
            pre.rstrip().endswith(",")
            and _PREP_START_RE.match(pre.strip())
            and not wl.endswith("ing")
        ):
            # '“...” for Clinton, said Kunin.': after a phrase, the name after the cue speaks
            subj, appos = _np_after(m, c.end(), hi)
            if subj is not None and _FINITE_RE.search(m, subj[0], subj[1]):
                subj = None
        if subj is not None:
            method, conf = "cue_after_quote_inverted", 0.85
        else:
            subj, appos = _subject(m, lo, c.start())
            if subj is None or m[subj[0] : subj[1]].lower() in _RELATIVE_WORDS:
                # ('“...” that would respond to requests from X': the quotation is the
                # antecedent of a relative clause, whose verb is no cue of it)
                return None
            method, conf = "cue_after_quote", 0.9
        return _Stmt(
            "direct", qs, qe, (c.start(), c.end()), subj, sent, method, conf, apposition=appos
        )
    return None


_RELATIVE_WORDS = _resources.word_set("relative_pronouns")
#: A colon right after a cue ("X said: “...”"): the cue introduces what follows.
_COLON_AFTER_RE = re.compile(r"\s*:")


_COLON_BEFORE_RE = re.compile(r"([^\n.!?:;\"“”]{2,80}?)[ \t]*:[ \t\u00a0]*$")


def _ends_in_colon(m: str, lo: int, hi: int) -> bool:
    r"""Does ``m[lo:hi]`` end in a colon and blanks, as ``_COLON_BEFORE_RE`` needs?

    Its ``:[ \t\u00a0]*$`` ends at ``hi`` or before a newline just before ``hi``.
    """
    seg = m[max(lo, hi - 200) : hi]
    if seg.rstrip(" \t\u00a0").endswith(":"):
        return True
    return seg.endswith("\n") and seg[:-1].rstrip(" \t\u00a0").endswith(":")


#: A dash, then a capitalised name and a colon ending the text before a quotation.
_DASH_NAME_COLON_RE = re.compile(r"\s[-–—]+\s+(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*:\s*$")


def _colon_intro(
    art: _Article, q: _Quote, qs: int, qe: int, sent: tuple[int, int], prv_close: int
) -> _Stmt | None:
    """A quotation right after "NAME:" whose name is a person of the article or a title + name.

    Only names the article knows as people (or an outlet-free capitalised name with a title)
    qualify, so "Here they are:" or "The rule reads:" never attribute a quotation.
    """
    m = art.masked
    lo = max(sent[0], prv_close, q.open_pos - 90)
    if q.open_pos - lo < 3:
        lo = max(prv_close, art.paras[q.para][0], q.open_pos - 90)
    if not _ends_in_colon(m, lo, q.open_pos):
        return None  # (the search below would find nothing: cheaper to say so first)
    cm = _COLON_BEFORE_RE.search(m, lo, q.open_pos)
    if cm is None:
        return None
    head = cm.group(1)
    # the name is the last name-like run before the colon ("... - More from Jones:")
    runs = list(_COLON_NAME_RE.finditer(head))
    if not runs or head[runs[-1].end() :].strip():
        return _colon_clause(art, qs, qe, sent, cm.start(1), cm.end(1))
    r = runs[-1]
    ns, ne = cm.start(1) + r.start(), cm.start(1) + r.end()
    if word_before(m, ns, lo) in _PREPOSITION_SET:
        # "X delivered a blunt message to Trump: “...”": the name is an object, not the
        # speaker; the clause's subject may be (colon clause)
        return _colon_clause(art, qs, qe, sent, cm.start(1), cm.end(1))
    person = art.canonical_person(m[ns:ne])
    if person is None or art.outlet_at(ns, ne):
        return None
    return _Stmt(
        "direct",
        qs,
        qe,
        (cm.end(1), cm.end(1) + 1),
        (ns, ne),
        sent,
        "colon_intro",
        0.6,
    )


def _colon_clause(
    art: _Article, qs: int, qe: int, sent: tuple[int, int], hs: int, he: int
) -> _Stmt | None:
    """A quotation after a clause that opens its sentence and ends in a colon, no cue word.

    "Mayor X addressed the crowd again: “...”", "He offered: “...”": the clause's subject (a
    person, group, institution or outlet, or a personal pronoun) and a past-tense verb right
    after it; the subject speaks.
    """
    m = art.masked
    if m[sent[0] : hs].strip():
        return None  # the clause must open the sentence
    sm = _SENT_SUBJ_RE.match(m, hs, he)
    if sm is None:
        return None
    subj = _subject(m, hs, hs + len(sm.group(1)))[0]
    if subj is None:
        return None
    span = m[subj[0] : subj[1]]
    if span.lower().strip() not in _PRONOUNS and _classify(art, span, *subj)[1] == "unknown":
        return None
    return _Stmt("direct", qs, qe, (he, he + 1), subj, sent, "colon_clause", 0.5)


_PREPOSITION_SET = _resources.word_set("prepositions") - {"from"}  # ("More from X: “...”")
_COLON_NAME_RE = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}")
