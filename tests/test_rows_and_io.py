"""Flat rows ⇄ entities, and streaming record files."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from _hypothesis_optional import given, st
from koperasi_id._io import FileFormat, InputError, open_records
from koperasi_id._output import Progress, RecordWriter
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.identifiers import Nik
from koperasi_id.law import FIRST_DAY, LAST_DAY
from koperasi_id.rows import columns, flatten, structure, unflatten
from koperasi_id.serialization import from_dict, to_dict


@attrs.frozen(kw_only=True)
class Rat:
    fiscal_year: int
    held_on: date | None = None
    reported: bool = False


@attrs.frozen(kw_only=True)
class Owner:
    nik: Nik
    name: str


@attrs.frozen(kw_only=True)
class Coop:
    name: str
    members: int
    capital: Decimal | None = None
    owner: Owner | None = None
    tags: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    rats: tuple[Rat, ...] = ()


NIK = "1871010101900001"  # synthetic


def test_unflatten_nested_indexed_and_simple_lists() -> None:
    row = {
        "name": " KSP Maju ",
        "members": "25",
        "capital": "Rp1.500.000",
        "owner.nik": NIK,
        "owner.name": "Siti",
        "tags": "a|b",
        "years": "2019|2020",
        "rats[1].fiscal_year": "2020",
        "rats[1].reported": "Ya",
        "rats[0].fiscal_year": "2019",
        "rats[0].held_on": "2020-03-01",
        "rats[2].fiscal_year": "",
    }
    data = unflatten(Coop, row)
    assert data == {
        "name": "KSP Maju",
        "members": 25,
        "capital": "1500000",
        "owner": {"nik": NIK, "name": "Siti"},
        "tags": ["a", "b"],
        "years": [2019, 2020],
        "rats": [
            {"fiscal_year": 2019, "held_on": "2020-03-01"},
            {"fiscal_year": 2020, "reported": True},
        ],
    }
    coop = from_dict(Coop, data)
    assert coop.rats[1].reported is True


def test_unreadable_cells_are_left_for_the_converter_to_report() -> None:
    row = {"name": "K", "members": "dua", "capital": "Rp1,2,3", "rats[0].reported": "mungkin"}
    problems: list[Problem] = []
    data = unflatten(Coop, row, problems=problems)
    assert data["members"] == "dua"
    # Amount text has its own rule (parse_amount_text): its problem is the cell's.
    assert "capital" not in data
    assert [(p.path, p.code) for p in problems] == [("$.capital", "money.syntax")]
    with pytest.raises(ValidationError) as info:
        from_dict(Coop, data)
    assert info.value.codes == ("type.int", "missing", "type.bool")
    assert set(info.value.paths) == {"$.members", "$.rats[0].reported", "$.rats[0].fiscal_year"}
    with pytest.raises(ValidationError) as info:
        structure(Coop, row)
    assert info.value.codes == ("money.syntax", "type.int", "missing", "type.bool")
    assert sorted(info.value.paths) == sorted(
        ["$.members", "$.capital", "$.rats[0].reported", "$.rats[0].fiscal_year"]
    )


def test_empty_cells_mean_not_given() -> None:
    assert unflatten(
        Coop, {"name": "K", "members": "3", "owner.nik": "", "owner.name": None, "capital": ""}
    ) == {
        "name": "K",
        "members": 3,
    }


def test_unknown_columns_are_problems_or_an_error() -> None:
    row = {
        "name": "K",
        "members": "1",
        "colour": "red",
        "owner.age": "3",
        "owner.nik": NIK,
        "tags[0].x": "1",
        "": "x",
    }
    problems: list[Problem] = []
    unflatten(Coop, row, problems=problems)
    assert sorted(p.path for p in problems) == ["$.", "$.colour", "$.owner.age", "$.tags[0].x"]
    assert all(p.code == "unknown_column" for p in problems)
    with pytest.raises(ValidationError) as caught:
        unflatten(Coop, row)
    assert caught.value.codes == (
        "unknown_column",
        "unknown_column",
        "unknown_column",
        "unknown_column",
    )
    assert unflatten(Coop, {"name": "K", "colour": ""}) == {
        "name": "K"
    }  # empty unknown cells are harmless


def test_flatten_and_columns() -> None:
    coop = Coop(
        name="K",
        members=2,
        owner=Owner(nik=Nik.parse(NIK), name="S"),
        tags=("a",),
        rats=(Rat(fiscal_year=2020, held_on=date(2021, 1, 5), reported=True),),
    )
    flat = flatten(to_dict(coop))
    assert flat["owner.nik"] == NIK
    assert flat["rats[0].held_on"] == "2021-01-05"
    assert flat["rats[0].reported"] == "true"
    assert flat["capital"] == ""
    assert flat["years"] == ""
    assert from_dict(Coop, unflatten(Coop, flat)) == coop
    assert columns(Coop, list_items=2)[-3:] == [
        "rats[1].fiscal_year",
        "rats[1].held_on",
        "rats[1].reported",
    ]
    assert "owner.nik" in columns(Coop)


@given(
    st.builds(
        Coop,
        name=st.text(alphabet="abcdefgh ", min_size=1, max_size=8).map(str.strip).filter(bool),
        members=st.integers(0, 10_000),
        capital=st.none() | st.decimals(min_value=0, max_value=10**9, places=2),
        tags=st.lists(st.text(alphabet="xyz", min_size=1, max_size=3), max_size=3).map(tuple),
        years=st.lists(st.integers(1990, 2030), max_size=3).map(tuple),
        rats=st.lists(
            st.builds(
                Rat,
                fiscal_year=st.integers(1990, 2030),
                held_on=st.none() | st.dates(FIRST_DAY, LAST_DAY),  # the wire day bound
                reported=st.booleans(),
            ),
            max_size=3,
        ).map(tuple),
    )
)
def test_flat_round_trip(coop: Coop) -> None:
    assert from_dict(Coop, unflatten(Coop, flatten(to_dict(coop)))) == coop


# --- record files ----------------------------------------------------------------


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_tab_delimited_with_blank_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "a.tsv", b"\n\na\tb\n1\t2\n\n3\t4\n")
    with open_records(path) as reader:
        records = list(reader)
        assert reader.delimiter == "\t"
    assert [(r.line, dict(r.data)) for r in records] == [
        (4, {"a": "1", "b": "2"}),
        (6, {"a": "3", "b": "4"}),
    ]


def test_short_rows_leave_missing_cells_none(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", b"a,b,c\n1\n")
    with open_records(path) as reader:
        (record,) = list(reader)
    assert dict(record.data) == {"a": "1", "b": None, "c": None}
    assert record.problems == ()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\n\n", "only blank lines"),
        (b"na\xffme,b\n1,2\n", "not valid UTF-8"),
        (b"a,a\n1,2\n", "duplicate column"),
    ],
)
def test_unreadable_headers(tmp_path: Path, content: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        open_records(write(tmp_path, "h.csv", content))


def test_jsonl_records_and_problems(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", b'{"a": 1.5}\n\n"text"\n{oops\n\xff\n')
    with open_records(path) as reader:
        records = list(reader)
    assert records[0].data == {"a": Decimal("1.5")}
    assert not records[0].flat
    assert [r.line for r in records] == [1, 3, 4, 5]
    assert [r.problems[0].code for r in records[1:]] == ["type.object", "json", "encoding"]


def test_json_array_input(tmp_path: Path) -> None:
    with open_records(write(tmp_path, "a.json", b'[{"a": 1}, 2]')) as reader:
        records = list(reader)
    assert records[0].data == {"a": 1}
    assert records[1].problems[0].code == "type.object"
    with (
        pytest.raises(InputError, match="array"),
        open_records(write(tmp_path, "b.json", b'{"a": 1}')) as reader,
    ):
        list(reader)
    with (
        pytest.raises(InputError, match="not valid JSON"),
        open_records(write(tmp_path, "c.json", b"[")) as reader,
    ):
        list(reader)


def test_formats_from_extension() -> None:
    assert FileFormat.from_path("x.NDJSON") is FileFormat.JSONL
    assert FileFormat.from_path("x.json") is FileFormat.JSON
    assert FileFormat.from_path("x.txt") is FileFormat.CSV


def test_missing_and_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        open_records(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="directory"):
        open_records(tmp_path)


@pytest.mark.parametrize("fmt", list(FileFormat))
def test_writers(fmt: FileFormat) -> None:
    out = io.StringIO()
    writer = RecordWriter(out, fmt, columns=["a", "b", "c"])
    writer.write({"a": Decimal("1.50"), "b": [1, 2], "c": None})
    writer.write({"a": True, "b": "x", "c": 3})
    writer.close()
    text = out.getvalue()
    if fmt is FileFormat.CSV:
        assert text == "a,b,c\n1.50,1|2,\ntrue,x,3\n"
    elif fmt is FileFormat.JSONL:
        assert json.loads(text.splitlines()[0]) == {
            "a": "1.50",
            "b": [1, 2],
            "c": None,
        }
    else:
        assert json.loads(text)[1] == {"a": True, "b": "x", "c": 3}


def test_empty_json_array_and_unserialisable_value() -> None:
    out = io.StringIO()
    RecordWriter(out, FileFormat.JSON).close()
    assert json.loads(out.getvalue()) == []
    with pytest.raises(TypeError, match="not JSON serialisable"):
        RecordWriter(io.StringIO(), FileFormat.JSONL).write({"x": object()})


def test_progress_is_silent_off_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_records(write(tmp_path, "a.csv", b"a\n1\n")) as reader:
        progress = Progress(reader, min_bytes=0)
        assert not progress.shown
        for _ in range(20_000):
            progress.tick()
        progress.done()
        assert reader.bytes_read >= 0
    assert capsys.readouterr().err == ""


# --- review: problems name the columns, even when a list is renumbered ----------


@attrs.frozen(kw_only=True)
class Board:
    term: int
    rats: tuple[Rat, ...] = ()


@attrs.frozen(kw_only=True)
class Federation:
    name: str
    boards: tuple[Board, ...] = ()


def test_structure_reports_sparse_list_items_under_their_column_names() -> None:
    row = {
        "name": "K",
        "members": "1",
        "rats[0].fiscal_year": "2019",
        "rats[1].fiscal_year": "",
        "rats[5].fiscal_year": "20x0",
        "rats[5].reported": "mungkin",
    }
    with pytest.raises(ValidationError) as info:
        structure(Coop, row)
    assert info.value.codes == ("type.int", "type.bool")
    assert info.value.paths == ("$.rats[5].fiscal_year", "$.rats[5].reported")
    # unflatten itself still renumbers: the wire format has no holes
    assert len(unflatten(Coop, row)["rats"]) == 2


def test_structure_maps_nested_renumbered_lists_and_keeps_unknown_columns() -> None:
    row = {
        "name": "F",
        "boards[3].term": "2",
        "boards[3].rats[7].fiscal_year": "x",
        "boards[3].rats[2].fiscal_year": "2020",
        "boards[3].colour": "red",
    }
    with pytest.raises(ValidationError) as info:
        structure(Federation, row)
    assert info.value.codes == ("unknown_column", "type.int")
    assert info.value.paths == ("$.boards[3].colour", "$.boards[3].rats[7].fiscal_year")
    assert structure(
        Federation, {**row, "boards[3].rats[7].fiscal_year": "2021"}, lenient=True
    ) == (
        Federation(
            name="F",
            boards=(Board(term=2, rats=(Rat(fiscal_year=2020), Rat(fiscal_year=2021))),),
        )
    )


def test_structure_builds_the_entity() -> None:
    coop = structure(Coop, {"name": "K", "members": "3", "rats[2].fiscal_year": "2020"})
    assert coop == Coop(name="K", members=3, rats=(Rat(fiscal_year=2020),))


# --- review: the awkward CSV and JSON Lines files people actually send ---------


def test_a_stray_quote_ends_its_record_and_every_later_row_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "q.csv", b'a,b,c\n1,"x,3\n4,5,6\n7,8,9\n10,11,12"\n13,14,15\n')
    with open_records(path) as reader:
        records = list(reader)
    assert [r.line for r in records] == [2, 3, 4, 5, 6]
    assert [p.code for p in records[0].problems] == ["csv.quote"]
    assert [dict(r.data) for r in records[1:3]] == [
        {"a": "4", "b": "5", "c": "6"},
        {"a": "7", "b": "8", "c": "9"},
    ]
    # A quote inside a cell that did not start with one is a character, as csv has it.
    assert dict(records[3].data) == {"a": "10", "b": "11", "c": '12"'}
    assert all(r.problems == () for r in records[1:])


def test_quoted_multi_line_cells_crlf_bom_and_semicolons(tmp_path: Path) -> None:
    content = '\ufeffnama;alamat\r\n"Siti";"Jl. Kartini 5,\r\nRT 01, RW 02"\r\n\r\nBudi;Jl. Ahmad Yani\r\n'
    path = write(tmp_path, "m.csv", content.encode("utf-8"))
    with open_records(path) as reader:
        records = list(reader)
        assert reader.delimiter == ";"
        assert reader.header == ("nama", "alamat")
    assert [(r.line, r.problems) for r in records] == [(3, ()), (5, ())]
    assert records[0].data["alamat"] == "Jl. Kartini 5,\r\nRT 01, RW 02"


def test_jsonl_with_a_bom_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, "b.jsonl", b'\xef\xbb\xbf{"a": 1}\r\n\r\n{"a": 2.5}\r\n')
    with open_records(path) as reader:
        records = list(reader)
    assert [(r.line, dict(r.data), r.problems) for r in records] == [
        (1, {"a": 1}, ()),
        (3, {"a": Decimal("2.5")}, ()),
    ]


def test_header_cells_are_trimmed(tmp_path: Path) -> None:
    path = write(tmp_path, "s.csv", b" nama , umur \nSiti,40\n")
    with open_records(path) as reader:
        (record,) = list(reader)
    assert dict(record.data) == {"nama": "Siti", "umur": "40"}


def test_a_nul_byte_is_an_encoding_problem_of_its_cell(tmp_path: Path) -> None:
    path = write(tmp_path, "n.csv", b"nama,umur\nSi\x00ti,40\nBudi,41\n")
    with open_records(path) as reader:
        first, second = list(reader)
    assert [(p.path, p.code) for p in first.problems] == [("$.nama", "encoding")]
    assert "NUL" in first.problems[0].message
    assert dict(first.data) == {"nama": None, "umur": "40"}
    assert second.problems == ()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_is_named_as_such(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, "u.csv", "nama,umur\nSiti,40\n".encode(encoding))
    with pytest.raises(InputError, match=r"UTF-16.*CSV UTF-8"):
        open_records(path)


@pytest.mark.parametrize("ambiguous", ["t", "T", "f"])
def test_ambiguous_one_letter_booleans_are_left_for_the_converter_to_refuse(
    ambiguous: str,
) -> None:
    row = {
        "name": "K",
        "members": "1",
        "rats[0].fiscal_year": "2020",
        "rats[0].reported": ambiguous,
    }
    assert unflatten(Coop, row)["rats"] == [{"fiscal_year": 2020, "reported": ambiguous}]
    with pytest.raises(ValidationError) as info:
        structure(Coop, row)
    assert info.value.codes == ("type.bool",)
    assert info.value.paths == ("$.rats[0].reported",)


@pytest.mark.parametrize("fmt", list(FileFormat))
def test_writers_print_decimals_without_exponents(fmt: FileFormat) -> None:
    out = io.StringIO()
    writer = RecordWriter(out, fmt, columns=["a"])
    writer.write({"a": Decimal("5E+8")})
    writer.close()
    assert "500000000" in out.getvalue()
    assert "E+8" not in out.getvalue()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_counts_and_clears_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    path = write(tmp_path, "a.csv", b"a\n" + b"1\n" * 25_000)
    with open_records(path) as reader:
        small = Progress(reader)  # under the default 5 MB: silent
        progress = Progress(reader, min_bytes=0)
        assert progress.shown
        assert not small.shown  # a loop may skip its tick
        for _ in reader:
            small.tick()
            progress.tick()
        progress.done()
        small.done()
    text = terminal.getvalue()
    assert "\r10,000 records (" in text
    assert "\r20,000 records (" in text
    assert "25,000" not in text  # redrawn every 10,000 only
    assert text.endswith("\r" + " " * 40 + "\r")
    assert text.count("\r10,000") == 1  # the small file's indicator stayed off


def test_a_cell_beyond_the_cell_limit_is_an_error_row_and_reading_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("koperasi_id._io.MAX_CELL_CHARS", 100)
    monkeypatch.setattr("koperasi_id._input_records.MAX_CELL_CHARS", 100)
    path = write(tmp_path, "big.csv", b"a,b\n1," + b"x" * 101 + b"\n2," + b"y" * 100 + b"\n")
    with open_records(path) as reader:
        records = list(reader)
    assert [r.line for r in records] == [2, 3]
    assert [(p.path, p.code) for p in records[0].problems] == [("$.b", "cell.too_long")]
    assert dict(records[0].data) == {"a": "1", "b": None}  # never reaches a value parser
    assert dict(records[1].data) == {"a": "2", "b": "y" * 100}
    assert records[1].problems == ()


def test_write_cells_writes_the_bytes_write_would() -> None:
    columns_ = ["line", "nik", "kode", "dup"]
    records = [
        {"line": 2, "nik": "187101******0001", "kode": ["a", "b"], "dup": None},
        {"line": 3, "nik": 'say "hi", ok', "kode": [], "dup": 2},
    ]
    cells = [["2", "187101******0001", "a|b", ""], ["3", 'say "hi", ok', "", "2"]]
    by_record, by_cells = io.StringIO(), io.StringIO()
    one, two = (RecordWriter(s, FileFormat.CSV, columns=columns_) for s in (by_record, by_cells))
    for record, row in zip(records, cells, strict=True):
        one.write(record)
        two.write_cells(row)
    assert by_record.getvalue() == by_cells.getvalue()
    assert one.count == two.count == 2
    with pytest.raises(ValueError, match="one text cell per CSV column"):
        two.write_cells(["2"])
    with pytest.raises(ValueError, match="one text cell per CSV column"):
        RecordWriter(io.StringIO(), FileFormat.JSONL).write_cells(["2"])


# --- rows that do not have the shape of a CSV row ---------------------------


def _dict_reader_row(text: str) -> dict[str | None, str | list[str]]:
    return next(csv.DictReader(io.StringIO(text)))


def test_structure_reports_dict_reader_extra_cells_instead_of_crashing() -> None:
    # csv.DictReader files the cells past the header under the key None.
    row = _dict_reader_row("name,members\nKSP Maju,25,3171010101900001,x\n")
    assert None in row
    with pytest.raises(ValidationError) as caught:
        structure(Coop, row)  # type: ignore[arg-type]
    assert caught.value.codes == ("row.extra_cells",)
    assert caught.value.problems[0].path == "$"
    assert "3171010101900001" not in str(caught.value)
    assert "3171010101900001" not in caught.value.text("id")
    # the same through unflatten, with and without a problem list
    problems: list[Problem] = []
    assert unflatten(Coop, row, problems=problems) == {"name": "KSP Maju", "members": 25}  # type: ignore[arg-type]
    assert [p.code for p in problems] == ["row.extra_cells"]
    with pytest.raises(ValidationError) as caught:
        unflatten(Coop, row)  # type: ignore[arg-type]
    assert caught.value.codes == ("row.extra_cells",)


def test_structure_reads_a_short_dict_reader_row_as_missing_cells() -> None:
    row = _dict_reader_row("name,members,capital\nKSP Maju\n")
    assert row["members"] is None
    with pytest.raises(ValidationError) as caught:
        structure(Coop, row)  # type: ignore[arg-type]
    assert caught.value.codes == ("missing",)
    assert caught.value.problems[0].path == "$.members"


@pytest.mark.parametrize(
    ("row", "code", "path"),
    [
        ({"name": "KSP Maju", "members": 25}, "type.str", "$.members"),
        ({"name": ["KSP"], "members": "25"}, "type.str", "$.name"),
        ({"name": "KSP Maju", "members": "25", 3: "x"}, "row.column_type", "$"),
        ({"name": "KSP Maju", "members": "25", ("a",): "x"}, "row.column_type", "$"),
    ],
    ids=["int_cell", "list_cell", "int_column", "tuple_column"],
)
def test_structure_refuses_cells_and_columns_that_are_not_text(
    row: dict[object, object], code: str, path: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        structure(Coop, row)  # type: ignore[arg-type]
    assert caught.value.codes == (code,)
    assert caught.value.problems[0].path == path
    assert caught.value.problems[0].message_id  # both languages


def test_a_cell_that_is_not_text_is_reported_under_the_masked_column() -> None:
    nik = "3171010101900001"
    with pytest.raises(ValidationError) as caught:
        structure(Coop, {"name": "KSP Maju", "members": "25", nik: 7})  # type: ignore[dict-item]
    assert caught.value.codes == ("type.str",)
    assert nik not in str(caught.value)
    assert nik not in caught.value.problems[0].path


@pytest.mark.parametrize("row", [["name", "members"], "name,members", None, 5])
def test_structure_refuses_a_row_that_is_not_a_mapping(row: object) -> None:
    with pytest.raises(ValidationError) as caught:
        structure(Coop, row)  # type: ignore[arg-type]
    assert caught.value.codes == ("type.object",)
    with pytest.raises(ValidationError) as caught:
        unflatten(Coop, row)  # type: ignore[arg-type]
    assert caught.value.codes == ("type.object",)
