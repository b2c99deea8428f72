"""Saving charts as images with the data beside them, and the named figures of the series.

What belongs here: :func:`save_chart` and :func:`figure`.

An SVG starts with a comment holding a digest of the spec and of the vl-convert version that
drew it; saving the same chart again keeps the file as it is instead of drawing it again
(drawing takes about a second, the first one in a process more).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd


def save_chart(
    chart: alt.TopLevelMixin,
    data: pd.DataFrame,
    path_stem: str | Path,
    formats: Sequence[str] = ("png", "svg"),
    *,
    scale: float = 2.0,
) -> list[Path]:
    """Save a chart as images (offline, with vl-convert) and its data as CSV side by side.

    Args:
        chart: The chart.
        data: The DataFrame behind it (e.g. from the chart function's ``*_data`` twin).
        path_stem: Path without suffix; writes ``<stem>.png``, ``<stem>.svg`` and
            ``<stem>.csv``. Parent folders are created.
        formats: Image formats: any of "png", "svg", "pdf".
        scale: Pixel scale factor for PNG.

    Returns:
        The paths written: images in the order of ``formats``, then the CSV.

    Raises:
        ValueError: for an unknown format.
    """
    import vl_convert as vlc

    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    spec = chart.to_dict()
    written = []
    for fmt in formats:
        fmt = fmt.lower().lstrip(".")
        path = stem.with_name(f"{stem.name}.{fmt}")
        if fmt == "png":
            path.write_bytes(vlc.vegalite_to_png(spec, scale=scale))
        elif fmt == "svg":
            stamp = _svg_stamp(spec)
            if not _starts_with(path, stamp):
                path.write_text(stamp + vlc.vegalite_to_svg(spec), encoding="utf-8")
        elif fmt == "pdf":
            path.write_bytes(vlc.vegalite_to_pdf(spec))
        else:
            raise ValueError(f"Unknown image format {fmt!r}: use png, svg or pdf.")
        written.append(path)
    csv = stem.with_name(f"{stem.name}.csv")
    data.to_csv(csv, index=False)
    written.append(csv)
    return written


def _svg_stamp(spec: dict) -> str:
    """The first line of a saved SVG: what it was drawn from."""
    import vl_convert as vlc

    text = json.dumps(spec, sort_keys=True, ensure_ascii=True, default=str)
    version = getattr(vlc, "__version__", "")
    digest = hashlib.sha256(f"{version}\x1f{text}".encode()).hexdigest()
    return f"<!-- iranstrikes chart, spec sha256 {digest} -->\n"


def _starts_with(path: Path, stamp: str) -> bool:
    try:
        with path.open(encoding="utf-8") as fh:
            return fh.read(len(stamp)) == stamp
    except (OSError, UnicodeDecodeError):
        return False


FIGURES = (
    "finding",
    "sourcing_flow",
    "quote_propagation",
    "timeline",
    "stance_matrix",
    "outlet_profile",
)
"""Chart functions that have a ``*_data`` twin and can be saved with :func:`figure`."""


def figure(
    name: str,
    corpus: Any,
    path_stem: str | Path | None = None,
    formats: Sequence[str] = ("svg",),
) -> alt.TopLevelMixin:
    """Build one of the :data:`FIGURES`, save it next to the data behind it, and return it.

    The notebook idiom: ``charts.figure("timeline", corpus, "figures/02-timeline")`` draws the
    chart in the notebook and writes ``figures/02-timeline.svg`` and ``.csv`` beside it.

    Args:
        name: A chart function name from :data:`FIGURES`.
        corpus: A loaded corpus.
        path_stem: Where to save (without suffix); None saves nothing.
        formats: Image formats for :func:`save_chart`.

    Returns:
        The chart.

    Raises:
        ValueError: for an unknown chart name.
    """
    if name not in FIGURES:
        raise ValueError(f"Unknown chart {name!r}: choose one of {', '.join(FIGURES)}.")
    from .. import charts

    data = getattr(charts, f"{name}_data")(corpus)
    chart = getattr(charts, name)(corpus, data=data)
    if path_stem is not None:
        save_chart(chart, data, path_stem, formats)
    return chart
