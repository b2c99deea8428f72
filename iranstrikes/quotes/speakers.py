"""Checking speakers against the shared text model (:mod:`iranstrikes.text`).

What belongs here: the step after :func:`~iranstrikes.quotes.resolve._resolve` that makes
every speaker span a real mention of the text model, and lets the model answer where the
quote rules could not:

* a pronoun speaker the rules left unresolved gets the entity the text model tied the pronoun
  to (gender and number agreement, subject first): ``method`` gains ``+entity:<rule>``;
* a speaker span glued to a dateline or a headline is cut at the region's end, and so is a
  reported statement that opens with the dateline;
* a span that is not a mention ("On Saturday", "While X", a clause) is narrowed to the
  mention inside it that can be a subject (``+entity:narrowed``), or dropped to ``unknown``
  when it holds none (``+entity:no-mention``): a fragment is never a speaker.

The text model is built only for articles where a check is needed (most speaker spans pass
a cheap test), so the extractor stays fast.
"""

from __future__ import annotations

import re

from .. import resources as _resources
from .. import text as _text
from ..text.words import _CLAUSE_WORDS
from .article import _Article
from .cues import _cue_ok
from .forms import _FINITE_RE
from .lexicon import (
    _ANON_HEADS,
    _GROUP_PLURALS,
    _ORG_WORDS,
    _PRONOUNS,
    _RELATIVE_HEADS,
    _TITLE_WORDS,
)
from .noun_phrases import (
    _GROUP_QUANTITIES,
    _bare_share,
    _quantity_group,
)
from .relatives import _PERSON_RELATIVE_AFTER_RE, _relative_antecedent
from .segment import _Stmt
from .speaker_types import _TYPE_OF_KIND, _WHO_AFTER_RE, _classify

_SUBJECTLESS = (
    "participle_cue",
    "coordinated_cue",
    "subject_cue",
    "cue_before_quote",
    "partial_in_reported_speech",
)
_SUBJECT_KINDS = frozenset({"person", "anonymous", "organisation", "state"})
_LEAD_OK = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "one",
        "two",
        "three",
        "several",
        "some",
        "many",
    ]
)
#: A subordinating conjunction (``resources/clause_conjunctions.csv``, capitalised) or a
#: preposition or connective opening a span: what follows is a clause or a phrase, not a name.
_LEADING_SUBORDINATOR_RE = re.compile(
    r"(?:"
    + "|".join(w[0].upper() + w[1:] for w in _resources.conjunction_pattern().split("|"))
    + r"|On|In|At(?!\s+least)|During|Following|Having|According|Unlike|Like|Despite|Amid|With"
    r"|For|From|By|Meanwhile|But|And|So)\b"
)


_HEADS = (
    _ANON_HEADS
    | _GROUP_PLURALS
    | _ORG_WORDS
    | (_TITLE_WORDS - {"of", "the", "and", "for"})
    | _resources.word_set("record_words")  # "recent polls", "the new study"
)
_HEAD_CUT_RE = re.compile(r"\s(?:of|at|in|for|from|with|familiar|close|who|on)\s")


#: A span opening with a preposition, a relative pronoun ("that" aside: a determiner too) or
#: a subordinating word is no mention ("with the ministry", "who lives nearby").
_LEADING_FUNCTION_RE = re.compile(
    r"(?:"
    + "|".join(
        sorted(
            _resources.word_set("prepositions")
            | (_resources.word_set("relative_pronouns") - {"that"})
            | {"while", "when", "as", "than", "where", "what", "whereas", "whether"}
        )
    )
    + r")\b"
)
_RELATIVE = _resources.word_set("relative_pronouns")
_RELATIVE_WORD_RE = re.compile(r"[A-Za-z]+")
_RELATIVE_NOT_THAT = _RELATIVE - {"that"}  # ("that" is also a determiner)
_POSSESSIVE_AFTER_RE = re.compile(r"[’'](?:s\b|\s)")
#: The possessive marker and the possessed noun phrase: up to four words, ending before a
#: comma, a preposition, a relative word or a past-tense verb.
_POSSESSED_RE = re.compile(
    r"[’']s?(?:\s+(?!(?:of|on|for|in|at|to|with|from|who|which|that|and|has|have|had|is|was|"
    r"will|would)\b)(?![a-z]+ed\b)[\w-]+){1,4}"
)
#: After "that", what opens a clause (a subject pronoun, an article, a name) rather than the
#: noun of a demonstrative ("that official").
_COMPLEMENTIZER_NEXT_RE = re.compile(r"(?:he|she|they|it|we|you|the|a|an)(?![a-z])|[A-Z]")


