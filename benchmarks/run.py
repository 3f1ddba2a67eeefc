"""Run every benchmark and print its ratio against a baseline timed in the same process.

    python benchmarks/run.py            # full: 200k records, 1,000,000-row file
    python benchmarks/run.py --quick    # CI: small sizes, well under two minutes
    python benchmarks/run.py --only structuring rules

Ratios are candidate / baseline (below 1.0: the library is faster). Nothing
is asserted: the figures are printed for people to read and record.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_dask
import bench_frames
import bench_imports
import bench_linearity
import bench_regions
import bench_rules
import bench_screening
import bench_startup
import bench_structuring

SUITES = (
    "structuring",
    "rules",
    "regions",
    "screening",
    "memory",
    "startup",
    "imports",
    "linearity",
    "frames",
)
#: Run only when named in --only: minutes of work, and meaningful only on idle cores.
EXTRA_SUITES = ("dask",)
FULL = {"structuring": 200_000, "rules": 100_000, "screening": 1_000_000, "small": 100_000}
QUICK = {"structuring": 40_000, "rules": 20_000, "screening": 50_000, "small": 5_000}
#: File sizes of the columnar-engine suite (its memory ratio is last over first).
FRAMES_FULL = [100_000, 1_000_000]
FRAMES_QUICK = [5_000]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (CI)")
    parser.add_argument("--only", nargs="+", choices=SUITES + EXTRA_SUITES, default=list(SUITES))
    parser.add_argument("--rounds", type=int, help="A/B rounds (default 10, quick 8)")
    parser.add_argument("--data-dir", type=Path, help="keep generated files here and reuse them")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    rounds = args.rounds or (8 if args.quick else 10)
    workdir = args.data_dir or Path(tempfile.mkdtemp(prefix="koperasi_id_bench_"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    import koperasi_id  # noqa: PLC0415 - after the path is set

    # Which code is measured (children inherit the same PYTHONPATH): a checkout's
    # src, or an installed copy.
    print(
        f"koperasi_id benchmarks ({'quick' if args.quick else 'full'}), python "
        f"{sys.version.split()[0]}, koperasi_id from {Path(koperasi_id.__file__).parent}"
    )
    try:
        if "structuring" in args.only:
            # 200k records per side in full mode, split over the A/B rounds.
            per_round = max(sizes["structuring"] // rounds, 1_000)
            bench_structuring.run(per_round, rounds)
        if "rules" in args.only:
            bench_rules.run(sizes["rules"] // rounds, rounds)
        if "regions" in args.only:
            bench_regions.run(sizes["rules"], rounds)  # look-ups per round, as many as rules
        large_runs = None
        if "screening" in args.only:
            screen_rounds = 3
            _, large_runs = bench_screening.screening(workdir, sizes["screening"], screen_rounds)
        if "memory" in args.only:
            bench_screening.memory(workdir, sizes["screening"], sizes["small"], large_runs)
        if "startup" in args.only:
            bench_startup.run(rounds)
        if "imports" in args.only:
            bench_imports.run(rounds)
        if "dask" in args.only:
            bench_dask.run(workdir, bench_dask.FULL_ROWS // (10 if args.quick else 1), 2)
        if "linearity" in args.only:
            bench_linearity.run(quick=args.quick)
        if "frames" in args.only:
            bench_frames.run(
                workdir, FRAMES_QUICK if args.quick else FRAMES_FULL, 1 if args.quick else 3
            )
    finally:
        if args.data_dir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
