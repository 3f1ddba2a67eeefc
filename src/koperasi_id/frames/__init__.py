"""Columnar versions of the batch jobs, over polars (and pandas) tables.

BPUM screening (:func:`screen_bpum` and friends) and cooperative activity
status with the registry summary (:func:`cooperative_status`,
:func:`summarize_registry`).

An optional extra: ``pip install 'koperasi-id[polars]'``. The functions here
give, row for row, the decisions of the per-record functions
(:func:`koperasi_id.bpum.screen_rows` and friends) and read the same dated
regimes, ``rules=`` overrides included: no threshold, list or rate is written
twice. Rows the vectorised checks cannot decide go through the per-record
function, and the run counts them.

>>> import polars as pl
>>> from koperasi_id import frames
>>> df = pl.DataFrame({
...     "nik": ["1871010101900001", "1871010101900001", "12345"],
...     "kk": ["1871010101100001"] * 3, "nama": ["Siti"] * 3, "alamat_ktp": ["Jl. Kartini 5"] * 3,
...     "bidang_usaha": ["warung"] * 3, "telepon": ["081234567890"] * 3,
...     "pekerjaan": ["pedagang"] * 3, "punya_kur": ["tidak"] * 3,
...     "punya_kredit_bank_lain": ["tidak"] * 3, "jenis_pengusul": ["dinas_kabupaten_kota"] * 3,
...     "wilayah_pengusul": ["18.71"] * 3})
>>> out = frames.screen_bpum(df, year=2021, start=2)
>>> out.select("line", "nik", "hasil", "jumlah_bantuan", "duplikat_baris").rows()
[(2, '187101******0001', 'layak', '1200000', None), (3, '187101******0001', 'ganda', '0', 2), (4, None, 'tidak_valid', '0', None)]
"""

from __future__ import annotations

try:
    import polars as _polars  # noqa: F401  (the extra's presence is the check)
except ImportError as err:  # pragma: no cover - exercised in an environment without polars
    raise ImportError(
        "koperasi_id.frames needs polars, an optional extra: pip install 'koperasi-id[polars]'"
    ) from err

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from koperasi_id.frames._bpum import BPUM_RESULT_COLUMNS, BpumScreener, FrameRun
    from koperasi_id.frames._bpum_api import (
        repeated_niks,
        screen_bpum,
        screen_bpum_batches,
        screen_bpum_csv,
    )
    from koperasi_id.frames._cooperatives import (
        COOPERATIVE_STATUS_COLUMNS,
        INVALID_STATUS,
        NOT_YET_ESTABLISHED,
        CooperativeCounter,
        StatusRun,
    )
    from koperasi_id.frames._cooperatives_api import cooperative_status, summarize_registry
    from koperasi_id.frames._csv import write_bpum_csv
    from koperasi_id.frames._identifiers import (
        IDENTIFIER_KINDS,
        identifier_cells,
        identifier_columns,
    )
    from koperasi_id.frames._kur import KUR_RESULT_COLUMNS, KurAssessor, KurRun, assess_kur
    from koperasi_id.frames._msme import MSME_RESULT_COLUMNS, MsmeClassifier, MsmeRun
    from koperasi_id.frames._msme_api import classify_msme

# Each name's module, imported on first use: a job that screens BPUM rows
# does not pay for importing the cooperative, KUR and MSME engines.
_HOMES = {
    "BPUM_RESULT_COLUMNS": "_bpum",
    "BpumScreener": "_bpum",
    "FrameRun": "_bpum",
    "repeated_niks": "_bpum_api",
    "screen_bpum": "_bpum_api",
    "screen_bpum_batches": "_bpum_api",
    "screen_bpum_csv": "_bpum_api",
    "COOPERATIVE_STATUS_COLUMNS": "_cooperatives",
    "INVALID_STATUS": "_cooperatives",
    "NOT_YET_ESTABLISHED": "_cooperatives",
    "CooperativeCounter": "_cooperatives",
    "StatusRun": "_cooperatives",
    "cooperative_status": "_cooperatives_api",
    "summarize_registry": "_cooperatives_api",
    "write_bpum_csv": "_csv",
    "IDENTIFIER_KINDS": "_identifiers",
    "identifier_cells": "_identifiers",
    "identifier_columns": "_identifiers",
    "KUR_RESULT_COLUMNS": "_kur",
    "KurAssessor": "_kur",
    "KurRun": "_kur",
    "assess_kur": "_kur",
    "MSME_RESULT_COLUMNS": "_msme",
    "MsmeClassifier": "_msme",
    "MsmeRun": "_msme",
    "classify_msme": "_msme_api",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'koperasi_id.frames' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"koperasi_id.frames.{home}"), name)
    globals()[name] = value  # later look-ups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


__all__ = [
    "BPUM_RESULT_COLUMNS",
    "COOPERATIVE_STATUS_COLUMNS",
    "IDENTIFIER_KINDS",
    "INVALID_STATUS",
    "KUR_RESULT_COLUMNS",
    "MSME_RESULT_COLUMNS",
    "NOT_YET_ESTABLISHED",
    "BpumScreener",
    "CooperativeCounter",
    "FrameRun",
    "KurAssessor",
    "KurRun",
    "MsmeClassifier",
    "MsmeRun",
    "StatusRun",
    "assess_kur",
    "classify_msme",
    "cooperative_status",
    "identifier_cells",
    "identifier_columns",
    "repeated_niks",
    "screen_bpum",
    "screen_bpum_batches",
    "screen_bpum_csv",
    "summarize_registry",
    "write_bpum_csv",
]
