"""Streaming record files for the command line and batch jobs.

Reads CSV (UTF-8 with or without BOM, ``,`` ``;`` or tab detected from the
header) and JSON Lines and JSON arrays one record at a time, with the line number of each
record. A record that cannot be read cleanly (bad UTF-8, more cells than the
header, a JSON line that is not an object) still comes out, carrying its
problems, so that every input record gives exactly one output record.

Every part of a file has a limit (:mod:`koperasi_id._limits`): a cell, a
line, a record, the columns of the header, the nesting of a JSON record. A
record past one is a problem of that record, with its line number, and
reading goes on; a header past one makes the file unreadable. All work is
linear in the size of the file. A quote left open ends its record on its own
line, and the lines after it are read again as records (:mod:`koperasi_id._lines`).

The JSON Lines and JSON array records are read in
:mod:`koperasi_id._json_records`; writing records is :mod:`koperasi_id._output`.
"""

from __future__ import annotations

import csv
import enum
import io
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TextIO

from koperasi_id._atomic import OutputError, atomic_output
from koperasi_id._input_records import (
    InputRecord,
    _cell_problem,
    _has_surrogates,
    _long_line,
    _problem_record,
    _unclosed_quote,
)
from koperasi_id._json_records import json_array_records, jsonl_records
from koperasi_id._jsonarray import JsonArrayError
from koperasi_id._limits import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_LINE_CHARS,
    MAX_RECORD_CHARS,
    SHOWN_NAME_CHARS,
)
from koperasi_id._lines import (
    CsvLines,
    LongLine,
    NumberedLines,
    Unclosed,
    first_record,
)
from koperasi_id._values import has_long_digit_run, mask, shown_path
from koperasi_id.errors import KoperasiIdError, Problem

__all__ = [
    "FileFormat",
    "InputError",
    "InputRecord",
    "OutputError",
    "RecordReader",
    "atomic_output",
    "detect_delimiter",
    "open_records",
]

_DELIMITERS = (",", ";", "\t")
# A letter of any script: column names have one, numbers and dates do not.
_LETTER = re.compile(r"[^\W\d_]")


class InputError(KoperasiIdError):
    """A file that cannot be read as records at all (missing, empty, no header)."""


class FileFormat(enum.Enum):
    """Record file formats."""

    CSV = "csv"
    JSONL = "jsonl"
    JSON = "json"

    @classmethod
    def from_path(cls, path: str | os.PathLike[str]) -> FileFormat:
        """Guess from the extension: ``.jsonl``/``.ndjson`` → JSONL, ``.json`` → JSON, else CSV."""
        suffix = Path(path).suffix.lower()
        if suffix in {".jsonl", ".ndjson"}:
            return cls.JSONL
        if suffix == ".json":
            return cls.JSON
        return cls.CSV


def _check_header(path: Path, header: Sequence[str]) -> None:
    named = [name for name in header if name]
    figures = sum(1 for name in named if not _LETTER.search(name))
    if any(has_long_digit_run(name) for name in named) or 2 * figures > len(named):
        # Read as a header, the first record would be lost and its values
        # (a NIK, a KK) would become column names quoted in every row.
        raise InputError(
            f"{shown_path(path)}: the first row looks like data, not a header ({figures} of its "
            f"{len(header)} cells are numbers or identifiers, not column names): does the "
            "file lack a header row? Add the header row the file format documents"
        )
    seen: set[str] = set()
    repeated: dict[str, None] = {}  # in file order, once each
    for name in header:
        if name in seen:
            repeated[name] = None
        seen.add(name)
    if repeated:
        shown = [mask(name, limit=40, quote=True) for name in list(repeated)[:5]]
        more = f" and {len(repeated) - 5} more" if len(repeated) > 5 else ""
        raise InputError(
            f"{shown_path(path)}: duplicate column names in the header: {', '.join(shown)}{more}"
        )


def detect_delimiter(header_line: str) -> str:
    """The delimiter of a CSV file from its header line: the commonest of ``,`` ``;`` tab.

    >>> detect_delimiter("nik;nama;alamat_ktp"), detect_delimiter("nik"), detect_delimiter("a\\tb")
    (';', ',', '\\t')
    """
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    found = max(_DELIMITERS, key=lambda d: counts[d])
    return found if counts[found] else ","


