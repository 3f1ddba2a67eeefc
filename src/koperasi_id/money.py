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

from koperasi_id._numbers import (
    CONTEXT,
    MAX_NUMBER_TEXT,
    MONEY_PLACES,
    WHOLE_DIGITS,
    check_decimal,
    check_whole,
    decimal_places,
)
from koperasi_id._values import mask
from koperasi_id.errors import ValidationError

__all__ = [
    "MAX_DECIMAL_PLACES",
    "MAX_PRINTED_DIGITS",
    "Rounding",
    "format_rupiah",
    "is_valid_rupiah",
    "non_negative_rupiah",
    "optional_non_negative_rupiah",
    "parse_amount_text",
    "parse_rupiah",
    "round_rupiah",
]

#: Rupiah amounts carry at most two decimal places (sen), per Bank Indonesia
#: convention; interest computations may use more internally before rounding.
MAX_DECIMAL_PLACES = MONEY_PLACES

# What people type, as one pattern with no ambiguous repetition (possessive
# quantifiers), run only on text already cut to MAX_NUMBER_TEXT characters:
# "50000000", "50.000.000", "Rp50.000.000,00", "Rp 50.000,-", "-Rp1.234",
# "1234567.89" (the wire form). See parse_amount_text for how dots are read.
_AMOUNT = re.compile(
    r"(?P<sign1>-\s*+)?+(?P<rp>[Rr][Pp]\.?+\s*+)?+(?P<sign2>-\s*+)?+"
    r"(?:(?P<grouped>[0-9]{1,3}+(?:\.[0-9]{3})++)|(?P<plain>[0-9]++)(?:\.(?P<dotfrac>[0-9]++))?+)"
    r"(?:,(?:(?P<commafrac>[0-9]++)|(?P<dash>[-\u2013\u2014])))?+"
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


def _bad(code: str, message: str, message_id: str) -> ValidationError:
    return ValidationError.single(f"money.{code}", message, message_id=message_id)


def _checked(value: Decimal, raw: object) -> Decimal:
    # The number policy for money (koperasi_id._numbers): finite, not -0,
    # within 10**15 rupiah either side of zero, at most two decimal places.
    return check_decimal(value, places=MAX_DECIMAL_PLACES, code="money")


def parse_rupiah(raw: object) -> Decimal:
    """Parse an amount from ``int``, ``Decimal`` or ``str``.

    ``int`` and ``Decimal`` values are checked against the number policy
    (at most Rp10**15 either side of zero, at most two decimal places, no
    ``-0``; see the "Limits" page). Text is read by :func:`parse_amount_text`,
    the one rule for amounts people type. Floats and booleans are refused: a
    float cannot hold most sen amounts exactly, and ``True`` is not an amount.

    >>> parse_rupiah(2_400_000)
    Decimal('2400000')
    >>> parse_rupiah(" Rp 2.400.000 ")
    Decimal('2400000')
    >>> parse_rupiah(10**16)
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: too large: ... [money.too_large]
    >>> parse_rupiah("1.5e3")
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: not a rupiah amount: '1.5e3' ... [money.syntax]
    """
    if isinstance(raw, bool):
        raise _bad(
            "bool", f"{raw} is a boolean, not an amount", f"{raw} adalah boolean, bukan jumlah uang"
        )
    if isinstance(raw, int):
        return Decimal(check_whole(raw, code="money"))
    if isinstance(raw, Decimal):
        return _checked(raw, raw)
    if isinstance(raw, float):
        raise _bad(
            "float",
            f"a float cannot hold rupiah exactly; pass a str, int or Decimal such as "
            f"{mask(raw, limit=40, quote=True)}",
            f"float tidak dapat memuat rupiah dengan tepat; berikan str, int atau Decimal seperti "
            f"{mask(raw, limit=40, quote=True)}",
        )
    if isinstance(raw, str):
        return parse_amount_text(raw)
    raise _bad(
        "type",
        f"expected an amount as str, int or Decimal, got {type(raw).__name__}",
        f"jumlah uang harus berupa str, int atau Decimal, bukan {type(raw).__name__}",
    )


def parse_amount_text(text: str) -> Decimal:
    """An amount as people type it: the one rule for the CLI, CSV cells and :func:`parse_rupiah`.

    Accepted, with an optional ``Rp``/``Rp.`` prefix (any case, spaces after
    it allowed) and one optional minus sign before or after the prefix:

    - plain digits: ``50000000``;
    - Indonesian grouping, a dot between groups of three digits:
      ``50.000.000``, ``Rp50.000.000``;
    - sen after a comma (one or two digits), or ``,-`` for "no sen":
      ``Rp50.000.000,00``, ``1234567,5``, ``Rp50.000,-``;
    - the wire form with a decimal point: ``1234567.89``.

    **Dots.** A dot followed by exactly three digits groups thousands when the
    text has the ``Rp`` prefix, a comma part, or two or more such groups. A
    single ``d.ddd`` without either (``50.000``) could be fifty thousand or
    fifty with three decimals, so it is refused as ambiguous (``money.ambiguous``).
    Any other dot is a decimal point (``50.5``, ``1234567.89``). Likewise a
    comma followed by exactly three digits and no dots (``1,234``: English
    grouping or Indonesian decimals) is ambiguous.

    The result is checked against the number policy like every amount.
    The JSON wire format and Python entities stay strict: they take plain
    decimal strings (``"50000000.00"``), ``int`` or ``Decimal`` only; call this
    function on text a person typed before handing it to them.

    >>> parse_amount_text("50.000.000"), parse_amount_text("Rp50.000.000,00")
    (Decimal('50000000'), Decimal('50000000.00'))
    >>> parse_amount_text("50000000"), parse_amount_text("Rp50.000,-"), parse_amount_text("12.5")
    (Decimal('50000000'), Decimal('50000'), Decimal('12.5'))
    >>> parse_amount_text("50.000")
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: '50.000' is ambiguous... [money.ambiguous]
    """
    if not isinstance(text, str):
        raise _bad(
            "type",
            f"expected amount text as a str, got {type(text).__name__}",
            f"teks jumlah uang harus berupa str, bukan {type(text).__name__}",
        )
    stripped = text.strip()
    if len(stripped) > MAX_NUMBER_TEXT:
        raise _bad(
            "length",
            f"an amount is never {len(stripped)} characters long (at most {MAX_NUMBER_TEXT})",
            f"jumlah uang tidak pernah sepanjang {len(stripped)} karakter "
            f"(paling banyak {MAX_NUMBER_TEXT})",
        )
    m = _AMOUNT.fullmatch(stripped)
    if (
        m is None
        or (m["sign1"] and m["sign2"])
        or (m["dotfrac"] and (m["rp"] or m["dash"] or m["commafrac"]))
    ):
        raise _bad(
            "syntax",
            f"not a rupiah amount: {mask(text, limit=40, quote=True)} (write digits, optionally grouped "
            "by dots and with sen after a comma, like '50.000.000', 'Rp50.000.000,00' or "
            "'50000000.00')",
            f"bukan jumlah rupiah: {mask(text, limit=40, quote=True)} (tulis angka, boleh "
            "dikelompokkan dengan titik dan dengan sen setelah koma, seperti '50.000.000', "
            "'Rp50.000.000,00' atau '50000000.00')",
        )
    grouped, comma = m["grouped"], m["commafrac"]
    single_group = grouped is not None and grouped.count(".") == 1
    if grouped is not None and grouped.startswith("0"):
        # No grouped amount starts with a zero group: "0.001" is a decimal.
        if not single_group or m["rp"] or comma or m["dash"]:
            raise _bad(
                "syntax",
                f"not a rupiah amount: {mask(text, limit=40, quote=True)}",
                f"bukan jumlah rupiah: {mask(text, limit=40, quote=True)}",
            )
        return _checked(Decimal(f"{'-' if m['sign1'] or m['sign2'] else ''}{grouped}"), text)
    if (single_group and not (m["rp"] or comma or m["dash"])) or (
        comma is not None and len(comma) == 3 and grouped is None
    ):
        raise _bad(
            "ambiguous",
            f"{mask(stripped, limit=40, quote=True)} is ambiguous: a dot or comma followed by three digits "
            "may group thousands or mark decimals; write the amount without separators "
            "(50000), with the Rp prefix (Rp50.000) or with its sen (50.000,00)",
            f"{mask(stripped, limit=40, quote=True)} bermakna ganda: titik atau koma yang diikuti "
            "tiga angka dapat berarti pemisah ribuan atau desimal; tulis jumlahnya tanpa pemisah "
            "(50000), dengan awalan Rp (Rp50.000) atau dengan sennya (50.000,00)",
        )
    digits = grouped.replace(".", "") if grouped is not None else m["plain"]
    fraction = m["dotfrac"] or comma
    sign = "-" if (m["sign1"] or m["sign2"]) else ""
    return _checked(Decimal(f"{sign}{digits}.{fraction}" if fraction else f"{sign}{digits}"), text)


def is_valid_rupiah(raw: object) -> bool:
    """Whether :func:`parse_rupiah` accepts ``raw``; never raises."""
    try:
        parse_rupiah(raw)
    except ValidationError:
        return False
    return True


def _check_places(places: object) -> None:
    # Decimal places to round to: a count under the number policy, and no
    # more than a Decimal's default precision could ever show.
    if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= 28:
        raise _bad(
            "places",
            "places is a whole number of decimal places from 0 to 28",
            "places adalah bilangan bulat jumlah desimal dari 0 sampai 28",
        )


#: The most digits before the point an amount may have to be rounded or
#: printed: Python's own limit for writing an ``int`` as text (4,300 digits,
#: ``sys.get_int_max_str_digits``). Arithmetic on amounts the number policy
#: takes stays far below it (a product of two has 31 digits); past it a
#: ``Decimal("1E+999999999")`` would need a billion digits, and past
#: ``decimal.MAX_PREC`` no context can hold it at all.
MAX_PRINTED_DIGITS = 4300


def _within_printing(amount: Decimal) -> None:
    if amount.adjusted() >= MAX_PRINTED_DIGITS:
        raise _bad(
            "too_large",
            f"an amount with more than {MAX_PRINTED_DIGITS} digits cannot be rounded or printed",
            f"jumlah uang dengan lebih dari {MAX_PRINTED_DIGITS} digit tidak dapat dibulatkan "
            "atau dicetak",
        )


def round_rupiah(
    amount: Decimal, rounding: Rounding = Rounding.HALF_UP, *, places: int = 0
) -> Decimal:
    """Round to whole rupiah (``places=0``) or to sen (``places=2``), explicitly.

    >>> round_rupiah(Decimal("1234.49")), round_rupiah(Decimal("-0.5"))
    (Decimal('1234'), Decimal('-1'))
    >>> round_rupiah(Decimal("10.005"), Rounding.HALF_EVEN, places=2)
    Decimal('10.00')
    """
    _check_places(places)
    if not isinstance(amount, Decimal):
        raise _bad(
            "type",
            f"expected a Decimal amount, got {type(amount).__name__}",
            f"jumlah uang harus berupa Decimal, bukan {type(amount).__name__}",
        )
    if not amount.is_finite():
        # quantize() raises a bare InvalidOperation on a signalling NaN and
        # "rounds" a quiet one or an infinity to itself: neither is an amount.
        raise _bad(
            "not_finite", "an amount must be a finite number", "jumlah uang harus bilangan hingga"
        )
    _within_printing(amount)
    quantum = _ONE.scaleb(-places)
    # quantize() fails with InvalidOperation once the result needs more digits
    # than the context's precision (28 by default), so give it what it needs.
    digits = (amount.adjusted() + places + 2) if amount.is_finite() and amount else 0
    context = decimal.Context(prec=max(CONTEXT.prec, digits))
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
        # An int is taken from the caller: the number policy applies (a
        # 5,000-digit int cannot even be turned into a Decimal).
        amount = Decimal(check_whole(amount, code="money"))
    if not isinstance(amount, Decimal):
        raise _bad(
            "type",
            f"expected a Decimal or int amount, got {type(amount).__name__}",
            f"jumlah uang harus berupa Decimal atau int, bukan {type(amount).__name__}",
        )
    if not amount.is_finite():
        raise _bad(
            "not_finite",
            f"an amount must be a finite number, not {mask(amount, limit=40, quote=True)}",
            f"jumlah uang harus bilangan hingga, bukan {mask(amount, limit=40, quote=True)}",
        )
    _within_printing(amount)
    value = amount
    if places is None:
        # Printing is not taking input: a large or "-0" result of arithmetic
        # prints, but more than two places needs an explicit choice.
        if decimal_places(value) > MAX_DECIMAL_PLACES:
            raise _bad(
                "too_many_decimals",
                f"rupiah amounts have at most {MAX_DECIMAL_PLACES} decimal places; "
                "pass places= to round for display",
                f"jumlah rupiah paling banyak {MAX_DECIMAL_PLACES} angka desimal; "
                "berikan places= untuk membulatkan tampilannya",
            )
        places = 0 if value == value.to_integral_value() else MAX_DECIMAL_PLACES
    # copy_abs() is exact; abs() would round to the context's 28 digits.
    q = round_rupiah(value.copy_abs(), Rounding.HALF_UP, places=places)
    whole, _, frac = f"{q:f}".partition(".")
    # Grouped by slicing, not int(): a large Decimal result of arithmetic
    # prints, and int() of more than 4,300 digits is refused by Python.
    head = len(whole) % 3 or 3
    grouped = ".".join([whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))])
    text = f"Rp{grouped}" + (f",{frac}" if frac else "")
    # The sign follows what is printed: "-Rp0" would claim a debt of nothing.
    return f"-{text}" if value < 0 and q else text


