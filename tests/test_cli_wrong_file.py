"""The command says when a file is of the wrong kind, and never prints ``None`` for a number.

The rule (docs/guide/cli.md, "The wrong file"): a CSV file whose header names
fewer than half of the record type's required columns is refused with exit
code 1, naming the expected and the found columns; found names are input, so
they pass through the masking function.
"""

from __future__ import annotations

import csv
import io
import subprocess
from collections.abc import Callable
from pathlib import Path

from koperasi_id import bpum

Run = Callable[..., subprocess.CompletedProcess[str]]

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "examples" / "data" / "koperasi_lampung.csv"
PROPOSALS = ROOT / "examples" / "data" / "bpum_usulan_2021.csv"
REQUIRED = [c for c in bpum.PROPOSAL_COLUMNS if c in bpum.REQUIRED_COLUMNS]


def _csv(path: Path, header: list[str], rows: int = 2) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["x"] * len(header)] * rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_bpum_screen_refuses_the_registry_and_writes_nothing(cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "hasil.csv"
    result = cli("bpum", "screen", REGISTRY, "--year", "2021", "--out", out, "--lang", "en")
    assert result.returncode == 1
    assert "this is not a BPUM proposal file" in result.stderr
    assert "0 of the 10 required columns" in result.stderr
    assert "expected: nik, nama, alamat_ktp" in result.stderr
    assert "found: 'name', 'legal_entity_numbers'" in result.stderr
    assert not out.exists()
    assert result.stdout == ""


def test_cooperatives_status_refuses_the_bpum_file(cli: Run) -> None:
    result = cli("cooperatives", "status", PROPOSALS, "--as-of", "2021-10-12")
    assert result.returncode == 1
    assert "ini bukan berkas registri koperasi" in result.stderr
    assert "diharapkan: name, legal_entity_numbers, deed_approved_on" in result.stderr
    assert "ditemukan: 'nik', 'kk', 'nama'" in result.stderr
    assert "None" not in result.stdout + result.stderr
    assert result.stdout == ""


def test_half_the_required_columns_is_read_fewer_is_refused(cli: Run, tmp_path: Path) -> None:
    half = _csv(tmp_path / "half.csv", REQUIRED[:5])
    result = cli("bpum", "screen", half, "--year", "2021")
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["hasil"] for r in rows] == ["tidak_valid", "tidak_valid"]  # each says what is missing
    fewer = _csv(tmp_path / "fewer.csv", REQUIRED[:4])
    result = cli("bpum", "screen", fewer, "--year", "2021")
    assert result.returncode == 1
    assert "4 dari 10 kolom wajib" in result.stderr


def test_optional_columns_do_not_count_towards_the_rule(cli: Run, tmp_path: Path) -> None:
    optional = [c for c in bpum.PROPOSAL_COLUMNS if c not in bpum.REQUIRED_COLUMNS]
    src = _csv(tmp_path / "optional.csv", [*optional, *REQUIRED[:4]])
    assert cli("bpum", "screen", src, "--year", "2021").returncode == 1


def test_validate_applies_the_rule_to_the_type_asked_for(cli: Run, tmp_path: Path) -> None:
    result = cli("validate", "--type", "kur-application", REGISTRY, "--lang", "en")
    assert result.returncode == 1
    assert "this is not a kur-application file" in result.stderr
    assert "Check the file and --type" in result.stderr
    assert cli("validate", "--type", "bpum-proposal", REGISTRY).returncode == 1
    assert cli("validate", "--type", "cooperative", REGISTRY).returncode == 0


def test_found_column_names_are_masked(cli: Run, tmp_path: Path) -> None:
    src = _csv(tmp_path / "nik.csv", ["1871010101900001", "3171 0101 0190 0001", "nama"])
    result = cli("bpum", "screen", src, "--year", "2021")
    assert result.returncode == 1
    assert "1871010101900001" not in result.stderr
    assert "3171 0101 0190 0001" not in result.stderr
    # NIK-shaped header cells are data: the reader refuses the file before any
    # column is named, so not even the masked form is shown.
    assert "does the file lack a header row?" in result.stderr
    assert "187101" not in result.stderr


def test_a_long_header_is_shown_in_part(cli: Run, tmp_path: Path) -> None:
    src = _csv(tmp_path / "wide.csv", [f"kolom{i}" for i in range(30)])
    result = cli("bpum", "screen", src, "--year", "2021", "--lang", "en")
    assert result.returncode == 1
    assert "'kolom7' and 22 more" in result.stderr
    assert "kolom8" not in result.stderr


def test_no_registered_cooperative_prints_a_dash_not_none(cli: Run, tmp_path: Path) -> None:
    header = REGISTRY.read_text(encoding="utf-8").splitlines()[0]
    src = tmp_path / "kosong.csv"
    src.write_text(header + "\n", encoding="utf-8")
    for lang, expected in (("id", "0 aktif (-)"), ("en", "0 active (-)")):
        result = cli("cooperatives", "status", src, "--as-of", "2021-10-12", "--lang", lang)
        assert result.returncode == 0
        assert expected in result.stdout
        assert "None" not in result.stdout


def test_a_file_without_a_header_row_is_named_as_such(cli: Run, tmp_path: Path) -> None:
    # The first record taken for the header would be lost and its NIK echoed.
    # Every cell distinct, so the reader's duplicate-column check does not come first.
    rows = [
        "1871010101900001,1871010101100001,Siti Aminah,Jl. Kartini 5,Jl. Mawar 1,ya,warung,"
        "47111,081234567890,pedagang,tidak,false,2020,dinas_kabupaten_kota,18.71,true"
    ]
    src = tmp_path / "tanpa_header.csv"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = cli("bpum", "screen", src, "--year", "2021", "--lang", "en")
    assert result.returncode == 1
    assert "does the file lack a header row?" in result.stderr
    nik = rows[0].split(",", 1)[0]
    assert nik not in result.stderr
    assert "Siti" not in result.stderr  # nothing from the record is named
    assert result.stdout == ""


def test_a_header_with_few_digits_gets_no_such_hint(cli: Run, tmp_path: Path) -> None:
    src = _csv(tmp_path / "lain.csv", ["kolom2021", "nama_lengkap", "alamat"])
    result = cli("bpum", "screen", src, "--year", "2021", "--lang", "en")
    assert result.returncode == 1
    assert "header row" not in result.stderr
