"""Automatic stance suggestions from general negation and affirmation rules.

What belongs here: the general English cue patterns, :func:`detect_stances` for one statement,
:func:`suggest_stances` over a corpus's quotes, their honest scoring against the codebook
(:func:`score_suggestions`) and :func:`combine_stances`. No names of people or outlets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from iranstrikes import resources as _resources
from iranstrikes import schema

from .codebook import STANCES
from .coding import _assign_ids, _default_on_record, _norm_name, _overlap


# --------------------------------------------------------------------------------------
# Automatic suggestions
# --------------------------------------------------------------------------------------
# General English cue lexicons (no names of people or outlets): resources/stance_cues.csv.
def _cues(kind: str) -> str:
    """The alternation of every pattern of ``kind`` in ``stance_cues.csv``, in file order."""
    return "|".join(r["pattern"] for r in _resources.table("stance_cues") if r["kind"] == kind)


_DENIAL_VERBS = _cues("denial_verb")
_NEGATORS = _cues("negator")
_PRED_NEG = _cues("false_predicate")
_AFFIRM_VERBS = _cues("affirmation_verb")
_NEUTRAL = _cues("neutral_speech_act")
_NEG_BEFORE_VERB = f"(?:{_cues('negation_before_verb')})"

_CLAUSE_SPLIT = re.compile(
    rf"[.;:!?](?:\s|$)|\s[-\u2013\u2014]\s|,\s+(?:{_cues('comma_conjunction')})\b"
    rf"|\s(?:{_cues('clause_conjunction')})\b",
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
