"""Style is enforced, not suggested: ruff (Google docstrings, imports, bugbear) must pass."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_ruff_check_passes():
    here = Path(sys.executable).parent / "ruff"
    ruff = str(here) if here.exists() else shutil.which("ruff")
    assert ruff, "ruff is not installed: pip install -e '.[dev]'"
    out = subprocess.run(
        [ruff, "check", "iranstrikes", "tests", "scripts", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_no_seed_facts_in_library_code():
    """Names of the people and outlets of the bundled articles live in data files, not code."""
    names = [
        "Rahimpour",
        "Afkham",
        "Jazayeri",
        "Kirby",
        "Harf",
        "Abadi",
        "Sputnik",
        "Fars News",
        "Al Arabiya",
        "Financial Tribune",
        "Global Research",
    ]
    hits = [
        f"{p.relative_to(ROOT)}: {n}"
        for p in sorted((ROOT / "iranstrikes").rglob("*.py"))
        for n in names
        if n in p.read_text(encoding="utf-8")
    ]
    assert hits == [], hits
