"""Scale: engines give identical frames, the per-article cache, Parquet round trips, and the
cross-article steps' blocking."""

from __future__ import annotations

import shutil
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import iranstrikes.corpus as corpus_mod
import iranstrikes.corpus.cross as cross_mod
import iranstrikes.corpus.stage as stage_mod
from iranstrikes import load_corpus
from iranstrikes.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from make_corpus import make_corpus  # noqa: E402


def _assert_same(a: Corpus, b: Corpus) -> None:
    for name, df in a.frames().items():
        pd.testing.assert_frame_equal(df, b.frames()[name], obj=name)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    """30 generated articles plus the five seeds, with the seeds' aliases and codebook."""
    folder = tmp_path_factory.mktemp("scale") / "corpus"
    make_corpus(folder, 30, seed=3)
    seeds = ROOT / "seeds"
    for p in sorted(seeds.glob("*.txt")):
        shutil.copy(p, folder / p.name)
    for extra in ("aliases.yaml", "codebook.yaml"):
        shutil.copy(seeds / extra, folder / extra)
    gen = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    man = pd.read_csv(seeds / "manifest.csv", dtype=str, keep_default_na=False)
    pd.concat([gen, man], ignore_index=True).fillna("").to_csv(folder / "manifest.csv", index=False)
    return folder


@pytest.fixture(scope="module")
def serial(small_corpus) -> Corpus:
    return load_corpus(small_corpus, engine="serial", progress=False)


def test_generator_is_deterministic(tmp_path):
    a = make_corpus(tmp_path / "a", 5, seed=11)
    b = make_corpus(tmp_path / "b", 5, seed=11)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    for n in names:
        assert (a / n).read_bytes() == (b / n).read_bytes()
    words = [len((a / n).read_text().split()) for n in names if n.endswith(".txt")]
    assert 150 <= sum(words) / len(words) <= 1500


def test_small_corpus_loads_everything(serial):
    assert len(serial.articles) == 35
    assert len(serial.quotes) > 100 and len(serial.events) > 100
    assert len(serial.stances) > 0  # the seeds' codebook is used


def test_processes_engine_gives_identical_frames(small_corpus, serial):
    par = load_corpus(small_corpus, engine="processes", workers=2, progress=False)
    _assert_same(serial, par)


def test_dask_engine_on_a_local_cluster_gives_identical_frames(small_corpus, serial):
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        dk = load_corpus(small_corpus, engine="dask", progress=False)
    _assert_same(serial, dk)


def test_dask_engine_without_a_client_uses_the_default_scheduler(small_corpus, serial):
    pytest.importorskip("dask")
    _assert_same(serial, load_corpus(small_corpus, engine="dask", progress=False))


def test_unknown_engine_is_refused(small_corpus):
    with pytest.raises(ValueError, match="Unknown engine"):
        load_corpus(small_corpus, engine="gpu", progress=False)


