"""Run every Python example in the Markdown docs as a test (Sybil)."""

from __future__ import annotations

from sybil import Sybil
from sybil.parsers.myst import DocTestDirectiveParser, PythonCodeBlockParser, SkipParser

pytest_collect_file = Sybil(
    parsers=[DocTestDirectiveParser(), PythonCodeBlockParser(), SkipParser()],
    patterns=["*.md"],
).pytest()
