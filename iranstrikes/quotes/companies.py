"""Companies a story names with their legal form, and the later mentions that stand for them.

What belongs here: finding the names that end in a legal form ("Elco Industries Inc.", "Tony
Lama Co.", "Reed International PLC"; the forms are ``resources/company_suffixes.txt``) or in
a word only a company's name ends with ("General Motors"; ``resources/company_words.txt``)
in one article's masked text, and the two readings of a later mention that rest on them:

- a shorter form of exactly one such name is that company ("Elco said" after "Elco
  Industries Inc."), and so are its initials ("GM" after "General Motors Corporation"); a
  short form or initials two companies share name neither;
- "the companies" or "the two firms" are the two companies the nearest earlier sentence
  naming any names (none when it names one or three);
- a definite description with a company head ("the company said", "the pharmaceutical
  company", "the auto firm"; ``resources/company_heads.txt``) is the company the story last
  named before it, when the sentence that named it names no other company (else it stays an
  unnamed description: the evidence does not say which).

Pure functions of one article; the index is built once per article, on first use.
"""

from __future__ import annotations

import bisect
import re

from .. import resources as _resources
from .lexicon import _COUNTRIES
from .segment import sentences_back

_SUFFIXES = sorted(
    {
        form
        for word in _resources.word_list("company_suffixes") + _resources.word_list("company_words")
        # (and in capitals, as a name in capitals is written: "BLOCKBUSTER ENTERTAINMENT CORP.")
        for form in (word, word.upper())
    },
    key=lambda f: (-len(f), f),
)
_FORMS = frozenset(f.rstrip(".") for f in _SUFFIXES)
#: Any form word: the name runs around these are all a company can be read from.
_FORM_HIT_RE = re.compile(
    r"(?<![\w&'’.-])(?:" + "|".join(re.escape(f.rstrip(".")) for f in _SUFFIXES) + r")(?![\w&-])"
)
_LEGAL = frozenset(
    form
    for f in _resources.word_list("company_suffixes")
    for form in (f.rstrip("."), f.rstrip(".").upper())
)
_TOKEN_RE = re.compile(r"\S+")
_POSSESSIVE_RE = re.compile(r"[’'](?:s)?$")
#: A run of capitalised name words ("&", "of", "de" inside), on one line, with a legal form
#: after a comma at most ("Elco Industries, Inc."); a company when its last word is a form.
_NAME_RUN_RE = re.compile(
    r"(?<![\w&'’.-])[A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z0-9][\w&'’.-]*|(?:&|of|de)\b))*"
    r"(?:,[ \t]+(?:" + "|".join(re.escape(s) for s in _SUFFIXES if s[:1].isupper()) + r")\b\.?)?"
)
#: Words that open a sentence or a phrase before a company's name, no part of it.
_LEAD_WORDS = (
    _resources.word_set("sentence_openers")
    | _resources.word_set("prepositions")
    | _resources.word_set("determiners")
    | {"and", "but", "or"}
)
_HEADS = _resources.word_set("company_heads")
#: The name a sentence opens with, after its opening words ("In addition, Hadson", "But
#: Elco Industries Inc."; "The" only before a capital): capitalised words, "&" and "of".
_OPENING_NAME = r"(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|&|of\b))*)"
_OPENING_RE = re.compile(
    r"\s*(?:(?:(?i:" + "|".join(sorted(_LEAD_WORDS, key=len, reverse=True)) + r")\b[ \t,]*)"
    r"|(?i:in\s+addition|meanwhile|separately)[ \t,]+)*" + _OPENING_NAME
)
#: The same after a fronted phrase and its comma ("A year ago, Benjamin Franklin had").
_FRONTED_OPENING_RE = re.compile(r"\s*[A-Za-z][^,;:\"“”]{0,60}[a-z],[ \t]+" + _OPENING_NAME)
#: A definite plural of a company head ("the companies", "the two firms", "both concerns").
_PAIR_NOUNS = _resources.word_set("pair_nouns")
_PLURAL_RE = re.compile(r"(?:the|both)\s+(?:two\s+)?(?P<head>[a-z]+s)")
_DESCRIPTION_RE = re.compile(
    r"(?i)the\s+(?P<mods>(?:[\w.-]+,?\s+){0,6}?)(?P<head>[a-z]+)"
    r"(?:\s+of\s+(?:[\w.'’-]+\s+){0,5}[\w.'’-]+)?"  # "the maker of fasteners"
)


