"""Record files at and past every size limit, unclosed quotes, headerless files, atomic output."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from koperasi_id import _limits
from koperasi_id._io import InputError, OutputError, atomic_output, open_records
from koperasi_id._lines import NumberedLines, json_too_deep

NIK = "1871010101900001"  # synthetic
KK = "1871010101100001"  # synthetic


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def read(path: Path) -> list[tuple[int, tuple[str, ...], dict[str, object]]]:
    with open_records(path) as reader:
        return [(r.line, tuple(p.code for p in r.problems), dict(r.data)) for r in reader]


# --- header width and the duplicate check ----------------------------------------


def test_a_40000_column_header_is_refused_at_once(tmp_path: Path) -> None:
    header = ",".join(f"c{i}" for i in range(40_000)).encode()
    with pytest.raises(InputError, match=r"40,000 columns; at most 16,384"):
        open_records(write(tmp_path, "wide.csv", header + b"\n1\n"))


def test_a_header_at_the_column_limit_is_read_and_checked_for_duplicates(tmp_path: Path) -> None:
    names = [f"c{i}" for i in range(_limits.MAX_COLUMNS)]
    path = write(tmp_path, "full.csv", (",".join(names) + "\n1\n").encode())
    with open_records(path) as reader:
        assert len(reader.header) == _limits.MAX_COLUMNS
        assert [r.line for r in reader] == [2]
    # The last column repeats the first: the old count-per-name check took
    # time quadratic in the width here; a set takes one pass.
    names[-1] = "c0"
    with pytest.raises(InputError, match=r"duplicate column names in the header: 'c0'$"):
        open_records(write(tmp_path, "dup.csv", (",".join(names) + "\n1\n").encode()))
    over = write(tmp_path, "over.csv", (",".join([*names[:-1], "x", "y"]) + "\n").encode())
    with pytest.raises(InputError, match="16,385 columns"):
        open_records(over)


def test_duplicate_column_names_are_masked_and_capped(tmp_path: Path) -> None:
    names = ["nama", "nama", *[f"x{i}" for i in range(7) for _ in (0, 1)]]
    path = write(tmp_path, "d.csv", (",".join(names) + "\n").encode())
    with pytest.raises(InputError, match=r"'nama', 'x0', 'x1', 'x2', 'x3' and 3 more$"):
        open_records(path)


# --- a header that is really a record --------------------------------------------


@pytest.mark.parametrize(
    "first_row",
    [
        f"{NIK},{KK},Siti,Jl. Kartini 5,warung,081234567890,pedagang,tidak,ya,"
        "dinas_kabupaten_kota,18.71",
        "2020,2021,7",  # a row of figures
        f"Siti;{NIK[:4]} {NIK[4:8]} {NIK[8:12]} {NIK[12:]}",  # a NIK typed with spaces
    ],
)
def test_a_headerless_file_is_refused_without_echoing_it(tmp_path: Path, first_row: str) -> None:
    path = write(tmp_path, "h.csv", (first_row + "\n" + first_row + "\n").encode())
    with pytest.raises(InputError, match="looks like data, not a header") as caught:
        open_records(path)
    message = str(caught.value)
    assert NIK not in message.replace(" ", "")
    assert KK not in message
    assert "Siti" not in message


def test_a_header_with_numbered_columns_is_a_header(tmp_path: Path) -> None:
    path = write(tmp_path, "ok.csv", b"name,members,rats[0].fiscal_year,tahun 2021\nK,3,2020,1\n")
    assert [line for line, _, _ in read(path)] == [2]


# --- unclosed quotes ---------------------------------------------------------------


def test_an_unclosed_quote_in_the_middle_costs_no_later_record(tmp_path: Path) -> None:
    path = write(tmp_path, "q.csv", b'a,b,c\n1,2,3\n4,"5,6\n7,8,9\n\n10,11,12\n')
    assert read(path) == [
        (2, (), {"a": "1", "b": "2", "c": "3"}),
        (3, ("csv.quote",), {}),
        (4, (), {"a": "7", "b": "8", "c": "9"}),
        (6, (), {"a": "10", "b": "11", "c": "12"}),
    ]


def test_a_quote_open_to_the_end_gives_every_later_line_its_record(tmp_path: Path) -> None:
    # No later line looks like a row: only the end of the file shows the quote is unclosed.
    path = write(tmp_path, "e.csv", b'a,b,c\n1,"x\ny\nz\n')
    assert read(path) == [
        (2, ("csv.quote",), {}),
        (3, (), {"a": "y", "b": None, "c": None}),
        (4, (), {"a": "z", "b": None, "c": None}),
    ]


def test_a_quote_that_swallows_a_long_file_costs_one_more_read_of_it(tmp_path: Path) -> None:
    lines = 20_000
    path = write(tmp_path, "many.csv", b'a,b\n"x\n' + b"y\n" * lines)
    records = read(path)
    assert [line for line, _, _ in records] == list(range(2, lines + 3))
    assert records[0][1] == ("csv.quote",)
    assert {codes for _, codes, _ in records[1:]} == {()}


def test_a_multi_line_cell_past_the_record_limit_is_cut_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_limits, "MAX_RECORD_CHARS", 20)
    path = write(tmp_path, "r.csv", b'a,b,c\n1,"address\nline two\nline three"\n4,5,6\n')
    assert [(line, codes) for line, codes, _ in read(path)] == [
        (2, ("csv.quote",)),
        (3, ()),
        (4, ()),  # read on its own: its quote is a character
        (5, ()),
    ]


def test_a_closed_multi_line_cell_is_still_one_record(tmp_path: Path) -> None:
    path = write(tmp_path, "m.csv", b'a,b,c\n1,"Jl. Kartini 5,\nRT 01",3\n4,5,6\n')
    assert read(path) == [
        (3, (), {"a": "1", "b": "Jl. Kartini 5,\nRT 01", "c": "3"}),
        (4, (), {"a": "4", "b": "5", "c": "6"}),
    ]


# --- cells and lines ---------------------------------------------------------------


def test_cells_at_and_past_the_cell_limit(tmp_path: Path) -> None:
    limit = _limits.MAX_CELL_CHARS
    body = b"1," + b"9" * limit + b"\n2," + b"9" * (limit + 1) + b"\n3,4\n"
    records = read(write(tmp_path, "c.csv", b"a,b\n" + body))
    assert [(line, codes) for line, codes, _ in records] == [
        (2, ()),
        (3, ("cell.too_long",)),
        (4, ()),
    ]
    assert records[1][2] == {"a": "2", "b": None}


def test_a_line_past_the_line_limit_is_skipped_and_counted(tmp_path: Path) -> None:
    limit = _limits.MAX_LINE_CHARS
    at_limit = b"1," + b"x" * (limit - 2) + b"\r\n"  # exactly the limit, CRLF not counted
    over = b"2," + b"x" * (limit - 1) + b"\r\n"
    path = write(tmp_path, "l.csv", b"a,b\r\n" + at_limit + over + over + b"3,4\r\n")
    assert [(line, codes) for line, codes, _ in read(path)] == [
        (2, ("cell.too_long",)),
        (3, ("line.too_long",)),
        (4, ("line.too_long",)),
        (5, ()),
    ]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_numbered_lines_count_every_line_ending(ending: str) -> None:
    import io  # noqa: PLC0415

    text = io.StringIO(f"ab{ending}{'x' * 6}{ending}{'y' * 5}{ending}cd", newline="")
    assert [(n, t is None) for n, t in NumberedLines(text, first=1, limit=5)] == [
        (1, False),
        (2, True),
        (3, False),
        (4, False),
    ]


def test_a_header_line_past_the_line_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_limits, "MAX_LINE_CHARS", 10)
    with pytest.raises(InputError, match="header row is longer"):
        open_records(write(tmp_path, "h.csv", b"a" * 11 + b"\n1\n"))


# --- JSON ----------------------------------------------------------------------


def _nested(depth: int) -> str:
    return '{"a": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"


def test_a_deeply_nested_json_line_is_a_problem_of_its_record(tmp_path: Path) -> None:
    lines = [_nested(_limits.MAX_JSON_DEPTH), _nested(_limits.MAX_JSON_DEPTH + 1), _nested(200_000)]
    path = write(tmp_path, "d.jsonl", ("\n".join([*lines, '{"b": 1}']) + "\n").encode())
    assert [(line, codes) for line, codes, _ in read(path)] == [
        (1, ()),
        (2, ("json.depth",)),
        (3, ("json.depth",)),
        (4, ()),
    ]


def test_a_json_line_past_the_line_limit_is_skipped(tmp_path: Path) -> None:
    big = '{"a": "' + "x" * _limits.MAX_LINE_CHARS + '"}\n'
    path = write(tmp_path, "l.jsonl", (big + '{"b": 1}\n').encode())
    assert [(line, codes) for line, codes, _ in read(path)] == [(1, ("line.too_long",)), (2, ())]


def test_a_deeply_nested_json_array_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "d.json", ("[" + _nested(100_000) + "]").encode())
    with open_records(path) as reader, pytest.raises(InputError, match="deeper than 64"):
        list(reader)
    fine = write(tmp_path, "f.json", ("[" + _nested(_limits.MAX_JSON_DEPTH) + "]").encode())
    assert [codes for _, codes, _ in read(fine)] == [()]


@pytest.mark.parametrize(
    ("text", "deep"),
    [
        ('"' + '\\"' * 50_000, False),  # an unclosed string of escaped quotes
        ('["' + "[" * 100 + '"]', False),  # brackets inside a string
        ('["\\\\"' + ", [" * 65 + "]" * 65 + "]", True),  # an escaped backslash ends the string
        ("[]" * 100, False),  # many brackets, shallow
    ],
)
def test_json_depth_ignores_strings(text: str, deep: bool) -> None:
    assert json_too_deep(text) is deep


# --- atomic output -------------------------------------------------------------


def test_atomic_output_appears_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    os.chmod(target, 0o640)
    with pytest.raises(KeyboardInterrupt), atomic_output(target) as out:  # noqa: PT012
        out.write("partial\n")
        raise KeyboardInterrupt
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    with atomic_output(target) as out:
        out.write("new\n")
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file's own mode is kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_atomic_output_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with atomic_output(link) as out:
        out.write("new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"


def test_two_writers_of_one_path_leave_one_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    both_open = threading.Barrier(2)

    def run(label: str) -> None:
        with atomic_output(target) as out:
            both_open.wait(timeout=10)
            for i in range(2_000):
                out.write(f"{label},{i}\n")

    threads = [threading.Thread(target=run, args=(label,)) for label in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lines = target.read_text().splitlines()
    assert len(lines) == 2_000
    assert len({line.split(",")[0] for line in lines}) == 1  # one writer's rows, not a mix
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_device_is_an_output_error() -> None:
    full = r"/dev/full: cannot write the output file \(No space"
    with pytest.raises(OutputError, match=full), atomic_output("/dev/full") as out:  # noqa: PT012
        out.write("x" * 100_000)
        out.flush()


def test_an_unwritable_place_is_an_output_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing" / "out.csv"
    with pytest.raises(OutputError, match="No such file or directory"), atomic_output(missing):
        pass
    with pytest.raises(OutputError, match="is a directory"), atomic_output(tmp_path):
        pass


# --- readers outside the CLI: the same limits --------------------------------------


def test_batch_json_lines_apply_the_line_and_depth_limits() -> None:
    from koperasi_id.batch import read_jsonl_lines  # noqa: PLC0415
    from koperasi_id.errors import ValidationError  # noqa: PLC0415

    lines = [
        _nested(_limits.MAX_JSON_DEPTH),
        _nested(_limits.MAX_JSON_DEPTH + 1),
        '{"a": "' + "x" * _limits.MAX_LINE_CHARS + '"}\n',
        '{"b": 1}\n',
    ]
    codes = [
        r.problems[0].code if isinstance(r, ValidationError) else "ok"
        for r in read_jsonl_lines(lines)
    ]
    assert codes == ["ok", "json.depth", "line.too_long", "ok"]


def test_a_bpum_row_cell_past_the_limit_never_reaches_a_parser() -> None:
    from koperasi_id import bpum  # noqa: PLC0415
    from koperasi_id.errors import ValidationError  # noqa: PLC0415

    at_limit = bpum.structure_row({"nama": "x" * _limits.MAX_CELL_CHARS})
    over = bpum.structure_row({"nama": "x" * (_limits.MAX_CELL_CHARS + 1)})
    assert isinstance(at_limit, ValidationError)
    assert isinstance(over, ValidationError)
    assert ("$.nama", "cell.too_long") not in [(p.path, p.code) for p in at_limit.problems]
    assert ("$.nama", "cell.too_long") in [(p.path, p.code) for p in over.problems]


def _reader_results(path: Path, start: int) -> list[dict[str, object]]:
    """Screening results as the command line reads the file (its RecordReader)."""
    from koperasi_id import bpum  # noqa: PLC0415
    from koperasi_id.errors import ValidationError  # noqa: PLC0415
    from koperasi_id.serialization import to_dict  # noqa: PLC0415

    with open_records(path) as reader:
        structured = [
            ValidationError(r.problems) if r.problems else bpum.structure_row(r.data)
            for r in reader
        ]
    return [to_dict(r) for r in bpum.screen_structured(structured, year=2021, start=start)]


def test_batch_csv_rows_lose_no_record_to_a_stray_quote(tmp_path: Path) -> None:
    from koperasi_id import batch  # noqa: PLC0415
    from koperasi_id.bpum import PROPOSAL_COLUMNS  # noqa: PLC0415

    row = [
        {"nik": NIK, "kk": KK, "nama": "Siti", "alamat_ktp": "Jl. Kartini 5"}.get(c, "")
        for c in PROPOSAL_COLUMNS
    ]
    good = ",".join(row) + "\n"
    stray = good.replace("Siti", '"Siti')
    lines = [",".join(PROPOSAL_COLUMNS) + "\n", good, stray, good, good, stray, "x\n", "y\n"]
    path = write(tmp_path, "q.csv", "".join(lines).encode())
    records = list(batch.read_csv_lines(lines))
    assert len(records) == len(lines)  # the header, then one item per line
    results = batch.screen_rows(records[1:], header=PROPOSAL_COLUMNS, year=2021, start=2)
    assert [r["index"] for r in results] == list(range(2, len(lines) + 1))
    assert [r["failed_codes"] == ["csv.quote"] for r in results] == [
        False, True, False, False, True, False, False
    ]  # fmt: skip
    assert results == _reader_results(path, start=2)  # the command line reads it alike
