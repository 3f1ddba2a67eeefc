"""A header cell holding a line break: the header is the whole first CSV record.

Excel writes a wrapped column name as a quoted cell with a line break in it
(``"Nama\\nLengkap",nik,...``). The reader took the header as its first
physical line: the name was cut at the break, and the rest of the header
became one more record, an error row. The header is now the first record by
the CSV rules, however many lines it spans; data rows keep their physical
line numbers; both engines give the same bytes; a header whose quote never
closes is refused, and the line limit bounds the whole header.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import tempfile
from pathlib import Path

import pytest

from _hypothesis_optional import given, settings, st
from koperasi_id import _limits
from koperasi_id._io import InputError, open_records
from koperasi_id.cli import main

ROOT = Path(__file__).resolve().parent.parent
PROPOSALS = ROOT / "examples" / "data" / "bpum_usulan_2021.csv"
REGISTRY = ROOT / "examples" / "data" / "koperasi_lampung.csv"
BUSINESS = "name,owner_nik,started_on,capital,net_assets,annual_sales"
BUSINESS_ROW = "Warung {i},18710101019{i:05d},2019-01-01,50000000,,300000000"

needs_polars = pytest.mark.skipif(
    importlib.util.find_spec("polars") is None, reason="polars not installed"
)


def _wrapped(header: str, at: int, name: str) -> str:
    """``header`` with its cell ``at`` replaced by the quoted ``name``, as Excel writes it."""
    cells = header.split(",")
    cells[at] = '"' + name.replace('"', '""') + '"'
    return ",".join(cells)


def _file(tmp_path: Path, header: str, rows: list[str], newline: str) -> Path:
    path = tmp_path / "wrapped.csv"
    path.write_bytes((newline.join([header, *rows]) + newline).encode("utf-8"))
    return path


# --- the reader --------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_header_cell_with_a_line_break_is_one_header_record(tmp_path: Path, newline: str) -> None:
    header = _wrapped("nik,nama,kk", 1, f"Nama{newline}Lengkap")
    path = _file(tmp_path, header, ["1,Ratna,3", "4,Agus,6"], newline)
    with open_records(path) as reader:
        records = list(reader)
        assert reader.header == ("nik", f"Nama{newline}Lengkap", "kk")
        assert reader.header_lines == 2
    assert [(r.line, r.problems) for r in records] == [(3, ()), (4, ())]
    assert [r.data[f"Nama{newline}Lengkap"] for r in records] == ["Ratna", "Agus"]


def test_a_first_header_cell_with_breaks_and_a_semicolon_delimiter(tmp_path: Path) -> None:
    # The first line holds no delimiter: the delimiter is the whole header's.
    path = _file(tmp_path, '"Nama\n""Lengkap""\n";nik;kk', ["Ratna;1;2"], "\n")
    with open_records(path) as reader:
        records = list(reader)
        assert reader.delimiter == ";"
        assert reader.header == ('Nama\n"Lengkap"', "nik", "kk")
    assert [(r.line, dict(r.data)) for r in records] == [
        (4, {'Nama\n"Lengkap"': "Ratna", "nik": "1", "kk": "2"})
    ]


@pytest.mark.parametrize(
    "text",
    [
        'nik,"nama\n1,2\n3,4\n',  # the quote runs on to the end of the file
        'nik,"nama\n',
        '"nik,nama\r\n1,2\r\n',
    ],
)
def test_a_header_quote_that_never_closes_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "open.csv"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(InputError, match="a quote in the header row does not close"):
        open_records(path)


def test_the_line_limit_bounds_the_whole_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_limits, "MAX_LINE_CHARS", 100)
    within = _wrapped("nik,nama,kk", 1, "\n".join(["x" * 20] * 4))
    path = _file(tmp_path, within, ["1,2,3"], "\n")
    with open_records(path) as reader:
        assert [r.line for r in reader] == [5]
    # Each line under the limit, the header past it: refused, without reading on.
    over = _wrapped("nik,nama,kk", 1, "\n".join(["x" * 20] * 6))
    path = _file(tmp_path, over, ["1,2,3"] * 1000, "\n")
    with pytest.raises(InputError, match="a quote in the header row does not close"):
        open_records(path)
    # An unclosed header quote in a long file: refused at the limit.
    path = _file(tmp_path, 'nik,"nama,kk', ["1,2,3"] * 1000, "\n")
    with pytest.raises(InputError, match="a quote in the header row does not close"):
        open_records(path)


# Line breaks "\n" and "\r\n": csv.writer with "\n" line ends leaves a lone "\r"
# unquoted, a file no reader reads back (a lone "\r" is tested above).
_NAME = st.lists(st.sampled_from(["a", " ", ",", '"', "\n", "\r\n"]), max_size=8).map("".join)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_NAME, min_size=2, max_size=6),
    st.lists(st.text(alphabet="xyz 09", max_size=4), max_size=5),
    st.sampled_from(["\n", "\r\n"]),
)
def test_a_header_written_by_csv_writer_is_read_as_csv_reader_reads_it(
    names: list[str], cells: list[str], newline: str
) -> None:
    header = [f"c{i}{name}" for i, name in enumerate(names)]
    rows = [[f"{cell}{i}" for i in range(len(header))] for cell in cells]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    text = out.getvalue()
    expected = list(csv.reader(io.StringIO(text, newline="")))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "f.csv")
        path.write_bytes(text.encode("utf-8"))
        with open_records(path) as reader:
            records = list(reader)
            assert reader.header == tuple(name.strip() for name in expected[0])
            # The data rows are numbered by their physical lines, past the header's.
            lines = len(io.StringIO(text, newline="").readlines())  # a lone \r ends one too
            assert [r.line for r in records] == list(range(lines - len(rows) + 1, lines + 1))
    assert [[r.data[h] for h in reader.header] for r in records] == expected[1:]
    assert all(r.problems == () for r in records)


# --- both engines, every command that reads a file ------------------------------------


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _both(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rows = _run([*args, "--engine", "rows"], capsys)
    columns = _run([*args, "--engine", "columns"], capsys)
    assert rows == columns
    return rows


def _head(source: Path, lines: int) -> tuple[str, list[str]]:
    header, *rows = source.read_text(encoding="utf-8").splitlines()[: lines + 1]
    return header, rows


def _cases() -> list[tuple[str, list[str], Path, int]]:
    # (command, its arguments, the sample the file is made of, the wrapped column)
    return [
        ("bpum", ["bpum", "screen", "{}", "--year", "2021"], PROPOSALS, 4),
        ("bpum-proposal", ["validate", "--type", "bpum-proposal", "{}"], PROPOSALS, 4),
        ("cooperatives", ["cooperatives", "status", "{}", "--as-of", "2024-06-01"], REGISTRY, 6),
        ("cooperative", ["validate", "--type", "cooperative", "{}"], REGISTRY, 6),
    ]


@needs_polars
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("case", _cases(), ids=lambda case: case[0])
def test_both_engines_give_the_same_bytes_for_a_wrapped_header(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    case: tuple[str, list[str], Path, int],
    newline: str,
) -> None:
    _, template, source, at = case
    header, rows = _head(source, 300)
    name = header.split(",")[at]
    # A break Excel put at the end of a name (stripped: the column is known), and
    # one inside it (an unknown column, its name shown through the mask).
    for wrapped, shown in ((f"{name}{newline}", None), (f"Kolom{newline}\x1b[31mBaru", "Kolom")):
        path = _file(tmp_path, _wrapped(header, at, wrapped), rows, newline)
        args = [str(path) if a == "{}" else a for a in template]
        code, out, err = _both([*args, "--lang", "en"], capsys)
        assert code in (0, 1), err
        assert "\x1b" not in out + err
        if shown is not None:  # (BPUM column names are matched in lower case)
            escaped = "Kolom" + ("\\r\\n" if newline == "\r\n" else "\\n") + "\\x1b[31mBaru"
            assert escaped.lower() in (out + err).lower()
        assert "unexpected" not in out + err


@needs_polars
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("command", ["classify", "validate"])
def test_both_engines_give_one_row_per_business_under_a_wrapped_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, newline: str
) -> None:
    header = _wrapped(BUSINESS, 0, f"name{newline}")
    rows = [BUSINESS_ROW.format(i=i) for i in range(1, 201)]
    path = _file(tmp_path, header, rows, newline)
    if command == "classify":
        args = ["msme", "classify", str(path), "--as-of", "2024-01-01", "--format", "jsonl"]
    else:
        args = ["validate", "--type", "business", str(path), "--format", "jsonl"]
    code, out, err = _both([*args, "--lang", "en"], capsys)
    assert code == 0, err
    # No record for the header's second line.
    if command == "classify":
        lines = out.splitlines()
        assert len(lines) == 200
        assert [json.loads(line)["line"] for line in lines] == list(range(3, 203))
    else:
        assert out == ""  # validate prints the invalid records
        assert "200 records, 200 valid, 0 invalid" in err


@needs_polars
@pytest.mark.parametrize("engine", ["rows", "columns"])
def test_an_unclosed_header_quote_is_refused_by_both_engines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], engine: str
) -> None:
    header, rows = _head(PROPOSALS, 50)
    path = _file(tmp_path, header.replace(",nama,", ',"nama,'), rows, "\n")
    code, out, err = _run(
        ["bpum", "screen", str(path), "--year", "2021", "--engine", engine], capsys
    )
    assert code == 1
    assert out == ""
    assert "a quote in the header row does not close" in err
