"""Run every Python example in the Markdown docs as a test (Sybil).

Sybil reads MyST fences properly, unlike a bare ``--doctest-glob``, which would
take a closing fence for expected output.
"""

from __future__ import annotations

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.myst import DocTestDirectiveParser, PythonCodeBlockParser, SkipParser

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

pytest_collect_file = Sybil(
    parsers=[
        DocTestDirectiveParser(optionflags=_FLAGS),
        PythonCodeBlockParser(doctest_optionflags=_FLAGS),
        SkipParser(),
    ],
    patterns=["*.md"],
).pytest()
