"""Kemendagri region codes (SKELETON: the identifiers issue completes the data).

A :class:`RegionCode` is the dotted Kemendagri code of a province (``18``),
regency or city (``18.71``), district (``18.71.01``) or village
(``18.71.01.1001``).
"""

from __future__ import annotations

import re
from typing import Self

import attrs

from koperasi_id._values import ValueType
from koperasi_id.errors import ValidationError

__all__ = ["RegionCode"]

_DOTTED = re.compile(r"[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?)?")


@attrs.frozen
class RegionCode(ValueType):
    """A Kemendagri region code, canonical dotted form."""

    kind = "region"
    code: str

    @classmethod
    def parse(cls, raw: object) -> Self:
        if not isinstance(raw, str):
            raise ValidationError.single(
                "region.type", f"expected a region code string, got {type(raw).__name__}"
            )
        text = raw.strip()
        if not _DOTTED.fullmatch(text):
            raise ValidationError.single(
                "region.syntax", f"not a Kemendagri region code like '18.71': {text[:24]!r}"
            )
        return cls(text)

    @property
    def province_code(self) -> str:
        """The two-digit province part (``"18"``)."""
        return self.code[:2]

    @property
    def regency_code(self) -> str | None:
        """The regency/city part (``"18.71"``), or ``None`` for a province code."""
        return self.code[:5] if len(self.code) >= 5 else None

    def __str__(self) -> str:
        return self.code
