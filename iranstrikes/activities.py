"""Activities with feedback: questions a student answers by clicking, checked against the data.

What belongs here: builders that turn a corpus's frames into questions — predict what backs
the headlines, classify a source, find the words behind a headline, decide whether a summary
says more than the quote, read a relative date, see what later coverage changes — and
:class:`Question`, which checks an answer and explains why, in words, from the same frames.
Nothing about particular articles is written here: every prompt, option, right answer and
explanation is computed, so the activities work on any corpus (a builder with nothing to ask
returns a question that says so).

In a notebook: ``activities.classify_sources(corpus)`` as the last expression shows the
questions; ``q.check(value)`` returns ``(right, feedback)`` for tests and for the answer key
(:func:`answer_key`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from . import reader

__all__ = [
    "Question",
    "Quiz",
    "predict_headlines",
    "classify_sources",
    "find_the_words",
    "summary_or_quote",
    "read_the_date",
    "later_coverage",
    "answer_key",
]

RIGHT = "✓ Right."
WRONG = "✗ Not quite."


@dataclass
class Question:
    """One question with options, the right answer and the explanation.

    Attributes:
        prompt: The question, in words (plain text; escaped when shown).
        options: ``(label, value)`` pairs shown as buttons.
        answer: The value of the right option.
        why: The explanation shown after any answer (computed from the data).
        context: Text shown above the options (e.g. the sentence in question).
    """

    prompt: str
    options: list[tuple[str, str]]
    answer: str
    why: str
    context: str = ""
    _widget: Any = field(default=None, repr=False, compare=False)

    def check(self, value: Any) -> tuple[bool, str]:
        """Check an answer; returns (right?, feedback in words)."""
        if value is None or value == "":
            return False, "Choose an answer first."
        right = str(value) == str(self.answer)
        label = dict((v, lab) for lab, v in self.options).get(self.answer, self.answer)
        if right:
            return True, f"{RIGHT} {self.why}"
        return False, f"{WRONG} The answer is “{label}”. {self.why}"

    @property
    def widget(self) -> Any:
        """The question as ipywidgets: the options as buttons, a Check button, the feedback."""
        if self._widget is None:
            import ipywidgets as w

            head = f"<p><b>{html.escape(self.prompt)}</b></p>"
            if self.context:
                head += (
                    '<blockquote style="border-left:3px solid #999;margin:4px 0;'
                    f'padding:2px 10px;white-space:pre-wrap">{html.escape(self.context)}'
                    "</blockquote>"
                )
            choice = w.RadioButtons(options=self.options, value=None, layout=w.Layout(width="100%"))
            button = w.Button(description="Check my answer", button_style="primary")
            feedback = w.HTML()

            def on_click(_b: Any) -> None:
                right, text = self.check(choice.value)
                colour = "#1a7f37" if right else "#b35900"
                feedback.value = (
                    f'<p class="iranstrikes-feedback" style="color:{colour};white-space:pre-wrap">'
                    f"{html.escape(text)}</p>"
                )

            button.on_click(on_click)
            box = w.VBox([w.HTML(head), choice, button, feedback], layout=w.Layout(width="100%"))
            box.add_class("iranstrikes-activity")
            box.choice, box.button, box.feedback = choice, button, feedback  # type: ignore[attr-defined]
            self._widget = box
        return self._widget

    def static_html(self) -> str:
        """The question as plain HTML for the static site: the answer folded in ``<details>``."""
        label = dict((v, lab) for lab, v in self.options).get(self.answer, self.answer)
        ctx = (
            '<blockquote style="border-left:3px solid #999;margin:4px 0;padding:2px 10px">'
            f"{html.escape(self.context)}</blockquote>"
            if self.context
            else ""
        )
        opts = "".join(f"<li>{html.escape(lab)}</li>" for lab, _ in self.options)
        return (
            f'<div class="iranstrikes-activity-static" style="margin-bottom:1.2em">'
            f"<p><b>{html.escape(self.prompt)}</b></p>"
            f"{ctx}<ul>{opts}</ul><details><summary>Check the answer</summary>"
            f"<p><b>{html.escape(label)}</b>. {html.escape(self.why)}</p></details></div>"
        )

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget, metadata={STATIC_KEY: self.static_html()})


STATIC_KEY = "iranstrikes/static-html"
"""Output-metadata key holding an activity's static HTML (the static site shows it instead of
the widget, which cannot run without a kernel)."""


class Quiz(list):
    """Several questions shown one under the other (a list of :class:`Question`)."""

    def __init__(self, questions: Sequence[Question], title: str = "") -> None:
        super().__init__(questions)
        self.title = title

    def _ipython_display_(self) -> None:
        import ipywidgets as w
        from IPython.display import display

        parts = [w.HTML(f"<h4>{html.escape(self.title)}</h4>")] if self.title else []
        if not self:
            parts.append(w.HTML("<p><em>This corpus gives nothing to ask here.</em></p>"))
        box = w.VBox(parts + [q.widget for q in self], layout=w.Layout(width="100%"))
        display(box, metadata={STATIC_KEY: self.static_html()})

    def static_html(self) -> str:
        """All the questions as plain HTML for the static site (answers folded)."""
        head = f"<h4>{html.escape(self.title)}</h4>" if self.title else ""
        if not self:
            return head + "<p><em>This corpus gives nothing to ask here.</em></p>"
        return head + "".join(q.static_html() for q in self)

    def __repr__(self) -> str:
        return "\n\n".join(f"{i}. {q.prompt}" for i, q in enumerate(self, start=1)) or "(none)"


def _frame(corpus: Any, name: str) -> pd.DataFrame:
    df = getattr(corpus, name, None)
    return df if isinstance(df, pd.DataFrame) else pd.DataFrame()


def _sources(corpus: Any) -> pd.DataFrame:
    st = _frame(corpus, "stances")
    if st.empty:
        return st
    if "source" in st.columns and (st["source"] == "codebook").any():
        st = st[st["source"] == "codebook"]
    return st


# --------------------------------------------------------------------------------------
# 00 / 03: predict what backs the headlines
# --------------------------------------------------------------------------------------
_BACKING = [
    ("A named person, on the record", "person"),
    ("An unnamed source (“a senior official”)", "anonymous"),
    ("An institution speaking openly (a ministry, the army)", "institution"),
    ("Nobody: no source in the article says it", "none"),
]


def predict_headlines(corpus: Any) -> Quiz:
    """Predict, then check: what backs the most common headline claim in its own articles?"""
    hs = _frame(corpus, "headline_support")
    if hs.empty:
        return Quiz([], "Predict the headlines")
    names = reader.claim_names(corpus)
    texts = reader.proposition_labels(corpus)
    key = (
        hs.groupby(["proposition_id", "headline_stance"])
        .size()
        .sort_values(ascending=False, kind="stable")
    )
    pid, stance = key.index[0]
    n = int(key.iloc[0])
    rows = hs[(hs["proposition_id"] == pid) & (hs["headline_stance"] == stance)]
    st = _sources(corpus)
    kinds = []
    for r in rows.itertuples(index=False):
        sup = st[
            (st["article_id"] == r.article_id)
            & (st["proposition_id"] == pid)
            & (st["stance"] == stance)
            & st["speaker_type"].isin(["person", "anonymous", "institution"])
        ]
        types = set(sup["speaker_type"])
        kinds.append(
            "person" if "person" in types else "institution" if "institution" in types
            else "anonymous" if "anonymous" in types else "none"
        )  # fmt: skip
    answer = pd.Series(kinds).value_counts().sort_index().idxmax()
    verb = reader.words("stance", stance)
    labels = reader.article_labels(corpus)
    said = "; ".join(labels.get(str(a), str(a)) for a in rows["article_id"])
    why = f"These headlines: {said}. " + reader.finding_sentences(corpus, keys=[(pid, stance)])[0]
    q = Question(
        prompt=(
            f"{n} headlines {verb.replace('says', 'say')} to {names.get(pid, pid)}. Before you "
            "look at the articles: what do you think backs these headlines in their own "
            "articles, most of the time?"
        ),
        context=f"{names.get(pid, pid).capitalize()}: {texts.get(pid, pid)}",
        options=_BACKING,
        answer=answer,
        why=why,
    )
    return Quiz([q], "Predict, then check")


# --------------------------------------------------------------------------------------
# 01: classify a source
# --------------------------------------------------------------------------------------
_KINDS = [
    ("Named: the article gives the person's name", "person"),
    ("Anonymous: the article does not say who", "anonymous"),
    ("An institution or office speaking as such", "institution"),
]


def _sentence(corpus: Any, article_id: str, start: Any, end: Any) -> str:
    arts = _frame(corpus, "articles").set_index("article_id")
    if article_id not in arts.index or pd.isna(start) or pd.isna(end):
        return ""
    body = str(arts.loc[article_id, "body"])
    return reader.sentence_around(body, int(start), int(end))


def classify_sources(corpus: Any, n: int = 3) -> Quiz:
    """Classify sources: is the source of a quote named, anonymous or an institution?

    One quote of each kind, checked against ``quotes.speaker_type``. A named source is asked
    about where the article uses the name; an institution where ``people`` curates it.
    """
    q = _frame(corpus, "quotes")
    out = []
    if q.empty:
        return Quiz(out, "Who is the source?")
    labels = reader.article_labels(corpus)
    people = _frame(corpus, "people")
    curated = set(people.loc[people.get("source", pd.Series(dtype=str)) == "curated", "person_id"])
    picked = []
    for kind in ("anonymous", "person", "institution"):
        rows = q[(q["speaker_type"] == kind) & q["speaker_start"].notna()].sort_values("quote_id")
        if kind == "person":  # where the article uses the name itself
            names = rows["speaker"].astype(str).str.lower().str.split()
            mentions = rows["speaker_mention"].astype(str).str.lower()
            uses = [any(t in m for t in n) for n, m in zip(names, mentions, strict=True)]
            rows = rows[uses]
        if kind == "institution" and rows["person_id"].isin(curated).any():
            rows = rows[rows["person_id"].isin(curated)]
        if len(rows):
            picked.append(rows.iloc[0])
    for r in picked[:n]:
        mention = r["speaker_mention"] if isinstance(r["speaker_mention"], str) else r["speaker"]
        context = _sentence(corpus, r["article_id"], r["speaker_start"], r["speaker_end"])
        kind = str(r["speaker_type"])
        why = {
            "person": f"“{mention}” names the speaker: a reader could check who said it.",
            "anonymous": f"“{mention}” does not say who spoke: the reader has to trust the "
            "outlet that this person exists and knows.",
            "institution": f"“{mention}” is an organisation or office speaking openly, on the "
            "record, but no single person is named.",
        }[kind]
        out.append(
            Question(
                prompt=f"In {labels.get(str(r['article_id']), '')}, who is the source in brackets?",
                context=context,
                options=_KINDS,
                answer=kind,
                why=why,
            )
        )
    return Quiz(out, "Who is the source?")


# --------------------------------------------------------------------------------------
# 03: find the exact words behind a headline
# --------------------------------------------------------------------------------------
def find_the_words(corpus: Any, n: int = 1) -> Quiz:
    """Find the words behind a headline that rests on one source: which sentence is it?"""
    hs = _frame(corpus, "headline_support")
    st = _sources(corpus)
    out: list[Question] = []
    if hs.empty or st.empty:
        return Quiz(out, "Find the words behind the headline")
    arts = _frame(corpus, "articles").set_index("article_id")
    labels = reader.article_labels(corpus)
    order = hs.assign(_anon=hs["verdict"] != "rests only on anonymous source(s)")
    for r in order.sort_values(["_anon", "article_id"], kind="stable").itertuples(index=False):
        sup = st[
            (st["article_id"] == r.article_id)
            & (st["proposition_id"] == r.proposition_id)
            & (st["stance"] == r.headline_stance)
            & st["speaker_type"].isin(["person", "anonymous", "institution"])
        ].sort_values("evidence_start")
        others = st[
            (st["article_id"] == r.article_id)
            & ~st["evidence"].isin(sup["evidence"])
            & (st["speaker_type"] != "headline")
        ].sort_values("evidence_start")
        if sup.empty or others.empty:
            continue
        right = sup.iloc[0]
        wrong = list(dict.fromkeys(others["evidence"]))[:2]
        opts = sorted({str(right["evidence"]), *map(str, wrong)})
        headline = arts["headline"].get(r.article_id)
        shown = headline if isinstance(headline, str) and headline else r.headline_text
        name = reader.speaker_names(corpus, sup.iloc[[0]])[0]
        why = (
            f"The headline rests on “{right['evidence']}”, said by {name} "
            f"({reader.words('speaker_type', right['speaker_type'])}). "
            f"{reader.words('verdict', r.verdict)}"
        )
        out.append(
            Question(
                prompt=f"{labels.get(str(r.article_id), '')}. Which words in the article back "
                "this headline?",
                context=str(shown),
                options=[(f"“{o}”", o) for o in opts],
                answer=str(right["evidence"]),
                why=why,
            )
        )
        if len(out) >= n:
            break
    return Quiz(out, "Find the words behind the headline")


# --------------------------------------------------------------------------------------
# 03: does the summary say more than the quote?
# --------------------------------------------------------------------------------------
def summary_or_quote(corpus: Any, n: int = 1) -> Quiz:
    """Does the outlet's summary say more than the speaker's own words?

    Asked about the outlet's own characterisations; the codebook's rationale explains.
    """
    st = _sources(corpus)
    out: list[Question] = []
    if st.empty or "form" not in st.columns:
        return Quiz(out, "Summary or quote?")
    media = st[(st["form"] == "characterisation") & (st["speaker_type"] == "media")]
    media = media[media["rationale"].notna()].sort_values(["article_id", "evidence_start"])
    labels = reader.article_labels(corpus)
    names = reader.claim_names(corpus)
    for r in media.itertuples(index=False):
        out.append(
            Question(
                prompt=f"{labels.get(str(r.article_id), '')} writes this in its own words. On "
                f"{names.get(r.proposition_id, r.proposition_id)} it "
                f"{reader.words('stance', r.stance)}. Is that what a source said, or the "
                "outlet's own summary saying more than the quoted words?",
                context=f"“{r.evidence}”",
                options=[
                    ("A source said it: the summary matches the quoted words", "source"),
                    ("The outlet's own summary: it says more than the quoted words", "outlet"),
                ],
                answer="outlet",
                why=f"The codebook's reason: {reader.article_refs_in_words(corpus, r.rationale)}",
            )
        )
        if len(out) >= n:
            break
    return Quiz(out, "Summary or quote?")


# --------------------------------------------------------------------------------------
# 02: read a relative date
# --------------------------------------------------------------------------------------
def read_the_date(corpus: Any, n: int = 1) -> Quiz:
    """Which day does "on Tuesday" mean? Checked against the chronology's resolved date."""
    ev = _frame(corpus, "events")
    arts = _frame(corpus, "articles").set_index("article_id")
    out: list[Question] = []
    if ev.empty:
        return Quiz(out, "Which day is it?")
    ev = ev[
        ev["date_start"].notna()
        & (ev["date_start"] == ev["date_end"])
        & ev["basis"].astype("string").str.startswith("published:").fillna(False)
        & ev["date_text"].notna()
    ]
    relative = ~ev["date_text"].astype(str).str.contains(r"\d", regex=True)
    ev = ev.assign(_rel=relative).sort_values(
        ["_rel", "confidence", "event_id"], ascending=[False, False, True], kind="stable"
    )
    labels = reader.article_labels(corpus)
    for r in ev.itertuples(index=False):
        if r.article_id not in arts.index:
            continue
        pub = arts.loc[r.article_id, "published"]
        if pd.isna(pub):
            continue
        right = pd.Timestamp(r.date_start).normalize()
        days = sorted({right + pd.Timedelta(days=k) for k in (-7, -1, 0, 1)} | {pd.Timestamp(pub)})
        opts = [(reader.day(d) + f" ({d:%A})", reader.day(d)) for d in days]
        sentence = _sentence(corpus, r.article_id, r.date_text_start, r.date_text_end)
        why = (
            f"The article was published on {reader.day(pub)} "
            f"({reader.words('basis', str(r.basis).partition(':')[2])}). "
            f"“{r.date_text}” is read from that day: it means {reader.day(right)}, a "
            f"{right:%A}. How sure the tool is: {reader.confidence_words(r.confidence)}."
        )
        out.append(
            Question(
                prompt=f"{labels.get(str(r.article_id), '')} says “{r.date_text}”. Which day "
                "is that?",
                context=sentence,
                options=opts,
                answer=reader.day(right),
                why=why,
            )
        )
        if len(out) >= n:
            break
    return Quiz(out, "Which day is it?")


