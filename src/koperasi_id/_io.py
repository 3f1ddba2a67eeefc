"""Streaming record files for the command line and batch jobs.

Reads CSV (UTF-8 with or without BOM, ``,`` ``;`` or tab detected from the
header) and JSON Lines one record at a time, with the line number of each
record. A record that cannot be read cleanly (bad UTF-8, more cells than the
header, a JSON line that is not an object) still comes out, carrying its
problems, so that every input record gives exactly one output record.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, TextIO

import attrs

from koperasi_id.errors import KoperasiIdError, Problem
from koperasi_id.serialization import decimal_text

__all__ = [
    "FileFormat",
    "InputError",
    "InputRecord",
    "RecordReader",
    "RecordWriter",
    "detect_delimiter",
    "open_records",
]

#: Largest CSV cell accepted (a 1 MB address is junk, but it is read and reported, not fatal).
MAX_FIELD_BYTES = 16 * 1024 * 1024
_DELIMITERS = (",", ";", "\t")


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


def _swallowed_rows(cells: Sequence[str], delimiter: str, width: int) -> bool:
    # A stray opening quote makes the csv module read on, across line ends,
    # to the next quote: whole rows end up inside one cell. A multi-line
    # address does not hold a line with (nearly) a row's worth of delimiters.
    enough = max(width - 1, 2)
    for cell in cells:
        if "\n" in cell or "\r" in cell:
            for part in cell.splitlines():
                if part.count(delimiter) >= enough:
                    return True
    return False


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
        self.warnings: list[str] = []
        try:
            self._binary: IO[bytes] = self.path.open("rb")
        except FileNotFoundError:
            raise InputError(f"{self.path}: no such file; check the path") from None
        except IsADirectoryError:
            raise InputError(f"{self.path}: is a directory, not a file") from None
        except PermissionError:
            raise InputError(f"{self.path}: permission denied") from None
        self.size = self.path.stat().st_size
        if self.size == 0:
            self._binary.close()
            raise InputError(
                f"{self.path}: the file is empty; a CSV file needs a header row, "
                "a JSON Lines file one object per line"
            )
        self._text: TextIO = io.TextIOWrapper(
            self._binary, encoding="utf-8-sig", errors="surrogateescape", newline=""
        )
        self._header_lines = 0
        if self.format is FileFormat.CSV:
            try:
                self._start_csv()
            except InputError:
                self._text.close()
                raise

    def close(self) -> None:
        """Close the file."""
        self._text.close()

    def __enter__(self) -> RecordReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def bytes_read(self) -> int:
        """Bytes consumed so far (for progress display)."""
        try:
            return self._binary.tell()
        except (OSError, ValueError):
            return 0

    def _start_csv(self) -> None:
        first = self._text.readline()
        self._header_lines = 1
        while first and not first.strip():
            first = self._text.readline()
            self._header_lines += 1
        if not first:
            raise InputError(f"{self.path}: no header row found; the file has only blank lines")
        self.delimiter = detect_delimiter(first)
        csv.field_size_limit(MAX_FIELD_BYTES)
        header = next(csv.reader([first], delimiter=self.delimiter))
        self.header = tuple(h.strip() for h in header)
        if _has_surrogates(first) or "\x00" in first:
            # NUL bytes between ASCII letters, or an FF FE / FE FF start: UTF-16,
            # which Excel writes as "Unicode Text".
            utf16 = "\x00" in first or first.startswith(("\udcff\udcfe", "\udcfe\udcff"))
            raise InputError(
                f"{self.path}: the header row is not valid UTF-8"
                + ("; the file looks like UTF-16 (Excel's 'Unicode Text')" if utf16 else "")
                + "; save the file as 'CSV UTF-8'"
            )
        duplicates = sorted({h for h in self.header if self.header.count(h) > 1})
        if duplicates:
            raise InputError(
                f"{self.path}: duplicate column names in the header: {', '.join(duplicates)}"
            )
        if len(self.header) == 1 and any(c in first for c in "|:"):
            self.warnings.append(
                f"the header has a single column ({self.header[0][:60]!r}); "
                "the delimiter must be ',', ';' or tab"
            )

    def __iter__(self) -> Iterator[InputRecord]:
        if self.format is FileFormat.CSV:
            return self._csv_records()
        if self.format is FileFormat.JSONL:
            return self._jsonl_records()
        return self._json_records()

    def _csv_records(self) -> Iterator[InputRecord]:
        assert self.delimiter is not None
        reader = csv.reader(self._text, delimiter=self.delimiter)
        header = self.header
        width = len(header)
        last_line = self._header_lines
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                last_line = reader.line_num + self._header_lines
                yield InputRecord(
                    line=last_line,
                    data={},
                    problems=(Problem(path="$", code="csv", message=f"unreadable CSV row: {exc}"),),
                )
                continue
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                last_line = reader.line_num + self._header_lines
                continue  # blank line: not a record
            # csv counts the lines it read itself; the header (and blank lines above it) came first.
            line = reader.line_num + self._header_lines
            first_line, last_line = last_line + 1, line
            problems: list[Problem] = []
            if line > first_line and _swallowed_rows(cells, self.delimiter, width):
                problems.append(
                    Problem(
                        path="$",
                        code="csv.quote",
                        message=f"a quote opened on line {first_line} closes only on line "
                        f"{line}, so the rows between were read as one cell; "
                        f"check the quotes on line {first_line}",
                    )
                )
            if len(cells) > width:
                problems.append(
                    Problem(
                        path="$",
                        code="row.extra_cells",
                        message=f"the row has {len(cells)} cells but the header has {width} columns",
                    )
                )
            joined = "".join(cells)
            if "\x00" in joined or _has_surrogates(joined):  # rare: find the cells at fault
                data: dict[str, str | None] = {}
                for i, name in enumerate(header):
                    value = cells[i] if i < len(cells) else None
                    if value is not None and _has_surrogates(value):
                        problems.append(
                            Problem(
                                path=f"$.{name}",
                                code="encoding",
                                message="the cell is not valid UTF-8",
                            )
                        )
                        value = None
                    elif value is not None and "\x00" in value:
                        problems.append(
                            Problem(
                                path=f"$.{name}",
                                code="encoding",
                                message="the cell holds a NUL byte (binary data, not text)",
                            )
                        )
                        value = None
                    data[name] = value
            elif len(cells) >= width:
                data = dict(zip(header, cells, strict=False))
            else:
                data = dict(zip(header, [*cells, *([None] * (width - len(cells)))], strict=True))
            yield InputRecord(line=line, data=data, problems=tuple(problems))

    def _jsonl_records(self) -> Iterator[InputRecord]:
        for number, text in enumerate(self._text, start=1):
            if not text.strip():
                continue
            if _has_surrogates(text):
                yield InputRecord(
                    line=number,
                    data={},
                    problems=(
                        Problem(path="$", code="encoding", message="the line is not valid UTF-8"),
                    ),
                    flat=False,
                )
                continue
            try:
                value = json.loads(text, parse_float=Decimal)
            except ValueError as exc:
                problem = Problem(path="$", code="json", message=f"not valid JSON: {exc}")
                yield InputRecord(line=number, data={}, problems=(problem,), flat=False)
                continue
            if not isinstance(value, dict):
                problem = Problem(
                    path="$",
                    code="type.object",
                    message=f"expected a JSON object, got {type(value).__name__}",
                )
                yield InputRecord(line=number, data={}, problems=(problem,), flat=False)
                continue
            yield InputRecord(line=number, data=value, flat=False)

    def _json_records(self) -> Iterator[InputRecord]:
        # A JSON array cannot be streamed with the standard library; JSON Lines can.
        try:
            value = json.loads(self._text.read(), parse_float=Decimal)
        except ValueError as exc:
            raise InputError(
                f"{self.path}: not valid JSON ({exc}); for large files use JSON Lines"
            ) from None
        if not isinstance(value, list):
            raise InputError(f"{self.path}: a .json input must be an array of objects")
        for number, item in enumerate(value, start=1):
            if isinstance(item, dict):
                yield InputRecord(line=number, data=item, flat=False)
            else:
                problem = Problem(
                    path="$",
                    code="type.object",
                    message=f"expected a JSON object, got {type(item).__name__}",
                )
                yield InputRecord(line=number, data={}, problems=(problem,), flat=False)


def open_records(path: str | os.PathLike[str], fmt: FileFormat | None = None) -> RecordReader:
    """Open a record file for streaming; raises :class:`InputError` if it cannot be read."""
    return RecordReader(path, fmt)


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
        elif fmt is FileFormat.JSON:
            stream.write("[")

    def write(self, record: Mapping[str, Any]) -> None:
        """Write one record."""
        if self.format is FileFormat.CSV:
            self._csv.writerow({k: _cell_text(v) for k, v in record.items()})
        elif self.format is FileFormat.JSONL:
            self.stream.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
        else:
            self.stream.write(("," if self.count else "") + "\n")
            self.stream.write(json.dumps(record, ensure_ascii=False, default=_json_default))
        self.count += 1

    def close(self) -> None:
        """Finish the file (closes a JSON array); does not close the stream."""
        if self.format is FileFormat.JSON:
            self.stream.write("\n]\n" if self.count else "]\n")
        self.stream.flush()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
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
