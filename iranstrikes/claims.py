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
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from iranstrikes import schema

__all__ = [
    "CodebookError",
    "SPEAKER_TYPES",
    "FORMS",
    "STANCES",
    "load_codebook",
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

STANCES = schema.STANCES
SPEAKER_TYPES = ("person", "anonymous", "institution", "media", "headline")
FORMS = ("direct", "partial", "indirect", "characterisation", "headline")
#: Speaker types whose statements count as on the record by default.
ON_RECORD_TYPES = ("person", "institution")
#: Speaker types that are sources (as opposed to headlines and the outlet's own voice).
SOURCE_TYPES = ("person", "institution", "anonymous")

_PROPOSITION_KEYS = {"id", "wording", "keywords", "context", "affirm_cues", "notes"}
_CODING_REQUIRED = ("article", "speaker", "speaker_type", "proposition", "stance", "evidence")
_CODING_KEYS = set(_CODING_REQUIRED) | {
    "rationale",
    "form",
    "date_said",
    "date_said_evidence",
    "occurrence",
    "on_record",
    "notes",
}


class CodebookError(ValueError):
    """The codebook file is malformed; the message lists every problem found."""


# --------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------
def _as_list(value, where: str, errors: list[str]) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    errors.append(f"{where}: expected a list of strings, got {value!r}")
    return []


def _iso_day(value, where: str, errors: list[str]) -> str | None:
    if value is None or value == "":
        return None
    try:
        return pd.Timestamp(str(value)).strftime("%Y-%m-%d")
    except (ValueError, TypeError):
        errors.append(f"{where}: date_said {value!r} is not an ISO date (YYYY-MM-DD)")
        return None


def load_codebook(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read and validate a claims codebook.

    The file is YAML with two lists: ``propositions`` (``id``, ``wording``, optional
    ``keywords``, ``context`` and ``affirm_cues`` used by the automatic rules) and ``codings``
    (``article``, ``speaker``, ``speaker_type``, ``proposition``, ``stance``, ``evidence``, and
    optionally ``rationale``, ``form``, ``date_said``, ``date_said_evidence``, ``occurrence``,
    ``on_record``).

    Args:
        path: Path of the YAML file.

    Returns:
        ``(propositions, codings)``. ``propositions`` has proposition_id, text, keywords,
        context, affirm_cues (lists joined with "|"). ``codings`` has coding_id (``c001``... in
        file order), article_id, speaker, speaker_type, proposition_id, stance, rationale,
        evidence, form, date_said, date_said_evidence, occurrence, on_record.

    Raises:
        CodebookError: listing every structural problem (unknown proposition id, bad stance,
            missing evidence, unknown keys, duplicate ids, ...).
        FileNotFoundError: if the file does not exist.
    """
    import yaml

    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    errors: list[str] = []
    if not isinstance(data, dict):
        raise CodebookError(
            f"{path}: top level must be a mapping with 'propositions' and 'codings'"
        )
    for key in ("propositions", "codings"):
        if not isinstance(data.get(key), list):
            errors.append(f"{path}: '{key}' must be a list")
    if errors:
        raise CodebookError("\n".join(errors))

    props = []
    seen: set[str] = set()
    for i, p in enumerate(data["propositions"]):
        where = f"propositions[{i}]"
        if not isinstance(p, dict):
            errors.append(f"{where}: must be a mapping")
            continue
        unknown = sorted(set(p) - _PROPOSITION_KEYS)
        if unknown:
            errors.append(f"{where}: unknown key(s) {unknown}")
        pid = p.get("id")
        if not isinstance(pid, str) or not pid.strip():
            errors.append(f"{where}: missing 'id'")
            continue
        where = f"propositions[{i}] ({pid})"
        if pid in seen:
            errors.append(f"{where}: duplicate proposition id")
        seen.add(pid)
        if not isinstance(p.get("wording"), str) or not p["wording"].strip():
            errors.append(f"{where}: missing 'wording'")
        props.append(
            {
                "proposition_id": pid,
                "text": " ".join(str(p.get("wording", "")).split()),
                "keywords": "|".join(_as_list(p.get("keywords"), f"{where}.keywords", errors)),
                "context": "|".join(_as_list(p.get("context"), f"{where}.context", errors)),
                "affirm_cues": "|".join(
                    _as_list(p.get("affirm_cues"), f"{where}.affirm_cues", errors)
                ),
            }
        )

    rows = []
    for i, c in enumerate(data["codings"]):
        where = f"codings[{i}]"
        if not isinstance(c, dict):
            errors.append(f"{where}: must be a mapping")
            continue
        if "article" in c:
            where = f"codings[{i}] (article {c['article']}, speaker {c.get('speaker')!r})"
        unknown = sorted(set(c) - _CODING_KEYS)
        if unknown:
            errors.append(f"{where}: unknown key(s) {unknown}")
        for key in _CODING_REQUIRED:
            v = c.get(key)
            if not isinstance(v, str) or not v.strip():
                label = "missing evidence" if key == "evidence" else f"missing '{key}'"
                errors.append(f"{where}: {label}")
        if c.get("proposition") and c["proposition"] not in seen:
            errors.append(
                f"{where}: unknown proposition id {c['proposition']!r} (known: {', '.join(sorted(seen))})"
            )
        if c.get("stance") and c["stance"] not in STANCES:
            errors.append(f"{where}: bad stance {c['stance']!r} (allowed: {', '.join(STANCES)})")
        if c.get("speaker_type") and c["speaker_type"] not in SPEAKER_TYPES:
            errors.append(
                f"{where}: bad speaker_type {c['speaker_type']!r} (allowed: {', '.join(SPEAKER_TYPES)})"
            )
        if c.get("form") is not None and c["form"] not in FORMS:
            errors.append(f"{where}: bad form {c['form']!r} (allowed: {', '.join(FORMS)})")
        occ = c.get("occurrence", 1)
        if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
            errors.append(f"{where}: occurrence must be a positive integer, got {occ!r}")
            occ = 1
        on_record = c.get("on_record")
        if on_record is not None and not isinstance(on_record, bool):
            errors.append(f"{where}: on_record must be true or false, got {on_record!r}")
            on_record = None
        form = c.get("form") or ("headline" if c.get("speaker_type") == "headline" else None)
        rows.append(
            {
                "coding_id": f"c{i + 1:03d}",
                "article_id": c.get("article"),
                "speaker": c.get("speaker"),
                "speaker_type": c.get("speaker_type"),
                "proposition_id": c.get("proposition"),
                "stance": c.get("stance"),
                "rationale": " ".join(str(c.get("rationale") or "").split()) or None,
                "evidence": c.get("evidence"),
                "form": form,
                "date_said": _iso_day(c.get("date_said"), where, errors),
                "date_said_evidence": c.get("date_said_evidence"),
                "occurrence": occ,
                "on_record": on_record,
            }
        )
    if errors:
        raise CodebookError(f"{path}: {len(errors)} problem(s):\n" + "\n".join(errors))
    propositions = schema.conform("propositions", pd.DataFrame(props))
    codings = pd.DataFrame(
        rows,
        columns=[
            "coding_id",
            "article_id",
            "speaker",
            "speaker_type",
            "proposition_id",
            "stance",
            "rationale",
            "evidence",
            "form",
            "date_said",
            "date_said_evidence",
            "occurrence",
            "on_record",
        ],
    )
    for col in codings.columns:
        if col == "occurrence":
            codings[col] = codings[col].astype("Int64")
        elif col == "on_record":
            codings[col] = codings[col].astype("boolean")
        else:
            codings[col] = codings[col].astype("string")
    return propositions, codings


def load_context(path: str | Path) -> pd.DataFrame:
    """Read cited later coverage (``context.yaml``) into a frame.

    Args:
        path: Path of the YAML file (a mapping with a ``context`` list).

    Returns:
        One row per entry: id, date_said, speaker, speaker_type, proposition_id, stance,
        claim, outlet, original_outlet, source_url, source_title, url_verified, evidence,
        also_reported_by (JSON text), sorted by date_said then id.

    Raises:
        CodebookError: when an entry lacks a claim, a source (URL or outlet + title), or has a
            bad stance or an unverified URL not marked as such.
    """
    import yaml

    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    entries = data.get("context") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise CodebookError(f"{path}: expected a mapping with a 'context' list")
    errors, rows = [], []
    for i, e in enumerate(entries):
        where = f"context[{i}] ({e.get('id') if isinstance(e, dict) else '?'})"
        if not isinstance(e, dict):
            errors.append(f"{where}: must be a mapping")
            continue
        for key in ("id", "claim", "speaker", "outlet"):
            if not e.get(key):
                errors.append(f"{where}: missing '{key}'")
        if not e.get("source_url") and not e.get("source_title"):
            errors.append(f"{where}: needs a source_url or a source_title")
        if "url_verified" not in e or not isinstance(e["url_verified"], bool):
            errors.append(f"{where}: url_verified must be true or false")
        if e.get("stance") is not None and e["stance"] not in STANCES:
            errors.append(f"{where}: bad stance {e['stance']!r}")
        rows.append(
            {
                "id": e.get("id"),
                "date_said": _iso_day(e.get("date_said"), where, errors),
                "speaker": e.get("speaker"),
                "speaker_type": e.get("speaker_type"),
                "proposition_id": e.get("proposition"),
                "stance": e.get("stance"),
                "claim": " ".join(str(e.get("claim") or "").split()),
                "outlet": e.get("outlet"),
                "original_outlet": e.get("original_outlet"),
                "source_url": e.get("source_url"),
                "source_title": e.get("source_title"),
                "url_verified": e.get("url_verified"),
                "evidence": e.get("evidence"),
                "also_reported_by": json.dumps(
                    e.get("also_reported_by") or [], ensure_ascii=False, sort_keys=True
                ),
            }
        )
    if errors:
        raise CodebookError(f"{path}: {len(errors)} problem(s):\n" + "\n".join(errors))
    df = pd.DataFrame(rows)
    if len(df):
        df = df.sort_values(["date_said", "id"], na_position="last", kind="stable").reset_index(
            drop=True
        )
    return df


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


# --------------------------------------------------------------------------------------
# Automatic suggestions
# --------------------------------------------------------------------------------------
# General English cue lexicons (no names of people or outlets).
_DENIAL_VERBS = r"den(?:y|ies|ied|ying|ial|ials)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|rul(?:e|es|ed|ing) out"
_NEGATORS = r"not|n['’]t|never|no|none|neither|nor|without|rather\s+than|instead\s+of"
_PRED_NEG = (
    r"(?:is|are|was|were|be|been)\s+(?:also\s+)?(?:totally\s+|completely\s+|absolutely\s+)?"
    r"(?:not\s+true|untrue|false|baseless|unfounded|groundless|fabricated|out\s+of\s+(?:the\s+)?question)"
    r"|untrue|out\s+of\s+(?:the\s+)?question|not\s+true"
)
_AFFIRM_VERBS = r"confirm(?:s|ed|ing)?|admit(?:s|ted|ting)?|acknowledg(?:e|es|ed|ing)|carried\s+out|conduct(?:s|ed|ing)?"
_NEUTRAL = (
    r"(?:neither\s+confirm(?:ed)?\s+nor\s+den(?:y|ied))"
    r"|(?:(?:did|does|do|would|will|could|can)\s*(?:not|n['’]t)\s+confirm\s+or\s+deny)"
    r"|(?:not\s+in\s+a\s+position\s+to\s+(?:confirm|deny))"
    r"|(?:no\s+knowledge\s+of)|(?:not\s+aware\s+of)|(?:unaware\s+of)|(?:no\s+information\s+(?:on|about))"
)
_NEG_BEFORE_VERB = r"(?:not|n['’]t|never|refus(?:e|es|ed|ing)\s+to|declin(?:e|es|ed|ing)\s+to|unable\s+to|could\s+not|cannot|can['’]t)"

_CLAUSE_SPLIT = re.compile(
    r"[.;:!?](?:\s|$)|\s[-\u2013\u2014]\s|,\s+(?:and|but|while|whereas|although|though)\b|\s(?:but|however|whereas|although|though)\b",
    re.I,
)
_NEG_WINDOW = 8  # tokens a bare negator reaches forward


@dataclass(frozen=True)
class _Prop:
    pid: str
    keywords: tuple[str, ...]
    context: tuple[str, ...]
    affirm_cues: tuple[str, ...]


def _phrase_re(phrase: str, *, prefix: bool) -> str:
    words = [re.escape(w) for w in phrase.split()]
    body = r"\s+".join(words)
    tail = r"\w*" if prefix else r"\b"
    return rf"(?<![\w-]){body}{tail}"


def _props_from_frame(propositions: pd.DataFrame) -> list[_Prop]:
    out = []
    for r in propositions.sort_values("proposition_id").itertuples(index=False):

        def split(v):
            return tuple(x for x in str(v).split("|") if x) if isinstance(v, str) else ()

        out.append(
            _Prop(
                str(r.proposition_id),
                split(getattr(r, "keywords", None)),
                split(getattr(r, "context", None)),
                split(getattr(r, "affirm_cues", None)),
            )
        )
    return out


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _CLAUSE_SPLIT.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end() if text[m.start()] in ".;:!?" else m.start() + 1
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _tok_index(text: str, pos: int) -> int:
    return len(re.findall(r"\S+", text[:pos]))


def _has_context(prop: _Prop, text: str) -> bool:
    if not prop.context:
        return True
    return any(
        re.search(_phrase_re(c, prefix=False), text, flags=re.I if not c.isupper() else 0)
        for c in prop.context
    )


def detect_stances(text: str, propositions: pd.DataFrame) -> list[dict]:
    """Suggest stances in one statement with general negation and affirmation rules.

    The statement is split into clauses (sentence ends, semicolons, dashes, and "but",
    "however", "while", "although"). In each clause, proposition keywords (word prefixes from
    the codebook) are found, subject to the proposition's ``context`` terms occurring in the
    sentence. Cues then target propositions:

    * neutral speech acts ("did not confirm or deny", "not in a position to confirm", "no
      knowledge of", "not aware of") -> ``neither`` for the next keyword;
    * a negator or refusal before an affirmation or denial verb ("did not deny", "could not
      confirm", "refused to confirm") -> ``neither`` (a negated denial is not an affirmation,
      and a negated confirmation is not a denial);
    * denial verbs (deny, reject, dismiss, refute, rule out) -> ``denies`` for the *next*
      keyword in the clause, so "denied coordinating strikes" targets coordination, not strikes;
    * bare negators (not, never, no, without ...) -> ``denies`` for the next keyword within a
      few words;
    * predicate negation ("... is false", "untrue", "out of question", "not true") ->
      ``denies`` for the *first* keyword of the clause (the head of its subject);
    * affirmation verbs (confirm, admit, carried out, conducted) and the proposition's own
      ``affirm_cues`` -> ``affirms`` for the nearest keyword.

    Each proposition gets at most one stance per clause: the cue nearest before its keyword
    (predicate negation and post-keyword affirmation cues apply when nothing precedes).

    Args:
        text: The statement (a quote, or a reporting verb followed by its reported content).
        propositions: Propositions frame with keywords/context/affirm_cues ("|"-joined).

    Returns:
        A list of dicts (sorted by cue_start, proposition_id) with proposition_id, stance,
        cue, cue_start, cue_end, keyword, keyword_start, rule.
    """
    props = _props_from_frame(propositions)
    results: list[dict] = []
    for c0, c1 in _clauses(text):
        clause = text[c0:c1]
        kw_hits = []  # (start, end, pid, keyword)
        for p in props:
            if not _has_context(p, text):
                continue
            for kw in p.keywords:
                for m in re.finditer(_phrase_re(kw, prefix=True), clause, flags=re.I):
                    kw_hits.append((m.start(), m.end(), p.pid, m.group(0)))
        if not kw_hits:
            continue
        kw_hits.sort()
        cues = []  # (start, end, kind, rule, own proposition or None)
        taken: list[tuple[int, int]] = []

        def add(pattern, kind, rule, own=None, clause=clause, cues=cues, taken=taken):
            for m in re.finditer(pattern, clause, re.I):
                if any(_overlap(m.start(), m.end(), a, b) for a, b in taken):
                    continue
                cues.append((m.start(), m.end(), kind, rule, own))
                taken.append((m.start(), m.end()))

        add(rf"\b(?:{_NEUTRAL})", "neither", "neutral-speech-act")
        add(
            rf"\b{_NEG_BEFORE_VERB}\s+(?:\w+\s+){{0,2}}?(?:{_DENIAL_VERBS})\b",
            "neither",
            "negated-denial",
        )
        add(
            rf"\b{_NEG_BEFORE_VERB}\s+(?:\w+\s+){{0,2}}?(?:{_AFFIRM_VERBS})\b",
            "neither",
            "negated-affirmation",
        )
        add(rf"\b(?:{_PRED_NEG})\b", "denies-pred", "predicate-negation")
        add(rf"\b(?:{_DENIAL_VERBS})\b", "denies-verb", "denial-verb")
        for p in props:
            for cue in p.affirm_cues:
                add(_phrase_re(cue, prefix=False), "affirms", "proposition-affirm-cue", own=p.pid)
        add(rf"\b(?:{_AFFIRM_VERBS})\b", "affirms", "affirmation-verb")
        add(rf"(?<![\w-])(?:{_NEGATORS})\b", "denies-neg", "negator")
        cues.sort()
        # Affirmation cues inside the scope of a denial, negation or neutral speech act are
        # reported content ("denied reports that X carried out strikes"), not affirmations;
        # so are those inside the subject of a predicate negation ("reports that ... are false").
        scope_starts = [c[0] for c in cues if c[2] in ("neither", "denies-verb", "denies-neg")]
        pred_starts = [c[0] for c in cues if c[2] == "denies-pred"]
        cues = [
            c
            for c in cues
            if c[2] != "affirms"
            or not (any(s < c[0] for s in scope_starts) or any(s >= c[1] for s in pred_starts))
        ]

        def is_adjunct(hit, clause=clause):
            # a keyword introduced by "in" ("in coordination with", "in cooperation or coordination")
            return (
                re.search(r"\bin\s+(?:\w+\s+(?:or|and)\s+)?$", clause[: hit[0]], re.I) is not None
            )

        best: dict[str, tuple] = {}

        def offer(pid, distance, cs, ce, stance, rule, target, best=best):
            cand = (distance, cs, ce, stance, rule, target)
            if pid not in best or cand[:2] < best[pid][:2]:
                best[pid] = cand

        for cs, ce, kind, rule, own in cues:
            after = [h for h in kw_hits if h[0] >= ce]
            before = [h for h in kw_hits if h[1] <= cs]
            if kind == "affirms":
                pool_after = [h for h in after if own is None or h[2] == own]
                pool_before = [h for h in before if own is None or h[2] == own]
                if own is not None and not pool_after and not pool_before:
                    inside = [h for h in kw_hits if h[2] == own and _overlap(cs, ce, h[0], h[1])]
                    pool_after = inside
                target = pool_after[0] if pool_after else (pool_before[-1] if pool_before else None)
                if target is not None:
                    d = abs(target[0] - ce) if target[0] >= cs else abs(cs - target[1]) + 10_000
                    offer(target[2], d, cs, ce, "affirms", rule, target)
                continue
            if kind == "neither":
                target = after[0] if after else (before[-1] if before else None)
                if target is not None:
                    d = abs(target[0] - ce) if target[0] >= ce else abs(cs - target[1]) + 10_000
                    offer(target[2], d, cs, ce, "neither", rule, target)
                continue
            # denials: the scope is what follows the cue (what precedes, for a predicate
            # negation); within it, an adjunct ("in coordination with ...") is the focus and the
            # other propositions in scope are left undecided ("neither").
            if kind == "denies-pred":
                # "X is false" denies X; "it is untrue that X" denies X (extraposition)
                scope = after if re.match(r"\s+that\b", clause[ce:], re.I) else before
            elif kind == "denies-neg":
                scope = [
                    h
                    for h in after
                    if _tok_index(clause, h[0]) - _tok_index(clause, ce) <= _NEG_WINDOW
                ]
                adj = [h for h in after if is_adjunct(h)]
                scope = scope + [h for h in adj if h not in scope]
            else:
                scope = after
            if not scope:
                continue
            adjuncts = [h for h in scope if is_adjunct(h)]
            target = adjuncts[0] if adjuncts else scope[0]
            d = abs(target[0] - ce) if target[0] >= ce else abs(cs - target[1])
            offer(target[2], d, cs, ce, "denies", rule, target)
            if adjuncts:
                for h in scope:
                    if h[2] != target[2]:
                        offer(
                            h[2],
                            20_000 + abs(h[0] - ce),
                            cs,
                            ce,
                            "neither",
                            "outside-denial-focus",
                            h,
                        )
        for pid in sorted(best):
            _, cs, ce, stance, rule, target = best[pid]
            results.append(
                {
                    "proposition_id": pid,
                    "stance": stance,
                    "cue": clause[cs:ce],
                    "cue_start": c0 + cs,
                    "cue_end": c0 + ce,
                    "keyword": target[3],
                    "keyword_start": c0 + target[0],
                    "rule": rule,
                }
            )
    results.sort(key=lambda d: (d["cue_start"], d["proposition_id"]))
    return results


_STRENGTH = {"denies": 2, "affirms": 2, "neither": 1}


def suggest_stances(
    quotes: pd.DataFrame,
    propositions: pd.DataFrame,
    exclude: pd.DataFrame | None = None,
    articles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Suggest stances for quotes with the general rules of :func:`detect_stances`.

    For direct quotes the quoted words are analysed; for indirect and partial quotes the
    reporting cue is prepended when it is not already inside the quote ("denied" + "that
    ..."), so that a denial verb outside the reported content still counts. One suggestion
    per quote and proposition: an affirms/denies found in any clause beats a neither; the
    first in text order wins ties.

    Args:
        quotes: ``quotes`` frame (needs quote_id, article_id, quote, start, end; uses kind,
            cue, speaker, speaker_type, person_id when present).
        propositions: Propositions frame from :func:`load_codebook`.
        exclude: Optional codebook ``stances``; suggestions overlapping a codebook stance on
            the same article and proposition are dropped (what is left is what the codebook
            does not cover).
        articles: Optional ``articles`` frame. When given, indirect and partial quotes are
            analysed together with their reporting frame, from the start of the attribution
            sentence (``sentence_start``) to the end of the quote, so that "did not confirm or
            deny the reports that ..." is read as a whole whatever the extractor chose as cue.

    Returns:
        A ``stances`` frame with source ``auto`` and on_record from the quote's speaker_type,
        plus columns rule, cue, keyword; sorted by article_id, evidence_start, proposition_id.
    """
    rows = []
    bodies = (
        dict(zip(articles["article_id"], articles["body"], strict=True))
        if articles is not None and len(articles)
        else {}
    )
    if quotes is not None and len(quotes):
        for q in quotes.sort_values(["article_id", "start", "quote_id"], kind="stable").itertuples(
            index=False
        ):
            words = str(q.quote)
            cue = getattr(q, "cue", None)
            kind = getattr(q, "kind", "direct")
            text = words
            body = bodies.get(q.article_id)
            s0 = getattr(q, "sentence_start", None)
            if (
                kind != "direct"
                and body is not None
                and pd.notna(s0)
                and 0 <= int(s0) <= int(q.start)
            ):
                text = body[int(s0) : int(q.end)]
            elif (
                kind != "direct"
                and isinstance(cue, str)
                and cue
                and cue.casefold() not in words.casefold()
            ):
                text = f"{cue} {words}"
            found: dict[str, dict] = {}
            for d in detect_stances(text, propositions):
                cur = found.get(d["proposition_id"])
                if cur is None or _STRENGTH[d["stance"]] > _STRENGTH[cur["stance"]]:
                    found[d["proposition_id"]] = d
            stype = getattr(q, "speaker_type", None)
            for pid in sorted(found):
                d = found[pid]
                rows.append(
                    {
                        "article_id": q.article_id,
                        "speaker": getattr(q, "speaker", None),
                        "speaker_type": stype,
                        "person_id": getattr(q, "person_id", None),
                        "proposition_id": pid,
                        "stance": d["stance"],
                        "rationale": f"rule {d['rule']}: cue {d['cue']!r} -> keyword {d['keyword']!r}",
                        "evidence": words,
                        "evidence_start": int(q.start),
                        "evidence_end": int(q.end),
                        "quote_id": q.quote_id,
                        "source": "auto",
                        "on_record": _default_on_record(stype),
                        "rule": d["rule"],
                        "cue": d["cue"],
                        "keyword": d["keyword"],
                    }
                )
    df = pd.DataFrame(rows)
    if not len(df):
        return schema.conform("stances", None)
    if exclude is not None and len(exclude):
        keep = []
        for r in df.itertuples(index=False):
            ex = exclude[
                (exclude["article_id"] == r.article_id)
                & (exclude["proposition_id"] == r.proposition_id)
            ]
            covered = any(
                pd.notna(s)
                and pd.notna(e)
                and _overlap(r.evidence_start, r.evidence_end, int(s), int(e)) > 0
                for s, e in zip(ex["evidence_start"], ex["evidence_end"], strict=True)
            )
            keep.append(not covered)
        df = df[keep]
    df = df.sort_values(
        ["article_id", "evidence_start", "proposition_id", "quote_id"], kind="stable"
    ).reset_index(drop=True)
    if not len(df):
        return schema.conform("stances", None)
    df["stance_id"] = _assign_ids(df, "a")
    return schema.conform("stances", df)


def score_suggestions(auto: pd.DataFrame, codebook_stances: pd.DataFrame) -> dict:
    """Score automatic suggestions against the codebook.

    A suggestion *matches* a codebook stance when both are in the same article, on the same
    proposition, and their spans overlap (headline codings are left out: no quote covers a
    headline). Matching is one-to-one, greedily by largest overlap (never by agreement).

    Args:
        auto: Output of :func:`suggest_stances` (without ``exclude``).
        codebook_stances: Output of :func:`code_stances`.

    Returns:
        A dict with ``n_codebook`` (scorable codebook stances), ``n_auto``, ``n_matched``,
        ``coverage`` (matched / n_codebook), ``agreement`` (same stance / matched),
        ``speaker_agreement`` (same speaker, case-insensitive / matched),
        ``precision_proxy`` (auto rows overlapping some codebook stance, headlines included,
        / n_auto),
        ``confusion`` (DataFrame: rows = codebook stance, columns = auto stance, with a
        ``none`` row for unmatched suggestions and a ``none`` column for missed codings),
        ``matches`` (the pairs), ``missed`` and ``extra`` (unmatched rows).
    """
    cb = codebook_stances[
        (codebook_stances["speaker_type"] != "headline")
        & codebook_stances["evidence_start"].notna()
        & (
            codebook_stances.get(
                "evidence_in", pd.Series("body", index=codebook_stances.index)
            ).fillna("body")
            == "body"
        )
    ].reset_index(drop=True)
    au = auto.reset_index(drop=True)
    cand_pairs = []
    for i, c in cb.iterrows():
        cand = au[
            (au["article_id"] == c["article_id"]) & (au["proposition_id"] == c["proposition_id"])
        ]
        for j, a in cand.iterrows():
            ov = _overlap(
                int(a["evidence_start"]),
                int(a["evidence_end"]),
                int(c["evidence_start"]),
                int(c["evidence_end"]),
            )
            if ov > 0:
                cand_pairs.append((-ov, str(c["stance_id"]), str(a["stance_id"]), i, j))
    # one-to-one, greedily by overlap (never by agreement, so the score is not flattered)
    used_cb: set[int] = set()
    used_auto: set[int] = set()
    pairs = []
    for _, _, _, i, j in sorted(cand_pairs):
        if i in used_cb or j in used_auto:
            continue
        used_cb.add(i)
        used_auto.add(j)
        pairs.append((i, j))
    pairs.sort()
    labels = list(STANCES) + ["none"]
    conf = pd.DataFrame(
        0, index=pd.Index(labels, name="codebook"), columns=pd.Index(labels, name="auto")
    )
    matched_cb = {i for i, _ in pairs}
    for i, j in pairs:
        conf.loc[cb.at[i, "stance"], au.at[j, "stance"]] += 1
    for i in range(len(cb)):
        if i not in matched_cb:
            conf.loc[cb.at[i, "stance"], "none"] += 1
    # auto rows that overlap no codebook stance at all (on the same proposition)
    extra_idx = []
    allcb = codebook_stances[codebook_stances["evidence_start"].notna()]
    for j, a in au.iterrows():
        if j in used_auto:
            continue
        ex = allcb[
            (allcb["article_id"] == a["article_id"])
            & (allcb["proposition_id"] == a["proposition_id"])
        ]
        hit = any(
            _overlap(int(a["evidence_start"]), int(a["evidence_end"]), int(s), int(e)) > 0
            for s, e in zip(ex["evidence_start"], ex["evidence_end"], strict=True)
        )
        if not hit:
            extra_idx.append(j)
            conf.loc["none", a["stance"]] += 1
    n_m = len(pairs)
    same = sum(cb.at[i, "stance"] == au.at[j, "stance"] for i, j in pairs)
    same_spk = sum(
        _norm_name(cb.at[i, "speaker"]) == _norm_name(au.at[j, "speaker"]) for i, j in pairs
    )
    matches = pd.DataFrame(
        [
            {
                "stance_id": cb.at[i, "stance_id"],
                "auto_stance_id": au.at[j, "stance_id"],
                "article_id": cb.at[i, "article_id"],
                "proposition_id": cb.at[i, "proposition_id"],
                "speaker": cb.at[i, "speaker"],
                "auto_speaker": au.at[j, "speaker"],
                "stance": cb.at[i, "stance"],
                "auto_stance": au.at[j, "stance"],
                "agree": cb.at[i, "stance"] == au.at[j, "stance"],
            }
            for i, j in pairs
        ]
    )
    return {
        "n_codebook": len(cb),
        "n_auto": len(au),
        "n_matched": n_m,
        "coverage": n_m / len(cb) if len(cb) else float("nan"),
        "agreement": same / n_m if n_m else float("nan"),
        "speaker_agreement": same_spk / n_m if n_m else float("nan"),
        "precision_proxy": (len(au) - len(extra_idx)) / len(au) if len(au) else float("nan"),
        "confusion": conf,
        "matches": matches,
        "missed": cb[[i not in matched_cb for i in range(len(cb))]].reset_index(drop=True),
        "extra": au.loc[extra_idx].reset_index(drop=True),
    }


def combine_stances(codebook_stances: pd.DataFrame, auto: pd.DataFrame) -> pd.DataFrame:
    """Codebook stances plus the automatic suggestions the codebook does not cover.

    Args:
        codebook_stances: Output of :func:`code_stances`.
        auto: Output of :func:`suggest_stances`.

    Returns:
        A ``stances`` frame sorted by article_id, evidence_start, source, proposition_id.
    """
    extra = auto
    if len(auto) and len(codebook_stances):
        keep = []
        for r in auto.itertuples(index=False):
            ex = codebook_stances[
                (codebook_stances["article_id"] == r.article_id)
                & (codebook_stances["proposition_id"] == r.proposition_id)
            ]
            keep.append(
                not any(
                    pd.notna(s)
                    and _overlap(int(r.evidence_start), int(r.evidence_end), int(s), int(e)) > 0
                    for s, e in zip(ex["evidence_start"], ex["evidence_end"], strict=True)
                )
            )
        extra = auto[keep]
    parts = [p for p in (codebook_stances, extra) if len(p)]
    if not parts:
        return schema.conform("stances", None)
    df = pd.concat(parts, ignore_index=True)
    df["_s"] = pd.to_numeric(df["evidence_start"], errors="coerce")
    df = df.sort_values(
        ["article_id", "_s", "source", "proposition_id", "stance_id"],
        na_position="last",
        kind="stable",
    )
    return schema.conform("stances", df.drop(columns="_s").reset_index(drop=True))


# --------------------------------------------------------------------------------------
# Contradictions and headline support
# --------------------------------------------------------------------------------------
def _dates_for(stances: pd.DataFrame, events: pd.DataFrame | None) -> pd.DataFrame:
    """date_start/date_end/date_basis per stance row (events via quote_id, else date_said)."""
    ev = {}
    wanted = stances["quote_id"].dropna().unique() if "quote_id" in stances.columns else []
    if events is not None and len(events) and len(wanted) and "quote_id" in events.columns:
        # only the events of the stances' quotes (a large corpus has far more events than stances)
        e = events[events["quote_id"].isin(wanted)]
        e = e.dropna(subset=["quote_id"]).sort_values(
            ["quote_id", "date_start"], na_position="last", kind="stable"
        )
        for r in e.itertuples(index=False):
            if r.quote_id not in ev and pd.notna(r.date_start):
                ev[r.quote_id] = (
                    pd.Timestamp(r.date_start),
                    pd.Timestamp(r.date_end)
                    if pd.notna(r.date_end)
                    else pd.Timestamp(r.date_start),
                )
    out = []
    for r in stances.itertuples(index=False):
        qid = getattr(r, "quote_id", None)
        said = getattr(r, "date_said", None)
        if isinstance(qid, str) and qid in ev:
            out.append((*ev[qid], "events"))
        elif isinstance(said, str) and said:
            d = pd.Timestamp(said)
            out.append((d, d, "codebook"))
        else:
            out.append((pd.NaT, pd.NaT, None))
    return pd.DataFrame(out, columns=["date_start", "date_end", "date_basis"], index=stances.index)


def find_contradictions(
    stances: pd.DataFrame,
    events: pd.DataFrame | None = None,
    *,
    speaker_types: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Pairs of statements by different speakers taking opposite stances on one proposition.

    Side ``a`` always affirms and side ``b`` always denies; ``neither`` never contradicts.

    Args:
        stances: A ``stances`` frame.
        events: Optional ``events`` frame (quote_id, date_start, date_end): dates come from the
            event of each statement's quote; otherwise from the codebook's ``date_said``.
        speaker_types: Only consider these speaker types (default: all, headlines included).

    Returns:
        One row per statement pair: contradiction_id, proposition_id, speaker_a,
        speaker_type_a, stance_id_a, article_id_a, evidence_a, evidence_start_a,
        evidence_end_a, date_start_a, date_end_a, date_basis_a, and the same for ``b``;
        plus same_article. Sorted by proposition_id, speaker_a, speaker_b, stance_id_a,
        stance_id_b.
    """
    s = stances
    if speaker_types is not None:
        s = s[s["speaker_type"].isin(list(speaker_types))]
    s = s.join(_dates_for(s, events))
    cols = [
        "stance_id",
        "speaker",
        "speaker_type",
        "article_id",
        "evidence",
        "evidence_start",
        "evidence_end",
        "date_start",
        "date_end",
        "date_basis",
    ]
    aff = s[s["stance"] == "affirms"][["proposition_id", *cols]]
    den = s[s["stance"] == "denies"][["proposition_id", *cols]]
    pairs = aff.merge(den, on="proposition_id", suffixes=("_a", "_b"))
    pairs = pairs[pairs["speaker_a"].map(_norm_name) != pairs["speaker_b"].map(_norm_name)]
    pairs = pairs.sort_values(
        ["proposition_id", "speaker_a", "speaker_b", "stance_id_a", "stance_id_b"], kind="stable"
    ).reset_index(drop=True)
    pairs["same_article"] = (pairs["article_id_a"] == pairs["article_id_b"]).astype("boolean")
    pairs.insert(
        0,
        "contradiction_id",
        pd.array([f"x{i + 1:04d}" for i in range(len(pairs))], dtype="string"),
    )
    return pairs


def headline_support(stances: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Is each headline's coded claim supported by a source in the body of its own article?

    For every headline coding (speaker_type ``headline``; for an article without a headline
    the codebook codes its lede this way), the body statements of the same article on the same
    proposition with the *same* stance are its support. Only sources count (person,
    institution, anonymous); the outlet's own characterisations (media) are listed separately
    because an outlet cannot support its own headline.

    Args:
        stances: A ``stances`` frame.
        articles: ``articles`` frame (article_id, optionally headline and lede).

    Returns:
        One row per article x proposition x headline stance: article_id, proposition_id,
        headline_stance, headline_kind (headline|lede), headline_text, supporting_speakers
        ("|"-joined, sorted), on_record_support, anonymous_support, media_support_speakers,
        verdict ("supported on the record" / "rests only on anonymous source(s)" / "not
        supported in the body"). Sorted by article_id, proposition_id.
    """
    heads = stances[stances["speaker_type"] == "headline"]
    body = stances[stances["speaker_type"] != "headline"]
    arts = {}
    if articles is not None and len(articles):
        for r in articles.itertuples(index=False):
            arts[r.article_id] = (
                getattr(r, "headline", None) if "headline" in articles.columns else None
            )
    rows = []
    keys = heads[["article_id", "proposition_id", "stance"]].drop_duplicates()
    for k in keys.sort_values(["article_id", "proposition_id", "stance"]).itertuples(index=False):
        h = heads[
            (heads["article_id"] == k.article_id)
            & (heads["proposition_id"] == k.proposition_id)
            & (heads["stance"] == k.stance)
        ]
        sup = body[
            (body["article_id"] == k.article_id)
            & (body["proposition_id"] == k.proposition_id)
            & (body["stance"] == k.stance)
        ]
        src = sup[sup["speaker_type"].isin(SOURCE_TYPES)]
        on_rec = bool(
            (
                src["on_record"].fillna(False).astype(bool)
                & src["speaker_type"].isin(ON_RECORD_TYPES)
            ).any()
        )
        anon = bool((src["speaker_type"] == "anonymous").any())
        media = sorted(set(sup.loc[sup["speaker_type"] == "media", "speaker"].dropna()))
        if on_rec:
            verdict = "supported on the record"
        elif anon:
            verdict = "rests only on anonymous source(s)"
        else:
            verdict = "not supported in the body"
        headline = arts.get(k.article_id)
        has_headline = isinstance(headline, str) and bool(headline)
        ev_in = h["evidence_in"].iloc[0] if "evidence_in" in h.columns else None
        kind = (
            "headline"
            if (ev_in == "headline" or (has_headline and ev_in is None))
            else ("headline" if has_headline and str(h["evidence"].iloc[0]) in headline else "lede")
        )
        rows.append(
            {
                "article_id": k.article_id,
                "proposition_id": k.proposition_id,
                "headline_stance": k.stance,
                "headline_kind": kind,
                "headline_text": h["evidence"].iloc[0],
                "supporting_speakers": "|".join(sorted(set(src["speaker"].dropna()))),
                "on_record_support": on_rec,
                "anonymous_support": anon,
                "media_support_speakers": "|".join(media),
                "verdict": verdict,
            }
        )
    cols = [
        "article_id",
        "proposition_id",
        "headline_stance",
        "headline_kind",
        "headline_text",
        "supporting_speakers",
        "on_record_support",
        "anonymous_support",
        "media_support_speakers",
        "verdict",
    ]
    df = pd.DataFrame(rows, columns=cols)
    for c in cols:
        df[c] = df[c].astype(
            "boolean" if c in ("on_record_support", "anonymous_support") else "string"
        )
    return df.sort_values(
        ["article_id", "proposition_id", "headline_stance"], kind="stable"
    ).reset_index(drop=True)


# --------------------------------------------------------------------------------------
# ClaimReview export
# --------------------------------------------------------------------------------------
_CONTEXT = "https://schema.org"


def _iso(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    try:
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    except (ValueError, TypeError):
        return None


def _author(speaker, speaker_type, outlet) -> dict:
    if speaker_type == "person":
        return {"@type": "Person", "name": speaker}
    if speaker_type == "anonymous":
        return {"@type": "Person", "name": f"{speaker} (anonymous)"}
    if speaker_type == "headline":
        return {
            "@type": "Organization",
            "name": outlet or str(speaker).removesuffix(" headline").removesuffix(" lede"),
        }
    return {"@type": "Organization", "name": speaker}


def to_claimreview(
    stances: pd.DataFrame,
    articles: pd.DataFrame,
    propositions: pd.DataFrame,
    *,
    review_date: str | None = None,
    reviewer: str = "iranstrikes claims codebook",
    sources: Iterable[str] = ("codebook",),
) -> list[dict]:
    """Export coded claims as schema.org ClaimReview JSON-LD objects.

    One ClaimReview per stance row. ``reviewRating`` carries the *stance* toward the
    proposition (``alternateName``: affirms / denies / neither), not a truth verdict: the
    codebook records who said what, not whether it is true.

    Args:
        stances: A ``stances`` frame.
        articles: ``articles`` frame (url, headline, published, outlet used when present).
        propositions: Propositions frame (proposition_id, text).
        review_date: ISO date of the review; defaults to the article's publication day.
        reviewer: Name of the reviewing organisation.
        sources: Which stance sources to export (default: curated codings only).

    Returns:
        A list of dicts, in the order of the stances frame sorted by stance_id.
    """
    arts = (
        {r["article_id"]: r for r in articles.to_dict("records")}
        if articles is not None and len(articles)
        else {}
    )
    ptext = dict(zip(propositions["proposition_id"], propositions["text"], strict=True))
    out = []
    sel = stances[stances["source"].isin(list(sources))].sort_values("stance_id", kind="stable")
    for r in sel.to_dict("records"):
        art = arts.get(r["article_id"], {})
        url = art.get("url")
        url = url if isinstance(url, str) and url else None
        published = _iso(art.get("published"))
        outlet = art.get("outlet") if isinstance(art.get("outlet"), str) else None
        appearance = {"@type": "NewsArticle", "identifier": r["article_id"]}
        if url:
            appearance["url"] = url
        if isinstance(art.get("headline"), str):
            appearance["headline"] = art["headline"]
        if published:
            appearance["datePublished"] = published
        if outlet:
            appearance["publisher"] = {"@type": "Organization", "name": outlet}
        claim = {
            "@type": "Claim",
            "author": _author(r["speaker"], r["speaker_type"], outlet),
            "appearance": appearance,
            "about": {
                "@type": "Thing",
                "identifier": r["proposition_id"],
                "description": ptext.get(r["proposition_id"]),
            },
        }
        said = _iso(r.get("date_said"))
        if said:
            claim["datePublished"] = said
        item = {
            "@context": _CONTEXT,
            "@type": "ClaimReview",
            "identifier": r["stance_id"],
            "claimReviewed": r["evidence"],
            "itemReviewed": claim,
            "author": {"@type": "Organization", "name": reviewer},
            "datePublished": review_date or published,
            "reviewRating": {
                "@type": "Rating",
                "alternateName": r["stance"],
                "ratingExplanation": r.get("rationale")
                if isinstance(r.get("rationale"), str)
                else None,
            },
        }
        if url:
            item["url"] = url
        item = {k: v for k, v in item.items() if v is not None}
        item["reviewRating"] = {k: v for k, v in item["reviewRating"].items() if v is not None}
        out.append(item)
    return out


def write_claimreview(
    path: str | Path,
    stances: pd.DataFrame,
    articles: pd.DataFrame,
    propositions: pd.DataFrame,
    **kwargs,
) -> Path:
    """Write :func:`to_claimreview` output as a JSON array (UTF-8, indented, sorted keys).

    Args:
        path: Output file.
        stances: A ``stances`` frame.
        articles: ``articles`` frame.
        propositions: Propositions frame.
        **kwargs: Passed to :func:`to_claimreview`.

    Returns:
        The path written.
    """
    path = Path(path)
    data = to_claimreview(stances, articles, propositions, **kwargs)
    path.write_text(
        json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return path
