"""Collection rules for the whole repository (tests, the modules' doctests, the docs).

``koperasi_id.frames`` needs the optional ``polars`` extra at import time, so
its doctests are not collected where polars is missing (its tests skip
themselves with ``pytest.importorskip``).
"""

from __future__ import annotations

import importlib.util

collect_ignore_glob = (
    [] if importlib.util.find_spec("polars") is not None else ["src/koperasi_id/frames/*"]
)
