"""Hypothesis: random folders of random bytes, names, encodings and manifests.

Invariants: ``load_corpus`` never raises, every folder entry appears in ``articles`` or
``problems`` (or is a counted skip), and the frames pass their schemas. A bounded number of
examples runs here; ``benchmarks/fuzz_loader.py`` runs many more.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_loader_cases import build, check_invariants, folders  # noqa: E402

from iranstrikes import load_corpus  # noqa: E402


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(folders())
def test_random_folders_load_and_account_for_every_file(spec):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        expected = build(folder, spec)
        corpus = load_corpus(folder, engine="serial", progress=False)
        assert check_invariants(corpus, expected) == []
