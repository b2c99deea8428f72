"""Cross-article grouping of reports of the same real-world event.

Cross-article grouping of events: actor keys, content-word tokens and Jaccard similarity,
and the union-find grouping of reports of the same real-world event that
:mod:`.timeline` reads (:func:`group_events`).
"""

from __future__ import annotations

import functools
import heapq
import itertools
import math
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .actors import _actor_key, _clean_actor
from .expressions import _DATE_WORDS
from .frames import _NAT_NS, GENERIC_ACTOR_JACCARD, GROUP_WINDOW_DAYS, SAME_EVENT_JACCARD

# --------------------------------------------------------------------------------------
# Cross-article: grouping
# --------------------------------------------------------------------------------------
#
# Speed notes. The cross-article steps see every event of the corpus (~30 per article), so:
# * inside the sweeps a date is an int of nanoseconds since the epoch (None when missing):
#   comparing and adding Python ints costs a fraction of the same on pd.Timestamp and gives
#   the same order, so every result is unchanged; Timestamps are made for the output only;
# * actor keys and content tokens are computed once per distinct string;
# * grouping only needs the *partition* into connected components, so a union step that
#   cannot merge anything (its reports already form one component) is skipped.

_STOP = {
    "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from",
    "that", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "as", "not", "no", "any", "all", "also", "but", "he", "she", "they",
    "his", "her", "their", "we", "our", "us", "i", "there", "which", "who", "what", "would",
    "will", "could", "can", "about", "into", "than", "such", "said", "says", "told", "added",
    "announced", "stated", "reported", "confirmed", "denied", "claimed", "stressed", "quoted",
    "saying", "according", "earlier", "later", "reporters", "spokesman", "spokesperson",
}  # fmt: skip

_ALPHA = re.compile(r"[A-Za-z]+")
_DAY_NS = 86_400 * 10**9
_OPEN = 2**63  # larger than any date in ns: an open window end, a missing date sorted last


@functools.lru_cache(maxsize=1 << 16)
def _word_token(word: str) -> tuple[str, str | None]:
    """(casefolded word, its content token); the token is None for stop, date and short words."""
    w = word.casefold()
    if w in _STOP or w in _DATE_WORDS or len(w) < 3:
        return w, None
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        return w, w[:-1]
    return w, w


def _description_words(description: str) -> list[tuple[str, str]]:
    """The (casefolded word, content token) pairs of the content words of a description."""
    out = []
    for t in _ALPHA.findall(description):
        pair = _word_token(t)
        if pair[1] is not None:
            out.append(pair)
    return out


def _actor_words(actor: str) -> set[str]:
    return {t.casefold() for t in _ALPHA.findall(actor)}


def _content_tokens(description: str, actor: str = "") -> frozenset[str]:
    """Content words of a description (stop words, date words, the actor's words dropped)."""
    actor_toks = _actor_words(actor or "")
    return frozenset(tok for w, tok in _description_words(description or "") if w not in actor_toks)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)  # (the size of the union: the same float)


#: From this many distinct token sets on, a group's pairwise Jaccards come from numpy.
_NUMPY_PAIRS = 16