def _opens_that_clause(first: str, words: list[str]) -> bool:
    """The span opens with a clause-opening "that", not a demonstrative ("that official").

    ``first``: its first word as the caller compares it (as written, or case-folded);
    ``words``: the span's words ("that he’d seen", "that the committee", "that Donald Trump").
    """
    return first == "that" and len(words) > 1 and bool(_COMPLEMENTIZER_NEXT_RE.match(words[1]))


_QUANTITY_LEAD_RE = re.compile(
    r"(?i:at\s+(?:least|most)|as\s+(?:many|few)\s+as)\b"
)  # "at least a dozen"
_AFTER_PREP = _resources.word_set("prepositions")


#: Words no speaker mention ends with.
_TAIL_FUNCTION = _resources.word_set("speaker_tail_words")
#: Every pronoun form the text model reads as a mention (his, him, their ...).
_PRONOUN_WORDS = frozenset(r["form"] for r in _resources.table("pronoun_forms"))


_TIME_UNITS = _resources.word_set("time_units")


#: A capitalised name word, then a finite verb and more words: a clause ("Carson turned
#: the story back", "Trump has blasted the system", "Gowdy referenced a report").
_NAME_THEN_VERB_RE = re.compile(
    r"\b[A-Z][a-z][\w’'-]*\s+(?P<verb>has|had|have|is|was|were|[a-z]{3,}ed)\s+"
    r"(?:the|a|an|his|her|their|its|to|on|with|for|in|at|about|[a-z]+ly)\s+\w+"
)


def _suspicious(span: str) -> bool:
    """Cheap test: could this speaker span be something other than a mention?"""
    words = span.split()
    if not words:
        return False
    if len(words) > 1 and words[-1].casefold().strip(".,") in _TAIL_FUNCTION:
        return True  # a span ending in a function word ("his 2004 campaign and")
    if words[-1].strip(".,") in _TIME_UNITS:
        return True  # "the last week", "this past week": a time phrase, no speaker
    first = words[0]
    if _opens_that_clause(first, words):
        return True  # "that he’d seen", "that the committee": a clause, not "that official"
    if len(words) >= 4 and _NAME_THEN_VERB_RE.search(span):
        return True  # "Carson turned the story back on the Post": a clause, its subject first
    if first.casefold() in _LEAD_OK:
        return False
    if first in _CLAUSE_WORDS:
        return True  # "will their editors": a modal or auxiliary opens a clause piece
    if _LEADING_FUNCTION_RE.match(span) and not _QUANTITY_LEAD_RE.match(span):
        return True  # "to the drafting committee", "where local party leaders": a clause piece
    head = _HEAD_CUT_RE.split(span.casefold(), 1)[0].split()
    if head and head[-1].strip(".,") in _HEADS:
        # "unnamed Iranian official", "people familiar with ...", "authorities"; not after a
        # leading preposition ("For someone who ...")
        return len(words) > 1 and _LEADING_SUBORDINATOR_RE.match(span) is not None
    if len(words) == 1 and first[:1].islower():
        return True  # a lone lower-case word ("so", "even") is no speaker
    if (
        first[:1].islower()
        and first.casefold() not in _PRONOUNS
        and not any(w.casefold().strip(".,’'") in _HEADS for w in words)
    ):
        # a clause fragment ("have long", "saying at one"), not a bare description
        # ("majorities of Republican primary voters", "former governor X")
        return True
    if _LEADING_SUBORDINATOR_RE.match(span) or _LEADING_FUNCTION_RE.match(span):
        return True
    return (
        first[:1].isupper()
        and first.casefold().endswith(("ing", "ed"))
        and len(words) <= 3
        or ("\n" in span)
    )


