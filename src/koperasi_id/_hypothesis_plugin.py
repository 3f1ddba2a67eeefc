"""Hypothesis entry point: registers koperasi_id's types for ``st.from_type``.

Hypothesis calls :func:`_setup_hypothesis` at the end of its own import. The
hook must never raise and must stay cheap: it imports only the domain modules
that define the registered types (a type must exist to be registered) and
registers a ``st.deferred`` strategy for each, so ``koperasi_id.strategies``
itself is imported on the first draw, not when Hypothesis is. Any failure is
swallowed: a broken plugin must not break the user's test run.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["TYPES", "register_type_strategies"]

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


def strategy_for(factory: str, arguments: tuple[tuple[str, Any], ...]) -> Any:
    """``koperasi_id.strategies.<factory>(**arguments)``, importing the strategies now."""
    strategies = importlib.import_module("koperasi_id.strategies")
    return getattr(strategies, factory)(**dict(arguments))


def deferred_factory(factory: str, arguments: tuple[tuple[str, Any], ...]) -> Callable[[], Any]:
    """A plain function (``st.deferred`` refuses partials) building the strategy on first use."""

    def build() -> Any:
        return strategy_for(factory, arguments)

    return build


def register_type_strategies() -> None:
    """Register a deferred strategy for every type in :data:`TYPES` (see the strategies docs)."""
    from hypothesis import strategies as st  # noqa: PLC0415 - only when Hypothesis asks

    for module, name, factory, arguments in TYPES:
        cls = getattr(importlib.import_module(module), name)
        st.register_type_strategy(cls, st.deferred(deferred_factory(factory, arguments)))


def _setup_hypothesis() -> None:
    try:
        register_type_strategies()
    except Exception:  # noqa: BLE001 - a plugin must never break hypothesis itself
        return
