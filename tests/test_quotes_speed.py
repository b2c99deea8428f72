"""The quote extractor's speed shortcuts give what the plain code they replace gives.

Each shortcut (a look-ahead on a regex, a translate table, a cheap pre-check, one Arrow array
for the frame's text columns) is checked against the slower original on invented text.
"""

from __future__ import annotations

import random
import re

import pandas as pd

from iranstrikes.quotes import QUOTE_COLUMNS, quote_columns
from iranstrikes.quotes.article import (
    _BLANK_NONSPACE,
    _MULTI_CUE_LOWER_RE,
    _NONSPACE_RE,
    _first_chars,
)
from iranstrikes.quotes.direct import _COLON_BEFORE_RE, _ends_in_colon
from iranstrikes.quotes.frame import _frame_from_columns, _str_array

TEXT = (
    "The mayor went on to say the bridge would open. Critics pointed out the cost; "
    "the council called for a review and made it clear that it would act.\n"
    "Ms. Rivera put it bluntly, calling on residents to wait. Going on to argue, she fired back."
)


def test_first_chars_reads_literal_openings_only():
    assert _first_chars("(?:a|bc)x|d") == "abd"
    assert _first_chars("(a)|b") == "ab"
    for pattern in ("(?i)abc", "abc|(?i:d)", "a?b", "[ab]c", ""):
        assert _first_chars(pattern) is None


def test_multi_cue_lookahead_finds_the_same_matches():
    inner = _MULTI_CUE_LOWER_RE.pattern.split(")(?:", 1)[1][:-1]
    plain = re.compile(inner)
    low = TEXT.lower()
    found = [m.span() for m in _MULTI_CUE_LOWER_RE.finditer(low)]
    assert found == [m.span() for m in plain.finditer(low)]
    assert len(found) >= 5


def test_blank_table_is_the_nonspace_regex():
    s = TEXT + " \u00a0\u2009\u3000\t\x1c é \ud800 “quoted”"
    assert s.translate(_BLANK_NONSPACE) == _NONSPACE_RE.sub("_", s)


def test_colon_precheck_never_hides_a_match():
    rng = random.Random(7)
    alphabet = ["a", "B", " ", ":", "\t", "\n", "\u00a0", ".", '"', "x"]
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        lo = rng.randint(0, len(s))
        if _COLON_BEFORE_RE.search(s, lo, len(s)) is not None:
            assert _ends_in_colon(s, lo, len(s))


def test_frame_text_columns_match_one_array_per_column():
    cols = quote_columns('The minister said the talks failed. "We are done," Ms. Rivera said.')
    assert cols["kind"]
    df = _frame_from_columns(cols)
    assert list(df.columns) == QUOTE_COLUMNS
    for c in ("kind", "quote", "speaker", "method"):
        assert df[c].equals(pd.Series(_str_array(cols[c]), name=c))
    empty = _frame_from_columns({c: [] for c in QUOTE_COLUMNS})
    assert len(empty) == 0 and list(empty.dtypes) == list(df.dtypes)


def test_no_subject_is_read_once_per_mention():
    """``_pronoun`` remembers ``_no_subject`` per mention: it reads nothing clustering changes."""
    from iranstrikes import text as _text
    from iranstrikes.text.entities import _fronted_ends, _no_subject

    s = (
        "In Washington, Senator Ana Ruiz met the mayor. Ruiz's aide, Tom Bell, said she "
        "would wait. At the pier, the minister spoke; he said it was late. They left."
    )
    tm = _text.model(s)
    sent_spans = [(x.start, x.end) for x in tm.sentences]
    fronted = _fronted_ends(s, sent_spans)
    fresh = [
        _no_subject(s, m.__class__(m.start, m.end, m.text, m.kind, m.sentence), fronted)
        for m in tm.mentions
    ]
    assert fresh == [_no_subject(s, m, fronted) for m in tm.mentions]
    assert any(fresh) and not all(fresh)


def test_model_takes_the_extractors_quotations():
    """The quotations the extractor hands the text model are the ones the model would find."""
    from iranstrikes import text as _text
    from iranstrikes.quotes.article import _Article, _reading
    from iranstrikes.quotes.speakers import _model
    from iranstrikes.text.segment import _find_quotes

    s = (
        "“Port Reopens,” Says Mayor\n\n"
        "“We are done,” Ms. Rivera said. The minister said “the talks failed” and left.\n\n"
        "He added: “Not today."
    )
    raw, paras, _h, _q, _m, all_quotes = _reading(s)
    assert [(q.start, q.end) for q in all_quotes] == [
        (q.start, q.end) for q in _find_quotes(raw, paras)
    ]
    a, b = _text.model(s), _model(_Article(s))
    assert (a.quotes, a.mentions, a.sentences) == (b.quotes, b.mentions, b.sentences)
    assert len(a.quotes) >= 3
