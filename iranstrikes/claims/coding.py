"""Anchoring each coding's evidence in the article text, and codings into stances.

What belongs here: text canonicalisation for matching (quotes, dashes, spaces, markdown links),
:func:`find_span`, :func:`locate_evidence`, and :func:`code_stances` (the codebook's stances
linked to the extracted quotes and people).
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from iranstrikes import schema
from iranstrikes.people import institution_name

from .codebook import ON_RECORD_TYPES

# --------------------------------------------------------------------------------------
# Evidence anchoring
# --------------------------------------------------------------------------------------
_SPACE_CHARS = set(" \t\n\r\f\v\u00a0\u1680\u2028\u2029\u202f\u205f\u3000") | {
    chr(c) for c in range(0x2000, 0x200C)
}
_CHAR_MAP = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2026": "...",
    "\u00ad": "",
    "\ufeff": "",
}
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")


def canonicalise(text: str, *, casefold: bool = False) -> tuple[str, list[int]]:
    """Canonicalise text for robust matching, keeping a map back to the original offsets.

    Whitespace runs (including no-break and other Unicode spaces) become one space; curly
    quotes and apostrophes become straight ones; dashes become "-"; markdown links
    ``[text](url)`` become ``text``; soft hyphens and BOMs are dropped; the text is NFC
    normalised per character.

    Args:
        text: Text to canonicalise.
        casefold: Also lower-case (character by character, so the offset map stays exact).

    Returns:
        ``(canonical, index)`` where ``index[i]`` is the offset in ``text`` of the character
        that produced ``canonical[i]``. ``index`` has one extra final entry, ``len(text)``.
    """
    keep = [True] * len(text)
    for m in _MD_LINK.finditer(text):
        for k in range(m.start(), m.start(1)):
            keep[k] = False
        for k in range(m.end(1), m.end()):
            keep[k] = False
    out: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        if not keep[i]:
            continue
        if ch in _SPACE_CHARS:
            if not prev_space:
                out.append(" ")
                index.append(i)
            prev_space = True
            continue
        prev_space = False
        rep = _CHAR_MAP.get(ch)
        if rep is None:
            rep = unicodedata.normalize("NFC", ch)
        if casefold:
            low = rep.lower()
            rep = low if len(low) == len(rep) else rep
        for r in rep:
            out.append(r)
            index.append(i)
    index.append(len(text))
    return "".join(out), index


def _find_nth(haystack: str, needle: str, occurrence: int) -> int:
    """Index of the ``occurrence``-th (1-based, overlapping) match of ``needle``, or -1."""
    pos = -1
    for _ in range(occurrence):
        pos = haystack.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


def find_span(needle: str, haystack: str, occurrence: int = 1) -> tuple[int, int, str] | None:
    """Find ``needle`` in ``haystack``: exactly first, then canonicalised, then case-folded.

    Args:
        needle: The evidence string.
        haystack: The text to search.
        occurrence: Which occurrence to return (1-based).

    Returns:
        ``(start, end, method)`` with offsets into ``haystack`` and method ``exact``,
        ``normalised`` or ``casefold``; None if not found.
    """
    if not needle or not haystack or occurrence < 1:
        return None
    pos = _find_nth(haystack, needle, occurrence)
    if pos >= 0:
        return pos, pos + len(needle), "exact"
    for method, fold in (("normalised", False), ("casefold", True)):
        canon_h, idx = canonicalise(haystack, casefold=fold)
        canon_n = canonicalise(needle, casefold=fold)[0].strip()
        if not canon_n:
            return None
        pos = _find_nth(canon_h, canon_n, occurrence)
        if pos >= 0:
            start = idx[pos]
            end = idx[pos + len(canon_n) - 1] + 1
            # extend over a multi-character source char mapped to several canonical chars
            return start, end, method
    return None


def _problem(article_id, code, message, severity="warning") -> dict:
    return {
        "file": f"{article_id}.txt" if article_id else "codebook.yaml",
        "article_id": article_id,
        "severity": severity,
        "code": code,
        "message": message,
    }


def locate_evidence(
    codings: pd.DataFrame, articles: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Anchor each coding's evidence string in its article.

    Headline codings are looked for in ``articles.headline`` first, then in the body; all
    other codings in the body first, then in the headline. Matching is exact first, then on
    canonicalised text (whitespace, quotes, dashes, markdown links), then case-folded; the
    offsets always point into the original field.

    Args:
        codings: Codings frame from :func:`load_codebook`.
        articles: Frame with ``article_id`` and ``body`` (optionally ``headline``).

    Returns:
        ``(located, problems)``: ``located`` is ``codings`` plus evidence_in
        (``body``/``headline``/NA), evidence_start, evidence_end (Int64, NA when unmatched) and
        match_method (``exact``/``normalised``/``casefold``/``none``); ``problems`` has the
        columns of the ``problems`` frame, one row per unmatched coding or unknown article.
    """
    texts: dict[str, tuple[str, str]] = {}
    for row in articles.itertuples(index=False):
        body = getattr(row, "body", None)
        headline = getattr(row, "headline", None) if "headline" in articles.columns else None
        texts[str(row.article_id)] = (
            body if isinstance(body, str) else "",
            headline if isinstance(headline, str) else "",
        )
    where, starts, ends, methods, problems = [], [], [], [], []
    for row in codings.itertuples(index=False):
        aid = str(row.article_id)
        occ = (
            int(row.occurrence)
            if "occurrence" in codings.columns and pd.notna(row.occurrence)
            else 1
        )
        hit, field = None, None
        if aid not in texts:
            problems.append(
                _problem(
                    aid,
                    "unknown-article",
                    f"coding {getattr(row, 'coding_id', '?')}: article {aid!r} is not in the corpus",
                )
            )
        else:
            body, headline = texts[aid]
            order = [("headline", headline), ("body", body)]
            if getattr(row, "speaker_type", None) != "headline":
                order.reverse()
            for name, text in order:
                hit = find_span(str(row.evidence), text, occ)
                if hit:
                    field = name
                    break
            if hit is None:
                problems.append(
                    _problem(
                        aid,
                        "evidence-not-found",
                        f"coding {getattr(row, 'coding_id', '?')} ({row.speaker}, {row.proposition_id}): "
                        f"evidence not found in body or headline: {str(row.evidence)[:80]!r}",
                    )
                )
        where.append(field)
        starts.append(hit[0] if hit else None)
        ends.append(hit[1] if hit else None)
        methods.append(hit[2] if hit else "none")
    out = codings.copy().reset_index(drop=True)
    out["evidence_in"] = pd.array(where, dtype="string")
    out["evidence_start"] = pd.array(starts, dtype="Int64")
    out["evidence_end"] = pd.array(ends, dtype="Int64")
    out["match_method"] = pd.array(methods, dtype="string")
    prob = schema.conform(
        "problems",
        pd.DataFrame(problems, columns=["file", "article_id", "severity", "code", "message"]),
        extra="drop",
    )
    return out, prob


