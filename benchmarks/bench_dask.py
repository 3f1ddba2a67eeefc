"""Dask: screening one CSV file on a local cluster of two workers vs one.

Both clusters run single-thread worker *processes*; the file is cut by
:func:`koperasi_id.batch.dask.partition_blocksize` (two partitions per
worker). The rounds alternate (1 worker, 2 workers, 2, 1, ...) and the
medians of the wall times are compared: the speed-up is 1-worker time over
2-worker time (2.0 is the ceiling). Needs ``koperasi-id[dask]``, and means
something only on a machine with two otherwise idle cores.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from _data import write_proposal_csv
from _harness import Baseline

BASELINES = (Baseline("the same screening on one worker", False),)
#: About 20 MB of BPUM rows.
FULL_ROWS = 118_000


def run(workdir: Path, rows: int, rounds: int) -> float | None:
    try:
        from dask.distributed import Client, LocalCluster  # noqa: PLC0415 - optional extra
    except ImportError:
        print("dask: not installed (pip install 'koperasi-id[dask]'); skipped")
        return None
    from koperasi_id.batch.dask import screen_file  # noqa: PLC0415

    path = workdir / f"dask_{rows}.csv"
    if not path.exists():
        write_proposal_csv(path, rows)
    size_mb = path.stat().st_size / 1e6
    times: dict[int, list[float]] = {1: [], 2: []}
    partitions: dict[int, int] = {}
    for r in range(rounds):
        for n in (1, 2) if r % 2 == 0 else (2, 1):
            with (
                LocalCluster(n_workers=n, threads_per_worker=1, dashboard_address=":0") as c,
                Client(c),
            ):
                bag = screen_file(path, year=2021, start=2)
                partitions[n] = bag.npartitions
                started = time.perf_counter()
                bag.count().compute()
                times[n].append(time.perf_counter() - started)
    one, two = statistics.median(times[1]), statistics.median(times[2])
    print(
        f"dask {rows:,} rows ({size_mb:.1f} MB): 1 worker {one:6.2f} s ({partitions[1]} partitions)  "
        f"2 workers {two:6.2f} s ({partitions[2]} partitions)  speed-up {one / two:4.2f}x  "
        f"(median of {rounds} alternating rounds)",
        flush=True,
    )
    return one / two


if __name__ == "__main__":
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=FULL_ROWS)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(Path(tmp), args.rows, args.rounds)
