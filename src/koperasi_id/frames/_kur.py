"""KUR rate, scheme and eligibility over polars tables: the rows of ``assessment_row``, group-wise.

Why the result is the per-record one:

- :func:`koperasi_id.kur.assess` reads the scheme, plafond, tenor, purpose,
  sector, akad date, access, existing credits, the yes/no claims, the
  business's start date, annual sales and region, and *whether* an NPWP is
  given. It never reads the NIKs, names, the NPWP's digits, NIB, KBLI,
  capital, net assets or workers: those cells only have to be valid.
- So the rows are grouped by the cells the assessment reads (with the NPWP
  reduced to given or not); each group is structured and assessed once, with
  valid stand-ins for the other cells, by the per-record function itself,
  and the answer is joined back. Every rate, ceiling and date comes from the
  :class:`~koperasi_id.kur.KurRules` timelines (``rules=`` included).
- The other cells are checked per distinct value (the NIKs per part) against
  the same template. A row any of this cannot vouch for goes through
  :func:`koperasi_id.kur.assessment_row` on its own, and the run counts it.

How much this saves depends on how often the deciding cells repeat: a
debtor list whose plafonds and akad dates are all different gains little.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import polars as pl

from koperasi_id import kur, msme, rows
from koperasi_id.errors import ValidationError
from koperasi_id.frames._business import NIK_PARTS, T_NIK, as_text, nik_part
from koperasi_id.frames._records import batch_positions, over_batches

__all__ = ["KUR_RESULT_COLUMNS", "KurAssessor", "KurRun", "assess_kur"]

#: The columns of a result frame (:data:`koperasi_id.kur.ASSESSMENT_COLUMNS`).
KUR_RESULT_COLUMNS: tuple[str, ...] = kur.ASSESSMENT_COLUMNS
_SCHEMA: dict[str, Any] = {
    "line": pl.Int64,
    "nik": pl.String,
    "hasil": pl.String,
    "skema": pl.String,
    "bunga": pl.String,
    "subsidi": pl.String,
    "tenor_maks": pl.Int64,
    "kode_alasan": pl.List(pl.String),
    "alasan": pl.List(pl.String),
    "alasan_en": pl.List(pl.String),
}
_DECIDED = [c for c in _SCHEMA if c not in ("line", "nik")]
_NIKS = ("borrower_nik", "business.owner_nik")
#: Cells the assessment does not read, checked per distinct value.
_BY_VALUE = (
    "npwp",
    "business.name",
    "business.nib",
    "business.kbli",
    "business.capital",
    "business.net_assets",
    "business.workers",
)
_NPWP = "npwp"
_T_NPWP = "01.234.567.4-123.000"  # synthetic, valid (the Npwp doctest's value)
#: Valid stand-ins for the cells the assessment does not read.
_STAND_IN = {
    "borrower_nik": T_NIK,
    "business.owner_nik": T_NIK,
    "npwp": "",
    "business.name": "a",
    "business.nib": "",
    "business.kbli": "",
    "business.capital": "",
    "business.net_assets": "",
    "business.workers": "",
}
#: A valid application, as cells: what a check of one cell varies.
_TEMPLATE = {
    **_STAND_IN,
    "business.started_on": "2019-01-01",
    "scheme": kur.Scheme.MICRO.value,
    "plafond": "10000000",
    "tenor_months": "12",
    "purpose": kur.Purpose.WORKING_CAPITAL.value,
    "sector": next(iter(kur.Sector)).value,
    "akad_date": "2024-05-01",
}
_SIXTEEN_DIGITS = r"^[0-9]{16}$"
#: Columns of fields that must be given (a null there is not an empty optional cell).
_REQUIRED = frozenset(
    [f.name for f in attrs.fields(kur.KurApplication) if f.default is attrs.NOTHING]
    + [f"business.{f.name}" for f in attrs.fields(msme.Business) if f.default is attrs.NOTHING]
) - {"business"}
_MEMO_LIMIT = 1 << 18


@attrs.define(kw_only=True)
class KurRun:
    """How many rows were assessed by group (``columnar``) and one by one (``per_record``)."""

    columnar: int = 0
    per_record: int = 0


class KurAssessor:
    """Assesses successive batches of KUR application rows, as ``assessment_row`` does."""

    def __init__(self, *, rules: kur.KurRules | None = None, lenient: bool = False) -> None:
        if rules is not None and not isinstance(rules, kur.KurRules):
            raise TypeError(f"rules must be KurRules, got {type(rules).__name__}")
        self._rules = rules
        self._lenient = lenient
        self.run = KurRun()
        self._cells: dict[tuple[str, str], tuple[bool, bool]] = {}
        self._parts: dict[tuple[int, str], bool] = {}
        self._decided: dict[tuple[Any, ...], dict[str, Any] | None] = {}

    def _structured(self, cells: Mapping[str, Any]) -> kur.KurApplication | ValidationError:
        try:
            return rows.structure(kur.KurApplication, cells, lenient=self._lenient)
        except ValidationError as err:
            return err

    def _cell(self, key: tuple[str, str]) -> tuple[bool, bool]:
        """(valid, given) of one cell in the template; given: an NPWP is there."""
        found = self._structured({**_TEMPLATE, key[0]: key[1]})
        if isinstance(found, ValidationError):
            return False, False
        return True, found.npwp is not None

    def _memo(self, cache: dict[Any, Any], key: Any, compute: Any) -> Any:
        if key in cache:
            return cache[key]
        value = compute(key)
        if len(cache) < _MEMO_LIMIT:
            cache[key] = value
        return value

    def _decide(self, key: tuple[Any, ...], columns: Sequence[str]) -> dict[str, Any] | None:
        cells = dict(zip(columns, key[:-1], strict=True))
        for column in self._present:
            cells[column] = _STAND_IN[column]
        if _NPWP in self._present and key[-1]:
            cells[_NPWP] = _T_NPWP
        found = self._structured(cells)
        if isinstance(found, ValidationError):
            return None
        row = kur.assessment_row(0, found, rules=self._rules)
        return {c: row[c] for c in _DECIDED}

    def _fast(self, frame: pl.DataFrame, skip: pl.Series) -> pl.DataFrame:
        self._present = [c for c in _STAND_IN if c in frame.columns]
        if not all(c in frame.columns for c in _NIKS):
            return pl.DataFrame(schema={"pos": pl.UInt32, **_SCHEMA})
        # A null optional cell reads as an empty one (polars' read_csv gives null
        # for ""); a null required cell is left to the per-record path.
        frame = frame.with_columns(
            pl.col(c).fill_null("") for c in frame.columns if c not in _REQUIRED
        )
        ok = pl.all_horizontal([pl.col(c).is_not_null() for c in frame.columns])
        for column in _NIKS:
            ok &= pl.col(column).str.contains(_SIXTEEN_DIGITS)
        w = frame.with_row_index("pos").filter(ok & ~skip)
        if w.height == 0:
            return pl.DataFrame(schema={"pos": pl.UInt32, **_SCHEMA})
        keep = pl.Series([True] * w.height, dtype=pl.Boolean)
        for column in _NIKS:
            for at, width in NIK_PARTS:
                parts = w[column].str.slice(at, width)
                good = [
                    p
                    for p in parts.unique().to_list()
                    if self._memo(self._parts, (at, p), lambda k: nik_part(k) is not None)
                ]
                keep &= parts.is_in(pl.Series(good, dtype=pl.String).implode())
        given = pl.Series([False] * w.height, dtype=pl.Boolean)
        for column in _BY_VALUE:
            if column not in w.columns:
                continue
            values = w[column]
            if column == "business.name":  # a printable ASCII character: not blank
                values = values.filter(~values.str.contains(r"[!-~]"))
            answers = {
                v: self._memo(self._cells, (column, v), self._cell)
                for v in values.unique().to_list()
            }
            bad = [v for v, (valid, _) in answers.items() if not valid]
            keep &= ~w[column].is_in(pl.Series(bad, dtype=pl.String).implode())
            if column == _NPWP:
                present = [v for v, (_, there) in answers.items() if there]
                given = w[column].is_in(pl.Series(present, dtype=pl.String).implode())
        w = w.with_columns(_npwp_given=given).filter(keep)
        columns = [c for c in frame.columns if c not in _STAND_IN]
        keys = [*columns, "_npwp_given"]
        combos = w.select(keys).unique(maintain_order=True)
        decided = [
            self._memo(
                self._decided, (tuple(columns), *k), lambda key: self._decide(key[1:], columns)
            )
            for k in combos.iter_rows()
        ]
        combos = combos.with_columns(
            _ok=pl.Series([d is not None for d in decided], dtype=pl.Boolean),
            **{
                c: pl.Series([d[c] if d else None for d in decided], dtype=_SCHEMA[c])
                for c in _DECIDED
            },
        )
        w = w.select("pos", "borrower_nik", *keys).join(
            combos, on=keys, how="left", maintain_order="left", nulls_equal=True
        )
        return w.filter(pl.col("_ok")).select(
            "pos",
            line=pl.lit(0, dtype=pl.Int64),
            nik=pl.col("borrower_nik").str.slice(0, 6)
            + pl.lit("******")
            + pl.col("borrower_nik").str.slice(12),
            **{c: pl.col(c) for c in _DECIDED},
        )

    def assess(
        self,
        frame: pl.DataFrame,
        *,
        lines: Sequence[int] | pl.Series | None = None,
        start: int = 0,
        errors: Mapping[int, kur.KurApplication | ValidationError] | None = None,
    ) -> pl.DataFrame:
        """Assess one batch; one result row per input row, in order.

        ``lines`` numbers the rows (a file's line numbers); by default they
        count from ``start``. ``errors`` maps a row position to what a file
        reader already made of that row: such rows are taken as they are.
        """
        n = frame.height
        frame = as_text(frame)
        line, forced, skip = batch_positions(n, lines=lines, start=start, errors=errors)
        empty = pl.DataFrame(schema={"pos": pl.UInt32, **_SCHEMA})
        fast = self._fast(frame, skip) if n else empty
        fast = fast.with_columns(line=line.gather(fast["pos"]))
        taken = set(fast["pos"].to_list())
        slow_pos = [p for p in range(n) if p not in taken]
        cells = frame[slow_pos].iter_rows(named=True) if slow_pos else iter(())
        numbers = line.gather(slow_pos).to_list() if slow_pos else []
        found = []
        for pos, number, row in zip(slow_pos, numbers, cells, strict=True):
            application = forced.get(pos)
            if application is None:
                application = self._structured(row)
            found.append({"pos": pos, **kur.assessment_row(number, application, rules=self._rules)})
        slow = pl.DataFrame(found, schema={"pos": pl.UInt32, **_SCHEMA})
        self.run.columnar += fast.height
        self.run.per_record += slow.height
        return pl.concat([fast, slow]).sort("pos").drop("pos")


def assess_kur(
    frame: pl.DataFrame | pl.LazyFrame,
    *,
    rules: kur.KurRules | None = None,
    start: int = 0,
    lenient: bool = False,
    batch_size: int = 100_000,
    run: KurRun | None = None,
) -> pl.DataFrame:
    """Assess a table of KUR applications (the CSV columns of :class:`koperasi_id.kur.KurApplication`).

    One result row per input row, :data:`KUR_RESULT_COLUMNS`: masked NIK,
    ``hasil``, the scheme, rate and subsidy (percent, as text), the longest
    tenor, and every check that did not pass with its Indonesian and English
    text. Row for row it equals :func:`koperasi_id.kur.assessment_row` of each
    row structured by :func:`koperasi_id.rows.structure`. Pass a
    :class:`KurRun` as ``run`` to have the rows per path counted into it.

    >>> df = pl.DataFrame({"borrower_nik": ["1871014101900002"] * 2,
    ...     "business.name": ["Warung", "Toko"],
    ...     "business.owner_nik": ["1871014101900002", "1871010101900001"],
    ...     "business.started_on": ["2022-03-01"] * 2,
    ...     "business.annual_sales": ["600000000"] * 2,
    ...     "npwp": ["", "01.234.567.4-123.000"], "scheme": ["mikro"] * 2,
    ...     "plafond": ["60000000"] * 2, "tenor_months": ["36"] * 2,
    ...     "purpose": ["modal_kerja"] * 2, "sector": ["perdagangan"] * 2,
    ...     "akad_date": ["2024-05-01"] * 2, "access": ["2"] * 2})
    >>> out = assess_kur(df, start=2)
    >>> out.select("line", "hasil", "skema", "bunga", "subsidi", "kode_alasan").rows()
    [(2, 'tidak_layak', 'mikro', '7', '9', ['kur.npwp_required']), (3, 'layak', 'mikro', '7', '9', [])]
    """
    assessor = KurAssessor(rules=rules, lenient=lenient)
    out = over_batches(
        frame,
        lambda batch, first: assessor.assess(batch, start=first),
        start=start,
        batch_size=batch_size,
        schema=_SCHEMA,
    )
    if run is not None:
        run.columnar += assessor.run.columnar
        run.per_record += assessor.run.per_record
    return out
