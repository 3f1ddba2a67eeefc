"""Cross-cutting property: junk never crashes the converter with anything but ValidationError.

Each example starts from a valid wire dict of an entity (drawn by the
registered strategies) and damages it: a value anywhere in the tree replaced
by junk JSON, a key dropped, an unknown key added. Whatever comes out,
``from_dict`` either builds the entity or raises
:class:`~koperasi_id.errors.ValidationError` whose every problem carries a
JSON path. Fully random JSON values and text are fed too. Example counts:
100 damaged dicts per entity (30 for cooperatives), 100 random values, 100
random texts.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pytest

pytest.importorskip("hypothesis")  # every test here is a property test or needs the strategies

from hypothesis import given, settings
from hypothesis import strategies as st

from koperasi_id.cooperatives import Cooperative
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.serialization import from_dict, from_json, to_dict
from koperasi_id.strategies import TYPE_STRATEGIES

#: Every registered type (value types too: their wire form is a string).
ENTITIES = sorted(TYPE_STRATEGIES, key=lambda t: t.__name__)
#: Per-entity examples: damaging one valid dict exercises many paths at once.
EXAMPLES = 100
SLOW = {Cooperative: 30}

JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["", " ", "0", "-1", "1e309", "NaN", "2021-02-29", "1871010101900001"])
)
JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _paths(value, (*prefix, index))
    return out


def _replace(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(node, dict):
        return {**node, head: _replace(node[head], rest, value)}
    copy = list(node)
    copy[head] = _replace(copy[head], rest, value)
    return copy


def _drop(node: Any, path: tuple[Any, ...]) -> Any:
    if len(path) == 1:
        if isinstance(node, dict):
            return {k: v for k, v in node.items() if k != path[0]}
        return [v for i, v in enumerate(node) if i != path[0]]
    head = path[0]
    if isinstance(node, dict):
        return {**node, head: _drop(node[head], path[1:])}
    copy = list(node)
    copy[head] = _drop(copy[head], path[1:])
    return copy


@st.composite
def damaged(draw: st.DrawFn, cls: type[Any]) -> Any:
    wire = to_dict(draw(st.from_type(cls)))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(wire)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        if action == "replace":
            wire = _replace(wire, path, draw(JSON))
        elif action == "drop" and path:
            wire = _drop(wire, path)
        elif action == "add":
            target = wire
            for step in path:
                target = target[step]
            if isinstance(target, dict):
                extra = {**target, draw(st.text(min_size=1, max_size=8)): draw(JSON)}
                wire = _replace(wire, path, extra)
    return wire


def _structure_or_validation_error(cls: type[Any], data: Any) -> None:
    problems: tuple[Problem, ...] = ()
    try:
        built = from_dict(cls, data)
    except ValidationError as error:
        problems = tuple(error.problems)
        assert problems
    else:
        assert isinstance(built, cls)
    assert all(p.path.startswith("$") and p.code for p in problems)


@pytest.mark.parametrize("cls", ENTITIES, ids=lambda t: t.__name__)
def test_damaged_wire_dicts_give_validation_errors_only(cls: type[Any]) -> None:
    @settings(max_examples=SLOW.get(cls, EXAMPLES))
    @given(damaged(cls))
    def check(data: Any) -> None:
        _structure_or_validation_error(cls, data)

    check()


@settings(max_examples=100)
@given(st.sampled_from(ENTITIES), JSON)
def test_random_json_gives_validation_errors_only(cls: type[Any], data: Any) -> None:
    _structure_or_validation_error(cls, data)


@settings(max_examples=100)
@given(st.sampled_from(ENTITIES), st.text(max_size=60))
def test_random_json_text_gives_validation_errors_only(cls: type[Any], text: str) -> None:
    with contextlib.suppress(ValidationError):
        from_json(cls, text)
