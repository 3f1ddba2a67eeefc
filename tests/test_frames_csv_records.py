"""The batched record reader of ``bpum screen --engine columns`` gives the reader's records.

``record_batches`` splits plain blocks of a CSV file with polars and hands
the rest of the file to :class:`koperasi_id._io.RecordReader`. Every record
(line number, cells, read problems) must be the one the reader's own
iteration gives, on plain files and on every kind of file that is not plain,
and the command line must write the same bytes with either engine.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pl = pytest.importorskip("polars")

from koperasi_id._io import InputRecord, open_records  # noqa: E402
from koperasi_id._limits import MAX_CELL_CHARS, MAX_LINE_CHARS  # noqa: E402
from koperasi_id.cli import bpum as cli_bpum  # noqa: E402
from koperasi_id.cli import main  # noqa: E402
from koperasi_id.frames import _csv_records  # noqa: E402
from koperasi_id.frames._csv_records import record_batches, repeated_niks_in  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PROPOSALS = ROOT / "examples" / "data" / "bpum_usulan_2021.csv"
SAMPLE = PROPOSALS.read_bytes().splitlines(keepends=True)
HEADER, ROWS = SAMPLE[0], SAMPLE[1:]

Seen = tuple[int, dict[str, Any], tuple[Any, ...]]


def _taken(record: InputRecord) -> Seen:
    return (record.line, dict(record.data), record.problems)


def via_batches(path: Path, batch_size: int) -> tuple[list[Seen], bool]:
    """Each record as (line, cells, problems), and whether the reader read any part."""
    out: list[Seen] = []
    with open_records(path) as reader:
        resumed = []
        original = reader.csv_records_in

        def spy(lines: Any) -> Any:
            resumed.append(lines)
            return original(lines)

        reader.csv_records_in = spy  # type: ignore[method-assign]
        for frame, lines, taken in record_batches(reader, batch_size, _taken):
            assert frame.height == len(lines)
            for pos, (line, row) in enumerate(zip(lines, frame.iter_rows(named=True), strict=True)):
                if pos in taken:
                    assert taken[pos][0] == line
                    out.append(taken[pos])
                else:
                    out.append((line, row, ()))
    return out, bool(resumed)


def via_reader(path: Path) -> list[Seen]:
    with open_records(path) as reader:
        return [_taken(r) for r in reader]


def _same(path: Path, *, plain: bool | None = None, sizes: tuple[int, ...] = (1, 3, 50)) -> None:
    want = via_reader(path)
    for size in sizes:
        got, resumed = via_batches(path, size)
        assert got == want
        if plain is not None:
            assert resumed is not plain


def _write(tmp_path: Path, body: bytes, name: str = "usulan.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(body)
    return path


def test_the_sample_file_is_read_by_polars_alone(tmp_path: Path) -> None:
    _same(PROPOSALS, plain=True, sizes=(7_000, 20_000))


@pytest.mark.parametrize(
    "rows",
    [
        [b"\n", b"   \n", b"\t\n", b"\xe3\x80\x80\n", b"\x1c\n"],  # blank to the reader
        [b",,,\n", b"x\n", b"  x  \n"],  # empty cells, one cell, a spaced cell
        [ROWS[0].rstrip(b"\n") + b",extra,cells\n"],  # more cells than columns
        [b",".join(ROWS[1].split(b",")[:4]) + b"\n"],  # fewer
        [ROWS[2].replace(b"\n", b"\r\n"), ROWS[3].replace(b"\n", b"\r\n"), b"\r\n"],  # CRLF
        [ROWS[4].replace(b"Jl.", b"\xef\xbb\xbfJl.", 1)],  # a BOM inside the file is text
        [ROWS[5].replace(b"Jl.", "Jl.\u2028\x85\x0b".encode(), 1)],  # not line ends to csv
        [ROWS[6].replace(b"Jl.", b"Jl." + b"a" * (MAX_CELL_CHARS - 400), 1)],  # long, in limits
        [ROWS[7].rstrip(b"\n")],  # no final line end
    ],
)
def test_plain_files_give_the_readers_records(tmp_path: Path, rows: list[bytes]) -> None:
    body = HEADER + b"".join(ROWS[:9]) + b"".join(rows) + b"".join(ROWS[9:20])
    if not rows[-1].endswith(b"\n"):
        body = HEADER + b"".join(ROWS[:9]) + rows[-1]
    _same(_write(tmp_path, body), plain=True)


@pytest.mark.parametrize(
    "bad",
    [
        b'"a quoted, cell",' + ROWS[0].split(b",", 1)[1],
        ROWS[0].replace(b"Jl.", b'"Jl.\nRT 02"', 1),  # a cell over two lines
        ROWS[0].replace(b"Jl.", b'"Jl.', 1),  # a quote left open
        ROWS[0].replace(b"Jl.", b'"Jl.' + b"\nRT" * 70 + b'"', 1),  # a cell over 71 lines
        ROWS[0].replace(b"Jl.", b"Jl.\x00", 1),
        ROWS[0].replace(b"Jl.", b"Jl.\xff\xfe", 1),  # not UTF-8
        ROWS[0].replace(b"Jl.", b"Jl.\rRT", 1),  # a lone carriage return ends a line
        ROWS[0].replace(b"Jl.", b"Jl." + b"a" * MAX_CELL_CHARS, 1),  # past the cell limit
        ROWS[0].replace(b"Jl.", b"Jl." + b"a" * MAX_LINE_CHARS, 1),  # past the line limit
    ],
)
@pytest.mark.parametrize("where", [0, 15, 39])
def test_the_reader_takes_over_from_the_first_block_not_plain(
    tmp_path: Path, bad: bytes, where: int
) -> None:
    rows = [*ROWS[:40], *ROWS[:5]]  # duplicates too
    rows.insert(where, bad)
    path = _write(tmp_path, HEADER + b"".join(rows))
    _same(path, plain=False, sizes=(1, 3, 8, 20))


@pytest.mark.parametrize(
    "head",
    [
        b"\xef\xbb\xbf" + HEADER,  # a byte-order mark
        b"\n\n  \n" + HEADER,  # blank lines before the header
        HEADER.replace(b",", b";"),  # another delimiter
        HEADER.replace(b",", b"\t"),
        HEADER.replace(b"\n", b"\r\n"),
        b" NIK ," + HEADER.split(b",", 1)[1],  # names the reader strips
    ],
)
def test_odd_headers(tmp_path: Path, head: bytes) -> None:
    delimiter = b";" if b";" in head else b"\t" if b"\t" in head else b","
    rows = [r.replace(b",", delimiter) for r in ROWS[:30]]
    _same(_write(tmp_path, head + b"".join(rows)), plain=True)


def test_a_lone_carriage_return_in_the_header_lines_reads_record_by_record(
    tmp_path: Path,
) -> None:
    # Split at "\n" alone, the lines would be numbered one less than the reader numbers them.
    path = _write(tmp_path, b"\r" + HEADER + b"".join(ROWS[:20]))
    _same(path)
    assert via_reader(path)[0][0] == 3


def test_resuming_is_only_past_the_header(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + b"".join(ROWS[:3]))
    with open_records(path) as reader, pytest.raises(ValueError, match="past its header"):
        reader.csv_records_from(0, 1)


def test_json_lines_are_read_record_by_record(tmp_path: Path) -> None:
    path = _write(tmp_path, b'{"nik": "1"}\n\n{"nik": "2"}\n', "usulan.jsonl")
    with open_records(path) as reader:
        batches = list(record_batches(reader, 10, _taken))
    assert [lines for _, lines, _ in batches] == [[1, 3]]


def _screen(path: Path, engine: str, out: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    code = main(
        ["bpum", "screen", str(path), "--year", "2021", "--engine", engine, "--out", str(out)]
    )
    captured = capsys.readouterr()
    return code, out.read_bytes(), captured.out, captured.err


@pytest.mark.parametrize(
    "extra",
    [
        [],
        [ROWS[3].replace(b"Jl.", b'"Jl.\nRT 02"', 1), ROWS[4].replace(b"Jl.", b'"Jl.', 1)],
        [ROWS[5].replace(b"Jl.", b"Jl.\xff", 1), ROWS[6].rstrip(b"\n") + b",x\n", b"\n"],
    ],
)
def test_the_command_line_writes_the_same_bytes_with_small_batches(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    extra: list[bytes],
) -> None:
    # Small batches, so that a file of a few hundred rows has plain blocks, then not.
    monkeypatch.setattr(cli_bpum, "COLUMN_BATCH", 40)
    rows = [*ROWS[:300], *extra, *ROWS[300:400], *ROWS[:20]]
    rows[50] = rows[50].replace(b"18.", b" 18.", 1)  # a spaced cell: per-record screening
    path = _write(tmp_path, HEADER + b"".join(rows))
    rows_engine = _screen(path, "rows", tmp_path / "rows.csv", capsys)
    columns_engine = _screen(path, "columns", tmp_path / "columns.csv", capsys)
    assert columns_engine == rows_engine
    assert rows_engine[0] == 0
    assert rows_engine[1].count(b"\n") == 1 + len(via_reader(path))


def test_block_bytes_follow_the_lines_seen(tmp_path: Path) -> None:
    # Blocks are sized from the lines of the last one: a file of long lines is
    # still read in whole lines, block after block.
    rows = [r.replace(b"Jl.", b"Jl." + b"b" * 3_000, 1) for r in ROWS[:60]]
    _same(_write(tmp_path, HEADER + b"".join(rows)), plain=True, sizes=(2, 7))


def test_repeated_niks_of_a_plain_file_cover_every_shared_nik(tmp_path: Path) -> None:
    rows = [*ROWS[:200], ROWS[3]]
    nik, rest = ROWS[7].split(b",", 1)
    rows.append(nik[:4] + b"-" + nik[4:] + b"," + rest)  # the same NIK, dashed
    lone = ROWS[300].split(b",", 1)[0]
    rows += [b"\n", lone + b"\n", ROWS[300]]  # a blank line; a line of a NIK alone
    rows.insert(100, ROWS[250].replace(b"Jl.", b'"Jl., 2"', 1))  # read by the reader
    rows.insert(150, ROWS[250])
    path = _write(tmp_path, HEADER + b"".join(rows))
    with open_records(path) as reader:
        found = repeated_niks_in(reader, 30)
        cells = [r.data.get("nik") or "" for r in reader]
    keys = [k for k in (re.sub(r"[^0-9]", "", c) for c in cells) if len(k) == 16]
    want = {int(k) for k in keys if keys.count(k) > 1}
    assert {int(ROWS[3].split(b",")[0]), int(nik), int(lone), int(ROWS[250][:16])} <= want
    assert found is not None
    assert set(found.to_list()) == want


@pytest.mark.parametrize(
    "body",
    [
        HEADER + b"".join(ROWS[:50]) + ROWS[0].replace(b"Jl.", b'"Jl.', 1),  # open to the end
        HEADER.replace(b"nik,", b"nomor,", 1) + b"".join(ROWS[:50]),  # no NIK column
        HEADER.replace(b"kk,", b"NIK,", 1) + b"".join(ROWS[:50]),  # two NIK columns
    ],
)
def test_repeated_niks_are_unknown_where_only_the_reader_knows_the_cells(
    tmp_path: Path, body: bytes
) -> None:
    with open_records(_write(tmp_path, body)) as reader:
        assert repeated_niks_in(reader, 20) is None


def test_plain_blocks_after_one_the_reader_read_are_split_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [*ROWS[:30], ROWS[30].replace(b"Jl.", b'"Jl., 2"', 1), *ROWS[31:90]]
    rows[60] = rows[60].replace(b"Jl.", b'"Jl.\nRT 02"', 1)
    path = _write(tmp_path, HEADER + b"".join(rows))
    split_from: list[int] = []
    real = _csv_records._split

    def spy(lines: Any, numbers: Any, *rest: Any) -> Any:
        split_from.extend(numbers.to_list())
        return real(lines, numbers, *rest)

    monkeypatch.setattr(_csv_records, "_split", spy)
    _same(path, plain=False, sizes=(5,))
    assert min(split_from) == 2
    assert max(split_from) == 92  # past both quoted records (one over two lines): polars again
    assert not {32, 62, 63} & set(split_from)  # the quoted records: the reader's


def test_a_quote_open_at_a_blocks_end_is_read_on_by_the_reader(tmp_path: Path) -> None:
    # Whatever the batch size, some block ends inside the quoted cell: the
    # reader then reads on from that block, as the whole file goes.
    rows = [*ROWS[:40]]
    rows[20] = rows[20].replace(b"Jl.", b'"Jl.\n\nRT 02\nRW 03"', 1)
    rows[33] = rows[33].replace(b"Jl.", b'"Jl.', 1)  # and one left open
    _same(_write(tmp_path, HEADER + b"".join(rows)), plain=False, sizes=(1, 2, 3, 4, 5, 6, 7))


def test_the_progress_position_moves_while_polars_reads_the_blocks() -> None:
    # The progress line reads the reader's position; the blocks are read by
    # another handle, which reports where it has got to.
    with open_records(PROPOSALS) as reader:
        seen = []
        for _frame, _lines, _taken in record_batches(reader, 2_000, lambda r: r):
            seen.append(reader.bytes_read)
        assert len(seen) >= 5
        assert seen == sorted(seen)
        assert 0 < seen[0] < seen[-1] == reader.size
