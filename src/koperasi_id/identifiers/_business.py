"""NIB and KBLI (private module)."""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import Self

import attrs

from koperasi_id._values import MAX_RAW_LENGTH, ValueType, mask
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.identifiers._common import build, compact_digits, copy_into, fixed_length
from koperasi_id.law import Citation

#: Every business actor has exactly one NIB, issued through OSS.
NIB_LAW = Citation("PP 28/2025", "Pasal 1 angka 12 dan Pasal 206", note="Perizinan Berusaha")


@attrs.frozen(init=False)
class Nib(ValueType):
    """Nomor Induk Berusaha: 13 digits, kept as a string (leading zeros matter).

    OSS publishes no structure and no check digit (Confidence MEDIUM), so only
    the length and the characters are checked.

    >>> Nib.parse("0220000451127")  # synthetic
    Nib(digits='0220000451127')
    >>> Nib.is_valid("912000000001")
    False
    """

    kind = "nib"
    json_schema = MappingProxyType({"pattern": "^[0-9]{13}$", "examples": ["9120001234567"]})
    digits: str

    def __init__(self, digits: str) -> None:
        copy_into(self, type(self).parse(digits), ("digits",))

    @classmethod
    def parse(cls, raw: object) -> Self:
        """Separators stripped, then exactly 13 ASCII digits."""
        digits = compact_digits(raw, kind="nib", what="NIB", what_id="NIB")
        fixed_length(digits, kind="nib", what="NIB", what_id="NIB", length=13)
        return build(cls, digits=digits)

    def __str__(self) -> str:
        return self.digits


class KbliVersion(enum.Enum):
    """The KBLI edition a code belongs to; codes of different editions differ."""

    KBLI_2015 = "kbli_2015"
    """Perka BPS 95/2015 (jo. 19/2017). Only the 5-digit format is checked."""
    KBLI_2020 = "kbli_2020"
    """Peraturan BPS 2/2020; the edition OSS uses. Divisions and sections checked."""
    KBLI_2025 = "kbli_2025"
    """Peraturan BPS 7/2025; sections changed, so only the format is checked."""

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return "KBLI " + self.value[-4:]

    @property
    def citation(self) -> Citation:
        """The BPS regulation that issued this edition."""
        return _KBLI_LAWS[self]


_KBLI_LAWS = {
    KbliVersion.KBLI_2015: Citation("Peraturan Kepala BPS 95/2015", note="jo. Perka BPS 19/2017"),
    KbliVersion.KBLI_2020: Citation("Peraturan BPS 2/2020"),
    KbliVersion.KBLI_2025: Citation("Peraturan BPS 7/2025"),
}

_SECTION_RANGES = (
    ("A", 1, 3),
    ("B", 5, 9),
    ("C", 10, 33),
    ("D", 35, 35),
    ("E", 36, 39),
    ("F", 41, 43),
    ("G", 45, 47),
    ("H", 49, 53),
    ("I", 55, 56),
    ("J", 58, 63),
    ("K", 64, 66),
    ("L", 68, 68),
    ("M", 69, 75),
    ("N", 77, 82),
    ("O", 84, 84),
    ("P", 85, 85),
    ("Q", 86, 88),
    ("R", 90, 93),
    ("S", 94, 96),
    ("T", 97, 98),
    ("U", 99, 99),
)
#: KBLI 2020 division (golongan pokok, 2 digits) -> section letter (kategori).
#: Division 92 (gambling in ISIC) has no KBLI code in the OSS list.
KBLI_2020_DIVISIONS: Mapping[str, str] = MappingProxyType(
    {
        f"{division:02d}": letter
        for letter, first, last in _SECTION_RANGES
        for division in range(first, last + 1)
        if division != 92
    }
)
_DIVISIONS: dict[KbliVersion, Mapping[str, str]] = {KbliVersion.KBLI_2020: KBLI_2020_DIVISIONS}

#: KBLI 2020 codes for cooperative savings and loans and micro-finance. The
#: order of the sharia codes 64145-64148 mirrors the conventional ones.
COOPERATIVE_FINANCE_KBLI: Mapping[str, str] = MappingProxyType(
    {
        "64141": "Koperasi Simpan Pinjam (KSP) Primer",
        "64142": "Unit Simpan Pinjam Koperasi Primer",
        "64143": "Koperasi Simpan Pinjam (KSP) Sekunder",
        "64144": "Unit Simpan Pinjam Koperasi Sekunder",
        "64145": "Koperasi Simpan Pinjam dan Pembiayaan Syariah (KSPPS) Primer",
        "64146": "Unit Simpan Pinjam dan Pembiayaan Syariah Koperasi Primer",
        "64147": "Koperasi Simpan Pinjam dan Pembiayaan Syariah (KSPPS) Sekunder",
        "64148": "Unit Simpan Pinjam dan Pembiayaan Syariah Koperasi Sekunder",
        "64151": "Lembaga Keuangan Mikro (LKM) Konvensional",
        "64152": "Lembaga Keuangan Mikro Syariah (LKMS)",
    }
)

