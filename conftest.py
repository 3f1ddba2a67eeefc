"""Collection rules for the whole repository (tests, the modules' doctests, the docs).

``koperasi_id.frames`` needs the optional ``polars`` extra at import time, so
its doctests are not collected where polars is missing (its tests skip
themselves with ``pytest.importorskip``).

The Hypothesis profiles live here, not in ``tests/``, so that the property
examples of the docs and the modules' doctests run under them too when they
are collected on their own (``pytest docs/guide/testing.md``): without
``deadline=None`` a loaded machine fails them by the clock.
"""

from __future__ import annotations

import importlib.util
import os

try:
    from hypothesis import HealthCheck, settings
except ImportError:
    pass  # no profiles to register: every property test skips
else:
    settings.register_profile(
        "ci",
        max_examples=200,
        deadline=None,
        derandomize=bool(os.environ.get("CI")),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    settings.register_profile("dev", max_examples=50, deadline=None)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

collect_ignore_glob = (
    [] if importlib.util.find_spec("polars") is not None else ["src/koperasi_id/frames/*"]
)
