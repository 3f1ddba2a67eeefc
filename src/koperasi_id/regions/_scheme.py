"""The code scheme: levels, statuses, the 38 provinces and :class:`RegionCode` (private)."""

from __future__ import annotations

import enum
import re
from types import MappingProxyType
from typing import TYPE_CHECKING, Self, TypeVar

import attrs

from koperasi_id._values import ValueType, mask
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.law import Citation

if TYPE_CHECKING:
    from koperasi_id.regions._table import RegionTable

#: The decree the shipped data follows.
DECREE = Citation(
    "Kepmendagri 300.2.2-2430/2025",
    note="perubahan atas Kepmendagri 300.2.2-2138/2025; 38 provinsi, 514 kabupaten/kota",
)
#: The regulation that fixes the code scheme.
CODE_RULES = Citation(
    "Permendagri 58/2021",
    note="Kode, Data Wilayah Administrasi Pemerintahan, dan Pulau",
)


class RegionLevel(enum.Enum):
    """The four administrative levels a code can name."""

    PROVINCE = "provinsi"
    REGENCY = "kabupaten_kota"
    DISTRICT = "kecamatan"
    VILLAGE = "desa_kelurahan"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    RegionLevel.PROVINCE: "Provinsi",
    RegionLevel.REGENCY: "Kabupaten/Kota",
    RegionLevel.DISTRICT: "Kecamatan",
    RegionLevel.VILLAGE: "Desa/Kelurahan",
}


class RegionStatus(enum.Enum):
    """What a :class:`RegionTable` knows about a code."""

    CURRENT = "berlaku"
    RETIRED = "tidak_berlaku"
    UNKNOWN = "tidak_dikenal"
    """The table lists this level for the parent region, and the code is not in it."""
    NOT_COVERED = "tidak_tercakup"
    """The table has no list for the parent region, so it cannot say."""

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    RegionStatus.CURRENT: "berlaku",
    RegionStatus.RETIRED: "tidak berlaku lagi (kode lama)",
    RegionStatus.UNKNOWN: "tidak dikenal",
    RegionStatus.NOT_COVERED: "tidak tercakup data",
}


@attrs.frozen(kw_only=True)
class Province:
    """One of the 38 provinces: Kemendagri code, name, ISO 3166-2 code.

    ``regencies`` and ``cities`` are the counts of kabupaten and kota in the
    decree. ``bps_code`` is set only where the statistics agency's code differs
    and has been verified (Papua, Papua Barat): a warning, not a feature.
    """

    code: str
    name: str
    iso_3166_2: str
    regencies: int
    cities: int
    formed_by: Citation | None = None
    aliases: tuple[str, ...] = ()
    bps_code: str | None = None


def _formed(law: str, what: str) -> Citation:
    return Citation(law, note=f"Pembentukan Provinsi {what}")


