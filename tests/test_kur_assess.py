"""assess(), the KUR entities and their wire format."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import attrs
import pytest

from _hypothesis_optional import assume, given, st
from koperasi_id.decisions import Severity
from koperasi_id.errors import NoRuleInForceError, ValidationError
from koperasi_id.identifiers import Nik, Npwp
from koperasi_id.kur import (
    DEFAULT_RULES,
    Collectibility,
    CreditKind,
    ExistingCredit,
    KurApplication,
    KurAssessment,
    KurLoan,
    Method,
    Purpose,
    Scheme,
    Sector,
    assess,
    originate,
)
from koperasi_id.law import Timeline
from koperasi_id.msme import Business
from koperasi_id.regions import RegionCode
from koperasi_id.serialization import from_dict, from_json, to_dict, to_json

D = Decimal
NIK = Nik.parse("1871010101900001")
NPWP = Npwp.parse("01.234.567.4-123.000")  # synthetic
AKAD = date(2024, 5, 1)
ALL_CODES = (
    "kur.scheme_ceiling",
    "kur.rate",
    "kur.tenor",
    "kur.collateral",
    "kur.npwp_required",
    "kur.business_age",
    "kur.existing_credit",
    "kur.outstanding_cap",
    "kur.access_limit",
    "kur.omzet",
)


def business(**changes: Any) -> Business:
    fields: dict[str, Any] = {
        "name": "Warung Bu Sari",
        "owner_nik": NIK,
        "started_on": date(2020, 3, 1),
        "region": RegionCode.parse("18.71"),
        "annual_sales": D(600_000_000),
    }
    fields.update(changes)
    return Business(**fields)


def application(**changes: Any) -> KurApplication:
    fields: dict[str, Any] = {
        "borrower_nik": NIK,
        "business": business(),
        "scheme": Scheme.MICRO,
        "plafond": D(50_000_000),
        "tenor_months": 36,
        "purpose": Purpose.WORKING_CAPITAL,
        "sector": Sector.TRADE,
        "akad_date": AKAD,
    }
    fields.update(changes)
    return KurApplication(**fields)


def credit(kind: CreditKind, plafond: int = 10_000_000, **changes: Any) -> ExistingCredit:
    return ExistingCredit(kind=kind, plafond=D(plafond), **changes)


def passed(app: KurApplication, code: str) -> bool:
    return assess(app).finding(code).passed


# --- the whole assessment --------------------------------------------------


def test_eligible_first_kur_mikro() -> None:
    result = assess(application())
    assert isinstance(result, KurAssessment)
    assert result.outcome is True
    assert result.passed
    assert result.codes == ALL_CODES
    assert result.rate == D(6)
    assert result.subsidy == D(10)
    assert result.max_tenor_months == 36
    assert result.additional_collateral_allowed is False
    assert result.npwp_required is False
    assert result.access_limit == 2
    assert all(f.citation.instrument for f in result.findings)
    assert result.finding("kur.rate").details["total"] == "16"


def test_explanation_never_shows_the_nik() -> None:
    app = application(plafond=D(60_000_000))
    result = assess(app)
    for text in (result.explain("id"), result.explain("en"), to_json(result), repr(app)):
        assert str(NIK) not in text
    assert "[FAIL] kur.npwp_required" in result.explain("en")
    assert "187101******0001" in repr(app)


def test_assessment_serialises() -> None:
    data = to_dict(assess(application()))
    assert data["rate"] == "6"
    assert data["scheme"] == "mikro"
    assert [f["code"] for f in data["findings"]] == list(ALL_CODES)


def test_no_kur_before_the_2015_relaunch() -> None:
    with pytest.raises(NoRuleInForceError, match="2015-06-30") as caught:
        assess(application(akad_date=date(2015, 6, 30)))
    assert caught.value.table == "kur.ceiling"


def test_super_micro_application_before_permenko_15_2020_is_no_rule() -> None:
    with pytest.raises(NoRuleInForceError, match=r"kur\.ceiling\[super_mikro\]") as caught:
        assess(
            application(
                scheme=Scheme.SUPER_MICRO, plafond=D(5_000_000), akad_date=date(2020, 8, 30)
            )
        )
    assert caught.value.table == "kur.ceiling[super_mikro]"


# --- scheme ceiling -------------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme", "plafond", "ok"),
    [
        (Scheme.MICRO, 10_000_000, False),
        (Scheme.MICRO, 10_000_001, True),
        (Scheme.MICRO, 100_000_000, True),
        (Scheme.MICRO, 100_000_001, False),
        (Scheme.SUPER_MICRO, 10_000_000, True),
        (Scheme.SUPER_MICRO, 10_000_001, False),
        (Scheme.SMALL, 100_000_000, False),
        (Scheme.SMALL, 500_000_000, True),
        (Scheme.SMALL, 500_000_001, False),
        (Scheme.SPECIAL, 500_000_000, True),
        (Scheme.SPECIAL, 500_000_001, False),
        (Scheme.MIGRANT_WORKER, 100_000_000, True),
        (Scheme.MIGRANT_WORKER, 100_000_001, False),
    ],
)
def test_scheme_ceiling(scheme: Scheme, plafond: int, ok: bool) -> None:
    app = application(scheme=scheme, plafond=D(plafond), npwp=NPWP)
    assert passed(app, "kur.scheme_ceiling") is ok


# --- tenor ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("purpose", "extended", "tenor", "ok"),
    [
        (Purpose.WORKING_CAPITAL, False, 36, True),
        (Purpose.WORKING_CAPITAL, False, 37, False),
        (Purpose.WORKING_CAPITAL, True, 37, True),
        (Purpose.WORKING_CAPITAL, True, 48, True),
        (Purpose.WORKING_CAPITAL, True, 49, False),
        (Purpose.INVESTMENT, False, 60, True),
        (Purpose.INVESTMENT, False, 61, False),
        (Purpose.INVESTMENT, True, 84, True),
        (Purpose.INVESTMENT, True, 85, False),
    ],
)
def test_mikro_tenor(purpose: Purpose, extended: bool, tenor: int, ok: bool) -> None:
    app = application(purpose=purpose, extended=extended, tenor_months=tenor)
    assert passed(app, "kur.tenor") is ok


def test_pmi_tenor_within_contract_and_no_investment() -> None:
    pmi = {"scheme": Scheme.MIGRANT_WORKER, "plafond": D(30_000_000)}
    assert passed(application(**pmi, tenor_months=24, contract_months=24), "kur.tenor")
    result = assess(application(**pmi, tenor_months=25, contract_months=24))
    assert not result.finding("kur.tenor").passed
    assert result.max_tenor_months == 24
    result = assess(application(**pmi, tenor_months=24, purpose=Purpose.INVESTMENT))
    assert not result.finding("kur.tenor").passed
    assert result.max_tenor_months is None


# --- collateral -----------------------------------------------------------------


def test_collateral() -> None:
    assert passed(application(plafond=D(100_000_000), npwp=NPWP), "kur.collateral")
    asked = application(plafond=D(100_000_000), npwp=NPWP, additional_collateral=True)
    assert not passed(asked, "kur.collateral")
    small = application(
        scheme=Scheme.SMALL, plafond=D(100_000_001), npwp=NPWP, additional_collateral=True
    )
    assert passed(small, "kur.collateral")
    pmi = application(
        scheme=Scheme.MIGRANT_WORKER, plafond=D(10_000_000), additional_collateral=True
    )
    assert not passed(pmi, "kur.collateral")


# --- NPWP -------------------------------------------------------------------------


def test_npwp() -> None:
    assert passed(application(plafond=D(50_000_000)), "kur.npwp_required")
    assert not passed(application(plafond=D(50_000_001)), "kur.npwp_required")
    assert passed(application(plafond=D(50_000_001), npwp=NPWP), "kur.npwp_required")
    small = application(scheme=Scheme.SMALL, plafond=D(100_000_001), tenor_months=48)
    assert assess(small).npwp_required is True
    assert not passed(small, "kur.npwp_required")


def test_npwp_rule_unknown_in_2021_is_a_warning() -> None:
    result = assess(application(akad_date=date(2021, 6, 1), plafond=D(40_000_000)))
    npwp = result.finding("kur.npwp_required")
    assert npwp.severity is Severity.WARNING
    assert not npwp.passed
    assert result.passed  # warnings do not decide
    assert result.npwp_required is None
    assert npwp in result.warnings


# --- business age -------------------------------------------------------------


def test_business_age_six_months_edge() -> None:
    assert passed(application(business=business(started_on=date(2023, 11, 1))), "kur.business_age")
    assert not passed(
        application(business=business(started_on=date(2023, 11, 2))), "kur.business_age"
    )


def test_business_age_training_shortcut_for_mikro_only() -> None:
    young = business(started_on=date(2024, 2, 1))
    assert not passed(application(business=young), "kur.business_age")
    trained = assess(application(business=young, had_training=True)).finding("kur.business_age")
    assert trained.passed
    assert trained.details["basis"] == "training"
    assert passed(application(business=young, mentored=True), "kur.business_age")
    assert not passed(
        application(business=business(started_on=date(2024, 2, 2)), had_training=True),
        "kur.business_age",
    )
    small = application(
        scheme=Scheme.SMALL,
        plafond=D(200_000_000),
        npwp=NPWP,
        business=young,
        had_training=True,
        tenor_months=48,
    )
    assert not passed(small, "kur.business_age")


def test_business_age_super_mikro_waiver() -> None:
    new = business(started_on=date(2024, 4, 30))
    base = {"scheme": Scheme.SUPER_MICRO, "plafond": D(10_000_000), "business": new}
    assert not passed(application(**base), "kur.business_age")
    for flag in ("mentored", "group_member", "family_business"):
        assert passed(application(**base, **{flag: True}), "kur.business_age")
    assert not passed(application(**base, had_training=True), "kur.business_age")


def test_business_age_none_for_pmi_and_38a() -> None:
    new = business(started_on=date(2025, 5, 30))
    pmi = application(
        scheme=Scheme.MIGRANT_WORKER,
        plafond=D(10_000_000),
        business=new,
        akad_date=date(2025, 6, 1),
    )
    assert passed(pmi, "kur.business_age")
    exempt = application(business=new, akad_date=date(2025, 6, 1), exempt_38a=True)
    finding = assess(exempt).finding("kur.business_age")
    assert finding.passed
    assert finding.details["basis"] == "pasal_38a"


# --- existing credit ----------------------------------------------------------


@pytest.mark.parametrize(
    "kind",
    [
        CreditKind.MORTGAGE,
        CreditKind.PRODUCTIVE_MOTORCYCLE,
        CreditKind.PENSION_DECREE,
        CreditKind.CREDIT_CARD,
        CreditKind.WAREHOUSE_RECEIPT,
        CreditKind.HOUSEHOLD_CONSUMER,
    ],
)
def test_concurrent_credit_must_be_lancar(kind: CreditKind) -> None:
    ok = credit(kind, outstanding=D(1_000_000))
    assert passed(application(existing_credits=(ok,)), "kur.existing_credit")
    for grade in (2, 3, 4, 5):
        bad = attrs.evolve(ok, collectibility=Collectibility.from_grade(grade))
        assert not passed(application(existing_credits=(bad,)), "kur.existing_credit")


def test_kur_must_be_at_the_same_lender() -> None:
    mine = credit(CreditKind.KUR, scheme=Scheme.MICRO, outstanding=D(1), same_lender=True)
    assert passed(application(existing_credits=(mine,)), "kur.existing_credit")
    other = attrs.evolve(mine, same_lender=False)
    finding = assess(application(existing_credits=(other,))).finding("kur.existing_credit")
    assert not finding.passed
    assert "another lender" in finding.details["problems"]


@pytest.mark.parametrize(
    "kind", [CreditKind.COMMERCIAL_PRODUCTIVE, CreditKind.ULTRA_MICRO, CreditKind.PEER_TO_PEER]
)
def test_current_productive_credit_blocks(kind: CreditKind) -> None:
    held = credit(kind, outstanding=D(1_000_000))
    assert not passed(application(existing_credits=(held,)), "kur.existing_credit")


def test_never_had_commercial_credit_from_2023() -> None:
    past = (credit(CreditKind.COMMERCIAL_PRODUCTIVE, closed=True),)
    assert passed(
        application(existing_credits=past, akad_date=date(2022, 12, 31)), "kur.existing_credit"
    )
    assert not passed(
        application(existing_credits=past, akad_date=date(2023, 1, 1)), "kur.existing_credit"
    )
    # KUR PMI is outside the history rule; Pasal 38A exempts from it
    pmi = application(scheme=Scheme.MIGRANT_WORKER, plafond=D(10_000_000), existing_credits=past)
    assert passed(pmi, "kur.existing_credit")
    exempt = application(existing_credits=past, akad_date=date(2025, 3, 1), exempt_38a=True)
    assert passed(exempt, "kur.existing_credit")


def test_ultra_micro_cap_from_permenko_12_2025() -> None:
    def umi(amount: int, when: date) -> bool:
        past = (credit(CreditKind.ULTRA_MICRO, amount, closed=True),)
        return passed(application(existing_credits=past, akad_date=when), "kur.existing_credit")

    assert umi(25_000_000, date(2024, 12, 31))
    assert umi(20_000_000, date(2025, 1, 1))
    assert not umi(20_000_001, date(2025, 1, 1))
    assert not umi(20_000_001, date(2026, 2, 1))


def test_consumer_recorded_productive_exception() -> None:
    def consumer(amount: int, when: date, **changes: Any) -> bool:
        past = (credit(CreditKind.CONSUMER_RECORDED_PRODUCTIVE, amount, **changes),)
        return passed(application(existing_credits=past, akad_date=when), "kur.existing_credit")

    assert not consumer(100_000_000, date(2024, 6, 1), closed=True)
    assert consumer(500_000_000, date(2025, 6, 1), closed=True)
    assert consumer(500_000_000, date(2025, 6, 1), outstanding=D(1))
    assert not consumer(500_000_001, date(2025, 6, 1), closed=True)


def test_repaid_p2p_and_government_credit_are_fine() -> None:
    past = (
        credit(CreditKind.PEER_TO_PEER, closed=True),
        credit(CreditKind.GOVERNMENT_PROGRAMME, closed=True),
        credit(CreditKind.HOUSEHOLD_CONSUMER, closed=True),
    )
    assert passed(application(existing_credits=past), "kur.existing_credit")


def test_existing_credit_rule_unknown_before_2022() -> None:
    result = assess(application(akad_date=date(2021, 6, 1), plafond=D(40_000_000)))
    assert result.finding("kur.existing_credit").severity is Severity.WARNING


# --- R-KUR-12 outstanding cap -------------------------------------------------


def test_outstanding_cap() -> None:
    def with_held(new: int) -> bool:
        held = credit(
            CreditKind.KUR,
            60_000_000,
            scheme=Scheme.MICRO,
            outstanding=D(60_000_000),
            same_lender=True,
        )
        app = application(plafond=D(new), npwp=NPWP, existing_credits=(held,), access=2)
        return passed(app, "kur.outstanding_cap")

    assert with_held(40_000_000)
    assert not with_held(40_000_001)
    small = assess(application(scheme=Scheme.SMALL, plafond=D(200_000_000), npwp=NPWP))
    assert small.finding("kur.outstanding_cap").severity is Severity.INFO
    early = assess(application(akad_date=date(2022, 6, 1)))
    assert early.finding("kur.outstanding_cap").severity is Severity.WARNING


# --- access limit ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sector", "access", "ok"),
    [
        (Sector.AGRICULTURE, 4, True),
        (Sector.AGRICULTURE, 5, False),
        (Sector.FISHERIES, 5, False),
        (Sector.TRADE, 2, True),
        (Sector.TRADE, 3, False),
        (Sector.MANUFACTURING, 3, False),
    ],
)
def test_access_limit(sector: Sector, access: int, ok: bool) -> None:
    assert passed(application(sector=sector, access=access), "kur.access_limit") is ok


def test_access_limit_abolished_2026_and_by_38a() -> None:
    later = application(access=5, akad_date=date(2026, 2, 1))
    assert passed(later, "kur.access_limit")
    assert assess(later).rate == D(6)
    exempt = application(access=5, akad_date=date(2025, 2, 1), exempt_38a=True)
    result = assess(exempt)
    assert result.finding("kur.access_limit").passed
    assert result.rate == D(6)
    assert result.finding("kur.exemption_38a").passed


def test_38a_claim_before_it_exists_fails() -> None:
    result = assess(application(exempt_38a=True, access=2))
    assert "kur.exemption_38a" in result.failed_codes
    assert result.rate == D(7)


# --- omzet ------------------------------------------------------------------------


def test_omzet_test_from_2026() -> None:
    def with_sales(sales: int | None, when: date = date(2026, 1, 1)) -> bool:
        b = business(annual_sales=None if sales is None else D(sales))
        return passed(application(business=b, akad_date=when), "kur.omzet")

    assert with_sales(4_800_000_000)
    assert not with_sales(4_800_000_001)
    assert not with_sales(None)
    assert with_sales(9_000_000_000, date(2025, 12, 31))


# --- disaster area ------------------------------------------------------------


def test_disaster_area_claims() -> None:
    aceh = business(region=RegionCode.parse("11.71"))
    result = assess(application(business=aceh, akad_date=date(2026, 2, 1), disaster_area=True))
    assert result.passed
    assert result.rate == D(0)
    assert result.finding("kur.disaster_area").passed
    lampung = assess(application(akad_date=date(2026, 2, 1), disaster_area=True))
    assert "kur.disaster_area" in lampung.failed_codes
    unknown = assess(
        application(business=business(region=None), akad_date=date(2026, 2, 1), disaster_area=True)
    )
    assert unknown.finding("kur.disaster_area").severity is Severity.WARNING
    before = assess(application(disaster_area=True))
    assert before.finding("kur.disaster_area").severity is Severity.INFO
    assert before.rate == D(6)


# --- originate and the loan ---------------------------------------------------


def test_originate_eligible_application() -> None:
    loan = originate(application(access=2, sector=Sector.AGRICULTURE))
    assert loan.annual_rate == D(7)
    assert loan.scheme is Scheme.MICRO
    s = loan.schedule()
    assert s.total_principal == D(50_000_000)
    assert s.instalments[0].due_date == date(2024, 6, 1)
    assert from_json(KurLoan, to_json(loan)) == loan


def test_originate_refuses_with_every_failure() -> None:
    with pytest.raises(ValidationError) as err:
        originate(application(plafond=D(60_000_000), access=3))
    assert set(err.value.codes) == {"kur.npwp_required", "kur.access_limit"}


def test_loan_first_due_anchor() -> None:
    loan = KurLoan(
        borrower_nik=NIK,
        scheme=Scheme.MICRO,
        purpose=Purpose.WORKING_CAPITAL,
        plafond=D(12_000_000),
        annual_rate=D(6),
        tenor_months=12,
        akad_date=AKAD,
        first_due=date(2024, 6, 25),
        grace_months=2,
    )
    s = loan.schedule(places=2)
    assert s.instalments[0].due_date == date(2024, 6, 25)
    assert s.instalments[0].principal == 0


# --- entity invariants and junk -----------------------------------------------


@pytest.mark.parametrize(
    ("changes", "path", "code"),
    [
        ({"plafond": D(0)}, "$.plafond", "kur.plafond_not_positive"),
        ({"plafond": D(-1)}, "$.plafond", "money.negative"),
        ({"plafond": 5}, "$.plafond", "money.type"),
        ({"tenor_months": 0}, "$.tenor_months", "kur.range"),
        ({"tenor_months": True}, "$.tenor_months", "kur.type_int"),
        ({"access": 0}, "$.access", "kur.range"),
        ({"contract_months": 12}, "$.contract_months", "kur.contract_months"),
        ({"borrower_nik": "1871010101900001"}, "$.borrower_nik", "kur.nik_type"),
        ({"npwp": "0123"}, "$.npwp", "kur.npwp_type"),
        ({"scheme": "mikro"}, "$.scheme", "kur.scheme_type"),
        ({"existing_credits": ("kpr",)}, "$.existing_credits[0]", "kur.credit_type"),
        ({"akad_date": datetime(2024, 5, 1, 9)}, "$.akad_date", "kur.date_type"),
        ({"akad_date": "2024-05-01"}, "$.akad_date", "kur.date_type"),
    ],
)
def test_application_invariants(changes: dict[str, Any], path: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        application(**changes)
    assert err.value.paths == (path,)
    assert err.value.codes == (code,)


def test_existing_credit_invariants() -> None:
    with pytest.raises(ValidationError) as err:
        credit(CreditKind.MORTGAGE, scheme=Scheme.MICRO)
    assert err.value.codes == ("kur.credit_scheme",)
    assert err.value.paths == ("$.scheme",)
    with pytest.raises(ValidationError) as err:
        credit(CreditKind.KUR, closed=True, outstanding=D(1))
    assert err.value.codes == ("kur.closed_outstanding",)
    assert err.value.paths == ("$.outstanding",)
    # a wire string would hide the credit from the KUR Mikro outstanding cap
    with pytest.raises(ValidationError) as err:
        credit(CreditKind.KUR, scheme="mikro")
    assert err.value.codes == ("kur.scheme_type",)
    assert err.value.paths == ("$.scheme",)


@pytest.mark.parametrize(
    ("changes", "path", "code"),
    [
        ({"method": Method.BULLET}, "$.method", "kur.bullet_scheme"),
        ({"grace_months": 12}, "$.grace_months", "kur.grace_too_long"),
        ({"annual_rate": D(101)}, "$.annual_rate", "kur.rate_range"),
        ({"annual_rate": 6}, "$.annual_rate", "kur.rate_range"),
        ({"first_due": AKAD}, "$.first_due", "kur.first_due"),
        ({"first_due": "2024-06-01"}, "$.first_due", "kur.date_type"),
        ({"method": "anuitas"}, "$.method", "kur.method_type"),
        ({"rate_convention": "nominal_bulanan"}, "$.rate_convention", "kur.rate_convention_type"),
        ({"akad_date": datetime(2024, 5, 1, 9)}, "$.akad_date", "kur.date_type"),
        (
            {"scheme": Scheme.SUPER_MICRO, "method": Method.BULLET, "grace_months": 1},
            "$.grace_months",
            "kur.bullet_grace",
        ),
    ],
)
def test_loan_invariants(changes: dict[str, Any], path: str, code: str) -> None:
    fields: dict[str, Any] = {
        "borrower_nik": NIK,
        "scheme": Scheme.MICRO,
        "purpose": Purpose.WORKING_CAPITAL,
        "plafond": D(10_000_000),
        "annual_rate": D(6),
        "tenor_months": 12,
        "akad_date": AKAD,
    }
    fields.update(changes)
    with pytest.raises(ValidationError) as err:
        KurLoan(**fields)
    assert err.value.paths == (path,)
    assert err.value.codes == (code,)


def test_from_dict_reports_every_problem_at_its_path() -> None:
    data = to_dict(application(existing_credits=(credit(CreditKind.MORTGAGE),)))
    data["plafond"] = 1.5
    data["business"]["owner_nik"] = "123"
    data["existing_credits"][0]["collectibility"] = "baik"
    data["scheme"] = "mega"
    data["hobby"] = "x"
    with pytest.raises(ValidationError) as err:
        from_dict(KurApplication, data)
    assert err.value.codes == ("nik.length", "enum", "type.float", "enum", "unknown_field")
    paths = set(err.value.paths)
    assert {
        "$.plafond",
        "$.business.owner_nik",
        "$.existing_credits[0].collectibility",
        "$.scheme",
        "$.hobby",
    } <= paths
    assert "1871010101900001" not in str(err.value)


def test_from_dict_runs_the_invariants() -> None:
    data = to_dict(application())
    data["contract_months"] = 12
    with pytest.raises(ValidationError) as err:
        from_dict(KurApplication, data)
    assert err.value.codes == ("kur.contract_months",)
    assert err.value.paths == ("$.contract_months",)


# --- round trips --------------------------------------------------------------

niks = st.sampled_from(
    ["1871010101900001", "1871014101900002", "1871011507850003", "1871015203880004"]
).map(Nik.parse)
money = st.integers(0, 10**11).map(D) | st.decimals(
    min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False
)
credits = st.builds(
    ExistingCredit,
    kind=st.sampled_from([k for k in CreditKind if k is not CreditKind.KUR]),
    plafond=money,
    outstanding=money,
    collectibility=st.sampled_from(list(Collectibility)),
    same_lender=st.booleans(),
) | st.builds(
    ExistingCredit,
    kind=st.just(CreditKind.KUR),
    plafond=money,
    closed=st.just(True),
    scheme=st.none() | st.sampled_from(list(Scheme)),
)
businesses = st.builds(
    Business,
    name=st.text(min_size=1, max_size=20).filter(str.strip),
    owner_nik=niks,
    started_on=st.dates(date(1990, 1, 1), date(2026, 12, 31)),
    region=st.none() | st.sampled_from(["18.71", "11.01", "12.72"]).map(RegionCode.parse),
    annual_sales=st.none() | money,
)
applications = st.builds(
    KurApplication,
    borrower_nik=niks,
    npwp=st.none() | st.just(NPWP),
    business=businesses,
    scheme=st.sampled_from([s for s in Scheme if s is not Scheme.MIGRANT_WORKER]),
    plafond=st.integers(1, 600_000_000).map(D),
    tenor_months=st.integers(1, 120),
    purpose=st.sampled_from(list(Purpose)),
    sector=st.sampled_from(list(Sector)),
    akad_date=st.dates(date(2020, 1, 1), date(2028, 12, 31)),
    access=st.integers(1, 9),
    existing_credits=st.lists(credits, max_size=3).map(tuple),
    had_training=st.booleans(),
    mentored=st.booleans(),
    exempt_38a=st.booleans(),
    disaster_area=st.booleans(),
    additional_collateral=st.booleans(),
    extended=st.booleans(),
)


@given(applications)
def test_application_round_trips(app: KurApplication) -> None:
    assert from_dict(KurApplication, to_dict(app)) == app
    assert from_json(KurApplication, to_json(app)) == app


@given(applications)
def test_assess_always_answers_with_every_check(app: KurApplication) -> None:
    # Super mikro did not exist before Permenko 15/2020: that is no rule, not a "no".
    assume(app.scheme is not Scheme.SUPER_MICRO or app.akad_date >= date(2020, 8, 31))
    result = assess(app)
    assert set(ALL_CODES) <= set(result.codes)
    assert result.outcome == (not result.failures)
    assert all(f.citation.instrument for f in result.findings)


def test_caller_rules_with_gaps_give_warnings_not_guesses() -> None:
    def from_2030(timeline: Timeline[Any]) -> Timeline[Any]:
        last = timeline.regimes[-1]
        return Timeline(timeline.name, [attrs.evolve(last, valid_from=date(2030, 1, 1))])

    gappy = attrs.evolve(
        DEFAULT_RULES,
        collateral=from_2030(DEFAULT_RULES.collateral),
        tenors=from_2030(DEFAULT_RULES.tenors),
        access_limits=from_2030(DEFAULT_RULES.access_limits),
        training_shortcut=from_2030(DEFAULT_RULES.training_shortcut),
    )
    young = business(started_on=date(2024, 2, 1))
    result = assess(application(business=young, had_training=True), rules=gappy)
    for code in ("kur.collateral", "kur.tenor", "kur.access_limit"):
        assert result.finding(code).severity is Severity.WARNING
    assert result.max_tenor_months is None
    assert result.additional_collateral_allowed is None
    assert result.access_limit is None
    # without the (MEDIUM) training shortcut the 6-month rule stands
    assert result.failed_codes == ("kur.business_age",)


@pytest.mark.parametrize(
    ("code", "first_day"),
    [
        ("kur.npwp_required", date(2022, 1, 1)),
        ("kur.business_age", date(2022, 1, 1)),
        ("kur.existing_credit", date(2022, 1, 1)),
        ("kur.outstanding_cap", date(2023, 1, 1)),
    ],
)
def test_rules_known_from_their_first_day(code: str, first_day: date) -> None:
    def severity(when: date) -> Severity:
        app = application(akad_date=when, plafond=D(40_000_000))
        return assess(app).finding(code).severity

    assert severity(first_day - timedelta(days=1)) is Severity.WARNING
    assert severity(first_day) is Severity.ERROR


loans = st.builds(
    KurLoan,
    borrower_nik=niks,
    scheme=st.just(Scheme.SUPER_MICRO),
    purpose=st.sampled_from(list(Purpose)),
    plafond=st.integers(1, 10_000_000).map(D),
    annual_rate=st.integers(0, 40).map(lambda q: D(q) / 4),
    tenor_months=st.integers(1, 84),
    akad_date=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    method=st.sampled_from(list(Method)),
)


@given(loans, st.data())
def test_loan_round_trips_and_schedules(loan: KurLoan, data: st.DataObject) -> None:
    assert from_dict(KurLoan, to_dict(loan)) == loan
    assert from_json(KurLoan, to_json(loan)) == loan
    s = loan.schedule(places=data.draw(st.sampled_from([0, 2])))
    assert s.total_principal == loan.plafond
    assert s.instalments[0].due_date > loan.akad_date


@given(credits)
def test_existing_credit_round_trips(item: ExistingCredit) -> None:
    assert from_json(ExistingCredit, to_json(item)) == item
