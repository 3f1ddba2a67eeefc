"""Hypothesis entry point: registers koperasi_id's types for ``st.from_type``.

Hypothesis calls :func:`_setup_hypothesis` at the end of its own import. The
hook must never raise, so it imports the strategies only inside the function
(nothing is loaded unless Hypothesis is) and swallows any failure: a broken
plugin must not break the user's test run.

It imports the registry module itself, not the package ``__init__``: when a
test does ``from koperasi_id.strategies import ...`` first, the package is
still half-initialised while its ``import hypothesis`` runs this hook, but its
submodules can already be imported.
"""

from __future__ import annotations


def _setup_hypothesis() -> None:
    try:
        from koperasi_id.strategies._register import (  # noqa: PLC0415 - lazy by design
            register_type_strategies,
        )

        register_type_strategies()
    except Exception:  # noqa: BLE001 - a plugin must never break hypothesis itself
        return
