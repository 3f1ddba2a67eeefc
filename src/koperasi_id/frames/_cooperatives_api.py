"""The entry points of columnar cooperative status: per-row status and the registry summary."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import polars as pl

from koperasi_id.cooperatives import ActivityRule
from koperasi_id.cooperatives._dimensions import DEFAULT_BREAKDOWNS, Dimension
from koperasi_id.frames._bpum_api import _as_polars, _batches, _checked_counts
from koperasi_id.frames._cooperatives import CooperativeCounter, StatusRun
from koperasi_id.frames._cooperatives_decisions import _SCHEMA
from koperasi_id.law import Timeline

__all__ = ["cooperative_status", "summarize_registry"]


def cooperative_status(
    frame: pl.DataFrame | pl.LazyFrame,
    *,
    as_of: date,
    window_years: int | None = None,
    unreported_counts_as_missed: bool | None = None,
    rules: Timeline[ActivityRule] | None = None,
    deadline_rules: Timeline[int] | None = None,
    lenient: bool = False,
    start: int = 0,
    batch_size: int = 100_000,
) -> pl.DataFrame:
    """Activity status of every row of a registry table on ``as_of``, with its reasons.

    The columns are those of the CSV row format (``name``, ``deed_approved_on``,
    ``rat_records[0].held_on``, ..., as text); a pandas DataFrame is converted
    with ``polars.from_pandas``. The result has :data:`COOPERATIVE_STATUS_COLUMNS`,
    one row per input row, ``line`` counted from ``start``. Row for row it is
    what the per-record path gives: :func:`koperasi_id.rows.structure` and then
    :func:`~koperasi_id.cooperatives.activity_status` (its status, legal status,
    finding codes and messages), ``belum_berdiri`` for a deed approved after
    ``as_of``, ``tidak_valid`` with the problems for a row that is not a
    cooperative. The parameters are those of ``activity_status``.
    """
    _checked_counts(start=start, batch_size=batch_size)
    counter = CooperativeCounter(
        as_of=as_of,
        by=(),
        window_years=window_years,
        unreported_counts_as_missed=unreported_counts_as_missed,
        rules=rules,
        deadline_rules=deadline_rules,
        lenient=lenient,
    )
    parts = []
    offset = start
    for batch in _batches(_as_polars(frame), batch_size):
        parts.append(counter.count(batch, start=offset))
        offset += batch.height
    if parts:
        return pl.concat(parts)
    return pl.DataFrame(
        schema={"line": pl.Int64, **{k: v for k, v in _SCHEMA.items() if k != "pos"}}
    )


def summarize_registry(
    frame: pl.DataFrame | pl.LazyFrame,
    *,
    as_of: date,
    by: Dimension | str | Iterable[str] = DEFAULT_BREAKDOWNS,
    window_years: int | None = None,
    unreported_counts_as_missed: bool | None = None,
    percent_places: int = 2,
    rules: Timeline[ActivityRule] | None = None,
    deadline_rules: Timeline[int] | None = None,
    lenient: bool = False,
    batch_size: int = 100_000,
) -> StatusRun:
    """The registry summary of a table, as :func:`koperasi_id.cooperatives.summarize` counts it.

    Rows that are not valid cooperatives count as ``invalid`` (what
    ``koperasi-id cooperatives status`` does with a file). The result's
    ``summary`` is the :class:`~koperasi_id.cooperatives.RegistrySummary`;
    ``columnar`` and ``per_record`` say how many rows each path decided.
    """
    _checked_counts(start=0, batch_size=batch_size)
    counter = CooperativeCounter(
        as_of=as_of,
        by=by,
        window_years=window_years,
        unreported_counts_as_missed=unreported_counts_as_missed,
        percent_places=percent_places,
        rules=rules,
        deadline_rules=deadline_rules,
        lenient=lenient,
    )
    for batch in _batches(_as_polars(frame), batch_size):
        counter.count(batch, reasons=False)
    return counter.run
