"""Accuracy of ``extract_quotes`` on real hand-annotated news (PolNeAR) and on the project gold.

What it measures (one printed table):

* **PolNeAR** ``train/`` and ``dev/`` (2016 US election news, brat standoff; see
  ``../shared/datasets/README.md``). Gold quotes are the attributions whose cue holds a speech
  verb or phrase (said, told, according to, denied, wrote, tweeted ... list below) or whose
  content opens with a quotation mark. Scoring follows the Gender Gap Tracker's 30 % rule:

  - *recall*: a gold content is found when one predicted span covers more than 30 % of its
    characters;
  - *precision*: a prediction is right when more than 30 % of its characters lie inside some
    gold content (any attribution: PolNeAR annotates beliefs and intentions too, and a
    prediction inside one of those is not counted as an error);
  - *speaker*: over found gold quotes whose gold Source is a name (a capitalised word that is
    not a pronoun or determiner), the prediction's ``speaker`` (or ``speaker_mention``) shares
    a name word with the gold Source. Pronoun and description sources are not scored (PolNeAR
    has no coreference chains);
  - *unnamed sources* (a line under the table): over found gold quotes whose Source is no
    name, how often the prediction's speaker mention (``speaker_start``/``speaker_end``)
    overlaps the gold Source span: whether the right words were read as the speaker. A
    relative pronoun's gold ("who") and the antecedent the package reads count as different,
    so this is a diagnostic, not an accuracy.

  When an article has several annotators' files, the first (sorted by name) is used.
* **Project gold**: ``tests/gold/quotes_*.yaml`` on the seeds and the invented fixtures, scored
  by ``tests/quote_scoring.py`` (span overlap/union >= 0.5, any kind).
* **Speed**: articles/s of ``extract_quotes`` in CPU time (``time.process_time``), over the
  PolNeAR texts scored.

The data folder is ``../shared/datasets`` next to the repository (override with the
environment variable ``IRANSTRIKES_DATASETS``). Nothing from it is ever copied into the repo.

Run::

    PYTHONPATH=$PWD .venv/bin/python benchmarks/accuracy_quotes.py [--split train dev]
        [--limit N] [--no-project] [--errors K]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from iranstrikes.quotes import extract_quotes  # noqa: E402

#: Speech cues (lemmas / phrases). An attribution is a "quote" when its cue contains one of
#: these words (any inflection), or its content opens with a quotation mark.
SPEECH_LEMMAS = """
say tell add according deny claim write tweet state announce explain note argue ask insist warn
confirm report reply respond repeat declare comment testify post told said says saying added
adds wrote writes written tweeted tweets stated states announced announces explained explains
noted notes argued argues asked asks insisted insists warned warns confirmed confirms
reported reports replied replies responded responds repeated repeats declared declares
commented comments testified testifies posted posts claimed claims denied denies telling
stating announcing explaining noting arguing asking insisting warning confirming reporting
replying responding declaring commenting posting claiming denying writing tweeting quoted
quote quotes admitted admit admits acknowledged acknowledge acknowledges suggested suggest
suggests recalled recall recalls remarked remark remarks stressed stress stresses emphasized
emphasised emphasize emphasise continued continue continues concluded conclude concludes
described describe describes called call calls urged urge urges predicted predict predicts
promised promise promises vowed vow vows pledged pledge pledges charged charge charges
accused accuse accuses blamed blame blames criticized criticised criticize criticise
countered counter counters conceded concede concedes boasted boast boasts joked joke jokes
complained complain complains added shouted shout yelled yell told interview statement
statements speech remarks spokesman spokeswoman spokesperson
""".split()  # noqa: SIM905
_SPEECH = frozenset(SPEECH_LEMMAS)
_QUOTE_OPEN = ('"', "“", "‘", "'", "«")
_NOT_NAME = frozenset(
    """the a an he she they it we i you his her their its our my your this that these those
    who whom which mr mrs ms dr some many most several one two three both all each another
    other others""".split()  # noqa: SIM905
)
_WORD_RE = re.compile(r"[A-Za-z][\w’'.-]*")


def datasets_dir() -> Path:
    """The shared datasets folder (env ``IRANSTRIKES_DATASETS`` or ``../shared/datasets``)."""
    env = os.environ.get("IRANSTRIKES_DATASETS")
    return Path(env) if env else REPO.parent / "shared" / "datasets"


def _spans(field: str) -> list[tuple[int, int]]:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[dict]:
    """Attributions of one brat file: dicts with source/cue/content span lists and texts."""
    tb: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            label, _, spans = parts[1].partition(" ")
            tb[parts[0]] = (label, _spans(spans), parts[2])
        elif line.startswith("E"):
            parts = line.split("\t")
            roles = {}
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                roles[role.rstrip("0123456789")] = tid
            events.append(roles)
    out = []
    for ev in events:
        if "Content" not in ev or ev["Content"] not in tb:
            continue
        att = {"content": tb[ev["Content"]][1], "content_text": tb[ev["Content"]][2]}
        att["cue_text"] = tb[ev["Cue"]][2] if ev.get("Cue") in tb else ""
        att["source_text"] = tb[ev["Source"]][2] if ev.get("Source") in tb else ""
        att["source"] = tb[ev["Source"]][1] if ev.get("Source") in tb else []
        out.append(att)
    return out


def is_speech(att: dict) -> bool:
    """True when the attribution is what the library calls a quote (see module docstring)."""
    if att["content_text"].lstrip().startswith(_QUOTE_OPEN):
        return True
    words = {w.lower().strip("’'.") for w in _WORD_RE.findall(att["cue_text"])}
    return bool(words & _SPEECH)


def name_words(source: str) -> set[str]:
    """Lower-cased name words of a gold Source ("" when it is not a name)."""
    out = set()
    for w in _WORD_RE.findall(source):
        w2 = re.sub(r"[’']s$", "", w).strip(".")
        if w2[:1].isupper() and w2.lower() not in _NOT_NAME and len(w2) > 1:
            out.add(w2.lower())
    return out


def _covered(a: list[tuple[int, int]], s: int, e: int) -> int:
    return sum(max(0, min(y, e) - max(x, s)) for x, y in a)


def score_article(text: str, atts: list[dict], pred) -> dict:
    """Counts for one article: gold quotes, found, predictions, right predictions, speakers."""
    gold = [a for a in atts if is_speech(a)]
    all_content = [a["content"] for a in atts]
    pspans = list(zip(pred["start"].tolist(), pred["end"].tolist(), strict=True))
    spk = pred["speaker"].fillna("").tolist()
    mention = pred["speaker_mention"].fillna("").tolist()
    via = pred["via"].fillna("").tolist() if "via" in pred else [""] * len(pspans)
    if "speaker_start" in pred:
        starts, ends = pred["speaker_start"].tolist(), pred["speaker_end"].tolist()
        sspans = list(zip(starts, ends, strict=True))
    else:
        sspans = [(-1, -1)] * len(pspans)
    r = {"gold": len(gold), "found": 0, "pred": len(pspans), "right": 0, "named": 0, "spk": 0}
    r["via_source"] = 0
    r["unnamed"] = r["on_source"] = 0
    errors = []
    for g in gold:
        glen = sum(y - x for x, y in g["content"]) or 1
        best, bi = 0.0, -1
        for i, (s, e) in enumerate(pspans):
            c = _covered(g["content"], s, e) / glen
            if c > best:
                best, bi = c, i
        if best > 0.3:
            r["found"] += 1
            nw = name_words(g["source_text"])
            if nw:
                r["named"] += 1
                pw = {
                    re.sub(r"[’']s$", "", w).lower().strip(".")
                    for w in _WORD_RE.findall(spk[bi] + " " + mention[bi])
                }
                if nw & pw:
                    r["spk"] += 1
                else:
                    vw = {w.lower().strip(".") for w in _WORD_RE.findall(via[bi])}
                    if nw & vw:
                        # the gold's source is the outlet this row names as its channel
                        # ("X said ..., according to CNN": CNN reports X; here X speaks
                        # and CNN is the via, by the package's design)
                        r["via_source"] += 1
                    errors.append(("SPK", g["source_text"], spk[bi], g["content_text"][:60]))
            elif g.get("source"):
                # an unnamed source (a pronoun, a description, a share): is the row's speaker
                # mention the gold's source span? (a relative "who" and its antecedent differ)
                r["unnamed"] += 1
                ss, se = sspans[bi]
                if ss >= 0 and any(x < se and ss < y for x, y in g["source"]):
                    r["on_source"] += 1
        else:
            errors.append(("FN", g["source_text"], "", g["content_text"][:60]))
    for i, (s, e) in enumerate(pspans):
        ln = max(1, e - s)
        if any(_covered(c, s, e) / ln > 0.3 for c in all_content):
            r["right"] += 1
        else:
            errors.append(("FP", spk[i], "", text[s:e][:60]))
    r["errors"] = errors
    return r


def polnear_docs(split: str, limit: int | None = None) -> list[tuple[Path, Path]]:
    """(text, first annotation file) pairs of one PolNeAR split, sorted by name."""
    base = datasets_dir() / "polnear" / split
    anns: dict[str, Path] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        stem = p.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, p)
    docs = [(base / "text" / f"{s}.txt", a) for s, a in sorted(anns.items())]
    docs = [d for d in docs if d[0].exists()]
    return docs[:limit] if limit else docs


def score_polnear(split: str, limit: int | None = None, n_errors: int = 0) -> dict | None:
    """Score one split; None when the folder is absent."""
    base = datasets_dir() / "polnear" / split
    if not base.is_dir():
        return None
    tot = {"gold": 0, "found": 0, "pred": 0, "right": 0, "named": 0, "spk": 0, "via_source": 0}
    tot["unnamed"] = tot["on_source"] = 0
    errors = []
    seconds = 0.0
    docs = polnear_docs(split, limit)
    for tpath, apath in docs:
        text = tpath.read_text(encoding="utf-8")
        atts = read_ann(apath)
        t0 = time.process_time()
        pred = extract_quotes(text)
        seconds += time.process_time() - t0
        r = score_article(text, atts, pred)
        for k in tot:
            tot[k] += r[k]
        errors += [(tpath.stem[:30], *e) for e in r["errors"]]
    p = tot["right"] / tot["pred"] if tot["pred"] else 0.0
    rc = tot["found"] / tot["gold"] if tot["gold"] else 0.0
    out = {
        "set": f"polnear/{split}",
        "docs": len(docs),
        "gold": tot["gold"],
        "pred": tot["pred"],
        "precision": p,
        "recall": rc,
        "f1": 2 * p * rc / (p + rc) if p + rc else 0.0,
        "speaker": tot["spk"] / tot["named"] if tot["named"] else float("nan"),
        "named": tot["named"],
        "speaker_errors": tot["named"] - tot["spk"],
        "via_source": tot["via_source"],
        "unnamed": tot["unnamed"],
        "on_source": tot["on_source"],
        "via": float("nan"),
        "art_per_s": len(docs) / seconds if seconds else float("nan"),
    }
    if n_errors:
        for e in errors[:n_errors]:
            print("  ", " | ".join(str(x) for x in e))
    return out


def score_project() -> list[dict]:
    """The project's gold (seeds, invented fixtures) through tests/quote_scoring.py."""
    import quote_scoring

    rows = []
    for name in ("quotes_seeds.yaml", "quotes_invented.yaml", "quotes_holdout.yaml"):
        if not (quote_scoring.GOLD / name).exists():
            continue
        r = quote_scoring.evaluate(name, strict=False)
        rows.append(
            {
                "set": name.removesuffix(".yaml"),
                "docs": len({g["article"] for g in quote_scoring.load_gold(name)}),
                "gold": r["n_gold"],
                "pred": r["n_pred"],
                "precision": r["precision"],
                "recall": r["recall"],
                "f1": r["f1"],
                "speaker": r["speaker_acc"],
                "named": r["tp"],
                "via": r["via_acc"],
                "art_per_s": float("nan"),
            }
        )
    return rows


