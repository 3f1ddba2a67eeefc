"""``rows.read_records`` / ``rows.write_records``: the CLI's reader and writer for Python callers."""

from __future__ import annotations

import contextlib
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from _hypothesis_optional import HAVE_HYPOTHESIS, given, settings, st
from koperasi_id import bpum, cli
from koperasi_id._jsonarray import JsonArrayError, iter_json_array
from koperasi_id.cooperatives import Cooperative, RatRecord
from koperasi_id.errors import ValidationError
from koperasi_id.rows import FileFormat, InputError, flatten, read_records, write_records
from koperasi_id.serialization import to_dict

if HAVE_HYPOTHESIS:
    from koperasi_id.strategies import bpum_proposals, cooperatives
else:  # only the property tests draw from these, and they skip without hypothesis
    bpum_proposals = cooperatives = st

HEADER = "fiscal_year;held_on;reported\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_csv_with_bom_and_semicolons_from_a_path(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "rat.csv", ("\ufeff" + HEADER + "2023;2024-03-09;ya\n\n2022;;tidak\n").encode()
    )
    with read_records(path, type=RatRecord) as records:
        assert records.delimiter == ";"
        assert records.header == ("fiscal_year", "held_on", "reported")
        got = list(records)
    assert [r.line for r in got] == [2, 4]
    assert got[0].value == RatRecord(fiscal_year=2023, held_on=date(2024, 3, 9), reported=True)
    # held_on has no default but may be null: its empty cell is that null.
    assert got[1].value == RatRecord(fiscal_year=2022, held_on=None)


def test_open_files_binary_and_text_are_read_and_left_open(tmp_path: Path) -> None:
    path = _write(tmp_path, "rat.csv", ("\ufeff" + HEADER + "2023;2024-03-09;ya\n").encode())
    with path.open("rb") as binary:
        with read_records(binary, type=RatRecord) as records:
            assert [r.value.fiscal_year for r in records if r.value] == [2023]
        assert not binary.closed
    with path.open(encoding="utf-8", newline="") as text:  # the BOM stays in a "utf-8" read
        with read_records(text, type=RatRecord) as records:
            assert records.header[0] == "fiscal_year"
            assert [r.line for r in records] == [2]
        assert not text.closed


def test_without_a_type_records_are_the_raw_rows() -> None:
    with read_records(io.StringIO("a,b\n1,2,3\n")) as records:
        (only,) = list(records)
    assert only.data == {"a": "1", "b": "2"}
    assert [p.code for p in only.problems] == ["row.extra_cells"]
    assert only.value is None


def test_a_header_of_another_kind_of_file_is_an_error_not_a_problem_per_row() -> None:
    with pytest.raises(InputError, match="not a RatRecord file: its header names 0 of the 2"):
        read_records(io.StringIO("nama;alamat\nSiti;Jl. Kartini\n"), type=RatRecord)
    # Half the required columns is enough: the rest are reported per row, as on the CLI.
    with read_records(io.StringIO("fiscal_year;catatan\n2023;x\n"), type=RatRecord) as records:
        (only,) = list(records)
    assert {p.code for p in only.problems} == {"unknown_column", "missing"}


def test_a_header_check_knows_the_bpum_columns() -> None:
    header = ",".join(bpum.PROPOSAL_COLUMNS)
    with read_records(io.StringIO(header + "\n"), type=bpum.Proposal) as records:
        assert list(records) == []
    with pytest.raises(InputError, match="Proposal"):
        read_records(io.StringIO("fiscal_year\n2023\n"), type=bpum.Proposal)


def test_json_lines_and_arrays(tmp_path: Path) -> None:
    lines = _write(tmp_path, "r.jsonl", b'{"fiscal_year": 2023, "held_on": null}\n\n[1]\n{bad\n')
    with read_records(lines, type=RatRecord) as records:
        got = list(records)
    assert [r.line for r in got] == [1, 3, 4]
    assert got[0].value == RatRecord(fiscal_year=2023, held_on=None)
    assert [r.problems[0].code for r in got[1:]] == ["type.object", "json"]
    array = _write(tmp_path, "r.json", b'[{"fiscal_year": 2023, "held_on": null}, 7]')
    with read_records(array, type=RatRecord) as records:
        got = list(records)
    assert got[0].ok
    assert got[1].problems[0].code == "type.object"
    with pytest.raises(InputError, match="not valid JSON after item 1"):
        list(read_records(io.StringIO('[{"a": 1} {"b": 2}]'), format="json"))


def test_the_problems_are_those_the_cli_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path,
        "coops.csv",
        b"name;member_count;form;kind;region;rat_records[2].fiscal_year;extra\n"
        b"KSP Maju;x;primer;konsumen;18.71;20x;\n;25;sekunder;x;18;;y\n",
    )
    with contextlib.redirect_stderr(io.StringIO()):
        assert cli.main(["validate", "--type", "cooperative", "--format", "jsonl", str(path)]) == 0
    expected = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    with read_records(path, type=Cooperative) as records:
        got = [
            {
                "line": r.line,
                "path": p.path,
                "code": p.code,
                "message": p.message,
                "message_id": p.message_id,
            }
            for r in records
            for p in r.problems
        ]
    assert got == expected
    assert any(p["path"] == "$.rat_records[2].fiscal_year" for p in got)


