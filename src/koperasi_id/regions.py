"""Kemendagri administrative region codes (kode wilayah).

The data follows **Kepmendagri 300.2.2-2430/2025** (amending Kepmendagri
300.2.2-2138/2025: 38 provinces, 514 regencies and cities), under the coding
rules of **Permendagri 58/2021** (Kode, Data Wilayah Administrasi Pemerintahan,
dan Pulau). These are the codes inside every NIK. They are *not* the BPS
statistics codes: the two systems differ for about a third of the regencies
(Kemendagri 18.01 is Lampung Selatan, BPS 1801 is Lampung Barat), and a NIK
must never be read with a BPS table.

Code scheme (:class:`RegionCode`)::

    PP             province          11 .. 96 (38 codes, :data:`PROVINCES`)
    PP.KK          regency or city   kabupaten 01-69, kota 71-99
    PP.KK.CC       district          01-99 (kecamatan)
    PP.KK.CC.NNNN  village           1xxx kelurahan, 2xxx desa, 3xxx desa adat

Codes are retired, never reused. When a province is split the moved regencies
get new codes and the old ones fall out of the list, but every NIK issued
under the old code keeps it for life. A :class:`RegionTable` therefore knows
current *and* retired codes; a retired code is valid with a warning.

The shipped table (:func:`default_region_table`) is national: the 38
provinces, the 514 regencies and cities and the 7,285 districts of the
decree, plus the codes retired since 2016 (the 2022 Papua split: 26
regencies, 594 districts) and by the 2012 Kalimantan Utara split (five
regencies, Confidence LOW). It is built by ``scripts/build_regions.py`` from
the cahyadsn/wilayah transcription; each data file's header names the
commit. Districts are read on first use. An unknown regency is an error, an
unknown district a warning (an error in strict mode).

>>> code = RegionCode.parse("18.71")
>>> code.province_code, code.regency_code, code.is_city
('18', '18.71', True)
>>> lookup("18.71").name
'Kota Bandar Lampung'
>>> province("18").iso_3166_2
'ID-LA'
>>> old = lookup("91.01")
>>> old.status, str(old.successor), str(old.retired_by)
(<RegionStatus.RETIRED: 'tidak_berlaku'>, '93.01', 'UU 14/2022 (Pembentukan Provinsi Papua Selatan)')
"""

from __future__ import annotations

import csv
import enum
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Self, TypeVar

import attrs

from koperasi_id._values import ValueType, masked_excerpt
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.law import Citation, Confidence

__all__ = [
    "CODE_RULES",
    "DECREE",
    "PROVINCES",
    "PROVINCE_CODES",
    "Province",
    "Region",
    "RegionCode",
    "RegionLevel",
    "RegionStatus",
    "RegionTable",
    "default_region_table",
    "lookup",
    "province",
    "regency_range_ok",
]

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
            )
        )
    if kk is not None and not regency_range_ok(kk):
        problems.append(
            Problem(
                code="region.regency_range",
                message=f"regency/city part {kk} is outside 01-69 (kabupaten) and 71-99 (kota)",
            )
        )
    if cc == "00":
        problems.append(Problem(code="region.district_zero", message="district part is 00"))
    if village is not None and village[0] not in "123":
        problems.append(
            Problem(
                code="region.village_kind",
                message=f"village part {village} must start with 1 (kelurahan), 2 (desa) "
                "or 3 (desa adat)",
            )
        )
    return problems


