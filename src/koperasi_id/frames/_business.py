"""Which rows of a business table are valid, column-wise: the checks MSME classification and
``koperasi-id validate --type business`` share.

A row is vouched for when its cells are plainly written and each distinct
part or value passes the library's own parser: the NIK per part (region,
birth date, serial) by :meth:`Nik.parse`; dates, regions, NIB, KBLI and
workers by structuring a template record that holds the value. Anything else
is left to the per-record path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import polars as pl

from koperasi_id import msme, rows
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.frames._records import batch_positions
from koperasi_id.identifiers import Nik

__all__ = [
    "AMOUNT_BOUND",
    "NIK_PARTS",
    "TEMPLATE",
    "T_NIK",
    "BusinessCells",
    "as_text",
    "nik_part",
]

T_NIK = "1871010101900001"
_T_DAY = "2019-01-01"
TEMPLATE = {"name": "a", "owner_nik": T_NIK, "started_on": _T_DAY}
FIELDS = tuple(rows.columns(msme.Business))
_REQUIRED = tuple(f.name for f in attrs.fields(msme.Business) if f.default is attrs.NOTHING)
#: Cells checked per distinct value, in the order the record's value warnings come.
_BY_VALUE = ("started_on", "region", "nib", "kbli", "workers")
_WARNED = ("region", "nib", "kbli")
AMOUNTS = tuple(c.argument for c in msme.Criterion)
_PLAIN_AMOUNT = r"^(0|[1-9][0-9]{0,10})$"
#: Amounts of the fast path stay below this: every ceiling is compared clipped to it.
AMOUNT_BOUND = 10**11
_ISO_DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_SIXTEEN_DIGITS = r"^[0-9]{16}$"
_NAMED = r"[!-~]"  # a character str.strip() keeps: the name is not blank
_MEMO_LIMIT = 1 << 18


#: The parts of a NIK checked apart: (offset, width) of region, birth date, serial.
NIK_PARTS = ((0, 6), (6, 6), (12, 4))


def nik_part(key: tuple[int, str]) -> tuple[Problem, ...] | None:
    """The warnings of a valid NIK with ``part`` at ``at`` (``key``), or None if none is valid.

    A NIK's validity is that of its region, birth date and serial, each on its
    own: so a template NIK with one part replaced answers for that part.
    """
    at, part = key
    try:
        return Nik.parse(T_NIK[:at] + part + T_NIK[at + len(part) :]).warnings
    except ValidationError:
        return None


class BusinessCells:
    """Column-wise validity of business rows, with memos of each distinct value checked."""

    def __init__(
        self,
        *,
        lenient: bool = False,
        warnings_of: Callable[[object], Sequence[Problem]] | None = None,
    ) -> None:
        self._lenient = lenient
        self.warnings_of = warnings_of
        self.warnings: list[tuple[int, tuple[Problem, ...]]] = []
        self._cells: dict[tuple[str, str], tuple[Problem, ...] | None] = {}
        self._nik_parts: dict[tuple[int, str], tuple[Problem, ...] | None] = {}
        self.pending: dict[int, tuple[Problem, ...]] = {}
        self.columnar = 0
        self.per_record = 0

    def memo(self, cache: dict[Any, Any], key: Any, compute: Callable[[Any], Any]) -> Any:
        try:
            return cache[key]
        except KeyError:
            pass
        value = compute(key)
        if len(cache) < _MEMO_LIMIT:
            cache[key] = value
        return value

    def structured(self, cells: Mapping[str, str]) -> msme.Business | ValidationError:
        try:
            return rows.structure(msme.Business, cells, lenient=self._lenient)
        except ValidationError as err:
            return err

    def _cell(self, key: tuple[str, str]) -> tuple[Problem, ...] | None:
        """None if the template with this cell does not structure; else its value warnings."""
        found = self.structured({**TEMPLATE, key[0]: key[1]})
        if isinstance(found, ValidationError):
            return None
        return tuple(self.warnings_of(found)) if self.warnings_of else ()

    @staticmethod
    def _nik_part(key: tuple[int, str]) -> tuple[Problem, ...] | None:
        return nik_part(key)

    def _nik_check(self, at: int) -> Callable[[str], Any]:
        def check(part: str) -> Any:
            return self.memo(self._nik_parts, (at, part), self._nik_part)

        return check

    def _cell_check(self, column: str) -> Callable[[str], Any]:
        def check(value: str) -> Any:
            return self.memo(self._cells, (column, value), self._cell)

        return check

    def _known(self, values: pl.Series, check: Callable[[str], Any]) -> pl.Series:
        distinct = values.unique()
        good = [v for v in distinct.to_list() if check(v) is not None]
        return values.is_in(pl.Series(good, dtype=pl.String).implode())

    # --- deciding each combination once -------------------------------------------

    def plan(self, frame: pl.DataFrame) -> bool:
        names = set(frame.columns)
        return (
            all(dtype in (pl.String, pl.Null) for dtype in frame.schema.values())
            and names <= set(FIELDS)
            and names >= set(_REQUIRED)
        )

    def valid_rows(self, frame: pl.DataFrame, skip: pl.Series) -> pl.DataFrame:
        """The rows the vectorised checks vouch for as valid businesses: ``pos`` and the cells."""
        present = [c for c in FIELDS if c in frame.columns]
        # A null optional cell reads as an empty one (polars' read_csv gives null
        # for ""); a null required cell is left to the per-record path.
        cell = {
            c: (pl.col(c).cast(pl.String).fill_null("") if c not in _REQUIRED else pl.col(c))
            if c in present
            else pl.lit("")
            for c in FIELDS
        }
        ok = pl.all_horizontal([pl.col(c).is_not_null() for c in present if c in _REQUIRED])
        ok &= cell["name"].str.contains(_NAMED) & cell["owner_nik"].str.contains(_SIXTEEN_DIGITS)
        ok &= cell["started_on"].str.contains(_ISO_DAY)
        for figure in AMOUNTS:  # every figure cell must be valid, used this day or not
            ok &= (cell[figure] == "") | cell[figure].str.contains(_PLAIN_AMOUNT)
        w = (
            frame.select(*(cell[c].alias(c) for c in FIELDS), _ok=ok)
            .with_row_index("pos")
            .filter(pl.col("_ok") & ~skip)
        )
        if w.height == 0:
            return w
        keep = pl.Series([True] * w.height, dtype=pl.Boolean)
        for at, width in NIK_PARTS:
            keep &= self._known(w["owner_nik"].str.slice(at, width), self._nik_check(at))
        for column in _BY_VALUE:
            keep &= self._known(w[column], self._cell_check(column))
        return w.filter(keep)

    def collect_warnings(self, w: pl.DataFrame) -> None:
        """The value warnings of fast rows, in the order of the fields: NIK, region, NIB, KBLI."""
        noisy_regions = [p for (at, p), found in self._nik_parts.items() if at == 0 and found]
        noisy = {
            c: [v for (k, v), found in self._cells.items() if k == c and found] for c in _WARNED
        }
        if not noisy_regions and not any(noisy.values()):
            return
        flagged = w.filter(
            pl.col("owner_nik")
            .str.slice(0, 6)
            .is_in(pl.Series(noisy_regions, dtype=pl.String).implode())
            | pl.any_horizontal(
                [pl.col(c).is_in(pl.Series(noisy[c], dtype=pl.String).implode()) for c in _WARNED]
            )
        )
        for pos, nik, *cells in flagged.select("pos", "owner_nik", *_WARNED).iter_rows():
            found = self.memo(self._nik_parts, (0, nik[:6]), self._nik_part) or ()
            for column, value in zip(_WARNED, cells, strict=True):
                found += self.memo(self._cells, (column, value), self._cell) or ()
            self.pending[pos] = found

    def check(
        self,
        frame: pl.DataFrame,
        *,
        lines: Sequence[int] | pl.Series,
        errors: Mapping[int, msme.Business | ValidationError] | None = None,
    ) -> list[tuple[int, ValidationError]]:
        """Validate one batch only (``koperasi-id validate``): ``(line, error)`` of invalid rows.

        The value warnings of the valid rows are in ``warnings`` afterwards.
        """
        n = frame.height
        frame = as_text(frame)
        numbers = list(lines)
        _, forced, skip = batch_positions(n, lines=numbers, start=0, errors=errors)
        self.pending = {}
        valid = (
            self.valid_rows(frame, skip)
            if n and self.plan(frame)
            else pl.DataFrame(schema={"pos": pl.UInt32})
        )
        if self.warnings_of is not None and valid.height:
            self.collect_warnings(valid)
        taken = set(valid["pos"].to_list())
        slow_pos = [p for p in range(n) if p not in taken]
        cells = frame[slow_pos].iter_rows(named=True) if slow_pos else iter(())
        invalid = []
        for pos, row in zip(slow_pos, cells, strict=True):
            business = forced.get(pos)
            if business is None:
                business = self.structured(row)
            if isinstance(business, ValidationError):
                invalid.append((numbers[pos], business))
            elif self.warnings_of is not None:
                warned = tuple(self.warnings_of(business))
                if warned:
                    self.pending[pos] = warned
        self.columnar += len(taken)
        self.per_record += len(slow_pos)
        self.warnings = [(numbers[p], self.pending[p]) for p in sorted(self.pending)]
        return invalid


def as_text(frame: pl.DataFrame) -> pl.DataFrame:
    """Cells are text, as in a file: other plain types are cast (``5`` → ``"5"``)."""
    casts = [
        pl.col(name).cast(pl.String)
        for name, dtype in frame.schema.items()
        if dtype not in (pl.String, pl.Null)
    ]
    if not casts:
        return frame
    try:
        return frame.with_columns(casts)
    except pl.exceptions.InvalidOperationError as err:
        raise TypeError("business columns hold text (or numbers and dates, read as text)") from err
