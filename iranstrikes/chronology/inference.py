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
    _STOP,
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
    "article_id event_id method basis date_text date_text_start date_text_end date_start date_end",
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
    # reference days per dated article: its publication day, and its single-day dates
    # (recent, anchored days only: not explicit ones)
    ref_by_article: dict[str, set[pd.Timestamp]] = {}
    for a, p, pl in zip(
        arts["article_id"].astype(str), arts["published"], arts["published_latest"], strict=True
    ):
        if not pd.isna(p) and (pd.isna(pl) or pl == p):
            ref_by_article.setdefault(a, set()).add(_day(p))
    ds_col, de_col = ev["date_start"], ev["date_end"]
    single = (ds_col.notna() & (ds_col == de_col)).to_numpy(dtype=bool)
    exact = of_dated & single & (ev["basis"].astype(str) != "explicit").to_numpy(dtype=bool)
    for a, d in zip(ev_aid[exact].tolist(), ds_col[exact].tolist(), strict=True):
        ref_by_article.setdefault(a, set()).add(_day(d))
    datelines = (
        dict(zip(arts["article_id"].astype(str), arts["dateline"].tolist(), strict=True))
        if "dateline" in arts
        else {}
    )
    names = _name_keys(ev, ev_aid)
    story = _stories(names)
    dated_of_story: dict[str, list[str]] = {}
    for a in sorted(ref_by_article):
        if a in story:
            dated_of_story.setdefault(story[a], []).append(a)
    ref_of_story: dict[str, set[pd.Timestamp]] = {}
    own_years = _own_years(arts, ev, ev_aid, undated_ids)
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
    ref_of_weekday: dict[tuple, tuple[set[pd.Timestamp], str]] = {}  # (days, as listed)
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
        # only dated articles demonstrably of the same story lend their days: linked by the
        # people they name (a shared speaker or actor), directly or through other articles
        sid = story.get(aid, aid)
        linked = dated_of_story.get(sid, [])
        if sid not in ref_of_story:  # (once per story)
            ref_of_story[sid] = set().union(*(ref_by_article[a] for a in linked))
        ref_days = ref_of_story[sid]
        shown = ", ".join(linked[:5]) + (f" and {len(linked) - 5} more" if len(linked) > 5 else "")
        link_note = (
            f"same story as {shown}: they name the same people"
            if linked
            else "no dated article shares a person with it, so no corpus day is borrowed"
        )
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
                    wkey = (wd, sid)
                    if wkey not in ref_of_weekday:
                        wdays = {d for d in ref_days if d.weekday() == wd}
                        listed = ", ".join(sorted(d.date().isoformat() for d in wdays))
                        ref_of_weekday[wkey] = (wdays, listed)
                    days, listed = ref_of_weekday[wkey]
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
            elif (
                str(r.basis) == "explicit"
                and not pd.isna(r.date_start)
                and r.date_start == r.date_end  # a day: a bare year or month gives no day
            ):
                lower.append(
                    (_day(r.date_start), f"explicit '{r.date_text}' ({where}) is a lower bound")
                )
            elif "year-from-anchor" in method and ref_days:
                y = _year_from_corpus(str(r.date_text), ref_days)
                if y is not None:
                    lower.append(
                        (y, f"'{r.date_text}' ({where}) with the corpus year is a lower bound")
                    )
        # a dateline printed without a year ("MOSCOW, December 3"): the publication day, in
        # the year of the same-story articles (never of an unrelated corpus)
        dl = _yearless_dateline(datelines.get(aid))
        if dl is not None and ref_days:
            mid = sorted(ref_days)[len(ref_days) // 2]
            s, _, _, _ = _resolve_match(dl, mid, mid, "neutral")
            if s is not None:
                constraints.append(
                    (
                        f"the dateline '{dl.text}' has no year; with the year of the same-story"
                        f" articles it is {s.date().isoformat()}",
                        {s.value},
                    )
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
            years = own_years.get(aid, set())
            if ok and years and not years & set(range(ok[0].year, ok[-1].year + 1)):
                rec.update(
                    published_basis="unknown",
                    published_evidence=(
                        f"the corpus suggests {ok[0].date().isoformat()}.."
                        f"{ok[-1].date().isoformat()}, but the article's own dates or URL point"
                        f" to {', '.join(map(str, sorted(years)))}; no year is borrowed against"
                        " them"
                    ),
                )
                ok = []
                constraints_rejected = True
            else:
                constraints_rejected = False
            if ok:
                rec.update(published=ok[0], published_latest=ok[-1], published_basis="inferred")
                span = (ok[-1] - ok[0]).days + 1
                conf = "high" if span <= 2 and len(constraints) > 1 else "medium"
                rec["published_evidence"] = (
                    "; ".join([w for w, _ in constraints] + [w for _, w in lower])
                    + f" ({link_note})"
                    + f" => published {ok[0].date().isoformat()}..{ok[-1].date().isoformat()}"
                    + f" (confidence {conf}: {span} possible day{'s' if span > 1 else ''})"
                )
            elif constraints_rejected:
                pass
            else:
                rec.update(
                    published_basis="unknown",
                    published_evidence="inconsistent constraints: "
                    + "; ".join(w for w, _ in constraints),
                )
        elif lower:
            d, _ = max(lower)
            years = own_years.get(aid, set())
            if years and d.year not in years and d.year > max(years):
                rec.update(
                    published_basis="unknown",
                    published_evidence=f"a lower bound in {d.year} from the corpus contradicts"
                    f" the article's own years ({', '.join(map(str, sorted(years)))})",
                )
                out.append(rec)
                continue
            rec.update(
                published=d,
                published_latest=pd.NaT,
                published_basis="inferred",
                published_evidence="; ".join(w for _, w in sorted(lower))
                + f" => published on or after {d.date().isoformat()} (no upper bound)",
            )
        else:
            why = "no usable date references"
            if not linked and any(str(r.method).startswith("weekday") for r in rows):
                why += f" ({link_note})"
            rec.update(published_basis="unknown", published_evidence=why)
        out.append(rec)
    return _frame(out, INFERRED_COLUMNS)


_URL_YEAR = re.compile(r"(?<![\d])((?:19|20)\d{2})(?=[/_-]|\d{4}(?!\d))")


def _name_keys(ev: pd.DataFrame, ev_aid: pd.Series) -> dict[str, set[str]]:
    """Per article, the people it names as actors or speakers (surnames of full names).

    A one-word actor (the text model names a person by surname when the article never gives
    the full name: "Gen. Smith" is "Smith") counts when that word is the surname of a full
    name some article of the corpus gives.
    """
    out: dict[str, set[str]] = {}
    single: list[tuple[str, str]] = []  # (article, one-word key), kept for the second pass
    pids = ev["person_id"].tolist() if "person_id" in ev else [None] * len(ev)
    for aid, actor, pid in zip(ev_aid.tolist(), ev["actor"].tolist(), pids, strict=True):
        if pid is not None and not pd.isna(pid) and str(pid):
            out.setdefault(aid, set()).add(f"person:{pid}")
            continue
        if actor is None or pd.isna(actor):
            continue
        toks = str(actor).split()
        caps = [w for w in toks if w[:1].isupper()]
        key = toks[-1].strip(".,’'s").casefold() if toks else ""
        if not toks or not toks[-1][:1].isupper() or len(key) < 4 or key in _STOP:
            continue
        if len(caps) >= 2:
            out.setdefault(aid, set()).add(key)
        elif len(toks) == 1:
            single.append((aid, key))
    if single:
        surnames = set().union(*out.values())
        for aid, key in single:
            if key in surnames:
                out.setdefault(aid, set()).add(key)
    return out


def _yearless_dateline(dateline) -> object | None:
    """The year-less month-day date of a dateline string, or None."""
    if not isinstance(dateline, str) or not dateline:
        return None
    for m in _find_dates(dateline):
        if m.rule in ("month-day", "day-month", "weekday-date") and not m.groups.get("y"):
            return m
    return None


def _stories(names: dict[str, set[str]]) -> dict[str, str]:
    """Article -> story id: the connected groups of articles that name a same person."""
    parent: dict[str, str] = {a: a for a in names}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    by_key: dict[str, str] = {}
    for a in sorted(names):
        for k in sorted(names[a]):
            if k in by_key:
                ra, rb = find(a), find(by_key[k])
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
            else:
                by_key[k] = a
    return {a: find(a) for a in names}


def _own_years(
    arts: pd.DataFrame, ev: pd.DataFrame, ev_aid: pd.Series, ids: list[str]
) -> dict[str, set[int]]:
    """The years an undated article's own text (explicit dates) and URL point to."""
    want = set(ids)
    out: dict[str, set[int]] = {}
    explicit = (ev["basis"].astype(str) == "explicit").to_numpy(dtype=bool)
    for aid, s in zip(ev_aid[explicit].tolist(), ev["date_start"][explicit].tolist(), strict=True):
        if aid in want and not pd.isna(s):
            out.setdefault(aid, set()).add(pd.Timestamp(s).year)
    if "url" in arts:
        from .published import date_from_url

        for aid, url in zip(arts["article_id"].astype(str), arts["url"].tolist(), strict=True):
            if aid not in want or not isinstance(url, str) or not url:
                continue
            got = date_from_url(url)
            years = {got[0]} if got else {int(y) for y in _URL_YEAR.findall(url)}
            if years:
                out.setdefault(aid, set()).update(years)
    return out


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
