"""The columnar engine (``koperasi_id.frames``): speed and peak memory against its floors.

Each command runs in a fresh child (peak RSS per run) on the same generated
file: ``bpum screen --engine columns`` and ``--engine rows`` (the command
line, with its own reader and writer), the library path
(:func:`koperasi_id.frames.screen_bpum_csv`, results written by polars), the
raw csv copy floor, and polars' own ``read_csv`` + ``write_csv`` (the floor
for an engine built on polars). Skipped when polars is not installed.
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
from pathlib import Path

import bench_frames_msme
from bench_screening import Run, _raw_command, _run, _screen_command, data_file

_POLARS_COPY = """
import sys, polars as pl
pl.read_csv(sys.argv[1], infer_schema=False).write_csv(sys.argv[2])
"""

_POLARS_SCREEN = """
import sys, polars as pl
from koperasi_id.frames import screen_bpum_csv
with open(sys.argv[2], "w", encoding="utf-8") as out:
    header = True
    for part in screen_bpum_csv(sys.argv[1], year=2021, batch_size=100_000):
        part.with_columns(
            pl.col("kode_alasan").list.join("|"), pl.col("alasan").list.join("|")
        ).write_csv(out, include_header=header)
        header = False
"""


def _engine(src: Path, out: Path, engine: str) -> list[str]:
    return [*_screen_command(src, out), "--engine", engine]


def _median(runs: list[Run]) -> Run:
    return Run(
        seconds=statistics.median(r.seconds for r in runs),
        peak_rss_mib=max(r.peak_rss_mib for r in runs),
    )


def measure(workdir: Path, rows: int, rounds: int, *, with_rows_engine: bool) -> dict[str, Run]:
    """Median seconds and peak RSS of each command on a ``rows``-row file."""
    src = data_file(workdir, rows)
    out = workdir / "frames_out.csv"
    commands = {
        "columns (CLI)": _engine(src, out, "columns"),
        "library (csv batches)": [sys.executable, "-c", _POLARS_SCREEN, str(src), str(out)],
        "csv copy": _raw_command(src, out),
        "polars read+write": [sys.executable, "-c", _POLARS_COPY, str(src), str(out)],
    }
    if with_rows_engine:
        commands["rows (CLI)"] = _engine(src, out, "rows")
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for r in range(rounds):
        order = list(commands.items())
        for name, command in order if r % 2 == 0 else order[::-1]:
            if name == "rows (CLI)" and r > 0:
                continue  # one run is enough to see a 10x gap, and it is the slow one
            runs[name].append(_run(command))
    return {name: _median(found) for name, found in runs.items()}


def run(workdir: Path, sizes: list[int], rounds: int) -> None:
    """Print the table for each size, then the memory ratio between the sizes."""
    if importlib.util.find_spec("polars") is None:
        print("frames: skipped (polars is not installed: pip install 'koperasi-id[polars]')")
        return
    peaks: dict[int, float] = {}
    for i, rows in enumerate(sizes):
        found = measure(workdir, rows, rounds, with_rows_engine=i == 0)
        base = found["columns (CLI)"]
        print(f"frames, {rows:,} rows (median of {rounds}; peak RSS over the runs)", flush=True)
        for name, r in found.items():
            print(
                f"  {name:24} {r.seconds:8.2f} s  {rows / r.seconds:>10,.0f} rec/s  "
                f"peak {r.peak_rss_mib:7.1f} MiB  columns / this {base.seconds / r.seconds:5.2f}",
                flush=True,
            )
        peaks[rows] = max(base.peak_rss_mib, found["library (csv batches)"].peak_rss_mib)
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        print(
            f"  memory: peak at {large:,} rows / at {small:,} rows = "
            f"{peaks[large] / peaks[small]:.2f}",
            flush=True,
        )
    # MSME classification, columns against rows on the largest size (ratio in the same run).
    bench_frames_msme.run(workdir, sizes[-1])
