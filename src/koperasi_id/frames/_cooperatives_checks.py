"""The cell checks of columnar cooperative status: which rows the fast path may decide.

Cells are read by the per-record reader itself on a valid template row, once
per distinct combination of a group of cells no model invariant crosses (see
:mod:`koperasi_id.frames._cooperatives`); identifiers by their value type's parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

import attrs
import polars as pl

from koperasi_id import rows
from koperasi_id._days import FIRST_DAY
from koperasi_id._values import ValueType, mask
from koperasi_id.cooperatives import (
    BusinessMode,
    Cooperative,
    CooperativeForm,
    CooperativeKind,
    MembershipArea,
    Principle,
    RatRecord,
    RegistryCounter,
    YearEnd,
)
from koperasi_id.cooperatives._dimensions import DIMENSIONS
from koperasi_id.cooperatives._registry import _KEYS
from koperasi_id.errors import Problem, RuleInputError, ValidationError
from koperasi_id.frames._columns import BOUNDED, memo
from koperasi_id.identifiers import Nib, NomorBadanHukum, NomorIndukKoperasi
from koperasi_id.regions import RegionCode
from koperasi_id.serialization import to_dict

__all__ = ["_CooperativeChecks"]

_IDENTITY = ("deed_approved_on", "fiscal_year_end", "legal_status", "dissolved_on", "founded_on")
_GROUPING = ("region", "kind", "form", "mode", "principle")
_ALONE = ("membership_area", "member_count", "multi_stakeholder", "merah_putih")
#: Identifier cells, read by the value type's own ``parse`` (as the converter
#: does), once per distinct value; whether an empty cell is allowed (None).
_IDENTIFIERS: dict[str, tuple[type[ValueType], bool]] = {
    "legal_entity_numbers": (NomorBadanHukum, False),
    "nomor_induk": (NomorIndukKoperasi, True),
    "nib": (Nib, True),
}
_SCALARS = frozenset((*_IDENTITY, *_GROUPING, *_ALONE, *_IDENTIFIERS, "name"))
_RAT_COLUMN = re.compile(r"rat_records\[(0|[1-9][0-9]{0,5})\]\.(fiscal_year|held_on|reported)")
_EDGES = re.compile(BOUNDED)
# The grouping cells decide every breakdown key; a new dimension must be taught here.
assert set(_KEYS) == set(DIMENSIONS), "a registry dimension the columnar engine does not know"

#: A valid cooperative every check varies one group of cells of. Its deed is
#: the first day the library reads, so a RAT item checked alone is never
#: "before the deed" or "for a year before the first".
_TEMPLATE_ENTITY = Cooperative(
    name="Koperasi Contoh",
    legal_entity_numbers=(NomorBadanHukum.parse("1/BH/X/1999"),),
    deed_approved_on=FIRST_DAY,
    form=CooperativeForm.PRIMARY,
    kind=CooperativeKind.CONSUMER,
    region=RegionCode.parse("18.71"),
    membership_area=MembershipArea.WITHIN_REGENCY,
    member_count=20,
    mode=BusinessMode.SINGLE_BUSINESS,
    principle=Principle.CONVENTIONAL,
)
_TEMPLATE_CELLS: dict[str, str] = rows.flatten(to_dict(_TEMPLATE_ENTITY))


@attrs.frozen
class _Plan:
    """The frame's columns the fast path reads: canonical name -> the frame's column."""

    scalars: dict[str, str]
    rats: dict[int, dict[str, str]]  # item index -> field -> column
    others: tuple[str, ...]


class _CooperativeChecks:
    """Checks of cell groups on a template; :class:`~koperasi_id.frames.CooperativeCounter` runs them."""

    _counter: RegistryCounter
    _lenient: bool
    _warnings_of: Callable[[object], Sequence[Problem]] | None
    _plan: _Plan
    _template: dict[str, str]
    _checked: dict[tuple[tuple[str, ...], tuple[Any, ...]], tuple[Any, ...] | None]
    _ends: dict[tuple[str, int], date | None]

    def _structure(self, cells: Mapping[str, Any]) -> Cooperative | None:
        row = {**self._template, **cells}
        try:
            coop = rows.structure(Cooperative, row, lenient=self._lenient)
        except ValidationError:
            return None
        if self._warnings_of is not None and self._warnings_of(coop):
            return None
        return coop

    def _identifier(self, kind: type[ValueType], optional: bool) -> Callable[[str], bool]:
        def check(text: str) -> bool:
            if text == "":
                return optional  # an empty cell: the field's default (None), or missing
            # One value with no edge to strip is what the reader hands the parser;
            # a list ("|") or a spaced cell is left to the per-record engine.
            if "|" in text or not _EDGES.fullmatch(text):
                return False
            try:
                value = kind.parse(text)
            except ValidationError:
                return False
            return not (self._warnings_of is not None and value.warnings)

        return check

    def _check_alone(self, column: str) -> Callable[[tuple[Any, ...]], tuple[Any, ...] | None]:
        def check(key: tuple[Any, ...]) -> tuple[Any, ...] | None:
            return () if self._structure({self._plan.scalars[column]: key[0]}) else None

        return check

    def _check_identity(self, key: tuple[Any, ...]) -> tuple[Any, ...] | None:
        names = [c for c in _IDENTITY if c in self._plan.scalars]
        coop = self._structure({self._plan.scalars[c]: v for c, v in zip(names, key, strict=True)})
        if coop is None:
            return None
        return (
            coop.deed_approved_on,
            str(coop.fiscal_year_end),
            coop.first_fiscal_year,
            coop.legal_status.value,
            coop.dissolved_on,
        )

    def _check_grouping(self, key: tuple[Any, ...]) -> tuple[Any, ...] | None:
        names = [c for c in _GROUPING if c in self._plan.scalars]
        coop = self._structure({self._plan.scalars[c]: v for c, v in zip(names, key, strict=True)})
        if coop is None:
            return None
        return tuple(_KEYS[d](coop) for d in self._counter._dimensions)

    def _check_rat(self, fields: tuple[str, ...]) -> Callable[[tuple[Any, ...]], Any]:
        """One RAT item alone, as the reader reads an item of ``rat_records``."""

        def check(key: tuple[Any, ...]) -> tuple[Any, ...] | None:
            if all(v in (None, "") for v in key):
                return (False, None, None, None)  # an empty item group is left out
            try:
                rat = rows.structure(
                    RatRecord, dict(zip(fields, key, strict=True)), lenient=self._lenient
                )
            except ValidationError:
                return None
            return (True, rat.fiscal_year, rat.held_on, rat.reported)

        return check

    def _year_end(self, key: tuple[str, int]) -> date | None:
        try:
            return YearEnd.parse(key[0]).in_year(key[1])
        except (ValidationError, RuleInputError):
            return None  # past the calendar's bound: the record engine says what it says

    # --- one batch ----------------------------------------------------------------

    def _planned(self, frame: pl.DataFrame) -> _Plan | None:
        """The columns the fast path reads, or None when no row can take it."""
        scalars: dict[str, str] = {}
        rats: dict[int, dict[str, str]] = {}
        others: list[str] = []
        for name, dtype in frame.schema.items():
            if dtype not in (pl.String, pl.Null):
                return None
            found = _RAT_COLUMN.fullmatch(name)
            if name in _SCALARS:
                if name in scalars:
                    return None
                scalars[name] = name
            elif found is not None:
                item = rats.setdefault(int(found.group(1)), {})
                if found.group(2) in item:
                    return None
                item[found.group(2)] = name
            elif name.strip() != name:
                return None  # a spelling the reader maps onto a field: left to it
            else:
                others.append(name)
        return _Plan(scalars=scalars, rats=rats, others=tuple(others))

    def _joined(
        self,
        w: pl.DataFrame,
        columns: list[str],
        check: Callable[[tuple[Any, ...]], tuple[Any, ...] | None],
        *,
        tag: tuple[str, ...],
        schema: dict[str, Any],
        ok: str,
    ) -> pl.DataFrame:
        """``w`` with ``check``'s answer for each distinct combination of ``columns`` joined on."""
        if not columns:  # no cell of the group in the frame: the template alone decides
            answer = memo(self._checked, (tag, ()), lambda tk: check(()))
            values = answer if answer is not None else (None,) * len(schema)
            return w.with_columns(
                pl.lit(answer is not None).alias(ok),
                *(
                    pl.lit(a, dtype=t).alias(n)
                    for a, (n, t) in zip(values, schema.items(), strict=True)
                ),
            )
        keys = w.select(columns).unique(maintain_order=True)
        answers = [memo(self._checked, (tag, k), lambda tk: check(tk[1])) for k in keys.iter_rows()]
        found = {
            name: pl.Series(name, [a[i] if a else None for a in answers], dtype=dtype)
            for i, (name, dtype) in enumerate(schema.items())
        }
        decided = pl.DataFrame(
            {ok: pl.Series(ok, [a is not None for a in answers], dtype=pl.Boolean), **found}
        )
        decided = pl.concat([keys, decided], how="horizontal")
        return w.join(decided, on=columns, how="left", nulls_equal=True, maintain_order="left")


def _as_text(frame: pl.DataFrame) -> pl.DataFrame:
    """Numbers, flags and dates as the text a CSV file would hold; other kinds refused."""
    odd = {name: dtype for name, dtype in frame.schema.items() if dtype not in (pl.String, pl.Null)}
    for name, dtype in odd.items():
        if not (dtype.is_numeric() or dtype == pl.Boolean or dtype.is_temporal()):
            raise TypeError(
                f"column {mask(name, limit=60, quote=True)} holds {dtype}, not text, "
                "numbers, flags or dates"
            )
    return frame.with_columns(pl.col(name).cast(pl.String) for name in odd) if odd else frame
