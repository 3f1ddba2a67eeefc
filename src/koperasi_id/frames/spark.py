"""Columnar BPUM screening on Spark: each partition as a polars frame, duplicates across them.

Needs the ``polars`` extra, and PySpark with a Java runtime (not an extra of
this library: install Spark as your cluster does). :func:`screen_bpum_spark`
takes a Spark DataFrame of proposal rows whose columns are text (as
``spark.read.csv(path, header=True)`` reads them, without ``inferSchema``)
and gives an RDD of result frames, one per partition, in order; they
concatenate to exactly :func:`koperasi_id.frames.screen_bpum` of the whole
table, lines counted from ``start`` in the DataFrame's row order.

The passes are those of :mod:`koperasi_id.frames.dask`: each partition is
screened alone (cached), its NIK table is collected to the driver, the
driver finds each repeated NIK's first line and broadcasts that small
table, and each partition then marks its duplicates. No pandas or Arrow is
needed: rows reach polars as Python values.

>>> from pyspark.sql import SparkSession  # doctest: +SKIP
>>> spark = SparkSession.builder.master("local[2]").getOrCreate()  # doctest: +SKIP
>>> df = spark.read.csv("usulan.csv", header=True)  # doctest: +SKIP
>>> out = pl.concat(screen_bpum_spark(df, year=2021, start=2).collect())  # doctest: +SKIP
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

import polars as pl

from koperasi_id import bpum
from koperasi_id.errors import RuleInputError
from koperasi_id.frames._partitions import (
    Part,
    checked_options,
    finish,
    height,
    plan,
    screen_part,
    stats,
)
from koperasi_id.law import Timeline

__all__ = ["screen_bpum_spark"]


def _frame_of(columns: list[str], rows: Iterable[Any]) -> Iterator[pl.DataFrame]:
    # One frame per partition, an empty one too: pass 3 numbers partitions by index.
    cells = [tuple(row) for row in rows]
    yield pl.DataFrame(
        {c: [row[i] for row in cells] for i, c in enumerate(columns)},
        schema=dict.fromkeys(columns, pl.String),
    )


def _finish_each(
    number: int, parts: Iterable[Part], *, whole: Any, year: int
) -> Iterator[pl.DataFrame]:
    for part in parts:
        yield finish(part, whole.value, number, year)


def screen_bpum_spark(
    frame: Any,
    *,
    year: int,
    other_bank_credit_rule: bpum.OtherBankCreditRule = bpum.OtherBankCreditRule.REGULATION_TEXT,
    rules: Timeline[bpum.Programme] = bpum.PROGRAMMES,
    start: int = 0,
    lenient: bool = False,
) -> Any:
    """An RDD of polars result frames, one per partition of the Spark DataFrame ``frame``.

    The columns are those of :func:`~koperasi_id.frames.screen_bpum`, as text;
    the concatenated results equal ``screen_bpum`` of the whole table row for
    row, duplicates across partitions included. Two Spark jobs run here (the
    screening, cached, and the collection of the NIK tables); the returned
    RDD is lazy. An unknown ``year`` raises at once.
    """
    # An unknown year or rule fails here, not on a executor.
    options = checked_options(
        year=year, other_bank_credit_rule=other_bank_credit_rule, rules=rules, lenient=lenient
    )
    if not all(hasattr(frame, name) for name in ("columns", "rdd", "sparkSession")):
        raise RuleInputError(f"frame is a Spark DataFrame, not {type(frame).__name__}")
    columns = list(frame.columns)
    frames = frame.rdd.mapPartitions(functools.partial(_frame_of, columns))
    screened = frames.map(functools.partial(screen_part, options=options)).cache()
    whole = plan(screened.map(height).collect(), screened.map(stats).collect(), start)
    shared = frame.sparkSession.sparkContext.broadcast(whole)
    return screened.mapPartitionsWithIndex(
        functools.partial(_finish_each, whole=shared, year=year), preservesPartitioning=True
    )
