"""Rule-based extraction of attributed statements (quotes) from English news text.

This module owns everything about finding *who said what* in one article:

* **direct** quotes (quotation-marked speech with an attribution before, after or around it,
  or continuing the previous speaker),
* **indirect** (reported) speech (``X said (that) ...``, ``..., X told reporters``,
  ``according to X, ...``, ``X denied/rejected/blamed ...``),
* **partial** quotes (a quoted fragment inside reported speech).

Speakers are resolved to the fullest name seen in the article (titles stripped), through
pronouns (with gender cues) and descriptive noun phrases ("the senior official"), and typed as
person / anonymous / institution / media / unknown. Intermediary outlets ("told Reuters",
"as quoted by AFP", "the newspaper quoted X as saying", "<Outlet> reports:" blocks) are put in
``via``, canonicalised through the gazetteer ``reference/outlets.csv``.

Everything here is general English/news-language knowledge (reporting verbs, titles,
anonymous-source patterns); no article-specific facts. The entry point is the pure function
:func:`extract_quotes`.
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import resources as _resources

__all__ = ["QUOTE_COLUMNS", "extract_quotes", "quote_columns", "canonical_outlet", "load_outlets"]

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
    "sentence_start",
    "sentence_end",
    "method",
    "confidence",
]
_INT_COLS = ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end")
_INT_COLS += ("via_start", "via_end", "sentence_start", "sentence_end")
# The dtype pandas infers for a column of Python strings ("str" in pandas 3, object before).
_STR_DTYPE = pd.Series(np.array(["a"], dtype=object)).dtype

_OUTLETS_CSV = Path(__file__).with_name("reference") / "outlets.csv"

# ---------------------------------------------------------------------------------------------
# Lexicons (general language knowledge)
# ---------------------------------------------------------------------------------------------

# Reporting verbs that take a clause ("X said (that) ...").
_CLAUSE_VERBS = [
    "say",
    "tell",
    "add",
    "confirm",
    "deny",
    "insist",
    "stress",
    "note",
    "argue",
    "claim",
    "warn",
    "reiterate",
    "underline",
    "underscore",
    "announce",
    "acknowledge",
    "explain",
    "state",
    "report",
    "suggest",
    "caution",
    "complain",
    "admit",
    "concede",
    "emphasise",
    "emphasize",
    "maintain",
    "allege",
    "assert",
    "predict",
    "reveal",
    "disclose",
    "write",
    "tweet",
    "recall",
    "repeat",
    "remark",
    "observe",
    "contend",
    "declare",
    "affirm",
    "assure",
    "reply",
    "respond",
    "answer",
    "counter",
    "retort",
    "recount",
    "boast",
    "lament",
    "speculate",
    "testify",
    "highlight",
    "point",
    "inform",
    "brief",
    "quip",
    "elaborate",
    "clarify",
    "comment",
    "continue",
    "hint",
    "signal",
    "estimate",
    "conclude",
    "find",
    "rule",
    "agree",
    "indicate",
    "promise",
    "pledge",
    "vow",
    "believe",
    "think",
]
# Verbs whose object is the reported content ("X denied the reports", "X blamed Y for Z").
_OBJECT_VERBS = [
    "deny",
    "reject",
    "dismiss",
    "blame",
    "accuse",
    "praise",
    "criticise",
    "criticize",
    "condemn",
    "denounce",
    "refute",
    "slam",
    "hail",
    "welcome",
    "question",
    "challenge",
    "call",
    "describe",
    "defend",
    "dispute",
    "rebuff",
]
# Forms that only count when followed by "that" (cognition/finding verbs).
_NEED_THAT = {
    "find",
    "rule",
    "conclude",
    "estimate",
    "agree",
    "indicate",
    "promise",
    "pledge",
    "vow",
    "believe",
    "think",
    "hint",
    "signal",
    "suggest",
    "continue",
    "point",
    "report",
    "state",
    "note",
    "comment",
    "question",
    "challenge",
    "welcome",
    "defend",
    "call",
    "describe",
    "highlight",
    "brief",
    "inform",
    "answer",
    "recall",
    "observe",
    "write",
}
# Third-person -s forms that are too often nouns ("reports", "claims", "notes") are not cues.
_NOUNISH_S = {
    "reports",
    "claims",
    "notes",
    "states",
    "rules",
    "finds",
    "calls",
    "promises",
    "comments",
    "answers",
    "questions",
    "replies",
    "responds",
    "pledges",
    "vows",
    "signals",
    "estimates",
    "remarks",
    "points",
    "counters",
    "briefs",
    "challenges",
    "welcomes",
    "defends",
    "describes",
    "thinks",
    "believes",
    "continues",
    "hints",
}
_IRREGULAR = {
    "say": ["say", "says", "said", "saying"],
    "tell": ["tell", "tells", "told", "telling"],
    "write": ["write", "writes", "wrote", "written", "writing"],
    "find": ["find", "finds", "found", "finding"],
    "think": ["think", "thinks", "thought", "thinking"],
    "rule": ["rule", "rules", "ruled", "ruling"],
    "brief": ["brief", "briefs", "briefed", "briefing"],
}


# Precompiled inline patterns (speed: avoid re's cache lookup on hot paths).
_RX0 = re.compile(r"[A-Za-z0-9]+")
_RX1 = re.compile(r"[\s\u00a0]+")
_RX2 = re.compile(r"^(?i:the)\s+")
_RX3 = re.compile(r"\s+(?i:news\s+agency|agency)$")
_RX4 = re.compile(r"[^\n]+")
_RX5 = re.compile(r"([\w.]+)$")
_RX6 = re.compile(r"(?:[\s,]+)$")
_RX7 = re.compile(r"\w+")
_RX8 = re.compile(r"(?i)(?:and|but|or|then|however)\b")
_RX9 = re.compile(r"\s(?:who|which|that)$")
_RX10 = re.compile(r"\S+")
_RX11 = re.compile(r"\b(?:that|if|whether|because)\b")
_RX12 = re.compile(r"[A-Za-z]")
_RX13 = re.compile(r"\s*")
_RX14 = re.compile(r"[,.;:!?\"“”(]|\s(?:who|which|in|at|on|after|before|during|when)\s")
_RX15 = re.compile(r"(\w+)$")
_RX16 = re.compile(r"\s*((?:a|an|the|who)\b[^.;\"“”]*)")
_RX17 = re.compile(r"[A-Za-z][\w-]*")
_RX18 = re.compile(r"^.*?[’']s\s+(?=[A-Z])")
_RX19 = re.compile(r"\b[Tt]he\s+$")
_RX20 = re.compile(r"\b(?:TV|Television|Radio|Broadcasting|Network)\b")
_RX21 = re.compile(r"([a-z]+)\s*$")
_RX22 = re.compile(r"\b(?:mr|mrs|ms|dr|by|said|says)\.?\s*$")
_RX23 = re.compile(r"\s*,\s*((?:a|an|the)\s[^,.;]{2,80})")
_RX24 = re.compile(r"[^.;\"“”]{0,60}?\b(his|her|he|she)\b")
_RX25 = re.compile(r"\s+(?:of|at|from|with|for)\s+(?=[A-Z]|the\s)")
_RX26 = re.compile(r"[’']s$")
_RX27 = re.compile(
    r"(?i)^[a-z][\w\s-]*?\bthe\s+([A-Z][\w&'’-]*(?:\s+(?:of|for|and|on|[A-Z][\w&'’-]*))*)$"
)
_RX28 = re.compile(r"^(?i:two|three|four|five|several|some|many|other|of the)\s+")
_RX29 = re.compile(r",|\s(?:who|which|whose|speaking|declined|asked)\s")
_RX30 = re.compile(r"^(.*?)(?:\s+(?:of|at|in|for|from|with|familiar|close|who|on)\b.*)?$")
_RX31 = re.compile(r"\b(?:unnamed|anonymous|senior)\b")
_RX32 = re.compile(r"\b(?:not|never|n't)\s+\w+\s+(?:or|nor)\s+$")
_RX33 = re.compile(r"\b(?:to|not|never|n't|didn't|cannot|could\s+not|to\s+be)\s+$")
_RX34 = re.compile(r"\b(?:been|be|being|was|were|is|are)\s+$")
_RX35 = re.compile(r"\b(?:the|a|an|his|her|its|their|this|that|these|those|of)\s+$")
_RX36 = re.compile(r"[,;(”\"]\s*$|^\s*$")
_RX37 = re.compile(r"\s*(?:[\w'’-]+\s+){0,5}?that\b")
_RX38 = re.compile(r"[^.;]{0,50}?[\"“]")
_RX39 = re.compile(r"[A-Za-z0-9][\w'’-]*")
_RX40 = re.compile(r"_+")
_RX41 = re.compile(r"^(?:the|a|an)\s+")
_RX42 = re.compile(r"(?:,\s*|\s)(?:and|but)\s+(?:also\s+|later\s+)?$")
_RX43 = re.compile(r",\s*(?:adding|saying|noting|according|as\s+quoted|citing)\b")
_RX44 = re.compile(r"[\"“”_]{3,}")
_RX45 = re.compile(r"\s+(?:[A-Z]|the\s|an?\s)")
_RX46 = re.compile(r"(?:who|which|whose|a|an|the)\b")
_RX47 = re.compile(r"\bthat\b")
_RX48 = re.compile(r"\s+(?:the\s+|a\s+)?(?:[\w'’&.-]+\s+){0,4}?[\w'’&.-]+")
_RX49 = re.compile(r"\s*(?:that\b)?")
_RX50 = re.compile(r"[\s,]*(?:according\s+to|as\s+quoted|citing)\b|[\s,:]*[\"“]")
_RX51 = re.compile(r"\s*(?:for|on)\b")
_RX52 = re.compile(r"(?:the\s+|a\s+|an\s+)?[^,.;:\"“”_]{2,100}")
_RX53 = re.compile(r"\b(?:by|from|of)\s+$")
_RX54 = re.compile(r"(?i)transcript")
_RX55 = re.compile(r"[\s,;—–-]*")
_RX56 = re.compile(r"[A-Za-z][\w'’-]*")
_RX57 = re.compile(r"\bthat\b.+")
_RX58 = re.compile(r"[a-z]+\s+(?:said|says|added)")
_RX60 = re.compile(
    r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])(?<!Brig)(?<!Capt)(?<!Prof)[.!?]\s"
)
_RX61 = re.compile(r"[,.;:\"“”_]|\b(?:and|said|who|that)\b")
_RX62 = re.compile(
    r"\s+(?:news\s+agency\s+|agency\s+)?(?:reported|reports|said|quoted|cited|adds|added)\b"
)
_RX63 = re.compile(r"\s+(?:reported|reports|quoted|cited)\b")
_RX64 = re.compile(r"\s(?:who|which)\s")
_RX65 = re.compile(r"\s(?:of|at|in|for|from|with|on)\s")
_RX66 = re.compile(r"[a-z][\w-]*")


def _inflect(verb: str) -> list[str]:
    """Return the inflected forms of a regular English verb."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if verb.endswith(("ss", "sh", "ch", "x")):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    if verb in {"admit", "regret", "rebut", "quip"}:
        return [verb, verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


_FORM2LEMMA: dict[str, str] = {}
for _v in _CLAUSE_VERBS + _OBJECT_VERBS:
    for _f in _inflect(_v):
        _FORM2LEMMA.setdefault(_f, _v)
_OBJECT_SET = set(_OBJECT_VERBS)

_TITLE_WORDS = set(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "gen",
        "general",
        "lt",
        "col",
        "colonel",
        "maj",
        "major",
        "capt",
        "captain",
        "cmdr",
        "commander",
        "adm",
        "admiral",
        "rear",
        "vice",
        "brig",
        "brigadier",
        "brigadier-general",
        "lieutenant",
        "sgt",
        "sergeant",
        "cpl",
        "corporal",
        "pvt",
        "marshal",
        "field",
        "chief",
        "deputy",
        "acting",
        "assistant",
        "associate",
        "senior",
        "junior",
        "former",
        "interim",
        "president",
        "vice-president",
        "premier",
        "prime",
        "minister",
        "secretary",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "health",
        "justice",
        "home",
        "state",
        "undersecretary",
        "under-secretary",
        "ambassador",
        "envoy",
        "consul",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "governor",
        "gov",
        "sen",
        "senator",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "mayor",
        "councillor",
        "councilman",
        "councilwoman",
        "alderman",
        "judge",
        "justice",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "cfo",
        "coo",
        "executive",
        "director",
        "manager",
        "coach",
        "head",
        "leader",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "emir",
        "ayatollah",
        "imam",
        "cleric",
        "pope",
        "rev",
        "reverend",
        "father",
        "bishop",
        "rabbi",
        "chancellor",
        "speaker",
        "officer",
        "inspector",
        "superintendent",
        "detective",
        "constable",
        "attorney",
        "lawyer",
        "prosecutor",
        "minister's",
        "ministry",
        "spokes",
        "analyst",
        "economist",
        "scientist",
        "researcher",
        "doctor",
        "nurse",
        "editor",
        "correspondent",
        "reporter",
        "staff",
        "mp",
        "mep",
        "msp",
        "mla",
        "of",
        "the",
        "and",
        "for",
    ]
)
# Words whose presence marks an organisation rather than a person.
_ORG_WORDS = set(
    [
        "ministry",
        "department",
        "office",
        "agency",
        "authority",
        "council",
        "court",
        "committee",
        "commission",
        "government",
        "administration",
        "parliament",
        "congress",
        "senate",
        "assembly",
        "party",
        "union",
        "association",
        "federation",
        "league",
        "club",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "plc",
        "llc",
        "group",
        "bank",
        "fund",
        "university",
        "college",
        "school",
        "institute",
        "institution",
        "foundation",
        "organisation",
        "organization",
        "hospital",
        "police",
        "army",
        "navy",
        "force",
        "forces",
        "guard",
        "corps",
        "coalition",
        "alliance",
        "state",
        "states",
        "republic",
        "kingdom",
        "nations",
        "embassy",
        "pentagon",
        "kremlin",
        "house",
        "bureau",
        "service",
        "services",
        "board",
        "panel",
        "network",
        "press",
        "news",
        "times",
        "post",
        "observatory",
        "centre",
        "center",
        "securities",
        "holdings",
        "partners",
        "airlines",
        "foods",
        "motors",
        "industries",
        "international",
        "trust",
        "society",
        "church",
        "mosque",
        "team",
        "rovers",
        "city",
        "united",
        "fc",
        "telescope",
        "museum",
        "laboratory",
        "lab",
        "council's",
        "prosecutors",
        "regulator",
        "watchdog",
        "firm",
        "campaign",
        "movement",
        "front",
        "brigade",
        "brigades",
        "militia",
        "caliphate",
        "daesh",
        "isis",
        "isil",
        "semiconductor",
        "semiconductors",
        "technologies",
        "technology",
        "systems",
        "energy",
        "pharmaceuticals",
        "pharma",
        "airways",
        "electric",
        "capital",
        "media",
        "communications",
        "labs",
        "ventures",
        "enterprises",
        "solutions",
        "logistics",
        "insurance",
        "bancorp",
        "railways",
        "studios",
        "entertainment",
    ]
)
_ANON_HEADS = set(
    [
        "official",
        "officials",
        "source",
        "sources",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "diplomat",
        "diplomats",
        "person",
        "people",
        "aide",
        "aides",
        "insider",
        "insiders",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "observer",
        "observers",
        "resident",
        "residents",
        "witness",
        "witnesses",
        "doctor",
        "doctors",
        "officer",
        "officers",
        "member",
        "members",
        "employee",
        "employees",
        "worker",
        "workers",
        "activist",
        "activists",
        "researcher",
        "researchers",
        "scientist",
        "scientists",
        "lawyer",
        "lawyers",
        "investigator",
        "investigators",
        "commander",
        "commanders",
        "executive",
        "executives",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "colleague",
        "colleagues",
        "friend",
        "friends",
        "relative",
        "relatives",
        "supporter",
        "supporters",
        "critic",
        "critics",
        "lawmaker",
        "lawmakers",
        "legislator",
        "legislators",
        "politician",
        "politicians",
        "voter",
        "voters",
        "man",
        "woman",
        "men",
        "women",
        "student",
        "students",
        "teacher",
        "teachers",
        "nurse",
        "nurses",
        "team",
        "astronomers",
        "fan",
        "fans",
        "player",
        "players",
        "staff",
        "representative",
        "representatives",
        "negotiator",
        "negotiators",
        "figure",
        "figures",
        "authorities",
        "neighbour",
        "neighbours",
        "neighbor",
        "neighbors",
        "bystander",
        "bystanders",
        "passenger",
        "passengers",
        "parent",
        "parents",
        "victim",
        "victims",
    ]
)
_INSTITUTION_PLURALS = {"officials", "authorities", "leaders", "ministers", "lawmakers"}
_MALE = {"mr", "sir", "lord", "king", "prince", "spokesman", "congressman", "chairman", "father"}
_MALE |= {"councilman", "sheikh", "emir", "ayatollah", "imam", "pope", "rabbi", "bishop"}
_FEMALE = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "spokeswoman"}
_FEMALE |= {"congresswoman", "chairwoman", "councilwoman"}
_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "x"}
_STOP = set(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "and",
        "or",
        "his",
        "her",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
        "who",
        "which",
        "whose",
        "as",
        "also",
        "has",
        "have",
        "had",
        "is",
        "was",
        "were",
        "be",
        "been",
        "one",
        "two",
        "three",
    ]
)
_COUNTRIES = set(
    [
        "afghanistan",
        "albania",
        "algeria",
        "angola",
        "argentina",
        "armenia",
        "australia",
        "austria",
        "azerbaijan",
        "bahrain",
        "bangladesh",
        "belarus",
        "belgium",
        "bolivia",
        "bosnia",
        "brazil",
        "britain",
        "bulgaria",
        "cambodia",
        "cameroon",
        "canada",
        "chad",
        "chile",
        "china",
        "colombia",
        "congo",
        "croatia",
        "cuba",
        "cyprus",
        "czechia",
        "denmark",
        "ecuador",
        "egypt",
        "eritrea",
        "estonia",
        "ethiopia",
        "finland",
        "france",
        "georgia",
        "germany",
        "ghana",
        "greece",
        "guatemala",
        "haiti",
        "honduras",
        "hungary",
        "iceland",
        "india",
        "indonesia",
        "iran",
        "iraq",
        "ireland",
        "israel",
        "italy",
        "japan",
        "jordan",
        "kazakhstan",
        "kenya",
        "korea",
        "kosovo",
        "kuwait",
        "kyrgyzstan",
        "laos",
        "latvia",
        "lebanon",
        "libya",
        "lithuania",
        "luxembourg",
        "malaysia",
        "mali",
        "mexico",
        "moldova",
        "mongolia",
        "morocco",
        "mozambique",
        "myanmar",
        "nepal",
        "netherlands",
        "nicaragua",
        "niger",
        "nigeria",
        "norway",
        "oman",
        "pakistan",
        "palestine",
        "panama",
        "paraguay",
        "peru",
        "philippines",
        "poland",
        "portugal",
        "qatar",
        "romania",
        "russia",
        "rwanda",
        "saudi",
        "senegal",
        "serbia",
        "singapore",
        "slovakia",
        "slovenia",
        "somalia",
        "spain",
        "sudan",
        "sweden",
        "switzerland",
        "syria",
        "taiwan",
        "tajikistan",
        "tanzania",
        "thailand",
        "tunisia",
        "turkey",
        "turkmenistan",
        "uganda",
        "ukraine",
        "uk",
        "us",
        "usa",
        "u.s.",
        "america",
        "uruguay",
        "uzbekistan",
        "venezuela",
        "vietnam",
        "yemen",
        "zambia",
        "zimbabwe",
        "washington",
        "moscow",
        "beijing",
        "tehran",
        "baghdad",
        "damascus",
        "london",
        "paris",
        "berlin",
        "kabul",
        "ankara",
        "riyadh",
        "cairo",
        "kyiv",
        "kiev",
        "tokyo",
        "seoul",
        "pyongyang",
        "jerusalem",
        "brussels",
        "delhi",
        "islamabad",
        "doha",
        "beirut",
        "amman",
        "caracas",
        "havana",
        "ottawa",
        "canberra",
        "rome",
        "madrid",
        "whitehall",
        "westminster",
    ]
)
_NATIONALITY = re.compile(
    r"^(?:[A-Z][a-z]+(?:ian|ean|ese|ish|ican)|U\.?S\.?|US|UK|EU|UN|British|French|Dutch|Swiss|"
    r"Greek|Thai|German|Iraqi|Israeli|Saudi|Kuwaiti|Qatari|Yemeni|Omani|Emirati|Pakistani|"
    r"Afghan|Bangladeshi|Somali|Azerbaijani|Kurdish|Western|Eastern|Arab|Islamic)$"
)

