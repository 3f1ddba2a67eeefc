"""The family card number (Nomor Kartu Keluarga): 16 digits, region part checked (private module)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Self, TypeVar

import attrs

from koperasi_id._values import ValueType
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.identifiers._common import build, compact_digits, copy_into, fixed_length
from koperasi_id.identifiers._nik import _REGENCY_PARTS
from koperasi_id.regions import PROVINCE_CODES, regency_range_ok

_T = TypeVar("_T")


@attrs.frozen(init=False, repr=False)
class NomorKk(ValueType):
    """Nomor Kartu Keluarga (family card number): 16 digits, masked like a NIK.

    The first six digits are the Kemendagri district of issue; the rest
    (issue date and serial) is not checked, because the domain notes do not
    document it. ``check_region=False`` skips even the region part (Confidence
    LOW: the layout comes from practice, not a cited rule).

    >>> NomorKk.parse("1871010101200003")  # synthetic
    NomorKk('187101******0003')
    >>> NomorKk.is_valid("9971010101200003")
    False
    """

    kind = "kk"
    json_schema = MappingProxyType({"pattern": "^[0-9]{16}$", "examples": ["1871010101190001"]})
    digits: str
    warnings: tuple[Problem, ...] = attrs.field(eq=False)

    def __init__(self, digits: str) -> None:
        copy_into(self, type(self).parse(digits), ("digits", "warnings"))

    @classmethod
    def parse(cls, raw: object, *, check_region: bool = True) -> Self:
        """16 digits; with ``check_region`` also the province, regency range and district 00."""
        if (
            type(raw) is str
            and len(raw) == 16
            and raw.isdigit()
            and raw.isascii()
            and (not check_region or (raw[:4] in _REGENCY_PARTS and raw[4:6] != "00"))
        ):
            return _new_kk(cls, raw)  # the common case: the checks below would pass
        digits = compact_digits(raw, kind="kk", what="KK number", what_id="nomor KK", hide=True)
        fixed_length(digits, kind="kk", what="KK number", what_id="nomor KK", length=16)
        if check_region:
            errors: list[Problem] = []
            if digits[:2] not in PROVINCE_CODES:
                errors.append(
                    Problem(
                        code="kk.province_unknown",
                        message=f"the province part {digits[:2]} is not a Kemendagri code",
                        message_id=f"bagian provinsi {digits[:2]} bukan kode Kemendagri",
                    )
                )
            if not regency_range_ok(digits[2:4]):
                errors.append(
                    Problem(
                        code="kk.regency_range",
                        message=f"the regency/city part {digits[2:4]} is 00 or 70",
                        message_id=f"bagian kabupaten/kota {digits[2:4]} bernilai 00 atau 70",
                    )
                )
            if digits[4:6] == "00":
                errors.append(
                    Problem(
                        code="kk.district_zero",
                        message="the district part is 00",
                        message_id="bagian kecamatan bernilai 00",
                    )
                )
            if errors:
                raise ValidationError(errors)
        return build(cls, digits=digits, warnings=())

    def masked(self) -> str:
        """First 6 and last 4 digits, the rest as ``*``."""
        return self.digits[:6] + "******" + self.digits[12:]

    def __str__(self) -> str:
        return self.digits

    def __repr__(self) -> str:
        return f"NomorKk('{self.masked()}')"


# ``build`` without its keyword loop, straight through the slot descriptors
# (the attrs class is frozen and slotted): the hot path of a valid number. A
# subclass shares its base's slots.
_KK_DIGITS = NomorKk.__dict__["digits"].__set__
_KK_WARNINGS = NomorKk.__dict__["warnings"].__set__


def _new_kk(cls: type[_T], digits: str) -> _T:
    obj = object.__new__(cls)
    _KK_DIGITS(obj, digits)
    _KK_WARNINGS(obj, ())
    return obj
