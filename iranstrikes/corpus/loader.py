"""Loading a folder: :func:`load_corpus` and the order of its cross-article steps.

What belongs here: :func:`load_corpus` (manifest, discovery, the per-article stage, assembly
of the frames, validation), filling dateline years from the corpus, and running the explicit
cross-article steps in order (with memory handed back between them).
"""

from __future__ import annotations

import functools
import gc
import os
import time
from pathlib import Path

import numpy as np
import pandas as pd

from .. import schema
from .cross import _attach_chronology, _attach_claims
from .datafiles import usable_data_folder
from .files import _discover, _problem
from .frames import FRAME_NAMES, Corpus, seeds_path
from .guard import DEFAULT_LIMITS, Limits, internal_error
from .manifest import read_manifest
from .stage import _resolve_engine, _run_stage


def load_corpus(
    path: str | os.PathLike | None = None,
    *,
    engine: str = "auto",
    workers: int | None = None,
    progress: bool = True,
    validate: bool = True,
    cache: bool | str | os.PathLike = False,
    article_seconds: float | None = DEFAULT_LIMITS.seconds,
    max_extract_chars: int | None = DEFAULT_LIMITS.max_extract_chars,
) -> Corpus:
    """Load a folder of news articles into a :class:`Corpus`.

    Args:
        path: Folder of ``.txt``/``.html`` articles, optionally with ``manifest.csv``,
            ``aliases.yaml``, ``codebook.yaml`` and ``context.yaml``. None loads the bundled
            seed corpus.
        engine: Where the per-article stage runs: "auto" (processes for 200+ files),
            "serial", "processes" (all cores) or "dask" (needs ``iranstrikes[dask]``). The
            workers read the files themselves, so Dask workers must see the folder (a
            ``LocalCluster``, or a file system shared with the cluster).
        workers: Number of processes for ``engine="processes"``.
        progress: Show a progress bar (tqdm) for long loads.
        validate: Validate every frame against :mod:`iranstrikes.schema` with pandera.
        cache: Keep the per-article results on disk so that a reload re-processes only new
            or changed files: True uses ``<folder>/.iranstrikes-cache/``, a path uses that
            folder, False (the default, as the bundled seeds may sit in a read-only package
            folder) keeps nothing. Entries are keyed by the file's name and SHA-256, its
            manifest row and the package version; an unreadable entry is ignored with a
            warning. The cross-article steps always re-run.
        article_seconds: Wall-time budget of one article's per-article stage (None: none).
            It is checked between steps, and on the serial and processes engines a step
            still running when it is spent is interrupted; the article is kept with what was
            done, with a ``budget`` problem row. Output then depends on the machine's speed:
            the row says so.
        max_extract_chars: Texts longer than this are loaded without quote and event
            extraction (one ``too-long-to-extract`` problem row; None: no cap).

    Every entry of the folder is accounted for: an article, a data file (manifest.csv,
    aliases.yaml, codebook.yaml, context.yaml, README.md, SHA256SUMS), a ``problems`` row
    (folders, pipes, devices, broken links, unsupported files, empty or unreadable files), or
    a counted skip: hidden entries (names starting with a dot, such as the cache folder) are
    skipped and counted in ``corpus.summary()["skipped"]`` (names in ``corpus.skipped``).
    A step that fails for one article becomes an ``internal-error`` row; the other articles
    load. A curated data file that cannot be used is reported and left out.

    The per-article stage (all engines) gives the same frames; every frame is a function of
    the folder's contents only.

    Returns:
        The :class:`Corpus`. Files that could not be read fully are listed in
        ``corpus.problems``; nothing is dropped silently.

    Raises:
        FileNotFoundError: when the folder does not exist.
        NotADirectoryError: when the path is a file.
    """
    folder = Path(path) if path is not None else seeds_path()
    if not folder.exists():
        raise FileNotFoundError(
            f"No such folder: {folder}. Pass the folder that holds your .txt or .html articles."
        )
    if not folder.is_dir():
        raise NotADirectoryError(
            f"{folder} is a file; pass the folder that holds it: load_corpus({str(folder.parent)!r})."
        )
    manifest, problems = read_manifest(folder)
    files, more, skipped = _discover(folder)
    problems += more
    rows: dict = {}
    if manifest is not None:
        by_name = manifest.to_dict("index")
        present = set()
        for p in files:
            for cand in _manifest_names(p):
                if cand in by_name:
                    rows[p.name] = by_name[cand]
                    present.add(cand)
                    break
        # A row whose name differs from one file's only in case (Story.TXT for story.txt)
        # is used for it, with a note, when that pairing is unambiguous.
        folded_rows: dict[str, list[str]] = {}
        for f in by_name:
            if f not in present:
                folded_rows.setdefault(f.casefold(), []).append(f)
        folded_files: dict[str, list] = {}
        for p in files:
            folded_files.setdefault(p.name.casefold(), []).append(p)
        for key, fs in folded_files.items():
            cands = folded_rows.get(key, [])
            if len(fs) == 1 and len(cands) == 1 and fs[0].name not in rows:
                rows[fs[0].name] = by_name[cands[0]]
                present.add(cands[0])
                problems.append(
                    _problem(
                        fs[0].name,
                        fs[0].article_id,
                        "info",
                        "manifest-name-case",
                        f"manifest.csv lists it as {cands[0]!r} (other capitals); that row was used. Write the name exactly as the file's.",
                    )
                )
        for f in manifest.index:
            if f not in present:
                problems.append(
                    _problem(
                        f,
                        None,
                        "warning",
                        "manifest-missing-file",
                        f"manifest.csv lists {f!r} but there is no such file in {folder}; its row was ignored.",
                    )
                )
        for p in files:
            if p.name not in rows:
                problems.append(
                    _problem(
                        p.name,
                        p.article_id,
                        "info",
                        "not-in-manifest",
                        "Not listed in manifest.csv: outlet, URL and date were derived from the text only.",
                    )
                )
    tasks = [(p.name, p.path, rows.get(p.name), p.article_id) for p in files]
    limits = Limits(seconds=article_seconds, max_extract_chars=max_extract_chars)
    cache_dir = None
    if cache:
        cache_dir = folder / ".iranstrikes-cache" if cache is True else Path(cache)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    chunks = _run_stage(tasks, engine, progress, workers, cache_dir, limits)
    timings["per_article"] = time.perf_counter() - t0
    t0 = time.perf_counter()

    articles, paragraphs, quotes, events = [], [], [], []
    seen_sha: dict[str, str] = {}
    task_iter = iter(tasks)
    for chunk in chunks:
        keep = []
        for res in chunk.results:
            fname = next(task_iter)[0]
            problems += res.problems
            keep.append(False)
            if res.article is None:
                continue
            art = res.article
            if art["sha256"] in seen_sha:
                problems.append(
                    _problem(
                        fname,
                        art["article_id"],
                        "warning",
                        "duplicate",
                        f"Byte-for-byte the same as {seen_sha[art['sha256']]!r}; loaded once, as that file. Remove one copy.",
                    )
                )
                continue
            seen_sha[art["sha256"]] = fname
            art["source_path"] = str(folder / fname)  # (fname: the display name)
            articles.append(art)
            keep[-1] = True
        for frame, counts, out in (
            (chunk.paragraphs, chunk.n_paragraphs, paragraphs),
            (chunk.quotes, chunk.n_quotes, quotes),
            (chunk.events, chunk.n_events, events),
        ):
            if frame is None:
                continue
            mask = np.repeat(np.array(keep, dtype=bool), counts)
            out.append(frame if mask.all() else frame[mask])

    articles_df = pd.DataFrame(articles)
    name_spans: dict[str, list] = {}
    if len(articles_df):
        _fill_dateline_years(articles_df, problems)
        dup_body = articles_df["body"].duplicated(keep="first")
        for _, r in articles_df[dup_body].iterrows():
            first = articles_df.loc[articles_df["body"] == r["body"], "article_id"].iloc[0]
            problems.append(
                _problem(
                    Path(r["source_path"]).name,
                    r["article_id"],
                    "warning",
                    "duplicate-text",
                    f"Same article text as {first!r} (different bytes); both were loaded.",
                )
            )
        if "_name_spans" in articles_df:
            name_spans = {
                aid: spans
                for aid, spans in zip(
                    articles_df["article_id"], articles_df["_name_spans"], strict=True
                )
                if isinstance(spans, list)
            }
        articles_df = articles_df.drop(
            columns=["_pending_dateline", "_removed", "_name_spans"], errors="ignore"
        )
    corpus = Corpus(
        path=folder,
        articles=schema.conform("articles", articles_df if len(articles_df) else None),
        paragraphs=schema.conform(
            "paragraphs", pd.concat(paragraphs, ignore_index=True) if paragraphs else None
        ),
        problems=schema.conform("problems", pd.DataFrame(problems) if problems else None),
    )
    corpus.skipped = skipped
    corpus.name_spans = name_spans
    if quotes:
        corpus.quotes = schema.conform("quotes", pd.concat(quotes, ignore_index=True))
    if events:
        corpus.events = pd.concat(events, ignore_index=True)
    # The per-article results (raw bytes, article and paragraph dicts, per-chunk frames) are
    # all in the corpus frames now: free them before the cross-article steps, not after.
    chunk = res = art = frame = None  # (loop variables: the last chunk)
    del tasks, task_iter, chunks, articles, paragraphs, quotes, events, articles_df
    del chunk, res, art, frame
    timings["assemble"] = time.perf_counter() - t0
    # The millions of objects alive now (frames' Python objects, caches) stay alive through the
    # cross-article steps: freezing them keeps the garbage collector from re-scanning them on
    # every collection those steps trigger (about 0.5-0.7 s at 10k articles).
    gc.freeze()
    try:
        _cross_article(
            corpus,
            folder,
            timings,
            engine=_resolve_engine(engine, len(corpus.articles)),
            workers=workers,
        )
    finally:
        gc.unfreeze()
    if validate:
        t0 = time.perf_counter()
        for name in ("articles", "paragraphs", "problems", "quotes"):
            try:
                schema.validate(name, getattr(corpus, name))
            except Exception as exc:  # noqa: BLE001 - a bug to report, not a lost load
                _add_problems(corpus, [internal_error("(corpus)", None, f"{name} validation", exc)])
        timings["validate"] = time.perf_counter() - t0
    corpus.timings = timings
    return corpus