_VERSIONS_BY_VALUE = {v.value: v for v in KbliVersion}


@attrs.frozen(init=False, repr=False)
class Kbli(ValueType):
    """A 5-digit KBLI code (kelompok) tagged with its edition.

    Rules: K1 five ASCII digits; K2 the first two digits are a division of
    the edition (KBLI 2020 only); K3 with ``known_codes`` the code is in the
    caller's list (no permissively licensed full list exists to ship); K4 a
    ``section`` the caller supplies matches the derived one.

    Canonical string: the digits for KBLI 2020 (the default), otherwise
    ``<digits>@<edition>``, so the edition survives a round trip.

    >>> code = Kbli.parse("47111")
    >>> code.section, code.division, code.version.label
    ('G', '47', 'KBLI 2020')
    >>> str(Kbli.parse("62010", version=KbliVersion.KBLI_2015))
    '62010@kbli_2015'
    >>> Kbli.parse("92000")
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: 92 is not a division (golongan pokok) of KBLI 2020 [kbli.division_unknown]
    """

    kind = "kbli"
    # The edition suffix is written for codes not of KBLI 2020 (``"47111@kbli_2015"``).
    json_schema = MappingProxyType(
        {"pattern": "^[0-9]{5}(@kbli_[0-9]{4})?$", "examples": ["47111", "64141"]}
    )
    code: str
    version: KbliVersion

    def __init__(self, code: str, version: KbliVersion = KbliVersion.KBLI_2020) -> None:
        copy_into(self, type(self).parse(code, version=version), ("code", "version"))

    @classmethod
    def parse(
        cls,
        raw: object,
        *,
        version: KbliVersion | None = None,
        section: str | None = None,
        known_codes: Collection[str] | None = None,
    ) -> Self:
        """Validate a code; ``version`` defaults to the ``@edition`` suffix or KBLI 2020."""
        if isinstance(raw, str) and len(raw) <= MAX_RAW_LENGTH and "@" in raw:
            raw, _, suffix = raw.partition("@")
            tagged = _VERSIONS_BY_VALUE.get(suffix.strip())
            if tagged is None or (version is not None and version is not tagged):
                raise ValidationError.single(
                    "kbli.version",
                    f"unknown or conflicting KBLI edition {mask(suffix, limit=20, quote=True)}; expected one of "
                    + ", ".join(_VERSIONS_BY_VALUE),
                    message_id=f"edisi KBLI {mask(suffix, limit=20, quote=True)} tidak dikenal atau bertentangan; "
                    "harus salah satu dari " + ", ".join(_VERSIONS_BY_VALUE),
                )
            version = tagged
        version = version or KbliVersion.KBLI_2020
        code = compact_digits(raw, kind="kbli", what="KBLI code", what_id="kode KBLI")
        fixed_length(code, kind="kbli", what="KBLI code", what_id="kode KBLI", length=5)  # K1
        problems: list[Problem] = []
        divisions = _DIVISIONS.get(version)
        derived = None
        if divisions is not None:
            derived = divisions.get(code[:2])
            if derived is None:  # K2
                problems.append(
                    Problem(
                        code="kbli.division_unknown",
                        message=f"{code[:2]} is not a division (golongan pokok) of {version.label}",
                        message_id=f"{code[:2]} bukan golongan pokok dalam {version.label}",
                    )
                )
        if known_codes is not None and code not in known_codes:  # K3
            problems.append(
                Problem(
                    code="kbli.not_in_list",
                    message=f"{code} is not in the given {version.label} list",
                    message_id=f"{code} tidak ada dalam daftar {version.label} yang diberikan",
                )
            )
        if section is not None and derived is not None and section.strip().upper() != derived:
            problems.append(  # K4
                Problem(
                    code="kbli.section_mismatch",
                    message=f"{code} is in section {derived}, not {mask(section, limit=3, quote=True)}",
                    message_id=f"{code} termasuk kategori {derived}, bukan {mask(section, limit=3, quote=True)}",
                )
            )
        if problems:
            raise ValidationError(problems)
        return build(cls, code=code, version=version)

    @property
    def section(self) -> str | None:
        """The section letter (kategori A-U), or ``None`` where the edition's table is not shipped."""
        divisions = _DIVISIONS.get(self.version)
        return None if divisions is None else divisions[self.code[:2]]

    @property
    def division(self) -> str:
        """Golongan pokok: the first two digits."""
        return self.code[:2]

    @property
    def group(self) -> str:
        """Golongan: the first three digits."""
        return self.code[:3]

    @property
    def class_code(self) -> str:
        """Subgolongan: the first four digits."""
        return self.code[:4]

    def display(self) -> str:
        """``47111 (KBLI 2020, kategori G)``."""
        section = self.section
        tail = f", kategori {section}" if section else ""
        return f"{self.code} ({self.version.label}{tail})"

    def __str__(self) -> str:
        if self.version is KbliVersion.KBLI_2020:
            return self.code
        return f"{self.code}@{self.version.value}"

    def __repr__(self) -> str:
        return f"Kbli({str(self)!r})"