_WS = r"[\s\u00a0]"
_FORMS_RE = "|".join(sorted(_FORM2LEMMA, key=len, reverse=True))
_CUE_RE = re.compile(
    r"(?<![-\w])(?:(?:went|go|goes|going)\s+on\s+to\s+(?:say|add|stress|insist|note|warn|explain)|"
    r"pointed\s+out|points\s+out|pointing\s+out|"
    r"(?:make|makes|made|making)\s+(?:it\s+)?clear|"
    rf"(?:{_FORMS_RE}))\b",
    re.IGNORECASE,
)
_QUOTED_AS_RE = re.compile(
    r"\b(?P<cue>quoted|quoting|quotes|cited|citing)\s+(?P<np>[^,.;:\"“”]{2,90}?)\s+as\s+"
    r"(?:saying|telling|stating|adding|confirming|denying|insisting|claiming|warning)\b"
    r"(?:\s+that)?\s*"
)


def _may_quote_as(m: str, lo: int, hi: int) -> bool:
    r"""Cheap necessary condition for a :data:`_QUOTED_AS_RE` match inside ``m[lo:hi]``.

    Every match holds "quot" or "cit" (its cue word); ``str.find`` with bounds is far cheaper
    than letting the regex (which starts with ``\b`` and so cannot skip ahead) scan the span.
    """
    return m.find("quot", lo, hi) >= 0 or m.find("cit", lo, hi) >= 0


_WAS_QUOTED_RE = re.compile(r"\b(?:was|were|is|are|been)\s+quoted\s+(?:\w+\s+){0,6}?as\s+saying\b")
_ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+")
_ADVERB_TAIL_RE = re.compile(
    r"(?:[\s,]+(?:also|later|then|further|again|once|only|just|now|has|have|had|would|will|"
    r"was|were|is|are|did|does|do|may|might|could|can|should|previously|earlier|subsequently|"
    r"separately|yesterday|today|tonight|reportedly|meanwhile|however|not|"
    r"(?:[a-z]{3,}ly)|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Sunday)|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)))+\s*$"
)
_NOT_ADVERB_LY = {"family", "ally", "supply", "rally", "assembly", "monopoly", "anomaly", "reply"}
_NOT_ADVERB_LY |= {"daily", "weekly", "monthly", "fly", "july", "italy", "holy", "belly", "jelly"}
_LEAD_FLUFF_RE = re.compile(
    r"^(?:(?:and|but|so|yet|however|meanwhile|also|then|now|while|as|when|because|although|"
    r"though|since|if|instead|still|indeed|moreover|furthermore|separately|later|earlier|"
    r"in\s+addition|in\s+turn)\b[\s,]*)+",
    re.IGNORECASE,
)
_CAP_TOKEN = re.compile(
    r"(?:[A-Z][\w'’.-]*|(?:al|el|bin|ibn|van|von|de|da|di|du|le|la|del|der|dos)(?:-[A-Z][\w'’-]*)?)"
)
_NAME_RUN_RE = re.compile(
    r"(?<![\w.])(?:[A-Z][a-zA-Z'’.-]*)(?:[ \u00a0]+(?:(?:al|el|bin|ibn|van|von|de|da|di|du|le|la|"
    r"del|der|dos)[ \u00a0-]+)?(?:al-|el-)?[A-Z][a-zA-Z'’.-]*)*"
)
# _NAME_RUN_RE without its look-behind: starting with [A-Z], the engine skips to capitals.
_NAME_RUN_NB_RE = re.compile(_NAME_RUN_RE.pattern.removeprefix(r"(?<![\w.])"))
_WORD_OR_DOT_RE = re.compile(r"[\w.]")


# _NAME_RUN_NB_RE with at least two tokens. A one-token run can never become a person (see
# :meth:`_Article._find_people`), and skipping it changes no other run: any later start inside
# that token reaches the same token end, so it cannot match two tokens either.
_NAME_RUN2_NB_RE = re.compile(_NAME_RUN_NB_RE.pattern.removesuffix("*") + "+")
assert _NAME_RUN2_NB_RE.pattern.endswith(")+")


def _name_runs(m: str, rx: re.Pattern[str] = _NAME_RUN_NB_RE) -> list[re.Match[str]]:
    """The matches of ``_NAME_RUN_RE.finditer(m)``, with its look-behind checked by hand.

    Args:
        m: text to search.
        rx: ``_NAME_RUN_NB_RE`` (all runs) or ``_NAME_RUN2_NB_RE`` (the runs of two or more
            tokens among them).
    """
    out = []
    pos = 0
    search = rx.search
    while True:
        mt = search(m, pos)
        if mt is None:
            return out
        i = mt.start()
        if i and _WORD_OR_DOT_RE.match(m, i - 1):  # the look-behind fails here
            pos = i + 1
            continue
        out.append(mt)
        pos = mt.end()


_TERM_RE = re.compile(r"[.!?]+[\"”’)\]]*[\s\u00a0]+")
_ABBREV = set(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "col",
        "lt",
        "sgt",
        "st",
        "jr",
        "sr",
        "prof",
        "rev",
        "gov",
        "sen",
        "rep",
        "no",
        "vs",
        "etc",
        "inc",
        "corp",
        "ltd",
        "co",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "brig",
        "gov",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "mt",
        "ft",
        "fig",
        "ave",
    ]
)
_MD_LINK_RE = re.compile(r"\[([^\]\n]{0,200})\]\([^)\n]{0,300}\)")
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
    return [
        a for a in out if not any(b.start(1) <= a.start(1) and a.end(1) < b.end(1) for b in out)
    ]


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


