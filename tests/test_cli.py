"""The command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from conftest import SEEDS

from iranstrikes.cli import main


def test_help():
    out = subprocess.run(
        [sys.executable, "-m", "iranstrikes.cli", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "load" in out.stdout and "build-site" in out.stdout


@pytest.mark.parametrize("suffix", ["csv", "parquet", "json"])
def test_load_writes_every_table(tmp_path, suffix, capsys):
    assert main(["load", str(SEEDS), "--out", str(tmp_path / f"corpus.{suffix}"), "--quiet"]) == 0
    arts = tmp_path / f"corpus.articles.{suffix}"
    assert arts.exists() and (tmp_path / f"corpus.quotes.{suffix}").exists()
    if suffix == "csv":
        assert len(pd.read_csv(arts)) == 5
    elif suffix == "parquet":
        assert len(pd.read_parquet(arts)) == 5
    else:
        assert len(json.loads(arts.read_text())) == 5
    assert "Loaded 5 articles" in capsys.readouterr().out


def test_bad_folder_message(tmp_path, capsys):
    assert main(["load", str(tmp_path / "nope"), "--out", str(tmp_path / "x.csv")]) == 2
    assert "No such folder" in capsys.readouterr().err


def test_claimreview_export(tmp_path):
    out = tmp_path / "claims.jsonld"
    assert main(["claimreview", str(SEEDS), "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data and all(
        d["@type"] == "ClaimReview" and d["@context"] == "https://schema.org" for d in data
    )
    assert {d["reviewRating"]["alternateName"] for d in data} <= {"affirms", "denies", "neither"}


def test_check_passes_on_the_seeds(capsys):
    assert main(["check", str(SEEDS)]) == 0
    assert "passed every check" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "codebook.yaml",
            b"propositions: [unclosed\n",
            "codebook.yaml:2: error: codebook.yaml is not valid YAML",
        ),
        ("aliases.yaml", b"- just\n- a list\n", "not a mapping"),
        ("context.yaml", b"context:\n  - id: x\n", "missing 'claim'"),
        ("manifest.csv", b"file,published\na.txt,today\n", "word for the time of loading"),
        (
            "codebook.yaml",
            b"rules:\n  - number: 1\n    name: Quoted words first\npropositions: []\ncodings: []\n",
            "missing 'text'",
        ),
        (
            "codebook.yaml",
            "propositions: []\ncodings: []\nnote: caf\xe9\n".encode("latin-1"),
            "not UTF-8",
        ),
    ],
)
def test_check_reports_each_fault_and_exits_non_zero(tmp_path, capsys, name, content, expected):
    (tmp_path / name).write_bytes(content)
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr()
    assert expected in out.out and "problem(s)" in out.err


def test_check_gives_the_line_of_a_bad_coding(tmp_path, capsys):
    (tmp_path / "codebook.yaml").write_text(
        "propositions:\n  - id: P1\n    wording: It happened.\ncodings:\n"
        "  - {article: a, speaker: S, speaker_type: person, proposition: P1, stance: maybe, evidence: x}\n",
        encoding="utf-8",
    )
    assert main(["check", str(tmp_path)]) == 1
    assert "(line 5): bad stance 'maybe'" in capsys.readouterr().out


def test_check_on_a_missing_folder(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope")]) == 2
