"""The entry point of columnar MSME classification: a polars (or pandas) frame of businesses."""

from __future__ import annotations

from datetime import date

import polars as pl

from koperasi_id import msme
from koperasi_id.frames._msme import SCHEMA, MsmeClassifier, MsmeRun
from koperasi_id.frames._records import over_batches
from koperasi_id.law import Timeline

__all__ = ["classify_msme"]


def classify_msme(
    frame: pl.DataFrame | pl.LazyFrame,
    *,
    as_of: date,
    purpose: msme.Purpose | None = None,
    policy: msme.ConflictPolicy = msme.ConflictPolicy.BY_PURPOSE,
    rules: Timeline[msme.SizeCriteria] | None = None,
    start: int = 0,
    lenient: bool = False,
    batch_size: int = 100_000,
    run: MsmeRun | None = None,
) -> pl.DataFrame:
    """Classify a table of businesses (the columns of :class:`koperasi_id.msme.Business`).

    One result row per input row, :data:`MSME_RESULT_COLUMNS`, with ``line``
    counted from ``start``; row for row it equals
    :func:`koperasi_id.msme.classification_row` of each row structured with
    :func:`koperasi_id.rows.structure`. A pandas DataFrame is converted with
    ``polars.from_pandas``. Pass an :class:`MsmeRun` as ``run`` to have the
    summary and the rows per path counted into it.

    >>> import polars as pl
    >>> from datetime import date
    >>> df = pl.DataFrame({"name": ["Warung", "Toko", " "],
    ...                    "owner_nik": ["1871014101900002", "1871010101900001", "1"],
    ...                    "started_on": ["2019-03-01"] * 3,
    ...                    "capital": ["250000000", "6000000000", ""],
    ...                    "annual_sales": ["", "12000000000", ""]})
    >>> out = classify_msme(df, as_of=date(2024, 1, 1), start=2)
    >>> out.select("line", "hasil", "ukuran", "kriteria", "konflik").rows()
    [(2, 'diklasifikasi', 'mikro', 'modal_usaha', False), (3, 'diklasifikasi', 'kecil', 'hasil_penjualan_tahunan', True), (4, 'tidak_valid', None, None, None)]
    >>> out["alasan_en"][0][0]
    'Business capital Rp250.000.000: micro business (at most Rp1.000.000.000).'
    """
    classifier = MsmeClassifier(
        as_of=as_of,
        purpose=purpose,
        policy=policy,
        rules=rules,
        lenient=lenient,
        summary=None if run is None else run.summary,
    )
    out = over_batches(
        frame,
        lambda batch, first: classifier.classify(batch, start=first),
        start=start,
        batch_size=batch_size,
        schema=SCHEMA,
    )
    if run is not None:
        run.columnar += classifier.run.columnar
        run.per_record += classifier.run.per_record
    return out
