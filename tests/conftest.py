"""Shared fixtures: the seed corpus is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def corpus():
    from iranstrikes import load_corpus

    return load_corpus(progress=False)


@pytest.fixture(scope="session")
def seed_ids():
    return sorted(p.stem for p in SEEDS.glob("*.txt"))