def _outlet_first_hits(m: str) -> list[tuple[int, str]]:
    """(start, lower-cased token) of every token that can start an outlet alias."""
    low = _lower_same_offsets(m)
    if low is None:
        return [(w.start(), w.group(0).lower()) for w in _outlet_first_re().finditer(m)]
    out = []
    nxt = _outlet_second_tokens()
    next_token = _NEXT_TOKEN_LOWER_RE.match
    for w in _outlet_first_lower_re().finditer(low):
        tok = w.group(0)
        seconds = nxt.get(tok)
        if seconds is not None:
            # Every alias starting with this token goes on with a space and a second token:
            # skip the (long) alias alternation when the text's next token is none of them.
            # "the" alone starts dozens of aliases and is the most common hit by far.
            nm = next_token(low, w.end())
            if nm is None or nm.group(1) not in seconds:
                continue
        out.append((w.start(), tok))
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


# ---------------------------------------------------------------------------------------------
# Document model
# ---------------------------------------------------------------------------------------------
@dataclass
class _Quote:
    start: int  # interior start
    end: int  # interior end
    open_pos: int  # position of opening mark
    close_pos: int  # position of closing mark (== end when unclosed)
    closed: bool
    para: int


@dataclass
class _Stmt:
    kind: str
    start: int
    end: int
    cue: tuple[int, int]
    subj: tuple[int, int] | None  # speaker mention span
    sent: tuple[int, int]
    method: str
    conf: float
    via: tuple[int, int] | None = None
    via_name: str = ""
    speaker: str = ""
    speaker_type: str = "unknown"
    inherit_from: int | None = None
    subj_from: int | None = None  # index of statement whose speaker to reuse
    apposition: str = ""
    extra: dict = field(default_factory=dict)


def _mask(text: str) -> str:
    """Return a same-length copy with NBSPs as spaces and markdown link syntax blanked."""
    m = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")

    def _blank(mt: re.Match[str]) -> str:
        inner = mt.group(1)
        return " " + inner + " " * (len(mt.group(0)) - len(inner) - 1)

    if "](" in m:
        m = _MD_LINK_RE.sub(_blank, m)
    return m


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Split into paragraphs: lines; a lower-case continuation line joins the previous one."""
    out: list[tuple[int, int]] = []
    for mt in _RX4.finditer(text):
        s, e = mt.start(), mt.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
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
    line = text[s:e]
    if line[-1] in '.!?"”’)' or line.endswith(":"):
        return False
    words = line.split()
    if len(words) <= 12:
        return True
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps / len(words) >= 0.7


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
            elif ch in "”»":
                role = "close"
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


def _sentences(masked: str, paras: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Sentence spans (start, end, paragraph) over the quote-masked text."""
    out: list[tuple[int, int, int]] = []
    for pi, (ps, pe) in enumerate(paras):
        s = ps
        for mt in _TERM_RE.finditer(masked, ps, pe):
            j = mt.end()
            if j >= pe:
                break
            nxt = masked[j]
            if not (nxt.isupper() or nxt.isdigit() or nxt in _QUOTE_CHARS or nxt == "("):
                continue
            k = mt.start()
            w = _RX5.search(masked[max(ps, k - 12) : k])
            if w and masked[k] == ".":
                tok = w.group(1).lower()
                if tok in _ABBREV or len(tok) == 1 or (len(tok) <= 3 and "." in tok):
                    continue
            e = mt.end()
            while e > s and masked[e - 1].isspace():
                e -= 1
            out.append((s, e, pi))
            s = j
        out.append((s, pe, pi))
    return out


# ---------------------------------------------------------------------------------------------
# Noun-phrase helpers
# ---------------------------------------------------------------------------------------------
# Words an :data:`_ADVERB_TAIL_RE` match can end with (besides "[a-z]{3,}ly").
_ADVERB_LAST_WORDS = frozenset(
    {
        "also",
        "later",
        "then",
        "further",
        "again",
        "once",
        "only",
        "just",
        "now",
        "has",
        "have",
        "had",
        "would",
        "will",
        "was",
        "were",
        "is",
        "are",
        "did",
        "does",
        "do",
        "may",
        "might",
        "could",
        "can",
        "should",
        "previously",
        "earlier",
        "subsequently",
        "separately",
        "yesterday",
        "today",
        "tonight",
        "reportedly",
        "meanwhile",
        "however",
        "not",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "week",
        "month",
        "year",
        "night",
    }
)
_LY_WORD_RE = re.compile(r"[a-z]{3,}ly")


def _may_end_with_adverb(seg: str) -> bool:
    """Cheap necessary condition for ``_ADVERB_TAIL_RE.search(seg)``.

    The regex is anchored at the end but searched from the start, so it is tried at every
    space or comma of the segment. A match ends with one of a few words, preceded by a space
    or comma and followed only by whitespace: check that last token instead.
    """
    tokens = seg.rsplit(None, 1)
    if not tokens:
        return False
    last = tokens[-1].rsplit(",", 1)[-1]
    return last in _ADVERB_LAST_WORDS or _LY_WORD_RE.fullmatch(last) is not None


def _rstrip_space_commas(seg: str) -> str:
    """``seg`` without its trailing run of whitespace and commas (what ``_RX6`` finds)."""
    t = seg.rstrip()
    while t.endswith(","):
        t = t[:-1].rstrip()
    return t


def _strip_tail_adverbs(seg: str) -> str:
    """Remove auxiliaries, adverbs and time expressions at the end of a subject segment."""
    while True:
        mt = _ADVERB_TAIL_RE.search(seg) if _may_end_with_adverb(seg) else None
        if not mt or mt.start() == 0:
            return _rstrip_space_commas(seg)
        words = mt.group(0).split()
        if any(w.lower().strip(",") in _NOT_ADVERB_LY for w in words):
            # Keep nouns like "family"; drop only what follows them.
            keep = seg[: mt.start()] + mt.group(0)
            idx = max(keep.lower().rfind(w) for w in _NOT_ADVERB_LY if w in keep.lower())
            end = idx + len(_RX7.match(keep[idx:]).group(0))
            return seg[:end]
        seg = seg[: mt.start()]


_SPLIT_CHARS_RE = re.compile(r"[,;—–()\[\]]")


def _split_commas(seg: str, base: int) -> list[tuple[int, int]]:
    """Split a segment on commas outside parentheses; returns absolute (start, end) chunks."""
    chunks = []
    depth = 0
    s = 0
    for mt in _SPLIT_CHARS_RE.finditer(seg):
        ch = mt.group(0)
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            i = mt.start()
            chunks.append((s, i))
            s = i + 1
    chunks.append((s, len(seg)))
    out = []
    for a, b in chunks:
        while a < b and seg[a].isspace():
            a += 1
        while b > a and seg[b - 1].isspace():
            b -= 1
        out.append((base + a, base + b))
    return out


_FLAT_SPLIT_RE = re.compile(r"[,;—–]")
# Greedy: matches up to and including the last cut character before the end position.
_LAST_CUT_RE = re.compile(r".*[,;—–]", re.S)


def _last_chunks(seg: str, base: int, n: int = 3) -> list[tuple[int, int]]:
    """The last ``n`` non-empty chunks of :func:`_split_commas` (all :func:`_subject` needs).

    Without brackets every comma, semicolon or dash splits, so the chunks can be cut from the
    right with string methods instead of trimming every chunk of the segment character by
    character.
    """
    if "(" in seg or "[" in seg:  # nesting: the general left-to-right pass
        return [c for c in _split_commas(seg, base) if c[1] > c[0]][-n:]
    out: list[tuple[int, int]] = []
    end = len(seg)
    last_cut = _LAST_CUT_RE.match
    while True:
        # the last cut before ``end``, found from the right (only the last chunks are needed)
        cm = last_cut(seg, 0, end)
        start = cm.end() if cm else 0
        piece = seg[start:end]
        core = piece.strip()
        if core:
            a = base + start + len(piece) - len(piece.lstrip())
            out.append((a, a + len(core)))
            if len(out) == n:
                break
        if cm is None:
            break
        end = start - 1
    out.reverse()
    return out


_PREP_START_RE = re.compile(
    r"(?i)^(?:in|on|at|after|before|during|following|earlier|later|last|this|since|from|with|"
    r"without|by|for|under|amid|despite|as|when|while|meanwhile|speaking|asked)\b"
)
_DAYS_MONTHS = frozenset(
    k for k in (*_resources.months(), *_resources.weekdays()) if len(k) > 5 or k in ("may", "june", "july", "march", "april")
)


_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[-—–:]+\s*"
)
_CLAUSE_VERB_IN_NP_RE = re.compile(
    r"\b(?:came|comes|come|was|were|is|are|followed|follows|after|before|when|while|because|"
    r"amid|following)\s+"
)


# The last match of _CLAUSE_VERB_IN_NP_RE.finditer, without building the others: the greedy
# ".*" backtracks from the end, so the match found starts where the rightmost one does. (Its
# matches cannot overlap: each starts at a word boundary before a letter, which no earlier
# match's "word + whitespace" can contain.)
_LAST_CLAUSE_VERB_IN_NP_RE = re.compile(r".*" + _CLAUSE_VERB_IN_NP_RE.pattern, re.S)


def _looks_name(s: str) -> bool:
    toks = s.split()
    return (
        bool(toks)
        and toks[-1][:1].isupper()
        and toks[-1].lower() not in _STOP
        and toks[-1].lower().strip(".,") not in _DAYS_MONTHS
    )


_TRY_TO_RE = re.compile(
    r"\s+(?:tried|tries|trying|sought|seeks|moved|wanted|wants|was\s+keen|were\s+keen)\s+to\s*$"
)


_SUBORDINATOR_RE = re.compile(
    r"(?<![\w-])(?:since|after|because|when|while|although|though|before|until|whereas|once)\s+"
)
# The same without the look-behind, so the engine can skip ahead to candidate first letters.
_SUBORDINATOR_NB_RE = re.compile(
    r"(?:since|after|because|when|while|although|though|before|until|whereas|once)\s+"
)
_RX9_ENDINGS = ("who", "which", "that", "who\n", "which\n", "that\n")


def _last_subordinator(chunk: str) -> re.Match[str] | None:
    """The last match of ``_SUBORDINATOR_RE.finditer(chunk)``, found without the look-behind."""
    last = None
    pos = 0
    search = _SUBORDINATOR_NB_RE.search
    while True:
        mt = search(chunk, pos)
        if mt is None:
            return last
        i = mt.start()
        if i and _WORD_OR_HYPHEN_RE.match(chunk, i - 1):  # the look-behind fails here
            pos = i + 1
            continue
        last = mt
        pos = mt.end()


def _subject(masked: str, lo: int, hi: int) -> tuple[tuple[int, int] | None, str]:
    """Find the subject noun phrase of a cue in masked[lo:hi] (hi = cue start).

    Returns:
        ((start, end) of the mention, appositive text) or (None, "").
    """
    seg = _strip_tail_adverbs(masked[lo:hi])
    tm = _TRY_TO_RE.search(seg) if seg.rstrip().endswith("to") else None
    if tm:  # "The minister tried to make it clear that ..."
        seg = seg[: tm.start()]
    if not seg.strip():
        return None, ""
    chunks = _last_chunks(seg, lo)
    if not chunks:
        return None, ""
    appos = ""
    cs, ce = chunks[-1]
    last = masked[cs:ce]
    if len(chunks) >= 2:
        ps, pe = chunks[-2]
        prev = masked[ps:pe]
        first = last.split()[0] if last.split() else ""
        is_appos = (
            first.lower() in {"a", "an", "the", "who", "whose", "which", "its", "his", "her"}
            or first[:1].islower()
            or first[:1].isdigit()
        )
        if is_appos and not _RX8.match(first):
            cand = _LEAD_FLUFF_RE.sub("", prev)
            okprev = len(cand.split()) <= 7 and not _PREP_START_RE.match(cand)
            described = bool(cand.split()) and cand.split()[0].lower() in {"a", "an", "the"}
            participle = first[:1].islower() and first.lower().endswith(("ing", "ed"))
            if okprev and (
                _looks_name(cand)
                or first.lower() in {"who", "whose", "which"}
                or (described and participle)
            ):
                appos = last
                cs, ce = ps, pe
                # a three-part appositive chain "X, a Y, who Z," -> take X
                if len(chunks) >= 3 and first.lower() in {"who", "which"}:
                    p2s, p2e = chunks[-3]
                    p2 = masked[p2s:p2e]
                    if _looks_name(p2) and masked[ps:pe].split()[0].lower() in {"a", "an", "the"}:
                        appos = masked[ps:pe] + ", " + last
                        cs, ce = p2s, p2e
    chunk = masked[cs:ce]
    dl = _DATELINE_RE.match(chunk)
    if dl:
        cs += dl.end()
        chunk = masked[cs:ce]
    vb = _LAST_CLAUSE_VERB_IN_NP_RE.match(chunk) if len(chunk.split()) >= 4 else None
    if vb:  # ends where the last _CLAUSE_VERB_IN_NP_RE match ends
        cs += vb.end()
        chunk = masked[cs:ce]
    sub = _last_subordinator(chunk)
    if sub and chunk[sub.end() :].strip():
        # "... the first confirmation since officials claimed": the subject follows the subordinator
        cs += sub.end()
        chunk = masked[cs:ce]
    lead = _LEAD_FLUFF_RE.match(chunk)
    if lead:
        cs += lead.end()
        chunk = masked[cs:ce]
    if chunk.endswith(_RX9_ENDINGS) and _RX9.search(chunk):
        ce -= len(chunk) - chunk.rstrip().rfind(" ")
        chunk = masked[cs:ce].rstrip()
        ce = cs + len(chunk)
    words = chunk.split()
    if not words:
        return None, ""
    if len(words) > 1 and words[-1].lower() in _PRONOUNS:
        cs = ce - len(words[-1])
        return (cs, ce), ""
    if words[0].lower() in {"there", "this"} and len(words) == 1:
        return None, ""
    if len(words) > 9:
        # take the trailing noun phrase: a run of capitalised tokens (with title words)
        toks = list(_RX10.finditer(chunk))
        k = len(toks)
        while k > 0 and (
            toks[k - 1].group(0)[:1].isupper() or toks[k - 1].group(0).lower() in _TITLE_WORDS
        ):
            k -= 1
        while k < len(toks) and toks[k].group(0).lower() in {"of", "the", "and", "for"}:
            k += 1
        if k < len(toks):
            cs = cs + toks[k].start()
        else:
            dets = [
                t for t in toks if t.group(0).lower() in {"the", "a", "an", "his", "her", "its"}
            ]
            if not dets:
                return None, ""
            cs = cs + dets[-1].start()
        chunk = masked[cs:ce]
        if len(chunk.split()) > 12:
            return None, ""
    # reject subjects that are clauses
    if (
        ("that" in chunk or "if" in chunk or "whether" in chunk or "because" in chunk)
        and _RX11.search(chunk)
        and not chunk.lower().startswith("that")
    ):
        return None, ""
    if chunk[-1:] in '"”' or not _RX12.search(chunk):
        return None, ""
    return (cs, ce), appos


