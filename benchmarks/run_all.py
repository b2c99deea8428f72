"""Run the benchmarks and print a summary (``make bench``).

By default: the quote-extractor benchmark, the event extractor and the loader's per-article
stage on the generated corpus (one core), time against text length, quote and date accuracy on
real gold (``../shared/datasets``; each says when it is absent), and ``load_corpus`` on a
generated 1,000-article corpus with the serial and the process engine. Bigger corpora via ``--sizes``:

    .venv/bin/python benchmarks/run_all.py --sizes 1000 10000 100000

Results are described in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000])
    ap.add_argument("--engines", nargs="+", default=["serial", "processes"])
    ap.add_argument("--quote-articles", type=int, default=300)
    ap.add_argument(
        "--cross-only", action="store_true", help="time cached reloads (see bench_load)"
    )
    ap.add_argument("--work", default=None, help="folder for generated corpora")
    ap.add_argument(
        "--scaling-chars",
        type=int,
        default=10_000,
        help="longest text of the scaling benchmark (bench_scaling.py; 1000000 for the full table)",
    )
    a = ap.parse_args()

    print("== quote extractor (one core) ==", flush=True)
    subprocess.run(
        [sys.executable, str(HERE / "bench_quotes.py"), str(a.quote_articles)], check=True
    )

    print(
        "\n== event extractor per article (one core; model given, as the loader does) ==",
        flush=True,
    )
    subprocess.run(
        [sys.executable, str(HERE / "bench_events.py"), str(a.quote_articles), "--given-model"],
        check=True,
    )

    print("\n== the loader's per-article stage: one text model shared (bench_stage) ==", flush=True)
    subprocess.run(
        [sys.executable, str(HERE / "bench_stage.py"), str(a.quote_articles)], check=True
    )

    print("\n== time against text length, per step (bench_scaling) ==", flush=True)
    subprocess.run(
        [sys.executable, str(HERE / "bench_scaling.py"), "--max-chars", str(a.scaling_chars)],
        check=True,
    )

    print("\n== quote accuracy (PolNeAR + project gold) ==", flush=True)
    subprocess.run([sys.executable, str(HERE / "accuracy_quotes.py")], check=True)

    print("\n== date extractor on TimeML gold (accuracy_dates) ==", flush=True)
    subprocess.run([sys.executable, str(HERE / "accuracy_dates.py")], check=True)

    print("\n== load_corpus end to end ==", flush=True)
    sys.path.insert(0, str(HERE))
    import bench_load

    argv = ["--sizes", *map(str, a.sizes), "--engines", *a.engines]
    if a.work:
        argv += ["--work", a.work]
    if a.cross_only:
        argv.append("--cross-only")
    rows = bench_load.main(argv)

    print("\n== summary ==")
    for r in rows:
        cross = sum(
            r["timings"].get(k, 0) for k in ("people", "propagation", "chronology", "claims")
        )
        print(
            f"{r['n']:>7} articles, {r['engine']:>9}: {r['n'] / r['seconds']:7.1f} articles/s, "
            f"peak {r['peak_tree_pss_mb'] or 0:6.0f} MB (PSS), per-article stage "
            f"{r['timings'].get('per_article', 0):7.1f}s, cross-article steps {cross:7.1f}s"
        )


if __name__ == "__main__":
    main()
