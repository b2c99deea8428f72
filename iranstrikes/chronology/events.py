"""Per-article events: every dated statement or event of one article.

Per article (pure): :func:`extract_events` finds every dated statement or event of one
article, and every undated statement, resolving each date against the right anchor (the
statement it sits in, or the publication).
"""

from __future__ import annotations

import bisect
import contextlib
from collections.abc import Mapping

import pandas as pd

from .. import text as _text
from ..text.mentions import _PREPOSITIONS
from . import holidays as _holidays
from .actors import (
    _ADVERBIAL_START,
    _COMMA_START,
    _CUE,
    _DATELINE_LEAD,
    _LINK,
    _LOWER_WORD,
    _MEDIA,
    _PRONOUNS,
    _THAT_OR_QUOTE,
    _VERBISH,
    _clause_subject,
    _describe,
    _ends_passive,
    _quoted_regions,
    _Regions,
    _Row,
    _sentence_spans,
    _SentIndex,
    _statement_actor,
    choose_actor,
)
from .expressions import _date_pieces, _find_dates, _Match, _TextWords
from .frames import BASIS_CONFIDENCE, DESCRIPTION_MAX, EVENT_COLUMNS, _frame
from .quoteinput import (
    _QUOTE_COLUMNS,
    _best_quote,
    _column_lists,
    _labels,
    _n_rows,
    _quote_person_ids,
    _quote_rows,
    _QuoteIndex,
    _unique_labels,
)
from .resolve import _anchor_free, _day, _resolve_match, _unit_period
from .tense import _future_decides, _may_be_future, _tense_of

_ACTOR_KINDS = frozenset({"person", "anonymous", "organisation", "state", "media"})
_INVERTED_REACH = 80  # characters after a cue read for an inverted speaker ("..., said X")


def _speakers_by_entity(tm, quotes, quote_pids: dict) -> dict[int, tuple[str, object]]:
    """Entity index -> (speaker, person_id) of the first quote whose speaker is that entity.

    The quote's speaker span must be a mention of the entity (the mention covers the whole
    span: "her office" is not a mention of "her"): an event's actor is then named as the
    quote names it.
    """
    names = ("quote_id", "speaker_start", "speaker_end", "speaker")
    if quotes is None or "speaker_start" not in quotes or not _n_rows(quotes):
        return {}
    if isinstance(quotes, pd.DataFrame):
        cols = {c: v for c, (v, _) in _column_lists(quotes, names).items()}
    else:
        cols = {c: list(quotes[c]) for c in names if c in quotes}
    if "speaker" not in cols or "speaker_end" not in cols:
        return {}
    n = len(cols["speaker"])
    out: dict[int, tuple[str, object]] = {}
    for qid, st, se, sp in zip(
        cols.get("quote_id", [None] * n),
        cols["speaker_start"],
        cols["speaker_end"],
        cols["speaker"],
        strict=True,
    ):
        if not isinstance(sp, str) or not sp:
            continue
        if type(st) is not int or type(se) is not int:  # (nullable columns: rare)
            if st is None or se is None or pd.isna(st) or pd.isna(se):
                continue
            st, se = int(st), int(se)
        if st < 0:
            continue
        m = tm.mention_at(st)
        if m is not None and m.entity >= 0 and m.entity not in out and m.end >= se:
            out[m.entity] = (sp, quote_pids.get(str(qid)))
    return out


def _entity_of(tm, body: str, at: tuple):
    """The text-model entity of the subject phrase an actor rule read, or None.

    ``at`` = (phrase, lo, hi, cue): the phrase was read in ``body[lo:hi]`` before the
    reporting cue at ``cue`` (or after it, inverted: "..., said X"); for an event (cue -1),
    in its clause ``body[lo:hi]``. The head is the last word before any preposition; the entity is that of
    the mention holding it, when that mention is outside quotation marks, not after a
    preposition, not an object pronoun, and of a kind that can act.
    """
    phrase, lo, hi, cue = at
    words = phrase.split()
    for k, w in enumerate(words):  # the head comes before any preposition ("the leader of X")
        if k and w.casefold() in _PREPOSITIONS:
            words = words[:k]
            break
    if not words:
        return None
    phrase = " ".join(words)
    last = words[-1]
    if cue >= 0:
        spans = ((max(lo, cue - 400), cue, True), (hi, min(len(body), hi + _INVERTED_REACH), False))
    else:
        spans = ((lo, hi, False),)
    for a, b, backwards in spans:
        i = body.rfind(phrase, a, b) if backwards else body.find(phrase, a, b)
        pos = i + len(phrase) - len(last) if i >= 0 else -1
        if pos < 0:
            pos = body.rfind(last, a, b) if backwards else body.find(last, a, b)
        if pos < 0:
            continue
        # a mention that starts at the head word first ("She", not a longer mention that
        # runs into it across a sentence end), else the one covering it
        here = [x for x in tm.mentions_in(pos, pos + 1) if x.end >= pos + len(last)]
        m = min(here, key=lambda x: x.end) if here else tm.mention_at(pos)
        if m is None or m.entity < 0 or m.in_quote:
            return None
        if m.kind == "pronoun" and "subject" not in m.titles:
            return None
        prev = body[max(0, m.start - 12) : m.start].split()
        if prev and prev[-1].casefold() in _PREPOSITIONS:
            return None
        e = tm.entities[m.entity]
        return e if e.kind in _ACTOR_KINDS else None
    return None


