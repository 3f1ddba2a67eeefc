"""Government dissolution: grounds (R22) and timeline (R23), month-ends included."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from _hypothesis_optional import given, st
from koperasi_id.cooperatives import (
    DISSOLUTION_GROUNDS_RULES,
    DISSOLUTION_PERIODS,
    BusinessActivity,
    Cooperative,
    CooperativeForm,
    CooperativeKind,
    DissolutionGround,
    DissolutionGroundRule,
    DissolutionGroundsDecision,
    LegalStatus,
    MembershipArea,
    YearEnd,
    dissolution_grounds,
    dissolution_timeline,
)
from koperasi_id.decisions import Severity
from koperasi_id.errors import NoRuleInForceError, RuleInputError, ValidationError
from koperasi_id.identifiers import NomorBadanHukum
from koperasi_id.law import Citation, Confidence, Regime, Timeline
from koperasi_id.regions import RegionCode

BH = NomorBadanHukum.parse("77/BH/XVIII/2015")
DECEMBER = YearEnd(12, 31)


def business(year: int, active: bool) -> BusinessActivity:
    return BusinessActivity(fiscal_year=year, has_real_business=active)


def make(
    *activities: BusinessActivity,
    deed: date = date(2016, 1, 1),
    year_end: YearEnd = DECEMBER,
    **changes: Any,
) -> Cooperative:
    fields: dict[str, Any] = {
        "name": "Koperasi Pemasaran Hasil Tani Metro",
        "legal_entity_numbers": (BH,),
        "deed_approved_on": deed,
        "form": CooperativeForm.PRIMARY,
        "kind": CooperativeKind.MARKETING,
        "region": RegionCode.parse("18.72"),
        "membership_area": MembershipArea.WITHIN_REGENCY,
        "member_count": 21,
        "fiscal_year_end": year_end,
        "business_activities": activities,
    }
    fields.update(changes)
    return Cooperative(**fields)


NO_BUSINESS = "cooperatives.dissolution.tidak_berkegiatan_usaha_nyata"


# --- ground (d): no real business for two consecutive years -------------------------


def test_two_idle_years_meet_the_ground_only_once_both_are_over() -> None:
    coop = make(business(2016, True), business(2017, False), business(2018, False))
    on_last_day = dissolution_grounds(coop, as_of=date(2018, 12, 31))
    day_after = dissolution_grounds(coop, as_of=date(2019, 1, 1))
    assert on_last_day.grounds == ()
    assert not on_last_day.outcome
    assert day_after.grounds == (DissolutionGround.NO_REAL_BUSINESS,)
    assert day_after.idle_fiscal_years == (2017, 2018)
    assert day_after.outcome
    assert day_after.may_be_proposed
    assert day_after.failed_codes == (NO_BUSINESS,)


def test_one_idle_year_is_not_enough() -> None:
    coop = make(business(2016, False), business(2017, True), business(2018, False))
    decision = dissolution_grounds(coop, as_of=date(2020, 1, 1))
    assert decision.grounds == ()
    assert decision.finding(NO_BUSINESS).passed
    assert decision.finding(NO_BUSINESS).details["examined"] == "2016, 2017, 2018, 2019"


def test_partial_first_fiscal_year_does_not_count() -> None:
    # Approved 1 Mar 2016: FY2016 is only ten months of the cooperative's life.
    coop = make(
        business(2016, False), business(2017, False), business(2018, True), deed=date(2016, 3, 1)
    )
    decision = dissolution_grounds(coop, as_of=date(2019, 1, 1))
    assert decision.grounds == ()
    assert decision.finding(NO_BUSINESS).details["examined"] == "2017, 2018"


def test_fiscal_year_starting_on_the_approval_day_counts() -> None:
    june = YearEnd(6, 30)
    coop = make(business(2017, False), business(2018, False), deed=date(2016, 7, 1), year_end=june)
    decision = dissolution_grounds(coop, as_of=date(2018, 7, 1))
    assert decision.idle_fiscal_years == (2017, 2018)


def test_latest_idle_run_is_reported() -> None:
    coop = make(
        business(2016, False),
        business(2017, False),
        business(2018, True),
        business(2019, False),
        business(2020, False),
        business(2021, False),
    )
    decision = dissolution_grounds(coop, as_of=date(2022, 1, 1))
    assert decision.idle_fiscal_years == (2020, 2021)


def test_unrecorded_years_are_unknown_unless_asked() -> None:
    coop = make(business(2016, True))
    default = dissolution_grounds(coop, as_of=date(2019, 1, 1))
    assert default.grounds == ()
    warning = default.finding("cooperatives.dissolution.unrecorded_years")
    assert warning.severity is Severity.WARNING
    assert warning.details == {"unrecorded": "2017, 2018"}
    assert default.passed  # a warning does not decide
    strict = dissolution_grounds(coop, as_of=date(2019, 1, 1), unrecorded_year_counts_as_idle=True)
    assert strict.idle_fiscal_years == (2017, 2018)
    assert "cooperatives.dissolution.unrecorded_years" not in strict.codes


def test_narrow_reading_looks_at_the_first_two_years_only() -> None:
    coop = make(
        business(2016, True),
        business(2017, True),
        business(2018, False),
        business(2019, False),
    )
    broad = dissolution_grounds(coop, as_of=date(2020, 1, 1))
    narrow = dissolution_grounds(coop, as_of=date(2020, 1, 1), first_years_only=True)
    assert broad.idle_fiscal_years == (2018, 2019)
    assert narrow.grounds == ()
    assert narrow.finding(NO_BUSINESS).details["examined"] == "2016, 2017"
    never_started = make(business(2016, False), business(2017, False))
    assert dissolution_grounds(
        never_started, as_of=date(2018, 1, 1), first_years_only=True
    ).idle_fiscal_years == (2016, 2017)
    # Before the two first years are over, the narrow reading cannot be met yet.
    assert (
        dissolution_grounds(never_started, as_of=date(2017, 12, 31), first_years_only=True).grounds
        == ()
    )


def test_caller_rule_changes_the_number_of_years() -> None:
    three = DISSOLUTION_GROUNDS_RULES.overridden(
        Regime(
            name="hypothetical-three-years",
            valid_from=date(2026, 1, 1),
            citation=Citation("PP 99/2026", "Pasal 3"),
            confidence=Confidence.LOW,
            value=DissolutionGroundRule(no_business_years=3),
        )
    )
    coop = make(business(2023, False), business(2024, False), deed=date(2023, 1, 1))
    assert dissolution_grounds(coop, as_of=date(2025, 6, 1), rules=three).grounds
    later = dissolution_grounds(coop, as_of=date(2026, 6, 1), rules=three)
    assert later.grounds == ()
    assert later.regimes[0].name == "hypothetical-three-years"
    with pytest.raises(ValueError, match="must be >= 1"):
        DissolutionGroundRule(no_business_years=0)


# --- the other grounds ------------------------------------------------------------


def test_court_rulings_count_once_final() -> None:
    coop = make()
    final = date(2024, 5, 10)
    before = dissolution_grounds(coop, as_of=date(2024, 5, 9), bankruptcy_ruling_final_on=final)
    on_the_day = dissolution_grounds(coop, as_of=final, bankruptcy_ruling_final_on=final)
    assert before.grounds == ()
    assert "2024-05-10" in before.finding("cooperatives.dissolution.pailit").message_en
    assert on_the_day.grounds == (DissolutionGround.BANKRUPT,)
    public = dissolution_grounds(coop, as_of=final, public_order_ruling_final_on=final)
    assert public.grounds == (DissolutionGround.AGAINST_PUBLIC_ORDER,)
    assert public.finding(
        "cooperatives.dissolution.bertentangan_ketertiban_umum_kesusilaan"
    ).details == {"final_on": "2024-05-10"}


def test_facts_the_ministry_establishes() -> None:
    decision = dissolution_grounds(
        make(), as_of=date(2024, 1, 1), violates_law_or_articles=True, survival_not_expected=True
    )
    assert decision.grounds == (
        DissolutionGround.VIOLATES_LAW_OR_ARTICLES,
        DissolutionGround.SURVIVAL_NOT_EXPECTED,
    )
    assert decision.failed_codes == (
        "cooperatives.dissolution.tidak_memenuhi_uu_atau_anggaran_dasar",
        "cooperatives.dissolution.kelangsungan_hidup_tidak_dapat_diharapkan",
    )
    assert "ministry found" in decision.explain("en")


def test_no_grounds_passes_and_says_who_decides() -> None:
    decision = dissolution_grounds(make(business(2016, True)), as_of=date(2017, 1, 1))
    assert isinstance(decision, DissolutionGroundsDecision)
    assert decision.passed
    assert not decision.may_be_proposed
    assert decision.legal_status is LegalStatus.LEGAL_ENTITY
    info = decision.finding("cooperatives.dissolution.ministry_decides")
    assert info.severity is Severity.INFO
    assert "Inactivity by itself is not a ground" in info.message_en
    assert decision.rule == "R22"
    assert Citation("PP 17/1994", "Pasal 3 ayat (1) huruf d") in decision.citations


def test_already_dissolved() -> None:
    coop = make(legal_status=LegalStatus.DISSOLVED, dissolved_on=date(2020, 2, 1))
    decision = dissolution_grounds(coop, as_of=date(2020, 2, 1))
    assert decision.grounds == ()
    assert decision.legal_status is LegalStatus.DISSOLVED
    assert decision.codes == ("cooperatives.dissolution.already_dissolved",)
    before = dissolution_grounds(coop, as_of=date(2020, 1, 31), violates_law_or_articles=True)
    assert before.grounds == (DissolutionGround.VIOLATES_LAW_OR_ARTICLES,)


def test_before_the_deed() -> None:
    with pytest.raises(RuleInputError, match="there are no dissolution grounds on 2015-12-31"):
        dissolution_grounds(make(), as_of=date(2015, 12, 31))


def test_ground_labels_and_citations() -> None:
    assert DissolutionGround("pailit").label == "Dinyatakan pailit"
    assert DissolutionGround.SURVIVAL_NOT_EXPECTED.citation == Citation(
        "UU 25/1992", "Pasal 47 ayat (1) huruf c"
    )
    assert all(g.label and g.citation.instrument for g in DissolutionGround)


@st.composite
def idle_histories(draw: st.DrawFn) -> Cooperative:
    flags = draw(st.lists(st.none() | st.booleans(), min_size=1, max_size=10))
    records = [business(2016 + i, flag) for i, flag in enumerate(flags) if flag is not None]
    return make(*records)


@given(idle_histories(), st.dates(date(2016, 1, 1), date(2030, 12, 31)))
def test_ground_d_matches_a_plain_scan(coop: Cooperative, as_of: date) -> None:
    decision = dissolution_grounds(coop, as_of=as_of)
    idle_years = {a.fiscal_year for a in coop.business_activities if not a.has_real_business}
    over = [y for y in range(2016, as_of.year) if y in idle_years]
    expected = any(y + 1 in over for y in over)
    assert (DissolutionGround.NO_REAL_BUSINESS in decision.grounds) is expected
    for year in decision.idle_fiscal_years:
        assert year in idle_years
        assert date(year, 12, 31) < as_of


# --- R23: the timeline --------------------------------------------------------------


def test_plain_timeline() -> None:
    t = dissolution_timeline(date(2024, 1, 15))
    assert t.objection.due_on == date(2024, 3, 15)
    assert t.decision.due_on == date(2024, 5, 15)
    assert t.objection_ruling is None
    assert t.creditor_claims is None
    assert t.objection_in_time is None
    assert [d.code for d in t.deadlines] == [
        "cooperatives.dissolution.objection_due",
        "cooperatives.dissolution.decision_due",
    ]
    assert t.decision.citation == Citation("UU 25/1992", "Pasal 47 ayat (2)-(4)")
    assert t.decision.confidence is Confidence.HIGH
    assert t.regime.name == DISSOLUTION_PERIODS.regimes[0].name


@pytest.mark.parametrize(
    ("notice", "objection_due", "decision_due"),
    [
        (date(2024, 10, 31), date(2024, 12, 31), date(2025, 2, 28)),
        (date(2023, 10, 31), date(2023, 12, 31), date(2024, 2, 29)),
        (date(2024, 12, 31), date(2025, 2, 28), date(2025, 4, 30)),
        (date(2023, 12, 30), date(2024, 2, 29), date(2024, 4, 30)),
        (date(2024, 2, 29), date(2024, 4, 29), date(2024, 6, 29)),
        (date(2024, 8, 31), date(2024, 10, 31), date(2024, 12, 31)),
        (date(2024, 11, 1), date(2025, 1, 1), date(2025, 3, 1)),
    ],
)
def test_month_ends(notice: date, objection_due: date, decision_due: date) -> None:
    t = dissolution_timeline(notice)
    assert t.objection.due_on == objection_due
    assert t.decision.due_on == decision_due


def test_objection_on_its_last_day_is_in_time_and_gets_a_ruling_deadline() -> None:
    t = dissolution_timeline(date(2024, 10, 31), objection_received_on=date(2024, 12, 31))
    assert t.objection_in_time is True
    assert t.objection_ruling is not None
    assert t.objection_ruling.due_on == date(2025, 1, 31)
    assert t.objection_ruling.counted_from == date(2024, 12, 31)
    jan = dissolution_timeline(date(2024, 11, 30), objection_received_on=date(2025, 1, 30))
    assert jan.objection_ruling is not None
    assert jan.objection_ruling.due_on == date(2025, 2, 28)


def test_late_objection_gets_no_ruling_deadline() -> None:
    t = dissolution_timeline(date(2024, 10, 31), objection_received_on=date(2025, 1, 1))
    assert t.objection_in_time is False
    assert t.objection_ruling is None


def test_objection_on_the_notice_day_is_in_time() -> None:
    t = dissolution_timeline(date(2024, 3, 1), objection_received_on=date(2024, 3, 1))
    assert t.objection_in_time is True


def test_creditor_claims_three_months_from_their_notice() -> None:
    t = dissolution_timeline(date(2024, 6, 3), creditors_notified_on=date(2024, 11, 30))
    assert t.creditor_claims is not None
    assert t.creditor_claims.due_on == date(2025, 2, 28)
    assert t.creditor_claims.confidence is Confidence.MEDIUM
    assert t.creditor_claims.citation == Citation("UU 25/1992", "Pasal 49")
    assert t.deadlines[-1] is t.creditor_claims


def test_dates_before_the_notice_are_refused() -> None:
    with pytest.raises(ValidationError) as err:
        dissolution_timeline(date(2024, 6, 3), objection_received_on=date(2024, 6, 2))
    assert err.value.codes == ("cooperatives.dissolution.objection_before_notice",)
    assert err.value.paths == ("$.objection_received_on",)
    with pytest.raises(ValidationError) as err:
        dissolution_timeline(date(2024, 6, 3), creditors_notified_on=date(2024, 6, 2))
    assert err.value.codes == ("cooperatives.dissolution.creditors_before_notice",)
    assert err.value.paths == ("$.creditors_notified_on",)


def test_deadline_is_met_by() -> None:
    t = dissolution_timeline(date(2024, 1, 15))
    assert t.decision.is_met_by(date(2024, 5, 15))
    assert not t.decision.is_met_by(date(2024, 5, 16))
    assert not t.decision.is_met_by(date(2024, 1, 14))


def test_timeline_outside_the_law_raises_and_caller_rules_apply() -> None:
    with pytest.raises(NoRuleInForceError) as caught:
        dissolution_timeline(date(1990, 1, 1))
    assert caught.value.table == "cooperatives.dissolution_periods"
    base = DISSOLUTION_PERIODS.regimes[0]
    longer = Timeline(
        "x",
        [
            Regime(
                name="six-months",
                valid_from=date(2000, 1, 1),
                citation=Citation("UU 99/2026"),
                value=type(base.value)(
                    decision=type(base.value.decision)(
                        months=6, citation=Citation("UU 99/2026"), confidence=Confidence.LOW
                    ),
                    objection=base.value.objection,
                    objection_ruling=base.value.objection_ruling,
                    creditor_claims=base.value.creditor_claims,
                ),
            )
        ],
    )
    t = dissolution_timeline(date(2024, 1, 31), rules=longer)
    assert t.decision.due_on == date(2024, 7, 31)
    assert t.decision.months == 6


def test_timeline_refuses_a_callers_uu_17_2012_periods() -> None:
    # R1: like every other cooperative rule, the timeline never applies UU 17/2012.
    base = DISSOLUTION_PERIODS.regimes[0]
    annulled = Timeline(
        "x",
        [
            Regime(
                name="uu-17-2012-pembubaran",
                valid_from=date(2012, 10, 30),
                citation=Citation("UU No. 17 Tahun 2012", "Pasal 113"),
                value=base.value,
            )
        ],
    )
    with pytest.raises(RuleInputError, match="annulled"):
        dissolution_timeline(date(2024, 1, 31), rules=annulled)


@given(
    st.dates(date(1993, 1, 1), date(2099, 12, 31)),
    st.integers(0, 200),
    st.integers(0, 200),
)
def test_timeline_properties(notice: date, objection_after: int, creditors_after: int) -> None:
    objection_on = notice + timedelta(days=objection_after)
    creditors_on = notice + timedelta(days=creditors_after)
    t = dissolution_timeline(
        notice, objection_received_on=objection_on, creditors_notified_on=creditors_on
    )
    for d in t.deadlines:
        assert d.months * 28 <= (d.due_on - d.counted_from).days <= d.months * 31
        assert d.due_on.day <= d.counted_from.day
        if d.counted_from.day <= 28:
            assert d.due_on.day == d.counted_from.day
    assert t.objection.due_on < t.decision.due_on
    assert t.objection_in_time == (objection_on <= t.objection.due_on)
    if t.objection_ruling is not None:
        # A timely objection is ruled on before the four months run out.
        assert t.objection_ruling.due_on <= t.decision.due_on
