"""Flat rows (CSV cells) ⇄ the nested wire format of any entity.

A CSV row cannot hold nested objects, so columns are named by the *path* of the
field they fill — the same path a validation error reports, without the
leading ``$.``:

- a field: ``name``, ``deed_approved_on``;
- a nested object's field: ``business.annual_sales``;
- an item of a list of objects: ``rat_records[0].fiscal_year``;
- a list of simple values (strings, numbers, codes) in one cell, separated by
  ``|``: ``legal_entity_numbers`` = ``"AHU-1.AH.01.26.TAHUN 2019|518/BH/1998"``.

Cells are text; :func:`unflatten` turns each into what the field's type takes
on the wire, and leaves anything it cannot read as text so that the converter
reports it at its path: ``"12"`` becomes ``12`` for an ``int`` field, ``"ya"``
/ ``"tidak"`` / ``"true"`` / ``"false"`` become booleans, an empty cell means
"not given" (the field's default applies, or a ``missing`` problem).
Money cells take what people type, read by
:func:`koperasi_id.money.parse_amount_text` (``50.000.000``,
``Rp50.000.000,00``, ``50000000``); whole-number cells are bounded by the
number policy before conversion. A cell that cannot be read is reported at
its column, and the field is left out.

>>> from koperasi_id.cooperatives import Cooperative
>>> row = {"name": "KSP Maju", "legal_entity_numbers": "518/BH/XII/1998|AHU-0000012.AH.01.26.TAHUN 2020",
...        "member_count": "25", "founded_on": "",
...        "rat_records[0].fiscal_year": "2020", "rat_records[0].reported": "ya"}
>>> unflatten(Cooperative, row)  # doctest: +NORMALIZE_WHITESPACE
{'name': 'KSP Maju', 'legal_entity_numbers': ['518/BH/XII/1998', 'AHU-0000012.AH.01.26.TAHUN 2020'],
 'member_count': 25, 'rat_records': [{'fiscal_year': 2020, 'reported': True}]}
>>> flatten({"name": "KSP Maju", "rat_records": [{"fiscal_year": 2020}], "founders": []})
{'name': 'KSP Maju', 'rat_records[0].fiscal_year': '2020', 'founders': ''}
"""

from __future__ import annotations

import builtins
import enum
import functools
import os
import re
import types
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import IO, Any, TextIO, TypeVar, Union, cast, get_args, get_origin, overload

import attrs

from koperasi_id import _records
from koperasi_id._io import FileFormat, InputError
from koperasi_id._numbers import MAX_NUMBER_TEXT, whole_from_text
from koperasi_id._records import Record, RecordFile
from koperasi_id._values import ValueType, mask
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.money import parse_amount_text
from koperasi_id.serialization import decimal_text, from_dict, to_dict

__all__ = [
    "LIST_SEPARATOR",
    "FileFormat",
    "InputError",
    "Record",
    "RecordFile",
    "columns",
    "flatten",
    "read_records",
    "structure",
    "unflatten",
    "write_records",
]

T = TypeVar("T")

#: Separator of simple list items inside one cell.
LIST_SEPARATOR = "|"

_INT = re.compile(r"-?+[0-9]++")
_PLAIN = re.compile(r"-?+[0-9]++(?:\.[0-9]++)?+")
_TRUE = frozenset({"true", "ya", "y", "yes", "1"})
# Not "t": it is "tidak" on Indonesian forms (Y/T) but "true" in database
# exports (t/f); a guess would silently invert one of them, so it is an error.
_FALSE = frozenset({"false", "tidak", "no", "n", "0"})
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
        return True if low in _TRUE else False if low in _FALSE else text
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


def unflatten(
    cls: type, row: Mapping[str, str | None], *, problems: list[Problem] | None = None
) -> dict[str, Any]:
    """Build the wire-format dict of ``cls`` from a flat row.

    Columns that name no field of ``cls`` are appended to ``problems`` (when
    given) as ``unknown_column``; without a list they raise ValidationError.
    Groups of indexed columns that are all empty are left out, so the list
    is renumbered (``rat_records[2]`` may become item 0); :func:`structure`
    reports problems under the column names instead.
    """
    collect: list[Problem] = [] if problems is None else problems
    data = _unflatten(cls, _row_items(row, collect), "", collect, compact_prefix="", positions=None)
    if problems is None and collect:
        raise ValidationError(collect)
    return data


