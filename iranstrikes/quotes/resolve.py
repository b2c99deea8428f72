"""Resolving speakers and intermediaries of the statements of one article.

What belongs here: ``via`` ("told Reuters", "as quoted by", outlet blocks) and its inheritance
through the story, speaker resolution to the fullest name (pronouns, descriptions, lede
cataphora) in :func:`_resolve`.
"""

from __future__ import annotations

import re

from .. import resources as _resources
from ..text.entities import first_name_gender
from ..text.mentions import is_past_form
from .article import (
    _SCAN_LIMIT,
    _Article,
)
from .companies import companies as _companies
from .documents import document_issuer
from .lexicon import (
    _COUNTRIES,
    _ORG_WORDS,
    _OUTLET_NOUN_RE,
    _PLURALS_WITHOUT_S,
    _PREPOSITIONS,
    _PRONOUNS,
    _RX61,
    _RX62,
    _RX63,
    _RX64,
    _RX65,
    _RX66,
    _STOP,
    _TITLE_WORDS,
)
from .noun_phrases import (
    _content_words,
)
from .outlets import (
    _BLOCK_HEAD_RE,
    _GENERIC_OUTLET_RE,
)
from .pairs import named_pair
from .segment import (
    _Stmt,
    sentences_back,
)
from .speaker_types import _classify


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
        o = next(iter(art.outlets_between(pos - 1, pos + 30)), None)
        if o and not _RX61.search(m[pos : o[0]]):
            return o[0], o[1], o[2]
        g = _GENERIC_OUTLET_RE.match(m, pos)
        if g:
            name = art.resolve_generic_outlet(g.group("noun"), pos)
            if name:
                return g.start(), g.end(), name
    # "<Outlet> reported/reports/quoted ..." elsewhere in the sentence
    for o in art.outlets_between(ss, se):
        if (
            o[0] < se
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


#: How many earlier candidates a backward search looks at, at most (see ``article``).
_MENTION_LIMIT = 2000


#: How far (characters) before a person whose first name is tied to the other gender a
#: pronoun still looks for an agreeing person.
_GENDER_LOOKBACK = 400


#: Between a cue and a participle that goes on with its subject: a comma, after a short
#: adjunct at most ("said on Monday, adding", "added, saying").
_PARTICIPLE_AFTER_CUE_RE = re.compile(r"(?:\s+[^\s,.;:!?“”\"()—–-][^,.;:!?“”\"()—–]{0,30})?,\s+")


#: A sentence (after a fronted phrase at most) opening with a subordinate clause.
_SUBORDINATE_OPEN_RE = re.compile(
    r"(?:[^,]{0,60},\s+)?(?:"
    + _resources.conjunction_pattern("contrast", "cause", "time", "concession")
    + r")\s",
    re.IGNORECASE,
)
#: The main clause after it: a comma, a capitalised subject and its verb ("..., Trump hewed").
_MAIN_CLAUSE_RE = re.compile(
    r",\s+((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)\s+(?:[a-z]+ly\s+)?([a-z]+)\b"
)


def _named_near(art: _Article, name: str, st: _Stmt, ms: int, me: int) -> bool:
    """The person ``name`` (a surname will do) is named in the sentence of [ms, me) or before.

    The sentence before counts too: "X, a Pentagon spokesman, stressed ... “...,” a Pentagon
    spokesman said".
    """
    back = sentences_back(art.sents, art.sent_starts, ms, 1)
    s0, s1 = (back[-1][0], max(back[0][2], me)) if back else (ms - 300, me + 300)
    return art.masked.find(name.split()[-1], max(0, s0), s1) >= 0


def _main_clause_subject(m: str, st: _Stmt, ref: _Stmt) -> tuple[int, int] | None:
    """The main clause's subject span after the subordinate clause that holds ``ref``.

    For a participle (``st``) whose previous statement ``ref`` sits in a subordinate clause
    opening the sentence; None when there is no such clause or no main clause after it.
    """
    ss = st.sent[0]
    while ss < ref.cue[0] and m[ss].isspace():
        ss += 1
    if _SUBORDINATE_OPEN_RE.match(m, ss, ref.cue[0]) is None:
        return None
    found = None
    for mm in _MAIN_CLAUSE_RE.finditer(m, max(ref.end, ref.cue[1]), st.cue[0]):
        if is_past_form(mm.group(2)) or mm.group(2) in {"is", "was", "has", "says"}:
            found = mm.span(1)
    return found


#: A relative pronoun right after a subject ("critics who say ...").
_WHO_NEXT_RE = re.compile(r"\s+who\s")


def _in_object_relative(m: str, st: _Stmt) -> bool:
    """The statement is a relative clause's, on a noun inside its sentence (not its subject).

    "President Obama rebuked critics who say he should ...": its subject is the object of the
    main clause, whose subject (not this statement's) a later participle shares.
    """
    if st.subj is None or _WHO_NEXT_RE.match(m, st.subj[1]) is None:
        return False
    return bool(m[st.sent[0] : st.subj[0]].strip())


def _last(seq: list, pred, limit: int = _SCAN_LIMIT):
    """The last item of ``seq`` (among its last ``limit``) for which ``pred`` holds, or None."""
    for k in range(len(seq) - 1, max(-1, len(seq) - 1 - limit), -1):
        if pred(seq[k]):
            return seq[k]
    return None


_CLAUSE_WORDS = frozenset({"had", "has", "have", "is", "was", "were", "would", "will", "who"})
_DANGLING_LAST = frozenset({"own", "of", "and", "the", "a", "an", "to", "his", "her", "their"})


def _place_word(w: str) -> bool:
    """A content word (crude plural folded: "texa") that is a country or region."""
    return w in _COUNTRIES or w + "s" in _COUNTRIES


def _clause_like_name(name: str) -> bool:
    """A speaker name read from a clause piece, never a later description's antecedent.

    "had forced lawyers for Cruz to", "president revisited his own": an auxiliary or "who"
    inside, or a last word that leaves the phrase open.
    """
    words = name.split()
    return any(w in _CLAUSE_WORDS for w in words) or words[-1] in _DANGLING_LAST


def _singular_person(desc: str) -> bool:
    """An anonymous source's description names one person ("top aide to the mayor").

    Its head (the last word before a preposition or relative) is no plural: it does not end
    in -s and is no plural without one ("people", "staff").
    """
    head = _RX65.split(desc.casefold())[0].split()
    w = head[-1].strip(".,’'") if head else ""
    return bool(w) and not w.endswith("s") and w not in _PLURALS_WITHOUT_S


#: The opening of a description whose modifiers are a list ("The giant foods, tobacco and
#: brewing company"): a determiner, then lower-case words each closed by a comma.
_MODIFIER_LIST_LEAD_RE = re.compile(
    r"\s*(?P<np>(?:The|the)\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*,\s+)"
)

#: Speaker types a description may be tied to someone named in the story from.
_DESCRIBED_TYPES = frozenset({"anonymous", "unknown", "institution"})


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
    by_sent: dict[tuple[int, int], list[_Stmt]] = {}  # statements seen so far, per sentence
    for st in stmts:
        same_sent = by_sent.setdefault(st.sent, [])
        same_sent.append(st)
        ref: _Stmt | None = st.extra.get("prev") or (
            st.extra.get("host") if st.subj_from is not None else None
        )
        follows_cue = False
        participle = m[max(st.cue[0], st.cue[1] - 3) : st.cue[1]].lower() == "ing"
        if ref is None and st.subj is None and st.subj_from is None and participle:
            # "..., Karl Holm added, saying it should be ...": a participle right after
            # another statement's cue shares its subject (that cue's statement may be a
            # quotation the participle's clause does not see)
            ref = _last(
                same_sent,
                lambda s2, c0=st.cue[0]: (
                    s2.speaker
                    and s2.cue[1] < c0
                    and _PARTICIPLE_AFTER_CUE_RE.fullmatch(m, s2.cue[1], c0) is not None
                ),
            )
            follows_cue = ref is not None
        if st.subj_from is not None and ref is None:
            ref = _last(
                same_sent,
                lambda s2, c0=st.cue[0], p=participle: (
                    s2.speaker
                    and s2.cue[0] < c0
                    and not s2.extra.get("possessor")
                    # "X rebuked critics who say ..., saying": not the relative clause's
                    and not (p and _in_object_relative(m, s2))
                ),
            )
            main = _main_clause_subject(m, st, ref) if ref is not None else None
            if main is not None:
                # "While his rivals called for X, Trump hewed to Y, noting ...": the
                # participle goes with the main clause, not the subordinate one before it
                st.subj, st.subj_from, ref = main, None, None
                st.method += "+main-clause"
        if (st.subj_from is not None or follows_cue) and ref is not None and ref.speaker:
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
        if " and " in m[ms:me] and (lm := _MODIFIER_LIST_LEAD_RE.fullmatch(m, st.sent[0], ms)):
            # "The giant foods, tobacco and brewing company said": a list of modifiers the
            # subject finder cut at its first comma; the description opens the sentence
            ms = lm.start("np")
            st.subj = (ms, me)
        mention = m[ms:me]
        low = mention.lower().strip()
        pron = _PRONOUNS.get(low)
        spk, typ, gen = "", "unknown", ""
        if pron:
            want = {"m": "m", "f": "f"}.get(pron, "")
            if pron in {"m", "f"}:
                best = None
                clash = None  # the nearest person whose first name is tied to the other gender
                upto = art.person_mentions_upto(ms)
                for k in range(upto - 1, max(-1, upto - 1 - _MENTION_LIMIT), -1):
                    ps_, pe_, name = art.person_mentions[k]
                    if pe_ > ms:
                        continue
                    if clash is not None and clash[0] - ps_ > _GENDER_LOOKBACK:
                        break
                    g = genders.get(name, "")
                    ent = art.persons.get(name)
                    if ent and ent.kind != "person":
                        continue
                    if g and want and g != want:
                        continue
                    if not g and want and ent and ent.name_gender not in ("", want):
                        # "Hillary Clinton said A. Donald Trump disagreed. She said B": a
                        # first name tied to the other gender yields to a person close before
                        # it; with no one else, the pronoun stays unresolved (the text model
                        # may still name someone its own evidence agrees with)
                        if clash is None:
                            clash = (ps_, name)
                        continue
                    best = name
                    break
                cand_spk = (
                    _last(
                        resolved,
                        lambda r, ms=ms, want=want: (
                            r[2] == "person"
                            and r[0] < ms
                            and (not want or r[3] in {"", want})
                            # (nor a first name tied to the other gender: see above)
                            and (r[3] or first_name_gender(r[1])) in {"", want}
                        ),
                    )
                    if best is None
                    else None
                )
                if best is None and cand_spk:
                    best = cand_spk[1]
                anon = (
                    _last(resolved, lambda r, ms=ms: r[2] == "anonymous" and r[0] < ms)
                    if best is None
                    else None
                )
                if best is None and anon:
                    spk, typ = anon[1], "anonymous"
                elif best:
                    spk, typ = best, "person"
                    if best and want and not genders.get(best):
                        genders[best] = want
            elif pron == "p" or pron == "n":
                cand = _last(
                    resolved,
                    lambda r, ms=ms, pl=pron == "p": (
                        r[2] in {"institution", "anonymous", "media"}
                        and r[0] < ms
                        # "A top aide said A. ... They said B": "they" is no one person
                        and not (pl and r[2] == "anonymous" and _singular_person(r[1]))
                    ),
                )
                if cand:
                    spk, typ = cand[1], cand[2]
        else:
            spk, typ, gen = _classify(art, mention, ms, me)
            first = low.split()[0] if low.split() else ""
            appo = (
                _name_in_apposition(art, me) if not spk[:1].isupper() and low[:1].islower() else ""
            )
            if appo:
                # "said the county engineer, Lena Morrow, on Monday": the name it stands for
                spk, typ = appo, "person"
            elif (
                typ in _DESCRIBED_TYPES
                and first == "the"
                and (
                    co := _companies(art).described(low.rstrip(" ,."), ms)
                    or (
                        # "Qantas plans ..., the airline announced": the statement's subject
                        _companies(art).statement_subject(
                            low.rstrip(" ,."), st.start, st.end, art.persons
                        )
                        if st.end <= ms and st.kind == "indirect"
                        else None
                    )
                )
            ):
                # "Elco Industries Inc. ... The company said": the company named last
                spk, typ = co, "institution"
                st.method += "+company-link"
            elif (
                typ in _DESCRIBED_TYPES
                and first in {"the", "both"}
                and (pair := named_pair(art, low, ms))
            ):
                # "Yeltsin and Kuchma called for ... the two leaders also pledged": both speak
                spk, typ = pair, "person"
                st.method += "+pair-link"
            elif (
                typ in _DESCRIBED_TYPES
                and first in {"the", "this", "that"}
                and (doc := document_issuer(art, low, ms, resolved))
            ):
                # "Acme Corp. said in a statement ... The statement said": its issuer speaks
                spk, typ = doc
                st.method += "+document-link"
            elif typ in _DESCRIBED_TYPES and first in {"the", "a", "an", "this", "that"}:
                np_ctx = _content_words(_RX64.split(mention)[0])
                headw = _head_word(low)
                best = None
                best_score, best_recent = 0, -1
                org_head = headw in _ORG_WORDS or headw in _COUNTRIES
                people = [] if org_head else list(art.persons_first_upto(ms + 400, _SCAN_LIMIT))
                # "the Florida senator": a place in the description must be the person's, or
                # the person the only one so far with the head ("Sen. X ... the Vermont senator")
                places = {w for w in np_ctx if _place_word(w)}
                holders = sum(1 for n in people if headw in art.persons[n].context)
                named_before = any(art.first_pos[n] < ms for n in people)
                for name in people:
                    ent = art.persons[name]
                    if ent.kind != "person" or not ent.positions or art.first_pos[name] > ms + 400:
                        continue
                    if art.first_pos[name] >= ms and named_before:
                        # (not someone named only after it when someone was named before:
                        # "X ... the Finnmark mayor told ... Mayor Y of Alta"; a lede's
                        # description may name the one introduced next: "The lifelong
                        # Republican who wrote the speech says ... Richard Cross, ...")
                        continue
                    if not places <= ent.context and (
                        holders > 1 or any(_place_word(w) for w in ent.context)
                    ):
                        continue
                    ov = len(np_ctx & ent.context)
                    full = np_ctx and np_ctx <= ent.context
                    if first in {"a", "an"} and (
                        not full or not _named_near(art, name, st, ms, me)
                    ):
                        # (an indefinite is someone new unless the person is named in its
                        # sentence: "X, a top adviser, said", not "a top aide said" pages on)
                        continue
                    if ov >= 2 or (ov >= 1 and headw in ent.context) or full:
                        score = ov + (1 if full else 0)
                        recent = max((p for p in ent.positions if p < ms), default=-1)
                        if score > best_score or score == best_score and recent > best_recent:
                            # (a tie goes to the one named last: "Minister Per Dahl ... The
                            # minister added", not the deputy minister named before him)
                            best, best_score, best_recent = (name, "person"), score, recent
                if first in {"the", "this", "that"}:
                    for pos, name, t, _g, ctx in reversed(resolved[-_SCAN_LIMIT:]):
                        if pos >= ms or t == "person" or _clause_like_name(name):
                            continue
                        ov = len(np_ctx & ctx)
                        if (
                            (ov >= 1 and headw in ctx)
                            # (the earlier one's own head: "a report by the Labor Department"
                            # is no "the Labor Department")
                            and _same_head(name, mention)
                            and ov > best_score
                            and places <= ctx
                            and (not org_head or np_ctx <= ctx)
                        ):
                            # (its place is the earlier one's: "the Kentucky Republican"; an
                            # organisation's description has every word of its name: "the
                            # defence ministry" is not "Norway's foreign ministry")
                            best, best_score = (name, t), ov
                link = "+description-link"  # the story gave this person the description
                if best is None and first in {"a", "an"} and typ == "anonymous":
                    best = _cataphor(art, st, ms, me, np_ctx, headw)
                    link = "+cataphora"  # a lede's description, named just after it
                if best:
                    spk, typ = best
                    st.extra["anaphor"] = True
                    st.method += link
        if spk:
            ctx = _content_words(mention) | _content_words(st.apposition)
            if st.method.endswith("+document-link"):
                ctx = frozenset()  # (a document describes no one: "the statement" is no title)
            if typ == "person" and spk in art.persons:
                art.persons[spk].context |= ctx
            resolved.append((ms, spk, typ, genders.get(spk, gen), ctx))
        st.speaker, st.speaker_type = spk, typ if spk else "unknown"
        _finish_via(art, st, blocks)


#: A short prepositional phrase naming a place or body ("at Lehigh", "of the Harbour Board").
_NAMED_PP_RE = re.compile(
    r"\s+(?:"
    + "|".join(sorted(_resources.word_set("prepositions"), key=len, reverse=True))
    + r")\s+(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}(?=,)"
)


def _same_head(name: str, mention: str) -> bool:
    """An earlier speaker ``name`` and the description ``mention`` have one head noun.

    True too when the earlier one's head is a name (no common noun to compare).

    Its head is its last word before a preposition ("by" too), a post-nominal adjective
    ("sources familiar with ...") or a participle ("a witness interviewed by ...").
    "a report by the Labor Department" is no "the Labor Department", nor "State Department
    official" "the State Department"; "actress America Ferrera" may be "the actress".
    """
    head, mine = _np_head(name), _np_head(mention)
    if not head or head[:1].isupper() or not mine:
        return True
    head, mine = head.lower(), mine.lower()
    return head == mine or head.rstrip("s") == mine.rstrip("s")


def _np_head(np: str) -> str:
    """The last word of a noun phrase before its post-modifier (see :func:`_same_head`)."""
    words = []
    for w in np.split():
        wl = w.lower().strip(".,")
        if wl in _PREPOSITIONS or wl in _POSTNOMINAL or wl in _RELATIVE_WORDS_R:
            break
        if words and wl.endswith(("ed", "ing")) and w.islower():
            break
        words.append(w.strip(".,"))
    return words[-1] if words else ""


_POSTNOMINAL = _resources.word_set("postnominal_adjectives")
_RELATIVE_WORDS_R = _resources.word_set("relative_pronouns")


def _head_word(low: str) -> str:
    """The head of a lower-cased description: its last word before a preposition, singular."""
    head_part = _RX65.split(low)[0]
    words_l = [w for w in _RX66.findall(head_part) if w not in _STOP]
    headw = words_l[-1] if words_l else ""
    return (
        headw[:-1] if len(headw) > 3 and headw.endswith("s") and not headw.endswith("ss") else headw
    )


def _name_in_apposition(art: _Article, me: int) -> str:
    """The person named in apposition right after a description ending at ``me``, or "".

    "the county engineer, Lena Morrow, said" / "said the bureau's director, Lena Morrow." /
    "said his best friend at Lehigh, Bruce Turry, who ...". The name must close the apposition (a comma, full stop or bracket after it, not a list's
    "and"); titles may stand before it ("the mayor's aide, Sen. Dan Hoyt,").
    """
    m = art.masked
    pp = _NAMED_PP_RE.match(m, me)
    if pp:  # "his best friend at Lehigh, Bruce Turry": a named place or body on the way
        me = pp.end()
    if m[me : me + 1] != ",":
        return ""
    p = me + 1
    while p < len(m) and m[p] == " ":
        p += 1
    k = art.person_mentions_upto(p - 1)  # the first person mention starting at p or later
    if k >= len(art.person_mentions):
        return ""
    s, e, name = art.person_mentions[k]
    if s - p > 25 or any(not w[:1].isupper() for w in m[p:s].split()):
        return ""
    if m[e : e + 1] not in {",", ".", ")", ""} or m[e : e + 6] in {", and ", ", or "}:
        return ""
    return name


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
    for name in art.persons_first_between(me + 1, me + _CATAPHOR_WINDOW):
        ent = art.persons[name]
        if ent.kind != "person" or not ent.positions:
            continue
        first_pos = art.first_pos[name]
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


def _inherit_vias(art: _Article, stmts: list[_Stmt]) -> None:
    """Carry an intermediary outlet through the story.

    Two rules, in text order:

    * a pronoun, continuation or description statement of a speaker inherits the via of the
      speaker's previous statement within 700 characters (method unchanged, as before);
    * any later statement of a named or described speaker (not a media speaker) whose own
      sentence names no channel inherits the via of that speaker's last statement that had
      one: once a story says "X told The Guardian", X's later statements came through The
      Guardian too. A sentence naming another channel (another outlet, "in a statement",
      "told reporters", "tweeted" ... see ``resources/channel_phrases.txt``) stops the carry
      for that speaker. Such rows say ``+via_story`` in ``method``.
    """
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
            continue
        if not st.speaker or st.speaker_type in {"media", "unknown"} or st.speaker not in last:
            continue
        if _names_channel(art, st):
            del last[st.speaker]  # the story moved to another channel for this speaker
            continue
        st.extra["via_res"] = last[st.speaker][1]
        st.method += "+via_story"


_CHANNEL_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(_resources.word_list("channel_phrases"), key=len, reverse=True)
    )
    + r")(?![\w-])",
    re.IGNORECASE,
)


