"""Cross-article inference of publication dates, and the whole chronology.

Cross-article: publication ranges of undated articles inferred from the corpus, with
their evidence and confidence (:func:`infer_publication_dates`), and :func:`build_chronology`,
which chains events, inference, conflicts and timeline.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections import namedtuple

import numpy as np
import pandas as pd

from .events import extract_events
from .expressions import _WD, _WEEKDAY_NUM, _find_dates
from .frames import EVENT_COLUMNS, INFERRED_COLUMNS, SAME_EVENT_JACCARD, _frame
from .grouping import (
    _DAY_NS,
    _date_ns,
    _iso_day,
    _jaccard,
    _keys,
    _ns_list,
    _sorted_events,
    _tokens,
)
from .resolve import _day, _resolve_match
from .timeline import find_conflicts, merge_timeline

# --------------------------------------------------------------------------------------
# Cross-article: publication dates of undated articles
# --------------------------------------------------------------------------------------


# the columns of an undated article's event that infer_publication_dates reads
_UndatedRow = namedtuple(
    "_UndatedRow",
    "article_id event_id method basis date_text date_text_start date_text_end date_start",
)


def infer_publication_dates(articles: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Infer a publication range for each article whose ``published`` is missing.

    Constraints, intersected over a candidate window of days:

    * a past-tense weekday reported of the same actor with a similar description as a
      dated report elsewhere in the corpus (on day D) means: published in [D, D+6] and the
      weekday resolves to D;
    * otherwise a past-tense weekday means: it resolves to a day of that weekday that the
      corpus contains (a single-day date of a dated article, or a publication day);
    * an explicit date in past tense (year written, or taken from the corpus) is a lower bound.

    Never a point guess: the result is a range [published, published_latest] with basis
    ``inferred`` and the evidence spelled out; with no usable constraint both are NaT and
    the basis is ``unknown``.

    Args:
        articles: Columns article_id, published (NaT when unknown), published_latest.
        events: Events of all articles (from :func:`extract_events`).

    Returns:
        One row per undated article (columns article_id, published, published_latest,
        published_basis, published_evidence), sorted by article_id.
    """
    arts = articles.sort_values("article_id", kind="mergesort")
    undated_ids = [
        str(a)
        for a, missing in zip(arts["article_id"].tolist(), arts["published"].isna(), strict=True)
        if missing
    ]
    if not undated_ids:
        return _frame([], INFERRED_COLUMNS)
    dated_ids = {str(a) for a in arts["article_id"]} - set(undated_ids)
    ev = _sorted_events(events) if events is not None and len(events) else _frame([], EVENT_COLUMNS)
    ev_aid = ev["article_id"].astype(str)
    of_dated = ev_aid.isin(dated_ids).to_numpy()
    of_undated = ev_aid.isin(undated_ids).to_numpy()
    ref_days: set[pd.Timestamp] = set()
    for p, pl in zip(arts["published"], arts["published_latest"], strict=True):
        if not pd.isna(p) and (pd.isna(pl) or pl == p):
            ref_days.add(_day(p))
    # single-day dates of dated articles (recent, anchored days only: not explicit ones)
    ds_col, de_col = ev["date_start"], ev["date_end"]
    single = (ds_col.notna() & (ds_col == de_col)).to_numpy(dtype=bool)
    exact = of_dated & single & (ev["basis"].astype(str) != "explicit").to_numpy(dtype=bool)
    ref_days |= {_day(d) for d in ds_col[exact].unique()}
    # The rows the original reads, in its order: the dated articles' events, then the
    # undated articles' (``j`` below indexes this order). Actor keys and content tokens are
    # only needed for single-day events of dated articles and for the undated articles'
    # events (looked up by event id), so only those are computed.
    pos_dated, pos_undated = np.flatnonzero(of_dated), np.flatnonzero(of_undated)
    rows_all = np.concatenate([pos_dated, pos_undated])
    eids = [str(e) for e in ev["event_id"].tolist()]
    index_of = {eids[p]: j for j, p in enumerate(rows_all.tolist())}
    cand_js = np.flatnonzero(single[pos_dated]).tolist()  # (j < len(pos_dated): dated rows)
    needed = sorted({*cand_js, *(index_of[eids[p]] for p in pos_undated.tolist())})
    cols = [c for c in ("person_id", "actor", "description") if c in ev]
    sub = ev[cols].take(rows_all[needed]) if needed else ev[cols].iloc[:0]
    keys: list = [None] * len(rows_all)
    toks: list = [None] * len(rows_all)
    for j, k, t in zip(needed, _keys(sub, None), _tokens(sub), strict=True):
        keys[j], toks[j] = k, t
    ds_ns = _ns_list(_date_ns(ds_col.take(pos_dated)))  # (the candidates are dated rows)
    n_dated = len(pos_dated)
    # (key, weekday) -> token set -> (days, members): each distinct description is scored once
    by_key: dict[tuple[str, int], dict[frozenset[str], tuple[set, list[int]]]] = {}
    for j in cand_js:
        if keys[j]:
            v = ds_ns[j]
            d = v - v % _DAY_NS  # the day (midnight), as _day
            wd = (d // _DAY_NS + 3) % 7  # (1970-01-01 was a Thursday)
            days_j, members_j = by_key.setdefault((keys[j], wd), {}).setdefault(
                toks[j], (set(), [])
            )
            days_j.add(d)
            members_j.append(j)
    ref_of_weekday: dict[int, tuple[set[pd.Timestamp], str]] = {}  # (days, as listed)
    valid_memo: dict[tuple, set[int]] = {}
    # the rows of undated articles only, as plain values
    undated_rows = list(
        map(
            _UndatedRow._make,
            zip(*(ev[c].take(pos_undated).tolist() for c in _UndatedRow._fields), strict=True),
        )
    )
    rows_of: dict[str, list] = {}
    for r in undated_rows:
        rows_of.setdefault(str(r.article_id), []).append(r)
    out = []
    for aid in undated_ids:
        rows = rows_of.get(aid, [])
        constraints: list[tuple[str, object]] = []  # (evidence, predicate on day)
        lower: list[tuple[pd.Timestamp, str]] = []
        for r in rows:
            method = str(r.method)
            where = f"{aid}:{r.date_text_start}-{r.date_text_end}"
            if method.startswith("weekday-past") or method == "weekday-last":
                wd = _weekday_of(str(r.date_text))
                if wd is None:
                    continue
                mod = "last" if method == "weekday-last" else ""
                i = index_of.get(str(r.event_id))
                cands = by_key.get((keys[i], wd), {}) if i is not None and keys[i] else {}
                found: set[int] = set()
                for t, (days_t, members_t) in cands.items():
                    if _jaccard(toks[i], t) < SAME_EVENT_JACCARD:
                        continue
                    if i < n_dated and i in members_t:  # never the event itself
                        found |= {ds_ns[j] - ds_ns[j] % _DAY_NS for j in members_t if j != i}
                    else:
                        found |= days_t
                matches = sorted(found)
                if matches:
                    days = {_day_ts(d) for d in matches}
                    why = (
                        f"'{r.date_text}' ({where}) matches a dated report of the same actor on "
                        + ", ".join(_iso_day(d) for d in matches)
                    )
                else:
                    if wd not in ref_of_weekday:
                        wdays = {d for d in ref_days if d.weekday() == wd}
                        listed = ", ".join(sorted(d.date().isoformat() for d in wdays))
                        ref_of_weekday[wd] = (wdays, listed)
                    days, listed = ref_of_weekday[wd]
                    if not days:
                        continue
                    why = (
                        f"'{r.date_text}' ({where}) taken as a {calendar.day_name[wd]} the corpus "
                        "contains: " + listed
                    )
                memo_key = (wd, mod, frozenset(days))
                valid = valid_memo.get(memo_key)
                if valid is None:
                    valid = valid_memo[memo_key] = _publication_days(wd, mod, days)
                constraints.append((why, valid))
            elif str(r.basis) == "explicit" and not pd.isna(r.date_start):
                lower.append(
                    (_day(r.date_start), f"explicit '{r.date_text}' ({where}) is a lower bound")
                )
            elif "year-from-anchor" in method and ref_days:
                y = _year_from_corpus(str(r.date_text), ref_days)
                if y is not None:
                    lower.append(
                        (y, f"'{r.date_text}' ({where}) with the corpus year is a lower bound")
                    )
        rec = {"article_id": aid, "published": pd.NaT, "published_latest": pd.NaT}
        if constraints:
            cand_lo = (
                min(min(d for d in ref_days), *(d for d, _ in lower)) if lower else min(ref_days)
            )
            cand_hi = max(ref_days) + pd.Timedelta(days=7)
            # the candidate days in [cand_lo, cand_hi] that satisfy every constraint (in ns)
            common = set.intersection(*(v for _, v in constraints))
            lo_ns, hi_ns = cand_lo.value, cand_hi.value
            lower_ns = [d.value for d, _ in lower]
            ok = [
                _day_ts(p)
                for p in sorted(common)
                if lo_ns <= p <= hi_ns and all(p >= d for d in lower_ns)
            ]
            if ok:
                rec.update(published=ok[0], published_latest=ok[-1], published_basis="inferred")
                rec["published_evidence"] = (
                    "; ".join([w for w, _ in constraints] + [w for _, w in lower])
                    + f" => published {ok[0].date().isoformat()}..{ok[-1].date().isoformat()}"
                )
            else:
                rec.update(
                    published_basis="unknown",
                    published_evidence="inconsistent constraints: "
                    + "; ".join(w for w, _ in constraints),
                )
        elif lower:
            d, _ = max(lower)
            rec.update(
                published=d,
                published_latest=pd.NaT,
                published_basis="inferred",
                published_evidence="; ".join(w for _, w in sorted(lower))
                + f" => published on or after {d.date().isoformat()} (no upper bound)",
            )
        else:
            rec.update(published_basis="unknown", published_evidence="no usable date references")
        out.append(rec)
    return _frame(out, INFERRED_COLUMNS)


def _publication_days(wd: int, mod: str, days: set[pd.Timestamp]) -> set[int]:
    """The publication days p with ``resolve_weekday(wd, p, "past", mod)`` in ``days``, in ns.

    A past weekday resolves to at most 7 days before p, so p lies in [d, d + 7] of some d.
    ``days`` are midnights; computed on ns ints (the same arithmetic as
    :func:`resolve_weekday`: ``mod`` is ``"last"`` or empty).
    """
    day_ns = {d.value for d in days}
    found = set()
    for d in day_ns:
        for k in range(8):
            p = d + k * _DAY_NS
            p_wd = (p // _DAY_NS + 3) % 7  # (1970-01-01 was a Thursday)
            back = (p_wd - wd - 1) % 7 + 1 if mod == "last" else (p_wd - wd) % 7
            if p - back * _DAY_NS in day_ns:
                found.add(p)
    return found


@functools.lru_cache(maxsize=1 << 14)
def _day_ts(ns: int) -> pd.Timestamp:
    """The Timestamp of a midnight given in ns (as :func:`_day` returns it)."""
    return pd.Timestamp(ns)


def _weekday_of(text: str) -> int | None:
    m = re.search(_WD, text)
    return _WEEKDAY_NUM[m.group(0).lower()] if m else None


def _year_from_corpus(text: str, ref_days: set[pd.Timestamp]) -> pd.Timestamp | None:
    found = [m for m in _find_dates(text) if m.rule in ("month-day", "day-month", "weekday-date")]
    if not found:
        return None
    mid = sorted(ref_days)[len(ref_days) // 2]
    s, _, _, _ = _resolve_match(found[0], mid, mid, "neutral")
    return s


def build_chronology(
    articles: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    people: pd.DataFrame | None = None,
) -> dict[str, pd.DataFrame]:
    """Run the whole chronology: events, inferred publication dates, conflicts, timeline.

    Events of undated articles are extracted twice: first without an anchor (to infer the
    publication range from the corpus), then against the inferred range (basis
    ``published:inferred``).

    Args:
        articles: Columns article_id, body, published, published_latest, published_basis.
        quotes: Optional corpus quotes frame (with article_id).
        people: Optional people frame for actor canonicalisation.

    Returns:
        ``{"events", "inferred", "conflicts", "timeline"}`` frames.
    """
    arts = articles.sort_values("article_id", kind="mergesort").reset_index(drop=True)
    if "published_latest" not in arts:
        arts = arts.assign(published_latest=pd.NaT)
    if "published_basis" not in arts:
        arts = arts.assign(published_basis="unknown")

    def run(table: pd.DataFrame) -> pd.DataFrame:
        frames = [
            extract_events(
                str(r.article_id), str(r.body), r.published, r.published_latest,
                str(r.published_basis), quotes,
            )
            for r in table.itertuples(index=False)
        ]  # fmt: skip
        frames = [f for f in frames if len(f)]
        return pd.concat(frames, ignore_index=True) if frames else _frame([], EVENT_COLUMNS)

    events = run(arts)
    inferred = infer_publication_dates(arts, events)
    if len(inferred):
        upd = arts.set_index("article_id")
        for r in inferred.itertuples(index=False):
            # re-anchor only on a bounded range; a lower bound alone anchors nothing
            if r.published_basis == "inferred" and not pd.isna(r.published_latest):
                upd.loc[r.article_id, ["published", "published_latest", "published_basis"]] = [
                    r.published,
                    r.published_latest,
                    "inferred",
                ]
        arts2 = upd.reset_index()
        bounded = inferred.loc[inferred["published_latest"].notna(), "article_id"]
        redo = arts2[arts2["article_id"].isin(bounded)]
        keep = events[~events["article_id"].isin(bounded)]
        events = pd.concat([keep, run(redo)], ignore_index=True)
    events = _frame(_sorted_events(events).to_dict("records"), EVENT_COLUMNS)
    return {
        "events": events,
        "inferred": inferred,
        "conflicts": find_conflicts(events, people),
        "timeline": merge_timeline(events, people),
    }
