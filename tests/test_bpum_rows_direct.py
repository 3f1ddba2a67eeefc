"""A CSV row becomes the same Proposal, or the same problems, with or without the direct path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from koperasi_id.bpum import Proposal, _rows, proposal_from_row, proposal_to_row, structure_row
from koperasi_id.errors import ValidationError
from koperasi_id.serialization import from_dict

ROW = {
    "nik": "1871010101900001",
    "kk": "1871010101100001",
    "nama": "Siti",
    "alamat_ktp": "Jl. Kartini 5",
    "alamat_usaha": "Pasar Bawah blok C",
    "ada_sku": "ya",
    "bidang_usaha": "warung",
    "kbli": "47111",
    "telepon": "0812 3456 7890",
    "pekerjaan": "pedagang",
    "punya_kur": "tidak",
    "punya_kredit_bank_lain": "ya",
    "tahun_bpum_sebelumnya": "2020",
    "jenis_pengusul": "dinas_kabupaten_kota",
    "wilayah_pengusul": "18.71",
    "wni": "ya",
}
# One cell each: every kind of value the converter refuses or reads differently.
JUNK = {
    "nik": ["", "1871010101900000", "187101010190000x", "9971010101900001", "1871 0101 0190 0001"],
    "kk": ["", "123", "1871000101100001"],
    "nama": ["", "   ", "x" * 501],
    "telepon": ["", "+65 6123 4567", "0812", "(0721) 123456"],
    "pekerjaan": ["", "astronaut", "PEDAGANG"],
    "kbli": ["", "92000", "4711", "47111@kbli_2015", "47111@x"],
    "jenis_pengusul": ["", "dinas_provinsi", "bank"],
    "wilayah_pengusul": ["", "18", "18.70", "1871", "18.71.01"],
    "tahun_bpum_sebelumnya": ["", "2020|2020", "2021", "20"],
    "punya_kur": ["", "mungkin", "YA"],
    "wni": ["", "tidak"],
}


def _slow(row: dict[str, Any], monkeypatch: pytest.MonkeyPatch, lenient: bool = False) -> Any:
    def refuse(row: dict[str, Any], lenient: bool = False) -> Proposal:
        raise KeyError("forced")

    with monkeypatch.context() as m:
        m.setattr(_rows, "_direct", refuse)
        return structure_row(row, lenient=lenient)


def _same(a: Any, b: Any) -> None:
    if isinstance(b, ValidationError):
        assert isinstance(a, ValidationError)
        assert a.problems == b.problems
    else:
        assert isinstance(a, Proposal)
        assert a == b
        assert [w.code for w in a.nik.warnings] == [w.code for w in b.nik.warnings]
        assert a.proposer.region.warnings == b.proposer.region.warnings


def _rows_with_junk() -> Iterator[tuple[str, str]]:
    for column, values in JUNK.items():
        for value in values:
            yield column, value


@pytest.mark.parametrize(("column", "value"), list(_rows_with_junk()))
def test_direct_and_converter_agree_on_each_cell(
    column: str, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = {**ROW, column: value}
    _same(structure_row(row), _slow(row, monkeypatch))


def test_direct_path_is_taken_for_a_valid_row(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    direct = _rows._direct

    def spy(row: dict[str, Any], lenient: bool = False) -> Proposal:
        calls.append(row)
        return direct(row, lenient)

    monkeypatch.setattr(_rows, "_direct", spy)
    proposal = structure_row(ROW)
    assert calls
    assert proposal == from_dict(Proposal, proposal_from_row(ROW))


def test_missing_and_unknown_columns_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    without = {k: v for k, v in ROW.items() if k != "telepon"}
    _same(structure_row(without), _slow(without, monkeypatch))
    extra = {**ROW, "warna": "biru"}
    _same(structure_row(extra), _slow(extra, monkeypatch))
    _same(structure_row(extra, lenient=True), _slow(extra, monkeypatch, lenient=True))


def test_drawn_proposals_round_trip_through_both_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    hypothesis = pytest.importorskip("hypothesis")
    from koperasi_id.strategies import bpum_proposals  # noqa: PLC0415 - needs hypothesis

    @hypothesis.settings(max_examples=150, deadline=None)
    @hypothesis.given(proposal=bpum_proposals(year=2020) | bpum_proposals(year=2021))
    def check(proposal: Proposal) -> None:
        row = proposal_to_row(proposal)
        fast = structure_row(row)
        _same(fast, _slow(row, monkeypatch))
        assert fast == proposal

    check()


def test_the_quick_text_check_agrees_with_the_full_one() -> None:
    from koperasi_id.bpum import _proposal  # noqa: PLC0415 - private helpers under test

    class Text(str):
        pass

    spaces = [chr(c) for c in range(0x3000) if chr(c).isspace() or not chr(c).strip()]
    values: list[object] = ["", "a", "x" * 500, "x" * 501, " x ", None, 5, Text("abc")]
    values += spaces + [s * 3 for s in spaces] + [f"{s}a{s}" for s in spaces]
    for value in values:
        full = _proposal._text_problem("name", value, what="name", what_id="nama") is None
        assert _proposal._plain_text(value) == (full and type(value) is str), repr(value)


@pytest.mark.parametrize("row", [["nik", "nama"], "nik,nama", None, 5])
def test_a_row_that_is_not_a_mapping_is_a_problem_not_a_crash(row: object) -> None:
    found = structure_row(row)  # type: ignore[arg-type]
    assert isinstance(found, ValidationError)
    assert found.codes == ("type.object",)
    with pytest.raises(ValidationError) as caught:
        proposal_from_row(row)  # type: ignore[arg-type]
    assert caught.value.codes == ("type.object",)
