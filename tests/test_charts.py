"""Chart specs: marks, encodings, data rows, selections, tooltips, determinism, saving."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

from iranstrikes import charts as C
from iranstrikes import schema
from iranstrikes.corpus import Corpus

CHARTS = ["sourcing_flow", "quote_propagation", "timeline", "stance_matrix", "outlet_profile"]


# --------------------------------------------------------------------------------------
# An invented corpus built from frames
# --------------------------------------------------------------------------------------
def make_fixture_corpus() -> Corpus:
    body1 = 'Minister Ann Ray said "the plan is final." A senior official said it was not.'
    body2 = 'The ministry said "the plan is final." According to Wire Agency, Bob Lee denied it.'
    articles = schema.conform(
        "articles",
        pd.DataFrame(
            [
                dict(article_id="a1", outlet="Outlet One", body=body1, headline="Plan final",
                     published="2020-03-01", published_latest="2020-03-01", published_basis="manifest"),
                dict(article_id="a2", outlet="Outlet Two", body=body2, headline="Denial",
                     published="2020-03-03", published_latest="2020-03-03", published_basis="url"),
                dict(article_id="a3", outlet=None, body="Nothing here.", published=None,
                     published_basis="unknown"),
            ]
        ),
    )  # fmt: skip
    quotes = schema.conform(
        "quotes",
        pd.DataFrame(
            [
                dict(quote_id="a1:q000", article_id="a1", kind="direct", quote="the plan is final.",
                     start=23, end=41, speaker="Ann Ray", speaker_type="person", cue="said", via=""),
                dict(quote_id="a1:q001", article_id="a1", kind="indirect", quote="it was not",
                     start=66, end=76, speaker="senior official", speaker_type="anonymous", cue="said", via=""),
                dict(quote_id="a2:q000", article_id="a2", kind="direct", quote="the plan is final.",
                     start=19, end=37, speaker="ministry", speaker_type="institution", cue="said", via=""),
                dict(quote_id="a2:q001", article_id="a2", kind="indirect", quote="denied it",
                     start=74, end=83, speaker="Bob Lee", speaker_type="person", cue="denied", via="Wire Agency"),
            ]
        ),
    )  # fmt: skip
    bodies = {"a1": body1, "a2": body2}
    starts = [
        bodies[a].index(t) for a, t in zip(quotes["article_id"], quotes["quote"], strict=True)
    ]
    quotes["start"] = pd.array(starts, dtype="Int64")
    quotes["end"] = quotes["start"] + quotes["quote"].str.len().astype("Int64")
    propagation = schema.conform(
        "propagation",
        pd.DataFrame(
            [
                dict(quote_group="g00000", quote_id="a1:q000", article_id="a1", outlet="Outlet One",
                     speaker="Ann Ray", via="", published="2020-03-01", published_basis="manifest",
                     order=0, is_first=True, similarity=100.0),
                dict(quote_group="g00000", quote_id="a2:q000", article_id="a2", outlet="Outlet Two",
                     speaker="ministry", via="", published="2020-03-03", published_basis="url",
                     order=1, is_first=False, similarity=100.0),
                dict(quote_group="g00001", quote_id="a1:q001", article_id="a1", outlet="Outlet One",
                     speaker="senior official", via="", published="2020-03-01", published_basis="manifest",
                     order=0, is_first=True, similarity=100.0),
            ]
        ),
    )  # fmt: skip
    events = schema.conform(
        "events",
        pd.DataFrame(
            [
                dict(event_id="a1:e000", article_id="a1", actor="Ann Ray", quote_id="a1:q000",
                     kind="statement", date_start="2020-02-28", date_end="2020-02-28"),
                dict(event_id="a2:e000", article_id="a2", actor="Bob Lee", quote_id="a2:q001",
                     kind="statement", date_start="2020-02-27", date_end="2020-03-02"),
                dict(event_id="a2:e001", article_id="a2", actor="ministry", quote_id=None,
                     kind="event", date_start=None, date_end=None),
            ]
        ),
    )  # fmt: skip
    conflicts = schema.conform(
        "conflicts", pd.DataFrame([dict(conflict_id="c000", event_ids="a1:e000|a2:e000")])
    )
    propositions = schema.conform(
        "propositions", pd.DataFrame([dict(proposition_id="P1", text="The plan is final.")])
    )
    stances = schema.conform(
        "stances",
        pd.DataFrame(
            [
                dict(stance_id="s1", article_id="a1", speaker="Ann Ray", speaker_type="person",
                     proposition_id="P1", stance="affirms", quote_id="a1:q000", source="codebook",
                     on_record=True, evidence="the plan is final."),
                dict(stance_id="s2", article_id="a1", speaker="senior official", speaker_type="anonymous",
                     proposition_id="P1", stance="denies", quote_id="a1:q001", source="auto",
                     on_record=False, evidence="it was not"),
                dict(stance_id="s3", article_id="a2", speaker="Bob Lee", speaker_type="person",
                     proposition_id="P1", stance="denies", quote_id="a2:q001", source="auto",
                     on_record=True, evidence="denied it"),
            ]
        ),
    )  # fmt: skip
    headline_support = pd.DataFrame(
        [
            dict(
                article_id="a1", proposition_id="P1", headline_stance="affirms", verdict="supported"
            ),
            dict(
                article_id="a2",
                proposition_id="P1",
                headline_stance="denies",
                verdict="anonymous only",
            ),
        ]
    )
    return Corpus(
        path=Path("invented"),
        articles=articles,
        paragraphs=schema.empty("paragraphs"),
        problems=schema.empty("problems"),
        quotes=quotes,
        propagation=propagation,
        events=events,
        conflicts=conflicts,
        propositions=propositions,
        stances=stances,
        headline_support=headline_support,
    )


def empty_corpus() -> Corpus:
    return Corpus(
        path=Path("empty"),
        articles=schema.empty("articles"),
        paragraphs=schema.empty("paragraphs"),
        problems=schema.empty("problems"),
    )


@pytest.fixture(scope="module")
def fx() -> Corpus:
    return make_fixture_corpus()


# --------------------------------------------------------------------------------------
# Spec helpers
# --------------------------------------------------------------------------------------
def units(spec: dict) -> list[dict]:
    """Every unit (mark-bearing) view in a spec."""
    out = []
    if "mark" in spec:
        out.append(spec)
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for sub in spec.get(key, []):
            out += units(sub)
    return out


def marks(spec: dict) -> set[str]:
    return {u["mark"]["type"] if isinstance(u["mark"], dict) else u["mark"] for u in units(spec)}


def datasets(spec: dict) -> list[list[dict]]:
    return list(spec.get("datasets", {}).values())


def tooltip_fields(spec: dict) -> set[str]:
    out = set()
    for u in units(spec):
        tt = u.get("encoding", {}).get("tooltip", [])
        for t in tt if isinstance(tt, list) else [tt]:
            if "field" in t:
                out.add(t["field"])
    return out


def param_names(spec: dict) -> set[str]:
    names = {p["name"] for p in spec.get("params", [])}
    for u in units(spec):
        names |= {p["name"] for p in u.get("params", [])}
    return names


# --------------------------------------------------------------------------------------
# Per chart, on the fixture corpus
# --------------------------------------------------------------------------------------
def test_quotes_table(fx):
    t = C.quotes_table_data(fx)
    assert len(t) == len(fx.quotes)
    assert list(t.columns) == list(C.QUOTES_TABLE_COLUMNS)
    row = t.set_index("quote_id").loc["a2:q001"]
    assert (row["date_start"], row["date_end"], row["date_basis"]) == (
        "2020-02-27",
        "2020-03-02",
        "statement",
    )
    assert t.set_index("quote_id").loc["a2:q000", "date_basis"] == "published"
    assert row["stances"] == "P1:denies"
    assert set(t["source_class"]) == {"named", "anonymous", "institutional"}


def test_sourcing_flow(fx):
    data = C.sourcing_flow_data(fx)
    nodes = data[data["element"] == "node"]
    # 4 speakers, 2 intermediaries (first-hand + Wire Agency), 2 outlets
    assert nodes.groupby("column").size().to_dict() == {"outlet": 2, "speaker": 4, "via": 2}
    assert "first-hand" in set(nodes["label"])
    links = data[data["element"] == "link"]
    # statements are conserved through every column
    assert links.loc[links["column"] == "speaker", "n"].sum() == len(fx.quotes)
    assert links.loc[links["column"] == "via", "n"].sum() == len(fx.quotes)
    spec = C.sourcing_flow(fx).to_dict()
    assert {"rule", "point", "square", "text"} <= marks(spec)
    assert datasets(spec)[0] == json.loads(data.to_json(orient="records"))
    speakers = [u for u in units(spec) if u.get("name") == "flow_speakers"][0]
    enc = speakers["encoding"]
    assert enc["color"]["field"] == "source_class" and enc["shape"]["field"] == "source_class"
    assert enc["color"]["scale"]["domain"] == list(C.SOURCE_CLASSES)
    assert C.SPEAKER_SELECT in param_names(spec)


def test_quote_propagation(fx):
    data = C.quote_propagation_data(fx)
    assert len(data) == 2  # only the group carried by two articles
    assert set(data["quote_group"]) == {"g00000"}
    assert data["is_first"].tolist() == [True, False]
    assert len(C.quote_propagation_data(fx, min_carriers=1)) == 3
    spec = C.quote_propagation(fx).to_dict()
    assert {"rule", "point"} <= marks(spec)
    pts = [u for u in units(spec) if u["mark"]["type"] == "point"][0]["encoding"]
    assert pts["x"] == {
        "field": "published",
        "type": "temporal",
        "title": "published",
        "axis": {"format": "%-d %b %Y"},
    }
    assert pts["y"]["field"] == "group_label" and pts["color"]["field"] == "outlet"
    assert pts["shape"]["field"] == "carrier"
    assert {"quote", "speaker", "cue", "via"} <= tooltip_fields(spec)
    assert not {"article_id", "quote_group"} & tooltip_fields(spec)  # no internal ids shown
    # the whole quote is the label, wrapped into lines, never cut and without the group id
    quote = fx.quotes.set_index("quote_id").loc[data["quote_id"].iloc[0], "quote"]
    label = data["group_label"].iloc[0]
    assert label.replace("\n", " ") == f"“{' '.join(quote.split())}”"
    assert "g00000" not in label and "…" not in label
    assert "split(datum.label" in pts["y"]["axis"]["labelExpr"]
    assert len(datasets(spec)[0]) == len(data)


def test_timeline(fx):
    data = C.timeline_data(fx)
    assert data["event_id"].nunique() == fx.events["date_start"].notna().sum() == 2
    row = data.set_index("event_id").loc["a2:e000"]
    assert (row["date_start"], row["date_end"], row["date_after"]) == (
        "2020-02-27",
        "2020-03-02",
        "2020-03-03",
    )
    assert row["stance"] == "denies" and row["in_conflict"] and row["conflict_ids"] == "c000"
    assert row["stance_words"] == "says no" and row["lane"].startswith("Claim 1: The plan")
    assert row["quote"] == "denied it" and row["via"] == "Wire Agency"
    spec = C.timeline(fx).to_dict()
    assert {"bar", "point"} <= marks(spec)
    bar = [u for u in units(spec) if u["mark"]["type"] == "bar"][0]
    assert (
        bar["encoding"]["x"]["field"] == "date_start" and bar["encoding"]["x"]["type"] == "temporal"
    )
    assert bar["encoding"]["x2"]["field"] == "date_after"
    assert bar["encoding"]["color"]["field"] == "stance_words"
    assert bar["encoding"]["color"]["scale"]["domain"][:3] == [
        "says yes",
        "says no",
        "takes no side",
    ]
    ring = [u for u in units(spec) if u["mark"]["type"] == "point"][0]
    assert {"filter": "datum.in_conflict"} in ring["transform"]
    assert "quote" in tooltip_fields(spec) and "article_id" not in tooltip_fields(spec)
    assert C.DATE_BRUSH in param_names(spec)
    assert len(datasets(spec)[0]) == len(data)


def two_claim_corpus() -> Corpus:
    """The fixture with a second proposition: Ann Ray's one quote affirms P1 and denies P2."""
    cx = make_fixture_corpus()
    cx.propositions = schema.conform(
        "propositions",
        pd.DataFrame([dict(proposition_id="P1", text="The plan is final."),
                      dict(proposition_id="P2", text="The plan was agreed with the rivals.")]),
    )  # fmt: skip
    extra = schema.conform(
        "stances",
        pd.DataFrame([dict(stance_id="s4", article_id="a1", speaker="Ann Ray", speaker_type="person",
                           proposition_id="P2", stance="denies", quote_id="a1:q000",
                           source="codebook", on_record=True, evidence="the plan is final.")]),
    )  # fmt: skip
    cx.stances = pd.concat([cx.stances, extra], ignore_index=True)
    return cx


