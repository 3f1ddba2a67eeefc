"""Independent oracles for KUR from 2020 on (Permenko 1/2022 as amended, KMK 317/2023, 2026).

Every expected value is typed by hand from the instrument named on its row; no
row reads ``DEFAULT_RULES``, a ``Timeline`` or a strategy. The years before
2020 have their own typed table in ``test_kur_history.py``.
``scripts/mutate_law.py src/koperasi_id/kur/_rules_*.py ...`` changes each legal
number of the KUR rules and reports the ones these files do not notice.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from koperasi_id.errors import NoRuleInForceError, RuleInputError
from koperasi_id.identifiers import Nik
from koperasi_id.kur import (
    KurApplication,
    Purpose,
    Scheme,
    Sector,
    access_limit,
    additional_collateral_allowed,
    annuity_payment,
    assess,
    borrower_rate,
    flat_rate_equivalent,
    max_tenor_months,
    npwp_required,
    omzet_ceiling,
    plafond_band,
    rate,
    scheme_for,
    subsidy,
    total_rate,
)
from koperasi_id.msme import Business
from koperasi_id.regions import RegionCode

D = Decimal
JT = 1_000_000
SUPER, MICRO, SMALL = Scheme.SUPER_MICRO, Scheme.MICRO, Scheme.SMALL
SPECIAL, PMI = Scheme.SPECIAL, Scheme.MIGRANT_WORKER
WC, INV = Purpose.WORKING_CAPITAL, Purpose.INVESTMENT

# (as_of, scheme, access, expected borrower rate % p.a., citation)
RATE_ORACLE = [
    # Permenko 8/2019 / 15/2020 / 1/2022: 6 % efektif for every scheme until the tiers.
    (date(2021, 6, 1), SUPER, 1, D(6), "Permenko 15/2020 (okezone 7 Sep 2020)"),
    (date(2022, 12, 31), SUPER, 1, D(6), "Permenko 1/2022"),
    (date(2022, 12, 31), MICRO, 3, D(6), "Permenko 1/2022 (no tiers yet)"),
    # Permenko 1/2023 Pasal 18 ayat (2): super mikro 3 %.
    (date(2023, 1, 1), SUPER, 1, D(3), "Permenko 1/2023 Pasal 18 ayat (2)"),
    # Pasal 22 ayat (2) (mikro) and Pasal 26 ayat (2) (kecil): 6/7/8/9 % by access.
    (date(2023, 1, 1), MICRO, 1, D(6), "Permenko 1/2023 Pasal 22 ayat (2)"),
    (date(2024, 5, 1), MICRO, 2, D(7), "Permenko 1/2023 Pasal 22 ayat (2)"),
    (date(2024, 5, 1), MICRO, 3, D(8), "Permenko 1/2023 Pasal 22 ayat (2)"),
    (date(2024, 5, 1), MICRO, 4, D(9), "Permenko 1/2023 Pasal 22 ayat (2)"),
    (date(2025, 12, 31), MICRO, 4, D(9), "Permenko 1/2023 Pasal 22 ayat (2)"),
    (date(2024, 5, 1), SMALL, 1, D(6), "Permenko 1/2023 Pasal 26 ayat (2)"),
    (date(2024, 5, 1), SMALL, 2, D(7), "Permenko 1/2023 Pasal 26 ayat (2)"),
    (date(2024, 5, 1), SMALL, 3, D(8), "Permenko 1/2023 Pasal 26 ayat (2)"),
    (date(2024, 5, 1), SMALL, 4, D(9), "Permenko 1/2023 Pasal 26 ayat (2)"),
    # Pasal 35: KUR khusus 6 % efektif, not tiered; PMI 6 %.
    (date(2024, 5, 1), SPECIAL, 3, D(6), "Permenko 1/2023 Pasal 35"),
    (date(2024, 5, 1), PMI, 1, D(6), "Permenko 1/2022 as amended (bisnis.com 5 Aug 2025)"),
    # From 1 Jan 2026 one rate of 6 % whatever the access (Menteri UMKM, 18 Nov 2025).
    (date(2026, 1, 1), MICRO, 4, D(6), "Permenko 1/2026 (announced flat 6 %)"),
    (date(2026, 1, 1), SMALL, 3, D(6), "Permenko 1/2026 (announced flat 6 %)"),
    (date(2026, 1, 1), SUPER, 1, D(3), "Permenko 1/2026 (super mikro 3 %)"),
]


@pytest.mark.parametrize(("as_of", "scheme", "access", "expected", "citation"), RATE_ORACLE)
def test_rate_oracle(
    as_of: date, scheme: Scheme, access: int, expected: Decimal, citation: str
) -> None:
    assert rate(scheme, as_of=as_of, access=access) == expected, citation


# KMK 317/2023 (kompas 4 Sep 2023; radartegal for the 4th agreement): subsidy in
# percentage points. (scheme, access, plafond, subsidy, total).
KMK_317_ORACLE = [
    (SUPER, 1, 10 * JT, D(15), D(18)),
    (PMI, 1, 50 * JT, D("13.5"), D("19.5")),
    (SPECIAL, 1, 10 * JT, D(12), D(18)),
    (SPECIAL, 1, 10 * JT + 1, D(10), D(16)),
    (SPECIAL, 1, 100 * JT, D(10), D(16)),
    (SPECIAL, 1, 100 * JT + 1, D("5.5"), D("11.5")),
    (MICRO, 1, 50 * JT, D(10), D(16)),
    (MICRO, 2, 50 * JT, D(9), D(16)),
    (MICRO, 3, 50 * JT, D(8), D(16)),
    (MICRO, 4, 50 * JT, D(7), D(16)),
    (SMALL, 1, 200 * JT, D("5.5"), D("11.5")),
    (SMALL, 2, 200 * JT, D("4.5"), D("11.5")),
    (SMALL, 3, 200 * JT, D("3.5"), D("11.5")),
    (SMALL, 4, 200 * JT, D("2.5"), D("11.5")),
]


@pytest.mark.parametrize(("scheme", "access", "plafond", "expected", "total"), KMK_317_ORACLE)
def test_kmk_317_subsidy_oracle(
    scheme: Scheme, access: int, plafond: int, expected: Decimal, total: Decimal
) -> None:
    as_of = date(2024, 5, 1)
    assert subsidy(scheme, as_of=as_of, access=access, plafond=plafond) == expected
    assert total_rate(scheme, as_of=as_of, plafond=plafond) == total


def test_kmk_317_first_day() -> None:
    # KMK 317/2023 covers akad from 27 Jan 2023 (as the KMK itself says); the days
    # between the end of KMK 91/2022 and then have no subsidy table.
    assert subsidy(MICRO, as_of=date(2023, 1, 27)) == D(10)
    with pytest.raises(NoRuleInForceError) as caught:
        subsidy(MICRO, as_of=date(2023, 1, 26))
    assert caught.value.table == "kur.subsidy"


def test_2022_totals_before_kmk_317() -> None:
    # KMK 91/2022 (revoked by KMK 317/2023): mikro 16, kecil 11.5, PMI 19.5, super mikro 18.
    as_of = date(2022, 6, 1)
    assert total_rate(MICRO, as_of=as_of) == D(16)
    assert total_rate(SMALL, as_of=as_of) == D("11.5")
    assert total_rate(PMI, as_of=as_of) == D("19.5")
    assert total_rate(SUPER, as_of=as_of) == D(18)
    # 2020: the regular subsidy was 10.5 points on a 6 % rate for mikro (okezone 2020).
    assert total_rate(MICRO, as_of=date(2020, 5, 1)) == D("16.5")
    assert total_rate(SMALL, as_of=date(2020, 5, 1)) == D("11.5")
    assert total_rate(PMI, as_of=date(2020, 5, 1)) == D(20)


# Permenko 1/2022 as amended: super mikro ≤ Rp10 jt; mikro > Rp10 jt to Rp100 jt;
# kecil > Rp100 jt to Rp500 jt (CNBC 4 Sep 2023). 2020-2021: mikro to Rp50 jt
# (okezone 7 Sep 2020; databoks 2021).
@pytest.mark.parametrize(
    ("as_of", "plafond", "expected"),
    [
        (date(2024, 5, 1), 10 * JT, SUPER),
        (date(2024, 5, 1), 10 * JT + 1, MICRO),
        (date(2024, 5, 1), 100 * JT, MICRO),
        (date(2024, 5, 1), 100 * JT + 1, SMALL),
        (date(2024, 5, 1), 500 * JT, SMALL),
        (date(2021, 6, 1), 10 * JT, SUPER),
        (date(2021, 6, 1), 50 * JT, MICRO),
        (date(2021, 6, 1), 50 * JT + 1, SMALL),
        (date(2022, 1, 1), 100 * JT, MICRO),
        # Permenko 15/2020 (okezone 7 Sep 2020): super mikro to Rp10 jt, mikro to Rp50 jt.
        (date(2020, 9, 1), 10 * JT, SUPER),
        (date(2020, 9, 1), 50 * JT, MICRO),
        (date(2020, 9, 1), 50 * JT + 1, SMALL),
        # Permenko 1/2026: ceilings unchanged (open question 3 of the domain notes).
        (date(2026, 1, 1), 10 * JT, SUPER),
        (date(2026, 1, 1), 100 * JT, MICRO),
        (date(2026, 1, 1), 100 * JT + 1, SMALL),
    ],
)
def test_scheme_bands_oracle(as_of: date, plafond: int, expected: Scheme) -> None:
    assert scheme_for(D(plafond), as_of=as_of) is expected


def test_ceilings_of_khusus_and_pmi() -> None:
    # Permenko 1/2023 Pasal 35: khusus at most Rp500 jt; PMI at most Rp100 jt
    # (bisnis.com 5 Aug 2025); before 2022 PMI (TKI) Rp25 jt (databoks 2021).
    assert plafond_band(SPECIAL, as_of=date(2024, 5, 1)).ceiling == D(500 * JT)
    assert plafond_band(PMI, as_of=date(2024, 5, 1)).ceiling == D(100 * JT)
    assert plafond_band(PMI, as_of=date(2021, 6, 1)).ceiling == D(25 * JT)
    assert plafond_band(SUPER, as_of=date(2024, 5, 1)).ceiling == D(10 * JT)
    assert plafond_band(SMALL, as_of=date(2026, 1, 1)).ceiling == D(500 * JT)
    assert plafond_band(PMI, as_of=date(2026, 1, 1)).ceiling == D(100 * JT)
    assert plafond_band(PMI, as_of=date(2020, 9, 1)).ceiling == D(25 * JT)


# Permenko 1/2023 Pasal 22, 26, 35 (disway; rumahlimas for super mikro): KMK / KI
# months, then after extension, suplesi or restructuring.
@pytest.mark.parametrize(
    ("scheme", "purpose", "extended", "months"),
    [
        (SUPER, WC, False, 36), (SUPER, INV, False, 60), (SUPER, WC, True, 48),
        (SUPER, INV, True, 84),
        (MICRO, WC, False, 36), (MICRO, INV, False, 60), (MICRO, WC, True, 48),
        (MICRO, INV, True, 84),
        (SMALL, WC, False, 48), (SMALL, INV, False, 60), (SMALL, WC, True, 60),
        (SMALL, INV, True, 84),
        (SPECIAL, WC, False, 48), (SPECIAL, INV, False, 60),
        # Khusus after extension: the source is truncated, read as kecil (LOW).
        (SPECIAL, WC, True, 60), (SPECIAL, INV, True, 84),
        (PMI, WC, False, 36),
    ],
)  # fmt: skip
def test_tenor_oracle(scheme: Scheme, purpose: Purpose, extended: bool, months: int) -> None:
    for as_of in (date(2020, 9, 1), date(2022, 6, 1), date(2024, 5, 1), date(2026, 2, 1)):
        assert max_tenor_months(scheme, purpose, as_of=as_of, extended=extended) == months


def test_collateral_oracle() -> None:
    # Permenko 1/2023 Pasal 14 ayat (3): no agunan tambahan up to Rp100 jt; Rp50 jt
    # before the June 2021 decision (medcom 15 Jun 2021).
    assert not additional_collateral_allowed(MICRO, 100 * JT, as_of=date(2024, 5, 1))
    assert additional_collateral_allowed(SMALL, 100 * JT + 1, as_of=date(2024, 5, 1))
    assert not additional_collateral_allowed(MICRO, 50 * JT, as_of=date(2020, 6, 1))
    assert additional_collateral_allowed(SMALL, 50 * JT + 1, as_of=date(2020, 6, 1))
    assert not additional_collateral_allowed(MICRO, 100 * JT, as_of=date(2022, 6, 1))
    assert not additional_collateral_allowed(MICRO, 100 * JT, as_of=date(2021, 7, 1))
    assert additional_collateral_allowed(SMALL, 50 * JT + 1, as_of=date(2021, 6, 30))


def test_npwp_oracle() -> None:
    # NPWP for mikro, khusus and PMI above Rp50 jt and for all kecil (ftnews 2023-24;
    # Permenko 1/2026 per ortax and DDTC); super mikro needs none.
    for as_of in (date(2024, 5, 1), date(2026, 2, 1)):
        assert not npwp_required(MICRO, 50 * JT, as_of=as_of)
        assert npwp_required(MICRO, 50 * JT + 1, as_of=as_of)
        assert npwp_required(PMI, 50 * JT + 1, as_of=as_of)
        assert not npwp_required(PMI, 50 * JT, as_of=as_of)
        assert npwp_required(SMALL, 100 * JT + 1, as_of=as_of)
        assert not npwp_required(SUPER, 10 * JT, as_of=as_of)


def test_access_limit_oracle() -> None:
    # Permenko 1/2023 Pasal 24 ayat (4): 4 accesses for primary production; ayat (4a):
    # 2 for every other mikro borrower. Abolished from 2026 (announced 18 Nov 2025).
    as_of = date(2024, 5, 1)
    for sector in (Sector.AGRICULTURE, Sector.ESTATE_CROPS, Sector.FISHERIES, Sector.LIVESTOCK):
        assert access_limit(MICRO, sector, as_of=as_of) == 4
    for sector in (Sector.TRADE, Sector.SERVICES, Sector.MANUFACTURING):
        assert access_limit(MICRO, sector, as_of=as_of) == 2
    assert access_limit(MICRO, Sector.TRADE, as_of=date(2026, 1, 1)) is None


def test_omzet_ceiling_oracle() -> None:
    # Permenko 1/2026 Pasal 3 ayat (3): omzet at most Rp4,8 M (DDTC 2 Feb 2026; ortax).
    assert omzet_ceiling(as_of=date(2026, 1, 1)) == D(4_800_000_000)


def test_disaster_rate_oracle() -> None:
    # Menko Perekonomian (Dec 2025 / 9 Jan 2026): Aceh, Sumut, Sumbar new KUR at 0 % in
    # 2026, 3 % in 2027, 6 % in 2028.
    assert rate(MICRO, as_of=date(2026, 1, 1), disaster_area=True) == D(0)
    assert rate(MICRO, as_of=date(2026, 12, 31), disaster_area=True) == D(0)
    assert rate(MICRO, as_of=date(2027, 1, 1), disaster_area=True) == D(3)
    assert rate(MICRO, as_of=date(2027, 12, 31), disaster_area=True) == D(3)
    assert rate(MICRO, as_of=date(2028, 1, 1), disaster_area=True) == D(6)


def oracle_rate(scheme: Scheme, as_of: date, access: int) -> Decimal | None:
    """The borrower rate typed from the rules above, for property tests; None: no row."""
    if as_of < date(2023, 1, 1) or as_of >= date(2026, 1, 1):
        return None
    if scheme is SUPER:
        return D(3)  # Permenko 1/2023 Pasal 18 ayat (2)
    if scheme in (MICRO, SMALL):
        return D(5 + min(access, 4))  # Pasal 22 / 26 ayat (2): 6, 7, 8, 9
    return D(6)  # Pasal 35 (khusus), PMI


NIK = Nik.parse("1871010101900001")


def business(started_on: date) -> Business:
    return Business(
        name="Warung Bu Sari",
        owner_nik=NIK,
        started_on=started_on,
        region=RegionCode.parse("18.71"),
        annual_sales=D(600_000_000),
    )


def application(
    *,
    business: Business,
    scheme: Scheme = MICRO,
    plafond: int = 50 * JT,
    had_training: bool = False,
) -> KurApplication:
    return KurApplication(
        borrower_nik=NIK,
        business=business,
        scheme=scheme,
        plafond=D(plafond),
        tenor_months=36,
        purpose=WC,
        sector=Sector.TRADE,
        akad_date=date(2024, 5, 1),
        had_training=had_training,
    )


@pytest.mark.parametrize(
    ("scheme", "plafond"),
    [(SUPER, 10 * JT), (MICRO, 50 * JT), (SMALL, 200 * JT), (SPECIAL, 200 * JT)],
)
def test_business_age_six_months_oracle(scheme: Scheme, plafond: int) -> None:
    # Six months of running business for mikro, kecil and khusus (kur.jogjaprov FAQ;
    # Permenko 12/2025 Pasal 36 ayat (2) for khusus), super mikro too unless mentored
    # (Permenko 15/2020, carried forward). Akad 1 May 2024: started 1 Nov 2023 is enough.
    def age_passed(started_on: date) -> bool:
        app = application(scheme=scheme, plafond=plafond, business=business(started_on=started_on))
        return assess(app).finding("kur.business_age").passed

    assert age_passed(date(2023, 11, 1))
    assert not age_passed(date(2023, 11, 2))


def test_training_shortcut_three_months_oracle() -> None:
    # Mikro: 3 months after entrepreneurship training or mentoring (disway.id 2023).
    def trained(started_on: date) -> bool:
        app = application(business=business(started_on=started_on), had_training=True)
        return assess(app).finding("kur.business_age").passed

    assert trained(date(2024, 2, 1))
    assert not trained(date(2024, 2, 2))


def test_pandemic_relief_oracle() -> None:
    # Extra interest subsidy (tambahan subsidi bunga): 3 % from January 2021 to 30 June
    # 2022, extended July-December 2022 (bisnis.com and suaramerdeka 7 Mar 2022); a
    # mikro loan agreed at 6 % in Feb 2020 paid 6 - 3 = 3 % for periods in that span
    # and 6 % again for the period due in January 2023, after the relief ended.
    akad = date(2020, 2, 10)
    assert borrower_rate(MICRO, akad_date=akad, period_start=date(2021, 3, 10)) == D(3)
    assert borrower_rate(MICRO, akad_date=akad, period_start=date(2022, 11, 10)) == D(3)
    assert borrower_rate(MICRO, akad_date=akad, period_start=date(2022, 12, 10)) == D(6)


# Permenko 1/2023 Pasal 35 ayat (3): "X% efektif pertahun", read as interest on the
# declining balance with monthly rate = annual / 12. Vectors computed from
# P·r / (1 − (1+r)^−n) and (instalment·n − P) / (P·n/12), typed from the domain notes.
@pytest.mark.parametrize(
    ("principal", "rate", "months", "instalment", "flat"),
    [
        (10_000_000, 3, 12, "846936.99", "1.6324"),
        (10_000_000, 3, 36, "290812.10", "1.5641"),
        (50_000_000, 6, 12, "4303321.49", "3.2797"),
        (50_000_000, 6, 36, "1521096.87", "3.1730"),
        (100_000_000, 6, 60, "1933280.15", "3.1994"),
        (500_000_000, 6, 60, "9666400.76", "3.1994"),
        (50_000_000, 7, 36, "1543854.84", "3.7192"),
        (50_000_000, 9, 36, "1589986.63", "4.8263"),
    ],
)
def test_annuity_vectors_oracle(
    principal: int, rate: int, months: int, instalment: str, flat: str
) -> None:
    assert round(annuity_payment(D(principal), D(rate), months), 2) == D(instalment)
    assert round(flat_rate_equivalent(D(principal), D(rate), months), 4) == D(flat)


# --- rows added after the full law-mutation run of December 2026 ----------------------


def test_kur_2015_to_2020_ceilings_for_migrant_workers_and_micro_from_zero() -> None:
    # KUR 2015 (Permenko 6/2015 as relaunched): "mikro ≤ Rp25 jt ... TKI ≤ Rp25 jt";
    # Permenko 8/2019 keeps TKI/PMI at Rp25 jt until super mikro arrives in 2020.
    assert plafond_band(Scheme.MIGRANT_WORKER, as_of=date(2016, 6, 1)).ceiling == 25 * JT
    assert plafond_band(Scheme.MIGRANT_WORKER, as_of=date(2020, 6, 1)).ceiling == 25 * JT
    # Before super mikro, mikro starts at the first rupiah.
    assert scheme_for(Decimal(1), as_of=date(2019, 6, 1)) is Scheme.MICRO


def test_kur_2020_pandemic_rate_for_every_scheme() -> None:
    # Permenko Perekonomian 8/2019 jo. 15/2020: before the Permenko 1/2023 regime
    # "every scheme at 6%" (okezone, 7 Sep 2020).
    assert rate(Scheme.MICRO, as_of=date(2020, 12, 31)) == Decimal(6)
    assert rate(Scheme.SMALL, as_of=date(2020, 12, 31)) == Decimal(6)


def test_pmk_146_2015_subsidy_ends_with_2015() -> None:
    # PMK 146/2015: mikro 7 and ritel (kecil) 3 points in 2015; the 2016 regime has
    # its own mikro points (10) and no kecil figure the library knows.
    assert subsidy(Scheme.MICRO, as_of=date(2015, 12, 31)) == Decimal(7)
    assert subsidy(Scheme.SMALL, as_of=date(2015, 12, 31)) == Decimal(3)
    assert subsidy(Scheme.MICRO, as_of=date(2016, 1, 1)) != Decimal(7)
    with pytest.raises(NoRuleInForceError) as caught:
        subsidy(Scheme.SMALL, as_of=date(2016, 1, 1))
    assert caught.value.table == "kur.subsidy[kecil]"


def test_pasal_38a_claim_from_its_documented_first_day() -> None:
    # Permenko 12/2025 Pasal 38A: its enactment date was not found; the library's
    # documented LOW parameter is 1 Jan 2025, the earliest day of the instrument's year.
    assert rate(Scheme.MICRO, as_of=date(2025, 1, 1), access=2, exempt_38a=True) == Decimal(6)
    with pytest.raises(RuleInputError, match=r"^the Pasal 38A exemption .* is not in force on "):
        rate(Scheme.MICRO, as_of=date(2024, 12, 31), access=2, exempt_38a=True)


def test_kmk_436_2020_subsidy_points() -> None:
    # KMK 436/2020 (31 Aug - 31 Dec 2020), on the 6 % borrower rate: mikro 10,5,
    # kecil 5,5, TKI/PMI 14 and super mikro 13 points.
    on = date(2020, 12, 31)
    assert subsidy(Scheme.MICRO, as_of=on) == Decimal("10.5")
    assert subsidy(Scheme.SMALL, as_of=on) == Decimal("5.5")
    assert subsidy(Scheme.MIGRANT_WORKER, as_of=on) == Decimal(14)
    assert subsidy(Scheme.SUPER_MICRO, as_of=on) == Decimal(13)