def test_cache_reprocesses_only_new_files(small_corpus, serial, tmp_path, monkeypatch):
    folder = tmp_path / "c"
    shutil.copytree(small_corpus, folder)
    extra = tmp_path / "extra"
    make_corpus(extra, 3, seed=99, manifest=False)
    first = load_corpus(folder, engine="serial", progress=False, cache=True)
    _assert_same(load_corpus(folder, engine="serial", progress=False), first)
    assert any((folder / ".iranstrikes-cache").rglob("*.pkl"))

    for p in extra.glob("*.txt"):
        shutil.copy(p, folder / p.name)
    calls = []
    real = corpus_mod._process_article

    def counting(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(stage_mod, "_process_article", counting)
    cached = load_corpus(folder, engine="serial", progress=False, cache=True)
    assert sorted(calls) == sorted(p.name for p in extra.glob("*.txt"))
    monkeypatch.setattr(stage_mod, "_process_article", real)
    fresh = load_corpus(folder, engine="serial", progress=False)
    _assert_same(fresh, cached)


def test_corrupt_cache_entry_is_ignored_with_a_warning(small_corpus, serial, tmp_path):
    cache = tmp_path / "cache"
    load_corpus(small_corpus, engine="serial", progress=False, cache=cache)
    entries = sorted(cache.rglob("*.pkl"))
    entries[0].write_bytes(b"not a pickle")
    entries[1].write_bytes(entries[1].read_bytes()[:50])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        again = load_corpus(small_corpus, engine="serial", progress=False, cache=cache)
    assert sum("cache entry" in str(w.message) for w in caught) == 2
    _assert_same(serial, again)


def test_parquet_round_trip(serial, tmp_path):
    out = serial.to_parquet(tmp_path / "pq", buckets=4)
    assert (out / "quotes").is_dir() and len(list((out / "quotes").glob("bucket=*"))) > 1
    back = Corpus.from_parquet(out)
    _assert_same(serial, back)
    pd.testing.assert_frame_equal(serial.context, back.context)
    with pytest.raises(FileNotFoundError):
        Corpus.from_parquet(tmp_path)


def test_timings_name_every_step(serial):
    assert {"per_article", "people", "propagation", "chronology", "claims"} <= set(serial.timings)


def test_redating_inferred_articles_on_processes_gives_identical_frames(
    small_corpus, serial, monkeypatch
):
    # The generated corpus leaves one file in ten undated: their events are re-dated once a
    # publication range is inferred, on the loader's engine when there are enough of them.
    assert (serial.articles["published_basis"] == "inferred").sum() >= 2
    monkeypatch.setattr(cross_mod, "_MIN_PARALLEL_REDATE", 1)
    calls = []
    real = corpus_mod._redate_chunk

    def counting(tasks):
        calls.append(len(tasks))
        return real(tasks)

    monkeypatch.setattr(cross_mod, "_redate_chunk", counting)
    again = load_corpus(small_corpus, engine="serial", progress=False)
    assert sum(calls) == (again.articles["published_basis"] == "inferred").sum()
    _assert_same(serial, again)
    # on worker processes (which need the module's own, picklable function)
    monkeypatch.setattr(cross_mod, "_redate_chunk", real)
    par = load_corpus(small_corpus, engine="processes", workers=2, progress=False)
    _assert_same(serial, par)


@pytest.mark.parametrize("engine", ["serial", "processes"])
def test_worker_warnings_reach_the_caller(small_corpus, serial, tmp_path, engine):
    cache = tmp_path / "cache"
    load_corpus(small_corpus, engine="serial", progress=False, cache=cache)
    entry = sorted(cache.rglob("*.pkl"))[0]
    entry.write_bytes(b"damaged")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        again = load_corpus(small_corpus, engine=engine, workers=2, progress=False, cache=cache)
    assert [str(w.message) for w in caught if "cache entry" in str(w.message)] == [
        f"Ignoring corrupt cache entry {entry} (not an iranstrikes cache entry); re-processing the file."
    ]
    _assert_same(serial, again)


def test_unreadable_file_is_reported_by_the_worker(tmp_path):
    make_corpus(tmp_path / "c", 4, seed=5, manifest=False)
    bad = tmp_path / "c" / "dangling.txt"
    bad.symlink_to(tmp_path / "nowhere.txt")  # listed as an article, unreadable even for root
    c = load_corpus(tmp_path / "c", engine="processes", workers=2, progress=False)
    row = c.problems[c.problems["file"] == bad.name]
    assert list(row["code"]) == ["unreadable"] and "points nowhere" in row["message"].iloc[0]
    assert len(c.articles) == 4


def test_file_that_vanishes_before_the_worker_reads_it_is_reported(tmp_path):
    from iranstrikes.corpus.stage import _stage_chunk

    chunk = _stage_chunk([("gone.txt", str(tmp_path / "gone.txt"), None, "gone")])
    (res,) = chunk.results
    assert res.article is None and res.problems[0]["code"] == "unreadable"
    assert "check its permissions" in res.problems[0]["message"]


def test_scale_chart_is_log_log_with_a_linear_reference():
    from plot_scale import scale_chart

    rows = pd.DataFrame(
        {
            "n": [1000, 10000],
            "engine": ["processes"] * 2,
            "cross_only": [False] * 2,
            "seconds": [3.0, 30.0],  # (as bench_load writes it: total seconds of the run)
            **{
                f"s_{s}": [1.0, 10.0]
                for s in ("per_article", "people", "propagation", "chronology")
            },
            **{f"s_{s}": [0.0, 0.0] for s in ("assemble", "claims", "validate")},
        }
    )
    spec = scale_chart(rows).to_dict()
    ref, lines = spec["layer"]
    assert lines["encoding"]["x"]["scale"] == {"type": "log"} and lines["encoding"]["y"][
        "scale"
    ] == {"type": "log"}
    data = spec["datasets"]
    steps = {r["step"] for d in data.values() for r in d if "step" in r}
    assert {
        "per_article",
        "chronology",
        "linear (slope 1)",
    } <= steps and "claims" not in steps  # 0 s: not drawn on a log axis
    assert ref["mark"]["strokeDash"] == [4, 4]
