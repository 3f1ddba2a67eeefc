"""NPWP and NITKU (private module)."""

from __future__ import annotations

import enum
from types import MappingProxyType
from typing import Self

import attrs

from koperasi_id._values import ValueType
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.identifiers._common import build, compact_digits, copy_into, fixed_length
from koperasi_id.identifiers._nik import Nik, nik_problems
from koperasi_id.law import Citation
from koperasi_id.regions import RegionTable

#: NIK as NPWP for residents; ``0`` + 15 digits for everyone else.
NPWP16_LAW = Citation("PMK 112/PMK.03/2022", note="NPWP 16 digit; jo. PMK 136/2023")
#: NITKU = NPWP16 + a 6-digit place number.
NITKU_RULE = Citation("PER-6/PJ/2024", "Pasal 1")


def luhn_check_digit(body: str) -> str:
    """The Luhn (mod 10) digit that completes ``body`` (ASCII digits).

    The NPWP check digit (digit 9) is this over digits 1-8:

    >>> luhn_check_digit("01234567")
    '4'
    """
    total = 0
    for index, char in enumerate(reversed(body)):
        value = ord(char) - 48
        if index % 2 == 0:  # the rightmost body digit sits next to the check digit
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def _luhn_ok(digits: str) -> bool:
    return luhn_check_digit(digits[:-1]) == digits[-1]


class NpwpKind(enum.Enum):
    """Which of the two 16-digit forms an NPWP takes (PMK 112/PMK.03/2022)."""

    LEGACY = "npwp_15"
    """``0`` + the 15-digit NPWP: entities, non-residents, government (Luhn checked)."""
    NIK = "nik"
    """A resident individual's NIK used as NPWP (NIK rules, no Luhn)."""

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return "NPWP 15 digit (awalan 0)" if self is NpwpKind.LEGACY else "NIK sebagai NPWP"


def _npwp16(
    digits: str, *, lenient: bool, regions: RegionTable | None
) -> tuple[list[Problem], list[Problem]]:
    """Rules P2-P4 on a 16-digit form: (errors, warnings)."""
    if digits[0] != "0":  # P4: a NIK, never Luhn (Odoo's bug, PR #153612)
        return nik_problems(digits, regions)
    if _luhn_ok(digits[1:10]):  # P3 (P2 after the 0 is added)
        return [], []
    problem = Problem(
        code="npwp.checksum",
        message="the check digit (digit 9 of the 15-digit form) does not match digits 1-8 (Luhn)",
        message_id="digit pemeriksa (digit ke-9 bentuk 15 digit) tidak cocok dengan digit 1-8 (Luhn)",
    )
    return ([], [problem]) if lenient else ([problem], [])


