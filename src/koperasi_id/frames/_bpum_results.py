"""The result frame of a columnar BPUM batch: duplicates marked, rows in order, the summary.

The rows the vectorised checks decided and those the per-record engine
screened come together here; a NIK's first valid record is looked up in the
stream's duplicate index (:class:`~koperasi_id.frames._first_lines.FirstLines`),
so duplicates span batches.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import polars as pl

from koperasi_id import bpum
from koperasi_id.bpum._screening import duplicate_message, duplicate_message_en
from koperasi_id.frames._columns import add_reason_counts
from koperasi_id.frames._first_lines import FirstLines

__all__ = ["RESULT_SCHEMA", "Slow", "assemble", "count", "member", "string_lists"]

#: The columns of a result frame, with their types.
RESULT_SCHEMA: dict[str, Any] = {
    "line": pl.Int64,
    "nik": pl.String,
    "hasil": pl.String,
    "jumlah_bantuan": pl.String,
    "kode_alasan": pl.List(pl.String),
    "alasan": pl.List(pl.String),
    "alasan_en": pl.List(pl.String),
    "duplikat_baris": pl.Int64,
}

#: Rows the per-record engine screened: (pos, result, NIK as a number when valid).
Slow = list[tuple[int, bpum.ScreeningResult, int | None]]


def assemble(
    fast: pl.DataFrame,
    slow: Slow,
    line: pl.Series,
    *,
    seen: FirstLines,
    repeated: pl.Series | None,
    year: int,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """One result row per input row, sorted by ``pos``; and every valid row's NIK key.

    ``fast`` holds the rows the checks decided (NIK digits unmasked), ``slow``
    the others; ``repeated`` (sorted, distinct) the NIKs worth indexing, or None
    for all of them. The second frame has ``pos`` and ``key`` columns.
    """
    keys = pl.concat(
        [
            fast.select("pos", key=pl.col("nik").cast(pl.Int64)),
            pl.DataFrame(
                {"pos": [p for p, _, _ in slow], "key": [k for _, _, k in slow]},
                schema={"pos": pl.UInt32, "key": pl.Int64},
            ),
        ]
    ).drop_nulls("key")
    every_key = keys
    if repeated is not None:
        # A NIK seen once in the whole stream is no duplicate: it need not be indexed.
        keys = keys.filter(member(keys["key"], repeated))
    dups = seen.duplicates(keys.with_columns(line=line.gather(keys["pos"])))
    # Duplicates: one row per record, built column-wise (a message each).
    slow_masked = pl.DataFrame(
        {"pos": [p for p, _, _ in slow], "masked": [r.nik or "" for _, r, _ in slow]},
        schema={"pos": pl.UInt32, "masked": pl.String},
    )
    twins = (
        dups.with_columns(line=line.gather(dups["pos"]))
        .join(fast.select("pos", "nik"), on="pos", how="left")
        .join(slow_masked, on="pos", how="left")
        .select(
            "pos",
            "line",
            nik=pl.when(pl.col("nik").is_not_null())
            .then(pl.col("nik").str.slice(0, 6) + pl.lit("******") + pl.col("nik").str.slice(12))
            .otherwise(pl.col("masked")),
            earlier="earlier",
        )
    )
    pairs = twins.select("nik", "earlier").rows()
    messages = [duplicate_message(m, e, year) for m, e in pairs]
    messages_en = [duplicate_message_en(m, e, year) for m, e in pairs]
    twins = twins.select(
        "pos",
        "line",
        "nik",
        hasil=pl.lit(bpum.ScreeningOutcome.DUPLICATE.value),
        jumlah_bantuan=pl.lit("0"),
        kode_alasan=pl.lit([bpum.DUPLICATE_CODE], dtype=pl.List(pl.String)),
        alasan=pl.concat_list(pl.lit(pl.Series(messages, dtype=pl.String))),
        alasan_en=pl.concat_list(pl.lit(pl.Series(messages_en, dtype=pl.String))),
        duplikat_baris="earlier",
    )
    twin_pos = set(dups["pos"].to_list())
    single = [(p, r) for p, r, _ in slow if p not in twin_pos]
    others = pl.DataFrame(
        {
            "pos": [p for p, _ in single],
            "line": [r.index for _, r in single],
            "nik": [r.nik for _, r in single],
            "hasil": [r.outcome.value for _, r in single],
            "jumlah_bantuan": [str(r.amount) for _, r in single],
            "kode_alasan": string_lists([r.failed_codes for _, r in single]),
            "alasan": string_lists([r.messages for _, r in single]),
            "alasan_en": string_lists([r.messages_en for _, r in single]),
            "duplikat_baris": [r.duplicate_of for _, r in single],
        },
        schema={"pos": pl.UInt32, **RESULT_SCHEMA},
    )
    decided = fast.filter(~pl.col("pos").is_in(dups["pos"].implode())).select(
        "pos",
        "line",
        nik=pl.col("nik").str.slice(0, 6) + pl.lit("******") + pl.col("nik").str.slice(12),
        hasil="hasil",
        jumlah_bantuan="jumlah_bantuan",
        kode_alasan="kode_alasan",
        alasan="alasan",
        alasan_en="alasan_en",
        duplikat_baris=pl.lit(None, dtype=pl.Int64),
    )
    return pl.concat([decided, others, twins]).sort("pos"), every_key


def count(out: pl.DataFrame, summary: bpum.ScreeningSummary) -> None:
    """Add the rows of a result frame to ``summary``, as ``summary.add`` would one by one."""
    summary.total += out.height
    for hasil, n in out.group_by("hasil", maintain_order=True).len().iter_rows():
        summary.by_outcome[hasil] = summary.by_outcome.get(hasil, 0) + n
    add_reason_counts(summary.by_reason, out)
    eligible = out.filter(pl.col("hasil") == bpum.ScreeningOutcome.ELIGIBLE.value)
    for amount, n in eligible.group_by("jumlah_bantuan").len().iter_rows():
        summary.eligible_amount += Decimal(amount) * n


def member(values: pl.Series, ordered: pl.Series) -> pl.Series:
    """Which ``values`` are in the sorted, distinct ``ordered`` (by binary search)."""
    if ordered.len() == 0:
        return pl.Series([False] * values.len(), dtype=pl.Boolean)
    at = ordered.search_sorted(values).clip(0, ordered.len() - 1)
    return ordered.gather(at) == values


def string_lists(values: Sequence[Sequence[str]]) -> pl.Series:
    """Lists of strings as one polars column, without a Python object per list.

    (Building a list column from Python lists costs tens of microseconds a row.)

    >>> string_lists([(), ("a", ""), ()]).to_list()
    [[], ['a', ''], []]
    >>> string_lists([]).dtype
    List(String)
    """
    # Each list is grouped behind a null, so an empty list still has a group;
    # one query groups them in order and drops the nulls again.
    row = pl.Series([i for i, v in enumerate(values) for _ in range(len(v) + 1)], dtype=pl.UInt32)
    flat = pl.Series([x for v in values for x in (None, *v)], dtype=pl.String)
    return (
        pl.DataFrame({"row": row, "v": flat})
        .lazy()
        .group_by("row", maintain_order=True)
        .agg("v")
        .select(pl.col("v").list.slice(1))
        .collect()["v"]
    )
