"""Property tests: entities round-trip, junk never escapes as a stray exception,
and the rules keep their invariants."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import attrs
import pytest

hypothesis = pytest.importorskip("hypothesis")

from hypothesis import assume, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from koperasi_id.cooperatives import (  # noqa: E402
    BoardMember,
    BoardPosition,
    BoardTerm,
    BusinessActivity,
    BusinessMode,
    Cooperative,
    CooperativeForm,
    CooperativeKind,
    Founder,
    HealthGrade,
    LegalStatus,
    LoopType,
    MembershipArea,
    Organ,
    Principle,
    RatRecord,
    RatTiming,
    SavingsLoanProfile,
    YearEnd,
    check_founders,
    check_rat,
    check_related_party_lending,
    health_grade,
    rat_deadline,
    savings_loan_regulator,
)
from koperasi_id.errors import Problem, ValidationError  # noqa: E402
from koperasi_id.identifiers import Nib, Nik, NomorBadanHukum, NomorIndukKoperasi, NomorKk  # noqa: E402
from koperasi_id.regions import RegionCode  # noqa: E402
from koperasi_id.serialization import from_dict, from_json, to_dict, to_json  # noqa: E402

# --- local strategies ---------------------------------------------------------------

niks = st.builds(
    lambda day, month, year, female, serial: Nik.parse(
        f"187101{day + (40 if female else 0):02d}{month:02d}{year:02d}{serial:04d}"
    ),
    st.integers(1, 28),
    st.integers(1, 12),
    st.integers(0, 99),
    st.booleans(),
    st.integers(1, 9999),
)
ahu_numbers = st.builds(
    lambda seq, year: NomorBadanHukum.parse(f"AHU-{seq:07d}.AH.01.26.TAHUN {year}"),
    st.integers(1, 9_999_999),
    st.integers(2019, 2025),
)
legacy_numbers = st.builds(
    lambda seq, year: NomorBadanHukum.parse(f"{seq}/BH/XIV/{year}"),
    st.integers(1, 99_999),
    st.integers(1993, 2018),
)
names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(str.strip)
year_ends = st.sampled_from(["12-31", "06-30", "03-31", "09-30", "02-28"]).map(YearEnd.parse)
regions = st.sampled_from(["18.71", "18.01", "18.72", "18.05", "18.71.01"]).map(RegionCode.parse)
amounts = st.decimals(min_value=0, max_value=Decimal("1e13"), places=2, allow_nan=False)
kks = st.sampled_from(["1871010101200003", "1871010101200004", "1871010101200005"]).map(
    NomorKk.parse
)


@st.composite
def board_terms(draw: st.DrawFn, start: date) -> BoardTerm:
    begin = start + timedelta(days=draw(st.integers(0, 3000)))
    members = draw(st.lists(niks, max_size=4, unique_by=str))
    return BoardTerm(
        organ=draw(st.sampled_from([o for o in Organ if o is not Organ.MEMBERS_MEETING])),
        started_on=begin,
        ends_on=begin + timedelta(days=draw(st.integers(1, 2500))),
        members=tuple(
            BoardMember(
                nik=nik,
                name=draw(names),
                position=draw(st.sampled_from(BoardPosition)),
                is_member=draw(st.booleans()),
                family_card=draw(st.none() | kks),
                village_head=draw(st.booleans()),
            )
            for nik in members
        ),
    )


@st.composite
def cooperatives_(draw: st.DrawFn) -> Cooperative:
    form = draw(st.sampled_from(CooperativeForm))
    deed = draw(st.dates(min_value=date(1993, 1, 1), max_value=date(2025, 12, 31)))
    year_end = draw(year_ends)
    first_year = deed.year if deed <= year_end.in_year(deed.year) else deed.year + 1
    if form is CooperativeForm.PRIMARY:
        founders = [
            Founder(name=draw(names), nik=n)
            for n in draw(st.lists(niks, max_size=12, unique_by=str))
        ]
    else:
        founders = [
            Founder(name=draw(names), legal_entity_number=n)
            for n in draw(st.lists(ahu_numbers, max_size=5, unique=True))
        ]
    years = draw(st.lists(st.integers(first_year, first_year + 8), unique=True, max_size=6))
    rats = []
    for year in years:
        held = draw(st.booleans())
        held_on = (
            year_end.in_year(year) + timedelta(days=draw(st.integers(1, 500))) if held else None
        )
        rats.append(
            RatRecord(fiscal_year=year, held_on=held_on, reported=held and draw(st.booleans()))
        )
    activity_years = draw(
        st.lists(st.integers(first_year, first_year + 8), unique=True, max_size=4)
    )
    activities = []
    for year in activity_years:
        real = draw(st.booleans())
        turnover = draw(st.none() | (amounts if real else st.just(Decimal(0))))
        activities.append(
            BusinessActivity(fiscal_year=year, has_real_business=real, turnover=turnover)
        )
    multi = draw(st.booleans())
    dissolved = draw(st.booleans())
    founded_on = draw(st.none() | st.dates(min_value=deed - timedelta(days=365), max_value=deed))
    return Cooperative(
        name=draw(names),
        legal_entity_numbers=tuple(
            draw(st.lists(ahu_numbers | legacy_numbers, min_size=1, max_size=3, unique=True))
        ),
        deed_approved_on=deed,
        form=form,
        kind=draw(st.sampled_from(CooperativeKind)),
        region=draw(regions),
        membership_area=draw(st.sampled_from(MembershipArea)),
        member_count=draw(st.integers(0, 100_000)),
        mode=draw(st.sampled_from(BusinessMode)),
        principle=draw(st.sampled_from(Principle)),
        nomor_induk=draw(st.none() | st.just(NomorIndukKoperasi.parse("1871050020001234"))),
        nib=draw(st.none() | st.just(Nib.parse("0220000451127"))),
        founded_on=founded_on,
        founders=tuple(founders),
        fiscal_year_end=year_end,
        board_terms=tuple(draw(st.lists(board_terms(deed), max_size=3))),
        rat_records=tuple(rats),
        business_activities=tuple(activities),
        multi_stakeholder=multi,
        stakeholder_groups=tuple(draw(st.lists(names, max_size=3))) if multi else (),
        merah_putih=draw(st.booleans()),
        legal_status=LegalStatus.DISSOLVED if dissolved else LegalStatus.LEGAL_ENTITY,
        dissolved_on=deed + timedelta(days=draw(st.integers(0, 5000))) if dissolved else None,
    )


# --- round trips ------------------------------------------------------------------


@given(cooperatives_())
def test_cooperative_round_trips_through_dict_and_json(c: Cooperative) -> None:
    assert from_dict(Cooperative, to_dict(c)) == c
    assert from_json(Cooperative, to_json(c)) == c


@given(cooperatives_())
def test_repr_never_shows_a_full_nik(c: Cooperative) -> None:
    text = repr(c)
    for f in c.founders:
        if f.nik is not None:
            assert str(f.nik) not in text
    for t in c.board_terms:
        for m in t.members:
            assert str(m.nik) not in text


@given(year_ends)
def test_year_end_round_trips(y: YearEnd) -> None:
    assert YearEnd.parse(str(y)) == y
    assert from_json(YearEnd, to_json(y)) == y


# --- junk ---------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


@given(st.data(), cooperatives_())
def test_replacing_any_field_with_junk_is_a_validation_error_at_that_path(
    data: st.DataObject, c: Cooperative
) -> None:
    wire = to_dict(c)
    key = data.draw(st.sampled_from(sorted(wire)))
    junk = data.draw(json_values)
    wire[key] = junk
    wrong_type = junk is None or isinstance(junk, list | dict | float)
    built: Cooperative | None = None
    problems: tuple[Problem, ...] = ()
    try:
        built = from_dict(Cooperative, wire)
    except ValidationError as err:
        problems = err.problems
    if built is None:
        assert problems
        assert all(p.path.startswith("$") for p in problems)
        # a junk value of the wrong JSON type is always reported at its own field
        if wrong_type:
            assert any(p.path.startswith(f"$.{key}") for p in problems) or _accepts(key, junk)
    else:
        # accepted: the junk is a valid value there (a wrong JSON type only where listed)
        assert isinstance(built, Cooperative)
        assert not wrong_type or _accepts(key, junk)


def _accepts(key: str, junk: object) -> bool:
    """Fields where the junk value happens to be a valid value."""
    optional = {"nomor_induk", "nib", "founded_on", "dissolved_on"}
    lists = {
        "legal_entity_numbers",
        "founders",
        "board_terms",
        "rat_records",
        "business_activities",
        "stakeholder_groups",
    }
    return (junk is None and key in optional) or (junk == [] and key in lists)


@given(st.text(max_size=12) | st.integers() | st.none())
def test_year_end_parse_never_raises_anything_else(raw: object) -> None:
    try:
        parsed: YearEnd | None = YearEnd.parse(raw)
    except ValidationError:
        parsed = None
    assert YearEnd.is_valid(raw) is (parsed is not None)


# --- rule invariants -------------------------------------------------------------

founding_dates = st.dates(min_value=date(1992, 10, 21), max_value=date(2040, 12, 31))


@given(st.sampled_from(CooperativeForm), st.integers(0, 40), founding_dates)
def test_one_more_founder_never_hurts(form: CooperativeForm, n: int, day: date) -> None:
    if check_founders(form, n, as_of=day).outcome:
        assert check_founders(form, n + 1, as_of=day).outcome


@given(st.integers(1993, 2060), year_ends, st.none() | st.integers(1, 24))
def test_rat_deadline_within_six_months_and_articles_only_tighten(
    year: int, year_end: YearEnd, articles: int | None
) -> None:
    statutory = rat_deadline(year, fiscal_year_end=year_end)
    chosen = rat_deadline(year, fiscal_year_end=year_end, articles_deadline=articles)
    end = year_end.in_year(year)
    assert end < chosen <= statutory
    assert (statutory - end).days <= 184


@given(cooperatives_(), st.dates(min_value=date(1993, 1, 1), max_value=date(2040, 1, 1)))
def test_check_rat_outcome_agrees_with_the_record(c: Cooperative, as_of: date) -> None:
    assume(c.rat_records)
    rec = c.rat_records[0]
    d = check_rat(c, rec.fiscal_year, as_of=as_of)
    if rec.held_on is not None and rec.held_on <= as_of:
        assert d.outcome in (RatTiming.ON_TIME, RatTiming.LATE)
        assert (d.outcome is RatTiming.ON_TIME) == (rec.held_on <= d.deadline)
    else:
        assert d.outcome in (RatTiming.NOT_YET_DUE, RatTiming.MISSED)
        assert (d.outcome is RatTiming.MISSED) == (as_of > d.deadline)


scores = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False)
_ORDER = [
    HealthGrade.UNDER_SPECIAL_SUPERVISION,
    HealthGrade.UNDER_SUPERVISION,
    HealthGrade.FAIRLY_HEALTHY,
    HealthGrade.HEALTHY,
]


@given(scores, scores, st.dates(min_value=date(2016, 4, 19), max_value=date(2040, 1, 1)))
def test_health_grade_is_monotonic(a: Decimal, b: Decimal, day: date) -> None:
    low, high = sorted((a, b))
    assert _ORDER.index(health_grade(low, as_of=day).outcome) <= _ORDER.index(
        health_grade(high, as_of=day).outcome
    )


flags = st.fixed_dictionaries(
    {
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
)


@given(
    flags,
    amounts,
    amounts,
    st.sampled_from(
        ["collects_from_non_members", "lends_to_non_members", "other_financial_services"]
    ),
)
def test_adding_an_open_loop_activity_never_closes_the_loop(
    base: dict[str, Any], funding: Decimal, assets: Decimal, extra: str
) -> None:
    assume(assets > 0)
    profile = SavingsLoanProfile(**base, bank_funding=funding, unit_assets=assets)
    before = savings_loan_regulator(
        profile, membership_area=MembershipArea.WITHIN_REGENCY, as_of=date(2024, 1, 1)
    )
    after = savings_loan_regulator(
        attrs.evolve(profile, **{extra: True}),
        membership_area=MembershipArea.WITHIN_REGENCY,
        as_of=date(2024, 1, 1),
    )
    assert after.loop is LoopType.OPEN
    if before.loop is LoopType.OPEN:
        assert after.outcome is before.outcome


@given(amounts, amounts, amounts)
def test_related_party_lending_is_monotonic(loans: Decimal, extra: Decimal, own: Decimal) -> None:
    day = date(2024, 1, 1)
    more = check_related_party_lending(
        related_party_loans=loans + extra, own_capital=own, as_of=day
    )
    less = check_related_party_lending(related_party_loans=loans, own_capital=own, as_of=day)
    if more.outcome:
        assert less.outcome
