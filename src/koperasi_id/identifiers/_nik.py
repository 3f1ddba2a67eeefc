"""NIK (Nomor Induk Kependudukan) (private module); the family card number is in ``_kk``."""

from __future__ import annotations

import enum
from datetime import date
from types import MappingProxyType
from typing import Self, TypeVar

import attrs

from koperasi_id._days import check_day
from koperasi_id._values import SEPARATORS, ValueType, mask
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.identifiers._common import build, compact_digits, copy_into, fixed_length
from koperasi_id.law import Citation
from koperasi_id.regions import (
    PROVINCE_CODES,
    Province,
    RegionCode,
    RegionTable,
    default_region_table,
    province,
    regency_range_ok,
)
from koperasi_id.regions._scheme import new_region_code

#: The statute that creates the NIK (Art. 13: every resident has one, for life).
NIK_LAW = Citation("UU 23/2006 jo. UU 24/2013", "Pasal 13", note="Administrasi Kependudukan")

_T = TypeVar("_T")
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# Look-up tables for the common case, a well-formed NIK (rules S1-S7 as set
# membership, so a passing NIK costs a few slices and no Problem): the
# province + regency parts that pass S1 and S2, and the DDMM parts that pass
# S4-S6 in every year (29 February, which needs the year, is apart).
_REGENCY_PARTS = frozenset(
    pp + f"{kk:02d}" for pp in PROVINCE_CODES for kk in range(100) if regency_range_ok(f"{kk:02d}")
)
_DAY_MONTHS = frozenset(
    f"{day + offset:02d}{month:02d}"
    for month, days in enumerate(_DAYS_IN_MONTH, start=1)
    for day in range(1, days + 1)
    if (month, day) != (2, 29)
    for offset in (0, 40)
)
_LEAP_DAYS = frozenset({"2902", "6902"})


def _plain_nik(raw: object) -> bool:
    """Whether ``raw`` is 16 ASCII digits that pass rules S1-S7 (the region look-up aside).

    A quick test, never a different verdict: anything else goes through
    :func:`nik_problems`, which names every rule broken.
    """
    return (
        type(raw) is str
        and len(raw) == 16
        and raw.isdigit()
        and raw.isascii()
        and raw[:4] in _REGENCY_PARTS
        and raw[4:6] != "00"
        and raw[12:] != "0000"
        and (raw[6:10] in _DAY_MONTHS or (raw[6:10] in _LEAP_DAYS and not int(raw[10:12]) % 4))
    )


class Sex(enum.Enum):
    """Sex as encoded in a NIK (women have 40 added to the day of birth)."""

    MALE = "laki_laki"
    FEMALE = "perempuan"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return "Laki-laki" if self is Sex.MALE else "Perempuan"


def mask_nik(raw: object) -> str:
    """Mask a NIK-like string for logs: first 6 and last 4 digits kept.

    Works on anything, valid or not, so invalid input can be logged safely;
    a value too short to mask meaningfully is starred out entirely. A value
    that is not a string (an ``int`` NIK, ``None``) is shown as the library's
    messages show any value: every run of ten or more digits masked the same
    way.

    >>> mask_nik("1871 0101 0190 0001")
    '187101******0001'
    >>> mask_nik("12345"), mask_nik("1871\t0101–0190—0001")  # tab, en and em dash
    ('*****', '187101******0001')
    >>> mask_nik(1871010101900001), mask_nik(None)
    ('187101******0001', 'None')
    """
    if not isinstance(raw, str):
        return mask(raw)
    compact = SEPARATORS.sub("", raw)
    if len(compact) < 12:
        return "*" * len(compact)
    return compact[:6] + "*" * (len(compact) - 10) + compact[-4:]


def _day_and_sex(dd: int) -> tuple[int, Sex] | None:
    if 1 <= dd <= 31:
        return dd, Sex.MALE
    if 41 <= dd <= 71:
        return dd - 40, Sex.FEMALE
    return None


