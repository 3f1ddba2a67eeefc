"""Screen a large BPUM proposal file on Dask, across partitions (optional extra).

Needs ``pip install 'koperasi-id[dask]'``. :func:`screen_file` reads a CSV or
JSON Lines file with :func:`dask.bag.read_text` in blocks, screens every
block in parallel with :func:`koperasi_id.batch.screen_records` /
:func:`~koperasi_id.batch.screen_rows`, and returns a :class:`dask.bag.Bag`
of result dicts, in file order, **identical row for row** to a
single-process :func:`koperasi_id.bpum.screen` of the whole file.

NIK duplicates are the one thing a block cannot decide alone (R-BPUM-3: the
second and later valid records of a NIK in the run). The graph therefore
runs in two passes: each block is screened and reports the canonical NIK of
each valid record; a small reduction finds the NIKs seen more than once and
where each was first seen; each block then re-labels its later occurrences
as duplicates of that first record (re-screening only those rows, so the
messages are the library's own). Only the duplicated NIKs travel between
workers; no converter is shipped.

Limits: a CSV cell must not contain a line break (blocks split at line ends;
use JSON Lines for such data); a CSV file has one header line, whose
delimiter (``,``, ``;`` or tab) is detected as the command line detects it;
``start`` numbers the records (not the lines) from the first data record.

Partitions: unless ``blocksize`` is given, the file is cut by its size and
the number of workers, :data:`PARTITIONS_PER_WORKER` blocks per worker
thread (so a slow block does not leave a worker idle at the end) and no
block under :data:`MIN_BLOCKSIZE`. A fixed block size (Dask's default is 64
MiB) would make any smaller file one partition, screened by one worker.

>>> from koperasi_id.batch.dask import screen_file  # doctest: +SKIP
>>> bag = screen_file("usulan.csv", year=2021, start=2)  # doctest: +SKIP
>>> bag.pluck("outcome").frequencies().compute()  # doctest: +SKIP
[('layak', 812345), ('tidak_layak', 61234), ('tidak_valid', 3021), ('ganda', 24001)]
"""

from __future__ import annotations

import csv
import importlib
import itertools
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from koperasi_id import bpum
from koperasi_id._io import InputError, detect_delimiter
from koperasi_id._values import mask
from koperasi_id.batch._core import (
    Record,
    ResultDict,
    as_duplicate,
    nik_keys,
    read_csv_lines,
    read_jsonl_lines,
    screen_records,
    screen_rows,
)
from koperasi_id.errors import RuleInputError

if TYPE_CHECKING:
    import dask.bag as db

__all__ = ["MIN_BLOCKSIZE", "PARTITIONS_PER_WORKER", "partition_blocksize", "screen_file"]

#: Blocks per worker thread when the block size follows the file size.
PARTITIONS_PER_WORKER = 2
#: No block smaller than this (about 2,000 BPUM rows): below it, Dask's
#: per-task cost outweighs the parallel gain.
MIN_BLOCKSIZE = 256 * 1024

_Keys = list[str | None]
_Screened = tuple[list[ResultDict], _Keys]


def _records(
    lines: Sequence[str], header: Sequence[str] | None, first_block: bool, delimiter: str
) -> list[Any]:
    if header is None:
        return list(read_jsonl_lines(lines))
    rows = read_csv_lines(lines, delimiter=delimiter)
    if first_block:
        next(rows, None)
    return list(rows)


def _screen_block(
    lines: Sequence[str],
    *,
    header: Sequence[str] | None,
    first_block: bool,
    options: dict[str, Any],
    delimiter: str = ",",
) -> _Screened:
    records = _records(lines, header, first_block, delimiter)
    local = {**options, "start": 0}  # block-local positions; offsets come later
    if header is None:
        results = screen_records(records, **local)
    else:
        results = screen_rows(records, header=header, **local)
    return results, nik_keys(results, records, header=header)


def _first_seen(block: _Screened) -> tuple[int, dict[str, list[int]]]:
    """(records in the block, NIK -> [occurrences, first position in the block])."""
    results, keys = block
    seen: dict[str, list[int]] = {}
    for result, key in zip(results, keys, strict=True):
        if key is not None:
            entry = seen.get(key)
            if entry is None:
                seen[key] = [1, result["index"]]
            else:
                entry[0] += 1
    return len(results), seen


def _duplicated(
    blocks: list[tuple[int, dict[str, list[int]]]], start: int
) -> tuple[list[int], dict[str, int]]:
    """Offsets of the blocks, and the global first index of every NIK seen twice or more."""
    offsets = list(itertools.accumulate((n for n, _ in blocks[:-1]), initial=start))
    totals: dict[str, list[int]] = {}
    for offset, (_, seen) in zip(offsets, blocks, strict=True):
        for key, (count, first) in seen.items():
            entry = totals.get(key)
            if entry is None:
                totals[key] = [count, first + offset]
            else:
                entry[0] += count  # blocks come in file order: the first index stays
    return offsets, {key: first for key, (count, first) in totals.items() if count > 1}


def _finish_block(
    lines: Sequence[str],
    block: _Screened,
    plan: tuple[list[int], dict[str, int]],
    number: int,
    *,
    header: Sequence[str] | None,
    first_block: bool,
    options: dict[str, Any],
    delimiter: str = ",",
) -> list[ResultDict]:
    results, keys = block
    offsets, duplicated = plan
    offset = offsets[number]
    records: list[Record] | None = None
    out: list[ResultDict] = []
    for position, (result, key) in enumerate(zip(results, keys, strict=True)):
        index = result["index"] + offset
        first = duplicated.get(key) if key is not None else None
        if first is not None and first != index:
            if records is None:
                records = _records(lines, header, first_block, delimiter)
            out.append(
                as_duplicate(
                    records[position],
                    index=index,
                    first=first,
                    year=options["year"],
                    header=header,
                    other_bank_credit_rule=options["other_bank_credit_rule"],
                    lenient=options["lenient"],
                )
            )
        else:
            out.append({**result, "index": index})
    return out