@attrs.frozen(init=False, repr=False)
class Npwp(ValueType):
    """Taxpayer number (NPWP), canonical 16 digits.

    Accepts the legacy 15 digits (``01.234.567.4-123.000``; digits 1-9 pass
    Luhn), ``0`` + 15 (Luhn), or a 16-digit NIK (all NIK rules, no Luhn).
    ``lenient=True`` downgrades a Luhn failure to the warning
    ``npwp.checksum`` for legacy imports where a person vouched for the number.

    >>> npwp = Npwp.parse("01.234.567.4-123.000")  # synthetic
    >>> str(npwp), npwp.display(), npwp.npwp_kind
    ('0012345674123000', '01.234.567.4-123.000', <NpwpKind.LEGACY: 'npwp_15'>)
    >>> Npwp.parse("1801041508850003")  # synthetic NIK, masked like one
    Npwp('180104******0003')
    >>> Npwp.is_valid("01.234.567.5-123.000")
    False
    >>> Npwp.parse("01.234.567.5-123.000", lenient=True).warnings[0].code
    'npwp.checksum'
    """

    kind = "npwp"
    json_schema = MappingProxyType({"pattern": "^[0-9]{16}$", "examples": ["0012345674123000"]})
    digits: str
    warnings: tuple[Problem, ...] = attrs.field(eq=False)

    def __init__(self, digits: str) -> None:
        copy_into(self, type(self).parse(digits), ("digits", "warnings"))

    @classmethod
    def parse(
        cls, raw: object, *, lenient: bool = False, regions: RegionTable | None = None
    ) -> Self:
        """Validate ``raw``; ``regions`` is passed to the NIK rules of a NIK-NPWP."""
        digits = compact_digits(raw, kind="npwp", what="NPWP", what_id="NPWP", hide=True)
        if len(digits) == 15:
            digits = "0" + digits
        elif len(digits) != 16:
            raise ValidationError.single(
                "npwp.length",
                f"an NPWP has 15 or 16 digits, got {len(digits)}",
                message_id=f"NPWP terdiri dari 15 atau 16 digit, diisi {len(digits)}",
            )
        errors, warnings = _npwp16(digits, lenient=lenient, regions=regions)
        if errors:
            raise ValidationError(errors)
        return build(cls, digits=digits, warnings=tuple(warnings))

    @property
    def npwp_kind(self) -> NpwpKind:
        """Legacy (``0`` + 15) or a NIK."""
        return NpwpKind.LEGACY if self.digits[0] == "0" else NpwpKind.NIK

    @property
    def legacy_digits(self) -> str | None:
        """The 15-digit form, or ``None`` for a NIK-NPWP."""
        return self.digits[1:] if self.digits[0] == "0" else None

    @property
    def nik(self) -> Nik | None:
        """The NIK of a NIK-NPWP, else ``None``.

        Built from the digits ``parse`` checked with the NIK rules, against the
        region table it was given: parsing them again against the shipped
        table would refuse a region only the caller's table knows.
        """
        if self.digits[0] == "0":
            return None
        return build(Nik, digits=self.digits, warnings=self.warnings)

    @property
    def tax_office_code(self) -> str | None:
        """The KPP (tax office) code, digits 10-12 of the 15-digit form."""
        return self.digits[10:13] if self.digits[0] == "0" else None

    @property
    def branch_code(self) -> str | None:
        """Digits 13-15 of the 15-digit form: ``000`` head office or single taxpayer."""
        return self.digits[13:] if self.digits[0] == "0" else None

    def display(self) -> str:
        """The dotted legacy form for ``0`` + 15, plain 16 digits for a NIK (rule P5)."""
        d = self.digits
        if d[0] != "0":
            return d
        return f"{d[1:3]}.{d[3:6]}.{d[6:9]}.{d[9]}-{d[10:13]}.{d[13:]}"

    def __str__(self) -> str:
        return self.digits

    def __repr__(self) -> str:
        d = self.digits
        shown = d if d[0] == "0" else d[:6] + "******" + d[12:]
        return f"Npwp('{shown}')"


@attrs.frozen(init=False, repr=False)
class Nitku(ValueType):
    """Nomor Identitas Tempat Kegiatan Usaha: NPWP16 + a 6-digit place number.

    The first 16 digits follow the NPWP rules; ``000000`` is the head office,
    ``000001`` the first branch (PER-6/PJ/2024; Confidence MEDIUM).

    >>> nitku = Nitku.parse("0012345674123000000001")  # synthetic
    >>> nitku.npwp.display(), nitku.place_number, nitku.is_head_office
    ('01.234.567.4-123.000', '000001', False)
    """

    kind = "nitku"
    json_schema = MappingProxyType({"pattern": "^[0-9]{22}$"})
    digits: str
    warnings: tuple[Problem, ...] = attrs.field(eq=False)

    def __init__(self, digits: str) -> None:
        copy_into(self, type(self).parse(digits), ("digits", "warnings"))

    @classmethod
    def parse(
        cls, raw: object, *, lenient: bool = False, regions: RegionTable | None = None
    ) -> Self:
        """22 digits whose first 16 pass the NPWP rules (``lenient`` as for NPWP)."""
        digits = compact_digits(raw, kind="nitku", what="NITKU", what_id="NITKU", hide=True)
        fixed_length(digits, kind="nitku", what="NITKU", what_id="NITKU", length=22)
        errors, warnings = _npwp16(digits[:16], lenient=lenient, regions=regions)
        if errors:
            raise ValidationError(errors)
        return build(cls, digits=digits, warnings=tuple(warnings))

    @property
    def npwp(self) -> Npwp:
        """The taxpayer's NPWP16."""
        return build(Npwp, digits=self.digits[:16], warnings=self.warnings)

    @property
    def place_number(self) -> str:
        """The last six digits."""
        return self.digits[16:]

    @property
    def is_head_office(self) -> bool:
        """Whether the place number is ``000000``."""
        return self.digits[16:] == "000000"

    def __str__(self) -> str:
        return self.digits

    def __repr__(self) -> str:
        head = self.digits[:16]
        shown = head if head[0] == "0" else head[:6] + "******" + head[12:]
        return f"Nitku('{shown}{self.digits[16:]}')"