def test_timeline_never_mixes_propositions():
    cx = two_claim_corpus()
    data = C.timeline_data(cx)
    ann = data[data["event_id"] == "a1:e000"].set_index("proposition_id")
    # one statement coded on two claims: one row in each claim's lane, each with its own stance
    assert ann.loc["P1", "stance"] == "affirms" and ann.loc["P2", "stance"] == "denies"
    assert ann.loc["P1", "lane"] != ann.loc["P2", "lane"]
    spec = C.timeline(cx).to_dict()
    bars = [u for u in units(spec) if u["mark"]["type"] == "bar"]
    assert len(bars) == data["lane"].nunique() == 2
    for u in bars:  # every bar layer is filtered to exactly one lane
        lanes = [t["filter"]["equal"] for t in u["transform"] if isinstance(t.get("filter"), dict)
                 and t["filter"].get("field") == "lane"]  # fmt: skip
        assert len(lanes) == 1
        assert data.loc[data["lane"] == lanes[0], "proposition_id"].nunique() == 1
    # the lane titles say which claim, in full
    titles = [" ".join(v["title"]["text"]) for v in spec["vconcat"]]
    assert any("The plan was agreed with the rivals." in t for t in titles)


def test_stance_matrix(fx):
    data = C.stance_matrix_data(fx)
    assert len(data) == 3
    assert data["record"].tolist() == ["on record", "on record", "anonymous"]
    assert data["group"].tolist() == ["named people", "named people", "unnamed sources"]
    assert data["claim"].unique().tolist() == ["Claim 1"]
    spec = C.stance_matrix(fx).to_dict()
    assert marks(spec) == {"rect", "text"}
    rect = [u for u in units(spec) if u["mark"]["type"] == "rect" and "x" in u["encoding"]][0]
    enc = rect["encoding"]
    assert enc["x"]["field"] == "header" and enc["y"]["field"] == "speaker_label"
    assert enc["color"]["field"] == "stance_words"
    # no channel a rect cannot draw in its legend (strokeDash is dropped on rect marks)
    for u in units(spec):
        if u["mark"]["type"] == "rect":
            assert "strokeDash" not in u["encoding"] and "shape" not in u["encoding"]
    texts = {u["encoding"]["text"]["field"] for u in units(spec) if u["mark"]["type"] == "text"}
    assert texts == {"stance_words", "header"}  # cells in words; claim headers in full
    assert "quote" in tooltip_fields(spec)
    assert C.SPEAKER_SELECT in param_names(spec)


