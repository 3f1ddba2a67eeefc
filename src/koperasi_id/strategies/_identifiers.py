"""Strategies for the identifiers and region codes (every value is valid and warning-free)."""

from __future__ import annotations

import functools
from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from koperasi_id.bpum import PhoneNumber
from koperasi_id.identifiers import (
    AHU_FIRST_YEAR,
    KBLI_2020_DIVISIONS,
    LEGACY_BH_YEARS,
    BadanHukumForm,
    Kbli,
    KbliVersion,
    Nib,
    Nik,
    Nitku,
    NomorBadanHukum,
    NomorIndukKoperasi,
    NomorKk,
    Npwp,
    NpwpKind,
    Sex,
    luhn_check_digit,
)
from koperasi_id.regions import (
    PROVINCE_CODES,
    RegionCode,
    RegionLevel,
    default_region_table,
)
from koperasi_id.strategies._common import check_date_range, check_enum, check_one_of

__all__ = [
    "draw_adult_nik",
    "kblis",
    "nibs",
    "niks",
    "nitkus",
    "nomor_badan_hukums",
    "nomor_induk_koperasis",
    "nomor_kks",
    "npwps",
    "phone_numbers",
    "regency_codes_of",
    "region_codes",
]

#: Birth dates of adults alive today, unless the caller asks for others.
DEFAULT_BORN_BETWEEN = (date(1940, 1, 1), date(2007, 12, 31))
_NIK_DATES = (date(1900, 1, 1), date(2099, 12, 31))
_PROVINCES = tuple(sorted(PROVINCE_CODES))
_ROMAN = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
    "XVIII",
    "XIX",
    "XX",
)


def _current_regencies() -> dict[str, tuple[str, ...]]:
    table = default_region_table()
    out: dict[str, tuple[str, ...]] = {}
    for code in _PROVINCES:
        children = table.children(code)
        out[code] = tuple(r.code.code[3:5] for r in children)
    return out


_REGENCIES = _current_regencies()


def regency_codes_of(province: str) -> tuple[str, ...]:
    """Two-digit regency/city parts usable under ``province`` without a warning."""
    return _REGENCIES[province]


def _province_arg(province: object) -> str | None:
    if province is None:
        return None
    text = str(province) if isinstance(province, RegionCode) else province
    if not isinstance(text, str) or text not in PROVINCE_CODES:
        raise InvalidArgument(
            f"province must be a Kemendagri province code such as '18' (Lampung), got {province!r}"
        )
    return text


def _provinces(province: str | None) -> st.SearchStrategy[str]:
    return st.just(province) if province is not None else st.sampled_from(_PROVINCES)


def _regencies(pp: str | None) -> tuple[str, ...]:
    """Dotted regency/city codes (``"18.71"``) of ``pp``, or of every province."""
    provinces = _PROVINCES if pp is None else (pp,)
    return tuple(f"{p}.{k}" for p in provinces for k in regency_codes_of(p))


def _district_codes(pp: str | None) -> tuple[str, ...]:
    """Dotted current district codes (``"18.71.01"``) of ``pp``, or of every province."""
    table = default_region_table()
    return tuple(d.code.code for r in _regencies(pp) for d in table.children(r))


@functools.cache
def _districts(province: str | None) -> st.SearchStrategy[str]:
    """``PPKKCC``: a current district of the shipped table (in ``province``)."""
    return st.sampled_from(tuple(d.replace(".", "") for d in _district_codes(province)))


def niks(
    *,
    province: str | None = None,
    sex: Sex | str | None = None,
    born_between: tuple[date, date] | None = None,
) -> st.SearchStrategy[Nik]:
    """Valid, synthetic NIKs without warnings.

    ``province``: a Kemendagri province code (``"18"``); regencies come from the
    shipped region table where it lists them. ``sex``: :class:`~koperasi_id.identifiers.Sex` (or its
    value) encoded in the day of birth (+40 for women). ``born_between``: the
    inclusive range of birth dates (default 1940-01-01 to 2007-12-31).
    """
    pp = _province_arg(province)
    wanted = check_enum("sex", sex, Sex)
    first, last = (
        DEFAULT_BORN_BETWEEN
        if born_between is None
        else check_date_range("born_between", born_between, low=_NIK_DATES[0], high=_NIK_DATES[1])
    )
    return _niks(pp, wanted, first, last)


