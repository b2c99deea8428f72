"""Benchmark chronology's cross-article steps on a generated corpus, optionally against a copy.

The corpus is loaded once (per-article results cached in ``--cache``); the inputs of
``infer_publication_dates`` and ``group_events`` are captured from that load, exactly as the
loader passes them. Then ``infer_publication_dates``, ``group_events``, ``find_conflicts``
and ``merge_timeline`` are timed, best of ``--rounds``. With ``--against FILE`` (another
version of ``chronology.py``, e.g. a copy saved before a change) both versions run on the
same inputs, alternating, and every output is checked to be equal (frames exactly).

Run: .venv/bin/python benchmarks/bench_chronology.py [N] [--seed 0] [--rounds 3]
     [--against /tmp/chronology_orig.py]
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEPS = ("infer", "group", "conflicts", "timeline")


def capture_inputs(folder: Path, cache: Path) -> dict:
    """The arguments the loader passes to ``infer_publication_dates`` and ``group_events``."""
    import iranstrikes.chronology as ch
    from iranstrikes import load_corpus

    seen: dict[str, tuple] = {}
    originals = {n: getattr(ch, n) for n in ("infer_publication_dates", "group_events")}

    def wrap(name):
        def call(*args, **kwargs):
            seen.setdefault(name, args)
            return originals[name](*args, **kwargs)

        return call

    try:
        for name in originals:
            setattr(ch, name, wrap(name))
        load_corpus(folder, cache=cache, progress=False)
    finally:
        for name, f in originals.items():
            setattr(ch, name, f)
    return seen


def load_module(path: Path):
    """Import another version of chronology (a module file, or a package folder, e.g. a copy of
    ``iranstrikes/chronology/`` saved inside ``iranstrikes/`` under another name) privately."""
    path = Path(path)
    if path.is_dir():
        name = f"iranstrikes.{path.name}"
        spec = importlib.util.spec_from_file_location(
            name, path / "__init__.py", submodule_search_locations=[str(path)]
        )
    else:
        spec = importlib.util.spec_from_file_location("_chronology_other", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # (dataclasses look their module up)
    spec.loader.exec_module(mod)
    return mod


def run(mod, inputs: dict) -> tuple[dict[str, float], tuple]:
    """Seconds per step and the outputs of one pass."""
    arts, events0 = inputs["infer_publication_dates"]
    events, people = inputs["group_events"]
    t: dict[str, float] = {}
    t0 = time.perf_counter()
    inferred = mod.infer_publication_dates(arts, events0)
    t["infer"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    grouping = mod.group_events(events, people)
    t["group"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    conflicts = mod.find_conflicts(events, people, grouping=grouping)
    t["conflicts"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    timeline = mod.merge_timeline(events, people, grouping=grouping)
    t["timeline"] = time.perf_counter() - t0
    return t, (inferred, grouping, conflicts, timeline)


def same(a: tuple, b: tuple) -> None:
    """Raise unless two passes gave equal outputs."""
    import pandas as pd

    check = pd.testing.assert_frame_equal
    check(a[0], b[0], check_exact=True)
    check(a[1][0], b[1][0], check_exact=True)
    assert a[1][1:] == b[1][1:], "groups, actor keys or token sets differ"
    check(a[2], b[2], check_exact=True)
    check(a[3], b[3], check_exact=True)


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    """Command-line entry point; returns the best seconds per step for each version."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--against", type=Path, help="another chronology.py to compare with")
    ap.add_argument(
        "--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "iranstrikes-bench"
    )
    a = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    sys.path.insert(0, str(HERE))
    from bench_load import corpus_for

    import iranstrikes.chronology as current

    a.work.mkdir(parents=True, exist_ok=True)
    folder = corpus_for(a.n, a.seed, a.work)
    inputs = capture_inputs(folder, a.work / f"cache-{folder.name}")
    versions = {"current": current}
    if a.against:
        versions = {"other": load_module(a.against), **versions}
    best: dict[str, dict[str, float]] = {v: {} for v in versions}
    for _ in range(a.rounds):
        outs = {}
        for name, mod in versions.items():
            gc.collect()
            t, outs[name] = run(mod, inputs)
            for k, v in t.items():
                best[name][k] = min(best[name].get(k, float("inf")), v)
        if a.against:
            same(outs["other"], outs["current"])
        del outs
    for name, t in best.items():
        steps = "  ".join(f"{k} {t[k]:.2f}s" for k in STEPS)
        print(f"{name:8s} n={a.n}: {steps}  total {sum(t.values()):.2f}s (best of {a.rounds})")
    if a.against:
        print("outputs identical")
    return best


if __name__ == "__main__":
    main()
