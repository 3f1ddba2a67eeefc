"""The BPUM proposal: who applies, who proposes them, and what they declare."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar

import attrs

from koperasi_id.bpum._kinds import Occupation, ProposerType
from koperasi_id.bpum._phone import PhoneNumber
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.identifiers import Kbli, Nik, NomorKk
from koperasi_id.regions import RegionCode

__all__ = ["Occupation", "Proposal", "Proposer", "ProposerType"]

#: Longest free-text field accepted (names, addresses, lines of business).
MAX_TEXT_LENGTH = 500
_FIRST_BPUM_YEAR_FLOOR = 1900
_YEAR_CEILING = 9999


def _region_depth(region: RegionCode) -> int:
    """0 for a province (``18``), 1 for a regency/city (``18.71``), and so on."""
    return str(region).count(".")


@attrs.frozen(kw_only=True)
class Proposer:
    """The body that proposes the applicant, and its region.

    A provincial office sits at a province code and a regency/city office at
    a regency/city code; other proposers give the region of their office.

    >>> Proposer(type=ProposerType.DISTRICT_OFFICE, region=RegionCode.parse("18.71")).type.label
    'Dinas Koperasi dan UKM Kabupaten/Kota'
    >>> Proposer(type=ProposerType.PROVINCIAL_OFFICE, region=RegionCode.parse("18.71"))
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $.region: a dinas_provinsi proposer sits at a province code such as '18', got '18.71' [bpum.proposer_region]
    """

    type: ProposerType
    region: RegionCode

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "bpum.proposer_region": "a dinas_provinsi sits at a province code, a dinas_kabupaten_kota at a regency/city code",
        }
    )

    def __attrs_post_init__(self) -> None:
        kind = self.type  # identity tests: an enum's hash is a Python call
        if kind is ProposerType.DISTRICT_OFFICE:
            wanted = 1
        elif kind is ProposerType.PROVINCIAL_OFFICE:
            wanted = 0
        else:
            return
        if _region_depth(self.region) != wanted:
            example = "'18'" if wanted == 0 else "'18.71'"
            level = "province" if wanted == 0 else "regency/city"
            level_id = "provinsi" if wanted == 0 else "kabupaten/kota"
            raise ValidationError.single(
                "bpum.proposer_region",
                f"a {self.type.value} proposer sits at a {level} code such as {example}, "
                f"got '{self.region}'",
                message_id=f"pengusul {self.type.value} berkedudukan pada kode {level_id} seperti {example}, "
                f"diisi '{self.region}'",
                path="$.region",
            )


def _text_problem(name: str, value: Any, *, what: str, what_id: str) -> Problem | None:
    if not isinstance(value, str):
        return Problem(
            path=f"$.{name}",
            code="type.str",
            message=f"the {what} must be text",
            message_id=f"{what_id} harus berupa teks",
        )
    if not value.strip():
        return Problem(
            path=f"$.{name}",
            code="bpum.empty",
            message=f"the {what} is empty",
            message_id=f"{what_id} wajib diisi",
        )
    if len(value) > MAX_TEXT_LENGTH:
        return Problem(
            path=f"$.{name}",
            code="bpum.too_long",
            message=f"the {what} is longer than {MAX_TEXT_LENGTH} characters",
            message_id=f"{what_id} lebih panjang dari {MAX_TEXT_LENGTH} karakter",
        )
    return None


def _plain_text(value: Any) -> bool:
    """Whether ``_text_problem`` finds nothing (``strip`` and ``isspace`` agree on space)."""
    return type(value) is str and 0 < len(value) <= MAX_TEXT_LENGTH and not value.isspace()


def _plain_years(years: Any) -> bool:
    """Whether the year checks of ``Proposal`` find nothing in ``years``."""
    return all(
        type(y) is int and _FIRST_BPUM_YEAR_FLOOR <= y <= _YEAR_CEILING for y in years
    ) and len(set(years)) == len(years)


_REQUIRED_TEXT = (
    ("name", "name", "nama"),
    ("ktp_address", "address on the KTP", "alamat sesuai KTP"),
    ("line_of_business", "line of business", "bidang usaha"),
)


@attrs.frozen(kw_only=True)
class Proposal:
    """One applicant in a BPUM proposal (the record fields of R-BPUM-6).

    Required in every year: NIK, name, address as on the KTP, line of business,
    phone. The family card number (``kk``) is optional here because the 2020
    programme did not ask for it; :func:`~koperasi_id.bpum.assess` and
    :func:`~koperasi_id.bpum.screen` make a 2021 proposal without it invalid.

    ``business_address`` is ``None`` when the business runs at the KTP address;
    when it differs, ``has_sku`` says whether a *Surat Keterangan Usaha* from
    the village or kelurahan was attached. ``citizen`` is the proposer's
    verification of Indonesian citizenship (WNI) against the NIK; it defaults
    to ``True`` because proposal files carry no citizenship column.

    >>> from koperasi_id.serialization import from_dict, to_dict
    >>> p = from_dict(Proposal, {
    ...     "nik": "1871010101900001", "name": "Siti Aminah",
    ...     "ktp_address": "Jl. Kartini No. 5, Tanjung Karang", "line_of_business": "warung makan",
    ...     "phone": "0812-3456-7890", "occupation": "pedagang", "has_kur": False,
    ...     "has_other_bank_credit": False,
    ...     "proposer": {"type": "dinas_kabupaten_kota", "region": "18.71"}})
    >>> p.nik, p.phone
    (Nik('187101******0001'), PhoneNumber('+62812****7890'))
    >>> wire = {**to_dict(p), "name": " ", "previous_bpum_years": [2020, 2020]}
    >>> from_dict(Proposal, wire)
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 2 problems: $.name: the name is empty [bpum.empty]; $.previous_bpum_years[1]: 2020 is listed twice [bpum.year_repeated]
    """

    nik: Nik
    kk: NomorKk | None = None
    name: str
    ktp_address: str
    business_address: str | None = None
    has_sku: bool = False
    line_of_business: str
    kbli: Kbli | None = None
    phone: PhoneNumber
    occupation: Occupation
    has_kur: bool
    has_other_bank_credit: bool
    previous_bpum_years: tuple[int, ...] = ()
    proposer: Proposer
    citizen: bool = True

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "bpum.empty": "name, ktp_address, line_of_business and business_address are not blank",
            "bpum.too_long": "those texts are not too long",
            "bpum.year": "previous_bpum_years are plausible four-digit years",
            "bpum.year_repeated": "no year in previous_bpum_years is repeated",
        }
    )

    def __attrs_post_init__(self) -> None:
        if (
            _plain_text(self.name)
            and _plain_text(self.ktp_address)
            and _plain_text(self.line_of_business)
            and (self.business_address is None or _plain_text(self.business_address))
            and (not self.previous_bpum_years or _plain_years(self.previous_bpum_years))
        ):
            return  # the common case: every check below would pass
        problems: list[Problem] = []
        for name, what, what_id in _REQUIRED_TEXT:
            problem = _text_problem(name, getattr(self, name), what=what, what_id=what_id)
            if problem is not None:
                problems.append(problem)
        if self.business_address is not None:
            problem = _text_problem(
                "business_address",
                self.business_address,
                what="business address",
                what_id="alamat usaha",
            )
            if problem is not None:
                problems.append(problem)
        seen: set[int] = set()
        for i, year in enumerate(self.previous_bpum_years):
            path = f"$.previous_bpum_years[{i}]"
            if type(year) is not int or not _FIRST_BPUM_YEAR_FLOOR <= year <= _YEAR_CEILING:
                problems.append(
                    Problem(
                        path=path,
                        code="bpum.year",
                        message="expected a four-digit year",
                        message_id="harus tahun empat digit",
                    )
                )
            elif year in seen:
                problems.append(
                    Problem(
                        path=path,
                        code="bpum.year_repeated",
                        message=f"{year} is listed twice",
                        message_id=f"{year} tercantum dua kali",
                    )
                )
            seen.add(year)
        if problems:
            raise ValidationError(problems)

    @property
    def business_at_ktp_address(self) -> bool:
        """Whether the business runs at the KTP address (no SKU needed).

        Addresses are compared ignoring case, punctuation and spacing, so
        ``"Jl. Kartini No.5"`` and ``"jl kartini no 5"`` are the same place.
        """
        return self.business_address is None or same_address(
            self.business_address, self.ktp_address
        )


_NOT_ALNUM = re.compile(r"[\W_]+")


def _address_key(text: str) -> str:
    return " ".join(_NOT_ALNUM.sub(" ", text.casefold()).split())


def same_address(a: str, b: str) -> bool:
    """Whether two written addresses are the same, ignoring case, punctuation and spaces.

    >>> same_address("Jl. Kartini No.5, RT 02", "JL KARTINI NO 5 RT 02")
    True
    >>> same_address("Jl. Kartini No. 5", "Jl. Kartini No. 6")
    False
    """
    return a == b or _address_key(a) == _address_key(b)  # most files repeat the address as is
