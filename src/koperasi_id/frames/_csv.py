"""CSV in and out for the columnar engine: batches as ``csv.DictReader`` reads them.

Why not polars' own reader: ``scan_csv`` holds the whole file, and its idea of
a ragged row, a stray quote or a blank line is not the ``csv`` module's, which
the per-record engine (and so the result) follows. Why not the ``csv`` module
for every row: its per-row Python costs more than the screening itself.

So a batch of lines that holds no quote, carriage return or NUL, where the
``csv`` module could only split at commas and skip blank lines, is split by
polars (``str.split_exact``); any other batch is read by the ``csv`` module,
one record at a time, continuing past the batch when a quoted cell spans
lines. Both give the cells ``csv.DictReader`` gives, in the same records.
"""

from __future__ import annotations

import csv
import io
import itertools
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs
import polars as pl

from koperasi_id import bpum
from koperasi_id.bpum._rows import _normal_column
from koperasi_id.errors import RuleInputError

__all__ = [
    "bpum_csv_rows",
    "csv_batches",
    "csv_nik_cells",
    "nik_column",
    "nik_keys",
    "repeated_keys",
    "write_bpum_csv",
]

#: Keys counted in memory before the count moves to partitioned files on disk.
SPILL_FROM = 1 << 20
#: Partitions of the on-disk count: each is counted alone, so memory stays flat.
SPILL_PARTS = 32

Batch = tuple[pl.DataFrame, dict[int, dict[Any, Any]]]


def csv_batches(path: str | Path, batch_size: int) -> Iterator[Batch]:
    """Batches of about ``batch_size`` records of a UTF-8 CSV file, as ``DictReader`` reads it.

    Yields text cells, and the ragged rows as ``DictReader`` dicts (``None``
    where it puts it): rows with too many or too few cells are null in the
    frame, for the per-record engine.
    """
    for block in _blocks(path, batch_size):
        yield _split(block.lines, block.header) if isinstance(block, _Lines) else block


def csv_nik_cells(path: str | Path, batch_size: int) -> Iterator[pl.Series]:
    """The cells of the one NIK column of the file, batch by batch (see :func:`nik_column`).

    Cells of ragged rows are included. Raises ``LookupError`` when there is no
    single NIK column.
    """
    for block in _blocks(path, batch_size):
        if not isinstance(block, _Lines):
            frame = block[0]
            name = nik_column(frame.columns)
            if name is None:
                raise LookupError("no single NIK column")
            yield frame[name]  # ragged rows included: the frame holds their cells
            continue
        lines, header = block.lines, block.header
        name = nik_column(header)
        if name is None:
            raise LookupError("no single NIK column")
        at = header.index(name)
        # The cell after ``at`` commas: what a row of any width holds there.
        yield lines.str.splitn(",", at + 2).struct.field(f"field_{at}")


@attrs.frozen
class _Lines:
    """A plain block: its non-blank lines, to split at commas."""

    lines: pl.Series
    header: list[str]


