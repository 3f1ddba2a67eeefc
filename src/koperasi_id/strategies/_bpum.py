"""Strategies for BPUM proposals and disbursement records (``koperasi_id.bpum``)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, timedelta

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from koperasi_id.bpum import (
    Criterion,
    DisbursementRecord,
    Occupation,
    Programme,
    Proposal,
    Proposer,
    ProposerType,
    Status,
    programme,
    programme_years,
)
from koperasi_id.identifiers import Kbli, Nik
from koperasi_id.regions import RegionCode
from koperasi_id.strategies._common import (
    LINES_OF_BUSINESS,
    check_bool_or_none,
    check_enum,
    person_names,
    street_addresses,
)
from koperasi_id.strategies._identifiers import niks, nomor_kks, phone_numbers, region_codes

__all__ = ["bpum_failures", "bpum_proposals", "disbursement_records", "proposers"]

#: Applicants were adults in the programme years.
_BORN_BETWEEN = (date(1945, 1, 1), date(2002, 12, 31))
_CREDITED = frozenset({Status.CREDITED, Status.WITHDRAWN, Status.RETURNED_TO_TREASURY})


def _year_arg(year: object) -> Programme:
    years = programme_years()
    if type(year) is not int or year not in years:
        raise InvalidArgument(
            f"year must be a BPUM budget year ({', '.join(map(str, years))}), got {year!r}"
        )
    return programme(year)


def proposers(
    *, type: ProposerType | str | None = None, province: str | None = None
) -> st.SearchStrategy[Proposer]:
    """Proposers at the right level: a provincial office at a province code, a district office at a regency/city."""
    kind = check_enum("type", type, ProposerType)
    kinds = st.just(kind) if kind is not None else st.sampled_from(ProposerType)
    return kinds.flatmap(lambda k: _proposer(k, province))


def _proposer(kind: ProposerType, province: str | None) -> st.SearchStrategy[Proposer]:
    level = "provinsi" if kind is ProposerType.PROVINCIAL_OFFICE else "kabupaten_kota"
    return region_codes(level=level, province=province).map(
        lambda region: Proposer(type=kind, region=region)
    )


def bpum_failures(year: int = 2021) -> tuple[str, ...]:
    """The finding codes ``bpum_proposals(year=year, fails=...)`` can target.

    Every criterion of the year except identity (a proposal always carries a
    NIK), the proposer where every proposer type is allowed (2020), and other
    bank credit where it does not exclude under the regulation text (2021).
    """
    prog = _year_arg(year)
    return tuple(c.code for c in prog.criteria if c in _breakers(prog))


def bpum_proposals(
    *,
    year: int = 2021,
    eligible: bool | None = None,
    fails: str | None = None,
) -> st.SearchStrategy[Proposal]:
    """Valid :class:`~koperasi_id.bpum.Proposal` records for the ``year`` programme.

    ``eligible=True``: :func:`~koperasi_id.bpum.assess` (``year=year``, either
    reading of the other-bank-credit rule) finds it eligible.
    ``fails="bpum.has_kur"`` (a code from :func:`bpum_failures`): exactly that
    criterion fails. ``eligible=False`` draws the failing criterion.
    Applicants are adults with a NIK and KK from the same district, a phone,
    a KTP address; the proposer sits in the applicant's province.
    """
    prog = _year_arg(year)
    want = check_bool_or_none("eligible", eligible)
    breakers = _breakers(prog)
    codes = {c.code: c for c in prog.criteria if c in breakers}
    if fails is not None:
        if fails not in codes:
            raise InvalidArgument(
                f"fails must be one of {', '.join(codes)} for {year}; got {fails!r}"
            )
        if want is True:
            raise InvalidArgument("eligible=True and fails= contradict each other")
        criterion = codes[fails]
        return _eligible(prog).flatmap(lambda p: breakers[criterion](p, prog))
    failing = st.sampled_from(list(codes.values())).flatmap(
        lambda c: _eligible(prog).flatmap(lambda p: breakers[c](p, prog))
    )
    if want is True:
        return _eligible(prog)
    if want is False:
        return failing
    return st.one_of(_eligible(prog), failing)


_APPLICANT_NIKS = niks(born_between=_BORN_BETWEEN)
_ADDRESSES = street_addresses()
_NAMES = person_names()
_PHONES = phone_numbers()
_LINES = st.sampled_from(LINES_OF_BUSINESS)
_BOOLEANS = st.booleans()


def _eligible(prog: Programme) -> st.SearchStrategy[Proposal]:
    return _eligible_in(prog.year)


@functools.cache
def _eligible_in(year: int) -> st.SearchStrategy[Proposal]:
    return _drawn_eligible(programme(year))


@st.composite
def _drawn_eligible(draw: st.DrawFn, prog: Programme) -> Proposal:
    nik = draw(_APPLICANT_NIKS)
    line, kbli = draw(_LINES)
    address = draw(_ADDRESSES)
    elsewhere = draw(_BOOLEANS)
    previous = [y for y in prog.allowed_previous_years if draw(_BOOLEANS)]
    return Proposal(
        nik=nik,
        kk=draw(nomor_kks(province=nik.province_code)),
        name=draw(_NAMES),
        ktp_address=address,
        business_address=_market(address) if elsewhere else None,
        has_sku=elsewhere,
        line_of_business=line,
        kbli=Kbli.parse(kbli) if draw(_BOOLEANS) else None,
        phone=draw(_PHONES),
        occupation=draw(
            st.sampled_from([o for o in Occupation if o not in prog.excluded_occupations])
        ),
        has_kur=False,
        has_other_bank_credit=False,
        previous_bpum_years=tuple(previous),
        proposer=_proposer_at(draw(st.sampled_from(prog.allowed_proposers)), nik),
    )


def _proposer_at(kind: ProposerType, nik: Nik) -> Proposer:
    if kind is ProposerType.PROVINCIAL_OFFICE:
        return Proposer(type=kind, region=RegionCode.parse(nik.province_code))
    return Proposer(type=kind, region=RegionCode.parse(nik.regency_code))


def _market(address: str) -> str:
    area = address.rsplit(", ", 1)[-1]
    return f"Pasar {area}, Los B No. 12"


_Breaker = Callable[[Proposal, Programme], st.SearchStrategy[Proposal]]


def _breakers(prog: Programme) -> dict[Criterion, _Breaker]:
    """How to make each criterion that can fail alone fail (identity never can)."""
    barred_kinds = [k for k in ProposerType if k not in prog.allowed_proposers]
    every: dict[Criterion, _Breaker | None] = {
        Criterion.KK_REQUIRED: lambda p, _: st.just(attrs.evolve(p, kk=None)),
        Criterion.CITIZENSHIP: lambda p, _: st.just(attrs.evolve(p, citizen=False)),
        Criterion.IDENTITY: None,
        Criterion.PROPOSER: (
            (
                lambda p, _: st.sampled_from(barred_kinds).map(
                    lambda k: attrs.evolve(p, proposer=_proposer_at(k, p.nik))
                )
            )
            if barred_kinds
            else None
        ),
        Criterion.OCCUPATION: lambda p, pr: st.sampled_from(pr.excluded_occupations).map(
            lambda o: attrs.evolve(p, occupation=o)
        ),
        Criterion.KUR: lambda p, _: st.just(attrs.evolve(p, has_kur=True)),
        Criterion.OTHER_BANK_CREDIT: (
            (lambda p, _: st.just(attrs.evolve(p, has_other_bank_credit=True)))
            if prog.other_bank_credit_excludes
            else None
        ),
        Criterion.SKU: lambda p, _: st.just(
            attrs.evolve(p, business_address=_market(p.ktp_address), has_sku=False)
        ),
        Criterion.PREVIOUS_BPUM: lambda p, pr: st.just(
            attrs.evolve(p, previous_bpum_years=tuple(sorted({*p.previous_bpum_years, pr.year})))
        ),
    }
    return {c: b for c, b in every.items() if b is not None}


def disbursement_records(
    *, year: int | None = None, status: Status | str | None = None
) -> st.SearchStrategy[DisbursementRecord]:
    """Disbursement records; a credited date (in the budget year) exactly when money has moved."""
    if year is not None:
        _year_arg(year)
    which = check_enum("status", status, Status)
    years = st.just(year) if year is not None else st.sampled_from(programme_years())
    statuses = st.just(which) if which is not None else st.sampled_from(Status)
    return st.builds(
        _record, niks(born_between=_BORN_BETWEEN), years, statuses, st.integers(0, 240)
    )


def _record(nik: Nik, year: int, status: Status, day: int) -> DisbursementRecord:
    credited = date(year, 4, 1) + timedelta(days=day) if status in _CREDITED else None
    return DisbursementRecord(nik=nik, year=year, status=status, credited_on=credited)
