"""``msme classify FILE --engine``: the same bytes whichever engine runs, on sample and hostile files."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from test_frames_msme import BASE, boundary_rows

Run = Callable[..., subprocess.CompletedProcess[str]]

needs_polars = pytest.mark.skipif(
    importlib.util.find_spec("polars") is None, reason="polars not installed"
)
COLUMNS = list(BASE)


def sample(path: Path) -> Path:
    handle = io.StringIO()
    writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for i, record in enumerate(boundary_rows()):
        row = dict(record)
        if i % 7 == 0:
            row["region"] = "18.71"
        if i % 11 == 0:
            row["kbli"] = "47111"
        writer.writerow(row)
    path.write_text(handle.getvalue(), encoding="utf-8")
    return path


def hostile(path: Path, source: Path) -> Path:
    lines = source.read_bytes().splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    bad = [
        b"\n",  # a blank line
        rows[6].rstrip(b"\n") + b",extra,cells\n",  # more cells than columns
        b",".join(rows[7].split(b",")[:3]) + b"\n",  # fewer cells
        rows[8].replace(b"Warung", b"Warung\xff\xfe", 1),  # not UTF-8
        rows[9].replace(b"Warung Bu Sari", b'"Warung ""Baru""\nRT 02"', 1),  # two lines
        rows[10].replace(b"Warung", b"  Warung", 1),  # a leading space
        rows[11].replace(b"Warung", b"Warung\x00", 1),
        rows[12].replace(b"Warung", b'=HYPERLINK("x")', 1),
        rows[13].replace(b"Warung", b"W" * 70_000, 1),  # past the cell limit
        rows[14].replace(b"\n", b"\r\n"),
        rows[15].replace(b"1871014101900002", b"9101021708750001", 1),  # retired region
        rows[16].replace(b",,,", b",91.01,,", 1),
        rows[17].replace(b"2019-03-01", b" 2019-03-01", 1),
        rows[18].replace(b"1871014101900002", b"1871 0141 0190 0002", 1),
    ]
    path.write_bytes(
        b"\xef\xbb\xbf" + header + b"".join(rows[:5]) + b"".join(bad) + b"".join(rows[19:])
    )
    return path


def both(cli: Run, tmp_path: Path, source: Path, *extra: str) -> tuple[bytes, str]:
    outputs = {}
    for engine in ("rows", "columns"):
        out = tmp_path / f"{engine}.out"
        summary = tmp_path / f"{engine}.json"
        result = cli(
            "msme", "classify", source, "--engine", engine, "--out", out,
            "--summary-json", summary, *extra,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        outputs[engine] = (out.read_bytes(), summary.read_bytes(), result.stderr)
    assert outputs["rows"] == outputs["columns"]
    return outputs["rows"][0], outputs["rows"][2]


@needs_polars
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("as_of", ["2021-02-01", "2021-02-02"])
def test_sample_file_same_bytes_from_both_engines(
    cli: Run, tmp_path: Path, fmt: str, as_of: str
) -> None:
    source = sample(tmp_path / "usaha.csv")
    body, _ = both(
        cli, tmp_path, source, "--as-of", as_of, "--format", fmt, "--purpose", "pemberdayaan"
    )
    records = len(source.read_bytes().splitlines()) - 1
    assert body.count(b"\n") == records + (fmt == "csv")
    if fmt == "jsonl":
        outcomes = {json.loads(line)["hasil"] for line in body.splitlines()}
        assert "diklasifikasi" in outcomes


@needs_polars
def test_hostile_file_same_bytes_and_warnings(cli: Run, tmp_path: Path) -> None:
    source = hostile(tmp_path / "hostile.csv", sample(tmp_path / "usaha.csv"))
    body, stderr = both(cli, tmp_path, source, "--as-of", "2024-06-01", "--lang", "en")
    assert "tidak_valid" in body.decode()
    assert "region" in stderr  # the retired region codes are warned of, alike


@needs_polars
def test_summary_on_stderr_and_a_rules_file(cli: Run, tmp_path: Path) -> None:
    source = sample(tmp_path / "usaha.csv")
    runs = [
        cli("msme", "classify", source, "--as-of", "2024-06-01", "--engine", engine)
        for engine in ("rows", "columns")
    ]
    assert runs[0].stdout == runs[1].stdout
    assert runs[0].stderr == runs[1].stderr
    assert runs[0].stderr.startswith("UMKM 2024-06-01: ")


def test_figures_and_a_file_are_a_usage_error(cli: Run, tmp_path: Path) -> None:
    source = sample(tmp_path / "usaha.csv")
    result = cli("msme", "classify", source, "--as-of", "2024-06-01", "--capital", "5")
    assert result.returncode == 2
    assert "--capital" in result.stderr


def test_rows_engine_names_each_invalid_record(cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "b.csv"
    source.write_text(
        "name,owner_nik,started_on,capital\nWarung,1871014101900002,2019-03-01,12x\n",
        encoding="utf-8",
    )
    result = cli("msme", "classify", source, "--as-of", "2024-06-01", "--engine", "rows")
    assert result.returncode == 0, result.stderr
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row["hasil"] == "tidak_valid"
    assert row["kode_alasan"] == "money.syntax"
    assert row["nik"] == ""


@needs_polars
@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_validate_business_same_bytes_from_both_engines(cli: Run, tmp_path: Path, fmt: str) -> None:
    source = hostile(tmp_path / "hostile.csv", sample(tmp_path / "usaha.csv"))
    outputs = []
    for engine in ("rows", "columns"):
        out = tmp_path / f"{engine}.txt"
        result = cli(
            "validate", "--type", "business", source, "--engine", engine, "--out", out,
            "--format", fmt,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        outputs.append((out.read_bytes(), result.stderr))
    assert outputs[0] == outputs[1]
    assert b"row.extra_cells" in outputs[0][0]
    assert b"cell.too_long" in outputs[0][0]
    assert "invalid" in outputs[0][1] or "tidak valid" in outputs[0][1]


def test_summary_and_results_on_one_stream_are_refused(cli: Run, tmp_path: Path) -> None:
    source = sample(tmp_path / "usaha.csv")
    result = cli("msme", "classify", source, "--as-of", "2024-06-01", "--summary-json", "-")
    assert result.returncode == 2
    assert "name the same file" in result.stderr
    again = cli("msme", "classify", source, "--as-of", "2024-06-01", "--out", source)
    assert again.returncode == 2
    assert "is the input file" in again.stderr
