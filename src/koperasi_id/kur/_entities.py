"""KUR entities: an application, the credits the applicant already has, a loan."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any, ClassVar

import attrs

from koperasi_id._days import FIRST_DAY, LAST_DAY
from koperasi_id._numbers import DECIMAL_PLACES, WHOLE_DIGITS, computes, decimal_places
from koperasi_id._values import mask
from koperasi_id.errors import RuleInputError, ValidationError
from koperasi_id.identifiers import Nik, Npwp
from koperasi_id.kur._args import day
from koperasi_id.kur._relief import schedule
from koperasi_id.kur._rules import KurRules
from koperasi_id.kur._schedule import Method, RateConvention, Schedule
from koperasi_id.kur._schemes import Collectibility, CreditKind, Purpose, Scheme, Sector
from koperasi_id.money import Rounding, non_negative_rupiah
from koperasi_id.msme import Business

__all__ = ["ExistingCredit", "KurApplication", "KurLoan"]

_MAX_MONTHS = 600


def _above_zero(instance: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if value == 0:
        raise ValidationError.single(
            "kur.plafond_not_positive",
            "the amount must be above zero",
            message_id="jumlah harus lebih dari nol",
            path=f"$.{attribute.name}",
        )


def _positive_rupiah(instance: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if type(value) is Decimal:
        text = str(value)
        # Plain digits are a Decimal's text at exponent 0 only, where zero is "0".
        if text.isdigit() and len(text) <= WHOLE_DIGITS and text != "0":
            return  # a whole amount above zero: both checks below pass
    non_negative_rupiah(instance, attribute, value)
    _above_zero(instance, attribute, value)


# money.py's own validator first, as its own link: koperasi_id.schema finds it
# here (where attrs' and_ keeps its links) and shows its bounds in the JSON
# Schema; "above zero" is a listed rule. One function, not and_: three calls
# per amount were a measurable share of structuring a record.
_positive_rupiah._validators = (non_negative_rupiah, _above_zero)  # type: ignore[attr-defined]


def _whole(low: int, high: int = _MAX_MONTHS) -> Any:
    def check(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
        if type(value) is int and low <= value <= high:
            return  # the common case, before any message or path is built
        path = f"$.{attribute.name}"
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError.single(
                "kur.type_int",
                f"{attribute.name} is a whole number",
                message_id=f"{attribute.name} harus bilangan bulat",
                path=path,
            )
        if not low <= value <= high:
            raise ValidationError.single(
                "kur.range",
                f"{attribute.name} must be {low}–{high}, got {mask(value, limit=40)}",
                message_id=f"{attribute.name} harus {low}–{high}, diisi {mask(value, limit=40)}",
                path=path,
            )

    return check


def _optional_whole(low: int) -> Any:
    inner = _whole(low)

    def check(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def _instance(kind: type, code: str) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise ValidationError.single(
                code,
                f"{attribute.name} must be a {kind.__name__}, got {type(value).__name__}",
                message_id=f"{attribute.name} harus berupa {kind.__name__}, bukan {type(value).__name__}",
                path=f"$.{attribute.name}",
            )

    return check


def _optional_instance(kind: type, code: str) -> Any:
    inner = _instance(kind, code)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _in_field_order(*checks: tuple[str, Validator]) -> Callable[[object], None]:
    """Run each field's own check on ``instance``, in the order given (the slow path)."""

    def run(instance: Any) -> None:
        fields = attrs.fields(type(instance))
        for name, check in checks:
            check(instance, getattr(fields, name), getattr(instance, name))

    return run


def _date(instance: object, attribute: attrs.Attribute[date], value: date) -> None:
    if type(value) is date and FIRST_DAY <= value <= LAST_DAY:
        return  # the common case, before the checks that name the field
    # A datetime is a date subclass but does not compare with the regimes' dates.
    try:
        day(value, attribute.name, code="kur.date_type")
    except RuleInputError as err:
        # Past the rules' day bound: for a rule call that is a RuleInputError, but
        # in an entity it is bad input at this field, with its path.
        raise ValidationError.single(
            "date.range",
            str(err),
            message_id=(
                f"{attribute.name} harus dari {FIRST_DAY} sampai {LAST_DAY}, "
                f"diisi {value.isoformat()}"
            ),
            path=f"$.{attribute.name}",
        ) from None