@functools.lru_cache(maxsize=512)  # keyed by dates: bounded
def _niks(pp: str | None, sex: Sex | None, first: date, last: date) -> st.SearchStrategy[Nik]:
    sexes = st.just(sex) if sex is not None else st.sampled_from(Sex)
    return st.builds(_nik, _districts(pp), st.dates(first, last), sexes, _SERIALS)


_SERIALS = st.integers(1, 9999)
_SEXES = st.sampled_from(Sex)
_DAYS_OF_LIFE = st.integers(0, 55 * 366)


def draw_adult_nik(draw: st.DrawFn, on: date, *, min_age: int = 17) -> Nik:
    """Inside a composite: a NIK of someone at least ``min_age`` on ``on`` (at most 55 years older).

    Draws only shared, prebuilt strategies, so it costs no strategy construction
    per example (composites that build strategies per draw are slow).
    """
    latest = date(on.year - min_age, on.month, 28 if (on.month, on.day) == (2, 29) else on.day)
    born = max(latest - timedelta(days=draw(_DAYS_OF_LIFE)), _NIK_DATES[0])
    return _nik(draw(_districts(None)), born, draw(_SEXES), draw(_SERIALS))


def _nik(district: str, born: date, sex: Sex, serial: int) -> Nik:
    day = born.day + (40 if sex is Sex.FEMALE else 0)
    return Nik.parse(f"{district}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}")


def nomor_kks(*, province: str | None = None) -> st.SearchStrategy[NomorKk]:
    """Family card numbers: district of issue, issue date (2000-2025), serial."""
    return _nomor_kks(_province_arg(province))


@functools.cache
def _nomor_kks(pp: str | None) -> st.SearchStrategy[NomorKk]:
    return st.builds(
        lambda district, issued, serial: NomorKk.parse(
            f"{district}{issued.day:02d}{issued.month:02d}{issued.year % 100:02d}{serial:04d}"
        ),
        _districts(pp),
        st.dates(date(2000, 1, 1), date(2025, 12, 31)),
        st.integers(1, 9999),
    )


def _legacy_npwp(body: str, office: int, branch: int) -> Npwp:
    return Npwp.parse(f"{body}{luhn_check_digit(body)}{office:03d}{branch:03d}")


def npwps(*, form: NpwpKind | str | None = None) -> st.SearchStrategy[Npwp]:
    """NPWPs in the 16-digit canonical form.

    ``form``: :attr:`~koperasi_id.identifiers.NpwpKind.LEGACY` (``0`` + the 15-digit NPWP with a valid
    Luhn digit, tax office and branch), :attr:`~koperasi_id.identifiers.NpwpKind.NIK` (a resident's NIK)
    or ``None`` for both.
    """
    return _npwps(check_enum("form", form, NpwpKind))


@functools.cache
def _npwps(kind: NpwpKind | None) -> st.SearchStrategy[Npwp]:
    legacy = st.builds(
        _legacy_npwp,
        st.integers(0, 99_999_999).map(lambda n: f"{n:08d}"),
        st.integers(1, 999),
        st.one_of(st.just(0), st.integers(1, 999)),
    )
    from_nik = niks().map(lambda nik: Npwp.parse(str(nik)))
    if kind is NpwpKind.LEGACY:
        return legacy
    if kind is NpwpKind.NIK:
        return from_nik
    return st.one_of(legacy, from_nik)


