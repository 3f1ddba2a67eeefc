"""Hypothesis when it is installed; otherwise stand-ins that skip only the property tests.

`hypothesis` is an optional extra, and CI's minimal environment runs the suite
without it. A test module that mixes example tests with property tests imports
``given``, ``settings``, ``example``, ``assume`` and ``st`` from here instead of
from hypothesis: with hypothesis missing, each ``@given`` test is skipped on its
own (with the reason shown by ``-ra``) and every example test in the module
still runs. Module-level strategy definitions (``st.integers(...).map(...)``,
``@st.composite``) evaluate to an inert placeholder that no test ever draws from,
because every test that would draw is skipped.

A module made only of property tests uses ``pytest.importorskip("hypothesis")``
at its top instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

__all__ = ["HAVE_HYPOTHESIS", "assume", "example", "given", "settings", "st"]

try:
    from hypothesis import assume, example, given, settings
    from hypothesis import strategies as st
except ImportError:
    HAVE_HYPOTHESIS = False

    _SKIP = pytest.mark.skip(reason="property test: needs hypothesis (the `hypothesis` extra)")

    class _Placeholder:
        """Any attribute, call, item or ``|`` of a strategy gives another placeholder."""

        def __getattr__(self, name: str) -> _Placeholder:
            return self

        def __call__(self, *args: object, **kwargs: object) -> _Placeholder:
            return self

        def __getitem__(self, item: object) -> _Placeholder:
            return self

        def __or__(self, other: object) -> _Placeholder:
            return self

        __ror__ = __or__

    st = _Placeholder()  # type: ignore[assignment]

    def given(*args: object, **kwargs: object) -> Any:  # type: ignore[no-redef]
        return _SKIP

    def settings(*args: object, **kwargs: object) -> Callable[[Any], Any]:  # type: ignore[no-redef]
        return lambda test: test

    def example(*args: object, **kwargs: object) -> Callable[[Any], Any]:  # type: ignore[no-redef]
        return lambda test: test

    def assume(condition: object) -> bool:  # type: ignore[no-redef]
        return True

else:
    HAVE_HYPOTHESIS = True
