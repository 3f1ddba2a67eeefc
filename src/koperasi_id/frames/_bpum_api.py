"""The entry points of columnar BPUM screening: frames, batches and CSV files."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import polars as pl

from koperasi_id import bpum
from koperasi_id._io import InputError
from koperasi_id._numbers import check_whole
from koperasi_id._values import mask
from koperasi_id.errors import RuleInputError
from koperasi_id.frames._bpum import BpumScreener, FrameRun
from koperasi_id.frames._bpum_results import RESULT_SCHEMA
from koperasi_id.frames._csv import (
    csv_batches,
    csv_nik_cells,
    nik_column,
    nik_keys,
    repeated_keys,
)
from koperasi_id.frames._first_lines import IN_MEMORY_KEYS
from koperasi_id.law import Timeline

__all__ = ["repeated_niks", "screen_bpum", "screen_bpum_batches", "screen_bpum_csv"]


def _as_polars(frame: Any) -> pl.DataFrame | pl.LazyFrame:
    if isinstance(frame, pl.DataFrame | pl.LazyFrame):
        return frame
    # Only a pandas frame is converted: anything else handed to polars' converter
    # fails deep inside it (or asks for pandas), far from the caller's mistake.
    if type(frame).__module__.split(".")[0] == "pandas":
        return pl.from_pandas(frame)
    raise TypeError(
        f"expected a polars DataFrame or LazyFrame, or a pandas DataFrame, got {type(frame).__name__}"
    )


def _checked_counts(*, start: int, batch_size: int = 1) -> None:
    # polars numbers lines in Int64: past the library's bound for counts they
    # would overflow inside polars instead of failing here, with a path.
    check_whole(start, path="$.start")
    if check_whole(batch_size, path="$.batch_size") < 1:
        raise RuleInputError(f"batch_size is at least 1, got {batch_size}")


def _checked_batches(batches: Iterable[pl.DataFrame]) -> Iterator[pl.DataFrame]:
    for batch in batches:
        if not isinstance(batch, pl.DataFrame):
            raise TypeError(
                f"expected batches that are polars DataFrames, got {type(batch).__name__}"
            )
        yield batch


def _batches(frame: pl.DataFrame | pl.LazyFrame, size: int) -> Iterator[pl.DataFrame]:
    if isinstance(frame, pl.DataFrame):
        for offset in range(0, frame.height, size):
            yield frame.slice(offset, size)
        return
    yield from frame.collect_batches(chunk_size=size)


def screen_bpum_batches(
    batches: Iterable[pl.DataFrame],
    *,
    year: int,
    other_bank_credit_rule: bpum.OtherBankCreditRule = bpum.OtherBankCreditRule.REGULATION_TEXT,
    rules: Timeline[bpum.Programme] = bpum.PROGRAMMES,
    start: int = 0,
    lenient: bool = False,
    run: list[FrameRun] | None = None,
    repeated: pl.Series | None = None,
) -> Iterator[pl.DataFrame]:
    """Screen a stream of batches of one file, lines counted from ``start`` across them.

    Memory stays flat: one batch at a time, plus the duplicate index. Pass an
    empty list as ``run`` to receive the :class:`FrameRun` once it is created;
    ``repeated`` is that of :class:`BpumScreener`.
    """
    with BpumScreener(
        year=year,
        other_bank_credit_rule=other_bank_credit_rule,
        rules=rules,
        lenient=lenient,
        repeated=repeated,
    ) as screener:
        if run is not None:
            run.append(screener.run)
        _checked_counts(start=start)
        offset = start
        for batch in _checked_batches(batches):
            yield screener.screen(batch, start=offset)
            offset += batch.height


def screen_bpum(
    frame: pl.DataFrame | pl.LazyFrame,
    *,
    year: int,
    other_bank_credit_rule: bpum.OtherBankCreditRule = bpum.OtherBankCreditRule.REGULATION_TEXT,
    rules: Timeline[bpum.Programme] = bpum.PROGRAMMES,
    start: int = 0,
    lenient: bool = False,
    batch_size: int = 100_000,
) -> pl.DataFrame:
    """Screen a polars DataFrame or LazyFrame (or a pandas DataFrame) of proposal rows.

    The signature names polars only, since pandas is no dependency of this extra;
    a pandas DataFrame is converted with ``polars.from_pandas``, anything else is
    a :class:`TypeError`.

    The columns are those of the CSV row format (``nik``, ``nama``, ...,
    as text); the result has :data:`BPUM_RESULT_COLUMNS`, one row per input
    row, with ``line`` counted from ``start``. Row for row it equals
    :func:`koperasi_id.bpum.screen_rows` over ``frame.iter_rows(named=True)``.
    """
    _checked_counts(start=start, batch_size=batch_size)
    table = _as_polars(frame)
    repeated = None
    if isinstance(table, pl.DataFrame) and table.height > IN_MEMORY_KEYS:
        # The whole table is at hand: counting its NIKs first keeps the duplicate index small.
        name = nik_column(table.columns)
        if name is not None and table.schema[name] in (pl.String, pl.Null):
            repeated = repeated_niks([table[name]])
    parts = list(
        screen_bpum_batches(
            _batches(table, batch_size),
            repeated=repeated,
            year=year,
            other_bank_credit_rule=other_bank_credit_rule,
            rules=rules,
            start=start,
            lenient=lenient,
        )
    )
    return pl.concat(parts) if parts else pl.DataFrame(schema=RESULT_SCHEMA)


def screen_bpum_csv(
    path: str | Path,
    *,
    year: int,
    other_bank_credit_rule: bpum.OtherBankCreditRule = bpum.OtherBankCreditRule.REGULATION_TEXT,
    rules: Timeline[bpum.Programme] = bpum.PROGRAMMES,
    lenient: bool = False,
    batch_size: int = 20_000,
    run: list[FrameRun] | None = None,
) -> Iterator[pl.DataFrame]:
    """Screen a UTF-8 CSV file batch by batch, in flat memory.

    The same results as ``screen_rows(csv.DictReader(file), start=2)``: ``line``
    counts records from 2 (the file line under a one-line header when no cell
    spans lines; the command line reports true line numbers). The file is
    read a batch at a time, once: each batch's NIKs are looked up in (and
    added to) the duplicate index, 16 bytes a NIK. A file too long for that
    index to stay small (past about two million records, going by the length
    of its first lines) is read twice: first its NIK column alone, to find
    the NIKs that occur more than once (only those enter the index), then
    every column, to screen. Memory holds one batch of cells, whatever the
    length of the file; :func:`write_bpum_csv` writes the results as the
    command line does. A file that cannot be opened is
    :class:`~koperasi_id.rows.InputError` (the path masked).
    """
    _checked_counts(start=0, batch_size=batch_size)
    try:
        records = likely_records(path)
    except OSError as err:
        # Python's error names the path, which may hold a NIK: masked, as the
        # record readers show it, and without the chained original.
        shown = mask(os.fsdecode(path), limit=200)
        raise InputError(f"{shown}: cannot be opened ({err.strerror})") from None
    repeated = None
    if records > IN_MEMORY_KEYS:
        repeated = _repeated_in_file(path, batch_size)
    with BpumScreener(
        year=year,
        other_bank_credit_rule=other_bank_credit_rule,
        rules=rules,
        lenient=lenient,
        repeated=repeated,
    ) as screener:
        if run is not None:
            run.append(screener.run)
        number = 2
        for frame, ragged in csv_batches(path, batch_size):
            yield screener.screen(
                frame,
                start=number,
                errors={i: bpum.structure_row(row, lenient=lenient) for i, row in ragged.items()},
            )
            number += frame.height


def likely_records(path: str | Path) -> int:
    """About how many records the file holds: its size over the length of its first lines.

    It decides whether a file is read twice (its NIK column first, when the
    duplicate index could not hold every NIK in memory) or once.
    """
    with open(path, "rb") as handle:
        head = handle.read(_HEAD_BYTES)
        size = handle.seek(0, os.SEEK_END)
    return size * (head.count(b"\n") + 1) // max(len(head), 1)


# Enough lines to know a row's length; a file shorter than this is read whole.
_HEAD_BYTES = 1 << 20


def _repeated_in_file(path: str | Path, batch_size: int) -> pl.Series | None:
    """The NIKs that may occur twice in the file, or None when its NIK column is unclear."""
    try:
        return repeated_keys(nik_keys(cells) for cells in csv_nik_cells(path, batch_size))
    except LookupError:
        return None


def repeated_niks(columns: Iterable[pl.Series]) -> pl.Series:
    """Every NIK (as a number) that occurs more than once over ``columns`` of NIK cells.

    A superset of the NIKs that two valid records share, found in flat memory
    (past a million cells the count moves to temporary files); give it to
    :class:`BpumScreener` as ``repeated`` when the stream can be read twice.

    >>> import polars as pl
    >>> repeated_niks([pl.Series(["1871010101900001", "x"]), pl.Series(["1871-0101-0190-0001"])])
    shape: (1,)
    Series: 'key' [i64]
    [
        1871010101900001
    ]
    """
    return repeated_keys(nik_keys(column) for column in columns)
