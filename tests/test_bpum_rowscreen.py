"""The fast path of ``bpum screen --engine rows`` gives what the general path gives, byte for byte.

``RowScreening.row`` answers a plainly valid CSV row without a Proposal or a
result object; everything else takes the general path (structure the row,
then ``screen_one``). These tests run both on the same rows, from fixed
junk cells, from drawn proposals (Hypothesis) and through the command on
the sample data and the robustness suite's hostile cells, and compare the
outcome of every row, the summary and the output bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from _hypothesis_optional import given, settings, st
from _robustness import NIKS
from koperasi_id.bpum import (
    PROGRAMMES,
    PROPOSAL_COLUMNS,
    Occupation,
    OtherBankCreditRule,
    Proposal,
    ScreeningSummary,
    proposal_to_row,
    structure_row,
)
from koperasi_id.bpum._eligibility import cell_passes, failures, passes_all, plan
from koperasi_id.bpum._programmes import programme
from koperasi_id.bpum._rowscreen import RowScreening
from koperasi_id.bpum._screening import result_cells
from koperasi_id.cli import main
from koperasi_id.cli._common import value_warnings
from koperasi_id.law import Citation, Regime, Timeline
from test_bpum_rows_direct import JUNK, ROW
from test_robustness_files import BPUM_ROW, CELLS, HOSTILE_COLUMNS

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "bpum_usulan_2021.csv"
RULES = tuple(OtherBankCreditRule)


def _both(
    rows: Sequence[Mapping[str, Any]],
    *,
    year: int,
    rule: OtherBankCreditRule = OtherBankCreditRule.REGULATION_TEXT,
    lenient: bool = False,
    rules: Timeline[Any] = PROGRAMMES,
) -> tuple[int, ScreeningSummary]:
    """Screen ``rows`` both ways, compare each row's cells and the summaries; the fast answers."""
    header = list(rows[0]) if rows else list(PROPOSAL_COLUMNS)
    options: dict[str, Any] = {"year": year, "other_bank_credit_rule": rule, "rules": rules}
    fast_summary, general_summary = ScreeningSummary(year=year), ScreeningSummary(year=year)
    cells_summary = ScreeningSummary(year=year)
    answered = 0
    with (
        RowScreening(header, summary=fast_summary, **options, lenient=lenient) as fast,
        RowScreening(
            header, summary=general_summary, **options, lenient=lenient, fast=False
        ) as general,
        RowScreening(header, summary=cells_summary, **options, lenient=lenient) as by_cells,
    ):
        for line, row in enumerate(rows, start=2):
            expected = result_cells(general.item(line, structure_row(row, lenient=lenient)))
            # The command's way for a clean CSV row: its cells, an eligible one as CSV text.
            text = by_cells.row_text(line, list(row.values()))
            if text is None:
                text = result_cells(by_cells.item(line, structure_row(row, lenient=lenient)))
            assert text == (_csv_line(expected) if isinstance(text, str) else expected), line
            got = fast.row(line, row)
            if got is None:
                got = result_cells(fast.item(line, structure_row(row, lenient=lenient)))
            else:
                answered += 1
                # The command counts the warnings of what the general path structures;
                # a row the fast path answers must have none to count.
                structured = structure_row(row, lenient=lenient)
                assert isinstance(structured, Proposal)
                assert value_warnings(structured) == [], line
            assert got == expected, line
    assert fast_summary == general_summary == cells_summary
    assert list(fast_summary.by_reason) == list(general_summary.by_reason)  # the JSON's order
    assert list(cells_summary.by_reason) == list(general_summary.by_reason)
    return answered, fast_summary


