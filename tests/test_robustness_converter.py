"""Robustness of the converter (``from_dict``/``from_json``) and batch validation (issue 13).

Every exported entity (an attrs class that travels as an object; found by
walking ``__all__``) is fed hostile top-level values, a NIK written every way
as an unknown key, and every hostile value in each of its fields, as Python
data and as JSON text (exponent bombs, huge integers, ``-0``, deep nesting).
``from_dict``/``from_json`` may raise nothing but ``ValidationError``; every
problem has a path; no NIK shows; whatever is accepted round-trips through
JSON. ``validate_records`` gives one result per record.

The last tests are tests of these tests (issue 20): a converter hook that
crashes with a ``RuntimeError`` must be *noticed* by the same check, not
laundered into "invalid input".
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs
import pytest

from _robustness import (
    NIKS,
    TEXT_BOMBS,
    assert_masked,
    deep_list,
    entity_types,
    nik_texts,
    outcome,
    python_bombs,
)
from koperasi_id import serialization
from koperasi_id.batch import validate_records
from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import Nik
from koperasi_id.msme import Business
from koperasi_id.serialization import ValueType, from_dict, from_json, to_json

ENTITIES = entity_types()
#: The entities a file row fills: they get every way of writing a NIK as a key.
WIDE = frozenset({"Cooperative", "Business", "Proposal", "KurApplication"})
#: JSON number text that bombs by exponent, size or sign.
JSON_NUMBER_BOMBS = (
    "1e999999999",
    "-1e999999999",
    "1e-999999999",
    "1E+2",
    "-0",
    "-0.0",
    "9" * 5000,
    "0." + "0" * 5000 + "1",
)

#: Nesting far past Python's recursion limit.
DEEP_ARRAY = "[" * 50_000 + "]" * 50_000
DEEP_OBJECT = '{"a":' * 50_000 + "1" + "}" * 50_000


def check_from_dict(cls: type, data: object) -> object:
    """The suite's check of one ``from_dict`` call: the entity, or its ValidationError."""
    result = outcome(from_dict, "from_dict", cls=cls, data=data)
    if isinstance(result, BaseException):
        assert isinstance(result, ValidationError), f"from_dict raised {type(result).__name__}"
        assert all(p.path.startswith("$") for p in result.problems)
        return result
    _check_accepted(cls, result)
    return result


def _check_accepted(cls: type, result: object) -> None:
    # Accepted input must survive its own round trip; first, no accepted number may
    # be so large or so fine that writing it out takes gigabytes (1e999999999).
    huge = list(_huge_numbers(result))
    assert not huge, f"from_dict accepted numbers without bounds: {huge[:3]}"
    text = outcome(to_json, "to_json", obj=result)
    assert isinstance(text, str), f"to_json failed on what from_dict accepted: {text!r:.200}"
    assert from_json(cls, text) == result


#: Digits before or after the point that no amount, rate or count needs (a
#: sanity bound far looser than the library's number policy).
SANE_DIGITS = 10_000


def _huge_numbers(obj: object) -> Iterator[str]:
    if isinstance(obj, Decimal):
        if obj.is_finite() and obj and abs(obj.adjusted()) > SANE_DIGITS:
            yield f"Decimal with exponent {obj.adjusted()}"
    elif isinstance(obj, int) and obj.bit_length() > SANE_DIGITS * 3.33:
        yield f"int of {obj.bit_length()} bits"
    elif attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            yield from _huge_numbers(getattr(obj, field.name))
    elif isinstance(obj, list | tuple | set | frozenset):
        for item in obj:
            yield from _huge_numbers(item)


def check_from_json(cls: type, text: str) -> object:
    """Like :func:`check_from_dict` for JSON text."""
    result = outcome(from_json, "from_json", cls=cls, text=text)
    if isinstance(result, BaseException):
        assert isinstance(result, ValidationError), f"from_json raised {type(result).__name__}"
        assert all(p.path.startswith("$") for p in result.problems)
    else:
        _check_accepted(cls, result)
    return result


def check_is_valid(cls: type[ValueType], value: object) -> bool:
    """``is_valid`` answers a bool and never raises (a crash inside is not 'invalid')."""
    answer = cls.is_valid(value)
    assert type(answer) is bool
    return answer


