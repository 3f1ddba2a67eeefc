"""Regions: look-ups in the national table vs a bare dict, and what importing costs.

- ``RegionTable.status`` over a mix of regency, district and unknown codes, against
  ``dict.get`` on a plain ``{code: name}`` of the same rows (the floor of any table);
- the cost of the first look-up of each level in a fresh interpreter: importing
  ``koperasi_id.regions`` and reading its regency list, then also the district list
  (read on first use), each against ``python -c pass`` in a child process.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

from _harness import Baseline, Comparison, interleaved

from koperasi_id.regions import default_region_table


def _codes(n: int) -> list[str]:
    table = default_region_table()
    known = [r.code.code for r in table if len(r.code.code) in (5, 8)]
    # About 900 rows spread over the table, plus two unknown codes (a district past the
    # end of Bandar Lampung's list, a missing regency).
    mix = [*known[:: max(len(known) // 900, 1)], "18.71.99", "18.99"]
    return (mix * (n // len(mix) + 1))[:n]


def plain_lookup(plain: dict[str, str], codes: list[str]) -> Callable[[], object]:
    """The baseline: ``dict.get`` on a plain ``{code: name}`` (the floor of any table)."""

    def baseline() -> None:
        for code in codes:
            plain.get(code)

    return baseline


def _lookup(n: int) -> tuple[Callable[[], object], Callable[[], object]]:
    table = default_region_table()
    codes = [str(code) for code in _codes(n)]
    plain = {str(r.code.code): str(r.name) for r in table}

    def candidate() -> None:
        for code in codes:
            table.status(code)

    return candidate, plain_lookup(plain, codes)


BASELINES = (
    Baseline("dict.get on {code: name}", True, functions=(plain_lookup,)),
    Baseline("python -c pass", True, code=("pass",)),
)

# ``import koperasi_id`` alone is timed by bench_startup; it reads no region data.
IMPORTS = {
    "first regency look-up": "from koperasi_id.regions import lookup; lookup('18.71')",
    "first district look-up": "from koperasi_id.regions import lookup; lookup('18.71.01')",
}


def _child(code: str) -> Callable[[], object]:
    def run() -> None:
        subprocess.run([sys.executable, "-c", code], check=True)

    return run


def run(n: int, rounds: int) -> list[Comparison]:
    """Print and return the comparisons (``n`` look-ups per round)."""
    print("\nregions")
    candidate, baseline = _lookup(n)
    lookups = interleaved("RegionTable.status", candidate, baseline, rounds=rounds, items=n)
    print(lookups.line("status", "dict.get"))
    out = [lookups]
    empty = _child("pass")
    for name, code in IMPORTS.items():
        comparison = interleaved(name, _child(code), empty, rounds=rounds, items=1)
        print(
            f"{name:38} {comparison.candidate * 1e3:7.1f} ms  python -c pass "
            f"{comparison.baseline * 1e3:6.1f} ms  ratio {comparison.ratio:5.2f}  "
            f"(+{(comparison.candidate - comparison.baseline) * 1e3:.1f} ms, "
            f"median of {rounds} A/B rounds)"
        )
        out.append(comparison)
    return out