def print_table(rows: list[dict]) -> None:
    """One plain-text table."""
    head = ["set", "docs", "gold", "pred", "P", "R", "F1", "speaker", "(n)", "via", "art/s"]
    print(
        f"{head[0]:<22}{head[1]:>5}{head[2]:>7}{head[3]:>7}{head[4]:>7}{head[5]:>7}{head[6]:>7}"
        f"{head[7]:>9}{head[8]:>7}{head[9]:>7}{head[10]:>8}"
    )
    for r in rows:

        def f(x, w=7):
            return f"{'—':>{w}}" if x != x else f"{x:>{w}.3f}"

        aps = "—" if r["art_per_s"] != r["art_per_s"] else f"{r['art_per_s']:.0f}"
        print(
            f"{r['set']:<22}{r['docs']:>5}{r['gold']:>7}{r['pred']:>7}{f(r['precision'])}"
            f"{f(r['recall'])}{f(r['f1'])}{f(r['speaker'], 9)}{r['named']:>7}{f(r['via'])}"
            f"{aps:>8}"
        )


def main(argv: list[str] | None = None) -> list[dict]:
    """Command-line entry point; returns the table rows."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", nargs="+", default=["train", "dev"], choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each split")
    ap.add_argument("--no-project", action="store_true", help="skip the seeds/fixtures gold")
    ap.add_argument("--errors", type=int, default=0, help="print the first K errors per split")
    a = ap.parse_args(argv)
    rows = []
    ds = datasets_dir() / "polnear"
    if not ds.is_dir():
        print(
            f"PolNeAR not found at {ds}: skipping the real-news rows (set IRANSTRIKES_DATASETS "
            "to the folder holding polnear/ to score them)."
        )
    else:
        for split in a.split:
            r = score_polnear(split, a.limit, a.errors)
            if r is None:
                print(f"PolNeAR split {split!r} not found under {ds}: skipped.")
            else:
                rows.append(r)
    if not a.no_project:
        rows += score_project()
    print_table(rows)
    for r in rows:
        if "via_source" in r:
            print(
                f"{r['set']}: {r['speaker_errors']} speaker errors, of which {r['via_source']} "
                'name as source the outlet that the row gives as its via ("X said ..., '
                "according to CNN\": the gold's source is CNN; here X speaks, through CNN)."
            )
        if r.get("unnamed"):
            print(
                f"{r['set']}: unnamed gold sources (pronouns, descriptions, shares): the row's "
                f"speaker mention is the gold's source span for {r['on_source']} of "
                f"{r['unnamed']} ({r['on_source'] / r['unnamed']:.3f}; a relative 'who' and "
                "its antecedent count as different)."
            )
    print(
        "P/R/F1 on PolNeAR: 30 % overlap rule; speaker: named gold sources only, share a name "
        "word. Project gold: overlap/union >= 0.5, any kind. art/s: extract_quotes, one core."
    )
    return rows


if __name__ == "__main__":
    main()
