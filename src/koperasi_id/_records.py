"""The machinery behind :func:`koperasi_id.rows.read_records` and ``write_records``.

It wraps the command line's reader (:mod:`koperasi_id._io`) and writer
(:mod:`koperasi_id._output`) so a Python caller gets the same delimiter and
BOM detection, line numbers and problems; it adds file objects as sources
and structuring into a type.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Generic, TextIO, TypeVar

import attrs

from koperasi_id._io import FileFormat, InputError, InputRecord, RecordReader
from koperasi_id._output import RecordWriter
from koperasi_id._values import mask
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.serialization import from_dict, to_dict

__all__ = ["Record", "RecordFile", "open_source", "write"]

T = TypeVar("T")
Source = str | os.PathLike[str] | IO[bytes] | IO[str]
#: Structures one flat (CSV) row: the entity, or a ValidationError.
FlatStructure = Callable[[type[Any], Mapping[str, Any], bool], Any]


@attrs.frozen
class Record(Generic[T]):
    """One record of a file: where it ends, what it held, and what is wrong with it.

    ``line`` is the file line on which the record ends (for a JSON array, the
    item number). ``data`` is the record as read: column → text for CSV,
    the object for JSON. ``value`` is the structured entity when a type was
    asked for and the record is valid. ``problems`` are those the command
    line reports for the record, paths naming the CSV columns.
    """

    line: int
    data: Mapping[str, Any]
    problems: tuple[Problem, ...] = ()
    value: T | None = None

    @property
    def ok(self) -> bool:
        """Whether the record was read (and, with a type, structured) without problems."""
        return not self.problems


class _NoBom:
    """A text stream with a leading byte-order mark dropped (a file opened as ``utf-8``)."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._first = True

    def _strip(self, text: str) -> str:
        if self._first and text:
            self._first = False
            return text.removeprefix("\ufeff")
        return text

    def readline(self, size: int = -1) -> str:
        return self._strip(self._stream.readline(size))

    def read(self, size: int = -1) -> str:
        return self._strip(self._stream.read(size))

    def __iter__(self) -> _NoBom:
        return self

    def __next__(self) -> str:
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def close(self) -> None:
        """The caller's stream stays open: the caller opened it."""


class _StreamReader(RecordReader):
    """:class:`RecordReader` over a caller's open file (binary or text), left open at the end."""

    def __init__(self, stream: IO[bytes] | IO[str], fmt: FileFormat | None, name: str) -> None:
        self.path = Path(name or "<stream>")
        self.format = fmt or FileFormat.from_path(self.path)
        self.delimiter = None
        self.header = ()
        self.warnings = []
        self.size = 0
        self._header_lines = 0
        self._wrapper: io.TextIOWrapper | None = None
        if isinstance(stream, io.TextIOBase | _NoBom) or not _is_binary(stream):
            self._text = _NoBom(stream)  # type: ignore[arg-type, assignment]
        else:
            self._wrapper = io.TextIOWrapper(
                stream,  # type: ignore[arg-type]
                encoding="utf-8-sig",
                errors="surrogateescape",
                newline="",
            )
            self._text = self._wrapper
        if self.format is FileFormat.CSV:
            self._start_csv()

    @property
    def bytes_read(self) -> int:
        return 0

    def close(self) -> None:
        if self._wrapper is not None:
            self._wrapper.detach()  # without closing the caller's binary file
            self._wrapper = None


def _is_binary(stream: object) -> bool:
    if isinstance(stream, io.RawIOBase | io.BufferedIOBase):
        return True
    return "b" in str(getattr(stream, "mode", ""))


def open_source(source: Source, fmt: FileFormat | None) -> RecordReader:
    """A reader over a path or an open file; :class:`InputError` if it cannot be read."""
    try:
        if isinstance(source, str | os.PathLike):
            return RecordReader(source, fmt)
        name = getattr(source, "name", "")
        return _StreamReader(source, fmt, name if isinstance(name, str) else "")
    except InputError as err:
        raise masked(err) from None
    except (OSError, ValueError) as exc:  # a name too long, a NUL in it: the path is unusable
        shown = mask(os.fsdecode(source) if isinstance(source, str | os.PathLike) else "<file>")
        why = exc.strerror if isinstance(exc, OSError) else "not a usable file name"
        raise InputError(f"{shown[:200]}: cannot be opened ({why})") from None


def file_format(value: object) -> FileFormat | None:
    """``format=`` as a :class:`FileFormat`; a ValidationError names the choices, not the value."""
    if value is None or isinstance(value, FileFormat):
        return value
    if isinstance(value, str) and value in {f.value for f in FileFormat}:
        return FileFormat(value)
    raise ValidationError.single(
        "format",
        f"format is one of csv, jsonl or json, got a {type(value).__name__} that is not",
        message_id=f"format adalah salah satu dari csv, jsonl atau json; {type(value).__name__} "
        "yang diberikan bukan salah satunya",
    )


def masked(err: InputError) -> InputError:
    """``err`` with its message masked: it names the file, and a path may hold a NIK."""
    return InputError(mask(str(err)))