def _csv_line(cells: Sequence[str]) -> str:
    """What the command's csv writer writes of ``cells``."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerow(cells)
    return text.getvalue()


def _row(**cells: str) -> dict[str, str]:
    return {column: cells.get(column, ROW.get(column, "")) for column in PROPOSAL_COLUMNS}


# --- fixed rows ------------------------------------------------------------------


def test_a_valid_eligible_row_is_answered_by_the_fast_path() -> None:
    rows = [_row(tahun_bpum_sebelumnya="", punya_kredit_bank_lain="tidak")]
    summary = ScreeningSummary(year=2021)
    with RowScreening(list(rows[0]), summary=summary, year=2021) as screening:
        got = screening.row(2, rows[0])
        assert summary.total == 0  # eligible rows are counted when the run closes
    assert got == ["2", "187101******0001", "layak", "1200000", "", "", ""]
    assert summary.eligible == summary.total == 1
    assert summary.eligible_amount == Decimal("1200000")


@pytest.mark.parametrize("year", [2020, 2021])
@pytest.mark.parametrize("rule", RULES)
def test_each_junk_cell_gives_the_same_result(year: int, rule: OtherBankCreditRule) -> None:
    rows = [_row()]
    for column, values in JUNK.items():
        rows += [_row(**{column: value}) for value in values]
    # Repeats: of a valid row, of an invalid one, and a valid one after an invalid first.
    rows += [_row(), _row(telepon="0812"), _row(nik="1871010101900002", telepon="0812")]
    rows += [_row(nik="1871010101900002")]
    answered, summary = _both(rows, year=year, rule=rule)
    assert answered  # the fast path is exercised, not bypassed
    assert summary.total == len(rows)
    assert summary.duplicates >= 2


@pytest.mark.parametrize(
    "cells",
    [
        {"alamat_usaha": "Jl. Kartini 5", "ada_sku": "tidak"},  # the same place: no SKU needed
        {"alamat_usaha": "JL KARTINI  5", "ada_sku": "tidak"},
        {"alamat_usaha": "Pasar Bawah", "ada_sku": "tidak"},  # elsewhere without SKU: fails
        {"alamat_usaha": "Pasar Bawah", "ada_sku": ""},
        {"alamat_usaha": "x" * 501},
        {"alamat_ktp": "x" * 500},
        {"bidang_usaha": "x" * 501},
        {"tahun_bpum_sebelumnya": "2020|2021"},
        {"tahun_bpum_sebelumnya": "2021"},
        {"tahun_bpum_sebelumnya": "1899"},
        {"tahun_bpum_sebelumnya": "2020 | 2020"},
        {"punya_kur": "YA"},
        {"punya_kredit_bank_lain": "True"},
        {"wni": "tidak"},
        {"wni": "False"},
        {"pekerjaan": "asn"},
        {"jenis_pengusul": "dinas_provinsi", "wilayah_pengusul": "18"},
        {"jenis_pengusul": "bank", "wilayah_pengusul": "18.71.01"},
        {"wilayah_pengusul": "91.01"},  # a retired regency: a warning, the general path's
        {"nik": "9101021708750001"},  # a NIK with a warning
        {"nik": "1871991708750001"},
        {"nik": " 1871010101900001 "},
        {"nik": "1871 0101 0190 0001"},
        {"kk": ""},
        {"kbli": "47111@kbli_2015"},
        {"telepon": "(0721) 123456"},
        {"nama": "x" * 20_000},
    ],
)
@pytest.mark.parametrize("year", [2020, 2021])
def test_edge_cells_give_the_same_result(cells: dict[str, str], year: int) -> None:
    for rule in RULES:
        _both([_row(**cells), _row(**cells)], year=year, rule=rule)


def test_short_rows_missing_columns_and_lenient_headers() -> None:
    short: dict[str, Any] = {**_row(), "wni": None}  # the reader pads a short row with None
    _both([short, _row()], year=2021)
    without_kk = {k: v for k, v in _row().items() if k != "kk"}
    _both([without_kk, without_kk], year=2020)
    _both([without_kk], year=2021)
    extra = {**_row(), "warna": "biru"}
    assert _both([extra], year=2021)[0] == 0  # an unknown column: the general path reports it
    assert _both([extra, extra], year=2021, lenient=True)[0] == 2


def test_a_programme_with_an_unknown_criterion_takes_the_general_path() -> None:
    prog = programme(2021)
    with_unknown = attrs.evolve(prog, criteria={**prog.criteria, "nothing": None})
    assert cell_passes(with_unknown, OtherBankCreditRule.REGULATION_TEXT) is None
    assert cell_passes(prog, OtherBankCreditRule.REGULATION_TEXT) is not None


def test_a_caller_supplied_programme_is_read_not_retyped() -> None:
    prog = programme(2021)
    stricter = attrs.evolve(
        prog,
        year=2024,
        amount=Decimal("600000"),
        excluded_occupations=(*prog.excluded_occupations, Occupation.TRADER),
        allowed_previous_years=(2020, 2021),
    )
    rules = PROGRAMMES.extended(
        Regime(
            name="bpum-2024",
            valid_from=date(2024, 1, 1),
            valid_to=date(2024, 12, 31),
            citation=Citation("Permen UMKM X/2024"),
            value=stricter,
        )
    )
    rows = [
        _row(),
        _row(nik="1871010101900002", pekerjaan="nelayan", tahun_bpum_sebelumnya="2020|2021"),
    ]
    answered, summary = _both(rows, year=2024, rules=rules)
    assert answered == 2
    assert summary.ineligible == 1
    assert summary.eligible_amount == Decimal("600000")


# --- drawn rows (Hypothesis) -------------------------------------------------------

_JUNK_CELLS = st.sampled_from(
    [(column, value) for column, values in JUNK.items() for value in values]
)


@st.composite
def _files(draw: Any) -> list[dict[str, str]]:
    from koperasi_id.strategies import bpum_proposals  # noqa: PLC0415 - needs hypothesis

    year = draw(st.sampled_from([2020, 2021]))
    proposals = draw(st.lists(bpum_proposals(year=year), min_size=1, max_size=8))
    rows = [proposal_to_row(p) for p in proposals]
    for _ in range(draw(st.integers(0, 4))):
        base = dict(draw(st.sampled_from(rows)))  # a repeat, maybe with a cell changed
        if draw(st.booleans()):
            column, value = draw(_JUNK_CELLS)
            base[column] = value
        if draw(st.booleans()):
            base[draw(st.sampled_from(PROPOSAL_COLUMNS))] = draw(st.text(max_size=12))
        rows.insert(draw(st.integers(0, len(rows))), base)
    return rows


@settings(max_examples=150, deadline=None)
@given(rows=_files(), year=st.sampled_from([2020, 2021]), rule=st.sampled_from(RULES))
def test_drawn_files_give_the_same_results(
    rows: list[dict[str, str]], year: int, rule: OtherBankCreditRule
) -> None:
    _both(rows, year=year, rule=rule)


@st.composite
def _programmes(draw: Any) -> Any:
    prog = programme(draw(st.sampled_from([2020, 2021])))
    kept = draw(st.sets(st.sampled_from(list(prog.criteria))))
    return attrs.evolve(
        prog,
        criteria={c: cite for c, cite in prog.criteria.items() if c in kept},
        other_bank_credit_excludes=draw(st.booleans()),
        allowed_previous_years=tuple(draw(st.sets(st.sampled_from([2019, 2020, 2021])))),
    )


@settings(max_examples=300, deadline=None)
@given(data=st.data(), prog=_programmes(), rule=st.sampled_from(RULES))
def test_passes_all_is_an_empty_failures_list(
    data: Any, prog: Any, rule: OtherBankCreditRule
) -> None:
    from koperasi_id.strategies import bpum_proposals  # noqa: PLC0415 - needs hypothesis

    p: Proposal = data.draw(bpum_proposals(year=data.draw(st.sampled_from([2020, 2021]))))
    passes = cell_passes(prog, rule)
    assert passes is not None
    if passes.kk_required and p.kk is None:
        return  # an invalid record: screening never asks
    fast = passes_all(
        passes,
        citizen=p.citizen,
        proposer=p.proposer.type.value,
        occupation=p.occupation.value,
        has_kur=p.has_kur,
        has_other_bank_credit=p.has_other_bank_credit,
        business_address=p.business_address,
        ktp_address=p.ktp_address,
        has_sku=p.has_sku,
        previous_years=p.previous_bpum_years,
    )
    assert fast == (not failures(p, prog, rule, plan(prog)))


# --- the command -------------------------------------------------------------------


def _screen(
    source: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    fast: bool,
    args: Iterable[str] = (),
) -> tuple[bytes, bytes]:
    out, summary = tmp_path / f"out_{fast}.csv", tmp_path / f"summary_{fast}.json"
    with monkeypatch.context() as m:
        if not fast:
            m.setattr(RowScreening, "row", lambda self, line, data: None)
            m.setattr(RowScreening, "row_text", lambda self, line, cells: None)
        code = main(
            ["bpum", "screen", str(source), "--year", "2021", "--engine", "rows",
             "--out", str(out), "--summary-json", str(summary), *args]
        )  # fmt: skip
    assert code == 0
    return out.read_bytes(), summary.read_bytes()


def _same_bytes(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: Iterable[str] = ()
) -> bytes:
    fast = _screen(source, tmp_path, monkeypatch, fast=True, args=args)
    general = _screen(source, tmp_path, monkeypatch, fast=False, args=args)
    assert fast == general
    return fast[0]


def test_the_sample_file_gives_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _same_bytes(SAMPLE, tmp_path, monkeypatch)
    outcomes = {row["hasil"] for row in csv.DictReader(out.decode("utf-8").splitlines())}
    assert outcomes == {"layak", "tidak_layak", "tidak_valid", "ganda"}
    _same_bytes(SAMPLE, tmp_path, monkeypatch, ["--other-bank-credit", "semua_kredit_bank"])


def test_hostile_cells_give_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = list(BPUM_ROW)
    rows = [list(BPUM_ROW.values())]
    for i, name in enumerate(names):
        for value in CELLS:
            row = {**BPUM_ROW, name: value, "nik": NIKS[i % 2] if name != "nik" else value}
            rows.append([row[c] for c in names])
    source = tmp_path / "hostile.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
    with source.open("ab") as f:  # a record that is not UTF-8, and a short one
        f.write(b"\xff\xfe" + NIKS[0].encode() + b"," * (len(names) - 1) + b"\n")
        f.write(NIKS[1].encode() + b",x\n")
    out = _same_bytes(source, tmp_path, monkeypatch)
    assert out.count(b"\n") == len(rows) + 3  # the header and every record
    lenient = tmp_path / "lenient.csv"
    with lenient.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([*names, *HOSTILE_COLUMNS])
        writer.writerows(r + ["x"] * len(HOSTILE_COLUMNS) for r in rows)
    _same_bytes(lenient, tmp_path, monkeypatch, ["--lenient"])


def test_values_with_warnings_are_counted_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        _row(),
        _row(nik="9101021708750001"),  # a retired regency in the NIK
        _row(nik="1871991708750001"),  # a district the table does not know
        _row(nik="1871010101900003", wilayah_pengusul="91.01"),  # a retired proposer region
        _row(nik="1871010101900004", kk="9101021708750001"),
        _row(nik="1871010101900005", kbli="47111@kbli_2015"),
    ]
    source = tmp_path / "warnings.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(PROPOSAL_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    _same_bytes(source, tmp_path, monkeypatch)
    summary = json.loads(_screen(source, tmp_path, monkeypatch, fast=True)[1])
    counts = {w["code"]: w["count"] for w in summary["warnings"]}
    assert counts["nik.historical_region_code"] == 1
    assert counts["region.historical_region_code"] == 1
    assert counts["nik.region_unknown"] == 1
    _both(rows, year=2021)


def test_json_output_takes_the_general_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _screen(SAMPLE, tmp_path, monkeypatch, fast=True, args=["--format", "jsonl"])
    general = _screen(SAMPLE, tmp_path, monkeypatch, fast=False, args=["--format", "jsonl"])
    assert fast == general
    first = json.loads(fast[0].splitlines()[0])
    assert set(first) == {
        "line", "nik", "hasil", "jumlah_bantuan", "kode_alasan", "alasan", "duplikat_baris"
    }  # fmt: skip
