"""``bpum screen --engine rows`` writes the same bytes with its fast paths switched off (issue 18).

The command reads a clean CSV row as its cells
(:meth:`~koperasi_id._io.RecordReader.rows_or_records`), answers a plainly
valid one with :meth:`~koperasi_id.bpum._rowscreen.RowScreening.row_text`
(an eligible row as its CSV line) and any other record, a quoted one
included, with ``RowScreening.row`` or the general path. Switched off, every
row takes the general path. Standard output, standard error and the exit
code must be the same bytes either way: on the sample file, a benchmark file
with its planted bad rows and repeats, the robustness suite's hostile cells
and columns, and a file that mixes clean rows with quoted and broken ones
(so the two fast paths and the general one share the duplicate index), with
``--lang en``, ``--lenient``, ``--format jsonl``, both years and the other
reading of the 2021 bank-credit rule.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from _robustness import NIKS
from koperasi_id.bpum._rowscreen import RowScreening
from koperasi_id.cli import main
from test_bpum_rowscreen import SAMPLE
from test_robustness_files import BPUM_ROW, HOSTILE_COLUMNS, _hostile_bpum_rows
from test_validate_quiet_rows import _write


def _screen(
    source: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *,
    fast: bool,
    args: Sequence[str],
) -> tuple[int, str, str]:
    with monkeypatch.context() as m:
        if not fast:
            m.setattr(RowScreening, "row", lambda self, line, data: None)
            m.setattr(RowScreening, "row_cells", lambda self, line, cells: None)
            m.setattr(RowScreening, "row_text", lambda self, line, cells: None)
        code = main(["bpum", "screen", str(source), "--engine", "rows", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _same_output(
    source: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: Sequence[str] = ("--year", "2021"),
) -> tuple[int, str, str]:
    fast = _screen(source, capsys, monkeypatch, fast=True, args=args)
    general = _screen(source, capsys, monkeypatch, fast=False, args=args)
    assert fast == general
    return fast


_VARIANTS = [
    ("--year", "2021"),
    ("--year", "2020"),
    ("--year", "2021", "--lang", "en"),
    ("--year", "2021", "--format", "jsonl"),
    ("--year", "2021", "--other-bank-credit", "semua_kredit_bank"),
]


@pytest.mark.parametrize("args", _VARIANTS)
def test_the_sample_file_gives_the_same_output(
    args: Sequence[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = _same_output(SAMPLE, capsys, monkeypatch, args)
    assert code == 0
    assert out.count("\n") == 10_500 + ("jsonl" not in args)  # every record (and a header)
    for outcome in ("layak", "tidak_layak", "tidak_valid", "ganda"):
        assert outcome in out
    assert ("records" if "en" in args else "rekaman") in err


@pytest.mark.parametrize("args", [("--year", "2021"), ("--year", "2020", "--lang", "en")])
def test_the_benchmark_file_gives_the_same_output(
    args: Sequence[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    try:
        from _data import write_proposal_csv  # noqa: PLC0415
    finally:
        sys.path.pop(0)
    source = write_proposal_csv(tmp_path / "usulan.csv", 3_000)  # planted bad rows and twins
    code, out, err = _same_output(source, capsys, monkeypatch, args)
    assert code == 0
    assert out.count("\n") == 3_001
    assert "ganda" in out
    assert "tidak_valid" in out
    assert err.startswith("BPUM 20")


def test_hostile_cells_and_columns_give_the_same_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    names = list(BPUM_ROW)
    rows = [list(BPUM_ROW.values()), *_hostile_bpum_rows()]  # each cell junk in turn
    source = _write(tmp_path / "hostile.csv", names, rows)
    with source.open("ab") as f:  # a record that is not UTF-8, a short one, a long one
        f.write(b"\xff\xfe" + NIKS[0].encode() + b"," * (len(names) - 1) + b"\n")
        f.write(NIKS[1].encode() + b",x\n")
        f.write(b",".join(v.encode() for v in BPUM_ROW.values()) + b",extra\n")
    for args in _VARIANTS[:4]:
        code, out, _ = _same_output(source, capsys, monkeypatch, args)
        assert code == 0
    assert out.count("\n") == len(rows) + 3  # jsonl: one line per record
    lenient = _write(
        tmp_path / "lenient.csv",
        [*reversed(names), *HOSTILE_COLUMNS],
        [[*reversed(r), *(["x"] * len(HOSTILE_COLUMNS))] for r in rows],
    )
    _same_output(lenient, capsys, monkeypatch, ["--year", "2021", "--lenient"])
    _same_output(lenient, capsys, monkeypatch)  # unknown columns: every row is invalid


def test_clean_quoted_and_broken_rows_share_one_duplicate_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    header = ",".join(BPUM_ROW)
    plain = ",".join(BPUM_ROW.values())
    quoted = ",".join(f'"{v}"' for v in BPUM_ROW.values())
    other = plain.replace(NIKS[0], NIKS[1])
    lines = [
        header,
        quoted,  # the first of a NIK, read by csv.reader: RowScreening.row answers it
        plain,  # its repeat, a clean row: row_text
        other,  # a new NIK, eligible: a line of text
        other.replace("Siti", '"Si,ti"'),  # its repeat, quoted
        plain.replace("tidak,tidak", "ya,tidak"),  # a KUR holder, repeated NIK
        plain.replace("Siti", 'Si"ti'),  # a quote inside an unquoted cell
        plain.replace("Jl. Kartini 5", '"Jl. Kartini\n5"'),  # a cell over two lines
        plain.replace("Siti", '"Siti'),  # a quote never closed
        other,
        "",
        "   ",
        plain.replace(NIKS[0], "１" + NIKS[0][1:]),  # a full-width digit
        plain.replace(NIKS[0], f"\u00a0{NIKS[0]}\t"),
        plain + "\r",
        plain.replace("081234567890", " 0812-3456-7890 "),
        plain.replace(",", ";", 1),
        plain.rsplit(",", 2)[0],  # short
        plain + ",x",  # long
    ]
    source = tmp_path / "quotes.csv"
    source.write_bytes(("\r\n".join(lines) + "\n").encode("utf-8"))
    for args in _VARIANTS:
        code, out, _ = _same_output(source, capsys, monkeypatch, args)
        assert code == 0
        if "jsonl" not in args:
            rows = out.splitlines()
            assert ",ganda," in rows[2]  # the clean repeat of a quoted row
            assert rows[3].startswith("4,")
            assert ",ganda," not in rows[3]
    duplicate = _write(tmp_path / "twice.csv", [*BPUM_ROW, "nik"], [[*BPUM_ROW.values(), "x"]])
    assert _same_output(duplicate, capsys, monkeypatch)[0] != 0  # the file is refused
