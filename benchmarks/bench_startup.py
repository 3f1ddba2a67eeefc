"""Start-up: ``koperasi-id --help`` and each subcommand's start-up vs ``python -c pass``.

Each command runs in a fresh interpreter, interleaved with the bare
interpreter (A/B, B/A, ...), and the medians are compared. The overhead is
the command's median minus the bare interpreter's; the goal is under 150 ms.

A subcommand's ``--help`` lists its choices (schemes, purposes, BPUM years),
which come from the library, so it imports that subcommand's domain modules
and nothing else. ``import koperasi_id`` alone is timed too: the package root
loads its names on first use.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

from _harness import interleaved

GOAL_MS = 150

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


def _child(args: list[str]) -> Callable[[], None]:
    def run() -> None:
        subprocess.run([sys.executable, *args], stdout=subprocess.DEVNULL, check=True)

    return run


def run(rounds: int) -> dict[str, float]:
    """Print one line per command; the overheads in milliseconds by command."""
    bare = _child(["-c", "pass"])
    overheads: dict[str, float] = {}
    for name, args in COMMANDS:
        c = interleaved(name, _child(args), bare, rounds=rounds, items=1)
        overhead_ms = (c.candidate - c.baseline) * 1000
        overheads[name] = overhead_ms
        mark = "ok" if overhead_ms < GOAL_MS else f"over the {GOAL_MS} ms goal"
        print(
            f"startup {name:28} {c.candidate * 1000:7.1f} ms  python -c pass "
            f"{c.baseline * 1000:6.1f} ms  overhead {overhead_ms:6.1f} ms  ratio {c.ratio:5.2f}  "
            f"({mark}; median of {c.rounds} A/B rounds)",
            flush=True,
        )
    return overheads


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
