"""Screening a whole proposal file: one result per record, streaming (R-BPUM-3).

The results and the run's totals are :mod:`koperasi_id.bpum._results`'s; they
are re-exported here, where the row engines import them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator

from koperasi_id.bpum._eligibility import Plan, failures, plan, record_problems
from koperasi_id.bpum._programmes import (
    PROGRAMMES,
    OtherBankCreditRule,
    Programme,
    checked_credit_rule,
    programme,
)
from koperasi_id.bpum._proposal import Proposal

# _rowscreen.py reads the zero amount here; the alias marks the re-export.
from koperasi_id.bpum._results import (
    DUPLICATE_CODE,
    SCREENING_COLUMNS,
    ScreeningOutcome,
    ScreeningResult,
    ScreeningSummary,
)
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.law import Timeline
from koperasi_id.serialization import from_dict

__all__ = [
    "DUPLICATE_CODE",
    "SCREENING_COLUMNS",
    "ScreeningOutcome",
    "ScreeningResult",
    "ScreeningSummary",
    "screen",
    "screen_numbered",
    "screen_structured",
]

# Indonesian wording for the applicant, by exact problem code, then by the
# code's first part; the detail stays in ``problems`` (in both languages).
_PROBLEM_TEXT_ID = {
    "missing": "wajib diisi",
    "unknown_field": "isian tidak dikenal",
    "row.unknown_column": "kolom tidak dikenal",
    "row.missing_column": "kolom wajib tidak ada",
    "row.extra_cells": "jumlah sel melebihi jumlah kolom",
    "encoding": "isi sel bukan teks UTF-8 yang sah; simpan berkas sebagai UTF-8",
    "csv": "baris CSV tidak dapat dibaca",
    "csv.quote": "tanda kutip pembuka tanpa penutup; periksa tanda kutip pada baris ini",
    "cell.too_long": "isi sel terlalu panjang",
    "line.too_long": "baris terlalu panjang",
    "json.depth": "JSON bersarang terlalu dalam",
    "json": "baris bukan JSON yang sah",
    "row.bool": "isi dengan ya atau tidak",
    "row.years": "tulis tahun empat angka dipisah '|', misalnya 2020|2021",
    "enum": "nilai tidak dikenal",
    "bpum.kk_required": "nomor Kartu Keluarga (KK) wajib untuk usulan tahun ini",
    "bpum.empty": "tidak boleh kosong",
    "bpum.too_long": "terlalu panjang",
    "bpum.year": "tahun tidak valid",
    "bpum.year_repeated": "tahun tercantum dua kali",
    "bpum.proposer_region": "kode wilayah tidak sesuai jenis pengusul",
    "nik": "NIK tidak valid",
    "kk": "nomor KK tidak valid",
    "kbli": "kode KBLI tidak valid",
    "phone": "nomor telepon tidak valid",
    "region": "kode wilayah tidak valid",
    "type": "jenis data salah",
}


def _message_id(problem: Problem) -> str:
    code = problem.code
    text = _PROBLEM_TEXT_ID.get(code) or _PROBLEM_TEXT_ID.get(code.split(".", 1)[0], "tidak valid")
    where = "baris" if problem.path == "$" else problem.path[2:]
    return f"Data tidak valid pada {where}: {text} [{code}]."


def _message_en(problem: Problem) -> str:
    # The problem's own message is English already (and masked where it quotes input).
    where = "the row" if problem.path == "$" else problem.path[2:]
    return f"Invalid data at {where}: {problem.message} [{problem.code}]."


def _invalid(index: int, problems: tuple[Problem, ...], nik: str | None) -> ScreeningResult:
    return ScreeningResult(
        index=index,
        outcome=ScreeningOutcome.INVALID,
        nik=nik,
        failed_codes=tuple(dict.fromkeys(p.code for p in problems)),
        messages=tuple(_message_id(p) for p in problems),
        messages_en=tuple(_message_en(p) for p in problems),
        problems=problems,
    )


Structured = Proposal | ValidationError
_NOT_STRUCTURED = Problem(
    code="type.object",
    message="expected a Proposal or the ValidationError that stopped one; "
    "use screen() for raw dicts",
    message_id="harus berupa Proposal atau ValidationError yang menghentikannya; "
    "gunakan screen() untuk dict mentah",
)


def screen_structured(
    items: Iterable[Structured],
    *,
    year: int,
    other_bank_credit_rule: OtherBankCreditRule = OtherBankCreditRule.REGULATION_TEXT,
    rules: Timeline[Programme] = PROGRAMMES,
    start: int = 0,
) -> Iterator[ScreeningResult]:
    """Screen records that are already proposals or the errors that stopped them.

    The engine under :func:`screen` and :func:`~koperasi_id.bpum.screen_rows`,
    for callers with their own parsing. An unknown ``year`` raises at once.
    """
    rule = checked_credit_rule(other_bank_credit_rule)
    prog = programme(year, rules=rules)
    return _run(enumerate(items, start), prog, year=year, rule=rule)


def screen_numbered(
    items: Iterable[tuple[int, Structured]],
    *,
    year: int,
    other_bank_credit_rule: OtherBankCreditRule = OtherBankCreditRule.REGULATION_TEXT,
    rules: Timeline[Programme] = PROGRAMMES,
) -> Iterator[ScreeningResult]:
    """:func:`screen_structured` for records that carry their own numbers.

    Each item is ``(number, proposal or error)``; the number becomes the
    result's ``index`` and a duplicate's ``duplicate_of``. A file reader passes
    line numbers, so results and messages point at lines even when blank lines
    or multi-line cells make them differ from the record count.

    >>> from koperasi_id.errors import ValidationError
    >>> bad = ValidationError.single("nik.length", "a NIK has 16 digits", message_id="NIK harus 16 digit")
    >>> [r.index for r in screen_numbered([(7, bad), (9, bad)], year=2021)]
    [7, 9]
    """
    rule = checked_credit_rule(other_bank_credit_rule)
    prog = programme(year, rules=rules)
    return _run(items, prog, year=year, rule=rule)


def duplicate_message(masked_nik: str, earlier: int, year: int) -> str:
    """The Indonesian reason of a ``DUPLICATE`` result (shared with the columnar engine).

    >>> duplicate_message("187101******0001", 2, 2021)
    'NIK 187101******0001 sudah diusulkan pada data ke-2 untuk tahun anggaran 2021; satu NIK hanya menerima satu BPUM per tahun.'
    """
    return (
        f"NIK {masked_nik} sudah diusulkan pada data ke-{earlier} untuk tahun anggaran "
        f"{year}; satu NIK hanya menerima satu BPUM per tahun."
    )


def duplicate_message_en(masked_nik: str, earlier: int, year: int) -> str:
    """The English reason of a ``DUPLICATE`` result (shared with the columnar engine).

    >>> duplicate_message_en("187101******0001", 2, 2021)
    'NIK 187101******0001 was already proposed in record 2 for budget year 2021; one NIK receives one BPUM a year.'
    """
    return (
        f"NIK {masked_nik} was already proposed in record {earlier} for budget year "
        f"{year}; one NIK receives one BPUM a year."
    )


_GOLDEN = 0x9E3779B97F4A7C15  # Fibonacci hashing: spreads keys that share their low digits


#: Distinct NIKs the duplicate check keeps in memory (4 MiB of table); past
#: that it moves them to a private temporary SQLite file, a batch at a time,
#: so screening a national file runs in about the same memory as a district's.
IN_MEMORY_NIKS = 1 << 17
# Bits of the filter that spares most NIKs a disk look-up once the index has
# spilled (2 MiB: a false "maybe" for about 1.3 % of new NIKs at a million).
_FILTER_LOG = 24
_FILTER_BITS = 1 << _FILTER_LOG
# Tables of one size merged into one of the next (see _FirstSeen._spill).
_MERGE = 8


class _FirstSeen:
    """NIK → number of its first valid record, the state of the duplicate check.

    NIKs are 16-digit numbers. Up to ``limit`` of them sit in a ``dict`` of
    ints (about 80 bytes a NIK: 10 MiB at the default limit, where a dict of
    strings without a limit cost 228 MiB at a million rows). When it holds
    ``limit`` NIKs it moves them, sorted, in one batch to a private
    temporary on-disk SQLite database (standard library; deleted on close)
    and starts empty again: exact, and memory stays flat however long the
    file is (the batches after the first are half as big, for the filter
    beside the table). A NIK the table does not hold is looked up on disk
    only when a Bloom filter of the NIKs on disk says it may be there (a
    repeat, or rarely a false alarm): a new NIK, most rows, costs no disk
    access, and each row pays its share of a batch insert. (Two arrays
    probed in Python took 16 bytes a NIK but 1.3 µs more a look-up, the
    largest single cost of a screened row after the identifier checks.)
    """

    __slots__ = (
        "_db",
        "_filter",
        "_limit",
        "_made",
        "_query",
        "_runs",
        "_table",
    )

    def __init__(self, *, limit: int | None = None) -> None:
        self._limit = IN_MEMORY_NIKS if limit is None else limit
        self._db: sqlite3.Connection | None = None
        self._filter = bytearray()
        self._runs: list[tuple[str, int]] = []  # the tables on disk, with their merge level
        self._made = 0
        self._query = ""
        self._table: dict[int, int] = {}

    def setdefault(self, key: int, value: int) -> int:
        """The number stored for ``key``; stores ``value`` first if there is none."""
        table = self._table
        found = table.get(key)
        if found is not None:
            return found
        if self._db is not None:
            earlier = self._on_disk(self._db, key)
            if earlier is not None:
                return earlier
        table[key] = value
        if len(table) >= self._limit:
            self._spill()
        return value

    def _on_disk(self, db: sqlite3.Connection, key: int) -> int | None:
        bits = self._filter
        spread = key * _GOLDEN >> 64
        first, second = spread & (_FILTER_BITS - 1), (spread >> _FILTER_LOG) & (_FILTER_BITS - 1)
        if not (bits[first >> 3] >> (first & 7) & 1 and bits[second >> 3] >> (second & 7) & 1):
            return None  # certainly not on disk
        row = db.execute(self._query, (key,) * len(self._runs)).fetchone()
        return None if row is None else int(row[0])

    def _spill(self) -> None:
        db = self._db
        if db is None:
            db = sqlite3.connect("")  # "": a private temporary file, removed on close
            db.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1024;"
                "PRAGMA temp.cache_size=-512;"
            )
            self._db = db
            self._filter = bytearray(_FILTER_BITS >> 3)
            self._limit = max(self._limit // 2, 1)
        # Each batch is a table of its own, written in key order: appending to
        # a fresh B-tree is cheap, where inserting a batch into one big tree
        # rewrites pages all over it (the cache is kept small to keep memory
        # flat), slower the bigger the tree. Every _MERGE tables of one size
        # are merged, in key order, into one of the next: a look-up asks a
        # few tables, and a NIK is copied about log(NIKs) / log(_MERGE) times.
        # Staged as they lie in the table, then sorted by SQLite's own sorter:
        # a Python list of the batch would cost more memory than the table.
        db.execute("CREATE TEMP TABLE IF NOT EXISTS stage (nik INTEGER, first INTEGER)")
        table = self._table
        db.executemany("INSERT INTO stage VALUES (?, ?)", table.items())
        # Every key is new on disk: it was looked up there before the table took it.
        self._runs.append((self._new_run(db, "SELECT nik, first FROM stage ORDER BY nik"), 0))
        db.execute("DELETE FROM stage")
        while len(self._runs) >= _MERGE and len({lv for _, lv in self._runs[-_MERGE:]}) == 1:
            merged, level = self._runs[-_MERGE:], self._runs[-1][1]
            rows = " UNION ALL ".join(f"SELECT nik, first FROM {name}" for name, _ in merged)
            name = self._new_run(db, f"SELECT * FROM ({rows}) ORDER BY nik")
            for old, _ in merged:
                db.execute(f"DROP TABLE {old}")
            self._runs[-_MERGE:] = [(name, level + 1)]
        self._query = " UNION ALL ".join(
            f"SELECT first FROM {name} WHERE nik = ?" for name, _ in self._runs
        )
        bits = self._filter
        for key in table:
            spread = key * _GOLDEN >> 64
            first = spread & (_FILTER_BITS - 1)
            second = (spread >> _FILTER_LOG) & (_FILTER_BITS - 1)
            bits[first >> 3] |= 1 << (first & 7)
            bits[second >> 3] |= 1 << (second & 7)
        # Empty again, for batches half as big as the first: with the filter
        # beside it, memory stays at the size it had reached.
        table.clear()

    def _new_run(self, db: sqlite3.Connection, rows: str) -> str:
        """A new table holding the rows of the query ``rows`` (in key order)."""
        name = f"seen{self._made}"
        self._made += 1
        db.execute(f"CREATE TABLE {name} (nik INTEGER PRIMARY KEY, first INTEGER NOT NULL)")
        db.execute(f"INSERT INTO {name} {rows}")
        return name

    def close(self) -> None:
        """Drop the temporary database, if there is one."""
        if self._db is not None:
            self._db.close()
            self._db = None


def _run(
    items: Iterable[tuple[int, object]],
    prog: Programme,
    *,
    year: int,
    rule: OtherBankCreditRule,
) -> Iterator[ScreeningResult]:
    first_seen = _FirstSeen()
    try:
        yield from _screen(items, prog, year=year, rule=rule, first_seen=first_seen)
    finally:
        first_seen.close()


def _screen(
    items: Iterable[tuple[int, object]],
    prog: Programme,
    *,
    year: int,
    rule: OtherBankCreditRule,
    first_seen: _FirstSeen,
) -> Iterator[ScreeningResult]:
    checks = plan(prog)
    for index, item in items:
        yield screen_one(
            index, item, prog, year=year, rule=rule, checks=checks, first_seen=first_seen
        )


def screen_one(
    index: int,
    item: object,
    prog: Programme,
    *,
    year: int,
    rule: OtherBankCreditRule,
    checks: Plan,
    first_seen: _FirstSeen,
) -> ScreeningResult:
    """The result of one record, ``first_seen`` holding the NIKs of the valid ones before it."""
    if isinstance(item, ValidationError):
        return _invalid(index, item.problems, None)
    if not isinstance(item, Proposal):
        return _invalid(index, (_NOT_STRUCTURED,), None)
    nik = item.nik.masked()
    missing = record_problems(item, prog)
    if missing:
        return _invalid(index, missing, nik)
    earlier = first_seen.setdefault(int(str(item.nik)), index)
    if earlier != index:
        return duplicate_result(index, nik, earlier, year)
    failed = failures(item, prog, rule, checks)
    if failed:
        return ineligible_result(index, nik, failed)
    return ScreeningResult(
        index=index, outcome=ScreeningOutcome.ELIGIBLE, nik=nik, amount=prog.amount
    )


def result_cells(result: ScreeningResult) -> list[str]:
    """The cells of ``result`` in a screening CSV file (:data:`SCREENING_COLUMNS`)."""
    duplicate = result.duplicate_of
    return [
        str(result.index),
        result.nik or "",
        result.outcome.value,
        str(result.amount),
        "|".join(result.failed_codes),
        "|".join(result.messages),
        "" if duplicate is None else str(duplicate),
    ]


def duplicate_result(index: int, nik: str, earlier: int, year: int) -> ScreeningResult:
    """The ``DUPLICATE`` result of record ``index`` (masked ``nik``), first seen at ``earlier``."""
    return ScreeningResult(
        index=index,
        outcome=ScreeningOutcome.DUPLICATE,
        nik=nik,
        failed_codes=(DUPLICATE_CODE,),
        messages=(duplicate_message(nik, earlier, year),),
        messages_en=(duplicate_message_en(nik, earlier, year),),
        duplicate_of=earlier,
    )


def ineligible_result(index: int, nik: str, failed: list[tuple[str, str, str]]) -> ScreeningResult:
    """The ``INELIGIBLE`` result of record ``index`` from its :func:`failures`."""
    return ScreeningResult(
        index=index,
        outcome=ScreeningOutcome.INELIGIBLE,
        nik=nik,
        failed_codes=tuple(code for code, _, _ in failed),
        messages=tuple(message for _, message, _ in failed),
        messages_en=tuple(message for _, _, message in failed),
    )


def _structure(
    parse: Callable[[object], Proposal], records: Iterable[object]
) -> Iterator[Structured]:
    for record in records:
        if isinstance(record, Proposal):
            yield record
            continue
        try:
            yield parse(record)
        except ValidationError as err:
            yield err


def screen(
    records: Iterable[object],
    *,
    year: int,
    other_bank_credit_rule: OtherBankCreditRule = OtherBankCreditRule.REGULATION_TEXT,
    rules: Timeline[Programme] = PROGRAMMES,
    start: int = 0,
    lenient: bool = False,
) -> Iterator[ScreeningResult]:
    """Screen a stream of proposals for budget ``year``, one result per record, in order.

    ``records`` may mix :class:`Proposal` objects and wire-format dicts (as
    from JSON); a dict that does not structure becomes an ``INVALID`` result
    with every problem and its path. The second and later *valid* records with
    the same NIK are ``DUPLICATE``. Memory stays constant in the number of
    records apart from one entry per distinct NIK. ``lenient`` ignores unknown
    keys in dicts. An unknown ``year`` raises at once, before any record is read.

    >>> base = {"name": "Siti", "ktp_address": "Jl. Kartini 5", "line_of_business": "warung",
    ...         "phone": "081234567890", "occupation": "pedagang", "has_kur": False,
    ...         "has_other_bank_credit": False,
    ...         "proposer": {"type": "dinas_kabupaten_kota", "region": "18.71"}}
    >>> rows = [
    ...     {**base, "nik": "1871010101900001"},
    ...     {**base, "nik": "1871011507850003", "occupation": "asn"},
    ...     {**base, "nik": "1871010101900001"},
    ...     {**base, "nik": "12345"},
    ... ]
    >>> for r in screen(rows, year=2020):
    ...     print(r.index, r.outcome.value, r.nik, r.failed_codes, r.amount)
    0 layak 187101******0001 () 2400000
    1 tidak_layak 187101******0003 ('bpum.occupation_excluded',) 0
    2 ganda 187101******0001 ('bpum.duplicate_nik',) 0
    3 tidak_valid None ('nik.length',) 0
    """
    if lenient:

        def parse(record: object) -> Proposal:
            return from_dict(Proposal, record, lenient=True)
    else:

        def parse(record: object) -> Proposal:
            return from_dict(Proposal, record)

    return screen_structured(
        _structure(parse, records),
        year=year,
        other_bank_credit_rule=other_bank_credit_rule,
        rules=rules,
        start=start,
    )
