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


@pytest.mark.parametrize(
    ("akad", "refused"),
    [("1899-12-31", True), ("1900-01-01", False), ("9899-12-31", False), ("9900-01-01", True)],
)
def test_a_kur_loan_date_past_the_day_bound_is_a_problem_at_its_field(
    akad: str, refused: bool
) -> None:
    # from_dict must answer with a ValidationError at the field, never let the
    # rules' RuleInputError escape (the schema tests drew 1899-01-01 and crashed).
    from koperasi_id import kur  # noqa: PLC0415 - kur is imported lazily elsewhere too
    from koperasi_id.serialization import from_dict  # noqa: PLC0415

    wire = {
        "borrower_nik": "1871014101900002",
        "scheme": "mikro",
        "purpose": "modal_kerja",
        "plafond": "10000000",
        "annual_rate": "6",
        "tenor_months": 12,
        "akad_date": akad,
    }
    if refused:
        with pytest.raises(ValidationError) as caught:
            from_dict(kur.KurLoan, wire)
        assert caught.value.codes == ("date.range",)
        assert caught.value.paths == ("$.akad_date",)
    else:
        assert from_dict(kur.KurLoan, wire).akad_date == date.fromisoformat(akad)


@pytest.mark.parametrize(
    ("text", "refused"),
    [("1899-12-31", True), ("1900-01-01", False), ("9899-12-31", False), ("9900-01-01", True)],
)
def test_every_wire_date_is_held_to_the_day_bound(text: str, refused: bool) -> None:
    # One hook for every date field of every entity: a Cooperative's deed date
    # of 0001-01-01 used to pass structuring and crash its fiscal-year property.
    from koperasi_id.serialization import from_dict  # noqa: PLC0415

    if refused:
        with pytest.raises(ValidationError) as caught:
            from_dict(date, text)
        assert caught.value.codes == ("date.range",)
    else:
        assert from_dict(date, text) == date.fromisoformat(text)
