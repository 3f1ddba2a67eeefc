"""Instalment schedules: the domain note's vectors, due dates, rounding, invariants."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from _hypothesis_optional import given, st
from koperasi_id.errors import ValidationError
from koperasi_id.kur import (
    Method,
    RateConvention,
    Rounding,
    Schedule,
    annuity_payment,
    flat_rate_equivalent,
    monthly_rate,
    schedule,
)
from koperasi_id.serialization import from_json, to_json

D = Decimal
SEN = D("0.01")
AKAD = date(2024, 5, 2)

# (principal, rate %, months, instalment, total interest, flat rate % p.a.) — domain note B4.
VECTORS = [
    (10_000_000, 3, 12, "846936.99", "163243.85", "1.6324"),
    (10_000_000, 3, 36, "290812.10", "469235.47", "1.5641"),
    (50_000_000, 6, 12, "4303321.49", "1639857.82", "3.2797"),
    (50_000_000, 6, 36, "1521096.87", "4759487.41", "3.1730"),
    (100_000_000, 6, 60, "1933280.15", "15996809.18", "3.1994"),
    (500_000_000, 6, 60, "9666400.76", "79984045.88", "3.1994"),
    (50_000_000, 7, 36, "1543854.84", "5578774.36", "3.7192"),
    (50_000_000, 9, 36, "1589986.63", "7239518.79", "4.8263"),
]


@pytest.mark.parametrize(("p", "r", "n", "instalment", "interest", "flat"), VECTORS)
def test_domain_note_vectors_to_the_sen(
    p: int, r: int, n: int, instalment: str, interest: str, flat: str
) -> None:
    payment = annuity_payment(D(p), D(r), n)
    assert payment.quantize(SEN) == D(instalment)
    assert (payment * n - p).quantize(SEN) == D(interest)
    assert flat_rate_equivalent(D(p), D(r), n).quantize(D("0.0001")) == D(flat)


@pytest.mark.parametrize(("p", "r", "n", "instalment", "interest", "flat"), VECTORS)
def test_schedule_to_the_sen_matches_the_vectors(
    p: int, r: int, n: int, instalment: str, interest: str, flat: str
) -> None:
    s = schedule(D(p), D(r), n, start=AKAD, places=2)
    assert all(i.payment == D(instalment) for i in s.instalments[:-1])
    assert abs(s.total_interest - D(interest)) <= D("0.01") * n
    assert s.total_principal == D(p)


def test_flat_instalment_at_equivalent_rate_equals_annuity() -> None:
    p, n = D(50_000_000), 36
    flat = flat_rate_equivalent(p, D(6), n)
    flat_instalment = p / n + p * flat / 100 / 12
    assert abs(flat_instalment - annuity_payment(p, D(6), n)) < D("1e-20")


def test_rate_conventions() -> None:
    assert monthly_rate(D(12)) == D("0.01")
    effective = monthly_rate(D(12), RateConvention.EFFECTIVE_ANNUAL)
    assert abs((1 + effective) ** 12 - D("1.12")) < D("1e-20")
    nominal = schedule(D(50_000_000), D(6), 36, start=AKAD)
    compounding = schedule(
        D(50_000_000), D(6), 36, start=AKAD, rate_convention=RateConvention.EFFECTIVE_ANNUAL
    )
    assert compounding.total_interest < nominal.total_interest
    assert RateConvention.NOMINAL_MONTHLY.label
    assert RateConvention.EFFECTIVE_ANNUAL.label


def test_due_dates_clamp_to_month_end_from_the_anchor() -> None:
    s = schedule(D(12_000_000), D(6), 14, start=date(2023, 12, 31))
    dues = [i.due_date for i in s.instalments]
    assert dues[:4] == [date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30)]
    assert dues[13] == date(2025, 2, 28)
    s = schedule(D(12_000_000), D(6), 3, first_due=date(2024, 1, 31))
    assert [i.due_date for i in s.instalments] == [
        date(2024, 1, 31),
        date(2024, 2, 29),
        date(2024, 3, 31),
    ]


def test_grace_months_pay_interest_only() -> None:
    s = schedule(D(12_000_000), D(12), 12, start=AKAD, grace_months=3)
    assert [i.principal for i in s.instalments[:3]] == [D(0)] * 3
    assert [i.interest for i in s.instalments[:3]] == [D(120_000)] * 3
    assert s.instalments[3].principal > 0
    assert s.total_principal == D(12_000_000)
    flat = schedule(D(12_000_000), D(12), 12, start=AKAD, grace_months=2, method=Method.FLAT)
    assert [i.principal for i in flat.instalments[2:-1]] == [D(1_200_000)] * 9
    assert flat.total_interest == D(1_440_000)


def test_flat_method() -> None:
    s = schedule(D(10_000_000), D(6), 12, start=AKAD, method=Method.FLAT)
    assert {i.interest for i in s.instalments} == {D(50_000)}
    assert s.total_interest == D(600_000)
    assert s.flat_rate_equivalent == D(6)


def test_bullet_method() -> None:
    s = schedule(D(10_000_000), D(3), 6, start=AKAD, method=Method.BULLET)
    (only,) = s.instalments
    assert only.due_date == date(2024, 11, 2)
    assert only.interest == D(150_000)
    assert only.payment == D(10_150_000)
    assert only.balance == 0
    s = schedule(D(10_000_000), D(3), 6, first_due=date(2024, 11, 15), method=Method.BULLET)
    assert s.instalments[0].due_date == date(2024, 11, 15)
    assert Method.BULLET.label == "Sekaligus pada jatuh tempo"


def test_zero_rate_annuity() -> None:
    s = schedule(D(1_000_000), D(0), 3, start=AKAD)
    assert [i.principal for i in s.instalments] == [D(333_333), D(333_333), D(333_334)]
    assert s.total_interest == 0


def test_rounding_modes_differ_and_last_absorbs() -> None:
    up = schedule(D(10_000_000), D(3), 12, start=AKAD, rounding=Rounding.UP)
    down = schedule(D(10_000_000), D(3), 12, start=AKAD, rounding=Rounding.DOWN)
    assert up.instalments[0].payment == D(846_937)
    assert down.instalments[0].payment == D(846_936)
    assert up.total_principal == down.total_principal == D(10_000_000)


def test_tiny_loan_never_overpays() -> None:
    s = schedule(D(50), D(0), 84, start=AKAD)
    assert s.total_principal == D(50)
    assert all(i.balance >= 0 for i in s.instalments)


def test_schedule_round_trips_through_json() -> None:
    s = schedule(
        D(10_000_000), D(3), 3, start=AKAD, method=Method.FLAT, rounding=Rounding.HALF_EVEN
    )
    assert from_json(Schedule, to_json(s)) == s


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"principal": 0}, "schedule.not_positive"),
        ({"principal": 1.5}, "schedule.type"),
        ({"principal": "100"}, "schedule.type"),
        ({"principal": D("NaN")}, "schedule.not_finite"),
        ({"annual_rate": D(-1)}, "schedule.rate_range"),
        ({"annual_rate": D(101)}, "schedule.rate_range"),
        ({"annual_rate": 6.0}, "schedule.type"),
        ({"months": 0}, "schedule.months_range"),
        ({"months": 601}, "schedule.months_range"),
        ({"months": True}, "schedule.type"),
        ({"grace_months": 12}, "schedule.grace_too_long"),
        ({"grace_months": -1}, "schedule.months_range"),
        ({"places": 3}, "schedule.places"),
        ({"places": True}, "schedule.places"),
        ({"start": None}, "schedule.anchor"),
        ({"first_due": AKAD}, "schedule.anchor"),
        ({"method": Method.BULLET, "grace_months": 1}, "schedule.bullet_grace"),
        ({"principal": D("1000000.005")}, "money.too_many_decimals"),
        ({"method": "anuitas"}, "enum"),
        ({"method": "flat"}, "enum"),
        ({"rounding": "half_up"}, "enum"),
        ({"rate_convention": "nominal_bulanan"}, "enum"),
        ({"start": "2024-05-02"}, "type.date"),
        ({"start": datetime(2024, 5, 2, 8)}, "type.date"),
        ({"start": None, "first_due": "2024-06-02"}, "type.date"),
    ],
)
def test_junk_inputs(kwargs: dict[str, object], code: str) -> None:
    args: dict[str, object] = {
        "principal": D(1_000_000),
        "annual_rate": D(6),
        "months": 12,
        "start": AKAD,
    }
    args.update(kwargs)
    with pytest.raises(ValidationError) as err:
        schedule(**args)  # type: ignore[arg-type]
    assert err.value.codes == (code,)


def test_flat_equivalent_refuses_zero_principal() -> None:
    with pytest.raises(ValidationError) as caught:
        flat_rate_equivalent(D(0), D(6), 12)
    assert caught.value.codes == ("schedule.not_positive",)


@pytest.mark.parametrize("principal", [D(0), D(-1_000_000), -1])
def test_annuity_payment_refuses_non_positive_principal(principal: Decimal) -> None:
    with pytest.raises(ValidationError) as err:
        annuity_payment(principal, D(6), 12)
    assert err.value.codes == ("schedule.not_positive",)


def test_wire_string_rate_convention_is_refused_not_read_as_compounding() -> None:
    with pytest.raises(ValidationError) as err:
        monthly_rate(D(6), "nominal_bulanan")  # type: ignore[arg-type]
    assert err.value.codes == ("enum",)
    assert err.value.paths == ("$.rate_convention",)
    assert "RateConvention('nominal_bulanan')" in str(err.value)


# --- properties --------------------------------------------------------------

principals = st.integers(1_000_000, 500_000_000).map(D)
rates = st.integers(0, 96).map(lambda q: D(q) / 4)  # 0 to 24 % in quarter points
months = st.integers(1, 84)
methods = st.sampled_from([Method.ANNUITY, Method.FLAT])
roundings = st.sampled_from(list(Rounding))


@given(
    p=st.integers(1, 10**12).map(D),
    r=rates,
    n=months,
    method=st.sampled_from(list(Method)),
    rounding=roundings,
    places=st.sampled_from([0, 2]),
    data=st.data(),
)
def test_principal_sums_to_plafond_and_balance_falls_to_zero(
    p: Decimal,
    r: Decimal,
    n: int,
    method: Method,
    rounding: Rounding,
    places: int,
    data: st.DataObject,
) -> None:
    grace = 0 if method is Method.BULLET else data.draw(st.integers(0, n - 1))
    s = schedule(
        p, r, n, start=AKAD, method=method, grace_months=grace, rounding=rounding, places=places
    )
    assert s.total_principal == p
    balances = [p] + [i.balance for i in s.instalments]
    assert all(a >= b for a, b in itertools.pairwise(balances))
    assert balances[-1] == 0
    assert all(i.payment == i.principal + i.interest for i in s.instalments)
    assert s.total_payment == s.total_principal + s.total_interest


@given(p=principals, r=rates, n=months, rounding=roundings)
def test_annuity_interest_never_exceeds_flat(
    p: Decimal, r: Decimal, n: int, rounding: Rounding
) -> None:
    annuity = schedule(p, r, n, start=AKAD, rounding=rounding)
    flat = schedule(p, r, n, start=AKAD, method=Method.FLAT, rounding=rounding)
    assert annuity.total_interest <= flat.total_interest


@given(p=principals, r=rates, n=st.integers(1, 83), method=methods)
def test_longer_tenor_never_lowers_total_interest(
    p: Decimal, r: Decimal, n: int, method: Method
) -> None:
    shorter = schedule(p, r, n, start=AKAD, method=method)
    longer = schedule(p, r, n + 1, start=AKAD, method=method)
    assert shorter.total_interest <= longer.total_interest


@given(p=principals, r=rates, n=months)
def test_unrounded_annuity_instalment_between_bounds(p: Decimal, r: Decimal, n: int) -> None:
    payment = annuity_payment(p, r, n)
    tolerance = D("1e-15")
    assert p / n - tolerance <= payment <= p / n + p * r / 100 / 12 + tolerance


# --- what a mutation run of kur/_schedule.py found untested (December 2026) -------------


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"months": "12"}, ("$.months", "schedule.type", "months must be an int, got str")),
        ({"months": 0}, ("$.months", "schedule.months_range", "months must be 1–600, got 0")),
        (
            {"grace_months": "1"},
            ("$.grace_months", "schedule.type", "grace_months must be an int, got str"),
        ),
        (
            {"grace_months": 12},
            (
                "$.grace_months",
                "schedule.grace_too_long",
                "grace (12) must be shorter than the tenor (12)",
            ),
        ),
        (
            {"places": "x" * 60},
            ("$.places", "schedule.places", f"places is 0, 1 or 2, got '{'x' * 40}'\u2026"),
        ),
    ],
)
def test_junk_inputs_are_reported_whole(
    kwargs: dict[str, object], problem: tuple[str, str, str]
) -> None:
    args: dict[str, object] = {"principal": D(1_000_000), "annual_rate": D(6), "months": 12}
    with pytest.raises(ValidationError) as err:
        schedule(**(args | kwargs), start=AKAD)  # type: ignore[arg-type]
    assert [(p.path, p.code, p.message) for p in err.value.problems] == [problem]


def test_one_decimal_place_is_allowed() -> None:
    first = schedule(D(1_000_000), D(6), 12, start=AKAD, places=1).instalments[0]
    assert (first.interest, first.payment) == (D("5000.0"), D("86066.4"))


def test_the_private_schedule_defaults_to_no_grace_and_whole_rupiah() -> None:
    # koperasi_id.kur.schedule always passes both; the private function's own defaults
    # (used by its docstring) must mean the same.
    from koperasi_id.kur import _schedule  # noqa: PLC0415 - the private function itself

    args: dict[str, Any] = {"principal": D(12_000_000), "annual_rate": D(12), "months": 12}
    own = _schedule.schedule(**args, start=AKAD)
    assert own == schedule(**args, start=AKAD, grace_months=0, places=0)
    assert own.instalments[0].principal > 0  # no interest-only month


def test_schedule_html_page() -> None:
    # Rp3 jt at 12 % a year (1 % a month) over 3 months: the annuity is
    # 30.000 / (1 - 1,01^-3) = Rp1.020.066,4; the first month's interest Rp30.000.
    page = schedule(D(3_000_000), D(12), 3, start=date(2024, 5, 1))._repr_html_()
    rows = [
        ("1", "2024-06-01", "Rp990.066", "Rp30.000", "Rp1.020.066", "Rp2.009.934"),
        ("2", "2024-07-01", "Rp999.967", "Rp20.099", "Rp1.020.066", "Rp1.009.967"),
        ("3", "2024-08-01", "Rp1.009.967", "Rp10.100", "Rp1.020.067", "Rp0"),
    ]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    head = "".join(
        f"<th>{c}</th>" for c in ("no", "jatuh tempo", "pokok", "bunga", "angsuran", "sisa pokok")
    )
    assert page == (
        '<table style="border-collapse:collapse;text-align:left">'
        "<caption>Anuitas: Rp3.000.000, 3 bulan, 12% per tahun</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        "<p>Total: pokok Rp3.000.000, bunga Rp60.199, angsuran Rp3.060.199</p>"
        "<p>Setara bunga flat: 8.03% per tahun</p>"
    )
    # 24 instalments are shown, the rest counted.
    longer = schedule(D(50_000_000), D(6), 25, start=date(2024, 5, 1))._repr_html_()
    assert longer.count("<tr><td>") == 24
    assert "… 1 more" in longer


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        (
            {"start": None},
            ("$.start", "schedule.anchor", "give exactly one of start (akad date) or first_due"),
        ),
        ({"start": "2024-05-02"}, ("$.start", "type.date", "start must be a datetime.date")),
        (
            {"start": None, "first_due": "2024-06-02"},
            ("$.first_due", "type.date", "first_due must be a datetime.date"),
        ),
        ({"method": "anuitas"}, ("$.method", "enum", "method must be a Method member")),
        ({"rounding": "half_up"}, ("$.rounding", "enum", "rounding must be a Rounding member")),
        (
            {"method": Method.BULLET, "grace_months": 1},
            ("$.grace_months", "schedule.bullet_grace", "a bullet credit has no grace period"),
        ),
    ],
)
def test_junk_inputs_name_their_argument(
    kwargs: dict[str, object], problem: tuple[str, str, str]
) -> None:
    args: dict[str, object] = {
        "principal": D(1_000_000),
        "annual_rate": D(6),
        "months": 12,
        "start": AKAD,
    }
    with pytest.raises(ValidationError) as err:
        schedule(**(args | kwargs))  # type: ignore[arg-type]
    (found,) = err.value.problems
    assert (found.path, found.code) == problem[:2]
    assert found.message.startswith(problem[2])


def test_rate_for_is_asked_for_each_period() -> None:
    # The relief's hook (koperasi_id.kur._relief): 12 % for the period due on 2 June,
    # 6 % after. Annuity: the first month's interest is 1 % of Rp12 jt; a bullet credit
    # pays simple interest month by month, 12 jt x (1 % + 0,5 % + 0,5 %).
    from koperasi_id.kur import _schedule  # noqa: PLC0415 - the hook is private

    asked: list[tuple[date, date]] = []

    def rate_for(period_start: date, due: date) -> Decimal:
        asked.append((period_start, due))
        return D(12) if due <= date(2024, 6, 2) else D(6)

    start = date(2024, 5, 2)
    periods = [
        (date(2024, 5, 2), date(2024, 6, 2)),
        (date(2024, 6, 2), date(2024, 7, 2)),
        (date(2024, 7, 2), date(2024, 8, 2)),
    ]
    annuity = _schedule.schedule(D(12_000_000), D(6), 3, start=start, rate_for=rate_for)
    assert asked == periods
    assert [i.interest for i in annuity.instalments] == [D(120_000), D(40_199), D(20_149)]
    asked.clear()
    bullet = _schedule.schedule(
        D(12_000_000), D(6), 3, start=start, method=Method.BULLET, rate_for=rate_for
    )
    assert asked == periods
    assert [i.interest for i in bullet.instalments] == [D(240_000)]


def test_bullet_interest_follows_the_rate_convention() -> None:
    # 12 % effective a year is 1,12^(1/12) - 1 = 0,9489 % a month, not 1 %.
    nominal = schedule(D(12_000_000), D(12), 12, start=AKAD, method=Method.BULLET)
    effective = schedule(
        D(12_000_000),
        D(12),
        12,
        start=AKAD,
        method=Method.BULLET,
        rate_convention=RateConvention.EFFECTIVE_ANNUAL,
    )
    assert nominal.instalments[0].interest == D(1_440_000)
    assert effective.instalments[0].interest == D(1_366_386)


def test_grace_then_annuity_over_the_months_left() -> None:
    # 3 interest-only months of 1 % on Rp12 jt, then the annuity over the 9 months left:
    # 120.000 / (1 - 1,01^-9) = Rp1.400.884,35.
    s = schedule(D(12_000_000), D(12), 12, start=AKAD, grace_months=3)
    assert [i.payment for i in s.instalments[:5]] == [D(120_000)] * 3 + [D(1_400_884)] * 2
    assert s.period_rates == (D(12),) * 12


def test_a_principal_part_below_one_rupiah_is_zero_not_one() -> None:
    # Rp50 at 12 % over 84 months: the annuity (Rp0,98) rounds to Rp1, all of it
    # interest (Rp0,50 rounds up), so the first months repay no principal.
    s = schedule(D(50), D(12), 84, start=AKAD)
    assert [(i.principal, i.interest) for i in s.instalments[:2]] == [(D(0), D(1))] * 2
    assert s.total_principal == D(50)


def test_a_bullet_credit_is_one_instalment_numbered_one() -> None:
    s = schedule(D(10_000_000), D(3), 6, start=AKAD, method=Method.BULLET)
    assert [i.number for i in s.instalments] == [1]
    assert s.period_rates == (D(3),) * 6


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        (
            {"annual_rate": "6"},
            ("$.annual_rate", "schedule.type", "annual_rate must be a Decimal or int, got str"),
        ),
        (
            {"annual_rate": D("6.12345")},
            (
                "$.annual_rate",
                "schedule.too_many_decimals",
                "this number has at most 4 decimal places, got 5",
            ),
        ),
        (
            {"annual_rate": D("100.01")},
            ("$.annual_rate", "schedule.rate_range", "an annual rate is 0–100 percent, got 100.01"),
        ),
        ({"months": 601}, ("$.months", "schedule.months_range", "months must be 1–600, got 601")),
        (
            {"months": 10**45},
            (
                "$.months",
                "schedule.months_range",
                f"months must be 1–600, got 100000{'*' * 34}\u2026",
            ),
        ),
    ],
)
def test_rate_and_tenor_limits_are_reported_whole(
    kwargs: dict[str, object], problem: tuple[str, str, str]
) -> None:
    args: dict[str, object] = {
        "principal": D(1_000_000),
        "annual_rate": D(6),
        "months": 12,
        "start": AKAD,
    }
    with pytest.raises(ValidationError) as err:
        schedule(**(args | kwargs))  # type: ignore[arg-type]
    assert [(p.path, p.code, p.message) for p in err.value.problems] == [problem]


def test_the_limits_themselves_are_accepted() -> None:
    assert schedule(D(1_000_000), D(100), 12, start=AKAD).annual_rate == D(100)
    assert len(schedule(D(1_000_000), D(6), 600, start=AKAD).instalments) == 600


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        (
            {"principal": "1000000"},
            ("$.principal", "schedule.type", "principal must be a Decimal or int, got str"),
        ),
        (
            {"principal": D("Infinity")},
            ("$.principal", "schedule.not_finite", "principal must be finite, got Infinity"),
        ),
        (
            {"principal": D("NaN" + "1" * 60)},  # a NaN may carry a long payload
            (
                "$.principal",
                "schedule.not_finite",
                f"principal must be finite, got NaN111111{'*' * 31}\u2026",
            ),
        ),
        (
            {"principal": D(0)},
            ("$.principal", "schedule.not_positive", "principal must be above zero, got 0"),
        ),
        (
            {"annual_rate": D("-Infinity")},
            ("$.annual_rate", "schedule.not_finite", "annual_rate must be finite, got -Infinity"),
        ),
    ],
)
def test_amount_junk_is_reported_whole(
    kwargs: dict[str, object], problem: tuple[str, str, str]
) -> None:
    args: dict[str, object] = {
        "principal": D(1_000_000),
        "annual_rate": D(6),
        "months": 12,
        "start": AKAD,
    }
    with pytest.raises(ValidationError) as err:
        schedule(**(args | kwargs))  # type: ignore[arg-type]
    assert [(p.path, p.code, p.message) for p in err.value.problems] == [problem]


def test_sen_in_the_principal_are_reported_at_the_principal() -> None:
    with pytest.raises(ValidationError) as err:
        schedule(D("1.001"), D(6), 12, start=AKAD)
    assert (err.value.paths, err.value.codes) == (("$.principal",), ("money.too_many_decimals",))
