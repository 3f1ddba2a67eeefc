"""The business (usaha) entity."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any, ClassVar

import attrs

from koperasi_id._numbers import MAX_MAGNITUDE
from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import Kbli, Nib, Nik
from koperasi_id.money import optional_non_negative_rupiah
from koperasi_id.msme._workforce import check_workers
from koperasi_id.regions import RegionCode

__all__ = ["Business"]


def _non_blank_name(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise ValidationError.single(
            "msme.name_type",
            f"a business name is a string, got {type(value).__name__}",
            message_id=f"nama usaha harus berupa teks, bukan {type(value).__name__}",
            path="$.name",
        )
    if not value.strip():
        raise ValidationError.single(
            "msme.name_empty",
            "the business name must not be empty",
            message_id="nama usaha wajib diisi",
            path="$.name",
        )


def _optional_positive_workers(
    instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None or (type(value) is int and 1 <= value <= MAX_MAGNITUDE):
        return  # the common case: every check in check_workers passes
    check_workers(value)


def _nik(instance: object, attribute: attrs.Attribute[Nik], value: Nik) -> None:
    # A plain string would print the full NIK in every repr and message.
    if not isinstance(value, Nik):
        raise ValidationError.single(
            "msme.owner_nik_type",
            f"owner_nik must be a Nik, got {type(value).__name__}; pass Nik.parse(text)",
            message_id=f"owner_nik harus berupa Nik, bukan {type(value).__name__}; berikan Nik.parse(text)",
            path="$.owner_nik",
        )


def _check_date(name: str, value: object, code: str = "type.date") -> date:
    # A datetime is a date subclass but does not compare with the regimes' dates.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError.single(
            code,
            f"{name} must be a datetime.date, got {type(value).__name__}",
            message_id=f"{name} harus datetime.date, bukan {type(value).__name__}",
            path=f"$.{name}",
        )
    return value


def _started_on(instance: object, attribute: attrs.Attribute[date], value: date) -> None:
    if type(value) is not date:  # a plain date passes _check_date: no call
        _check_date("started_on", value, "msme.date_type")


def _head(instance: Business, attribute: attrs.Attribute[Any], value: str) -> None:
    # name, owner_nik and started_on in one validator, on name: attrs runs
    # validators in field order and stops at the first that raises, so
    # checking them here in that order reports what their own validators
    # did, for one call instead of three (structuring's hot path).
    if (
        type(value) is str
        and value.strip()
        and isinstance(instance.owner_nik, Nik)
        and type(instance.started_on) is date
    ):
        return
    _non_blank_name(instance, attribute, value)
    _nik(instance, attribute, instance.owner_nik)
    _started_on(instance, attribute, instance.started_on)


@attrs.frozen(kw_only=True)
class Business:
    """A business (usaha) and the figures its size is judged on.

    ``capital`` is modal usaha *excluding land and buildings* (PP 7/2021 Pasal 35
    ayat (3)); ``net_assets`` is kekayaan bersih, also excluding land and
    buildings (UU 20/2008 Pasal 6); ``annual_sales`` is hasil penjualan tahunan
    (omzet). Amounts are non-negative :class:`~decimal.Decimal` rupiah.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from koperasi_id.identifiers import Nik
    >>> warung = Business(name="Warung Bu Sari", owner_nik=Nik.parse("1871014101900002"),
    ...                   started_on=date(2019, 3, 1), capital=Decimal("250000000"))
    >>> warung.owner_nik
    Nik('187101******0002')
    >>> Business(name=" ", owner_nik=warung.owner_nik, started_on=date(2019, 3, 1))
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $.name: the business name must not be empty [msme.name_empty]
    """

    name: str = attrs.field(validator=_head)  # checks owner_nik and started_on too
    owner_nik: Nik
    started_on: date
    region: RegionCode | None = None
    nib: Nib | None = None
    kbli: Kbli | None = None
    capital: Decimal | None = attrs.field(default=None, validator=optional_non_negative_rupiah)
    net_assets: Decimal | None = attrs.field(default=None, validator=optional_non_negative_rupiah)
    annual_sales: Decimal | None = attrs.field(default=None, validator=optional_non_negative_rupiah)
    workers: int | None = attrs.field(default=None, validator=_optional_positive_workers)

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "msme.name_empty": "the name is not blank",
            "msme.workers_not_positive": "workers is at least 1",
        }
    )
