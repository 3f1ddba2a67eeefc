"""Columnar BPUM screening on Dask: partitions of polars frames, duplicates across them.

Needs the ``polars`` and ``dask`` extras. :func:`screen_bpum_partitions` takes
a :class:`dask.bag.Bag` whose items are polars DataFrames of proposal rows
(or a sequence of ``dask.delayed`` frames), in file order, and gives a bag of
result frames, one per partition, that concatenate to exactly
:func:`koperasi_id.frames.screen_bpum` of the whole table.

A partition cannot tell alone whether a NIK was proposed in an earlier
partition (R-BPUM-3: the second and later valid records of a NIK in the run
are duplicates). So the graph has two passes:

1. each partition is screened by its own :class:`~koperasi_id.frames.BpumScreener`,
   lines counted from 0, and returns its results with the NIK key of every
   valid record, plus a small table: each key, how often it occurs, and its
   first line there;
2. one reduction adds those tables in partition order: it gives each
   partition's first line and, for every NIK that occurs more than once in
   the whole run, the line of its first valid record;
3. each partition then shifts its lines and marks as duplicates the records
   whose NIK was seen first elsewhere or earlier, with the per-record
   engine's own message.

Only the per-partition key tables travel to the reduction; the result
frames stay on their workers until they are asked for.

>>> import dask.bag as db  # doctest: +SKIP
>>> parts = db.from_sequence([df.slice(0, 5_000), df.slice(5_000)], npartitions=2)  # doctest: +SKIP
>>> out = pl.concat(screen_bpum_partitions(parts, year=2021, start=2).compute())  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import itertools
from collections.abc import Sequence
from typing import Any

import polars as pl

from koperasi_id import bpum
from koperasi_id.bpum._screening import duplicate_message
from koperasi_id.frames._bpum import BpumScreener
from koperasi_id.law import Timeline

__all__ = ["screen_bpum_partitions"]

_Part = tuple[pl.DataFrame, pl.DataFrame]


def _screen_part(frames: Any, options: dict[str, Any]) -> _Part:
    """Pass 1: one partition alone; its results with keys, and its key table."""
    frame = _one_frame(frames)
    with BpumScreener(**options) as screener:
        out = screener.screen(frame, start=0, keys=True)
    stats = (
        out.filter(pl.col("nik_key").is_not_null())
        .group_by("nik_key")
        .agg(n=pl.len(), first=pl.col("line").min())
    )
    return out, stats.with_columns(height=pl.lit(out.height, dtype=pl.Int64))


def _one_frame(frames: Any) -> pl.DataFrame:
    # A bag partition is a list of items; a delayed one is the frame itself.
    if isinstance(frames, pl.DataFrame):
        return frames
    items = list(frames)
    for item in items:
        if not isinstance(item, pl.DataFrame):
            raise TypeError(f"expected polars DataFrames as items, got {type(item).__name__}")
    return pl.concat(items, how="vertical") if items else pl.DataFrame()


def _height(part: _Part) -> int:
    return part[0].height


def _stats(part: _Part) -> pl.DataFrame:
    return part[1]


def _finished(
    part: _Part, plan: tuple[list[int], pl.DataFrame], number: int, year: int
) -> list[pl.DataFrame]:
    return [_finish(part, plan, number, year)]


def _plan(
    heights: list[int], stats: list[pl.DataFrame], start: int
) -> tuple[list[int], pl.DataFrame]:
    """Pass 2: the first line of each partition, and each repeated NIK's first line."""
    offsets = list(itertools.accumulate(heights[:-1], initial=start))
    shifted = [
        s.select("nik_key", "n", first=pl.col("first") + offset)
        for s, offset in zip(stats, offsets, strict=True)
    ]
    if not shifted:
        return offsets, pl.DataFrame(schema={"nik_key": pl.Int64, "earlier": pl.Int64})
    totals = pl.concat(shifted).group_by("nik_key").agg(pl.col("n").sum(), pl.col("first").min())
    return offsets, totals.filter(pl.col("n") > 1).select("nik_key", earlier="first")


def _finish(
    part: _Part, plan: tuple[list[int], pl.DataFrame], number: int, year: int
) -> pl.DataFrame:
    """Pass 3: file lines, and duplicates marked against the whole run."""
    offsets, repeated = plan
    out = part[0].with_columns(pl.col("line") + offsets[number])
    out = out.join(repeated, on="nik_key", how="left", maintain_order="left")
    later = pl.col("earlier").is_not_null() & (pl.col("earlier") != pl.col("line"))
    marked = out.filter(later)
    # Screened alone, a partition numbered its own duplicates: every record of a
    # repeated NIK is decided here again, with the line of the run's first record.
    messages = [
        duplicate_message(nik or "", earlier, year)
        for nik, earlier in marked.select("nik", "earlier").iter_rows()
    ]
    marked = marked.with_columns(
        hasil=pl.lit(bpum.ScreeningOutcome.DUPLICATE.value),
        jumlah_bantuan=pl.lit("0"),
        kode_alasan=pl.lit([bpum.DUPLICATE_CODE], dtype=pl.List(pl.String)),
        alasan=pl.Series([[m] for m in messages], dtype=pl.List(pl.String)),
        duplikat_baris=pl.col("earlier"),
    )
    kept = out.filter(~later).with_columns(
        duplikat_baris=pl.when(pl.col("earlier").is_null()).then(pl.col("duplikat_baris"))
    )
    columns = list(bpum.SCREENING_COLUMNS)
    return pl.concat([kept.select(columns), marked.select(columns)]).sort("line")


def screen_bpum_partitions(
    parts: Any,
    *,
    year: int,
    other_bank_credit_rule: bpum.OtherBankCreditRule = bpum.OtherBankCreditRule.REGULATION_TEXT,
    rules: Timeline[bpum.Programme] = bpum.PROGRAMMES,
    start: int = 0,
    lenient: bool = False,
) -> Any:
    """A lazy :class:`dask.bag.Bag` of result frames, one per partition of ``parts``, in order.

    ``parts`` is a bag whose items are polars DataFrames of proposal rows (the
    columns of :func:`~koperasi_id.frames.screen_bpum`), or a sequence of
    ``dask.delayed`` DataFrames; partitions follow each other in the file's
    order and lines count from ``start``. The concatenated results equal
    ``screen_bpum(whole_table, start=start, ...)`` row for row, duplicates
    across partitions included. An unknown ``year`` raises at once.
    """
    bags: Any = importlib.import_module("dask.bag")
    delayed: Any = importlib.import_module("dask.delayed").delayed
    options: dict[str, Any] = {
        "year": year,
        "other_bank_credit_rule": other_bank_credit_rule,
        "rules": rules,
        "lenient": lenient,
    }
    BpumScreener(**options).close()  # an unknown year or rule fails here, not on a worker
    pieces: Sequence[Any] = parts.to_delayed() if hasattr(parts, "to_delayed") else list(parts)
    screened = [delayed(_screen_part)(piece, options) for piece in pieces]
    heights = [delayed(_height)(s) for s in screened]
    stats = [delayed(_stats)(s) for s in screened]
    plan = delayed(_plan)(heights, stats, start)
    finished = [delayed(_finished)(s, plan, i, year) for i, s in enumerate(screened)]
    return bags.from_delayed(finished)
