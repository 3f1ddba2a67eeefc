"""The one contract every value type follows (identifiers, codes, numbers).

Modelled on python-stdnum: ``normalize`` → ``parse`` (value or
:class:`~koperasi_id.errors.ValidationError` with a stable code per rule) →
``is_valid`` (never raises) → ``str`` (canonical) and ``display()``.

The converter in :mod:`koperasi_id.serialization` structures any subclass from
its canonical string with ``parse`` and unstructures it with ``str``, so a new
value type needs no registration of its own.
"""

from __future__ import annotations

import builtins
import os
import re
import reprlib
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import ClassVar, Self

from koperasi_id.errors import Problem, ValidationError

__all__ = [
    "SEPARATORS",
    "SEPARATOR_CHARS",
    "ValueType",
    "digits_only",
    "has_long_digit_run",
    "mask",
    "printable",
    "shown_path",
]

#: Separators people type or paste inside identifiers, and that the identifier
#: parsers drop: every whitespace character (tab, NBSP and narrow NBSP
#: included), dots, the ASCII hyphen-minus and the Unicode hyphens and dashes
#: U+2010-U+2014 (en and em dash included). Slashes are *not* included because
#: some identifiers use them meaningfully.
SEPARATOR_CHARS = "\\s\u00a0\u202f.\\-\u2010\u2011\u2012\u2013\u2014"
SEPARATORS = re.compile(f"[{SEPARATOR_CHARS}]+")
_ASCII_DIGITS = re.compile(r"[0-9]+")
#: Far longer than any identifier; longer input is rejected before any work.
MAX_RAW_LENGTH = 64

# --- masking (personal data, UU 27/2022) ------------------------------------
#: Digits in a run at which the run may be a NIK or KK number (16 digits) or a
#: good part of one, so it is masked wherever input is shown.
MASK_MIN_DIGITS = 12
# Characters that may stand between the digits of a NIK someone wrote, pasted
# or exported: the parsers' own separators (the same constant, so the two cannot
# drift apart), then every other Unicode dash (Pd) and minus sign, invisible
# format character (Cf: soft hyphen, zero-width space, BOM, bidi marks) and
# control character, and dots used as digit-group marks.
_MASK_SEPARATORS = (
    SEPARATOR_CHARS
    + "\x00-\x1f\x7f-\x9f\u00b7\u2027\u2212\u3002\uff0e"
    + "\u058a\u05be\u1400\u1806\u2015\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d"
    + "\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead"
    + "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    + "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd"
    + "\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    + "\U000e0001\U000e0020-\U000e007f"
    # and lone surrogates (Cs), which stand for bytes that could not be decoded
    + "\ud800-\udfff"
)
#: Single marks that group digits in exports ("1,871,010,...", "1'871'...",
#: "1871_0101_..."); alone between two digits, not in a run ("Rp5.000, 12-31" is
#: two numbers). Not "/": it joins the parts of decree numbers
#: ("Kepmendagri 300.2.2-2430/2025") and no identifier parser accepts it in a NIK.
_GROUP_MARKS = ",'_"
# A run of digits (any Unicode decimal digit, \d) with separators between them.
# The classes are disjoint from \d and the quantifiers possessive, so one scan.
_RUN = re.compile(f"\\d(?:(?:[{_MASK_SEPARATORS}]++|[{_GROUP_MARKS}])?\\d)*+")
_DIGIT = re.compile(r"\d")
# What repr() writes for a character it will not show (a tab as "\\t", NBSP as
# "\\xa0", a zero-width space as "\\u200b"): in the repr of a value that is not
# a string (bytes, an object holding text) such an escape stands where a
# separator stood, so it joins digits into a run. An escape is matched whole
# wherever it stands, so the hex digits inside one never start a run.
_ESCAPE = r"\\(?:[abfnrtv0]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})"
_ESCAPES = re.compile(_ESCAPE)
_ESCAPED_RUN = re.compile(
    f"(?P<escape>{_ESCAPE})|\\d(?:(?:(?:[{_MASK_SEPARATORS}]|{_ESCAPE})++|[{_GROUP_MARKS}])?\\d)*+"
)


