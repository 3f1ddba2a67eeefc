"""Independent pydantic v2 models of ``bpum.Proposal`` and ``kur.KurApplication``.

The fair baseline of the structuring benchmark (issue 18): idiomatic pydantic
v2, with its own checks (``_baseline_checks``) for the identifiers, money and
dates, ``Literal`` enums, strict str/int/bool, unknown keys forbidden, and
the cross-field rules of the attrs classes as ``after`` model validators. It
never imports ``koperasi_id`` (tests/test_benchmark_baselines.py reads the
imports). ``model_validate(wire).model_dump(mode="json")`` returns the same
dict as ``to_dict(from_dict(cls, wire))``; the documented differences are in
benchmarks/README.md.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import partial
from typing import Annotated, Any

import _baseline_checks as chk
from _baseline_checks import (  # the wire values, typed once for every baseline
    Collectibility,
    CreditKind,
    Occupation,
    ProposerType,
    Purpose,
    Scheme,
    Sector,
)
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    model_validator,
)


def _checked(check: Any) -> Any:
    return Annotated[str, PlainValidator(check)]


NikField = _checked(chk.nik)
KkField = _checked(chk.kk)
NpwpField = _checked(chk.npwp)
NibField = _checked(chk.nib)
KbliField = _checked(chk.kbli)
PhoneField = _checked(chk.phone)
RegionField = _checked(chk.region)
Money = Annotated[
    Decimal, PlainValidator(chk.money), PlainSerializer(chk.money_text, return_type=str)
]
PositiveMoney = Annotated[
    Decimal,
    PlainValidator(partial(chk.money, positive=True)),
    PlainSerializer(chk.money_text, return_type=str),
]
IsoDate = Annotated[date, BeforeValidator(chk.iso_date), Field(strict=False)]


def _text_in_python(raw: object) -> str:
    if type(raw) is not str or len(raw) > 500:
        raise ValueError("expected a text of at most 500 characters")
    return raw


# pydantic's own (Rust) check of a str with a max_length refuses a lone surrogate,
# which the library keeps as text: such a str falls back to the same check in Python.
Text = Annotated[str, Field(max_length=500)] | Annotated[str, PlainValidator(_text_in_python)]
Year = Annotated[int, Field(ge=1900, le=9999)]


_MODEL = ConfigDict(strict=True, extra="forbid", frozen=True)
_DEPTH = {"dinas_provinsi": 0, "dinas_kabupaten_kota": 1}


class ProposerModel(BaseModel):
    model_config = _MODEL

    type: ProposerType
    region: RegionField

    @model_validator(mode="after")
    def _depth(self) -> ProposerModel:
        wanted = _DEPTH.get(self.type)
        if wanted is not None and self.region.count(".") != wanted:
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
    occupation: Occupation
    has_kur: bool
    has_other_bank_credit: bool
    previous_bpum_years: Annotated[tuple[Year, ...], Field(strict=False)] = ()
    proposer: ProposerModel
    citizen: bool = True

    @model_validator(mode="after")
    def _records(self) -> ProposalModel:
        if not (self.name.strip() and self.ktp_address.strip() and self.line_of_business.strip()):
            raise ValueError("a required text is empty")
        if self.business_address is not None and not self.business_address.strip():
            raise ValueError("business_address is empty")
        if len(set(self.previous_bpum_years)) != len(self.previous_bpum_years):
            raise ValueError("a year is listed twice")
        return self


class BusinessModel(BaseModel):
    model_config = _MODEL

    name: str
    owner_nik: NikField
    started_on: IsoDate
    region: RegionField | None = None
    nib: NibField | None = None
    kbli: KbliField | None = None
    capital: Money | None = None
    net_assets: Money | None = None
    annual_sales: Money | None = None
    workers: Annotated[int, Field(ge=1, le=chk.MAX_MAGNITUDE)] | None = None

    @model_validator(mode="after")
    def _name(self) -> BusinessModel:
        if not self.name.strip():
            raise ValueError("the business name must not be empty")
        return self


class ExistingCreditModel(BaseModel):
    model_config = _MODEL

    kind: CreditKind
    plafond: Money
    outstanding: Money = Decimal(0)
    collectibility: Collectibility = "lancar"
    closed: bool = False
    same_lender: bool = False
    scheme: Scheme | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ExistingCreditModel:
        if self.scheme is not None and self.kind != "kur":
            raise ValueError("only a KUR credit has a KUR scheme")
        if self.closed and self.outstanding:
            raise ValueError("a closed credit has nothing outstanding")
        return self


class KurApplicationModel(BaseModel):
    model_config = _MODEL

    borrower_nik: NikField
    npwp: NpwpField | None = None
    business: BusinessModel
    scheme: Scheme
    plafond: PositiveMoney
    tenor_months: Annotated[int, Field(ge=1, le=600)]
    purpose: Purpose
    sector: Sector
    akad_date: IsoDate
    access: Annotated[int, Field(ge=1, le=1000)] = 1
    existing_credits: Annotated[tuple[ExistingCreditModel, ...], Field(strict=False)] = ()
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
        if self.contract_months is not None and self.scheme != "pmi":
            raise ValueError("a work-contract length belongs to KUR PMI applications only")
        return self


def roundtrip(model: type[BaseModel], wire: dict[str, Any]) -> dict[str, Any]:
    """Validate and dump, the way the benchmark times it."""
    return model.model_validate(wire).model_dump(mode="json")
