"""SELF-REFERENTIAL pydantic v2 twins of ``bpum.Proposal`` and ``kur.KurApplication``.

Not an independent baseline (issue 18): the identifier checks call the
library's own parsers, which are most of the cost, so the ratio against these
models measures only the framework layer (building, validating, dumping). The
fair baselines are ``_pydantic_models.py`` and ``_msgspec_models.py``.

Identifier checks (NIK, KK, NPWP,
NIB, KBLI, phone, region) call the library's own ``parse`` so both sides do
the same identifier work and the comparison measures the frameworks: building,
validating and dumping the objects. Everything else uses pydantic's native
(Rust) validation with the same limits: strict str/int/bool, enums by value,
ISO dates, non-negative decimals with at most two places, unknown keys
forbidden, and the cross-field checks of the attrs classes as ``after``
model validators. One deviation, in pydantic's favour: its lax ``Decimal``
accepts floats, which the library's converter refuses.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    Strict,
    model_validator,
)

from koperasi_id.bpum import Occupation, PhoneNumber, ProposerType
from koperasi_id.identifiers import Kbli, Nib, Nik, NomorKk, Npwp
from koperasi_id.kur import Collectibility, CreditKind, Purpose, Scheme, Sector
from koperasi_id.regions import RegionCode


def _value(cls: Any) -> Any:
    parse = cls.parse

    def validate(raw: object) -> Any:
        if type(raw) is cls:
            return raw
        return parse(raw)  # the library's ValidationError is a ValueError

    return Annotated[cls, PlainValidator(validate), PlainSerializer(str, return_type=str)]


NikField = _value(Nik)
KkField = _value(NomorKk)
NpwpField = _value(Npwp)
NibField = _value(Nib)
KbliField = _value(Kbli)
PhoneField = _value(PhoneNumber)
RegionField = _value(RegionCode)

_LAX = Field(strict=False)
Money = Annotated[Decimal, Field(strict=False, ge=0, decimal_places=2, allow_inf_nan=False)]
PositiveMoney = Annotated[Decimal, Field(strict=False, gt=0, decimal_places=2, allow_inf_nan=False)]
Text = Annotated[str, Field(max_length=500)]

_MODEL = ConfigDict(strict=True, extra="forbid", frozen=True)


class ProposerModel(BaseModel):
    model_config = _MODEL

    type: Annotated[ProposerType, _LAX]
    region: RegionField

    @model_validator(mode="after")
    def _depth(self) -> ProposerModel:
        wanted = {ProposerType.PROVINCIAL_OFFICE: 0, ProposerType.DISTRICT_OFFICE: 1}.get(self.type)
        if wanted is not None and str(self.region).count(".") != wanted:
            raise ValueError("proposer region does not match its type")
        return self


class ProposalModel(BaseModel):
    model_config = _MODEL

    nik: NikField
    kk: KkField | None = None
    name: Text
    ktp_address: Text
    business_address: Text | None = None
    has_sku: bool = False
    line_of_business: Text
    kbli: KbliField | None = None
    phone: PhoneField
    occupation: Annotated[Occupation, _LAX]
    has_kur: bool
    has_other_bank_credit: bool
    previous_bpum_years: Annotated[
        tuple[Annotated[int, Strict(), Field(ge=1900, le=9999)], ...], _LAX
    ] = ()
    proposer: ProposerModel
    citizen: bool = True

    @model_validator(mode="after")
    def _records(self) -> ProposalModel:
        problems = []
        for name in ("name", "ktp_address", "line_of_business"):
            if not getattr(self, name).strip():
                problems.append(f"{name} is empty")
        if self.business_address is not None and not self.business_address.strip():
            problems.append("business_address is empty")
        if len(set(self.previous_bpum_years)) != len(self.previous_bpum_years):
            problems.append("a year is listed twice")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class BusinessModel(BaseModel):
    model_config = _MODEL

    name: str
    owner_nik: NikField
    started_on: Annotated[date, _LAX]
    region: RegionField | None = None
    nib: NibField | None = None
    kbli: KbliField | None = None
    capital: Money | None = None
    net_assets: Money | None = None
    annual_sales: Money | None = None
    workers: Annotated[int, Field(ge=1)] | None = None

    @model_validator(mode="after")
    def _name(self) -> BusinessModel:
        if not self.name.strip():
            raise ValueError("the business name must not be empty")
        return self


class ExistingCreditModel(BaseModel):
    model_config = _MODEL

    kind: Annotated[CreditKind, _LAX]
    plafond: Money
    outstanding: Money = Decimal(0)
    collectibility: Annotated[Collectibility, _LAX] = Collectibility.CURRENT
    closed: bool = False
    same_lender: bool = False
    scheme: Annotated[Scheme, _LAX] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ExistingCreditModel:
        if self.scheme is not None and self.kind is not CreditKind.KUR:
            raise ValueError("only a KUR credit has a KUR scheme")
        if self.closed and self.outstanding:
            raise ValueError("a closed credit has nothing outstanding")
        return self


class KurApplicationModel(BaseModel):
    model_config = _MODEL

    borrower_nik: NikField
    npwp: NpwpField | None = None
    business: BusinessModel
    scheme: Annotated[Scheme, _LAX]
    plafond: PositiveMoney
    tenor_months: Annotated[int, Field(ge=1, le=600)]
    purpose: Annotated[Purpose, _LAX]
    sector: Annotated[Sector, _LAX]
    akad_date: Annotated[date, _LAX]
    access: Annotated[int, Field(ge=1, le=1000)] = 1
    existing_credits: Annotated[tuple[ExistingCreditModel, ...], _LAX] = ()
    had_training: bool = False
    mentored: bool = False
    group_member: bool = False
    family_business: bool = False
    extended: bool = False
    additional_collateral: bool = False
    exempt_38a: bool = False
    disaster_area: bool = False
    contract_months: Annotated[int, Field(ge=1, le=600)] | None = None

    @model_validator(mode="after")
    def _contract(self) -> KurApplicationModel:
        if self.contract_months is not None and self.scheme is not Scheme.MIGRANT_WORKER:
            raise ValueError("a work-contract length belongs to KUR PMI applications only")
        return self
