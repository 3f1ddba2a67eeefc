"""The records a file read gives: :class:`InputRecord`, and those that carry a read problem.

Every input record gives exactly one output record, so a line that cannot be
read (a quote left open, a line past the limit, a JSON value that is not an
object, a cell that is not text) still becomes a record: no data, one
problem with its code and both messages. :mod:`koperasi_id._io` reads files
into these.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from koperasi_id._limits import MAX_CELL_CHARS, MAX_LINE_CHARS
from koperasi_id._lines import unclosed_quote_message
from koperasi_id.errors import Problem

__all__ = ["InputRecord"]


@attrs.frozen
class InputRecord:
    """One record as read: its line number, the raw data, and read problems.

    ``line`` is the file line on which the record ends (the same as where it
    starts unless a quoted cell spans lines); for JSON arrays, the item number.

    ``flat`` is True for CSV rows (column → text) and False for JSON objects
    (already nested).
    """

    line: int
    data: Mapping[str, Any]
    problems: tuple[Problem, ...] = ()
    flat: bool = True


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _problem_record(
    line: int, code: str, message: str, message_id: str, *, flat: bool = True
) -> InputRecord:
    problem = Problem(path="$", code=code, message=message, message_id=message_id)
    return InputRecord(line=line, data={}, problems=(problem,), flat=flat)


def _unclosed_quote(line: int, more: bool) -> InputRecord:
    return _problem_record(
        line, "csv.quote", unclosed_quote_message(more), unclosed_quote_message(more, "id")
    )


def _long_line(line: int, *, flat: bool) -> InputRecord:
    return _problem_record(
        line,
        "line.too_long",
        f"the line is longer than {MAX_LINE_CHARS:,} characters; it was skipped",
        f"baris lebih panjang dari {MAX_LINE_CHARS:,} karakter; baris itu dilewati",
        flat=flat,
    )


def _not_object(line: int, value: object) -> InputRecord:
    return _problem_record(
        line,
        "type.object",
        f"expected a JSON object, got {type(value).__name__}",
        f"harus berupa objek JSON, bukan {type(value).__name__}",
        flat=False,
    )


def _cell_problem(value: str) -> tuple[str, str, str] | None:
    if len(value) > MAX_CELL_CHARS:
        return (
            "cell.too_long",
            f"the cell is longer than {MAX_CELL_CHARS:,} characters",
            f"isi sel lebih panjang dari {MAX_CELL_CHARS:,} karakter",
        )
    if _has_surrogates(value):
        return "encoding", "the cell is not valid UTF-8", "isi sel bukan UTF-8 yang sah"
    if "\x00" in value:
        return (
            "encoding",
            "the cell holds a NUL byte (binary data, not text)",
            "isi sel memuat bita NUL (data biner, bukan teks)",
        )
    return None