# --------------------------------------------------------------------------------------
# 03: what later coverage changes
# --------------------------------------------------------------------------------------
def later_coverage(corpus: Any, n: int = 1) -> Quiz:
    """After the corpus ends, a source speaks again: what is their stance now?"""
    ctx = _frame(corpus, "context")
    out: list[Question] = []
    if ctx.empty:
        return Quiz(out, "What the later coverage changes")
    names = reader.claim_names(corpus)
    st = _sources(corpus)
    for r in ctx.sort_values("date_said", kind="stable").itertuples(index=False):
        if str(r.speaker_type) != "person":
            continue
        before = st[(st["speaker"] == r.speaker) & (st["proposition_id"] == r.proposition_id)]
        was = sorted({reader.words("stance", s) for s in before["stance"]})
        claim = names.get(r.proposition_id, r.proposition_id)
        out.append(
            Question(
                prompt=f"On {reader.day(r.date_said)}, after these articles, {r.speaker} spoke "
                f"again (reported by {r.outlet}). What does this say about {claim}?",
                context=" ".join(str(r.claim).split()),
                options=[(reader.words("stance", s), s) for s in ("affirms", "denies", "neither")],
                answer=str(r.stance),
                why=(
                    f"In the articles, {r.speaker} {' / '.join(was) or 'said nothing'} on "
                    f"{claim}. Later: {reader.words('stance', r.stance)}."
                    + (
                        " So the later coverage changes the picture: a headline that relied on "
                        "the earlier words now rests on words the speaker no longer stands by."
                        if was and reader.words("stance", r.stance) not in was
                        else ""
                    )
                ),
            )
        )
        if len(out) >= n:
            break
    return Quiz(out, "What the later coverage changes")


def answer_key(corpus: Any) -> reader.Table:
    """Every activity of the series with its right answer and the explanation (for teachers)."""
    rows = []
    for notebook, build in (
        ("00 / 03", predict_headlines),
        ("01", classify_sources),
        ("02", read_the_date),
        ("03", find_the_words),
        ("03", summary_or_quote),
        ("03", later_coverage),
    ):
        for q in build(corpus):
            label = dict((v, lab) for lab, v in q.options).get(q.answer, q.answer)
            rows.append({"Notebook": notebook, "Question": q.prompt, "Answer": label, "Why": q.why})
    return reader.Table(pd.DataFrame(rows))
