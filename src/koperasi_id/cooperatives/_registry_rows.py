"""The rows of a registry CSV file as cooperatives, with a fast path for the plain valid row (issue 18).

Most rows of a registry file are valid and carry no warnings. For such a
row ``RegistryRows.entity`` builds the :class:`Cooperative` straight
from the cells: each cell goes through a small cache of the reading the
general path gives it (the converter's own date, enum and value-type
parsers, after the same ``strip``), and the entity through its own
constructor, so every invariant is checked where it lives. Nothing is
built for a message and no wire dict is made.

It answers only under a header it reads whole (:data:`FIELD_COLUMNS` and
complete ``rat_records[i].fiscal_year`` / ``held_on`` / ``reported``
groups, each column once) and only a row it is sure about. Anything else
(an empty required cell, a cell that does not read, a value with a
warning, a cell that is not text, an entity its constructor refuses) gives
``None``: the caller then structures the row the general way
(:func:`koperasi_id.rows.structure`), which reports every problem and whose
warnings the caller counts. The tests draw rows both ways and compare.
"""

from __future__ import annotations

import enum
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from koperasi_id._flat import FALSE_WORDS, LIST_SEPARATOR, TRUE_WORDS
from koperasi_id._numbers import WHOLE_DIGITS
from koperasi_id._scalar_hooks import _date_from_text, _text_parser
from koperasi_id._values import ValueType
from koperasi_id.cooperatives._enums import (
    BusinessMode,
    CooperativeForm,
    CooperativeKind,
    LegalStatus,
    MembershipArea,
    Principle,
)
from koperasi_id.cooperatives._model import Cooperative
from koperasi_id.cooperatives._parts import RatRecord, YearEnd
from koperasi_id.identifiers import Nib, NomorBadanHukum, NomorIndukKoperasi
from koperasi_id.regions import RegionCode

__all__ = ["FIELD_COLUMNS", "RegistryRows"]

#: Reads of a cell kept per column kind: registries repeat their regions, kinds and RAT rows.
CELL_CACHE_SIZE = 4096
#: Dates kept: about 45 years of days, so that a registry's deed dates are each read once.
DATE_CACHE_SIZE = 16384


class _UnsureError(Exception):
    """The fast path does not answer this row: the general path reports it."""


def _whole(text: str) -> int:
    # The general path reads any plain whole number; a short unsigned one is
    # the common case, and int() of it is what that reading gives.
    if len(text) <= WHOLE_DIGITS and text.isdigit() and text.isascii():
        return int(text)
    raise _UnsureError


_BOOL_WORDS = {**dict.fromkeys(TRUE_WORDS, True), **dict.fromkeys(FALSE_WORDS, False)}


def _bool(text: str) -> bool:
    return _BOOL_WORDS[text.lower()]


def _enum(cls: type[enum.Enum]) -> Callable[[str], Any]:
    return dict(cls._value2member_map_).__getitem__


def _value(cls: type[ValueType]) -> Callable[[str], Any]:
    parse = _text_parser(cls)  # the converter's own cache of the same parses

    def read(text: str) -> Any:
        value = parse(text)
        if value.warnings:
            raise _UnsureError  # the general path's entity carries it; the caller counts it
        return value

    return read


# Not the converter's cache: a legal-entity number is one cooperative's own, and
# parse is a pure function of the text (the same value either way).
_PARSE_NUMBER = NomorBadanHukum.parse


def _numbers(text: str) -> tuple[NomorBadanHukum, ...]:
    parse = _PARSE_NUMBER
    if LIST_SEPARATOR in text:
        values = tuple(parse(item.strip()) for item in text.split(LIST_SEPARATOR))
    else:
        values = (parse(text),)
    for value in values:
        if value.warnings:
            raise _UnsureError
    return values


_REQUIRED: Any = attrs.NOTHING


def _column(
    parse: Callable[[str], Any], default: Any, *, cache: int = CELL_CACHE_SIZE
) -> Callable[[str], Any]:
    """The reading of one column's raw cell: the stripped text parsed, or the field's default."""

    def read(raw: str) -> Any:
        text = raw.strip()
        if text:
            return parse(text)
        if default is _REQUIRED:
            raise _UnsureError  # the general path reports the missing field
        return default  # an empty cell leaves the field out: its default

    return _Readings(read, cache).__getitem__ if cache else read