# --------------------------------------------------------------------------------------
# Codebook stances
# --------------------------------------------------------------------------------------
def _overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _best_quote(quotes_by_article: dict, article_id: str, start, end):
    """Return (quote_id, speaker, person_id) of the quote overlapping [start, end) most."""
    if pd.isna(start) or pd.isna(end):
        return None
    best = None
    for q in quotes_by_article.get(article_id, ()):
        ov = _overlap(int(start), int(end), q[1], q[2])
        if ov <= 0:
            continue
        key = (-ov, q[0])
        if best is None or key < best[0]:
            best = (key, q)
    return best[1] if best else None


def _norm_name(s) -> str:
    return " ".join(str(s).casefold().split()) if isinstance(s, str) else ""


def _people_index(people: pd.DataFrame | None) -> dict[str, str]:
    index: dict[str, str] = {}
    if people is None or len(people) == 0:
        return index
    for row in people.itertuples(index=False):
        names = [row.name]
        aliases = getattr(row, "aliases", None)
        if isinstance(aliases, str) and aliases:
            names += aliases.split("|")
        for n in names:
            key = _norm_name(n)
            if key and key not in index:
                index[key] = row.person_id
    return index


def _default_on_record(speaker_type) -> bool:
    return speaker_type in ON_RECORD_TYPES