def _np_after(masked: str, pos: int, limit: int) -> tuple[tuple[int, int] | None, str]:
    """Noun phrase right after an inverted cue ("said Okafor, who ...")."""
    seg = masked[pos:limit]
    mt = _RX13.match(seg)
    s = pos + mt.end()
    end_m = None
    for em in _RX14.finditer(masked[s:limit]):
        if em.group(0) == ".":
            wm = _RX15.search(masked[s : s + em.start()])
            if wm and (wm.group(1).lower() in _ABBREV or len(wm.group(1)) == 1):
                continue
        end_m = em
        break
    e = s + (end_m.start() if end_m else len(masked[s:limit]))
    while e > s and masked[e - 1].isspace():
        e -= 1
    if e <= s or len(masked[s:e].split()) > 10:
        return None, ""
    appos = ""
    if end_m and masked[s + end_m.start()] == ",":
        rest = masked[s + end_m.end() : limit]
        am = _RX16.match(rest)
        if am:
            appos = am.group(1).split(",")[0]
    return (s, e), appos


@lru_cache(maxsize=32768)
def _content_words(s: str) -> frozenset[str]:
    """Lower-cased content words of a phrase, crude plurals folded (cached: it is pure)."""
    return frozenset(_content_words_uncached(s))


def _content_words_uncached(s: str) -> set[str]:
    out = set()
    for w in _RX17.findall(s.lower()):
        if w in _STOP:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return out


@lru_cache(maxsize=16384)
def _strip_titles(mention: str) -> str:
    """Reduce a name mention to the personal name (titles, nationalities, possessives off)."""
    s = _RX1.sub(" ", mention).strip(" ,.")
    s = _RX18.sub("", s)  # "Iraq's Prime Minister X" -> "Prime Minister X"
    toks = s.split(" ")
    k = len(toks)
    while k > 0:
        t = toks[k - 1]
        tl = t.lower().rstrip(".")
        if tl in _TITLE_WORDS or not (_CAP_TOKEN.fullmatch(t) or t[:1].isupper()):
            break
        if _NATIONALITY.match(t) and k < len(toks):
            break
        k -= 1
    return " ".join(toks[k:])


# ---------------------------------------------------------------------------------------------
# Article-level resolution context
# ---------------------------------------------------------------------------------------------
@dataclass
class _Entity:
    name: str
    kind: str  # person|anonymous|institution|media|unknown
    context: set[str]
    gender: str = ""
    positions: list[int] = field(default_factory=list)


_GENDER_AFTER_RE = re.compile(r"[^.;\"“”]{0,40}?\b(his|her|he|she|His|Her|He|She)\b")
_AFTER_VERB_RE = re.compile(r"\s+(?:who\s+|[a-z]+ly\s+)?([a-z]+)\b")
_AFTER_APPOS_RE = re.compile(r"\s*(?:,\s*(?:a|an|the|who|\d)|[’']s\b)")


class _Cue:
    """Minimal match-like object for a reporting-verb cue."""

    __slots__ = ("_s", "_e", "_t")

    def __init__(self, s: int, e: int, t: str) -> None:
        self._s, self._e, self._t = s, e, t

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self, _i: int = 0) -> str:
        return self._t


_WORD_RE = re.compile(r"[A-Za-z]+")
_NONSPACE_RE = re.compile(r"\S")
# Multi-word cues. Matched case-sensitively on the lower-cased text (same offsets), which lets
# the regex engine skip ahead by first letter instead of trying every position under (?i).
_MULTI_CUE_LOWER_RE = re.compile(
    r"(?:went|go|goes|going)\s+on\s+to\s+(?:say|add|stress|insist|note|warn|explain)|"
    r"(?:pointed|points|pointing)\s+out|"
    r"(?:make|makes|made|making)\s+(?:it\s+)?clear(?=\s+that\b)"
)
_MULTI_CUE_RE = re.compile(_MULTI_CUE_LOWER_RE.pattern, re.IGNORECASE)


def _lower_same_offsets(m: str) -> str | None:
    """``m.lower()`` when case-sensitive matching on it is the same as ``re.IGNORECASE`` on ``m``.

    That holds when lower-casing keeps every offset and the text has none of the two letters
    that ``re.IGNORECASE`` also folds onto ASCII ones (dotless i, long s); else None.
    """
    low = m.lower()
    if len(low) != len(m) or "ı" in low or "ſ" in low:
        return None
    return low