def _fill_dateline_years(articles: pd.DataFrame, problems: list[dict]) -> None:
    """Report datelines printed without a year (the year comes from the cross-article step)."""
    pending = articles["_pending_dateline"].notna()
    if not pending.any():
        return
    # No year is borrowed here: the corpus's median year would date an article of another
    # story into the wrong year. The cross-article inference gives the dateline the year of
    # the articles of the same story (shared people), or leaves it unknown.
    for _, r in articles[pending].iterrows():
        problems.append(
            _problem(
                Path(r["source_path"]).name,
                r["article_id"],
                "info",
                "dateline-no-year",
                "The dateline has no year; the year is taken only from articles of the same story (see published_evidence), else the article stays undated.",
            )
        )


def _release_memory() -> None:
    """Hand memory freed by the last step back to the operating system.

    Between steps, the C heap keeps the pages of the many small objects a step freed, and
    Arrow's allocator keeps freed buffers; at 10k articles that is hundreds of MB of resident
    memory no one uses. ``malloc_trim`` (glibc only; elsewhere nothing happens) and Arrow's
    ``release_unused`` return them, so the next step starts from what the corpus really holds.
    """
    try:
        import pyarrow as pa

        pa.default_memory_pool().release_unused()
    except (ImportError, AttributeError):  # pragma: no cover - pyarrow is a dependency
        pass
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim():
    """The C library's ``malloc_trim`` (glibc), or None where it has none; looked up once."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:  # pragma: no cover - exotic platforms
        return None


def _cross_article(
    corpus: Corpus,
    folder: Path,
    timings: dict[str, float] | None = None,
    engine: str = "serial",
    workers: int | None = None,
) -> None:
    """Run the explicit cross-article steps, in order (seconds per step into ``timings``).

    ``engine`` and ``workers`` say where per-article work that a cross-article step asks for
    runs (re-dating the events of articles whose publication date was inferred).
    """
    from .. import people, propagation

    timings = {} if timings is None else timings
    with usable_data_folder(folder) as (data, data_problems):
        _add_problems(corpus, data_problems)
        steps = (
            ("people", lambda: people.attach_people(corpus, data)),
            ("propagation", lambda: propagation.attach_propagation(corpus)),
            ("chronology", lambda: _attach_chronology(corpus, data, engine, workers)),
            ("claims", lambda: _attach_claims(corpus, data)),
        )
        _release_memory()
        for name, step in steps:
            t0 = time.perf_counter()
            try:
                step()
            except Exception as exc:  # noqa: BLE001 - one step's failure is one problem row
                _repair(corpus)
                _add_problems(
                    corpus, [internal_error("(corpus)", None, f"cross-article {name}", exc)]
                )
            _release_memory()
            timings[name] = time.perf_counter() - t0


def _add_problems(corpus: Corpus, rows: list[dict]) -> None:
    if rows:
        corpus.problems = schema.conform(
            "problems", pd.concat([corpus.problems, pd.DataFrame(rows)], ignore_index=True)
        )


def _repair(corpus: Corpus) -> None:
    """After a failed cross-article step: every frame it left unset is empty again."""
    for name in FRAME_NAMES:
        if not isinstance(getattr(corpus, name, None), pd.DataFrame):
            setattr(corpus, name, schema.empty(name) if name in schema.FRAMES else pd.DataFrame())
    if not isinstance(corpus.context, pd.DataFrame):
        corpus.context = pd.DataFrame()


def _manifest_names(entry) -> list[str]:
    """Names under which a file may be listed in manifest.csv (its name as shown first)."""
    names = [entry.name, entry.raw_name]
    if entry.raw_name != entry.name:  # not UTF-8: perhaps the manifest has it in cp1252
        raw = os.fsencode(entry.raw_name)
        names.append(raw.decode("cp1252", errors="replace"))
    return names
