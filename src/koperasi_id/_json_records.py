"""JSON Lines and JSON array record files, one record at a time (private).

The JSON side of :class:`koperasi_id._io.RecordReader`: a line or an array
item that is not an object, nests too deep or names a key twice still comes
out as a record, carrying its problems. An array that is not one
(``JsonArrayError``) is the reader's to report: it names the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from koperasi_id import _json
from koperasi_id._input_records import (
    InputRecord,
    _has_surrogates,
    _long_line,
    _not_object,
    _problem_record,
)
from koperasi_id._jsonarray import iter_json_array
from koperasi_id._limits import MAX_JSON_DEPTH
from koperasi_id._lines import NumberedLines, json_too_deep
from koperasi_id.errors import ValidationError

__all__ = ["json_array_records", "jsonl_records"]


def jsonl_records(stream: TextIO) -> Iterator[InputRecord]:
    """The records of a JSON Lines file: one per non-blank line, numbered from 1."""
    for number, text in NumberedLines(stream, first=1):
        if text is None:
            yield _long_line(number, flat=False)
            continue
        if not text.strip():
            continue
        if _has_surrogates(text):
            yield _problem_record(
                number,
                "encoding",
                "the line is not valid UTF-8",
                "baris ini bukan UTF-8 yang sah",
                flat=False,
            )
            continue
        if json_too_deep(text):
            yield _problem_record(
                number,
                "json.depth",
                f"the JSON nests deeper than {MAX_JSON_DEPTH} levels",
                f"JSON bersarang lebih dari {MAX_JSON_DEPTH} tingkat",
                flat=False,
            )
            continue
        try:
            # Bounded already; a key named twice would drop one of its values.
            value = _json.loads(text, max_chars=None, unique_keys=True)
        except ValidationError as err:
            yield InputRecord(line=number, data={}, problems=err.problems, flat=False)
            continue
        if not isinstance(value, dict):
            yield _not_object(number, value)
            continue
        yield InputRecord(line=number, data=value, flat=False)


def json_array_records(stream: TextIO) -> Iterator[InputRecord]:
    """The records of a JSON array, numbered from 1; raises JsonArrayError if it is not one."""
    # Item by item: an array of a million records is never held whole. Each
    # item is parsed within the record limits, its problems its own.
    for number, text in enumerate(iter_json_array(stream), start=1):
        try:
            item = _json.loads(text, unique_keys=True)
        except ValidationError as err:
            yield InputRecord(line=number, data={}, problems=err.problems, flat=False)
            continue
        if isinstance(item, dict):
            yield InputRecord(line=number, data=item, flat=False)
        else:
            yield _not_object(number, item)