_P = Province
#: The 38 provinces in Kemendagri code order (Kepmendagri 300.2.2-2430/2025;
#: ISO 3166-2 codes from iso-codes as shipped in pycountry 26.2.16).
PROVINCES: tuple[Province, ...] = (
    _P(code="11", name="Aceh", iso_3166_2="ID-AC", regencies=18, cities=5),
    _P(code="12", name="Sumatera Utara", iso_3166_2="ID-SU", regencies=25, cities=8),
    _P(code="13", name="Sumatera Barat", iso_3166_2="ID-SB", regencies=12, cities=7),
    _P(code="14", name="Riau", iso_3166_2="ID-RI", regencies=10, cities=2),
    _P(code="15", name="Jambi", iso_3166_2="ID-JA", regencies=9, cities=2),
    _P(code="16", name="Sumatera Selatan", iso_3166_2="ID-SS", regencies=13, cities=4),
    _P(code="17", name="Bengkulu", iso_3166_2="ID-BE", regencies=9, cities=1),
    _P(code="18", name="Lampung", iso_3166_2="ID-LA", regencies=13, cities=2),
    _P(code="19", name="Kepulauan Bangka Belitung", iso_3166_2="ID-BB", regencies=6, cities=1),
    _P(code="21", name="Kepulauan Riau", iso_3166_2="ID-KR", regencies=5, cities=2),
    _P(
        code="31",
        name="Daerah Khusus Ibukota Jakarta",
        iso_3166_2="ID-JK",
        regencies=1,
        cities=5,
        # UU 2/2024 renames it once the capital moves; the code stays 31.
        aliases=("Daerah Khusus Jakarta", "DKI Jakarta", "Jakarta"),
    ),
    _P(code="32", name="Jawa Barat", iso_3166_2="ID-JB", regencies=18, cities=9),
    _P(code="33", name="Jawa Tengah", iso_3166_2="ID-JT", regencies=29, cities=6),
    _P(
        code="34",
        name="Daerah Istimewa Yogyakarta",
        iso_3166_2="ID-YO",
        regencies=4,
        cities=1,
        aliases=("DI Yogyakarta", "Yogyakarta"),
    ),
    _P(code="35", name="Jawa Timur", iso_3166_2="ID-JI", regencies=29, cities=9),
    _P(code="36", name="Banten", iso_3166_2="ID-BT", regencies=4, cities=4),
    _P(code="51", name="Bali", iso_3166_2="ID-BA", regencies=8, cities=1),
    _P(code="52", name="Nusa Tenggara Barat", iso_3166_2="ID-NB", regencies=8, cities=2),
    _P(code="53", name="Nusa Tenggara Timur", iso_3166_2="ID-NT", regencies=21, cities=1),
    _P(code="61", name="Kalimantan Barat", iso_3166_2="ID-KB", regencies=12, cities=2),
    _P(code="62", name="Kalimantan Tengah", iso_3166_2="ID-KT", regencies=13, cities=1),
    _P(code="63", name="Kalimantan Selatan", iso_3166_2="ID-KS", regencies=11, cities=2),
    _P(code="64", name="Kalimantan Timur", iso_3166_2="ID-KI", regencies=7, cities=3),
    _P(
        code="65",
        name="Kalimantan Utara",
        iso_3166_2="ID-KU",
        regencies=4,
        cities=1,
        formed_by=_formed("UU 20/2012", "Kalimantan Utara"),
    ),
    _P(code="71", name="Sulawesi Utara", iso_3166_2="ID-SA", regencies=11, cities=4),
    _P(code="72", name="Sulawesi Tengah", iso_3166_2="ID-ST", regencies=12, cities=1),
    _P(code="73", name="Sulawesi Selatan", iso_3166_2="ID-SN", regencies=21, cities=3),
    _P(code="74", name="Sulawesi Tenggara", iso_3166_2="ID-SG", regencies=15, cities=2),
    _P(code="75", name="Gorontalo", iso_3166_2="ID-GO", regencies=5, cities=1),
    _P(code="76", name="Sulawesi Barat", iso_3166_2="ID-SR", regencies=6, cities=0),
    _P(code="81", name="Maluku", iso_3166_2="ID-MA", regencies=9, cities=2),
    _P(code="82", name="Maluku Utara", iso_3166_2="ID-MU", regencies=8, cities=2),
    _P(code="91", name="Papua", iso_3166_2="ID-PA", regencies=8, cities=1, bps_code="94"),
    _P(code="92", name="Papua Barat", iso_3166_2="ID-PB", regencies=7, cities=0, bps_code="91"),
    _P(
        code="93",
        name="Papua Selatan",
        iso_3166_2="ID-PS",
        regencies=4,
        cities=0,
        formed_by=_formed("UU 14/2022", "Papua Selatan"),
    ),
    _P(
        code="94",
        name="Papua Tengah",
        iso_3166_2="ID-PT",
        regencies=8,
        cities=0,
        formed_by=_formed("UU 15/2022", "Papua Tengah"),
    ),
    _P(
        code="95",
        name="Papua Pegunungan",
        iso_3166_2="ID-PE",
        regencies=8,
        cities=0,
        formed_by=_formed("UU 16/2022", "Papua Pegunungan"),
    ),
    _P(
        code="96",
        name="Papua Barat Daya",
        iso_3166_2="ID-PD",
        regencies=5,
        cities=1,
        formed_by=_formed("UU 29/2022", "Papua Barat Daya"),
    ),
)
del _P

_PROVINCES_BY_CODE: dict[str, Province] = {p.code: p for p in PROVINCES}
#: The 38 province codes (rule S1 of the NIK).
PROVINCE_CODES: frozenset[str] = frozenset(_PROVINCES_BY_CODE)