#: A definite description ("the Vermont senator"), and the text model's rule that ties one to a
#: person named before it by the description's own words (not an apposition: "the rally,
#: organised by X" is no X).
_DEFINITE_RE = re.compile(r"\s*(?:[Tt]he|[Tt]his)\s+(?:[A-Z][\w.’'-]*\s+)?[a-z]")
_DESCRIPTION_LINKS = frozenset({"description-context"})
#: An indefinite singular description ("A senior official", "an aide to X").
_LEDE_INDEFINITE_RE = re.compile(r"\s*(?:[Aa]n?|[Oo]ne)\s+[a-z]")


def check_speakers(art: _Article, stmts: list[_Stmt], text_model=None) -> None:
    """Apply the text-model checks above to every statement (in place).

    The statements that need the model are found first (cheap tests); the model of the whole
    text is then built once, unless ``text_model`` (built by the caller with
    :func:`~iranstrikes.quotes.frame.article_model`) is given: the same model either way, so
    the same answers. (A model of a prefix of the text, tried before, named some entities
    differently: "Obama" before the later "Barack Obama" was seen.)
    """
    m = art.masked
    dl_end = _dateline_end(art)
    needs: list[tuple[_Stmt, bool]] = []  # (statement, its speaker span is a pronoun)
    ledes: list[_Stmt] = []  # indefinite descriptions the model may have tied to a name
    relatives: list[tuple[_Stmt, int]] = []  # speaker spans a person's relative follows
    definites: list[_Stmt] = []  # definite descriptions the rules left unnamed
    for st in stmts:
        if st.start < dl_end < st.end and st.kind == "indirect":
            # "BAGHDAD (Reuters) - Iraqi forces retook the town, a spokesman said": the
            # dateline is no part of what was said
            k = dl_end
            while k < st.end and m[k].isspace():
                k += 1
            st.start = k
        if not st.subj:
            if not st.speaker and (st.method.startswith(_SUBJECTLESS) or "fragment_at" in st.extra):
                needs.append((st, False))
            continue
        ms, me = st.subj
        span = m[ms:me]
        low = span.strip().casefold()
        is_pron = low in _PRONOUNS and not (low in _RELATIVE_HEADS and _WHO_AFTER_RE.match(m, me))
        need = (
            is_pron
            or low.split(",")[0] in _PARTITIVES
            or (
                _suspicious(span)
                # the rules already resolved the span to someone named elsewhere: keep it
                and not (st.speaker and st.speaker.casefold() not in span.casefold())
            )
        )
        if not need and art.headline_paras:
            need = any(
                art.paras[p][0] <= ms < art.paras[p][1] < me or ms < art.paras[p][0] < me
                for p in art.headline_paras
            )
        if not need and ms < dl_end:
            need = True  # a dateline may be glued to this speaker
        if (
            need
            and not is_pron
            and _nameless_fragment(span)
            and not _bare_share(span)
            # (a noun phrase a relative clause modifies: "fishermen who say")
            and not _WHO_AFTER_RE.match(m, me)
        ):
            # a clause fragment with no capitalised word, head word or pronoun holds no
            # mention the model could narrow to; the clause's subject before it may speak
            # ("X made it a centerpiece of his campaign and has boasted ...")
            st.subj, st.speaker, st.speaker_type = None, "", "unknown"
            st.method += "+entity:no-mention"
            st.extra["fragment_at"] = ms
            needs.append((st, False))
            continue
        if need:
            needs.append((st, is_pron))
        elif st.speaker_type == "anonymous" and _LEDE_INDEFINITE_RE.match(span):
            ledes.append(st)  # "A senior official said ... Karl Holm, the official, said ..."
        elif st.speaker_type != "person" and (rm := _PERSON_RELATIVE_AFTER_RE.match(m, me)):
            relatives.append((st, rm.start(1)))  # "X, a doctor from Y, New Jersey, who said"
        elif st.speaker_type in {"anonymous", "unknown"} and _DEFINITE_RE.match(span):
            definites.append(st)  # "the Vermont senator said": the model may know who
    if not needs and not ledes and not relatives and not definites:
        return
    tm = text_model if text_model is not None else _model(art)
    for st in definites:
        # the text model tied a definite description to the person the story gave its words
        # ("Pope Francis ... the pope told"): that person speaks
        mk = tm.mention_at(st.subj[0])
        if mk is not None and mk.rule in _DESCRIPTION_LINKS and mk.entity >= 0:
            e = tm.entities[mk.entity]
            if e.kind == "person" and len(e.name.split()) <= 4:
                st.speaker, st.speaker_type = e.name, "person"
                st.method += f"+entity:{mk.rule}"
    for st, at in relatives:
        # a place or body before a person's relative only describes the one who speaks
        x = tm.mention_at(st.subj[0])
        if x is None or x.entity < 0 or tm.entities[x.entity].kind in {"person", "anonymous"}:
            continue
        d = _relative_antecedent(art, tm, at)
        if d is not None and d[0] != (x.start, x.end):
            st.subj, st.speaker, st.speaker_type = d[0], d[1], d[2]
            st.method += d[3]
    for st in ledes:
        # the text model tied a lede's indefinite description to the person named after it
        # (its apposition or title says so): that person speaks
        mk = tm.mention_at(st.subj[0])
        if mk is not None and mk.rule == "cataphora" and mk.entity >= 0:
            e = tm.entities[mk.entity]
            if e.kind == "person":
                st.speaker, st.speaker_type = e.name, "person"
                st.method += "+entity:cataphora"
    decided: dict[tuple[int, int], tuple | None] = {}
    for st, is_pron in needs:
        if not st.subj:
            frag = st.extra.pop("fragment_at", None)
            if frag is not None:
                rel = _RELATIVE_WORD_RE.match(art.masked, frag)
                if rel is not None and rel.group(0).casefold() in _RELATIVE_NOT_THAT:
                    # "candidates like Karl Holm, who claimed ...": the antecedent speaks
                    d = _relative_antecedent(art, tm, frag)
                    if d is not None:
                        st.subj, st.speaker, st.speaker_type = d[0], d[1], d[2]
                        st.method += d[3]
                    continue
                if not st.method.startswith(_SUBJECTLESS):
                    # "X, secretary for refugees, and migration, said": the apposition's
                    # last piece was read as the speaker
                    d = _appositive_subject(art, tm, st)
                    if d is not None:
                        st.subj, st.speaker, st.speaker_type = d[0], d[1], d[2]
                        st.method = st.method.replace("+entity:no-mention", "") + d[3]
                    continue
                found = _clause_subject(tm, frag)
                if found is not None:
                    st.speaker, st.speaker_type, st.subj = found
                    st.method += "+entity:clause-subject"
                continue
            # "X did Y and said ...", "..., saying ...": the sentence's subject speaks
            si = tm.sentence_at(st.cue[0])
            x = _strict_subject(tm, si, st.cue[0])
            if x is None:
                # no mention a verb follows: the first possible subject, when typed
                x = tm.subject_mention(si, st.cue[0])
                if x is not None and not (
                    tm.entities[x.entity].kind in _SUBJECT_KINDS
                    or tm.entities[x.entity].kind == "media"
                    and _opens_sentence(tm, si, x)
                ):
                    x = None
                if x is not None and _POSSESSIVE_AFTER_RE.match(art.masked, x.end):
                    # "Karl Holm’s campaign launched an ad and announced ...": the campaign
                    # speaks, not its possessor; the possessive phrase is the speaker
                    pm = _POSSESSED_RE.match(art.masked, x.end)
                    if pm is not None and pm.end() <= st.cue[0]:
                        ps, pe = x.start, pm.end()
                        spk, typ, _g = _classify(art, art.masked[ps:pe], ps, pe)
                        if spk and spk.casefold() != x.text.casefold():
                            st.speaker, st.speaker_type, st.subj = spk, typ, (ps, pe)
                            st.method += "+entity:possessive-subject"
                    continue
            if x is not None:
                e = tm.entities[x.entity]
                st.speaker, st.speaker_type = e.name, _TYPE_OF_KIND[e.kind]
                st.subj = (x.start, x.end)  # the subject mention the speaker was read from
                if art.masked.endswith(" and ", 0, x.start):
                    both = _coordinated_subject(art, tm, x)
                    if both is not None:
                        # "Acme workers and retirees had amassed, calling for ...": the
                        # coordination is the subject, not its last noun
                        st.subj, st.speaker, st.speaker_type = both
                        st.method += "+entity:sentence-subject"
                        continue
                if x.kind == "description":
                    # "Hundreds of pro-Sanders demonstrators": the share and the modifier
                    # before the description are part of the mention a reader needs
                    qm = _QUANTITY_BEFORE_RE.search(art.masked, max(0, x.start - 40), x.start)
                    if qm is not None and qm.group("q").lower() in _GROUP_QUANTITIES:
                        st.subj = (qm.start(), x.end)
                st.method += "+entity:sentence-subject"
            continue
        ms, me = st.subj
        key = (ms, me)
        if key not in decided:
            decided[key] = _decide(art, tm, ms, me, is_pron, st)
        d = decided[key]
        if d is None:
            continue
        subj, speaker, stype, note = d
        if subj is None and note == "+entity:no-mention" and st.method.startswith(_SUBJECTLESS):
            found = _clause_subject(tm, ms)
            if found is not None:
                speaker, stype, subj = found
                note += "+entity:clause-subject"
        st.subj = subj
        st.speaker, st.speaker_type = speaker, stype
        st.method += note
    # partial quotes and continuations follow a host whose speaker the model just found
    for st in stmts:
        ref = st.extra.get("host") or st.extra.get("prev")
        if not st.speaker and ref is not None and ref.speaker and "+entity:" in ref.method:
            st.speaker, st.speaker_type = ref.speaker, ref.speaker_type
            st.method += "+entity:host"


