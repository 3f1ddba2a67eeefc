"""The converter's strict hooks for single values: text, numbers, booleans, dates, enums, value types.

Each checks the exact type first (the fast, common path) and raises the
library's own error, so messages never read "invalid value for type".
Importing this module tells the converter's first try
(:mod:`koperasi_id._fast_structure`) what each hook returns for its
commonest values.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from koperasi_id import _fast_structure
from koperasi_id._days import FIRST_DAY, LAST_DAY
from koperasi_id._numbers import (
    DECIMAL_PLACES,
    MAX_MAGNITUDE,
    MAX_NUMBER_TEXT,
    WHOLE_DIGITS,
    check_decimal,
    check_whole,
)
from koperasi_id._structure_problems import _excerpt, _fail
from koperasi_id._values import ValueType

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PLAIN_DECIMAL = re.compile(r"-?+[0-9]++(?:\.[0-9]++)?+")


def _unstructure_int(value: int) -> int:
    # The policy holds on the way out too: what from_dict would refuse must
    # not be written (json.dumps of a 5,000-digit int is a bare ValueError).
    return value if type(value) is bool else check_whole(value)


def _structure_str(value: object, _: type) -> str:
    if type(value) is str:
        return value
    raise _fail(
        "type.str",
        f"expected a string, got {type(value).__name__}",
        f"harus berupa teks, bukan {type(value).__name__}",
    )


def _structure_int(value: object, _: type) -> int:
    if type(value) is int:
        assert isinstance(value, int)
        return check_whole(value)
    if isinstance(value, bool):
        raise _fail(
            "type.int",
            "expected a whole number, got a boolean",
            "harus bilangan bulat, bukan boolean",
        )
    raise _fail(
        "type.int",
        f"expected a whole number, got {type(value).__name__} {_excerpt(value)}",
        f"harus bilangan bulat, diisi {type(value).__name__} {_excerpt(value)}",
    )


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is bool:
        return value
    raise _fail(
        "type.bool",
        f"expected true or false, got {type(value).__name__} {_excerpt(value)}",
        f"harus true atau false, diisi {type(value).__name__} {_excerpt(value)}",
    )


def _structure_decimal(value: object, _: type) -> Decimal:
    # The number policy (koperasi_id._numbers) for every decimal on the wire:
    # plain text, at most 10**15 either side of zero, at most four places
    # (money fields narrow that to two in their validators), never -0.
    kind = type(value)
    if kind is str:
        assert isinstance(value, str)
        if len(value) <= WHOLE_DIGITS and value.isdigit() and value.isascii():
            return Decimal(value)  # whole, unsigned, below 10**15: the checks below pass
        if len(value) <= MAX_NUMBER_TEXT and _PLAIN_DECIMAL.fullmatch(value):
            return check_decimal(Decimal(value), places=DECIMAL_PLACES, code="number")
        raise _fail(
            "type.decimal",
            f"expected a decimal string like '1234567.89', got {_excerpt(value)}; the wire "
            "format takes no exponent, grouping or 'Rp' (read typed amounts with "
            "koperasi_id.money.parse_amount_text first)",
            f"harus teks desimal seperti '1234567.89', diisi {_excerpt(value)}; format data "
            "tidak menerima eksponen, pengelompokan atau 'Rp' (baca jumlah yang diketik dengan "
            "koperasi_id.money.parse_amount_text terlebih dahulu)",
        )
    if kind is int:
        assert isinstance(value, int)
        return Decimal(check_whole(value))
    if kind is Decimal:
        assert isinstance(value, Decimal)
        if not value.is_finite():
            raise _fail(
                "type.decimal",
                f"expected a finite number, got {_excerpt(value)}",
                f"harus bilangan hingga, diisi {_excerpt(value)}",
            )
        return check_decimal(value, places=DECIMAL_PLACES, code="number")
    if kind is float:
        raise _fail(
            "type.float",
            f"a float cannot hold money exactly; send the amount as a string such as "
            f"{_excerpt(value)}",
            f"float tidak dapat memuat jumlah uang dengan tepat; kirim jumlahnya sebagai teks "
            f"seperti {_excerpt(value)}",
        )
    raise _fail(
        "type.decimal",
        f"expected a decimal string, got {kind.__name__}",
        f"harus teks desimal, bukan {kind.__name__}",
    )


def _in_day_bound(day: date) -> date:
    # Entities feed their dates to the rules, which take days from FIRST_DAY to
    # LAST_DAY only: refused here, the caller gets a problem at the field's path
    # instead of a RuleInputError from deep inside an entity's own checks.
    if FIRST_DAY <= day <= LAST_DAY:
        return day
    raise _fail(
        "date.range",
        f"a date is from {FIRST_DAY} to {LAST_DAY}, got {day.isoformat()}",
        f"tanggal harus dari {FIRST_DAY} sampai {LAST_DAY}, diisi {day.isoformat()}",
    )


@functools.lru_cache(maxsize=4096)
def _date_from_text(value: str) -> date:
    # Cached: records repeat their dates (one akad day for a whole batch, the
    # same start dates), a date is immutable and this is a pure function of
    # the text. A refused text raises, and lru_cache keeps no failures.
    if _ISO_DATE.fullmatch(value):
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            raise _fail(
                "type.date",
                f"{_excerpt(value)} is not a real calendar date",
                f"{_excerpt(value)} bukan tanggal kalender yang nyata",
            ) from None
        return _in_day_bound(parsed)
    raise _fail(
        "type.date",
        f"expected an ISO date 'YYYY-MM-DD', got {_excerpt(value)}",
        f"harus tanggal ISO 'YYYY-MM-DD', diisi {_excerpt(value)}",
    )


def _structure_date(value: object, _: type) -> date:
    if type(value) is str:
        assert isinstance(value, str)
        return _date_from_text(value)
    if type(value) is date:
        assert isinstance(value, date)
        return _in_day_bound(value)
    if isinstance(value, datetime):
        raise _fail(
            "type.date",
            "expected a date, got a datetime; pass its .date()",
            "harus tanggal, bukan datetime; berikan .date()-nya",
        )
    raise _fail(
        "type.date",
        f"expected an ISO date string, got {type(value).__name__}",
        f"harus teks tanggal ISO, bukan {type(value).__name__}",
    )


# What each strict hook returns for its commonest values, as an expression the
# converter's first try (koperasi_id._fast_structure) inlines; every other
# value still goes through the hook ({call}). Each mirrors the hook's own
# first branch above.
_fast_structure.SHORTCUTS_IN.update(
    {
        _structure_str: ("v if type(v) is str else {call}", {}),
        _structure_bool: ("v if type(v) is bool else {call}", {}),
        _structure_int: (
            "v if type(v) is int and -__max_magnitude <= v <= __max_magnitude else {call}",
            {"__max_magnitude": MAX_MAGNITUDE},
        ),
        _structure_decimal: (
            "__Decimal(v) if type(v) is str and len(v) <= __whole_digits and v.isdigit() "
            "and v.isascii() else {call}",
            {"__Decimal": Decimal, "__whole_digits": WHOLE_DIGITS},
        ),
        _structure_date: (
            "__date_from_text(v) if type(v) is str else {call}",
            {"__date_from_text": _date_from_text},
        ),
    }
)
_fast_structure.SHORTCUTS_OUT.update(
    {
        # bool fields go through the int hook, which returns a bool unchanged.
        _unstructure_int: (
            "v if type(v) is bool or (type(v) is int and -__max_magnitude <= v <= "
            "__max_magnitude) else {call}",
            {"__max_magnitude": MAX_MAGNITUDE},
        ),
    }
)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    by_value = dict(cls._value2member_map_)
    allowed = ", ".join(repr(m.value) for m in cls)

    def structure_enum(value: object, _: type) -> enum.Enum:
        if type(value) is cls:
            assert isinstance(value, enum.Enum)
            return value
        try:
            member: enum.Enum = by_value[value]
            return member
        except (KeyError, TypeError):
            shown = _excerpt(value)
            raise _fail(
                "enum",
                f"{shown} is not a {cls.__name__}; expected one of {allowed}",
                f"{shown} bukan {cls.__name__} yang dikenal; pilih salah satu dari {allowed}",
            ) from None

    # Text that names a member: the member, as the look-up above gives it.
    _fast_structure.SHORTCUTS_IN[structure_enum] = (
        f"__members{id(cls)}[v] if type(v) is str and v in __members{id(cls)} else {{call}}",
        {f"__members{id(cls)}": by_value},
    )
    return structure_enum


#: Recent parses kept per value type. Registries repeat the same region codes,
#: KBLI codes and (borrower = owner) NIKs on every record, and a value type is
#: immutable with ``parse`` a pure function of its input.
VALUE_CACHE_SIZE = 4096


_text_parsers: dict[type, Callable[[str], ValueType]] = {}


def _text_parser(cls: type[ValueType]) -> Callable[[str], ValueType]:
    # One cache per class, shared by every hook and converter built for it.
    parser = _text_parsers.get(cls)
    if parser is None:
        parser = _text_parsers[cls] = functools.lru_cache(maxsize=VALUE_CACHE_SIZE)(cls.parse)
    return parser


def _value_type_hook(cls: type[ValueType]) -> Callable[[object, type], ValueType]:
    parse = cls.parse
    parse_text = _text_parser(cls)

    def structure_value(value: object, _: type) -> ValueType:
        if type(value) is str:
            return parse_text(value)
        if type(value) is cls:
            assert isinstance(value, ValueType)
            return value
        return parse(value)

    _fast_structure.TEXT[structure_value] = parse_text
    return structure_value


def _enum_out(t: type[enum.Enum]) -> Callable[[enum.Enum], Any]:
    def unstructure_enum(member: enum.Enum) -> Any:
        # The member's own slot: the ``value`` property costs a descriptor call.
        return member._value_

    _fast_structure.SHORTCUTS_OUT[unstructure_enum] = (
        f"v._value_ if type(v) is __enum{id(t)} else {{call}}",
        {f"__enum{id(t)}": t},
    )
    return unstructure_enum