def _is_person(actor: str, surnames: set[str]) -> bool:
    """A capitalised last word, and another capitalised word or a known surname."""
    toks = actor.split()
    if not toks or not toks[-1][:1].isupper():
        return False
    return sum(1 for t in toks if t[:1].isupper()) >= 2 or toks[-1].casefold() in surnames


def extract_events(
    article_id: str,
    body: str,
    published=None,
    published_latest=None,
    published_basis: str = "unknown",
    quotes: pd.DataFrame | None = None,
    *,
    default_to_publication: bool = False,
    text_model=None,
) -> pd.DataFrame:
    """Find every dated statement or event in one article, and every undated statement.

    One row per date expression found in a sentence of prose (page furniture without two
    lower-case words is skipped), plus one row for each statement sentence (reporting verb,
    or a quote from ``quotes``) that carries no date. A date attached to a reporting verb
    ("confirmed on Friday", "On Tuesday, X told reporters") dates a *statement*; any other
    date dates an *event* (the clause it sits in). A relative date inside the reported
    content of a dated statement is resolved against that statement (basis ``event:<id>``);
    "at the time" is resolved against the nearest preceding dated row.

    Args:
        article_id: The article's id; event ids are ``<article_id>:e<NNN>``.
        body: The article text; all offsets index it.
        published: Publication day (or first day of a publication range); None/NaT if unknown.
        published_latest: Last day of the publication range; defaults to ``published``.
        published_basis: How the publication date is known (manifest, url, dateline, text,
            inferred, unknown).
        quotes: Optional quotes of this article (columns quote_id, start, end, speaker,
            cue_start, cue_end, ...); used to link statements to quotes and name speakers.
        default_to_publication: Give undated statements the publication date at confidence
            0.2 (method ``publication-default``) instead of NaT.
        text_model: The article's :func:`iranstrikes.text.model`, when the caller has it
            (built here otherwise, once, and only when some row needs an actor).

    Returns:
        The events frame of the article (columns :data:`EVENT_COLUMNS`), sorted by ``start``
        then ``date_text_start``.
    """
    return _frame(
        _event_records(
            article_id,
            body,
            published,
            published_latest,
            published_basis,
            quotes,
            default_to_publication=default_to_publication,
            text_model=text_model,
        ),
        EVENT_COLUMNS,
    )


_FULL_DATE_RULES = frozenset(
    {"iso", "numeric", "month-day", "day-month", "weekday-date", "month-year"}
)
_PASSIVE_WINDOW = 200  # characters before a cue searched for a passive auxiliary
_INITIAL_WINDOW = 200  # a date further into its sentence does not open it
_CUE_REACH = 110  # the most characters between a date and the cue it dates