class _Readings(dict[Any, Any]):
    """The readings of recent cells: a look-up in C for a cell read before.

    A reading is a pure function of the cell and its values are immutable; a
    refusal raises and is not kept. Full, it starts afresh (a bound on memory).
    """

    def __init__(self, read: Callable[[Any], Any], size: int) -> None:
        super().__init__()
        self._read = read
        self._size = size

    def __missing__(self, cells: Any) -> Any:
        value = self._read(cells)
        if len(self) >= self._size:
            self.clear()
        self[cells] = value
        return value


_DEFAULTS = {f.name: f.default for f in attrs.fields(Cooperative)}
_PARSES: dict[str, Callable[[str], Any]] = {
    "legal_entity_numbers": _numbers,
    "deed_approved_on": _date_from_text,
    "form": _enum(CooperativeForm),
    "kind": _enum(CooperativeKind),
    "region": _value(RegionCode),
    "membership_area": _enum(MembershipArea),
    "member_count": _whole,
    "mode": _enum(BusinessMode),
    "principle": _enum(Principle),
    "nomor_induk": _value(NomorIndukKoperasi),
    "nib": _value(Nib),
    "founded_on": _date_from_text,
    "fiscal_year_end": _value(YearEnd),
    "multi_stakeholder": _bool,
    "merah_putih": _bool,
    "legal_status": _enum(LegalStatus),
    "dissolved_on": _date_from_text,
}
# Not cached: a legal-entity number is one cooperative's own.
_CACHES = {"legal_entity_numbers": 0}
_CACHES.update(dict.fromkeys(["deed_approved_on", "founded_on", "dissolved_on"], DATE_CACHE_SIZE))

#: The columns of the Cooperative fields the fast path reads, each with its reading.
FIELD_COLUMNS: Mapping[str, Callable[[str], Any]] = {
    # The stripped text, as the general path has it: an empty one is the
    # constructor's to refuse (the name is not blank), and then the general
    # path reports the missing field.
    "name": str.strip,
    **{
        name: _column(parse, _DEFAULTS[name], cache=_CACHES.get(name, CELL_CACHE_SIZE))
        for name, parse in _PARSES.items()
    },
}

_RAT_COLUMN = re.compile(r"rat_records\[(0|[1-9][0-9]{0,5})\]\.(fiscal_year|held_on|reported)")
_RAT_FIELDS = ("fiscal_year", "held_on", "reported")
_rat_year = _column(_whole, _REQUIRED, cache=0)
# An empty held_on cell is the null flatten() writes (the field has no default).
_rat_held = _column(_date_from_text, None, cache=0)
_rat_reported = _column(_bool, False, cache=0)


def _rat(cells: tuple[str, str, str]) -> RatRecord | None:
    """The RAT record of one group of cells; None for a group of empty cells (no item)."""
    fiscal_year, held_on, reported = cells
    if not (fiscal_year or held_on or reported):
        return None
    return RatRecord(
        fiscal_year=_rat_year(fiscal_year),
        held_on=_rat_held(held_on),
        reported=_rat_reported(reported),
    )


_rats = _Readings(_rat, CELL_CACHE_SIZE).__getitem__


def _plan(header: Sequence[object]) -> tuple[tuple[str, ...], int] | None:
    """The columns to read (fields first, then RAT groups by index), or None."""
    fields: list[str] = []
    groups: dict[int, dict[str, str]] = {}
    for column in header:
        if not isinstance(column, str):
            return None
        if column in FIELD_COLUMNS:
            fields.append(column)
            continue
        match = _RAT_COLUMN.fullmatch(column)
        if match is None:
            return None  # a column only the general path reads (or reports)
        groups.setdefault(int(match.group(1)), {})[match.group(2)] = column
    if len(set(header)) != len(header):
        return None
    if any(_DEFAULTS[name] is _REQUIRED and name not in fields for name in FIELD_COLUMNS):
        return None
    if any(len(group) != len(_RAT_FIELDS) for group in groups.values()):
        return None
    rats = tuple(groups[i][name] for i in sorted(groups) for name in _RAT_FIELDS)
    return (*fields, *rats), len(fields)


