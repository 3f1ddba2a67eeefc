"""Which records of a batch are valid, column-wise, for ``koperasi-id validate --engine columns``.

Each record type already has a columnar engine whose fast path vouches only
for rows the per-record converter would accept (a cell is checked by the
library's own parser, once per distinct value or combination; see each
engine's module): business validity (:mod:`koperasi_id.frames._business`),
cooperative status (:mod:`koperasi_id.frames._cooperatives`), KUR applications
(:mod:`koperasi_id.frames._kur_validity`, validity alone: an assessment
of every distinct plafond and date would cost more than it saves) and BPUM screening
(:mod:`koperasi_id.frames._bpum`). ``validate`` asks them only *which* rows
are valid: every other row is structured by the per-record converter, so
its problems (codes, messages in both languages, paths, masking) and its
value warnings are those of ``--engine rows``.

A checker's :meth:`~Validity.check` takes one batch (a text frame from
:func:`~koperasi_id.frames._records.record_frame`, the line numbers, the
rows already taken) and returns ``(line, ValidationError)`` of the invalid
records and ``(line, warnings)`` of the valid records with value warnings,
each in line order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, Protocol

import polars as pl

from koperasi_id.bpum import ScreeningOutcome
from koperasi_id.bpum._rows import structure_row
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.frames._bpum import BpumScreener
from koperasi_id.frames._business import BusinessCells
from koperasi_id.frames._cooperatives import CooperativeCounter
from koperasi_id.frames._kur_validity import KurCells

__all__ = ["VALIDITY_TYPES", "Validity", "validity_checker"]

Invalid = list[tuple[int, ValidationError]]
Warned = list[tuple[int, tuple[Problem, ...]]]
WarningsOf = Callable[[object], Sequence[Problem]]


class Validity(Protocol):
    """Validity of successive batches of one file's records."""

    def check(
        self, frame: pl.DataFrame, *, lines: Sequence[int], taken: Mapping[int, Any]
    ) -> tuple[Invalid, Warned]:
        """The invalid records of one batch, and the valid ones with warnings."""
        ...  # pragma: no cover - a protocol

    def close(self) -> None:
        """Release what the engine holds (a temporary file...)."""
        ...  # pragma: no cover - a protocol

    def counts(self) -> tuple[int, int]:
        """Rows so far vouched for column-wise, and rows structured one by one."""
        ...  # pragma: no cover - a protocol


def _split(records: Sequence[tuple[int, Any]], warnings_of: WarningsOf) -> tuple[Invalid, Warned]:
    """The per-record engine's results: the errors, and the warnings of the valid records."""
    invalid: Invalid = []
    warned: Warned = []
    for line, found in records:
        if isinstance(found, ValidationError):
            invalid.append((line, found))
        else:
            problems = tuple(warnings_of(found))
            if problems:
                warned.append((line, problems))
    return invalid, warned


class _Business:
    def __init__(self, *, lenient: bool, warnings_of: WarningsOf) -> None:
        self._cells = BusinessCells(lenient=lenient, warnings_of=warnings_of)

    def check(
        self, frame: pl.DataFrame, *, lines: Sequence[int], taken: Mapping[int, Any]
    ) -> tuple[Invalid, Warned]:
        found = self._cells.check(frame, lines=lines, errors=taken)
        return found, self._cells.warnings

    def close(self) -> None:
        pass

    def counts(self) -> tuple[int, int]:
        return self._cells.columnar, self._cells.per_record


#: The day cooperative status is asked for. Validity does not depend on it and
#: the status is not used; the day only has to have every activity and RAT
#: deadline rule in force for its window (the cooperatives status tests' day).
_STATUS_DAY = date(2024, 6, 1)


class _Cooperatives:
    def __init__(self, *, lenient: bool, warnings_of: WarningsOf) -> None:
        self._warnings_of = warnings_of
        self._counter = CooperativeCounter(
            as_of=_STATUS_DAY, lenient=lenient, warnings_of=warnings_of
        )

    def check(
        self, frame: pl.DataFrame, *, lines: Sequence[int], taken: Mapping[int, Any]
    ) -> tuple[Invalid, Warned]:
        # Rows the fast path decided are valid and have no warnings: only the
        # rows the per-record engine read (``records``) can be invalid or warned.
        self._counter.count(frame, lines=lines, taken=taken, reasons=False)
        return _split(self._counter.records, self._warnings_of)

    def close(self) -> None:
        pass

    def counts(self) -> tuple[int, int]:
        return self._counter.columnar, self._counter.per_record