def _optional_date(
    instance: object, attribute: attrs.Attribute[date | None], value: date | None
) -> None:
    if value is not None:
        _date(instance, attribute, value)  # type: ignore[arg-type]


# Merged field checks. attrs runs the validators in field order and stops at
# the first that raises; a validator sees every field already set. So one
# validator on the first field of a run of checked fields, checking the run
# in field order, reports exactly the problem the separate validators did,
# for one call instead of one per field. A run never crosses a money field:
# koperasi_id.schema reads money.py's validators off their own fields. Each
# merged check tries the common case inline, then the fields' own checks.
_credit_tail_checks = _in_field_order(
    ("collectibility", _instance(Collectibility, "kur.collectibility")),
    ("scheme", _optional_instance(Scheme, "kur.scheme_type")),
)


def _credit_tail(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    # collectibility .. scheme (closed and same_lender have no validator)
    scheme = instance.scheme
    if isinstance(value, Collectibility) and (scheme is None or isinstance(scheme, Scheme)):
        return
    _credit_tail_checks(instance)


@attrs.frozen(kw_only=True)
class ExistingCredit:
    """A credit the applicant holds or held, as SLIK or SIKP shows it.

    ``closed`` means repaid and no longer held; ``plafond`` is the original
    amount (the 2025 exceptions are capped on it); ``scheme`` and
    ``same_lender`` describe a KUR credit.

    >>> ExistingCredit(kind=CreditKind.MORTGAGE, plafond=Decimal(300_000_000),
    ...                outstanding=Decimal(250_000_000)).collectibility.label
    'Lancar (1)'
    >>> ExistingCredit(kind=CreditKind.MORTGAGE, plafond=Decimal(1), scheme=Scheme.MICRO)
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $.scheme: only a KUR credit has a KUR scheme [kur.credit_scheme]
    """

    kind: CreditKind = attrs.field(validator=_instance(CreditKind, "kur.credit_kind"))
    plafond: Decimal = attrs.field(validator=non_negative_rupiah)
    outstanding: Decimal = attrs.field(default=Decimal(0), validator=non_negative_rupiah)
    collectibility: Collectibility = attrs.field(
        default=Collectibility.CURRENT, validator=_credit_tail
    )
    closed: bool = False
    same_lender: bool = False
    scheme: Scheme | None = None  # checked by _credit_tail

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "kur.credit_scheme": "scheme is set only for a KUR credit (kind kur)",
            "kur.closed_outstanding": "a closed credit has outstanding 0",
        }
    )

    def __attrs_post_init__(self) -> None:
        if self.scheme is not None and self.kind is not CreditKind.KUR:
            raise ValidationError.single(
                "kur.credit_scheme",
                "only a KUR credit has a KUR scheme",
                message_id="hanya kredit KUR yang memiliki skema KUR",
                path="$.scheme",
            )
        if self.closed and self.outstanding:
            raise ValidationError.single(
                "kur.closed_outstanding",
                f"a closed credit has nothing outstanding, got {mask(self.outstanding, limit=40)}",
                message_id=f"kredit yang sudah lunas tidak memiliki sisa pokok (outstanding), diisi {mask(self.outstanding, limit=40)}",
                path="$.outstanding",
            )


_application_head_checks = _in_field_order(
    ("borrower_nik", _instance(Nik, "kur.nik_type")),
    ("npwp", _optional_instance(Npwp, "kur.npwp_type")),
    ("business", _instance(Business, "kur.business_type")),
    ("scheme", _instance(Scheme, "kur.scheme_type")),
)


