"""Batch functions for distributed engines: plain data in, plain data out.

Every function here is a module-level function over an iterable of records
(wire-format dicts, or CSV rows as lists of cells) that returns a list of
plain dicts: results *and* errors, never an exception for a bad record. They
pickle by reference and fetch the process-wide converter in whichever process
runs them, so Dask ``map_partitions``, PySpark ``mapInPandas`` or a
``multiprocessing`` pool can call them without shipping a converter (which
cannot be pickled).

- :func:`screen_records` / :func:`screen_rows`: BPUM screening of a chunk,
  the same results as :func:`koperasi_id.bpum.screen` /
  :func:`~koperasi_id.bpum.screen_rows`, as dicts;
- :func:`validate_records`: structure any entity, ``{index, valid, problems}``;
- :func:`read_jsonl_lines` / :func:`read_csv_lines`: text lines to records;
- :func:`nik_keys` / :func:`as_duplicate`: the pieces a two-pass distributed
  run uses to flag NIK duplicates *across* partitions (see
  :mod:`koperasi_id.batch.dask`).

>>> import pickle
>>> pickle.loads(pickle.dumps(screen_records)) is screen_records
True
"""

from koperasi_id.batch._core import (
    Record,
    ResultDict,
    as_duplicate,
    nik_keys,
    read_csv_lines,
    read_jsonl_lines,
    screen_records,
    screen_rows,
    validate_records,
)

__all__ = [
    "Record",
    "ResultDict",
    "as_duplicate",
    "nik_keys",
    "read_csv_lines",
    "read_jsonl_lines",
    "screen_records",
    "screen_rows",
    "validate_records",
]
