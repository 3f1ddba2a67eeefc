"""The entry points of columnar BPUM screening: frames, batches and CSV files."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import polars as pl

from koperasi_id import bpum
from koperasi_id.frames._bpum import _SCHEMA, BpumScreener, FrameRun
from koperasi_id.law import Timeline

__all__ = ["screen_bpum", "screen_bpum_batches", "screen_bpum_csv"]


def _as_polars(frame: Any) -> pl.DataFrame | pl.LazyFrame:
    if isinstance(frame, pl.DataFrame | pl.LazyFrame):
        return frame
    return pl.from_pandas(frame)  # pandas and anything with the same protocol


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
) -> Iterator[pl.DataFrame]:
    """Screen a stream of batches of one file, lines counted from ``start`` across them.

    Memory stays flat: one batch at a time, plus the duplicate index. Pass an
    empty list as ``run`` to receive the :class:`FrameRun` once it is created.
    """
    with BpumScreener(
        year=year, other_bank_credit_rule=other_bank_credit_rule, rules=rules, lenient=lenient
    ) as screener:
        if run is not None:
            run.append(screener.run)
        offset = start
        for batch in batches:
            yield screener.screen(batch, start=offset)
            offset += batch.height


def screen_bpum(
    frame: Any,
    *,
    year: int,
    other_bank_credit_rule: bpum.OtherBankCreditRule = bpum.OtherBankCreditRule.REGULATION_TEXT,
    rules: Timeline[bpum.Programme] = bpum.PROGRAMMES,
    start: int = 0,
    lenient: bool = False,
    batch_size: int = 100_000,
) -> pl.DataFrame:
    """Screen a polars DataFrame or LazyFrame (or a pandas DataFrame) of proposal rows.

    The columns are those of the CSV row format (``nik``, ``nama``, ...,
    as text); the result has :data:`BPUM_RESULT_COLUMNS`, one row per input
    row, with ``line`` counted from ``start``. Row for row it equals
    :func:`koperasi_id.bpum.screen_rows` over ``frame.iter_rows(named=True)``.
    """
    parts = list(
        screen_bpum_batches(
            _batches(_as_polars(frame), batch_size),
            year=year,
            other_bank_credit_rule=other_bank_credit_rule,
            rules=rules,
            start=start,
            lenient=lenient,
        )
    )
    return pl.concat(parts) if parts else pl.DataFrame(schema=_SCHEMA)


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
    read with the standard ``csv`` module, one batch at a time: polars' own
    scan holds the whole file (about 350 MB for a million rows), while this
    keeps one batch of cells, and it is not the slow part.
    """
    with BpumScreener(
        year=year, other_bank_credit_rule=other_bank_credit_rule, rules=rules, lenient=lenient
    ) as screener:
        if run is not None:
            run.append(screener.run)
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = list(reader.fieldnames or ())
            number = 2
            while True:
                rows = list(itertools.islice(reader, batch_size))
                if not rows:
                    break
                yield screener.screen(
                    _frame(rows, columns),
                    start=number,
                    errors={
                        i: bpum.structure_row(row, lenient=lenient)
                        for i, row in enumerate(rows)
                        if None in row or None in row.values()
                    },
                )
                number += len(rows)


def _frame(rows: list[dict[Any, Any]], columns: list[str]) -> pl.DataFrame:
    """Rows of a csv.DictReader as a text frame (ragged rows are screened per record)."""
    return pl.DataFrame(
        {c: [row.get(c) for row in rows] for c in dict.fromkeys(columns)},
        schema=dict.fromkeys(columns, pl.String),
        height=len(rows),
    )
