"""The items of a JSON array, one at a time, so a large ``.json`` file is never held whole.

The standard library parses whole documents only. This reads the text in
chunks and finds where each item ends (:meth:`json.JSONDecoder.raw_decode`,
with number hooks that convert nothing); it yields each item's *text*, which
the caller parses with its own limits (:func:`koperasi_id._json.loads`). The
nesting is checked before the decoder sees it, so ``[[[[…`` is an error here,
not a RecursionError, and an item may not grow past ``max_item_chars``.

>>> import io
>>> list(iter_json_array(io.StringIO('[{"a": 1.5}, 2 , "x"]')))
['{"a": 1.5}', '2', '"x"']
>>> list(iter_json_array(io.StringIO('{"a": 1}')))
Traceback (most recent call last):
...
koperasi_id._jsonarray.JsonArrayError: the document is not a JSON array (it starts with '{')
>>> list(iter_json_array(io.StringIO('[1, 2')))
Traceback (most recent call last):
...
koperasi_id._jsonarray.JsonArrayError: not valid JSON after item 2: the array is not closed
>>> list(iter_json_array(io.StringIO("[" * 80), max_depth=64))
Traceback (most recent call last):
...
koperasi_id._jsonarray.JsonArrayError: the JSON nests deeper than 64 levels in a record
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from koperasi_id._limits import MAX_JSON_DEPTH, MAX_RECORD_CHARS
from koperasi_id._lines import json_too_deep

__all__ = ["JsonArrayError", "iter_json_array"]

#: Characters read at a time; an item larger than this is read in more chunks.
CHUNK = 1 << 16
_SPACE = " \t\r\n"


class JsonArrayError(ValueError):
    """The text is not a JSON array, breaks off, or holds an item past the limits."""


def _nothing(_: str) -> None:
    return None


# Finds where an item ends; numbers are not converted (a 5,000-digit one is the
# item parser's to refuse), so nothing here depends on their size.
_DECODER = json.JSONDecoder(parse_float=_nothing, parse_int=_nothing, parse_constant=_nothing)


def iter_json_array(
    stream: TextIO,
    *,
    chunk: int = CHUNK,
    max_depth: int = MAX_JSON_DEPTH,
    max_item_chars: int = MAX_RECORD_CHARS,
) -> Iterator[str]:
    """Yield the text of each item of the JSON array in ``stream``, in order."""
    buffer = ""
    pos = 0
    eof = False
    count = 0
    outer = 1  # the first chunk holds the array's own bracket: one level more

    def fill() -> bool:
        nonlocal buffer, pos, eof, outer
        if eof:
            return False
        more = stream.read(chunk)
        if not more:
            eof = True
            return False
        buffer = buffer[pos:] + more
        pos = 0
        # The buffer starts between items (or at an item's start): its nesting
        # is an item's. Checked once per chunk, before the decoder recurses.
        if json_too_deep(buffer, max_depth + outer):
            raise JsonArrayError(f"the JSON nests deeper than {max_depth} levels in a record")
        outer = 0
        return True

    def skip_space() -> str:
        nonlocal pos
        while True:
            while pos < len(buffer) and buffer[pos] in _SPACE:
                pos += 1
            if pos < len(buffer):
                return buffer[pos]
            if not fill():
                return ""

    first = skip_space()
    if first != "[":
        shown = repr(first) if first else "nothing"
        raise JsonArrayError(f"the document is not a JSON array (it starts with {shown})")
    pos += 1
    if skip_space() == "]":
        pos += 1
        _expect_end(skip_space(), count)
        return
    while True:
        skip_space()
        while True:
            try:
                _, end = _DECODER.raw_decode(buffer, pos)
            except json.JSONDecodeError as exc:
                if len(buffer) - pos > max_item_chars:
                    raise JsonArrayError(
                        f"item {count + 1} is longer than {max_item_chars:,} characters"
                    ) from None
                if fill():  # the item may go on in the next chunk
                    continue
                raise JsonArrayError(
                    f"not valid JSON after item {count}: {exc.msg}"
                    if buffer[pos:].strip()
                    else f"not valid JSON after item {count}: the array is not closed"
                ) from None
            # A number at the chunk's end may go on in the next chunk ("12" then "34").
            if end == len(buffer) and not eof and fill():
                continue
            break
        if end - pos > max_item_chars:
            raise JsonArrayError(f"item {count + 1} is longer than {max_item_chars:,} characters")
        text = buffer[pos:end]
        pos = end
        count += 1
        yield text
        sep = skip_space()
        if sep == ",":
            pos += 1
            continue
        if sep == "]":
            pos += 1
            _expect_end(skip_space(), count)
            return
        if not sep:
            raise JsonArrayError(f"not valid JSON after item {count}: the array is not closed")
        raise JsonArrayError(f"not valid JSON after item {count}: expected ',' or ']'")


def _expect_end(rest: str, count: int) -> None:
    if rest:
        raise JsonArrayError(f"not valid JSON after item {count}: text after the closing ']'")
