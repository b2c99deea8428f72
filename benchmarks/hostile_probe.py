"""Run every hostile folder of issue 16 through load_corpus, each in a subprocess with a timeout.

Prints one line per case: ``ok``, ``crash <exception>``, ``hang`` (over the timeout) or
``silent-drop <names>`` (an entry neither loaded, nor in ``problems``, nor a counted skip).
The cases are built by tests/hostile_cases.py (invented text). Run it on two checkouts to
compare before/after::

    PYTHONPATH=$PWD python benchmarks/hostile_probe.py [--timeout 20]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, os, sys, traceback
sys.path.insert(0, {tests!r})
from pathlib import Path
import hostile_cases
case, folder = sys.argv[1], Path(sys.argv[2])
if case == "lone_surrogate_quotes":
    from iranstrikes import extract_quotes
    try:
        extract_quotes('\u201cThe plan is \udce9 rushed,\u201d said Tom R\udce9yes on Monday.')
        print(json.dumps({{"status": "ok"}}))
    except Exception as exc:
        print(json.dumps({{"status": "crash " + type(exc).__name__}}))
    sys.exit(0)
expected = hostile_cases.CASES[case](folder)
from iranstrikes import load_corpus
try:
    c = load_corpus(folder, engine="serial", progress=False)
except Exception as exc:
    print(json.dumps({{"status": "crash " + type(exc).__name__ + ": " + str(exc)[:80].replace(chr(10), " ")}}))
    sys.exit(0)
from iranstrikes.corpus.files import display_name
expected = {{display_name(n) for n in expected}}
loaded = {{os.path.basename(p) for p in c.articles["source_path"]}}
reported = set(c.problems["file"].dropna())
skipped = set()
summary = c.summary()
for names in (summary.get("skipped_files") or {{}}).values():
    skipped |= set(names)
missing = sorted(n for n in expected if n not in loaded | reported | skipped)
print(json.dumps({{"status": "silent-drop " + ",".join(missing) if missing else "ok"}}))
"""


def run_case(case: str, timeout: float) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        code = CHILD.format(tests=str(ROOT / "tests"))
        env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT))}
        try:
            out = subprocess.run(
                [sys.executable, "-c", code, case, tmp],
                capture_output=True,
                text=True,
                timeout=timeout,
                env=env,
            )
        except subprocess.TimeoutExpired:
            return f"hang (> {timeout:.0f} s)"
        lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
        if not lines:
            return "crash (no result) " + out.stderr.strip().splitlines()[-1][:100]
        return json.loads(lines[-1])["status"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("cases", nargs="*")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    import hostile_cases

    cases = args.cases or [*hostile_cases.CASES, "lone_surrogate_quotes"]
    bad = 0
    for case in cases:
        status = run_case(case, args.timeout)
        bad += status != "ok"
        print(f"{case:32s} {status}", flush=True)
    print(f"{len(cases) - bad}/{len(cases)} cases ok")


if __name__ == "__main__":
    main()
