"""The three sides of the structuring benchmark, as the baseline tests compare them.

``to_dict(from_dict(cls, wire))`` and the two independent baselines of
``benchmarks/`` (pydantic v2 models and msgspec Structs). Import this only
after ``pytest.importorskip("pydantic")`` and ``("msgspec")``: the
baselines need both.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from koperasi_id.bpum import Proposal
from koperasi_id.errors import ValidationError
from koperasi_id.kur import KurApplication
from koperasi_id.serialization import from_dict, to_dict

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import _msgspec_models as mm  # noqa: E402
import _pydantic_models as pm  # noqa: E402
from pydantic import ValidationError as PydanticError  # noqa: E402

Side = Callable[[dict[str, Any]], Any]
REFUSED = "refused"


def sides(kind: str) -> tuple[Side, Side, Side]:
    """The library, pydantic and msgspec round trips of ``kind`` (``proposal`` or ``kur``)."""
    cls: type = Proposal if kind == "proposal" else KurApplication
    model = pm.ProposalModel if kind == "proposal" else pm.KurApplicationModel
    struct = mm.Proposal if kind == "proposal" else mm.KurApplication
    return (
        lambda wire: to_dict(from_dict(cls, wire)),
        lambda wire: pm.roundtrip(model, wire),
        lambda wire: mm.roundtrip(struct, wire),
    )


def outcome(side: Side, wire: dict[str, Any]) -> Any:
    """The output dict, or ``"refused"``; any other exception is a defect and escapes."""
    try:
        return side(copy.deepcopy(wire))
    except (ValidationError, PydanticError, *mm.Refused):
        return REFUSED


def verdicts(kind: str, wire: dict[str, Any]) -> tuple[Any, Any, Any]:
    """The library's, pydantic's and msgspec's outcome on one wire dict."""
    ours, by_pydantic, by_msgspec = sides(kind)
    return outcome(ours, wire), outcome(by_pydantic, wire), outcome(by_msgspec, wire)


def _shown(result: Any) -> str:
    return result if result == REFUSED else "accepted"


def disagreement(kind: str, wire: dict[str, Any]) -> str | None:
    """``None`` when the three sides agree (same output, or all refuse); else what differs."""
    ours, by_pydantic, by_msgspec = verdicts(kind, wire)
    if ours == by_pydantic == by_msgspec:
        return None
    return (
        f"library {_shown(ours)}, pydantic {_shown(by_pydantic)}"
        f"{'' if by_pydantic in (ours, REFUSED) else ' (other output)'}, "
        f"msgspec {_shown(by_msgspec)}"
        f"{'' if by_msgspec in (ours, REFUSED) else ' (other output)'}"
    )
