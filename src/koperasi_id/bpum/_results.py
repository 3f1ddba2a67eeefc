"""What a screening run produces: one outcome and result a record, and the run's totals (R-BPUM-3)."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs

from koperasi_id._numbers import computes
from koperasi_id.errors import Problem, RuleInputError

__all__ = [
    "DUPLICATE_CODE",
    "SCREENING_COLUMNS",
    "ScreeningOutcome",
    "ScreeningResult",
    "ScreeningSummary",
]

#: The columns of a screening result file (``koperasi-id bpum screen``), one
#: per field of :class:`ScreeningResult` shown: line, masked NIK, outcome, aid,
#: reason codes, Indonesian reasons, the line of the first record of a duplicate.
SCREENING_COLUMNS: tuple[str, ...] = (
    "line",
    "nik",
    "hasil",
    "jumlah_bantuan",
    "kode_alasan",
    "alasan",
    "duplikat_baris",
)

#: Reason code of a second or later proposal of one NIK in one budget year.
DUPLICATE_CODE = "bpum.duplicate_nik"
_ZERO = Decimal(0)


class ScreeningOutcome(enum.Enum):
    """What became of one record. Exactly one per record.

    - ``ELIGIBLE``: valid and passes every criterion of the year;
    - ``INELIGIBLE``: valid but fails at least one criterion (reasons given);
    - ``INVALID``: cannot be read as a proposal, or misses a record
      requirement of the year (a 2021 proposal without KK);
    - ``DUPLICATE``: valid, but an earlier valid record of the same run had
      the same NIK (R-BPUM-3). It is not assessed: cleansing removes it first.
    """

    ELIGIBLE = "layak"
    INELIGIBLE = "tidak_layak"
    INVALID = "tidak_valid"
    DUPLICATE = "ganda"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _OUTCOME_LABELS[self]


_OUTCOME_LABELS = {
    ScreeningOutcome.ELIGIBLE: "Layak",
    ScreeningOutcome.INELIGIBLE: "Tidak layak",
    ScreeningOutcome.INVALID: "Data tidak valid",
    ScreeningOutcome.DUPLICATE: "NIK ganda",
}


@attrs.frozen(kw_only=True)
class ScreeningResult:
    """The result of one record of a screening run.

    ``index`` is the record's position counted from ``start`` (pass
    ``start=2`` to get line numbers of a CSV file under its header). ``nik`` is
    the masked NIK when the record had a readable one. ``failed_codes`` are the
    codes that decided a non-eligible outcome (failed findings, problem codes or
    :data:`DUPLICATE_CODE`); ``messages`` says the same in Indonesian for the
    applicant, ``messages_en`` in English (one per message, same order).
    ``amount`` is the aid for an eligible record, otherwise 0.
    """

    index: int
    outcome: ScreeningOutcome
    nik: str | None = None
    failed_codes: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    amount: Decimal = _ZERO
    duplicate_of: int | None = None
    messages_en: tuple[str, ...] = ()


def _zero_counts() -> dict[str, int]:
    return {o.value: 0 for o in ScreeningOutcome}


@attrs.define(kw_only=True)
class ScreeningSummary:
    """Running totals of a screening run; add results as they stream past.

    ``by_outcome`` counts records per outcome value (always all four keys),
    ``by_reason`` per reason code (a record with two failed criteria counts
    under both), ``eligible_amount`` is the total aid of the eligible records.
    Summaries of parts of a file (one per worker) combine with :meth:`merged`.

    >>> from koperasi_id.serialization import to_dict
    >>> summary = ScreeningSummary(year=2021)
    >>> summary.add(ScreeningResult(index=0, outcome=ScreeningOutcome.ELIGIBLE,
    ...                             amount=Decimal("1200000")))
    >>> summary.add(ScreeningResult(index=1, outcome=ScreeningOutcome.DUPLICATE,
    ...                             failed_codes=(DUPLICATE_CODE,)))
    >>> to_dict(summary)
    {'year': 2021, 'total': 2, 'by_outcome': {'layak': 1, 'tidak_layak': 0, 'tidak_valid': 0, 'ganda': 1}, 'by_reason': {'bpum.duplicate_nik': 1}, 'eligible_amount': '1200000'}
    """

    year: int
    total: int = 0
    by_outcome: dict[str, int] = attrs.field(factory=_zero_counts)
    by_reason: dict[str, int] = attrs.field(factory=dict)
    eligible_amount: Decimal = _ZERO

    def add(self, result: ScreeningResult) -> None:
        """Count one result."""
        self.add_outcome(result.outcome, result.failed_codes)
        if result.outcome is ScreeningOutcome.ELIGIBLE:
            self.eligible_amount += result.amount

    def add_outcome(self, outcome: ScreeningOutcome, codes: Iterable[str]) -> None:
        """Count one result by its ``outcome`` and reason ``codes`` (its aid is :meth:`add`'s)."""
        self.total += 1
        key = outcome.value
        self.by_outcome[key] = self.by_outcome.get(key, 0) + 1
        for code in codes:
            self.by_reason[code] = self.by_reason.get(code, 0) + 1

    @computes
    def add_eligible(self, count: int, amount: Decimal) -> None:
        """Count ``count`` eligible results of ``amount`` each (the screening fast path's tally)."""
        if not count:
            return  # adding 0 * amount could change the exponent of an untouched total
        self.total += count
        key = ScreeningOutcome.ELIGIBLE.value
        self.by_outcome[key] = self.by_outcome.get(key, 0) + count
        self.eligible_amount += count * amount

    def track(self, results: Iterable[ScreeningResult]) -> Iterator[ScreeningResult]:
        """Pass ``results`` through unchanged, counting each on the way."""
        for result in results:
            self.add(result)
            yield result

    def count(self, outcome: ScreeningOutcome) -> int:
        """Records with ``outcome``."""
        return self.by_outcome.get(outcome.value, 0)

    @property
    def eligible(self) -> int:
        """Eligible records."""
        return self.count(ScreeningOutcome.ELIGIBLE)

    @property
    def ineligible(self) -> int:
        """Valid records that failed a criterion."""
        return self.count(ScreeningOutcome.INELIGIBLE)

    @property
    def invalid(self) -> int:
        """Records that could not be read or miss a record requirement."""
        return self.count(ScreeningOutcome.INVALID)

    @property
    def duplicates(self) -> int:
        """Second and later valid records of a NIK."""
        return self.count(ScreeningOutcome.DUPLICATE)

    def merged(self, other: ScreeningSummary) -> ScreeningSummary:
        """A new summary adding ``other``'s counts to these (same budget year).

        NIK duplicates *across* the parts are not detected: split a file by NIK
        (for example by a hash of it) when screening in parallel.
        """
        if other.year != self.year:
            raise RuleInputError(
                f"cannot merge a {other.year} summary into a {self.year} one; "
                "merge summaries of the same budget year"
            )
        outcomes = dict(self.by_outcome)
        for key, n in other.by_outcome.items():
            outcomes[key] = outcomes.get(key, 0) + n
        reasons = dict(self.by_reason)
        for key, n in other.by_reason.items():
            reasons[key] = reasons.get(key, 0) + n
        return ScreeningSummary(
            year=self.year,
            total=self.total + other.total,
            by_outcome=outcomes,
            by_reason=reasons,
            eligible_amount=self.eligible_amount + other.eligible_amount,
        )
