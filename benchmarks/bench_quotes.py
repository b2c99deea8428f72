"""Benchmark iranstrikes.quotes.extract_quotes: articles/second on ~600-word articles.

Articles are built deterministically by concatenating paragraphs of the seed articles and the
invented test fixtures (round-robin) until each reaches ~600 words.

Run: .venv/bin/python benchmarks/bench_quotes.py [n_articles]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from iranstrikes.quotes import extract_quotes

ROOT = Path(__file__).resolve().parents[1]


def build_articles(n: int = 300, words: int = 600) -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "fixtures" / "invented").glob("*.txt")
    )
    paras = []
    for f in files:
        for p in f.read_text(encoding="utf-8").split("\n\n"):
            if len(p.split()) >= 5:
                paras.append(p.strip())
    out = []
    k = 0
    for i in range(n):
        chunk, count = [], 0
        while True:
            p = paras[(k * 7 + i) % len(paras)]
            n_p = len(p.split())
            if count >= 0.8 * words and count + n_p > words + 80:
                break
            k += 1
            chunk.append(p)
            count += n_p
        out.append("\n\n".join(chunk))
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    arts = build_articles(n)
    extract_quotes(arts[0])  # warm up (regex compilation, gazetteer load)
    t0 = time.perf_counter()
    rows = 0
    for a in arts:
        rows += len(extract_quotes(a))
    dt = time.perf_counter() - t0
    mean_words = sum(len(a.split()) for a in arts) / len(arts)
    per600 = n / dt * mean_words / 600
    print(
        f"{n / dt:.1f} articles/s ({n} articles, mean {mean_words:.0f} words, {rows} rows, "
        f"{dt:.2f}s); normalised to 600 words: {per600:.1f} articles/s"
    )


if __name__ == "__main__":
    main()
