"""Bounded JSON reading: the one ``loads`` every JSON edge of the library uses.

Python's :func:`json.loads` recurses once per nesting level (``[[[[…]]]]``
ends in ``RecursionError``), turns a 5,000-digit number into an ``int`` and
``1e999999999`` into a float or a huge :class:`~decimal.Decimal`. :func:`loads`
refuses all of that up front with a :class:`~koperasi_id.errors.ValidationError`
whose problem code starts with ``json``:

- text longer than ``max_chars`` (default :data:`MAX_JSON_CHARS`, the record
  limit of the file readers) → ``json.size``;
- nesting deeper than ``max_depth`` (default :data:`MAX_JSON_DEPTH`, the file
  readers' limit), found by the same linear scan they use → ``json.depth``;
- a number longer than :data:`MAX_JSON_NUMBER` characters, written with an
  exponent (``1E+2``, the same answer as the string ``"1E+2"`` gets), or
  ``-0`` → ``json.number``; ``NaN`` and ``Infinity`` → ``json.number``;
- anything else that is not JSON → ``json``.

Numbers with a fraction become :class:`~decimal.Decimal`, so ``12.5`` stays
exact; the converter then applies the number policy to each field, with its
path (:mod:`koperasi_id._numbers`).

>>> loads('{"capital": 12.5, "count": 3}')
{'capital': Decimal('12.5'), 'count': 3}
>>> loads("[" * 100 + "]" * 100)
Traceback (most recent call last):
...
koperasi_id.errors.ValidationError: 1 problem: $: the JSON nests deeper than 64 levels [json.depth]
>>> loads('{"capital": 1e999999999}')
Traceback (most recent call last):
...
koperasi_id.errors.ValidationError: 1 problem: $: ... [json.number]
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from koperasi_id._limits import MAX_JSON_DEPTH, MAX_RECORD_CHARS
from koperasi_id._lines import json_too_deep
from koperasi_id._values import mask
from koperasi_id.errors import ValidationError

__all__ = ["MAX_JSON_CHARS", "MAX_JSON_DEPTH", "MAX_JSON_NUMBER", "loads"]

#: One JSON document is at most this many characters: the file readers' record limit.
MAX_JSON_CHARS = MAX_RECORD_CHARS
#: A JSON number is at most this many characters (the policy's longest is 22).
MAX_JSON_NUMBER = 40


def _bad(code: str, message: str, message_id: str) -> ValidationError:
    return ValidationError.single(code, message, message_id=message_id)


def _number_text(text: str) -> str:
    if len(text) > MAX_JSON_NUMBER:
        raise _bad(
            "json.number",
            f"a JSON number of {len(text)} characters; numbers are at most {MAX_JSON_NUMBER}",
            f"angka JSON sepanjang {len(text)} karakter; angka paling panjang {MAX_JSON_NUMBER}",
        )
    if "e" in text or "E" in text:
        raise _bad(
            "json.number",
            f"the JSON number {mask(text, limit=40, quote=True)} uses exponent notation; "
            "write it out in full (100, not 1E+2)",
            f"angka JSON {mask(text, limit=40, quote=True)} memakai notasi eksponen; "
            "tulis lengkap (100, bukan 1E+2)",
        )
    if text.startswith("-") and not text.strip("-0."):
        raise _bad(
            "json.number",
            "a minus sign on zero is not a number; write 0",
            "tanda minus pada nol bukan angka; tulis 0",
        )
    return text


def _decimal(text: str) -> Decimal:
    return Decimal(_number_text(text))


def _int(text: str) -> int:
    return int(_number_text(text))


def _constant(name: str) -> Any:
    raise _bad("json.number", f"{name} is not a JSON number", f"{name} bukan angka JSON")


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        shown = mask(twice, limit=40, quote=True)
        raise _bad(
            "json.duplicate_key",
            f"the key {shown} appears twice in one object; only one value can count",
            f"kunci {shown} muncul dua kali dalam satu objek; hanya satu nilai yang berlaku",
        )
    return found


def loads(
    text: str | bytes | bytearray,
    *,
    max_chars: int | None = MAX_JSON_CHARS,
    max_depth: int = MAX_JSON_DEPTH,
    unique_keys: bool = False,
) -> Any:
    """Parse one JSON document within the limits above, or raise ValidationError.

    ``max_chars=None`` lifts the size limit (a whole ``.json`` input file,
    read record by record afterwards); depth and numbers stay bounded.
    ``unique_keys`` refuses an object that names a key twice
    (``json.duplicate_key``) instead of keeping the last value.

    >>> loads('{"a": 1, "a": 2}', unique_keys=True)
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: the key 'a' appears twice in one object... [json.duplicate_key]
    """
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode(json.detect_encoding(text), "surrogatepass")
        except UnicodeDecodeError:
            raise _bad(
                "json",
                "not valid JSON: the bytes are not UTF-8, UTF-16 or UTF-32",
                "bukan JSON yang sah: bita-bitanya bukan UTF-8, UTF-16 atau UTF-32",
            ) from None
    if not isinstance(text, str):
        raise _bad(
            "json",
            f"expected JSON text, got {type(text).__name__}",
            f"harus teks JSON, bukan {type(text).__name__}",
        )
    if max_chars is not None and len(text) > max_chars:
        raise _bad(
            "json.size",
            f"JSON of {len(text)} characters; at most {max_chars}",
            f"JSON sepanjang {len(text)} karakter; paling banyak {max_chars}",
        )
    if json_too_deep(text, max_depth):
        raise _bad(
            "json.depth",
            f"the JSON nests deeper than {max_depth} levels",
            f"JSON bersarang lebih dari {max_depth} tingkat",
        )
    try:
        return json.loads(
            text,
            parse_float=_decimal,
            parse_int=_int,
            parse_constant=_constant,
            object_pairs_hook=_unique if unique_keys else None,
        )
    except ValidationError:
        raise
    except ValueError as exc:
        raise _bad("json", f"not valid JSON: {exc}", f"bukan JSON yang sah: {exc}") from None