def test_finding_chart_columns_are_the_headline_claims():
    cx = two_claim_corpus()
    data = C.finding_data(cx)
    assert set(data["proposition_id"]) == {"P1"}  # only P1 is claimed by a headline
    spec = C.finding(cx).to_dict()
    subtitle = " ".join(spec["title"]["subtitle"])
    assert "1 of 2 headlines says yes to claim 1" in subtitle
    assert C.finding_data(empty_corpus()).empty
    assert marks(C.finding(empty_corpus()).to_dict()) == {"text"}


def test_selection_replaces_on_click_and_adds_on_shift_click(fx):
    spec = C.linked_sourcing_dashboard(fx).to_dict()
    sel = {p["name"]: p for p in spec["params"]}[C.SPEAKER_SELECT]["select"]
    assert sel["on"] == "click" and sel["toggle"] == "event.shiftKey"


def test_outlet_profile(fx):
    data = C.outlet_profile_data(fx)
    assert set(data["measure"]) == set(C.PROFILE_MEASURES)
    shares = data.groupby(["measure", "outlet"])["share"].sum()
    assert (shares.round(3) == 1.0).all()
    hs = data[data["measure"] == "headline support"]
    assert dict(zip(hs["outlet"], hs["category"], strict=True)) == {
        "Outlet One": "supported",
        "Outlet Two": "anonymous only",
    }
    spec = C.outlet_profile(fx).to_dict()
    assert len(spec["vconcat"]) == 3 and marks(spec) == {"bar"}
    assert spec["resolve"]["scale"]["color"] == "independent"
    enc = units(spec)[0]["encoding"]
    assert enc["x"]["stack"] == "normalize" and enc["y"]["field"] == "outlet"
    assert len(datasets(spec)[0]) == len(data)


