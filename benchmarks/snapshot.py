"""Save every frame of ``load_corpus`` for a set of corpora, or compare against a saved set.

An optimisation must not change what the loader finds. Before changing code, save a snapshot;
after, compare: every frame of every corpus must be equal (same columns, dtypes, values, order).

Corpora: the bundled seeds, every fixture corpus under ``tests/fixtures`` and, with ``--bench``,
generated corpora of the given sizes (see :mod:`make_corpus`).

Run:
    .venv/bin/python benchmarks/snapshot.py save /tmp/snap --bench 1000
    .venv/bin/python benchmarks/snapshot.py compare /tmp/snap --bench 1000
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def corpora(bench: list[int], seed: int, work: Path) -> dict[str, Path | None]:
    """Name → folder (None: the bundled seeds)."""
    out: dict[str, Path | None] = {"seeds": None}
    for d in sorted((ROOT / "tests" / "fixtures").iterdir()):
        if d.is_dir():
            out[f"fixture-{d.name}"] = d
    if bench:
        sys.path.insert(0, str(HERE))
        from bench_load import corpus_for

        for n in bench:
            out[f"bench-{n}"] = corpus_for(n, seed, work)
    return out


def frames_of(folder: Path | None, engine: str) -> dict:
    """Every frame of the loaded corpus, with paths made relative (comparable across clones)."""
    from iranstrikes import load_corpus

    c = load_corpus(folder, engine=engine, progress=False)
    out = {}
    for name, df in c.frames().items():
        df = df.copy()
        if "source_path" in df:
            df["source_path"] = df["source_path"].map(
                lambda p: Path(p).name if isinstance(p, str) else p
            )
        out[name] = df
    return out


def compare(old: dict, new: dict) -> list[str]:
    """Differences between two frame dicts, as messages (empty: identical)."""
    import pandas as pd

    msgs = []
    for name in sorted(set(old) | set(new)):
        if name not in old or name not in new:
            msgs.append(f"{name}: only in {'new' if name in new else 'old'}")
            continue
        try:
            pd.testing.assert_frame_equal(old[name], new[name], check_exact=True)
        except AssertionError as exc:
            msgs.append(f"{name}: {str(exc).splitlines()[0:6]}")
    return msgs


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("action", choices=["save", "compare"])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--bench", type=int, nargs="*", default=[])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--engine", default="serial")
    ap.add_argument("--only", nargs="*", help="names of corpora to include")
    ap.add_argument(
        "--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "iranstrikes-bench"
    )
    a = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    a.folder.mkdir(parents=True, exist_ok=True)
    bad = 0
    for name, folder in corpora(a.bench, a.seed, a.work).items():
        if a.only and name not in a.only:
            continue
        frames = frames_of(folder, a.engine)
        path = a.folder / f"{name}.pkl"
        if a.action == "save":
            path.write_bytes(pickle.dumps(frames))
            print(f"saved {name}: " + ", ".join(f"{k}={len(v)}" for k, v in frames.items()))
            continue
        msgs = compare(pickle.loads(path.read_bytes()), frames)
        bad += bool(msgs)
        print(f"{'SAME' if not msgs else 'DIFF'} {name}")
        for m in msgs:
            print("   ", m)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
