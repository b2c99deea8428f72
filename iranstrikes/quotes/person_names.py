"""Person names in capitalised runs: which part of a run is a person's name, if any.

What belongs here: :func:`_person_name`, the name a run of capitalised words can be once
titles, clause openers, a place before it, a closing weekday and a title's domain
("Commissioner for [Competition] Neelie Kroes") are off, and the word lists it reads. The
article's people finder (:meth:`.article._Article._find_people`) calls it on every run. Pure
functions of a run's text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import resources as _resources
from ..text.mentions import _group_plural
from .lexicon import _COUNTRIES, _NATIONALITY, _ORG_WORDS, _TITLE_WORDS
from .noun_phrases import _strip_titles

_OPENERS = frozenset(_resources.word_list("sentence_openers")) | {
    "when",
    "while",
    "after",
    "before",
    "if",
    "as",
    "but",
    "and",
    "so",
    "because",
}
#: A run opening with one ("On Twitter", "Tuesday Trump said") names no person with that word:
#: prepositions and weekday names.
_WEEKDAYS = frozenset(w.lower() for w in _resources.weekday_names())
_NO_NAME_LEAD = _resources.word_set("prepositions") | _WEEKDAYS


def _place_prefix(toks: list[str]) -> int:
    """How many leading tokens name a country or region ("New Hampshire"), 0 when none.

    Not a place that is also a gendered first name ("Virginia Foxx", "Chad Smith"), and never
    the whole run.
    """
    for n in (3, 2, 1):
        if len(toks) > n:
            place = " ".join(toks[:n]).lower()
            if place in _COUNTRIES and place not in _FIRST_NAMES:
                return n
    return 0


_FIRST_NAMES = _resources.first_name_genders()


#: A title and "of" / "for" right before a name run ("Minister for [Foreign Affairs X Y]").
_TITLE_FOR_BEFORE_RE = re.compile(
    r"(?<![\w.-])(?:"
    + "|".join(sorted((w.capitalize() for w in _TITLE_WORDS if w.isalpha()), key=len, reverse=True))
    + r")\s+(?:of|for)\s+\Z"
)


def _name_after_domain(raw: str) -> str:
    """The name ending a run that opens with a title's domain ("Competition Neelie Kroes").

    After "Commissioner for" or "Minister of", the run's first capitalised words name the
    office's domain ("Competition", "Foreign Affairs"): the name is its last two words, or
    from a known first name on ("Foreign Affairs Julie Bishop" -> "Julie Bishop").
    """
    toks = raw.split()
    j = next((i for i in range(1, len(toks) - 1) if toks[i].lower() in _FIRST_NAMES), len(toks) - 2)
    return " ".join(toks[j:])


@lru_cache(maxsize=65536)
def _person_name(raw: str) -> str | None:
    """The person name a capitalised run of two or more tokens can be, or None.

    Titles and clause openers ("When Trump") are cut off; runs holding an organisation word
    or a country, a nationality before a short name, one token or more than four, or a
    lower-case word that is no name particle are no person. A pure function of the run's
    text (memoised).
    """
    name = _strip_titles(raw)
    if name.count(" ") >= 2 and _TITLE_FOR_BEFORE_RE.search(raw, 0, len(raw) - len(name)):
        name = _name_after_domain(name)  # "Commissioner for Competition Neelie Kroes"
    ntoks = name.split()
    while ntoks and (ntoks[0].lower() in _OPENERS or ntoks[0].lower() in _NO_NAME_LEAD):
        ntoks = ntoks[1:]  # "When Trump", "After Smith": a clause opener, no name
        name = " ".join(ntoks)
    quoted = [i for i, t in enumerate(ntoks) if t[-1:] in "'’" and t[-2:-1] not in ("s", "S")]
    if quoted:
        # "'Thin-skinned' Trump": a word that closes a quotation is no part of the name
        ntoks = ntoks[quoted[-1] + 1 :]
        name = " ".join(ntoks)
    plen = _place_prefix(ntoks)
    if plen:
        # "a New Hampshire Sanders veteran": a place before a name modifies it, no part of it
        ntoks = ntoks[plen:]
        name = " ".join(ntoks)
    if len(ntoks) > 1 and ntoks[-1].lower().strip(".,") in _WEEKDAYS:
        # "on Twitter Thursday", "Broaddrick Sunday": a closing weekday is a time word
        ntoks = ntoks[:-1]
        name = " ".join(ntoks)
    if not ntoks or len(ntoks) > 4:
        return None
    low = [t.lower().strip(".'’") for t in ntoks]
    if any(t in _ORG_WORDS or t in _COUNTRIES for t in low):
        return None
    if any(_NATIONALITY.match(t) for t in ntoks[:-1]) and len(ntoks) < 3:
        return None
    if len(ntoks) == 1 or _group_plural(ntoks[-1:]):
        return None  # (a people's plural ends no person's name: "Muslim Americans")
    if not all(
        t[:1].isupper() or t[:2] in {"al", "el"} or t in {"bin", "de", "van", "von"} for t in ntoks
    ):
        return None
    return name
