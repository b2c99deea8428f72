"""Time against text length for each per-article step: are they linear (issue 16)?

Four generated texts (invented, deterministic), each at 1k, 10k, 100k and 1M characters:

- ``dates``: date-dense (a scraped timeline: date after date, no full stop);
- ``cues``: one sentence dense in names and reporting verbs, with no full stop;
- ``quotes``: quote-dense (nested and unbalanced quote marks, short attributed quotes);
- ``names``: name-dense paragraphs (many capitalised names, titles and outlets).

For each, the steps are timed separately: normalisation (``normalise_text``), quotes
(``quote_columns``), events (``chronology._event_records`` on the quotes found) and
``process_article`` as a whole (best of three runs for steps under half a second). A step
that runs past ``--timeout`` seconds is stopped and
shown as ``>T``; the larger sizes of that step and text are then skipped (``-``). The
100k→1M ratio of each step is printed against the target of at most 15x (a linear step gives
about 10x). Keep runs short with ``--max-chars``::

    PYTHONPATH=$PWD python benchmarks/bench_scaling.py --max-chars 100000 [--timeout 60]
"""

from __future__ import annotations

import argparse
import signal
import sys
import time

import pandas as pd

SIZES = (1_000, 10_000, 100_000, 1_000_000)
TARGET = 15.0
NAMES = ["Ana Ferreira", "Tom Reyes", "Maria Lopez", "Hamid Karimi", "Li Wei", "Olu Adeyemi"]
TITLES = ["the mayor", "a senior official", "the spokeswoman", "the deputy minister"]
VERBS = ["said", "told reporters", "added", "denied", "confirmed", "insisted", "warned"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _repeat(make, n: int, sep: str) -> str:
    out, k, total = [], 0, 0
    while total < n:
        piece = make(k)
        out.append(piece)
        total += len(piece) + len(sep)
        k += 1
    return sep.join(out)[:n]


def dates_text(n: int) -> str:
    """A scraped timeline: date after date in one paragraph with no full stop."""

    def entry(k):
        m, d, y = MONTHS[k % 12], k % 28 + 1, 2000 + k % 20
        w = WEEKDAYS[k % 5]
        return f"{d} {m} {y}, council vote; {m} {d}, {y + 1}, repeal; last {w}, appeal;"

    return "Timeline\n\n" + _repeat(entry, n, " ")


def cues_text(n: int) -> str:
    def clause(k):
        a, b = NAMES[k % 6], NAMES[(k + 2) % 6]
        return f"{a} {VERBS[k % 7]} that {TITLES[k % 4]} {b} {VERBS[(k + 3) % 7]} that"

    return "One long sentence\n\n" + _repeat(clause, n, " ")


def quotes_text(n: int) -> str:
    def piece(k):
        a = NAMES[k % 6]
        return [
            f"\u201cWe will \u2018never\u2019 agree to \u201cthat\u201d plan,\u201d {a} said.",
            f'"No," said {a}. "Not \'now\'," she added, "or ever."',
            f"\u201c\u201c\u201d \u201d \u00ab{a}\u00bb \u201e",
            f"{a} called it \u201ca mistake\u201d and \u201cthe wrong choice\u201d.",
        ][k % 4]

    return "Quotes\n\n" + _repeat(piece, n, " ")


def names_text(n: int) -> str:
    def sent(k):
        a, b, c = NAMES[k % 6], NAMES[(k + 1) % 6], NAMES[(k + 4) % 6]
        return (
            f"{a}, {TITLES[k % 4]}, met {b} and {c} of the Portville Courier, Example Wire "
            f"and Reuters in Geneva, where {b} {VERBS[k % 7]} the talks would go on."
        )

    return "Names\n\n" + _repeat(lambda k: " ".join(sent(k + j) for j in range(4)), n, "\n\n")


TEXTS = {"dates": dates_text, "cues": cues_text, "quotes": quotes_text, "names": names_text}


class _Timeout(BaseException):
    """(A BaseException, so that the loader's per-step guards do not turn it into a row.)"""


def _timed(fn, timeout: float, repeat: int = 3):
    """Best seconds of up to ``repeat`` runs (repeated only while under 0.5 s), or None."""
    best = None
    for _ in range(max(1, repeat)):
        sec, _out = _timed_once(fn, timeout)
        if sec is None:
            return None, None
        best = sec if best is None else min(best, sec)
        if sec > 0.5:
            break
    return best, None


def _timed_once(fn, timeout: float):
    """(seconds, result) or (None, None) when ``fn`` ran past ``timeout`` seconds."""

    def handler(signum, frame):
        raise _Timeout

    old = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.perf_counter()
    try:
        out = fn()
        return time.perf_counter() - t0, out
    except _Timeout:
        return None, None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def run(
    max_chars: int, timeout: float, texts: list[str], only: list[str] | None = None
) -> list[dict]:
    from iranstrikes.chronology import _event_records
    from iranstrikes.corpus import process_article
    from iranstrikes.normalise import normalise_text
    from iranstrikes.quotes import quote_columns

    published = pd.Timestamp("2014-12-06")
    process_article("warm.txt", dates_text(2000).encode())  # compile regexes, load lists
    rows = []
    for name in texts:
        stopped: set[str] = set()
        for n in [s for s in SIZES if s <= max_chars]:
            text = TEXTS[name](n)
            body = normalise_text(text).body
            found = {"cols": None}

            def quotes_step(body=body, found=found):
                found["cols"] = quote_columns(body)

            def events_step(body=body, found=found):
                cols = found["cols"] if found["cols"] is not None else quote_columns("")
                _event_records("x", body, published, published, "manifest", _with_ids(cols))

            steps = {
                "normalise": lambda text=text: normalise_text(text),
                "quotes": quotes_step,
                # (on the quotes found; without quotes when quote extraction was stopped)
                "events": events_step,
                "process_article": lambda text=text: process_article("x.txt", text.encode()),
            }
            for step, fn in steps.items():
                if only and step not in only and not (step == "quotes" and "events" in only):
                    continue
                if step in stopped:
                    rows.append({"text": name, "chars": n, "step": step, "seconds": "-"})
                    continue
                sec, _ = _timed(fn, timeout)
                if sec is None:
                    stopped.add(step)
                rows.append(
                    {
                        "text": name,
                        "chars": n,
                        "step": step,
                        "seconds": sec if sec is not None else f">{timeout:g}",
                    }
                )
                print(f"  {name:6s} {n:>9,} {step:16s} {_fmt(rows[-1]['seconds'])}", flush=True)
    return rows


def _with_ids(cols):
    if cols is None:
        return None
    n = len(cols["start"])
    return {"quote_id": [f"x:q{i:03d}" for i in range(n)], "article_id": ["x"] * n, **cols}


def _fmt(v) -> str:
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def table(rows: list[dict], max_chars: int) -> str:
    sizes = [s for s in SIZES if s <= max_chars]
    head = (
        "| text | step | "
        + " | ".join(f"{s:,}" for s in sizes)
        + " | 1k→10k | 10k→100k | 100k→1M | 100k→1M ≤ 15×? |"
    )
    lines = [head, "|" + "---|" * (len(sizes) + 6)]
    by = {(r["text"], r["step"], r["chars"]): r["seconds"] for r in rows}
    for text in dict.fromkeys(r["text"] for r in rows):
        for step in ("normalise", "quotes", "events", "process_article"):
            vals = [by.get((text, step, s), "-") for s in sizes]
            if all(v == "-" for v in vals):
                continue

            def ratio(a, b, text=text, step=step):
                x, y = by.get((text, step, a)), by.get((text, step, b))
                if isinstance(x, float) and isinstance(y, float) and x > 0:
                    return y / x
                if isinstance(x, float) and isinstance(y, str) and y.startswith(">"):
                    return f">{float(y[1:]) / x:.0f}"
                return None

            r0, r1, r2 = ratio(1_000, 10_000), ratio(10_000, 100_000), ratio(100_000, 1_000_000)
            verdict = (
                ("yes" if r2 <= TARGET else "NO")
                if isinstance(r2, float)
                else ("NO" if isinstance(r2, str) else "n/a")
            )
            rs = [
                f"{r:.1f}×" if isinstance(r, float) else (f"{r}×" if r else "-")
                for r in (r0, r1, r2)
            ]
            lines.append(
                f"| {text} | {step} | "
                + " | ".join(_fmt(v) for v in vals)
                + f" | {rs[0]} | {rs[1]} | {rs[2]} | {verdict} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-chars", type=int, default=1_000_000)
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per step and size")
    ap.add_argument("--texts", nargs="+", default=list(TEXTS), choices=list(TEXTS))
    ap.add_argument(
        "--steps",
        nargs="+",
        default=None,
        choices=["normalise", "quotes", "events", "process_article"],
    )
    a = ap.parse_args(argv)
    rows = run(a.max_chars, a.timeout, a.texts, a.steps)
    print()
    print("seconds per call (one core); ratios: time at 10x the length (linear: about 10x)")
    print(table(rows, a.max_chars))
    return rows


if __name__ == "__main__":
    main(sys.argv[1:])
