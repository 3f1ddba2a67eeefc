"""``register_type_strategies``: teach ``st.from_type`` every public koperasi_id type.

The table lives in :mod:`koperasi_id._hypothesis_plugin`, which the
``hypothesis`` entry point runs without importing this package.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from hypothesis import strategies as st

from koperasi_id import _hypothesis_plugin

__all__ = ["TYPE_STRATEGIES", "register_type_strategies"]

#: Every public value type and entity, with the function building the strategy
#: ``st.from_type`` uses for it (``KurApplication`` and ``Proposal``: eligible).
TYPE_STRATEGIES: Mapping[type, Callable[[], st.SearchStrategy[Any]]] = {
    getattr(importlib.import_module(module), name): _hypothesis_plugin.deferred_factory(
        factory, arguments
    )
    for module, name, factory, arguments in _hypothesis_plugin.TYPES
}


def register_type_strategies() -> None:
    """Register a strategy for every public koperasi_id type with Hypothesis.

    Afterwards ``st.from_type(KurApplication)`` draws *eligible* applications
    (and ``st.from_type(Proposal)`` eligible BPUM 2021 proposals),
    ``st.from_type(Cooperative)`` valid cooperatives, and ``st.builds`` fills
    fields of these types on your own classes. The ``hypothesis`` entry point
    does this when Hypothesis is imported; calling it again is harmless.
    Strategies are built lazily, on first use.
    """
    _hypothesis_plugin.register_type_strategies()
