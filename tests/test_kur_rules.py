"""KUR rules as dated data: every threshold ±1 rupiah and every regime edge."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import attrs
import pytest

from _hypothesis_optional import assume, given, st
from koperasi_id.errors import NoRuleInForceError, RuleInputError, ValidationError
from koperasi_id.kur import (
    DEFAULT_RULES,
    PERMENKO_1_2026_FROM,
    TIERED_REGIME_FROM,
    Collectibility,
    CreditKind,
    KurRules,
    Purpose,
    Scheme,
    Sector,
    access_limit,
    additional_collateral_allowed,
    max_tenor_months,
    npwp_required,
    omzet_ceiling,
    plafond_band,
    rate,
    rate_decision,
    scheme_for,
    subsidy,
    total_rate,
)
from koperasi_id.law import Citation, Confidence, Regime

D = Decimal
DAY = timedelta(days=1)
MID_2024 = date(2024, 5, 1)
MICRO, SMALL, SUPER = Scheme.MICRO, Scheme.SMALL, Scheme.SUPER_MICRO
SPECIAL, PMI = Scheme.SPECIAL, Scheme.MIGRANT_WORKER
WC, INV = Purpose.WORKING_CAPITAL, Purpose.INVESTMENT


# --- vocabulary -------------------------------------------------------------


def test_enum_values_are_the_indonesian_terms() -> None:
    assert [s.value for s in Scheme] == ["super_mikro", "mikro", "kecil", "khusus", "pmi"]
    assert [p.value for p in Purpose] == ["modal_kerja", "investasi"]
    assert Scheme.MIGRANT_WORKER.label == "KUR Penempatan PMI"
    assert all(
        m.label for enum in (Scheme, Purpose, Sector, CreditKind, Collectibility) for m in enum
    )


def test_collectibility_grades_one_to_five() -> None:
    assert [c.grade for c in Collectibility] == [1, 2, 3, 4, 5]
    assert Collectibility.from_grade(3) is Collectibility.SUBSTANDARD
    assert Collectibility.LOSS.label == "Macet (5)"
    for junk in (0, 6, True, -1):
        with pytest.raises(ValueError, match="grade from 1 to 5"):
            Collectibility.from_grade(junk)


def test_sector_groups() -> None:
    primary = {s for s in Sector if s.is_primary_production}
    assert primary == {Sector.AGRICULTURE, Sector.ESTATE_CROPS, Sector.FISHERIES, Sector.LIVESTOCK}
    assert all(s.is_production for s in primary)
    assert not Sector.TRADE.is_production
    assert not Sector.SERVICES.is_production


# --- R-KUR-1: scheme by plafond -------------------------------------------


@pytest.mark.parametrize(
    ("plafond", "expected"),
    [
        (1, SUPER),
        (10_000_000, SUPER),
        (10_000_001, MICRO),
        (100_000_000, MICRO),
        (100_000_001, SMALL),
        (500_000_000, SMALL),
    ],
)
def test_scheme_for_boundaries_2022_onwards(plafond: int, expected: Scheme) -> None:
    for as_of in (date(2022, 1, 1), MID_2024, date(2026, 6, 1)):
        assert scheme_for(D(plafond), as_of=as_of) is expected


@pytest.mark.parametrize(
    ("plafond", "expected"), [(50_000_000, MICRO), (50_000_001, SMALL), (10_000_001, MICRO)]
)
def test_scheme_for_2020_2021_ceilings(plafond: int, expected: Scheme) -> None:
    assert scheme_for(D(plafond), as_of=date(2021, 12, 31)) is expected
    assert scheme_for(D(plafond), as_of=date(2020, 1, 1)) is expected


def test_mikro_ceiling_switches_on_2022_01_01() -> None:
    assert scheme_for(D(60_000_000), as_of=date(2021, 12, 31)) is SMALL
    assert scheme_for(D(60_000_000), as_of=date(2022, 1, 1)) is MICRO


def test_above_every_ceiling_is_not_kur() -> None:
    with pytest.raises(ValidationError) as err:
        scheme_for(D(500_000_001), as_of=MID_2024)
    assert err.value.codes == ("kur.not_kur",)


@pytest.mark.parametrize(
    ("junk", "code"),
    [
        (0, "kur.plafond_not_positive"),
        (-1, "kur.plafond_not_positive"),
        (D(0), "kur.plafond_not_positive"),
        (D("-0.01"), "kur.plafond_not_positive"),
        (D("NaN"), "money.not_finite"),
        (D("Infinity"), "money.not_finite"),
    ],
)
def test_scheme_for_refuses_non_positive(junk: object, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        scheme_for(junk, as_of=MID_2024)  # type: ignore[arg-type]
    assert err.value.codes == (code,)


@pytest.mark.parametrize("junk", [1.5, "100", True, None, [1]])
def test_scheme_for_refuses_wrong_types(junk: object) -> None:
    with pytest.raises(ValidationError) as err:
        scheme_for(junk, as_of=MID_2024)  # type: ignore[arg-type]
    assert err.value.codes == ("kur.plafond_type",)


def test_no_kur_rule_before_the_2015_relaunch() -> None:
    # KUR as relaunched at 12 % "effective 1 July 2015" (kontan, kompas 26 Jun 2015).
    with pytest.raises(
        NoRuleInForceError, match=r"no kur\.ceiling rule in force on 2015-06-30"
    ) as caught:
        scheme_for(D(1_000_000), as_of=date(2015, 6, 30))
    assert caught.value.table == "kur.ceiling"
    with pytest.raises(
        NoRuleInForceError, match=r"no kur\.rate rule in force on 2015-06-30"
    ) as caught:
        rate(MICRO, as_of=date(2015, 6, 30))
    assert caught.value.table == "kur.rate"
    assert scheme_for(D(1_000_000), as_of=date(2015, 7, 1)) is MICRO
    assert rate(MICRO, as_of=date(2015, 7, 1)) == D(12)


def test_plafond_bands_of_programme_schemes() -> None:
    assert plafond_band(SPECIAL, as_of=MID_2024).ceiling == D(500_000_000)
    pmi = plafond_band(PMI, as_of=MID_2024)
    assert pmi.admits(D(100_000_000))
    assert not pmi.admits(D(100_000_001))
    assert pmi.confidence is Confidence.MEDIUM
    old = plafond_band(PMI, as_of=date(2021, 1, 1))
    assert old.ceiling == D(25_000_000)
    assert old.confidence is Confidence.LOW


# --- R-KUR-2: borrower rate -------------------------------------------------


@pytest.mark.parametrize("scheme", [MICRO, SMALL])
def test_tiers_by_access(scheme: Scheme) -> None:
    got = [rate(scheme, as_of=MID_2024, access=k) for k in range(1, 8)]
    assert got == [D(6), D(7), D(8), D(9), D(9), D(9), D(9)]


def test_flat_schemes_in_tiered_regime() -> None:
    for k in (1, 2, 5):
        assert rate(SUPER, as_of=MID_2024, access=k) == D(3)
        assert rate(SPECIAL, as_of=MID_2024, access=k) == D(6)
        assert rate(PMI, as_of=MID_2024, access=k) == D(6)


def test_super_micro_rate_history_edges() -> None:
    # Permenko 15/2020: super mikro "mulai berlaku akhir Agustus 2020" (detik 13 Aug
    # 2020) at the scheme rate 6 % (okezone 7 Sep 2020); the 0 % of 2020 was relief.
    with pytest.raises(NoRuleInForceError, match=r"kur\.rate\[super_mikro\]") as caught:
        rate(SUPER, as_of=date(2020, 8, 30))
    assert caught.value.table == "kur.rate[super_mikro]"
    assert rate(SUPER, as_of=date(2020, 8, 31)) == D(6)
    assert rate(SUPER, as_of=date(2020, 12, 31)) == D(6)
    assert rate(SUPER, as_of=date(2021, 1, 1)) == D(6)
    assert rate(SUPER, as_of=TIERED_REGIME_FROM - DAY) == D(6)
    assert rate(SUPER, as_of=TIERED_REGIME_FROM) == D(3)
    assert rate(SUPER, as_of=PERMENKO_1_2026_FROM) == D(3)


def test_tiered_regime_edges() -> None:
    assert rate(MICRO, as_of=TIERED_REGIME_FROM - DAY, access=3) == D(6)
    assert rate(MICRO, as_of=TIERED_REGIME_FROM, access=3) == D(8)
    assert rate(MICRO, as_of=PERMENKO_1_2026_FROM - DAY, access=3) == D(8)
    assert rate(MICRO, as_of=PERMENKO_1_2026_FROM, access=3) == D(6)


def test_2026_flat_rate_is_a_medium_regime() -> None:
    regime = DEFAULT_RULES.rates.at(PERMENKO_1_2026_FROM)
    assert regime.confidence is Confidence.MEDIUM
    assert regime.citation.instrument == "Permenko Perekonomian 1/2026"


def test_tiers_kept_in_2026_when_asked() -> None:
    tiered = KurRules.build(flat_rate_2026=False)
    assert rate(MICRO, as_of=date(2026, 3, 1), access=4, rules=tiered) == D(9)
    assert access_limit(MICRO, Sector.TRADE, as_of=date(2026, 3, 1), rules=tiered) == 2


def test_configurable_tier_switch_date() -> None:
    late = KurRules.build(tiered_from=date(2023, 9, 1))
    assert rate(MICRO, as_of=date(2023, 8, 31), access=2, rules=late) == D(6)
    assert rate(MICRO, as_of=date(2023, 9, 1), access=2, rules=late) == D(7)
    assert access_limit(MICRO, Sector.TRADE, as_of=date(2023, 8, 31), rules=late) is None


@pytest.mark.parametrize(
    "bad",
    [
        {"tiered_from": date(2021, 6, 1)},
        {"tiered_from": date(2026, 2, 1)},
        {"permenko_12_2025_from": date(2022, 6, 1)},
        {"collateral_100jt_from": date(2019, 1, 1)},
    ],
)
def test_build_refuses_inconsistent_dates(bad: dict[str, date]) -> None:
    with pytest.raises(RuleInputError, match="dates must satisfy"):
        KurRules.build(**bad)


def test_exemption_38a_flattens_the_tier() -> None:
    as_of = date(2025, 6, 1)
    assert rate(MICRO, as_of=as_of, access=4) == D(9)
    assert rate(MICRO, as_of=as_of, access=4, exempt_38a=True) == D(6)
    decision = rate_decision(MICRO, as_of=as_of, access=4, exempt_38a=True)
    assert not decision.tier_applied
    assert "permenko-12-2025" in [r.name for r in decision.regimes]
    assert rate_decision(MICRO, as_of=as_of, access=4).tier_applied


def test_exemption_38a_before_it_exists_is_an_input_error() -> None:
    with pytest.raises(RuleInputError, match="Pasal 38A"):
        rate(MICRO, as_of=date(2024, 12, 31), access=2, exempt_38a=True)
    assert rate(MICRO, as_of=date(2025, 1, 1), access=2, exempt_38a=True) == D(6)


def test_disaster_override_years() -> None:
    assert rate(MICRO, as_of=date(2025, 12, 31), disaster_area=True) == D(6)
    assert rate(MICRO, as_of=date(2026, 1, 1), disaster_area=True) == D(0)
    assert rate(MICRO, as_of=date(2026, 12, 31), disaster_area=True) == D(0)
    assert rate(MICRO, as_of=date(2027, 1, 1), disaster_area=True) == D(3)
    assert rate(MICRO, as_of=date(2028, 1, 1), disaster_area=True) == D(6)
    # the override is a cap: it never raises super mikro's 3 %
    assert rate(SUPER, as_of=date(2028, 1, 1), disaster_area=True) == D(3)
    assert rate(SUPER, as_of=date(2026, 1, 1), disaster_area=True) == D(0)
    assert rate(MICRO, as_of=date(2026, 1, 1)) == D(6)
    d = rate_decision(MICRO, as_of=date(2026, 1, 1), disaster_area=True)
    assert d.finding("kur.rate").details["disaster_rate"] == "0"
    assert d.regimes[-1].confidence is Confidence.MEDIUM


@pytest.mark.parametrize("junk", [0, -1, True, "2", 1.0])
def test_access_number_junk(junk: object) -> None:
    with pytest.raises(ValidationError) as err:
        rate(MICRO, as_of=MID_2024, access=junk)  # type: ignore[arg-type]
    assert err.value.codes == ("kur.access",)


def test_caller_rules_override_a_regime() -> None:
    custom = attrs.evolve(
        DEFAULT_RULES,
        rates=DEFAULT_RULES.rates.overridden(
            Regime(
                name="hypothetical-2027",
                valid_from=date(2027, 1, 1),
                citation=Citation("Permenko Perekonomian 9/2026"),
                confidence=Confidence.LOW,
                value={s: (D(5),) for s in Scheme},
            )
        ),
    )
    assert rate(MICRO, as_of=date(2027, 1, 1), rules=custom) == D(5)
    assert rate(MICRO, as_of=date(2026, 12, 31), rules=custom) == D(6)


@given(
    scheme=st.sampled_from([MICRO, SMALL]),
    as_of=st.dates(TIERED_REGIME_FROM, PERMENKO_1_2026_FROM - DAY),
    k=st.integers(1, 50),
)
def test_rate_non_decreasing_in_access_in_tiered_regime(
    scheme: Scheme, as_of: date, k: int
) -> None:
    assert rate(scheme, as_of=as_of, access=k) <= rate(scheme, as_of=as_of, access=k + 1)


# --- R-KUR-11: subsidy --------------------------------------------------------


def test_subsidy_matches_kmk_317_table() -> None:
    assert [subsidy(MICRO, as_of=MID_2024, access=k) for k in (1, 2, 3, 4)] == [
        D(10),
        D(9),
        D(8),
        D(7),
    ]
    assert [subsidy(SMALL, as_of=MID_2024, access=k) for k in (1, 2, 3, 4)] == [
        D("5.5"),
        D("4.5"),
        D("3.5"),
        D("2.5"),
    ]
    assert subsidy(SUPER, as_of=MID_2024) == D(15)
    assert subsidy(PMI, as_of=MID_2024) == D("13.5")
    assert subsidy(SPECIAL, as_of=MID_2024, plafond=10_000_000) == D(12)
    assert subsidy(SPECIAL, as_of=MID_2024, plafond=10_000_001) == D(10)
    assert subsidy(SPECIAL, as_of=MID_2024, plafond=100_000_000) == D(10)
    assert subsidy(SPECIAL, as_of=MID_2024, plafond=100_000_001) == D("5.5")


def test_subsidy_regime_edges() -> None:
    # KMK 317/2023 (set 1 Sep 2023) covers akad signed from 27 Jan 2023 (bisnis.com
    # 4 Sep 2023, quoting the KMK); 1-26 Jan 2023 has no subsidy table.
    with pytest.raises(NoRuleInForceError) as caught:
        subsidy(MICRO, as_of=date(2023, 1, 26))
    assert caught.value.table == "kur.subsidy"
    assert subsidy(MICRO, as_of=date(2023, 1, 27)) == D(10)
    assert subsidy(MICRO, as_of=date(2023, 1, 27), access=2) == D(9)
    assert subsidy(MICRO, as_of=date(2025, 12, 31)) == D(10)
    with pytest.raises(NoRuleInForceError) as caught:
        subsidy(MICRO, as_of=date(2026, 1, 1))
    assert caught.value.table == "kur.subsidy"


def test_special_subsidy_needs_the_plafond() -> None:
    with pytest.raises(RuleInputError, match="plafond"):
        total_rate(SPECIAL, as_of=MID_2024)


@given(
    scheme=st.sampled_from(list(Scheme)),
    as_of=st.dates(date(2023, 9, 1), date(2025, 12, 31)),
    k=st.integers(1, 9),
    exempt=st.booleans(),
    plafond=st.integers(1, 500_000_000),
)
def test_borrower_rate_plus_subsidy_is_the_scheme_total(
    scheme: Scheme, as_of: date, k: int, exempt: bool, plafond: int
) -> None:
    exempt = exempt and as_of >= date(2025, 1, 1)
    total = total_rate(scheme, as_of=as_of, plafond=plafond)
    borrower = rate(scheme, as_of=as_of, access=k, exempt_38a=exempt)
    assert (
        borrower + subsidy(scheme, as_of=as_of, access=k, plafond=plafond, exempt_38a=exempt)
        == total
    )
    assert total in {D(18), D(16), D("11.5"), D("19.5")}


# --- R-KUR-4: tenors ----------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme", "purpose", "extended", "months"),
    [
        (MICRO, WC, False, 36),
        (MICRO, INV, False, 60),
        (MICRO, WC, True, 48),
        (MICRO, INV, True, 84),
        (SUPER, WC, False, 36),
        (SUPER, INV, True, 84),
        (SMALL, WC, False, 48),
        (SMALL, INV, False, 60),
        (SMALL, WC, True, 60),
        (SMALL, INV, True, 84),
        (SPECIAL, WC, False, 48),
        (SPECIAL, INV, True, 84),
        (PMI, WC, False, 36),
    ],
)
def test_max_tenor(scheme: Scheme, purpose: Purpose, extended: bool, months: int) -> None:
    # Super mikro exists from its first day (Permenko 15/2020), not from 1 Jan 2020.
    first = date(2020, 8, 31) if scheme is SUPER else date(2020, 1, 1)
    for as_of in (first, MID_2024, PERMENKO_1_2026_FROM):
        assert max_tenor_months(scheme, purpose, as_of=as_of, extended=extended) == months


@pytest.mark.parametrize(("purpose", "extended"), [(INV, False), (WC, True), (INV, True)])
def test_pmi_has_no_investment_or_extension_rule(purpose: Purpose, extended: bool) -> None:
    with pytest.raises(RuleInputError, match="KUR Penempatan PMI"):
        max_tenor_months(PMI, purpose, as_of=MID_2024, extended=extended)


def test_tenor_confidence_is_recorded_per_scheme() -> None:
    table = DEFAULT_RULES.tenors.value_at(MID_2024)
    assert table[MICRO].confidence is Confidence.HIGH
    assert table[SUPER].confidence is Confidence.MEDIUM
    assert table[SPECIAL].confidence is Confidence.LOW


# --- R-KUR-5: collateral ------------------------------------------------------


def test_collateral_ceiling_100jt() -> None:
    assert not additional_collateral_allowed(MICRO, 100_000_000, as_of=MID_2024)
    assert additional_collateral_allowed(SMALL, 100_000_001, as_of=MID_2024)
    assert not additional_collateral_allowed(PMI, 100_000_000, as_of=MID_2024)
    assert not additional_collateral_allowed(SPECIAL, 100_000_000, as_of=MID_2024)
    assert additional_collateral_allowed(SPECIAL, 100_000_001, as_of=MID_2024)


def test_collateral_ceiling_was_50jt_before_mid_2021() -> None:
    before = date(2021, 6, 30)
    assert not additional_collateral_allowed(SMALL, 50_000_000, as_of=before)
    assert additional_collateral_allowed(SMALL, 50_000_001, as_of=before)
    assert not additional_collateral_allowed(SMALL, 50_000_001, as_of=date(2021, 7, 1))
    assert DEFAULT_RULES.collateral.at(before).confidence is Confidence.MEDIUM


# --- R-KUR-6: NPWP -------------------------------------------------------------


@pytest.mark.parametrize(
    "as_of", [date(2022, 1, 1), MID_2024, date(2025, 12, 31), date(2026, 1, 1)]
)
def test_npwp_threshold(as_of: date) -> None:
    for scheme in (MICRO, SPECIAL, PMI):
        assert not npwp_required(scheme, 50_000_000, as_of=as_of)
        assert npwp_required(scheme, 50_000_001, as_of=as_of)
    assert npwp_required(SMALL, 100_000_001, as_of=as_of)
    assert not npwp_required(SUPER, 10_000_000, as_of=as_of)


def test_npwp_rule_unknown_before_2022() -> None:
    with pytest.raises(NoRuleInForceError) as caught:
        npwp_required(MICRO, 60_000_000, as_of=date(2021, 12, 31))
    assert caught.value.table == "kur.npwp"


# --- R-KUR-3: access limits -------------------------------------------------


@pytest.mark.parametrize(
    ("sector", "limit"),
    [(s, 4) for s in Sector if s.is_primary_production]
    + [(s, 2) for s in Sector if not s.is_primary_production],
)
def test_access_limits_by_sector(sector: Sector, limit: int) -> None:
    assert access_limit(MICRO, sector, as_of=MID_2024) == limit
    assert access_limit(SMALL, sector, as_of=MID_2024) is None


def test_access_limit_regime_edges_and_exemption() -> None:
    assert access_limit(MICRO, Sector.TRADE, as_of=TIERED_REGIME_FROM - DAY) is None
    assert access_limit(MICRO, Sector.TRADE, as_of=TIERED_REGIME_FROM) == 2
    assert access_limit(MICRO, Sector.TRADE, as_of=PERMENKO_1_2026_FROM - DAY) == 2
    assert access_limit(MICRO, Sector.TRADE, as_of=PERMENKO_1_2026_FROM) is None
    assert access_limit(MICRO, Sector.TRADE, as_of=date(2025, 3, 1), exempt_38a=True) is None
    with pytest.raises(RuleInputError, match="Pasal 38A"):
        access_limit(MICRO, Sector.TRADE, as_of=date(2024, 12, 31), exempt_38a=True)


# --- R-KUR-9: omzet -----------------------------------------------------------


def test_omzet_ceiling_from_2026() -> None:
    assert omzet_ceiling(as_of=PERMENKO_1_2026_FROM) == D(4_800_000_000)
    with pytest.raises(NoRuleInForceError) as caught:
        omzet_ceiling(as_of=PERMENKO_1_2026_FROM - DAY)
    assert caught.value.table == "kur.omzet"


def test_every_timeline_has_citations_and_names() -> None:
    for field in attrs.fields(KurRules):
        timeline = getattr(DEFAULT_RULES, field.name)
        if field.name == "relief_basis":  # the one parameter that is not a timeline
            continue
        assert timeline.name.startswith("kur.")
        for regime in timeline:
            assert regime.citation.instrument
            assert isinstance(regime.confidence, Confidence)


# --- wrong argument types are clear errors, never wrong answers ------------------


def test_wire_string_purpose_is_refused_not_read_as_investment() -> None:
    with pytest.raises(ValidationError) as err:
        max_tenor_months(MICRO, "modal_kerja", as_of=MID_2024)  # type: ignore[arg-type]
    assert err.value.codes == ("enum",)
    assert err.value.paths == ("$.purpose",)
    assert "Purpose('modal_kerja')" in str(err.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda: rate("mikro", as_of=MID_2024),  # type: ignore[arg-type]
        lambda: rate_decision("mikro", as_of=MID_2024),  # type: ignore[arg-type]
        lambda: subsidy("mikro", as_of=MID_2024),  # type: ignore[arg-type]
        lambda: total_rate("mikro", as_of=MID_2024),  # type: ignore[arg-type]
        lambda: max_tenor_months("mikro", WC, as_of=MID_2024),  # type: ignore[arg-type]
        lambda: plafond_band("mikro", as_of=MID_2024),  # type: ignore[arg-type]
        lambda: npwp_required("kecil", D(1), as_of=MID_2024),  # type: ignore[arg-type]
        lambda: additional_collateral_allowed("pmi", D(1), as_of=MID_2024),  # type: ignore[arg-type]
        lambda: access_limit("mikro", Sector.TRADE, as_of=MID_2024),  # type: ignore[arg-type]
    ],
)
def test_wire_string_scheme_is_refused(call: Any) -> None:
    with pytest.raises(ValidationError) as err:
        call()
    assert err.value.codes == ("enum",)
    assert err.value.paths == ("$.scheme",)
    assert "Scheme." in str(err.value)


def test_wire_string_sector_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        access_limit(MICRO, "perdagangan", as_of=MID_2024)  # type: ignore[arg-type]
    assert err.value.codes == ("enum",)
    assert err.value.paths == ("$.sector",)


@pytest.mark.parametrize("as_of", ["2024-05-01", datetime(2024, 5, 1, 9, 30), None, 20240501])
@pytest.mark.parametrize(
    "call",
    [
        lambda d: scheme_for(D(1), as_of=d),
        lambda d: plafond_band(MICRO, as_of=d),
        lambda d: rate(MICRO, as_of=d),
        lambda d: total_rate(MICRO, as_of=d),
        lambda d: subsidy(MICRO, as_of=d),
        lambda d: max_tenor_months(MICRO, WC, as_of=d),
        lambda d: additional_collateral_allowed(MICRO, D(1), as_of=d),
        lambda d: npwp_required(MICRO, D(1), as_of=d),
        lambda d: access_limit(MICRO, Sector.TRADE, as_of=d),
        lambda d: omzet_ceiling(as_of=d),
    ],
)
def test_as_of_must_be_a_date(call: Any, as_of: object) -> None:
    with pytest.raises(ValidationError) as err:
        call(as_of)
    assert err.value.codes == ("type.date",)
    assert err.value.paths == ("$.as_of",)


@pytest.mark.parametrize(
    "call",
    [
        lambda p: npwp_required(SUPER, p, as_of=MID_2024),
        lambda p: npwp_required(SMALL, p, as_of=MID_2024),
        lambda p: additional_collateral_allowed(PMI, p, as_of=MID_2024),
    ],
)
def test_plafond_is_checked_on_every_path(call: Any) -> None:
    with pytest.raises(ValidationError) as err:
        call(D(-5))
    assert err.value.codes == ("kur.plafond_not_positive",)


def test_plafond_has_at_most_two_decimals() -> None:
    with pytest.raises(ValidationError) as err:
        scheme_for(D("10000000.001"), as_of=MID_2024)
    assert err.value.codes == ("money.too_many_decimals",)
    assert scheme_for(D("10000000.01"), as_of=MID_2024) is MICRO


def _years_cited(citation: Citation) -> list[int]:
    return [int(year) for year in re.findall(r"\d+/(\d{4})", citation.instrument)]


@pytest.mark.parametrize(
    "rules",
    [
        DEFAULT_RULES,
        KurRules.build(tiered_from=date(2023, 9, 1), collateral_100jt_from=date(2022, 1, 1)),
        KurRules.build(collateral_100jt_from=date(2021, 1, 2), flat_rate_2026=False),
    ],
)
def test_no_regime_cites_an_instrument_younger_than_its_first_day(rules: KurRules) -> None:
    for field in attrs.fields(KurRules):
        if field.name == "relief_basis":
            continue
        for regime in getattr(rules, field.name):
            years = _years_cited(regime.citation)
            assert all(year <= regime.valid_from.year for year in years), (
                field.name,
                regime.name,
                regime.valid_from,
                regime.citation.instrument,
            )


def test_collateral_switch_date_stays_in_2021() -> None:
    with pytest.raises(RuleInputError, match="dates must satisfy"):
        KurRules.build(collateral_100jt_from=date(2022, 1, 2))
    with pytest.raises(RuleInputError, match="dates must satisfy"):
        KurRules.build(collateral_100jt_from=date(2020, 12, 31))
    early = KurRules.build(collateral_100jt_from=date(2021, 1, 2))
    assert not additional_collateral_allowed(SMALL, 60_000_000, as_of=date(2021, 1, 2), rules=early)
    assert additional_collateral_allowed(SMALL, 60_000_000, as_of=date(2021, 1, 1), rules=early)


@given(
    scheme=st.sampled_from(list(Scheme)),
    as_of=st.dates(date(2015, 7, 1), date(2030, 12, 31)),
    k=st.integers(1, 9),
    exempt=st.booleans(),
    disaster=st.booleans(),
)
def test_rate_is_the_outcome_of_rate_decision(
    scheme: Scheme, as_of: date, k: int, exempt: bool, disaster: bool
) -> None:
    assume(scheme in DEFAULT_RULES.rates.value_at(as_of))
    exempt = exempt and as_of >= date(2025, 1, 1)
    args = {"as_of": as_of, "access": k, "exempt_38a": exempt, "disaster_area": disaster}
    decision = rate_decision(scheme, **args)  # type: ignore[arg-type]
    assert rate(scheme, **args) == decision.outcome  # type: ignore[arg-type]
    assert decision.finding("kur.rate").details["rate"] == str(decision.outcome)
    assert ("disaster_rate" in decision.finding("kur.rate").details) == (
        decision.regimes[-1].name.startswith("bencana")
    )


def test_disaster_cap_last_day_of_2027() -> None:
    assert rate(MICRO, as_of=date(2027, 12, 31), disaster_area=True) == D(3)
