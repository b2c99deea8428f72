"""Reported (indirect) speech.

What belongs here: :func:`_indirect`, which finds the reported statements of one article ("X
said (that)", "according to X", object verbs). Whether a verb is a cue in its context is
:mod:`.cues`; the readers of a cue's surroundings are :mod:`.cue_context`; what kind of source
a speaker is, :mod:`.speaker_types`.
"""

from __future__ import annotations

import re

from .. import resources as _resources
from ..text.mentions import is_past_form
from .article import (
    _Article,
)
from .clauses import (
    _COORD_CLAUSE_RE,
    _gerund_subject,
    _main_clause_subject,
    _new_clause_subject,
    clause_content_end,
)
from .cue_context import (
    _APPOS_SUBJECT_RE,
    _CLAUSE_CHUNK_RE,
    _CONJUNCTION_OPEN_RE,
    _CUE_WINDOW,
    _ENDS_IN_NAME_RE,
    _FRONTED_PP_RE,
    _INVERTIBLE,
    _PAST_AFTER_NP_RE,
    _PERFECT_LEAD_RE,
    _REST_AFTER_SET_OFF_RE,
    _SENT_SUBJ_RE,
    _SUBORDINATE_AFTER_RE,
    _TIME_THEN_CLAUSE_RE,
    _TOLD_OBJECT_RE,
    _VERBISH_RE,
    _according_sources,
    _adjunct_only,
    _adjuncts_after_hearer,
    _after_relative,
    _cue_of_quotation,
    _hearer_then_clause,
    _passive_quoted_by,
    _plausible_subject_before,
    _quote_then_speaker,
    _words_after_quote,
    coordination,
    gerund_agent,
    relative_antecedent,
)
from .cues import (
    _ASK_WH_RE,
    _QUESTION_VERBS,
    _clause_like,
    _complement_cue,
    _cue_ok,
    _needs_no_that,
    _noun_use,
    _progressive,
    infinitive_follows,
    with_absolute,
)
from .forms import (
    _CUT_RE,
    _FINITE_RE,
    _THATLESS_CLAUSE_RE,
    _THATLESS_PAST_RE,
    _according_to,
    _as_clause_after,
    _asked_questions,
    _citing_source,
    _cut_before_later_speakers,
    _parenthetical_cue,
    _trim,
)
from .lexicon import (
    _ACCORDING_RE,
    _ANON_HEADS,
    _FORM2LEMMA,
    _LEAD_FLUFF_RE,
    _OBJECT_SET,
    _PREPOSITIONS,
    _QUOTED_AS_RE,
    _RX41,
    _RX43,
    _RX44,
    _RX45,
    _RX46,
    _RX47,
    _RX49,
    _RX50,
    _RX51,
    _may_quote_as,
    _phrase_participle,
    ing_cue,
    word_before,
)
from .noun_phrases import (
    _np_after,
    _postposed_apposition,
)
from .phrases import (
    _PREP_START_RE,
    _subject,
)
from .segment import (
    _Stmt,
)

#: A name's possessive and at most one adjective right before a nominal (base-form) cue.
_POSSESSOR_CUE_RE = re.compile(
    r"(?<![\w’'])(?!(?:But|And|Yet|Or|So|Then|Despite|Amid|After|Before|Since|Following|Given"
    r"|Upon|With|Without|In|At|On|For|From|During)\s)"
    r"((?:(?:Mr|Mrs|Ms|Dr)\.\s+)?(?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w-]*[a-z])[’']s\s+"
    r"(?:(?:most|more|least)\s+)?(?:[a-z]+(?:al|ive|ous|ful|ic|ed|ent|ant|ier|est|er)\s+)?$"
)
_SPEECH_NOUNS_TO = _resources.word_set("speech_nouns_infinitive")
_GO_ON = frozenset({"went on", "goes on"})  # (a direct quotation's cue only: "“...,” X went on")
#: After a set-off cue, a comma and a conjunction opening the next reported clause.
_NEXT_CLAUSE_RE = re.compile(r",\s*(?:while|whereas|and|but)\s+")
#: An infinitive after a nominal cue ("call to ban", not "a call to the mayor").
_TO_VERB_RE = re.compile(r"\s+to\s+(?!(?:the|a|an|his|her|their|its|our|my|this|that)\b)[a-z]+\b")