def test_the_walk_finds_the_entities() -> None:
    names = {cls.__name__ for cls in ENTITIES}
    assert {"Cooperative", "Business", "KurApplication", "Proposal", "RatRecord"} <= names


@pytest.mark.parametrize("cls", ENTITIES, ids=lambda c: c.__name__)
def test_hostile_top_level_values_and_nik_keys(cls: type) -> None:
    for value in (*python_bombs(), *TEXT_BOMBS):
        check_from_dict(cls, value)
    # Every way of writing a NIK on the entities with the most fields; the core set on all.
    for key in nik_texts(every=cls.__name__ in WIDE):
        err = check_from_dict(cls, {key: 1})
        assert isinstance(err, ValidationError)
        assert "unknown_field" in err.codes


@pytest.mark.parametrize("cls", ENTITIES, ids=lambda c: c.__name__)
def test_hostile_values_in_every_field(cls: type) -> None:
    junk: tuple[object, ...] = (*python_bombs(), *TEXT_BOMBS, *nik_texts(every=False))
    for field in attrs.fields(cls):
        for value in junk:
            check_from_dict(cls, {field.name: value})
        for value in python_bombs():
            check_from_dict(cls, {field.name: [value]})
        check_from_dict(cls, {field.name: {NIKS[0]: NIKS[1]}})  # a NIK as a nested key


@pytest.mark.parametrize("cls", ENTITIES, ids=lambda c: c.__name__)
def test_json_number_bombs_in_every_field(cls: type) -> None:
    for field in attrs.fields(cls):
        name = json.dumps(field.name)
        for number in JSON_NUMBER_BOMBS:
            check_from_json(cls, f"{{{name}: {number}}}")
            check_from_json(cls, f"{{{name}: [{number}]}}")


@pytest.mark.parametrize("text", [DEEP_ARRAY, DEEP_OBJECT], ids=["array", "object"])
def test_json_nesting_bombs(text: str) -> None:
    # The JSON reader fails (or not) before any entity is involved: two suffice.
    for cls in (Business, ENTITIES[0]):
        check_from_json(cls, text)
        check_from_json(cls, f'{{"name": {text}}}')


@pytest.mark.parametrize("cls", [Business, *ENTITIES[:1]], ids=lambda c: c.__name__)
def test_a_deep_python_structure_is_refused_not_recursed_into(cls: type) -> None:
    for field in attrs.fields(cls):
        check_from_dict(cls, {field.name: deep_list(50_000)})


@pytest.mark.parametrize("cls", ENTITIES, ids=lambda c: c.__name__)
def test_batch_validation_gives_one_result_per_record(cls: type) -> None:
    records: list[Any] = [*python_bombs(), *TEXT_BOMBS, *({k: 1} for k in nik_texts(every=False))]
    results = outcome(validate_records, "validate_records", cls=cls, records=records)
    assert isinstance(results, list), f"validate_records failed: {results!r:.300}"
    assert [r["index"] for r in results] == list(range(len(records)))
    for result in results:
        for problem in result.get("problems", ()):
            assert_masked(problem["path"], "batch problem path")
            assert_masked(problem["message"], "batch problem message")


# --- tests of the tests (issue 20) ----------------------------------------------


def _crash(value: object, _: type) -> object:
    raise RuntimeError("a bug in a structure hook")


def test_the_check_notices_a_crashing_converter_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    # A converter whose str hook has a bug, used by from_dict in place of the default.
    broken = serialization.make_converter()
    broken.register_structure_hook(str, _crash)
    monkeypatch.setitem(serialization._defaults, False, broken)
    with pytest.raises(AssertionError, match="RuntimeError"):
        check_from_dict(Business, {"name": "Warung", "owner_nik": NIKS[0]})


def test_the_check_notices_a_crashing_value_type_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_parse(cls: type, raw: object, **_: object) -> Nik:
        raise RuntimeError("a bug in Nik.parse")

    monkeypatch.setattr(Nik, "parse", classmethod(broken_parse))
    with pytest.raises(RuntimeError, match=r"a bug in Nik\.parse"):
        check_is_valid(Nik, NIKS[0])
