"""Speaker typing: what kind of source a speaker mention is.

What belongs here: classifying a speaker mention as person / anonymous / institution / media /
unknown (``speaker_type``) and its canonical form, from the article's people and outlets and
the word lists of ``resources/``. Finding the mention is :mod:`.indirect`, :mod:`.direct` and
:mod:`.phrases`.
"""

from __future__ import annotations

import re

from .. import resources as _resources
from ..text.mentions import _COLLECTIVE
from ..text.segment import AFFILIATION_TAG
from .article import (
    _Article,
)
from .companies import companies as _companies
from .lexicon import (
    _ANON_HEADS,
    _COUNTRIES,
    _GROUP_PLURALS,
    _INSTITUTION_PLURALS,
    _NATIONALITY,
    _ORG_WORDS,
    _PREPOSITIONS,
    _RELATIVE_HEADS,
    _RX1,
    _RX27,
    _RX28,
    _RX29,
    _RX30,
    _RX31,
    _STOP,
    _TITLE_WORDS,
)
from .noun_phrases import (
    _bare_share,
    _content_words,
    _quantity_group,
    _strip_titles,
)
from .outlets import (
    _GENERIC_OUTLET_RE,
)

#: The speaker type of each text-model entity kind.
_TYPE_OF_KIND = {
    "person": "person",
    "anonymous": "anonymous",
    "organisation": "institution",
    "state": "institution",
    "media": "media",
    "unknown": "unknown",
}

_DESC_DET_RE = re.compile(
    r"^(?i:the|a|an|one|two|three|four|five|several|some|many|other|another|both|all|"
    r"its|his|her|their|our)\s+"
)


#: A city and its region set off before a description's head ("The Rockford, Ill., maker").
_PLACE_LED_RE = re.compile(r"(?:[Tt]he\s+)?[A-Z][^,]{0,40},\s+[A-Z][^,]{0,20},\s+(?=[a-z])")


def _clean_desc(s: str, anonymous: bool = False) -> str:
    """A speaker label from a description: determiners and trailing clauses dropped.

    "Officials at the Pentagon" becomes the organisation's name, except for an ``anonymous``
    speaker: "A spokesman for the Pentagon" stays "spokesman for the Pentagon" (an unnamed
    person, not the institution speaking).
    """
    s = _RX1.sub(" ", s).strip(" ,.:;")
    pm = _PLACE_LED_RE.match(s)
    if pm is not None:
        s = s[pm.end() :]  # "The El Paso, Texas, maker of boots": the maker, not El Paso
    pn = None if anonymous else _RX27.search(s)
    if pn and pn.group(1)[:1].isupper() and s[:1].isupper() and not s.lower().startswith("the "):
        s = pn.group(1)
    for strip in (_DESC_DET_RE, _RX28):
        rest = strip.sub("", s)
        if rest.split(" ", 1)[0].lower() in _PREPOSITION_WORDS:
            break  # the number is the head: "Two in three voters", "Three of the councillors"
        s = rest
    s = _RX29.split(s)[0]
    return s.strip()


_PREPOSITION_WORDS = _resources.word_set("prepositions")


_BARE_OUTLET_NOUN_RE = re.compile(
    r"(?:the\s+)?(?:news\s+agency|newspaper|agency|daily|paper|broadcaster|channel)"
)
_ANON_MARKER_RE = re.compile(
    r"\b(?:unnamed|anonymous|senior|familiar|unidentified|source|sources|insiders?|aides?|"
    r"a\s+\w*\s*(?:official|spokes\w+|diplomat|person)|people|someone)\b"
)


#: A party-and-state tag ending a mention: ", R-Fla.", " (D-N.Y.)".
_AFFILIATION_TAIL_RE = re.compile(r"(?<=[a-z])(?:,\s*|\s*\(|\s+)" + AFFILIATION_TAG + r"\)?$")


def _classify(art: _Article, mention: str, ms: int, me: int) -> tuple[str, str, str]:
    """Return (canonical speaker, speaker_type, gender) for a mention (no pronoun handling)."""
    raw = " ".join(mention.split()).strip(" ,.")  # (_RX1.sub(" ", mention): same after strip)
    if "-" in raw:
        # "Sen. Marco Rubio, R-Fla.", "Rep. X (D-N.Y.)": the party-and-state tag is no name
        raw = _AFFILIATION_TAIL_RE.sub("", raw)
    low = raw.lower()
    words = _content_words(raw)
    o = art.outlet_at(ms, me)
    if (
        o
        and (
            (o[1] - o[0]) >= 0.6 * (me - ms - (4 if low.startswith("the ") else 0))
            or o[1] >= me - 1
        )
        and not _object_of_preposition(art.masked, ms, o[0])
    ):
        return o[2], "media", ""
    gm = _GENERIC_OUTLET_RE.fullmatch(low) or _BARE_OUTLET_NOUN_RE.fullmatch(low)
    if gm:
        name = art.resolve_generic_outlet(low, ms)
        return (name or _clean_desc(raw)), "media", ""
    if low in _RELATIVE_HEADS and _WHO_AFTER_RE.match(art.masked, me):
        # "among those who say ...", "someone who was there said": an unnamed source
        return raw, "anonymous", ""
    # The rest depends only on the cleaned mention and the article's people, which are fixed
    # once the article is built: computed once per distinct mention in the article.
    found = art.classify_cache.get(raw)
    if found is None:
        found = art.classify_cache[raw] = _classify_name(art, raw, low, words)
    return found


