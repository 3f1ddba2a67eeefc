"""The number policy: one bound per kind of number, checked the same way at every edge.

Every number the library takes from outside (JSON, CSV cells, the command
line, Python calls) is one of three kinds, and each kind has one check here:

- **money** — rupiah, a :class:`~decimal.Decimal` with at most
  :data:`MONEY_PLACES` (2) decimal places (sen);
- **decimals** — rates, percentages and scores: at most
  :data:`DECIMAL_PLACES` (4) decimal places, a hundredth of a basis point;
- **whole numbers** — counts, months, years, indexes: a plain ``int``.

All three are bounded by :data:`MAX_MAGNITUDE` (10**15) either side of zero,
none may be a "negative zero" (``-0``, ``-0.00``: a sign on nothing is a typo
or a rounding accident upstream), and as text none may use exponent notation
(``1E+2``) or be longer than :data:`MAX_NUMBER_TEXT` characters — the length
is checked before any regular expression runs, so every parser stays linear.

Why 10**15 (Rp1.000 triliun): the largest figure in the law the library
models is the Rp50 miliar (5·10**10) sales ceiling of a medium business
(PP 7/2021 Pasal 35 ayat 5); the largest KUR plafond is Rp500 juta
(Permenko 1/2023). A
ceiling 20,000 times above the largest legal threshold leaves any real
cooperative or business figure far inside it, while an amount keeps at most
16 + 2 digits: sums of a million such amounts still fit in the 28 digits of
Python's default decimal context, so arithmetic on accepted input is exact.

>>> check_decimal(Decimal("1000000000000000.00"), places=MONEY_PLACES, code="money")
Decimal('1000000000000000.00')
>>> check_decimal(Decimal("1000000000000000.01"), places=MONEY_PLACES, code="money")
Traceback (most recent call last):
...
koperasi_id.errors.ValidationError: 1 problem: $: ... [money.too_large]
>>> whole_from_text("-0")
Traceback (most recent call last):
...
koperasi_id.errors.ValidationError: 1 problem: $: ... [number.negative_zero]
"""

from __future__ import annotations

import decimal
import functools
import re
from collections.abc import Callable
from decimal import Decimal
from typing import ParamSpec, TypeVar

# CONTEXT lives in a module of its own: the lazy loader enters it and must stay light.
from koperasi_id._context import CONTEXT
from koperasi_id._values import mask
from koperasi_id.errors import ValidationError

__all__ = [
    "CONTEXT",
    "DECIMAL_PLACES",
    "MAX_MAGNITUDE",
    "MAX_NUMBER_TEXT",
    "MONEY_PLACES",
    "WHOLE_DIGITS",
    "check_decimal",
    "check_whole",
    "computes",
    "decimal_from_text",
    "decimal_places",
    "whole_from_text",
]

#: The largest magnitude of any number the library takes: Rp1.000 triliun.
MAX_MAGNITUDE = 10**15
#: Plain digits up to this many are a whole number the policy takes as it is
#: (below :data:`MAX_MAGNITUDE`): the quick test of the number checks.
WHOLE_DIGITS = len(str(MAX_MAGNITUDE)) - 1
#: Rupiah carry at most two decimal places (sen).
MONEY_PLACES = 2
#: Rates, percentages and scores carry at most four decimal places.
DECIMAL_PLACES = 4
#: Longer number text is refused before any parsing: the longest the policy
#: takes is 16 digits, a sign, a point and four places, or a display amount
#: like ``-Rp 1.000.000.000.000.000,00`` (29 characters).
MAX_NUMBER_TEXT = 64

_MAX_DECIMAL = Decimal(MAX_MAGNITUDE)
_PLAIN_DECIMAL = re.compile(r"-?+[0-9]++(?:\.[0-9]++)?+")
_PLAIN_WHOLE = re.compile(r"-?+[0-9]++")
_TOO_LARGE = (
    "too large: the ceiling of every number the library takes is "
    "1.000.000.000.000.000 (10**15) either side of zero"
)
_TOO_LARGE_ID = (
    "terlalu besar: batas setiap angka yang diterima pustaka ini adalah "
    "1.000.000.000.000.000 (10**15) di kedua sisi nol"
)
_NEGATIVE_ZERO = (
    "a minus sign on zero is not a number; write 0",
    "tanda minus pada nol bukan angka; tulis 0",
)


_P = ParamSpec("_P")
_R = TypeVar("_R")


