"""Export of coded claims as schema.org ClaimReview JSON-LD.

What belongs here: :func:`to_claimreview` and :func:`write_claimreview`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

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
