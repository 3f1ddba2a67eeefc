"""Focused checks for the classes of edge input the robustness suite found.

Each test names one class: days at the ends of the calendar, numbers beyond
the policy passed from Python, arguments of the wrong shape to batch plumbing
and region look-ups. They fail without the fixes in koperasi_id._days,
koperasi_id._numbers.check_whole and the entry points that call them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from koperasi_id import batch, bpum, cooperatives, regions
from koperasi_id.errors import RuleInputError, ValidationError
from koperasi_id.law import FIRST_DAY, LAST_DAY
from koperasi_id.money import format_rupiah, round_rupiah


@pytest.mark.parametrize("day", [date.max, date.min, date(9900, 1, 1), date(1899, 12, 31)])
def test_a_day_outside_the_bound_is_refused_by_every_deadline(day: date) -> None:
    with pytest.raises(RuleInputError, match="from 1900-01-01 to 9899-12-31"):
        bpum.withdrawal_deadline(day)
    with pytest.raises(RuleInputError, match="from 1900-01-01 to 9899-12-31"):
        cooperatives.dissolution_timeline(day)


def test_the_bound_days_themselves_are_answered() -> None:
    assert (date(1900, 1, 1), date(9899, 12, 31)) == (FIRST_DAY, LAST_DAY)
    assert bpum.withdrawal_deadline(LAST_DAY) == date(9900, 3, 31)
    assert bpum.withdrawal_deadline(LAST_DAY, months=1200) == date(9999, 12, 31)
    with pytest.raises(RuleInputError, match="from 1 to 1200"):
        bpum.withdrawal_deadline(LAST_DAY, months=1201)


@pytest.mark.parametrize(
    "year", [10**5000, 10_000, 0, -1, 1899, 9900], ids=["huge", "10000", "0", "-1", "1899", "9900"]
)
def test_a_fiscal_year_outside_the_bound_is_refused(year: int) -> None:
    with pytest.raises(RuleInputError, match="from 1900 to 9899"):
        cooperatives.rat_deadline(year)


def test_a_fiscal_year_at_the_bound_has_its_deadline() -> None:
    assert cooperatives.rat_deadline(9899) == date(9900, 6, 30)


def test_numbers_from_python_follow_the_policy() -> None:
    with pytest.raises(ValidationError) as info:
        format_rupiah(10**5000)
    assert info.value.codes == ("money.too_large",)
    # A large Decimal result of arithmetic still prints, grouped without int().
    assert format_rupiah(Decimal("1e30")) == "Rp1" + ".000" * 10
    with pytest.raises(ValidationError) as info:
        round_rupiah(Decimal("sNaN"))
    assert info.value.codes == ("money.not_finite",)
    with pytest.raises(ValidationError) as info:
        cooperatives.YearEnd.of(Decimal("sNaN"), 1)  # type: ignore[arg-type]
    assert info.value.codes == ("year_end.month",)


def test_region_lookup_refuses_what_is_not_a_code() -> None:
    deep: list[object] = []
    for _ in range(5000):
        deep = [deep]
    for junk in (deep, 10**5000, None):
        with pytest.raises(ValidationError) as info:
            regions.lookup(junk)  # type: ignore[arg-type]
        assert info.value.codes == ("region.type",)


def test_nik_keys_refuses_results_that_do_not_match_the_records() -> None:
    with pytest.raises(RuleInputError, match="'outcome'"):
        batch.nik_keys([{}], [{}])  # type: ignore[list-item]
    with pytest.raises(RuleInputError, match="0 results for 1 records"):
        batch.nik_keys([], [{}])
    with pytest.raises(RuleInputError, match="header cells are text"):
        batch.nik_keys([], [], header=[1])  # type: ignore[list-item]