class _MaskingRepr(reprlib.Repr):
    # Strings inside containers are masked *before* repr() escapes them: a tab
    # shown as "\\t" would otherwise split a NIK where the mask cannot see it.
    def repr_str(self, x: str, level: int) -> str:
        return super().repr_str(_RUN.sub(_mask_run, x), level)

    # Any other object (bytes, a float, an attrs instance holding text) is
    # masked before it is cut to ``maxother``: reprlib cuts out the middle,
    # which would leave the first digits of a NIK (its region and birth date)
    # on one side of the "..." and too few on either side to be masked after.
    def repr_instance(self, x: object, level: int) -> str:
        try:
            shown = _ESCAPED_RUN.sub(_mask_run, builtins.repr(x))
        except Exception:  # noqa: BLE001 - a broken __repr__ is shown as reprlib would
            return f"<{type(x).__name__} instance at {id(x):#x}>"
        if len(shown) > self.maxother:
            head = max(0, (self.maxother - 3) // 2)
            tail = max(0, self.maxother - 3 - head)
            shown = shown[:head] + "..." + shown[len(shown) - tail :]
        return shown


_REPR = _MaskingRepr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother = 3, 80, 80


def _mask_run(match: re.Match[str]) -> str:
    run = match.group()
    if match.lastgroup == "escape":
        return run
    # The hex digits of an escape inside the run are not digits of the number.
    digits = _DIGIT.findall(_ESCAPES.sub("", run) if "\\" in run else run)
    if len(digits) < MASK_MIN_DIGITS:
        return run
    return "".join(digits[:6]) + "*" * (len(digits) - 10) + "".join(digits[-4:])


# Characters that act on a terminal or a log instead of showing: controls (C0 with
# the line ends, DEL, C1), invisible format characters (bidi overrides, zero
# width) and the line and paragraph separators. Input that holds them could
# recolour a terminal, forge a line of its own in a log or reverse the text
# around it, so mask() shows each as its escape (\x1b, \u202e).
_INERT_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_UNSAFE = re.compile(r"[^\x20-\x7e\u00a0-\u00ac\u00ae-\u1fff]")


def _escape_unsafe(match: re.Match[str]) -> str:
    char = match.group()
    if unicodedata.category(char) not in _INERT_CATEGORIES:
        return char
    return char.encode("unicode_escape", "backslashreplace").decode("ascii")


def printable(text: str) -> str:
    """``text`` with every control, format and line-separator character shown as its escape.

    The rest of mask()'s work on a text that is not a value, such as a file
    path: it keeps every printable character, masks nothing, and is linear.

    >>> print(printable("a\\x1b[31mb\\r\\n\\u202ec"), printable("Jl. Hidayah No. 8"))
    a\\x1b[31mb\\r\\n\\u202ec Jl. Hidayah No. 8
    """
    return _UNSAFE.sub(_escape_unsafe, text)


def _text_of(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        try:
            return str(value)
        except ValueError:  # an int past Python's 4300-digit str() limit
            assert isinstance(value, int)
            return f"<a whole number of {value.bit_length()} bits>"
    try:
        return _REPR.repr(value)
    except ValueError:  # reprlib shows ints with repr(), which has the same limit
        return f"<{type(value).__name__}>"


def mask(value: object, *, limit: int | None = None, quote: bool = False) -> str:
    """``value`` as text that is safe to show: the one way input reaches a message.

    Every run of 12 or more digits (any Unicode decimal digit), with any
    separators between them, is masked whole: it may be a NIK or KK number
    (personal data, UU 27/2022). The first 6 and last 4 digits stay, the
    separators go, the others become ``*``. The separators are those the
    identifier parsers accept (whitespace incl. tab and NBSP, dots, dashes), any
    other Unicode dash, invisible format or control character, and a single
    ``,`` ``'`` or ``_`` between two digits. Text is masked
    *before* it is cut to ``limit`` characters (then ``…`` is added), so a cut
    never leaves part of a number readable; ``quote`` shows it as a ``repr``.
    Values that are not strings are shown with ``str`` (numbers) or a bounded
    ``repr``, masked before reprlib cuts it; there an escape that stands for a
    separator (``\\t``, ``\\xa0``, ``\\u200b``) joins digits like the separator
    itself. Control, format and line-separator characters left over are shown
    as escapes (``\\x1b``), quoted or not, so input cannot act on a terminal or
    forge a line of a log; so is a lone surrogate, which no encoding can print
    (``\\ud800``). Linear in the length of the text.

    >>> mask("got 1871\t0101–0190 0001 and 12-31")  # synthetic NIK, tab and en dash
    'got 187101******0001 and 12-31'
    >>> mask(1871010101900001), mask("AHU-1871 0101 0190 0001", limit=12, quote=True)
    ('187101******0001', "'AHU-187101**'…")
    """
    if isinstance(value, str):
        masked = _RUN.sub(_mask_run, value)
    else:  # a repr, where separators may stand escaped
        masked = _ESCAPED_RUN.sub(_mask_run, _text_of(value))
    if not quote:
        # Control characters and lone surrogates (a file name os.fsdecode()
        # could not decode, a JSON "\ud800", which no encoding can print) are
        # shown escaped; repr() escapes them itself.
        masked = printable(masked)
    cut = masked if limit is None else masked[:limit]
    shown = repr(cut) if quote else cut
    return shown + "…" if len(cut) < len(masked) else shown


def shown_path(path: str | os.PathLike[str]) -> str:
    """A file path as a message shows it: through :func:`mask`, like any input.

    A file named after a person (``usulan_3171010101900001.csv``) is personal
    data in every message that names it, and a name holding an escape
    sequence must not act on the terminal that shows it.

    >>> shown_path("data/usulan_1871010101900001.csv"), shown_path("a\\x1b[2Jb.csv")
    ('data/usulan_187101******0001.csv', 'a\\\\x1b[2Jb.csv')
    """
    return mask(os.fsdecode(path))


def has_long_digit_run(text: str) -> bool:
    """Whether ``text`` holds a run of 12+ digits that :func:`mask` would mask."""
    return any(len(_DIGIT.findall(m.group())) >= MASK_MIN_DIGITS for m in _RUN.finditer(text))


def digits_only(
    raw: object, *, code_prefix: str, what: str, what_id: str, hide: bool = False
) -> str:
    """Normalise ``raw`` to a string of ASCII digits, or raise ValidationError.

    Accepts ``str`` (and ``int`` for convenience, never ``bool``); strips
    spaces, NBSP, dots and dashes; refuses other characters, including
    non-ASCII digits such as ``'١'`` or full-width ``'１'``. ``hide`` keeps the
    raw value out of messages (personal identifiers). ``what`` names the value
    in the English message, ``what_id`` in the Indonesian one.

    >>> digits_only(" 18.71-01 ", code_prefix="x", what="code", what_id="kode")
    '187101'
    >>> digits_only("１２", code_prefix="x", what="code", what_id="kode")
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: a code may contain only the ASCII digits 0-9 ... [x.characters]
    """
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise ValidationError.single(
            f"{code_prefix}.type",
            f"expected a {what} as a string, got {type(raw).__name__}",
            message_id=f"{what_id} harus berupa teks, bukan {type(raw).__name__}",
        )
    # An int is measured before str(): past 4,300 digits str() raises ValueError.
    too_long = isinstance(raw, int) and not -(10**MAX_RAW_LENGTH) < raw < 10**MAX_RAW_LENGTH
    text = "" if too_long else str(raw)
    if too_long or len(text) > MAX_RAW_LENGTH:
        raise ValidationError.single(
            f"{code_prefix}.length",
            f"a {what} is never more than {MAX_RAW_LENGTH} characters long",
            message_id=f"{what_id} tidak pernah lebih dari {MAX_RAW_LENGTH} karakter",
        )
    compact = SEPARATORS.sub("", text)
    if not compact:
        raise ValidationError.single(
            f"{code_prefix}.empty", f"the {what} is empty", message_id=f"{what_id} kosong"
        )
    if not _ASCII_DIGITS.fullmatch(compact):
        shown = "" if hide else f" {mask(text, limit=24, quote=True)}"
        raise ValidationError.single(
            f"{code_prefix}.characters",
            f"a {what} may contain only the ASCII digits 0-9 (and spaces, dots or dashes "
            f"between them), got{shown or ' other characters'}",
            message_id=f"{what_id} hanya boleh berisi angka ASCII 0-9 (dan spasi, titik atau "
            f"tanda hubung di antaranya), diisi{shown or ' karakter lain'}",
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

    #: JSON Schema keywords of the canonical string (``pattern``, ``examples``):
    #: :mod:`koperasi_id.schema` adds them to ``{"type": "string"}``. The
    #: pattern is the form ``str`` writes; ``parse`` also takes the separators
    #: people type, and checks more than a pattern can (every such check raises
    #: a code starting with ``kind``).
    json_schema: ClassVar[Mapping[str, object]] = MappingProxyType({})

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
