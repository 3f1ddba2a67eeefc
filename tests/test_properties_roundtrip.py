"""Cross-cutting property: every public type survives the wire, as dicts and as JSON.

Objects come from ``st.from_type``, so this also proves that the ``hypothesis``
entry point registered every type (see ``koperasi_id.strategies.TYPE_STRATEGIES``).
Example counts: the ``ci`` profile (200) for value types and small entities;
40 for cooperatives and 100 for KUR loans (each draws a whole history).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

pytest.importorskip("hypothesis")  # every test here is a property test or needs the strategies

from hypothesis import given, settings
from hypothesis import strategies as st

from koperasi_id import bpum, cooperatives, identifiers, kur, msme, regions
from koperasi_id._values import ValueType
from koperasi_id.cooperatives import Cooperative
from koperasi_id.kur import KurApplication, KurLoan
from koperasi_id.serialization import from_dict, from_json, to_dict, to_json
from koperasi_id.strategies import TYPE_STRATEGIES

#: Fewer examples for the types that draw dozens of NIKs per example.
SLOW = {Cooperative: 40, KurLoan: 100, KurApplication: 100}
TYPES = sorted(TYPE_STRATEGIES, key=lambda t: t.__name__)


def _roundtrip_test(cls: type[Any]) -> Any:
    @settings(max_examples=SLOW.get(cls, settings.default.max_examples))
    @given(st.from_type(cls))
    def check(value: Any) -> None:
        assert isinstance(value, cls)
        wire = to_dict(value)
        assert from_dict(cls, wire) == value
        text = to_json(value)
        assert json.loads(text) == wire
        assert from_json(cls, text) == value
        assert to_dict(from_json(cls, text)) == wire

    return check


@pytest.mark.parametrize("cls", TYPES, ids=lambda t: t.__name__)
def test_every_type_round_trips_through_dict_and_json(cls: type[Any]) -> None:
    _roundtrip_test(cls)()


def test_every_public_value_type_is_registered() -> None:
    exported = {
        obj
        for module in (bpum, cooperatives, identifiers, kur, msme, regions)
        for obj in (getattr(module, name) for name in module.__all__)
        if isinstance(obj, type) and issubclass(obj, ValueType)
    }
    assert exported
    assert exported <= set(TYPE_STRATEGIES)


def test_every_public_entity_is_registered() -> None:
    entities = {
        bpum.Proposal,
        bpum.Proposer,
        bpum.DisbursementRecord,
        cooperatives.Cooperative,
        cooperatives.Founder,
        cooperatives.BoardMember,
        cooperatives.BoardTerm,
        cooperatives.RatRecord,
        cooperatives.BusinessActivity,
        cooperatives.SavingsLoanProfile,
        kur.KurApplication,
        kur.KurLoan,
        kur.ExistingCredit,
        msme.Business,
    }
    assert entities <= set(TYPE_STRATEGIES)