class _Kur:
    def __init__(self, *, lenient: bool, warnings_of: WarningsOf) -> None:
        self._warnings_of = warnings_of
        self._cells = KurCells(lenient=lenient, warnings_of=warnings_of)

    def check(
        self, frame: pl.DataFrame, *, lines: Sequence[int], taken: Mapping[int, Any]
    ) -> tuple[Invalid, Warned]:
        return _split(self._cells.check(frame, lines=lines, taken=taken), self._warnings_of)

    def close(self) -> None:
        pass

    def counts(self) -> tuple[int, int]:
        return self._cells.columnar, self._cells.per_record


#: Screening asks for a programme year; validity does not depend on it.
_ANY_BPUM_YEAR = 2021


class _Proposals:
    def __init__(self, *, lenient: bool, warnings_of: WarningsOf) -> None:
        self._lenient = lenient
        # No NIK is "repeated": duplicates do not make a record invalid, so the
        # duplicate index stays empty.
        self._screener = BpumScreener(
            year=_ANY_BPUM_YEAR,
            lenient=lenient,
            warnings_of=warnings_of,
            repeated=pl.Series([], dtype=pl.Int64),
        )

    def check(
        self, frame: pl.DataFrame, *, lines: Sequence[int], taken: Mapping[int, Any]
    ) -> tuple[Invalid, Warned]:
        results = self._screener.screen(frame, lines=lines, errors=taken)
        # The fast path screens valid proposals only; a row screened invalid is
        # structured again by the per-record converter for its problems.
        maybe = results.with_row_index("pos").filter(
            pl.col("hasil") == ScreeningOutcome.INVALID.value
        )["pos"]
        invalid: Invalid = []
        for pos in maybe.to_list():
            found = taken.get(pos)
            if found is None:
                found = structure_row(frame.row(pos, named=True), lenient=self._lenient)
            if isinstance(found, ValidationError):
                invalid.append((lines[pos], found))
        return invalid, list(self._screener.warnings)

    def close(self) -> None:
        self._screener.close()

    def counts(self) -> tuple[int, int]:
        return self._screener.run.columnar, self._screener.run.per_record


_CHECKERS: dict[str, Callable[..., Validity]] = {
    "business": _Business,
    "cooperative": _Cooperatives,
    "kur-application": _Kur,
    "bpum-proposal": _Proposals,
}
#: The record types (``validate --type``) with a columnar validity check.
VALIDITY_TYPES = frozenset(_CHECKERS)


def validity_checker(type_name: str, *, lenient: bool, warnings_of: WarningsOf) -> Validity:
    """The columnar validity check of ``validate --type type_name``.

    >>> from koperasi_id.cli._common import value_warnings
    >>> checker = validity_checker("kur-application", lenient=False, warnings_of=value_warnings)
    >>> frame = pl.DataFrame({"borrower_nik": ["1871014101900002", "12"],
    ...     "business.name": ["Warung"] * 2, "business.owner_nik": ["1871014101900002"] * 2,
    ...     "business.started_on": ["2022-03-01"] * 2, "scheme": ["mikro"] * 2,
    ...     "plafond": ["60000000"] * 2, "tenor_months": ["36"] * 2,
    ...     "purpose": ["modal_kerja"] * 2, "sector": ["perdagangan"] * 2,
    ...     "akad_date": ["2024-05-01"] * 2})
    >>> invalid, warned = checker.check(frame, lines=[2, 3], taken={})
    >>> [(line, [p.code for p in error.problems]) for line, error in invalid], warned
    ([(3, ['nik.length'])], [])
    >>> checker.counts()  # one row vouched for column-wise, one structured on its own
    (1, 1)
    """
    return _CHECKERS[type_name](lenient=lenient, warnings_of=warnings_of)
