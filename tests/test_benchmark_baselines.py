"""The structuring benchmark's baselines are independent and check what the converter checks.

A baseline that calls the library's own parsers (or checks less) makes the
benchmark's ratio meaningless (issue 18). These tests run the same corpus
through ``from_dict`` and both baselines:
valid records (the sample generator's and the strategies') must give equal
output dicts, and mutated records must be refused by all three.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
# That no baseline imports the library is tests/test_benchmark_independence.py's
# (every baseline every benchmark declares); the hostile corpus is in
# tests/test_benchmark_baselines_hostile.py.


pytest.importorskip("pydantic")
pytest.importorskip("msgspec")
sys.path.insert(0, str(BENCH))
import _data  # noqa: E402

import _baseline_sides as sides  # noqa: E402


def _agree(kind: str, wire: dict[str, Any]) -> Any:
    ours, by_pydantic, by_msgspec = sides.verdicts(kind, wire)
    assert by_pydantic == ours
    assert by_msgspec == ours
    return ours


def _set(path: tuple[str, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(wire: dict[str, Any]) -> None:
        target = wire
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _nik_digits(position: int, text: str) -> Callable[[dict[str, Any]], None]:
    def mutate(wire: dict[str, Any]) -> None:
        key = "nik" if "nik" in wire else "borrower_nik"
        wire[key] = wire[key][:position] + text + wire[key][position + len(text) :]

    return mutate


# One rule broken per mutation; every one is refused by the converter.
NIK_MUTATIONS = {
    "province": _nik_digits(0, "99"),
    "regency 00": _nik_digits(2, "00"),
    "regency 70": _nik_digits(2, "70"),
    "district": _nik_digits(4, "00"),
    "day 32": _nik_digits(6, "32"),
    "day 72": _nik_digits(6, "72"),
    "month": _nik_digits(8, "13"),
    "31 April": _nik_digits(6, "3104"),
    "29 Feb 01": _nik_digits(6, "290201"),
    "serial": _nik_digits(12, "0000"),
    "letter": _nik_digits(3, "x"),
}
PROPOSAL_MUTATIONS = {
    **NIK_MUTATIONS,
    "nik int": _set(("nik",), 1871010101900001),
    "nik short": _set(("nik",), "187101010190001"),
    "kk province": _set(("kk",), "9971010101200003"),
    "kk district": _set(("kk",), "1871000101200003"),
    "phone foreign": _set(("phone",), "+65 6123 4567"),
    "phone short": _set(("phone",), "0812345"),
    "phone letters": _set(("phone",), "0812-3456-789a"),
    "kbli division": _set(("kbli",), "92000"),
    "kbli length": _set(("kbli",), "4711"),
    "occupation": _set(("occupation",), "astronaut"),
    "name empty": _set(("name",), "  "),
    "address long": _set(("ktp_address",), "x" * 501),
    "has_kur str": _set(("has_kur",), "false"),
    "year repeated": _set(("previous_bpum_years",), [2020, 2020]),
    "year short": _set(("previous_bpum_years",), [20]),
    "proposer depth": _set(("proposer", "type"), "dinas_provinsi"),
    "region syntax": _set(("proposer", "region"), "18-71"),
    "region 70": _set(("proposer", "region"), "18.70"),
    "unknown key": _set(("colour",), "red"),
}
KUR_MUTATIONS = {
    **NIK_MUTATIONS,
    "plafond zero": _set(("plafond",), "0"),
    "plafond float": _set(("plafond",), 6e6),
    "plafond three places": _set(("plafond",), "6000000.001"),
    "plafond exponent": _set(("plafond",), "6E6"),
    "capital negative": _set(("business", "capital"), "-1"),
    "capital text": _set(("business", "capital"), "Rp 1.000"),
    "tenor 0": _set(("tenor_months",), 0),
    "tenor 601": _set(("tenor_months",), 601),
    "tenor bool": _set(("tenor_months",), True),
    "access 1001": _set(("access",), 1001),
    "akad not a date": _set(("akad_date",), "2024-02-30"),
    "akad slashes": _set(("akad_date",), "2024/02/03"),
    "started_on short": _set(("business", "started_on"), "2024-2-3"),
    "scheme": _set(("scheme",), "mega"),
    "sector": _set(("sector",), "jasa_keuangan"),
    "contract without pmi": _set(("contract_months",), 24),
    "npwp checksum": _set(("npwp",), "01.234.567.5-123.000"),
    "npwp length": _set(("npwp",), "0123456741230"),
    "nib length": _set(("business", "nib"), "912000000001"),
    "region village": _set(("business", "region"), "18.71.01.4001"),
    "workers 0": _set(("business", "workers"), 0),
    "business name": _set(("business", "name"), " "),
    "credit scheme": _set(
        ("existing_credits",), [{"kind": "kpr", "plafond": "1", "scheme": "mikro"}]
    ),
    "credit closed": _set(
        ("existing_credits",), [{"kind": "kpr", "plafond": "5", "outstanding": "1", "closed": True}]
    ),
}
VALID_VARIANTS = {
    "nik spaced": _set(("nik",), "1871 0141 0190 0002"),
    "phone +62": _set(("phone",), "+62 812 3456 7890"),
    "phone no trunk": _set(("phone",), "81234567890"),
    "region compact": _set(("proposer", "region"), "1871"),
}
KUR_VALID_VARIANTS = {
    "npwp legacy": _set(("npwp",), "01.234.567.4-123.000"),
    "npwp nik": _set(("npwp",), "1801041508850003"),
    "nib": _set(("business", "nib"), "0220000451127"),
    "money int": _set(("plafond",), 6_000_000),
    "money cents": _set(("business", "capital"), "1000.50"),
    "pmi contract": lambda wire: wire.update(scheme="pmi", contract_months=24),
    "credit": _set(("existing_credits",), [{"kind": "kur", "plafond": "5", "scheme": "mikro"}]),
}

PROPOSALS = _data.valid_proposal_wires(40)
APPLICATIONS = _data.kur_application_wires(40)


def test_generated_records_give_equal_outputs() -> None:
    for wire in PROPOSALS:
        assert _agree("proposal", wire) != sides.REFUSED
    for wire in APPLICATIONS:
        assert _agree("kur", wire) != sides.REFUSED


@pytest.mark.parametrize("name", sorted(PROPOSAL_MUTATIONS))
def test_all_three_refuse_a_broken_proposal(name: str) -> None:
    for wire in PROPOSALS[:5]:
        broken = copy.deepcopy(wire)
        PROPOSAL_MUTATIONS[name](broken)
        assert _agree("proposal", broken) == sides.REFUSED


@pytest.mark.parametrize("name", sorted(KUR_MUTATIONS))
def test_all_three_refuse_a_broken_application(name: str) -> None:
    for wire in APPLICATIONS[:5]:
        broken = copy.deepcopy(wire)
        KUR_MUTATIONS[name](broken)
        assert _agree("kur", broken) == sides.REFUSED


@pytest.mark.parametrize("name", sorted(VALID_VARIANTS))
def test_all_three_accept_a_proposal_variant(name: str) -> None:
    wire = copy.deepcopy(PROPOSALS[0])
    VALID_VARIANTS[name](wire)
    if name == "region compact":
        wire["proposer"]["type"] = "koperasi_berbadan_hukum"
    assert _agree("proposal", wire) != sides.REFUSED


@pytest.mark.parametrize("name", sorted(KUR_VALID_VARIANTS))
def test_all_three_accept_an_application_variant(name: str) -> None:
    wire = copy.deepcopy(APPLICATIONS[0])
    KUR_VALID_VARIANTS[name](wire)
    assert _agree("kur", wire) != sides.REFUSED


def test_strategy_records_agree() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    from koperasi_id.strategies import bpum_proposal_dicts, kur_application_dicts  # noqa: PLC0415 - needs hypothesis

    @hypothesis.settings(max_examples=60, deadline=None)
    @hypothesis.given(
        proposal=bpum_proposal_dicts(year=2021),
        application=kur_application_dicts(),
    )
    def check(proposal: dict[str, Any], application: dict[str, Any]) -> None:
        assert _agree("proposal", proposal) != sides.REFUSED
        assert _agree("kur", application) != sides.REFUSED

    check()
