"""Strategies for the parts of a cooperative: founders, board, RAT and activity records, year ends.

:func:`~koperasi_id.strategies.cooperatives` (in ``_cooperatives``) draws a
whole cooperative from these, with a history shaped to its activity status.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from koperasi_id.cooperatives import (
    BoardMember,
    BoardPosition,
    BoardTerm,
    BusinessActivity,
    CooperativeForm,
    CooperativeKind,
    Founder,
    Organ,
    Principle,
    RatRecord,
    SavingsLoanProfile,
    YearEnd,
)
from koperasi_id.identifiers import Nik, NomorBadanHukum
from koperasi_id.strategies._common import check_bool_or_none, check_date, check_enum, person_names
from koperasi_id.strategies._identifiers import draw_adult_nik, nomor_badan_hukums

__all__ = [
    "board_members",
    "board_terms",
    "business_activities",
    "founders",
    "rat_records",
    "savings_loan_profiles",
    "year_ends",
]

#: Deeds are approved from the first full year of UU 25/1992 ...
FIRST_DEED = date(1993, 1, 1)
#: ... to the last day a legal-entity number can carry (AHU numbers to 2030).
LAST_DEED = date(2030, 12, 31)

_DECEMBER_31 = YearEnd(12, 31)
_OTHER_YEAR_ENDS = (YearEnd(6, 30), YearEnd(3, 31), YearEnd(9, 30))
_NAME_WORDS = (
    "Maju Bersama",
    "Sejahtera",
    "Makmur",
    "Karya Mandiri",
    "Tani Jaya",
    "Bina Usaha",
    "Sumber Rejeki",
    "Harapan Baru",
    "Mitra Usaha",
    "Sinar Lampung",
    "Tunas Muda",
    "Gotong Royong",
    "Nelayan Sejahtera",
    "Kopi Lestari",
    "Lada Hitam",
    "Amanah",
    "Al-Ikhlas",
    "Pelita",
    "Bahari",
    "Sawit Jaya",
    "Wanita Mandiri",
    "Karyawan Sehati",
)
_KIND_PREFIX = {
    CooperativeKind.SAVINGS_AND_LOAN: "Koperasi Simpan Pinjam",
    CooperativeKind.CONSUMER: "Koperasi Konsumen",
    CooperativeKind.PRODUCER: "Koperasi Produsen",
    CooperativeKind.MARKETING: "Koperasi Pemasaran",
    CooperativeKind.SERVICES: "Koperasi Jasa",
}


def year_ends() -> st.SearchStrategy[YearEnd]:
    """Fiscal year ends: 31 December, another quarter end, or any day 1-28 of a month."""
    return _YEAR_ENDS


@st.composite
def _adult_niks(draw: st.DrawFn, on: date) -> Nik:
    return draw_adult_nik(draw, on)


_PERSON_NAMES = person_names()
_YEAR_ENDS = st.one_of(
    st.just(_DECEMBER_31),
    st.sampled_from(_OTHER_YEAR_ENDS),
    st.builds(YearEnd.of, st.integers(1, 12), st.integers(1, 28)),
)
_BOOLEANS = st.booleans()


def _distinct_people(draw: st.DrawFn, count: int, on: date) -> list[tuple[Nik, str]]:
    """``count`` adults with distinct NIKs (a clash is simply drawn again)."""
    people: dict[str, tuple[Nik, str]] = {}
    while len(people) < count:
        nik = draw_adult_nik(draw, on)
        people.setdefault(str(nik), (nik, draw(_PERSON_NAMES)))
    return list(people.values())


def founders(
    *, person: bool | None = None, founded_on: date | None = None
) -> st.SearchStrategy[Founder]:
    """Founders: persons (by NIK, adults on ``founded_on``) or cooperatives (by legal-entity number)."""
    check_bool_or_none("person", person)
    day = check_date("founded_on", founded_on) or date(2015, 1, 1)
    people = st.builds(Founder, name=person_names(), nik=_adult_niks(day))
    coops = st.builds(Founder, name=_MEMBER_COOP_NAMES, legal_entity_number=_numbers_before(day))
    if person is True:
        return people
    if person is False:
        return coops
    return st.one_of(people, coops)


@functools.lru_cache(maxsize=512)  # keyed by dates: bounded
def _numbers_before(day: date) -> st.SearchStrategy[NomorBadanHukum]:
    last = min(day.year, LAST_DEED.year)
    return st.integers(max(1945, last - 30), last).flatmap(lambda y: nomor_badan_hukums(year=y))


def board_members(
    *, position: BoardPosition | str | None = None, on: date | None = None
) -> st.SearchStrategy[BoardMember]:
    """Members of a pengurus/pengawas: adult persons who are members of the cooperative."""
    seat = check_enum("position", position, BoardPosition)
    day = check_date("on", on) or date(2015, 1, 1)
    return st.builds(
        BoardMember,
        nik=_adult_niks(day),
        name=person_names(),
        position=st.just(seat) if seat is not None else st.sampled_from(BoardPosition),
        is_member=st.just(True),
    )


def board_terms(
    *, organ: Organ | str | None = None, started_on: date | None = None
) -> st.SearchStrategy[BoardTerm]:
    """Terms of up to 5 years with 1-5 members (distinct NIKs) of the pengurus, pengawas or DPS."""
    which = check_enum("organ", organ, Organ)
    if which is Organ.MEMBERS_MEETING:
        raise InvalidArgument("the members' meeting (rapat_anggota) has no term")
    organs = (
        st.just(which)
        if which is not None
        else st.sampled_from((Organ.BOARD, Organ.SUPERVISORS, Organ.SHARIA_SUPERVISORY_BOARD))
    )
    day = check_date("started_on", started_on)
    starts = st.just(day) if day is not None else st.dates(FIRST_DEED, LAST_DEED)
    return _term(organs, starts)


_POSITIONS = st.sampled_from(BoardPosition)


@st.composite
def _term(
    draw: st.DrawFn, organs: st.SearchStrategy[Organ], starts: st.SearchStrategy[date]
) -> BoardTerm:
    start = draw(starts)
    people = _distinct_people(draw, draw(st.integers(1, 5)), start)
    return BoardTerm(
        organ=draw(organs),
        started_on=start,
        ends_on=start + relativedelta(years=draw(st.integers(1, 5))) - timedelta(days=1),
        members=tuple(
            BoardMember(nik=nik, name=name, position=draw(_POSITIONS)) for nik, name in people
        ),
    )


def rat_records(
    *, fiscal_year: int | None = None, year_end: YearEnd | None = None
) -> st.SearchStrategy[RatRecord]:
    """RAT records: held within a year after the fiscal year ended (or missed), reported or not."""
    if fiscal_year is not None and (
        type(fiscal_year) is not int or not 1993 <= fiscal_year <= 2098
    ):
        raise InvalidArgument(f"fiscal_year must be a year from 1993 to 2098, got {fiscal_year!r}")
    if year_end is not None and not isinstance(year_end, YearEnd):
        raise InvalidArgument(f"year_end must be a YearEnd, got {year_end!r}")
    end = year_end or _DECEMBER_31
    years = st.just(fiscal_year) if fiscal_year is not None else st.integers(1993, 2030)
    return years.flatmap(lambda y: _rat(y, end, None))


def _rat(year: int, end: YearEnd, held_by: date | None) -> st.SearchStrategy[RatRecord]:
    return st.composite(lambda draw: _draw_rat(draw, year, end, held_by))()


def _draw_rat(draw: st.DrawFn, year: int, end: YearEnd, held_by: date | None) -> RatRecord:
    """A RAT held within a year after the fiscal year closed (and by ``held_by``), or missed."""
    closed = end.in_year(year)
    span = 365 if held_by is None else min(365, (held_by - closed).days)
    if span < 1 or not draw(st.integers(0, 5)):
        return RatRecord(fiscal_year=year, held_on=None)
    held = closed + timedelta(days=draw(st.integers(1, span)))
    return RatRecord(fiscal_year=year, held_on=held, reported=draw(_BOOLEANS))


def business_activities(*, fiscal_year: int | None = None) -> st.SearchStrategy[BusinessActivity]:
    """Business-activity records; a positive turnover only with real business."""
    if fiscal_year is not None and (
        type(fiscal_year) is not int or not 1993 <= fiscal_year <= 2098
    ):
        raise InvalidArgument(f"fiscal_year must be a year from 1993 to 2098, got {fiscal_year!r}")
    years = st.just(fiscal_year) if fiscal_year is not None else st.integers(1993, 2030)
    return years.flatmap(_activity)


def _activity(year: int) -> st.SearchStrategy[BusinessActivity]:
    return st.composite(lambda draw: _draw_activity(draw, year))()


_TURNOVERS = st.none() | st.integers(0, 50_000_000_000).map(Decimal)
_IDLE_TURNOVERS = st.sampled_from((None, Decimal(0)))


def _draw_activity(draw: st.DrawFn, year: int) -> BusinessActivity:
    real = draw(_BOOLEANS)
    return BusinessActivity(
        fiscal_year=year,
        has_real_business=real,
        turnover=draw(_TURNOVERS if real else _IDLE_TURNOVERS),
    )


def savings_loan_profiles() -> st.SearchStrategy[SavingsLoanProfile]:
    """What a savings-and-loan unit does; bank funding only with its total assets."""
    flags = {
        name: st.booleans()
        for name in (
            "collects_from_non_members",
            "collects_from_prospective_members",
            "collects_from_other_cooperatives_members",
            "lends_to_non_members",
            "lends_to_prospective_members",
            "lends_to_other_cooperatives_members",
            "other_financial_services",
        )
    }
    return st.integers(1, 100_000_000_000).flatmap(
        lambda assets: st.builds(
            SavingsLoanProfile,
            **flags,
            unit_assets=st.just(Decimal(assets)),
            bank_funding=st.integers(0, assets).map(Decimal),
        )
    )


def _name(kind: CooperativeKind, form: CooperativeForm, principle: Principle, words: str) -> str:
    prefix = _KIND_PREFIX[kind]
    if principle is Principle.SHARIA:
        prefix = "KSPPS" if kind is CooperativeKind.SAVINGS_AND_LOAN else prefix + " Syariah"
    if form is CooperativeForm.SECONDARY:
        prefix = "Pusat " + prefix
    return f"{prefix} {words}"


#: Names of primary cooperatives that found a secondary one.
_MEMBER_COOP_NAMES = st.builds(
    _name,
    st.sampled_from(CooperativeKind),
    st.just(CooperativeForm.PRIMARY),
    st.just(Principle.CONVENTIONAL),
    st.sampled_from(_NAME_WORDS),
)
