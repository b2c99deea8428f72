"""Score extract_quotes output against hand-annotated gold YAML (tests/gold/quotes_*.yaml).

A predicted row matches a gold row when their spans overlap with overlap/union >= 0.5 (same
article); "strict" matching also requires the same kind. Matching is greedy one-to-one by
overlap ratio. Speaker and via accuracy are computed over matched pairs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import yaml

from iranstrikes.quotes import canonical_outlet, extract_quotes

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
TEXT_DIRS = {
    "quotes_seeds.yaml": ROOT / "seeds",
    "quotes_invented.yaml": ROOT / "tests/fixtures/invented",
    "quotes_holdout.yaml": ROOT / "tests/fixtures/invented",
}


def load_gold(name: str) -> list[dict]:
    return yaml.safe_load((GOLD / name).read_text(encoding="utf-8"))


def _norm(s: str) -> str:
    s = re.sub(r"[’']s\b", "", (s or "").lower())
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    toks = [t for t in s.split() if t not in {"the", "a", "an"}]
    return " ".join(toks)


def speaker_match(pred: str, gold: dict) -> bool:
    cands = [gold["speaker"], *gold.get("speaker_alt", [])]
    p = _norm(pred)
    if not p:
        return False
    for c in cands:
        g = _norm(c)
        if p == g:
            return True
        if gold.get("speaker_type") == "person":
            # same surname and no conflicting first name
            pt, gt = p.split(), g.split()
            if pt and gt and pt[-1] == gt[-1] and (len(pt) == 1 or pt[0] == gt[0]):
                return True
        else:
            ps, gs = set(p.split()), set(g.split())
            if ps and gs and (ps <= gs or gs <= ps) and p.split()[-1] == g.split()[-1]:
                return True
    return False


def via_match(pred: str, gold: dict) -> bool:
    cands = [gold.get("via", ""), *gold.get("via_alt", [])]
    return canonical_outlet(pred or "") in {canonical_outlet(c or "") for c in cands}


def _ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def score_quotes(pred: pd.DataFrame, gold_rows: list[dict], strict: bool = True) -> dict:
    """Score predictions (column ``article`` + extract_quotes columns) against gold rows."""
    pairs = []
    for gi, g in enumerate(gold_rows):
        gspan = (g["start"], g["start"] + len(g["quote"]))
        sub = pred[pred["article"] == g["article"]]
        for pi, r in sub.iterrows():
            if strict and r["kind"] != g["kind"]:
                continue
            rat = _ratio(gspan, (r["start"], r["end"]))
            if rat >= 0.5:
                pairs.append((rat, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, matched = set(), set(), []
    for _rat, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((gi, pi))
    tp = len(matched)
    n_pred, n_gold = len(pred), len(gold_rows)
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    spk = sum(speaker_match(pred.loc[pi, "speaker"], gold_rows[gi]) for gi, pi in matched)
    via = sum(via_match(pred.loc[pi, "via"], gold_rows[gi]) for gi, pi in matched)
    return {
        "n_pred": n_pred,
        "n_gold": n_gold,
        "tp": tp,
        "precision": round(prec, 3),
        "recall": round(rec, 3),
        "f1": round(f1, 3),
        "speaker_acc": round(spk / tp, 3) if tp else 0.0,
        "via_acc": round(via / tp, 3) if tp else 0.0,
        "unmatched_gold": [gold_rows[gi] for gi in range(n_gold) if gi not in used_g],
        "unmatched_pred": pred.loc[[i for i in pred.index if i not in used_p]],
        "wrong_speaker": [
            (gold_rows[gi], pred.loc[pi, "speaker"])
            for gi, pi in matched
            if not speaker_match(pred.loc[pi, "speaker"], gold_rows[gi])
        ],
        "wrong_via": [
            (gold_rows[gi], pred.loc[pi, "via"])
            for gi, pi in matched
            if not via_match(pred.loc[pi, "via"], gold_rows[gi])
        ],
    }


def predict_for(gold_name: str) -> pd.DataFrame:
    folder = TEXT_DIRS[gold_name]
    frames = []
    for art in sorted({g["article"] for g in load_gold(gold_name)}):
        text = (folder / f"{art}.txt").read_text(encoding="utf-8")
        df = extract_quotes(text)
        df.insert(0, "article", art)
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def evaluate(gold_name: str, strict: bool = True) -> dict:
    return score_quotes(predict_for(gold_name), load_gold(gold_name), strict=strict)


if __name__ == "__main__":
    import sys

    verbose = "-v" in sys.argv
    for name in ("quotes_seeds.yaml", "quotes_invented.yaml", "quotes_holdout.yaml"):
        for strict in (True, False):
            r = evaluate(name, strict)
            head = {
                k: r[k]
                for k in (
                    "n_pred",
                    "n_gold",
                    "tp",
                    "precision",
                    "recall",
                    "f1",
                    "speaker_acc",
                    "via_acc",
                )
            }
            print(name, "strict" if strict else "any-kind", head)
            if verbose and strict:
                for g in r["unmatched_gold"]:
                    print(
                        "  FN",
                        g["article"][:14],
                        g["kind"],
                        repr(g["quote"][:70]),
                        "|",
                        g["speaker"],
                    )
                for _, p in r["unmatched_pred"].iterrows():
                    print(
                        "  FP",
                        p["article"][:14],
                        p["kind"],
                        repr(p["quote"][:70]),
                        "|",
                        p["speaker"],
                        "|",
                        p["method"],
                    )
                for g, s in r["wrong_speaker"]:
                    print(
                        "  SPK",
                        g["article"][:14],
                        repr(g["quote"][:50]),
                        "gold:",
                        g["speaker"],
                        "pred:",
                        repr(s),
                    )
                for g, s in r["wrong_via"]:
                    print(
                        "  VIA",
                        g["article"][:14],
                        repr(g["quote"][:50]),
                        "gold:",
                        repr(g["via"]),
                        "pred:",
                        repr(s),
                    )
