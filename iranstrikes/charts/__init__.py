"""Altair charts of sourcing, propagation, chronology and stances.

What belongs here: small functions in the Altair-gallery style that turn the frames of a
:class:`~iranstrikes.corpus.Corpus` into charts, the tidy data behind each chart, the linked
dashboard with named selections, and saving a chart with its data. Nothing about how a chart
reaches a screen (that is :mod:`iranstrikes.rendering`) and nothing about particular articles,
people or outlets.

Conventions:
    * Every chart function ``name(corpus)`` has a data twin ``name_data(corpus)`` returning the
      exact DataFrame the chart is built from (one row per data row of the spec), so that
      ``save_chart(chart, name_data(corpus), "out/name")`` keeps the numbers next to the picture.
    * Data is sorted, dates are ISO strings (``YYYY-MM-DD``), only the needed columns are inlined
      and every selection and view has a fixed name: ``chart.to_dict()`` is the same on every
      call and every load.
    * Selections have stable names (:data:`SPEAKER_SELECT`, :data:`DATE_BRUSH`) so that
      ``alt.JupyterChart(chart).selections.speaker_select.value`` can be read from Python and
      passed to :func:`selected_quotes`.
    * An empty frame gives a chart with a "no data" text mark, never an exception.
"""

from __future__ import annotations

from .base import (
    DATE_BRUSH,
    PALETTE,
    SOURCE_CLASSES,
    SPEAKER_SELECT,
    STANCE_ORDER,
    UNATTRIBUTED,
    UNKNOWN_OUTLET,
    no_data_chart,
    source_class,
)
from .dashboard import linked_sourcing_dashboard, quotes_list, selected_quotes
from .save import FIGURES, figure, save_chart
from .sourcing import (
    PROFILE_MEASURES,
    outlet_profile,
    outlet_profile_data,
    quote_propagation,
    quote_propagation_data,
    sourcing_flow,
    sourcing_flow_data,
)
from .stances import GROUPS, finding, finding_data, stance_matrix, stance_matrix_data
from .table import QUOTES_TABLE_COLUMNS, quotes_table_data, stance_triples
from .timeline import timeline, timeline_data

__all__ = [
    "PALETTE",
    "SOURCE_CLASSES",
    "STANCE_ORDER",
    "SPEAKER_SELECT",
    "DATE_BRUSH",
    "source_class",
    "quotes_table_data",
    "stance_triples",
    "sourcing_flow",
    "sourcing_flow_data",
    "quote_propagation",
    "quote_propagation_data",
    "timeline",
    "timeline_data",
    "stance_matrix",
    "stance_matrix_data",
    "outlet_profile",
    "outlet_profile_data",
    "quotes_list",
    "linked_sourcing_dashboard",
    "selected_quotes",
    "save_chart",
    "no_data_chart",
    "figure",
    "finding",
    "finding_data",
    "GROUPS",
    "FIGURES",
    "PROFILE_MEASURES",
    "QUOTES_TABLE_COLUMNS",
    "UNATTRIBUTED",
    "UNKNOWN_OUTLET",
]