def _split_code(raw: object) -> tuple[str, str | None, str | None, str | None]:
    if not isinstance(raw, str):
        raise ValidationError.single(
            "region.type", f"expected a region code string, got {type(raw).__name__}"
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
        + masked_excerpt(text, 24),
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
        table = default_region_table() if regions is None else regions
        errors, warnings = table.check(code, prefix="region", strict_districts=strict)
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


_C = TypeVar("_C", bound="RegionCode")


def _new(cls: type[_C], code: str, warnings: tuple[Problem, ...]) -> _C:
    # parse has already checked everything: build without running __init__ again.
    obj = object.__new__(cls)
    object.__setattr__(obj, "code", code)
    object.__setattr__(obj, "warnings", warnings)
    return obj


# --- tables -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Region:
    """One row of a region table: a code, its name, and whether it is still used.

    A retired row names its ``successor`` code where there is one and the law
    that ``retired_by`` it (the split). ``confidence`` says how sure the data is
    (the Kalimantan Utara codes retired in 2012-13 are an inference).
    """

    code: RegionCode
    name: str
    status: RegionStatus = RegionStatus.CURRENT
    successor: RegionCode | None = None
    retired_by: Citation | None = None
    confidence: Confidence = Confidence.HIGH

    @property
    def level(self) -> RegionLevel:
        """The row's administrative level."""
        return self.code.level


class RegionTable:
    """Current and retired region codes, with the regions each list covers.

    A table *covers* the children of a region when it holds at least one
    current child of it: a table with one Lampung regency is taken to hold
    all of Lampung's regencies. For a covered region an absent code is
    :attr:`RegionStatus.UNKNOWN`; otherwise :attr:`RegionStatus.NOT_COVERED`.

    What an unknown code is in a NIK or region check: an error at every level
    when ``strict`` (the default of :meth:`from_csv`); an error at regency
    level only when ``strict_regencies`` (the shipped national table: an
    unknown district stays a warning unless the caller asks for strict
    district checks); otherwise a warning.

    The shipped table reads its district list once, on the first question
    that needs it: a caller who never looks below regency level never reads it.

    >>> table = default_region_table()
    >>> table.status("18.71"), table.status("18.99"), table.status("18.71.99")
    (<RegionStatus.CURRENT: 'berlaku'>, <RegionStatus.UNKNOWN: 'tidak_dikenal'>, <RegionStatus.UNKNOWN: 'tidak_dikenal'>)
    >>> [r.name for r in table.children("18")][-2:]
    ['Kota Bandar Lampung', 'Kota Metro']
    """

    __slots__ = (
        "_by_code",
        "_children",
        "_covered",
        "_pending",
        "source",
        "strict",
        "strict_regencies",
    )

    def __init__(
        self,
        regions: Iterable[Region],
        *,
        source: str = "",
        strict: bool = False,
        strict_regencies: bool | None = None,
    ) -> None:
        # A value is a Region, or the trusted CSV cells of one (code, name[, status,
        # successor, retired_by, confidence]) turned into a Region when first asked for.
        self._by_code: dict[str, Region | Sequence[str]] = {}
        self._children: dict[str, list[str]] = {}
        self._covered: set[str] = set()
        for p in PROVINCES:
            self._add(Region(code=_new(RegionCode, p.code, ()), name=p.name))
        self._add_all(regions)
        # The shipped table's district list, read on the first question that needs it.
        self._pending: Callable[[], list[list[str]]] | None = None
        self.source = source
        self.strict = strict
        self.strict_regencies = strict if strict_regencies is None else strict_regencies

    def _add(self, row: Region | Sequence[str]) -> None:
        if isinstance(row, Region):
            code, current = row.code.code, row.status is RegionStatus.CURRENT
        else:
            code, current = row[0], len(row) < 3 or row[2] in ("", RegionStatus.CURRENT.value)
        if code not in self._by_code and len(code) > 2:
            self._children.setdefault(code[: _PARENT_CUT[len(code)]], []).append(code)
        self._by_code[code] = row
        if current and len(code) > 2:
            self._covered.add(code[: _PARENT_CUT[len(code)]])

    def _region(self, code: str) -> Region | None:
        row = self._by_code.get(code)
        if row is None or type(row) is Region:
            return row
        region = _region_from_cells(row)  # type: ignore[arg-type]
        self._by_code[code] = region
        return region

    def _all(self) -> list[Region]:
        self._load()
        return [r for r in map(self._region, sorted(self._by_code)) if r is not None]

    def _add_all(self, regions: Iterable[Region | Sequence[str]]) -> None:
        for region in regions:
            self._add(region)
        for codes in self._children.values():
            codes.sort()

    def _load(self, length: int | None = None) -> None:
        """Read the pending district rows if a code of ``length`` (None: any) may need them."""
        if self._pending is not None and (length is None or length >= 8):
            pending, self._pending = self._pending, None
            self._add_all(pending())

    def __len__(self) -> int:
        self._load()
        return len(self._by_code)

    def __iter__(self) -> Iterator[Region]:
        return iter(self._all())

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str | RegionCode):
            return False
        text = str(code)
        self._load(len(text))
        return text in self._by_code

    def __repr__(self) -> str:
        return (
            f"RegionTable({len(self)} codes, source={self.source!r}, strict={self.strict}, "
            f"strict_regencies={self.strict_regencies})"
        )

    def get(self, code: str | RegionCode) -> Region | None:
        """The row for a dotted code, or ``None``."""
        text = code if type(code) is str else str(code)
        if self._pending is not None and len(text) >= 8:
            self._load()
        row = self._by_code.get(text)
        if row is None or type(row) is Region:
            return row  # the hot path: one dict look-up, no call
        return self._region(text)

    def covers(self, code: str | RegionCode) -> bool:
        """Whether the table lists the siblings of ``code`` (so absence means unknown)."""
        text = code if type(code) is str else str(code)
        if len(text) == 2:
            return True
        if self._pending is not None and len(text) >= 8:
            self._load()
        return text[: _PARENT_CUT.get(len(text), 0)] in self._covered

    def status(self, code: str | RegionCode) -> RegionStatus:
        """Current, retired, unknown, or not covered by this table."""
        text = code if type(code) is str else str(code)
        region = self.get(text)
        if region is not None:
            return region.status
        return RegionStatus.UNKNOWN if self.covers(text) else RegionStatus.NOT_COVERED

    def children(self, code: str | RegionCode, *, retired: bool = False) -> tuple[Region, ...]:
        """The rows one level below ``code`` (current only unless ``retired``), in code order."""
        parent = str(code)
        self._load(len(parent) + 3)
        rows = [self._region(c) for c in self._children.get(parent, ())]
        return tuple(
            r for r in rows if r is not None and (retired or r.status is RegionStatus.CURRENT)
        )

    def retired(self) -> tuple[Region, ...]:
        """Every retired row, in code order."""
        return tuple(r for r in self if r.status is RegionStatus.RETIRED)

    def problems(self, code: str, *, prefix: str) -> list[Problem]:
        """Problems with a structurally valid dotted regency/district code.

        A retired code gives ``<prefix>.historical_region_code`` (always a
        warning: a NIK keeps the code it was issued under); a code absent from
        a covered list gives ``<prefix>.region_unknown``. :meth:`check` sorts
        them into errors and warnings.
        """
        return [problem for _, problem in self._found(code, prefix)]

    def check(
        self, code: str, *, prefix: str, strict_districts: bool = False
    ) -> tuple[list[Problem], list[Problem]]:
        """(errors, warnings) for a structurally valid dotted regency/district code.

        An unknown regency is an error when the table is :attr:`strict` or
        :attr:`strict_regencies`; an unknown district when the table is
        :attr:`strict` or the caller passes ``strict_districts``. A retired
        code is always a warning.

        >>> table = default_region_table()
        >>> [p.code for p in table.check("18.71.99", prefix="nik")[1]]
        ['nik.region_unknown']
        >>> [p.code for p in table.check("18.71.99", prefix="nik", strict_districts=True)[0]]
        ['nik.region_unknown']
        >>> [p.code for p in table.check("18.99.01", prefix="nik")[0]]
        ['nik.region_unknown']
        """
        errors: list[Problem] = []
        warnings: list[Problem] = []
        for level_length, problem in self._found(code, prefix):
            unknown = problem.code == f"{prefix}.region_unknown"
            strict_here = self.strict or (
                self.strict_regencies if level_length == 5 else strict_districts
            )
            (errors if unknown and strict_here else warnings).append(problem)
        return errors, warnings

    def _found(self, code: str, prefix: str) -> Iterator[tuple[int, Problem]]:
        retired_above = False
        for cut in (5, 8):
            if len(code) < cut:
                return
            part = code[:cut]
            region = self.get(part)
            if region is not None:
                # One warning per code: the districts of a retired regency are retired too.
                if region.status is RegionStatus.RETIRED and not retired_above:
                    retired_above = True
                    successor = f", now {region.successor}" if region.successor else ""
                    yield (
                        cut,
                        Problem(
                            code=f"{prefix}.historical_region_code",
                            message=f"region {part} ({region.name}) is a retired code"
                            f"{successor}; still valid for numbers issued before",
                        ),
                    )
                continue
            if self.covers(part):
                yield (
                    cut,
                    Problem(
                        code=f"{prefix}.region_unknown",
                        message=f"region {part} is not in the region table ({self.source})",
                    ),
                )
            return

    def merged(self, other: RegionTable, *, strict: bool | None = None) -> RegionTable:
        """A new table with ``other``'s rows added (``other`` wins on the same code)."""
        return RegionTable(
            [*self._all(), *other._all()],
            source=f"{self.source} + {other.source}",
            strict=self.strict if strict is None else strict,
            strict_regencies=self.strict_regencies if strict is None else strict,
        )

    @classmethod
    def from_rows(
        cls, rows: Iterable[Mapping[str, str]], *, source: str = "rows", strict: bool = True
    ) -> RegionTable:
        """Build a table from mappings with the CSV columns (see :meth:`from_csv`)."""
        regions: list[Region] = []
        problems: list[Problem] = []
        for index, row in enumerate(rows):
            try:
                regions.append(_region_from_row(row))
            except ValidationError as err:
                problems.extend(err.under(f"$[{index}]").problems)
        if problems:
            raise ValidationError(problems)
        return cls(regions, source=source, strict=strict)

    @classmethod
    def from_csv(
        cls,
        path: str | os.PathLike[str],
        *,
        strict: bool = True,
        with_shipped_retired: bool = True,
        encoding: str = "utf-8-sig",
    ) -> RegionTable:
        """Load a region list from a CSV file; region checks against it are strict.

        Format: a header row, then one row per code. Required columns ``code``
        (dotted ``18.71.01`` or compact ``187101``) and ``name``. Optional
        columns: ``status`` (``berlaku``, the default, or ``tidak_berlaku``),
        ``successor`` (the new code of a retired one), ``retired_by`` (the
        instrument, e.g. ``UU 14/2022``) and ``confidence`` (``H``, ``M`` or
        ``L``; default ``H``). cahyadsn/wilayah's ``kode,nama`` export works
        after renaming the header to ``code,name``.

        A current list alone would reject every NIK issued under a code
        retired by a split, so the shipped retired codes are merged in unless
        ``with_shipped_retired=False``. Errors name the row as ``$[n]`` (the
        first data row is ``$[0]``).
        """
        with open(path, newline="", encoding=encoding) as handle:
            table = cls.from_rows(csv.DictReader(handle), source=os.fspath(path), strict=strict)
        if with_shipped_retired:
            table = RegionTable(
                [*default_region_table().retired(), *table._all()],
                source=table.source,
                strict=strict,
            )
        return table