def structure(cls: type[T], row: Mapping[str, str | None], *, lenient: bool = False) -> T:
    """The entity ``cls`` from a flat row, or a ValidationError whose paths name the columns.

    ``lenient`` ignores unknown columns (and keys). Every problem is reported
    at once: unknown columns and bad values alike.

    >>> from koperasi_id.cooperatives import Cooperative
    >>> structure(Cooperative, {"name": "KSP Maju", "rat_records[3].fiscal_year": "2020x"})
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: ... $.rat_records[3].fiscal_year: expected a whole number...
    """
    problems: list[Problem] = []
    positions: dict[str, str] = {}
    data = _unflatten(
        cls, _row_items(row, problems), "", problems, compact_prefix="", positions=positions
    )
    if lenient:
        problems = [p for p in problems if p.code != "unknown_column"]
    try:
        entity = from_dict(cls, data, lenient=lenient)
    except ValidationError as err:
        # A cell already reported (its field left out) is not also "missing".
        reported = {p.path for p in problems}
        for p in err.problems:
            path = _column_path(p.path, positions)
            if path not in reported:
                problems.append(attrs.evolve(p, path=path))
    else:
        if not problems:
            return entity
    raise ValidationError(problems)


def _row_items(row: object, problems: list[Problem]) -> list[tuple[str, str | None]]:
    """The ``(column, cell)`` pairs of ``row`` that have the shape of a CSV row.

    Anything else is a problem, not a crash: ``csv.DictReader`` files the
    cells past the header under the key ``None`` (``row.extra_cells``), and a
    hand-built row may carry a number or a list where a cell's text belongs.
    """
    if not isinstance(row, Mapping):
        raise ValidationError.single(
            "type.object",
            f"a row maps column names to cells, got {type(row).__name__}",
            message_id=f"baris harus memetakan nama kolom ke sel, bukan {type(row).__name__}",
        )
    items: list[tuple[str, str | None]] = []
    for column, raw in row.items():
        if column is None:
            problems.append(
                Problem(
                    path="$",
                    code="row.extra_cells",
                    message="the row has more cells than the header has columns",
                    message_id="baris ini memiliki lebih banyak sel daripada kolom pada header",
                )
            )
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
                    path=f"$.{mask(column)}",  # a column name is input: it may be a NIK
                    code="type.str",
                    message=f"a cell is text, got {type(raw).__name__}",
                    message_id=f"isi sel harus berupa teks, bukan {type(raw).__name__}",
                )
            )
        else:
            items.append((column, raw))
    return items


def _column_path(path: str, positions: Mapping[str, str]) -> str:
    # The longest renumbered list item that contains the path: nested lists
    # map their whole prefix at once.
    best = ""
    for compact in positions:
        if (
            len(compact) > len(best)
            and path.startswith(compact)
            and path[len(compact) : len(compact) + 1] in ("", ".", "[")
        ):
            best = compact
    return positions[best] + path[len(best) :] if best else path


@functools.lru_cache(maxsize=4096)  # a file has one header: the same columns on every row
def _column_parts(column: str) -> tuple[str | None, str | None, str | None] | None:
    """``name``, ``index`` and the rest of a column such as ``rat_records[2].held_on``."""
    m = _COLUMN.fullmatch(column.strip())
    return None if m is None else (m.group(1), m.group(2), m.group(3))


