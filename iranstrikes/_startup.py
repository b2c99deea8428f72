"""Start-up time: work that ``import iranstrikes`` avoids or defers, without changing behaviour.

What belongs here: small, behaviour-preserving deferrals of costs paid by third-party imports
that every notebook kernel triggers (each notebook runs in a fresh kernel, so seconds here are
seconds per notebook). Nothing that changes a result.

* :func:`defer_iri_grammar` -- ``jsonschema`` (imported by Altair) imports ``rfc3987_syntax`` for
  its ``iri`` format checker, and that module builds an Earley parser for the RFC 3987 grammar at
  import time: about 2 s, for a format that no Vega-Lite schema uses. A stand-in module delays
  that import until an IRI is first checked (or any other name of the module is used).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

IRI_MODULE = "rfc3987_syntax"


def defer_iri_grammar() -> bool:
    """Put a lazy stand-in for ``rfc3987_syntax`` in ``sys.modules`` (before jsonschema loads).

    The stand-in's ``is_valid_syntax`` (the one name jsonschema imports) and every other
    attribute import the real module on first use and delegate to it; from then on the real
    module is in ``sys.modules``. Nothing happens when the module is not installed, is already
    imported, or jsonschema has already imported it.

    Returns:
        True if the stand-in was installed.
    """
    if IRI_MODULE in sys.modules or "jsonschema" in sys.modules:
        return False
    try:
        spec = importlib.util.find_spec(IRI_MODULE)
    except (ImportError, ValueError):
        return False
    if spec is None:
        return False
    stub = types.ModuleType(
        IRI_MODULE, "Lazy stand-in for rfc3987_syntax (see iranstrikes._startup)."
    )
    stub.__path__ = list(spec.submodule_search_locations or [])

    def real() -> types.ModuleType:
        if sys.modules.get(IRI_MODULE) is stub:
            del sys.modules[IRI_MODULE]
        return importlib.import_module(IRI_MODULE)

    def is_valid_syntax(term: str, value: str) -> bool:
        return real().is_valid_syntax(term, value)

    stub.is_valid_syntax = is_valid_syntax
    stub.__getattr__ = lambda name: getattr(real(), name)
    sys.modules[IRI_MODULE] = stub
    return True
