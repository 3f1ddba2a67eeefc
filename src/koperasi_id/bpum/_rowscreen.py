"""Screening the rows of one CSV file, with a fast path for the plainly valid row (issue 18).

Most rows of a proposal file are valid, not repeated and eligible. For such
a row :meth:`RowScreening.row` checks the cells with the value types' own
``parse`` (the identifier rules stay in one place; the checks are
:func:`~koperasi_id.bpum._rowcells.quiet_values`, shared with ``validate``)
and the programme's pass sets
(:func:`~koperasi_id.bpum._eligibility.cell_passes`, read from the dated
programme once per run), and hands back the seven output cells: no
wire dict, no :class:`Proposal`, no result object, no message. A valid row
that is a repeat or fails a check gets the same result objects as
:func:`~koperasi_id.bpum.screen`; anything else (a read problem, an empty
or unknown cell, a value that fails or warns) is left to the general path,
:meth:`RowScreening.item`, which reports every problem. Both share one
duplicate index, so the outcome of every row is the one
:func:`~koperasi_id.bpum.screen_numbered` gives; the tests compare the two
byte for byte.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, overload

from koperasi_id.bpum._eligibility import CellPasses, cell_passes, failures, passes_all, plan
from koperasi_id.bpum._programmes import (
    PROGRAMMES,
    OtherBankCreditRule,
    Programme,
    checked_credit_rule,
    programme,
)
from koperasi_id.bpum._proposal import Proposal
from koperasi_id.bpum._results import (
    _ZERO,
    DUPLICATE_CODE,
    ScreeningOutcome,
    ScreeningResult,
    ScreeningSummary,
)
from koperasi_id.bpum._rowcells import QuietRows, QuietValues
from koperasi_id.bpum._screening import (
    _FirstSeen,
    duplicate_message,
    screen_one,
)
from koperasi_id.law import Timeline

__all__ = ["RowScreening"]


class RowScreening:
    """One screening run over rows read under ``header`` (the CSV file's column names).

    ``row`` takes a row as the file reader gives it (column name → cell,
    every column of ``header``) and returns the output cells
    (:data:`~koperasi_id.bpum.SCREENING_COLUMNS`) of a valid row, or
    ``None``: then the caller structures the record its own way and passes
    it to :meth:`item`, which returns the result (:meth:`row_text` takes
    the row as its list of cells instead). All count into
    ``summary``; the eligible rows of ``row`` are added when the run is
    closed. With ``fast=False``, or a header the fast path does not read
    (an unknown column, a missing one), every row takes the general path.

    >>> import csv, io
    >>> text = '''nik,kk,nama,alamat_ktp,bidang_usaha,telepon,pekerjaan,punya_kur,punya_kredit_bank_lain,jenis_pengusul,wilayah_pengusul
    ... 1871010101900001,1871010101100001,Siti,Jl. Kartini 5,warung,081234567890,pedagang,tidak,ya,dinas_kabupaten_kota,18.71
    ... 1871010101900001,1871010101100001,Siti,Jl. Kartini 5,warung,081234567890,pedagang,tidak,ya,dinas_kabupaten_kota,18.71
    ... '''
    >>> rows = csv.DictReader(io.StringIO(text))
    >>> summary = ScreeningSummary(year=2021)
    >>> with RowScreening(rows.fieldnames or (), summary=summary, year=2021) as screening:
    ...     first, second = (screening.row(n, row) for n, row in enumerate(rows, start=2))
    >>> first
    ['2', '187101******0001', 'layak', '1200000', '', '', '']
    >>> second[2:5], second[6]
    (['ganda', '0', 'bpum.duplicate_nik'], '2')
    >>> summary.eligible, summary.duplicates, summary.eligible_amount
    (1, 1, Decimal('1200000'))
    """

    def __init__(
        self,
        header: Sequence[str],
        *,
        summary: ScreeningSummary,
        year: int,
        other_bank_credit_rule: OtherBankCreditRule = OtherBankCreditRule.REGULATION_TEXT,
        rules: Timeline[Programme] = PROGRAMMES,
        lenient: bool = False,
        fast: bool = True,
    ) -> None:
        self._rule = checked_credit_rule(other_bank_credit_rule)
        self._prog = prog = programme(year, rules=rules)
        self._year = year
        self._checks = plan(prog)
        self._first_seen = _FirstSeen()
        self._summary = summary
        self._eligible = 0  # eligible rows answered by row(), added to the summary on close
        self._amount_text = str(prog.amount)
        self._zero_text = str(_ZERO)
        # The end of an eligible row's CSV line, if no cell of it needs quoting
        # (the amount is a Decimal's text: digits, a point, an exponent).
        tail = [_ELIGIBLE, self._amount_text, "", "", ""]
        self._eligible_text: str | None = (
            "," + ",".join(tail) + "\n" if not any(_QUOTED.intersection(c) for c in tail) else None
        )
        passes = cell_passes(prog, self._rule)
        quiet = QuietRows(header, lenient=lenient)
        self._passes = passes
        self._quiet = quiet if fast and passes is not None and quiet.active else None

    def __enter__(self) -> RowScreening:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Count the eligible rows into the summary; drop the duplicate index (and its file)."""
        self._summary.add_eligible(self._eligible, self._prog.amount)
        self._eligible = 0
        self._first_seen.close()

    def item(self, line: int, item: object) -> ScreeningResult:
        """The general path: the result of a record structured by the caller (counted)."""
        result = screen_one(
            line,
            item,
            self._prog,
            year=self._year,
            rule=self._rule,
            checks=self._checks,
            first_seen=self._first_seen,
        )
        self._summary.add(result)
        return result

    def row(self, line: int, data: Mapping[str, Any]) -> list[str] | None:
        """The output cells of a valid row (counted), or ``None`` for the general path."""
        quiet, passes = self._quiet, self._passes
        if quiet is None or passes is None:
            return None
        values = quiet.check(data, kk_required=passes.kk_required)
        if values is None:
            return None
        return self._cells_of(line, values, passes)

    def row_text(self, line: int, cells: Sequence[Any]) -> str | list[str] | None:
        """:meth:`row` for a row given as its cells in the order of ``header`` (no dict).

        An eligible row comes as its line of CSV text: what ``csv.writer``
        (``lineterminator="\\n"``) writes of its cells, none of which ever
        needs quoting (the line number, the masked NIK, the outcome, the
        amount and three empty cells). The other rows carry messages, which
        may: they come as cells. A row that is not plainly valid, or a header
        the fast path does not read, gives ``None``.

        >>> header = ["nik", "kk", "nama", "alamat_ktp", "bidang_usaha", "telepon",
        ...           "pekerjaan", "punya_kur", "punya_kredit_bank_lain",
        ...           "jenis_pengusul", "wilayah_pengusul"]
        >>> row = ["1871010101900001", "1871010101100001", "Siti", "Jl. Kartini 5", "warung",
        ...        "081234567890", "pedagang", "tidak", "ya", "dinas_kabupaten_kota", "18.71"]
        >>> with RowScreening(header, summary=ScreeningSummary(year=2021), year=2021) as s:
        ...     s.row_text(2, row), s.row_text(3, row)[2], s.row_text(4, row[:-1])
        ('2,187101******0001,layak,1200000,,,\\n', 'ganda', None)
        """
        quiet, passes = self._quiet, self._passes
        if quiet is None or passes is None:
            return None
        values = quiet.check_cells(cells, kk_required=passes.kk_required)
        if values is None:
            return None
        return self._cells_of(line, values, passes, text=self._eligible_text)

    @overload
    def _cells_of(
        self, line: int, values: QuietValues, passes: CellPasses, *, text: None = None
    ) -> list[str] | None: ...

    @overload
    def _cells_of(
        self, line: int, values: QuietValues, passes: CellPasses, *, text: str | None
    ) -> str | list[str] | None: ...

    def _cells_of(
        self, line: int, values: QuietValues, passes: CellPasses, *, text: str | None = None
    ) -> str | list[str] | None:
        """The output cells of a row whose values ``quiet_values`` gave, or ``None``.

        With ``text`` (the end of an eligible row's CSV line) an eligible row
        comes as its CSV line instead.
        """
        (nik_value, kk_value, name, ktp_address, address, sku, line_of_business, kbli_value,
         phone_value, job, kur, credit, previous, proposer, wni, occupation, proposer_type) = values  # fmt: skip
        eligible = passes_all(
            passes,
            citizen=wni,
            proposer=proposer_type,
            occupation=occupation,
            has_kur=kur,
            has_other_bank_credit=credit,
            business_address=address,
            ktp_address=ktp_address,
            has_sku=sku,
            previous_years=previous,
        )
        proposal = None
        if not eligible:  # built before the index learns the NIK: only a valid record counts
            try:
                proposal = Proposal(
                    nik=nik_value,
                    kk=kk_value,
                    name=name,
                    ktp_address=ktp_address,
                    business_address=address,
                    has_sku=sku,
                    line_of_business=line_of_business,
                    kbli=kbli_value,
                    phone=phone_value,
                    occupation=job,
                    has_kur=kur,
                    has_other_bank_credit=credit,
                    previous_bpum_years=previous,
                    proposer=proposer,
                    citizen=wni,
                )
            except ValueError:
                return None
        earlier = self._first_seen.setdefault(int(nik_value.digits), line)
        masked = nik_value.masked()
        # The cells are those of ``result_cells`` for the result screen_one
        # would give (the tests compare them); no result object is built.
        if earlier != line:
            self._summary.add_outcome(ScreeningOutcome.DUPLICATE, (DUPLICATE_CODE,))
            return [
                str(line),
                masked,
                ScreeningOutcome.DUPLICATE.value,
                self._zero_text,
                DUPLICATE_CODE,
                duplicate_message(masked, earlier, self._year),
                str(earlier),
            ]
        if proposal is not None:
            failed = failures(proposal, self._prog, self._rule, self._checks)
            if failed:
                codes = [code for code, _, _ in failed]
                self._summary.add_outcome(ScreeningOutcome.INELIGIBLE, codes)
                return [
                    str(line),
                    masked,
                    ScreeningOutcome.INELIGIBLE.value,
                    self._zero_text,
                    "|".join(codes),
                    "|".join(message for _, message, _ in failed),
                    "",
                ]
        self._eligible += 1
        if text is not None:
            return f"{line},{masked}{text}"
        return [str(line), masked, _ELIGIBLE, self._amount_text, "", "", ""]


_ELIGIBLE = ScreeningOutcome.ELIGIBLE.value
#: The characters that make ``csv.writer`` quote a cell (the delimiter, the quote, line ends).
_QUOTED = frozenset(',"\r\n')
