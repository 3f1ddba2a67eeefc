"""Names of a package loaded from their submodule on first use (PEP 562), so imports stay cheap.

A domain package (``koperasi_id.kur``, ...) lists where each public name
lives; ``import koperasi_id.kur`` then loads nothing else, and
``kur.Scheme`` loads only the module that defines it (the command line's
``--help`` needs a few enums, not the whole rule book).
"""

from __future__ import annotations

import decimal
import importlib
import sys
from collections.abc import Callable, Mapping

from koperasi_id._context import CONTEXT


def lazy_exports(
    package: str, exports: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: ``exports`` maps a module to its names.

    >>> getattr_, dir_ = lazy_exports("koperasi_id", {"koperasi_id.law": ("Confidence",)})
    >>> getattr_("Confidence").HIGH.name, "Confidence" in dir_()
    ('HIGH', True)
    >>> getattr_("Nope")
    Traceback (most recent call last):
    ...
    AttributeError: module 'koperasi_id' has no attribute 'Nope'
    """
    where = {name: module for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> object:  # noqa: N807 - the PEP 562 hook itself
        module = where.get(name)
        if module is None:
            # For a submodule (``from koperasi_id.kur import _rules``) the import
            # system falls back to loading it after this AttributeError.
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        # A module builds its law tables (Decimal amounts) as it loads, and the
        # first use may come inside a caller's own decimal context.
        with decimal.localcontext(CONTEXT):
            value = getattr(importlib.import_module(module), name)
        vars(sys.modules[package])[name] = value  # later look-ups skip this function
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return sorted({*vars(sys.modules[package]), *where})

    return __getattr__, __dir__
