"""The outlet gazetteer: finding and canonicalising news outlets in text.

What belongs here: reading ``reference/outlets.csv``, the patterns that spot outlet names
("The X Times", "the state news agency"), :func:`canonical_outlet`, and fast look-ups of
outlet first tokens. Used for ``via`` (intermediaries) and ``media`` speakers.
"""

from __future__ import annotations

import csv
import re
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd

from .lexicon import (
    _RX0,
    _RX1,
    _RX2,
    _RX3,
    _lower_same_offsets,
    _trie_regex,
)

_OUTLETS_CSV = Path(__file__).resolve().parents[1] / "reference" / "outlets.csv"

_QUOTE_CHARS = '"“”„«»'
_OUTLET_PATTERN_RE = re.compile(
    r"\b(?:[Tt]he\s+)?((?:[A-Z][\w&'’.-]*\s+){0,4}(?:News\s+Agency|Agency|News|Times|Post|"
    r"Herald|Gazette|Journal|Tribune|Courier|Telegraph|Chronicle|Observer|Independent|Express|"
    r"Mirror|Standard|Star|Today|TV|Television|Radio|Broadcasting|Network|Press|Wire|Magazine|"
    r"Review|Monitor|Bulletin|Dispatch|Inquirer|Examiner|Register|Globe|Daily|Sentinel|"
    r"Recorder|Enquirer|Advertiser|Argus|Mercury|Leader|Echo|FM))\b"
)
_GENERIC_OUTLET_RE = re.compile(
    r"\b(?:the|that|this)\s+(?:(?:state|state-run|official|semi-official|local|British|"
    r"[A-Z][a-z]+)\s+)?(?P<noun>news\s+agency|agency|newspaper|paper|daily|broadcaster|"
    r"channel|network|website|magazine|outlet|wire\s+service|television|radio|station|"
    r"tabloid|weekly)\b"
)
_GENERIC_OUTLET_NB_RE = re.compile(_GENERIC_OUTLET_RE.pattern.removeprefix(r"\b"))
_BLOCK_HEAD_RE = re.compile(
    r"^\s*(?P<src>.{2,80}?)\s*(?:reports|reported|adds|added|writes|wrote|notes|noted|"
    r"explains|says|said)\s*:\s*$"
)


_TOKEN_RE = re.compile(r"[A-Za-z0-9]+")
_OUTLET_SUFFIX_NB_RE = re.compile(
    r"(?:News\s+Agency|Agency|News|Times|Post|Herald|Gazette|Journal|Tribune|Courier|Telegraph|"
    r"Chronicle|Observer|Independent|Express|Mirror|Standard|Star|Today|TV|Television|Radio|"
    r"Broadcasting|Network|Press|Wire|Magazine|Review|Monitor|Bulletin|Dispatch|Inquirer|Examiner|"
    r"Register|Globe|Daily|Sentinel|Recorder|Enquirer|Advertiser|Argus|Mercury|Leader|Echo|FM)\b"
)
_OUTLET_SUFFIX_RE = re.compile(r"\b" + _OUTLET_SUFFIX_NB_RE.pattern)
_WORD_CHAR_RE = re.compile(r"\w")


def _outlet_suffixes(m: str) -> list[tuple[int, int]]:
    r"""Spans of ``_OUTLET_SUFFIX_RE`` matches, found without its leading ``\b``.

    Every alternative starts with a capital letter, so the engine can skip to candidate letters;
    a hit preceded by a word character fails the ``\b`` and the search resumes one character on,
    exactly where the original regex would look next.
    """
    out = []
    pos = 0
    search = _OUTLET_SUFFIX_NB_RE.search
    while True:
        mt = search(m, pos)
        if mt is None:
            return out
        i = mt.start()
        if i and _WORD_CHAR_RE.match(m, i - 1):
            pos = i + 1
            continue
        out.append((i, mt.end()))
        pos = mt.end() if mt.end() > i else i + 1


def _iter_outlet_patterns(m: str) -> list[re.Match[str]]:
    """Capitalised "X Y Times/News/Agency..." names, found from their suffix word."""
    out = []
    for s_start, s_end in _outlet_suffixes(m):
        lo = max(0, s_start - 80)
        mt = _OUTLET_PATTERN_RE.search(m, lo, s_end)
        while mt and mt.end(1) != s_end:
            mt = _OUTLET_PATTERN_RE.search(m, mt.start() + 1, s_end)
        if mt:
            out.append(mt)
    # Drop a match that lies inside a longer one: some match b with b.start <= a.start and
    # a.end < b.end. The greatest end among the matches starting at or before a's start says
    # so in one sorted pass (a pairwise test is quadratic on name-dense text).
    order = sorted(range(len(out)), key=lambda k: out[k].start(1))
    reach = [0] * len(out)
    best = -1
    i = 0
    while i < len(order):
        j = i
        start = out[order[i]].start(1)
        while j < len(order) and out[order[j]].start(1) == start:
            best = max(best, out[order[j]].end(1))
            j += 1
        for k in order[i:j]:
            reach[k] = best
        i = j
    return [a for k, a in enumerate(out) if not a.end(1) < reach[k]]


# ---------------------------------------------------------------------------------------------
# Outlet gazetteer
# ---------------------------------------------------------------------------------------------
@cache
def load_outlets() -> pd.DataFrame:
    """Load the news-outlet gazetteer shipped in ``reference/outlets.csv``.

    Returns:
        DataFrame with columns outlet, aliases, kind, country, source_url.
    """
    return pd.read_csv(_OUTLETS_CSV, dtype=str, keep_default_na=False)