def _coordinated_subject(art: _Article, tm, x):
    """(span, speaker, type) of "A and <x>" when a mention A of a group ends right before.

    Only plural descriptions or organisations are joined ("Acme workers and retirees"):
    two people stay each their own ("X and Y" pairs are read elsewhere).
    """
    lo = x.start - 5
    for a in tm.mentions_in(max(0, lo - 80), lo):
        if a.end == lo and a.entity >= 0 and not a.in_quote and a.kind != "pronoun":
            if tm.entities[a.entity].kind == "person" or tm.entities[x.entity].kind == "person":
                return None
            spk, typ, _g = _classify(art, art.masked[a.start : x.end], a.start, x.end)
            return ((a.start, x.end), spk, typ) if spk else None
    return None


def _decide(art: _Article, tm, ms: int, me: int, is_pron: bool, st: _Stmt):
    """(subject span, speaker, type, method note) for one speaker span, or None to keep it."""
    if is_pron:
        mention = tm.mention_at(ms)
        if mention is None or mention.entity < 0:
            return None
        e = tm.entities[mention.entity]
        if e.kind == "media" or e.kind == "unknown" and not e.name[:1].isupper():
            return None
        if st.speaker:
            # the rules took the latest agreeing name; the model's salient subject (of this or
            # the previous sentence) wins over it
            if mention.rule != "pronoun-subject" or e.kind != "person":
                return None
            if st.speaker in e.name:
                return None
        return (ms, me), e.name, _TYPE_OF_KIND[e.kind], f"+entity:{mention.rule}"
    share = _bare_share(art.masked[ms:me])
    if share and share[:1].islower() and me <= st.cue[0]:
        # "Six in 10 voters said ..., and three-quarters said ...": a share of a group the
        # sentence leaves unsaid; the share speaks, an unnamed group (not the first clause's)
        return None if st.speaker == share else ((ms, me), share, "anonymous", "+share")
    if art.masked[ms:me].strip().casefold().split(",")[0] in _PARTITIVES:
        group = _partitive_group(tm, ms)
        if group is not None:
            # "Analysts were divided. “...,” said one.": one of the group just named
            return (ms, me), group, "anonymous", "+entity:partitive"
    if share:
        return None if st.speaker == share else ((ms, me), share, "anonymous", "+share")
    # a region (dateline, headline) glued onto the span: cut it off
    for r in tm.regions:
        if r.kind in {"dateline", "headline"} and r.start <= ms < r.end < me:
            ms2 = r.end
            while ms2 < me and art.masked[ms2].isspace():
                ms2 += 1
            spk, typ, _g = _classify(art, art.masked[ms2:me], ms2, me)
            return (ms2, me), spk, typ if spk else "unknown", "+entity:region-cut"
    inside = [x for x in tm.mentions_in(max(0, ms - 20), me) if x.end > ms and x.entity >= 0]
    span = art.masked[ms:me]
    if not _suspicious(span):
        return None
    words = span.split()
    if (
        _WHO_AFTER_RE.match(art.masked, me)
        and len(words) <= 3
        and not {"and", "or", "both"} & {w.casefold() for w in words}
        and not _LEADING_FUNCTION_RE.match(span)
        and not _LEADING_SUBORDINATOR_RE.match(span)
    ):
        return None  # "fishermen who say": the noun phrase the relative clause modifies
    if st.speaker and st.speaker.casefold() not in span.casefold():
        return None  # the rules already resolved the span to someone named elsewhere
    group = _quantity_group(span)
    if group and not (st.speaker and _is_name_like(st.speaker)):
        # "about half of Democratic primary voters said": an unnamed group speaks
        return (ms, me), group, "anonymous", "+quantity-group"
    words = span.split()
    first = words[0].casefold() if words else ""
    if first in _RELATIVE and not _opens_that_clause(first, words):
        # "X, who lives nearby, said": the speaker is the relative's antecedent
        return _relative_antecedent(art, tm, ms) or (None, "", "unknown", "+entity:no-mention")
    if not inside:
        if st.speaker and _is_name_like(st.speaker):
            return None
        return _appositive_subject(art, tm, st) or (None, "", "unknown", "+entity:no-mention")
    # the last mention inside that is not after a preposition can be the subject; in a
    # clause ("Carson turned the story back on the Post"), the last one before its verb
    nv = _NAME_THEN_VERB_RE.search(span) if len(span.split()) >= 4 else None
    upto = ms + nv.start("verb") if nv is not None else me
    best = None
    for x in inside:
        if x.end > upto:
            break
        if x.kind == "pronoun" and "subject" not in x.titles:
            continue
        lead_sub = len(art.masked[ms : x.start].split()) == 1 and _LEADING_SUBORDINATOR_RE.match(
            span
        )
        if _after_preposition(art.masked, ms, x) and not lead_sub:
            continue
        if x.start == ms and _LEADING_FUNCTION_RE.match(span):
            continue
        best = x
    if best is None:
        return _appositive_subject(art, tm, st) or (None, "", "unknown", "+entity:no-mention")
    e = tm.entities[best.entity]
    return (best.start, best.end), e.name, _TYPE_OF_KIND[e.kind], "+entity:narrowed"


