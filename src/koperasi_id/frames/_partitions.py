"""The two passes of a partitioned BPUM screen, shared by the Dask and Spark recipes.

Engine-agnostic: each function takes and returns polars frames (and plain
lists), so any scheduler that maps over partitions in order and can gather
a small table to one place runs them.
"""

from __future__ import annotations

import itertools
from typing import Any

import polars as pl

from koperasi_id import bpum
from koperasi_id.bpum._screening import duplicate_message, duplicate_message_en
from koperasi_id.frames._bpum import BPUM_RESULT_COLUMNS, BpumScreener

__all__ = [
    "Part",
    "checked_options",
    "finish",
    "finished",
    "height",
    "plan",
    "screen_part",
    "stats",
]

Part = tuple[pl.DataFrame, pl.DataFrame]


def checked_options(**options: Any) -> dict[str, Any]:
    """The screener's options, checked on the caller's side (an unknown year fails here)."""
    BpumScreener(**options).close()
    return options


def screen_part(frames: Any, options: dict[str, Any]) -> Part:
    """Pass 1: one partition alone; its results with keys, and its key table."""
    frame = _one_frame(frames)
    with BpumScreener(**options) as screener:
        out = screener.screen(frame, start=0, keys=True)
    stats = (
        out.filter(pl.col("nik_key").is_not_null())
        .group_by("nik_key")
        .agg(n=pl.len(), first=pl.col("line").min())
    )
    return out, stats


def _one_frame(frames: Any) -> pl.DataFrame:
    # A bag partition is a list of items; a delayed one is the frame itself.
    if isinstance(frames, pl.DataFrame):
        return frames
    items = list(frames)
    for item in items:
        if not isinstance(item, pl.DataFrame):
            raise TypeError(f"expected polars DataFrames as items, got {type(item).__name__}")
    return pl.concat(items, how="vertical") if items else pl.DataFrame()


def height(part: Part) -> int:
    """The records of a screened partition."""
    return part[0].height


def stats(part: Part) -> pl.DataFrame:
    """The key table of a screened partition: NIK, occurrences, first line."""
    return part[1]


def finished(
    part: Part, whole: tuple[list[int], pl.DataFrame], number: int, year: int
) -> list[pl.DataFrame]:
    """Pass 3 as a one-item partition (Dask bags hold lists)."""
    return [finish(part, whole, number, year)]


def plan(
    heights: list[int], stats: list[pl.DataFrame], start: int
) -> tuple[list[int], pl.DataFrame]:
    """Pass 2: the first line of each partition, and each repeated NIK's first line."""
    offsets = list(itertools.accumulate(heights, initial=start))[:-1]
    shifted = [
        s.select("nik_key", "n", first=pl.col("first") + offset)
        for s, offset in zip(stats, offsets, strict=True)
    ]
    if not shifted:
        return offsets, pl.DataFrame(schema={"nik_key": pl.Int64, "earlier": pl.Int64})
    totals = pl.concat(shifted).group_by("nik_key").agg(pl.col("n").sum(), pl.col("first").min())
    return offsets, totals.filter(pl.col("n") > 1).select("nik_key", earlier="first")


def finish(
    part: Part, whole: tuple[list[int], pl.DataFrame], number: int, year: int
) -> pl.DataFrame:
    """Pass 3: file lines, and duplicates marked against the whole run."""
    offsets, repeated = whole
    out = part[0].with_columns(pl.col("line") + offsets[number])
    out = out.join(repeated, on="nik_key", how="left", maintain_order="left")
    later = pl.col("earlier").is_not_null() & (pl.col("earlier") != pl.col("line"))
    marked = out.filter(later)
    # Screened alone, a partition numbered its own duplicates: every record of a
    # repeated NIK is decided here again, with the line of the run's first record.
    pairs = [(nik or "", earlier) for nik, earlier in marked.select("nik", "earlier").iter_rows()]
    messages = [duplicate_message(nik, earlier, year) for nik, earlier in pairs]
    messages_en = [duplicate_message_en(nik, earlier, year) for nik, earlier in pairs]
    marked = marked.with_columns(
        hasil=pl.lit(bpum.ScreeningOutcome.DUPLICATE.value),
        jumlah_bantuan=pl.lit("0"),
        kode_alasan=pl.lit([bpum.DUPLICATE_CODE], dtype=pl.List(pl.String)),
        alasan=pl.Series([[m] for m in messages], dtype=pl.List(pl.String)),
        alasan_en=pl.Series([[m] for m in messages_en], dtype=pl.List(pl.String)),
        duplikat_baris=pl.col("earlier"),
    )
    kept = out.filter(~later).with_columns(
        duplikat_baris=pl.when(pl.col("earlier").is_null()).then(pl.col("duplikat_baris"))
    )
    columns = list(BPUM_RESULT_COLUMNS)
    return pl.concat([kept.select(columns), marked.select(columns)]).sort("line")
