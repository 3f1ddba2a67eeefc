"""``koperasi-id validate --type T --engine rows|columns``, for every record type.

Each engine runs the command line in a fresh child, one after the other on
the same generated file, and the outputs are compared byte for byte; the CPU
seconds (user + system of the child) give the ratio of one run, which a
loaded machine disturbs less than wall time. The files: the BPUM generator's
proposals (with its duplicates and malformed rows), the sample registry
repeated with fresh names and numbers, KUR applications of
``_data.kur_application_wires`` and businesses of ``bench_frames_msme``.
Run it with ``python benchmarks/bench_validate.py [ROWS] [TYPE ...]``.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from pathlib import Path

from _data import kur_application_wires, write_proposal_csv
from _harness import Baseline
from bench_frames_coops import registry_file
from bench_frames_msme import write_business_csv
from bench_screening import Run, _run

from koperasi_id import kur
from koperasi_id import rows as flat

BASELINES = (Baseline("validate --engine rows (the library's other engine)", False),)
TYPES = ("business", "cooperative", "kur-application", "bpum-proposal")


def _kur_csv(path: Path, rows: int) -> Path:
    header = flat.columns(kur.KurApplication)
    with path.open("w", encoding="utf-8", newline="") as f:
        # An empty list flattens to a column of its own; no credit is written as none.
        writer = csv.DictWriter(
            f, fieldnames=header, lineterminator="\n", restval="", extrasaction="ignore"
        )
        writer.writeheader()
        done = 0
        while done < rows:  # in chunks: the wires of a million rows need not be held
            size = min(50_000, rows - done)
            for wire in kur_application_wires(size, seed=done):
                cells = flat.flatten(wire)
                writer.writerow({k: "" if v is None else v for k, v in cells.items()})
            done += size
    return path


def data_file(workdir: Path, kind: str, rows: int) -> Path:
    """The generated ``rows``-row file of ``kind`` (made once per directory)."""
    path = workdir / f"validate_{kind}_{rows}.csv"
    if path.exists():
        return path
    started = time.perf_counter()
    if kind == "bpum-proposal":
        write_proposal_csv(path, rows)
    elif kind == "cooperative":
        registry_file(workdir, rows).rename(path)
    elif kind == "kur-application":
        _kur_csv(path, rows)
    else:
        write_business_csv(path, rows)
    print(f"  generated {rows:,} {kind} rows in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def _command(kind: str, src: Path, out: Path, engine: str) -> list[str]:
    return [
        sys.executable, "-m", "koperasi_id", "validate", "--type", kind, str(src),
        "--engine", engine, "--out", str(out),
    ]  # fmt: skip


def measure(workdir: Path, kind: str, rows: int) -> dict[str, Run]:
    """Both engines on one file of ``kind``; the outputs must be equal."""
    src = data_file(workdir, kind, rows)
    found = {}
    for engine in ("rows", "columns"):
        found[engine] = _run(_command(kind, src, workdir / f"{kind}.{engine}.txt", engine))
    same = (workdir / f"{kind}.rows.txt").read_bytes() == (
        workdir / f"{kind}.columns.txt"
    ).read_bytes()
    by_rows, by_columns = found["rows"], found["columns"]
    print(
        f"validate --type {kind}, {rows:,} rows: rows cpu {by_rows.cpu_seconds:7.2f} s, "
        f"columns cpu {by_columns.cpu_seconds:7.2f} s, rows / columns "
        f"{by_rows.cpu_seconds / by_columns.cpu_seconds:5.2f} (wall "
        f"{by_rows.seconds / by_columns.seconds:5.2f}), peak {by_rows.peak_rss_mib:.0f} / "
        f"{by_columns.peak_rss_mib:.0f} MiB, output {'identical' if same else 'DIFFERENT'}",
        flush=True,
    )
    if not same:  # a ratio between engines that answer differently compares unequal work
        raise SystemExit(f"validate --type {kind}: the two engines wrote different bytes")
    return found


def run(workdir: Path, rows: int, kinds: tuple[str, ...] = TYPES) -> None:
    for kind in kinds:
        measure(workdir, kind, rows)


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    chosen = tuple(sys.argv[2:]) or TYPES
    with tempfile.TemporaryDirectory() as tmp:
        run(Path(tmp), size, chosen)