def _names_channel(art: _Article, st: _Stmt) -> bool:
    """True when the statement's sentence (outside quotation marks) names a channel."""
    ss, se = st.sent
    subj = st.subj or (-1, -1)
    for o in art.outlets_between(ss, se - 1):
        if not (o[0] < subj[1] and o[1] > subj[0]):
            return True
    return _CHANNEL_RE.search(art.masked, ss, se) is not None


def dateline_wire(art: _Article) -> tuple[int, int, str] | None:
    """The wire credited in the first lines of the story, or None.

    A dateline such as ``"CITY, Month D (Agency) —"`` or a credit line such as ``"(Agency) —"``
    or ``"By Name (Agency)"`` within the first 400 characters: the outlet named inside the
    parentheses, when the gazetteer or the outlet patterns know it. The parentheses must hold
    the outlet alone: a photo credit such as ``"(Photographer / Agency/Picture desk)"`` credits
    a picture, not the text, and is no channel for the story's statements.
    """
    m = art.masked
    for mt in _WIRE_CREDIT_RE.finditer(m, 0, min(len(m), 400)):
        o = art.outlet_at(mt.start(1), mt.end(1))
        if not o or o[0] < mt.start(1) or o[1] > mt.end(1):
            continue
        if m[mt.start(1) : o[0]].strip() or m[o[1] : mt.end(1)].strip():
            continue  # more than the outlet inside the parentheses (a photo or other credit)
        return o[0], o[1], o[2]
    return None


_WIRE_CREDIT_RE = re.compile(r"\(([^()\n]{2,60})\)\s*(?:[-—–:]|$)", re.MULTILINE)