def _trie_regex(words: list[str]) -> str:
    """Compile a word list into a compact trie-shaped regex (fast alternation)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


_CUE_WORDS = sorted(_FORM2LEMMA)
_CUE_WORD_RE = re.compile(
    r"(?<![\w-])(?:"
    + _trie_regex(_CUE_WORDS + [w[:1].upper() + w[1:] for w in _CUE_WORDS])
    + r")(?![\w-])"
)


def _all_cues(m: str) -> list[re.Match[str]]:
    """Reporting-verb cue candidates of a text, in order (the regex matches themselves)."""
    out = list(_CUE_WORD_RE.finditer(m))
    low = _lower_same_offsets(m)
    multi = list(
        _MULTI_CUE_LOWER_RE.finditer(low) if low is not None else _MULTI_CUE_RE.finditer(m)
    )
    if multi:
        for mm in multi:
            out = [c for c in out if not (mm.start() <= c.start() < mm.end())]
            out.append(_Cue(mm.start(), mm.end(), m[mm.start() : mm.end()]))
        out.sort(key=lambda c: c.start())
    return out


@lru_cache(maxsize=65536)
def _word_re(word: str) -> re.Pattern[str]:
    # No leading \b: a literal prefix lets the engine jump to candidates (checked by caller).
    return re.compile(re.escape(word) + r"\b")


def _word_spans(m: str, word: str) -> list[tuple[int, int]]:
    r"""Spans of ``re.finditer(r"\b" + re.escape(word) + r"\b", m)``."""
    rx = _word_re(word)
    first_is_word = bool(_WORD_CHAR_RE.match(word[:1]))
    out = []
    pos = 0
    while True:
        mt = rx.search(m, pos)
        if mt is None:
            return out
        i = mt.start()
        prev_is_word = i > 0 and bool(_WORD_CHAR_RE.match(m, i - 1))
        if prev_is_word == first_is_word:  # no word boundary before the match
            pos = i + 1
            continue
        out.append((i, mt.end()))
        pos = mt.end() if mt.end() > i else i + 1


def _alternation_hits(m: str, words: list[str]) -> dict[str, list[tuple[int, int]]]:
    r"""Spans of ``re.finditer(r"\b(?:w1|w2|...)\b", m)`` grouped by word.

    Without compiling that per-article alternation: one cached regex per word instead.

    The alternation takes, at the leftmost position where any word matches, the first word in
    list order, then continues after it; the merge below does the same.
    """
    cands = []
    for order, w in enumerate(words):
        cands.extend((a, order, b) for a, b in _word_spans(m, w))
    cands.sort()
    hits: dict[str, list[tuple[int, int]]] = {}
    pos = -1
    for start, order, end in cands:
        if start < pos:
            continue
        hits.setdefault(words[order], []).append((start, end))
        pos = end
    return hits


_TITLE_WORDS_NO_LINKS = frozenset(_TITLE_WORDS - {"of", "the", "and", "for"})
_TITLE_WORDS_NOT_STOP = frozenset(_TITLE_WORDS - _STOP)
_LOWER_RUN_RE = re.compile(r"[a-z]+")


def _word_start_matches(rx: re.Pattern[str], text: str, lo: int, hi: int, floor: int):
    r"""Matches of ``rx`` in ``text[lo:hi]`` that start at a word boundary, in order.

    ``rx`` is a pattern written without its leading ``\b`` (so the engine can skip ahead to
    candidate letters); the boundary is checked by hand: no word character just before the
    match, looking no further back than ``floor`` (``lo``: as a slice of the text would see
    it; 0: as the whole text does). Non-overlapping, like ``finditer``.
    """
    pos = lo
    while True:
        mt = rx.search(text, pos, hi)
        if mt is None:
            return
        i = mt.start()
        if i > floor and _WORD_CHAR_RE.match(text, i - 1):  # no word boundary before it
            pos = i + 1
            continue
        yield mt
        pos = mt.end()


class _Article:
    def cues(self, lo: int, hi: int) -> list[re.Match[str]]:
        """Cue candidates starting inside [lo, hi)."""
        i = bisect.bisect_left(self._cue_starts, lo)
        j = bisect.bisect_left(self._cue_starts, hi)
        return [c for c in self._cues[i:j] if c.end() <= hi]

    def __init__(self, text: str) -> None:
        self.text = text
        self.raw_masked = _mask(text)
        self.paras = _paragraphs(text)
        self.headline_paras = {
            i for i, (s, e) in enumerate(self.paras) if _is_headline(self.raw_masked, s, e)
        }
        self.quotes = [
            q
            for q in _find_quotes(self.raw_masked, self.paras)
            if q.para not in self.headline_paras
        ]
        raw = self.raw_masked
        parts = []
        pos = 0
        for q in self.quotes:
            inner_end = q.end
            # keep terminal punctuation at the very end so sentences can still split there
            if q.closed and inner_end > q.start and raw[inner_end - 1] in ".!?":
                inner_end -= 1
            start = max(q.start, pos)
            if inner_end <= start:
                continue
            parts.append(raw[pos:start])
            parts.append(_NONSPACE_RE.sub("_", raw[start:inner_end]))
            pos = inner_end
        parts.append(raw[pos:])
        self.masked = "".join(parts)
        self.sents = _sentences(self.masked, self.paras)
        self._cues = _all_cues(self.masked)
        self._cue_starts = [c.start() for c in self._cues]
        self.outlets = self._find_outlets()
        self.persons: dict[str, _Entity] = {}
        self.person_mentions: list[tuple[int, int, str]] = []  # (start, end, canonical)
        self._find_people()
        # Per-article caches of pure functions of the masked text (never shared across articles).
        self._by_last: dict[str, list[tuple[str, str]]] | None = None
        self._via_cue_ends: dict[tuple[int, int], list[int]] = {}
        self._generic_outlets: dict[tuple[int, int], list[re.Match[str]]] = {}
        self.classify_cache: dict[str, tuple[str, str, str]] = {}  # see _classify

    def via_cue_ends(self, ss: int, se: int) -> list[int]:
        r"""Absolute end offsets of ``_VIA_CUE_RE.finditer(masked[ss:se])`` (cached per span).

        Found with the regex minus its leading ``\b`` (so the engine can skip to candidate
        letters); the word boundary is checked by hand, as the slice would see it.
        """
        key = (ss, se)
        ends = self._via_cue_ends.get(key)
        if ends is None:
            ends = self._via_cue_ends[key] = [
                mt.end() for mt in _word_start_matches(_VIA_CUE_NB_RE, self.masked, ss, se, ss)
            ]
        return ends

    def generic_outlets(self, ss: int, se: int) -> list[re.Match[str]]:
        r"""``list(_GENERIC_OUTLET_RE.finditer(masked, ss, se))`` (cached per span).

        Found like :meth:`via_cue_ends`: ``_GENERIC_OUTLET_RE`` minus its leading ``\b``
        starts with the literal "th", which the engine finds with a fast string search.
        """
        key = (ss, se)
        found = self._generic_outlets.get(key)
        if found is None:
            found = self._generic_outlets[key] = list(
                _word_start_matches(_GENERIC_OUTLET_NB_RE, self.masked, ss, se, 0)
            )
        return found

    # -- outlets ---------------------------------------------------------------------------
    def _find_outlets(self) -> list[tuple[int, int, str, str]]:
        rxs, lookup = _outlet_index()
        found: dict[int, tuple[int, int, str, str]] = {}
        m = self.masked
        hits = []
        for start, tok in _outlet_first_hits(m):
            rx = rxs.get(tok)
            if rx is None or (start > 0 and (m[start - 1].isalnum() or m[start - 1] == "-")):
                continue
            mt = rx.match(m, start)
            if mt:
                hits.append(mt)
        for mt in hits:
            name = canonical_outlet(mt.group(0))
            kind = lookup.get(name.lower(), lookup.get(name, ("", "agency")))[1]
            found[mt.start()] = (mt.start(), mt.end(), name, kind or "agency")
        for mt in _iter_outlet_patterns(self.masked):
            if any(s <= mt.start(1) < e for s, e, _, _ in found.values()):
                continue
            words = mt.group(1).split()
            if len(words) < 2 and not _RX19.search(self.masked[: mt.start(1)][-5:]):
                continue
            if any(w.lower() in {"in", "of"} for w in words[:1]):
                continue
            name = canonical_outlet(mt.group(1))
            lname = name.lower()
            kind = "agency" if "agency" in lname or "news" in lname else "newspaper"
            if _RX20.search(name):
                kind = "broadcaster"
            found[mt.start(1)] = (mt.start(1), mt.end(1), name, kind)
        return sorted(found.values())

    def outlet_at(self, s: int, e: int) -> tuple[int, int, str, str] | None:
        for o in self.outlets:
            if o[0] < e and o[1] > s:
                return o
        return None

    def resolve_generic_outlet(self, noun: str, pos: int) -> str:
        """'the news agency' / 'the newspaper' -> most recent outlet of a compatible kind."""
        want = {
            "newspaper": {"newspaper"},
            "paper": {"newspaper"},
            "daily": {"newspaper"},
            "tabloid": {"newspaper"},
            "weekly": {"newspaper", "magazine"},
            "magazine": {"magazine"},
            "website": {"website"},
            "broadcaster": {"broadcaster"},
            "channel": {"broadcaster"},
            "network": {"broadcaster"},
            "television": {"broadcaster"},
            "radio": {"broadcaster"},
            "station": {"broadcaster"},
        }.get(noun.split()[-1].lower(), {"agency"})
        before = [o for o in self.outlets if o[1] <= pos]
        for o in reversed(before):
            if o[3] in want:
                return o[2]
        return before[-1][2] if before else ""

    # -- people ----------------------------------------------------------------------------
    def _find_people(self) -> None:
        m = self.masked
        # Only runs of two or more tokens: a one-token run (no space inside) strips to at most
        # one name token, and one-token names are skipped below before anything is recorded.
        for mt in _name_runs(m, _NAME_RUN2_NB_RE):
            raw = mt.group(0)
            name = _strip_titles(raw)
            ntoks = name.split()
            if not ntoks or len(ntoks) > 4:
                continue
            low = [t.lower().strip(".'’") for t in ntoks]
            if any(t in _ORG_WORDS or t in _COUNTRIES for t in low):
                continue
            if any(_NATIONALITY.match(t) for t in ntoks[:-1]) and len(ntoks) < 3:
                continue
            if self.outlet_at(mt.start(), mt.end()):
                continue
            if len(ntoks) == 1:
                continue
            if not all(
                t[:1].isupper() or t[:2] in {"al", "el"} or t in {"bin", "de", "van", "von"}
                for t in ntoks
            ):
                continue
            titles = raw[: len(raw) - len(name)].lower()
            before = m[max(0, mt.start() - 60) : mt.start()].lower()
            has_title = any(w.strip(".") in _TITLE_WORDS_NO_LINKS for w in titles.split())
            end = mt.start() + raw.rfind(name) + len(name)
            after = m[end : end + 80]
            # _RX21.search(before).group(1), found from the right: the letters that end
            # ``before`` once trailing whitespace is off (read back to front).
            prev_word = _LOWER_RUN_RE.match(before.rstrip()[::-1])
            has_title = has_title or bool(
                prev_word and prev_word.group(0)[::-1] in _TITLE_WORDS_NOT_STOP
            )
            vm = _AFTER_VERB_RE.match(after)
            confirmed = has_title or bool(
                (vm and vm.group(1) in _FORM2LEMMA)
                or _AFTER_APPOS_RE.match(after)
                or _RX22.search(before)
            )
            ent = self.persons.get(name)
            ctx = _content_words(titles)
            am = _RX23.match(after)
            if am:
                ctx |= _content_words(am.group(1))
            if ent is None:
                # a later fuller/shorter form of an existing person?
                ent = _Entity(name, "person" if confirmed else "unknown", ctx)
                self.persons[name] = ent
            else:
                ent.context |= ctx
                if confirmed:
                    ent.kind = "person"
            g = ""
            tw = {w.strip(".").lower() for w in titles.split()}
            if tw & _MALE:
                g = "m"
            elif tw & _FEMALE:
                g = "f"
            pm = _RX24.match(after)
            if not g and pm:
                g = "m" if pm.group(1) in {"his", "he"} else "f"
            if g and not ent.gender:
                ent.gender = g
            ent.positions.append(mt.start())
            self.person_mentions.append((mt.start() + raw.rfind(name), end, name))
        # single surnames of confirmed people elsewhere confirm them
        lasts: dict[str, list[str]] = {}
        for name in self.persons:
            lasts.setdefault(name.split()[-1], []).append(name)
        if lasts:
            hits = _alternation_hits(m, sorted(lasts, key=len, reverse=True))
            for last, names in sorted(lasts.items()):
                spans = hits.get(last, [])
                for name in names:
                    ent = self.persons[name]
                    if ent.kind != "person" and len(spans) > 1:
                        ent.kind = "person"
                    self.person_mentions.extend((a, b, name) for a, b in spans)
                    if not ent.gender:
                        for _a, b in spans:
                            gm = _GENDER_AFTER_RE.match(m, b)
                            if gm:
                                ent.gender = "m" if gm.group(1).lower() in {"his", "he"} else "f"
                                break
        self.person_mentions.sort()

    def _names_by_last(self) -> dict[str, list[tuple[str, str]]]:
        """Last name token -> [(name, first token)] of the article's people (built once).

        The people are fixed once :meth:`_find_people` has run; only their context grows.
        """
        if self._by_last is None:
            self._by_last = {}
            for n in self.persons:
                toks = n.split()
                self._by_last.setdefault(toks[-1], []).append((n, toks[0]))
        return self._by_last

    def canonical_person(self, mention: str) -> str | None:
        """Fullest person name in the article compatible with a mention."""
        short = _RX25.split(mention)[0]
        name = _strip_titles(mention)
        by_last = self._names_by_last()
        if short != mention:
            sname = _strip_titles(short)
            if sname and sname.split()[-1] in by_last:
                name = sname
        name = _RX26.sub("", name)
        if not name:
            return None
        toks = name.split()
        if name in self.persons:
            cands = [name]
        else:
            same_last = by_last.get(toks[-1], [])
            cands = [n for n, first in same_last if len(toks) == 1 or first == toks[0]]
            if not cands and len(toks) >= 2:
                cands = [n for n, _first in same_last]
        if not cands:
            return None
        return max(cands, key=lambda n: (len(n.split()), len(self.persons[n].positions), n))


# ---------------------------------------------------------------------------------------------
# Speaker typing
# ---------------------------------------------------------------------------------------------
_DESC_DET_RE = re.compile(
    r"^(?i:the|a|an|one|two|three|four|five|several|some|many|other|another|both|all|"
    r"its|his|her|their|our)\s+"
)


def _clean_desc(s: str) -> str:
    s = _RX1.sub(" ", s).strip(" ,.:;")
    pn = _RX27.search(s)
    if pn and pn.group(1)[:1].isupper() and s[:1].isupper() and not s.lower().startswith("the "):
        s = pn.group(1)
    s = _DESC_DET_RE.sub("", s)
    s = _RX28.sub("", s)
    s = _RX29.split(s)[0]
    return s.strip()


_BARE_OUTLET_NOUN_RE = re.compile(
    r"(?:the\s+)?(?:news\s+agency|newspaper|agency|daily|paper|broadcaster|channel)"
)
_ANON_MARKER_RE = re.compile(
    r"\b(?:unnamed|anonymous|senior|familiar|unidentified|source|sources|insiders?|aides?|"
    r"a\s+\w*\s*(?:official|spokes\w+|diplomat|person)|people|someone)\b"
)


def _classify(art: _Article, mention: str, ms: int, me: int) -> tuple[str, str, str]:
    """Return (canonical speaker, speaker_type, gender) for a mention (no pronoun handling)."""
    raw = _RX1.sub(" ", mention).strip(" ,.")
    low = raw.lower()
    words = _content_words(raw)
    o = art.outlet_at(ms, me)
    if o and (
        (o[1] - o[0]) >= 0.6 * (me - ms - (4 if low.startswith("the ") else 0)) or o[1] >= me - 1
    ):
        return o[2], "media", ""
    gm = _GENERIC_OUTLET_RE.fullmatch(low) or _BARE_OUTLET_NOUN_RE.fullmatch(low)
    if gm:
        name = art.resolve_generic_outlet(low, ms)
        return (name or _clean_desc(raw)), "media", ""
    # The rest depends only on the cleaned mention and the article's people, which are fixed
    # once the article is built: computed once per distinct mention in the article.
    found = art.classify_cache.get(raw)
    if found is None:
        found = art.classify_cache[raw] = _classify_name(art, raw, low, words)
    return found


def _classify_name(
    art: _Article, raw: str, low: str, words: frozenset[str]
) -> tuple[str, str, str]:
    """The part of :func:`_classify` after the outlet tests (a function of the mention only)."""
    person = art.canonical_person(raw)
    first = low.split()[0] if low.split() else ""
    toks = raw.split()
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
    if head in _INSTITUTION_PLURALS and not _RX31.search(low):
        return _clean_desc(raw), "institution", ""
    indefinite = first in {"a", "an", "one", "two", "three", "several", "some"}
    if anon_marker or (head in _ANON_HEADS and indefinite):
        return _clean_desc(raw), "anonymous", ""
    if words & _ORG_WORDS or head in _ORG_WORDS:
        return _clean_desc(raw), "institution", ""
    if head in _ANON_HEADS or (head in _TITLE_WORDS and head not in _STOP and not cap_words):
        return _clean_desc(raw), "anonymous", ""
    if cap_words and len(cap_words) == len(toks) and 1 <= len(toks) <= 4:
        if len(toks) >= 2:
            return _strip_titles(raw) or raw, "person", ""
        if last in _COUNTRIES:
            return raw, "institution", ""
        return raw, "unknown", ""
    return _clean_desc(raw), "unknown", ""


# ---------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------
_GO_ON_TO_RE = re.compile(
    r"(?:went|go|goes|going|continued)\s+on\s+to\s+$|\b(?:went|continued)\s+to\s+$|"
    r"\b(?:tried|tries|trying|sought|seeks|moved|wanted|wants|was\s+keen|were\s+keen)\s+to\s+$"
)


# The last words of _RX32 ("or", "nor"), _RX33, _RX34 and _RX35 (as plain suffixes).
_CUE_BLOCKER_ENDINGS = (
    "or",
    "to",
    "not",
    "never",
    "n't",
    "cannot",
    "be",
    "been",
    "being",
    "was",
    "were",
    "is",
    "are",
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "this",
    "that",
    "these",
    "those",
    "of",
)


def _cue_ok(m: str, mt: re.Match[str], sent_start: int, need_that: bool = False) -> bool:
    """Reject cue candidates that are nouns, infinitives, negated, passive or adjectival."""
    w = mt.group(0)
    wl = w.lower()
    if w[:1].isupper() and mt.start() != sent_start:
        return False
    before = m[max(sent_start, mt.start() - 30) : mt.start()].lower()
    if wl in _NOUNISH_S:
        return False
    # _RX32.._RX35 all end in "<word>\s+$": none can match unless ``before`` ends with
    # whitespace after one of their last words (a cheap test that rejects most cues' context).
    t = before.rstrip()
    if len(t) < len(before) and t.endswith(_CUE_BLOCKER_ENDINGS):
        if _RX32.search(before):
            return False
        if _RX33.search(before) and not _GO_ON_TO_RE.search(before):
            return False
        if wl.endswith(("ed", "d", "en", "ld")) and _RX34.search(before):
            return False
        if _RX35.search(before):
            return False
    # participles count only as ", adding that..." or sentence-initially
    if wl.endswith("ing") and not (
        _RX36.search(m[sent_start : mt.start()][-6:] or " ") or mt.start() == sent_start
    ):
        return False
    return not need_that or _needs_no_that(m, mt)


def _needs_no_that(m: str, mt: re.Match[str]) -> bool:
    """The that-clause test of :func:`_cue_ok` alone (for a cue that already passed it)."""
    wl = mt.group(0).lower()
    lemma = _FORM2LEMMA.get(wl.split()[0] if " " not in wl else "")
    if lemma in _NEED_THAT:
        after = m[mt.end() : mt.end() + 80]
        if not _RX37.match(after) and not (
            lemma in {"call", "describe", "write"} and _RX38.match(after)
        ):
            return False
    return True


def _sentence_of(art: _Article, pos: int) -> tuple[int, int, int]:
    lo, hi = 0, len(art.sents) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if art.sents[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return art.sents[lo]


def _unquoted_words(art: _Article, s: int, e: int) -> int:
    seg = art.masked[s:e]
    return len(_RX39.findall(_RX40.sub(" ", seg)))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:—–-"):
        e -= 1
    return s, e


_INVERTIBLE = {"say", "add", "write", "tell", "explain", "insist", "warn", "note", "argue", "ask"}
_INVERTIBLE |= {"claim", "stress", "continue", "reply", "answer", "recall", "observe", "remark"}
_ADJ_TAIL_RE = re.compile(
    r"\s*(?:(?:on|in|at|during|after|before|to|from|with|over|late|early|earlier|later|last|"
    r"this|yesterday|today|tonight|via|by|through|under|when|while|as|outside|inside|following|"
    r"ahead|without|recently|previously|again|also|separately|privately|publicly|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^\"“”_,]*?)?\s*"
    r"(?:,\s*(?:according\s+to|as\s+quoted\s+by|as\s+reported\s+by|citing|adding|saying|noting|"
    r"stressing|in\s+an?\s+|as\s+|who|which|speaking|referring|when|after|before|while|"
    r"although|though|but|and)\b.*)?[.!?]?\s*",
    re.S,
)
_VERBISH_RE = re.compile(
    r"\b(?:that|was|were|is|are|had|has|have|would|will|could|should|did|does|can|may|might|"
    r"must)\b"
)


_ADJUNCT_CUT_RE = re.compile(
    r",\s*(?:according\s+to|as\s+quoted|as\s+reported|citing|adding|saying|noting|stressing|"
    r"who|which|speaking|referring|when|while|although|though)\b"
)


def _adjunct_only(t: str) -> bool:
    """True when a cue's tail holds only adjuncts ("on Friday", "in a statement", ", adding")."""
    core = _ADJUNCT_CUT_RE.split(t, 1)[0] if "," in t else t
    if len(core.split()) > 8 or _VERBISH_RE.search(core):
        return False
    return bool(_ADJ_TAIL_RE.fullmatch(t))


