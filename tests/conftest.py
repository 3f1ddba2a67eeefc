"""Shared test settings.

Hypothesis profiles: ``ci`` (the default, 200 examples per property) and
``dev`` (50, for quick local runs: ``HYPOTHESIS_PROFILE=dev``). Under CI
(``CI`` set) the examples are derandomized, so a run is reproducible and a
landing is never decided by luck; local runs keep exploring new examples.

Without hypothesis installed (CI's minimal environment, which proves the extra
is optional) every module is still collected: property tests skip one by one
(modules mixing them with example tests import ``given`` and ``st`` from
``_hypothesis_optional``), and modules made only of property tests skip with
``pytest.importorskip("hypothesis")``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CliRun = Callable[..., "subprocess.CompletedProcess[str]"]


@pytest.fixture
def cli() -> CliRun:
    """Run ``python -m koperasi_id ARGS`` as a user does; fails the test on a traceback."""

    def run(*args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "koperasi_id", *map(str, args)],
            capture_output=True,
            text=True,
            input=stdin,
            timeout=300,
            check=False,
        )
        assert "Traceback" not in result.stderr, result.stderr
        return result

    return run


_CHECKOUT = Path(__file__).resolve().parent.parent


def _visible_entries(directory: Path) -> set[str]:
    return {name for name in os.listdir(directory) if not name.startswith(".")}


@pytest.fixture(autouse=True)
def _leaves_the_checkout_root_alone() -> Iterator[None]:
    """Fail a test that writes into the repository's root.

    The robustness suites hand hostile text to functions that take a path; a
    relative path once landed a dozen NIK-named files in the root, and a commit
    picked them up. (Dot entries are tools' caches: .coverage, .hypothesis.)
    """
    before = _visible_entries(_CHECKOUT)
    yield
    added = _visible_entries(_CHECKOUT) - before
    assert not added, f"the test wrote {len(added)} file(s) into the checkout's root"
