"""Independent oracles for the KUR subsidy history the sources settle, and its gaps.

Every expected value is typed by hand from the source named on its row; no
row reads ``DEFAULT_RULES`` or a ``Timeline``. Where no source gave a value
(KUR ritel and TKI in 2016, KUR khusus before KMK 317/2023) the library must
answer "no rule in force", never a guess.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from koperasi_id.errors import NoRuleInForceError
from koperasi_id.kur import KurRules, Scheme, rate, subsidy, total_rate

D = Decimal
MICRO, SMALL, SPECIAL = Scheme.MICRO, Scheme.SMALL, Scheme.SPECIAL
PMI, SUPER = Scheme.MIGRANT_WORKER, Scheme.SUPER_MICRO

# (akad date, scheme, regular subsidy in points, total received by the bank, source)
SUBSIDY_2016_ORACLE = [
    # KUR Mikro 2016: "19 persen (sembilan persen ditanggung debitur, 10 persen subsidi
    # pemerintah)" (Komite KUR secretary Eny Widiyanti, republika.co.id 24 May 2016);
    # "19% bunga KUR yang diterima bank mikro, yang dibayar nasabah 9%. Yang 10% subsidi"
    # (BRI, finance.detik.com 25 Oct 2016, d-3329017). KMK 1355/KMK.05/2015.
    (date(2016, 1, 1), MICRO, D(10), D(19), "republika 24 May 2016; detik 25 Oct 2016"),
    (date(2016, 6, 1), MICRO, D(10), D(19), "republika 24 May 2016; detik 25 Oct 2016"),
    (date(2016, 12, 31), MICRO, D(10), D(19), "republika 24 May 2016; detik 25 Oct 2016"),
]


@pytest.mark.parametrize(("as_of", "scheme", "points", "total", "source"), SUBSIDY_2016_ORACLE)
def test_2016_subsidy_oracle(
    as_of: date, scheme: Scheme, points: Decimal, total: Decimal, source: str
) -> None:
    assert subsidy(scheme, as_of=as_of) == points, source
    assert total_rate(scheme, as_of=as_of) == total, source
    # 9 % borrower rate from 1 Jan 2016 (liputan6 28 Dec 2015): 9 + 10 = 19.
    assert rate(scheme, as_of=as_of) + points == total


def test_2016_mikro_boundaries() -> None:
    # Day before: PMK 146/PMK.05/2015, mikro 7 points (kontan; tribunnews 7 Aug 2015).
    assert subsidy(MICRO, as_of=date(2015, 12, 31)) == D(7)
    assert subsidy(MICRO, as_of=date(2016, 1, 1)) == D(10)
    assert subsidy(MICRO, as_of=date(2016, 12, 31)) == D(10)
    # First day after: 2017, the bank received 18.5 on 9 % (CNN Indonesia 8 Dec 2017).
    assert subsidy(MICRO, as_of=date(2017, 1, 1)) == D("9.5")


@pytest.mark.parametrize("scheme", [SMALL, PMI])
@pytest.mark.parametrize("as_of", [date(2016, 1, 1), date(2016, 12, 31)])
def test_2016_ritel_and_tki_points_were_not_found(scheme: Scheme, as_of: date) -> None:
    with pytest.raises(NoRuleInForceError, match=r"kur\.subsidy\[") as caught:
        subsidy(scheme, as_of=as_of)
    assert "knows only mikro" in str(caught.value)
    assert caught.value.table == f"kur.subsidy[{scheme.value}]"
    # ... while the years either side answer (PMK 146/2015: ritel 3, TKI 12;
    # CNN 8 Dec 2017: 2017 ritel 4.5, TKI 12).
    assert subsidy(scheme, as_of=date(2015, 12, 31)) == {SMALL: D(3), PMI: D(12)}[scheme]
    assert subsidy(scheme, as_of=date(2017, 1, 1)) == {SMALL: D("4.5"), PMI: D(12)}[scheme]


@pytest.mark.parametrize(
    "as_of",
    [
        date(2018, 1, 1),  # first day KUR khusus is modelled (LOW)
        date(2019, 12, 31),
        date(2020, 1, 1),
        date(2020, 8, 31),
        date(2021, 12, 31),
        date(2022, 1, 1),
        date(2022, 12, 31),
    ],
)
def test_kur_khusus_subsidy_before_kmk_317_is_no_rule(as_of: date) -> None:
    # The scheme existed and has a borrower rate; no source gave its points.
    assert rate(SPECIAL, as_of=as_of) in {D(7), D(6)}
    with pytest.raises(NoRuleInForceError, match=r"kur\.subsidy\[khusus\]") as caught:
        subsidy(SPECIAL, as_of=as_of, plafond=50_000_000)
    assert caught.value.table == "kur.subsidy[khusus]"


def test_kur_khusus_subsidy_from_kmk_317() -> None:
    # Day before: no kur.subsidy rule at all (1-26 Jan 2023, default rules).
    with pytest.raises(NoRuleInForceError, match=r"kur\.subsidy") as caught:
        subsidy(SPECIAL, as_of=date(2023, 1, 26), plafond=50_000_000)
    assert caught.value.table == "kur.subsidy"
    # KMK 317/2023 (kompas, bisnis.com, CNBC 4 Sep 2023): khusus 12 / 10 / 5.5 points for
    # akad ≤ Rp10 jt / > Rp10 jt – Rp100 jt / > Rp100 jt, from akad 27 Jan 2023.
    first = date(2023, 1, 27)
    assert subsidy(SPECIAL, as_of=first, plafond=10_000_000) == D(12)
    assert subsidy(SPECIAL, as_of=first, plafond=10_000_001) == D(10)
    assert subsidy(SPECIAL, as_of=first, plafond=100_000_000) == D(10)
    assert subsidy(SPECIAL, as_of=first, plafond=100_000_001) == D("5.5")


# --- when the Permenko 1/2023 regime starts --------------------------------------------


def test_default_tiers_start_on_1_january_2023() -> None:
    # Komite Kebijakan decision of 28 Nov 2022: the new terms are for KUR 2023;
    # Kemenkop UKM (suara.com 8 Dec 2023): tiered interest "berlaku mulai Januari 2023".
    assert rate(MICRO, as_of=date(2022, 12, 31), access=2) == D(6)
    assert rate(MICRO, as_of=date(2023, 1, 1), access=2) == D(7)
    assert rate(SUPER, as_of=date(2023, 1, 1)) == D(3)
    # KMK 317/2023 pays for akad from 27 Jan 2023 only (bisnis.com 4 Sep 2023).
    with pytest.raises(NoRuleInForceError, match=r"kur\.subsidy") as caught:
        subsidy(MICRO, as_of=date(2023, 1, 1))
    assert caught.value.table == "kur.subsidy"
    assert subsidy(MICRO, as_of=date(2023, 1, 27), access=2) == D(9)


def test_the_27_january_reading_closes_the_subsidy_gap() -> None:
    # The documented alternative: the Permenko was issued at the end of January 2023
    # ("diterbitkan sejak akhir Januari 2023", gomediaonline 20 Feb 2023) and KMK
    # 317/2023 starts on 27 Jan 2023, so akad before it stay under Permenko 1/2022 and
    # KMK 372/2017 as last amended by KMK 91/2022 (not revoked until 1 Sep 2023).
    late = KurRules.build(tiered_from=date(2023, 1, 27))
    assert rate(MICRO, as_of=date(2023, 1, 26), access=2, rules=late) == D(6)
    assert subsidy(MICRO, as_of=date(2023, 1, 26), rules=late) == D(10)  # KMK 91/2022
    assert subsidy(SUPER, as_of=date(2023, 1, 26), rules=late) == D(12)
    assert rate(MICRO, as_of=date(2023, 1, 27), access=2, rules=late) == D(7)
    assert subsidy(MICRO, as_of=date(2023, 1, 27), access=2, rules=late) == D(9)
    assert subsidy(SUPER, as_of=date(2023, 1, 27), rules=late) == D(15)
