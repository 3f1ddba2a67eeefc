"""Start-up: ``koperasi-id --help`` and each subcommand's start-up vs ``python -c pass``.

Each command runs in a fresh interpreter, interleaved with the bare
interpreter (A/B, B/A, ...), and the medians are compared. The overhead is
the command's median minus the bare interpreter's; the goal is under 150 ms.
CPU time (user + system, from ``getrusage``) is printed too: on a shared
machine it is the steadier figure.

A subcommand's ``--help`` lists its choices (schemes, purposes, BPUM years),
which come from the library, so it imports that subcommand's domain modules
and nothing else. ``import koperasi_id`` alone is timed too: the package root
loads its names on first use.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
from collections.abc import Callable

from _harness import Baseline, interleaved

GOAL_MS = 150
BASELINES = (Baseline("python -c pass", True, code=("pass",)),)

COMMANDS: tuple[tuple[str, list[str]], ...] = (
    ("import koperasi_id", ["-c", "import koperasi_id"]),
    ("koperasi-id --help", ["-m", "koperasi_id", "--help"]),
    ("koperasi-id --version", ["-m", "koperasi_id", "--version"]),
    ("cooperatives status --help", ["-m", "koperasi_id", "cooperatives", "status", "--help"]),
    ("bpum screen --help", ["-m", "koperasi_id", "bpum", "screen", "--help"]),
    ("kur simulate --help", ["-m", "koperasi_id", "kur", "simulate", "--help"]),
    ("msme classify --help", ["-m", "koperasi_id", "msme", "classify", "--help"]),
    ("validate --help", ["-m", "koperasi_id", "validate", "--help"]),
    (
        "msme classify (a whole job)",
        ["-m", "koperasi_id", "msme", "classify", "--capital", "1", "--as-of", "2024-05-01"],
    ),
)


def _child(args: list[str], cpu: list[float] | None = None) -> Callable[[], None]:
    def run() -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, *args], stdout=subprocess.DEVNULL, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if cpu is not None:
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)

    return run


def run(rounds: int) -> dict[str, float]:
    """Print one line per command; the overheads in milliseconds by command."""
    overheads: dict[str, float] = {}
    for name, args in COMMANDS:
        # CPU time (user + system of the child) as well as wall time: on a
        # shared machine the wall clock mostly measures the other processes.
        bare_cpu: list[float] = []
        cpu: list[float] = []
        bare = _child(["-c", "pass"], bare_cpu)
        c = interleaved(name, _child(args, cpu), bare, rounds=rounds, items=1)
        cpu_ms, bare_cpu_ms = statistics.median(cpu) * 1000, statistics.median(bare_cpu) * 1000
        overhead_ms = (c.candidate - c.baseline) * 1000
        overheads[name] = overhead_ms
        mark = "ok" if overhead_ms < GOAL_MS else f"over the {GOAL_MS} ms goal"
        print(
            f"startup {name:28} {c.candidate * 1000:7.1f} ms  python -c pass "
            f"{c.baseline * 1000:6.1f} ms  overhead {overhead_ms:6.1f} ms  ratio {c.ratio:5.2f}  "
            f"({mark}; median of {c.rounds} A/B rounds)\n"
            f"        {'':28} CPU {cpu_ms:7.1f} ms  python -c pass {bare_cpu_ms:6.1f} ms  "
            f"overhead {cpu_ms - bare_cpu_ms:6.1f} ms  ratio {cpu_ms / bare_cpu_ms:5.2f}",
            flush=True,
        )
    return overheads


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
