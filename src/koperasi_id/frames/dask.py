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
from collections.abc import Sequence
from typing import Any

from koperasi_id import bpum
from koperasi_id.errors import RuleInputError
from koperasi_id.frames._partitions import (
    checked_options,
    finished,
    height,
    plan,
    screen_part,
    stats,
)
from koperasi_id.law import Timeline

__all__ = ["screen_bpum_partitions"]


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
