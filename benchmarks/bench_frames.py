"""The columnar engine (``koperasi_id.frames``): speed and peak memory against its floors.

Each command runs in a fresh child on the same generated file, measured by a
small launcher (wall time, CPU time of the child and its threads, peak RSS):

- ``library``: :func:`koperasi_id.frames.screen_bpum_csv` written by
  :func:`koperasi_id.frames.write_bpum_csv` (the bytes of ``bpum screen``);
- ``columns (CLI)`` and ``rows (CLI)``: ``koperasi-id bpum screen --engine ...``
  (the command line keeps its own record reader, for true line numbers);
- ``csv copy``: the csv module reading and writing every row (the floor the
  issue's goal of 1.5 times is set against);
- ``polars read+write``: ``polars.read_csv`` + ``write_csv`` of the whole file
  (the true floor for an engine built on polars).

The outputs of the library and of the command line are compared byte for
byte. The per-record command runs only up to ``--rows-engine-max`` rows and
the columnar command up to ``--cli-max`` (their readers are per record).
Skipped when polars is not installed.

    python benchmarks/bench_frames.py --rows 1000000 10000000 --data-dir /tmp/bench

Then ``cooperatives status`` column-wise against record by record on a registry
of the largest size up to a million rows (:mod:`bench_frames_coops`).

"""

from __future__ import annotations

import filecmp
import importlib.util
import statistics
import sys
from pathlib import Path

import bench_frames_coops
import bench_frames_msme
from _harness import Baseline
from bench_screening import _RAW_COPY, Run, _raw_command, _run, _screen_command, data_file

_POLARS_COPY = """
import sys, polars as pl
pl.read_csv(sys.argv[1], infer_schema=False).write_csv(sys.argv[2])
"""

_LIBRARY = """
import sys
from koperasi_id.frames import screen_bpum_csv, write_bpum_csv
with open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
    write_bpum_csv(screen_bpum_csv(sys.argv[1], year=2021), out)
"""


BASELINES = (
    Baseline("csv.reader -> csv.writer copy", True, code=(_RAW_COPY,)),
    Baseline("polars read_csv + write_csv", True, code=(_POLARS_COPY,)),
    Baseline("bpum screen --engine rows (the library's other engine)", False),
)


def _median(runs: list[Run]) -> Run:
    return Run(
        seconds=statistics.median(r.seconds for r in runs),
        cpu_seconds=statistics.median(r.cpu_seconds for r in runs),
        peak_rss_mib=max(r.peak_rss_mib for r in runs),
    )


def measure(
    workdir: Path, rows: int, rounds: int, *, rows_engine: bool, cli: bool
) -> dict[str, Run]:
    """Median wall and CPU seconds, and peak RSS, of each command on a ``rows``-row file."""
    src = data_file(workdir, rows)
    outs = {name: workdir / f"frames_{name}.csv" for name in ("library", "columns", "rows", "copy")}
    commands = {
        "library": [sys.executable, "-c", _LIBRARY, str(src), str(outs["library"])],
        "csv copy": _raw_command(src, outs["copy"]),
        "polars read+write": [sys.executable, "-c", _POLARS_COPY, str(src), str(outs["copy"])],
    }
    if cli:
        commands["columns (CLI)"] = [*_screen_command(src, outs["columns"]), "--engine", "columns"]
    if rows_engine:
        commands["rows (CLI)"] = [*_screen_command(src, outs["rows"]), "--engine", "rows"]
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for r in range(rounds):
        order = list(commands.items())
        for name, command in order if r % 2 == 0 else order[::-1]:
            if name.endswith("(CLI)") and r > 0:
                continue  # one run of the slow per-record readers is enough
            runs[name].append(_run(command))
    for name in ("columns", "rows"):
        if f"{name} (CLI)" in commands:
            same = filecmp.cmp(outs["library"], outs[name], shallow=False)
            print(f"  library output == {name} (CLI) output: {same}", flush=True)
            if not same:  # a ratio between different answers compares unequal work
                raise SystemExit(f"frames: the library and {name} (CLI) wrote different bytes")
    for path in outs.values():
        path.unlink(missing_ok=True)
    return {name: _median(found) for name, found in runs.items()}


def run(
    workdir: Path,
    sizes: list[int],
    rounds: int,
    *,
    rows_engine_max: int = 100_000,
    cli_max: int = 1_000_000,
) -> None:
    """Print the table for each size, then the memory ratio between the sizes."""
    if importlib.util.find_spec("polars") is None:
        print("frames: skipped (polars is not installed: pip install 'koperasi-id[polars]')")
        return
    peaks: dict[int, float] = {}
    for rows in sizes:
        found = measure(
            workdir, rows, rounds, rows_engine=rows <= rows_engine_max, cli=rows <= cli_max
        )
        lib = found["library"]
        print(f"frames, {rows:,} rows (median of {rounds}; peak RSS over the runs)", flush=True)
        for name, r in found.items():
            print(
                f"  {name:18} {r.seconds:8.2f} s wall {r.cpu_seconds:8.2f} s CPU "
                f"{rows / r.seconds:>10,.0f} rec/s  peak {r.peak_rss_mib:7.1f} MiB  "
                f"library / this: wall {lib.seconds / r.seconds:5.2f} "
                f"CPU {lib.cpu_seconds / r.cpu_seconds:5.2f}",
                flush=True,
            )
        peaks[rows] = lib.peak_rss_mib
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        print(
            f"  library memory: peak at {large:,} rows / at {small:,} rows = "
            f"{peaks[large] / peaks[small]:.2f}",
            flush=True,
        )
    # MSME classification, columns against rows on the largest size (ratio in the same
    # run); its per-record engine makes sizes past a million a matter of hours.
    if sizes[-1] <= 1_000_000:
        bench_frames_msme.run(workdir, sizes[-1])
    # Cooperative status likewise, on at most a million rows (the rows engine is the slow one).
    bench_frames_coops.run(workdir, min(sizes[-1], 1_000_000), rounds=1)


if __name__ == "__main__":
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, help="keep generated files here and reuse them")
    parser.add_argument("--rows-engine-max", type=int, default=100_000)
    parser.add_argument("--cli-max", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.data_dir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        run(
            workdir,
            args.rows,
            args.rounds,
            rows_engine_max=args.rows_engine_max,
            cli_max=args.cli_max,
        )
