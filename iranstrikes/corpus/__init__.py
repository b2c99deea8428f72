"""Loading a folder of articles into a :class:`Corpus` of tidy DataFrames.

What belongs here: finding the files of a corpus folder, reading its manifest, running the
per-article stage (:func:`process_article`, a pure function of one file's bytes and its
manifest row) serially, on all cores or on Dask, and then the explicit cross-article steps
(publication years, people and aliases, quote propagation, undated articles, conflicts, merged
timeline, stances). The analysis itself lives in the modules named for its nouns
(:mod:`~iranstrikes.normalise`, :mod:`~iranstrikes.quotes`, :mod:`~iranstrikes.people`,
:mod:`~iranstrikes.chronology`, :mod:`~iranstrikes.claims`).

The subpackage's modules, in the order a load runs them:

- :mod:`.files`: suffixes, size limits, discovering and reading files, problem rows;
- :mod:`.manifest`: ``manifest.csv``;
- :mod:`.article`: the per-article stage (:func:`process_article`);
- :mod:`.stage`: chunks, engines, workers and the cache;
- :mod:`.loader`: :func:`load_corpus` and the order of the cross-article steps;
- :mod:`.cross`: the claims and chronology cross-article steps;
- :mod:`.frames`: the :class:`Corpus` itself and :func:`seeds_path`.

Every name is importable from ``iranstrikes.corpus`` as before the split.
"""

from __future__ import annotations

from .article import (
    ArticleResult,
    _events_frame,
    _extract,
    _parse_date,
    _process_article,
    _quotes_frame,
    _ts,
    process_article,
)
from .cross import _MIN_PARALLEL_REDATE, _attach_chronology, _attach_claims, _redate_chunk
from .files import (
    ARTICLE_SUFFIXES,
    CORPUS_DATA_FILES,
    LARGE_FILE_BYTES,
    MANIFEST_VALUE_COLUMNS,
    MAX_FILE_BYTES,
    _discover,
    _problem,
)
from .frames import FRAME_NAMES, Corpus, _buckets, seeds_path
from .loader import (
    _cross_article,
    _fill_dateline_years,
    _malloc_trim,
    _release_memory,
    load_corpus,
)
from .manifest import read_manifest
from .stage import (
    _Chunk,
    _chunk_size,
    _chunks,
    _map_chunks,
    _pack,
    _read,
    _resolve_engine,
    _run_stage,
    _stage_chunk,
)

__all__ = ["Corpus", "load_corpus", "process_article", "seeds_path", "ARTICLE_SUFFIXES"]

# Names kept importable from ``iranstrikes.corpus`` (used by tests, benchmarks and modules).
_REEXPORTED = (
    ArticleResult,
    CORPUS_DATA_FILES,
    FRAME_NAMES,
    LARGE_FILE_BYTES,
    MANIFEST_VALUE_COLUMNS,
    MAX_FILE_BYTES,
    _MIN_PARALLEL_REDATE,
    _Chunk,
    _attach_chronology,
    _attach_claims,
    _buckets,
    _chunk_size,
    _chunks,
    _cross_article,
    _discover,
    _events_frame,
    _extract,
    _fill_dateline_years,
    _malloc_trim,
    _map_chunks,
    _pack,
    _parse_date,
    _problem,
    _process_article,
    _quotes_frame,
    _read,
    _redate_chunk,
    _release_memory,
    _resolve_engine,
    _run_stage,
    _stage_chunk,
    _ts,
    read_manifest,
)