def test_dashboard_selections(fx):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no Altair parameter-deduplication warning
        spec = C.linked_sourcing_dashboard(fx).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert set(params) == {C.SPEAKER_SELECT, C.DATE_BRUSH}
    assert params[C.SPEAKER_SELECT]["select"]["fields"] == ["speaker"]
    assert params[C.DATE_BRUSH]["select"]["encodings"] == ["x"]
    # every view a parameter is bound to exists
    names = {u.get("name") for u in units(spec)}
    for p in params.values():
        assert p["views"] and set(p["views"]) <= names
    # the quotes list filters on both selections and carries the quote in its tooltip
    filters = [t["filter"] for u in units(spec) for t in u.get("transform", []) if "filter" in t]
    assert {"param": C.SPEAKER_SELECT} in filters and {"param": C.DATE_BRUSH} in filters
    assert {"quote", "speaker", "cue", "via"} <= tooltip_fields(spec)
    assert "article_id" not in tooltip_fields(spec)  # readers see words, not internal ids


def test_dashboard_fits_a_notebook_output(corpus):
    vlc = pytest.importorskip("vl_convert")
    import re

    svg = vlc.vegalite_to_svg(C.linked_sourcing_dashboard(corpus).to_dict())
    width = float(re.search(r'<svg[^>]*width="([0-9.]+)"', svg).group(1))
    assert width <= 840  # fits a JupyterLab output at 1,280 px with the sidebar open


