"""Screening the rows of one CSV file, with a fast path for the plainly valid row (issue 18).

Most rows of a proposal file are valid, not repeated and eligible. For such
a row :meth:`RowScreening.row` checks the cells with the value types' own
``parse`` (the identifier rules stay in one place) and the programme's pass
sets (:func:`~koperasi_id.bpum._eligibility.cell_passes`, read from the
dated programme once per run), and hands back the seven output cells: no
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
from typing import Any

from koperasi_id._limits import MAX_CELL_CHARS
from koperasi_id.bpum._eligibility import cell_passes, failures, passes_all, plan
from koperasi_id.bpum._phone import PhoneNumber
from koperasi_id.bpum._programmes import (
    PROGRAMMES,
    OtherBankCreditRule,
    Programme,
    checked_credit_rule,
    programme,
)
from koperasi_id.bpum._proposal import MAX_TEXT_LENGTH, Proposal, _plain_years
from koperasi_id.bpum._rows import (
    _BOOLS,
    _OCCUPATIONS,
    _direct_plan,
    _kbli,
    _proposer,
    _refuse,
    _years,
)
from koperasi_id.bpum._screening import (
    _ZERO,
    DUPLICATE_CODE,
    ScreeningOutcome,
    ScreeningResult,
    ScreeningSummary,
    _FirstSeen,
    duplicate_message,
    screen_one,
)
from koperasi_id.identifiers import Nik, NomorKk
from koperasi_id.law import Timeline

__all__ = ["RowScreening"]


class RowScreening:
    """One screening run over rows read under ``header`` (the CSV file's column names).

    ``row`` takes a row as the file reader gives it (column name → cell,
    every column of ``header``) and returns the output cells
    (:data:`~koperasi_id.bpum.SCREENING_COLUMNS`) of a valid row, or
    ``None``: then the caller structures the record its own way and passes
    it to :meth:`item`, which returns the result. Both count into
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
        passes = cell_passes(prog, self._rule)
        get = _direct_plan(tuple(header), lenient)
        self._passes = passes
        self._get = get if fast and passes is not None and get is not _refuse else None
        self._width = len(header)

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
        get, passes = self._get, self._passes
        if get is None or passes is None or len(data) != self._width:
            return None
        cells = get(data)
        try:
            if len("".join(cells)) > MAX_CELL_CHARS:
                return None  # a cell may be too long: the general path says which
        except TypeError:
            return None  # a missing cell (a short row)
        (nik, kk, name, ktp_address, business_address, has_sku, line_of_business, kbli, phone,
         occupation, has_kur, other_credit, years, proposer_type, proposer_region, citizen) = map(
            str.strip, cells
        )  # fmt: skip
        if not (
            nik
            and name
            and ktp_address
            and line_of_business
            and phone
            and proposer_region
            and (kk or not passes.kk_required)
            # Proposal's text checks: a stripped, non-empty cell is never blank.
            and len(name) <= MAX_TEXT_LENGTH
            and len(ktp_address) <= MAX_TEXT_LENGTH
            and len(line_of_business) <= MAX_TEXT_LENGTH
            and len(business_address) <= MAX_TEXT_LENGTH
        ):
            return None
        try:
            nik_value = Nik.parse(nik)
            kk_value = NomorKk.parse(kk) if kk else None
            kbli_value = _kbli(kbli) if kbli else None
            phone_value = PhoneNumber.parse(phone)
            proposer = _proposer(proposer_type, proposer_region)
            sku = _BOOLS[has_sku.lower()] if has_sku else False
            kur = _BOOLS[has_kur.lower()]
            credit = _BOOLS[other_credit.lower()]
            wni = _BOOLS[citizen.lower()] if citizen else True
            job = _OCCUPATIONS[occupation]
            previous = _years(years) if years else ()
        except (KeyError, ValueError):  # ValidationError is a ValueError
            return None
        if (
            nik_value.warnings
            or (kk_value is not None and kk_value.warnings)
            or (kbli_value is not None and kbli_value.warnings)
            or phone_value.warnings
            or proposer.region.warnings
            or (previous and not _plain_years(previous))
        ):
            return None  # the general path counts the warnings or reports the problem
        address = business_address or None
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
        return [str(line), masked, _ELIGIBLE, self._amount_text, "", "", ""]


_ELIGIBLE = ScreeningOutcome.ELIGIBLE.value