@cache
def _outlet_index() -> tuple[dict[str, re.Pattern[str]], dict[str, tuple[str, str]]]:
    """Compile one regex over all outlet aliases and a lookup alias -> (canonical, kind)."""
    lookup: dict[str, tuple[str, str]] = {}
    aliases: list[str] = []
    with open(_OUTLETS_CSV, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names = [row["outlet"], *[a for a in row["aliases"].split("|") if a]]
            for name in names:
                key = name.lower() if len(name) > 4 else name
                lookup.setdefault(key, (row["outlet"], row["kind"]))
                aliases.append(name)
    uniq = sorted(set(aliases), key=len, reverse=True)
    by_first: dict[str, list[str]] = {}
    for a in uniq:
        esc = re.escape(a).replace(r"\ ", r"[\s\u00a0]+")
        first = _RX0.match(a)
        key = first.group(0).lower() if first else a[:1].lower()
        by_first.setdefault(key, []).append(esc if len(a) <= 4 else f"(?i:{esc})")
    rxs = {
        k: re.compile(r"(?:" + "|".join(v) + r")(?:\s+(?:[Nn]ews\s+)?[Aa]gency)?(?![\w-])")
        for k, v in by_first.items()
    }
    return rxs, lookup


@cache
def _outlet_first_re() -> re.Pattern[str]:
    """Regex finding tokens that can start an outlet alias (trie over first tokens)."""
    rxs, _ = _outlet_index()
    return re.compile(r"(?<![\w-])(?:" + _trie_regex(sorted(rxs)) + r")(?![A-Za-z0-9])", re.I)


@cache
def _outlet_first_lower_re() -> re.Pattern[str]:
    r""":func:`_outlet_first_re` for lower-cased text (case-sensitive, so no case folding).

    The look-behind stays in the regex: nearly every letter starts some first token, so a
    version without it (look-behind checked in Python) gains no skipping and was measured
    slower. Lower-casing keeps ``[\w-]``-ness of every character whenever it keeps the
    offsets (checked over all of Unicode), so the look-behind on the lower-cased text is the
    one on the original.
    """
    rxs, _ = _outlet_index()
    trie = _trie_regex(sorted(k.lower() for k in rxs))
    return re.compile(r"(?<![\w-])(?:" + trie + r")(?![a-z0-9])")


_WORD_OR_HYPHEN_RE = re.compile(r"[\w-]")


def _outlet_first_hits(m: str, scanned=None) -> list[tuple[int, str]]:
    """(start, lower-cased token) of every token that can start an outlet alias.

    ``scanned``: ``(low, [(start, end, token)])``, the lower-cased text and the matches of
    :func:`_outlet_first_lower_re` in it, when the caller found them already (see
    ``article._scan_cue_words_and_outlets``).
    """
    if scanned is not None:
        low, spans = scanned
    else:
        low = _lower_same_offsets(m)
        if low is None:
            return [(w.start(), w.group(0).lower()) for w in _outlet_first_re().finditer(m)]
        spans = [(w.start(), w.end(), w.group(0)) for w in _outlet_first_lower_re().finditer(low)]
    out = []
    nxt = _outlet_second_tokens()
    next_token = _NEXT_TOKEN_LOWER_RE.match
    for start, end, tok in spans:
        seconds = nxt.get(tok)
        if seconds is not None:
            # Every alias starting with this token goes on with a space and a second token:
            # skip the (long) alias alternation when the text's next token is none of them.
            # "the" alone starts dozens of aliases and is the most common hit by far.
            nm = next_token(low, end)
            if nm is None or nm.group(1) not in seconds:
                continue
        out.append((start, tok))
    return out


_NEXT_TOKEN_LOWER_RE = re.compile(r"[\s\u00a0]+([a-z0-9]+)")


@cache
def _outlet_second_tokens() -> dict[str, frozenset[str]]:
    r"""First alias token -> lower-cased second tokens, for tokens that never end an alias alone.

    Only tokens whose every alias continues with a space and an alphanumeric token are listed.
    Used as a necessary condition before trying the token's alias regex (the regex joins alias
    words with ``[\s\u00a0]+``; a matching text's next alphanumeric run, lower-cased, is then
    exactly the alias's second token).
    """
    by_first: dict[str, set[str] | None] = {}
    with open(_OUTLETS_CSV, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for name in [row["outlet"], *[a for a in row["aliases"].split("|") if a]]:
                first = _RX0.match(name)
                key = first.group(0).lower() if first else name[:1].lower()
                rest = name[first.end() :] if first else None
                second = _RX0.match(rest.lstrip(" ")) if rest and rest[0] == " " else None
                if second is None or by_first.get(key, set()) is None:
                    by_first[key] = None
                else:
                    by_first.setdefault(key, set()).add(second.group(0).lower())
    return {k: frozenset(v) for k, v in by_first.items() if v is not None}


@lru_cache(maxsize=8192)
def canonical_outlet(name: str) -> str:
    """Canonicalise an outlet name through the gazetteer (``"AFP"`` -> ``"Agence France-Presse"``).

    Args:
        name: outlet name as written (leading "the" and a trailing "news agency" are ignored).

    Returns:
        The canonical outlet name, or the cleaned input when unknown; "" for empty input.
    """
    clean = _RX1.sub(" ", name or "").strip(" .,:;\"'“”")
    if not clean:
        return ""
    _, lookup = _outlet_index()
    cands = [clean]
    stripped = _RX2.sub("", clean)
    cands.append(stripped)
    cands.append(_RX3.sub("", stripped))
    for c in cands:
        for key in (c, c.lower()):
            if key in lookup and (len(key) > 4 or key == c):
                return lookup[key][0]
        if ("the " + c).lower() in lookup:
            return lookup[("the " + c).lower()][0]
    return stripped
