"""Score the date extractor on real TimeML gold (TimeBank, AQUAINT, MEANTIME) and URL shapes.

For every TIMEX3 of ``type="DATE"`` whose value is a day (``1998-01-08``), a month
(``1998-01``), an ISO week (``1998-W02``) or a year (``1998``), :func:`extract_events` runs on
the document's text with its creation time (DCT) as the publication date (basis ``manifest``):

* *detected*: some event's ``date_text`` overlaps the gold span;
* *resolved*: that event's ``[date_start, date_end]`` equals the gold value read as days (a
  month is its first..last day, a week Monday..Sunday, a year 1 Jan..31 Dec).

Two conventions differ from TimeML and are scored both ways:

* "this week / this month / this year" (and "earlier this ..."): TimeML gives the whole period;
  ours, in past tense, runs up to the anchor. Column ``res_timeml`` demands the whole period;
  ``resolved`` (the figure we report against the targets) also accepts an interval that lies
  inside the gold period (it runs up to, or from, the anchor).
* "since X" / "from X" (ours: X's start to the anchor) counts when it starts where X starts;
  "until / by X" (ours: the anchor to X's end) when it ends where X ends (TimeML marks X).
* "early / mid / late X" and "the end of X" (TimeML: the value of X with ``mod=START|MID|END``):
  ours is a part of X. ``resolved`` accepts any interval inside the gold period when the gold
  TIMEX3 carries a ``mod`` or our expression holds the qualifier (TimeML often leaves "early"
  outside the TIMEX3); ``res_timeml`` demands the whole period.

Vague values (``PRESENT_REF``, ``PAST_REF``), decades, quarters, seasons and underspecified
values (``XXXX-..``) are counted under ``other`` and left out of both figures.

Publication dates from URLs are scored on the URL shapes of ``tests/url_dates.py`` (written by
us, not gold data).

Run: .venv/bin/python benchmarks/accuracy_dates.py [--sets TimeBank AQUAINT MEANTIME] [--misses N]

The gold sets are read from ``../shared/datasets/`` relative to the repository (override with
the ``IRANSTRIKES_DATASETS`` environment variable); nothing of them is copied into the repo.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import re
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATASETS = Path(os.environ.get("IRANSTRIKES_DATASETS") or ROOT.parent / "shared" / "datasets")
SETS = {
    "TimeBank": ("tempeval3-tbaq", "TimeBank"),
    "AQUAINT": ("tempeval3-tbaq", "AQUAINT"),
    "MEANTIME": ("meantime-en", ""),
}
TARGET_DETECTED, TARGET_RESOLVED = 0.92, 0.85

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_PART = re.compile(r"(?i)\b(?:early|mid|late|beginning|start|middle|end|close|half)\b|mid-")
_THIS = re.compile(r"(?i)\bthis\s+(?:week|month|year)\b|\b(?:earlier|so far) this\b")


def read_tml(path: Path) -> tuple[str, str, list[dict]]:
    """Return (text, dct, timexes) of one TimeML file; timex offsets index ``text``."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct_m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]+)\"", raw)
    dct = dct_m.group(1)[:10] if dct_m else ""
    body_m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    body = body_m.group(1) if body_m else ""
    out: list[str] = []
    n = 0
    timexes: list[dict] = []
    open_tx: dict | None = None
    pos = 0
    for m in _TAG.finditer(body):
        piece = html.unescape(body[pos : m.start()])
        out.append(piece)
        n += len(piece)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_tx = dict(_ATTR.findall(attrs)) | {"start": n}
        elif open_tx is not None:
            open_tx["end"] = n
            timexes.append(open_tx)
            open_tx = None
    piece = html.unescape(body[pos:])
    out.append(piece)
    text = "".join(out)
    for t in timexes:
        t["text"] = text[t["start"] : t["end"]]
    return text, dct, timexes


def gold_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The days of a TIMEX3 value that is a day, month, ISO week or year; else None."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return d, d
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            return None
        first = dt.date(y, mo, 1)
        nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    m = re.fullmatch(r"(\d{4})-W(\d{1,2})", value)
    if m:
        try:
            mon = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        return mon, mon + dt.timedelta(days=6)
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    return None


_SINCE = re.compile(r"(?i)^(?:since|from|after)\s")
_UNTIL = re.compile(r"(?i)^(?:until|till|by|through|before)\s")


def _bound_ok(h: tuple, iv: tuple, t: dict) -> bool:
    """ "since X" (our interval X..anchor) right when it starts where X starts; "until/by X"
    (anchor..X) right when it ends where X ends (TimeML marks X alone)."""
    text = h[4]
    if h[2] is None or h[3] is None or h[0] > t["start"]:
        return False
    if _SINCE.match(text):
        return h[2] == iv[0]
    if _UNTIL.match(text):
        return h[3] == iv[1]
    return False


def _as_date(v) -> dt.date | None:
    return None if v is None or pd.isna(v) else pd.Timestamp(v).date()