_SENT_SUBJ_RE = re.compile(
    r"((?:[\w'’.&-]+\s+){0,7}?[\w'’.&-]+)\s+(?:on\s+\w+\s+|also\s+|later\s+)?"
    r"(?:has\s+|have\s+|had\s+)?(?:[a-z]+ed|struck|won|lost|took|gave|made|began|ran|set|put|"
    r"cut|held|fell|rose|sent|brought|left|led|met|threw|upheld|overturned|sought)\b"
)
_CUT_RE = re.compile(
    r",?\s+(?:and|but)\s+(?:also\s+)?(?:said|added|told|insisted|stressed|warned|noted|denied|"
    r"confirmed|argued|claimed|explained|acknowledged|reiterated|underlined)\b|"
    r",\s*(?:adding|saying|noting|stressing|insisting|warning|explaining|arguing)\b|"
    r"(?:,|[\"”_])\s*(?:according\s+to|as\s+quoted\s+by|as\s+reported\s+by|citing)\b|"
    r",\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:reports|reported)\b|"
    r",\s+and\s+(?:was|were|is|are|has|have|had|will|would|did|does)\b|"
    r"\s+in\s+an?\s+interview\s+with\b|\s+(?:on|under)\s+condition\s+of\s+anonymity\b|"
    r",\s+(?:he|she|they|it|we|I)\s+(?:said|says|added|told)\b"
)


_FINITE_RE = re.compile(
    r"\b(?:that|was|were|is|are|had|has|have|would|will|could|should|can|may|might|did)\b"
)
_TOLD_OBJECT_RE = re.compile(
    r"\s+((?:the\s+|a\s+)?(?:[\w'’&.-]+\s+){0,5}?[\w'’&.-]+?)"
    r"(?=\s+(?:that|in|on|at|during|after|,|:)|\s*[,.:]|\s+(?=[\"“_]))"
)
_DOCUMENT_NP_RE = re.compile(
    r"(?:the\s+|an?\s+)?(?:\w+\s+)?(?:report|statement|transcript|study|survey|"
    r"release|filing|document|letter|post|posting|memo)\b(?:[^,]*?\b(?:by|from|of)\s+)?"
)


def _may_end_coordinated(before: str) -> bool:
    """Cheap necessary condition for ``_RX42.search(before)`` ("..., and (also) <cue>")."""
    t = before.rstrip()
    return len(t) < len(before) and t.endswith(("and", "but", "also", "later"))


def _indirect(art: _Article) -> list[_Stmt]:
    """Reported-speech statements found from reporting-verb cues in each sentence."""
    m = art.masked
    out: list[_Stmt] = []
    for ss, se, pi in art.sents:
        if pi in art.headline_paras:
            continue
        sent_stmts: list[_Stmt] = []
        cues = [c for c in art.cues(ss, se) if _cue_ok(m, c, ss)]
        strict = {c.start() for c in cues if _needs_no_that(m, c)}
        # "X quoted Y as saying ..."
        quoted_as = list(_QUOTED_AS_RE.finditer(m, ss, se)) if _may_quote_as(m, ss, se) else []
        has_according = m.find("ccording", ss, se) >= 0
        if not cues and not quoted_as and not has_according:
            continue  # nothing below can produce a statement
        taken = set()
        for qa in quoted_as:
            np_s, np_e = qa.start("np"), qa.end("np")
            npm = _RX41.sub("", m[np_s:np_e])
            np_s = np_e - len(npm) if npm else np_s
            cs, ce = _trim(art.text, qa.end(), se)
            cut = _CUT_RE.search(m, cs, ce)
            if cut:
                ce = _trim(art.text, cs, cut.start())[1]
            via_span = None
            pre = m[ss : qa.start()]
            vs = _subject(m, ss, qa.start())[0] if pre.strip() else None
            if vs:
                via_span = vs
            st = _Stmt(
                "indirect",
                cs,
                ce,
                (qa.start("cue"), qa.end("cue")),
                (np_s, np_e),
                (ss, se),
                "quoted_as_saying",
                0.8,
                via=via_span,
            )
            st.extra["quoted_as"] = True
            sent_stmts.append(st)
            for c in cues:
                if qa.start() <= c.start() < qa.end():
                    taken.add(c.start())
        prev_subj: tuple[int, int] | None = None
        sent_subjs: list[tuple[int, int, int]] = []  # (cue start, subject span)
        for c in cues:
            if c.start() in taken:
                continue
            lemma = _FORM2LEMMA.get(c.group(0).lower(), "say")
            wl = c.group(0).lower()
            before_txt = m[ss : c.start()]
            subj, appos = _subject(m, ss, c.start()) if before_txt.strip() else (None, "")
            if subj and not wl.endswith("ing"):
                sent_subjs.append((c.start(), subj[0], subj[1]))
            participle = wl.endswith("ing")
            coord = _RX42.search(before_txt) if _may_end_coordinated(before_txt) else None
            if participle or coord or (subj and m[subj[0] : subj[1]].lower() in {"and", "but"}):
                subj = None
            # post-posed attribution: "..., X said." / "..., said X."
            tail = m[c.end() : se]
            post = False
            inverted = False
            comma_before = before_txt.rstrip().endswith(",")
            seg_before = before_txt.rfind(",")
            tail_core = _RX43.split(tail, 1)[0] if "," in tail else tail
            if not participle and not coord and seg_before >= 0 and not _RX44.search(tail_core):
                between = m[ss + seg_before + 1 : c.start()]
                prev_chunk = before_txt[: before_txt.rstrip().rfind(",")]
                prev_chunk = prev_chunk[prev_chunk.rfind(",") + 1 :].strip().lower()
                if (
                    comma_before
                    and lemma in _INVERTIBLE
                    and _RX45.match(tail)
                    and not _RX46.match(prev_chunk)
                ):
                    inverted = not _FINITE_RE.search(tail.split(",", 1)[0])
                    post = inverted
                elif 0 < len(between.split()) <= 9 and not _RX47.search(between):
                    t2 = tail
                    if lemma in {"tell", "inform", "brief", "assure"}:
                        om = _RX48.match(t2)
                        t2 = t2[om.end() :] if om else t2
                    post = _adjunct_only(t2)
            if post:
                if inverted:
                    subj, appos = _np_after(m, c.end(), se)
                    cs_, ce_ = ss, ss + seg_before
                else:
                    subj, appos = _subject(m, ss + seg_before + 1, c.start())
                    cs_, ce_ = ss, ss + seg_before
                # the content must not itself hold an attributed statement
                cs_, ce_ = _trim(art.text, cs_, ce_)
                ac = _ACCORDING_RE.match(m, cs_)
                if ac:
                    com = m.find(",", ac.end(), ce_)
                    if com > 0:
                        cs_ = _trim(art.text, com, ce_)[0]
                if (
                    sent_stmts
                    or sent_subjs[:-1]
                    or any(_cue_ok(m, c2, ss) for c2 in art.cues(cs_, ce_) if c2.start() > cs_)
                ):
                    # an earlier statement in the sentence: this is a via / second attribution
                    if subj:
                        for st in sent_stmts:
                            o = art.outlet_at(*subj)
                            if o and st.via is None:
                                st.via = subj
                    continue
                if subj is None:
                    continue
                st = _Stmt(
                    "indirect",
                    cs_,
                    ce_,
                    (c.start(), c.end()),
                    subj,
                    (ss, se),
                    "postposed_cue",
                    0.75,
                    apposition=appos,
                )
                sent_stmts.append(st)
                prev_subj = subj
                continue
            if c.start() not in strict:
                if subj:
                    prev_subj = subj
                continue
            # content after the cue
            p = c.end()
            if lemma == "tell" or (
                lemma in {"inform", "brief", "assure", "warn"} and not wl.startswith("warn")
            ):
                om = _TOLD_OBJECT_RE.match(m[p:se])
                if om:
                    p += om.end()
            am = _ADJ_THAT_RE.match(m, p, se)
            am_q = None if am else _ADJ_QUOTE_RE.match(m, p, se)
            if am:
                p = am.end()
            elif am_q:
                p = am_q.end()
            elif lemma in _OBJECT_SET:
                pass
            else:
                am2 = _RX49.match(m[p:se])
                p += am2.end() if am2 else 0
            if _RX50.match(m[p:se]):
                continue
            if _adjunct_only(m[p:se]):
                continue
            cs_, ce_ = _trim(art.text, p, se)
            cut = _CUT_RE.search(m, cs_, ce_)
            if cut and cut.start() > cs_:
                ce_ = _trim(art.text, cs_, cut.start())[1]
            if lemma == "call" and not _RX51.match(m[c.end() : c.end() + 5]):
                pass
            if ce_ - cs_ < 3:
                if subj:
                    prev_subj = subj
                continue
            stmt = _Stmt(
                "indirect",
                cs_,
                ce_,
                (c.start(), c.end()),
                subj,
                (ss, se),
                "participle_cue" if participle else ("coordinated_cue" if coord else "subject_cue"),
                0.7 if subj else 0.55,
                apposition=appos,
            )
            if subj is None:
                if prev_subj is not None or sent_stmts:
                    stmt.subj_from = -1  # reuse previous statement's speaker in this sentence
                elif participle and c.start() - ss < 3:
                    stmt.extra["fronted"] = True
                elif participle:
                    sm = _SENT_SUBJ_RE.match(m, ss, c.start())
                    if not sm:
                        continue
                    stmt.subj = _subject(m, ss, ss + len(sm.group(1)))[0]
                    if stmt.subj is None:
                        continue
                    stmt.method = "participle_sentence_subject"
                    stmt.conf = 0.5
                else:
                    continue
            sent_stmts.append(stmt)
            if subj:
                prev_subj = subj
        # fronted participle ("Reiterating that X, the official said, ...")
        for _i, st in enumerate(sent_stmts):
            if st.extra.get("fronted"):
                nxt = [x for x in sent_subjs if x[0] > st.cue[1]]
                if nxt:
                    st.subj = (nxt[0][1], nxt[0][2])
                    com = m.rfind(",", st.start, nxt[0][1])
                    if com > st.start:
                        st.end = _trim(art.text, st.start, com)[1]
                    st.extra.pop("fronted")
        # according to X
        for ac in _ACCORDING_RE.finditer(m, ss, se) if has_according else ():
            npm = _RX52.match(m[ac.end() : se])
            if not npm:
                continue
            ns, ne = ac.end(), ac.end() + npm.end()
            np_txt = m[ns:ne]
            sub = _DOCUMENT_NP_RE.match(np_txt)
            o = art.outlet_at(ns, ne)
            src = (ns, ne)
            if sub and sub.end() < len(np_txt) and _RX53.search(sub.group(0)):
                src = (ns + sub.end(), ne)
            elif sub and _RX54.search(np_txt):
                continue
            head = _RX41.sub("", np_txt).split()
            if head and head[-1].lower() in {
                "rules",
                "data",
                "figures",
                "statistics",
                "law",
                "laws",
                "regulations",
                "records",
                "estimates",
                "documents",
                "schedule",
                "plan",
                "polls",
                "rule",
                "tradition",
                "legend",
                "reports",
            }:
                continue
            targets = [s2 for s2 in sent_stmts if not s2.extra.get("quoted_as")]
            if targets:
                if o:
                    for s2 in targets:
                        if s2.via is None:
                            s2.via = (o[0], o[1])
                continue
            # statement = rest of sentence
            if ac.start() - ss < 3:
                com = m.find(",", ne, se)
                if com < 0:
                    continue
                cs_, ce_ = _trim(art.text, com, se)
            else:
                cs_, ce_ = _trim(art.text, ss, ac.start())
            if ce_ - cs_ < 3 or _unquoted_words(art, cs_, ce_) < 3:
                continue
            sent_stmts.append(
                _Stmt(
                    "indirect", cs_, ce_, (ac.start(), ac.end()), src, (ss, se), "according_to", 0.7
                )
            )
        out.extend(sent_stmts)
    return out


