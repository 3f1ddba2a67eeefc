"""KUR before 2023: the day before and the first day of every regime since 2015.

Expected values are typed from the sources named on each test, never read from
the library's own tables.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from koperasi_id.errors import NoRuleInForceError, RuleInputError
from koperasi_id.kur import (
    KurRules,
    Purpose,
    Scheme,
    max_tenor_months,
    plafond_band,
    rate,
    scheme_for,
    subsidy,
    total_rate,
)

D = Decimal
MICRO, SMALL, SUPER = Scheme.MICRO, Scheme.SMALL, Scheme.SUPER_MICRO
SPECIAL, PMI = Scheme.SPECIAL, Scheme.MIGRANT_WORKER


# --- borrower rate at the akad date ------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        # 12 % "effective 1 July 2015" (kontan and kompas, 26 Jun 2015).
        (date(2015, 7, 1), D(12)),
        (date(2015, 12, 31), D(12)),
        # 9 % "per 1 Januari 2016" (liputan6, 28 Dec 2015).
        (date(2016, 1, 1), D(9)),
        # Still 9 % in 2017: "turun dari 9 persen menjadi 7 persen" (CNN, 8 Dec 2017).
        (date(2017, 12, 31), D(9)),
        # 7 % from 2018 (CNN 8 Dec 2017; okezone 18 Jan 2018), "tahun lalu ... 7 persen"
        # for 2019 (liputan6, 21 Jan 2020).
        (date(2018, 1, 1), D(7)),
        (date(2019, 12, 31), D(7)),
        # 6 % from 2020 (liputan6, 21 Jan 2020; Permenko 8/2019).
        (date(2020, 1, 1), D(6)),
    ],
)
@pytest.mark.parametrize("scheme", [MICRO, SMALL, PMI])
def test_rate_history_from_the_relaunch(scheme: Scheme, as_of: date, expected: Decimal) -> None:
    assert rate(scheme, as_of=as_of) == expected


def test_day_before_the_relaunch_is_no_rule() -> None:
    for scheme in (MICRO, SMALL, PMI):
        with pytest.raises(
            NoRuleInForceError, match=r"no kur\.rate rule in force on 2015-06-30"
        ) as caught:
            rate(scheme, as_of=date(2015, 6, 30))
        assert caught.value.table == "kur.rate"


def test_kur_khusus_from_2018_only() -> None:
    # Permenko 11/2017 (LOW for khusus): not in the 2015–2017 schemes.
    with pytest.raises(NoRuleInForceError, match=r"kur\.rate\[khusus\]") as caught:
        rate(SPECIAL, as_of=date(2017, 12, 31))
    assert caught.value.table == "kur.rate[khusus]"
    assert rate(SPECIAL, as_of=date(2018, 1, 1)) == D(7)


def test_super_mikro_first_day_is_a_parameter() -> None:
    # detik 13 Aug 2020: "mulai berlaku akhir Agustus 2020" (LOW on the day).
    with pytest.raises(NoRuleInForceError, match=r"kur\.rate\[super_mikro\]") as caught:
        rate(SUPER, as_of=date(2020, 8, 30))
    assert caught.value.table == "kur.rate[super_mikro]"
    assert rate(SUPER, as_of=date(2020, 8, 31)) == D(6)
    early = KurRules.build(super_micro_from=date(2020, 8, 24))
    assert rate(SUPER, as_of=date(2020, 8, 24), rules=early) == D(6)
    with pytest.raises(RuleInputError, match="super_micro_from"):
        KurRules.build(super_micro_from=date(2021, 1, 1))


def test_kmk_317_first_day_is_a_parameter() -> None:
    late = KurRules.build(kmk_317_from=date(2023, 9, 1))
    with pytest.raises(NoRuleInForceError) as caught:
        subsidy(MICRO, as_of=date(2023, 8, 31), rules=late)
    assert caught.value.table == "kur.subsidy"
    assert subsidy(MICRO, as_of=date(2023, 9, 1), rules=late) == D(10)
    # With a later tiered regime the 2022 table runs on until KMK 317/2023.
    both = KurRules.build(tiered_from=date(2023, 9, 1), kmk_317_from=date(2023, 9, 1))
    assert subsidy(MICRO, as_of=date(2023, 8, 31), rules=both) == D(10)
    with pytest.raises(RuleInputError, match="kmk_317_from"):
        KurRules.build(kmk_317_from=date(2022, 12, 31))


def test_relaunch_day_is_a_parameter() -> None:
    august = KurRules.build(kur_relaunch=date(2015, 8, 12))
    with pytest.raises(NoRuleInForceError) as caught:
        rate(MICRO, as_of=date(2015, 8, 11), rules=august)
    assert caught.value.table == "kur.rate"
    assert rate(MICRO, as_of=date(2015, 8, 12), rules=august) == D(12)
    with pytest.raises(RuleInputError, match="kur_relaunch"):
        KurRules.build(kur_relaunch=date(2014, 12, 31))


# --- schemes and ceilings ------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "amount", "expected"),
    [
        # Mikro ≤ Rp25 jt, ritel/kecil above it (detik 17 Jun 2015; Permenko 11/2017).
        (date(2015, 7, 1), 25_000_000, MICRO),
        (date(2015, 7, 1), 25_000_001, SMALL),
        (date(2019, 12, 31), 25_000_000, MICRO),
        (date(2019, 12, 31), 25_000_001, SMALL),
        # Permenko 8/2019: mikro ≤ Rp50 jt from 2020, no super mikro yet.
        (date(2020, 1, 1), 25_000_001, MICRO),
        (date(2020, 1, 1), 50_000_000, MICRO),
        (date(2020, 1, 1), 50_000_001, SMALL),
        (date(2020, 8, 30), 10_000_000, MICRO),
        # Permenko 15/2020: super mikro ≤ Rp10 jt, mikro Rp10–50 jt (okezone 7 Sep 2020).
        (date(2020, 8, 31), 10_000_000, SUPER),
        (date(2020, 8, 31), 10_000_001, MICRO),
        (date(2021, 12, 31), 50_000_001, SMALL),
        # Permenko 1/2022: mikro Rp10–100 jt for 2022 (Komite Kebijakan 29 Dec 2021,
        # kompas via kontan 30 Dec 2021; CNBC 4 Sep 2023 restates it).
        (date(2022, 1, 1), 50_000_001, MICRO),
        (date(2022, 1, 1), 100_000_001, SMALL),
    ],
)
def test_scheme_bands_at_every_switch(as_of: date, amount: int, expected: Scheme) -> None:
    assert scheme_for(D(amount), as_of=as_of) is expected


def test_tki_ceiling_before_2020() -> None:
    band = plafond_band(PMI, as_of=date(2018, 1, 1))
    assert band.admits(D(25_000_000))
    assert not band.admits(D(25_000_001))


# --- the regular subsidy before KMK 317/2023 -----------------------------------------------


@pytest.mark.parametrize(
    ("scheme", "as_of", "expected"),
    [
        # PMK 146/PMK.05/2015: mikro 7, ritel 3, TKI 12 points (kontan; tribunnews 7 Aug 2015).
        (MICRO, date(2015, 12, 31), D(7)),
        (SMALL, date(2015, 12, 31), D(3)),
        (PMI, date(2015, 12, 31), D(12)),
        # 2017: the bank received 18.5 / 13.5 / 21 on a 9 % rate (CNN 8 Dec 2017).
        (MICRO, date(2017, 1, 1), D("9.5")),
        (SMALL, date(2017, 12, 31), D("4.5")),
        (PMI, date(2017, 12, 31), D(12)),
        # KMK 372/2017 from 2018: mikro 10.5, ritel 5.5, TKI 14 (CNN 8 Dec 2017).
        (MICRO, date(2018, 1, 1), D("10.5")),
        (SMALL, date(2019, 12, 31), D("5.5")),
        (PMI, date(2019, 12, 31), D(14)),
        # 2020: mikro 10.5, kecil 5.5, TKI 14 (liputan6 21 Jan 2020).
        (MICRO, date(2020, 1, 1), D("10.5")),
        (SMALL, date(2020, 1, 1), D("5.5")),
        (PMI, date(2020, 1, 1), D(14)),
        # Super mikro regular subsidy 13 points (okezone 7 Sep 2020).
        (SUPER, date(2020, 8, 31), D(13)),
        # 2021 unchanged; 2022 cut by 1 (super mikro) and 0.5 (mikro, PMI) points:
        # Komite Kebijakan 29 Dec 2021 (kompas via kontan 30 Dec 2021).
        (MICRO, date(2021, 12, 31), D("10.5")),
        (MICRO, date(2022, 1, 1), D(10)),
        (SUPER, date(2022, 1, 1), D(12)),
        (PMI, date(2022, 12, 31), D("13.5")),
        (SMALL, date(2022, 12, 31), D("5.5")),
    ],
)
def test_regular_subsidy_history(scheme: Scheme, as_of: date, expected: Decimal) -> None:
    assert subsidy(scheme, as_of=as_of) == expected
    assert rate(scheme, as_of=as_of) + expected == total_rate(scheme, as_of=as_of)


def test_subsidy_gaps_are_no_rule() -> None:
    # 2016: only the mikro points were found (test_oracles_kur_history.py); KMK
    # 317/2023 covers akad from 27 Jan 2023 only.
    with pytest.raises(NoRuleInForceError, match=r"kur\.subsidy\[kecil\]") as caught:
        subsidy(SMALL, as_of=date(2016, 6, 1))
    assert caught.value.table == "kur.subsidy[kecil]"
    with pytest.raises(NoRuleInForceError, match=r"kur\.subsidy") as caught:
        subsidy(MICRO, as_of=date(2023, 1, 26))
    assert caught.value.table == "kur.subsidy"
    with pytest.raises(NoRuleInForceError, match=r"kur\.subsidy\[super_mikro\]") as caught:
        subsidy(SUPER, as_of=date(2020, 8, 30))
    assert caught.value.table == "kur.subsidy[super_mikro]"
    with pytest.raises(NoRuleInForceError, match=r"kur\.subsidy\[khusus\]") as caught:
        subsidy(SPECIAL, as_of=date(2021, 5, 1))
    assert caught.value.table == "kur.subsidy[khusus]"


def test_tenors_before_2020_are_answered_but_not_for_super_mikro() -> None:
    assert max_tenor_months(MICRO, Purpose.WORKING_CAPITAL, as_of=date(2015, 7, 1)) == 36
    assert max_tenor_months(MICRO, Purpose.INVESTMENT, as_of=date(2019, 12, 31)) == 60
    with pytest.raises(NoRuleInForceError, match=r"kur\.tenor\[super_mikro\]") as caught:
        max_tenor_months(SUPER, Purpose.WORKING_CAPITAL, as_of=date(2019, 12, 31))
    assert caught.value.table == "kur.tenor[super_mikro]"
    with pytest.raises(NoRuleInForceError) as caught:
        max_tenor_months(MICRO, Purpose.WORKING_CAPITAL, as_of=date(2015, 6, 30))
    assert caught.value.table == "kur.tenor"
