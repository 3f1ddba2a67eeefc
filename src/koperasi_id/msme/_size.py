"""The four legal size classes of a business (usaha)."""

from __future__ import annotations

import enum

__all__ = ["BusinessSize"]


class BusinessSize(enum.Enum):
    """Size class of a business: UU 20/2008 Pasal 1 and PP 7/2021 Pasal 35.

    Members are ordered: ``MICRO < SMALL < MEDIUM < LARGE``.

    >>> BusinessSize.SMALL.label
    'Usaha Kecil'
    >>> BusinessSize("menengah") > BusinessSize.MICRO
    True
    """

    MICRO = "mikro"
    SMALL = "kecil"
    MEDIUM = "menengah"
    LARGE = "besar"

    @property
    def label(self) -> str:
        """Indonesian display label (``"Usaha Mikro"``...)."""
        return _LABELS[self]

    @property
    def rank(self) -> int:
        """0 for micro up to 3 for large; the order the sizes compare in."""
        return _RANKS[self]

    @property
    def is_umkm(self) -> bool:
        """Whether the class is micro, small or medium (UMKM)."""
        return self is not BusinessSize.LARGE

    @property
    def is_umk(self) -> bool:
        """Whether the class is micro or small (UMK)."""
        return self in (BusinessSize.MICRO, BusinessSize.SMALL)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, BusinessSize):
            return NotImplemented
        return _RANKS[self] < _RANKS[other]

    def __le__(self, other: object) -> bool:
        if not isinstance(other, BusinessSize):
            return NotImplemented
        return _RANKS[self] <= _RANKS[other]

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, BusinessSize):
            return NotImplemented
        return _RANKS[self] > _RANKS[other]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, BusinessSize):
            return NotImplemented
        return _RANKS[self] >= _RANKS[other]


_LABELS = {
    BusinessSize.MICRO: "Usaha Mikro",
    BusinessSize.SMALL: "Usaha Kecil",
    BusinessSize.MEDIUM: "Usaha Menengah",
    BusinessSize.LARGE: "Usaha Besar",
}
_RANKS = {size: rank for rank, size in enumerate(BusinessSize)}