def _pairwise_jaccard(sets: list[frozenset[str]]) -> np.ndarray:
    """The matrix of :func:`_jaccard` of every pair of ``sets``: the same floats.

    Intersection sizes from the product of the 0/1 incidence matrix (integer counts, exact
    in float32 far below 2**24), then ``inter / (|a| + |b| - inter)`` in float64: the
    correctly rounded quotient of the same two integers, as Python's ``int / int``.
    """
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for a, t in enumerate(sets):
        for w in t:
            rows.append(a)
            cols.append(vocab.setdefault(w, len(vocab)))
    m = np.zeros((len(sets), len(vocab)), dtype=np.float32)
    m[rows, cols] = 1.0
    inter = (m @ m.T).astype(np.float64)
    size = np.array([len(t) for t in sets], dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        jac = inter / (size[:, None] + size[None, :] - inter)
    empty = size == 0
    jac[empty, :] = 0.0
    jac[:, empty] = 0.0
    return jac


def _alias_map(people: pd.DataFrame | None) -> dict[str, str]:
    """Casefolded cleaned name or alias -> person_id (the first person wins)."""
    alias: dict[str, str] = {}
    if people is not None and len(people) and "person_id" in people:
        for p in people.itertuples(index=False):
            pd_ = p._asdict()
            name, aliases = pd_.get("name"), pd_.get("aliases")
            name = "" if name is None or pd.isna(name) else str(name)
            aliases = "" if aliases is None or pd.isna(aliases) else str(aliases)
            names = [name, *aliases.split("|")]
            for n in names:
                n = _clean_actor(n)
                if n:
                    alias.setdefault(n.casefold(), str(pd_["person_id"]))
    return alias


def _present(values: pd.Series) -> list:
    """``values`` as a list with None for every missing value (None, NaN, NA, NaT)."""
    out = values.tolist()
    missing = values.isna().to_numpy()
    if missing.any():
        for k in np.flatnonzero(missing).tolist():
            out[k] = None
    return out


def _factorize(values: pd.Series) -> tuple[np.ndarray, list]:
    """(code of each row, distinct values): rows with the same code hold the same value.

    Text columns are factorised by pandas (in C; a missing value is one more distinct
    value, as ``tolist`` gives it); any other column gets one code per row.
    """
    if isinstance(values.dtype, pd.StringDtype):
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        return codes, list(uniques)
    return np.arange(len(values)), values.tolist()


def _keys(events: pd.DataFrame, people: pd.DataFrame | None) -> list[str]:
    """Canonical actor key per event: person_id if present, else people aliases, else surname.

    Computed once per distinct actor and per distinct person id (they repeat a lot).
    """
    n = len(events)
    if n == 0:
        return []
    alias = _alias_map(people)
    a_codes, actors = _factorize(events["actor"])
    by_actor = []
    for actor in actors:
        actor = "" if pd.isna(actor) else str(actor)
        a = _clean_actor(actor).casefold()
        by_actor.append(f"person:{alias[a]}" if a in alias else _actor_key(actor))
    keys = np.array(by_actor, dtype=object)[a_codes]
    if "person_id" in events:
        p_codes, pids = _factorize(events["person_id"])
        by_pid = [
            f"person:{pid}" if pid is not None and not pd.isna(pid) and str(pid) else None
            for pid in pids
        ]
        has = np.array([k is not None for k in by_pid], dtype=bool)[p_codes]
        keys[has] = np.array(by_pid, dtype=object)[p_codes][has]
    return keys.tolist()


def _tokens(events: pd.DataFrame) -> list[frozenset[str]]:
    """Content tokens of each event's description and actor (see :func:`_content_tokens`).

    Computed once per distinct (description, actor) pair, from the words of each distinct
    description and actor; a description none of whose words is the actor's gives one set
    shared by all its pairs.
    """
    n = len(events)
    if n == 0:
        return []
    d_codes, descriptions = _factorize(events["description"])
    a_codes, actors = _factorize(events["actor"])
    words = [_description_words(str(d)) for d in descriptions]
    actor_words = [_actor_words("" if pd.isna(a) else str(a)) for a in actors]
    full: list[frozenset[str] | None] = [None] * len(descriptions)
    na = len(actors)
    pairs, inverse = np.unique(d_codes.astype(np.int64) * na + a_codes, return_inverse=True)
    distinct = []
    for pair in pairs.tolist():
        dc, ac = divmod(pair, na)
        dw, aw = words[dc], actor_words[ac]
        if aw and any(w in aw for w, _ in dw):
            t = frozenset(tok for w, tok in dw if w not in aw)
        else:
            t = full[dc]
            if t is None:
                t = full[dc] = frozenset(tok for _, tok in dw)
        distinct.append(t)
    return [distinct[k] for k in inverse.ravel().tolist()]


def _date_ns(values: pd.Series) -> np.ndarray:
    """Dates as int64 nanoseconds since the epoch (wall time; missing: the NaT value)."""
    if not (isinstance(values.dtype, np.dtype) and values.dtype.kind == "M"):
        values = pd.to_datetime(values)
        if getattr(values.dtype, "tz", None) is not None:
            values = values.dt.tz_localize(None)
    return values.to_numpy(dtype="datetime64[ns]").view("int64")


def _ns_list(ns: np.ndarray) -> list[int | None]:
    """``ns`` as a list of Python ints, None for NaT."""
    out = ns.tolist()
    missing = ns == _NAT_NS
    if missing.any():
        for k in np.flatnonzero(missing).tolist():
            out[k] = None
    return out


@functools.lru_cache(maxsize=1 << 14)
def _iso_day(ns: int) -> str:
    return pd.Timestamp(ns).date().isoformat()


class _DSU:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def _group(
    events: pd.DataFrame,
    people: pd.DataFrame | None = None,
    threshold: float = SAME_EVENT_JACCARD,
    window_days: int = GROUP_WINDOW_DAYS,
) -> tuple[list[list[int]], list[str], list[frozenset[str]]]:
    """Group events judged to be the same event.

    Same actor key, similar description, dates within ``window_days``. Blocked by actor key
    and swept by date (sub-quadratic).
    """
    n = len(events)
    keys = _keys(events, people)
    toks = _tokens(events)
    # one int per sentence (article, start, end): two dates of one sentence are two events
    sentence_np = (
        pd.DataFrame(
            {"a": events["article_id"].astype(str), "s": events["start"], "e": events["end"]}
        )
        .groupby(["a", "s", "e"], sort=False, dropna=False)
        .ngroup()
        .to_numpy(dtype=np.int64)
    )
    sentence = sentence_np.tolist()
    ds_ns = _date_ns(events["date_start"])
    ds, de = _ns_list(ds_ns), _ns_list(_date_ns(events["date_end"]))
    undated_mask = ds_ns == _NAT_NS
    # one int per distinct token set (the corpus repeats descriptions)
    set_ids: dict[frozenset[str], int] = {}
    set_id = np.array([set_ids.setdefault(t, len(set_ids)) for t in toks], dtype=np.int64)
    id_sets = list(set_ids)
    freq: dict[str, int] = {}
    for t, c in zip(id_sets, np.bincount(set_id, minlength=len(id_sets)).tolist(), strict=True):
        for w in t:  # (each distinct set once, with its count)
            freq[w] = freq.get(w, 0) + c
    # Blocks by actor key, from sorts (not a Python loop over the reports): each block's
    # reports in index order, and its dated reports in (date_start, index) order.
    block_names, block_of = np.unique(np.array(keys, dtype=object), return_inverse=True)
    block_of = block_of.ravel()
    in_block = _split_by(np.argsort(block_of, kind="stable"), block_of)
    by_date = np.lexsort((np.arange(n), ds_ns, block_of))
    dated_in_block = _split_by(by_date[~undated_mask[by_date]], block_of)
    dsu = _DSU(n)
    union = dsu.union
    win = window_days * _DAY_NS
    prefixes: dict[float, dict[frozenset[str], list[str]]] = {}
    jac_memo: dict[tuple[int, int], float] = {}  # (set id, set id) -> rounded Jaccard
    edges: list[tuple[np.ndarray, np.ndarray]] = []  # undated report -> its best match
    for b, k in enumerate(block_names.tolist()):
        if not k or b not in in_block:
            continue
        idx = in_block[b]
        dated = dated_in_block[b].tolist() if b in dated_in_block else []
        undated = idx[undated_mask[idx]]
        # a description ("senior official") is weaker evidence of identity than a name
        thr = threshold if _is_name_key(k) else max(threshold, GENERIC_ACTOR_JACCARD)
        prefix = prefixes.setdefault(thr, {})
        # Same single day: every report of the day joins unless all come from one sentence
        # (two dates of one sentence are two events), exactly as pairwise unions would.
        by_day: dict[int, list[int]] = {}
        for i in dated:
            if ds[i] == de[i]:
                by_day.setdefault(ds[i], []).append(i)
        for members in by_day.values():
            if len(members) > 1:
                s0 = sentence[members[0]]
                if any(sentence[j] != s0 for j in members):
                    for j in members[1:]:
                        union(members[0], j)
        # Similar descriptions within the window: only pairs that can reach the threshold,
        # found by prefix filtering (a pair with Jaccard >= thr shares a token among the
        # rarest len - ceil(thr * len) + 1 tokens of each set). Sub-quadratic, and exact.
        # Reports with identical token sets are one node of that search, and the pairs of
        # their members are handled by a sweep over the window (_window_unions).
        if dated:
            _join_similar(dated, toks, ds, de, win, sentence, dsu, freq, thr, prefix)
        if len(undated):
            edges.append(
                _join_undated(
                    idx, undated, set_id, id_sets, sentence_np, freq, thr, prefix, jac_memo
                )
            )
    # An undated report links to at most one report, so these links never join two
    # components of dated reports (within a block or across): they are applied at the end.
    return _components(dsu.p, edges), keys, toks


def _split_by(order: np.ndarray, codes: np.ndarray) -> dict[int, np.ndarray]:
    """``order`` cut where ``codes[order]`` changes: code -> its run of ``order``."""
    if not len(order):
        return {}
    c = codes[order]
    cuts = np.flatnonzero(np.diff(c)) + 1
    starts = [0, *cuts.tolist()]
    return dict(zip(c[starts].tolist(), np.split(order, cuts), strict=True))


def _components(
    parent: list[int], edges: list[tuple[np.ndarray, np.ndarray]] | None = None
) -> list[list[int]]:
    """The components of a :class:`_DSU` parent list plus ``edges``, by first index.

    Each component is in index order. A root is the smallest index of its component
    (``union`` keeps the smaller root): the roots, found for all at once by pointer
    jumping, order the groups. Edges hook the larger root onto the smaller one, then the
    pointers are jumped again, until every edge is within one component.
    """
    root = _jump(np.array(parent, dtype=np.int64))
    if edges:
        u = np.concatenate([a for a, _ in edges])
        v = np.concatenate([b for _, b in edges])
        while True:
            ru, rv = root[u], root[v]
            apart = ru != rv
            if not apart.any():
                break
            ru, rv = ru[apart], rv[apart]
            np.minimum.at(root, np.maximum(ru, rv), np.minimum(ru, rv))
            root = _jump(root)
    order = np.argsort(root, kind="stable")
    bounds = [0, *(np.flatnonzero(np.diff(root[order])) + 1).tolist(), len(order)]
    members = order.tolist()
    return [members[a:b] for a, b in itertools.pairwise(bounds)] if len(members) else []


def _jump(root: np.ndarray) -> np.ndarray:
    """Pointer jumping: every node to the root of its tree."""
    while True:
        up = root[root]
        if np.array_equal(up, root):
            return root
        root = up


def _join_similar(
    dated: list[int],
    toks: list[frozenset[str]],
    ds: list,
    de: list,
    win: int,
    sentence: list[int],
    dsu: _DSU,
    freq: dict[str, int],
    thr: float,
    prefix: dict,
) -> None:
    """Union the dated reports of one block (``dated``, by date) with similar descriptions."""
    find = dsu.find
    pos = {i: a for a, i in enumerate(dated)}
    dmembers: dict[frozenset[str], list[int]] = {}
    for i in dated:
        dmembers.setdefault(toks[i], []).append(i)
    dsets = list(dmembers)
    firsts = [dmembers[t][0] for t in dsets]
    whole: set[int] = set()  # the sets whose reports are known to be in one component

    def is_whole(x: int) -> bool:
        if x in whole:
            return True
        members = dmembers[dsets[x]]
        r = find(members[0])
        if any(find(m) != r for m in members):
            return False
        whole.add(x)  # (components only grow: it stays whole)
        return True

    for x, t in enumerate(dsets):
        members = dmembers[t]
        if t and len(members) > 1 and not is_whole(x):  # Jaccard 1 >= thr
            _window_unions([members], pos, ds, de, win, sentence, dsu)
    index = _prefix_index(range(len(dsets)), dsets, freq, thr, prefix)
    seen: set[tuple[int, int]] = set()
    for xs in index.values():
        if len(xs) < 2:
            continue
        # Nothing to join when every report of these sets is already in one component
        # (the common case once the first pairs are joined): skip all pairs of the list.
        r = find(firsts[xs[0]])
        if all(find(firsts[x]) == r and is_whole(x) for x in xs):
            continue
        for a, x in enumerate(xs):  # (x < y: the lists are in increasing order)
            tx = dsets[x]
            for y in xs[a + 1 :]:
                if (x, y) in seen:
                    continue
                seen.add((x, y))
                if find(firsts[x]) == find(firsts[y]) and is_whole(x) and is_whole(y):
                    continue
                if _jaccard(tx, dsets[y]) >= thr:
                    _window_unions(
                        [dmembers[tx], dmembers[dsets[y]]], pos, ds, de, win, sentence, dsu
                    )


def _join_undated(
    idx: np.ndarray,
    undated: np.ndarray,
    set_id: np.ndarray,
    id_sets: list[frozenset[str]],
    sentence: np.ndarray,
    freq: dict[str, int],
    thr: float,
    prefix: dict,
    jac_memo: dict[tuple[int, int], float],
) -> tuple[np.ndarray, np.ndarray]:
    """Link each undated report of a block to its best-matching report of the block, if any.

    The best match has the highest (rounded) Jaccard, then the lowest index, among the
    reports not in the undated report's sentence. Candidates are scored once per distinct
    token set of the block's undated reports; the usual answer (the first report of the
    best set, when it is in another sentence) is taken for all reports at once.

    Args:
        idx: The block's reports (increasing).
        undated: Its undated reports (increasing).
        set_id: Token set id per report.
        id_sets: The token set of each id.
        sentence: Sentence id per report.
        freq: Token frequencies.
        thr: The block's Jaccard threshold.
        prefix: Memo of :func:`_prefix` for ``thr``.
        jac_memo: Rounded Jaccard per pair of set ids (shared by all blocks).

    Returns:
        (undated reports, their best matches), for :func:`_components`.
    """
    sid = set_id[idx]
    block_sets, first_at = np.unique(sid, return_index=True)  # (idx increasing: the lowest)
    block_sets_l = block_sets.tolist()
    firsts = idx[first_at].tolist()
    sets = [id_sets[x] for x in block_sets_l]
    index = _prefix_index(range(len(sets)), sets, freq, thr, prefix)
    u_sets, u_plan = np.unique(set_id[undated], return_inverse=True)
    u_plan = u_plan.ravel()
    plan_first = np.full(len(u_sets), -1, dtype=np.int64)
    plan_sentence = np.full(len(u_sets), -1, dtype=np.int64)
    plans = []
    for k, s in enumerate(u_sets.tolist()):
        t = id_sets[s]
        cands = {x for w in _prefix(t, freq, thr, prefix) for x in index.get(w, ())}
        by_jac: dict[float, list[tuple[int, int]]] = {}
        for x in cands:
            pair = (s, block_sets_l[x])
            jac = jac_memo.get(pair)
            if jac is None:
                jac = jac_memo[pair] = round(_jaccard(t, sets[x]), 6)
            if jac >= thr:
                by_jac.setdefault(jac, []).append((firsts[x], x))
        # the candidate sets by level of Jaccard (highest first), each level as
        # (first report, set) in order of the first report
        levels = [sorted(by_jac[j]) for j in sorted(by_jac, reverse=True)]
        plans.append(levels)
        if levels:
            plan_first[k] = levels[0][0][0]
            plan_sentence[k] = sentence[levels[0][0][0]]
    first, first_sentence = plan_first[u_plan], plan_sentence[u_plan]
    si = sentence[undated]
    usual = (first >= 0) & (si != first_sentence)
    u, v = [undated[usual]], [first[usual]]
    # the rest: the first report of the best set is in the undated report's own sentence
    members: dict[int, list[int]] = {}
    rest_u, rest_v = [], []
    for k in np.flatnonzero((first >= 0) & (si == first_sentence)).tolist():
        levels = plans[u_plan[k]]
        best = _best_outside(levels, int(si[k]), sentence, idx, sid, block_sets_l, members)
        if best is not None:
            rest_u.append(int(undated[k]))
            rest_v.append(best)
    u.append(np.array(rest_u, dtype=np.int64))
    v.append(np.array(rest_v, dtype=np.int64))
    return np.concatenate(u), np.concatenate(v)


def _best_outside(
    levels: list[list[tuple[int, int]]],
    si: int,
    sentence: np.ndarray,
    idx: np.ndarray,
    sid: np.ndarray,
    block_sets: list[int],
    members: dict[int, list[int]],
) -> int | None:
    """The lowest-index report outside sentence ``si`` at the highest level that has one.

    ``members`` remembers the reports of each set of the block (``idx`` where ``sid`` is
    the set's id), in index order.
    """
    for level in levels:
        # the lowest index among the sets' first reports outside the sentence: scan by
        # first report; a set whose first report is in the sentence offers its next one
        best = None
        for first, x in level:
            if best is not None and first >= best:
                break
            if sentence[first] != si:
                best = first
                break
            if x not in members:
                members[x] = idx[sid == block_sets[x]].tolist()
            j = next((j for j in members[x] if sentence[j] != si), None)
            if j is not None and (best is None or j < best):
                best = j
        if best is not None:
            return best
    return None


def _prefix(
    tok: frozenset[str], freq: dict[str, int], thr: float, memo: dict | None = None
) -> list[str]:
    """The prefix-filtering tokens of a set: its rarest ``len - ceil(thr * len) + 1`` tokens.

    ``memo`` (one per ``freq`` and ``thr``) remembers the answer per set.
    """
    if memo is not None:
        got = memo.get(tok)
        if got is not None:
            return got
    if not tok or thr <= 0:
        got = sorted(tok)
    else:
        n = len(tok) - math.ceil(thr * len(tok) - 1e-9) + 1
        got = sorted(tok, key=lambda w: (freq.get(w, 0), w))[: max(1, n)]
    if memo is not None:
        memo[tok] = got
    return got


def _prefix_index(
    idx: Iterable[int],
    toks: list[frozenset[str]],
    freq: dict[str, int],
    thr: float,
    memo: dict | None = None,
) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for i in idx:
        for w in _prefix(toks[i], freq, thr, memo):
            index.setdefault(w, []).append(i)
    return index


def _window_unions(
    groups: list[list[int]],
    pos: dict[int, int],
    ds: list,
    de: list,
    win: int,
    sentence: list,
    dsu: _DSU,
) -> None:
    """Union the reports linked by the pairwise rule, without enumerating the pairs.

    The rule: reports a before b (in ``pos`` order, by date) are linked when
    ``ds[b] <= de[a] + win`` and they come from different sentences. With one group, pairs
    within it; with two, pairs across them (their descriptions are similar enough). Dates
    are ints (ns), ``de`` None when missing (an open window).

    Sweep in order, keeping the *active* reports of each group (those still in the window of
    the current one) by sentence. Among the active reports of a group, any two from different
    sentences are linked (the later arrived while the earlier was active; identical
    descriptions are unioned before any pair of groups), so when they span two or more
    sentences they are one component and one union suffices; when they all come from one
    sentence, each is linked to the new report on its own.
    """
    tagged = sorted((pos[i], g, i) for g, members in enumerate(groups) for i in members)
    active: list[dict] = [{} for _ in groups]
    heaps: list[list] = [[] for _ in groups]
    for _, g, b in tagged:
        dsb = ds[b]
        for h, act in zip(heaps, active, strict=True):
            while h and h[0][0] < dsb:
                _, _, a = heapq.heappop(h)
                lst = act[sentence[a]]
                lst.remove(a)
                if not lst:
                    del act[sentence[a]]
        act = active[0 if len(groups) == 1 else 1 - g]
        sb = sentence[b]
        if len(act) >= 2:  # a report of another sentence than b's: one union suffices
            other = next(iter(act))
            if other == sb:
                other = next(s for s in act if s != sb)
            dsu.union(b, act[other][0])
        elif act:
            other = next(iter(act))
            if other != sb:
                for a in act[other]:
                    dsu.union(b, a)
        limit = _OPEN if de[b] is None else de[b] + win
        heapq.heappush(heaps[g], (limit, pos[b], b))
        active[g].setdefault(sb, []).append(b)


def _is_name_key(key: str) -> bool:
    """Whether an actor key is a person id or a surname (one token), not a description."""
    return key.startswith("person:") or " " not in key


def _fmt_range(s, e) -> str:
    if pd.isna(s):
        return "undated"
    a, b = pd.Timestamp(s).date().isoformat(), pd.Timestamp(e).date().isoformat()
    return a if a == b else f"{a}..{b}"


def _fmt_range_ns(s: int | None, e: int | None) -> str:
    """:func:`_fmt_range` of ns dates (None: missing)."""
    if s is None:
        return "undated"
    a = _iso_day(s)
    b = _iso_day(e) if e is not None else "NaT"
    return a if a == b else f"{a}..{b}"


def _sorted_events(events: pd.DataFrame) -> pd.DataFrame:
    if isinstance(events.index, pd.RangeIndex) and _in_event_order(events):
        # already in order (the loader's events are): a shallow copy, not a sorted copy
        return events.copy(deep=False)
    order = events[["article_id", "event_id"]].sort_values(
        ["article_id", "event_id"], kind="mergesort"
    )
    if isinstance(events.index, pd.RangeIndex) and events.index.equals(order.index):
        return events.copy(deep=False)
    return events.sort_values(["article_id", "event_id"], kind="mergesort").reset_index(drop=True)


def _in_event_order(events: pd.DataFrame) -> bool:
    """Whether (article_id, event_id) never decreases: the stable sort would keep the order.

    Only answered for string columns without missing values (Python's order of str is
    pandas's); False otherwise (the caller then sorts).
    """
    cols = [events[c] for c in ("article_id", "event_id")]
    if not all(isinstance(c.dtype, pd.StringDtype) and not c.hasnans for c in cols):
        return False
    a, e = (c.to_numpy(dtype=object) for c in cols)
    # (elementwise comparisons of the str objects, in C)
    up = (a[:-1] < a[1:]) | ((a[:-1] == a[1:]) & (e[:-1] <= e[1:]))
    return bool(up.all())


def group_events(events: pd.DataFrame, people: pd.DataFrame | None = None) -> tuple:
    """Sort events and group reports of the same event once.

    For :func:`find_conflicts` and :func:`merge_timeline` (pass the result as ``grouping``).

    Rows of kind ``stamp`` (a date printed alone on a line: page furniture) are left out.

    Returns:
        (sorted events, groups, actor keys, content tokens).
    """
    ev = _sorted_events(events)
    if "kind" in ev and (ev["kind"] == "stamp").any():  # page stamps are not events
        ev = ev[(ev["kind"] != "stamp").fillna(True).to_numpy(dtype=bool)].reset_index(drop=True)
    return (ev, *_group(ev, people))
