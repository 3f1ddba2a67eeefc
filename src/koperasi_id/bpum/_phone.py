"""Indonesian phone numbers as written on BPUM proposal forms."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Self, TypeVar

import attrs

from koperasi_id._values import SEPARATOR_CHARS, ValueType
from koperasi_id.errors import ValidationError

__all__ = ["PhoneNumber"]

# What people type between the digits: spaces, dots, dashes, brackets around an
# area code or the "(0)" of "+62 (0)812...", slashes in "0721/123456": the
# identifier separators (so masking, built on them too, covers a phone) and more.
_SEPARATORS = re.compile(f"[{SEPARATOR_CHARS}()/]+")
_PLUS_DIGITS = re.compile(r"\+?[0-9]+")
_MAX_RAW = 32
# National significant number (after the trunk 0 or +62): mobile numbers start
# with 8 and have 9 to 12 digits; fixed lines start with an area code (2-7, 9)
# and have 8 to 11 digits.
_MOBILE_LENGTHS = range(9, 13)
_FIXED_LENGTHS = range(8, 12)


_P = TypeVar("_P", bound="PhoneNumber")


def _new(cls: type[_P], national: str) -> _P:
    # parse has checked the number: build without running __init__'s check again.
    obj = object.__new__(cls)
    object.__setattr__(obj, "national", national)
    return obj


def _bad(code: str, message: str, message_id: str) -> ValidationError:
    return ValidationError.single(f"phone.{code}", message, message_id=message_id)


@attrs.frozen(init=False, repr=False)
class PhoneNumber(ValueType):
    """An Indonesian mobile or fixed-line number, canonical ``+62`` form.

    Accepts the usual ways of writing one: ``0812-3456-7890``,
    ``+62 812 3456 7890``, ``62812...``, ``+62 (0)812...``, ``(0721) 123456``,
    and a mobile number whose leading 0 a spreadsheet dropped (``81234567890``).
    Foreign numbers are refused: BPUM aid goes to Indonesian residents.

    >>> str(PhoneNumber.parse("0812-3456-7890"))
    '+6281234567890'
    >>> PhoneNumber.parse("+62 (0)721 123456").display()
    '0721123456'
    >>> PhoneNumber.parse("+62 812 3456 7890") == PhoneNumber.parse("081234567890")
    True
    >>> PhoneNumber.parse("0812-3456-7890")
    PhoneNumber('+62812****7890')
    >>> PhoneNumber.parse("+65 6123 4567")
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: only Indonesian numbers (+62) are accepted [phone.country]
    """

    kind = "phone"
    json_schema = MappingProxyType(
        {"pattern": r"^\+62[1-9][0-9]{5,12}$", "examples": ["+6281234567890"]}
    )
    #: The national significant number: the digits after ``+62`` (no trunk 0).
    national: str

    def __init__(self, national: str) -> None:
        """Build from the national significant number, checked as ``parse`` checks it.

        >>> PhoneNumber("81234567890")
        PhoneNumber('+62812****7890')
        >>> PhoneNumber("SECRET123")
        Traceback (most recent call last):
        ...
        koperasi_id.errors.ValidationError: 1 problem: $: a phone number may contain only digits, ... [phone.characters]
        """
        # Like every value type's constructor, this one validates: it used to
        # take any text (or an int) and build a number parse would refuse.
        checked = type(self).parse("0" + national if type(national) is str else national)
        if checked.national != national:
            raise _bad(
                "national",
                "the national number is the digits after +62, without the trunk 0 or any separator",
                "nomor nasional adalah angka setelah +62, tanpa 0 di depan dan tanpa pemisah",
            )
        object.__setattr__(self, "national", national)

    @classmethod
    def parse(cls, raw: object) -> Self:
        if type(raw) is not str:
            if not isinstance(raw, str):
                raise _bad(
                    "type",
                    f"expected a phone number as a string, got {type(raw).__name__}",
                    f"nomor telepon harus berupa teks, bukan {type(raw).__name__}",
                )
            # A str subclass (numpy.str_ from a pandas column) is text like
            # any other, as for every identifier: its plain str is read.
            raw = str.__str__(raw)
        if len(raw) > _MAX_RAW:
            raise _bad(
                "length",
                f"a phone number is never {len(raw)} characters long",
                f"nomor telepon tidak pernah sepanjang {len(raw)} karakter",
            )
        plain = raw.isdigit() and raw.isascii()  # the common case: only digits
        if plain and raw[:2] == "08" and 10 <= len(raw) <= _MOBILE_LENGTHS.stop:
            return _new(cls, raw[1:])  # a domestic mobile number, as the rules below would find
        compact = raw if plain else _SEPARATORS.sub("", raw)
        if not compact:
            raise _bad("empty", "the phone number is empty", "nomor telepon kosong")
        if not plain and not _PLUS_DIGITS.fullmatch(compact):
            raise _bad(
                "characters",
                "a phone number may contain only digits, a leading +, spaces, dots, "
                "dashes, slashes and brackets",
                "nomor telepon hanya boleh berisi angka, + di depan, spasi, titik, "
                "tanda hubung, garis miring dan tanda kurung",
            )
        if compact.startswith("+"):
            if not compact.startswith("+62"):
                raise _bad(
                    "country",
                    "only Indonesian numbers (+62) are accepted",
                    "hanya nomor Indonesia (+62) yang diterima",
                )
            national = compact[3:]
        elif compact.startswith("0062"):
            national = compact[4:]
        elif compact.startswith("62"):
            national = compact[2:]
        elif compact.startswith("0"):
            national = compact[1:]
        elif compact.startswith("8"):
            national = compact  # a spreadsheet ate the trunk 0 of a mobile number
        else:
            raise _bad(
                "prefix",
                "an Indonesian number starts with 0, +62 or 62",
                "nomor Indonesia diawali 0, +62 atau 62",
            )
        if national.startswith("0"):
            national = national[1:]  # "+62 (0)812..."
        if not national or national[0] in "01":
            raise _bad(
                "prefix",
                "not an Indonesian mobile (08...) or area-code number",
                "bukan nomor seluler Indonesia (08...) atau nomor dengan kode wilayah",
            )
        lengths = _MOBILE_LENGTHS if national[0] == "8" else _FIXED_LENGTHS
        if len(national) not in lengths:
            what = "mobile" if national[0] == "8" else "fixed-line"
            what_id = "seluler" if national[0] == "8" else "telepon tetap"
            raise _bad(
                "length",
                f"an Indonesian {what} number has {lengths.start + 1} to {lengths.stop} "
                f"digits with its leading 0, got {len(national) + 1}",
                f"nomor {what_id} Indonesia terdiri dari {lengths.start + 1} sampai "
                f"{lengths.stop} digit dengan 0 di depannya, diisi {len(national) + 1}",
            )
        return _new(cls, national)

    @property
    def is_mobile(self) -> bool:
        """Whether this is a mobile number (``08...``)."""
        return self.national[0] == "8"

    def display(self) -> str:
        """The domestic form with its trunk ``0``."""
        return "0" + self.national

    def __str__(self) -> str:
        return "+62" + self.national

    def __repr__(self) -> str:
        n = self.national
        return f"PhoneNumber('+62{n[:3]}{'*' * (len(n) - 7)}{n[-4:]}')"
