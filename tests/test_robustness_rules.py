"""Robustness of every public rule function against hostile arguments (issue 13).

Every public callable with more than one required parameter (the rules:
``kur.schedule``, ``msme.classify_business``, ``cooperatives.activity_status``,
``bpum.assess``, ...; found by walking ``__all__``) is called with valid
values for its required parameters (built from the annotations: a date, an
amount, an enum member, a sample entity), then with each hostile value in
each parameter in turn, keyword parameters with defaults included. Only the
library's errors may escape (a Python ``TypeError``/``AttributeError`` only
for an argument whose Python type is not the declared one), and no decision
text or error may show a NIK.
"""

from __future__ import annotations

import decimal
import inspect
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from _robustness import (
    NIKS,
    entity_samples,
    nik_texts,
    outcome,
    public_callables,
    python_bombs,
    required_samples,
)
from koperasi_id import cooperatives, kur
from koperasi_id.errors import RuleInputError
from koperasi_id.serialization import from_json, to_json

#: Not rules: plumbing that takes functions or argv, or writes files.
NOT_RULES = frozenset(
    {
        "koperasi_id.cli.main",  # the files suite runs the command line
        "koperasi_id.serialization.register_hooks",  # would install junk for good
        "koperasi_id.law.register",  # would add junk rules to the process-wide register
        "koperasi_id.batch.dask.screen_file",  # reads a file; the files suite
        "koperasi_id.regions.RegionTable.from_csv",  # opens a file: test_robustness_masking_sweep
        "koperasi_id.regions.shipped_rows",  # reads a file shipped in the package, by name
        # A parser (the parsers suite runs it); its keyword arguments are annotated
        # with a type that only type checkers import, so no sample can be built.
        "koperasi_id.regions.RegionCode.parse",
        # attrs validators (instance, attribute, value): attrs calls them, not people
        "koperasi_id.money.non_negative_rupiah",
        "koperasi_id.money.optional_non_negative_rupiah",
    }
)


