"""The number policy (issue 13 class 1) and bounded JSON (class 2) at every edge.

One policy: money |x| <= 10**15 with two places, other decimals four places,
whole numbers |n| <= 10**15, no exponent notation in text, no "-0"; the same
answer from JSON, CSV cells and Python calls. Plus: bugs in hooks escape the
converter instead of becoming "invalid input" (issue 20 item 1).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Self

import attrs
import pytest

from koperasi_id import _json, rows, serialization
from koperasi_id._io import InputError, open_records
from koperasi_id._numbers import (
    DECIMAL_PLACES,
    MAX_MAGNITUDE,
    MAX_NUMBER_TEXT,
    check_whole,
    decimal_from_text,
    whole_from_text,
)
from koperasi_id._values import ValueType, digits_only
from koperasi_id.batch import read_jsonl_lines
from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import Nik
from koperasi_id.kur import KurLoan, Method, Purpose, RateConvention, Scheme, schedule
from koperasi_id.money import is_valid_rupiah, non_negative_rupiah, parse_amount_text
from koperasi_id.serialization import from_dict, from_json, to_json


@attrs.frozen(kw_only=True)
class _Item:
    count: int = 0
    rate: Decimal | None = None


@attrs.frozen(kw_only=True)
class _Record:
    capital: Decimal = attrs.field(validator=non_negative_rupiah)
    count: int = 0
    rate: Decimal | None = None
    items: tuple[_Item, ...] = ()


# --- whole numbers ------------------------------------------------------------


def test_the_largest_whole_number_is_taken_and_the_next_refused() -> None:
    assert check_whole(MAX_MAGNITUDE) == 10**15
    assert check_whole(-MAX_MAGNITUDE) == -(10**15)
    for bad in (10**15 + 1, -(10**15) - 1, 10**5000):
        with pytest.raises(ValidationError) as info:
            check_whole(bad)
        assert info.value.codes == ("number.too_large",)


def test_whole_number_text_is_bounded_before_conversion() -> None:
    assert whole_from_text("9" * 15) == int("9" * 15)
    assert whole_from_text("0" * (MAX_NUMBER_TEXT - 1) + "7") == 7
    for text, code in [
        ("9" * 5000, "number.length"),
        ("0" * MAX_NUMBER_TEXT + "7", "number.length"),
        ("1" + "0" * 15 + "1", "number.too_large"),
        ("-0", "number.negative_zero"),
        ("1e3", "number.syntax"),
        ("١٢", "number.syntax"),
    ]:
        with pytest.raises(ValidationError) as info:
            whole_from_text(text)
        assert info.value.codes == (code,)


@pytest.mark.parametrize(
    ("value", "ok"),
    [(10**15, True), (10**15 + 1, False), pytest.param(10**5000, False, id="5000-digits")],
)
def test_int_fields_apply_the_bound_with_a_path(value: int, ok: bool) -> None:
    data = {"capital": "1", "items": [{"count": value}]}
    if ok:
        assert from_dict(_Record, data).items[0].count == value
        return
    with pytest.raises(ValidationError) as info:
        from_dict(_Record, data)
    assert info.value.codes == ("number.too_large",)
    assert info.value.paths == ("$.items[0].count",)


def test_decimal_text_follows_the_policy() -> None:
    assert decimal_from_text("0.0001", places=DECIMAL_PLACES) == Decimal("0.0001")
    with pytest.raises(ValidationError) as info:
        decimal_from_text("0.00001", places=DECIMAL_PLACES)
    assert info.value.codes == ("number.too_many_decimals",)


# --- JSON: numbers, depth, size --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '{"capital": 1e999999999}',
        '{"capital": 1E+2}',
        '{"capital": 1.5e3}',
        '{"capital": "1", "rate": 1e-999999999}',
        '{"capital": "1", "count": ' + "9" * 5000 + "}",
        '{"capital": 0.' + "0" * 5000 + "1}",
        '{"capital": -0}',
        '{"capital": -0.0}',
        '{"capital": NaN}',
        '{"capital": Infinity}',
    ],
)
def test_json_number_bombs_are_refused_before_any_conversion(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        from_json(_Record, text)
    assert info.value.codes == ("json.number",)


def test_exponent_notation_gets_the_same_answer_as_a_number_and_as_a_string() -> None:
    # Issue 13: the JSON number 1E+2 was taken as 100 while the string was refused.
    for text, code in (
        ('{"capital": 1E+2}', "json.number"),
        ('{"capital": "1E+2"}', "type.decimal"),
    ):
        with pytest.raises(ValidationError) as caught:
            from_json(_Record, text)
        assert caught.value.codes == (code,)
    assert from_json(_Record, '{"capital": 100}').capital == 100
    assert from_json(_Record, '{"capital": "100"}').capital == 100


def test_json_numbers_at_the_edge_of_the_policy() -> None:
    top = from_json(_Record, '{"capital": 1000000000000000.00, "count": 1000000000000000}')
    assert top.capital == Decimal("1000000000000000.00")
    assert top.count == 10**15
    with pytest.raises(ValidationError) as info:
        from_json(_Record, '{"capital": 1000000000000000.01}')
    assert info.value.codes == ("number.too_large",)
    assert info.value.paths == ("$.capital",)
    with pytest.raises(ValidationError) as info:
        from_json(_Record, '{"capital": 1, "rate": 0.00001}')
    assert info.value.codes == ("number.too_many_decimals",)
    assert from_json(_Record, '{"capital": 1, "rate": 0.0001}').rate == Decimal("0.0001")


def test_deep_nesting_is_a_problem_not_a_recursion_error() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(ValidationError) as info:
        from_json(_Record, deep)
    assert info.value.codes == ("json.depth",)
    with pytest.raises(ValidationError) as info:
        _json.loads('{"a": ' + deep + "}")
    assert info.value.codes == ("json.depth",)


def test_the_depth_limit_is_exact() -> None:
    limit = _json.MAX_JSON_DEPTH
    assert _json.loads("[" * limit + "]" * limit) == _nested(limit)
    with pytest.raises(ValidationError) as info:
        _json.loads("[" * (limit + 1) + "]" * (limit + 1))
    assert info.value.codes == ("json.depth",)


def _nested(levels: int) -> list[object]:
    value: list[object] = []
    for _ in range(levels - 1):
        value = [value]
    return value


def test_brackets_inside_strings_do_not_count_as_depth() -> None:
    text = json.dumps({"name": "[" * 1000 + '\\"{' * 1000})
    assert _json.loads(text, max_depth=1) == json.loads(text)


def test_the_size_limit_is_exact() -> None:
    fits = '"' + "x" * (_json.MAX_JSON_CHARS - 2) + '"'
    assert len(_json.loads(fits)) == _json.MAX_JSON_CHARS - 2
    with pytest.raises(ValidationError) as info:
        _json.loads(fits + " ")
    assert info.value.codes == ("json.size",)
    assert _json.loads(fits + " ", max_chars=None) == fits[1:-1]


@pytest.mark.parametrize("junk", ["", "{", "[1,]", b"\xff\xfe\x00", 5, None, "\ud800"])
def test_json_junk_is_a_json_problem(junk: object) -> None:
    with pytest.raises(ValidationError) as info:
        _json.loads(junk)  # type: ignore[arg-type]
    assert info.value.codes[0].startswith("json")


def test_a_document_within_the_policy_round_trips_exactly() -> None:
    record = _Record(
        capital=Decimal("1000000000000000.00"),
        count=10**15,
        rate=Decimal("99.9999"),
        items=(_Item(count=-(10**15), rate=Decimal("0.0001")),),
    )
    assert from_json(_Record, to_json(record)) == record


# --- CSV cells -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("50.000.000", Decimal(50_000_000)),
        ("Rp50.000.000,00", Decimal("50000000.00")),
        ("50000000", Decimal(50_000_000)),
        ("Rp50.000,-", Decimal(50_000)),
        ("1234567.89", Decimal("1234567.89")),
        ("1.000.000.000.000.000", Decimal(10**15)),
    ],
)
def test_money_cells_take_what_people_type(cell: str, expected: Decimal) -> None:
    assert rows.structure(_Record, {"capital": cell}).capital == expected
    assert parse_amount_text(cell) == expected


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("50.000", "money.too_many_decimals"),  # ambiguous: refused, never read as 50
        ("1,234", "money.ambiguous"),
        ("Rp" + " " * 8000 + "x", "money.length"),
        ("9" * 16_000, "money.length"),
        ("-0", "money.negative_zero"),
        ("1.000.000.000.000.001", "money.too_large"),
        ("1E+2", "money.syntax"),
    ],
)
def test_money_cells_outside_the_rule_are_a_problem_at_the_column(cell: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        rows.structure(_Record, {"capital": cell})
    assert info.value.codes == (code,)
    assert info.value.paths == ("$.capital",)


def test_a_rate_cell_keeps_its_decimal_point() -> None:
    # "6.125" would be ambiguous as money; for a rate it is a decimal point.
    record = rows.structure(_Record, {"capital": "1", "rate": "6.125"})
    assert record.rate == Decimal("6.125")


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("9" * 5000, "number.length"),
        ("1" + "0" * 15 + "1", "number.too_large"),
        ("-0", "number.negative_zero"),
    ],
)
def test_huge_int_cells_are_a_problem_not_a_bare_value_error(cell: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        rows.structure(_Record, {"capital": "1", "count": cell})
    assert info.value.codes == (code,)
    assert info.value.paths == ("$.count",)


def test_an_unreadable_cell_is_reported_once() -> None:
    problems: list[object] = []
    data = rows.unflatten(_Record, {"capital": "Rp1,2,3"}, problems=problems)  # type: ignore[arg-type]
    assert "capital" not in data
    with pytest.raises(ValidationError) as info:
        rows.structure(_Record, {"capital": "Rp1,2,3"})
    assert info.value.codes == ("money.syntax",)


# --- rules: anything inside the policy works ----------------------------------------


@pytest.mark.parametrize("method", [Method.ANNUITY, Method.FLAT])
@pytest.mark.parametrize("convention", list(RateConvention))
@pytest.mark.parametrize("rate", [Decimal(100), Decimal("0.0001"), Decimal(0)])
def test_a_schedule_on_the_largest_amount_repays_it_exactly(
    method: Method, convention: RateConvention, rate: Decimal
) -> None:
    plan = schedule(
        Decimal(10**15),
        rate,
        600,
        start=date(2024, 1, 31),
        method=method,
        rate_convention=convention,
        places=2,
    )
    assert plan.total_principal == Decimal(10**15)
    assert plan.instalments[-1].balance == 0


@pytest.mark.parametrize("rate", [Decimal("0.00001"), Decimal("1E-30"), Decimal("1E-999999999")])
def test_a_rate_beyond_four_places_is_refused_not_a_division_by_zero(rate: Decimal) -> None:
    with pytest.raises(ValidationError) as info:
        schedule(Decimal(10**15), rate, 12, start=date(2024, 1, 31))
    assert info.value.codes == ("schedule.too_many_decimals",)
    assert info.value.paths == ("$.annual_rate",)


def test_a_principal_beyond_the_policy_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        schedule(Decimal(10**30), Decimal(6), 12, start=date(2024, 1, 31))
    assert info.value.codes == ("money.too_large",)


# --- issue 20 item 1: bugs escape, bad input becomes problems -------------------------


class _Buggy(ValueType):
    """A value type whose parse has a bug: it raises something other than ValidationError."""

    kind = "buggy"
    error: type[Exception] = RuntimeError

    @classmethod
    def parse(cls, raw: object) -> Self:
        raise cls.error("bug in the hook")


@attrs.frozen(kw_only=True)
class _HoldsBuggy:
    name: str
    buggy: _Buggy | None = None
    many: tuple[_Buggy, ...] = ()


@pytest.mark.parametrize("error", [RuntimeError, AttributeError, KeyError, TypeError, ValueError])
@pytest.mark.parametrize(
    "data",
    [{"name": "x", "buggy": "b"}, {"name": "x", "many": ["b"]}, {"name": 5, "buggy": "b"}],
)
def test_an_exception_from_a_buggy_hook_escapes_from_dict(
    monkeypatch: pytest.MonkeyPatch, error: type[Exception], data: dict[str, object]
) -> None:
    monkeypatch.setattr(_Buggy, "error", error)
    with pytest.raises(error, match="bug in the hook") as info:
        from_dict(_HoldsBuggy, data)
    assert not isinstance(info.value, ValidationError)


def test_a_monkeypatched_library_hook_that_raises_escapes(monkeypatch: pytest.MonkeyPatch) -> None:
    # The fault the issue injected: a crash in the converter's str hook. The
    # converters are rebuilt from the patched module, then thrown away.
    def broken(value: object, _: type) -> str:
        raise RuntimeError("injected fault")

    monkeypatch.setattr(serialization, "_structure_str", broken)
    monkeypatch.setattr(serialization, "_defaults", {})
    monkeypatch.setattr(serialization, "_built", [])
    with pytest.raises(RuntimeError, match="injected fault"):
        from_dict(_HoldsBuggy, {"name": "x"})
    with pytest.raises(RuntimeError, match="injected fault"):
        from_json(_HoldsBuggy, '{"name": "x"}')


def test_is_valid_lets_a_bug_in_parse_escape(monkeypatch: pytest.MonkeyPatch) -> None:
    for error in (RuntimeError, AttributeError):
        monkeypatch.setattr(_Buggy, "error", error)
        with pytest.raises(error):
            _Buggy.is_valid("b")


def test_is_valid_still_says_false_for_junk() -> None:
    for junk in (None, 1.5, b"x", [], "x" * 100_000, "١٢٣", "-0", 10**5000):
        assert Nik.is_valid(junk) is False
        assert is_valid_rupiah(junk) is False


def test_missing_and_unknown_keys_stay_problems() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(_Record, {"count": 1, "bogus": 2})
    assert set(info.value.codes) == {"missing", "unknown_field"}


# --- JSON Lines and .json inputs read through the same bounded loader ------------------


def test_a_deep_json_line_is_a_problem_for_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"capital": "1"}\n' + "[" * 50_000 + "]" * 50_000 + '\n{"capital": 1e5}\n{"capital": 2}\n',
        encoding="utf-8",
    )
    with open_records(path) as records:
        got = [(r.line, [p.code for p in r.problems]) for r in records]
    assert got == [(1, []), (2, ["json.depth"]), (3, ["json.number"]), (4, [])]


def test_a_deep_json_file_is_an_input_error_not_a_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    with pytest.raises(InputError, match="deeper"), open_records(path) as records:
        list(records)


@attrs.frozen(kw_only=True)
class _Computed:
    value: Decimal


@pytest.mark.parametrize("value", [Decimal("1E-999999999"), Decimal("1E+999999999")])
def test_an_absurd_python_decimal_is_refused_by_to_json_not_a_memory_error(value: Decimal) -> None:
    with pytest.raises(ValidationError) as info:
        to_json(_Computed(value=value))
    assert info.value.codes == ("number.unwritable",)


def test_long_but_writable_decimals_are_written_in_plain_form() -> None:
    assert (
        json.loads(to_json(_Computed(value=Decimal("1E-1000"))))["value"] == "0." + "0" * 999 + "1"
    )


def test_the_batch_json_lines_reader_is_bounded_too() -> None:
    lines = ["[" * 50_000 + "]" * 50_000, '{"a": 1e999999999}', '{"a": 1.5}']
    got = list(read_jsonl_lines(lines))
    assert [r.codes for r in got[:2]] == [("json.depth",), ("json.number",)]  # type: ignore[union-attr]
    assert got[2] == {"a": Decimal("1.5")}


@pytest.mark.parametrize(
    ("index", "known"), [("999999", True), ("1000000", False), ("9" * 5000, False)]
)
def test_a_huge_list_index_in_a_column_is_an_unknown_column(index: str, known: bool) -> None:
    row = {"capital": "1", f"items[{index}].count": "3"}
    if known:
        assert rows.structure(_Record, row).items == (_Item(count=3),)
        return
    with pytest.raises(ValidationError) as info:
        rows.structure(_Record, row)
    assert info.value.codes == ("unknown_column",)


_NUMBER_TEXTS = [
    "0", "100", "12.5", "12.50", "0.001", "-0", "-0.0", "-1", "1E+2", "1e-5", "1.5E3",
    "1000000000000000", "1000000000000001", "1000000000000000.00", "999999999999999.99",
    "0.0001", "0.00001", "9" * 39, "00", "01", "1.", ".5",
]  # fmt: skip


@pytest.mark.parametrize("text", _NUMBER_TEXTS)
@pytest.mark.parametrize("field", ["capital", "rate"])
def test_a_json_number_and_the_same_text_as_a_string_get_the_same_answer(
    text: str, field: str
) -> None:
    def answer(document: str) -> object:
        try:
            return from_json(_Record, document)
        except ValidationError:
            return "refused"

    base = '"capital": "1", ' if field == "rate" else ""
    as_number = answer(f'{{{base}"{field}": {text}}}')
    as_string = answer(f'{{{base}"{field}": "{text}"}}')
    if text in ("00", "01", "1.", ".5"):
        assert as_number == "refused"  # not JSON numbers at all
    else:
        assert as_number == as_string


@pytest.mark.parametrize("raw", [10**64, -(10**64), pytest.param(10**5000, id="5000-digits")])
def test_digits_only_measures_a_huge_int_before_converting_it(raw: int) -> None:
    with pytest.raises(ValidationError) as info:
        digits_only(raw, code_prefix="x", what="code", what_id="kode")
    assert info.value.codes == ("x.length",)


def test_digits_only_takes_the_longest_int_that_fits() -> None:
    assert digits_only(10**64 - 1, code_prefix="x", what="code", what_id="kode") == "9" * 64


@attrs.frozen(kw_only=True)
class _Flags:
    flag: bool = False
    name: str = ""


@pytest.mark.parametrize(("field", "code"), [("flag", "type.bool"), ("name", "type.str")])
def test_a_huge_python_int_in_the_wrong_field_is_a_problem(field: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(_Flags, {field: 10**5000})
    assert info.value.paths == (f"$.{field}",)
    assert info.value.codes == (code,)


@pytest.mark.parametrize(("rate", "ok"), [("0.0001", True), ("0.00001", False), ("1E-30", False)])
def test_a_kur_loan_built_in_python_meets_the_rate_policy(rate: str, ok: bool) -> None:
    def loan() -> KurLoan:
        return KurLoan(
            borrower_nik=Nik.parse("1871010101900001"),
            scheme=Scheme.MICRO,
            purpose=Purpose.WORKING_CAPITAL,
            plafond=Decimal(10_000_000),
            annual_rate=Decimal(rate),
            tenor_months=12,
            akad_date=date(2024, 5, 2),
        )

    if ok:
        assert loan().schedule().total_principal == 10_000_000
        return
    with pytest.raises(ValidationError) as info:
        loan()
    assert info.value.codes == ("kur.rate_places",)
