"""Cooperative numbers: Nomor Induk Koperasi and the legal-entity number (private)."""

from __future__ import annotations

import enum
import re
from collections.abc import Collection
from datetime import date
from types import MappingProxyType
from typing import Self

import attrs

from koperasi_id._days import check_day
from koperasi_id._values import ValueType, mask
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.identifiers._common import build, compact_digits, copy_into
from koperasi_id.law import Citation
from koperasi_id.regions import (
    PROVINCE_CODES,
    RegionStatus,
    RegionTable,
    default_region_table,
    regency_range_ok,
)

#: The regulation the Kemenkop NIK portal names as its basis (Confidence LOW-MEDIUM).
NOMOR_INDUK_KOPERASI_LAW = Citation(
    "Permen KUKM 10/Per/M.KUKM/VI/2016", "Pasal 1 angka 9", note="Pendataan Koperasi"
)
#: Legal-entity approval of cooperatives through Kemenkumham's AHU system.
AHU_LAW = Citation("Permenkumham 14/2019", note="Pengesahan Koperasi")

#: Strict length of a Nomor Induk Koperasi (provisional, Confidence LOW).
NIK_KOPERASI_STRICT_LENGTH = 16
#: Lengths accepted by ``lenient=True`` (provisional, Confidence LOW).
NIK_KOPERASI_LENIENT_LENGTHS = range(10, 21)


@attrs.frozen(init=False, repr=False)
class NomorIndukKoperasi(ValueType):
    """Nomor Induk Koperasi, the Kemenkop registration number (**provisional**).

    No source states its length (Confidence LOW): strict mode wants 16 digits
    (:data:`NIK_KOPERASI_STRICT_LENGTH`), ``lenient=True`` accepts 10-20. The
    first four digits look like the regency code of the registering office;
    when they are not a known regency that is only a *warning*. Separators are
    stripped as for every numeric identifier. Not to be confused with a
    person's NIK, the AHU number or the NIB.

    >>> NomorIndukKoperasi.parse("1871050020001234")  # synthetic
    NomorIndukKoperasi('1871050020001234')
    >>> NomorIndukKoperasi.is_valid("187105002000123")
    False
    >>> NomorIndukKoperasi.parse("187105002000123", lenient=True).digits
    '187105002000123'
    """

    kind = "nik_koperasi"
    json_schema = MappingProxyType({"pattern": "^[0-9]{16}$"})
    digits: str
    warnings: tuple[Problem, ...] = attrs.field(eq=False)

    def __init__(self, digits: str) -> None:
        copy_into(self, type(self).parse(digits), ("digits", "warnings"))

    @classmethod
    def parse(
        cls, raw: object, *, lenient: bool = False, regions: RegionTable | None = None
    ) -> Self:
        """Digits of the strict (16) or lenient (10-20) length; region prefix warned."""
        digits = compact_digits(
            raw, kind="nik_koperasi", what="Nomor Induk Koperasi", what_id="Nomor Induk Koperasi"
        )
        if lenient:
            if len(digits) not in NIK_KOPERASI_LENIENT_LENGTHS:
                raise ValidationError.single(
                    "nik_koperasi.length",
                    f"a Nomor Induk Koperasi has 10 to 20 digits (lenient), got {len(digits)}",
                    message_id=f"Nomor Induk Koperasi terdiri dari 10 sampai 20 digit (longgar), diisi {len(digits)}",
                )
        elif len(digits) != NIK_KOPERASI_STRICT_LENGTH:
            raise ValidationError.single(
                "nik_koperasi.length",
                f"a Nomor Induk Koperasi has {NIK_KOPERASI_STRICT_LENGTH} digits (provisional "
                f"rule; pass lenient=True for 10-20), got {len(digits)}",
                message_id=f"Nomor Induk Koperasi terdiri dari {NIK_KOPERASI_STRICT_LENGTH} digit (aturan "
                f"sementara; berikan lenient=True untuk 10-20), diisi {len(digits)}",
            )
        return build(cls, digits=digits, warnings=tuple(_prefix_warnings(digits, regions)))

    @property
    def regency_code(self) -> str:
        """The first four digits as a dotted regency code (``"18.71"``); unverified meaning."""
        return f"{self.digits[:2]}.{self.digits[2:4]}"

    def __str__(self) -> str:
        return self.digits

    def __repr__(self) -> str:
        return f"NomorIndukKoperasi({self.digits!r})"


def _prefix_warnings(digits: str, regions: RegionTable | None) -> list[Problem]:
    pp, kk = digits[:2], digits[2:4]
    unknown = Problem(
        code="nik_koperasi.region_unknown",
        message=f"the first four digits {pp}.{kk} are not a known regency/city code",
        message_id=f"empat digit pertama {pp}.{kk} bukan kode kabupaten/kota yang dikenal",
    )
    if pp not in PROVINCE_CODES or not regency_range_ok(kk):
        return [unknown]
    table = default_region_table() if regions is None else regions
    status = table.status(f"{pp}.{kk}")
    if status is RegionStatus.UNKNOWN:
        return [unknown]
    if status is RegionStatus.RETIRED:
        return [
            Problem(
                code="nik_koperasi.historical_region_code",
                message=f"the first four digits {pp}.{kk} are a retired regency/city code",
                message_id=f"empat digit pertama {pp}.{kk} adalah kode kabupaten/kota yang sudah tidak berlaku",
            )
        ]
    return []


