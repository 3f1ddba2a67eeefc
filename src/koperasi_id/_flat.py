"""Flat CSV cells into the wire dict of an entity: the column plan of :mod:`koperasi_id.rows`.

A file has one header, so what each column does (a field of its own, part of
a nested object or of a list item, or no field at all) is worked out once per
header (:func:`_plan`) instead of once per row; each row then only reads its
cells. The result, its problems and their order are those of reading the
columns one by one, as :func:`koperasi_id.rows.unflatten` describes.
"""

from __future__ import annotations

import enum
import functools
import re
import types
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Union, cast, get_args, get_origin

import attrs

from koperasi_id._limits import SHOWN_NAME_CHARS
from koperasi_id._numbers import MAX_NUMBER_TEXT, whole_from_text
from koperasi_id._structure_problems import EXTRA_CELLS, not_a_row
from koperasi_id._values import ValueType, mask
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.money import parse_amount_text
from koperasi_id.serialization import decimal_text

#: Separator of simple list items inside one cell.
LIST_SEPARATOR = "|"

_INT = re.compile(r"-?+[0-9]++")
_PLAIN = re.compile(r"-?+[0-9]++(?:\.[0-9]++)?+")
#: The words of a true and of a false boolean cell, lower case (the cell is lowered first).
TRUE_WORDS = frozenset({"true", "ya", "y", "yes", "1"})
# Not "t": it is "tidak" on Indonesian forms (Y/T) but "true" in database
# exports (t/f); a guess would silently invert one of them, so it is an error.
FALSE_WORDS = frozenset({"false", "tidak", "no", "n", "0"})
# A list index has at most six digits: int() of a 5,000-digit index raised a
# bare ValueError; a longer one is an unknown column like any other.
_COLUMN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[([0-9]{1,6})\])?(?:\.(.+))?")


class _Kind(enum.Enum):
    TEXT = "text"
    INT = "int"
    BOOL = "bool"
    MONEY = "money"
    OBJECT = "object"
    OBJECT_LIST = "object_list"
    SIMPLE_LIST = "simple_list"


@attrs.frozen
class _FieldShape:
    kind: _Kind
    target: Any = None  # the attrs class for OBJECT / OBJECT_LIST, item shape for SIMPLE_LIST


