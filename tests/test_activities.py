"""Activities: every question is computed from the data, and a right and a wrong answer each
give the expected feedback (through ``check`` and through the widget's buttons)."""

from __future__ import annotations

import re

import pytest

from iranstrikes import activities as A

BUILDERS = [A.predict_headlines, A.classify_sources, A.find_the_words, A.summary_or_quote,
            A.read_the_date, A.later_coverage]  # fmt: skip


@pytest.mark.parametrize("build", BUILDERS, ids=lambda b: b.__name__)
def test_right_and_wrong_answers_give_feedback(corpus, build):
    quiz = build(corpus)
    assert len(quiz) >= 1, "the seeds give something to ask"
    for q in quiz:
        values = [v for _, v in q.options]
        assert q.answer in values and len(values) >= 2
        right, text = q.check(q.answer)
        assert right and text.startswith(A.RIGHT) and q.why in text
        wrong = next(v for v in values if v != q.answer)
        right, text = q.check(wrong)
        label = dict((v, lab) for lab, v in q.options)[q.answer]
        assert not right and text.startswith(A.WRONG) and label in text and q.why in text
        assert not re.search(r"\d{3}_[0-9a-f]{16}|<NA>|00:00:00", q.prompt + q.why + q.context)


def test_widget_answers_by_clicking(corpus):
    q = A.classify_sources(corpus)[0]
    box = q.widget
    box.button.click()
    assert "Choose an answer first" in box.feedback.value
    box.choice.value = q.answer
    box.button.click()
    assert "✓ Right." in box.feedback.value
    box.choice.value = next(v for _, v in q.options if v != q.answer)
    box.button.click()
    assert "✗ Not quite." in box.feedback.value


def test_answers_come_from_the_frames(corpus):
    """The right answers are what the frames say, not typed in."""
    for q in A.classify_sources(corpus):
        m = re.search(r"\[(.+?)\]", q.context)
        assert m, q.context
        row = corpus.quotes[corpus.quotes["speaker_mention"] == m.group(1)]
        assert q.answer in set(row["speaker_type"])
    hs = corpus.headline_support
    q = A.predict_headlines(corpus)[0]
    top = hs.groupby(["proposition_id", "headline_stance"]).size().max()
    assert q.prompt.startswith(f"{top} headlines")
    q = A.later_coverage(corpus)[0]
    assert q.answer in set(corpus.context["stance"])


def test_nothing_to_ask_on_a_corpus_without_codebook(tmp_path):
    import shutil

    from conftest import FIXTURES

    from iranstrikes import load_corpus

    for f in sorted((FIXTURES / "invented").glob("*.txt"))[:3]:
        shutil.copy(f, tmp_path / f.name)
    c = load_corpus(tmp_path, progress=False)
    assert len(A.predict_headlines(c)) == 0 and len(A.find_the_words(c)) == 0
    for q in A.classify_sources(c):  # still works without a codebook
        assert q.check(q.answer)[0]
    assert len(A.answer_key(c).data) == sum(len(b(c)) for b in BUILDERS)


def test_static_stand_in_for_the_site(corpus):
    """Displayed, an activity carries a static version (question, options, folded answer) in
    its output metadata; the static site shows it instead of the widget."""
    import nbformat
    from IPython.core.interactiveshell import InteractiveShell

    from iranstrikes import site

    quiz = A.classify_sources(corpus)
    html = quiz.static_html()
    assert html.count("<details>") == len(quiz) and "Check the answer" in html
    from html import escape

    for q in quiz:
        assert escape(q.prompt) in html and escape(q.why) in html
    shell = InteractiveShell.instance()
    published = []
    shell.display_pub.publish = lambda data, metadata=None, **kw: published.append((data, metadata))
    quiz._ipython_display_()
    data, metadata = published[-1]
    assert "application/vnd.jupyter.widget-view+json" in data
    assert metadata[A.STATIC_KEY] == html
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("activities.classify_sources(corpus)")
    cell.outputs = [nbformat.v4.new_output("display_data", data=data, metadata=metadata)]
    nb.cells = [cell]
    site.static_widget_outputs(nb, "x")
    assert nb.cells[0].outputs[0]["data"]["text/html"] == html