def _params(fn: Callable[..., Any]) -> list[str]:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return []
    return [p.name for p in params if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


def _rules() -> list[tuple[str, Callable[..., Any]]]:
    out = []
    for name, fn in public_callables():
        if name in NOT_RULES or name.startswith("koperasi_id.serialization.ValueType"):
            continue
        params = _params(fn)
        required = [
            p.name
            for p in inspect.signature(fn).parameters.values()
            if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
        if len(required) > 1 or (params and len(required) != len(params)):
            out.append((name, fn))
    return out


@pytest.fixture(autouse=True)
def _hostile_paths_land_in_a_scratch_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rules that write files (rows.write_records, ...) get hostile text as
    # their path, which is a valid relative file name: it must land here, never
    # in the checkout (a run once left NIK-named files in the repo's root).
    monkeypatch.chdir(tmp_path)


RULES = _rules()
HOSTILE: tuple[object, ...] = (*python_bombs(), *nik_texts(every=False), int(NIKS[0]))


def test_the_walk_finds_the_rules() -> None:
    names = {name for name, _ in RULES}
    assert {
        "koperasi_id.kur.schedule",
        "koperasi_id.msme.classify_business",
        "koperasi_id.cooperatives.activity_status",
        "koperasi_id.bpum.assess",
    } <= names


def test_every_rule_has_samples_for_its_required_parameters() -> None:
    # A new rule taking an entity the suite cannot build must add a sample in
    # _robustness.entity_samples, or it would be silently skipped.
    missing = [name for name, fn in RULES if required_samples(fn) is None]
    assert missing == []


@pytest.mark.parametrize(("name", "fn"), RULES, ids=[r[0] for r in RULES])
def test_rule_lets_only_library_errors_escape_and_masks_niks(
    name: str, fn: Callable[..., Any]
) -> None:
    base = required_samples(fn)
    assert base is not None
    outcome(fn, name, **base)  # the samples themselves
    for param in _params(fn):
        for value in HOSTILE:
            outcome(fn, name, **{**base, param: value})


# --- the caller's decimal context is theirs ----------------------------------

#: Contexts a caller may set for their own arithmetic: tiny precision, every
#: signal a trap (Inexact, Rounded: any rounding at all raises), rounding
#: toward infinity with a small exponent range.
CALLER_CONTEXTS = {
    "prec3": decimal.Context(prec=3),
    "every_trap": decimal.Context(
        prec=5,
        traps=[
            decimal.Inexact,
            decimal.Rounded,
            decimal.InvalidOperation,
            decimal.DivisionByZero,
            decimal.Overflow,
            decimal.Underflow,
            decimal.Subnormal,
            decimal.Clamped,
            decimal.FloatOperation,
        ],
    ),
    "round_up_small_exponents": decimal.Context(
        prec=50, rounding=decimal.ROUND_UP, Emax=20, Emin=-20
    ),
}


def _answer(fn: Callable[..., Any], name: str, kwargs: dict[str, object]) -> str:
    result = outcome(fn, name, **kwargs)
    if isinstance(result, Iterator):
        result = list(result)  # consumed where it was asked for
    return repr(result)


#: The rules of the domain packages (the readers and frames read files or tables).
DOMAIN_RULES = [
    (name, fn)
    for name, fn in RULES
    if name.split(".")[1] in {"kur", "msme", "cooperatives", "bpum", "money", "law"}
]


@pytest.mark.parametrize("context", CALLER_CONTEXTS, ids=str)
@pytest.mark.parametrize(("name", "fn"), DOMAIN_RULES, ids=[r[0] for r in DOMAIN_RULES])
def test_rule_answers_do_not_depend_on_the_callers_decimal_context(
    name: str, fn: Callable[..., Any], context: str
) -> None:
    kwargs = required_samples(fn)
    assert kwargs is not None
    expected = _answer(fn, name, kwargs)
    with decimal.localcontext(CALLER_CONTEXTS[context]):
        got = _answer(fn, name, kwargs)
        assert decimal.getcontext().prec == CALLER_CONTEXTS[context].prec  # given back
    assert got == expected


AKAD = date(2024, 1, 31)
#: Answers with real arithmetic in them: amortisation at an odd rate, sen,
#: effective annual rates, a flat-rate equivalent, percentages, totals.
ARITHMETIC: dict[str, Callable[[], object]] = {
    "schedule": lambda: kur.schedule(Decimal("123456789"), Decimal("6.75"), 37, start=AKAD),
    "schedule_sen_effective": lambda: kur.schedule(
        Decimal("123456789.55"),
        Decimal("6.7501"),
        37,
        start=AKAD,
        places=2,
        rate_convention=kur.RateConvention.EFFECTIVE_ANNUAL,
    ),
    "schedule_flat": lambda: kur.schedule(
        Decimal("123456789"), Decimal("6.75"), 37, start=AKAD, method=kur.Method.FLAT
    ),
    "schedule_totals": lambda: (
        (s := kur.schedule(Decimal("999999999.99"), Decimal("13.3333"), 600, start=AKAD, places=2)),
        s.total_interest,
        s.total_payment,
        s.flat_rate_equivalent,
    ),
    "annuity_payment": lambda: kur.annuity_payment(Decimal("123456789"), Decimal("6.75"), 37),
    "flat_rate_equivalent": lambda: kur.flat_rate_equivalent(
        Decimal("123456789"), Decimal("6.75"), 37
    ),
    "monthly_rate": lambda: kur.monthly_rate(Decimal("6.75"), kur.RateConvention.EFFECTIVE_ANNUAL),
    "related_party_lending": lambda: cooperatives.check_related_party_lending(
        related_party_loans=Decimal("33333.33"), own_capital=Decimal("100000.01"), as_of=AKAD
    ),
    "schedule_from_json": lambda: from_json(
        kur.Schedule,
        to_json(kur.schedule(Decimal("123456789"), Decimal("6.75"), 37, start=AKAD)),
    ),
}


@pytest.mark.parametrize("context", CALLER_CONTEXTS, ids=str)
@pytest.mark.parametrize("case", ARITHMETIC, ids=str)
def test_arithmetic_runs_in_the_librarys_context(case: str, context: str) -> None:
    expected = repr(ARITHMETIC[case]())
    with decimal.localcontext(CALLER_CONTEXTS[context]):
        got = repr(ARITHMETIC[case]())
    assert got == expected


_LAW_AT_IMPORT = """
import decimal, sys
if sys.argv[1] == "hostile":
    context = decimal.getcontext()
    context.prec, context.rounding = 2, decimal.ROUND_DOWN
    for signal in (decimal.Inexact, decimal.Rounded):
        context.traps[signal] = True
from datetime import date
from koperasi_id import bpum, cooperatives, kur, msme
day = date(2024, 5, 1)
print(repr([
    [kur.plafond_band(s, as_of=day) for s in kur.Scheme if s is not kur.Scheme.MIGRANT_WORKER],
    msme.SIZE_CRITERIA, cooperatives.STARTUP_CAPITAL, bpum.PROGRAMMES,
    [r.value for r in msme.SIZE_CRITERIA.regimes],
    [r.value for r in cooperatives.STARTUP_CAPITAL.regimes],
    [r.value for r in bpum.PROGRAMMES.regimes],
]))
"""


def test_law_tables_built_on_first_use_ignore_the_callers_context() -> None:
    # The domain packages load their modules on first use (koperasi_id._lazy),
    # and a module builds its law tables as it loads: that first use may be
    # inside the caller's own context, which must not round Rp10 juta or trap.
    def run(mode: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", _LAW_AT_IMPORT, mode],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    assert run("hostile") == run("plain")


# --- days near the end of the calendar ----------------------------------------

LATE = date(9899, 12, 1)  # within the day bound; what is derived from it is not


def _cooperative() -> Any:
    return entity_samples()[cooperatives.Cooperative]


@pytest.mark.parametrize(
    "ask",
    [
        lambda: kur.schedule(Decimal(10_000_000), Decimal(6), 12, start=LATE),
        lambda: kur.schedule(Decimal(10_000_000), Decimal(6), 2, first_due=LATE),
        lambda: kur.schedule(
            Decimal(10_000_000), Decimal(6), 1, start=LATE, method=kur.Method.BULLET
        ),
        lambda: cooperatives.dissolution_timeline(LATE),
        lambda: cooperatives.check_rat(_cooperative(), 9899, as_of=LATE),
    ],
    ids=["schedule", "schedule_first_due", "bullet", "dissolution", "check_rat"],
)
def test_an_answer_holding_a_day_past_the_bound_is_refused(ask: Callable[[], object]) -> None:
    # The wire reads days up to LAST_DAY only: a result holding a later day
    # (9900-01-01, ...) could be written out but never read back. (A plain
    # day returned, rat_deadline(9899) = 9900-06-30, is no result on the wire.)
    with pytest.raises(RuleInputError, match="would fall on 9900-"):
        ask()


def test_answers_up_to_the_last_day_still_round_trip() -> None:
    last = date(9899, 12, 31)
    answers = [
        kur.schedule(Decimal(10_000_000), Decimal(6), 12, start=date(9898, 12, 31)),
        kur.schedule(Decimal(10_000_000), Decimal(6), 1, first_due=last),
        kur.schedule(Decimal(10_000_000), Decimal(6), 1, first_due=last, method=kur.Method.BULLET),
        cooperatives.dissolution_timeline(date(9899, 6, 1)),
        cooperatives.check_rat(_cooperative(), 9898, as_of=last),
    ]
    assert [a.instalments[-1].due_date for a in answers[:3]] == [last, last, last]
    for answer in answers:
        assert from_json(type(answer), to_json(answer)) == answer
    assert cooperatives.rat_deadline(9898) == date(9899, 6, 30)