class BadanHukumForm(enum.Enum):
    """Which kind of legal-entity number a cooperative holds."""

    AHU = "ahu"
    """Kemenkumham AHU decision number, since 2019."""
    LEGACY = "lama"
    """Older Kemenkop/Kanwil/Dinas number containing ``/BH/``."""

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return "Nomor AHU" if self is BadanHukumForm.AHU else "Nomor badan hukum lama (/BH/)"


#: AHU segments accepted in strict mode. ``AH.01.26`` appears in every coop
#: sample; that it marks coop establishment is Confidence LOW.
AHU_COOPERATIVE_SEGMENTS: tuple[str, ...] = ("01.26",)
#: First year of AHU numbers for cooperatives (Permenkumham 14/2019).
AHU_FIRST_YEAR = 2019
#: Years a legacy ``/BH/`` number may end in.
LEGACY_BH_YEARS = range(1945, 2020)
_MAX_TEXT = 120

_SPACES = re.compile(r"\s+")
_AHU = re.compile(r"AHU-([0-9]{4,7})\.AH\.([0-9]{2}\.[0-9]{2})\.TAHUN([ -]?)([0-9]{4})")
_AHU_CANONICAL = re.compile(r"AHU-([0-9]{4,7})\.AH\.([0-9]{2}\.[0-9]{2})\.TAHUN ([0-9]{4})")
_LEGACY = re.compile(
    r"(?:NO\.?\s*)?[\w.\-]+(?:/[\w.\-]+)*/BH(?:/[\w.\-]+)+/([0-9]{4})", re.IGNORECASE | re.ASCII
)


@attrs.frozen(init=False, repr=False)
class NomorBadanHukum(ValueType):
    """A cooperative's legal-entity number: the AHU form or a legacy ``/BH/`` number.

    AHU form (since 2019): ``AHU-0001234.AH.01.26.TAHUN 2021``. Case and the
    space or hyphen before the year do not matter; the canonical string is
    upper case with one space. Strict mode wants 7 sequence digits, a segment
    in :data:`AHU_COOPERATIVE_SEGMENTS` and a year from 2019 (rule B2; also
    not after ``reference``'s year when given). ``lenient=True`` accepts 4-7
    digits, any ``AH.nn.nn`` segment and no separator before the year, and
    turns the segment and early-year checks into warnings.

    Legacy numbers (before 2019) follow no grammar: they are kept as free
    text, checked only for ``/BH/`` and a final year from 1945 to 2019.

    >>> n = NomorBadanHukum.parse("ahu-0000007.ah.01.26.tahun-2020")  # synthetic
    >>> str(n), n.form, n.sequence, n.segment, n.year
    ('AHU-0000007.AH.01.26.TAHUN 2020', <BadanHukumForm.AHU: 'ahu'>, '0000007', '01.26', 2020)
    >>> NomorBadanHukum.parse("No. 1234/BH/XIV/1998").year  # synthetic
    1998
    >>> NomorBadanHukum.parse("AHU-0001234.AH.01.26.TAHUN 2015")
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: AHU numbers for cooperatives start in 2019, got 2015 [nomor_badan_hukum.year_before_ahu]
    """

    kind = "nomor_badan_hukum"
    json_schema = MappingProxyType(
        {
            "pattern": r"^(AHU-[0-9]+\.AH\.[0-9]{2}\.[0-9]{2}\.TAHUN [0-9]{4}|\S.*/BH/.*[0-9]{4})$",
            "examples": ["AHU-0000012.AH.01.26.TAHUN 2020", "518/BH/XII/1998"],
        }
    )
    text: str
    form: BadanHukumForm = attrs.field(eq=False)
    raw: str = attrs.field(eq=False)
    warnings: tuple[Problem, ...] = attrs.field(eq=False)

    def __init__(self, text: str) -> None:
        copy_into(self, type(self).parse(text), ("text", "form", "raw", "warnings"))

    @classmethod
    def parse(
        cls,
        raw: object,
        *,
        lenient: bool = False,
        reference: date | None = None,
        ahu_segments: Collection[str] = AHU_COOPERATIVE_SEGMENTS,
    ) -> Self:
        """Recognise the AHU or the legacy form and check it (see the class docstring)."""
        code = "nomor_badan_hukum"
        if reference is not None:
            check_day(reference, "reference")
        if not isinstance(raw, str):
            raise ValidationError.single(
                f"{code}.type",
                f"expected a legal-entity number string, got {type(raw).__name__}",
                message_id=f"nomor badan hukum harus berupa teks, bukan {type(raw).__name__}",
            )
        if len(raw) > _MAX_TEXT:
            raise ValidationError.single(
                f"{code}.length",
                f"a legal-entity number is never {len(raw)} characters long",
                message_id=f"nomor badan hukum tidak pernah sepanjang {len(raw)} karakter",
            )
        if raw.isprintable() and "  " not in raw:
            # No run to fold: every whitespace but the ASCII space is unprintable.
            text = raw.strip()
        else:
            text = _SPACES.sub(" ", raw.replace("\u00a0", " ")).strip()  # B1
        if not text:
            raise ValidationError.single(
                f"{code}.empty",
                "the legal-entity number is empty",
                message_id="nomor badan hukum kosong",
            )
        upper = text.upper()
        if upper.startswith("AHU"):
            canonical, warnings = _check_ahu(upper, lenient, reference, ahu_segments)
            return build(cls, text=canonical, form=BadanHukumForm.AHU, raw=raw, warnings=warnings)
        if "/BH/" in upper:
            _check_legacy(text)
            return build(cls, text=text, form=BadanHukumForm.LEGACY, raw=raw, warnings=())
        raise ValidationError.single(
            f"{code}.format",
            "not an AHU number like 'AHU-0001234.AH.01.26.TAHUN 2021' nor a legacy "
            f"number containing '/BH/': {mask(text, limit=40, quote=True)}",
            message_id="bukan nomor AHU seperti 'AHU-0001234.AH.01.26.TAHUN 2021' dan bukan nomor "
            f"lama yang memuat '/BH/': {mask(text, limit=40, quote=True)}",
        )

    @property
    def sequence(self) -> str | None:
        """The AHU sequence digits, ``None`` for a legacy number."""
        match = _AHU_CANONICAL.fullmatch(self.text)
        return match.group(1) if match else None

    @property
    def segment(self) -> str | None:
        """The AHU segment after ``AH.`` (``"01.26"``), ``None`` for a legacy number."""
        match = _AHU_CANONICAL.fullmatch(self.text)
        return match.group(2) if match else None

    @property
    def year(self) -> int:
        """The year the number was issued (the last four digits)."""
        return int(self.text[-4:])

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"NomorBadanHukum({self.text!r})"


