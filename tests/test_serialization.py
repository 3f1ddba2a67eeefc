"""The strict converter: no coercion, every problem at its path, nothing lost."""

from __future__ import annotations

import enum
import json
import pickle
from datetime import date, datetime
from decimal import Decimal
from typing import Self

import attrs
import pytest

from _hypothesis_optional import given, st
from koperasi_id._values import ValueType, digits_only
from koperasi_id.errors import ValidationError
from koperasi_id.law import FIRST_DAY, LAST_DAY
from koperasi_id.money import non_negative_rupiah
from koperasi_id.serialization import (
    default_converter,
    from_dict,
    from_json,
    make_converter,
    register_hooks,
    to_dict,
    to_json,
)


class Kind(enum.Enum):
    SAVINGS = "simpan_pinjam"
    CONSUMER = "konsumen"


@attrs.frozen
class Code(ValueType):
    kind = "code"
    digits: str

    @classmethod
    def parse(cls, raw: object) -> Self:
        digits = digits_only(raw, code_prefix="code", what="code", what_id="kode")
        if len(digits) != 4:
            raise ValidationError.single(
                "code.length", "a code has 4 digits", message_id="kode harus 4 digit"
            )
        return cls(digits)

    def __str__(self) -> str:
        return self.digits


@attrs.frozen(kw_only=True)
class Member:
    name: str
    code: Code
    joined: date
    savings: Decimal = attrs.field(validator=non_negative_rupiah)
    active: bool = True


@attrs.frozen(kw_only=True)
class Coop:
    name: str
    kind: Kind
    members: tuple[Member, ...] = ()
    founded: int | None = None

    def __attrs_post_init__(self) -> None:
        names = [m.name for m in self.members]
        if len(set(names)) != len(names):
            raise ValidationError.single(
                "coop.duplicate_member",
                "member names must be unique",
                message_id="nama anggota harus unik",
                path="$.members",
            )


GOOD = {
    "name": "KSP Maju",
    "kind": "simpan_pinjam",
    "members": [
        {
            "name": "Siti",
            "code": "0001",
            "joined": "2021-03-01",
            "savings": "150000.50",
            "active": True,
        },
        {"name": "Budi", "code": "0002", "joined": "2020-01-31", "savings": "0", "active": False},
    ],
    "founded": 1999,
}


def test_round_trip_dict_and_json() -> None:
    coop = from_dict(Coop, GOOD)
    assert coop.members[0].code == Code("0001")
    assert coop.members[0].savings == Decimal("150000.50")
    assert to_dict(coop) == GOOD
    assert from_json(Coop, to_json(coop)) == coop
    assert json.loads(to_json(coop, indent=2)) == GOOD


def test_three_bad_fields_are_all_reported_with_paths() -> None:
    bad = json.loads(json.dumps(GOOD))
    bad["kind"] = "simpanpinjam"
    bad["members"][1]["joined"] = "31/01/2020"
    bad["members"][0]["savings"] = 0.1
    with pytest.raises(ValidationError) as info:
        from_dict(Coop, bad)
    assert sorted(info.value.paths) == ["$.kind", "$.members[0].savings", "$.members[1].joined"]
    by_path = {p.path: p for p in info.value.problems}
    assert by_path["$.kind"].code == "enum"
    assert "'simpan_pinjam', 'konsumen'" in by_path["$.kind"].message
    assert by_path["$.members[0].savings"].code == "type.float"
    assert by_path["$.members[1].joined"].code == "type.date"
    assert "invalid value for type" not in str(info.value)


