"""Every registered rule is overridable from a file: export → file → the same value.

For each regime of each rule, the value in force on the regime's first day
is written in its exported wire form into a reform file (JSON, and TOML,
which has no null), loaded back with ``load_overrides``, and must come back
equal, of the same type. Tuple-keyed tables (the KSP start-up capital) are
the case that once failed; their junk keys are problems at masked paths.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from _hypothesis_optional import given, st
from koperasi_id import law
from koperasi_id._overrides import parse_overrides
from koperasi_id._register_export import regime_record, wire_value
from koperasi_id.cooperatives import CooperativeForm, MembershipArea
from koperasi_id.errors import ValidationError
from koperasi_id.kur import Scheme
from koperasi_id.serialization import from_dict, to_dict

CAPITAL = "cooperatives.ksp_startup_capital"
NIK_LIKE = "3201234567890123"


def _cases() -> list[Any]:
    return [
        pytest.param(entry.info.id, i, id=f"{entry.info.id}[{regime.name}]")
        for entry in law.registered_rules()
        for i, regime in enumerate(entry.regimes)
    ]


def _toml(value: object) -> str:
    # A TOML value on one line: inline tables, arrays, basic strings (JSON's
    # escapes are TOML's), and ``{}`` for null, which TOML cannot write.
    if value is None:
        return "{}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    raise AssertionError(type(value))


def _reform(rule_id: str, index: int) -> dict[str, Any]:
    entry = law.history(rule_id)
    shipped = entry.regimes[index]
    record = regime_record(shipped)
    # The value in force on the regime's first day, as the export writes it.
    record["value"] = wire_value(entry.timeline.value_at(shipped.valid_from))
    citation = {k: v for k, v in record["citation"].items() if v is not None}
    reform = {
        "rule": rule_id,
        "action": "replace",
        "unit": entry.info.unit.value,
        **{k: v for k, v in record.items() if v is not None},
        "citation": citation,
    }
    return {"regimes": [reform]}


def _write(tmp_path: Path, document: dict[str, Any], suffix: str) -> Path:
    path = tmp_path / f"reform{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(document), "utf-8")
    else:
        lines = ["[[regimes]]"]
        lines += [f"{json.dumps(k)} = {_toml(v)}" for k, v in document["regimes"][0].items()]
        path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.mark.parametrize("suffix", [".json", ".toml"])
@pytest.mark.parametrize(("rule_id", "index"), _cases())
def test_every_rule_round_trips_through_a_reform_file(
    tmp_path: Path, rule_id: str, index: int, suffix: str
) -> None:
    entry = law.history(rule_id)
    shipped = entry.regimes[index]
    reform = law.load_overrides(_write(tmp_path, _reform(rule_id, index), suffix))
    assert reform.rule_ids == (rule_id,)
    loaded = reform.timeline(rule_id).find(shipped.valid_from)
    assert loaded is not None
    assert loaded.value == shipped.value
    assert type(loaded.value) is type(shipped.value) or isinstance(loaded.value, dict)
    # The whole regime survives, not just its value, and exports the same again.
    assert (loaded.name, loaded.valid_from, loaded.valid_to) == (
        shipped.name,
        shipped.valid_from,
        shipped.valid_to,
    )
    assert (loaded.citation, loaded.confidence, loaded.note) == (
        shipped.citation,
        shipped.confidence,
        shipped.note,
    )
    assert regime_record(loaded) == regime_record(shipped)


def test_the_cases_cover_every_rule_and_the_tuple_keyed_one() -> None:
    ids = {case.values[0] for case in _cases()}
    assert ids == {entry.info.id for entry in law.registered_rules()}
    assert CAPITAL in ids
    assert len(_cases()) == sum(len(entry.regimes) for entry in law.registered_rules())


def test_a_toml_reform_reads_null_from_an_empty_table(tmp_path: Path) -> None:
    # kur.subsidy's tiers are (upper bound or null, rate): the null needs {} in TOML.
    document = _reform("kur.subsidy", 0)
    assert document["regimes"][0]["value"]["mikro"] == [[None, "19"]]
    path = _write(tmp_path, document, ".toml")
    assert '"mikro" = [[{}, "19"]]' in path.read_text("utf-8")
    loaded = law.load_overrides(path).timeline("kur.subsidy").value_at(date(2015, 8, 1))
    assert loaded[Scheme.MICRO] == ((None, Decimal(19)),)
    assert loaded == law.history("kur.subsidy").regimes[0].value
    # In JSON an empty table is a table: the tier's bound is a decimal or null, not {}.
    with pytest.raises(ValidationError) as caught:
        parse_overrides({"regimes": [{**document["regimes"][0], "value": {"mikro": [[{}, "19"]]}}]})
    assert [p.code for p in caught.value.problems] == ["type.decimal"]


# ---------------------------------------------------------------- tuple keys


def _capital_wire(**minimums: str) -> dict[str, Any]:
    value: dict[str, Any] = wire_value(law.history(CAPITAL).regimes[0].value)
    value["minimums"] = minimums
    return value


def _capital_problems(value: object) -> list[tuple[str, str]]:
    document = _reform(CAPITAL, 0)
    document["regimes"][0]["value"] = value
    with pytest.raises(ValidationError) as caught:
        parse_overrides(document)
    return sorted((p.path, p.code) for p in caught.value.problems)


def test_the_capital_table_exports_with_text_keys_and_reads_back() -> None:
    shipped = law.history(CAPITAL).regimes[0].value
    wire = to_dict(shipped)
    assert wire["minimums"]["sekunder/lintas_provinsi"] == "3000000000"
    assert wire == wire_value(shipped)
    back = from_dict(law.history(CAPITAL).value_type, wire)
    assert back == shipped
    assert back.minimums[CooperativeForm.PRIMARY, MembershipArea.WITHIN_REGENCY] == Decimal(
        500_000_000
    )


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("primer", "key.parts"),  # one part of two
        ("primer/lintas_provinsi/x", "key.parts"),  # three parts
        ("", "key.parts"),  # empty
        ("primer/", "key.parts"),  # an empty part
        ("/lintas_provinsi", "key.parts"),
        ("koperasi/lintas_provinsi", "enum"),  # not a CooperativeForm
        ("primer/nasional", "enum"),  # not a MembershipArea
        ("lintas_provinsi/primer", "enum"),  # parts swapped
    ],
)
def test_bad_tuple_keys_are_problems_at_the_key(key: str, code: str) -> None:
    found = _capital_problems(_capital_wire(**{key: "1"}))
    assert found == [(f"$.regimes[0].value.minimums.{key}", code)]


def test_a_key_that_is_not_text_is_a_problem() -> None:
    value = _capital_wire()
    value["minimums"] = {7: "1"}
    assert _capital_problems(value) == [("$.regimes[0].value.minimums.7", "type.str")]


def test_a_bad_value_under_a_good_key_is_a_problem_at_that_key() -> None:
    found = _capital_problems(_capital_wire(**{"primer/lintas_provinsi": "2 miliar"}))
    assert found == [("$.regimes[0].value.minimums.primer/lintas_provinsi", "type.decimal")]


def test_a_table_that_is_not_an_object_is_a_problem() -> None:
    assert _capital_problems({**_capital_wire(), "minimums": ["primer/lintas_provinsi"]}) == [
        ("$.regimes[0].value.minimums", "type.object")
    ]


def test_tuple_keys_that_came_from_the_input_are_masked() -> None:
    document = _reform(CAPITAL, 0)
    document["regimes"][0]["value"] = _capital_wire(
        **{NIK_LIKE: "1", f"primer/{NIK_LIKE}": "1", f"{NIK_LIKE}/a/b": "1"}
    )
    with pytest.raises(ValidationError) as caught:
        parse_overrides(document)
    assert len(caught.value.problems) == 3
    assert NIK_LIKE not in str(caught.value)
    assert all(NIK_LIKE not in p.path + p.message for p in caught.value.problems)


def test_a_tuple_key_part_that_would_not_split_back_has_no_wire_form() -> None:
    from koperasi_id.serialization import default_converter  # noqa: PLC0415

    kind = dict[tuple[str, str], int]
    with pytest.raises(TypeError, match="no wire form"):
        default_converter().unstructure({("a/b", "c"): 1}, kind)
    with pytest.raises(TypeError, match="no wire form"):
        default_converter().unstructure({("", "c"): 1}, kind)
    assert default_converter().unstructure({("a", "c"): 1}, kind) == {"a/c": 1}


@given(
    st.dictionaries(
        st.tuples(st.sampled_from(CooperativeForm), st.sampled_from(MembershipArea)),
        st.decimals(min_value=0, max_value=10**12, places=2),
    )
)
def test_tuple_keyed_tables_round_trip(
    table: dict[tuple[CooperativeForm, MembershipArea], Decimal],
) -> None:
    from koperasi_id.serialization import default_converter  # noqa: PLC0415

    kind = dict[tuple[CooperativeForm, MembershipArea], Decimal]
    wire = default_converter().unstructure(table, kind)
    assert all(type(k) is str and k.count("/") == 1 for k in wire)
    assert json.loads(json.dumps(wire)) == wire
    assert default_converter().structure(wire, kind) == table


def test_two_spellings_of_one_tuple_key_are_a_problem() -> None:
    from koperasi_id.regions import RegionCode  # noqa: PLC0415

    kind = dict[tuple[RegionCode, str], int]
    with pytest.raises(ValidationError) as caught:
        from_dict(kind, {"18.71/a": 1, "1871/a": 2})
    assert [(p.path, p.code) for p in caught.value.problems] == [("$.1871/a", "key.duplicate")]
    assert from_dict(kind, {"18.71/a": 1}) == {(RegionCode.parse("1871"), "a"): 1}
