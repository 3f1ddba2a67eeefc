"""Rules: one call of msme.classify, kur.rate, kur.assess and law.in_force vs a bare dict lookup."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from _data import kur_application_wires
from _harness import Baseline, Comparison, interleaved

from koperasi_id import kur, law, msme
from koperasi_id.serialization import from_dict

AS_OF = date(2024, 5, 1)


#: The scheme names of a hand-written table: plain text, not the library's enum (an
#: enum member's hash is a Python call, which made this floor about 3.5 times slower).
_SCHEMES = ("super_mikro", "mikro", "kecil", "khusus", "pmi")


def _baseline(n: int) -> Callable[[], object]:
    # What a hand-written rule table costs: one dict lookup per question.
    table = {(scheme, access): Decimal(6) for scheme in _SCHEMES for access in range(1, 5)}
    keys = [("mikro", 1 + i % 4) for i in range(n)]

    def run() -> None:
        for key in keys:
            table[key]

    return run


BASELINES = (Baseline("dict lookup in a hand-written rate table", True, functions=(_baseline,)),)


def _classify(n: int) -> Callable[[], object]:
    capitals = [Decimal(1_000_000 * (1 + i % 9_000)) for i in range(n)]

    def run() -> None:
        for capital in capitals:
            msme.classify(as_of=AS_OF, capital=capital)

    return run


def _rate(n: int) -> Callable[[], object]:
    accesses = [1 + i % 4 for i in range(n)]

    def run() -> None:
        for access in accesses:
            kur.rate(kur.Scheme.MICRO, as_of=AS_OF, access=access)

    return run


def _assess(n: int) -> Callable[[], object]:
    apps = [from_dict(kur.KurApplication, w) for w in kur_application_wires(min(n, 5_000))]
    apps = (apps * (n // len(apps) + 1))[:n]

    def run() -> None:
        for app in apps:
            kur.assess(app)

    return run


def _in_force(n: int) -> Callable[[], object]:
    # The register's question over every rule (about 35 timelines) on one day.
    days = [date(2015 + i % 12, 1 + i % 12, 1 + i % 28) for i in range(n)]
    law.registered_rules()  # the domain imports happen once, outside the timing

    def run() -> None:
        for day in days:
            law.in_force(day)

    return run


def run(n: int, rounds: int) -> list[Comparison]:
    out = []
    for name, make, calls in (
        ("rules msme.classify", _classify, n),
        ("rules kur.rate", _rate, n),
        ("rules kur.assess", _assess, max(n // 10, 100)),
        ("register law.in_force", _in_force, max(n // 100, 20)),
    ):
        comparison = interleaved(name, make(calls), _baseline(calls), rounds=rounds, items=calls)
        print(comparison.line("rule", "dict lookup"), flush=True)
        out.append(comparison)
    return out