def nik_problems(
    digits: str, table: RegionTable | None, *, strict_region: bool = False
) -> tuple[list[Problem], list[Problem]]:
    """Rules S1-S7 and R1 on 16 checked digits: (errors, warnings).

    R1: an unknown regency is an error with the shipped table, an unknown
    district a warning, or an error with ``strict_region``. Messages never
    repeat the number or its birth date.
    """
    errors: list[Problem] = []
    pp, kk, cc = digits[0:2], digits[2:4], digits[4:6]
    if pp not in PROVINCE_CODES:  # S1
        errors.append(
            Problem(
                code="nik.province_unknown",
                message=f"the province part {pp} is not a Kemendagri province code",
                message_id=f"bagian provinsi {pp} bukan kode provinsi Kemendagri",
            )
        )
    if not regency_range_ok(kk):  # S2
        errors.append(
            Problem(
                code="nik.regency_range",
                message=f"the regency/city part {kk} is outside 01-69 (kabupaten) and 71-99 (kota)",
                message_id=f"bagian kabupaten/kota {kk} di luar 01-69 (kabupaten) dan 71-99 (kota)",
            )
        )
    if cc == "00":  # S3
        errors.append(
            Problem(
                code="nik.district_zero",
                message="the district part is 00",
                message_id="bagian kecamatan bernilai 00",
            )
        )
    day_sex = _day_and_sex(int(digits[6:8]))
    if day_sex is None:  # S4
        errors.append(
            Problem(
                code="nik.birth_day",
                message="the day of birth (digits 7-8) is neither 01-31 (men) nor 41-71 (women)",
                message_id="tanggal lahir (digit 7-8) bukan 01-31 (laki-laki) dan bukan 41-71 (perempuan)",
            )
        )
    month = int(digits[8:10])
    if not 1 <= month <= 12:  # S5
        errors.append(
            Problem(
                code="nik.birth_month",
                message="the month of birth (digits 9-10) is not 01-12",
                message_id="bulan lahir (digit 9-10) bukan 01-12",
            )
        )
    elif day_sex is not None:  # S6
        day, yy = day_sex[0], int(digits[10:12])
        if day > _DAYS_IN_MONTH[month - 1] or (month == 2 and day == 29 and yy % 4):
            errors.append(
                Problem(
                    code="nik.birth_date",
                    message="the date of birth (digits 7-12) is not a real calendar date "
                    "in either century",
                    message_id="tanggal lahir (digit 7-12) bukan tanggal kalender yang nyata "
                    "di kedua abad",
                )
            )
    if digits[12:] == "0000":  # S7
        errors.append(
            Problem(
                code="nik.serial_zero",
                message="the serial (last 4 digits) is 0000",
                message_id="nomor urut (4 digit terakhir) bernilai 0000",
            )
        )
    warnings: list[Problem] = []
    if not errors:  # R1: only a structurally sound region part is looked up
        table = default_region_table() if table is None else table
        found_errors, warnings = table.check(
            f"{pp}.{kk}.{cc}", prefix="nik", strict_districts=strict_region
        )
        errors.extend(found_errors)
    return errors, warnings


def _candidates(digits: str) -> tuple[date, ...]:
    day_sex = _day_and_sex(int(digits[6:8]))
    assert day_sex is not None
    month, yy = int(digits[8:10]), int(digits[10:12])
    out = []
    for century in (1900, 2000):
        try:
            out.append(date(century + yy, month, day_sex[0]))
        except ValueError:  # 29 Feb 1900 (yy 00) exists only as 2000
            continue
    return tuple(out)


def _future_problem() -> Problem:
    return Problem(
        code="nik.future_birth_date",
        message="the date of birth in the NIK is after the reference date in both centuries",
        message_id="tanggal lahir dalam NIK jatuh sesudah tanggal acuan di kedua abad",
    )