class RecordReader:
    """Iterate the records of one file, streaming. Use :func:`open_records`."""

    def __init__(self, path: str | os.PathLike[str], fmt: FileFormat | None = None) -> None:
        self.path = Path(path)
        self.format = fmt or FileFormat.from_path(self.path)
        self.delimiter: str | None = None
        self.header: tuple[str, ...] = ()
        self._read_elsewhere = 0
        self.warnings: list[str] = []
        try:
            self._binary: IO[bytes] = self._open()
        except FileNotFoundError:
            raise InputError(f"{shown_path(self.path)}: no such file; check the path") from None
        except IsADirectoryError:
            raise InputError(f"{shown_path(self.path)}: is a directory, not a file") from None
        except PermissionError:
            raise InputError(f"{shown_path(self.path)}: permission denied") from None
        except OSError as err:
            # A name too long, a path through a file, a loop of links: the input
            # cannot be read (exit 1), whatever the reason the system gives.
            raise InputError(
                f"{shown_path(self.path)}: cannot be read ({err.strerror or type(err).__name__})"
            ) from None
        status = os.fstat(self._binary.fileno())
        self.size = status.st_size
        #: A regular file, which can be read again from any offset; a pipe, or
        #: standard input, can be read once.
        self.regular = stat.S_ISREG(status.st_mode) and os.fspath(path) != "-"
        # A pipe or a FIFO (`<(zcat usulan.csv.gz)`) has no size until it is read:
        # only a regular file of size 0 is known to be empty here; the header
        # check below finds an empty pipe.
        if self.size == 0 and self.regular:
            self._binary.close()
            raise InputError(
                f"{shown_path(self.path)}: the file is empty; a CSV file needs a header row, "
                "a JSON Lines file one object per line"
            )
        self._text: TextIO = io.TextIOWrapper(
            self._binary, encoding="utf-8-sig", errors="surrogateescape", newline=""
        )
        self._header_lines = 0
        self._resumed: TextIO | None = None
        if self.format is FileFormat.CSV:
            try:
                self._start_csv()
            except InputError:
                self._text.close()
                raise

    def _open(self) -> IO[bytes]:
        if os.fspath(self.path) == "-":  # standard input, as `cat f.csv | koperasi-id ...`
            return os.fdopen(os.dup(sys.stdin.fileno()), "rb")
        return self.path.open("rb")

    def close(self) -> None:
        """Close the file."""
        self._text.close()
        if self._resumed is not None:
            self._resumed.close()

    @property
    def header_lines(self) -> int:
        """The lines before the first record's: blank lines, then the header (CSV)."""
        return self._header_lines

    def csv_records_from(self, offset: int, line: int) -> Iterator[InputRecord]:
        """The CSV records from byte ``offset``, a line start past the header, numbered from ``line``.

        For a batched reader that split the lines before ``offset`` itself
        (whole lines, no quote open): the records are those iteration would give
        from there. This reader's own iteration is then over.
        """
        if self.format is not FileFormat.CSV or offset < 0 or line <= self._header_lines:
            raise ValueError("a CSV file's records resume at a line past its header")
        handle = self.path.open("rb")
        handle.seek(offset)
        # Not utf-8-sig: a byte-order mark is only one at the start of the file.
        self._resumed = io.TextIOWrapper(
            handle, encoding="utf-8", errors="surrogateescape", newline=""
        )
        return self.csv_records_in(NumberedLines(self._resumed, first=line))

    def csv_records_in(self, lines: Iterator[tuple[int, str | None]]) -> Iterator[InputRecord]:
        """The CSV records of numbered ``lines`` of this file, with its header and delimiter.

        ``lines`` (as :class:`~koperasi_id._lines.NumberedLines` gives them) start
        past the header, where no quoted cell is open.
        """
        if self.format is not FileFormat.CSV:
            raise ValueError("only a CSV file's lines are read as CSV records")
        return self._csv_records(lines)

    def __enter__(self) -> RecordReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def bytes_read(self) -> int:
        """Bytes consumed so far (for progress display), by this reader or a batched one."""
        try:
            own = self._binary.tell()
        except (OSError, ValueError):
            own = 0
        return max(own, self._read_elsewhere)

    def read_elsewhere(self, position: int) -> None:
        """A batched reader of the same file has read it up to byte ``position``.

        The progress line then moves while that reader, not this one, reads.
        """
        self._read_elsewhere = position

    def _start_csv(self) -> None:
        self._lines = NumberedLines(self._text, first=1)
        number, first = 0, ""
        for number, line in self._lines:  # noqa: B007 - the header's line number is kept
            if line is None:
                raise InputError(
                    f"{shown_path(self.path)}: the header row is longer than {MAX_LINE_CHARS:,} characters; "
                    "this is not a record file"
                )
            first = line
            if first.strip():
                break
        if not first.strip():
            raise InputError(
                f"{shown_path(self.path)}: no header row found; the file has only blank lines"
            )
        try:
            # The header is the whole first record: a quoted column name may hold
            # line breaks. A first line that is not UTF-8 text is refused below as it is.
            if not (_has_surrogates(first) or "\x00" in first):
                number, first = first_record((number, first), self._lines)
        except LongLine:
            raise InputError(
                f"{shown_path(self.path)}: the header row is longer than {MAX_LINE_CHARS:,} characters; "
                "this is not a record file"
            ) from None
        except Unclosed:
            raise InputError(
                f"{shown_path(self.path)}: a quote in the header row does not close before the end "
                f"of the file or {MAX_LINE_CHARS:,} characters; check the quotes in the header row"
            ) from None
        self._header_lines = number
        self.delimiter = detect_delimiter(first)
        if csv.field_size_limit() <= MAX_RECORD_CHARS:
            # The line and record limits bound a cell; csv's own (128 KiB by
            # default) would end the record in the middle, losing its line.
            csv.field_size_limit(MAX_RECORD_CHARS + 1)
        header = next(csv.reader(io.StringIO(first, newline=""), delimiter=self.delimiter))
        if _has_surrogates(first) or "\x00" in first:
            # NUL bytes between ASCII letters, or an FF FE / FE FF start: UTF-16,
            # which Excel writes as "Unicode Text".
            utf16 = "\x00" in first or first.startswith(("\udcff\udcfe", "\udcfe\udcff"))
            raise InputError(
                f"{shown_path(self.path)}: the header row is not valid UTF-8"
                + ("; the file looks like UTF-16 (Excel's 'Unicode Text')" if utf16 else "")
                + "; save the file as 'CSV UTF-8'"
            )
        if len(header) > MAX_COLUMNS:
            raise InputError(
                f"{shown_path(self.path)}: the header has {len(header):,} columns; "
                f"at most {MAX_COLUMNS:,} are read (Excel's own limit)"
            )
        self.header = tuple(h.strip() for h in header)
        _check_header(self.path, self.header)
        if len(self.header) == 1 and any(c in first for c in "|:"):
            self.warnings.append(
                f"the header has a single column ({mask(self.header[0], limit=60, quote=True)}); "
                "the delimiter must be ',', ';' or tab"
            )

    def __iter__(self) -> Iterator[InputRecord]:
        if self.format is FileFormat.CSV:
            return self._csv_records()
        if self.format is FileFormat.JSONL:
            return self._jsonl_records()
        return self._json_records()

    def rows_or_records(self) -> Iterator[tuple[int, list[str]] | InputRecord]:
        """The records of iteration, except that a clean CSV row comes as ``(line, cells)``.

        Clean: one line without a quote, as many cells as the header has
        columns, none past the cell limit, no NUL, valid UTF-8 (its record
        has no problem). :meth:`record_of` makes its record, the one
        iteration gives; a caller that needs only the cells skips the dict.

        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "f.csv")
        ...     _ = path.write_text('a,b\\n1,2\\n3\\n"4",5\\n', encoding="utf-8")
        ...     with open_records(path) as reader:
        ...         items = list(reader.rows_or_records())
        ...         first = reader.record_of(*items[0])
        >>> items[0], [(r.line, dict(r.data)) for r in items[1:]]
        ((2, ['1', '2']), [(3, {'a': '3', 'b': None}), (4, {'a': '4', 'b': '5'})])
        >>> first == InputRecord(line=2, data={"a": "1", "b": "2"})
        True
        """
        if self.format is FileFormat.CSV:
            return self._csv_records(clean=True)
        return iter(self)

    def record_of(self, line: int, cells: list[str]) -> InputRecord:
        """The record of a clean row from :meth:`rows_or_records`."""
        return InputRecord(line=line, data=dict(zip(self.header, cells, strict=True)))

    def _csv_records(
        self, numbered: Iterator[tuple[int, str | None]] | None = None, *, clean: bool = False
    ) -> Iterator[Any]:
        delimiter = self.delimiter
        assert delimiter is not None
        width = len(self.header)
        feed = CsvLines(
            self._lines if numbered is None else numbered,
            delimiter=delimiter,
            width=width,
        )
        next_line, push, take, record = feed.next_line, feed.push, feed.take, self._csv_record
        reader = csv.reader(feed, delimiter=delimiter)
        while True:
            try:
                number, line, again = next_line()
            except StopIteration:
                return
            if line is None:
                yield _long_line(number, flat=True)
                continue
            if '"' not in line:
                # No quote: the line is a record of its own, and its cells are
                # what csv.reader gives (a line holds one line end, at its end).
                cells = line.rstrip("\r\n").split(delimiter)
                if len(cells) > 1 or cells[0].strip():  # else a blank line: not a record
                    if (
                        clean
                        and len(cells) == width
                        and len(line) <= MAX_CELL_CHARS
                        and "\x00" not in line
                        and not _has_surrogates(line)
                    ):
                        yield number, cells  # what _csv_record would find no problem in
                    else:
                        yield record(cells, number, len(line))
                continue
            push(number, line, again)
            found: InputRecord | None = None
            try:
                cells = next(reader)
                lines = take()
                if cells and (len(cells) > 1 or cells[0].strip()):
                    found = record(cells, lines[-1][0], feed.chars)
            except Unclosed:
                lines = take()
                found = _unclosed_quote(lines[0][0], len(lines) > 1)
                feed.read_again(lines[1:])
            except LongLine as long_line:
                take()
                found = _long_line(long_line.number, flat=True)
            except csv.Error as exc:
                lines = take()
                found = _problem_record(
                    lines[0][0],
                    "csv",
                    f"unreadable CSV row: {exc}",
                    f"baris CSV tidak dapat dibaca: {exc}",
                )
            else:
                if found is not None:
                    yield found
                continue
            # A fresh csv.reader after every stop: the old one may be inside a cell.
            reader = csv.reader(feed, delimiter=delimiter)
            yield found

    def _csv_record(self, cells: list[str], line: int, chars: int) -> InputRecord:
        header = self.header
        width = len(header)
        problems: list[Problem] = []
        if len(cells) > width:
            problems.append(
                Problem(
                    path="$",
                    code="row.extra_cells",
                    message=f"the row has {len(cells)} cells but the header has {width} columns",
                    message_id=f"baris ini memiliki {len(cells)} sel tetapi header memiliki "
                    f"{width} kolom",
                )
            )
        if (
            chars > MAX_CELL_CHARS
            or "\x00" in (joined := "".join(cells))
            or (not joined.isascii() and _has_surrogates(joined))  # ASCII has none
        ):
            # rare: find the cells at fault; none of them reaches a value parser
            data: dict[str, str | None] = {}
            for i, name in enumerate(header):
                value = cells[i] if i < len(cells) else None
                problem = None if value is None else _cell_problem(value)
                if problem is not None:
                    code, message, message_id = problem
                    problems.append(
                        Problem(
                            path=f"$.{mask(name, limit=SHOWN_NAME_CHARS)}",
                            code=code,
                            message=message,
                            message_id=message_id,
                        )
                    )
                    value = None
                data[name] = value
            return InputRecord(line=line, data=data, problems=tuple(problems))
        if len(cells) >= width:
            return InputRecord(
                line=line, data=dict(zip(header, cells, strict=False)), problems=tuple(problems)
            )
        padded = [*cells, *([None] * (width - len(cells)))]
        return InputRecord(
            line=line, data=dict(zip(header, padded, strict=True)), problems=tuple(problems)
        )

    def _jsonl_records(self) -> Iterator[InputRecord]:
        yield from jsonl_records(self._text)

    def _json_records(self) -> Iterator[InputRecord]:
        try:
            yield from json_array_records(self._text)
        except JsonArrayError as exc:
            raise InputError(
                f"{shown_path(self.path)}: {exc}; a .json input must be an array of objects"
            ) from None


def open_records(path: str | os.PathLike[str], fmt: FileFormat | None = None) -> RecordReader:
    """Open a record file for streaming; raises :class:`InputError` if it cannot be read."""
    return RecordReader(path, fmt)
