"""The argument checks of the schedule functions: principal, annual rate, months (private).

Each gives the value the arithmetic of ``_schedule`` works with, or a
``schedule.*`` ValidationError at the argument's path (``$.principal``,
``$.annual_rate``, ``$.months``, ...). ``_relief`` checks an agreed rate here too.
"""

from __future__ import annotations

from decimal import Decimal

from koperasi_id._numbers import DECIMAL_PLACES, check_decimal
from koperasi_id._values import mask
from koperasi_id.errors import ValidationError
from koperasi_id.money import parse_rupiah

_HUNDRED = Decimal(100)
_MAX_MONTHS = 600


def _bad(field: str, code: str, message: str, message_id: str) -> ValidationError:
    return ValidationError.single(
        f"schedule.{code}", message, message_id=message_id, path=f"$.{field}"
    )


def _amount(value: object, field: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise _bad(
            field,
            "type",
            f"{field} must be a Decimal or int, got {type(value).__name__}",
            f"{field} harus berupa Decimal atau int, bukan {type(value).__name__}",
        )
    amount = Decimal(value)
    if not amount.is_finite():
        raise _bad(
            field,
            "not_finite",
            f"{field} must be finite, got {mask(value, limit=40)}",
            f"{field} harus bilangan hingga, diisi {mask(value, limit=40)}",
        )
    return amount


def _principal(value: object) -> Decimal:
    amount = _amount(value, "principal")
    try:
        amount = parse_rupiah(amount)  # at most two decimals (sen)
    except ValidationError as err:
        raise err.under("$.principal") from None
    if amount <= 0:
        raise _bad(
            "principal",
            "not_positive",
            f"principal must be above zero, got {mask(value, limit=40)}",
            f"pokok pinjaman harus lebih dari nol, diisi {mask(value, limit=40)}",
        )
    return amount


def _rate_percent(value: object) -> Decimal:
    percent = _amount(value, "annual_rate")
    try:
        # The number policy for rates: at most four places, so the monthly
        # rate never vanishes in the 40-digit context (DivisionByZero).
        check_decimal(percent, places=DECIMAL_PLACES, code="schedule")
    except ValidationError as err:
        raise err.under("$.annual_rate") from None
    if not Decimal(0) <= percent <= _HUNDRED:
        raise _bad(
            "annual_rate",
            "rate_range",
            f"an annual rate is 0–100 percent, got {mask(value, limit=40)}",
            f"suku bunga tahunan 0–100 persen, diisi {mask(value, limit=40)}",
        )
    return percent


def _months(value: object, field: str, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(
            field,
            "type",
            f"{field} must be an int, got {type(value).__name__}",
            f"{field} harus berupa int, bukan {type(value).__name__}",
        )
    if not low <= value <= _MAX_MONTHS:
        raise _bad(
            field,
            "months_range",
            f"{field} must be {low}–{_MAX_MONTHS}, got {mask(value, limit=40)}",
            f"{field} harus {low}–{_MAX_MONTHS}, diisi {mask(value, limit=40)}",
        )
    return value
