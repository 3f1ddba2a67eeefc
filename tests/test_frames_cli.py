"""``bpum screen --engine``: the same bytes whichever engine runs, on sample and hostile files."""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from koperasi_id.cli._common import COLUMNS_FROM_BYTES, UsageError, columnar
from test_robustness_files import BPUM_ROW, HOSTILE_COLUMNS, NIKS, _hostile_bpum_rows

Run = Callable[..., subprocess.CompletedProcess[str]]
ROOT = Path(__file__).resolve().parent.parent
PROPOSALS = ROOT / "examples" / "data" / "bpum_usulan_2021.csv"

needs_polars = pytest.mark.skipif(
    importlib.util.find_spec("polars") is None, reason="polars not installed"
)


def _both(cli: Run, tmp_path: Path, source: Path, *extra: str) -> tuple[bytes, str]:
    outputs = {}
    for engine in ("rows", "columns"):
        out = tmp_path / f"{engine}{''.join(extra).replace('-', '')}.out"
        summary = tmp_path / f"{engine}.json"
        result = cli(
            "bpum", "screen", source, "--year", "2021", "--engine", engine,
            "--out", out, "--summary-json", summary, *extra,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        outputs[engine] = (out.read_bytes(), summary.read_bytes(), result.stderr)
    assert outputs["rows"] == outputs["columns"]
    return outputs["rows"][0], outputs["rows"][2]


@needs_polars
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_sample_file_same_bytes_from_both_engines(cli: Run, tmp_path: Path, fmt: str) -> None:
    body, _ = _both(cli, tmp_path, PROPOSALS, "--format", fmt)
    assert body.count(b"\n") == 10_501 if fmt == "csv" else body.count(b"\n") == 10_500


def _with(row: bytes, *, nik: bytes, wilayah: bytes) -> bytes:
    cells = row.rstrip(b"\n").split(b",")
    cells[0], cells[13], cells[14] = nik, b"dinas_kabupaten_kota", wilayah
    return b",".join(cells) + b"\n"


def _hostile(path: Path) -> Path:
    lines = PROPOSALS.read_bytes().splitlines(keepends=True)
    header, rows = lines[0], lines[1:400]
    bad = [
        b"\n",  # a blank line
        rows[5],
        rows[6].rstrip(b"\n") + b",extra,cells\n",  # more cells than columns
        b",".join(rows[7].split(b",")[:5]) + b"\n",  # fewer cells
        rows[8].replace(b"Jl.", b"Jl.\xff\xfe", 1),  # not UTF-8
        rows[9].replace(b"Jl.", b'"Jl. ""Baru""\nRT 02"', 1),  # a quoted cell over two lines
        rows[10].replace(b"Jl.", b"  Jl.", 1),  # a leading space
        rows[11].replace(b"Jl.", b"Jl.\x00", 1),
        rows[12].replace(b"Jl.", b'=HYPERLINK("x")', 1),
        rows[13].replace(b"Jl.", b"Jl." + b"a" * 600, 1),
        rows[1],  # a duplicate of the first record
        rows[14].replace(b"\n", b"\r\n"),
        _with(rows[15], nik=b"9101021708750001", wilayah=b"91.01"),  # retired region codes
        _with(rows[16], nik=b"9101021708750002", wilayah=b"18.71"),
        _with(rows[17], nik=b"1871010101900003", wilayah=b"91.01"),
    ]
    path.write_bytes(
        b"\xef\xbb\xbf" + header + b"".join(rows[:5]) + b"".join(bad) + b"".join(rows[15:])
    )
    return path


@needs_polars
def test_hostile_file_same_bytes_and_warnings_from_both_engines(cli: Run, tmp_path: Path) -> None:
    body, _ = _both(cli, tmp_path, _hostile(tmp_path / "hostile.csv"))
    assert b"tidak_valid" in body
    assert b"ganda" in body


@needs_polars
def test_hostile_file_same_stderr_summary(cli: Run, tmp_path: Path) -> None:
    source = _hostile(tmp_path / "hostile.csv")
    seen = []
    for engine in ("rows", "columns"):
        result = cli("bpum", "screen", source, "--year", "2020", "--engine", engine, "--lang", "en")
        assert result.returncode == 0
        seen.append((result.stdout, result.stderr))
    assert seen[0] == seen[1]
    assert "warning" in seen[0][1]
    assert "historical" in seen[0][1]


@needs_polars
def test_lenient_and_other_bank_credit_reach_the_columnar_engine(cli: Run, tmp_path: Path) -> None:
    _both(cli, tmp_path, PROPOSALS, "--lenient", "--other-bank-credit", "semua_kredit_bank")


def test_help_imports_neither_polars_nor_the_frames_package() -> None:
    code = (
        "import contextlib, io, json, sys\n"
        "from koperasi_id.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['bpum', 'screen', '--help'])\n"
        "print(json.dumps(sorted(m for m in sys.modules if 'polars' in m or 'frames' in m)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(done.stdout) == []


@pytest.mark.parametrize(
    ("engine", "size", "installed", "want"),
    [
        ("rows", COLUMNS_FROM_BYTES * 10, True, False),
        ("columns", 10, True, True),
        ("auto", COLUMNS_FROM_BYTES - 1, True, False),
        ("auto", COLUMNS_FROM_BYTES, True, True),
        ("auto", COLUMNS_FROM_BYTES, False, False),
    ],
)
def test_engine_choice(
    monkeypatch: pytest.MonkeyPatch, engine: str, size: int, installed: bool, want: bool
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: (
            (real(name, *a) if installed else None) if name == "polars" else real(name, *a)
        ),
    )
    if installed and importlib.util.find_spec("polars") is None:
        pytest.skip("polars not installed")
    assert columnar(argparse.Namespace(engine=engine), size) is want


def test_columns_without_polars_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "polars" else real(name, *a)
    )
    with pytest.raises(UsageError, match="koperasi-id\\[polars\\]"):
        columnar(argparse.Namespace(engine="columns"), 10)


def test_importing_frames_without_polars_names_the_extra() -> None:
    code = (
        "import sys\n"
        "sys.modules['polars'] = None  # as if polars were not installed\n"
        "try:\n"
        "    import koperasi_id.frames\n"
        "except ImportError as err:\n"
        "    print(err)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert "pip install 'koperasi-id[polars]'" in done.stdout


@needs_polars
@pytest.mark.parametrize("lenient", [False, True])
def test_robustness_suite_hostile_file_same_bytes(cli: Run, tmp_path: Path, lenient: bool) -> None:
    """The hostile BPUM file of the robustness suite (issue 13), through both engines."""
    source = tmp_path / "hostile.csv"
    header = [*BPUM_ROW, *HOSTILE_COLUMNS]
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(r + [NIKS[1]] * len(HOSTILE_COLUMNS) for r in _hostile_bpum_rows())
    with source.open("ab") as f:  # a record that is not UTF-8, and one opening a quote
        f.write(b"\xff\xfe" + NIKS[0].encode() + b"," * (len(header) - 1) + b"\n")
        f.write(b'"' + b",".join(v.encode() for v in BPUM_ROW.values()) + b"\n")
    body, _ = _both(cli, tmp_path, source, *(["--lenient"] if lenient else []))
    assert body.count(b"\n") > 100


@needs_polars
@pytest.mark.parametrize("year", ["2020", "2021"])
def test_long_file_read_twice_gives_the_same_bytes_as_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], year: str
) -> None:
    from koperasi_id.cli import main  # noqa: PLC0415 (polars may be missing: see needs_polars)
    from koperasi_id.frames import _csv_records, _first_lines  # noqa: PLC0415

    source = _hostile(tmp_path / "hostile.csv")
    counted: list[object] = []
    real = _csv_records.repeated_niks_in

    def spied(*args: object) -> object:
        found = real(*args)  # type: ignore[arg-type]
        counted.append(found)
        return found

    monkeypatch.setattr(_csv_records, "repeated_niks_in", spied)
    outputs = []
    # A file of a few hundred records is read once; with the in-memory limit below
    # its length it is read twice, its NIK column first.
    for limit in (_first_lines.IN_MEMORY_KEYS, 10):
        monkeypatch.setattr(_first_lines, "IN_MEMORY_KEYS", limit)
        out = tmp_path / f"{limit}.csv"
        code = main(["bpum", "screen", str(source), "--year", year, "--engine", "columns",
                     "--out", str(out)])  # fmt: skip
        outputs.append((code, out.read_bytes(), capsys.readouterr()))
        assert len(counted) == (0 if limit > 10 else 1)
    assert counted[0] is not None  # the NIK column was read on its own
    assert outputs[0] == outputs[1]
    assert b"ganda" in outputs[0][1]
