"""Which rows of a KUR application table are valid, column-wise (``validate --type kur-application``).

Why a row vouched for here is one the per-record converter accepts, with no
value warnings:

- The cells are taken in groups no model invariant crosses: the scheme with
  the work-contract length (``kur.contract_months``), each existing credit's
  cells together (its kind and scheme, closed and outstanding), and every
  other cell alone. The guard below fails when a model gains a cross-field
  rule this grouping does not know.
- Each distinct group of cells goes, in a valid template application,
  through :func:`koperasi_id.rows.structure` itself, once per run (memo):
  valid there and without warnings, it is valid in any row.
- High-cardinality cells are reduced before that: a NIK to its three parts
  (region, birth date, serial; each parsed by :meth:`Nik.parse` in a template
  NIK, :func:`~koperasi_id.frames._business.nik_part`), an NPWP or NIB to its own
  parser's answer (:func:`~koperasi_id.frames.identifier_cells`: the
  converter reads an identifier cell with that parser), a name with a
  printable character to one such name, and an amount written as plain
  digits to ``0`` or ``1``: an amount's validators read its sign only, and
  plain digits below :data:`~koperasi_id.frames._business.AMOUNT_BOUND`
  are read as that whole amount.

Every other row (an odd cell, a value with a warning, a header that is not
all text) is structured by the per-record converter, which says why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import polars as pl

from koperasi_id import kur, msme, rows
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.frames._business import NIK_PARTS, as_text, nik_part
from koperasi_id.frames._columns import memo
from koperasi_id.frames._identifiers import identifier_cells
from koperasi_id.frames._kur import _REQUIRED, _SIXTEEN_DIGITS, _TEMPLATE

__all__ = ["KurCells"]

# The cross-field rules the grouping below was written for; a new one must be
# taught here (which cells it crosses) before the columnar check may run.
assert set(kur.KurApplication.__cross_field_rules__) == {
    "kur.plafond_not_positive",
    "kur.range",
    "date.range",
    "kur.contract_months",
}, "a KUR application rule the columnar validity check does not know"
assert set(kur.ExistingCredit.__cross_field_rules__) <= {
    "kur.credit_scheme",
    "kur.closed_outstanding",
}, "an existing-credit rule the columnar validity check does not know"
assert set(msme.Business.__cross_field_rules__) == {
    "msme.name_empty",
    "msme.workers_not_positive",
}, "a business rule the columnar validity check does not know"

# The KUR assessment's template (a valid application without warnings, as
# cells) and its required columns: a frame without one of those has no row to
# vouch for, as the template would stand in for the missing cell.
assert set(_TEMPLATE) >= _REQUIRED, "the template lacks a required cell"
_NIKS = ("borrower_nik", "business.owner_nik")
_NAMES = ("business.name",)
_IDENTIFIERS = {"npwp": "npwp", "business.nib": "nib"}
#: Amount cells, by their name within the application or an existing credit.
_AMOUNTS = frozenset(
    {
        "plafond",
        "business.capital",
        "business.net_assets",
        "business.annual_sales",
        "outstanding",
    }
)
_TOGETHER = ("scheme", "contract_months")
_CREDIT = re.compile(r"^(existing_credits\[(?:0|[1-9][0-9]{0,5})\])\.([a-z_]+)$")
_PLAIN_AMOUNT = r"^(0|[1-9][0-9]{0,10})$"  # below AMOUNT_BOUND
_NAMED = r"[!-~]"  # a character str.strip() keeps: the name is not blank


def _groups(columns: Sequence[str]) -> list[tuple[str, ...]]:
    """The frame's cells in groups checked together (NIK and NPWP columns apart)."""
    together = tuple(c for c in _TOGETHER if c in columns)
    credits: dict[str, list[str]] = {}
    alone: list[tuple[str, ...]] = []
    for column in columns:
        if column in _NIKS or column in _IDENTIFIERS or column in together:
            continue
        item = _CREDIT.match(column)
        if item:
            credits.setdefault(item.group(1), []).append(column)
        else:
            alone.append((column,))
    return [*([together] if together else []), *map(tuple, credits.values()), *alone]


def _is_amount(column: str) -> bool:
    item = _CREDIT.match(column)
    return (item.group(2) if item else column) in _AMOUNTS