def _assign_ids(df: pd.DataFrame, letter: str) -> pd.Series:
    ids = []
    counters: dict[str, int] = {}
    for aid in df["article_id"]:
        counters[aid] = counters.get(aid, 0) + 1
        ids.append(f"{aid}:{letter}{counters[aid]:03d}")
    return pd.Series(ids, index=df.index, dtype="string")


def code_stances(
    codings: pd.DataFrame,
    quotes: pd.DataFrame | None,
    articles: pd.DataFrame,
    people: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Build the ``stances`` frame from the curated codings.

    Each coding's evidence is anchored with :func:`locate_evidence`; the quote (same article)
    overlapping the evidence span most is linked by ``quote_id``. ``person_id`` comes from
    ``people`` (name or alias of the coded speaker) when given, else from the linked quote
    when the quote's speaker is the coded speaker. ``quote_speaker`` shows who the quote
    extractor thought was speaking, so disagreements (e.g. a named official described as "a
    senior official") stay visible.

    Args:
        codings: Codings frame from :func:`load_codebook`.
        quotes: ``quotes`` frame (columns per CONTRACT; ``person_id`` optional), or None.
        articles: ``articles`` frame (article_id, body, optionally headline).
        people: Optional ``people`` frame to resolve ``person_id``.

    Returns:
        The ``stances`` frame (declared columns first), source ``codebook``, sorted by
        article_id, evidence_start, proposition_id, speaker; extra columns form, date_said,
        date_said_evidence, evidence_in, match_method, quote_speaker, coding_id.
    """
    located, _ = locate_evidence(codings, articles)
    qmap: dict[str, list] = {}
    if quotes is not None and len(quotes):
        has_pid = "person_id" in quotes.columns
        for q in quotes.itertuples(index=False):
            qmap.setdefault(str(q.article_id), []).append(
                (
                    str(q.quote_id),
                    int(q.start),
                    int(q.end),
                    getattr(q, "speaker", None),
                    q.person_id if has_pid else None,
                )
            )
    pindex = _people_index(people)
    rows = []
    for r in located.itertuples(index=False):
        q = (
            _best_quote(qmap, str(r.article_id), r.evidence_start, r.evidence_end)
            if r.evidence_in == "body"
            else None
        )
        person_id = pindex.get(_norm_name(r.speaker))
        if person_id is None and r.speaker_type == "institution" and isinstance(r.speaker, str):
            # a state speaking as itself is the person row of its country, as for quotes
            # ("Iranian government" -> "Iran"; people.institution_name)
            state = institution_name(r.speaker)
            person_id = pindex.get(_norm_name(state)) if state else None
        if (
            person_id is None
            and q is not None
            and _norm_name(q[3]) == _norm_name(r.speaker)
            and isinstance(q[4], str)
        ):
            person_id = q[4]
        on_record = r.on_record if pd.notna(r.on_record) else _default_on_record(r.speaker_type)
        rows.append(
            {
                "article_id": r.article_id,
                "speaker": r.speaker,
                "speaker_type": r.speaker_type,
                "person_id": person_id,
                "proposition_id": r.proposition_id,
                "stance": r.stance,
                "rationale": r.rationale,
                "evidence": r.evidence,
                "evidence_start": r.evidence_start,
                "evidence_end": r.evidence_end,
                "quote_id": q[0] if q else None,
                "source": "codebook",
                "on_record": bool(on_record),
                "form": r.form,
                "date_said": r.date_said,
                "date_said_evidence": r.date_said_evidence,
                "evidence_in": r.evidence_in,
                "match_method": r.match_method,
                "quote_speaker": q[3] if q else None,
                "coding_id": r.coding_id,
            }
        )
    df = pd.DataFrame(rows)
    if not len(df):
        return schema.conform("stances", None)
    df["_start"] = pd.to_numeric(df["evidence_start"], errors="coerce")
    df = df.sort_values(
        ["article_id", "_start", "proposition_id", "speaker", "coding_id"],
        na_position="last",
        kind="stable",
    )
    df = df.drop(columns="_start").reset_index(drop=True)
    df["stance_id"] = _assign_ids(df, "s")
    return schema.conform("stances", df)
