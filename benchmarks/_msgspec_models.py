"""Independent msgspec Structs of ``bpum.Proposal`` and ``kur.KurApplication``.

The second fair baseline of the structuring benchmark (issue 18): msgspec's
strict ``convert`` for the shapes and primitive types (``Literal`` enums,
ISO dates, unknown fields forbidden), the same hand-written checks as the
pydantic models (``_baseline_checks``) in ``__post_init__``, and
``to_builtins`` for the output. It never imports ``koperasi_id``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import _baseline_checks as chk
import msgspec
from _baseline_checks import (  # the wire values, typed once for every baseline
    Collectibility,
    CreditKind,
    Occupation,
    ProposerType,
    Purpose,
    Scheme,
    Sector,
)

Text = Annotated[str, msgspec.Meta(max_length=500)]
Year = Annotated[int, msgspec.Meta(ge=1900, le=9999)]
Months = Annotated[int, msgspec.Meta(ge=1, le=600)]
_DEPTH = {"dinas_provinsi": 0, "dinas_kabupaten_kota": 1}
_OPTS: dict[str, Any] = {"forbid_unknown_fields": True, "kw_only": True}


class Proposer(msgspec.Struct, **_OPTS):
    type: ProposerType
    region: str

    def __post_init__(self) -> None:
        self.region = chk.region(self.region)
        wanted = _DEPTH.get(self.type)
        if wanted is not None and self.region.count(".") != wanted:
            raise ValueError("proposer region does not match its type")


class Proposal(msgspec.Struct, **_OPTS):
    nik: str
    kk: str | None = None
    name: Text
    ktp_address: Text
    business_address: Text | None = None
    has_sku: bool = False
    line_of_business: Text
    kbli: str | None = None
    phone: str
    occupation: Occupation
    has_kur: bool
    has_other_bank_credit: bool
    previous_bpum_years: list[Year] = msgspec.field(default_factory=list)
    proposer: Proposer
    citizen: bool = True

    def __post_init__(self) -> None:
        self.nik = chk.nik(self.nik)
        if self.kk is not None:
            self.kk = chk.kk(self.kk)
        if self.kbli is not None:
            self.kbli = chk.kbli(self.kbli)
        self.phone = chk.phone(self.phone)
        if not (self.name.strip() and self.ktp_address.strip() and self.line_of_business.strip()):
            raise ValueError("a required text is empty")
        if self.business_address is not None and not self.business_address.strip():
            raise ValueError("business_address is empty")
        if len(set(self.previous_bpum_years)) != len(self.previous_bpum_years):
            raise ValueError("a year is listed twice")


class Business(msgspec.Struct, **_OPTS):
    name: str
    owner_nik: str
    started_on: date
    region: str | None = None
    nib: str | None = None
    kbli: str | None = None
    capital: Any = None
    net_assets: Any = None
    annual_sales: Any = None
    workers: Annotated[int, msgspec.Meta(ge=1, le=chk.MAX_MAGNITUDE)] | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("the business name must not be empty")
        chk.day_in_range(self.started_on)
        self.owner_nik = chk.nik(self.owner_nik)
        if self.region is not None:
            self.region = chk.region(self.region)
        if self.nib is not None:
            self.nib = chk.nib(self.nib)
        if self.kbli is not None:
            self.kbli = chk.kbli(self.kbli)
        if self.capital is not None:
            self.capital = chk.money(self.capital)
        if self.net_assets is not None:
            self.net_assets = chk.money(self.net_assets)
        if self.annual_sales is not None:
            self.annual_sales = chk.money(self.annual_sales)


class ExistingCredit(msgspec.Struct, **_OPTS):
    kind: CreditKind
    plafond: Any
    outstanding: Any = "0"
    collectibility: Collectibility = "lancar"
    closed: bool = False
    same_lender: bool = False
    scheme: Scheme | None = None

    def __post_init__(self) -> None:
        self.plafond = chk.money(self.plafond)
        self.outstanding = chk.money(self.outstanding)
        if self.scheme is not None and self.kind != "kur":
            raise ValueError("only a KUR credit has a KUR scheme")
        if self.closed and self.outstanding:
            raise ValueError("a closed credit has nothing outstanding")


class KurApplication(msgspec.Struct, **_OPTS):
    borrower_nik: str
    npwp: str | None = None
    business: Business
    scheme: Scheme
    plafond: Any
    tenor_months: Months
    purpose: Purpose
    sector: Sector
    akad_date: date
    access: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 1
    existing_credits: list[ExistingCredit] = msgspec.field(default_factory=list)
    had_training: bool = False
    mentored: bool = False
    group_member: bool = False
    family_business: bool = False
    extended: bool = False
    additional_collateral: bool = False
    exempt_38a: bool = False
    disaster_area: bool = False
    contract_months: Months | None = None

    def __post_init__(self) -> None:
        self.borrower_nik = chk.nik(self.borrower_nik)
        if self.npwp is not None:
            self.npwp = chk.npwp(self.npwp)
        self.plafond = chk.money(self.plafond, positive=True)
        chk.day_in_range(self.akad_date)
        if self.contract_months is not None and self.scheme != "pmi":
            raise ValueError("a work-contract length belongs to KUR PMI applications only")


def roundtrip(struct: type[msgspec.Struct], wire: dict[str, Any]) -> Any:
    """Convert (strict) and back to builtins, the way the benchmark times it."""
    return msgspec.to_builtins(msgspec.convert(wire, struct, strict=True))


Refused = (msgspec.ValidationError, ValueError)
