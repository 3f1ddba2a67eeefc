"""Rupiah amounts: exact :class:`~decimal.Decimal`, never ``float``.

Amounts are plain ``Decimal`` values so they work with ordinary arithmetic;
this module parses them strictly, formats them the Indonesian way and rounds
them explicitly.

>>> parse_rupiah("1234567.5")
Decimal('1234567.5')
>>> parse_rupiah("Rp1.234.567,89")
Decimal('1234567.89')
>>> format_rupiah(Decimal("1234567"))
'Rp1.234.567'
>>> format_rupiah(Decimal("-1234567.8"))
'-Rp1.234.567,80'
>>> round_rupiah(Decimal("2.5"), Rounding.HALF_UP), round_rupiah(Decimal("2.5"), Rounding.HALF_EVEN)
(Decimal('3'), Decimal('2'))
>>> parse_rupiah(0.1)
Traceback (most recent call last):
...
koperasi_id.errors.ValidationError: 1 problem: $: a float cannot hold rupiah exactly; pass a str, int or Decimal such as '0.1' [money.float]
"""

from __future__ import annotations

import decimal
import enum
import re
from decimal import Decimal

import attrs

from koperasi_id._values import masked_excerpt
from koperasi_id.errors import ValidationError

__all__ = [
    "MAX_DECIMAL_PLACES",
    "Rounding",
    "format_rupiah",
    "is_valid_rupiah",
    "non_negative_rupiah",
    "optional_non_negative_rupiah",
    "parse_rupiah",
    "round_rupiah",
]

#: Rupiah amounts carry at most two decimal places (sen), per Bank Indonesia
#: convention; interest computations may use more internally before rounding.
MAX_DECIMAL_PLACES = 2

_PLAIN = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
# "Rp1.234.567,89", "Rp 1.234.567", "-Rp1.234", "Rp1234567": dots group thousands.
# "Rp50.000,-" (the dash for "no sen") is how invoices and forms write it.
_DISPLAY = re.compile(
    r"(-)?\s*Rp\.?\s*(-)?\s*([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+)|,[-\u2013\u2014])?"
)
_ONE = Decimal(1)


class Rounding(enum.Enum):
    """How to round to whole rupiah (or to sen); always named, never implied."""

    #: Commercial rounding (0.5 goes up, away from zero): what banks print.
    HALF_UP = decimal.ROUND_HALF_UP
    #: Banker's rounding (0.5 goes to the even neighbour): unbiased over many sums.
    HALF_EVEN = decimal.ROUND_HALF_EVEN
    #: Always towards zero: never pay out more than is owed.
    DOWN = decimal.ROUND_DOWN
    #: Always away from zero.
    UP = decimal.ROUND_UP


def _bad(code: str, message: str) -> ValidationError:
    return ValidationError.single(f"money.{code}", message)


def _checked(value: Decimal, raw: object) -> Decimal:
    if not value.is_finite():
        raise _bad("not_finite", f"an amount must be a finite number, not {raw!r}")
    # Reading the places off the text is several times cheaper than as_tuple(),
    # and this runs for every amount of every record; exponent notation is rare.
    text = str(value)
    if "E" in text:
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) else 0
    else:
        dot = text.find(".")
        places = 0 if dot < 0 else len(text) - dot - 1
    if places > MAX_DECIMAL_PLACES:
        raise _bad(
            "too_many_decimals",
            f"rupiah amounts have at most {MAX_DECIMAL_PLACES} decimal places, got {raw!r}",
        )
    return value


def parse_rupiah(raw: object) -> Decimal:
    """Parse an amount from ``int``, ``Decimal`` or ``str``.

    Strings are either plain decimals (``"1234567.89"``, the wire format) or
    the Indonesian display form with an ``Rp`` prefix (``"Rp1.234.567,89"``,
    also ``"Rp50.000,-"``).
    Floats and booleans are refused: a float cannot hold most sen amounts
    exactly, and ``True`` is not an amount. At most two decimal places.

    >>> parse_rupiah(2_400_000)
    Decimal('2400000')
    >>> parse_rupiah(" Rp 2.400.000 ")
    Decimal('2400000')
    >>> parse_rupiah("1.5e3")
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: not a rupiah amount: '1.5e3' ... [money.syntax]
    """
    if isinstance(raw, bool):
        raise _bad("bool", f"{raw!r} is a boolean, not an amount")
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, Decimal):
        return _checked(raw, raw)
    if isinstance(raw, float):
        raise _bad(
            "float",
            f"a float cannot hold rupiah exactly; pass a str, int or Decimal such as '{raw!r}'",
        )
    if isinstance(raw, str):
        text = raw.strip()
        if _PLAIN.fullmatch(text):
            return _checked(Decimal(text), raw)
        m = _DISPLAY.fullmatch(text)
        if m and not (m.group(1) and m.group(2)):
            digits = m.group(3).replace(".", "")
            sign = "-" if (m.group(1) or m.group(2)) else ""
            frac = f".{m.group(4)}" if m.group(4) else ""
            return _checked(Decimal(f"{sign}{digits}{frac}"), raw)
        raise _bad(
            "syntax",
            f"not a rupiah amount: {masked_excerpt(raw)} (use digits with an optional '.' decimal part, "
            "like '1234567.89', or the display form 'Rp1.234.567,89')",
        )
    raise _bad("type", f"expected an amount as str, int or Decimal, got {type(raw).__name__}")


