"""The public entry points and the output frame of the quote extractor.

What belongs here: :data:`QUOTE_COLUMNS`, :func:`extract_quotes`, :func:`quote_columns` (the
column lists the loader packs) and the helpers that build the typed DataFrame.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .article import (
    _Article,
)
from .chains import via_chain
from .direct import (
    _direct,
)
from .forms import _unquoted_words
from .indirect import _indirect
from .lexicon import (
    _PRONOUNS,
)
from .outlets import canonical_outlet
from .resolve import (
    _inherit_vias,
    _resolve,
    dateline_wire,
)
from .segment import _Stmt
from .spans import trim_speaker_tails
from .speaker_types import _classify
from .speakers import check_speakers, tidy_mentions
from .widen import full_descriptions, list_subjects, share_restatements

QUOTE_COLUMNS: list[str] = [
    "kind",
    "quote",
    "start",
    "end",
    "speaker",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "speaker_type",
    "cue",
    "cue_start",
    "cue_end",
    "via",
    "via_mention",
    "via_start",
    "via_end",
    "via_chain",
    "via_chain_spans",
    "sentence_start",
    "sentence_end",
    "method",
    "confidence",
]
_INT_COLS = ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end")
_INT_COLS += ("via_start", "via_end", "sentence_start", "sentence_end")
# The dtype pandas infers for a column of Python strings ("str" in pandas 3, object before).
_STR_DTYPE = pd.Series(np.array(["a"], dtype=object)).dtype


def extract_quotes(text: str, outlet: str | None = None) -> pd.DataFrame:
    """Extract attributed statements (direct, indirect and partial quotes) from one article.

    Args:
        text: article text; offsets in the output index into this exact string.
        outlet: the article's publisher, when known (e.g. from a manifest). A wire credited in
            the dateline or byline ("(AFP) —") that is *another* outlet becomes the ``via`` of
            statements that name none (``method`` says ``+via_dateline``). Without it the
            wire credit is not used: the credited agency may be the publisher itself.

    Returns:
        DataFrame with columns :data:`QUOTE_COLUMNS`, one row per statement, sorted by start.
    """
    return _frame_from_columns(quote_columns(text, outlet))


def article_model(text: str):
    """The quote extractor's reading of ``text`` and the text model built from it.

    For a caller that gives both steps of the per-article stage one model (the corpus loader):
    pass the two to :func:`quote_columns` (``text_model=``, ``_article=``). The model is the
    one :func:`quote_columns` would build itself (it reuses the extractor's mask, paragraphs
    and outlets), so quotes come out the same either way.
    """
    from .speakers import _model

    art = _Article(text if isinstance(text, str) else "")
    return art, _model(art)


def quote_columns(
    text: str, outlet: str | None = None, *, text_model=None, _article=None
) -> dict[str, list]:
    """The rows of :func:`extract_quotes` as plain Python column lists, before any DataFrame.

    For callers that gather many articles into one frame (the corpus loader builds one per
    chunk of articles instead of one per article).

    Args:
        text: article text; offsets in the output index into this exact string.
        outlet: the article's publisher, when known (see :func:`extract_quotes`).
        text_model: the text model of this very ``text``, when the caller has built it with
            :func:`article_model` (the loader builds it once per article for quotes and
            events); None builds the same model here when a speaker needs it.
        _article: the extractor's reading that :func:`article_model` returned with the model
            (saves reading the text twice).

    Returns:
        A dict with the keys of :data:`QUOTE_COLUMNS`, in that order (the final frame's column
        order), each a list with one value per statement, sorted like the frame's rows. The
        values are the frame's values as Python objects: ``str`` for text columns, ``int`` for
        offsets (-1 when absent) and ``float`` for ``confidence``; the frame builder
        (:func:`_frame_from_columns`) converts them to the columns' dtypes.
    """
    if not isinstance(text, str) or not text.strip():
        return {c: [] for c in QUOTE_COLUMNS}
    art = _article if _article is not None and _article.text is text else _Article(text)
    ind = _indirect(art)
    direct = _direct(art, ind)
    # indirect statements whose content is (mostly) a quotation are represented by the quote
    keep_ind = [
        s
        for s in ind
        if "_" not in art.masked[s.start : s.end] or _unquoted_words(art, s.start, s.end) >= 5
    ]
    stmts = direct + keep_ind
    _resolve(art, direct + ind)
    for st in stmts:
        if st.subj and art.masked[st.subj[0] : st.subj[1]].lower().strip() in _PRONOUNS:
            st.extra["pronoun"] = True
    stmts += _headline_quotes(art)
    # a partial quote whose host statement (dropped above: the quote represents it) has no
    # speaker yet gets the one the text model finds for the host ("X did Y and said “...”")
    kept = {id(st) for st in stmts}
    hosts = [
        st.extra["host"]
        for st in direct
        if not st.speaker and "host" in st.extra and id(st.extra["host"]) not in kept
    ]
    check_speakers(art, stmts + hosts, text_model=text_model)
    tidy_mentions(art, stmts)
    full_descriptions(art, stmts)
    list_subjects(art, stmts)
    share_restatements(art, stmts)
    trim_speaker_tails(art, stmts)
    for st in direct:
        h = st.extra.get("host")
        if h is not None and not st.speaker and h.speaker:
            st.speaker, st.speaker_type = h.speaker, h.speaker_type
            st.subj = st.subj or h.subj
    _inherit_vias(art, stmts)
    wire = None
    if outlet and isinstance(outlet, str):
        wire = dateline_wire(art)
        if wire and wire[2] == canonical_outlet(outlet):
            wire = None  # the publisher's own credit
        if wire:
            for st in stmts:
                if "via_res" not in st.extra and st.speaker and st.speaker_type != "media":
                    st.extra["via_res"] = wire
                    st.method += "+via_dateline"
    rows = []
    seen = set()
    for st in stmts:
        key = (st.kind, st.start, st.end)
        if key in seen or st.end <= st.start:
            continue
        seen.add(key)
        ms, me = st.subj if st.subj else (-1, -1)
        v = st.extra.get("via_res")
        vs, ve, vname = (v[0], v[1], v[2]) if v else (-1, -1, "")
        if vname and vname == st.speaker:
            vs, ve, vname = -1, -1, ""
        chain, chain_spans = via_chain(art, st, (vs, ve, vname) if vname else None, wire, outlet)
        conf = st.conf if st.speaker else min(st.conf, 0.3)
        # one tuple per row, in QUOTE_COLUMNS order
        rows.append(
            (
                st.kind,
                text[st.start : st.end],
                st.start,
                st.end,
                st.speaker,
                text[ms:me] if ms >= 0 else "",
                ms,
                me,
                st.speaker_type if st.speaker else "unknown",
                text[st.cue[0] : st.cue[1]],
                st.cue[0],
                st.cue[1],
                vname,
                text[vs:ve] if vs >= 0 else "",
                vs,
                ve,
                chain,
                chain_spans,
                st.sent[0],
                st.sent[1],
                st.method,
                float(conf),
            )
        )
    rows.sort(key=_row_order)  # stable: ties keep statement order
    if not rows:
        return {c: [] for c in QUOTE_COLUMNS}
    return dict(zip(QUOTE_COLUMNS, map(list, zip(*rows, strict=True)), strict=True))


def _row_order(row: tuple) -> tuple:
    """Sort key of a row tuple: (start, end, kind)."""
    return row[2], row[3], row[0]


def _frame(rows: list[dict]) -> pd.DataFrame:
    return _frame_from_columns({c: [r[c] for r in rows] for c in QUOTE_COLUMNS})


_QUOTE_INDEX = pd.Index(QUOTE_COLUMNS)


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _no_surrogates(v: str) -> str:
    return _SURROGATE_RE.sub("\ufffd", v) if isinstance(v, str) else v


def _str_array(vals: list[str]):
    """A column of Python strings as the array pandas would infer for it (``str`` dtype)."""
    if _STR_DTYPE is np.dtype(object):  # pragma: no cover - pandas < 3
        return np.array(vals, dtype=object)
    if getattr(_STR_DTYPE, "storage", None) == "pyarrow":
        import pyarrow as pa

        try:
            arr = pa.array(vals, type=pa.large_string())
        except UnicodeEncodeError:
            # lone surrogates (text decoded with "surrogateescape") cannot be stored as UTF-8:
            # each becomes U+FFFD, one character for one, so every offset stays valid
            arr = pa.array([_no_surrogates(v) for v in vals], type=pa.large_string())
        # The public constructor from an Arrow array: ~3x faster than pd.array(list).
        return pd.arrays.ArrowStringArray(pa.chunked_array([arr]), dtype=_STR_DTYPE)
    return pd.array(vals, dtype=_STR_DTYPE)  # pragma: no cover - python string storage


_STR_COLS = [c for c in QUOTE_COLUMNS if c not in _INT_COLS and c != "confidence"]


def _str_arrays(cols: dict[str, list], n: int) -> dict[str, object]:
    """:func:`_str_array` of every text column, from one Arrow array cut into column slices.

    One conversion of all the strings instead of one per column (the per-call overhead is
    most of the cost for the few rows of one article); the slices share its buffers.
    """
    if getattr(_STR_DTYPE, "storage", None) != "pyarrow":  # pragma: no cover - other pandas
        return {c: _str_array(cols[c]) for c in _STR_COLS}
    import pyarrow as pa

    flat = [v for c in _STR_COLS for v in cols[c]]
    try:
        arr = pa.array(flat, type=pa.large_string())
    except UnicodeEncodeError:  # lone surrogates: as in _str_array
        arr = pa.array([_no_surrogates(v) for v in flat], type=pa.large_string())
    # one array of all the strings, cut into the columns by slicing (a slice of an Arrow-backed
    # array shares its buffers and skips the constructor's checks)
    whole = pd.arrays.ArrowStringArray(pa.chunked_array([arr]), dtype=_STR_DTYPE)
    return {c: whole[k * n : (k + 1) * n] for k, c in enumerate(_STR_COLS)}


try:  # the frame's blocks handed over as they are (pandas >= 3)
    from pandas.api.internals import create_dataframe_from_blocks as _from_blocks
except ImportError:  # pragma: no cover - older pandas
    _from_blocks = None

_INT_NAMES = [c for c in QUOTE_COLUMNS if c in _INT_COLS]
# Where each block's columns sit in QUOTE_COLUMNS: one int64 block (the offsets), one float64
# block (confidence) and one block per text column, as pandas itself lays the frame out.
_INT_PLACE = np.array([QUOTE_COLUMNS.index(c) for c in _INT_NAMES], dtype=np.intp)
_CONF_PLACE = np.array([QUOTE_COLUMNS.index("confidence")], dtype=np.intp)
_STR_PLACE = {c: np.array([QUOTE_COLUMNS.index(c)], dtype=np.intp) for c in _STR_COLS}


def _frame_from_columns(cols: dict[str, list]) -> pd.DataFrame:
    """Build the quotes frame from column lists, with each column's final dtype up front."""
    n = len(cols[QUOTE_COLUMNS[0]])
    strs = _str_arrays(cols, n)
    if _from_blocks is not None and isinstance(
        next(iter(strs.values())), pd.api.extensions.ExtensionArray
    ):
        # the blocks pandas would form from the columns, built directly (no per-column
        # inference, checks and consolidation: ~20% faster for the few rows of one article)
        ints = np.array([cols[c] for c in _INT_NAMES], dtype="int64").reshape(len(_INT_NAMES), n)
        conf = np.array([cols["confidence"]], dtype="float64").reshape(1, n)
        blocks = [(ints, _INT_PLACE), (conf, _CONF_PLACE)]
        blocks += [(strs[c], _STR_PLACE[c]) for c in _STR_COLS]
        return _from_blocks(blocks, index=pd.RangeIndex(n), columns=_QUOTE_INDEX)
    arrays = []
    for c in QUOTE_COLUMNS:
        vals = cols[c]
        if c in _INT_COLS:
            arrays.append(np.array(vals, dtype="int64"))
        elif c == "confidence":
            arrays.append(np.array(vals, dtype="float64"))
        else:
            arrays.append(strs[c])
    try:  # skips per-column inference and checks: ~2x faster for small frames
        return pd.DataFrame._from_arrays(
            arrays, columns=_QUOTE_INDEX, index=pd.RangeIndex(n), verify_integrity=False
        )
    except (AttributeError, TypeError):  # pragma: no cover - private pandas API changed
        return pd.DataFrame(dict(zip(QUOTE_COLUMNS, arrays, strict=True)), columns=QUOTE_COLUMNS)


