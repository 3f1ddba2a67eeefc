"""Interleaved A/B timing: a candidate and its baseline, alternating, medians compared."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Baseline:
    """What a suite compares the library against (read by tests/test_benchmark_independence.py).

    Every ``bench_*.py`` declares its baselines in ``BASELINES``. An
    ``independent`` baseline runs no koperasi_id code: the test scans its
    ``modules`` (benchmarks/ modules, with the local modules they import),
    its ``code`` (``python -c`` programs) and its ``functions`` (their source,
    and every global name they use) for the library, by import, by
    ``importlib``/``__import__``, by the ``koperasi-id`` command, by pickle.
    A baseline that is the library itself (an earlier version, the other
    engine, a smaller input) says so with ``independent=False``: its ratio is
    a comparison of the library with itself, and is reported as such.
    """

    label: str
    independent: bool
    modules: tuple[str, ...] = ()
    code: tuple[str, ...] = ()
    functions: tuple[Callable[..., object], ...] = field(default=())


@dataclass(frozen=True)
class Comparison:
    """Median seconds of the candidate and its baseline over interleaved rounds."""

    name: str
    candidate: float
    baseline: float
    rounds: int
    items: int

    @property
    def ratio(self) -> float:
        """Candidate time over baseline time (below 1.0: the candidate is faster)."""
        return self.candidate / self.baseline

    def per_item_us(self, seconds: float) -> float:
        return seconds / self.items * 1e6

    def line(self, candidate_label: str, baseline_label: str) -> str:
        return (
            f"{self.name:34} {candidate_label} {self.per_item_us(self.candidate):9.2f} us/item  "
            f"{baseline_label} {self.per_item_us(self.baseline):9.2f} us/item  "
            f"ratio {self.ratio:6.2f}  (median of {self.rounds} A/B rounds of {self.items:,})"
        )


def _timed(run: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def interleaved(
    name: str,
    candidate: Callable[[], object],
    baseline: Callable[[], object],
    *,
    rounds: int,
    items: int,
) -> Comparison:
    """Time ``candidate`` and ``baseline`` in alternating order (A/B, B/A, ...).

    Alternating the order cancels the drift of a shared machine (another
    process starting, CPU frequency changes) between the two; the medians
    discard a round disturbed by it. One warm-up call of each comes first.
    """
    candidate()
    baseline()
    a: list[float] = []
    b: list[float] = []
    for r in range(rounds):
        if r % 2 == 0:
            a.append(_timed(candidate))
            b.append(_timed(baseline))
        else:
            b.append(_timed(baseline))
            a.append(_timed(candidate))
    return Comparison(
        name=name,
        candidate=statistics.median(a),
        baseline=statistics.median(b),
        rounds=rounds,
        items=items,
    )


def interleaved_against(
    name: str,
    candidate: Callable[[], object],
    baselines: dict[str, Callable[[], object]],
    *,
    rounds: int,
    items: int,
) -> dict[str, Comparison]:
    """Time ``candidate`` and several baselines in rotating order, one round each per pass.

    Each pass times every side once, starting from a different one, so drift
    is shared; every baseline is compared with the candidate's median.
    """
    sides = [candidate, *baselines.values()]
    for side in sides:
        side()
    times: list[list[float]] = [[] for _ in sides]
    for r in range(rounds):
        start = r % len(sides)
        for k in range(len(sides)):
            i = (start + k) % len(sides)
            times[i].append(_timed(sides[i]))
    ours = statistics.median(times[0])
    return {
        label: Comparison(
            name=name,
            candidate=ours,
            baseline=statistics.median(times[i + 1]),
            rounds=rounds,
            items=items,
        )
        for i, label in enumerate(baselines)
    }
