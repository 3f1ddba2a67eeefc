"""Cooperative activity status and the registry summary over polars tables.

How the columnar engine stays the per-record engine (why it can be trusted):

- *Validity* is decided by the per-record reader itself: a valid template row,
  with some of a row's cells put in, goes through :func:`koperasi_id.rows.structure`
  once per distinct combination of those cells. The cells are taken in groups
  that no model invariant crosses: the identity cells (deed, fiscal-year end,
  legal status, dissolution and founding dates), the grouping cells (region,
  kind, form, mode, principle), each RAT item with the fiscal-year end, and
  every other supported cell alone. The invariants that *do* cross groups (a
  RAT held on or after the deed, none for a fiscal year before the first, one
  RAT per fiscal year) are compared column-wise; a row that fails one is not
  called invalid here but handed to the per-record engine, which says why.
- *Decisions* read the same dated regimes through the same functions: the
  latest due fiscal year by :func:`~koperasi_id.cooperatives.latest_due_fiscal_year`
  (once per fiscal-year end), whether a RAT counts by the rule's own predicate
  (once per distinct held-on date and reported flag), the window and the
  status by the arithmetic of the rule (``first = max(latest_due - window + 1,
  first fiscal year)``; aktif when a RAT in it counts or the window is not yet
  full). Reasons (finding codes and messages) come from
  :func:`~koperasi_id.cooperatives.activity_status` once per distinct decision
  input. No window, deadline or flag is written here: ``rules=`` and
  ``deadline_rules=`` reach both paths the same way.
- A row the vectorised checks cannot vouch for (an unsupported column filled
  in, a value with warnings when they are collected, a non-text column, an odd
  header) is decided by the per-record engine, and counted as such.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import attrs
import polars as pl

from koperasi_id import rows
from koperasi_id.cooperatives import (
    ActivityRule,
    Cooperative,
    RegistryCounter,
    RegistrySummary,
)
from koperasi_id.cooperatives._dimensions import DEFAULT_BREAKDOWNS, Dimension
from koperasi_id.cooperatives._parts import _MAX_NAME
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.frames._columns import (
    BOUNDED,
    known,
    line_numbers,
    memo,
    problem_reasons,
    reason_series,
)
from koperasi_id.frames._cooperatives_checks import (
    _ALONE,
    _GROUPING,
    _IDENTIFIERS,
    _IDENTITY,
    _TEMPLATE_CELLS,
    _as_text,
    _CooperativeChecks,
)
from koperasi_id.frames._cooperatives_decisions import (
    _SCHEMA,
    _STATUS_SCHEMA,
    COOPERATIVE_STATUS_COLUMNS,
    INVALID_STATUS,
    NOT_YET_ESTABLISHED,
    _CooperativeDecisions,
)
from koperasi_id.law import Timeline

__all__ = [
    "COOPERATIVE_STATUS_COLUMNS",
    "INVALID_STATUS",
    "NOT_YET_ESTABLISHED",
    "CooperativeCounter",
    "StatusRun",
]


@attrs.define(kw_only=True)
class StatusRun:
    """What a columnar count did: the registry summary, and how many rows took which path."""

    summary: RegistrySummary
    columnar: int = 0
    per_record: int = 0


class CooperativeCounter(_CooperativeChecks, _CooperativeDecisions):
    """Counts successive batches of one registry file column-wise; one status row per row.

    The parameters are those of :class:`~koperasi_id.cooperatives.RegistryCounter`
    (``lenient`` as for :func:`koperasi_id.rows.structure`). Call :meth:`count`
    on each batch in order; :meth:`summary` gives the registry summary so far
    and ``run`` how many rows each path decided. ``warnings_of`` (optional)
    names the value warnings the caller reports: a row with any is decided by
    the per-record engine, and ``records`` then holds it (as for every row the
    per-record engine read in the last batch: ``(line, cooperative or
    ValidationError)``, in order).
    """

    def __init__(
        self,
        *,
        as_of: date,
        by: Dimension | str | Iterable[str] = DEFAULT_BREAKDOWNS,
        window_years: int | None = None,
        unreported_counts_as_missed: bool | None = None,
        percent_places: int = 2,
        rules: Timeline[ActivityRule] | None = None,
        deadline_rules: Timeline[int] | None = None,
        lenient: bool = False,
        warnings_of: Callable[[object], Sequence[Problem]] | None = None,
    ) -> None:
        self._counter = RegistryCounter(
            as_of=as_of,
            by=by,
            window_years=window_years,
            unreported_counts_as_missed=unreported_counts_as_missed,
            percent_places=percent_places,
            rules=rules,
            deadline_rules=deadline_rules,
        )
        counter = self._counter
        self._as_of = as_of
        self._window = counter._window_years
        self._unreported = counter._unreported
        self._rules = rules
        self._deadline_rules = deadline_rules
        self._lenient = lenient
        self._warnings_of = warnings_of
        self.columnar = 0
        self.per_record = 0
        self.records: list[tuple[int, Cooperative | ValidationError]] = []
        self._checked: dict[tuple[tuple[str, ...], tuple[Any, ...]], tuple[Any, ...] | None] = {}
        self._counts: dict[tuple[date | None, bool], bool] = {}
        self._ends: dict[tuple[str, int], date | None] = {}
        self._reasons: dict[tuple[Any, ...], tuple[Any, ...]] = {}

    @property
    def run(self) -> StatusRun:
        """The summary so far, with the rows each path decided."""
        return StatusRun(summary=self.summary(), columnar=self.columnar, per_record=self.per_record)

    def summary(self) -> RegistrySummary:
        """The registry summary of every row counted so far."""
        return self._counter.summary()

    def _fast(self, frame: pl.DataFrame, skip: pl.Series, reasons: bool) -> pl.DataFrame:
        """The rows the vectorised checks decide: pos, status columns (and reasons)."""
        plan = self._plan
        used = [*plan.scalars.values(), *(c for item in plan.rats.values() for c in item.values())]
        # An unsupported column may be there, empty: the reader leaves an empty cell out.
        others_ok = pl.all_horizontal(
            pl.lit(True), *(pl.col(c).is_null() | (pl.col(c) == "") for c in plan.others)
        )
        w = frame.select(
            pl.int_range(pl.len(), dtype=pl.UInt32).alias("pos"),
            *(pl.col(c).cast(pl.String) for c in used),
            _others_ok=others_ok,
        ).filter(pl.col("_others_ok") & ~skip)
        if w.height == 0:
            return pl.DataFrame(schema=_SCHEMA if reasons else _STATUS_SCHEMA)
        # High-cardinality cells are checked without a template: a name by the
        # entity's own limit (when no edge could be stripped), an identifier by
        # its value type's parser on each distinct value.
        if "name" in plan.scalars:
            name = pl.col("name")
            w = w.filter(name.str.contains(BOUNDED) & (name.str.len_chars() <= _MAX_NAME))
        for column, (kind, optional) in _IDENTIFIERS.items():
            if column not in plan.scalars:
                continue
            cells = w[column].fill_null("")
            # Identifiers are nearly all distinct: checked per batch, never kept.
            w = w.filter(known(cells, None, self._identifier(kind, optional)))
        alone = [c for c in _ALONE if c in plan.scalars]
        ok_columns = []
        for column in alone:
            w = self._joined(
                w,
                [column],
                self._check_alone(column),
                tag=("alone", column),
                schema={},
                ok=f"_ok_{column}",
            )
            ok_columns.append(f"_ok_{column}")
        identity = [c for c in _IDENTITY if c in plan.scalars]
        w = self._joined(
            w,
            identity,
            self._check_identity,
            tag=("identity", *identity),
            schema={
                "_deed": pl.Date,
                "_fye": pl.String,
                "_first": pl.Int64,
                "_legal": pl.String,
                "_dissolved": pl.Date,
            },
            ok="_ok_identity",
        )
        grouping = [c for c in _GROUPING if c in plan.scalars]
        dims = self._counter._dimensions
        w = self._joined(
            w,
            grouping,
            self._check_grouping,
            tag=("grouping", *grouping),
            schema={f"_key_{d}": pl.String for d in dims},
            ok="_ok_grouping",
        )
        ok_columns += ["_ok_identity", "_ok_grouping"]
        items = sorted(plan.rats)
        for i in items:
            fields = tuple(f for f in ("fiscal_year", "held_on", "reported") if f in plan.rats[i])
            w = self._joined(
                w,
                [plan.rats[i][f] for f in fields],
                self._check_rat(fields),
                tag=("rat", *fields),
                schema={f"_present{i}": pl.Boolean, f"_fy{i}": pl.Int64, f"_held{i}": pl.Date,
                        f"_reported{i}": pl.Boolean},
                ok=f"_ok_rat{i}",
            )  # fmt: skip
            ok_columns.append(f"_ok_rat{i}")
        w = w.filter(pl.all_horizontal(ok_columns) if ok_columns else pl.lit(True))
        # The invariants that cross cell groups; a row failing one goes per record:
        # a RAT for the first fiscal year or later, held (if at all) on or after
        # the deed and after its fiscal year ended, one RAT per fiscal year.
        cross = [pl.lit(True)]
        for i in items:
            pairs = w.select("_fye", f"_fy{i}").unique().drop_nulls()
            ends = [memo(self._ends, k, self._year_end) for k in pairs.iter_rows()]
            w = w.join(
                pairs.with_columns(pl.Series(f"_end{i}", ends, dtype=pl.Date)),
                on=["_fye", f"_fy{i}"],
                how="left",
                maintain_order="left",
            )
            present = pl.col(f"_present{i}")
            held = pl.col(f"_held{i}")
            after = (held >= pl.col("_deed")) & (held > pl.col(f"_end{i}"))
            cross.append(
                ~present
                | (
                    (pl.col(f"_fy{i}") >= pl.col("_first"))
                    & (held.is_null() | after.fill_null(False))
                )
            )
            for j in items:
                if j > i:
                    cross.append(
                        ~(present & pl.col(f"_present{j}"))
                        | (pl.col(f"_fy{i}") != pl.col(f"_fy{j}"))
                    )
        w = w.filter(pl.all_horizontal(cross))
        if w.height == 0:
            return pl.DataFrame(schema=_SCHEMA if reasons else _STATUS_SCHEMA)
        w = self._decide(w, items)
        self._tally(w, dims)
        if not reasons:
            return w.select(*_STATUS_SCHEMA)
        return self._with_reasons(w, items)

    def count(
        self,
        frame: pl.DataFrame,
        *,
        lines: Sequence[int] | pl.Series | None = None,
        start: int = 0,
        taken: Mapping[int, Cooperative | ValidationError] | None = None,
        reasons: bool = True,
    ) -> pl.DataFrame:
        """Count one batch; returns one status row per input row, in order.

        ``lines`` numbers the rows (a file's line numbers); by default they
        count from ``start``. ``taken`` maps a row position to what a file
        reader already made of that row: such rows are taken as they are.
        Without ``reasons`` the frame has ``line``, ``status`` and
        ``status_hukum`` only (what a summary needs, at less cost).
        """
        frame = _as_text(frame)
        n = frame.height
        line = line_numbers(lines, start=start, height=n)
        forced = dict(taken or {})
        self.records = []
        plan = self._planned(frame) if n else None
        skip = pl.Series([False] * n, dtype=pl.Boolean)
        if forced:
            skip = skip.scatter(list(forced), True)
        schema = _SCHEMA if reasons else _STATUS_SCHEMA
        if plan is None:
            fast = pl.DataFrame(schema=schema)
        else:
            if plan != getattr(self, "_plan", None):
                self._checked.clear()  # the template follows the columns: so do the answers
            self._plan = plan
            self._template = {
                column: _TEMPLATE_CELLS.get(name, "") for name, column in plan.scalars.items()
            }
            fast = self._fast(frame, skip, reasons)
        self.columnar += fast.height
        done = set(fast["pos"].to_list())
        slow_pos = [p for p in range(n) if p not in done]
        slow = self._per_record(frame, slow_pos, line, forced, reasons)
        out = pl.concat([fast, slow]).sort("pos")
        return out.select(line.gather(out["pos"]).alias("line"), *(c for c in schema if c != "pos"))

    def _per_record(
        self,
        frame: pl.DataFrame,
        positions: list[int],
        line: pl.Series,
        forced: dict[int, Cooperative | ValidationError],
        reasons: bool,
    ) -> pl.DataFrame:
        out: list[tuple[Any, ...]] = []
        cells = frame[positions].iter_rows(named=True) if positions else iter(())
        numbers = line.gather(positions).to_list() if positions else []
        counter = self._counter
        for pos, number, row in zip(positions, numbers, cells, strict=True):
            structured = forced.get(pos)
            if structured is None:
                try:
                    structured = rows.structure(Cooperative, row, lenient=self._lenient)
                except ValidationError as err:
                    structured = err
            self.records.append((number, structured))
            if isinstance(structured, ValidationError):
                counter.add_invalid()
                out.append((pos, INVALID_STATUS, None, *problem_reasons(structured.problems)))
                continue
            counter.add(structured)
            if reasons:
                out.append((pos, *self._status_of(structured)))
            else:
                out.append((pos, *self._status_of(structured)[:2], (), (), ()))
        self.per_record += len(out)
        frame_out = pl.DataFrame(
            {
                "pos": pl.Series([o[0] for o in out], dtype=pl.UInt32),
                "status": pl.Series([o[1] for o in out], dtype=pl.String),
                "status_hukum": pl.Series([o[2] for o in out], dtype=pl.String),
                "kode_alasan": reason_series("kode_alasan", [o[3] for o in out]),
                "alasan": reason_series("alasan", [o[4] for o in out]),
                "alasan_en": reason_series("alasan_en", [o[5] for o in out]),
            }
        )
        return frame_out if reasons else frame_out.select(*_STATUS_SCHEMA)
