"""The one contract every value type follows (identifiers, codes, numbers).

Modelled on python-stdnum: ``normalize`` → ``parse`` (value or
:class:`~koperasi_id.errors.ValidationError` with a stable code per rule) →
``is_valid`` (never raises) → ``str`` (canonical) and ``display()``.

The converter in :mod:`koperasi_id.serialization` structures any subclass from
its canonical string with ``parse`` and unstructures it with ``str``, so a new
value type needs no registration of its own.
"""

from __future__ import annotations

import re
from typing import ClassVar, Self

from koperasi_id.errors import Problem, ValidationError

__all__ = [
    "ValueType",
    "digits_only",
    "has_long_digit_run",
    "mask_long_digit_runs",
    "masked_excerpt",
]

# Separators people type or paste inside identifiers: spaces (incl. NBSP and
# narrow NBSP), dots, dashes (ASCII and Unicode), slashes are *not* included
# because some identifiers use them meaningfully.
_SEPARATORS = re.compile(r"[\s\u00a0\u202f.\-\u2010\u2011\u2012\u2013\u2014]+")
_ASCII_DIGITS = re.compile(r"[0-9]+")
#: Far longer than any identifier; longer input is rejected before any work.
MAX_RAW_LENGTH = 64


#: Twelve or more digits, separators allowed between them: long enough to be a
#: NIK typed into the wrong field, so messages mask it (personal data, UU 27/2022).
_LONG_DIGIT_RUN = re.compile(r"[0-9](?:[ .\-\u00a0]?[0-9]){11,}")
_NOT_DIGIT = re.compile(r"[^0-9]")


def _mask_run(match: re.Match[str]) -> str:
    digits = _NOT_DIGIT.sub("", match.group())
    return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]


def mask_long_digit_runs(text: str) -> str:
    """``text`` with every run of 12+ digits (a possible NIK) masked, whole.

    >>> mask_long_digit_runs("got '1871010101900001'")
    "got '187101******0001'"
    """
    return _LONG_DIGIT_RUN.sub(_mask_run, text)


def has_long_digit_run(text: str) -> bool:
    """Whether ``text`` holds a run of 12+ digits (a possible NIK)."""
    return _LONG_DIGIT_RUN.search(text) is not None


def masked_excerpt(text: str, limit: int = 40) -> str:
    """The start of ``text`` as a ``repr`` for an error message, digit runs of 12+ masked.

    >>> masked_excerpt("AHU-1871 0101 0190 0001")  # synthetic NIK in the wrong field
    "'AHU-187101******0001'"
    >>> masked_excerpt("18.7x"), masked_excerpt("abcdef", limit=3)
    ("'18.7x'", "'abc'…")
    """
    masked = mask_long_digit_runs(text)
    shown = repr(masked[:limit])
    return shown + "…" if len(masked) > limit else shown


def digits_only(raw: object, *, code_prefix: str, what: str, mask: bool = False) -> str:
    """Normalise ``raw`` to a string of ASCII digits, or raise ValidationError.

    Accepts ``str`` (and ``int`` for convenience, never ``bool``); strips
    spaces, NBSP, dots and dashes; refuses other characters, including
    non-ASCII digits such as ``'١'`` or full-width ``'１'``. ``mask`` keeps the
    raw value out of messages (personal identifiers).

    >>> digits_only(" 18.71-01 ", code_prefix="x", what="code")
    '187101'
    >>> digits_only("１２", code_prefix="x", what="code")
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: a code may contain only the ASCII digits 0-9 ... [x.characters]
    """
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise ValidationError.single(
            f"{code_prefix}.type", f"expected a {what} as a string, got {type(raw).__name__}"
        )
    # An int is measured before str(): past 4,300 digits str() raises ValueError.
    too_long = isinstance(raw, int) and not -(10**MAX_RAW_LENGTH) < raw < 10**MAX_RAW_LENGTH
    text = "" if too_long else str(raw)
    if too_long or len(text) > MAX_RAW_LENGTH:
        raise ValidationError.single(
            f"{code_prefix}.length",
            f"a {what} is never more than {MAX_RAW_LENGTH} characters long",
        )
    compact = _SEPARATORS.sub("", text)
    if not compact:
        raise ValidationError.single(f"{code_prefix}.empty", f"the {what} is empty")
    if not _ASCII_DIGITS.fullmatch(compact):
        shown = "" if mask else f" {masked_excerpt(text, 24)}"
        raise ValidationError.single(
            f"{code_prefix}.characters",
            f"a {what} may contain only the ASCII digits 0-9 (and spaces, dots or dashes "
            f"between them), got{shown or ' other characters'}",
        )
    return compact


class ValueType:
    """Base of the library's immutable value types.

    Subclasses implement :meth:`parse` and ``__str__``; ``parse`` must be a
    pure function of its input (the converter caches recent results). They get
    :meth:`is_valid`, :meth:`display` and converter support for free.
    ``warnings`` holds problems that do not make the value invalid (a retired
    region code, a checksum accepted in lenient mode).
    """

    __slots__ = ()

    #: Short name used in messages and error codes (``"nik"``, ``"npwp"``).
    kind: ClassVar[str] = "value"

    @classmethod
    def parse(cls, raw: object) -> Self:
        """Normalise and validate ``raw``; raise ValidationError if invalid."""
        raise NotImplementedError

    @classmethod
    def is_valid(cls, raw: object) -> bool:
        """Whether ``raw`` parses. Never raises on junk, whatever ``raw`` is.

        Only the library's ValidationError means "invalid": any other
        exception from ``parse`` is a bug in the value type and escapes.
        """
        try:
            cls.parse(raw)
        except ValidationError:
            return False
        return True

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Problems that do not make the value invalid."""
        return ()

    def display(self) -> str:
        """Human display form; the canonical form unless a subclass says otherwise."""
        return str(self)
