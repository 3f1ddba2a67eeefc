"""Screening and memory: the ``koperasi-id bpum screen`` command on a generated file."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from _data import write_proposal_csv
from _harness import Baseline, Comparison

# The I/O floor: read every row of the same file with csv and write it back out.
_RAW_COPY = """
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as src, \\
        open(sys.argv[2], "w", newline="", encoding="utf-8") as dst:
    csv.writer(dst, lineterminator="\\n").writerows(csv.reader(src))
"""


BASELINES = (
    Baseline("csv.reader -> csv.writer copy", True, code=(_RAW_COPY,)),
    Baseline("memory: the same command on fewer rows", False),
)

# Peak RSS is read in a small launcher process: a child forked straight from
# this (large) benchmark process would report this process's own peak, since
# Linux carries the pre-exec high-water mark into the child's ru_maxrss.
_LAUNCH = """
import resource, subprocess, sys
args = sys.argv[1:]
out = open(args.pop(0)[9:], "wb") if args[0].startswith("--stdout=") else subprocess.DEVNULL
code = subprocess.run(args, stdout=out).returncode
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(use.ru_maxrss, use.ru_utime + use.ru_stime)
sys.exit(code)
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mib: float
    #: User + system time of the command and its threads.
    cpu_seconds: float = 0.0


def _run(command: list[str], stdout: Path | None = None) -> Run:
    """Run ``command``; its wall and CPU time and peak resident memory (ru_maxrss, KiB on Linux).

    Its standard output goes to ``stdout`` if given, else nowhere.
    """
    start = time.perf_counter()
    keep = [f"--stdout={stdout}"] if stdout is not None else []
    done = subprocess.run(
        [sys.executable, "-c", _LAUNCH, *keep, *command],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{command} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    rss, cpu = done.stdout.split()[-2:]
    return Run(seconds=seconds, peak_rss_mib=int(rss) / 1024, cpu_seconds=float(cpu))


def _screen_command(src: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "koperasi_id",
        "bpum",
        "screen",
        str(src),
        "--year",
        "2021",
        "--out",
        str(out),
        "--summary-json",
        os.devnull,
    ]


def _raw_command(src: Path, out: Path) -> list[str]:
    return [sys.executable, "-c", _RAW_COPY, str(src), str(out)]


def data_file(workdir: Path, rows: int) -> Path:
    path = workdir / f"bpum_2021_{rows}.csv"
    if not path.exists():
        started = time.perf_counter()
        write_proposal_csv(path, rows)
        print(
            f"  generated {rows:,} rows in {time.perf_counter() - started:.1f} s: {path}",
            flush=True,
        )
    return path


def screening(workdir: Path, rows: int, rounds: int) -> tuple[Comparison, list[Run]]:
    """Interleaved CLI screening vs raw csv copy of the same file; medians."""
    src = data_file(workdir, rows)
    out = workdir / "out.csv"
    ours: list[Run] = []
    raw: list[Run] = []
    for r in range(rounds):
        pair = [
            (ours, _screen_command(src, out)),
            (raw, _raw_command(src, out)),
        ]
        for runs, command in pair if r % 2 == 0 else pair[::-1]:
            runs.append(_run(command))
    comparison = Comparison(
        name="screening bpum screen vs csv copy",
        candidate=statistics.median(r.seconds for r in ours),
        baseline=statistics.median(r.seconds for r in raw),
        rounds=rounds,
        items=rows,
    )
    print(comparison.line("screen", "csv copy"), flush=True)
    print(
        f"{'':34} screen {rows / comparison.candidate:,.0f} records/s, "
        f"csv copy {rows / comparison.baseline:,.0f} records/s",
        flush=True,
    )
    return comparison, ours


def memory(workdir: Path, large: int, small: int, large_runs: list[Run] | None) -> float:
    """Peak RSS of screening ``large`` rows over that of ``small`` rows (each in a fresh child)."""
    big = large_runs or [_run(_screen_command(data_file(workdir, large), workdir / "out.csv"))]
    little = _run(_screen_command(data_file(workdir, small), workdir / "out.csv"))
    floor = _run(
        [
            sys.executable,
            "-c",
            "import koperasi_id.bpum, koperasi_id._io, koperasi_id._output, koperasi_id.cli",
        ]
    )
    peak_big = max(r.peak_rss_mib for r in big)
    ratio = peak_big / little.peak_rss_mib
    print(
        f"{'memory peak RSS':34} {large:,} rows {peak_big:7.1f} MiB  {small:,} rows "
        f"{little.peak_rss_mib:7.1f} MiB  ratio {ratio:6.2f}  "
        f"(interpreter + library alone {floor.peak_rss_mib:.1f} MiB)",
        flush=True,
    )
    return ratio
