"""The ``koperasi-id`` command, run as a user runs it: in a subprocess.

Every bad file gives a clear message or error rows, never a traceback, and
the number of output rows always equals the number of input records.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from koperasi_id.bpum import PROPOSAL_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "examples" / "data"
REGISTRY = DATA / "koperasi_lampung.csv"
PROPOSALS = DATA / "bpum_usulan_2021.csv"

GOOD_ROW = {
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


def count_records(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))


def run(*args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "koperasi_id", *map(str, args)],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=300,
        check=False,
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout


def proposals_csv(rows: list[dict[str, str]], *, delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(PROPOSAL_COLUMNS), delimiter=delimiter, lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def screen(
    path: Path, *extra: str
) -> tuple[subprocess.CompletedProcess[str], list[dict[str, str]]]:
    result = run("bpum", "screen", path, "--year", "2021", *extra)
    no_traceback(result)
    return result, list(csv.DictReader(io.StringIO(result.stdout)))


# --- the main job on the bundled sample data ---------------------------------------


def test_cooperatives_status_on_the_sample_registry() -> None:
    result = run("cooperatives", "status", REGISTRY, "--as-of", "2021-10-12", "--json")
    no_traceback(result)
    assert result.returncode == 0
    summary = json.loads(result.stdout)
    records = count_records(REGISTRY)
    assert summary["rows"] == records == 5600
    assert (
        summary["registered"]
        + summary["invalid"]
        + summary["dissolved"]
        + summary["not_yet_established"]
        == records
    )
    assert 0.45 < summary["active"] / summary["registered"] < 0.6  # "about half are active"
    assert summary["invalid"] == 3  # the deliberately malformed rows, reported on stderr
    assert "baris 102" in result.stderr


@pytest.mark.parametrize("by", ["region", "kind", "form"])
def test_cooperatives_status_table_and_csv(by: str) -> None:
    table = run("cooperatives", "status", REGISTRY, "--as-of", "2021-10-12", "--by", by)
    assert table.returncode == 0
    assert "Jumlah" in table.stdout
    as_csv = run("cooperatives", "status", REGISTRY, "--as-of", "2021-10-12", "--by", by, "--csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert sum(int(r["registered"]) for r in rows) == 5597


def test_window_years_changes_the_answer() -> None:
    two = json.loads(
        run(
            "cooperatives",
            "status",
            REGISTRY,
            "--as-of",
            "2021-10-12",
            "--window-years",
            "2",
            "--json",
        ).stdout
    )
    three = json.loads(
        run("cooperatives", "status", REGISTRY, "--as-of", "2021-10-12", "--json").stdout
    )
    assert two["window_years"] == 2
    assert three["window_years"] == 3
    assert two["active"] <= three["active"]


def test_bpum_screen_sample_keeps_every_row(tmp_path: Path) -> None:
    out = tmp_path / "hasil.csv"
    summary_file = tmp_path / "ringkasan.json"
    result = run(
        "bpum", "screen", PROPOSALS, "--year", "2021", "--out", out, "--summary-json", summary_file
    )
    no_traceback(result)
    assert result.returncode == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    inputs = count_records(PROPOSALS)
    assert len(rows) == inputs
    summary = json.loads(summary_file.read_text(encoding="utf-8"))
    outcomes = {r["hasil"] for r in rows}
    assert outcomes == {"layak", "tidak_layak", "tidak_valid", "ganda"}
    assert sum(summary["by_outcome"].values()) == inputs
    eligible = sum(1 for r in rows if r["hasil"] == "layak")
    assert summary["eligible_amount"] == str(eligible * 1_200_000)
    duplicate = next(r for r in rows if r["hasil"] == "ganda")
    assert int(duplicate["duplikat_baris"]) < int(duplicate["line"])
    assert all("*" in r["nik"] for r in rows if r["nik"])  # NIKs are masked in the output


def test_bpum_screen_jsonl_output_and_summary_on_stderr(tmp_path: Path) -> None:
    src = tmp_path / "usulan.csv"
    src.write_text(
        proposals_csv([GOOD_ROW, {**GOOD_ROW, "pekerjaan": "asn", "nik": "1871014101900002"}]),
        encoding="utf-8",
    )
    result = run("bpum", "screen", src, "--year", "2021", "--format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["hasil"] for r in lines] == ["layak", "tidak_layak"]
    assert lines[1]["kode_alasan"] == ["bpum.occupation_excluded"]
    assert "BPUM 2021: 2 rekaman" in result.stderr


def test_bpum_screen_jsonl_input(tmp_path: Path) -> None:
    src = tmp_path / "usulan.jsonl"
    good = {
        "nik": "1871010101900001",
        "kk": "1871010101100001",
        "name": "Siti",
        "ktp_address": "Jl. Kartini 5",
        "line_of_business": "warung",
        "phone": "081234567890",
        "occupation": "pedagang",
        "has_kur": False,
        "has_other_bank_credit": False,
        "proposer": {"type": "dinas_kabupaten_kota", "region": "18.71"},
    }
    src.write_text(json.dumps(good) + "\n\n" + "[1, 2]\n" + "{bad json\n", encoding="utf-8")
    _, rows = screen(src)
    assert [r["line"] for r in rows] == ["1", "3", "4"]
    assert rows[1]["hasil"] == rows[2]["hasil"] == "tidak_valid"


# --- crafted bad files ---------------------------------------------------------


def test_missing_file_and_directory_are_clear_errors(tmp_path: Path) -> None:
    result = run("bpum", "screen", tmp_path / "nope.csv", "--year", "2021")
    no_traceback(result)
    assert result.returncode == 1
    assert "no such file" in result.stderr
    result = run("cooperatives", "status", tmp_path, "--as-of", "2021-10-12")
    assert result.returncode == 1
    assert "directory" in result.stderr


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    result, rows = screen(empty)
    assert result.returncode == 1
    assert "empty" in result.stderr
    assert rows == []


def test_header_only_gives_no_rows_and_a_zero_summary(tmp_path: Path) -> None:
    src = tmp_path / "header.csv"
    src.write_text(",".join(PROPOSAL_COLUMNS) + "\n", encoding="utf-8")
    result, rows = screen(src)
    assert result.returncode == 0
    assert rows == []
    assert "0 rekaman" in result.stderr


def test_missing_column_makes_every_row_invalid_not_dropped(tmp_path: Path) -> None:
    src = tmp_path / "missing.csv"
    columns = [c for c in PROPOSAL_COLUMNS if c != "telepon"]
    rows = [{k: v for k, v in GOOD_ROW.items() if k != "telepon"}] * 3
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    src.write_text(out.getvalue(), encoding="utf-8")
    _, results = screen(src)
    assert len(results) == 3
    assert all(r["hasil"] == "tidak_valid" and "telepon" in r["alasan"] for r in results)


def test_semicolon_delimiter_and_bom_are_detected(tmp_path: Path) -> None:
    src = tmp_path / "excel.csv"
    src.write_bytes(b"\xef\xbb\xbf" + proposals_csv([GOOD_ROW], delimiter=";").encode("utf-8"))
    _, rows = screen(src)
    assert [r["hasil"] for r in rows] == ["layak"]


def test_wrong_delimiter_is_refused_with_the_reason(tmp_path: Path) -> None:
    # Read with the wrong delimiter, the header is one column naming no required
    # column: the file is refused (exit 1), and the reader says why.
    src = tmp_path / "pipes.csv"
    src.write_text(proposals_csv([GOOD_ROW, GOOD_ROW]).replace(",", "|"), encoding="utf-8")
    result, rows = screen(src)
    assert result.returncode == 1
    assert rows == []
    assert "delimiter" in result.stderr
    assert "0 dari 10 kolom wajib" in result.stderr


def test_a_one_megabyte_field_is_an_error_row(tmp_path: Path) -> None:
    src = tmp_path / "big.csv"
    src.write_text(
        proposals_csv([{**GOOD_ROW, "nik": "1" * 1_000_000}, GOOD_ROW]), encoding="utf-8"
    )
    _, rows = screen(src)
    assert [r["hasil"] for r in rows] == ["tidak_valid", "layak"]
    assert len(rows[0]["alasan"]) < 1000


def test_invalid_utf8_is_an_error_row_not_a_crash(tmp_path: Path) -> None:
    src = tmp_path / "latin1.csv"
    text = proposals_csv([{**GOOD_ROW, "nama": "Siti Aminah"}, GOOD_ROW])
    src.write_bytes(text.replace("Siti Aminah", "Siti \xc0minah").encode("latin-1"))
    _, rows = screen(src)
    assert len(rows) == 2
    assert rows[0]["hasil"] == "tidak_valid"
    assert rows[0]["kode_alasan"] == "encoding"


def test_extra_cells_are_an_error_row(tmp_path: Path) -> None:
    src = tmp_path / "extra.csv"
    text = proposals_csv([GOOD_ROW, GOOD_ROW]).splitlines()
    text[1] += ",surplus,cells"
    src.write_text("\n".join(text) + "\n", encoding="utf-8")
    _, rows = screen(src)
    # an invalid record claims no NIK, so the same NIK on the next line is eligible
    assert [r["hasil"] for r in rows] == ["tidak_valid", "layak"]
    # the same code as bpum.screen_rows and the batch functions give, and its Indonesian text
    assert rows[0]["kode_alasan"] == "row.extra_cells"
    assert "jumlah sel melebihi jumlah kolom" in rows[0]["alasan"]


def test_duplicate_header_is_a_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "dup.csv"
    src.write_text("nik,nik\n1,2\n", encoding="utf-8")
    result, _ = screen(src)
    assert result.returncode == 1
    assert "duplicate column" in result.stderr


def test_cooperatives_bad_rows_are_counted(tmp_path: Path) -> None:
    lines = REGISTRY.read_text(encoding="utf-8").splitlines()[:11]
    lines[3] = lines[3].replace("primer", "tersier", 1)
    src = tmp_path / "reg.csv"
    src.write_text("\n".join([*lines, "garbage,row"]) + "\n", encoding="utf-8")
    result = run("cooperatives", "status", src, "--as-of", "2021-10-12", "--json")
    no_traceback(result)
    summary = json.loads(result.stdout)
    assert summary["rows"] == 11
    assert summary["invalid"] == 2


# --- validate ------------------------------------------------------------------


def test_validate_lists_every_invalid_record_with_line_and_path() -> None:
    result = run("validate", "--type", "cooperative", REGISTRY)
    no_traceback(result)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("baris 102: $.deed_approved_on:")
    assert "5600 rekaman, 5597 valid, 3 tidak valid" in result.stderr
    english = run("validate", "--type", "cooperative", REGISTRY, "--lang", "en")
    assert english.stdout.splitlines()[0].startswith("line 102: $.deed_approved_on:")
    assert "5600 records, 5597 valid, 3 invalid" in english.stderr


def test_validate_jsonl_report_for_proposals() -> None:
    result = run("validate", "--type", "bpum-proposal", PROPOSALS, "--format", "jsonl")
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert reports
    assert {"line", "path", "code", "message"} <= set(reports[0])
    assert all(
        "*" in r["message"] or r["code"] != "nik.length" or "1871" not in r["message"]
        for r in reports
    )


def test_validate_other_types_read_flat_columns(tmp_path: Path) -> None:
    src = tmp_path / "x.csv"
    src.write_text(
        "name,owner_nik,started_on\nWarung Siti,1871010101900001,2020-01-01\n,123,2020-02-30\n",
        encoding="utf-8",
    )
    result = run("validate", "--type", "business", src)
    no_traceback(result)
    assert result.returncode == 0
    assert "2 rekaman, 1 valid, 1 tidak valid" in result.stderr
    # The same file is no KUR application file: none of its 8 required columns.
    result = run("validate", "--type", "kur-application", src, "--lang", "en")
    no_traceback(result)
    assert result.returncode == 1
    assert "0 of the 8 required columns" in result.stderr


# --- kur and msme -------------------------------------------------------------


def test_kur_simulate_table_and_totals() -> None:
    result = run(
        "kur", "simulate", "--plafond", "50000000", "--months", "12", "--akad", "2024-05-01"
    )
    no_traceback(result)
    assert result.returncode == 0
    assert "Rp50.000.000" in result.stdout
    assert "kur.tenor" in result.stdout


def test_kur_simulate_json_sums_to_plafond() -> None:
    result = run(
        "kur",
        "simulate",
        "--plafond",
        "Rp25.000.000",
        "--months",
        "18",
        "--akad",
        "2024-01-31",
        "--method",
        "flat",
        "--grace",
        "2",
        "--format",
        "json",
    )
    body = json.loads(result.stdout)
    assert "totals" not in body  # the schedule's wire form carries them
    assert body["schedule"]["total_principal"] == "25000000"
    interest = sum(Decimal(i["interest"]) for i in body["schedule"]["instalments"])
    assert Decimal(body["schedule"]["total_interest"]) == interest
    assert Decimal(body["schedule"]["flat_rate_equivalent"]) > 0
    assert len(body["schedule"]["instalments"]) == 18
    assert body["schedule"]["instalments"][0]["due_date"] == "2024-02-29"


def test_kur_simulate_csv() -> None:
    result = run(
        "kur",
        "simulate",
        "--plafond",
        "10000000",
        "--months",
        "6",
        "--akad",
        "2024-05-01",
        "--format",
        "csv",
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 6
    assert rows[-1]["balance"] == "0"


def test_msme_classify_text_and_json() -> None:
    text = run("msme", "classify", "--capital", "1000000001", "--as-of", "2024-05-01")
    assert "kecil" in text.stdout
    assert "PP 7/2021" in text.stdout
    body = json.loads(
        run(
            "msme", "classify", "--net-assets", "50000000", "--as-of", "2021-02-01", "--json"
        ).stdout
    )
    assert body["outcome"] == "mikro"


def test_msme_classify_wrong_regime_criterion_says_what_to_use() -> None:
    result = run("msme", "classify", "--capital", "5000", "--as-of", "2020-01-01")
    no_traceback(result)
    assert result.returncode == 2
    assert "net_assets" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["msme", "classify", "--capital", "0.1.2", "--as-of", "2024-05-01"],
        ["msme", "classify", "--as-of", "2024-05-01"],
        ["kur", "simulate", "--plafond", "1", "--months", "0", "--akad", "2024-05-01"],
        ["kur", "simulate", "--plafond", "1", "--months", "6", "--akad", "01/05/2024"],
        ["msme", "classify", "--capital", "1", "--as-of", "2021-W41-2"],
        ["msme", "classify", "--capital", "1", "--as-of", "2021-02-30"],
        ["bpum", "screen", "x.csv", "--year", "2019"],
        ["cooperatives", "status", "x.csv"],
        ["nonsense"],
        [],
    ],
)
def test_bad_usage_exits_2_with_a_message(args: list[str]) -> None:
    result = run(*args)
    no_traceback(result)
    assert result.returncode == 2
    assert "usage:" in result.stderr or "error:" in result.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("koperasi-id ")
    assert "Exit codes" in run("--help").stdout


# --- review: outputs that would destroy the input, late failures, usage ----------


def test_out_naming_the_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    path = tmp_path / "usulan.csv"
    path.write_text(proposals_csv([GOOD_ROW] * 300), encoding="utf-8")
    before = path.read_bytes()
    link = tmp_path / "link.csv"
    link.symlink_to(path)
    for extra in (
        ["--out", str(path)],
        ["--out", str(link)],
        ["--summary-json", str(path)],
        ["--out", str(tmp_path / "o.csv"), "--summary-json", str(tmp_path / "o.csv")],
        ["--summary-json", "-"],
        ["--out", "-", "--summary-json", "-"],
    ):
        result = run("bpum", "screen", path, "--year", "2021", *extra)
        no_traceback(result)
        assert result.returncode == 2, extra
        assert "choose" in result.stderr.lower()
        assert path.read_bytes() == before
    result = run("validate", "--type", "bpum-proposal", path, "--out", path)
    assert result.returncode == 2
    assert path.read_bytes() == before


def test_unwritable_summary_fails_before_the_output_is_written(tmp_path: Path) -> None:
    path = tmp_path / "usulan.csv"
    path.write_text(proposals_csv([GOOD_ROW]), encoding="utf-8")
    out = tmp_path / "hasil.csv"
    result = run(
        "bpum", "screen", path, "--year", "2021", "--out", out,
        "--summary-json", tmp_path / "missing-dir" / "s.json",
    )  # fmt: skip
    no_traceback(result)
    assert result.returncode == 3
    assert "cannot write" in result.stderr
    assert not out.exists()


def test_summary_json_holds_the_counts(tmp_path: Path) -> None:
    path = tmp_path / "usulan.csv"
    path.write_text(proposals_csv([GOOD_ROW, GOOD_ROW]), encoding="utf-8")
    summary = tmp_path / "s.json"
    result = run("bpum", "screen", path, "--year", "2021", "--summary-json", summary)
    assert result.returncode == 0
    assert result.stderr == ""
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert data["total"] == 2
    assert data["by_outcome"]["layak"] == 1
    assert data["by_outcome"]["ganda"] == 1


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["msme", "classify", "--capital", "1", "--as-of", "2024-05-01", "--purpose", "x"], "choose"),
        (["kur", "simulate", "--plafond", "1000000", "--months", "6", "--akad", "2024-05-01",
          "--rate", "0.125%x"], "percentage"),
        (["kur", "simulate", "--plafond", "1000000", "--months", "6", "--akad", "2024-05-01",
          "--rate", "101"], "0 to 100"),
        (["kur", "simulate", "--plafond", "1000000", "--months", "6", "--akad", "1990-05-01"],
         "choose a date"),
        (["kur", "simulate", "--plafond", "9" * 40, "--months", "6", "--akad", "2024-05-01"],
         "ceiling"),
    ],
)  # fmt: skip
def test_more_bad_usage_says_what_to_do(args: list[str], hint: str) -> None:
    result = run(*args)
    no_traceback(result)
    assert result.returncode == 2
    assert hint in result.stderr
    assert "Timeline" not in result.stderr  # Python advice means nothing on the command line


def test_rate_takes_more_than_two_decimals_and_a_percent_sign() -> None:
    for rate in ("6.125", "6.125%"):
        result = run(
            "kur", "simulate", "--plafond", "10000000", "--months", "12",
            "--akad", "2024-05-01", "--rate", rate, "--lang", "en",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert "rate 6.125% per year" in result.stdout


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    path = tmp_path / "usulan.csv"
    path.write_text(proposals_csv([GOOD_ROW] * 20000), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "koperasi_id", "bpum", "screen", str(path), "--year", "2021"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0
    assert b"Traceback" not in err
    assert b"BrokenPipe" not in err


def test_validate_names_the_column_of_a_sparse_list_item(tmp_path: Path) -> None:
    with REGISTRY.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        row = next(reader)
    for i in range(3):
        for field in ("fiscal_year", "held_on", "reported"):
            row[f"rat_records[{i}].{field}"] = ""
    row["rat_records[3].fiscal_year"] = "tahun lalu"
    path = tmp_path / "koperasi.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerow(row)
    result = run("validate", "--type", "cooperative", path)
    no_traceback(result)
    assert "baris 2: $.rat_records[3].fiscal_year:" in result.stdout
    assert "rat_records[0]" not in result.stdout
