"""Robustness of every public parser against the hostile corpus (issue 13).

A *parser* here is any public callable that takes one required argument: the
``parse`` of every exported value type, ``parse_rupiah``, ``province``,
``lookup``, ``mask_nik``, ``YearEnd.parse``, ... found by walking ``__all__``
(see ``_robustness.py``), so a new one is covered when it is exported. Each
gets every text bomb, every way of writing a NIK/KK (every separator and
digit family) and every hostile Python value. Only the library's errors may
escape, and no message may show the NIK. ``is_valid`` never raises at all.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

from _robustness import (
    TEXT_BOMBS,
    nik_texts,
    outcome,
    public_callables,
    public_objects,
    python_bombs,
)
from koperasi_id.serialization import ValueType

#: Plumbing, not parsers of data: they take functions, exceptions, objects or classes.
NOT_PARSERS = frozenset(
    {
        "koperasi_id.serialization.register_hooks",
        "koperasi_id.serialization.problems_from_exception",
        "koperasi_id.serialization.to_dict",
        "koperasi_id.serialization.to_json",
        "koperasi_id.rows.columns",
        "koperasi_id.bpum.allowed_events",  # an enum member, checked in the rules suite
        # Opens a file: the OS answers a bad path (FileNotFoundError, ...) as for open().
        "koperasi_id.regions.RegionTable.from_csv",
        "koperasi_id.regions.shipped_rows",  # reads a file shipped in the package, by name
        # The abstract base: its parse is NotImplemented; every subclass is a parser here.
        "koperasi_id.serialization.ValueType.parse",
        "koperasi_id.serialization.ValueType.is_valid",
    }
)


def _required(fn: Callable[..., Any]) -> list[str]:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return []
    return [
        p.name
        for p in params
        if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]


def _parsers() -> list[tuple[str, Callable[..., Any], str]]:
    out = []
    for name, fn in public_callables():
        required = _required(fn)
        if len(required) == 1 and name not in NOT_PARSERS:
            out.append((name, fn, required[0]))
    return out


PARSERS = _parsers()
CORPUS: tuple[object, ...] = (*TEXT_BOMBS, *nik_texts(), *python_bombs())


def test_the_walk_finds_the_parsers() -> None:
    names = {name for name, _, _ in PARSERS}
    expected = {
        "koperasi_id.identifiers.Nik.parse",
        "koperasi_id.identifiers.NomorKk.parse",
        "koperasi_id.money.parse_rupiah",
        "koperasi_id.cooperatives.YearEnd.parse",
        "koperasi_id.regions.RegionCode.parse",
        "koperasi_id.bpum.PhoneNumber.parse",
    }
    assert expected <= names


@pytest.mark.parametrize(("name", "fn", "param"), PARSERS, ids=[p[0] for p in PARSERS])
def test_parser_lets_only_library_errors_escape_and_masks_niks(
    name: str, fn: Callable[..., Any], param: str
) -> None:
    for value in CORPUS:
        outcome(fn, name, **{param: value})


VALUE_TYPES = sorted(
    {
        obj
        for _, obj in public_objects()
        # (not the abstract base: its parse is NotImplemented, and a bug must escape)
        if isinstance(obj, type) and issubclass(obj, ValueType) and obj is not ValueType
    },
    key=lambda t: t.__name__,
)


@pytest.mark.parametrize("cls", VALUE_TYPES, ids=lambda t: t.__name__)
def test_is_valid_never_raises_and_answers_a_bool(cls: type[ValueType]) -> None:
    for value in CORPUS:
        assert type(cls.is_valid(value)) is bool