_PARTITIVES = _resources.word_set("partitive_words")


def _partitive_group(tm, at: int) -> str | None:
    """The unnamed group that "one", "another", "some" at ``at`` belong to, or None.

    The subject of one of the two sentences before, when it is an anonymous plural ("Analysts
    were divided.", "Union leaders said ...").
    """
    si = tm.sentence_at(at)
    for k in range(si - 1, max(-1, si - 3), -1):
        x = tm.subject_mention(k, tm.sentences[k].end)
        if x is None:
            continue
        e = tm.entities[x.entity]
        if e.kind == "anonymous" and x.number == "p":
            return e.name
        if x.kind == "name" and e.name.casefold() in _ANON_HEADS and e.name.endswith("s"):
            return e.name  # a sentence-initial bare plural read as a name ("Analysts were")
    return None


def _after_preposition(masked: str, floor: int, x) -> bool:
    """The word before mention ``x`` (not before ``floor``) is a preposition: an object."""
    prev = masked[max(floor, x.start - 12) : x.start].split()
    return bool(prev) and prev[-1].casefold() in _AFTER_PREP


#: Mention kinds that can be a subject set off by an apposition (not a pronoun: it is
#: resolved on its own).
_APPOSITIVE_HOSTS = frozenset({"name", "title_name", "description", "organisation", "state"})
_BY_AFTER_RE = re.compile(r"\s+by\b")


