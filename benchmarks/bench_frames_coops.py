"""``cooperatives status`` column-wise against record by record, with peak RSS.

Both engines run as the command line (``koperasi-id cooperatives status FILE
--as-of 2024-06-30 --json --engine columns|rows``) in a fresh child each, on
the same generated registry, interleaved, so the ratio is of one run. The
registry is the sample (``examples/data/koperasi_lampung.csv``, 5,600 rows
with their three invalid ones) repeated, each copy with its own names and
legal-entity numbers: dates, regions and RAT histories repeat as in a real
registry, whose days and codes are bounded by the calendar and the region
table, while names and numbers never do. Run it with ``python
benchmarks/bench_frames_coops.py [ROWS] [--columns-only]`` or through ``run.py
--only frames``; ``--columns-only`` leaves out the per-record engine (which
takes about 150 CPU seconds a million rows): what the 10-million-row memory
check runs.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from pathlib import Path

from _harness import Baseline
from bench_screening import Run, _run

BASELINES = (Baseline("cooperatives status --engine rows (the library's other engine)", False),)
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "koperasi_lampung.csv"
AS_OF = "2024-06-30"


def registry_file(workdir: Path, rows: int) -> Path:
    """A registry of ``rows`` rows: the sample repeated with fresh names and numbers."""
    path = workdir / f"koperasi_{rows}.csv"
    if path.exists():
        return path
    started = time.perf_counter()
    with SAMPLE.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = list(reader.fieldnames or ())
        sample = list(reader)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for i in range(rows):
            row = dict(sample[i % len(sample)])
            copy = i // len(sample)
            if copy:
                row["name"] = f"{row['name']} {copy}"
                number = row["legal_entity_numbers"]
                if number.count("/") == 3:  # n/BH/X/yyyy: a number of its own per copy
                    n, rest = number.split("/", 1)
                    row["legal_entity_numbers"] = f"{n}{copy:04d}/{rest}"
            writer.writerow([row[c] for c in header])
    print(
        f"  generated {rows:,} registry rows in {time.perf_counter() - started:.1f} s", flush=True
    )
    return path


def _status(src: Path, engine: str) -> list[str]:
    return [
        sys.executable, "-m", "koperasi_id", "cooperatives", "status", str(src),
        "--as-of", AS_OF, "--json", "--engine", engine,
    ]  # fmt: skip


def run(
    workdir: Path, rows: int, *, rounds: int = 1, with_rows_engine: bool = True
) -> dict[str, Run]:
    """Print columns vs rows on a ``rows``-row registry (median of ``rounds`` for columns)."""
    src = registry_file(workdir, rows)
    found: dict[str, list[Run]] = {"columns": [], "rows": []}
    outputs = {engine: workdir / f"status_{engine}.json" for engine in found}
    for r in range(rounds):
        found["columns"].append(_run(_status(src, "columns"), outputs["columns"]))
        if with_rows_engine and r == 0:  # the slow one: once is enough to see the gap
            found["rows"].append(_run(_status(src, "rows"), outputs["rows"]))
    if with_rows_engine and outputs["columns"].read_bytes() != outputs["rows"].read_bytes():
        # A ratio between engines that answer differently would compare unequal work.
        raise SystemExit("cooperatives status: the two engines printed different bytes")
    for path in outputs.values():
        path.unlink(missing_ok=True)
    results = {
        name: Run(
            seconds=sorted(x.seconds for x in runs)[len(runs) // 2],
            peak_rss_mib=max(x.peak_rss_mib for x in runs),
            cpu_seconds=sorted(x.cpu_seconds for x in runs)[len(runs) // 2],
        )
        for name, runs in found.items()
        if runs
    }
    base = results["columns"]
    print(f"cooperatives status, {rows:,} rows (columns: median of {rounds})", flush=True)
    for name, r in results.items():
        print(
            f"  {name:8} {r.seconds:8.2f} s  {rows / r.seconds:>10,.0f} rec/s  "
            f"cpu {r.cpu_seconds:8.2f} s  peak {r.peak_rss_mib:7.1f} MiB  "
            f"columns / this {base.seconds / r.seconds:5.2f} "
            f"(cpu {base.cpu_seconds / r.cpu_seconds:5.2f})",
            flush=True,
        )
    return results


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--columns-only"]
    size = int(args[0]) if args else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        run(Path(tmp), size, with_rows_engine="--columns-only" not in sys.argv[1:])