def score_set(name: str, limit_misses: int = 0) -> dict | None:
    """Score one gold set; None when its folder is absent."""
    from iranstrikes.chronology import extract_events

    sub, part = SETS[name]
    folder = DATASETS / sub / part if part else DATASETS / sub
    files = sorted(folder.glob("*.tml")) if folder.is_dir() else []
    if not files:
        return None
    n = det = res = res_tml = other = 0
    misses: list[str] = []
    t0 = time.perf_counter()
    for path in files:
        text, dct, timexes = read_tml(path)
        gold = [t for t in timexes if t.get("type") == "DATE"]
        if not gold:
            continue
        ev = extract_events(path.stem, text, pd.Timestamp(dct) if dct else None, None, "manifest")
        spans = [
            (int(a), int(b), _as_date(s), _as_date(e), str(tx))
            for a, b, s, e, tx in zip(
                ev["date_text_start"].tolist(),
                ev["date_text_end"].tolist(),
                ev["date_start"].tolist(),
                ev["date_end"].tolist(),
                ev["date_text"].tolist(),
                strict=True,
            )
            if a is not None and not pd.isna(a) and int(a) >= 0
        ]
        for t in gold:
            iv = gold_interval(t.get("value", ""))
            if iv is None:
                other += 1
                continue
            n += 1
            hits = [s for s in spans if s[0] < t["end"] and s[1] > t["start"]]
            if not hits:
                if len(misses) < limit_misses:
                    misses.append(f"MISS {path.stem}: {t['text']!r} = {t['value']}")
                continue
            det += 1
            whole = any(h[2] == iv[0] and h[3] == iv[1] for h in hits)
            ok = whole or any(_bound_ok(h, iv, t) for h in hits)
            if not ok:
                ok = any(
                    h[2] is not None
                    and h[3] is not None
                    and iv[0] <= h[2] <= h[3] <= iv[1]
                    and (t.get("mod") or _PART.search(h[4]) or _THIS.search(h[4] + " " + t["text"]))
                    for h in hits
                )
            res_tml += whole
            res += ok
            if not ok and len(misses) < limit_misses:
                got = ", ".join(f"{h[4]!r}->{h[2]}..{h[3]}" for h in hits)
                misses.append(
                    f"WRONG {path.stem} (dct {dct}): {t['text']!r} = {t['value']} got {got}"
                )
    return {
        "set": name,
        "docs": len(files),
        "timex": n,
        "other": other,
        "detected": det / n if n else 0.0,
        "resolved": res / n if n else 0.0,
        "res_timeml": res_tml / n if n else 0.0,
        "seconds": time.perf_counter() - t0,
        "misses": misses,
    }


def score_urls() -> dict:
    """Publication dates from the URL shapes listed in tests/url_dates.py."""
    sys.path.insert(0, str(ROOT / "tests"))
    from url_dates import URL_DATES

    from iranstrikes.normalise import date_from_url

    ok = 0
    wrong = []
    for url, want in URL_DATES:
        got = date_from_url(url)
        got_s = "-".join(f"{x:02d}" for x in got) if got else None
        if got_s == want:
            ok += 1
        else:
            wrong.append(f"URL {url} -> {got_s}, want {want}")
    return {"n": len(URL_DATES), "ok": ok, "wrong": wrong}


def main(argv: list[str] | None = None) -> list[dict]:
    """Command-line entry point; returns the rows printed."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=list(SETS))
    ap.add_argument("--misses", type=int, default=0, help="print up to N misses per set")
    a = ap.parse_args(argv)
    rows = []
    print(f"gold sets from {DATASETS}")
    print(f"{'set':<10}{'docs':>6}{'timex':>7}{'other':>7}{'detected':>10}{'resolved':>10}"
          f"{'res_timeml':>12}{'s':>7}")  # fmt: skip
    for name in a.sets:
        r = score_set(name, a.misses)
        if r is None:
            print(f"{name:<10} ABSENT: no .tml files under {DATASETS / SETS[name][0]}"
                  " (set IRANSTRIKES_DATASETS to the datasets folder); not scored")  # fmt: skip
            continue
        rows.append(r)
        flag = (
            "" if r["detected"] >= TARGET_DETECTED and r["resolved"] >= TARGET_RESOLVED else "  *"
        )
        print(
            f"{r['set']:<10}{r['docs']:>6}{r['timex']:>7}{r['other']:>7}{r['detected']:>10.3f}"
            f"{r['resolved']:>10.3f}{r['res_timeml']:>12.3f}{r['seconds']:>7.1f}{flag}"
        )
        for line in r["misses"]:
            print("   ", line)
    u = score_urls()
    print(f"URL publication dates: {u['ok']}/{u['n']} = {u['ok'] / max(u['n'], 1):.3f}")
    for line in u["wrong"]:
        print("   ", line)
    print(f"(targets: detected >= {TARGET_DETECTED}, resolved >= {TARGET_RESOLVED}; * = below)")
    return rows


if __name__ == "__main__":
    main()