_CONFIDENCE_BY_LETTER = {c.value: c for c in Confidence}


def _region_from_row(row: Mapping[str, str]) -> Region:
    problems: list[Problem] = []
    code = name = None
    try:
        code = RegionCode.parse((row.get("code") or "").strip(), regions=_EMPTY_TABLE)
    except ValidationError as err:
        problems.extend(p.under("$.code") for p in err.problems)
    name = (row.get("name") or "").strip()
    if not name:
        problems.append(Problem(path="$.name", code="region.name", message="name is empty"))
    status_text = (row.get("status") or "berlaku").strip()
    try:
        status = RegionStatus(status_text)
    except ValueError:
        status = RegionStatus.CURRENT
        problems.append(
            Problem(
                path="$.status",
                code="region.status",
                message=f"status must be 'berlaku' or 'tidak_berlaku', got {status_text[:20]!r}",
            )
        )
    successor = None
    successor_text = (row.get("successor") or "").strip()
    if successor_text:
        try:
            successor = RegionCode.parse(successor_text, regions=_EMPTY_TABLE)
        except ValidationError as err:
            problems.extend(p.under("$.successor") for p in err.problems)
    confidence_text = (row.get("confidence") or "H").strip()
    confidence = _CONFIDENCE_BY_LETTER.get(confidence_text)
    if confidence is None:
        problems.append(
            Problem(path="$.confidence", code="region.confidence", message="use H, M or L")
        )
    retired_text = (row.get("retired_by") or "").strip()
    if problems:
        raise ValidationError(problems)
    assert code is not None
    assert confidence is not None
    retired_by = _SPLITS.get(retired_text, Citation(retired_text)) if retired_text else None
    return Region(
        code=code,
        name=name,
        status=status,
        successor=successor,
        retired_by=retired_by,
        confidence=confidence,
    )


