"""Picklable batch functions: plain data in, plain data out (private module)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from koperasi_id import _json, _limits, bpum
from koperasi_id._lines import CsvLines, LongLine, Unclosed, unclosed_quote_message
from koperasi_id.errors import RuleInputError, ValidationError
from koperasi_id.identifiers import Nik
from koperasi_id.serialization import from_dict, to_dict

__all__ = [
    "Record",
    "ResultDict",
    "as_duplicate",
    "nik_keys",
    "read_csv_lines",
    "read_jsonl_lines",
    "screen_records",
    "screen_rows",
    "validate_records",
]

#: One screening result or validation outcome as plain, JSON-ready data.
ResultDict = dict[str, Any]
#: A wire-format dict, or the ValidationError that stopped reading one.
Record = Mapping[str, Any] | ValidationError

_REGULATION_TEXT = bpum.OtherBankCreditRule.REGULATION_TEXT


def _structured(
    records: Iterable[object], lenient: bool
) -> Iterator[bpum.Proposal | ValidationError]:
    for record in records:
        if isinstance(record, ValidationError | bpum.Proposal):
            yield record
            continue
        try:
            yield from_dict(bpum.Proposal, record, lenient=lenient)
        except ValidationError as err:
            yield err


def _renumbered(results: list[ResultDict], indices: Sequence[int] | None) -> list[ResultDict]:
    if indices is None:
        return results
    if len(indices) != len(results):
        # The caller's arguments disagree: a library error, never a bare ValueError.
        raise RuleInputError(f"{len(indices)} indices for {len(results)} records")
    by_position = {r["index"]: i for i, r in enumerate(results)}
    for result, index in zip(results, indices, strict=True):
        result["index"] = index
        earlier = result["duplicate_of"]
        if earlier is not None:
            result["duplicate_of"] = indices[by_position[earlier]]
    return results


def screen_records(
    records: Iterable[object],
    *,
    year: int,
    start: int = 0,
    indices: Sequence[int] | None = None,
    other_bank_credit_rule: bpum.OtherBankCreditRule = _REGULATION_TEXT,
    lenient: bool = False,
) -> list[ResultDict]:
    """Screen wire-format dicts (JSON records) for BPUM ``year``; one plain dict per record.

    The same results as :func:`koperasi_id.bpum.screen`, each as
    ``to_dict(result)``: ``index``, ``outcome`` (``"layak"``, ...), masked
    ``nik``, ``failed_codes``, ``messages``, ``problems`` (path, code,
    message), ``amount`` (decimal string) and ``duplicate_of``. A record may
    also be the ValidationError that stopped reading it (a bad JSON line); it
    becomes an ``INVALID`` result. ``indices`` numbers the records yourself
    (row numbers of a partition that is not contiguous, as after a shuffle);
    otherwise they count from ``start``.

    >>> base = {"name": "Siti", "ktp_address": "Jl. Kartini 5", "line_of_business": "warung",
    ...         "phone": "081234567890", "occupation": "pedagang", "has_kur": False,
    ...         "has_other_bank_credit": False,
    ...         "proposer": {"type": "dinas_kabupaten_kota", "region": "18.71"}}
    >>> out = screen_records([{**base, "nik": "1871010101900001"},
    ...                       {**base, "nik": "1871010101900001"}], year=2020, indices=[10, 42])
    >>> [(r["index"], r["outcome"], r["amount"], r["duplicate_of"]) for r in out]
    [(10, 'layak', '2400000', None), (42, 'ganda', '0', 10)]
    """
    results = bpum.screen_structured(
        _structured(records, lenient),
        year=year,
        other_bank_credit_rule=other_bank_credit_rule,
        start=start,
    )
    return _renumbered([to_dict(r) for r in results], indices)


def screen_rows(
    rows: Iterable[Sequence[str | None] | ValidationError],
    *,
    header: Sequence[str],
    year: int,
    start: int = 0,
    indices: Sequence[int] | None = None,
    other_bank_credit_rule: bpum.OtherBankCreditRule = _REGULATION_TEXT,
    lenient: bool = False,
) -> list[ResultDict]:
    """Screen CSV-format rows given as lists of cells under ``header`` (no pandas needed).

    The same results as :func:`koperasi_id.bpum.screen_rows` on the same
    rows, as plain dicts (see :func:`screen_records`); problem paths name
    the columns. A row with fewer cells than the header lacks the last
    columns; one with more is reported as ``row.extra_cells``, as
    :class:`csv.DictReader` would. A row may also be the ValidationError
    that stopped reading it (from :func:`read_csv_lines`): an ``INVALID`` result.

    >>> header = ["nik", "kk", "nama", "alamat_ktp", "bidang_usaha", "telepon", "pekerjaan",
    ...           "punya_kur", "punya_kredit_bank_lain", "jenis_pengusul", "wilayah_pengusul"]
    >>> rows = [["1871010101900001", "1871010101100001", "Siti", "Jl. Kartini 5", "warung",
    ...          "081234567890", "asn", "tidak", "tidak", "dinas_kabupaten_kota", "18.71"]]
    >>> [(r["outcome"], r["failed_codes"]) for r in screen_rows(rows, header=header, year=2021)]
    [('tidak_layak', ['bpum.occupation_excluded'])]
    """
    names = list(header)
    width = len(names)

    def structured() -> Iterator[bpum.Proposal | ValidationError]:
        for row in rows:
            if isinstance(row, ValidationError):  # a line read_csv_lines could not split
                yield row
                continue
            data: dict[Any, Any] = dict(zip(names, row, strict=False))
            if len(row) > width:
                data[None] = list(row[width:])
            elif len(row) < width:
                for name in names[len(row) :]:
                    data[name] = None
            yield bpum.structure_row(data, lenient=lenient)

    results = bpum.screen_structured(
        structured(),
        year=year,
        other_bank_credit_rule=other_bank_credit_rule,
        start=start,
    )
    return _renumbered([to_dict(r) for r in results], indices)


def validate_records(
    cls: type, records: Iterable[object], *, start: int = 0, lenient: bool = False
) -> list[ResultDict]:
    """Structure each record into ``cls``; report ``{index, valid, problems}`` per record.

    Works for every entity of the library (``kur.KurApplication``,
    ``cooperatives.Cooperative``, ...). Problems are plain dicts with the
    field path, code and message in English (``message``) and Indonesian
    (``message_id``).

    >>> from koperasi_id.msme import Business
    >>> validate_records(Business, [{"name": "Warung", "owner_nik": "1871010101900001",
    ...                              "started_on": "2019-03-01"}, {"name": 7}])[1]["problems"][0]
    {'path': '$.name', 'code': 'type.str', 'message': 'expected a string, got int', 'message_id': 'harus berupa teks, bukan int'}
    """
    out: list[ResultDict] = []
    for index, record in enumerate(records, start):
        try:
            from_dict(cls, record, lenient=lenient)
        except ValidationError as err:
            out.append(
                {"index": index, "valid": False, "problems": [to_dict(p) for p in err.problems]}
            )
        else:
            out.append({"index": index, "valid": True, "problems": []})
    return out


def read_jsonl_lines(lines: Iterable[str]) -> Iterator[Record]:
    """Parse JSON Lines text into records for :func:`screen_records` (blank lines skipped).

    Numbers with a fraction are read as Decimal, as everywhere in the
    library. A line that is not a JSON object yields the ValidationError
    saying so, so it is screened as ``INVALID`` rather than lost; so does a
    line longer than the line limit or nested past the depth limit (see
    "Limits and personal data" in the guide), before any parsing.

    >>> [type(r).__name__ for r in read_jsonl_lines(['{"a": 1.5}\\n', '\\n', '[1]', '{x'])]
    ['dict', 'ValidationError', 'ValidationError']
    >>> [e.problems[0].code for e in read_jsonl_lines(["[" * 100_000, '"' + "x" * 2**20 + '"'])]
    ['json.depth', 'line.too_long']
    """
    for line in lines:
        if len(line) > _limits.MAX_LINE_CHARS and len(line.rstrip("\r\n")) > _limits.MAX_LINE_CHARS:
            yield _long_line(_limits.MAX_LINE_CHARS)
            continue
        if not line.strip():
            continue
        # A file saved "with BOM" starts its first line with U+FEFF, which
        # json.loads refuses; the command line reads such files as utf-8-sig.
        if line.startswith("\ufeff"):
            line = line[1:]  # noqa: PLW2901
        try:
            value = _json.loads(line, unique_keys=True)  # bounded; a key named once
        except ValidationError as err:
            yield err
            continue
        if isinstance(value, dict):
            yield value
        else:
            yield ValidationError.single(
                "type.object",
                f"expected a JSON object, got {type(value).__name__}",
                message_id=f"harus berupa objek JSON, bukan {type(value).__name__}",
            )


def read_csv_lines(
    lines: Iterable[str], *, delimiter: str = ","
) -> Iterator[list[str] | ValidationError]:
    """Split CSV lines into cell lists, skipping blank lines as :class:`csv.DictReader` does.

    A quoted cell may span lines, but a quote that does not close before a
    line that reads as a row of its own (or before the last line) is taken
    as unclosed, as the command line takes it: its line yields the
    ValidationError ``csv.quote`` and every later line is read as its own
    record, so no record is swallowed. A line past the line limit yields
    ``line.too_long``. :func:`screen_rows` screens such errors as
    ``INVALID`` rows; each input record gives exactly one item.

    >>> list(read_csv_lines(['a,"b, c"\\n', '\\n', 'd\\n']))
    [['a', 'b, c'], ['d']]
    >>> list(read_csv_lines(['a;b,c\\n'], delimiter=";"))
    [['a', 'b,c']]
    >>> [r if isinstance(r, list) else r.problems[0].code
    ...  for r in read_csv_lines(['a,b,c\\n', '1,"x,3\\n', '4,5,6\\n'])]
    [['a', 'b', 'c'], 'csv.quote', ['4', '5', '6']]
    """
    limit = _limits.MAX_LINE_CHARS
    numbered = (
        (number, line if len(line) <= limit or len(line.rstrip("\r\n")) <= limit else None)
        for number, line in enumerate(lines)
    )
    feed = CsvLines(numbered, delimiter=delimiter, width=None)
    learned = False
    while True:
        # A fresh csv.reader after every stop: the old one may be inside a cell.
        reader = csv.reader(feed, delimiter=delimiter)
        try:
            for row in reader:
                feed.take()
                if row:
                    if not learned:
                        feed.expect_width(len(row))
                        learned = True
                    yield row
            return
        except Unclosed:
            rest = feed.take()[1:]
            yield ValidationError.single(
                "csv.quote",
                unclosed_quote_message(bool(rest)),
                message_id=unclosed_quote_message(bool(rest), "id"),
            )
            feed.read_again(rest)
        except LongLine:
            feed.take()
            yield _long_line(limit)
        except csv.Error as exc:
            feed.take()
            yield ValidationError.single(
                "csv",
                f"unreadable CSV row: {exc}",
                message_id=f"baris CSV tidak dapat dibaca: {exc}",
            )


def _long_line(limit: int) -> ValidationError:
    return ValidationError.single(
        "line.too_long",
        f"the line is longer than {limit:,} characters",
        message_id=f"baris lebih panjang dari {limit:,} karakter",
    )


def _nik_key(raw: object) -> str | None:
    try:
        return str(Nik.parse(raw))
    except ValidationError:
        return None


def _column(header: Sequence[str], name: str) -> int | None:
    for i, column in enumerate(header):
        if not isinstance(column, str):
            raise RuleInputError(f"header cells are text, not {type(column).__name__}")
        if column.strip().lstrip("\ufeff").strip().lower() == name:
            return i
    return None


def nik_keys(
    results: Sequence[ResultDict],
    records: Sequence[object],
    *,
    header: Sequence[str] | None = None,
) -> list[str | None]:
    """The canonical NIK behind each non-INVALID result (what duplicates are judged on)."""
    column = _column(header, "nik") if header is not None else None
    keys: list[str | None] = []
    if len(results) != len(records):
        raise RuleInputError(f"{len(results)} results for {len(records)} records")
    for result, record in zip(results, records, strict=True):
        outcome = result.get("outcome") if isinstance(result, Mapping) else None
        if outcome is None:
            raise RuleInputError(
                "each result is a screening result with an 'outcome' (from screen_records)"
            )
        if outcome == bpum.ScreeningOutcome.INVALID.value:
            keys.append(None)
        elif header is None:
            # A record without a NIK has no key: it cannot duplicate anything.
            keys.append(_nik_key(record.get("nik")) if isinstance(record, Mapping) else None)
        else:
            cells = record if isinstance(record, Sequence) else ()
            raw = cells[column] if column is not None and column < len(cells) else None
            keys.append(_nik_key(raw.strip() if isinstance(raw, str) else raw))
    return keys


def as_duplicate(
    record: object,
    *,
    index: int,
    first: int,
    year: int,
    header: Sequence[str] | None = None,
    other_bank_credit_rule: bpum.OtherBankCreditRule = _REGULATION_TEXT,
    lenient: bool = False,
) -> ResultDict:
    """The DUPLICATE result of ``record`` at ``index`` whose NIK was first seen at ``first``.

    Built by the library itself (the record screened twice), so the wording
    and masking are exactly those of a single-process run.
    """
    options: dict[str, Any] = {
        "year": year,
        "start": first,
        "other_bank_credit_rule": other_bank_credit_rule,
        "lenient": lenient,
    }
    if header is None:
        pair = screen_records([record, record], **options)
    else:
        assert isinstance(record, Sequence)
        pair = screen_rows([record, record], header=header, **options)
    result = pair[1]
    if result["outcome"] != bpum.ScreeningOutcome.DUPLICATE.value:
        raise RuleInputError("the record is not a valid proposal, so it cannot be a duplicate")
    return {**result, "index": index}