def _check_ahu(
    upper: str, lenient: bool, reference: date | None, segments: Collection[str]
) -> tuple[str, tuple[Problem, ...]]:
    code = "nomor_badan_hukum"
    match = _AHU.fullmatch(upper)
    if match is None or (not lenient and (len(match.group(1)) != 7 or not match.group(3))):
        raise ValidationError.single(
            f"{code}.ahu_format",
            "an AHU number reads 'AHU-0001234.AH.01.26.TAHUN 2021'"
            + ("" if lenient else " (7 digits; lenient=True accepts 4-7)")
            + f", got {mask(upper, limit=40, quote=True)}",
            message_id="nomor AHU ditulis 'AHU-0001234.AH.01.26.TAHUN 2021'"
            + ("" if lenient else " (7 digit; lenient=True menerima 4-7)")
            + f", diisi {mask(upper, limit=40, quote=True)}",
        )
    sequence, segment, _, year_text = match.groups()
    year = int(year_text)
    soft: list[Problem] = []
    hard: list[Problem] = []
    if segment not in segments:
        (soft if lenient else hard).append(
            Problem(
                code=f"{code}.ahu_segment",
                message=f"segment AH.{segment} is not a cooperative approval segment "
                f"({', '.join('AH.' + s for s in segments)})",
                message_id=f"segmen AH.{segment} bukan segmen pengesahan koperasi "
                f"({', '.join('AH.' + s for s in segments)})",
            )
        )
    if year < AHU_FIRST_YEAR:
        (soft if lenient else hard).append(
            Problem(
                code=f"{code}.year_before_ahu",
                message=f"AHU numbers for cooperatives start in {AHU_FIRST_YEAR}, got {year}",
                message_id=f"nomor AHU untuk koperasi dimulai pada {AHU_FIRST_YEAR}, diisi {year}",
            )
        )
    if reference is not None and year > reference.year:
        hard.append(
            Problem(
                code=f"{code}.year_future",
                message=f"year {year} is after the reference date {reference.isoformat()}",
                message_id=f"tahun {year} jatuh sesudah tanggal acuan {reference.isoformat()}",
            )
        )
    if hard:
        raise ValidationError(hard)
    return f"AHU-{sequence}.AH.{segment}.TAHUN {year_text}", tuple(soft)


def _check_legacy(text: str) -> None:
    code = "nomor_badan_hukum"
    match = _LEGACY.fullmatch(text)
    if match is None:
        raise ValidationError.single(
            f"{code}.legacy_format",
            f"a legacy number reads like '123/BH/XVII/1996' and ends in a year, got {mask(text, limit=40, quote=True)}",
            message_id=f"nomor lama ditulis seperti '123/BH/XVII/1996' dan diakhiri tahun, diisi {mask(text, limit=40, quote=True)}",
        )
    if int(match.group(1)) not in LEGACY_BH_YEARS:
        raise ValidationError.single(
            f"{code}.legacy_year",
            f"a legacy /BH/ number ends in a year from 1945 to 2019, got {match.group(1)}",
            message_id=f"nomor /BH/ lama diakhiri tahun 1945 sampai 2019, diisi {match.group(1)}",
        )
