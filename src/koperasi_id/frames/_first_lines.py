"""The duplicate index of columnar BPUM screening: NIK → line of its first valid record.

The per-record engine asks its index (``_FirstSeen``) one NIK at a time, in
Python. A batch of the columnar engine asks for all of its NIKs at once, so
the index is held as polars columns here and looked up by binary search:

- *runs*: tables of (``key``, ``line``) sorted by key, disjoint, each key a
  NIK as a 64-bit integer (16 digits fit: the key is the NIK, so there is
  no collision to verify). A batch's new NIKs become a run; every four runs
  of one size are merged into one, so a stream of ``n`` NIKs keeps a few
  runs per power of four of ``n / batch``, and each key is copied about as
  many times. 16 bytes a NIK: 16 MiB at a million.
- a Bloom filter of the keys the runs hold (two bits of a polars hash each, in
  a 4 MiB bit column): most new NIKs are answered by it alone, without a
  binary search in each run; a "maybe" is always checked in the runs.
- past :data:`IN_MEMORY_KEYS` keys the runs stop growing and further new
  NIKs go to the per-record engine's own index, which moves them to a
  temporary file in flat memory: exact either way, a NIK is in one place.

A caller that can count a stream's NIKs first (``repeated``) gives only the
NIKs that occur twice, and the index stays small however long the stream.
"""

from __future__ import annotations

import polars as pl

from koperasi_id.bpum._screening import _FirstSeen

__all__ = ["IN_MEMORY_KEYS", "FirstLines"]

#: NIKs the sorted runs hold (32 MiB) before new ones go to the on-disk index.
IN_MEMORY_KEYS = 1 << 21

# Bits of the Bloom filter beside the runs (4 MiB): a key the runs do not hold
# is looked up in them only on a false "maybe", about 1 % of new keys at the limit.
_FILTER_BITS = 1 << 25
# Runs of one level merged into one of the next.
_MERGE = 4


class FirstLines:
    """NIK (as a number) → the line of its first valid record, over a stream of batches.

    >>> index = FirstLines()
    >>> index.duplicates(pl.DataFrame({"pos": [0, 1, 2], "key": [7, 8, 7], "line": [2, 3, 4]})).rows()
    [(2, 2)]
    >>> index.duplicates(pl.DataFrame({"pos": [0, 1], "key": [9, 8], "line": [5, 6]})).rows()
    [(1, 3)]
    >>> index.close()
    """

    __slots__ = ("_filter", "_held", "_limit", "_overflow", "_runs")

    def __init__(self, *, limit: int | None = None) -> None:
        self._limit = IN_MEMORY_KEYS if limit is None else limit
        self._runs: list[tuple[pl.DataFrame, int]] = []  # (run, merge level)
        self._filter = pl.Series(dtype=pl.Boolean)  # a Bloom filter of the runs' keys
        self._held = 0
        self._overflow: _FirstSeen | None = None

    def __len__(self) -> int:
        """The NIKs held in memory (not those moved to the on-disk index)."""
        return self._held

    def duplicates(self, rows: pl.DataFrame) -> pl.DataFrame:
        """The rows (``pos``, ``key``, ``line``) whose key came before; their first lines.

        Answers ``pos`` and ``earlier`` (the line of the key's first row, in
        an earlier batch or this one) for each such row. Within the batch the
        first row of a key is the one with the smallest ``pos``; the keys
        first seen here are added to the index.
        """
        # Eager steps, few of them: each polars query costs about 0.1 ms of overhead.
        ordered = rows.select("pos", "key", "line").sort("key", "pos")
        key, line = ordered["key"], ordered["line"]
        spread = key.hash(seed=19)
        bits = (spread % _FILTER_BITS, (spread // (1 << 32)) % _FILTER_BITS)
        first = key.ne_missing(key.shift(1))
        prior = pl.Series("prior", [None] * ordered.height, dtype=pl.Int64)
        if self._runs:
            # Only the keys the filter may hold are looked up in the runs.
            at = (self._filter.gather(bits[0]) & self._filter.gather(bits[1])).arg_true()
            found = self._look_up(key.gather(at), at)
            prior = prior.scatter(found["at"], found["line"])
        new = first & prior.is_null()
        count = new.sum()
        if count and self._overflow is None and self._held + count > self._limit:
            self._overflow = _FirstSeen()
        if count and self._overflow is not None:
            # Past the limit the per-record engine's index answers for the keys
            # the runs do not hold (and takes those it has not seen: their own
            # line comes back, which marks no row as a duplicate).
            seen, at = self._overflow, new.arg_true()
            pairs = zip(key.gather(at), line.gather(at), strict=True)
            stored = pl.Series([seen.setdefault(k, n) for k, n in pairs], dtype=pl.Int64)
            prior = prior.scatter(at, stored)
        elif count:
            self._add(
                ordered.filter(new).select("key", "line"), bits[0].filter(new), bits[1].filter(new)
            )
        # A key's rows are together, its first row first: each row takes what
        # that row found (an earlier batch's line, or else its own line).
        return ordered.select(
            "pos", earlier=pl.when(first).then(prior.fill_null(line)).forward_fill()
        ).filter(pl.col("earlier") != line)

    def _look_up(self, keys: pl.Series, at: pl.Series) -> pl.DataFrame:
        """``at`` and ``line`` of each of ``keys`` (tagged ``at``) that a run holds."""
        found = []
        for run, _ in self._runs:
            column = run["key"]
            where = column.search_sorted(keys).clip(0, run.height - 1)
            held = column.gather(where) == keys
            found.append(
                pl.DataFrame(
                    {"at": at.filter(held), "line": run["line"].gather(where).filter(held)}
                )
            )
        return pl.concat(found)

    def _add(self, new: pl.DataFrame, first: pl.Series, second: pl.Series) -> None:
        if self._filter.len() == 0:
            self._filter = pl.Series([False], dtype=pl.Boolean).extend_constant(
                False, _FILTER_BITS - 1
            )
        self._filter = self._filter.scatter(first, True).scatter(second, True)
        runs = self._runs
        runs.append((new, 0))
        self._held += new.height
        # Every _MERGE runs of one level become one of the next: a key is
        # copied about log(keys / batch) / log(_MERGE) times.
        while len(runs) >= _MERGE and len({level for _, level in runs[-_MERGE:]}) == 1:
            merged = pl.concat([r for r, _ in runs[-_MERGE:]]).sort("key")
            runs[-_MERGE:] = [(merged, runs[-1][1] + 1)]

    def close(self) -> None:
        """Release the on-disk index, if there is one."""
        if self._overflow is not None:
            self._overflow.close()
