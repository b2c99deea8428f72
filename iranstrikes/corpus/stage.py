"""Running the per-article stage over many files: chunks, engines, workers, cache.

What belongs here: packing per-article results into chunks that travel cheaply between
processes, the per-chunk worker function (reading files, using the cache), and mapping chunks
over the serial, processes and Dask engines.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import schema
from .article import ArticleResult, _events_frame, _process_article, _quotes_frame
from .files import MAX_FILE_BYTES, _problem, display_name, open_regular
from .guard import BudgetExceeded, Clock, Limits, budget_problem, fault, internal_error


@dataclass
class _Chunk:
    """Results of the per-article stage for consecutive files, ready to send between processes.

    The quotes and events of the chunk's articles travel as one frame each (with per-article
    row counts) instead of two small frames per article: pickling and unpickling many small
    DataFrames costs more than building them. ``warnings`` carries the messages of warnings
    raised in a worker process (which would otherwise be lost), for the loader to re-emit.
    """

    results: list[ArticleResult]  # with paragraphs, quotes and events emptied
    quotes: pd.DataFrame | None
    events: pd.DataFrame | None
    n_quotes: list[int]
    n_events: list[int]
    warnings: list[str] = field(default_factory=list)
    paragraphs: pd.DataFrame | None = None
    n_paragraphs: list[int] = field(default_factory=list)


def _pack(results: list[ArticleResult], warned: list[str] | None = None) -> _Chunk:
    """One :class:`_Chunk` of packed results (see :class:`ArticleResult`)."""
    qs = [r.quotes for r in results if r.quotes is not None]
    es = [r.events for r in results if r.events is not None]
    quotes = events = None
    if qs:
        # in the schema's dtypes here, in the workers, rather than in the loader afterwards
        quotes = schema.conform(
            "quotes", _quotes_frame({c: [v for q in qs for v in q[c]] for c in qs[0]})
        )
    if es:
        events = _events_frame([rec for e in es for rec in e])
    paras = [p for r in results for p in r.paragraphs]
    paragraphs = None
    if paras:
        paragraphs = pd.DataFrame(
            {
                "article_id": pd.array([p["article_id"] for p in paras], dtype=pd.StringDtype()),
                "n": pd.array([p["n"] for p in paras], dtype="Int64"),
                "start": pd.array([p["start"] for p in paras], dtype="Int64"),
                "end": pd.array([p["end"] for p in paras], dtype="Int64"),
                "text": pd.array([p["text"] for p in paras], dtype=pd.StringDtype()),
            }
        )
    light = [ArticleResult(r.article, [], r.problems) for r in results]
    n_q = [len(r.quotes["quote_id"]) if r.quotes is not None else 0 for r in results]
    n_e = [len(r.events) if r.events is not None else 0 for r in results]
    n_p = [len(r.paragraphs) for r in results]
    return _Chunk(light, quotes, events, n_q, n_e, list(warned or []), paragraphs, n_p)


def _read(path: str, name: str | None = None) -> bytes | ArticleResult:
    """A file's bytes, or the result of a file that could not be read (one problem row).

    Only a regular file of at most :data:`MAX_FILE_BYTES` is read (checked on the open
    handle, before reading: see :func:`~iranstrikes.corpus.files.open_regular`).
    """
    name = name or display_name(os.path.basename(path))
    raw, why = open_regular(path, MAX_FILE_BYTES)
    if raw is not None:
        return raw
    code = "too-large" if "MB" in (why or "") else "unreadable"
    advice = (
        "Split it into one file per article."
        if code == "too-large"
        else "Replace it with the article's text, or remove it."
    )
    return ArticleResult(
        None, [], [_problem(name, None, "error", code, f"{name} was not loaded: {why}. {advice}")]
    )


#: Problem codes of a result that must not be cached (a reload may do better).
_UNCACHEABLE = {"internal-error", "budget", "too-long-to-extract"}


def _one(
    name: str,
    path: str,
    row: dict | None,
    article_id: str | None,
    cache_dir: str | None,
    limits: Limits | None,
) -> ArticleResult:
    """The per-article stage of one file, inside its guard (never raises)."""
    from .. import _cache

    clock = Clock(limits)
    try:
        fault("exit", name)
        fault("read", name)
        raw = _read(path, name)
        if isinstance(raw, ArticleResult):
            return raw
        k = _cache.key(name, raw, row, article_id) if cache_dir else None
        res = _cache.get(Path(cache_dir), k) if cache_dir else None
        if res is None:
            with clock.alarm():
                res = _process_article(
                    name, raw, row, packed=True, article_id=article_id, clock=clock
                )
            if cache_dir and not any(p["code"] in _UNCACHEABLE for p in res.problems):
                _cache.put(Path(cache_dir), k, res)
        if res.article is None and not any(p["severity"] == "error" for p in res.problems):
            res.problems.append(  # (every file not loaded says why)
                _problem(name, None, "error", "not-loaded", f"{name} gave no article text.")
            )
        return res
    except BudgetExceeded:
        return ArticleResult(None, [], [budget_problem(name, None, "normalisation", clock)])
    except Exception as exc:  # noqa: BLE001 - one file's failure is one problem row
        return ArticleResult(None, [], [internal_error(name, None, "normalisation", exc)])


def _stage_chunk(
    tasks: list[tuple], cache_dir: str | None = None, limits: Limits | None = None
) -> _Chunk:
    """The per-article stage for consecutive files, run where the chunk is sent.

    Each task is (file name, path, manifest row[, article id]). The worker reads the file
    itself (the loader never holds the bytes of the whole corpus), looks it up in the cache
    when there is one, and otherwise runs :func:`_process_article` (and stores the result).
    Every file runs inside a guard (:func:`_one`): an unexpected exception becomes one
    ``internal-error`` problem row and the chunk's other files are unaffected; so does a
    failure to pack one article's results.

    Args:
        tasks: The chunk's files.
        cache_dir: The cache folder (see :mod:`iranstrikes._cache`), or None.
        limits: The per-article limits (:class:`~iranstrikes.corpus.guard.Limits`).

    Returns:
        The packed chunk.
    """
    import warnings

    results = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for task in tasks:
            name, path, row = task[:3]
            aid = task[3] if len(task) > 3 else None
            results.append(_one(name, path, row, aid, cache_dir, limits))
        messages = [str(w.message) for w in caught]
    try:
        for task, r in zip(tasks, results, strict=True):
            if r.article is not None:
                fault("pack", task[0])
        return _pack(results, messages)
    except Exception:  # noqa: BLE001 - find the article that cannot be packed
        safe = []
        for task, r in zip(tasks, results, strict=True):
            try:
                if r.article is not None:
                    fault("pack", task[0])
                _pack([r])
                safe.append(r)
            except Exception as exc:  # noqa: BLE001
                safe.append(
                    ArticleResult(None, [], [internal_error(task[0], None, "packing", exc)])
                )
        return _pack(safe, messages)


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _resolve_engine(engine: str, n: int) -> str:
    if engine == "auto":
        return "processes" if n >= 200 and (os.cpu_count() or 1) > 1 else "serial"
    if engine not in ("serial", "processes", "dask"):
        raise ValueError(f"Unknown engine {engine!r}: use 'auto', 'serial', 'processes' or 'dask'.")
    return engine


def _map_chunks(
    fn,
    chunks: list[list],
    engine: str,
    progress: bool,
    workers: int | None,
    on_error=None,
) -> list:
    """Apply ``fn`` to every chunk of tasks on the chosen engine, results in input order.

    ``fn`` should not raise (the stage's guards make sure of it), but a worker process can
    still die (killed for memory, a crash in a C extension). With ``on_error(chunk, exc)``
    given, the chunks lost with it are retried in fresh pools, then alone, then file by file,
    and the file that kills its worker gets ``on_error([file], exc)`` as its result: the load
    goes on.
    """
    from tqdm.auto import tqdm

    n = len(chunks)
    if engine == "serial" or n == 0:
        return [fn(c) for c in tqdm(chunks, desc="article chunks", disable=not progress or n < 4)]
    if engine == "processes":
        workers = workers or os.cpu_count() or 1
        results, failed = _pool_map(fn, chunks, workers, progress)
        if failed and on_error is None:
            raise failed[min(failed)]
        # A dead worker breaks the whole pool: the chunks still pending fail with it. Retry
        # them in fresh pools while that makes progress, then each alone, then each of a
        # failing chunk's files alone: only the file that kills its worker is lost.
        while failed:
            keys = sorted(failed)
            out, bad = _pool_map(fn, [chunks[k] for k in keys], workers, False)
            for s, k in enumerate(keys):
                if s not in bad:
                    results[k] = out[s]
            if len(bad) >= len(keys) or len(bad) <= 1:
                failed = {keys[s]: exc for s, exc in bad.items()}
                break
            failed = {keys[s]: exc for s, exc in bad.items()}
        for k in sorted(failed):
            out, bad = _pool_map(fn, [chunks[k]], 1, False)
            if not bad:
                results[k] = out[0]
                continue
            parts = []
            for task in chunks[k]:
                one, bad1 = _pool_map(fn, [[task]], 1, False)
                parts.append(on_error([task], bad1[0]) if bad1 else one[0])
            results[k] = _merge_results(parts)
        return results
    try:
        import dask.bag as db
    except ImportError as exc:
        raise ImportError("engine='dask' needs Dask: pip install 'iranstrikes[dask]'") from exc
    # dask.bag uses the active distributed Client when there is one (it registers itself as
    # the default scheduler), else Dask's default (multiprocessing) scheduler for bags.
    try:
        return db.from_sequence(chunks, npartitions=n).map(fn).compute()
    except Exception as exc:
        if on_error is None:
            raise
        first = exc
    out = []
    for c in chunks:  # one chunk at a time, to keep what can be kept
        try:
            out.append(db.from_sequence([c], npartitions=1).map(fn).compute()[0])
        except Exception as exc:  # noqa: BLE001 - reported through on_error
            out.append(on_error(c, exc or first))
    return out


def _pool_map(fn, chunks: list[list], workers: int, progress: bool):
    """``fn`` over chunks in a process pool: (results with None for failures, {index: exc})."""
    from concurrent.futures import ProcessPoolExecutor

    from tqdm.auto import tqdm

    results: list = [None] * len(chunks)
    failed: dict[int, BaseException] = {}
    with ProcessPoolExecutor(max_workers=max(1, min(workers, len(chunks)))) as pool:
        futures = [pool.submit(fn, c) for c in chunks]
        for k, f in enumerate(
            tqdm(futures, total=len(chunks), desc="article chunks", disable=not progress)
        ):
            try:
                results[k] = f.result()
            except Exception as exc:  # noqa: BLE001 - the caller decides
                failed[k] = exc
    return results, failed


def _merge_results(parts: list):
    """One chunk's result from the results of its files run one by one."""
    if all(isinstance(p, _Chunk) for p in parts):
        return _concat_chunks(parts)
    return [x for p in parts for x in p]


def _concat_chunks(parts: list[_Chunk]) -> _Chunk:
    def cat(frames):
        frames = [f for f in frames if f is not None]
        return pd.concat(frames, ignore_index=True) if frames else None

    return _Chunk(
        [r for p in parts for r in p.results],
        cat(p.quotes for p in parts),
        cat(p.events for p in parts),
        [x for p in parts for x in p.n_quotes],
        [x for p in parts for x in p.n_events],
        [w for p in parts for w in p.warnings],
        cat(p.paragraphs for p in parts),
        [x for p in parts for x in p.n_paragraphs],
    )


def _failed_chunk(tasks: list[tuple], exc: BaseException) -> _Chunk:
    """The chunk of files whose worker process failed: one internal-error row per file."""
    return _pack(
        [
            ArticleResult(None, [], [internal_error(t[0], None, "worker process", exc)])
            for t in tasks
        ]
    )


def _chunk_size(n: int, engine: str, workers: int | None) -> int:
    """Files per chunk: a few chunks per worker (load balance) of at most 64 files."""
    if engine == "serial":
        return 64
    w = workers or os.cpu_count() or 1
    return max(1, min(64, -(-n // (w * 4))))


def _run_stage(
    tasks: list[tuple[str, str, dict | None]],
    engine: str,
    progress: bool,
    workers: int | None,
    cache_dir: Path | None = None,
    limits: Limits | None = None,
) -> list[_Chunk]:
    """The per-article stage over all files, as packed chunks in file order.

    Warnings raised while processing (in whichever process) are re-emitted here.
    """
    import warnings

    engine = _resolve_engine(engine, len(tasks))
    if engine == "processes":  # compiled once here, inherited by every forked worker
        from .. import chronology, quotes  # noqa: F401
    size = _chunk_size(len(tasks), engine, workers)
    fn = functools.partial(
        _stage_chunk, cache_dir=str(cache_dir) if cache_dir else None, limits=limits
    )
    chunks = _map_chunks(fn, _chunks(tasks, size), engine, progress, workers, _failed_chunk)
    for chunk in chunks:
        for message in chunk.warnings:
            warnings.warn(message, stacklevel=3)
    return chunks
