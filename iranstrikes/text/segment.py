"""Segmenting one article: masks, paragraphs, quotation spans and sentences.

What belongs here: the pure string functions every reader of an article shares (the text
model, quotes, chronology): a same-length mask of the text (no-break spaces, markdown links),
paragraphs, headline-like lines, pairing quotation marks, and sentence spans (run-on
"sentences" cut at :data:`MAX_SENTENCE` characters). Offsets always index the original text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .. import resources as _resources

_ABBREV = frozenset(_resources.word_list("abbreviations"))
_MD_LINK_RE = re.compile(r"\[([^\]\n]{0,200})\]\([^)\n]{0,300}\)")
_RX4 = re.compile(r"[^\n]+")
# ("[.!?][.!?]*", not "[.!?]+": a pattern that opens with a class is scanned for fast)
_TERM_RE = re.compile(r"[.!?][.!?]*[\"”’)\]]*[\s\u00a0]+")
_QUOTE_CHARS = '"“”„«»'


@dataclass(slots=True)
class _Quote:
    start: int  # interior start
    end: int  # interior end
    open_pos: int  # position of opening mark
    close_pos: int  # position of closing mark (== end when unclosed)
    closed: bool
    para: int


def _mask(text: str) -> str:
    """A same-length copy: NBSPs as spaces, links blanked, two backticks or apostrophes as ``"``.

    Party-and-state tags set off by commas are blanked.

    A horizontal bar or figure dash, typed for a dash by some outlets ("Hastily politicizing
    the tragedy ― much like he did ... ― Trump cast"), reads as an em dash. In a text with no
    double quotation marks, paired single ones ("‘We won,’ he said") read as double marks.
    """
    m = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    if "\u2015" in m or "\u2012" in m:
        m = m.replace("\u2015", "\u2014").replace("\u2012", "\u2014")

    def _blank(mt: re.Match[str]) -> str:
        inner = mt.group(1)
        return " " + inner + " " * (len(mt.group(0)) - len(inner) - 1)

    if "](" in m:
        m = _MD_LINK_RE.sub(_blank, m)
    if "-" in m:
        # "Sen. Marco Rubio, R-Fla., said": a party-and-state tag set off by commas is blanked
        # (its second comma kept), so no rule takes it for a name, a speaker or a clause piece
        m = _AFFILIATION_RE.sub(_blank_tag, m)
    if "``" in m:
        # two backticks as an opening quotation mark (Penn Treebank and LDC wire text:
        # "``We won,'' he said"): one straight double quote next to the first quoted word
        m = m.replace("``", ' "')
    if "''" in m:
        # two apostrophes as a quotation mark (some wires and archives): one straight double
        # quote, on the side of the pair that touches the quoted words (same length)
        m = _TWO_APOSTROPHES_RE.sub(_one_quote, m)
        if "'''" in m:
            # an inner single quotation ending (or starting) with the outer one:
            # "''I told them, 'No.'''" closes both, the double mark after the single one
            m = _THREE_APOSTROPHES_RE.sub(_inner_and_outer, m)
    if ("‘" in m or "'" in m) and not any(ch in m for ch in '"“”„'):
        # single quotation marks as the article's own (British style: "‘We won,’ he said"):
        # each pair reads as a double mark (same length)
        m = _single_marks_as_double(m)
    return m


#: A single mark that may open a quotation: after a blank or an opening bracket or dash (or
#: at the start), before a letter or digit.
_SINGLE_OPEN_RE = re.compile(r"(?:(?<=[\s(\[{—–:-])|^)[‘'](?=[^\W_])", re.M)
#: A single mark that may close one: after a non-blank, before no letter or digit.
_SINGLE_CLOSE_RE = re.compile(r"(?<=\S)[’'](?![^\W_])")


def _single_marks_as_double(m: str) -> str:
    """Pair single quotation marks within each line and write each pair as double marks.

    An opening mark pairs with the next closing one on its line; a closing mark after an "s"
    before a blank and a lower-case word ("the voters’ choice") is a possessive when another
    closing mark follows on the line. Unpaired marks (apostrophes, "’90s") stay as they are.
    """
    out = list(m)
    pos = 0
    n = len(m)
    while True:
        om = _SINGLE_OPEN_RE.search(m, pos)
        if om is None:
            break
        eol = m.find("\n", om.end())
        eol = n if eol < 0 else eol
        closers = [c.start() for c in _SINGLE_CLOSE_RE.finditer(m, om.end(), eol)]
        close = -1
        for k, c in enumerate(closers):
            if (
                m[c - 1] == "s"
                and m[c + 1 : c + 2] == " "
                and m[c + 2 : c + 3].islower()
                and k + 1 < len(closers)
            ):
                continue  # "the voters’ choice": a possessive, the quotation goes on
            close = c
            break
        if close < 0:
            pos = om.end()
            continue
        out[om.start()] = '"'
        out[close] = '"'
        pos = close + 1
    return "".join(out)


#: A party-and-state tag set off by commas after a name (", R-Fla.,", ", D-N.Y.,").
#: The shape of a party-and-state tag ("R-Fla.", "D-N.Y.", "I-Vt.").
AFFILIATION_TAG = r"[RDI]-[A-Z][A-Za-z.]{1,7}"
#: (The letter before the comma is checked by a look-behind after ", ": a pattern that opens
#: with a literal is scanned for fast, one that opens with a look-behind is tried everywhere.)
_AFFILIATION_RE = re.compile(r", (?<=[a-z], )(" + AFFILIATION_TAG + "),")


def _blank_tag(mt: re.Match[str]) -> str:
    return " " * (len(mt.group(0)) - 1) + ","


#: (No apostrophe before them: checked by a look-behind after them, see _AFFILIATION_RE.)
_THREE_APOSTROPHES_RE = re.compile(r"'''(?<!'''')(?!')")


def _inner_and_outer(mt: re.Match[str]) -> str:
    if _opens_quotation(mt.string, mt.start(), 3):
        return " \"'"  # opening: the outer mark, then the inner one
    return "'\" "  # closing: the inner mark, then the outer one


def _opens_quotation(s: str, i: int, n: int) -> bool:
    """The ``n`` apostrophes at ``i`` open a quotation.

    A blank or an opening mark comes before them, a quoted word right after.
    """
    before = s[i - 1] if i else " "
    after = s[i + n] if i + n < len(s) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


_TWO_APOSTROPHES_RE = re.compile(r"''(?<!''')(?!')")  # (as _THREE_APOSTROPHES_RE)


def _one_quote(mt: re.Match[str]) -> str:
    if _opens_quotation(mt.string, mt.start(), 2):
        return ' "'  # opening: the mark sits next to the first quoted word
    return '" '  # closing: the mark sits next to the last quoted word


def strip_blanks(text: str, lo: int, hi: int) -> tuple[int, int]:
    """``text[lo:hi]`` without its leading and trailing whitespace, as (start, end) offsets."""
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Split into paragraphs: lines; a lower-case continuation line joins the previous one."""
    out: list[tuple[int, int]] = []
    for mt in _RX4.finditer(text):
        s, e = strip_blanks(text, mt.start(), mt.end())
        if s >= e:
            continue
        if (
            out
            and text[s].islower()
            and text[out[-1][1] - 1] not in '.!?:"”'
            and s - out[-1][1] < 3
        ):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _is_headline(text: str, s: int, e: int) -> bool:
    """Title-like line: no sentence-final punctuation and short or Title Cased."""
    line = text[s:e].rstrip()  # a closing ``''`` masks to '" ' (see _mask)
    if not line:
        return False
    if line[-1] in '.!?"”’)' or line.endswith(":"):
        return False
    words = line.split()
    if len(words) <= 12:
        return True
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps / len(words) >= 0.7


def _is_format(ch: str) -> bool:
    """An invisible format character (a bidi mark such as U+202A before a quotation)."""
    return unicodedata.category(ch) == "Cf"


def _find_quotes(text: str, paras: list[tuple[int, int]]) -> list[_Quote]:
    """Pair quotation marks within each paragraph; unclosed quotes close at paragraph end."""
    quotes: list[_Quote] = []
    rx = re.compile(r"[\"“”„«»]")
    for pi, (ps, pe) in enumerate(paras):
        open_at = -1
        for mt in rx.finditer(text, ps, pe):
            i = mt.start()
            ch = text[i]
            prev = text[i - 1] if i > ps else " "
            nxt = text[i + 1] if i + 1 < pe else " "
            if ch in "“„«":
                role = "open"
                if (
                    ch == "“"
                    and open_at >= 0
                    and not prev.isspace()
                    and (nxt.isspace() or nxt in ",.;:")
                ):
                    role = "close"  # an opening mark typed for a closing one: ‘,“ said’
            elif ch in "”»":
                role = "close"
                if (
                    open_at < 0
                    and nxt.isalnum()
                    and (prev.isspace() or prev in "([{—–-:" or i == ps or _is_format(prev))
                ):
                    role = "open"  # '”Sorry Sarah, ...!” posted X': a closing mark typed to open
            elif prev.isspace() or prev in "([{—–-:" or i == ps:
                role = "open" if not nxt.isspace() else "close"
            else:
                role = "close"
            if open_at < 0:
                if role == "open" or (ch == '"' and not nxt.isspace() and nxt not in ",.;:"):
                    open_at = i
            elif role == "close" or ch == '"':
                if i > open_at + 1:
                    quotes.append(_Quote(open_at + 1, i, open_at, i, True, pi))
                open_at = -1
            else:  # a new opening mark while one is open: the previous one was never closed
                e = i
                while e > open_at + 1 and text[e - 1].isspace():
                    e -= 1
                if e > open_at + 1:
                    quotes.append(_Quote(open_at + 1, e, open_at, e, False, pi))
                open_at = i
        if open_at >= 0 and pe > open_at + 1:
            quotes.append(_Quote(open_at + 1, pe, open_at, pe, False, pi))
    return quotes


def _word_before(text: str, lo: int, hi: int) -> str | None:
    r"""``re.search(r"([\w.]+)$", text[lo:hi]).group(1)`` (None without a match), read backwards.

    The word and dot characters that end the slice; ``$`` also matches before a final
    newline, so a slice ending in one newline ends its run there.
    """
    j = hi
    if j > lo and text[j - 1] == "\n":
        j -= 1
    i = j
    while i > lo and (text[i - 1].isalnum() or text[i - 1] in "_."):
        i -= 1
    return text[i:j] if i < j else None


def _sentences(masked: str, paras: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Sentence spans (start, end, paragraph) over the quote-masked text."""
    out: list[tuple[int, int, int]] = []
    for pi, (ps, pe) in enumerate(paras):
        _para_sentences(out, masked, ps, pe, pi)
    return out


def _sentences_sharing(
    masked: str,
    paras: list[tuple[int, int]],
    other: str,
    other_sents: list[tuple[int, int, int]],
) -> list[tuple[int, int, int]]:
    """``_sentences(masked, paras)``, taking over ``_sentences(other, paras)`` (given).

    The sentences of a paragraph read only its own characters: where ``other`` (another mask
    of the same text, e.g. with quotations blanked) holds the very same characters, its
    sentences of that paragraph are the ones ``masked`` gives.
    """
    by_para: dict[int, list[tuple[int, int, int]]] = {}
    for sp in other_sents:
        by_para.setdefault(sp[2], []).append(sp)
    out: list[tuple[int, int, int]] = []
    for pi, (ps, pe) in enumerate(paras):
        if masked[ps:pe] == other[ps:pe]:
            out.extend(by_para.get(pi, ()))
        else:
            _para_sentences(out, masked, ps, pe, pi)
    return out


def _para_sentences(out: list, masked: str, ps: int, pe: int, pi: int) -> None:
    """Append the sentences of paragraph ``pi`` (``masked[ps:pe]``, read only there)."""
    s = ps
    for mt in _TERM_RE.finditer(masked, ps, pe):
        j = mt.end()
        if j >= pe:
            break
        nxt = masked[j]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _QUOTE_CHARS or nxt == "("):
            continue
        k = mt.start()
        w = _word_before(masked, max(ps, k - 12), k) if masked[k] == "." else None
        if w:
            tok = w.lower()
            if (
                tok in _ABBREV
                or len(tok) == 1
                and not tok.isdigit()
                or (len(tok) <= 3 and "." in tok)
            ):
                continue
        e = mt.end()
        while e > s and masked[e - 1].isspace():
            e -= 1
        if e - s <= MAX_SENTENCE:
            out.append((s, e, pi))  # (what _add_sentence does with a short sentence)
        else:
            _add_sentence(out, masked, s, e, pi)
        s = j
    if pe - s <= MAX_SENTENCE:
        out.append((s, pe, pi))
    else:
        _add_sentence(out, masked, s, pe, pi)


#: Longest sentence span (characters). A longer run-on "sentence" (a scraped table, a
#: transcript without stops, hostile input) is cut into pieces of at most this length, at a
#: comma or semicolon when there is one in the second half, else at a space: no real sentence
#: is this long, and the bound keeps every per-sentence step linear in the text length.
MAX_SENTENCE = 3000


def _add_sentence(out: list, masked: str, s: int, e: int, pi: int) -> None:
    while e - s > MAX_SENTENCE:
        lo, hi = s + MAX_SENTENCE // 2, s + MAX_SENTENCE
        cut = max(masked.rfind(", ", lo, hi), masked.rfind("; ", lo, hi))
        cut = cut + 1 if cut >= 0 else masked.rfind(" ", lo, hi)
        if cut <= s:
            cut = hi
        out.append((s, cut, pi))
        s = cut
        while s < e and masked[s].isspace():
            s += 1
    out.append((s, e, pi))
