"""Strategies for whole cooperatives (``koperasi_id.cooperatives``), active or not on a day.

Their parts (founders, board terms, RAT and activity records, year ends) are
drawn by ``_cooperative_parts``.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from koperasi_id.cooperatives import (
    BoardMember,
    BoardPosition,
    BoardTerm,
    BusinessMode,
    Cooperative,
    CooperativeForm,
    CooperativeKind,
    Founder,
    LegalStatus,
    MembershipArea,
    Organ,
    Principle,
    RatRecord,
    YearEnd,
    founder_minimum,
    latest_due_fiscal_year,
    rat_deadline,
)
from koperasi_id.identifiers import AHU_FIRST_YEAR, NomorBadanHukum
from koperasi_id.strategies._common import (
    check_bool_or_none,
    check_date,
    check_enum,
)
from koperasi_id.strategies._cooperative_parts import (
    _BOOLEANS,
    _MEMBER_COOP_NAMES,
    _NAME_WORDS,
    _YEAR_ENDS,
    FIRST_DEED,
    LAST_DEED,
    _distinct_people,
    _draw_activity,
    _draw_rat,
    _name,
    _numbers_before,
)
from koperasi_id.strategies._identifiers import (
    nibs,
    nomor_badan_hukums,
    nomor_induk_koperasis,
    region_codes,
)

__all__ = ["cooperatives"]

#: The earliest ``as_of``: every RAT deadline the activity rule looks back at
#: must fall under UU 25/1992 (in force 21 Oct 1992).
FIRST_AS_OF = date(1995, 1, 1)
#: UU 25/1992 in force: no founding meeting is drawn before it.
_UU_25_1992 = date(1992, 10, 21)
#: Inactive through missed RATs needs this many years between deed and ``as_of``
#: (a full 3-year window of due fiscal years after the first one).
_YEARS_FOR_FULL_WINDOW = 6

_STAKEHOLDERS = ("petani", "pekerja", "konsumen", "pemodal", "pengelola", "pemasok")
_TERM_ORGANS = (Organ.BOARD, Organ.SUPERVISORS)
_BOARD_SEATS = (BoardPosition.CHAIR, BoardPosition.SECRETARY, BoardPosition.TREASURER)
_SUPERVISOR_SEATS = (BoardPosition.CHAIR, BoardPosition.MEMBER, BoardPosition.MEMBER)
_ONE_IN_FIVE = st.integers(0, 4)


def cooperatives(
    *,
    kind: CooperativeKind | str | None = None,
    form: CooperativeForm | str | None = None,
    active: bool | None = None,
    as_of: date | None = None,
) -> st.SearchStrategy[Cooperative]:
    """Valid :class:`~koperasi_id.cooperatives.Cooperative` records with a realistic history.

    ``kind`` and ``form`` (members or their values) fix the jenis and bentuk.
    With ``as_of`` (from 1995) the deed is approved on or before it (from 1993) and the
    RAT history runs up to it; ``active=True``/``False`` then makes
    :func:`~koperasi_id.cooperatives.activity_status` (default rule: 3 fiscal
    years, unreported RATs missed) say aktif / tidak aktif on ``as_of``.
    An inactive one either missed (or never reported) every RAT of a full
    window, or was dissolved on or before ``as_of``. ``active`` needs
    ``as_of``.
    """
    jenis = check_enum("kind", kind, CooperativeKind)
    bentuk = check_enum("form", form, CooperativeForm)
    wanted = check_bool_or_none("active", active)
    day = check_date("as_of", as_of)
    if wanted is not None and day is None:
        raise InvalidArgument("active= needs as_of=: a cooperative is active or not on a date")
    if day is not None and day < FIRST_AS_OF:
        raise InvalidArgument(f"as_of must be on or after {FIRST_AS_OF}, got {day}")
    return _cooperative(jenis, bentuk, wanted, day)


@st.composite
def _cooperative(
    draw: st.DrawFn,
    kind: CooperativeKind | None,
    form: CooperativeForm | None,
    active: bool | None,
    as_of: date | None,
) -> Cooperative:
    kind = kind or draw(st.sampled_from(CooperativeKind))
    form = form or draw(st.sampled_from(CooperativeForm))
    principle = draw(st.sampled_from(Principle))
    year_end = draw(_YEAR_ENDS)
    dissolve = False
    if as_of is None:
        deed = draw(st.dates(FIRST_DEED, LAST_DEED - timedelta(days=365)))
        horizon = min(deed + relativedelta(years=draw(st.integers(0, 15))), LAST_DEED)
        dissolve = draw(st.integers(0, 9)) == 0
    else:
        latest_deed = min(as_of, LAST_DEED)
        if active is False:
            full_window_deed = date(as_of.year - _YEARS_FOR_FULL_WINDOW, 12, 31)
            dissolve = full_window_deed < FIRST_DEED or draw(st.integers(0, 3)) == 0
            if not dissolve:
                latest_deed = min(latest_deed, full_window_deed)
        deed = draw(st.dates(max(FIRST_DEED, as_of - relativedelta(years=30)), latest_deed))
        horizon = as_of
    first_year = deed.year if deed <= year_end.in_year(deed.year) else deed.year + 1

    dissolved_on = None
    if dissolve:
        last = horizon if as_of is not None else min(deed + relativedelta(years=25), LAST_DEED)
        dissolved_on = draw(st.dates(deed, max(deed, last)))
        horizon = min(horizon, dissolved_on)

    rats = draw(_history(year_end, first_year, horizon, as_of, active if not dissolve else None))
    last_year = max([first_year - 1, *(r.fiscal_year for r in rats)])
    activity_years = draw(
        st.lists(st.integers(first_year, max(first_year, last_year)), unique=True, max_size=5)
    )
    activities = tuple(_draw_activity(draw, y) for y in sorted(activity_years))
    founded_on = draw(
        st.none() | st.integers(0, 365).map(lambda d: max(deed - timedelta(days=d), _UU_25_1992))
    )
    founding = founded_on or deed
    minimum = founder_minimum(form, as_of=founding)
    founders_: list[Founder] = []
    if draw(_BOOLEANS):
        count = draw(st.integers(minimum, minimum + 6))
        if form is CooperativeForm.PRIMARY:
            founders_ = [
                Founder(name=name, nik=nik) for nik, name in _distinct_people(draw, count, founding)
            ]
        else:
            members: dict[NomorBadanHukum, None] = {}
            while len(members) < count:
                members.setdefault(draw(_numbers_before(founding)))
            founders_ = [
                Founder(name=draw(_MEMBER_COOP_NAMES), legal_entity_number=n) for n in members
            ]
    terms = _draw_terms(draw, deed, principle)
    region = draw(region_codes())
    multi = draw(st.integers(0, 9)) == 0
    groups = draw(
        st.lists(st.sampled_from(_STAKEHOLDERS), min_size=2, max_size=4, unique=True)
        if multi
        else st.just([])
    )
    numbers = [draw(nomor_badan_hukums(year=min(deed.year, LAST_DEED.year)))]
    if deed.year < AHU_FIRST_YEAR <= horizon.year and draw(st.booleans()):
        amended = draw(st.integers(AHU_FIRST_YEAR, min(horizon.year, LAST_DEED.year)))
        numbers.append(draw(nomor_badan_hukums(year=amended)))
    name = _name(kind, form, principle, draw(st.sampled_from(_NAME_WORDS)))
    if multi:
        name = name.replace("Koperasi", "Koperasi Multi Pihak", 1)
    return Cooperative(
        name=name,
        legal_entity_numbers=tuple(numbers),
        deed_approved_on=deed,
        form=form,
        kind=kind,
        region=region,
        membership_area=draw(st.sampled_from(MembershipArea)),
        member_count=draw(st.integers(len(founders_) or 20, 5000)),
        mode=draw(st.sampled_from(BusinessMode)),
        principle=principle,
        nomor_induk=draw(st.none() | nomor_induk_koperasis(province=region.province_code)),
        nib=draw(st.none() | nibs()),
        founded_on=founded_on,
        founders=tuple(founders_),
        fiscal_year_end=year_end,
        board_terms=terms,
        rat_records=rats,
        business_activities=activities,
        multi_stakeholder=multi,
        stakeholder_groups=tuple(groups),
        legal_status=LegalStatus.DISSOLVED
        if dissolved_on is not None
        else LegalStatus.LEGAL_ENTITY,
        dissolved_on=dissolved_on,
    )


@st.composite
def _history(  # noqa: PLR0917 - a composite's arguments are positional
    draw: st.DrawFn,
    year_end: YearEnd,
    first_year: int,
    horizon: date,
    as_of: date | None,
    active: bool | None,
) -> tuple[RatRecord, ...]:
    """RAT records from the first fiscal year up to ``horizon``, shaped by ``active``."""
    years = [y for y in range(first_year, horizon.year + 1) if year_end.in_year(y) < horizon]
    if as_of is None or active is None:
        held_by = as_of or horizon
        records = [_draw_rat(draw, y, year_end, held_by) for y in years if draw(_ONE_IN_FIVE)]
        return tuple(records)
    latest_due = latest_due_fiscal_year(year_end, as_of=as_of)
    window = [y for y in range(latest_due - 2, latest_due + 1) if y >= first_year]
    young = len(window) < 3
    records = []
    keep = None
    if active and not young:
        keep = draw(st.sampled_from(window))
    for year in years:
        if active is False and year > latest_due:
            continue  # an early RAT, already held, would count
        if year == keep:
            closed = year_end.in_year(year)
            deadline = rat_deadline(year, fiscal_year_end=year_end)
            held = closed + timedelta(days=draw(st.integers(1, (deadline - closed).days)))
            records.append(RatRecord(fiscal_year=year, held_on=held, reported=True))
        elif active is False and year in window:
            closed = year_end.in_year(year)
            if draw(_BOOLEANS):
                held = closed + timedelta(days=draw(st.integers(1, (as_of - closed).days)))
                records.append(RatRecord(fiscal_year=year, held_on=held, reported=False))
            elif draw(_BOOLEANS):
                records.append(RatRecord(fiscal_year=year, held_on=None))
        elif draw(_ONE_IN_FIVE):
            records.append(_draw_rat(draw, year, year_end, as_of))
    return tuple(records)


def _draw_terms(draw: st.DrawFn, deed: date, principle: Principle) -> tuple[BoardTerm, ...]:
    """The first pengurus and pengawas (and DPS for a sharia cooperative), seated at the deed."""
    if not draw(_BOOLEANS):
        return ()
    organs = list(_TERM_ORGANS)
    if principle is Principle.SHARIA:
        organs.append(Organ.SHARIA_SUPERVISORY_BOARD)
    terms = []
    for organ in organs:
        seats = _BOARD_SEATS if organ is Organ.BOARD else _SUPERVISOR_SEATS
        people = _distinct_people(draw, len(seats), deed)
        years = draw(st.integers(3, 5))
        terms.append(
            BoardTerm(
                organ=organ,
                started_on=deed,
                ends_on=deed + relativedelta(years=years) - timedelta(days=1),
                members=tuple(
                    BoardMember(nik=nik, name=name, position=seat)
                    for (nik, name), seat in zip(people, seats, strict=True)
                ),
            )
        )
    return tuple(terms)
