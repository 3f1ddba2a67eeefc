"""KUR khusus subsidy before KMK 317/2023: "no rule" by default, a LOW reading on request.

No source gives the KUR khusus points of KMK 372/2017 and its amendments
(436/2020, 96/2021, 91/2022; see "Searched and not found" in docs/rules/kur.md).
``KurRules.build(special_subsidy_by_band=True)`` derives them from the shape of
KMK 317/2023 (khusus paid as the super mikro / mikro / kecil band its akad
amount falls in). The expected values below are typed by hand: the band
ceilings from the ceiling sources, the points from the per-scheme sources
named on each row; nothing is read from the library's tables except in the
consistency test at the end, which says so.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from koperasi_id.errors import NoRuleInForceError, RuleInputError
from koperasi_id.kur import DEFAULT_RULES, KurRules, Scheme, plafond_band, rate, subsidy, total_rate
from koperasi_id.law import Confidence

D = Decimal
SPECIAL, MICRO, SMALL, SUPER = Scheme.SPECIAL, Scheme.MICRO, Scheme.SMALL, Scheme.SUPER_MICRO
BY_BAND = KurRules.build(special_subsidy_by_band=True)

# (akad, plafond, subsidy points, total the bank receives, why)
BY_BAND_ORACLE = [
    # 2018-2019, KMK 372/2017: mikro 10.5 on 7 % (total 17.5), kecil 5.5 (12.5)
    # (CNN Indonesia 8 Dec 2017); mikro up to Rp25 jt (detik 17 Jun 2015).
    (date(2018, 1, 1), 25_000_000, D("10.5"), D("17.5"), "mikro band, first day"),
    (date(2018, 1, 1), 25_000_001, D("5.5"), D("12.5"), "kecil band, first day"),
    (date(2019, 12, 31), 25_000_000, D("10.5"), D("17.5"), "mikro band, last day"),
    (date(2019, 12, 31), 500_000_000, D("5.5"), D("12.5"), "kecil band, last day"),
    # 1 Jan - 30 Aug 2020: mikro 10.5, kecil 5.5 on 6 % (liputan6 21 Jan 2020); mikro
    # up to Rp50 jt (okezone 7 Sep 2020).
    (date(2020, 1, 1), 25_000_001, D("10.5"), D("16.5"), "mikro now up to Rp50 jt"),
    (date(2020, 1, 1), 50_000_000, D("10.5"), D("16.5"), "mikro band"),
    (date(2020, 1, 1), 50_000_001, D("5.5"), D("11.5"), "kecil band"),
    (date(2020, 8, 30), 10_000_000, D("10.5"), D("16.5"), "no super mikro yet"),
    # From 31 Aug 2020: super mikro up to Rp10 jt, 13 points (okezone 7 Sep 2020;
    # nusabali 23 Jun 2021 for 2021: super mikro 19 = 13 + 6, mikro 10.5, kecil 5.5).
    (date(2020, 8, 31), 10_000_000, D(13), D(19), "super mikro band, first day"),
    (date(2020, 8, 31), 10_000_001, D("10.5"), D("16.5"), "mikro band"),
    (date(2021, 12, 31), 10_000_000, D(13), D(19), "super mikro band, 2021"),
    (date(2021, 12, 31), 50_000_001, D("5.5"), D("11.5"), "kecil band, 2021"),
    # 2022, KMK 91/2022: super mikro 12, mikro 10, kecil 5.5 (Komite Kebijakan 29 Dec
    # 2021, kompas via kontan 30 Dec 2021); mikro up to Rp100 jt (Permenko 1/2022).
    (date(2022, 1, 1), 10_000_000, D(12), D(18), "super mikro band, first day"),
    (date(2022, 1, 1), 100_000_000, D(10), D(16), "mikro band"),
    (date(2022, 12, 31), 100_000_001, D("5.5"), D("11.5"), "kecil band, last day"),
]


@pytest.mark.parametrize(("as_of", "plafond", "points", "total", "why"), BY_BAND_ORACLE)
def test_by_band_oracle(
    as_of: date, plafond: int, points: Decimal, total: Decimal, why: str
) -> None:
    assert subsidy(SPECIAL, as_of=as_of, plafond=plafond, rules=BY_BAND) == points, why
    assert total_rate(SPECIAL, as_of=as_of, plafond=plafond, rules=BY_BAND) == total, why
    # The invariant: borrower rate (7 % in 2018-2019, 6 % from 2020) + subsidy = total.
    assert rate(SPECIAL, as_of=as_of, rules=BY_BAND) + points == total, why


@pytest.mark.parametrize(("as_of", "plafond", "points", "total", "why"), BY_BAND_ORACLE)
def test_default_keeps_no_rule(
    as_of: date, plafond: int, points: Decimal, total: Decimal, why: str
) -> None:
    with pytest.raises(NoRuleInForceError, match=r"kur\.subsidy\[khusus\]") as caught:
        subsidy(SPECIAL, as_of=as_of, plafond=plafond)
    assert caught.value.table == "kur.subsidy[khusus]"
    assert KurRules.build(special_subsidy_by_band=False).total_rates.regimes == (
        DEFAULT_RULES.total_rates.regimes
    )


def test_the_reading_starts_with_kur_khusus_and_ends_at_kmk_317() -> None:
    # Day before KUR khusus (2017, no khusus scheme): no rule even when opted in.
    with pytest.raises(NoRuleInForceError, match=r"kur\.subsidy\[khusus\]") as caught:
        subsidy(SPECIAL, as_of=date(2017, 12, 31), plafond=25_000_000, rules=BY_BAND)
    assert caught.value.table == "kur.subsidy[khusus]"
    # 1 - 26 Jan 2023 (default tiered_from): no KMK pays for any scheme.
    with pytest.raises(NoRuleInForceError, match=r"kur\.subsidy") as caught:
        subsidy(SPECIAL, as_of=date(2023, 1, 26), plafond=50_000_000, rules=BY_BAND)
    assert caught.value.table == "kur.subsidy"
    # From 27 Jan 2023 KMK 317/2023 itself: 12 / 10 / 5.5 (kompas, bisnis.com 4 Sep 2023).
    first = date(2023, 1, 27)
    assert subsidy(SPECIAL, as_of=first, plafond=10_000_000, rules=BY_BAND) == D(12)
    assert subsidy(SPECIAL, as_of=first, plafond=100_000_000, rules=BY_BAND) == D(10)
    assert subsidy(SPECIAL, as_of=first, plafond=100_000_001, rules=BY_BAND) == D("5.5")
    assert BY_BAND.total_rates.at(first).confidence is Confidence.HIGH


def test_the_27_january_reading_extends_the_2022_bands() -> None:
    late = KurRules.build(tiered_from=date(2023, 1, 27), special_subsidy_by_band=True)
    day = date(2023, 1, 26)
    assert subsidy(SPECIAL, as_of=day, plafond=10_000_000, rules=late) == D(12)
    assert subsidy(SPECIAL, as_of=day, plafond=10_000_001, rules=late) == D(10)
    assert subsidy(SPECIAL, as_of=day, plafond=100_000_001, rules=late) == D("5.5")


@pytest.mark.parametrize(
    "as_of",
    [date(2018, 1, 1), date(2020, 1, 1), date(2020, 8, 31), date(2021, 6, 1), date(2022, 6, 1)],
)
def test_opting_in_marks_the_regime_low_and_changes_no_other_scheme(as_of: date) -> None:
    derived, default = BY_BAND.total_rates.at(as_of), DEFAULT_RULES.total_rates.at(as_of)
    assert derived.confidence is Confidence.LOW
    assert default.confidence is Confidence.MEDIUM
    assert derived.name == default.name
    assert derived.note is not None
    assert "special_subsidy_by_band" in derived.note
    assert {s: v for s, v in derived.value.items() if s is not SPECIAL} == dict(default.value)
    assert SPECIAL not in default.value


def test_a_banded_khusus_needs_the_plafond() -> None:
    with pytest.raises(RuleInputError, match="depends on the plafond"):
        subsidy(SPECIAL, as_of=date(2021, 6, 1), rules=BY_BAND)


@pytest.mark.parametrize("junk", ["yes", 1, None, 0.0])
def test_the_parameter_is_a_bool(junk: object) -> None:
    with pytest.raises(ValueError, match="special_subsidy_by_band is a bool"):
        KurRules.build(special_subsidy_by_band=junk)  # type: ignore[arg-type]


def test_the_khusus_bands_follow_kur_ceiling_on_both_ends_of_each_regime() -> None:
    # Consistency, not an oracle: the derived bands must use the super mikro and mikro
    # ceilings of kur.ceiling on the first and the last day of every derived regime.
    derived = [r for r in BY_BAND.total_rates if r.confidence is Confidence.LOW]
    assert [r.name for r in derived] == [
        "kmk-372-2017",
        "kmk-372-2017-2020",
        "kmk-436-2020",
        "kmk-96-2021",
        "kmk-91-2022",
    ]
    for regime in derived:
        assert regime.valid_to is not None
        for day in (regime.valid_from, regime.valid_to):
            ceilings = [
                plafond_band(scheme, as_of=day, rules=BY_BAND).ceiling
                for scheme in (SUPER, MICRO)
                if scheme in regime.value
            ]
            assert [ceiling for ceiling, _ in regime.value[SPECIAL]] == [*ceilings, None], day