#: A possessive right before a nominal cue, after a past-form modifier at most ("Trump’s
#: repeated [calls]", "Obama's [pledge]"); not before a noun ("Huckabee’s campaign [said]").
_POSSESSOR_OF_CUE_RE = re.compile(r"\w['’]s(?:\s+[a-z]+ed)?\s+$")


#: A capitalised name right after a cue and the word after it ("said Gates described ...").
_NAME_THEN_WORD_RE = re.compile(r"\s*(?:[A-Z][\w.’'-]*\s+){1,4}([a-z]+)\b")

#: A person's relative pronoun after an inverted subject ("said a person who was there").
_WHO_RE = re.compile(r"\s(?:who|whom|whose)\s")


def _reports_sentence_before(m: str, c: re.Match[str], subj, inverted: bool, comma: int) -> bool:
    """The post-posed cue ending a sentence that holds a statement reports that statement.

    Not when the comma before it is a number's ("1,100 names weren't disclosed"), when the
    cue word ends a noun phrase ("the most of any state", "rejected Clinton’s claim"), or
    when an inverted subject is no name or pronoun ("..., wrote a host of new songs").
    """
    if not m[comma + 1 : comma + 2].isspace():
        return False
    wb = _WORD_BEFORE_CUE_RE.search(m, max(0, c.start() - 30), c.start())
    if wb is not None and (
        wb.group(1).lower() in _NOUN_PHRASE_WORDS or wb.group(1).endswith(("’s", "'s"))
    ):
        return False
    if not inverted or m[subj[0]].isupper():
        return True
    # "..., said an American official": a description of a person (its head, the last word
    # before a preposition or relative, is a person's: not "wrote a host of new songs")
    head = ""
    for w in _WORD_RE.findall(m, subj[0], subj[1])[:6]:
        if w.lower() in _HEAD_ENDERS:
            break
        head = w.lower()
    return head in _ANON_HEADS


#: Words that end a description's head ("official" in "an official of the ministry who ...").
_HEAD_ENDERS = _PREPOSITIONS | _resources.word_set("relative_pronouns")


#: Statements whose subject and cue come before their content ("X said ..."): another cue
#: after them can report them (not "..., KING-TV reported, while ..., the Sun-Times reported").
_HEADED_METHODS = frozenset({"subject_cue", "coordinated_cue", "participle_cue"})
#: A fronted subordinate clause up to its comma ("Though Republicans boast of ..., ").
_FRONTED_SUBORDINATE_RE = re.compile(
    r"\s*(?:" + _resources.conjunction_pattern("contrast", "cause", "time") + r")\s[^,;:]*,",
    re.I,
)
_WORD_BEFORE_CUE_RE = re.compile(r"([\w’'-]+)\s+$")
_NOUN_PHRASE_WORDS = _resources.word_set("determiners") | {"any", "each", "every", "no", "of"}
#: Plural heads of groups of people ("voters", "residents"), from the anonymity heads.
_PEOPLE_PLURALS = frozenset(
    w
    for w in _resources.word_set("anonymity_heads")
    if w.endswith("s") or w in {"people", "men", "women"}
) - {"authorities"}
_WORD_RE = re.compile(r"[\w’'-]+")
_PP_NOT_OF = _resources.word_set("prepositions") - {"of"}
#: A plural noun phrase ending right before a participle cue, no comma between.
_REDUCED_RELATIVE_RE = re.compile(
    r"(?<![\w’'-])(?P<np>(?:(?:the|some|many|most|those|these|other)\s+)?"
    r"(?:(?!(?:of|for|in|at|with|from|on|to|by|and|or|the)\s)[A-Za-z][\w’'-]*\s+){0,3}?"
    r"(?P<head>[a-z]+))\s+$"
)
#: What may follow a post-posed cue (or its inverted subject) that ends the sentence.
_ENDS_SENTENCE_RE = re.compile(r"(?:\s+[a-z]\w*){0,2}\s*[.!?]?\s*$")
_RELATIVE_TO_END_RE = re.compile(r"\s+(?:who|whom)\s[^,;:“”\"]*[.!?]?\s*$")