def _object_of_preposition(m: str, ms: int, at: int) -> bool:
    """The outlet at ``at`` is a preposition's object inside the mention from ``ms``.

    "Lawmakers on the Hill", "officials at the Post": the head before the preposition is the
    one who speaks, not the outlet.
    """
    pre = m[ms:at].split()
    if pre and pre[-1].lower() in ("the", "a", "an"):
        pre = pre[:-1]
    return bool(pre) and pre[-1].lower() in _PREPOSITIONS


_WHO_AFTER_RE = re.compile(r"\s+who\b")
#: A description by a tie to someone: a role or group head, then "of", "for", "to", "with"
#: and (after any "the") the rest ("supporters of X", "a spokesman for House Speaker X").
_ROLE_OF_RE = re.compile(
    r"(?:(?:the|a|an|some|many|several|two|three|other|his|her|their|its)\s+)?"
    r"(?:[\w’'-]+\s+){0,3}?(?P<head>[\w’'-]+)\s+(?:of|for|to|with)\s+(?:the\s+)?(?P<rest>.+)",
    re.I,
)
_TIE_HEADS = _resources.word_set("tie_heads")
_TITLE_LOWER = frozenset(w.casefold().strip(".") for w in _TITLE_WORDS)
#: Words a name may follow in such a tie ("House Speaker X", "Democrat X").
_BEFORE_NAME_OK = _TITLE_LOWER | {"democrat", "republican", "democratic", "gop"}


def _role_of_person(raw: str, person: str) -> bool:
    """``raw`` describes others by their tie to ``person`` ("aides to X"), not ``person``.

    The head before the preposition is a role, group or tie word (``anonymity_heads.txt``,
    ``group_plurals.txt``, ``tie_heads.txt``; any case: "Aides to X" opens a sentence); the
    person's name follows the preposition, after at most title words ("for House Speaker Paul
    Ryan"). "Secretary of State X", "former secretary of state X" (the preposition's object is
    "state") and "X of Texas" are no such tie.
    """
    rm = _ROLE_OF_RE.fullmatch(raw)
    if rm is None:
        return False
    head = rm.group("head")
    hl = head.casefold()
    if not (hl in _ANON_HEADS or hl in _GROUP_PLURALS or hl in _TIE_HEADS):
        return False  # (not "a setback for X", "Thiel's support for X")
    if hl in _TITLE_LOWER and hl not in _ANON_HEADS:
        return False  # "the chairman of the Joint Chiefs X": a title of X
    rest = rm.group("rest")
    first_name, surname = person.split()[0], person.split()[-1]
    k = rest.find(surname)
    if k < 0:
        return False
    before = rest[:k].split()
    if first_name in before:
        before = before[: before.index(first_name)]
    return not before or before[-1].casefold().strip(".,") in _BEFORE_NAME_OK


_CONJUNCTS_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _named_people(art: _Article, raw: str) -> str:
    """Two or three people the story names, coordinated ("Karl Holm and Lena Morrow"), or "".

    Each conjunct must be a different person of the article (a full name, or a name with a
    title, a verb or an apposition that says so); the canonical names are joined as the text
    joins them.
    """
    parts = [p for p in _CONJUNCTS_RE.split(raw) if p]
    if not 2 <= len(parts) <= 3:
        return ""
    names = [art.canonical_person(p) for p in parts]
    if not all(names) or len(set(names)) < len(names):
        return ""
    if any(art.persons[n].kind != "person" and len(n.split()) < 2 for n in names):
        return ""  # (as below: a name of two words or more is a person's)
    return ", ".join(names[:-1]) + " and " + names[-1]


#: Quantifiers that open an unnamed group ("Many Republicans", "Some Americans").
_GROUP_QUANTIFIERS = _resources.word_set("group_quantities") - {"percent", "%"} | {"other", "all"}


#: A description whose head an organisation's name follows ("the liberal group MoveOn.org").
_DESCRIBED_NAME_RE = re.compile(
    r"(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w-]*,?\s+){0,5}(?P<head>[a-z]+)\s+"
    r"(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:[A-Z0-9][\w.&'’-]*|of|for|and|the|&|de))*?"
    r"(?:\s+[A-Z0-9][\w.&'’-]*)?)\s*$"
)


_COLLECTIVE_OF_RE = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+)?(?P<coll>[a-z]+)\s+of\s+(?P<rest>.+)"
)


