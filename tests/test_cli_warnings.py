"""Warnings on standard error, one line per kind, and in ``--summary-json``.

The README promises that the planted ``18.71.99`` region (an unknown district:
a warning; an unknown regency is an error since the national region table) "is
kept with a warning": the first test holds the tool to it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

from koperasi_id.bpum import PROPOSAL_COLUMNS

Run = Callable[..., subprocess.CompletedProcess[str]]

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "examples" / "data" / "koperasi_lampung.csv"

ROW = {
    "nik": "1871010101900001",
    "kk": "1871010101100001",
    "nama": "Siti Aminah",
    "alamat_ktp": "Jl. Kartini 5",
    "alamat_usaha": "Jl. Kartini 5",
    "ada_sku": "ya",
    "bidang_usaha": "warung sembako",
    "kbli": "",
    "telepon": "081234567890",
    "pekerjaan": "pedagang",
    "punya_kur": "tidak",
    "punya_kredit_bank_lain": "tidak",
    "tahun_bpum_sebelumnya": "",
    "jenis_pengusul": "dinas_kabupaten_kota",
    "wilayah_pengusul": "18.71",
    "wni": "ya",
}


def _planted_line() -> int:
    # Line numbers count the header as line 1, as the command's do.
    with REGISTRY.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            if row["region"] == "18.71.99":
                return number
    raise AssertionError("the sample no longer plants 18.71.99")


def test_the_readme_promise_of_a_warning_for_the_planted_region(cli: Run) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"`18\.71\.99`.*?kept with a\s+warning", readme, re.S)
    command = re.search(r"koperasi-id (cooperatives status [^\n`]+)", readme)
    assert command is not None
    args = [str(ROOT / a) if a.startswith("examples/") else a for a in command.group(1).split()]
    result = cli(*args)
    assert result.returncode == 0
    line = _planted_line()
    warnings = [w for w in result.stderr.splitlines() if ": warning: " in w]
    assert warnings == [
        f"koperasi-id: warning: {REGISTRY}: region.region_unknown: 1 rekaman (baris {line}): "
        "wilayah 18.71.99 tidak ada dalam tabel wilayah (Kepmendagri 300.2.2-2430/2025)"
    ]
    docs = (ROOT / "docs" / "guide" / "cli.md").read_text(encoding="utf-8")
    shown = next(x for x in docs.splitlines() if x.startswith("koperasi-id: warning: "))
    assert shown.replace("examples/data/koperasi_lampung.csv", str(REGISTRY)) == warnings[0]
    validate = cli("validate", "--type", "cooperative", REGISTRY, "--lang", "en")
    assert f"region.region_unknown: 1 record (line {line})" in validate.stderr


def _proposals(tmp_path: Path, regions: list[str], districts: list[str] | None = None) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(PROPOSAL_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for i, region in enumerate(regions):
        district = districts[i] if districts else "187101"
        writer.writerow({**ROW, "nik": f"{district}01019{i:05d}", "wilayah_pengusul": region})
    path = tmp_path / "usulan.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_warnings_are_grouped_counted_and_in_the_summary_json(cli: Run, tmp_path: Path) -> None:
    # Seven NIKs from district 18.71.99, which does not exist (a warning: an unknown
    # regency would be an error), and one proposer under a code retired in 2022.
    districts = ["187101", *["187199"] * 7, "187101"]
    src = _proposals(tmp_path, ["18.71", *["18.71"] * 7, "91.01"], districts)
    summary = tmp_path / "ringkasan.json"
    result = cli("bpum", "screen", src, "--year", "2021", "--summary-json", summary, "--lang", "en")
    assert result.returncode == 0
    warnings = [w for w in result.stderr.splitlines() if ": warning: " in w]
    assert len(warnings) == 2  # one line per kind
    historical = next(w for w in warnings if "historical" in w)
    unknown = next(w for w in warnings if "region_unknown" in w)
    assert "region.historical_region_code: 1 record (line 10):" in historical
    assert "nik.region_unknown: 7 records (lines 3, 4, 5, 6, 7, …):" in unknown
    body = json.loads(summary.read_text(encoding="utf-8"))
    by_code = {w["code"]: w for w in body["warnings"]}
    assert by_code["nik.region_unknown"]["count"] == 7
    assert by_code["nik.region_unknown"]["lines"] == [3, 4, 5, 6, 7]
    assert by_code["region.historical_region_code"]["lines"] == [10]
    assert body["total"] == 9  # every row still has its result


def test_no_warning_means_an_empty_list_and_a_quiet_stderr(cli: Run, tmp_path: Path) -> None:
    src = _proposals(tmp_path, ["18.71", "18.72"])
    summary = tmp_path / "ringkasan.json"
    result = cli("bpum", "screen", src, "--year", "2021", "--summary-json", summary)
    assert "warning" not in result.stderr
    assert json.loads(summary.read_text(encoding="utf-8"))["warnings"] == []
