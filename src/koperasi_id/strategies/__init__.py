"""Hypothesis strategies for every koperasi_id value type and entity.

For property-based tests of systems built on koperasi_id: a BPUM pipeline, a
KUR service, a cooperative registry. Every strategy draws *valid* objects
(realistic Indonesian names, synthetic NIKs, bounded dates, whole-rupiah
``Decimal`` amounts), is built from ``builds``/``flatmap``/``composite``
rather than filtering, and checks its keyword arguments when it is called
(a bad argument raises :class:`hypothesis.errors.InvalidArgument` at once, not
in the middle of a test run).

Needs the optional extra: ``pip install 'koperasi-id[hypothesis]'``. With it
installed, the ``hypothesis`` entry point registers every public type (as
:func:`register_type_strategies` does), so ``st.from_type(KurApplication)``
works with no import of this module.

Value types: :func:`niks`, :func:`nomor_kks`, :func:`npwps`, :func:`nitkus`,
:func:`nibs`, :func:`kblis`, :func:`region_codes`,
:func:`nomor_induk_koperasis`, :func:`nomor_badan_hukums`,
:func:`phone_numbers`, :func:`year_ends`, :func:`rupiah`.
Entities: :func:`businesses`, :func:`cooperatives` (and :func:`founders`,
:func:`board_members`, :func:`board_terms`, :func:`rat_records`,
:func:`business_activities`, :func:`savings_loan_profiles`),
:func:`kur_applications`, :func:`existing_credits`, :func:`kur_loans`,
:func:`bpum_proposals`, :func:`proposers`, :func:`disbursement_records`.
Wire format: :func:`business_dicts`, :func:`cooperative_dicts`,
:func:`kur_application_dicts`, :func:`kur_loan_dicts` and
:func:`bpum_proposal_dicts` take the arguments of their entity strategy and
draw ``to_dict(x)``; :func:`wire_dicts` maps any strategy.

>>> from datetime import date
>>> from hypothesis import given, settings
>>> from koperasi_id.kur import assess
>>> @settings(max_examples=10)
... @given(kur_applications(fails="kur.tenor", as_of=date(2024, 5, 1)))
... def test_tenor_too_long(application):
...     assert assess(application).failed_codes == ("kur.tenor",)
>>> test_tenor_too_long()
>>> niks(province="99")
Traceback (most recent call last):
...
hypothesis.errors.InvalidArgument: province must be a Kemendagri province code such as '18' (Lampung), got '99'
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401 - the import is the check
except ImportError as error:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "koperasi_id.strategies needs Hypothesis, an optional extra: "
        "pip install 'koperasi-id[hypothesis]'"
    ) from error

from datetime import date
from typing import Any

from hypothesis import strategies as st

from koperasi_id.cooperatives import CooperativeForm, CooperativeKind
from koperasi_id.kur import Scheme
from koperasi_id.msme import BusinessSize
from koperasi_id.serialization import to_dict
from koperasi_id.strategies._bpum import (
    bpum_failures,
    bpum_proposals,
    disbursement_records,
    proposers,
)
from koperasi_id.strategies._common import (
    business_names,
    person_names,
    rupiah,
    street_addresses,
)
from koperasi_id.strategies._cooperative_parts import (
    board_members,
    board_terms,
    business_activities,
    founders,
    rat_records,
    savings_loan_profiles,
    year_ends,
)
from koperasi_id.strategies._cooperatives import cooperatives
from koperasi_id.strategies._identifiers import (
    kblis,
    nibs,
    niks,
    nitkus,
    nomor_badan_hukums,
    nomor_induk_koperasis,
    nomor_kks,
    npwps,
    phone_numbers,
    region_codes,
)
from koperasi_id.strategies._kur import KUR_FAILURES, kur_applications, kur_loans
from koperasi_id.strategies._kur_credits import existing_credits
from koperasi_id.strategies._msme import businesses
from koperasi_id.strategies._register import TYPE_STRATEGIES, register_type_strategies

__all__ = [
    "KUR_FAILURES",
    "TYPE_STRATEGIES",
    "board_members",
    "board_terms",
    "bpum_failures",
    "bpum_proposal_dicts",
    "bpum_proposals",
    "business_activities",
    "business_dicts",
    "business_names",
    "businesses",
    "cooperative_dicts",
    "cooperatives",
    "disbursement_records",
    "existing_credits",
    "founders",
    "kblis",
    "kur_application_dicts",
    "kur_applications",
    "kur_loan_dicts",
    "kur_loans",
    "nibs",
    "niks",
    "nitkus",
    "nomor_badan_hukums",
    "nomor_induk_koperasis",
    "nomor_kks",
    "npwps",
    "person_names",
    "phone_numbers",
    "proposers",
    "rat_records",
    "region_codes",
    "register_type_strategies",
    "rupiah",
    "savings_loan_profiles",
    "street_addresses",
    "wire_dicts",
    "year_ends",
]


def wire_dicts(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """The wire format (``to_dict``) of what ``strategy`` draws: JSON-ready dicts.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10)
    ... @given(wire_dicts(businesses()))
    ... def test_dates_are_iso_strings(wire):
    ...     assert isinstance(wire["started_on"], str)
    >>> test_dates_are_iso_strings()
    """
    return strategy.map(to_dict)


def business_dicts(
    *, size: BusinessSize | str | None = None, as_of: date | None = None
) -> st.SearchStrategy[dict[str, Any]]:
    """:func:`businesses` in wire format."""
    return wire_dicts(businesses(size=size, as_of=as_of))


def cooperative_dicts(
    *,
    kind: CooperativeKind | str | None = None,
    form: CooperativeForm | str | None = None,
    active: bool | None = None,
    as_of: date | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """:func:`cooperatives` in wire format."""
    return wire_dicts(cooperatives(kind=kind, form=form, active=active, as_of=as_of))


def kur_application_dicts(
    *,
    eligible: bool | None = None,
    fails: str | None = None,
    as_of: date | None = None,
    scheme: Scheme | str | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """:func:`kur_applications` in wire format."""
    return wire_dicts(kur_applications(eligible=eligible, fails=fails, as_of=as_of, scheme=scheme))


def kur_loan_dicts(
    *, as_of: date | None = None, scheme: Scheme | str | None = None
) -> st.SearchStrategy[dict[str, Any]]:
    """:func:`kur_loans` in wire format."""
    return wire_dicts(kur_loans(as_of=as_of, scheme=scheme))


def bpum_proposal_dicts(
    *, year: int = 2021, eligible: bool | None = None, fails: str | None = None
) -> st.SearchStrategy[dict[str, Any]]:
    """:func:`bpum_proposals` in wire format (the shape ``from_dict(Proposal, ...)`` reads)."""
    return wire_dicts(bpum_proposals(year=year, eligible=eligible, fails=fails))
