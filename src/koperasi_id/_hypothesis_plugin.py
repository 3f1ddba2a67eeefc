"""Hypothesis entry point: registers koperasi_id's types for ``st.from_type``.

Hypothesis calls :func:`_setup_hypothesis` when it is imported. The hook must
never raise and must stay cheap, so it imports the strategies lazily and
swallows a failure (a broken plugin must not break the user's test run).
"""

from __future__ import annotations


def _setup_hypothesis() -> None:
    try:
        from koperasi_id import strategies
    except Exception:  # noqa: BLE001 - a plugin must never break hypothesis itself
        return
    register = getattr(strategies, "register_type_strategies", None)
    if register is not None:
        register()
