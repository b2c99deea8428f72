"""Benchmark ``load_corpus`` end to end on generated corpora: throughput, peak memory and the
time of the per-article stage and of each cross-article step.

Corpora come from :mod:`make_corpus` (generated once per size and seed into ``--work``).
Each run happens in a fresh child process so that its peak memory is its own. Peak memory is
the largest total proportional set size (PSS: physical memory, shared pages divided among the
processes sharing them) of the run's process tree (the loader and its worker processes),
sampled every 100 ms with psutil; the largest sum of resident set sizes (which counts the
pages forked workers share with the loader once per process) and the resource module's
``ru_maxrss`` of the loader and of its largest child are reported too.

``--cross-only`` runs the per-article stage once with the on-disk cache, then times a second
load (all cache hits): what remains is reading the cache and the cross-article steps (used for
the 100k point of the curve if a full run is too slow).

Run: .venv/bin/python benchmarks/bench_load.py --sizes 1000 10000 --engines serial processes
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEPS = ("per_article", "assemble", "people", "propagation", "chronology", "claims", "validate")


def corpus_for(n: int, seed: int, work: Path) -> Path:
    """The generated corpus of ``n`` articles (written on first use)."""
    folder = work / f"n{n}-s{seed}"
    done = folder / ".complete"
    if not done.exists():
        sys.path.insert(0, str(HERE))
        from make_corpus import make_corpus

        make_corpus(folder, n, seed=seed)
        done.write_text("ok")
    return folder


def _child(folder: str, engine: str, cache: str | None) -> None:
    """Run one load in this process and print a JSON result line."""
    import resource

    from iranstrikes import load_corpus

    t0 = time.perf_counter()
    c = load_corpus(folder, engine=engine, progress=False, cache=cache or False)
    dt = time.perf_counter() - t0
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        "RESULT "
        + json.dumps(
            {
                "seconds": dt,
                "articles": len(c.articles),
                "quotes": len(c.quotes),
                "events": len(c.events),
                "timings": c.timings,
                "maxrss_self_mb": self_kb / 1024,
                "maxrss_largest_child_mb": child_kb / 1024,
            }
        )
    )


def _tree_mem_mb(pid: int) -> tuple[float, float]:
    """(PSS, RSS) of a process and all its children, in MB.

    PSS (proportional set size) counts a page shared by k processes as 1/k in each, so the
    sum over the tree is the physical memory the run uses. The RSS sum counts shared pages
    once per process: worker processes forked from a large loader would count the loader's
    memory again each.
    """
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.Error:
        return 0.0, 0.0
    pss = rss = 0
    for q in procs:
        with contextlib.suppress(psutil.Error):
            info = q.memory_full_info()
            pss += getattr(info, "pss", info.rss)
            rss += info.rss
    return pss / 2**20, rss / 2**20


def run_once(folder: Path, engine: str, cache: str | None = None) -> dict:
    """One load in a child process; returns its result with the sampled peak tree memory."""
    cmd = [sys.executable, __file__, "--child", str(folder), engine, cache or ""]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak = [0.0, 0.0]
    stop = threading.Event()

    def sample() -> None:
        try:
            import psutil  # noqa: F401
        except ImportError:
            return
        while not stop.is_set():
            pss, rss = _tree_mem_mb(proc.pid)
            peak[0], peak[1] = max(peak[0], pss), max(peak[1], rss)
            time.sleep(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, _ = proc.communicate()
    stop.set()
    th.join()
    if proc.returncode != 0:
        raise RuntimeError(f"load failed ({proc.returncode}): {' '.join(cmd)}")
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    res = json.loads(line[len("RESULT ") :])
    res["peak_tree_pss_mb"] = peak[0] or None
    res["peak_tree_rss_sum_mb"] = peak[1] or None
    return res


def main(argv: list[str] | None = None) -> list[dict]:
    """Command-line entry point; returns the result rows."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000])
    ap.add_argument("--engines", nargs="+", default=["serial", "processes"])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "iranstrikes-bench"
    )
    ap.add_argument("--cross-only", action="store_true", help="time a fully cached reload")
    ap.add_argument("--out", type=Path, help="append the result rows to this CSV file")
    a = ap.parse_args(argv)
    a.work.mkdir(parents=True, exist_ok=True)
    rows = []
    print(
        f"{'n':>7} {'engine':>9} {'art/s':>7} {'ms/art':>7} {'PSS MB':>7} {'RSS MB':>7}  "
        + " ".join(f"{s:>11}" for s in STEPS)
    )
    for n in a.sizes:
        folder = corpus_for(n, a.seed, a.work)
        for engine in a.engines:
            cache = None
            if a.cross_only:
                cache = str(a.work / f"cache-n{n}-s{a.seed}")
                run_once(folder, engine, cache)  # fill the cache
            r = run_once(folder, engine, cache)
            r.update(n=n, engine=engine, cross_only=a.cross_only)
            rows.append(r)
            t = r["timings"]
            print(
                f"{n:>7} {engine:>9} {n / r['seconds']:>7.1f} {1000 * r['seconds'] / n:>7.2f} "
                f"{(r['peak_tree_pss_mb'] or 0):>7.0f} {(r['peak_tree_rss_sum_mb'] or 0):>7.0f}  "
                + " ".join(f"{t.get(s, 0):>10.2f}s" for s in STEPS),
                flush=True,
            )
    if a.out:
        write_rows(rows, a.out)
    return rows


def write_rows(rows: list[dict], path: Path) -> None:
    """Append result rows to a CSV file (one column per measure and per step)."""
    import csv
    import platform

    fields = [
        "n",
        "engine",
        "cross_only",
        "seconds",
        "articles_per_s",
        "ms_per_article",
        "peak_tree_pss_mb",
        "peak_tree_rss_sum_mb",
        "articles",
        "quotes",
        "events",
        *(f"s_{s}" for s in STEPS),
        "cpus",
        "python",
        "when",
    ]
    new = not path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        if new:
            w.writeheader()
        for r in rows:
            w.writerow(
                {
                    **{k: r.get(k) for k in fields},
                    "articles_per_s": round(r["n"] / r["seconds"], 1),
                    "ms_per_article": round(1000 * r["seconds"] / r["n"], 2),
                    **{f"s_{s}": round(r["timings"].get(s, 0), 2) for s in STEPS},
                    "cpus": os.cpu_count(),
                    "python": platform.python_version(),
                    "when": time.strftime("%Y-%m-%d %H:%M"),
                }
            )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3], sys.argv[4] or None)
    else:
        main()
