"""koperasi_id: Indonesian cooperative (koperasi) and MSME (UMKM) rules as typed, dated data.

The package root stays light: import the module you need
(``koperasi_id.msme``, ``koperasi_id.kur``, ...). The names here are the
foundations every module shares; they are imported on first use, so that
``import koperasi_id`` (and the ``koperasi-id`` command's start-up) costs
almost nothing.

>>> from koperasi_id import Confidence, kur
>>> Confidence.HIGH.name, kur.Scheme.MICRO.value
('HIGH', 'mikro')
"""

from __future__ import annotations

import sys

# Neither ``typing`` nor ``importlib`` is imported here: together they are most
# of a bare interpreter's start-up again. mypy reads the constant by its name.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

    from koperasi_id.decisions import Decision, Finding, Severity
    from koperasi_id.errors import (
        KoperasiIdError,
        NoRuleInForceError,
        Problem,
        RuleInputError,
        TransitionError,
        ValidationError,
    )
    from koperasi_id.law import Citation, Confidence, Regime, RegimeRef, Timeline

__version__ = "0.1.0.dev0"

#: Where each name of the root lives; it is imported from there on first use.
_LAZY: dict[str, str] = {
    "Decision": "koperasi_id.decisions",
    "Finding": "koperasi_id.decisions",
    "Severity": "koperasi_id.decisions",
    "KoperasiIdError": "koperasi_id.errors",
    "NoRuleInForceError": "koperasi_id.errors",
    "Problem": "koperasi_id.errors",
    "RuleInputError": "koperasi_id.errors",
    "TransitionError": "koperasi_id.errors",
    "ValidationError": "koperasi_id.errors",
    "Citation": "koperasi_id.law",
    "Confidence": "koperasi_id.law",
    "Regime": "koperasi_id.law",
    "RegimeRef": "koperasi_id.law",
    "Timeline": "koperasi_id.law",
}

__all__ = [
    "Citation",
    "Confidence",
    "Decision",
    "Finding",
    "KoperasiIdError",
    "NoRuleInForceError",
    "Problem",
    "Regime",
    "RegimeRef",
    "RuleInputError",
    "Severity",
    "Timeline",
    "TransitionError",
    "ValidationError",
    "__version__",
]


def __getattr__(name: str) -> Any:
    # PEP 562. Submodules (``from koperasi_id import kur``) are not listed: for
    # them the AttributeError makes the import system load the submodule.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    __import__(module)
    value = getattr(sys.modules[module], name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