_HEADLINE_QUOTE_RE = re.compile(
    r"(?P<spk>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?:\s+(?:on|to|about|at)\s[^:]{1,80}?)?"
    r"\s*:\s*(?P<open>[‘'\"“])(?P<q>[^\n]{3,200}?)(?P<close>[’'\"”])[.!?]?\s*$"
)


def _headline_quotes(art: _Article) -> list[_Stmt]:
    """Title lines of the shape ``Speaker: ‘quote’`` (or ``Speaker on X: “quote”``).

    A whole paragraph of that shape (a headline, a roundup item); beside double quotation
    marks single ones are otherwise not read as quotes (in a text with none, they are its
    quotation marks: see :func:`iranstrikes.text.segment._mask`), and headline lines are
    left out of quote finding. The speaker must be a capitalised
    name of at most four words, typed like any other mention; the quotation marks may be
    single (headline style) when the closing mark ends the line.
    """
    out = []
    taken = {q.para for q in art.quotes}
    for pi, (ps, pe) in enumerate(art.paras):
        if pi in taken and pi not in art.headline_paras or pe - ps > 260:
            continue  # a paragraph with double-quoted speech is read by the quote rules
        if art.raw_masked.find(":", ps, pe) < 0:
            continue  # (every match holds the colon)
        mt = _HEADLINE_QUOTE_RE.match(art.raw_masked, ps, pe)
        if mt is None or mt.end() != pe:
            continue
        ns, ne = mt.span("spk")
        speaker, stype, _g = _classify(art, art.raw_masked[ns:ne], ns, ne)
        if not speaker:
            continue
        qs, qe = mt.span("q")
        st = _Stmt(
            "direct",
            qs,
            qe,
            (mt.start("open"), mt.start("open")),
            (ns, ne),
            (ps, pe),
            "headline_colon",
            0.6,
        )
        st.speaker, st.speaker_type = speaker, stype
        out.append(st)
    return out
