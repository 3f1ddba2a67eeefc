"""The warnings of the values inside a file's records: found by a walk of each entity, tallied per kind.

A value type (a region code, an identifier) may carry warnings: a retired
region code is read, but said. Every subcommand that reads records walks each
entity for them and reports the first lines of each kind on standard error.
Like :mod:`koperasi_id.cli._common`, this imports nothing outside the standard
library at import time.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from koperasi_id.cli._common import mask, shown_path, tr

if TYPE_CHECKING:
    from koperasi_id.errors import Language, Problem

__all__ = ["WarningTally", "value_warnings"]

_LINES_SHOWN = 5


# Types that hold no value with warnings; grown with every enum and plain class met.
_LEAVES: set[type] = {str, int, bool, float, Decimal, date, type(None)}
_FIELDS: dict[type, tuple[str, ...]] = {}


def value_warnings(value: object) -> list[Problem]:
    """The warnings of every value inside an entity (a retired or unknown region code...)."""
    from koperasi_id._values import ValueType

    found: list[Problem] = []
    _collect(value, ValueType, found)
    return found


def _plain(annotation: object) -> bool:
    # A field typed str, int, date, an enum... (or a union or tuple of them)
    # never holds a value with warnings, so the walk skips it.
    import enum
    import types
    import typing

    if isinstance(annotation, type):
        return annotation in _LEAVES or issubclass(annotation, enum.Enum)
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union, tuple, list, frozenset, typing.Literal):
        args = typing.get_args(annotation)
        return origin is typing.Literal or all(a is Ellipsis or _plain(a) for a in args)
    return False


def _fields_with_values(kind: type) -> tuple[str, ...]:
    import attrs

    if not attrs.has(kind):
        return ()
    try:
        fields = attrs.fields(attrs.resolve_types(kind))
    except (NameError, TypeError):  # an annotation that cannot be resolved: walk every field
        return tuple(f.name for f in attrs.fields(kind))
    return tuple(f.name for f in fields if not _plain(f.type))


def _collect(value: object, value_type: type, found: list[Problem]) -> None:
    # Runs once per record of a file: a plain loop over cached field names,
    # no generators, so a million-row screening pays about a microsecond a row.
    kind = type(value)
    if kind in _LEAVES:
        return
    if isinstance(value, value_type):
        found.extend(value.warnings)  # type: ignore[attr-defined]
        return
    if kind is tuple or kind is list:
        for item in value:  # type: ignore[attr-defined]
            _collect(item, value_type, found)
        return
    names = _FIELDS.get(kind)
    if names is None:
        names = _fields_with_values(kind)
        if not names:
            _LEAVES.add(kind)
            return
        _FIELDS[kind] = names
    leaves = _LEAVES
    for name in names:
        inner = getattr(value, name)
        if type(inner) in leaves:
            continue
        if isinstance(inner, value_type):  # the usual field: a value, most often quiet
            if inner.warnings:  # type: ignore[attr-defined]
                found.extend(inner.warnings)  # type: ignore[attr-defined]
            continue
        _collect(inner, value_type, found)


class WarningTally:
    """Warnings of a file's records, counted by kind, with the first lines of each."""

    def __init__(self) -> None:
        self._kinds: dict[str, tuple[list[int], Problem]] = {}
        self._counts: dict[str, int] = {}

    def add_entity(self, entity: object, line: int) -> None:
        """Count the warnings of the values inside ``entity`` (record at ``line``)."""
        self.add_found(value_warnings(entity), line)

    def add_found(self, found: Sequence[Problem], line: int) -> None:
        """Count the value warnings ``found`` in the record at ``line``."""
        if not found:
            return
        seen: set[str] = set()
        for problem in found:
            if problem.code not in seen:  # one count per record and kind
                seen.add(problem.code)
                self.add(problem, line)

    def add(self, problem: Problem, line: int) -> None:
        """Count one record at ``line`` with the warning ``problem`` (one of its kind)."""
        code = problem.code
        count = self._counts.get(code, 0)
        self._counts[code] = count + 1
        if count == 0:
            self._kinds[code] = ([line], problem)
        elif count < _LINES_SHOWN:
            self._kinds[code][0].append(line)

    def __bool__(self) -> bool:
        return bool(self._counts)

    def as_json(self) -> list[dict[str, Any]]:
        """One entry per kind: code, count, the first lines and the first message
        (``message`` in English, ``message_id`` in Indonesian)."""
        return [
            {
                "code": code,
                "count": self._counts[code],
                "lines": lines,
                "message": mask(problem.message),
                "message_id": mask(problem.message_id),
            }
            for code, (lines, problem) in sorted(self._kinds.items())
        ]

    def print(self, path: Path | str, lang: Language) -> None:
        """One line per kind on standard error."""
        message = "message_id" if lang == "id" else "message"
        for kind in self.as_json():
            count = kind["count"]
            lines = ", ".join(str(n) for n in kind["lines"])
            if count > len(kind["lines"]):
                lines += ", …"
            where = tr(
                lang,
                f"{count} rekaman (baris {lines})",
                f"{count} record{'s' if count != 1 else ''} (line{'s' if count != 1 else ''} "
                f"{lines})",
            )
            print(
                f"koperasi-id: warning: {shown_path(path)}: {kind['code']}: {where}: {kind[message]}",
                file=sys.stderr,
            )
