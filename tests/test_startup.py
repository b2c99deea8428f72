"""``import iranstrikes`` defers the IRI grammar that jsonschema loads, without changing checks."""

from __future__ import annotations

import subprocess
import sys

import pytest

SCRIPT = """
import sys
import iranstrikes
from iranstrikes import charts  # imports altair, hence jsonschema
import jsonschema
print("built-before-use", "rfc3987_syntax.syntax_helpers" in sys.modules)
checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
print("iri-good", checker.conforms("https://example.org/ä?q=1", "iri"))
print("iri-bad", checker.conforms("not an iri with spaces", "iri"))
print("built-after-use", "rfc3987_syntax.syntax_helpers" in sys.modules)
import rfc3987_syntax
print("real-module", hasattr(rfc3987_syntax, "syntax_parser"))
"""


def test_iri_grammar_is_built_only_when_an_iri_is_checked():
    pytest.importorskip("rfc3987_syntax")
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    lines = dict(line.split() for line in out.stdout.splitlines())
    assert lines == {
        "built-before-use": "False",
        "iri-good": "True",
        "iri-bad": "False",
        "built-after-use": "True",
        "real-module": "True",
    }