def _blocks(path: str | Path, batch_size: int) -> Iterator[Batch | _Lines]:
    """Plain blocks as (lines, header); the others already read by the csv module."""
    with open(path, "rb") as handle:
        first = handle.readline()
        if not first or any(c in first for c in _UNPLAIN):
            yield from _csv_module_batches(path, batch_size)
            return
        header = next(csv.reader([first.decode("utf-8")]))
        # Duplicate names (the last cell wins in a dict) and a one-column file
        # gain nothing from splitting; the csv module reads them.
        if len(header) < 2 or len(set(header)) != len(header):
            yield from _csv_module_batches(path, batch_size)
            return
        per_line = max(len(first), 16)
        while True:
            block = handle.read(batch_size * per_line) + handle.readline()
            if not block:
                return
            if any(c in block for c in _UNPLAIN):
                yield _read(block, handle, header)
                continue
            block.decode("utf-8")  # invalid UTF-8 fails as the csv module's reading fails
            # Without quotes, CR or NUL, polars reads each line as one cell (no
            # NUL to separate) and gives a blank line (no record) as null.
            lines = pl.read_csv(
                block,
                has_header=False,
                separator="\x00",
                quote_char=None,
                schema={"line": pl.String},
            )["line"]
            lines = lines.filter(lines.is_not_null() & (lines != ""))
            per_line = max(len(block) // max(lines.len(), 1), 1)
            yield _Lines(lines, header)


#: Bytes after which a line is no longer "split at commas, blank lines skipped".
_UNPLAIN = (b'"', b"\r", b"\x00")


def _split(lines: pl.Series, header: list[str]) -> Batch:
    # Without quotes, CR or NUL a csv.reader row is the line split at commas.
    width = len(header)
    cells = lines.str.split_exact(",", width - 1).struct.rename_fields(header).struct.unnest()
    ragged = lines.str.count_matches(",", literal=True) != width - 1
    if not ragged.any():
        return cells, {}
    where = ragged.arg_true().to_list()
    rows = {
        i: _as_dict(header, line.split(","))
        for i, line in zip(where, lines.gather(where), strict=True)
    }
    keep = pl.lit(~ragged)
    return cells.with_columns(pl.when(keep).then(pl.col(c)).alias(c) for c in header), rows


def _read(block: bytes, rest: IO[bytes], header: list[str]) -> Batch:
    """A block the csv module reads, continuing into ``rest`` while a quoted cell goes on."""
    lines = list(io.StringIO(block.decode("utf-8"), newline=""))
    taken = 0

    def source() -> Iterator[str]:
        nonlocal taken
        for line in lines:
            taken += 1
            yield line
        for more in rest:  # only while a quoted cell of the last record goes on
            yield from io.StringIO(more.decode("utf-8"), newline="")

    rows: list[dict[Any, Any]] = []
    for cells in csv.reader(source()):
        if cells:  # DictReader skips blank rows
            rows.append(_as_dict(header, cells))
        if taken >= len(lines):
            break
    return _frame(rows, header)


def _csv_module_batches(path: str | Path, batch_size: int) -> Iterator[Batch]:
    """Every batch by ``csv.DictReader`` (a header that is not plain)."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or ())
        while rows := list(itertools.islice(reader, batch_size)):
            yield _frame(rows, header)


def _frame(rows: list[dict[Any, Any]], header: list[str]) -> Batch:
    ragged = {i: row for i, row in enumerate(rows) if None in row or None in row.values()}
    columns = list(dict.fromkeys(header))
    if not columns:
        # No header (a blank first line): every row is ragged, read per record;
        # a column of nulls only gives the frame its height.
        columns = [""]
    frame = pl.DataFrame(
        {c: [row.get(c) for row in rows] for c in columns}, schema=dict.fromkeys(columns, pl.String)
    )
    return frame, ragged


def _as_dict(header: list[str], cells: list[str]) -> dict[Any, Any]:
    # What csv.DictReader makes of a row (restkey and restval are None).
    row: dict[Any, Any] = dict(zip(header, cells, strict=False))
    if len(cells) > len(header):
        row[None] = cells[len(header) :]
    else:
        for name in header[len(cells) :]:
            row[name] = None
    return row


def nik_column(columns: Iterable[str]) -> str | None:
    """The one column that holds the NIK, or None (none, or more than one)."""
    found = [c for c in columns if isinstance(c, str) and _normal_column(c) == "nik"]
    return found[0] if len(found) == 1 else None


def nik_keys(cells: pl.Series) -> pl.Series:
    """The NIK each cell could be, as a number: its ASCII digits, when there are 16.

    A valid NIK is its cell's digits with the separators dropped (anything
    else makes it invalid), so two valid records of one NIK give the same key
    here: the keys counted twice or more cover every duplicate.
    """
    digits = cells.cast(pl.String).str.replace_all("[^0-9]", "")
    return digits.filter(digits.str.len_bytes() == 16).cast(pl.Int64).alias("key")


def repeated_keys(keys: Iterable[pl.Series]) -> pl.Series:
    """The keys that occur more than once over all of ``keys``, in flat memory.

    Up to :data:`SPILL_FROM` keys (8 MiB) are counted in memory; past that they go to
    :data:`SPILL_PARTS` files by hash and each part is counted alone.

    >>> repeated_keys([pl.Series([1, 2, 3]), pl.Series([3, 4, 1])]).sort().to_list()
    [1, 3]
    """
    held: list[pl.Series] = []
    count = 0
    with tempfile.TemporaryDirectory(prefix="koperasi-id-") as spill:
        runs = 0
        for part in keys:
            held.append(part.cast(pl.Int64).alias("key"))
            count += part.len()
            if count >= SPILL_FROM:
                _spill(held, Path(spill), runs)
                held, count, runs = [], 0, runs + 1
        if runs == 0:
            return _twice(pl.concat(held) if held else pl.Series("key", [], dtype=pl.Int64))
        _spill(held, Path(spill), runs)
        found = [
            _twice(pl.scan_ipc(Path(spill) / f"{p}-*.ipc").collect()["key"])
            for p in range(SPILL_PARTS)
            if any(Path(spill).glob(f"{p}-*.ipc"))
        ]
        return pl.concat(found)


def _spill(held: list[pl.Series], spill: Path, run: int) -> None:
    if not held:
        return
    frame = pl.concat(held).to_frame().with_columns(part=pl.col("key").hash(seed=7) % SPILL_PARTS)
    for (part,), keys in frame.partition_by("part", as_dict=True, include_key=False).items():
        keys.write_ipc(spill / f"{part}-{run}.ipc")


def _twice(keys: pl.Series) -> pl.Series:
    # Sorting takes a copy of the keys; counting them in a hash table, several.
    ordered = keys.sort()
    return ordered.filter(ordered == ordered.shift(1)).unique().alias("key")


def write_bpum_csv(parts: Iterable[pl.DataFrame], out: IO[str]) -> int:
    """Write result frames as ``koperasi-id bpum screen`` writes CSV; the rows written.

    The header, then the rows of each frame, quoted as the ``csv`` module quotes them.
    """
    if not callable(getattr(out, "write", None)):
        raise RuleInputError(f"out is a text stream, not {type(out).__name__}")
    csv.writer(out, lineterminator="\n").writerow(bpum.SCREENING_COLUMNS)
    total = 0
    for part in parts:
        if not isinstance(part, pl.DataFrame):
            raise RuleInputError(f"parts are polars DataFrames, not {type(part).__name__}")
        if missing := _RESULT_COLUMNS.difference(part.columns):
            raise RuleInputError(
                f"parts are result frames of screen_bpum; one lacks {len(missing)} "
                f"of their columns ({', '.join(bpum.SCREENING_COLUMNS)})"
            )
        out.write(bpum_csv_rows(part))
        total += part.height
    return total


_RESULT_COLUMNS = frozenset(bpum.SCREENING_COLUMNS)


def bpum_csv_rows(part: pl.DataFrame) -> str:
    """The CSV rows of a result frame, byte for byte as the ``csv`` module writes them.

    Lists are joined with ``|`` and an empty cell is written bare, as the
    command line's writer does; a frame holding a carriage return (quoted by
    polars, not by the ``csv`` module) is written by the ``csv`` module.
    """
    columns = list(bpum.SCREENING_COLUMNS)
    text = part.select(columns).with_columns(
        pl.col("kode_alasan").list.join("|"), pl.col("alasan").list.join("|")
    )
    strings = [c for c, t in text.schema.items() if t == pl.String]
    text = text.with_columns(pl.when(pl.col(c) != "").then(pl.col(c)).alias(c) for c in strings)
    carriage = text.select(
        pl.any_horizontal(pl.col(c).str.contains("\r", literal=True) for c in strings).any()
    ).item()
    if not carriage:
        return text.write_csv(include_header=False)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(
        ["" if v is None else v for v in row] for row in text.iter_rows()
    )
    return buffer.getvalue()
