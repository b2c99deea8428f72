"""Benchmark ``extract_events`` alone on a generated corpus: ms per article on one core.

Each article is normalised and its quotes extracted once (not timed); then ``extract_events``
runs on every article's real inputs (body, publication date and basis, quotes), best of
``--rounds`` in CPU time (``time.process_time``: the machine is shared), versions alternating.
``--profile`` prints a pyinstrument profile of one pass instead (with ``--given-model``, of
the pass with each article's text model built beforehand, as the loader gives it). With
``--against PATH ...`` (other versions: a copy of the package folder saved inside
``iranstrikes/`` under another name before a change, or an old ``chronology.py`` saved there,
e.g. ``git show 72b7b4d^:iranstrikes/chronology.py > iranstrikes/chrono_r0.py``)
every version runs, alternating, and the articles on which its frames equal the current ones
are counted (a version older than the text model is timed without one).

Run: .venv/bin/python benchmarks/bench_events.py [N] [--seed 0] [--rounds 3] [--profile]
     [--against /tmp/chronology_orig.py iranstrikes/chrono_copy ...] [--given-model]

``--given-model`` also times ``extract_events(..., text_model=...)`` with each article's text
model built beforehand (the model is ~2 ms/article of its own, shared by whoever builds it).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent


def articles_for(folder: Path) -> list[dict]:
    """The normalised article records of every file of ``folder`` (nothing extracted)."""
    from iranstrikes import corpus as c
    from iranstrikes.corpus import read_manifest

    manifest, _ = read_manifest(folder)
    out = []
    for p in sorted(folder.glob("*.txt")):
        row = (
            manifest.loc[p.name].to_dict()
            if manifest is not None and p.name in manifest.index
            else None
        )
        res = c.process_article(p.name, p.read_bytes(), row, extract=False)
        if res.article is not None:
            out.append(res.article)
    return out


def inputs_for(folder: Path) -> list[tuple]:
    """(article_id, body, published, published_latest, basis, quotes) of every article."""
    from iranstrikes.quotes import extract_quotes

    out = []
    for a in articles_for(folder):
        q = extract_quotes(a["body"]).copy()
        q.insert(0, "article_id", a["article_id"])
        q.insert(0, "quote_id", [f"{a['article_id']}:q{i:03d}" for i in range(len(q))])
        out.append(
            (
                a["article_id"],
                a["body"],
                a["published"],
                a["published_latest"],
                a["published_basis"],
                q,
            )
        )
    return out


def _load(path: Path, load_module):
    """Another version of the chronology: a module file inside ``iranstrikes/`` is imported as
    ``iranstrikes.<name>`` (its relative imports then work); anything else as
    :func:`bench_chronology.load_module` does."""
    import importlib

    path = Path(path).resolve()
    if path.is_file() and path.parent.name == "iranstrikes":
        return importlib.import_module(f"iranstrikes.{path.stem}")
    return load_module(path)


def main(argv: list[str] | None = None) -> float:
    """Command-line entry point; returns the best ms per article."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument(
        "--given-model", action="store_true", help="also time it with the text model given"
    )
    ap.add_argument(
        "--against",
        type=Path,
        nargs="+",
        default=[],
        help="other versions (a chronology.py, or a copy of the package folder) to time too",
    )
    ap.add_argument(
        "--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "iranstrikes-bench"
    )
    a = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    sys.path.insert(0, str(HERE))
    from bench_load import corpus_for

    from iranstrikes.chronology import extract_events

    a.work.mkdir(parents=True, exist_ok=True)
    inputs = inputs_for(corpus_for(a.n, a.seed, a.work))
    if a.profile:
        from pyinstrument import Profiler

        models = {}
        if a.given_model:  # profile the event stage alone, as the loader runs it
            from iranstrikes import text

            models = {args[0]: text.model(args[1]) for args in inputs}
        prof = Profiler(interval=0.0005)
        prof.start()
        for args in inputs:
            extract_events(*args, text_model=models.get(args[0]))
        prof.stop()
        print(prof.output_text(unicode=False, color=False))
        return 0.0
    versions = {"current": extract_events}
    if a.given_model:  # the text model built beforehand (its own cost printed apart)
        from iranstrikes import text

        t0 = time.process_time()
        models = {args[0]: text.model(args[1]) for args in inputs}
        ms = 1000 * (time.process_time() - t0) / len(inputs)
        print(f"text.model: {len(inputs)} articles, one pass: {ms:.2f} ms/article (CPU)")
        versions["model given"] = lambda *x: extract_events(*x, text_model=models[x[0]])
    import inspect

    import pandas as pd
    from bench_chronology import load_module

    others = {}
    for path in a.against:
        other = _load(path, load_module).extract_events
        same = 0
        for args in inputs:
            try:
                pd.testing.assert_frame_equal(other(*args), extract_events(*args), check_exact=True)
                same += 1
            except AssertionError:
                pass
        print(
            f"extract_events vs {path.name}: identical frames on {same} of {len(inputs)} articles"
        )
        others[path.name] = other
        takes_model = "text_model" in inspect.signature(other).parameters
        if a.given_model and takes_model:
            others[f"{path.name}, model given"] = lambda *x, _f=other: _f(
                *x, text_model=models[x[0]]
            )
    versions = {**others, **versions}
    best = dict.fromkeys(versions, float("inf"))
    for _ in range(a.rounds):
        for name, f in versions.items():
            t0 = time.process_time()
            for args in inputs:
                f(*args)
            best[name] = min(best[name], time.process_time() - t0)
    for name, t in best.items():
        ms = 1000 * t / len(inputs)
        print(
            f"extract_events ({name}): {len(inputs)} articles, best of {a.rounds}: {ms:.2f} ms/article (CPU)"
        )
    return 1000 * best["current"] / len(inputs)


if __name__ == "__main__":
    main()
