"""Shared test settings.

Hypothesis profiles: ``ci`` (the default here, 200 examples per property) and
``dev`` (50, for quick local runs: ``HYPOTHESIS_PROFILE=dev``).
"""

from __future__ import annotations

import os

try:
    from hypothesis import HealthCheck, settings
except ImportError:  # the no-hypothesis CI job runs the non-property tests only
    pass
else:
    settings.register_profile(
        "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    settings.register_profile("dev", max_examples=50, deadline=None)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
