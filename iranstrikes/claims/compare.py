"""Comparing stances: contradictions between speakers, and headline support.

What belongs here: :func:`find_contradictions` (pairs of speakers with opposite stances on one
proposition, with dates) and :func:`headline_support` (whether each headline's claim rests on
its body, and on whom).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .codebook import ON_RECORD_TYPES, SOURCE_TYPES
from .coding import _norm_name


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