@pytest.mark.parametrize(
    ("path_setter", "code"),
    [
        (lambda d: d.update(name=7), "type.str"),
        (lambda d: d.update(founded="1999"), "type.int"),
        (lambda d: d.update(founded=True), "type.int"),
        (lambda d: d.update(founded=1999.0), "type.int"),
        (lambda d: d["members"][0].update(active=1), "type.bool"),
        (lambda d: d["members"][0].update(active="true"), "type.bool"),
        (lambda d: d["members"][0].update(savings="1e3"), "type.decimal"),
        (lambda d: d["members"][0].update(savings="-1"), "money.negative"),
        (lambda d: d["members"][0].update(savings="1.001"), "money.too_many_decimals"),
        (lambda d: d["members"][0].update(savings=None), "type.decimal"),
        (lambda d: d["members"][0].update(savings=Decimal("NaN")), "type.decimal"),
        (lambda d: d["members"][0].update(joined="2021-02-29"), "type.date"),
        (lambda d: d["members"][0].update(joined="20210301"), "type.date"),
        (lambda d: d["members"][0].update(joined=datetime(2021, 3, 1, 9, 0)), "type.date"),
        (lambda d: d["members"][0].update(joined=20210301), "type.date"),
        (lambda d: d["members"][0].update(code="12345"), "code.length"),
        (lambda d: d["members"][0].update(code=None), "code.type"),
        (lambda d: d["members"][0].pop("name"), "missing"),
        (lambda d: d["members"][0].update(extra="x"), "unknown_field"),
        (lambda d: d.update(members="Siti,Budi"), "type.list"),
        (lambda d: d.update(members={"0": {}}), "type.list"),
        (lambda d: d["members"].append("Ani"), "type.object"),
        (lambda d: d.update(kind=None), "enum"),
        (lambda d: d.update(kind=["x"]), "enum"),
        (lambda d: d["members"][1].update(name="Siti"), "coop.duplicate_member"),
    ],
)
def test_each_kind_of_bad_value_has_its_code(path_setter: object, code: str) -> None:
    bad = json.loads(json.dumps(GOOD))
    path_setter(bad)  # type: ignore[operator]
    with pytest.raises(ValidationError) as info:
        from_dict(Coop, bad)
    assert info.value.codes == (code,)


def test_nested_validator_error_gets_full_path() -> None:
    @attrs.frozen(kw_only=True)
    class Registry:
        coops: tuple[Coop, ...]

    bad = json.loads(json.dumps(GOOD))
    bad["members"][1]["name"] = "Siti"
    bad["members"][0]["savings"] = "-5"
    with pytest.raises(ValidationError) as info:
        from_dict(Registry, {"coops": [GOOD, bad]})
    assert info.value.codes == ("money.negative",)
    assert info.value.paths == ("$.coops[1].members[0].savings",)
    bad["members"][0]["savings"] = "5"
    with pytest.raises(ValidationError) as info:
        from_dict(Registry, {"coops": [GOOD, bad]})
    assert info.value.codes == ("coop.duplicate_member",)
    assert info.value.paths == ("$.coops[1].members",)


def test_top_level_must_be_an_object() -> None:
    for junk in (None, [], "x", 3, b"{}"):
        with pytest.raises(ValidationError) as info:
            from_dict(Coop, junk)
        assert info.value.codes == ("type.object",)


def test_lenient_mode_ignores_unknown_keys_only() -> None:
    extra = {**GOOD, "kode_pos": "35111"}
    with pytest.raises(ValidationError) as caught:
        from_dict(Coop, extra)
    assert caught.value.codes == ("unknown_field",)
    assert from_dict(Coop, extra, lenient=True) == from_dict(Coop, GOOD)
    with pytest.raises(ValidationError) as caught:
        from_dict(Coop, {**extra, "founded": "x"}, lenient=True)
    assert caught.value.codes == ("type.int",)


def test_json_numbers_stay_exact_and_bad_json_is_a_validation_error() -> None:
    text = json.dumps(GOOD).replace('"150000.50"', "150000.50")
    assert from_json(Coop, text).members[0].savings == Decimal("150000.50")
    with pytest.raises(ValidationError) as info:
        from_json(Coop, "{not json")
    assert info.value.codes == ("json",)
    with pytest.raises(ValidationError) as caught:
        from_json(Coop, b"\xff\xfe")
    assert caught.value.codes == ("json",)


def test_default_converter_is_cached_and_fresh_ones_are_independent() -> None:
    assert default_converter() is default_converter()
    assert default_converter(lenient=True) is not default_converter()
    assert make_converter() is not default_converter()


def test_register_hooks_reaches_built_and_future_converters() -> None:
    class Percent(Decimal):
        pass

    built = make_converter()
    register_hooks(lambda c: c.register_unstructure_hook(Percent, lambda p: f"{p}%"))
    assert built.unstructure(Percent("6")) == "6%"
    assert make_converter().unstructure(Percent("3")) == "3%"


def test_value_type_contract() -> None:
    assert Code.is_valid("00-01")
    for junk in (None, "", "abcd", "12345", "١٢٣٤", b"1234", 1.5, True, "9" * 10_000, object()):
        assert not Code.is_valid(junk)
    assert Code.parse(1234).display() == "1234"
    assert Code.parse("0001").warnings == ()


def test_validation_errors_survive_pickling_for_batch_workers() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(Coop, {"name": 1})
    again = pickle.loads(pickle.dumps(info.value))
    assert again.problems == info.value.problems


