"""The values of a plainly valid CSV row, read without the general path (issue 18).

Shared by ``bpum screen --engine rows`` (:class:`~koperasi_id.bpum._rowscreen.RowScreening`)
and ``validate --type bpum-proposal --engine rows``. :func:`quiet_values`
reads a row's cells with the value types' own ``parse`` (the identifier
rules stay in one place) and look-up tables, builds no message and no
:class:`~koperasi_id.bpum.Proposal`, and answers ``None`` for any row it is
not certain about: an empty, unknown or too long cell, a value that fails
or carries a warning. Such a row goes to the general path
(:func:`~koperasi_id.bpum.structure_row`), which names every problem; a
row the fast path answers structures into a valid proposal without
warnings (the tests compare the two ways on hostile rows).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from koperasi_id._limits import MAX_CELL_CHARS
from koperasi_id.bpum._phone import PhoneNumber
from koperasi_id.bpum._proposal import MAX_TEXT_LENGTH, _plain_years
from koperasi_id.bpum._rows import (
    _BOOLS,
    _OCCUPATIONS,
    _direct_plan,
    _kbli,
    _proposer,
    _refuse,
    _years,
)
from koperasi_id.identifiers import Nik, NomorKk

__all__ = ["QuietRows", "quiet_values"]

#: What :func:`quiet_values` gives: the fifteen fields of a ``Proposal`` in
#: declaration order, then the stripped occupation and proposer-type cells
#: (the pass sets of screening hold the texts: an enum's hash is a Python call).
QuietValues = tuple[Any, ...]


def quiet_values(cells: Sequence[Any], *, kk_required: bool = False) -> QuietValues | None:
    """The values of a row's cells (in ``PROPOSAL_COLUMNS`` order) if they are plainly valid.

    ``None`` when the row is not certainly a valid proposal whose values
    carry no warning (or, with ``kk_required``, when its KK cell is empty):
    the general path then decides, and says why.

    >>> from koperasi_id.bpum import PROPOSAL_COLUMNS
    >>> row = dict.fromkeys(PROPOSAL_COLUMNS, "")
    >>> row.update(nik="1871010101900001", nama="Siti", alamat_ktp="Jl. Kartini 5",
    ...            bidang_usaha="warung", telepon="081234567890", pekerjaan="pedagang",
    ...            punya_kur="tidak", punya_kredit_bank_lain=" ya ",
    ...            jenis_pengusul="dinas_kabupaten_kota", wilayah_pengusul="18.71")
    >>> values = quiet_values(list(row.values()))
    >>> values[0], values[10:12], values[-2:]
    (Nik('187101******0001'), (False, True), ('pedagang', 'dinas_kabupaten_kota'))
    >>> quiet_values(list(row.values()), kk_required=True) is None  # no KK: the general path
    True
    >>> quiet_values(list({**row, "telepon": "0812"}.values())) is None
    True
    """
    try:
        if len("".join(cells)) > MAX_CELL_CHARS:
            return None  # a cell may be too long: the general path says which
    except TypeError:
        return None  # a missing cell (a short row) or one that is not text
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
        and (kk or not kk_required)
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
        proposer = _proposer(proposer_type, proposer_region)  # checks the region's level too
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
    return (
        nik_value, kk_value, name, ktp_address, business_address or None, sku, line_of_business,
        kbli_value, phone_value, job, kur, credit, previous, proposer, wni,
        occupation, proposer_type,
    )  # fmt: skip


class QuietRows:
    """Which rows read under ``header`` are valid proposals without warnings, at a glance.

    :meth:`check` takes a row as the file reader gives it (column name →
    cell, every column of ``header``) and returns its values
    (:func:`quiet_values`) or ``None`` for the general path; so does every row
    under a header the fast path does not read (an unknown column unless
    ``lenient``, a missing required one, two names for one column).

    >>> quiet = QuietRows(["nik", "warna"])
    >>> quiet.active, quiet.check({"nik": "1871010101900001", "warna": "biru"})
    (False, None)
    """

    def __init__(self, header: Sequence[str], *, lenient: bool = False) -> None:
        get = _direct_plan(tuple(header), lenient)
        self._get: Callable[[Any], tuple[Any, ...]] | None = None
        self._at: Callable[[Any], tuple[Any, ...]] | None = None
        if get is not _refuse:
            self._get = get
            self._at = _by_position(get(dict(zip(header, range(len(header)), strict=True))))
        self._width = len(header)

    @property
    def active(self) -> bool:
        """Whether any row can be answered here (the header is one the fast path reads)."""
        return self._get is not None

    def check(self, data: Mapping[str, Any], *, kk_required: bool = False) -> QuietValues | None:
        """The values of a plainly valid row, or ``None``: see :func:`quiet_values`."""
        get = self._get
        if get is None or len(data) != self._width:
            return None
        return quiet_values(get(data), kk_required=kk_required)

    def check_cells(self, cells: Sequence[Any], *, kk_required: bool = False) -> QuietValues | None:
        """The same for a row given as its cells, in the order of ``header``."""
        at = self._at
        if at is None or len(cells) != self._width:
            return None
        return quiet_values(at(cells), kk_required=kk_required)


def _by_position(positions: tuple[Any, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A getter of a row's cells in ``PROPOSAL_COLUMNS`` order from where the header has them.

    ``positions`` holds a column's index in the header, or an empty text for
    an optional column the header lacks (read as an empty cell).
    """
    if all(type(at) is int for at in positions):
        return operator.itemgetter(*positions)
    where = [at if type(at) is int else None for at in positions]

    def padded(cells: Any) -> tuple[Any, ...]:
        return tuple("" if at is None else cells[at] for at in where)

    return padded