def _unflatten(
    cls: type,
    items: Iterable[tuple[str, str | None]],
    prefix: str,
    problems: list[Problem],
    *,
    compact_prefix: str,
    positions: dict[str, str] | None,
) -> dict[str, Any]:
    shapes = _fields(cls)
    data: dict[str, Any] = {}
    nested: dict[str, list[tuple[str, str | None]]] = {}
    indexed: dict[str, dict[int, list[tuple[str, str | None]]]] = {}
    for column, raw in items:
        parts = _column_parts(column) if column else None
        name = parts[0] if parts else None
        shape = shapes.get(name) if name else None
        if parts is None or name is None or shape is None:
            if raw not in (None, ""):
                shown = mask(prefix + column)  # a column name is input too: it may be a NIK
                problems.append(
                    Problem(
                        path=f"$.{shown}",
                        code="unknown_column",
                        message=f"column {mask(shown, limit=60)} is not a field of {cls.__name__}; "
                        f"known: {', '.join(shapes)}",
                        message_id=f"kolom {mask(shown, limit=60)} bukan kolom {cls.__name__}; "
                        f"yang dikenal: {', '.join(shapes)}",
                    )
                )
            continue
        index, rest = parts[1], parts[2]
        if shape.kind is _Kind.OBJECT and rest is not None and index is None:
            nested.setdefault(name, []).append((rest, raw))
        elif shape.kind is _Kind.OBJECT_LIST and rest is not None and index is not None:
            indexed.setdefault(name, {}).setdefault(int(index), []).append((rest, raw))
        elif index is None and rest is None:
            text = (raw or "").strip()
            if text:
                try:
                    data[name] = _cell(shape, text)
                except ValidationError as err:
                    problems.extend(err.under(f"$.{prefix}{name}").problems)
            elif raw is not None and name in _null_when_empty(cls):
                data[name] = None
        elif raw not in (None, ""):
            shown = mask(prefix + column)
            problems.append(
                Problem(
                    path=f"$.{shown}",
                    code="unknown_column",
                    message=f"column {mask(shown, limit=60)} does not fit field {name!r} "
                    f"of {cls.__name__}",
                    message_id=f"kolom {mask(shown, limit=60)} tidak cocok dengan kolom {name!r} "
                    f"pada {cls.__name__}",
                )
            )
    for name, sub in nested.items():
        if any(v not in (None, "") for _, v in sub):
            data[name] = _unflatten(
                shapes[name].target,
                sub,
                f"{prefix}{name}.",
                problems,
                compact_prefix=f"{compact_prefix}{name}.",
                positions=positions,
            )
    for name, by_index in indexed.items():
        target = shapes[name].target
        kept: list[dict[str, Any]] = []
        for i in sorted(by_index):
            if not any(v not in (None, "") for _, v in by_index[i]):
                continue
            column = f"{prefix}{name}[{i}]"
            compact = f"{compact_prefix}{name}[{len(kept)}]"
            if positions is not None and column != compact:
                positions[f"$.{compact}"] = f"$.{column}"
            kept.append(
                _unflatten(
                    target,
                    by_index[i],
                    f"{column}.",
                    problems,
                    compact_prefix=f"{compact}.",
                    positions=positions,
                )
            )
        data[name] = kept
    return data


def flatten(data: Mapping[str, Any], *, prefix: str = "") -> dict[str, str]:
    """Flatten a wire-format dict (from ``to_dict``) into CSV cells.

    ``None`` and empty lists become empty cells so that every row of a file
    can share one header.
    """
    out: dict[str, str] = {}
    for key, value in data.items():
        column = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, prefix=f"{column}."))
        elif isinstance(value, list | tuple):
            if value and all(isinstance(v, Mapping) for v in value):
                for i, item in enumerate(value):
                    out.update(flatten(item, prefix=f"{column}[{i}]."))
            else:
                out[column] = LIST_SEPARATOR.join(_text(v) for v in value)
        else:
            out[column] = _text(value)
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def columns(cls: type, *, list_items: int = 1) -> list[str]:
    """The column names that fill ``cls``, in field order (for docs and headers).

    Lists of objects are shown with ``list_items`` indexed groups.
    """
    out: list[str] = []
    for name, shape in _fields(cls).items():
        if shape.kind is _Kind.OBJECT:
            out.extend(f"{name}.{c}" for c in columns(shape.target, list_items=list_items))
        elif shape.kind is _Kind.OBJECT_LIST:
            for i in range(list_items):
                out.extend(f"{name}[{i}].{c}" for c in columns(shape.target, list_items=list_items))
        else:
            out.append(name)
    return out


# --- record files ---------------------------------------------------------------


def _formats() -> dict[type, tuple[Any, Any, tuple[str, ...]]]:
    # A BPUM proposal file has its own Indonesian columns (koperasi_id.bpum);
    # imported here, on use, to keep this module importable on its own.
    from koperasi_id import bpum  # noqa: PLC0415

    def proposal_row(cls: type, row: Mapping[str, Any], lenient: bool) -> Any:
        return bpum.structure_row(row, lenient=lenient)

    required = tuple(c for c in bpum.PROPOSAL_COLUMNS if c in bpum.REQUIRED_COLUMNS)
    return {bpum.Proposal: (proposal_row, bpum.proposal_to_row, required)}


def _structure_flat(cls: type, row: Mapping[str, Any], lenient: bool) -> Any:
    return structure(cls, row, lenient=lenient)