def _appositive_subject(art: _Article, tm, st: _Stmt):
    """The subject of the cue's clause, set off from the cue by an apposition or an adjunct.

    "X, assistant secretary of state for refugees, and migration, said ...", "X, the party
    chairman, this past week announced ...", "X, citing “...,” said ...": the speaker span the
    rules read (the apposition's last piece, a time phrase) is no mention, but a mention
    opening a clause earlier in the sentence is followed by a comma and, up to the cue, by no
    finite verb or other clause. The last such mention is the subject; None when there is
    none (the statement keeps no speaker).
    """
    cue = st.cue[0]
    if st.method.startswith("parenthetical") or _BY_AFTER_RE.match(art.masked, st.cue[1]):
        return None  # "X, first reported by Y, is ...": the agent after "by" speaks
    si = tm.sentence_at(cue)
    if not 0 <= si < len(tm.sentences):
        return None
    s = tm.sentences[si]
    m = art.masked
    found = None
    for x in tm.mentions_in(s.start, cue):
        if x.in_quote or x.entity < 0 or x.region != "body" or x.kind not in _APPOSITIVE_HOSTS:
            continue
        gap = m[x.end : cue]
        if not gap.startswith(",") or len(gap) > 160 or any(c in gap for c in ";:()"):
            continue
        if _FINITE_RE.search(gap) or any(_cue_ok(m, c, s.start) for c in art.cues(x.end, cue)):
            continue
        if _after_preposition(m, s.start, x) or not tm._opens_clause(x, s.start):
            continue
        e = tm.entities[x.entity]
        if e.kind in _SUBJECT_KINDS or _named_unknown(tm, e):
            found = (x, e)
    if found is None:
        return None
    x, e = found
    return (x.start, x.end), e.name, _TYPE_OF_KIND[e.kind], "+entity:appositive-subject"


