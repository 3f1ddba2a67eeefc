"""The CSV reader splits a line without a quote itself: the records are csv.reader's (issue 18).

``RecordReader`` hands only lines holding a quote to :mod:`csv`; a line
without one is split at the delimiter in place. The oracle here is the
reader as it was before, every line through ``csv.reader`` (copied below):
both read the same files, drawn from the characters that matter to CSV
(delimiters, quotes, every line end, NUL, spaces, bytes that are not UTF-8,
over-long lines), and must give the same records: line numbers, cells and
problems.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from _hypothesis_optional import given, settings, st
from koperasi_id import _input_records, _io
from koperasi_id._io import InputRecord, RecordReader, open_records
from koperasi_id._lines import CsvLines, LongLine, Unclosed


def _records_through_csv(reader: RecordReader) -> Iterator[InputRecord]:
    """The reader's records with every line read by csv.reader (its code before issue 18)."""
    assert reader.delimiter is not None
    feed = CsvLines(reader._lines, delimiter=reader.delimiter, width=len(reader.header))
    while True:
        rows = csv.reader(feed, delimiter=reader.delimiter)
        try:
            for cells in rows:
                lines = feed.take()
                if not cells or (len(cells) == 1 and not cells[0].strip()):
                    continue
                yield reader._csv_record(cells, lines[-1][0], feed.chars)
            return
        except Unclosed:
            lines = feed.take()
            yield _input_records._unclosed_quote(lines[0][0], len(lines) > 1)
            feed.read_again(lines[1:])
        except LongLine as long_line:
            feed.take()
            yield _input_records._long_line(long_line.number, flat=True)
        except csv.Error as exc:
            lines = feed.take()
            yield _input_records._problem_record(
                lines[0][0],
                "csv",
                f"unreadable CSV row: {exc}",
                f"baris CSV tidak dapat dibaca: {exc}",
            )


def _both(path: Path) -> tuple[list[InputRecord], int]:
    """Read ``path`` both ways and compare; its records and how many came as clean rows."""
    refusal = ""
    try:
        with open_records(path) as reader:
            got = list(reader)
    except _io.InputError as first:
        refusal = str(first)
    if refusal:
        with pytest.raises(_io.InputError) as again:  # the same refusal, the same words
            open_records(path)
        assert str(again.value) == refusal
        return [], 0
    with open_records(path) as reader:
        expected = list(_records_through_csv(reader))
    assert got == expected
    with open_records(path) as reader:  # a clean row as its cells: the same record
        items = list(reader.rows_or_records())
        assert [reader.record_of(*i) if isinstance(i, tuple) else i for i in items] == expected
    clean = [
        record for item, record in zip(items, expected, strict=True) if isinstance(item, tuple)
    ]
    assert not any(record.problems for record in clean)
    return got, len(clean)


_HEADER = b"nik,nama,alamat\n"
_PIECES = [b"a", b"1871010101900001", b"x y", b",", b";", b"\t", b'"', b'""', b"\n", b"\r",
           b"\r\n", b"\x00", b" ", b"\xc2\xa0", b"\xff", b"\xe2\x80\xa8", b"\x0b", b"\x1c",
           b"\xef\xbb\xbf", b"\xd9\xa1"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    header=st.sampled_from([_HEADER, b"nik;nama;alamat\r\n", b"nik\tnama\n", b"\n\nnik,nama\r"]),
    body=st.lists(st.sampled_from(_PIECES), max_size=40),
)
def test_drawn_files_read_as_csv_reader_reads_them(
    header: bytes, body: list[bytes], tmp_path_factory: Any
) -> None:
    path = tmp_path_factory.mktemp("plain") / "in.csv"
    path.write_bytes(header + b"".join(body))
    _both(path)


def test_over_long_lines_and_quotes_across_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The exact cell check of long rows: the reader's clean-row test and the cell check.
    monkeypatch.setattr(_io, "MAX_CELL_CHARS", 8)
    monkeypatch.setattr(_input_records, "MAX_CELL_CHARS", 8)
    path = tmp_path / "in.csv"
    lines = [
        b"nik,nama,alamat",
        b"a,b,c",
        b'a,"b\nc",d',  # a quoted cell over two lines
        b'a,"b,c',  # never closed: the lines after it are read again
        b"d,e,f",
        b"g,h,i,j",  # more cells than the header
        b"k,l",  # fewer
        b"x" * 20 + b",y,z",  # a cell past the (patched) limit
        b"n,\x00,o",
        b"p,\xff,q",
        b"",
        b" ",
    ]
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    records, clean = _both(path)
    assert clean == 2  # "a,b,c" and "d,e,f"
    assert [r.line for r in records] == [2, 4, 5, 6, 7, 8, 9, 10, 11]
    codes = [[p.code for p in r.problems] for r in records]
    assert codes[2] == ["csv.quote"]
    assert codes[4] == ["row.extra_cells"]
    assert codes[6] == ["cell.too_long"]


def test_a_line_past_the_line_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import koperasi_id._limits as limits  # noqa: PLC0415

    monkeypatch.setattr(limits, "MAX_LINE_CHARS", 40)
    path = tmp_path / "in.csv"
    path.write_bytes(b"nik,nama\r\na,b\r\n" + b"c," * 30 + b"\r\n" + b'"d' + b"e" * 60 + b"\nf,g\n")
    records, _ = _both(path)
    assert [(r.line, [p.code for p in r.problems]) for r in records] == [
        (2, []),
        (3, ["line.too_long"]),
        (4, ["line.too_long"]),
        (5, []),
    ]
