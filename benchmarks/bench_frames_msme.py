"""MSME classification: ``msme classify FILE --engine columns`` against ``--engine rows``.

One generated file of businesses (synthetic NIKs of Bandar Lampung, start
dates around PP 7/2021, capital and annual sales spread over every class and
written as plain digits), classified on one date by both engines in fresh
children; the ratio is taken in the same run. Called from
``bench_frames.run`` (suite ``frames``); skipped without polars.
"""

from __future__ import annotations

import csv
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from _harness import Baseline
from bench_screening import Run, _run

BASELINES = (Baseline("msme classify --engine rows (the library's other engine)", False),)
COLUMNS = ("name", "owner_nik", "started_on", "capital", "net_assets", "annual_sales")


def write_business_csv(path: Path, rows: int, *, seed: int = 19) -> None:
    """``rows`` businesses; about 1 in 200 rows is damaged (the per-record path)."""
    rng = random.Random(seed)
    first = date(2015, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for i in range(rows):
            born = date(1960, 1, 1) + timedelta(days=rng.randrange(14_000))
            day = born.day + (40 if rng.random() < 0.5 else 0)
            nik = f"187101{day:02d}{born.month:02d}{born.year % 100:02d}{rng.randrange(1, 10_000):04d}"
            started = first + timedelta(days=rng.randrange(3_600))
            capital = str(rng.choice((1, 10, 100)) * rng.randrange(1, 120_000_000))
            sales = str(rng.choice((1, 10, 100)) * rng.randrange(1, 600_000_000))
            row = [f"Usaha {i}", nik, started.isoformat(), capital, "", sales]
            if rng.random() < 0.005:
                row[rng.randrange(len(row))] = rng.choice(("", " x ", "1.000,5", "2021-13-01"))
            writer.writerow(row)


def data_file(workdir: Path, rows: int) -> Path:
    path = workdir / f"usaha_{rows}.csv"
    if not path.exists():
        started = time.perf_counter()
        write_business_csv(path, rows)
        print(
            f"  generated {rows:,} businesses in {time.perf_counter() - started:.1f} s", flush=True
        )
    return path


def _command(src: Path, out: Path, engine: str) -> list[str]:
    return [
        sys.executable, "-m", "koperasi_id", "msme", "classify", str(src),
        "--as-of", "2024-06-01", "--purpose", "pemberdayaan", "--out", str(out),
        "--summary-json", str(out.with_suffix(".json")), "--engine", engine,
    ]  # fmt: skip


def measure(workdir: Path, rows: int) -> dict[str, Run]:
    """One run of each engine on a ``rows``-row file; checks that the outputs are equal."""
    src = data_file(workdir, rows)
    found = {}
    outputs = {}
    for engine in ("columns", "rows"):
        out = workdir / f"msme_{engine}.csv"
        found[engine] = _run(_command(src, out, engine))
        outputs[engine] = out.read_bytes()
    if outputs["columns"] != outputs["rows"]:
        raise SystemExit("msme classify: the two engines wrote different bytes")
    return found


def run(workdir: Path, rows: int) -> None:
    """Print both engines' time and peak RSS and the ratio, measured in the same run."""
    found = measure(workdir, rows)
    print(f"frames, msme classify, {rows:,} rows (one run each)", flush=True)
    for name, r in found.items():
        print(
            f"  {name:8} {r.seconds:8.2f} s  {rows / r.seconds:>10,.0f} rec/s  "
            f"peak {r.peak_rss_mib:7.1f} MiB",
            flush=True,
        )
    ratio = found["rows"].seconds / found["columns"].seconds
    print(f"  rows / columns: {ratio:.2f}", flush=True)
