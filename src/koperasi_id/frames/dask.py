"""Columnar screening on Dask: partitions of polars frames, duplicates across them.

Needs the ``polars`` and ``dask`` extras. Two routes, one result:

- :func:`screen_bpum_dataframe` takes a :class:`dask.dataframe.DataFrame`
  (pandas partitions, as ``dd.read_csv`` gives them) and gives a lazy Dask
  DataFrame of results, one partition per input partition, each row on the
  index of its proposal;
- :func:`screen_bpum_partitions` takes a :class:`dask.bag.Bag` whose items
  are polars DataFrames of proposal rows (or a sequence of ``dask.delayed``
  frames) and gives a bag of result frames, one per partition.

Either way the partitions follow each other in file order, and their results
concatenate to exactly :func:`koperasi_id.frames.screen_bpum` of the whole
table. :func:`cooperative_status_dataframe` does the same for
:func:`koperasi_id.frames.cooperative_status`.

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

>>> import dask.dataframe as dd  # doctest: +SKIP
>>> ddf = dd.read_csv("usulan.csv", dtype=str, keep_default_na=False, blocksize="64MB")  # doctest: +SKIP
>>> out = screen_bpum_dataframe(ddf, year=2021, start=2)  # doctest: +SKIP
>>> out[out.hasil == "ganda"].to_parquet("ganda/")  # doctest: +SKIP

>>> import dask.bag as db  # doctest: +SKIP
>>> parts = db.from_sequence([df.slice(0, 5_000), df.slice(5_000)], npartitions=2)  # doctest: +SKIP
>>> out = pl.concat(screen_bpum_partitions(parts, year=2021, start=2).compute())  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import itertools
from collections.abc import Sequence
from datetime import date
from typing import Any

import polars as pl

from koperasi_id import bpum
from koperasi_id.cooperatives import ActivityRule
from koperasi_id.errors import RuleInputError
from koperasi_id.frames import cooperative_status, screen_bpum
from koperasi_id.frames._partitions import (
    Part,
    checked_options,
    finish,
    finished,
    height,
    plan,
    screen_part,
    stats,
)
from koperasi_id.law import Timeline

__all__ = ["cooperative_status_dataframe", "screen_bpum_dataframe", "screen_bpum_partitions"]


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
    # An unknown year or rule fails here, not on a worker.
    options = checked_options(
        year=year, other_bank_credit_rule=other_bank_credit_rule, rules=rules, lenient=lenient
    )
    if hasattr(parts, "to_delayed"):
        pieces: Sequence[Any] = parts.to_delayed()
    elif (
        isinstance(parts, Sequence)
        and not isinstance(parts, str | bytes)
        and all(_is_part(piece) for piece in parts)
    ):
        pieces = list(parts)
    else:
        # Checked here: a wrong argument would otherwise fail on a worker, late
        # and as some error of dask's.
        raise RuleInputError(
            "parts is a dask bag of polars DataFrames or a sequence of delayed ones, "
            f"not {type(parts).__name__}"
        )
    screened = [delayed(screen_part)(piece, options) for piece in pieces]
    heights = [delayed(height)(s) for s in screened]
    tables = [delayed(stats)(s) for s in screened]
    whole = delayed(plan)(heights, tables, start)
    return bags.from_delayed([delayed(finished)(s, whole, i, year) for i, s in enumerate(screened)])


def _is_part(piece: object) -> bool:
    # A polars frame, or a dask.delayed one (whose type lives in dask).
    return type(piece).__module__.split(".")[0] in {"polars", "dask"}


def screen_bpum_dataframe(
    frame: Any,
    *,
    year: int,
    other_bank_credit_rule: bpum.OtherBankCreditRule = bpum.OtherBankCreditRule.REGULATION_TEXT,
    rules: Timeline[bpum.Programme] = bpum.PROGRAMMES,
    start: int = 0,
    lenient: bool = False,
) -> Any:
    """A lazy Dask DataFrame of screening results, partition for partition of ``frame``.

    ``frame`` is a :class:`dask.dataframe.DataFrame` of proposal rows with
    pandas partitions, in the file's order, lines counted from ``start``
    (``dd.read_csv(path, dtype=str, keep_default_na=False)`` reads the cells
    as the file holds them). Each partition goes to polars
    (``polars.from_pandas``) and is screened column-wise on its worker.

    The result is what a Dask user chains on: a Dask DataFrame with the
    columns of :data:`~koperasi_id.frames.BPUM_RESULT_COLUMNS` as pyarrow
    types (the reasons as lists of text, ``duplikat_baris`` as a whole number
    that may be missing), one partition per input partition, each row on its
    proposal's index (the divisions are ``frame``'s), so it can be filtered,
    joined back or written to Parquet without a pass through the driver.
    ``polars.from_pandas(result.compute())`` equals ``screen_bpum`` of the
    whole table row for row, duplicates across partitions included. An
    unknown ``year`` or a frame that is not a Dask DataFrame raises at once.
    """
    dataframes: Any = importlib.import_module("dask.dataframe")
    delayed: Any = importlib.import_module("dask.delayed").delayed
    options = checked_options(
        year=year, other_bank_credit_rule=other_bank_credit_rule, rules=rules, lenient=lenient
    )
    pieces = _pieces(frame, dataframes)
    # The result's types, read off the engine itself (a bad start fails here too).
    empty = pl.DataFrame(schema=dict.fromkeys(bpum.PROPOSAL_COLUMNS, pl.String))
    meta = _pandas(screen_bpum(empty, start=start, **options), _meta_index(frame))
    screened = [delayed(_screen_pandas)(piece, options) for piece in pieces]
    heights = [delayed(height)(s) for s in screened]
    tables = [delayed(stats)(s) for s in screened]
    whole = delayed(plan)(heights, tables, start)
    parts = [
        delayed(_finished_pandas)(s, whole, i, year, delayed(_index)(piece))
        for i, (s, piece) in enumerate(zip(screened, pieces, strict=True))
    ]
    return dataframes.from_delayed(parts, meta=meta, divisions=_divisions(frame))


def cooperative_status_dataframe(
    frame: Any,
    *,
    as_of: date,
    window_years: int | None = None,
    unreported_counts_as_missed: bool | None = None,
    rules: Timeline[ActivityRule] | None = None,
    deadline_rules: Timeline[int] | None = None,
    lenient: bool = False,
    start: int = 0,
) -> Any:
    """A lazy Dask DataFrame of activity status, partition for partition of ``frame``.

    ``frame`` is a :class:`dask.dataframe.DataFrame` of registry rows (the
    columns of :func:`~koperasi_id.frames.cooperative_status`) with pandas
    partitions, in the file's order, lines counted from ``start``. Status
    needs no other row, so each partition is decided on its worker; only the
    partitions' lengths travel, to number the lines. The result has
    :data:`~koperasi_id.frames.COOPERATIVE_STATUS_COLUMNS` as pyarrow types,
    on the input's index and divisions; ``polars.from_pandas(result.compute())``
    equals ``cooperative_status`` of the whole table row for row.
    """
    dataframes: Any = importlib.import_module("dask.dataframe")
    delayed: Any = importlib.import_module("dask.delayed").delayed
    options: dict[str, Any] = {
        "as_of": as_of,
        "window_years": window_years,
        "unreported_counts_as_missed": unreported_counts_as_missed,
        "rules": rules,
        "deadline_rules": deadline_rules,
        "lenient": lenient,
    }
    pieces = _pieces(frame, dataframes)
    # An as_of no rule covers, or a bad start, fails here rather than on a worker.
    meta = _pandas(cooperative_status(pl.DataFrame(), start=start, **options), _meta_index(frame))
    decided = [delayed(_status_pandas)(piece, options) for piece in pieces]
    firsts = delayed(_first_lines)([delayed(len)(d) for d in decided], start)
    parts = [
        delayed(_numbered_pandas)(d, firsts, i, delayed(_index)(piece))
        for i, (d, piece) in enumerate(zip(decided, pieces, strict=True))
    ]
    return dataframes.from_delayed(parts, meta=meta, divisions=_divisions(frame))


def _pieces(frame: Any, dataframes: Any) -> list[Any]:
    if not isinstance(frame, dataframes.DataFrame):
        # Checked here: a wrong argument would otherwise fail on a worker, late.
        raise RuleInputError(f"frame is a Dask DataFrame, not {type(frame).__name__}")
    return list(frame.to_delayed())


def _meta_index(frame: Any) -> Any:
    make_meta: Any = importlib.import_module("dask.dataframe.utils").make_meta
    return make_meta(frame).index


def _divisions(frame: Any) -> tuple[Any, ...] | None:
    # Each result row keeps its proposal's index, so the input's divisions hold.
    return tuple(frame.divisions) if frame.known_divisions else None


def _polars(piece: Any) -> pl.DataFrame:
    if type(piece).__module__.split(".")[0] != "pandas":
        raise TypeError(f"expected pandas partitions, got {type(piece).__name__}")
    return pl.from_pandas(piece)


def _index(piece: Any) -> Any:
    return piece.index


def _pandas(frame: pl.DataFrame, index: Any) -> Any:
    # pyarrow types: lists of text stay lists, a missing line number stays whole.
    out = frame.to_pandas(use_pyarrow_extension_array=True)
    out.index = index
    return out


def _screen_pandas(piece: Any, options: dict[str, Any]) -> Part:
    return screen_part(_polars(piece), options)


def _finished_pandas(
    part: Part, whole: tuple[list[int], pl.DataFrame], number: int, year: int, index: Any
) -> Any:
    return _pandas(finish(part, whole, number, year), index)


def _status_pandas(piece: Any, options: dict[str, Any]) -> pl.DataFrame:
    return cooperative_status(_polars(piece), **options)


def _first_lines(heights: list[int], start: int) -> list[int]:
    return list(itertools.accumulate(heights, initial=start))[:-1]


def _numbered_pandas(decided: pl.DataFrame, firsts: list[int], number: int, index: Any) -> Any:
    return _pandas(decided.with_columns(pl.col("line") + firsts[number]), index)