def _anaphoric(g: dict, base: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The day/week/month/year of an earlier date ``base`` ("that year"), or the next one."""
    unit = g["unit"].lower()
    unit = "day" if unit in ("morning", "afternoon", "evening", "night") else unit
    k = 1 if g["det"].lower().split()[-1] in ("next", "following") else 0
    s, e = _unit_period(unit, base, k)
    adv = (g.get("adv") or "").lower()
    one = pd.Timedelta(days=1)
    if k == 0 and adv == "later" and base < e:
        return base + one, e  # "later that year": after the earlier date, in its year
    if k == 0 and adv == "earlier" and base > s:
        return s, base - one
    return s, e


_TENSELESS_RULES = frozenset({"iso", "numeric", "month-year", "year", "at-the-time", "anaphoric"})


def _tenseless(m) -> bool:
    """Whether neither the date nor the method of ``m`` depends on the tense."""
    if m.rule == "quarter":
        return bool(m.groups.get("y") or m.groups.get("y2"))
    return m.rule in _TENSELESS_RULES or (
        m.rule in ("month-day", "day-month", "weekday-date") and bool(m.groups.get("y"))
    )


def _describe_span(body: str, lo: int, hi: int) -> str:
    """:func:`_describe` of ``body[lo:hi]``, reading only as much as the description needs."""
    window = 20 * DESCRIPTION_MAX
    if hi - lo > window:
        text = body[lo : lo + window]
        if "[" in text:
            text = _LINK.sub(r"\1", text)
        text = " ".join(text.split())
        if len(text) > DESCRIPTION_MAX:
            return text[: DESCRIPTION_MAX - 1].rstrip() + "…"
    return _describe(body[lo:hi])


def _events_from_records(records: list[dict]) -> pd.DataFrame:
    """The events frame of the records of :func:`_event_records` (of one or many articles)."""
    return _frame(records, EVENT_COLUMNS)


def _event_records(
    article_id: str,
    body: str,
    published=None,
    published_latest=None,
    published_basis: str = "unknown",
    quotes: pd.DataFrame | Mapping[str, list] | None = None,
    *,
    default_to_publication: bool = False,
    text_model=None,
) -> list[dict]:
    """The rows of :func:`extract_events` as records (the loader builds one frame per chunk).

    ``quotes`` may also be the article's quote columns as lists (as
    :func:`iranstrikes.quotes.quote_columns` gives them, with ``quote_id`` and
    ``article_id``): the same rows, without building a frame.
    """
    body = body or ""
    lo_anchor, hi_anchor = _day(published), _day(published_latest)
    if lo_anchor is None:
        hi_anchor = None
    elif hi_anchor is None or hi_anchor < lo_anchor:
        hi_anchor = lo_anchor
    basis_name = published_basis or "unknown"
    anchor_conf = BASIS_CONFIDENCE.get(basis_name, 0.5) if lo_anchor is not None else 0.0
    labels = _labels(quotes) if isinstance(quotes, pd.DataFrame) else None
    if labels is not None and _unique_labels(quotes, labels):
        # every column read below, as lists, once (the same values as read from the frame)
        got = _column_lists(quotes, _QUOTE_COLUMNS, labels)
        quotes = {c: v for c, (v, _) in got.items()}
    if quotes is not None and "article_id" in quotes and _n_rows(quotes):
        aid = str(article_id)
        if isinstance(quotes, pd.DataFrame):
            ids = _column_lists(quotes, ["article_id"])["article_id"][0]
        else:
            ids = quotes["article_id"]
        if not all(type(x) is str and x == aid for x in ids):  # else: all rows are kept
            if isinstance(quotes, pd.DataFrame):
                quotes = quotes[quotes["article_id"].astype(str) == aid]
            else:
                keep = [k for k, x in enumerate(ids) if str(x) == aid]
                quotes = {c: [v[k] for k in keep] for c, v in quotes.items()}
    quote_rows: list[tuple] | _QuoteIndex = _quote_rows(quotes)
    quote_pids = _quote_person_ids(quotes)
    with contextlib.suppress(TypeError):  # unusual spans: keep the plain scan
        quote_rows = _QuoteIndex(quote_rows)
    if isinstance(quote_rows, _QuoteIndex):
        quotes_in = quote_rows.overlapping  # the rows overlapping [lo, hi), remembered
    else:

        def quotes_in(lo, hi, _rows=quote_rows):
            return [q for q in _rows if any(a < hi and b > lo for a, b in q[1])]

    rows: list[_Row] = []
    surnames: set[str] = set()
    last_person = ""
    date_words = _TextWords(body)  # (read once for all its sentences)
    for s_lo, s_hi in _sentence_spans(body):
        sent = body[s_lo:s_hi]
        words = _LOWER_WORD.finditer(sent)
        if (
            # (split(None, 3): the first words, at most four, enough to count to four)
            len(sent.split(None, 3)) < 4 or next(words, None) is None or next(words, None) is None
        ):  # not prose (under four words or two lower-case ones): its dates (not bare years) are stamps
            rows.extend(
                _Row(s_lo, s_hi, "stamp", "", m, "neutral")
                for m in _find_dates(body, s_lo, s_hi, _date_pieces(body, s_lo, s_hi, date_words))
                if m.rule != "year"
            )
            continue
        pieces = _date_pieces(body, s_lo, s_hi, date_words)
        dates = _find_dates(body, s_lo, s_hi, pieces)
        raw_cues = list(_CUE.finditer(body, s_lo, s_hi))
        if not dates and not raw_cues:
            # no date and no reporting cue: at most an undated statement of a quote
            sq = quotes_in(s_lo, s_hi)
            if sq and _best_quote(sq, -1)[0]:
                rows.append(_Row(s_lo, s_hi, "statement", "", None, "past", -1))
            continue
        regions = _quoted_regions(body, s_lo, s_hi)
        in_regions = _Regions(regions)
        sx = _SentIndex(body, s_lo, s_hi, regions)
        cues = [
            c
            for c in raw_cues
            if not in_regions.inside(c.start())
            and not _ends_passive(body, max(s_lo, c.start() - _PASSIVE_WINDOW), c.start())
        ]
        cue_starts = [c.start() for c in cues]
        sx.dates, sx.date_starts = dates, [d.start for d in dates]
        dateline = None
        if dates and _DATELINE_LEAD.match(body[s_lo : dates[0].start]):
            # a dateline dates the lede only when the lede has no date of its own
            dateline, dates = dates[0], dates[1:]
            if dates:  # kept as a stamp (never dropped), dated like a dateline
                dm = dateline
                rows.append(
                    _Row(
                        s_lo,
                        s_hi,
                        "stamp",
                        "",
                        _Match(
                            "dateline", dm.start, dm.end, dm.text, dm.groups | {"rule": dm.rule}
                        ),
                        "neutral",
                    )
                )
            dates = dates or [dateline]

        cue_at: dict[int, tuple] = {}  # cue start -> where its speaker phrase was read

        def actor_of(
            cue, _s_lo=s_lo, _regions=regions, _dateless=pieces is None, _sx=sx, _at=cue_at
        ):
            nonlocal last_person
            a = _statement_actor(body, _s_lo, cue, _regions, _dateless, _sx)
            _at[cue.start()] = (a, _s_lo, cue.end(), cue.start())
            if a.lower() in _PRONOUNS and last_person:
                return last_person
            if _is_person(a, surnames):
                toks = a.split()
                if len(toks) >= 2:
                    surnames.add(toks[-1].casefold())
                last_person = a
            return a

        cue_actor = {c.start(): actor_of(c) for c in cues}
        stmt_idx_for_cue: dict[int, int] = {}
        stmt_cues: list[int] = []  # its keys, sorted
        sentence_rows: list[_Row] = []
        for m in dates:
            # (a date with its own year needs no tense; one read only as future or not needs
            # no past-cue scan when it cannot be future)
            if _tenseless(m) or (
                _future_decides(m) and not _may_be_future(body, s_lo, s_hi, m, sx)
            ):
                tense = "past"
            else:
                tense = _tense_of(body, s_lo, s_hi, m, sx)
            attached = None
            in_quote = in_regions.inside(m.start)
            if in_quote or not cues or m.start - s_lo > _INITIAL_WINDOW:
                date_initial = False
            else:  # the date opens the sentence ("On Tuesday, ...")
                prefix = body[s_lo : m.start].strip()
                date_initial = (
                    len(prefix) < 40
                    and (not prefix or bool(_ADVERBIAL_START.match(prefix)))
                    and not _VERBISH.search(prefix)
                    and bool(_COMMA_START.match(body[m.end : m.end + 2]))
                )
            # only cues near the date can attach to it (at most 110 characters between them)
            near = (
                ()
                if in_quote
                else cues[
                    bisect.bisect_left(cue_starts, m.start - _CUE_REACH - 40) : bisect.bisect_right(
                        cue_starts, m.end + _CUE_REACH
                    )
                ]
            )
            for c in near:
                a, b = (m.end, c.start()) if m.end <= c.start() else (c.end(), m.start)
                between = body[a:b]
                if _THAT_OR_QUOTE.search(between) or _VERBISH.search(between):
                    continue
                initial = date_initial and c.start() > m.end
                if "," in between and not initial:
                    continue  # another clause: the date belongs to its own verb
                close = len(between) <= 60 or (initial and len(between) <= 110)
                if close and (
                    attached is None or abs(c.start() - m.start) < abs(attached.start() - m.start)
                ):
                    attached = c
            if m is dateline:
                m = _Match("dateline", m.start, m.end, m.text, m.groups | {"rule": m.rule})
            if attached is not None:
                actor = cue_actor[attached.start()]
                suffix = ""
                if attached.group(0) == "reported" and _MEDIA.search(actor):
                    earlier = cues[:1] if cues[0].start() < attached.start() else []
                    if earlier and not _MEDIA.search(cue_actor[earlier[0].start()]):
                        actor = cue_actor[earlier[0].start()]
                        suffix = "+via-report"
                row = _Row(s_lo, s_hi, "statement", actor, m, tense, attached.start())
                row.method_suffix = suffix
                row.extra["at"] = cue_at[(earlier[0] if suffix else attached).start()]
                stmt_idx_for_cue[attached.start()] = len(sentence_rows)
                bisect.insort(stmt_cues, attached.start())
            else:
                if m.rule == "dateline" and cues:
                    row = _Row(
                        s_lo,
                        s_hi,
                        "statement",
                        cue_actor[cues[0].start()],
                        m,
                        tense,
                        cues[0].start(),
                    )
                    row.extra["at"] = cue_at[cues[0].start()]
                    stmt_idx_for_cue[cues[0].start()] = len(sentence_rows)
                    bisect.insort(stmt_cues, cues[0].start())
                else:
                    subj, c_lo = _clause_subject(body, s_lo, s_hi, m, sx)
                    at = (subj, c_lo, s_hi, -1)
                    if subj.lower() in _PRONOUNS and last_person:
                        subj = last_person
                    row = _Row(c_lo, s_hi, "event", subj, m, tense)
                    row.extra["at"] = at
                    # relative date in the content of a dated statement of this sentence
                    k_own = bisect.bisect_left(stmt_cues, m.start)
                    if k_own and not _anchor_free(m):
                        row.parent = stmt_idx_for_cue[stmt_cues[k_own - 1]]
            sentence_rows.append(row)
        # undated statement: a cue (or a quote) with no date attached
        undated_cues = [c for c in cues if c.start() not in stmt_idx_for_cue]
        has_stmt = any(r.kind == "statement" for r in sentence_rows)
        if not has_stmt:
            sq = quotes_in(s_lo, s_hi)
            if undated_cues or (sq and _best_quote(sq, -1)[0]):
                c0 = undated_cues[0] if undated_cues else None
                actor = cue_actor[c0.start()] if c0 is not None else ""
                row = _Row(s_lo, s_hi, "statement", actor, None, "past", c0.start() if c0 else -1)
                if c0 is not None:
                    row.extra["at"] = cue_at[c0.start()]
                sentence_rows.append(row)
        base = len(rows)
        for r in sentence_rows:
            if r.parent is not None:
                r.parent += base
        rows.extend(sentence_rows)

    # ids in document order
    order = sorted(
        range(len(rows)),
        key=lambda i: (rows[i].start, rows[i].match.start if rows[i].match else 10**12, i),
    )
    new_index = {old: k for k, old in enumerate(order)}
    rows = [rows[i] for i in order]
    for r in rows:
        if r.parent is not None:
            r.parent = new_index[r.parent]
    ids = [f"{article_id}:e{k + 1:03d}" for k in range(len(rows))]

    pub_label = ""
    if lo_anchor is not None:
        rng = lo_anchor.date().isoformat()
        if hi_anchor != lo_anchor:
            rng += ".." + hi_anchor.date().isoformat()
        pub_label = f"published {rng} ({basis_name})"

    out = []
    tm = None
    speaker_of: dict[int, tuple[str, object]] = {}
    entity_memo: dict[tuple, object] = {}
    resolved: list[tuple] = []
    last_dated: int | None = None  # the last row with a start date
    regions_of = None  # (dateline regions, named regions), read at the first holiday
    descriptions: dict[tuple[int, int], str] = {}
    aid, na, nat = str(article_id), pd.NA, pd.NaT
    for k, r in enumerate(rows):
        qid, qspeaker = ("", "")
        if r.kind == "statement":  # (its span is its sentence's: quotes_in remembers it)
            sq = quotes_in(r.start, r.end)
            if sq:
                qid, qspeaker = _best_quote(sq, r.cue_pos)
        entity = None
        if not qspeaker and "at" in r.extra and r.extra["at"][0]:
            if tm is None:  # (built once, and only for an article with an actor to find)
                tm = text_model if text_model is not None else _text.model(body)
                speaker_of = _speakers_by_entity(tm, quotes, quote_pids)
            at = r.extra["at"]
            entity = entity_memo.get(at, False)
            if entity is False:  # (rows of one cue share its phrase)
                entity = entity_memo[at] = _entity_of(tm, body, at)
        e_name, e_pid = ("", None)
        if (
            entity is not None
            and entity.id not in speaker_of
            and len(entity.mentions) == 1
            and entity.name == entity.name.lower()
        ):
            entity = None  # a lone description tied to nothing: its own phrase says more
        if entity is not None:
            e_name, e_pid = speaker_of.get(entity.id) or (entity.name, None)
        actor, person_id = choose_actor(
            r.actor,
            quote_speaker=qspeaker,
            quote_person_id=quote_pids.get(qid),
            entity_name=e_name,
            entity_person_id=e_pid,
        )
        span = (r.start, r.end)
        description = descriptions.get(span)
        if description is None:  # (the rows of one sentence share its description)
            description = descriptions[span] = _describe_span(body, r.start, r.end)
        s = e = None
        anchor, basis, conf, method = "", "none", 0.0, "undated"
        m = r.match
        if m is None:
            if default_to_publication and lo_anchor is not None:
                s, e, anchor = lo_anchor, hi_anchor, pub_label
                basis, conf, method = f"published:{basis_name}", 0.2, "publication-default"
        else:
            mm = m
            if m.rule == "dateline":
                mm = _Match(m.groups["rule"], m.start, m.end, m.text, m.groups)
            if mm.rule == "holiday":  # whose holiday: the region the article points to
                if regions_of is None:
                    regions_of = _holidays.article_regions(body)
                where = _holidays.holiday_region(mm.groups["h"], *regions_of)
                if where:
                    mm = _Match(mm.rule, mm.start, mm.end, mm.text, mm.groups | {"where": where})
            tense = "neutral" if m.rule == "dateline" else r.tense
            if m.rule != "dateline" and m.rule == "at-the-time":
                if last_dated is not None:
                    j = last_dated
                    s, e = resolved[j][0], resolved[j][1]
                    anchor, basis = ids[j], f"event:{ids[j]}"
                    conf, method = 0.5 * resolved[j][2], "at-the-time-previous-event"
                else:
                    conf, method = 0.1, "at-the-time-unresolved"
            elif m.rule == "anaphoric":  # "that day", "later that year": the previous date's
                method = "anaphoric-unresolved"
                if last_dated is not None and resolved[last_dated][0] is not None:
                    j = last_dated
                    s, e = _anaphoric(m.groups, resolved[j][0])
                    anchor, basis = ids[j], f"event:{ids[j]}"
                    conf, method = 0.5 * resolved[j][2], "anaphoric-previous-event"
            elif r.parent is not None and resolved[r.parent][0] is not None:
                p = r.parent
                s, e, method, conf = _resolve_match(mm, resolved[p][0], resolved[p][1], tense)
                anchor, basis = ids[p], f"event:{ids[p]}"
                conf *= resolved[p][2]
                method += "-in-reported-speech"
            elif _anchor_free(mm):
                s, e, method, conf = _resolve_match(mm, None, None, tense)
                anchor, basis = "", "explicit"
            else:
                s, e, method, conf = _resolve_match(mm, lo_anchor, hi_anchor, tense)
                if s is not None:
                    anchor, basis = pub_label, f"published:{basis_name}"
                    conf *= anchor_conf
                    if hi_anchor != lo_anchor and s != e:
                        conf *= 0.8
            if m.rule == "dateline":
                method = "dateline"
            method += r.method_suffix
            if s is None:
                basis, anchor, conf = "none", "", min(conf, 0.1)
        # (one dict, its keys in the order of the columns)
        out.append(
            {
                "event_id": ids[k],
                "article_id": aid,
                "actor": actor,
                "person_id": person_id,
                "description": description,
                "quote_id": qid or na,
                "kind": r.kind,
                "date_text": "" if m is None else m.text,
                "date_text_start": -1 if m is None else m.start,
                "date_text_end": -1 if m is None else m.end,
                "start": r.start,
                "end": r.end,
                "date_start": s if s is not None else nat,
                "date_end": e if e is not None else nat,
                "anchor": anchor,
                "basis": basis,
                "confidence": round(float(conf), 3),
                "method": method,
            }
        )
        resolved.append((s, e, conf))
        if s is not None:
            last_dated = k
    return out