@settings(max_examples=15)
@given(st.lists(cooperatives(), min_size=1, max_size=4), st.sampled_from(["csv", "jsonl", "json"]))
def test_written_records_read_back_equal(coops: list[Cooperative], fmt: str) -> None:
    out = io.StringIO()
    # Every column any record fills (lists differ in length), in first-seen order.
    header = list(dict.fromkeys(k for c in coops for k in flatten(to_dict(c))))
    assert write_records(out, coops, format=fmt, columns=header) == len(coops)
    out.seek(0)
    with read_records(out, format=fmt, type=Cooperative) as records:
        back = list(records)
    assert [r.problems for r in back] == [()] * len(coops)
    assert [r.value for r in back] == coops


@settings(max_examples=15)
@given(st.lists(bpum_proposals(), min_size=1, max_size=4))
def test_bpum_proposals_use_their_own_columns_both_ways(proposals: list[Any]) -> None:
    out = io.StringIO()
    write_records(out, proposals)
    assert out.getvalue().split("\n", 1)[0] == ",".join(bpum.PROPOSAL_COLUMNS)
    out.seek(0)
    with read_records(out, type=bpum.Proposal) as records:
        assert [r.value for r in records] == proposals


def test_csv_rows_longer_than_the_header_are_refused_with_advice() -> None:
    short = RatRecord(fiscal_year=2023, held_on=None)
    with pytest.raises(ValueError, match=r"pass columns="):
        write_records(io.StringIO(), [{"a": "1"}, {"a": "2", "b": "3"}])
    assert write_records(io.StringIO(), [short], format=FileFormat.JSONL) == 1


def test_writing_to_a_path_takes_the_format_from_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    write_records(path, [RatRecord(fiscal_year=2023, held_on=None)])
    assert json.loads(path.read_text(encoding="utf-8")) == [
        {"fiscal_year": 2023, "held_on": None, "reported": False}
    ]
    with pytest.raises(InputError, match="cannot write"):
        write_records(tmp_path / "missing" / "r.csv", [])


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@given(st.lists(JSON_VALUES, max_size=6), st.integers(1, 9), st.sampled_from(["", " ", "\n  "]))
def test_json_arrays_stream_across_any_chunk_size(items: list[Any], chunk: int, gap: str) -> None:
    text = "[" + gap + ("," + gap).join(json.dumps(i) for i in items) + gap + "]" + gap
    texts = list(iter_json_array(io.StringIO(text), chunk=chunk))
    assert [json.loads(t) for t in texts] == items


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not a JSON array"),
        ('{"a": 1}', "not a JSON array"),
        ("[1, 2", "not closed"),
        ("[1,, 2]", "after item 1"),
        ("[1] 2", "text after the closing"),
        ("[1 2]", "expected ',' or ']'"),
    ],
)
def test_broken_json_arrays(text: str, message: str) -> None:
    with pytest.raises(JsonArrayError, match=message):
        list(iter_json_array(io.StringIO(text), chunk=2))


def test_a_json_array_item_breaking_the_number_policy_is_that_records_problem() -> None:
    text = io.StringIO(
        '[{"fiscal_year": 1e5, "held_on": null}, {"fiscal_year": 2023, "held_on": null}]'
    )
    with read_records(text, format="json", type=RatRecord) as records:
        got = [(r.line, [p.code for p in r.problems]) for r in records]
    assert got == [(1, ["json.number"]), (2, [])]


def test_a_json_array_item_past_the_size_limit_is_refused() -> None:
    text = io.StringIO('[1, "' + "x" * 200 + '", 3]')
    with pytest.raises(JsonArrayError, match="item 2 is longer than 100 characters"):
        list(iter_json_array(text, chunk=16, max_item_chars=100))


def test_a_path_holding_a_nik_is_masked_in_the_error(tmp_path: Path) -> None:
    missing = tmp_path / "1871010101900001.csv"  # synthetic NIK as a file name
    with pytest.raises(InputError) as refused:
        read_records(missing)
    assert "1871010101900001" not in str(refused.value)
    assert "187101******0001" in str(refused.value)
    with pytest.raises(InputError, match="cannot be opened"):
        read_records("a\x00b.csv")


@pytest.mark.parametrize("bad", ["xlsx", 3, ["csv"]])
def test_an_unknown_format_is_a_validation_error(bad: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        read_records(io.StringIO("a\n1\n"), format=bad)
    assert refused.value.codes == ("format",)
    with pytest.raises(ValidationError) as caught:
        write_records(io.StringIO(), [], format=bad)
    assert caught.value.codes == ("format",)


def test_records_that_are_not_entities_nor_mappings_are_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        write_records(io.StringIO(), "ab")  # a string is not a list of records
    assert refused.value.codes == ("type.record",)
    with pytest.raises(ValidationError) as refused:
        read_records(io.StringIO("a\n1\n"), type="RatRecord")  # type: ignore[call-overload]
    assert refused.value.codes == ("type.class",)