class RecordFile(Generic[T]):
    """The records of one file, read once, streaming; a context manager.

    Iterating yields :class:`Record` in file order. ``format``,
    ``delimiter`` (CSV), ``header`` (CSV) and ``warnings`` describe the file.
    """

    def __init__(
        self,
        reader: RecordReader,
        cls: type[T] | None,
        *,
        lenient: bool,
        flat: FlatStructure | None,
    ) -> None:
        self._reader = reader
        self._cls = cls
        self._lenient = lenient
        self._flat = flat

    @property
    def format(self) -> FileFormat:
        """The file's format (from ``format=`` or the name's extension)."""
        return self._reader.format

    @property
    def delimiter(self) -> str | None:
        """The CSV delimiter detected from the header (``None`` for JSON)."""
        return self._reader.delimiter

    @property
    def header(self) -> tuple[str, ...]:
        """The CSV column names, stripped (empty for JSON)."""
        return self._reader.header

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the command line prints as warnings (a one-column header with ``|``...)."""
        return tuple(self._reader.warnings)

    def __iter__(self) -> Iterator[Record[T]]:
        try:
            for record in self._reader:
                yield self._record(record)
        except InputError as err:
            raise masked(err) from None

    def _record(self, record: InputRecord) -> Record[T]:
        if self._cls is None or record.problems:
            return Record(line=record.line, data=record.data, problems=record.problems)
        try:
            if record.flat and self._flat is not None:
                value = self._flat(self._cls, record.data, self._lenient)
            else:
                value = from_dict(self._cls, record.data, lenient=self._lenient)
        except ValidationError as err:
            value = err
        if isinstance(value, ValidationError):
            return Record(line=record.line, data=record.data, problems=tuple(value.problems))
        return Record(line=record.line, data=record.data, value=value)

    def close(self) -> None:
        """Close the file (a file object passed in stays open)."""
        self._reader.close()

    def __enter__(self) -> RecordFile[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


#: A CSV header naming fewer than this share of the required fields is another kind of
#: file (the command line's rule, koperasi_id.cli): every row would be invalid.
WRONG_FILE_SHARE = 0.5


def check_header(reader: RecordReader, cls: type, required: Iterable[str]) -> None:
    """Refuse a CSV header that names fewer than half of the fields ``cls`` requires."""
    wanted = list(required)
    roots = {h.split(".", 1)[0].split("[", 1)[0].strip().lower() for h in reader.header}
    present = [f for f in wanted if f.lower() in roots]
    if not reader.header or not wanted or len(present) >= WRONG_FILE_SHARE * len(wanted):
        return
    reader.close()
    raise InputError(
        f"{mask(str(reader.path))}: this is not a {cls.__name__} file: its header names {len(present)} "
        f"of the {len(wanted)} required columns (expected: {', '.join(wanted)}); "
        "is this the right file and type?"
    )


def write(
    target: str | os.PathLike[str] | TextIO,
    records: Iterable[Any],
    *,
    fmt: FileFormat | None,
    columns: Iterable[str] | None,
    delimiter: str,
    to_row: Callable[[Any], Mapping[str, Any]],
) -> int:
    """Write ``records`` (entities or wire dicts); see :func:`koperasi_id.rows.write_records`."""
    if isinstance(target, str | os.PathLike):
        chosen = fmt or FileFormat.from_path(target)
        try:
            handle = Path(target).open("w", encoding="utf-8", newline="")  # noqa: SIM115
        except (OSError, ValueError) as exc:  # a NUL in the name: the path is unusable
            # The path is the caller's and may name a person (a NIK as the file name).
            shown = mask(os.fsdecode(target), limit=200)
            why = exc.strerror if isinstance(exc, OSError) else "not a usable file name"
            raise InputError(f"{shown}: cannot write the file ({why})") from None
        with handle:
            return _write(handle, records, chosen, columns, delimiter=delimiter, to_row=to_row)
    return _write(
        target, records, fmt or FileFormat.CSV, columns, delimiter=delimiter, to_row=to_row
    )


def _write(
    stream: TextIO,
    records: Iterable[Any],
    fmt: FileFormat,
    columns: Iterable[str] | None,
    *,
    delimiter: str,
    to_row: Callable[[Any], Mapping[str, Any]],
) -> int:
    items = iter(records)
    writer: RecordWriter | None = None
    names: list[str] | None = list(columns) if columns is not None else None
    for item in items:
        if not isinstance(item, Mapping) and not attrs.has(type(item)):
            raise ValidationError.single(
                "type.record",
                f"record {(writer.count if writer else 0) + 1} is a {type(item).__name__}, "
                "not an entity or a mapping",
                message_id=f"rekaman {(writer.count if writer else 0) + 1} berupa "
                f"{type(item).__name__}, bukan entitas atau mapping",
            )
        if fmt is FileFormat.CSV:
            row = to_row(item)
            if names is None:
                names = list(row)
            # An empty cell (an empty list) needs no column of its own.
            extra = [k for k, v in row.items() if k not in names and v not in ("", None)]
            row = {k: v for k, v in row.items() if k in names}
            if extra:
                raise ValueError(
                    f"record {(writer.count if writer else 0) + 1} has columns the header lacks "
                    f"({', '.join(mask(k, limit=60) for k in extra[:5])}); pass columns= with every "
                    "column, e.g. "
                    "rows.columns(cls, list_items=N)"
                )
        else:
            row = item if isinstance(item, Mapping) else to_dict(item)

        if writer is None:
            writer = RecordWriter(stream, fmt, columns=names or (), delimiter=delimiter)
        writer.write(row)
    if writer is None:
        writer = RecordWriter(stream, fmt, columns=names or (), delimiter=delimiter)
    writer.close()
    return writer.count