class KurCells:
    """Column-wise validity of KUR application rows, each distinct group of cells checked once."""

    def __init__(
        self, *, lenient: bool = False, warnings_of: Callable[[object], Sequence[Problem]]
    ) -> None:
        self._lenient = lenient
        self._warnings_of = warnings_of
        self._groups: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = {}
        self._parts: dict[tuple[int, str], bool] = {}
        self._identifiers: dict[tuple[str, str], bool] = {}
        self.columnar = 0
        self.per_record = 0

    def structured(self, cells: Mapping[str, Any]) -> kur.KurApplication | ValidationError:
        try:
            return rows.structure(kur.KurApplication, cells, lenient=self._lenient)
        except ValidationError as err:
            return err

    def _group_ok(self, key: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
        """Whether the template with these cells is valid and has no warnings."""
        columns, values = key
        found = self.structured({**_TEMPLATE, **dict(zip(columns, values, strict=True))})
        return not isinstance(found, ValidationError) and not self._warnings_of(found)

    def _part_ok(self, key: tuple[int, str]) -> bool:
        return nik_part(key) == ()

    def _identifier_ok(self, key: tuple[str, str]) -> bool:
        valid, codes, _ = identifier_cells(*key)
        return valid and not codes

    def valid_positions(self, frame: pl.DataFrame, skip: pl.Series) -> pl.Series:
        """The positions of the rows the checks vouch for."""
        columns = frame.columns
        nothing = pl.Series("pos", [], dtype=pl.UInt32)
        if not all(dtype == pl.String for dtype in frame.schema.values()):
            return nothing
        if not set(columns) >= _REQUIRED:
            return nothing
        if any("[" in c and not _CREDIT.match(c) for c in columns):
            return nothing  # an item written another way ([00], [ 0]...): per record
        if any(c != c.strip() for c in columns):
            # The record reader strips column names: " scheme" is scheme there, and
            # the groups here go by the exact name. Such a frame goes per record.
            return nothing
        ok = ~skip & pl.all_horizontal(pl.col(c).is_not_null() for c in columns)
        for column in _NIKS:
            ok &= pl.col(column).str.contains(_SIXTEEN_DIGITS)
        w = frame.with_row_index("pos").filter(ok)
        if w.height == 0:
            return nothing
        keep = pl.Series([True] * w.height, dtype=pl.Boolean)
        for column in _NIKS:
            for at, width in NIK_PARTS:
                keep &= self._known(w[column].str.slice(at, width), self._parts, at, self._part_ok)
        for column, kind in _IDENTIFIERS.items():
            if column in columns:
                cells = w[column]
                checked = self._known(cells, self._identifiers, kind, self._identifier_ok)
                empty = (cells == "") if self._empty_ok(column) else pl.Series([False] * w.height)
                keep &= empty | checked
        w = w.filter(keep)
        keys = w.select(
            "pos",
            *(self._key(pl.col(c)) if _is_amount(c) else pl.col(c) for c in columns),
        )
        for name in _NAMES:
            if name in columns:
                keys = keys.with_columns(
                    pl.when(pl.col(name).str.contains(_NAMED))
                    .then(pl.lit(_TEMPLATE[name]))
                    .otherwise(pl.col(name))
                    .alias(name)
                )
        keep = pl.Series([True] * keys.height, dtype=pl.Boolean)
        for group in _groups([c for c in columns if c not in _NIKS]):
            combos = keys.select(group).unique()
            good = [
                memo(self._groups, (group, combo), self._group_ok) for combo in combos.iter_rows()
            ]
            passing = combos.filter(pl.Series(good, dtype=pl.Boolean))
            keep &= (
                keys.select(group)
                .join(
                    passing.with_columns(_ok=pl.lit(True)),
                    on=list(group),
                    how="left",
                    nulls_equal=True,
                    maintain_order="left",
                )["_ok"]
                .fill_null(False)
            )
        return keys.filter(keep)["pos"]

    def _empty_ok(self, column: str) -> bool:
        return memo(self._groups, ((column,), ("",)), self._group_ok)

    @staticmethod
    def _key(cell: pl.Expr) -> pl.Expr:
        """A plain amount stands for its sign: ``0`` or ``1``; other text for itself."""
        plain = cell.str.contains(_PLAIN_AMOUNT)
        return (
            pl.when(plain & (cell == "0"))
            .then(pl.lit("0"))
            .when(plain)
            .then(pl.lit("1"))
            .otherwise(cell)
            .alias(cell.meta.output_name())
        )

    @staticmethod
    def _known(
        values: pl.Series, cache: dict[Any, bool], tag: Any, check: Callable[[Any], bool]
    ) -> pl.Series:
        distinct = values.unique()
        good = [v for v in distinct.to_list() if memo(cache, (tag, v), check)]
        return values.is_in(pl.Series(good, dtype=pl.String).implode())

    def check(
        self,
        frame: pl.DataFrame,
        *,
        lines: Sequence[int],
        taken: Mapping[int, Any],
    ) -> list[tuple[int, Any]]:
        """``(line, application or ValidationError)`` of every row not vouched for, in order."""
        n = frame.height
        frame = as_text(frame)
        skip = pl.Series([pos in taken for pos in range(n)], dtype=pl.Boolean)
        fast = set(self.valid_positions(frame, skip).to_list()) if n else set()
        slow = [p for p in range(n) if p not in fast]
        cells = frame[slow].iter_rows(named=True) if slow else iter(())
        out = []
        for pos, row in zip(slow, cells, strict=True):
            found = taken.get(pos)
            out.append((lines[pos], found if found is not None else self.structured(row)))
        self.columnar += len(fast)
        self.per_record += len(slow)
        return out
