"""The event stage's speed shortcuts give what the plain code they replace gives.

Each shortcut (rules chosen once per set of date pieces, subject cuts read only as far as
asked) is checked against the plain computation on invented text.
"""

from __future__ import annotations

import bisect
import random

from iranstrikes.chronology import expressions as ex
from iranstrikes.chronology.actors import _SUBJECT_CUT, _quoted_regions, _Regions, _SentIndex

WORDS = ("that", "said", "“We", "will”", '"no"', "hat", "what", "on", "Monday", "March 3",
         "2019", "last", "week", "ago", ";", ",", "the", "year", "Christmas", "early", "May",
         "3/4/2020", "spring", "thatch", "t", '" ,', "”;", "two thousand and three", "Q3 2015")  # fmt: skip


def _texts(n: int, seed: int):
    rng = random.Random(seed)
    for _ in range(n):
        yield " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30)))


def test_remembered_rules_are_the_gated_rules():
    for text in _texts(400, 1):
        on = ex._date_pieces(text)
        if on is None:
            continue
        got = ex._find_dates(text, 0, len(text), on)  # (remembers the rules of ``on``)
        want = tuple((n, rx, wb) for n, rx, g, wb in ex._GATED_RULES if g <= on)
        assert ex._RULES_FOR[on] == want
        assert ex._find_dates(text, 0, len(text), on) == got  # (the remembered rules)


def test_subject_cuts_read_lazily_are_the_eager_cuts():
    rng = random.Random(2)
    for text in _texts(400, 3):
        text = "x. " + text + " y"
        lo, hi = 3, len(text) - 2
        regions = _quoted_regions(text, lo, hi)
        cuts = _SUBJECT_CUT.finditer(text, lo, hi)
        if regions:
            inner = _Regions([(a, b - 1) for a, b in regions])
            eager = [x.end() for x in cuts if not inner.inside(x.start())]
        else:
            eager = [x.end() for x in cuts]
        sx = _SentIndex(text, lo, hi, regions)
        for pos in [rng.randint(lo, hi + 1) for _ in range(6)]:  # (in any order)
            i = bisect.bisect_right(eager, pos)
            assert sx.last_subject_cut(pos) == (eager[i - 1] if i else None)


TENSE_WORDS = ("will", "may", "said", "was", "attacked", "is", "to", "plans", "on", "Monday",
               "next", "Friday", "by", "until", "this", "week", "yesterday", "last", "month",
               ",", "that", "who", "the", "officials", "coming", "Tuesday", "remain", "closed",
               "has", "been", "had", "expected", "today", "mayor")  # fmt: skip


def test_tense_skipped_only_where_it_cannot_change_the_date():
    import pandas as pd

    from iranstrikes.chronology.resolve import _resolve_match
    from iranstrikes.chronology.tense import _future_decides, _may_be_future, _tense_of

    rng = random.Random(3)
    anchor = pd.Timestamp("2024-05-08")
    skipped = 0
    for _ in range(600):
        text = " ".join(rng.choice(TENSE_WORDS) for _ in range(rng.randint(2, 25)))
        for m in ex._find_dates(text, 0, len(text)):
            sx = _SentIndex(text, 0, len(text))
            tense = _tense_of(text, 0, len(text), m, sx)
            if not _may_be_future(text, 0, len(text), m, _SentIndex(text, 0, len(text))):
                assert tense != "future"  # (the skip reads it as past)
            if _future_decides(m) and tense != "future":
                skipped += 1
                assert _resolve_match(m, anchor, anchor, "past") == _resolve_match(
                    m, anchor, anchor, tense
                )
    assert skipped > 50


def test_holiday_names_read_by_their_heads_are_the_names_held():
    parts = [w for n in ex._L_HOLIDAY_WORDS for w in n.split()]
    parts += ["day", "days", "today", "monday", "st.", "’s", "'s", "new", "year", "never", "x"]
    rng = random.Random(4)
    held = 0
    for _ in range(3000):
        low = rng.choice(["", " ", "-"]).join(rng.choice(parts) for _ in range(rng.randint(1, 9)))
        want = tuple(filter(low.__contains__, ex._L_HOLIDAY_WORDS))
        held += bool(want)
        assert ex._holiday_words(low) == want
    assert held > 500


def test_closing_quote_read_backwards_is_the_regex():
    from iranstrikes.chronology.actors import _ENDS_QUOTE, _ends_quote

    chars = ["a", " ", "\n", "\t", "\u00a0", ",", '"', "”", "“", "x"]
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 8)))
        lo, hi = rng.randint(0, len(text)), rng.randint(0, len(text))
        assert _ends_quote(text, lo, hi) == (_ENDS_QUOTE.search(text[lo:hi]) is not None)
