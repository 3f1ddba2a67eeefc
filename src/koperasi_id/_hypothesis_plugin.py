"""Hypothesis entry point: registers koperasi_id's types for ``st.from_type``.

Hypothesis calls :func:`_setup_hypothesis` at the end of its own import. The
hook must never raise and must stay cheap, because it runs for every test suite
in an environment where koperasi_id is installed, most of which never use it.
So it imports no domain module: a type can only be registered once its class
exists, and a test can only ask for ``st.from_type(Nik)`` after importing
``Nik``. The hook registers the types of the domain modules already imported,
and each domain module calls :func:`register_module_types` at the end of its
own import, which registers its types if Hypothesis is (already) active. What
is registered is a function Hypothesis calls on the first ``st.from_type``:
``koperasi_id.strategies`` is imported then, not before. Any failure is swallowed: a broken plugin must not
break the user's test run.
"""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["TYPES", "register_module_types", "register_type_strategies"]

#: (module, type name, strategy in ``koperasi_id.strategies``, its arguments).
TYPES: tuple[tuple[str, str, str, tuple[tuple[str, Any], ...]], ...] = (
    ("koperasi_id.identifiers", "Nik", "niks", ()),
    ("koperasi_id.identifiers", "NomorKk", "nomor_kks", ()),
    ("koperasi_id.identifiers", "Npwp", "npwps", ()),
    ("koperasi_id.identifiers", "Nitku", "nitkus", ()),
    ("koperasi_id.identifiers", "Nib", "nibs", ()),
    ("koperasi_id.identifiers", "Kbli", "kblis", ()),
    ("koperasi_id.identifiers", "NomorIndukKoperasi", "nomor_induk_koperasis", ()),
    ("koperasi_id.identifiers", "NomorBadanHukum", "nomor_badan_hukums", ()),
    ("koperasi_id.regions", "RegionCode", "region_codes", ()),
    ("koperasi_id.bpum", "PhoneNumber", "phone_numbers", ()),
    ("koperasi_id.cooperatives", "YearEnd", "year_ends", ()),
    ("koperasi_id.msme", "Business", "businesses", ()),
    ("koperasi_id.cooperatives", "Founder", "founders", ()),
    ("koperasi_id.cooperatives", "BoardMember", "board_members", ()),
    ("koperasi_id.cooperatives", "BoardTerm", "board_terms", ()),
    ("koperasi_id.cooperatives", "RatRecord", "rat_records", ()),
    ("koperasi_id.cooperatives", "BusinessActivity", "business_activities", ()),
    ("koperasi_id.cooperatives", "SavingsLoanProfile", "savings_loan_profiles", ()),
    ("koperasi_id.cooperatives", "Cooperative", "cooperatives", ()),
    ("koperasi_id.kur", "ExistingCredit", "existing_credits", ()),
    ("koperasi_id.kur", "KurApplication", "kur_applications", (("eligible", True),)),
    ("koperasi_id.kur", "KurLoan", "kur_loans", ()),
    ("koperasi_id.bpum", "Proposer", "proposers", ()),
    ("koperasi_id.bpum", "Proposal", "bpum_proposals", (("eligible", True),)),
    ("koperasi_id.bpum", "DisbursementRecord", "disbursement_records", ()),
)


@functools.cache
def strategy_for(factory: str, arguments: tuple[tuple[str, Any], ...]) -> Any:
    """``koperasi_id.strategies.<factory>(**arguments)``, importing the strategies now."""
    strategies = importlib.import_module("koperasi_id.strategies")
    return getattr(strategies, factory)(**dict(arguments))


def deferred_factory(factory: str, arguments: tuple[tuple[str, Any], ...]) -> Callable[[], Any]:
    """A plain function (``st.deferred`` refuses partials) building the strategy on first use."""

    def build() -> Any:
        return strategy_for(factory, arguments)

    return build


#: Set by the entry point: Hypothesis is imported and wants our strategies.
_active = False
#: Modules whose types are registered already.
_registered: set[str] = set()


def _register(module: str) -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 - only when Hypothesis asks

    namespace = sys.modules[module]
    for owner, name, factory, arguments in TYPES:
        if owner == module:
            # A function, not a strategy: Hypothesis calls it on the first
            # ``from_type``. A strategy (even ``st.deferred``) registered after
            # Hypothesis' import is materialised at once, importing every domain
            # module from inside the import of this one.
            st.register_type_strategy(getattr(namespace, name), _resolver(factory, arguments))
    _registered.add(module)


def _resolver(factory: str, arguments: tuple[tuple[str, Any], ...]) -> Callable[[type], Any]:
    def resolve(_: type) -> Any:
        return strategy_for(factory, arguments)

    return resolve


def register_module_types(module: str) -> None:
    """Register the types of ``module`` (a name in :data:`TYPES`) if Hypothesis is active.

    Each domain module calls this as the last line of its import. Without
    Hypothesis it costs one flag check.
    """
    if not _active or module in _registered:
        return
    try:
        _register(module)
    except Exception:  # noqa: BLE001 - a plugin must never break the user's import
        return


def register_type_strategies() -> None:
    """Register a deferred strategy for every type in :data:`TYPES`, importing their modules."""
    for module in dict.fromkeys(owner for owner, *_ in TYPES):
        importlib.import_module(module)
        _register(module)


def _setup_hypothesis() -> None:
    global _active  # noqa: PLW0603 - one flag, set once by the entry point
    _active = True
    for module in dict.fromkeys(owner for owner, *_ in TYPES):
        loaded = sys.modules.get(module)
        # A module still being imported registers itself when it finishes.
        if loaded is not None and not getattr(loaded.__spec__, "_initializing", False):
            register_module_types(module)