_EMPTY_TABLE = RegionTable((), source="none")


#: The shipped data files (built by scripts/build_regions.py; see their ``#`` headers).
REGENCY_FILE = "_data/regions_kemendagri.csv"
_COLUMNS = ["code", "name", "status", "successor", "retired_by", "confidence"]
DISTRICT_FILE = "_data/regions_kemendagri_kecamatan.csv"


def shipped_rows(name: str) -> list[dict[str, str]]:
    """The data rows of a shipped CSV file as mappings (``#`` header lines skipped)."""
    text = resources.files("koperasi_id").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


def _cells(name: str) -> list[list[str]]:
    # The shipped files are checked row by row by the tests (from_rows); at
    # run time they are split into cells only, and a row becomes a Region when
    # it is first asked for, which keeps the first district look-up cheap.
    text = resources.files("koperasi_id").joinpath(name).read_text(encoding="utf-8")
    reader = csv.reader(line for line in text.splitlines() if line and line[0] != "#")
    if next(reader) != _COLUMNS:
        raise ValueError(f"{name}: unexpected header")
    return list(reader)


def _region_from_cells(cells: Sequence[str]) -> Region:
    if len(cells) == 2:  # a current row: every other column takes its default
        return Region(code=_new(RegionCode, cells[0], ()), name=cells[1])
    code, name, status, successor, retired_by, confidence = (*cells, "", "", "", "")[:6]
    return Region(
        code=_new(RegionCode, code, ()),
        name=name,
        status=RegionStatus(status or RegionStatus.CURRENT.value),
        successor=_new(RegionCode, successor, ()) if successor else None,
        retired_by=_SPLITS.get(retired_by, Citation(retired_by)) if retired_by else None,
        confidence=_CONFIDENCE_BY_LETTER[confidence or "H"],
    )


@functools.cache
def default_region_table() -> RegionTable:
    """The shipped national table; see the module docstring.

    Regencies and cities are read on the first call, districts on the first
    question about a district code. An unknown regency is an error
    (:attr:`RegionTable.strict_regencies`), an unknown district a warning.
    """
    table = RegionTable(
        [_region_from_cells(cells) for cells in _cells(REGENCY_FILE)],
        source=DECREE.instrument,
        strict=False,
        strict_regencies=True,
    )
    table._pending = functools.partial(_cells, DISTRICT_FILE)
    return table


def lookup(code: str | RegionCode, *, regions: RegionTable | None = None) -> Region | None:
    """The row for a dotted code in ``regions`` (default: the shipped table), or ``None``.

    >>> lookup("31.71").name
    'Kota Administrasi Jakarta Pusat'
    """
    return (default_region_table() if regions is None else regions).get(code)
