"""Benchmark the loader's per-article extraction (quotes, then events) with and without sharing
the article's text model: ms per article on one core.

"separate" is the stage as it was: the quote extractor builds its own model (of a prefix of
the text, when a speaker needs one) and ``extract_events`` builds another one (of the whole
text) for the actors. "shared" is the stage as the loader runs it now
(:func:`iranstrikes.corpus.article._extract`): ``text.model(body)`` once, given to both. Both
run on the same normalised articles of a generated corpus, alternating, best of ``--rounds`` in
CPU time (``time.process_time``; the machine is shared), and their rows are checked equal.

Run: .venv/bin/python benchmarks/bench_stage.py [N] [--seed 0] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _stage(a: dict, share: bool):
    """Quotes and event records of one article; with ``share``, from one text model built
    once and given to both steps, else each step building its own."""
    from iranstrikes import text
    from iranstrikes.chronology import _event_records
    from iranstrikes.quotes import quote_columns

    outlet = a["outlet"] if isinstance(a.get("outlet"), str) else None
    tm = text.model(a["body"]) if share else None
    cols = quote_columns(a["body"], outlet=outlet, text_model=tm)
    return cols, _event_records(
        a["article_id"],
        a["body"],
        a["published"],
        a["published_latest"],
        a["published_basis"],
        _with_ids(a["article_id"], cols),
        text_model=tm,
    )


def separate(a: dict):
    """Quotes and event records, each step building its own text model."""
    return _stage(a, share=False)


def shared(a: dict):
    """Quotes and event records from one text model built once."""
    return _stage(a, share=True)


def _with_ids(aid: str, cols: dict) -> dict:
    n = len(cols["start"])
    return {"quote_id": [f"{aid}:q{i:03d}" for i in range(n)], "article_id": [aid] * n, **cols}


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Command-line entry point; returns the best ms per article of each version."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=300)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument(
        "--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "iranstrikes-bench"
    )
    a = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    sys.path.insert(0, str(HERE))
    from bench_events import articles_for
    from bench_load import corpus_for

    a.work.mkdir(parents=True, exist_ok=True)
    arts = articles_for(corpus_for(a.n, a.seed, a.work))
    versions = {"separate": separate, "shared": shared}
    for art in arts:
        if separate(art) != shared(art):
            raise SystemExit(f"different rows for {art['article_id']}")
    print(f"quotes and events: identical rows on {len(arts)} articles")
    best = dict.fromkeys(versions, float("inf"))
    for _ in range(a.rounds):
        for name, f in versions.items():
            t0 = time.process_time()
            for art in arts:
                f(art)
            best[name] = min(best[name], time.process_time() - t0)
    out = {name: 1000 * t / len(arts) for name, t in best.items()}
    for name, ms in out.items():
        print(
            f"per-article stage ({name}): {len(arts)} articles, best of {a.rounds}: {ms:.2f} ms/article (CPU)"
        )
    return out


if __name__ == "__main__":
    main()
