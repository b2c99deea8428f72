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
    _MULTI_CUE_PARTS,
    _NONSPACE_RE,
)
from iranstrikes.quotes.direct import _COLON_BEFORE_RE, _ends_in_colon
from iranstrikes.quotes.frame import _frame_from_columns, _str_array
from iranstrikes.quotes.lexicon import alternation, first_letter_alternation

TEXT = (
    "The mayor went on to say the bridge would open. Critics pointed out the cost; "
    "the council called for a review and made it clear that it would act.\n"
    "Ms. Rivera put it bluntly, calling on residents to wait. Going on to argue, she fired back."
)


def test_multi_cue_first_letter_groups_find_the_same_matches():
    plain = re.compile(alternation(_MULTI_CUE_PARTS))
    low = TEXT.lower()
    found = [m.span() for m in _MULTI_CUE_LOWER_RE.finditer(low)]
    assert found == [m.span() for m in plain.finditer(low)]
    assert len(found) >= 5
    parts = [(("ab", "a", "b"), "x"), (("a", "ba"), "y?"), (("c",), "")]
    grouped = re.compile(first_letter_alternation(parts))
    rng = random.Random(5)
    for _ in range(5000):
        s = "".join(rng.choice("abcxy ") for _ in range(rng.randint(0, 10)))
        want = [m.span() for m in re.finditer(alternation(parts), s)]
        assert [m.span() for m in grouped.finditer(s)] == want


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
    from iranstrikes.text.entities import _no_subject
    from iranstrikes.text.fronted import _fronted_ends

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


def test_word_start_regex_finds_the_look_behind_matches():
    from iranstrikes.quotes.lexicon import WordStartRegex

    body = r"(?:ab|a|b-|éa)(?![a-z0-9])"
    fast = WordStartRegex(body)
    plain = re.compile(r"(?<![\w-])" + body)
    rng = random.Random(11)
    for _ in range(20000):
        s = "".join(rng.choice(["a", "b", "-", " ", "é", "_", "1", "\u00a0"]) for _ in range(12))
        assert fast.spans(s) == [m.span() for m in plain.finditer(s)]


def test_content_cut_opening_class_keeps_the_plain_alternation():
    from iranstrikes.quotes.forms import _CUT_RE, _FINITE_CUES

    plain = re.compile(
        r",?\s+(?:and|but)\s+(?:also\s+)?(?:" + "|".join(_FINITE_CUES) + r"|underlined)\b|"
        r",\s*(?:adding|saying|noting|stressing|insisting|warning|explaining|arguing)\b|"
        r"(?:,|[\"”_])\s*(?:according\s+to|as\s+quoted\s+by|as\s+reported\s+by|citing)\b|"
        r",\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:reports|reported)\b|"
        r",\s+and\s+(?:was|were|is|are|has|have|had|will|would|did|does)\b|"
        r"\s+in\s+an?\s+interview\s+with\b|\s+(?:on|under)\s+condition\s+of\s+anonymity\b|"
        r",\s+(?:he|she|they|it|we|I)\s+(?:said|says|added|told)\b|"
        r"(?:,\s+(?:for\s+(?:instance|example)|in\s+fact|however|too|also))?"
        r",\s+(?:said|says|told|added)\s+(?=[a-z])"
    )
    words = [
        "and",
        "said",
        "he",
        "adding",
        "according",
        "to",
        "in",
        "an",
        "interview",
        "with",
        "for",
        "instance",
        "Ann",
        "Lee",
        "reported",
        "on",
        "condition",
        "of",
        "anonymity",
    ]
    rng = random.Random(12)
    for _ in range(20000):
        s = "".join(rng.choice(words) + rng.choice([" ", ", ", "  ", "_", '" ']) for _ in range(6))
        lo = rng.randint(0, len(s))
        hi = rng.randint(lo, len(s))
        assert [m.span() for m in _CUT_RE.finditer(s, lo, hi)] == [
            m.span() for m in plain.finditer(s, lo, hi)
        ]


