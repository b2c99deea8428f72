"""Curated corpus data: every entry's evidence must occur in the article text."""

from __future__ import annotations

import hashlib
import re

import pandas as pd
import pytest
import yaml
from conftest import SEEDS

from iranstrikes.corpus.files import MANIFEST_VALUE_COLUMNS
from iranstrikes.schema import FRAMES


def _ws(s: str) -> str:
    """Fold runs of white space (incl. no-break spaces) to one space, as the loader does."""
    return " ".join(s.split())


def _raw(stem: str) -> str:
    return _ws(next(SEEDS.glob(f"{stem}*.txt")).read_text(encoding="utf-8"))


def test_seeds_are_unedited():
    sums = dict(line.split()[::-1] for line in (SEEDS / "SHA256SUMS").read_text().splitlines())
    assert sorted(sums) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name, digest in sums.items():
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest


MANIFEST = pd.read_csv(SEEDS / "manifest.csv", dtype=str, keep_default_na=False)


@pytest.mark.parametrize("row", MANIFEST.to_dict("records"), ids=lambda r: r["file"][:3])
def test_manifest_values_carry_evidence(row):
    text = (SEEDS / row["file"]).read_text(encoding="utf-8")
    for col in MANIFEST_VALUE_COLUMNS:
        if not row[col]:
            continue
        source = row[f"{col}_source"]
        assert source, f"{row['file']}: {col} has no source"
        if source.startswith("text:"):
            assert source[5:].strip() in text, f"{row['file']}: evidence for {col} not in the text"
        else:
            assert re.match(r"https?://|stored copy", source), source
    allowed = dict((c.name, c.allowed) for c in FRAMES["articles"].columns)["outlet_ownership"]
    assert row["outlet_ownership"] in allowed


def test_manifest_lists_every_seed():
    assert sorted(MANIFEST["file"]) == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_alias_evidence_occurs_in_text():
    data = yaml.safe_load((SEEDS / "aliases.yaml").read_text(encoding="utf-8"))
    assert data["people"]
    for entry in data["people"]:
        assert entry["evidence"], entry["name"]
        for ev in entry["evidence"]:
            text = _raw(ev["article"])
            assert _ws(ev["text"]) in text, (entry["name"], ev["text"])
        # every alias and the name itself are printed somewhere in the corpus
        corpus_text = _ws("\n".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")))
        for alias in [entry["name"], *entry["aliases"]]:
            assert alias in corpus_text, alias