def _clause_subject(tm, at: int) -> tuple[str, str, tuple[int, int]] | None:
    """(name, type, mention span) of the subject before a clause fragment at ``at``, or None.

    The span was a clause fragment, no speaker: the subject a verb follows, before it in its
    sentence, speaks ("X made it a centerpiece of his campaign and has boasted ...").
    """
    x = _strict_subject(tm, tm.sentence_at(at), at)
    if x is None:
        return None
    e = tm.entities[x.entity]
    return e.name, _TYPE_OF_KIND[e.kind], (x.start, x.end)


def _opens_sentence(tm, si: int, x) -> bool:
    """The mention opens its sentence, after a conjunction at most ("But Business Insider ...").

    An outlet speaks as a coordinated verb's subject only from there: after a subordinator
    ("Although Bloomberg is ...") or inside a phrase it is rarely the one who says.
    """
    lead = tm.text[tm.sentences[si].start : x.start].split()
    return not lead or len(lead) == 1 and lead[0].casefold() in _CONJUNCTIONS


_CONJUNCTIONS = frozenset({"and", "but", "yet", "so", "or"})


def _strict_subject(tm, si: int, before: int):
    """The sentence's subject mention a verb follows, before ``before``, or None.

    None too when the mention's entity cannot speak.
    """

    def speaks(e) -> bool:
        return e.kind in _SUBJECT_KINDS or _named_unknown(tm, e)

    x = tm.subject_mention(si, before, strict=True, accept=speaks)
    return x if x is not None and speaks(tm.entities[x.entity]) else None


def _named_unknown(tm, e) -> bool:
    """An entity of unknown kind that is a name: capitalised, and not only sentence-initial.

    A one-word name the story never gives in full ("Vik") is typed ``unknown`` by the text
    model; it can still be a subject. A capitalised word seen only at sentence starts may be
    an opener ("Sales", "Regardless") and is not taken.
    """
    if e.kind != "unknown" or not e.name[:1].isupper():
        return False
    return any(not tm.mentions[k].initial for k in e.mentions)


_ALPHA_RE = re.compile(r"[^\W\d_]+")


def _nameless_fragment(span: str) -> bool:
    """A lower-case clause fragment ("have long") with no capitalised, head or pronoun word."""
    first = span.split()[0] if span.split() else ""
    if (
        not first[:1].islower()
        or first.casefold() in _LEAD_OK
        or _LEADING_SUBORDINATOR_RE.match(span)
        or _LEADING_FUNCTION_RE.match(span)
    ):
        return False
    for w in _ALPHA_RE.findall(span):
        low = w.casefold()
        if not w.islower() or low in _HEADS or low in _PRONOUNS or low in _PRONOUN_WORDS:
            return False
    return True


def _is_name_like(s: str) -> bool:
    toks = s.split()
    return bool(toks) and all(t[:1].isupper() for t in toks)


def _dateline_end(art: _Article) -> int:
    """End offset of a dateline opening one of the first body paragraphs (0 when none)."""
    from ..text.model import _DATELINE_RE

    seen = 0
    for pi, (ps, pe) in enumerate(art.paras):
        if pi in art.headline_paras:
            continue
        dm = _DATELINE_RE.match(art.masked, ps, pe)
        if dm and dm.end() < pe and dm.end() - ps <= 60:
            return dm.end()
        seen += 1
        if seen >= 3:
            break
    return 0


