"""Rupiah parsing, formatting and rounding."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from _hypothesis_optional import given, st
from koperasi_id.errors import ValidationError
from koperasi_id.money import (
    Rounding,
    format_rupiah,
    is_valid_rupiah,
    non_negative_rupiah,
    optional_non_negative_rupiah,
    parse_amount_text,
    parse_rupiah,
    round_rupiah,
)

# The whole range the number policy takes: |amount| <= 10**15, two places, no -0.
amounts = st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=2, allow_nan=False
).map(lambda d: d.copy_abs() if d.is_zero() else d)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (0, Decimal(0)),
        (2_400_000, Decimal(2_400_000)),
        ("1234567.89", Decimal("1234567.89")),
        ("-5", Decimal(-5)),
        (" 42 ", Decimal(42)),
        (Decimal("1.10"), Decimal("1.10")),
        (Decimal("1.23456E+3"), Decimal("1234.56")),
        (Decimal("5E+8"), Decimal("500000000")),
        ("Rp1.234.567,89", Decimal("1234567.89")),
        ("Rp 1.200.000", Decimal(1_200_000)),
        ("Rp.500", Decimal(500)),
        ("-Rp1.234", Decimal(-1234)),
        ("Rp-1.234", Decimal(-1234)),
        ("Rp1234567", Decimal(1234567)),
        ("Rp 50.000,-", Decimal(50_000)),
        ("Rp1.500.000,\u2013", Decimal(1_500_000)),
        # What people type (issue 17 item 7): one rule for every edge that reads text.
        ("50.000.000", Decimal(50_000_000)),
        ("Rp50.000.000,00", Decimal("50000000.00")),
        ("50000000", Decimal(50_000_000)),
        ("1,5", Decimal("1.5")),
        ("50.000,5", Decimal("50000.5")),
        ("0.5", Decimal("0.5")),
        # The number policy's edges: the largest amount either side of zero.
        (10**15, Decimal(10**15)),
        (-(10**15), Decimal(-(10**15))),
        ("1000000000000000.00", Decimal("1000000000000000.00")),
        ("Rp1.000.000.000.000.000", Decimal(10**15)),
        (Decimal("-1E+15"), Decimal(-(10**15))),
        (" " * 100 + "5" + " " * 100, Decimal(5)),
        ("9" * 15, Decimal("9" * 15)),
    ],
)
def test_parse_accepts(raw: object, expected: Decimal) -> None:
    assert parse_rupiah(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (0.1, "money.float"),
        (1.0, "money.float"),
        (True, "money.bool"),
        (False, "money.bool"),
        (None, "money.type"),
        ([1], "money.type"),
        (b"1", "money.type"),
        (Decimal("NaN"), "money.not_finite"),
        (Decimal("Infinity"), "money.not_finite"),
        (Decimal("-Infinity"), "money.not_finite"),
        ("NaN", "money.syntax"),
        ("inf", "money.syntax"),
        ("1.234", "money.ambiguous"),
        ("50.000", "money.ambiguous"),
        ("1,234", "money.ambiguous"),
        ("1234.567", "money.too_many_decimals"),
        ("0.001", "money.too_many_decimals"),
        ("1.5,3", "money.syntax"),
        ("1,234,567", "money.syntax"),
        ("-0", "money.negative_zero"),
        ("-0.00", "money.negative_zero"),
        ("Rp-0", "money.negative_zero"),
        (Decimal("-0"), "money.negative_zero"),
        (Decimal("-0.00"), "money.negative_zero"),
        (10**15 + 1, "money.too_large"),
        (-(10**15) - 1, "money.too_large"),
        pytest.param(10**5000, "money.too_large", id="5000-digit-int"),
        (Decimal("1000000000000000.01"), "money.too_large"),
        (Decimal("1E+999999999"), "money.too_large"),
        ("1000000000000000.01", "money.too_large"),
        ("1.000.000.000.000.001", "money.too_large"),
        ("1E+2", "money.syntax"),
        ("9" * 65, "money.length"),
        ("Rp" + " " * 8000 + "x", "money.length"),
        (Decimal("0.001"), "money.too_many_decimals"),
        (Decimal("1.000"), "money.too_many_decimals"),
        (Decimal("1.234567E+3"), "money.too_many_decimals"),
        (Decimal("1E-7"), "money.too_many_decimals"),
        ("1e5", "money.syntax"),
        ("", "money.syntax"),
        ("Rp", "money.syntax"),
        ("-Rp-5", "money.syntax"),
        ("Rp1.23", "money.syntax"),
        ("١٢", "money.syntax"),
        ("x" * 10_000, "money.length"),
    ],
)
def test_parse_rejects_with_code(raw: object, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_rupiah(raw)
    assert info.value.codes == (code,)
    assert not is_valid_rupiah(raw)


def test_float_message_is_clear() -> None:
    with pytest.raises(ValidationError, match="float cannot hold rupiah exactly") as caught:
        parse_rupiah(0.1)
    assert caught.value.codes == ("money.float",)
    with pytest.raises(ValidationError, match="boolean") as caught:
        parse_rupiah(True)
    assert caught.value.codes == ("money.bool",)


def test_long_junk_is_truncated_in_message() -> None:
    with pytest.raises(ValidationError) as info:
        parse_rupiah("9" * 50 + "x")
    assert info.value.codes == ("money.syntax",)
    assert len(str(info.value)) < 300


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal(0), "Rp0"),
        (Decimal(999), "Rp999"),
        (Decimal(1000), "Rp1.000"),
        (Decimal("1234567"), "Rp1.234.567"),
        (Decimal("1234567.8"), "Rp1.234.567,80"),
        (Decimal("1234567.89"), "Rp1.234.567,89"),
        (Decimal("-1234567"), "-Rp1.234.567"),
        (Decimal("1234567.00"), "Rp1.234.567"),
    ],
)
def test_format(amount: Decimal, text: str) -> None:
    assert format_rupiah(amount) == text


def test_format_with_places_rounds_half_up() -> None:
    assert format_rupiah(Decimal("1.005"), places=2) == "Rp1,01"
    assert format_rupiah(Decimal("1999.5"), places=0) == "Rp2.000"


def test_format_rejects_too_many_places_without_explicit_rounding() -> None:
    with pytest.raises(ValidationError) as caught:
        format_rupiah(Decimal("1.005"))
    assert caught.value.codes == ("money.too_many_decimals",)


@pytest.mark.parametrize(
    ("amount", "rounding", "expected"),
    [
        ("2.5", Rounding.HALF_UP, "3"),
        ("2.5", Rounding.HALF_EVEN, "2"),
        ("3.5", Rounding.HALF_EVEN, "4"),
        ("2.49", Rounding.HALF_UP, "2"),
        ("-2.5", Rounding.HALF_UP, "-3"),
        ("2.9", Rounding.DOWN, "2"),
        ("2.1", Rounding.UP, "3"),
    ],
)
def test_round(amount: str, rounding: Rounding, expected: str) -> None:
    assert round_rupiah(Decimal(amount), rounding) == Decimal(expected)


def test_round_to_sen_and_bad_places() -> None:
    assert round_rupiah(Decimal("1.005"), places=2) == Decimal("1.01")
    with pytest.raises(ValueError, match="places"):
        round_rupiah(Decimal(1), places=-1)


@given(amounts)
def test_format_parse_round_trip(amount: Decimal) -> None:
    assert parse_rupiah(format_rupiah(amount)) == amount


@given(amounts)
def test_plain_string_round_trip(amount: Decimal) -> None:
    assert parse_rupiah(str(amount)) == amount
    assert parse_rupiah(f"{amount:f}") == amount


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_integers_format_with_dot_groups(n: int) -> None:
    text = format_rupiah(Decimal(n))
    assert "," not in text
    assert text.replace("-", "").replace("Rp", "").replace(".", "") == str(abs(n))


@given(amounts, st.sampled_from(list(Rounding)))
def test_rounding_stays_within_one_rupiah(amount: Decimal, rounding: Rounding) -> None:
    rounded = round_rupiah(amount, rounding)
    assert abs(rounded - amount) < 1
    assert rounded == rounded.to_integral_value()


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_every_float_is_refused(value: float) -> None:
    assert not is_valid_rupiah(value)


@attrs.frozen(kw_only=True)
class _Account:
    balance: Decimal = attrs.field(validator=non_negative_rupiah)
    limit: Decimal | None = attrs.field(default=None, validator=optional_non_negative_rupiah)


def test_validators_report_field_paths() -> None:
    with pytest.raises(ValidationError) as info:
        _Account(balance=Decimal(-1))
    assert info.value.problems[0].path == "$.balance"
    assert info.value.codes == ("money.negative",)
    with pytest.raises(ValidationError) as info:
        _Account(balance=Decimal(1), limit=Decimal("0.001"))
    assert info.value.paths == ("$.limit",)
    with pytest.raises(ValidationError) as info:
        _Account(balance=5)  # type: ignore[arg-type]
    assert info.value.codes == ("money.type",)
    assert _Account(balance=Decimal(0)).limit is None


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_decimal_places_rule_matches_the_exponent(value: Decimal) -> None:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    in_policy = abs(value) <= 10**15 and not (value.is_zero() and value.is_signed())
    assert is_valid_rupiah(value) == (exponent >= -2 and in_policy)


# --- review: amounts beyond 28 digits, signs of zero, junk for format ----------


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("9" * 40), "Rp" + ".".join(["9"] + ["999"] * 13)),
        (Decimal("-" + "9" * 30 + ".99"), "-Rp" + ".".join(["999"] * 10) + ",99"),
    ],
)
def test_format_is_exact_beyond_the_default_precision(amount: Decimal, text: str) -> None:
    assert format_rupiah(amount) == text
    # Printing is not taking input: so large an amount is beyond the number policy.
    with pytest.raises(ValidationError) as info:
        parse_rupiah(text)
    assert info.value.codes == ("money.too_large",)


def test_round_is_exact_beyond_the_default_precision() -> None:
    huge = Decimal("12345678901234567890123456789.555")
    assert round_rupiah(huge, places=2) == Decimal("12345678901234567890123456789.56")
    assert round_rupiah(-huge) == Decimal("-12345678901234567890123456790")
    assert round_rupiah(Decimal("1E+40")) == Decimal(10**40)


@given(st.integers(min_value=-(10**60), max_value=10**60))
def test_any_integer_formats_and_parses_back_within_the_policy(n: int) -> None:
    text = format_rupiah(Decimal(n))
    if abs(n) <= 10**15:
        assert parse_rupiah(text) == n
    else:
        assert not is_valid_rupiah(text)


@pytest.mark.parametrize(
    ("amount", "places", "text"),
    [
        (Decimal("-0.4"), 0, "Rp0"),
        (Decimal("-0.004"), 2, "Rp0,00"),
        (Decimal("-0.5"), 0, "-Rp1"),
        (Decimal("-0"), None, "Rp0"),
    ],
)
def test_an_amount_that_rounds_to_zero_has_no_sign(
    amount: Decimal, places: int | None, text: str
) -> None:
    assert format_rupiah(amount, places=places) == text


def test_format_accepts_int_and_refuses_junk_with_a_validation_error() -> None:
    assert format_rupiah(2_400_000) == "Rp2.400.000"
    for junk, code in [(1.5, "money.type"), (True, "money.type"), ("5", "money.type")]:
        with pytest.raises(ValidationError) as info:
            format_rupiah(junk)  # type: ignore[arg-type]
        assert info.value.codes == (code,)
    for places in (None, 2):
        with pytest.raises(ValidationError) as info:
            format_rupiah(Decimal("NaN"), places=places)
        assert info.value.codes == ("money.not_finite",)


# --- parse_amount_text: the one rule for typed amounts (issue 17 item 7) -----------


@given(st.text(alphabet="0123456789.,-Rp \u00a0e+", max_size=80) | st.text(max_size=80))
def test_amount_text_only_ever_raises_validation_error(text: str) -> None:
    error: ValidationError | None = None
    try:
        value = parse_amount_text(text)
    except ValidationError as err:
        error = err
    if error is not None:
        assert error.codes[0].startswith("money.")
        return
    assert abs(value) <= 10**15
    assert not (value.is_zero() and value.is_signed())
    assert value == round_rupiah(value, places=2)


@given(amounts)
def test_every_written_form_of_an_amount_reads_back(amount: Decimal) -> None:
    assert parse_amount_text(format_rupiah(amount)) == amount
    assert parse_amount_text(str(amount)) == amount
    assert parse_amount_text(str(amount).replace(".", ",")) == amount  # Indonesian decimals
    whole = abs(amount).to_integral_value()
    if whole >= 1_000_000 and amount == amount.to_integral_value():
        # Two or more dot groups, no Rp: unambiguous Indonesian grouping.
        grouped = f"{int(whole):,}".replace(",", ".")
        assert parse_amount_text(("-" if amount < 0 else "") + grouped) == amount


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_whole_amounts_in_every_typed_form(n: int) -> None:
    grouped = f"{abs(n):,}".replace(",", ".")
    sign = "-" if n < 0 else ""
    assert parse_amount_text(f"{sign}Rp{grouped}") == n
    assert parse_amount_text(f"{sign}{grouped},00") == n
    assert parse_amount_text(f"{sign}Rp{grouped},-") == n
    if grouped.count(".") != 1:  # a lone d.ddd is ambiguous without Rp or sen
        assert parse_amount_text(f"{sign}{grouped}") == n
    else:
        assert not is_valid_rupiah(f"{sign}{grouped}")
