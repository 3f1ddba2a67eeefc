"""Helpers shared by the identifier types (private)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from koperasi_id._values import MAX_RAW_LENGTH, digits_only, has_long_digit_run
from koperasi_id.errors import ValidationError

T = TypeVar("T")


def compact_digits(raw: object, *, kind: str, what: str, what_id: str, hide: bool = False) -> str:
    """Rule N1 for a *string*: strip separators, then ASCII digits only.

    Unlike :func:`~koperasi_id._values.digits_only` an ``int`` is refused: an
    identifier is text (``int`` drops the leading zeros of an NIB or a KBLI
    code), and the converter is strict in the same way.
    """
    if not isinstance(raw, str):
        raise ValidationError.single(
            f"{kind}.type",
            f"expected a {what} as a string, got {type(raw).__name__}",
            message_id=f"{what_id} harus berupa teks, bukan {type(raw).__name__}",
        )
    if type(raw) is str and raw.isascii() and raw.isdigit() and len(raw) <= MAX_RAW_LENGTH:
        return raw  # the common case: nothing to strip, nothing to refuse
    # A NIK typed into another identifier's field is never echoed. Text past
    # the length limit is refused unread (and unechoed): not scanned either.
    hide = hide or len(raw) > MAX_RAW_LENGTH or has_long_digit_run(raw)
    return digits_only(raw, code_prefix=kind, what=what, what_id=what_id, hide=hide)


def fixed_length(digits: str, *, kind: str, what: str, what_id: str, length: int) -> None:
    """Rule N2: exactly ``length`` digits."""
    if len(digits) != length:
        raise ValidationError.single(
            f"{kind}.length",
            f"a {what} has {length} digits, got {len(digits)}",
            message_id=f"{what_id} harus {length} digit, diisi {len(digits)} digit",
        )


def build(cls: type[T], **fields: Any) -> T:
    """Make an instance from already-checked fields without running ``__init__``.

    The public constructors of the identifier types validate (they call
    ``parse``); ``parse`` itself has just done that work, so it builds here.
    """
    obj = _new(cls)
    for name, value in fields.items():
        _setattr(obj, name, value)
    return obj


# Looked up once: build() runs for every identifier parsed.
_new = object.__new__
_setattr = object.__setattr__


def copy_into(target: object, source: object, names: Iterable[str]) -> None:
    """Fill a frozen instance being initialised from a parsed one."""
    for name in names:
        object.__setattr__(target, name, getattr(source, name))