_ADJ = r"(?:\s+(?:on|in|at|during|after|before|to|with|from|over|late|early|last|this)\b[^,.;\"“”_]{0,60}?)?"
_ADJ_THAT_RE = re.compile(_ADJ + r"\s*,?\s*that\b")
_ADJ_QUOTE_RE = re.compile(_ADJ + r"\s*[,:]?\s*(?=[\"“])")
_CONTEXT_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:[a-z]+ly\s+)?([a-z]+ed|[a-z]+s)\b")


def _partial_context(
    art: _Article,
    q: _Quote,
    qs: int,
    qe: int,
    sent: tuple[int, int],
    last_direct: _Stmt,
) -> _Stmt | None:
    """A partial quote attributed by context ("... for "X" who he defined as ...").

    The previous paragraph quotes the speaker and the quote's own sentence refers to them
    only by a personal pronoun with a verb.

    The sentence must have no reporting cue, no person name and no outlet outside the quote, so
    that the pronoun can only point back to the surrounding speaker.

    Returns:
        The partial statement, or None when the context does not support it.
    """
    ss, se = sent
    m = art.masked
    if art.cues(ss, se) or any(ss <= a < se for a, _b, _n in art.person_mentions):
        return None
    if any(o[0] < se and o[1] > ss for o in art.outlets):
        return None
    pm = None
    for mt in _CONTEXT_PRONOUN_RE.finditer(m, ss, se):
        if mt.start() >= q.close_pos:  # the pronoun speaks about the quoted fragment
            pm = mt
            break
    if pm is None or len(m[ss : q.open_pos].split()) < 2:
        return None
    prev = last_direct.subj
    if prev is not None:
        want = _PRONOUNS.get(m[prev[0] : prev[1]].strip().lower())
        got = _PRONOUNS.get(pm.group(0).split()[0].lower())
        if want in {"m", "f"} and want != got:
            return None
    stmt = _Stmt(
        "partial",
        qs,
        qe,
        (pm.start(1), pm.end(1)),
        last_direct.subj,
        sent,
        "partial-context",
        0.5,
        apposition=last_direct.apposition,
    )
    stmt.extra["prev"] = last_direct
    stmt.subj_from = -2
    return stmt


def _direct(art: _Article, indirect: list[_Stmt]) -> list[_Stmt]:
    """Attribute each quotation-marked span: direct quote, partial quote or skip."""
    m = art.masked
    out: list[_Stmt] = []
    by_para: dict[int, list[_Quote]] = {}
    for q in art.quotes:
        by_para.setdefault(q.para, []).append(q)
    last_direct: _Stmt | None = None
    last_direct_para = -10
    for qi, q in enumerate(art.quotes):
        ss, se, _ = _sentence_of(art, q.open_pos)
        para_quotes = by_para[q.para]
        k = para_quotes.index(q)
        nxt_open = para_quotes[k + 1].open_pos if k + 1 < len(para_quotes) else art.paras[q.para][1]
        prv_close = para_quotes[k - 1].close_pos + 1 if k > 0 else art.paras[q.para][0]
        qs, qe = _trim_quote(art.text, q.start, q.end)
        if qe <= qs:
            continue
        stmt: _Stmt | None = None
        # 1) attribution after the quote
        after_lo = q.close_pos + 1 if q.closed else q.end
        after_hi = min(nxt_open, max(se, after_lo))
        frag = m[after_lo:after_hi]
        am = _RX55.match(frag)
        start_np = after_lo + am.end()
        if q.closed:
            stmt = _after_attr(art, q, qs, qe, start_np, after_hi, (ss, se))
            lead_txt = m[max(ss, prv_close) : q.open_pos].rstrip()
            if (
                stmt is not None
                and len(_RX56.findall(lead_txt)) >= 3
                and lead_txt[-1:] not in ",:—–"
            ):
                stmt.kind = "partial"
                stmt.method = "partial_before_cue"
        # 2) attribution before the quote (same sentence)
        before = None
        lo = max(ss, prv_close)
        pre = m[lo : q.open_pos]
        for c in reversed(list(art.cues(lo, q.open_pos))):
            if not _cue_ok(m, c, lo if lo == ss else ss):
                continue
            tail = m[c.end() : q.open_pos]
            lemma = _FORM2LEMMA.get(c.group(0).lower(), "say")
            tl = tail.strip()
            ok = (
                len(tail.split()) <= 9
                and (
                    tl == ""
                    or tl.endswith((",", ":", "that", "—"))
                    or lemma == "tell"
                    and len(tail.split()) <= 4
                )
                and not _RX57.search(tl[:-4] if tl.endswith("that") else tl)
            )
            if not ok:
                break
            wl = c.group(0).lower()
            subj, appos = (None, "")
            if m[lo : c.start()].strip() and not wl.endswith("ing"):
                subj, appos = _subject(m, lo, c.start())
            before = _Stmt(
                "direct",
                qs,
                qe,
                (c.start(), c.end()),
                subj,
                (ss, se),
                "cue_before_quote",
                0.85,
                apposition=appos,
            )
            if subj is None:
                # participle/coordination: speaker of the previous statement in the sentence
                prev = [s2 for s2 in out + indirect if s2.sent[0] == ss and s2.cue[0] < c.start()]
                if prev:
                    before.subj_from = -2
                    before.extra["prev"] = max(prev, key=lambda s2: s2.cue[0])
                elif pre.strip() == "" or wl.endswith("ing"):
                    before = None
                else:
                    before = None
            break
        if stmt is not None and before is not None:
            sp_type = (
                _classify(art, m[stmt.subj[0] : stmt.subj[1]], *stmt.subj)[1] if stmt.subj else ""
            )
            if sp_type == "media":
                before.via = stmt.subj
                stmt = before
        elif stmt is None and before is not None:
            stmt = before
        if stmt is None:
            # 3) previous paragraph ends with "X said:" / colon intro in same paragraph
            ps = art.paras[q.para][0]
            if q.open_pos - ps < 3 and q.para > 0:
                pps, ppe = art.paras[q.para - 1]
                if m[ppe - 1] == ":":
                    c = None
                    for c2 in art.cues(pps, ppe):
                        if _cue_ok(m, c2, pps):
                            c = c2
                    if c is not None and len(m[c.end() : ppe].split()) <= 6:
                        subj, appos = _subject(m, _sentence_of(art, c.start())[0], c.start())
                        if subj:
                            stmt = _Stmt(
                                "direct",
                                qs,
                                qe,
                                (c.start(), c.end()),
                                subj,
                                (ss, se),
                                "cue_previous_paragraph",
                                0.75,
                                apposition=appos,
                            )
        if stmt is None:
            # 4) partial quote inside reported speech
            host = [
                s2
                for s2 in indirect
                if s2.start <= q.open_pos and q.end <= s2.end + 2 and s2.sent[0] == ss
            ]
            if not host:
                host = [s2 for s2 in indirect if s2.sent[0] == ss]
            if host:
                h = host[0]
                stmt = _Stmt(
                    "partial",
                    qs,
                    qe,
                    h.cue,
                    h.subj,
                    (ss, se),
                    "partial_in_reported_speech",
                    0.7,
                    subj_from=h.subj_from,
                    apposition=h.apposition,
                )
                stmt.extra["host"] = h
                stmt.via = h.via
        if stmt is None and last_direct is not None:
            # 5) continuation of the previous speaker: quote opens a paragraph/sentence
            starts_para = q.open_pos - art.paras[q.para][0] < 3
            prev_unclosed = qi > 0 and not art.quotes[qi - 1].closed
            same_para = last_direct_para == q.para
            if (starts_para and (q.para - last_direct_para <= 1 or prev_unclosed)) or (
                same_para and q.open_pos - ss < 3
            ):
                stmt = _Stmt(
                    "direct",
                    qs,
                    qe,
                    last_direct.cue,
                    last_direct.subj,
                    (ss, se),
                    "continuation",
                    0.6,
                    apposition=last_direct.apposition,
                )
                stmt.extra["prev"] = last_direct
                stmt.subj_from = -2
        if stmt is None and last_direct is not None and q.para - last_direct_para == 1:
            # 6) a quoted fragment in a sentence with no reporting verb but a personal pronoun
            # for the speaker of the previous paragraph's quote ("... for "X" who he defined
            # as ..."): a partial quote of that speaker, with lower confidence.
            stmt = _partial_context(art, q, qs, qe, (ss, se), last_direct)
        if stmt is None:
            continue
        if stmt.kind == "direct":
            # a short quote embedded mid-sentence without a comma/colon intro is partial
            intro = m[max(ss, q.open_pos - 3) : q.open_pos].strip()
            if (
                stmt.method == "cue_before_quote"
                and intro
                and intro[-1:] not in ",:—"
                and not intro.endswith("at")
            ):
                words_after = m[q.close_pos + 1 : se].strip(" .,")
                if len(words_after.split()) > 2 and not _RX58.match(words_after):
                    stmt.kind = "partial"
            last_direct = stmt
            last_direct_para = q.para
        out.append(stmt)
    return out


