"""Differential fuzzing: ``record_batches`` against the record reader alone, on hostile files.

Files are the sample's header and lines drawn from sample rows, rows with
hostile bytes inserted (quotes, line ends inside and outside quotes, NUL, a
BOM, invalid UTF-8, U+2028, other delimiters, cells near the size limits),
blank and ragged lines, with or without a final line end; each is read with
small batches, so that plain blocks and blocks the reader reads alternate.
Every record (line number, cells, problems) must be the reader's, and the NIKs
read apart from the records must cover every NIK two records share.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from _hypothesis_optional import given, settings, st

pl = pytest.importorskip("polars")

from koperasi_id._io import open_records  # noqa: E402
from koperasi_id._limits import MAX_CELL_CHARS  # noqa: E402
from koperasi_id.frames._csv_records import repeated_niks_in  # noqa: E402
from test_frames_csv_records import HEADER, ROWS, via_batches, via_reader  # noqa: E402

_TOKENS = [
    b'"',
    b'""',
    b'"\n',
    b'\n"',
    b"\r",
    b"\n",
    b"\r\n",
    b"\r\r\n",
    b'"a\nb"',
    b'"a\r\nb"',
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xed\xa0\x80",
    "\u2028".encode(),
    "\x85\x0b\x0c\x1c".encode(),
    b"\t",
    b";",
    b",",
    b",,",
    b" ",
    "\u3000".encode(),
]
# Cells around the cell limit (and so around the plain line's bytes): "é" is two bytes.
_LONG = [
    b"a" * (MAX_CELL_CHARS - 200),
    b"a" * (MAX_CELL_CHARS - 1),
    b"a" * MAX_CELL_CHARS,
    b"a" * (MAX_CELL_CHARS + 1),
    "é".encode() * (MAX_CELL_CHARS // 2 - 100),
    "é".encode() * (MAX_CELL_CHARS // 2 + 1),
]


@st.composite
def _mutated(draw: Any) -> bytes:
    row = bytearray(draw(st.sampled_from(ROWS[:60])))
    for _ in range(draw(st.integers(1, 3))):
        token = draw(st.sampled_from(_TOKENS) | st.sampled_from(_LONG) | st.binary(max_size=4))
        at = draw(st.integers(0, len(row)))
        row[at:at] = token
    return bytes(row)


@st.composite
def _ragged(draw: Any) -> bytes:
    cells = draw(st.sampled_from(ROWS[:60])).rstrip(b"\n").split(b",")
    keep = draw(st.integers(0, len(cells) + 3))
    cells = (cells * 2)[:keep]
    return b",".join(cells) + draw(st.sampled_from([b"\n", b"\r\n"]))


_LINES = st.one_of(
    st.sampled_from(ROWS[:200]),
    _mutated(),
    st.sampled_from([b"\n", b"\r\n", b"  \n", b"\t\n", b",\n", b"\x00\n", b'"\n', b'""\n']),
    _ragged(),
)


@st.composite
def _files(draw: Any) -> bytes:
    lines = draw(st.lists(_LINES, min_size=0, max_size=40))
    if draw(st.booleans()):  # runs of sample rows, so that whole blocks are plain
        at = draw(st.integers(0, len(lines)))
        start = draw(st.integers(0, 300))
        lines[at:at] = ROWS[start : start + draw(st.integers(1, 60))]
    # The sample's header, one whose names clash with names the batches use inside,
    # names the reader strips or the screening reads in another case, an extra column;
    # blank lines before it, and its line end, with carriage returns.
    header = draw(
        st.sampled_from(
            [
                HEADER,
                HEADER.replace(b"wni", b"_id").replace(b"kk,", b"_at,"),
                HEADER.replace(b"nik,", b" NIK ,", 1),
                HEADER.replace(b"\n", b",warna\n"),
            ]
        )
    )
    header = header.replace(b"\n", draw(st.sampled_from([b"\n", b"\r\n", b"\r\r\n", b"\r"])))
    header = draw(st.sampled_from([b"", b"\n", b"\r\n", b"\r\r\n", b" \r", b"\t\n"])) + header
    body = header + b"".join(lines)
    if draw(st.booleans()):
        body = body.rstrip(b"\n")
    # Another delimiter: the commas become it, the drawn ";" and tabs stay text or not.
    return body.replace(b",", draw(st.sampled_from([b",", b",", b";", b"\t"])))


@settings(max_examples=250, deadline=None)
@given(body=_files(), batch_size=st.integers(1, 50))
def test_drawn_files_give_the_readers_records(
    tmp_path_factory: pytest.TempPathFactory, body: bytes, batch_size: int
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "usulan.csv"
    path.write_bytes(body)
    got, _ = via_batches(path, batch_size)
    assert got == via_reader(path)


@pytest.mark.parametrize("names", [b"_id", b"_at", b"_k", b"index"])
def test_column_names_like_the_batches_own_keep_their_cells(tmp_path: Path, names: bytes) -> None:
    # A block with a record the reader reads alone is put back in file order by
    # sort keys; a column of the file may have any name, these ones too.
    header = HEADER.replace(b"wni", names)
    rows = [*ROWS[:10], ROWS[10].replace(b"Jl.", b'"Jl.\nRT 02"', 1), *ROWS[11:20]]
    path = tmp_path / "usulan.csv"
    path.write_bytes(header + b"".join(rows))
    want = via_reader(path)
    assert want[10][1][names.decode()] == "ya"
    for size in (1, 4, 50):
        assert via_batches(path, size)[0] == want


@pytest.mark.parametrize("head", [b"\r\r\n" + HEADER, HEADER.replace(b"\n", b"\r\r\n")])
def test_a_carriage_return_before_crlf_in_the_header_lines(tmp_path: Path, head: bytes) -> None:
    # "\r\r\n" is two lines to the reader: split at "\n", the first record was
    # skipped as a header line, or every line numbered one less.
    path = tmp_path / "usulan.csv"
    path.write_bytes(head + b"".join(ROWS[:5]))
    want = via_reader(path)
    assert len(want) == 5
    for size in (1, 50):
        assert via_batches(path, size)[0] == want


@settings(max_examples=150, deadline=None)
@given(body=_files(), batch_size=st.integers(1, 50))
def test_repeated_niks_of_drawn_files_cover_every_shared_nik(
    tmp_path_factory: pytest.TempPathFactory, body: bytes, batch_size: int
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "usulan.csv"
    path.write_bytes(body)
    with open_records(path) as reader:
        found = repeated_niks_in(reader, batch_size)
        name = next((c for c in reader.header if c.lower() == "nik"), None)
        cells = [r.data.get(name) or "" for r in reader] if name else []
    if found is None:  # only the reader knows the cells: every NIK is indexed
        return
    keys = [k for k in (re.sub(r"[^0-9]", "", c) for c in cells) if len(k) == 16]
    assert {int(k) for k in keys if keys.count(k) > 1} <= set(found.to_list())
