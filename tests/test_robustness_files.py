"""Robustness of the command line and the batch APIs on hostile files (issue 13).

Hostile CSV and JSON Lines files (NIK-shaped column names written every way,
NIKs and bombs in every cell, huge cells, deep JSON nesting, non-objects) go
through every subcommand that reads records (``validate --type`` for every
entity type, ``bpum screen``, ``cooperatives status``) and through the batch
APIs. For every file: the command ends with an exit code (no traceback), no
NIK/KK shows unmasked on stdout, stderr or in the output file, and every
input record gives exactly one result row. Record counts are made here by
construction (one record per line), not read back from the library.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from _robustness import (
    KK,
    NIKS,
    TEXT_BOMBS,
    assert_masked,
    nik_texts,
)
from koperasi_id import batch, bpum
from koperasi_id.cli import main
from koperasi_id.cli.validate import ENTITY_TYPES, entity_type
from koperasi_id.rows import columns

#: A valid BPUM row, column by column.
BPUM_ROW = {
    "nik": NIKS[0],
    "kk": KK,
    "nama": "Siti",
    "alamat_ktp": "Jl. Kartini 5",
    "bidang_usaha": "warung",
    "telepon": "081234567890",
    "pekerjaan": "pedagang",
    "punya_kur": "tidak",
    "punya_kredit_bank_lain": "tidak",
    "jenis_pengusul": "dinas_kabupaten_kota",
    "wilayah_pengusul": "18.71",
}
#: Cell values with no line break: each row stays one line, so one record.
#: (Lone surrogates cannot be written as UTF-8; invalid bytes are written raw below.)
CELLS = tuple(
    v
    for v in (*TEXT_BOMBS, *nik_texts(every=False))
    if "\n" not in v
    and "\r" not in v
    and v.encode("utf-8", "surrogatepass") == v.encode("utf-8", "ignore")
)
#: Column names shaped like a NIK, with no delimiter or quote in them.
NIK_COLUMNS = tuple(
    c
    for c in nik_texts()
    if not any(ch in c for ch in ',;\t"\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029')
)


#: Unknown column names that a header may hold (a NIK-shaped one is refused below).
HOSTILE_COLUMNS = ("x" * 5000, "rat_records[99999999].x", "\u202e", "Nik Lama", "1e999999999")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), f"exit code {code}"
    assert "Traceback" not in err
    assert_masked(out, f"stdout of {argv[:2]}")
    assert_masked(err, f"stderr of {argv[:2]}")
    return code, out, err


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> int:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return len(rows)


def _hostile_bpum_rows() -> Iterator[list[str]]:
    names = list(BPUM_ROW)
    for i, name in enumerate(names):
        for value in CELLS:
            row = dict(BPUM_ROW)
            row[name] = value
            row["nik"] = NIKS[i % 2] if name != "nik" else value
            yield [row[c] for c in names]


def test_bpum_screen_gives_one_masked_row_per_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    header = [*BPUM_ROW, *HOSTILE_COLUMNS]
    rows = [r + [NIKS[1]] * len(HOSTILE_COLUMNS) for r in _hostile_bpum_rows()]
    count = _write_csv(source, header, rows)
    with source.open("ab") as f:  # and a record that is not UTF-8
        f.write(b"\xff\xfe" + NIKS[0].encode() + b"," * (len(header) - 1) + b"\n")
    count += 1
    code, _, _ = _run(["bpum", "screen", str(source), "--year", "2021", "--out", str(out)], capsys)
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert_masked(text, "bpum screen output")
    results = list(csv.DictReader(io.StringIO(text)))
    assert len(results) == count


def test_bpum_screen_of_json_lines_gives_one_row_per_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.csv"
    lines = [json.dumps({**BPUM_ROW, key: 1}) for key in NIK_COLUMNS[:50]]
    lines += [json.dumps(v) for v in CELLS[:20]]  # not objects
    lines += ["[" * 100_000 + "]" * 100_000, "{" + NIKS[0]]  # nesting bomb, broken JSON
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _run(["bpum", "screen", str(source), "--year", "2021", "--out", str(out)], capsys)
    text = out.read_text(encoding="utf-8")
    assert_masked(text, "bpum screen output")
    assert len(list(csv.DictReader(io.StringIO(text)))) == len(lines)


@pytest.mark.parametrize("kind", sorted(ENTITY_TYPES))
def test_validate_reports_every_record_and_masks(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cls = entity_type(kind)
    header = list(BPUM_ROW) if cls is bpum.Proposal else columns(cls)
    header += list(HOSTILE_COLUMNS)
    rows = [[value] * len(header) for value in CELLS]
    source, out = tmp_path / "in.csv", tmp_path / "out.jsonl"
    count = _write_csv(source, header, rows)
    code, _, err = _run(
        ["validate", "--type", kind, str(source), "--format", "jsonl", "--out", str(out)], capsys
    )
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert_masked(text, "validate output")
    problems = [json.loads(line) for line in text.splitlines()]
    # Every record is invalid here, and each is reported on its own line number.
    assert {p["line"] for p in problems} == set(range(2, count + 2))
    assert err.startswith(f"{count} ")  # "N records, ..." (or "N rekaman, ...")


def test_cooperatives_status_counts_every_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = [*columns(entity_type("cooperative")), *HOSTILE_COLUMNS]
    rows = [[value] * len(header) for value in CELLS]
    source = tmp_path / "in.csv"
    count = _write_csv(source, header, rows)
    code, out, _ = _run(
        ["cooperatives", "status", str(source), "--as-of", "2024-06-01", "--json"], capsys
    )
    assert code == 0
    assert json.loads(out)["rows"] == count


@pytest.mark.parametrize("name", NIK_COLUMNS[::7])
def test_a_nik_shaped_column_name_refuses_the_file_without_echoing_it(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    _write_csv(source, [*BPUM_ROW, name], [[*BPUM_ROW.values(), "x"]])
    code, out, err = _run(["bpum", "screen", str(source), "--year", "2021"], capsys)
    assert code == 1
    assert "header" in err
    assert out == ""


def test_unclosed_quote_loses_no_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Five records, one line each; the third opens a quote it never closes.
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    lines = [",".join(BPUM_ROW)]
    for i in range(5):
        row = dict(BPUM_ROW, nik=NIKS[i % 2])
        if i == 2:
            row["nama"] = '"Siti'
        lines.append(",".join(row.values()))
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _run(["bpum", "screen", str(source), "--year", "2021", "--out", str(out)], capsys)
    with out.open(encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == 5


def test_batch_screening_gives_one_result_per_record() -> None:
    header = list(BPUM_ROW)
    rows = [*(list(r) for r in _hostile_bpum_rows()), [NIKS[0]], [], [NIKS[0]] * 30]
    results = batch.screen_rows(rows, header=header, year=2021)
    assert [r["index"] for r in results] == list(range(len(rows)))
    assert_masked(json.dumps(results, ensure_ascii=False, default=str), "batch results")
    records = [dict(zip(header, r, strict=False)) for r in rows[:50]] + [None, 7, NIKS[0]]
    results = batch.screen_records(records, year=2021)
    assert len(results) == len(records)
    assert_masked(json.dumps(results, ensure_ascii=False, default=str), "batch results")