def _people_plural(low: str, head: str) -> bool:
    """True for a plural of people with no name of its own.

    Its head (or each conjunct's) is a plural anonymity head ("company executives", "hospital
    officials and family members"), or it is a collective of people ("a group of protesters",
    "the group of Democrats").
    """
    cm = _COLLECTIVE_OF_RE.fullmatch(low)
    if cm is not None and cm.group("coll") in _COLLECTIVE:
        rest = cm.group("rest").split()
        return bool(rest) and rest[-1].endswith("s") and not rest[-1].endswith("ss")
    parts = [p.split() for p in low.split(" and ")]
    heads = [p[-1].strip(".,") for p in parts if p] if len(parts) > 1 else [head]
    return all(h.endswith("s") and h in _ANON_HEADS for h in heads)


def _classify_name(
    art: _Article, raw: str, low: str, words: frozenset[str]
) -> tuple[str, str, str]:
    """The part of :func:`_classify` after the outlet tests (a function of the mention only)."""
    if " " in low and low.strip(".") in _COUNTRIES:
        return _clean_desc(raw), "institution", ""  # "South Africa said": no two-word name
    first = low.split()[0] if low.split() else ""
    toks = raw.split()
    if (
        len(toks) >= 2
        and first in _GROUP_QUANTIFIERS
        and toks[-1][:1].isupper()
        and toks[-1].endswith("s")
    ):
        # "Many Republicans said", "Some Americans": an unnamed group, no name
        return _clean_desc(raw, anonymous=True), "anonymous", ""
    if " and " in raw:
        both = _named_people(art, raw)
        if both:
            return both, "person", ""  # "Yeltsin and Kuchma said": both speak, each named
    dn = _DESCRIBED_NAME_RE.match(raw) if first in {"the", "a", "an"} else None
    if (
        dn is not None
        and dn.group("head").lower() in _ORG_WORDS
        # (not inside a phrase: "a spokesman for committee Democrats")
        and not any(w.strip(",") in _PREPOSITIONS for w in raw[: dn.start("head")].split())
    ):
        # "The ride-hailing company Uber", "the conservative group Club for Growth": the
        # name the description introduces speaks (one speaker with its later mentions)
        return dn.group("name").rstrip("."), "institution", ""
    person = art.canonical_person(raw)
    if person and _role_of_person(raw, person):
        # "supporters of Hillary Clinton", "a spokesman for House Speaker Paul Ryan", "the
        # ex-wife of X": people described by their tie to X, not X; unnamed here
        return _clean_desc(raw, anonymous=True), "anonymous", ""
    if person and not (first in {"a", "an", "the"} and not toks[-1][:1].isupper()):
        ent = art.persons[person]
        if ent.kind == "person" or len(person.split()) >= 2:
            return person, "person", ent.gender
    last = low.split()[-1].strip(".") if low.split() else ""
    if low.strip(".") in _COUNTRIES or (len(toks) <= 2 and last in _COUNTRIES and first == "the"):
        return _clean_desc(raw), "institution", ""
    anon_marker = _ANON_MARKER_RE.search(low)
    head = ""
    hm = _RX30.match(low)
    if hm:
        hw = hm.group(1).split()
        head = hw[-1].strip(".,'’") if hw else ""
    cap_words = [t for t in toks if t[:1].isupper() and t.lower() not in {"the", "a", "an"}]
    if head in _GROUP_PLURALS:  # "U.S. officials said": an unnamed group is an anonymous source
        return _clean_desc(raw, anonymous=True), "anonymous", ""
    if head in _INSTITUTION_PLURALS and not _RX31.search(low):
        return _clean_desc(raw), "institution", ""
    indefinite = first in {"a", "an", "one", "two", "three", "several", "some"}
    if anon_marker or (head in _ANON_HEADS and indefinite):
        return _clean_desc(raw, anonymous=True), "anonymous", ""
    if _people_plural(low, head):
        # "Company executives", "hospital officials and family members", "a group of
        # protesters": unnamed people, not the body their words name
        return _clean_desc(raw, anonymous=True), "anonymous", ""
    if words & _ORG_WORDS or head in _ORG_WORDS:
        return _clean_desc(raw), "institution", ""
    if head in _ANON_HEADS or (
        head in _TITLE_WORDS
        and head not in _STOP
        # "Iran's foreign minister": a possessive before a title is no name
        and all(t.endswith(("'s", "’s")) for t in cap_words)
    ):
        return _clean_desc(raw, anonymous=True), "anonymous", ""
    if cap_words and len(cap_words) == len(toks) and 1 <= len(toks) <= 4:
        company = _companies(art).named(raw)
        if company:
            return company, "institution", ""  # "Elco said" after "Elco Industries Inc."
        if (
            len(toks) == 2
            and toks[1].endswith("s")
            and _NATIONALITY.match(toks[0])
            and _NATIONALITY.match(toks[1][:-1])
        ):
            return raw, "unknown", ""  # "Iranian Americans": a people, as "Iranians"
        if len(toks) >= 2:
            return _strip_titles(raw) or raw, "person", ""
        if last in _COUNTRIES:
            return raw, "institution", ""
        return raw, "unknown", ""
    if _quantity_group(raw):  # "About half of the dock workers said": an unnamed group
        return _clean_desc(raw, anonymous=True), "anonymous", ""
    share = _bare_share(raw)
    if share:
        # "..., and three-quarters said": a share of a group named before, unnamed
        return share, "anonymous", ""
    return _clean_desc(raw), "unknown", ""
