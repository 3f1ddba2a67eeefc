"""Structuring: ``from_dict`` + ``to_dict`` of real entities vs pydantic v2 twins."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from _data import kur_application_wires, valid_proposal_wires
from _harness import Comparison, interleaved

from koperasi_id.bpum import Proposal
from koperasi_id.kur import KurApplication
from koperasi_id.serialization import default_converter, from_dict, to_dict


def _ours(cls: type, wires: list[dict[str, Any]]) -> Callable[[], object]:
    def run() -> None:
        for wire in wires:
            to_dict(from_dict(cls, wire))

    return run


def _pydantic(model: Any, wires: list[dict[str, Any]]) -> Callable[[], object]:
    validate = model.model_validate

    def run() -> None:
        for wire in wires:
            validate(wire).model_dump(mode="json")

    return run


def check_equivalence(cls: type, model: Any, wires: list[dict[str, Any]]) -> None:
    """Both sides must produce the same wire dicts, or the timing means nothing."""
    for wire in wires[:200]:
        ours = to_dict(from_dict(cls, wire))
        theirs = model.model_validate(wire).model_dump(mode="json")
        if ours != theirs:
            raise SystemExit(f"structuring outputs differ:\n{ours}\n{theirs}")


def run(n: int, rounds: int) -> list[Comparison]:
    try:
        import _pydantic_models as pm  # noqa: PLC0415 - pydantic is optional
    except ImportError:
        print("structuring: pydantic is not installed (pip install 'koperasi-id[bench]'); skipped")
        return []
    default_converter()  # build once, outside the timing
    out = []
    for cls, model, wires in (
        (Proposal, pm.ProposalModel, valid_proposal_wires(n)),
        (KurApplication, pm.KurApplicationModel, kur_application_wires(n)),
    ):
        # The inputs live through the whole run: keep the cyclic GC from
        # re-scanning them, so it charges each side only for what it allocates.
        gc.collect()
        gc.freeze()
        check_equivalence(cls, model, wires)
        comparison = interleaved(
            f"structuring {cls.__name__}",
            _ours(cls, wires),
            _pydantic(model, wires),
            rounds=rounds,
            items=len(wires),
        )
        print(comparison.line("koperasi_id", "pydantic"), flush=True)
        out.append(comparison)
        gc.unfreeze()
    return out