#: The laws whose splits retired codes, keyed by the instrument named in data.
_SPLITS: dict[str, Citation] = {
    p.formed_by.instrument: p.formed_by for p in PROVINCES if p.formed_by is not None
}


def province(code: str) -> Province | None:
    """The province with this two-digit Kemendagri code, or ``None``.

    >>> province("65").name
    'Kalimantan Utara'
    >>> province("99") is None
    True
    """
    return _PROVINCES_BY_CODE.get(code)


# --- the code itself --------------------------------------------------------

_DOTTED = re.compile(r"([0-9]{2})(?:\.([0-9]{2})(?:\.([0-9]{2})(?:\.([0-9]{4}))?)?)?")
_COMPACT_LENGTHS = {2: 1, 4: 2, 6: 3, 10: 4}
# Far longer than any region code, with room for the spaces around one.
_MAX_RAW = 64
_NOT_REGENCY = frozenset({"00", "70"})


def regency_range_ok(kk: str) -> bool:
    """Whether a two-digit regency/city part is in 01-69 (kabupaten) or 71-99 (kota)."""
    return kk not in _NOT_REGENCY


def _code_problems(pp: str, kk: str | None, cc: str | None, village: str | None) -> list[Problem]:
    problems: list[Problem] = []
    if pp not in PROVINCE_CODES:
        problems.append(
            Problem(
                code="region.province_unknown",
                message=f"{pp} is not one of the 38 Kemendagri province codes",
                message_id=f"{pp} bukan salah satu dari 38 kode provinsi Kemendagri",
            )
        )
    if kk is not None and not regency_range_ok(kk):
        problems.append(
            Problem(
                code="region.regency_range",
                message=f"regency/city part {kk} is outside 01-69 (kabupaten) and 71-99 (kota)",
                message_id=f"bagian kabupaten/kota {kk} di luar 01-69 (kabupaten) dan 71-99 (kota)",
            )
        )
    if cc == "00":
        problems.append(
            Problem(
                code="region.district_zero",
                message="district part is 00",
                message_id="bagian kecamatan bernilai 00",
            )
        )
    if village is not None and village[0] not in "123":
        problems.append(
            Problem(
                code="region.village_kind",
                message=f"village part {village} must start with 1 (kelurahan), 2 (desa) "
                "or 3 (desa adat)",
                message_id=f"bagian desa/kelurahan {village} harus diawali 1 (kelurahan), 2 (desa) "
                "atau 3 (desa adat)",
            )
        )
    return problems


def _split_code(raw: object) -> tuple[str, str | None, str | None, str | None]:
    if not isinstance(raw, str):
        raise ValidationError.single(
            "region.type",
            f"expected a region code string, got {type(raw).__name__}",
            message_id=f"kode wilayah harus berupa teks, bukan {type(raw).__name__}",
        )
    if len(raw) > _MAX_RAW:
        # Refused unread: neither stripped nor scanned for the mask.
        raise ValidationError.single(
            "region.syntax",
            f"a region code is never more than {_MAX_RAW} characters long",
            message_id=f"kode wilayah tidak pernah lebih dari {_MAX_RAW} karakter",
        )
    text = raw.strip()
    if len(text) <= 13:
        match = _DOTTED.fullmatch(text)
        if match is not None:
            pp, kk, cc, village = match.groups()
            return pp, kk, cc, village
        if text.isascii() and text.isdigit() and len(text) in _COMPACT_LENGTHS:
            return (
                text[:2],
                text[2:4] or None,
                text[4:6] or None,
                text[6:10] or None,
            )
    raise ValidationError.single(
        "region.syntax",
        "not a Kemendagri region code like '18', '18.71', '18.71.01' or '18.71.01.1001': "
        + mask(text, limit=24, quote=True),
        message_id="bukan kode wilayah Kemendagri seperti '18', '18.71', '18.71.01' atau '18.71.01.1001': "
        + mask(text, limit=24, quote=True),
    )