member_dicts = st.fixed_dictionaries(
    {
        "name": st.text(min_size=1, max_size=20),
        "code": st.from_regex(r"[0-9]{4}", fullmatch=True),
        "joined": st.dates(FIRST_DAY, LAST_DAY).map(date.isoformat),  # the wire day bound
        "savings": st.decimals(min_value=0, max_value=10**12, places=2).map(str),
        "active": st.booleans(),
    }
)


@given(st.lists(member_dicts, max_size=5, unique_by=lambda m: m["name"]), st.sampled_from(Kind))
def test_property_round_trip(members: list[dict[str, object]], kind: Kind) -> None:
    data = {"name": "K", "kind": kind.value, "members": members, "founded": None}
    coop = from_dict(Coop, data)
    assert from_dict(Coop, to_dict(coop)) == coop
    assert from_json(Coop, to_json(coop)) == coop


junk = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=5)
    | st.binary(max_size=3),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=10,
)


@given(junk)
def test_junk_only_ever_raises_our_validation_error(data: object) -> None:
    try:
        built = from_dict(Coop, data)
    except ValidationError as err:
        problems = err.problems
    else:
        # The junk happened to be a valid record: then it is one, and reads back the same.
        assert isinstance(built, Coop)
        assert from_dict(Coop, to_dict(built)) == built
        return
    assert all(p.path.startswith("$") for p in problems)


@given(st.fixed_dictionaries({"name": junk, "kind": junk, "members": junk, "founded": junk}))
def test_junk_fields_only_ever_raise_our_validation_error(data: object) -> None:
    try:
        built = from_dict(Coop, data)
    except ValidationError as err:
        problems = err.problems
    else:
        # The junk happened to be a valid record: then it is one, and reads back the same.
        assert isinstance(built, Coop)
        assert from_dict(Coop, to_dict(built)) == built
        return
    assert all(p.code and p.message for p in problems)


@attrs.frozen(kw_only=True)
class _Unsupported:
    either: int | str = 0


@attrs.frozen(kw_only=True)
class _HoldsUnsupported:
    items: tuple[_Unsupported, ...] = ()


@pytest.mark.parametrize(
    ("cls", "data"),
    [(_Unsupported, {"either": 1}), (_HoldsUnsupported, {"items": [{"either": 1}]})],
)
def test_a_type_without_hooks_is_a_programming_error_not_invalid_data(
    cls: type, data: dict[str, object]
) -> None:
    # As a ValidationError it would mark every record of a batch invalid.
    with pytest.raises(TypeError, match="register_hooks") as info:
        from_dict(cls, data)
    assert not isinstance(info.value, ValidationError)


@attrs.frozen(kw_only=True)
class _Coded:
    code: str = attrs.field(validator=attrs.validators.in_(["a", "b"]))


@attrs.frozen(kw_only=True)
class _Checked:
    coded: _Coded | None = None

    def __attrs_post_init__(self) -> None:
        if self.coded is None:
            raise ValueError("no code for 1871010101900001")


def test_plain_validator_errors_name_the_field_and_mask_niks() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(_Checked, {"coded": {"code": "1871010101900001"}})
    (problem,) = info.value.problems
    assert problem.path == "$.coded.code"
    assert "1871010101900001" not in problem.message
    assert "187101******0001" in problem.message
    assert "Attribute(" not in problem.message


def test_a_plain_exception_from_a_class_is_a_bug_not_bad_input() -> None:
    # Issue 20 item 1: only ValidationError, missing/unknown keys and attrs'
    # own validators mean bad input; a bare ValueError from post-init escapes.
    with pytest.raises(ValueError, match="no code for") as info:
        from_dict(_Checked, {})
    assert not isinstance(info.value, ValidationError)


@attrs.frozen(kw_only=True)
class _Amount:
    value: Decimal


@pytest.mark.parametrize("text", ["5E+8", "1E-4", "-1.5E+3", "0E+2", "1E+15"])
def test_decimals_in_exponent_form_survive_the_round_trip(text: str) -> None:
    entity = _Amount(value=Decimal(text))
    wire = to_dict(entity)
    assert "E" not in wire["value"]
    assert from_dict(_Amount, wire) == entity
    assert from_json(_Amount, to_json(entity)) == entity


