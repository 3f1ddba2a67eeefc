"""``validate --type bpum-proposal``'s fast path gives what the general path gives (issue 18).

:class:`~koperasi_id.bpum._rowcells.QuietRows` confirms a plainly valid row
without structuring it; every other row is structured in full. A row it
answers must structure into a valid proposal with no value warnings (then the
general path reports nothing and counts nothing for it), and the command's
output, standard error and exit code must be the same bytes with the fast
path switched off. The rows come from fixed junk cells, from drawn proposals
and hostile cells under odd headers (Hypothesis), and from whole files: the
sample data, the benchmark generator's planted bad rows and the robustness
suite's hostile cells, reordered, short, extra and duplicate columns,
non-ASCII digits, whitespace and hostile quoting.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from _hypothesis_optional import given, settings, st
from _robustness import NIKS
from koperasi_id.bpum import PROPOSAL_COLUMNS, Proposal, proposal_to_row, structure_row
from koperasi_id.bpum._rowcells import QuietRows, quiet_values
from koperasi_id.cli import main
from koperasi_id.cli._common import value_warnings
from koperasi_id.errors import ValidationError
from test_bpum_rows_direct import JUNK
from test_bpum_rowscreen import SAMPLE, _row
from test_bpum_rowscreen_fuzz import _rows as _hostile_rows
from test_robustness_files import BPUM_ROW, HOSTILE_COLUMNS, _hostile_bpum_rows

_FIELDS = tuple(Proposal.__attrs_attrs__)  # type: ignore[attr-defined]


def _agree(rows: Sequence[Mapping[str, Any]], *, lenient: bool = False) -> int:
    """Check each row both ways; the number the fast path answered."""
    header = list(rows[0]) if rows else list(PROPOSAL_COLUMNS)
    quiet = QuietRows(header, lenient=lenient)
    answered = 0
    for row in rows:
        structured = structure_row(row, lenient=lenient)
        values = quiet.check(row)
        assert quiet.check_cells(list(row.values())) == values  # the reader's clean rows
        if values is None:
            continue
        answered += 1
        # The general path finds no problem and no warning: nothing reported, nothing counted.
        assert isinstance(structured, Proposal), structured
        assert value_warnings(structured) == []
        # ... and the values are the proposal's own, field by field.
        assert values[: len(_FIELDS)] == tuple(getattr(structured, f.name) for f in _FIELDS)
        assert values[len(_FIELDS) :] == (
            structured.occupation.value,
            structured.proposer.type.value,
        )
    return answered


# --- rows ----------------------------------------------------------------------------


def test_a_valid_row_is_answered_and_each_junk_cell_is_not() -> None:
    assert _agree([_row()]) == 1
    for column, values in JUNK.items():
        for value in values:
            row = _row(**{column: value})
            answered = _agree([row])
            if answered:  # a junk cell the fast path accepts must be a valid one
                assert not isinstance(structure_row(row), ValidationError)


@pytest.mark.parametrize(
    "cells",
    [
        {"nama": "x" * 500},  # the longest text accepted
        {"nama": "x" * 501},
        {"alamat_usaha": "x" * 500},
        {"alamat_usaha": "x" * 501},
        {"nama": "x" * 65_536},  # past the cell limit
        {"tahun_bpum_sebelumnya": "1900"},  # the first plausible year
        {"tahun_bpum_sebelumnya": "1899"},
        {"tahun_bpum_sebelumnya": "9999"},
        {"tahun_bpum_sebelumnya": "2020|2020"},
        {"tahun_bpum_sebelumnya": "2020|2021"},
        {"kk": ""},  # optional for validate
        {"ada_sku": "", "wni": "", "kbli": ""},
        {"nik": "9101021708750001"},  # a warning: the general path counts it
        {"nik": "1871991708750001"},
        {"kk": "9101021708750001"},
        {"wilayah_pengusul": "91.01"},
        {"kbli": "47111@kbli_2015"},
        {"nik": "１８７１０１０１０１９００００１"},  # full-width digits
        {"telepon": "٠٨١٢٣٤٥٦٧٨٩٠"},  # Arabic-Indic digits
        {"nik": "\u00a01871010101900001\u3000"},
        {"nama": "\u200b"},
        {"jenis_pengusul": "dinas_provinsi", "wilayah_pengusul": "18"},
        {"jenis_pengusul": "dinas_provinsi", "wilayah_pengusul": "18.71"},
        {"punya_kur": "YA", "punya_kredit_bank_lain": "False", "wni": "Tidak"},
    ],
)
def test_boundary_and_odd_cells_agree(cells: dict[str, str]) -> None:
    _agree([_row(**cells)])


def test_short_rows_odd_headers_and_cells_that_are_not_text() -> None:
    assert _agree([{**_row(), "wni": None}]) == 0  # the reader pads a short row with None
    assert quiet_values([*list(_row().values())[:-1], 7]) is None
    without_optional = {k: v for k, v in _row().items() if k not in ("kk", "wni", "kbli")}
    assert _agree([without_optional]) == 1
    reordered = dict(reversed(list(_row().items())))
    assert _agree([reordered]) == 1
    spaced = {f" {k.upper()} ": v for k, v in _row().items()}  # names read as the converter does
    assert _agree([spaced]) == 1
    extra = {**_row(), "warna": "biru"}
    assert _agree([extra]) == 0  # an unknown column: the general path reports it
    assert _agree([extra], lenient=True) == 1
    missing = {k: v for k, v in _row().items() if k != "telepon"}
    assert _agree([missing]) == 0
    twice = {**_row(), "NIK": "1871010101900002"}  # two names for one column
    assert _agree([twice]) == 0
    assert not QuietRows([*PROPOSAL_COLUMNS, "NIK"]).active


@settings(max_examples=250, deadline=None)
@given(rows=_hostile_rows(), lenient=st.booleans())
def test_hostile_cells_under_odd_headers_agree(rows: list[dict[str, str]], lenient: bool) -> None:
    _agree(rows, lenient=lenient)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_drawn_proposals_are_answered_by_the_fast_path(data: Any) -> None:
    from koperasi_id.strategies import bpum_proposals  # noqa: PLC0415 - needs hypothesis

    proposal = data.draw(bpum_proposals(year=data.draw(st.sampled_from([2020, 2021]))))
    row = proposal_to_row(proposal)
    answered = _agree([row])
    # A drawn proposal whose values have no warning is confirmed without the general path.
    assert answered == (not value_warnings(proposal))


# --- the command -----------------------------------------------------------------------


#: Whether ``check_cells`` answered each row it was asked, in the last run with the fast path on.
ANSWERED: list[bool] = []


def _validate(
    source: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *,
    fast: bool,
    args: Sequence[str] = (),
) -> tuple[int, str, str]:
    with monkeypatch.context() as m:
        if fast:
            ANSWERED.clear()
            real_check = QuietRows.check_cells

            def counted(self: QuietRows, cells: Sequence[Any], kk_required: bool = False) -> Any:
                got = real_check(self, cells, kk_required=kk_required)
                ANSWERED.append(got is not None)
                return got

            m.setattr(QuietRows, "check_cells", counted)
        else:
            m.setattr(QuietRows, "check", lambda self, data, kk_required=False: None)
            m.setattr(QuietRows, "check_cells", lambda self, cells, kk_required=False: None)
        code = main(["validate", "--type", "bpum-proposal", str(source), "--engine", "rows", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _same_output(
    source: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: Sequence[str] = (),
) -> tuple[int, str, str]:
    fast = _validate(source, capsys, monkeypatch, fast=True, args=args)
    answered = list(ANSWERED)
    general = _validate(source, capsys, monkeypatch, fast=False, args=args)
    assert fast == general
    ANSWERED[:] = answered
    return fast


def _write(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("args", [(), ("--format", "jsonl"), ("--lang", "en")])
def test_the_sample_file_gives_the_same_output(
    args: Sequence[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = _same_output(SAMPLE, capsys, monkeypatch, args)
    assert code == 0
    assert out  # the sample has invalid rows
    # The comparison means something only if the fast path answered rows.
    assert ANSWERED.count(True) > 5_000
    assert ANSWERED.count(False) > 0  # and left others to the general path
    assert ("records" if "en" in args else "rekaman") in err


def test_the_benchmark_file_gives_the_same_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys  # noqa: PLC0415

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    try:
        from _data import write_proposal_csv  # noqa: PLC0415
    finally:
        sys.path.pop(0)
    source = write_proposal_csv(tmp_path / "usulan.csv", 3_000)  # planted bad rows and twins
    code, out, err = _same_output(source, capsys, monkeypatch)
    assert code == 0
    assert out.count("\n") > 10
    assert err.startswith("3000 rekaman")


def hostile_files(tmp_path: Path) -> tuple[Path, Path, int]:
    """A file of the robustness suite's hostile cells, the same under hostile column names.

    Each cell junk in turn after a valid first row, then a record that is not
    UTF-8, a short one and a long one; the second file has the columns
    reversed and the hostile names added. Also the number of records.
    """
    names = list(BPUM_ROW)
    rows = [list(BPUM_ROW.values()), *_hostile_bpum_rows()]
    source = _write(tmp_path / "hostile.csv", names, rows)
    with source.open("ab") as f:
        f.write(b"\xff\xfe" + NIKS[0].encode() + b"," * (len(names) - 1) + b"\n")
        f.write(NIKS[1].encode() + b",x\n")
        f.write(b",".join(v.encode() for v in BPUM_ROW.values()) + b",extra\n")
    lenient = _write(
        tmp_path / "lenient.csv",
        [*reversed(names), *HOSTILE_COLUMNS],
        [[*reversed(r), *(["x"] * len(HOSTILE_COLUMNS))] for r in rows],
    )
    return source, lenient, len(rows) + 3


def test_hostile_cells_and_columns_give_the_same_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source, lenient, records = hostile_files(tmp_path)
    code, out, err = _same_output(source, capsys, monkeypatch)
    assert code == 0
    assert f"{records} rekaman" in err
    assert "baris 2:" not in out  # the valid first row
    _same_output(lenient, capsys, monkeypatch, ["--lenient"])
    _same_output(lenient, capsys, monkeypatch)  # unknown columns: every row is reported


def quoting_lines() -> list[str]:
    """The lines of a file of hostile quoting: the header, then the same row written many ways.

    Quoted cells, a quote inside a cell, a doubled quote, a cell over two
    lines, a quote never closed, blank lines, non-ASCII digits, odd
    whitespace, a lone ``\\r``, another delimiter, a short row.
    """
    header = ",".join(BPUM_ROW)
    plain = ",".join(BPUM_ROW.values())
    quoted = ",".join(f'"{v}"' for v in BPUM_ROW.values())
    return [
        header,
        plain,
        quoted,  # the same row, every cell quoted
        plain.replace("Siti", '"Si,ti"'),  # a closed quote holding the delimiter
        plain.replace("Siti", 'Si"ti'),  # a quote inside an unquoted cell
        plain.replace("Siti", '"Si""ti"'),  # a doubled quote
        plain.replace("Jl. Kartini 5", '"Jl. Kartini\n5"'),  # a cell over two lines
        plain.replace("Siti", '"Siti'),  # a quote never closed
        plain,
        "",
        "   ",
        plain.replace(NIKS[0], "１" + NIKS[0][1:]),  # a full-width digit
        plain.replace(NIKS[0], f"\u00a0{NIKS[0]}\t"),
        plain + "\r",
        plain.replace("081234567890", " 0812-3456-7890 "),
        plain.replace(",", ";", 1),
        plain.rsplit(",", 2)[0],  # short
    ]


def test_quoting_whitespace_and_digits_give_the_same_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = quoting_lines()
    source = tmp_path / "quotes.csv"
    source.write_bytes(("\r\n".join(lines) + "\n").encode("utf-8"))
    code, out, _ = _same_output(source, capsys, monkeypatch)
    assert code == 0
    assert "csv.quote" in out
    duplicate = _write(tmp_path / "twice.csv", [*BPUM_ROW, "nik"], [[*BPUM_ROW.values(), "x"]])
    assert _same_output(duplicate, capsys, monkeypatch)[0] != 0  # the file is refused