class RegistryRows:
    """The fast path over rows read under ``header`` (a registry CSV file's column names).

    :attr:`entity` takes a row as the file reader gives it (column name ->
    cell) and returns the :class:`Cooperative` the general path would
    structure from it when it is valid and has no value with a warning,
    else ``None``. With ``fast=False``, or a header the fast path does not
    read, it always gives ``None``.

    >>> rows = RegistryRows(["name", "legal_entity_numbers", "deed_approved_on", "form",
    ...     "kind", "region", "membership_area", "member_count",
    ...     "rat_records[0].fiscal_year", "rat_records[0].held_on", "rat_records[0].reported"])
    >>> row = {"name": "KSP Maju", "legal_entity_numbers": "12/BH/X/2010",
    ...     "deed_approved_on": "2010-05-01", "form": "primer", "kind": "simpan_pinjam",
    ...     "region": "18.71", "membership_area": "dalam_kabupaten_kota", "member_count": "40",
    ...     "rat_records[0].fiscal_year": "2023", "rat_records[0].held_on": "2024-03-01",
    ...     "rat_records[0].reported": "true"}
    >>> coop = rows.entity(row)
    >>> coop.name, coop.region, coop.rat_records[0].reported
    ('KSP Maju', RegionCode('18.71'), True)
    >>> rows.entity({**row, "member_count": "empat puluh"}) is None  # the general path says why
    True
    """

    def __init__(self, header: Sequence[object], *, fast: bool = True) -> None:
        header = tuple(header)
        plan = _plan(header) if fast else None
        #: The cooperative of a plain valid row, or ``None`` for the general path.
        self.entity: Callable[[Mapping[str, Any]], Cooperative | None] = _general_path
        #: The same for a row's cells in header order (``RecordReader.rows_or_records``).
        self.cells: Callable[[Sequence[Any]], Cooperative | None] = _general_path
        if plan is not None:
            columns, fields = plan
            self.entity, self.cells = _readers(
                columns, fields, [header.index(column) for column in columns]
            )

    @property
    def fast(self) -> bool:
        """Whether the header is one the fast path reads."""
        return self.entity is not _general_path


def _general_path(row: object) -> None:
    return None


_REFUSED = (_UnsureError, ValueError, KeyError, TypeError)  # ValidationError: a ValueError


def _readers(
    columns: tuple[str, ...], fields: int, positions: list[int]
) -> tuple[
    Callable[[Mapping[str, Any]], Cooperative | None], Callable[[Sequence[Any]], Cooperative | None]
]:
    """The row's cooperative in one constructor call, each field from its cell's read.

    Generated once per header: no loop, dict or ``**`` on each row. The text is
    our own: field names from :data:`FIELD_COLUMNS` and cell positions only.
    ``entity`` takes the cells in plan order from the row (``itemgetter``,
    which also refuses a row without a column with KeyError; the row must
    have no other column), ``cells`` from the row's cells by their
    ``positions`` in the header (as many cells as columns).
    """
    env: dict[str, Any] = {
        "Cooperative": Cooperative,
        "rats": _rats,
        "get": operator.itemgetter(*columns),
        "pick": operator.itemgetter(*positions),
        "REFUSED": _REFUSED,
    }
    arguments = []
    for i, name in enumerate(columns[:fields]):
        env[f"read_{i}"] = FIELD_COLUMNS[name]  # each read in C for a cell read before
        arguments.append(f"{name}=read_{i}(c[{i}])")
    if len(columns) > fields:
        # rats gives None for a group of empty cells (no item); a RatRecord is true.
        arguments.append(
            "rat_records=tuple(filter(None, map(rats, "
            f"zip(c[{fields}::3], c[{fields + 1}::3], c[{fields + 2}::3], strict=True))))"
        )
    body = f"""
    try:
        # Every cell is text, else TypeError: a missing cell (None, a short
        # row) or one of another type. (The general path reads a str subclass
        # as the text it holds, and so does every read here.)
        "".join(c)
        return Cooperative({", ".join(arguments)})
    except REFUSED:
        return None
"""
    source = f"""def entity(row):
    if len(row) != {len(columns)}:
        return None
    try:
        c = get(row)
    except KeyError:
        return None
{body}

def cells(row):
    if len(row) != {len(columns)}:
        return None
    c = pick(row)
{body}
"""
    exec(source, env)  # our own text: field names and positions only
    return env["entity"], env["cells"]
