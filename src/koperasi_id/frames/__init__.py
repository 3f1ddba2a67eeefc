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

from typing import TYPE_CHECKING

from koperasi_id._lazy import lazy_exports

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
_EXPORTS: dict[str, tuple[str, ...]] = {
    "koperasi_id.frames._bpum": ("BPUM_RESULT_COLUMNS", "BpumScreener", "FrameRun"),
    "koperasi_id.frames._bpum_api": (
        "repeated_niks",
        "screen_bpum",
        "screen_bpum_batches",
        "screen_bpum_csv",
    ),
    "koperasi_id.frames._cooperatives": (
        "COOPERATIVE_STATUS_COLUMNS",
        "INVALID_STATUS",
        "NOT_YET_ESTABLISHED",
        "CooperativeCounter",
        "StatusRun",
    ),
    "koperasi_id.frames._cooperatives_api": ("cooperative_status", "summarize_registry"),
    "koperasi_id.frames._csv": ("write_bpum_csv",),
    "koperasi_id.frames._identifiers": (
        "IDENTIFIER_KINDS",
        "identifier_cells",
        "identifier_columns",
    ),
    "koperasi_id.frames._kur": ("KUR_RESULT_COLUMNS", "KurAssessor", "KurRun", "assess_kur"),
    "koperasi_id.frames._msme": ("MSME_RESULT_COLUMNS", "MsmeClassifier", "MsmeRun"),
    "koperasi_id.frames._msme_api": ("classify_msme",),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

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