def _trim_quote(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


_NAME_SAID_RE = re.compile(
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+(?:said|says|added|told|wrote)\b"
)


def _after_attr(
    art: _Article, q: _Quote, qs: int, qe: int, lo: int, hi: int, sent: tuple[int, int]
) -> _Stmt | None:
    """Parse '..." X said' / '..." said X' / '..." the paper quoted X as saying'."""
    m = art.masked
    frag = m[lo:hi]
    if (
        not frag.strip()
        or frag[:1].isupper()
        and m[q.close_pos - 1] == "."
        and not _NAME_SAID_RE.match(frag)
    ):
        return None
    qa = _QUOTED_AS_RE.search(m, lo, hi) if _may_quote_as(m, lo, hi) else None
    if qa is not None and len(m[lo : qa.start()].split()) > 6:
        qa = None
    if qa is not None:
        np_s, np_e = qa.start("np"), qa.end("np")
        via = _subject(m, lo, qa.start())[0] if m[lo : qa.start()].strip() else None
        st = _Stmt(
            "direct",
            qs,
            qe,
            (qa.start("cue"), qa.end("cue")),
            (np_s, np_e),
            sent,
            "quoted_as_saying",
            0.85,
            via=via,
        )
        return st
    for c in art.cues(lo, hi):
        if not _cue_ok(m, c, lo):
            continue
        pre = m[lo : c.start()]
        if len(pre.split()) > 12 or _RX60.search(pre):
            return None
        wl = c.group(0).lower()
        if not pre.strip():
            if wl.endswith("ing"):
                return None
            subj, appos = _np_after(m, c.end(), hi)
            if subj is None:
                return None
            return _Stmt(
                "direct",
                qs,
                qe,
                (c.start(), c.end()),
                subj,
                sent,
                "cue_after_quote_inverted",
                0.85,
                apposition=appos,
            )
        subj, appos = _subject(m, lo, c.start())
        if subj is None:
            return None
        return _Stmt(
            "direct",
            qs,
            qe,
            (c.start(), c.end()),
            subj,
            sent,
            "cue_after_quote",
            0.9,
            apposition=appos,
        )
    return None


_VIA_CUE_RE = re.compile(
    r"\b(?:told|telling|tells|speaking\s+to|spoke\s+to|talking\s+to|said\s+to|interview\s+with|"
    r"interviewed\s+by|quoted\s+by|reported\s+by|according\s+to|cited\s+by|wrote\s+in|writing\s+in|"
    r"published\s+by|statement\s+to)\s+"
)


_OUTLET_NOUN_RE = re.compile(r"\b(?:newspaper|agency|daily|paper|broadcaster|channel|website)\b")


_VIA_CUE_NB_RE = re.compile(_VIA_CUE_RE.pattern.removeprefix(r"\b"))


def _via_in_sentence(art: _Article, st: _Stmt) -> tuple[int, int, str] | None:
    """Find an intermediary outlet for a statement within its sentence."""
    m = art.masked
    ss, se = st.sent
    if st.via is not None:
        vs, ve = st.via
        o = art.outlet_at(vs, ve)
        if o:
            return o[0], o[1], o[2]
        g = _GENERIC_OUTLET_RE.search(m, vs, ve + 1) or _OUTLET_NOUN_RE.search(m[vs:ve])
        if g:
            noun = g.group("noun") if hasattr(g, "re") and "noun" in g.re.groupindex else g.group(0)
            name = art.resolve_generic_outlet(noun, vs)
            if name:
                return vs, ve, name
    for pos in art.via_cue_ends(ss, se):
        o = next((o for o in art.outlets if pos - 1 <= o[0] <= pos + 30), None)
        if o and not _RX61.search(m[pos : o[0]]):
            return o[0], o[1], o[2]
        g = _GENERIC_OUTLET_RE.match(m, pos)
        if g:
            name = art.resolve_generic_outlet(g.group("noun"), pos)
            if name:
                return g.start(), g.end(), name
    # "<Outlet> reported/reports/quoted ..." elsewhere in the sentence
    for o in art.outlets:
        if (
            ss <= o[0] < se
            and (st.subj is None or not (o[0] < st.subj[1] and o[1] > st.subj[0]))
            and _RX62.match(m[o[1] : o[1] + 40])
        ):
            return o[0], o[1], o[2]
    for g in art.generic_outlets(ss, se):
        if _RX63.match(m[g.end() : g.end() + 20]):
            name = art.resolve_generic_outlet(g.group("noun"), g.start())
            if name:
                return g.start(), g.end(), name
    return None


def _resolve(art: _Article, stmts: list[_Stmt]) -> None:
    """Fill speaker / speaker_type / via for all statements, in text order."""
    m = art.masked
    blocks: list[tuple[int, int, tuple[int, int, str]]] = []
    for pi, (ps, pe) in enumerate(art.paras):
        # a block head ends with ":" (only whitespace after it): test that before the regex
        may_head = m[pe - 1] == ":" or m[pe - 1].isspace()
        bm = _BLOCK_HEAD_RE.match(m[ps:pe]) if may_head else None
        if bm:
            o = art.outlet_at(ps + bm.start("src"), ps + bm.end("src"))
            if o:
                end_para = min(len(art.paras) - 1, pi + 4)
                blocks.append((pi, end_para, (o[0], o[1], o[2])))
    resolved: list[tuple[int, str, str, str, set[str]]] = []  # (pos, speaker, type, gender, ctx)
    genders: dict[str, str] = {n: e.gender for n, e in art.persons.items()}
    stmts.sort(key=lambda s: (s.cue[0] if s.subj_from is None else s.start, s.start))
    for st in stmts:
        ref: _Stmt | None = st.extra.get("prev") or (
            st.extra.get("host") if st.subj_from is not None else None
        )
        if st.subj_from is not None and ref is None:
            cands = [
                s2 for s2 in stmts if s2.sent == st.sent and s2.speaker and s2.cue[0] < st.cue[0]
            ]
            ref = cands[-1] if cands else None
        if st.subj_from is not None and ref is not None and ref.speaker:
            st.speaker, st.speaker_type = ref.speaker, ref.speaker_type
            if st.subj is None:
                st.subj = ref.subj
            if st.via is None and ref.extra.get("via_res"):
                st.extra["via_res"] = ref.extra["via_res"]
                st.extra["via_inherited"] = True
            _finish_via(art, st, blocks)
            continue
        if st.subj is None:
            st.speaker, st.speaker_type = "", "unknown"
            _finish_via(art, st, blocks)
            continue
        ms, me = st.subj
        mention = m[ms:me]
        low = mention.lower().strip()
        pron = _PRONOUNS.get(low)
        spk, typ, gen = "", "unknown", ""
        if pron:
            want = {"m": "m", "f": "f"}.get(pron, "")
            if pron in {"m", "f"}:
                best = None
                for _ps, pe_, name in reversed(art.person_mentions):
                    if pe_ > ms:
                        continue
                    g = genders.get(name, "")
                    if art.persons.get(name) and art.persons[name].kind != "person":
                        continue
                    if g and want and g != want:
                        continue
                    best = name
                    break
                cand_spk = [
                    r
                    for r in resolved
                    if r[2] == "person" and r[0] < ms and (not want or r[3] in {"", want})
                ]
                if best is None and cand_spk:
                    best = cand_spk[-1][1]
                anon = [r for r in resolved if r[2] == "anonymous" and r[0] < ms]
                if best is None and anon:
                    spk, typ = anon[-1][1], "anonymous"
                elif best:
                    spk, typ = best, "person"
                    if best and want and not genders.get(best):
                        genders[best] = want
            elif pron == "p" or pron == "n":
                cand = [
                    r
                    for r in resolved
                    if r[2] in {"institution", "anonymous", "media"} and r[0] < ms
                ]
                if cand:
                    spk, typ = cand[-1][1], cand[-1][2]
        else:
            spk, typ, gen = _classify(art, mention, ms, me)
            first = low.split()[0] if low.split() else ""
            if typ in {"anonymous", "unknown", "institution"} and first in {
                "the",
                "a",
                "an",
                "this",
                "that",
            }:
                np_ctx = _content_words(_RX64.split(mention)[0])
                head_part = _RX65.split(low)[0]
                words_l = [w for w in _RX66.findall(head_part) if w not in _STOP]
                headw = words_l[-1] if words_l else ""
                headw = (
                    headw[:-1]
                    if len(headw) > 3 and headw.endswith("s") and not headw.endswith("ss")
                    else headw
                )
                best = None
                best_score = 0
                org_head = headw in _ORG_WORDS or headw in _COUNTRIES
                for name, ent in art.persons.items():
                    if org_head:
                        break
                    if ent.kind != "person" or not ent.positions or min(ent.positions) > ms + 400:
                        continue
                    ov = len(np_ctx & ent.context)
                    full = np_ctx and np_ctx <= ent.context
                    if first in {"a", "an"} and not full:
                        continue
                    if ov >= 2 or (ov >= 1 and headw in ent.context) or full:
                        score = ov + (1 if full else 0)
                        if score > best_score:
                            best, best_score = (name, "person"), score
                if first in {"the", "this", "that"}:
                    for pos, name, t, _g, ctx in reversed(resolved):
                        if pos >= ms or t == "person":
                            continue
                        ov = len(np_ctx & ctx)
                        if (ov >= 1 and headw in ctx) and ov > best_score:
                            best, best_score = (name, t), ov
                if best is None and first in {"a", "an"} and typ == "anonymous":
                    best = _cataphor(art, st, ms, me, np_ctx, headw)
                if best:
                    spk, typ = best
                    st.extra["anaphor"] = True
        if spk:
            ctx = _content_words(mention) | _content_words(st.apposition)
            if typ == "person" and spk in art.persons:
                art.persons[spk].context |= ctx
            resolved.append((ms, spk, typ, genders.get(spk, gen), ctx))
        st.speaker, st.speaker_type = spk, typ if spk else "unknown"
        _finish_via(art, st, blocks)


_ANONYMITY_RE = re.compile(
    r"\b(?:unnamed|anonymous|anonymity|unidentified|not authori[sz]ed|"
    r"declined to be (?:named|identified)|asked not to be (?:named|identified)|"
    r"(?:requested|requesting|spoke on condition of) anonymity)\b",
    re.I,
)
_GENERIC_MODIFIERS = frozenset(
    {"senior", "top", "high", "ranking", "high-ranking", "leading", "key"}
)
_CATAPHOR_WINDOW = 500


def _cataphor(art: _Article, st: _Stmt, ms: int, me: int, np_ctx: set[str], headw: str):
    """Resolve a lede's indefinite description to the person the next sentences name.

    News ledes often introduce a source by role and name them in the following sentence
    ("A senior [nation] official confirmed ... . [Title] [Name] told ..."). An indefinite
    description with no anonymity marker in its sentence resolves to the first titled person
    named within :data:`_CATAPHOR_WINDOW` characters after it whose context contains every
    specific modifier of the description (e.g. the nationality), never to a person named before.
    """
    sent = art.masked[st.sent[0] : st.sent[1]]
    if _ANONYMITY_RE.search(sent):
        return None
    specific = {
        w for w in np_ctx if w not in _GENERIC_MODIFIERS and w != headw and w.rstrip("s") != headw
    }
    if not specific:
        return None
    best = None
    for name, ent in art.persons.items():
        if ent.kind != "person" or not ent.positions:
            continue
        first_pos = min(ent.positions)
        if first_pos <= me or first_pos > me + _CATAPHOR_WINDOW:
            continue
        if not (ent.context & _TITLE_WORDS) or not specific <= ent.context:
            continue
        if best is None or first_pos < best[0]:
            best = (first_pos, name)
    return (best[1], "person") if best else None


def _finish_via(art: _Article, st: _Stmt, blocks: list) -> None:
    if "via_res" in st.extra and st.via is None:
        return
    v = _via_in_sentence(art, st)
    if v is None:
        for pi0, pi1, o in blocks:
            if art.paras[pi0][1] < st.start and st.start < art.paras[pi1][1]:
                # a later block header closes this one
                later = [b for b in blocks if art.paras[pi0][1] < art.paras[b[0]][0] <= st.start]
                if not later:
                    v = o
    if v is not None and st.speaker_type == "media" and v[2] == st.speaker:
        v = None
    if v is not None:
        st.extra["via_res"] = v


def _inherit_vias(stmts: list[_Stmt]) -> None:
    """Pronoun/continuation statements of the same speaker inherit a nearby via."""
    last: dict[str, tuple[int, tuple]] = {}
    for st in sorted(stmts, key=lambda s: s.start):
        v = st.extra.get("via_res")
        if v is not None:
            last[st.speaker] = (st.start, v)
            continue
        mention_is_pron = (
            st.method in {"continuation"} or st.extra.get("pronoun") or st.extra.get("anaphor")
        )
        if st.speaker in last and mention_is_pron and st.start - last[st.speaker][0] < 700:
            st.extra["via_res"] = last[st.speaker][1]


def extract_quotes(text: str) -> pd.DataFrame:
    """Extract attributed statements (direct, indirect and partial quotes) from one article.

    Args:
        text: article text; offsets in the output index into this exact string.

    Returns:
        DataFrame with columns :data:`QUOTE_COLUMNS`, one row per statement, sorted by start.
    """
    return _frame_from_columns(quote_columns(text))


def quote_columns(text: str) -> dict[str, list]:
    """The rows of :func:`extract_quotes` as plain Python column lists, before any DataFrame.

    For callers that gather many articles into one frame (the corpus loader builds one per
    chunk of articles instead of one per article).

    Args:
        text: article text; offsets in the output index into this exact string.

    Returns:
        A dict with the keys of :data:`QUOTE_COLUMNS`, in that order (the final frame's column
        order), each a list with one value per statement, sorted like the frame's rows. The
        values are the frame's values as Python objects: ``str`` for text columns, ``int`` for
        offsets (-1 when absent) and ``float`` for ``confidence``; the frame builder
        (:func:`_frame_from_columns`) converts them to the columns' dtypes.
    """
    if not isinstance(text, str) or not text.strip():
        return {c: [] for c in QUOTE_COLUMNS}
    art = _Article(text)
    ind = _indirect(art)
    direct = _direct(art, ind)
    # indirect statements whose content is (mostly) a quotation are represented by the quote
    keep_ind = [
        s
        for s in ind
        if _unquoted_words(art, s.start, s.end) >= 5 or "_" not in art.masked[s.start : s.end]
    ]
    stmts = direct + keep_ind
    _resolve(art, direct + ind)
    for st in stmts:
        if st.subj and art.masked[st.subj[0] : st.subj[1]].lower().strip() in _PRONOUNS:
            st.extra["pronoun"] = True
    _inherit_vias(stmts)
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


def _str_array(vals: list[str]):
    """A column of Python strings as the array pandas would infer for it (``str`` dtype)."""
    if _STR_DTYPE is np.dtype(object):  # pragma: no cover - pandas < 3
        return np.array(vals, dtype=object)
    if getattr(_STR_DTYPE, "storage", None) == "pyarrow":
        import pyarrow as pa

        # The public constructor from an Arrow array: ~3x faster than pd.array(list).
        return pd.arrays.ArrowStringArray(
            pa.chunked_array([pa.array(vals, type=pa.large_string())]), dtype=_STR_DTYPE
        )
    return pd.array(vals, dtype=_STR_DTYPE)  # pragma: no cover - python string storage


def _frame_from_columns(cols: dict[str, list]) -> pd.DataFrame:
    """Build the quotes frame from column lists, with each column's final dtype up front."""
    arrays = []
    for c in QUOTE_COLUMNS:
        vals = cols[c]
        if c in _INT_COLS:
            arrays.append(np.array(vals, dtype="int64"))
        elif c == "confidence":
            arrays.append(np.array(vals, dtype="float64"))
        else:
            arrays.append(_str_array(vals))
    n = len(cols[QUOTE_COLUMNS[0]])
    try:  # skips per-column inference and checks: ~2x faster for small frames
        return pd.DataFrame._from_arrays(
            arrays, columns=_QUOTE_INDEX, index=pd.RangeIndex(n), verify_integrity=False
        )
    except (AttributeError, TypeError):  # pragma: no cover - private pandas API changed
        return pd.DataFrame(dict(zip(QUOTE_COLUMNS, arrays, strict=True)), columns=QUOTE_COLUMNS)
