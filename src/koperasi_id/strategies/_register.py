"""``register_type_strategies``: teach ``st.from_type`` every public koperasi_id type."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from hypothesis import strategies as st

from koperasi_id.bpum import DisbursementRecord, PhoneNumber, Proposal, Proposer
from koperasi_id.cooperatives import (
    BoardMember,
    BoardTerm,
    BusinessActivity,
    Cooperative,
    Founder,
    RatRecord,
    SavingsLoanProfile,
    YearEnd,
)
from koperasi_id.identifiers import (
    Kbli,
    Nib,
    Nik,
    Nitku,
    NomorBadanHukum,
    NomorIndukKoperasi,
    NomorKk,
    Npwp,
)
from koperasi_id.kur import ExistingCredit, KurApplication, KurLoan
from koperasi_id.msme import Business
from koperasi_id.regions import RegionCode
from koperasi_id.strategies import _bpum, _cooperatives, _identifiers, _kur, _msme

__all__ = ["TYPE_STRATEGIES", "register_type_strategies"]

#: Every public value type and entity, with the strategy ``st.from_type`` uses.
#: Each is a function so that nothing is built until Hypothesis asks.
TYPE_STRATEGIES: Mapping[type, Callable[[], st.SearchStrategy[Any]]] = {
    Nik: _identifiers.niks,
    NomorKk: _identifiers.nomor_kks,
    Npwp: _identifiers.npwps,
    Nitku: _identifiers.nitkus,
    Nib: _identifiers.nibs,
    Kbli: _identifiers.kblis,
    NomorIndukKoperasi: _identifiers.nomor_induk_koperasis,
    NomorBadanHukum: _identifiers.nomor_badan_hukums,
    RegionCode: _identifiers.region_codes,
    PhoneNumber: _identifiers.phone_numbers,
    YearEnd: _cooperatives.year_ends,
    Business: _msme.businesses,
    Founder: _cooperatives.founders,
    BoardMember: _cooperatives.board_members,
    BoardTerm: _cooperatives.board_terms,
    RatRecord: _cooperatives.rat_records,
    BusinessActivity: _cooperatives.business_activities,
    SavingsLoanProfile: _cooperatives.savings_loan_profiles,
    Cooperative: _cooperatives.cooperatives,
    ExistingCredit: _kur.existing_credits,
    KurApplication: lambda: _kur.kur_applications(eligible=True),
    KurLoan: _kur.kur_loans,
    Proposer: _bpum.proposers,
    Proposal: lambda: _bpum.bpum_proposals(eligible=True),
    DisbursementRecord: _bpum.disbursement_records,
}


def register_type_strategies() -> None:
    """Register a strategy for every public koperasi_id type with Hypothesis.

    Afterwards ``st.from_type(KurApplication)`` draws *eligible* applications
    (and ``st.from_type(Proposal)`` eligible BPUM 2021 proposals),
    ``st.from_type(Cooperative)`` valid cooperatives, and ``st.builds`` fills
    fields of these types on your own classes. The ``hypothesis`` entry point
    calls this when Hypothesis is imported; calling it again is harmless.
    Strategies are built lazily, on first use.
    """
    for cls, factory in TYPE_STRATEGIES.items():
        st.register_type_strategy(cls, st.deferred(factory))
