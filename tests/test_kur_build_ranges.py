"""``KurRules.build``: every bound of its accepted date ranges, on both sides.

The ranges are the documented ones (``KurRules.build``'s refusal message and
docs/rules/kur.md, "Dates and choices"): 2022-01-01 < ``tiered_from`` <
``permenko_12_2025_from`` < ``permenko_1_2026_from``; 2021-01-01 <
``collateral_100jt_from`` <= 2022-01-01 (Permenko 1/2022 at the latest);
``kur_relaunch`` in 2015; 2020-01-01 < ``super_micro_from`` <= 2020-12-31;
2023-01-01 <= ``kmk_317_from`` < ``permenko_1_2026_from``. Every accepted
boundary day is checked to take effect, with the rates typed from the law
(docs/rules/kur.md): 12 % in 2015 (Permenko 6/2015), 9 % in 2016, the 2022
flat 6 % (Permenko 1/2022), the 2023 tiers 6/7/8/9 % by access (Permenko
1/2023), the 2026 flat 6 % (Permenko 1/2026), super mikro 6 % from its start
(Permenko 15/2020) and KMK 317/2023's 10 % total rate for mikro.

The builds run inside the tests (not at collection) so that a mutant of
``build`` is active when they run.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from koperasi_id.errors import NoRuleInForceError, RuleInputError
from koperasi_id.kur import (
    KurRules,
    PlafondBand,
    Scheme,
    Sector,
    access_limit,
    additional_collateral_allowed,
    plafond_band,
    rate,
    subsidy,
)

D = Decimal
MICRO = Scheme.MICRO
SUPER = Scheme.SUPER_MICRO
SMALL = Scheme.SMALL
SPECIAL = Scheme.SPECIAL

REFUSAL = (
    "dates must satisfy 2022-01-01 < tiered_from < permenko_12_2025_from "
    "< permenko_1_2026_from, 2021-01-01 < collateral_100jt_from <= 2022-01-01, "
    "kur_relaunch in 2015, 2020-01-01 < super_micro_from <= 2020-12-31 and "
    "2023-01-01 <= kmk_317_from < permenko_1_2026_from"
)


@pytest.mark.parametrize(
    "bad",
    [
        {"tiered_from": date(2022, 1, 1)},
        # Equal to Permenko 12/2025's first day: the 2023 credit rule would have no day.
        {"tiered_from": date(2025, 1, 1)},
        {"tiered_from": date(2024, 6, 1), "permenko_12_2025_from": date(2024, 6, 1)},
        {"permenko_12_2025_from": date(2026, 1, 1)},
        {"permenko_1_2026_from": date(2025, 1, 1)},
        {"collateral_100jt_from": date(2021, 1, 1)},
        {"collateral_100jt_from": date(2022, 1, 2)},
        {"kur_relaunch": date(2014, 12, 31)},
        {"kur_relaunch": date(2016, 1, 1)},
        {"super_micro_from": date(2020, 1, 1)},
        {"super_micro_from": date(2021, 1, 1)},
        {"kmk_317_from": date(2022, 12, 31)},
        {"kmk_317_from": date(2026, 1, 1)},
        {"kmk_317_from": date(2026, 1, 31), "permenko_1_2026_from": date(2026, 1, 31)},
    ],
)
def test_a_day_outside_the_ranges_is_refused_with_the_whole_rule(bad: dict[str, date]) -> None:
    with pytest.raises(RuleInputError) as caught:
        KurRules.build(**bad)
    assert str(caught.value) == REFUSAL


def test_tiered_from_first_accepted_day_is_2022_01_02() -> None:
    rules = KurRules.build(tiered_from=date(2022, 1, 2))
    assert rate(MICRO, as_of=date(2022, 1, 1), access=3, rules=rules) == D(6)
    assert rate(MICRO, as_of=date(2022, 1, 2), access=3, rules=rules) == D(8)


def test_tiered_from_may_be_the_day_before_permenko_12_2025() -> None:
    rules = KurRules.build(tiered_from=date(2024, 12, 31))
    assert rate(MICRO, as_of=date(2024, 12, 30), access=3, rules=rules) == D(6)
    assert rate(MICRO, as_of=date(2024, 12, 31), access=3, rules=rules) == D(8)


def test_permenko_12_2025_may_start_the_day_before_permenko_1_2026() -> None:
    rules = KurRules.build(permenko_12_2025_from=date(2025, 12, 31))
    with pytest.raises(NoRuleInForceError) as caught:
        rules.exemption_38a.at(date(2025, 12, 30))
    assert caught.value.table == "kur.exemption_38a"
    assert rules.exemption_38a.at(date(2025, 12, 31)).citation.instrument == (
        "Permenko Perekonomian 12/2025"
    )


def test_permenko_1_2026_first_day_moves_the_flat_rate() -> None:
    rules = KurRules.build(permenko_1_2026_from=date(2026, 2, 1))
    assert rate(MICRO, as_of=date(2026, 1, 31), access=3, rules=rules) == D(8)
    assert rate(MICRO, as_of=date(2026, 2, 1), access=3, rules=rules) == D(6)


def test_flat_2026_rate_is_the_default_of_build() -> None:
    # Permenko 1/2026: one 6 % rate whatever the access, and no access limit.
    rules = KurRules.build()
    assert rate(MICRO, as_of=date(2026, 3, 1), access=4, rules=rules) == D(6)
    assert access_limit(MICRO, Sector.TRADE, as_of=date(2026, 3, 1), rules=rules) is None


@pytest.mark.parametrize("first", [date(2021, 1, 2), date(2022, 1, 1)])
def test_collateral_100jt_day_accepted_at_both_ends(first: date) -> None:
    rules = KurRules.build(collateral_100jt_from=first)
    day_before = date.fromordinal(first.toordinal() - 1)
    # Rp60 jt: above the earlier Rp50 jt ceiling, within the Rp100 jt one.
    assert additional_collateral_allowed(SMALL, 60_000_000, as_of=day_before, rules=rules)
    assert not additional_collateral_allowed(SMALL, 60_000_000, as_of=first, rules=rules)


@pytest.mark.parametrize(
    ("relaunch", "rate_that_day"), [(date(2015, 1, 1), D(12)), (date(2015, 12, 31), D(12))]
)
def test_kur_relaunch_accepted_on_the_first_and_last_day_of_2015(
    relaunch: date, rate_that_day: Decimal
) -> None:
    rules = KurRules.build(kur_relaunch=relaunch)
    assert rate(MICRO, as_of=relaunch, rules=rules) == rate_that_day
    with pytest.raises(NoRuleInForceError) as caught:
        rate(MICRO, as_of=date.fromordinal(relaunch.toordinal() - 1), rules=rules)
    assert caught.value.table == "kur.rate"
    assert rate(MICRO, as_of=date(2016, 1, 1), rules=rules) == D(9)


@pytest.mark.parametrize("first", [date(2020, 1, 2), date(2020, 12, 31)])
def test_super_micro_first_day_accepted_at_both_ends(first: date) -> None:
    rules = KurRules.build(super_micro_from=first)
    assert rate(SUPER, as_of=first, rules=rules) == D(6)
    with pytest.raises(NoRuleInForceError) as caught:
        rate(SUPER, as_of=date.fromordinal(first.toordinal() - 1), rules=rules)
    assert caught.value.table == "kur.rate[super_mikro]"


@pytest.mark.parametrize("first", [date(2023, 1, 1), date(2025, 12, 31)])
def test_kmk_317_first_day_accepted_at_both_ends(first: date) -> None:
    rules = KurRules.build(kmk_317_from=first)
    assert subsidy(MICRO, as_of=first, rules=rules) == D(10)


def test_mikro_band_starts_above_rp10_jt() -> None:
    # docs/rules/kur.md's plafond table, Permenko 1/2023: mikro > Rp10 jt – Rp100 jt,
    # super mikro <= Rp10 jt.
    micro = plafond_band(MICRO, as_of=date(2024, 5, 1))
    assert not micro.admits(D(10_000_000))
    assert micro.admits(D(10_000_001))
    assert micro.admits(D(100_000_000))
    assert not micro.admits(D(100_000_001))
    assert plafond_band(SUPER, as_of=date(2024, 5, 1)).admits(D(10_000_000))


def test_a_band_excludes_its_floor_and_includes_its_ceiling() -> None:
    band = PlafondBand(D(25_000_000), D(500_000_000))
    assert not band.admits(D(25_000_000))
    assert band.admits(D("25000000.01"))
    assert band.admits(D(500_000_000))
    assert not band.admits(D("500000000.01"))


def test_relief_basis_of_another_type_is_named_in_the_refusal() -> None:
    with pytest.raises(ValueError, match=r"^relief_basis is a ReliefBasis, not str$"):
        KurRules.build(relief_basis="tanggal_jatuh_tempo")  # type: ignore[arg-type]


def test_special_subsidy_by_band_is_off_by_default() -> None:
    # The default leaves the KUR khusus subsidy before KMK 317/2023 without a rule.
    with pytest.raises(NoRuleInForceError) as caught:
        subsidy(SPECIAL, as_of=date(2021, 6, 1), plafond=25_000_000, rules=KurRules.build())
    assert caught.value.table == "kur.subsidy[khusus]"


def test_special_subsidy_by_band_of_another_type_is_named_in_the_refusal() -> None:
    with pytest.raises(ValueError, match=r"^special_subsidy_by_band is a bool, not str$"):
        KurRules.build(special_subsidy_by_band="yes")  # type: ignore[arg-type]
