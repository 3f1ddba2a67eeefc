"""koperasi_id: Indonesian cooperative (koperasi) and MSME (UMKM) rules as typed, dated data.

The package root stays light: import the module you need
(``koperasi_id.msme``, ``koperasi_id.kur``, ...). The names here are the
foundations every module shares.
"""

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
