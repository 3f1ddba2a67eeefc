"""BPUM screening over polars tables: the decisions of ``screen_rows``, column by column.

How the columnar engine stays the per-record engine (why it can be trusted):

- A row's *decision* (outcome, reason codes, messages, amount) depends only on
  its low-cardinality cells (occupation, yes/no answers, proposer, region,
  previous years, KBLI) plus two facts: whether it has a KK number and whether
  the business is at the KTP address. Each distinct combination is decided
  once by the per-record engine itself, on a synthetic record, and joined back.
- The high-cardinality cells (NIK, KK, phone, names and addresses) only have to
  be *valid*. NIK and KK are checked per part (region, birth date, serial),
  each distinct part once by :meth:`Nik.parse` / :meth:`NomorKk.parse`; the
  phone by :meth:`PhoneNumber.parse` on the distinct values; free text by its
  length limit, when no cell edge could be stripped.
- A row that any of this cannot vouch for (odd spacing, non-ASCII edges, an
  invalid value, an unknown column) is screened by the per-record engine, and
  counted as such. Duplicate NIKs are found column-wise, within a batch and
  across batches, in one index of every valid record's NIK as a number
  (:class:`~koperasi_id.frames._first_lines.FirstLines`: exact, no hashing).

So no threshold, list or rate is restated here: a ``rules=`` timeline reaches
both paths the same way. The checks are in ``_bpum_checks``, the assembly of
a batch's result (duplicates, order, summary) in ``_bpum_results``; this
module runs a batch through them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import polars as pl

from koperasi_id import bpum
from koperasi_id.bpum._screening import Structured
from koperasi_id.errors import Problem
from koperasi_id.frames._bpum_checks import FAST_SCHEMA, FastChecks, screen_one
from koperasi_id.frames._bpum_results import RESULT_SCHEMA, Slow, assemble, count
from koperasi_id.frames._columns import line_numbers
from koperasi_id.frames._first_lines import FirstLines
from koperasi_id.law import Timeline

__all__ = ["BPUM_RESULT_COLUMNS", "BpumScreener", "FrameRun"]

#: The columns of a result frame: those ``koperasi-id bpum screen`` writes
#: (:data:`koperasi_id.bpum.SCREENING_COLUMNS`), with ``alasan_en`` after
#: ``alasan``: the same reasons in English (``ScreeningResult.messages_en``).
BPUM_RESULT_COLUMNS: tuple[str, ...] = tuple(RESULT_SCHEMA)


@attrs.define(kw_only=True)
class FrameRun:
    """What a columnar run did: the summary, and how many rows took which path.

    ``per_record`` rows were screened by the per-record engine because the
    vectorised checks could not vouch for them (invalid or oddly written
    values, unknown columns); ``columnar`` rows were decided column-wise.
    """

    summary: bpum.ScreeningSummary
    columnar: int = 0
    per_record: int = 0


class BpumScreener:
    """Screens successive batches of one proposal file; NIK duplicates span batches.

    Use one screener per file (or per stream of batches) and call
    :meth:`screen` on each batch in order; ``run`` (a :class:`FrameRun`) holds the running
    summary. ``warnings_of`` (optional) collects the value warnings of each
    valid record, as the command line reports them: they are then in
    ``warnings`` after each :meth:`screen`, as ``(line, problems)``.

    ``repeated`` (optional) lists, as numbers, every NIK that may occur more
    than once in the whole stream (a superset, such as
    :func:`~koperasi_id.frames.repeated_niks` of its NIK column): only those
    enter the duplicate index, which then stays small. Without it every NIK
    does (16 bytes each, up to about two million; past that the index moves
    the further ones to a temporary file).
    """

    def __init__(
        self,
        *,
        year: int,
        other_bank_credit_rule: bpum.OtherBankCreditRule = bpum.OtherBankCreditRule.REGULATION_TEXT,
        rules: Timeline[bpum.Programme] = bpum.PROGRAMMES,
        lenient: bool = False,
        summary: bpum.ScreeningSummary | None = None,
        warnings_of: Callable[[object], Sequence[Problem]] | None = None,
        repeated: pl.Series | None = None,
    ) -> None:
        self._options: dict[str, Any] = {
            "year": year,
            "other_bank_credit_rule": other_bank_credit_rule,
            "rules": rules,
        }
        bpum.screen_numbered((), **self._options)  # checks the year and rule now
        self._year = year
        self._lenient = lenient
        self._warnings_of = warnings_of
        self.run = FrameRun(summary=summary or bpum.ScreeningSummary(year=year))
        self.warnings: list[tuple[int, tuple[Problem, ...]]] = []
        self._seen = FirstLines()
        # Sorted once: each batch then looks its keys up by binary search, at a
        # cost that does not grow with the number of repeated NIKs.
        self._repeated = (
            None if repeated is None else repeated.cast(pl.Int64).drop_nulls().unique().sort()
        )
        self._checks = FastChecks(options=self._options, lenient=lenient, warnings_of=warnings_of)
        self._pending: dict[int, tuple[Problem, ...]] = {}

    def close(self) -> None:
        """Release the duplicate index (a temporary file past a national size)."""
        self._seen.close()

    def __enter__(self) -> BpumScreener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def screen(
        self,
        frame: pl.DataFrame,
        *,
        lines: Sequence[int] | pl.Series | None = None,
        start: int = 0,
        errors: Mapping[int, Structured] | None = None,
        keys: bool = False,
    ) -> pl.DataFrame:
        """Screen one batch; returns one result row per input row, in order.

        ``lines`` numbers the rows (a file's line numbers); by default they
        count from ``start``. ``errors`` maps a row position to what a file
        reader already made of that row (a ValidationError): such rows are
        taken as they are. ``keys`` adds a column ``nik_key``: the NIK of
        each valid record as a number (null for an invalid one), the key of
        the duplicate check, for a caller that joins batches screened apart.
        """
        n = frame.height
        line = line_numbers(lines, start=start, height=n)
        forced = dict(errors or {})
        self.warnings = []
        plan = self._checks.columns(frame) if n else None
        skip = pl.Series([False] * n, dtype=pl.Boolean)
        if forced:
            skip = skip.scatter(list(forced), True)
        if plan is None:
            fast, self._pending = pl.DataFrame(schema=FAST_SCHEMA), {}
        else:
            fast, self._pending = self._checks.decide(frame, plan, skip)
        fast = fast.with_columns(line=line.gather(fast["pos"]))
        slow_pos = (
            pl.Series("pos", range(n), dtype=pl.UInt32)
            .filter(~pl.Series(range(n)).is_in(fast["pos"].cast(pl.Int64).implode()))
            .to_list()
        )
        slow = self._per_record(frame, slow_pos, line, forced)
        return self._assemble(fast, slow, line, with_keys=keys)

    def _per_record(
        self,
        frame: pl.DataFrame,
        positions: list[int],
        line: pl.Series,
        forced: dict[int, Structured],
    ) -> Slow:
        """(pos, result, NIK as a number when the record is valid) by the per-record engine."""
        out: Slow = []
        rows = frame[positions].iter_rows(named=True) if positions else iter(())
        lines = line.gather(positions).to_list() if positions else []
        for pos, number, row in zip(positions, lines, rows, strict=True):
            structured = forced.get(pos)
            if structured is None:
                structured = bpum.structure_row(row, lenient=self._lenient)
            result = screen_one(number, structured, self._options)
            key = None
            if isinstance(structured, bpum.Proposal):
                if result.outcome is not bpum.ScreeningOutcome.INVALID:
                    key = int(str(structured.nik))
                if self._warnings_of is not None:
                    found = tuple(self._warnings_of(structured))
                    if found:
                        self._pending[pos] = found
            out.append((pos, result, key))
        self.run.per_record += len(out)
        return out

    def _assemble(
        self, fast: pl.DataFrame, slow: Slow, line: pl.Series, *, with_keys: bool = False
    ) -> pl.DataFrame:
        self.run.columnar += fast.height
        out, every_key = assemble(
            fast, slow, line, seen=self._seen, repeated=self._repeated, year=self._year
        )
        if self._pending:
            self.warnings = [
                (n, self._pending[p])
                for p, n in out.select("pos", "line").iter_rows()
                if p in self._pending
            ]
        count(out, self.run.summary)
        if with_keys:
            out = out.join(
                every_key.rename({"key": "nik_key"}), on="pos", how="left", maintain_order="left"
            )
        return out.drop("pos")