def nitkus(
    *, form: NpwpKind | str | None = None, head_office: bool | None = None
) -> st.SearchStrategy[Nitku]:
    """NITKUs: an NPWP of ``form`` and a place number (``000000`` is the head office)."""
    npwp = npwps(form=form)
    if head_office is not None and type(head_office) is not bool:
        raise InvalidArgument(f"head_office must be True, False or None, got {head_office!r}")
    places = {
        True: st.just(0),
        False: st.integers(1, 999),
        None: st.one_of(st.just(0), st.integers(1, 999)),
    }[head_office]
    return st.builds(lambda n, p: Nitku.parse(f"{n}{p:06d}"), npwp, places)


def nibs() -> st.SearchStrategy[Nib]:
    """13-digit NIBs (OSS publishes no structure, so any 13 digits; most start with 0, 1 or 9)."""
    return _NIBS


_NIBS = st.builds(
    lambda head, rest: Nib.parse(f"{head}{rest:012d}"),
    st.sampled_from("0912"),
    st.integers(0, 10**12 - 1),
)


_SECTIONS = tuple(sorted(set(KBLI_2020_DIVISIONS.values())))


def kblis(
    *, version: KbliVersion | str | None = None, section: str | None = None
) -> st.SearchStrategy[Kbli]:
    """5-digit KBLI codes; KBLI 2020 codes start with a real division (of ``section``, if given).

    ``version`` defaults to KBLI 2020; other editions are checked by format
    only, so any five digits are drawn. ``section`` (a letter from ``"A"`` to ``"U"``) needs
    KBLI 2020.
    """
    edition = check_enum("version", version, KbliVersion) or KbliVersion.KBLI_2020
    if section is not None:
        check_one_of("section", section, _SECTIONS)
        if edition is not KbliVersion.KBLI_2020:
            raise InvalidArgument("section is known for KBLI 2020 only")
    if edition is not KbliVersion.KBLI_2020:
        return st.builds(lambda n: Kbli.parse(f"{n:05d}", version=edition), st.integers(0, 99_999))
    divisions = sorted(d for d, s in KBLI_2020_DIVISIONS.items() if section in (None, s))
    return st.builds(
        lambda d, rest: Kbli.parse(f"{d}{rest:03d}"),
        st.sampled_from(divisions),
        st.integers(0, 999),
    )


def region_codes(
    *,
    level: RegionLevel | str | None = None,
    province: str | None = None,
) -> st.SearchStrategy[RegionCode]:
    """Current Kemendagri region codes at ``level`` (default: regency/city), in ``province``.

    Regencies, cities and districts come from the shipped national table;
    villages (``1xxx`` kelurahan, ``2xxx`` desa) are synthetic below them.
    """
    return _region_codes(
        check_enum("level", level, RegionLevel) or RegionLevel.REGENCY, _province_arg(province)
    )


@functools.cache
def _region_codes(depth: RegionLevel, pp: str | None) -> st.SearchStrategy[RegionCode]:
    if depth is RegionLevel.PROVINCE:
        return _provinces(pp).map(RegionCode.parse)
    regencies = st.sampled_from(_regencies(pp))
    if depth is RegionLevel.REGENCY:
        return regencies.map(RegionCode.parse)
    districts = st.sampled_from(_district_codes(pp))
    if depth is RegionLevel.DISTRICT:
        return districts.map(RegionCode.parse)
    return st.builds(
        lambda d, kind, n: RegionCode.parse(f"{d}.{kind}{n:03d}"),
        districts,
        st.sampled_from((1, 2)),
        st.integers(1, 30),
    )


def nomor_induk_koperasis(*, province: str | None = None) -> st.SearchStrategy[NomorIndukKoperasi]:
    """16-digit Nomor Induk Koperasi starting with a current regency/city code."""
    return _nomor_induk_koperasis(_province_arg(province))


@functools.cache
def _nomor_induk_koperasis(pp: str | None) -> st.SearchStrategy[NomorIndukKoperasi]:
    return st.builds(
        lambda regency, rest: NomorIndukKoperasi.parse(f"{regency}{rest:012d}"),
        st.sampled_from(tuple(r.replace(".", "") for r in _regencies(pp))),
        st.integers(1, 10**12 - 1),
    )