# attrs field validators for entities: they raise the library's ValidationError
# with the field's own path, so nested structuring reports the full path.
def non_negative_rupiah(
    instance: object, attribute: attrs.Attribute[Decimal], value: Decimal
) -> None:
    """attrs validator: a finite, non-negative amount with at most two decimals."""
    if type(value) is Decimal:
        text = str(value)
        if text.isdigit() and len(text) <= WHOLE_DIGITS:
            return  # a whole amount in plain digits: every check below passes
    path = f"$.{attribute.name}"
    if not isinstance(value, Decimal):
        raise ValidationError.single(
            "money.type",
            f"expected a Decimal amount, got {type(value).__name__}",
            message_id=f"jumlah uang harus berupa Decimal, bukan {type(value).__name__}",
            path=path,
        )
    try:
        _checked(value, value)
    except ValidationError as err:
        raise err.under(path) from None
    if value < 0:
        raise ValidationError.single(
            "money.negative",
            f"the amount must not be negative, got {mask(value, limit=40)}",
            message_id=f"jumlah uang tidak boleh negatif, diisi {mask(value, limit=40)}",
            path=path,
        )


def optional_non_negative_rupiah(
    instance: object, attribute: attrs.Attribute[Decimal | None], value: Decimal | None
) -> None:
    """attrs validator: like :func:`non_negative_rupiah` but ``None`` is allowed."""
    if value is None:
        return
    if type(value) is Decimal:
        text = str(value)
        if text.isdigit() and len(text) <= WHOLE_DIGITS:
            return  # non_negative_rupiah's common case, without the call
    non_negative_rupiah(instance, attribute, value)  # type: ignore[arg-type]
