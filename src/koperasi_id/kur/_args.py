"""Argument checks for the public KUR functions.

A caller that passes the wire value ``"modal_kerja"`` where a
:class:`~koperasi_id.kur.Purpose` belongs must get an error that says what to
pass, never the answer for another member (an ``else`` branch would read it as
investment).
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TypeVar

from koperasi_id._days import check_day
from koperasi_id._values import mask
from koperasi_id.errors import ValidationError

E = TypeVar("E", bound=enum.Enum)


def member(value: object, cls: type[E], name: str) -> E:
    """``value`` if it is a member of ``cls``; a ``ValidationError`` at ``$.name`` otherwise."""
    if isinstance(value, cls):
        return value
    name_of = cls.__name__
    got = f"got {type(value).__name__} {mask(value, limit=40, quote=True)}"
    got_id = f"diisi {type(value).__name__} {mask(value, limit=40, quote=True)}"
    wire = cls._value2member_map_.get(value) if isinstance(value, str) else None
    if wire is not None:
        message = (
            f"{name} must be a {name_of} member, {got}; pass {name_of}.{wire.name} "
            f"({name_of}({mask(value, quote=True)}) converts the wire value)"
        )
        message_id = (
            f"{name} harus anggota {name_of}, {got_id}; berikan {name_of}.{wire.name} "
            f"({name_of}({mask(value, quote=True)}) mengubah nilai data)"
        )
    else:
        message = (
            f"{name} must be a {name_of} member such as {name_of}.{next(iter(cls)).name}, {got}"
        )
        message_id = (
            f"{name} harus anggota {name_of} seperti {name_of}.{next(iter(cls)).name}, {got_id}"
        )
    raise ValidationError.single("enum", message, message_id=message_id, path=f"$.{name}")


def day(value: object, name: str, *, code: str = "type.date") -> date:
    """``value`` if it is a ``datetime.date`` (not a ``datetime``); a ``ValidationError`` otherwise."""
    if isinstance(value, datetime):
        message = f"{name} must be a datetime.date, got a datetime; pass its .date()"
        message_id = f"{name} harus datetime.date, bukan datetime; berikan .date()-nya"
    elif isinstance(value, date):
        return check_day(value, name)
    else:
        message = f"{name} must be a datetime.date, got {type(value).__name__}"
        message_id = f"{name} harus datetime.date, bukan {type(value).__name__}"
        if isinstance(value, str):
            message += "; parse text with datetime.date.fromisoformat"
            message_id += "; baca teks dengan datetime.date.fromisoformat"
    raise ValidationError.single(code, message, message_id=message_id, path=f"$.{name}")
