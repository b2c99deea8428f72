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
    out = subprocess.run([sys.executable, "-m", "iranstrikes.cli", "--help"], capture_output=True, text=True, check=True)
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
    assert data and all(d["@type"] == "ClaimReview" and d["@context"] == "https://schema.org" for d in data)
    assert {d["reviewRating"]["alternateName"] for d in data} <= {"affirms", "denies", "neither"}
