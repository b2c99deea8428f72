"""The schema module: conform, validate, and the generated data dictionary."""

from __future__ import annotations

import pandas as pd
import pandera.errors
import pytest
from conftest import ROOT

from iranstrikes import schema


def test_data_dictionary_is_up_to_date():
    committed = (ROOT / "docs" / "data_dictionary.md").read_text(encoding="utf-8")
    assert committed == schema.data_dictionary_markdown() + "\n", "run: make docs"


def test_every_frame_conforms_and_validates(corpus):
    for name in schema.FRAMES:
        df = getattr(corpus, name)
        assert list(df.columns[: len(schema.FRAMES[name].columns)]) == schema.FRAMES[name].names, (
            name
        )
        schema.validate(name, df)


def test_validation_catches_bad_values():
    df = schema.conform(
        "problems",
        pd.DataFrame([{"file": "a.txt", "severity": "fatal", "code": "x", "message": "m"}]),
    )
    with pytest.raises(pandera.errors.SchemaErrors, match="severity"):
        schema.validate("problems", df)


def test_conform_adds_missing_columns_with_dtypes():
    df = schema.conform("articles", pd.DataFrame([{"article_id": "a", "n_words": 3}]))
    assert df["n_words"].dtype == "Int64"
    assert df["published"].dtype == "datetime64[ns]"
    assert df["headline"].isna().all()
    assert schema.empty("quotes").columns.tolist() == schema.FRAMES["quotes"].names
