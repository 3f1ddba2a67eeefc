"""Linearity: parse time per KB of input, from 1 KB to 1 MB, for the parsers of hostile input.

For each parser, inputs of the same shape are built at every size, each is
parsed (best of a few calls), and the time per KB is printed with the ratio
of the largest size's time per KB to the smallest's. A linear parser keeps
the ratio near 1 (below 1 where a fixed cost weighs on the small inputs); a
quadratic one multiplies it by about 1,000 over this range (caches make a
linear one read up to 2 or 3 at 1 MB on a busy machine). A call past the
time budget stops that parser's row: the growth is then plainly not linear.

Nothing is asserted, as in every benchmark here; the shapes are the ones
issue 13 found slow:

- ``parse_rupiah("Rp" + " " * n + "x")``, the backtracking case;
- the CSV header check (duplicate names, headers that look like data) on
  ``n`` bytes of column names;
- the JSON Lines reader on a file of ordinary records, and on one line
  nested ``n`` levels deep (refused by the depth check before ``json.loads``);
- the CSV reader on a file whose second line opens a quote that never
  closes (every later line is read again as its own record).
"""

from __future__ import annotations

import gc
import math
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from _harness import Baseline

from koperasi_id import _io
from koperasi_id.errors import ValidationError
from koperasi_id.money import parse_rupiah

BASELINES = (Baseline("the same parser on the 1 KB input", False),)
KB = 1024
SIZES = (1 * KB, 4 * KB, 16 * KB, 64 * KB, 256 * KB, 1024 * KB)
#: Seconds one size may take before the row stops (a linear 1 MB parse takes well under 1).
BUDGET_SECONDS = 10.0


class _OverBudgetError(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise _OverBudgetError


def _best(call: Callable[[], object], min_total: float) -> float:
    """Seconds per call: the least of at least three batches, until ``min_total`` has passed.

    The least, because on a shared machine a long call is preempted more
    often than a short one, which would read as growth of its own; batches
    of at least 5 ms keep the short calls above the timer's noise. (CPU time
    would be the natural measure, but some sandboxes advance it in steps of
    10 ms.)
    """
    gc.collect()
    gc.disable()  # a collection is a cost of everything alive, not of this input
    try:
        start = time.perf_counter()
        call()
        first = time.perf_counter() - start
        batch = max(1, math.ceil(0.005 / max(first, 1e-6)))
        best, spent, samples = first, first, 1
        while spent < min_total or samples < 3:
            start = time.perf_counter()
            for _ in range(batch):
                call()
            took = time.perf_counter() - start
            best = min(best, took / batch)
            spent += took
            samples += 1
    finally:
        gc.enable()
    return max(best, 1e-9)


def _rupiah(size: int, _work: Path) -> Callable[[], object]:
    text = "Rp" + " " * (size - 3) + "x"

    def call() -> object:
        with suppress(ValidationError):
            return parse_rupiah(text)
        return None

    return call


def _header(size: int, work: Path) -> Callable[[], object]:
    names: list[str] = []
    total = 0
    while total < size:
        names.append(f"kolom_{len(names)}")
        total += len(names[-1]) + 1
    path = work / "header.csv"

    def call() -> object:
        _io._check_header(path, names)  # the check itself, past the width limit
        return None

    return call


def _read_all(path: Path) -> Callable[[], object]:
    def call() -> object:
        with _io.open_records(path) as reader:
            return sum(1 for _ in reader)

    return call


def _jsonl_records(size: int, work: Path) -> Callable[[], object]:
    line = '{"nik": "1871010101900001", "nama": "Siti Aminah", "alamat_ktp": "Jl. Kartini 5"}\n'
    path = work / f"records-{size}.jsonl"
    path.write_text(line * max(size // len(line), 1), encoding="utf-8")
    return _read_all(path)


def _jsonl_nested(size: int, work: Path) -> Callable[[], object]:
    depth = (size - 2) // 2
    path = work / f"nested-{size}.jsonl"
    path.write_text("[" * depth + "]" * depth + "\n", encoding="utf-8")
    return _read_all(path)


def _csv_stray_quote(size: int, work: Path) -> Callable[[], object]:
    line = "Jl. Kartini 5\n"
    path = work / f"quote-{size}.csv"
    body = line * max((size - 20) // len(line), 1)
    path.write_text('nama,alamat\nSiti,"x\n' + body, encoding="utf-8")
    return _read_all(path)


PARSERS: tuple[tuple[str, Callable[[int, Path], Callable[[], object]]], ...] = (
    ('parse_rupiah("Rp" + spaces + "x")', _rupiah),
    ("CSV header check", _header),
    ("JSON Lines reader, records", _jsonl_records),
    ("JSON Lines reader, [[[[...]]]]", _jsonl_nested),
    ("CSV reader, unclosed quote", _csv_stray_quote),
)


def _label(size: int) -> str:
    return f"{size // KB} KB" if size < 1024 * KB else f"{size // (1024 * KB)} MB"


def run(*, quick: bool) -> None:
    """Print the time per KB at every size and the largest/smallest ratio, per parser."""
    min_total = 0.02 if quick else 0.2
    print(f"linearity: time per KB of input, {_label(SIZES[0])} to {_label(SIZES[-1])}")
    print(f"  {'parser':34}" + "".join(f"{_label(s):>13}" for s in SIZES) + "   ratio")
    # The regular expression engine checks for signals, so the alarm stops a
    # backtracking match too.
    use_alarm = hasattr(signal, "setitimer")
    with tempfile.TemporaryDirectory(prefix="koperasi_id_linearity_") as tmp:
        work = Path(tmp)
        for name, build in PARSERS:
            per_kb: list[float] = []
            cells: list[str] = []
            for size in SIZES:
                call = build(size, work)
                if use_alarm:
                    previous = signal.signal(signal.SIGALRM, _alarm)
                    signal.setitimer(signal.ITIMER_REAL, BUDGET_SECONDS)
                try:
                    seconds = _best(call, min_total)
                except _OverBudgetError:
                    cells.append(f"{'> budget':>13}")
                    break
                finally:
                    if use_alarm:
                        signal.setitimer(signal.ITIMER_REAL, 0)
                        signal.signal(signal.SIGALRM, previous)
                per_kb.append(seconds / (size / KB))
                cells.append(f"{per_kb[-1] * 1e6:10.1f} us")
            ratio = (
                f"{per_kb[-1] / per_kb[0]:7.2f}" if len(per_kb) == len(SIZES) else "  not linear"
            )
            print(f"  {name:34}" + "".join(cells) + ratio)
            sys.stdout.flush()
