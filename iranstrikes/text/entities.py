"""Clustering the mentions of one article into entities ("who is this?").

What belongs here: the rules that tie a mention to an entity, in text order, each recorded in
``Mention.rule``:

* ``exact-name`` / ``surname`` / ``first-name`` / ``fuller-name``: the same person named again,
  fully or in part ("Anna Berg" ... "Berg"; "Obama" ... "Barack Obama");
* ``apposition``: "X, the spokeswoman," and "the spokeswoman, X,"; titles before a name
  ("spokeswoman X") become the entity's context;
* ``description-context``: a definite description whose head the story has attached to a
  person ("the minister" after "Minister X");
* ``repeated-description``: the same description again ("a senior official" ... "the senior
  official");
* ``cataphora``: a lede's indefinite description ("a senior Iranian official") tied to the
  titled person named just after it whose titles contain all its specific words, when its
  sentence has no anonymity marker;
* ``pronoun-subject`` / ``pronoun-recent``: a pronoun to the agreeing (gender, number)
  entity, preferring the subject of the current or the previous sentence over the last string;
* ``outlet`` / ``organisation`` / ``state``: one entity per canonical outlet or organisation.

Pure functions of the mention list; no entity ever spans two articles.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from .. import resources as _resources
from .fronted import _LazyFronted
from .mentions import _PREPOSITIONS, Mention, _lex, is_nationality
from .person_evidence import after_the, no_person_evidence

#: Entity kinds.
ENTITY_KINDS = ("person", "anonymous", "organisation", "state", "media", "unknown")

_ANONYMITY_RE = re.compile(
    r"\b(?:unnamed|anonymous|anonymity|unidentified|not authori[sz]ed|declined to be "
    r"(?:named|identified)|asked not to be (?:named|identified))\b",
    re.IGNORECASE,
)
_GENERIC = frozenset(
    [
        "a",
        "an",
        "the",
        "one",
        "senior",
        "top",
        "high",
        "ranking",
        "high-ranking",
        "leading",
        "key",
        "former",
        "current",
    ]
)
_CATAPHOR_WINDOW = 500
#: A definite apposition right after a name, its head last ("Karl Holm, the official,").
_APPOSITION_THE_RE = re.compile(r",\s+the\s+(?:[\w'’-]+\s+){0,3}?([\w'’-]+)\s*[,.;]")
_PRONOUN_SENTENCES = 2  # how many sentences back a pronoun looks for its antecedent


@dataclass(slots=True)
class Entity:
    """A cluster of mentions that refer to one person, group, organisation or outlet.

    Attributes:
        id: index in ``TextModel.entities``.
        kind: one of :data:`ENTITY_KINDS`.
        name: canonical name within the article (the fullest name; for unnamed sources the
            most specific description; for outlets the canonical outlet name).
        mentions: indices into ``TextModel.mentions``, in text order.
        gender: "m", "f", "n" or "".
        number: "s" or "p".
        context: lower-cased title and description words the story attaches to it.
    """

    id: int
    kind: str
    name: str
    mentions: list[int] = field(default_factory=list)
    gender: str = ""
    number: str = "s"
    context: set[str] = field(default_factory=set)

    @property
    def first(self) -> int:
        """Index of the first mention."""
        return self.mentions[0]


def _desc_kind(m: Mention) -> str:
    lx = _lex()
    if m.head in lx["org"]:
        return "organisation"
    if m.head in lx["anon"] or m.head in lx["groups"] or m.head in lx["titles"]:
        return "anonymous"
    return "unknown"


def cluster(
    mentions: list[Mention],
    text: str,
    sent_spans: list[tuple[int, int]],
    openings: tuple[int, ...] = (),
) -> list[Entity]:
    """Tie every mention to an entity (sets ``Mention.entity`` and ``Mention.rule``).

    ``openings``: where datelines end (a sentence's own words start there).
    """
    ents: list[Entity] = []
    by_name: dict[str, int] = {}
    by_last: dict[str, list[int]] = {}
    by_first: dict[str, set[int]] = {}
    by_org: dict[str, int] = {}
    descs: dict[tuple[str, frozenset[str]], int] = {}

    def new(mi: int, kind: str, name: str) -> int:
        m = mentions[mi]
        e = Entity(len(ents), kind, name, [mi], m.gender, m.number, _full_titles(m.titles))
        ents.append(e)
        m.entity, m.rule = e.id, "new"
        return e.id

    def join(mi: int, eid: int, rule: str) -> None:
        m = mentions[mi]
        e = ents[eid]
        e.mentions.append(mi)
        if m.kind != "pronoun" and m.titles:
            e.context |= _full_titles(m.titles)
        if m.gender and not e.gender and m.kind != "pronoun":
            e.gender = m.gender
        m.entity, m.rule = eid, rule

    def index_name(eid: int, name: str) -> None:
        toks = name.split()
        by_name[name] = eid
        if len(toks) >= 2:
            by_last.setdefault(toks[-1], []).append(eid)
            by_first.setdefault(toks[0], set()).add(eid)

    fronted: _LazyFronted | None = None  # per sentence, where a fronted phrase ends (pronouns)
    no_subject: dict[int, bool] = {}  # per mention index, ``_no_subject`` (read once)
    weak: dict[tuple[int, int], bool] = {}  # (entity, its mention count) -> no person evidence
    for mi, m in enumerate(mentions):
        if m.kind == "outlet":
            eid = by_org.get("outlet:" + m.name)
            if eid is None:
                by_org["outlet:" + m.name] = new(mi, "media", m.name)
            else:
                join(mi, eid, "outlet")
        elif m.kind in {"organisation", "state"}:
            key = m.kind + ":" + m.name.casefold()
            eid = by_org.get(key)
            if eid is None:
                by_org[key] = new(mi, m.kind, m.name)
            else:
                join(mi, eid, m.kind)
        elif m.kind in {"name", "title_name"}:
            _name(m, mi, ents, by_name, by_last, by_first, new, join, index_name)
            _apposition(mentions, mi, text, join, ents)
        elif m.kind == "description" and m.entity < 0:
            key = (m.head, frozenset(m.titles - _GENERIC))
            eid = descs.get(key) if m.definite or key[1] else None
            if eid is not None:
                join(mi, eid, "repeated-description")
                continue
            if m.definite:
                eid = _by_context(mentions, mi, ents)
                if eid is not None:
                    join(mi, eid, "description-context")
                    continue
            eid = new(mi, _desc_kind(m), _clean(m.text))
            descs[key] = eid
        elif m.kind == "pronoun":
            if fronted is None:
                fronted = _LazyFronted(text, sent_spans, openings)
                # the mentions a pronoun can refer back to: in the body, outside quotations
                # (both fixed before clustering), by index
                body = [
                    k for k, mk in enumerate(mentions) if mk.region == "body" and not mk.in_quote
                ]
                body_sent = [mentions[k].sentence for k in body]
            eid, rule = _pronoun(
                mentions, mi, ents, text, fronted, no_subject, body, body_sent, weak
            )
            if eid is not None:
                join(mi, eid, rule)
                e = ents[eid]
                # (a pronoun inside a quotation teaches no gender: '“... trust her,” X said'
                # is rarely X, and one wrong link would bar "he" from X for the whole story)
                if m.gender in {"m", "f"} and not e.gender and not m.in_quote:
                    e.gender = m.gender
                if e.kind == "unknown" and m.gender in {"m", "f"}:
                    e.kind = "person"
    _cataphora(mentions, ents, text, sent_spans)
    return _compact(mentions, ents)


def _compact(mentions: list[Mention], ents: list[Entity]) -> list[Entity]:
    """Drop entities left without mentions and renumber the rest (in order of first mention)."""
    keep = [e for e in ents if e.mentions]
    keep.sort(key=lambda e: e.mentions[0])
    new_id = {e.id: i for i, e in enumerate(keep)}
    for i, e in enumerate(keep):
        e.id = i
    for m in mentions:
        if m.entity >= 0:
            m.entity = new_id.get(m.entity, -1)
    return keep


_LEAD_DET_RE = re.compile(r"^(?i:the|a|an|this|that|these|those|one)\s+")


def _clean(desc: str) -> str:
    return _LEAD_DET_RE.sub("", desc.strip())


def _name(m, mi, ents, by_name, by_last, by_first, new, join, index_name) -> None:
    name = m.name
    toks = name.split()
    # "Cruz’s Iowa", "Monday’s Iowa": a possessive inside the run joins two names; it is
    # neither a fuller name of "Iowa" nor evidence of a person
    glued = ("’s" in name or "'s" in name) and any(t.endswith(("’s", "'s")) for t in toks[:-1])
    kind = (
        "person"
        if (m.kind == "title_name" or len(toks) >= 2) and not glued and m.number != "p"
        else "unknown"  # (a plural, "Muslim Americans", is a group: no person)
    )
    if name in by_name:
        eid = by_name[name]
        join(mi, eid, "exact-name")
        if kind == "person":
            ents[eid].kind = "person"
        return
    if len(toks) == 1:
        cands = by_last.get(toks[0]) or []
        if cands and m.gender in ("m", "f"):
            # "Mr. Clinton" after "Hillary Clinton": a gendered title joins no person of the
            # other gender (the text's gender, else a first name's); a new entity if none
            cands = [c for c in cands if _soft_gender(ents[c]) in ("", m.gender)]
            if not cands:
                eid = new(mi, "person", name)
                return
        if cands:
            # two people of one surname ("Dorothy Woods ... her husband, Ty Woods ... Woods
            # said"): the one the story has named most, the latest of equals
            best = cands[-1]
            if len(cands) > 1:
                best = max(cands, key=lambda c: (len(ents[c].mentions), cands.index(c)))
            join(mi, best, "surname")
            return
        firsts = by_first.get(toks[0]) or set()
        if len(firsts) == 1:
            join(mi, next(iter(firsts)), "first-name")
            return
    elif not glued:
        single = by_name.get(toks[-1])
        if single is not None and ents[single].kind in {"person", "unknown"}:
            e = ents[single]
            if len(e.name.split()) == 1:
                join(mi, single, "fuller-name")
                e.name, e.kind = name, "person"
                index_name(single, name)
                return
    eid = new(mi, kind, name)
    index_name(eid, name)


_APPOS_AFTER_RE = re.compile(r"\s*,\s*")
# between a description and the organisation it belongs to ("the director *of the* Centre")
_OF_ORG_RE = re.compile(r"\s+(?:of|for|at)\s+(?:the\s+)?")
_ORG_KINDS = {"organisation", "state", "outlet"}


#: Between a description and the name in apposition after it: a short place phrase of the
#: description ("the other candidate on the stage, X"), the comma, lower-case title words
#: of the name, any case ("..., former Mayor X", "..., former Secretary of State X").
_APPOS_BEFORE_GAP_RE = re.compile(
    r"(?:\s+(?:on|at|in|from)\s+(?:the\s+)?[a-z][\w’'-]*)?"
    # a second title of the same person ("the firm's president and chief executive, X")
    r"(?:\s+and\s+(?P<coord>(?:[a-z]+\s+){0,2}[a-z]+))?"
    r"\s*,\s*((?:[\w.-]+\s+){0,4})"
)


def _appos_gap(gap: str) -> bool:
    """True when ``gap`` is what may stand between a description and its name (see above)."""
    gm = _APPOS_BEFORE_GAP_RE.fullmatch(gap)
    if gm is None:
        return False
    titles = _lex()["titles"]
    if gm.group("coord") and not all(w in titles for w in gm.group("coord").split()):
        return False
    # ("former Secretary of State X": the name's mention starts after "of")
    return all(w.casefold().strip(".") in titles or w == "of" for w in gm.group(2).split())


def _apposition(mentions: list[Mention], mi: int, text: str, join, ents: list[Entity]) -> None:
    """Apposition ("X, the spokeswoman," / "the spokeswoman, X,"): the description joins X."""
    m = mentions[mi]
    eid = m.entity
    nxt = mentions[mi + 1] if mi + 1 < len(mentions) else None
    if (
        nxt is not None
        and nxt.kind == "description"
        and nxt.number == "s"
        and nxt.entity < 0
        and _APPOS_AFTER_RE.fullmatch(text[m.end : nxt.start])
        # (not "in New Hampshire, the Vermont senator said": a place is no person's name)
        and ents[eid].kind not in _THINGS
    ):
        join(mi + 1, eid, "apposition")
    prv = mentions[mi - 1] if mi > 0 else None
    if (
        prv is not None
        and prv.kind in _ORG_KINDS
        and mi > 1
        and mentions[mi - 2].kind == "description"
        and _OF_ORG_RE.fullmatch(text[mentions[mi - 2].end : prv.start])
    ):
        # "the director of the European Centre, X,": the description before the complement
        pi, prv, org_end = mi - 2, mentions[mi - 2], prv.end
    else:
        pi, org_end = mi - 1, prv.end if prv is not None else 0
    if (
        prv is not None
        and prv.kind == "description"
        and prv.definite
        and prv.number == "s"
        and _appos_gap(text[org_end : m.start])
        and text[m.end : m.end + 1] in {",", ""}
    ):
        old = prv.entity
        if old == eid:
            return
        if old >= 0:
            # the description opened an entity of its own a moment ago: move it over
            ents[old].mentions = [k for k in ents[old].mentions if k != pi]
        join(pi, eid, "apposition")
        ents[eid].mentions.sort()


_TITLE_ABBREVIATIONS = _resources.title_abbreviations()


def _full_titles(titles: frozenset[str]) -> set[str]:
    """A mention's titles with each abbreviation's full title too ("sen" -> "senator")."""
    if not titles:
        return set()
    return set(titles) | {_TITLE_ABBREVIATIONS[t] for t in titles if t in _TITLE_ABBREVIATIONS}


@functools.cache
def _title_hyponyms() -> dict[str, frozenset[str]]:
    """General role word -> the specific titles it can stand for (title_hypernyms.csv)."""
    out: dict[str, set[str]] = {}
    for r in _resources.table("title_hypernyms"):
        out.setdefault(r["general"], set()).add(r["specific"])
    return {k: frozenset(v) for k, v in out.items()}


def _by_context(mentions: list[Mention], mi: int, ents: list[Entity]) -> int | None:
    """A definite description to the most recent person whose context holds its head.

    The description's other words must be in that context too, except nationalities, and
    places ("the Vermont senator") when only one person so far holds the head.
    """
    m = mentions[mi]
    want = m.titles - _GENERIC
    places = {t for t in want if t in _lex()["countries"]}
    unverified = {t for t in want if is_nationality(t.title())}
    if places:  # (the holders matter only then)
        head = m.head
        holders = {
            mk.entity
            for mk in mentions[:mi]
            if mk.entity >= 0
            and ents[mk.entity].kind == "person"
            and head in ents[mk.entity].context
        }
        if len(holders) == 1:
            unverified |= places
    # the test reads only the entity: of the entities that pass it, the one whose latest
    # mention before this one is the latest, within 199 mentions back. (While clustering runs,
    # ``e.mentions`` are exactly the mentions tied to ``e``, all before this one but the next
    # mention an apposition tied ahead, hence the bound; ``e.id`` is its index in ``ents``.)
    rest = want - {m.head}
    head, number = m.head, m.number
    # ("the Cuban leader" after "President Fidel Castro": a general role word stands for the
    # titles it covers, resources/title_hypernyms.csv)
    covers = _title_hyponyms().get(head, frozenset()) | {head}
    best, best_at = None, (mi - 199 if mi > 199 else 0) - 1
    for e in ents:
        if e.kind != "person" or e.number != number or covers.isdisjoint(e.context):
            continue
        if rest <= e.context | unverified:
            at = max([j for j in e.mentions if j < mi], default=-1)
            if at > best_at:
                best, best_at = e.id, at
    return best


def _subject_of_sentence(mentions: list[Mention], lo: int, hi: int) -> int:
    """Index of the sentence's first mention not inside quotes or after a preposition."""
    for k in range(lo, hi):
        if (
            not mentions[k].in_quote
            and mentions[k].kind != "pronoun"
            or (mentions[k].kind == "pronoun" and "subject" in mentions[k].titles)
        ):
            return k
    return -1


_THINGS = frozenset({"organisation", "state", "media"})
_PEOPLE = frozenset({"person", "unknown", "anonymous"})


def _agreement(m: Mention):
    """A test ``e -> bool``: does entity ``e`` agree with pronoun ``m`` (gender, number)?

    "it" wants a singular organisation, state or outlet; a plural pronoun a plural entity or
    an organisation or state; any other pronoun a singular person, unnamed source or unknown
    whose gender does not clash. The tests that depend only on the pronoun are done once,
    and the test is made once per (head, number, gender), all it reads of the pronoun.
    """
    key = (m.head, m.number, m.gender)
    test = _AGREEMENT.get(key)
    if test is None:
        test = _AGREEMENT[key] = _agreement_test(m)
    return test


_AGREEMENT: dict[tuple[str, str, str], object] = {}


def _agreement_test(m: Mention):
    """The test :func:`_agreement` returns for pronoun ``m`` (built once per key)."""
    if m.head in {"it", "its", "itself"}:
        return lambda e: e.kind in _THINGS and e.number == "s"
    if m.number == "p":
        return lambda e: e.number == "p" or e.kind == "organisation"
    if m.head == "i":
        return lambda e: e.number != "p" and e.kind in _PEOPLE
    g = m.gender
    if g:
        return lambda e: e.number != "p" and e.kind in _PEOPLE and not (e.gender and e.gender != g)
    return lambda e: e.number != "p" and e.kind in _PEOPLE


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _no_subject(text: str, mk: Mention, fronted: dict[int, int]) -> bool:
    """True when the mention cannot be its sentence's subject, though it may come first.

    A possessive ("Trump's attorney"), an object after a preposition ("at the pier") or a
    mention inside a fronted phrase ("In Washington, ...").
    """
    if mk.start < fronted[mk.sentence]:
        return True
    if text.startswith(("'s", "’s"), mk.end) or mk.text.endswith(("'s", "’s")):
        return True
    # re.search(r"([A-Za-z]+)\s+$", text[max(0, start - 16) : start]).group(1), read
    # backwards: the ASCII letters before the blanks that end the window
    lo = mk.start - 16 if mk.start > 16 else 0
    j = mk.start
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == mk.start:
        return False
    i = j
    while i > lo and text[i - 1] in _ASCII_LETTERS:
        i -= 1
    return i < j and text[i:j].casefold() in _PREPOSITIONS


def _pronoun(
    mentions: list[Mention],
    mi: int,
    ents: list[Entity],
    text: str,
    fronted: dict[int, int],
    no_subject: dict[int, bool],
    body: list[int],
    body_sent: list[int],
    weak: dict[tuple[int, int], bool],
) -> tuple[int | None, str]:
    """The antecedent of a pronoun: subject of this or the previous sentence, else recency.

    The subject is the first mention of its sentence that is neither a possessive nor after
    a preposition ("In Washington, President X said ..." / "X's lawyer, Y, said ...").
    ``no_subject`` remembers :func:`_no_subject` per mention index (it reads only the text
    and the mention's offsets, which clustering never changes). ``body`` lists, in order, the
    indices of the mentions in the body and outside quotations (the only ones looked at);
    ``body_sent`` their sentences.

    The candidates: the agreeing mentions of this and the two previous sentences, at most 79
    mentions back; for "he" or "she", not a name that names a thing or shows no sign of a
    person (:mod:`.person_evidence`). The best score wins, then the latest mention. A subject (the first agreeing
    mention of its sentence that is no possessive or object) scores, in this sentence 4, in
    the one before 3, in the one before that 2; any other candidate 0; a gender match adds 1
    (it never lifts an older subject above a newer one). A subject's 2 or more beats any
    other candidate's 1 at most: so each sentence is read forwards up to its subject, and the
    other candidates count only when no sentence has one (then the latest with a gender
    match, else the latest, wins). A first name tied to the other gender
    (:func:`first_name_gender`) takes 3 from a candidate; when that leaves a he/she with no
    subject scoring 2, every candidate is scored as a whole (:func:`_scored_candidates`),
    where a first name tied to the pronoun's gender also adds 1.
    """
    m = mentions[mi]
    msent = m.sentence
    g = m.gender if m.gender in {"m", "f"} else None
    agrees = _agreement(m)
    floor = mi - 80
    hi = bisect.bisect_left(body, mi)  # body[:hi]: the mentions before the pronoun

    def no_subject_of(k: int) -> bool:
        ns = no_subject.get(k)
        if ns is None:
            ns = no_subject[k] = _no_subject(text, mentions[k], fronted)
        return ns

    def no_person(eid: int) -> bool:
        # (no_person_evidence of the entity's mentions so far, read once per count of them)
        e = ents[eid]
        key = (eid, len(e.mentions))
        np_ = weak.get(key)
        if np_ is None:
            np_ = weak[key] = no_person_evidence(e.name, mentions, e.mentions, text, no_subject_of)
        return np_

    def _thing_or_no_person(k: int, eid: int) -> bool:
        # (the cheap tests first: a name after "the", an entity of one word for evidence)
        mk = mentions[k]
        return (mk.kind == "name" and after_the(text, mk)) or (
            " " not in ents[eid].name and no_person(eid)
        )

    def candidate(k: int) -> Entity | None:
        eid = mentions[k].entity
        if eid < 0:
            return None
        if g is not None and _thing_or_no_person(k, eid):
            return None
        e = ents[eid]
        if not agrees(e):
            return None
        if e.kind == "unknown" and all(mentions[j].initial for j in e.mentions):
            return None  # a capitalised sentence opener ("Sales were great") is no antecedent
        if e.kind == "unknown" and len(e.name) > 1 and e.name.isupper():
            return None  # an acronym ("FBI", "NATO") names no person
        return e

    best_score, best_k = -1, -1
    pos = bisect.bisect_left(body_sent, msent - _PRONOUN_SENTENCES, 0, hi)
    while pos < hi:
        sk = body_sent[pos]
        k = body[pos]
        pos += 1
        if k <= floor:
            continue
        # (candidate(k), inlined: this loop runs for every mention a pronoun looks back at)
        eid = mentions[k].entity
        if eid < 0:
            continue
        e = ents[eid]
        if not agrees(e):
            continue
        if e.kind == "unknown":
            if candidate(k) is None:
                continue
        elif g is not None and _thing_or_no_person(k, eid):
            continue  # (candidate() tests that itself for an unknown one)
        if no_subject_of(k):
            continue
        # the sentence's subject: score it, then go on with the next sentence
        score = 4 - (msent - sk)
        if g is not None and e.kind == "person" and e.gender == g:
            score += 1
        elif g is not None and not e.gender and _name_gender(e) not in ("", g):
            # "Hillary Clinton said A. Donald Trump disagreed. She said B": a first name
            # strongly tied to the other gender (a soft hint: the text's evidence wins)
            score -= 3
        if score >= best_score:  # (a later subject wins a tie)
            best_score, best_k = score, k
        pos = bisect.bisect_left(body_sent, sk + 1, pos, hi)
    if g is not None and best_score < 2:
        # a first name tied to the other gender may have lowered a subject below the other
        # candidates, or lowers those: every candidate is scored as a whole
        best_score, best_k = _scored_candidates(
            hi, floor, msent, candidate, g, no_subject_of, body, body_sent
        )
        if best_k < 0:
            return None, ""
    elif best_k < 0:
        latest = -1
        for _bi, k, e in _candidates_back(hi, floor, msent, body, body_sent, candidate):
            if latest < 0:
                latest = k
                if g is None:
                    break  # no gender bonus: the latest candidate wins
            if e.kind == "person" and e.gender == g:
                best_score, best_k = 1, k
                break
        if best_k < 0:
            if latest < 0:
                return None, ""
            best_score, best_k = 0, latest
    if _coordinated_rival(mentions, best_k, ents, agrees, g, text):
        return None, ""  # "Karl Ode and Anna Berg met. She said ...": either could be meant
    return mentions[best_k].entity, "pronoun-subject" if best_score >= 2 else "pronoun-recent"


def _candidates_back(hi, floor, msent, body, body_sent, candidate):
    """(body index, mention, entity) of the pronoun's candidates, the latest first.

    Over the body mentions before ``hi``, at most 79 mentions and ``_PRONOUN_SENTENCES``
    sentences back; ``candidate`` gives a mention's entity when it may be the antecedent.
    """
    for bi in range(hi - 1, -1, -1):
        k = body[bi]
        if k <= floor or body_sent[bi] < msent - _PRONOUN_SENTENCES:
            return
        e = candidate(k)
        if e is not None:
            yield bi, k, e


def _scored_candidates(
    hi, floor, msent, candidate, g, no_subject_of, body, body_sent
) -> tuple[int, int]:
    """(best score, its mention) over every candidate, the latest winning a tie.

    A sentence's subject (its first candidate that is no possessive or object) scores 4, 3
    or 2 by how far back its sentence is, any other candidate 0; a gender match (of the text,
    or of a first name) adds 1, a first name tied to the other gender takes 5 (so that such a
    candidate never wins, see :func:`_pronoun`).
    """
    cands: list[tuple[int, int, Entity]] = []
    first_in_sent: dict[int, int] = {}
    for bi, k, e in _candidates_back(hi, floor, msent, body, body_sent, candidate):
        if not no_subject_of(k):
            first_in_sent[body_sent[bi]] = k  # (the first of its sentence, in the end)
        cands.append((k, body_sent[bi], e))
    best_score, best_k = -1, -1
    for k, sk, e in cands:  # (latest first: the first of equal scores is the latest)
        score = (4 - (msent - sk)) if first_in_sent.get(sk) == k else 0
        ng = "" if e.gender else _name_gender(e)
        if e.kind == "person" and (e.gender == g or ng == g):
            score += 1
        elif ng not in ("", g):
            # a first name tied to the other gender loses to any candidate without one
            # ("Hillary Clinton and Bernie Sanders ... her status": not Sanders)
            score -= 5
        if score > best_score:
            best_score, best_k = score, k
    return best_score, best_k


def first_name_gender(name: str) -> str:
    """The gender the first name of a full name (two words or more) is strongly tied to.

    "m", "f" or "" (``resources/first_names.csv``). A soft hint for pronoun agreement only,
    read by this module and the quote resolver; the text's own evidence always wins.
    """
    first, _, rest = name.partition(" ")
    return _resources.first_name_genders().get(first.lower(), "") if rest else ""


def _name_gender(e: Entity) -> str:
    """:func:`first_name_gender` of a person entity's name ("" for any other kind)."""
    return first_name_gender(e.name) if e.kind == "person" else ""


def _soft_gender(e: Entity) -> str:
    """The text's gender of an entity, else its first name's (:func:`_name_gender`)."""
    return e.gender or _name_gender(e)


def _coordinated_rival(
    mentions: list[Mention], k: int, ents: list[Entity], agrees, g: str | None, text: str
) -> bool:
    """True when the pronoun's best antecedent ``k`` has a rival it cannot be told from.

    The mention is coordinated with another agreeing person ("X and Y", either side) whom the
    pronoun's gender (or, as a soft hint, their first names') does not tell apart.
    """
    for j in (k + 1, k - 1):
        if not 0 <= j < len(mentions):
            continue
        a, b = (mentions[k], mentions[j]) if j > k else (mentions[j], mentions[k])
        if b.entity < 0 or a.entity < 0 or b.entity == a.entity:
            continue
        gap = b.start - a.end
        if (gap != 5 and gap != 3) or text[a.end : b.start] not in (" and ", " & "):
            continue
        ea, eb = ents[a.entity], ents[b.entity]
        if ea.kind != "person" or eb.kind != "person" or not (agrees(ea) and agrees(eb)):
            continue
        if g is None:
            return True
        # the text's gender, else a first name's (a soft hint), tells the two apart
        ga, gb = _soft_gender(ea), _soft_gender(eb)
        if (ga == g) == (gb == g):
            return True
    return False


#: A definite description's head and its comma right before a name ("said the aide, [Kari
#: Vik]"): the name's apposition, before it.
_THE_APPOSITION_BEFORE_RE = re.compile(r"\b[Tt]he\s+(?:[\w’'-]+\s+){0,2}?([\w-]+),\s+\Z")


def _cataphora(
    mentions: list[Mention], ents: list[Entity], text: str, sent_spans: list[tuple[int, int]]
) -> None:
    """A lede's indefinite description tied to the titled person named right after it."""
    lx = _lex()
    for mi, m in enumerate(mentions):
        if m.kind != "description" or m.definite or m.rule != "new" or m.sentence > 2:
            continue
        if m.number != "s" or m.text.split()[0].casefold() not in {"a", "an"}:
            continue  # only an indefinite singular ("a senior official") points ahead
        e = ents[m.entity]
        if len(e.mentions) > 1 and any(mentions[k].kind != "description" for k in e.mentions):
            continue
        ss, se = sent_spans[m.sentence]
        if _ANONYMITY_RE.search(text, ss, se):
            continue
        specific = {t for t in m.titles - _GENERIC if t != m.head}
        for k in range(mi + 1, len(mentions)):
            mk = mentions[k]
            if mk.start > m.end + _CATAPHOR_WINDOW:
                break
            if mk.kind not in ("title_name", "name") or mk.rule != "new":
                continue
            target = ents[mk.entity]
            ap = _APPOSITION_THE_RE.match(text, mk.end)
            if ap is None:
                ap = _THE_APPOSITION_BEFORE_RE.search(text, max(0, mk.start - 60), mk.start)
            if ap is not None and ap.group(1).casefold() == m.head and target.kind == "person":
                pass  # "A senior official said A. Karl Holm, the official, said B" (or "said
                # the official, Karl Holm"): the definite apposition points back to it
            elif not specific or mk.kind != "title_name":
                continue  # "an official": nothing ties it to one named person
            else:
                ctx = target.context | {t.casefold() for t in target.name.split()}
                words = {w for w in ctx if w in lx["titles"]}
                if not words or not specific <= ctx:
                    continue
            # move the description's mentions into the person
            for j in e.mentions:
                mentions[j].entity, mentions[j].rule = target.id, "cataphora"
            target.mentions = sorted(target.mentions + e.mentions)
            e.mentions = []
            e.kind = "unknown"
            break
