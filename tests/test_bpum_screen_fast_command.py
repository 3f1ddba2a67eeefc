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

import csv
import io
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from _robustness import NIKS
from koperasi_id.bpum._rowscreen import RowScreening
from koperasi_id.cli import main
from test_bpum_rowscreen import SAMPLE
from test_robustness_files import BPUM_ROW
from test_validate_quiet_rows import _write, hostile_files, quoting_lines

#: What ``row_text`` answered in the last run with the fast paths on: "str" for
#: an eligible row written as text, "list" for a row written as cells.
ANSWERED: list[str] = []


def _screen(
    source: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *,
    fast: bool,
    args: Sequence[str],
) -> tuple[int, str, str]:
    with monkeypatch.context() as m:
        if fast:
            ANSWERED.clear()
            real_text = RowScreening.row_text

            def counted(self: RowScreening, line: int, cells: list[str]) -> object:
                got = real_text(self, line, cells)
                if got is not None:
                    ANSWERED.append(type(got).__name__)
                return got

            m.setattr(RowScreening, "row_text", counted)
        else:
            m.setattr(RowScreening, "row", lambda self, line, data: None)
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
    answered = list(ANSWERED)
    general = _screen(source, capsys, monkeypatch, fast=False, args=args)
    assert fast == general
    ANSWERED[:] = answered
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
    # The comparison means something only if the fast paths answered rows: a
    # clean eligible row as text, a clean repeat or ineligible row as cells
    # (none for JSON Lines output, which takes the general path).
    kinds = set(ANSWERED)
    assert kinds == (set() if "jsonl" in args else {"str", "list"})
    assert "jsonl" in args or ANSWERED.count("str") > 5_000
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
    source, lenient, records = hostile_files(tmp_path)
    for args in _VARIANTS[:4]:
        code, out, _ = _same_output(source, capsys, monkeypatch, args)
        assert code == 0
    assert out.count("\n") == records  # jsonl: one line per record
    _same_output(lenient, capsys, monkeypatch, ["--year", "2021", "--lenient"])
    _same_output(lenient, capsys, monkeypatch)  # unknown columns: every row is invalid


def test_clean_quoted_and_broken_rows_share_one_duplicate_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = ",".join(BPUM_ROW.values()).replace(NIKS[0], NIKS[1])
    lines = [
        *quoting_lines(),  # a clean row first, then its repeats quoted, broken, odd
        ",".join(f'"{v}"' for v in plain.split(",")),  # a new NIK, first quoted
        plain,  # its clean repeat
        plain.replace("tidak,tidak", "ya,tidak"),  # a clean repeat that holds KUR
        plain + ",x",  # a long row
    ]
    source = tmp_path / "quotes.csv"
    source.write_bytes(("\r\n".join(lines) + "\n").encode("utf-8"))
    for args in _VARIANTS:
        code, out, _ = _same_output(source, capsys, monkeypatch, args)
        assert code == 0
        if "jsonl" in args:
            continue
        outcomes: dict[str, list[str]] = {}
        for row in csv.DictReader(io.StringIO(out)):
            outcomes.setdefault(row["nik"], []).append(row["hasil"])
        first, second = (f"{nik[:6]}******{nik[12:]}" for nik in NIKS)
        assert outcomes[first][0] != "ganda"  # the clean row, answered as text or cells
        assert outcomes[first][1] == "ganda"  # its quoted repeat
        assert outcomes[second][0] != "ganda"  # quoted first ...
        assert outcomes[second][1:] == ["ganda", "ganda"]  # ... then its clean repeats
    duplicate = _write(tmp_path / "twice.csv", [*BPUM_ROW, "nik"], [[*BPUM_ROW.values(), "x"]])
    assert _same_output(duplicate, capsys, monkeypatch)[0] != 0  # the file is refused