@attrs.frozen(init=False, repr=False)
class Nik(ValueType):
    """Nomor Induk Kependudukan: the 16-digit personal number (``PPKKCCDDMMYYSSSS``).

    ``parse`` applies rules N1-N2 and S1-S7 of the domain note (errors, each
    with its own code), and R1 against a :class:`~koperasi_id.regions.RegionTable`
    (default: the shipped national one): a code retired by a split is a
    *warning* ``nik.historical_region_code``, because a NIK never changes; an
    unknown regency is the error ``nik.region_unknown``, an unknown district
    the same code as a warning, or as an error with ``strict_region=True``.
    A NIK is personal data (UU 27/2022): ``repr`` and every error message mask it.

    >>> nik = Nik.parse("1871 0141 0190 0002")  # synthetic
    >>> nik
    Nik('187101******0002')
    >>> nik.sex, nik.birth_date(reference=date(2026, 11, 27))
    (<Sex.FEMALE: 'perempuan'>, datetime.date(1990, 1, 1))
    >>> nik.province.name, nik.regency_code
    ('Lampung', '18.71')
    >>> Nik.parse("1801041508850000")  # synthetic; serial 0000
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: the serial (last 4 digits) is 0000 [nik.serial_zero]
    >>> Nik.parse("9101021708750001").warnings[0].code  # synthetic; Merauke before 2022
    'nik.historical_region_code'
    >>> Nik.parse("1871991708750001").warnings[0].code  # synthetic; no district 18.71.99
    'nik.region_unknown'
    >>> Nik.parse("1871991708750001", strict_region=True)
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: region 18.71.99 is not in the region table ... [nik.region_unknown]
    """

    kind = "nik"
    json_schema = MappingProxyType({"pattern": "^[0-9]{16}$", "examples": ["1871010101900001"]})
    digits: str
    warnings: tuple[Problem, ...] = attrs.field(eq=False)

    def __init__(self, digits: str) -> None:
        copy_into(self, type(self).parse(digits), ("digits", "warnings"))

    @classmethod
    def parse(
        cls,
        raw: object,
        *,
        regions: RegionTable | None = None,
        reference: date | None = None,
        strict_region: bool = False,
    ) -> Self:
        """Validate ``raw``; see the class docstring.

        ``regions`` replaces the shipped region table (a strict table turns
        every unknown region into an error). ``strict_region`` makes an
        unknown district an error too (default: a warning; an unknown
        province or regency is always an error). ``reference`` adds the warning
        ``nik.future_birth_date`` when the date of birth is after it in both
        centuries (rule C1); without it no date is assumed. Like every day a
        rule is asked about it is a ``date`` (not a ``datetime``) from 1900 to
        9899, or :class:`~koperasi_id.errors.RuleInputError`.
        """
        if reference is not None:
            # A datetime would fail the comparison below with a bare TypeError.
            check_day(reference, "reference")
        elif _plain_nik(raw):
            assert isinstance(raw, str)
            table = default_region_table() if regions is None else regions
            if table._quiet_district(raw[:6]):
                return _new_nik(cls, raw)  # no region warning: the common case
        digits = compact_digits(raw, kind="nik", what="NIK", what_id="NIK", hide=True)
        fixed_length(digits, kind="nik", what="NIK", what_id="NIK", length=16)
        errors, warnings = nik_problems(digits, regions, strict_region=strict_region)
        if errors:
            raise ValidationError(errors)
        if reference is not None and _candidates(digits)[0] > reference:
            warnings.append(_future_problem())
        return build(cls, digits=digits, warnings=tuple(warnings))

    # --- parts ---------------------------------------------------------------

    @property
    def province_code(self) -> str:
        """The Kemendagri province code (``"18"``)."""
        return self.digits[:2]

    @property
    def regency_code(self) -> str:
        """The dotted regency/city code where the NIK was first issued (``"18.71"``)."""
        return f"{self.digits[:2]}.{self.digits[2:4]}"

    @property
    def district_code(self) -> str:
        """The dotted district code (``"18.71.01"``)."""
        return f"{self.digits[:2]}.{self.digits[2:4]}.{self.digits[4:6]}"

    @property
    def region(self) -> RegionCode:
        """The district of first registration as a :class:`~koperasi_id.regions.RegionCode`.

        Its warnings say what the shipped table knows of the code (retired, or
        unknown): never an error, because ``parse`` has accepted the NIK,
        perhaps against a caller's table that knows a region the shipped one
        does not.
        """
        code = self.district_code
        errors, warnings = default_region_table().check(code, prefix="region")
        return new_region_code(code, (*errors, *warnings))

    @property
    def province(self) -> Province:
        """The province of first registration (a NIK does not follow a move)."""
        found = province(self.digits[:2])
        assert found is not None
        return found

    @property
    def sex(self) -> Sex:
        """Female when the day of birth has 40 added."""
        return Sex.MALE if self.digits[6] <= "3" else Sex.FEMALE

    @property
    def birth_day(self) -> int:
        """The day of the month of birth (40 already taken off for women)."""
        dd = int(self.digits[6:8])
        return dd if dd <= 31 else dd - 40

    @property
    def birth_month(self) -> int:
        """The month of birth."""
        return int(self.digits[8:10])

    @property
    def birth_year_digits(self) -> str:
        """The two digits of the year; the NIK does not encode the century."""
        return self.digits[10:12]

    @property
    def serial(self) -> str:
        """The last four digits."""
        return self.digits[12:]

    @property
    def birth_date_candidates(self) -> tuple[date, ...]:
        """The real dates in 19YY and 20YY, oldest first (one only for 29 Feb 00)."""
        return _candidates(self.digits)

    def birth_date(self, *, reference: date) -> date:
        """Rule C1: the latest candidate that is not after ``reference``.

        Someone more than 100 years old gets the wrong century; when that
        matters use :attr:`birth_date_candidates`. The date in a NIK is not
        proof of the real birth date (Dukcapil never reissues a NIK).

        >>> Nik.parse("3171010501260001").birth_date(reference=date(2026, 11, 27))  # synthetic
        datetime.date(2026, 1, 5)
        >>> Nik.parse("3171010501260001").birth_date(reference=date(2025, 12, 31))
        datetime.date(1926, 1, 5)
        """
        check_day(reference, "reference")
        best = None
        for candidate in _candidates(self.digits):
            if candidate <= reference:
                best = candidate
        if best is None:
            raise ValidationError([_future_problem()])
        return best

    def mismatches(
        self, *, birth_date: date | None = None, sex: Sex | None = None
    ) -> tuple[Problem, ...]:
        """Rule X2: where a recorded birth date or sex disagrees with the NIK.

        Returned as *warnings* (``nik.birth_date_mismatch``,
        ``nik.sex_mismatch``) for an entity to attach: a NIK is never reissued
        when its date is wrong, so a mismatch is a reason to look, not to reject.
        The year is compared on its last two digits (the NIK has no century).

        >>> nik = Nik.parse("1871014101900002")  # synthetic
        >>> [p.code for p in nik.mismatches(birth_date=date(1990, 1, 2), sex=Sex.MALE)]
        ['nik.birth_date_mismatch', 'nik.sex_mismatch']
        >>> nik.mismatches(birth_date=date(1990, 1, 1), sex=Sex.FEMALE)
        ()
        """
        out: list[Problem] = []
        if birth_date is not None and (
            birth_date.day,
            birth_date.month,
            birth_date.year % 100,
        ) != (self.birth_day, self.birth_month, int(self.digits[10:12])):
            out.append(
                Problem(
                    code="nik.birth_date_mismatch",
                    message="the recorded date of birth differs from the one in the NIK",
                    message_id="tanggal lahir yang tercatat berbeda dengan yang ada dalam NIK",
                )
            )
        if sex is not None and sex is not self.sex:
            out.append(
                Problem(
                    code="nik.sex_mismatch",
                    message="the recorded sex differs from the one encoded in the NIK",
                    message_id="jenis kelamin yang tercatat berbeda dengan yang tersandi dalam NIK",
                )
            )
        return tuple(out)

    # --- forms ---------------------------------------------------------------

    def masked(self) -> str:
        """First 6 and last 4 digits, the rest as ``*`` (region and serial, no birth date)."""
        return self.digits[:6] + "******" + self.digits[12:]

    def __str__(self) -> str:
        return self.digits

    def __repr__(self) -> str:
        return f"Nik('{self.masked()}')"


# ``build`` without its keyword loop, straight through the slot descriptors
# (the attrs class is frozen and slotted): the identifiers' hot path. A
# subclass shares its base's slots.
_NIK_DIGITS = Nik.__dict__["digits"].__set__
_NIK_WARNINGS = Nik.__dict__["warnings"].__set__


def _new_nik(cls: type[_T], digits: str) -> _T:
    obj = object.__new__(cls)
    _NIK_DIGITS(obj, digits)
    _NIK_WARNINGS(obj, ())
    return obj
