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
from .files import _problem


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


def _read(path: str) -> bytes | ArticleResult:
    """A file's bytes, or the result of a file that could not be read (one problem row)."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        name = Path(path).name
        return ArticleResult(
            None,
            [],
            [
                _problem(
                    name,
                    None,
                    "error",
                    "unreadable",
                    f"Could not read the file ({exc.strerror or exc}). Check its permissions.",
                )
            ],
        )


def _stage_chunk(tasks: list[tuple[str, str, dict | None]], cache_dir: str | None = None) -> _Chunk:
    """The per-article stage for consecutive files, run where the chunk is sent.

    Each task is (file name, path, manifest row). The worker reads the file itself (the
    loader never holds the bytes of the whole corpus), looks it up in the cache when there is
    one, and otherwise runs :func:`_process_article` (and stores the result).

    Args:
        tasks: The chunk's files.
        cache_dir: The cache folder (see :mod:`iranstrikes._cache`), or None.

    Returns:
        The packed chunk.
    """
    import warnings

    from .. import _cache

    results = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for name, path, row in tasks:
            raw = _read(path)
            if isinstance(raw, ArticleResult):
                results.append(raw)
                continue
            k = _cache.key(name, raw, row) if cache_dir else None
            res = _cache.get(Path(cache_dir), k) if cache_dir else None
            if res is None:
                res = _process_article(name, raw, row, packed=True)
                if cache_dir:
                    _cache.put(Path(cache_dir), k, res)
            results.append(res)
    return _pack(results, [str(w.message) for w in caught])


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _resolve_engine(engine: str, n: int) -> str:
    if engine == "auto":
        return "processes" if n >= 200 and (os.cpu_count() or 1) > 1 else "serial"
    if engine not in ("serial", "processes", "dask"):
        raise ValueError(f"Unknown engine {engine!r}: use 'auto', 'serial', 'processes' or 'dask'.")
    return engine


def _map_chunks(fn, chunks: list[list], engine: str, progress: bool, workers: int | None) -> list:
    """Apply ``fn`` to every chunk of tasks on the chosen engine, results in input order."""
    from tqdm.auto import tqdm

    n = len(chunks)
    if engine == "serial" or n == 0:
        return [fn(c) for c in tqdm(chunks, desc="article chunks", disable=not progress or n < 4)]
    if engine == "processes":
        from concurrent.futures import ProcessPoolExecutor

        workers = workers or os.cpu_count() or 1
        with ProcessPoolExecutor(max_workers=min(workers, n)) as pool:
            return list(
                tqdm(pool.map(fn, chunks), total=n, desc="article chunks", disable=not progress)
            )
    try:
        import dask.bag as db
    except ImportError as exc:
        raise ImportError("engine='dask' needs Dask: pip install 'iranstrikes[dask]'") from exc
    # dask.bag uses the active distributed Client when there is one (it registers itself as
    # the default scheduler), else Dask's default (multiprocessing) scheduler for bags.
    return db.from_sequence(chunks, npartitions=n).map(fn).compute()


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
) -> list[_Chunk]:
    """The per-article stage over all files, as packed chunks in file order.

    Warnings raised while processing (in whichever process) are re-emitted here.
    """
    import warnings

    engine = _resolve_engine(engine, len(tasks))
    if engine == "processes":  # compiled once here, inherited by every forked worker
        from .. import chronology, quotes  # noqa: F401
    size = _chunk_size(len(tasks), engine, workers)
    fn = functools.partial(_stage_chunk, cache_dir=str(cache_dir) if cache_dir else None)
    chunks = _map_chunks(fn, _chunks(tasks, size), engine, progress, workers)
    for chunk in chunks:
        for message in chunk.warnings:
            warnings.warn(message, stacklevel=3)
    return chunks