@overload
def read_records(
    source: str | os.PathLike[str] | IO[bytes] | IO[str],
    *,
    format: FileFormat | str | None = None,
    type: None = None,
    lenient: bool = False,
) -> RecordFile[Any]: ...
@overload
def read_records(
    source: str | os.PathLike[str] | IO[bytes] | IO[str],
    *,
    format: FileFormat | str | None = None,
    type: type[T],
    lenient: bool = False,
) -> RecordFile[T]: ...
def read_records(
    source: str | os.PathLike[str] | IO[bytes] | IO[str],
    *,
    format: FileFormat | str | None = None,
    type: type[T] | None = None,
    lenient: bool = False,
) -> RecordFile[Any]:
    """Stream the records of a CSV, JSON Lines or JSON array file, with their line numbers.

    What the command line does, in one call: CSV in UTF-8 with or without a
    BOM, ``,`` ``;`` or tab detected from the header, quoted cells over
    several lines; JSON Lines; a JSON array read item by item, never whole.
    ``source`` is a path or an open file (binary or text; it is left open).
    ``format`` is ``"csv"``, ``"jsonl"`` or ``"json"`` (default: from the
    file name's extension, else CSV).

    With ``type`` every record is structured (CSV columns named by field
    path, as :func:`structure` reads them; a BPUM proposal file by its own
    columns) and carries the entity in ``value`` or the problems the command
    line reports, paths naming the columns. A CSV header that names fewer
    than half of the fields ``type`` requires is another kind of file: an
    :class:`InputError` at once (as on the command line), not one problem per
    column per row. A file that cannot be read at all (missing,
    empty, not UTF-8 in its header, duplicate columns) is an
    :class:`InputError` too.

    >>> import io
    >>> from koperasi_id.cooperatives import RatRecord
    >>> text = io.StringIO("fiscal_year;held_on;reported\\n2023;2024-03-09;ya\\n2023x;;\\n")
    >>> with read_records(text, type=RatRecord) as records:
    ...     print(records.delimiter)
    ...     for r in records:
    ...         print(r.line, r.value or [p.code for p in r.problems])
    ;
    2 RatRecord(fiscal_year=2023, held_on=datetime.date(2024, 3, 9), reported=True)
    3 ['type.int']
    >>> read_records(io.StringIO("nama,alamat\\nSiti,Jl. Kartini\\n"), type=RatRecord)
    Traceback (most recent call last):
    ...
    koperasi_id._io.InputError: <stream>: this is not a RatRecord file: its header names 0 of the 2 required columns (expected: fiscal_year, held_on); is this the right file and type?
    """
    fmt = _records.file_format(format)
    if type is not None and not isinstance(type, builtins.type):
        raise ValidationError.single(
            "type.class",
            "type= is a class such as Cooperative",
            message_id="type= harus berupa kelas seperti Cooperative",
        )
    reader = _records.open_source(source, fmt)
    flat: Any = None
    if type is not None:
        special = _formats().get(type)
        if special is not None:
            flat, _, required = special
        else:
            flat = _structure_flat
            required = tuple(
                f.name for f in attrs.fields(cast(Any, type)) if f.default is attrs.NOTHING
            )
        if reader.format is FileFormat.CSV:
            _records.check_header(reader, type, required)
    return RecordFile(reader, type, lenient=lenient, flat=flat)


def write_records(
    target: str | os.PathLike[str] | TextIO,
    records: Iterable[Any],
    *,
    format: FileFormat | str | None = None,
    columns: Iterable[str] | None = None,
    delimiter: str = ",",
) -> int:
    """Write entities (or wire dicts) as CSV, JSON Lines or a JSON array; returns the count.

    The counterpart of :func:`read_records`: what it writes, that reads back.
    ``target`` is a path (``format`` from its extension, else CSV) or an open
    text file (default CSV). JSON formats write the nested wire form
    (:func:`~koperasi_id.serialization.to_dict`); CSV writes one column per
    field path (:func:`flatten`; a BPUM proposal in its own columns). CSV
    needs its header before the first row: ``columns`` defaults to the first
    record's, and a later record with more (a longer list) is a ValueError,
    so pass ``columns=columns(cls, list_items=N)`` for records with lists.

    >>> import io
    >>> from datetime import date
    >>> from koperasi_id.cooperatives import RatRecord
    >>> out = io.StringIO()
    >>> write_records(out, [RatRecord(fiscal_year=2023, held_on=date(2024, 3, 9), reported=True)])
    1
    >>> print(out.getvalue().strip())
    fiscal_year,held_on,reported
    2023,2024-03-09,true
    """
    fmt = _records.file_format(format)
    specials = _formats()

    def to_row(item: Any) -> Mapping[str, Any]:
        special = specials.get(item.__class__)
        if special is not None:
            return dict(special[1](item))
        return flatten(item if isinstance(item, Mapping) else to_dict(item))

    return _records.write(
        target, records, fmt=fmt, columns=columns, delimiter=delimiter, to_row=to_row
    )