@given(
    st.decimals(
        min_value=Decimal("-1e15"),
        max_value=Decimal("1e15"),
        places=4,
        allow_nan=False,
        allow_infinity=False,
    ).map(lambda d: d.copy_abs() if d.is_zero() else d)
)
def test_every_decimal_within_the_policy_survives_the_round_trip(value: Decimal) -> None:
    entity = _Amount(value=value)
    assert from_dict(_Amount, to_dict(entity)).value == value
    assert from_json(_Amount, to_json(entity)) == entity


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("1000000000000000.0001", "number.too_large"),
        ("-1000000000000000.0001", "number.too_large"),
        (Decimal("1E+16"), "number.too_large"),
        (10**15 + 1, "number.too_large"),
        ("0.00001", "number.too_many_decimals"),
        (Decimal("1E-7"), "number.too_many_decimals"),
        ("-0", "number.negative_zero"),
        ("-0.0000", "number.negative_zero"),
        (Decimal("-0"), "number.negative_zero"),
        ("1E+2", "type.decimal"),
        ("9" * 65, "type.decimal"),
        ("Rp800.000.000", "type.decimal"),
    ],
)
def test_decimals_beyond_the_policy_are_refused_at_their_path(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(_Amount, {"value": value})
    assert info.value.codes == (code,)
    assert info.value.paths == ("$.value",)


def test_the_largest_decimals_the_policy_takes() -> None:
    for text in ("1000000000000000", "-1000000000000000", "999999999999999.9999", "0.0001"):
        assert from_dict(_Amount, {"value": text}).value == Decimal(text)


def test_the_wire_refuses_display_amounts_and_says_what_to_do() -> None:
    # Issue 17 item 7: the wire stays strict; the message names the function for typed text.
    with pytest.raises(ValidationError, match="parse_amount_text") as info:
        from_dict(
            Member,
            {"name": "S", "code": "0001", "joined": "2021-03-01", "savings": "Rp800.000.000"},
        )
    assert info.value.codes == ("type.decimal",)


def test_python_values_pass_through_as_they_are() -> None:
    member = Member(name="Siti", code=Code("0001"), joined=date(2021, 3, 1), savings=Decimal(5))
    data = {"name": "Siti", "code": Code("0001"), "joined": date(2021, 3, 1), "savings": 5}
    assert from_dict(Member, data) == member
    coop = from_dict(Coop, {"name": "K", "kind": Kind.SAVINGS, "members": [data]})
    assert coop.kind is Kind.SAVINGS
    assert coop.members == (member,)
    with pytest.raises(ValidationError) as info:
        from_dict(Member, {**data, "savings": Decimal("NaN")})
    assert info.value.codes == ("type.decimal",)


# --- attrs validators with a bare message, mapping fields, unresolvable hints --


@attrs.frozen(kw_only=True)
class _Bounded:
    name: str = attrs.field(validator=attrs.validators.min_len(1))
    count: int = attrs.field(validator=attrs.validators.ge(1))
    tally: dict[str, int] = attrs.field(factory=dict)


def test_attrs_min_len_and_ge_errors_are_problems_at_their_field() -> None:
    # attrs' min_len/ge raise ValueError(message) without the Attribute.
    with pytest.raises(ValidationError) as info:
        from_dict(_Bounded, {"name": "", "count": 1})
    assert [(p.path, p.code) for p in info.value.problems] == [("$.name", "invalid")]
    with pytest.raises(ValidationError) as info:
        from_dict(_Bounded, {"name": "x", "count": 0})
    assert [(p.path, p.code) for p in info.value.problems] == [("$.count", "invalid")]


def _raises_value_error(value: object) -> None:
    raise ValueError("a bug, not the data")


@attrs.frozen(kw_only=True)
class _BuggyValidator:
    name: str = attrs.field(validator=lambda _i, _a, v: _raises_value_error(v))


def test_a_bare_value_error_outside_attrs_validators_still_escapes() -> None:
    with pytest.raises(ValueError, match="a bug, not the data") as info:
        from_dict(_BuggyValidator, {"name": "x"})
    assert not isinstance(info.value, ValidationError)


@pytest.mark.parametrize("value", [None, 1, [], "x"])
def test_a_mapping_field_refuses_what_is_not_an_object(value: object) -> None:
    for _ in range(2):  # the second lookup of the hook must be the strict one too
        with pytest.raises(ValidationError) as info:
            from_dict(_Bounded, {"name": "x", "count": 1, "tally": value})
        assert [(p.path, p.code) for p in info.value.problems] == [("$.tally", "type.object")]


def test_to_json_refuses_an_int_outside_the_number_policy() -> None:
    with pytest.raises(ValidationError) as info:
        to_json({"count": 10**5000})
    assert info.value.codes == ("number.too_large",)
    with pytest.raises(ValidationError) as info:
        to_json(b"1871010101900001")
    assert info.value.codes == ("type.no_json_form",)


def test_to_json_refuses_nesting_past_the_recursion_limit() -> None:
    deep: list[object] = []
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(ValidationError) as info:
        to_json(deep)
    assert info.value.codes == ("json.depth",)
