"""MSME size classification over polars tables: the rows of ``classification_row``, column-wise.

Why the columnar engine gives the per-record rows (and can be trusted):

- One ``as_of`` means one regime of ``msme.size_criteria`` (the shipped
  timeline or a ``rules=`` override) for the whole run. A row's decision
  depends only on the class each figure falls in under that regime's bands
  and, where the purpose rule has a start-date cut-off, on which side of it
  the business started. Each distinct combination is decided once by
  :func:`koperasi_id.msme.classify_business` itself, on a synthetic business
  with an amount inside each class, and joined back. The class of an amount
  is found by comparing it with the regime's own ceilings: no threshold is
  written here.
- The reasons that quote the row's own figure are the library's text with
  the figure put in its place. The place is found by rendering each
  combination twice, with two amounts of the same class; if the two texts
  do not differ just there, the rows of that combination go per record.
- Cells only have to be valid: the NIK per part (region, birth date,
  serial), each distinct part once by :meth:`Nik.parse`; dates, regions,
  NIB, KBLI and workers per distinct value, by structuring a template record
  that holds that value. Amounts are taken when written as plain digits (up
  to 11, below 100 billion rupiah, a figure never masked).
- Anything else (other spellings, invalid values, unknown columns, a
  combination the rule cannot decide) goes through the per-record function,
  and the run counts it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Any

import attrs
import polars as pl

from koperasi_id import msme
from koperasi_id._values import mask
from koperasi_id.errors import Problem, RuleInputError, ValidationError
from koperasi_id.frames._business import AMOUNT_BOUND, TEMPLATE, BusinessCells, as_text
from koperasi_id.frames._columns import add_reason_counts
from koperasi_id.frames._records import batch_positions
from koperasi_id.law import Timeline
from koperasi_id.money import format_rupiah
from koperasi_id.msme._table import CLASSIFIED

__all__ = ["MSME_RESULT_COLUMNS", "SCHEMA", "MsmeClassifier", "MsmeRun"]

#: The columns of a result frame, as ``koperasi-id msme classify FILE`` writes them.
MSME_RESULT_COLUMNS: tuple[str, ...] = msme.CLASSIFICATION_COLUMNS
SCHEMA: dict[str, Any] = {
    "line": pl.Int64,
    "nik": pl.String,
    "hasil": pl.String,
    "ukuran": pl.String,
    "kriteria": pl.String,
    "konflik": pl.Boolean,
    "kode_alasan": pl.List(pl.String),
    "alasan": pl.List(pl.String),
    "alasan_en": pl.List(pl.String),
}


@attrs.define(kw_only=True)
class MsmeRun:
    """What a columnar classification did: the summary, and how many rows took which path."""

    summary: msme.ClassificationSummary
    columnar: int = 0
    per_record: int = 0


@attrs.frozen
class _Part:
    """One reason of a decided combination: constant, or a text around a row's figure."""

    figure: str | None  # the column whose amount the text quotes
    before_id: str
    after_id: str
    before_en: str
    after_en: str


@attrs.frozen
class _Decided:
    ukuran: str
    kriteria: str
    konflik: bool
    codes: tuple[str, ...]
    parts: tuple[_Part, ...]


def _floor(amount: Decimal) -> int:
    return min(int(amount.to_integral_value(rounding=ROUND_FLOOR)), AMOUNT_BOUND)


def _shown(amount: pl.Expr) -> pl.Expr:
    """``format_rupiah`` of a whole amount below 100 billion, as the reasons quote it."""
    padded = amount.cast(pl.String).str.zfill(12)
    grouped = pl.concat_str(
        [padded.str.slice(i, 3) for i in range(0, 12, 3)], separator="."
    ).str.strip_chars_start("0.")
    return pl.lit("Rp") + pl.when(grouped == "").then(pl.lit("0")).otherwise(grouped)