def is_valid_rupiah(raw: object) -> bool:
    """Whether :func:`parse_rupiah` accepts ``raw``; never raises."""
    try:
        parse_rupiah(raw)
    except ValidationError:
        return False
    return True


def round_rupiah(
    amount: Decimal, rounding: Rounding = Rounding.HALF_UP, *, places: int = 0
) -> Decimal:
    """Round to whole rupiah (``places=0``) or to sen (``places=2``), explicitly.

    >>> round_rupiah(Decimal("1234.49")), round_rupiah(Decimal("-0.5"))
    (Decimal('1234'), Decimal('-1'))
    >>> round_rupiah(Decimal("10.005"), Rounding.HALF_EVEN, places=2)
    Decimal('10.00')
    """
    if places < 0:
        raise ValueError("places must be 0 or more")
    quantum = _ONE.scaleb(-places)
    # quantize() fails with InvalidOperation once the result needs more digits
    # than the context's precision (28 by default), so give it what it needs.
    digits = (amount.adjusted() + places + 2) if amount.is_finite() and amount else 0
    context = decimal.Context(prec=max(decimal.getcontext().prec, digits))
    return amount.quantize(quantum, rounding=rounding.value, context=context)


def format_rupiah(amount: Decimal | int, *, places: int | None = None) -> str:
    """Indonesian display form: ``Rp1.234.567`` or ``Rp1.234.567,89``.

    Whole amounts print without decimals unless ``places`` asks for them;
    amounts with sen print two places. Negative amounts print ``-Rp…``;
    an amount that rounds to zero prints without a sign.

    >>> format_rupiah(Decimal("1200000")), format_rupiah(Decimal("0.5")), format_rupiah(7500)
    ('Rp1.200.000', 'Rp0,50', 'Rp7.500')
    >>> format_rupiah(Decimal("5"), places=2), format_rupiah(Decimal("-0.4"), places=0)
    ('Rp5,00', 'Rp0')
    """
    if isinstance(amount, int) and not isinstance(amount, bool):
        amount = Decimal(amount)
    if not isinstance(amount, Decimal):
        raise _bad("type", f"expected a Decimal or int amount, got {type(amount).__name__}")
    if places is None:
        value = _checked(amount, amount)
        places = 0 if value == value.to_integral_value() else MAX_DECIMAL_PLACES
    elif amount.is_finite():
        value = amount
    else:
        raise _bad("not_finite", f"an amount must be a finite number, not {amount!r}")
    # copy_abs() is exact; abs() would round to the context's 28 digits.
    q = round_rupiah(value.copy_abs(), Rounding.HALF_UP, places=places)
    whole, _, frac = f"{q:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    text = f"Rp{grouped}" + (f",{frac}" if frac else "")
    # The sign follows what is printed: "-Rp0" would claim a debt of nothing.
    return f"-{text}" if value < 0 and q else text


# attrs field validators for entities: they raise the library's ValidationError
# with the field's own path, so nested structuring reports the full path.
def non_negative_rupiah(
    instance: object, attribute: attrs.Attribute[Decimal], value: Decimal
) -> None:
    """attrs validator: a finite, non-negative amount with at most two decimals."""
    path = f"$.{attribute.name}"
    if not isinstance(value, Decimal):
        raise ValidationError.single(
            "money.type", f"expected a Decimal amount, got {type(value).__name__}", path=path
        )
    try:
        _checked(value, value)
    except ValidationError as err:
        raise err.under(path) from None
    if value < 0:
        raise ValidationError.single(
            "money.negative", f"the amount must not be negative, got {value}", path=path
        )


def optional_non_negative_rupiah(
    instance: object, attribute: attrs.Attribute[Decimal | None], value: Decimal | None
) -> None:
    """attrs validator: like :func:`non_negative_rupiah` but ``None`` is allowed."""
    if value is not None:
        non_negative_rupiah(instance, attribute, value)  # type: ignore[arg-type]
