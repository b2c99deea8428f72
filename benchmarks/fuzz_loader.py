"""A longer hypothesis run of the loader's invariants (tests/test_fuzz_loader.py runs 30).

Random folders of random bytes, names, encodings, manifests and curated files; checks that
``load_corpus`` never raises, that every entry is in ``articles``, ``problems`` or the counted
skips, and that the frames pass their schemas. Also counts ``internal-error`` rows (each one
is a bug caught by a guard: the load survived it, but it should be fixed) and prints them.

    PYTHONPATH=$PWD python benchmarks/fuzz_loader.py [--examples 300] [--seed 0]
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=300)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    from fuzz_loader_cases import build, check_invariants, folders
    from hypothesis import HealthCheck, given, seed, settings

    from iranstrikes import load_corpus

    stats = collections.Counter()
    internal: list[str] = []

    @seed(args.seed)
    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(folders())
    def run(spec):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "corpus"
            folder.mkdir()
            expected = build(folder, spec)
            corpus = load_corpus(folder, engine="serial", progress=False)
            stats["folders"] += 1
            stats["entries"] += len(expected)
            stats["articles"] += len(corpus.articles)
            stats["problems"] += len(corpus.problems)
            errs = corpus.problems[corpus.problems["code"] == "internal-error"]
            for m in errs["message"]:
                internal.append(m)
            assert check_invariants(corpus, expected) == []

    t0 = time.perf_counter()
    failed = None
    try:
        run()
    except Exception as exc:  # noqa: BLE001 - the shrunk counterexample is printed
        failed = exc
    dt = time.perf_counter() - t0
    print(
        f"fuzz_loader: {stats['folders']} folders, {stats['entries']} entries, "
        f"{stats['articles']} articles, {stats['problems']} problem rows in {dt:.1f} s"
    )
    print(f"internal-error rows (guarded bugs): {len(internal)}")
    for m, n in collections.Counter(internal).most_common(10):
        print(f"  {n} x {m[:200]}")
    if failed is not None:
        print(f"INVARIANT VIOLATED: {failed!r}")
        return 1
    print("all invariants held")
    return 0


if __name__ == "__main__":
    sys.exit(main())