def _application_head(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    # borrower_nik .. scheme, the fields before plafond (a money field)
    npwp = instance.npwp
    if (
        isinstance(value, Nik)
        and (npwp is None or isinstance(npwp, Npwp))
        and isinstance(instance.business, Business)
        and isinstance(instance.scheme, Scheme)
    ):
        return
    _application_head_checks(instance)


_application_tail_checks = _in_field_order(
    ("tenor_months", _whole(1)),
    ("purpose", _instance(Purpose, "kur.purpose_type")),
    ("sector", _instance(Sector, "kur.sector_type")),
    ("akad_date", _date),
    ("access", _whole(1, 1000)),
    ("contract_months", _optional_whole(1)),
)


def _application_tail(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    # tenor_months .. contract_months, the fields after plafond (those
    # between access and contract_months have no validator)
    akad, access, contract = instance.akad_date, instance.access, instance.contract_months
    if (
        type(value) is int
        and 1 <= value <= _MAX_MONTHS
        and isinstance(instance.purpose, Purpose)
        and isinstance(instance.sector, Sector)
        and type(akad) is date
        and FIRST_DAY <= akad <= LAST_DAY
        and type(access) is int
        and 1 <= access <= 1000
        and (contract is None or (type(contract) is int and 1 <= contract <= _MAX_MONTHS))
    ):
        return  # each field's own check has this as its common case
    _application_tail_checks(instance)


@attrs.frozen(kw_only=True)
class KurApplication:
    """A KUR application as the lender receives it; ``assess`` judges it.

    ``access`` is the number of this agreement within the scheme (1 for a
    first KUR Mikro). ``extended`` marks an extension, suplesi or
    restructuring (longer tenors). ``additional_collateral`` records that the
    lender asks for agunan tambahan. ``exempt_38a`` claims the Permenko
    12/2025 Pasal 38A exemption; ``disaster_area`` the 2026 disaster policy.
    ``contract_months`` is the work contract of a KUR PMI borrower.
    """

    # The checks of borrower_nik .. scheme run as borrower_nik's validator,
    # those of tenor_months .. contract_months as tenor_months' (see
    # _application_head and _application_tail).
    borrower_nik: Nik = attrs.field(validator=_application_head)
    npwp: Npwp | None = None
    business: Business
    scheme: Scheme
    plafond: Decimal = attrs.field(validator=_positive_rupiah)
    tenor_months: int = attrs.field(validator=_application_tail)
    purpose: Purpose
    sector: Sector
    akad_date: date
    access: int = 1
    existing_credits: tuple[ExistingCredit, ...] = ()
    had_training: bool = False
    mentored: bool = False
    group_member: bool = False
    family_business: bool = False
    extended: bool = False
    additional_collateral: bool = False
    exempt_38a: bool = False
    disaster_area: bool = False
    contract_months: int | None = None

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "kur.plafond_not_positive": "plafond is above zero",
            "kur.range": "tenor_months is 1-600, access 1-1000, contract_months 1-600",
            "date.range": "akad_date is from 1900-01-01 to 9899-12-31 (the rules' day bound)",
            "kur.contract_months": "contract_months only for scheme pmi",
        }
    )

    def __attrs_post_init__(self) -> None:
        if self.contract_months is not None and self.scheme is not Scheme.MIGRANT_WORKER:
            raise ValidationError.single(
                "kur.contract_months",
                "a work-contract length belongs to KUR PMI applications only",
                message_id="lama kontrak kerja hanya untuk permohonan KUR PMI",
                path="$.contract_months",
            )
        for index, credit in enumerate(self.existing_credits):
            if not isinstance(credit, ExistingCredit):
                raise ValidationError.single(
                    "kur.credit_type",
                    f"expected an ExistingCredit, got {type(credit).__name__}",
                    message_id=f"harus berupa ExistingCredit, bukan {type(credit).__name__}",
                    path=f"$.existing_credits[{index}]",
                )