def partition_blocksize(
    size: int, workers: int, *, per_worker: int = PARTITIONS_PER_WORKER, floor: int = MIN_BLOCKSIZE
) -> int:
    """The block size that cuts ``size`` bytes into ``per_worker`` blocks per worker.

    >>> mb20 = 20_000_000
    >>> partition_blocksize(mb20, 2), mb20 // partition_blocksize(mb20, 2)  # bytes, blocks
    (5000000, 4)
    >>> partition_blocksize(100_000, 8) == MIN_BLOCKSIZE  # a small file stays one block
    True
    """
    for name, value, low in (
        ("size", size, 0),
        ("workers", workers, 1),
        ("per_worker", per_worker, 1),
        ("floor", floor, 1),
    ):
        if type(value) is not int or value < low:
            raise RuleInputError(f"{name} must be a whole number of at least {low}")
    # Dask cuts a file into size // blocksize equal blocks, so round down here.
    return max(floor, size // (workers * per_worker))


def _worker_threads() -> int:
    """Threads of the current ``dask.distributed`` client, else the CPUs of this machine."""
    try:
        distributed: Any = importlib.import_module("distributed")
        client = distributed.get_client()
    except (ImportError, ValueError):  # no distributed, or no client running
        return os.cpu_count() or 1
    return max(1, int(sum(client.nthreads().values())))


def _file_size(path: str) -> int:
    core: Any = importlib.import_module("fsspec.core")  # installed with dask; untyped
    fs, plain = core.url_to_fs(path)
    return int(fs.size(plain))


def _csv_header(path: str) -> tuple[list[str], str]:
    """The header and the delimiter, detected as the command line does."""
    fsspec: Any = importlib.import_module("fsspec")  # installed with dask; untyped

    with fsspec.open(path, "rt", encoding="utf-8", newline="") as handle:
        first = handle.readline()
    delimiter = detect_delimiter(first)
    return next(csv.reader([first], delimiter=delimiter), []), delimiter


def screen_file(
    path: str | os.PathLike[str],
    *,
    year: int,
    fmt: str | None = None,
    blocksize: int | str | None = None,
    workers: int | None = None,
    start: int = 0,
    other_bank_credit_rule: bpum.OtherBankCreditRule = bpum.OtherBankCreditRule.REGULATION_TEXT,
    lenient: bool = False,
) -> db.Bag:
    """A lazy bag of the screening results of the proposal file at ``path``, in file order.

    ``fmt`` is ``"csv"`` (the BPUM row format, header first) or ``"jsonl"``
    (wire-format objects, one per line); by default it follows the suffix.
    Any fsspec path works (``s3://...`` with s3fs installed). Compute it on
    the scheduler of your choice (``dask.distributed.Client``). An unknown
    ``year`` raises at once, and so does a file that cannot be opened
    (:class:`~koperasi_id.rows.InputError`, the path masked).

    ``blocksize`` (bytes, or text like ``"32MiB"``) fixes the partition size;
    by default it is :func:`partition_blocksize` of the file's size and
    ``workers`` (default: the threads of the running distributed client, else
    this machine's CPUs).
    """
    # The optional extra is imported here, so importing this module needs no dask;
    # dask.bag is only partly typed, so it is used through Any.
    bags: Any = importlib.import_module("dask.bag")
    delayed: Any = importlib.import_module("dask.delayed").delayed

    bpum.programme(year)
    text_path = os.fspath(path)
    kind = fmt or ("csv" if text_path.lower().endswith(".csv") else "jsonl")
    if kind not in {"csv", "jsonl"}:
        raise ValueError(f"fmt is 'csv' or 'jsonl', got {mask(fmt, limit=40, quote=True)}")
    try:
        header, delimiter = _csv_header(text_path) if kind == "csv" else (None, ",")
        size = _file_size(text_path) if blocksize is None else 0
    except (OSError, UnicodeDecodeError) as err:
        # fsspec's error names the path, which may hold a NIK: masked, as the
        # record readers show it, and without the chained original.
        why = err.strerror if isinstance(err, OSError) and err.strerror else "not UTF-8 text"
        raise InputError(f"{mask(text_path, limit=200)}: cannot be opened ({why})") from None
    options: dict[str, Any] = {
        "year": year,
        "start": start,
        "other_bank_credit_rule": other_bank_credit_rule,
        "lenient": lenient,
    }

    if blocksize is None:
        threads = _worker_threads() if workers is None else workers
        blocksize = partition_blocksize(size, threads)
    parts = bags.read_text(text_path, blocksize=blocksize, encoding="utf-8").to_delayed()
    screened = [
        delayed(_screen_block)(
            part, header=header, first_block=i == 0, options=options, delimiter=delimiter
        )
        for i, part in enumerate(parts)
    ]
    seen = [delayed(_first_seen)(block) for block in screened]
    plan = delayed(_duplicated)(seen, start)
    # The raw lines of a block stay on its worker until the second pass, which
    # re-reads only the (rare) rows that turn out to be duplicates.
    finished = [
        delayed(_finish_block)(
            part,
            block,
            plan,
            i,
            header=header,
            first_block=i == 0,
            options=options,
            delimiter=delimiter,
        )
        for i, (part, block) in enumerate(zip(parts, screened, strict=True))
    ]
    bag: db.Bag = bags.from_delayed(finished)
    return bag