def _indirect(art: _Article) -> list[_Stmt]:
    """Reported-speech statements found from reporting-verb cues in each sentence."""
    m = art.masked
    out: list[_Stmt] = []
    for ss, se, pi in art.sents:
        if pi in art.headline_paras:
            continue
        sent_stmts: list[_Stmt] = []
        cues = [c for c in art.cues(ss, se) if _cue_ok(m, c, ss) and c.group(0) not in _GO_ON]
        if cues and m.find("ccording", ss, se) >= 0:
            # "according to a recent report from X", "according to exit polls reported by
            # CNN": a cue word inside the source of "according to" is part of that source
            inside = _according_sources(m, ss, se)
            cues = [c for c in cues if not any(a <= c.start() < b for a, b in inside)]
        if len(cues) > 1:  # a noun among verb cues is no cue ("In a tweet, X said ...")
            verbs = [c for c in cues if not _noun_use(m, c, ss)]
            cues = verbs or cues
        # "X quoted Y as saying ..."
        quoted_as = list(_QUOTED_AS_RE.finditer(m, ss, se)) if _may_quote_as(m, ss, se) else []
        has_according = m.find("ccording", ss, se) >= 0
        has_asked = m.find("sked", ss, se) >= 0
        if not cues and not quoted_as and not has_according and not has_asked:
            continue  # nothing below can produce a statement
        strict = {c.start() for c in cues if _needs_no_that(m, c)}
        # cues that need no complement rule (infinitive, object, "as") to count
        strict_clause = {
            c.start()
            for c in cues
            if c.start() in strict
            and not _complement_cue(m, _FORM2LEMMA.get(c.group(0).lower(), "say"), c.end())
        }
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
            passive = _passive_quoted_by(m, ss, qa, np_s, np_e)
            if passive is not None:
                # "Holm was quoted by the Harbour Gazette as saying ...": the subject
                # speaks, the agent after "by" is the channel
                if passive[0] is None:
                    continue
                (np_s, np_e), via_span = passive
            else:
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
        noun_to: set[int] = set()  # nominal cues with an infinitive ("Dahl's call to ban")
        sent_subjs: list[tuple[int, int, int]] = []  # (cue start, subject span)
        for c in cues:
            if c.start() in taken:
                continue
            # Work on a bounded window around the cue, so that a run-on sentence costs time
            # linear in its length (a real sentence is far shorter than the window).
            lo_c = ss if c.start() - ss <= _CUE_WINDOW else c.start() - _CUE_WINDOW
            hi_c = se if se - c.end() <= _CUE_WINDOW else c.end() + _CUE_WINDOW
            lemma = _FORM2LEMMA.get(c.group(0).lower(), "say")
            wl = c.group(0).lower()
            before_txt = m[lo_c : c.start()]
            subj, appos = _subject(m, lo_c, c.start()) if before_txt.strip() else (None, "")
            possessor = False
            if lemma == wl and before_txt.endswith(" "):
                pm = _POSSESSOR_CUE_RE.search(m, max(lo_c, c.start() - 60), c.start())
                if pm is not None:
                    # "Mr. Obama's original pledge to remove all troops": a nominal cue's
                    # possessor made it
                    subj, appos, possessor = pm.span(1), "", True
            if subj and _POSSESSOR_OF_CUE_RE.search(m, subj[0], c.start()):
                possessor = True  # "decried Trump’s repeated calls to ...": likewise
            if possessor and lemma in _SPEECH_NOUNS_TO and _TO_VERB_RE.match(m, c.end()):
                # "Dahl's call to ban piers": the noun's infinitive is what was said
                strict.add(c.start())
                noun_to.add(c.start())
            participle = ing_cue(wl) and not _progressive(m, c.start(), lo_c)
            if participle and " " in wl and not _phrase_participle(before_txt):
                participle = False  # "a petition calling on him": the noun phrase's cue
            if ing_cue(wl):
                ga = gerund_agent(m, c.start(), lo_c)
                if ga is not None:
                    # "respond to Jeb Bush's calling him a jerk": the possessive is the agent
                    participle, subj, appos = False, ga, ""
            rr = (
                _REDUCED_RELATIVE_RE.search(m, max(lo_c, c.start() - 80), c.start())
                if participle
                else None
            )
            if rr is not None and rr.group("head").lower() in _PEOPLE_PLURALS:
                # "The proportion of GOP primary voters saying they want ...": a participle
                # right after a group of people (no comma) is a reduced relative; they speak
                # (from after a verb before them: "The mayor met residents saying")
                np_s = rr.start("np")
                for wm in _WORD_RE.finditer(m, np_s, rr.start("head")):
                    if is_past_form(wm.group()) or wm.group().lower() in _FORM2LEMMA:
                        np_s = wm.end() + 1
                # (not "making a pitch to New York voters saying ...": the object of a
                # preposition other than a share's "of" is no subject)
                if word_before(m, np_s, lo_c) not in _PP_NOT_OF:
                    participle, subj, appos = False, (np_s, rr.end("np")), ""
            wabs = with_absolute(m, c.start(), lo_c) if participle else None
            if wabs is not None:
                # "..., with Senator X telling reporters ...": X is the participle's subject
                participle, subj, appos = False, wabs, ""
            # "Having announced that X, the judge ...": a perfect participle opening the
            # sentence is fronted like "Reiterating that X, ..." (its subject comes after)
            perfect = c.start() - ss < 20 and _PERFECT_LEAD_RE.fullmatch(before_txt.strip())
            participle = participle or bool(perfect)
            if participle and not perfect and c.start() - lo_c < 3 and _gerund_subject(art, c, se):
                continue  # "Defending that terrain is X's strength, said Y": a gerund subject
            if subj and not participle:
                sent_subjs.append((c.start(), subj[0], subj[1]))
            cm = coordination(before_txt)
            coord = cm is not None and not _after_relative(before_txt, cm)
            if participle or coord or (subj and m[subj[0] : subj[1]].lower() in {"and", "but"}):
                subj = None
            ra = relative_antecedent(before_txt, cm) if cm is not None else None
            if ra is not None:
                coord = True  # ("the boy, who wore a hat and said": coordinated too)
                # "said a former official who oversaw X and described Y as ...": the relative
                # pronoun's antecedent is the cue's subject
                subj, appos = (lo_c + ra[0], lo_c + ra[1]), ""
            if not participle and not coord:
                # "..., as X has said.": the clause before (after another statement too)
                pst = _as_clause_after(art, c, lo_c, hi_c, (ss, se), sent_stmts)
                if pst is None and not sent_stmts:
                    # "The delay, she noted, was ...", "As X noted, ...", "As reported by X"
                    pst = _parenthetical_cue(art, c, lo_c, hi_c, (ss, se))
                if pst is not None:
                    sent_stmts.append(pst)
                    prev_subj = pst.subj
                    continue
            # post-posed attribution: "..., X said." / "..., said X."
            tail = m[c.end() : hi_c]
            post = False
            inverted = False
            comma_before = before_txt.rstrip().endswith(",")
            seg_before = before_txt.rfind(",")
            tail_core = _RX43.split(tail, 1)[0] if "," in tail else tail
            if (
                not participle
                and not coord
                and seg_before >= 0
                and not _RX44.search(tail_core.split(",", 1)[0])
            ):
                between = m[lo_c + seg_before + 1 : c.start()]
                prev_orig = before_txt[: before_txt.rstrip().rfind(",")]
                prev_orig = prev_orig[prev_orig.rfind(",") + 1 :].strip()
                prev_chunk = prev_orig.lower()
                if (
                    comma_before
                    and lemma in _INVERTIBLE
                    and _RX45.match(tail)
                    and not (
                        _RX46.match(prev_chunk)
                        and len(prev_chunk.split()) <= 6
                        and not _FINITE_RE.search(prev_chunk)
                        and not _CLAUSE_CHUNK_RE.match(prev_chunk)
                    )
                    # "His deputy, Anna Berg, said the opposite": a name set off by commas
                    # right before the cue is its subject's apposition, nothing is inverted
                    and not (
                        "," in before_txt.rstrip()[:-1]
                        and _ENDS_IN_NAME_RE.fullmatch(prev_orig)
                        and _plausible_subject_before(before_txt, prev_orig)
                    )
                ):
                    first = tail.split(",", 1)[0]
                    # "said the Khan family deserved better" is a clause, no inverted name
                    rel = _WHO_RE.search(first)
                    if rel is not None:
                        # "..., said a person who was there": the relative clause's own verb
                        # (one at most) is no clause after the cue
                        # (and the sentence goes on with no verb of its own: not "said the
                        # aide who succeeded him, Paul Manafort, should be fired")
                        inverted = (
                            not _FINITE_RE.search(first, 0, rel.start())
                            and len(_FINITE_RE.findall(first, rel.end())) <= 1
                            and not _PAST_AFTER_NP_RE.match(first[: rel.start()])
                            and not _FINITE_RE.search(tail, len(first))
                        )
                    else:
                        inverted = not _FINITE_RE.search(first) and not _PAST_AFTER_NP_RE.match(
                            first
                        )
                    nv = _NAME_THEN_WORD_RE.match(first) if inverted else None
                    if nv is not None and is_past_form(nv.group(1)):
                        # "..., said Gates described the role as ...": a name and its past
                        # verb open a that-less clause, no inverted subject
                        inverted = False
                    post = inverted
                elif (
                    0 < len(between.split()) <= 9
                    and not _RX47.search(between)
                    and not infinitive_follows(m, lemma, c.end(), hi_c)
                ):
                    # (not "In a turn that recalled X, Y pledged to oppose Z": the infinitive
                    # is the content, no adjunct)
                    post = _adjuncts_after_hearer(tail, lemma)
            pap = None
            if not post and comma_before and not participle and not coord and not sent_stmts:
                # "..., Tad Berg, a spokesman, said." / "..., his aide, Tad Berg, told Y."
                pap = _postposed_apposition(m, lo_c, c.start(), _FINITE_RE)
                if pap is not None:
                    post = _adjuncts_after_hearer(tail, lemma)
                    pap = pap if post else None
            am_ = _APPOS_SUBJECT_RE.match(m, lo_c, c.start()) if comma_before else None
            if am_ and (
                _PREP_START_RE.match(am_.group("name")) or _LEAD_FLUFF_RE.match(am_.group("name"))
            ):
                am_ = None  # "In Paris, the minister, said": a fronted adjunct, not a name
            if am_ and not participle and not coord:
                # "X, who ..., said the plan failed": the cue is X's main verb, X its subject
                post = inverted = False
                subj = (am_.start("name"), am_.end("name"))
            if post:
                if pap is not None:
                    subj, appos = pap[0], pap[1]
                    cs_, ce_ = lo_c, pap[2]
                elif inverted:
                    subj, appos = _np_after(m, c.end(), hi_c)
                    cs_, ce_ = lo_c, lo_c + seg_before
                    rest = _REST_AFTER_SET_OFF_RE.match(m, subj[1], hi_c) if subj else None
                    if (
                        rest is not None
                        and not _FINITE_RE.search(m[cs_:ce_])
                        and hi_c - rest.end() > 3
                    ):
                        # "Part of the trouble, say experts like X, a Y, is the ground": the
                        # cue is set off inside its statement, which is the whole sentence
                        ce_ = hi_c
                else:
                    subj, appos = _subject(m, lo_c + seg_before + 1, c.start())
                    cs_, ce_ = lo_c, lo_c + seg_before
                    front = m[cs_:ce_]
                    com_after = m.find(",", c.end(), min(hi_c, c.end() + 3))
                    if (
                        com_after >= 0
                        and _PREP_START_RE.match(front.lstrip())
                        and not _FINITE_RE.search(front)
                        # (not "In Seattle, marchers honored X, KING-TV reported, while ...":
                        # a clause after the fronted phrase's comma is the content)
                        and "," not in front
                        and hi_c - com_after > 12
                    ):
                        # "In the early 1990s, X said, when ...": the fronted phrase is an
                        # adjunct; the reported clause follows the parenthetical cue
                        cs_, ce_ = com_after + 1, hi_c
                        cut = _CUT_RE.search(m, cs_, ce_)
                        if cut and cut.start() > cs_:
                            ce_ = cut.start()
                # the content must not itself hold an attributed statement
                cs_, ce_ = _trim(art.text, cs_, ce_)
                ac = _ACCORDING_RE.match(m, cs_)
                if ac:
                    com = m.find(",", ac.end(), ce_)
                    if com > 0:
                        cs_ = _trim(art.text, com, ce_)[0]
                if _quote_then_speaker(art, cs_, ce_):
                    continue  # "“...,” X, the mayor, told Y": the direct quote's own cue
                last = sent_stmts[-1] if sent_stmts and subj else None
                if last is not None and last.method == "postposed_cue" and last.cue[1] < ce_:
                    nb = _NEXT_CLAUSE_RE.match(m, last.cue[1], ce_)
                    if nb is not None:
                        # "A, NRK reported, while B, the Bergen paper reported": a sequence of
                        # set-off cues, each reporting its own clause
                        cs_ = _trim(art.text, nb.end(), ce_)[0]
                        st = _Stmt(
                            "indirect", cs_, ce_, (c.start(), c.end()), subj, (ss, se),
                            "postposed_cue", 0.75, apposition=appos,
                        )  # fmt: skip
                        sent_stmts.append(st)
                        prev_subj = subj
                        continue
                if (
                    sent_stmts
                    or sum(1 for x in sent_subjs if x[0] in strict or x[0] == c.start()) > 1
                    or any(
                        _cue_ok(m, c2, ss, need_that=True)
                        for c2 in art.cues(cs_, ce_)
                        if c2.start() > cs_ and c2.start() != c.start()
                    )
                ):
                    # an earlier statement in the sentence: this is a via / second attribution
                    outlet = subj is not None and art.outlet_at(*subj)
                    if subj:
                        for st in sent_stmts:
                            if outlet and st.via is None:
                                st.via = subj
                    fm = _FRONTED_SUBORDINATE_RE.match(m, cs_, ce_)
                    if fm is not None and all(st.start < fm.end() for st in sent_stmts):
                        # "Though X boast of ..., there is ..., Y say": the fronted clause and
                        # its statement are no part of what Y says
                        cs_ = _trim(art.text, fm.end(), ce_)[0]
                        sent_stmts_inner = []
                    else:
                        sent_stmts_inner = sent_stmts
                    if fm is not None and sent_stmts_inner:
                        continue
                    if not (
                        subj
                        and not outlet
                        and sent_stmts
                        and all(
                            cs_ <= st.start and st.method in _HEADED_METHODS
                            for st in sent_stmts_inner
                        )
                        and (
                            _ENDS_SENTENCE_RE.match(m, max(subj[1], c.end()), se)
                            # "..., said an official who was briefed on it.": a relative
                            # clause of the inverted subject ends the sentence
                            or inverted
                            and _RELATIVE_TO_END_RE.match(m, subj[1], se)
                        )
                        # (not "..., and the board agreed": a clause of its own)
                        and m[ce_ : min(subj[0], c.start())].strip() in ("", ",")
                        and _reports_sentence_before(m, c, subj, inverted, lo_c + seg_before)
                    ):
                        continue
                    # "He promised to defeat Randolph ..., Frankel said.": the cue that ends the
                    # sentence reports the statement before it, which stays its own row and
                    # ends where this one's content does
                    for st in sent_stmts_inner:
                        st.end = min(st.end, ce_)
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
            if lemma in _QUESTION_VERBS:
                wm = _ASK_WH_RE.match(m, p, hi_c)
                if wm:
                    # the question: "whether ...", "if ...", "how ...", "about ..."
                    p = wm.start("wh") if wm.group("wh") else wm.start("about")
            elif lemma == "tell" or (
                lemma in {"inform", "brief", "assure", "warn"} and not wl.startswith("warn")
            ):
                om = _TOLD_OBJECT_RE.match(m[p:hi_c])
                if om is None or _VERBISH_RE.search(om.group(1)):
                    # "told reporters the budget was balanced": the hearer, then a that-less
                    # clause (not a hearer that runs on to the sentence's end)
                    om = _hearer_then_clause(m, p, hi_c)
                if om:
                    p += om.end()
            if infinitive_follows(m, lemma, p, hi_c) or c.start() in noun_to:
                # "pledged to oppose X “today, tomorrow, forever”": the infinitive is the
                # content, not an adjunct before a that-clause or a quotation
                am = am_q = None
            else:
                am = _ADJ_THAT_RE.match(m, p, hi_c)
                am_q = None if am else _ADJ_QUOTE_RE.match(m, p, hi_c)
            if am:
                p = am.end()
            elif am_q:
                p = am_q.end()
            elif lemma in _OBJECT_SET:
                pass
            else:
                am2 = _RX49.match(m[p:hi_c])
                p += am2.end() if am2 else 0
            tm = _TIME_THEN_CLAUSE_RE.match(m, p, hi_c)
            if tm:
                p = tm.start("c")  # "said Wednesday he agrees": the clause after the time word
            r50 = _RX50.match(m[p:hi_c])
            if (
                r50
                and not (
                    r50.group(0).rstrip()[-1:] in '"“' and _words_after_quote(art, p, hi_c) >= 3
                )
                # ("said Tuesday that according to its count, X won": "that" opened the clause)
                and not (am and r50.group(0).rstrip()[-1:] not in '"“')
            ):
                continue  # the quotation is the statement (read as a direct quote)
            if _adjunct_only(m[p:hi_c]) and not _complement_cue(m, lemma, c.end()):
                continue
            if (
                not am
                and subj
                and (m[c.end() : c.end() + 1] != "," or _SUBORDINATE_AFTER_RE.match(m, c.end()))
                # (a that-less clause goes on with a statement: '“...,” X told reporters he
                # would appeal')
                and not (
                    _THATLESS_CLAUSE_RE.match(m, p - 1, hi_c)
                    or _THATLESS_PAST_RE.match(m, p - 1, hi_c)
                )
                and _cue_of_quotation(art, ss, subj, c.start())
            ):
                # "“I love Oreos,” Trump said in August after Nabisco announced ...": the
                # quotation is the statement; what follows its cue is an adjunct (a comma after
                # the cue may go on with the statement: '“Only you,” she said, would ...')
                prev_subj = subj
                continue
            cs_, ce_ = _trim(art.text, p, hi_c)
            cj = _CONJUNCTION_OPEN_RE.match(m, cs_, ce_)
            if cj and any(c2.start() == cj.end() for c2 in art.cues(cj.end(), cj.end() + 30)):
                # "discussed the Holm report but said ...": a conjunction and a cue open the
                # next statement of the sentence, not the content of a cue before it
                if subj:
                    prev_subj = subj
                continue
            cut = _CUT_RE.search(m, cs_, ce_)
            if cut and cut.start() > cs_:
                ce_ = _trim(art.text, cs_, cut.start())[1]
            ce_ = clause_content_end(art, ss, lo_c, c, subj, cs_, ce_)
            if lemma == "call" and not _RX51.match(m[c.end() : c.end() + 5]):
                pass
            if (
                ce_ - cs_ < 3
                or (
                    # "he is saying goodbye": a progressive cue needs a reported clause
                    wl.endswith("ing")
                    and not participle
                    and not (am or _clause_like(m, cs_, ce_) or _complement_cue(m, lemma, c.end()))
                )
                or (
                    c.start() not in strict_clause
                    and not coord
                    and any(s2.start <= c.start() < s2.end for s2 in sent_stmts)
                )
            ):
                # (an object/infinitive cue inside another statement's content is part of it:
                # "X said Y chose Z because it had promised to ...")
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
            if possessor:
                # the possessor speaks inside another clause's object ("Khan decried Trump's
                # calls to ban ..., noting ..."): no later statement reuses its speaker
                stmt.extra["possessor"] = True
            if subj is None:
                nc = _new_clause_subject(m, sent_stmts, c) if participle and sent_stmts else None
                if nc is not None:
                    # "X say A, and the ACLU has sued the city, saying B": the participle goes
                    # with the clause before it, which has a subject of its own
                    stmt.subj = nc
                    stmt.method = "participle_sentence_subject"
                elif prev_subj is not None or sent_stmts:
                    stmt.subj_from = -1  # reuse previous statement's speaker in this sentence
                elif participle and (c.start() - lo_c < 3 or perfect):
                    stmt.extra["fronted"] = True
                elif participle:
                    fm = _FRONTED_PP_RE.match(m, lo_c, c.start())
                    sm = _SENT_SUBJ_RE.match(m, fm.end() if fm else lo_c, c.start())
                    for bm in _COORD_CLAUSE_RE.finditer(m, sm.end() if sm else lo_c, c.start()):
                        # "X dodged it, but Y brought her back, asking ...": the participle
                        # goes with the last coordinated clause, whose subject is Y
                        sm = _SENT_SUBJ_RE.match(m, bm.end(), c.start()) or sm
                    stmt.subj = _subject(m, sm.start(1), sm.end(1))[0] if sm else None
                    # (a phrase cue's object is what was said: "calling for a ban")
                    phrase = " " in wl
                    if (
                        fm is not None
                        and stmt.subj is not None
                        and not (am or phrase or _clause_like(m, cs_, ce_))
                    ):
                        # "In June, X extended its attacks, declaring a caliphate": read past
                        # a fronted phrase, the subject speaks only a reported clause
                        continue
                    if stmt.subj is not None:
                        stmt.method = "participle_sentence_subject"
                        stmt.conf = 0.5
                    elif (
                        am
                        or phrase
                        or _clause_like(m, cs_, ce_)
                        or infinitive_follows(m, lemma, c.end(), hi_c)
                    ):
                        # "X did Y, saying Z", "X told reporters, vowing to appeal": the
                        # sentence subject (read by the text model in quotes.speakers) speaks;
                        # unknown when there is none
                        stmt.conf = 0.45
                    else:
                        continue  # "declaring a caliphate": an object, not a reported clause
                elif (
                    coord
                    and c.start() - lo_c > 3
                    and (
                        am
                        or _clause_like(m, cs_, ce_)
                        or _complement_cue(m, lemma, c.end())
                        or len(m[cs_:ce_].split()) >= 3
                    )
                ):
                    # "X did Y and says Z": the speaker is the sentence's subject, which the
                    # text model reads (quotes.speakers); unknown when it finds none
                    stmt.conf = 0.45
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
                else:
                    _main_clause_subject(m, st)
        # according to X; passive questions ("was asked whether ...")
        if has_according:
            _according_to(art, ss, se, sent_stmts)
        if has_asked:
            _asked_questions(art, ss, se, sent_stmts)
        if sent_stmts and m.find("iting ", ss, se) >= 0:
            _citing_source(art, ss, se, sent_stmts)
        if len(sent_stmts) > 1:
            _cut_before_later_speakers(art, sent_stmts)
        out.extend(sent_stmts)
    return out


#: Adjuncts between a cue and its "that" or quotation: time words and adverbs ("Tuesday
#: morning", "later", "again", "repeatedly"), then a prepositional or time phrase ("on
#: Tuesday", "in a statement", "last week").
_ADJ = (
    r"(?:\s+(?:later|earlier|afterwards?|again|also|yesterday|today|tonight|[a-z]{2,}ly|(?:"
    + "|".join(_resources.weekday_names())
    + r")(?:\s+(?:morning|afternoon|evening|night))?)\b)*"
    r"(?:\s+(?:on|in|at|during|after|before|to|with|from|over|late|early|last|this)\b"
    r"[^,.;\"“”_]{0,60}?)?"
)
_ADJ_THAT_RE = re.compile(_ADJ + r"\s*,?\s*that\b(?![’']s\b)")
_ADJ_QUOTE_RE = re.compile(_ADJ + r"\s*[,:]?\s*(?=[\"“])")
_CONTEXT_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:[a-z]+ly\s+)?([a-z]+ed|[a-z]+s)\b")