_AHU_YEARS = (AHU_FIRST_YEAR, 2030)
_LEGACY_YEARS = (LEGACY_BH_YEARS.start, LEGACY_BH_YEARS.stop - 1)


def nomor_badan_hukums(
    *, form: BadanHukumForm | str | None = None, year: int | None = None
) -> st.SearchStrategy[NomorBadanHukum]:
    """Cooperative legal-entity numbers, in the AHU form (2019-2030) or the legacy ``/BH/`` one.

    ``year`` fixes the year of issue and with it the form (AHU from 2019,
    legacy 1945-2019) unless ``form`` says otherwise.
    """
    kind = check_enum("form", form, BadanHukumForm)
    if year is not None:
        if type(year) is not int or not _LEGACY_YEARS[0] <= year <= _AHU_YEARS[1]:
            raise InvalidArgument(f"year must be a whole year from 1945 to 2030, got {year!r}")
        if kind is None:
            kind = BadanHukumForm.AHU if year >= AHU_FIRST_YEAR else BadanHukumForm.LEGACY
        low, high = _AHU_YEARS if kind is BadanHukumForm.AHU else _LEGACY_YEARS
        if not low <= year <= high:
            raise InvalidArgument(f"a {kind.value} number is issued {low}-{high}, not {year}")
    ahu = _ahu_numbers(year)
    legacy = _legacy_numbers(year)
    if kind is BadanHukumForm.AHU:
        return ahu
    if kind is BadanHukumForm.LEGACY:
        return legacy
    return st.one_of(ahu, legacy)


@functools.cache
def _ahu_numbers(year: int | None) -> st.SearchStrategy[NomorBadanHukum]:
    years = st.just(year) if year is not None else st.integers(*_AHU_YEARS)
    return st.builds(
        lambda n, y: NomorBadanHukum.parse(f"AHU-{n:07d}.AH.01.26.TAHUN {y}"),
        st.integers(1, 9_999_999),
        years,
    )


@functools.cache
def _legacy_numbers(year: int | None) -> st.SearchStrategy[NomorBadanHukum]:
    years = st.just(year) if year is not None else st.integers(*_LEGACY_YEARS)
    return st.builds(
        lambda n, office, y: NomorBadanHukum.parse(f"{n}/BH/{office}/{y}"),
        st.integers(1, 9999),
        st.one_of(st.sampled_from(_ROMAN), st.sampled_from(("KDK.7.4", "KWK.7", "DISKOP"))),
        years,
    )


def phone_numbers(*, mobile: bool | None = None) -> st.SearchStrategy[PhoneNumber]:
    """Indonesian mobile (``08xx``) and fixed-line (area code) numbers."""
    if mobile is not None and type(mobile) is not bool:
        raise InvalidArgument(f"mobile must be True, False or None, got {mobile!r}")
    return _phone_numbers(mobile)


@functools.cache
def _phone_numbers(mobile: bool | None) -> st.SearchStrategy[PhoneNumber]:
    cell = st.builds(
        lambda prefix, rest, width: PhoneNumber.parse(f"08{prefix}{rest % 10**width:0{width}d}"),
        st.sampled_from(
            (
                "11",
                "12",
                "13",
                "21",
                "22",
                "52",
                "53",
                "55",
                "56",
                "57",
                "77",
                "78",
                "95",
                "96",
                "97",
                "98",
                "99",
                "31",
                "32",
                "38",
                "81",
                "82",
            )
        ),
        st.integers(0, 10**9 - 1),
        st.integers(6, 9),
    )
    fixed = st.builds(
        lambda area, rest: PhoneNumber.parse(f"0{area}{rest:06d}"),
        st.sampled_from(("21", "22", "31", "721", "725", "729", "541", "967")),
        st.integers(100_000, 999_999),
    )
    if mobile is True:
        return cell
    if mobile is False:
        return fixed
    return st.one_of(cell, fixed)