@attrs.frozen(init=False)
class RegionCode(ValueType):
    """A Kemendagri region code; canonical form dotted (``18.71.01``).

    ``parse`` accepts the dotted form or the compact digits (``187101``, as
    inside a NIK), checks the scheme (province exists, kabupaten 01-69 / kota
    71-99, district not 00, village kind digit) and notes in ``warnings`` a
    code that the shipped table knows as retired or does not know.

    >>> RegionCode.parse("187101")
    RegionCode('18.71.01')
    >>> RegionCode.parse("18.70")
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: regency/city part 70 is outside ...
    >>> RegionCode.parse("91.01").warnings[0].code
    'region.historical_region_code'
    """

    kind = "region"
    json_schema = MappingProxyType(
        {
            "pattern": r"^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$",
            "examples": ["18", "18.71", "18.71.01", "18.71.01.1001"],
        }
    )
    code: str
    warnings: tuple[Problem, ...] = attrs.field(eq=False, repr=False)

    def __init__(self, code: str) -> None:
        parsed = type(self).parse(code)
        object.__setattr__(self, "code", parsed.code)
        object.__setattr__(self, "warnings", parsed.warnings)

    @classmethod
    def parse(
        cls, raw: object, *, regions: RegionTable | None = None, strict: bool = False
    ) -> Self:
        """Check the code's scheme and look it up in ``regions`` (default: the shipped table).

        An unknown regency is an error with the shipped table; an unknown
        district is a warning, or an error with ``strict``. With a strict
        table (:meth:`RegionTable.from_csv`) every unknown code is an error.
        A retired code is always a warning.
        """
        pp, kk, cc, village = _split_code(raw)
        problems = _code_problems(pp, kk, cc, village)
        if problems:
            raise ValidationError(problems)
        code = ".".join(part for part in (pp, kk, cc, village) if part is not None)
        if kk is None:
            return _new(cls, code, ())
        if regions is None:
            # The shipped table is built from RegionCode values: imported here, not above.
            from koperasi_id.regions._shipped import default_region_table  # noqa: PLC0415

            regions = default_region_table()
        errors, warnings = regions.check(code, prefix="region", strict_districts=strict)
        if errors:
            raise ValidationError(errors)
        return _new(cls, code, tuple(warnings))

    @property
    def level(self) -> RegionLevel:
        """Province, regency/city, district or village."""
        return _LEVELS_BY_LENGTH[len(self.code)]

    @property
    def province_code(self) -> str:
        """The two-digit province part (``"18"``)."""
        return self.code[:2]

    @property
    def regency_code(self) -> str | None:
        """The regency/city part (``"18.71"``), or ``None`` for a province code."""
        return self.code[:5] if len(self.code) >= 5 else None

    @property
    def district_code(self) -> str | None:
        """The district part (``"18.71.01"``), or ``None`` above district level."""
        return self.code[:8] if len(self.code) >= 8 else None

    @property
    def is_city(self) -> bool | None:
        """``True`` for a kota (71-99), ``False`` for a kabupaten, ``None`` for a province."""
        return None if len(self.code) < 5 else self.code[3] >= "7"

    @property
    def parent(self) -> RegionCode | None:
        """The code one level up, or ``None`` for a province."""
        if len(self.code) == 2:
            return None
        return _new(type(self), self.code[: _PARENT_CUT[len(self.code)]], ())

    @property
    def province(self) -> Province:
        """The province this code lies in."""
        return _PROVINCES_BY_CODE[self.code[:2]]

    @property
    def compact(self) -> str:
        """The digits without dots, as inside a NIK (``"187101"``)."""
        return self.code.replace(".", "")

    def __str__(self) -> str:
        return self.code

    def __repr__(self) -> str:
        return f"RegionCode({self.code!r})"


#: Length of a dotted code -> length of its parent's code.
_PARENT_CUT = {5: 2, 8: 5, 13: 8}
_LEVELS_BY_LENGTH = {
    2: RegionLevel.PROVINCE,
    5: RegionLevel.REGENCY,
    8: RegionLevel.DISTRICT,
    13: RegionLevel.VILLAGE,
}


def new_region_code(code: str, warnings: tuple[Problem, ...] = ()) -> RegionCode:
    """A :class:`RegionCode` of a dotted code already checked by the caller (private)."""
    return _new(RegionCode, code, warnings)


_C = TypeVar("_C", bound="RegionCode")


def _new(cls: type[_C], code: str, warnings: tuple[Problem, ...]) -> _C:
    # parse has already checked everything: build without running __init__ again.
    obj = object.__new__(cls)
    object.__setattr__(obj, "code", code)
    object.__setattr__(obj, "warnings", warnings)
    return obj