def test_dashboard_filters_render(fx):
    """With a selection value set, the offline renderer shows only the selected quotes."""
    vlc = pytest.importorskip("vl_convert")
    spec = C.linked_sourcing_dashboard(fx).to_dict()
    spec["params"][0]["value"] = [{"speaker": "Bob Lee"}]
    svg = vlc.vegalite_to_svg(spec)
    assert ">denied it<" in svg and ">it was not<" not in svg


def test_jupyter_chart_selection_names(fx):
    pytest.importorskip("anywidget")
    jc = alt.JupyterChart(C.linked_sourcing_dashboard(fx))
    assert jc.selections.speaker_select.value == []
    assert jc.selections.date_brush.value == {}


def test_selected_quotes(fx):
    assert len(C.selected_quotes(fx, None)) == 4
    assert C.selected_quotes(fx, [{"speaker": "Bob Lee"}])["quote_id"].tolist() == ["a2:q001"]
    assert C.selected_quotes(fx, {"speaker": ["Bob Lee", "Ann Ray"]})["quote_id"].tolist() == [
        "a2:q001",
        "a1:q000",
    ]
    by_date = C.selected_quotes(fx, {"date_start": ["2020-02-28", "2020-02-29"]})
    assert by_date["quote_id"].tolist() == ["a1:q000"]
    ms = [pd.Timestamp("2020-02-28").value // 10**6, pd.Timestamp("2020-03-01").value // 10**6]
    assert set(C.selected_quotes(fx, {"date_start": ms})["quote_id"]) == {"a1:q000", "a1:q001"}
    both = C.selected_quotes(
        fx, [{"speaker": "Ann Ray"}], date_range={"date_start": ["2020-03-02", "2020-03-05"]}
    )
    assert both.empty and list(both.columns) == list(C.QUOTES_TABLE_COLUMNS)


# --------------------------------------------------------------------------------------
# Empty and partial corpora
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", [*CHARTS, "linked_sourcing_dashboard"])
def test_empty_corpus_gives_no_data_chart(name):
    spec = getattr(C, name)(empty_corpus()).to_dict()
    assert marks(spec) == {"text"}
    assert datasets(spec)[0][0]["message"]
    if name != "linked_sourcing_dashboard":
        assert getattr(C, f"{name}_data")(empty_corpus()).empty


def test_missing_optional_frames(fx):
    partial = make_fixture_corpus()
    partial.headline_support = pd.DataFrame()
    partial.conflicts = pd.DataFrame()
    partial.stances = schema.empty("stances")
    assert "headline support" not in set(C.outlet_profile_data(partial)["measure"])
    assert not C.timeline_data(partial)["in_conflict"].any()
    assert C.stance_matrix(partial).to_dict()["datasets"]
    spec = C.linked_sourcing_dashboard(partial).to_dict()
    assert {p["name"] for p in spec["params"]} == {C.SPEAKER_SELECT, C.DATE_BRUSH}


# --------------------------------------------------------------------------------------
# Determinism and saving
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", [*CHARTS, "linked_sourcing_dashboard"])
def test_specs_are_deterministic(fx, name):
    a = getattr(C, name)(fx).to_dict()
    b = getattr(C, name)(make_fixture_corpus()).to_dict()
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def test_save_chart(fx, tmp_path):
    data = C.stance_matrix_data(fx)
    paths = C.save_chart(C.stance_matrix(fx, data=data), data, tmp_path / "out" / "stances")
    assert [p.name for p in paths] == ["stances.png", "stances.svg", "stances.csv"]
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in paths[1].read_text()
    back = pd.read_csv(paths[2], keep_default_na=False)
    assert list(back.columns) == list(data.columns)
    assert back.astype(str).values.tolist() == data.fillna("").astype(str).values.tolist()
    with pytest.raises(ValueError):
        C.save_chart(C.stance_matrix(fx), data, tmp_path / "x", formats=("gif",))


# --------------------------------------------------------------------------------------
# On the seeds
# --------------------------------------------------------------------------------------
def test_seed_charts(corpus):
    q = corpus.quotes
    flow = C.sourcing_flow_data(corpus)
    nodes = flow[flow["element"] == "node"]
    # one node per canonical person: two spellings of one person are one speaker
    names = dict(zip(corpus.people["person_id"], corpus.people["name"], strict=True))
    canonical = {names.get(p, s) if isinstance(p, str) else s
                 for p, s in zip(q["person_id"], q["speaker"].fillna(C.UNATTRIBUTED), strict=True)}  # fmt: skip
    assert set(nodes.loc[nodes["column"] == "speaker", "label"]) == canonical
    assert len(canonical) < q["speaker"].nunique()
    assert set(nodes.loc[nodes["column"] == "outlet", "label"]) == set(
        corpus.articles["outlet"].dropna()
    )
    assert flow.loc[(flow["element"] == "link") & (flow["column"] == "via"), "n"].sum() == len(q)

    prop = C.quote_propagation_data(corpus)
    multi = corpus.propagation.groupby("quote_group")["article_id"].nunique()
    assert len(prop) == corpus.propagation["quote_group"].isin(multi[multi >= 2].index).sum()

    tl = C.timeline_data(corpus)
    dated = corpus.events["date_start"].notna()
    assert tl["event_id"].nunique() == (dated & (corpus.events["kind"] == "statement")).sum()
    assert C.timeline_data(corpus, statements_only=False)["event_id"].nunique() == dated.sum()
    assert tl.groupby("lane")["proposition_id"].nunique().max() == 1
    conflicted = {e for ids in corpus.conflicts["event_ids"].dropna() for e in ids.split("|")}
    assert set(tl.loc[tl["in_conflict"], "event_id"]) == conflicted & set(tl["event_id"])

    sm = C.stance_matrix_data(corpus)
    assert sm["n_statements"].sum() == len(corpus.stances)

    op = C.outlet_profile_data(corpus)
    assert op.loc[op["measure"] == "sources", "n"].sum() == len(q)

    for name in CHARTS:
        data = getattr(C, f"{name}_data")(corpus)
        spec = getattr(C, name)(corpus).to_dict()
        assert len(data) in [len(d) for d in datasets(spec)], name


def test_seed_specs_deterministic(corpus):
    from iranstrikes import load_corpus

    again = load_corpus(progress=False)
    for name in [*CHARTS, "linked_sourcing_dashboard"]:
        a = getattr(C, name)(corpus).to_dict()
        assert a == getattr(C, name)(corpus).to_dict(), name
        assert a == getattr(C, name)(again).to_dict(), name


def test_seed_dashboard_renders_offline(corpus, tmp_path):
    chart = C.linked_sourcing_dashboard(corpus)
    paths = C.save_chart(
        chart, C.quotes_table_data(corpus), tmp_path / "dashboard", formats=("svg",)
    )
    assert paths[0].stat().st_size > 1000


def test_saving_the_same_chart_again_keeps_its_svg(fx, tmp_path, monkeypatch):
    import vl_convert

    drawn = []
    real = vl_convert.vegalite_to_svg
    monkeypatch.setattr(vl_convert, "vegalite_to_svg", lambda spec: drawn.append(1) or real(spec))
    data = C.stance_matrix_data(fx)
    (svg, _csv) = C.save_chart(C.stance_matrix(fx, data=data), data, tmp_path / "m", ("svg",))
    first = svg.read_text(encoding="utf-8")
    assert first.startswith("<!-- iranstrikes chart, spec sha256 ") and "<svg" in first
    C.save_chart(C.stance_matrix(fx, data=data), data, tmp_path / "m", ("svg",))
    assert len(drawn) == 1 and svg.read_text(encoding="utf-8") == first
    other = C.stance_matrix(fx, data=data).properties(title="Another title")
    C.save_chart(other, data, tmp_path / "m", ("svg",))
    assert len(drawn) == 2 and "Another title" in svg.read_text(encoding="utf-8")


def test_stances_cell_reads_back_with_other_speakers_named():
    cx = two_claim_corpus()
    other = schema.conform(
        "stances",
        pd.DataFrame([dict(stance_id="s5", article_id="a1", speaker="Lee | Park@Co",
                           speaker_type="person", proposition_id="P1", stance="denies",
                           quote_id="a1:q000", source="codebook", on_record=True,
                           evidence="the plan is final.")]),
    )  # fmt: skip
    cx.stances = pd.concat([cx.stances, other], ignore_index=True)
    cell = C.quotes_table_data(cx).set_index("quote_id").loc["a1:q000", "stances"]
    triples = C.stance_triples(cell)
    # the separators inside a name are blanked, so the cell reads back exactly
    assert triples == [("P1", "affirms", ""), ("P1", "denies", "Lee Park Co"), ("P2", "denies", "")]
    assert C.stance_triples("") == [] and C.stance_triples(None) == []
