"""Cross-cutting property: every rule answers every generated input with cited reasons.

For each rule function, inputs come from ``koperasi_id.strategies`` and the
decision must carry at least one citation, and every finding one. Where a
strategy promises an outcome (eligible, fails exactly X, a size, active or
not) the rule must agree. Example counts: the ``ci`` profile (200) unless a
test says fewer (60 for cooperative rules, which draw whole histories).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

pytest.importorskip("hypothesis")  # every test here is a property test or needs the strategies

from hypothesis import given, settings
from hypothesis import strategies as st

from koperasi_id import bpum, cooperatives, kur, msme
from koperasi_id.cooperatives import (
    ActivityStatus,
    Cooperative,
    CooperativeForm,
    MembershipArea,
)
from koperasi_id.decisions import Decision
from koperasi_id.law import Timeline
from koperasi_id.msme import BusinessSize
from koperasi_id.strategies import (
    KUR_FAILURES,
    bpum_failures,
    bpum_proposals,
    businesses,
    kur_applications,
    rupiah,
    savings_loan_profiles,
)
from koperasi_id.strategies import (
    cooperatives as cooperative_records,
)
from test_oracles_kur import oracle_rate  # typed from the regulation, not the library
from test_oracles_msme import oracle_size  # typed from the regulation, not the library

COOPERATIVE_EXAMPLES = 60
LAST_DAY = date(2030, 12, 31)


def assert_cited(decision: Decision[Any]) -> None:
    assert isinstance(decision, Decision)
    assert decision.citations, decision
    assert decision.findings, decision
    for finding in decision.findings:
        assert finding.citation.instrument.strip(), finding


def days_in(timeline: Timeline[Any], *, last: date = LAST_DAY) -> st.SearchStrategy[date]:
    """Dates on which ``timeline`` has a regime (its first regime to ``last``)."""
    return st.dates(timeline.regimes[0].valid_from, last).filter(
        lambda d: timeline.find(d) is not None
    )


# --- msme -----------------------------------------------------------------------


@given(st.sampled_from(BusinessSize), days_in(msme.SIZE_CRITERIA), st.data())
def test_classify_business_gives_the_drawn_size_with_citations(
    size: BusinessSize, as_of: date, data: st.DataObject
) -> None:
    business = data.draw(businesses(size=size, as_of=as_of))
    decision = msme.classify_business(business, as_of=as_of)
    assert_cited(decision)
    assert decision.size is size
    assert not decision.conflict
    # The strategy draws from the library's own bands; check the figures against
    # the bands typed from UU 20/2008 Pasal 6 / PP 7/2021 Pasal 35 as well.
    for criterion in ("capital", "net_assets", "annual_sales"):
        amount = getattr(business, criterion)
        if amount is not None and criterion in {c.argument for c in decision.sizes}:
            assert oracle_size(as_of, criterion, amount) is size, criterion


@given(st.sampled_from(BusinessSize), st.data())
def test_businesses_without_a_date_have_their_size_under_both_regimes(
    size: BusinessSize, data: st.DataObject
) -> None:
    business = data.draw(businesses(size=size))
    for regime in msme.SIZE_CRITERIA:
        decision = msme.classify_business(business, as_of=regime.valid_from)
        assert_cited(decision)
        assert decision.size is size
        for criterion in decision.sizes:
            amount = getattr(business, criterion.argument)
            assert oracle_size(regime.valid_from, criterion.argument, amount) is size


@given(days_in(msme.SIZE_CRITERIA), st.sampled_from([None, *msme.Purpose]), st.data())
def test_classify_for_every_purpose_is_cited(
    as_of: date, purpose: msme.Purpose | None, data: st.DataObject
) -> None:
    business = data.draw(businesses(as_of=as_of))
    decision = msme.classify_business(business, as_of=as_of, purpose=purpose)
    assert_cited(decision)
    assert decision.purpose is purpose


@given(st.integers(1, 10_000))
def test_classify_workforce_is_cited(workers: int) -> None:
    assert_cited(msme.classify_workforce(workers))


@given(rupiah(0, 20_000_000_000), days_in(msme.OSS_SCALE))
def test_oss_scale_is_cited(capital: Decimal, as_of: date) -> None:
    assert_cited(msme.oss_scale(capital, as_of=as_of))


@given(days_in(msme.KUR_2026_OMZET.ceilings), st.data())
def test_sector_criteria_assess_drawn_businesses_with_citations(
    as_of: date, data: st.DataObject
) -> None:
    business = data.draw(businesses(as_of=as_of))
    decision = msme.KUR_2026_OMZET.assess(business, as_of=as_of)
    assert_cited(decision)
    assert decision.outcome is (
        business.annual_sales <= msme.KUR_2026_OMZET.ceilings.value_at(as_of)
    )


# --- kur ------------------------------------------------------------------------


@given(kur_applications(eligible=True))
def test_eligible_kur_applications_are_assessed_eligible(application: kur.KurApplication) -> None:
    decision = kur.assess(application)
    assert_cited(decision)
    assert decision.passed, decision.explain("en")


@settings(max_examples=400)
@given(st.sampled_from(KUR_FAILURES), st.data())
def test_kur_applications_fail_exactly_the_named_check(code: str, data: st.DataObject) -> None:
    application = data.draw(kur_applications(fails=code))
    decision = kur.assess(application)
    assert_cited(decision)
    assert decision.failed_codes == (code,), decision.explain("en")


@given(kur_applications())
def test_kur_assess_and_rate_are_cited_for_any_application(
    application: kur.KurApplication,
) -> None:
    assert_cited(kur.assess(application))
    assert_cited(
        kur.rate_decision(
            application.scheme, as_of=application.akad_date, access=application.access
        )
    )


@given(kur_applications(eligible=True))
def test_an_eligible_application_originates_a_loan_at_the_assessed_rate(
    application: kur.KurApplication,
) -> None:
    loan = kur.originate(application)
    assert loan.annual_rate == kur.assess(application).rate
    assert loan.schedule().total_principal == application.plafond
    # The strategy draws from the library's rate table; check the tiered years against
    # the rates typed from Permenko 1/2023 Pasal 18, 22, 26 and 35 as well.
    expected = oracle_rate(application.scheme, application.akad_date, application.access)
    if expected is not None and not (application.disaster_area or application.exempt_38a):
        assert loan.annual_rate == expected


# --- bpum -----------------------------------------------------------------------


@given(st.sampled_from(bpum.programme_years()), st.data())
def test_eligible_bpum_proposals_are_eligible_under_both_readings(
    year: int, data: st.DataObject
) -> None:
    proposal = data.draw(bpum_proposals(year=year, eligible=True))
    for reading in bpum.OtherBankCreditRule:
        decision = bpum.assess(proposal, year=year, other_bank_credit_rule=reading)
        assert_cited(decision)
        assert decision.eligible, decision.explain("en")
        assert decision.amount == bpum.amount(year)


@given(
    st.sampled_from(
        [(year, code) for year in bpum.programme_years() for code in bpum_failures(year)]
    ),
    st.data(),
)
def test_bpum_proposals_fail_exactly_the_named_criterion(
    year_code: tuple[int, str], data: st.DataObject
) -> None:
    year, code = year_code
    proposal = data.draw(bpum_proposals(year=year, fails=code))
    decision = bpum.assess(proposal, year=year)
    assert_cited(decision)
    assert decision.failed_codes == (code,), decision.explain("en")
    assert decision.amount == 0


@given(st.sampled_from(bpum.programme_years()), bpum_proposals(year=2020))
def test_bpum_assess_is_cited_for_any_proposal_and_year(year: int, proposal: bpum.Proposal) -> None:
    assert_cited(bpum.assess(proposal, year=year))


# --- cooperatives -----------------------------------------------------------------


@settings(max_examples=COOPERATIVE_EXAMPLES)
@given(st.sampled_from([True, False]), st.dates(date(1995, 1, 1), LAST_DAY), st.data())
def test_cooperatives_drawn_active_or_inactive_are_so(
    active: bool, as_of: date, data: st.DataObject
) -> None:
    coop = data.draw(cooperative_records(active=active, as_of=as_of))
    decision = cooperatives.activity_status(coop, as_of=as_of)
    assert_cited(decision)
    assert decision.is_active is active, decision.explain("en")
    wanted = ActivityStatus.ACTIVE if active else ActivityStatus.INACTIVE
    assert decision.status is wanted


def _on_or_after_deed(coop: Cooperative, data: st.DataObject, first: date) -> date:
    return data.draw(
        st.dates(max(coop.deed_approved_on, first), max(coop.deed_approved_on, first, LAST_DAY))
    )


@settings(max_examples=COOPERATIVE_EXAMPLES)
@given(cooperative_records(), st.data())
def test_cooperative_rules_are_cited_for_any_cooperative(
    coop: Cooperative, data: st.DataObject
) -> None:
    as_of = _on_or_after_deed(coop, data, date(1995, 1, 1))
    assert_cited(cooperatives.activity_status(coop, as_of=as_of))
    assert_cited(cooperatives.check_organs(coop, as_of=as_of))
    assert_cited(cooperatives.check_board_terms(coop, as_of=as_of))
    assert_cited(cooperatives.dissolution_grounds(coop, as_of=as_of))
    assert_cited(cooperatives.check_multi_stakeholder(coop, as_of=as_of))
    assert_cited(cooperatives.check_founders(coop.form, coop.founders, as_of=coop.founding_date))
    for rat in coop.rat_records:
        assert_cited(cooperatives.check_rat(coop, rat.fiscal_year, as_of=as_of))
    supervision_from = cooperatives.SUPERVISION.regimes[0].valid_from
    assert_cited(
        cooperatives.supervising_level(coop, as_of=_on_or_after_deed(coop, data, supervision_from))
    )


@given(st.dates(date(1995, 1, 1), LAST_DAY), st.none() | st.integers(0, 400), st.booleans())
def test_dissolution_timeline_is_cited(notice_on: date, late: int | None, notified: bool) -> None:
    objection = None if late is None else notice_on + timedelta(days=late)
    creditors = notice_on + timedelta(days=30) if notified else None
    timeline = cooperatives.dissolution_timeline(
        notice_on, objection_received_on=objection, creditors_notified_on=creditors
    )
    assert timeline.deadlines
    assert all(d.citation.instrument for d in timeline.deadlines)


@given(st.integers(0, 100).map(Decimal), days_in(cooperatives.HEALTH_SCALES))
def test_health_grade_is_cited(score: Decimal, as_of: date) -> None:
    assert_cited(cooperatives.health_grade(score, as_of=as_of))


@given(savings_loan_profiles(), st.sampled_from(MembershipArea), st.data())
def test_savings_loan_regulator_is_cited(
    profile: cooperatives.SavingsLoanProfile, area: MembershipArea, data: st.DataObject
) -> None:
    first = max(
        cooperatives.LOOP_RULES.regimes[0].valid_from,
        cooperatives.SUPERVISION.regimes[0].valid_from,
    )
    as_of = data.draw(st.dates(first, LAST_DAY))
    assert_cited(cooperatives.savings_loan_regulator(profile, membership_area=area, as_of=as_of))


@given(
    st.sampled_from(CooperativeForm),
    st.sampled_from(MembershipArea),
    rupiah(0, 100_000_000_000),
    days_in(cooperatives.STARTUP_CAPITAL),
)
def test_startup_capital_is_cited(
    form: CooperativeForm, area: MembershipArea, capital: Decimal, as_of: date
) -> None:
    assert_cited(
        cooperatives.check_startup_capital(
            form=form, membership_area=area, capital=capital, as_of=as_of
        )
    )


@given(
    rupiah(0, 10_000_000_000),
    rupiah(1, 10_000_000_000),
    days_in(cooperatives.RELATED_PARTY_LENDING),
)
def test_related_party_lending_is_cited(loans: Decimal, capital: Decimal, as_of: date) -> None:
    assert_cited(
        cooperatives.check_related_party_lending(
            related_party_loans=loans, own_capital=capital, as_of=as_of
        )
    )


@settings(max_examples=50)
@given(kur_applications(fails="kur.business_age", as_of=date(2022, 2, 28)))
def test_business_age_failures_respect_month_end_counting(application: kur.KurApplication) -> None:
    # Six months from 29, 30 or 31 August end on 28 February (clamped), so a
    # business started then is old enough on 2022-02-28; a failing draw must
    # start on 1 September or later.
    assert application.business.started_on >= date(2021, 9, 1)
    assert kur.assess(application).failed_codes == ("kur.business_age",)