class MsmeClassifier:
    """Classifies successive batches of one business file, as ``classification_row`` does.

    ``run`` (an :class:`MsmeRun`) holds the running summary. ``warnings_of``
    (optional) collects the value warnings of each valid record: after each
    :meth:`classify` they are in ``warnings``, as ``(line, problems)``.
    """

    def __init__(
        self,
        *,
        as_of: date,
        purpose: msme.Purpose | None = None,
        policy: msme.ConflictPolicy = msme.ConflictPolicy.BY_PURPOSE,
        rules: Timeline[msme.SizeCriteria] | None = None,
        lenient: bool = False,
        summary: msme.ClassificationSummary | None = None,
        warnings_of: Callable[[object], Sequence[Problem]] | None = None,
    ) -> None:
        timeline = msme.SIZE_CRITERIA if rules is None else rules
        regime = timeline.at(as_of)
        criteria = regime.value
        figure: dict[str, Any] = {criteria.criteria[0].argument: 0}
        # Checks as_of, purpose and policy as the per-record function does.
        with contextlib.suppress(RuleInputError):
            msme.classify(as_of=as_of, purpose=purpose, policy=policy, rules=rules, **figure)
        self._options: dict[str, Any] = {
            "as_of": as_of,
            "purpose": purpose,
            "policy": policy,
            "rules": rules,
        }
        self._checks = BusinessCells(lenient=lenient, warnings_of=warnings_of)
        self.warnings: list[tuple[int, tuple[Problem, ...]]] = []
        self.run = MsmeRun(summary=summary or msme.ClassificationSummary(as_of=as_of))
        self._bands = {b.criterion.argument: b for b in criteria.bands}
        rule = criteria.rule_for(purpose)
        self._cutoff = rule.required_if_started_before if rule is not None else None
        self._decided: dict[tuple[str, ...], _Decided | None] = {}

    # --- deciding each combination once -------------------------------------------

    def _representative(self, figure: str, size: str, second: bool) -> int | None:
        """A whole amount of class ``size`` (the lowest, or the next one up when ``second``)."""
        bands = self._bands[figure]
        order = [s.value for s in msme.BusinessSize]
        ceilings = [bands.micro_max, bands.small_max, bands.medium_max]
        at = order.index(size)
        low = 0 if at == 0 else int(ceilings[at - 1].to_integral_value(rounding=ROUND_FLOOR)) + 1
        if bands.size_of(Decimal(low)).value != size:
            return None
        if second and bands.size_of(Decimal(low + 1)).value == size:
            return low + 1
        return low

    def _render(self, key: tuple[str, ...], second: bool) -> msme.SizeDecision | None:
        figures = dict(zip(self._bands, key, strict=False))
        cells = dict(TEMPLATE)
        amounts: dict[str, int] = {}
        for figure, size in figures.items():
            if size:
                amount = self._representative(figure, size, second)
                if amount is None:
                    return None
                amounts[figure] = amount
                cells[figure] = str(amount)
        if self._cutoff is not None:
            day = self._cutoff - timedelta(days=1) if key[-1] == "1" else self._cutoff
            cells["started_on"] = day.isoformat()
        business = self._checks.structured(cells)
        if isinstance(business, ValidationError):
            return None
        try:
            return msme.classify_business(business, **self._options)
        except RuleInputError:
            return None

    def _decide(self, key: tuple[str, ...]) -> _Decided | None:
        one, two = self._render(key, False), self._render(key, True)
        if one is None or two is None or len(one.findings) != len(two.findings):
            return None
        amounts = {
            f: (self._representative(f, s, False), self._representative(f, s, True))
            for f, s in zip(self._bands, key, strict=False)
            if s
        }
        quoted = {f"msme.size.{self._bands[f].criterion.value}": f for f in amounts}
        parts = []
        for a, b in zip(one.findings, two.findings, strict=True):
            if a.code != b.code:
                return None
            figure = quoted.get(a.code)
            if figure is None:
                if (a.message_id, a.message_en) != (b.message_id, b.message_en):
                    return None
                parts.append(_Part(None, a.message_id, "", a.message_en, ""))
                continue
            first, second = (mask(format_rupiah(Decimal(n or 0))) for n in amounts[figure])
            split = []
            for text, other in ((a.message_id, b.message_id), (a.message_en, b.message_en)):
                at = text.find(first)
                if at < 0:
                    return None
                before, after = text[:at], text[at + len(first) :]
                if other != before + second + after:
                    return None
                split += [before, after]
            parts.append(_Part(figure, split[0], split[1], split[2], split[3]))
        return _Decided(
            ukuran=one.size.value,
            kriteria=one.criterion.value,
            konflik=one.conflict,
            codes=tuple(f.code for f in one.findings),
            parts=tuple(parts),
        )

    # --- one batch ----------------------------------------------------------------

    def _fast(self, frame: pl.DataFrame, skip: pl.Series) -> pl.DataFrame:
        """The rows the vectorised checks decide, with ``pos`` and the decision columns."""
        w = self._checks.valid_rows(frame, skip)
        if w.height == 0:
            return pl.DataFrame(schema={"pos": pl.UInt32, **SCHEMA})
        sizes = []
        for figure, bands in self._bands.items():
            amount = pl.col(figure).cast(pl.Int64, strict=False)
            size = (
                pl.when(pl.col(figure) == "")
                .then(pl.lit(""))
                .when(amount <= _floor(bands.micro_max))
                .then(pl.lit(msme.BusinessSize.MICRO.value))
                .when(amount <= _floor(bands.small_max))
                .then(pl.lit(msme.BusinessSize.SMALL.value))
                .when(amount <= _floor(bands.medium_max))
                .then(pl.lit(msme.BusinessSize.MEDIUM.value))
                .otherwise(pl.lit(msme.BusinessSize.LARGE.value))
            )
            sizes.append(size.alias(f"_size_{figure}"))
        before = (
            pl.col("started_on") < pl.lit(self._cutoff.isoformat())
            if self._cutoff is not None
            else pl.lit(False)
        )
        w = w.with_columns(*sizes, _before=pl.when(before).then(pl.lit("1")).otherwise(pl.lit("0")))
        keys = [f"_size_{f}" for f in self._bands] + ["_before"]
        combos = w.select(keys).unique(maintain_order=True)
        decided = [self._checks.memo(self._decided, k, self._decide) for k in combos.iter_rows()]
        width = max((len(d.parts) for d in decided if d is not None), default=0)
        columns: dict[str, pl.Series] = {
            "_decided": pl.Series([d is not None for d in decided], dtype=pl.Boolean),
            "ukuran": pl.Series([d.ukuran if d else None for d in decided], dtype=pl.String),
            "kriteria": pl.Series([d.kriteria if d else None for d in decided], dtype=pl.String),
            "konflik": pl.Series([d.konflik if d else None for d in decided], dtype=pl.Boolean),
            "kode_alasan": pl.Series(
                [list(d.codes) if d else [] for d in decided], dtype=pl.List(pl.String)
            ),
        }
        for j in range(width):

            def part(d: _Decided | None, name: str, j: int = j) -> str | None:
                return getattr(d.parts[j], name) if d is not None and j < len(d.parts) else None

            for name in ("figure", "before_id", "after_id", "before_en", "after_en"):
                columns[f"_{name}_{j}"] = pl.Series(
                    [part(d, name) for d in decided], dtype=pl.String
                )
        combos = combos.with_columns(**columns)
        w = w.join(combos, on=keys, how="left", maintain_order="left").filter(pl.col("_decided"))
        shown = {f: _shown(pl.col(f).cast(pl.Int64, strict=False)) for f in self._bands}

        def texts(lang: str) -> pl.Expr:
            if width == 0:
                return pl.lit([], dtype=pl.List(pl.String))
            out = []
            for j in range(width):
                figure = pl.col(f"_figure_{j}")
                quoted: pl.Expr = pl.lit("")
                for f, expr in shown.items():
                    quoted = pl.when(figure == f).then(expr).otherwise(quoted)
                out.append(pl.col(f"_before_{lang}_{j}") + quoted + pl.col(f"_after_{lang}_{j}"))
            return pl.concat_list(out).list.drop_nulls()

        if self._checks.warnings_of is not None:
            self._checks.collect_warnings(w)
        return w.select(
            "pos",
            line=pl.lit(0, dtype=pl.Int64),
            nik=pl.col("owner_nik").str.slice(0, 6)
            + pl.lit("******")
            + pl.col("owner_nik").str.slice(12),
            hasil=pl.lit(CLASSIFIED),
            ukuran="ukuran",
            kriteria="kriteria",
            konflik="konflik",
            kode_alasan="kode_alasan",
            alasan=texts("id"),
            alasan_en=texts("en"),
        )

    def classify(
        self,
        frame: pl.DataFrame,
        *,
        lines: Sequence[int] | pl.Series | None = None,
        start: int = 0,
        errors: Mapping[int, msme.Business | ValidationError] | None = None,
    ) -> pl.DataFrame:
        """Classify one batch; one result row per input row, in order.

        ``lines`` numbers the rows (a file's line numbers); by default they
        count from ``start``. ``errors`` maps a row position to what a file
        reader already made of that row: such rows are taken as they are.
        """
        n = frame.height
        frame = as_text(frame)
        line, forced, skip = batch_positions(n, lines=lines, start=start, errors=errors)
        self._checks.pending = {}
        self.warnings = []
        if n and self._checks.plan(frame):
            fast = self._fast(frame, skip)
        else:
            fast = pl.DataFrame(schema={"pos": pl.UInt32, **SCHEMA})
        fast = fast.with_columns(line=line.gather(fast["pos"]))
        taken = set(fast["pos"].to_list())
        slow_pos = [p for p in range(n) if p not in taken]
        slow = self._per_record(frame, slow_pos, line, forced)
        out = pl.concat([fast, slow]).sort("pos")
        if self._checks.pending:
            self.warnings = [
                (number, self._checks.pending[p])
                for p, number in out.select("pos", "line").iter_rows()
                if p in self._checks.pending
            ]
        self.run.columnar += fast.height
        self.run.per_record += slow.height
        self._count(out)
        return out.drop("pos")

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
        before = (self._checks.columnar, self._checks.per_record)
        found = self._checks.check(frame, lines=lines, errors=errors)
        self.warnings = self._checks.warnings
        self.run.columnar += self._checks.columnar - before[0]
        self.run.per_record += self._checks.per_record - before[1]
        return found

    def _per_record(
        self,
        frame: pl.DataFrame,
        positions: list[int],
        line: pl.Series,
        forced: Mapping[int, msme.Business | ValidationError],
    ) -> pl.DataFrame:
        found = []
        cells = frame[positions].iter_rows(named=True) if positions else iter(())
        numbers = line.gather(positions).to_list() if positions else []
        for pos, number, row in zip(positions, numbers, cells, strict=True):
            business = forced.get(pos)
            if business is None:
                business = self._checks.structured(row)
            if self._checks.warnings_of is not None and isinstance(business, msme.Business):
                warned = tuple(self._checks.warnings_of(business))
                if warned:
                    self._checks.pending[pos] = warned
            found.append({"pos": pos, **msme.classification_row(number, business, **self._options)})
        return pl.DataFrame(found, schema={"pos": pl.UInt32, **SCHEMA})

    def _count(self, out: pl.DataFrame) -> None:
        summary = self.run.summary
        groups = out.group_by("hasil", "ukuran", "konflik", maintain_order=True).len()
        for outcome, size, conflict, count in groups.iter_rows():
            summary.add_counts(
                outcome=outcome, size=size, conflict=bool(conflict), codes=(), count=count
            )
        add_reason_counts(summary.by_reason, out)
