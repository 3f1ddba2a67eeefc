"""The business (usaha) entity."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import Kbli, Nib, Nik
from koperasi_id.money import optional_non_negative_rupiah
from koperasi_id.regions import RegionCode

__all__ = ["Business"]


def _non_blank_name(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise ValidationError.single(
            "msme.name_type",
            f"a business name is a string, got {type(value).__name__}",
            path="$.name",
        )
    if not value.strip():
        raise ValidationError.single(
            "msme.name_empty", "the business name must not be empty", path="$.name"
        )


def _optional_positive_workers(
    instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError.single(
            "msme.workers_type",
            f"workers is a whole number, got {type(value).__name__}",
            path="$.workers",
        )
    if value < 1:
        raise ValidationError.single(
            "msme.workers_not_positive",
            f"a business has at least one worker (the owner), got {value}",
            path="$.workers",
        )


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

    name: str = attrs.field(validator=_non_blank_name)
    owner_nik: Nik
    started_on: date
    region: RegionCode | None = None
    nib: Nib | None = None
    kbli: Kbli | None = None
    capital: Decimal | None = attrs.field(default=None, validator=optional_non_negative_rupiah)
    net_assets: Decimal | None = attrs.field(default=None, validator=optional_non_negative_rupiah)
    annual_sales: Decimal | None = attrs.field(default=None, validator=optional_non_negative_rupiah)
    workers: int | None = attrs.field(default=None, validator=_optional_positive_workers)