def _strip_optional(t: Any) -> Any:
    origin = get_origin(t)
    if origin is Union or origin is types.UnionType:
        args = [a for a in get_args(t) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return t


def _shape_of(t: Any) -> _FieldShape:
    t = _strip_optional(t)
    if t is bool:
        return _FieldShape(_Kind.BOOL)
    if t is int:
        return _FieldShape(_Kind.INT)
    if t is Decimal:
        return _FieldShape(_Kind.MONEY)
    if isinstance(t, type) and attrs.has(t) and not issubclass(t, ValueType):
        return _FieldShape(_Kind.OBJECT, t)
    if get_origin(t) is tuple:
        args = get_args(t)
        item = _strip_optional(args[0]) if args else str
        if isinstance(item, type) and attrs.has(item) and not issubclass(item, ValueType):
            return _FieldShape(_Kind.OBJECT_LIST, item)
        return _FieldShape(_Kind.SIMPLE_LIST, _shape_of(item))
    return _FieldShape(_Kind.TEXT)  # str, date, enums, value types: text on the wire


@functools.cache
def _fields(cls: type) -> dict[str, _FieldShape]:
    attrs.resolve_types(cls)
    return {f.name: _shape_of(f.type) for f in attrs.fields(cls)}


@functools.cache
def _null_when_empty(cls: type) -> frozenset[str]:
    # A field that must be given but may be null (RatRecord.held_on): its
    # empty cell is the null that flatten() wrote, not a missing value.
    attrs.resolve_types(cls)
    return frozenset(
        f.name
        for f in attrs.fields(cls)
        if f.default is attrs.NOTHING and _strip_optional(f.type) is not f.type
    )


# A decimal cell whose amount text fails only on the money-specific rules may
# be a rate ("6.125" percent): the converter reads it as a plain decimal and
# a money field's validator still refuses it, with the hint to drop the dot.
_NOT_MONEY_ONLY = frozenset({"money.ambiguous", "money.too_many_decimals"})


def _cell(shape: _FieldShape, text: str) -> Any:
    """The wire value of one cell; ValidationError when the cell itself is unreadable."""
    if shape.kind is _Kind.INT:
        # Bounded before int(): a 5,000-digit cell must be a problem, not a
        # bare ValueError from Python's integer-string limit.
        return whole_from_text(text) if _INT.fullmatch(text[:MAX_NUMBER_TEXT]) else text
    if shape.kind is _Kind.BOOL:
        low = text.lower()
        return True if low in TRUE_WORDS else False if low in FALSE_WORDS else text
    if shape.kind is _Kind.MONEY:
        # Cells hold what people type: one rule, parse_amount_text, as on the CLI.
        try:
            return decimal_text(parse_amount_text(text))
        except ValidationError as err:
            if {p.code for p in err.problems} <= _NOT_MONEY_ONLY and _PLAIN.fullmatch(text):
                return text
            raise
    if shape.kind is _Kind.SIMPLE_LIST:
        return [_cell(shape.target, item.strip()) for item in text.split(LIST_SEPARATOR)]
    return text


@functools.lru_cache(maxsize=4096)  # a file has one header: the same columns on every row
def _column_parts(column: str) -> tuple[str | None, str | None, str | None] | None:
    """``name``, ``index`` and the rest of a column such as ``rat_records[2].held_on``."""
    m = _COLUMN.fullmatch(column.strip())
    return None if m is None else (m.group(1), m.group(2), m.group(3))


# What a column does with its cell, worked out once per header (_plan):
_REPORT = 0  # not a field of the class: its problem, when the cell is not empty
_VALUE = 1  # a field of its own: (name, shape or None when the text is the value, null_ok, path)
_GROUP = 2  # part of a nested object or a list item: read after the row's own fields


@attrs.frozen
class _Group:
    """The columns of one nested object, or of one item of a list of objects."""

    name: str
    positions: tuple[int, ...]  # where its cells are in the parent's row
    plan: _Plan
    column: str = ""  # a list item's column prefix, as the file numbers it


@attrs.frozen
class _Plan:
    """How the cells of one header become the wire dict of one class."""

    steps: tuple[tuple[Any, ...], ...]  # one per column, in column order
    nested: tuple[_Group, ...]  # in order of their first column
    indexed: tuple[tuple[str, tuple[_Group, ...]], ...]  # items in index order


@functools.lru_cache(maxsize=64)  # a file has one header: every row has the same columns
def _plan(cls: type, columns: tuple[object, ...]) -> _Plan | None:
    # None for a column that is not text: _row_items reports it, row by row.
    if not all(isinstance(c, str) for c in columns):
        return None
    return _build_plan(cls, cast("tuple[str, ...]", columns), "")


def _build_plan(cls: type, columns: tuple[str, ...], prefix: str) -> _Plan:
    shapes = _fields(cls)
    null_ok = _null_when_empty(cls)
    steps: list[tuple[Any, ...]] = []
    nested: dict[str, list[tuple[str, int]]] = {}
    indexed: dict[str, dict[int, list[tuple[str, int]]]] = {}
    for position, column in enumerate(columns):
        parts = _column_parts(column) if column else None
        name = parts[0] if parts else None
        shape = shapes.get(name) if name else None
        if parts is None or name is None or shape is None:
            steps.append((_REPORT, _not_a_field(cls, prefix, column)))
            continue
        index, rest = parts[1], parts[2]
        if shape.kind is _Kind.OBJECT and rest is not None and index is None:
            nested.setdefault(name, []).append((rest, position))
            steps.append((_GROUP,))
        elif shape.kind is _Kind.OBJECT_LIST and rest is not None and index is not None:
            indexed.setdefault(name, {}).setdefault(int(index), []).append((rest, position))
            steps.append((_GROUP,))
        elif index is None and rest is None:
            # _cell gives the text itself for every other kind: no call needed.
            reads = shape if shape.kind in _READ else None
            steps.append((_VALUE, name, reads, name in null_ok, f"$.{prefix}{name}"))
        else:
            shown = mask(prefix + column, limit=SHOWN_NAME_CHARS)
            steps.append(
                (
                    _REPORT,
                    Problem(
                        path=f"$.{shown}",
                        code="unknown_column",
                        message=f"column {mask(shown, limit=60)} does not fit field {name!r} "
                        f"of {cls.__name__}",
                        message_id=f"kolom {mask(shown, limit=60)} tidak cocok dengan kolom "
                        f"{name!r} pada {cls.__name__}",
                    ),
                )
            )
    return _Plan(
        steps=tuple(steps),
        nested=tuple(
            _Group(
                name=name,
                positions=tuple(p for _, p in sub),
                plan=_build_plan(shapes[name].target, tuple(c for c, _ in sub), f"{prefix}{name}."),
            )
            for name, sub in nested.items()
        ),
        indexed=tuple(
            (
                name,
                tuple(
                    _Group(
                        name=name,
                        positions=tuple(p for _, p in by_index[i]),
                        plan=_build_plan(
                            shapes[name].target,
                            tuple(c for c, _ in by_index[i]),
                            f"{prefix}{name}[{i}].",
                        ),
                        column=f"{prefix}{name}[{i}]",
                    )
                    for i in sorted(by_index)
                ),
            )
            for name, by_index in indexed.items()
        ),
    )


def _not_a_field(cls: type, prefix: str, column: str) -> Problem:
    shown = mask(prefix + column, limit=SHOWN_NAME_CHARS)  # input too: it may be a NIK
    names = ", ".join(_fields(cls))
    return Problem(
        path=f"$.{shown}",
        code="unknown_column",
        message=f"column {mask(shown, limit=60)} is not a field of {cls.__name__}; known: {names}",
        message_id=f"kolom {mask(shown, limit=60)} bukan kolom {cls.__name__}; "
        f"yang dikenal: {names}",
    )


_READ = frozenset({_Kind.INT, _Kind.BOOL, _Kind.MONEY, _Kind.SIMPLE_LIST})
_EMPTY = (None, "")


def unflatten_row(
    cls: type,
    row: Mapping[str, str | None],
    problems: list[Problem],
    positions: dict[str, str] | None,
) -> dict[str, Any]:
    """The wire dict of ``cls`` from a flat row; cell and column problems go to ``problems``.

    ``positions`` (when given) maps each renumbered list item's path to the
    column prefix it came from. The column plan is worked out once per header.
    A row that is not a mapping is a ValidationError; see :func:`_row_items`
    for keys and cells that are not text.
    """
    if isinstance(row, Mapping):
        values = list(row.values())
        plan = _plan(cls, tuple(row))
        # The usual row: text columns, text or empty cells (one C-level pass).
        if plan is not None and all(map(_TEXT_OR_NONE.__contains__, map(type, values))):
            return _run(plan, values, problems, "", positions)
    items = _row_items(row, problems)
    whole = _plan(cls, tuple(column for column, _ in items))
    assert whole is not None  # _row_items keeps text columns only
    return _run(whole, [cell for _, cell in items], problems, "", positions)


_TEXT_OR_NONE = frozenset({str, type(None)})


def _row_items(row: object, problems: list[Problem]) -> list[tuple[str, str | None]]:
    """The ``(column, cell)`` pairs of ``row`` that have the shape of a CSV row.

    Anything else is a problem, not a crash: ``csv.DictReader`` files the
    cells past the header under the key ``None`` (``row.extra_cells``), and a
    hand-built row may carry a number or a list where a cell's text belongs.
    """
    if not isinstance(row, Mapping):
        raise not_a_row(row)
    items: list[tuple[str, str | None]] = []
    for column, raw in row.items():
        if column is None:
            problems.append(EXTRA_CELLS)
        elif not isinstance(column, str):
            problems.append(
                Problem(
                    path="$",
                    code="row.column_type",
                    message=f"a column name is text, got {type(column).__name__}",
                    message_id=f"nama kolom harus berupa teks, bukan {type(column).__name__}",
                )
            )
        elif raw is not None and not isinstance(raw, str):
            problems.append(
                Problem(
                    path=f"$.{mask(column, limit=SHOWN_NAME_CHARS)}",  # input: it may be a NIK
                    code="type.str",
                    message=f"a cell is text, got {type(raw).__name__}",
                    message_id=f"isi sel harus berupa teks, bukan {type(raw).__name__}",
                )
            )
        else:
            items.append((column, raw))
    return items


def _run(
    plan: _Plan,
    values: list[Any],
    problems: list[Problem],
    compact_prefix: str,
    positions: dict[str, str] | None,
) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for step, raw in zip(plan.steps, values, strict=True):
        kind = step[0]
        if kind == _VALUE:
            text = (raw or "").strip()
            if text:
                reads = step[2]
                if reads is None:
                    data[step[1]] = text
                else:
                    try:
                        data[step[1]] = _cell(reads, text)
                    except ValidationError as err:
                        problems.extend(err.under(step[4]).problems)
            elif raw is not None and step[3]:
                data[step[1]] = None
        elif kind == _REPORT and raw not in _EMPTY:
            problems.append(step[1])
    for group in plan.nested:
        sub = [values[p] for p in group.positions]
        if any(v not in _EMPTY for v in sub):
            data[group.name] = _run(
                group.plan, sub, problems, f"{compact_prefix}{group.name}.", positions
            )
    for name, items in plan.indexed:
        kept: list[dict[str, Any]] = []
        for item in items:
            sub = [values[p] for p in item.positions]
            if not any(v not in _EMPTY for v in sub):
                continue
            compact = f"{compact_prefix}{name}[{len(kept)}]"
            if positions is not None and item.column != compact:
                positions[f"$.{compact}"] = f"$.{item.column}"
            kept.append(_run(item.plan, sub, problems, f"{compact}.", positions))
        data[name] = kept
    return data
