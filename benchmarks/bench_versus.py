"""Per-record speed against a frozen copy of earlier code, and against the ``csv`` floor.

    git archive <commit> src | tar -x -C /tmp/base        # the frozen code
    python benchmarks/bench_versus.py --base /tmp/base/src --rows 50000
    python benchmarks/bench_versus.py --base /tmp/base/src --engine rows   # the per-record path

Runs ``bpum screen``, ``cooperatives status --as-of 2025-06-30`` and
``validate --type bpum-proposal`` on generated files, each with this
checkout's ``src`` and with the frozen ``--base`` copy (``PYTHONPATH`` picks
the code), and the ``csv.reader`` → ``csv.writer`` copy of the same file,
in rotating order. It compares the medians of the children's **CPU time**
(user + system, from ``getrusage``): on a shared machine wall time mostly
measures the other processes. Outputs of the two versions are compared byte
for byte.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _data import ROOT, write_proposal_csv
from _harness import Baseline
from bench_screening import _RAW_COPY

BASELINES = (
    Baseline("csv.reader -> csv.writer copy", True, code=(_RAW_COPY,)),
    Baseline("a frozen copy of earlier koperasi_id code (--base)", False),
)


# The commands with an --engine option (the columnar engines: issue 19 and cooperatives status).
_ENGINES = ("screen", "validate", "status")


def _cpu(command: list[str], src: Path | None, out: Path) -> float:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with out.open("wb") as stdout:
        done = subprocess.run(command, env=env, stdout=stdout, stderr=subprocess.PIPE, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(
            f"{command} failed ({done.returncode}):\n{done.stderr[-2000:].decode(errors='replace')}"
        )
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _imported_from(src: Path) -> Path:
    """Where a child with ``PYTHONPATH=src`` finds koperasi_id; it must be ``src``.

    Without this a wrong ``--base`` would silently run the installed copy, and
    the "speed-up" would compare the library with itself.
    """
    done = subprocess.run(
        [sys.executable, "-c", "import koperasi_id; print(koperasi_id.__file__)"],
        env={**os.environ, "PYTHONPATH": str(src)},
        capture_output=True,
        text=True,
        check=True,
    )
    found = Path(done.stdout.strip()).resolve()
    if not found.is_relative_to(src.resolve()):
        raise SystemExit(f"PYTHONPATH={src} imports koperasi_id from {found}, not from {src}")
    return found


def write_registry_csv(path: Path, count: int) -> Path:
    sys.path.insert(0, str(ROOT / "examples"))
    import make_sample_data as sample  # noqa: PLC0415

    rng = random.Random(20250630)
    rows = []
    while len(rows) < count:
        rows.extend(sample.make_registry(rng))  # chunks of the sample size (planted errors)
    del rows[count:]
    sample.write_csv(path, rows)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the frozen copy's src directory")
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", nargs="+", default=["screen", "status", "validate"])
    parser.add_argument(
        "--engine",
        choices=["auto", "rows", "columns"],
        help="--engine of bpum screen, validate and cooperatives status for this checkout "
        "(default: the command's own)",
    )
    parser.add_argument(
        "--base-engine",
        choices=["auto", "rows", "columns"],
        help="the same for the frozen copy (a copy from before issue 19 has no --engine)",
    )
    args = parser.parse_args(argv)
    here = ROOT / "src"
    py = sys.executable
    for src in (here, args.base):
        _imported_from(src)
    with tempfile.TemporaryDirectory(prefix="kid_versus_") as tmp:
        work = Path(tmp)
        proposals = work / "usulan.csv"
        if {"screen", "validate"} & set(args.only):
            write_proposal_csv(proposals, args.rows)
        registry = work / "koperasi.csv"
        if "status" in args.only:
            write_registry_csv(registry, args.rows)
        jobs = {
            "screen": (
                proposals,
                ["bpum", "screen", str(proposals), "--year", "2021", "--format", "csv"],
            ),
            "status": (
                registry,
                ["cooperatives", "status", str(registry), "--as-of", "2025-06-30", "--csv"],
            ),
            "validate": (
                proposals,
                ["validate", "--type", "bpum-proposal", str(proposals)],
            ),
        }
        for name in args.only:
            source, job = jobs[name]
            engine = ["--engine", args.engine] if args.engine and name in _ENGINES else []
            base_engine = (
                ["--engine", args.base_engine] if args.base_engine and name in _ENGINES else []
            )
            sides = {
                "new": ([py, "-m", "koperasi_id", *job, *engine], here),
                "base": ([py, "-m", "koperasi_id", *job, *base_engine], args.base),
                "csv": ([py, "-c", _RAW_COPY, str(source), str(work / "raw.csv")], None),
            }
            times: dict[str, list[float]] = {k: [] for k in sides}
            labels = list(sides)
            for r in range(args.rounds):
                for k in range(len(labels)):
                    label = labels[(r + k) % len(labels)]
                    command, src = sides[label]
                    times[label].append(_cpu(command, src, work / f"{label}.out"))
            same = (work / "new.out").read_bytes() == (work / "base.out").read_bytes()
            new, base, floor = (statistics.median(times[k]) for k in ("new", "base", "csv"))
            print(
                f"{name:9} {args.rows:,} rows  CPU: new {new:7.2f} s  base {base:7.2f} s  "
                f"csv floor {floor:6.2f} s  speed-up {base / new:5.2f}x  "
                f"new/floor {new / floor:5.1f}  base/floor {base / floor:5.1f}  "
                f"output {'identical' if same else 'DIFFERS'}  (median of {args.rounds} rounds)",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
