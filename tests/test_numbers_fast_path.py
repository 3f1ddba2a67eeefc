"""The number checks' quick tests (whole amounts in plain digits) never change a verdict."""

from __future__ import annotations

import random
from decimal import Decimal

import attrs
import pytest

from koperasi_id._numbers import DECIMAL_PLACES, WHOLE_DIGITS, check_decimal
from koperasi_id.errors import ValidationError
from koperasi_id.money import non_negative_rupiah
from koperasi_id.serialization import from_dict


class _Amount(Decimal):
    """A Decimal subclass: never taken by the quick test, so the full checks run."""


@attrs.frozen
class _Holder:
    amount: Decimal = attrs.field(validator=non_negative_rupiah)


def _verdict(value: Decimal) -> tuple[str, ...]:
    try:
        _Holder(value)
    except ValidationError as err:
        return tuple(f"{p.path} {p.code} {p.message}" for p in err.problems)
    return ()


def _amounts() -> list[str]:
    rng = random.Random(18)
    texts = ["0", "-0", "00", "1", "-1", "1E+2", "1e2", "5.000", "12.5", "12.50", "NaN", "-NaN"]
    texts += ["Infinity", "9" * WHOLE_DIGITS, "9" * (WHOLE_DIGITS + 1), "1" + "0" * WHOLE_DIGITS]
    texts += ["0" * 20, "0.00", "-0.00", "1E-2", "100E-2"]
    texts += [str(rng.randrange(10 ** rng.randrange(1, 18))) for _ in range(500)]
    return texts


@pytest.mark.parametrize("text", _amounts())
def test_the_money_validator_agrees_with_its_full_checks(text: str) -> None:
    assert _verdict(Decimal(text)) == _verdict(_Amount(text))


def test_plain_digit_text_is_within_the_number_policy() -> None:
    rng = random.Random(5)
    for _ in range(2_000):
        text = "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, WHOLE_DIGITS + 1)))
        value = Decimal(text)
        assert check_decimal(value, places=DECIMAL_PLACES, code="number") == value
    with pytest.raises(ValidationError) as err:
        check_decimal(Decimal("2" + "0" * WHOLE_DIGITS), places=DECIMAL_PLACES, code="number")
    assert err.value.problems[0].code == "number.too_large"


def test_wire_amounts_keep_their_written_form() -> None:
    wire = {
        "name": "Warung",
        "owner_nik": "1871010101900001",
        "started_on": "2019-03-01",
        "capital": "000250000000",
    }
    from koperasi_id.msme import Business  # noqa: PLC0415

    business = from_dict(Business, wire)
    assert business.capital == Decimal("250000000")
    assert str(business.capital) == "250000000"
    with pytest.raises(ValidationError) as err:
        from_dict(Business, {**wire, "capital": "2" + "0" * WHOLE_DIGITS})
    assert [p.code for p in err.value.problems] == ["number.too_large"]