def find_companies(masked: str) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of every name with a legal form, in text order.

    The name is the run's words without an opening sentence word ("But", "The") and without a
    final dot that ends no dotted form: "Elco Industries Inc", "Orkem S.A.".
    """
    out: list[tuple[int, int, str]] = []
    seen = -1
    for hit in _FORM_HIT_RE.finditer(masked):
        # the name run that holds this form word (read from the line's start, at most 160
        # characters back: a name is short), once per run
        if hit.start() < seen:
            continue
        lo = max(masked.rfind("\n", 0, hit.start()) + 1, hit.start() - 160)
        mt = next(
            (r for r in _NAME_RUN_RE.finditer(masked, lo, hit.end() + 12) if r.end() > hit.start()),
            None,
        )
        if mt is None or mt.start() > hit.start():
            continue
        seen = mt.end()
        toks = [
            (t.start(), t.end(), t.group(0).rstrip(",")) for t in _TOKEN_RE.finditer(mt.group(0))
        ]
        last = toks[-1][2]
        poss = _POSSESSIVE_RE.search(last)
        if poss is not None:  # "General Motors' shares": the name without its possessive
            toks[-1] = (toks[-1][0], toks[-1][1] - len(poss.group(0)), last[: poss.start()])
        # the name ends at its first legal form ("Hadson Corp. The company ...": the form ends
        # it), else at its last company word ("Fort Pitt Capital Group Charlie Smith")
        end = next((i for i, t in enumerate(toks) if t[2].rstrip(".") in _LEGAL), None)
        if end is None:
            end = max((i for i, t in enumerate(toks) if t[2].rstrip(".") in _FORMS), default=None)
        if end is None or end == 0 or toks[end - 1][2] in {"of", "&", "de"}:
            continue
        k = 0
        while k < end and toks[k][2].casefold() in _LEAD_WORDS:
            k += 1
        if k >= end:
            continue  # (a form alone is no name: "The Group")
        name = " ".join(t[2] for t in toks[k : end + 1])
        # (the final dot goes, unless the form is dotted: "Orkem S.A.")
        if name.endswith(".") and "." not in toks[end][2][:-1]:
            name = name[:-1]
        out.append((mt.start() + toks[k][0], mt.start() + toks[end][1], name))
    return out


class CompanyIndex:
    """The companies of one article and the look-ups on them (see the module docstring)."""

    def __init__(self, masked: str, sents: list[tuple[int, int]]) -> None:
        self._masked = masked
        self.companies = find_companies(masked)
        self._starts = [c[0] for c in self.companies]
        self._sents = sents
        self._sent_starts = [s[0] for s in sents]
        self._by_first: dict[str, set[str]] = {}
        #: initialisms of the companies' names ("GM" for "General Motors Corporation")
        self._initials: dict[str, set[str]] = {}
        for _s, _e, name in self.companies:
            self._by_first.setdefault(name.split()[0], set()).add(name)
            for ini in _initialisms(name):
                self._initials.setdefault(ini, set()).add(name)

    def named(self, raw: str) -> str | None:
        """The one company whose name ``raw`` (capitalised words, no legal form) begins."""
        toks = raw.split()
        if toks and toks[0].casefold() == "the":
            toks = toks[1:]
        if not toks or not all(t[:1].isupper() for t in toks):
            return None
        if len(toks) == 1 and _INITIALISM_RE.fullmatch(toks[0]):
            # "GM said" after "General Motors Corporation (GM)": the initials of one name
            found = self._initials.get(toks[0].replace(".", ""), set())
            return next(iter(found)) if len(found) == 1 else None
        found = {
            n
            for n in self._by_first.get(toks[0], ())
            if n.split()[: len(toks)] == toks and len(n.split()) > len(toks)
        }
        return found.pop() if len(found) == 1 else None

    def described(self, low: str, pos: int) -> str | None:
        """The company a definite description at ``pos`` stands for ("the company"), or None.

        The subject of the nearest sentence (this one before ``pos``, then up to three before
        it) that opens with a name: that name when it is a company with a legal form or a
        shorter form of one; none when it is another name ("Kirschner Medical fell. The
        company said": no legal form says Kirschner Medical is the company named before).
        """
        if not self.companies or self.companies[0][0] >= pos:
            return None
        pm = _PLURAL_RE.fullmatch(low)
        if pm is not None and (
            _singular(pm.group("head")) in _HEADS or pm.group("head") in _PAIR_NOUNS
        ):
            # "the companies", and "the two sides" after a sentence naming two companies
            return self._pair_before(pos)
        if not _company_description(low):
            return None
        for lo, hi, _end in sentences_back(self._sents, self._sent_starts, pos, 3):
            run = self._opening_name(lo, hi)
            if run is None:
                continue
            if run[1] is not None:
                return run[1]
            if run[2]:
                return None  # another name opens that sentence: no claim
        return None

    def statement_subject(self, low: str, start: int, end: int, persons) -> str | None:
        """The company a post-posed company description reports as its statement's subject.

        "Qantas plans daily flights to Bombay, the airline announced": the description
        ``low`` ("the airline") after a statement ``masked[start:end]`` that opens with one
        name (no possessive, not a confirmed person of ``persons``, not a place) stands for that
        name, with or without a legal form. None otherwise.
        """
        if not _company_description(low):
            return None
        om = _OPENING_RE.match(self._masked, start, end)
        if om is None or om.start("name") - start > 1:
            return None
        name = om.group("name")
        after = self._masked[om.end("name") : om.end("name") + 2]
        person = persons.get(name)
        if (
            after[:1] in {"’", "'", ","}
            or name.endswith(("’s", "'s", "’", "'"))
            or name.casefold() in _LEAD_WORDS
            or (person is not None and person.kind == "person")
            or name.casefold() in _COUNTRIES
        ):
            return None
        i = bisect.bisect_left(self._starts, om.start("name"))
        if i < len(self.companies) and self.companies[i][0] == om.start("name"):
            return self.companies[i][2]
        return self.named(name) or name

    def _pair_before(self, pos: int) -> str | None:
        """The two companies ("A and B") the nearest earlier sentence naming any names.

        For "the companies", "the two firms" at ``pos`` (this sentence before it, then up to
        three before): exactly two companies with a legal form in that sentence, else None.
        """
        for lo, hi, _end in sentences_back(self._sents, self._sent_starts, pos, 3):
            i = bisect.bisect_left(self._starts, lo)
            names: list[str] = []
            while i < len(self.companies) and self.companies[i][1] <= hi:
                name = self.companies[i][2]
                if not any(_same(name, n) for n in names):
                    names.append(name)
                i += 1
            if names:
                return " and ".join(names) if len(names) == 2 else None
        return None

    def _opening_name(self, lo: int, hi: int) -> tuple[int, str | None, bool] | None:
        """The name opening ``masked[lo:hi]``: (start, company or None, is a proper name)."""
        om = _OPENING_RE.match(self._masked, lo, hi)
        if om is None or om.group("name").casefold() in _LEAD_WORDS:
            # "In over-the-counter trading yesterday, Benjamin Franklin rose": after a fronted
            # phrase and its comma
            om = _FRONTED_OPENING_RE.match(self._masked, lo, hi)
        if om is None:
            return None
        start = om.start("name")
        after = self._masked[om.end("name") : om.end("name") + 2]
        if om.group(0)[: start - om.start()].rstrip(" \t,").casefold().endswith("the") and (
            after[:1] == "," or (after[:1] == " " and after[1:2].islower())
        ):
            return None  # "The Rockford, Ill., maker of fasteners": a description's place
        i = bisect.bisect_left(self._starts, start)
        if i < len(self.companies) and self.companies[i][0] == start:
            return start, self.companies[i][2], True
        name = om.group("name")
        company = self.named(name) or self.named(name.removesuffix("’s").removesuffix("'s"))
        if company:
            return start, company, True
        # (a lone capitalised word may be a sentence's common noun: "Analysts said")
        proper = " " in name or re.search(r"[a-z,]\s" + re.escape(name) + r"\b", self._masked)
        return start, None, bool(proper)


#: An initialism: two to six capitals, dots between them at most ("GM", "IBM", "U.A.L.").
_INITIALISM_RE = re.compile(r"(?:[A-Z]\.?){2,6}")
_NAME_JOINERS = frozenset({"of", "&", "de", "and", "the"})


def _initialisms(name: str) -> set[str]:
    """The initials of a company's name, with and without its legal form or company word.

    "General Motors Corporation" -> {"GMC", "GM"}; "International Business Machines Corp"
    -> {"IBMC", "IBM"}. A one-word name has none.
    """
    words = [w for w in name.split() if w not in _NAME_JOINERS]
    out = set()
    while len(words) >= 2:
        if all(w[:1].isupper() for w in words):
            out.add("".join(w[0] for w in words))
        if words[-1].rstrip(".") not in _FORMS:
            break
        words = words[:-1]
    return out


def _company_description(low: str) -> bool:
    """A definite description with a company head and no "of" among its modifiers."""
    dm = _DESCRIPTION_RE.fullmatch(low)
    return dm is not None and dm.group("head") in _HEADS and " of " not in f" {dm.group('mods')} "


def _singular(word: str) -> str:
    """The singular of a company head's plural: "companies" -> "company", "firms" -> "firm"."""
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


def _same(a: str, b: str) -> bool:
    """Two names of one company: equal, or one the other's first words ("Elco Inc" twice)."""
    wa, wb = a.split(), b.split()
    n = min(len(wa), len(wb)) - 1
    return a == b or (n >= 1 and wa[:n] == wb[:n])


def companies(art) -> CompanyIndex:
    """The :class:`CompanyIndex` of a quote article (built on first use, then kept on it)."""
    ix = art.company_index
    if ix is None:
        ix = art.company_index = CompanyIndex(art.masked, [(s[0], s[1]) for s in art.sents])
    return ix
