"""Structuring: ``from_dict`` + ``to_dict`` of real entities vs independent pydantic v2 and msgspec.

The fair baselines (``_pydantic_models``, ``_msgspec_models``) do their own
identifier, money and date checks and never import koperasi_id; the
self-referential pydantic twins (``_pydantic_selfref``, which call the
library's own identifier parsers) are timed too, labelled as such: their
ratio measures the framework layer only.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from _data import kur_application_wires, valid_proposal_wires
from _harness import Baseline, Comparison, interleaved_against

from koperasi_id.bpum import Proposal
from koperasi_id.kur import KurApplication
from koperasi_id.serialization import default_converter, from_dict, to_dict

BASELINES = (
    Baseline("pydantic v2", True, modules=("_pydantic_models",)),
    Baseline("msgspec", True, modules=("_msgspec_models",)),
    # Labelled self-referential wherever it is printed: it calls the library's parsers.
    Baseline("self-referential pydantic", False, modules=("_pydantic_selfref",)),
)


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


def _msgspec(struct: Any, wires: list[dict[str, Any]]) -> Callable[[], object]:
    import msgspec  # noqa: PLC0415 - optional

    convert, to_builtins = msgspec.convert, msgspec.to_builtins

    def run() -> None:
        for wire in wires:
            to_builtins(convert(wire, struct, strict=True))

    return run


def check_equivalence(
    cls: type, sides: dict[str, Callable[[dict[str, Any]], Any]], wires: list[dict[str, Any]]
) -> None:
    """Every side must produce the same wire dicts, or the timing means nothing."""
    for wire in wires[:200]:
        ours = to_dict(from_dict(cls, wire))
        for label, side in sides.items():
            theirs = side(wire)
            if ours != theirs:
                raise SystemExit(f"structuring outputs differ ({label}):\n{ours}\n{theirs}")


def run(n: int, rounds: int) -> list[Comparison]:
    try:
        import _pydantic_models as pm  # noqa: PLC0415 - pydantic is optional
        import _pydantic_selfref as selfref  # noqa: PLC0415
    except ImportError:
        print("structuring: pydantic is not installed (pip install 'koperasi-id[bench]'); skipped")
        return []
    try:
        import _msgspec_models as mm  # noqa: PLC0415 - msgspec is optional
    except ImportError:
        print(
            "structuring: msgspec is not installed (pip install 'koperasi-id[bench]'); skipped it"
        )
        mm = None
    default_converter()  # build once, outside the timing
    out = []
    for cls, wires in (
        (Proposal, valid_proposal_wires(n)),
        (KurApplication, kur_application_wires(n)),
    ):
        name = cls.__name__
        model = getattr(pm, f"{name}Model")
        old = getattr(selfref, f"{name}Model")
        baselines = {"pydantic": _pydantic(model, wires)}
        sides: dict[str, Callable[[dict[str, Any]], Any]] = {
            "pydantic": lambda w, m=model: pm.roundtrip(m, w),
            "pydantic-selfref": lambda w, m=old: m.model_validate(w).model_dump(mode="json"),
        }
        if mm is not None:
            struct = getattr(mm, name)
            baselines["msgspec"] = _msgspec(struct, wires)
            sides["msgspec"] = lambda w, s=struct: mm.roundtrip(s, w)
        baselines["pydantic-selfref"] = _pydantic(old, wires)
        # The inputs live through the whole run: keep the cyclic GC from
        # re-scanning them, so it charges each side only for what it allocates.
        gc.collect()
        gc.freeze()
        check_equivalence(cls, sides, wires)
        comparisons = interleaved_against(
            f"structuring {name}", _ours(cls, wires), baselines, rounds=rounds, items=len(wires)
        )
        for label, comparison in comparisons.items():
            shown = (
                "self-referential pydantic (calls our parsers)"
                if label == "pydantic-selfref"
                else label
            )
            print(comparison.line("koperasi_id", shown), flush=True)
            out.append(comparison)
        gc.unfreeze()
    return out
