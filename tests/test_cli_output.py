"""The command line's output: complete or absent, with an exit code that says which.

Interrupted runs, two runs writing one file, a full disk, and a file whose
header row is missing.
"""

from __future__ import annotations

import csv
import io
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from koperasi_id._output import RecordWriter
from koperasi_id.bpum import PROPOSAL_COLUMNS
from koperasi_id.bpum._rowscreen import RowScreening
from koperasi_id.cli import main

NIK = "1871010101900001"  # synthetic
KK = "1871010101100001"  # synthetic
ROW = {
    "nik": NIK,
    "kk": KK,
    "nama": "Siti Aminah",
    "alamat_ktp": "Jl. Kartini 5",
    "bidang_usaha": "warung sembako",
    "telepon": "081234567890",
    "pekerjaan": "pedagang",
    "punya_kur": "tidak",
    "punya_kredit_bank_lain": "tidak",
    "jenis_pengusul": "dinas_kabupaten_kota",
    "wilayah_pengusul": "18.71",
}


def proposals(path: Path, rows: int, *, header: bool = True) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(PROPOSAL_COLUMNS), lineterminator="\n")
    if header:
        writer.writeheader()
    for i in range(rows):
        # Distinct NIKs (the last four digits), so no row is a duplicate of another.
        writer.writerow({**ROW, "nik": f"{NIK[:12]}{i % 10_000:04d}"})
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "koperasi_id", *map(str, args)]


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("."))


# --- a file without its header row -----------------------------------------------


def test_a_headerless_file_exits_1_and_names_no_nik(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = proposals(tmp_path / "usulan.csv", 3, header=False)
    out = tmp_path / "hasil.csv"
    code = main(["bpum", "screen", str(src), "--year", "2021", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert "looks like data, not a header" in err
    assert NIK[:12] not in err
    assert KK not in err
    assert not out.exists()


# --- interrupted runs --------------------------------------------------------------


def test_ctrl_c_leaves_no_output_and_no_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    src = proposals(tmp_path / "usulan.csv", 50)
    out = tmp_path / "hasil.csv"
    out.write_text("yesterday's results\n")
    summary = tmp_path / "ringkasan.json"
    written: list[object] = []
    real_write, real_cells = RecordWriter.write, RecordWriter.write_cells

    def write_then_interrupt(self: RecordWriter, record: dict[str, object]) -> None:
        real_write(self, record)
        written.append(record)
        if len(written) == 20:
            raise KeyboardInterrupt

    def cells_then_interrupt(self: RecordWriter, cells: list[str]) -> None:
        real_cells(self, cells)
        written.append(cells)
        if len(written) == 20:
            raise KeyboardInterrupt

    def text_then_interrupt(self: RowScreening, line: int, cells: list[str]) -> object:
        got = real_text(self, line, cells)
        written.append(got)
        if len(written) == 20:
            raise KeyboardInterrupt
        return got

    # The screening writes CSV rows as cells, an eligible clean row as the text
    # row_text gives; whichever way, the 20th row is interrupted.
    real_text = RowScreening.row_text
    monkeypatch.setattr(RecordWriter, "write", write_then_interrupt)
    monkeypatch.setattr(RecordWriter, "write_cells", cells_then_interrupt)
    monkeypatch.setattr(RowScreening, "row_text", text_then_interrupt)
    code = main(
        ["bpum", "screen", str(src), "--year", "2021", "--out", str(out),
         "--summary-json", str(summary)]
    )  # fmt: skip
    assert code == 130
    assert "interrupted" in capsys.readouterr().err
    assert out.read_text() == "yesterday's results\n"  # left as it was, not half-replaced
    assert not summary.exists()
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="signals to a child are POSIX")
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_to_a_running_screen_removes_its_unfinished_files(
    tmp_path: Path, signum: signal.Signals, code: int
) -> None:
    src = proposals(tmp_path / "usulan.csv", 200_000)
    out = tmp_path / "hasil.csv"
    summary = tmp_path / "ringkasan.json"
    proc = subprocess.Popen(
        command("bpum", "screen", src, "--year", "2021", "--out", out, "--summary-json", summary),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Wait until rows are being written to the temporary file, then interrupt.
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        partial = [p for p in tmp_path.glob(".hasil.csv.*.tmp") if p.stat().st_size > 0]
        if partial:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == code, err
    assert "Traceback" not in err
    assert not out.exists()
    assert not summary.exists()
    assert leftovers(tmp_path) == []


# --- two runs, one output ------------------------------------------------------------


def test_two_runs_writing_one_file_leave_one_complete_output(tmp_path: Path) -> None:
    small = proposals(tmp_path / "small.csv", 300)
    large = proposals(tmp_path / "large.csv", 3_000)
    alone = {}
    for src in (small, large):
        single = tmp_path / f"{src.stem}-alone.csv"
        subprocess.run(
            command("bpum", "screen", src, "--year", "2021", "--out", single), check=True
        )
        alone[src.stem] = single.read_text(encoding="utf-8")
    out = tmp_path / "hasil.csv"
    runs = [
        subprocess.Popen(
            command("bpum", "screen", src, "--year", "2021", "--out", out),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for src in (large, small)
    ]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    # Each run wrote a file of its own and renamed it: the last rename wins, whole.
    assert out.read_text(encoding="utf-8") in alone.values()
    assert leftovers(tmp_path) == []


# --- a full disk -----------------------------------------------------------------------

needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


@needs_dev_full
@pytest.mark.parametrize("option", ["--out", "--summary-json"])
def test_a_full_disk_is_a_message_and_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    src = proposals(tmp_path / "usulan.csv", 500)
    other = "--summary-json" if option == "--out" else "--out"
    code = main(
        ["bpum", "screen", str(src), "--year", "2021", option, "/dev/full",
         other, str(tmp_path / "other")]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 3
    assert "/dev/full: cannot write the output file (No space left on device)" in err


@needs_dev_full
def test_standard_output_on_a_full_disk_is_a_message_and_exit_3(tmp_path: Path) -> None:
    src = proposals(tmp_path / "usulan.csv", 500)
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            command("bpum", "screen", src, "--year", "2021"),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
            check=False,
        )
    assert done.returncode == 3
    assert "Traceback" not in done.stderr
    assert "Exception ignored" not in done.stderr
    assert "cannot write the output (No space left on device)" in done.stderr