def _model(art: _Article):
    """The text model of the article, from what the extractor computed already.

    Its mask, paragraphs and outlets: the outlets the extractor found, patterns included ("the
    Harbour Leader"), are the model's outlet mentions.
    """
    outlets = [(o[0], o[1], o[2]) for o in art.outlets]
    pre = (
        art.raw_masked, art.paras, outlets, art.all_quotes, art.masked, art.sents,
        art.headline_paras,
    )  # fmt: skip
    return _text.model(art.text, _pre=pre)


#: Words that open a clause or a phrase in front of a speaker's name, never part of a mention
#: ("After Scalia said ...", "in which Trump called ...", "such as Officer Lyle White, who
#: pleaded ...", "Even as Mr. Obama said ...").
_MENTION_LEAD_RE = re.compile(
    r"(?i:(?:(?:even|just|only|especially)\s+)?(?:"
    + "|".join(
        sorted(
            (_resources.word_set("prepositions") | _resources.word_set("mention_lead_words")),
            key=lambda w: (-len(w), w),
        )
    ).replace(" ", r"\s+")
    + r")\s+)+(?=[A-Z]|(?:the|a|an|his|her|their|its|some|all|many|most|several|other)\s)"
)


_QUOTE_MARKS = ('"', "“", "”", "_")
#: The word that starts a mention after a quotation: a capital, a determiner or a pronoun.
_CAPITAL_RE = re.compile(r"(?<![\w’'])(?:[A-Z]|(?:the|a|an|his|her|their|its|he|she|they)\b)")


def tidy_mentions(art: _Article, stmts: list[_Stmt]) -> None:
    """Start every speaker span after a quotation or the words that introduce its clause.

    The rules and the text model may take a span that opens with a subordinator or a
    preposition ("After Scalia"), or holds a quotation before the name ('“...,” Thiel'). The
    span then starts at the capitalised word after them (after the quotation's last mark);
    a speaker read from the old span is read again from the new one, a speaker the rules
    found elsewhere is kept. Spans whose rest is no name are left as they are.
    """
    m = art.masked
    for st in stmts:
        if not st.subj:
            continue
        ms, me = st.subj
        q = max(m.rfind(ch, ms, me) for ch in _QUOTE_MARKS)
        if q >= 0:
            # '“Many people are uncertain,” Thiel wrote': the quotation is no part of the name
            cap = _CAPITAL_RE.search(m, q + 1, me)
            new_start = cap.start() if cap is not None else -1
        else:
            lead = _MENTION_LEAD_RE.match(m, ms, me)
            ok = lead is not None and lead.end() < me and not _QUANTITY_LEAD_RE.match(m, ms, me)
            new_start = lead.end() if ok else -1
        if new_start <= ms:
            pm = _POSSESSOR_RE.search(m, ms, me)
            if pm is None or pm.group("name").lower() in _PRONOUNS:
                continue
            # "Donald Trump's [claim]", "Candidates condemned North Korea's [claim]": the
            # possessor of a nominal cue is its speaker, without the "'s"
            new_start, me = pm.start("name"), pm.end("name")
        old = m[ms : st.subj[1]]
        st.subj = (new_start, me)
        if st.speaker and st.speaker.casefold() in old.casefold():
            spk, typ, _g = _classify(art, m[new_start:me], new_start, me)
            if spk:
                st.speaker, st.speaker_type = spk, typ


#: A span that ends in a possessive: the name or noun phrase before the "'s" ("the
#: campaign's", "North Korea's" after a clause's verb).
_POSSESSOR_RE = re.compile(
    r"(?P<name>(?:(?:the|The)\s+(?:[\w-]+\s+){0,2}[\w-]+)|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)"
    r"[’']s?$"
)
#: A share or number of a group and a hyphenated modifier right before a description.
_QUANTITY_BEFORE_RE = re.compile(
    r"(?<![\w’'-])(?P<q>[A-Za-z]+)\s+of\s+(?:the\s+)?(?:(?:pro|anti|non|ex)-[\w’'-]+\s+)?$"
)
