"""Indonesian identifiers (SKELETON: the identifiers issue completes the rules).

Every type follows the :class:`~koperasi_id._values.ValueType` contract:
``parse(raw)`` → value or ValidationError, ``is_valid(raw)`` never raises,
``str(value)`` is canonical, ``display()`` is the human form.
"""

from __future__ import annotations

from typing import Self

import attrs

from koperasi_id._values import ValueType, digits_only
from koperasi_id.errors import ValidationError

__all__ = [
    "Kbli",
    "Nib",
    "Nik",
    "Nitku",
    "NomorBadanHukum",
    "NomorIndukKoperasi",
    "NomorKk",
    "Npwp",
]


def _fixed_digits(raw: object, *, kind: str, what: str, length: int, mask: bool = False) -> str:
    digits = digits_only(raw, code_prefix=kind, what=what, mask=mask)
    if len(digits) != length:
        raise ValidationError.single(
            f"{kind}.length", f"a {what} has {length} digits, got {len(digits)}"
        )
    return digits


@attrs.frozen(repr=False)
class Nik(ValueType):
    """Nomor Induk Kependudukan: the 16-digit personal ID number (masked in repr)."""

    kind = "nik"
    digits: str

    @classmethod
    def parse(cls, raw: object) -> Self:
        return cls(_fixed_digits(raw, kind="nik", what="NIK", length=16, mask=True))

    def masked(self) -> str:
        """First 6 and last 4 digits, the rest as ``*``."""
        return self.digits[:6] + "******" + self.digits[-4:]

    def __str__(self) -> str:
        return self.digits

    def __repr__(self) -> str:
        return f"Nik('{self.masked()}')"


@attrs.frozen
class Npwp(ValueType):
    """Taxpayer number, canonical 16 digits."""

    kind = "npwp"
    digits: str

    @classmethod
    def parse(cls, raw: object) -> Self:
        digits = digits_only(raw, code_prefix="npwp", what="NPWP")
        if len(digits) == 15:
            digits = "0" + digits
        if len(digits) != 16:
            raise ValidationError.single("npwp.length", "an NPWP has 15 or 16 digits")
        return cls(digits)

    def __str__(self) -> str:
        return self.digits


@attrs.frozen
class Nitku(ValueType):
    """Nomor Identitas Tempat Kegiatan Usaha: NPWP16 + 6-digit place number."""

    kind = "nitku"
    digits: str

    @classmethod
    def parse(cls, raw: object) -> Self:
        return cls(_fixed_digits(raw, kind="nitku", what="NITKU", length=22))

    def __str__(self) -> str:
        return self.digits


@attrs.frozen
class Nib(ValueType):
    """Nomor Induk Berusaha: 13 digits, kept as a string."""

    kind = "nib"
    digits: str

    @classmethod
    def parse(cls, raw: object) -> Self:
        return cls(_fixed_digits(raw, kind="nib", what="NIB", length=13))

    def __str__(self) -> str:
        return self.digits


@attrs.frozen
class Kbli(ValueType):
    """KBLI 5-digit business classification code."""

    kind = "kbli"
    code: str

    @classmethod
    def parse(cls, raw: object) -> Self:
        return cls(_fixed_digits(raw, kind="kbli", what="KBLI code", length=5))

    def __str__(self) -> str:
        return self.code


@attrs.frozen
class NomorIndukKoperasi(ValueType):
    """Nomor Induk Koperasi (cooperative registration number); provisional rules."""

    kind = "nik_koperasi"
    digits: str

    @classmethod
    def parse(cls, raw: object) -> Self:
        return cls(_fixed_digits(raw, kind="nik_koperasi", what="Nomor Induk Koperasi", length=16))

    def __str__(self) -> str:
        return self.digits


@attrs.frozen
class NomorBadanHukum(ValueType):
    """A cooperative's legal-entity number (AHU form or legacy /BH/ text)."""

    kind = "nomor_badan_hukum"
    text: str

    @classmethod
    def parse(cls, raw: object) -> Self:
        if not isinstance(raw, str) or not raw.strip():
            raise ValidationError.single(
                "nomor_badan_hukum.empty", "a legal-entity number is a non-empty string"
            )
        return cls(raw.strip())

    def __str__(self) -> str:
        return self.text


@attrs.frozen(repr=False)
class NomorKk(ValueType):
    """Nomor Kartu Keluarga (family card number): 16 digits, masked like a NIK."""

    kind = "kk"
    digits: str

    @classmethod
    def parse(cls, raw: object) -> Self:
        return cls(_fixed_digits(raw, kind="kk", what="KK number", length=16, mask=True))

    def masked(self) -> str:
        """First 6 and last 4 digits, the rest as ``*``."""
        return self.digits[:6] + "******" + self.digits[-4:]

    def __str__(self) -> str:
        return self.digits

    def __repr__(self) -> str:
        return f"NomorKk('{self.masked()}')"
