"""The template codebook loads as a valid codebook, and copying it never overwrites."""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES

from iranstrikes import claims, load_corpus, templates


def test_template_is_a_valid_codebook():
    props, codings = claims.load_codebook(templates.CODEBOOK)
    assert len(props) == 1 and codings.empty
    text = templates.CODEBOOK.read_text(encoding="utf-8")
    for field in ("speaker_type", "stance", "form", "evidence", "rationale"):
        assert f"#   {field}" in text  # every field is explained in a comment


def test_copy_codebook_and_load(tmp_path):
    for f in sorted((FIXTURES / "invented").glob("*.txt"))[:2]:
        shutil.copy(f, tmp_path / f.name)
    path = templates.copy_codebook(tmp_path)
    assert path.read_bytes() == templates.CODEBOOK.read_bytes()
    with pytest.raises(FileExistsError, match="overwrite=True"):
        templates.copy_codebook(tmp_path)
    c = load_corpus(tmp_path, progress=False)
    assert len(c.propositions) == 1 and len(c.articles) == 2
