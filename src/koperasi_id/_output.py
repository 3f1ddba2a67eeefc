"""Streaming output of record files: CSV, JSON Lines or a JSON array, and progress.

The writing side of :mod:`koperasi_id._io`: the command line and batch jobs
write one flat record per input record, a cell's text the same whichever
path (:meth:`RecordWriter.write` or :meth:`RecordWriter.write_cells`) wrote it.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from koperasi_id._io import FileFormat
from koperasi_id.serialization import decimal_text

if TYPE_CHECKING:
    from koperasi_id._io import RecordReader

__all__ = ["Progress", "RecordWriter", "inert_cell"]


def _json_default(value: object) -> Any:
    if isinstance(value, Decimal):
        return decimal_text(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


class RecordWriter:
    """Write flat records as CSV, JSON Lines or a JSON array, streaming.

    CSV needs its columns up front (``columns``); extra keys are an error,
    missing keys are written empty.
    """

    def __init__(
        self, stream: TextIO, fmt: FileFormat, *, columns: Sequence[str] = (), delimiter: str = ","
    ) -> None:
        self.stream = stream
        self.format = fmt
        self.count = 0
        self._csv: Any = None
        if fmt is FileFormat.CSV:
            self._csv = csv.DictWriter(
                stream, fieldnames=list(columns), delimiter=delimiter, lineterminator="\n"
            )
            self._csv.writeheader()
            self._column_set = frozenset(self._csv.fieldnames)
        elif fmt is FileFormat.JSON:
            stream.write("[")

    def write(self, record: Mapping[str, Any]) -> None:
        """Write one record."""
        if self.format is FileFormat.CSV:
            fields = self._csv.fieldnames
            if record.keys() == self._column_set:
                # The common case, one record per row of output: cells in column
                # order straight to the csv writer (DictWriter's check would fail
                # on a key outside the columns, which the slow path still raises).
                get = record.get
                self._csv.writer.writerow([_cell_text(get(k)) for k in fields])
            else:
                self._csv.writerow({k: _cell_text(v) for k, v in record.items()})
        elif self.format is FileFormat.JSONL:
            self.stream.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
        else:
            self.stream.write(("," if self.count else "") + "\n")
            self.stream.write(json.dumps(record, ensure_ascii=False, default=_json_default))
        self.count += 1

    def write_cells(self, cells: list[str]) -> None:
        """Write one CSV row of text cells already in column order (the hot path of a screening).

        The same bytes as :meth:`write` of the record whose cells these are.
        """
        if self.format is not FileFormat.CSV or len(cells) != len(self._csv.fieldnames):
            raise ValueError("write_cells takes one text cell per CSV column")
        self._csv.writer.writerow(cells)
        self.count += 1

    def close(self) -> None:
        """Finish the file (closes a JSON array); does not close the stream."""
        if self.format is FileFormat.JSON:
            self.stream.write("\n]\n" if self.count else "]\n")
        self.stream.flush()


#: What makes a spreadsheet read a cell as a formula (CSV injection, CWE-1236).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(text: str) -> str:
    """A CSV cell of free text that a spreadsheet shows as text, never runs as a formula.

    For cells whose text came from input (the names and citations of a
    ``--rules`` file): one starting with ``=`` ``+`` ``-`` ``@`` gets a leading
    ``'``, as OWASP advises. Numbers the command writes itself are not passed
    through it, so ``-5`` stays a number.

    >>> print(inert_cell("=SUM(A1)"), inert_cell("Pasal 18"))
    '=SUM(A1) Pasal 18
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell_text(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return value  # type: ignore[no-any-return]
    if value is None:
        return ""
    if kind is int:
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "|".join(_cell_text(v) for v in value)
    if isinstance(value, Decimal):
        return decimal_text(value)
    return str(value)


class Progress:
    """A one-line progress indicator on stderr, only when it is a terminal."""

    def __init__(self, reader: RecordReader, *, min_bytes: int = 5_000_000) -> None:
        self._reader = reader
        self._on = sys.stderr.isatty() and reader.size >= min_bytes
        self._count = 0

    @property
    def shown(self) -> bool:
        """Whether the indicator is drawn (a loop may skip :meth:`tick` when it is not)."""
        return self._on

    def tick(self) -> None:
        """Count one record; redraw every 10,000."""
        self._count += 1
        if self._on and self._count % 10_000 == 0:
            share = 100 * self._reader.bytes_read / max(self._reader.size, 1)
            sys.stderr.write(f"\r{self._count:,} records ({share:.0f}%)")
            sys.stderr.flush()

    def done(self) -> None:
        """Clear the line."""
        if self._on:
            sys.stderr.write("\r" + " " * 40 + "\r")
            sys.stderr.flush()
