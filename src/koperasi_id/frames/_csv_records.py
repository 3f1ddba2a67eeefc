"""A record file's CSV records in batches, split by polars where the reader would split them.

The command line's reader (:class:`koperasi_id._io.RecordReader`) reads one
record at a time: its Python per line costs more than the columnar screening
of the line. Yet on a *plain* stretch of the file it only splits each line at
the delimiter: lines with no quote, no NUL, no carriage return but the one
ending a line, valid UTF-8, and short enough that no cell or line limit can
be reached. Such a block is split here by polars, with the line numbers,
blank lines and ragged rows the reader gives it.

In a block that is not plain, each line that is not (a quote may open a cell
over several lines, or be left open) starts a run of lines the reader itself
reads, record by record, apart from the file: when no quoted cell is open at
the run's end the reader never looked past it, so its records are those of
the whole file; the shortest such run is taken, and the plain lines around
it are split by polars. When no run closes within :data:`_RUN_LINES` lines
or the block (or a line passes the limit), the reader takes over from the
start of that block to the end of the file
(:meth:`~koperasi_id._io.RecordReader.csv_records_from`). So every record is
the one the reader would give.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable, Iterator
from typing import IO, Any, NamedTuple

import attrs
import polars as pl

from koperasi_id._io import FileFormat, InputRecord, RecordReader
from koperasi_id._limits import MAX_CELL_CHARS
from koperasi_id._lines import NumberedLines
from koperasi_id.frames._bpum_api import repeated_niks
from koperasi_id.frames._csv import nik_column
from koperasi_id.frames._records import record_frame

__all__ = ["RecordBatch", "record_batches", "repeated_niks_in"]

#: A batch: the text frame (the header's columns), each row's line number, and
#: the rows taken as they are (position → what ``structure_one`` made of the record).
RecordBatch = tuple[pl.DataFrame, list[int], dict[int, Any]]

# Bytes after which a block is no longer "split at the delimiter, blank lines skipped".
_UNPLAIN = (b'"', b"\x00")
# Bytes of the longest plain line: its cells (characters are at most bytes) and the
# line itself are then under the reader's limits, which are never reached.
_LONGEST = MAX_CELL_CHARS


def record_batches(
    reader: RecordReader, batch_size: int, structure_one: Callable[[InputRecord], Any]
) -> Iterator[RecordBatch]:
    """The records of ``reader`` (opened, header read, not yet iterated), ``batch_size`` at a time.

    Each batch holds the records iteration of ``reader`` gives, in order and
    with their line numbers; ``structure_one`` is called on those that are
    not one cell per column (ragged rows, read problems), as
    :func:`~koperasi_id.frames._records.record_frame` does.
    """
    for block in _blocks(reader, batch_size):
        if isinstance(block, _Block):
            yield _batch(block, reader, structure_one)
            continue
        if block.offset is None:
            rest = iter(reader)
        else:
            rest = reader.csv_records_from(block.offset, block.line)
        yield from _per_record(rest, batch_size, structure_one)


def repeated_niks_in(reader: RecordReader, batch_size: int) -> pl.Series | None:
    """The NIKs (as numbers) that may occur twice in ``reader``'s file, read apart from it.

    The NIK column's cells of every plain line and of every record of the
    blocks the reader reads alone, counted as
    :func:`~koperasi_id.frames.repeated_niks` counts them: a superset of the
    NIKs two valid records share, for :class:`~koperasi_id.frames.BpumScreener`'s
    ``repeated``. None (every NIK is indexed) when the reader has to read on to
    the end of the file (a quoted cell open at a block's end, an over-long
    line), or without a single NIK column.
    """
    name = nik_column(reader.header)
    if name is None:
        return None
    at = list(reader.header).index(name)
    cells = []
    for block in _blocks(reader, batch_size):
        if not isinstance(block, _Block):
            return None
        # A record's NIK cell, where it has one: a superset of the valid records'.
        found = [r.data.get(name) for _, records in block.regions for r in records]
        cells.append(pl.Series(found, dtype=pl.String))
        # The cell at ``at`` of a line of any width (null past its end); a line the
        # reader skips as blank holds no digits.
        cells.append(block.lines.str.split(reader.delimiter or ",").list.get(at, null_on_oob=True))
    return repeated_niks(cells)


@attrs.frozen
class _Block:
    lines: pl.Series  # its plain lines, their ends removed
    numbers: pl.Series  # their line numbers
    # (first line, records) of each run of lines the reader read alone, in order
    regions: list[tuple[int, list[InputRecord]]] = attrs.field(factory=list)


@attrs.frozen
class _Records:
    records: list[InputRecord]  # lines the reader read, record by record
    next_line: int  # the number of the line after them


class _Resume(NamedTuple):
    """Where the reader takes over: byte offset and line number, or None for the whole file."""

    offset: int | None
    line: int


def _blocks(reader: RecordReader, batch_size: int) -> Iterator[_Block | _Resume]:
    """The file's blocks, then (if the reader must read on to the end) where it takes over.

    In a block that is not plain, each line that is not starts a run of lines
    the reader reads alone, as short as gives the whole file's records; when
    none up to :data:`_RUN_LINES` lines does (a quoted cell open that long, or
    to the block's end) or a line was cut at the limit, the reader takes over
    from the start of that block to the end of the file.
    """
    if reader.format is not FileFormat.CSV or reader.delimiter is None or len(reader.header) < 2:
        yield _Resume(None, 0)
        return
    with reader.path.open("rb") as handle:
        number = _skip_header(handle, reader.header_lines)
        if number is None:
            yield _Resume(None, 0)
            return
        per_line = 128
        while True:
            offset = handle.tell()
            block = handle.read(batch_size * per_line)
            if not block:
                return
            cut = False
            if not block.endswith(b"\n"):
                tail = handle.readline(_LONGEST + 1)
                block += tail
                # A line past the limit, cut by the bounded read (or, rarely, the file's end).
                cut = len(tail) > _LONGEST
            if cut:
                yield _Resume(offset, number)
                return
            reader.read_elsewhere(handle.tell())
            lines = _plain_lines(block)
            if lines is not None:
                per_line = max(len(block) // max(lines.len(), 1), 16)
                last = number + lines.len()
                yield _Block(lines, pl.int_range(number, last, dtype=pl.Int64, eager=True))
                number = last
                continue
            mixed = _mixed(reader, block, number)
            if mixed is None:
                yield _Resume(offset, number)
                return
            yield mixed[0]
            number = mixed[1]


#: Lines a run the reader reads alone may grow to before it reads on to the end.
_RUN_LINES = 64
_SURROGATE = re.compile("[\udc80-\udcff]")


def _unplain(line: str) -> bool:
    """Whether the reader may not read ``line`` (``\n`` removed) as split at the delimiter."""
    return (
        '"' in line
        or "\x00" in line
        or "\r" in line[:-1]
        or _SURROGATE.search(line) is not None
        or (len(line) > _LONGEST // 4 and len(line.encode("utf-8", "surrogateescape")) > _LONGEST)
    )


def _mixed(reader: RecordReader, block: bytes, first: int) -> tuple[_Block, int] | None:
    """A block that is not plain: its plain lines, and the runs the reader reads alone.

    Also the number of the line after the block; None when a run would pass
    :data:`_RUN_LINES` or the block's end.
    """
    text = block.decode("utf-8", "surrogateescape")
    ended = text.endswith("\n")
    lines = text.removesuffix("\n").split("\n")
    kept: list[str] = []
    numbers: list[int] = []
    regions: list[tuple[int, list[InputRecord]]] = []
    number, i = first, 0
    while i < len(lines):
        if not _unplain(lines[i]):
            kept.append(lines[i].removesuffix("\r"))
            numbers.append(number)
            number += 1
            i += 1
            continue
        for j in range(i + 1, min(i + _RUN_LINES, len(lines)) + 1):
            run = "\n".join(lines[i:j]) + ("\n" if j < len(lines) or ended else "")
            found = _read_alone(reader, run.encode("utf-8", "surrogateescape"), number)
            if found is not None:
                break
        else:
            return None
        regions.append((number, found.records))
        number, i = found.next_line, j
    plain = pl.Series("line", kept, dtype=pl.String)
    return _Block(plain, pl.Series("number", numbers, dtype=pl.Int64), regions), number


def _read_alone(reader: RecordReader, block: bytes, first: int) -> _Records | None:
    """The reader's records of ``block`` (whole lines from ``first``), read apart from the file.

    They are the records the whole file gives there when no quoted cell is
    open at the block's end: the reader then never looked past it. When one
    is, the reader asked past the end again (for the open cell, then for the
    lines it reads again): None, for the caller to read on as the file goes.
    """
    # Not utf-8-sig: a byte-order mark is only one at the start of the file.
    text = io.TextIOWrapper(
        io.BytesIO(block), encoding="utf-8", errors="surrogateescape", newline=""
    )
    counted = _Counted(NumberedLines(text, first=first))
    records = list(reader.csv_records_in(counted))
    if counted.past_end != 1:
        return None
    return _Records(records, counted.next_line)


class _Counted:
    """Numbered lines that count the times they were asked for a line past their end."""

    def __init__(self, lines: Iterator[tuple[int, str | None]]) -> None:
        self._lines = lines
        self.past_end = 0
        self.next_line = 0

    def __iter__(self) -> Iterator[tuple[int, str | None]]:
        return self

    def __next__(self) -> tuple[int, str | None]:
        try:
            number, line = next(self._lines)
        except StopIteration:
            self.past_end += 1
            raise
        self.next_line = number + 1
        return number, line


def _skip_header(handle: IO[bytes], count: int) -> int | None:
    """The number of the first line after the header, or None when the lines may count otherwise.

    The reader counts a lone carriage return as a line end; lines split at
    ``\\n`` alone count the same only without one (``\\r\\r\\n`` is two lines
    to the reader, one here).
    """
    for _ in range(count):
        line = handle.readline()
        if b"\r" in line.removesuffix(b"\n").removesuffix(b"\r"):
            return None
    return count + 1


def _plain_lines(block: bytes) -> pl.Series | None:
    """The lines of a plain ``block`` (line ends removed), or None when it is not plain."""
    if any(c in block for c in _UNPLAIN) or block.count(b"\r") != block.count(b"\r\n"):
        return None
    try:
        text = block.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = pl.Series("line", text.removesuffix("\n").split("\n"), dtype=pl.String)
    lines = lines.str.strip_suffix("\r")
    longest = lines.str.len_bytes().max()
    if isinstance(longest, int) and longest > _LONGEST:
        return None
    return lines


def _batch(
    block: _Block, reader: RecordReader, structure_one: Callable[[InputRecord], Any]
) -> RecordBatch:
    """The records of a block in file order: its plain lines split, and the reader's runs."""
    cells, lines, taken = _split(block.lines, block.numbers, reader, structure_one)
    if not block.regions:
        return cells, lines, taken
    records = [r for _, found in block.regions for r in found]
    frame, taken_too = record_frame(records, structure_one)
    if frame.columns != cells.columns:  # no clean record: every one is taken
        frame = pl.DataFrame(
            {c: pl.Series(c, [None] * len(records), dtype=pl.String) for c in cells.columns}
        )
    # In file order: a run sorts at its first line, which no plain line has. The
    # sort keys stay out of the cells' frame, whose column names are the file's.
    plain = len(lines)
    keys = pl.DataFrame(
        {
            "at": pl.Series([*lines, *(s for s, found in block.regions for _ in found)]),
            "k": pl.Series([0] * plain + list(range(len(records)))),
        },
        schema={"at": pl.Int64, "k": pl.Int64},
    )
    order = keys.with_row_index("id").sort("at", "k")["id"].to_list()
    where = {old: new for new, old in enumerate(order)}
    every = lines + [r.line for r in records]
    taken = {where[p]: v for p, v in taken.items()} | {
        where[plain + p]: v for p, v in taken_too.items()
    }
    both = pl.concat([cells, frame])[order]
    return both, [every[old] for old in order], taken


def _split(
    lines: pl.Series,
    numbers: pl.Series,
    reader: RecordReader,
    structure_one: Callable[[InputRecord], Any],
) -> RecordBatch:
    """The records of plain ``lines`` with their ``numbers``, as the reader gives them."""
    header, delimiter = list(reader.header), reader.delimiter or ","
    width = len(header)
    table = pl.DataFrame({"text": lines, "number": numbers})
    # csv.reader gives no cell for an empty line and one for a line without a
    # delimiter; the reader skips a single cell that strip() empties.
    alone = table.filter(~pl.col("text").str.contains(delimiter, literal=True))
    blank = [n for t, n in alone.iter_rows() if not t.strip()]
    if blank:
        table = table.filter(~pl.col("number").is_in(pl.Series(blank, dtype=pl.Int64).implode()))
    ragged = table["text"].str.count_matches(delimiter, literal=True) != width - 1
    taken: dict[int, Any] = {}
    if ragged.any():
        where = ragged.arg_true().to_list()
        for pos, (text, number) in zip(where, table[where].iter_rows(), strict=True):
            record = reader._csv_record(text.split(delimiter), number, len(text) + 1)
            taken[pos] = structure_one(record)
    cells = (
        table["text"]
        .str.split_exact(delimiter, width - 1)
        .struct.rename_fields(header)
        .struct.unnest()
    )
    return cells, table["number"].to_list(), taken


def _per_record(
    records: Iterator[InputRecord], batch_size: int, structure_one: Callable[[InputRecord], Any]
) -> Iterator[RecordBatch]:
    while batch := list(itertools.islice(records, batch_size)):
        frame, taken = record_frame(batch, structure_one)
        yield frame, [r.line for r in batch], taken