def test_last_cut_is_the_greedy_regex():
    from iranstrikes.quotes.chunks import _last_cut

    greedy = re.compile(r".*([,;—–]|(?<=\s)--?(?=\s))", re.S)
    rng = random.Random(13)
    for _ in range(50000):
        s = "".join(rng.choice(["a", " ", "-", ",", ";", "—", "–", "\n"]) for _ in range(10))
        end = rng.randint(0, len(s))
        m = greedy.match(s, 0, end)
        assert _last_cut(s, end) == ((m.start(1), m.end()) if m else None)


def test_mask_patterns_checked_after_their_literal_are_the_look_behind_ones():
    from iranstrikes.text.segment import (
        _AFFILIATION_RE,
        _THREE_APOSTROPHES_RE,
        _TWO_APOSTROPHES_RE,
        AFFILIATION_TAG,
    )

    pairs = [
        (_AFFILIATION_RE, re.compile(r"(?<=[a-z]), (" + AFFILIATION_TAG + "),")),
        (_TWO_APOSTROPHES_RE, re.compile(r"(?<!')''(?!')")),
        (_THREE_APOSTROPHES_RE, re.compile(r"(?<!')'''(?!')")),
    ]
    rng = random.Random(14)
    for _ in range(20000):
        s = "".join(rng.choice(["'", "a", ", ", "R-", "Fla.", "N", " "]) for _ in range(10))
        for fast, plain in pairs:
            assert [m.span() for m in fast.finditer(s)] == [m.span() for m in plain.finditer(s)]


def test_word_start_groups_are_the_boundary_alternation():
    parts = [(("ab", "a", "ba"), r"\s*$"), (("b",), "x")]
    grouped = re.compile(first_letter_alternation(parts, word_start=True))
    plain = re.compile(r"\b(?:" + alternation(parts) + ")")
    rng = random.Random(15)
    for _ in range(20000):
        s = "".join(rng.choice(["a", "b", "x", " ", "_", "é", "1"]) for _ in range(8))
        lo = rng.randint(0, len(s))
        hi = rng.randint(lo, len(s))
        got = grouped.search(s, lo, hi)
        want = plain.search(s, lo, hi)
        assert (got and got.span()) == (want and want.span())


def test_string_scans_are_their_regexes():
    from iranstrikes.quotes.chunks import _aside_close, _last_word_end

    close = re.compile(r"(?:[—–]|(?<=\s)--?)\s*$")
    said = re.compile(r"\b(?:said|says)\b")
    rng = random.Random(16)
    for _ in range(30000):
        s = "".join(
            rng.choice(["a", " ", "-", "—", "–", "\n", "said", "says", "_"]) for _ in range(7)
        )
        t = s.rstrip()
        m = close.search(t)
        assert _aside_close(t) == (m.start() if m else -1)
        ends = [m.end() for m in said.finditer(s)]
        assert max(_last_word_end(s, "said"), _last_word_end(s, "says")) == max(ends, default=0)


def test_frame_from_blocks_is_the_plain_frame():
    cols = quote_columns('"We are done," Ms. Rivera said. The minister said the talks failed.')
    df = _frame_from_columns(cols)
    plain = pd.DataFrame({c: pd.Series(cols[c], dtype=df[c].dtype) for c in QUOTE_COLUMNS})
    assert len(df) >= 2 and df.equals(plain) and list(df.dtypes) == list(plain.dtypes)
    assert [str(t) for t in df.dtypes[:4]] == ["str", "str", "int64", "int64"]


def test_article_cues_are_disjoint_so_a_window_cuts_only_its_last_cue():
    from iranstrikes.quotes.article import _Article

    text = (
        TEXT + " He said, she says, they called for calm and called on voters; X told Y, "
        "speaking to reporters, that officials had said so.\n"
    )
    art = _Article(text)
    cues = art._cues
    assert len(cues) >= 8
    assert all(a.end() <= b.start() for a, b in zip(cues, cues[1:], strict=False))
    for lo in range(0, len(text), 3):
        for hi in range(lo, min(len(text), lo + 90), 7):
            want = [c for c in cues if lo <= c.start() < hi and c.end() <= hi]
            assert art.cues(lo, hi) == want
