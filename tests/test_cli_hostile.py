"""The command line against hostile input an outside checker would try.

Each test is one defect class found by an adversarial audit, with the
smallest input that showed it: control characters and NIKs from a header, a
key, a file name or an option value reaching the terminal raw; a rules file
that ended in a traceback (nesting, long numbers) or that was taken with a key
named twice; a first-column cell with a line break that split its record in
two.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from _hypothesis_optional import given, settings, st
from koperasi_id import bpum, law
from koperasi_id._io import InputError, open_records
from koperasi_id._values import mask, printable, shown_path
from koperasi_id.cli import main
from koperasi_id.errors import ValidationError
from koperasi_id.msme import Business
from koperasi_id.rows import read_records

Run = Callable[..., subprocess.CompletedProcess[str]]

NIK = "1871010101900001"  # synthetic
ESC = "\x1b[31m"
BUSINESS = "name,owner_nik,started_on,capital,net_assets,annual_sales"
ROW = "Warung,{nik},2019-01-01,50000000,,300000000"
# The columnar engine needs the polars extra, absent from CI's minimal run.
ENGINES = [
    "rows",
    pytest.param(
        "columns",
        marks=pytest.mark.skipif(
            importlib.util.find_spec("polars") is None, reason="polars not installed"
        ),
    ),
]
REGIME = (
    '"rule": "kur.rate", "action": "replace", "name": "x", "valid_from": "2027-01-01", '
    '"unit": "percent_per_year", "confidence": "M", '
    '"citation": {"instrument": "x", "article": "y"}'
)


def _raw(text: str) -> list[str]:
    """The terminal-acting characters and the NIK that ``text`` shows raw."""
    return [c for c in ("\x1b", "\r", "\u202e", NIK) if c in text]


# --- control characters and NIKs in what the command prints -----------------------


def test_mask_shows_control_format_and_separator_characters_escaped() -> None:
    assert mask(f"a{ESC}b\r\nc\u202ed\u2028") == "a\\x1b[31mb\\r\\nc\\u202ed\\u2028"
    assert mask(f"{ESC}{NIK}") == "\\x1b[31m187101******0001"
    assert printable("Jl. Hidayah No. 8, RT 01/02 \u00a0é") == "Jl. Hidayah No. 8, RT 01/02 \u00a0é"


def test_a_header_name_with_an_escape_sequence_reaches_no_output_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "usaha.csv"
    rows = [ROW.format(nik=f"18710101019000{i:02d}") + ",v" for i in range(1, 3)]
    header = f"{BUSINESS},{ESC}RED\u202e"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    for args in (
        ["validate", "--type", "business", str(path)],
        ["validate", "--type", "business", str(path), "--format", "jsonl"],
        ["msme", "classify", str(path), "--as-of", "2024-01-01"],
    ):
        assert main(args) == 0
        out, err = capsys.readouterr()
        assert _raw(out + err) == [], args
        assert "\\x1b[31mRED" in out + err


def test_a_file_name_is_masked_and_its_escape_sequences_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / f"usulan_{NIK}{ESC}.csv"
    assert main(["bpum", "screen", str(missing), "--year", "2021"]) == 1
    err = capsys.readouterr().err
    assert _raw(err) == []
    assert "usulan_187101******0001\\x1b[31m.csv: no such file" in err
    assert shown_path(missing).endswith("usulan_187101******0001\\x1b[31m.csv")


def test_an_empty_file_named_by_a_nik_is_refused_without_the_nik(tmp_path: Path) -> None:
    path = tmp_path / f"{NIK}.csv"
    path.write_bytes(b"")
    with pytest.raises(InputError) as caught:
        open_records(path)
    assert NIK not in str(caught.value)
    assert "187101******0001.csv: the file is empty" in str(caught.value)


@pytest.mark.parametrize(
    "argv",
    [
        ["bpum", "screen", "x.csv", "--year", f"{NIK}{ESC}"],  # invalid int value
        ["kur", "simulate", "--plafond", "1", "--months", "1", "--akad", "2023-01-01",
         "--scheme", NIK],  # invalid choice
        [f"{NIK}{ESC}"],  # unknown command
        ["law", "list", "--as-of", "2021-01-01", f"--{NIK}{ESC}"],  # unrecognized, shown raw
    ],
)  # fmt: skip
def test_argparse_messages_quote_option_values_masked(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "error:" in err
    assert _raw(err) == []
    assert "187101******0001" in err


# --- --rules files --------------------------------------------------------------


def _rules(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _codes(path: Path) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        law.load_overrides(path)
    return [p.code for p in caught.value.problems]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.json", '{"regimes": ' + "[" * 50_000 + "]" * 50_000 + "}"),
        ("deep.toml", "regimes = " + "[" * 50_000 + "]" * 50_000 + "\n"),
        ("inline.toml", "a = " + "{b = " * 5_000 + "1" + "}" * 5_000 + "\n"),
        ("digits.json", '{"regimes": [' + "9" * 5_000 + "]}"),
        ("digits.toml", "regimes = [" + "9" * 5_000 + "]\n"),
        ("twice.json", '{"regimes": [], "regimes": [{' + REGIME + "}]}"),
    ],
)
def test_a_hostile_rules_file_is_a_syntax_problem_not_a_traceback(
    tmp_path: Path, name: str, text: str
) -> None:
    assert _codes(_rules(tmp_path, name, text)) == ["overrides.syntax"]


def test_a_rules_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    text = '{"regimes": [{' + REGIME + ', "patch": {"mikro": ["5"]}}]}'
    reform = law.load_overrides(_rules(tmp_path, "bom.json", b"\xef\xbb\xbf" + text.encode()))
    assert reform.rule_ids == ("kur.rate",)


def test_a_regime_day_outside_the_calendar_rules_use_is_refused_at_its_path(
    tmp_path: Path,
) -> None:
    text = (
        '[[regimes]]\nrule = "kur.rate"\naction = "replace"\nname = "x"\n'
        "valid_from = 9999-12-31\nvalid_to = 0001-01-01\n"
        'unit = "percent_per_year"\nconfidence = "M"\n'
        'citation = { instrument = "x", article = "y" }\npatch = { mikro = ["5"] }\n'
    )
    with pytest.raises(ValidationError) as caught:
        law.load_overrides(_rules(tmp_path, "days.toml", text))
    found = {(p.path, p.code) for p in caught.value.problems}
    assert ("$.regimes[0].valid_from", "overrides.date") in found
    assert ("$.regimes[0].valid_to", "overrides.date") in found


def test_a_rules_key_with_an_escape_sequence_is_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _rules(tmp_path, "keys.json", '{"regimes": [], "\\u001b[2J' + NIK + '": 1}')
    assert main(["law", "list", "--as-of", "2024-01-01", "--rules", str(path)]) == 2
    err = capsys.readouterr().err
    assert _raw(err) == []
    assert "$.\\x1b[2J187101******0001" in err


def test_a_hostile_rules_file_on_the_command_line_is_exit_code_2(cli: Run, tmp_path: Path) -> None:
    path = _rules(tmp_path, "deep.toml", "regimes = " + "[" * 50_000 + "]" * 50_000 + "\n")
    result = cli("law", "list", "--as-of", "2024-01-01", "--rules", path)
    assert result.returncode == 2
    assert "[overrides.syntax]" in result.stderr


# --- a line break in the first cell ---------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_line_break_in_the_first_cell_keeps_its_record_whole(
    tmp_path: Path, newline: str
) -> None:
    # The rest of the row follows the break: that line has a row's worth of
    # delimiters, yet it closes the quote and completes the record.
    rows = [f'"War{newline}ung",' + ROW.format(nik=f"18710101019000{i:02d}")[7:] for i in (1, 2)]
    path = tmp_path / "usaha.csv"
    path.write_text("\n".join([BUSINESS, *rows, ROW.format(nik=NIK)]) + "\n", encoding="utf-8")
    with open_records(path) as reader:
        records = list(reader)
    assert [r.problems for r in records] == [(), (), ()]
    assert [r.data["name"] for r in records] == [f"War{newline}ung", f"War{newline}ung", "Warung"]


def test_a_stray_quote_still_ends_its_record_on_its_own_line(tmp_path: Path) -> None:
    # A quote that opens and never closes: the next line has a row's worth of
    # delimiters and no quote to close it, so it stays a row of its own.
    rows = ['"Warung,' + ROW.format(nik=NIK)[7:], ROW.format(nik=NIK)]
    path = tmp_path / "usaha.csv"
    path.write_text("\n".join([BUSINESS, *rows]) + "\n", encoding="utf-8")
    with open_records(path) as reader:
        records = list(reader)
    assert [r.line for r in records] == [2, 3]
    assert [p.code for p in records[0].problems] == ["csv.quote"]
    assert records[1].problems == ()


@pytest.mark.parametrize("engine", ENGINES)
def test_both_engines_give_one_row_per_record_with_a_multi_line_first_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], engine: str
) -> None:
    rows = ['"War\nung",' + ROW.format(nik=f"18710101019000{i:02d}")[7:] for i in (1, 2, 3)]
    path = tmp_path / "usaha.csv"
    path.write_text("\n".join([BUSINESS, *rows]) + "\n", encoding="utf-8")
    args = ["msme", "classify", str(path), "--as-of", "2024-01-01", "--format", "jsonl"]
    assert main([*args, "--engine", engine]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3
    assert all('"diklasifikasi"' in line for line in out)


# --- inputs that are not regular files --------------------------------------------

PROPOSALS = Path(__file__).resolve().parent.parent / "examples" / "data" / "bpum_usulan_2021.csv"


@pytest.mark.parametrize("engine", ["rows", "columns"])
def test_standard_input_is_read_as_a_file(cli: Run, engine: str) -> None:
    # `-` was taken for a file named "-": "no such file".
    head = "".join(PROPOSALS.read_text(encoding="utf-8").splitlines(keepends=True)[:4])
    result = cli("bpum", "screen", "-", "--year", "2021", "--engine", engine, stdin=head)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 4  # the header and one row per record


def test_a_fifo_is_read_not_refused_as_empty(tmp_path: Path) -> None:
    # A FIFO (or `<(zcat f.csv.gz)`) reports size 0 before it is read: it was
    # refused as "the file is empty", and the columnar engine read it twice.
    fifo = tmp_path / "usulan.csv"
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f'cat "{PROPOSALS}" > "{fifo}"'])
    try:
        with open_records(fifo) as reader:
            assert not reader.regular
            count = sum(1 for _ in reader)
    finally:
        writer.wait(timeout=60)
    assert count == len(PROPOSALS.read_text(encoding="utf-8").splitlines()) - 1


def test_an_input_path_the_system_refuses_is_exit_code_1_not_an_output_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # ENAMETOOLONG, ENOTDIR, ELOOP were reported as "cannot write the output" (exit 3).
    through_a_file = tmp_path / "f.csv"
    through_a_file.write_text("nik\n", encoding="utf-8")
    for path in (tmp_path / ("a" * 5_000), through_a_file / "x.csv"):
        assert main(["bpum", "screen", str(path), "--year", "2021"]) == 1
        err = capsys.readouterr().err
        assert "cannot be read" in err
        assert "output" not in err


# --- a header of many or long unknown column names ----------------------------------

BPUM_HEADER = PROPOSALS.read_text(encoding="utf-8").splitlines()[0]


def test_an_unknown_bpum_column_counts_only_where_the_row_fills_it() -> None:
    first = PROPOSALS.read_text(encoding="utf-8").splitlines()[1]
    good = dict(zip(BPUM_HEADER.split(","), first.split(","), strict=True))
    assert isinstance(bpum.structure_row({**good, "warna": ""}), bpum.Proposal)
    filled = bpum.structure_row({**good, "warna": "biru"})
    assert isinstance(filled, ValidationError)
    assert filled.codes == ("row.unknown_column",)


def test_many_unknown_columns_do_not_multiply_the_report_by_the_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 500 unknown columns and rows of one cell: every row used to carry 500
    # problems (23 MB of report for 51 KB of input at 1,000 columns).
    extra = ",".join(f"kolom_{i}_{'y' * 40}" for i in range(500))
    path = tmp_path / "usulan.csv"
    path.write_text(f"{BPUM_HEADER},{extra}\n" + "x\n" * 50, encoding="utf-8")
    assert main(["bpum", "screen", str(path), "--year", "2021"]) == 0
    out = capsys.readouterr().out
    assert "row.unknown_column" not in out
    assert len(out) < 50 * 2_000


def test_a_long_column_name_is_shown_cut_in_every_path(tmp_path: Path) -> None:
    path = tmp_path / "usaha.csv"
    name = "kolom" + "L" * 5_000
    path.write_text(f"{BUSINESS},{name}\n{ROW.format(nik=NIK)},v\n", encoding="utf-8")
    with read_records(path, type=Business) as records:
        (record,) = list(records)
    paths = [p.path for p in record.problems]
    assert paths == ["$." + "kolom" + "L" * 75 + "…"]


# --- JSON records that name a key twice ---------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_a_json_lines_record_naming_a_key_twice_is_an_error_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], engine: str
) -> None:
    # json.loads keeps the last value: "A" was dropped without a word.
    good = (
        f'{{"name": "W", "owner_nik": "{NIK}", "started_on": "2019-01-01", "capital": "50000000"}}'
    )
    twice = good.replace('"name": "W"', '"name": "A", "name": "B"')
    path = tmp_path / "usaha.jsonl"
    path.write_text(f"{good}\n{twice}\n{good}\n", encoding="utf-8")
    args = ["validate", "--type", "business", str(path), "--format", "jsonl", "--engine", engine]
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert '"line": 2' in out[0]
    assert '"code": "json.duplicate_key"' in out[0]


def test_a_json_array_item_naming_a_key_twice_is_an_error_record(tmp_path: Path) -> None:
    path = tmp_path / "usaha.json"
    path.write_text('[{"name": "A", "rat": {"x": 1, "x": 2}}, {"name": "B"}]', encoding="utf-8")
    with open_records(path) as reader:
        records = list(reader)
    assert [[p.code for p in r.problems] for r in records] == [["json.duplicate_key"], []]


# --- a --rules file's text in the law commands' CSV ----------------------------------


def test_a_rules_file_text_is_never_a_formula_in_the_law_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        '[[regimes]]\nrule = "kur.rate"\naction = "replace"\n'
        "name = \"=cmd|' /C calc'!A0\"\nvalid_from = 2027-01-01\n"
        'unit = "percent_per_year"\nconfidence = "M"\n'
        'citation = { instrument = "@SUM(1)", article = "+1\\r\\nforged" }\n'
        'patch = { mikro = ["5"] }\n'
    )
    path = _rules(tmp_path, "formula.toml", text)
    assert (
        main(["law", "list", "--as-of", "2027-03-01", "--rules", str(path), "--format", "csv"]) == 0
    )
    out = capsys.readouterr().out
    (line,) = [row for row in out.splitlines() if row.startswith("kur.rate,")]
    cells = next(csv.reader([line]))
    assert "'=cmd|' /C calc'!A0" in cells
    assert "'@SUM(1)" in cells
    assert "'+1\\r\\nforged" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_a_stray_quote_and_a_quote_inside_the_next_row_stay_two_records(tmp_path: Path) -> None:
    # The next line holds a quote, but inside a cell (Toko "Maju"): it closes
    # no cell, so it does not complete the open one; each row keeps its own.
    rows = ['"Warung,' + ROW.format(nik=NIK)[7:], 'Toko "Maju",' + ROW.format(nik=NIK)[7:]]
    path = tmp_path / "usaha.csv"
    path.write_text("\n".join([BUSINESS, *rows]) + "\n", encoding="utf-8")
    with open_records(path) as reader:
        records = list(reader)
    assert [r.line for r in records] == [2, 3]
    assert [p.code for p in records[0].problems] == ["csv.quote"]
    assert records[1].data["name"] == 'Toko "Maju"'


# A cell's line may hold a delimiter or two, never nearly a row's worth: such
# a line inside a quoted cell is taken for a row of its own (the documented
# price of reading a stray quote as one row's problem).
_LINE = st.text(alphabet='ab ,"', max_size=6).filter(lambda text: text.count(",") <= 1)
_CELL = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=4, max_value=7).flatmap(
    lambda width: st.lists(st.lists(_CELL, min_size=width, max_size=width), min_size=1, max_size=6)
))  # fmt: skip
def test_a_well_quoted_file_gives_the_records_the_csv_rules_give(rows: list[list[str]]) -> None:
    # Any cell, the first included, may hold quotes, delimiters and line breaks.
    width = len(rows[0])
    header = [f"c{i}" for i in range(width)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    text = out.getvalue()
    expected = [r for r in csv.reader(io.StringIO(text[text.index("\n") + 1 :], newline="")) if r]
    expected = [r for r in expected if len(r) > 1 or r[0].strip()]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "f.csv")
        path.write_text(text, encoding="utf-8", newline="")
        with open_records(path) as reader:
            records = list(reader)
    assert [[r.data[h] for h in header] for r in records] == expected
    assert all(r.problems == () for r in records)
