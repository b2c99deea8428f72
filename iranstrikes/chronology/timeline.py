"""Cross-article conflicts and the merged timeline.

Cross-article: date conflicts between reports of the same event (:func:`find_conflicts`)
and the merged timeline of real-world events (:func:`merge_timeline`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .frames import CONFLICT_COLUMNS, TIMELINE_COLUMNS, _columns_frame, _frame
from .grouping import (
    _NUMPY_PAIRS,
    _OPEN,
    _date_ns,
    _fmt_range_ns,
    _jaccard,
    _ns_list,
    _pairwise_jaccard,
    _present,
    group_events,
)


def find_conflicts(
    events: pd.DataFrame, people: pd.DataFrame | None = None, *, grouping: tuple | None = None
) -> pd.DataFrame:
    """List events that are the same event by actor and description but get disjoint dates.

    Groups are formed as in :func:`merge_timeline` (actor key + Jaccard of content words,
    dates within :data:`GROUP_WINDOW_DAYS`); a group is a conflict when two of its dated
    reports have non-overlapping intervals. Nothing is resolved: every report is listed.

    Args:
        events: Concatenated events frames.
        people: Optional people frame used to map actors to person ids.
        grouping: The result of :func:`group_events` for these events and people, to avoid
            grouping twice.

    Returns:
        One row per conflicting group (columns :data:`CONFLICT_COLUMNS`).
    """
    if events is None or len(events) == 0:
        return _frame([], CONFLICT_COLUMNS)
    ev, groups, keys, toks = grouping if grouping is not None else group_events(events, people)
    # Only the dates for every report (as ns ints), the other columns for the members of
    # conflicting groups only (a few: no copy of the whole frame).
    ds, de = _ns_list(_date_ns(ev["date_start"])), _ns_list(_date_ns(ev["date_end"]))
    found = []
    for g in groups:
        if len(g) == 1:  # one report clashes only with itself (ends before it starts)
            i = g[0]
            if ds[i] is None or de[i] is None or not de[i] < ds[i]:
                continue
        dated = [i for i in g if ds[i] is not None]
        members, min_sim = _clashes(dated, ds, de, toks)
        if members:
            found.append((members, min_sim))
    rows = sorted({i for members, _ in found for i in members})
    C = {}  # noqa: N806
    for c in ("event_id", "article_id", "actor", "date_text", "date_text_start", "date_text_end"):
        C[c] = dict(zip(rows, ev[c].take(rows).tolist(), strict=True))
    out = []
    for members, min_sim in found:
        sims = [min_sim]
        eids = [str(C["event_id"][i]) for i in members]
        out.append(
            {
                "event_group": f"g:{eids[0]}",
                "event_ids": "|".join(eids),
                "article_ids": "|".join(sorted({str(C["article_id"][i]) for i in members})),
                "actors": "|".join(str(C["actor"][i]) for i in members),
                "dates": "|".join(_fmt_range_ns(ds[i], de[i]) for i in members),
                "date_texts": "|".join(str(C["date_text"][i]) for i in members),
                "spans": "|".join(
                    f"{C['article_id'][i]}:{C['date_text_start'][i]}-{C['date_text_end'][i]}"
                    for i in members
                ),
                "reason": (
                    f"same actor ({keys[members[0]]}) and similar description "
                    f"(content-word Jaccard >= {min(sims):.2f}) but disjoint dates: "
                    + " vs ".join(sorted({_fmt_range_ns(ds[i], de[i]) for i in members}))
                ),
            }
        )
    out.sort(key=lambda r: r["event_ids"])
    for k, r in enumerate(out):
        r["conflict_id"] = f"c{k + 1:03d}"
    return _frame(out, CONFLICT_COLUMNS)


def _clashes(
    dated: list[int], ds: list, de: list, toks: list[frozenset[str]]
) -> tuple[list[int], float]:
    """Reports of a group in some pair with disjoint dates, and the lowest Jaccard of such a pair.

    The same as listing every pair (i, j) with ``de[i] < ds[j] or de[j] < ds[i]``, without
    the pairs: a report is in a clashing pair iff some other report ends before it starts or
    starts after it ends; and the lowest Jaccard is taken over pairs of distinct token sets
    (two sets have a clashing pair iff one's earliest end precedes the other's latest start).
    Dates are ns ints, ``de`` None when missing.
    """
    ends = [de[i] for i in dated if de[i] is not None]
    if not ends:
        return [], 1.0
    min_end = min(ends)
    max_start = max(ds[i] for i in dated)
    members = sorted(
        i for i in dated if min_end < ds[i] or (de[i] is not None and max_start > de[i])
    )
    if not members:
        return [], 1.0
    by_set: dict[frozenset[str], list] = {}
    for i in dated:
        st = by_set.setdefault(toks[i], [None, None])
        if de[i] is not None and (st[0] is None or de[i] < st[0]):
            st[0] = de[i]  # earliest end
        if st[1] is None or ds[i] > st[1]:
            st[1] = ds[i]  # latest start
    sets = list(by_set.items())
    best = None
    if len(sets) >= _NUMPY_PAIRS:  # the same, as matrices (the minimum is exact)
        has_end = np.array([e is not None for _, (e, _) in sets], dtype=bool)
        ends_ = np.array([e if e is not None else 0 for _, (e, _) in sets], dtype=np.int64)
        starts = np.array([s for _, (_, s) in sets], dtype=np.int64)
        before = has_end[:, None] & (ends_[:, None] < starts[None, :])
        clash = before | before.T  # (the diagonal: a set's own reports clash)
        if clash.any():
            best = float(_pairwise_jaccard([t for t, _ in sets])[clash].min())
        return members, best if best is not None else 1.0
    for a, (t1, (e1, s1)) in enumerate(sets):
        if e1 is not None and e1 < s1:  # two reports with this very description clash
            best = _jaccard(t1, t1) if best is None else min(best, _jaccard(t1, t1))
        for t2, (e2, s2) in sets[a + 1 :]:
            if (e1 is not None and e1 < s2) or (e2 is not None and e2 < s1):
                sim = _jaccard(t1, t2)
                best = sim if best is None else min(best, sim)
    return members, best if best is not None else 1.0


def _group_actor(actor: list, g: list[int], keys: list[str], is_person: list | None = None) -> str:
    """The person id of a group, else its most frequent actor as written (longest on ties).

    ``actor``: the actor of every report, None when missing; ``is_person``: whether each key
    is a person key (computed here when not given).
    """
    if is_person is None:
        pids = sorted({keys[i] for i in g if keys[i].startswith("person:")})
    else:
        pids = sorted({keys[i] for i in g if is_person[i]})
    if pids:
        return pids[0].removeprefix("person:")
    names = [str(actor[i]) for i in g if actor[i] is not None and str(actor[i])]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return min(set(names), key=lambda a: (-names.count(a), -len(a), a))


def _medoid_scores(distinct: dict[frozenset[str], int]) -> dict[frozenset[str], float]:
    """Per distinct token set, the sum of its Jaccard with every report of the group.

    ``distinct``: token set -> number of reports. Each pair's Jaccard is computed once (it
    is symmetric) and each sum is added up in the order of ``distinct``, as before.
    """
    items = list(distinct.items())
    m = len(items)
    if m >= _NUMPY_PAIRS:  # the same products, each row added up by Python's sum in order
        jac = _pairwise_jaccard([t for t, _ in items])
        counts = np.array([c for _, c in items], dtype=np.float64)
        return {t: sum((jac[a] * counts).tolist()) for a, (t, _) in enumerate(items)}
    sims = [[0.0] * m for _ in range(m)]
    for a in range(m):
        ta = items[a][0]
        row = sims[a]
        row[a] = _jaccard(ta, ta)
        for b in range(a + 1, m):
            row[b] = sims[b][a] = _jaccard(ta, items[b][0])
    return {t: sum(sims[a][b] * items[b][1] for b in range(m)) for a, (t, _) in enumerate(items)}


def merge_timeline(
    events: pd.DataFrame, people: pd.DataFrame | None = None, *, grouping: tuple | None = None
) -> pd.DataFrame:
    """Merge reports of the same real-world event into one timeline row.

    Reports are grouped by canonical actor (``person_id`` column if present, else the people
    frame's names/aliases, else the surname: last token, casefolded) and content-word Jaccard
    of the description, within a date window. The date is the intersection of the reports'
    intervals when they agree, else their hull with ``has_conflict`` set. Undated reports
    join their best match but do not change its date.

    Args:
        events: Concatenated events frames.
        people: Optional people frame (person_id, name, aliases).
        grouping: The result of :func:`group_events` for these events and people.

    Returns:
        Timeline frame (columns :data:`TIMELINE_COLUMNS`; ``outlets`` left empty for the
        loader to join), sorted by date then id; undated groups last.
    """
    if events is None or len(events) == 0:
        return _frame([], TIMELINE_COLUMNS)
    ev, groups, keys, toks = grouping if grouping is not None else group_events(events, people)
    # Column lists of the columns needed for every report only; dates as ns ints.
    ds, de = _ns_list(_date_ns(ev["date_start"])), _ns_list(_date_ns(ev["date_end"]))
    eid = [str(x) for x in ev["event_id"].tolist()]
    aid = [str(x) for x in ev["article_id"].tolist()]
    conf_of = _present(ev["confidence"])
    actor = _present(ev["actor"])
    is_person = [k.startswith("person:") for k in keys]
    # one list per output column (not one dict per group)
    c_actor, c_start, c_end, c_conflict, c_n, c_aids, c_eids, c_conf = ([] for _ in range(8))
    bests = []  # the row whose description stands for each group
    for g in groups:
        if len(g) == 1:  # (most groups: one report; the same rules, spelled out)
            i = g[0]
            s, e, c = ds[i], de[i], conf_of[i]
            conflict = False
            if s is None:
                e = None
            elif e is None:  # (not from extract_events) as Timestamps
                s, e, conflict = _span_ts(g, ds, de)
            elif e < s:
                conflict = True
            conf = float(c) if c is not None else 0.0
            if conflict:
                conf *= 0.5
            bests.append(i)
            c_actor.append(keys[i][7:] if is_person[i] else _group_actor(actor, g, keys))
            c_start.append(s)
            c_end.append(e)
            c_conflict.append(conflict)
            c_n.append(1)
            c_aids.append(aid[i])
            c_eids.append(eid[i])
            c_conf.append(round(conf, 3))
            continue
        dated = [i for i in g if ds[i] is not None]
        conflict = False
        s = e = None
        if dated:
            if any(de[i] is None for i in dated):  # (not from extract_events) as Timestamps
                s, e, conflict = _span_ts(dated, ds, de)
            else:
                lo = max(ds[i] for i in dated)
                hi = min(de[i] for i in dated)
                if lo <= hi:
                    s, e = lo, hi
                else:
                    conflict = True
                    s = min(ds[i] for i in dated)
                    e = max(de[i] for i in dated)
        # medoid description (identical token sets are scored once, with their count)
        distinct: dict[frozenset[str], int] = {}
        for j in g:
            distinct[toks[j]] = distinct.get(toks[j], 0) + 1
        if len(distinct) == 1:  # every score is equal: the lowest event id
            best = min(g, key=lambda i: eid[i])
        else:
            score = _medoid_scores(distinct)
            best = min(g, key=lambda i: (-score[toks[i]], -len(toks[i]), eid[i]))
        bests.append(best)
        confs = [float(conf_of[i]) for i in g if conf_of[i] is not None]
        conf = (sum(confs) / len(confs)) if confs else 0.0
        if conflict:
            conf *= 0.5
        c_actor.append(_group_actor(actor, g, keys, is_person))
        c_start.append(s)
        c_end.append(e)
        c_conflict.append(conflict)
        c_n.append(len(g))
        c_aids.append("|".join(sorted({aid[i] for i in g})))
        c_eids.append("|".join([eid[i] for i in g]))
        c_conf.append(round(conf, 3))
    # the chosen descriptions, read in one take (not one Arrow lookup per group)
    c_desc = [str(d) for d in ev["description"].take(bests).tolist()]
    # sorted by date then ids; undated last
    order = sorted(
        range(len(groups)),
        key=lambda k: (
            _OPEN if c_start[k] is None else c_start[k],
            _OPEN if c_end[k] is None else c_end[k],
            c_eids[k],
        ),
    )
    columns = {
        "timeline_id": [f"t{k + 1:03d}" for k in range(len(order))],
        "actor": c_actor,
        "description": c_desc,
        "date_start": c_start,
        "date_end": c_end,
        "has_conflict": c_conflict,
        "n_reports": c_n,
        "article_ids": c_aids,
        "outlets": [None] * len(order),
        "event_ids": c_eids,
        "confidence": c_conf,
    }
    for c in TIMELINE_COLUMNS[1:]:
        vals = columns[c]
        columns[c] = [vals[k] for k in order]
    return _columns_frame(columns, TIMELINE_COLUMNS)


def _span_ts(dated: list[int], ds: list, de: list) -> tuple:
    """The timeline span of ``dated`` as the rule computes it on Timestamps and NaT.

    Only for groups with a report that has a start but no end (which
    :func:`extract_events` never makes). Returns (start, end, conflict) as ns ints or None.
    """
    s_ts = [pd.Timestamp(ds[i]) for i in dated]
    e_ts = [pd.NaT if de[i] is None else pd.Timestamp(de[i]) for i in dated]
    lo, hi = max(s_ts), min(e_ts)
    conflict = not lo <= hi
    if conflict:
        lo, hi = min(s_ts), max(e_ts)
    return (None if pd.isna(lo) else lo.value), (None if pd.isna(hi) else hi.value), conflict
