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
import os
from collections.abc import Iterable, Mapping
from datetime import date
from typing import IO, Any, TextIO, TypeVar, cast, overload

import attrs

from koperasi_id import _records
from koperasi_id._flat import LIST_SEPARATOR as _SEPARATOR
from koperasi_id._flat import _fields, _Kind, unflatten_row
from koperasi_id._io import FileFormat, InputError
from koperasi_id._records import Record, RecordFile
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.serialization import from_dict, to_dict

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
LIST_SEPARATOR = _SEPARATOR


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
    data = unflatten_row(cls, row, collect, None)
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
    data = unflatten_row(cls, row, problems, positions)
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
