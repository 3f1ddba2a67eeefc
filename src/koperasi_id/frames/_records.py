"""A batch of a file reader's records as a text frame, for the columnar engines."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import polars as pl

from koperasi_id.frames._bpum_api import _as_polars, _batches, _checked_counts

__all__ = ["batch_positions", "over_batches", "record_frame"]


def batch_positions(
    n: int, *, lines: Sequence[int] | pl.Series | None, start: int, errors: Mapping[int, Any] | None
) -> tuple[pl.Series, dict[int, Any], pl.Series]:
    """A batch's line numbers (``lines``, else from ``start``), the rows taken as they are
    (``errors``) and the mask of those rows, for the columnar engines' ``skip``."""
    line = (
        pl.Series("line", lines, dtype=pl.Int64)
        if lines is not None
        else pl.int_range(start, start + n, dtype=pl.Int64, eager=True).alias("line")
    )
    forced = dict(errors or {})
    skip = pl.Series([False] * n, dtype=pl.Boolean)
    if forced:
        skip = skip.scatter(list(forced), True)
    return line, forced, skip


def over_batches(
    frame: Any,
    step: Callable[[pl.DataFrame, int], pl.DataFrame],
    *,
    start: int,
    batch_size: int,
    schema: Mapping[str, Any],
) -> pl.DataFrame:
    """``step(batch, first line)`` over a frame (polars, lazy or pandas), batch by batch."""
    _checked_counts(start=start, batch_size=batch_size)
    parts = []
    offset = start
    for batch in _batches(_as_polars(frame), batch_size):
        parts.append(step(batch, offset))
        offset += batch.height
    return pl.concat(parts) if parts else pl.DataFrame(schema=dict(schema))


def record_frame(
    batch: Sequence[Any], structure_one: Callable[[Any], Any]
) -> tuple[pl.DataFrame, dict[int, Any]]:
    """The records of ``batch`` (:class:`koperasi_id._io.InputRecord`) as a text frame.

    The columns are those of the first plain CSV record. A record the reader
    could not split into exactly those columns (read problems, JSON, ragged
    rows) is taken per record: its cells are null and ``structure_one(record)``
    is in the returned map under its position, for the engine to use as is.
    """
    columns: list[str] | None = None
    taken: dict[int, Any] = {}
    for pos, record in enumerate(batch):
        if columns is None and record.flat and not record.problems and None not in record.data:
            columns = list(record.data)
        if record.problems or not record.flat or columns is None or list(record.data) != columns:
            taken[pos] = structure_one(record)
    # Without one clean flat record (JSON Lines) every record is taken as read;
    # a frame of no columns would have no height, so one empty column stands in.
    names = columns or [""]
    blank = [None] * len(names)
    # Row lists built by the C dict view, columns by polars: the batch's costliest step.
    frame = pl.DataFrame(
        [blank if pos in taken else list(r.data.values()) for pos, r in enumerate(batch)],
        schema=dict.fromkeys(names, pl.String),
        orient="row",
    )
    return frame, taken
