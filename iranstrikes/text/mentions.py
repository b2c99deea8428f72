"""Finding the mentions of one article: names, descriptions, pronouns, organisations, outlets.

Kinds: names, titles + names, descriptions, pronouns, organisations, states and outlets.
What belongs here: the regular-expression passes that turn the text into :class:`Mention`
records with offsets, kind, head word, gender and number (the word tables they read are in
:mod:`.words`). Which entity a mention belongs to is decided in :mod:`.entities`. All word
knowledge comes from ``iranstrikes/resources/``.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from dataclasses import dataclass, field

from .. import resources as _resources
from .words import (  # (re-exported: other modules read these from here)
    _CLAUSE_WORDS,
    _DEFINITE,
    _PREPOSITIONS,
    _TITLE_THEN_NAME_RE,
    _bare_modifier,
    _description_stops,
    _head_or_pronoun_re,
    _head_re,
    _head_words,
    _lex,
    _pronoun_info,
    _skip_first,
    _weekdays,
    is_nationality,
    is_past_form,
)

#: Mention kinds, from the most to the least specific.
KINDS = ("outlet", "title_name", "name", "organisation", "state", "description", "pronoun")


@dataclass(slots=True)
class Mention:
    """One mention of someone or something in the text.

    Attributes:
        start: offset of the first character (into the original text).
        end: offset after the last character.
        text: the mention's text.
        kind: one of :data:`KINDS`.
        sentence: index of its sentence in ``TextModel.sentences``.
        head: lower-cased head word ("minister", "officials", "he", the surname of a name).
        name: for names, the name without titles; for outlets, the canonical outlet name.
        titles: lower-cased title and description words attached to the mention.
        gender: "m", "f", "n" (neuter) or "" (unknown).
        number: "s" or "p".
        definite: a description opening with "the", "this" ...
        region: "headline", "dateline", "byline" or "body".
        in_quote: inside quotation marks.
        entity: index into ``TextModel.entities`` (-1 until clustered).
        rule: how the mention was tied to its entity ("exact-name", "surname", "apposition",
            "pronoun-subject" ...; "new" for the first mention of an entity).
    """

    start: int
    end: int
    text: str
    kind: str
    sentence: int
    head: str = ""
    name: str = ""
    titles: frozenset[str] = field(default_factory=frozenset)
    gender: str = ""
    number: str = "s"
    definite: bool = False
    region: str = "body"
    in_quote: bool = False
    entity: int = -1
    rule: str = ""
    dropped: bool = False
    initial: bool = False


_NAME_RUN_RE = re.compile(
    r"(?<![\w.])[A-Z][\w'’.-]*(?:[ \u00a0]+(?:(?:al|el|bin|ibn|van|von|de|da|di|du|le|la|"
    r"del|der|dos)[ \u00a0-]+)?(?:al-|el-)?[A-Z][\w'’.-]*)*"
)
_POSSESSIVE_RE = re.compile(r"[’']s?$")
_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")
_ABBREVIATIONS = frozenset(_resources.word_list("abbreviations"))
_PREV_WORD_RE = re.compile(r"([\w.’'-]+)[ \t\u00a0]+\Z")
_WORD_PUNCT = frozenset("_.’'-")
#: :func:`_prev_word` on the reversed text: the blanks, then the word (``\w`` is
#: ``str.isalnum`` or "_", so the class is the one of :data:`_WORD_PUNCT` and ``isalnum``).
_BACK_WORD_RE = re.compile(r"[ \t\u00a0]+([\w.’'-]*)")


def _prev_word(text: str, pos: int) -> tuple[int, int] | None:
    """Span of ``_PREV_WORD_RE.search(text, max(0, pos - 40), pos).group(1)``, or None.

    The same answer, read backwards with string tests: the blanks before ``pos``, then the
    run of word characters before them (within 40 characters of ``pos``).
    """
    lo = pos - 40 if pos > 40 else 0
    j = pos
    while j > lo and text[j - 1] in " \t\u00a0":
        j -= 1
    if j == pos:
        return None
    k = j
    while k > lo and (text[k - 1].isalnum() or text[k - 1] in _WORD_PUNCT):
        k -= 1
    return (k, j) if k < j else None


def _descriptions(text: str, low: str, hits: list[tuple[int, int]] | None = None):
    """(start, head start, end, det, mods) of each description.

    A head word is found fast, its determiner and up to four modifiers are read backwards; of
    descriptions sharing a start, the longest wins ("a senior Iranian official"). ``hits``:
    the spans of ``_head_re().finditer(low)`` when the caller has them (else found here).
    """
    lx = _lex()
    stop = _description_stops()
    dets = lx["dets"]
    if hits is None:
        hits = [mt.span() for mt in _head_re().finditer(low)]
    head_ends = {he: hs for hs, he in hits}
    out: list[tuple] = []
    n_hits = len(hits)
    # _prev_word(text, pos), read as one match on the reversed text: the blanks before pos,
    # then the word characters before them, no further back than 40 characters
    n = len(text)
    rev = text[::-1]
    back = _BACK_WORD_RE.match
    for k, (hs, he) in enumerate(hits):
        if k + 1 < n_hits and not low[he : hits[k + 1][0]].strip():
            continue  # "deputy foreign minister": the last head word is the head
        pos, mods, det, start = hs, [], "", hs
        while True:
            bm = back(rev, n - pos, n - (pos - 40 if pos > 40 else 0))
            if bm is None:
                break  # no blank before pos
            i, j = n - bm.end(1), n - bm.start(1)
            if i == j:
                break
            word = text[i:j]
            wl = word.casefold()
            if (
                wl[-1] == "."
                and not _INITIALS_RE.fullmatch(word)
                and (wl.rstrip(".") not in _ABBREVIATIONS)
            ):
                break  # a sentence ends here ("... the city. Officials said")
            if wl in dets:
                det, start = wl, i
                break
            if wl in stop or len(mods) == 4 or word in _CLAUSE_WORDS:
                break
            if (
                mods
                and head_ends.get(j) == i
                and (is_past_form(mods[0]) or wl[-1] == "s" and mods[0].islower())
            ):
                # another head noun, then a past verb: "The aide thanked supporters" is two
                # phrases and a verb, not one description; this one is its head alone. So
                # is a plural head before a lower-case word ("The candidates oppose Obama's
                # executive"): a plural modifies no noun, the word is the verb
                mods, det, start = [], "", hs
                break
            mods.insert(0, word)
            pos = start = i
        out.append((start, hs, he, det, mods))
    best: dict[int, tuple] = {}
    for c in out:
        if c[0] not in best or c[2] > best[c[0]][2]:
            best[c[0]] = c
    return [best[k] for k in sorted(best)]


_NAME_RUN_NB_RE = re.compile(_NAME_RUN_RE.pattern.removeprefix(r"(?<![\w.])"))
_WORD_OR_DOT_RE = re.compile(r"[\w.]")


def _name_runs(text: str) -> list[re.Match[str]]:
    """``list(_NAME_RUN_RE.finditer(text))``, with the look-behind checked by hand (faster)."""
    out = []
    pos = 0
    search = _NAME_RUN_NB_RE.search
    word_or_dot = _WORD_OR_DOT_RE.match
    while True:
        mt = search(text, pos)
        if mt is None:
            return out
        i = mt.start()
        if i and word_or_dot(text, i - 1):
            pos = i + 1
            continue
        out.append(mt)
        pos = mt.end()


def _split_at_sentences(runs: list, text: str, sent_starts: list[int], rx=None) -> list:
    """The runs, each cut at a sentence start inside it: no mention crosses a sentence end.

    ("... a vote on Tuesday. Mara Velden said": "Tuesday." and "Mara Velden" are two runs.)
    The pieces are matched again with ``rx`` (default: the run pattern without look-behind).
    ``runs`` are disjoint and in text order (as :func:`_name_runs` finds them).
    """
    rx = rx or _NAME_RUN_NB_RE
    out = []
    n = len(sent_starts)
    i = 0  # bisect_right(sent_starts, run start), swept along the runs (sorted, disjoint)
    for mt in runs:
        s0 = mt.start()
        while i < n and sent_starts[i] <= s0:
            i += 1
        if i >= n or sent_starts[i] >= mt.end():
            out.append(mt)
            continue
        e0 = mt.end()
        cuts = [s0]
        j = i
        while j < n and sent_starts[j] < e0:
            cuts.append(sent_starts[j])
            j += 1
        cuts.append(e0)
        for a, b in zip(cuts, cuts[1:], strict=False):
            piece = rx.match(text, a, b)
            if piece is not None:
                out.append(piece)
    return out


# -- passes ------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=65536)
def _nationality_word(raw: str) -> str | None:
    """A one-word run without its possessive ending, when that is a nationality (memoised).

    ("Cuban", "Cuban's"; else None.) Such a run may still be a surname (see
    :func:`_surnames`).
    """
    w = _POSSESSIVE_RE.sub("", raw)
    return w if is_nationality(w) else None


@functools.lru_cache(maxsize=65536)
def _read_run_cached(raw: str, initial: bool):
    """:func:`_read_run` of a run whose reading needs no ``mid_caps`` (memoised).

    Only a one-word opener-like run at a sentence start (:func:`_opener_like`) reads
    ``mid_caps`` (the article's other capitalised words); every other run is a pure function
    of its text and position kind.
    """
    return _read_run(raw, initial, frozenset())


@functools.lru_cache(maxsize=65536)
def _run_facts(raw: str, initial: bool) -> tuple[bool, tuple | None, str | None]:
    """What :func:`find_mentions` reads of one run before the article's context (memoised).

    (``_opener_like`` holds of a sentence-initial one-word run: its reading depends on the
    article's ``mid_caps``; the reading of :func:`_read_run_cached` otherwise, else None;
    :func:`_nationality_word` of a one-word run, else None.) Pure functions of the run's text
    and position kind, looked up once instead of three times.
    """
    one = " " not in raw
    opener = initial and one and _opener_like(raw)
    return (
        opener,
        None if opener else _read_run_cached(raw, initial),
        _nationality_word(raw) if one else None,
    )


_TITLES_ALSO_NAMES = _resources.word_set("titles_also_names")
#: A name that ends in a web domain ("Detik.com", "Politico.eu", "Salon.com").
_WEB_NAME_RE = re.compile(r"[a-z0-9]\.(?:com|net|org|eu|co\.uk|info|io)$")


#: Units of time ("Year", "Week"): one opening a run of three or more tokens is no name.
_TIME_UNITS = _resources.word_set("time_units")


def _read_run(raw: str, initial: bool, mid_caps: set[str], surname: bool = False):
    """Classify one capitalised run (a pure function of its text and position kind).

    ``surname``: a one-word nationality run is read as a name (the article names someone
    whose last name it is: "Mark Cuban ... Cuban said"), not as an adjective.

    Returns:
        None (not a mention), or (start shift, end shift, kind, head, name, titles, gender,
        number, definite): the shifts move the run's start and end to the mention's.
    """
    lx = _lex()
    skip_first = _skip_first()
    s0 = s = 0
    e0 = e = len(raw)
    toks = raw.split()
    if len(toks) == 1 and initial:
        w = toks[0].strip(".,’'")
        wl = w.casefold()
        if w not in mid_caps and _opener_word(wl):
            return None
    # sentence-initial function words and determiners ("The", "But", "In") are not names
    k0 = 0
    while k0 < len(toks) and toks[k0].casefold() in skip_first:
        k0 += 1
    if k0 + 1 < len(toks) and toks[k0].endswith(".") and toks[k0 + 1].casefold() in skip_first:
        # "... entering the U.S. While Clinton has ...": an abbreviation ended the sentence
        # before the opener; the name starts after it
        k0 += 2
        while k0 < len(toks) and toks[k0].casefold() in skip_first:
            k0 += 1
    if k0:
        if k0 == len(toks):
            return None
        s += raw.index(toks[k0], len(" ".join(toks[:k0])))
        toks = toks[k0:]
    while len(toks) > 2 and toks[0].casefold() in _TIME_UNITS:
        # "Person of the Year Karl Vik": a time unit opening a longer run ends the phrase
        # before the name
        s = raw.index(toks[1], s + len(toks[0]))
        toks = toks[1:]
    while len(toks) > 1 and toks[-1].strip(".,").casefold() in _weekdays():
        # a weekday closing a run is a time word too ("said on Twitter Thursday")
        e = raw.rfind(toks.pop(), 0, e)
        while e > 0 and raw[e - 1].isspace():
            e -= 1
    tail = toks[-1]
    t2 = _POSSESSIVE_RE.sub("", tail) if tail.endswith(("'s", "’s", "'", "’")) else tail
    if t2.endswith(".") and not _INITIALS_RE.fullmatch(t2):  # (only a "." is stripped)
        t2 = t2.rstrip(".")
    e -= len(tail) - len(t2)
    if t2:
        toks[-1] = t2
    else:
        toks.pop()
    if not toks:
        return None
    low = [t.casefold().strip(".’'") for t in toks]
    if len(toks) == 1 and (low[0] in lx["months"] or low[0] in lx["cues"]):
        return None
    # leading titles; a title inside the run ("South Carolina Sen. X") ends the prefix
    k = 0
    while (
        k < len(toks) - 1
        and (
            low[k] in lx["titles"]
            # (a nationality before another one or a group is part of it: "Cuban Americans")
            or is_nationality(toks[k])
            and not (is_nationality(toks[k + 1]) or _group_plural(toks[k + 1 : k + 2]))
        )
    ):
        k += 1
    for j in range(len(toks) - 2, k - 1, -1):
        if low[j] in lx["titles"] and low[j + 1] not in lx["titles"]:
            k = j + 1
            break
    if k == 0 and len(toks) > 1 and low[0].endswith("ly") and initial:
        k = 1  # a sentence-initial adverb ("Interestingly X")
    titles = frozenset(low[:k])
    name_toks = toks[k:]
    name_low = low[k:]
    if (
        k == 0
        and len(low) >= 2
        and low[-1] in lx["titles"]
        and low[-2] not in lx["titles"]
        and low[-1] not in _TITLES_ALSO_NAMES
        and not any(t in _resources.first_name_genders() for t in low[:-1])
    ):
        # "Ryanair CEO, Michael O'Leary, said", "Harbour Board Spokeswoman": a run that ends
        # in a title is a description of whoever holds it (a definite one: the one CEO of
        # Ryanair), which a name in apposition after it joins
        g = lx["gender"].get(low[-1], "")
        return (s - s0, e - e0, "description", low[-1], "", frozenset(low), g, "s", True)
    if (
        len(toks) - k >= 3
        and low[-2] in _resources.first_name_genders()
        and lx["org"].isdisjoint(low[-2:])
        and not lx["org"].isdisjoint(low[k:-2])
    ):
        # "Senate Majority Whip John Cornyn", "House Intelligence Republican Mike Pompeo": an
        # organisation's words, then a first name and a surname: a person, the words before
        # the name are the person's titles
        k = len(toks) - 2
        titles = frozenset(low[:k])
        name_toks, name_low = toks[k:], low[k:]
    if not lx["org"].isdisjoint(low[k:]) or _WEB_NAME_RE.search(low[-1]):
        # an organisation word in the name part (with k == 0, low[k:] is the whole run); words
        # before a title inside the run ("Harbour Board Spokeswoman X") are the title's
        # context, not the mention's kind; a web address's name ("Detik.com") is a site's
        kind = "organisation"
    elif (
        # (a place of several words is one entry: "New Hampshire", "South Carolina")
        " ".join(low) in lx["countries"]
        or len(low) <= 2
        and low[-1] in lx["countries"]
        # "the Atlantic Ocean", "the Persian Gulf": a geographic feature
        or len(low) > 1
        and low[-1] in _PLACE_HEADS
    ):
        kind = "state"
    elif len(toks) == 1 and is_nationality(toks[0]) and not surname:
        return None  # an adjective ("Iranian", "Cuban coffee"), part of a description at most
    elif lx["titles"].issuperset(low):
        return None  # a title alone ("President"): found as a description below
    elif k:
        kind = "title_name"
    else:
        kind = "name"
    g = ""
    for t in low[:k]:
        g = lx["gender"].get(t, g) or g
    name = " ".join(name_toks) if kind in {"name", "title_name"} else " ".join(toks)
    return (
        s - s0,
        e - e0,
        kind,
        name_low[-1] if name_low else low[-1],
        name,
        titles,
        g,
        "p" if kind == "organisation" and low[-1].endswith("s") or _group_plural(toks) else "s",
        k0 > 0,
    )


def _surnames(runs: list[re.Match[str]]) -> set[str]:
    """Last words of the runs that read as a person's name.

    A known first name or a title and one or two more words ("Mark Cuban", "Mr. Cuban"; not
    "Kentucky Republican").
    """
    out = set()
    for r in runs:
        raw = r.group(0)
        if " " not in raw and "\u00a0" not in raw:
            continue  # one token (the run pattern's only blanks; most runs)
        last = _surname_of(raw)
        if last is not None:
            out.add(last)
    return out


@functools.lru_cache(maxsize=65536)
def _surname_of(raw: str) -> str | None:
    """The last word of a run of several tokens that reads as a person's name, else None.

    (See :func:`_surnames`; a pure function of the run's text, memoised.)
    """
    firsts = _resources.first_name_genders()
    lx = _lex()
    titles, places = lx["titles"], lx["countries"]
    toks = raw.split()
    if not 2 <= len(toks) <= 3:
        return None
    first = toks[0].casefold()
    if (
        # (a first name that is no place: not "Arizona Republican", "Georgia Democrats")
        (first in firsts and first not in places or first.strip(".") in titles)
        and not any(_POSSESSIVE_RE.search(t) for t in toks[:-1])  # "Mr. Rubio's Cuban side"
    ):
        return _POSSESSIVE_RE.sub("", toks[-1])
    return None


def _group_plural(toks: list[str]) -> bool:
    """A name of a group of people ("Republicans", "Iranians", "Muslim Americans"): plural."""
    if 2 <= len(toks) <= 3:
        # "Iranian Americans", "Muslim Americans", "Senate Democrats": a run that ends in a
        # people's plural names them
        return _group_plural(toks[-1:])
    if len(toks) != 1:
        return False
    low = toks[0].casefold()
    return low in _lex()["group_names"] or (low.endswith("s") and is_nationality(toks[0][:-1]))


def _opener_like(raw: str) -> bool:
    """True when :func:`_read_run` of a sentence-initial run reads ``mid_caps``.

    Only a one-word run that is a sentence opener or ends like an adverb or participle
    ("However", "Speaking") depends on the article's other capitalised words; any other run's
    reading is the memoised one (:func:`_read_run_cached`).
    """
    toks = raw.split()
    if len(toks) != 1:
        return False
    return _opener_word(toks[0].strip(".,’'").casefold())


def _opener_word(wl: str) -> bool:
    """A lower-cased word that, capitalised at a sentence start only, is no name.

    A sentence opener, a word ending like an adverb or participle ("However", "Speaking"), or
    a plural description head ("Officials", "Investigators": an unnamed group), unless the
    article capitalises it inside sentences too.
    """
    lx = _lex()
    return (
        wl in lx["openers"]
        or wl.endswith(("ing", "ly", "ed"))
        or wl in lx["groups"]
        or (wl.endswith("s") and wl in lx["anon"])
    )


_COLLECTIVE = _resources.word_set("collective_nouns")
_PLACE_HEADS = _resources.word_set("place_heads")
_OF_GAP_RE = re.compile(r"[ \u00a0]+of[ \u00a0]+")


def _collective_groups(found: list[Mention], text: str) -> None:
    """Join "a team" and "astronomers" in "a team of astronomers" into one group mention.

    A description whose head is a collective noun (``collective_nouns.txt``), "of", and a
    plural description with no determiner right after it: one mention, the plural's head and
    number, the collective's determiner (in place; the two parts are marked dropped).
    """
    by_start = {m.start: m for m in found if m.kind == "description"}
    for m in list(by_start.values()):
        if m.head not in _COLLECTIVE or m.dropped:
            continue
        gm = _OF_GAP_RE.match(text, m.end)
        d2 = by_start.get(gm.end()) if gm is not None else None
        if d2 is None or d2.dropped or d2.definite:
            continue
        if d2.number != "p" and not (d2.head.endswith("s") and not d2.head.endswith("ss")):
            continue
        m.dropped = d2.dropped = True
        found.append(
            Mention(
                m.start,
                d2.end,
                text[m.start : d2.end],
                "description",
                0,
                d2.head,
                "",
                m.titles | d2.titles,
                d2.gender,
                "p",
                m.definite,
            )
        )


_START = operator.attrgetter("start")
_END = operator.attrgetter("end")


def find_mentions(
    text: str,
    sent_starts: list[int],
    quote_spans: list[tuple[int, int]],
    region_of,
    outlets: list[tuple[int, int, str]],
    body_from: int | None = None,
    openings: tuple[int, ...] = (),
) -> list[Mention]:
    """All mentions of a text, sorted by start (overlaps resolved: the more specific wins).

    Args:
        text: the (masked, same-length) article text.
        sent_starts: sorted sentence start offsets (to give each mention its sentence).
        quote_spans: sorted (start, end) of quotation interiors.
        region_of: function offset -> region name.
        outlets: (start, end, canonical name) of the outlets, as
            :func:`iranstrikes.quotes.article.find_outlets` finds them (the text model passes
            them: one outlet finder for the quote extractor and the model).
        body_from: an offset from which ``region_of`` always answers "body" (saves calling
            it for most mentions), or None.
        openings: more offsets where a sentence's words begin, as at a sentence start (the
            end of a dateline: "BUENA PARK, Calif. - Rallying workers, X said" opens with
            a participle, as the sentence would without its dateline).
    """
    if body_from is None:
        body_from = len(text) + 1
    lx = _lex()
    sent_starts_set = set(sent_starts).union(openings)
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for s, e, name in outlets:
        found.append(Mention(s, e, text[s:e], "outlet", 0, name.casefold(), name))
        taken.append((s, e))
    taken.sort()
    t_starts = [a for a, _ in taken]

    def overlaps(s: int, e: int) -> bool:
        i = bisect.bisect_left(t_starts, e)
        for k in range(i - 3 if i > 3 else 0, i):  # noqa: SIM110 (no generator per call)
            if taken[k][1] > s:
                return True
        return False

    # names, titles + names, organisations, states
    runs = _split_at_sentences(_name_runs(text), text, sent_starts)
    # capitalised words seen inside sentences: a sentence-initial one-word run ("Speaking",
    # "However", "There") is a name only when the text also capitalises it mid-sentence
    # (computed on first need; ``mid_blob``, the text of those runs, answers first when the
    # word is not even in it, the usual case: then no set is built)
    mid_caps: set[str] | None = None
    mid_blob: str | None = None
    cache: dict[tuple[str, bool], tuple | None] = {}
    surnames: set[str] | None = None  # last words of the article's runs of several words
    # the outlets (the only spans taken so far), swept in step with the runs (both sorted)
    n_out = len(taken)
    oi = 0
    for mt in runs:
        raw = mt.group(0)
        s0 = mt.start()
        key = (raw, s0 in sent_starts_set)
        info = cache.get(key, False)
        if info is False:
            opener, info, nat = _run_facts(raw, key[1])
            if opener:
                if mid_blob is None:
                    mid_blob = "\n".join(
                        r.group(0) for r in runs if r.start() not in sent_starts_set
                    )
                # the one word _read_run looks up in mid_caps (a one-word run): a word of
                # mid_caps is part of mid_blob, so a word not in it is not in mid_caps either
                w = raw.split()[0].strip(".,’'")
                if w in mid_blob and mid_caps is None:
                    mid_caps = {
                        t.strip(".,’'")
                        for r in runs
                        if r.start() not in sent_starts_set
                        for t in r.group(0).split()
                    }
                info = _read_run(raw, True, mid_caps if w in mid_blob else frozenset())
            if info is None and nat is not None:
                if surnames is None:
                    surnames = _surnames(runs)
                if nat in surnames:
                    info = _read_run(raw, key[1], frozenset(), surname=True)
            cache[key] = info
        if info is None:
            continue
        if key[1] and " " not in raw:
            tw = _TITLE_THEN_NAME_RE.match(text, mt.end())
            if tw is not None and tw.group(1) in lx["anon_titles"]:
                continue  # "Band member Flea said": the capital opens the title, no name
        ds, de, kind, head, name, titles, g, number, definite = info
        s, e = s0 + ds, mt.end() + de
        if n_out:
            while oi < n_out and taken[oi][1] <= s:
                oi += 1  # outlets ending before this run can overlap no later run either
            if oi < n_out and taken[oi][0] < e:
                continue
        found.append(
            Mention(
                s, e, text[s:e], kind, 0, head, name, titles, g, number, definite,
                "body", False, -1, "", False, key[1],
            )
        )  # fmt: skip
        taken.append((s, e))
    taken.sort()
    t_starts = [a for a, _ in taken]
    org_runs = {m.start: m for m in found if m.kind == "organisation"}
    one_word_names = {
        m.start: m
        for m in found
        if m.kind in {"name", "state"} and " " not in m.text and m.rule == ""
    }

    # descriptions ("the deputy foreign minister", "a senior Iranian official", "U.S. officials")
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    anon_titles = lx["anon_titles"]
    # head words and pronouns: one pass of both tries (see _head_or_pronoun_re)
    forms = _pronoun_info()
    head_hits: list[tuple[int, int]] = []
    pron_hits: list[tuple[int, int]] = []
    heads = _head_words()
    for span in _head_or_pronoun_re().spans(low):
        w = low[span[0] : span[1]]
        if w in heads:
            head_hits.append(span)
        if w in forms:
            pron_hits.append(span)
    for s, hs, e, det, mods in _descriptions(text, low, head_hits):
        head = low[hs:e]
        if not det and not (head in lx["groups"] or (head.endswith("s") and head in lx["anon"])):
            continue
        if not det:
            # a bare plural ("U.S. officials", "counterterrorism officials"): keep only the
            # modifiers next to the head that can be part of its noun phrase
            k = len(mods)
            while k > 0 and _bare_modifier(mods[k - 1]):
                k -= 1
            if k:
                mods = mods[k:]
                s = text.rfind(mods[0], s, hs) if mods else hs
        if any(w.casefold().strip(".,") in _PREPOSITIONS for w in mods):
            # "the head of the ministry": keep the part after the last preposition
            continue
        if e < len(text) and text[e : e + 1].isalpha():
            continue
        if overlaps(s, e):
            # capitalised modifiers taken for one-word names ("Counterterrorism officials",
            # "some Democratic strategists"): the description wins
            i = bisect.bisect_left(t_starts, e)
            over = [k for k in range(max(0, i - 3), i) if taken[k][1] > s]
            # ... and an organisation's name modifying a description with a determiner:
            # "The State Department spokesman", "a White House press secretary"
            # (a one-word organisation before a bare group plural too: "Pentagon officials",
            # "Council members" are an unnamed group)
            names = [
                one_word_names.get(taken[k][0])
                or (
                    org
                    if (org := org_runs.get(taken[k][0])) is not None
                    and (det or " " not in org.text)
                    else None
                )
                for k in over
            ]
            if any(n is None or n.end > hs or n.dropped for n in names):
                continue
            for n in names:
                n.dropped = True
        plural = head in lx["groups"] or (
            head.endswith("s") and not head.endswith("ss") and head[:-1] in anon_titles
        )
        words = frozenset(w.casefold().strip(".,’'") for w in mods) | {head}
        g = lx["gender"].get(head, "")
        number = "p" if plural or det in {"these", "those", "two", "three", "several"} else "s"
        found.append(
            Mention(s, e, text[s:e], "description", 0, head, "", words, g, number, det in _DEFINITE)
        )
        i = bisect.bisect_left(t_starts, s)
        taken.insert(i, (s, e))
        t_starts.insert(i, s)

    _collective_groups(found, text)
    # pronouns (found with the head words above, on ``low``: its offsets are the text's)
    for ps, pe in pron_hits:
        form = low[ps:pe]
        if form == "i" and (text[ps] != "I" or text[ps - 1 : ps] == "."):
            continue  # "i", or the letter of an initialism ("C.I.O.")
        gender, number, case = forms[form]
        found.append(Mention(ps, pe, text[ps:pe], "pronoun", 0, form, "", case, gender, number))
    found = [m for m in found if not m.dropped]
    # sorted by (start, -end), ties in finding order: two stable sorts on C key functions
    found.sort(key=_END, reverse=True)
    found.sort(key=_START)
    # sentence, region and quotation of each mention: one sweep in start order
    si, qi, ns, nq = 0, 0, len(sent_starts), len(quote_spans)
    last_pos, last_region = -1, "body"
    for m in found:
        pos = m.start
        while si + 1 < ns and sent_starts[si + 1] <= pos:
            si += 1
        m.sentence = si
        while qi < nq and quote_spans[qi][1] <= pos:
            qi += 1
        m.in_quote = qi < nq and quote_spans[qi][0] <= pos
        if pos >= body_from:
            continue  # (after every region: the default "body")
        if pos != last_pos:
            last_pos, last_region = pos, region_of(pos)
        m.region = last_region
    return found