@attrs.frozen(kw_only=True)
class KurLoan:
    """A KUR loan on the terms agreed at akad; :meth:`schedule` gives its instalments.

    >>> from datetime import date
    >>> loan = KurLoan(borrower_nik=Nik.parse("1871010101900001"), scheme=Scheme.SUPER_MICRO,
    ...                purpose=Purpose.WORKING_CAPITAL, plafond=Decimal(10_000_000),
    ...                annual_rate=Decimal(3), tenor_months=12, akad_date=date(2024, 5, 2),
    ...                method=Method.BULLET)
    >>> only = loan.schedule().instalments[0]
    >>> only.due_date, only.payment
    (datetime.date(2025, 5, 2), Decimal('10300000'))
    """

    borrower_nik: Nik = attrs.field(validator=_instance(Nik, "kur.nik_type"))
    scheme: Scheme = attrs.field(validator=_instance(Scheme, "kur.scheme_type"))
    purpose: Purpose = attrs.field(validator=_instance(Purpose, "kur.purpose_type"))
    plafond: Decimal = attrs.field(validator=_positive_rupiah)
    annual_rate: Decimal
    tenor_months: int = attrs.field(validator=_whole(1))
    akad_date: date = attrs.field(validator=_date)
    method: Method = attrs.field(
        default=Method.ANNUITY, validator=_instance(Method, "kur.method_type")
    )
    grace_months: int = attrs.field(default=0, validator=_whole(0))
    first_due: date | None = attrs.field(default=None, validator=_optional_date)
    rate_convention: RateConvention = attrs.field(
        default=RateConvention.NOMINAL_MONTHLY,
        validator=_instance(RateConvention, "kur.rate_convention_type"),
    )

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "kur.plafond_not_positive": "plafond is above zero",
            "kur.range": "tenor_months is 1-600, grace_months 0-600",
            "date.range": "akad_date and first_due are from 1900-01-01 to 9899-12-31 (the rules' day bound)",
            "kur.rate_range": "annual_rate is a percent from 0 to 100",
            "kur.grace_too_long": "grace_months is less than tenor_months",
            "kur.bullet_scheme": "method sekaligus only for scheme super_mikro",
            "kur.bullet_grace": "method sekaligus has no grace_months",
            "kur.first_due": "first_due is after akad_date",
        }
    )

    def __attrs_post_init__(self) -> None:
        rate = self.annual_rate
        if not isinstance(rate, Decimal) or not rate.is_finite() or not 0 <= rate <= 100:
            raise ValidationError.single(
                "kur.rate_range",
                f"annual_rate is a Decimal percent 0–100, got {mask(rate, limit=40, quote=True)}",
                message_id=f"annual_rate harus persen Decimal 0–100, diisi {mask(rate, limit=40, quote=True)}",
                path="$.annual_rate",
            )
        if decimal_places(rate) > DECIMAL_PLACES:  # the number policy for rates
            raise ValidationError.single(
                "kur.rate_places",
                f"annual_rate has at most {DECIMAL_PLACES} decimal places",
                message_id=f"annual_rate paling banyak {DECIMAL_PLACES} angka desimal",
                path="$.annual_rate",
            )
        if self.grace_months >= self.tenor_months:
            raise ValidationError.single(
                "kur.grace_too_long",
                f"grace ({self.grace_months}) must be shorter than the tenor ({self.tenor_months})",
                message_id=f"masa tenggang ({self.grace_months}) harus lebih pendek dari jangka waktu ({self.tenor_months})",
                path="$.grace_months",
            )
        if self.method is Method.BULLET and self.scheme is not Scheme.SUPER_MICRO:
            raise ValidationError.single(
                "kur.bullet_scheme",
                "only KUR Super Mikro may be repaid in one payment at maturity",
                message_id="hanya KUR Super Mikro yang boleh dilunasi sekaligus pada saat jatuh tempo",
                path="$.method",
            )
        if self.method is Method.BULLET and self.grace_months:
            raise ValidationError.single(
                "kur.bullet_grace",
                "a bullet credit has no grace period",
                message_id="kredit bullet tidak memiliki masa tenggang",
                path="$.grace_months",
            )
        if self.first_due is not None and self.first_due <= self.akad_date:
            raise ValidationError.single(
                "kur.first_due",
                "the first instalment falls due after the akad date",
                message_id="angsuran pertama jatuh tempo sesudah tanggal akad",
                path="$.first_due",
            )

    @computes
    def schedule(
        self,
        *,
        rounding: Rounding = Rounding.HALF_UP,
        places: int = 0,
        relief: bool = True,
        collectibility: Collectibility = Collectibility.CURRENT,
        rules: KurRules | None = None,
    ) -> Schedule:
        """The instalments this loan's borrower owed.

        With ``relief`` (the default) each period is charged
        :func:`~koperasi_id.kur.borrower_rate`: the pandemic relief of
        2020–2022 where it applied to the loan (debtor in ``collectibility``),
        the agreed rate otherwise, the annuity re-amortised at each change.
        ``relief=False`` gives the schedule at the agreed rate throughout.
        """
        anchor: dict[str, date] = (
            {"first_due": self.first_due}
            if self.first_due is not None
            else {"start": self.akad_date}
        )
        return schedule(
            self.plafond,
            self.annual_rate,
            self.tenor_months,
            method=self.method,
            grace_months=self.grace_months,
            rounding=rounding,
            rate_convention=self.rate_convention,
            places=places,
            scheme=self.scheme if relief else None,
            akad_date=self.akad_date,
            collectibility=collectibility,
            rules=rules,
            **anchor,
        )
