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

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from _robustness import (
    NIKS,
    nik_texts,
    outcome,
    public_callables,
    python_bombs,
    required_samples,
)

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