def computes(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``func`` in :data:`CONTEXT`, whatever context its caller set.

    For every public function, method and property that does decimal
    arithmetic; the caller's context is back in place when it returns or
    raises (``decimal.localcontext`` works on a copy, so no flags collect on
    :data:`CONTEXT`).

    >>> @computes
    ... def third(x: Decimal) -> Decimal:
    ...     return x / 3
    >>> with decimal.localcontext(prec=3, traps=[decimal.Inexact]):
    ...     third(Decimal(1))
    Decimal('0.3333333333333333333333333333')
    """

    @functools.wraps(func)
    def in_context(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with decimal.localcontext(CONTEXT):
            return func(*args, **kwargs)

    return in_context


def _bad(code: str, message: str, message_id: str, path: str = "$") -> ValidationError:
    return ValidationError.single(code, message, message_id=message_id, path=path)


def decimal_places(value: Decimal) -> int:
    """How many decimal places ``value`` is written with (0 for whole or exponent-positive).

    >>> decimal_places(Decimal("12.50")), decimal_places(Decimal("5E+8")), decimal_places(Decimal("1E-7"))
    (2, 0, 7)
    """
    # Reading the places off the text is several times cheaper than as_tuple(),
    # and this runs for every amount of every record; exponent notation is rare.
    text = str(value)
    if "E" in text:
        exponent = value.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0
    dot = text.find(".")
    return 0 if dot < 0 else len(text) - dot - 1


def check_decimal(value: Decimal, *, places: int, code: str) -> Decimal:
    """``value`` if it is finite, not ``-0``, within :data:`MAX_MAGNITUDE` and ``places``.

    ``code`` prefixes the problem codes (``money`` → ``money.too_large``).
    """
    if not value.is_finite():
        # A NaN carries digits of its own (Decimal("NaN1871010101900001")): masked.
        shown = mask(value, limit=40)
        raise _bad(
            f"{code}.not_finite",
            f"a number must be finite, not {shown}",
            f"angka harus bilangan hingga, bukan {shown}",
        )
    if value.is_zero():
        if value.is_signed():
            raise _bad(f"{code}.negative_zero", *_NEGATIVE_ZERO)
    # adjusted() is the exponent of the leading digit: a cheap first cut that
    # never builds the digits of a huge value.
    elif value.adjusted() >= 16 or value.copy_abs() > _MAX_DECIMAL:
        raise _bad(
            f"{code}.too_large",
            _TOO_LARGE,
            _TOO_LARGE_ID,
        )
    given = decimal_places(value)
    if given > places:
        what = "rupiah amounts have" if code == "money" else "this number has"
        raise _bad(
            f"{code}.too_many_decimals",
            f"{what} at most {places} decimal places, got {given}"
            + (
                " (a dot is the decimal point here: write thousands without dots, "
                "e.g. 50000, or in the display form Rp50.000)"
                if code == "money"
                else ""
            ),
            f"{'jumlah rupiah' if code == 'money' else 'angka ini'} paling banyak {places} "
            f"angka desimal, diisi {given}"
            + (
                " (titik di sini adalah tanda desimal: tulis ribuan tanpa titik, "
                "mis. 50000, atau dalam bentuk tampilan Rp50.000)"
                if code == "money"
                else ""
            ),
        )
    return value


def check_whole(value: int, *, code: str = "number", path: str = "$") -> int:
    """``value`` if it is an ``int`` within :data:`MAX_MAGNITUDE` (never converted to text).

    The type is checked first: Python callers pass what they like, and a
    ``Decimal('sNaN')`` would make the comparison itself raise. ``True`` is
    not a count.

    >>> check_whole(10**5000, path="$.workers")
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $.workers: too large: ... [number.too_large]
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(
            f"{code}.type",
            f"expected a whole number (int), got {type(value).__name__}",
            f"harus bilangan bulat (int), bukan {type(value).__name__}",
            path,
        )
    if -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE:
        return value
    raise _bad(f"{code}.too_large", _TOO_LARGE, _TOO_LARGE_ID, path)


def _text_checked(text: str, code: str) -> str:
    if len(text) > MAX_NUMBER_TEXT:
        raise _bad(
            f"{code}.length",
            f"a number is never {len(text)} characters long (at most {MAX_NUMBER_TEXT})",
            f"angka tidak pernah sepanjang {len(text)} karakter (paling banyak {MAX_NUMBER_TEXT})",
        )
    return text


def decimal_from_text(text: str, *, places: int, code: str = "number") -> Decimal:
    """The plain decimal ``text`` (``-1234.5``: no exponent, no grouping) under the policy.

    >>> decimal_from_text("6.25", places=DECIMAL_PLACES)
    Decimal('6.25')
    >>> decimal_from_text("1E+2", places=DECIMAL_PLACES)
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: ... [number.syntax]
    """
    if not _PLAIN_DECIMAL.fullmatch(_text_checked(text, code)):
        raise _bad(
            f"{code}.syntax",
            f"expected a plain decimal like '1234567.89' (no exponent, no grouping), "
            f"got {mask(text, limit=40, quote=True)}",
            f"harus desimal biasa seperti '1234567.89' (tanpa eksponen, tanpa pengelompokan), "
            f"diisi {mask(text, limit=40, quote=True)}",
        )
    return check_decimal(Decimal(text), places=places, code=code)


def whole_from_text(text: str, *, code: str = "number") -> int:
    """The plain whole number ``text`` (``-12``) under the policy.

    >>> whole_from_text("2024")
    2024
    >>> whole_from_text("9" * 5000)
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: a number is never 5000 characters long ... [number.length]
    """
    if not _PLAIN_WHOLE.fullmatch(_text_checked(text, code)):
        raise _bad(
            f"{code}.syntax",
            f"expected a whole number, got {mask(text, limit=40, quote=True)}",
            f"harus bilangan bulat, diisi {mask(text, limit=40, quote=True)}",
        )
    value = int(text)
    if value == 0 and text.startswith("-"):
        raise _bad(f"{code}.negative_zero", *_NEGATIVE_ZERO)
    return check_whole(value, code=code)
