"""Shared test settings.

Hypothesis profiles: ``ci`` (the default, 200 examples per property) and
``dev`` (50, for quick local runs: ``HYPOTHESIS_PROFILE=dev``). Under CI
(``CI`` set) the examples are derandomized, so a run is reproducible and a
landing is never decided by luck; local runs keep exploring new examples.

Without hypothesis installed (CI's minimal environment, which proves the extra
is optional), test modules that use it are not collected; the rest run.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    from hypothesis import HealthCheck, settings
except ImportError:
    _here = Path(__file__).parent
    collect_ignore = [
        str(path.relative_to(_here))
        for path in _here.rglob("test_*.py")
        if "hypothesis" in path.read_text(encoding="utf-8")
    ]
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
