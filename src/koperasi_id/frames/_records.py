"""A batch of a file reader's records as a text frame, for the columnar engines."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import polars as pl

__all__ = ["record_frame"]


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
    names = columns or []
    frame = pl.DataFrame(
        {c: [None if pos in taken else r.data[c] for pos, r in enumerate(batch)] for c in names},
        schema=dict.fromkeys(names, pl.String),
        height=len(batch),
    )
    return frame, taken
